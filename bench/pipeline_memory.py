#!/usr/bin/env python3
"""Worker memory for one very long article: peak RSS of the Celery pool process that runs it.

Usage: python bench/pipeline_memory.py [--chars 2000000] [--root DIR]
       (DATABASE_URL optional: a throwaway SQLite file is used by default)

Starts an embedded redis-server and `celery worker --concurrency 1`, ingests one Arabic article of
`--chars` characters (generated, see pipeline_support.long_article_text), and samples the pool
process's VmRSS every 50 ms until the article is ready; reports the pool process's peak (VmHWM when
it is still alive), the worker's RSS at rest before the task, the time, and the number of claims.
`--root` runs another checkout of the project (e.g. an older commit exported with `git archive`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pipeline_support as support  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=2_000_000)
    parser.add_argument("--figure-share", type=float, default=0.02, help="share of sentences with figures")
    parser.add_argument("--root", type=Path, default=HERE.parent)
    parser.add_argument("--timeout", type=float, default=1200)
    args = parser.parse_args()
    root = args.root.resolve()
    workdir = Path(tempfile.mkdtemp(prefix="pipeline-memory-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "0"
    # Measure the task itself: the limits that recycle a pool process are not what is measured.
    os.environ["CELERY_WORKER_MAX_MEMORY_PER_CHILD"] = str(10**9)
    os.environ.setdefault("FACTCHECK_MAX_ARTICLE_CHARS", str(args.chars))
    support.django_setup(root)
    from django.db import connection

    from claims.models import Article, ArticleStatus
    from claims.services.articles import article_ingest
    from factcheck.celery import app

    support.prepare_database(root)
    text = support.long_article_text(args.chars, figure_share=args.figure_share)
    redis_process, redis_url = support.start_redis(workdir)
    app.conf.broker_url = app.conf["CELERY_BROKER_URL"] = redis_url
    app._after_fork()
    worker = support.start_worker(root, {**os.environ, "REDIS_URL": redis_url}, 1, workdir / "worker.log")
    try:
        deadline = time.monotonic() + 60
        while not support.children(worker.pid):
            if time.monotonic() > deadline:
                sys.exit(f"the worker did not start; log in {workdir / 'worker.log'}")
            time.sleep(0.2)
        time.sleep(3)
        pool = support.children(worker.pid)
        at_rest = max(support.rss_kib(pid) for pid in pool)
        started = time.perf_counter()
        article, _ = article_ingest(title="", text=text, source="bench:memory")
        peak = 0
        deadline = time.monotonic() + args.timeout
        while True:
            for pid in support.children(worker.pid):
                peak = max(peak, support.rss_kib(pid), support.rss_kib(pid, "VmHWM"))
            status = Article.objects.values_list("status", flat=True).get(id=article.id)
            if status in (ArticleStatus.READY, ArticleStatus.FAILED) or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        for pid in support.children(worker.pid):
            peak = max(peak, support.rss_kib(pid, "VmHWM"))
    finally:
        support.stop(worker)
        support.stop(redis_process)
    article.refresh_from_db()
    print(f"code: {root}  database: {connection.vendor}  article: {len(text):,} characters")
    print(
        f"pool process RSS: {at_rest / 1024:.0f} MB at rest, peak {peak / 1024:.0f} MB; "
        f"{article.status} in {elapsed:.1f} s with {article.claims.count()} claims"
        + (f" ({article.error[:200]})" if article.error else "")
    )


if __name__ == "__main__":
    main()
