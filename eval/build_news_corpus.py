#!/usr/bin/env python3
"""Draw a second, larger set of real news sentences from the whole SaudiNewsNet corpus, for blind audits.

The 600 sentences of ../shared/external/news_saudinewsnet_ar.jsonl are judged in full
(eval/news_audit_judged.jsonl), so a further out-of-sample check of the engine needs sentences nobody on
the project has read. This script reads the SaudiNewsNet repository (31,030 articles from 14 Saudi
newspapers, July-August 2015; https://github.com/parallelfold/SaudiNewsNet, CC BY-NC-SA 4.0, research
only) from a local clone, splits the articles into sentences the way the shared converter does, leaves
out every sentence of the 600, and writes a random sample (seeded) to a file OUTSIDE the project:

    python eval/build_news_corpus.py --repo /path/to/SaudiNewsNet.git --out ../corpora/snn_blind.jsonl

Rows: {"id": "snn-<sha1 of url#index, 12 hex>", "text", "source", "url"}; ids are made as the shared
converter makes them, so the two files never share a sentence. The text is research-only: it is never
committed; eval/news_blind_judged.jsonl keeps ids, offsets and verdicts only, and
`eval/run_news_audit.py --news FILE --judged eval/news_blind_judged.jsonl` joins it back.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

COMMIT = "4e39239966c2ae8a3faa591201acb9cd1f51199d"
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "external" / "news_saudinewsnet_ar.jsonl"
SPLIT = re.compile(r"(?<=[.!?؟])\s+|\n+")


def sentences(repo: str):
    names = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", COMMIT, "dataset/"],
                           check=True, capture_output=True, text=True).stdout.split()
    for name in names:
        blob = subprocess.run(["git", "-C", repo, "show", f"{COMMIT}:{name}"], check=True,
                              capture_output=True).stdout
        archive = zipfile.ZipFile(io.BytesIO(blob))
        for member in archive.namelist():
            for article in json.loads(archive.read(member).decode("utf-8")):
                for index, sentence in enumerate(SPLIT.split(article.get("content") or "")):
                    sentence = " ".join(sentence.split())
                    if 40 <= len(sentence) <= 400:
                        key = hashlib.sha1(f"{article['url']}#{index}".encode()).hexdigest()
                        yield f"snn-{key[:12]}", sentence, article


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", required=True, help="a clone of parallelfold/SaudiNewsNet")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--count", type=int, default=6000, help="sentences to keep")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if args.out.resolve().is_relative_to(ROOT):
        print("refused: the sentences are research-only; write them outside the project", file=sys.stderr)
        return 2
    seen_ids, seen_texts = set(), set()
    if SAMPLE.exists():
        for line in SAMPLE.open(encoding="utf-8"):
            row = json.loads(line)
            seen_ids.add(row["id"])
            seen_texts.add(row["text"])
    rows, texts = [], set()
    for key, sentence, article in sentences(args.repo):
        if key in seen_ids or sentence in seen_texts or sentence in texts:
            continue
        texts.add(sentence)
        rows.append({"id": key, "text": sentence, "source": article.get("source"), "url": article["url"]})
    rows.sort(key=lambda row: row["id"])
    rows = sorted(random.Random(args.seed).sample(rows, min(args.count, len(rows))), key=lambda row: row["id"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{args.out}: {len(rows)} sentences from {len({r['source'] for r in rows})} newspapers "
          f"({len(texts)} candidates, the 600 of the shared sample left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
