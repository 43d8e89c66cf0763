"""Statistics tables (CSV or XLSX) as reference records: one row, one statement.

Indicator tables — a country or company, an indicator, a period, a value — are where most figures in
economic news come from. A *mapping* says which column holds what:

    {"subject": "البلد", "metric": "المؤشر", "period": "السنة", "value": "القيمة", "unit": "الوحدة"}

`subject`, `metric`, `period` and `value` are required; `unit` may instead be given for the whole
table (`{"unit": "USD"}` with no such column: a value that is not a column name is a constant), and
`scale` multiplies every value ("values in millions": `{"scale": "1000000"}`). Optional columns:
`statement` (the row's own sentence), `qualifier`. The period becomes the statement's as-of date:
`2023`, `2023-06`, `2023/6`, `Q2 2023`, `2023Q2` and `الربع الثاني 2023` are read (a quarter as its last
month). Keys are `<name>-<hash of subject, metric, period>`, so re-importing a corrected table
updates its rows instead of duplicating them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import load_workbook

REQUIRED = ("subject", "metric", "period", "value")
OPTIONAL = ("unit", "statement", "qualifier", "scale")
PREVIEW_ROWS = 5

_YEAR_MONTH = re.compile(r"^\s*((?:19|20)\d\d)(?:\s*[-/.]\s*(\d{1,2}))?\s*$")
_QUARTER = re.compile(r"(?:q([1-4])\D*((?:19|20)\d\d)|((?:19|20)\d\d)\D*q([1-4]))", re.IGNORECASE)
# Arabic ordinals of the quarter ("الربع الثاني 2023"), folded forms without hamza.
_ARABIC_QUARTERS = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4}
_ARABIC_QUARTER = re.compile(r"الربع\s+(\S+)\s+(?:من\s+)?(?:عام\s+)?((?:19|20)\d\d)")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_GROUPING = re.compile(r"(?<=\d)[,\s'](?=\d{3}\b)")


class TableError(ValueError):
    """The file or the mapping cannot be used at all (the message says why)."""


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, dict]]  # (spreadsheet line number, {header: cell text})


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def table_read(path: str | Path, content: bytes | None = None) -> Table:
    """The header and rows of a .csv or .xlsx file (first sheet). Line numbers count the header as 1."""
    path = Path(path)
    suffix = path.suffix.lower()
    if content is None:
        try:
            content = path.read_bytes()
        except OSError as error:
            raise TableError(f"cannot read {path}: {error}") from error
    if suffix == ".csv":
        return _csv_table(content)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_table(content)
    raise TableError(f"unknown table format {suffix or '(none)'!r}: use .csv or .xlsx")


def _csv_table(content: bytes) -> Table:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError("the CSV file is not UTF-8 text") from error
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect=dialect)
    try:
        headers = [name.strip() for name in next(reader)]
    except StopIteration as error:
        raise TableError("the CSV file is empty") from error
    except csv.Error as error:
        raise TableError(f"bad CSV header: {error}") from error
    rows = []
    try:
        for line, cells in enumerate(reader, 2):
            if any(cell.strip() for cell in cells):
                rows.append((line, {name: _cell(cell) for name, cell in zip(headers, cells, strict=False)}))
    except csv.Error as error:
        raise TableError(f"bad CSV at line {reader.line_num}: {error}") from error
    return Table(headers=headers, rows=rows)


def _xlsx_table(content: bytes) -> Table:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001  (openpyxl raises many kinds for a file that is not XLSX)
        raise TableError(f"not a readable XLSX file: {type(error).__name__}") from error
    try:
        sheet = workbook.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        try:
            headers = [_cell(value) for value in next(lines)]
        except StopIteration as error:
            raise TableError("the first sheet is empty") from error
        rows = []
        for line, values in enumerate(lines, 2):
            cells = {name: _cell(value) for name, value in zip(headers, values, strict=False) if name}
            if any(cells.values()):
                rows.append((line, cells))
    finally:
        workbook.close()
    return Table(headers=headers, rows=rows)


def mapping_check(mapping: dict, headers: list[str]) -> dict:
    """The mapping, checked against the table's header; raises TableError naming what is wrong."""
    if not isinstance(mapping, dict):
        raise TableError("the mapping must be an object such as {\"subject\": \"country\", ...}")
    unknown = sorted(set(mapping) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise TableError(f"unknown mapping field(s): {', '.join(unknown)}")
    missing = [name for name in REQUIRED if not mapping.get(name)]
    if missing:
        raise TableError(f"the mapping must name the column for: {', '.join(missing)}")
    columns = (*REQUIRED, "statement")
    absent = [f"{name}={mapping[name]!r}" for name in columns if mapping.get(name) and mapping[name] not in headers]
    if absent:
        raise TableError(f"no such column: {', '.join(absent)} (the header has: {', '.join(headers)})")
    if mapping.get("scale"):
        try:
            _decimal(str(mapping["scale"]), "scale")
        except ValueError as error:  # a bad scale refuses the whole table, not one row
            raise TableError(str(error)) from error
    return mapping


def period_as_of(period: str) -> str:
    """A table's period as an ISO as-of date: a year, a year and month, or a quarter's last month."""
    text = period.translate(_DIGITS).strip()
    match = _YEAR_MONTH.match(text)
    if match:
        year, month = match.groups()
        if month is None:
            return year
        if 1 <= int(month) <= 12:
            return f"{year}-{int(month):02d}"
    match = _QUARTER.search(text)
    if match:
        quarter = int(match.group(1) or match.group(4))
        year = match.group(2) or match.group(3)
        return f"{year}-{quarter * 3:02d}"
    folded = re.sub("[أإآ]", "ا", text)
    match = _ARABIC_QUARTER.search(folded)
    if match and match.group(1) in _ARABIC_QUARTERS:
        return f"{match.group(2)}-{_ARABIC_QUARTERS[match.group(1)] * 3:02d}"
    raise ValueError(f"unreadable period {period!r} (use 2023, 2023-06, Q2 2023 or الربع الثاني 2023)")


def _decimal(text: str, name: str) -> Decimal:
    cleaned = _GROUPING.sub("", text.translate(_DIGITS).strip()).replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(f"bad {name} {text!r}: not a number") from error
    if not value.is_finite() or abs(value.adjusted()) > 30:
        raise ValueError(f"bad {name} {text!r}: out of range")
    return value


def _constant_or_column(mapping: dict, name: str, row: dict) -> str:
    spec = mapping.get(name) or ""
    return row.get(spec, "") if spec in row else str(spec)


def row_record(*, name: str, mapping: dict, row: dict, source: dict) -> dict:
    """One table row as a §2 record. Raises ValueError with the reason a row cannot be used."""
    subject, metric, period = (row.get(mapping[field], "").strip() for field in ("subject", "metric", "period"))
    raw_value = row.get(mapping["value"], "").strip()
    for field, text in (("subject", subject), ("metric", metric), ("period", period), ("value", raw_value)):
        if not text:
            raise ValueError(f"empty {field} (column {mapping[field]!r})")
    value = _decimal(raw_value, "value")
    if mapping.get("scale"):
        value *= _decimal(str(mapping["scale"]), "scale")
    value = value.normalize()
    as_of = period_as_of(period)
    unit = _constant_or_column(mapping, "unit", row).strip()
    qualifier = _constant_or_column(mapping, "qualifier", row).strip()
    written = f"{format(value, 'f')} {unit}".strip()
    statement = (row.get(mapping["statement"], "") if mapping.get("statement") else "").strip()
    if not statement:
        statement = f"{metric} — {subject} — {period}: {written}"
    digest = hashlib.sha256(f"{subject}\n{metric}\n{as_of}".encode()).hexdigest()[:16]
    record = {
        "key": f"{name}-{digest}",
        "statement": statement,
        "subject": subject,
        "metric": metric,
        "value": format(value, "f"),
        "as_of": as_of,
        "origin": "table",
        **source,
    }
    if unit:
        record["unit"] = unit
    if qualifier:
        record["qualifier"] = qualifier
    return record


def table_records(*, table: Table, name: str, mapping: dict, source: dict) -> Iterator[tuple[str, dict | ValueError]]:
    """Each row as (where, record), or (where, the reason it cannot be used)."""
    mapping_check(mapping, table.headers)
    for line, row in table.rows:
        try:
            yield f"line {line}", row_record(name=name, mapping=mapping, row=row, source=source)
        except ValueError as error:
            yield f"line {line}", error
