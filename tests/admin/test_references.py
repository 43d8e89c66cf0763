"""The reference admin: import/export through django-import-export, history, search, documents."""

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from claims.lib.records import RECORD_FIELDS
from claims.models import Claim, QuantityCheck, ReferenceDocument, ReferenceStatement
from claims.services.matching import claims_match
from claims.services.references import reference_upsert
from tests.factories import ArticleFactory
from tests.records import ARAMCO_PROFIT, NILE_LENGTH

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:claims_referencestatement_import")
PROCESS_URL = reverse("admin:claims_referencestatement_process_import")

CSV = (
    "key,statement,subject,aliases,value,unit,as_of\n"
    "nile-length,يبلغ طول نهر النيل نحو 6650 كيلومترا.,نهر النيل,النيل|Nile,6650,km,\n"
    "aramco-net-profit-2023,بلغ صافي أرباح أرامكو 121 مليار دولار.,أرامكو,Aramco,121000000000,USD,2023\n"
)


def csv_format_index(response) -> str:
    return next(value for value, label in response.context["form"].fields["format"].choices if label == "csv")


def test_the_resource_reports_bad_rows_with_their_number_and_keeps_the_good_ones():
    from claims.admin.references import ReferenceStatementResource

    dataset = tablib.Dataset(headers=["key", "statement", "value", "as_of"])
    dataset.append(["nile-length", NILE_LENGTH["statement"], "6650", ""])
    dataset.append(["", "صف بلا مفتاح", "", ""])
    dataset.append(["bad-date", "بلغ العدد 40 ألفا", "40000", "2023-02-30"])

    with translation.override("en"):
        result = ReferenceStatementResource().import_data(dataset, dry_run=False)

    assert list(ReferenceStatement.objects.values_list("key", flat=True)) == ["nile-length"]
    invalid = {row.number: " ".join(row.error.messages) for row in result.invalid_rows}
    assert set(invalid) == {2, 3}
    assert invalid[2] == "missing key"
    assert invalid[3].startswith("bad date in as_of: '2023-02-30'")


def test_an_editor_imports_a_csv_through_the_admin_and_importing_it_again_changes_nothing(client, editor):
    client.force_login(editor)
    form = client.get(IMPORT_URL)
    upload = SimpleUploadedFile("refs.csv", CSV.encode("utf-8"), content_type="text/csv")

    preview = client.post(IMPORT_URL, {"import_file": upload, "format": csv_format_index(form)})
    assert preview.status_code == 200
    assert not preview.context["result"].has_validation_errors()
    assert ReferenceStatement.objects.count() == 0  # the preview is a dry run
    confirm = preview.context["confirm_form"]
    done = client.post(PROCESS_URL, {name: confirm.initial[name] for name in confirm.fields})

    assert done.status_code == 302
    nile = ReferenceStatement.objects.get(key="nile-length")
    assert nile.aliases == ["النيل", "Nile"]
    assert (nile.kind, nile.unit) == ("measure", "km")
    assert nile.history.get().history_user == editor

    again = client.post(
        IMPORT_URL,
        {"import_file": SimpleUploadedFile("refs.csv", CSV.encode("utf-8")), "format": csv_format_index(form)},
    )
    totals = again.context["result"].totals
    assert (totals["new"], totals["update"], totals["skip"]) == (0, 0, 2)


def test_the_admin_preview_shows_why_a_row_is_refused(client, editor):
    client.force_login(editor)
    form = client.get(IMPORT_URL)
    bad = CSV + "x-1,بلغ العدد كذا,,,مئة,,\n"

    preview = client.post(
        IMPORT_URL,
        {"import_file": SimpleUploadedFile("refs.csv", bad.encode("utf-8")), "format": csv_format_index(form)},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert preview.context["result"].has_validation_errors()
    assert "bad value" in preview.content.decode()
    assert "confirm_form" not in preview.context


def test_a_viewer_may_export_but_not_import(client, viewer):
    client.force_login(viewer)

    assert client.get(IMPORT_URL).status_code == 403
    assert client.get(reverse("admin:claims_referencestatement_export")).status_code == 200


def test_the_export_writes_the_import_columns_and_reimports_as_is():
    from claims.admin.references import ReferenceStatementResource

    reference_upsert(record=ARAMCO_PROFIT)

    exported = ReferenceStatementResource().export()

    assert tuple(exported.headers) == RECORD_FIELDS
    row = dict(zip(exported.headers, exported[0], strict=True))
    assert row["aliases"] == "أرامكو السعودية|Aramco"
    assert row["statement"] == ARAMCO_PROFIT["statement"]
    assert row["source_title"] == ARAMCO_PROFIT["source_title"]
    assert row["published"] == "2024-03-10"
    result = ReferenceStatementResource().import_data(exported, dry_run=False)
    assert result.totals["skip"] == 1 and ReferenceStatement.objects.count() == 1


def test_the_change_history_of_a_statement_is_visible(client, editor):
    statement, _ = reference_upsert(record=ARAMCO_PROFIT)
    reference_upsert(record=dict(ARAMCO_PROFIT, value="120000000000"))
    client.force_login(editor)

    page = client.get(reverse("admin:claims_referencestatement_history", args=[statement.id]))

    assert page.status_code == 200
    assert len(page.context["page_obj"].object_list) == 2
    assert "120000000000" in page.content.decode()  # history_list_display shows the changed value


def test_an_editor_saving_a_statement_requeues_the_claims_it_backed(client, editor, db):
    statement, _ = reference_upsert(record=ARAMCO_PROFIT, rematch=False)
    article = ArticleFactory(
        ready=True, text="وقال بيان الشركة إن صافي أرباح أرامكو بلغ 12 مليار دولار خلال العام الماضي."
    )
    claims_match(claim_ids=article.claims.values_list("id", flat=True))
    client.force_login(editor)
    url = reverse("admin:claims_referencestatement_change", args=[statement.id])
    data = {
        "key": statement.key,
        "text": statement.text,
        "text_en": "",
        "language": "ar",
        "subject": "أرامكو",
        "metric": "",
        "aliases": "Aramco | أرامكو السعودية",
        "value_text": "12000000000",
        "unit": "USD",
        "qualifier": "exact",
        "as_of": "2023",
        "source": "",
    }

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    statement.refresh_from_db()
    assert statement.aliases == ["Aramco", "أرامكو السعودية"]
    assert statement.kind == "money"
    assert Claim.objects.get(article=article).needs_matching


def test_the_statement_form_refuses_what_the_import_refuses(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_referencestatement_add"),
        {"key": "x-1", "text": "بلغ العدد كذا", "language": "ar", "value_text": "مئة", "aliases": ""},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "bad value" in str(response.context["adminform"].form.non_field_errors())
    assert not ReferenceStatement.objects.exists()


def test_statements_can_be_found_by_an_arabic_alias(client, editor):
    reference_upsert(record=ARAMCO_PROFIT)
    reference_upsert(record=NILE_LENGTH)
    client.force_login(editor)

    page = client.get(reverse("admin:claims_referencestatement_changelist"), {"q": "أرامكو السعودية"})

    assert [s.key for s in page.context["cl"].result_list] == ["aramco-net-profit-2023"]


def test_an_editor_adds_a_document_by_pasting_its_text_and_sees_its_statements(
    client, editor, django_capture_on_commit_callbacks
):
    from claims.models import ReferenceSource

    source = ReferenceSource.objects.create(title="Petra Visitor Count")
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:claims_referencedocument_add"),
            {
                "source": source.id,
                "language": "ar",
                "text": "استقبلت مدينة البتراء 1.2 مليون زائر خلال عام 2023.\nوهي من عجائب الدنيا.",
                "url": "",
                "statements-TOTAL_FORMS": "0",
                "statements-INITIAL_FORMS": "0",
            },
        )

    assert response.status_code == 302
    document = ReferenceDocument.objects.get()
    assert document.status == "ready"
    page = client.get(reverse("admin:claims_referencedocument_change", args=[document.id]))
    assert "petra-visitor-count-1" in page.content.decode()


def test_a_document_needs_text_a_file_or_a_url(client, editor):
    from claims.models import ReferenceSource

    source = ReferenceSource.objects.create(title="Empty")
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_referencedocument_add"),
        {"source": source.id, "language": "ar", "text": "", "url": "",
         "statements-TOTAL_FORMS": "0", "statements-INITIAL_FORMS": "0"},
    )

    assert response.status_code == 200
    assert not ReferenceDocument.objects.exists()


def test_figure_checks_are_read_only_in_the_admin(client, chief, db):
    reference_upsert(record=ARAMCO_PROFIT, rematch=False)
    article = ArticleFactory(
        ready=True, text="وقال بيان الشركة إن صافي أرباح أرامكو بلغ 12 مليار دولار خلال العام الماضي."
    )
    claims_match(claim_ids=article.claims.values_list("id", flat=True))
    check = QuantityCheck.objects.first()
    client.force_login(chief)

    assert client.get(reverse("admin:claims_quantitycheck_add")).status_code == 403
    page = client.get(reverse("admin:claims_quantitycheck_change", args=[check.id]))
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False


def test_statement_text_is_escaped_in_the_admin_list(client, editor):
    reference_upsert(record={"key": "xss", "statement": "<script>alert(1)</script> بلغ العدد 5"})
    client.force_login(editor)

    page = client.get(reverse("admin:claims_referencestatement_changelist")).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
