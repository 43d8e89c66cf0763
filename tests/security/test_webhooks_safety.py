"""Webhooks: no response body kept, no sending or retrying once a subscription is deactivated."""

import pytest

from claims.lib import http
from claims.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from claims.services.webhooks import verdict_published_notify
from tests.factories import WebhookSubscriptionFactory
from tests.services.test_webhooks import SECRET, Receiver, decided_claim, notify_one_subscriber  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    settings.FACTCHECK_HTTP_ALLOWLIST = ["127.0.0.1"]
    settings.FACTCHECK_WEBHOOK_BACKOFF_SECONDS = 0
    settings.CELERY_TASK_EAGER_PROPAGATES = False  # eager Celery runs retries at once only when not propagating


def test_only_a_short_status_of_the_answer_is_kept_never_its_body(
    decided_claim, chief, settings, django_capture_on_commit_callbacks  # noqa: F811
):
    settings.FACTCHECK_WEBHOOK_MAX_RETRIES = 0
    notify_one_subscriber(decided_claim, chief, django_capture_on_commit_callbacks, status=500)

    delivery = WebhookDelivery.objects.get()
    assert delivery.last_error == "HTTP 500 Internal Server Error"  # the receiver's body ("عطل") is not kept


def test_a_deactivated_subscription_is_not_retried(
    decided_claim, chief, settings, monkeypatch, django_capture_on_commit_callbacks  # noqa: F811
):
    settings.FACTCHECK_WEBHOOK_MAX_RETRIES = 5
    with Receiver(status=503) as receiver:
        subscription = WebhookSubscriptionFactory(owner=chief, url=receiver.url, secret=SECRET)
        real_fetch = http.fetch

        def fetch_then_deactivate(*args, **kwargs):
            # An editor switches the subscription off while the first (failed) post is under way.
            response = real_fetch(*args, **kwargs)
            WebhookSubscription.objects.filter(pk=subscription.pk).update(is_active=False)
            return response

        monkeypatch.setattr(http, "fetch", fetch_then_deactivate)
        with django_capture_on_commit_callbacks(execute=True):
            verdict_published_notify(verdict_id=decided_claim.verdict.id)

    assert len(receiver.requests) == 1  # then deactivated: no second post
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert "deactivated" in delivery.last_error
