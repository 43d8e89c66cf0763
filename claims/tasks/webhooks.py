"""Webhook delivery: a thin door over claims.services.webhooks, retrying transient failures."""

from celery import shared_task
from django.conf import settings


@shared_task(bind=True, acks_late=True)
def deliver_webhook(self, delivery_id: int) -> None:
    """POST one delivery; on network errors/5xx retry with exponential backoff, then mark it failed.

    Limits are read from settings at run time (FACTCHECK_WEBHOOK_MAX_RETRIES,
    FACTCHECK_WEBHOOK_BACKOFF_SECONDS), so they can change without re-registering the task.
    """
    # Imported here: claims.services.webhooks queues this task (a module-level import would be a circle).
    from claims.services import webhooks

    try:
        webhooks.webhook_delivery_attempt(delivery_id=delivery_id)
    except webhooks.WebhookTransientError as exc:
        max_retries = settings.FACTCHECK_WEBHOOK_MAX_RETRIES
        if self.request.retries >= max_retries:
            webhooks.webhook_delivery_fail(delivery_id=delivery_id)
            return
        raise self.retry(
            exc=exc, countdown=webhooks.webhook_retry_countdown(self.request.retries), max_retries=max_retries
        ) from exc
