"""Export claims and verdicts as JSON (interfaces.md §4), CSV, XLSX or schema.org ClaimReview."""

import argparse

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date, parse_datetime

from claims.exports import FORMATS, write_export
from claims.models import ClaimStatus, MachineVerdict, Rating
from claims.selectors.exports import claims_for_export


def since_value(raw: str):
    moment = parse_datetime(raw) or parse_date(raw)
    if moment is None:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD or an ISO date-time, got {raw!r}")
    return moment


class _Unterminated:
    """stdout as the writers expect it: text written as it comes, no newline added per write."""

    def __init__(self, out):
        self.out = out

    def write(self, text: str) -> int:
        self.out.write(text, ending="")
        return len(text)


class Command(BaseCommand):
    help = "Export claims with their machine checks and editor verdicts (json, csv, xlsx, claimreview)."

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=sorted(FORMATS), dest="fmt")
        parser.add_argument("--output", "-o", help="File to write; stdout when omitted (not for xlsx).")
        parser.add_argument("--status", choices=ClaimStatus.values, help="Only claims in this review status.")
        parser.add_argument("--suggested", choices=MachineVerdict.values, help="Only claims with this machine verdict.")
        parser.add_argument("--verdict", choices=Rating.values, help="Only claims with this editor rating.")
        parser.add_argument("--article", type=int, help="Only the claims of this article id.")
        parser.add_argument("--since", type=since_value, help="Only claims created, changed or decided since then.")
        parser.add_argument("--published-only", action="store_true", help="Only claims with a published verdict.")
        parser.add_argument(
            "--include-decided",
            action="store_true",
            help="claimreview: also claims decided but not yet published (default: published only).",
        )
        parser.add_argument(
            "--lang", choices=["ar", "en"], default="ar", help="Labels of csv and xlsx, ClaimReview alternateName."
        )

    def handle(self, *args, fmt, output, lang, include_decided, **options):
        spec = FORMATS[fmt]
        if spec.binary and not output:
            raise CommandError(f"{fmt} is a binary format: give --output FILE.")
        claims = claims_for_export(
            status=options["status"],
            suggested=options["suggested"],
            verdict=options["verdict"],
            article=options["article"],
            since=options["since"],
            published_only=options["published_only"],
        )
        if output:
            mode = {"mode": "wb"} if spec.binary else {"mode": "w", "encoding": "utf-8", "newline": ""}
            with open(output, **mode) as stream:
                count = write_export(fmt, claims, stream, lang=lang, include_decided=include_decided)
        else:
            count = write_export(fmt, claims, _Unterminated(self.stdout), lang=lang, include_decided=include_decided)
        self.stderr.write(f"{count} records exported as {fmt}{f' to {output}' if output else ''}.")
