"""Matching and reference-library tasks. Thin: they take ids and call the services."""

from celery import shared_task

from claims.services import matching, reference_sources, references

RETRY_OPTIONS = {
    "acks_late": True,
    "autoretry_for": references.TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 5,
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


@shared_task(**RETRY_OPTIONS)
def import_reference_table(table_import_id: int) -> int:
    """Import a statistics table row by row, recording progress on its row; idempotent by row key."""
    return reference_sources.table_import_run(table_import_id=table_import_id).count("created")
