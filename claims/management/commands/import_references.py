"""`python manage.py import_references FILE` — interfaces.md §2, and the other kinds of reference source.

    import_references FILE                                  # .jsonl, .json (a list) or .csv records (§2)
    import_references --format claimreview FILE|URL        # schema.org ClaimReview JSON-LD
    import_references --format table FILE --name NAME --mapping JSON [--source-title ...]   # .csv/.xlsx
    import_references --format pdf FILE [--source-title ...]                              # a PDF report

A record's `key` is its stable id: importing it again updates the statement (ClaimReview: keyed by
the review's URL; tables: by subject, metric and period). Bad records are reported with where they
are (line, list index, review number) and why, and skipped; the good ones are kept. The exit code is
non-zero only when the file cannot be read at all.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.lib import records
from claims.lib.claimreview import ClaimReviewError
from claims.lib.tables import TableError
from claims.services.reference_sources import (
    ReferenceSourceError,
    claimreview_import,
    pdf_import,
    table_import_create,
    table_import_run,
)
from claims.services.references import reference_import

FORMATS = ("records", "claimreview", "table", "pdf")


class Command(BaseCommand):
    help = "Import reference statements: §2 records (.jsonl/.json/.csv), ClaimReview, statistics tables or PDF reports."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="a file (or, for --format claimreview, an http(s) URL)")
        parser.add_argument("--format", choices=FORMATS, default=None, help="default: by the file's extension")
        parser.add_argument("--name", help="table: prefix of the statements' keys (Latin letters, digits, -)")
        parser.add_argument("--mapping", help='table: {"subject": COLUMN, "metric": ..., "period": ..., "value": ...}')
        parser.add_argument("--source-title", default="")
        parser.add_argument("--source-url", default="")
        parser.add_argument("--publisher", default="")

    def handle(self, *args, file, **options):
        kind = options["format"] or _format_of(file)
        try:
            if kind == "claimreview":
                report = claimreview_import(location=file)
            elif kind == "table":
                report = self._table(file, options)
            elif kind == "pdf":
                report = pdf_import(
                    path=Path(file),
                    title=options["source_title"],
                    url=options["source_url"],
                    publisher=options["publisher"],
                )
            else:
                report = reference_import(records=records.read_file(file))
        except (records.ReferenceFileError, ReferenceSourceError, ClaimReviewError, TableError) as error:
            raise CommandError(f"{file}: {error}") from error
        for row in report.skipped:
            key = f" ({row.key})" if row.key else ""
            self.stderr.write(f"{file}: {row.where}{key}: {row.reason}")
        if options.get("verbosity", 1) > 1:
            for row in report.rows:
                if row.action != "skipped":
                    self.stdout.write(f"{row.where}\t{row.action}\t{row.key}")
        self.stdout.write(f"{file}: {report.summary()}")

    def _table(self, file: str, options: dict):
        if not options["name"] or not options["mapping"]:
            raise CommandError("--format table needs --name and --mapping")
        try:
            mapping = json.loads(options["mapping"])
        except json.JSONDecodeError as error:
            raise CommandError(f"--mapping is not JSON: {error.msg}") from error
        table_import = table_import_create(
            path=Path(file),
            name=options["name"],
            mapping=mapping,
            source_title=options["source_title"],
            source_url=options["source_url"],
            publisher=options["publisher"],
        )

        def progress(done: int, total: int) -> None:
            if options.get("verbosity", 1) > 0 and (done == total or done % 1000 == 0):
                self.stdout.write(f"{file}: {done}/{total} rows")

        return table_import_run(table_import_id=table_import.id, progress=progress)


def _format_of(file: str) -> str:
    if file.startswith(("http://", "https://")):
        return "claimreview"
    suffix = Path(file).suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix in (".xlsx", ".xlsm"):
        return "table"
    return "records"
