"""The HTTP API (interfaces.md §5): thin doors over the services and selectors."""

import json

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from claims.api import permissions as perms
from claims.api.filters import ClaimFilter
from claims.api.permissions import RolePermission
from claims.api.serializers import (
    ArticleAcceptedSerializer,
    ArticleDetailSerializer,
    ArticleInputSerializer,
    ArticleSerializer,
    CheckInputSerializer,
    CheckResponseSerializer,
    ClaimDetailSerializer,
    ConflictSerializer,
    LookupMatchSerializer,
    LookupQuerySerializer,
    LookupResponseSerializer,
    PublishInputSerializer,
    ReferenceRecordSerializer,
    VerdictInputSerializer,
    WebhookSubscriptionSerializer,
)
from claims.extraction.types import decimal_to_str
from claims.lib.records import ReferenceRecordError
from claims.lib.sources import SourceRefused, posted_article
from claims.lib.validation import InputError
from claims.models import Article, Claim, ReferenceStatement, WebhookSubscription
from claims.representations import ClaimSerializer, claim_queryset
from claims.selectors import lookup as lookup_selectors
from claims.services import articles as article_services
from claims.services import matching as matching_services
from claims.services import references as reference_services
from claims.services import verdicts as verdict_services

ERROR_RESPONSES = {
    400: OpenApiResponse(description="Invalid input."),
    401: OpenApiResponse(description="No or bad token."),
    403: OpenApiResponse(description="Your role may not do this."),
}


# JSON in and out: no browsable HTML pages that would render article text.
JSON_ONLY = [JSONRenderer]


class Pagination(PageNumberPagination):
    """Page numbers (`?page=2`); `?page_size=` up to 200, default REST_FRAMEWORK["PAGE_SIZE"]."""

    page_size_query_param = "page_size"
    max_page_size = 200


class NewestFirstCursorPagination(CursorPagination):
    """Opaque `?cursor=` links, newest first, `?page_size=` up to 200: each page is one index range
    scan on the primary key, as fast on page 10,000 as on page 1, and nothing is counted."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200


class CheckRateThrottle(ScopedRateThrottle):
    """The `check` scope; its rate is read when the request comes, so settings can change it."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


def _django_validation_error(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages})


def _stale(exc: verdict_services.StaleClaimError) -> Response:
    return Response({"detail": str(exc), "current_version": exc.current_version}, status=status.HTTP_409_CONFLICT)


def _lookup_matches(hits, context) -> list[dict]:
    """The claims of lookup hits, best first, as LookupMatchSerializer shows them."""
    by_id = {claim.pk: claim for claim in claim_queryset().filter(id__in=[hit.claim_id for hit in hits])}
    claims = [by_id[hit.claim_id] for hit in hits if hit.claim_id in by_id]
    return LookupMatchSerializer(claims, many=True, context={**context, "hits": {h.claim_id: h for h in hits}}).data


@extend_schema_view(
    list=extend_schema(summary="List claims", responses={200: ClaimSerializer(many=True), **ERROR_RESPONSES}),
    retrieve=extend_schema(
        summary="One claim with its quantities, checks, version and verdict history",
        responses={200: ClaimDetailSerializer, **ERROR_RESPONSES},
    ),
)
class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[0-9]+"  # anything else is a 404, never a ValueError (500)
    permission_classes = [RolePermission]
    renderer_classes = JSON_ONLY
    filterset_class = ClaimFilter
    pagination_class = NewestFirstCursorPagination
    queryset = Claim.objects.none()  # for the schema; requests use claim_queryset()

    def get_queryset(self):
        return claim_queryset()

    def get_serializer_class(self):
        return ClaimSerializer if self.action == "list" else ClaimDetailSerializer

    def required_permissions(self, request):
        return {"verdict": perms.DECIDE, "publish": perms.PUBLISH}.get(self.action, perms.READ_CLAIMS)

    @extend_schema(
        summary="Record the editor's verdict (kept in the verdict history)",
        request=VerdictInputSerializer,
        responses={200: ClaimDetailSerializer, 409: ConflictSerializer, **ERROR_RESPONSES},
        examples=[
            OpenApiExample(
                "Wrong figure",
                value={"rating": "wrong_figure", "note": "الرقم مضروب في مئة", "reference": "dsv3-training-cost"},
                request_only=True,
            )
        ],
    )
    @action(detail=True, methods=["post"])
    def verdict(self, request, pk=None):
        claim = get_object_or_404(Claim, pk=pk)
        data = VerdictInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            verdict_services.verdict_set(
                claim=claim,
                rating=values["rating"],
                note=values["note"],
                reference=values["reference"],
                editor=request.user,
                expected_version=values.get("version", claim.version),
                correct_value=values.get("correct_value"),
                correct_unit=values.get("correct_unit"),
            )
        except verdict_services.StaleClaimError as exc:
            return _stale(exc)
        except DjangoValidationError as exc:
            raise _django_validation_error(exc) from exc
        return Response(ClaimDetailSerializer(claim_queryset().get(pk=claim.pk)).data)

    @extend_schema(
        summary="Publish the claim's verdict (chief editors; not the editor who decided it)",
        request=PublishInputSerializer,
        responses={200: ClaimDetailSerializer, 409: ConflictSerializer, **ERROR_RESPONSES},
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        claim = get_object_or_404(Claim, pk=pk)
        data = PublishInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            verdict_services.verdict_publish(
                claim=claim, publisher=request.user, expected_version=data.validated_data.get("version")
            )
        except verdict_services.StaleClaimError as exc:
            return _stale(exc)
        except DjangoValidationError as exc:
            raise _django_validation_error(exc) from exc
        return Response(ClaimDetailSerializer(claim_queryset().get(pk=claim.pk)).data)


class LookupView(APIView):
    permission_classes = [RolePermission]
    renderer_classes = JSON_ONLY
    read_permissions = perms.READ_CLAIMS

    @extend_schema(
        summary="Has this been checked? Decided claims like the text (and figure), best first",
        parameters=[LookupQuerySerializer],
        responses={200: LookupResponseSerializer, **ERROR_RESPONSES},
    )
    def get(self, request):
        query = LookupQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        context = self.get_renderer_context()
        parts = ["lookup", values["q"], values.get("value"), values.get("unit"), values["limit"]]
        return Response(lookup_selectors.cached_answer(parts, lambda: _lookup_body(values, context)))


def _lookup_body(values: dict, context: dict) -> dict:
    figures = lookup_selectors.lookup_figures(q=values["q"], value=values.get("value"), unit=values.get("unit"))
    hits = lookup_selectors.claims_lookup(
        q=values["q"], value=values.get("value"), unit=values.get("unit"), limit=values["limit"], figures=figures
    )
    results = _lookup_matches(hits, context)
    return {
        "q": values["q"],
        "figures": [
            {
                "kind": figure.kind,
                "value": figure.value if figure.is_date else decimal_to_str(figure.value),
                "unit": figure.unit,
            }
            for figure in figures
        ],
        "count": len(results),
        # Plain data (not DRF's ReturnList), so the cache can pickle it.
        "results": json.loads(JSONRenderer().render(results)),
    }


class CheckView(APIView):
    """Extract and match claims in a text without storing anything."""

    permission_classes = [RolePermission]
    renderer_classes = JSON_ONLY
    write_permissions = perms.READ_CLAIMS  # a POST that only reads
    throttle_classes = [AnonRateThrottle, UserRateThrottle, CheckRateThrottle]
    throttle_scope = "check"
    related_verdicts = 3

    @extend_schema(
        summary="Check a text: its claims with machine suggestions and any matching decided verdicts",
        description="Nothing is stored. Throttled by the `check` rate (API_THROTTLE_CHECK).",
        request=CheckInputSerializer,
        responses={
            200: CheckResponseSerializer,
            429: OpenApiResponse(description="Too many checks."),
            **ERROR_RESPONSES,
        },
    )
    def post(self, request):
        data = CheckInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        checked = matching_services.text_check(text=data.validated_data["text"], related=self.related_verdicts)
        context = self.get_renderer_context()
        claims = [
            {**claim, "verdicts": _lookup_matches(related_hits, context)} for claim, related_hits in checked
        ]
        return Response({"claims": claims})


@extend_schema_view(
    list=extend_schema(summary="List articles and their pipeline status", responses=ArticleSerializer(many=True)),
    retrieve=extend_schema(summary="An article's status (and error) and its claims", responses=ArticleDetailSerializer),
)
class ArticleViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[0-9]+"  # anything else is a 404, never a ValueError (500)
    permission_classes = [RolePermission]
    renderer_classes = JSON_ONLY
    read_permissions = perms.READ_ARTICLES
    write_permissions = perms.INGEST_ARTICLES
    pagination_class = NewestFirstCursorPagination
    queryset = Article.objects.defer("text")
    filterset_fields = ["status"]

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer

    @extend_schema(
        summary="Ingest an article (queued); identical text returns the existing article",
        request=ArticleInputSerializer,
        responses={
            202: ArticleAcceptedSerializer,
            200: OpenApiResponse(ArticleAcceptedSerializer, description="Identical text was already ingested."),
            **ERROR_RESPONSES,
        },
    )
    def create(self, request, *args, **kwargs):
        _refuse_oversized_body(request)
        data = ArticleInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            incoming = posted_article(
                text=values.get("text", ""), url=values.get("url") or None, title=values["title"],
                source=values["source"], door="api",
            )
        except SourceRefused as error:
            raise serializers.ValidationError({"url": str(error)}) from error
        try:
            with transaction.atomic():
                article, created = article_services.article_ingest_incoming(incoming=incoming)
        except InputError as exc:  # NUL, lone surrogates, a URL that is not http(s): a 400 saying which
            raise serializers.ValidationError({"detail": str(exc)}) from exc
        except article_services.ArticleTooLarge as error:
            raise serializers.ValidationError({"text": str(error)}) from error
        status_url = request.build_absolute_uri(reverse("api:article-detail", args=[article.pk]))
        body = {"id": article.pk, "status": article.status, "status_url": status_url, "created": created}
        if created and article_services.article_is_waiting_for_broker(article):
            # Committed and in the outbox: the sweep sends it once the broker is back.
            body["detail"] = article_services.BROKER_UNAVAILABLE
        return Response(
            body,
            status=status.HTTP_202_ACCEPTED if created else status.HTTP_200_OK,
            headers={"Location": status_url},
        )


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "body_too_large"


# JSON may spell a character as a 6-byte \uXXXX escape; the rest of an article's fields fit in 64 KiB.
_BODY_BYTES_PER_CHAR = 6
_BODY_OVERHEAD = 64 * 1024


def _refuse_oversized_body(request) -> None:
    """Refuse, before reading it, a body too large to hold an article within FACTCHECK_MAX_ARTICLE_CHARS."""
    limit = settings.FACTCHECK_MAX_ARTICLE_CHARS * _BODY_BYTES_PER_CHAR + _BODY_OVERHEAD
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        raise BodyTooLarge(
            _("The request is too large: %(length)s bytes; an article may have at most %(chars)s characters.")
            % {"length": f"{length:,}", "chars": f"{settings.FACTCHECK_MAX_ARTICLE_CHARS:,}"}
        )



class ReferenceViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """The reference library, one statement per record in the import format (interfaces.md §2)."""

    permission_classes = [RolePermission]
    renderer_classes = JSON_ONLY
    read_permissions = perms.READ_REFERENCES
    write_permissions = perms.WRITE_REFERENCES
    pagination_class = Pagination
    serializer_class = ReferenceRecordSerializer
    queryset = ReferenceStatement.objects.select_related("source").order_by("key")
    lookup_field = "key"
    filterset_fields = ["subject", "kind", "unit"]

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response([reference_services.reference_record(statement) for statement in page])

    def retrieve(self, request, *args, **kwargs):
        return Response(reference_services.reference_record(self.get_object()))

    @extend_schema(
        summary="Add or update a reference statement by key (the §2 record)",
        responses={201: ReferenceRecordSerializer, 200: ReferenceRecordSerializer, **ERROR_RESPONSES},
    )
    def create(self, request, *args, **kwargs):
        if not isinstance(request.data, dict):
            raise serializers.ValidationError({"detail": _("Post one §2 record as a JSON object.")})
        try:
            statement, outcome = reference_services.reference_upsert(record=dict(request.data))
        except ReferenceRecordError as exc:
            raise serializers.ValidationError({"detail": str(exc)}) from exc
        statement = self.get_queryset().get(pk=statement.pk)
        return Response(
            {**reference_services.reference_record(statement), "outcome": outcome},
            status=status.HTTP_201_CREATED if outcome == "created" else status.HTTP_200_OK,
        )


@extend_schema(summary="Your webhook subscriptions (chief editors)")
class WebhookSubscriptionViewSet(viewsets.ModelViewSet):
    """Each API client manages its own subscriptions; deliveries are in the admin."""

    lookup_value_regex = "[0-9]+"  # anything else is a 404, never a ValueError (500)

    permission_classes = [RolePermission]
    renderer_classes = JSON_ONLY
    read_permissions = perms.MANAGE_WEBHOOKS
    write_permissions = perms.MANAGE_WEBHOOKS
    serializer_class = WebhookSubscriptionSerializer
    pagination_class = Pagination
    queryset = WebhookSubscription.objects.none()  # for the schema; requests see only their own

    def get_queryset(self):
        return WebhookSubscription.objects.filter(owner=self.request.user).order_by("id")

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)
