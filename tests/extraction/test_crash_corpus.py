"""The engine never raises on real journalism: every sentence of the external news corpus, when present.

The corpus is research data kept outside the project (../shared/external/, see its README); a clone
without it skips this test. Its text is only read here, never copied into the project.
"""

import json
from pathlib import Path

import pytest

from claims.extraction import extract

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [
    ROOT.parent / "shared" / "external" / "news_saudinewsnet_ar.jsonl",
    ROOT.parent.parent / "shared" / "external" / "news_saudinewsnet_ar.jsonl",
]


def _corpus() -> Path | None:
    return next((path for path in CORPORA if path.is_file()), None)


@pytest.mark.skipif(_corpus() is None, reason="the external news corpus is not next to this checkout")
def test_every_news_sentence_is_read_without_an_exception():
    failures = []
    count = 0
    for line in _corpus().read_text(encoding="utf-8").splitlines():
        text = json.loads(line).get("text") or ""
        count += 1
        try:
            extraction = extract(text)
        except Exception as error:  # noqa: BLE001 - collected so that one test lists every failing sentence
            failures.append((count, repr(error)))
            continue
        for quantity in extraction.quantities:
            assert text[quantity.start : quantity.end] == quantity.text
    assert count > 0
    assert failures == []
