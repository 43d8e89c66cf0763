"""The printable article report, as HTML and as PDF."""

import io
import re
import unicodedata

import pytest
from django.urls import reverse
from pypdf import PdfReader

from claims.models import Claim
from tests.exports.conftest import WRONG_CLAIM
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def report_url(article):
    return reverse("reports:article", args=[article.pk])


def pdf_url(article):
    return reverse("reports:article_pdf", args=[article.pk])


def pdf_text(content: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    # Shaped Arabic may come back as presentation forms (U+FExx): fold them to the letters.
    return unicodedata.normalize("NFKC", text)


def test_the_report_urls_are_the_ones_the_admin_links_to(newsroom):
    assert report_url(newsroom.article) == f"/reports/articles/{newsroom.article.pk}/"
    assert pdf_url(newsroom.article) == f"/reports/articles/{newsroom.article.pk}.pdf"


def test_a_viewer_reads_each_claim_with_its_correct_figure_and_source(client, viewer, newsroom):
    client.force_login(viewer)

    response = client.get(report_url(newsroom.article))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert WRONG_CLAIM in html
    assert newsroom.open.text in html
    assert "558,000,000 USD" in html
    assert "5,576,000 USD" in html
    assert "التقرير التقني للنموذج" in html
    assert 'href="https://research.example/v3-report"' in html
    assert "2024-12" in html
    assert "خطأ في الرقم / Wrong figure" in html
    assert "يخالف المرجع / Contradicted" in html
    assert f'id="claim-{newsroom.wrong.pk}"' in html
    assert "Noto Naskh Arabic" in html


def test_an_anonymous_visitor_is_sent_to_log_in(client, newsroom):
    response = client.get(report_url(newsroom.article))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_a_user_without_a_newsroom_role_is_refused(client, django_user_model, newsroom):
    client.force_login(UserFactory(username="outsider", is_staff=False))

    assert client.get(report_url(newsroom.article)).status_code == 403
    assert client.get(pdf_url(newsroom.article)).status_code == 403


def test_a_missing_article_is_not_found(client, viewer, db):
    client.force_login(viewer)

    assert client.get(reverse("reports:article", args=[999999])).status_code == 404


def test_the_report_escapes_markup_in_article_and_claim_text(client, viewer, db):
    text = 'قال المصدر <script>alert("x")</script> إن الأرباح بلغت 40 مليون دولار.'
    article = ArticleFactory(
        text=text, title="<script>alert('title')</script> عنوان", source="evil.html", url="javascript:alert(1)"
    )
    ClaimFactory(article=article, text='قال المصدر <script>alert("x")</script> إن الأرباح بلغت 40 مليون دولار')
    client.force_login(viewer)

    html = client.get(report_url(article)).content.decode()

    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html


def test_the_pdf_report_is_a_pdf_with_the_arabic_text(client, viewer, newsroom):
    client.force_login(viewer)

    response = client.get(pdf_url(newsroom.article))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert len(ARABIC_LETTER.findall(text)) > 100
    assert "تكلفة تدريب نموذجها الجديد" in text
    assert "5,576,000" in text
    assert "dsv3-training-cost" in text


@pytest.mark.parametrize("claim_count", [0, 1])
def test_the_report_of_an_article_without_decisions_still_renders(client, viewer, db, claim_count):
    article = ArticleFactory(text="قالت الوزارة إن الإنتاج ارتفع إلى 12 مليون طن.", title="الإنتاج", source="003.txt")
    if claim_count:
        ClaimFactory(article=article, text="قالت الوزارة إن الإنتاج ارتفع إلى 12 مليون طن")
    client.force_login(viewer)

    html = client.get(report_url(article)).content.decode()

    assert Claim.objects.filter(article=article).count() == claim_count
    assert ("لم يصدر بعد" in html) == bool(claim_count)
    assert ("لا ادعاءات في هذا المقال" in html) == (not claim_count)
