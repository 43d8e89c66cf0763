"""`python manage.py import_references FILE` — interfaces.md §2.

FILE is .jsonl, .json (a list) or .csv (same columns, lists separated by |). A record's `key` is its
stable id: importing it again updates the statement. Bad records are reported with where they are
(line, or list index) and why, and skipped; the good ones are kept. The exit code is non-zero only
when the file cannot be read at all.
"""

from django.core.management.base import BaseCommand, CommandError

from claims.services.references import ReferenceFileError, reference_import, reference_records_read


class Command(BaseCommand):
    help = "Import reference statements from a .jsonl, .json or .csv file (re-importing a key updates it)."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")

    def handle(self, *args, file, **options):
        try:
            records = reference_records_read(file)
        except ReferenceFileError as error:
            raise CommandError(f"{file}: {error}") from error
        report = reference_import(records=records)
        for row in report.skipped:
            key = f" ({row.key})" if row.key else ""
            self.stderr.write(f"{file}: {row.where}{key}: {row.reason}")
        if options.get("verbosity", 1) > 1:
            for row in report.rows:
                if row.action != "skipped":
                    self.stdout.write(f"{row.where}\t{row.action}\t{row.key}")
        self.stdout.write(f"{file}: {report.summary()}")
