"""Editing or adding a reference re-queues matching of the claims it could affect."""

import pytest

from claims.models import Claim, ReferenceStatement
from claims.services.matching import claims_match
from claims.services.references import (
    claims_mark_for_rematch,
    reference_delete,
    reference_import,
    reference_statement_save,
    reference_upsert,
)
from tests.factories import ArticleFactory
from tests.records import ARAMCO_PROFIT, NILE_LENGTH

pytestmark = pytest.mark.django_db

ARAMCO_ARTICLE = "وقال بيان الشركة إن صافي أرباح أرامكو بلغ 12 مليار دولار خلال العام الماضي."
NILE_ARTICLE = "ويبلغ طول نهر النيل 6650 كيلومترا بحسب الجغرافيين."
OTHER_ARTICLE = "وقال الوزير إن عدد الزوار بلغ 3 ملايين زائر."


@pytest.fixture
def matched_articles(db):
    """Three ready articles, matched once against the Aramco reference, so nothing is flagged."""
    reference_upsert(record=ARAMCO_PROFIT, rematch=False)
    texts = {"aramco": ARAMCO_ARTICLE, "nile": NILE_ARTICLE, "other": OTHER_ARTICLE}
    articles = {name: ArticleFactory(ready=True, text=text) for name, text in texts.items()}
    claims_match(claim_ids=Claim.objects.values_list("id", flat=True))
    assert not Claim.objects.filter(needs_matching=True).exists()
    return articles


def flagged() -> set[str]:
    return {claim.article.text for claim in Claim.objects.filter(needs_matching=True).select_related("article")}


def test_adding_a_reference_flags_the_claims_that_mention_its_subject_with_a_comparable_figure(
    matched_articles, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        reference_upsert(record=NILE_LENGTH)

    assert flagged() == {NILE_ARTICLE}
    assert len(callbacks) == 1  # one batched rematch queued after the commit


def test_the_queued_rematch_matches_the_flagged_claims_against_the_new_reference(
    matched_articles, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reference_upsert(record=NILE_LENGTH)

    claim = matched_articles["nile"].claims.get()
    assert not claim.needs_matching
    assert claim.quantities.get().match.reference.key == "nile-length"


def test_editing_a_reference_flags_the_claims_whose_checks_cite_it(matched_articles):
    statement = ReferenceStatement.objects.get(key="aramco-net-profit-2023")
    assert matched_articles["aramco"].claims.get().quantities.first().match.reference == statement
    statement.subject = "شركة أخرى"
    statement.aliases = []

    reference_statement_save(statement=statement)

    assert flagged() == {ARAMCO_ARTICLE}


def test_a_subject_named_only_in_the_alias_list_is_enough(matched_articles):
    statement, _ = reference_upsert(
        record={"key": "nile-flow", "statement": "يصب في البحر نحو 2830 مترا مكعبا في الثانية.",
                "subject": "حوض النهر", "aliases": ["النيل"], "value": "2830"},
        rematch=False,
    )

    claims_mark_for_rematch(statements=[statement])

    assert NILE_ARTICLE in flagged()


def test_a_reference_with_figures_of_another_kind_does_not_flag_the_claim(matched_articles):
    statement, _ = reference_upsert(
        record={"key": "nile-irrigation-share", "statement": "يوفر نهر النيل 85% من مياه الري في البلاد.",
                "subject": "نهر النيل", "value": "85", "unit": "%"},
        rematch=False,
    )

    assert claims_mark_for_rematch(statements=[statement]) == 0
    assert flagged() == set()


def test_reimporting_an_unchanged_reference_flags_nothing(matched_articles):
    report = reference_import(records=[("line 1", ARAMCO_PROFIT)])

    assert report.count("unchanged") == 1
    assert flagged() == set()


def test_deleting_a_reference_flags_the_claims_it_backed_and_they_lose_it(
    matched_articles, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reference_delete(statements=ReferenceStatement.objects.filter(key="aramco-net-profit-2023"))

    claim = matched_articles["aramco"].claims.get()
    assert claim.suggested_verdict == "unverified"
    assert not claim.needs_matching
