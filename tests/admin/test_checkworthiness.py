"""The admin doors: the bulk "not check-worthy" action, the "add a claim" page, the models list."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from claims.checkworthiness.model import default_scorer
from claims.models import CheckworthinessModel, Claim, ClaimOrigin, ClaimStatus
from claims.selectors.queue import review_queue
from tests.factories import ArticleFactory, ClaimFactory

QUEUE = reverse("admin:claims_claim_changelist")
TEXT = (
    "أعلن البنك المركزي رفع سعر الفائدة إلى 5.5% يوم الأربعاء.\n"
    "وقال محافظ البنك إن القرار جاء لمواجهة التضخم.\n"
    "نرجو من الجميع متابعة صفحتنا.\n"
)


@pytest.fixture
def article(db):
    return ArticleFactory(title="الفائدة", source="t.txt", text=TEXT)


@pytest.fixture
def claims(article):
    return [ClaimFactory(article=article, text=sentence) for sentence in TEXT.splitlines()[:2]]


def test_the_bulk_action_dismisses_claims_out_of_the_open_queue(client, editor, claims):
    client.force_login(editor)
    response = client.post(QUEUE, {"action": "dismiss_not_checkworthy", ACTION_CHECKBOX_NAME: [c.pk for c in claims]})
    assert response.status_code == 302
    assert set(Claim.objects.values_list("status", "editor_label")) == {(ClaimStatus.NOT_CHECKWORTHY, 0)}
    # Dismissed claims sink with the closed ones.
    queue = list(review_queue(user=editor))
    assert all(getattr(c, "queue_closed", 1) == 1 for c in queue if c.pk in {x.pk for x in claims})


def test_a_viewer_does_not_get_the_action(client, viewer, claims):
    client.force_login(viewer)
    client.post(QUEUE, {"action": "dismiss_not_checkworthy", ACTION_CHECKBOX_NAME: [c.pk for c in claims]})
    assert not Claim.objects.filter(status=ClaimStatus.NOT_CHECKWORTHY).exists()


def add_claim_url(article):
    return reverse("admin:claims_article_add_claim", args=[article.pk])


def test_the_article_page_links_to_the_add_claim_page(client, editor, article):
    client.force_login(editor)
    page = client.get(reverse("admin:claims_article_change", args=[article.pk]))
    assert add_claim_url(article) in page.content.decode()
    assert client.get(add_claim_url(article)).status_code == 200


def test_an_editor_adds_a_claim_by_its_passage(client, editor, article):
    client.force_login(editor)
    passage = "وقال محافظ البنك إن القرار جاء لمواجهة التضخم."
    response = client.post(add_claim_url(article), {"passage": passage, "start": ""})
    claim = Claim.objects.get(article=article)
    assert response.status_code == 302 and response["Location"] == reverse("admin:claims_claim_change", args=[claim.pk])
    assert (claim.start, claim.text) == (TEXT.index(passage), passage)
    assert (claim.origin, claim.editor_label) == (ClaimOrigin.EDITOR, 1)
    assert claim.checkworthiness == pytest.approx(default_scorer().score([passage])[0])


def test_a_passage_not_in_the_article_is_refused_and_nothing_is_stored(client, editor, article):
    client.force_login(editor)
    response = client.post(
        add_claim_url(article), {"passage": "جملة ليست في المقال", "start": "3"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "not in the article" in str(response.context["form"].errors)
    assert not Claim.objects.exists()


def test_a_viewer_cannot_add_claims(client, viewer, article):
    client.force_login(viewer)
    response = client.post(add_claim_url(article), {"passage": TEXT.splitlines()[0]})
    assert response.status_code == 403
    assert not Claim.objects.exists()


def test_the_models_list_shows_version_size_and_score(client, editor, db):
    CheckworthinessModel.objects.create(
        version=3, training_size=420, heldout_size=84, heldout_auc=0.812, threshold=0.4, is_active=True,
        labels_fingerprint="f" * 64, data=b"x",
    )
    client.force_login(editor)
    page = client.get(reverse("admin:claims_checkworthinessmodel_changelist"), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "420" in page.content.decode() and "0.812" in page.content.decode()
