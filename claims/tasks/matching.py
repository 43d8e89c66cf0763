"""Matching and reference-library tasks. Thin: they take ids and call the services."""

from celery import shared_task
from django.conf import settings

from claims.services import matching, references

# Database and connection errors: retried with exponential backoff (FACTCHECK_RETRY_BASE_SECONDS ×
# 2**n, capped at FACTCHECK_RETRY_MAX_SECONDS, Celery's full jitter), over minutes, not seconds.
RETRY_OPTIONS = {
    "acks_late": True,
    "autoretry_for": references.TRANSIENT_ERRORS,
    "retry_backoff": max(1, round(settings.FACTCHECK_RETRY_BASE_SECONDS)),
    "retry_backoff_max": round(settings.FACTCHECK_RETRY_MAX_SECONDS),
    "retry_jitter": True,
    "max_retries": settings.FACTCHECK_RETRY_MAX_RETRIES,
}


@shared_task(**RETRY_OPTIONS)
def match_claims(claim_ids: list[int]) -> int:
    """Match a batch of claims; running it again stores the same checks (idempotent)."""
    return matching.claims_match(claim_ids=claim_ids)


@shared_task(**RETRY_OPTIONS)
def rematch_dirty_claims() -> int:
    """Match every claim flagged `needs_matching` (a reference changed), in batches."""
    return matching.claims_rematch_dirty()


@shared_task(**RETRY_OPTIONS)
def split_reference_document(document_id: int) -> int:
    """Split a source document into reference statements; a failure is kept on the document."""
    return references.reference_document_split(document_id=document_id)
