import pytest

pytestmark = pytest.mark.django_db


def test_it_throttles_checks_at_the_check_rate(viewer_api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "check": "1/minute"},
    }
    text = {"text": "ارتفعت الصادرات إلى 300 مليار ريال."}

    first = viewer_api.post("/api/v1/check/", text, format="json")
    second = viewer_api.post("/api/v1/check/", text, format="json")

    assert first.status_code == 200
    assert second.status_code == 429
    assert int(second["Retry-After"]) > 0
    # other endpoints keep their own (user) rate
    assert viewer_api.get("/api/v1/claims/").status_code == 200
