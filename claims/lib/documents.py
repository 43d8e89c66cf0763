"""Source documents read as reference statements, without a database: the readable text of an HTML
page, the sentence splitter and the subject guesser (services/references.py stores what they find)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import trafilatura

from claims.extraction import normalize
from claims.extraction.lexicon import read_words

DATA_DIR = Path(__file__).parent / "data"

_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\s*[\n\f]\s*")  # \f: a PDF's page break
_LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?:\s+[A-Z0-9][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*)*")
# Words that introduce an Arabic proper name ("شركة أرامكو") and words after which a name stops.
_NAME_CUES = read_words("name_cues.txt", directory=DATA_DIR)
_NAME_STOPS = read_words("name_stops.txt", directory=DATA_DIR)
_ARABIC_WORD = re.compile(r"[\u0621-\u065f\u0640\u0670]+")


def html_text(html: str, *, url: str | None) -> str:
    """The readable text of an HTML document (tables kept: statistics live in them)."""
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True)
    if not text or not text.strip():
        raise ValueError("no readable text found in the HTML")
    return text


def document_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split after . ! ? ؟ followed by space, and at line breaks.
    A decimal point ("1.3") is never followed by a space, so figures stay whole."""
    spans = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        spans.append((start, boundary.start()))
        start = boundary.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def guess_subject(text: str) -> str:
    """A proper name the text is about: a Latin-script name ("DeepSeek-V3") or an Arabic name after
    a cue word ("شركة أرامكو"). Empty when none is found."""
    arabic = _arabic_name(text)
    if arabic:
        return arabic
    for match in _LATIN_NAME.finditer(text):
        name = match.group(0).strip()
        if name.isupper() and len(name) <= 3:
            continue  # currency codes and unit symbols: USD, GB
        if " " not in name and name[1:].islower() and not text[: match.start()].strip():
            continue  # an English sentence's first word: "The", "According"
        return name
    return ""


def _arabic_name(text: str) -> str:
    words = list(_ARABIC_WORD.finditer(text))
    for index, word in enumerate(words):
        folded = normalize(word.group(0))
        bare = folded[1:] if folded[:1] in ("و", "ف", "ب", "ل") and folded[1:] in _NAME_CUES else folded
        if bare not in _NAME_CUES or index + 1 >= len(words):
            continue
        following = words[index + 1]
        if normalize(following.group(0)) in _NAME_STOPS or following.start() - word.end() > 2:
            continue
        end = following.end()
        # A second word when it is an attribute of the first ("أرامكو السعودية", "الصحة العالمية").
        if index + 2 < len(words):
            second = words[index + 2]
            folded_second = normalize(second.group(0))
            if (
                second.start() - end <= 2
                and folded_second.startswith("ال")
                and folded_second not in _NAME_STOPS
            ):
                end = second.end()
        return text[following.start() : end]
    return ""


def most_common_subject(text: str, sentences: list[tuple[int, int]]) -> str:
    guesses = Counter(guess_subject(text[start:end]) for start, end in sentences)
    guesses.pop("", None)
    return guesses.most_common(1)[0][0] if guesses else ""
