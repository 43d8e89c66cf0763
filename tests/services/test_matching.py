"""claims_match: one stored check per figure, suggestions, statuses and the review order."""

import pytest
from django.test import override_settings

from claims.models import Claim, ClaimStatus, Quantity, QuantityCheck
from claims.services.matching import claim_priority, claims_match, match_settings, matcher_get
from claims.services.references import reference_upsert
from claims.tasks.matching import match_claims, rematch_dirty_claims
from tests.factories import ArticleFactory
from tests.records import ARAMCO_PROFIT, NILE_LENGTH

pytestmark = pytest.mark.django_db

ARTICLE = (
    "نشرت أرامكو السعودية نتائجها السنوية صباح اليوم.\n"
    "وقال بيان الشركة إن صافي أرباح أرامكو بلغ 121 مليار دولار.\n"
    "لكن متحدثا في ندوة زعم أن صافي أرباح أرامكو بلغ 12 مليار دولار فقط.\n"
    "وفي شأن آخر قال الوزير إن عدد الزوار بلغ 3 ملايين زائر."
)


@pytest.fixture
def library(db):
    for record in (ARAMCO_PROFIT, NILE_LENGTH):
        reference_upsert(record=record, rematch=False)


def claim_with(article, figure: str) -> Claim:
    return article.claims.get(text__contains=figure)


def test_it_stores_one_check_per_figure_and_a_suggestion_per_claim(library, db):
    article = ArticleFactory(ready=True, text=ARTICLE)

    matched = claims_match(claim_ids=article.claims.values_list("id", flat=True))

    assert matched == article.claims.count()
    assert QuantityCheck.objects.count() == Quantity.objects.filter(claim__article=article).count()
    right = claim_with(article, "121 مليار")
    wrong = claim_with(article, "12 مليار")
    assert right.suggested_verdict == "supported"
    assert wrong.suggested_verdict == "contradicted"
    check = wrong.quantities.get(text__contains="12 مليار").match
    assert check.reference.key == "aramco-net-profit-2023"
    assert check.error == "scale"
    assert check.reference_value == "121000000000"
    assert check.explanation_ar
    assert wrong.suggestion["verdict"] == "contradicted"
    assert wrong.suggestion["reference"] == "aramco-net-profit-2023"
    assert wrong.suggested_at is not None
    assert not Claim.objects.filter(article=article, needs_matching=True).exists()


def test_matching_twice_stores_the_same_checks_again_without_duplicates(library, db):
    article = ArticleFactory(ready=True, text=ARTICLE)
    ids = list(article.claims.values_list("id", flat=True))

    claims_match(claim_ids=ids)
    first = list(QuantityCheck.objects.order_by("quantity_id").values_list("quantity_id", "verdict", "reference_id"))
    claims_match(claim_ids=ids)
    second = list(QuantityCheck.objects.order_by("quantity_id").values_list("quantity_id", "verdict", "reference_id"))

    assert first == second
    assert len(second) == Quantity.objects.filter(claim__article=article).count()


def test_contradicted_claims_come_first_in_the_review_queue(library, db):
    article = ArticleFactory(ready=True, text=ARTICLE)

    claims_match(claim_ids=article.claims.values_list("id", flat=True))

    verdicts = list(Claim.objects.filter(article=article).values_list("suggested_verdict", flat=True))
    assert verdicts[0] == "contradicted"
    assert verdicts.index("supported") < verdicts.index("unverified")


@pytest.mark.parametrize(
    ("higher", "lower"),
    [
        ((0.0, "contradicted"), (1.0, "mixed")),
        ((0.0, "mixed"), (1.0, "supported")),
        ((0.5, "supported"), (0.5, "unverified")),
        ((0.9, "supported"), (0.2, "supported")),
    ],
)
def test_claim_priority_puts_contradictions_then_mixed_claims_first(higher, lower):
    assert claim_priority(*higher) > claim_priority(*lower)


def test_new_claims_become_suggested_but_claims_in_review_keep_their_status(library, db):
    article = ArticleFactory(ready=True, text=ARTICLE)
    taken = claim_with(article, "12 مليار")
    Claim.objects.filter(id=taken.id).update(status=ClaimStatus.IN_REVIEW)

    claims_match(claim_ids=article.claims.values_list("id", flat=True))

    taken.refresh_from_db()
    assert taken.status == ClaimStatus.IN_REVIEW
    assert taken.suggested_verdict == "contradicted"  # the editor still sees the machine's view
    assert claim_with(article, "121 مليار").status == ClaimStatus.SUGGESTED


def test_a_claim_without_a_close_reference_stays_unverified(library, db):
    article = ArticleFactory(ready=True, text=ARTICLE)

    claims_match(claim_ids=article.claims.values_list("id", flat=True))

    visitors = claim_with(article, "3 ملايين")
    assert visitors.suggested_verdict == "unverified"
    assert visitors.quantities.get().match.reference is None


def test_the_matcher_is_rebuilt_when_the_library_changes(library):
    first = matcher_get()
    assert matcher_get() is first

    reference_upsert(record=dict(NILE_LENGTH, value="6695"), rematch=False)

    assert matcher_get() is not first


def test_matching_settings_come_from_factcheck_matching():
    with override_settings(FACTCHECK_MATCHING={"min_contradict_score": 0.99, "max_year_gap": 1}):
        assert match_settings().min_contradict_score == 0.99
        assert match_settings().max_year_gap == 1
    with override_settings(FACTCHECK_MATCHING={"no_such_threshold": 1}), pytest.raises(ValueError):
        match_settings()


def test_a_stricter_setting_turns_a_contradiction_into_unverified(library, db):
    article = ArticleFactory(ready=True, text=ARTICLE)
    wrong = claim_with(article, "12 مليار")

    with override_settings(FACTCHECK_MATCHING={"min_contradict_score": 1.01}):
        claims_match(claim_ids=[wrong.id])

    wrong.refresh_from_db()
    assert wrong.suggested_verdict != "contradicted"


def test_the_task_matches_a_batch_of_claims(library, db):
    article = ArticleFactory(ready=True, text=ARTICLE)

    match_claims.delay(list(article.claims.values_list("id", flat=True)))

    assert not article.claims.filter(needs_matching=True).exists()
    assert claim_with(article, "12 مليار").suggested_verdict == "contradicted"


def test_the_sweep_matches_flagged_claims_of_ready_articles_only(library, db):
    ready = ArticleFactory(ready=True, text=ARTICLE)
    in_progress = ArticleFactory(text=ARTICLE + "\nخبر إضافي.", status="extracting", extracted=True)

    rematch_dirty_claims.delay()

    assert not ready.claims.filter(needs_matching=True).exists()
    assert in_progress.claims.filter(needs_matching=True).count() == in_progress.claims.count()


def test_the_sweep_works_in_batches(library, db):
    from claims.services.matching import claims_rematch_dirty

    article = ArticleFactory(ready=True, text=ARTICLE)

    assert claims_rematch_dirty(batch_size=1) == article.claims.count()
    assert not article.claims.filter(needs_matching=True).exists()


def test_a_true_but_misleading_bound_is_stored_as_such_and_queued_with_the_mixed_claims(library, db):
    article = ArticleFactory(
        ready=True, text="قالت أرامكو في بيانها السنوي إن صافي أرباح أرامكو تجاوز 10 مليارات دولار."
    )

    claims_match(claim_ids=article.claims.values_list("id", flat=True))

    claim = claim_with(article, "10 مليارات")
    assert claim.suggested_verdict == "misleading_bound"
    assert claim.suggestion["rating"] == "misleading"
    assert claim.quantities.get(text__contains="10 مليارات").match.verdict == "misleading_bound"
    assert claim.priority == claim_priority(claim.checkworthiness, "mixed")
    assert claim_priority(0.0, "misleading_bound") > claim_priority(1.0, "supported")
