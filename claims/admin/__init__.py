"""Admin registrations, one module per capability."""

from claims.admin import exports, references, review, webhooks  # noqa: F401
