"""Review desk page timings: server time and SQL query count of each page, on the demo newsroom.

    .venv/bin/python bench/review_desk.py [--repeat 5] [--extra-claims 0]

Builds a scratch SQLite database in a temporary folder, loads the demo newsroom (`load_demo --sync`),
optionally adds --extra-claims copies of the demo claims (to show that the query count does not
grow with the number of claims), then requests each page as the demo editor through Django's test
client and prints the median server time and the number of queries. Nothing touches your database.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--extra-claims", type=int, default=0)
    args = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="review-desk-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import reverse

    from claims.models import Claim, Quantity, QuantityCheck

    settings.ALLOWED_HOSTS = ["testserver"]
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--sync", verbosity=0, stdout=io.StringIO())
    if args.extra_claims:
        _copy_claims(args.extra_claims, Claim, Quantity, QuantityCheck)

    claim = Claim.objects.filter(quantities__text="558 مليون دولار").first()
    article = claim.article
    pages = {
        "queue": reverse("admin:claims_claim_changelist"),
        "queue, my claims": reverse("admin:claims_claim_changelist") + "?assigned=me",
        "queue, search": reverse("admin:claims_claim_changelist") + "?q=تدريب+تكلفة",
        "split view (558 claim)": reverse("admin:claims_claim_change", args=[claim.pk]),
        "dashboard": reverse("admin:claims_claim_dashboard"),
        "article page": reverse("admin:claims_article_change", args=[article.pk]),
        "live status (JSON)": reverse("admin:claims_claim_live"),
    }
    client = Client()
    client.login(username="editor", password="factcheck-demo")
    print(f"claims: {Claim.objects.count()}, repeat: {args.repeat}")
    print(f"{'page':<26} {'median ms':>10} {'queries':>8}")
    for name, url in pages.items():
        times, counts = [], set()
        for _ in range(args.repeat + 1):  # the first request warms template and translation caches
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - started
            assert response.status_code == 200, (name, response.status_code)
            times.append(elapsed)
            counts.add(len(queries))
        print(f"{name:<26} {statistics.median(times[1:]) * 1000:>10.1f} {'/'.join(map(str, sorted(counts))):>8}")
    return 0


def _copy_claims(copies: int, Claim, Quantity, QuantityCheck) -> None:
    """Append `copies` rounds of the demo claims (same text, shifted spans) to grow the queue."""
    originals = list(Claim.objects.prefetch_related("quantities__match"))
    for round_ in range(1, copies + 1):
        for original in originals:
            shift = round_ * 100_000
            claim = Claim.objects.create(
                article_id=original.article_id,
                start=original.start + shift,
                end=original.end + shift,
                text=original.text,
                normalized_text=original.normalized_text,
                checkworthiness=original.checkworthiness,
                suggested_verdict=original.suggested_verdict,
                suggestion=original.suggestion,
                status=original.status,
            )
            for quantity in original.quantities.all():
                copy = Quantity.objects.create(
                    claim=claim,
                    start=quantity.start,
                    end=quantity.end,
                    text=quantity.text,
                    kind=quantity.kind,
                    value_text=quantity.value_text,
                    value=quantity.value,
                    unit=quantity.unit,
                )
                check = getattr(quantity, "match", None)
                if check is not None:
                    QuantityCheck.objects.create(
                        quantity=copy,
                        verdict=check.verdict,
                        reference_id=check.reference_id,
                        reference_value=check.reference_value,
                        reference_unit=check.reference_unit,
                        ratio=check.ratio,
                        error=check.error,
                    )


if __name__ == "__main__":
    sys.exit(main())
