import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from claims.models import Article, ArticleStatus, Rating
from claims.services.verdicts import verdict_set
from tests.lib.sources.helpers import ARABIC_LETTER, foreign_words

ADD = reverse("admin:claims_article_add")
PASTED = "أعلنت البلدية أن ميزانية النقل العام لهذا العام بلغت 90 مليون دولار، أي بزيادة 12 في المئة عن العام الماضي."


def test_an_editor_adds_an_article_by_pasting_text(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD, {"title": "ميزانية النقل", "text": PASTED})
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{article.pk}/change/")
    assert (article.title, article.text, article.source) == ("ميزانية النقل", PASTED, "admin")
    assert article.status in (ArticleStatus.READY, ArticleStatus.FAILED)  # the pipeline ran (eager Celery)


def test_an_editor_adds_an_article_by_uploading_an_html_file(client, editor, django_capture_on_commit_callbacks):
    html = f"<html><head><title>x</title></head><body><article><h1>النقل</h1><p>{PASTED}</p></article></body></html>"
    upload = SimpleUploadedFile("transport.html", html.encode(), content_type="text/html")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ADD, {"upload": upload})
    article = Article.objects.get()
    assert "90 مليون دولار" in article.text and "<p>" not in article.text
    assert article.source == "transport.html"


def test_adding_the_same_text_twice_keeps_one_article(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ADD, {"text": PASTED})
        client.post(ADD, {"text": PASTED})
    assert Article.objects.count() == 1


def test_the_add_form_wants_exactly_one_source_of_text(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("a.txt", PASTED.encode())
    response = client.post(ADD, {"text": PASTED, "upload": upload})
    assert response.status_code == 200 and Article.objects.count() == 0
    assert client.post(ADD, {"url": "file:///etc/passwd"}).status_code == 200
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("old.txt", PASTED.encode("cp1256")),  # not UTF-8: never a guessed encoding
        ("report.txt", b"%PDF-1.7\n"),
        ("story.txt", b"PK\x03\x04\x14\x00"),
        ("nul.txt", b"ab\x00c"),
        ("utf16.txt", PASTED.encode("utf-16")),
        ("blank.txt", b" \n"),
        ("page.html", b"<html><body><script>x()</script></body></html>"),
        ("long.txt", PASTED.encode() * 200),
    ],
)
def test_an_unreadable_upload_is_refused_with_an_arabic_reason(client, editor, settings, name, content):
    settings.FACTCHECK_MAX_UPLOAD_BYTES = 10_000
    client.force_login(editor)

    response = client.post(ADD, {"upload": SimpleUploadedFile(name, content)})

    assert response.status_code == 200 and Article.objects.count() == 0
    [error] = response.context["adminform"].form.non_field_errors()
    prefix = "تعذّرت قراءة الملف: "
    assert error.startswith(prefix) and ARABIC_LETTER.search(error.removeprefix(prefix)), error
    assert not foreign_words(error), error  # only technical tokens (UTF-8, PDF, NUL, ...) stay in Latin letters
    assert escape(error) in response.content.decode()


def test_a_viewer_cannot_add_articles(client, viewer):
    client.force_login(viewer)
    assert client.post(ADD, {"text": PASTED}).status_code == 403
    assert not Article.objects.exists()


def test_the_article_list_shows_pipeline_state_and_claim_counts(client, editor, contradicted_claim):
    Article.objects.filter(pk=contradicted_claim.article_id).update(
        status=ArticleStatus.FAILED, error="ValueError: لا يوجد نص", attempts=3
    )
    client.force_login(editor)
    html = client.get(reverse("admin:claims_article_changelist")).content.decode()
    assert "ValueError: لا يوجد نص" in html
    row = html[html.index("كلفة تدريب النموذج") :]
    assert re.search(r'field-attempts">3<', row) and re.search(r'field-claims_count">1<', row)


def test_the_dashboard_counts_claims_and_draws_svg_bars(client, editor, contradicted_claim):
    verdict_set(claim=contradicted_claim, rating=Rating.WRONG_FIGURE, editor=editor, expected_version=1)
    client.force_login(editor)
    response = client.get(reverse("admin:claims_claim_dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="fc-claims-total">1<' in html and 'id="fc-articles-total">1<' in html
    assert html.count("<svg") >= 4 and 'width="100.0%"' in html
    assert 'aria-label="خطأ في الرقم: 1"' in html  # the rating in the page's language only
    assert "خطأ في المرتبة" in html  # the machine's error kind ("scale"), in words
    assert "كلفة تدريب النموذج" in html  # per article
    assert "cdn" not in html.lower()


def test_the_admin_index_links_to_the_queue_and_the_dashboard(client, viewer):
    client.force_login(viewer)
    html = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:claims_claim_dashboard") in html and reverse("admin:claims_claim_changelist") in html


def test_the_admin_is_arabic_rtl_by_default_and_switches_to_english(client, editor):
    client.force_login(editor)
    html = client.get(reverse("admin:index")).content.decode()
    assert 'lang="ar" dir="rtl"' in html and 'action="/i18n/setlang/"' in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    html = client.get(reverse("admin:index")).content.decode()
    assert 'lang="en" dir="ltr"' in html
