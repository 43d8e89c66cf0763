"""Reads for the review desk: the review queue in priority order and the dashboard's counts."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from claims.extraction import normalize
from claims.models import (
    Article,
    Claim,
    ClaimStatus,
    MachineVerdict,
    QuantityCheck,
    Rating,
    Verdict,
)

CLOSED_STATUSES = (ClaimStatus.DECIDED, ClaimStatus.PUBLISHED)
NO_VERDICT = "none"

# Open claims before decided ones; among them the machine's contradictions, then its mixed findings,
# then the most important and most check-worthy.
QUEUE_ORDERING = ("queue_closed", "queue_machine_rank", "-priority", "-checkworthiness", "id")


def with_queue_rank(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """Annotate what QUEUE_ORDERING sorts by."""
    return claims.annotate(
        queue_closed=Case(
            When(status__in=CLOSED_STATUSES, then=Value(1)), default=Value(0), output_field=IntegerField()
        ),
        queue_machine_rank=Case(
            When(suggested_verdict=MachineVerdict.CONTRADICTED, then=Value(0)),
            When(suggested_verdict=MachineVerdict.MIXED, then=Value(1)),
            When(suggested_verdict=MachineVerdict.MISLEADING_BOUND, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
    )


def claims_matching_text(claims: QuerySet[Claim], query: str) -> QuerySet[Claim]:
    """Claims whose text holds `query`, ignoring diacritics, tatweel, hamza and alef variants."""
    folded = normalize(query).strip()
    if not folded:
        return claims
    return claims.filter(Q(normalized_text__icontains=folded) | Q(text__icontains=query.strip()))


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
    claims = with_queue_rank(Claim.objects.all())
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
        .order_by(*QUEUE_ORDERING)
    )


def _counts(queryset, field: str, choices) -> list[dict]:
    found = dict(queryset.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n"))
    rows = [{"key": value, "label": label, "count": found.pop(value, 0)} for value, label in choices]
    rows += [
        {"key": key, "label": key or "—", "count": n} for key, n in sorted(found.items(), key=lambda kv: str(kv[0]))
    ]
    return rows


def dashboard_counts(*, articles_limit: int = 20) -> dict:
    """Everything the dashboard charts: claims by status, by machine and editor verdict, the
    machine's error kinds, and the busiest articles."""
    claims = Claim.objects.all()
    no_suggestion = [("", _("Not matched yet"))]
    by_rating = _counts(Verdict.objects.all(), "rating", Rating.choices)
    undecided = claims.filter(verdict__isnull=True).count()
    errors = (
        QuantityCheck.objects.exclude(error="")
        .order_by()
        .values_list("error")
        .annotate(n=Count("pk"))
        .order_by("-n", "error")
        .values_list("error", "n")
    )
    articles = (
        Article.objects.annotate(
            claims_total=Count("claims", distinct=True),
            claims_contradicted=Count(
                "claims", filter=Q(claims__suggested_verdict=MachineVerdict.CONTRADICTED), distinct=True
            ),
            claims_decided=Count("claims", filter=Q(claims__status__in=CLOSED_STATUSES), distinct=True),
        )
        .filter(claims_total__gt=0)
        .order_by("-claims_total", "-id")[:articles_limit]
    )
    return {
        "claims_total": claims.count(),
        "articles_total": Article.objects.count(),
        "by_status": _counts(claims, "status", ClaimStatus.choices),
        "by_machine_verdict": _counts(claims, "suggested_verdict", MachineVerdict.choices + no_suggestion),
        "by_editor_verdict": by_rating + [{"key": NO_VERDICT, "label": _("No verdict yet"), "count": undecided}],
        "error_kinds": [{"key": error, "label": error, "count": n} for error, n in errors],
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "status": a.get_status_display(),
                "claims": a.claims_total,
                "contradicted": a.claims_contradicted,
                "decided": a.claims_decided,
            }
            for a in articles
        ],
    }
