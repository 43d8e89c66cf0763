"""Language data: the UTF-8 files in data/, one entry per line, folded once with normalize().

Each loader returns plain dicts keyed by the normalised phrase; `phrase_pattern` turns a set of
phrases into one trie-shaped regex alternation, which Python's `re` scans far faster than a flat
`a|b|c` list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from claims.extraction.normalize import normalize

DATA_DIR = Path(__file__).parent / "data"


def read_rows(name: str, *, directory: Path = DATA_DIR) -> list[list[str]]:
    """Rows of a data file: tab-separated fields, '#' comments and blank lines skipped, first field normalised."""
    rows = []
    for line in (directory / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        fields[0] = normalize(fields[0])
        rows.append(fields)
    return rows


def read_words(name: str, *, directory: Path = DATA_DIR) -> frozenset[str]:
    return frozenset(row[0] for row in read_rows(name, directory=directory))


def _fraction(text: str) -> Decimal:
    numerator, _, denominator = text.partition("/")
    return Decimal(numerator) / Decimal(denominator or 1)


def phrase_pattern(phrases) -> str:
    """A regex alternation for `phrases` built as a trie; longest alternatives are tried first."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends_here = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:
            return "(?:" + body + ")?"
        return body

    return build(trie)


@dataclass(frozen=True)
class Lexicon:
    cardinals: dict[str, Decimal]
    scales: dict[str, tuple[Decimal, str]]
    latin_scales: dict[str, Decimal]
    fractions: dict[str, tuple[Decimal, str]]
    ordinals: dict[str, int]
    rank_nouns: frozenset[str]
    currencies: dict[str, str]
    currency_factors: dict[str, Decimal]
    currency_regions: dict[str, tuple[str, str]]
    units: dict[str, tuple[str, str, Decimal | None]]
    unit_factors: dict[str, Decimal]
    hedges_before: dict[str, str]
    hedges_after: dict[str, str]
    hedge_verbs: dict[str, str]
    hedge_governing_verbs: dict[str, str]  # "verb preposition" phrases: the verb, its subject, then the preposition
    months: dict[str, int]
    month_cues_before: frozenset[str]
    month_cues_after: frozenset[str]
    year_cues: frozenset[str]
    name_words: frozenset[str]
    place_nouns: frozenset[str]
    place_names: frozenset[str]
    plan_words: frozenset[str]
    latin_function_words: frozenset[str]
    listing_nouns: frozenset[str]
    not_count_nouns: frozenset[str]
    chrome_tail_markers: frozenset[str]
    chrome_line_markers: frozenset[str]
    byline_markers: frozenset[str]
    attribution_verbs: frozenset[str]
    cues: dict[str, frozenset[str]]


@cache
def lexicon() -> Lexicon:
    units = {}
    for row in read_rows("units.tsv"):
        units[row[0]] = (row[1], row[2], Decimal(row[3]) if len(row) > 3 else None)
    hedges: dict[str, dict[str, str]] = {"before": {}, "after": {}, "verb": {}, "governs": {}}
    for phrase, qualifier, where in read_rows("hedges.tsv"):
        hedges[where][phrase] = qualifier
    currencies = read_rows("currencies.tsv")
    month_cues = read_rows("month_cues.tsv")
    return Lexicon(
        cardinals={row[0]: Decimal(row[1]) for row in read_rows("cardinals.tsv")},
        scales={row[0]: (Decimal(row[1]), row[2]) for row in read_rows("scales.tsv")},
        latin_scales={row[0]: Decimal(row[1]) for row in read_rows("latin_scales.tsv")},
        fractions={row[0]: (_fraction(row[1]), row[2]) for row in read_rows("fractions.tsv")},
        ordinals={row[0]: int(row[1]) for row in read_rows("ordinals.tsv")},
        rank_nouns=read_words("rank_nouns.txt"),
        currencies={row[0]: row[1] for row in currencies},
        currency_factors={row[0]: Decimal(row[2]) for row in currencies if len(row) > 2},
        currency_regions={row[0]: (row[1], row[2]) for row in read_rows("currency_regions.tsv")},
        units=units,
        unit_factors={row[0]: Decimal(row[1]) for row in read_rows("unit_factors.tsv")},
        hedges_before=hedges["before"],
        hedges_after=hedges["after"],
        hedge_verbs=hedges["verb"],
        hedge_governing_verbs=hedges["governs"],
        months={row[0]: int(row[1]) for row in read_rows("months.tsv")},
        month_cues_before=frozenset(row[0] for row in month_cues if row[1] == "before"),
        month_cues_after=frozenset(row[0] for row in month_cues if row[1] == "after"),
        year_cues=frozenset(phrase for phrase, readers in read_rows("year_cues.tsv") if readers != "matching"),
        name_words=read_words("name_words.txt"),
        place_nouns=read_words("place_nouns.txt"),
        place_names=read_words("place_names.txt"),
        plan_words=read_words("plan_words.txt"),
        latin_function_words=read_words("latin_function_words.txt"),
        listing_nouns=read_words("listing_nouns.txt"),
        not_count_nouns=read_words("not_count_nouns.txt"),
        chrome_tail_markers=read_words("chrome_tail_markers.txt"),
        chrome_line_markers=read_words("chrome_line_markers.txt"),
        byline_markers=read_words("byline_markers.txt"),
        attribution_verbs=read_words("attribution_verbs.txt"),
        cues=read_roles("cues.tsv"),
    )


def read_roles(name: str) -> dict[str, frozenset[str]]:
    """role<TAB>phrase rows as {role: phrases}; the phrase (second field) is normalised too."""
    roles: dict[str, set[str]] = {}
    for role, phrase, *_ in read_raw_rows(name):
        roles.setdefault(role, set()).add(normalize(phrase))
    return {role: frozenset(phrases) for role, phrases in roles.items()}


def read_raw_rows(name: str, *, directory: Path = DATA_DIR) -> list[list[str]]:
    """Rows of a data file whose first field is a code, not a phrase: nothing is normalised."""
    return [
        [field.strip() for field in line.split("\t")]
        for line in (directory / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
