import json
from datetime import UTC, datetime

import pytest

from claims.lib.sources import SourceError, read_path

from .helpers import FIXTURES, articles, errors

pytestmark = pytest.mark.usefixtures("english")  # the messages compared are the English ones

STORY = (
    "ارتفعت صادرات المملكة غير النفطية بنسبة 12% خلال الربع الأول.\nوقالت الهيئة إن الرقم هو الأعلى منذ خمس سنوات.\n"
)


def write(path, content: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def test_it_reads_a_text_file_as_one_article_keeping_the_text_exactly(tmp_path):
    text = "\r\n   صادرات غير نفطية قياسية   \r\nارتفعت الصادرات بنسبة ١٢٪ مقارنة بالعام الماضي.\r\n\r\n"
    write(tmp_path / "001_exports.txt", "\ufeff".encode() + text.encode())

    [article] = read_path(tmp_path / "001_exports.txt")

    assert article.title == "صادرات غير نفطية قياسية"
    assert article.text == text  # BOM gone; CRLF, blank lines and padding untouched
    assert article.source == "001_exports.txt"
    assert (article.url, article.language, article.published_at) == (None, "ar", None)


def test_it_trims_a_long_first_line_to_500_characters_for_the_title(tmp_path):
    first_line = "تقرير " * 200
    write(tmp_path / "long.txt", first_line + "\nنص التقرير.")

    [article] = read_path(tmp_path / "long.txt")

    assert len(article.title) <= 500
    assert first_line.startswith(article.title)
    assert article.text.startswith(first_line)


def test_it_reads_files_without_extension_and_markdown_titles_without_heading_marks(tmp_path):
    write(tmp_path / "NOTES", STORY)
    write(tmp_path / "story.md", "# صادرات قياسية\n\n" + STORY)

    plain, markdown = read_path(tmp_path)

    assert plain.title == "ارتفعت صادرات المملكة غير النفطية بنسبة 12% خلال الربع الأول."
    assert plain.text == STORY
    assert markdown.title == "صادرات قياسية"
    assert markdown.text.startswith("# صادرات قياسية\n")


def test_it_extracts_the_story_from_an_html_page_without_its_chrome():
    [article] = read_path(FIXTURES / "news_page.html")

    assert article.title == "شركات الاتصالات الخليجية تضاعف استثماراتها في مراكز البيانات"
    assert article.url == "https://alrasd.example/economy/2025/03/04/gulf-data-centres"
    assert article.published_at.date().isoformat() == "2025-03-04"
    assert article.source == "news_page.html"
    assert "تتسابق شركات الاتصالات في دول الخليج" in article.text
    assert "محدودية العرض المحلي" in article.text  # the last paragraph, after the inline ad
    chrome = [
        "أسواق المال",  # navigation
        "بطاقة ائتمان",  # top banner ad
        "جزر المالديف",  # ad inside the story
        "اقرأ أيضاً",  # related links
        "أسعار الذهب",
        "أبو خالد",  # reader comments
        "الكهرباء عندنا تنقطع",
        "جميع الحقوق محفوظة",  # footer
        "النشرة البريدية",
        "dataLayer",  # scripts
    ]
    assert [piece for piece in chrome if piece in article.text] == []


def test_it_honours_the_charset_an_html_page_declares(tmp_path):
    page = (
        '<html><head><meta charset="windows-1256"><title>خبر</title></head><body><article>'
        "<p>أعلنت الحكومة عن خطة لتطوير شبكات الألياف الضوئية في المدن الصغيرة خلال العامين المقبلين، "
        "على أن تبدأ المرحلة الأولى في القرى الحدودية.</p></article></body></html>"
    )
    write(tmp_path / "cp1256.html", page.encode("cp1256"))

    [article] = read_path(tmp_path / "cp1256.html")

    assert "شبكات الألياف الضوئية" in article.text


def test_it_reports_an_html_page_without_extractable_text(tmp_path):
    write(tmp_path / "empty.html", "<html><head><title>صفحة</title></head><body><script>x()</script></body></html>")

    [error] = read_path(tmp_path / "empty.html")

    assert error == SourceError(source=str(tmp_path / "empty.html"), message="no extractable text in the HTML")


def test_it_reads_jsonl_and_reports_each_broken_line_by_number_keeping_the_others(tmp_path):
    dividend = "وافق مجلس الإدارة على توزيع أرباح نقدية على المساهمين عن العام المالي الماضي."
    html = f"<html><body><article><p>{dividend}</p></article></body></html>"
    lines = [
        json.dumps({"title": "خبر أول", "text": STORY, "url": "https://news.example/1", "published": "2025-01-21"}),
        '{"title": "خبر مكسور", "text": ',
        "",
        json.dumps({"title": "بلا نص"}),
        json.dumps({"html": html, "source": "وكالة الأنباء", "published": "2025-02-01T10:00:00+03:00"}),
        json.dumps({"text": "نص", "published": "أمس"}),
        json.dumps(["ليس", "كائناً"]),
        json.dumps({"text": "نص", "title": 7}),
    ]
    write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")

    items = list(read_path(tmp_path / "batch.jsonl"))

    first, second = articles(items)
    assert (first.title, first.text, first.source) == ("خبر أول", STORY, "batch.jsonl")
    assert first.url == "https://news.example/1"
    assert first.published_at == datetime(2025, 1, 21, tzinfo=UTC)
    assert second.text == dividend
    assert second.source == "وكالة الأنباء"
    assert second.published_at == datetime(2025, 2, 1, 7, 0, tzinfo=UTC)
    reported = {error.line: error.message for error in errors(items)}
    assert sorted(reported) == [2, 4, 6, 7, 8]
    assert reported[2].startswith("invalid JSON: ")
    assert reported[4] == 'the record has no "text" or "html"'
    assert reported[6] == "\"published\" is not an ISO 8601 date or date-time: 'أمس'"
    assert reported[7] == "expected a JSON object, got a list"
    assert reported[8] == '"title" must be a string, got a number'
    assert all(error.source == str(tmp_path / "batch.jsonl") for error in errors(items))


def test_it_reads_jsonl_with_windows_line_endings(tmp_path):
    lines = [json.dumps({"title": "أول", "text": "نص أول"}), json.dumps({"title": "ثان", "text": "نص ثان"})]
    write(tmp_path / "windows.jsonl", "\r\n".join(lines) + "\r\n")

    items = list(read_path(tmp_path / "windows.jsonl"))

    assert [(item.title, item.text) for item in items] == [("أول", "نص أول"), ("ثان", "نص ثان")]


def test_it_skips_a_broken_link_in_a_folder_and_reads_the_others(tmp_path):
    write(tmp_path / "a.txt", "خبر أول\nنص")
    (tmp_path / "b.txt").symlink_to(tmp_path / "b.txt")  # a link to itself: not a readable file
    write(tmp_path / "c.txt", "خبر ثالث\nنص")

    items = list(read_path(tmp_path))

    assert [article.title for article in articles(items)] == ["خبر أول", "خبر ثالث"]


def test_it_reports_invalid_utf8_in_one_jsonl_line_with_its_byte_offset_in_the_file(tmp_path):
    good = json.dumps({"text": "سطر سليم"}, ensure_ascii=False).encode() + b"\n"
    bad = b'{"text": "\xd3\xe1\xc7\xe3"}\n'  # the same kind of line saved as Windows-1256
    write(tmp_path / "mixed.jsonl", good + bad + good)

    items = list(read_path(tmp_path / "mixed.jsonl"))

    assert [article.text for article in articles(items)] == ["سطر سليم", "سطر سليم"]
    [error] = errors(items)
    assert error.line == 2
    assert error.message == f"not valid UTF-8 at byte {len(good) + 10}"


def test_it_reads_a_json_list_of_records_and_reports_bad_ones_by_position(tmp_path):
    records = [{"title": "أول", "text": "نص أول"}, {"title": "ثان"}, {"text": "نص ثالث\nسطر ثان"}]
    write(tmp_path / "batch.json", json.dumps(records, ensure_ascii=False))

    items = list(read_path(tmp_path / "batch.json"))

    assert [(article.title, article.text) for article in articles(items)] == [
        ("أول", "نص أول"),
        ("نص ثالث", "نص ثالث\nسطر ثان"),
    ]
    assert [error.message for error in errors(items)] == ['record 2: the record has no "text" or "html"']


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "نص"}', "expected a JSON list of articles, got an object"),
        ("[]", "empty list: no articles"),
    ],
)
def test_it_reports_a_json_file_that_is_not_a_list_of_articles(tmp_path, content, message):
    write(tmp_path / "bad.json", content)

    [error] = read_path(tmp_path / "bad.json")

    assert error.message == message


def test_it_reports_broken_json_with_its_line(tmp_path):
    write(tmp_path / "broken.json", '[\n  {"text": "نص"},\n  {"text": }\n]')

    [error] = read_path(tmp_path / "broken.json")

    assert (error.line, error.message) == (3, "invalid JSON: Expecting value (column 12)")


def test_it_reads_an_rss_feed_entry_by_entry():
    first, second = read_path(FIXTURES / "feed.rss")

    assert first.title == "مصرف مركزي خليجي يختبر عملة رقمية للمدفوعات بين البنوك"
    assert first.url == "https://alrasd.example/tech/2025/02/10/cbdc-pilot"
    assert first.published_at == datetime(2025, 2, 10, 5, 15, tzinfo=UTC)
    assert first.text.startswith("بدأ مصرف مركزي خليجي تجربة محدودة")  # the full content, not the summary
    assert "<p>" not in first.text
    assert "من أيام إلى دقائق" in first.text
    assert first.source == "feed.rss"
    assert second.text.startswith("تقول شركات التوظيف إن الوظائف الشاغرة")
    assert second.published_at == datetime(2025, 2, 11, 12, 0, tzinfo=UTC)


def test_it_reads_an_atom_feed():
    [entry] = read_path(FIXTURES / "feed.atom")

    assert entry.title == "محطة طاقة شمسية جديدة تدخل الخدمة في الصحراء"
    assert entry.url == "https://energy.example/2025/04/solar-plant"
    assert entry.published_at == datetime(2025, 4, 1, 6, 0, tzinfo=UTC)
    assert entry.text.startswith("دخلت محطة للطاقة الشمسية")


def test_it_reports_a_feed_entry_without_content_and_keeps_the_others(tmp_path):
    feed = (FIXTURES / "feed.rss").read_text(encoding="utf-8")
    feed = feed.replace(
        "</channel>", "<item><title>خبر بلا نص</title><link>https://x.example/3</link></item></channel>"
    )
    write(tmp_path / "feed.xml", feed)

    items = list(read_path(tmp_path / "feed.xml"))

    assert len(articles(items)) == 2
    [error] = errors(items)
    assert error.message == "entry 3: no content or summary in entry 'خبر بلا نص'"


def test_it_reports_an_xml_file_that_is_not_a_feed(tmp_path):
    write(tmp_path / "data.xml", "<?xml version='1.0'?><rows><row>١</row></rows>")

    [error] = read_path(tmp_path / "data.xml")

    assert error.message == "the feed has no entries"


def test_it_reads_a_folder_recursively_in_order_skipping_hidden_files(tmp_path):
    write(tmp_path / "b.txt", "الخبر الثاني\nنص")
    write(tmp_path / "a.txt", "الخبر الأول\nنص")
    write(tmp_path / "2025" / "march" / "c.txt", "الخبر الثالث\nنص")
    write(tmp_path / ".draft.txt", "مسودة\nنص")
    write(tmp_path / ".git" / "notes.txt", "ملاحظة\nنص")

    items = list(read_path(tmp_path))

    assert [(item.source, item.title) for item in items] == [
        ("2025/march/c.txt", "الخبر الثالث"),
        ("a.txt", "الخبر الأول"),
        ("b.txt", "الخبر الثاني"),
    ]


def test_it_reports_a_folder_with_no_files(tmp_path):
    (tmp_path / "empty").mkdir()

    [error] = read_path(tmp_path / "empty")

    assert error.message == f"no files to read in folder: {tmp_path / 'empty'}"


def test_it_reports_a_missing_path(tmp_path):
    missing = tmp_path / "nowhere" / "story.txt"

    [error] = read_path(missing)

    assert error == SourceError(source=str(missing), message=f"no such file or folder: {missing}")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", "\ufeff  \n\t\n".encode(), "empty file (only whitespace)"),
        ("nul.txt", b"\xd8\xae\xd8\xa8\xd8\xb1\x00\x01\x02", "binary file (contains NUL bytes), not text"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (a PDF document), not text"),
        ("story.txt", b"PK\x03\x04\x14\x00", "binary file (a ZIP archive or Office document (.docx, .xlsx)), not text"),
        ("utf16.txt", "خبر".encode("utf-16"), "UTF-16 text: save the file as UTF-8"),
        ("latin.txt", b"caf\xe9 au lait", "not valid UTF-8 at byte 3"),
        ("bom.txt", b"\xef\xbb\xbfabc\xff", "not valid UTF-8 at byte 6"),
        (
            "photo.png",
            b"\x89PNG\r\n",
            "unsupported file type '.png': expected .txt .md .html .htm .jsonl .json .xml .rss .atom (or no extension)",
        ),
    ],
)
def test_it_reports_bad_files_clearly(tmp_path, name, content, message):
    write(tmp_path / name, content)

    [error] = read_path(tmp_path / name)

    assert error == SourceError(source=str(tmp_path / name), message=message)


def test_it_hints_at_windows_1256_but_never_decodes_it(tmp_path):
    write(tmp_path / "windows.txt", "ارتفعت أسعار النفط اليوم بنسبة ثلاثة في المئة".encode("cp1256"))

    [error] = read_path(tmp_path / "windows.txt")

    assert error.message.startswith("not valid UTF-8 at byte 0; it looks like Windows-1256 (Arabic Windows) text")


def test_it_refuses_a_file_over_the_size_limit_without_reading_it(tmp_path, settings):
    settings.FACTCHECK_MAX_UPLOAD_BYTES = 100
    write(tmp_path / "big.txt", "خبر طويل\n" + "كلمة " * 100)
    write(tmp_path / "small.txt", "خبر قصير\nنص")

    big, small = read_path(tmp_path)

    assert isinstance(big, SourceError)
    assert big.message.startswith("file too large (")
    assert "the limit is 100 bytes" in big.message
    assert small.title == "خبر قصير"


def test_an_error_prints_as_file_line_and_message():
    assert str(SourceError(source="batch.jsonl", line=3, message="invalid JSON")) == "batch.jsonl:3: invalid JSON"
    assert str(SourceError(source="a.txt", message="empty file")) == "a.txt: empty file"
