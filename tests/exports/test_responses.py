"""`export_response`, the download the admin's bulk actions return."""

import io
import json

from openpyxl import load_workbook

from claims.exports import export_response
from claims.models import Claim


def _body(response) -> bytes:
    """Downloads are streamed (a file sent in blocks), never built in memory."""
    assert response.streaming
    return b"".join(response.streaming_content)


def test_a_csv_download_holds_only_the_selected_claims(newsroom):
    response = export_response(Claim.objects.filter(pk__in=[newsroom.wrong.pk, newsroom.open.pk]), "csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="verdicts-')
    assert response["Content-Disposition"].endswith('.csv"')
    raw = _body(response)
    assert raw.startswith(b"\xef\xbb\xbf")
    body = raw.decode("utf-8-sig")
    assert newsroom.wrong.text in body
    assert newsroom.open.text in body
    assert newsroom.unverifiable.text not in body


def test_an_xlsx_download_is_a_right_to_left_workbook(newsroom):
    response = export_response(Claim.objects.all(), "xlsx")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(_body(response)))
    assert workbook.active.sheet_view.rightToLeft
    assert workbook.active.max_row == 4


def test_a_json_download_is_the_claim_object_list(newsroom):
    response = export_response(Claim.objects.filter(pk=newsroom.wrong.pk), "json")

    [record] = json.loads(_body(response))
    assert record["quantities"][0]["check"]["reference_value"] == "5576000"


def test_a_claimreview_download_leaves_out_claims_not_yet_published(newsroom):
    response = export_response(Claim.objects.all(), "claimreview")

    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="claimreview-')
    assert [review["claimReviewed"] for review in json.loads(_body(response))] == [newsroom.wrong.text]
