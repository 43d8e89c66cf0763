"""Dates, date periods and durations in folded text: the engine's date recogniser.

`find_dates(norm)` returns the dates, periods and durations of the folded text `norm` as `Found` spans
(folded offsets). The engine reserves every returned span before numbers are read, so a day or a year
inside a date is never read again as a count; spans whose kind is `RESERVED` hold digits that are not a
figure and have no Gregorian value ("مدينة 6 أكتوبر", "16 رمضان" with no year): reserved, never reported.

What is read (every word comes from a data file: date_words.tsv, months.tsv, hijri_months.tsv,
duration_units.tsv, weekdays.txt, month_cues.tsv, year_cues.tsv):
- a month name (Gregorian from months.tsv, Hijri from hijri_months.tsv) with a day before or after it
  (digits, an ordinal "السادس من مارس", a number word "واحد وعشرين مايو", "أول يناير") and/or a year
  after it (digits or words, "2016", "ألفين وثمانية عشر"); a Gregorian month alone after a cue
  (month_cues.tsv); an ordinal day may carry ل before the article ("الموافق للثالث من أغسطس"); a day ordinal
  after a day word a few words after its month is that month's day ("أغسطس، في اليوم الخامس والعشرين منه");
  a day and month after a place noun or listed with a place of place_names.txt is a place, reserved;
- numeric dates: "2016/02/22", "22-4-2016", "25/6/1436" (Hijri by its year), "3/2015", "2015-3", and a
  day and month alone ("22-4", "4/22") when one of them can only be a day, or after a date cue when
  written with a point ("في 4.22"); pairs both of which can be a month ("3-1", "1/2") are scores and
  fractions, never dates;
- years after a year cue (year_cues.tsv) or before a Hijri/Gregorian marker ("1436هـ", "2015م");
- periods: two dates, days or years joined by a "to" word or a dash, with "من"/"بين" before the first
  when needed ("من 3 حتى 12 سبتمبر", "بين عامي 2010 و2015", "2014-2018", "1435/1436هـ"), a month's cue
  between them ("من 29 يوليو الجاري وحتى السادس من أغسطس"); the first end borrows the month and year of the
  second. Kind `date`, qualifier `range`, `low`/`high`, value the low end; a Hijri day period without a year
  ("من 3 - 4 ذي الحجة") is reserved whole, like a Hijri day alone;
- quarters and halves of a year ("الربع الأول من عام 2015"): the year, with its months in extras["period"];
- durations: a number and a time unit (duration_units.tsv): "3 أيام", "عشرين دقيقة", "يومين",
  "ساعة ونصف", "نصف عام"; kind `duration`, value the count of the written unit, qualifier from its hedge;
- times of day ("الساعة 10 صباحا", "9:30 مساء"): reserved, never a figure.

Hijri dates are converted with `hijridate` (Umm al-Qura): the value is the Gregorian ISO date and the
Hijri original is kept in the extra field `hijri` ("1436-10-26"). A Hijri month or year is a Gregorian
period, so it is reported as a range of days; outside the converter's years (before 1343 H) a Hijri year
becomes the Gregorian years it spans.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from hijridate import Hijri

from claims.extraction.lexicon import lexicon, phrase_pattern, read_roles, read_rows, read_words
from claims.extraction.numbers import NUMBER_WORDS, RUN, numbers_in_run
from claims.extraction.ordinals import find_ordinals
from claims.extraction.qualifiers import qualifier_of
from claims.extraction.tokens import CONJUNCTIONS, PREFIXES, PREPOSITIONS, lam_forms
from claims.extraction.types import RESERVED, Found, drop_overlaps

LEX = lexicon()
ONE = Decimal(1)
YEAR_MIN, YEAR_MAX = 1000, 2100  # a written Gregorian year
BARE_YEAR_MIN = 1900  # a year with no cue, marker or period around it
# A year written with no marker between these is Hijri: they are the Gregorian years 1931-2029, the years news
# reports, while Gregorian years 1350-1450 are rare in it (1453 and 1492, written as such, stay Gregorian).
HIJRI_MIN, HIJRI_MAX = 1350, 1450
# Start of Hijri year 1 and the mean length of a Hijri year, in Gregorian years: for years the converter lacks.
_HIJRI_EPOCH, _HIJRI_YEAR = 622.54, 0.970224


_WORDS = read_roles("date_words.tsv")
_GREGORIAN_MONTHS = dict(LEX.months)
_HIJRI_MONTHS = {row[0]: int(row[1]) for row in read_rows("hijri_months.tsv")}
_WEEKDAYS = read_words("weekdays.txt")
_DURATION_UNITS = {row[0]: (row[1], int(row[2]) if len(row) > 2 and row[2] else None)
                   for row in read_rows("duration_units.tsv")}
_DAY_WORDS = {word: 1 for word in _WORDS["first_day"]}


def _alt(phrases) -> str:
    return f"(?:{phrase_pattern(phrases)})"


_AND = "".join(_WORDS["period_and"])
_ARTICLE = next(iter(LEX.cues["article"]))
_LAM = _ARTICLE[1]  # the article's lam: "ل" + "النصف" is written "للنصف"
_PREFIX = PREFIXES  # the optional prefix letters of cues.tsv
_SEP = r"(?: ?[,،] ?| ?[-/.] ?| )"  # between the parts of a written date
_HIJRI_MARK = rf"(?: ?{_alt(_WORDS['hijri_marker'])}(?![\w]))"
_GREG_MARK = rf"(?: ?{_alt(_WORDS['gregorian_marker'])}(?![\w]))"
_HIJRI_MARKER = re.compile(_HIJRI_MARK)
# "الربع الأول", "النصف الثاني": parts of a year and how many months each holds.
_YEAR_PARTS = {**{word: 3 for word in _WORDS["year_quarter"]}, **{word: 6 for word in _WORDS["year_half"]}}
_YEAR_CUE = _alt(LEX.year_cues)
_YEAR_NOUN = _alt(_WORDS["year_noun"])

# --- month names ----------------------------------------------------------------------------------

_MONTH_NAMES = {name: (number, False) for name, number in _GREGORIAN_MONTHS.items()}
_MONTH_NAMES.update({name: (number, True) for name, number in _HIJRI_MONTHS.items()})
# "آذار (مارس)", "يونيو حزيران", "مارس/آذار": the same month named in a second calendar.
_GLOSS = re.compile(rf"(?: ?[(/] ?| )(?P<name>{_alt(_MONTH_NAMES)})(?: ?\))?(?![^\W\d])")
_MONTH_WORD_BEFORE = re.compile(rf"(?<!\w){_PREFIX}(?P<word>{_alt(_WORDS['month_word'])}) \Z")
_OF = _alt(_WORDS["of"])
# Before the month: [weekday[,]] day[. - /] [من] [شهر]
# A day may be glued to "و" ("بين 3 و9 أكتوبر") or to the article ("الـ20 من أكتوبر").
_DIGIT_DAY_BEFORE = re.compile(
    rf"(?:(?<![\w/.,])|(?<=(?<!\w)[{_AND}])|(?<=(?<!\w){_ARTICLE}))(?P<day>[0-3]?\d)(?: ?[-/.] ?| )(?:{_OF} )?\Z")
# "فاز 4 / صفر": a dash or slash before a Hijri month with no year is a score against zero, not a day.
_SCORE_SEPARATOR = re.compile(r"[-/]")
_FIRST_DAY_BEFORE = re.compile(rf"(?<!\w)(?P<word>{_alt(_DAY_WORDS)}) (?:{_OF} )?\Z")
_WEEKDAY_BEFORE = re.compile(rf"(?<!\w){_PREFIX}(?P<weekday>{_alt(_WEEKDAYS)}) ?[,،]? ?\Z")
# After the month: [sep] day, or [sep] [من] [year cue] year [marker]
_DIGIT_DAY_AFTER = re.compile(r"(?: ?[-/.,،] ?| |)(?P<day>[0-3]?\d)(?![\d%]|[.,٫]\d)")
_YEAR_AFTER = re.compile(
    rf"(?:{_SEP}|\.)?(?:{_OF} )?(?:{_PREFIX}{_YEAR_NOUN} )?(?P<year>\d{{4}})(?![\d%]|[.,٫]\d)"
    rf"(?P<hijri>{_HIJRI_MARK})?(?P<greg>{_GREG_MARK})?")
_WORDS_AFTER = re.compile(rf"(?:{_SEP})?(?:{_OF} )?(?:{_PREFIX}{_YEAR_NOUN} )?(?=\w)")
_MONTH_CUE_BEFORE = re.compile(rf"(?<!\w)[{CONJUNCTIONS}]?{_alt(LEX.month_cues_before)} \Z")
_MONTH_CUE_AFTER = re.compile(rf" {_alt(LEX.month_cues_after)}(?!\w)")
_PLACE_BEFORE = re.compile(rf"(?<!\w){_PREFIX}(?:{_ARTICLE})?{_alt(LEX.place_nouns)} \Z")
# "في القاهرة والجيزة و6 أكتوبر", "6 أكتوبر أو الشيخ زايد": a day and month joined by و/أو to a place of
# place_names.txt is a place in a list of places.
_OR = _alt(LEX.cues["or"])
_PLACE_LIST_BEFORE = re.compile(rf"(?<!\w){_PREFIX}{_alt(LEX.place_names)} (?:{_AND}|{_OR} )\Z")
_PLACE_LIST_AFTER = re.compile(rf" (?:{_AND} ?|{_OR} ){_PREFIX}{_alt(LEX.place_names)}(?!\w)")
# "شهر نوفمبر بين 19 و 20": the days of a period after their month.
_DAYS_AFTER_MONTH = re.compile(
    rf" {_alt(_WORDS['period_between'])} (?P<low>[0-3]?\d) ?{_alt(_WORDS['period_and'])} ?(?P<high>[0-3]?\d)(?!\d)")

# "أغسطس الجاري وبالتحديد في اليوم الخامس والعشرين": a day word and an ordinal day at most four words after the
# month (and its year or cue), in the same clause.
_DAY_LATER = re.compile(
    rf"(?: {_alt(LEX.month_cues_after)}(?!\w))?(?P<between>(?: ?[,،]? [^\W\d]+){{0,4}}?)(?: ?[,،])? "
    rf"{_PREFIX}{_alt(_WORDS['day_word'])} ")
_SAME_MONTH_AFTER = re.compile(rf" {_alt(_WORDS['same_month'])}(?!\w)")
_OF_AFTER = re.compile(rf" {_OF}(?!\w)")

# --- numeric dates and years ----------------------------------------------------------------------

_NUMERIC = re.compile(
    r"(?<![\w.,/:-])(?P<a>\d{1,4})(?P<sep> ?(?P<char>[-/]) ?|\.)(?P<b>\d{1,4})"
    rf"(?:(?(char) ?(?P=char) ?|\.)(?P<c>\d{{1,4}}))?(?!(?!{_HIJRI_MARK}|{_GREG_MARK})[\w%]|[.,/:-]\d|[.,٫]\d)"
)
# "08/12, 2015": a day and month followed by a comma and the year are written month first, as in English.
_COMMA_YEAR = re.compile(r" ?, ?(?P<year>\d{4}|\d{2})(?![\d%]|[.,٫]\d)")
_AFTER_NUMERIC = re.compile(rf"(?P<hijri>{_HIJRI_MARK})?(?P<greg>{_GREG_MARK})?")
_NUMERIC_CUE_BEFORE = re.compile(rf"(?<!\w)[{CONJUNCTIONS}]?{_alt(_WORDS['numeric_date_cue'])} \Z")
_END_AFTER = re.compile(r" ?(?:[.,،؛:!?؟)\]»\"'\n]|\Z)")
_YEAR = re.compile(r"(?<![\d.,٫/-])(?<!\d )(?P<year>\d{4})(?![\d%]|[.,٫]\d)")
_YEAR_CUE_BEFORE = re.compile(rf"(?<!\w){_PREFIX}(?P<cue>{_YEAR_CUE}) \Z")
# "القانون رقم 194 لسنة 2020": the year of a numbered act belongs to its name.
_ACT_YEAR_BEFORE = re.compile(rf"(?<!\w){_alt(LEX.cues['act_number'])} \d+ {_alt(LEX.cues['act_year'])} \Z")

# --- periods --------------------------------------------------------------------------------------

_LEAD = rf"{_alt(_WORDS['period_from'] | _WORDS['period_between'])}"
# Before the first end: "من", "بين" (optionally with "عامي"), or a dual naming both ends ("شهري أبريل ومايو",
# "يومي 3 و4 سبتمبر"), which lets "و" join them as "بين" does.
_LEAD_BEFORE = re.compile(
    rf"(?<!\w)[{CONJUNCTIONS}]?(?:(?P<lead>{_LEAD}) (?:{_alt(_WORDS['period_years'])} )?|"
    rf"{_PREFIX}(?P<pair>{_alt(_WORDS['period_pair'])}) )\Z")
# The lead inside a year's own cue: "منذ عام 2004 وحتى 2014" ("منذ عام" is a year cue and opens the period);
# its "pair" group never matches (no dual is a year cue), it is there for _period_allowed.
_LEAD_AT = re.compile(
    rf"[{CONJUNCTIONS}]?(?:(?P<lead>{_LEAD}) (?:{_alt(_WORDS['period_years'])} )?|(?P<pair>(?!)))(?=\d)")
_TO = re.compile(
    rf"\A(?: ?(?P<dash>{_alt(_WORDS['period_dash'])}) ?| (?P<to>{_alt(_WORDS['period_to'])}) |"
    rf" ?(?P<and>{_alt(_WORDS['period_and'])}) ?)"
    rf"(?:{_PREFIX}{_alt(_WORDS['period_years'])} )?\Z"
)
_BETWEEN_WORDS = _WORDS["period_between"]
_BARE_DAY_BEFORE = re.compile(r"(?<![\w.,/-])(?P<day>[0-3]?\d)(?:/(?P<month>[01]?\d))?(?P<to>[^\d]{0,12})\Z")
_UNIT_AFTER = re.compile(rf" ?{_alt(set(LEX.currencies) | set(LEX.units))}(?!\w)")

# --- durations ------------------------------------------------------------------------------------

_AND_HALF = re.compile(rf" {_alt(_WORDS['and_half'])}(?!\w)")
_AND_QUARTER = re.compile(rf" {_alt(_WORDS['and_quarter'])}(?!\w)")
_FRACTION_BEFORE = {word: value for role, value in (("half", "0.5"), ("quarter", "0.25"), ("third", "0.3333"))
                    for word in _WORDS[role]}
_FRACTION_WORD_BEFORE = re.compile(rf"(?<!\w){_PREFIX}(?P<word>{_alt(_FRACTION_BEFORE)}) \Z")
_UNIT_AGAIN = re.compile(rf" {_ARTICLE}?(?P<unit>{_alt(_DURATION_UNITS)})(?!\w)")
_ONE_AFTER = re.compile(rf" {_alt(_WORDS['one'])}(?!\w)")
# "الأشهر التسعة", "الأسابيع الستة": a definite plural unit and its number after it, both with the article.
_DEFINITE_COUNT_AFTER = re.compile(rf" {_ARTICLE}(?P<word>{_alt(LEX.cardinals)})(?!\w)")
# The second end of a range of durations, after "و" (attached or not) or a "to" word.
_RANGE_PARTNER = re.compile(
    rf"(?: ?(?:{_alt(_WORDS['period_and'])}|{_alt(_WORDS['period_to'])}) ?)(?:[^\W\d]+ |\d+(?:[.,]\d+)? )?"
    rf"(?P<unit>{_alt(_DURATION_UNITS)})(?!\w)")
_DURATION_CUE_BEFORE = re.compile(rf"(?<!\w){_alt(_WORDS['duration_cue'])} \Z")


# --- times of day ---------------------------------------------------------------------------------

_DIGITS_BEFORE_PART = re.compile(r"(?<![\d.,])(?:\d{1,2}|\d{1,2}\.[0-5]\d) ?\Z")
# "(5.00 ت غ)": hours and minutes joined by a point, a time only before a part of the day.
_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d(?![\d.,:])")
_DOT_CLOCK = re.compile(r"(?<![\d.,:/])(?:[01]?\d|2[0-4])\.[0-5]\d(?![\d%]|[.,:]\d)")
_CLOCK_DIGITS = re.compile(r"(?<![\d.,:/])(?:[01]?\d|2[0-4])(?::(?P<minutes>[0-5]\d)(?::[0-5]\d)?)?(?![\d%]|[.,:]\d)")
_DAY_PART = re.compile(rf" ?{_alt(_WORDS['day_part'])}(?!\w)")
_HOUR_BEFORE = re.compile(
    rf"(?<![\d.,:/])(?:[01]?\d|2[0-4])(?::[0-5]\d)?(?: ?-|–| {_alt(_WORDS['period_to'])}) ?\Z")

# --- anchors --------------------------------------------------------------------------------------


def _anchor_words() -> dict[str, tuple[str, str]]:
    """Month names and time units with each attached prefix spelled out: a failed word start costs one
    walk down the trie instead of one per way of reading the first letters as prefixes."""
    words: dict[str, tuple[str, str]] = {}
    for prefix in ("", *_PREFIX_LETTERS):
        for name in _MONTH_NAMES:
            words.setdefault(prefix + name, ("month", name))
        for unit in _DURATION_UNITS:
            words.setdefault(prefix + unit, ("unit", unit))
        for clock in _WORDS["clock"]:
            words.setdefault(prefix + clock, ("clock", clock))
        for noun in _WORDS["year_noun"]:
            words.setdefault(prefix + noun, ("year", noun))
        for noun in _YEAR_PARTS:
            words.setdefault(prefix + noun, ("yearpart", noun))
    for part in _WORDS["day_part"]:
        words.setdefault(part, ("part", part))
    for form, word in lam_forms(list(words)).items():  # ل before the article drops its alef: "للنصف", "وللعام"
        words.setdefault(form, words[word])
    return words


_PREFIX_LETTERS = tuple(CONJUNCTIONS + PREPOSITIONS)
_NUMBER_WORDS_WITH_PREFIXES = frozenset(
    first + second + word for first in ("", *CONJUNCTIONS) for second in ("", *PREPOSITIONS) for word in NUMBER_WORDS)
ANCHOR_WORDS = _anchor_words()
# Led by the non-word character before a word (consumed, so `re` skips to it in C); a digit may follow a
# month name directly ("سبتمبر10"), a letter may not.
_ANCHOR_WORD = re.compile(rf"[^\u0621-\u064aa-z0-9](?<!\w)(?P<word>{_alt(ANCHOR_WORDS)})(?![^\W\d])")
# Digit runs worth a look, found in one scan led by a digit: four-digit runs (years) and runs that a date
# separator or a clock colon follows (group "next"). The lookbehind after the first digit keeps runs whole.
# Folded text holds ASCII digits only, and [0-9] is cheaper for `re` than \d.
_DIGIT_ANCHOR = re.compile(
    r"[0-9](?<![0-9][0-9])(?:[0-9]{0,3}(?=(?P<next> ?[-/.] ?[0-9]| [-/]|:(?=[0-9][0-9])))|[0-9]{3}(?![0-9]))")
# "النصف الأول من شوال", "الأسبوع الثاني من مارس": an ordinal after a definite noun ranks that noun, it is not a
# day; "اليوم السادس من مارس", "الخميس الثالث من أغسطس" and "الموافق للثالث من أغسطس" are.
_NOUN_BEFORE_ORDINAL = re.compile(
    rf"(?<!\w){_PREFIX}(?!(?:{_alt(_WORDS['day_noun'] | _WEEKDAYS)}) ){_ARTICLE}[^\W\d]+ \Z")
# "الأربعاء المقبل الخامس من شهر أغسطس": a weekday and a cue of month_cues.tsv (after) before an ordinal day.
_WEEKDAY_CUE_BEFORE = re.compile(
    rf"(?<!\w){_PREFIX}(?:{_alt(_WEEKDAYS)}) (?:{_alt(LEX.month_cues_after)}) ?[,،]? \Z")
_LAST_WORD = re.compile(r"[^\W\d]+\Z")
_EQUIVALENT_YEAR = re.compile(rf"(?: ?[-/] ?| ?\( ?| {_alt(_WORDS['equivalent'])} ){_PREFIX}(?:{_YEAR_NOUN} )?"
                              rf"(?P<year>\d{{4}})(?![\d%]|[.,٫]\d)(?:{_GREG_MARK})?")

@dataclass(frozen=True)
class _Date:
    """One written date, partial or whole, in folded offsets."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hijri: bool = False
    bare: bool = False  # a four-digit number with no cue or marker: a year only as the end of a period
    last_day: int | None = None  # "شهر نوفمبر بين 19 و 20": the days of a period after their month

    def iso_bounds(self) -> tuple[str, str, str | None] | None:
        """(low, high, hijri original) in Gregorian ISO form; low == high for a Gregorian date."""
        if not self.hijri:
            value = _iso(self.year, self.month, self.day)
            return (value, value, None) if value else None
        return _hijri_bounds(self.year, self.month, self.day)


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None and month is None:
        return None
    if day is not None and month is not None:
        try:
            date(year or 2000, month, day)  # 2000 is a leap year: "--02-29" is a date
        except ValueError:
            return None
    if year is None:
        return f"--{month:02d}" + (f"-{day:02d}" if day else "")
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _hijri_bounds(year: int | None, month: int | None, day: int | None) -> tuple[str, str, str | None] | None:
    if year is None:
        return None
    original = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
    try:
        if month and day:
            gregorian = Hijri(year, month, day).to_gregorian().isoformat()
            return gregorian, gregorian, original
        first = Hijri(year, month or 1, 1)
        last_month = Hijri(year, month or 12, 1)
        last = Hijri(year, month or 12, last_month.month_length())
        return first.to_gregorian().isoformat(), last.to_gregorian().isoformat(), original
    except (OverflowError, ValueError):
        if month:
            return None
        begins = _HIJRI_EPOCH + (year - 1) * _HIJRI_YEAR
        return str(int(begins)), str(int(begins + _HIJRI_YEAR)), original


# "بنسخته التاسعة \"1436 - 2015\"", "2015/1436": a Hijri year and the Gregorian year it overlaps, joined by a dash
# or a slash (date_words.tsv period_dash) and written without هـ/م: the Hijri year is a date (its Gregorian days).
_HIJRI_PAIR_YEARS = (1300, 1500)
_PAIR_DASH = _alt(_WORDS["period_dash"])
_GREGORIAN_AFTER = re.compile(rf" ?{_PAIR_DASH} ?(?P<year>(?:19|20)\d\d)(?!\d|[.,٫]\d)")
_GREGORIAN_BEFORE = re.compile(rf"(?<![\d.,٫])(?P<year>(?:19|20)\d\d) ?{_PAIR_DASH} ?\Z")


def hijri_of_pair(norm: str, start: int, end: int) -> Found | None:
    """The four digits at norm[start:end] as a Hijri year when a Gregorian year it overlaps is joined to them by a
    dash or a slash, before or after ("1436 - 2015", "2015/1436"); else None."""
    if not norm[start:end].isdigit():
        return None
    year = int(norm[start:end])
    if not _HIJRI_PAIR_YEARS[0] <= year <= _HIJRI_PAIR_YEARS[1]:
        return None
    partner = _GREGORIAN_AFTER.match(norm, end) or _GREGORIAN_BEFORE.search(norm, max(0, start - 8), start)
    bounds = _hijri_bounds(year, None, None) if partner else None
    if bounds is None or not bounds[0][:4] <= partner.group("year") <= bounds[1][:4]:
        return None
    low, high, original = bounds
    return Found(start, end, "date", low, None, "range", None, {"low": low, "high": high, "hijri": original})


# --- numbers written in words ---------------------------------------------------------------------


def _number_at(norm: str, start: int, limit: int = 60) -> tuple[int, Decimal] | None:
    """The number (digits or words) that begins at `start`: (end, value)."""
    run = RUN.match(norm, start, min(len(norm), start + limit))
    if run is None:
        return None
    numbers = numbers_in_run(norm, run.start(), run.end())
    if numbers and numbers[0].start == start:
        return numbers[0].end, numbers[0].value
    return None


def _number_before(norm: str, end: int, limit: int = 60) -> tuple[int, Decimal] | None:
    """The number (digits or words) that ends at `end`: (start, value)."""
    window = max(0, end - limit)
    last = None
    for run in RUN.finditer(norm, window, end):
        if run.end() == end:
            last = run
    if last is None:
        return None
    numbers = numbers_in_run(norm, last.start(), last.end())
    if numbers and numbers[-1].end == end:
        return numbers[-1].start, numbers[-1].value
    return None


def _day_value(value: Decimal) -> int | None:
    return int(value) if value == value.to_integral_value() and 1 <= value <= 31 else None


# --- the recogniser -------------------------------------------------------------------------------


def find_dates(norm: str, words: list[tuple[int, int, str]] | None = None) -> list[Found]:
    """The dates, periods and durations in the folded text `norm`, sorted by start (see the module docstring).

    `words`, when given, are the anchor words of the page as (start, end, word) with `word` a key of
    `ANCHOR_WORDS`, found by a caller that scans the page's word starts anyway; otherwise they are scanned here."""
    anchors = _anchors(norm, words)
    dates: list[_Date] = []
    reserved: list[Found] = _clock_times(norm, anchors.clocks, anchors.hours)
    _month_dates(norm, anchors.months, dates, reserved)
    _numeric_dates(norm, anchors.numerics, dates, _merged((d.start, d.end) for d in dates))
    _years(norm, anchors.years, dates, _merged((d.start, d.end) for d in dates))
    _word_years(norm, anchors.year_nouns, dates)
    _gregorian_equivalents(norm, dates)
    dates.sort(key=lambda d: (d.start, -d.end))
    found = _periods(norm, _drop_overlapping(dates))
    found.extend(reserved)
    found.extend(_parts_of_year(norm, anchors.year_parts))
    found.extend(_split_durations(norm, anchors.units))  # longer than a clock time inside them: they win
    spans = _merged((f.start, f.end) for f in found)
    found.extend(d for d in _durations(norm, anchors.units) if not _overlaps(d.start, d.end, spans))
    found.sort(key=lambda f: (f.start, -f.end))
    return drop_overlaps(found)  # the engine reserves these spans: they must not overlap


@dataclass
class _Anchors:
    """Where a date, period or duration can be. Words as (start, end, name, prefixed), digit runs by start."""

    months: list = field(default_factory=list)
    units: list = field(default_factory=list)
    clocks: list = field(default_factory=list)
    year_nouns: list = field(default_factory=list)
    year_parts: list = field(default_factory=list)
    numerics: list[int] = field(default_factory=list)  # a date separator follows: "2016/02/22", "22-4"
    years: list[int] = field(default_factory=list)  # four digits
    hours: list[int] = field(default_factory=list)  # "9:30", "10 صباحا"


def _anchors(norm: str, found_words: list[tuple[int, int, str]] | None) -> _Anchors:
    """The anchors of the page: month names, time units, clock, year and day-part words at a word start, and
    digit runs. Two scans led by a consumed character class, so `re` skips in C to the few places worth a look."""
    if found_words is None:  # padded: index 0 is a word start like any other
        found_words = [(m.start("word") - 1, m.end() - 1, m.group("word")) for m in _ANCHOR_WORD.finditer(" " + norm)]
    anchors = _Anchors()
    lists = {"month": anchors.months, "unit": anchors.units, "clock": anchors.clocks, "year": anchors.year_nouns,
             "yearpart": anchors.year_parts, "part": []}
    for word_start, end, word in found_words:
        kind, name = ANCHOR_WORDS[word]
        start = end - len(name)
        lists[kind].append((start, end, name, start > word_start))
        if kind == "unit" and name in _WORDS["year_noun"]:
            anchors.year_nouns.append((start, end, name, start > word_start))
        elif kind == "part" and (hour := _hour_before(norm, start)) is not None:
            anchors.hours.append(hour)
    for match in _DIGIT_ANCHOR.finditer(norm):
        start, end = match.span()
        if end - start == 4:
            anchors.years.append(start)
        if match.group("next"):
            (anchors.hours if match.group("next") == ":" else anchors.numerics).append(start)
    return anchors


def _hour_before(norm: str, part_start: int) -> int | None:
    """Where the digits of "10 صباحا" begin, for a day-part word at `part_start`."""
    digits = _DIGITS_BEFORE_PART.search(norm, max(0, part_start - 7), part_start)
    return digits.start() if digits else None


def _clock_times(norm: str, clocks, hours: list[int]) -> list[Found]:
    """"الساعة 10 صباحا", "الساعة الثالثة", "9:30 مساء": a time of day is not a figure (reserved, not reported)."""
    found = []
    for _, end, _, _ in clocks:
        if not norm.startswith(" ", end):
            continue
        digits = _CLOCK_DIGITS.match(norm, end + 1)
        if digits:
            time_end = digits.end()
        elif (hhmm := _HHMM.match(norm, end + 1)) and _DAY_PART.match(norm, hhmm.end()):
            time_end = hhmm.end()  # "الساعة 1130 بتوقيت جرينتش"
        elif (ordinal := _ordinal_at(norm, end + 1)) and ordinal[0] <= 12:
            time_end = ordinal[1]
        elif (number := _number_at(norm, end + 1)) and 0 < number[1] <= 24:
            time_end = number[0]
        else:
            continue
        part = _DAY_PART.match(norm, time_end)
        found.append(Found(end + 1, part.end() if part else time_end, RESERVED, ""))
    for start in hours:
        match = _CLOCK_DIGITS.match(norm, start)
        dot = _DOT_CLOCK.match(norm, start)
        if dot and (part := _DAY_PART.match(norm, dot.end())):
            found.append(Found(start, part.end(), RESERVED, ""))
            continue
        if match and (match.group("minutes") or _DAY_PART.match(norm, match.end())):
            part = _DAY_PART.match(norm, match.end())
            opening = _HOUR_BEFORE.search(norm, max(0, start - 12), start)  # "من 9-10:30 مساء"
            time_start = opening.start() if opening else start
            found.append(Found(time_start, part.end() if part else match.end(), RESERVED, ""))
    return found


def _parts_of_year(norm: str, parts) -> list[Found]:
    """"الربع الأول من عام 2015", "النصف الثاني 2014": a quarter or half of a year. Its value is the year it
    belongs to (a date at the grain written), its months the ISO interval in extras["period"] ("2015-01/2015-03")."""
    found = []
    for start, end, name, _ in parts:
        months = _YEAR_PARTS[name]
        ordinal = _ordinal_at(norm, end + 1) if norm.startswith(" ", end) else None
        if ordinal is None or ordinal[0] > 12 // months:
            continue
        rank, ordinal_end = ordinal
        year = _year_after(norm, ordinal_end)
        if year is None or year[2]:
            continue  # no year, or a Hijri one: no Gregorian months to give
        year_value, year_end, _ = year
        low, high = f"{year_value:04d}-{(rank - 1) * months + 1:02d}", f"{year_value:04d}-{rank * months:02d}"
        found.append(Found(start, year_end, "date", f"{year_value:04d}", extras={"period": f"{low}/{high}"}))
    return found


def _word_years(norm: str, nouns, dates: list[_Date]) -> None:
    """"عام ألفين وعشرين", "سنة ألف وتسعمائة وخمسة وثمانين": a year written in words after a year noun."""
    for start, end, _, _ in nouns:
        if not norm.startswith(" ", end) or norm[end + 1:end + 2].isdigit():
            continue
        number = _number_at(norm, end + 1)
        if number is None:
            continue
        number_end, value = number
        one_word = " " not in norm[end + 1:number_end]  # "سنة ألف" is not the year 1000
        if value == value.to_integral_value() and (BARE_YEAR_MIN if one_word else YEAR_MIN) <= value <= YEAR_MAX:
            marker = _HIJRI_MARKER.match(norm, number_end)
            dates.append(_Date(start, marker.end() if marker else number_end, int(value), hijri=bool(marker)))


def _gregorian_equivalents(norm: str, dates: list[_Date]) -> None:
    """"16 رمضان عام 1395- 1975", "1436هـ (2015م)": the Gregorian year written after a Hijri date."""
    for d in [d for d in dates if d.hijri and not d.bare]:
        match = _EQUIVALENT_YEAR.match(norm, d.end)
        if match and BARE_YEAR_MIN <= int(match.group("year")) <= YEAR_MAX:
            dates.append(_Date(match.start("year"), match.end(), int(match.group("year"))))


def _merged(spans) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True when [start, end) overlaps one of `spans` (sorted, disjoint: see `_merged`)."""
    index = bisect_left(spans, (end,))
    return index > 0 and spans[index - 1][1] > start


def _drop_overlapping(dates: list[_Date]) -> list[_Date]:
    kept: list[_Date] = []
    for d in dates:
        if kept and d.start < kept[-1].end:
            longer = d.end - d.start - (kept[-1].end - kept[-1].start)
            if longer > 0 or longer == 0 and kept[-1].bare and not d.bare:
                kept[-1] = d
            continue
        kept.append(d)
    return kept


def _month_dates(norm: str, months, dates: list[_Date], reserved: list[Found]) -> None:
    """A month name with its day, year or both around it; a Gregorian month alone after a cue."""
    consumed = -1
    for start, end, name, prefixed in months:
        if start < consumed:
            continue  # the gloss of the month before ("آذار (مارس)"), or a month its date already holds
        month, hijri = _MONTH_NAMES[name]
        name_start = start
        head = max(0, start - 40, consumed)  # a day never reaches back into the date before it
        gloss = _GLOSS.match(norm, end)
        if gloss and _MONTH_NAMES[gloss.group("name")] == (month, hijri):
            end = consumed = gloss.end()
        if month_word := _MONTH_WORD_BEFORE.search(norm, max(0, start - 8), start):
            start = month_word.start("word")
        day, first = None, start
        if not prefixed:
            day, first = _day_before(norm, head, start)
        year = _year_after(norm, end)
        if day is None and year is None or day is None and not hijri:
            day_after = _day_after(norm, end)
            if day_after is not None:
                day, day_end = day_after
                year = _year_after(norm, day_end)
                end = day_end
        if year is not None:
            year_value, year_end, marked_hijri = year
            hijri = hijri or marked_hijri
            end = year_end
        else:
            year_value = None
        if day is not None and year is None and (_PLACE_BEFORE.search(norm, max(0, first - 16), first)
                                                 or _PLACE_LIST_BEFORE.search(norm, max(0, first - 24), first)
                                                 or _PLACE_LIST_AFTER.match(norm, end)):
            reserved.append(Found(first, end, RESERVED, ""))  # "مدينة 6 أكتوبر", "والجيزة و6 أكتوبر": a name
            consumed = max(consumed, end)
            continue
        if hijri and year_value is None:
            if day is not None and not _SCORE_SEPARATOR.search(norm, first, start):
                # "16 رمضان": no year to convert; "من 3 - 4 ذي الحجة": nor for the first day of the period
                first = _first_day_of_days(norm, head, first, day)
                reserved.append(Found(first, end, RESERVED, ""))
            consumed = max(consumed, end)
            continue
        weekday = _WEEKDAY_BEFORE.search(norm, max(0, first - 14), first)
        if weekday and (day is not None or year_value is not None):
            first = weekday.start("weekday")
        if day is None and (later := _day_later(norm, end)) is not None:
            later_day, later_start, later_end = later
            dates.append(_Date(later_start, later_end, year_value, month, later_day, hijri))
        period = _DAYS_AFTER_MONTH.match(norm, end) if day is None else None
        if period:
            low_day, high_day = int(period.group("low")), int(period.group("high"))
            if low_day < high_day:
                dates.append(_Date(first, period.end(), year_value, month, low_day, hijri, last_day=high_day))
            continue
        if day is None and year_value is None:
            if not hijri:
                # without a cue, a month alone is only the end of a period ("من يوليو إلى سبتمبر", "شهري أبريل ومايو")
                cued = not prefixed and (first < name_start or _month_alone_is_a_date(norm, start, end))
                dates.append(_Date(first, end, None, month, None, hijri, bare=not cued))
            continue
        dates.append(_Date(first, end, year_value, month, day, hijri))
        consumed = max(consumed, end)


def _first_day_of_days(norm: str, head: int, start: int, day: int) -> int:
    """Where a period of days that ends with the day at `start` begins ("من 3 - 4 ذي الحجة", "بين 3 و4
    شوال"): the bare first day, a "to" word or a dash, and "من"/"بين" (a dash alone needs no lead word)."""
    match = _BARE_DAY_BEFORE.search(norm, head, start)
    to = _TO.match(match.group("to")) if match and not match.group("month") else None
    if to is None or not 1 <= int(match.group("day")) < day:
        return start
    day_start = match.start("day")
    lead = _LEAD_BEFORE.search(norm, max(0, day_start - 20), day_start)
    if lead is None and not to.group("dash"):
        return start
    if to.group("and") and not (lead and (lead.group("lead") in _BETWEEN_WORDS or lead.group("pair"))):
        return start
    return lead.start() + lead.group().find(lead.group("lead") or lead.group("pair")) if lead else day_start


def _day_before(norm: str, head: int, start: int) -> tuple[int | None, int]:
    digit = _DIGIT_DAY_BEFORE.search(norm, max(head, start - 8), start)
    if digit and 1 <= int(digit.group("day")) <= 31:
        return int(digit.group("day")), digit.start("day")
    word = _FIRST_DAY_BEFORE.search(norm, head, start)
    if word:
        return _DAY_WORDS[word.group("word")], word.start("word")
    stem_end = start - 1
    for phrase in _WORDS["of"]:
        if norm.endswith(" " + phrase + " ", head, start):
            stem_end = start - len(phrase) - 2
    if stem_end > 0 and norm[stem_end] == " ":
        ordinal = _ordinal_ending_at(norm, head, stem_end)
        if ordinal and (_after_preposition(norm, ordinal[1])
                        or not _NOUN_BEFORE_ORDINAL.search(norm, max(head, ordinal[1] - 24), ordinal[1])
                        or _WEEKDAY_CUE_BEFORE.search(norm, max(0, ordinal[1] - 30), ordinal[1])):
            return ordinal
        number = _number_before(norm, stem_end, stem_end - head)
        if number and not norm[number[0]:stem_end].isdigit():
            value = _day_value(number[1])
            if value:
                return value, number[0]
    return None, start


def _day_later(norm: str, end: int) -> tuple[int, int, int] | None:
    """"أغسطس، في اليوم الخامس والعشرين": the day of the month that ends at `end`, named by a day word and an
    ordinal later in its clause (no other month between): (day, start, end) of the ordinal, or None."""
    later = _DAY_LATER.match(norm, end)
    if later is None or _ANCHOR_WORD.search(" " + later.group("between")):
        return None
    ordinal = _ordinal_at(norm, later.end())
    if ordinal is None:
        return None
    day, day_end = ordinal
    if _OF_AFTER.match(norm, day_end) and not _SAME_MONTH_AFTER.match(norm, day_end):
        return None  # "اليوم الخامس من الإضراب": of something else
    return day, later.end(), day_end


def _after_preposition(norm: str, start: int) -> bool:
    """True when the ordinal at `start` carries ب or ل ("بالخامس", "للثالث"): it is then no adjective of the
    noun before it ("الموافق للثالث من أغسطس"), so that noun does not stop it from being a day."""
    word_start = norm.rfind(" ", 0, start) + 1
    return any(letter in PREPOSITIONS for letter in norm[word_start:start]) or norm.startswith(_LAM + _LAM, start)


def _day_after(norm: str, end: int) -> tuple[int, int] | None:
    """"يناير-1", "أكتوبر/ 2", "مايو تسعة وعشرين", "يناير الثاني والعشرين": a day after its month.
    It must close the date: a year, a punctuation mark or the end follows it."""
    digit = _DIGIT_DAY_AFTER.match(norm, end)
    if digit and 1 <= int(digit.group("day")) <= 31:
        day_end = digit.end()
        if _END_AFTER.match(norm, day_end) or _year_after(norm, day_end):
            return int(digit.group("day")), day_end
        return None
    ordinal = _ordinal_at(norm, end + 1) if norm.startswith(" ", end) else None
    if ordinal:
        day, day_end = ordinal
    elif norm.startswith(" ", end):
        number = _number_at(norm, end + 1)
        if number is None or not norm[end + 1:number[0]].replace(" ", "").isalpha():
            return None
        day_end, value = number
        day = _day_value(value)
        if day is None:
            return None
    else:
        return None
    if _END_AFTER.match(norm, day_end) or _year_after(norm, day_end):
        return day, day_end
    return None


def _ordinal_ending_at(norm: str, head: int, end: int) -> tuple[int, int] | None:
    """A day written as an ordinal in norm[head:end] that ends at `end` ("السادس", "الحادي والعشرين"): (day, start)."""
    for ordinal in reversed(find_ordinals(norm[head:end])):
        if ordinal.end == end - head and 1 <= ordinal.value <= 31:
            return int(ordinal.value), head + ordinal.start
    return None


def _ordinal_at(norm: str, start: int) -> tuple[int, int] | None:
    """A day written as an ordinal that begins at `start`: (day, end)."""
    found = find_ordinals(norm[start:start + 40])
    if found and found[0].start == 0 and 1 <= found[0].value <= 31:
        return int(found[0].value), start + found[0].end
    return None


def _year_after(norm: str, end: int) -> tuple[int, int, bool] | None:
    """The year written after a month or day: (year, end, marked Hijri) or None."""
    match = _YEAR_AFTER.match(norm, end)
    if match:
        year = int(match.group("year"))
        hijri = bool(match.group("hijri"))
        if YEAR_MIN <= year <= YEAR_MAX or hijri:
            return year, match.end(), hijri
        return None
    words = _WORDS_AFTER.match(norm, end)
    if words and not norm[words.end():words.end() + 1].isdigit():
        number = _number_at(norm, words.end())
        if number:
            number_end, value = number
            if value == value.to_integral_value() and YEAR_MIN <= value <= YEAR_MAX:
                marker = _HIJRI_MARKER.match(norm, number_end)
                return int(value), marker.end() if marker else number_end, bool(marker)
    return None


def _month_alone_is_a_date(norm: str, start: int, end: int) -> bool:
    """"في أيار الماضي", "منذ كانون الثاني": a month name alone needs a cue before or after it."""
    return (_MONTH_CUE_AFTER.match(norm, end) is not None
            or _MONTH_CUE_BEFORE.search(norm, max(0, start - 16), start) is not None)


def _numeric_dates(norm: str, candidates: list[int], dates: list[_Date], taken: list[tuple[int, int]]) -> None:
    """"2016/02/22", "21-04-2016", "25/6/1436", "3/2015", "22-4": dates written in digits."""
    for candidate in candidates:
        match = _NUMERIC.match(norm, candidate)
        if match is None:
            continue
        start, end = match.span()
        if _overlaps(start, end, taken):
            continue
        a, b, c = match.group("a"), match.group("b"), match.group("c")
        sep = match.group("sep").strip()
        marks = _AFTER_NUMERIC.match(norm, end)
        hijri_mark = bool(marks.group("hijri"))
        if marks.group("hijri") or marks.group("greg"):
            end = marks.end()
        comma_year = _COMMA_YEAR.match(norm, end) if c is None and len(a) <= 2 and len(b) <= 2 else None
        if comma_year:
            a, b, c, end = b, a, comma_year.group("year"), comma_year.end()
        parsed = _read_numeric(a, b, c, sep, hijri_mark)
        if parsed is None or _UNIT_AFTER.match(norm, end):
            continue  # "10-20 دولار", "2/1000 كغ": amounts, not dates
        if isinstance(parsed, tuple):  # a pair of years: a period
            low, high, hijri = parsed
            bare = not (hijri_mark or marks.group("greg"))
            dates.append(_Date(start, match.end("a"), low, None, None, hijri, bare))
            dates.append(_Date(match.start("b"), end, high, None, None, hijri, bare))
            continue
        if parsed.year is None and parsed.day is not None:
            cue = (_NUMERIC_CUE_BEFORE.search(norm, max(0, start - 12), start)
                   or _WEEKDAY_BEFORE.search(norm, max(0, start - 14), start))
            if match.group("sep") != sep and not cue:
                continue  # "13- 7": a spaced pair with no year and no date cue is a score, not a date
            both_months = int(a) <= 12 and int(b) <= 12
            closed = _END_AFTER.match(norm, end)
            if sep == "." and not (cue and closed) or not (cue or closed) or _UNIT_AFTER.match(norm, end):
                continue  # "10-20 دولار", "10-20 شخصا": a range of amounts, not a day and month
            if both_months and not (cue and a.startswith("0") | b.startswith("0") or len(a) == len(b) == 2 and cue):
                continue
        if parsed.year is not None and parsed.month is not None and parsed.day is None and sep == ".":
            if not _END_AFTER.match(norm, end):
                continue  # "2015.3 نقطة" is a decimal
        dates.append(replace(parsed, start=start, end=end))


def _read_numeric(a: str, b: str, c: str | None, sep: str, hijri_mark: bool):
    """A `_Date` (offsets unset), a (low, high, hijri) pair of years, or None."""
    x, y = int(a), int(b)
    if c is not None:
        z = int(c)
        if len(a) == 4:
            year, month, day = x, y, z
        elif len(c) == 4:
            year, month, day = (z, y, x) if y <= 12 else (z, x, y)
        elif len(a) <= 2 and len(b) <= 2 and len(c) == 2:
            # a two-digit year: the Hijri century when هـ follows it ("16/04/36 هـ" is 1436 H), else 20xx/19xx
            century = (1400 if z <= 60 else 1300) if hijri_mark else (2000 if z <= 30 else 1900)
            year, month, day = century + z, y, x
        else:
            return None
        hijri = hijri_mark or HIJRI_MIN <= year <= HIJRI_MAX
        if not hijri and not YEAR_MIN <= year <= YEAR_MAX:
            return None
        candidate = _Date(0, 0, year, month, day, hijri)
        return candidate if candidate.iso_bounds() else None
    if len(a) == 4 and len(b) == 4:
        if sep == "." or not 0 < y - x <= 100 or not YEAR_MIN <= x <= YEAR_MAX:
            return None
        return x, y, hijri_mark or (HIJRI_MIN <= x <= HIJRI_MAX and HIJRI_MIN <= y <= HIJRI_MAX)
    if len(a) == 4:
        if not (BARE_YEAR_MIN <= x <= YEAR_MAX or hijri_mark):
            return None
        if len(b) == 2 and y == (x + 1) % 100 and sep != ".":
            return x, x + 1, hijri_mark  # "2014/15": a season
        if 1 <= y <= 12 and len(b) <= 2:
            return _Date(0, 0, x, y, None, hijri_mark)
        return None
    if len(b) == 4:
        if 1 <= x <= 12 and len(a) <= 2 and (BARE_YEAR_MIN <= y <= YEAR_MAX or hijri_mark) and sep != ".":
            return _Date(0, 0, y, x, None, hijri_mark)
        return None
    if len(a) > 2 or len(b) > 2 or hijri_mark:
        return None
    if x <= 12 and y <= 31 and (y > 12 or sep == "."):
        month, day = x, y  # "4/22", "4.22": month first
    elif y <= 12 and x <= 31:
        month, day = y, x  # "22-4", "22/04"
    else:
        return None
    candidate = _Date(0, 0, None, month, day)
    return candidate if candidate.iso_bounds() else None


def _years(norm: str, candidates: list[int], dates: list[_Date], taken: list[tuple[int, int]]) -> None:
    """Four-digit years: after a year cue, before a Hijri or Gregorian marker, or bare (periods only)."""
    for candidate in candidates:
        match = _YEAR.match(norm, candidate)
        if match is None:
            continue
        start, end = match.span()
        if _overlaps(start, end, taken):
            continue
        year = int(match.group("year"))
        if _ACT_YEAR_BEFORE.search(norm, max(0, start - 24), start):
            continue  # "القانون رقم 194 لسنة 2020": part of a name
        marks = _AFTER_NUMERIC.match(norm, end)
        if not (marks.group("hijri") or marks.group("greg")) and _UNIT_AFTER.match(norm, end):
            continue  # "اعتبارا من 2000 ريال": an amount
        cue = _YEAR_CUE_BEFORE.search(norm, max(0, start - 16), start)
        hijri = bool(marks.group("hijri")) or bool(cue) and not marks.group("greg") and HIJRI_MIN <= year <= HIJRI_MAX
        if marks.group("hijri"):
            end = marks.end()
        elif marks.group("greg"):
            if not (cue or BARE_YEAR_MIN <= year <= YEAR_MAX):
                continue
            end = marks.end()
        elif not YEAR_MIN <= year <= YEAR_MAX:
            continue
        if cue:
            start = cue.start("cue")
        bare = not (cue or hijri or marks.group("greg"))
        dates.append(_Date(start, end, year, None, None, hijri, bare))


def _periods(norm: str, dates: list[_Date]) -> list[Found]:
    """Join two dates (or a bare day or year and a date) written as a period; report the rest."""
    found: list[Found] = []
    index = 0
    free = None  # the previous date when no period holds it yet: it may be a period's first end
    while index < len(dates):
        high = dates[index]
        low = _low_end(norm, free, high)
        if low is not None:
            lead_start, low_date = low
            period = _period(norm, lead_start, low_date, high)
            if period is not None:
                while found and found[-1].start >= lead_start:
                    found.pop()
                found.append(period)
                free = None
                index += 1
                continue
        free = high
        if high.bare:
            index += 1  # a bare year alone is the number engine's to read
            continue
        single = _single(high)
        if single is not None:
            found.append(single)
        index += 1
    return found


def _low_end(norm: str, previous: _Date | None, high: _Date) -> tuple[int, _Date] | None:
    """The first end of a period whose second end is `high`: (start of the period, low date)."""
    head = max(0, high.start - 40)
    if previous is not None and previous.end <= high.start:
        between = norm[previous.end:high.start]
        if previous.month is not None and (cue := _MONTH_CUE_AFTER.match(between)):
            between = between[cue.end():]  # "من 29 يوليو الجاري وحتى السادس من أغسطس": the month's cue stays
        to = _TO.match(between)
        if to and len(between) <= 16:
            lead = _LEAD_BEFORE.search(norm, max(0, previous.start - 20), previous.start) or _LEAD_AT.match(
                norm, previous.start)
            if _period_allowed(to, lead, previous, high):
                start = lead.start() + (lead.group().find(lead.group("lead") or lead.group("pair"))) if lead \
                    else previous.start
                return start, previous
    if high.day is not None and high.month is not None:
        # "من 3 حتى 12 سبتمبر", "19-20 نوفمبر", "بين 4-22 يناير 1995", "من 1/10 إلى 30/12/1436هـ": a bare day
        # (or day/month) before the date, which lends it its month and year
        match = _BARE_DAY_BEFORE.search(norm, head, high.start)
        if match:
            to = _TO.match(match.group("to"))
            day = int(match.group("day"))
            month = int(match.group("month")) if match.group("month") else high.month
            if to and 1 <= day <= 31 and 1 <= month <= 12 and (match.group("month") or day < high.day):
                day_start = match.start("day")
                lead = _LEAD_BEFORE.search(norm, max(0, day_start - 20), day_start)
                low = _Date(day_start, match.end("to") - len(match.group("to")), high.year, month, day, high.hijri)
                if _period_allowed(to, lead, low, high):
                    return (lead.start() + lead.group().find(lead.group("lead") or lead.group("pair"))
                            if lead else day_start), low
    return None


def _period_allowed(to: re.Match, lead: re.Match | None, low: _Date, high: _Date) -> bool:
    """Both ends are written to the same grain (years with years, months with months, days with days; the
    first end may leave out what the second has); "و" needs "بين" before the first end, a bare year or
    month joined by a word needs "من" or "بين"."""
    if (low.year is None) != (low.month is None) or (high.year is None) != (high.month is None):
        pass  # mixed grains are checked below
    if low.month is None or high.month is None:  # a year period
        if not (low.month is None and high.month is None and low.year and high.year):
            return False
    elif (low.day is None) != (high.day is None) or (low.year is not None and high.year is None):
        return False
    lead_word = (lead.group("lead") or lead.group("pair")) if lead else ""
    if low.hijri != high.hijri and not (low.bare or high.bare):
        return False  # "1436هـ - 2015م": one year in two calendars, not a period
    if to.group("and"):
        return lead_word in _BETWEEN_WORDS or lead_word in _WORDS["period_pair"]
    if to.group("dash") == "/":
        return low.month is None
    if to.group("to") and (low.bare or high.bare) and not lead:
        return False
    return True


def _period(norm: str, start: int, low: _Date, high: _Date) -> Found | None:
    if low.year is None and high.year is not None and low.month is not None:
        low = replace(low, year=high.year, hijri=high.hijri)
    if low.month is None and low.day is not None:
        low = replace(low, month=high.month, year=high.year, hijri=high.hijri)
    if low.bare and high.hijri:
        low = replace(low, hijri=True)
    if high.bare and low.hijri:
        high = replace(high, hijri=True)
    if low.month is None and not 0 < high.year - low.year <= 100:
        return None
    if low.bare and high.bare and _UNIT_AFTER.match(norm, high.end):
        return None  # "1900-2000 ريال": a range of amounts
    low_bounds, high_bounds = low.iso_bounds(), high.iso_bounds()
    if low_bounds is None or high_bounds is None or not _ordered(low_bounds[0], high_bounds[1]):
        return None
    extras = {"low": low_bounds[0], "high": high_bounds[1]}
    if low_bounds[2] or high_bounds[2]:
        extras["hijri"] = f"{low_bounds[2] or ''}/{high_bounds[2] or ''}"
    return Found(start, high.end, "date", low_bounds[0], None, "range", None, extras)


def _ordered(low: str, high: str) -> bool:
    if low.startswith("--") != high.startswith("--"):
        return True
    return low < high


def _single(d: _Date) -> Found | None:
    if d.last_day is not None:
        return _period("", d.start, d, replace(d, day=d.last_day, last_day=None))
    bounds = d.iso_bounds()
    if bounds is None:
        return None
    low, high, hijri = bounds
    extras = {"hijri": hijri} if hijri else {}
    if low == high:
        return Found(d.start, d.end, "date", low, None, "exact", None, extras)
    return Found(d.start, d.end, "date", low, None, "range", None, {"low": low, "high": high, **extras})


def _durations(norm: str, units) -> list[Found]:
    """"3 أيام", "عشرين دقيقة", "يومين", "ساعة ونصف", "نصف عام", "لمدة أسبوع": a count of a time unit."""
    found: list[Found] = []
    for start, end, word, prefixed in units:
        unit, alone = _DURATION_UNITS[word]
        value: Decimal | None = None
        if not prefixed and start and norm[start - 1] == " ":
            fraction = _FRACTION_WORD_BEFORE.search(norm, max(0, start - 8), start)
            if fraction and alone == 1:
                value, start = Decimal(_FRACTION_BEFORE[fraction.group("word")]), fraction.start("word")
            elif alone is None or alone == 1:
                value, start = _count_before(norm, start, definite=word.startswith(_ARTICLE))
                if value is None and alone == 1 and _DURATION_CUE_BEFORE.search(norm, max(0, start - 8), start):
                    value = ONE
        if value is None and word.startswith(_ARTICLE) and (count := _DEFINITE_COUNT_AFTER.match(norm, end)):
            value, end = LEX.cardinals[count.group("word")], count.end()  # "الأشهر التسعة الأولى"
        if value is None and alone == 2:
            value = Decimal(2)
        if value is None and alone == 1 and (_AND_HALF.match(norm, end) or _ONE_AFTER.match(norm, end)
                                             or _first_of_a_range(norm, start, end, unit)):
            value = ONE  # "ساعة ونصف", "منذ عام واحد", "بين عام وعامين"
        if value is None:
            continue
        if value == value.to_integral_value():
            if alone == 1 and (one := _ONE_AFTER.match(norm, end)):
                end = one.end()  # "لمدة عام واحد", "ساعة واحدة وربع"
            # "ساعة ونصف", "ساعتين ونصف", "ثماني سنوات ونصف السنة"
            if half := _AND_HALF.match(norm, end):
                value, end = value + Decimal("0.5"), half.end()
            elif quarter := _AND_QUARTER.match(norm, end):
                value, end = value + Decimal("0.25"), quarter.end()
            if half or quarter:
                same = _UNIT_AGAIN.match(norm, end)
                if same and _DURATION_UNITS[same.group("unit")][0] == unit:
                    end = same.end()
        qualifier = qualifier_of(norm, start, end)  # "منذ أكثر من شهرين", "نحو 3 أيام"
        # the step of the last written digit ("3.5 سنوات" -> 0.1); whole counts and word numbers step by one
        exponent = value.as_tuple().exponent
        precision = ONE.scaleb(exponent) if isinstance(exponent, int) and exponent < 0 else ONE
        found.append(Found(start, end, "duration", value, unit, qualifier, precision, {}, ONE, True))
    return found


# "1.54.75 دقيقة" (a race time: 1 minute and 54.75 seconds), "2:03:45 ساعة": a time with two separators before
# its unit. The first part counts the written unit, each next part the next smaller unit; after the seconds,
# the digits are their fraction.
_SPLIT_BEFORE = re.compile(
    r"(?<![\d.,:])(?P<first>\d{1,2})(?P<separator>[.:])(?P<second>[0-5]\d)(?P=separator)(?P<third>\d{1,2}) \Z")
_SPLIT_UNITS = ("hour", "minute", "second")
_UNIT_SECONDS = {"hour": 3600, "minute": 60, "second": 1}


def _split_durations(norm: str, units) -> list[Found]:
    """A time written in parts before its unit, as one duration in seconds ("1.54.75 دقيقة" = 114.75 seconds,
    "2:03:45 ساعة" = 7425 seconds). Parts that do not fit (a third part of 60 or more after hours, a unit below
    the minute or above the hour) say no figure: the span is reserved, and its last part is never read alone."""
    found: list[Found] = []
    for start, end, word, prefixed in units:
        if prefixed or not norm.startswith(" ", start - 1) or not norm[start - 2 : start - 1].isdigit():
            continue
        split = _SPLIT_BEFORE.search(norm, max(0, start - 12), start)
        if split is None:
            continue
        unit = _DURATION_UNITS[word][0]
        first, second, third = (int(split.group(name)) for name in ("first", "second", "third"))
        if unit not in _SPLIT_UNITS[:2] or unit == "hour" and third >= 60:
            found.append(Found(split.start(), end, RESERVED, ""))
            continue
        smaller = _SPLIT_UNITS[_SPLIT_UNITS.index(unit) + 1]
        seconds = Decimal(first * _UNIT_SECONDS[unit] + second * _UNIT_SECONDS[smaller])
        precision = ONE
        if unit == "hour":
            seconds += third
        else:  # after the seconds: their fraction ("54.75")
            precision = ONE.scaleb(-len(split.group("third")))
            seconds += Decimal(split.group("third")) * precision
        qualifier = qualifier_of(norm, split.start(), end)
        found.append(Found(split.start(), end, "duration", seconds, "second", qualifier, precision, {}, ONE, True))
    return found


def _first_of_a_range(norm: str, start: int, end: int, unit: str) -> bool:
    """"بين عام وعامين", "من ساعة إلى ساعتين": a singular unit is one when it opens a range of that unit."""
    partner = _RANGE_PARTNER.match(norm, end)
    if partner is None or not _LEAD_BEFORE.search(norm, max(0, start - 12), start):
        return False
    return _DURATION_UNITS[partner.group("unit")][0] == unit


def _count_before(norm: str, unit_start: int, definite: bool) -> tuple[Decimal | None, int]:
    """The number right before a time unit: digits ("3.5 سنوات") or words ("أربع وعشرين ساعة")."""
    before = unit_start - 1
    if not norm[before - 1:before].isdigit():
        # most time units follow no number: the number grammar runs only after a number word
        word = _LAST_WORD.search(norm, max(0, before - 24), before)
        if word is None or word.group() not in _NUMBER_WORDS_WITH_PREFIXES:
            return None, unit_start
    number = _number_before(norm, before)
    if number is None or number[1] <= 0 or definite and not norm[number[0]:unit_start - 1].isdigit():
        return None, unit_start
    return number[1], number[0]
