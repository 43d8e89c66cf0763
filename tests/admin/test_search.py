"""The queue's search: words in any order, by stem, names through their aliases in either script."""

import pytest

from claims.models import ReferenceStatement
from claims.selectors.queue import claims_matching_text, review_queue
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

TEXTS = {
    "training": "قالت الشركة إن تكلفة تدريب النموذج بلغت 558 مليون دولار",
    "deepseek": "أطلقت DeepSeek نموذجاً جديداً بكلفة منخفضة",
    "microsoft": "تستثمر Microsoft نحو 80 مليار دولار في مراكز البيانات",
    "market": "بلغ حجم سوق الذكاء الاصطناعي التوليدي 67 مليار دولار",
}


@pytest.fixture
def claims():
    text = " ".join(f"{sentence}." for sentence in TEXTS.values())
    article = ArticleFactory(text=text)
    ReferenceStatement.objects.create(key="ds", text="ديب سيك", subject="DeepSeek", aliases=["ديب سيك", "DeepSeek"])
    ReferenceStatement.objects.create(
        key="ms", text="مايكروسوفت", subject="استثمار مايكروسوفت في OpenAI", aliases=["مايكروسوفت", "Microsoft"]
    )
    return {name: ClaimFactory(article=article, text=sentence) for name, sentence in TEXTS.items()}


def _found(claims, query):
    names = {claim.pk: name for name, claim in claims.items()}
    return {names[pk] for pk in claims_matching_text(review_queue(), query).values_list("pk", flat=True)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("تكلفة تدريب", {"training"}),  # as written
        ("تدريب تكلفة", {"training"}),  # reordered
        ("التدريب والتكلفة", {"training"}),  # other forms of the same words
        ("تكلِفة", {"training"}),  # with a diacritic
        ("ديب سيك", {"deepseek"}),  # Arabic script finds the Latin name
        ("deepseek", {"deepseek"}),
        ("مايكروسوفت", {"microsoft"}),
        ("مايكروسوفت مراكز", {"microsoft"}),
        ("مليار دولار", {"microsoft", "market"}),
        ("تدريب مايكروسوفت", set()),  # every word must be there
    ],
)
def test_search_matches_words_in_any_order_by_stem_and_alias(claims, query, expected):
    assert _found(claims, query) == expected


def test_the_queue_search_box_uses_it(client, editor, claims):
    client.force_login(editor)
    response = client.get("/admin/claims/claim/", {"q": "ديب سيك"})
    assert [row.pk for row in response.context["cl"].result_list] == [claims["deepseek"].pk]
