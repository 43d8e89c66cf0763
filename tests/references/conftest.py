"""Reference records and articles written for these tests (Arabic sentences composed here)."""

import json

import pytest

from claims.extraction import extract
from claims.models import Article, ArticleStatus
from claims.services.articles import article_store_claims, content_hash

ARAMCO_PROFIT = {
    "key": "aramco-net-profit-2023",
    "statement": "بلغ صافي أرباح شركة أرامكو السعودية 121 مليار دولار في عام 2023.",
    "statement_en": "Saudi Aramco's net profit was $121 billion in 2023.",
    "language": "ar",
    "subject": "أرامكو",
    "metric": "صافي الأرباح",
    "value": "121000000000",
    "unit": "USD",
    "qualifier": "exact",
    "as_of": "2023",
    "aliases": ["أرامكو السعودية", "Aramco"],
    "source_title": "التقرير السنوي لأرامكو 2023",
    "source_url": "https://example.org/aramco-2023",
    "publisher": "أرامكو السعودية",
    "published": "2024-03-10",
}
NILE_LENGTH = {
    "key": "nile-length",
    "statement": "يبلغ طول نهر النيل نحو 6650 كيلومترا، وهو من أطول أنهار العالم.",
    "subject": "نهر النيل",
    "aliases": ["النيل"],
    "metric": "الطول",
    "value": "6650",
    "unit": "km",
    "qualifier": "approx",
    "source_title": "موسوعة الأنهار",
}
VISITORS = {
    "key": "museum-visitors-2022",
    "statement": "استقبل المتحف الوطني 800 ألف زائر خلال عام 2022.",
    "subject": "المتحف الوطني",
    "metric": "عدد الزوار",
    "value": "800000",
    "as_of": "2022",
}


@pytest.fixture(autouse=True)
def eager_tasks(settings):
    # Celery reads the prefixed Django setting before its own key: the shared conftest's
    # `celery_app.conf.task_always_eager = True` alone does not make tasks run in the test.
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def write_file(tmp_path):
    def write(name: str, content: str):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        return path

    return write


def jsonl(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


@pytest.fixture
def make_article(db):
    """An article whose claims and quantities come from the real extractor."""

    def make(text: str, *, title: str = "أخبار الاقتصاد", status: str = ArticleStatus.READY) -> Article:
        article = Article.objects.create(
            title=title, source="test.txt", text=text, content_hash=content_hash(text), status=status
        )
        article_store_claims(article=article, extraction=extract(text))
        return article

    return make
