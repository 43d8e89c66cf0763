"""The queue's counted filters (status, machine suggestion): live in a small newsroom, from the
dashboard snapshot in a big one (a grouped count reads every claim)."""

import pytest

from claims.models import DashboardSnapshot
from claims.selectors.dashboard import claim_counts_by

pytestmark = pytest.mark.django_db


def test_a_small_newsroom_counts_live(newsroom, settings):
    settings.FACTCHECK_DASHBOARD_LIVE_LIMIT = 1000
    newsroom.grow(6)
    DashboardSnapshot.objects.create(counts={"by_status": {"suggested": 999}, "by_machine_verdict": {}})

    assert claim_counts_by("status") == {"suggested": 4, "decided": 2}
    assert claim_counts_by("suggested_verdict") == {"contradicted": 2, "supported": 2, "mixed": 1, "unverified": 1}


def test_a_big_newsroom_reads_the_newest_snapshot(newsroom, settings):
    settings.FACTCHECK_DASHBOARD_LIVE_LIMIT = 2
    newsroom.grow(6)
    DashboardSnapshot.objects.create(counts={"by_status": {"suggested": 1}, "by_machine_verdict": {"mixed": 1}})
    DashboardSnapshot.objects.create(
        counts={"by_status": {"suggested": 900_000, "decided": 100_000}, "by_machine_verdict": {"mixed": 30_000}}
    )

    assert claim_counts_by("status") == {"suggested": 900_000, "decided": 100_000}
    assert claim_counts_by("suggested_verdict") == {"mixed": 30_000}


def test_the_queue_filter_shows_the_snapshot_counts(client, editor, newsroom, settings):
    settings.FACTCHECK_DASHBOARD_LIVE_LIMIT = 2
    newsroom.grow(6)
    DashboardSnapshot.objects.create(
        counts={"by_status": {"suggested": 900_000}, "by_machine_verdict": {"contradicted": 61_234}}
    )
    client.force_login(editor)

    page = client.get("/admin/claims/claim/").content.decode()

    assert "900000" in page.replace(",", "").replace("٬", "") or "٩٠٠٠٠٠" in page.replace("٬", "")
    assert "61234" in page.replace(",", "").replace("٬", "") or "٦١٢٣٤" in page.replace("٬", "")
