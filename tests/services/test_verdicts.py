from unittest.mock import patch

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims.models import Claim, ClaimStatus, Rating, ReferenceStatement, Verdict, WebhookDelivery
from claims.services.verdicts import (
    StaleClaimError,
    claim_assign,
    claim_rematch,
    claim_status_set,
    verdict_publish,
    verdict_set,
)
from tests.factories import WebhookSubscriptionFactory


def _decide(claim, editor, rating=Rating.WRONG_FIGURE, note="الرقم الصحيح 5.576 مليون دولار"):
    claim.refresh_from_db()
    return verdict_set(claim=claim, rating=rating, note=note, editor=editor, expected_version=claim.version)


def test_it_records_a_verdict_and_marks_the_claim_decided(contradicted_claim, editor, reference):
    verdict = verdict_set(
        claim=contradicted_claim,
        rating=Rating.WRONG_FIGURE,
        note="خلط بين الملايين والمئات",
        reference=reference,
        editor=editor,
        expected_version=1,
    )
    contradicted_claim.refresh_from_db()
    assert contradicted_claim.status == ClaimStatus.DECIDED
    assert contradicted_claim.version == 2
    assert (verdict.rating, verdict.editor, verdict.reference) == (Rating.WRONG_FIGURE, editor, reference)


def test_it_keeps_every_verdict_change_with_its_editor(contradicted_claim, editor, other_editor):
    _decide(contradicted_claim, editor, Rating.FALSE)
    _decide(contradicted_claim, other_editor, Rating.WRONG_FIGURE)
    history = list(Verdict.history.filter(claim_id=contradicted_claim.pk).order_by("history_date", "history_id"))
    assert [(row.rating, row.history_user) for row in history] == [
        (Rating.FALSE, editor),
        (Rating.WRONG_FIGURE, other_editor),
    ]
    claim_rows = contradicted_claim.history.order_by("history_date", "history_id")
    assert [row.history_user for row in claim_rows if row.status == ClaimStatus.DECIDED] == [editor, other_editor]


def test_it_refuses_a_save_from_a_stale_version_and_keeps_the_first_verdict(contradicted_claim, editor, other_editor):
    opened_at = contradicted_claim.version
    verdict_set(claim=contradicted_claim, rating=Rating.FALSE, editor=editor, expected_version=opened_at)
    with pytest.raises(StaleClaimError) as error:
        verdict_set(claim=contradicted_claim, rating=Rating.TRUE, editor=other_editor, expected_version=opened_at)
    assert "تغيّر منذ فتحته" in str(error.value)  # in the default language, Arabic
    verdict = Verdict.objects.get(claim=contradicted_claim)
    assert (verdict.rating, verdict.editor) == (Rating.FALSE, editor)
    assert Verdict.history.filter(claim_id=contradicted_claim.pk).count() == 1


def test_it_rejects_a_viewer_recording_a_verdict(contradicted_claim, viewer):
    with pytest.raises(PermissionDenied):
        verdict_set(claim=contradicted_claim, rating=Rating.TRUE, editor=viewer, expected_version=1)
    assert not Verdict.objects.exists()


def test_it_rejects_an_unknown_rating(contradicted_claim, editor):
    with pytest.raises(ValidationError):
        verdict_set(claim=contradicted_claim, rating="pants-on-fire", editor=editor, expected_version=1)


def test_it_lets_a_chief_editor_publish_and_notifies_subscribers(
    contradicted_claim, editor, chief, django_capture_on_commit_callbacks
):
    WebhookSubscriptionFactory(owner=chief, url="https://example.org/hook", secret="s3cret")
    _decide(contradicted_claim, editor)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        verdict = verdict_publish(claim=contradicted_claim, publisher=chief)
    contradicted_claim.refresh_from_db()
    assert contradicted_claim.status == ClaimStatus.PUBLISHED
    assert verdict.published_by == chief and verdict.is_published()
    assert WebhookDelivery.objects.count() == 0  # only after commit

    with patch("claims.services.webhooks._queue") as queued:
        for callback in callbacks:
            callback()
    assert list(WebhookDelivery.objects.values_list("event", flat=True)) == ["verdict.published"]
    assert queued.call_count == 1
    # The claim memory remembers the published verdict too.
    assert ReferenceStatement.objects.filter(key=f"verdict-{contradicted_claim.pk}", origin="verdict").exists()


def test_it_rejects_an_editor_publishing(contradicted_claim, editor, other_editor):
    _decide(contradicted_claim, editor)
    with pytest.raises(PermissionDenied):
        verdict_publish(claim=contradicted_claim, publisher=other_editor)
    contradicted_claim.refresh_from_db()
    assert contradicted_claim.status == ClaimStatus.DECIDED


def test_it_rejects_a_chief_publishing_their_own_verdict(contradicted_claim, chief):
    _decide(contradicted_claim, chief)
    with pytest.raises(PermissionDenied):
        verdict_publish(claim=contradicted_claim, publisher=chief)


def test_it_lets_a_superuser_publish_their_own_verdict(contradicted_claim, admin_user):
    _decide(contradicted_claim, admin_user)
    verdict_publish(claim=contradicted_claim, publisher=admin_user)
    contradicted_claim.refresh_from_db()
    assert contradicted_claim.status == ClaimStatus.PUBLISHED


def test_it_refuses_to_publish_a_claim_without_a_verdict(contradicted_claim, chief):
    with pytest.raises(ValidationError):
        verdict_publish(claim=contradicted_claim, publisher=chief)


def test_changing_a_published_verdict_takes_it_back_to_decided(contradicted_claim, editor, other_editor, chief):
    _decide(contradicted_claim, editor)
    verdict_publish(claim=contradicted_claim, publisher=chief)
    verdict = _decide(contradicted_claim, other_editor, Rating.MISLEADING)
    contradicted_claim.refresh_from_db()
    assert contradicted_claim.status == ClaimStatus.DECIDED
    assert not verdict.is_published()


def test_it_assigns_claims_to_an_editor_with_history(contradicted_claim, editor, other_editor):
    assert claim_assign(claims=[contradicted_claim], assignee=other_editor, by=editor) == 1
    contradicted_claim.refresh_from_db()
    assert contradicted_claim.assignee == other_editor
    latest = contradicted_claim.history.first()
    assert (latest.assignee_id, latest.history_user) == (other_editor.pk, editor)


def test_it_refuses_to_assign_a_claim_to_a_viewer(contradicted_claim, editor, viewer):
    with pytest.raises(ValidationError):
        claim_assign(claims=[contradicted_claim], assignee=viewer, by=editor)


def test_it_moves_claims_along_allowed_transitions_only(contradicted_claim, editor):
    assert claim_status_set(claims=[contradicted_claim], status=ClaimStatus.IN_REVIEW, by=editor) == 1
    with pytest.raises(ValidationError):
        claim_status_set(claims=[contradicted_claim], status=ClaimStatus.PUBLISHED, by=editor)
    contradicted_claim.refresh_from_db()
    assert contradicted_claim.status == ClaimStatus.IN_REVIEW


def test_only_a_chief_reopens_a_published_claim(contradicted_claim, editor, chief):
    _decide(contradicted_claim, editor)
    verdict_publish(claim=contradicted_claim, publisher=chief)
    with pytest.raises(PermissionDenied):
        claim_status_set(claims=[contradicted_claim], status=ClaimStatus.IN_REVIEW, by=editor)
    claim_status_set(claims=[contradicted_claim], status=ClaimStatus.IN_REVIEW, by=chief)
    contradicted_claim.refresh_from_db()
    assert contradicted_claim.status == ClaimStatus.IN_REVIEW
    assert not Verdict.objects.get(claim=contradicted_claim).is_published()


def test_rematching_marks_claims_dirty(contradicted_claim, editor, monkeypatch):
    queued = []
    from claims.tasks import matching

    class FakeTask:
        @staticmethod
        def delay_on_commit(ids):
            queued.append(ids)

    monkeypatch.setattr(matching.match_claims, "delay_on_commit", FakeTask.delay_on_commit)
    Claim.objects.filter(pk=contradicted_claim.pk).update(needs_matching=False)
    assert claim_rematch(claims=[contradicted_claim], by=editor) == 1
    assert Claim.objects.get(pk=contradicted_claim.pk).needs_matching
    assert queued == [[contradicted_claim.pk]]
