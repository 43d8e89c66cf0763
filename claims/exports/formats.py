"""The export formats. Each writer takes claims (from `selectors`) and a stream, and returns how many
records it wrote. Text formats write str to a text stream; XLSX writes bytes to a binary stream.

Writers stream: `write_export` hands them the claims through `iterator(chunk_size=…)` (the
prefetches run per chunk) and each record is written as soon as it is built, so an export of a
hundred thousand claims holds one chunk in memory, never the whole list.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import BinaryIO, TextIO

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from claims.exports.claimreview import claim_review
from claims.exports.table import (
    CLAIM_COLUMNS,
    FIGURE_COLUMNS,
    Column,
    claim_row,
    claim_table,
    code_label,
    figure_rows,
)
from claims.extraction.types import decimal_to_str
from claims.models import Claim, MachineVerdict, Rating
from claims.representations import ClaimSerializer, rating_labels
from claims.selectors.exports import rated_claims

UTF8_BOM = "\ufeff"
# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

SHEET_TITLES = {
    "ar": {"claims": "الادعاءات", "figures": "الأرقام", "summary": "ملخص"},
    "en": {"claims": "Claims", "figures": "Figures", "summary": "Summary"},
}
SUMMARY_TEXT = {
    "ar": {"editor": "حكم المحرر", "machine": "اقتراح الآلة", "count": "العدد", "none": "بلا حكم", "total": "المجموع"},
    "en": {
        "editor": "Editor rating",
        "machine": "Machine verdict",
        "count": "Claims",
        "none": "No verdict",
        "total": "Total",
    },
}
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")


def write_json_list(records: Iterable[dict], stream: TextIO) -> int:
    """A JSON list written one record at a time (the same document `json.dump(list, indent=2)` gives)."""
    count = 0
    for record in records:
        stream.write("[\n" if count == 0 else ",\n")
        text = json.dumps(record, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
        stream.write("  " + text.replace("\n", "\n  "))
        count += 1
    stream.write("\n]\n" if count else "[]\n")
    return count


def export_json(claims: Iterable[Claim], stream: TextIO) -> int:
    """The interfaces.md §4 list of claim objects, exactly as the API serves them."""
    serializer = ClaimSerializer()
    return write_json_list((serializer.to_representation(claim) for claim in claims), stream)


def safe_text(text: str) -> str:
    """Text a spreadsheet shows as text: a leading apostrophe defuses formula triggers."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def csv_cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return decimal_to_str(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    return safe_text(str(value))


def export_csv(claims: QuerySet[Claim], stream: TextIO, *, lang: str = "ar") -> int:
    """One row per claim, UTF-8 with a byte-order mark so Excel reads the Arabic right. The header holds
    the stable column keys; the *_label columns name the codes beside them in `lang`. The claims are
    read as plain rows (`claim_table`), a chunk at a time."""
    stream.write(UTF8_BOM)
    writer = csv.writer(stream)
    keys = [column.key for column in CLAIM_COLUMNS]
    writer.writerow(keys)
    count = 0
    for row in claim_table(claims, lang=lang, chunk_size=settings.FACTCHECK_EXPORT_CHUNK):
        writer.writerow([csv_cell(row[key]) for key in keys])
        count += 1
    return count


def xlsx_cell(value):
    if isinstance(value, datetime):
        # Excel has no time zones: show the newsroom's local time.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return value


def _cell(sheet: Worksheet, value, *, font: Font | None = None, fill: PatternFill | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, xlsx_cell(value))
    if isinstance(value, str):
        # openpyxl stores a string starting with "=" as a formula; article text never is one.
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def append_row(sheet: Worksheet, values: list, *, font: Font | None = None) -> None:
    sheet.append([_cell(sheet, value, font=font) for value in values])


def table_sheet(sheet: Worksheet, columns: tuple[Column, ...], lang: str) -> None:
    """Layout and header row of a table sheet (a write-only sheet: set before any row)."""
    sheet.sheet_view.rightToLeft = True
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = _cell(sheet, column.label(lang), font=HEADER_FONT, fill=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        header.append(cell)
    sheet.append(header)


def summary_sheet(sheet: Worksheet, ratings: Counter, machine: Counter, lang: str) -> None:
    text = SUMMARY_TEXT[lang]
    bold = Font(bold=True)
    sheet.sheet_view.rightToLeft = True
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 10
    label_index = 1 if lang == "en" else 0
    append_row(sheet, [text["editor"], "", text["count"]], font=bold)
    for rating in Rating.values:
        append_row(sheet, [rating, rating_labels(rating)[label_index], ratings[rating]])
    append_row(sheet, ["", text["none"], ratings[""]])
    append_row(sheet, [text["total"], "", sum(ratings.values())], font=bold)
    sheet.append([])
    append_row(sheet, [text["machine"], "", text["count"]], font=bold)
    for verdict in MachineVerdict.values:
        append_row(sheet, [verdict, code_label("verdict", verdict, lang), machine[verdict]])
    append_row(sheet, ["", text["none"], machine[""]])


def export_xlsx(claims: Iterable[Claim], stream: BinaryIO, *, lang: str = "ar") -> int:
    """A workbook: claims (one row each), figures (one row per quantity with its check), a summary.

    Write-only (openpyxl streams each sheet's rows to a temporary file), so memory stays flat.
    """
    titles = SHEET_TITLES[lang]
    workbook = Workbook(write_only=True)
    claims_sheet = workbook.create_sheet(titles["claims"])
    figures_sheet = workbook.create_sheet(titles["figures"])
    table_sheet(claims_sheet, CLAIM_COLUMNS, lang)
    table_sheet(figures_sheet, FIGURE_COLUMNS, lang)
    ratings: Counter = Counter()
    machine: Counter = Counter()
    count = 0
    for claim in claims:
        row = claim_row(claim, lang)
        append_row(claims_sheet, [row[column.key] for column in CLAIM_COLUMNS])
        for figure in figure_rows(claim, lang):
            append_row(figures_sheet, [figure[column.key] for column in FIGURE_COLUMNS])
        ratings[row["rating"]] += 1
        machine[claim.suggested_verdict] += 1
        count += 1
    claims_sheet.auto_filter.ref = f"A1:{get_column_letter(len(CLAIM_COLUMNS))}{count + 1}"
    summary_sheet(workbook.create_sheet(titles["summary"]), ratings, machine, lang)
    workbook.save(stream)
    return count


def export_claimreview(
    claims: Iterable[Claim], stream: TextIO, *, lang: str = "ar", site_url: str | None = None
) -> int:
    """A JSON list of schema.org ClaimReview objects, one per claim an editor has rated; their URLs
    start with `site_url` (the request's host when exported from a page), else the SITE_URL setting."""
    reviews = (claim_review(claim, lang=lang, site_url=site_url) for claim in claims)
    return write_json_list((review for review in reviews if review is not None), stream)


@dataclass(frozen=True)
class ExportFormat:
    name: str
    write: Callable[..., int]
    extension: str
    content_type: str
    binary: bool = False
    # Whether `write` takes lang= (labels of codes, sheet titles, ClaimReview alternateName).
    localized: bool = False
    # ClaimReview describes rated claims only: the caller narrows the claims first.
    rated_only: bool = False
    # `write` takes the QuerySet itself and reads it in chunks (others get model instances).
    reads_queryset: bool = False


FORMATS = {
    "json": ExportFormat("json", export_json, "json", "application/json; charset=utf-8"),
    "csv": ExportFormat("csv", export_csv, "csv", "text/csv; charset=utf-8", localized=True, reads_queryset=True),
    "xlsx": ExportFormat(
        "xlsx",
        export_xlsx,
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        binary=True,
        localized=True,
    ),
    "claimreview": ExportFormat(
        "claimreview",
        export_claimreview,
        "jsonld",
        "application/ld+json; charset=utf-8",
        localized=True,
        rated_only=True,
    ),
}


def write_export(
    fmt: str,
    claims: QuerySet[Claim],
    stream,
    *,
    lang: str = "ar",
    include_decided: bool = False,
    site_url: str | None = None,
) -> int:
    """Write `claims` in format `fmt` to `stream` (binary for XLSX, text otherwise); return the record count."""
    spec = FORMATS[fmt]
    if spec.rated_only:
        claims = rated_claims(claims, include_decided=include_decided)
    if isinstance(claims, QuerySet) and not spec.reads_queryset:
        claims = claims.iterator(chunk_size=settings.FACTCHECK_EXPORT_CHUNK)
    if fmt == "claimreview":
        return spec.write(claims, stream, lang=lang, site_url=site_url)
    if spec.localized:
        return spec.write(claims, stream, lang=lang)
    return spec.write(claims, stream)
