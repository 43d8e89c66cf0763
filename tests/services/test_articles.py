"""The article pipeline's services, run eagerly."""

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from claims.models import Article, ArticleStatus, Claim, Quantity, Rating, Verdict
from claims.services import articles as service
from claims.services.articles import article_ingest, article_process, articles_requeue_stuck
from claims.tasks.articles import process_article
from tests.factories import ArticleFactory, VerdictFactory
from tests.pipeline.articles import MARKET, TRAINING_COST

pytestmark = pytest.mark.django_db


def test_it_extracts_and_stores_the_claims_of_an_article():
    article, created = article_ingest(title="", text=TRAINING_COST, source="cost.txt", sync=True)

    assert created
    assert article.status == ArticleStatus.READY
    assert article.title == "تكلفة تدريب النماذج الصينية تثير الجدل"
    cost = Quantity.objects.get(claim__article=article, value_text="558000000")
    assert (cost.kind, cost.unit) == ("money", "USD")
    assert TRAINING_COST[cost.start:cost.end] == cost.text
    claim = cost.claim
    assert TRAINING_COST[claim.start:claim.end] == claim.text
    assert "DeepSeek" in claim.text


def test_it_queues_the_pipeline_when_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article, _ = article_ingest(title="سوق الرقائق", text=MARKET, source="market.txt")
        assert Article.objects.get(id=article.id).status == ArticleStatus.QUEUED

    assert len(callbacks) == 1
    assert Article.objects.get(id=article.id).status == ArticleStatus.READY


def test_ingesting_the_same_text_again_is_a_no_op():
    first, created_first = article_ingest(title="", text=MARKET, source="a.txt", sync=True)
    claims_before = Claim.objects.count()

    again, created_again = article_ingest(title="عنوان آخر", text=MARKET, source="b.txt", sync=True)

    assert created_first and not created_again
    assert again.id == first.id and again.source == "a.txt"
    assert Claim.objects.count() == claims_before


def test_running_the_pipeline_twice_keeps_the_same_claims_and_their_verdicts(editor):
    article, _ = article_ingest(title="", text=TRAINING_COST, source="cost.txt", sync=True)
    claim = Quantity.objects.get(claim__article=article, value_text="558000000").claim
    VerdictFactory(claim=claim, rating=Rating.WRONG_FIGURE, editor=editor)
    ids_before = sorted(article.claims.values_list("id", flat=True))
    quantities_before = Quantity.objects.filter(claim__article=article).count()

    Article.objects.filter(id=article.id).update(status=ArticleStatus.QUEUED)
    article_process(article.id)

    assert sorted(article.claims.values_list("id", flat=True)) == ids_before
    assert Quantity.objects.filter(claim__article=article).count() == quantities_before
    assert Verdict.objects.get(claim=claim).rating == Rating.WRONG_FIGURE
    assert Article.objects.get(id=article.id).attempts == 2


def test_a_ready_article_is_not_processed_again():
    article, _ = article_ingest(title="", text=MARKET, source="m.txt", sync=True)

    article_process(article.id)

    assert Article.objects.get(id=article.id).attempts == 1


def test_an_engine_error_is_kept_on_the_article(monkeypatch):
    def broken(text):
        raise ValueError("unexpected token in the article")

    monkeypatch.setattr(service, "extract", broken)
    article, _ = article_ingest(title="", text=MARKET, source="m.txt", sync=True)

    assert article.status == ArticleStatus.FAILED
    assert article.error == "ValueError: unexpected token in the article"
    assert not article.claims.exists()


def test_a_transient_database_error_is_retried_by_the_task(monkeypatch):
    real_extract = service.extract
    calls = []

    def flaky(text):
        calls.append(text)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real_extract(text)

    monkeypatch.setattr(service, "extract", flaky)
    article, _ = article_ingest(title="", text=MARKET, source="m.txt")

    # Run eagerly, as a worker would: the first attempt raises, the automatic retry succeeds.
    process_article.apply(args=[article.id], throw=False)

    article.refresh_from_db()
    assert len(calls) == 2
    assert article.status == ArticleStatus.READY
    assert article.attempts == 2
    assert article.claims.exists()


def test_the_sweep_requeues_articles_left_behind_and_gives_up_after_max_attempts(
    settings, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_MAX_ATTEMPTS = 3
    long_ago = timezone.now() - timedelta(hours=2)
    lost = ArticleFactory(title="lost", source="x", text=MARKET)
    crashed = ArticleFactory(
        title="crashed", source="y", text=TRAINING_COST, status=ArticleStatus.EXTRACTING, attempts=1
    )
    hopeless = ArticleFactory(title="hopeless", source="z", text="نص", status=ArticleStatus.MATCHING, attempts=3)
    # Its message was sent a moment ago: the worker has it, the sweep leaves it alone.
    fresh = ArticleFactory(title="fresh", source="w", text="نص آخر", queued_at=timezone.now())
    Article.objects.filter(id__in=[lost.id, crashed.id, hopeless.id]).update(status_changed_at=long_ago)
    Article.objects.filter(id=lost.id).update(queued_at=long_ago)

    with django_capture_on_commit_callbacks(execute=True):
        requeued = articles_requeue_stuck()

    assert requeued == 2
    assert Article.objects.get(id=lost.id).status == ArticleStatus.READY
    assert Article.objects.get(id=crashed.id).status == ArticleStatus.READY
    assert Article.objects.get(id=hopeless.id).status == ArticleStatus.FAILED
    assert "too many attempts" in Article.objects.get(id=hopeless.id).error
    assert Article.objects.get(id=fresh.id).status == ArticleStatus.QUEUED
