"""Exports as HTTP downloads, for the admin's bulk actions.

The writer streams the claims into a temporary file (in memory while small, on disk beyond
SPOOL_BYTES) and the response sends that file in blocks: memory stays flat however many claims
are selected. Selections above FACTCHECK_EXPORT_INLINE_LIMIT go to a worker instead (jobs.py).
"""

from __future__ import annotations

import io
import tempfile

from django.db.models import QuerySet
from django.http import FileResponse
from django.utils import timezone

from claims.exports.formats import FORMATS, write_export
from claims.models import Claim
from claims.representations import claim_queryset
from claims.selectors.exports import with_export_relations

SPOOL_BYTES = 8 * 1024 * 1024


def export_filename(fmt: str) -> str:
    spec = FORMATS[fmt]
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    stem = "claimreview" if fmt == "claimreview" else "verdicts"
    return f"{stem}-{stamp}.{spec.extension}"


def export_claims(queryset: QuerySet[Claim]) -> QuerySet[Claim]:
    """The claims of a selection, with everything every format shows."""
    return with_export_relations(claim_queryset().filter(pk__in=queryset.values("pk")))


def export_response(
    queryset: QuerySet[Claim],
    fmt: str,
    *,
    lang: str = "ar",
    include_decided: bool = False,
    site_url: str | None = None,
) -> FileResponse:
    """The claims of `queryset` exported as `fmt` (json, csv, xlsx, claimreview), as a file download;
    `site_url` is the start of the ClaimReview URLs (pass the request's host)."""
    spec = FORMATS[fmt]
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - the response closes it
    stream = spool if spec.binary else io.TextIOWrapper(spool, encoding="utf-8", newline="", write_through=True)
    write_export(fmt, export_claims(queryset), stream, lang=lang, include_decided=include_decided, site_url=site_url)
    if not spec.binary:
        stream.detach()  # leave the bytes to the response
    spool.seek(0)
    response = FileResponse(spool, content_type=spec.content_type, as_attachment=True)
    response["Content-Disposition"] = f'attachment; filename="{export_filename(fmt)}"'
    return response
