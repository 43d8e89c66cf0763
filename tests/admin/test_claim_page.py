import pytest
from django.urls import reverse

from claims.models import ClaimStatus, Rating, Verdict
from claims.services.verdicts import verdict_set
from tests.conftest import FIGURE
from tests.factories import ArticleFactory, ClaimFactory, QuantityFactory


def _page(client, claim):
    return client.get(reverse("admin:claims_claim_change", args=[claim.pk]))


def _post_verdict(client, claim, *, version, rating=Rating.WRONG_FIGURE, note="", reference=None):
    data = {"rating": rating, "note": note, "reference": reference.pk if reference else "", "expected_version": version}
    return client.post(reverse("admin:claims_claim_change", args=[claim.pk]), data)


def test_it_shows_the_claim_inside_its_article_with_the_figure_marked(client, editor, contradicted_claim):
    client.force_login(editor)
    html = _page(client, contradicted_claim).content.decode()
    assert 'id="fc-focus-claim"' in html
    # Coloured by its machine verdict, and saying what is wrong when hovered.
    finding = "558 مليون دولار ← 5.576 مليون دولار (×100، خطأ في المرتبة)"
    assert f'<mark class="fc-quantity fc-v-contradicted" title="{finding}">{FIGURE}</mark>' in html
    assert "قالت الشركة في بيانها الأخير" in html  # the surrounding article text


def test_it_shows_the_reference_figure_beside_the_claimed_one(client, editor, contradicted_claim):
    client.force_login(editor)
    html = _page(client, contradicted_claim).content.decode()
    for expected in (
        "model-training-cost",
        "بلغت تكلفة تدريب النموذج الكاملة 5.576 مليون دولار",
        "5.576 مليون دولار",
        "خطأ في المرتبة",
        "https://example.org/report",
        "التقرير التقني للنموذج",
        "2024-12",
        "أكبر بنحو مئة مرة",
        "model-inference-cost",
    ):
        assert expected in html, expected


def test_an_editor_records_a_verdict_from_the_claim_page(client, editor, contradicted_claim, reference):
    client.force_login(editor)
    response = _post_verdict(
        client, contradicted_claim, version=1, note="الرقم الصحيح أقل بمئة مرة", reference=reference
    )
    assert response.status_code == 302
    verdict = Verdict.objects.get(claim=contradicted_claim)
    assert (verdict.rating, verdict.editor, verdict.reference) == (Rating.WRONG_FIGURE, editor, reference)
    contradicted_claim.refresh_from_db()
    assert contradicted_claim.status == ClaimStatus.DECIDED


def test_a_stale_save_shows_the_error_and_keeps_the_other_editors_verdict(
    client, editor, other_editor, contradicted_claim
):
    # Both editors opened the claim at version 1; the other editor saves first.
    verdict_set(
        claim=contradicted_claim, rating=Rating.FALSE, note="قرار المحرر الأول", editor=other_editor, expected_version=1
    )
    client.force_login(editor)
    response = _post_verdict(client, contradicted_claim, version=1, rating=Rating.TRUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "تغيّر منذ فتحته" in html
    assert "قرار المحرر الأول" in html  # the other verdict is shown to the editor
    verdict = Verdict.objects.get(claim=contradicted_claim)
    assert (verdict.rating, verdict.editor) == (Rating.FALSE, other_editor)
    # The re-rendered form now carries the current version: a second, deliberate save goes through.
    assert 'name="expected_version" value="2"' in html
    assert _post_verdict(client, contradicted_claim, version=2, rating=Rating.TRUE).status_code == 302
    assert Verdict.objects.get(claim=contradicted_claim).rating == Rating.TRUE


def test_the_claim_page_shows_who_changed_the_verdict_and_when(client, editor, other_editor, contradicted_claim):
    verdict_set(claim=contradicted_claim, rating=Rating.FALSE, note="أول قرار", editor=editor, expected_version=1)
    verdict_set(
        claim=contradicted_claim, rating=Rating.MISLEADING, note="مراجعة ثانية", editor=other_editor, expected_version=2
    )
    client.force_login(editor)
    html = _page(client, contradicted_claim).content.decode()
    history = html[html.index('id="fc-verdict-history"') : html.index('id="fc-claim-history"')]
    assert "أول قرار" in history and "مراجعة ثانية" in history
    assert "other_editor" in history and ">editor<" in history
    assert "مضلل" in history and "زائف" in history and "Misleading" not in history  # Arabic half only
    claim_history = html[html.index('id="fc-claim-history"') :]
    assert str(ClaimStatus.DECIDED.label) in claim_history and "other_editor" in claim_history


def test_a_viewer_sees_the_claim_read_only(client, viewer, contradicted_claim):
    client.force_login(viewer)
    html = _page(client, contradicted_claim).content.decode()
    assert "model-training-cost" in html
    assert 'name="rating"' not in html and 'name="expected_version"' not in html
    assert 'name="_save"' not in html
    response = _post_verdict(client, contradicted_claim, version=1)
    assert response.status_code == 403
    assert not Verdict.objects.exists()


def test_a_chief_publishes_from_the_claim_page_but_an_editor_cannot(
    client, editor, other_editor, chief, contradicted_claim
):
    verdict_set(claim=contradicted_claim, rating=Rating.FALSE, editor=editor, expected_version=1)
    publish = reverse("admin:claims_claim_publish", args=[contradicted_claim.pk])

    client.force_login(other_editor)
    assert 'id="fc-publish"' not in _page(client, contradicted_claim).content.decode()
    client.post(publish, {"expected_version": 2})
    contradicted_claim.refresh_from_db()
    assert contradicted_claim.status == ClaimStatus.DECIDED

    client.force_login(chief)
    assert 'id="fc-publish"' in _page(client, contradicted_claim).content.decode()
    client.post(publish, {"expected_version": 2})
    contradicted_claim.refresh_from_db()
    assert contradicted_claim.status == ClaimStatus.PUBLISHED
    assert Verdict.objects.get(claim=contradicted_claim).published_by == chief


HOSTILE = "<script>alert(1)</script> و <img src=x onerror=alert(2)>"


@pytest.fixture
def hostile_claim(db):
    text = f"مقدمة {HOSTILE} ثم قال المسؤول إن الإيرادات بلغت 40 مليون دولار {HOSTILE} خاتمة"
    article = ArticleFactory(text=text, title="<b onmouseover=alert(3)>عنوان</b>")
    claim_text = f"{HOSTILE} ثم قال المسؤول إن الإيرادات بلغت 40 مليون دولار {HOSTILE}"
    claim = ClaimFactory(article=article, text=claim_text, checkworthiness=0.8)
    QuantityFactory(claim=claim, text="40 مليون دولار", value_text="40000000")
    return claim


def _assert_escaped(html):
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x onerror" not in html
    assert "<b onmouseover" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_it_escapes_hostile_article_text_on_the_claim_page(client, editor, hostile_claim):
    client.force_login(editor)
    html = _page(client, hostile_claim).content.decode()
    _assert_escaped(html)
    assert '<mark class="fc-quantity fc-v-' in html


def test_it_escapes_hostile_article_text_on_the_article_page(client, editor, hostile_claim):
    client.force_login(editor)
    html = client.get(reverse("admin:claims_article_change", args=[hostile_claim.article_id])).content.decode()
    _assert_escaped(html)
    assert f'id="fc-claim-{hostile_claim.pk}"' in html


def test_it_escapes_hostile_text_in_the_queue(client, editor, hostile_claim):
    client.force_login(editor)
    _assert_escaped(client.get(reverse("admin:claims_claim_changelist")).content.decode())
