"""The judged news audit (eval/news_audit_judged.jsonl) is well formed and holds no research-only text."""

import json
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"
ROWS = [json.loads(line) for line in (EVAL / "news_audit_judged.jsonl").read_text(encoding="utf-8").splitlines()]
VERDICTS = {"ok", "not_a_figure", "wrong_value", "wrong_kind", "wrong_unit", "wrong_qualifier", "range_missed",
            "incomplete", "not_reported"}
FIELDS = {"set", "n", "id", "start", "end", "kind", "value", "unit", "qualifier", "low", "high", "verdict", "reason"}


def test_the_audit_holds_at_least_200_reported_figures():
    assert sum(row["verdict"] != "not_reported" for row in ROWS) >= 200


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row['set']}-{row['n']}")
def test_every_judged_row_has_its_fields_a_known_verdict_and_no_sentence_text(row):
    assert FIELDS <= set(row), FIELDS - set(row)
    assert row["verdict"] in VERDICTS
    assert 0 <= row["start"] < row["end"]
    assert row["id"].startswith("snn-")
    # the sentences are research-only: the file keeps offsets and the engine's reading, never the text
    assert not {"text", "sentence", "note"} & set(row)
    assert row["verdict"] == "ok" or row["reason"], "a verdict other than ok says why"


def test_rows_are_unique_per_set_and_index():
    keys = [(row["set"], row["n"]) for row in ROWS]
    assert len(keys) == len(set(keys))
