"""Admin registrations, one module per capability."""

from claims.admin import exports, references, review, tokens, webhooks  # noqa: F401
