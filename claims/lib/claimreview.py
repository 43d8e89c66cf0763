"""Read schema.org ClaimReview JSON-LD (what fact-checkers publish) as reference records (interfaces §2).

Publishers embed ClaimReview in three shapes, all read here: a single object, a list of objects, and
an object whose `@graph` holds them (often beside WebPage, Organization ... nodes, which are skipped).
The fields kept are the ones Google's Fact Check tools read: `claimReviewed`, `reviewRating`
(`ratingValue`, `bestRating`, `worstRating`, `alternateName`), `url`, `author`, `datePublished`,
`itemReviewed` (the claim: its author and appearances) and `inLanguage`.

A review's record key is derived from its URL (`cr-<hash>`), so importing the same feed again updates
the statements instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

# Depth and size limits: a ClaimReview feed is a flat list; anything deeper is not one.
MAX_DEPTH = 20
MAX_RATING_CHARS = 100


class ClaimReviewError(ValueError):
    """The content is not ClaimReview JSON-LD at all (the message says why)."""


@dataclass(frozen=True)
class Review:
    where: str
    record: dict | None
    error: str = ""


def _types(node: dict) -> set[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return {kind.rsplit("/", 1)[-1]}
    if isinstance(kind, list):
        return {str(item).rsplit("/", 1)[-1] for item in kind}
    return set()


def _nodes(data, depth: int = 0) -> Iterator[dict]:
    """Every object of the document that may be a ClaimReview, in document order."""
    if depth > MAX_DEPTH:
        raise ClaimReviewError("the JSON is nested too deeply to be ClaimReview markup")
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item, depth + 1)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _nodes(data["@graph"], depth + 1)
        if "ClaimReview" in _types(data):
            yield data


def _name(value) -> str:
    """The name of an author/publisher given as text, an object or a list of them."""
    if isinstance(value, list):
        return ", ".join(name for name in (_name(item) for item in value) if name)
    if isinstance(value, dict):
        return str(value.get("name") or value.get("alternateName") or "").strip()
    if isinstance(value, str):
        return value.strip()
    return ""


def _text(value) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    if isinstance(value, dict):  # {"@value": "...", "@language": "ar"}
        return _text(value.get("@value"))
    return ""


def _date(value) -> str:
    text = _text(value)
    return text[:10] if len(text) >= 4 and text[:4].isdigit() else ""


def rating_text(rating) -> str:
    """The rating as a reader sees it: the publisher's own words ("زائف", "False"), with the score
    when one is given ("زائف (1/5)")."""
    if not isinstance(rating, dict):
        return _text(rating)[:MAX_RATING_CHARS]
    words = _text(rating.get("alternateName")) or _text(rating.get("name"))
    value, best = _text(rating.get("ratingValue")), _text(rating.get("bestRating"))
    score = f"{value}/{best}" if value and best else value
    if words and score:
        return f"{words} ({score})"[:MAX_RATING_CHARS]
    return (words or score)[:MAX_RATING_CHARS]


def review_key(url: str, claim: str, publisher: str) -> str:
    """A stable key: from the review's URL, or (no URL) from the claim and its publisher."""
    basis = url or f"{publisher}\n{claim}"
    return "cr-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


def _appearance(item) -> str:
    if not isinstance(item, dict):
        return ""
    for name in ("appearance", "firstAppearance"):
        value = item.get(name)
        for candidate in value if isinstance(value, list) else [value]:
            url = _text(candidate.get("url")) if isinstance(candidate, dict) else _text(candidate)
            if url:
                return url
    return ""


def review_record(node: dict) -> dict:
    """One ClaimReview object as a §2 reference record with its provenance (origin, rating, link)."""
    claim = _text(node.get("claimReviewed"))
    if not claim:
        raise ValueError("missing claimReviewed")
    url = _text(node.get("url"))
    publisher = _name(node.get("author")) or _name(node.get("publisher"))
    item = node.get("itemReviewed") if isinstance(node.get("itemReviewed"), dict) else {}
    language = _text(node.get("inLanguage")) or _text(item.get("inLanguage"))
    claimant = _name(item.get("author"))
    title = _text(node.get("headline")) or _text(node.get("name")) or (f"ClaimReview: {publisher}" if publisher else "")
    record = {
        "key": review_key(url, claim, publisher),
        "statement": claim,
        "origin": "claimreview",
        "rating": rating_text(node.get("reviewRating")),
        "review_url": url,
        "subject": claimant,
        "source_title": title[:500],
        "source_url": url,
        "publisher": publisher,
        "published": _date(node.get("datePublished")),
    }
    if language:
        record["language"] = language[:2].lower()
    appearance = _appearance(item)
    if appearance:
        record["appearance_url"] = appearance
    return record


def claimreview_records(content: str | bytes) -> list[Review]:
    """The reviews of a JSON-LD document, each as a record or, when it cannot be read, the reason.

    Raises ClaimReviewError when the content is not JSON or holds no ClaimReview at all.
    """
    try:
        data = json.loads(content)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ClaimReviewError(f"not JSON: {error}") from error
    except RecursionError as error:
        raise ClaimReviewError("the JSON is nested too deeply to be ClaimReview markup") from error
    reviews = []
    for index, node in enumerate(_nodes(data)):
        where = f"review {index + 1}"
        try:
            reviews.append(Review(where=where, record=review_record(node)))
        except ValueError as error:
            reviews.append(Review(where=where, record=None, error=str(error)))
    if not reviews:
        raise ClaimReviewError("no ClaimReview object found (looked at the object, the list and @graph)")
    return reviews
