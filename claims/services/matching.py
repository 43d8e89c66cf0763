"""Matching claims against the reference library, and storing what the matcher suggests.

The engine (`claims.matching`) is pure Python; this module feeds it the stored references and
quantities and writes back one QuantityCheck per quantity and a suggestion per claim. Running it
twice on the same claims stores the same rows again: nothing is duplicated.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from claims.extraction.types import Quantity as FoundQuantity
from claims.matching import Matcher, MatchSettings, statement_from_record
from claims.models import (
    VALUE_DIGITS,
    VALUE_PLACES,
    ArticleStatus,
    Claim,
    ClaimStatus,
    MachineVerdict,
    Quantity,
    QuantityCheck,
    ReferenceOrigin,
    ReferenceSource,
    ReferenceStatement,
)
from claims.services.claim_memory import (
    blank_figures,
    checked_before_explanations,
    claim_memory_find,
    is_known_wrong,
)
from claims.services.references import reference_record

logger = logging.getLogger(__name__)

REMATCH_BATCH_SIZE = 200
# How much of the article before a claim the matcher reads as context (a subject named earlier).
CONTEXT_CHARS = 600
# The review queue puts machine contradictions first, then mixed claims; supported and unverified
# claims overlap on purpose: a very check-worthy claim no reference covers needs an editor more
# than a barely check-worthy one the library already confirms.
VERDICT_PRIORITY = {
    MachineVerdict.CONTRADICTED: 300,
    MachineVerdict.MIXED: 200,
    MachineVerdict.SUPPORTED: 100,
    MachineVerdict.UNVERIFIED: 50,
}
# Statuses the matcher may move on; a claim an editor has taken up keeps its status.
_MATCHABLE_STATUS = ClaimStatus.NEW

_cache_lock = threading.Lock()
_cached_matcher: tuple[tuple, Matcher] | None = None


def claim_priority(checkworthiness: float, suggested_verdict: str) -> int:
    """The claim's place in the review queue: higher first. Check-worthiness adds 0-99, so no
    mixed claim passes a contradicted one."""
    return VERDICT_PRIORITY.get(suggested_verdict, 0) + round(min(max(checkworthiness or 0.0, 0.0), 1.0) * 99)


def match_settings() -> MatchSettings:
    """The engine's thresholds, with the overrides of settings.FACTCHECK_MATCHING."""
    return MatchSettings.from_dict(getattr(settings, "FACTCHECK_MATCHING", None) or {})


def _library_version() -> tuple:
    statements = ReferenceStatement.objects.aggregate(count=Count("id"), changed=Max("updated_at"))
    sources = ReferenceSource.objects.aggregate(changed=Max("updated_at"))
    overrides = sorted((getattr(settings, "FACTCHECK_MATCHING", None) or {}).items())
    return statements["count"], statements["changed"], sources["changed"], repr(overrides)


def engine_statements(statements: Iterable[ReferenceStatement]) -> list:
    """Stored statements as the engine's ReferenceStatement (figures from the texts and the value).
    A statement the engine cannot read is left out and logged, never fatal."""
    built = []
    for statement in statements:
        if statement.origin == ReferenceOrigin.CLAIMREVIEW:
            continue  # the disputed claim, not evidence: used by the claim memory only
        record = reference_record(statement)
        if statement.origin == ReferenceOrigin.VERDICT:
            record["statement"] = blank_figures(record["statement"])  # only the correct value counts
        try:
            built.append(statement_from_record(record))
        except ValueError:
            logger.warning("reference %s left out of matching: it cannot be read", statement.key, exc_info=True)
    return built


def matcher_get() -> Matcher:
    """The matcher over the whole library, built once per process and rebuilt when the library (its
    number of statements, their last change, their sources) or the settings change."""
    global _cached_matcher
    version = _library_version()
    with _cache_lock:
        if _cached_matcher is None or _cached_matcher[0] != version:
            statements = ReferenceStatement.objects.select_related("source").order_by("key")
            _cached_matcher = (version, Matcher(engine_statements(statements), settings=match_settings()))
        return _cached_matcher[1]


def quantity_from_row(row: Quantity) -> FoundQuantity:
    """A stored quantity as the engine's Quantity."""
    value = row.value_text if row.kind == "date" else Decimal(row.value_text)
    return FoundQuantity(
        start=row.start,
        end=row.end,
        text=row.text,
        kind=row.kind,
        value=value,
        unit=row.unit or None,
        qualifier=row.qualifier or "exact",
        precision=row.precision,
        extras=dict(row.extras or {}),
    )


def claim_context(claim: Claim) -> str:
    """What the matcher may read around a claim: the article's title and the text just before it."""
    article = claim.article
    before = article.text[max(0, claim.start - CONTEXT_CHARS) : claim.start]
    return f"{article.title}\n{before}"


def _stored_decimal(value) -> Decimal | None:
    """A decimal that fits the model's DecimalField, or None when it cannot be stored."""
    if value is None:
        return None
    value = Decimal(value)
    if not value.is_finite() or abs(value) >= Decimal(10) ** (VALUE_DIGITS - VALUE_PLACES):
        return None
    return value.quantize(Decimal(1).scaleb(-VALUE_PLACES))


def _check_fields(check, reference_ids: dict[str, int]) -> dict:
    data = check.to_dict()
    return {
        "verdict": check.verdict,
        "reference_id": reference_ids.get(check.reference_key or ""),
        "reference_value": data["reference_value"] or "",
        "reference_unit": check.reference_unit or "",
        "ratio": _stored_decimal(check.ratio),
        "error": check.error or "",
        "score": float(check.score),
        "explanation_ar": check.explanation_ar,
        "explanation_en": check.explanation_en,
        "candidates": data["candidates"],
    }


def claim_match(*, claim: Claim, matcher: Matcher, memory_version: tuple | None = None) -> str:
    """Match one claim and store its checks, its suggestion and the earlier checks it repeats.
    Returns the suggested verdict."""
    rows = list(claim.quantities.order_by("position", "id"))
    result = matcher.check_claim(claim.text, [quantity_from_row(row) for row in rows], context=claim_context(claim))
    keys = {check.reference_key for check in result.checks if check.reference_key}
    keys.add(result.suggestion.reference or "")
    reference_ids = dict(ReferenceStatement.objects.filter(key__in=keys).values_list("key", "id"))
    verdict = result.suggestion.verdict
    suggestion = result.suggestion.to_dict()
    repeats = claim_memory_find(claim=claim, rows=rows, version=memory_version or _library_version())
    if repeats:
        explanation_ar, explanation_en = checked_before_explanations(repeats[0])
        suggestion["checked_before"] = repeats
        suggestion["explanation_ar"] = f"{explanation_ar} {suggestion.get('explanation_ar', '')}".strip()
        suggestion["explanation"] = f"{explanation_en} {suggestion.get('explanation', '')}".strip()
    memory = repeats[0]["key"] if repeats else ""
    with transaction.atomic():
        for row, check in zip(rows, result.checks, strict=True):
            QuantityCheck.objects.update_or_create(quantity=row, defaults=_check_fields(check, reference_ids))
        Claim.objects.filter(id=claim.id).update(
            suggested_verdict=verdict,
            suggestion=suggestion,
            suggested_at=timezone.now(),
            priority=claim_priority(claim.checkworthiness, verdict),
            checked_before=repeats,
            memory_key=memory,
        )
        Claim.objects.filter(id=claim.id, status=_MATCHABLE_STATUS).update(status=ClaimStatus.SUGGESTED)
        if repeats and is_known_wrong(repeats[0]):
            claim_id = claim.id
            transaction.on_commit(lambda: _notify_repeated(claim_id))
    return verdict


def _notify_repeated(claim_id: int) -> None:
    # Imported here: webhooks build the claim object through the API layer, loaded after services.
    from claims.services.webhooks import claim_repeated_notify

    claim_repeated_notify(claim_id=claim_id)


def claims_match(*, claim_ids: Iterable[int]) -> int:
    """Match these claims against the library and store the results. Returns how many were matched.

    Their `needs_matching` flag is cleared before matching, so a reference changed meanwhile flags
    them again for the next sweep; a claim whose matching fails is flagged again too.
    """
    claim_ids = list(claim_ids)
    if not claim_ids:
        return 0
    matcher = matcher_get()
    version = _library_version()
    Claim.objects.filter(id__in=claim_ids).update(needs_matching=False)
    matched = 0
    claims = Claim.objects.filter(id__in=claim_ids).select_related("article").order_by("id")
    for claim in claims:
        try:
            claim_match(claim=claim, matcher=matcher, memory_version=version)
        except BaseException:
            Claim.objects.filter(id__in=[c for c in claim_ids if c >= claim.id]).update(needs_matching=True)
            raise
        matched += 1
    return matched


def claims_rematch_dirty(*, batch_size: int = REMATCH_BATCH_SIZE) -> int:
    """Match every flagged claim of a ready article, `batch_size` at a time (the pipeline matches
    claims of articles still in progress itself). Returns how many were matched."""
    matched = 0
    last_id = 0
    while True:
        batch = list(
            Claim.objects.filter(needs_matching=True, article__status=ArticleStatus.READY, id__gt=last_id)
            .order_by("id")
            .values_list("id", flat=True)[:batch_size]
        )
        if not batch:
            return matched
        matched += claims_match(claim_ids=batch)
        last_id = batch[-1]
