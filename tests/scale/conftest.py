"""A newsroom that can be grown: the same pages must cost the same queries at any size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import ClaimStatus
from tests.api.factories import decide, make_article, make_claim, make_reference

SENTENCES = [
    "قالت الشركة إن إيراداتها السنوية بلغت {n} مليون دولار في العام الماضي",
    "أعلنت الهيئة أن نسبة البطالة انخفضت إلى {n}% خلال الربع الأخير",
    "ذكر التقرير أن عدد المشتركين تجاوز {n} ألف مشترك في المنطقة",
]


class Newsroom:
    def __init__(self, editor):
        self.editor = editor
        self.reference = make_reference()
        self.grown = 0

    def grow(self, claims: int) -> None:
        """Add `claims` claims over new articles (3 per article): figures checked, every 4th decided."""
        for index in range(self.grown, self.grown + claims):
            sentence = SENTENCES[index % 3].format(n=100 + index)
            article = make_article(text=f"{sentence} ({index})", title=f"مقال {index}", source=f"{index}.txt")
            figure = sentence.split()[-5] if "%" not in sentence else f"{100 + index}%"
            kind, unit = ("percent", "%") if "%" in sentence else ("count", None)
            claim = make_claim(
                article,
                sentence,
                status=ClaimStatus.SUGGESTED,
                suggested=["contradicted", "supported", "mixed", "unverified"][index % 4],
                figures=[(figure, kind, str(100 + index), unit)],
                reference=self.reference,
            )
            if index % 4 == 0:
                decide(claim, self.editor)
        self.grown += claims


@pytest.fixture
def newsroom(editor):
    return Newsroom(editor)


def count_queries(client, method: str, url: str, **kwargs) -> int:
    getattr(client, method)(url, **kwargs)  # warm caches that fill once per process (content types)
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, **kwargs)
    assert response.status_code == 200, response.content[:500]
    return len(captured)
