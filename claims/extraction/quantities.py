"""Find quantities in folded text (see normalize.py); offsets here are into the folded text.

One regex pass finds runs of number atoms (digit numbers, number words, scale and fraction words);
a small grammar splits each run into numbers ("مئة وخمسون ألف" is one, "300 و 212" are two); the
words around each number then give its sign, hedge, unit, kind and counted noun. Digits that belong
to a name ("GPT-4", "H100", "ويندوز 11") are dropped before they become figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from claims.extraction.dates import find_dates
from claims.extraction.lexicon import lexicon, phrase_pattern
from claims.extraction.types import RESERVED, Found

LEX = lexicon()
ONE = Decimal(1)
YEAR_MIN, YEAR_MAX = 1900, 2100

_NUMBER_WORDS = set(LEX.cardinals) | set(LEX.scales) | set(LEX.fractions)
_WORD = phrase_pattern(_NUMBER_WORDS)
_DIGITS = (
    r"(?<![\d/])(?<!\d-)(?:\d+ )?\d+/\d+(?![/\d])"
    r"|\d{1,3}(?:[,٬،]\d{3})+(?![\d])(?:[.٫,]\d+)?"
    r"|\d{1,3}(?: \d{3})+(?![\d])(?:[.٫]\d+)?"
    r"|(?<!\d\.)\d+(?:[.٫,]\d+(?![.٫,]?\d))?|\d+"
    r"|(?<!\d)[.٫]\d+"
)
_EXPONENT = r"(?:e[+-]?\d+|\^[+-]*\d+)"
_LATIN_SCALE = phrase_pattern(LEX.latin_scales)
_WORD_ATOM = rf"[وف]?[بل]?(?:{_WORD})(?!\w)"
_ATOM = rf"(?:(?=[\d.٫])(?:{_DIGITS}){_EXPONENT}?(?:{_LATIN_SCALE}(?![a-z0-9]))?|(?<!\w){_WORD_ATOM})"
_CHAIN = rf"(?:(?: و ?| ){_ATOM})*"
RUN = re.compile(rf"{_ATOM}{_CHAIN}")
# Where a word can begin: a character that is not a letter or digit. The class is a superset of \W
# checked by ranges (\W costs four Unicode table lookups per character); the lookbehind makes it exact.
# Led by a consumed character class, a pattern lets `re` skip in C to the few places where it can
# match instead of being tried at every position, as RUN (led by lookarounds) is.
_WORD_LEAD = "[^\u0621-\u064aa-z0-9](?<!\\w)"
_DIGIT_START = re.compile(r"[\d.٫](?:(?<=\d)|(?=\d))")
_TOKEN = re.compile(
    rf"(?=[\d.٫])(?P<digits>(?P<mantissa>{_DIGITS})(?P<exp>{_EXPONENT})?)(?P<latin>{_LATIN_SCALE}(?![a-z0-9]))?"
    rf"|(?<!\w)(?P<prefix>[وف]?[بل]?)(?P<word>{_WORD})(?!\w)"
)


def _before_pattern(phrases) -> re.Pattern:
    return re.compile(rf"(?<!\w)[وبلف]?(?:{phrase_pattern(phrases)}) ?\Z")


def _after_pattern(phrases) -> re.Pattern:
    return re.compile(rf" ?(?:{phrase_pattern(phrases)})(?!\w)")


_HEDGE_BEFORE = _before_pattern(LEX.hedges_before)
_HEDGE_AFTER = _after_pattern(LEX.hedges_after)
_HEDGE_VERB = re.compile(rf"(?<!\w)[وف]?(?P<verb>{phrase_pattern(LEX.hedge_verbs)})(?: [^\W\d]+){{0,2}} \Z")
_SIGN_BEFORE = re.compile(r"(?:(?<!\w)(?:سالب|ناقص) |(?<![\w.,%)-])- ?)\Z")
# Written before the figure: signs ("$", "€") and ISO codes ("AED 12,500").
_CURRENCY_SIGNS = {k: v for k, v in LEX.currencies.items() if not k.isalpha() or (k.isascii() and len(k) == 3)}
_CURRENCY_BEFORE = re.compile(rf"(?<![a-z])(?:{phrase_pattern(_CURRENCY_SIGNS)}) ?\Z")
_SUFFIXES = {**LEX.currencies, **{k: v for k, v in LEX.units.items() if v[2] is None}}
_SUFFIX = re.compile(rf" ?(?P<of>من )?(?P<suffix>{phrase_pattern(_SUFFIXES)})(?![\w$€£])")
_PERCENT_WORDS = phrase_pattern(k for k, v in LEX.units.items() if v[0] == "percent" and k != "%")
_PERCENT_BEFORE = re.compile(rf"(?<!\w)(?:ب?نسبه|{_PERCENT_WORDS}) \Z")
_RANGE_BEFORE = re.compile(r"(?<!\w)[وف]?(?:ما )?بين \Z")
_FROM_BEFORE = re.compile(r"(?<!\w)[وف]?م(?:ن|ا) \Z")
_TO_BETWEEN = re.compile(r" ?(?:-|الي|حتي|لغايه|و) ?\Z")
_DIVISION_BETWEEN = re.compile(r" (?:(?:جزء|اجزاء) )?(?:علي|من) \Z")
_PART_OF_BEFORE = re.compile(r"(?<!\w)جزء من \Z")
_LATIN_NAME_BEFORE = re.compile(r"(?<![\w])([a-z][a-z0-9]*)(?: ?[-‐–] ?| )\Z")
# "Llama 3.1 405B", "Ascend 910B": a Latin-suffixed number after a Latin name is a model size or a part number.
_LATIN_MODEL_BEFORE = re.compile(r"(?<![\w])([a-z][a-z0-9.-]*)(?: \d+(?:\.\d+)*)? \Z")
_PLAN_BEFORE = re.compile(rf"(?<!\w)[وبل]?(?:ال)?(?:{phrase_pattern(LEX.plan_words)})(?: [^\W\d]+){{0,2}} \Z")
_NUMBERED_ACT_BEFORE = re.compile(r"(?<!\w)رقم \d+ (?:لسنه|لعام|سنه) \Z")
_BARE_CURRENCY_DEFAULTS = frozenset(default for default, _ in LEX.currency_regions.values())
_REGION_CUE = re.compile(rf"(?<!\w)[وبل]?(?:ال)?(?P<cue>{phrase_pattern(LEX.currency_regions)})(?!\w)")
_NAME_WORD_BEFORE = re.compile(rf"(?<!\w)[وبل]?(?:{phrase_pattern(LEX.name_words)}) ?-? ?\Z")
_NEXT_WORD = re.compile(r" ?([\u0621-\u064a]{2,})")
_DUAL_NOUNS = frozenset(k for k, v in LEX.units.items() if v[2])


def _words_at_word_start() -> dict[str, tuple]:
    """Every word that scan_page looks for, with its attached prefixes spelled out, and what it is:
    ("run", word) for a number word (prefixes [وف]?[بل]? as in RUN), ("month", name) and ("dual", noun)
    for month names and dual nouns (at most one of و ف ب ل)."""
    words: dict[str, tuple[str, str]] = {}
    for first in ("", "و", "ف"):
        for second in ("", "ب", "ل"):
            for word in _NUMBER_WORDS:
                words[first + second + word] = ("run", word)
    for prefix in ("", "و", "ف", "ب", "ل"):
        for month in LEX.months:
            words.setdefault(prefix + month, ("month", month))
        for noun in _DUAL_NOUNS:
            words.setdefault(prefix + noun, ("dual", noun))
    return words


_WORDS_AT_WORD_START = _words_at_word_start()
# With the prefixes spelled out in the trie, a failed attempt at a word start costs one walk down the
# trie instead of one per way of reading the first letters as prefixes.
_AT_WORD_START = re.compile(rf"{_WORD_LEAD}(?P<word>{phrase_pattern(_WORDS_AT_WORD_START)})(?!\w)")
_YEAR_CUE_BEFORE = re.compile(rf"(?<!\w)(?:{phrase_pattern(LEX.year_cues)}) \Z")
# Every alternative starts with a literal, so `re` can skip ahead to h, w, # or @ in C.
_URL = re.compile(r"(?:https?://|www\.|#|@)\S+")
_RANK = re.compile(
    rf"(?:{phrase_pattern(LEX.rank_nouns)}) (?P<ordinal>{phrase_pattern(LEX.ordinals)})(?!\w)"
)


def _starts_word(norm: str, start: int, prefixes: str = "") -> bool:
    """True when `start` begins a word, possibly after one attached prefix letter."""
    if start == 0 or not norm[start - 1].isalnum():
        return True
    return norm[start - 1] in prefixes and (start == 1 or not norm[start - 2].isalnum())


@dataclass
class Number:
    start: int
    end: int
    value: Decimal
    precision: Decimal
    scale: Decimal = ONE
    fraction: bool = False
    digits_only: bool = False
    year_like: bool = False
    vague: bool = False
    latin_scale: bool = False


# --- numbers from runs of atoms ----------------------------------------------------------------


def _parse_digits(text: str, exponent: str | None) -> tuple[Decimal, Decimal] | None:
    """Value and precision of a written digit number."""
    try:
        if "/" in text:
            whole, _, frac = text.rpartition(" ")
            numerator, denominator = frac.split("/")
            if Decimal(denominator) == 0:
                return None
            value = Decimal(numerator) / Decimal(denominator) + (Decimal(whole) if whole else 0)
            return value, _precision_of(value)
        body = text.replace(" ", "").replace("٬", "").replace("،", "")
        if "," in body:
            head, _, tail = body.rpartition(",")
            body = body.replace(",", "") if len(tail) == 3 and "." not in tail else head.replace(",", "") + "." + tail
        body = body.replace("٫", ".")
        value = Decimal(body)
        decimals = len(body.partition(".")[2])
        precision = Decimal(1).scaleb(-decimals)
        if exponent:
            if exponent.startswith("e"):
                power = int(exponent[1:])
                value, precision = value.scaleb(power), precision.scaleb(power)
            else:
                sign = -1 if exponent.count("-") % 2 else 1
                power = sign * int(exponent.lstrip("^+-"))
                if abs(power) > 60 or value == 0:
                    return None
                value = value**power
                precision = _precision_of(value)
        return value, precision
    except (InvalidOperation, ValueError, ArithmeticError):
        return None


def _precision_of(value: Decimal) -> Decimal:
    """Step of the last significant digit, at most one millionth for repeating fractions."""
    if value == 0:
        return ONE
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    if not isinstance(exponent, int):
        return ONE
    return Decimal(1).scaleb(max(exponent, -6))


class _Builder:
    """Accumulates one number from atoms, Arabic-style: units before tens, scales multiply the group."""

    def __init__(self, start: int):
        self.start = start
        self.end = start
        self.total = Decimal(0)  # closed by a scale word
        self.group = Decimal(0)  # below the last scale
        self.last_term = Decimal(0)
        self.last_place = None  # place value of the last term added; a new term must be smaller
        self.last_kind = ""
        self.scale = ONE
        self.last_scale = None
        self.fraction = False
        self.digit_precision: Decimal | None = None
        self.atoms = 0
        self.words = 0
        self.vague = False
        self.year_like = False
        self.latin_scale = False

    @property
    def value(self) -> Decimal:
        return self.total + self.group

    def add(self, value: Decimal, place: Decimal, kind: str) -> None:
        self.group += value
        self.last_term = value
        self.last_place = place
        self.last_kind = kind

    def number(self) -> Number:
        value = self.value
        if self.digit_precision is not None:
            precision = self.digit_precision * self.scale
        elif self.fraction:
            precision = _precision_of(value)
        else:
            precision = ONE
            mantissa = value
            while mantissa >= 10 and mantissa % 10 == 0:
                mantissa /= 10
                precision *= 10
        return Number(
            self.start,
            self.end,
            value,
            precision,
            scale=self.scale,
            fraction=self.fraction,
            digits_only=self.words == 0 and self.scale == 1,
            year_like=self.year_like,
            vague=self.vague and self.atoms == 1,
            latin_scale=self.latin_scale,
        )


def _place(value: Decimal) -> Decimal:
    if value < 10:
        return ONE
    if value < 100:
        return Decimal(10)
    return Decimal(100)


def _numbers_in_run(norm: str, run_start: int, run_end: int) -> list[Number]:
    numbers: list[Number] = []
    builder: _Builder | None = None
    previous_end = run_start

    def close():
        nonlocal builder
        if builder is not None and builder.atoms:
            numbers.append(builder.number())
        builder = None

    for token in _TOKEN.finditer(norm, run_start, run_end):
        gap = norm[previous_end : token.start()]
        conj = "و" in gap
        word = token.group("word")
        prefix = token.group("prefix") or ""
        tstart = token.start("word") if word else token.start()
        if word and prefix.endswith("و") and ("و" + word) in LEX.cardinals:
            word, prefix, tstart = "و" + word, prefix[:-1], tstart - 1
        if prefix and word:
            if len(word) < 3 or (word.startswith("ال") and word not in LEX.scales):
                close()
                previous_end = token.end()
                continue
            conj = conj or "و" in prefix
        if builder is None or not _merge(builder, token, word, conj, norm):
            close()
            builder = _Builder(tstart)
            if not _merge(builder, token, word, False, norm):
                builder = None
        if builder is not None:
            builder.end = token.end()
        previous_end = token.end()
    close()
    return numbers


def _next_is_definite(norm: str, end: int) -> bool:
    return norm.startswith(" ال", end) or end >= len(norm) or norm[end] in ".،,؟?!\n"


def _merge(b: _Builder, token: re.Match, word: str | None, conj: bool, norm: str) -> bool:
    """Add one atom to the builder; False when it starts a new number instead."""
    fresh = b.atoms == 0
    if token.group("digits"):
        if not fresh and (not conj or b.last_kind in ("digits", "") or b.value == 0):
            return False
        parsed = _parse_digits(token.group("mantissa"), token.group("exp"))
        if parsed is None:
            return False
        value, precision = parsed
        if not fresh and (b.last_place is None or value >= b.last_place):
            return False
        latin = token.group("latin")
        if latin:
            b.scale = LEX.latin_scales[latin]
            b.latin_scale = True
            value *= b.scale
        b.add(value, _place(value), "digits")
        b.digit_precision = precision if fresh else b.digit_precision
        text = token.group("digits")
        b.year_like = fresh and not latin and text.isdigit() and len(text) == 4 and YEAR_MIN <= int(text) <= YEAR_MAX
        b.atoms += 1
        return True

    if word in LEX.scales:
        scale, form = LEX.scales[word]
        if form == "definite":
            # "مليونين ونصف المليون": repeats the scale that the half belongs to, adds nothing
            if b.last_kind != "scale_fraction" or scale != b.last_place:
                return False
        elif fresh and form == "one_or_dual" and _before_a_noun(norm, token.end()):
            # "ألفا عارض": the dual in construct before its noun; "ألفًا ونصف", "21 ألفًا" are one thousand
            b.add(2 * scale, scale, "dual")
            b.total += b.group
            b.group = Decimal(0)
            b.scale = scale
        elif form == "dual":
            if not fresh and not (conj and b.last_place and scale < _scale_place(b)):
                return False
            b.add(scale, scale / 2, "dual")
            b.total += b.group
            b.group = Decimal(0)
        elif fresh:
            b.group = scale
            b.scale = scale
            b.total, b.group = b.group, Decimal(0)
            b.last_scale, b.last_place, b.last_kind = scale, scale, "scale"
            b.vague = form == "plural"
        elif conj:
            if scale >= _scale_place(b):
                return False
            b.total += b.group + scale
            b.group = Decimal(0)
            b.last_scale, b.last_place, b.last_kind = scale, scale, "scale"
        elif b.group == 0 and b.last_kind == "scale" and scale > b.last_scale:
            b.total *= scale
            b.scale *= scale
            b.last_scale = b.last_place = scale
        elif b.group > 0 and (b.last_scale is None or scale < b.last_scale or b.total == 0):
            b.total += b.group * scale
            b.group = Decimal(0)
            b.scale = scale if b.scale == 1 or b.digit_precision is None else b.scale * scale
            b.last_scale, b.last_place, b.last_kind = scale, scale, "scale"
        else:
            return False
        b.atoms += 1
        b.words += 1
        return True

    if word in LEX.fractions and (word not in LEX.cardinals or _reads_as_fraction(b, word, conj, norm, token)):
        value, form = LEX.fractions[word]
        b.fraction = True
        if fresh:
            b.add(value, value, "fraction")
        elif conj and b.last_kind in ("scale", "dual") and form != "plural":
            # "ثلاثة ملايين ونصف", "مليونين ونصف": half of the last scale, not a half
            unit = b.last_scale if b.last_kind == "scale" else b.last_place
            b.fraction = False
            b.digit_precision = None
            b.add(value * unit, unit, "scale_fraction")
        elif form in ("plural",) or (not conj and form == "cardinal_homograph"):
            if conj:
                return False
            if b.last_term < 10 and b.group != b.last_term:
                b.group += b.last_term * value - b.last_term
            else:
                b.group *= value
            b.last_kind = "fraction"
        elif conj:
            b.add(value, value, "fraction")
        else:
            return False
        b.atoms += 1
        b.words += 1
        return True

    if word in LEX.cardinals:
        value = LEX.cardinals[word]
        if word in ("احد", "احدي") and not norm.startswith(" عشر", token.end()):
            return False
        if fresh:
            b.add(value, _place(value), "word")
        elif value == 10 and not conj and b.last_kind == "word" and b.last_term < 10 and word.startswith("عشر"):
            b.group += 10
            b.last_term, b.last_place = b.last_term + 10, Decimal(10)
        elif value == 100 and not conj and b.group > 0 and b.last_kind in ("word", "digits"):
            b.group *= 100
            b.last_place, b.last_kind = Decimal(100), "hundred"
            if b.digit_precision is not None:
                b.scale = Decimal(100)
        elif conj and b.last_place is not None:
            if 20 <= value < 100 and b.last_place == 1 and b.last_term < 10 and b.last_kind == "word":
                b.group += value
                b.last_term, b.last_place = b.last_term + value, Decimal(10)
            elif value == 0:
                return False
            elif value < b.last_place or (b.last_kind == "scale" and value < b.last_scale):
                b.add(value, _place(value), "word" if value < 100 else "hundred")
            else:
                return False
        else:
            return False
        b.atoms += 1
        b.words += 1
        return True
    return False


def _before_a_noun(norm: str, end: int) -> bool:
    """The next word is a noun in construct: an Arabic word that is not و..., من or a number word."""
    match = _NEXT_WORD.match(norm, end)
    return (match is not None and match.start(1) == end + 1 and not match.group(1).startswith("و")
            and match.group(1) not in _NUMBER_WORDS and match.group(1) not in LEX.not_count_nouns)


def _scale_place(b: _Builder) -> Decimal:
    return b.last_scale if b.last_scale is not None else (b.last_place or ONE)


def _reads_as_fraction(b: _Builder, word: str, conj: bool, norm: str, token: re.Match) -> bool:
    """خمس/سبع/تسع/عشر are cardinals unless the context only makes sense as a fraction."""
    if b.atoms == 0:
        return _next_is_definite(norm, token.end())
    if conj:
        return b.last_kind == "word" and b.last_place == 1 and b.last_term < 10
    return b.last_kind == "word" and b.words > 0 and word != "عشر"


# --- context around a number -------------------------------------------------------------------


def find_quantities(norm: str) -> list[Found]:
    reserved: list[tuple[int, int]] = [m.span() for m in _URL.finditer(norm)]
    urls = list(reserved)
    found: list[Found] = []
    runs, _, duals = scan_page(norm)
    # The date hook: its spans are reserved before numbers are read; RESERVED spans are names, not figures.
    for date in find_dates(norm):
        if _inside(date.start, date.end, urls):
            continue
        reserved.append((date.start, date.end))
        if date.kind != RESERVED:
            found.append(date)
    reserved.sort()

    numbers: list[Number] = []
    for start, end in runs:
        if _inside(start, end, reserved):
            numbers.extend(n for n in _numbers_in_run(norm, start, end) if not _inside(n.start, n.end, reserved))
        else:
            numbers.extend(_numbers_in_run(norm, start, end))
    numbers = _join_divisions(norm, numbers)
    consumed_until = -1
    for number in numbers:
        if number.start < consumed_until:
            continue
        quantity = _quantity(norm, number)
        if quantity is not None:
            found.append(quantity)
            consumed_until = quantity.end
    _find_duals(found, duals)
    _find_ranks(norm, found)
    found.sort(key=lambda f: (f.start, f.end))
    return _join_ranges(norm, _drop_overlaps(found))


def scan_page(norm: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, int, bool]], list[tuple[int, int, str]]]:
    """Number runs (the spans of `RUN.finditer(norm)`), and month names and dual nouns that begin a word
    after at most one prefix letter (و ف ب ل): months as (start, end, month, prefixed), duals as
    (start, end, noun).

    A run begins at a digit or at a word start (it never ends on a non-word character), so the next
    run is the earlier of the next word-start match and the next digit where RUN matches. Month names
    and dual nouns are never number atoms, so they share the word-start scan without overlapping runs.
    """
    padded = " " + norm  # index 0 becomes a word start like any other; padded index = norm index + 1
    runs: list[tuple[int, int]] = []
    months: list[tuple[int, int, int, bool]] = []
    duals: list[tuple[int, int, str]] = []
    nowhere = len(padded) + 1
    position = 1
    word_at = digit_at = -1
    word = None
    while True:
        if word_at < position:
            # the lead may sit just before `position`: on the pad, never on the last letter of a run
            word = _AT_WORD_START.search(padded, position - 1)
            word_at = word.start() + 1 if word else nowhere
        if digit_at < position:
            digit = _DIGIT_START.search(padded, position)
            digit_at = digit.start() if digit else nowhere
        if word_at == digit_at == nowhere:
            return runs, months, duals
        kind, name = ("digit", "") if digit_at < word_at else _WORDS_AT_WORD_START[word.group("word")]
        if kind in ("digit", "run"):
            run_at = digit_at if kind == "digit" else word_at
            run = RUN.match(padded, run_at)
            if run is None:  # only a digit can fail here: try the next one, as finditer would
                digit = _DIGIT_START.search(padded, digit_at + 1)
                digit_at = digit.start() if digit else nowhere
                continue
            runs.append((run.start() - 1, run.end() - 1))
            position = run.end()
            continue
        word_start, end = word_at - 1, word.end() - 1
        start = end - len(name)  # after the prefix letter, if any
        if kind == "dual":
            duals.append((start, end, name))
        else:
            months.append((start, end, LEX.months[name], start > word_start))
        position = word.end()


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True when [start, end) overlaps one of the sorted `spans`."""
    for span_start, span_end in spans:
        if span_start >= end:
            break
        if start < span_end:
            return True
    return False


def _join_divisions(norm: str, numbers: list[Number]) -> list[Number]:
    """"واحد على عشرين", "١ جزء من ثلاثة", "جزء من مئة": a fraction written as a division."""
    joined: list[Number] = []
    for number in numbers:
        if joined:
            left = joined[-1]
            between = norm[left.end : number.start]
            if number.value != 0 and _DIVISION_BETWEEN.fullmatch(" " + between.strip() + " ") and between.strip():
                word = between.split()[-1] if between.split() else ""
                part = len(between.split()) > 1
                if word == "علي" or part or left.value == 1:
                    value = left.value / number.value
                    joined[-1] = Number(left.start, number.end, value, _precision_of(value), fraction=True)
                    continue
        if _PART_OF_BEFORE.search(norm, max(0, number.start - 8), number.start) and number.value:
            value = ONE / number.value
            joined.append(Number(number.start - 7, number.end, value, _precision_of(value), fraction=True))
            continue
        joined.append(number)
    return joined


def _is_name_digit(norm: str, number: Number) -> bool:
    """Digits that are part of a name: GPT-4, H100, DeepSeek-V3, LLaMA 3, ويندوز 11, شركة 360."""
    before = norm[number.start - 1] if number.start else " "
    after = norm[number.end] if number.end < len(norm) else " "
    if before.isalpha() and before.isascii() or after.isalpha():
        return True
    if before in "-_/" and number.start >= 2 and norm[number.start - 2].isalpha():
        return True
    head = norm[max(0, number.start - 40) : number.start]
    latin = _LATIN_NAME_BEFORE.search(head)
    if latin and latin.group(1) not in LEX.latin_function_words:
        return True
    return bool(_NAME_WORD_BEFORE.search(head))


def _quantity(norm: str, number: Number) -> Found | None:
    times_x = (norm.startswith("x", number.end) and not norm[number.end + 1 : number.end + 2].isalnum()
               and not norm[number.start - 1 : number.start].isalpha())
    if number.vague or (number.end < len(norm) and norm[number.end].isalpha() and not times_x):
        return None
    start, end = number.start, number.end
    value = number.value
    suffix = _SUFFIX.match(norm, end)
    if suffix and suffix.group("of") and not number.vague and not suffix.group("suffix").startswith("ال"):
        suffix = None  # "5 من الدولارات" is money; "3 من يورو" is not a phrase
    unit_kind, unit = None, None
    precision = number.precision
    if suffix:
        phrase = suffix.group("suffix")
        if phrase in LEX.currencies:
            unit_kind, unit = "money", _currency(norm, phrase, start)
            if phrase in LEX.currency_factors:  # "5 سنتات" is 0.05 USD
                value, precision = value * LEX.currency_factors[phrase], precision * LEX.currency_factors[phrase]
        else:
            unit_kind, unit, _ = LEX.units[phrase]
        end = suffix.end()
    head_start = max(0, start - 30)
    if unit_kind is None and number.latin_scale:
        model = _LATIN_MODEL_BEFORE.search(norm, head_start, start)
        if model and model.group(1) not in LEX.latin_function_words:
            return None
    if unit_kind is None and norm[max(0, start - 1) : start] != "$":
        currency = _CURRENCY_BEFORE.search(norm, max(0, start - 5), start)
        if currency:
            unit_kind, unit = "money", _CURRENCY_SIGNS[currency.group().strip()]
            start = currency.start()
    elif norm[max(0, start - 1) : start] == "$" and unit_kind is None:
        unit_kind, unit, start = "money", "USD", start - 1
    if unit_kind is None and times_x:  # "3x": three times
        unit_kind, unit, end = "multiplier", "times", end + 1
    if number.digits_only and unit_kind is None and not number.fraction and _is_name_digit(norm, number):
        return None
    sign = _SIGN_BEFORE.search(norm, head_start, start)
    if sign:
        value = -value
        start = sign.start()
    if unit_kind is None and norm[start - 1 : start] == "%" and not norm[start - 2 : start - 1].isdigit():
        unit_kind, unit, start = "percent", "%", start - 1  # "%12", as right-to-left typing often puts it
    if unit_kind is None and _PERCENT_BEFORE.search(norm, head_start, start):
        unit_kind, unit = "percent", "%"
        if norm[max(0, start - 9) : start].strip().endswith(("المئه", "المائه")):
            start = norm.rfind("ب", head_start, start) if "بال" in norm[head_start:start] else start
    qualifier = "exact"
    hedge = _HEDGE_BEFORE.search(norm, head_start, start)
    if hedge:
        qualifier = LEX.hedges_before[hedge.group().strip().lstrip("وبلف") if hedge.group().strip() not in
                                      LEX.hedges_before else hedge.group().strip()]
    if qualifier == "exact" and (verb := _HEDGE_VERB.search(norm, max(0, start - 40), start)):
        qualifier = LEX.hedge_verbs[verb.group("verb")]
    hedge_after = _HEDGE_AFTER.match(norm, end)
    if hedge_after and qualifier == "exact":
        qualifier = LEX.hedges_after[hedge_after.group().strip()]

    extras: dict = {}
    if unit_kind is not None:
        kind = unit_kind
    elif number.fraction:
        kind = "fraction"
    elif number.year_like:
        if _PLAN_BEFORE.search(norm, max(0, start - 40), start) or _NUMBERED_ACT_BEFORE.search(norm, head_start, start):
            return None  # "رؤية 2030", "رؤية مصر 2030", "القانون رقم 194 لسنة 2020": part of a name
        cue = _YEAR_CUE_BEFORE.search(norm, max(0, start - 16), start)
        if cue:
            return Found(norm.rfind(" ", 0, start - 1) + 1, number.end, "date", str(int(value)))
        if not _counted_noun(norm, end):
            return Found(number.start, number.end, "date", str(int(value)))
        kind = "count"
    else:
        kind = "count"
    if kind == "count":
        noun = _counted_noun(norm, end)
        if noun:
            extras["noun_span"] = noun
            end = noun[1]
    if number.scale != 1:
        extras["scale"] = number.scale
    has_unit = unit_kind is not None
    return Found(start, end, kind, value, unit, qualifier, precision, extras, number.scale, has_unit)


def _currency(norm: str, phrase: str, start: int) -> str:
    """The code of a currency name; a bare درهم, دينار, ريال or جنيه follows the nearest country cue before it
    on the page (an article about Morocco names the country once, its prices many times)."""
    code = LEX.currencies[phrase]
    if code not in _BARE_CURRENCY_DEFAULTS or " " in phrase or not phrase.isalpha():
        return code
    cues = _region_cues(norm)
    for _, (default, region) in reversed(cues[: bisect_left(cues, (start,))]):
        if default == code:
            return region
    return code


@lru_cache(maxsize=1)
def _region_cues(norm: str) -> list[tuple[int, tuple[str, str]]]:
    """The page's country cues, found once for all its bare currency names (the page is the cache key)."""
    return [(cue.start(), LEX.currency_regions[cue.group("cue")]) for cue in _REGION_CUE.finditer(norm)]


def _counted_noun(norm: str, end: int) -> tuple[int, int] | None:
    match = _NEXT_WORD.match(norm, end)
    if match and match.group(1) not in LEX.not_count_nouns and match.group(1) not in _NUMBER_WORDS:
        return match.span(1)
    return None


def _find_duals(found: list[Found], duals: list[tuple[int, int, str]]) -> None:
    """"يومين", "مرتين", "عامين": a dual noun is a number by itself."""
    for start, end, noun in duals:
        kind, unit, count = LEX.units[noun]
        found.append(Found(start, end, kind, count, unit, precision=ONE, has_unit=True))


def _find_ranks(norm: str, found: list[Found]) -> None:
    for match in _RANK.finditer(norm):
        if not _starts_word(norm, match.start(), "وفبل"):
            continue
        rank = Decimal(LEX.ordinals[match.group("ordinal")])
        found.append(Found(match.start("ordinal"), match.end(), "ordinal", rank, precision=ONE))


def _drop_overlaps(found: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for quantity in found:
        if kept and quantity.start < kept[-1].end:
            if quantity.end - quantity.start > kept[-1].end - kept[-1].start:
                kept[-1] = quantity
            continue
        kept.append(quantity)
    return kept


def _join_ranges(norm: str, found: list[Found]) -> list[Found]:
    """"بين 25 و40 ألف دولار" is one range; "من 40 إلى 50 مليار دولار" lends its unit to the first figure."""
    result: list[Found] = []
    index = 0
    while index < len(found):
        low = found[index]
        high = found[index + 1] if index + 1 < len(found) else None
        if high and low.kind not in ("date", "ordinal") and high.kind not in ("date", "ordinal"):
            between = norm[low.end : high.start]
            head = max(0, low.start - 12)
            if len(between) <= 8 and _TO_BETWEEN.search(" " + between):  # length first: between can be a page
                lent = _lend_unit(low, high)
                if _RANGE_BEFORE.search(norm, head, low.start) and "و" in between:
                    result.append(Found(
                        low.start, high.end, high.kind, lent.value, high.unit, "range", high.precision,
                        {**high.extras, "low": lent.value, "high": high.value}, high.scale, True,
                    ))
                    index += 2
                    continue
                if _FROM_BEFORE.search(norm, head, low.start) and "و" not in between:
                    result.append(lent)
                    index += 1
                    continue
        result.append(low)
        index += 1
    return result


def _lend_unit(low: Found, high: Found) -> Found:
    """The first figure of "بين 25 و40 ألف دولار" or "بين 10 و12 ألف وظيفة" takes the scale and unit of the second."""
    if low.has_unit or low.kind != "count" or not (high.has_unit or (low.scale == 1 and high.scale != 1)):
        return low
    value = low.value * high.scale if low.scale == 1 and isinstance(low.value, Decimal) else low.value
    precision = (low.precision or ONE) * (high.scale if low.scale == 1 else 1)
    extras = {k: v for k, v in low.extras.items() if k != "noun_span"}
    return Found(low.start, low.end, high.kind, value, high.unit, low.qualifier, precision, extras, high.scale,
                 high.has_unit)
