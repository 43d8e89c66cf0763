"""Extract quantities and check-worthy claims from text files or JSON Lines (interfaces.md §1).

The engine finds the claims; their `checkworthiness` is the shipped default model's (no database needed;
the pipeline scores stored claims with the newsroom's own model).
"""

import json
import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.checkworthiness.model import rescored
from claims.extraction import extract
from claims.lib import validation
from claims.services.articles import ArticleTooLarge, article_size_check


def _failed(error: Exception, *, name: bool = True) -> dict:
    """What a text the engine could not read becomes: no figures, no claims, and why (the batch goes on)."""
    reason = f"{type(error).__name__}: {error}" if name else str(error)
    return {"quantities": [], "claims": [], "error": reason}


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
                # A UTF-8 character is at most 4 bytes: a file over 4× the limit is refused unread.
                size, limit = os.path.getsize(path), settings.FACTCHECK_MAX_ARTICLE_CHARS
                if size > 4 * limit:
                    raise ArticleTooLarge(f"the file is too long: {size:,} bytes, the maximum is {limit:,} characters")
                with open(path, encoding="utf-8") as handle:
                    text = handle.read(settings.FACTCHECK_MAX_ARTICLE_CHARS + 1)
                article_size_check(len(text))
            except (OSError, UnicodeDecodeError, ArticleTooLarge) as error:
                self.stderr.write(f"{path}: {error}")
                continue
            try:
                result = rescored(extract(text)).to_dict()
            except Exception as error:  # noqa: BLE001 - one failing file must not stop the others
                self.stdout.write(_dumps({"source": path, **_failed(error)}))
                self.stderr.write(f"{path}: extraction failed ({type(error).__name__}: {error})")
                continue
            self.stdout.write(_dumps({"source": path, **result}))
        if jsonl:
            # Bytes, decoded line by line: one line that is not UTF-8 is reported, the others still read.
            if jsonl == "-":
                self._extract_lines(getattr(sys.stdin, "buffer", sys.stdin))
            else:
                try:
                    with open(jsonl, "rb") as handle:
                        self._extract_lines(handle)
                except OSError as error:
                    raise CommandError(f"{jsonl}: {error.strerror or error}") from error

    def _extract_lines(self, lines):
        for number, raw in enumerate(lines, start=1):
            try:
                line = raw if isinstance(raw, str) else raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                self.stderr.write(f"line {number}: skipped, not valid UTF-8 at byte {error.start}")
                continue
            if not line.strip():
                continue
            try:
                record = validation.json_loads(line)
                text = record["text"]
                if not isinstance(text, str):
                    raise TypeError("'text' must be a string")
            except (ValueError, KeyError, TypeError) as error:
                self.stderr.write(f"line {number}: skipped, expected a JSON object with 'id' and 'text' ({error})")
                continue
            try:
                article_size_check(len(text))
            except ArticleTooLarge as error:
                self.stdout.write(_dumps({"id": record.get("id"), **_failed(error, name=False)}))
                self.stderr.write(f"line {number}: skipped: {error}")
                continue
            try:
                result = rescored(extract(text)).to_dict()
            except Exception as error:  # noqa: BLE001 - one failing text must not stop the batch
                self.stdout.write(_dumps({"id": record.get("id"), **_failed(error)}))
                self.stderr.write(f"line {number}: extraction failed ({type(error).__name__}: {error})")
                continue
            self.stdout.write(_dumps({"id": record.get("id"), **result}))
