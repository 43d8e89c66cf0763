"""Big exports: streamed (constant memory) and, from the admin, written by a worker."""

import csv
import io
import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.exports import write_export
from claims.exports.jobs import export_job_run
from claims.models import Claim, ExportJob, ExportStatus
from claims.representations import ClaimSerializer
from claims.selectors.exports import claims_for_export

pytestmark = pytest.mark.django_db


def test_the_streamed_json_is_the_document_a_whole_list_gives(newsroom):
    streamed = io.StringIO()
    write_export("json", claims_for_export(), streamed)
    whole = ClaimSerializer(claims_for_export(), many=True).data

    assert streamed.getvalue() == json.dumps(whole, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder) + "\n"


def test_an_empty_streamed_list_is_valid_json(newsroom):
    streamed = io.StringIO()

    assert write_export("json", Claim.objects.none(), streamed) == 0
    assert json.loads(streamed.getvalue()) == []


def test_an_export_reads_claims_in_chunks_with_their_prefetches(newsroom, settings):
    settings.FACTCHECK_EXPORT_CHUNK = 1
    one_chunk = io.StringIO()
    with CaptureQueriesContext(connection) as per_claim:
        write_export("csv", claims_for_export(), one_chunk)
    settings.FACTCHECK_EXPORT_CHUNK = 1000
    with CaptureQueriesContext(connection) as all_at_once:
        write_export("csv", claims_for_export(), io.StringIO())

    # Three claims: chunks of one run the prefetches three times, a chunk of 1000 once.
    assert len(per_claim) > len(all_at_once)
    assert len(list(csv.reader(io.StringIO(one_chunk.getvalue().lstrip("\ufeff"))))) == 4


def test_a_big_selection_goes_to_a_worker_and_the_file_is_offered(
    client, editor, newsroom, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_EXPORT_INLINE_LIMIT = 1
    settings.MEDIA_ROOT = tmp_path
    settings.CELERY_TASK_ALWAYS_EAGER = True
    client.force_login(editor)
    selected = [newsroom.wrong.pk, newsroom.open.pk]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:claims_claim_changelist"), {"action": "export_csv", "_selected_action": selected}
        )

    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "admin:claims_exportjob_change", args=[job.pk]
    )
    assert job.status == ExportStatus.READY and job.records == 2
    download = client.get(reverse("admin:claims_exportjob_download", args=[job.pk]))
    body = b"".join(download.streaming_content).decode("utf-8-sig")
    assert newsroom.wrong.text in body and newsroom.open.text in body
    assert newsroom.unverifiable.text not in body


def test_a_small_selection_is_downloaded_at_once(client, editor, newsroom):
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_claim_changelist"), {"action": "export_json", "_selected_action": [newsroom.wrong.pk]}
    )

    assert response.status_code == 200 and not ExportJob.objects.exists()
    assert [record["id"] for record in json.loads(b"".join(response.streaming_content))] == [newsroom.wrong.pk]


def test_only_its_owner_downloads_an_export(client, editor, chief, newsroom, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    job = ExportJob.objects.create(requested_by=chief, fmt="csv", claim_ids=[newsroom.wrong.pk])
    export_job_run(job.pk)
    client.force_login(editor)

    assert client.get(reverse("admin:claims_exportjob_download", args=[job.pk])).status_code == 403
    client.force_login(chief)
    response = client.get(reverse("admin:claims_exportjob_download", args=[job.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert newsroom.wrong.text in body.decode("utf-8-sig")


def test_a_job_runs_once_and_a_failure_is_kept_on_its_row(chief, newsroom, settings, tmp_path, monkeypatch):
    from claims.exports import jobs

    settings.MEDIA_ROOT = tmp_path
    job = ExportJob.objects.create(requested_by=chief, fmt="csv", claim_ids=[newsroom.wrong.pk])
    monkeypatch.setattr(jobs, "write_export", lambda *args, **kwargs: 1 / 0)

    export_job_run(job.pk)
    job.refresh_from_db()

    assert job.status == ExportStatus.FAILED and "division by zero" in job.error
    assert export_job_run(job.pk) is None  # not queued any more: a second delivery does nothing
