"""Admin registrations, one module per capability."""

from claims.admin import references, review, sources, webhooks  # noqa: F401
