"""Quantity values travel as plain decimal strings, whatever their size."""

from decimal import Decimal

import pytest

from claims.extraction import extract
from claims.extraction.types import decimal_to_str


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("5.576E+6", "5576000"),
        ("558000000.00", "558000000"),
        ("0.05", "0.05"),
        ("-0.4", "-0.4"),
        ("1E+95", "1" + "0" * 95),
    ],
)
def test_decimals_are_written_without_exponent_or_trailing_zeros(value, text):
    assert decimal_to_str(Decimal(value)) == text


def test_an_exponent_swollen_by_a_persian_digit_does_not_crash_the_engine():
    quantities = extract("1E+9۵").to_dict()["quantities"]

    assert quantities[0]["value"] == "1" + "0" * 95
