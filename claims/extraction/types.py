"""The engine's output: plain dataclasses, no Django.

Offsets are Python string indices into the text exactly as received, `end` exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ONE = Decimal(1)

KINDS = ("money", "percent", "count", "multiplier", "fraction", "date", "duration", "measure", "ordinal")
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most", "range")
# The kind of a found span that is no figure (a name holding digits, a date inside a place name): the
# engine reserves it, so that no recogniser reads a figure inside it, and never reports it.
RESERVED = "reserved"


@dataclass
class Found:
    """A span found by a recogniser, in folded-text offsets, before mapping back to the original.

    `value` is a Decimal, or an ISO string for dates (see `Quantity.value`); `extras` may hold
    "noun_span" (folded offsets of a counted noun) and any key of interfaces.md §1 extras.
    """

    start: int
    end: int
    kind: str
    value: Decimal | str
    unit: str | None = None
    qualifier: str = "exact"
    precision: Decimal | None = None
    extras: dict = field(default_factory=dict)
    scale: Decimal = ONE
    has_unit: bool = False


def drop_overlaps(found: list[Found]) -> list[Found]:
    """Spans sorted by start, made not to overlap: a span that overlaps the last one kept replaces it
    when it is longer and is dropped otherwise."""
    kept: list[Found] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            if item.end - item.start > kept[-1].end - kept[-1].start:
                kept[-1] = item
            continue
        kept.append(item)
    return kept


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    kind: str
    # Decimal for every kind but `date`, whose value is an ISO string (YYYY, YYYY-MM, YYYY-MM-DD, --MM, --MM-DD).
    value: Decimal | str
    unit: str | None = None
    qualifier: str = "exact"
    # Step of the last written digit after scaling: "1.3 تريليون" -> 1E+11, "558 مليون" -> 1E+6.
    # The matcher derives its tolerance from it.
    precision: Decimal | None = None
    # Optional details: low/high for ranges, noun for counts, scale word, currency as written, ...
    extras: dict = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        """The interfaces.md §1 shape; decimals as strings, never floats."""
        data = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": decimal_to_str(self.value) if isinstance(self.value, Decimal) else self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
        }
        if self.precision is not None:
            data["precision"] = decimal_to_str(self.precision)
        for key, value in self.extras.items():
            data[key] = decimal_to_str(value) if isinstance(value, Decimal) else value
        return data


@dataclass(frozen=True)
class ClaimSpan:
    start: int
    end: int
    text: str
    checkworthiness: float
    quantity_indexes: tuple[int, ...] = ()
    # "numeric" (holds a figure) or "factual" (who did what, when; lower priority)
    kind: str = "numeric"

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "checkworthiness": round(self.checkworthiness, 4),
            "quantities": list(self.quantity_indexes),
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Extraction:
    quantities: list[Quantity]
    claims: list[ClaimSpan]

    def to_dict(self) -> dict:
        return {
            "quantities": [q.to_dict() for q in self.quantities],
            "claims": [c.to_dict() for c in self.claims],
        }


def decimal_to_str(value: Decimal) -> str:
    """Plain notation without exponent or trailing zeros: Decimal('5.576E+6') -> '5576000'."""
    if value == value.to_integral_value():
        # quantize() fails past the context's precision (e.g. 1E+95): plain "f" formatting does not.
        return format(value, "f").split(".")[0]
    return format(value.normalize(), "f")
