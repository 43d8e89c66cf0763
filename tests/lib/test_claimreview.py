"""ClaimReview JSON-LD in the shapes publishers use, read as reference records."""

import json

import pytest

from claims.lib.claimreview import ClaimReviewError, claimreview_records, rating_text, review_key

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example.org/2025/01/gdp-claim",
    "datePublished": "2025-01-12",
    "author": {"@type": "Organization", "name": "Example Fact Check"},
    "claimReviewed": "نما الاقتصاد المصري بنسبة 9% في عام 2024",
    "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": "5", "alternateName": "زائف"},
}


def test_it_reads_a_single_object():
    [review] = claimreview_records(json.dumps(REVIEW, ensure_ascii=False))

    record = review.record
    assert record["statement"] == "نما الاقتصاد المصري بنسبة 9% في عام 2024"
    assert record["origin"] == "claimreview"
    assert record["rating"] == "زائف (1/5)"
    assert record["review_url"] == REVIEW["url"]
    assert record["publisher"] == "Example Fact Check"
    assert record["published"] == "2025-01-12"


def test_it_reads_a_list_and_keeps_the_good_reviews_beside_a_broken_one():
    broken = {**REVIEW, "claimReviewed": "", "url": "https://factcheck.example.org/empty"}
    reviews = claimreview_records(json.dumps([REVIEW, broken, {"@type": "WebPage"}]))

    assert [review.where for review in reviews] == ["review 1", "review 2"]
    assert reviews[0].record is not None
    assert reviews[1].record is None and "claimReviewed" in reviews[1].error


def test_it_reads_a_graph_with_an_arabic_alternate_name_and_the_claims_author():
    document = {"@context": "https://schema.org", "@graph": [{"@type": "Organization"}, {
        **REVIEW,
        "@type": ["ClaimReview"],
        "itemReviewed": {"@type": "Claim", "author": {"name": "نائب في البرلمان"},
                         "appearance": {"url": "https://news.example.com/a"}},
        "reviewRating": {"alternateName": "مضلل"},
    }]}
    [review] = claimreview_records(json.dumps(document, ensure_ascii=False))

    assert review.record["rating"] == "مضلل"
    assert review.record["subject"] == "نائب في البرلمان"
    assert review.record["appearance_url"] == "https://news.example.com/a"


def test_the_key_comes_from_the_url_so_a_reimport_updates():
    first = claimreview_records(json.dumps(REVIEW))[0].record["key"]
    edited = claimreview_records(json.dumps({**REVIEW, "claimReviewed": "نص معدل"}))[0].record["key"]

    assert first == edited == review_key(REVIEW["url"], "", "")


@pytest.mark.parametrize(
    "content, reason",
    [("not json", "not JSON"), ("[]", "no ClaimReview"), ('{"@type": "NewsArticle"}', "no ClaimReview"),
     ("[" * 50 + "]" * 50, "nested too deeply")],
)
def test_it_refuses_what_is_not_claimreview(content, reason):
    with pytest.raises(ClaimReviewError, match=reason):
        claimreview_records(content)


@pytest.mark.parametrize(
    "rating, text",
    [({"alternateName": "False"}, "False"), ({"ratingValue": 3, "bestRating": 5}, "3/5"), ("صحيح", "صحيح"), (None, "")],
)
def test_rating_text(rating, text):
    assert rating_text(rating) == text
