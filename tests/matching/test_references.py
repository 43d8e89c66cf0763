from decimal import Decimal

import pytest

from claims.matching import ReferenceStatement, statement_from_record
from claims.matching.references import figure_from_value, written_precision
from claims.matching.text import STOPWORDS, stem, tokens


def test_it_reads_the_value_field_and_the_figures_written_in_the_statement():
    statement = statement_from_record(
        {
            "key": "iot",
            "statement": "تتوقع IDC أن يبلغ عدد أجهزة إنترنت الأشياء 41.6 مليار جهاز تولّد 79.4 زيتابايت في 2025.",
            "value": "41600000000",
            "subject": "أجهزة إنترنت الأشياء",
        }
    )
    found = {(f.kind, f.unit, str(f.value)) for f in statement.figures}
    assert ("count", None, "41600000000") in found
    assert ("measure", "ZB", "79.4") in found
    assert ("date", None, "2025") in found
    assert len([f for f in statement.figures if f.kind == "count"]) == 1


def test_it_does_not_take_a_number_inside_the_subject_name_for_a_figure():
    statement = ReferenceStatement.build(
        key="vision", text="تستهدف رؤية 2030 خفض البطالة إلى 7%.", value="7", unit="%", subject="رؤية 2030"
    )
    assert [str(f.value) for f in statement.figures] == ["7"]


@pytest.mark.parametrize("record", [{"statement": "نص"}, {"key": "k"}, {"key": "k", "statement": "س", "value": "x"}])
def test_it_rejects_a_record_it_cannot_use(record):
    with pytest.raises(ValueError):
        statement_from_record(record)


def test_it_splits_csv_aliases_on_bars():
    statement = statement_from_record({"key": "k", "statement": "س", "aliases": "ديب سيك|DeepSeek"})
    assert statement.aliases == ("ديب سيك", "DeepSeek")


@pytest.mark.parametrize(
    ("raw", "precision"),
    [("5576000", Decimal(1000)), ("100000000", Decimal("1e6")), ("1.3", Decimal("0.1")), ("40", Decimal(1))],
)
def test_it_reads_the_precision_of_a_value_field_from_its_digits(raw, precision):
    assert written_precision(raw) == precision


def test_it_treats_a_dashed_value_as_a_date_and_a_bare_year_as_a_count():
    assert figure_from_value("2025-01-20").kind == "date"
    assert figure_from_value("2048").kind == "count"
    assert figure_from_value("2017", kind="date").kind == "date"


def test_every_reference_of_the_test_library_loads_with_a_figure(records):
    keys = [record["key"] for record in records]
    assert len(keys) == len(set(keys))
    for record in records:
        assert statement_from_record(record).figures, record["key"]


def test_the_stopword_list_is_stored_normalised_and_stemmed():
    # Presentation forms or diacritics in the data would silently never match.
    presentation_forms = "\ufee3\ufee0\ufef4\ufeee\ufee5"  # "مليون" as some PDFs store it
    assert tokens(presentation_forms) == tokens("مليون") == [stem("مليون")]
    assert stem("مليون") in STOPWORDS
    assert tokens("الإِيرادات") == tokens("الايرادات") == [stem("ايرادات")]
