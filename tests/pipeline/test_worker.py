"""The pipeline through a real Celery worker on a real Redis server."""

import pytest

from claims.extraction import extract
from claims.models import Article, ArticleStatus, Claim
from claims.services.articles import article_ingest
from tests.pipeline.articles import MARKET, TRAINING_COST, long_article
from tests.pipeline.conftest import wait_until

pytestmark = pytest.mark.worker


def _status(article_id):
    return Article.objects.values_list("status", flat=True).get(id=article_id)


def test_an_ingested_article_reaches_ready_through_a_real_worker(worker_factory):
    worker = worker_factory()
    article, created = article_ingest(title="", text=TRAINING_COST, source="training-cost.txt")
    assert created and article.status == ArticleStatus.QUEUED

    wait_until(lambda: _status(article.id) == ArticleStatus.READY, seconds=90, message="ready", details=worker.log)

    figures = set(Claim.objects.filter(article=article).values_list("quantities__value_text", flat=True))
    assert "558000000" in figures
    assert Article.objects.get(id=article.id).attempts == 1


def test_killing_the_worker_mid_task_loses_nothing(worker_factory):
    # Long enough to be caught mid-task (matching it takes seconds), short enough to redo twice in time.
    big_text = long_article(300)
    first = worker_factory()
    big, _ = article_ingest(title="", text=big_text, source="long.txt")
    small, _ = article_ingest(title="", text=MARKET, source="market.txt")

    wait_until(
        lambda: _status(big.id) in (ArticleStatus.EXTRACTING, ArticleStatus.MATCHING),
        seconds=60,
        message="the worker to start on the long article",
        details=first.log,
    )
    first.kill()
    assert _status(big.id) != ArticleStatus.READY

    second = worker_factory()
    for article in (big, small):
        wait_until(
            lambda a=article: _status(a.id) == ArticleStatus.READY,
            seconds=180,
            message=f"article {article.id} to be ready after the restart",
            details=second.log,
        )
    assert Claim.objects.filter(article=big).count() == len(extract(big_text).claims)
    assert Claim.objects.filter(article=small).count() == len(extract(MARKET).claims)
    assert Article.objects.get(id=big.id).attempts >= 2
