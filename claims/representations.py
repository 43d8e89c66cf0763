
"""The claim object of interfaces.md §4, defined once: which rows it reads and how it is shown.

The HTTP API, the JSON export, the lookup and the webhooks all show a claim through `ClaimSerializer`,
and load it with `claim_queryset()`: articles, quantities, checks and verdicts in a fixed number of
queries however many claims there are. `ClaimSerializer(claim_queryset(), many=True).data` is the
export's list; decimals are strings.
"""

import functools
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.extraction.types import decimal_to_str
from claims.models import Article, Claim, MachineVerdict, Quantity, QuantityCheck, Rating, Verdict

# What the claim object never shows: the article's whole text and the search-only columns. Loading
# them made a page of 50 claims carry megabytes of article text (issue: scale to a million claims).
CLAIM_OBJECT_DEFERRED = ("normalized_text", "needs_matching", "article__text", "article__error")


def claim_queryset() -> QuerySet[Claim]:
    """Claims with everything the claim object shows, without N+1 queries and without article text."""
    quantities = Quantity.objects.select_related("match__reference").order_by("position", "start")
    return (
        Claim.objects.select_related("article", "verdict__editor", "verdict__reference")
        .defer(*CLAIM_OBJECT_DEFERRED)
        .prefetch_related(Prefetch("quantities", queryset=quantities))
    )


@functools.cache
def rating_labels(rating: str) -> tuple[str, str]:
    """(Arabic, English) label of a rating key, whatever the request's language; an unknown key is both."""
    labels = dict(Rating.choices)
    if rating not in labels:
        return rating, rating
    with translation.override("ar"):
        arabic = str(labels[rating])
    with translation.override("en"):
        english = str(labels[rating])
    return arabic, english


@extend_schema_field({"type": "string", "format": "decimal", "nullable": True, "example": "558000000"})
class DecimalStringField(serializers.Field):
    """A Decimal as a plain JSON string without exponent or trailing zeros ("100.07", "558000000")."""

    def to_representation(self, value):
        return decimal_to_str(value) if isinstance(value, Decimal) else str(value)


@extend_schema_field({"type": "string", "nullable": True})
class BlankAsNullField(serializers.CharField):
    """A text column where the empty string means "none": shown as null."""

    def to_representation(self, value):
        return value or None


class ArticleRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "source", "url"]
        read_only_fields = fields


class CheckSerializer(serializers.ModelSerializer):
    """The matcher's verdict on one figure (§4 `check`)."""

    reference = serializers.SlugRelatedField(slug_field="key", read_only=True, allow_null=True)
    reference_value = BlankAsNullField(read_only=True)
    reference_unit = BlankAsNullField(read_only=True)
    ratio = DecimalStringField(read_only=True, allow_null=True)
    error = BlankAsNullField(read_only=True)
    # As the matching engine's `QuantityCheck.to_dict()`: `explanation` in English, `explanation_ar` in Arabic.
    explanation = serializers.CharField(source="explanation_en", read_only=True)
    explanation_ar = serializers.CharField(read_only=True)

    class Meta:
        model = QuantityCheck
        fields = [
            "verdict",
            "reference",
            "reference_value",
            "reference_unit",
            "ratio",
            "error",
            "score",
            "explanation",
            "explanation_ar",
        ]
        read_only_fields = fields


class QuantitySerializer(serializers.ModelSerializer):
    value = serializers.CharField(source="value_text", read_only=True)
    unit = BlankAsNullField(read_only=True)
    check = CheckSerializer(source="match", read_only=True, allow_null=True)

    class Meta:
        model = Quantity
        fields = ["start", "end", "text", "kind", "value", "unit", "qualifier", "check"]
        read_only_fields = fields


class SuggestionSerializer(serializers.Serializer):
    """The matcher's claim-level suggestion (§4 `suggestion`)."""

    verdict = serializers.ChoiceField(choices=MachineVerdict.values)
    reference = serializers.CharField(allow_null=True)
    rating = serializers.CharField(allow_null=True, required=False)
    score = serializers.FloatField()
    explanation = serializers.CharField(allow_blank=True)
    explanation_ar = serializers.CharField(allow_blank=True, required=False)


class VerdictSerializer(serializers.ModelSerializer):
    """The editor's verdict (§4 `verdict`)."""

    label_ar = serializers.SerializerMethodField()
    label_en = serializers.SerializerMethodField()
    reference = serializers.SlugRelatedField(slug_field="key", read_only=True, allow_null=True)
    editor = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Verdict
        fields = [
            "rating",
            "label_ar",
            "label_en",
            "note",
            "reference",
            "editor",
            "decided_at",
            "published_at",
            "correct_value",
            "correct_unit",
        ]
        read_only_fields = fields

    def get_label_ar(self, verdict) -> str:
        return rating_labels(verdict.rating)[0]

    def get_label_en(self, verdict) -> str:
        return rating_labels(verdict.rating)[1]


class ClaimSerializer(serializers.ModelSerializer):
    """One claim exactly as interfaces.md §4 shows it."""

    article = ArticleRefSerializer(read_only=True)
    quantities = QuantitySerializer(many=True, read_only=True)
    suggestion = serializers.SerializerMethodField()
    verdict = VerdictSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            "start",
            "end",
            "text",
            "status",
            "checkworthiness",
            "quantities",
            "suggestion",
            "verdict",
        ]
        read_only_fields = fields

    @extend_schema_field(SuggestionSerializer(allow_null=True))
    def get_suggestion(self, claim) -> dict | None:
        stored = dict(claim.suggestion or {})
        verdict = stored.get("verdict") or claim.suggested_verdict
        if not verdict:
            return None
        return {
            **stored,
            "verdict": verdict,
            "reference": stored.get("reference"),
            "score": stored.get("score", 0.0),
            "explanation": stored.get("explanation", ""),
            "explanation_ar": stored.get("explanation_ar", ""),
        }
