#!/usr/bin/env python3
"""The check-worthiness learning curve on CheckThat! data (research licence: read from ../shared, never copied).

Usage: python eval/run_checkworthiness_eval.py [--external DIR] [--sizes 100,300,1000,0]

For each set (CT22 1A train -> dev_test, CT24 train -> dev) and each number of replayed editor
decisions (0 = all), runs `manage.py checkworthiness_eval ... --json` (a scratch database each time)
and prints one line per run. Without the data (a user's clone has no ../shared) it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = (
    ("CT22 1A", "checkworthy_ct22_ar.jsonl", "train", "dev_test"),
    ("CT24", "checkworthy_ct24_ar.jsonl", "train", "dev"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--external", type=Path, default=ROOT.parent / "shared" / "external")
    parser.add_argument("--sizes", default="100,300,1000,0")
    args = parser.parse_args()
    if not args.external.is_dir():
        print(f"skipped: no evaluation data at {args.external}")
        return 0
    for name, file_name, train, test in SETS:
        path = args.external / file_name
        if not path.exists():
            print(f"{name}: skipped, {file_name} is absent")
            continue
        for size in (int(s) for s in args.sizes.split(",")):
            command = [sys.executable, "manage.py", "checkworthiness_eval", str(path), "--train-split", train,
                       "--test-split", test, "--json"]
            if size:
                command += ["--train-limit", str(size)]
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{name} {size or 'all'}: failed\n{done.stderr[-2000:]}")
                return 1
            print(f"{name} {size or 'all'}: {json.loads(done.stdout.strip().splitlines()[-1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
