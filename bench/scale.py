#!/usr/bin/env python3
"""The workbench at a newsroom's year of claims: grow a PostgreSQL database, then time every page.

Usage (PostgreSQL only; the database must be migrated):

    export DATABASE_URL=postgres://USER@HOST:5432/NAME
    python bench/scale.py grow --claims 1000000 [--reset]     # SQL generate_series, minutes
    python bench/scale.py measure [--rate 100] [--seconds 20] [--workers 2] [--json FILE]

`grow` writes articles (10 claims each, ~3.5 kB of text), claims, one figure and one machine check
per matched claim, verdicts on the decided 11%, a 2,000-statement reference library and the bench
users. Distributions: status new 24% / suggested 60% / in review 5% / decided 10% / published 1%;
machine verdict contradicted 6% / mixed 3% / supported 26% / unverified 65% of matched claims;
figures money, percent, count (30% each) and dates; created over the last year. The sentences are
built from a small vocabulary written for this benchmark. Secondary indexes are dropped during the
load and rebuilt after it (faster than maintaining them row by row), then the tables are ANALYZEd.

`measure` times, in this process through Django's test client (no HTTP server, so the figures are
the application's own time), each page of docs/performance.md with its SQL query count, the
median of --repeat runs after one warm-up; then starts gunicorn with --workers processes on
loopback and drives the lookup endpoint with an open-loop load generator (a thread pool firing
--rate requests per second for --seconds; latency counted from the scheduled send time, so a
slow server cannot hide its queue), and runs the CSV export of the decided claims in a child
process under /usr/bin/time for its wall time and peak RSS.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

from factcheck.embedded_redis import free_port  # noqa: E402 - the project's root goes on the path first

# Runs unattended as production runs (DEBUG off), over plain HTTP on loopback.
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

BENCH_PASSWORD = "bench-password-not-secret"
CLAIMS_PER_ARTICLE = 10
REFERENCES = 2000
EDITORS = 5
BATCH = 100_000

# The benchmark's own vocabulary (companies, metrics, units, phrasing), written for it.
SUBJECTS = [
    "شركة النور للتقنية", "مجموعة الواحة الرقمية", "مصرف الخليج الأول", "هيئة الاتصالات", "شركة سحاب للحوسبة",
    "مختبر الأفق للذكاء الاصطناعي", "صندوق الاستثمار الوطني", "شركة المدار للاتصالات", "منصة رواق التعليمية",
    "شركة بيان للبرمجيات", "وزارة الاقتصاد", "البنك المركزي", "شركة أمواج للطاقة", "مجموعة القمة القابضة",
    "شركة دليل للخرائط", "مؤسسة النماء", "شركة ضوء للرقائق", "هيئة الإحصاء", "شركة مسار للنقل الذكي",
    "منصة سوق الإلكترونية", "شركة نبض الصحية", "مركز البيانات الإقليمي", "شركة جسر للمدفوعات",
    "اتحاد شركات الألعاب", "شركة فجر للروبوتات", "مجلس التنمية الرقمية", "شركة كنز للتجارة",
    "شركة أثير للبث", "صندوق رأس المال الجريء", "شركة ندى للأغذية",
]
METRICS = [
    "إيراداتها السنوية", "تكلفة تدريب النموذج", "قيمتها السوقية", "جولة التمويل الأخيرة", "أرباحها الصافية",
    "إنفاقها على مراكز البيانات", "حصتها السوقية", "معدل نموها السنوي", "نسبة البطالة", "نسبة التضخم",
    "عدد مستخدميها النشطين", "عدد موظفيها", "عدد المشتركين", "عدد الأجهزة المبيعة", "عدد التنزيلات",
]
VERBS = ["بلغت", "تجاوزت", "وصلت إلى", "سجلت", "ارتفعت إلى", "انخفضت إلى"]
OPENERS = ["قالت", "أعلنت", "ذكرت", "أكدت", "كشفت"]
ERRORS = ["scale", "rounding", "currency", "year", "other"]
RATINGS = ["true", "mostly_true", "misleading", "wrong_figure", "false", "unverifiable"]
PARAGRAPH = (
    "تتابع غرفة الأخبار أرقام قطاع التقنية والاقتصاد في المنطقة، وتراجع المحررة كل رقم يرد في "
    "البيانات الصحفية والتقارير السنوية قبل نشره، وتقارنه بما تنشره الهيئات الرسمية والشركات نفسها "
    "في قوائمها المالية المدققة، فإذا اختلف الرقمان طلبت توضيحا من المصدر ونشرت التصحيح مع رابطه. "
)


def setup_django():
    import django

    django.setup()


def _vocabulary():
    from claims.extraction import normalize

    def both(words):
        return [list(words), [normalize(word) for word in words]]

    return {
        "subjects": both(SUBJECTS),
        "metrics": both(METRICS),
        "verbs": both(VERBS),
        "openers": both(OPENERS),
    }


# One row per claim: its random draws, then its text from them (raw and normalised vocabularies at
# the same index, so normalized_text is exactly normalize(text)).
CLAIM_DRAWS = """
    SELECT g,
           (g - 1) / {per_article} + 1 AS article_id,
           1 + floor(random() * %(ns)s)::int AS s, 1 + floor(random() * %(nm)s)::int AS m,
           1 + floor(random() * %(nv)s)::int AS v, 1 + floor(random() * %(no)s)::int AS o,
           CASE WHEN g %% 10 < 3 THEN 'money' WHEN g %% 10 < 6 THEN 'percent'
                WHEN g %% 10 < 9 THEN 'count' ELSE 'date' END AS kind,
           1 + floor(random() * 999)::int AS n,
           random() AS st, random() AS mv, random() AS p, random() AS w,
           now() - random() * interval '365 days' AS created
    FROM generate_series(%(lo)s, %(hi)s) AS g
"""


def _figure_sql(*, normalized: bool) -> str:
    """The figure as written in the claim, from the draws (`n` and `kind`); `ألف` folds to `الف`."""
    thousand = "الف" if normalized else "ألف"
    return (
        "CASE d.kind WHEN 'money' THEN d.n || ' مليون دولار' WHEN 'percent' THEN (1 + d.n %% 99) || '%%' "
        f"WHEN 'count' THEN d.n || ' {thousand}' ELSE 'عام ' || (2000 + d.n %% 26) END"
    )


def _sentence_sql(*, normalized: bool) -> str:
    o, s, m, v = ("no", "ns_", "nm_", "nv_") if normalized else ("ro", "rs", "rm", "rv")
    that = "ان" if normalized else "إن"
    return (
        f"voc.{o}[d.o] || ' ' || voc.{s}[d.s] || ' {that} ' || voc.{m}[d.m] || ' ' || voc.{v}[d.v] || ' ' || "
        + _figure_sql(normalized=normalized)
    )


def _status_sql() -> str:
    return (
        "CASE WHEN d.st < 0.24 THEN 'new' WHEN d.st < 0.84 THEN 'suggested' WHEN d.st < 0.89 THEN 'in_review' "
        "WHEN d.st < 0.99 THEN 'decided' ELSE 'published' END"
    )


def _machine_sql() -> str:
    return (
        "CASE WHEN d.st < 0.24 THEN '' WHEN d.mv < 0.06 THEN 'contradicted' WHEN d.mv < 0.09 THEN 'mixed' "
        "WHEN d.mv < 0.35 THEN 'supported' ELSE 'unverified' END"
    )


# The figure index (claims.services.checked_figures) of the decided claims.
FIGURE_INDEX_SQL = """
    INSERT INTO claims_checkedfigure (claim_id, kind, unit, value, value_text, decided_at)
    SELECT q.claim_id, q.kind, q.unit, q.value, q.value_text, v.decided_at
    FROM claims_quantity q JOIN claims_verdict v ON v.claim_id = q.claim_id
    JOIN claims_claim c ON c.id = q.claim_id WHERE c.status IN ('decided', 'published')
"""


def grow(claims: int, reset: bool) -> None:
    setup_django()
    from django.contrib.auth.models import Group, User
    from django.db import connection, transaction
    from rest_framework.authtoken.models import Token

    from claims import roles
    from claims.models import Claim

    if connection.vendor != "postgresql":
        sys.exit("grow needs PostgreSQL: set DATABASE_URL=postgres://…")
    tables = [
        "claims_checkedfigure", "claims_verdict", "claims_quantitycheck", "claims_quantity", "claims_claim",
        "claims_article", "claims_referencestatement", "claims_referencesource", "claims_dashboardsnapshot",
    ]
    if Claim.objects.exists() and not reset:
        sys.exit("The database already holds claims: add --reset to empty the workbench's tables first.")
    if reset:
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(tables)}, claims_historicalclaim, claims_historicalverdict "
                           "RESTART IDENTITY CASCADE")

    editors = []
    for index in range(1, EDITORS + 1):
        user, _ = User.objects.get_or_create(username=f"bench-editor-{index}", defaults={"is_staff": True})
        user.set_password(BENCH_PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=roles.CHIEF_EDITORS if index == 1 else roles.EDITORS))
        Token.objects.get_or_create(user=user)
        editors.append(user.pk)

    articles = (claims + CLAIMS_PER_ARTICLE - 1) // CLAIMS_PER_ARTICLE
    vocabulary = _vocabulary()
    started = time.perf_counter()
    # One transaction: a failed load leaves the database as it was, indexes included.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred FK checks pending at CREATE INDEX
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
            [tables],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
        _step(f"dropped {len(indexes)} secondary indexes", started)

        cursor.execute(
            "INSERT INTO claims_referencesource (id, title, publisher, url, reliability_note, created_at, updated_at) "
            "VALUES (1, 'مصدر مرجعي للاختبار', 'bench', 'https://example.org/bench', '', now(), now())"
        )
        cursor.execute(
            """
            INSERT INTO claims_referencestatement (id, key, source_id, text, text_en, language, subject, metric,
                aliases, kind, value_text, unit, qualifier, as_of, created_at, updated_at, origin, rating, review_url)
            SELECT g, 'bench-ref-' || g, 1, 'بلغت القيمة المرجعية رقم ' || g || ' نحو ' || g || ' مليون دولار',
                   '', 'ar', 'subject ' || g, 'metric', '[]'::jsonb, 'money', (g * 1000000)::text, 'USD', 'exact',
                   '2025', now(), now(), 'library', '', ''
            FROM generate_series(1, %s) AS g
            """,
            [REFERENCES],
        )
        for lo in range(1, articles + 1, BATCH):
            hi = min(articles, lo + BATCH - 1)
            cursor.execute(
                """
                INSERT INTO claims_article (id, title, source, url, language, text, content_hash, published_at,
                    ingested_at, status, status_changed_at, attempts, error, task_id)
                SELECT g, 'تقرير اقتصادي رقم ' || g, 'bench/' || g || '.txt', NULL, 'ar',
                       repeat(%s, 8) || ' (' || g || ')', md5('bench-article-' || g), t, t, 'ready', t, 1, '', ''
                FROM (SELECT g, now() - random() * interval '365 days' AS t FROM generate_series(%s, %s) AS g) a
                """,
                [PARAGRAPH, lo, hi],
            )
        _step(f"{articles:,} articles", started)

        sizes = {
            "ns": len(SUBJECTS), "nm": len(METRICS), "nv": len(VERBS), "no": len(OPENERS),
        }
        for lo in range(1, claims + 1, BATCH):
            hi = min(claims, lo + BATCH - 1)
            params = {**sizes, "lo": lo, "hi": hi}
            for name, (raw, folded) in vocabulary.items():
                params[name], params[name + "_n"] = raw, folded
            cursor.execute(
                f"""
                INSERT INTO claims_claim (id, article_id, start, "end", text, normalized_text, kind,
                    checkworthiness, status, assignee_id, priority, suggested_verdict, suggestion, suggested_at,
                    needs_matching, version, created_at, updated_at, checked_before, memory_key, origin)
                SELECT d.g, d.article_id, ((d.g - 1) %% {CLAIMS_PER_ARTICLE}) * 300,
                       ((d.g - 1) %% {CLAIMS_PER_ARTICLE}) * 300 + 200,
                       {_sentence_sql(normalized=False)},
                       {_sentence_sql(normalized=True)},
                       'numeric', round(d.w::numeric, 3), {_status_sql()}, NULL, floor(d.p * 100)::int,
                       {_machine_sql()},
                       CASE WHEN d.st < 0.24 THEN '{{}}'::jsonb ELSE jsonb_build_object(
                           'verdict', {_machine_sql()}, 'reference', 'bench-ref-' || (1 + d.g %% {REFERENCES}),
                           'score', round(d.w::numeric, 2), 'explanation', 'bench') END,
                       CASE WHEN d.st < 0.24 THEN NULL ELSE d.created END,
                       false, 1, d.created, d.created, '[]'::jsonb, '', 'extracted'
                FROM ({CLAIM_DRAWS.format(per_article=CLAIMS_PER_ARTICLE)}) d,
                     (SELECT %(openers)s::text[] AS ro, %(subjects)s::text[] AS rs, %(metrics)s::text[] AS rm,
                             %(verbs)s::text[] AS rv, %(openers_n)s::text[] AS no, %(subjects_n)s::text[] AS ns_,
                             %(metrics_n)s::text[] AS nm_, %(verbs_n)s::text[] AS nv_) voc
                """.replace("{{}}", "{}"),
                params,
            )
            _step(f"claims up to {hi:,}", started)

        # One figure per claim: its kind follows the claim id (as in CLAIM_DRAWS), its number is the
        # first run of digits in the claim's text.
        cursor.execute(
            """
            INSERT INTO claims_quantity (id, claim_id, position, start, "end", text, kind, value_text, value, unit,
                qualifier, precision, extras)
            SELECT c.id, c.id, 0, c.start + 150, c.start + 165, q.text, k.kind, q.value_text,
                   CASE WHEN k.kind = 'date' THEN NULL ELSE q.value_text::numeric END, q.unit, 'exact', NULL,
                   '{}'::jsonb
            FROM claims_claim c,
            LATERAL (SELECT substring(c.text from '([0-9]+)')::bigint AS n,
                            CASE WHEN c.id %% 10 < 3 THEN 'money' WHEN c.id %% 10 < 6 THEN 'percent'
                                 WHEN c.id %% 10 < 9 THEN 'count' ELSE 'date' END AS kind) k,
            LATERAL (SELECT CASE k.kind WHEN 'money' THEN k.n || ' مليون دولار' WHEN 'percent' THEN k.n || '%%'
                                        WHEN 'count' THEN k.n || ' ألف' ELSE 'عام ' || k.n END AS text,
                            CASE k.kind WHEN 'money' THEN (k.n * 1000000)::text
                                        WHEN 'count' THEN (k.n * 1000)::text ELSE k.n::text END AS value_text,
                            CASE k.kind WHEN 'money' THEN 'USD' WHEN 'percent' THEN %s ELSE '' END AS unit) q
            """,
            ["%"],
        )
        _step("quantities", started)
        cursor.execute(
            """
            INSERT INTO claims_quantitycheck (id, quantity_id, verdict, reference_id, reference_value, reference_unit,
                ratio, error, score, explanation_ar, explanation_en, candidates, checked_at)
            SELECT q.id, q.id, CASE c.suggested_verdict WHEN 'mixed' THEN 'contradicted' ELSE c.suggested_verdict END,
                   1 + q.id %% %s, q.value_text, q.unit,
                   CASE WHEN c.suggested_verdict IN ('contradicted', 'mixed') THEN 100 ELSE 1 END,
                   CASE WHEN c.suggested_verdict IN ('contradicted', 'mixed')
                        THEN (%s::text[])[1 + q.id %% 5] ELSE '' END,
                   0.8, 'شرح آلي للمقارنة', 'machine explanation', '[]'::jsonb, c.suggested_at
            FROM claims_quantity q JOIN claims_claim c ON c.id = q.claim_id
            WHERE c.suggested_verdict <> ''
            """,
            [REFERENCES, ERRORS],
        )
        _step("figure checks", started)
        cursor.execute(
            """
            INSERT INTO claims_verdict (id, claim_id, rating, note, reference_id, editor_id, decided_at,
                published_by_id, published_at, correct_value, correct_unit)
            SELECT c.id, c.id, (%s::text[])[1 + c.id %% 6], '', 1 + c.id %% %s, (%s::bigint[])[1 + c.id %% %s],
                   c.created_at + interval '1 day',
                   CASE WHEN c.status = 'published' THEN (%s::bigint[])[1] END,
                   CASE WHEN c.status = 'published' THEN c.created_at + interval '2 days' END, '', ''
            FROM claims_claim c WHERE c.status IN ('decided', 'published')
            """,
            [RATINGS, REFERENCES, editors, len(editors), editors],
        )
        _step("verdicts", started)
        cursor.execute(FIGURE_INDEX_SQL)
        _step("figure index", started)
        for table in tables[:-1]:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 1))"
            )
        for name, definition in indexes:
            cursor.execute(definition)
            _step(f"index {name}", started)
        for table in tables:
            cursor.execute(f"ANALYZE {table}")
        _step("analyzed", started)
    print(f"[grow] {claims:,} claims in {time.perf_counter() - started:.0f} s", flush=True)


def _step(what: str, started: float) -> None:
    print(f"[grow] {time.perf_counter() - started:7.1f} s  {what}", flush=True)


# --- measure -----------------------------------------------------------------------------------------


def _timed(client, method: str, path: str, repeat: int, **kwargs) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call = getattr(client, method)
    response = call(path, **kwargs)  # warm-up
    if response.status_code >= 400:
        raise RuntimeError(f"{path}: {response.status_code} {response.content[:300]!r}")
    times, cpu_times, sql_times, queries = [], [], [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started, cpu = time.perf_counter(), time.process_time()
            response = call(path, **kwargs)
            content = b"".join(response.streaming_content) if response.streaming else response.content
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu)
        queries = len(captured)
        sql_times.append(sum(float(query["time"]) for query in captured.captured_queries))
    return {
        "ms": round(statistics.median(times) * 1000, 1),
        # The database's share (as the client sees each query), apart from Python and templates.
        "sql_ms": round(statistics.median(sql_times) * 1000, 1),
        # CPU this process spent (Django, templates, serialisers): what a less loaded host would take.
        "cpu_ms": round(statistics.median(cpu_times) * 1000, 1),
        "queries": queries,
        "bytes": len(content),
    }


def _deep_cursor(claim_id: int) -> str:
    return base64.b64encode(urllib.parse.urlencode({"p": str(claim_id)}).encode()).decode()


def _lookup_queries(sample: int) -> list[dict]:
    """Lookup requests: decided claims' own text, a shortened rewording, a bare figure, and misses."""
    from claims.models import Claim, ClaimStatus

    rng = random.Random(16)
    decided = list(
        Claim.objects.filter(status=ClaimStatus.DECIDED).order_by("-id").values_list("text", flat=True)[:sample]
    )
    queries = []
    for text in decided:
        words = text.split()
        queries.append({"q": text})
        queries.append({"q": " ".join(words[1:])})
        queries.append({"q": rng.choice(SUBJECTS) + " " + words[-2] + " " + words[-1]})
    queries.append({"q": "ارتفع عدد سكان المريخ إلى 12 مليون نسمة"})
    return queries


def measure_pages(repeat: int) -> dict:
    setup_django()
    from django.contrib.auth.models import User
    from django.test import Client
    from django.test.utils import setup_test_environment
    from rest_framework.authtoken.models import Token

    from claims.models import Claim, ClaimStatus

    setup_test_environment()
    editor = User.objects.get(username="bench-editor-2")
    admin = Client()
    admin.force_login(editor)
    token = Token.objects.get(user=editor).key
    api = Client(HTTP_AUTHORIZATION=f"Token {token}")
    claim = Claim.objects.filter(status=ClaimStatus.SUGGESTED).order_by("-id").first()
    lowest = Claim.objects.order_by("id").values_list("id", flat=True)[1000]
    lookups = _lookup_queries(3)
    paragraph = (
        "قالت شركة سحاب للحوسبة إن إيراداتها السنوية بلغت 512 مليون دولار في العام الماضي، "
        "وأكدت هيئة الإحصاء أن نسبة البطالة انخفضت إلى 7% بعد أن كانت 9% قبل عامين."
    )
    rows = {
        "admin queue, page 1 (default)": ("get", "/admin/claims/claim/", admin, {}),
        "admin queue, status filter": ("get", "/admin/claims/claim/?status__exact=suggested", admin, {}),
        "admin queue, Arabic search": ("get", "/admin/claims/claim/?q=" + urllib.parse.quote("إيراداتها السنوية"),
                                       admin, {}),
        "admin queue, kind filter": ("get", "/admin/claims/claim/?kind=percent", admin, {}),
        "dashboard": ("get", "/admin/claims/claim/dashboard/", admin, {}),
        "claim page": ("get", f"/admin/claims/claim/{claim.pk}/change/", admin, {}),
        "article list": ("get", "/admin/claims/article/", admin, {}),
        "API claims, page 1": ("get", "/api/v1/claims/", api, {}),
        "API claims, deep page": ("get", f"/api/v1/claims/?cursor={_deep_cursor(lowest)}", api, {}),
        "API claims, status filter": ("get", "/api/v1/claims/?status=decided", api, {}),
        "API lookup (serial, uncached)": None,
        "API lookup (cached answer)": ("get", "/api/v1/lookup/?" + urllib.parse.urlencode(lookups[0]), api, {}),
        "API check (one paragraph)": ("post", "/api/v1/check/", api,
                                      {"data": {"text": paragraph}, "content_type": "application/json"}),
    }
    results = {}
    for name, spec in rows.items():
        if spec is None:
            results[name] = _serial_lookups(api, lookups)
        else:
            method, path, client, kwargs = spec
            results[name] = _timed(client, method, path, repeat, **kwargs)
        print(f"[measure] {name}: {results[name]}", flush=True)
    return results


def _serial_lookups(api, lookups: list[dict]) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, cpu_times, sql_times = [], [], []
    for params in lookups:
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started, cpu = time.perf_counter(), time.process_time()
            response = api.get("/api/v1/lookup/", params)
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu)
        sql_times.append(sum(float(query["time"]) for query in captured.captured_queries))
        if response.status_code != 200:
            raise RuntimeError(f"lookup {params}: {response.status_code}")
    times.sort()
    return {
        "ms": round(statistics.median(times) * 1000, 1),
        "p95_ms": round(_percentile(times, 0.95) * 1000, 1),
        "sql_ms": round(statistics.median(sql_times) * 1000, 1),
        "cpu_ms": round(statistics.median(cpu_times) * 1000, 1),
        "requests": len(times),
    }


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure_load(*, rate: float | None, seconds: float, workers: int, cached: bool) -> dict:
    """gunicorn with `workers` processes on lookup: an open loop at `rate` requests/s, or (rate None)
    a closed loop. The cache is CACHE_URL's (set it to a Redis database: shared by the workers)."""
    setup_django()
    from django.contrib.auth.models import User
    from rest_framework.authtoken.models import Token

    token = Token.objects.get(user=User.objects.get(username="bench-editor-2")).key
    lookups = _lookup_queries(30)
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_USER": "100000000/minute",
        "FACTCHECK_LOOKUP_CACHE_SECONDS": "60" if cached else "0",
        # A client's token and permissions from the cache, as a busy API would run (both runs).
        "FACTCHECK_API_AUTH_CACHE_SECONDS": os.environ.get("FACTCHECK_API_AUTH_CACHE_SECONDS", "30"),
    }
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [gunicorn, "factcheck.wsgi:application", "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/api/v1/lookup/"
        _wait_for(base, token)
        # Warm every worker's engines; with the cache on, fill it with the question set (a newsroom's
        # lookups repeat: the same viral claim is asked about again and again).
        for params in lookups if cached else lookups[:10]:
            _get(base, params, token)
        # One worker may have answered all of those: a few seconds of concurrent clients reach each
        # worker, so no request below pays a worker's first-use start-up (engines, token cache).
        _closed_loop(base, lookups, token, clients=2 * workers, seconds=3, record=lambda elapsed, ok: None)
        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()

        def record(elapsed: float, ok: bool) -> None:
            with lock:
                latencies.append(elapsed)
                errors[0] += 0 if ok else 1

        started = time.perf_counter() + 0.2
        if rate:
            _open_loop(base, lookups, token, rate=rate, seconds=seconds, started=started, record=record)
        else:
            _closed_loop(base, lookups, token, clients=2 * workers, seconds=seconds, record=record)
        wall = time.perf_counter() - started
        rss = _children_peak_rss_mb(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=35)  # gunicorn's graceful timeout is 30 s
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    return {
        "workers": workers,
        "rate": rate or f"closed loop, {2 * workers} clients",
        "cached": cached,
        "requests": len(latencies),
        "errors": errors[0],
        "achieved_rps": round(len(latencies) / wall, 1),
        "p50_ms": round(_percentile(latencies, 0.50) * 1000, 1),
        "p95_ms": round(_percentile(latencies, 0.95) * 1000, 1),
        "p99_ms": round(_percentile(latencies, 0.99) * 1000, 1),
        "worker_peak_rss_mb": rss,
    }


def _send(base: str, params: dict, token: str) -> bool:
    try:
        return _get(base, params, token) == 200
    except OSError:
        return False


def _open_loop(base, lookups, token, *, rate, seconds, started, record) -> None:
    """`rate` requests a second on a fixed schedule, whatever the server does: a latency counts from
    the scheduled send time, so a server that falls behind shows its queue (no coordinated omission)."""
    interval = 1.0 / rate

    def fire(index: int) -> None:
        scheduled = started + index * interval
        ok = _send(base, lookups[index % len(lookups)], token)
        record(time.perf_counter() - scheduled, ok)

    with ThreadPoolExecutor(max_workers=64) as pool:
        for index in range(int(rate * seconds)):
            delay = started + index * interval - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(fire, index)


def _closed_loop(base, lookups, token, *, clients, seconds, record) -> None:
    """`clients` clients, each sending its next request when the last is answered: the server's
    capacity (achieved req/s) and its time per request without a queue in front of it."""
    deadline = time.perf_counter() + seconds

    def client(offset: int) -> None:
        index = offset
        while time.perf_counter() < deadline:
            sent = time.perf_counter()
            ok = _send(base, lookups[index % len(lookups)], token)
            record(time.perf_counter() - sent, ok)
            index += clients

    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(client, range(clients)))


def _get(base: str, params: dict, token: str) -> int:
    request = urllib.request.Request(base + "?" + urllib.parse.urlencode(params),
                                     headers={"Authorization": f"Token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _wait_for(base: str, token: str) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            _get(base, {"q": "x"}, token)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not start")


def _children_peak_rss_mb(pid: int) -> float:
    """The largest VmHWM (peak resident set) among the gunicorn master and its workers."""
    peaks = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(pid) or status.parent.name == str(pid):
            peaks.append(int(fields.get("VmHWM", "0 kB").split()[0]) / 1024)
    return round(max(peaks, default=0.0), 1)


def measure_export() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "decided.csv"
        timing = Path(folder) / "time.txt"
        started = time.perf_counter()
        subprocess.run(
            ["/usr/bin/time", "-f", "%M %U %S", "-o", str(timing), sys.executable, "manage.py", "export_verdicts",
             "--format", "csv", "--status", "decided", "--output", str(output)],
            cwd=ROOT, check=True, capture_output=True,
        )
        seconds = time.perf_counter() - started
        rows = sum(1 for _ in output.open(encoding="utf-8")) - 1
        size = output.stat().st_size
        peak_kb, user, system = timing.read_text().split()[-3:]
    return {
        "rows": rows,
        "seconds": round(seconds, 1),
        # CPU the export process used (user + system): its time on a host with a free core.
        "cpu_seconds": round(float(user) + float(system), 1),
        "peak_rss_mb": round(int(peak_kb) / 1024, 1),
        "bytes": size,
    }


def summary_table(results: dict) -> str:
    """The results as the Markdown tables of docs/performance.md."""
    load = ", ".join(f"{value:.1f}" for value in results["load_average"])
    lines = [f"{results['claims']:,} claims (estimated), {results['cpus']} CPUs, load average at start {load}", ""]
    if "pages" in results:
        lines += ["| what | wall | SQL | CPU | queries |", "|---|---|---|---|---|"]
        for name, row in results["pages"].items():
            wall = f"median {row['ms']} ms, p95 {row['p95_ms']} ms" if "p95_ms" in row else f"{row['ms']} ms"
            lines.append(f"| {name} | {wall} | {row['sql_ms']} ms | {row['cpu_ms']} ms | {row.get('queries', '—')} |")
        lines.append("")
    runs = [(name, row) for name, row in results.items() if name.startswith("lookup load")]
    if runs:
        lines += ["| run | achieved | p50 | p95 | p99 | errors | worker peak RSS |", "|---|---|---|---|---|---|---|"]
        for name, row in runs:
            lines.append(
                f"| {name} ({row['workers']} workers, {row['rate']}) | {row['achieved_rps']} req/s "
                f"| {row['p50_ms']} ms | {row['p95_ms']} ms | {row['p99_ms']} ms | {row['errors']} "
                f"| {row['worker_peak_rss_mb']} MB |"
            )
        lines.append("")
    export = results.get("export csv, decided claims")
    if export:
        lines.append(
            f"export csv of {export['rows']:,} decided claims: {export['seconds']} s wall, "
            f"{export['cpu_seconds']} s CPU, peak RSS {export['peak_rss_mb']} MB, {export['bytes'] / 1e6:.1f} MB file"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    grow_parser = commands.add_parser("grow")
    grow_parser.add_argument("--claims", type=int, default=100_000)
    grow_parser.add_argument("--reset", action="store_true")
    measure_parser = commands.add_parser("measure")
    measure_parser.add_argument("--repeat", type=int, default=5)
    measure_parser.add_argument("--rate", type=float, default=100.0)
    measure_parser.add_argument("--seconds", type=float, default=20.0)
    measure_parser.add_argument("--workers", type=int, default=2)
    measure_parser.add_argument(
        "--skip", default="", help="comma-separated: pages,load,open-uncached,export"
    )
    measure_parser.add_argument("--json", help="write the results here too")
    args = parser.parse_args()
    if args.command == "grow":
        grow(args.claims, args.reset)
        return
    skip = set(filter(None, args.skip.split(",")))
    setup_django()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off serves the manifest's files
    from claims.models import Claim
    from claims.selectors.dashboard import estimated_count

    # The machine's load when the run starts: on a shared host every figure below scales with it.
    results = {"claims": estimated_count(Claim), "load_average": os.getloadavg(), "cpus": os.cpu_count()}
    if "pages" not in skip:
        results["pages"] = measure_pages(args.repeat)
    if "load" not in skip:
        runs = {
            "lookup load, uncached, closed loop": {"rate": None, "cached": False},
            "lookup load, cached, closed loop": {"rate": None, "cached": True},
            "lookup load, cached, open loop": {"rate": args.rate, "cached": True},
            "lookup load, uncached, open loop": {"rate": args.rate, "cached": False},
        }
        for key, options in runs.items():
            if options["rate"] and not options["cached"] and "open-uncached" in skip:
                continue
            results[key] = measure_load(seconds=args.seconds, workers=args.workers, **options)
            print(f"[measure] {key}: {results[key]}", flush=True)
    if "export" not in skip:
        results["export csv, decided claims"] = measure_export()
        print(f"[measure] export: {results['export csv, decided claims']}", flush=True)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    print(summary_table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
