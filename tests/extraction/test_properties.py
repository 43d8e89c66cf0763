"""On any Unicode input the engine never raises and its offsets always point at what it reports."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import claims, extract
from claims.extraction.claims import FoldedText, sentences
from claims.extraction.lexicon import DATA_DIR, phrase_pattern
from claims.extraction.normalize import fold_with_offset_map
from claims.extraction.numbers import LEX, RUN, numbers_in_run, read_run, scan_page
from claims.extraction.tokens import WORD_LEAD
from tests.extraction.offsets import normalize_with_offsets


def _data_alphabet() -> list[str]:
    """Every letter, digit and sign of every data file, and the prefix letters و ف ب ل ك."""
    characters = set("وفبلك")
    for path in DATA_DIR.iterdir():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                characters.update(char for char in line if not char.isspace())
    return sorted(characters)


def _data_phrases() -> list[str]:
    """Every field of every line of every data file: the phrases, wherever a file keeps them (first in most,
    second in role<TAB>phrase files such as cues.tsv, designation_nouns.tsv, date_words.tsv)."""
    phrases = set()
    for path in DATA_DIR.iterdir():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                phrases.update(field.strip() for field in line.split("\t") if field.strip())
    return sorted(phrases)


DATA_LETTERS = st.text(alphabet=_data_alphabet() + [" ", " ", "\n", "0", "5", "."], max_size=30)
PREFIX_LETTERS = st.sampled_from(["", "و", "ف", "ب", "ل", "ك", "وب", "فل", "ول"])
DATA_PHRASES = st.tuples(PREFIX_LETTERS, st.sampled_from(_data_phrases())).map("".join)

ARABIC_PIECES = st.sampled_from(
    ["مليون", "مليار", "ألف", "دولار", "٪", "%", "في المئة", "بين", "و", "من", "إلى", "نحو", "أكثر من", "١٠٫٢", "3.5",
     "GPT-4", "H100", "عام", "2025", "يناير", "نصف", "على", "ً", "ـ", "\u200f", "ﻻ", " ", "\n", ".", "...", "؟", "-",
     "خمس", "عشر", "سالب", "$", "1,000", "٬", "،", "/", "0/400", "منذ 16 س", "e", "^", "AED", "3x", "x", "%12",
     "ونصف", "المليون", "ألفا", "مليونين", "شتنبر", "السادس من", "في أيار الماضي", "درهم", "المغرب", "سنتات",
     "تجاوزت", "لنفترض", "التعليقات", "كتب:", " | ", "رؤية", "Llama 3.1 405B", "رقم 5 لسنة"]
)
TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(ARABIC_PIECES, st.text(max_size=3)), max_size=40).map("".join),
    DATA_LETTERS,
    st.lists(st.one_of(DATA_PHRASES, ARABIC_PIECES, st.sampled_from([" ", " 12 ", " ٣٠ ", " و"])), max_size=25)
    .map(" ".join),
)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_it_never_raises_and_offsets_match_the_text(text):
    extraction = extract(text)
    for quantity in extraction.quantities:
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start : quantity.end] == quantity.text
        quantity.to_dict()
    for claim in extraction.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert 0.0 <= claim.checkworthiness <= 1.0
        assert all(0 <= index < len(extraction.quantities) for index in claim.quantity_indexes)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_normalized_offsets_stay_in_range_and_ordered(text):
    folded, offsets = normalize_with_offsets(text)
    assert len(offsets) == len(folded) + 1
    assert offsets[-1] == len(text)
    assert all(0 <= a <= b <= len(text) for a, b in zip(offsets, list(offsets)[1:], strict=False))


FOLDED_PIECES = st.sampled_from(
    ["مليون", "ملايين", "خمسه", "وعشرون", "الف", "ثلث", "يناير", "فبراير", "ومارس", "يومين", "بيومين", "مرتين", "و",
     " و ", "5", "٫", ".", ",", "1,000", "3.5", " ", "\n", "(", "«", "-", "/", "e", "m", "h", "ال", "x", "_", "é", "٣"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(FOLDED_PIECES, max_size=30).map("".join))
def test_the_page_scan_finds_exactly_the_runs_of_the_run_pattern(folded):
    runs, duals, _ = scan_page(folded)
    assert runs == [match.span() for match in RUN.finditer(folded)]
    for start, end, noun in duals:
        assert folded[start:end] == noun
        word_start = start - 1 if start and folded[start - 1] in "وفبل" else start
        assert word_start == 0 or not folded[word_start - 1].isalnum()


def test_dual_words_are_never_number_atoms():
    """They share the page scan with number runs, which holds only while no word is both."""
    number_words = set(LEX.cardinals) | set(LEX.scales) | set(LEX.fractions)
    assert not number_words & {k for k, v in LEX.units.items() if v[2]}


LINE_PIECES = st.sampled_from(
    ["قال", "الوزير", " ", "  ", "\n", "\r\n", "\n\n", " \n ", "\u2028", "\t", "\u00a0", "\x1c", "\u064e", "\u0651",
     "\u200f", "ﻻ", "\ufe70", ".", "3.5", "!", "؟", "…", "•", " - ", "abc"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(LINE_PIECES, max_size=60).map("".join))
def test_sentence_spans_in_the_folded_text_are_the_offset_maps(text):
    """sentences() maps most spans by a shift along their line, without the offset map: the same spans."""
    doc = FoldedText(text, *fold_with_offset_map(text))
    for start, end, folded_start, folded_end in sentences(doc):
        assert (folded_start, folded_end) == (doc.folded_index(start), doc.folded_index(end))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet="0123456789", min_size=1, max_size=40), st.integers(1850, 2150).map(str)),
       st.sampled_from(["", " ", "5.", "ب", "،"]),
       st.sampled_from(["", " ", " مليون", "%", ".5"]))
def test_plain_digit_runs_read_as_the_grammar_reads_them(digits, before, after):
    """numbers_in_run reads a run of plain digits without the grammar: the same numbers, to the last field."""
    norm = before + digits + after
    start = len(before)
    assert repr(numbers_in_run(norm, start, start + len(digits))) == repr(read_run(norm, start, start + len(digits)))


# The loose scans (`attributed`, `names_actor`) go without the lead's lookbehind and drop a match led by a word
# character: they must find what the strict pattern finds, on any text built of their words and other letters.
_LOOSE_SCANS = {
    "attribution": (claims.attributed, claims._ATTRIBUTION_WORDS, "قالت"),
    "actor": (claims.names_actor, claims._ACTOR_WORDS, "ال"),
}


@pytest.mark.parametrize("scan", sorted(_LOOSE_SCANS))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_loose_scan_finds_what_the_strict_pattern_finds(scan, data):
    loose, words, extra = _LOOSE_SCANS[scan]
    strict = re.compile(rf"{WORD_LEAD}(?:{phrase_pattern(words)})(?!\w)")
    pieces = st.one_of(st.sampled_from(sorted(words)), st.sampled_from([" ", "_", "é", "5", "٣", "و", "(", "x", extra]))
    folded = data.draw(st.lists(pieces, max_size=12).map("".join))
    assert loose(folded) == (strict.search(" " + folded) is not None)
