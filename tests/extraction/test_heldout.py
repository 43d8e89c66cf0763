"""Regression guard over the held-out gold sets in eval/ (composed for this project, see their READMEs).

They were written blind to the engine, then used to find what it missed; the scores below are the
bars those fixes reached, so a change that loses figures, reads name digits or floods the queue
fails here. Scored as ../shared/tools/score_extraction.py scores (overlap, equal value, equal unit
for money and percent), so the numbers agree with docs/extraction.md.
"""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from claims.extraction import extract

EVAL = Path(__file__).resolve().parents[2] / "eval"


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def inside(inner, outer):
    return outer["start"] <= inner["start"] and inner["end"] <= outer["end"]


def same_figure(gold, got):
    if gold["kind"] in ("money", "percent") and (gold["unit"] or "").upper() != (got["unit"] or "").upper():
        return False
    if gold["kind"] == "date" or "-" in gold["value"][1:]:
        return got["value"] == gold["value"]
    try:
        expected, found = Decimal(gold["value"]), Decimal(got["value"])
    except ArithmeticError:
        return False
    return abs(found - expected) <= abs(expected) * Decimal("1e-6")


def score(path):
    counts = dict(tp=0, fp=0, required=0, name_digits=0, checkworthy=0, covered=0, judged=0, good=0)
    for line in path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        result = extract(gold["text"]).to_dict()
        chrome = gold.get("chrome") or len(gold["text"])
        for quantity in gold["quantities"]:
            if quantity["tier"] == "required":
                counts["required"] += 1
                counts["tp"] += any(overlaps(q, quantity) and same_figure(quantity, q) for q in result["quantities"])
            if quantity.get("checkworthy"):
                counts["checkworthy"] += 1
                counts["covered"] += any(inside(quantity, c) for c in result["claims"])
        for q in result["quantities"]:
            if q["start"] >= chrome:
                continue
            if any(overlaps(q, trap) for trap in gold["traps"]):
                counts["name_digits"] += 1
            elif not any(overlaps(q, g) for g in gold["quantities"]):
                counts["fp"] += 1
        for claim in result["claims"]:
            held = [g for g in gold["quantities"] if inside(g, claim) and g.get("checkworthy") is not None]
            if claim["start"] >= chrome or held:
                counts["judged"] += 1
                counts["good"] += claim["start"] < chrome and any(g["checkworthy"] for g in held)
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["required"])
    return {
        "f1": 2 * precision * recall / (precision + recall),
        "name_digits": counts["name_digits"],
        "claim_recall": counts["covered"] / max(1, counts["checkworthy"]),
        "claim_precision": counts["good"] / max(1, counts["judged"]),
    }


@pytest.mark.parametrize("name", ["heldout_sentences.jsonl", "heldout_articles.jsonl"])
def test_the_engine_keeps_its_scores_on_the_held_out_sets(name):
    scores = score(EVAL / name)
    assert scores["f1"] >= 0.98, scores
    assert scores["name_digits"] == 0, scores
    assert scores["claim_recall"] >= 0.97, scores
    assert scores["claim_precision"] >= 0.95, scores
