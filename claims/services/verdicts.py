"""Editor decisions on claims: verdicts, publication, assignment and review status.

Every write names its actor. Roles are checked here, not only in the doors (admin, API), so a
thin door can never skip them. Concurrency: a claim carries a `version`; a verdict save names the
version the editor started from and takes the claim with a conditional UPDATE that must touch
exactly one row, so two editors saving at once can never silently overwrite each other.
History (who and when) is kept by django-simple-history on Claim and Verdict.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.matching.references import figure_from_value
from claims.models import Claim, ClaimStatus, Rating, ReferenceStatement, Verdict
from claims.services.checked_figures import checked_figures_refresh
from claims.services.claim_memory import verdict_remembered_on_commit
from claims.services.rows import row_claim
from claims.services.webhooks import verdict_published_notify
from claims.tasks.matching import match_claims

PUBLISH_PERMISSION = "claims.publish_verdict"
DECIDE_PERMISSIONS = ("claims.add_verdict", "claims.change_verdict")
CLAIM_CHANGE_PERMISSION = "claims.change_claim"

# Moves an editor may make by hand. `decided` is reached only through verdict_set and `published`
# only through verdict_publish; reopening a published claim is a chief editor's call.
MANUAL_TRANSITIONS: dict[str, frozenset[str]] = {
    ClaimStatus.NEW: frozenset({ClaimStatus.IN_REVIEW}),
    ClaimStatus.SUGGESTED: frozenset({ClaimStatus.IN_REVIEW}),
    ClaimStatus.IN_REVIEW: frozenset({ClaimStatus.NEW, ClaimStatus.SUGGESTED}),
    ClaimStatus.DECIDED: frozenset({ClaimStatus.IN_REVIEW}),
    ClaimStatus.PUBLISHED: frozenset({ClaimStatus.IN_REVIEW}),
    # A dismissal is undone by taking the claim back into review (its label stays until a verdict).
    ClaimStatus.NOT_CHECKWORTHY: frozenset({ClaimStatus.IN_REVIEW}),
}


class StaleClaimError(Exception):
    """The claim changed since the editor opened it; their save was refused, nothing was written."""

    def __init__(self, claim_id: int, expected_version: int, current_version: int | None):
        self.claim_id = claim_id
        self.expected_version = expected_version
        self.current_version = current_version
        super().__init__(
            _(
                "This claim changed since you opened it: another editor saved a verdict. "
                "Review the current verdict and try again."
            )
        )


def is_figure(value: str) -> bool:
    """A decimal number or an ISO date: what a verdict's correct value may be."""
    try:
        figure = figure_from_value(value.strip())
    except ValueError:
        return False
    return figure.kind == "date" or figure.value.is_finite()


def _require(user, *permissions: str) -> None:
    if user is None or not user.is_active or not user.has_perms(permissions):
        raise PermissionDenied(_("You do not have permission to do this."))


def verdict_set(
    *,
    claim: Claim,
    rating: str,
    note: str = "",
    reference: ReferenceStatement | None = None,
    editor,
    expected_version: int,
    correct_value: str | None = None,
    correct_unit: str | None = None,
) -> Verdict:
    """Record (or change) the editor's verdict on a claim; the claim becomes `decided`.

    Raises StaleClaimError when the claim's version is no longer `expected_version`. Changing the
    verdict of a published claim takes it back to `decided`: a chief editor must publish it again.
    `correct_value`/`correct_unit` give the right figure when the claim's is wrong (None keeps the
    stored one); the claim memory carries it to later repeats.
    """
    _require(editor, *DECIDE_PERMISSIONS)
    if rating not in Rating.values:
        raise ValidationError({"rating": _("Unknown rating: %(rating)s") % {"rating": rating}})
    if correct_value and not is_figure(correct_value):
        raise ValidationError({"correct_value": _("The correct value must be a number or an ISO date.")})

    with transaction.atomic():
        now = timezone.now()
        # A verdict is also the editors' check-worthiness label (claims.services.checkworthiness).
        taken = row_claim(
            Claim, pk=claim.pk, when=Q(version=expected_version),
            version=F("version") + 1, status=ClaimStatus.DECIDED, updated_at=now, editor_label=1, labelled_at=now,
        )
        if not taken:
            current = Claim.objects.filter(id=claim.pk).values_list("version", flat=True).first()
            raise StaleClaimError(claim.pk, expected_version, current)
        claim.refresh_from_db()
        _record_claim_history(claim, editor)

        verdict = Verdict.objects.select_for_update().filter(claim=claim).first() or Verdict(claim=claim)
        verdict.rating = rating
        verdict.note = note or ""
        verdict.reference = reference
        verdict.editor = editor
        verdict.decided_at = now
        verdict.published_by = None
        verdict.published_at = None
        if correct_value is not None:  # None keeps what is stored (a door that does not ask for it)
            verdict.correct_value = correct_value.strip()
        if correct_unit is not None:
            verdict.correct_unit = correct_unit.strip()
        verdict._history_user = editor
        verdict.save()
        verdict_remembered_on_commit(verdict=verdict)
        checked_figures_refresh(claim_ids=[claim.pk])
    return verdict


def verdict_publishable(*, claim: Claim, verdict: Verdict | None, user) -> bool:
    """The publish rule that `verdict_publish` enforces, for a door to ask before offering it: a
    chief editor publishes a decided verdict that someone else decided (a superuser may publish
    their own)."""
    return (
        user.has_perm(PUBLISH_PERMISSION)
        and verdict is not None
        and claim.status == ClaimStatus.DECIDED
        and _second_look(verdict, user)
    )


def _second_look(verdict: Verdict, user) -> bool:
    return verdict.editor_id != user.pk or user.is_superuser


def verdict_publish(*, claim: Claim, publisher, expected_version: int | None = None) -> Verdict:
    """A chief editor's second look: publish a decided verdict and notify webhook subscribers.

    The publisher may not be the editor who decided, unless they are a superuser.
    """
    _require(publisher, PUBLISH_PERMISSION)
    verdict = Verdict.objects.filter(claim_id=claim.pk).select_related("editor").first()
    if verdict is None:
        raise ValidationError(_("This claim has no verdict to publish."))
    if not _second_look(verdict, publisher):
        raise PermissionDenied(_("A verdict must be published by someone other than the editor who decided it."))

    with transaction.atomic():
        now = timezone.now()
        when = Q(status=ClaimStatus.DECIDED)
        if expected_version is not None:
            when &= Q(version=expected_version)
        if not row_claim(Claim, pk=claim.pk, when=when, version=F("version") + 1, status=ClaimStatus.PUBLISHED,
                         updated_at=now):
            current = Claim.objects.filter(id=claim.pk).values_list("status", "version").first()
            if current and current[0] == ClaimStatus.DECIDED and expected_version is not None:
                raise StaleClaimError(claim.pk, expected_version, current[1])
            raise ValidationError(_("Only a decided claim can be published."))
        claim.refresh_from_db()
        _record_claim_history(claim, publisher)

        verdict = Verdict.objects.select_for_update().get(pk=verdict.pk)
        verdict.published_by = publisher
        verdict.published_at = now
        verdict._history_user = publisher
        verdict.save()
        verdict_remembered_on_commit(verdict=verdict)

        verdict_id = verdict.pk
        transaction.on_commit(lambda: _notify_published(verdict_id))
    return verdict


def _notify_published(verdict_id: int) -> None:
    verdict_published_notify(verdict_id=verdict_id)


def claim_assign(*, claims: Iterable[Claim], assignee, by) -> int:
    """Assign claims to an editor (or to nobody with assignee=None). Returns how many changed."""
    _require(by, CLAIM_CHANGE_PERMISSION)
    if assignee is not None and not (assignee.is_active and assignee.has_perms(DECIDE_PERMISSIONS)):
        raise ValidationError(_("Claims can only be assigned to an editor."))
    assignee_id = assignee.pk if assignee is not None else None
    changed = 0
    with transaction.atomic():
        for claim in _locked(claims):
            if claim.assignee_id == assignee_id:
                continue
            claim.assignee = assignee
            claim._history_user = by
            claim.save(update_fields=["assignee", "updated_at"])
            changed += 1
    return changed


def claim_status_set(*, claims: Iterable[Claim], status: str, by) -> int:
    """Move claims to a review status by hand; all or nothing. Returns how many changed.

    Raises ValidationError naming the claims that cannot make the move (see MANUAL_TRANSITIONS).
    """
    _require(by, CLAIM_CHANGE_PERMISSION)
    if status not in ClaimStatus.values:
        raise ValidationError(_("Unknown status: %(status)s") % {"status": status})
    with transaction.atomic():
        locked = [claim for claim in _locked(claims) if claim.status != status]
        refused = [claim.pk for claim in locked if status not in MANUAL_TRANSITIONS.get(claim.status, ())]
        if refused:
            raise ValidationError(
                _("These claims cannot move to “%(status)s”: %(ids)s")
                % {"status": ClaimStatus(status).label, "ids": ", ".join(f"#{pk}" for pk in refused)}
            )
        reopened = [claim.pk for claim in locked if claim.status == ClaimStatus.PUBLISHED]
        if reopened:
            _require(by, PUBLISH_PERMISSION)
        for claim in locked:
            claim.status = status
            claim.version += 1
            claim._history_user = by
            claim.save(update_fields=["status", "version", "updated_at"])
        for verdict in Verdict.objects.select_for_update().filter(claim_id__in=reopened):
            verdict.published_by = None
            verdict.published_at = None
            verdict._history_user = by
            verdict.save()
        checked_figures_refresh(claim_ids=[claim.pk for claim in locked])
    return len(locked)


def claim_rematch(*, claims: Iterable[Claim], by) -> int:
    """Mark claims for matching again and queue the matcher for them. Returns how many were marked."""
    _require(by, CLAIM_CHANGE_PERMISSION)
    ids = [claim.pk for claim in claims]
    if not ids:
        return 0
    marked = Claim.objects.filter(id__in=ids).update(needs_matching=True)
    match_claims.delay_on_commit(ids)
    return marked


def _locked(claims: Iterable[Claim]) -> list[Claim]:
    ids = [claim.pk for claim in claims]
    return list(Claim.objects.select_for_update().filter(id__in=ids).order_by("id"))


def _record_claim_history(claim: Claim, user) -> None:
    """Keep a history row for a change made by a conditional UPDATE (which sends no signals)."""
    Claim.history.bulk_history_create([claim], update=True, default_user=user)


def claim_not_checkworthy(*, claim: Claim, by) -> Claim:
    """An editor's call that a claim is not worth checking (the review desk's `n` key).

    With a dedicated status in ClaimStatus (NOT_CHECKWORTHY) the claim moves there; until then its
    check-worthiness drops to 0, below FACTCHECK_MIN_CHECKWORTHINESS, so it leaves the working queue.
    Either way the change and its author are kept in the claim's history.
    """
    _require(by, CLAIM_CHANGE_PERMISSION)
    with transaction.atomic():
        (locked,) = _locked([claim])
        fields = ["version", "updated_at"]
        not_checkworthy = getattr(ClaimStatus, "NOT_CHECKWORTHY", None)
        if not_checkworthy is not None:
            locked.status = not_checkworthy
            fields.append("status")
        else:
            locked.checkworthiness = 0.0
            fields.append("checkworthiness")
        locked.version += 1
        locked._history_user = by
        locked.save(update_fields=fields)
    return locked
