"""`manage.py extract`: the engine's claims, scored by the learned model; one bad text does not stop a batch."""

import io
import json

import pytest
from django.core.management import call_command

from claims.checkworthiness.model import default_scorer

LINES = [
    {"id": "a", "text": "ارتفعت صادرات المغرب من الفوسفات إلى 9 مليارات دولار في 2023."},
    {"id": "b", "text": "أعلنت وزارة التعليم تأجيل الامتحانات إلى الأسبوع المقبل."},
]


def run(monkeypatch, lines):
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)))
    out, err = io.StringIO(), io.StringIO()
    call_command("extract", "--jsonl", "-", stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_claims_carry_the_default_models_score(monkeypatch):
    records, _ = run(monkeypatch, LINES)
    claims = [claim for record in records for claim in record["claims"]]
    assert [c["kind"] for c in claims] == ["numeric", "factual"]
    expected = default_scorer().score([c["text"] for c in claims])
    assert [c["checkworthiness"] for c in claims] == pytest.approx(expected, abs=1e-4)


def test_a_text_the_engine_cannot_read_is_reported_and_the_batch_goes_on(monkeypatch):
    from claims.management.commands import extract as command

    real = command.extract

    def flaky(text):
        if "الفوسفات" in text:
            raise KeyError("ق")
        return real(text)

    monkeypatch.setattr(command, "extract", flaky)
    records, err = run(monkeypatch, LINES)
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["claims"] == [] and "KeyError" in records[0]["error"]
    assert records[1]["claims"]
    assert "line 1: extraction failed" in err
