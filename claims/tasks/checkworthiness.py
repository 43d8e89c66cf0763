"""The check-worthiness retraining task: a thin door over claims.services.checkworthiness."""

from celery import shared_task

# A retrain that runs past this is stopped; nothing was written, the active model stays.
RETRAIN_TIME_LIMIT = 30 * 60


@shared_task(acks_late=True, soft_time_limit=RETRAIN_TIME_LIMIT, time_limit=RETRAIN_TIME_LIMIT + 60)
def retrain_checkworthiness(force: bool = False) -> int | None:
    """Retrain on the editors' labels if enough new ones arrived; returns the stored model's version."""
    # Imported here: the services import claims.tasks, whose __init__ loads this module (a circle otherwise).
    from claims.services import checkworthiness

    row = checkworthiness.checkworthiness_retrain(force=force)
    return row.version if row else None
