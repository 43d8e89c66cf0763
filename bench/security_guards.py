"""The input guards' cost: how fast hostile input is refused, and what the guards add to good input.

    .venv/bin/python bench/security_guards.py [--records 20000]

Prints, per case, the median of 5 runs:
- refusing `1e999999999` as a reference value, `"[" * 100000` as JSON, and `NaN` as a lookup value;
- refusing an internal address (`localhost`, resolved and checked, no connection made);
- parsing a JSONL batch of `--records` ordinary article records with `json.loads` and with the
  guarded `json_loads` (depth, NaN, NUL and surrogate checks), and the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from claims.lib import http, validation  # noqa: E402

SENTENCE = "أعلنت وزارة المالية أن الإيرادات النفطية بلغت {n} مليار دولار في العام الماضي، بزيادة 12% عن العام السابق."


def median_seconds(action, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def refused(action):
    def run():
        try:
            action()
        except (validation.InputError, http.FetchError):
            return
        raise AssertionError("not refused")

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20000)
    args = parser.parse_args()

    cases = {
        "reference value 1e999999999": refused(lambda: validation.parse_decimal("1e999999999")),
        'JSON "[" * 100000': refused(lambda: validation.json_loads("[" * 100000)),
        "lookup value NaN": refused(lambda: validation.check_decimal(validation.Decimal("NaN"))),
        "fetch http://localhost/": refused(lambda: http.fetch("http://localhost/", timeout=2)),
    }
    for name, action in cases.items():
        print(f"refuse {name:32s} {median_seconds(action) * 1e3:9.3f} ms")

    for ascii_only in (False, True):
        lines = [
            json.dumps(
                {"title": f"خبر {n}", "text": SENTENCE.format(n=n), "url": f"https://news.example.org/{n}"},
                ensure_ascii=ascii_only,
            )
            for n in range(args.records)
        ]
        plain = median_seconds(lambda lines=lines: [json.loads(line) for line in lines])
        guarded = median_seconds(lambda lines=lines: [validation.json_loads(line) for line in lines])
        kind = "\\u-escaped" if ascii_only else "UTF-8"
        print(f"parse {args.records} {kind:10s} JSONL records: json.loads {plain * 1e3:6.1f} ms, "
              f"guarded {guarded * 1e3:6.1f} ms, x{guarded / plain:.2f}")


if __name__ == "__main__":
    main()
