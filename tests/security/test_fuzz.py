"""Fuzzing every door: every API operation of the OpenAPI schema, and the ingest, import_references and
extract commands. No input may give a 5xx or an unexpected exception; every bad record is reported
with its line, and the good records are kept.

Values mix hypothesis' own with the inputs known to break parsers and databases (NUL, lone
surrogates, deep nesting, huge exponents, NaN, javascript: and internal URLs)."""

import io
import json
import re
from urllib.parse import urlencode

import pytest
from django.core.management import CommandError, call_command
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.models import Article, ReferenceStatement
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

HOSTILE = [
    "\x00",
    "نص\x00عربي",
    "\ud800",
    "قيمة \udfff",
    "1e999999999",
    "-1e999999999",
    "1e-999999999",
    "NaN",
    "Infinity",
    "9" * 50,
    "-1",
    "0",
    "99999999999999999999999",
    "javascript:alert(1)",
    "http://169.254.169.254/latest/meta-data/",
    "http://localhost:22/",
    "ftp://files.example.org/x",
    "[" * 2000,
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "=HYPERLINK(\"http://x\")",
    "بلغت الإيرادات 85 مليار دولار في 2024",
    "٣٫٥ مليون",
    "",
    " ",
]
scalars = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
raw_bodies = st.sampled_from(
    [
        "[" * 100000,
        '{"a":' * 5000,
        '{"text": NaN}',
        '{"text": "\\u0000"}',
        '{"text": "\\ud800"}',
        '{"value": 1e999999999}',
        "not json at all",
        "",
        "null",
        '"a string"',
        "[]",
        "{" + '"k": 1,' * 3 + "}",
    ]
)


def _operations():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema.get("components", {}).get("schemas", {})
    operations = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            params = operation.get("parameters", [])
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            ref = body.get("$ref", "").rsplit("/", 1)[-1]
            fields = sorted(components.get(ref, {}).get("properties", {}))
            operations.append(
                (
                    method,
                    path,
                    [p["name"] for p in params if p["in"] == "path"],
                    [p["name"] for p in params if p["in"] == "query"],
                    fields,
                )
            )
    return operations


OPERATIONS = _operations()


def test_the_fuzz_covers_every_operation_of_the_api():
    paths = {path for _method, path, *_rest in OPERATIONS}
    assert {"/api/v1/articles/", "/api/v1/claims/{id}/verdict/", "/api/v1/lookup/", "/api/v1/check/"} <= paths
    assert len(OPERATIONS) >= 15


@pytest.fixture
def api_clients(viewer, editor, chief, settings):
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {name: "100000/minute" for name in rest["DEFAULT_THROTTLE_RATES"]}
    settings.REST_FRAMEWORK = rest
    settings.FACTCHECK_HTTP_ALLOWLIST = []
    users = {"viewer": viewer, "editor": editor, "chief": chief}
    return {"anonymous": client_for(), **{name: client_for(user) for name, user in users.items()}}


@pytest.mark.parametrize(("method", "path", "path_params", "query_params", "fields"), OPERATIONS)
def test_no_api_operation_answers_5xx(api_clients, method, path, path_params, query_params, fields):
    @FUZZ
    @given(
        who=st.sampled_from(sorted(api_clients)),
        path_values=st.lists(st.one_of(st.sampled_from(HOSTILE[4:13]), st.integers(-5, 10**20).map(str)), min_size=3),
        query=st.dictionaries(
            st.sampled_from(query_params or ["x"]), st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30))
        ),
        body=st.one_of(
            st.fixed_dictionaries({}, optional={name: json_values for name in fields}).map(json.dumps),
            json_values.map(json.dumps),
            raw_bodies,
        ),
    )
    def check(who, path_values, query, body):
        url = path
        for name, value in zip(path_params, path_values, strict=False):
            url = url.replace("{" + name + "}", re.sub(r"[/?#%]", "", value) or "1")
        client = api_clients[who]
        # As a real client sends them: UTF-8, percent-encoded (a lone surrogate as its raw bytes).
        query_string = urlencode({name: value.encode("utf-8", "surrogatepass") for name, value in query.items()})
        if method == "get":
            response = client.get(f"{url}?{query_string}")
        elif method == "delete":
            response = client.delete(url)
        else:
            response = getattr(client, method)(url, body, content_type="application/json")
        assert response.status_code < 500, (method, url, query, body[:200], response.content[:300])

    check()


# --- the commands ------------------------------------------------------------------------------------------

good_texts = st.builds(
    lambda number, word: f"أعلنت الوزارة أن {word} بلغ {number} مليون دولار في العام الماضي.",
    st.integers(1, 10**6),
    st.sampled_from(["الإنفاق", "العجز", "الاستثمار", "الدعم", "الدخل"]),
)
bad_article_lines = st.one_of(
    raw_bodies.filter(lambda raw: raw.strip() not in ("", "null")),
    st.just('{"text": "   "}'),
    st.just('{"title": "بلا نص"}'),
    st.just('{"text": 42}'),
    st.just('{"text": "نص", "published": "2025-02-30"}'),
    st.just('{"text": "نص فيه رابط", "url": "javascript:alert(1)"}'),
    st.just('{"text": "نص فيه \\u0000 صفر"}'),
    st.just('{"text": "نص فيه \\udc00 بديل"}'),
    st.just("[1, 2, 3]"),
)


def lines_of(layout, good_line):
    """A fuzzed file's lines: a ("good", value) item through good_line(number, value) -> (line, what it
    keeps), a ("bad", line) item as it is. Returns the lines, what the good ones keep, the bad ones' numbers."""
    lines, good, bad = [], [], []
    for number, (kind, content) in enumerate(layout, start=1):
        if kind == "good":
            line, kept = good_line(number, content)
            lines.append(line)
            good.append(kept)
        else:
            lines.append(content)
            bad.append(number)
    return lines, good, bad


@FUZZ
@given(
    layout=st.lists(
        st.one_of(st.tuples(st.just("good"), good_texts), st.tuples(st.just("bad"), bad_article_lines)), max_size=8
    )
)
def test_ingest_reports_every_bad_line_and_keeps_the_good_ones(tmp_path_factory, layout):
    Article.objects.all().delete()
    folder = tmp_path_factory.mktemp("ingest")
    path = folder / "batch.jsonl"
    lines, good, bad = lines_of(
        layout, lambda number, text: (json.dumps({"title": "خبر", "text": text}, ensure_ascii=False), text)
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = io.StringIO()

    try:
        call_command("ingest", str(path), "--sync", stdout=io.StringIO(), stderr=err)
    except CommandError:
        pass

    assert set(Article.objects.values_list("text", flat=True)) == set(good)
    for number in bad:
        assert f"batch.jsonl:{number}: " in err.getvalue(), (number, lines[number - 1][:100], err.getvalue())


reference_values = st.one_of(
    st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, allow_infinity=False, places=3).map(str),
    st.integers(0, 10**15).map(str),
)
bad_reference_lines = st.one_of(
    raw_bodies.filter(lambda raw: raw.strip() not in ("",)),
    st.sampled_from(["1e999999999", "1e-999999999", "NaN", "Infinity", "مئة", "9" * 80]).map(
        lambda value: json.dumps({"key": "bad-value", "statement": "بيان", "value": value})
    ),
    st.just(json.dumps({"statement": "بلا مفتاح"})),
    st.just(json.dumps({"key": "x", "statement": "بيان \u0000"})),
    st.just(json.dumps({"key": "y", "statement": "بيان", "source_url": "javascript:alert(1)"})),
    st.just(json.dumps({"key": "مفتاح عربي", "statement": "بيان"})),
)


@FUZZ
@given(
    layout=st.lists(
        st.one_of(st.tuples(st.just("good"), reference_values), st.tuples(st.just("bad"), bad_reference_lines)),
        min_size=1,
        max_size=8,
    )
)
def test_import_references_reports_every_bad_line_and_keeps_the_good_ones(tmp_path_factory, layout):
    ReferenceStatement.objects.all().delete()
    path = tmp_path_factory.mktemp("refs") / "refs.jsonl"
    lines, good, bad = lines_of(
        layout,
        lambda number, value: (
            json.dumps({"key": f"ref-{number}", "statement": f"بلغ المؤشر {value} نقطة", "value": value}),
            f"ref-{number}",
        ),
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = io.StringIO()

    try:
        call_command("import_references", str(path), stdout=io.StringIO(), stderr=err)
    except CommandError as exc:  # a file with no good line at all is refused as a whole, with a reason
        assert not good, exc
        return

    assert set(ReferenceStatement.objects.values_list("key", flat=True)) == set(good)
    for number in bad:
        assert f"line {number}" in err.getvalue(), (number, lines[number - 1][:100], err.getvalue())


bad_extract_lines = st.one_of(
    raw_bodies.filter(lambda raw: raw.strip() != ""),
    st.sampled_from(['{"text": 42}', '{"id": 1}', "[1, 2, 3]", '{"text": "\\u0000"}', '{"text": "\\ud800"}']),
)


@FUZZ
@given(
    layout=st.lists(
        st.one_of(
            st.tuples(st.just("good"), st.one_of(good_texts, st.text(max_size=60).filter(lambda t: "\x00" not in t))),
            st.tuples(st.just("bad"), bad_extract_lines.map(str.encode) | st.just(b"\xff\xfe\x00 not utf-8")),
        ),
        max_size=8,
    )
)
def test_extract_reports_every_bad_line_and_reads_the_others(monkeypatch, capsys, layout):
    lines, good, bad = lines_of(
        layout, lambda number, text: (json.dumps({"id": f"r{number}", "text": text}).encode(), f"r{number}")
    )

    class Stdin:
        buffer = io.BytesIO(b"\n".join(lines) + b"\n")

    monkeypatch.setattr("sys.stdin", Stdin)
    capsys.readouterr()
    call_command("extract", "--jsonl", "-")
    out, err = capsys.readouterr()

    assert [json.loads(line)["id"] for line in out.splitlines()] == good
    for number in bad:
        assert f"line {number}:" in err, (number, lines[number - 1][:100], err)


OTHER_DOORS = ["/api/schema/", "/api/docs/", "/reports/articles/{id}/", "/reports/articles/{id}.pdf"]


@pytest.mark.parametrize("path", OTHER_DOORS)
def test_the_schema_docs_and_reports_answer_no_5xx(client, chief, path):
    client.force_login(chief)

    @FUZZ
    @given(
        article_id=st.one_of(st.integers(0, 10**30), st.sampled_from([2**63, 2**63 - 1, 2**31])),
        query=st.dictionaries(
            st.sampled_from(["format", "lang", "page", "q"]), st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20))
        ),
    )
    def check(article_id, query):
        query_string = urlencode({name: value.encode("utf-8", "surrogatepass") for name, value in query.items()})
        response = client.get(f"{path.replace('{id}', str(article_id))}?{query_string}")
        assert response.status_code < 500, (path, article_id, query, response.content[:300])

    check()
