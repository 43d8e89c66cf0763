import pytest

from claims.models import Verdict
from tests.factories import ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db


def test_it_answers_401_with_the_token_scheme_when_no_token_is_given(anonymous_api):
    response = anonymous_api.get("/api/v1/claims/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response["Content-Type"] == "application/json"


def test_it_answers_401_for_a_made_up_token(anonymous_api):
    anonymous_api.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")

    assert anonymous_api.get("/api/v1/claims/").status_code == 401


def test_it_lets_a_viewer_read_claims(viewer_api):
    ClaimFactory(text="ارتفعت الصادرات بنسبة 12% خلال العام الماضي", suggested=True)

    response = viewer_api.get("/api/v1/claims/")

    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/articles/", {"title": "خبر", "text": "نما الاقتصاد بنسبة 3% هذا العام."}),
        ("/api/v1/references/", {"key": "gdp-growth", "statement": "نما الاقتصاد بنسبة 3%"}),
        ("/api/v1/webhooks/", {"url": "https://example.org/hook", "secret": "a-long-enough-secret"}),
    ],
)
def test_it_rejects_a_viewer_writing(viewer_api, path, body):
    response = viewer_api.post(path, body, format="json")

    assert response.status_code == 403


def test_it_rejects_a_viewer_recording_a_verdict(viewer_api):
    claim = ClaimFactory(text="ارتفعت الصادرات بنسبة 12% خلال العام الماضي", suggested=True)

    response = viewer_api.post(f"/api/v1/claims/{claim.pk}/verdict/", {"rating": "true"}, format="json")

    assert response.status_code == 403
    assert not Verdict.objects.filter(claim=claim).exists()


def test_it_rejects_an_editor_publishing(editor_api, other_editor):
    claim = ClaimFactory(text="ارتفعت الصادرات بنسبة 12% خلال العام الماضي", suggested=True)
    VerdictFactory(claim=claim, editor=other_editor)

    response = editor_api.post(f"/api/v1/claims/{claim.pk}/publish/", {}, format="json")

    assert response.status_code == 403
    claim.verdict.refresh_from_db()
    assert claim.verdict.published_at is None
