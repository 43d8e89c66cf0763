"""One normalisation for everything that is compared: input text, language data, references, search.

Built on pyarabic's character tables. Folding rules:
- strip tashkeel (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel, except that a run of
  two or more tatweels between two numbers ("5 ــــــ 8%") is typed as a dash and becomes one "-";
- drop invisible format characters (bidi marks, zero-width joiners, BOM);
- presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) and full-width forms go through NFKC;
- alef with hamza/madda and alef wasla -> bare alef, hamza on waw -> waw, hamza on ya -> ya,
  alef maksura -> ya, ta marbuta -> ha;
- Arabic-Indic and Persian digits -> ASCII, the Arabic percent sign -> "%";
- Latin lowercased;
- runs of horizontal whitespace -> one space, runs holding a line break -> one "\\n".

`fold_with_offset_map` returns the folded text and an `OffsetMap`: for every folded index, the index
of the character it came from in the original, plus one trailing entry equal to len(text), so a span
[i, j) of the folded text maps back to [offsets[i], offsets[j]) of the original. Characters dropped
between two kept ones belong to the span of the next kept one, so a match ending on a letter keeps
its trailing diacritics in the original span only when they sit inside it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from pyarabic import araby

_DROPPED = (
    "".join(araby.TASHKEEL)
    + araby.TATWEEL
    + "\u0610-\u061a\u0653-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    + "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad"
)

_FOLD_TABLE: dict[int, str] = {}
for _alef in (araby.ALEF_HAMZA_ABOVE, araby.ALEF_HAMZA_BELOW, araby.ALEF_MADDA, araby.ALEF_WASLA):
    _FOLD_TABLE[ord(_alef)] = araby.ALEF
_FOLD_TABLE[ord(araby.WAW_HAMZA)] = araby.WAW
_FOLD_TABLE[ord(araby.YEH_HAMZA)] = araby.YEH
_FOLD_TABLE[ord(araby.ALEF_MAKSURA)] = araby.YEH
_FOLD_TABLE[ord(araby.TEH_MARBUTA)] = araby.HEH
_FOLD_TABLE[ord("\u06cc")] = araby.YEH  # Farsi yeh
_FOLD_TABLE[ord("\u06a9")] = araby.KAF  # keheh
_FOLD_TABLE[ord("\u066a")] = "%"
for _digit in range(10):
    _FOLD_TABLE[0x0660 + _digit] = str(_digit)  # Arabic-Indic
    _FOLD_TABLE[0x06F0 + _digit] = str(_digit)  # Persian
for _upper in range(ord("A"), ord("Z") + 1):
    _FOLD_TABLE[_upper] = chr(_upper + 32)
for _space in "\t\u00a0\u1680\u202f\u205f\u3000\r\f\v" + "".join(map(chr, range(0x2000, 0x200B))):
    _FOLD_TABLE[ord(_space)] = " "
for _newline in "\u2028\u2029\x85":
    _FOLD_TABLE[ord(_newline)] = "\n"

_SPACE = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\r\f\v"
_NEWLINE = "\n\u2028\u2029\x85"
_COMPAT = "\ufb50-\ufdff\ufe70-\ufefe\uff01-\uffef"

# Everything that changes the length of the text: a run of dropped marks, a whitespace run of two or
# more, one compatibility form. The pattern deliberately begins with a plain character class: `re`
# then skips to candidate characters in C instead of trying the pattern at every position (twice as
# fast as a leading lookahead). Which kind matched is read from the first character.
_EDITS = re.compile(
    f"[{_DROPPED}{_SPACE}{_NEWLINE}{_COMPAT}]"
    f"(?:(?<=[{_DROPPED}])[{_DROPPED}]*"
    f"|(?<=[{_SPACE}{_NEWLINE}])[{_SPACE}{_NEWLINE}]+"
    f"|(?<=[{_COMPAT}]))"
)
# Runs of the characters _EDITS starts with, of two or more, or one dropped or compatibility character: the
# page is skipped through with one lookbehind per lone space instead of three. A run of whitespace is one
# edit; any other run is split into its edits by _EDITS (the lookbehinds of _EDITS read only the character
# each consumes, so a run reads as it does inside the page).
_EDIT_RUNS = re.compile(
    f"[{_DROPPED}{_SPACE}{_NEWLINE}{_COMPAT}](?:[{_DROPPED}{_SPACE}{_NEWLINE}{_COMPAT}]+|(?<=[{_DROPPED}{_COMPAT}]))"
)
# The characters of the [_SPACE _NEWLINE] class, for a set lookup instead of a regex call per edit.
_SPACE_CHARS = frozenset(
    " \t\u00a0\u1680\u202f\u205f\u3000\r\f\v" + "".join(map(chr, range(0x2000, 0x200B))) + _NEWLINE
)
_HAS_NEWLINE = re.compile(f"[{_NEWLINE}]")
_IS_COMPAT = re.compile(f"[{_COMPAT}]")


_FOLD_PAIRS = tuple((chr(code), replacement) for code, replacement in _FOLD_TABLE.items())


def fold(text: str) -> str:
    """Character-by-character part of normalisation (no length change).

    A chain of str.replace is several times faster than str.translate with a non-ASCII table.
    """
    for char, replacement in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text


_DROPPED_RUN = re.compile(f"[{_DROPPED}]+")


def _compat(char: str) -> str:
    return _DROPPED_RUN.sub("", unicodedata.normalize("NFKC", char)).replace("\n", " ")


class OffsetMap:
    """The folded -> original index map of `fold_with_offset_map`, stored as runs instead of one int per character.

    Run k starts at folded index `folded_starts[k]` and original index `original_starts[k]`; inside a run
    both advance together. The last run is the end sentinel (len(folded) -> len(text)). Building a list
    of one int per character was the single largest cost of normalising a long page.
    """

    __slots__ = ("folded_starts", "original_starts")

    def __init__(self, folded_starts: list[int], original_starts: list[int]):
        self.folded_starts, self.original_starts = folded_starts, original_starts

    def __getitem__(self, folded: int) -> int:
        """The original index of folded index `folded` (0 <= folded <= len(folded text))."""
        run = bisect_right(self.folded_starts, folded) - 1
        return self.original_starts[run] + folded - self.folded_starts[run]

    def run_end(self, folded: int) -> int:
        """Where the run holding folded index `folded` ends: up to there (exclusive) both indexes advance together."""
        folded_starts = self.folded_starts
        run = bisect_right(folded_starts, folded)
        return folded_starts[run] if run < len(folded_starts) else folded + 1

    def folded_index(self, original: int) -> int:
        """The first folded index whose original index is >= `original` (bisect_left over the offsets list)."""
        folded_starts, original_starts = self.folded_starts, self.original_starts
        run = bisect_left(original_starts, original)
        if run == len(original_starts):
            return folded_starts[-1] + 1
        if run:
            inside = original - original_starts[run - 1]
            if inside < folded_starts[run] - folded_starts[run - 1]:
                return folded_starts[run - 1] + inside
        return folded_starts[run]

_TATWEEL_DASH_MIN = 2  # tatweels in a run read as a dash: one alone ends an article ("الـ 36")


def _is_tatweel_dash(text: str, start: int, end: int) -> bool:
    """A run of `_TATWEEL_DASH_MIN` or more tatweels (and nothing else) with a digit or "%" as the nearest
    character before it and a digit as the nearest after it, spaces aside: typed as a dash between two numbers."""
    if end - start < _TATWEEL_DASH_MIN or text.count(araby.TATWEEL, start, end) != end - start:
        return False
    before = text[max(0, start - 3) : start].rstrip()
    after = text[end : end + 3].lstrip()
    return bool(before) and bool(after) and (before[-1].isdigit() or before[-1] in "%\u066a") and after[0].isdigit()


def fold_with_offset_map(text: str) -> tuple[str, OffsetMap]:
    """The folded text (leading and trailing whitespace kept, collapsed, so offsets stay simple) and
    its `OffsetMap`."""
    if not isinstance(text, str):
        raise TypeError("fold_with_offset_map() expects str")
    pieces: list[str] = []
    folded_starts: list[int] = []
    original_starts: list[int] = []
    size = 0  # length of the folded text so far

    def map_next(original: int) -> None:
        """Map folded index `size` to `original`, opening a new run only where the current one breaks."""
        if not folded_starts or original_starts[-1] + size - folded_starts[-1] != original:
            folded_starts.append(size)
            original_starts.append(original)

    last = 0
    for run in _EDIT_RUNS.finditer(text):
        for match in (run,) if run.group().isspace() else _EDITS.finditer(text, *run.span()):
            start, end = match.span()
            if start > last:
                pieces.append(text[last:start])
                map_next(last)
                size += start - last
            edit = match.group()
            if edit[0] in _SPACE_CHARS:
                pieces.append("\n" if _HAS_NEWLINE.search(edit) else " ")
                map_next(start)
                size += 1
            elif edit[0] == araby.TATWEEL and _is_tatweel_dash(text, start, end):
                pieces.append("-")  # "( 1ـــــ 3% )", "5 ــــــ 8%": a long tatweel between numbers is a dash
                map_next(start)
                size += 1
            elif _IS_COMPAT.match(edit):
                for char in _compat(edit):  # every character of the expansion maps to the same original one
                    pieces.append(char)
                    map_next(start)
                    size += 1
            last = end
    if last < len(text):
        pieces.append(text[last:])
        map_next(last)
        size += len(text) - last
    folded_starts.append(size)
    original_starts.append(len(text))
    return fold("".join(pieces)), OffsetMap(folded_starts, original_starts)


def normalize(text: str) -> str:
    """The comparable form of `text` (see the module docstring); stripped at both ends."""
    folded, _ = fold_with_offset_map(text)
    return folded.strip()
