import logging
import os

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def _sweep_on_startup(sender, **kwargs):
    """A worker that starts sends the outbox and re-queues what a dead worker left behind, so work is
    recovered even where no `celery beat` runs (beat then repeats the sweep every minute)."""
    # Imported here: this module loads with the settings, before Django's apps (and models) are ready.
    from claims.tasks.articles import requeue_stuck_articles

    try:
        requeue_stuck_articles.delay()
    except Exception:  # noqa: BLE001  (the broker went away again: beat or the next start retries)
        logging.getLogger(__name__).warning("could not queue the startup sweep", exc_info=True)
