"""A small newsroom for the export tests: one Arabic article with three claims.

- `wrong`: "558 مليون دولار", contradicted by a reference giving 5576000 USD (ratio 100.07, a scale
  error); the editor rated it wrong_figure and a chief editor published it.
- `open`: a figure with no reference close enough; no verdict yet.
- `unverifiable`: decided as unverifiable, not published.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from claims.models import (
    Article,
    Claim,
    ClaimStatus,
    Quantity,
    QuantityCheck,
    ReferenceSource,
    ReferenceStatement,
    Verdict,
)

ARTICLE_TEXT = (
    "أعلنت الشركة الناشئة أن تكلفة تدريب نموذجها الجديد بلغت 558 مليون دولار فقط، وهو رقم أثار جدلاً بين الخبراء. "
    "وقالت إن عدد مستخدمي التطبيق تجاوز 30 مليون مستخدم خلال شهرين من إطلاقه. "
    "ورأى محللون أن النموذج سيغير سوق الذكاء الاصطناعي في المنطقة خلال السنوات المقبلة."
)
WRONG_CLAIM = "أعلنت الشركة الناشئة أن تكلفة تدريب نموذجها الجديد بلغت 558 مليون دولار فقط"
OPEN_CLAIM = "وقالت إن عدد مستخدمي التطبيق تجاوز 30 مليون مستخدم خلال شهرين من إطلاقه"
UNVERIFIABLE_CLAIM = "ورأى محللون أن النموذج سيغير سوق الذكاء الاصطناعي في المنطقة"
SOURCE_FILE = "001_training_cost.txt"


@dataclass
class Newsroom:
    article: Article
    reference: ReferenceStatement
    wrong: Claim
    open: Claim
    unverifiable: Claim


def make_article(text, *, title, source, url=None):
    return Article.objects.create(
        title=title,
        source=source,
        url=url,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        status="ready",
        published_at=datetime(2025, 1, 28, 9, 30, tzinfo=UTC),
    )


def make_claim(article, text, *, status, suggested="", suggestion=None):
    start = article.text.find(text)
    assert start >= 0, "the claim must be a span of its article"
    return Claim.objects.create(
        article=article,
        start=start,
        end=start + len(text),
        text=text,
        checkworthiness=0.9,
        status=status,
        suggested_verdict=suggested,
        suggestion=suggestion or {},
    )


def add_figure(claim, figure_text, *, kind, value, unit, position=0):
    start = claim.article.text.find(figure_text, claim.start)
    return Quantity.objects.create(
        claim=claim,
        position=position,
        start=start,
        end=start + len(figure_text),
        text=figure_text,
        kind=kind,
        value_text=value,
        value=Decimal(value),
        unit=unit,
    )


def decide(claim, editor, rating, *, note="", reference=None, published_by=None):
    decided_at = datetime(2025, 2, 3, 14, 0, tzinfo=UTC)
    claim.status = ClaimStatus.PUBLISHED if published_by else ClaimStatus.DECIDED
    claim.save(update_fields=["status"])
    return Verdict.objects.create(
        claim=claim,
        rating=rating,
        note=note,
        reference=reference,
        editor=editor,
        decided_at=decided_at,
        published_by=published_by,
        published_at=datetime(2025, 2, 4, 8, 0, tzinfo=UTC) if published_by else None,
    )


@pytest.fixture
def newsroom(editor, chief):
    article = make_article(
        ARTICLE_TEXT, title="تكلفة تدريب النموذج الجديد", source=SOURCE_FILE, url="https://news.example/ai/558"
    )
    source = ReferenceSource.objects.create(
        title="التقرير التقني للنموذج", publisher="فريق البحث", url="https://research.example/v3-report"
    )
    reference = ReferenceStatement.objects.create(
        key="dsv3-training-cost",
        source=source,
        text="بلغت تكلفة تدريب النموذج النهائية 5.576 مليون دولار.",
        kind="money",
        value_text="5576000",
        unit="USD",
        as_of="2024-12",
    )
    wrong = make_claim(
        article,
        WRONG_CLAIM,
        status=ClaimStatus.SUGGESTED,
        suggested="contradicted",
        suggestion={
            "verdict": "contradicted",
            "reference": reference.key,
            "score": 0.81,
            "explanation": "The figure is about 100 times the reference (a scale error).",
            "explanation_ar": "الرقم المذكور أكبر من المرجع نحو مئة مرة (خطأ في المقياس).",
        },
    )
    figure = add_figure(wrong, "558 مليون دولار", kind="money", value="558000000", unit="USD")
    QuantityCheck.objects.create(
        quantity=figure,
        verdict="contradicted",
        reference=reference,
        reference_value="5576000",
        reference_unit="USD",
        ratio=Decimal("100.07"),
        error="scale",
        score=0.81,
        explanation_ar="الرقم المذكور أكبر من المرجع نحو مئة مرة (خطأ في المقياس).",
        explanation_en="The figure is about 100 times the reference (a scale error).",
    )
    decide(
        wrong, editor, "wrong_figure", note="الرقم الصحيح 5.576 مليون دولار", reference=reference, published_by=chief
    )

    open_claim = make_claim(article, OPEN_CLAIM, status=ClaimStatus.SUGGESTED, suggested="unverified")
    add_figure(open_claim, "30 مليون مستخدم", kind="count", value="30000000", unit="")

    unverifiable = make_claim(article, UNVERIFIABLE_CLAIM, status=ClaimStatus.IN_REVIEW)
    decide(unverifiable, editor, "unverifiable", note="توقع لا يمكن التحقق منه الآن")

    return Newsroom(article=article, reference=reference, wrong=wrong, open=open_claim, unverifiable=unverifiable)
