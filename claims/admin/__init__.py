"""Admin registrations, one module per capability."""

from claims.admin import checkworthiness, references, review, webhooks  # noqa: F401
