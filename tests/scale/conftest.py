"""A newsroom that can be grown: the same pages must cost the same queries at any size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, ClaimFactory, ReferenceStatementFactory, VerdictFactory

# (sentence, its figure, kind, unit, base-unit multiplier)
SENTENCES = [
    ("قالت الشركة إن إيراداتها السنوية بلغت {n} مليون دولار في العام الماضي", "{n} مليون دولار", "money", "USD",
     1_000_000),
    ("أعلنت الهيئة أن نسبة البطالة انخفضت إلى {n}% خلال الربع الأخير", "{n}%", "percent", "%", 1),
    ("ذكر التقرير أن عدد المشتركين تجاوز {n} ألف مشترك في المنطقة", "{n} ألف", "count", None, 1000),
]


class Newsroom:
    def __init__(self, editor):
        self.editor = editor
        self.reference = ReferenceStatementFactory()
        self.grown = 0

    def grow(self, claims: int) -> None:
        """Add `claims` claims over new articles (3 per article): figures checked, every 4th decided."""
        for index in range(self.grown, self.grown + claims):
            template, figure, kind, unit, scale = SENTENCES[index % 3]
            sentence, figure = template.format(n=100 + index), figure.format(n=100 + index)
            article = ArticleFactory(text=f"{sentence} ({index})", title=f"مقال {index}", source=f"{index}.txt")
            claim = ClaimFactory(
                article=article,
                text=sentence,
                suggested=True,
                suggested_verdict=["contradicted", "supported", "mixed", "unverified"][index % 4],
                figures=[(figure, kind, str((100 + index) * scale), unit)],
                reference=self.reference,
            )
            if index % 4 == 0:
                VerdictFactory(claim=claim, editor=self.editor)
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
