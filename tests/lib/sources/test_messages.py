"""The readers speak the language of the door that reads: every problem of a file, a line, a record,
a feed entry or a web address is reported in Arabic when Arabic is active (the desk's default), with
only technical tokens (formats, encodings, JSON keys, numbers, the input's own names) in Latin
letters, and in English under English."""

import json

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from claims.lib import validation
from claims.lib.sources import read_path, read_upload, read_url

from .helpers import ARABIC_LETTER, FIXTURES, errors, foreign_words

WINDOWS_ARABIC = "أعلنت الوزارة أن عدد الزوار بلغ خمسة ملايين زائر هذا العام".encode("cp1256")
BROKEN_JSON = ["[1 2]", '{"a" 1}', "{1: 2}", "[1] x", '"abc', '"a\x01"', '"\\q"', '"\\u12"', "[1,]"]
BAD_RECORDS = [
    '"نص"',
    '{"title": "عنوان"}',
    '{"text": 5}',
    '{"text": "نص", "published": 2025}',
    '{"text": "نص", "published": "2025-13-01"}',
    '{"text": "نص", "url": "javascript:alert(1)"}',
    '{"text": "نص \\u0000"}',
    "[" * 40 + "]" * 40,
]
ENTRY_WITHOUT_TEXT = "<item><title>خبر بلا نص</title><link>https://x.example/3</link></item></channel>"
FEED_WITH_EMPTY_ENTRY = (FIXTURES / "feed.rss").read_text(encoding="utf-8").replace("</channel>", ENTRY_WITHOUT_TEXT)
NOT_A_FEED = b"<rss><channel>"

# name, content, the input's own values a message may quote as they are
FILES = {
    "empty": ("empty.txt", b"", ()),
    "whitespace": ("blank.txt", b" \n\t\n", ()),
    "nul": ("nul.txt", b"ab\x00c", ()),
    "pdf": ("report.txt", b"%PDF-1.7\n", ()),
    "zip": ("story.txt", b"PK\x03\x04\x14\x00", ()),
    "old office": ("story.doc.txt", b"\xd0\xcf\x11\xe0\xa1\xb1", ()),
    "png": ("photo.txt", b"\x89PNG\r\n", ()),
    "jpeg": ("photo2.txt", b"\xff\xd8\xff\xe0", ()),
    "gif": ("anim.txt", b"GIF89a", ()),
    "gzip": ("archive.txt", b"\x1f\x8b\x08", ()),
    "utf-16": ("utf16.txt", "خبر".encode("utf-16"), ()),
    "latin-1": ("latin.txt", b"caf\xe9 au lait", ()),
    "windows-1256": ("old.txt", WINDOWS_ARABIC, ()),
    "extension": ("story.docx", b"x", (".docx",)),
    "html without text": ("empty.html", b"<html><body><script>x()</script></body></html>", ()),
    "declared charset": ("page.html", b'<meta charset="ascii"><p>caf\xe9</p>', ("ascii",)),
    "broken json lines": ("broken.jsonl", "\n".join(BROKEN_JSON).encode(), ()),
    "bad records": ("records.jsonl", "\n".join(BAD_RECORDS).encode(), ("javascript:alert(1)",)),
    "json object": ("one.json", b'{"text": "x"}', ()),
    "json empty list": ("none.json", b"[]", ()),
    "json bad element": ("list.json", '[1, {"text": "نص", "title": 7}]'.encode(), ()),
    "json broken": ("broken.json", b'[{"text": "x"},', ()),
    "feed not xml": ("bad.xml", NOT_A_FEED, (str(feedparser.parse(NOT_A_FEED).bozo_exception),)),
    "feed no entries": ("rows.xml", b"<?xml version='1.0'?><rows><row>1</row></rows>", ()),
    "feed entry": ("feed.rss", FEED_WITH_EMPTY_ENTRY.encode(), ()),
}


def _messages(read) -> list[str]:
    found = [error.message for error in errors(read())]
    assert found, "the input was meant to be refused"
    return found


def _assert_arabic(arabic: list[str], english: list[str], *data: str):
    assert len(arabic) == len(english)
    for message, original in zip(arabic, english, strict=True):
        assert ARABIC_LETTER.search(message), message
        assert not foreign_words(message, *data), message
        assert "%(" not in message and "%(" not in original
        assert message != original


@pytest.mark.parametrize("case", FILES, ids=list(FILES))
def test_every_problem_of_a_file_is_said_in_arabic(tmp_path, case):
    name, content, data = FILES[case]
    (tmp_path / name).write_bytes(content)

    arabic = _messages(lambda: read_path(tmp_path / name))
    with translation.override("en"):
        english = _messages(lambda: read_path(tmp_path / name))

    _assert_arabic(arabic, english, *data)


def test_a_missing_path_an_empty_folder_and_an_oversized_upload_are_said_in_arabic(tmp_path, settings):
    settings.FACTCHECK_MAX_UPLOAD_BYTES = 10
    missing, folder = tmp_path / "nowhere", tmp_path / "empty"
    folder.mkdir()
    (folder / ".hidden.txt").write_text("نص")

    def read_all():
        upload = SimpleUploadedFile("long.txt", "خبر طويل جداً".encode())
        return [*read_path(missing), *read_path(folder), *read_upload(upload)]

    arabic = _messages(read_all)
    with translation.override("en"):
        english = _messages(read_all)

    _assert_arabic(arabic, english, str(missing), str(folder))
    assert arabic[0] == f"لا يوجد ملف أو مجلد بهذا المسار: {missing}"


def test_every_problem_of_a_web_address_is_said_in_arabic(site, settings):
    site.serve("/missing", "لا شيء", status=404)
    site.serve("/blank", b"  ", content_type="text/plain")
    site.serve("/report.pdf", b"%PDF-1.7", content_type="application/pdf")
    site.serve("/big", "خبر " * 50, content_type="text/plain")

    def read_all():
        settings.FACTCHECK_MAX_UPLOAD_BYTES = 5_242_880
        items = [*read_url(site.url("/missing")), *read_url(site.url("/blank")), *read_url(site.url("/report.pdf"))]
        items += read_url("ftp://example.com/a.txt")
        settings.FACTCHECK_MAX_UPLOAD_BYTES = 50
        return [*items, *read_url(site.url("/big"))]

    arabic = _messages(read_all)
    with translation.override("en"):
        english = _messages(read_all)

    _assert_arabic(arabic, english, "Not Found", "application/pdf", "ftp")
    assert arabic[0] == "أجاب الخادم برمز HTTP 404 Not Found"


@pytest.mark.parametrize("text", [*BROKEN_JSON, "", "{", '{"a": ', "nul", "-", '{"a": 1,}'])
def test_every_reason_the_json_parser_gives_has_a_translation(text):
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(text)

    assert caught.value.msg in validation.JSON_ERROR_REASONS
    assert validation.json_error_reason(caught.value) != caught.value.msg  # Arabic is active
    with translation.override("en"):
        assert validation.json_error_reason(caught.value) == caught.value.msg
