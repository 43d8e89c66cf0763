"""Admin registrations, one module per capability."""

from claims.admin import references, review, tokens, webhooks  # noqa: F401
