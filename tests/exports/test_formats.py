"""Every export format, produced by `manage.py export_verdicts` and read back as its users would."""

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from claims.exports.formats import csv_cell
from claims.models import Claim, QuantityCheck
from tests.exports.conftest import ARTICLE_TEXT, SOURCE_FILE, WRONG_CLAIM
from tests.factories import ArticleFactory, ClaimFactory

SCORE_VERDICTS = Path(settings.BASE_DIR).parent / "shared" / "tools" / "score_verdicts.py"


def export(tmp_path, fmt, *args, suffix=None):
    output = tmp_path / f"export.{suffix or fmt}"
    call_command("export_verdicts", "--format", fmt, "--output", str(output), *args, stderr=io.StringIO())
    return output


def export_json(tmp_path, *args):
    return json.loads(export(tmp_path, "json", *args).read_text(encoding="utf-8"))


def by_id(records, claim):
    return next(record for record in records if record["id"] == claim.pk)


# --- JSON --------------------------------------------------------------------------------------------


def test_json_export_is_the_claim_object_of_interfaces_section_4(newsroom, tmp_path):
    record = by_id(export_json(tmp_path), newsroom.wrong)

    assert record["article"] == {
        "id": newsroom.article.pk,
        "title": "تكلفة تدريب النموذج الجديد",
        "source": SOURCE_FILE,
        "url": "https://news.example/ai/558",
    }
    assert record["text"] == WRONG_CLAIM
    assert ARTICLE_TEXT[record["start"] : record["end"]] == WRONG_CLAIM
    assert record["status"] == "published"
    [figure] = record["quantities"]
    assert ARTICLE_TEXT[figure["start"] : figure["end"]] == "558 مليون دولار"
    assert figure["value"] == "558000000"
    assert figure["unit"] == "USD"
    assert figure["check"]["verdict"] == "contradicted"
    assert figure["check"]["reference"] == "dsv3-training-cost"
    assert figure["check"]["reference_value"] == "5576000"
    assert figure["check"]["ratio"] == "100.07"
    assert figure["check"]["error"] == "scale"
    assert record["suggestion"]["verdict"] == "contradicted"
    assert record["suggestion"]["reference"] == "dsv3-training-cost"
    assert record["verdict"]["rating"] == "wrong_figure"
    assert record["verdict"]["label_ar"] == "خطأ في الرقم"
    assert record["verdict"]["label_en"] == "Wrong figure"
    assert record["verdict"]["editor"] == "editor"


def test_json_export_writes_decimals_as_strings_never_floats(newsroom, tmp_path):
    records = export_json(tmp_path)

    values = [q["value"] for r in records for q in r["quantities"]]
    checks = [q["check"] for r in records for q in r["quantities"] if q["check"]]
    assert values and all(isinstance(value, str) for value in values)
    assert all(isinstance(check["ratio"], str) and isinstance(check["reference_value"], str) for check in checks)


def test_json_export_to_stdout_is_the_same_list(newsroom):
    out = io.StringIO()
    call_command("export_verdicts", "--format", "json", stdout=out, stderr=io.StringIO())

    records = json.loads(out.getvalue())
    assert sorted(record["id"] for record in records) == sorted(Claim.objects.values_list("id", flat=True))


def test_json_export_holds_what_score_verdicts_reads(newsroom, tmp_path):
    records = export_json(tmp_path)

    for record in records:
        assert record["article"]["source"].endswith(SOURCE_FILE)
        for quantity in record["quantities"]:
            assert isinstance(quantity["start"], int) and isinstance(quantity["end"], int)
            assert "check" in quantity
    start = ARTICLE_TEXT.find("558 مليون دولار")
    overlapping = [
        q for r in records for q in r["quantities"] if q["start"] < start + len("558 مليون دولار") and start < q["end"]
    ]
    assert [q["check"]["verdict"] for q in overlapping] == ["contradicted"]


@pytest.mark.skipif(not SCORE_VERDICTS.exists(), reason="shared/tools/score_verdicts.py is not beside the repository")
def test_the_shared_score_verdicts_tool_scores_the_json_export(newsroom, tmp_path):
    export_path = export(tmp_path, "json")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / SOURCE_FILE).write_text(ARTICLE_TEXT, encoding="utf-8")
    expected = tmp_path / "expected.json"
    expected.write_text(
        json.dumps(
            [
                {
                    "doc": SOURCE_FILE,
                    "text": "558 مليون دولار",
                    "verdict": "contradicted",
                    "references": ["dsv3-training-cost"],
                    "ratio": [90, 110],
                }
            ]
        ),
        encoding="utf-8",
    )

    result = subprocess.run(
        [sys.executable, str(SCORE_VERDICTS), str(export_path), str(expected), str(articles)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert "verdicts: 1/1 right, 0 false contradictions" in result.stdout
    assert result.returncode == 0


# --- CSV ---------------------------------------------------------------------------------------------


def read_csv(path):
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_csv_export_starts_with_a_byte_order_mark_for_excel(newsroom, tmp_path):
    assert export(tmp_path, "csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_export_reads_back_one_row_per_claim_with_the_arabic_intact(newsroom, tmp_path):
    rows = read_csv(export(tmp_path, "csv"))

    assert len(rows) == 3
    row = next(row for row in rows if row["claim_id"] == str(newsroom.wrong.pk))
    assert row["claim_text"] == WRONG_CLAIM
    assert row["article_title"] == "تكلفة تدريب النموذج الجديد"
    assert row["article_source"] == SOURCE_FILE
    assert row["article_url"] == "https://news.example/ai/558"
    assert (row["status"], row["status_label"]) == ("published", "منشور")
    assert row["figures"] == "558 مليون دولار → 558000000 USD"
    assert (row["machine_verdict"], row["machine_verdict_label"]) == ("contradicted", "مُناقَض")
    assert (row["error_kind"], row["error_kind_label"]) == ("scale", "خطأ في المرتبة")
    assert row["reference_key"] == "dsv3-training-cost"
    assert row["reference_value"] == "5576000"
    assert row["reference_unit"] == "USD"
    assert row["ratio"] == "100.07"
    assert "مئة مرة" in row["explanation_ar"]
    assert "100 times" in row["explanation_en"]
    assert (row["rating"], row["rating_ar"], row["rating_en"]) == ("wrong_figure", "خطأ في الرقم", "Wrong figure")
    assert row["note"] == "الرقم الصحيح 5.576 مليون دولار"
    assert row["editor"] == "editor"
    assert row["decided_at"].startswith("2025-02-03T14:00")


def test_csv_export_in_english_labels_the_codes_in_english_and_keeps_the_codes(newsroom, tmp_path):
    rows = read_csv(export(tmp_path, "csv", "--lang", "en"))

    row = next(row for row in rows if row["claim_id"] == str(newsroom.wrong.pk))
    assert (row["status"], row["status_label"]) == ("published", "Published")
    assert (row["machine_verdict"], row["machine_verdict_label"]) == ("contradicted", "Contradicted")
    assert (row["error_kind"], row["error_kind_label"]) == ("scale", "scale slip")
    assert (row["rating_ar"], row["rating_en"]) == ("خطأ في الرقم", "Wrong figure")


def test_csv_export_defuses_formulas_in_text_but_keeps_negative_numbers(newsroom, tmp_path):
    Claim.objects.filter(pk=newsroom.open.pk).update(text='=HYPERLINK("https://evil.example","انقر")')
    QuantityCheck.objects.filter(quantity__claim=newsroom.wrong).update(reference_value="-3.5")

    rows = {row["claim_id"]: row for row in read_csv(export(tmp_path, "csv"))}

    assert rows[str(newsroom.open.pk)]["claim_text"] == '\'=HYPERLINK("https://evil.example","انقر")'
    assert rows[str(newsroom.wrong.pk)]["reference_value"] == "-3.5"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+971 4 000", "'+971 4 000"),
        ("-رقم سالب", "'-رقم سالب"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("نص عادي", "نص عادي"),
        (Decimal("-3.5"), "-3.5"),
        (Decimal("5.576E+6"), "5576000"),
        (-2, -2),
        (None, ""),
    ],
)
def test_csv_cells_prefix_only_text_that_a_spreadsheet_would_run(value, cell):
    assert csv_cell(value) == cell


# --- XLSX --------------------------------------------------------------------------------------------


def sheet_rows(sheet):
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_xlsx_export_is_right_to_left_with_a_frozen_styled_header(newsroom, tmp_path):
    workbook = load_workbook(export(tmp_path, "xlsx"))

    assert workbook.sheetnames == ["الادعاءات", "الأرقام", "ملخص"]
    assert all(sheet.sheet_view.rightToLeft for sheet in workbook.worksheets)
    claims = workbook["الادعاءات"]
    assert claims.freeze_panes == "A2"
    assert claims["A1"].value == "رقم الادعاء"
    assert claims["A1"].font.bold
    assert claims.column_dimensions["F"].width == 60


def test_xlsx_export_holds_the_claims_their_figures_and_a_summary(newsroom, tmp_path):
    workbook = load_workbook(export(tmp_path, "xlsx"))

    claims = {row["رقم الادعاء"]: row for row in sheet_rows(workbook["الادعاءات"])}
    wrong = claims[newsroom.wrong.pk]
    assert wrong["نص الادعاء"] == WRONG_CLAIM
    assert wrong["حكم المحرر"] == "wrong_figure"
    assert wrong["الحكم بالعربية"] == "خطأ في الرقم"
    assert wrong["القيمة المرجعية"] == 5576000
    figures = sheet_rows(workbook["الأرقام"])
    figure = next(row for row in figures if row["نص الرقم"] == "558 مليون دولار")
    assert figure["القيمة"] == 558000000
    assert (figure["رمز حكم الآلة"], figure["حكم الآلة"]) == ("contradicted", "مُناقَض")
    assert (figure["رمز النوع"], figure["النوع"]) == ("money", "مبلغ مالي")
    assert (figure["رمز نوع الخطأ"], figure["نوع الخطأ"]) == ("scale", "خطأ في المرتبة")
    assert (wrong["رمز الحالة"], wrong["الحالة"]) == ("published", "منشور")
    assert (wrong["رمز اقتراح الآلة"], wrong["اقتراح الآلة"]) == ("contradicted", "مُناقَض")
    assert figure["النسبة إلى المرجع"] == pytest.approx(100.07)
    assert len(figures) == 2
    summary = {row[0]: row[2] for row in workbook["ملخص"].iter_rows(values_only=True) if row and row[0]}
    assert summary["wrong_figure"] == 1
    assert summary["unverifiable"] == 1
    assert summary["true"] == 0
    assert summary["contradicted"] == 1
    machine = {row[0]: row[1] for row in workbook["ملخص"].iter_rows(values_only=True) if row and row[0]}
    assert machine["contradicted"] == "مُناقَض"


def test_xlsx_export_keeps_formula_looking_text_as_text(newsroom, tmp_path):
    Claim.objects.filter(pk=newsroom.open.pk).update(text="=1+1 كما قال المتحدث")

    workbook = load_workbook(export(tmp_path, "xlsx"))

    cell = next(row[5] for row in workbook["الادعاءات"].iter_rows(min_row=2) if row[0].value == newsroom.open.pk)
    assert cell.data_type == "s"
    assert cell.value == "=1+1 كما قال المتحدث"


def test_xlsx_export_in_english_names_its_sheets_and_columns_in_english(newsroom, tmp_path):
    workbook = load_workbook(export(tmp_path, "xlsx", "--lang", "en"))

    assert workbook.sheetnames == ["Claims", "Figures", "Summary"]
    assert workbook["Claims"]["F1"].value == "Claim"
    figure = next(row for row in sheet_rows(workbook["Figures"]) if row["Figure"] == "558 مليون دولار")
    assert (figure["Machine verdict code"], figure["Machine verdict"]) == ("contradicted", "Contradicted")
    assert (figure["Kind code"], figure["Kind"], figure["Error kind"]) == ("money", "money", "scale slip")


def test_xlsx_export_refuses_to_write_binary_to_stdout(newsroom):
    with pytest.raises(CommandError, match="--output"):
        call_command("export_verdicts", "--format", "xlsx", stdout=io.StringIO())


# --- ClaimReview -------------------------------------------------------------------------------------


def test_claimreview_export_describes_each_published_verdict(newsroom, tmp_path, settings):
    settings.SITE_URL = "https://factcheck.example/"
    settings.FACTCHECK_ORGANIZATION_NAME = "منصة التحقق"
    settings.FACTCHECK_ORGANIZATION_URL = "https://factcheck.example"

    [review] = json.loads(export(tmp_path, "claimreview", suffix="json").read_text(encoding="utf-8"))

    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == WRONG_CLAIM
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "خطأ في الرقم",
    }
    assert review["url"] == (
        f"https://factcheck.example/reports/articles/{newsroom.article.pk}/#claim-{newsroom.wrong.pk}"
    )
    assert review["author"] == {"@type": "Organization", "name": "منصة التحقق", "url": "https://factcheck.example"}
    assert review["datePublished"] == "2025-02-04"
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "appearance": [
            {"@type": "CreativeWork", "headline": "تكلفة تدريب النموذج الجديد", "url": "https://news.example/ai/558"}
        ],
        "datePublished": "2025-01-28",
    }


def test_claimreview_export_with_decided_verdicts_rates_unverifiable_in_words_only(newsroom, tmp_path):
    reviews = json.loads(
        export(tmp_path, "claimreview", "--include-decided", "--lang", "en", suffix="json").read_text(encoding="utf-8")
    )

    by_claim = {review["claimReviewed"]: review["reviewRating"] for review in reviews}
    assert len(reviews) == 2
    assert by_claim[WRONG_CLAIM]["alternateName"] == "Wrong figure"
    unverifiable = by_claim[newsroom.unverifiable.text]
    assert unverifiable == {"@type": "Rating", "alternateName": "Unverifiable"}


# --- Filters -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), {"wrong", "open", "unverifiable"}),
        (("--verdict", "wrong_figure"), {"wrong"}),
        (("--status", "suggested"), {"open"}),
        (("--suggested", "contradicted"), {"wrong"}),
        (("--published-only",), {"wrong"}),
        (("--since", "2000-01-01"), {"wrong", "open", "unverifiable"}),
        (("--since", "2999-01-01"), set()),
    ],
)
def test_export_filters_narrow_the_claims(newsroom, tmp_path, args, expected):
    ids = {record["id"] for record in export_json(tmp_path, *args)}

    assert ids == {getattr(newsroom, name).pk for name in expected}


def test_export_filter_by_article_leaves_other_articles_out(newsroom, tmp_path):
    other = ArticleFactory(
        text="قال الوزير إن الصادرات ارتفعت 12 بالمئة هذا العام.", title="الصادرات", source="002.txt"
    )
    ClaimFactory(article=other, text="قال الوزير إن الصادرات ارتفعت 12 بالمئة")

    ids = {record["id"] for record in export_json(tmp_path, "--article", str(newsroom.article.pk))}

    assert ids == {newsroom.wrong.pk, newsroom.open.pk, newsroom.unverifiable.pk}


def test_export_rejects_a_since_that_is_not_a_date(newsroom):
    with pytest.raises(CommandError, match="--since"):
        call_command("export_verdicts", "--format", "json", "--since", "last tuesday", stdout=io.StringIO())
