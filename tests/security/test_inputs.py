"""Hostile input at every door gets a clear refusal (400, or a line reported) and loses nothing else."""

import io
import json
import time
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from claims.lib import validation
from claims.models import Article, ArticleStatus, Quantity, ReferenceStatement

pytestmark = pytest.mark.django_db

GOOD = "أعلنت وزارة المالية أن الإيرادات النفطية بلغت 85 مليار دولار في العام الماضي."
SECOND = "قالت الهيئة إن عدد المشتركين في خدمات الجيل الخامس وصل إلى 12 مليون مشترك."
DEEP = "[" * 100000 + "]" * 100000


# --- the guards themselves ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (DEEP, "nested too deeply"),
        ('{"a":' * 40 + "1" + "}" * 40, "nested too deeply"),
        ('{"text": "\\u0000"}', "NUL"),
        ('{"text": "نص \\ud83d وحيد"}', "lone surrogate"),
        ('{"key\\u0000": 1}', "NUL"),
        ('{"value": NaN}', "not a JSON number"),
        ('{"value": -Infinity}', "not a JSON number"),
        ('{"value": 1e999999999}', "out of range"),
        ('{"value": ' + "9" * 5000 + "}", "bad JSON number"),
    ],
)
def test_json_guard_refuses_what_would_crash_or_poison_the_database(raw, reason):
    with translation.override("en"), pytest.raises(validation.InputError, match=reason):
        validation.json_loads(raw)


@pytest.mark.parametrize("raw", ["1e999999999", "-1e999999999", "1e-999999999", "NaN", "Infinity", "1" * 80])
def test_a_decimal_is_refused_before_any_arithmetic(raw):
    started = time.perf_counter()
    with pytest.raises(validation.InputError):
        validation.parse_decimal(raw)
    assert time.perf_counter() - started < 0.05


@pytest.mark.parametrize(
    ("raw", "value"), [("5580000", Decimal(5580000)), ("-1.25", Decimal("-1.25")), ("5.58e6", Decimal("5.58e6"))]
)
def test_ordinary_decimals_pass(raw, value):
    assert validation.parse_decimal(raw) == value


# --- the API ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        DEEP,
        json.dumps({"text": "نص فيه \u0000 محرف"}),
        '{"text": "\\ud800 نص"}',
        '{"text": NaN}',
    ],
)
def test_the_api_answers_400_to_hostile_json(editor_api, body):
    response = editor_api.post("/api/v1/articles/", body, content_type="application/json")

    assert response.status_code == 400
    assert "detail" in response.json()
    assert not Article.objects.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example.org/a.txt", "data:text/html,x"])
def test_the_api_refuses_a_url_that_is_not_http(editor_api, url):
    response = editor_api.post("/api/v1/articles/", {"text": GOOD, "url": url}, format="json")

    assert response.status_code == 400 and "url" in response.json()
    assert not Article.objects.exists()


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e-999999999", "1e999999999", "sNaN"])
def test_lookup_validates_its_value(viewer_api, value):
    started = time.perf_counter()
    response = viewer_api.get("/api/v1/lookup/", {"q": "الإيرادات النفطية", "value": value})

    assert response.status_code == 400 and "value" in response.json()
    assert time.perf_counter() - started < 2


def test_lookup_refuses_a_nul_in_the_query(viewer_api):
    response = viewer_api.get("/api/v1/lookup/", {"q": "الإيرادات\x00النفطية"})

    assert response.status_code == 400


# --- ingest, import_references, extract -------------------------------------------------------------------


def ingest(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        with translation.override("en"):  # the reasons compared are the English ones
            call_command("ingest", *args, "--sync", stdout=out, stderr=err)
    except CommandError as exc:
        err.write(str(exc))
    return out.getvalue(), err.getvalue()


def test_jsonl_ingest_reports_each_hostile_line_and_keeps_the_good_ones(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"title": "نفط", "text": GOOD}),
        DEEP,
        json.dumps({"title": "صفر", "text": "نص \u0000 فيه صفر"}),
        '{"title": "بديل", "text": "نص \\udc00 مكسور"}',
        json.dumps({"title": "رابط", "text": "نص عن 3 ملايين زائر", "url": "javascript:alert(1)"}),
        json.dumps({"title": "اتصالات", "text": SECOND, "url": "https://news.example.org/5g"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    _out, err = ingest(str(path))

    assert sorted(Article.objects.values_list("title", flat=True)) == ["اتصالات", "نفط"]
    for number, reason in ((2, "nested too deeply"), (3, "NUL"), (4, "lone surrogate"), (5, "http:// or https://")):
        assert f"batch.jsonl:{number}: " in err and reason in err, (number, err)


def test_a_deeply_nested_json_file_does_not_stop_the_other_files(tmp_path):
    (tmp_path / "a.json").write_text(DEEP, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": SECOND}) + "\n", encoding="utf-8")

    _out, err = ingest(str(tmp_path))

    assert Article.objects.count() == 2
    assert "nested too deeply" in err


def test_a_figure_beyond_the_numeric_column_is_kept_as_text_and_the_article_is_ready():
    from claims.services.articles import article_ingest

    text = (
        "قدّر التقرير حجم الدين العالمي بنحو 300000000000000000000000 دولار، "
        "بينما بلغت صادرات الشركة 45 مليون دولار في الربع الأخير."
    )
    article, _created = article_ingest(title="دين", text=text, source="test", sync=True)

    article.refresh_from_db()
    assert article.status == ArticleStatus.READY, article.error
    huge = Quantity.objects.get(claim__article=article, value__isnull=True, kind="money")
    assert huge.extras.get("out_of_range") is True and huge.value_text.startswith("3")
    assert Quantity.objects.filter(claim__article=article, value=Decimal(45_000_000)).exists()


def test_import_references_refuses_a_huge_exponent_fast_and_keeps_the_other_lines(tmp_path):
    path = tmp_path / "refs.jsonl"
    records = [
        {"key": "oil-revenue", "statement": GOOD, "value": "85000000000", "unit": "USD"},
        {"key": "huge", "statement": "رقم هائل", "value": "1e999999999"},
        {"key": "tiny", "statement": "رقم ضئيل", "value": "1e-999999999"},
        {"key": "nan", "statement": "ليس رقما", "value": "NaN"},
        {"key": "nul", "statement": "بيان \u0000 فيه صفر"},
        {"key": "bad-url", "statement": "بيان عن 5 ملايين", "source_url": "javascript:alert(1)"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n" + DEEP + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()

    started = time.perf_counter()
    try:
        call_command("import_references", str(path), stdout=out, stderr=err)
    except CommandError:
        pass

    assert time.perf_counter() - started < 10
    assert list(ReferenceStatement.objects.values_list("key", flat=True)) == ["oil-revenue"]
    for number in range(2, 8):
        assert f"line {number}" in err.getvalue(), (number, err.getvalue())


def test_extract_reports_bad_lines_and_goes_on(monkeypatch, capsys):
    good = [json.dumps({"id": "a", "text": "بلغ 5 ملايين"}), json.dumps({"id": "b", "text": "ارتفع 12%"})]
    lines = b"\n".join(
        [good[0].encode(), b'{"id": "s", "text": "\\ud800"}', b"\xff\xfe not utf-8", DEEP.encode(), good[1].encode()]
    )

    class Stdin:
        buffer = io.BytesIO(lines)

    monkeypatch.setattr("sys.stdin", Stdin)
    call_command("extract", "--jsonl", "-")
    out, err = capsys.readouterr()

    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "b"]
    assert "line 2" in err and "line 3" in err and "line 4" in err


def test_the_admin_refuses_an_uploaded_file_with_a_nul_and_stores_nothing(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from claims.forms import ArticleAddForm

    upload = SimpleUploadedFile("story.txt", f"{GOOD}\x00{SECOND}".encode())
    form = ArticleAddForm(data={"title": "", "source": ""}, files={"upload": upload})

    assert not form.is_valid()
    assert "NUL" in str(form.errors)


def test_a_figure_wider_than_the_value_column_stays_a_decimal_string():
    from claims.services.articles import article_ingest

    digits = "7" + "0" * 70
    text = f"زعم المنشور أن ثروة الرجل بلغت {digits} دولار، وأن شركته توظف 300 موظف في المدينة."
    article, _created = article_ingest(title="ثروة", text=text, source="test", sync=True)

    article.refresh_from_db()
    assert article.status == ArticleStatus.READY, article.error
    huge = Quantity.objects.get(claim__article=article, extras__out_of_range=True)
    assert huge.value is None and len(huge.value_text) <= 64
    assert Decimal(huge.value_text) == Decimal(digits)
