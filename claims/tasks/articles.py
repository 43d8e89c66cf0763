"""The article pipeline's tasks. Thin: they take ids and call claims.services.articles."""

from celery import shared_task
from celery.contrib.django.task import DjangoTask

from claims.services import articles


class ArticleTask(DjangoTask):
    """When the retries of a transient error run out, the article is marked failed, never lost."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        if args:
            articles.article_fail(article_id=args[0], error=exc)


@shared_task(
    base=ArticleTask,
    acks_late=True,
    autoretry_for=articles.TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=5,
)
def process_article(article_id: int) -> None:
    articles.article_process(article_id)


@shared_task(acks_late=True)
def requeue_stuck_articles() -> int:
    return articles.articles_requeue_stuck()
