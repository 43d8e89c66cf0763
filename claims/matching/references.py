"""Reference statements and the figures they back."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from claims.extraction import extract
from claims.extraction.lexicon import read_rows
from claims.extraction.not_figures import is_inside_names
from claims.extraction.types import Quantity, decimal_to_str
from claims.matching.text import tokens
from claims.matching.units import is_currency

# A bare "2048" is a count unless the record says kind or unit "date"; only dashed forms are dates by shape.
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}(-\d{2})?|--\d{2}(-\d{2})?)$")
_ANY_DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$")
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
# "66000000000-72000000000", "66e9 – 72e9", "1.5..2", "10 to 20": a range, low first.
_RANGE = re.compile(rf"^({_NUMBER})\s*(?:-|–|—|\.\.|to)\s*({_NUMBER})$")
DATE_UNITS = frozenset({"date"})


def year_cues() -> frozenset[str]:
    """The words that make the bare four-digit number after them a year: every word of the year cues
    both engines share (claims/extraction/data/year_cues.tsv) and matching's own single words."""
    return frozenset(
        word for phrase, readers in read_rows("year_cues.tsv") if readers != "extraction" for word in tokens(phrase)
    )


YEAR_CUES = year_cues()
_YEAR = re.compile(r"^(19|20)\d\d$")
_DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})


@dataclass(frozen=True)
class ReferenceFigure:
    kind: str
    value: Decimal | str  # ISO string for dates
    unit: str | None = None
    qualifier: str = "exact"
    precision: Decimal | None = None
    text: str = ""  # as written; empty for a figure given only in the value field
    start: int | None = None  # offsets within the statement text (None for the value field)
    end: int | None = None
    extras: dict = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_quantity(cls, quantity: Quantity) -> ReferenceFigure:
        return cls(
            kind=quantity.kind,
            value=quantity.value,
            unit=quantity.unit,
            qualifier=quantity.qualifier,
            precision=quantity.precision,
            text=quantity.text,
            start=quantity.start,
            end=quantity.end,
            extras=dict(quantity.extras),
        )

    @property
    def identity(self) -> tuple:
        value = decimal_to_str(self.value) if isinstance(self.value, Decimal) else self.value
        return (self.kind, value, self.unit)


@dataclass(frozen=True)
class ReferenceStatement:
    key: str
    text: str
    text_en: str = ""
    subject: str = ""
    metric: str = ""
    aliases: tuple[str, ...] = ()
    as_of: str | None = None
    source_title: str = ""
    source_url: str = ""
    publisher: str = ""
    published: str | None = None
    figures: tuple[ReferenceFigure, ...] = ()

    @classmethod
    def build(
        cls,
        *,
        key: str,
        text: str,
        value: Decimal | str | int | None = None,
        unit: str | None = None,
        qualifier: str = "exact",
        kind: str | None = None,
        text_en: str = "",
        subject: str = "",
        metric: str = "",
        aliases: tuple[str, ...] | list[str] = (),
        as_of: str | None = None,
        source_title: str = "",
        source_url: str = "",
        publisher: str = "",
        published: str | None = None,
        extract_figures: bool = True,
    ) -> ReferenceStatement:
        """A statement whose figures are the explicit value plus those extracted from its texts."""
        figures: list[ReferenceFigure] = []
        if value not in (None, ""):
            figures.append(figure_from_value(value, unit=unit, qualifier=qualifier or "exact", kind=kind))
        if extract_figures:
            names = [name for name in (subject, *aliases) if name]
            for place, written in (("text", text), ("text_en", text_en)):
                for quantity in extract(written).quantities if written else ():
                    # The engine reads Arabic; a bare English count is mostly a day or list number.
                    junk = place == "text_en" and quantity.kind == "count" and "scale" not in quantity.extras
                    if not junk and not inside_name(written, quantity, names):
                        figure = ReferenceFigure.from_quantity(as_year(quantity, written))
                        figure.extras["in"] = place
                        figures.append(figure)
        return cls(
            key=key,
            text=text,
            text_en=text_en or "",
            subject=subject or "",
            metric=metric or "",
            aliases=tuple(alias for alias in aliases if alias),
            as_of=as_of or None,
            source_title=source_title or "",
            source_url=source_url or "",
            publisher=publisher or "",
            published=published or None,
            figures=_dedupe(figures),
        )

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name in (self.subject, *self.aliases) if name)


def as_year(quantity, text: str = ""):
    """A bare four-digit year read as a count is a date when a year word comes right before it
    ("السنة المالية 2025", "بحلول 2030"; extraction/data/year_cues.tsv): context, never a figure that a count or
    a sum in a reference could support. `text` is the sentence the quantity's offsets point into."""
    if quantity.kind != "count" or quantity.qualifier != "exact" or "scale" in quantity.extras:
        return quantity
    digits = (quantity.text or "").split()[0] if (quantity.text or "").split() else ""
    if not (len(digits) == 4 and _YEAR.match(digits) and Decimal(quantity.value) == int(digits)):
        return quantity
    before = tokens(text[max(0, quantity.start - 40) : quantity.start]) if text and quantity.start is not None else []
    if before and before[-1] in YEAR_CUES:
        return replace(quantity, kind="date", value=digits, unit=None, extras={})
    return quantity


def inside_name(text: str, quantity: Quantity, names: list[str]) -> bool:
    """Numbers that are part of a name ("رؤية 2030", "Llama 3.1 405B") are not figures: the extraction
    engine's one rule for digits in names, given the library's names."""
    return quantity.start is not None and is_inside_names(text, quantity.start, names)


def _lost_scale(figure: ReferenceFigure, others: list[ReferenceFigure]) -> bool:
    """A figure of the English text read without its scale word ("$1.3" of "$1.3 trillion")."""
    if figure.extras.get("in") != "text_en" or not isinstance(figure.value, Decimal):
        return False
    for other in others:
        if other.kind == figure.kind and other.unit == figure.unit and isinstance(other.value, Decimal):
            for power in (3, 6, 9, 12):
                if other.value == figure.value.scaleb(power):
                    return True
    return False


def _partial_date(figure: ReferenceFigure, others: list[ReferenceFigure]) -> bool:
    """ "2024" or "--12-26" read from the text of a statement that also gives "2024-12-26"."""
    if figure.kind != "date":
        return False
    value = str(figure.value)
    for other in others:
        full = str(other.value)
        if other.kind == "date" and full != value and len(full) == 10 and not full.startswith("--"):
            if value in (full[:4], full[:7], "--" + full[5:]):
                return True
    return False


def _dedupe(figures: list[ReferenceFigure]) -> tuple[ReferenceFigure, ...]:
    """One figure per (kind, value, unit); the first (the explicit value) wins, text offsets kept."""
    kept: dict[tuple, ReferenceFigure] = {}
    for figure in figures:
        if _lost_scale(figure, figures) or _partial_date(figure, figures):
            continue
        earlier = kept.get(figure.identity)
        if earlier is None:
            kept[figure.identity] = figure
        elif earlier.start is None and figure.start is not None and not earlier.text:
            kept[figure.identity] = ReferenceFigure(
                kind=earlier.kind,
                value=earlier.value,
                unit=earlier.unit,
                qualifier=earlier.qualifier,
                precision=figure.precision or earlier.precision,
                text=figure.text,
                start=figure.start,
                end=figure.end,
                extras=earlier.extras,
            )
    return tuple(kept.values())


def figure_from_value(
    value: Decimal | str | int, *, unit: str | None = None, qualifier: str = "exact", kind: str | None = None
) -> ReferenceFigure:
    """The figure of an explicit value/unit field; its precision is read off the digits written.

    Accepted as the interface writes them: a decimal ("5576000", "1.3e12"); an ISO date
    ("2025-01-20", "2025-01", or "2025" with kind or unit "date"; `unit: "date"` is optional for
    the dashed forms); a range "LOW-HIGH" ("66e9-72e9", low and high kept as the figure's bounds).
    Raises ValueError with a message that says which of these the value failed to be.
    """
    raw = str(value).strip()
    if unit and unit.lower() in DATE_UNITS:
        kind, unit = kind or "date", None
    if kind == "date" or (kind is None and _ISO_DATE.match(raw) and not unit):
        if not _ANY_DATE.match(raw) or not _real_date(raw):
            raise ValueError(f"{raw!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return ReferenceFigure(kind="date", value=raw, unit=None, qualifier=qualifier)
    if _ISO_DATE.match(raw):
        raise ValueError(f'{raw!r} is a date, but the unit {unit!r} is for amounts (use unit "date" or none)')
    ranged = _RANGE.match(raw)
    if ranged:
        low, high = sorted(Decimal(part) for part in ranged.groups())
        return ReferenceFigure(
            kind=kind or _kind_of_unit(unit),
            value=low,
            unit=unit or None,
            qualifier="range",
            precision=min(written_precision(ranged.group(1)), written_precision(ranged.group(2))),
            extras={"low": low, "high": high},
        )
    try:
        number = Decimal(raw)
    except InvalidOperation as error:
        raise ValueError(
            f"{raw!r} is neither a number (5576000, 1.3e12), an ISO date (2025-01-20) nor a range (66e9-72e9)"
        ) from error
    if not number.is_finite():
        raise ValueError(f"{raw!r} is not a finite number")
    return ReferenceFigure(
        kind=kind or _kind_of_unit(unit),
        value=number,
        unit=unit or None,
        qualifier=qualifier,
        precision=written_precision(raw),
    )


def _real_date(raw: str) -> bool:
    """A calendar date: month 1-12, a day its month has (a missing year is taken as a leap year)."""
    year, _, rest = raw.partition("-") if not raw.startswith("--") else ("2000", "", raw[2:])
    month, _, day = rest.partition("-")
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def written_precision(raw: str) -> Decimal:
    """Step of the last significant digit of a value field: "5576000" -> 1000, "1.3" -> 0.1.

    Trailing zeros of a plain integer may be significant ("100000000" is "100 million", not
    "1 hundred-million"), so at least three significant digits are assumed: "100000000" -> 1E+6.
    """
    number = Decimal(raw)
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < 0:
        return Decimal(1).scaleb(exponent)
    if not number:
        return Decimal(1)
    digits = format(number.copy_abs(), "f").split(".")[0]
    trailing = len(digits) - len(digits.rstrip("0"))
    return Decimal(1).scaleb(max(0, min(trailing, number.copy_abs().adjusted() - 2)))


def _kind_of_unit(unit: str | None) -> str:
    if not unit:
        return "count"
    if unit == "%" or unit.lower() == "pp":
        return "percent"
    if unit == "times":
        return "multiplier"
    if is_currency(unit):
        return "money"
    if unit in _DURATION_UNITS:
        return "duration"
    return "measure"


def _aliases(raw) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return tuple(part.strip() for part in raw.split("|") if part.strip())
    return tuple(str(part).strip() for part in raw if str(part).strip())


def statement_from_record(record: dict) -> ReferenceStatement:
    """An interfaces §2 import record (JSON object or CSV row) as a ReferenceStatement.

    Raises ValueError for a record that cannot be used (no key, no statement, a bad value).
    """
    key = str(record.get("key") or "").strip()
    text = str(record.get("statement") or "").strip()
    if not key:
        raise ValueError("missing key")
    if not text:
        raise ValueError("missing statement")
    return ReferenceStatement.build(
        key=key,
        text=text,
        text_en=str(record.get("statement_en") or "").strip(),
        value=record.get("value"),
        unit=record.get("unit") or None,
        qualifier=record.get("qualifier") or "exact",
        kind=record.get("kind") or None,
        subject=str(record.get("subject") or "").strip(),
        metric=str(record.get("metric") or "").strip(),
        aliases=_aliases(record.get("aliases")),
        as_of=str(record["as_of"]).strip() if record.get("as_of") else None,
        source_title=str(record.get("source_title") or "").strip(),
        source_url=str(record.get("source_url") or "").strip(),
        publisher=str(record.get("publisher") or "").strip(),
        published=str(record["published"]).strip() if record.get("published") else None,
    )
