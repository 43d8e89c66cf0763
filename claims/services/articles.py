"""Articles: ingest once, then extract → match → ready (or failed, with the error kept).

`article_process` is what the Celery task runs. It is idempotent: running it again on the same
article updates its claims in place (same spans keep their ids, editors' verdicts and history) and
never duplicates them.
"""

import hashlib
import logging
from datetime import datetime

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims.extraction import extract, normalize
from claims.extraction.types import ClaimSpan, Extraction
from claims.extraction.types import Quantity as FoundQuantity
from claims.lib import validation
from claims.models import Article, ArticleStatus, Claim, ClaimStatus, Quantity
from claims.services.matching import claims_match

# Errors worth a retry (the database or broker blinked), shared with the reference tasks.
from claims.services.references import TRANSIENT_ERRORS

logger = logging.getLogger(__name__)

ERROR_MAX_CHARS = 4000
VALUE_TEXT_CHARS = 64  # Quantity.value_text max_length


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_ingest(
    *,
    title: str,
    text: str,
    source: str,
    url: str | None = None,
    language: str = "ar",
    published_at: datetime | None = None,
    sync: bool = False,
) -> tuple[Article, bool]:
    """Store an article and start its pipeline. Identical text already ingested is a no-op."""
    if not text.strip():
        raise ValueError("the article has no text")
    # The last guard before the database (every door passes here): no NUL or lone surrogates, and
    # only http(s) URLs. InputError is a ValueError: the doors report it with the input it came from.
    for name, value in (("text", text), ("title", title or ""), ("source", source)):
        validation.check_text(value, name)
    url = validation.check_url(url)
    article, created = Article.objects.get_or_create(
        content_hash=content_hash(text),
        defaults={
            "title": (title or text.strip().splitlines()[0])[:500],
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
        else:
            article_queue(article=article)
    return article, created


def article_queue(*, article: Article) -> None:
    from claims.tasks.articles import process_article

    process_article.delay_on_commit(article.id)


def article_requeue(*, article_ids) -> int:
    """Put articles back at the start of the pipeline (failed ones, or ones a dead worker left behind)."""
    articles = list(Article.objects.filter(id__in=article_ids).exclude(status=ArticleStatus.READY))
    Article.objects.filter(id__in=[a.id for a in articles]).update(
        status=ArticleStatus.QUEUED, status_changed_at=timezone.now(), error=""
    )
    for article in articles:
        article_queue(article=article)
    return len(articles)


def _set_status(article_id: int, status: str, **fields) -> None:
    Article.objects.filter(id=article_id).update(status=status, status_changed_at=timezone.now(), **fields)


def article_process(article_id: int) -> None:
    """Run the whole pipeline for one article. Transient errors propagate (the task retries them);
    any other error is recorded on the article, which is marked failed."""
    # Claim the row: a ready article is never processed twice, however often the task is delivered.
    claimed = (
        Article.objects.filter(id=article_id)
        .exclude(status=ArticleStatus.READY)
        .update(
            status=ArticleStatus.EXTRACTING,
            status_changed_at=timezone.now(),
            attempts=F("attempts") + 1,
            error="",
        )
    )
    if not claimed:
        return
    try:
        article = Article.objects.get(id=article_id)
        claim_ids = article_store_claims(article=article, extraction=extract(article.text))
        _set_status(article_id, ArticleStatus.MATCHING)
        claims_match(claim_ids=claim_ids)
        _set_status(article_id, ArticleStatus.READY)
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:  # noqa: BLE001  (recorded on the row, never lost)
        logger.exception("article %s failed", article_id)
        article_fail(article_id=article_id, error=exc)


def article_fail(*, article_id: int, error: BaseException) -> None:
    message = f"{type(error).__name__}: {error}"[:ERROR_MAX_CHARS]
    try:
        _set_status(article_id, ArticleStatus.FAILED, error=message)
    except DatabaseError:
        logger.exception("could not record the failure of article %s", article_id)


def _claim_fields(span: ClaimSpan) -> dict:
    return {
        "text": span.text,
        "normalized_text": normalize(span.text),
        "kind": span.kind,
        "checkworthiness": span.checkworthiness,
        "needs_matching": True,
    }


def _quantity_row(claim: Claim, position: int, found: FoundQuantity) -> Quantity:
    value = found.value
    is_number = not isinstance(value, str)
    data = found.to_dict()
    extras = {k: v for k, v in data.items() if k not in {"start", "end", "text", "kind", "value", "unit", "qualifier"}}
    extras.pop("precision", None)
    value_text, precision = data["value"], found.precision
    if is_number and not (validation.decimal_fits(value) and len(value_text) <= VALUE_TEXT_CHARS):
        # Beyond the numeric column (10^20 and up): kept as written, flagged, not compared as a number,
        # rather than failing the whole article on a numeric overflow.
        is_number, precision = False, None
        extras["out_of_range"] = True
        if len(value_text) > VALUE_TEXT_CHARS:  # still a decimal string (§4), in exponent form
            value_text = str(value.normalize()) if len(str(value.normalize())) <= VALUE_TEXT_CHARS else f"{value:.30E}"
    if not validation.decimal_fits(precision):
        precision = None
    return Quantity(
        claim=claim,
        position=position,
        start=found.start,
        end=found.end,
        text=found.text[:500],
        kind=found.kind,
        value_text=value_text,
        value=value if is_number else None,
        unit=found.unit or "",
        qualifier=found.qualifier or "exact",
        precision=precision,
        extras=extras,
    )


@transaction.atomic
def article_store_claims(*, article: Article, extraction: Extraction) -> list[int]:
    """Replace the article's claims with the extraction's, keeping the rows (and their verdicts) whose
    span is unchanged. Claims that vanished are deleted unless an editor already worked on them."""
    existing = {(c.start, c.end): c for c in article.claims.select_for_update()}
    kept_ids = []
    for span in extraction.claims:
        claim = existing.pop((span.start, span.end), None)
        fields = _claim_fields(span)
        if claim is None:
            claim = Claim.objects.create(article=article, start=span.start, end=span.end, **fields)
        else:
            Claim.objects.filter(id=claim.id).update(**fields)
            claim.quantities.all().delete()
        Quantity.objects.bulk_create(
            _quantity_row(claim, position, extraction.quantities[index])
            for position, index in enumerate(span.quantity_indexes)
        )
        kept_ids.append(claim.id)
    untouched = [c.id for c in existing.values() if c.status in (ClaimStatus.NEW, ClaimStatus.SUGGESTED)]
    Claim.objects.filter(id__in=untouched, verdict__isnull=True).delete()
    return kept_ids


def articles_requeue_stuck() -> int:
    """The periodic sweep: articles left `queued` (a lost message) or stuck mid-pipeline (a dead worker)
    go back to the queue, until they have used up their attempts; then they are marked failed."""
    now = timezone.now()
    queued_before = now - timezone.timedelta(seconds=settings.FACTCHECK_QUEUED_SECONDS)
    stuck_before = now - timezone.timedelta(seconds=settings.FACTCHECK_STUCK_SECONDS)
    stale = Article.objects.filter(
        Q(status=ArticleStatus.QUEUED, status_changed_at__lt=queued_before)
        | Q(status__in=[ArticleStatus.EXTRACTING, ArticleStatus.MATCHING], status_changed_at__lt=stuck_before)
    )
    exhausted = stale.filter(attempts__gte=settings.FACTCHECK_MAX_ATTEMPTS)
    for article_id in exhausted.values_list("id", flat=True):
        article_fail(article_id=article_id, error=RuntimeError("gave up after too many attempts"))
    return article_requeue(article_ids=list(stale.exclude(id__in=exhausted.values("id")).values_list("id", flat=True)))
