"""Finding subjects' names in a text: the matcher tries only the words a name can start with, and
finds every name that trying every run of words would find (spaced, joined, split, behind a glued
preposition)."""

import pytest

from claims.matching import Matcher, ReferenceStatement
from claims.matching.matcher import _MAX_NAME_TOKENS
from claims.matching.text import name_words

STATEMENTS = [
    ReferenceStatement.build(key="openai", text="بلغت إيرادات أوبن إيه آي 3.7 مليار دولار.", subject="أوبن إيه آي",
                             aliases=["OpenAI"]),
    ReferenceStatement.build(key="samsung", text="باعت سامسونج 226 مليون هاتف.", subject="سامسونج"),
    ReferenceStatement.build(key="pif", text="بلغت أصول صندوق الاستثمارات العامة 925 مليار دولار.",
                             subject="صندوق الاستثمارات العامة", aliases=["الصندوق السيادي السعودي"]),
    ReferenceStatement.build(key="stc", text="بلغ عدد مشتركي إس تي سي 24 مليون مشترك.", subject="إس تي سي"),
]

TEXTS = [
    "وقالت أوبن إيه آي إن إيراداتها تضاعفت خلال عام واحد.",  # spaced, as in the library
    "وأعلنت شركة أوبنإيهآي عن نموذج جديد.",  # the words joined
    "وقال متحدث باسم لأوبن إيه آي إن الأرقام دقيقة.",  # a preposition glued to the name
    "وتراجعت مبيعات سام سونج في الربع الأول.",  # a one-word name split in two
    "وضخ صندوق الاستثمارات العامة استثمارات جديدة، كما أعلن الصندوق السيادي السعودي.",
    "ارتفع عدد مشتركي إستيسي، وقالت إس تي سي إن الشبكة توسعت، ومع ذلك لم تعلق OpenAI.",
    "لم يرد في هذا الخبر أي اسم من أسماء المكتبة المرجعية.",
]


def every_run_of_words(matcher: Matcher, words: list[str]) -> set[str]:
    """What `_name_hits` finds, by trying every run of words (no shortcut)."""
    found = []
    for size in range(1, _MAX_NAME_TOKENS + 1):
        for start in range(len(words) - size + 1):
            gram = words[start : start + size]
            for key in {" ".join(gram), "".join(gram)}:
                if key in matcher.by_name:
                    found.append((start, start + size, key))
    return {k for s, e, k in found if not any(s2 <= s and e <= e2 and e2 - s2 > e - s for s2, e2, _ in found)}


@pytest.fixture(scope="module")
def matcher():
    return Matcher(STATEMENTS)


@pytest.mark.parametrize("text", TEXTS)
def test_it_finds_the_same_names_as_trying_every_run_of_words(matcher, text):
    for drop in (False, True):
        words = name_words(text, drop_prepositions=drop)
        assert matcher._name_hits(words) == every_run_of_words(matcher, words)


@pytest.mark.parametrize(
    ("text", "subject"),
    [(TEXTS[0], "openai"), (TEXTS[1], "openai"), (TEXTS[2], "openai"), (TEXTS[3], "samsung"), (TEXTS[4], "pif")],
)
def test_it_finds_a_name_however_it_is_spaced(matcher, text, subject):
    keys = matcher._subject_hits(text)
    assert {matcher.entries[matcher.by_name[key][0][0]].statement.key for key in keys} == {subject}


def test_it_finds_nothing_in_a_text_that_names_no_subject(matcher):
    assert matcher._subject_hits(TEXTS[-1]) == set()
