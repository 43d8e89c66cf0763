#!/usr/bin/env python3
"""Which Arabic stemmer the matcher uses: matching quality and speed of each candidate.

Usage: python eval/compare_stemmers.py

Runs both evaluation sets (the team's cases against the demo library, and the reworded set of
matching_v2_*.jsonl) with each stemmer put in place of `claims.matching.text.stem` (the language
data is re-read through it), and times each stemmer alone on the sets' words, uncached.
Candidates: the project's former light rules, snowballstemmer's Arabic (the one in use) and
tashaphyne's light stemmer when installed. qalsadi's lemmatizer is not tried here: measured apart,
it took 2-60 ms per word, too slow for a matcher that reads every claim.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from claims.extraction import normalize  # noqa: E402
from claims.matching import references, text  # noqa: E402
from eval.run_matching_eval import CASES, REFERENCES, V2_CASES, V2_REFERENCES, evaluate, load_jsonl  # noqa: E402

_ARABIC = re.compile(r"[\u0621-\u064a]")
_OLD_PREFIXES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف")
_OLD_SUFFIXES = ("يات", "ات", "ون", "ين", "ان", "وا", "يه", "ها", "ه", "ي")


def light(token: str) -> str:
    """The matcher's former stemmer: one prefix and one suffix off, at least three letters kept."""
    if not _ARABIC.match(token):
        return token
    for prefix in _OLD_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            token = token[len(prefix) :]
            break
    for suffix in _OLD_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    return token


def candidates() -> dict:
    found = {"light rules (before)": light, "snowballstemmer (in use)": text.stem.__wrapped__}
    try:
        from tashaphyne.stemming import ArabicLightStemmer
    except ImportError:
        return found
    tashaphyne = ArabicLightStemmer()

    def tashaphyne_stem(token: str) -> str:
        if not _ARABIC.match(token):
            return token
        tashaphyne.light_stem(text._strip_clitics(token))
        return tashaphyne.get_stem() or token

    found["tashaphyne"] = tashaphyne_stem
    return found


def use(stemmer) -> None:
    text.stem = stemmer
    text.SYNONYMS = text._load_synonyms("metric_synonyms.txt")
    text.STOPWORDS = text.load_words("stopwords.txt")
    references.YEAR_CUES = references.year_cues()


def main() -> None:
    words = [
        word
        for path in (CASES, V2_CASES, REFERENCES, V2_REFERENCES)
        for record in load_jsonl(path)
        for word in re.findall(r"[^\W_]+", normalize(record.get("text") or record.get("statement") or ""))
    ]
    original = text.stem
    for name, stemmer in candidates().items():
        use(stemmer)
        started = time.process_time()
        for word in words:
            stemmer(word)
        per_word = (time.process_time() - started) / len(words) * 1e6
        rows = []
        for cases, library in ((CASES, REFERENCES), (V2_CASES, V2_REFERENCES)):
            report = evaluate(cases, library)
            rows.append(
                f"{report.right}/{report.total} right, with a reference {report.found_and_judged:.3f}, "
                f"false contradictions {report.false_contradictions}, false supports {len(report.false_supports)}"
            )
        print(f"{name}: {per_word:.1f} µs/word uncached")
        print(f"    team's cases:  {rows[0]}")
        print(f"    reworded set:  {rows[1]}")
    use(original)


if __name__ == "__main__":
    main()
