"""The dashboard's snapshot (big newsrooms) and the lookup cache."""

import pytest
from django.core.cache import cache

import claims.lib.cache
from claims.models import DashboardSnapshot
from claims.selectors.dashboard import dashboard_counts, dashboard_snapshot_refresh
from claims.tasks.dashboard import refresh_dashboard
from tests.conftest import client_for
from tests.scale.conftest import count_queries

pytestmark = pytest.mark.django_db

LOOKUP = "/api/v1/lookup/"
QUESTION = {"q": "بلغت إيراداتها السنوية 100 مليون دولار"}


def test_a_small_newsroom_sees_live_counts(newsroom, settings):
    settings.FACTCHECK_DASHBOARD_LIVE_LIMIT = 1000
    newsroom.grow(8)

    counts = dashboard_counts()

    assert counts["computed_at"] is None
    assert counts["claims_total"] == 8
    assert {row["key"]: row["count"] for row in counts["by_machine_verdict"]}["contradicted"] == 2
    assert not DashboardSnapshot.objects.exists()


def test_a_big_newsroom_sees_the_snapshot_until_beat_refreshes_it(newsroom, settings):
    settings.FACTCHECK_DASHBOARD_LIVE_LIMIT = 0
    newsroom.grow(8)
    first = dashboard_counts()  # no snapshot yet: one is taken now
    newsroom.grow(4)

    assert first["claims_total"] == 8 and first["computed_at"] is not None
    assert dashboard_counts()["claims_total"] == 8  # the page does not count again
    refresh_dashboard.delay()
    refreshed = dashboard_counts()
    assert refreshed["claims_total"] == 12
    assert {row["key"]: row["count"] for row in refreshed["by_editor_verdict"]}["none"] == 9
    assert [article["claims"] for article in refreshed["articles"]] == [1] * 12


def test_old_snapshots_are_dropped(newsroom):
    newsroom.grow(2)
    for _ in range(9):
        dashboard_snapshot_refresh()

    assert DashboardSnapshot.objects.count() == 6


def test_the_dashboard_page_says_when_its_counts_were_taken(client, editor, newsroom, settings):
    settings.FACTCHECK_DASHBOARD_LIVE_LIMIT = 0
    newsroom.grow(3)
    client.force_login(editor)

    html = client.get("/admin/claims/claim/dashboard/").content.decode()

    assert 'id="fc-counts-as-of"' in html and 'id="fc-claims-total">3<' in html


def test_the_same_lookup_is_answered_from_the_cache(editor, newsroom, settings):
    settings.FACTCHECK_LOOKUP_CACHE_SECONDS = 60
    newsroom.grow(4)
    api = client_for(editor)
    cache.clear()
    first = api.get(LOOKUP, QUESTION)
    with_cache = count_queries(api, "get", LOOKUP, data=QUESTION)

    assert first.json()["results"][0]["similarity"] >= 0.6
    assert api.get(LOOKUP, QUESTION).json() == first.json()
    settings.FACTCHECK_LOOKUP_CACHE_SECONDS = 0
    assert count_queries(api, "get", LOOKUP, data=QUESTION) > with_cache


def test_a_lookup_still_answers_when_the_cache_is_down(editor, newsroom, settings, monkeypatch):
    settings.FACTCHECK_LOOKUP_CACHE_SECONDS = 60
    newsroom.grow(4)

    class Gone:
        def get(self, *args, **kwargs):
            raise ConnectionError("cache server gone")

        set = get

    monkeypatch.setattr(claims.lib.cache, "cache", Gone())
    response = client_for(editor).get(LOOKUP, QUESTION)

    assert response.status_code == 200 and response.json()["count"] >= 1
