"""The learner and the shipped default: deterministic, storable, and ranking sentences it never saw."""

import pytest
from sklearn.metrics import roc_auc_score

from claims.checkworthiness.model import (
    DEFAULT_SENTENCES,
    Scorer,
    TooFewLabels,
    default_scorer,
    read_default_sentences,
    train,
)

# Written for this test, not in the training file: check-worthy statements and the rest.
UNSEEN_WORTHY = [
    "أعلنت وزارة المالية أن الدين العام بلغ 92% من الناتج المحلي في نهاية 2024.",
    "قتل 12 شخصا في حادث تصادم قطار بمحافظة سوهاج صباح الجمعة.",
    "ارتفعت أسعار الطماطم في الأسواق بنسبة 60 بالمئة خلال أسبوعين.",
    "استقال محافظ البنك المركزي من منصبه بعد خلاف مع الحكومة.",
    "قال المتحدث باسم الخارجية إن السفير استدعي للتشاور.",
    "أطلقت سامسونج هاتفها القابل للطي بسعر 1800 دولار.",
    "تناول الكركم يوميا يقضي على الخلايا السرطانية بحسب منشور متداول.",
    "وصل عدد زوار المعرض إلى 3 ملايين زائر في دورته الأخيرة.",
    "سجلت المملكة أعلى درجة حرارة في تاريخها عند 51 درجة.",
    "أصدرت المحكمة حكما بالسجن 10 سنوات على رجل الأعمال بتهمة غسل الأموال.",
]
UNSEEN_NOT = [
    "اللهم اشف مرضانا ومرضى المسلمين.",
    "ما أجمل الصباح مع فنجان قهوة.",
    "هل ستشاركون في الماراثون هذا العام؟",
    "أتمنى لكم أسبوعا موفقا.",
    "أظن أن المدرب يحتاج إلى وقت أطول.",
    "الأخلاق قبل العلم.",
    "شكرا لكل من وقف معي في هذه الأيام.",
    "تابعونا غدا في حلقة جديدة.",
    "يا ليت الأيام الحلوة ترجع.",
    "لا تيأسوا فالقادم أجمل.",
]


def test_the_training_file_is_well_formed_and_balanced():
    texts, labels = read_default_sentences()
    assert len(texts) >= 300
    assert min(labels.count(0), labels.count(1)) >= 140
    assert len(set(texts)) == len(texts), "a sentence is listed twice"


def test_the_default_ranks_unseen_sentences():
    scorer = default_scorer()
    scores = scorer.score(UNSEEN_WORTHY + UNSEEN_NOT)
    labels = [1] * len(UNSEEN_WORTHY) + [0] * len(UNSEEN_NOT)
    assert roc_auc_score(labels, scores) >= 0.85
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_training_is_deterministic_and_survives_storage():
    texts, labels = read_default_sentences()
    first, second = train(texts, labels), train(texts, labels)
    probe = UNSEEN_WORTHY[:3] + UNSEEN_NOT[:3]
    assert first.score(probe) == second.score(probe)
    restored = Scorer.from_bytes(first.to_bytes())
    assert restored.score(probe) == pytest.approx(first.score(probe))
    assert restored.training_size == len(texts)
    assert len(first.to_bytes()) < 5_000_000


def test_training_refuses_a_single_class():
    with pytest.raises(TooFewLabels):
        train(UNSEEN_WORTHY, [1] * len(UNSEEN_WORTHY))


def test_a_bad_training_line_is_reported_with_its_number(tmp_path):
    path = tmp_path / "sentences.tsv"
    path.write_text("# comment\n1\tبلغ العجز 5%.\nنعم\tجملة بلا تصنيف\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"sentences.tsv:3"):
        read_default_sentences(path)


def test_the_shipped_file_is_the_default_path():
    assert DEFAULT_SENTENCES.name == "training_sentences.tsv" and DEFAULT_SENTENCES.exists()


def test_scoring_nothing_is_nothing():
    assert default_scorer().score([]) == []
    assert default_scorer().auc(["جملة"], [1]) is None
