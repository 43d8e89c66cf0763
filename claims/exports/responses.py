"""Exports as HTTP downloads, for the admin's bulk actions."""

from __future__ import annotations

import io

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone

from claims.api.serializers import claim_queryset
from claims.exports.formats import FORMATS, write_export
from claims.exports.selectors import with_export_relations
from claims.models import Claim


def export_filename(fmt: str) -> str:
    spec = FORMATS[fmt]
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    stem = "claimreview" if fmt == "claimreview" else "verdicts"
    return f"{stem}-{stamp}.{spec.extension}"


def export_response(
    queryset: QuerySet[Claim],
    fmt: str,
    *,
    lang: str = "ar",
    include_decided: bool = False,
    site_url: str | None = None,
) -> HttpResponse:
    """The claims of `queryset` exported as `fmt` (json, csv, xlsx, claimreview), as a file download;
    `site_url` is the start of the ClaimReview URLs (pass the request's host)."""
    spec = FORMATS[fmt]
    claims = with_export_relations(claim_queryset().filter(pk__in=queryset.values("pk")))
    buffer = io.BytesIO() if spec.binary else io.StringIO()
    write_export(fmt, claims, buffer, lang=lang, include_decided=include_decided, site_url=site_url)
    response = HttpResponse(buffer.getvalue(), content_type=spec.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export_filename(fmt)}"'
    return response
