"""The CSV export reads plain rows (`claim_table`), not model instances: its file must be the one
the model-instance writer (`claim_row` for each claim of the export queryset) gives, byte for byte."""

import csv
import io
from decimal import Decimal

import pytest

from claims.exports import write_export
from claims.exports.formats import UTF8_BOM, csv_cell
from claims.exports.table import CLAIM_COLUMNS, claim_row
from claims.models import ClaimStatus, QuantityCheck
from claims.selectors.exports import claims_for_export
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    QuantityFactory,
    ReferenceStatementFactory,
    VerdictFactory,
)

pytestmark = pytest.mark.django_db

SECOND_ARTICLE = (
    "قالت الهيئة إن صادرات الخدمات الرقمية بلغت 12 مليار دولار بنمو 8% عن العام السابق. "
    "=وأضافت أن عدد العاملين في القطاع وصل إلى 45 ألف موظف. "
    "وتوقعت الهيئة أن يتضاعف حجم السوق خلال خمس سنوات."
)


def model_instance_csv(claims, lang):
    """The CSV as the writer before `claim_table` built it: `claim_row` over model instances."""
    stream = io.StringIO()
    stream.write(UTF8_BOM)
    writer = csv.writer(stream)
    writer.writerow([column.key for column in CLAIM_COLUMNS])
    for claim in claims:
        row = claim_row(claim, lang)
        writer.writerow([csv_cell(row[column.key]) for column in CLAIM_COLUMNS])
    return stream.getvalue()


@pytest.fixture
def mixed_newsroom(newsroom, editor):
    """Beside the newsroom: a claim whose suggestion names its second figure's reference (the leading
    check is not the first), a figure without a check, a text and a note a spreadsheet would run, a
    verdict without a reference, a claim without figures."""
    article = ArticleFactory(text=SECOND_ARTICLE, title="صادرات رقمية", source="002_exports.txt", status="ready")
    exports_reference = ReferenceStatementFactory(
        key="digital-exports-2024", text="بلغت صادرات الخدمات الرقمية 11.9 مليار دولار.", kind="money",
        value_text="11900000000", unit="USD", as_of="2024",
    )
    growth_reference = ReferenceStatementFactory(
        key="digital-exports-growth", text="نمت الصادرات الرقمية 8%.", kind="percent", value_text="8", unit="%",
    )
    mixed = ClaimFactory(
        article=article, text="قالت الهيئة إن صادرات الخدمات الرقمية بلغت 12 مليار دولار بنمو 8% عن العام السابق",
        status=ClaimStatus.SUGGESTED, suggested_verdict="supported", checkworthiness=0.9,
        suggestion={"verdict": "supported", "reference": growth_reference.key, "explanation": "-2 and more"},
    )
    money = QuantityFactory(claim=mixed, text="12 مليار دولار", kind="money", value_text="12000000000", unit="USD")
    percent = QuantityFactory(claim=mixed, text="8%", kind="percent", value_text="8", unit="%", position=1)
    QuantityCheck.objects.create(
        quantity=money, verdict="supported", reference=exports_reference, reference_value="11900000000",
        reference_unit="USD", ratio=Decimal("1.0084"), error="rounding", score=0.7,
        explanation_ar="قريب من المرجع بعد التقريب.", explanation_en="Close after rounding.",
    )
    QuantityCheck.objects.create(
        quantity=percent, verdict="supported", reference=growth_reference, reference_value="8", reference_unit="%",
        ratio=Decimal("1"), score=0.9, explanation_ar="مطابق للمرجع.", explanation_en="Matches the reference.",
    )
    workers = ClaimFactory(
        article=article, text="=وأضافت أن عدد العاملين في القطاع وصل إلى 45 ألف موظف", status=ClaimStatus.NEW,
        checkworthiness=0.9,
    )
    QuantityFactory(claim=workers, text="45 ألف", kind="count", value_text="45000", unit="")
    forecast = ClaimFactory(
        article=article, text="وتوقعت الهيئة أن يتضاعف حجم السوق خلال خمس سنوات", status=ClaimStatus.IN_REVIEW,
        checkworthiness=0.9,
    )
    VerdictFactory(claim=forecast, editor=editor, rating="misleading", note="+ لا مصدر لهذا التوقع")
    return newsroom


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_csv_is_byte_for_byte_the_model_instance_writers(mixed_newsroom, lang):
    streamed = io.StringIO()

    count = write_export("csv", claims_for_export(), streamed, lang=lang)

    assert count == 6
    assert streamed.getvalue() == model_instance_csv(claims_for_export(), lang)


def test_the_leading_check_is_the_one_the_suggestion_names(mixed_newsroom):
    streamed = io.StringIO()
    write_export("csv", claims_for_export(), streamed)
    rows = {row["claim_id"]: row for row in csv.DictReader(io.StringIO(streamed.getvalue().lstrip(UTF8_BOM)))}
    mixed = next(row for row in rows.values() if row["claim_text"].startswith("قالت الهيئة"))

    leading = (mixed["reference_key"], mixed["reference_value"], mixed["error_kind"])
    assert leading == ("digital-exports-growth", "8", "")
    assert mixed["figures"] == "12 مليار دولار → 12000000000 USD؛ 8% → 8 %"
