"""SSRF: every outbound request goes through claims.lib.http, which refuses internal addresses in all
their spellings, at the first address and after every redirect, with one and the same message.

The internal service is a real HTTP server on 127.0.0.1 that records what reached it."""

import socket

import pytest

from claims.lib import http
from claims.lib.http import FETCH_FAILED, FetchError, fetch
from claims.models import Article, DeliveryStatus, WebhookDelivery, WebhookSubscription
from tests.factories import WebhookSubscriptionFactory

SECRET_PAGE = "<html><body><p>لوحة داخلية: كلمة مرور قاعدة البيانات</p></body></html>"


@pytest.fixture
def internal(site, settings):
    """The test server, playing an internal service; nothing is allow-listed."""
    site.serve("/secret", SECRET_PAGE)
    settings.FACTCHECK_HTTP_ALLOWLIST = []
    return site


def port_of(site) -> int:
    return site.server.server_address[1]


def refused(url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, timeout=2)
    assert str(caught.value) == str(FETCH_FAILED)
    return caught.value


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",  # a DNS name resolving to loopback
        "127.1",  # short form
        "2130706433",  # decimal
        "0x7f000001",  # hex
        "0x7f.0.0.1",  # dotted hex
        "0177.0.0.1",  # octal
        "017700000001",  # octal, one number
        "[::1]",  # IPv6 loopback
        "[::ffff:127.0.0.1]",  # IPv4-mapped IPv6
        "[::ffff:7f00:1]",
        "[0:0:0:0:0:0:0:1]",
        "0.0.0.0",
        "[::]",
    ],
)
def test_loopback_in_every_spelling_is_refused_and_never_reached(internal, host):
    recorder = Recorder(internal)

    refused(f"http://{host}:{port_of(internal)}/secret")

    assert recorder.paths == []


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata (link-local)
        "http://[fe80::1]/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",  # carrier-grade NAT
        "http://[fd00::1]/",  # unique local
        "http://224.0.0.1/",  # multicast
        "http://[ff02::1]/",
        "http://240.0.0.1/",  # reserved
        "http://255.255.255.255/",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 of 169.254.169.254
        "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
        "ftp://files.example.org/report.txt",
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_FLUSHALL",
    ],
)
def test_internal_addresses_and_other_schemes_are_refused(url, no_allowlist):
    error = refused(url)
    assert error.kind == "refused"


class Recorder:
    def __init__(self, site):
        self.paths = []
        handler = site.server.RequestHandlerClass
        original = handler.do_GET
        recorder = self

        def do_get(self):
            recorder.paths.append(self.path)
            original(self)

        handler.do_GET = do_get


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/secret",
        "http://[::1]:{port}/secret",
        "http://2130706433:{port}/secret",
        "http://169.254.169.254/latest/meta-data/",
        "ftp://127.0.0.1/secret",
        "file:///etc/passwd",
    ],
)
def test_a_redirect_to_an_internal_host_or_another_scheme_is_refused_after_the_first_hop(site, settings, target):
    # The public site is played by `localhost`, allow-listed by name; 127.0.0.1 (the same server!)
    # is not on the list, so a redirect to it must be refused.
    settings.FACTCHECK_HTTP_ALLOWLIST = ["localhost"]
    port = port_of(site)
    recorder = Recorder(site)
    site.serve("/secret", SECRET_PAGE)
    site.routes["/start"] = (302, {"Location": "/hop"}, b"", 0.0)
    site.routes["/hop"] = (301, {"Location": target.format(port=port)}, b"", 0.0)

    with pytest.raises(FetchError) as caught:
        fetch(f"http://localhost:{port}/start", timeout=2)

    assert str(caught.value) == str(FETCH_FAILED)
    assert recorder.paths == ["/start", "/hop"]  # the internal page was never requested


def test_too_many_redirects_are_refused_with_the_same_message(site, settings):
    settings.FACTCHECK_HTTP_ALLOWLIST = ["127.0.0.1"]
    for number in range(10):
        site.redirect(f"/r{number}", f"/r{number + 1}")

    refused(site.url("/r0"))


def test_a_closed_port_a_refused_address_and_a_timeout_read_the_same(site, settings):
    settings.FACTCHECK_HTTP_ALLOWLIST = ["127.0.0.1"]
    site.serve("/slow", "<p>بطيء</p>", delay=1.0)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]

    messages = set()
    for url, timeout in ((f"http://127.0.0.1:{closed}/", 2), (site.url("/slow"), 0.2)):
        with pytest.raises(FetchError) as caught:
            fetch(url, timeout=timeout)
        messages.add(str(caught.value))
    settings.FACTCHECK_HTTP_ALLOWLIST = []
    messages.add(str(refused(site.url("/slow"))))

    assert messages == {str(FETCH_FAILED)}


@pytest.mark.parametrize("entry", ["localhost", "127.0.0.1", "127.0.0.0/8"])
def test_the_allow_list_lets_a_newsroom_reach_its_own_hosts(site, settings, entry):
    settings.FACTCHECK_HTTP_ALLOWLIST = [entry]
    site.serve("/intranet", "<p>نشرة داخلية</p>")

    response = fetch(f"http://localhost:{port_of(site)}/intranet", timeout=2)

    assert response.status == 200 and "نشرة داخلية" in response.content.decode()


def test_the_connection_goes_to_the_address_that_was_checked(site, settings, monkeypatch):
    """DNS rebinding: the name is resolved once, checked, and that very address is connected to
    (the Host header still names the site)."""
    settings.FACTCHECK_HTTP_ALLOWLIST = ["127.0.0.1"]
    seen_hosts = []
    handler = site.server.RequestHandlerClass
    original = handler.do_GET

    def do_get(self):
        seen_hosts.append(self.headers["Host"])
        original(self)

    handler.do_GET = do_get
    site.serve("/page", "<p>صفحة</p>")
    answers = iter([[(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 0))]])
    lookups = []
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host == "news.example":
            lookups.append(host)
            return next(answers)  # a second lookup would raise StopIteration
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    response = fetch(f"http://news.example:{port_of(site)}/page", timeout=2)

    assert response.status == 200
    assert lookups == ["news.example"]
    assert seen_hosts == [f"news.example:{port_of(site)}"]


def test_a_name_resolving_to_one_public_and_one_internal_address_is_refused(monkeypatch, no_allowlist):
    answers = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", 80)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 80)),
    ]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: answers)

    assert refused("http://split.example/").kind == "refused"


def test_the_body_is_capped_after_decoding(site, settings):
    settings.FACTCHECK_HTTP_ALLOWLIST = ["127.0.0.1"]
    site.serve("/big", "خبر " * 5000)

    with pytest.raises(http.ResponseTooLarge):
        fetch(site.url("/big"), max_bytes=1000, timeout=2)


# --- the doors ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_url_ingest_refuses_an_internal_page_and_stores_nothing(internal, editor_api):
    port = port_of(internal)
    named = editor_api.post("/api/v1/articles/", {"url": f"http://localhost:{port}/secret"}, format="json")
    decimal = editor_api.post("/api/v1/articles/", {"url": f"http://2130706433:{port}/secret"}, format="json")

    assert named.status_code == 400 and str(FETCH_FAILED) in str(named.json()["url"])
    assert decimal.status_code == 400 and "url" in decimal.json()  # refused by the URL validator or the fetch
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_cli_ingest_refuses_an_internal_page(internal, capsys):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("ingest", f"http://localhost:{port_of(internal)}/secret", "--sync")
    assert str(FETCH_FAILED) in capsys.readouterr().err
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_admin_url_form_refuses_an_internal_page(internal, client, editor):
    from claims.forms import ArticleAddForm

    form = ArticleAddForm(data={"title": "داخلي", "url": f"http://localhost:{port_of(internal)}/secret"})

    assert not form.is_valid()
    assert str(FETCH_FAILED) in str(form.errors)


@pytest.mark.django_db
def test_a_webhook_to_an_internal_address_fails_at_once_without_its_body_or_a_retry(internal, chief, monkeypatch):
    from claims.services import webhooks

    subscription = WebhookSubscriptionFactory(
        owner=chief, url=f"http://localhost:{port_of(internal)}/secret", secret="s" * 32
    )
    delivery = WebhookDelivery.objects.create(subscription=subscription, event="verdict.published", payload={})

    webhooks.webhook_delivery_attempt(delivery_id=delivery.pk)  # refused: no WebhookTransientError

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 1
    assert delivery.response_code is None and delivery.last_error == str(FETCH_FAILED)


@pytest.mark.django_db
def test_a_webhook_api_subscription_to_an_internal_address_is_refused(chief_api, no_allowlist):
    for url in ("http://169.254.169.254/latest/", "http://localhost/hook", "http://[::1]/hook"):
        response = chief_api.post("/api/v1/webhooks/", {"url": url, "secret": "a-long-enough-secret"}, format="json")

        assert response.status_code == 400, url
        assert "url" in response.json()
    assert not WebhookSubscription.objects.exists()
