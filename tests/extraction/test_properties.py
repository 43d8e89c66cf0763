"""On any Unicode input the engine never raises and its offsets always point at what it reports."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import extract, normalize_with_offsets
from claims.extraction.numbers import LEX, RUN, scan_page

ARABIC_PIECES = st.sampled_from(
    ["مليون", "مليار", "ألف", "دولار", "٪", "%", "في المئة", "بين", "و", "من", "إلى", "نحو", "أكثر من", "١٠٫٢", "3.5",
     "GPT-4", "H100", "عام", "2025", "يناير", "نصف", "على", "ً", "ـ", "\u200f", "ﻻ", " ", "\n", ".", "...", "؟", "-",
     "خمس", "عشر", "سالب", "$", "1,000", "٬", "،", "/", "0/400", "منذ 16 س", "e", "^", "AED", "3x", "x", "%12",
     "ونصف", "المليون", "ألفا", "مليونين", "شتنبر", "السادس من", "في أيار الماضي", "درهم", "المغرب", "سنتات",
     "تجاوزت", "لنفترض", "التعليقات", "كتب:", " | ", "رؤية", "Llama 3.1 405B", "رقم 5 لسنة"]
)
TEXTS = st.one_of(st.text(), st.lists(st.one_of(ARABIC_PIECES, st.text(max_size=3)), max_size=40).map("".join))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
     " و ", "5", "٫", ".", ",", "1,000", "3.5", " ", "\n", "(", "«", "-", "/", "e", "m", "h", "ال", "x"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(FOLDED_PIECES, max_size=30).map("".join))
def test_the_page_scan_finds_exactly_the_runs_of_the_run_pattern(folded):
    runs, duals = scan_page(folded)
    assert runs == [match.span() for match in RUN.finditer(folded)]
    for start, end, noun in duals:
        assert folded[start:end] == noun
        word_start = start - 1 if start and folded[start - 1] in "وفبل" else start
        assert word_start == 0 or not folded[word_start - 1].isalnum()


def test_dual_words_are_never_number_atoms():
    """They share the page scan with number runs, which holds only while no word is both."""
    number_words = set(LEX.cardinals) | set(LEX.scales) | set(LEX.fractions)
    assert not number_words & {k for k, v in LEX.units.items() if v[2]}
