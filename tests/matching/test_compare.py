"""Number comparison alone: hand-built quantities against hand-built reference figures."""

from decimal import Decimal

import pytest

from claims.extraction.types import Quantity
from claims.matching import MatchSettings, ReferenceFigure, compare
from claims.matching.references import figure_from_value

SETTINGS = MatchSettings()
COST = figure_from_value("5576000", unit="USD")


def money(value, precision, unit="USD", qualifier="exact", **extras):
    return Quantity(0, 1, "", "money", Decimal(value), unit, qualifier, Decimal(precision), extras)


@pytest.mark.parametrize(
    ("claim", "outcome", "error", "factor"),
    [
        (money("558000000", "1e6"), "contradict", "scale", Decimal(100)),
        (money("55760000", "1e4"), "contradict", "scale", Decimal(10)),
        (money("5576000000", "1e6"), "contradict", "scale", Decimal(1000)),
        (money("557600", "100"), "contradict", "scale", Decimal("0.1")),
        (money("55760", "10"), "contradict", "scale", Decimal("0.01")),
        (money("5576", "1"), "contradict", "scale", Decimal("0.001")),
        (money("5576000", "1e3"), "support", None, None),
        (money("5580000", "1e4"), "support", None, None),
        (money("6000000", "1e6"), "support", None, None),
        (money("5500000", "1e5"), "support", "rounding", None),
        (money("8000000", "1e6"), "contradict", "value", None),
        (money("5000000", "1e6", qualifier="more_than"), "support", None, None),
        (money("6000000", "1e6", qualifier="more_than"), "contradict", "bound", None),
        (money("1000000000", "1e9", qualifier="more_than"), "contradict", "bound", None),
        (money("1000000000", "1e9", qualifier="at_least"), "contradict", "bound", None),
        (money("10000000", "1e6", qualifier="less_than"), "none", "bound", None),
        (money("1000000", "1e6", qualifier="more_than"), "misleading", "bound", None),
        (money("50000000", "1e6", qualifier="less_than"), "misleading", "bound", None),
        (money("4000000", "1e6", qualifier="at_least"), "support", None, None),
        (money("2000", "1e3", qualifier="more_than"), "none", "bound", None),
        (money("5000000", "1e6", qualifier="approx"), "support", "rounding", None),
        (money("5576000", "1e3", unit="EUR"), "contradict", "currency", None),
        (money("21000000", "1e6", unit="SAR"), "none", "currency", None),
        (money("1000000000", "1e9"), "none", None, None),
    ],
)
def test_it_compares_a_claimed_cost_with_the_reference_cost(claim, outcome, error, factor):
    result = compare(claim, COST, SETTINGS)
    assert (result.outcome, result.error, result.scale_factor) == (outcome, error, factor)


def test_it_gives_the_ratio_of_a_scale_slip_as_a_decimal():
    result = compare(money("558000000", "1e6"), COST, SETTINGS)
    assert result.ratio == Decimal("100.07")


def test_it_derives_the_tolerance_from_how_the_claim_is_written():
    # As read from "1.3 تريليون دولار": precision 1E+11, the step of the last digit written.
    forecast = ReferenceFigure(kind="money", value=Decimal("1.3e12"), unit="USD", precision=Decimal("1e11"))
    assert compare(money("1.3e12", "1e11"), forecast, SETTINGS).supports
    assert compare(money("1.34e12", "1e10"), forecast, SETTINGS).supports
    assert compare(money("1.6e12", "1e11"), forecast, SETTINGS).contradicts


def test_it_does_not_add_both_tolerances_of_single_digit_figures():
    market_cap = figure_from_value("5000000000000", unit="USD")
    result = compare(money("4e12", "1e12"), market_cap, SETTINGS)
    assert not result.supports


def test_it_supports_a_more_than_claim_only_within_a_sane_factor():
    devices = figure_from_value("41600000000")
    more_than_40 = Quantity(0, 1, "", "count", Decimal("40e9"), None, "more_than", Decimal("1e9"))
    more_than_20 = Quantity(0, 1, "", "count", Decimal("20e9"), None, "more_than", Decimal("1e9"))
    assert compare(more_than_40, devices, SETTINGS).supports
    assert compare(more_than_20, devices, SETTINGS).outcome == "none"


def test_it_names_percent_against_percentage_points_a_unit_error():
    points = figure_from_value("8", unit="pp")
    percent = Quantity(0, 1, "8%", "percent", Decimal(8), "%", "exact", Decimal(1))
    result = compare(percent, points, SETTINGS)
    assert (result.outcome, result.error) == ("contradict", "unit")


def test_it_converts_units_of_one_family_before_comparing():
    data = figure_from_value("79.4", unit="ZB")
    in_exabytes = Quantity(0, 1, "", "measure", Decimal("79400"), "EB", "exact", Decimal(100))
    assert compare(in_exabytes, data, SETTINGS).supports


def test_it_names_the_same_number_in_another_unit_a_unit_error():
    data = figure_from_value("79.4", unit="ZB")
    in_terabytes = Quantity(0, 1, "", "measure", Decimal("79.4"), "TB", "exact", Decimal("0.1"))
    assert compare(in_terabytes, data, SETTINGS).error == "unit"


@pytest.mark.parametrize(
    ("claimed", "outcome", "error"),
    [
        ("2025-01-20", "support", None),
        ("2025", "support", None),
        ("--01-20", "support", None),
        ("2025-01", "support", None),
        ("2024-01-20", "contradict", "year"),
        ("2024", "contradict", "year"),
        ("2015", "none", None),
        ("2025-02-20", "none", None),
    ],
)
def test_it_compares_dates_by_the_precision_written(claimed, outcome, error):
    release = figure_from_value("2025-01-20", kind="date")
    claim = Quantity(0, 1, "", "date", claimed)
    result = compare(claim, release, SETTINGS)
    assert (result.outcome, result.error) == (outcome, error)


def test_it_never_compares_figures_of_different_kinds():
    users = figure_from_value("100000000")
    assert compare(money("100000000", "1e6"), users, SETTINGS) is None
