import pytest

from claims.models import Article, Claim, Quantity, QuantityCheck, ReferenceStatement, Verdict, WebhookDelivery
from claims.services.references import reference_upsert
from tests.factories import ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db

TEXT = "أعلنت الشركة الصينية أن تكلفة تدريب نموذج DeepSeek-V3 بلغت 558 مليون دولار فقط."


@pytest.fixture
def reference():
    statement, _outcome = reference_upsert(
        record={
            "key": "dsv3-training-cost",
            "statement": "بلغت تكلفة تدريب نموذج DeepSeek-V3 نحو 5.576 مليون دولار",
            "subject": "DeepSeek-V3",
            "metric": "تكلفة التدريب",
            "value": "5576000",
            "unit": "USD",
            "aliases": ["ديب سيك", "DeepSeek"],
        }
    )
    return statement


def table_counts():
    return {model.__name__: model.objects.count() for model in (Article, Claim, Quantity, QuantityCheck, Verdict,
                                                                  ReferenceStatement, WebhookDelivery)}


def test_it_returns_the_claims_of_a_text_with_machine_suggestions(viewer_api, reference):
    response = viewer_api.post("/api/v1/check/", {"text": TEXT}, format="json")

    assert response.status_code == 200
    claims = response.json()["claims"]
    assert len(claims) == 1
    claim = claims[0]
    assert TEXT[claim["start"] : claim["end"]] == claim["text"]
    money = next(q for q in claim["quantities"] if q["kind"] == "money")
    assert money["value"] == "558000000" and money["unit"] == "USD"
    assert money["check"]["verdict"] == "contradicted"
    assert money["check"]["reference"] == "dsv3-training-cost"
    assert money["check"]["error"] == "scale"
    assert claim["suggestion"]["verdict"] == "contradicted"


def test_it_stores_nothing(viewer_api, reference, editor):
    VerdictFactory(claim=ClaimFactory(text="وبلغت تكلفة تدريب نموذج DeepSeek-V3 نحو 558 مليون دولار", suggested=True),
                   editor=editor)
    before = table_counts()

    response = viewer_api.post("/api/v1/check/", {"text": TEXT}, format="json")

    assert response.status_code == 200
    assert table_counts() == before


def test_it_lists_matching_decided_verdicts(viewer_api, reference, editor):
    decided = ClaimFactory(
        text="تكلفة تدريب نموذج DeepSeek-V3 بلغت 558 مليون دولار",
        suggested=True,
        figures=[("558 مليون دولار", "money", "558000000", "USD")],
    )
    VerdictFactory(claim=decided, editor=editor)

    claims = viewer_api.post("/api/v1/check/", {"text": TEXT}, format="json").json()["claims"]

    assert [match["id"] for match in claims[0]["verdicts"]] == [decided.id]
    assert claims[0]["verdicts"][0]["verdict"]["rating"] == "wrong_figure"
    assert claims[0]["verdicts"][0]["similarity"] > 0.6


def test_it_rejects_an_empty_text(viewer_api):
    response = viewer_api.post("/api/v1/check/", {"text": ""}, format="json")

    assert response.status_code == 400
    assert "text" in response.json()


def test_its_claims_carry_the_score_the_queue_gives_them(viewer_api):
    from claims.extraction import extract
    from claims.services.checkworthiness import active_scorer

    claims = viewer_api.post("/api/v1/check/", {"text": TEXT}, format="json").json()["claims"]

    assert claims[0]["checkworthiness"] == pytest.approx(active_scorer().score([claims[0]["text"]])[0], abs=1e-4)
    # ... and not the engine's rule score, which picked the claim.
    assert claims[0]["checkworthiness"] != pytest.approx(extract(TEXT).claims[0].checkworthiness, abs=1e-4)
