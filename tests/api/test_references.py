import pytest

from claims.models import ReferenceStatement

pytestmark = pytest.mark.django_db

RECORD = {
    "key": "unemployment-q2",
    "statement": "تراجع معدل البطالة إلى 7.5% في الربع الثاني",
    "subject": "البطالة",
    "metric": "معدل البطالة",
    "value": "7.5",
    "unit": "%",
    "as_of": "2024-06",
    "aliases": ["نسبة البطالة"],
    "source_title": "نشرة الإحصاء",
    "source_url": "https://stats.example.org/q2",
}


def test_an_editor_adds_a_reference_in_the_import_format(editor_api, viewer_api):
    response = editor_api.post("/api/v1/references/", RECORD, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["outcome"] == "created"
    listed = viewer_api.get("/api/v1/references/").json()["results"]
    assert [record["key"] for record in listed] == ["unemployment-q2"]
    record = listed[0]
    for field in ("statement", "subject", "metric", "value", "unit", "as_of", "aliases", "source_title", "source_url"):
        assert record[field] == RECORD[field]


def test_reposting_a_key_updates_it(editor_api):
    editor_api.post("/api/v1/references/", RECORD, format="json")

    response = editor_api.post("/api/v1/references/", {**RECORD, "value": "7.4"}, format="json")

    assert response.status_code == 200 and response.json()["outcome"] == "updated"
    assert ReferenceStatement.objects.get().value_text == "7.4"


def test_it_rejects_a_bad_record(editor_api):
    response = editor_api.post("/api/v1/references/", {"key": "no statement here"}, format="json")

    assert response.status_code == 400
    assert not ReferenceStatement.objects.exists()


def test_a_reader_gets_one_reference_by_key(editor_api, viewer_api):
    editor_api.post("/api/v1/references/", RECORD, format="json")

    response = viewer_api.get("/api/v1/references/unemployment-q2/")

    assert response.status_code == 200 and response.json()["value"] == "7.5"


def test_a_reader_filters_references_by_subject(editor_api, viewer_api):
    editor_api.post("/api/v1/references/", RECORD, format="json")
    other = {"key": "exports-2023", "statement": "بلغت الصادرات 300 مليار ريال", "subject": "الصادرات"}
    editor_api.post("/api/v1/references/", other, format="json")

    listed = viewer_api.get("/api/v1/references/", {"subject": "الصادرات"}).json()["results"]

    assert [record["key"] for record in listed] == ["exports-2023"]
