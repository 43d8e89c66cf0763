"""The recognisers, run in order over the folded text (offsets here are into the folded text).

1. spans where no figure is read: URLs and handles, idioms (not_figures.py);
2. dates, through the hook `dates.find_dates` (reserved before any number is read);
3. ordinals (ordinals.py), reserved too, so "الحادي عشر" is never read as a number and a fraction;
4. numbers (numbers.py), each then read in its context: its unit (money.py, units.tsv: percent,
   multiplier, measure with its family), sign, qualifier (qualifiers.py), kind and counted noun, unless
   not_figures.py says it is not a figure;
5. ranges (ranges.py) join pairs of figures that bound one quantity.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal

from claims.extraction import money, not_figures, qualifiers
from claims.extraction.dates import ANCHOR_WORDS, find_dates, hijri_of_pair
from claims.extraction.lexicon import lexicon, phrase_pattern, read_raw_rows, read_words
from claims.extraction.numbers import (
    NEXT_WORD,
    NUMBER_WORDS,
    ONE,
    RUN,
    Number,
    join_divisions,
    numbers_in_run,
    scan_page,
)
from claims.extraction.ordinals import CARDINAL, find_ordinals
from claims.extraction.ranges import COMPARISON_WORDS, join_ranges
from claims.extraction.tokens import PREFIXES, PREPOSITIONS, noun_stems, readings, words_back
from claims.extraction.types import RESERVED, Found, drop_overlaps

LEX = lexicon()
_CUES = LEX.cues
UNIT_FAMILIES = {row[0]: row[1] for row in read_raw_rows("unit_families.tsv")}
# The size of a metric unit in its family's base ("kg" 1000 "g"): what joins "كيلو وخمسة جرامات" into one measure.
UNIT_SIZES = {row[0]: Decimal(row[2]) for row in read_raw_rows("unit_families.tsv") if len(row) > 2}
_ARTICLE = next(iter(_CUES["article"]))
# Dual nouns are units too after a number: "14 ضعفا" (accusative after 11–99) is spelled like the dual "ضعفا".
_SUFFIXES = {**LEX.currencies, **LEX.units}
_SUFFIX_LONGEST = max(map(len, _SUFFIXES)) + 1
_SUFFIX = re.compile(
    rf" ?(?P<of>(?:{phrase_pattern(_CUES['of'])}) )?(?P<suffix>{phrase_pattern(_SUFFIXES)})(?![\w$€£])"
)
_PERCENT_UNITS = frozenset(k for k, v in LEX.units.items() if v[0] == "percent" and k != "%")
_PERCENT_BEFORE = re.compile(
    rf"(?<!\w)(?:{phrase_pattern(_CUES['percent_lead'])}|(?P<unit>{phrase_pattern(_PERCENT_UNITS)})) \Z"
)
# The last characters of its phrases: the pattern is searched only when a space and one of them end the text
# before the figure.
_PERCENT_BEFORE_LAST = frozenset(phrase[-1] for phrase in _CUES["percent_lead"] | _PERCENT_UNITS)
_BELOW_ZERO = re.compile(rf" (?:{phrase_pattern(_CUES['below_zero'])})(?!\w)")
# "عام 2017", "بحلول عام 2032", and with one word between: "السنة المالية 2025".
_YEAR_CUE_BEFORE = re.compile(rf"(?<!\w)(?:{phrase_pattern(LEX.year_cues)})(?P<gap> [^\W\d]+)? \Z")
# "لتر ونصف", "دولار وربع": a unit written alone, then و and a fraction, is one and that fraction.
_UNIT_WORDS = {k: v for k, v in _SUFFIXES.items()
               if k.isalpha() and (k in LEX.currencies or (v[0] == "measure" and v[2] is None))}
_UNIT_AND_BEFORE = re.compile(
    rf"(?<![\w.٫,])(?P<unit>{phrase_pattern(_UNIT_WORDS)}) ?(?:{phrase_pattern(_CUES['and'])}) ?\Z"
)
_NUMBER_BEFORE = re.compile(rf"(?:\d|(?<!\w)(?:{phrase_pattern(NUMBER_WORDS)})) ?\Z")
# "(500) خمسمائة ريال", "500 (خمسمائة) ريال": only brackets and spaces between an amount and its restatement.
_RESTATEMENT_GAP = re.compile(r" ?[()]? ?[()]? ?")
_NOT_RESTATED = ("date", "ordinal", "fraction")
_DIGIT = re.compile(r"\d")
_DIGIT_GROUPS = re.compile(r"[.,٬](?=\d{3}(?!\d))")
_SUB_UNIT_JOIN = re.compile(rf" ?(?:{phrase_pattern(_CUES['and'])}) ?\Z| \Z|\Z")
_TIMES = "x"
_REVERSED_DECIMAL = re.compile(rf"(\d+)(?:{phrase_pattern(_CUES['reversed_decimal'])})(\d+)")
_REVERSED_JOINERS = _CUES["reversed_decimal"]
# "ألمانيا 2006 وجنوب أفريقيا 2010": a year followed by و, a name and another year is one of a list of years.
_YEAR_LIST_AFTER = re.compile(
    rf" (?:{phrase_pattern(_CUES['and'])})[^\W\d]+(?: [^\W\d]+){{0,2}} (?:1[89]|20)\d\d(?!\d)"
)
_YEAR_MARKERS = _CUES["year_marker"]
_COMPARED_WITH = re.compile(rf" (?:{phrase_pattern(_CUES['compared_with'])}) ")
# "ما يقارب 2000 من المعتقلين": a four-digit number before "من" and a definite noun counts them.
_PARTITIVE_AFTER = re.compile(rf" (?:{phrase_pattern(_CUES['of'])}) {_ARTICLE}")
_DATE_ANCHORS = frozenset(ANCHOR_WORDS)
_WORD_YEAR_BEFORE = re.compile(rf"(?<!\w)(?:{phrase_pattern(_CUES['word_year_before'])}) \Z")
# "نصف السنة", "ربع الساعة": a fraction of a duration unit written with the article.
_DURATION_WORDS = [k for k, v in LEX.units.items() if v[0] == "duration" and v[2] is None and k.isalpha()]
_DEFINITE_DURATION = re.compile(rf" {_ARTICLE}(?P<unit>{phrase_pattern(_DURATION_WORDS)})(?!\w)")
# "عام 2016" (a full stop may end the sentence after it: "عام 2016.")
_YEAR_AFTER = re.compile(r" (?:1[89]|20)\d\d(?!\d|[.,]\d)")
_ERA_AFTER = re.compile(rf" (?:{phrase_pattern(_CUES['era_after'])})(?!\w)")
_EDITION_BEFORE = re.compile(
    rf"(?<!\w){PREFIXES}(?:{phrase_pattern(_CUES['edition_noun'] | read_words('event_words.txt'))})"
    rf"(?: (?:{_ARTICLE}|{_ARTICLE[1]}{_ARTICLE[1]})[^\W\d]+){{0,3}} {_ARTICLE}\Z")
# "لقب كأس العالم 1986 وقال", "مونديال 2014 بالبرازيل": a year after an event's name (event_words.txt, with up to
# three words of its name) is a date unless an indefinite counted noun follows.
_EVENT_YEAR_BEFORE = re.compile(
    rf"(?<!\w){PREFIXES}(?:{phrase_pattern(read_words('event_words.txt'))})(?: [^\W\d]+){{0,3}} \Z")
# "سيارة جراند كرنفال 2015 متعددة": a model year after a product noun (model_year_nouns.txt) and its name.
_MODEL_YEAR_BEFORE = re.compile(
    rf"(?<!\w){PREFIXES}(?:{phrase_pattern(read_words('model_year_nouns.txt'))})(?: [^\W\d]+){{1,3}} \Z")
_DURATION_BEFORE = re.compile(
    rf"(?<!\w){PREFIXES}{_ARTICLE}(?P<unit>{phrase_pattern(_DURATION_WORDS)}) "
    rf"(?:{_ARTICLE}\d+ (?:{phrase_pattern(_CUES['or'] | _CUES['and'])}) ?)?{_ARTICLE}\Z"
)
_AGE_AFTER = re.compile(rf" (?:{phrase_pattern(_CUES['age_after'])})(?!\w)")
# "فوق سن 15", "في سن الـ60", "دون سن الثامنة عشرة": the word before an age (the article may be glued to the digits).
_AGE_BEFORE = re.compile(
    rf"(?<!\w){PREFIXES}(?:{phrase_pattern(_CUES['age_before'])}) (?:{_ARTICLE} ?)?\Z")
_AGE_MAX = 130
_CENTURY_BEFORE = re.compile(
    rf"(?<!\w){PREFIXES}(?:{phrase_pattern(_CUES['century_noun'])}) (?:{_ARTICLE} ?)?\Z")
_CENTURY_MAX = 30
_DAY_OF_MONTH_AFTER = re.compile(rf" (?:{phrase_pattern(_CUES['day_of_month_after'])})(?!\w)")
_POINT_YEAR = re.compile(r"\.(?:1[89]|20)\d\d(?![\d.,])(?= *(?:\n|\Z))")
# "(8,4) ملايين", "( 7 , 2 ) مليار": digits in brackets, spaces allowed around them and their decimal comma; so
# are digits in quotes ('«50» ألف', '"20" مليار').
_BRACKETED_BEFORE = re.compile(r"[(\"“”«] ?(\d+(?: ?[.,٫] ?\d{1,3})?) ?[)\"”″»] ?\Z")
# "فاز باللقب 5 مرات" counts occurrences; "أكبر بـ3 مرات", "تضاعف 4 مرات" is a ratio (comparison_words.txt).
_OCCURRENCE_NOUNS = _CUES["occurrence_noun"]
_COMPARISON_REACH = 4  # words before the figure (or before its hedge)
PREPOSITION_LETTERS = PREPOSITIONS
_CLAUSE_MARK = re.compile(r"[.,،؛:!?؟()«»\"]")
# "صافي مبيعاتهم من 103.9 مليون إلى 81 مليونا ... بـ1.2 مليار ريال": a money noun before a bare scaled amount.
_MONEY_NOUNS = read_words("money_nouns.txt")
_MONEY_NOUN_REACH = 4  # words before the amount
_JOINED_AMOUNT = re.compile(
    rf" ?(?:{phrase_pattern(_CUES['range_to'] | _CUES['compared_with'] | _CUES['and'])}) ?(?:{PREFIXES})?"
)
# "(1.071.5) كيلو جرام", "(500) ريال": digits alone in brackets before their unit or currency.
# So are digits in quotes: '”2000″ ريال', '«500» دولار'.
_OPEN_BRACKET_BEFORE = re.compile(r"[(\"“”«] ?\Z")
_CLOSE_BRACKET = re.compile(r" ?[)\"”″»]")
_CLOSERS = ") \"”″»"
_LOOSE_YEAR_LEAD = re.compile(
    rf"(?<!\w)[{''.join(_CUES['conjunction_prefix'])}]?(?:{phrase_pattern(_CUES['loose_year_lead'])}) \Z")
_AND_PREFIX = next(iter(_CUES["and"]))
# "قطاعات السوق الخمسة عشر", "الدول الخمس عشرة": a definite teen after its noun is an adjective, as "الخمسة"
# alone is (no definite unit word is read as a number): neither "عشر" nor the unit is reported.
_DEFINITE_UNITS = [word for word, value in LEX.cardinals.items() if 1 <= value <= 9 and word.isalpha()]
_DEFINITE_TEEN = re.compile(
    rf"(?<!\w)(?P<teen>{PREFIXES}{_ARTICLE}(?:{phrase_pattern(_DEFINITE_UNITS)}) (?:{phrase_pattern(_CUES['ten'])}))"
    rf"(?!\w)")
_TEN_WORDS = _CUES["ten"]
_TEEN_REACH = 24  # characters before the ten word where its definite unit word begins


def _definite_teens(norm: str) -> list[tuple[int, int]]:
    """The spans of definite teens after a noun ("قطاعات السوق الخمسة عشر"), looked for only around the ten
    words the page holds (not by a pass over the whole page)."""
    spans = set()
    for ten in _TEN_WORDS:
        at = norm.find(ten)
        while at != -1:
            end = at + len(ten)
            for match in _DEFINITE_TEEN.finditer(norm, max(0, at - _TEEN_REACH), min(len(norm), end + 1)):
                if match.end("teen") == end and _after_noun(norm, match.start()):
                    spans.add(match.span("teen"))
            at = norm.find(ten, end)
    return sorted(spans)
# "2000 ريال للمرة الأولى و«4000» للمرة الثانية": و (and quotes) before a bare amount of a list.
_QUOTES = "\"'«»“”″″„"
_LIST_AND = re.compile(rf"(?:^|\s)(?:{phrase_pattern(_CUES['and'])})[\s{_QUOTES}]*\Z")
_LIST_REACH = 40
_PAIR_STEP = 2  # "ثلاثة وأربعة آلاف": the two ends of an informal range are near
# "محمد أبو قرنين": a dual noun after a kunya word is a family name.
_KUNYA_BEFORE = re.compile(rf"(?<!\w)(?:{phrase_pattern(_CUES['kunya'])}) \Z")
_COUNT_LEAD = re.compile(rf"(?<!\w)(?:{phrase_pattern(_CUES['count_lead'])})(?!\w)")


def find_quantities(norm: str) -> list[Found]:
    # One scan of the page's word starts for every recogniser below, the date hook's anchor words included.
    runs, duals, hits = scan_page(norm, _DATE_ANCHORS)
    skipped = not_figures.reserved_spans(norm, hits)
    if teens := _definite_teens(norm):  # "قطاعات السوق الخمسة عشر": reserved, as "الخمسة" alone is
        skipped = sorted(skipped + teens)
    reserved = list(skipped)
    found: list[Found] = []
    # The date hook: its spans are reserved before numbers are read; RESERVED spans are names, not figures.
    for date in find_dates(norm, [(start, end, word) for kind, start, end, word in hits if kind == "anchor"]):
        if _inside(date.start, date.end, skipped):
            continue
        reserved.append((date.start, date.end))
        if date.kind != RESERVED:
            found.append(date)
    reserved.sort()
    for ordinal in find_ordinals(norm, hits):
        if not _inside(ordinal.start, ordinal.end, reserved):
            if ordinal.kind == CARDINAL:
                ordinal = _cardinal(norm, ordinal)
            elif ordinal.kind == "ordinal":
                ordinal = _age(norm, ordinal)
            if ordinal.kind != RESERVED:  # "العاشرة من مساء" is a clock time
                found.append(ordinal)
            reserved.append((ordinal.start, ordinal.end))
    reserved.sort()

    numbers: list[Number] = []
    for start, end in runs:
        if _inside(start, end, reserved):
            numbers.extend(n for n in numbers_in_run(norm, start, end) if not _inside(n.start, n.end, reserved))
        else:
            numbers.extend(numbers_in_run(norm, start, end))
    numbers = join_divisions(norm, _with_reversed_decimals(norm, runs, numbers))
    consumed_until = -1
    for number in _after_consumed(norm, numbers, reserved):
        if number.start < consumed_until:
            continue
        quantity = _quantity(norm, number)
        if quantity is not None:
            found.append(quantity)
            consumed_until = quantity.end
    for start, end, noun in duals:
        if not _inside(start, end, reserved) and not _KUNYA_BEFORE.search(norm, words_back(norm, start, 1), start):
            kind, unit, count = LEX.units[noun]
            below_zero = _BELOW_ZERO.match(norm, end) if kind == "measure" else None
            if below_zero:  # "درجتين تحت الصفر"
                count, end = -count, below_zero.end()
            if kind == "multiplier" and noun in _OCCURRENCE_NOUNS and not _is_ratio(norm, start, end, count):
                # "زار المدينة مرتين": twice, a count of occurrences
                found.append(Found(start, end, "count", count, None, qualifiers.qualifier_of(norm, start, end), ONE,
                                   {"noun_span": (start, end)}))
                continue
            qualifier = qualifiers.qualifier_of(norm, start, end)  # "لأكثر من قرنين"
            found.append(Found(start, end, kind, count, unit, qualifier, precision=ONE, has_unit=True,
                               extras=_family(kind, unit)))
    found.sort(key=lambda f: (f.start, f.end))
    found = _lend_currency_back(norm, _join_sub_units(norm, _join_restatements(norm, drop_overlaps(found))))
    found = _lend_unit_across(norm, _lend_sentence_currency(norm, _lend_currency_across(norm, found)))
    found = _thousands_of_one_dot(norm, found)
    return join_ranges(norm, _lend_to_list(norm, _share_unit_of_pair(norm, found)))


def _after_consumed(norm: str, numbers: list[Number], reserved: list[tuple[int, int]]) -> list[Number]:
    """"5 في المئة و10 في المئة": a unit ending in a number word ("المئة") may open the next run; what follows it
    in that run ("و10") is read again as numbers of its own."""
    result: list[Number] = []
    for index, number in enumerate(numbers):
        result.append(number)
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        if following is None or not 0 <= following.start - number.end <= _SUFFIX_LONGEST or not number.digits_only:
            continue
        suffix = _SUFFIX.match(norm, number.end)
        if suffix is None or not suffix.start("suffix") < following.start < suffix.end() < following.end:
            continue
        rest = RUN.search(norm, suffix.end(), following.end)
        if rest is not None and not _inside(rest.start(), rest.end(), reserved):
            result.extend(numbers_in_run(norm, rest.start(), following.end))
    return sorted(result, key=lambda n: n.start)


def _with_reversed_decimals(norm: str, runs: list[tuple[int, int]], numbers: list[Number]) -> list[Number]:
    """"9ر40 مليار" is 40.9 billion: the decimal digits are written first, joined by ر to the whole part.
    Looked for only where a digit run ends on the joining letter (the page is not scanned again)."""
    readings = []
    matches = (_REVERSED_DECIMAL.match(norm, _digits_start(norm, end)) for start, end in runs
               if norm[end : end + 1] in _REVERSED_JOINERS and norm[end - 1 : end].isdigit())
    for match in filter(None, matches):
        start, end = match.span()
        if end < len(norm) and norm[end].isalnum():
            continue
        if start and norm[start - 1].isalnum() and not (norm[start - 1] in _PREFIX_LETTERS and (
                start < 2 or not norm[start - 2].isalnum())):
            continue  # glued to a word; "و5ر2" after a conjunction is a number of its own
        decimals, whole = match.group(1), match.group(2)
        step = ONE.scaleb(-len(decimals))
        reading = Number(start, end, Decimal(whole) + Decimal(decimals) * step, step)
        # the whole part may open a run with a scale ("40 مليار"): the reading takes its place in that number
        run = next((n for n in numbers if n.start == match.start(2)), None)
        if run is not None and run.scale != 1 and Decimal(whole):
            reading = Number(start, run.end, run.value * reading.value / Decimal(whole), step * run.scale, run.scale)
        readings.append(reading)
    if not readings:
        return numbers
    kept = [n for n in numbers if not any(r.start < n.end and n.start < r.end for r in readings)]
    return sorted(kept + readings, key=lambda n: n.start)


# "0.\u200f2" (2.0), "2.\u200f37 مليار" (37.2 billion): a bidi mark right after a decimal point says the two parts
# were typed right to left, as "9ر40" is 40.9. normalize() drops the mark, so the original text is marked first.
_BIDI_DECIMAL = re.compile(r"(?<=\d)[.٫](?=[\u200e\u200f\u061c]\d)")
_BIDI_MARKS = ("\u200e", "\u200f", "\u061c")
_JOINER = min(_REVERSED_JOINERS)
_PREFIX_LETTERS = frozenset(_CUES["conjunction_prefix"] | _CUES["preposition_prefix"])


def mark_bidi_decimals(text: str) -> str:
    """`text` (original, not folded) with the decimal point of every number whose point is followed by a bidi
    mark turned into the reversed-decimal joiner (cues.tsv reversed_decimal): "0.\u200f2" reads 2.0. The length is
    unchanged, so offsets into the result are offsets into `text`."""
    if not any(mark in text for mark in _BIDI_MARKS):
        return text
    return _BIDI_DECIMAL.sub(_JOINER, text)


def _digits_start(norm: str, end: int) -> int:
    """Where the digits ending at norm[end] begin ("2 و5" ends on the digits "5")."""
    start = end
    while start and norm[start - 1].isdigit():
        start -= 1
    return start


def _bracketed_digits(norm: str, number: Number) -> Number:
    """"(12) مليون زائر", "(8,4) ملايين", "( 7 , 2 ) مليار", '«50» ألف': digits in brackets or quotes before a
    scale word multiply it."""
    bracket = _BRACKETED_BEFORE.search(norm, max(0, number.start - 20), number.start)
    if bracket is None:
        return number
    whole, _, decimals = bracket.group(1).replace(" ", "").replace("٫", ",").replace(".", ",").partition(",")
    if len(decimals) == 3:  # "(1,500)": a thousands separator
        whole, decimals = whole + decimals, ""
    scale = LEX.scales[norm[number.start : number.end]][0]
    step = ONE.scaleb(-len(decimals)) * scale
    value = Decimal(f"{whole}.{decimals}" if decimals else whole) * scale
    return Number(bracket.start(), number.end, value, step, scale)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True when [start, end) overlaps one of the sorted, non-nested `spans` (a date may hold a reserved
    name, so the span before the insertion point and the one at it are both checked)."""
    index = bisect_left(spans, (end,))
    for span_start, span_end in spans[max(0, index - 2) : index]:  # a loop, not any(): no generator per call
        if span_start < end and start < span_end:
            return True
    return False


def _family(kind: str, unit: str | None) -> dict:
    return {"family": UNIT_FAMILIES[unit]} if kind == "measure" and unit in UNIT_FAMILIES else {}


def _quantity(norm: str, number: Number) -> Found | None:
    if norm[number.start : number.end] in _CUES["teen_only"]:
        return None  # "وأثنى الوزير على": a form of two written only before عشر, alone another word
    if norm[number.start : number.end] in LEX.scales:
        number = _bracketed_digits(norm, number)
    elif norm.startswith(".", number.start) and _POINT_YEAR.match(norm, number.start):
        # "في عام .1985" at the end of a line: the sentence's full stop typed before its last number
        number = Number(number.start + 1, number.end, Decimal(norm[number.start + 1 : number.end]), ONE,
                        digits_only=True, year_like=True)
    if number.vague:
        return None
    start, end = number.start, number.end
    value, precision = number.value, number.precision
    after = norm[end] if end < len(norm) else ""
    times_x = after == _TIMES and not norm[end + 1 : end + 2].isalnum() and not norm[start - 1 : start].isalpha()
    if after.isalpha() and not times_x:
        return None  # glued to letters: a name ("H100"), or a unit typed without its space, which we leave
    suffix = _SUFFIX.match(norm, end)
    if suffix is None and after in _CLOSERS and (closing := _CLOSE_BRACKET.match(norm, end)) and (
            opening := _OPEN_BRACKET_BEFORE.search(norm, max(0, start - 2), start)):
        suffix = _SUFFIX.match(norm, closing.end())
        if suffix:
            start = opening.start()
    if suffix and suffix.group("of") and not suffix.group("suffix").startswith(_ARTICLE):
        suffix = None  # "5 من الدولارات" is money; "3 من يورو" is not a phrase
    if suffix and number.year_like and suffix.group("suffix") in _YEAR_MARKERS:
        suffix = None  # "2015م" is a year, not metres
    if suffix and suffix.group("suffix") in LEX.year_cues and _YEAR_AFTER.match(norm, suffix.end()):
        suffix = None  # "من 3.12 عام 2016": the word names the year after it, it is no duration unit
    unit_kind, unit = None, None
    sub_unit = False
    if suffix:
        phrase = suffix.group("suffix")
        end = suffix.end()
        if phrase in LEX.currencies:
            unit_kind = "money"
            unit, end = money.currency(norm, phrase, start, end)
            if phrase in LEX.currency_factors:  # "5 سنتات" is 0.05 USD
                factor = LEX.currency_factors[phrase]
                value, precision, sub_unit = value * factor, precision * factor, True
        elif phrase in _CUES["word_number_unit"] and number.digits_only:
            end = number.end  # "وقعت 3 عقود": contracts, a count
        else:
            unit_kind, unit, _ = LEX.units[phrase]
            if phrase in LEX.unit_factors:  # "نصف قرن" is 50 years
                factor = LEX.unit_factors[phrase]
                value, precision = value * factor, precision * factor
    if unit_kind is None and number.fraction and value < 1:
        unit_and = _UNIT_AND_BEFORE.search(norm, words_back(norm, start, 2), start)
        if unit_and and not _NUMBER_BEFORE.search(norm, words_back(norm, unit_and.start(), 1), unit_and.start()):
            phrase = unit_and.group("unit")
            if phrase in LEX.currencies:
                unit_kind = "money"
                unit, _ = money.currency(norm, phrase, unit_and.start(), unit_and.end())
            else:
                unit_kind, unit, _ = LEX.units[phrase]
            value, start = value + 1, unit_and.start()
    if unit_kind is None and number.fraction and value < 1 and (definite := _DEFINITE_DURATION.match(norm, end)):
        unit_kind, unit, _ = LEX.units[definite.group("unit")]  # "أمضى نصف السنة": half a year
        end = definite.end()
    if unit_kind is None and LEX.fractions.get(norm[number.start : number.end], (0, ""))[1] == "plural":
        return None  # "بأثمان بخسة": a plural fraction with no number before it (prices, not eighths)
    if unit_kind is None and number.digits_only and value <= 31 and _DAY_OF_MONTH_AFTER.match(norm, end):
        return None  # "في يوم 27 من الشهر المقبل": a day of a month the text does not name
    if unit_kind is None and not number.fraction and (age := _AGE_AFTER.match(norm, end)):
        unit_kind, unit = "duration", LEX.units[next(iter(_CUES["age_unit"]))][1]
        end = age.end()  # "سيبلغ الـ70 من العمر": an age in years
    if (unit_kind is None and not number.fraction and 0 < value <= _AGE_MAX and value == int(value)
            and (age := _AGE_BEFORE.search(norm, max(0, start - 12), start))
            and not _indefinite_noun_after(norm, end)):
        unit_kind, unit = "duration", LEX.units[next(iter(_CUES["age_unit"]))][1]
        start = age.start()  # "فوق سن 15": an age in years, bounded by the hedge before "سن"
    if unit_kind is None and norm[number.start : number.end] in _CUES["unit_only_fraction"]:
        return None  # "نص القرار" is a text, "نص لتر" half a litre
    if unit_kind is None and number.latin_scale and (not_figures.is_model_size(norm, start)
                                                     or not_figures.is_resolution(norm, number.start, number.end)):
        return None  # "Llama 3.1 405B", "بدقة 4K"
    if unit_kind is None:
        sign = money.sign_before(norm, start)
        if sign:
            unit, start = sign
            unit_kind = "money"
    if unit_kind is None and times_x:  # "3x": three times
        unit_kind, unit, end = "multiplier", "times", end + 1
    if unit_kind is None and not number.fraction:
        if number.digits_only and (not_figures.is_name_digits(norm, number.start, number.end)
                                   or not_figures.is_identifier(norm[number.start : number.end])):
            return None
        if not_figures.is_adjective_number(norm, number.start, number.end):
            return None
        if ("." in norm[number.start - 1 : number.end + 1]
                and not_figures.is_version(norm, number.start, number.end)):
            return None  # "بنسخة 4.2", "Android4.2.3": a version number
        if not number.digits_only and not_figures.is_quoted_alone(norm, number.start, number.end):
            return None  # 'العدد «صفر» من المجلة': a number word alone in quotes is a name
    minus = qualifiers.sign_before(norm, start)
    if minus is not None:
        value, start = -value, minus
    below_zero = _BELOW_ZERO.match(norm, end)
    if below_zero and (unit_kind is None or unit_kind == "measure"):
        value, end = -abs(value), below_zero.end()
        unit_kind, unit = "measure", unit or "°"
    if unit_kind is None and norm[start - 1 : start] == "%" and not norm[start - 2 : start - 1].isdigit():
        unit_kind, unit, start = "percent", "%", start - 1  # "%12", as right-to-left typing often puts it
    if (unit_kind is None and norm[start - 1 : start] == " " and norm[start - 2 : start - 1] in _PERCENT_BEFORE_LAST
            and (lead := _PERCENT_BEFORE.search(norm, words_back(norm, start, 3), start))):
        unit_kind, unit = "percent", "%"
        if lead.group("unit"):
            start = lead.start()
    extras: dict = _family(unit_kind, unit) if unit_kind else {}
    if unit_kind == "money" and (per := money.per_unit(norm, end)):
        extras["per"], end = per
    if unit_kind == "multiplier" and suffix and suffix.group("suffix") in _OCCURRENCE_NOUNS and not _is_ratio(
            norm, start, suffix.end(), value):
        # "ذكرت أكثر من 20 مرة": occurrences, a count whose noun is مرة
        unit_kind, unit = None, None
        extras["noun_span"] = suffix.span("suffix")
    text = norm[number.start : number.end]
    if unit_kind is not None:
        kind = unit_kind
    elif "noun_span" in extras:
        kind = "count"
    elif number.fraction or "/" in text:
        kind = "fraction"
    elif number.digits_only and number.end - number.start == 4 and (
            hijri := hijri_of_pair(norm, number.start, number.end)):
        return hijri  # '"1436 - 2015"': a Hijri year beside its Gregorian year
    elif number.year_like:
        if not_figures.is_name_year(norm, start):
            return None  # "رؤية 2030", "القانون رقم 194 لسنة 2020": part of a name
        cue = _YEAR_CUE_BEFORE.search(norm, words_back(norm, start, 4), start)
        hedge = qualifiers.hedge_before(norm, start)
        counted = (hedge is not None and not _until_year(norm, hedge[1], start, end)) or _PARTITIVE_AFTER.match(
            norm, end)
        if counted and not cue:
            cue = None  # "ما يقارب 2000 من المعتقلين": a hedge or a partitive makes it a count
        elif cue and not cue.group("gap"):
            return Found(norm.rfind(" ", 0, start - 1) + 1, number.end, "date", str(int(value)))
        elif (cue or not (noun := _counted_noun(norm, end)) or _YEAR_LIST_AFTER.match(norm, end)
              or _not_counted_by(norm, start, noun) or _named_year(norm, start, end)):
            return Found(number.start, number.end, "date", str(int(value)))
        kind = "count"
    elif _is_word_year(norm, number, start, end):
        return Found(number.start, number.end, "date", str(int(value)))
    elif number.digits_only and value == int(value) and (era := _ERA_AFTER.match(norm, end)):
        return Found(number.start, era.end(), "date", f"{int(value):04d}")  # "سنة 850 للميلاد"
    elif number.digits_only and 0 < value <= _CENTURY_MAX and value == int(value) and _CENTURY_BEFORE.search(
            norm, max(0, start - 12), start):
        return Found(number.start, number.end, "ordinal", value, precision=ONE)  # "في القرن 21"
    elif number.digits_only and (article_end := _article_before(norm, start)) and _EDITION_BEFORE.search(
            norm, words_back(norm, start, 5), article_end) and not _indefinite_noun_after(norm, end):
        return Found(number.start, number.end, "ordinal", value, precision=ONE)  # "في دورته الـ31"
    elif number.digits_only and norm.endswith(_ARTICLE, 0, start) and (
            unit_before := _DURATION_BEFORE.search(norm, max(0, start - 20), start)):
        kind, unit = "duration", LEX.units[unit_before.group("unit")][1]  # "خلال الأعوام الـ10 القادمة"
        unit_kind = kind
    else:
        kind = "count"
    if kind == "count" and "noun_span" not in extras:
        noun = _counted_noun(norm, end)
        if noun:
            extras["noun_span"] = noun
            end = noun[1]
    qualifier = qualifiers.qualifier_of(norm, start, end)  # after the counted noun: "200 شخص أو أقل"
    if number.scale != 1:
        extras["scale"] = number.scale
    if sub_unit:
        extras["_sub_unit"] = True
    return Found(start, end, kind, value, unit, qualifier, precision, extras, number.scale, unit_kind is not None)


def _is_ratio(norm: str, start: int, end: int, value: Decimal) -> bool:
    """True when "مرة/مرات" at norm[start:end] is a ratio: a fractional number ("12.8 مرة"), or a word of
    comparison_words.txt within a few words before the figure (before a hedge that ends with "من"/"عن": the "أكثر"
    of "أكثر من 20 مرة" bounds a count) or right after it ("3 مرات أكثر من"), in the same clause."""
    if value != int(value):
        return True
    hedge = qualifiers.hedge_before(norm, start)
    before = hedge[1] if hedge else start
    window = norm[words_back(norm, before, _COMPARISON_REACH) : before]
    if hedge and norm[before:start].split()[-1] not in _CUES["compared_with"]:
        window += " " + norm[before:start]  # "أكثر من 20 مرة" bounds a count; "يفوق 7 مرات", "أدنى 6 مرات" compare
    marks = list(_CLAUSE_MARK.finditer(window))
    if marks:
        window = window[marks[-1].end() :]  # "ارتفعت الأسعار، وزار الوفد المصنع 5 مرات": another clause
    after = NEXT_WORD.match(norm, end)
    words = window.split() + ([after.group(1)] if after else [])
    return any(stem in COMPARISON_WORDS for word in words for _, stem in readings(word))


def _article_before(norm: str, start: int) -> int | None:
    """Where the article before the digits at `start` ends: glued ("الـ36") or typed with a space ("الـ 36")."""
    if norm.endswith(_ARTICLE, 0, start):
        return start
    if norm.endswith(" " + _ARTICLE + " ", 0, start):
        return start - 1
    return None


def _indefinite_noun_after(norm: str, end: int) -> bool:
    """True when an indefinite counted noun follows `end` ("الـ15 زائرا"): a count, not an edition's rank. A word
    with the article or a prefix letter ("المنعقد", "لتأسيس", "للبطولة") is no counted noun of a rank."""
    noun = _counted_noun(norm, end)
    return noun is not None and not norm.startswith(_ARTICLE, noun[0]) and len(readings(norm[noun[0]:noun[1]])) == 1


def _cardinal(norm: str, word: Found) -> Found:
    """A definite number word that ordinals.py read as a cardinal: an age before "من العمر" ("في العشرين من
    عمره", a duration in years), else a count with its qualifier ("تتجاوز العشرين" → more_than 20)."""
    end, kind, unit = word.end, "count", None
    if age := _AGE_AFTER.match(norm, end):
        kind, unit = "duration", LEX.units[next(iter(_CUES["age_unit"]))][1]
        end = age.end()
    qualifier = qualifiers.qualifier_of(norm, word.start, end)
    return replace(word, end=end, kind=kind, unit=unit, qualifier=qualifier, has_unit=unit is not None)


def _age(norm: str, word: Found) -> Found:
    """"دون سن الثامنة عشرة": an ordinal word after "سن" (cues.tsv age_before) is an age, a duration in years,
    bounded by the hedge before "سن"."""
    age = _AGE_BEFORE.search(norm, max(0, word.start - 12), word.start)
    if age is None or not 0 < word.value <= _AGE_MAX:
        return word
    unit = LEX.units[next(iter(_CUES["age_unit"]))][1]
    qualifier = qualifiers.qualifier_of(norm, age.start(), word.end)
    return replace(word, start=age.start(), kind="duration", unit=unit, qualifier=qualifier, has_unit=True)


def _until_year(norm: str, hedge_start: int, start: int, end: int) -> bool:
    """"بتمديد العقد وحتى 2017": a hedge that is also a "to" word (range_to: "حتى") before a year with nothing
    counted after it and no figure before it means "until", not "at most" ("حتى 2000 شخص" stays a count,
    "من 1000 حتى 2000" a range)."""
    word = norm[hedge_start:start].strip()
    if not any(stem in _CUES["range_to"] for _, stem in readings(word)):
        return False
    return not _counted_noun(norm, end) and not _NUMBER_BEFORE.search(norm, max(0, hedge_start - 24), hedge_start)


def _is_word_year(norm: str, number: Number, start: int, end: int) -> bool:
    """"في ألف وسبعمائة وتسعة وثمانين", "منذ عام ألف وتسعمائة وخمسة وأربعين": a year written in words, with its
    hundreds and units (never a round "ألفين"), after a year cue, or after "في" with nothing counted after it."""
    value = number.value
    if not (1000 < value <= 2100 and value % 100 and value == int(value)) or number.fraction:
        return False
    if any(char.isdigit() for char in norm[number.start : number.end]):
        return False
    cue = _YEAR_CUE_BEFORE.search(norm, words_back(norm, start, 3), start)
    if cue is not None and not cue.group("gap"):
        return True
    after_in = _WORD_YEAR_BEFORE.search(norm, words_back(norm, start, 1), start) is not None
    return after_in and not _counted_noun(norm, end)


def _after_noun(norm: str, start: int) -> bool:
    """A word that can be a noun right before `start`: not a function word ("في الأحد عشر"), not a number."""
    word = norm[words_back(norm, start, 1) : start].strip()
    return len(word) > 2 and word.isalpha() and word not in LEX.not_count_nouns and not any(
        stem in NUMBER_WORDS for _, stem in readings(word))


def _named_year(norm: str, start: int, end: int) -> bool:
    """"كأس العالم 1986 وقال", "سيارة جراند كرنفال 2015 متعددة": a year after an event's name with no indefinite
    counted noun after it, or after a product's name (its model year)."""
    head = words_back(norm, start, 5)
    if _MODEL_YEAR_BEFORE.search(norm, head, start):
        return True
    if _EVENT_YEAR_BEFORE.search(norm, head, start) is None:
        return False
    noun = _counted_noun(norm, end)
    if noun is None:
        return True
    word = norm[noun[0] : noun[1]]  # a counted noun has no article and no و attached ("وقال", "بالبرازيل")
    return word.startswith(_AND_PREFIX) or any(stem.startswith(_ARTICLE) for _, stem in readings(word))


def _not_counted_by(norm: str, start: int, noun: tuple[int, int]) -> bool:
    """"أنشئت في 2005 وأعضاؤها", "خلال 2016 الماضي": after a preposition of time (cues loose_year_lead) a
    four-digit number is a year when the word after it has the article or و attached, which a counted noun never
    has ("في 2016 مسابقة" stays a count)."""
    if not _LOOSE_YEAR_LEAD.search(norm, words_back(norm, start, 1), start):
        return False
    word = norm[noun[0] : noun[1]]
    if any(stem.startswith(_ARTICLE) for _, stem in readings(word)):
        return True
    # و then a verb's or a plural's first letter ("وتضم", "وأعضاء") or an attached pronoun ("وأعضاؤها"); a noun
    # that begins with و ("وظيفة", "وحدة") is counted
    return word.startswith(_AND_PREFIX) and len(word) > 3 and (
        word[1] in _CUES["and_clause_letter"] or word.endswith(tuple(_CUES["attached_pronoun"])))


def _counted_noun(norm: str, end: int) -> tuple[int, int] | None:
    if qualifiers.starts_hedge(norm, end):
        return None
    match = NEXT_WORD.match(norm, end)
    if match is None or match.group(1) in LEX.not_count_nouns:
        return None
    if match.group(1) in LEX.year_cues and _YEAR_AFTER.match(norm, match.end(1)):
        return None  # "من 3.12 عام 2016": the word belongs to the year after it
    if any(stem in NUMBER_WORDS for _, stem in readings(match.group(1))):
        return None  # "عشرة وعشرون دولار": the next word is the next number
    return match.span(1)


def _lend_currency_back(norm: str, found: list[Found]) -> list[Found]:
    """"ارتفعت إلى 160 مليون ريال من 152 مليون": a scaled amount with no unit, compared with the money just
    before it, is in the same currency."""
    for index in range(1, len(found)):
        later = found[index]
        if later.kind != "count" or later.has_unit or (later.scale == 1 and "noun_span" in later.extras):
            continue  # "إلى 3.45 ريال من 3.12": an unscaled amount too, when it counts nothing
        back = index - 1
        while back > 0 and found[back].kind == "date" and later.start - found[back].end < 12:
            back -= 1  # "83 مليار دولار في 2013 من عشرة مليارات": a year may stand between the two
        earlier = found[back]
        joined_by = found[back + 1].end if back + 1 < index else earlier.end
        if (earlier.kind == "money" and later.start - earlier.end < 40
                and _COMPARED_WITH.fullmatch(norm, joined_by, later.start)):
            extras = {k: v for k, v in later.extras.items() if k != "noun_span"}
            end = later.end if "noun_span" not in later.extras else later.extras["noun_span"][0] - 1
            found[index] = Found(later.start, end, "money", later.value, earlier.unit, later.qualifier,
                                 later.precision, extras, later.scale, True)
    return found


# The qualifiers of a hedge before a figure that a second figure joined to it by "أو" shares.
# "بعد خمسة وثمانية أعوام على التوالي": "على التوالي" after X و Y with a unit makes two figures of that unit.
_RESPECTIVELY_AFTER = re.compile(rf" ?[,،]? ?(?:{phrase_pattern(_CUES['respectively'])})(?!\w)")
_CARRIED_HEDGES = frozenset({"approx", "at_least", "at_most", "less_than", "more_than"})
_NO_HEDGE_KINDS = frozenset({"date", "ordinal", "fraction"})


def _share_unit_of_pair(norm: str, found: list[Found]) -> list[Found]:
    """A unit written once for two numbers: "لخمس أو ست سنوات" is two durations (5 and 6 years), each end with
    the unit; "ثلاثة وأربعة آلاف ريال", two unit words joined by و (which never make one number) before a scale
    and a unit, is a range, 3000–4000 SAR. The first is a bare count (no unit, scale or counted noun)."""
    result: list[Found] = []
    for quantity in found:
        first = result[-1] if result else None
        if (first is not None and first.qualifier in _CARRIED_HEDGES and quantity.qualifier == "exact"
                and not {first.kind, quantity.kind} & _NO_HEDGE_KINDS
                and norm[first.end : quantity.start].strip() in _CUES["or"]):
            # "لن تحتمل أكثر من 5 أو 6 أحزاب": a hedge before "X أو Y" bounds both numbers
            quantity = replace(quantity, qualifier=first.qualifier)
        if (first is None or not quantity.has_unit or quantity.kind in ("date", "ordinal", "fraction")
                or first.kind != "count" or first.has_unit or first.scale != 1 or "noun_span" in first.extras
                or not isinstance(first.value, Decimal) or not isinstance(quantity.value, Decimal)
                or first.value != int(first.value) or first.value <= 0):
            result.append(quantity)
            continue
        gap = norm[first.end : quantity.start].strip()
        written = quantity.value / quantity.scale
        paired = gap in _CUES["or"] or (gap in _CUES["and"] and _RESPECTIVELY_AFTER.match(norm, quantity.end))
        if paired and 0 < written and first.value != written:
            result[-1] = replace(quantity, start=first.start, end=first.end, value=first.value * quantity.scale,
                                 precision=(first.precision or ONE) * quantity.scale, qualifier=first.qualifier,
                                 extras={k: v for k, v in quantity.extras.items() if k != "noun_span"})
        elif (gap in _CUES["and"] and quantity.scale != 1 and first.value < written <= first.value + _PAIR_STEP
              and written < 10 and not _DIGIT.search(norm, first.start, quantity.start)):
            low = first.value * quantity.scale
            result[-1] = Found(first.start, quantity.end, quantity.kind, low, quantity.unit, "range",
                               quantity.precision, {**quantity.extras, "low": low, "high": quantity.value},
                               quantity.scale, True)
            continue
        result.append(quantity)
    return result


def _lend_to_list(norm: str, found: list[Found]) -> list[Found]:
    """"رسوم 2000 ريال للمرة الأولى و4000 للمرة الثانية و6000 للثالثة": bare digits (no scale, no unit) joined
    by و to the amount before them, in the same sentence with no other figure between, followed by a word of the
    same construction (the same word, or the same preposition letter), take that amount's currency."""
    for index in range(1, len(found)):
        later, back = found[index], index - 1
        while back > 0 and found[back].kind == "ordinal":
            back -= 1  # "للمرة الثانية": an ordinal of the construction stands between two items
        earlier = found[back]
        if (later.kind != "count" or later.has_unit or later.scale != 1 or earlier.kind != "money"
                or earlier.extras.get("per") or not _DIGIT.search(norm, later.start, later.end)
                or not isinstance(earlier.value, Decimal) or not 0 < later.value
                or not earlier.value / 10 <= later.value <= earlier.value * 10):
            continue
        gap = norm[earlier.end : later.start]
        joined = _LIST_AND.search(gap)
        first_end = _first_amount(norm, earlier)
        if joined is None or len(gap) > _LIST_REACH or money.SENTENCE_END.search(gap):
            continue
        digits_end = later.extras["noun_span"][0] if "noun_span" in later.extras else later.end
        later_word = NEXT_WORD.match(norm, _after_quotes(norm, later.start, digits_end))
        earlier_word = NEXT_WORD.match(norm, first_end)
        if later_word is None or earlier_word is None:
            continue
        first, second = earlier_word.group(1), later_word.group(1)
        if not (first == second or (first[0] == second[0] and first[0] in PREPOSITION_LETTERS)):
            continue
        extras = {k: v for k, v in later.extras.items() if k != "noun_span"}
        end = later.end if "noun_span" not in later.extras else later.extras["noun_span"][0]
        while end > later.start and norm[end - 1] == " ":
            end -= 1
        found[index] = Found(later.start, end, "money", later.value, earlier.unit, later.qualifier,
                             later.precision, extras, ONE, True)
    return found


def _first_amount(norm: str, earlier: Found) -> int:
    """Where the construction after an amount of the list begins: after its currency ("2000 ريال سعودي للمرة"),
    or after the digits of an item already lent one ("و4000 للمرة"), and any closing quote."""
    return _after_quotes(norm, earlier.start, earlier.end)


def _after_quotes(norm: str, start: int, end: int) -> int:
    while end < len(norm) and norm[end] in _QUOTES:
        end += 1
    return end


def _as_money(norm: str, later: Found, unit: str) -> Found:
    return Found(later.start, later.end, "money", later.value, unit, later.qualifier, later.precision,
                 dict(later.extras), later.scale, True)


def _lend_currency_across(norm: str, found: list[Found]) -> list[Found]:
    """One currency written for two amounts of the same scale in one sentence: "5 ملايين و7 ملايين دولار" (the
    first takes the currency after it), "اشتروا بـ2.5 مليار ريال ... وباعوا بـ1.9 مليار" (the later one takes
    the currency of the nearest earlier amount of its scale). Never a counted amount ("1.1 مليار مستخدم"), nor
    across a sentence end or after a count word ("عدد")."""
    for index, later in enumerate(found):
        if later.kind != "count" or later.scale == 1 or later.has_unit or "noun_span" in later.extras:
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        if (following is not None and following.kind == "money" and following.scale == later.scale
                and norm[later.end : following.start].strip() in _CUES["and"]):
            found[index] = _as_money(norm, later, following.unit)
            continue
        earlier = next((f for f in reversed(found[:index]) if f.scale == later.scale), None)
        if (earlier is None or earlier.kind != "money" or later.start - earlier.end > 100
                or money.SENTENCE_END.search(norm, earlier.end, later.start)
                or _COUNT_LEAD.search(norm, words_back(norm, later.start, 4), later.start)):
            continue
        found[index] = _as_money(norm, later, earlier.unit)
    return found


# "30.000 متر مربع", "100.000 زائر": one dot before exactly three zeros groups the thousands (no decimal part is
# written as three zeros). Only a count of a noun or a measure, with no scale word: money keeps its decimals (a dinar, a
# Kuwaiti, Bahraini, Omani or Jordanian one, has 1000 fils: "3.000 دينار" is three dinars), and "130.000 ألف"
# already reads as 130 thousand.
_ONE_DOT_THOUSANDS = re.compile(r"\(? ?(\d{1,3})\.000(?![\d.٫,])")
_THOUSANDS_KINDS = ("count", "measure")


def _thousands_of_one_dot(norm: str, found: list[Found]) -> list[Found]:
    for index, figure in enumerate(found):
        if figure.kind not in _THOUSANDS_KINDS or figure.scale != 1 or norm.find(".", figure.start, figure.end) < 0:
            continue
        digits = _ONE_DOT_THOUSANDS.match(norm, figure.start)
        if digits is None or (figure.start and (norm[figure.start - 1].isdigit() or norm[figure.start - 1] in ".٫,")):
            continue
        if figure.kind == "count" and not norm[digits.end() : figure.end].strip(" )"):
            continue  # a bare "2.000" names nothing whole: an index or a rate may be written to three decimals
        found[index] = replace(figure, value=Decimal(digits.group(1)) * 1000, precision=ONE)
    return found


_FROM_WORD_BEFORE = re.compile(rf"(?<!\w){PREFIXES}(?:{phrase_pattern(_CUES['range_from'])}) \Z")
_TO_WORD = re.compile(rf" (?:{phrase_pattern({to for to in _CUES['range_to'] if to.isalpha() and len(to) > 1})}) ")
_BARE_END_AFTER = re.compile(r" ?(?:[^\w ]|\Z)|(?: (\w+))")
_LENT_KINDS = ("duration", "measure")


def _lend_unit_across(norm: str, found: list[Found]) -> list[Found]:
    """"سيقل زمن الرحلة من 20 ساعة إلى 11 فقط": a bare number right after the "to" word of "من <figure with a
    unit> إلى" takes that unit (a duration or a measure), as money lends its currency across such a comparison;
    the ranges pass then reads the pair as a range or as two figures of a change. Only when nothing but
    punctuation or a word of not_count_nouns.txt follows the bare number (else it may count something else)."""
    for index in range(1, len(found)):
        later, earlier = found[index], found[index - 1]
        if (later.kind != "count" or later.has_unit or "noun_span" in later.extras or earlier.kind not in _LENT_KINDS
                or not earlier.has_unit or earlier.unit is None or later.scale != earlier.scale
                or not _TO_WORD.fullmatch(norm, earlier.end, later.start)
                or not _FROM_WORD_BEFORE.search(norm, words_back(norm, earlier.start, 1), earlier.start)):
            continue
        after = _BARE_END_AFTER.match(norm, later.end)
        if after is None or (after.group(1) is not None and after.group(1) not in LEX.not_count_nouns):
            continue
        extras = {**later.extras, **_family(earlier.kind, earlier.unit)}
        found[index] = Found(later.start, later.end, earlier.kind, later.value, earlier.unit, later.qualifier,
                             later.precision, extras, later.scale, True)
    return found


def _lend_sentence_currency(norm: str, found: list[Found]) -> list[Found]:
    """"صافي مبيعاتهم من 103.9 مليون إلى 81 مليونا، بعد أن أسهموا بـ1.2 مليار ريال": a bare scaled amount after a
    noun of money (money_nouns.txt), or compared with such an amount ("من … إلى", "و"), is money when its sentence
    names exactly one currency and no figure of another unit stands between them. Never a counted amount
    ("1.5 مليون زائر"), nor after a count word ("عدد")."""
    previous_lent = None
    for index, amount in enumerate(found):
        if amount.kind != "count" or amount.scale == 1 or amount.has_unit or "noun_span" in amount.extras:
            continue
        begin, finish = _sentence_of(norm, amount.start, amount.end)
        low = index
        while low > 0 and found[low - 1].start >= begin:
            low -= 1
        high = index
        while high + 1 < len(found) and found[high + 1].end <= finish:
            high += 1
        sentence = found[low : high + 1]  # the figures of the amount's sentence
        currencies = {f.unit for f in sentence if f.kind == "money"}
        if len(currencies) != 1 or _COUNT_LEAD.search(norm, words_back(norm, amount.start, 4), amount.start):
            continue
        joined = (previous_lent is not None and previous_lent == index - 1
                  and _JOINED_AMOUNT.fullmatch(norm, found[index - 1].end, amount.start) is not None)
        if not joined and not _after_money_noun(norm, amount.start):
            continue
        money_at = [f.start for f in sentence if f.kind == "money"]
        if any(min(amount.start, m) < f.start < max(amount.start, m)
               for f in sentence if f.has_unit and f.kind != "money" for m in money_at):
            continue  # "بـ5 ملايين و20% ... بـ3 مليارات ريال": another unit between them
        found[index] = _as_money(norm, amount, next(iter(currencies)))
        previous_lent = index
    return found


_SENTENCE_REACH = 400  # characters each way: a sentence longer than that is cut there


def _sentence_of(norm: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence around norm[start:end] (at most _SENTENCE_REACH characters each way)."""
    head = max(0, start - _SENTENCE_REACH)
    begin = head
    for mark in money.SENTENCE_END.finditer(norm, head, start):
        begin = mark.end()
    finish = money.SENTENCE_END.search(norm, end, end + _SENTENCE_REACH)
    return begin, finish.start() if finish else min(len(norm), end + _SENTENCE_REACH)


def _after_money_noun(norm: str, start: int) -> bool:
    """A noun of money_nouns.txt in the few words before `start` ("صافي مبيعاتهم من 103.9 مليون")."""
    words = norm[words_back(norm, start, _MONEY_NOUN_REACH) : start].split()
    for index, word in enumerate(words):
        stems = noun_stems(word)
        if stems & _MONEY_NOUNS:
            return True
        if index + 1 < len(words) and any(f"{stem} {words[index + 1]}" in _MONEY_NOUNS for stem in stems):
            return True  # "رأس المال"
    return False


def _join_restatements(norm: str, found: list[Found]) -> list[Found]:
    """"غرامة قدرها (500) خمسمائة ريال", "500 (خمسمائة) ريال", "(10.000) عشرة آلاف ريال": an amount written in
    digits and again in words, one of them in brackets, is one figure. It takes the kind, unit and value of the
    words' side with the unit (the digits' "10.000" is read by the words as ten thousand), and spans both."""
    joined: list[Found] = []
    for quantity in found:
        previous = joined[-1] if joined else None
        if previous is not None and (merged := _restated(norm, previous, quantity)) is not None:
            joined[-1] = merged
            continue
        joined.append(quantity)
    return joined


def _restated(norm: str, first: Found, second: Found) -> Found | None:
    if first.kind in _NOT_RESTATED or second.kind in _NOT_RESTATED:
        return None
    if not _RESTATEMENT_GAP.fullmatch(norm, first.end, second.start):
        return None
    span = norm[first.start : second.end]
    if "(" not in span and ")" not in span and not norm.startswith(")", second.end):
        return None  # the convention brackets one of the two
    first_digits, second_digits = (bool(_DIGIT.search(norm, f.start, f.end)) for f in (first, second))
    if first_digits == second_digits:
        return None  # digits and words, one of each
    digits, words = (first, second) if first_digits else (second, first)
    if digits.has_unit and words.has_unit and (digits.kind, digits.unit) != (words.kind, words.unit):
        return None
    if not isinstance(digits.value, Decimal) or not isinstance(words.value, Decimal):
        return None
    written = _DIGIT_GROUPS.sub("", norm[digits.start : digits.end].split()[0].strip("()"))
    if digits.value != words.value and not (written.isdigit() and Decimal(written) * digits.scale == words.value):
        return None
    main = second if second.has_unit or not first.has_unit else first
    gap = norm[first.end : second.start]
    start = first.start - 1 if norm.startswith("(", first.start - 1) and ")" in gap else first.start
    end = second.end + 1 if norm.startswith(")", second.end) and "(" in gap else second.end
    return replace(main, start=start, end=end, value=words.value, precision=words.precision,
                   qualifier=first.qualifier if first.qualifier != "exact" else main.qualifier)


def _join_sub_units(norm: str, found: list[Found]) -> list[Found]:
    """"20 دولار و43 سنت", "20$ 43c": a sum and its sub-unit of the same currency are one amount; so are
    "5 دولارات ونصف" and "3 كيلوغرامات وربع"."""
    joined: list[Found] = []
    for quantity in found:
        previous = joined[-1] if joined else None
        if (previous is not None and quantity.extras.get("_sub_unit") and previous.kind == "money"
                and not previous.extras.get("_sub_unit") and previous.unit == quantity.unit
                and isinstance(previous.value, Decimal) and 0 < quantity.value < 1
                and quantity.start - previous.end <= 3
                and _SUB_UNIT_JOIN.fullmatch(norm, previous.end, quantity.start)):
            joined[-1] = Found(previous.start, quantity.end, "money", previous.value + quantity.value, previous.unit,
                               previous.qualifier, quantity.precision, {}, ONE, True)
            continue
        if (previous is not None and quantity.kind == "fraction" and previous.kind in ("money", "measure")
                and isinstance(previous.value, Decimal) and 0 < quantity.value < 1
                and quantity.start - previous.end <= 3
                and norm[previous.end : quantity.start].strip() in _CUES["and"]):
            # "5 دولارات ونصف": the fraction is of the unit just written
            fraction = quantity.value * previous.scale  # "3 مليارات دولار ونصف" is 3.5 billion
            joined[-1] = Found(previous.start, quantity.end, previous.kind, previous.value + fraction, previous.unit,
                               previous.qualifier, quantity.precision * previous.scale, previous.extras, previous.scale,
                               True)
            continue
        if quantity.kind == "measure" and quantity.unit in UNIT_SIZES:
            compound = _compound_measure(norm, previous, quantity)
            if compound is not None and previous is not None and compound.start == previous.start:
                joined[-1] = compound
                continue
            if compound is not None and (previous is None or previous.end <= compound.start):
                quantity = compound
        joined.append(quantity)
    return joined


def _compound_measure(norm: str, previous: Found | None, quantity: Found) -> Found | None:
    """"2 كيلوغرام و300 غرام" is 2.3 kg and "كيلو وخمسة جرامات" 1.005 kg: a measure in a smaller unit of the
    same family, after و and a larger unit (with its number, or alone for one), adds to it."""
    small = UNIT_SIZES[quantity.unit]
    if (previous is not None and previous.kind == "measure" and isinstance(previous.value, Decimal)
            and UNIT_SIZES.get(previous.unit, small) > small and quantity.start - previous.end <= 3
            and norm[previous.end : quantity.start].strip() in _CUES["and"]):
        ratio = small / UNIT_SIZES[previous.unit]
        return Found(previous.start, quantity.end, "measure", previous.value + quantity.value * ratio, previous.unit,
                     previous.qualifier, quantity.precision * ratio, previous.extras, ONE, True)
    unit_and = _UNIT_AND_BEFORE.search(norm, words_back(norm, quantity.start, 2), quantity.start)
    if unit_and is None or unit_and.group("unit") not in LEX.units:
        return None
    kind, unit, _ = LEX.units[unit_and.group("unit")]
    if (kind != "measure" or UNIT_SIZES.get(unit, small) <= small
            or UNIT_FAMILIES.get(unit) != UNIT_FAMILIES[quantity.unit]
            or _NUMBER_BEFORE.search(norm, words_back(norm, unit_and.start(), 1), unit_and.start())):
        return None
    ratio = small / UNIT_SIZES[unit]
    return Found(unit_and.start(), quantity.end, "measure", 1 + quantity.value * ratio, unit, quantity.qualifier,
                 quantity.precision * ratio, _family("measure", unit), ONE, True)
