import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from claims.lib.sources import SourceError, read_upload

from .helpers import FIXTURES, articles, errors

pytestmark = pytest.mark.usefixtures("english")  # the messages compared are the English ones


def test_it_reads_an_uploaded_text_file_by_its_name():
    upload = SimpleUploadedFile("تقرير الربع.txt", "نمو الاقتصاد الرقمي\nسجل القطاع نمواً بنسبة 8%.".encode())

    [article] = read_upload(upload)

    assert (article.title, article.source) == ("نمو الاقتصاد الرقمي", "تقرير الربع.txt")
    assert article.text == "نمو الاقتصاد الرقمي\nسجل القطاع نمواً بنسبة 8%."


def test_it_reads_an_uploaded_html_page():
    upload = SimpleUploadedFile("page.HTML", (FIXTURES / "news_page.html").read_bytes(), content_type="text/html")

    [article] = read_upload(upload)

    assert article.title == "شركات الاتصالات الخليجية تضاعف استثماراتها في مراكز البيانات"
    assert "بطاقة ائتمان" not in article.text


def test_it_reads_an_uploaded_jsonl_batch_reporting_bad_lines():
    lines = [json.dumps({"title": "أ", "text": "نص أول"}), "not json", json.dumps({"title": "ب", "text": "نص ثان"})]
    upload = SimpleUploadedFile("batch.jsonl", "\n".join(lines).encode())

    items = read_upload(upload)

    assert [article.title for article in articles(items)] == ["أ", "ب"]
    assert [(error.source, error.line) for error in errors(items)] == [("batch.jsonl", 2)]


def test_it_refuses_an_upload_over_the_size_limit(settings):
    settings.FACTCHECK_MAX_UPLOAD_BYTES = 10
    upload = SimpleUploadedFile("long.txt", "خبر طويل جداً".encode())

    [error] = read_upload(upload)

    assert error.source == "long.txt"
    assert error.message.startswith("file too large (")


def test_it_reports_an_uploaded_word_document_as_binary():
    upload = SimpleUploadedFile("story.txt", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00")

    assert read_upload(upload) == [
        SourceError(
            source="story.txt", message="binary file (a ZIP archive or Office document (.docx, .xlsx)), not text"
        )
    ]


def test_it_keeps_only_the_base_name_of_an_uploaded_file():
    upload = SimpleUploadedFile("../../etc/notes.md", "# ملاحظات التحرير\nنص".encode())

    [article] = read_upload(upload)

    assert (article.source, article.title) == ("notes.md", "ملاحظات التحرير")
