"""API throttling counts live in Redis (CACHES from REDIS_URL): two processes share one budget.

Before, each process counted alone: 2 processes × 5/minute let 10 requests through."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.pipeline.conftest import RedisServer

ROOT = Path(__file__).resolve().parents[2]

PROCESS = """
import django
django.setup()
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory
from rest_framework.throttling import UserRateThrottle


class Editor:
    is_authenticated = True
    pk = 42


class FivePerMinute(UserRateThrottle):
    rate = "5/minute"


allowed = 0
for _ in range(5):
    request = Request(APIRequestFactory().get("/api/v1/claims/"))
    request.user = Editor()
    allowed += FivePerMinute().allow_request(request, None)
print(allowed)
"""


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server.url
    server.stop()


def allowed_in_two_processes(**env) -> list[int]:
    clean = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE")}
    environment = {**clean, "DJANGO_SETTINGS_MODULE": "factcheck.settings", "DEBUG": "1", **env}
    runs = [
        subprocess.Popen([sys.executable, "-c", PROCESS], cwd=ROOT, env=environment, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    return [int(run.communicate(timeout=120)[0].strip()) for run in runs]


def test_two_processes_share_one_throttle_budget_through_redis(redis_server):
    counts = allowed_in_two_processes(REDIS_URL=redis_server, CACHE_KEY_PREFIX=f"test-{uuid.uuid4().hex}")

    assert sum(counts) == 5


def test_without_redis_each_process_counts_alone():
    """The fallback (no REDIS_URL): a per-process memory cache, as before; shown to make the contrast."""
    assert allowed_in_two_processes() == [5, 5]
