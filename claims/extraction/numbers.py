"""Numbers: runs of number atoms in folded text, and the grammar that reads them.

One scan of the page (`scan_page`) finds runs of number atoms (digit numbers, number words, scale and
fraction words, with their attached prefixes) and the dual nouns that stand for a number by themselves;
a small grammar splits each run into numbers ("مئة وخمسون ألف" is one, "300 و 212" are two). What a
number counts (money, a measure, a date) is read by the other recognisers around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from claims.extraction.lexicon import lexicon, phrase_pattern, read_rows, read_words
from claims.extraction.tokens import CONJUNCTIONS, PREFIXES, PREPOSITIONS, WORD_LEAD, is_word_char

LEX = lexicon()
ONE = Decimal(1)
ZERO = Decimal(0)
YEAR_MIN, YEAR_MAX = 1900, 2100
_RESTATED_SCALE_MIN = Decimal(10) ** 6
_CUES = LEX.cues
_AND = next(iter(_CUES["and"]))
_ARTICLE = next(iter(_CUES["article"]))

NUMBER_WORDS = frozenset(LEX.cardinals) | frozenset(LEX.scales) | frozenset(LEX.fractions)
_NUMBER_WORDS = NUMBER_WORDS

_WORD = phrase_pattern(_NUMBER_WORDS)

_DIGITS = (
    r"(?<![\d/])(?<!\d-)(?:\d+ )?\d+/\d+(?![/\d])"
    r"|\d{1,3}(?:[,٬،]\d{3})+(?![\d])(?:[.٫,]\d+)?"
    r"|\d{1,3}(?: \d{3})+(?![\d])(?:[.٫]\d+)?"
    r"|\d+،\d{1,2}(?!\d)"  # "322،8": an Arabic comma before one or two digits is a decimal comma
    # "1.433.500", "(1.071.5)", "134.230.802.95": dots as thousands separators, two dots or more with every inner
    # group of exactly three digits (a race time "1.54.75" has groups of two and is not one); see _parse_digits
    r"|(?<![\d.٫])\d{1,3}(?:\.\d{3})+\.(?:\d{3}|\d{1,2}|\d{4,})(?![.٫]?\d)"
    r"|(?<!\d\.)\d+(?:[.٫,]\d+(?![.٫,]?\d))?|\d+"
    r"|(?<!\d)[.٫]\d+"
)

_EXPONENT = r"(?:e[+-]?\d+|\^[+-]*\d+)"

_LATIN_SCALE = phrase_pattern(LEX.latin_scales)

_WORD_ATOM = rf"{PREFIXES}(?:{_WORD})(?!\w)"

_ATOM = rf"(?:(?=[\d.٫])(?:{_DIGITS}){_EXPONENT}?(?:{_LATIN_SCALE}(?![a-z0-9]))?|(?<!\w){_WORD_ATOM})"

_CHAIN = rf"(?:(?: {_AND} ?| ){_ATOM})*"

RUN = re.compile(rf"{_ATOM}{_CHAIN}")

# Where a word can begin: a character that is not a letter or digit. The class is a superset of \W
# checked by ranges (\W costs four Unicode table lookups per character); the lookbehind makes it exact.
# Led by a consumed character class, a pattern lets `re` skip in C to the few places where it can
# match instead of being tried at every position, as RUN (led by lookarounds) is.
_WORD_LEAD = WORD_LEAD

_DIGIT_START = re.compile(r"[\d.٫](?:(?<=\d)|(?=\d))")

_TOKEN = re.compile(
    rf"(?=[\d.٫])(?P<digits>(?P<mantissa>{_DIGITS})(?P<exp>{_EXPONENT})?)(?P<latin>{_LATIN_SCALE}(?![a-z0-9]))?"
    rf"|(?<!\w)(?P<prefix>{PREFIXES})(?P<word>{_WORD})(?!\w)"
)

_DIVISION_BETWEEN = re.compile(
    rf" (?:(?:{phrase_pattern(_CUES['division_part'])}) )?(?:{phrase_pattern(_CUES['division_by'])}) \Z"
)
# The longest text _DIVISION_BETWEEN can hold: the text between two numbers is tried only when no longer.
_DIVISION_LONGEST = max(map(len, _CUES["division_part"])) + 1 + max(map(len, _CUES["division_by"]))
_PART_OF_BEFORE = re.compile(rf"(?<!\w)(?:{phrase_pattern(_CUES['part_of'])}) \Z")
_PART_OF_ENDS = frozenset(phrase[-1] + " " for phrase in _CUES["part_of"])  # what ends the text before a match
_TEEN_UNITS = _CUES["teen_unit"]
_TENS_WORD = re.compile(rf" (?:{phrase_pattern(_CUES['ten'])})(?!\w)")
NEXT_WORD = re.compile(r" ?([\u0621-\u064a]{2,})")
_NEXT_WORD = NEXT_WORD
DUAL_NOUNS = frozenset(k for k, v in LEX.units.items() if v[2])
ORDINAL_WORDS: dict[str, tuple[int, str]] = {row[0]: (int(row[1]), row[2]) for row in read_rows("ordinal_words.tsv")}
IDIOMS = read_words("idioms.txt")
_DUAL_NOUNS = DUAL_NOUNS


def _words_at_word_start() -> dict[str, tuple]:
    """Every word that scan_page looks for, with its attached prefixes spelled out, and what it is:
    ("run", word) for a number word (prefixes [وف]?[بل]? as in RUN), ("dual", noun) for dual nouns (at most
    one prefix letter), ("ordinal", word) for the words of ordinal_words.tsv and ("idiom", phrase) for the
    phrases of idioms.txt (prefixes as number words). A number word wins over the others."""
    words: dict[str, tuple[str, str]] = {}
    for first in ("", *CONJUNCTIONS):
        for second in ("", *PREPOSITIONS):
            for word in _NUMBER_WORDS:
                words[first + second + word] = ("run", word)
    for prefix in ("", *CONJUNCTIONS, *PREPOSITIONS):
        for noun in _DUAL_NOUNS:
            words.setdefault(prefix + noun, ("dual", noun))
    for first in ("", *CONJUNCTIONS):
        for second in ("", *PREPOSITIONS):
            for word in ORDINAL_WORDS:
                words.setdefault(first + second + word, ("ordinal", word))
            for phrase in IDIOMS:
                words.setdefault(first + second + phrase, ("idiom", phrase))
    return words


_WORDS_AT_WORD_START = _words_at_word_start()

# With the prefixes spelled out in the trie, a failed attempt at a word start costs one walk down the
# trie instead of one per way of reading the first letters as prefixes.


@lru_cache(maxsize=4)
def _scanner(
    anchors: frozenset[str],
) -> tuple[re.Pattern, dict[str, tuple[str, str]], re.Pattern | None, tuple[str, ...]]:
    """The word-start pattern for the words above plus other recognisers' `anchors` (prefixed words, such as
    dates.ANCHOR_WORDS), and what each word is. No letter may follow a word; a digit may ("سبتمبر10")."""
    words = dict(_WORDS_AT_WORD_START)
    for anchor in anchors:
        words.setdefault(anchor, ("anchor", anchor))
    # Anchors that are also number words ("صفر": zero, and the Hijri month) can sit inside a run.
    in_runs = [anchor for anchor in anchors if words[anchor][0] == "run"]
    inside = re.compile(rf"(?<!\w)(?P<word>{phrase_pattern(in_runs)})(?![^\W\d])") if in_runs else None
    # Each of those holds one of these ("وصفر" holds "صفر"): a run is searched for them only when it holds one.
    inside_keys = tuple(word for word in in_runs if not any(other != word and other in word for other in in_runs))
    # One pattern for both events of the scan, so the page is skipped through once: a digit start
    # (_DIGIT_START), or a word lead and a word. The word group is None at a digit start. The class leads, so
    # `re` skips to candidates in C. The lead is _WORD_LEAD without its lookbehind, which cost a third of the
    # scan: scan_page drops the rare word found after a letter or digit outside the class's ranges.
    events = re.compile(
        rf"[^\u0621-\u064aa-z](?:(?<=[\d.٫])(?:(?<=\d)|(?=\d))"
        rf"|(?P<word>{phrase_pattern(words)})(?![^\W\d]))"
    )
    return events, words, inside, inside_keys

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
    if not exponent and text.isascii() and text.isdigit():
        return Decimal(text), ONE  # most numbers are plain digits: no separator to read
    try:
        if "/" in text:
            whole, _, frac = text.rpartition(" ")
            numerator, denominator = frac.split("/")
            if Decimal(denominator) == 0:
                return None
            value = Decimal(numerator) / Decimal(denominator) + (Decimal(whole) if whole else 0)
            return value, precision_of(value)
        if text.count(".") >= 2:
            # Dots grouping thousands: the last group is a decimal part unless it has three digits ("1.071.5" is
            # 1071.5; "1.433.500" is read as 1433500, the integer grouping, though it could be 1433.5 written with
            # trailing zeros).
            head, _, tail = text.rpartition(".")
            text = head.replace(".", "") + ("" if len(tail) == 3 else ".") + tail
        head, comma, tail = text.rpartition("،")
        if comma and tail.isdigit() and len(tail) < 3:
            text = head.replace("،", "") + "." + tail
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
                precision = precision_of(value)
        return value, precision
    except (InvalidOperation, ValueError, ArithmeticError):
        return None

def precision_of(value: Decimal) -> Decimal:
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

    # One builder per run of the page: slots make it cheaper to build and to read
    __slots__ = ("start", "end", "total", "group", "last_term", "last_place", "last_kind", "scale", "last_scale",
                 "fraction", "digit_precision", "atoms", "words", "vague", "year_like", "latin_scale", "part_digits",
                 "part_scale", "part_value", "later", "dot_grouped")

    def __init__(self, start: int):
        self.start = start
        self.end = start
        self.total = ZERO  # closed by a scale word
        self.group = ZERO  # below the last scale
        self.last_term = ZERO
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
        # A part after و and a closed scale group ("3 ملايين و500 ألف", "5 آلاف و300"): its precision is the
        # number's, the step of its last written digit after its own scale; the number's scale stays the first.
        self.later = False
        self.part_digits: Decimal | None = None  # the written step of its digits, None for words
        self.part_scale = ONE
        self.part_value: Decimal | None = None  # its value before its scale, once a scale word closed it
        self.dot_grouped = False  # "134.230.802": digits grouped by two dots or more

    def start_part(self, digits: Decimal | None) -> None:
        self.later, self.part_digits, self.part_scale, self.part_value = True, digits, ONE, None

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
        if self.later and not self.fraction:
            part = self.part_value if self.part_value is not None else self.group
            precision = (self.part_digits * self.part_scale if self.part_digits is not None
                         else _trailing_step(part * self.part_scale))
        elif self.digit_precision is not None:
            precision = self.digit_precision * self.scale
        elif self.fraction:
            precision = precision_of(value)
        else:
            precision = _trailing_step(value)
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

def _trailing_step(value: Decimal) -> Decimal:
    """The place of the last non-zero digit of a whole number written in words (1 for a fraction)."""
    precision = ONE
    mantissa = value
    while mantissa >= 10 and mantissa % 10 == 0:
        mantissa /= 10
        precision *= 10
    return precision


def _place(value: Decimal) -> Decimal:
    if value < 10:
        return ONE
    if value < 100:
        return Decimal(10)
    return Decimal(100)

def numbers_in_run(norm: str, run_start: int, run_end: int) -> list[Number]:
    text = norm[run_start:run_end]
    if text.isascii() and text.isdigit():
        # Most runs are plain digits ("2024", "15"): one number, as the grammar reads a lone digit atom (the
        # same sums, so a value longer than the decimal context is rounded the same way).
        value = ZERO + (ZERO + Decimal(text))
        year_like = len(text) == 4 and YEAR_MIN <= int(text) <= YEAR_MAX
        return [Number(run_start, run_end, value, ONE, digits_only=True, year_like=year_like)]
    return read_run(norm, run_start, run_end)


def read_run(norm: str, run_start: int, run_end: int) -> list[Number]:
    """The numbers of a run of atoms, by the grammar (`numbers_in_run` reads plain digits without it)."""
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
        conj = _AND in gap
        word = token.group("word")
        prefix = token.group("prefix") or ""
        tstart = token.start("word") if word else token.start()
        if word and prefix.endswith(_AND) and (_AND + word) in LEX.cardinals:
            word, prefix, tstart = _AND + word, prefix[:-1], tstart - 1
        if prefix and word:
            short = len(word) < 3 and word not in _CUES["unit_only_fraction"]  # "ونص" is "and a half"
            if short or (word.startswith(_ARTICLE) and word not in LEX.scales):
                close()
                previous_end = token.end()
                continue
            conj = conj or _AND in prefix
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
    return norm.startswith(" " + _ARTICLE, end) or end >= len(norm) or norm[end] in ".،,؟?!\n"

def _merge(b: _Builder, token: re.Match, word: str | None, conj: bool, norm: str) -> bool:
    """Add one atom to the builder; False when it starts a new number instead."""
    fresh = b.atoms == 0
    if token.group("digits"):
        if not fresh and (not conj or b.last_kind in ("digits", "") or b.value == 0):
            return False
        if not fresh and _own_scale(b, norm, token.end()):
            return False
        parsed = _parse_digits(token.group("mantissa"), token.group("exp"))
        if parsed is None:
            return False
        value, precision = parsed
        if not fresh and (b.last_place is None or value >= b.last_place):
            return False
        if not fresh and b.group == 0 and b.total != 0:
            b.start_part(precision)  # "3 ملايين و500"
        latin = token.group("latin")
        if latin:
            b.scale = LEX.latin_scales[latin]
            b.latin_scale = True
            value *= b.scale
        b.add(value, _place(value), "digits")
        b.digit_precision = precision if fresh else b.digit_precision
        text = token.group("digits")
        b.year_like = fresh and not latin and text.isdigit() and len(text) == 4 and YEAR_MIN <= int(text) <= YEAR_MAX
        b.dot_grouped = fresh and text.count(".") >= 2
        b.atoms += 1
        return True

    if word in LEX.scales:
        scale, form = LEX.scales[word]
        if b.dot_grouped and b.last_kind == "digits" and not conj and b.value >= scale >= _RESTATED_SCALE_MIN:
            # "134.230.802.95 مليون ريال": digits grouped in full already write the millions; a scale word of a
            # million or more after them restates their order and multiplies nothing ("(1.500.000) ألف ريال", an
            # amount in thousands as budgets write them, still multiplies)
            b.atoms += 1
            b.words += 1
            b.last_kind = "restated_scale"
            return True
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
            if b.group == 0 and b.total != 0:  # "مليون وألف": a part of one scale word
                b.start_part(None)
                b.part_value, b.part_scale = ONE, scale
            b.total += b.group + scale
            b.group = Decimal(0)
            b.last_scale, b.last_place, b.last_kind = scale, scale, "scale"
        elif b.group == 0 and b.last_kind == "scale" and scale > b.last_scale:
            b.total *= scale
            b.scale *= scale
            b.last_scale = b.last_place = scale
        elif b.group > 0 and (b.last_scale is None or scale < b.last_scale or b.total == 0):
            if b.later and b.part_value is None:  # "3 ملايين و500 ألف": the scale closes the later part
                b.part_value, b.part_scale = b.group, scale
                if b.scale == 1:  # "مليونين و500 ألف": a dual records no scale of its own
                    b.scale = scale
            else:
                b.scale = scale if b.scale == 1 or b.digit_precision is None else b.scale * scale
            b.total += b.group * scale
            b.group = Decimal(0)
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
        if word in _TEEN_UNITS and not _TENS_WORD.match(norm, token.end()):
            return False
        if fresh:
            b.add(value, _place(value), "word")
        elif conj and _own_scale(b, norm, token.end()):
            return False
        elif conj and b.group == 0 and b.total != 0 and b.last_place is not None and (
                value < b.last_place or (b.last_kind == "scale" and value < b.last_scale)) and value != 0:
            b.start_part(None)  # "ثلاثة ملايين وخمسمائة ألف"
            b.add(value, _place(value), "word" if value < 100 else "hundred")
        elif value == 10 and not conj and b.last_kind == "word" and b.last_term < 10 and word in _CUES["ten"]:
            b.group += 10
            b.last_term, b.last_place = b.last_term + 10, Decimal(10)
        elif value == 100 and not conj and b.group > 0 and b.last_kind in ("word", "digits"):
            b.group *= 100
            b.last_place, b.last_kind = Decimal(100), "hundred"
            if b.digit_precision is not None:
                b.scale = Decimal(100)
        elif (not conj and b.last_kind == "word" and b.last_place == 100 and b.group % 100 == 0
              and 0 < value < 100):
            b.add(value, _place(value), "word")  # Egyptian: "متين تلاتة وستين" is 263, no و after the hundreds
        elif conj and b.last_place is not None:
            if b.last_kind == "word" and b.last_place == 10 and value < 10 and _TENS_WORD.match(norm, token.end()):
                return False  # "بين عشرة وخمسة عشر": و + a teen after tens starts a new number
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
    return (match is not None and match.start(1) == end + 1 and not match.group(1).startswith(_AND)
            and match.group(1) not in _NUMBER_WORDS and match.group(1) not in LEX.not_count_nouns)

def _own_scale(b: _Builder, norm: str, end: int) -> bool:
    """"5 ملايين و7 ملايين دولار": a part after و with a scale of its own as large as the last one is a new number."""
    match = _NEXT_WORD.match(norm, end)
    scale = LEX.scales.get(match.group(1)) if match is not None and match.start(1) == end + 1 else None
    return scale is not None and b.last_scale is not None and scale[0] >= b.last_scale

def _scale_place(b: _Builder) -> Decimal:
    return b.last_scale if b.last_scale is not None else (b.last_place or ONE)

def _reads_as_fraction(b: _Builder, word: str, conj: bool, norm: str, token: re.Match) -> bool:
    """خمس/سبع/تسع/عشر are cardinals unless the context only makes sense as a fraction."""
    if b.atoms == 0:
        return _next_is_definite(norm, token.end())
    if conj:
        return b.last_kind == "word" and b.last_place == 1 and b.last_term < 10
    return b.last_kind == "word" and b.words > 0 and word not in _CUES["ten"]


def scan_page(
    norm: str, anchors: frozenset[str] = frozenset()
) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]], list[tuple[str, int, int, str]]]:
    """One scan of the page for every recogniser that starts at a word: number runs (the spans of
    `RUN.finditer(norm)`), dual nouns as (start, end, noun) after at most one prefix letter, and ordinal
    words and idioms as (kind, start, end, word) after their prefix letters; the words of `anchors` (other
    recognisers' prefixed words, e.g. dates.ANCHOR_WORDS) as ("anchor", start, end, word), prefix included.

    A run begins at a digit or at a word start (it never ends on a non-word character), so the next
    run is the earlier of the next word-start match and the next digit where RUN matches. Dual nouns and
    ordinal words are never number atoms, so they share the word-start scan without overlapping runs; an
    idiom may begin with a number word ("ألف مبروك"): the run there is still reported, and so is an anchor
    that is also one of the words above.
    """
    pattern, table, inside, inside_keys = _scanner(anchors)
    padded = " " + norm  # index 0 becomes a word start like any other; padded index = norm index + 1
    runs: list[tuple[int, int]] = []
    duals: list[tuple[int, int, str]] = []
    words: list[tuple[str, int, int, str]] = []
    search_from = 0  # the pad: the lead of a word at index 1
    while True:
        event = pattern.search(padded, search_from)
        if event is None:
            return runs, duals, words
        key = event.group("word")
        lead = event.start()
        if key is None:  # a digit start
            kind, run_at = "digit", lead
        else:
            if is_word_char(padded[lead]):
                search_from = lead + 1  # its lead is a letter or digit (\w): no word starts here
                continue
            kind, name = table[key]
            run_at = lead + 1  # after the lead
            if key in anchors and kind != "anchor" and not (kind == "run" and inside is not None):
                words.append(("anchor", run_at - 1, event.end() - 1, key))
        if kind in ("digit", "run"):
            run = RUN.match(padded, run_at)
            if run is None and kind == "run":  # a digit glued after the word ("خمسة10"): no run here
                position = event.end()
            elif run is None:  # a digit can fail here: try the next one, as finditer would
                search_from = run_at + 1
                continue
            else:
                run_start, position = run.span()
                runs.append((run_start - 1, position - 1))
                for inner in inside_keys:  # a loop, not any(): no generator per run
                    if padded.find(inner, run_start, position) >= 0:
                        words.extend(("anchor", m.start() - 1, m.end() - 1, m.group("word"))
                                     for m in inside.finditer(padded, run_start, position))
                        break
        else:
            end = event.end() - 1
            start = end - len(name)  # after the prefix letters, if any
            position = event.end()
            if kind == "dual":
                duals.append((start, end, name))
            elif kind == "anchor":
                words.append((kind, run_at - 1, end, name))
            else:
                words.append((kind, start, end, name))
                if kind == "idiom" and (run := RUN.match(padded, run_at)) is not None:
                    runs.append((run.start() - 1, run.end() - 1))
                    position = run.end()
        # The next word's lead may be the character just before `position` (never the last letter of what was
        # read); a digit start there is not looked at again. Only a digit or a decimal point can be one.
        before = padded[position - 1]
        search_from = position if before.isdecimal() or (
            before in ".٫" and _DIGIT_START.match(padded, position - 1)) else position - 1


def join_divisions(norm: str, numbers: list[Number]) -> list[Number]:
    """"واحد على عشرين", "١ جزء من ثلاثة", "جزء من مئة": a fraction written as a division; and "واحد فاصلة
    خمسة وعشرون" (1.25): a decimal point spoken as a word."""
    joined: list[Number] = []
    for number in numbers:
        if joined:
            left = joined[-1]
            between = norm[left.end : number.start]
            stripped = between.strip()
            if (stripped in _CUES["decimal_point"] and left.value >= 0 and not left.fraction
                    and not number.fraction and number.value >= 0 and number.value == number.value.to_integral_value()
                    and left.value == left.value.to_integral_value()):
                places = len(str(int(number.value)))
                precision = ONE.scaleb(-places)
                joined[-1] = Number(left.start, number.end, left.value + number.value * precision, precision)
                continue
            if (stripped and len(stripped) <= _DIVISION_LONGEST and number.value != 0
                    and _DIVISION_BETWEEN.fullmatch(" " + stripped + " ")):
                word = between.split()[-1] if between.split() else ""
                part = len(between.split()) > 1
                if word in _CUES["division_always"] or part or left.value == 1:
                    value = left.value / number.value
                    joined[-1] = Number(left.start, number.end, value, precision_of(value), fraction=True)
                    continue
        if (norm[number.start - 2 : number.start] in _PART_OF_ENDS and number.value
                and _PART_OF_BEFORE.search(norm, max(0, number.start - 12), number.start)):
            value = ONE / number.value
            start = _PART_OF_BEFORE.search(norm, max(0, number.start - 12), number.start).start()
            joined.append(Number(start, number.end, value, precision_of(value), fraction=True))
            continue
        joined.append(number)
    return joined
