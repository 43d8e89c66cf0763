import pytest

from claims.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from tests.factories import WebhookSubscriptionFactory
from tests.services.test_webhooks import Receiver

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    """The receiving test server is on 127.0.0.1, refused by claims.lib.http unless allow-listed."""
    settings.FACTCHECK_HTTP_ALLOWLIST = ["127.0.0.1"]


@pytest.fixture
def failed_delivery(chief):
    subscription = WebhookSubscriptionFactory(owner=chief, url="http://127.0.0.1:9/", secret="s" * 32)
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


def test_a_new_subscription_gets_a_random_secret_shown_once_and_never_rendered_again(client, chief):
    client.force_login(chief)

    form = client.get("/admin/claims/webhooksubscription/add/").content.decode()
    saved = client.post(
        "/admin/claims/webhooksubscription/add/",
        {"owner": chief.pk, "url": "https://newsroom.example.org/hooks", "secret": "", "is_active": "on"},
        follow=True,
    )

    subscription = WebhookSubscription.objects.get()
    assert len(subscription.secret) == 64 and subscription.secret not in form
    assert subscription.secret in saved.content.decode()  # once, in the message after saving
    change_page = client.get(f"/admin/claims/webhooksubscription/{subscription.pk}/change/").content.decode()
    assert subscription.secret not in change_page


def test_a_blank_secret_keeps_the_current_one_and_a_new_one_replaces_it(client, chief):
    subscription = WebhookSubscriptionFactory(owner=chief, url="https://a.example.org/h", secret="k" * 40)
    client.force_login(chief)
    page = f"/admin/claims/webhooksubscription/{subscription.pk}/change/"
    fields = {"owner": chief.pk, "url": "https://a.example.org/h", "is_active": "on"}

    client.post(page, {**fields, "secret": ""})
    subscription.refresh_from_db()
    assert subscription.secret == "k" * 40

    client.post(page, {**fields, "secret": "n" * 32})
    subscription.refresh_from_db()
    assert subscription.secret == "n" * 32


@pytest.mark.parametrize(
    "url", ["http://169.254.169.254/latest/meta-data/", "http://localhost:8000/hook", "ftp://files.example.org/x"]
)
def test_an_internal_or_non_http_target_is_refused_when_saved(client, chief, settings, url):
    settings.FACTCHECK_HTTP_ALLOWLIST = []
    client.force_login(chief)

    response = client.post(
        "/admin/claims/webhooksubscription/add/",
        {"owner": chief.pk, "url": url, "secret": "", "is_active": "on"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200 and not WebhookSubscription.objects.exists()
    assert "not allowed" in response.content.decode() or "Enter a valid URL" in response.content.decode()
