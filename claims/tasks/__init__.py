"""Celery tasks: thin doors over the services. Celery's autodiscovery imports this package."""

from claims.tasks import articles, checkworthiness, dashboard, exports, matching, webhooks  # noqa: F401
