"""Every field extract() returns, as JSON lines, on every text we can find: the check that a speed change is pure.

    .venv/bin/python bench/extraction_dump.py OUT.jsonl
    .venv/bin/python bench/extraction_dump.py --compare BEFORE.jsonl AFTER.jsonl

Texts: ../shared/seeds/*.txt, every "text" or "statement" of the jsonl files in ../shared/conformance,
../shared/external, ../shared/gold and eval/, and word soups drawn at random (fixed seed) from the
language data: its phrases, its letters, digits in three scripts and the prefix letters. ../shared is
read at run time and skipped when absent. A speed change must leave the dump byte-identical; --compare
names the first texts whose output differs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction import extract  # noqa: E402
from claims.extraction.lexicon import DATA_DIR  # noqa: E402

_ABOVE = ROOT.parents
SHARED = next((p / "shared" for p in (ROOT, *_ABOVE) if (p / "shared" / "seeds").is_dir()), None)
SOUPS = 600


def texts() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if SHARED is not None:
        found += [(f"seeds/{p.name}", p.read_text(encoding="utf-8")) for p in sorted((SHARED / "seeds").glob("*.txt"))]
        files = [p for folder in ("conformance", "external", "gold") for p in sorted((SHARED / folder).glob("*.jsonl"))]
    else:
        files = []
    for path in files + sorted((ROOT / "eval").glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            record = json.loads(line)
            for key in ("text", "statement"):
                if isinstance(record.get(key), str):
                    found.append((f"{path.name}:{number}:{key}", record[key]))
    return found + word_soups()


def word_soups() -> list[tuple[str, str]]:
    phrases, letters = [], set()
    for path in sorted(DATA_DIR.iterdir()):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                phrases.extend(field.strip() for field in line.split("\t") if field.strip())
                letters.update(char for char in line if char.isalpha())
    alphabet = sorted(letters) + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹") + list("وفبلك") + list(" ,.،٫%/-$:")
    draw = random.Random(9)
    soups = []
    for index in range(SOUPS):
        words = []
        for _ in range(draw.randint(1, 40)):
            pick = draw.random()
            if pick < 0.4:
                words.append(draw.choice("وفبلك" + "  ").strip() + draw.choice(phrases))
            elif pick < 0.7:
                words.append(str(draw.choice([draw.randint(0, 99), draw.randint(100, 9999), draw.randint(1, 10**9)])))
            else:
                words.append("".join(draw.choice(alphabet) for _ in range(draw.randint(1, 9))))
        soups.append((f"soup:{index}", " ".join(words) + draw.choice(["", ".", "\n", "؟"])))
    return soups


def _plain(value):
    if isinstance(value, Decimal):
        return "D:" + str(value)  # str keeps the exponent and trailing zeros: Decimal('5.0') stays "5.0"
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def dump(out: Path) -> int:
    with out.open("w", encoding="utf-8") as handle:
        count = 0
        for name, text in texts():
            result = extract(text)
            record = {"name": name, "quantities": [_plain(asdict(q)) for q in result.quantities],
                      "claims": [_plain(asdict(c)) for c in result.claims]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def compare(before: Path, after: Path) -> int:
    old, new = before.read_text(encoding="utf-8").splitlines(), after.read_text(encoding="utf-8").splitlines()
    differing = [json.loads(a)["name"] for a, b in zip(old, new, strict=False) if a != b]
    if len(old) != len(new):
        print(f"{len(old)} texts before, {len(new)} after")
    for name in differing[:20]:
        print("differs:", name)
    print(f"{len(differing)} of {len(old)} texts differ")
    return 1 if differing or len(old) != len(new) else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.paths))
    if SHARED is None:
        print("../shared not found: dumping eval/ and the word soups only")
    print(f"{dump(args.paths[0])} texts dumped to {args.paths[0]}")


if __name__ == "__main__":
    main()
