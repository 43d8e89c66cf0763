"""The learner: word and character n-grams, the named cues and the sentence's meaning (a multilingual
sentence vector), a logistic regression, calibrated.

Everything is deterministic (no random state is drawn): the same labelled texts always give the
same model, so the shipped default is rebuilt from its data file instead of being stored as a pickle.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

import joblib
import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import FeatureUnion, Pipeline

from claims.checkworthiness.features import CueFeatures, clean_text
from claims.checkworthiness.meaning import SentenceMeaning
from claims.extraction.types import Extraction

DEFAULT_SENTENCES = Path(__file__).parent / "data" / "training_sentences.tsv"
# Bounds that keep a newsroom retrain small in memory and time whatever the label count.
MAX_WORD_FEATURES = 30_000
MAX_CHAR_FEATURES = 60_000
CALIBRATION_FOLDS = 3
# The sentence vector's block is scaled up against the n-grams and cues: with a few hundred labels the
# meaning generalises where words cannot (measured in docs/claims.md: weight 2 ranks CT22 1B at 0.78
# against 0.69 for n-grams alone, and costs little once thousands of newsroom labels arrive).
MEANING_WEIGHT = 2.0


class TooFewLabels(ValueError):
    """Training needs both classes, each at least CALIBRATION_FOLDS times."""


def build_pipeline() -> Pipeline:
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(preprocessor=clean_text, ngram_range=(1, 2), sublinear_tf=True,
                                      max_features=MAX_WORD_FEATURES)),
            ("chars", TfidfVectorizer(preprocessor=clean_text, analyzer="char_wb", ngram_range=(2, 5),
                                      sublinear_tf=True, min_df=2, max_features=MAX_CHAR_FEATURES)),
            ("cues", CueFeatures()),
            ("meaning", SentenceMeaning()),
        ],
        transformer_weights={"meaning": MEANING_WEIGHT},
    )
    learner = LogisticRegression(C=2.0, class_weight="balanced", max_iter=2000)
    # Sigmoid calibration on folds of the training data: the score reads as a probability.
    return Pipeline([("features", features), ("learner", CalibratedClassifierCV(learner, cv=CALIBRATION_FOLDS))])


class Scorer:
    """A trained model: `score(texts)` gives the probability that each text is worth checking."""

    def __init__(self, pipeline: Pipeline, training_size: int):
        self.pipeline = pipeline
        self.training_size = training_size

    def score(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        return [float(p) for p in self.pipeline.predict_proba(list(texts))[:, 1]]

    def auc(self, texts: Sequence[str], labels: Sequence[int]) -> float | None:
        """ROC-AUC on labelled texts; None when they hold only one class (no ranking to judge)."""
        if len(set(labels)) < 2:
            return None
        return float(roc_auc_score(labels, self.score(texts)))

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        joblib.dump({"pipeline": self.pipeline, "training_size": self.training_size}, buffer, compress=3)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> Scorer:
        stored = joblib.load(io.BytesIO(data))
        return cls(stored["pipeline"], stored["training_size"])


def train(texts: Sequence[str], labels: Sequence[int]) -> Scorer:
    labels = [int(label) for label in labels]
    counts = np.bincount(labels, minlength=2)
    if len(counts) != 2 or counts.min() < CALIBRATION_FOLDS:
        raise TooFewLabels(f"need at least {CALIBRATION_FOLDS} texts of each class, got {counts.tolist()}")
    pipeline = build_pipeline()
    pipeline.fit(list(texts), labels)
    return Scorer(pipeline, len(labels))


def read_default_sentences(path: Path = DEFAULT_SENTENCES) -> tuple[list[str], list[int]]:
    """The project's own labelled sentences: `label<TAB>sentence`, 1 = worth checking; '#' comments."""
    texts, labels = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, sep, text = line.partition("\t")
        if not sep or label not in ("0", "1") or not text.strip():
            raise ValueError(f"{path.name}:{number}: expected 'label<TAB>sentence' with label 0 or 1")
        texts.append(text.strip())
        labels.append(int(label))
    return texts, labels


@cache
def default_scorer() -> Scorer:
    """The shipped default, trained on the project's own sentences (built once per process)."""
    return train(*read_default_sentences())


def rescored(extraction: Extraction, scorer: Scorer | None = None) -> Extraction:
    """The extraction with each claim's check-worthiness given by the learned model (default: the shipped one).

    The engine decides which sentences are claims; the model decides how much each is worth checking.
    """
    if not extraction.claims:
        return extraction
    scores = (scorer or default_scorer()).score([claim.text for claim in extraction.claims])
    claims = [replace(claim, checkworthiness=score) for claim, score in zip(extraction.claims, scores, strict=True)]
    return Extraction(extraction.quantities, claims)
