"""Rows for the review desk's tests, made with tests/factories.py (no pipeline needed)."""

import pytest

from claims.models import ClaimStatus, MachineVerdict
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    QuantityCheckFactory,
    QuantityFactory,
    ReferenceSourceFactory,
    ReferenceStatementFactory,
)

TRAINING_COST_TEXT = (
    "قالت الشركة في بيانها الأخير إن تكلفة تدريب نموذجها اللغوي الجديد بلغت 558 مليون دولار، "
    "وهو رقم أثار نقاشاً واسعاً بين الباحثين."
)
TRAINING_COST_CLAIM = "إن تكلفة تدريب نموذجها اللغوي الجديد بلغت 558 مليون دولار"
FIGURE = "558 مليون دولار"


@pytest.fixture
def reference(db):
    return ReferenceStatementFactory(
        key="model-training-cost",
        source=ReferenceSourceFactory(),
        text="بلغت تكلفة تدريب النموذج الكاملة 5.576 مليون دولار بحسب التقرير التقني.",
        text_en="The full training run cost $5.576M according to the technical report.",
        subject="النموذج",
        metric="تكلفة التدريب",
        as_of="2024-12",
    )


@pytest.fixture
def contradicted_claim(db, reference):
    """The 558-million claim, contradicted by a $5.576M reference (a scale error)."""
    claim = ClaimFactory(
        article=ArticleFactory(text=TRAINING_COST_TEXT, title="كلفة تدريب النموذج"),
        text=TRAINING_COST_CLAIM,
        status=ClaimStatus.SUGGESTED,
        suggested_verdict=MachineVerdict.CONTRADICTED,
        checkworthiness=0.9,
        suggestion={"verdict": "contradicted", "reference": reference.key, "score": 0.81},
    )
    QuantityCheckFactory(
        quantity=QuantityFactory(claim=claim, text=FIGURE),
        reference=reference,
        explanation_ar="الرقم المذكور أكبر بنحو مئة مرة من رقم المرجع (5.576 مليون دولار).",
        explanation_en="The stated figure is about 100 times the reference figure ($5.576M).",
        candidates=[{"reference": "model-inference-cost", "score": 0.42}],
    )
    return claim
