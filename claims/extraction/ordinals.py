"""Ordinals: "الثاني", "الحادي عشر", "الخامس والعشرون", "المئة والخامسة والعشرون", "ثالث أكبر".

Kind `ordinal`, value the rank. The words and how they combine are in ordinal_words.tsv; the word for
ten and the conjunction are cues (cues.tsv); tens after و may also be cardinals ("الخامسة و عشرون").
An ordinal after a name word (ordinal_name_words.txt: "الجيل الخامس", "محمد السادس") or right after a
number word ("الأشهر التسعة الأولى") is not reported. An ordinal after a rank noun (rank_nouns.txt:
"المرتبة الثانية") is a ranking and says so in extras["ranked"]; the claim scorer weighs it above a bare
ordinal. A definite tens word after a comparison word of hedges.tsv ("تتجاوز العشرين") and an ordinal before an
age word ("في العشرين من عمره") are cardinals: returned as kind CARDINAL, which figures.py reads as a count or
an age with its qualifier.
"""

from __future__ import annotations

import re
from decimal import Decimal

from claims.extraction.lexicon import phrase_pattern, read_roles, read_words
from claims.extraction.numbers import LEX, ORDINAL_WORDS
from claims.extraction.qualifiers import hedge_before
from claims.extraction.tokens import PREFIXES, WORD_LEAD, lam_forms, readings, words_back
from claims.extraction.types import RESERVED, Found

ONE = Decimal(1)
# The kind of a definite tens word that is a cardinal ("تتجاوز العشرين"), turned into a count or an age by figures.
CARDINAL = "cardinal"
_WORDS = ORDINAL_WORDS
_TENS_CARDINALS = {word: int(value) for word, value in LEX.cardinals.items() if 20 <= value < 100 and value % 10 == 0}
_AND = phrase_pattern(LEX.cues["and"])
_ARTICLE = phrase_pattern(LEX.cues["article"])
_LEAD = WORD_LEAD
# "للثالث": ل before the article drops its alef. Read when the page is scanned here, as the date hook does for
# a day before its month ("الموافق للثالث من أغسطس"); the page scan of numbers.scan_page leaves these forms
# out, so alone ("من مدينة للثانية") they are not reported.
_LAM_FORMS = lam_forms(_WORDS)
_FIRST = re.compile(
    rf"{_LEAD}(?:{PREFIXES}(?P<word>{phrase_pattern(_WORDS)})|(?P<lam>{phrase_pattern(_LAM_FORMS)}))(?!\w)")
_TEN = re.compile(rf" (?:{phrase_pattern(LEX.cues['ten'])})(?!\w)")
_AND_WORD = re.compile(rf" {_AND} ?(?P<word>{phrase_pattern(set(_WORDS) | set(_TENS_CARDINALS))})(?!\w)")
# A word right before "الأولى" that is not feminine makes it the adjective "الأوّلي" ("البحث الأولي").
_NOT_FEMININE = "".join(f"(?<!{re.escape(ending)})" for ending in sorted(LEX.cues["feminine_ending"]))
_MASCULINE_BEFORE = re.compile(rf"[\u0621-\u064a]{_NOT_FEMININE} \Z")
_FUNCTION_WORD_AFTER = re.compile(rf" {PREFIXES}(?:{phrase_pattern(LEX.not_count_nouns)})(?!\w)")
_HUNDREDS = [word for word, (_, form) in _WORDS.items() if form.startswith("hundreds")]
_HUNDREDS_BEFORE = re.compile(rf"(?<!\w)(?P<word>{phrase_pattern(_HUNDREDS)}) {_AND} ?\Z")
_RANK_BEFORE = re.compile(rf"(?<!\w){PREFIXES}(?:{phrase_pattern(LEX.rank_nouns)}) \Z")
_NAME_BEFORE = re.compile(rf"(?<!\w){PREFIXES}(?:{phrase_pattern(read_words('ordinal_name_words.txt'))}) \Z")
# "11 ميغابت في الثانية": an ordinal right after a unit of units.tsv and "في" (cues.tsv rate_per) is the time unit
# of a rate (per second), no ordinal.
_RATE_BEFORE = re.compile(
    rf"(?<![^\W\d])(?:{phrase_pattern(LEX.units)}) (?:{phrase_pattern(LEX.cues['rate_per'])}) \Z")
# "الفريق أول ركن": the indefinite "أول" after a title word (ordinal_title_words.txt) is part of the title;
# "الفريق الأول" (the first team) and "فريق ثالث" (a third team) stay ordinals.
_TITLE_BEFORE = re.compile(rf"(?<!\w){PREFIXES}(?:{phrase_pattern(read_words('ordinal_title_words.txt'))}) \Z")
# "الأشهر التسعة الأولى": an ordinal right after a number word qualifies the number, it ranks nothing.
_NUMBER_BEFORE = re.compile(rf"(?<!\w)(?:{_ARTICLE})?(?:{phrase_pattern(LEX.cardinals)}) \Z")
# "من الخامسة وحتى العاشرة من مساء الجمعة": an hour of a part of the day (date_words.tsv day_part) is a time.
# The hour follows a preposition ("حتى العاشرة من مساء", "في الثالثة عصرا"), never the noun it would rank
# ("الساعات الأولى من ليل الجمعة").
_HOUR_LEAD = re.compile(rf"(?<!\w){PREFIXES}(?:{phrase_pattern(LEX.not_count_nouns)}) \Z")
_HOUR_TO = re.compile(rf" (?:{_AND} ?)?(?:{phrase_pattern(LEX.cues['range_to'])}) ")
_DAY_PART_AFTER = re.compile(
    rf" (?:{phrase_pattern(read_roles('date_words.tsv')['day_part'])})"
    rf"(?!\w)"
)


# "في العشرين من عمره", "في الخامسة عشرة من العمر": an ordinal before these is an age (cues.tsv age_after).
_AGE_AFTER = re.compile(rf" (?:{phrase_pattern(LEX.cues['age_after'])})(?!\w)")
_TENS_STEP = Decimal(10)
# "في العقد الثالث من عمره": after a definite noun the ordinal ranks that noun (the third decade), it is no age.
_DEFINITE_BEFORE = re.compile(rf"(?<!\w){PREFIXES}{_ARTICLE}[^\W\d]+ \Z")


def _compared(norm: str, start: int) -> bool:
    """True when a comparison word of hedges.tsv (a hedge before the figure, or a hedging verb) ends right
    before `start`: "تتجاوز العشرين", "فوق الثلاثين", "دون الأربعين", "تجاوز الستين"."""
    if hedge_before(norm, start) is not None:
        return True
    last = norm[words_back(norm, start, 1):start].strip().lstrip("(«\"")
    return any(stem in LEX.hedge_verbs for _, stem in readings(last))


def find_ordinals(norm: str, hits: list[tuple[str, int, int, str]] | None = None) -> list[Found]:
    """The ordinals of the folded text, in order. `hits` are the ("ordinal", start, end, word) entries of
    numbers.scan_page(norm), the page's one word-start scan; without them the page is scanned here."""
    padded = " " + norm  # padded index = norm index + 1: every pattern below reads the padded text
    if hits is None:
        hits = [("ordinal", m.start("word") - 1, m.end() - 1, m.group("word")) if m.group("word") else
                ("ordinal", m.end() - 1 - len(_LAM_FORMS[m.group("lam")]), m.end() - 1, _LAM_FORMS[m.group("lam")])
                for m in _FIRST.finditer(padded)]
    found: list[Found] = []
    consumed = 0
    for kind, start, end, word in hits:
        if kind != "ordinal" or start < consumed:
            continue
        start, end = start + 1, end + 1
        form = _WORDS[word][1]
        hundreds = _HUNDREDS_BEFORE.search(padded, max(0, start - 12), start) if form in ("unit", "compound") else None
        parsed = _read(padded, word, end)
        if parsed is None:
            continue
        rank, end = parsed
        if hundreds and rank < 100:  # "المئة والخامسة والعشرون": the hundreds word is a cardinal of the page scan
            rank, start = rank + _WORDS[hundreds.group("word")][0], hundreds.start()
        elif form == "hundreds":
            continue
        if form == "feminine" and _MASCULINE_BEFORE.search(padded, max(0, start - 4), start):
            continue
        if form == "bare" and (_FUNCTION_WORD_AFTER.match(padded, end)
                               or rank == 1 and _TITLE_BEFORE.search(padded, max(0, start - 12), start)):
            continue
        if rank <= 12 and _DAY_PART_AFTER.match(padded, end) and _HOUR_LEAD.search(padded, max(0, start - 12), start):
            # a clock time, not a rank: reserved (so no number is read in it), with the hour that opens its range
            opening = found[-1] if found and found[-1].kind == "ordinal" and found[-1].value <= 12 else None
            if opening is not None and _HOUR_TO.fullmatch(padded, opening.end + 1, start):
                found[-1] = Found(opening.start, opening.end, RESERVED, opening.value)
            found.append(Found(start - 1, end - 1, RESERVED, Decimal(rank)))
            consumed = end - 1
            continue
        if (_AGE_AFTER.match(padded, end) and not _DEFINITE_BEFORE.search(padded, max(0, start - 24), start)
                or form == "tens" and _compared(norm, start - 1)):
            # the cardinal of a count or an age read with the article, not a rank: figures reads its qualifier
            precision = _TENS_STEP if rank % 10 == 0 else ONE
            found.append(Found(start - 1, end - 1, CARDINAL, Decimal(rank), precision=precision))
            consumed = end - 1
            continue
        if _NAME_BEFORE.search(padded, max(0, start - 16), start) or _NUMBER_BEFORE.search(
                padded, max(0, start - 16), start) or _RATE_BEFORE.search(padded, max(0, start - 24), start):
            continue
        extras = {"ranked": True} if _RANK_BEFORE.search(padded, max(0, start - 20), start) else {}
        found.append(Found(start - 1, end - 1, "ordinal", Decimal(rank), precision=ONE, extras=extras))
        consumed = end - 1
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
