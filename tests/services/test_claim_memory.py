"""Claim memory: a published verdict becomes a reference, and a repeat of the claim is caught."""

import pytest
from django.test import override_settings

from claims.models import Claim, ReferenceOrigin, ReferenceStatement, WebhookDelivery
from claims.services import webhooks
from claims.services.claim_memory import blank_figures, memory_key
from claims.services.matching import claims_match
from claims.services.references import reference_delete, reference_upsert
from claims.services.verdicts import verdict_publish, verdict_set
from tests.factories import ArticleFactory, WebhookSubscriptionFactory
from tests.records import ARAMCO_PROFIT

pytestmark = pytest.mark.django_db

FIRST_ARTICLE = (
    "نشرت أرامكو السعودية نتائجها السنوية صباح اليوم.\n"
    "لكن متحدثا في ندوة زعم أن صافي أرباح أرامكو بلغ 12 مليار دولار فقط.\n"
)
# The same wrong figure a month later, in other words and another word order.
REPEAT_ARTICLE = (
    "تداولت حسابات على مواقع التواصل رقما عن عملاق النفط.\n"
    "وبحسب ما نشرته الحسابات فإن أرامكو لم تتجاوز أرباحها الصافية 12 مليار دولار خلال العام.\n"
)
UNRELATED_ARTICLE = "وقال وزير السياحة إن عدد زوار المتحف الوطني بلغ 300 ألف زائر في عام 2023.\n"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs the on-commit work (remembering verdicts, webhooks) as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def queued(monkeypatch):
    """Webhook deliveries are recorded instead of posted."""
    sent = []
    monkeypatch.setattr(webhooks, "_queue", sent.append)
    return sent


@pytest.fixture
def published_wrong_claim(db, editor, chief, committed):
    """An editor rates the ×10 slip wrong and a chief publishes; then the hand-written reference goes."""
    reference_upsert(record=ARAMCO_PROFIT, rematch=False)
    article = ArticleFactory(ready=True, text=FIRST_ARTICLE)
    claims_match(claim_ids=article.claims.values_list("id", flat=True))
    claim = article.claims.get(text__contains="12 مليار")
    assert claim.suggested_verdict == "contradicted"
    verdict_set(claim=claim, rating="wrong_figure", note="الرقم الصحيح 121 مليارا", editor=editor,
                expected_version=claim.version)
    claim.refresh_from_db()
    with pytest.raises(ReferenceStatement.DoesNotExist):
        ReferenceStatement.objects.get(key=memory_key(claim.id))  # decided, not yet published
    with committed():
        verdict_publish(claim=claim, publisher=chief)
    reference_delete(statements=ReferenceStatement.objects.filter(key=ARAMCO_PROFIT["key"]))
    return claim


def test_a_published_verdict_is_remembered_with_the_correct_figure(published_wrong_claim):
    memory = ReferenceStatement.objects.get(key=memory_key(published_wrong_claim.id))

    assert memory.origin == ReferenceOrigin.VERDICT
    assert memory.rating == "wrong_figure"
    assert memory.checked_claim_id == published_wrong_claim.id
    assert memory.value_text == "121000000000" and memory.unit == "USD"
    assert memory.subject == "أرامكو"
    assert f"#claim-{published_wrong_claim.id}" in memory.review_url
    assert ReferenceStatement.objects.exclude(origin=ReferenceOrigin.VERDICT).count() == 0


def test_a_repeat_in_other_words_is_contradicted_and_checked_before(
    published_wrong_claim, db, queued, committed
):
    WebhookSubscriptionFactory(url="https://hooks.example.org/in", secret="s")
    article = ArticleFactory(ready=True, text=REPEAT_ARTICLE)
    with committed():
        claims_match(claim_ids=article.claims.values_list("id", flat=True))

    repeat = article.claims.get(text__contains="12 مليار")
    assert repeat.suggested_verdict == "contradicted"
    check = repeat.quantities.get(text__contains="12 مليار").match
    assert check.reference.key == memory_key(published_wrong_claim.id)
    assert check.error == "scale"
    earlier = repeat.suggestion["checked_before"][0]
    assert earlier["claim"] == published_wrong_claim.id
    assert earlier["rating"] == "wrong_figure"
    assert earlier["url"].endswith(f"#claim-{published_wrong_claim.id}")
    assert 0 < earlier["similarity"] <= 1
    assert repeat.suggestion["explanation_ar"].startswith("سبق التحقق منه")
    assert repeat.memory_key == memory_key(published_wrong_claim.id)
    deliveries = WebhookDelivery.objects.filter(event=webhooks.EVENT_CLAIM_REPEATED)
    assert list(deliveries.values_list("payload__id", flat=True)) == [repeat.id]

    with committed():
        claims_match(claim_ids=[repeat.id])  # matched again: the webhook is not sent twice
    assert WebhookDelivery.objects.filter(event=webhooks.EVENT_CLAIM_REPEATED).count() == 1


def test_an_unrelated_claim_is_not_a_repeat(published_wrong_claim, db):
    article = ArticleFactory(ready=True, text=UNRELATED_ARTICLE)
    claims_match(claim_ids=article.claims.values_list("id", flat=True))

    claim = article.claims.get()
    assert claim.checked_before == []
    assert "checked_before" not in claim.suggestion
    assert claim.memory_key == ""


def test_the_remembered_claim_does_not_support_its_own_wrong_figure():
    assert blank_figures("زعم أن صافي أرباح أرامكو بلغ 12 مليار دولار فقط") == "زعم أن صافي أرباح أرامكو بلغ … فقط"


def test_an_editors_correct_value_is_what_the_memory_carries(db, editor, chief, committed):
    article = ArticleFactory(ready=True, text="وقال مسؤول إن عدد سكان المدينة بلغ 90 ألف نسمة في آخر تعداد.\n")
    claim = article.claims.get()
    verdict_set(claim=claim, rating="wrong_figure", editor=editor, expected_version=claim.version,
                correct_value="900000")
    with committed():
        verdict_publish(claim=claim, publisher=chief)

    memory = ReferenceStatement.objects.get(key=memory_key(claim.id))
    assert memory.value_text == "900000"


def test_changing_a_published_verdict_forgets_it_until_published_again(published_wrong_claim, editor, committed):
    published_wrong_claim.refresh_from_db()
    with committed():
        verdict_set(claim=published_wrong_claim, rating="false", editor=editor,
                    expected_version=published_wrong_claim.version)

    assert not ReferenceStatement.objects.filter(key=memory_key(published_wrong_claim.id)).exists()


@override_settings(FACTCHECK_MEMORY_FROM_DECIDED=True)
def test_a_newsroom_may_remember_decided_verdicts(db, editor, committed):
    article = ArticleFactory(ready=True, text="وقال مسؤول إن عدد سكان المدينة بلغ 90 ألف نسمة في آخر تعداد.\n")
    claim = article.claims.get()
    with committed():
        verdict_set(claim=claim, rating="true", editor=editor, expected_version=claim.version)

    memory = ReferenceStatement.objects.get(key=memory_key(claim.id))
    assert memory.rating == "true" and memory.value_text == "90000"


def test_the_api_takes_the_correct_value_with_the_verdict(db, editor):
    from rest_framework.test import APIClient

    article = ArticleFactory(ready=True, text="وقال مسؤول إن عدد سكان المدينة بلغ 90 ألف نسمة في آخر تعداد.\n")
    claim = article.claims.get()
    api = APIClient()
    api.force_authenticate(editor)

    refused = api.post(f"/api/v1/claims/{claim.id}/verdict/", {"rating": "wrong_figure", "correct_value": "كثير"},
                       format="json")
    saved = api.post(f"/api/v1/claims/{claim.id}/verdict/", {"rating": "wrong_figure", "correct_value": "900000"},
                     format="json")

    assert refused.status_code == 400 and "correct_value" in refused.json()
    assert saved.status_code == 200
    assert saved.json()["verdict"]["correct_value"] == "900000"


def test_the_queue_groups_a_repeat_and_its_page_shows_the_earlier_check(
    published_wrong_claim, db, client, editor, committed
):
    article = ArticleFactory(ready=True, text=REPEAT_ARTICLE, title="حسابات التواصل")
    with committed():
        claims_match(claim_ids=article.claims.values_list("id", flat=True))
    repeat = article.claims.get(text__contains="12 مليار")
    client.force_login(editor)

    queue = client.get("/admin/claims/claim/").content.decode()
    page = client.get(f"/admin/claims/claim/{repeat.pk}/change/").content.decode()

    assert "fc-badge-repeat" in queue  # the wrong figure appeared in two articles
    assert f"/admin/claims/claim/{published_wrong_claim.pk}/change/" in page
    assert f"#claim-{published_wrong_claim.pk}" in page  # the link to our published fact-check


def test_the_admin_verdict_form_refuses_a_correct_value_that_is_no_figure(db, client, editor):
    article = ArticleFactory(ready=True, text="وقال مسؤول إن عدد سكان المدينة بلغ 90 ألف نسمة في آخر تعداد.\n")
    claim = article.claims.get()
    client.force_login(editor)
    response = client.post(
        f"/admin/claims/claim/{claim.pk}/change/",
        {"rating": "wrong_figure", "note": "", "correct_value": "كثير", "expected_version": claim.version},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "The correct value must be a number or an ISO date." in response.content.decode()
    assert not hasattr(Claim.objects.get(pk=claim.pk), "verdict")


def test_a_door_that_does_not_ask_for_the_unit_keeps_the_stored_one(db, editor):
    article = ArticleFactory(ready=True, text="وقال مسؤول إن عدد سكان المدينة بلغ 90 ألف نسمة في آخر تعداد.\n")
    claim = article.claims.get()
    verdict_set(claim=claim, rating="wrong_figure", editor=editor, expected_version=claim.version,
                correct_value="900000", correct_unit="people")
    claim.refresh_from_db()
    verdict = verdict_set(claim=claim, rating="wrong_figure", editor=editor, expected_version=claim.version,
                          correct_value="910000")

    assert (verdict.correct_value, verdict.correct_unit) == ("910000", "people")
