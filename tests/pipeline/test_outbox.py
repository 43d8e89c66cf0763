"""The outbox, the per-task lease, retries, the maximum article size and the pipeline's bulk writes,
run eagerly. The same failures against a real Redis, worker and database are in test_faults.py."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerDown

from claims.models import Article, ArticleStatus, Claim, Quantity, QuantityCheck
from claims.services import articles as service
from claims.services.articles import (
    BROKER_UNAVAILABLE,
    article_ingest,
    article_process,
    articles_requeue_stuck,
)
from claims.services.matching import claims_match
from claims.tasks import articles as tasks
from claims.tasks.retry import retry_countdown
from tests.conftest import client_for
from tests.factories import ArticleFactory
from tests.pipeline.articles import MARKET, TRAINING_COST, long_article

pytestmark = pytest.mark.django_db


# The doors run their send on commit: these tests commit for real (no wrapping test transaction).
doors = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def roles_after_flush(db):
    """Transactional tests flush the database, which drops the groups the migration made."""
    from django.contrib.auth.models import Group, Permission

    from claims import roles

    for role, codenames in roles.role_permissions().items():
        group, created = Group.objects.get_or_create(name=role)
        if created:
            group.permissions.set(Permission.objects.filter(content_type__app_label="claims", codename__in=codenames))


@pytest.fixture
def broker_down(monkeypatch):
    """Every publish of the article task fails as kombu fails when Redis refuses connections."""
    sent = []

    def refuse(*args, **kwargs):
        sent.append(args)
        raise BrokerDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.process_article, "delay", refuse)
    return sent


@pytest.fixture
def eager(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True


def _waiting():
    waiting = Article.objects.filter(status=ArticleStatus.QUEUED, queued_at__isnull=True)
    return list(waiting.values_list("id", flat=True))


# --- the outbox -----------------------------------------------------------------------------------


@doors
def test_an_article_ingested_while_the_broker_is_down_stays_in_the_outbox(broker_down):
    article, created = article_ingest(title="", text=MARKET, source="market.txt")

    assert created and len(broker_down) == 1
    assert article.queued_at is None
    assert _waiting() == [article.id]


@doors
def test_the_sweep_sends_the_outbox_once_the_broker_is_back(monkeypatch, eager):
    monkeypatch.setattr(tasks.process_article, "delay", lambda *a: (_ for _ in ()).throw(BrokerDown("down")))
    article, _ = article_ingest(title="", text=MARKET, source="market.txt")
    assert articles_requeue_stuck() == 0  # still down: nothing sent, nothing lost
    assert _waiting() == [article.id]

    monkeypatch.undo()
    sent = articles_requeue_stuck()

    assert sent == 1
    article.refresh_from_db()
    assert article.status == ArticleStatus.READY
    assert article.claims.exists()


def test_a_message_sent_long_ago_is_sent_again_but_a_recent_one_is_not(monkeypatch, settings):
    settings.FACTCHECK_QUEUED_SECONDS = 120
    sent = []
    monkeypatch.setattr(tasks.process_article, "delay", lambda article_id: sent.append(article_id))
    recent = ArticleFactory(title="r", source="r", text="نص أول", queued_at=timezone.now() - timedelta(seconds=30))
    lost = ArticleFactory(title="l", source="l", text="نص ثان", queued_at=timezone.now() - timedelta(seconds=600))

    assert articles_requeue_stuck() == 1

    assert sent == [lost.id]
    assert Article.objects.get(id=lost.id).queued_at > timezone.now() - timedelta(seconds=5)
    assert Article.objects.get(id=recent.id).queued_at < timezone.now() - timedelta(seconds=20)


def test_while_the_queue_holds_a_backlog_only_the_outbox_is_sent(monkeypatch, settings):
    settings.FACTCHECK_QUEUED_SECONDS = 120
    sent = []
    monkeypatch.setattr(tasks.process_article, "delay", lambda article_id: sent.append(article_id))
    monkeypatch.setattr(service, "broker_backlog", lambda: 40)
    waiting = ArticleFactory(title="w", source="w", text="نص أول")
    ArticleFactory(title="b", source="b", text="نص ثان", queued_at=timezone.now() - timedelta(seconds=600))

    assert articles_requeue_stuck() == 1

    assert sent == [waiting.id]


@doors
def test_the_api_answers_202_queued_broker_unavailable_and_keeps_the_article(editor, broker_down):
    response = client_for(editor).post(reverse("api:article-list"), {"text": MARKET}, format="json")

    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "queued" and body["created"] is True
    assert body["detail"] == BROKER_UNAVAILABLE
    assert _waiting() == [body["id"]]


@doors
def test_the_api_says_nothing_about_the_broker_when_it_is_up(editor, eager):
    response = client_for(editor).post(reverse("api:article-list"), {"text": MARKET}, format="json")

    assert response.status_code == 202
    assert "detail" not in response.json()


@doors
def test_cli_ingest_goes_on_with_the_next_files_when_the_broker_is_down(tmp_path, broker_down):
    texts = [MARKET, TRAINING_COST, "ارتفعت مبيعات السيارات الكهربائية في المغرب بنسبة 35% خلال عام 2024.\n"]
    for number, text in enumerate(texts):
        (tmp_path / f"{number}.txt").write_text(text, encoding="utf-8")
    out, err = StringIO(), StringIO()

    call_command("ingest", str(tmp_path), stdout=out, stderr=err)

    assert Article.objects.count() == 3
    assert len(_waiting()) == 3
    # The broker is tried once; the next files go straight to the outbox.
    assert len(broker_down) == 1
    assert err.getvalue().count(BROKER_UNAVAILABLE) == 3
    assert "3 articles stored and waiting for the task queue" in out.getvalue()


@doors
def test_the_admin_warns_that_the_article_waits_for_the_queue(client, editor, broker_down):
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_article_add"), {"text": MARKET}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 200
    assert _waiting() == [Article.objects.get().id]
    assert any("unavailable" in str(message) for message in response.context["messages"])


# --- the lease ------------------------------------------------------------------------------------


def _article(text=MARKET, **fields):
    return ArticleFactory(title="t", source="s", text=text, **fields)


def test_an_article_held_by_another_task_is_left_alone(eager):
    article = _article(status=ArticleStatus.EXTRACTING, task_id="task-a", status_changed_at=timezone.now())
    Article.objects.filter(id=article.id).update(status_changed_at=timezone.now())

    article_process(article.id, task_id="task-b")

    article.refresh_from_db()
    assert (article.status, article.task_id, article.attempts) == (ArticleStatus.EXTRACTING, "task-a", 0)
    assert not article.claims.exists()


def test_the_same_task_retried_or_redelivered_takes_its_article_again(eager):
    article = _article(status=ArticleStatus.EXTRACTING, task_id="task-a", attempts=1)
    Article.objects.filter(id=article.id).update(status_changed_at=timezone.now())

    article_process(article.id, task_id="task-a")

    article.refresh_from_db()
    assert (article.status, article.attempts) == (ArticleStatus.READY, 2)


def test_a_stale_hold_is_taken_over(settings, eager):
    settings.FACTCHECK_STUCK_SECONDS = 60
    article = _article(status=ArticleStatus.MATCHING, task_id="dead-task", attempts=1)
    Article.objects.filter(id=article.id).update(status_changed_at=timezone.now() - timedelta(seconds=120))

    article_process(article.id, task_id="task-b")

    assert Article.objects.get(id=article.id).status == ArticleStatus.READY


def test_a_task_that_lost_its_article_writes_nothing(monkeypatch, eager):
    article = _article()
    real_extract = service.extract

    def taken_over_meanwhile(text):
        Article.objects.filter(id=article.id).update(task_id="someone-else")
        return real_extract(text)

    monkeypatch.setattr(service, "extract", taken_over_meanwhile)
    article_process(article.id, task_id="task-a")

    article.refresh_from_db()
    assert article.status != ArticleStatus.READY
    assert not article.claims.exists()


# --- retries --------------------------------------------------------------------------------------


def test_retries_back_off_over_minutes_with_jitter(settings):
    settings.FACTCHECK_RETRY_BASE_SECONDS = 5
    settings.FACTCHECK_RETRY_MAX_SECONDS = 300
    settings.FACTCHECK_RETRY_MAX_RETRIES = 10

    waits = [retry_countdown(n) for n in range(settings.FACTCHECK_RETRY_MAX_RETRIES)]
    lows = [min(5 * 2**n, 300) * 0.5 for n in range(10)]
    highs = [min(5 * 2**n, 300) * 1.5 for n in range(10)]

    assert all(low <= wait <= high for low, wait, high in zip(lows, waits, highs, strict=True))
    assert sum(lows) >= 10 * 60  # at least ten minutes before giving up, not seconds
    assert len({round(retry_countdown(3), 3) for _ in range(20)}) > 1  # jitter


def test_the_visibility_timeout_outlasts_the_longest_wait_of_a_reserved_task(settings):
    from factcheck import settings as project

    visibility = project.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility > project.FACTCHECK_RETRY_MAX_SECONDS + project.CELERY_TASK_TIME_LIMIT
    assert project.CELERY_TASK_ACKS_LATE and project.CELERY_WORKER_MAX_MEMORY_PER_CHILD > 0


def test_a_retry_that_cannot_be_sent_puts_the_article_back_in_the_outbox(monkeypatch, eager):
    from django.db import OperationalError

    article = _article()

    def database_gone(article_id, *, task_id=""):
        raise OperationalError("server closed the connection unexpectedly")

    def broker_gone(*args, **kwargs):
        raise BrokerDown("Connection refused")

    monkeypatch.setattr(service, "article_process", database_gone)
    monkeypatch.setattr(tasks.process_article, "retry", broker_gone)
    Article.objects.filter(id=article.id).update(status=ArticleStatus.EXTRACTING, queued_at=timezone.now())

    tasks.process_article.apply(args=[article.id])

    article.refresh_from_db()
    assert (article.status, article.queued_at, article.error) == (ArticleStatus.QUEUED, None, "")


# --- the maximum article size ---------------------------------------------------------------------


@pytest.fixture
def small_limit(settings):
    settings.FACTCHECK_MAX_ARTICLE_CHARS = 500
    return "تقرير طويل: " + "بلغت الإيرادات 12 مليار دولار في عام 2024. " * 20


def test_the_service_refuses_an_article_over_the_limit(small_limit):
    with pytest.raises(service.ArticleTooLarge, match="500"):
        article_ingest(title="", text=small_limit, source="big.txt")
    assert not Article.objects.exists()


def test_the_api_refuses_an_article_over_the_limit_with_400(editor, small_limit):
    response = client_for(editor).post(
        reverse("api:article-list"), {"text": small_limit}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 400
    assert "maximum is 500" in response.json()["text"][0]
    assert not Article.objects.exists()


def test_the_admin_form_refuses_an_article_over_the_limit(client, editor, small_limit):
    client.force_login(editor)
    response = client.post(reverse("admin:claims_article_add"), {"text": small_limit})

    assert response.status_code == 200
    assert "والحد الأقصى 500" in response.content.decode()  # the Arabic desk says it in Arabic
    assert not Article.objects.exists()


def test_cli_ingest_skips_an_article_over_the_limit_and_keeps_the_others(tmp_path, small_limit, eager):
    (tmp_path / "big.txt").write_text(small_limit, encoding="utf-8")
    (tmp_path / "small.txt").write_text(MARKET, encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path), stdout=StringIO(), stderr=err)

    assert "big.txt" in err.getvalue() and "500" in err.getvalue()
    assert list(Article.objects.values_list("source", flat=True)) == ["small.txt"]


def test_extract_refuses_a_file_and_a_line_over_the_limit_and_goes_on(tmp_path, small_limit):
    import json

    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text(small_limit, encoding="utf-8")
    small.write_text(MARKET, encoding="utf-8")
    lines = tmp_path / "in.jsonl"
    lines.write_text(
        json.dumps({"id": 1, "text": small_limit}, ensure_ascii=False) + "\n"
        + json.dumps({"id": 2, "text": MARKET}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    out, err = StringIO(), StringIO()

    call_command("extract", str(big), str(small), "--jsonl", str(lines), stdout=out, stderr=err)

    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r.get("source") or r.get("id") for r in records] == [str(small), 1, 2]
    assert "error" in records[1] and records[1]["quantities"] == []  # reported with its error, batch goes on
    assert "big.txt" in err.getvalue() and "line 1: skipped" in err.getvalue()


# --- bulk writes ----------------------------------------------------------------------------------


def _queries_to_process(text: str) -> tuple[list[str], int]:
    article = _article(text=text)
    with CaptureQueriesContext(connection) as queries:
        article_process(article.id)
    assert Article.objects.get(id=article.id).status == ArticleStatus.READY
    return [q["sql"] for q in queries], article.claims.count()


def test_the_sql_statements_per_article_do_not_grow_with_its_claims(eager):
    from claims.services.matching import matcher_get

    matcher_get()  # built once per process, not per article
    few, few_claims = _queries_to_process(long_article(3))
    many, many_claims = _queries_to_process(long_article(60))

    assert many_claims >= 10 * few_claims
    inserts = [sql for sql in many if sql.startswith("INSERT")]
    # The same statements whatever the number of claims; only the bulk INSERTs are split, by the
    # database's limit on parameters per statement (999 on SQLite), not one per row.
    assert len([sql for sql in many if not sql.startswith("INSERT")]) == len(
        [sql for sql in few if not sql.startswith("INSERT")]
    )
    assert len(inserts) <= 12 < many_claims


def test_the_pipeline_stores_one_check_per_figure_and_a_history_row_per_new_claim(eager):
    article = _article(text=long_article(20))

    article_process(article.id)

    claims = Claim.objects.filter(article=article)
    assert claims.count() >= 20
    figures = Quantity.objects.filter(claim__article=article)
    assert QuantityCheck.objects.filter(quantity__in=figures).count() == figures.count()
    assert Claim.history.filter(article_id=article.id, history_type="+").count() == claims.count()
    assert not claims.filter(suggested_verdict="").exists()


def test_matching_never_reads_the_article_text_whole():
    article = _article(text=long_article(30))
    from claims.extraction import extract

    service.article_store_claims(article=article, extraction=extract(article.text))
    with CaptureQueriesContext(connection) as queries:
        claims_match(claim_ids=article.claims.values_list("id", flat=True))

    text_column = '"claims_article"."text"'
    reads = [q["sql"] for q in queries if text_column in q["sql"]]
    assert reads, "the context before each claim comes from the database"
    # Only ever a substring of it (SQLite SUBSTR, PostgreSQL SUBSTRING), never the column itself.
    cut = re.compile(r"SUBSTR(?:ING)?\(" + re.escape(text_column), re.IGNORECASE)
    assert all(sql.count(text_column) == len(cut.findall(sql)) for sql in reads)


def _stored_matching(article):
    claims = Claim.objects.filter(article=article).order_by("start")
    return (
        [(c.start, c.suggested_verdict, c.suggestion, c.priority, c.status) for c in claims],
        sorted(
            QuantityCheck.objects.filter(quantity__claim__article=article).values_list(
                "quantity__start", "verdict", "reference__key", "reference_value", "error", "score", "candidates"
            )
        ),
    )


def test_matching_in_the_pipeline_stores_what_matching_the_stored_claims_gives(eager):
    """The pipeline matches the figures in memory before writing them; the rematch path reads them back
    from the database. Both must store the same suggestions and checks (the demo's deliberate errors)."""
    from pathlib import Path

    import claims

    demo = Path(claims.__file__).parent / "demo"
    call_command("import_references", str(demo / "references.jsonl"), stdout=StringIO())
    articles = [_article(text=path.read_text(encoding="utf-8")) for path in sorted((demo / "articles").glob("*.txt"))]
    assert len(articles) >= 3
    contradicted = 0
    for article in articles:
        article_process(article.id)
        in_memory = _stored_matching(article)
        contradicted += sum(1 for row in in_memory[1] if row[1] == "contradicted")

        claims_match(claim_ids=article.claims.values_list("id", flat=True))

        assert _stored_matching(article) == in_memory
    assert contradicted >= 3  # the comparison covers real verdicts, not only "unverified"


def test_the_api_refuses_a_body_too_large_for_any_article_before_reading_it(editor, settings):
    settings.FACTCHECK_MAX_ARTICLE_CHARS = 1000
    body = '{"text": "' + "ب" * 100_000 + '"}'

    response = client_for(editor).post(
        reverse("api:article-list"), body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 413
    assert "at most 1,000 characters" in response.json()["detail"]
    assert not Article.objects.exists()
