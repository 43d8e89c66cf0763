"""Date recogniser speed: dates.find_dates on folded pages, against a bare digit scan as a floor.

    .venv/bin/python bench/dates_speed.py [FILE ...] [--repeat 40] [--rounds 5]

Pages as in bench/extraction_speed.py (the seed pages when ../shared/seeds is there, built-in
sentences otherwise), folded once outside the timing. Two timings: with the anchor words handed over
by the page's one word-start scan (numbers.scan_page, as the engine calls it) and with find_dates
scanning them itself. Best CPU time of --rounds, as multiples of `re.finditer(r"\\d+")` on the same text.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.extraction_speed import load_documents  # noqa: E402
from claims.extraction.dates import ANCHOR_WORDS, find_dates  # noqa: E402
from claims.extraction.normalize import fold_with_offset_map  # noqa: E402
from claims.extraction.numbers import scan_page  # noqa: E402


def best_cpu(work, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeat", type=int, default=40, help="how many times the pages are repeated")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    folded = [fold_with_offset_map(document)[0] for document in load_documents(args.files)] * args.repeat
    anchors = frozenset(ANCHOR_WORDS)
    words = [[(start, end, word) for kind, start, end, word in scan_page(page, anchors)[2]
              if kind == "anchor"] for page in folded]
    digits = re.compile(r"\d+")
    floor = best_cpu(lambda: [sum(1 for _ in digits.finditer(page)) for page in folded], args.rounds)
    handed = best_cpu(lambda: [find_dates(page, found) for page, found in zip(folded, words, strict=True)],
                      args.rounds)
    alone = best_cpu(lambda: [find_dates(page) for page in folded], args.rounds)
    print(f"pages: {len(folded)}, {sum(map(len, folded)):,} folded characters")
    print(f"floor re.finditer(r'\\d+'): {floor:.4f} s CPU")
    print(f"find_dates, anchor words handed over: {handed:.4f} s = {handed / floor:.1f}x the floor")
    print(f"find_dates, scanning its own anchor words: {alone:.4f} s = {alone / floor:.1f}x the floor")


if __name__ == "__main__":
    main()
