"""Read-through caching in the default cache (Redis in production, shared by every web worker)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.cache import cache

logger = logging.getLogger(__name__)


def cache_through(key: str, seconds: int, compute: Callable[[], object], *, what: str) -> object:
    """`compute()`, or the answer it gave under `key` within `seconds` (0 or less: no cache).

    A cache that is down is skipped, never an error: the answer comes from `compute()` and a warning
    names `what` was not cached. `compute()` must not return None (None reads as "not cached").
    """
    if seconds <= 0:
        return compute()
    try:
        cached = cache.get(key)
    except Exception:  # any cache failure: compute the answer
        logger.warning("%s cache unavailable", what, exc_info=True)
        cached = None
    if cached is not None:
        return cached
    answer = compute()
    try:
        cache.set(key, answer, seconds)
    except Exception:  # likewise: the answer is still good
        logger.warning("%s cache unavailable", what, exc_info=True)
    return answer
