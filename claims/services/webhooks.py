"""Webhooks: tell API clients when a verdict is published, or when a claim rated wrong comes back.

One `WebhookDelivery` row per active subscription and event, holding the payload (the §4 claim
object), so a delivery can be inspected and retried from the admin. The body is POSTed as JSON and
signed with HMAC-SHA256 of the exact body bytes under the subscription's secret:
`X-Factcheck-Signature: sha256=<hex>`. Network errors, 5xx, 408 and 429 are transient (the task
retries them with exponential backoff); any other answer outside 2xx fails the delivery at once.

HTTP goes through claims.lib.http, like every outbound request: the target must be a public
http(s) address (or on FACTCHECK_HTTP_ALLOWLIST), checked when the subscription is saved and again
at every send; a refused address fails the delivery at once. Redirects are not followed. The
response body is never read or stored: a delivery keeps only a short status ("HTTP 503 Service
Unavailable"). A delivery of a deactivated subscription is never sent (nor retried).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from claims.lib import http
from claims.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from claims.representations import ClaimSerializer, claim_queryset
from claims.services.rows import row_claim
from claims.tasks.webhooks import deliver_webhook

EVENT_VERDICT_PUBLISHED = "verdict.published"
EVENT_CLAIM_REPEATED = "claim.repeated"
SIGNATURE_HEADER = "X-Factcheck-Signature"
EVENT_HEADER = "X-Factcheck-Event"
DELIVERY_HEADER = "X-Factcheck-Delivery"
USER_AGENT = "factcheck-webhooks/1.0"
TRANSIENT_STATUS_CODES = frozenset({408, 429})
ERROR_MAX_CHARS = 2000
INACTIVE_ERROR = "not sent: the subscription is deactivated"


class WebhookTransientError(Exception):
    """The endpoint could not be reached or answered 5xx/408/429: worth another try."""


def webhook_signature(*, body: bytes, secret: str) -> str:
    """The value of the signature header for a body: `sha256=<hex HMAC-SHA256 of body>`."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def webhook_body(payload) -> bytes:
    """The exact bytes POSTed (and signed) for a payload: compact UTF-8 JSON."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def verdict_published_notify(*, verdict_id: int) -> list[WebhookDelivery]:
    """Create one delivery of `verdict.published` per active subscription and queue them."""
    return _notify(EVENT_VERDICT_PUBLISHED, verdict__id=verdict_id)


def claim_repeated_notify(*, claim_id: int) -> list[WebhookDelivery]:
    """`claim.repeated`: a claim our desk already rated wrong came back in a new article. Sent once
    per claim, however often the claim is matched again."""
    if WebhookDelivery.objects.filter(event=EVENT_CLAIM_REPEATED, payload__id=claim_id).exists():
        return []
    return _notify(EVENT_CLAIM_REPEATED, id=claim_id)


def _notify(event: str, **claim_filter) -> list[WebhookDelivery]:
    claim = claim_queryset().filter(**claim_filter).first()
    if claim is None:
        return []
    payload = json.loads(json.dumps(ClaimSerializer(claim).data))
    subscriptions = WebhookSubscription.objects.filter(is_active=True).order_by("id")
    deliveries = WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(subscription=subscription, event=event, payload=payload) for subscription in subscriptions]
    )
    for delivery in deliveries:
        _queue(delivery.pk)
    return deliveries


def webhook_delivery_attempt(*, delivery_id: int) -> WebhookDelivery:
    """POST one delivery once and record the attempt on its row.

    The delivery is taken from `pending` to `sending` by one conditional update (services.rows), so
    of two runs of the same delivery only one POSTs; a delivered, failed or sending delivery is left
    alone (a `sending` one older than FACTCHECK_STUCK_SECONDS was left by a dead worker and is taken
    again). Raises WebhookTransientError (after recording it, the delivery `pending` again) when
    another try may succeed.
    """
    stale = timezone.now() - timedelta(seconds=settings.FACTCHECK_STUCK_SECONDS)
    takeable = Q(status=DeliveryStatus.PENDING) | Q(status=DeliveryStatus.SENDING, sending_since__lt=stale)
    taken = row_claim(
        WebhookDelivery, pk=delivery_id, when=takeable, status=DeliveryStatus.SENDING, sending_since=timezone.now()
    )
    delivery = WebhookDelivery.objects.select_related("subscription").get(pk=delivery_id)
    if not taken:
        return delivery

    subscription = delivery.subscription
    if not subscription.is_active:
        delivery.status, delivery.last_error = DeliveryStatus.FAILED, INACTIVE_ERROR
        delivery.save(update_fields=["status", "last_error"])
        return delivery
    body = webhook_body(delivery.payload)
    code, error, refused = _post(
        subscription.url,
        body,
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": USER_AGENT,
            EVENT_HEADER: delivery.event,
            DELIVERY_HEADER: str(delivery.pk),
            SIGNATURE_HEADER: webhook_signature(body=body, secret=subscription.secret),
        },
    )
    delivery.attempts += 1
    delivery.response_code = code
    delivery.last_error = error[:ERROR_MAX_CHARS]
    fields = ["attempts", "response_code", "last_error", "status", "delivered_at"]
    if code is not None and 200 <= code < 300:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.save(update_fields=fields)
        return delivery
    transient = not refused and (code is None or code >= 500 or code in TRANSIENT_STATUS_CODES)
    delivery.status = DeliveryStatus.PENDING if transient else DeliveryStatus.FAILED
    delivery.save(update_fields=fields)
    if transient:
        raise WebhookTransientError(error)
    return delivery


def webhook_delivery_fail(*, delivery_id: int) -> None:
    """The retries ran out: the delivery stays `failed` (with its last error) until retried by hand."""
    WebhookDelivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING).update(status=DeliveryStatus.FAILED)


def webhook_delivery_retry(*, deliveries) -> int:
    """Queue failed deliveries again (admin action). Returns how many were queued."""
    ids = [delivery.pk for delivery in deliveries if delivery.status == DeliveryStatus.FAILED]
    with transaction.atomic():
        retried = WebhookDelivery.objects.filter(pk__in=ids, status=DeliveryStatus.FAILED).update(
            status=DeliveryStatus.PENDING, last_error=""
        )
        for delivery_id in ids:
            _queue(delivery_id)
    return retried


def webhook_retry_countdown(retries: int) -> float:
    """Seconds before retry number `retries + 1`: base, 2×base, 4×base, … capped at an hour."""
    return min(settings.FACTCHECK_WEBHOOK_BACKOFF_SECONDS * (2**retries), 3600.0)


def _queue(delivery_id: int) -> None:
    deliver_webhook.delay_on_commit(delivery_id)


def _post(url: str, body: bytes, *, headers: dict[str, str]) -> tuple[int | None, str, bool]:
    """POST; return (status code or None when unreachable, a short status text, whether the address was refused).

    A redirected POST would be replayed as a GET without its body: the 3xx is reported instead."""
    try:
        response = http.fetch(
            url,
            method="POST",
            content=body,
            headers=headers,
            timeout=settings.FACTCHECK_WEBHOOK_TIMEOUT,
            max_redirects=0,
            read_body=False,
        )
    except http.FetchError as exc:
        return None, str(exc), exc.kind == "refused"
    if 200 <= response.status < 300:
        return response.status, "", False
    return response.status, f"HTTP {response.status} {response.reason}".strip(), False
