"""Statistics tables read as reference records: periods, values, mappings, both file formats."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from claims.lib.tables import TableError, mapping_check, period_as_of, row_record, table_read, table_records

MAPPING = {"subject": "البلد", "metric": "المؤشر", "period": "السنة", "value": "القيمة", "unit": "USD"}
CSV = (
    "البلد,المؤشر,السنة,القيمة\n"
    "مصر,الناتج المحلي الإجمالي,2023,\"396,000\"\n"
    "الأردن,الناتج المحلي الإجمالي,2023,50.8\n"
)


@pytest.mark.parametrize(
    "period, as_of",
    [("2023", "2023"), ("2023-06", "2023-06"), ("2023/6", "2023-06"), ("Q2 2023", "2023-06"), ("2023Q4", "2023-12"),
     ("الربع الثاني 2023", "2023-06"), ("الربع الأول من عام 2024", "2024-03"), ("٢٠٢٢", "2022")],
)
def test_it_reads_the_periods_tables_use(period, as_of):
    assert period_as_of(period) == as_of


@pytest.mark.parametrize("period", ["", "العام الماضي", "2023-13", "1850"])
def test_it_refuses_an_unreadable_period(period):
    with pytest.raises(ValueError, match="period"):
        period_as_of(period)


def test_a_row_becomes_a_statement_with_its_as_of_and_a_stable_key():
    row = {"البلد": "مصر", "المؤشر": "الناتج المحلي الإجمالي", "السنة": "2023", "القيمة": "396,000"}
    record = row_record(name="gdp", mapping={**MAPPING, "scale": "1000000"}, row=row, source={"publisher": "بنك"})

    assert record["value"] == "396000000000"
    assert record["unit"] == "USD" and record["as_of"] == "2023" and record["origin"] == "table"
    assert record["subject"] == "مصر" and record["metric"] == "الناتج المحلي الإجمالي"
    assert "مصر" in record["statement"] and record["publisher"] == "بنك"
    assert record["key"] == row_record(name="gdp", mapping=MAPPING, row={**row, "القيمة": "1"}, source={})["key"]


def test_bad_rows_are_reported_and_good_ones_kept():
    table = table_read("t.csv", (CSV + "ليبيا,الناتج المحلي الإجمالي,2023,غير متاح\n,x,2023,5\n").encode())
    rows = list(table_records(table=table, name="gdp", mapping=MAPPING, source={}))

    assert [where for where, _ in rows] == ["line 2", "line 3", "line 4", "line 5"]
    assert Decimal(rows[0][1]["value"]) == 396000 and Decimal(rows[1][1]["value"]) == Decimal("50.8")
    assert isinstance(rows[2][1], ValueError) and "not a number" in str(rows[2][1])
    assert isinstance(rows[3][1], ValueError) and "empty subject" in str(rows[3][1])


def test_it_reads_xlsx_like_csv():
    workbook = Workbook()
    sheet = workbook.active
    for line in CSV.strip().splitlines():
        sheet.append([cell.strip('"') for cell in line.split(",", 3)])
    sheet.append(["السعودية", "الناتج المحلي الإجمالي", 2023, 1067.6])
    buffer = io.BytesIO()
    workbook.save(buffer)

    table = table_read("t.xlsx", buffer.getvalue())

    assert table.headers == ["البلد", "المؤشر", "السنة", "القيمة"]
    assert table.rows[-1] == (4, {"البلد": "السعودية", "المؤشر": "الناتج المحلي الإجمالي", "السنة": "2023",
                                  "القيمة": "1067.6"})


@pytest.mark.parametrize(
    "mapping, reason",
    [({"subject": "البلد"}, "must name the column"), ({**MAPPING, "value": "Value"}, "no such column"),
     ({**MAPPING, "colour": "x"}, "unknown mapping"), ("subject", "must be an object")],
)
def test_a_bad_mapping_is_refused_with_the_reason(mapping, reason):
    with pytest.raises(TableError, match=reason):
        mapping_check(mapping, ["البلد", "المؤشر", "السنة", "القيمة"])


@pytest.mark.parametrize("name, content", [("t.ods", b""), ("t.csv", b"\xff\xfe\x00"), ("t.xlsx", b"not a zip")])
def test_unreadable_files_are_refused(name, content):
    with pytest.raises(TableError):
        table_read(name, content)
