#!/usr/bin/env python3
"""Run a matching evaluation set: claims against a reference library, figure by figure.

Usage: python eval/run_matching_eval.py [-v] [CASES.jsonl] [REFERENCES.jsonl]
       python eval/run_matching_eval.py --v2 [-v]     # the reworded set (matching_v2_*.jsonl)

Each case is {"id", "text", "context"?, "expect": [{"figure", "verdict", "reference"?, "error"?}],
"claim"?}; "reference" is a key or a list of accepted keys, "claim" the claim-level verdict.
A figure is right when its verdict matches and, where given, the reference (for supported,
contradicted or misleading_bound verdicts) and the named error. Quantities come from the extraction
engine, exactly as in production. Prints accuracy, the share of figures with a reference found and
rightly judged, the confusion of verdicts, the false contradictions (a figure called contradicted
that should not be) and the false supports (a claim suggested "supported" while one of its key
figures is expected contradicted, misleading or unverified, or was not itself supported); exits 1
if there is any false contradiction or false support.
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
V2_CASES = ROOT / "eval" / "matching_v2_cases.jsonl"
V2_REFERENCES = ROOT / "eval" / "matching_v2_references.jsonl"
VERDICTS = ("supported", "contradicted", "misleading_bound", "unverified", "missing")
JUDGED = ("supported", "contradicted", "misleading_bound")


@dataclass
class Report:
    rows: list[tuple] = field(default_factory=list)  # (ok, case id, figure, expected, got)
    confusion: Counter = field(default_factory=Counter)  # (expected verdict, got verdict) -> n
    false_contradictions: int = 0
    false_supports: list[str] = field(default_factory=list)  # case ids
    claims: list[tuple] = field(default_factory=list)  # (ok, case id, expected, got) where "claim" is given

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def right(self) -> int:
        return sum(1 for row in self.rows if row[0])

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def with_reference(self) -> list[tuple]:
        """Rows of figures a reference backs or refutes (expected supported, contradicted, misleading)."""
        return [row for row in self.rows if row[3]["verdict"] in JUDGED]

    @property
    def found_and_judged(self) -> float:
        rows = self.with_reference
        return sum(1 for row in rows if row[0]) / len(rows) if rows else 0.0


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
        result = matcher.check_claim(text, quantities, case.get("context", ""))
        checks = result.checks
        key_figure_checks = [check for check, key in zip(checks, result.key, strict=True) if key]
        if result.suggestion.verdict == "supported" and (
            any(c.verdict != "supported" for c in key_figure_checks)
            or any(e["verdict"] != "supported" for e in case["expect"])
        ):
            report.false_supports.append(case["id"])
        if "claim" in case:
            report.claims.append(
                (result.suggestion.verdict == case["claim"], case["id"], case["claim"], result.suggestion.verdict)
            )
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
            if ok and accepted and expected["verdict"] in JUDGED:
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
    paths = [Path(arg) for arg in argv if not arg.startswith("-")]
    if "--v2" in argv:
        paths = [V2_CASES, V2_REFERENCES]
    report = evaluate(*paths)
    for ok, case_id, figure, expected, got in report.rows:
        if verbose or not ok:
            want = "/".join(str(expected.get(key) or "-") for key in ("verdict", "reference", "error"))
            have = "/".join(str(got.get(key) or "-") for key in ("verdict", "reference", "error"))
            print(f"{'ok ' if ok else 'BAD'} {case_id:40} {figure:24} want {want:55} got {have} ratio={got['ratio']}")
    print()
    print("confusion (rows: expected, columns: got)")
    print(f"{'':18}" + "".join(f"{name:>18}" for name in VERDICTS))
    for expected in VERDICTS[:4]:
        print(f"{expected:18}" + "".join(f"{report.confusion[(expected, got)]:>18}" for got in VERDICTS))
    print()
    for ok, case_id, expected, got in report.claims:
        if verbose or not ok:
            print(f"{'ok ' if ok else 'BAD'} claim {case_id:34} want {expected:18} got {got}")
    print(f"figures: {report.total}, right: {report.right}, accuracy: {report.accuracy:.3f}")
    judged = report.with_reference
    print(
        f"figures with a reference: {len(judged)}, found and rightly judged: "
        f"{sum(1 for row in judged if row[0])} ({report.found_and_judged:.3f})"
    )
    if report.claims:
        right = sum(1 for row in report.claims if row[0])
        print(f"claim verdicts: {len(report.claims)}, right: {right}")
    print(f"false contradictions: {report.false_contradictions}")
    print(f"false supports: {len(report.false_supports)} {' '.join(report.false_supports)}".rstrip())
    return 1 if report.false_contradictions or report.false_supports else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
