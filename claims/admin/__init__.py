"""Admin registrations, one module per capability."""

from claims.admin import references, review, webhooks  # noqa: F401
