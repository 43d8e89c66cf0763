"""Rows for the API tests, created directly (the ingestion pipeline is tested elsewhere)."""

import hashlib
from decimal import Decimal

from django.utils import timezone

from claims.extraction import normalize
from claims.models import Article, Claim, ClaimStatus, Quantity, QuantityCheck, ReferenceStatement, Verdict
from claims.services.checked_figures import checked_figures_refresh


def make_article(text="قال التقرير إن تكلفة التدريب بلغت 558 مليون دولار.", title="تقرير", source="001.txt"):
    content_hash = hashlib.sha256(text.encode()).hexdigest()
    return Article.objects.create(title=title, source=source, text=text, content_hash=content_hash)


def make_reference(key="dsv3-training-cost", text="بلغت تكلفة تدريب النموذج 5.576 مليون دولار.", value="5576000"):
    return ReferenceStatement.objects.create(key=key, text=text, kind="money", value_text=value, unit="USD")


def make_claim(
    article,
    text,
    *,
    start=0,
    status=ClaimStatus.SUGGESTED,
    suggested="contradicted",
    figures=(),
    reference=None,
    checkworthiness=0.9,
):
    """A claim and its figures: figures = [(text, kind, value, unit), ...], each checked against `reference`."""
    claim = Claim.objects.create(
        article=article,
        start=start,
        end=start + len(text),
        text=text,
        normalized_text=normalize(text),
        checkworthiness=checkworthiness,
        status=status,
        suggested_verdict=suggested,
        suggestion={"verdict": suggested, "reference": reference.key if reference else None, "score": 0.8,
                    "explanation": "The figure differs from the reference",
                    "explanation_ar": "القيمة المذكورة تختلف عن المرجع"} if suggested else {},
    )
    for position, (figure_text, kind, value, unit) in enumerate(figures):
        offset = text.find(figure_text)
        quantity = Quantity.objects.create(
            claim=claim,
            position=position,
            start=start + offset,
            end=start + offset + len(figure_text),
            text=figure_text,
            kind=kind,
            value_text=value,
            value=Decimal(value) if kind != "date" else None,
            unit=unit or "",
        )
        if reference is not None:
            QuantityCheck.objects.create(
                quantity=quantity,
                verdict=suggested or "unverified",
                reference=reference,
                reference_value=reference.value_text,
                reference_unit=reference.unit,
                ratio=Decimal("100.07"),
                error="scale",
                score=0.81,
                explanation_ar="الرقم أكبر من المرجع مئة مرة",
                explanation_en="The figure is 100 times the reference",
            )
    return claim


def decide(claim, editor, rating="wrong_figure", note="خطأ في المقياس", reference=None, published_by=None):
    now = timezone.now()
    verdict = Verdict.objects.create(
        claim=claim,
        rating=rating,
        note=note,
        reference=reference,
        editor=editor,
        decided_at=now,
        published_by=published_by,
        published_at=now if published_by else None,
    )
    claim.status = ClaimStatus.PUBLISHED if published_by else ClaimStatus.DECIDED
    claim.save(update_fields=["status"])
    checked_figures_refresh(claim_ids=[claim.pk])  # as the verdict services do
    return verdict
