"""`python manage.py import_references FILE` (interfaces §2)."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from claims.models import ReferenceSource, ReferenceStatement
from tests.records import ARAMCO_PROFIT, NILE_LENGTH, VISITORS, jsonl

pytestmark = pytest.mark.django_db


def run(path):
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):  # the reasons compared below are the English ones
        call_command("import_references", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_imports_good_jsonl_lines_and_reports_each_bad_line_with_its_number(write_file):
    path = write_file(
        "refs.jsonl",
        jsonl(
            ARAMCO_PROFIT,
            {"statement": "بيان بلا مفتاح عن 5 ملايين زائر"},
            "{هذا ليس JSON",
            {"key": "bad-value", "statement": "بلغ العدد كذا", "value": "مئة"},
            {"key": "bad-date", "statement": "بلغ العدد 40 ألفا", "as_of": "2023-14"},
            {"key": "no-statement", "statement": "  "},
            NILE_LENGTH,
        ),
    )

    out, err = run(path)

    assert set(ReferenceStatement.objects.values_list("key", flat=True)) == {"aramco-net-profit-2023", "nile-length"}
    assert "line 2: missing key" in err
    assert "line 3: bad JSON" in err
    assert "line 4 (bad-value): bad value" in err
    assert "line 5 (bad-date): bad date in as_of" in err
    assert "line 6 (no-statement): missing statement" in err
    assert "created: 2, updated: 0, unchanged: 0, skipped: 5" in out


def test_it_stores_every_field_of_a_record_and_its_source():
    from claims.services.references import reference_upsert

    statement, action = reference_upsert(record=ARAMCO_PROFIT)

    assert action == "created"
    statement.refresh_from_db()
    assert statement.text == ARAMCO_PROFIT["statement"]
    assert statement.text_en.startswith("Saudi Aramco")
    assert (statement.kind, statement.value_text, statement.unit, statement.qualifier) == (
        "money",
        "121000000000",
        "USD",
        "exact",
    )
    assert statement.aliases == ["أرامكو السعودية", "Aramco"]
    assert statement.as_of == "2023"
    assert statement.source.title == "التقرير السنوي لأرامكو 2023"
    assert statement.source.publisher == "أرامكو السعودية"
    assert statement.source.published == date(2024, 3, 10)


def test_reimporting_a_key_updates_it_without_duplicating(write_file):
    run(write_file("first.jsonl", jsonl(ARAMCO_PROFIT, NILE_LENGTH)))
    changed = dict(ARAMCO_PROFIT, value="120000000000", statement="بلغ صافي أرباح أرامكو 120 مليار دولار.")

    out, _ = run(write_file("second.jsonl", jsonl(changed, NILE_LENGTH)))

    assert ReferenceStatement.objects.count() == 2
    assert ReferenceSource.objects.count() == 2
    statement = ReferenceStatement.objects.get(key="aramco-net-profit-2023")
    assert statement.value_text == "120000000000"
    assert statement.history.count() == 2  # created, then updated: the change is kept
    assert "created: 0, updated: 1, unchanged: 1, skipped: 0" in out


def test_it_imports_a_json_list_and_names_bad_items_by_their_index(write_file):
    path = write_file("refs.json", json.dumps([VISITORS, {"key": "x"}, "نص", NILE_LENGTH], ensure_ascii=False))

    out, err = run(path)

    assert ReferenceStatement.objects.count() == 2
    assert "item 1 (x): missing statement" in err
    assert "item 2: not a JSON object" in err
    assert "created: 2" in out and "skipped: 2" in out


def test_it_imports_csv_with_aliases_separated_by_bars_and_counts_rows_like_a_spreadsheet(write_file):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["key", "statement", "subject", "aliases", "value", "unit", "as_of"])
    writer.writeheader()
    writer.writerow(
        {
            "key": "nile-length",
            "statement": NILE_LENGTH["statement"],
            "subject": "نهر النيل",
            "aliases": "النيل | Nile",
            "value": "6650",
            "unit": "km",
            "as_of": "",
        }
    )
    writer.writerow({"key": "bad-value", "statement": "بلغ العدد 7", "value": "7,5", "unit": "", "as_of": ""})
    writer.writerow({"key": "", "statement": "صف بلا مفتاح", "value": "", "unit": "", "as_of": ""})
    path = write_file("refs.csv", buffer.getvalue())

    out, err = run(path)

    statement = ReferenceStatement.objects.get()
    assert statement.aliases == ["النيل", "Nile"]
    assert (statement.kind, statement.unit) == ("measure", "km")
    assert "line 3 (bad-value): bad value" in err
    assert "line 4: missing key" in err
    assert "created: 1, updated: 0, unchanged: 0, skipped: 2" in out


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.jsonl", None, "no such file"),
        ("refs.txt", "key,statement\n", "unknown format"),
        ("refs.json", '{"key": "a", "statement": "b"}', "must hold a list"),
        ("refs.json", "[{", "bad JSON"),
        ("refs.jsonl", "not json\nstill not json\n", "no line of the file is a JSON object"),
        ("refs.csv", "id,text\n1,2\n", "must name at least the columns key and statement"),
    ],
)
def test_it_fails_with_a_non_zero_exit_only_when_the_file_cannot_be_read(write_file, tmp_path, name, content, reason):
    path = tmp_path / name if content is None else write_file(name, content)

    with pytest.raises(CommandError, match=reason) as raised:
        run(path)

    assert raised.value.returncode != 0
    assert ReferenceStatement.objects.count() == 0


def test_a_file_whose_records_are_all_invalid_still_exits_cleanly_with_its_report(write_file):
    out, err = run(write_file("refs.jsonl", jsonl({"key": "only-key"})))

    assert "line 1 (only-key): missing statement" in err
    assert "skipped: 1" in out


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"key": "مفتاح عربي"}, "bad key"),
        ({"qualifier": "roughly"}, "bad qualifier"),
        ({"published": "March 2024"}, "bad date in published"),
        ({"as_of": "2023-02-30"}, "bad date in as_of"),
        ({"aliases": {"ar": "أرامكو"}}, "bad aliases"),
        ({"source_url": "not a url"}, "bad source_url"),
        ({"value": True}, "bad value"),
        ({"unit": "unit-longer-than-sixteen"}, "unit is longer"),
        ({"value": "مئة مليار"}, "is neither a number .* an ISO date .* nor a range"),
        ({"value": "2025-13-01", "unit": "date"}, "is not an ISO date"),
        ({"value": "2024-02-30", "unit": None}, "is not an ISO date"),
        ({"value": "2025-01-20", "unit": "USD"}, "is a date, but the unit 'USD' is for amounts"),
        ({"value": "NaN"}, "not a finite number"),
    ],
)
def test_it_explains_why_a_record_is_refused(changes, reason):
    from claims.services.references import ReferenceRecordError, reference_record_clean

    with translation.override("en"), pytest.raises(ReferenceRecordError, match=reason):
        reference_record_clean(dict(ARAMCO_PROFIT, **changes))


@pytest.mark.parametrize(
    ("changes", "kind", "value_text"),
    [
        ({"value": "2025-01-20", "unit": "date"}, "date", "2025-01-20"),
        ({"value": "2025-01-20", "unit": None}, "date", "2025-01-20"),
        ({"value": "2025-01", "unit": "date"}, "date", "2025-01"),
        ({"value": "2025-01", "unit": None}, "date", "2025-01"),
        ({"value": "2017", "unit": "date"}, "date", "2017"),
        ({"value": "66000000000-72000000000", "unit": "USD"}, "money", "66000000000-72000000000"),
        ({"value": "66e9 – 72e9", "unit": "USD"}, "money", "66e9 – 72e9"),
        ({"value": "1.3e12", "unit": "USD"}, "money", "1.3e12"),
    ],
)
def test_it_accepts_values_as_the_interface_writes_them(changes, kind, value_text):
    from claims.services.references import reference_record_clean

    cleaned = reference_record_clean(dict(ARAMCO_PROFIT, **changes))

    assert (cleaned["kind"], cleaned["value_text"]) == (kind, value_text)


def test_a_range_value_backs_a_figure_inside_it_and_an_iso_date_with_its_unit_backs_the_day(write_file):
    from claims.matching import statement_from_record

    spending = statement_from_record(
        {"key": "capex", "statement": "إنفاق رأسمالي متوقع", "value": "66e9-72e9", "unit": "USD"}
    )
    release = statement_from_record(
        {"key": "release", "statement": "موعد الإصدار", "value": "2025-01-20", "unit": "date"}
    )

    (range_figure,) = spending.figures
    assert (range_figure.qualifier, range_figure.extras["low"], range_figure.extras["high"]) == (
        "range",
        66 * 10**9,
        72 * 10**9,
    )
    assert [(figure.kind, figure.value) for figure in release.figures] == [("date", "2025-01-20")]
    record = {"key": "release", "statement": "موعد", "value": "2025-01-20", "unit": "date"}
    path = write_file("refs.jsonl", jsonl(record))
    out, err = run(path)
    assert err == "" and "created: 1" in out


def test_the_demo_reference_file_imports_without_a_skipped_record():
    from pathlib import Path

    demo = Path(__file__).resolve().parents[2] / "claims" / "demo" / "references.jsonl"
    if not demo.exists():
        pytest.skip("the demo references are not there yet")

    out, err = run(demo)

    assert err == ""
    assert ReferenceStatement.objects.count() == sum(1 for line in demo.read_text().splitlines() if line.strip())
