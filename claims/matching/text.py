"""Tokens for comparison: `normalize()` from extraction, then Arabic morphology, then synonyms.

Every word compared (claims, statements, metrics, aliases, language data) goes through `tokens()`:
1. `normalize()` (one spelling for hamza forms, taa marbuta, digits, diacritics, ...);
2. clitics a light rule can strip safely: a conjunction, a preposition with the article, the
   article itself ("وبالإيرادات" -> "إيرادات");
3. snowballstemmer's Arabic stemmer (Snowball project, maintained) for the rest of the morphology:
   attached pronouns ("إيراداتها"), plural and feminine endings, verb prefixes ("تستثمر",
   "يستثمر" -> "استثمر"); chosen over tashaphyne and qalsadi by matching quality and speed
   (docs/matching.md);
4. the metric synonyms of `data/metric_synonyms.txt`: each word stands for the first of its group,
   so "معاملات" meets "معلمات" and "يستثمر" meets "استثمار".
Latin words and numbers are only normalised: names such as GPT-4 need their digits.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from claims.extraction import normalize

_TOKEN = re.compile(r"[^\W_]+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
# Longest first: "وال" before "و".
_PREFIXES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف")
_MIN_STEM = 3
_PREPOSITIONS = frozenset("لبك")
# Endings cut for substring search only (search_words): plural, dual and pronoun suffixes.
_ENDINGS = ("يات", "ات", "ون", "ين", "ان", "وا", "هما", "هم", "ها", "ه", "ي")
_DATA = Path(__file__).with_name("data")
_SNOWBALL = snowballstemmer.stemmer("arabic")


def _strip_clitics(token: str) -> str:
    for prefix in _PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= _MIN_STEM:
            return token[len(prefix) :]
    return token


@lru_cache(maxsize=131072)
def stem(token: str) -> str:
    """Stem of one normalised token; Latin and digits unchanged."""
    if not _ARABIC_LETTER.match(token):
        return token
    bare = _strip_clitics(token)
    stemmed = _SNOWBALL.stemWord(bare)
    return stemmed if len(stemmed) >= 2 else bare


def _raw_tokens(text: str) -> list[str]:
    return [stem(token) for token in _TOKEN.findall(normalize(text))]


def _load_synonyms(name: str) -> dict[str, str]:
    """Stem -> the stem of its group's first word, for every word of a synonyms file."""
    canonical: dict[str, str] = {}
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = [_raw_tokens(word) for word in line.split("|")]
        head = words[0][0]
        for word in words:
            if len(word) == 1 and word[0] != head:
                canonical.setdefault(word[0], head)
    return canonical


SYNONYMS = _load_synonyms("metric_synonyms.txt")


def tokens(text: str) -> list[str]:
    """Normalised, stemmed tokens of `text` with synonyms folded, in order (numbers kept)."""
    return [SYNONYMS.get(token, token) for token in _raw_tokens(text)]


def name_words(text: str, *, drop_prepositions: bool = False) -> list[str]:
    """Words for finding names: normalised, the safe clitics off, never stemmed (a stemmer cuts
    "…فين" and "…فيك" to one name). `drop_prepositions` also drops a one-letter preposition
    ("لشات" -> "شات"): right for names, wrong for common words ("بنك")."""
    words = _TOKEN.findall(normalize(text))
    return [_name_word(word, drop_prepositions) for word in words]


def name_word_forms(text: str) -> tuple[list[str], list[str]]:
    """`name_words(text)` and `name_words(text, drop_prepositions=True)` from one normalisation."""
    words = _TOKEN.findall(normalize(text))
    return [_name_word(word, False) for word in words], [_name_word(word, True) for word in words]


@lru_cache(maxsize=131072)
def _name_word(word: str, drop_prepositions: bool) -> str:
    if drop_prepositions and word[0] in _PREPOSITIONS and len(word) > 3:
        word = word[1:]
    return _strip_clitics(word) if _ARABIC_LETTER.match(word) else word


def load_words(name: str) -> frozenset[str]:
    words = set()
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.update(tokens(line))
    return frozenset(words)


STOPWORDS = load_words("stopwords.txt")


def is_content(token: str) -> bool:
    return token not in STOPWORDS and not token.isdigit() and len(token) > 1


def content_tokens(text: str) -> list[str]:
    """Tokens that can say what is measured: no stopwords, no bare numbers."""
    return [token for token in tokens(text) if is_content(token)]


def search_words(text: str) -> list[str]:
    """Content words cut to a part that occurs in any inflection (one clitic and one ending off,
    at least three letters kept), for substring searches in stored text, where a stem or a synonym's
    head ("تكلف" for "كلفة") need not occur."""
    found = []
    for word in _TOKEN.findall(normalize(text)):
        if not is_content(SYNONYMS.get(stem(word), stem(word))):
            continue
        word = _search_cut(word)
        if is_content(word):
            found.append(word)
    return found


def search_part(word: str) -> str:
    """What one normalised query word must match inside stored normalised text: an Arabic word cut as
    `search_words` cuts it ("التدريب", "تدريب" and "وتدريبها" meet), a number or a Latin word as
    written; "" for a stopword."""
    if not _ARABIC_LETTER.match(word):
        return word
    if stem(word) in STOPWORDS:
        return ""
    part = _search_cut(word)
    return part if len(part) >= 2 and part not in STOPWORDS else ""


def _search_cut(word: str) -> str:
    """One clitic and one ending off an Arabic word, at least _MIN_STEM letters kept."""
    word = _strip_clitics(word)
    if _ARABIC_LETTER.match(word):
        ending = next((e for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= _MIN_STEM), "")
        word = word[: len(word) - len(ending)]
    return word
