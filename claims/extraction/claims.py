"""Sentences, page chrome and check-worthiness, on the original text.

A claim is a sentence outside page chrome that holds a specific figure or date (scored by kind,
size and context), or, with a lower score, a sentence that attributes an act or a statement to a
named actor. Listing counts ("هناك 3 عناصر"), illustrative numbers and rhetorical questions stay out.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from claims.extraction.lexicon import lexicon, phrase_pattern, read_words
from claims.extraction.normalize import normalize
from claims.extraction.tokens import CONJUNCTIONS, LOOSE_WORD_LEAD, PREPOSITIONS, is_word_char
from claims.extraction.types import Quantity

LEX = lexicon()
CLAIM_THRESHOLD = 0.5
FACTUAL_THRESHOLD = 0.4

# A sentence runs to a stop that is not a decimal point nor the dot inside a link or a Latin name ("t.co/x",
# "www.site.com", "Ad26.COV2": a dot before a digit, a Latin letter or "/"). Written as "plain run, then
# (inner dot, plain run)*" rather than "(plain char | inner dot)*": same matches, four times faster in `re`.
# A stop takes the line break right after it, and no match starts at the end of the range: the lone line break
# and the empty match at the end of each line were a third of the matches, all dropped by `sentences`.
_SENTENCE = re.compile(
    r"(?=[\s\S])[^\n.!?؟؛…]*(?:\.(?=[0-9A-Za-z/])[^\n.!?؟؛…]*)*(?:(?:\.(?![0-9A-Za-z/])|[!?؟؛…])+\n?|\n|$)"
)
_LINE = re.compile(r"[^\n]*\n?")
_BULLETS = "•*-–#>·▪●"  # stripped, with spaces, from the start of a sentence
_TEASER_ENDS = ("...", "…")
# Counter lines: only symbols and digits, "منذ 16 س", "0/400". Three patterns rather than one
# alternation so the anchored ones are tried once and the search runs only when "منذ" is there.
_SYMBOLS_ONLY = re.compile(r"[\W\d_]*")
_AGO_WORD = next(iter(LEX.cues["ago"]))
_AGO_LEAD = _AGO_WORD + " "
_AGO = re.compile(rf"{_AGO_WORD} \d+ ?(?:{phrase_pattern(LEX.cues['ago_unit'])})\b")
_PAGE_COUNTER = re.compile(r"\W*\d+/\d+\W*")
# Led by the newline, so `re` skips from line to line in C.
_TAIL_LINE = re.compile(
    rf"\n[^\w\n]*(?:(?:{phrase_pattern(LEX.chrome_tail_markers)})(?!\w)(?P<rest>[^\n]*)|0/\d{{2,4}}[^\w\n]*(?=\n|\Z))"
)
# Bylines: a city and a dash with a "|" on the line ("بكين – وكالات | 17 أبريل 2025"), or a marker and a colon.
_DATELINE = re.compile(r"[^\W\d]+(?: [^\W\d]+)? [–-] .*\|")
_BYLINE_MARKER = re.compile(rf"(?<!\w)(?:{phrase_pattern(LEX.byline_markers)}) ?:")
_LINE_MARKER = re.compile(rf"(?<!\w)(?:{phrase_pattern(LEX.chrome_line_markers)})(?!\w)")
# Every branch starts with a letter, so `re` skips ahead in C when it scans the page.
_HYPOTHETICAL = re.compile(phrase_pattern(LEX.cues["hypothesis"]))
_HYPOTHESIS_CUES = tuple(LEX.cues["hypothesis"])
_EXAMPLE = re.compile(phrase_pattern(LEX.cues["example"]))
# An attribution verb at a word start, after at most و or ف; led by the non-word character before the
# word (the sentence is searched with a space in front) so `re` skips from word start to word start.
# The prefix letters are spelled out in the trie, as in numbers.scan_page: a word start costs one walk down
# the trie instead of one per way of reading its first letter as a prefix. Only whether it matches is used.
_ATTRIBUTION_WORDS = {prefix + verb for prefix in ("", *CONJUNCTIONS) for verb in LEX.attribution_verbs}
# Led by LOOSE_WORD_LEAD: `attributed` drops a match whose lead is a word character.
_ATTRIBUTION = re.compile(rf"{LOOSE_WORD_LEAD}(?:{phrase_pattern(_ATTRIBUTION_WORDS)})(?!\w)")
# Verbs of an act ("تعلن", "بدأت", "دشنت"): an attribution only with an actor named by its noun or its name.
_ACTION_WORDS = {prefix + verb for prefix in ("", *CONJUNCTIONS) for verb in read_words("action_verbs.txt")}
_ACTION = re.compile(rf"{LOOSE_WORD_LEAD}(?:{phrase_pattern(_ACTION_WORDS)})(?!\w)")
# Either kind, in one scan: most sentences hold neither, and are done with after it.
_VERB = re.compile(rf"{LOOSE_WORD_LEAD}(?:{phrase_pattern(_ATTRIBUTION_WORDS | _ACTION_WORDS)})(?!\w)")
_CONDITIONAL = re.compile(rf"\W*[{CONJUNCTIONS}]?(?:{phrase_pattern(LEX.cues['conditional'])})(?!\w)")
# An institution or office holder named by its noun ("وزارة الصحة", "المتحدث باسم الجيش"), on folded text.
# Led by LOOSE_WORD_LEAD like _ATTRIBUTION (`names_actor` drops a match led by a word character).
# Spelled out in the trie as well: any one prefix letter, then the article or not, then the noun.
# Countries, cities and organisations known by their own name act too ("روسيا تعلن"): with a prefix, no article added.
_ACTOR_WORDS = {
    prefix + article + noun
    for prefix in ("", *CONJUNCTIONS, *PREPOSITIONS)
    for article in ("", *LEX.cues["article"])
    for noun in read_words("actor_nouns.txt")
} | {prefix + name for prefix in ("", *CONJUNCTIONS, *PREPOSITIONS) for name in read_words("actor_names.txt")}
_ACTOR = re.compile(rf"{LOOSE_WORD_LEAD}(?:{phrase_pattern(_ACTOR_WORDS)})(?!\w)")
# Two Latin letters in a row, or a quotation mark. Led by one character class so `re` can skip to
# candidates in C (the plain alternation tried both branches at every position).
_NAMED = re.compile(r"[A-Za-z\"“«](?:(?<=[\"“«])|[A-Za-z])")
# What a post wraps around its sentence: links, @mentions, and the sign and underscores of #hashtags. The sentence
# decision (attribution, actor, name) reads the words without them ("#وزارة_الصحة تعلن ... https://t.co/x" reads
# "وزارة الصحة تعلن ..."): a link's letters name no one, a hashtag's words can be the actor. Spans are not moved.
_SOCIAL = re.compile(r"(?:https?://|www\.|@)\S+|#")
_SOCIAL_LEADS = ("#", "@", "_", "http", "www.")  # a substring test for each, in C, before the pattern
_SOCIAL_CUT = str.maketrans("_", " ")
# A call to buy, order or book ("اطلب الآن", "توصيل مجاني"): the sentence is an advertisement, not a claim.
_ADVERT_MARKERS = read_words("advert_markers.txt")
_ADVERT = re.compile(rf"{LOOSE_WORD_LEAD}[{CONJUNCTIONS}]?(?:{phrase_pattern(_ADVERT_MARKERS)})(?!\w)")
# Every marker ends with one of these words: a substring test for each, in C, before the pattern scans the sentence.
_ADVERT_KEYS = tuple({marker.split()[-1] for marker in _ADVERT_MARKERS})
# A headline's attribution by a colon: an actor in the first words, then ":" within a few more ("وزارة الصحة:
# تسجيل 309 إصابات", "رئيس الشركة فلان الفلاني: ...").
_HEADING_WORDS = 10
_HEADING_ACTOR_WORDS = 4
# How far from a verb of an act its actor may stand: in "أعلنت أمس رسميا وزارة الصحة" it is the third word.
_SUBJECT_WORDS = 3


class FoldedText:
    """The original text with its folded form, so spans of one can be read in the other."""

    def __init__(self, text: str, folded: str, offsets):
        self.text, self.folded, self.offsets = text, folded, offsets

    def folded_index(self, original: int) -> int:
        return self.offsets.folded_index(original)


def chrome_start(doc: FoldedText) -> int:
    """Where the page's tail (comments, related links, disclaimers) begins; len(text) if none.

    A tail line opens with a marker and holds little else: "التعليقات (5)" is one, an inline
    "اقرأ أيضا: <headline>" between two paragraphs is not.
    """
    start = max(0, doc.folded_index(len(doc.text) * 3 // 10) - 1)
    for line in _TAIL_LINE.finditer(doc.folded, start):
        rest = line.group("rest")
        if rest is None or len(rest.split(None, 5)) <= 4:
            return doc.offsets[line.start() + 1]
    return len(doc.text)


def is_counter_line(folded: str) -> bool:
    if folded[:1].isalpha():  # most lines: a letter first is neither symbols and digits only nor a page counter
        return _AGO_LEAD in folded and _AGO.search(folded) is not None
    return bool(
        _SYMBOLS_ONLY.fullmatch(folded)
        or (_AGO_LEAD in folded and _AGO.search(folded))
        or _PAGE_COUNTER.fullmatch(folded)
    )


def is_chrome_line(folded: str) -> bool:
    """Page chrome on one line of folded text: empty, a teaser ending in "...", a counter, a byline, a button."""
    folded = folded.strip()
    if not folded:
        return True
    if folded.endswith(_TEASER_ENDS) or is_counter_line(folded):
        return True
    # maxsplit: a long paragraph need not be cut into all its words to know it has more than twelve
    words = len(folded.split(None, 12))
    if words > 12:
        return False
    if _DATELINE.match(folded) or _BYLINE_MARKER.search(folded):
        return True
    return words <= 8 and _LINE_MARKER.search(folded) is not None


def sentences(doc: FoldedText) -> list[tuple[int, int, int, int]]:
    """Sentence spans, trimmed of surrounding spaces and bullets, skipping page chrome: (start, end) in the
    original text, then the same span in the folded text."""
    text, offsets = doc.text, doc.offsets
    index = offsets.folded_index
    spans = []
    # Lines are judged on the folded text (no slicing per line); sentences are cut on the original.
    # Lines follow each other without a gap: the end of one, mapped to the original, is the start of the next.
    line_end = offsets[0]
    for line in _LINE.finditer(doc.folded, 0, doc.folded_index(chrome_start(doc))):
        line_start, line_end = line_end, offsets[line.end()]
        if is_chrome_line(line.group()):
            continue
        # Up to the first folding edit in the line (`run_end`), folded and original indexes differ by a shift:
        # a sentence that ends before it needs no search of the offset map.
        shift = line.start() - line_start
        run_end = offsets.run_end(line.start())
        for sentence in _SENTENCE.finditer(text, line_start, line_end):
            body = sentence.group()
            if len(body) < 3:
                continue  # the line break, or the empty match at the end of the line
            # str.strip() strips what str.isspace() calls a space, in C
            head = body.lstrip()
            while head and head[0] in _BULLETS:
                head = head.lstrip(_BULLETS).lstrip()
            kept = head.rstrip()
            if len(kept) >= 3:
                start = sentence.start() + len(body) - len(head)
                end = start + len(kept)
                if end + shift < run_end:
                    spans.append((start, end, start + shift, end + shift))
                else:
                    spans.append((start, end, index(start), index(end)))
    return spans


def quantity_weight(quantity: Quantity) -> float:
    """How much one figure makes its sentence worth checking."""
    kind, value = quantity.kind, quantity.value
    if kind in ("money", "percent", "multiplier", "measure"):
        return 0.9
    if kind == "fraction":
        return 0.7
    if kind == "date":
        # a full date, a year, anything else (a month, with or without its year or day: "--05", "2024-05")
        return 0.75 if len(value) >= 10 else 0.55 if value.isdigit() else 0.45
    if kind == "duration":
        return 0.55 if value >= 1 and value == value.to_integral_value() else 0.35
    if kind == "ordinal":
        return 0.6 if quantity.extras.get("ranked") else 0.2  # a ranking ("المرتبة الثانية"), or just "الثاني"
    noun = _normalized_noun(quantity.extras.get("noun", ""))
    if isinstance(value, Decimal) and abs(value) >= 1000:
        return 0.85
    if noun in LEX.listing_nouns:
        return 0.1
    return 0.4 if noun else 0.25


# Counted nouns repeat across a page and a corpus: normalising each once saves a page-length pass per figure.
_normalized_noun = lru_cache(maxsize=4096)(normalize)


def _at_word_start(pattern: re.Pattern, folded: str) -> bool:
    """A match of a pattern led by LOOSE_WORD_LEAD whose lead is not a word character (a whole word's start)."""
    padded = " " + folded
    match = pattern.search(padded)
    while match is not None and is_word_char(padded[match.start()]):
        match = pattern.search(padded, match.start() + 1)
    return match is not None


def attributed(folded: str) -> bool:
    """An attribution verb in folded text ("قال", "أعلنت"): without a figure, a sentence scores only with one."""
    return _at_word_start(_ATTRIBUTION, folded)


def any_verb(folded: str) -> bool:
    """An attribution verb or a verb of an act ("تعلن", "دشنت": it attributes only with its actor, see
    `acted_by_actor`) in folded text, in one scan."""
    return _at_word_start(_VERB, folded)


def acted_by_actor(folded: str) -> bool:
    """A verb of an act with an actor as its subject: named within `_SUBJECT_WORDS` words before the verb (a
    headline: "روسيا تعلن", "#وزارة_الصحة تبدأ") or after it ("دشنت الهيئة", "وافقت اليوم وزارة الصحة")."""
    padded = " " + folded
    for match in _ACTION.finditer(padded):
        if is_word_char(padded[match.start()]):
            continue
        before = padded[: match.start() + 1].rsplit(None, _SUBJECT_WORDS)
        after = padded[match.end() :].split(None, _SUBJECT_WORDS)
        if names_actor(" ".join(before[-_SUBJECT_WORDS:] + after[:_SUBJECT_WORDS])):
            return True
    return False


def said_by_actor(folded: str, named: bool, verb: bool) -> bool:
    """The sentence attributes what it says to someone: an attribution verb (`verb`, as `attributed` says) with a
    name (`named`) or an actor, an act of an actor (`acted_by_actor`), or an actor's heading ("روسيا: ...")."""
    return (verb and (named or names_actor(folded))) or said_by_heading(folded) or acted_by_actor(folded)


def may_advertise(folded: str) -> bool:
    """Whether folded text holds a word every call to buy ends with: asked once per page."""
    return any(key in folded for key in _ADVERT_KEYS)


def advertises(folded: str) -> bool:
    """A call to buy, order or book in folded text ("اطلب الآن", "توصيل مجاني"): an advertisement."""
    return may_advertise(folded) and _at_word_start(_ADVERT, folded)


def has_social(text: str) -> bool:
    """Whether text may hold a link, an @mention or a #hashtag: asked once per page, so that a page without
    any (most news pages) asks nothing of its sentences."""
    return any(lead in text for lead in _SOCIAL_LEADS)


def plain_words(text: str) -> str:
    """`text` without links and @mentions, its hashtags read as words; the text itself when it holds none."""
    for lead in _SOCIAL_LEADS:
        if lead in text:
            return _SOCIAL.sub(" ", text).translate(_SOCIAL_CUT)
    return text


def said_by_heading(folded: str) -> bool:
    """An actor in the first words of folded text, then a colon: "روسيا: ..." is attributed to Russia."""
    if ":" not in folded:
        return False
    words = folded.partition(":")[0].split(None, _HEADING_WORDS)
    return len(words) <= _HEADING_WORDS and names_actor(" ".join(words[:_HEADING_ACTOR_WORDS]))


def names_someone(text: str, start: int = 0, end: int | None = None) -> bool:
    """A Latin name or a quotation in text[start:end] (read on the original text)."""
    return _NAMED.search(text, start, len(text) if end is None else end) is not None


def names_actor(folded: str) -> bool:
    """An institution or office holder, or a country, city or organisation by its name, in folded text: with an
    attribution verb or as the subject of an act, a factual claim."""
    return _at_word_start(_ACTOR, folded)


def hypothesis_openers(doc: FoldedText) -> list[int]:
    """Where a worked example opens ("لنفترض أن شركة صغيرة..."), as original offsets, in order: one scan
    of the folded page, so sentences without figures (never scored) can open an example too."""
    # A substring test per cue runs in C at memory speed; the pattern, tried at every letter its cues begin
    # with, costs as much as a whole digit scan. Most pages hold no cue at all.
    if not any(cue in doc.folded for cue in _HYPOTHESIS_CUES):
        return []
    return [doc.offsets[match.start()] for match in _HYPOTHETICAL.finditer(doc.folded)]


def score_sentence(
    text: str,
    folded: str,
    held: list[Quantity],
    hypothetical: bool = False,
    *,
    named: bool | None = None,
    adverts: bool = True,
) -> tuple[float, str]:
    """Check-worthiness in [0, 1] and the claim kind: "numeric" with figures, else "factual".

    `hypothetical`: the sentence opens a worked example or continues one opened earlier in its paragraph.
    `named`: `names_someone(text)`, when the caller has already asked.
    `adverts`: False when `may_advertise` said the sentence's page holds no advertisement.
    """
    if named is None:
        named = names_someone(text)
    score, kind = 0.0, "factual"
    if held:
        weights = sorted((quantity_weight(q) for q in held), reverse=True)
        score = weights[0] + 0.05 * (len(weights) > 1 and weights[1] >= 0.4)
        verb = attributed(folded)
        bonus = named or verb
        if bonus:
            score += 0.1
        kind = "numeric"
        # An actor's act lifts a figure too weak alone: "#الداخلية تعلن ضبط 12 مطلوبا" is a numeric claim, and
        # "#الصحة تعلن تسجيل (51) حالة" (a bare number) still a factual one. Asked only when it can matter.
        if score < CLAIM_THRESHOLD and said_by_actor(folded, named, verb):
            score += 0.0 if bonus else 0.1
            if score < CLAIM_THRESHOLD:
                score, kind = 0.45, "factual"
    elif said_by_actor(folded, named, attributed(folded)):
        score = 0.45
    if not score:
        return 0.0, kind  # penalties below can only lower a zero score
    if hypothetical or _CONDITIONAL.match(folded) or (adverts and advertises(folded)):
        score -= 0.6  # below the threshold even for a named, attributed sentence
    elif "؟" in text or "?" in text:
        score -= 0.45
    elif _EXAMPLE.search(folded):
        score -= 0.2
    return max(0.0, min(1.0, score)), kind
