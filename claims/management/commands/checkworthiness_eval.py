"""Replay labelled texts as editors' decisions, retrain, and measure the newsroom model on other texts.

    python manage.py checkworthiness_eval FILE.jsonl --train-split train --test-split dev_test [--json]

FILE rows: {"id", "text", "checkworthy": 0|1, "split"}. Each train row is ingested as an article through
the real service; a check-worthy row is marked a claim by an editor (the whole text, as the "add a
claim" door does), a row that is not has its claims dismissed as not check-worthy. The retraining task
then runs as the worker would, and the test rows are scored by the model it made.

It runs on a throwaway database created the way Django's test runner creates one (SQLite in memory;
on PostgreSQL `test_<name>_cweval`), destroyed at the end: the real database is never touched.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from sklearn.metrics import precision_recall_fscore_support, roc_auc_score

from claims.models import CheckworthinessModel
from claims.services.articles import article_ingest
from claims.services.checkworthiness import active_scorer, claim_add_manual, claims_dismiss
from claims.tasks.checkworthiness import retrain_checkworthiness
from factcheck.celery import app as celery_app

EVAL_EDITOR = "checkworthiness-eval"


def read_rows(path: Path) -> list[dict]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{path}: {error}") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row.get("text"), str) or row.get("checkworthy") not in (0, 1, True, False):
                raise ValueError("needs a string 'text' and 'checkworthy' 0 or 1")
        except (ValueError, AttributeError) as error:
            raise CommandError(f"{path.name}:{number}: {error}") from error
        rows.append(row)
    return rows


class Command(BaseCommand):
    help = "Replay labelled texts as editor decisions on a scratch database, retrain, score a test split."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="FILE.jsonl")
        parser.add_argument("--train-split", default="train")
        parser.add_argument("--test-split", default="dev_test")
        parser.add_argument("--train-limit", type=int, default=0, help="Replay only the first N train rows.")
        parser.add_argument("--json", dest="as_json", action="store_true", help="End with one JSON line of the scores.")

    def handle(self, *args, file, train_split, test_split, train_limit, as_json, **options):
        rows = read_rows(file)
        train = [r for r in rows if r.get("split") == train_split]
        test = [r for r in rows if r.get("split") == test_split]
        if train_limit:
            train = train[:train_limit]
        if not train or not test:
            raise CommandError(f"no rows in split {train_split!r} ({len(train)}) or {test_split!r} ({len(test)})")
        # Every task runs here, in this process, on the scratch database: nothing reaches a broker.
        for name in ("task_always_eager", "CELERY_TASK_ALWAYS_EAGER"):
            celery_app.conf[name] = True
        old_name = connection.settings_dict["NAME"]
        test_settings = connection.settings_dict.setdefault("TEST", {})
        test_settings["NAME"] = None if connection.vendor == "sqlite" else f"test_{old_name}_cweval"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            result = self._replay(train, test, file.name)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        if as_json:
            self.stdout.write(json.dumps(result))

    def _replay(self, train: list[dict], test: list[dict], source: str) -> dict:
        editor = get_user_model().objects.create_superuser(EVAL_EDITOR, password=None)
        started = time.monotonic()
        for row in train:
            if not row["text"].strip():
                continue
            article, _ = article_ingest(title=str(row.get("id", ""))[:200], text=row["text"], source=source, sync=True)
            claim_add_manual(article=article, start=0, end=len(article.text), by=editor)
            if not row["checkworthy"]:
                claims_dismiss(claims=list(article.claims.all()), by=editor)
        replayed = time.monotonic()
        version = retrain_checkworthiness.apply(kwargs={"force": True}).get()
        trained = time.monotonic()

        model = CheckworthinessModel.objects.filter(version=version).first() if version else None
        scorer = active_scorer()
        threshold = model.threshold if model and model.is_active else 0.5
        labels = [int(r["checkworthy"]) for r in test]
        scores = scorer.score([r["text"] for r in test])
        precision, recall, f1, _ = precision_recall_fscore_support(
            labels, [s >= threshold for s in scores], average="binary", zero_division=0
        )
        auc = roc_auc_score(labels, scores) if len(set(labels)) == 2 else None
        self.stderr.write(
            f"replayed {len(train)} decisions in {replayed - started:.0f}s, retrained in {trained - replayed:.0f}s; "
            f"model v{version} active={bool(model and model.is_active)} held-out AUC "
            f"{model.heldout_auc if model else None} (previous {model.previous_auc if model else None}), "
            f"threshold {threshold:.3f}"
        )
        return {
            "n_train": len(train),
            "n_test": len(test),
            "precision": round(float(precision), 4),
            "recall": round(float(recall), 4),
            "f1": round(float(f1), 4),
            "auc": None if auc is None else round(float(auc), 4),
        }

