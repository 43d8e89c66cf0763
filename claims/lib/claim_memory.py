"""Claim memory: find the earlier fact-checks a new claim repeats (pure Python, no database).

An entry is one checked claim — our own published verdict or a publisher's ClaimReview — as its
normalised words and the figures it held. A new claim repeats an entry when their words are alike
(rapidfuzz's token-sort ratio, so word order does not matter), or alike enough and holding the same
figure: a repeated wrong figure is the strongest sign of a repeated claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

# Word similarity (0-1) that alone makes a repeat, and the lower bar when a figure is shared.
MIN_SIMILARITY = 0.62
MIN_SIMILARITY_WITH_FIGURE = 0.42
MAX_REPEATS = 3


@dataclass(frozen=True)
class MemoryEntry:
    key: str
    words: str  # normalised text
    figures: frozenset[str] = frozenset()  # "<kind>:<value>:<unit>" of the figures it held
    info: dict = field(default_factory=dict, compare=False, hash=False)


def figure_keys(figures: Iterable[tuple[str, str, str | None]]) -> frozenset[str]:
    """Comparable keys of (kind, value, unit) figures; dates and ordinals are context, not evidence."""
    return frozenset(
        f"{kind}:{value}:{unit or ''}" for kind, value, unit in figures if kind not in ("date", "ordinal", "duration")
    )


def find_repeats(
    words: str,
    figures: frozenset[str],
    entries: Sequence[MemoryEntry],
    *,
    exclude: str = "",
    choices: Sequence[str] | None = None,
) -> list[tuple[MemoryEntry, float]]:
    """The entries this claim repeats, most similar first, each with its similarity (0-1).
    `choices`: the entries' words, when the caller keeps them (matched claim after claim)."""
    if not entries or not words.strip():
        return []
    found = process.extract(
        words,
        choices if choices is not None else [entry.words for entry in entries],
        scorer=fuzz.token_sort_ratio,
        score_cutoff=MIN_SIMILARITY_WITH_FIGURE * 100,
        limit=None,
    )
    repeats = []
    for _, score, index in found:
        entry = entries[index]
        similarity = score / 100
        if entry.key == exclude:
            continue
        if similarity >= MIN_SIMILARITY or (figures & entry.figures):
            repeats.append((entry, round(similarity, 3)))
    repeats.sort(key=lambda pair: (-(bool(figures & pair[0].figures)), -pair[1]))
    return repeats[:MAX_REPEATS]
