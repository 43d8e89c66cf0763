"""Matching and reference-library tasks. Thin: they take ids and call the services.

Each body imports its service: the services queue these tasks (they import this module), so an
import at the top would be a circle.
"""

from celery import shared_task

from claims.tasks.retry import transient_retries


@shared_task(bind=True, acks_late=True)
def match_claims(self, claim_ids: list[int]) -> int:
    """Match a batch of claims; running it again stores the same checks (idempotent). A batch whose
    retry cannot be sent stays flagged `needs_matching` for the rematch sweep."""
    from claims.services import matching  # imported here: see the module's docstring

    with transient_retries(self, on_broker_down=lambda: None):
        return matching.claims_match(claim_ids=claim_ids)


@shared_task(bind=True, acks_late=True)
def rematch_dirty_claims(self) -> int:
    """Match every claim flagged `needs_matching` (a reference changed), in batches. The flags are
    the outbox: beat runs this again every FACTCHECK_REMATCH_SECONDS."""
    from claims.services import matching  # imported here: see the module's docstring

    with transient_retries(self, on_broker_down=lambda: None):
        return matching.claims_rematch_dirty()


@shared_task(bind=True, acks_late=True)
def split_reference_document(self, document_id: int) -> int:
    """Split a source document into reference statements; a failure is kept on the document."""
    from claims.services import references  # imported here: see the module's docstring

    with transient_retries(self):
        return references.reference_document_split(document_id=document_id)


@shared_task(bind=True, acks_late=True)
def import_reference_table(self, table_import_id: int) -> int:
    """Import a statistics table row by row, recording progress on its row; idempotent by row key."""
    from claims.services import reference_sources  # imported here: see the module's docstring

    with transient_retries(self):
        return reference_sources.table_import_run(table_import_id=table_import_id).count("created")
