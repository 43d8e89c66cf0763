"""The figure index (CheckedFigure): the figures of decided or published claims, kept in step with
verdicts so that "has this figure been checked?" never scans every figure."""

from __future__ import annotations

from collections.abc import Iterable

from claims.models import CheckedFigure, ClaimStatus, Quantity

CHECKED_STATUSES = (ClaimStatus.DECIDED, ClaimStatus.PUBLISHED)


def checked_figures_refresh(*, claim_ids: Iterable[int]) -> int:
    """Rewrite the index rows of these claims from their figures and verdicts; returns the rows kept.

    A claim that is no longer decided (reopened) or has no verdict leaves the index.
    """
    ids = list(claim_ids)
    if not ids:
        return 0
    CheckedFigure.objects.filter(claim_id__in=ids).delete()
    rows = Quantity.objects.filter(
        claim_id__in=ids, claim__status__in=CHECKED_STATUSES, claim__verdict__isnull=False
    ).values_list("claim_id", "kind", "unit", "value", "value_text", "claim__verdict__decided_at")
    figures = [
        CheckedFigure(claim_id=claim_id, kind=kind, unit=unit, value=value, value_text=text, decided_at=decided_at)
        for claim_id, kind, unit, value, text, decided_at in rows
    ]
    CheckedFigure.objects.bulk_create(figures)
    return len(figures)
