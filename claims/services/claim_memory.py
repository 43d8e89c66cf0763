"""Claim memory: every published verdict becomes a reference, and a claim that comes back is recognised.

When a chief editor publishes a verdict (or, with FACTCHECK_MEMORY_FROM_DECIDED, as soon as an editor
decides), the claim is remembered as a reference statement `verdict-<claim id>` of origin `verdict`:
its words, its rating, the link to our fact-check and — the part that catches a repeated wrong
figure — the *correct* figure (the editor's `correct_value`, else the reference value of the figure
the matcher contradicted, else for a claim rated true its own figure). The matcher sees that
statement with the claim's own figures blanked out, so a repeat of "558 مليون دولار" is compared with
$5.576M and contradicted, however the new article words it.

Published fact-checks imported as ClaimReview (origin `claimreview`) are remembered too but never
used as evidence for a figure: their `claimReviewed` is the disputed claim, not the truth.

Each matched claim then looks itself up in the memory (`claim_memory_find`): the earlier checks it
repeats are stored on the claim (`checked_before`, `memory_key`) and shown to the editor as
"checked before"; a claim that repeats one we rated wrong fires the `claim.repeated` webhook once.
"""

from __future__ import annotations

import threading
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from claims.extraction import extract, normalize
from claims.extraction.types import decimal_to_str
from claims.lib.claim_memory import MemoryEntry, figure_keys, find_repeats
from claims.lib.documents import guess_subject
from claims.models import (
    Claim,
    MachineVerdict,
    Quantity,
    Rating,
    ReferenceOrigin,
    ReferenceStatement,
    Verdict,
)
from claims.services.references import reference_delete, reference_upsert

MEMORY_ORIGINS = (ReferenceOrigin.VERDICT, ReferenceOrigin.CLAIMREVIEW)
# Ratings that make a claim "known wrong": its return is worth a webhook.
WRONG_RATINGS = frozenset({Rating.WRONG_FIGURE, Rating.FALSE, Rating.MISLEADING})
# Ratings under which the claim's own figures are the truth.
TRUE_RATINGS = frozenset({Rating.TRUE, Rating.MOSTLY_TRUE})
_KEY_KINDS = ("money", "count", "percent", "measure", "multiplier", "fraction")

_cache_lock = threading.Lock()
_cached_entries: tuple[tuple, list[MemoryEntry], list[str]] | None = None


def memory_key(claim_id: int) -> str:
    return f"verdict-{claim_id}"


def fact_check_url(claim: Claim) -> str:
    """Where our fact-check of a claim is read: its article's report, at the claim."""
    path = reverse("reports:article", args=[claim.article_id]) + f"#claim-{claim.pk}"
    return settings.SITE_URL.rstrip("/") + path


def _key_figure(verdict: Verdict, rows: list[Quantity]) -> tuple[str, str] | None:
    """The correct (value, unit) the memory carries, or None when the verdict does not say one."""
    checks = {row.id: getattr(row, "match", None) for row in rows}
    if verdict.correct_value:
        wrong = next((row for row in rows if checks[row.id] and checks[row.id].verdict == MachineVerdict.CONTRADICTED),
                     None)
        fallback = next((row for row in rows if row.kind in _KEY_KINDS), None)
        row = wrong or fallback
        return verdict.correct_value, verdict.correct_unit or (row.unit if row else "")
    for row in rows:
        check = checks[row.id]
        if check and check.verdict == MachineVerdict.CONTRADICTED and check.reference_value:
            return check.reference_value, check.reference_unit or row.unit
    if verdict.rating in TRUE_RATINGS:
        row = next((row for row in rows if row.kind in _KEY_KINDS), None)
        if row is not None:
            return row.value_text, row.unit
    return None


def _backing_reference(verdict: Verdict, rows: list[Quantity]) -> ReferenceStatement | None:
    if verdict.reference_id:
        return verdict.reference
    for row in rows:
        check = getattr(row, "match", None)
        if check and check.reference_id and check.verdict in (MachineVerdict.CONTRADICTED, MachineVerdict.SUPPORTED):
            return check.reference
    return None


def memory_record(verdict: Verdict) -> dict:
    """The reference record (interfaces §2, origin `verdict`) that remembers a verdict."""
    claim = verdict.claim
    rows = list(claim.quantities.select_related("match__reference").order_by("position", "id"))
    backing = _backing_reference(verdict, rows)
    url = fact_check_url(claim)
    decided = verdict.published_at or verdict.decided_at
    record = {
        "key": memory_key(claim.id),
        "statement": claim.text,
        "origin": ReferenceOrigin.VERDICT,
        "rating": verdict.rating,
        "review_url": url,
        "subject": (backing.subject if backing else "") or guess_subject(claim.text),
        "metric": backing.metric if backing else "",
        "aliases": list(backing.aliases or []) if backing else [],
        "as_of": backing.as_of if backing else "",
        "source_title": f"{settings.FACTCHECK_ORGANIZATION_NAME}: {claim.article.title}"[:500],
        "source_url": url,
        "publisher": settings.FACTCHECK_ORGANIZATION_NAME,
        "published": decided.date().isoformat() if decided else "",
    }
    figure = _key_figure(verdict, rows)
    if figure:
        record["value"], unit = figure
        if unit:
            record["unit"] = unit
    return record


def claim_memory_remember(*, verdict_id: int) -> ReferenceStatement | None:
    """Remember a verdict as a reference (created, or updated when the verdict changed)."""
    verdict = Verdict.objects.select_related("claim__article", "reference").filter(id=verdict_id).first()
    if verdict is None:
        return None
    statement, _ = reference_upsert(record=memory_record(verdict))
    if statement.checked_claim_id != verdict.claim_id:
        ReferenceStatement.objects.filter(id=statement.id).update(checked_claim=verdict.claim_id)
    return statement


def claim_memory_forget(*, claim_id: int) -> int:
    """Forget a claim's verdict (it was changed and is no longer published)."""
    statements = ReferenceStatement.objects.filter(key=memory_key(claim_id), origin=ReferenceOrigin.VERDICT)
    return reference_delete(statements=list(statements))


def verdict_remembered_on_commit(*, verdict: Verdict) -> None:
    """After a verdict is saved or published: remember it when it counts, forget it when it no
    longer does (a published verdict changed back to decided)."""
    verdict_id, claim_id = verdict.pk, verdict.claim_id
    counts = verdict.published_at is not None or settings.FACTCHECK_MEMORY_FROM_DECIDED
    if counts:
        transaction.on_commit(lambda: claim_memory_remember(verdict_id=verdict_id))
    else:
        transaction.on_commit(lambda: claim_memory_forget(claim_id=claim_id))


def blank_figures(text: str) -> str:
    """The text with every figure replaced by "…": what the matcher may read of a remembered claim
    (its figures may be the wrong ones; the memory's explicit value is the right one)."""
    pieces, last = [], 0
    for quantity in extract(text).quantities:
        pieces.append(text[last : quantity.start])
        pieces.append("…")
        last = quantity.end
    pieces.append(text[last:])
    return "".join(pieces)


# --- Finding repeats -------------------------------------------------------------------------------------


def _entries(version: tuple) -> tuple[list[MemoryEntry], list[str]]:
    """The claim memory's entries and their words, built once per library version and process."""
    global _cached_entries
    with _cache_lock:
        if _cached_entries is not None and _cached_entries[0] == version:
            return _cached_entries[1], _cached_entries[2]
    entries = []
    statements = ReferenceStatement.objects.filter(origin__in=MEMORY_ORIGINS).select_related("source")
    claim_figures: dict[int, list] = {}
    claim_ids = [s.checked_claim_id for s in statements if s.checked_claim_id]
    for claim_id, kind, value, unit in Quantity.objects.filter(claim_id__in=claim_ids).values_list(
        "claim_id", "kind", "value_text", "unit"
    ):
        claim_figures.setdefault(claim_id, []).append((kind, value, unit))
    for statement in statements:
        if statement.checked_claim_id:
            figures = claim_figures.get(statement.checked_claim_id, [])
        else:
            figures = [(q.kind, _value_text(q.value), q.unit) for q in extract(statement.text).quantities]
        source = statement.source
        entries.append(
            MemoryEntry(
                key=statement.key,
                words=normalize(statement.text),
                figures=figure_keys(figures),
                info={
                    "key": statement.key,
                    "origin": statement.origin,
                    "rating": statement.rating,
                    "url": statement.review_url,
                    "publisher": source.publisher if source else "",
                    "date": source.published.isoformat() if source and source.published else None,
                    "claim": statement.checked_claim_id,
                },
            )
        )
    words = [entry.words for entry in entries]
    with _cache_lock:
        _cached_entries = (version, entries, words)
    return entries, words


def _value_text(value) -> str:
    return decimal_to_str(value) if isinstance(value, Decimal) else str(value)


def claim_memory_find(*, claim: Claim, rows: list[Quantity], version: tuple) -> list[dict]:
    """The earlier checks this claim repeats (best first), as shown to the editor."""
    entries, words = _entries(version)
    if not entries:
        return []
    figures = figure_keys((row.kind, row.value_text, row.unit) for row in rows)
    repeats = find_repeats(normalize(claim.text), figures, entries, exclude=memory_key(claim.id), choices=words)
    return [{**entry.info, "similarity": similarity} for entry, similarity in repeats]


def is_known_wrong(repeat: dict) -> bool:
    return repeat.get("origin") == ReferenceOrigin.VERDICT and repeat.get("rating") in WRONG_RATINGS


def checked_before_explanations(repeat: dict) -> tuple[str, str]:
    """"Checked before" in Arabic and English, for the claim's suggestion."""
    percent = round(100 * repeat["similarity"])
    who_ar = "مكتبنا" if repeat["origin"] == ReferenceOrigin.VERDICT else (repeat.get("publisher") or "ناشر آخر")
    who_en = "our desk" if repeat["origin"] == ReferenceOrigin.VERDICT else (repeat.get("publisher") or "a publisher")
    date = f" ({repeat['date']})" if repeat.get("date") else ""
    rating = repeat.get("rating") or "—"
    return (
        f"سبق التحقق منه: قيّمه {who_ar} «{rating}»{date}، تشابه {percent}٪.",
        f"Checked before: rated “{rating}” by {who_en}{date}, {percent}% similar.",
    )
