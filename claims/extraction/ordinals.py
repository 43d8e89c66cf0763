"""Ordinals: "الثاني", "الحادي عشر", "الخامس والعشرون", "المئة والخامسة والعشرون", "ثالث أكبر".

Kind `ordinal`, value the rank. The words and how they combine are in ordinal_words.tsv; the word for
ten and the conjunction are cues (cues.tsv); tens after و may also be cardinals ("الخامسة و عشرون").
An ordinal after a name word (ordinal_name_words.txt: "الجيل الخامس", "محمد السادس") or right after a
number word ("الأشهر التسعة الأولى") is not reported. An ordinal after a rank noun (rank_nouns.txt:
"المرتبة الثانية") is a ranking and says so in extras["ranked"]; the claim scorer weighs it above a bare
ordinal.
"""

from __future__ import annotations

import re
from decimal import Decimal

from claims.extraction.lexicon import phrase_pattern, read_rows, read_words
from claims.extraction.numbers import LEX
from claims.extraction.tokens import PREFIXES
from claims.extraction.types import Found

ONE = Decimal(1)
_WORDS: dict[str, tuple[int, str]] = {row[0]: (int(row[1]), row[2]) for row in read_rows("ordinal_words.tsv")}
_TENS_CARDINALS = {word: int(value) for word, value in LEX.cardinals.items() if 20 <= value < 100 and value % 10 == 0}
_AND = phrase_pattern(LEX.cues["and"])
_ARTICLE = phrase_pattern(LEX.cues["article"])
_LEAD = "[^\u0621-\u064aa-z0-9](?<!\\w)"
_FIRST = re.compile(rf"{_LEAD}{PREFIXES}(?P<word>{phrase_pattern(_WORDS)})(?!\w)")
_TEN = re.compile(rf" (?:{phrase_pattern(LEX.cues['ten'])})(?!\w)")
_AND_WORD = re.compile(rf" {_AND} ?(?P<word>{phrase_pattern(set(_WORDS) | set(_TENS_CARDINALS))})(?!\w)")
# A word right before "الأولى" that is not feminine makes it the adjective "الأوّلي" ("البحث الأولي").
_NOT_FEMININE = "".join(f"(?<!{re.escape(ending)})" for ending in sorted(LEX.cues["feminine_ending"]))
_MASCULINE_BEFORE = re.compile(rf"[\u0621-\u064a]{_NOT_FEMININE} \Z")
_FUNCTION_WORD_AFTER = re.compile(rf" {PREFIXES}(?:{phrase_pattern(LEX.not_count_nouns)})(?!\w)")
_RANK_BEFORE = re.compile(rf"(?<!\w){PREFIXES}(?:{phrase_pattern(LEX.rank_nouns)}) \Z")
_NAME_BEFORE = re.compile(rf"(?<!\w){PREFIXES}(?:{phrase_pattern(read_words('ordinal_name_words.txt'))}) \Z")
# "الأشهر التسعة الأولى": an ordinal right after a number word qualifies the number, it ranks nothing.
_NUMBER_BEFORE = re.compile(rf"(?<!\w)(?:{_ARTICLE})?(?:{phrase_pattern(LEX.cardinals)}) \Z")


def find_ordinals(norm: str) -> list[Found]:
    """The ordinals of the folded text, in order."""
    padded = " " + norm  # index 0 is a word start like any other; padded index = norm index + 1
    found: list[Found] = []
    position = 0
    while (match := _FIRST.search(padded, position)) is not None:
        start = match.start("word")
        parsed = _read(padded, match.group("word"), match.end())
        position = match.end()
        if parsed is None:
            continue
        rank, end = parsed
        form = _WORDS[match.group("word")][1]
        if form == "feminine" and _MASCULINE_BEFORE.search(padded, max(0, start - 4), start):
            continue
        if form == "bare" and _FUNCTION_WORD_AFTER.match(padded, end):
            continue
        if _NAME_BEFORE.search(padded, max(0, start - 16), start) or _NUMBER_BEFORE.search(
                padded, max(0, start - 16), start):
            continue
        extras = {"ranked": True} if _RANK_BEFORE.search(padded, max(0, start - 20), start) else {}
        found.append(Found(start - 1, end - 1, "ordinal", Decimal(rank), precision=ONE, extras=extras))
        position = end
    return found


def _read(padded: str, word: str, end: int) -> tuple[int, int] | None:
    """The rank of the ordinal that begins with `word` (ending at `end`) and where the ordinal ends."""
    rank, form = _WORDS[word]
    if form == "hundreds" or form == "hundreds_alone":
        rest = _AND_WORD.match(padded, end)
        if rest and rest.group("word") in _WORDS and _WORDS[rest.group("word")][1] in ("unit", "compound", "tens"):
            below = _read(padded, rest.group("word"), rest.end())
            if below is not None and below[0] < 100:
                return rank + below[0], below[1]
        return (rank, end) if form == "hundreds_alone" else None
    if form in ("unit", "compound"):
        ten = _TEN.match(padded, end)
        if ten and rank < 10:
            return rank + 10, ten.end()
        tens = _AND_WORD.match(padded, end)
        if tens and rank < 10:
            value = _TENS_CARDINALS.get(tens.group("word"))
            if value is None and _WORDS[tens.group("word")][1] == "tens":
                value = _WORDS[tens.group("word")][0]
            if value is not None:
                return rank + value, tens.end()
        return (rank, end) if form == "unit" else None
    return rank, end  # bare, tens, feminine
