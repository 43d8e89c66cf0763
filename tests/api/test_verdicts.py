import pytest

from claims.models import ClaimStatus, Verdict
from tests.factories import ClaimFactory, ReferenceStatementFactory, VerdictFactory

pytestmark = pytest.mark.django_db

CLAIM_TEXT = "وبلغت تكلفة تدريب النموذج 558 مليون دولار"


@pytest.fixture
def claim():
    return ClaimFactory(text=CLAIM_TEXT, suggested=True, figures=[("558 مليون دولار", "money", "558000000", "USD")])


def test_it_records_an_editors_verdict_and_returns_the_claim(editor_api, claim):
    ReferenceStatementFactory(key="dsv3-training-cost")

    response = editor_api.post(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {"rating": "wrong_figure", "note": "الرقم مضروب في مئة", "reference": "dsv3-training-cost", "version": 1},
        format="json",
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "decided"
    assert body["verdict"]["rating"] == "wrong_figure"
    assert body["verdict"]["label_ar"] == "خطأ في الرقم"
    assert body["verdict"]["reference"] == "dsv3-training-cost"
    assert body["verdict"]["editor"] == "editor"
    assert body["version"] == 2
    assert [entry["rating"] for entry in body["verdict_history"]] == ["wrong_figure"]


def test_it_uses_the_current_version_when_none_is_given(editor_api, claim):
    response = editor_api.post(f"/api/v1/claims/{claim.pk}/verdict/", {"rating": "false"}, format="json")

    assert response.status_code == 200
    assert Verdict.objects.get(claim=claim).rating == "false"


def test_it_answers_409_when_another_editor_saved_first(editor_api, other_editor_api, claim):
    url = f"/api/v1/claims/{claim.pk}/verdict/"
    assert other_editor_api.post(url, {"rating": "true", "version": 1}, format="json").status_code == 200

    response = editor_api.post(url, {"rating": "false", "version": 1}, format="json")

    assert response.status_code == 409
    assert response.json()["current_version"] == 2
    assert Verdict.objects.get(claim=claim).rating == "true"


def test_it_rejects_an_unknown_rating_and_an_unknown_reference(editor_api, claim):
    bad_rating = editor_api.post(f"/api/v1/claims/{claim.pk}/verdict/", {"rating": "meh"}, format="json")
    bad_reference = editor_api.post(
        f"/api/v1/claims/{claim.pk}/verdict/", {"rating": "true", "reference": "no-such-key"}, format="json"
    )

    assert bad_rating.status_code == 400 and "rating" in bad_rating.json()
    assert bad_reference.status_code == 400 and "reference" in bad_reference.json()
    assert not Verdict.objects.exists()


def test_it_keeps_every_verdict_in_the_history(editor_api, claim):
    editor_api.post(f"/api/v1/claims/{claim.pk}/verdict/", {"rating": "true"}, format="json")
    editor_api.post(f"/api/v1/claims/{claim.pk}/verdict/", {"rating": "misleading", "note": "سياق ناقص"}, format="json")

    body = editor_api.get(f"/api/v1/claims/{claim.pk}/").json()

    assert [entry["rating"] for entry in body["verdict_history"]] == ["misleading", "true"]
    assert body["verdict_history"][0]["note"] == "سياق ناقص"


def test_it_lets_a_chief_editor_publish_a_verdict_decided_by_someone_else(chief_api, editor, claim):
    VerdictFactory(claim=claim, editor=editor)

    response = chief_api.post(f"/api/v1/claims/{claim.pk}/publish/", {}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == ClaimStatus.PUBLISHED
    assert response.json()["verdict"]["published_at"] is not None


def test_it_refuses_to_publish_a_claim_without_verdict(chief_api, claim):
    response = chief_api.post(f"/api/v1/claims/{claim.pk}/publish/", {}, format="json")

    assert response.status_code == 400
    claim.refresh_from_db()
    assert claim.status != ClaimStatus.PUBLISHED


def test_it_answers_404_for_a_verdict_on_a_missing_claim(editor_api):
    assert editor_api.post("/api/v1/claims/999999/verdict/", {"rating": "true"}, format="json").status_code == 404
