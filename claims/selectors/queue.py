"""Reads for the review desk: the review queue in priority order and its search.

Built for a newsroom's year of claims (a million rows): every list loads one page through an index
that matches its order, never the articles' full text, and never counts the whole table. See
docs/performance.md.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, Count, Exists, Expression, Max, OuterRef, Q, QuerySet

from claims.extraction import normalize
from claims.matching.text import search_part
from claims.models import (
    CLOSED_CLAIM_STATUSES,
    Article,
    Claim,
    ClaimStatus,
    Quantity,
    ReferenceStatement,
    queue_closed_rank,
    queue_machine_rank,
)

CLOSED_STATUSES = CLOSED_CLAIM_STATUSES
OPEN_STATUSES = tuple(status for status in ClaimStatus.values if status not in CLOSED_STATUSES)
NO_VERDICT = "none"
NOBODY = "nobody"

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


def with_queue_rank(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """Annotate what QUEUE_ORDERING sorts by (the same expressions as the index, so it is used)."""
    return claims.annotate(queue_closed=queue_closed_rank(), queue_machine_rank=queue_machine_rank())


def queue_ordering(*, status: str | None = None) -> tuple[str, ...]:
    """The queue's order; inside one open status, the order its partial index holds."""
    return QUEUE_ORDERING_IN_STATUS if status in OPEN_STATUSES else QUEUE_ORDERING


def uses_postgres_search() -> bool:
    return connection.vendor == "postgresql"


def claims_matching_text(claims: QuerySet[Claim], query: str) -> QuerySet[Claim]:
    """Claims holding every word of `query` in any order, each by the part its inflections share
    (claims.matching.text.search_part, the lookup's cut), and every name in it under any of its
    aliases (Arabic or Latin script: "ديب سيك" finds "DeepSeek").

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
        part = search_part(word)
        if part:
            condition = Q(normalized_text__contains=part)
            if uses_postgres_search():
                condition |= Q(FullTextMatch(word))
            conditions.append(condition)
    if not conditions:
        return claims.filter(Q(normalized_text__contains=folded) | Q(text__icontains=query.strip()))
    for condition in conditions:
        claims = claims.filter(condition)
    return claims


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


def with_editor_verdict(claims: QuerySet[Claim], rating: str) -> QuerySet[Claim]:
    """Claims the editors rated `rating`; NO_VERDICT: not rated yet."""
    if rating == NO_VERDICT:
        return claims.filter(verdict__isnull=True)
    return claims.filter(verdict__rating=rating)


def with_figure(claims: QuerySet[Claim], *, kind: str | None = None, unit: str | None = None) -> QuerySet[Claim]:
    """Claims holding a figure of this kind and (or) unit, both on the same figure (EXISTS, not a
    join: a claim holding two money figures is still listed once)."""
    figure = Q(claim=OuterRef("pk"))
    if kind:
        figure &= Q(kind=kind)
    if unit:
        figure &= Q(unit=unit)
    return claims.filter(Exists(Quantity.objects.filter(figure)))


def assigned_to(claims: QuerySet[Claim], assignee) -> QuerySet[Claim]:
    """Claims assigned to `assignee` (a user or a user id); NOBODY: to no one yet."""
    if assignee == NOBODY:
        return claims.filter(assignee__isnull=True)
    if isinstance(assignee, int | str):
        return claims.filter(assignee_id=assignee)
    return claims.filter(assignee=assignee)


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
    if rating:
        claims = with_editor_verdict(claims, rating)
    if kind or unit:
        claims = with_figure(claims, kind=kind, unit=unit)
    if article:
        claims = claims.filter(article_id=article)
    if assignee:
        claims = assigned_to(claims, user if assignee == "me" else assignee)
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
