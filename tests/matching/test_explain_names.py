"""The explanations name months and currencies the way CLDR does (Babel), with the newsroom's short names
for the currencies Arabic news names without their country."""

import pytest

from claims.matching.explain import citation, currency_ar, figure_ar
from claims.matching.references import ReferenceStatement


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("USD", "دولار"),  # the newsroom's short name, not CLDR's "دولار أمريكي"
        ("SAR", "ريال سعودي"),
        ("EGP", "جنيه مصري"),
        ("KWD", "دينار كويتي"),
        ("KES", "شلن كينيي"),  # any ISO code CLDR knows, with no table of ours
        ("MAD", "درهم مغربي"),
    ],
)
def test_a_currency_is_named_in_arabic(code, name):
    assert currency_ar(code) == name


def test_an_unknown_code_stays_as_written():
    assert currency_ar("XQZ") == "XQZ"


def test_a_money_figure_reads_with_its_currency_name():
    assert figure_ar("money", "5576000", "USD") == "5.576 مليون دولار"
    assert figure_ar("money", "1200000000", "QAR") == "1.2 مليار ريال قطري"


@pytest.mark.parametrize(
    ("language", "expected"), [("ar", "(مختبر الأبحاث، ديسمبر 2024)"), ("en", "(مختبر الأبحاث, Dec 2024)")]
)
def test_the_citation_names_the_month(language, expected):
    statement = ReferenceStatement(
        key="dsv3-training-cost", text="بلغت تكلفة التدريب 5.576 مليون دولار.", source_title="التقرير التقني",
        publisher="مختبر الأبحاث", published="2024-12-27",
    )
    assert citation(statement, language).endswith(expected)
