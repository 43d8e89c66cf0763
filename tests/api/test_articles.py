import httpx
import pytest

from claims.lib import http
from claims.models import Article, ArticleStatus

pytestmark = pytest.mark.django_db

TEXT = "قالت وزارة الاقتصاد إن الناتج المحلي نما بنسبة 3.2% في عام 2024، بعد نمو بلغ 1.1% في العام السابق."


def test_it_accepts_an_article_and_points_to_its_status(editor_api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        body = {"title": "النمو", "text": TEXT, "source": "api-test"}
        response = editor_api.post("/api/v1/articles/", body, format="json")

    assert response.status_code == 202, response.json()
    body = response.json()
    article = Article.objects.get(pk=body["id"])
    assert body["created"] is True
    assert body["status_url"].endswith(f"/api/v1/articles/{article.pk}/")
    assert response["Location"] == body["status_url"]
    assert article.text == TEXT and article.source == "api-test"

    detail = editor_api.get(body["status_url"]).json()
    assert detail["status"] == ArticleStatus.READY
    assert detail["error"] == ""
    assert any("3.2%" in claim["text"] for claim in detail["claims"])
    assert all(claim["article"]["id"] == article.pk for claim in detail["claims"])


def test_it_returns_the_existing_article_for_identical_text(editor_api):
    first = editor_api.post("/api/v1/articles/", {"title": "النمو", "text": TEXT}, format="json")
    again = editor_api.post("/api/v1/articles/", {"title": "عنوان آخر", "text": TEXT}, format="json")

    assert first.status_code == 202
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"] and again.json()["created"] is False
    assert Article.objects.count() == 1


def test_it_requires_text_or_url(editor_api):
    response = editor_api.post("/api/v1/articles/", {"title": "فارغ", "text": "   "}, format="json")

    assert response.status_code == 400
    assert Article.objects.count() == 0


def test_it_reports_a_url_it_cannot_read(editor_api):
    response = editor_api.post("/api/v1/articles/", {"url": "http://127.0.0.1:9/nothing-here"}, format="json")

    assert response.status_code == 400
    assert "url" in response.json()
    assert Article.objects.count() == 0


UNSUPPORTED_AR = "نوع محتوى غير مدعوم application/pdf (المتوقع صفحة HTML أو خلاصة أخبار RSS/Atom)"


@pytest.mark.parametrize(
    ("accept_language", "status", "content_type", "message"),
    [
        (None, 404, "text/html", "أجاب الخادم برمز HTTP 404 Not Found"),
        ("ar", 200, "application/pdf", UNSUPPORTED_AR),
        ("ar", 200, "text/plain", "ملف ثنائي (مستند PDF) وليس نصاً"),
        ("en", 404, "text/html", "the server answered HTTP 404 Not Found"),
        ("en", 200, "text/plain", "binary file (a PDF document), not text"),
    ],
)
def test_it_says_why_a_url_cannot_be_read_in_the_requested_language_arabic_by_default(
    editor_api, monkeypatch, accept_language, status, content_type, message
):
    url = "https://news.example/report"
    answer = http.FetchResponse(
        url=url, status=status, reason="Not Found" if status == 404 else "OK",
        headers=httpx.Headers({"content-type": content_type}), content=b"%PDF-1.7\n",
    )
    monkeypatch.setattr(http, "fetch", lambda *args, **kwargs: answer)
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}

    response = editor_api.post("/api/v1/articles/", {"url": url}, format="json", **headers)

    assert response.status_code == 400
    assert response.json() == {"url": message}
    assert Article.objects.count() == 0


def test_it_shows_a_failed_article_with_its_error(viewer_api):
    article = Article.objects.create(
        title="تالف", source="x", text="نص", content_hash="f" * 64, status=ArticleStatus.FAILED, error="ValueError: bad"
    )

    body = viewer_api.get(f"/api/v1/articles/{article.pk}/").json()

    assert body["status"] == "failed" and body["error"] == "ValueError: bad"
    assert body["claims"] == []
