"""Reads for the review desk: the review queue in priority order, its search, and the dashboard's counts.

Built for a newsroom's year of claims (a million rows): every list loads one page through an index
that matches its order, never the articles' full text, and never counts the whole table; the
dashboard reads a snapshot a beat task keeps fresh. See docs/performance.md.
"""

from __future__ import annotations

import time
from datetime import date
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, Count, Expression, Max, Model, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from claims.extraction import normalize
from claims.models import (
    CLOSED_CLAIM_STATUSES,
    Article,
    ArticleStatus,
    Claim,
    ClaimStatus,
    DashboardSnapshot,
    MachineVerdict,
    Quantity,
    QuantityCheck,
    Rating,
    ReferenceStatement,
    Verdict,
    queue_closed_rank,
    queue_machine_rank,
)

CLOSED_STATUSES = CLOSED_CLAIM_STATUSES
OPEN_STATUSES = tuple(status for status in ClaimStatus.values if status not in CLOSED_STATUSES)
NO_VERDICT = "none"

# Open claims before decided ones; among them the machine's contradictions, then its mixed findings,
# then the most important and most check-worthy. The index `claim_queue_order` has exactly this order.
QUEUE_ORDERING = ("queue_closed", "queue_machine_rank", "-priority", "-checkworthiness", "id")
# Inside one status the first key is constant; without it the order matches `claim_open_queue_order`.
QUEUE_ORDERING_IN_STATUS = QUEUE_ORDERING[1:]
# Never loaded in a list: the article's whole text (tens of kilobytes per row) and search-only columns.
LIST_DEFERRED = ("normalized_text", "article__text", "article__error")
# The queue's facets read only this many of the newest articles / figures.
RECENT_ARTICLES = 20
RECENT_FIGURES = 5000
# Snapshots kept besides the newest (to see how the counts moved, and for a refresh in flight).
DASHBOARD_SNAPSHOTS_KEPT = 5


def with_queue_rank(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """Annotate what QUEUE_ORDERING sorts by (the same expressions as the index, so it is used)."""
    return claims.annotate(queue_closed=queue_closed_rank(), queue_machine_rank=queue_machine_rank())


def queue_ordering(*, status: str | None = None) -> tuple[str, ...]:
    """The queue's order; inside one open status, the order its partial index holds."""
    return QUEUE_ORDERING_IN_STATUS if status in OPEN_STATUSES else QUEUE_ORDERING


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


def uses_postgres_search() -> bool:
    return connection.vendor == "postgresql"


def claims_matching_text(claims: QuerySet[Claim], query: str) -> QuerySet[Claim]:
    """Claims holding every word of `query` in any order, each by its light stem, and every name in
    it under any of its aliases (Arabic or Latin script: "ديب سيك" finds "DeepSeek").

    Diacritics, tatweel, hamza and alef variants are ignored (both sides go through normalize()).
    This is the one search of the review desk and the API, on every database: each word is a
    substring condition on the normalised text (`LIKE`, which PostgreSQL answers from the trigram
    index); on PostgreSQL a word also matches in another form through full-text search with the
    `arabic` configuration ("التكلفة" finds "تكلفة"), from the tsvector column's GIN index.
    """
    folded = normalize(query).strip()
    if not folded:
        return claims
    conditions = []
    rest = f" {folded} "
    for forms in _alias_groups_in(rest):
        conditions.append(_any_of(forms))
        for form in forms:
            rest = rest.replace(f" {form} ", " ")
    for word in rest.split():
        stem = search_stem(word)
        if stem:
            condition = Q(normalized_text__contains=stem)
            if uses_postgres_search():
                condition |= Q(FullTextMatch(word))
            conditions.append(condition)
    if not conditions:
        return claims.filter(Q(normalized_text__contains=folded) | Q(text__icontains=query.strip()))
    for condition in conditions:
        claims = claims.filter(condition)
    return claims


def search_stem(word: str) -> str:
    """What a query word must match inside a claim's normalised text: its light stem (the matcher's
    stemmer), so "التدريب", "تدريب" and "وتدريبها" meet; "" for a stopword."""
    from claims.matching.text import STOPWORDS, stem

    stemmed = stem(word)
    if stemmed.isdigit():
        return stemmed
    return "" if stemmed in STOPWORDS or len(stemmed) < 2 else stemmed


def _any_of(forms) -> Q:
    condition = Q()
    for form in forms:
        condition |= Q(normalized_text__contains=form)
    return condition


def _alias_groups_in(folded_query: str) -> list[set[str]]:
    """The alias groups of the reference library (a statement's aliases, with its subject when that
    is a short name) that the query names, each as the normalised forms to look for."""
    groups = [forms for forms in alias_groups() if any(f" {form} " in folded_query for form in forms)]
    merged: list[set[str]] = []
    for forms in groups:
        for existing in merged:
            if existing & forms:
                existing |= forms
                break
        else:
            merged.append(set(forms))
    return merged


class FullTextMatch(Expression):
    """`<claims table>.search_vector @@ plainto_tsquery('arabic', text)`: the generated tsvector
    column the migration adds on PostgreSQL (the model does not declare it: SQLite has no such
    type). The table is named by its alias in the query being compiled, so the condition also holds
    inside a subquery (`pk__in=…`), where Django renames the table."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.base_table)
        return f"{table}.search_vector @@ plainto_tsquery('arabic', %s)", [self.text]


def decided_claims_with_words(words: list[str], *, every: bool = False, limit: int) -> list[int]:
    """Ids of decided or published claims holding any (or, with `every`, all) of `words`, newest
    verdicts first.

    PostgreSQL: the GIN index of decided claims' tsvectors (stemmed, so a word in another form still
    counts); elsewhere a LIKE per word over the normalised text.
    """
    words = [word for word in words if word]
    if not words:
        return []
    if uses_postgres_search():
        tsquery = (" && " if every else " || ").join(["plainto_tsquery('arabic', %s)"] * len(words))
        sql = (
            "SELECT c.id FROM claims_claim c JOIN claims_verdict v ON v.claim_id = c.id "
            f"WHERE c.status IN ('decided', 'published') AND c.search_vector @@ ({tsquery}) "
            "ORDER BY v.decided_at DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*words, limit])
            return [row[0] for row in cursor.fetchall()]
    by_words = Q()
    for word in words:
        if every:
            by_words &= Q(normalized_text__contains=word)
        else:
            by_words |= Q(normalized_text__contains=word)
    decided = Claim.objects.filter(by_words, status__in=CLOSED_STATUSES, verdict__isnull=False)
    return list(decided.order_by("-verdict__decided_at").values_list("id", flat=True)[:limit])


def recent_articles(*, limit: int = RECENT_ARTICLES, include: int | None = None) -> list[Article]:
    """The newest articles (id and title only) for the queue's article facet, plus `include` if given."""
    articles = list(Article.objects.only("id", "title").order_by("-ingested_at", "-id")[:limit])
    if include is not None and all(article.pk != include for article in articles):
        articles += list(Article.objects.only("id", "title").filter(pk=include))
    return articles


def recent_units(*, sample: int = RECENT_FIGURES) -> list[str]:
    """The units of the newest figures (a bounded read of the figure table), most frequent first."""
    units = Quantity.objects.exclude(unit="").order_by("-id").values_list("unit", flat=True)[:sample]
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit] = counts.get(unit, 0) + 1
    return sorted(counts, key=lambda unit: (-counts[unit], unit))
def alias_groups() -> tuple[frozenset[str], ...]:
    """Every statement's names, normalised; one small query, the normalising redone only when the
    library changed (its size or latest update)."""
    state = ReferenceStatement.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    return _alias_groups_for(state["n"], state["latest"])


@lru_cache(maxsize=1)
def _alias_groups_for(count: int, latest) -> tuple[frozenset[str], ...]:
    groups = []
    for subject, aliases in ReferenceStatement.objects.exclude(aliases=[]).values_list("subject", "aliases"):
        names = [name for name in (aliases or []) if isinstance(name, str)]
        if subject and len(subject.split()) <= 2:
            names.append(subject)
        forms = frozenset(normalize(name).strip() for name in names) - {""}
        if forms:
            groups.append(forms)
    return tuple(groups)


def review_queue(
    *,
    user=None,
    status: str | None = None,
    suggested: str | None = None,
    rating: str | None = None,
    kind: str | None = None,
    unit: str | None = None,
    article: int | None = None,
    assignee: int | str | None = None,
    created_from: date | None = None,
    created_to: date | None = None,
    q: str | None = None,
    include_low_checkworthiness: bool = True,
) -> QuerySet[Claim]:
    """The claims editors review, most urgent first, with what the queue shows already loaded.

    `assignee="me"` means `user`; `rating="none"` means no editor verdict yet.
    """
    claims = with_queue_rank(Claim.objects.defer(*LIST_DEFERRED))
    if not include_low_checkworthiness:
        claims = claims.filter(checkworthiness__gte=settings.FACTCHECK_MIN_CHECKWORTHINESS)
    if status:
        claims = claims.filter(status=status)
    if suggested:
        claims = claims.filter(suggested_verdict=suggested)
    if rating == NO_VERDICT:
        claims = claims.filter(verdict__isnull=True)
    elif rating:
        claims = claims.filter(verdict__rating=rating)
    if kind or unit:
        quantity = Q()
        if kind:
            quantity &= Q(quantities__kind=kind)
        if unit:
            quantity &= Q(quantities__unit=unit)
        claims = claims.filter(id__in=Claim.objects.filter(quantity).values("id"))
    if article:
        claims = claims.filter(article_id=article)
    if assignee == "me":
        claims = claims.filter(assignee=user)
    elif assignee:
        claims = claims.filter(assignee_id=assignee)
    if created_from:
        claims = claims.filter(created_at__date__gte=created_from)
    if created_to:
        claims = claims.filter(created_at__date__lte=created_to)
    if q:
        claims = claims_matching_text(claims, q)
    return (
        claims.select_related("article", "assignee", "verdict", "verdict__editor")
        .prefetch_related("quantities__match__reference")
        .order_by(*queue_ordering(status=status))
    )


def dashboard_compute(*, articles_limit: int = 20) -> dict:
    """The dashboard's raw counts (JSON-ready): one grouped pass over claims, verdicts and checks.

    Seconds at a million claims: the beat task runs it (dashboard_snapshot_refresh), not the page.
    """
    claims = Claim.objects.order_by()
    by_status = dict(claims.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    by_machine = dict(
        claims.values_list("suggested_verdict").annotate(n=Count("pk")).values_list("suggested_verdict", "n")
    )
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
        return dict(Claim.objects.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n"))
    snapshot = DashboardSnapshot.objects.order_by("-computed_at", "-id").first() or dashboard_snapshot_refresh()
    return snapshot.counts[_SNAPSHOT_COUNTS[field]]


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
        snapshot = DashboardSnapshot.objects.order_by("-computed_at", "-id").first() or dashboard_snapshot_refresh()
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
