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
from django.db.models import Count, F, Max, Subquery, Value
from django.db.models.functions import Greatest, Substr
from django.utils import timezone

from claims.extraction import extract
from claims.extraction.types import Quantity as FoundQuantity
from claims.lib import validation
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
from claims.selectors.lookup import LookupHit, claims_lookup
from claims.services.claim_memory import (
    blank_figures,
    checked_before_explanations,
    claim_memory_find,
    is_known_wrong,
)
from claims.services.references import reference_record
from claims.services.webhooks import claim_repeated_notify

logger = logging.getLogger(__name__)

REMATCH_BATCH_SIZE = 200
# Claims matched (read, checked, written) per batch: memory stays bounded by the batch, whatever the
# number of claims, and the statements per batch are constant.
MATCH_BATCH_SIZE = 200
# How much of the article before a claim the matcher reads as context (a subject named earlier).
CONTEXT_CHARS = 600
VALUE_TEXT_CHARS = 64  # Quantity.value_text max_length
# The review queue puts machine contradictions first, then mixed claims and true but misleading
# bounds (each holds one figure an editor must weigh); supported and unverified
# claims overlap on purpose: a very check-worthy claim no reference covers needs an editor more
# than a barely check-worthy one the library already confirms.
VERDICT_PRIORITY = {
    MachineVerdict.CONTRADICTED: 300,
    MachineVerdict.MISLEADING_BOUND: 200,
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


def library_version() -> tuple:
    """What the matcher and the claim memory are built from, in one query: the number of statements,
    their last change, their sources' last change; and the settings."""
    last_source_change = ReferenceSource.objects.order_by("-updated_at").values("updated_at")[:1]
    library = ReferenceStatement.objects.aggregate(
        count=Count("id"), changed=Max("updated_at"), sources_changed=Max(Subquery(last_source_change))
    )
    overrides = sorted((getattr(settings, "FACTCHECK_MATCHING", None) or {}).items())
    return library["count"], library["changed"], library["sources_changed"], repr(overrides)


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
    return matcher_with_version()[1]


def matcher_with_version() -> tuple[tuple, Matcher]:
    """`matcher_get()` and the library version it was checked against (one read of the version per
    job: the claim memory keys its finds by the same version)."""
    global _cached_matcher
    version = library_version()
    with _cache_lock:
        if _cached_matcher is None or _cached_matcher[0] != version:
            statements = ReferenceStatement.objects.select_related("source").order_by("key")
            _cached_matcher = (version, Matcher(engine_statements(statements), settings=match_settings()))
        return version, _cached_matcher[1]


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


def quantity_row(claim: Claim | None, position: int, found: FoundQuantity) -> Quantity:
    """The row of an engine Quantity (the inverse of `quantity_from_row`); a number too large for the
    numeric column is kept as written and flagged `out_of_range` instead of failing the write."""
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


def claim_context(claim: Claim) -> str:
    """What the matcher may read around a claim: the article's title and the text just before it.

    Claims loaded by `_claims_with_context` carry both, cut by the database: the article's text is
    never copied into the worker once per claim."""
    if hasattr(claim, "context_before"):
        return f"{claim.article_title}\n{claim.context_before}"
    return context_before(claim.article.title, claim.article.text, claim.start)


def _claims_with_context(claim_ids: list[int]) -> list[Claim]:
    """These claims with the article's title and the CONTEXT_CHARS before each claim (SQL substr)."""
    context_start = Greatest(F("start") - CONTEXT_CHARS, Value(0))
    return list(
        Claim.objects.filter(id__in=claim_ids)
        .only("id", "article_id", "start", "text", "checkworthiness", "status")
        .annotate(
            article_title=F("article__title"),
            context_before=Substr("article__text", context_start + 1, F("start") - context_start),
        )
        .order_by("id")
    )


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


def context_before(title: str, text: str, start: int) -> str:
    """The matcher's context for a claim starting at `start`: the title and the text just before it."""
    return f"{title}\n{text[max(0, start - CONTEXT_CHARS) : start]}"


def reference_ids_for(results: Iterable) -> dict[str, int]:
    """The ids of every reference these ClaimChecks name, in one query."""
    keys = {""}
    for result in results:
        keys.update(check.reference_key for check in result.checks if check.reference_key)
        keys.add(result.suggestion.reference or "")
    return dict(ReferenceStatement.objects.filter(key__in=keys).values_list("key", "id"))


def check_rows(rows: list[Quantity], result, reference_ids: dict[str, int]) -> list[QuantityCheck]:
    """The QuantityCheck rows (unsaved) of one claim's figures."""
    return [
        QuantityCheck(quantity=row, **_check_fields(check, reference_ids))
        for row, check in zip(rows, result.checks, strict=True)
    ]


def apply_suggestion(claim: Claim, result, now) -> str:
    """Set the claim's suggestion fields from the matcher's ClaimCheck (not saved). A claim the
    matcher may move on (status new) becomes suggested; one an editor took up keeps its status."""
    verdict = result.suggestion.verdict
    claim.suggested_verdict = verdict
    claim.suggestion = result.suggestion.to_dict()
    claim.suggested_at = now
    claim.priority = claim_priority(claim.checkworthiness, verdict)
    claim.needs_matching = False
    if claim.status == _MATCHABLE_STATUS:
        claim.status = ClaimStatus.SUGGESTED
    return verdict


def remember_repeats(claim: Claim, rows: list[Quantity], memory_version: tuple) -> bool:
    """Set what the claim repeats of the claim memory (`checked_before`, `memory_key`, and "checked
    before" in front of its suggestion's explanations; not saved). True when it repeats a claim we
    rated wrong: the caller fires `claim.repeated` once it is stored."""
    repeats = claim_memory_find(claim=claim, rows=rows, version=memory_version)
    claim.checked_before = repeats
    claim.memory_key = repeats[0]["key"] if repeats else ""
    if not repeats:
        return False
    explanation_ar, explanation_en = checked_before_explanations(repeats[0])
    suggestion = dict(claim.suggestion or {})
    suggestion["checked_before"] = repeats
    suggestion["explanation_ar"] = f"{explanation_ar} {suggestion.get('explanation_ar', '')}".strip()
    suggestion["explanation"] = f"{explanation_en} {suggestion.get('explanation', '')}".strip()
    claim.suggestion = suggestion
    return is_known_wrong(repeats[0])


def notify_repeated_on_commit(claim_ids: list[int]) -> None:
    """`claim.repeated` for each of these claims, after the commit (the webhook sends each once)."""
    if claim_ids:
        transaction.on_commit(lambda: [_notify_repeated(claim_id) for claim_id in claim_ids])


def _notify_repeated(claim_id: int) -> None:
    claim_repeated_notify(claim_id=claim_id)


def _match_batch(claims: list[Claim], matcher: Matcher, memory_version: tuple) -> dict[int, str]:
    """Match these claims and store their checks and suggestions in a constant number of statements:
    one read of their figures, one of the references named, one upsert of the checks, one update of
    the claims. Returns each claim's suggested verdict."""
    rows_by_claim: dict[int, list[Quantity]] = {claim.id: [] for claim in claims}
    for row in Quantity.objects.filter(claim_id__in=list(rows_by_claim)).order_by("claim_id", "position", "id"):
        rows_by_claim[row.claim_id].append(row)
    results = []
    for claim in claims:
        rows = rows_by_claim[claim.id]
        result = matcher.check_claim(claim.text, [quantity_from_row(row) for row in rows], context=claim_context(claim))
        results.append((claim, rows, result))
    reference_ids = reference_ids_for(result for _, _, result in results)
    now = timezone.now()
    checks, verdicts, repeated = [], {}, []
    for claim, rows, result in results:
        checks += check_rows(rows, result, reference_ids)
        verdicts[claim.id] = apply_suggestion(claim, result, now)
        if remember_repeats(claim, rows, memory_version):
            repeated.append(claim.id)
    with transaction.atomic():
        if checks:
            QuantityCheck.objects.bulk_create(
                checks,
                batch_size=MATCH_BATCH_SIZE,
                update_conflicts=True,
                unique_fields=["quantity"],
                update_fields=[*_CHECK_FIELDS, "checked_at"],
            )
        Claim.objects.bulk_update(claims, _MATCHED_FIELDS, batch_size=MATCH_BATCH_SIZE)
        Claim.objects.filter(id__in=list(verdicts), status=_MATCHABLE_STATUS).update(status=ClaimStatus.SUGGESTED)
        notify_repeated_on_commit(repeated)
    return verdicts


_MATCHED_FIELDS = ("suggested_verdict", "suggestion", "suggested_at", "priority", "checked_before", "memory_key")


_CHECK_FIELDS = (
    "verdict", "reference", "reference_value", "reference_unit", "ratio", "error", "score",
    "explanation_ar", "explanation_en", "candidates",
)


def claims_match(*, claim_ids: Iterable[int]) -> int:
    """Match these claims against the library and store the results. Returns how many were matched.

    Claims are read MATCH_BATCH_SIZE at a time, without their article's text (only the context the
    matcher reads), and written in bulk per batch. Their `needs_matching` flag is cleared before
    matching, so a reference changed meanwhile flags them again for the next sweep; claims whose
    matching fails are flagged again too.
    """
    claim_ids = sorted(set(claim_ids))
    if not claim_ids:
        return 0
    version, matcher = matcher_with_version()
    Claim.objects.filter(id__in=claim_ids).update(needs_matching=False)
    matched = 0
    for first in range(0, len(claim_ids), MATCH_BATCH_SIZE):
        batch = claim_ids[first : first + MATCH_BATCH_SIZE]
        try:
            matched += len(_match_batch(_claims_with_context(batch), matcher, version))
        except BaseException:
            Claim.objects.filter(id__in=claim_ids[first:]).update(needs_matching=True)
            raise
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


def text_check(*, text: str, related: int = 3) -> list[tuple[dict, list[LookupHit]]]:
    """Extract the claims of a text and match them against the reference library; nothing is stored.

    Returns, per claim, its dict (offsets into `text`, quantities each with the matcher's `check`,
    the claim's `suggestion`) and the decided claims like it (at most `related`).
    """
    # Imported here: services.checkworthiness imports this module (claim_priority, quantity_row) at its top.
    from claims.services.checkworthiness import extraction_rescored

    matcher = matcher_get()
    # The score the queue would give these claims (the newsroom's model), not the engine's rule score.
    extraction = extraction_rescored(extract(text))
    checked = []
    for span in extraction.claims:
        quantities = [extraction.quantities[index] for index in span.quantity_indexes]
        context = text[max(0, span.start - CONTEXT_CHARS) : span.start]
        result = matcher.check_claim(span.text, quantities, context=context)
        claim = {
            "start": span.start,
            "end": span.end,
            "text": span.text,
            "checkworthiness": round(span.checkworthiness, 4),
            "kind": span.kind,
            "quantities": [
                {**quantity.to_dict(), "check": check.to_dict()}
                for quantity, check in zip(quantities, result.checks, strict=True)
            ],
            "suggestion": result.suggestion.to_dict(),
        }
        checked.append((claim, claims_lookup(q=span.text, limit=related)))
    return checked
