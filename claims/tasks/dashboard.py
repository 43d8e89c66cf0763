"""The dashboard's counts, refreshed by beat (claims.selectors.dashboard.dashboard_snapshot_refresh)."""

from celery import shared_task

from claims.selectors.dashboard import dashboard_snapshot_refresh


@shared_task(acks_late=True)
def refresh_dashboard() -> int:
    return dashboard_snapshot_refresh().pk
