"""A small newsroom for the export tests: one Arabic article with three claims.

- `wrong`: "558 مليون دولار", contradicted by a reference giving 5576000 USD (ratio 100.07, a scale
  error); the editor rated it wrong_figure and a chief editor published it.
- `open`: a figure with no reference close enough; no verdict yet.
- `unverifiable`: decided as unverifiable, not published.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from claims.models import Article, ArticleStatus, Claim, ClaimStatus, ReferenceStatement
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    QuantityCheckFactory,
    QuantityFactory,
    ReferenceSourceFactory,
    ReferenceStatementFactory,
    VerdictFactory,
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
DECIDED_AT = datetime(2025, 2, 3, 14, 0, tzinfo=UTC)


@dataclass
class Newsroom:
    article: Article
    reference: ReferenceStatement
    wrong: Claim
    open: Claim
    unverifiable: Claim


@pytest.fixture
def newsroom(editor, chief):
    article = ArticleFactory(
        text=ARTICLE_TEXT,
        title="تكلفة تدريب النموذج الجديد",
        source=SOURCE_FILE,
        url="https://news.example/ai/558",
        status=ArticleStatus.READY,
        published_at=datetime(2025, 1, 28, 9, 30, tzinfo=UTC),
    )
    reference = ReferenceStatementFactory(
        key="dsv3-training-cost",
        source=ReferenceSourceFactory(publisher="فريق البحث", url="https://research.example/v3-report"),
        text="بلغت تكلفة تدريب النموذج النهائية 5.576 مليون دولار.",
        as_of="2024-12",
    )
    wrong = ClaimFactory(
        article=article,
        text=WRONG_CLAIM,
        status=ClaimStatus.SUGGESTED,
        suggested_verdict="contradicted",
        checkworthiness=0.9,
        suggestion={
            "verdict": "contradicted",
            "reference": reference.key,
            "score": 0.81,
            "explanation": "The figure is about 100 times the reference (a scale error).",
            "explanation_ar": "الرقم المذكور أكبر من المرجع نحو مئة مرة (خطأ في المقياس).",
        },
    )
    QuantityCheckFactory(
        quantity=QuantityFactory(claim=wrong, text="558 مليون دولار"),
        reference=reference,
        explanation_ar="الرقم المذكور أكبر من المرجع نحو مئة مرة (خطأ في المقياس).",
        explanation_en="The figure is about 100 times the reference (a scale error).",
    )
    VerdictFactory(
        claim=wrong,
        editor=editor,
        note="الرقم الصحيح 5.576 مليون دولار",
        reference=reference,
        decided_at=DECIDED_AT,
        published_by=chief,
        published_at=datetime(2025, 2, 4, 8, 0, tzinfo=UTC),
    )

    open_claim = ClaimFactory(
        article=article,
        text=OPEN_CLAIM,
        status=ClaimStatus.SUGGESTED,
        suggested_verdict="unverified",
        suggestion={},
        checkworthiness=0.9,
    )
    QuantityFactory(claim=open_claim, text="30 مليون مستخدم", kind="count", value_text="30000000", unit="")

    unverifiable = ClaimFactory(
        article=article, text=UNVERIFIABLE_CLAIM, status=ClaimStatus.IN_REVIEW, checkworthiness=0.9
    )
    VerdictFactory(
        claim=unverifiable,
        editor=editor,
        rating="unverifiable",
        note="توقع لا يمكن التحقق منه الآن",
        decided_at=DECIDED_AT,
    )

    return Newsroom(article=article, reference=reference, wrong=wrong, open=open_claim, unverifiable=unverifiable)
