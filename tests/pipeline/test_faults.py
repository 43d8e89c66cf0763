"""Fault injection: the pipeline loses nothing when Redis dies, when the database drops out, when a
worker is SIGKILLed (issue 11, items 3-5).

Real Celery workers (with embedded beat, so the sweep runs) against a real redis-server and the test
database. Every test ends with the same check: every article reaches `ready` exactly once (the
worker logs one "article N ready" line per article, from the transaction that marks it ready), with
exactly the claims the engine finds in its text (no duplicate, none lost), within a stated time.

Time bounds (this 2-core machine, SQLite; CI on PostgreSQL): each test takes 30-90 s.
- Redis killed mid-batch and down 8 s: every article ready within 120 s of the restart.
- The database dropped for 15 s (PostgreSQL only, through a TCP proxy): ready within 120 s after.
- The worker SIGKILLed mid-task: ready within 120 s of a new worker's start.
- Without beat, a worker that starts sends what waited in the outbox: ready within 60 s.
"""

import re
import select
import socket
import threading
import time
from collections import Counter

import pytest
from django.db import connection

from claims.extraction import extract
from claims.models import Article, ArticleStatus, Claim
from claims.services.articles import article_ingest
from factcheck.embedded_redis import free_port
from tests.pipeline.articles import MARKET, TRAINING_COST, long_article
from tests.pipeline.conftest import RedisServer, WorkerProcess, celery_broker, wait_until, worker_env

pytestmark = pytest.mark.worker

READY_WITHIN = 120


# --- a Redis server the test can kill --------------------------------------------------------------


@pytest.fixture
def own_redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    with celery_broker(server.url):
        yield server
    server.stop()


# --- a TCP proxy in front of the database ----------------------------------------------------------


class DatabaseProxy:
    """Forwards 127.0.0.1:<port> to the database. `drop()` cuts every open connection and refuses new
    ones (as a database restart or a network partition does) until `restore()`."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self.up = threading.Event()
        self.up.set()
        self.stopped = False
        self.lock = threading.Lock()
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.listener.settimeout(0.2)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.stopped:
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self.up.is_set():
                client.close()  # refused: the database is "down"
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, client, upstream):
        sockets = [client, upstream]
        try:
            while True:
                readable, _, _ = select.select(sockets, [], [], 0.5)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (upstream if sock is client else client).sendall(data)
        except OSError:
            return
        finally:
            for sock in sockets:
                try:
                    sock.close()
                except OSError:
                    pass

    def drop(self):
        self.up.clear()
        with self.lock:
            pairs, self.pairs = self.pairs, []
        for pair in pairs:
            for sock in pair:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def restore(self):
        self.up.set()

    def close(self):
        self.stopped = True
        self.drop()
        self.listener.close()


# --- workers with beat -----------------------------------------------------------------------------


# Fast clocks for the test; production keeps minutes (docs/pipeline.md).
FAST_CLOCKS = {
    "CELERY_VISIBILITY_TIMEOUT": "5",
    "FACTCHECK_SWEEP_SECONDS": "2",
    "FACTCHECK_QUEUED_SECONDS": "6",
    "FACTCHECK_STUCK_SECONDS": "60",
    "FACTCHECK_RETRY_BASE_SECONDS": "1",
    "FACTCHECK_RETRY_MAX_SECONDS": "4",
    "CELERY_BROKER_CONNECTION_TIMEOUT": "1",
}


@pytest.fixture
def workers(start_worker):
    def make(redis_url: str, database_url: str | None = None, beat: bool = True, **overrides) -> WorkerProcess:
        return start_worker(worker_env(redis_url, database_url, **{**FAST_CLOCKS, **overrides}), beat=beat)

    return make


# --- the batch and the final check -----------------------------------------------------------------


def batch_texts(count: int) -> list[str]:
    """Distinct Arabic articles of a few to many claims (long_article's figures differ by size)."""
    texts = [TRAINING_COST, MARKET]
    size = 20
    while len(texts) < count:
        texts.append(long_article(size))
        size += 7
    return texts[:count]


def ingest(texts: list[str]) -> list[Article]:
    return [article_ingest(title="", text=text, source=f"fault-{n}.txt")[0] for n, text in enumerate(texts)]


def _statuses(articles) -> Counter:
    return Counter(Article.objects.filter(id__in=[a.id for a in articles]).values_list("status", flat=True))


def wait_all_ready(articles, *, seconds, logs):
    wait_until(
        lambda: _statuses(articles) == Counter({ArticleStatus.READY: len(articles)}),
        seconds=seconds,
        message=f"{len(articles)} articles to be ready",
        details=lambda: f"statuses: {dict(_statuses(articles))}\n" + "\n".join(log()[-3000:] for log in logs),
    )


def _ready_lines(logs) -> Counter:
    return Counter(int(number) for log in logs for number in re.findall(r"article (\d+) ready \(", log()))


def assert_ready_exactly_once(articles, texts, logs):
    # The worker logs "ready" just after the commit that the status check saw: give the last line time
    # to reach the log file before counting.
    wait_until(
        lambda: all(_ready_lines(logs)[article.id] for article in articles),
        seconds=20,
        message="every article's ready line in the worker logs",
        details=lambda: str(_ready_lines(logs)),
    )
    ready_lines = _ready_lines(logs)
    for article, text in zip(articles, texts, strict=True):
        claims = Claim.objects.filter(article_id=article.id)
        spans = list(claims.values_list("start", "end"))
        assert len(spans) == len(set(spans)), f"article {article.id}: duplicate claims"
        assert len(spans) == len(extract(text).claims), f"article {article.id}: claims lost"
        assert ready_lines[article.id] == 1, f"article {article.id} reached ready {ready_lines[article.id]} times"
        assert Article.objects.get(id=article.id).error == ""


# --- the faults ------------------------------------------------------------------------------------


def test_redis_killed_mid_batch_delays_the_work_and_loses_none(own_redis, workers):
    texts = batch_texts(14)
    worker = workers(own_redis.url)
    first = ingest(texts[:10])
    wait_until(
        lambda: _statuses(first)[ArticleStatus.READY] >= 2, seconds=90, message="the batch to start",
        details=worker.log,
    )

    own_redis.kill()  # every message in Redis is gone with it
    not_ready = len(first) - _statuses(first)[ArticleStatus.READY]
    assert not_ready >= 3, "the kill must land mid-batch, with messages still waiting in Redis"
    started = time.monotonic()
    during = ingest(texts[10:])
    assert time.monotonic() - started < 4 * 5, "ingest must not hang while the broker is down"
    assert all(a.queued_at is None and a.status == ArticleStatus.QUEUED for a in during)
    time.sleep(8)
    own_redis.start()  # same port, empty

    articles = first + during
    wait_all_ready(articles, seconds=READY_WITHIN, logs=[worker.log])
    assert_ready_exactly_once(articles, texts, [worker.log])
    elapsed = time.monotonic() - started
    print(f"redis outage: {not_ready} articles caught mid-batch; all ready {elapsed:.0f}s after the kill")


def test_without_beat_a_starting_worker_sends_what_waited_for_the_broker(own_redis, workers):
    texts = batch_texts(3)
    own_redis.kill()
    articles = ingest(texts)
    assert all(a.queued_at is None for a in articles)
    own_redis.start()

    worker = workers(own_redis.url, beat=False, FACTCHECK_SWEEP_SECONDS="3600")

    wait_all_ready(articles, seconds=60, logs=[worker.log])
    assert_ready_exactly_once(articles, texts, [worker.log])


def test_a_sigkilled_worker_loses_nothing_and_processes_nothing_twice(own_redis, workers):
    texts = batch_texts(8)
    texts[2] = long_article(300)  # seconds of work: the kill lands in the middle of it
    first = workers(own_redis.url)
    articles = ingest(texts)
    wait_until(
        lambda: Article.objects.filter(id=articles[2].id, status__in=[ArticleStatus.EXTRACTING,
                                                                      ArticleStatus.MATCHING]).exists(),
        seconds=90, message="the worker to start on the long article", details=first.log,
    )
    first.kill()
    assert Article.objects.get(id=articles[2].id).status != ArticleStatus.READY

    second = workers(own_redis.url)
    wait_all_ready(articles, seconds=READY_WITHIN, logs=[first.log, second.log])
    assert_ready_exactly_once(articles, texts, [first.log, second.log])
    assert Article.objects.get(id=articles[2].id).attempts >= 2


def test_the_database_dropped_for_15_seconds_delays_the_work_and_loses_none(own_redis, workers):
    if connection.vendor != "postgresql":
        pytest.skip("the database outage needs PostgreSQL (a TCP connection to cut); SQLite is a local file")
    settings_dict = connection.settings_dict
    proxy = DatabaseProxy((settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432)))
    try:
        auth = settings_dict["USER"] + (f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else "")
        through_proxy = f"postgres://{auth}@127.0.0.1:{proxy.port}/{settings_dict['NAME']}"
        texts = batch_texts(12)
        # Retries 1-8 s apart (×0.5-1.5), ten of them: they outlast the 15 s outage.
        worker = workers(own_redis.url, through_proxy, FACTCHECK_RETRY_MAX_SECONDS="8", CELERY_VISIBILITY_TIMEOUT="30")
        articles = ingest(texts)
        wait_until(
            lambda: _statuses(articles)[ArticleStatus.READY] >= 1, seconds=90, message="the batch to start",
            details=worker.log,
        )
        proxy.drop()
        time.sleep(15)
        proxy.restore()
        wait_all_ready(articles, seconds=READY_WITHIN, logs=[worker.log])
        assert_ready_exactly_once(articles, texts, [worker.log])
        assert "OperationalError" in worker.log(), "the outage was not felt: the test proves nothing"
    finally:
        proxy.close()
