"""The matcher's language data (claims/matching/data/): every entry normalised at load, every line tested."""

from pathlib import Path

import pytest

from claims.extraction.types import Quantity
from claims.matching.references import YEAR_CUES, as_year
from claims.matching.text import STOPWORDS, SYNONYMS, tokens

DATA = Path(__file__).resolve().parents[2] / "claims" / "matching" / "data"


def entries(name):
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


YEAR_CUE_ROWS = [
    line.split("\t")
    for line in (DATA.parents[1] / "extraction" / "data" / "year_cues.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
GROUPS = [[word.strip() for word in line.split("|")] for line in entries("metric_synonyms.txt")]


@pytest.mark.parametrize("group", GROUPS, ids=[group[0] for group in GROUPS])
def test_every_word_of_a_synonym_line_folds_to_its_first_word(group):
    heads = {tuple(tokens(word)) for word in group}
    assert heads == {tuple(tokens(group[0]))}, group
    assert len(tokens(group[0])) == 1


def test_no_word_stands_for_two_groups_and_none_is_a_stopword():
    seen = {}
    for group in GROUPS:
        for word in group:
            (token,) = tokens(word)
            assert seen.setdefault(token, group[0]) == group[0], (word, seen[token], group[0])
    assert not (set(SYNONYMS) | set(SYNONYMS.values())) & STOPWORDS


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("\ufee3\ufecc\ufe8e\ufee3\ufefc\ufe95", "معاملات"),  # presentation forms, as some PDFs store them
        ("الإِيرادَات", "ايرادات"),  # diacritics and a hamza form
        ("عائداتها", "إيرادات"),  # an attached pronoun on a synonym
        ("وبالاستثمارات", "يستثمر"),  # conjunction, preposition and article on a verbal noun
    ],
)
def test_input_in_any_spelling_meets_the_data(written, stored):
    assert tokens(written) == tokens(stored)


@pytest.mark.parametrize("cue", [phrase for phrase, readers in YEAR_CUE_ROWS if readers != "extraction"])
def test_a_year_after_each_cue_is_a_date(cue):
    text = f"{cue} 2025 ارتفعت الأرقام"
    start = len(cue) + 1
    found = as_year(Quantity(start, start + 4, "2025", "count", 2025, None, "exact"), text)
    assert (found.kind, found.value) == ("date", "2025")
    assert tokens(cue)[-1] in YEAR_CUES


@pytest.mark.parametrize("cue", [phrase for phrase, readers in YEAR_CUE_ROWS if readers == "extraction"])
def test_a_year_cue_of_the_extraction_alone_is_not_read_word_by_word(cue):
    # "اعتبارا من": matching reads one word, and "من 2025" alone says nothing of a year.
    text = f"باعت الشركة {cue} 2025 جهازا"
    start = text.index("2025")
    found = as_year(Quantity(start, start + 4, "2025", "count", 2025, None, "exact"), text)
    assert found.kind == "count"


@pytest.mark.parametrize(
    "text",
    ["باعت الشركة 2025 جهازا", "وظفت 1990 مهندسا", "بلغ عدد الموظفين 2048"],
)
def test_a_count_that_looks_like_a_year_stays_a_count_without_a_cue(text):
    start = next(i for i in range(len(text)) if text[i : i + 4].isdigit())
    written = text[start : start + 4]
    found = as_year(Quantity(start, start + 4, written, "count", int(written), None, "exact"), text)
    assert found.kind == "count"


@pytest.mark.parametrize(
    ("query", "stored"),
    [
        ("كلفة التدريب", "بلغت تكلفة تدريبه وكلفته 5 ملايين"),
        ("عائدات الشركة", "ارتفعت عائدات شركتها"),
        ("المستخدمين", "وصل عدد مستخدميها"),
    ],
)
def test_search_words_are_found_inside_other_inflections_of_the_stored_text(query, stored):
    from claims.extraction import normalize
    from claims.matching.text import search_words

    words = search_words(query)
    assert words and all(word in normalize(stored) for word in words)
