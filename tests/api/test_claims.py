import pytest

from claims.models import ClaimStatus
from tests.factories import ArticleFactory, ClaimFactory, ReferenceStatementFactory, VerdictFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claims(editor):
    reference = ReferenceStatementFactory()
    article = ArticleFactory()
    cost = ClaimFactory(
        article=article,
        text="وبلغت تكلفة تدريب النموذج 558 مليون دولار",
        start=0,
        suggested=True,
        figures=[("558 مليون دولار", "money", "558000000", "USD")],
        reference=reference,
    )
    VerdictFactory(claim=cost, editor=editor)
    share = ClaimFactory(
        article=article,
        text="وارتفعت حصّة الشركة في السوق إلى 12%",
        start=100,
        suggested=True,
        suggested_verdict="supported",
        figures=[("12%", "percent", "12", "%")],
    )
    visitors = ClaimFactory(
        text="زار المدينة أكثر من مليوني سائح العام الماضي",
        suggested=True,
        status=ClaimStatus.NEW,
        suggested_verdict="unverified",
        figures=[("مليوني", "count", "2000000", None)],
    )
    return {"cost": cost, "share": share, "visitors": visitors}


def ids(response):
    assert response.status_code == 200, response.json()
    return {claim["id"] for claim in response.json()["results"]}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "decided"}, {"cost"}),
        ({"status": "new"}, {"visitors"}),
        ({"verdict": "wrong_figure"}, {"cost"}),
        ({"verdict": "true"}, set()),
        ({"suggested": "supported"}, {"share"}),
        ({"suggested": "contradicted"}, {"cost"}),
        ({"kind": "percent"}, {"share"}),
        ({"kind": "money"}, {"cost"}),
        ({"q": "حصة الشركه"}, {"share"}),  # no shadda, ta marbuta written as ha
        ({"q": "سائح"}, {"visitors"}),
    ],
)
def test_it_filters_claims(viewer_api, claims, params, expected):
    assert ids(viewer_api.get("/api/v1/claims/", params)) == {claims[name].id for name in expected}


def test_it_filters_claims_by_article(viewer_api, claims):
    article = claims["visitors"].article_id

    assert ids(viewer_api.get("/api/v1/claims/", {"article": article})) == {claims["visitors"].id}


def test_it_rejects_an_unknown_filter_value(viewer_api, claims):
    response = viewer_api.get("/api/v1/claims/", {"status": "nonsense"})

    assert response.status_code == 400
    assert "status" in response.json()


def test_it_pages_claims_with_a_cursor_newest_first_and_counts_nothing(viewer_api, claims, settings):
    first = viewer_api.get("/api/v1/claims/", {"page_size": 2}).json()
    second = viewer_api.get(first["next"]).json()

    assert "count" not in first
    assert len(first["results"]) == 2 and len(second["results"]) == 1
    assert "cursor=" in first["next"] and "page_size=2" in first["next"]
    assert second["next"] is None and second["previous"]
    order = [c["id"] for c in first["results"]] + [c["id"] for c in second["results"]]
    assert order == sorted((claim.id for claim in claims.values()), reverse=True)


def test_it_lists_many_claims_in_a_fixed_number_of_queries(viewer_api, claims, django_assert_max_num_queries):
    for index in range(20):
        ClaimFactory(article=claims["cost"].article, text=f"ادعاء رقم {index} عن 5 ملايين", start=1000 + index * 50,
                     suggested=True, figures=[("5 ملايين", "count", "5000000", None)])

    # session-less token auth (1) + user perms (2) + claims + quantities (no count)
    with django_assert_max_num_queries(7):
        response = viewer_api.get("/api/v1/claims/", {"page_size": 50})

    assert len(response.json()["results"]) == 23


def test_it_shows_one_claim_with_version_and_verdict_history(viewer_api, claims):
    body = viewer_api.get(f"/api/v1/claims/{claims['cost'].id}/").json()

    assert body["version"] == 1
    assert body["quantities"][0]["check"]["verdict"] == "contradicted"
    assert [entry["rating"] for entry in body["verdict_history"]] == ["wrong_figure"]
    assert body["verdict_history"][0]["change"] == "created"


def test_it_answers_json_to_a_browser(viewer_api, claims):
    claims["share"].text = "<script>alert(1)</script> حصة 12%"
    claims["share"].save()

    response = viewer_api.get("/api/v1/claims/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "<script>alert(1)</script>" in {claim["text"][:25] for claim in response.json()["results"]}


def test_it_refuses_to_render_html(viewer_api, claims):
    assert viewer_api.get("/api/v1/claims/", HTTP_ACCEPT="text/html").status_code == 406
