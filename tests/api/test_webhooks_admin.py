import pytest

from claims.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from tests.api.test_webhooks import Receiver

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_delivery(chief):
    subscription = WebhookSubscription.objects.create(owner=chief, url="http://127.0.0.1:9/", secret="s" * 32)
    return WebhookDelivery.objects.create(
        subscription=subscription,
        event="verdict.published",
        payload={"id": 1, "text": "<script>alert(1)</script>"},
        status=DeliveryStatus.FAILED,
        attempts=6,
        last_error="URLError: Connection refused",
    )


def test_a_chief_editor_sees_a_failed_delivery_with_its_payload_escaped(client, chief, failed_delivery):
    client.force_login(chief)

    listing = client.get("/admin/claims/webhookdelivery/")
    page = client.get(f"/admin/claims/webhookdelivery/{failed_delivery.pk}/change/")

    assert listing.status_code == 200 and "127.0.0.1:9" in listing.content.decode()
    assert page.status_code == 200
    html = page.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_a_chief_editor_retries_a_failed_delivery_from_the_admin(
    client, chief, failed_delivery, django_capture_on_commit_callbacks
):
    client.force_login(chief)
    with Receiver() as receiver:
        failed_delivery.subscription.url = receiver.url
        failed_delivery.subscription.save()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/admin/claims/webhookdelivery/",
                {"action": "retry", "_selected_action": [failed_delivery.pk]},
                follow=True,
            )

    assert response.status_code == 200
    failed_delivery.refresh_from_db()
    assert failed_delivery.status == DeliveryStatus.DELIVERED
    assert len(receiver.requests) == 1


def test_an_editor_cannot_open_the_webhooks_admin(client, editor, failed_delivery):
    client.force_login(editor)

    assert client.get("/admin/claims/webhooksubscription/").status_code == 403
    assert client.get("/admin/claims/webhookdelivery/").status_code == 403


def test_a_new_subscription_comes_with_a_random_secret(client, chief):
    client.force_login(chief)

    first = client.get("/admin/claims/webhooksubscription/add/").content.decode()
    second = client.get("/admin/claims/webhooksubscription/add/").content.decode()

    def secret(html):
        start = html.index('name="secret"')
        return html[start : start + 200].split('value="')[1].split('"')[0]

    assert len(secret(first)) == 64 and secret(first) != secret(second)
