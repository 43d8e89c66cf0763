"""The one retry policy of the pipeline's tasks: transient (database, connection) errors are retried
with exponential backoff and jitter over minutes; other errors are not retried."""

import random
from contextlib import contextmanager

from django.conf import settings

from claims.lib.errors import BROKER_ERRORS, TRANSIENT_ERRORS


def retry_countdown(retries: int) -> float:
    """Seconds before retry number `retries + 1`: FACTCHECK_RETRY_BASE_SECONDS × 2**retries, capped at
    FACTCHECK_RETRY_MAX_SECONDS, with ±50% jitter so the tasks an outage failed together do not all
    come back in the same second. With the defaults, ten retries spread over ~25 minutes."""
    base = min(settings.FACTCHECK_RETRY_BASE_SECONDS * 2**retries, settings.FACTCHECK_RETRY_MAX_SECONDS)
    return base * random.uniform(0.5, 1.5)  # noqa: S311  (jitter, not a secret)


@contextmanager
def transient_retries(task, *, on_broker_down=None):
    """Inside a bound task: a transient error schedules a retry (until FACTCHECK_RETRY_MAX_RETRIES, then
    it propagates and the task fails). If the retry cannot even be sent (the broker is down too),
    `on_broker_down()` keeps the work for the sweep and the task ends quietly; without it, it fails."""
    try:
        yield
    except TRANSIENT_ERRORS as exc:
        max_retries = settings.FACTCHECK_RETRY_MAX_RETRIES
        if task.request.retries >= max_retries:
            raise
        try:
            retry = task.retry(exc=exc, countdown=retry_countdown(task.request.retries), max_retries=max_retries,
                               throw=False)
        except BROKER_ERRORS:
            if on_broker_down is None:
                raise
            on_broker_down()
            return
        raise retry from exc
