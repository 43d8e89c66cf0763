"""Claims without a figure: an institution or office holder named by its noun, with an attribution verb."""

import pytest

from claims.extraction import extract, normalize
from claims.extraction.claims import names_actor
from claims.extraction.lexicon import DATA_DIR, read_words

ACTOR_NOUNS = sorted(read_words("actor_nouns.txt"))


def test_actor_nouns_are_stored_normalised():
    raw = [line.strip() for line in (DATA_DIR / "actor_nouns.txt").read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")]
    assert {normalize(entry) for entry in raw} == set(ACTOR_NOUNS)


@pytest.mark.parametrize("noun", ACTOR_NOUNS)
def test_every_actor_noun_is_found_with_the_article_and_a_clitic(noun):
    assert names_actor(noun) and names_actor("وال" + noun) and names_actor("ب" + noun)


@pytest.mark.parametrize(
    "sentence",
    [
        "أعلنت وزارة الصحة إغلاق المدارس في العاصمة.",
        "وقال المتحدث باسم الجيش إن القوات انسحبت من المدينة.",
        "أصدرت المحكمة حكما ببراءة الصحفي.",
        "كشفت الشركة عن هاتفها الجديد في حفل بالرياض.",
        "ونفت السفارة صحة الأنباء عن إغلاق أبوابها.",
        "وأكد محافظ البنك المركزي أن العملة مستقرة.",
    ],
)
def test_an_attributed_act_of_an_institution_is_a_factual_claim(sentence):
    claims = extract(sentence).claims
    assert [(c.text, c.kind) for c in claims] == [(sentence, "factual")]


@pytest.mark.parametrize(
    "sentence",
    [
        "الحكومة فاشلة ولا تعرف ما تفعل.",  # an institution, no attribution: an opinion
        "هل أعلنت الوزارة موعد الامتحانات؟",  # a question
        "لو أعلنت الحكومة استقالتها لتغير كل شيء.",  # a conditional
        "قال لي صديقي إن الفيلم جميل.",  # attribution without an institution or a name
        "أعلن شركاؤنا عن سعادتهم بالتعاون.",  # شركاء is not شركة
    ],
)
def test_other_sentences_without_a_figure_are_not_claims(sentence):
    assert extract(sentence).claims == []
