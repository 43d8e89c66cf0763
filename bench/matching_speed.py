#!/usr/bin/env python3
"""Matching throughput with blocking vs a brute-force rapidfuzz scan, at 1k, 10k and 100k statements.

Usage: python bench/matching_speed.py [--sizes 1000,10000,100000] [--claims 2000] [--seed 7]
                                     [--libraries even,skewed] [--brute-claims N]

The library is the demo reference set plus synthetic statements: subjects drawn from a generated
vocabulary of Latin and Arabic names, metrics from a list of real Arabic metric phrases, figures in
several kinds and units. In the `even` library subjects hold about 20 statements each; in the
`skewed` one a few subjects (`SKEWED_SUBJECTS`) hold `SKEWED_SHARE` of all statements, as a
newsroom's library does for the handful of companies it covers most. Claims are written from random
statements (a right figure, a x100 slip or an unrelated subject) with hand-built quantities, so
only matching is timed, not extraction.

Blocking: Matcher.check_claim (inverted index on subject names). Brute force: BruteForceMatcher,
the same scoring on the best `max_candidates` of process.extract(token_set_ratio) over every
statement's text (tests/matching checks that it finds what the index finds). The brute
force sees fewer claims at larger sizes (it is linear in the library) so the run stays short.
Times are CPU seconds of this process (time.process_time), so a busy machine does not skew them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from claims.extraction.types import Quantity  # noqa: E402
from claims.matching import Matcher, ReferenceStatement, statement_from_record  # noqa: E402

LATIN = ["zor", "vex", "kal", "mora", "tri", "nex", "qua", "lis", "dra", "ven", "sol", "tek", "ari", "obo", "pyx"]
ARABIC = ["زور", "فيك", "كال", "مورا", "تري", "نكس", "كوا", "ليس", "درا", "فين", "سول", "تيك", "أري", "أوبو", "بيكس"]
METRICS = [
    ("تكلفة التدريب", "money"),
    ("الإيرادات السنوية", "money"),
    ("القيمة السوقية", "money"),
    ("جولة التمويل", "money"),
    ("الإنفاق على مراكز البيانات", "money"),
    ("عدد المستخدمين الأسبوعيين", "count"),
    ("عدد الموظفين", "count"),
    ("عدد المعلمات", "count"),
    ("عدد وحدات معالجة الرسومات", "count"),
    ("الحصة السوقية", "percent"),
    ("معدل النمو السنوي", "percent"),
    ("نسبة الأرباح", "percent"),
    ("تاريخ الإطلاق", "date"),
]
SCALES = [(Decimal("1e6"), "مليون"), (Decimal("1e9"), "مليار")]
SKEWED_SUBJECTS = 5
SKEWED_SHARE = 0.8


class BruteForceMatcher(Matcher):
    """The matcher without its index: rapidfuzz ranks every statement's text against the claim and
    the best `max_candidates` are scored as the matcher scores its pool."""

    def __init__(self, statements, settings=None):
        super().__init__(statements, settings)
        self._search_texts = [
            " ".join([*entry.statement.names, entry.statement.metric, entry.statement.text]) for entry in self.entries
        ]

    def _pool(self, view, quantity, window):
        ranked = process.extract(
            view.text, self._search_texts, scorer=fuzz.token_set_ratio, limit=self.settings.max_candidates
        )
        return {index: self._subject_score(view, index) for _, _, index in ranked}


def make_name(rng: random.Random) -> tuple[str, str]:
    parts = rng.sample(range(len(LATIN)), 3)
    latin = "".join(LATIN[i] for i in parts).capitalize() + rng.choice(["", " AI", " Labs", f"-{rng.randint(2, 9)}"])
    arabic = "".join(ARABIC[i] for i in parts)
    return latin, arabic


def make_statement(rng: random.Random, index: int, names: list[tuple[str, str]], skewed: bool) -> ReferenceStatement:
    if skewed and rng.random() < SKEWED_SHARE:
        latin, arabic = names[rng.randrange(SKEWED_SUBJECTS)]
    else:
        latin, arabic = rng.choice(names)
    metric, kind = rng.choice(METRICS)
    unit = {"money": "USD", "percent": "%"}.get(kind)
    if kind == "date":
        value = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    elif kind == "percent":
        value = str(rng.randint(1, 95))
    else:
        value = str(Decimal(rng.randint(100, 9999)) * Decimal(10) ** rng.randint(3, 9))
    year = rng.randint(2018, 2025)
    return ReferenceStatement.build(
        key=f"synthetic-{index}",
        text=f"بلغت {metric} لشركة {arabic} ({latin}) في {year} القيمة المذكورة.",
        value=value,
        unit=unit,
        kind=kind,
        subject=latin,
        aliases=(arabic,),
        metric=metric,
        as_of=str(year),
        source_title=f"{latin} annual report {year}",
        publisher=latin,
        published=f"{year}-03-01",
        extract_figures=False,
    )


def make_claim(rng: random.Random, statements: list[ReferenceStatement], names) -> tuple[str, list[Quantity], str]:
    """A claim sentence, its quantity, and the verdict it was written to get."""
    statement = rng.choice(statements)
    figure = next(f for f in statement.figures if f.kind in ("money", "count"))
    value = Decimal(figure.value)
    mode = rng.random()
    expected = "supported"
    if mode < 0.2:
        value *= 100  # a decimal slip
        expected = "contradicted"
    subject = statement.aliases[0] if statement.aliases and rng.random() < 0.5 else statement.subject
    if mode > 0.85:
        other = rng.choice(names)
        subject = other[1]  # another subject
        expected = "unverified" if other[0] != statement.subject else expected
    step, word = SCALES[1] if abs(value) >= SCALES[1][0] else SCALES[0]
    shown = (value / step).normalize()
    currency = " دولار" if figure.kind == "money" else ""
    written = f"{format(shown, 'f')} {word}{currency}"
    text = f"قالت الشركة إن {statement.metric} لدى {subject} بلغت {written} هذا العام."
    start = text.index(written)
    quantity = Quantity(start, start + len(written), written, figure.kind, value, figure.unit, "exact", step / 1000)
    return text, [quantity], expected


def library(size: int, demo: list[ReferenceStatement], rng: random.Random, skewed: bool):
    names = [make_name(rng) for _ in range(max(50, size // 20))]
    synthetic = [make_statement(rng, i, names, skewed) for i in range(size - len(demo))]
    return demo + synthetic, names


def run(size: int, claims: int, demo: list[ReferenceStatement], seed: int, kind: str, brute_limit: int) -> dict:
    rng = random.Random(seed)
    statements, names = library(size, demo, rng, skewed=kind == "skewed")
    started = time.process_time()
    matcher = Matcher(statements)
    build = time.process_time() - started
    numeric = [s for s in statements[len(demo) :] if any(f.kind in ("money", "count") for f in s.figures)]
    workload = [make_claim(rng, numeric, names) for _ in range(claims)]

    started = time.process_time()
    blocked = [matcher.check_claim(text, quantities) for text, quantities, _ in workload]
    blocking_time = time.process_time() - started
    blocking_rate = len(workload) / blocking_time

    brute_claims = max(5, min(claims, brute_limit // size))
    brute_matcher = BruteForceMatcher(statements)
    started = time.process_time()
    brute = [brute_matcher.check_quantity(text, quantities[0]) for text, quantities, _ in workload[:brute_claims]]
    brute_rate = brute_claims / (time.process_time() - started)
    agree = sum(
        b.reference_key == c.checks[0].reference_key and b.verdict == c.checks[0].verdict
        for b, c in zip(brute, blocked, strict=False)
    )
    # Same subject and metric in another year can hold the same figure, so a verdict other than the
    # one a claim was written for is not always an error: the share is a guide, compared run to run.
    as_written = sum(c.suggestion.verdict == expected for c, (_, _, expected) in zip(blocked, workload, strict=True))
    verdicts = {}
    for check in blocked:
        verdicts[check.suggestion.verdict] = verdicts.get(check.suggestion.verdict, 0) + 1
    return {
        "library": kind,
        "statements": len(statements),
        "index_build_s": round(build, 2),
        "blocking_claims": len(workload),
        "blocking_s": round(blocking_time, 1),
        "blocking_claims_per_s": round(blocking_rate, 1),
        "brute_force_claims": brute_claims,
        "brute_force_claims_per_s": round(brute_rate, 2),
        "speedup": round(blocking_rate / brute_rate, 1),
        "same_verdict_and_reference": f"{agree}/{brute_claims}",
        "blocking_verdicts": verdicts,
        "verdict_as_written": round(as_written / len(workload), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--libraries", default="even,skewed")
    parser.add_argument("--brute-claims", type=int, default=200_000, help="brute-force claims x statements budget")
    args = parser.parse_args()
    with open(ROOT / "claims" / "demo" / "references.jsonl", encoding="utf-8") as lines:
        demo = [statement_from_record(json.loads(line)) for line in lines if line.strip()]
    for kind in args.libraries.split(","):
        for size in (int(part) for part in args.sizes.split(",")):
            result = run(size, args.claims, demo, args.seed, kind, args.brute_claims)
            print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
