"""Dates in folded text: the engine's date hook.

`find_dates(norm)` returns the dates of the folded text `norm` as `Found` spans (folded offsets). The
engine reserves every returned span before numbers are read, so a day or year inside a date is never
read again as a count; spans whose kind is `RESERVED` are names that hold a date ("مدينة 6 أكتوبر"):
reserved, never reported.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon import lexicon, phrase_pattern
from claims.extraction.types import RESERVED, Found

LEX = lexicon()

_YEAR = r"(?:1[89]|20)\d\d(?![\d/]|[.,٫]\d)"  # a full stop may follow, a decimal may not
_DAY_BEFORE = re.compile(r"(?<![\w/.])([0-3]?\d) (?:من )?\Z")
_DAY_ORDINALS = phrase_pattern(o for o, v in LEX.ordinals.items() if v <= 31)
_ORDINAL_DAY_BEFORE = re.compile(rf"(?<!\w)(?:[وف]?في )?(?P<ordinal>{_DAY_ORDINALS}) (?:من )?\Z")
_MONTH_CUE_BEFORE = re.compile(rf"(?<!\w)[وف]?(?:{phrase_pattern(LEX.month_cues_before)}) \Z")
_MONTH_CUE_AFTER = re.compile(rf" (?:{phrase_pattern(LEX.month_cues_after)})(?!\w)")
_PLACE_BEFORE = re.compile(rf"(?<!\w)[وبل]?(?:ال)?(?:{phrase_pattern(LEX.place_nouns)}) \Z")
_YEAR_AFTER = re.compile(rf" ?[,،]? (?:من )?(?:عام |العام |سنه )?({_YEAR})")


def _month_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for prefix in ("", "و", "ف", "ب", "ل"):
        for month in LEX.months:
            words.setdefault(prefix + month, month)
    return words


_MONTH_WORDS = _month_words()
_MONTH = re.compile(rf"(?<!\w)(?P<word>{phrase_pattern(_MONTH_WORDS)})(?!\w)")


def find_dates(norm: str) -> list[Found]:
    """The dates in the folded text `norm`, sorted by start (see the module docstring)."""
    months = []
    for match in _MONTH.finditer(norm):
        name = _MONTH_WORDS[match.group("word")]
        start, end = match.end() - len(name), match.end()
        months.append((start, end, LEX.months[name], start > match.start()))
    found: list[Found] = []
    for start, end, month, prefixed in months:
        year = _YEAR_AFTER.match(norm, end)
        day = ordinal = None
        if not prefixed:
            day = _DAY_BEFORE.search(norm, max(0, start - 7), start)
            if day is None:
                ordinal = _ORDINAL_DAY_BEFORE.search(norm, max(0, start - 30), start)
        day_value = int(day.group(1)) if day else LEX.ordinals[ordinal.group("ordinal")] if ordinal else None
        if day_value is not None and not 1 <= day_value <= 31:
            day = ordinal = day_value = None
        first = day.start(1) if day else ordinal.start("ordinal") if ordinal else start
        if day_value is not None and year is None and _PLACE_BEFORE.search(norm, max(0, first - 12), first):
            found.append(Found(first, end, RESERVED, ""))
            continue
        if year:
            value = f"{year.group(1)}-{month:02d}" + (f"-{day_value:02d}" if day_value else "")
            end = year.end()
        elif day_value is not None:
            value = f"--{month:02d}-{day_value:02d}"
        elif not prefixed and _month_alone_is_a_date(norm, start, end):
            value = f"--{month:02d}"
        else:
            continue
        found.append(Found(first, end, "date", value))
    return found


def _month_alone_is_a_date(norm: str, start: int, end: int) -> bool:
    """"في أيار الماضي", "منذ كانون الثاني": a month name alone needs a cue before or after it."""
    return (_MONTH_CUE_AFTER.match(norm, end) is not None
            or _MONTH_CUE_BEFORE.search(norm, max(0, start - 8), start) is not None)
