import pytest

from claims.extraction import extract
from claims.models import ClaimStatus
from claims.selectors.lookup import claims_lookup
from tests.factories import ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db

COST = "وبلغت تكلفة تدريب النموذج 5.58 مليون دولار فقط بحسب الشركة"
USERS = "بلغ عدد مستخدمي التطبيق 5.58 مليون مستخدم في الشهر الأول"
EXPORTS = "ارتفعت صادرات المملكة غير النفطية إلى 300 مليار ريال في عام 2023"


def stored_claim(text, *, status=ClaimStatus.SUGGESTED):
    """A claim stored with the figures the extraction engine finds in it."""
    figures = [(q.text, q.kind, q.to_dict()["value"], q.unit) for q in extract(text).quantities]
    return ClaimFactory(text=text, article__text=f"{text}\n", suggested=True, status=status, figures=figures)


@pytest.fixture
def library(editor):
    claims = {name: stored_claim(text) for name, text in {"cost": COST, "users": USERS, "exports": EXPORTS}.items()}
    for claim in claims.values():
        VerdictFactory(claim=claim, editor=editor)
    return claims


@pytest.mark.parametrize(
    "query",
    [
        "تكلفة تدريب النموذج كانت 5,580,000 دولار",  # re-worded, the number in digits
        "دربت الشركة نموذجها بتكلفة 5.58M دولار",  # another wording, Latin scale letter
        "كم كلف تدريب النموذج؟",  # no figure at all
        "تكلفة تدريب النموذج ٥٫٥٨ مليون دولار",  # Arabic-Indic digits
    ],
)
def test_it_finds_a_decided_claim_from_another_wording(library, query):
    hits = claims_lookup(q=query)

    assert hits[0].claim_id == library["cost"].id
    assert 0.6 <= hits[0].similarity <= 1


def test_it_finds_a_bare_number_written_differently(library):
    hits = claims_lookup(q="5,580,000")

    assert {hit.claim_id for hit in hits} == {library["cost"].id, library["users"].id}
    assert all(hit.similarity >= 0.9 for hit in hits)


def test_it_ranks_the_same_number_about_something_else_low(library):
    hits = claims_lookup(q="تكلفة تدريب النموذج كانت 5,580,000 دولار")

    assert library["users"].id not in [hit.claim_id for hit in hits]


def test_it_does_not_match_a_different_figure(library):
    hits = claims_lookup(q="وبلغت تكلفة تدريب النموذج 558 مليون دولار")

    assert hits[0].claim_id == library["cost"].id
    assert hits[0].figure_similarity == 0
    assert hits[0].similarity < claims_lookup(q="وبلغت تكلفة تدريب النموذج 5.58 مليون دولار")[0].similarity


def test_it_ignores_claims_without_a_verdict(library):
    undecided = stored_claim("وبلغت تكلفة تدريب النموذج 5.58 مليون دولار حسب التقرير")

    assert undecided.id not in [hit.claim_id for hit in claims_lookup(q=COST)]


def test_it_finds_nothing_for_an_unrelated_sentence(library):
    assert claims_lookup(q="الطقس جميل اليوم في الرياض") == []


def test_the_endpoint_returns_claim_objects_with_similarity(viewer_api, library):
    response = viewer_api.get("/api/v1/lookup/", {"q": "تكلفة تدريب النموذج", "value": "5.58M", "unit": "USD"})

    assert response.status_code == 200
    body = response.json()
    assert body["figures"] == [{"kind": None, "value": "5580000", "unit": "USD"}]
    first = body["results"][0]
    assert first["id"] == library["cost"].id
    assert 0 <= first["similarity"] <= 1
    assert first["verdict"]["rating"] == "wrong_figure"
    assert first["quantities"][0]["value"] == "5580000"


def test_the_endpoint_requires_a_query(viewer_api):
    response = viewer_api.get("/api/v1/lookup/")

    assert response.status_code == 400
    assert "q" in response.json()


def test_a_shared_figure_is_a_candidate_however_many_claims_share_the_words(library, editor, monkeypatch):
    monkeypatch.setattr("claims.selectors.lookup.MAX_CANDIDATES", 3)
    for count in range(1, 6):
        VerdictFactory(claim=stored_claim(f"وبلغت تكلفة تدريب النموذج {count} مليار دولار"), editor=editor)

    hits = claims_lookup(q="وبلغت تكلفة تدريب النموذج 5,580,000 دولار")

    assert hits[0].claim_id == library["cost"].id
    assert hits[0].figure_similarity == 1
