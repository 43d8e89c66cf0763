"""Admin registrations, one module per capability."""

from claims.admin import checkworthiness, exports, references, review, tokens, webhooks  # noqa: F401
