#!/usr/bin/env python3
"""Run the matching evaluation set: claims written for the demo references, with decoys.

Usage: python eval/run_matching_eval.py [-v] [CASES.jsonl] [REFERENCES.jsonl]

Each case is {"id", "text", "context"?, "expect": [{"figure", "verdict", "reference"?, "error"?}]};
"reference" is a key or a list of accepted keys.
A figure is right when its verdict matches and, where given, the reference (for supported or
contradicted verdicts) and the named error. Quantities come from the extraction engine, exactly as
in production. Prints accuracy, the confusion of verdicts and the false contradictions (a figure
called contradicted that should not be); exits 1 if there is any false contradiction.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from claims.extraction import extract  # noqa: E402
from claims.matching import Matcher, statement_from_record  # noqa: E402

CASES = ROOT / "eval" / "matching_cases.jsonl"
REFERENCES = ROOT / "claims" / "demo" / "references.jsonl"
VERDICTS = ("supported", "contradicted", "unverified", "missing")


@dataclass
class Report:
    rows: list[tuple] = field(default_factory=list)  # (ok, case id, figure, expected, got)
    confusion: Counter = field(default_factory=Counter)  # (expected verdict, got verdict) -> n
    false_contradictions: int = 0

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def right(self) -> int:
        return sum(1 for row in self.rows if row[0])

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def load_matcher(path: Path = REFERENCES) -> Matcher:
    return Matcher(statement_from_record(record) for record in load_jsonl(path))


def evaluate(cases_path: Path = CASES, references_path: Path = REFERENCES, matcher: Matcher | None = None) -> Report:
    matcher = matcher or load_matcher(references_path)
    report = Report()
    for case in load_jsonl(cases_path):
        text = case["text"]
        quantities = extract(text).quantities
        checks = matcher.check_claim(text, quantities, case.get("context", "")).checks
        for expected in case["expect"]:
            start = text.find(expected["figure"])
            end = start + len(expected["figure"])
            index = next((i for i, q in enumerate(quantities) if start >= 0 and q.start < end and start < q.end), None)
            check = checks[index] if index is not None else None
            got = {
                "verdict": check.verdict if check else "missing",
                "reference": check.reference_key if check else None,
                "error": check.error if check else None,
                "ratio": str(check.ratio) if check and check.ratio is not None else None,
            }
            ok = got["verdict"] == expected["verdict"]
            accepted = expected.get("reference") or []
            accepted = [accepted] if isinstance(accepted, str) else accepted
            if ok and accepted and expected["verdict"] in ("supported", "contradicted"):
                ok = got["reference"] in accepted
            if ok and "error" in expected:
                ok = got["error"] == expected["error"]
            if got["verdict"] == "contradicted" and expected["verdict"] != "contradicted":
                report.false_contradictions += 1
            report.confusion[(expected["verdict"], got["verdict"])] += 1
            report.rows.append((ok, case["id"], expected["figure"], expected, got))
    return report


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(arg) for arg in argv if arg != "-v"]
    report = evaluate(*paths)
    for ok, case_id, figure, expected, got in report.rows:
        if verbose or not ok:
            want = "/".join(str(expected.get(key) or "-") for key in ("verdict", "reference", "error"))
            have = "/".join(str(got.get(key) or "-") for key in ("verdict", "reference", "error"))
            print(f"{'ok ' if ok else 'BAD'} {case_id:40} {figure:24} want {want:55} got {have} ratio={got['ratio']}")
    print()
    print("confusion (rows: expected, columns: got)")
    print(f"{'':14}" + "".join(f"{name:>14}" for name in VERDICTS))
    for expected in VERDICTS[:3]:
        print(f"{expected:14}" + "".join(f"{report.confusion[(expected, got)]:>14}" for got in VERDICTS))
    print()
    print(f"figures: {report.total}, right: {report.right}, accuracy: {report.accuracy:.3f}")
    print(f"false contradictions: {report.false_contradictions}")
    return 1 if report.false_contradictions else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
