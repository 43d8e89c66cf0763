"""Check-worthiness learned from the newsroom: editors' decisions are labels, a retrain makes a model.

Labels: a verdict says "worth checking" (1), a "not check-worthy" dismissal says the opposite (0), a
claim an editor adds by hand from the article text is a 1. `checkworthiness_retrain` (run by a
periodic task) trains on them when enough new ones arrived, compares the new model with the active
one on a held-out slice of the labels, keeps the better one, and re-scores the open queue.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from sklearn.metrics import precision_recall_fscore_support

from claims.checkworthiness.features import figures
from claims.checkworthiness.model import (
    Scorer,
    TooFewLabels,
    default_scorer,
    read_default_sentences,
    rescored,
    train,
)
from claims.extraction import normalize
from claims.extraction.types import Extraction
from claims.models import Article, CheckworthinessModel, Claim, ClaimOrigin, ClaimStatus, Quantity
from claims.services.matching import claim_priority, quantity_row
from claims.tasks.matching import match_claims

logger = logging.getLogger(__name__)

CLAIM_CHANGE_PERMISSION = "claims.change_claim"
# Claims an editor can still act on: their score orders the queue, so a new model re-scores them.
OPEN_STATUSES = (ClaimStatus.NEW, ClaimStatus.SUGGESTED, ClaimStatus.IN_REVIEW)
DISMISSABLE_STATUSES = (*OPEN_STATUSES, ClaimStatus.NOT_CHECKWORTHY)
RESCORE_BATCH = 500
# One claim in HELDOUT_EVERY is kept out of training to compare models (chosen by its id: stable).
HELDOUT_EVERY = 5

_scorer_lock = threading.Lock()
_cached_scorer: tuple[int, Scorer] | None = None


# --- Scoring ------------------------------------------------------------------------------------


def active_scorer() -> Scorer:
    """The newsroom's active model, or the shipped default when there is none (or no database)."""
    global _cached_scorer
    try:
        row = CheckworthinessModel.objects.filter(is_active=True).only("version").order_by("-version").first()
    except DatabaseError:
        # No database (or not migrated yet): the extract command still scores, with the shipped default.
        logger.debug("no check-worthiness model table: using the default", exc_info=True)
        return default_scorer()
    if row is None:
        return default_scorer()
    with _scorer_lock:
        if _cached_scorer is None or _cached_scorer[0] != row.version:
            data = CheckworthinessModel.objects.values_list("data", flat=True).get(pk=row.pk)
            _cached_scorer = (row.version, Scorer.from_bytes(bytes(data)))
        return _cached_scorer[1]


def checkworthiness_score(texts: Sequence[str]) -> list[float]:
    return active_scorer().score(texts)


def extraction_rescored(extraction: Extraction) -> Extraction:
    """The extraction's claims scored by the newsroom's active model."""
    return rescored(extraction, active_scorer())


# --- Editor decisions (labels) -------------------------------------------------------------------


def _require(user, permission: str = CLAIM_CHANGE_PERMISSION) -> None:
    if user is None or not user.is_active or not user.has_perm(permission):
        raise PermissionDenied(_("You do not have permission to do this."))


def claim_label_set(*, claim_ids: Iterable[int], label: int) -> int:
    """Record the editors' check-worthiness label on claims (used by every decision below)."""
    return Claim.objects.filter(id__in=list(claim_ids)).update(editor_label=label, labelled_at=timezone.now())


def claims_dismiss(*, claims: Iterable[Claim], by) -> int:
    """"Not check-worthy": open claims leave the queue with status not_checkworthy and label 0.

    All or nothing: a decided or published claim cannot be dismissed (its verdict says otherwise).
    """
    _require(by)
    with transaction.atomic():
        locked = list(Claim.objects.select_for_update().filter(id__in=[c.pk for c in claims]).order_by("id"))
        refused = [c.pk for c in locked if c.status not in DISMISSABLE_STATUSES]
        if refused:
            raise ValidationError(
                _("These claims already have a verdict and cannot be dismissed: %(ids)s")
                % {"ids": ", ".join(f"#{pk}" for pk in refused)}
            )
        now = timezone.now()
        for claim in locked:
            claim.status = ClaimStatus.NOT_CHECKWORTHY
            claim.editor_label = 0
            claim.labelled_at = now
            claim.version += 1
            claim._history_user = by
            claim.save(update_fields=["status", "editor_label", "labelled_at", "version", "updated_at"])
    return len(locked)


def claim_add_manual(*, article: Article, start: int, end: int, by) -> tuple[Claim, bool]:
    """An editor marks a passage of the article as a claim (label 1). Returns (claim, created).

    The span is trimmed of surrounding spaces; an existing claim with the same span is labelled
    instead of duplicated (and a dismissed one goes back to the queue).
    """
    _require(by)
    text = article.text
    if not (0 <= start < end <= len(text)):
        raise ValidationError(_("The selection is outside the article's text."))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        raise ValidationError(_("The selection holds no text."))
    passage = text[start:end]
    found = figures(passage)  # the editor's passage is kept even if the engine cannot read its figures
    score = active_scorer().score([passage])[0]
    now = timezone.now()
    with transaction.atomic():
        claim = Claim.objects.select_for_update().filter(article=article, start=start, end=end).first()
        if claim is not None:
            if claim.status == ClaimStatus.NOT_CHECKWORTHY:
                claim.status = ClaimStatus.NEW
            claim.editor_label, claim.labelled_at = 1, now
            claim.version += 1
            claim._history_user = by
            claim.save(update_fields=["status", "editor_label", "labelled_at", "version", "updated_at"])
            return claim, False
        claim = Claim(
            article=article,
            start=start,
            end=end,
            text=passage,
            normalized_text=normalize(passage),
            kind="numeric" if found else "factual",
            checkworthiness=score,
            priority=claim_priority(score, ""),
            origin=ClaimOrigin.EDITOR,
            editor_label=1,
            labelled_at=now,
        )
        claim._history_user = by
        claim.save()
        # Offsets into the article: the passage's own plus where the passage starts.
        Quantity.objects.bulk_create(
            quantity_row(claim, position, replace(q, start=start + q.start, end=start + q.end))
            for position, q in enumerate(found)
        )
        match_claims.delay_on_commit([claim.id])
    return claim, True


# --- Retraining ----------------------------------------------------------------------------------


def newsroom_labels(limit: int | None = None) -> list[tuple[int, str, int]]:
    """(claim id, text, label) of every labelled claim, newest label first, at most `limit`."""
    limit = limit or settings.FACTCHECK_CHECKWORTHINESS_MAX_LABELS
    rows = Claim.objects.filter(editor_label__isnull=False).order_by("-labelled_at", "-id")
    return list(rows.values_list("id", "text", "editor_label")[:limit])


def _fingerprint(labels: list[tuple[int, str, int]]) -> str:
    digest = hashlib.sha256()
    for claim_id, text, label in sorted(labels):
        digest.update(f"{claim_id}\t{label}\t{text}\n".encode())
    return digest.hexdigest()


def _best_threshold(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The score threshold with the best positive-class F1 on labelled texts (0.5 without positives)."""
    if 1 not in labels:
        return 0.5
    best = (-1.0, 0.5)
    for threshold in sorted(set(round(s, 3) for s in scores)):
        predicted = [s >= threshold for s in scores]
        f1 = precision_recall_fscore_support(labels, predicted, average="binary", zero_division=0)[2]
        best = max(best, (f1, threshold))
    return best[1]


def _train_with_base(texts: list[str], labels: list[int]) -> Scorer:
    """The newsroom's labels on top of the project's own sentences (they carry it while labels are few)."""
    base_texts, base_labels = read_default_sentences()
    return train(base_texts + texts, base_labels + labels)


def checkworthiness_retrain(*, force: bool = False) -> CheckworthinessModel | None:
    """Train a newsroom model if enough new labels arrived (or `force`); returns the stored row or None.

    Idempotent: the same labels never train twice. A candidate that scores below the active model on
    the held-out slice is stored inactive (for the record) and the active one stays. Any failure
    leaves the active model in place (nothing is written before the end).
    """
    labels = newsroom_labels()
    active = CheckworthinessModel.objects.filter(is_active=True).order_by("-version").first()
    if not force:
        since = active.created_at if active else None
        new = Claim.objects.filter(editor_label__isnull=False)
        if since is not None:
            new = new.filter(labelled_at__gt=since)
        if new.count() < settings.FACTCHECK_CHECKWORTHINESS_MIN_NEW_LABELS:
            return None
    fingerprint = _fingerprint(labels)
    existing = CheckworthinessModel.objects.filter(labels_fingerprint=fingerprint).first()
    if existing is not None:
        return existing

    heldout = [row for row in labels if row[0] % HELDOUT_EVERY == 0]
    training = [row for row in labels if row[0] % HELDOUT_EVERY != 0]
    heldout_texts, heldout_labels = [r[1] for r in heldout], [r[2] for r in heldout]
    try:
        candidate = _train_with_base([r[1] for r in training], [r[2] for r in training])
    except TooFewLabels:
        logger.info("check-worthiness: too few labels of each class to train (%s)", len(training))
        return None
    candidate_auc = candidate.auc(heldout_texts, heldout_labels)
    current = active_scorer()
    previous_auc = current.auc(heldout_texts, heldout_labels)
    better = candidate_auc is None or previous_auc is None or candidate_auc >= previous_auc
    threshold = _best_threshold(candidate.score(heldout_texts), heldout_labels) if heldout else 0.5
    if better:
        # The recipe proved itself on the held-out slice: the stored model learns from every label.
        candidate = _train_with_base([r[1] for r in labels], [r[2] for r in labels])

    version = (CheckworthinessModel.objects.aggregate(v=Max("version"))["v"] or 0) + 1
    try:
        with transaction.atomic():
            row = CheckworthinessModel.objects.create(
                version=version,
                training_size=len(labels) if better else len(training),
                heldout_size=len(heldout),
                heldout_auc=candidate_auc,
                previous_auc=previous_auc,
                threshold=threshold,
                is_active=better,
                labels_fingerprint=fingerprint,
                data=candidate.to_bytes(),
            )
            if better:
                CheckworthinessModel.objects.exclude(pk=row.pk).update(is_active=False)
    except IntegrityError:
        # Another worker trained on the same labels at the same time: theirs is the same model.
        return CheckworthinessModel.objects.filter(labels_fingerprint=fingerprint).first()
    if better:
        claims_rescore_open()
    return row


def claims_rescore_open() -> int:
    """Score every open claim with the active model, in batches; returns how many were scored."""
    scorer = active_scorer()
    done = 0
    last_id = 0
    while True:
        batch = list(
            Claim.objects.filter(status__in=OPEN_STATUSES, id__gt=last_id)
            .order_by("id")
            .only("id", "text", "suggested_verdict")[:RESCORE_BATCH]
        )
        if not batch:
            return done
        for claim, score in zip(batch, scorer.score([c.text for c in batch]), strict=True):
            claim.checkworthiness = score
            claim.priority = claim_priority(score, claim.suggested_verdict)
        Claim.objects.bulk_update(batch, ["checkworthiness", "priority"])
        done += len(batch)
        last_id = batch[-1].id

