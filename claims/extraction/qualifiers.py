"""Qualifiers: what the words around a figure say about it (hedges.tsv).

A hedge before the figure ("نحو", "أكثر من", "لا يقل عن", ">="), after it ("تقريبا", "أو أكثر", "على
الأقل"), a hedging verb before it across a short subject ("تجاوزت الإيرادات 5 مليارات"), or a verb and the
preposition it governs around a subject of up to five words ("ألا تقل استثماراتها في المشروع عن 1%"). The longest
phrase wins, so a negated comparative ("لا أقل من" → at_least) beats the comparative inside it, and
"أقل من 5 أو يساوي" turns less_than into at_most ("or_equal" after the figure). "يصل/تصل إلى" (qualifier
"reach" in the data) is at_most after a noun of cap_nouns.txt or a modal ("غرامة تصل إلى", "قد تصل إلى"), else
the level reached, exact ("ويصل طوله إلى 37 كيلو مترا").
"""

from __future__ import annotations

import re

from claims.extraction.lexicon import lexicon, phrase_pattern, read_words
from claims.extraction.tokens import ANY_PREFIX, CONJUNCTIONS, PREPOSITIONS, noun_stems, readings, words_back

LEX = lexicon()
OR_EQUAL = "or_equal"
_INCLUSIVE = {"more_than": "at_least", "less_than": "at_most"}
_BOUNDS = ("at_least", "at_most")

_WORD_HEDGES = [phrase for phrase in LEX.hedges_before if phrase[0].isalpha()]
_SIGN_HEDGES = [phrase for phrase in LEX.hedges_before if not phrase[0].isalpha()]
# Word hedges begin a word; comparison signs may touch what is before them ("س>10").
_BEFORE = re.compile(
    rf"(?:(?<!\w){ANY_PREFIX}(?P<phrase>{phrase_pattern(_WORD_HEDGES)})|(?P<sign>{phrase_pattern(_SIGN_HEDGES)})) ?\Z"
)
_AFTER = re.compile(rf" ?{ANY_PREFIX}(?P<phrase>{phrase_pattern(LEX.hedges_after)})(?!\w)")
_VERB = re.compile(rf"(?<!\w){ANY_PREFIX}(?P<verb>{phrase_pattern(LEX.hedge_verbs)})(?: [^\W\d]+){{0,2}} \Z")
_MINUS = re.compile(
    rf"(?:(?<!\w)(?:{phrase_pattern(LEX.cues['minus'])}) |(?<![\w.,%)$€£¢-])(?<!\d )- ?)\Z"
)
_MINUS_WORDS = LEX.cues["minus"]
# The last word of every word hedge, and every character of the sign hedges: a cheap test before the pattern.
_LAST_WORDS = frozenset(phrase.split()[-1] for phrase in _WORD_HEDGES)
_SIGN_CHARACTERS = frozenset("".join(_SIGN_HEDGES))
_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")
_WORDS_BEFORE = 6  # the longest hedge ("أكبر من أو يساوي") and an attached prefix
_VERB_WORDS = 4  # a verb and a subject of at most two words
# "تصل كلفتها إلى 40 مليار دولار": a hedge "verb إلى" of the data with its subject (one or two words) between.
_REACH_PHRASES = {tuple(p.split()): q for p, q in LEX.hedges_before.items()
                  if len(p.split()) == 2 and p.split()[1] in LEX.cues["range_to"]}
_REACH_TO = frozenset(to for _, to in _REACH_PHRASES)
_REACH = re.compile(
    rf"(?<!\w)(?P<verb>{ANY_PREFIX}(?:{phrase_pattern({verb for verb, _ in _REACH_PHRASES})}))(?: [^\W\d]+){{1,2}} "
    rf"(?P<to>{phrase_pattern({to for _, to in _REACH_PHRASES})}) \Z"
)
_ARTICLE = next(iter(LEX.cues["article"]))
# "يصل/تصل إلى" (hedges.tsv qualifier "reach"): up to after a cap noun or a modal, else the level reached.
REACH = "reach"
_CAP_NOUNS = read_words("cap_nouns.txt")
_LEVEL_NOUNS = read_words("level_nouns.txt")
_LEVEL_KEYS = frozenset(noun[:3] for noun in _LEVEL_NOUNS)
_SUBJECT_WORDS = 5
_CLAUSE_PUNCTUATION = re.compile(r"[.,،؛:!?؟()«»\"]")
_APPROACH_BEFORE = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(LEX.cues['approach'])}) \Z")
_CAP_REACH = 3  # words before the verb
_MODAL_BEFORE = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(LEX.cues['modal'])}) \Z")
_PERCENT_LEADS = frozenset(
    f"{prefix}{lead}" for lead in LEX.cues["percent_lead"] for prefix in ("", *CONJUNCTIONS, *PREPOSITIONS)
)
_PERCENT_LEAD_BEFORE = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(LEX.cues['percent_lead'])}) \Z")
_NUMBER_WORDS = phrase_pattern(set(LEX.cardinals) | set(LEX.scales))
_FIGURE_AT = re.compile(rf"{ANY_PREFIX}(?:[\d٠-٩]|(?:{_NUMBER_WORDS})(?!\w))")
_NEXT_FIGURE = re.compile(rf" (?:{phrase_pattern(LEX.cues['range_from'])}) (?:[\d٠-٩]|(?:{_NUMBER_WORDS})(?!\w))")
_OPENING_BEFORE = re.compile(r" ?[(«\"“\[] ?\Z")
# "ألا تقل استثماراتها في المشروع عن 1%": a verb and the preposition it governs (hedges.tsv, "governs"), with a
# subject of one to five words between: no figure, no punctuation, not "من" ("تزيد من" is "increases").
_GOVERNING = {(" ".join(p.split()[:-1]), p.split()[-1]): q for p, q in LEX.hedge_governing_verbs.items()}
_GOVERNED = frozenset(preposition for _, preposition in _GOVERNING)
_SUBJECT_WORD = rf" (?!(?:{_NUMBER_WORDS}|{phrase_pattern(LEX.cues['of'])})(?!\w))[^\W\d]+"
_GOVERNING_VERB = re.compile(
    rf"(?<!\w){ANY_PREFIX}(?P<verb>{phrase_pattern({verb for verb, _ in _GOVERNING})})(?:{_SUBJECT_WORD}){{1,5}} "
    rf"(?P<preposition>{phrase_pattern(_GOVERNED)}) \Z"
)
_GOVERNING_WORDS = 9  # a negation, the verb, five words of its subject and the preposition, with room to spare


def sign_before(norm: str, start: int) -> int | None:
    """Where a minus sign or a spoken minus ("سالب", "ناقص") right before `start` begins, else None."""
    head = words_back(norm, start, 1)
    if "-" not in norm[max(0, start - 2) : start] and norm[head:start].strip() not in _MINUS_WORDS:
        return None  # the common case, decided without a regex
    match = _MINUS.search(norm, words_back(norm, start, 2), start)
    return match.start() if match else None


def hedge_before(norm: str, start: int) -> tuple[str, int] | None:
    """The qualifier of a hedge phrase that ends right before `start`, and where the phrase begins."""
    last = norm[words_back(norm, start, 1) : start].strip()
    # "(حوالي 20.6": the hedge may follow a bracket or a quote (a word that starts with a letter has none)
    word = last if last[:1].isalnum() else _LEADING_PUNCTUATION.sub("", last)
    if word not in _LAST_WORDS and not any(stem in _LAST_WORDS for _, stem in readings(word)) and not (
            last and last[-1] in _SIGN_CHARACTERS):
        return None  # the word before the figure ends no hedge: decided without the hedge pattern
    match = _BEFORE.search(norm, max(0, words_back(norm, start, _WORDS_BEFORE) - 1), start)
    if match:
        whole = match.group().strip()  # with its prefix letter: "لتصل إلى" is a phrase of its own
        qualifier = LEX.hedges_before.get(whole) or LEX.hedges_before[match.group("phrase") or match.group("sign")]
        if qualifier == REACH:
            qualifier = reach_qualifier(norm, match.start(), start)
        return qualifier, match.start()
    return None


def reach_qualifier(norm: str, verb: int, start: int) -> str:
    """"غرامة تصل إلى 5000 ريال", "بسعة تصل إلى", "قد تصل إلى": at_most (up to); "ويصل طوله إلى 37 كيلو مترا",
    "خسائر تصل قيمتها إلى": exact (the level reached). `verb` is where "يصل/تصل" begins, `start` the figure."""
    if _MODAL_BEFORE.search(norm, words_back(norm, verb, 3), verb):
        return "at_most"
    for word in norm[words_back(norm, verb, _CAP_REACH) : start].split():
        if noun_stems(word) & _CAP_NOUNS:
            return "at_most"  # "غرامة", "بسعة", "سعتها", "مدته", "تمويلا"
    return "exact"


def hedge_after(norm: str, end: int) -> tuple[str, int] | None:
    """The qualifier of a hedge phrase right after `end` ("تقريبا", "أو أكثر"), and where it ends."""
    match = _AFTER.match(norm, end)
    if match and not _NEXT_FIGURE.match(norm, match.end()):
        return LEX.hedges_after[match.group("phrase")], match.end()
    return None  # "خمسة قتلى وأكثر من أربعين جريحا": "وأكثر من" is the hedge of the next figure


def _before_level_noun(norm: str, start: int) -> tuple[int, bool]:
    """"فوق مستوى 9000", "تجاوز حاجز الـ50", "مستويات الـ 193 ألف", "قرابة الـ 5 عقود": where a noun of
    level_nouns.txt or an article written apart from the digits (or both) right before the figure begins, else
    `start`; and whether a level noun was passed."""
    head = words_back(norm, start, 1)
    if norm[head:start].strip() == _ARTICLE:  # "قرابة الـ 5 عقود": the article written apart from the digits
        start = head
        head = words_back(norm, start, 1)
    word = norm[head:start].strip()
    # a level noun's first letters stand in the word whatever its prefix or ending: a test in C before the stems
    if word and any(key in word for key in _LEVEL_KEYS) and noun_stems(word) & _LEVEL_NOUNS:
        return head, True
    return start, False


def _hedge_across_subject(norm: str, level: int) -> int:
    """"لا يتجاوز النمو في أسواق 2015 عتبة 3.5 %": before a level noun, a hedge phrase may end up to
    _SUBJECT_WORDS words earlier, its subject between (no punctuation). Where that subject begins, else `level`."""
    for count in range(1, _SUBJECT_WORDS + 1):
        position = words_back(norm, level, count)
        if _CLAUSE_PUNCTUATION.search(norm, position, level):
            break
        if hedge_before(norm, position) is not None:
            # the hedge of another figure ("أكثر من ثلاثة أشخاص مستوى 9000") is not this one's
            return level if _FIGURE_AT.match(norm, position) else position
    return level


def qualifier_of(norm: str, start: int, end: int) -> str:
    """exact | approx | more_than | less_than | at_least | at_most for the figure at norm[start:end]."""
    qualifier = "exact"
    opening = _OPENING_BEFORE.search(norm, max(0, start - 3), start)
    if opening:  # "لا يتجاوز (15%)", "أكثر من «500»": a bracket or a quote between the hedge and the figure
        start = opening.start()
    elif norm.endswith(_ARTICLE, 0, start) and start > len(_ARTICLE) and norm[start - len(_ARTICLE) - 1] == " ":
        start -= len(_ARTICLE)  # "تجاوزت الـ6 أشهر": the article glued to the digits stands between
    start, level = _before_level_noun(norm, start)
    if level and hedge_before(norm, start) is None:
        start = _hedge_across_subject(norm, start)
    if level and (hedge := hedge_before(norm, start)) and _APPROACH_BEFORE.search(
            norm, words_back(norm, hedge[1], 1), hedge[1]):
        return "exact"  # "مقتربا أكثر من حاجز الـ50": closer to the level, which is the figure
    if norm[words_back(norm, start, 1) : start].strip() in _PERCENT_LEADS and (
            lead := _PERCENT_LEAD_BEFORE.search(norm, words_back(norm, start, 1), start)):
        start = lead.start()  # "نحو نسبة 35%": the hedge comes before the word that leads to a percent
    before = hedge_before(norm, start)
    if before:
        qualifier = before[0]
    elif norm[words_back(norm, start, 1) : start].strip() in _GOVERNED and (
            governed := _GOVERNING_VERB.search(norm, words_back(norm, start, _GOVERNING_WORDS), start)):
        qualifier = _GOVERNING.get((governed.group("verb"), governed.group("preposition")), qualifier)
    elif verb := _VERB.search(norm, words_back(norm, start, _VERB_WORDS), start):
        qualifier = LEX.hedge_verbs[verb.group("verb")]
    elif norm[words_back(norm, start, 1) : start].strip() in _REACH_TO and (
            reach := _REACH.search(norm, words_back(norm, start, _VERB_WORDS), start)):
        words = reach.group("verb"), reach.group("to")
        qualifier = _REACH_PHRASES.get(words) or _REACH_PHRASES.get((words[0][1:], words[1]), qualifier)
        if qualifier == REACH:  # "تصل قيمتها إلى": its subject may be the cap noun ("تصل مدتها إلى")
            qualifier = reach_qualifier(norm, reach.start("verb"), start)
    after = hedge_after(norm, end)
    if after:
        if after[0] == OR_EQUAL:
            qualifier = _INCLUSIVE.get(qualifier, qualifier)
        elif qualifier == "exact" or (qualifier == "approx" and after[0] in _BOUNDS):
            qualifier = after[0]  # "حوالي 500 أو أقل": the bound after the figure says more than the hedge
    return qualifier


_HEDGE_START = re.compile(
    rf" ?{ANY_PREFIX}(?:{phrase_pattern(set(LEX.hedges_before) | set(LEX.hedges_after))})(?!\w)"
)


def starts_hedge(norm: str, end: int) -> bool:
    """True when a hedge phrase begins right after `end` ("10 وأقل من 20"): the next word is not a noun."""
    return _HEDGE_START.match(norm, end) is not None
