"""Tokens for comparison: `normalize()` from extraction, then a light Arabic stemmer.

The stemmer only strips what is safe on names too (a conjunction, the article, a few plural and
feminine endings), so aliases, metrics, statements and claims all go through the same function and
stay comparable.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from claims.extraction import normalize

_TOKEN = re.compile(r"[^\W_]+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
# Longest first: "وال" before "و".
_PREFIXES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف")
_SUFFIXES = ("يات", "ات", "ون", "ين", "ان", "وا", "يه", "ها", "ه", "ي")
_MIN_STEM = 3


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Light stem of one normalised token; Latin and digits unchanged."""
    if not _ARABIC_LETTER.match(token):
        return token
    for prefix in _PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= _MIN_STEM:
            token = token[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= _MIN_STEM:
            token = token[: -len(suffix)]
            break
    return token


def tokens(text: str) -> list[str]:
    """Normalised, stemmed tokens of `text`, in order (numbers kept: names like GPT-4 need them)."""
    return [stem(token) for token in _TOKEN.findall(normalize(text))]


def _load_words(name: str) -> frozenset[str]:
    path = Path(__file__).with_name("data") / name
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.update(tokens(line))
    return frozenset(words)


STOPWORDS = _load_words("stopwords.txt")


def is_content(token: str) -> bool:
    return token not in STOPWORDS and not token.isdigit() and len(token) > 1


def content_tokens(text: str) -> list[str]:
    """Tokens that can say what is measured: no stopwords, no bare numbers."""
    return [token for token in tokens(text) if is_content(token)]
