"""The article pipeline's tasks. Thin: they take ids and call claims.services.articles."""

import random

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from django.conf import settings

from claims.services import articles


class ArticleTask(DjangoTask):
    """When the retries of a transient error run out, the article is marked failed, never lost."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        if args:
            articles.article_fail(article_id=args[0], error=exc, task_id=task_id)


def retry_countdown(retries: int) -> float:
    """Seconds before retry number `retries + 1`: exponential, capped, with ±50% jitter so the tasks a
    database outage failed together do not all come back in the same second."""
    base = min(settings.FACTCHECK_RETRY_BASE_SECONDS * 2**retries, settings.FACTCHECK_RETRY_MAX_SECONDS)
    return base * random.uniform(0.5, 1.5)  # noqa: S311  (jitter, not a secret)


@shared_task(bind=True, base=ArticleTask, acks_late=True)
def process_article(self, article_id: int) -> None:
    """Run the pipeline of one article. Database and connection errors are retried with backoff over
    minutes (FACTCHECK_RETRY_*); if even the retry cannot be sent (the broker is down too), the article
    goes back to the outbox for the sweep."""
    try:
        articles.article_process(article_id, task_id=self.request.id or "")
    except articles.TRANSIENT_ERRORS as exc:
        max_retries = settings.FACTCHECK_RETRY_MAX_RETRIES
        if self.request.retries >= max_retries:
            raise
        try:
            retry = self.retry(exc=exc, countdown=retry_countdown(self.request.retries), max_retries=max_retries,
                               throw=False)
        except articles.BROKER_ERRORS:
            articles.article_to_outbox(article_id=article_id)
            return
        raise retry from exc


@shared_task(acks_late=True)
def requeue_stuck_articles() -> int:
    return articles.articles_requeue_stuck()
