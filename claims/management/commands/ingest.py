"""`python manage.py ingest PATH [PATH ...] [--sync]` — interfaces.md §3.

PATH is a text, HTML, JSONL/JSON or feed file, a folder of them, or an http(s) URL (a page or a feed).
Bad inputs are reported with their file (and line) and skipped; everything else is ingested.
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims.display import figure_finding, worst_figure
from claims.lib.sources import SourceError, read_path, read_url
from claims.models import ArticleStatus, Claim, MachineVerdict
from claims.services.articles import BROKER_UNAVAILABLE, article_ingest_incoming, article_is_waiting_for_broker

FLAGGED = (MachineVerdict.CONTRADICTED, MachineVerdict.MIXED)


class Command(BaseCommand):
    help = "Ingest articles from files, folders or URLs; extract and match their claims."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--sync", action="store_true", help="process in this process instead of queueing")

    def handle(self, *args, paths, sync=False, **options):
        items = []
        for path in paths:
            items.extend(read_url(path) if path.startswith(("http://", "https://")) else read_path(path))
        errors = [item for item in items if isinstance(item, SourceError)]
        incoming = [item for item in items if not isinstance(item, SourceError)]
        for error in errors:
            self.stderr.write(f"error: {error}")

        created = existing = failed = waiting = 0
        broker_up = True
        show_bar = sys.stderr.isatty() and options.get("verbosity", 1) > 0
        for item in tqdm(incoming, desc="ingest", unit="article", disable=not show_bar, file=sys.stderr):
            try:
                article, is_new = article_ingest_incoming(incoming=item, sync=sync, send=broker_up)
            except ValueError as exc:
                errors.append(exc)
                self.stderr.write(f"error: {item.source}: {exc}")
                continue
            created += is_new
            existing += not is_new
            if is_new and not sync and article_is_waiting_for_broker(article):
                # Stored, in the outbox: the sweep sends it once the broker is back. The next files
                # go straight to the outbox instead of waiting for the broker again.
                waiting += 1
                broker_up = False
                self.stderr.write(f"warning: {item.source}: article {article.id} {BROKER_UNAVAILABLE}")
            if article.status == ArticleStatus.FAILED:
                failed += 1
                self.stderr.write(f"error: {item.source}: processing failed: {article.error}")
            elif options.get("verbosity", 1) > 0:
                self.stdout.write(f"{article.id}\t{article.status}\t{item.source}")
                if sync:
                    self._write_flagged(article)

        mode = "processed" if sync else "queued"
        self.stdout.write(
            f"{created + existing} articles: {created} new ({mode}), {existing} already known; "
            f"{failed} failed; {len(errors)} inputs skipped"
        )
        if waiting:
            self.stdout.write(
                f"{waiting} articles stored and waiting for the task queue (broker unavailable): "
                "they are sent automatically when it is back"
            )
        if not incoming and errors:
            raise CommandError("nothing could be ingested")
        if errors or failed:
            raise CommandError(f"{len(errors) + failed} inputs could not be ingested (see above)", returncode=1)

    def _write_flagged(self, article) -> None:
        """Under an article processed with --sync: each claim the machine flagged and what is wrong."""

        flagged = (
            Claim.objects.filter(article=article, suggested_verdict__in=FLAGGED)
            .prefetch_related("quantities__match")
            .order_by("start")
        )
        total = article.claims.count()
        rows = list(flagged)
        self.stdout.write(f"\t{total} claims, {len(rows)} with a contradicted figure")
        for claim in rows:
            self.stdout.write(f"\t  #{claim.id} {claim.suggested_verdict}: {figure_finding(*worst_figure(claim))}")
