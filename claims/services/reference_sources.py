"""Reference sources beyond typed records: published fact-checks (ClaimReview), statistics tables and
PDF reports. Each is read by a Django-free reader in `claims.lib` into §2 records, which go through
the one import path (`reference_import`), so a row is accepted or refused for the same reasons as
everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from claims.lib.claimreview import claimreview_records
from claims.lib.errors import TRANSIENT_ERRORS
from claims.lib.http import FetchError, fetch
from claims.lib.records import ReferenceRecordError
from claims.lib.tables import PREVIEW_ROWS, Table, TableError, mapping_check, table_read, table_records
from claims.models import (
    ReferenceDocument,
    ReferenceSource,
    ReferenceTableImport,
    TableImportStatus,
)
from claims.services.references import (
    ReferenceImportReport,
    ReferenceRowResult,
    reference_document_split,
    reference_import,
    reference_import_bulk,
)
from claims.services.rows import row_claim
from claims.tasks.matching import import_reference_table

# Rows imported per transaction: progress is visible between chunks, and a failure keeps the rest.
TABLE_CHUNK_ROWS = 500
MAX_FILE_BYTES = 50 * 1024 * 1024


class ReferenceSourceError(ValueError):
    """A source that cannot be imported at all (the message says why)."""


# --- ClaimReview ---------------------------------------------------------------------------------------


def claimreview_import(*, location: str) -> ReferenceImportReport:
    """Import the ClaimReview objects of a JSON-LD file or http(s) URL (re-import updates by URL)."""
    return claimreview_import_content(content=_read_location(location))


def claimreview_import_content(*, content: bytes) -> ReferenceImportReport:
    """Import the ClaimReview objects of a JSON-LD document (an uploaded file's bytes)."""
    reviews = claimreview_records(content)
    return reference_import(
        records=[(review.where, review.record or ReferenceRecordError(review.error)) for review in reviews]
    )


def _read_location(location: str) -> bytes:
    if "://" in location and not location.startswith(("http://", "https://")):
        raise ReferenceSourceError(_("only http and https addresses can be fetched"))
    if location.startswith(("http://", "https://")):
        try:
            response = fetch(location, max_bytes=MAX_FILE_BYTES)
        except FetchError as error:
            raise ReferenceSourceError(str(error)) from error
        if response.status != 200:
            raise ReferenceSourceError(_("the address answered HTTP %(status)s") % {"status": response.status})
        return response.content
    path = Path(location)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ReferenceSourceError(_("the file is larger than %(n)s bytes") % {"n": MAX_FILE_BYTES})
        return path.read_bytes()
    except OSError as error:
        raise ReferenceSourceError(_("cannot read %(path)s: %(error)s") % {"path": path, "error": error}) from error


# --- Statistics tables ---------------------------------------------------------------------------------


def table_preview(*, upload_name: str, content: bytes, mapping: dict | None = None) -> dict:
    """The header, the first rows and (with a mapping) the statements they would become."""
    table = table_read(upload_name, content)
    preview = {
        "headers": table.headers,
        "rows": [row for _, row in table.rows[:PREVIEW_ROWS]],
        "total": len(table.rows),
    }
    if mapping:
        head = Table(headers=table.headers, rows=table.rows[:PREVIEW_ROWS])
        preview["records"] = [
            (where, record if isinstance(record, dict) else str(record))
            for where, record in table_records(table=head, name="preview", mapping=mapping, source={})
        ]
    return preview


def table_import_check(*, upload_name: str, content: bytes, mapping: dict) -> int:
    """Check a table and its mapping before anything is stored; the number of rows. Raises TableError."""
    if len(content) > MAX_FILE_BYTES:
        raise TableError(_("the file is larger than %(n)s bytes") % {"n": MAX_FILE_BYTES})
    table = table_read(upload_name, content)
    mapping_check(mapping, table.headers)
    return len(table.rows)


def table_import_create(
    *, path: Path, name: str, mapping: dict, source_title: str = "", source_url: str = "", publisher: str = ""
) -> ReferenceTableImport:
    """Check a table file and its mapping and store them for import (raises TableError with the reason)."""
    slug = slugify(name)[:100]
    if not slug:
        raise TableError(_("the table needs a name of Latin letters, digits or -"))
    try:
        content = path.read_bytes()
    except OSError as error:
        raise TableError(_("cannot read %(path)s: %(error)s") % {"path": path, "error": error}) from error
    rows = table_import_check(upload_name=path.name, content=content, mapping=mapping)
    table_import = ReferenceTableImport(
        name=slug, mapping=mapping, source_title=source_title, source_url=source_url, publisher=publisher,
        rows_total=rows,
    )
    table_import.upload.save(path.name, ContentFile(content), save=False)
    table_import.save()
    return table_import


def table_import_queue(*, table_import: ReferenceTableImport) -> None:
    """Queue (again) the import of a stored table; its Celery task records the progress."""
    ReferenceTableImport.objects.filter(id=table_import.id).exclude(status=TableImportStatus.RUNNING).update(
        status=TableImportStatus.QUEUED, rows_done=0, created_count=0, updated_count=0, skipped_count=0
    )
    import_reference_table.delay_on_commit(table_import.id)


def table_import_run(
    *, table_import_id: int, progress: Callable[[int, int], None] | None = None
) -> ReferenceImportReport:
    """Import a stored table in chunks, recording progress and counts on its row. Running it again
    updates the same statements (keys come from subject, metric and period)."""
    # Only a queued import: a second delivery of the task finds it running or done.
    if not row_claim(ReferenceTableImport, pk=table_import_id, when=Q(status=TableImportStatus.QUEUED),
                     status=TableImportStatus.RUNNING, rows_done=0, report=""):
        return ReferenceImportReport(rows=[])
    table_import = ReferenceTableImport.objects.get(id=table_import_id)
    rows = []
    try:
        with table_import.upload.open("rb") as handle:
            table = table_read(table_import.upload.name, handle.read())
        source = {
            "source_title": table_import.source_title or table_import.name,
            "source_url": table_import.source_url,
            "publisher": table_import.publisher,
        }
        records = list(table_records(table=table, name=table_import.name, mapping=table_import.mapping, source=source))
        ReferenceTableImport.objects.filter(id=table_import_id).update(rows_total=len(records))
        for start in range(0, len(records), TABLE_CHUNK_ROWS):
            chunk = records[start : start + TABLE_CHUNK_ROWS]
            with transaction.atomic():
                report = reference_import_bulk(records=chunk)
            rows.extend(report.rows)
            ReferenceTableImport.objects.filter(id=table_import_id).update(
                rows_done=F("rows_done") + len(chunk),
                created_count=F("created_count") + report.count("created"),
                updated_count=F("updated_count") + report.count("updated"),
                skipped_count=F("skipped_count") + report.count("skipped"),
            )
            if progress:
                progress(start + len(chunk), len(records))
    except TRANSIENT_ERRORS:
        ReferenceTableImport.objects.filter(id=table_import_id).update(status=TableImportStatus.QUEUED)
        raise
    except (TableError, OSError) as error:
        ReferenceTableImport.objects.filter(id=table_import_id).update(
            status=TableImportStatus.FAILED, report=str(error), finished_at=timezone.now()
        )
        raise
    final = ReferenceImportReport(rows=rows)
    skipped = "\n".join(f"{row.where}: {row.reason}" for row in final.skipped[:200])
    ReferenceTableImport.objects.filter(id=table_import_id).update(
        status=TableImportStatus.DONE, report=f"{final.summary()}\n{skipped}".strip(), finished_at=timezone.now()
    )
    return final


# --- PDF reports -----------------------------------------------------------------------------------------


def pdf_import(*, path: Path, title: str = "", url: str = "", publisher: str = "") -> ReferenceImportReport:
    """Import a PDF report: one statement per sentence holding a figure, each with its page number."""
    try:
        content = path.read_bytes()
    except OSError as error:
        raise ReferenceSourceError(_("cannot read %(path)s: %(error)s") % {"path": path, "error": error}) from error
    source, _created = ReferenceSource.objects.get_or_create(
        title=(title or path.stem)[:500], url=url, defaults={"publisher": publisher}
    )
    document = ReferenceDocument(source=source, url=url)
    document.upload.save(path.name, ContentFile(content), save=False)
    document.save()
    reference_document_split(document_id=document.id)
    document.refresh_from_db()
    if document.status != "ready":
        raise ReferenceSourceError(document.error or _("the PDF could not be split into statements"))
    statements = document.statements.order_by("page", "key")
    return ReferenceImportReport(
        rows=[ReferenceRowResult(where=f"page {s.page}", key=s.key, action="created") for s in statements]
    )
