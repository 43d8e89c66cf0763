""""Has this been checked?": find decided claims close to a piece of text and its figures.

A re-worded sentence or a number written another way (`5.58 مليون`, `5,580,000`, `5.58M`) must
still find the verdict. So the query goes through the same `normalize()` and `extract()` as the
articles did, and each decided claim is scored on two things:

- text: rapidfuzz similarity of the normalised, lightly stemmed content words (stopwords and bare
  numbers dropped), the better of a set comparison (a short query inside a long claim) and an
  order-insensitive comparison of the whole sentences;
- figures: for each figure of the query, the closest figure of the claim after scaling, 1 when
  equal and falling to 0 at FIGURE_TOLERANCE relative difference; different units never match, a unit
  on one side only lowers the score (more when the claim lacks the query's unit).

`similarity` = TEXT_WEIGHT × text + FIGURE_WEIGHT × figures when the query holds words and figures,
the text score alone without figures, the figure score alone for a bare figure ("5,580,000"); results
below MIN_SIMILARITY are dropped. Candidates are not a full scan: decided claims sharing a figure
value (a range scan of the figure index on Quantity.value), then those holding all of the query's
most distinctive words, and only when these are few, any of them (PostgreSQL: full-text search on
the GIN index of decided claims; SQLite: LIKE), newest verdicts first, at most MAX_CANDIDATES.
Answers are cached for FACTCHECK_LOOKUP_CACHE_SECONDS in the default cache (Redis in production).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db.models import Q
from rapidfuzz import fuzz

from claims.extraction import extract, normalize
from claims.lib import validation
from claims.lib.cache import cache_through
from claims.matching.text import content_tokens, search_words
from claims.models import CheckedFigure, Claim, ClaimStatus, Quantity
from claims.selectors.queue import decided_claims_with_words

DONE_STATUSES = (ClaimStatus.DECIDED, ClaimStatus.PUBLISHED)
TEXT_WEIGHT = 0.55
FIGURE_WEIGHT = 0.45
FIGURE_TOLERANCE = Decimal("0.05")
BLOCK_TOLERANCE = Decimal("0.02")  # candidates: figure values within ±2 %
UNIT_NOT_IN_QUERY_FACTOR = 0.9  # "5.58 مليون" against "5.58 مليون دولار": close, not certain
UNIT_NOT_IN_CLAIM_FACTOR = 0.5  # "5.58 مليون دولار" against "5.58 مليون مستخدم": likely another thing
MIN_SIMILARITY = 0.5
# Each candidate costs a fuzzy text comparison (~0.2 ms): the newest claims sharing a figure, then the
# newest holding all the words, then (when those are few) any of them.
MAX_FIGURE_CANDIDATES = 200
MAX_ALL_WORDS_CANDIDATES = 300
MAX_ANY_WORD_CANDIDATES = 200
MAX_CANDIDATES = 500
FEW_CANDIDATES = 50
CACHE_PREFIX = "lookup:v1:"
PREFILTER_WORDS = 6
DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class Figure:
    """A figure to look for: a Decimal (scaled) or an ISO date string, with its unit if known."""

    kind: str | None
    value: Decimal | str
    unit: str | None = None

    @property
    def is_date(self) -> bool:
        return isinstance(self.value, str)


@dataclass(frozen=True)
class LookupHit:
    claim_id: int
    similarity: float
    text_similarity: float
    figure_similarity: float | None


def lookup_figures(*, q: str, value: str | None = None, unit: str | None = None) -> list[Figure]:
    """The figures of the query text, plus the explicit `value`/`unit` when given."""
    figures = [Figure(found.kind, found.value, found.unit) for found in extract(q).quantities] if q else []
    if value:
        explicit = parse_figure(value, unit)
        if explicit is not None:
            figures.append(explicit)
    return figures


def parse_figure(value: str, unit: str | None = None) -> Figure | None:
    """A figure written by a client: "5580000", "5,580,000", "5.58M", "5.58 مليون"."""
    unit = (unit or "").strip() or None
    try:
        number = Decimal(value.strip().replace(",", "").replace("٬", ""))
    except InvalidOperation:
        pass
    else:  # NaN, Infinity, 1e-999999999: InputError before any arithmetic
        return Figure(None, validation.check_decimal(number), unit)
    found = extract(value).quantities
    if not found:
        return None
    # A unit given apart from the number says what it is better than the number's own reading.
    return Figure(None, found[0].value, unit) if unit else Figure(found[0].kind, found[0].value, found[0].unit)


def claims_lookup(
    *,
    q: str,
    value: str | None = None,
    unit: str | None = None,
    limit: int = DEFAULT_LIMIT,
    min_similarity: float = MIN_SIMILARITY,
    figures: list[Figure] | None = None,
) -> list[LookupHit]:
    """Decided or published claims like the query, best first, each with a similarity in [0, 1].
    `figures`: the query's, when the caller has already read them (`lookup_figures`)."""
    if figures is None:
        figures = lookup_figures(q=q, value=value, unit=unit)
    words = _words(q)
    candidate_ids = _candidates(search_words(q) if q else [], figures)
    if not candidate_ids:
        return []
    claim_figures: dict[int, list[Figure]] = {claim_id: [] for claim_id in candidate_ids}
    rows = (
        Quantity.objects.filter(claim_id__in=candidate_ids)
        .order_by()  # the default order joins the claims table only to sort by it
        .values("claim_id", "kind", "value", "value_text", "unit")
    )
    for row in rows:
        number = row["value"] if row["value"] is not None else row["value_text"]
        claim_figures[row["claim_id"]].append(Figure(row["kind"], number, row["unit"] or None))

    query_text = " ".join(words)
    query_normalized = normalize(q)
    hits = []
    for claim_id, normalized_text in Claim.objects.filter(id__in=candidate_ids).values_list("id", "normalized_text"):
        text = text_similarity(query_text, query_normalized, normalized_text)
        figure = figures_similarity(figures, claim_figures[claim_id]) if figures else None
        if figure is None:
            similarity = text
        elif not words:  # a bare figure: "5,580,000"
            similarity = figure
        else:
            similarity = TEXT_WEIGHT * text + FIGURE_WEIGHT * figure
        if similarity >= min_similarity:
            hits.append(LookupHit(claim_id, round(similarity, 3), round(text, 3), _rounded(figure)))
    hits.sort(key=lambda hit: (-hit.similarity, -hit.claim_id))
    return hits[:limit]


def cached_answer(parts: list, compute: Callable[[], object]) -> object:
    """`compute()`, or its answer to the same `parts` within FACTCHECK_LOOKUP_CACHE_SECONDS.

    For the lookup endpoint: the same question is answered from the cache (Redis in production,
    shared by every web worker) without the database; a verdict recorded meanwhile shows once the
    entry expires. A cache that is down is skipped, never an error.
    """
    key = CACHE_PREFIX + hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()
    return cache_through(key, settings.FACTCHECK_LOOKUP_CACHE_SECONDS, compute, what="lookup")


def text_similarity(query_words: str, query_normalized: str, claim_normalized: str) -> float:
    """Similarity in [0, 1] of the query and a claim's normalised text."""
    claim_words = " ".join(content_tokens(claim_normalized))
    by_words = fuzz.token_set_ratio(query_words, claim_words) if query_words and claim_words else 0.0
    by_sentence = fuzz.token_sort_ratio(query_normalized, claim_normalized)
    return max(by_words, by_sentence) / 100


def figures_similarity(wanted: list[Figure], present: list[Figure]) -> float:
    """Mean, over the query's figures, of the closest figure of the claim."""
    if not wanted:
        return 0.0
    return sum(max((figure_similarity(w, p) for p in present), default=0.0) for w in wanted) / len(wanted)


def figure_similarity(a: Figure, b: Figure) -> float:
    if a.is_date or b.is_date:
        if not (a.is_date and b.is_date):
            return 0.0
        if a.value == b.value:
            return 1.0
        return 0.5 if a.value[:4] == b.value[:4] and not a.value.startswith("--") else 0.0
    if a.unit and b.unit and a.unit.lower() != b.unit.lower():
        return 0.0
    larger = max(abs(a.value), abs(b.value))
    if larger == 0:
        closeness = 1.0
    else:
        relative = abs(a.value - b.value) / larger
        closeness = max(0.0, float(1 - relative / FIGURE_TOLERANCE))
    if a.unit and not b.unit:
        return closeness * UNIT_NOT_IN_CLAIM_FACTOR
    if b.unit and not a.unit:
        return closeness * UNIT_NOT_IN_QUERY_FACTOR
    return closeness


def _words(q: str) -> list[str]:
    return content_tokens(q) if q else []


def _candidates(words: list[str], figures: list[Figure]) -> list[int]:
    """Ids of decided claims sharing a figure value, then of those holding the query's most
    distinctive words (all of them; any of them only when that finds few); figure matches come
    first so common words cannot crowd them out."""
    found: dict[int, None] = dict.fromkeys(_figure_candidates(figures))
    # Longest words first: they say most about the subject and hit the fewest claims.
    distinctive = [word for word in sorted(set(words), key=len, reverse=True)[:PREFILTER_WORDS] if len(word) >= 3]
    if distinctive and len(found) < MAX_CANDIDATES:
        found.update(dict.fromkeys(decided_claims_with_words(distinctive, every=True, limit=MAX_ALL_WORDS_CANDIDATES)))
        if len(found) < FEW_CANDIDATES:
            found.update(dict.fromkeys(decided_claims_with_words(distinctive, limit=MAX_ANY_WORD_CANDIDATES)))
    return list(found)[:MAX_CANDIDATES]


def _figure_candidates(figures: list[Figure]) -> list[int]:
    """Decided claims holding one of the figures (within ±BLOCK_TOLERANCE): the figure index."""
    by_figure = Q()
    for figure in figures:
        if figure.is_date:
            by_figure |= Q(value__isnull=True, value_text=figure.value)
        else:
            spread = abs(figure.value) * BLOCK_TOLERANCE
            by_figure |= Q(value__gte=figure.value - spread, value__lte=figure.value + spread)
    if not by_figure:
        return []
    checked = CheckedFigure.objects.filter(by_figure).order_by("-decided_at")
    return list(dict.fromkeys(checked.values_list("claim_id", flat=True)[:MAX_FIGURE_CANDIDATES]))


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
