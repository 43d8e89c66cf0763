"""Money: currencies by ISO 4217 code (currencies.tsv), resolved by the article's country cues.

A sign or code before the figure ("$", "€", "AED 12,500") or a currency name after it. A bare or
ambiguous name (ريال, دينار, درهم, جنيه, ليرة) takes, in this order: the nationality adjective written
right after it ("ريالات قطرية" → QAR), the nearest country or city cue before it on the page
("صادرات المغرب ... 30 مليار درهم" → MAD, a London story's "جنيه" → GBP), then the nearest cue after it in
its sentence ("250 ألف دينار في بورصة البحرين" → BHD), and only then its default.
A price per unit names the unit in the extra field `per` ("50 دولارا للبرميل" → USD, per `bbl`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from claims.extraction.lexicon import lexicon, phrase_pattern
from claims.extraction.tokens import PREFIXES

LEX = lexicon()
_ARTICLE = next(iter(LEX.cues["article"]))
# Written before the figure: signs ("$", "€") and ISO codes ("AED 12,500").
SIGNS = {k: v for k, v in LEX.currencies.items() if not k.isalpha() or (k.isascii() and len(k) == 3)}
_SIGN_BEFORE = re.compile(rf"(?<![a-z])(?:{phrase_pattern(SIGNS)}) ?\Z")
_SIGN_LAST = frozenset(sign[-1] for sign in SIGNS)  # a sign ends right before the figure, or a space before it
_BARE_DEFAULTS = frozenset(default for default, _ in LEX.currency_regions.values())
_REGION_CUE = re.compile(rf"(?<!\w){PREFIXES}(?:{_ARTICLE})?(?P<cue>{phrase_pattern(LEX.currency_regions)})(?!\w)")
_SENTENCE_REACH = 120
SENTENCE_END = re.compile(r"[!?؟؛;\n]|\.(?!\d)")
_ADJECTIVE_AFTER = re.compile(rf" (?P<cue>{phrase_pattern(LEX.currency_regions)})(?!\w)")


_MEASURES = {k: v[1] for k, v in LEX.units.items() if v[0] == "measure" and v[2] is None and not k.isascii()}
_PER_UNIT = re.compile(
    rf" ?(?:{phrase_pattern(LEX.cues['per_unit'])}) ?(?:{_ARTICLE})?(?P<unit>{phrase_pattern(_MEASURES)})"
    rf"(?: {_ARTICLE}(?P<adjective>[^\W\d]+))?(?!\w)"
)


def per_unit(norm: str, end: int) -> tuple[str, int] | None:
    """The measure unit of a price written right after its currency at norm[:end] ("دولارا للبرميل" → bbl,
    "ريال للمتر المربع" → m2), and where the mention ends."""
    match = _PER_UNIT.match(norm, end)
    if match is None:
        return None
    adjective = match.group("adjective")
    if adjective and f"{match.group('unit')} {adjective}" in _MEASURES:
        return _MEASURES[f"{match.group('unit')} {adjective}"], match.end()
    return _MEASURES[match.group("unit")], match.end("unit")


def sign_before(norm: str, start: int) -> tuple[str, int] | None:
    """The code of a currency sign or ISO code written right before `start`, and where it begins."""
    before = norm[max(0, start - 1) : start]
    if before == "$":
        return "USD", start - 1
    if before not in _SIGN_LAST and not (before == " " and norm[max(0, start - 2) : start - 1] in _SIGN_LAST):
        return None
    match = _SIGN_BEFORE.search(norm, max(0, start - 5), start)
    if match:
        return SIGNS[match.group().strip()], match.start()
    return None


def currency(norm: str, phrase: str, start: int, end: int) -> tuple[str, int]:
    """The code of the currency name `phrase` written at norm[..end] after a figure at `start`, and the end of
    the mention (past a nationality adjective that decided it)."""
    code = LEX.currencies[phrase]
    if code not in _BARE_DEFAULTS or " " in phrase or not phrase.isalpha():
        return code, end
    adjective = _ADJECTIVE_AFTER.match(norm, end)
    if adjective:
        default, region = LEX.currency_regions[adjective.group("cue")]
        if default == code:
            return region, adjective.end()
    cues = _region_cues(norm)
    index = bisect_left(cues, (start,))
    for _, (default, region) in reversed(cues[:index]):
        if default == code:
            return region, end
    # none before it: a cue later in the same sentence ("250 ألف دينار في بورصة البحرين") still decides
    for position, (default, region) in cues[index:]:
        if position - end > _SENTENCE_REACH or SENTENCE_END.search(norm, end, position):
            break
        if default == code:
            return region, end
    return code, end


@lru_cache(maxsize=1)
def _region_cues(norm: str) -> list[tuple[int, tuple[str, str]]]:
    """The page's country cues, found once for all its bare currency names (the page is the cache key)."""
    return [(cue.start(), LEX.currency_regions[cue.group("cue")]) for cue in _REGION_CUE.finditer(norm)]
