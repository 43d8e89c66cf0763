"""The API's requests and responses; the claim object itself (§4) is claims.representations."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.lib import http, records, validation
from claims.models import Article, MachineVerdict, Rating, ReferenceStatement, Verdict, WebhookSubscription
from claims.representations import ClaimSerializer, SuggestionSerializer, claim_queryset, rating_labels
from claims.services.articles import ArticleTooLarge, article_size_check


class VerdictHistorySerializer(serializers.Serializer):
    """One saved state of a claim's verdict, newest first."""

    rating = serializers.CharField()
    label_ar = serializers.SerializerMethodField()
    label_en = serializers.SerializerMethodField()
    note = serializers.CharField()
    reference = serializers.SerializerMethodField()
    editor = serializers.SerializerMethodField()
    decided_at = serializers.DateTimeField()
    published_at = serializers.DateTimeField(allow_null=True)
    changed_at = serializers.DateTimeField(source="history_date")
    change = serializers.SerializerMethodField()

    def get_label_ar(self, record) -> str:
        return rating_labels(record.rating)[0]

    def get_label_en(self, record) -> str:
        return rating_labels(record.rating)[1]

    @extend_schema_field({"type": "string", "nullable": True})
    def get_reference(self, record) -> str | None:
        return record.reference.key if record.reference_id and record.reference else None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_editor(self, record) -> str | None:
        return record.editor.username if record.editor_id and record.editor else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_change(self, record) -> str:
        return {"+": "created", "~": "changed", "-": "deleted"}.get(record.history_type, record.history_type)


class ClaimDetailSerializer(ClaimSerializer):
    """The claim object plus what a client needs to act on it: its version and verdict history."""

    verdict_history = serializers.SerializerMethodField()

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "version", "verdict_history"]
        read_only_fields = fields

    @extend_schema_field(VerdictHistorySerializer(many=True))
    def get_verdict_history(self, claim) -> list[dict]:
        records = (
            Verdict.history.filter(claim_id=claim.pk)
            .select_related("reference", "editor")
            .order_by("-history_date", "-history_id")
        )
        return VerdictHistorySerializer(records, many=True).data


# --- Requests and the other responses of the API ----------------------------------------------------


class VerdictInputSerializer(serializers.Serializer):
    rating = serializers.ChoiceField(choices=Rating.choices)
    note = serializers.CharField(allow_blank=True, required=False, default="")
    reference = serializers.SlugRelatedField(
        slug_field="key",
        queryset=ReferenceStatement.objects.all(),
        allow_null=True,
        required=False,
        default=None,
        help_text="Key of the reference statement the verdict rests on.",
    )
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text="The claim version the editor started from (see the claim detail); omitted means the current one.",
    )
    correct_value = serializers.CharField(
        max_length=64, required=False, allow_blank=True, default=None,
        help_text="The right figure when the claim's is wrong (a decimal string); remembered for later repeats.",
    )
    correct_unit = serializers.CharField(max_length=16, required=False, allow_blank=True, default=None)


class PublishInputSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, required=False)


class ConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    current_version = serializers.IntegerField(allow_null=True)


class ArticleInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    text = serializers.CharField(required=False, trim_whitespace=False, help_text="The article's text.")
    url = serializers.URLField(max_length=2000, required=False, help_text="Fetched when no text is given.")

    def validate_url(self, value):
        try:  # http(s) only, like every stored URL (the URL validator also lets ftp:// through)
            return validation.check_url(value)
        except validation.InputError as exc:
            raise serializers.ValidationError(str(exc)) from exc
    source = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")

    def validate(self, data):
        if not data.get("text", "").strip() and not data.get("url"):
            raise serializers.ValidationError({"text": _("Give the article's text or its url.")})
        try:
            article_size_check(len(data.get("text", "")))
        except ArticleTooLarge as error:
            raise serializers.ValidationError({"text": str(error)}) from error
        return data


class ArticleAcceptedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    status_url = serializers.URLField()
    created = serializers.BooleanField(help_text="False when identical text was already ingested.")
    detail = serializers.CharField(
        required=False,
        help_text="Only when the task queue is unavailable: 'queued, broker unavailable, will retry'. "
        "The article is stored and is sent to the workers as soon as the queue is back.",
    )


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = [
            "id", "title", "source", "url", "language", "status", "error", "attempts",
            "published_at", "ingested_at", "status_changed_at",
        ]
        read_only_fields = fields


class ArticleDetailSerializer(ArticleSerializer):
    claims = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "claims"]
        read_only_fields = fields

    @extend_schema_field(ClaimSerializer(many=True))
    def get_claims(self, article) -> list[dict]:
        claims = claim_queryset().filter(article=article).order_by("start", "id")
        return ClaimSerializer(claims, many=True, context=self.context).data


class LookupQuerySerializer(serializers.Serializer):
    q = serializers.CharField(max_length=5000, help_text="The claim as you read it, in any wording.")
    value = serializers.CharField(
        max_length=64, required=False, help_text="A figure to look for: 5580000, 5,580,000, 5.58M, 5.58 مليون."
    )
    unit = serializers.CharField(max_length=16, required=False, help_text="Its unit: USD, %, …")
    limit = serializers.IntegerField(min_value=1, max_value=50, required=False, default=10)

    def validate_value(self, value):
        # NaN, Infinity, 1e-999999999: refused before any arithmetic (claims.lib.validation).
        try:
            number = Decimal(value.strip().replace(",", "").replace("٬", ""))
        except InvalidOperation:
            return value  # words ("5.58 مليون"): read by the extractor
        try:
            validation.check_decimal(number)
        except validation.InputError as exc:
            raise serializers.ValidationError(str(exc)) from exc
        return value


class FigureSerializer(serializers.Serializer):
    kind = serializers.CharField(allow_null=True)
    value = serializers.CharField()
    unit = serializers.CharField(allow_null=True)


class LookupMatchSerializer(ClaimSerializer):
    """A decided claim like the query: the claim object plus how alike they are."""

    similarity = serializers.SerializerMethodField()
    text_similarity = serializers.SerializerMethodField()
    figure_similarity = serializers.SerializerMethodField()

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "similarity", "text_similarity", "figure_similarity"]
        read_only_fields = fields

    def get_similarity(self, claim) -> float:
        return self.context["hits"][claim.pk].similarity

    def get_text_similarity(self, claim) -> float:
        return self.context["hits"][claim.pk].text_similarity

    @extend_schema_field({"type": "number", "format": "double", "nullable": True})
    def get_figure_similarity(self, claim) -> float | None:
        return self.context["hits"][claim.pk].figure_similarity


class LookupResponseSerializer(serializers.Serializer):
    q = serializers.CharField()
    figures = FigureSerializer(many=True, help_text="The figures read from q (and value/unit), scaled.")
    count = serializers.IntegerField()
    results = LookupMatchSerializer(many=True)


class CheckInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=20000, trim_whitespace=False)


class CandidateSerializer(serializers.Serializer):
    reference = serializers.CharField()
    score = serializers.FloatField()


class MachineCheckSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=MachineVerdict.choices)
    reference = serializers.CharField(allow_null=True)
    reference_value = serializers.CharField(allow_null=True)
    reference_unit = serializers.CharField(allow_null=True)
    ratio = serializers.CharField(allow_null=True)
    error = serializers.CharField(allow_null=True)
    scale_factor = serializers.CharField(allow_null=True)
    score = serializers.FloatField()
    explanation = serializers.CharField(allow_blank=True)
    explanation_ar = serializers.CharField(allow_blank=True)
    candidates = CandidateSerializer(many=True)


class CheckedQuantitySerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()
    kind = serializers.CharField()
    value = serializers.CharField()
    unit = serializers.CharField(allow_null=True)
    qualifier = serializers.CharField()
    check = MachineCheckSerializer()


class CheckedClaimSerializer(serializers.Serializer):
    start = serializers.IntegerField(help_text="Offset into the posted text.")
    end = serializers.IntegerField()
    text = serializers.CharField()
    checkworthiness = serializers.FloatField()
    kind = serializers.CharField()
    quantities = CheckedQuantitySerializer(many=True)
    suggestion = SuggestionSerializer()
    verdicts = LookupMatchSerializer(many=True, help_text="Decided claims like this one, best first.")


class CheckResponseSerializer(serializers.Serializer):
    claims = CheckedClaimSerializer(many=True)


def _record_field(name: str) -> serializers.Field:
    """The API's field for one §2 column (claims.lib.records, which checks the values)."""
    if name == "key":
        return serializers.SlugField(max_length=records.MAX_KEY_CHARS)
    if name == "statement":
        return serializers.CharField()
    if name == "aliases":
        return serializers.ListField(child=serializers.CharField(), required=False)
    if name == "page":
        return serializers.IntegerField(required=False, allow_null=True, min_value=1)
    if name == records.KIND_FIELD.name:
        return serializers.CharField(allow_null=True, read_only=True)
    return serializers.CharField(required=False, allow_blank=True, allow_null=name in records.NULL_WHEN_EMPTY)


# One field per column of the record's one definition (claims.lib.records.FIELDS).
ReferenceRecordSerializer = type(
    "ReferenceRecordSerializer",
    (serializers.Serializer,),
    {
        "__module__": __name__,
        "__doc__": "A reference statement in the import format of interfaces.md §2.",
        **{field.name: _record_field(field.name) for field in (*records.FIELDS, records.KIND_FIELD)},
    },
)


class WebhookSubscriptionSerializer(serializers.ModelSerializer):
    secret = serializers.CharField(
        write_only=True, min_length=16, max_length=128, help_text="Signs every delivery (HMAC-SHA256)."
    )

    class Meta:
        model = WebhookSubscription
        fields = ["id", "url", "secret", "is_active", "created_at"]
        read_only_fields = ["id", "created_at"]

    def validate_url(self, value):
        # The same check as every send (claims.lib.http): no internal or non-http(s) targets.
        error = http.target_error(value)
        if error:
            raise serializers.ValidationError(error)
        return value
