"""Which claims an export holds, loaded with everything every format shows in a fixed number of queries."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Q, QuerySet
from django.utils import timezone

from claims.models import Article, Claim
from claims.representations import claim_queryset


def with_export_relations(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """The API's claim queryset (the §4 object) plus the reference sources the reports cite."""
    return (
        claims.select_related("article", "verdict__editor", "verdict__reference__source")
        .prefetch_related("quantities__match__reference__source")
        .order_by("article_id", "start", "id")
    )


def claims_for_export(
    *,
    status: str | None = None,
    suggested: str | None = None,
    verdict: str | None = None,
    article: int | None = None,
    since: date | datetime | None = None,
    published_only: bool = False,
) -> QuerySet[Claim]:
    """Claims matching the export filters; every filter left at None keeps all claims.

    `since` keeps claims created, changed, decided or published on or after that moment (a date
    means its first instant in the current time zone), so a nightly job can export what is new.
    """
    claims = claim_queryset()
    if status:
        claims = claims.filter(status=status)
    if suggested:
        claims = claims.filter(suggested_verdict=suggested)
    if verdict:
        claims = claims.filter(verdict__rating=verdict)
    if article is not None:
        claims = claims.filter(article_id=article)
    if published_only:
        claims = claims.filter(verdict__published_at__isnull=False)
    if since is not None:
        moment = since if isinstance(since, datetime) else datetime.combine(since, time.min)
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        claims = claims.filter(
            Q(created_at__gte=moment)
            | Q(updated_at__gte=moment)
            | Q(verdict__decided_at__gte=moment)
            | Q(verdict__published_at__gte=moment)
        )
    return with_export_relations(claims)


def article_report_claims(article: Article) -> QuerySet[Claim]:
    """Every claim of one article, in reading order."""
    return with_export_relations(claim_queryset().filter(article=article))


def rated_claims(claims: QuerySet[Claim], *, include_decided: bool = False) -> QuerySet[Claim]:
    """Claims whose editor verdict is published (or, with include_decided, merely decided)."""
    if include_decided:
        return claims.filter(verdict__isnull=False)
    return claims.filter(verdict__published_at__isnull=False)
