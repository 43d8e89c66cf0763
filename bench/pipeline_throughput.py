#!/usr/bin/env python3
"""Pipeline throughput: articles/min through real Celery worker processes, and SQL per article.

Usage: DATABASE_URL=postgres://…/some_bench_db python bench/pipeline_throughput.py [--articles 200]
       [--concurrency 2] [--words 1500] [--root DIR]

1. In this process (no broker): SQL statements and wall time per article of `article_process`, over
   `--sample` articles, with the time split into extraction and the rest (matching + database).
2. Through the real pipeline: an embedded redis-server, one `celery worker --concurrency N`, and
   `--articles` articles of ~`--words` words ingested here; articles/min from the first ingest to the
   last `ready` (after a warm-up article per pool process, which builds its matcher).

The database gets the demo reference library; earlier benchmark articles (source "bench:…") are
deleted first. Use a database of your own (it is migrated). `--root` runs another checkout of the
project (e.g. an older commit exported with `git archive`) to compare before/after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pipeline_support as support  # noqa: E402


def sql_per_article(texts: list[str]) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    import claims.services.articles as service
    from claims.models import Article
    from claims.services.matching import matcher_get

    matcher_get()
    real_extract = service.extract
    spent = {"extract": 0.0}

    def timed_extract(text):
        started = time.perf_counter()
        try:
            return real_extract(text)
        finally:
            spent["extract"] += time.perf_counter() - started

    service.extract = timed_extract
    counts, walls, claims = [], [], []
    try:
        for n, text in enumerate(texts):
            article = Article.objects.create(
                title=f"sample {n}", source=f"bench:sample-{n}", text=text, content_hash=service.content_hash(text)
            )
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                service.article_process(article.id)
            walls.append(time.perf_counter() - started)
            counts.append(len(queries))
            claims.append(article.claims.count())
    finally:
        service.extract = real_extract
    total = sum(walls)
    return {
        "sql": statistics.mean(counts),
        "sql_max": max(counts),
        "claims": statistics.mean(claims),
        "ms": 1000 * total / len(texts),
        "extract_ms": 1000 * spent["extract"] / len(texts),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--words", type=int, default=1500)
    parser.add_argument("--sample", type=int, default=20, help="articles measured in-process for SQL counts")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the project checkout to run")
    args = parser.parse_args()
    root = args.root.resolve()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("set DATABASE_URL to a database of your own (PostgreSQL: SQLite serialises the workers' writes)")
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "0"
    support.django_setup(root)
    from django.db import connection

    from claims.models import Article, ArticleStatus
    from claims.services.articles import article_ingest
    from factcheck.celery import app

    support.prepare_database(root)
    print(f"code: {root}  database: {connection.vendor}  articles: {args.articles} x ~{args.words} words")

    sample = sql_per_article([support.article_text(10_000 + n, args.words) for n in range(args.sample)])
    print(
        f"in-process: {sample['ms']:.0f} ms/article (extraction {sample['extract_ms']:.0f} ms), "
        f"{sample['sql']:.0f} SQL statements/article (max {sample['sql_max']}), {sample['claims']:.1f} claims/article"
    )

    workdir = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
    redis_process, redis_url = support.start_redis(workdir)
    app.conf.broker_url = app.conf["CELERY_BROKER_URL"] = redis_url
    app._after_fork()
    env = {**os.environ, "REDIS_URL": redis_url}
    worker = support.start_worker(root, env, args.concurrency, workdir / "worker.log")
    try:
        warm = [article_ingest(title="", text=support.article_text(20_000 + n, args.words), source=f"bench:warm-{n}")[0]
                for n in range(args.concurrency * 2)]
        _wait([a.id for a in warm], Article, ArticleStatus, args.timeout, workdir)
        texts = [support.article_text(n, args.words) for n in range(args.articles)]
        processes = {
            "worker (consumer)": lambda: [worker.pid],
            "worker pool": lambda: support.children(worker.pid),
            "postgres": lambda: _database_backends(connection),
            "redis": lambda: [redis_process.pid],
        }
        cpu_before = {name: _cpu_seconds(pids()) for name, pids in processes.items()}
        started = time.perf_counter()
        ids = [article_ingest(title="", text=text, source=f"bench:{n}")[0].id for n, text in enumerate(texts)]
        ingested = time.perf_counter() - started
        _wait(ids, Article, ArticleStatus, args.timeout, workdir)
        elapsed = time.perf_counter() - started
        cpu_after = {name: _cpu_seconds(pids()) for name, pids in processes.items()}
    finally:
        support.stop(worker)
        support.stop(redis_process)
    failed = Article.objects.filter(id__in=ids, status=ArticleStatus.FAILED).count()
    load = os.getloadavg()
    print(
        f"pipeline, {args.concurrency} worker processes: {args.articles} articles in {elapsed:.1f} s = "
        f"{args.articles / elapsed * 60:.0f} articles/min (ingest {ingested:.1f} s of it; {failed} failed; "
        f"load average {load[0]:.1f})"
    )
    # CPU per article, which the machine's load does not inflate: the worker processes (Celery and the
    # pipeline), this database's PostgreSQL backends (the workers' and the ingest's) and the broker.
    spent = {name: _cpu_delta(cpu_before[name], cpu_after[name]) * 1000 / args.articles for name in processes}
    total = sum(spent.values())
    print(
        "CPU per article: " + ", ".join(f"{name} {ms:.1f} ms" for name, ms in spent.items())
        + f"; total {total:.1f} ms -> {2 * 60_000 / total:.0f} articles/min on 2 idle cores"
    )


def _database_backends(connection) -> list[int]:
    """Pids of the PostgreSQL backends connected to this database (workers' and ours)."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
        return [pid for (pid,) in cursor.fetchall()]


def _cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User + system CPU seconds of each process (from /proc; a process gone is left out)."""
    ticks = os.sysconf("SC_CLK_TCK")
    seconds = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seconds[pid] = (int(fields[11]) + int(fields[12])) / ticks
    return seconds


def _cpu_delta(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())


def _wait(ids, Article, ArticleStatus, timeout, workdir):
    deadline = time.monotonic() + timeout
    done = (ArticleStatus.READY, ArticleStatus.FAILED)
    while Article.objects.filter(id__in=ids).exclude(status__in=done).exists():
        if time.monotonic() > deadline:
            sys.exit(f"timed out; worker log in {workdir / 'worker.log'}")
        time.sleep(0.1)


if __name__ == "__main__":
    main()
