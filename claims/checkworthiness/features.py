"""What an Arabic fact-checker looks at in a sentence, as numbers a linear model can weigh.

Cue words live in data/cues/*.txt, one entry per line, folded once with the same `normalize()` as
the input. The figure features come from the extraction engine itself (kind of each figure found).
"""

from __future__ import annotations

import logging
import math
import re
from functools import cache
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from claims.extraction.engine import extract_quantities
from claims.extraction.lexicon import phrase_pattern, read_raw_rows, read_words
from claims.extraction.normalize import normalize
from claims.extraction.types import KINDS

logger = logging.getLogger(__name__)

CUES_DIR = Path(__file__).parent / "data" / "cues"
# Cue lists matched as whole words (after at most one of the clitics و ف ب ل ك).
WORD_CUES = (
    "hedges",
    "first_person",
    "opinion",
    "prediction",
    "comparison",
    "time_words",
    "question_words",
    "official_sources",
    "health_harm",
)

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@\w+")
_HASHTAG = re.compile(r"#(\w+)")
_DIGIT = re.compile(r"\d")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Emoji and pictographs: a tweet's mood, rarely a newsroom sentence's.
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
_WORD = re.compile(r"\w+")


@cache
def cue_words(name: str) -> frozenset[str]:
    """One cue list, normalised: '#' comments, one entry per line."""
    return read_words(f"{name}.txt", directory=CUES_DIR)


@cache
def _cue_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple(
        (name, re.compile(rf"(?<!\w)[وفبلك]?(?:{phrase_pattern(cue_words(name))})(?!\w)")) for name in WORD_CUES
    )


@cache
def quote_marks() -> frozenset[str]:
    return frozenset(row[0] for row in read_raw_rows("quote_marks.txt", directory=CUES_DIR))


def clean_text(text: str) -> str:
    """The text the n-grams read: folded, links and @mentions replaced by a placeholder, digits as 0,
    hashtags as their words (a hashtag's words say what a tweet is about)."""
    text = _URL.sub(" رابط ", text)
    text = _MENTION.sub(" @مستخدم ", text)
    text = _HASHTAG.sub(lambda m: " " + m.group(1).replace("_", " ") + " ", text)
    return _DIGIT.sub("0", normalize(text))


FEATURE_NAMES = (
    *(f"cue:{name}" for name in WORD_CUES),
    "quoted",
    "question_mark",
    "exclamation",
    *(f"figure:{kind}" for kind in KINDS),
    "figures",
    "big_figure",
    "latin_name",
    "link",
    "mention",
    "hashtag",
    "emoji",
    "length",
)


def cue_vector(text: str) -> list[float]:
    """The named features of one sentence, each in [0, 1] (counts are capped)."""
    body = _HASHTAG.sub(" ", _MENTION.sub(" ", _URL.sub(" ", text)))
    folded = normalize(body)
    values = [min(1.0, len(pattern.findall(folded)) / 2) for _, pattern in _cue_patterns()]
    marks = quote_marks()
    values.append(1.0 if sum(body.count(mark) for mark in marks) >= 2 else 0.0)
    values.append(1.0 if "؟" in body or "?" in body else 0.0)
    values.append(1.0 if "!" in body else 0.0)
    quantities = figures(body)
    kinds = {q.kind for q in quantities}
    values.extend(1.0 if kind in kinds else 0.0 for kind in KINDS)
    values.append(min(1.0, len(quantities) / 3))
    big = any(not isinstance(q.value, str) and q.kind != "date" and abs(q.value) >= 1000 for q in quantities)
    values.append(1.0 if big else 0.0)
    values.append(1.0 if _LATIN_WORD.search(body) else 0.0)
    values.append(1.0 if _URL.search(text) else 0.0)
    values.append(min(1.0, len(_MENTION.findall(text)) / 2))
    values.append(min(1.0, len(_HASHTAG.findall(text)) / 2))
    values.append(min(1.0, len(_EMOJI.findall(text)) / 2))
    values.append(min(1.0, math.log1p(len(_WORD.findall(body))) / math.log(60)))
    return values


def figures(text: str) -> list:
    """The engine's figures; a text the engine cannot read scores as one without figures, never fails."""
    try:
        return extract_quantities(text)
    except Exception:  # noqa: BLE001  (the engine's own bug must not stop scoring: no figures is the safe reading)
        logger.warning("figure extraction failed while scoring", exc_info=True)
        return []


class CueFeatures(BaseEstimator, TransformerMixin):
    """scikit-learn transformer: texts in, the named features out (a dense matrix)."""

    def fit(self, texts, y=None):
        return self

    def transform(self, texts):
        return np.array([cue_vector(text) for text in texts], dtype=float)

    def get_feature_names_out(self, input_features=None):
        return np.array(FEATURE_NAMES, dtype=object)
