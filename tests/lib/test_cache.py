"""claims.lib.cache.cache_through: one read-through cache for the lookup answers and the API tokens."""

import pytest

from claims.lib import cache as cache_module
from claims.lib.cache import cache_through


class DictCache:
    def __init__(self):
        self.stored = {}

    def get(self, key):
        return self.stored.get(key)

    def set(self, key, value, seconds):
        self.stored[key] = value


class DownCache:
    def get(self, key):
        raise ConnectionError("cache down")

    def set(self, key, value, seconds):
        raise ConnectionError("cache down")


def counting(answer):
    calls = []

    def compute():
        calls.append(1)
        return answer

    return compute, calls


def test_a_second_ask_within_the_time_is_answered_from_the_cache(monkeypatch):
    monkeypatch.setattr(cache_module, "cache", DictCache())
    compute, calls = counting({"hits": ["558 مليون دولار"]})

    first = cache_through("k", 60, compute, what="lookup")
    second = cache_through("k", 60, compute, what="lookup")

    assert first == second == {"hits": ["558 مليون دولار"]}
    assert len(calls) == 1


def test_zero_seconds_never_touches_the_cache(monkeypatch):
    monkeypatch.setattr(cache_module, "cache", DownCache())
    compute, calls = counting("answer")

    assert [cache_through("k", 0, compute, what="lookup") for _ in range(2)] == ["answer", "answer"]
    assert len(calls) == 2


def test_a_cache_that_is_down_is_skipped_with_a_warning(monkeypatch, caplog):
    monkeypatch.setattr(cache_module, "cache", DownCache())
    compute, calls = counting("answer")

    with caplog.at_level("WARNING", logger="claims.lib.cache"):
        assert cache_through("k", 60, compute, what="API token") == "answer"

    assert len(calls) == 1
    assert "API token cache unavailable" in caplog.text


@pytest.mark.parametrize("seconds", [1, 60])
def test_nothing_is_cached_under_another_key(monkeypatch, seconds):
    monkeypatch.setattr(cache_module, "cache", DictCache())
    cache_through("a", seconds, lambda: "first", what="lookup")

    assert cache_through("b", seconds, lambda: "second", what="lookup") == "second"
