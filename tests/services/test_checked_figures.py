"""The figure index follows the verdicts: a decided claim's figures are in it, a reopened one's are not."""

from decimal import Decimal

import pytest

from claims.models import CheckedFigure, ClaimStatus
from claims.selectors.lookup import claims_lookup
from claims.services.verdicts import claim_status_set, verdict_set
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

TEXT = "قالت الشركة إن إيراداتها بلغت 250 مليون دولار في عام 2024"


@pytest.fixture
def claim():
    return ClaimFactory(
        text=TEXT,
        suggested=True,
        figures=[("250 مليون دولار", "money", "250000000", "USD"), ("2024", "date", "2024", None)],
    )


def test_a_verdict_puts_the_claims_figures_in_the_index(claim, editor):
    verdict_set(claim=claim, rating="true", editor=editor, expected_version=claim.version)

    rows = CheckedFigure.objects.filter(claim=claim).order_by("kind")
    assert [(row.kind, row.value, row.value_text, row.unit) for row in rows] == [
        ("date", None, "2024", ""),
        ("money", Decimal("250000000"), "250000000", "USD"),
    ]
    assert {hit.claim_id for hit in claims_lookup(q="250,000,000")} == {claim.pk}


def test_reopening_a_claim_takes_it_out_of_the_index(claim, editor, chief):
    verdict_set(claim=claim, rating="true", editor=editor, expected_version=claim.version)
    claim.refresh_from_db()

    claim_status_set(claims=[claim], status=ClaimStatus.IN_REVIEW, by=chief)

    assert not CheckedFigure.objects.filter(claim=claim).exists()
    assert claims_lookup(q="250,000,000") == []


def test_an_undecided_claim_is_never_in_the_index(claim):
    assert not CheckedFigure.objects.exists()
    assert claims_lookup(q="250,000,000") == []
