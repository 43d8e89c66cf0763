"""The review desk: the figure-first queue, the split view, save-and-next, the keyboard's hooks,
live status, and pages whose query count does not grow with the number of claims."""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from claims import display
from claims.models import Article, ArticleStatus, ClaimStatus, MachineVerdict, Rating, Verdict
from tests.factories import ArticleFactory, ClaimFactory, QuantityCheckFactory, QuantityFactory

QUEUE = reverse("admin:claims_claim_changelist")
FINDING = "558 مليون دولار ← 5.576 مليون دولار (×100، خطأ في المرتبة)"


def _change(claim):
    return reverse("admin:claims_claim_change", args=[claim.pk])


def test_each_queue_row_says_what_is_wrong_with_a_coloured_badge(client, editor, contradicted_claim):
    client.force_login(editor)
    html = client.get(QUEUE).content.decode()
    assert f'<span class="fc-finding fc-v-contradicted">{FINDING}</span>' in html
    assert '<span class="fc-badge fc-badge-contradicted">مُناقَض</span>' in html
    assert "<h1>قائمة المراجعة</h1>" in html  # not "اختر الادعاء لتغييره"
    assert "ادعاءاتي" in html and "?assigned=me" in html  # the inbox


def test_the_status_filter_shows_counts(client, editor, contradicted_claim):
    client.force_login(editor)
    html = client.get(QUEUE).content.decode()
    assert "مقترح (1)" in html  # "Suggested", with its count


def test_my_claims_lists_only_the_editors_own(client, editor, other_editor, contradicted_claim):
    other = ClaimFactory(
        article=ArticleFactory(text="وذكر التقرير أن الصادرات بلغت 40 مليار دولار."),
        text="الصادرات بلغت 40 مليار دولار",
    )
    from claims.services.verdicts import claim_assign

    claim_assign(claims=[other], assignee=editor, by=editor)
    claim_assign(claims=[contradicted_claim], assignee=other_editor, by=editor)
    client.force_login(editor)
    response = client.get(QUEUE, {"assigned": "me"})
    assert [claim.pk for claim in response.context["cl"].result_list] == [other.pk]


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("5576000", "USD", "5.576 million dollars"),
        ("80000000000", "USD", "80 billion dollars"),
        ("1500", "SAR", "1.5 thousand Saudi riyals"),
        ("17", "%", "17 %"),
        ("2024-12-01", "", "2024-12-01"),
    ],
)
def test_amounts_are_written_in_words_not_raw_codes(value, unit, shown):
    from django.utils import translation

    with translation.override("en"):
        assert display.amount(value, unit) == shown


@pytest.mark.parametrize(
    ("ratio", "shown"),
    [("100.07", "×100"), ("0.01", "×0.01"), ("0.1003", "×0.1"), ("1.5", "×1.5"), ("0.4", "×0.4"), (None, "")],
)
def test_ratios_read_as_factors(ratio, shown):
    assert display.ratio_label(Decimal(ratio) if ratio else None) == shown


def test_arabic_indic_digits_follow_the_setting(settings):
    settings.FACTCHECK_ARABIC_INDIC_DIGITS = True
    with translation.override("ar"):  # the Arabic pages; whatever language an earlier test left active
        assert display.digits("558 مليون، 5.576") == "٥٥٨ مليون، ٥٫٥٧٦"
    with translation.override("en"):
        assert display.digits("558") == "558"  # English pages keep Western digits
    settings.FACTCHECK_ARABIC_INDIC_DIGITS = False
    with translation.override("ar"):
        assert display.digits("558") == "558"


def test_the_split_view_prefills_the_machine_suggestion(client, editor, contradicted_claim, reference):
    client.force_login(editor)
    response = client.get(_change(contradicted_claim))
    form = response.context["adminform"].form
    assert form.initial["rating"] == Rating.WRONG_FIGURE
    assert form.initial["reference"] == reference.pk
    html = response.content.decode()
    for part in ('id="fc-verdict-panel"', 'data-suggested-rating="wrong_figure"', 'name="_savenext"', FINDING):
        assert part in html, part
    # The reference beside the article, with its source, date and link.
    references = html[html.index('id="fc-references"') :]
    assert "التقرير التقني للنموذج" in references and 'href="https://example.org/report"' in references


def test_an_existing_verdict_wins_over_the_suggestion(client, editor, contradicted_claim):
    from claims.services.verdicts import verdict_set

    verdict_set(claim=contradicted_claim, rating=Rating.FALSE, editor=editor, expected_version=1)
    client.force_login(editor)
    form = client.get(_change(contradicted_claim)).context["adminform"].form
    assert form.initial["rating"] == Rating.FALSE


def test_save_and_next_opens_the_next_open_claim(client, editor, contradicted_claim):
    following = ClaimFactory(
        article=ArticleFactory(text="وقال المتحدث إن المبيعات بلغت 12 مليون وحدة."),
        text="المبيعات بلغت 12 مليون وحدة",
        checkworthiness=0.5,
    )
    client.force_login(editor)
    data = {"rating": Rating.WRONG_FIGURE, "note": "", "reference": "", "expected_version": 1, "_savenext": "1"}
    response = client.post(_change(contradicted_claim), data)
    assert response.status_code == 302 and response["Location"] == _change(following)
    assert Verdict.objects.get(claim=contradicted_claim).rating == Rating.WRONG_FIGURE
    # The last open claim: back to the queue.
    data["expected_version"] = 1
    response = client.post(_change(following), data)
    assert response["Location"] == QUEUE


def test_the_not_checkworthy_key_sets_the_claim_aside(client, editor, contradicted_claim):
    client.force_login(editor)
    url = reverse("admin:claims_claim_not_checkworthy", args=[contradicted_claim.pk])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    contradicted_claim.refresh_from_db()
    not_checkworthy = getattr(ClaimStatus, "NOT_CHECKWORTHY", None)
    if not_checkworthy is not None:
        assert contradicted_claim.status == not_checkworthy
    else:
        assert contradicted_claim.checkworthiness == 0.0
    assert contradicted_claim.history.first().history_user == editor


def test_a_viewer_cannot_set_a_claim_aside(client, viewer, contradicted_claim):
    client.force_login(viewer)
    response = client.post(reverse("admin:claims_claim_not_checkworthy", args=[contradicted_claim.pk]))
    assert response.status_code == 403


def test_the_keyboard_help_is_in_the_page(client, editor, contradicted_claim):
    client.force_login(editor)
    for url in (QUEUE, _change(contradicted_claim)):
        html = client.get(url).content.decode()
        assert 'id="fc-keyboard-help"' in html and "claims/review.js" in html
        assert "اختصارات لوحة المفاتيح" in html


def test_live_status_names_articles_in_progress_and_the_newest_contradiction(client, editor, contradicted_claim):
    Article.objects.filter(pk=contradicted_claim.article_id).update(status=ArticleStatus.READY)
    busy = ArticleFactory(text="نص قيد المعالجة فيه 3 أرقام.", title="مقال قيد المعالجة")
    Article.objects.filter(pk=busy.pk).update(status=ArticleStatus.EXTRACTING)
    client.force_login(editor)
    data = json.loads(client.get(reverse("admin:claims_claim_live"), {"article": busy.pk}).content)
    assert data["articles"] == [{"id": busy.pk, "title": "مقال قيد المعالجة", "status": "جارٍ الاستخراج"}]
    assert data["flagged_newest"] == contradicted_claim.pk and data["flagged_total"] == 1
    assert data["article_finished"] is False
    assert data["flagged_new"] == []  # nothing asked for: no `since`


def test_live_status_lists_contradictions_found_since_the_page_loaded(client, editor, contradicted_claim):
    client.force_login(editor)
    live = reverse("admin:claims_claim_live")
    data = json.loads(client.get(live, {"since": contradicted_claim.pk - 1}).content)
    assert data["flagged_new"] == [
        {"id": contradicted_claim.pk, "finding": FINDING, "url": _change(contradicted_claim)}
    ]
    assert json.loads(client.get(live, {"since": contradicted_claim.pk}).content)["flagged_new"] == []


def test_a_duplicate_paste_says_so_once(client, editor, contradicted_claim):
    client.force_login(editor)
    text = contradicted_claim.article.text
    response = client.post(
        reverse("admin:claims_article_add"), {"title": "", "source": "", "url": "", "text": text}, follow=True
    )
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["هذا النص أُدخل من قبل؛ هذا هو المقال الموجود."]  # not also "added successfully"


def _claims_like(article, count):
    for index in range(count):
        sentence = f"وبلغت الإيرادات في الفرع {index} نحو {100 + index} مليون دولار"
        claim = ClaimFactory(
            article=article, text=sentence, suggested_verdict=MachineVerdict.CONTRADICTED, checkworthiness=0.7
        )
        figure, value = f"{100 + index} مليون دولار", str((100 + index) * 10**6)
        quantity = QuantityFactory(claim=claim, text=figure, value_text=value)
        QuantityCheckFactory(
            quantity=quantity,
            reference=None,
            reference_value="1000000",
            reference_unit="USD",
            ratio=Decimal(100 + index),
            score=0.0,
            explanation_ar="",
            explanation_en="",
        )


@pytest.mark.parametrize("page", ["queue", "claim", "dashboard"])
def test_each_page_runs_a_fixed_number_of_queries(client, editor, contradicted_claim, page):
    text = ". ".join(f"وبلغت الإيرادات في الفرع {index} نحو {100 + index} مليون دولار" for index in range(40))
    article = ArticleFactory(text=text + ".", title="إيرادات الفروع")
    client.force_login(editor)
    url = {"queue": QUEUE, "claim": _change(contradicted_claim), "dashboard": reverse("admin:claims_claim_dashboard")}

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url[page]).status_code == 200
        return len(captured)

    _claims_like(article, 3)
    few = queries()
    # Remaining sentences of the same article: the claim page shows every claim of it too.
    for index in range(3, 40):
        sentence = f"وبلغت الإيرادات في الفرع {index} نحو {100 + index} مليون دولار"
        ClaimFactory(article=article, text=sentence, suggested_verdict=MachineVerdict.CONTRADICTED, checkworthiness=0.7)
    assert queries() == few


def test_in_english_the_desk_speaks_english(client, editor, contradicted_claim):
    client.force_login(editor)
    client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    html = client.get(QUEUE).content.decode()
    assert "558 مليون دولار ← 5.576 million dollars (×100, scale slip)" in html
    html = client.get(_change(contradicted_claim)).content.decode()
    assert "Save and next" in html and "Wrong figure" in html and "خطأ في الرقم / Wrong figure" not in html


def test_a_viewer_sees_the_claim_without_the_verdict_form(client, viewer, contradicted_claim):
    client.force_login(viewer)
    html = client.get(_change(contradicted_claim)).content.decode()
    assert FINDING in html and 'name="_savenext"' not in html and 'id="fc-references"' in html
