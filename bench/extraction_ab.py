"""CPU time of this checkout's extract() against another checkout's, in one process, rounds alternating.

    .venv/bin/python bench/extraction_ab.py OTHER_CHECKOUT [--rounds 11] [--copies 30]

Both `claims.extraction` packages are imported into this process (the other one from OTHER_CHECKOUT, e.g.
/work/main), then each round times one pass of each over ../shared/seeds/*.txt repeated --copies times
(built-in sentences without ../shared). A machine shared with other work slows both alike within a round,
so the median of the per-round ratios (this / other) is steadier than two runs of extraction_speed.py.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_speed import load_documents  # noqa: E402


def load_extract(checkout: Path):
    """extract() of the claims.extraction package in `checkout`, imported afresh."""
    for name in [name for name in sys.modules if name == "claims" or name.startswith("claims.")]:
        del sys.modules[name]
    sys.path.insert(0, str(checkout))
    try:
        module = importlib.import_module("claims.extraction")
    finally:
        sys.path.remove(str(checkout))
    if not Path(module.__file__).resolve().is_relative_to(checkout.resolve()):
        raise SystemExit(f"claims.extraction came from {module.__file__}, not from {checkout}")
    return module.extract


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--copies", type=int, default=30)
    args = parser.parse_args()

    documents = load_documents([])
    corpus = documents * args.copies
    engines = [load_extract(ROOT), load_extract(args.other)]
    for extract in engines:
        for document in documents:
            extract(document)  # load the language data outside the timing
    times: list[list[float]] = [[], []]
    for _ in range(args.rounds):
        for extract, spent in zip(engines, times, strict=True):
            started = time.process_time()
            for document in corpus:
                extract(document)
            spent.append(time.process_time() - started)
    ratios = sorted(mine / other for mine, other in zip(*times, strict=True))
    print(f"{len(corpus)} documents, {args.rounds} rounds; CPU seconds, best: this {min(times[0]):.3f}, "
          f"other {min(times[1]):.3f}")
    print(f"this / other: median {statistics.median(ratios):.3f} (rounds {ratios[0]:.3f}-{ratios[-1]:.3f})")


if __name__ == "__main__":
    main()
