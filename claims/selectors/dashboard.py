"""Reads for the dashboard: its counts, live for a small newsroom, else from a snapshot a beat task
keeps fresh; and row counts of big tables without counting them. See docs/performance.md."""

from __future__ import annotations

import time

from django.conf import settings
from django.db import connection
from django.db.models import Count, Model, Q
from django.utils.translation import gettext_lazy as _

from claims.models import (
    Article,
    ArticleStatus,
    Claim,
    ClaimStatus,
    DashboardSnapshot,
    MachineVerdict,
    QuantityCheck,
    Rating,
    Verdict,
)
from claims.selectors.queue import CLOSED_STATUSES, NO_VERDICT

# Snapshots kept besides the newest (to see how the counts moved, and for a refresh in flight).
DASHBOARD_SNAPSHOTS_KEPT = 5


def estimated_count(model: type[Model]) -> int:
    """The number of rows of a big table without counting them: PostgreSQL's planner statistics
    (`reltuples`, kept by autovacuum/ANALYZE), an exact COUNT(*) elsewhere or before the first ANALYZE."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
            row = cursor.fetchone()
        if row and row[0] is not None and row[0] >= 0:
            return int(row[0])
    return model.objects.count()


def dashboard_compute(*, articles_limit: int = 20) -> dict:
    """The dashboard's raw counts (JSON-ready): one grouped pass over claims, verdicts and checks.

    Seconds at a million claims: the beat task runs it (dashboard_snapshot_refresh), not the page.
    """
    claims = Claim.objects.order_by()
    by_status = _count_by("status")
    by_machine = _count_by("suggested_verdict")
    by_rating = dict(
        Verdict.objects.order_by().values_list("rating").annotate(n=Count("pk")).values_list("rating", "n")
    )
    errors = (
        QuantityCheck.objects.exclude(error="")
        .order_by()
        .values_list("error")
        .annotate(n=Count("pk"))
        .order_by("-n", "error")
        .values_list("error", "n")
    )
    busiest = list(
        claims.values("article_id")
        .annotate(
            total=Count("pk"),
            # A claim with one wrong figure beside right ones (mixed) holds a contradicted figure too.
            contradicted=Count(
                "pk", filter=Q(suggested_verdict__in=(MachineVerdict.CONTRADICTED, MachineVerdict.MIXED))
            ),
            decided=Count("pk", filter=Q(status__in=CLOSED_STATUSES)),
        )
        .order_by("-total", "-article_id")[:articles_limit]
    )
    articles = Article.objects.only("id", "title", "status").in_bulk([row["article_id"] for row in busiest])
    claims_total = sum(by_status.values())
    return {
        "claims_total": claims_total,
        "articles_total": estimated_count(Article),
        "by_status": by_status,
        "by_machine_verdict": by_machine,
        "by_rating": by_rating,
        "undecided": claims_total - sum(by_rating.values()),
        "error_kinds": [[error, n] for error, n in errors],
        "articles": [
            {
                "id": row["article_id"],
                "title": articles[row["article_id"]].title,
                "status": articles[row["article_id"]].status,
                "claims": row["total"],
                "contradicted": row["contradicted"],
                "decided": row["decided"],
            }
            for row in busiest
            if row["article_id"] in articles
        ],
    }


def dashboard_snapshot_refresh() -> DashboardSnapshot:
    """Compute the dashboard's counts now and keep them as the newest snapshot."""
    started = time.perf_counter()
    counts = dashboard_compute()
    snapshot = DashboardSnapshot.objects.create(counts=counts, seconds=round(time.perf_counter() - started, 3))
    stale = DashboardSnapshot.objects.order_by("-computed_at", "-id").values_list("id", flat=True)[
        DASHBOARD_SNAPSHOTS_KEPT + 1 :
    ]
    DashboardSnapshot.objects.filter(id__in=list(stale)).delete()
    return snapshot


# What each counted field of the queue's filters is called in a dashboard snapshot.
_SNAPSHOT_COUNTS = {"status": "by_status", "suggested_verdict": "by_machine_verdict"}


def claim_counts_by(field: str) -> dict[str, int]:
    """Claims per value of `status` or `suggested_verdict` (the queue's counted filters): live up to
    FACTCHECK_DASHBOARD_LIVE_LIMIT claims, above it the newest dashboard snapshot's (a grouped count
    reads the whole table: most of a second at a million claims)."""
    if estimated_count(Claim) <= settings.FACTCHECK_DASHBOARD_LIVE_LIMIT:
        return _count_by(field)
    return _newest_snapshot().counts[_SNAPSHOT_COUNTS[field]]


def _count_by(field: str) -> dict:
    """Claims per value of one column: one grouped count over the whole table."""
    return dict(Claim.objects.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n"))


def _newest_snapshot() -> DashboardSnapshot:
    return DashboardSnapshot.objects.order_by("-computed_at", "-id").first() or dashboard_snapshot_refresh()


def dashboard_counts() -> dict:
    """Everything the dashboard charts: claims by status, by machine and editor verdict, the
    machine's error kinds, and the busiest articles.

    A small newsroom's counts are live; above FACTCHECK_DASHBOARD_LIVE_LIMIT claims they come from
    the newest snapshot (refreshed by beat every FACTCHECK_DASHBOARD_SECONDS), and `computed_at`
    says when it was taken.
    """
    computed_at = None
    if estimated_count(Claim) <= settings.FACTCHECK_DASHBOARD_LIVE_LIMIT:
        raw = dashboard_compute()
    else:
        snapshot = _newest_snapshot()
        raw, computed_at = snapshot.counts, snapshot.computed_at
    no_suggestion = [("", _("Not matched yet"))]
    statuses = dict(ArticleStatus.choices)
    return {
        "computed_at": computed_at,
        "claims_total": raw["claims_total"],
        "articles_total": raw["articles_total"],
        "by_status": _rows(raw["by_status"], ClaimStatus.choices),
        "by_machine_verdict": _rows(raw["by_machine_verdict"], MachineVerdict.choices + no_suggestion),
        "by_editor_verdict": _rows(raw["by_rating"], Rating.choices)
        + [{"key": NO_VERDICT, "label": _("No verdict yet"), "count": raw["undecided"]}],
        "error_kinds": [{"key": error, "label": error, "count": n} for error, n in raw["error_kinds"]],
        "articles": [
            {**article, "status": statuses.get(article["status"], article["status"])} for article in raw["articles"]
        ],
    }


def _rows(counts: dict, choices) -> list[dict]:
    found = dict(counts)
    rows = [{"key": value, "label": label, "count": found.pop(value, 0)} for value, label in choices]
    rows += [
        {"key": key, "label": key or "—", "count": n} for key, n in sorted(found.items(), key=lambda kv: str(kv[0]))
    ]
    return rows
