"""schema.org ClaimReview (JSON-LD) for claims an editor has rated, as search engines read fact checks."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from claims.exports.table import verdict_of
from claims.models import Claim, Rating
from claims.representations import rating_labels

BEST_RATING = 5
WORST_RATING = 1
# `unverifiable` has no place on a true-to-false scale: its Rating carries only the textual
# alternateName (schema.org and Google allow a rating without the numeric fields).
RATING_VALUES = {
    Rating.TRUE: 5,
    Rating.MOSTLY_TRUE: 4,
    Rating.MISLEADING: 3,
    Rating.WRONG_FIGURE: 2,
    Rating.FALSE: 1,
}


def claim_report_path(claim: Claim) -> str:
    """Where the workbench shows this claim: its article's report, at the claim's anchor."""
    return reverse("reports:article", args=[claim.article_id]) + f"#claim-{claim.pk}"


def organization() -> dict:
    return {
        "@type": "Organization",
        "name": settings.FACTCHECK_ORGANIZATION_NAME,
        "url": settings.FACTCHECK_ORGANIZATION_URL,
    }


def review_rating(rating: str, *, lang: str = "ar") -> dict:
    label_ar, label_en = rating_labels(rating)
    result = {"@type": "Rating"}
    if rating in RATING_VALUES:
        result.update(ratingValue=RATING_VALUES[rating], bestRating=BEST_RATING, worstRating=WORST_RATING)
    result["alternateName"] = label_en if lang == "en" else label_ar
    return result


def claim_review(claim: Claim, *, lang: str = "ar", site_url: str | None = None) -> dict | None:
    """The ClaimReview of one claim, or None when no editor has rated it. Its URL starts with
    `site_url` (the host the request came to) or, without one, the SITE_URL setting."""
    verdict = verdict_of(claim)
    if verdict is None:
        return None
    article = claim.article
    appearance = {"@type": "CreativeWork", "headline": article.title}
    if article.url and article.url.lower().startswith(("https://", "http://")):  # never a javascript: URL
        appearance["url"] = article.url
    reviewed_on = verdict.published_at or verdict.decided_at
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": (site_url or settings.SITE_URL).rstrip("/") + claim_report_path(claim),
        "claimReviewed": claim.text,
        "reviewRating": review_rating(verdict.rating, lang=lang),
        "author": organization(),
        "datePublished": timezone.localdate(reviewed_on).isoformat(),
        "inLanguage": article.language,
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [appearance],
            "datePublished": timezone.localdate(article.published_at or article.ingested_at).isoformat(),
        },
    }
