"""Number-aware comparison of one written figure with one reference figure.

Every figure becomes an interval in its family's base unit, widened by how it is written: half the
step of its last written digit (plus a small relative floor) when exact, `approx_rel_tolerance` for
حوالي/نحو, up to `bound_factor` above "more than X". Overlap is support; then come the named
errors, tried in order: rounding, unit, currency, scale slip, and last a plain wrong value.

A bound is judged as a bound: "more than X" with the reference far above X (`misleading_bound_factor`
or more) is true but misleading ("more than 40 million" users for 400 million); with the reference
below X it is false ("more than $1B" for $5.6M), a contradiction of kind "bound".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from claims.matching.references import written_precision
from claims.matching.settings import MatchSettings
from claims.matching.units import family_of, is_currency, to_base

LOWER_BOUNDS = frozenset({"more_than", "at_least"})
UPPER_BOUNDS = frozenset({"less_than", "at_most"})
POINTS = frozenset({"exact", "approx"})


@dataclass(frozen=True)
class Comparison:
    outcome: str  # "support" | "contradict" | "misleading" | "none"
    error: str | None = None  # rounding | unit | currency | scale | year | bound | value
    ratio: Decimal | None = None  # claim / reference, in base units
    scale_factor: Decimal | None = None
    closeness: float = 0.0  # ranks the figures of one statement: higher is closer

    @property
    def supports(self) -> bool:
        return self.outcome == "support"

    @property
    def contradicts(self) -> bool:
        return self.outcome == "contradict"

    @property
    def misleads(self) -> bool:
        return self.outcome == "misleading"


@dataclass(frozen=True)
class _Interval:
    low: Decimal
    high: Decimal

    def overlaps(self, other: _Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def agrees(self, other: _Interval, point_like: bool) -> bool:
        """Two written points agree when either one's tolerance covers the other's value (the
        tolerances are not added: "4 تريليونات" and "5 تريليونات" do not meet halfway);
        bounds and ranges agree when they overlap."""
        if not point_like:
            return self.overlaps(other)
        center, other_center = (self.low + self.high) / 2, (other.low + other.high) / 2
        return abs(center - other_center) <= max(self.high - center, other.high - other_center)

    def scaled(self, factor: Decimal) -> _Interval:
        ends = sorted((self.low * factor, self.high * factor))
        return _Interval(ends[0], ends[1])


def compare(claim, figure, settings: MatchSettings) -> Comparison | None:
    """Compare a claim quantity with a reference figure (both with kind/value/unit/qualifier/precision).

    None when they cannot be compared at all (different kinds or unit families).
    """
    if claim.kind == "date" or figure.kind == "date":
        if claim.kind == figure.kind == "date":
            return _compare_dates(str(claim.value), str(figure.value), settings)
        return None
    claim_family = family_of(claim.kind, claim.unit, claim.text, claim.extras)
    figure_family = family_of(figure.kind, figure.unit, figure.text, figure.extras)
    if claim_family != figure_family:
        if {claim_family, figure_family} == {"share", "points"} and _raw_overlap(claim, figure, settings):
            return _contradiction(claim, figure, "unit")
        return None
    if claim_family == "money" and is_currency(claim.unit) and is_currency(figure.unit) and claim.unit != figure.unit:
        if _raw_overlap(claim, figure, settings):
            return _contradiction(claim, figure, "currency")
        # No exchange-rate guessing: a figure in another currency tells us nothing.
        return Comparison("none", error="currency", ratio=None, closeness=-99.0)

    claim_range = _interval(claim, settings, settings.exact_rel_tolerance)
    figure_range = _interval(figure, settings, Decimal(0))
    ratio = _ratio(claim, figure)
    # Only a ranking key: a float logarithm is exact enough and far cheaper than Decimal.log10.
    closeness = -abs(math.log10(abs(float(ratio)))) if ratio else -99.0
    point_like = claim.qualifier in POINTS and figure.qualifier in POINTS
    if claim_range.agrees(figure_range, point_like):
        return Comparison("support", ratio=ratio, closeness=10.0 + closeness)
    # A bound that holds but is loose ("more than 3,000" for 5,000) says too little to judge; far
    # from the reference ("more than 40 million" for 400 million) it misleads.
    # Further apart than the largest scale slip looked for, it is more likely another quantity.
    far, farthest = settings.misleading_bound_factor, Decimal(10) ** max(settings.scale_powers, default=0)
    if claim.qualifier in LOWER_BOUNDS and figure_range.low > claim_range.high:
        misleading = ratio is not None and farthest * abs(ratio) >= 1 >= abs(ratio) * far
        return Comparison("misleading" if misleading else "none", error="bound", ratio=ratio, closeness=closeness)
    if claim.qualifier in UPPER_BOUNDS and figure_range.high < claim_range.low:
        misleading = ratio is not None and far <= abs(ratio) <= farthest
        return Comparison("misleading" if misleading else "none", error="bound", ratio=ratio, closeness=closeness)
    # A bound on the wrong side of the reference is false, however far ("more than $1B" for $5.6M).
    if figure.qualifier in POINTS and claim.qualifier in LOWER_BOUNDS | UPPER_BOUNDS:
        return _bound_slip(claim, figure, settings, ratio, closeness)
    if figure.qualifier in LOWER_BOUNDS and claim_range.low > figure_range.high:
        return Comparison("none", ratio=ratio, closeness=closeness)
    if figure.qualifier in UPPER_BOUNDS and claim_range.high < figure_range.low:
        return Comparison("none", ratio=ratio, closeness=closeness)

    loose = _rounding_interval(claim, settings)
    if claim.qualifier not in LOWER_BOUNDS | UPPER_BOUNDS and loose.agrees(figure_range, point_like):
        return Comparison("support", error="rounding", ratio=ratio, closeness=5.0 + closeness)
    if (
        claim.unit != figure.unit
        and claim_family not in ("money", "share", "count")
        and _raw_overlap(claim, figure, settings)
    ):
        return _contradiction(claim, figure, "unit")
    slip = _scale_slip(claim, figure, figure_range, settings, ratio, closeness)
    if slip is not None:
        return slip
    limit = settings.max_value_error_ratio
    if ratio is None or not (1 / limit <= abs(ratio) <= limit):
        return Comparison("none", ratio=ratio, closeness=closeness)
    return Comparison("contradict", error="value", ratio=ratio, closeness=closeness)


def _scale_slip(claim, figure, figure_range, settings, ratio, closeness) -> Comparison | None:
    """A slip must land on the reference value itself, give or take a little, not on its whole span."""
    reference = to_base(figure.kind, figure.unit, Decimal(figure.value))
    spread = min((figure_range.high - figure_range.low) / 2, abs(reference) * settings.approx_rel_tolerance / 2)
    target = _Interval(reference - spread, reference + spread)
    slipped = _slip_interval(claim, settings)
    for power in settings.scale_powers:
        for exponent in (power, -power):
            factor = Decimal(10) ** exponent
            if slipped.scaled(1 / factor).overlaps(target):
                return Comparison("contradict", error="scale", ratio=ratio, scale_factor=factor, closeness=closeness)
    return None


def _bound_slip(claim, figure, settings, ratio, closeness) -> Comparison:
    """A false bound: beyond the reference on the side it rules out, within the scale powers looked for."""
    figure_range = _interval(figure, settings, Decimal(0))
    slip = _scale_slip(claim, figure, figure_range, settings, ratio, closeness)
    if slip is not None:
        return slip
    limit = Decimal(10) ** max(settings.scale_powers, default=0)
    if ratio is None or not (1 / limit <= abs(ratio) <= limit):
        return Comparison("none", ratio=ratio, closeness=closeness)
    return Comparison("contradict", error="bound", ratio=ratio, closeness=closeness)


def _interval(quantity, settings: MatchSettings, relative: Decimal) -> _Interval:
    """The values `quantity` admits, in base units."""
    value = Decimal(quantity.value)
    precision = quantity.precision or written_precision(format(value, "f"))
    qualifier = quantity.qualifier
    if qualifier == "approx":
        relative = max(relative, settings.approx_rel_tolerance)
    tolerance = max(precision / 2, abs(value) * relative)
    # A bound is sharp on its own side: "more than 6 million" excludes 5.6 million.
    sharp = abs(value) * settings.exact_rel_tolerance
    if qualifier in LOWER_BOUNDS:
        low, high = value - sharp, max(value * settings.bound_factor, value + tolerance)
    elif qualifier in UPPER_BOUNDS:
        low, high = min(value / settings.bound_factor, value - tolerance), value + sharp
    elif qualifier == "range" and "low" in quantity.extras and "high" in quantity.extras:
        low, high = Decimal(quantity.extras["low"]) - tolerance, Decimal(quantity.extras["high"]) + tolerance
    else:
        low, high = value - tolerance, value + tolerance
    kind, unit = quantity.kind, quantity.unit
    return _Interval(to_base(kind, unit, low), to_base(kind, unit, high))


def _slip_interval(quantity, settings: MatchSettings) -> _Interval:
    """Where the claim must land, once rescaled, to be a slip: near its own value (within half a
    written step, at most half the approx tolerance), so "مليار" is not taken for "5.6 مليون" × 100."""
    value = Decimal(quantity.value)
    precision = quantity.precision or written_precision(format(value, "f"))
    if quantity.qualifier == "approx":
        precision = max(precision, abs(value) * settings.approx_rel_tolerance)
    half_step = min(precision / 2, abs(value) * settings.approx_rel_tolerance / 2)
    tolerance = max(half_step, abs(value) * settings.exact_rel_tolerance * 2)
    kind, unit = quantity.kind, quantity.unit
    return _Interval(to_base(kind, unit, value - tolerance), to_base(kind, unit, value + tolerance))


def _rounding_interval(quantity, settings: MatchSettings) -> _Interval:
    """Within one step of the last written digit: "5.5 مليون" for 5.576M, "40 مليار" for 41.6B.

    Trailing zeros may not be significant ("300" can be 3 hundreds), so each one makes the step
    ten times larger, capped at `max_rounding_share` of the value.
    """
    value = Decimal(quantity.value)
    precision = quantity.precision or written_precision(format(value, "f"))
    steps = value / precision
    while steps and steps == steps.to_integral_value() and steps % 10 == 0:
        precision, steps = precision * 10, steps / 10
    share = abs(value) * settings.max_rounding_share
    if quantity.qualifier == "approx":  # "حوالي 5 ملايين" admits whatever rounds to 5 million
        share = max(share, precision)
    tolerance = max(min(precision, share), abs(value) * settings.rounding_rel_tolerance)
    kind, unit = quantity.kind, quantity.unit
    return _Interval(to_base(kind, unit, value - tolerance), to_base(kind, unit, value + tolerance))


def _raw_overlap(claim, figure, settings: MatchSettings) -> bool:
    """Do the numbers agree as written, ignoring units? (the sign of a unit or currency mix-up)"""
    claim_value, figure_value = Decimal(claim.value), Decimal(figure.value)
    precision = claim.precision or written_precision(format(claim_value, "f"))
    tolerance = max(precision / 2, abs(figure_value) * settings.exact_rel_tolerance)
    return abs(claim_value - figure_value) <= tolerance


def _contradiction(claim, figure, error: str) -> Comparison:
    return Comparison("contradict", error=error, ratio=_ratio(claim, figure), closeness=-0.01)


def _ratio(claim, figure) -> Decimal | None:
    reference = to_base(figure.kind, figure.unit, Decimal(figure.value))
    if not reference:
        return None
    ratio = to_base(claim.kind, claim.unit, Decimal(claim.value)) / reference
    if abs(ratio) >= 1:
        return ratio.quantize(Decimal("0.01"))
    return Decimal(format(ratio, ".4g"))


def _date_parts(value: str) -> dict[str, int]:
    if value.startswith("--"):
        month, _, day = value[2:].partition("-")
        parts = {"month": int(month)}
    else:
        year, _, rest = value.partition("-")
        month, _, day = rest.partition("-")
        parts = {"year": int(year)}
        if month:
            parts["month"] = int(month)
    if day:
        parts["day"] = int(day)
    return parts


def _compare_dates(claim_value: str, figure_value: str, settings: MatchSettings) -> Comparison | None:
    """Compare on the parts both write (a year-only claim agrees with any day of that year).

    Only a wrong year is ever a contradiction; another month or day may be another event.
    """
    try:
        claim_parts, figure_parts = _date_parts(claim_value), _date_parts(figure_value)
    except ValueError:
        return None
    shared = [part for part in ("year", "month", "day") if part in claim_parts and part in figure_parts]
    if not shared:
        return None
    if all(claim_parts[part] == figure_parts[part] for part in shared):
        return Comparison("support", closeness=10.0 + len(shared))
    others_agree = all(claim_parts[part] == figure_parts[part] for part in shared if part != "year")
    # A year is only called wrong when the reference writes every part the claim writes.
    if "year" in shared and others_agree and set(claim_parts) <= set(figure_parts):
        gap = abs(claim_parts["year"] - figure_parts["year"])
        if gap <= settings.max_year_gap:
            return Comparison("contradict", error="year", closeness=-float(gap))
    return Comparison("none", closeness=-99.0)
