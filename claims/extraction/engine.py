"""extract(): quantities found on the folded text, mapped back to the original, then grouped into claims.

The text is folded after figures.mark_bidi_decimals (same length): a decimal point followed by a bidi mark, which
normalize() drops, is first turned into the reversed-decimal joiner ("0.\u200f2" reads 2.0, like "0ر2")."""

from __future__ import annotations

from claims.extraction.claims import (
    CLAIM_THRESHOLD,
    FACTUAL_THRESHOLD,
    FoldedText,
    any_verb,
    has_social,
    hypothesis_openers,
    may_advertise,
    names_actor,
    names_someone,
    plain_words,
    said_by_heading,
    score_sentence,
    sentences,
)
from claims.extraction.figures import find_quantities, mark_bidi_decimals
from claims.extraction.normalize import fold_with_offset_map
from claims.extraction.not_figures import is_marked_verb, is_name_spelling
from claims.extraction.types import ClaimSpan, Extraction, Quantity


def extract_quantities(text: str) -> list[Quantity]:
    return _quantities(text, *fold_with_offset_map(mark_bidi_decimals(text)))


def _quantities(text: str, folded: str, offsets) -> list[Quantity]:
    quantities = []
    for found in find_quantities(folded):
        start, end = offsets[found.start], offsets[found.end]
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start or (found.kind == "count" and (is_marked_verb(text[start:end])
                                                        or is_name_spelling(text[start:end]))):
            continue  # "وألّف": the shadda, gone from the folded text, says it is a verb; "الفي" is a name
        extras = {key: value for key, value in found.extras.items() if not key.startswith("_")}
        noun_span = extras.pop("noun_span", None)
        if noun_span:
            extras["noun"] = text[offsets[noun_span[0]] : offsets[noun_span[1]]].strip()
        quantities.append(
            Quantity(start, end, text[start:end], found.kind, found.value, found.unit, found.qualifier,
                     found.precision, extras)
        )
    return quantities


def extract(text: str) -> Extraction:
    """All quantities in `text` and the check-worthy sentences that hold them (offsets into `text`)."""
    doc = FoldedText(text, *fold_with_offset_map(mark_bidi_decimals(text)))
    quantities = _quantities(text, doc.folded, doc.offsets)
    count = len(quantities)
    claims = []
    index = 0
    previous_end = 0
    openers, opener = hypothesis_openers(doc), 0
    hypothetical = False  # a worked example ("لنفترض ...") runs to the end of its paragraph
    social, adverts = has_social(doc.folded), may_advertise(doc.folded)  # once per page: most hold neither
    for start, end, folded_start, folded_end in sentences(doc):
        if openers:  # most pages open no worked example: nothing to follow
            if text.find("\n", previous_end, start) != -1:
                hypothetical = False
            previous_end = end
            while opener < len(openers) and openers[opener] < start:
                opener += 1
            hypothetical = hypothetical or (opener < len(openers) and openers[opener] < end)
        while index < count and quantities[index].start < start:
            index += 1
        held = []
        probe = index
        while probe < count and quantities[probe].start < end:
            if quantities[probe].end <= end:
                held.append(probe)
            probe += 1
        # A bare ordinal ("الثاني", not "المرتبة الثانية") is reported but does not make a sentence numeric.
        # Most sentences hold no figure: `held and` builds no list for them.
        figures = held and [quantities[i] for i in held
                            if quantities[i].kind != "ordinal" or quantities[i].extras.get("ranked")]
        # Links, @mentions and the hashtags' signs are left out of the decision (`plain_words`), not out of the span.
        raw = doc.folded[folded_start:folded_end]
        folded = plain_words(raw) if social else raw
        # Without a figure a sentence scores above zero only when it attributes an act to someone named or to
        # an actor; few do, so that is asked first.
        if not figures and not any_verb(folded) and not said_by_heading(folded):
            continue
        sentence = text[start:end]
        named = names_someone(sentence if folded is raw else plain_words(sentence))
        if not figures and not named and not names_actor(folded):
            continue
        score, kind = score_sentence(sentence, folded, figures, hypothetical, named=named, adverts=adverts)
        if score >= (CLAIM_THRESHOLD if kind == "numeric" else FACTUAL_THRESHOLD):
            claims.append(ClaimSpan(start, end, text[start:end], score, tuple(held), kind))
    return Extraction(quantities, claims)
