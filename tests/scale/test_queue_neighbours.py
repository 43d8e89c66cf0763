"""The claim page's previous/next links: read from the queue's index around the claim, they must be
the claims just before and after it in the whole open queue, across ties and machine ranks."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from claims.admin.review import ClaimAdmin
from claims.models import Claim, ClaimStatus
from claims.selectors.queue import review_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue_admin():
    registered = admin.site._registry[Claim]
    assert isinstance(registered, ClaimAdmin)
    return registered


def test_every_claims_neighbours_are_its_places_in_the_whole_queue(queue_admin, editor, newsroom):
    newsroom.grow(24)
    # Ties on purpose: equal priorities and check-worthiness across machine ranks.
    for index, claim in enumerate(Claim.objects.order_by("id")):
        Claim.objects.filter(pk=claim.pk).update(priority=50 + index % 3 * 100, checkworthiness=(index % 2) / 2)
    Claim.objects.filter(pk=Claim.objects.order_by("id")[5].pk).update(status=ClaimStatus.IN_REVIEW)
    request = RequestFactory().get("/")
    request.user = editor
    queue = review_queue(user=editor)
    open_ids = list(queue.exclude(status__in=[ClaimStatus.DECIDED, ClaimStatus.PUBLISHED]).values_list("id", flat=True))
    assert len(open_ids) > 10

    for position, claim_id in enumerate(open_ids):
        claim = queue.get(pk=claim_id)
        expected = (
            open_ids[position - 1] if position else None,
            open_ids[position + 1] if position + 1 < len(open_ids) else None,
        )
        assert queue_admin._neighbours(request, claim) == expected, position


def test_a_decided_claim_leads_to_the_top_of_the_queue(queue_admin, editor, newsroom):
    newsroom.grow(8)
    request = RequestFactory().get("/")
    request.user = editor
    queue = review_queue(user=editor)
    decided = queue.filter(status=ClaimStatus.DECIDED).first()
    top = queue.exclude(status__in=[ClaimStatus.DECIDED, ClaimStatus.PUBLISHED]).values_list("id", flat=True)[0]

    assert queue_admin._neighbours(request, decided) == (None, top)
