"""Words of the folded text: their attached prefixes, where they begin, and context measured in words.

The page is tokenised once, by `numbers.scan_page`: one scan of the word starts (led by the class of
`WORD_LEAD`) and the digit starts, with every recogniser's words in one trie and the prefix letters of
cues.tsv (و ف, then ب ل) spelled out, so a word is found with its clitics in one walk. Recognisers then
read the context of a figure in words, never in characters: `words_back(norm, start, n)` is where the
n-th word before `start` begins, the left edge of the window a cue pattern is searched in.
`readings(word)` splits the prefix letters off a word in every way the letters allow, so a recogniser
looks stems up in its own data.
"""

from __future__ import annotations

from functools import lru_cache

from claims.extraction.lexicon import lexicon

LEX = lexicon()
CONJUNCTIONS = "".join(sorted(LEX.cues["conjunction_prefix"]))
PREPOSITIONS = "".join(sorted(LEX.cues["preposition_prefix"]))
# The optional prefix letters before a word, as a regex fragment: "[وف]?[بل]?".
PREFIXES = f"[{CONJUNCTIONS}]?[{PREPOSITIONS}]?"
ANY_PREFIX = f"[{CONJUNCTIONS}{PREPOSITIONS}]?"
# Where a word can begin: a character that is not a letter or digit. The class is a superset of \W checked
# by ranges (\W costs four Unicode table lookups per character); the lookbehind makes it exact. Led by a
# consumed character class, a pattern lets `re` skip in C to the few places where it can match.
WORD_LEAD = "[^\u0621-\u064aa-z0-9](?<!\\w)"
# WORD_LEAD without its lookbehind, which costs a third of a scan of word starts: for a pattern whose
# caller drops a match led by a word character (`is_word_char`; rare: "_", digits or letters of other scripts).
LOOSE_WORD_LEAD = "[^\u0621-\u064aa-z0-9]"


_ARTICLE = next(iter(LEX.cues["article"]))
_LAM = _ARTICLE[1]  # the article's lam, also the preposition ل


def lam_forms(words) -> dict[str, str]:
    """The words of `words` that begin with the article, written after the preposition ل, which drops the
    article's alef ("للثالث", "وللحادي"), optionally after و/ف: {written form: word}."""
    return {conjunction + _LAM + word[1:]: word
            for word in words if word.startswith(_ARTICLE) for conjunction in ("", *CONJUNCTIONS)}


def is_word_char(char: str) -> bool:
    """What `\\w` matches: a letter, a digit or "_"."""
    return char.isalnum() or char == "_"


def readings(word: str) -> list[tuple[str, str]]:
    """(prefix, stem) pairs of `word`: the word itself first, then with و/ف and ب/ل taken off."""
    result = [("", word)]
    rest, prefix = word, ""
    if len(rest) > 2 and rest[0] in CONJUNCTIONS:
        prefix, rest = rest[0], rest[1:]
        result.append((prefix, rest))
    if len(rest) > 2 and rest[0] in PREPOSITIONS:
        result.append((prefix + rest[0], rest[1:]))
    return result


_PRONOUNS = ("هما", "هم", "ها", "ه")  # folded
_FEMININE, _TA_MARBUTA, _ACCUSATIVE = "ت", "ه", "ا"  # "قيمتها" → "قيمة" (ة folds to ه), "تمويلا" → "تمويل"


def noun_stems(word: str) -> set[str]:
    """The stems a noun of the text can be looked up by: without its prefix letters, its article, an attached
    pronoun ("مبيعاتهم" → "مبيعات", "سعتها" → "سعة") or the accusative alif ("تمويلا")."""
    stems = set()
    for _, stem in readings(word):
        if stem.startswith(_ARTICLE) and len(stem) > len(_ARTICLE) + 1:
            stem = stem[len(_ARTICLE) :]
        stems.add(stem)
        if stem.endswith(_ACCUSATIVE):
            stems.add(stem[:-1])
        for pronoun in _PRONOUNS:
            if stem.endswith(pronoun) and len(stem) > len(pronoun) + 1:
                bare = stem[: -len(pronoun)]
                stems.add(bare)
                if bare.endswith(_FEMININE):
                    stems.add(bare[:-1] + _TA_MARBUTA)
    return stems


@lru_cache(maxsize=4096)  # several recognisers ask for the same window; a str caches its own hash
def words_back(norm: str, start: int, count: int) -> int:
    """Where the `count`-th word before `start` begins (0 at the start of the text); stops at a line break."""
    position = start
    for _ in range(count):
        space = norm.rfind(" ", 0, max(position - 1, 0))
        if space < 0:
            position = 0
            break
        position = space + 1
    line = norm.rfind("\n", position, start)
    return line + 1 if line >= 0 else position
