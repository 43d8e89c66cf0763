"""The export formats. Each writer takes claims (from `selectors`) and a stream, and returns how many
records it wrote. Text formats write str to a text stream; XLSX writes bytes to a binary stream.
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

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from claims.api.serializers import ClaimSerializer, rating_labels
from claims.exports.claimreview import claim_review
from claims.exports.selectors import rated_claims
from claims.exports.table import CLAIM_COLUMNS, FIGURE_COLUMNS, Column, claim_row, figure_rows
from claims.extraction.types import decimal_to_str
from claims.models import Claim, MachineVerdict, Rating

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


def export_json(claims: Iterable[Claim], stream: TextIO) -> int:
    """The interfaces.md §4 list of claim objects, exactly as the API serves them."""
    records = ClaimSerializer(claims, many=True).data
    json.dump(records, stream, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
    stream.write("\n")
    return len(records)


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


def export_csv(claims: Iterable[Claim], stream: TextIO) -> int:
    """One row per claim, UTF-8 with a byte-order mark so Excel reads the Arabic right."""
    stream.write(UTF8_BOM)
    writer = csv.writer(stream)
    writer.writerow([column.key for column in CLAIM_COLUMNS])
    count = 0
    for claim in claims:
        row = claim_row(claim)
        writer.writerow([csv_cell(row[column.key]) for column in CLAIM_COLUMNS])
        count += 1
    return count


def xlsx_cell(value):
    if isinstance(value, datetime):
        # Excel has no time zones: show the newsroom's local time.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return value


def append_row(sheet: Worksheet, values: list) -> None:
    sheet.append([xlsx_cell(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            # openpyxl stores a string starting with "=" as a formula; article text never is one.
            cell.data_type = "s"


def table_sheet(sheet: Worksheet, columns: tuple[Column, ...], lang: str) -> None:
    sheet.sheet_view.rightToLeft = True
    sheet.append([column.label(lang) for column in columns])
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"


def summary_sheet(sheet: Worksheet, ratings: Counter, machine: Counter, lang: str) -> None:
    text = SUMMARY_TEXT[lang]
    sheet.sheet_view.rightToLeft = True
    label_index = 1 if lang == "en" else 0
    sheet.append([text["editor"], "", text["count"]])
    for rating in Rating.values:
        sheet.append([rating, rating_labels(rating)[label_index], ratings[rating]])
    sheet.append(["", text["none"], ratings[""]])
    sheet.append([text["total"], "", sum(ratings.values())])
    sheet.append([])
    sheet.append([text["machine"], "", text["count"]])
    for verdict in MachineVerdict.values:
        sheet.append([verdict, "", machine[verdict]])
    sheet.append(["", text["none"], machine[""]])
    for row in sheet.iter_rows():
        if row[0].value in (text["editor"], text["machine"], text["total"]):
            for cell in row:
                cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 10


def export_xlsx(claims: Iterable[Claim], stream: BinaryIO, *, lang: str = "ar") -> int:
    """A workbook: claims (one row each), figures (one row per quantity with its check), a summary."""
    titles = SHEET_TITLES[lang]
    workbook = Workbook()
    claims_sheet = workbook.active
    claims_sheet.title = titles["claims"]
    figures_sheet = workbook.create_sheet(titles["figures"])
    table_sheet(claims_sheet, CLAIM_COLUMNS, lang)
    table_sheet(figures_sheet, FIGURE_COLUMNS, lang)
    ratings: Counter = Counter()
    machine: Counter = Counter()
    count = 0
    for claim in claims:
        row = claim_row(claim)
        append_row(claims_sheet, [row[column.key] for column in CLAIM_COLUMNS])
        for figure in figure_rows(claim):
            append_row(figures_sheet, [figure[column.key] for column in FIGURE_COLUMNS])
        ratings[row["rating"]] += 1
        machine[claim.suggested_verdict] += 1
        count += 1
    claims_sheet.auto_filter.ref = claims_sheet.dimensions
    summary_sheet(workbook.create_sheet(titles["summary"]), ratings, machine, lang)
    workbook.save(stream)
    return count


def export_claimreview(
    claims: Iterable[Claim], stream: TextIO, *, lang: str = "ar", site_url: str | None = None
) -> int:
    """A JSON list of schema.org ClaimReview objects, one per claim an editor has rated; their URLs
    start with `site_url` (the request's host when exported from a page), else the SITE_URL setting."""
    reviews = [claim_review(claim, lang=lang, site_url=site_url) for claim in claims]
    reviews = [review for review in reviews if review is not None]
    json.dump(reviews, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(reviews)


@dataclass(frozen=True)
class ExportFormat:
    name: str
    write: Callable[..., int]
    extension: str
    content_type: str
    binary: bool = False
    # Whether `write` takes lang= (labels, sheet titles, ClaimReview alternateName).
    localized: bool = False
    # ClaimReview describes rated claims only: the caller narrows the claims first.
    rated_only: bool = False


FORMATS = {
    "json": ExportFormat("json", export_json, "json", "application/json; charset=utf-8"),
    "csv": ExportFormat("csv", export_csv, "csv", "text/csv; charset=utf-8"),
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
    if fmt == "claimreview":
        return spec.write(claims, stream, lang=lang, site_url=site_url)
    if spec.localized:
        return spec.write(claims, stream, lang=lang)
    return spec.write(claims, stream)
