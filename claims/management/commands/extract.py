"""Extract quantities and check-worthy claims from text files or JSON Lines (interfaces.md §1).

The engine finds the claims; their `checkworthiness` is the shipped default model's (no database needed;
the pipeline scores stored claims with the newsroom's own model).
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from claims.checkworthiness.model import rescored
from claims.extraction import extract


def _dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


class Command(BaseCommand):
    help = "Print the quantities and claims of each FILE, or of each {id, text} line of --jsonl (- for stdin)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files, one JSON line out per file.")
        parser.add_argument("--jsonl", metavar="PATH", help='JSON Lines of {"id", "text"}; "-" reads stdin.')

    def handle(self, *args, files, jsonl, **options):
        if not files and not jsonl:
            raise CommandError("give FILE arguments or --jsonl PATH (- for stdin)")
        for path in files:
            try:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError) as error:
                self.stderr.write(f"{path}: {error}")
                continue
            self.stdout.write(_dumps({"source": path, **rescored(extract(text)).to_dict()}))
        if jsonl:
            if jsonl == "-":
                self._extract_lines(sys.stdin)
            else:
                with open(jsonl, encoding="utf-8") as handle:
                    self._extract_lines(handle)

    def _extract_lines(self, lines):
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                if not isinstance(text, str):
                    raise TypeError("'text' must be a string")
            except (ValueError, KeyError, TypeError) as error:
                self.stderr.write(f"line {number}: skipped, expected a JSON object with 'id' and 'text' ({error})")
                continue
            try:
                found = rescored(extract(text)).to_dict()
            except Exception as error:  # noqa: BLE001  (one text the engine cannot read must not stop the batch)
                self.stderr.write(f"line {number}: extraction failed ({type(error).__name__}: {error})")
                found = {"quantities": [], "claims": [], "error": f"{type(error).__name__}: {error}"}
            self.stdout.write(_dumps({"id": record.get("id"), **found}))
