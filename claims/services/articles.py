"""Articles: ingest once, then extract → match → ready (or failed, with the error kept).

`article_process` is what the Celery task runs. It is idempotent: running it again on the same
article updates its claims in place (same spans keep their ids, editors' verdicts and history) and
never duplicates them.
"""

import hashlib
import logging
from dataclasses import asdict
from datetime import datetime, timedelta

from celery import current_app as app
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from simple_history.utils import bulk_create_with_history

from claims.extraction import extract, normalize
from claims.extraction.types import ClaimSpan, Extraction
from claims.lib import validation
from claims.lib.errors import BROKER_ERRORS, TRANSIENT_ERRORS
from claims.lib.sources import IncomingArticle, title_from_text
from claims.matching import Matcher
from claims.models import Article, ArticleStatus, Claim, ClaimStatus, Quantity, QuantityCheck
from claims.services.checkworthiness import extraction_rescored
from claims.services.matching import (
    apply_suggestion,
    check_rows,
    context_before,
    library_version,
    matcher_with_version,
    notify_repeated_on_commit,
    quantity_from_row,
    quantity_row,
    reference_ids_for,
    remember_repeats,
)
from claims.services.rows import row_claim
from claims.tasks.articles import process_article

logger = logging.getLogger(__name__)

ERROR_MAX_CHARS = 4000
BROKER_UNAVAILABLE = "queued, broker unavailable, will retry"
# Rows written per INSERT by the pipeline's bulk writes.
BULK_BATCH_SIZE = 500
# Articles sent per query by the sweep.
SWEEP_BATCH_SIZE = 500


class ArticleTooLarge(ValueError):
    """The text is longer than settings.FACTCHECK_MAX_ARTICLE_CHARS."""


class LeaseLost(Exception):
    """Another task took the article over (this one was presumed dead): its writes are rolled back."""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_size_check(length: int) -> None:
    """Refuse an article longer than the configured maximum, with a message the doors show as is."""
    limit = settings.FACTCHECK_MAX_ARTICLE_CHARS
    if length > limit:
        raise ArticleTooLarge(
            gettext("The article is too long: %(length)s characters, the maximum is %(limit)s.")
            % {"length": f"{length:,}", "limit": f"{limit:,}"}
        )


def article_ingest(
    *,
    title: str,
    text: str,
    source: str,
    url: str | None = None,
    language: str = "ar",
    published_at: datetime | None = None,
    sync: bool = False,
    send: bool = True,
) -> tuple[Article, bool]:
    """Store an article and start its pipeline. Identical text already ingested is a no-op.

    The row is committed first, with an empty `queued_at` (the outbox); its task is sent when the
    transaction commits. If the broker is unavailable then, the article stays in the outbox
    (`article.queued_at` is still None on the returned object) and the sweep sends it later.
    `send=False` leaves it in the outbox at once (a caller that already knows the broker is down)."""
    if not text.strip():
        raise ValueError(gettext("the article has no text"))
    article_size_check(len(text))
    # The last guard before the database (every door passes here): no NUL or lone surrogates, and
    # only http(s) URLs. InputError is a ValueError: the doors report it with the input it came from.
    for name, value in (("text", text), ("title", title or ""), ("source", source)):
        validation.check_text(value, name)
    url = validation.check_url(url)
    article, created = Article.objects.get_or_create(
        content_hash=content_hash(text),
        defaults={
            "title": (title or title_from_text(text))[:500],
            "text": text,
            "source": source[:500],
            "url": url or None,
            "language": language,
            "published_at": published_at,
        },
    )
    if created:
        if sync:
            article_process(article.id)
            article.refresh_from_db()
        elif send:
            article_queue(article=article)
    return article, created


def article_ingest_incoming(
    *, incoming: IncomingArticle, sync: bool = False, send: bool = True
) -> tuple[Article, bool]:
    """`article_ingest` of an article read by claims.lib.sources: the one ingest door of the admin,
    the API and the `ingest` command."""
    return article_ingest(**asdict(incoming), sync=sync, send=send)


def article_queue(*, article: Article) -> None:
    """Send the article's task once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: article_send(article=article))


def article_send(*, article: Article) -> bool:
    """Hand the article's task to the broker and stamp `queued_at`. A broker that is down is logged,
    not raised: the row stays in the outbox for the sweep. Returns whether the task was sent."""
    try:
        process_article.delay(article.id)
    except BROKER_ERRORS as error:
        logger.warning("article %s: %s (%s)", article.id, BROKER_UNAVAILABLE, error)
        return False
    now = timezone.now()
    Article.objects.filter(id=article.id, status=ArticleStatus.QUEUED).update(queued_at=now)
    article.queued_at = now
    return True


def article_is_waiting_for_broker(article: Article) -> bool:
    return article.status == ArticleStatus.QUEUED and article.queued_at is None


def article_requeue(*, article_ids) -> int:
    """Put articles back at the start of the pipeline (failed ones, or ones a dead worker left behind)."""
    articles = list(Article.objects.filter(id__in=article_ids).exclude(status=ArticleStatus.READY).only("id"))
    Article.objects.filter(id__in=[a.id for a in articles]).update(
        status=ArticleStatus.QUEUED, status_changed_at=timezone.now(), error="", queued_at=None, task_id=""
    )
    for article in articles:
        article.status = ArticleStatus.QUEUED
        article_queue(article=article)
    return len(articles)


def _set_status(article_id: int, status: str, **fields) -> int:
    return Article.objects.filter(id=article_id).update(status=status, status_changed_at=timezone.now(), **fields)


def _claim(article_id: int, task_id: str) -> bool:
    """Take the article for this task: a queued article, or one this same task already holds (a retry or
    a redelivery keeps its task id), or one whose holder looks dead (no change for FACTCHECK_STUCK_SECONDS).
    A ready article is never taken again, however often its task is delivered."""
    in_progress = [ArticleStatus.EXTRACTING, ArticleStatus.MATCHING]
    stale = timezone.now() - timedelta(seconds=settings.FACTCHECK_STUCK_SECONDS)
    takeable = Q(status=ArticleStatus.QUEUED) | Q(status__in=in_progress, status_changed_at__lt=stale)
    if task_id:
        takeable |= Q(status__in=in_progress, task_id=task_id)
    return row_claim(
        Article,
        pk=article_id,
        when=takeable,
        status=ArticleStatus.EXTRACTING,
        status_changed_at=timezone.now(),
        attempts=F("attempts") + 1,
        error="",
        task_id=task_id,
    )


def article_process(article_id: int, *, task_id: str = "") -> None:
    """Run the whole pipeline for one article. Transient errors propagate (the task retries them);
    any other error is recorded on the article, which is marked failed.

    The article's text is read once; its claims, figures, checks and history are written in bulk in
    one transaction, which also marks it ready (so `ready` is reached exactly once, with its claims)."""
    if not _claim(article_id, task_id):
        logger.info("article %s: not taken (ready, or held by another task)", article_id)
        return
    try:
        article = Article.objects.only("id", "title", "text").get(id=article_id)
        extraction = extraction_rescored(extract(article.text))
        Article.objects.filter(id=article_id, task_id=task_id).update(
            status=ArticleStatus.MATCHING, status_changed_at=timezone.now()
        )
        version, matcher = matcher_with_version()
        results = article_match(article=article, extraction=extraction, matcher=matcher)
        with transaction.atomic():
            claim_ids = article_store_claims(
                article=article, extraction=extraction, results=results, memory_version=version
            )
            finished = (
                Article.objects.filter(id=article_id, status=ArticleStatus.MATCHING, task_id=task_id)
                .update(status=ArticleStatus.READY, status_changed_at=timezone.now())
            )
            if not finished:
                raise LeaseLost
        del article, extraction, results
        logger.info("article %s ready (%d claims)", article_id, len(claim_ids))
    except LeaseLost:
        logger.warning("article %s: taken over by another task; this run's writes are dropped", article_id)
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:  # noqa: BLE001  (recorded on the row, never lost)
        logger.exception("article %s failed", article_id)
        article_fail(article_id=article_id, error=exc, task_id=task_id)


def article_fail(*, article_id: int, error: BaseException, task_id: str | None = None) -> None:
    """Record the failure on the row (never over a ready article; with `task_id`, only if that task
    still holds it). If the database is down too, the article stays in progress and the sweep queues
    it again once it is stale."""
    message = f"{type(error).__name__}: {error}"[:ERROR_MAX_CHARS]
    articles = Article.objects.filter(id=article_id).exclude(status=ArticleStatus.READY)
    if task_id is not None:
        articles = articles.filter(task_id=task_id)
    try:
        articles.update(status=ArticleStatus.FAILED, status_changed_at=timezone.now(), error=message)
    except DatabaseError:
        logger.exception("could not record the failure of article %s", article_id)


def article_to_outbox(*, article_id: int) -> None:
    """Put an article whose retry could not be sent (broker down) back in the outbox, for the sweep."""
    try:
        Article.objects.filter(id=article_id).exclude(status=ArticleStatus.READY).update(
            status=ArticleStatus.QUEUED, status_changed_at=timezone.now(), queued_at=None, task_id=""
        )
    except DatabaseError:
        logger.exception("article %s: neither its retry nor the outbox could be written", article_id)


_CLAIM_FIELDS = ("text", "normalized_text", "kind", "checkworthiness", "needs_matching")
_SUGGESTION_FIELDS = (
    "suggested_verdict", "suggestion", "suggested_at", "priority", "status", "checked_before", "memory_key"
)


def _claim_fields(span: ClaimSpan) -> dict:
    return {
        "text": span.text,
        "normalized_text": normalize(span.text),
        "kind": span.kind,
        "checkworthiness": span.checkworthiness,
        "needs_matching": True,
    }


def article_match(*, article: Article, extraction: Extraction, matcher: Matcher) -> list:
    """The matcher's ClaimCheck for each claim of the extraction, from the text in memory (figures
    exactly as they will be stored), before anything is written."""
    results = []
    for span in extraction.claims:
        rows = [quantity_row(None, position, extraction.quantities[index])
                for position, index in enumerate(span.quantity_indexes)]
        context = context_before(article.title, article.text, span.start)
        results.append(matcher.check_claim(span.text, [quantity_from_row(row) for row in rows], context=context))
    return results


# Inside the pipeline's transaction no savepoint is needed: a failure rolls the whole article back.
@transaction.atomic(savepoint=False)
def article_store_claims(
    *, article: Article, extraction: Extraction, results: list | None = None, memory_version: tuple | None = None
) -> list[int]:
    """Replace the article's claims with the extraction's, keeping the rows (and their verdicts) whose
    span is unchanged. Claims that vanished are deleted unless an editor already worked on them.

    With the matcher's `results` (one per claim, from `article_match`), the claims are stored already
    matched: their suggestions and figure checks are written with them. Without, they are flagged
    `needs_matching`. A constant number of statements whatever the number of claims: new claims (and
    their history rows), figures and checks inserted in bulk, kept claims updated in one statement."""
    existing = {
        (c.start, c.end): c for c in article.claims.select_for_update().only("id", "start", "end", "status")
    }
    fresh, kept, ordered, checks, repeated = [], [], [], [], []
    reference_ids = reference_ids_for(results) if results else {}
    if memory_version is None:
        memory_version = library_version() if results else ()
    now = timezone.now()
    for number, span in enumerate(extraction.claims):
        fields = _claim_fields(span)
        claim = existing.pop((span.start, span.end), None)
        if claim is None:
            claim = Claim(article=article, start=span.start, end=span.end, **fields)
            fresh.append(claim)
        else:
            for name, value in fields.items():
                setattr(claim, name, value)
            kept.append(claim)
        rows = [quantity_row(claim, position, extraction.quantities[index])
                for position, index in enumerate(span.quantity_indexes)]
        if results:
            apply_suggestion(claim, results[number], now)
            if remember_repeats(claim, rows, memory_version):
                repeated.append(claim)
            checks += check_rows(rows, results[number], reference_ids)
        ordered.append((claim, rows))
    if kept:
        Quantity.objects.filter(claim__in=kept).delete()
        update_fields = [*_CLAIM_FIELDS, *(_SUGGESTION_FIELDS if results else ())]
        Claim.objects.bulk_update(kept, update_fields, batch_size=BULK_BATCH_SIZE)
    if fresh:
        bulk_create_with_history(fresh, Claim, batch_size=BULK_BATCH_SIZE)
    # bulk_create takes each row's claim id from its (now saved) claim, each check's from its row.
    Quantity.objects.bulk_create(
        [row for _, claim_rows in ordered for row in claim_rows], batch_size=BULK_BATCH_SIZE
    )
    if checks:
        QuantityCheck.objects.bulk_create(checks, batch_size=BULK_BATCH_SIZE)
    untouched = [c.id for c in existing.values() if c.status in (ClaimStatus.NEW, ClaimStatus.SUGGESTED)]
    if untouched:
        # Claims an editor added or labelled are their decisions: kept whatever the extractor finds now.
        Claim.objects.filter(id__in=untouched, verdict__isnull=True, editor_label__isnull=True).delete()
    notify_repeated_on_commit([claim.id for claim in repeated])
    return [claim.id for claim, _ in ordered]


def broker_backlog() -> int | None:
    """How many messages wait in the default queue; None when the broker cannot tell (down, or the
    queue not declared yet, as after a restart)."""
    if app.conf.task_always_eager:
        return 0
    try:
        with app.connection_for_read() as conn:
            return conn.default_channel.queue_declare(queue=app.conf.task_default_queue, passive=True).message_count
    except Exception:  # noqa: BLE001  (unknown: the sweep resends, duplicates are harmless)
        return None


def articles_requeue_stuck() -> int:
    """The periodic sweep (every FACTCHECK_SWEEP_SECONDS, and once when a worker starts).

    - Articles in the outbox (`queued` without a message: the broker was down) are sent now, and
      `queued` ones whose message was sent more than FACTCHECK_QUEUED_SECONDS ago are sent again (a
      broker that restarted empty lost it; a duplicate message finds the article taken or ready),
      unless messages still wait in the broker's queue (a backlog, not a loss).
    - Articles stuck mid-pipeline (no change for FACTCHECK_STUCK_SECONDS: a dead worker) go back to
      the queue, until they have used up FACTCHECK_MAX_ATTEMPTS; then they are marked failed.
    Returns how many articles were sent. Stops at the first broker error: the next sweep goes on."""
    now = timezone.now()
    stuck_before = now - timedelta(seconds=settings.FACTCHECK_STUCK_SECONDS)
    stuck = Article.objects.filter(
        status__in=[ArticleStatus.EXTRACTING, ArticleStatus.MATCHING], status_changed_at__lt=stuck_before
    )
    exhausted = stuck.filter(attempts__gte=settings.FACTCHECK_MAX_ATTEMPTS)
    for article_id in exhausted.values_list("id", flat=True):
        article_fail(article_id=article_id, error=RuntimeError("gave up after too many attempts"))
    stuck.exclude(attempts__gte=settings.FACTCHECK_MAX_ATTEMPTS).update(
        status=ArticleStatus.QUEUED, status_changed_at=now, queued_at=None, task_id=""
    )
    resend_before = now - timedelta(seconds=settings.FACTCHECK_QUEUED_SECONDS)
    lost = Q(queued_at__lt=resend_before)
    if broker_backlog():
        # Messages still wait in the queue: a backlog draining, not lost messages. Resending would
        # only pile duplicates onto it; the outbox is still sent.
        lost = Q(pk__in=[])
    due = Article.objects.filter(Q(queued_at__isnull=True) | lost, status=ArticleStatus.QUEUED)
    sent = 0
    last_id = 0
    while True:
        batch = list(due.filter(id__gt=last_id).order_by("id").only("id", "status")[:SWEEP_BATCH_SIZE])
        if not batch:
            return sent
        for article in batch:
            if not article_send(article=article):
                return sent
            sent += 1
        last_id = batch[-1].id
