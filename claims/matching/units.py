"""Kinds and unit families: what can be compared with what, and in which base unit."""

from __future__ import annotations

import re
from decimal import Decimal

from claims.extraction import normalize

# unit -> (family, factor to the family's base unit)
_MEASURES: dict[str, tuple[str, Decimal]] = {}


def _family(name: str, units: dict[str, str]) -> None:
    for unit, factor in units.items():
        _MEASURES[unit.lower()] = (name, Decimal(factor))


_family(
    "data",
    {
        "B": "1",
        "KB": "1e3",
        "MB": "1e6",
        "GB": "1e9",
        "TB": "1e12",
        "PB": "1e15",
        "EB": "1e18",
        "ZB": "1e21",
        "YB": "1e24",
    },
)
_family("power", {"W": "1", "kW": "1e3", "MW": "1e6", "GW": "1e9", "TW": "1e12"})
_family("energy", {"Wh": "1", "kWh": "1e3", "MWh": "1e6", "GWh": "1e9", "TWh": "1e12"})
_family("length", {"mm": "0.001", "cm": "0.01", "m": "1", "km": "1000"})
_family("area", {"m2": "1", "km2": "1e6", "ha": "1e4"})
_family("mass", {"g": "1", "kg": "1e3", "t": "1e6"})
_family("compute", {"FLOP": "1", "GFLOP": "1e9", "TFLOP": "1e12", "PFLOP": "1e15", "EFLOP": "1e18"})
_family(
    "time",
    {
        "s": "1",
        "second": "1",
        "minute": "60",
        "min": "60",
        "hour": "3600",
        "h": "3600",
        "day": "86400",
        "week": "604800",
        "month": "2629800",
        "year": "31557600",
    },
)

_CURRENCY = re.compile(r"^[A-Z]{3}$")
POINT_UNITS = frozenset({"pp", "percentage_point", "points", "point"})
_POINT_WORDS = ("نقطه مئويه", "نقاط مئويه", "percentage point")


def is_points(unit: str | None, text: str = "", extras: dict | None = None) -> bool:
    """Percentage points rather than a percent (the change of a share, not a share)."""
    if unit and unit.lower() in POINT_UNITS or (extras or {}).get("points"):
        return True
    folded = normalize(text)
    return any(word in folded for word in _POINT_WORDS)


def family_of(kind: str, unit: str | None, text: str = "", extras: dict | None = None) -> str:
    """The comparable family: money, share (percent and fractions), points, count, date, ..."""
    if kind == "money":
        return "money"
    if (unit or "").lower() in POINT_UNITS:
        return "points"
    if kind in ("percent", "fraction"):
        return "points" if is_points(unit, text, extras) else "share"
    if kind == "duration":
        return "time"
    if kind == "measure":
        known = _MEASURES.get((unit or "").lower())
        return known[0] if known else f"unit:{unit}"
    return kind


def to_base(kind: str, unit: str | None, value: Decimal) -> Decimal:
    """Value in the family's base unit: percents as shares, GB as bytes, months as seconds."""
    if kind == "percent" or (unit or "").lower() in POINT_UNITS:
        return value / 100
    if kind in ("measure", "duration"):
        known = _MEASURES.get((unit or "").lower())
        if known:
            return value * known[1]
    return value


def is_currency(unit: str | None) -> bool:
    return bool(unit and _CURRENCY.match(unit))
