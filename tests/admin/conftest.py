"""Rows for the review desk's tests, created directly (no pipeline needed)."""

import hashlib
from decimal import Decimal

import pytest

from claims.extraction import normalize
from claims.models import (
    Article,
    Claim,
    ClaimStatus,
    MachineVerdict,
    Quantity,
    QuantityCheck,
    ReferenceSource,
    ReferenceStatement,
)

TRAINING_COST_TEXT = (
    "قالت الشركة في بيانها الأخير إن تكلفة تدريب نموذجها اللغوي الجديد بلغت 558 مليون دولار، "
    "وهو رقم أثار نقاشاً واسعاً بين الباحثين."
)
TRAINING_COST_CLAIM = "إن تكلفة تدريب نموذجها اللغوي الجديد بلغت 558 مليون دولار"
FIGURE = "558 مليون دولار"


def make_article(text: str, title: str = "مقال تجريبي") -> Article:
    return Article.objects.create(
        title=title, source="test.txt", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest()
    )


def make_claim(article: Article, claim_text: str, **fields) -> Claim:
    start = article.text.index(claim_text)
    return Claim.objects.create(
        article=article,
        start=start,
        end=start + len(claim_text),
        text=claim_text,
        normalized_text=normalize(claim_text),
        **fields,
    )


def make_quantity(claim: Claim, figure: str, *, kind="money", value="558000000", unit="USD") -> Quantity:
    start = claim.article.text.index(figure)
    return Quantity.objects.create(
        claim=claim,
        start=start,
        end=start + len(figure),
        text=figure,
        kind=kind,
        value_text=value,
        value=Decimal(value),
        unit=unit,
    )


@pytest.fixture
def reference(db):
    source = ReferenceSource.objects.create(
        title="التقرير التقني للنموذج", publisher="مختبر الأبحاث", url="https://example.org/report"
    )
    return ReferenceStatement.objects.create(
        key="model-training-cost",
        source=source,
        text="بلغت تكلفة تدريب النموذج الكاملة 5.576 مليون دولار بحسب التقرير التقني.",
        text_en="The full training run cost $5.576M according to the technical report.",
        subject="النموذج",
        metric="تكلفة التدريب",
        kind="money",
        value_text="5576000",
        unit="USD",
        as_of="2024-12",
    )


@pytest.fixture
def contradicted_claim(db, reference):
    """The 558-million claim, contradicted by a $5.576M reference (a scale error)."""
    article = make_article(TRAINING_COST_TEXT, title="كلفة تدريب النموذج")
    claim = make_claim(
        article,
        TRAINING_COST_CLAIM,
        status=ClaimStatus.SUGGESTED,
        suggested_verdict=MachineVerdict.CONTRADICTED,
        checkworthiness=0.9,
        suggestion={"verdict": "contradicted", "reference": reference.key, "score": 0.81},
    )
    quantity = make_quantity(claim, FIGURE)
    QuantityCheck.objects.create(
        quantity=quantity,
        verdict=MachineVerdict.CONTRADICTED,
        reference=reference,
        reference_value="5576000",
        reference_unit="USD",
        ratio=Decimal("100.07"),
        error="scale",
        score=0.81,
        explanation_ar="الرقم المذكور أكبر بنحو مئة مرة من رقم المرجع (5.576 مليون دولار).",
        explanation_en="The stated figure is about 100 times the reference figure ($5.576M).",
        candidates=[{"reference": "model-inference-cost", "score": 0.42}],
    )
    return claim
