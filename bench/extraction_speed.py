"""Extraction speed: characters per second over a large corpus, against a bare digit scan as a floor.

    .venv/bin/python bench/extraction_speed.py [FILE ...] [--megabytes 5]

With no FILE it reads ../shared/seeds/*.txt when present (real Arabic news pages with their chrome),
otherwise it composes a corpus from built-in sentences. The corpus is repeated, document by
document, up to --megabytes (millions of characters). It prints characters and UTF-8 megabytes per
second for extract() and for a bare `re.finditer(r"\\d+")` pass over the same documents, and their ratio.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.extraction import extract  # noqa: E402

# ../shared/seeds next to the checkout (or next to any folder above it: a worktree sits one level deeper).
_ABOVE = Path(__file__).resolve().parents[1:]
SEEDS = next((p / "shared" / "seeds" for p in _ABOVE if (p / "shared" / "seeds").is_dir()),
             _ABOVE[1] / "shared" / "seeds")
BUILT_IN = (
    "أعلنت الشركة أن إيراداتها بلغت 558 مليون دولار أمريكي في عام 2024، بزيادة 12% عن العام السابق.\n"
    "وقال المدير التنفيذي إن الشركة ستستثمر نحو 1.3 تريليون دولار بحلول عام 2032 لبناء 20 مركز بيانات.\n"
    "يعمل النموذج الجديد على شرائح H100 ويتفوق على GPT-4 في اختبارات الرياضيات.\n"
    "وبحسب التقرير، يتجاوز عدد الأجهزة 40 مليار جهاز، تولد ما يقرب من 80 زيتابايت من البيانات.\n"
    "ارتفعت الأسهم ثلاث مرات خلال عامين، فيما تراجعت الأرباح خمسة وعشرين بالمئة في 20 يناير 2025.\n"
    "تحدث الخبراء عن مستقبل الذكاء الاصطناعي في المنطقة وأهمية الاستثمار في التعليم والبحث العلمي.\n"
)


def load_documents(paths: list[str]) -> list[str]:
    if paths:
        return [Path(p).read_text(encoding="utf-8") for p in paths]
    if SEEDS.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [BUILT_IN * 20]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of (floor, extract), back to back")
    args = parser.parse_args()

    documents = load_documents(args.files)
    corpus: list[str] = []
    size = 0
    while size < args.megabytes * 1_000_000:
        for document in documents:
            corpus.append(document)
            size += len(document)
    characters = sum(len(d) for d in corpus)
    megabytes = sum(len(d.encode("utf-8")) for d in corpus) / 1e6  # Arabic letters are two bytes in UTF-8

    extract(corpus[0])  # load the language data outside the timing
    digits = re.compile(r"\d+")
    # Rounds of (floor, extract) back to back: the ratio of each round is immune to the machine's speed
    # drifting between rounds (a shared machine's does, by 2x), and the median ratio is what to quote.
    # CPU time of this process: what one core spends, whatever else the machine runs.
    rounds = []
    for _ in range(args.rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        floor_hits = sum(sum(1 for _ in digits.finditer(document)) for document in corpus)
        floor_seconds, floor_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        started, started_cpu = time.perf_counter(), time.process_time()
        found = sum(len(extract(document).quantities) for document in corpus)
        engine_seconds, engine_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        rounds.append((engine_seconds, engine_cpu, floor_seconds, floor_cpu))

    def rate(seconds: float) -> str:
        return f"{characters / seconds / 1e6:.2f} M chars/s"

    engine_seconds, engine_cpu = min(r[0] for r in rounds), min(r[1] for r in rounds)
    floor_seconds, floor_cpu = min(r[2] for r in rounds), min(r[3] for r in rounds)
    ratios = sorted(r[1] / r[3] for r in rounds)
    print(f"corpus: {len(corpus)} documents, {characters:,} characters, {megabytes:.1f} MB of UTF-8")
    print(f"extract() best of {len(rounds)}: wall {engine_seconds:.2f} s ({rate(engine_seconds)}, "
          f"{megabytes / engine_seconds:.1f} MB/s), CPU {engine_cpu:.2f} s ({rate(engine_cpu)}), {found:,} quantities")
    print(f"floor re.finditer(r'\\d+') best of {len(rounds)}: wall {floor_seconds:.3f} s ({rate(floor_seconds)}), "
          f"CPU {floor_cpu:.3f} s ({rate(floor_cpu)}), {floor_hits:,} digit runs")
    print(f"extract() / floor, CPU, per round: {', '.join(f'{r:.1f}x' for r in ratios)}")
    print(f"extract() / floor: median {statistics.median(ratios):.1f}x, best-of times {engine_cpu / floor_cpu:.1f}x")


if __name__ == "__main__":
    main()
