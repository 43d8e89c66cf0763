"""Admin registrations, one module per capability."""

from claims.admin import checkworthiness, exports, references, review, sources, tokens, webhooks  # noqa: F401
