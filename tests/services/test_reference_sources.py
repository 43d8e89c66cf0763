"""Reference sources beyond typed records: ClaimReview, statistics tables, PDF reports."""

import csv
import io
import random
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from weasyprint import HTML

from claims.models import ReferenceOrigin, ReferenceStatement, ReferenceTableImport, TableImportStatus
from claims.services.matching import claims_match
from claims.services.reference_sources import table_import_create, table_import_queue, table_preview
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"

COUNTRIES = ["مصر", "الأردن", "المغرب", "تونس", "الجزائر", "السعودية", "الإمارات", "قطر", "الكويت", "عمان",
             "البحرين", "العراق", "لبنان", "السودان", "ليبيا", "موريتانيا", "اليمن", "سوريا", "فلسطين",
             "جيبوتي"]
INDICATORS = [
    "الناتج المحلي الإجمالي", "الصادرات السلعية", "الواردات السلعية", "الدين الخارجي",
    "احتياطي النقد الأجنبي", "إيرادات السياحة", "الاستثمار الأجنبي المباشر",
    "تحويلات العاملين في الخارج", "الإنفاق الحكومي", "الإيرادات الضريبية", "صادرات الفوسفات",
    "إنتاج القمح", "واردات القمح", "الإنفاق على التعليم", "الإنفاق على الصحة", "عجز الموازنة",
    "ميزان الحساب الجاري", "صادرات الغاز", "إنتاج الكهرباء", "استهلاك الكهرباء", "صادرات الخدمات",
    "واردات الخدمات", "الاستثمار العام", "المساعدات الإنمائية", "الاحتياطي من الذهب"
]
YEARS = range(2000, 2020)
MAPPING = {"subject": "country", "metric": "indicator", "period": "year", "value": "value", "unit": "USD",
           "scale": "1000000"}


def indicator_csv(path: Path) -> dict:
    """A 10,000-row indicator table (20 countries × 25 indicators × 20 years, values in USD millions)."""
    rng = random.Random(7)
    rows = {}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["country", "indicator", "year", "value"])
        for country in COUNTRIES:
            for indicator in INDICATORS:
                for year in YEARS:
                    value = rng.randrange(100, 90000)
                    rows[(country, indicator, year)] = value
                    writer.writerow([country, indicator, year, value])
    return rows


def test_a_10000_row_table_imports_in_a_task_with_progress_and_a_x10_claim_is_flagged(
    tmp_path, db, django_capture_on_commit_callbacks
):
    path = tmp_path / "indicators.csv"
    rows = indicator_csv(path)
    table_import = table_import_create(
        path=path, name="arab-indicators", mapping=MAPPING,
        source_title="قاعدة بيانات المؤشرات (مولدة للاختبار)", publisher="فريق الاختبار",
    )
    with django_capture_on_commit_callbacks(execute=True):
        table_import_queue(table_import=table_import)  # the Celery task, run eagerly
    table_import.refresh_from_db()
    assert table_import.status == TableImportStatus.DONE
    assert (table_import.rows_total, table_import.rows_done, table_import.created_count) == (10000, 10000, 10000)
    assert table_import.progress() == 100
    assert ReferenceStatement.objects.filter(origin=ReferenceOrigin.TABLE).count() == 10000

    true_value = rows[("الأردن", "صادرات الفوسفات", 2019)]  # millions of USD
    article = ArticleFactory(ready=True, text=
        "وفي تقرير اقتصادي جديد، قالت وزارة الصناعة إن صادرات الفوسفات في الأردن "
        f"بلغت {true_value * 10} مليون دولار في عام 2019.\n"
    )
    claims_match(claim_ids=article.claims.values_list("id", flat=True))

    check = article.claims.get().quantities.get(kind="money").match
    assert check.verdict == "contradicted"
    assert check.error == "scale"
    assert check.reference.subject == "الأردن" and check.reference.metric == "صادرات الفوسفات"
    assert check.reference.as_of == "2019"


def test_reimporting_a_table_updates_rows_instead_of_duplicating(tmp_path):
    path = tmp_path / "small.csv"
    path.write_text("country,indicator,year,value\nمصر,الناتج المحلي الإجمالي,2023,396\n", encoding="utf-8")
    args = ["import_references", str(path), "--format", "table", "--name", "gdp", "--mapping",
            '{"subject": "country", "metric": "indicator", "period": "year", "value": "value", "unit": "USD"}']
    call_command(*args, stdout=io.StringIO())
    path.write_text("country,indicator,year,value\nمصر,الناتج المحلي الإجمالي,2023,398\n", encoding="utf-8")
    out = io.StringIO()
    call_command(*args, stdout=out)

    statement = ReferenceStatement.objects.get(origin=ReferenceOrigin.TABLE)
    assert statement.value_text == "398"
    assert "updated: 1" in out.getvalue()


def test_the_preview_shows_the_first_rows_and_what_they_become(tmp_path):
    path = tmp_path / "t.csv"
    indicator_csv(path)
    preview = table_preview(upload_name="t.csv", content=path.read_bytes(), mapping=MAPPING)

    assert preview["total"] == 10000
    assert preview["headers"] == ["country", "indicator", "year", "value"]
    assert len(preview["rows"]) == len(preview["records"]) == 5
    where, record = preview["records"][0]
    assert where == "line 2" and record["subject"] == "مصر" and record["unit"] == "USD"


def test_a_table_command_without_a_mapping_is_refused(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="--name and --mapping"):
        call_command("import_references", str(path), "--format", "table")
    with pytest.raises(CommandError, match="no such column"):
        call_command("import_references", str(path), "--format", "table", "--name", "t", "--mapping",
                     '{"subject": "a", "metric": "b", "period": "c", "value": "d"}')
    assert not ReferenceTableImport.objects.exists()


def test_claimreview_imports_idempotently_and_a_matching_claim_shows_the_publishers_rating(db):
    path = FIXTURES / "claimreviews.jsonld"
    out = io.StringIO()
    call_command("import_references", str(path), "--format", "claimreview", stdout=out)
    call_command("import_references", str(path), "--format", "claimreview", stdout=out)

    review = ReferenceStatement.objects.get(origin=ReferenceOrigin.CLAIMREVIEW)
    assert review.rating == "مضلل (2/5)"
    assert review.review_url == "https://factcheck.example.org/ar/2025/stargate-jobs"
    assert review.source.publisher == "منصة تحقق تجريبية"
    assert "created: 1" in out.getvalue() and "unchanged: 1" in out.getvalue()

    article = ArticleFactory(

        ready=True, text="ونقلت صحيفة عن مصادر قولها إن مشروع ستارغيت سيوفر 100 ألف وظيفة خلال عامه الأول.\n"

    )
    claims_match(claim_ids=article.claims.values_list("id", flat=True))
    claim = article.claims.get()
    earlier = claim.checked_before[0]
    assert earlier["origin"] == "claimreview" and earlier["rating"] == "مضلل (2/5)"
    assert earlier["url"] == review.review_url and earlier["publisher"] == "منصة تحقق تجريبية"
    # The reviewed claim is the disputed one: it never supports the figure.
    assert claim.quantities.get(kind="count").match.verdict != "supported"


PDF_HTML = """<html dir="rtl" lang="ar"><head><meta charset="utf-8"></head>
<body style="font-family: 'Noto Naskh Arabic', sans-serif">
<h1>التقرير السنوي لشركة الاتصالات الوطنية 2024</h1>
<p>مقدمة: يعرض هذا التقرير أداء الشركة خلال العام.</p>
<p style="break-after: page">بلغت إيرادات شركة الاتصالات الوطنية 48 مليار ريال في عام 2024.</p>
<p>الفصل الثاني: الحوكمة والإدارة، دون أرقام.</p>
<p style="break-after: page">تعرض هذه الصفحة هيكل مجلس الإدارة.</p>
<p>ارتفع عدد مشتركي شركة الاتصالات الوطنية في خدمات الجيل الخامس إلى 12 مليون مشترك.</p>
</body></html>"""


def test_a_pdf_report_imports_with_page_numbers(tmp_path):
    path = tmp_path / "annual-report-2024.pdf"
    path.write_bytes(HTML(string=PDF_HTML).write_pdf())
    out = io.StringIO()
    call_command("import_references", str(path), "--source-title", "Annual report 2024", stdout=out)

    statements = ReferenceStatement.objects.filter(origin=ReferenceOrigin.PDF).order_by("page")
    pages = {statement.page: statement.text for statement in statements}
    assert "48 مليار ريال" in pages[1]
    assert "12 مليون مشترك" in pages[3]
    assert 2 not in pages
    assert "created: " in out.getvalue()


def test_a_broken_pdf_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 this is not really a pdf")
    with pytest.raises(CommandError, match="PDF"):
        call_command("import_references", str(path))


def test_the_admin_previews_a_table_then_imports_it_with_progress(client, chief, django_capture_on_commit_callbacks):
    client.force_login(chief)
    csv_text = (
        "country,indicator,year,value\n"
        "مصر,الناتج المحلي الإجمالي,Q2 2023,96.5\n"
        "تونس,الصادرات,2023,غير متاح\n"
    )
    upload = io.BytesIO(csv_text.encode())
    upload.name = "gdp.csv"
    response = client.post(
        "/admin/claims/referencetableimport/add/",
        {"name": "gdp-quarterly", "upload": upload, "subject": "country", "metric": "indicator", "period": "year",
         "value": "value", "unit": "USD", "scale": "1000000000"},
        follow=True,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "الناتج المحلي الإجمالي — مصر — Q2 2023: 96500000000 USD" in page
    assert "not a number" in page
    table_import = ReferenceTableImport.objects.get()
    assert table_import.status == TableImportStatus.QUEUED and not ReferenceStatement.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(f"/admin/claims/referencetableimport/{table_import.pk}/change/", {"_start_import": "1"})
    assert started.status_code == 302, started.content.decode()[-3000:]

    table_import.refresh_from_db()
    assert (table_import.status, table_import.created_count, table_import.skipped_count) == ("done", 1, 1)
    assert ReferenceStatement.objects.get().as_of == "2023-06"


def test_the_admin_refuses_a_mapping_that_names_no_column(client, chief):
    client.force_login(chief)
    upload = io.BytesIO(b"a,b\n1,2\n")
    upload.name = "t.csv"
    response = client.post(
        "/admin/claims/referencetableimport/add/",
        {"name": "t", "upload": upload, "subject": "country", "metric": "b", "period": "a", "value": "b"},
    )
    assert response.status_code == 200
    assert "no such column" in response.content.decode()
    assert not ReferenceTableImport.objects.exists()


def test_the_admin_imports_claimreview_from_an_uploaded_file(client, chief):
    client.force_login(chief)
    with (FIXTURES / "claimreviews.jsonld").open("rb") as upload:
        response = client.post("/admin/claims/referencestatement/import-claimreview/", {"upload": upload}, follow=True)

    assert response.status_code == 200
    assert ReferenceStatement.objects.filter(origin=ReferenceOrigin.CLAIMREVIEW).count() == 1


def test_a_viewer_cannot_import_claimreview(client, viewer):
    client.force_login(viewer)
    assert client.get("/admin/claims/referencestatement/import-claimreview/").status_code == 403


def test_the_reference_list_links_to_both_imports(client, chief):
    client.force_login(chief)
    page = client.get("/admin/claims/referencestatement/").content.decode()

    assert "/admin/claims/referencestatement/import-claimreview/" in page
    assert "/admin/claims/referencetableimport/add/" in page


def test_a_pdf_report_at_an_address_is_read_page_by_page(
    source_for_pdf, monkeypatch, django_capture_on_commit_callbacks
):
    import httpx

    from claims.lib import http
    from claims.models import ReferenceDocument
    from claims.services.references import reference_document_submit

    pdf = HTML(string=PDF_HTML).write_pdf()

    def fetch(url, **kwargs):
        headers = httpx.Headers({"content-type": "application/pdf"})
        return http.FetchResponse(url=url, status=200, reason="OK", headers=headers, content=pdf)

    monkeypatch.setattr(http, "fetch", fetch)
    with django_capture_on_commit_callbacks(execute=True):
        document = reference_document_submit(
            document=ReferenceDocument(source=source_for_pdf, url="https://example.org/report.pdf")
        )
    document.refresh_from_db()

    assert document.status == "ready", document.error
    assert set(document.statements.values_list("page", flat=True)) == {1, 3}
    assert document.statements.filter(page=3, text__contains="12 مليون مشترك").exists()


@pytest.fixture
def source_for_pdf(db):
    from claims.models import ReferenceSource

    return ReferenceSource.objects.create(title="Annual report 2024", url="https://example.org/report.pdf")


def test_claimreview_at_an_address_is_fetched_through_the_one_client(monkeypatch):
    import httpx

    from claims.lib import http
    from claims.services import reference_sources

    fetched = []

    def fetch(url, **kwargs):
        fetched.append(url)
        headers = httpx.Headers({"content-type": "application/ld+json"})
        content = (FIXTURES / "claimreviews.jsonld").read_bytes()
        return http.FetchResponse(url=url, status=200, reason="OK", headers=headers, content=content)

    monkeypatch.setattr(reference_sources, "fetch", fetch)
    call_command("import_references", "https://factcheck.example.org/feed.jsonld", stdout=io.StringIO())

    assert fetched == ["https://factcheck.example.org/feed.jsonld"]
    assert ReferenceStatement.objects.filter(origin=ReferenceOrigin.CLAIMREVIEW).count() == 1


def test_claimreview_from_a_refused_address_is_an_error_that_says_nothing_of_the_network(monkeypatch):
    from claims.lib import http
    from claims.services import reference_sources

    def refuse(url, **kwargs):
        raise http.FetchError("refused", "127.0.0.1 is loopback")

    monkeypatch.setattr(reference_sources, "fetch", refuse)
    with pytest.raises(CommandError) as error:
        call_command("import_references", "http://127.0.0.1:5432/x", "--format", "claimreview")

    assert str(http.FETCH_FAILED) in str(error.value) and "loopback" not in str(error.value)
    assert not ReferenceStatement.objects.exists()


@pytest.mark.parametrize(
    "upload_name, content, scale, reason",
    [
        ("t.xlsx", b"not a zip", "", "not a readable XLSX"),
        ("t.ods", b"PK spreadsheet", "", "unknown table format"),
        ("t.csv", b"country,indicator,year,value\n", "abc", "bad scale"),
        ("t.csv", b"country,indicator,year,value\n", "1e999", "bad scale"),
    ],
)
def test_the_admin_refuses_an_unreadable_table_or_a_bad_scale_with_the_reason(
    client, chief, upload_name, content, scale, reason
):
    client.force_login(chief)
    upload = io.BytesIO(content)
    upload.name = upload_name
    response = client.post(
        "/admin/claims/referencetableimport/add/",
        {"name": "t", "upload": upload, "subject": "country", "metric": "indicator", "period": "year",
         "value": "value", "scale": scale},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not ReferenceTableImport.objects.exists()


@pytest.mark.parametrize(
    "data, reason",
    [
        ({"url": ""}, "Give either a file or an address"),
        ({"url": "ftp://files.example.org/reviews.json"}, "Enter a valid URL"),
        ({"url": "file:///etc/passwd"}, "Enter a valid URL"),
    ],
)
def test_the_admin_claimreview_import_refuses_what_is_no_http_address(client, chief, data, reason):
    client.force_login(chief)
    response = client.post("/admin/claims/referencestatement/import-claimreview/", data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not ReferenceStatement.objects.exists()


def test_a_location_with_another_scheme_is_never_read_as_a_path():
    from django.utils import translation

    from claims.services.reference_sources import ReferenceSourceError, claimreview_import

    with translation.override("en"), pytest.raises(ReferenceSourceError, match="http and https"):
        claimreview_import(location="ftp://files.example.org/reviews.json")
