"""Ranges: two figures that bound one quantity, joined into one with `low`/`high` and qualifier `range`.

- "بين 25 و40 ألف دولار", "ما بين عشرة وعشرين": between ... and;
- "من 10 إلى 20 دولار", "من عشرة لعشرين", "10-20 دولار", "20 ~ 100", "1000 – 5000": from ... to, when
  the unit is written once (the first figure borrows the scale and unit of the second); with a unit on
  each side ("من 40 مليار دولار إلى 1.3 تريليون دولار") it is a change, and stays two figures;
- "من يومين إلى ثلاثة أيام", "من نصف متر إلى متر ونصف": a duration, or a measure whose low end is written in
  words, from ... to, with its unit written on both ends (a measure not after a verb of change: "ارتفع المنسوب من
  متر إلى مترين" is a change; in digits, "من 67 ألف متر مكعب إلى 147 ألف متر مكعب", a change like money);
  a unit alone is one of it ("من متر إلى متر ونصف", "من ساعة إلى ساعتين"), and two units of one family
  meet in the high end's unit when the conversion is exact ("من أسبوع إلى عشرة أيام" is 7–10 days; months
  and days are not converted);
- "أكبر من 10 وأصغر من 20", "لا يزيد عن 50 ولا يقل عن 20": a lower and an upper bound joined by و.
The words are cues (cues.tsv: range_between, range_from, range_to, range_and).
"""

from __future__ import annotations

import re
from decimal import Decimal

from claims.extraction import qualifiers
from claims.extraction.lexicon import lexicon, phrase_pattern, read_raw_rows, read_words
from claims.extraction.tokens import ANY_PREFIX, readings, words_back
from claims.extraction.types import ONE, Found

LEX = lexicon()
_CUES = LEX.cues
_BETWEEN_BEFORE = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(_CUES['range_between'])}) \Z")
_FROM_BEFORE = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(_CUES['range_from'])}) \Z")
# The cue must be a word of its own: "حوالي" ends with "الي" (to), and is no range word.
_TO = re.compile(rf"(?:^|\W)(?:{phrase_pattern(_CUES['range_to'] | _CUES['range_and'])}) ?\Z")
_AND = re.compile(rf"(?:^|\W)(?:{phrase_pattern(_CUES['range_and'])}) ?\Z")
# Between the first bound and the hedge of the second: "و", a comma, "أو", or nothing ("وأقل من" holds its و).
_JOINER = re.compile(rf"[ ,،]*(?:(?:{phrase_pattern(_CUES['range_and'] | _CUES['or'])}) ?)?")
_LOWER = ("more_than", "at_least")
_UPPER = ("less_than", "at_most")
_NOT_RANGED = ("date", "ordinal")
_DASH_RATIO = 10
_DASHES = frozenset(phrase for phrase in _CUES["range_to"] if not phrase.isalpha())
# Comparatives and verbs of increase or decrease: "أكبر بـ3 مرات" is a ratio, "ارتفع من متر إلى مترين" a change.
COMPARISON_WORDS = read_words("comparison_words.txt")
_CHANGE_REACH = 4  # words before "من"
_FAMILIES = {row[0]: row[1] for row in read_raw_rows("unit_families.tsv")}
_SIZES = {row[0]: Decimal(row[2]) for row in read_raw_rows("unit_families.tsv") if len(row) > 2}
_SPANNED = ("duration", "measure")
# "من متر إلى متر ونصف", "من أسبوع إلى عشرة أيام": a unit written alone after "من" is one of it.
_UNIT_ALONE = {k: v for k, v in LEX.units.items() if v[0] in _SPANNED and v[2] is None and k.isalpha()}
_UNIT_ALONE_BEFORE = re.compile(
    rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(_CUES['range_from'])}) (?P<unit>{phrase_pattern(_UNIT_ALONE)}) ?"
    rf"(?:{phrase_pattern({to for to in _CUES['range_to'] if to.isalpha()})}) ?\Z"
)
# Kinds whose range names its unit on both ends and is still one quantity: "ما بين 4.37% إلى 2.17%", "من 3% إلى
# 7%". After "بين" the ends may come in either order (the range is reported ascending); after "من" a fall ("من 7%
# إلى 3%") is a change and stays two figures.
_UNIT_ON_BOTH_ENDS = frozenset({"percent"})
# After "بين"/"ما بين" money and measures are ranges too, with the unit on both ends ("ما بين 100 ريال إلى ألف
# ريال") or on the first end only before a bare number in digits ("بين 45.20 ريالا و73.00"); after "من" they stay
# a change.
_BETWEEN_BOTH_ENDS = frozenset({"money", "measure"})
# "خسر أمام ميلان 1-2": a dash between two small numbers near a word of a match is a score (sport_words.txt).
_SPORT_WORDS = read_words("sport_words.txt")
_SCORE_MAX = 20
_SCORE_REACH = 6
_CLAUSE_MARKS = re.compile(r"[.,،؛:!?؟()«»\"]")
_RESPECTIVELY = re.compile(rf" ?[,،]? ?(?:{phrase_pattern(_CUES['respectively'])})(?!\w)")


def join_ranges(norm: str, found: list[Found]) -> list[Found]:
    found = _units_alone(norm, found)
    result: list[Found] = []
    index = 0
    while index < len(found):
        low = found[index]
        high = found[index + 1] if index + 1 < len(found) else None
        if high is not None and low.kind not in _NOT_RANGED and high.kind not in _NOT_RANGED:
            joined = _join(norm, low, high)
            if joined is not None:
                result.append(joined)
                index += 2
                continue
        result.append(low)
        index += 1
    return result


def _join(norm: str, low: Found, high: Found) -> Found | None:
    between = norm[low.end : high.start]
    if len(between) > 40:  # length first: between can be a page
        return None
    head = words_back(norm, low.start, 2)
    if _is_bounds(norm, _lend_unit(low, high), high):
        low = _lend_unit(low, high)  # "أكبر من 10 وأصغر من 20 سنة"
        if low.qualifier in _UPPER:
            low, high = high, low
        return _range(low, high, low.start if low.start < high.start else high.start, max(low.end, high.end))
    if len(between) > 8 or not _TO.search(" " + between):
        return None
    between_both = _between_both_ends(norm, head, low, high)
    if between_both is not None:
        return between_both
    lent = _convert(_lend_unit(low, high), high)
    if not _compatible(lent, high):
        return None
    if low.has_unit and _RESPECTIVELY.match(norm, high.end):
        return None  # "بين 0.18% و0.04% على التوالي": one figure for each of two things
    if low.kind in _UNIT_ON_BOTH_ENDS and low.has_unit and high.has_unit:
        return _both_ends(norm, head, low, high)
    if _BETWEEN_BEFORE.search(norm, head, low.start) and _AND.search(" " + between):
        return _range(lent, high, low.start, high.end)
    if _AND.search(" " + between):
        return None
    shared_unit = not low.has_unit or low.unit is None
    # "من يومين إلى ثلاثة أيام", "من ساعتين إلى خمس ساعات": a span of time names its unit on both ends
    shared_unit = shared_unit or (low.kind == "duration" and _FROM_BEFORE.search(norm, head, low.start) is not None)
    # "من نصف متر إلى متر ونصف": so does a measure whose low end is written in words, unless a verb of change
    # makes it a change; in digits ("من 67 ألف متر مكعب إلى 147 ألف متر مكعب") it is a change, like money
    if not shared_unit and low.kind == "measure" and not any(char.isdigit() for char in norm[low.start : low.end]):
        from_word = _FROM_BEFORE.search(norm, head, low.start)
        shared_unit = from_word is not None and not _after_change(norm, from_word.start())
    # "10$-20$": a dash between two figures with the same unit is a range; "من 40 مليار دولار إلى 55 مليار
    # دولار", with words and a unit on each side, is a change.
    dashed = between.strip() in _DASHES and low.unit == high.unit and not _FROM_BEFORE.search(norm, head, low.start)
    if dashed and _is_score(norm, low, high):
        return None  # "خسر أمام ميلان 1-2": a score, two counts
    if not (shared_unit or dashed) or not 0 <= lent.value < high.value:
        return None
    # Without "من" a dash joins only figures of one size ("1000-5000"), not a code or a score ("1-222").
    if _FROM_BEFORE.search(norm, head, low.start) or high.value < _DASH_RATIO * lent.value:
        return _range(lent, high, low.start, high.end)
    return None


def _is_score(norm: str, low: Found, high: Found) -> bool:
    """Two small whole numbers (at most _SCORE_MAX) with no unit or scale, a word of sport_words.txt within
    _SCORE_REACH words before them in the same clause or right after them: a match score."""
    if any(f.has_unit or f.scale != 1 or f.kind != "count" or f.value != int(f.value) or not 0 <= f.value <= _SCORE_MAX
           or "noun_span" in f.extras for f in (low, high)):
        return False
    before = norm[words_back(norm, low.start, _SCORE_REACH) : low.start]
    before = _CLAUSE_MARKS.split(before)[-1]
    after = _CLAUSE_MARKS.split(norm[high.end : high.end + 40])[0].split()[:_SCORE_REACH]
    return any(stem in _SPORT_WORDS for word in before.split() + after for _, stem in readings(word))


def _units_alone(norm: str, found: list[Found]) -> list[Found]:
    """"من متر إلى متر ونصف": the unit written alone after "من", before the measure or duration that ends the
    range, is one of that unit (a low end the number reader cannot see)."""
    result: list[Found] = []
    for index, high in enumerate(found):
        if high.kind in _SPANNED and high.has_unit and high.unit in _FAMILIES:
            alone = _UNIT_ALONE_BEFORE.search(norm, words_back(norm, high.start, 4), high.start)
            previous = found[index - 1] if index else None
            if alone is not None and (previous is None or previous.end <= alone.start("unit")):
                kind, unit, _ = LEX.units[alone.group("unit")]
                # "من شهر إلى 45 يوما": a month and 45 days, two figures (months are no whole number of days)
                if kind == high.kind and (kind == "duration" or _FAMILIES.get(unit) == _FAMILIES[high.unit]):
                    extras = {"family": _FAMILIES[unit]} if kind == "measure" else {}
                    result.append(Found(alone.start("unit"), alone.end("unit"), kind, ONE, unit, "exact", ONE,
                                        extras, ONE, True))
        result.append(high)
    return result


def _after_change(norm: str, start: int) -> bool:
    """True when a word of change ("ارتفع", "انخفض", "زاد") stands within a few words before `start`."""
    words = norm[words_back(norm, start, _CHANGE_REACH) : start].split()
    return any(stem in COMPARISON_WORDS for word in words for _, stem in readings(word))


def _convert(low: Found, high: Found) -> Found:
    """The low end in the high end's unit when both are of one family and the conversion is exact
    ("من أسبوع إلى عشرة أيام": 7 days); otherwise the low end as it is."""
    if (low.kind != high.kind or low.unit == high.unit or low.unit not in _SIZES or high.unit not in _SIZES
            or _FAMILIES[low.unit] != _FAMILIES[high.unit]):
        return low
    ratio = _SIZES[low.unit] / _SIZES[high.unit]
    value = low.value * ratio
    if value * _SIZES[high.unit] != low.value * _SIZES[low.unit]:
        return low  # not exact
    return Found(low.start, low.end, low.kind, value, high.unit, low.qualifier, (low.precision or ONE) * ratio,
                 dict(low.extras), low.scale, True)
def _both_ends(norm: str, head: int, low: Found, high: Found) -> Found | None:
    """"ما بين 1.72% إلى 0.36%", "بين 5% و10%", "من 3% إلى 7%": a range with its unit written on both ends."""
    if _BETWEEN_BEFORE.search(norm, head, low.start):
        first, second = (low, high) if low.value < high.value else (high, low)
        return _range(first, second, low.start, high.end)
    if _FROM_BEFORE.search(norm, head, low.start) and low.value < high.value and not _AND.search(
            " " + norm[low.end : high.start]):
        return _range(low, high, low.start, high.end)
    return None


def _between_both_ends(norm: str, head: int, low: Found, high: Found) -> Found | None:
    """"ما بين 100 ريال إلى ألف ريال", "بين 45.20 ريالا و73.00": money or a measure after "بين" with its unit on
    both ends, or on the first end before a bare number in digits, is one rising range."""
    if low.kind not in _BETWEEN_BOTH_ENDS or not low.has_unit or not _BETWEEN_BEFORE.search(norm, head, low.start):
        return None
    if _RESPECTIVELY.match(norm, high.end):
        return None  # one figure for each of two things
    if not high.has_unit and high.kind == "count" and high.scale == 1 and norm[high.start : high.end].replace(
            ".", "").isdigit():
        high = Found(high.start, high.end, low.kind, high.value, low.unit, high.qualifier, high.precision,
                     dict(high.extras), high.scale, True)
    if high.kind != low.kind or high.unit != low.unit or not low.value < high.value:
        return None
    return _range(low, high, low.start, high.end)


def _is_bounds(norm: str, low: Found, high: Found) -> bool:
    """"أكبر من 10 وأصغر من 20": one figure bounded below, the other above, joined by و (or a comma)."""
    pair = {low.qualifier, high.qualifier}
    if not (pair & set(_LOWER) and pair & set(_UPPER)) or low.kind != high.kind or low.unit != high.unit:
        return False
    lower, upper = (low, high) if low.qualifier in _LOWER else (high, low)
    if not lower.value < upper.value:
        return False  # "أكثر من 40 وأقل من 10" bounds nothing
    hedge = qualifiers.hedge_before(norm, high.start)
    return hedge is not None and _JOINER.fullmatch(norm, low.end, hedge[1]) is not None


def _compatible(low: Found, high: Found) -> bool:
    return low.kind == high.kind and low.unit == high.unit and low.value != high.value


def _range(low: Found, high: Found, start: int, end: int) -> Found:
    return Found(
        start, end, high.kind, low.value, high.unit, "range", high.precision,
        {**{k: v for k, v in high.extras.items() if k != "noun_span" or high.end == end},
         "low": low.value, "high": high.value},
        high.scale, True,
    )


def _lend_unit(low: Found, high: Found) -> Found:
    """The first figure of "بين 25 و40 ألف دولار" or "بين 10 و12 ألف وظيفة" takes the scale and unit of the second."""
    if low.has_unit or low.kind != "count" or not (high.has_unit or (low.scale == 1 and high.scale != 1)):
        return low
    value = low.value * high.scale if low.scale == 1 else low.value
    precision = (low.precision or ONE) * (high.scale if low.scale == 1 else 1)
    extras = {k: v for k, v in low.extras.items() if k != "noun_span"}
    return Found(low.start, low.end, high.kind, value, high.unit, low.qualifier, precision, extras, high.scale,
                 high.has_unit)
