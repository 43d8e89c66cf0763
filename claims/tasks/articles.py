"""The article pipeline's tasks. Thin: they take ids and call claims.services.articles."""

from celery import shared_task
from celery.contrib.django.task import DjangoTask

from claims.tasks.retry import transient_retries


class ArticleTask(DjangoTask):
    """When the retries of a transient error run out, the article is marked failed, never lost."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Imported here: claims.services.articles queues these tasks (a module-level import would be a circle).
        from claims.services import articles

        if args:
            articles.article_fail(article_id=args[0], error=exc, task_id=task_id)


@shared_task(bind=True, base=ArticleTask, acks_late=True)
def process_article(self, article_id: int) -> None:
    """Run the pipeline of one article. Transient errors are retried (claims.tasks.retry); if even the
    retry cannot be sent (the broker is down too), the article goes back to the outbox for the sweep."""
    # Imported here: claims.services.articles queues this task (a module-level import would be a circle).
    from claims.services import articles

    with transient_retries(self, on_broker_down=lambda: articles.article_to_outbox(article_id=article_id)):
        articles.article_process(article_id, task_id=self.request.id or "")


@shared_task(acks_late=True)
def requeue_stuck_articles() -> int:
    # Imported here: claims.services.articles queues process_article (a module-level import would be a circle).
    from claims.services import articles

    return articles.articles_requeue_stuck()
