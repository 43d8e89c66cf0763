#!/usr/bin/env python3
"""Precision of the extraction engine on real news: the hand-judged audit of eval/news_audit_judged.jsonl.

Usage:
  python eval/run_news_audit.py                 # precision of the judged figures, and which ones went stale
  python eval/run_news_audit.py --show          # also list every figure that is not "ok", with its sentence
  python eval/run_news_audit.py --draw 100 --seed 9   # draw figures to judge (see eval/news_audit.README.md)
  python eval/run_news_audit.py --news ../corpora/snn_blind.jsonl --judged eval/news_blind_judged.jsonl
                                                # the blind audit on sentences of the whole corpus

The news sentences are research-only (SaudiNewsNet, CC BY-NC-SA 4.0) and are not in the project: the
judged file keeps sentence ids, offsets, what the engine reported and the verdict, and this script joins
the text back from ../shared/external/news_saudinewsnet_ar.jsonl. Without that file it says so and exits 0.

A judged figure is "stale" when the current engine no longer reports exactly what was judged at its
offsets (another span, value, kind, unit, qualifier or bounds): its verdict is about an older output and
the figure must be judged again. Rows with the verdict "not_reported" are figures of an earlier engine that
the engine no longer reports (mostly fixed false positives); they stay stale-free while nothing is reported
over them. Precision is the share of "ok" among the judged figures that are reported and not stale.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from claims.extraction import extract  # noqa: E402

EXTERNAL = ROOT.parent / "shared" / "external"
JUDGED = ROOT / "eval" / "news_audit_judged.jsonl"
NOT_REPORTED = "not_reported"
VERDICTS = ("ok", "not_a_figure", "wrong_value", "wrong_kind", "wrong_unit", "wrong_qualifier", "range_missed",
            "incomplete")
# What identifies the engine's output for one figure; a change in any of them makes a verdict stale.
REPORTED = ("start", "end", "kind", "value", "unit", "qualifier", "low", "high")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def reported(quantity: dict) -> dict:
    return {key: quantity.get(key) for key in REPORTED}


def engine_output(texts: dict[str, str]) -> dict[str, list[dict]]:
    """The quantities the current engine reports, per sentence id."""
    return {key: [q.to_dict() for q in extract(text).quantities] for key, text in texts.items()}


def score(judged: list[dict], texts: dict[str, str], show: bool) -> int:
    outputs = engine_output({row["id"]: texts[row["id"]] for row in judged if row["id"] in texts})
    verdicts: Counter[str] = Counter()
    per_set: dict[str, Counter[str]] = {}
    stale: list[dict] = []
    gone: Counter[str] = Counter()
    missing = 0
    for row in judged:
        if row["id"] not in texts:
            missing += 1
            continue
        if row["verdict"] == NOT_REPORTED:
            if any(q["start"] < row["end"] and row["start"] < q["end"] for q in outputs[row["id"]]):
                stale.append(row)
            else:
                gone[row.get("previous_verdict", "")] += 1
            continue
        now = [reported(q) for q in outputs[row["id"]]]
        if reported(row) not in now:
            stale.append(row)
            continue
        verdicts[row["verdict"]] += 1
        per_set.setdefault(row["set"], Counter())[row["verdict"]] += 1
    total = sum(verdicts.values())
    if not total:
        print("no judged figure matches the current engine")
        return 1
    print(f"judged rows: {len(judged)}; reported and judged: {total}; stale: {len(stale)}; "
          f"sentence missing: {missing}")
    if gone:
        print("no longer reported (judged when an earlier engine reported them): "
              + ", ".join(f"{count} {verdict}" for verdict, count in sorted(gone.items())))
    print(f"precision (fully right): {verdicts['ok']}/{total} = {verdicts['ok'] / total:.3f}")
    for verdict in VERDICTS:
        if verdicts[verdict]:
            print(f"  {verdict:16s} {verdicts[verdict]}")
    for name, counts in per_set.items():
        size = sum(counts.values())
        print(f"set {name}: {counts['ok']}/{size} = {counts['ok'] / size:.3f} fully right")
    wrong = [r for r in judged if r["verdict"] not in ("ok", NOT_REPORTED) and r not in stale]
    for title, rows in (("stale (judge again)", stale), ("not ok", wrong)):
        if rows and (show or title.startswith("stale")):
            print(f"{title}:")
            for row in rows:
                text = texts.get(row["id"], "")
                print(f"  {row['id']} {row['start']}-{row['end']} {text[row['start']:row['end']]!r} "
                      f"{row['kind']} {row['value']} {row['unit']} {row['qualifier']} [{row['verdict']}] "
                      f"{row.get('reason', '')}")
    return 0


def draw(count: int, seed: int, texts: dict[str, str], judged: list[dict], previous: Path) -> None:
    """Print `count` figures the current engine reports, drawn at random (seeded), for a judge to read:
    none overlapping a figure of the previous sample or of the judged file."""
    taken = [(row["id"], row["start"], row["end"]) for row in judged]
    if previous.exists():
        taken += [(row["id"], row["reported"]["start"], row["reported"]["end"]) for row in read_jsonl(previous)]
    candidates = []
    for key, quantities in sorted(engine_output(texts).items()):
        for quantity in quantities:
            if any(k == key and s < quantity["end"] and quantity["start"] < e for k, s, e in taken):
                continue
            candidates.append((key, quantity))
    for key, quantity in random.Random(seed).sample(candidates, min(count, len(candidates))):
        print(json.dumps({"id": key, **reported(quantity), "text": quantity["text"], "sentence": texts[key]},
                         ensure_ascii=False))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every figure that is not ok")
    parser.add_argument("--draw", type=int, help="draw this many new figures to judge")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--external", type=Path, default=EXTERNAL, help="the folder of the external evaluation data")
    parser.add_argument("--news", type=Path, help="the sentences (default: the shared sample of 600; the blind "
                        "audit's come from eval/build_news_corpus.py)")
    parser.add_argument("--judged", type=Path, default=JUDGED, help="the judged figures")
    args = parser.parse_args()
    news = args.news or args.external / "news_saudinewsnet_ar.jsonl"
    if not news.exists():
        print(f"skipped: {news} is not here (the news sentences are research-only and not in the project)")
        return 0
    texts = {row["id"]: row["text"] for row in read_jsonl(news)}
    judged = read_jsonl(args.judged) if args.judged.exists() else []
    if args.draw:
        draw(args.draw, args.seed, texts, judged, args.external / "news_audit_sample.jsonl")
        return 0
    return score(judged, texts, args.show)


if __name__ == "__main__":
    sys.exit(main())
