"""Big exports run by a worker: the admin freezes the selection in an ExportJob, a Celery task
writes the file (streaming, flat memory) and the job offers it for download when it is ready."""

from __future__ import annotations

import logging
import os
import tempfile

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from claims.exports.formats import FORMATS, write_export
from claims.exports.responses import export_filename
from claims.models import Claim, ExportJob, ExportStatus
from claims.representations import claim_queryset
from claims.selectors.exports import with_export_relations
from claims.tasks.exports import run_export_job

logger = logging.getLogger(__name__)


def export_is_big(queryset: QuerySet[Claim]) -> bool:
    """More claims than FACTCHECK_EXPORT_INLINE_LIMIT (counted no further than that)."""
    limit = settings.FACTCHECK_EXPORT_INLINE_LIMIT
    return queryset.order_by().values("pk")[: limit + 1].count() > limit


def export_job_start(*, queryset: QuerySet[Claim], fmt: str, lang: str, user) -> ExportJob:
    """Freeze the selection and queue its export to a worker."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    ids = list(queryset.order_by().values_list("pk", flat=True))
    job = ExportJob.objects.create(requested_by=user, fmt=fmt, lang=lang, claim_ids=ids)
    transaction.on_commit(lambda: run_export_job.delay(job.pk))
    return job


def export_job_run(job_id: int) -> ExportJob | None:
    """Write the job's file; a job already taken by another worker is left alone."""
    if not ExportJob.objects.filter(pk=job_id, status=ExportStatus.QUEUED).update(status=ExportStatus.RUNNING):
        return None
    job = ExportJob.objects.get(pk=job_id)
    spec = FORMATS[job.fmt]
    try:
        claims = with_export_relations(claim_queryset().filter(pk__in=job.claim_ids))
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "export")
            mode = {"mode": "wb"} if spec.binary else {"mode": "w", "encoding": "utf-8", "newline": ""}
            with open(path, **mode) as stream:
                records = write_export(job.fmt, claims, stream, lang=job.lang)
            with open(path, "rb") as written:
                job.file.save(export_filename(job.fmt), File(written), save=False)
        job.records, job.status, job.finished_at = records, ExportStatus.READY, timezone.now()
        job.save(update_fields=["file", "records", "status", "finished_at"])
    except Exception as error:
        logger.exception("export job %s failed", job_id)
        job.status, job.error, job.finished_at = ExportStatus.FAILED, str(error)[:2000], timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
    return job
