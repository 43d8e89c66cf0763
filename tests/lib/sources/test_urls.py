import socket
from datetime import UTC, datetime

import pytest

from claims.lib.http import FETCH_FAILED
from claims.lib.sources import IncomingArticle, SourceError, read_url

from .helpers import FIXTURES

pytestmark = pytest.mark.usefixtures("english")  # the messages compared are the English ones


def test_it_reads_a_page_as_one_article_without_its_chrome(site):
    site.serve("/economy/data-centres", (FIXTURES / "news_page.html").read_bytes())
    url = site.url("/economy/data-centres")

    [article] = read_url(url)

    assert article.title == "شركات الاتصالات الخليجية تضاعف استثماراتها في مراكز البيانات"
    assert article.source == url
    assert article.url == url
    assert "تتسابق شركات الاتصالات في دول الخليج" in article.text
    assert "جزر المالديف" not in article.text
    assert "أبو خالد" not in article.text


def test_it_keeps_the_address_a_redirect_lands_on(site):
    site.serve("/2025/story", (FIXTURES / "news_page.html").read_bytes())
    site.redirect("/s/abc", "/2025/story")

    [article] = read_url(site.url("/s/abc"))

    assert article.url == site.url("/2025/story")
    assert article.source == site.url("/s/abc")


def test_it_reads_every_entry_of_an_rss_feed(site):
    site.serve("/tech/rss", (FIXTURES / "feed.rss").read_bytes(), content_type="application/rss+xml")

    entries = read_url(site.url("/tech/rss"))

    assert [entry.url for entry in entries] == [
        "https://alrasd.example/tech/2025/02/10/cbdc-pilot",
        "https://alrasd.example/tech/2025/02/11/cyber-jobs",
    ]
    assert entries[0].published_at == datetime(2025, 2, 10, 5, 15, tzinfo=UTC)
    assert all(entry.source == site.url("/tech/rss") for entry in entries)


def test_it_recognises_a_feed_served_with_a_generic_content_type(site):
    site.serve("/energy", (FIXTURES / "feed.atom").read_bytes(), content_type="text/html; charset=utf-8")

    [entry] = read_url(site.url("/energy"))

    assert entry.title == "محطة طاقة شمسية جديدة تدخل الخدمة في الصحراء"


def test_it_honours_the_charset_of_the_http_header(site):
    page = (
        "<html><body><article><p>قررت الهيئة العامة للطيران المدني فتح مسارات جوية جديدة تربط المدن الساحلية "
        "بالعاصمة اعتباراً من الصيف المقبل.</p></article></body></html>"
    )
    site.serve("/cp1256", page.encode("cp1256"), content_type="text/html; charset=windows-1256")

    [article] = read_url(site.url("/cp1256"))

    assert "مسارات جوية جديدة" in article.text


def test_it_reads_plain_text_like_a_text_file(site):
    site.serve("/wire.txt", "خبر عاجل\nأعلنت الوزارة نتائج المناقصة.\n", content_type="text/plain; charset=utf-8")

    [article] = read_url(site.url("/wire.txt"))

    assert article == IncomingArticle(
        title="خبر عاجل",
        text="خبر عاجل\nأعلنت الوزارة نتائج المناقصة.\n",
        source=site.url("/wire.txt"),
        url=site.url("/wire.txt"),
    )


def test_it_reports_a_missing_page_with_its_http_status(site):
    url = site.url("/gone")

    assert read_url(url) == [SourceError(source=url, message="the server answered HTTP 404 Not Found")]


def test_it_reports_a_server_error(site):
    site.serve("/broken", "خطأ", status=503)

    [error] = read_url(site.url("/broken"))

    assert error.message == "the server answered HTTP 503 Service Unavailable"


def test_it_refuses_content_that_is_neither_html_nor_a_feed(site):
    site.serve("/report.pdf", b"%PDF-1.7\n", content_type="application/pdf")

    [error] = read_url(site.url("/report.pdf"))

    assert error.message == "unsupported content type application/pdf (expected an HTML page or an RSS/Atom feed)"


def test_it_reports_a_page_without_extractable_text(site):
    site.serve("/blank", "<html><head><title>فارغة</title></head><body></body></html>")

    [error] = read_url(site.url("/blank"))

    assert error == SourceError(source=site.url("/blank"), message="no extractable text in the HTML")


def test_it_refuses_a_response_over_the_size_limit(site, settings):
    settings.FACTCHECK_MAX_UPLOAD_BYTES = 1000
    site.serve("/huge", "<html><body><p>" + "خبر " * 1000 + "</p></body></html>")

    [error] = read_url(site.url("/huge"))

    assert (
        error.message == "file too large (more than 1,000 bytes; the limit is 1,000 bytes, FACTCHECK_MAX_UPLOAD_BYTES)"
    )


def test_it_gives_up_on_a_server_that_does_not_answer_in_time(site):
    site.serve("/slow", "<html><body><p>متأخر</p></body></html>", delay=1.0)

    [error] = read_url(site.url("/slow"), timeout=0.2)

    # The same text as for a refused address or a closed port: no oracle of what is behind it.
    assert error.message == str(FETCH_FAILED)


def test_it_reports_a_server_it_cannot_reach(settings):
    settings.FACTCHECK_HTTP_ALLOWLIST = ["127.0.0.1"]
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"

    [error] = read_url(url, timeout=2)

    assert error.message == str(FETCH_FAILED)


def test_it_reads_only_http_and_https_addresses():
    for url in ("file:///etc/passwd", "ftp://files.example/story.txt", "http://", "نص عادي"):
        assert read_url(url) == [SourceError(source=url, message="only http:// and https:// URLs can be read")]
