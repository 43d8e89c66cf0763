"""The reference record of interfaces.md §2, defined once: its fields, the files that hold it, and
`parse()`, which checks one record and returns a `ReferenceRecord` (or raises ReferenceRecordError
with a reason an editor can act on).

Every door reads records through here: the `import_references` command, the admin's import and
export, the API, the document splitter and the claim memory (through services/references.py). The
matching engine reads the same §2 dict by these names (claims.matching.statement_from_record) into
its own statement with figures; it imports nothing of the app, so it does not import this module.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.utils.translation import gettext as _

from claims.extraction.types import QUALIFIERS
from claims.lib import validation
from claims.matching.references import figure_from_value


@dataclass(frozen=True)
class RecordField:
    """One §2 column: its name in files and the API, and the ReferenceStatement attribute it is
    stored in (`source__title`: the title of the statement's source)."""

    name: str
    attribute: str


# The §2 columns, in the order an export writes them.
FIELDS = (
    RecordField("key", "key"),
    RecordField("statement", "text"),
    RecordField("statement_en", "text_en"),
    RecordField("language", "language"),
    RecordField("subject", "subject"),
    RecordField("metric", "metric"),
    RecordField("value", "value_text"),
    RecordField("unit", "unit"),
    RecordField("qualifier", "qualifier"),
    RecordField("as_of", "as_of"),
    RecordField("aliases", "aliases"),
    RecordField("source_title", "source__title"),
    RecordField("source_url", "source__url"),
    RecordField("publisher", "source__publisher"),
    RecordField("published", "source__published"),
    RecordField("origin", "origin"),
    RecordField("rating", "rating"),
    RecordField("review_url", "review_url"),
    RecordField("page", "page"),
)
RECORD_FIELDS = tuple(field.name for field in FIELDS)
# Shown on a stored record beside the §2 columns (read off the value and unit, never imported alone).
KIND_FIELD = RecordField("kind", "kind")
# Columns written as null (not "") when empty, as the matcher and the API read them.
NULL_WHEN_EMPTY = frozenset({"value", "unit", "qualifier", "kind", "as_of", "published"})
DEFAULT_ORIGIN = "library"
LIST_SEPARATOR = "|"

_NUMBER_IN_VALUE = re.compile(r"\d[\d.]*(?:[eE][-+]?\d+)?")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CLAIM_DATE = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}(?:-\d{2})?)$")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_MAX_LENGTHS = {
    "subject": 300,
    "metric": 300,
    "unit": 16,
    "language": 8,
    "source_title": 500,
    "publisher": 300,
    "rating": 100,
}
MAX_KEY_CHARS = 200


class ReferenceRecordError(ValueError):
    """A record that cannot be imported; the message says why (shown to the editor)."""


class ReferenceFileError(ValueError):
    """A file that cannot be read at all (missing, unknown format, not JSON, no header)."""


@dataclass(frozen=True)
class ReferenceRecord:
    """A checked §2 record, by the names of the ReferenceStatement fields it fills."""

    key: str
    text: str
    text_en: str = ""
    language: str = ""
    subject: str = ""
    metric: str = ""
    aliases: tuple[str, ...] = ()
    kind: str = ""
    value_text: str = ""
    unit: str = ""
    qualifier: str = ""
    as_of: str = ""
    origin: str = DEFAULT_ORIGIN
    rating: str = ""
    review_url: str = ""
    page: int | None = None
    source_title: str = ""
    source_url: str = ""
    publisher: str = ""
    published: str = ""

    def statement_fields(self) -> dict:
        """The values of the statement's own fields."""
        values = asdict(self)
        for name in ("source_title", "source_url", "publisher", "published"):
            del values[name]
        values["aliases"] = list(self.aliases)
        return values

    def source_fields(self) -> dict:
        """What names the statement's source (ReferenceSource: title, url, publisher, published)."""
        return {"title": self.source_title, "url": self.source_url, "publisher": self.publisher,
                "published": self.published}


def as_dict(value_of: Callable[[str], object]) -> dict:
    """A stored statement as a §2 record (plus its `kind`): `value_of(attribute)` reads each field's
    attribute (see FIELDS); empty values are null where NULL_WHEN_EMPTY says so."""
    record = {}
    for field in (*FIELDS[:9], KIND_FIELD, *FIELDS[9:]):
        value = value_of(field.attribute)
        if isinstance(value, datetime.date):
            value = value.isoformat()
        elif field.name == "aliases":
            value = list(value or [])
        if field.name in NULL_WHEN_EMPTY and value in ("", None):
            value = None
        elif value is None and field.name != "page":
            value = ""
        record[field.name] = value
    return record


# --- Reading files ------------------------------------------------------------------------------------


def read_file(path: str | Path) -> list[tuple[str, dict | ReferenceRecordError]]:
    """The records of a .jsonl, .json or .csv file, each with where it is in the file.

    A record that cannot even be parsed (bad JSON on a JSONL line, a JSON item that is not an
    object) comes back as a ReferenceRecordError in its place; a file that cannot be read at all
    raises ReferenceFileError.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".json", ".csv"):
        raise ReferenceFileError(f"unknown format {suffix or '(none)'!r}: use .jsonl, .json or .csv")
    try:
        content = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise ReferenceFileError(f"no such file: {path}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise ReferenceFileError(f"cannot read {path}: {error}") from error
    reader = {".jsonl": _jsonl_records, ".json": _json_records, ".csv": _csv_records}[suffix]
    return list(reader(content))


def _jsonl_records(content: str) -> Iterator[tuple[str, dict | ReferenceRecordError]]:
    records = []
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = validation.json_loads(line)
        except json.JSONDecodeError as error:
            reason = _("bad JSON: %(error)s") % {"error": validation.json_error_reason(error)}
            records.append((f"line {number}", ReferenceRecordError(reason)))
            continue
        except validation.InputError as error:
            records.append((f"line {number}", ReferenceRecordError(str(error))))
            continue
        if not isinstance(record, dict):
            records.append((f"line {number}", ReferenceRecordError(_("not a JSON object"))))
            continue
        records.append((f"line {number}", record))
    if records and all(isinstance(record, ReferenceRecordError) for _, record in records):
        raise ReferenceFileError("no line of the file is a JSON object: is it really JSON Lines?")
    return iter(records)


def _json_records(content: str) -> Iterator[tuple[str, dict | ReferenceRecordError]]:
    try:
        data = validation.json_loads(content)
    except json.JSONDecodeError as error:
        raise ReferenceFileError(f"bad JSON at line {error.lineno}: {error.msg}") from error
    except validation.InputError as error:
        raise ReferenceFileError(str(error)) from error
    if not isinstance(data, list):
        raise ReferenceFileError("a .json file must hold a list of records")
    for index, record in enumerate(data):
        where = f"item {index}"
        yield where, record if isinstance(record, dict) else ReferenceRecordError(_("not a JSON object"))


def _csv_records(content: str) -> Iterator[tuple[str, dict | ReferenceRecordError]]:
    try:
        dialect = csv.Sniffer().sniff(content.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(content), dialect=dialect)
    headers = [name.strip() for name in reader.fieldnames or []]
    if "key" not in headers or "statement" not in headers:
        raise ReferenceFileError("the CSV header must name at least the columns key and statement")
    reader.fieldnames = headers
    records = []
    try:
        for row in reader:
            # Spreadsheet numbering: the header is row 1.
            records.append((f"line {reader.line_num}", {k: v for k, v in row.items() if k is not None}))
    except csv.Error as error:
        raise ReferenceFileError(f"bad CSV at line {reader.line_num}: {error}") from error
    return iter(records)


# --- Checking one record -------------------------------------------------------------------------------


def parse(record: dict) -> ReferenceRecord:
    """Check one §2 record (a JSON object or a CSV row). Raises ReferenceRecordError saying why not."""
    if not isinstance(record, dict):
        raise ReferenceRecordError(_("not a JSON object"))
    key = _text(record, "key")
    if not key:
        raise ReferenceRecordError(_("missing key"))
    try:
        validate_slug(key)
    except ValidationError as error:
        raise ReferenceRecordError(
            _("bad key %(key)s: use Latin letters, digits, - and _ only") % {"key": repr(key)}
        ) from error
    if len(key) > MAX_KEY_CHARS:
        raise ReferenceRecordError(_("key is longer than 200 characters"))
    text = _text(record, "statement")
    if not text:
        raise ReferenceRecordError(_("missing statement"))
    value_text, kind = value_and_kind(record)
    qualifier = _text(record, "qualifier")
    if qualifier and qualifier not in QUALIFIERS:
        raise ReferenceRecordError(
            _("bad qualifier %(value)s: one of %(choices)s")
            % {"value": repr(qualifier), "choices": ", ".join(QUALIFIERS)}
        )
    source_url = _url(record, "source_url")
    return ReferenceRecord(
        key=key,
        text=text,
        text_en=_text(record, "statement_en"),
        language=_text(record, "language") or guess_language(text),
        subject=_text(record, "subject"),
        metric=_text(record, "metric"),
        aliases=tuple(_aliases(record)),
        kind=kind,
        value_text=value_text,
        unit=_text(record, "unit"),
        qualifier=qualifier if value_text else "",
        as_of=_date_text(record, "as_of"),
        origin=_text(record, "origin") or DEFAULT_ORIGIN,
        rating=_text(record, "rating"),
        review_url=_url(record, "review_url"),
        page=_page(record),
        source_title=_text(record, "source_title"),
        source_url=source_url,
        publisher=_text(record, "publisher"),
        published=_date_text(record, "published"),
    )


def first_day(iso: str) -> datetime.date:
    """A §2 date (YYYY, YYYY-MM or YYYY-MM-DD) as a date: a year or month alone is its first day."""
    year, month, day = (int(part) if part else 1 for part in _ISO_DATE.match(iso).groups())
    return datetime.date(year, month, day)


def _text(record: dict, name: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if isinstance(value, (dict, list, bool)):
        raise ReferenceRecordError(_("bad %(name)s: expected text") % {"name": name})
    value = str(value).strip()
    problem = validation.text_problem(value)
    if problem:
        raise ReferenceRecordError(_("bad %(name)s: %(problem)s") % {"name": name, "problem": problem})
    limit = _MAX_LENGTHS.get(name)
    if limit and len(value) > limit:
        raise ReferenceRecordError(_("%(name)s is longer than %(limit)s characters") % {"name": name, "limit": limit})
    return value


def _date_text(record: dict, name: str) -> str:
    raw = _text(record, name)
    if not raw:
        return ""
    match = _ISO_DATE.match(raw)
    if not match:
        raise ReferenceRecordError(
            _("bad date in %(name)s: %(raw)s (use YYYY, YYYY-MM or YYYY-MM-DD)") % {"name": name, "raw": repr(raw)}
        )
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError as error:
        raise ReferenceRecordError(
            _("bad date in %(name)s: %(raw)s (%(error)s)") % {"name": name, "raw": repr(raw), "error": error}
        ) from error
    return raw


def value_and_kind(record: dict) -> tuple[str, str]:
    """The value as written (a decimal string or an ISO date) and the kind of figure it is; the
    kind is read off the unit exactly as the matcher reads it."""
    raw = record.get("value")
    kind = _text(record, "kind")
    if raw is None or raw == "":
        return "", kind
    if isinstance(raw, (bool, dict, list)):
        raise ReferenceRecordError(_("bad value: %(error)s") % {"error": repr(raw)})
    raw = str(raw).strip()
    unit = _text(record, "unit")
    if kind != "date" and not _ISO_DATE.match(raw):
        # Every number written (one, or a range's two) is checked before any arithmetic:
        # "1e999999999" would take minutes and gigabytes.
        try:
            if len(raw) > 2 * validation.MAX_NUMBER_CHARS + 8:
                raise validation.InputError(_("value is too long for a number or a range"))
            for number in _NUMBER_IN_VALUE.findall(raw):
                validation.parse_decimal(number)
        except validation.InputError as error:
            raise ReferenceRecordError(_("bad value: %(error)s") % {"error": error}) from error
    try:
        figure = figure_from_value(raw, unit=unit or None, kind=kind or None)
    except ValueError as error:
        raise ReferenceRecordError(_("bad value: %(error)s") % {"error": error}) from error
    if figure.kind == "date" and not _CLAIM_DATE.match(raw):
        raise ReferenceRecordError(
            _("bad value: %(raw)s is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)") % {"raw": repr(raw)}
        )
    return raw, figure.kind


def _url(record: dict, name: str) -> str:
    url = _text(record, name)
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise ReferenceRecordError(
                _("bad %(name)s %(url)s: an http or https address") % {"name": name, "url": repr(url)}
            ) from error
    return url


def _page(record: dict) -> int | None:
    raw = record.get("page")
    if raw is None or raw == "":
        return None
    try:
        page = int(str(raw))
    except ValueError as error:
        raise ReferenceRecordError(_("bad page %(raw)s: a page number") % {"raw": repr(raw)}) from error
    if not 1 <= page <= 100_000:
        raise ReferenceRecordError(_("bad page %(raw)s: a page number") % {"raw": repr(raw)})
    return page


def _aliases(record: dict) -> list[str]:
    raw = record.get("aliases")
    if raw is None or raw == "":
        return []
    if isinstance(raw, str):
        parts = raw.split(LIST_SEPARATOR)
    elif isinstance(raw, list) and all(isinstance(part, str) for part in raw):
        parts = raw
    else:
        raise ReferenceRecordError(_("bad aliases: expected a list of names or names separated by |"))
    aliases = []
    for part in parts:
        part = part.strip()
        if part and part not in aliases:
            aliases.append(part)
    return aliases


def guess_language(text: str) -> str:
    return "ar" if _ARABIC_LETTER.search(text) else "en"
