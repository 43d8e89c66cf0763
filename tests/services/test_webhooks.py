import hashlib
import hmac
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.utils import timezone

from claims.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from claims.services.verdicts import verdict_publish
from claims.services.webhooks import verdict_published_notify, webhook_delivery_attempt, webhook_delivery_retry
from tests.factories import ClaimFactory, ReferenceStatementFactory, VerdictFactory, WebhookSubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    """The receiving test server is on 127.0.0.1, refused by claims.lib.http unless allow-listed."""
    settings.FACTCHECK_HTTP_ALLOWLIST = ["127.0.0.1"]

SECRET = "s3cret-for-tests"


class Receiver:
    """A real HTTP server on 127.0.0.1 that answers every POST with `status` and keeps what it got."""

    def __init__(self, status=200):
        self.status = status
        self.requests = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                self.send_response(receiver.status)
                self.end_headers()
                self.wfile.write(b"ok" if receiver.status < 400 else "عطل".encode())

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_port}/hooks/factcheck"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def notify_one_subscriber(claim, owner, capture_on_commit, *, status: int) -> Receiver:
    """Send `claim`'s published verdict to one subscription whose endpoint answers `status`;
    the receiver keeps the requests it got."""
    with Receiver(status=status) as receiver:
        WebhookSubscriptionFactory(owner=owner, url=receiver.url, secret=SECRET)
        with capture_on_commit(execute=True):
            verdict_published_notify(verdict_id=claim.verdict.id)
    return receiver


@pytest.fixture
def decided_claim(editor):
    reference = ReferenceStatementFactory()
    claim = ClaimFactory(
        text="وبلغت تكلفة تدريب النموذج 558 مليون دولار",
        suggested=True,
        figures=[("558 مليون دولار", "money", "558000000", "USD")],
        reference=reference,
    )
    VerdictFactory(claim=claim, editor=editor, reference=reference)
    return claim


def test_it_posts_a_signed_claim_to_each_subscriber_when_a_verdict_is_published(
    decided_claim, chief, django_capture_on_commit_callbacks
):
    with Receiver() as receiver:
        WebhookSubscriptionFactory(owner=chief, url=receiver.url, secret=SECRET)
        WebhookSubscriptionFactory(owner=chief, url=receiver.url, secret="x", is_active=False)
        with django_capture_on_commit_callbacks(execute=True):
            verdict_publish(claim=decided_claim, publisher=chief)

    assert len(receiver.requests) == 1
    headers, body = receiver.requests[0]
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Factcheck-Signature"], expected)
    assert headers["X-Factcheck-Event"] == "verdict.published"
    assert headers["Content-Type"].startswith("application/json")
    claim = json.loads(body)
    assert claim["id"] == decided_claim.id
    assert claim["verdict"]["rating"] == "wrong_figure"
    assert claim["quantities"][0]["value"] == "558000000"
    delivery = WebhookDelivery.objects.get()
    assert headers["X-Factcheck-Delivery"] == str(delivery.pk)
    assert (delivery.status, delivery.attempts, delivery.response_code) == (DeliveryStatus.DELIVERED, 1, 200)
    assert delivery.delivered_at is not None


def test_it_retries_a_failing_endpoint_and_then_marks_the_delivery_failed(
    decided_claim, chief, settings, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_WEBHOOK_MAX_RETRIES = 2
    settings.FACTCHECK_WEBHOOK_BACKOFF_SECONDS = 0
    settings.CELERY_TASK_EAGER_PROPAGATES = False  # eager Celery runs a retry at once only when not propagating
    receiver = notify_one_subscriber(decided_claim, chief, django_capture_on_commit_callbacks, status=500)

    assert len(receiver.requests) == 3
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 3
    assert delivery.response_code == 500
    assert "HTTP 500" in delivery.last_error


def test_it_does_not_retry_an_endpoint_that_refuses_the_delivery(
    decided_claim, chief, django_capture_on_commit_callbacks
):
    receiver = notify_one_subscriber(decided_claim, chief, django_capture_on_commit_callbacks, status=410)

    assert len(receiver.requests) == 1
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (DeliveryStatus.FAILED, 1, 410)


def test_it_records_an_unreachable_endpoint_and_delivers_when_retried_by_hand(
    decided_claim, chief, settings, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_WEBHOOK_MAX_RETRIES = 1
    settings.FACTCHECK_WEBHOOK_BACKOFF_SECONDS = 0
    settings.CELERY_TASK_EAGER_PROPAGATES = False
    receiver = Receiver()
    url = receiver.url  # nothing listens on this port until the receiver is started
    receiver.server.server_close()
    subscription = WebhookSubscriptionFactory(owner=chief, url=url, secret=SECRET)
    with django_capture_on_commit_callbacks(execute=True):
        verdict_published_notify(verdict_id=decided_claim.verdict.id)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 2 and delivery.response_code is None
    assert delivery.last_error

    with Receiver() as receiver:
        subscription.url = receiver.url
        subscription.save()
        with django_capture_on_commit_callbacks(execute=True):
            assert webhook_delivery_retry(deliveries=[delivery]) == 1

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert delivery.attempts == 3
    assert len(receiver.requests) == 1


def test_a_second_run_of_a_delivery_being_sent_does_not_post_it_again(decided_claim, chief):
    with Receiver() as receiver:
        subscription = WebhookSubscription.objects.create(owner=chief, url=receiver.url, secret=SECRET)
        delivery = WebhookDelivery.objects.create(
            subscription=subscription, event="verdict.published", payload={"id": decided_claim.pk}
        )
        # The first run has taken the delivery and its POST is on the wire.
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.SENDING, sending_since=timezone.now()
        )
        second = webhook_delivery_attempt(delivery_id=delivery.pk)

    assert receiver.requests == []
    assert (second.status, second.attempts) == (DeliveryStatus.SENDING, 0)


def test_a_delivery_is_posted_once_however_often_its_task_runs(decided_claim, chief):
    with Receiver() as receiver:
        subscription = WebhookSubscription.objects.create(owner=chief, url=receiver.url, secret=SECRET)
        delivery = WebhookDelivery.objects.create(
            subscription=subscription, event="verdict.published", payload={"id": decided_claim.pk}
        )
        runs = [webhook_delivery_attempt(delivery_id=delivery.pk) for _ in range(3)]

    assert len(receiver.requests) == 1
    assert [(run.status, run.attempts) for run in runs] == [(DeliveryStatus.DELIVERED, 1)] * 3


def test_a_delivery_left_sending_by_a_dead_worker_is_taken_again(decided_claim, chief, settings):
    settings.FACTCHECK_STUCK_SECONDS = 60
    with Receiver() as receiver:
        subscription = WebhookSubscription.objects.create(owner=chief, url=receiver.url, secret=SECRET)
        delivery = WebhookDelivery.objects.create(
            subscription=subscription, event="verdict.published", payload={"id": decided_claim.pk}
        )
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.SENDING, sending_since=timezone.now() - timedelta(seconds=61)
        )
        taken = webhook_delivery_attempt(delivery_id=delivery.pk)

    assert len(receiver.requests) == 1
    assert taken.status == DeliveryStatus.DELIVERED


def test_a_chief_editor_manages_their_subscriptions_through_the_api(chief_api, chief):
    body = {"url": "https://newsroom.example.org/hooks", "secret": "a-long-enough-secret"}
    created = chief_api.post("/api/v1/webhooks/", body, format="json")

    assert created.status_code == 201
    assert "secret" not in created.json()
    subscription = WebhookSubscription.objects.get()
    assert subscription.owner == chief and subscription.secret == "a-long-enough-secret"
    assert [row["id"] for row in chief_api.get("/api/v1/webhooks/").json()["results"]] == [subscription.pk]
