"""The named features: cue lists as data (normalised like the input), each cue class firing on real sentences."""

import pytest

from claims.checkworthiness.features import CUES_DIR, FEATURE_NAMES, WORD_CUES, clean_text, cue_vector, cue_words
from claims.extraction.normalize import normalize


def feature(text: str, name: str) -> float:
    return cue_vector(text)[FEATURE_NAMES.index(name)]


@pytest.mark.parametrize("name", WORD_CUES)
def test_every_cue_entry_is_stored_normalised(name):
    words = cue_words(name)
    assert words, f"{name}.txt is empty"
    assert all(normalize(word) == word for word in words)


@pytest.mark.parametrize("name", WORD_CUES)
def test_a_raw_entry_in_presentation_form_still_matches_after_normalising(name):
    raw = [line.strip() for line in (CUES_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")]
    # The file's own spelling (hamza, ta marbuta, alef maqsura) is what writers type: it must fold to an entry.
    assert all(normalize(entry) in cue_words(name) for entry in raw)


# One real sentence per cue class, with the cue behind a clitic where Arabic puts one.
CUE_SENTENCES = [
    ("hedges", "ويقال إن الوزير سيغادر منصبه قريبا."),
    ("first_person", "أنا شخصيا جربت هذا الدواء ولم ينفعني."),
    ("opinion", "للأسف يجب أن نعترف بأن الفريق لعب بشكل سيئ."),
    ("prediction", "من المتوقع أن تنخفض الأسعار في العام المقبل."),
    ("comparison", "وارتفعت الصادرات إلى أعلى مستوى منذ عقد."),
    ("time_words", "اجتمع المجلس أمس لمناقشة الموازنة."),
    ("question_words", "هل تصدق ما يقوله المسؤولون؟"),
    ("official_sources", "وقالت وزارة الصحة في بيان إن المستشفيات جاهزة."),
    ("health_harm", "يزعم المنشور أن الثوم علاج للفيروس."),
]


@pytest.mark.parametrize(("name", "sentence"), CUE_SENTENCES)
def test_each_cue_class_fires_on_its_sentence(name, sentence):
    assert feature(sentence, f"cue:{name}") > 0


@pytest.mark.parametrize("name", WORD_CUES)
def test_a_plain_statement_without_cues_does_not_fire(name):
    assert feature("نهر النيل يمر بالخرطوم", f"cue:{name}") == 0


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("ارتفع التضخم إلى 12% في مايو.", "percent"),
        ("بلغت الصادرات 75 مليار ريال.", "money"),
        ("افتتح المتحف في 4 نوفمبر 2025.", "date"),
    ],
)
def test_the_engine_figure_kinds_are_features(sentence, kind):
    assert feature(sentence, f"figure:{kind}") == 1.0
    assert feature("افتتح المتحف الجديد للزوار.", f"figure:{kind}") == 0.0


def test_quotation_question_and_tweet_furniture_are_seen():
    quoted = "قال الوزير: «لن نرفع الأسعار» في مؤتمر صحفي."
    assert feature(quoted, "quoted") == 1.0
    assert feature("لماذا ارتفعت الأسعار؟", "question_mark") == 1.0
    tweet = "شاهدوا الفيديو @قناة_الأخبار #عاجل https://example.org/v 😂"
    assert feature(tweet, "link") == 1.0 and feature(tweet, "mention") > 0 and feature(tweet, "hashtag") > 0
    assert feature(tweet, "emoji") > 0


def test_ngrams_read_links_mentions_and_digits_as_placeholders():
    cleaned = clean_text("بلغت 2024 إصابة @وزارة_الصحة https://t.co/abc #كورونا_الآن")
    assert "0000" in cleaned and "2024" not in cleaned
    assert "t.co" not in cleaned and "وزاره_الصحه" not in cleaned
    assert "كورونا الان" in cleaned


@pytest.mark.parametrize("text", ["", "   ", "😂😂😂", "ولا يقل عن", "\u200f\u200e", "x" * 5000])
def test_odd_input_gives_features_never_an_error(text):
    values = cue_vector(text)
    assert len(values) == len(FEATURE_NAMES)
    assert all(0.0 <= v <= 1.0 for v in values)
