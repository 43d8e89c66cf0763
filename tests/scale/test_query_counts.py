"""Every page of docs/performance.md costs the same number of SQL queries with 6 claims or 24: no
per-row query sneaks in (the benchmark, bench/scale.py, times the same pages at a million)."""

import pytest
from django.core.cache import cache

from tests.conftest import client_for
from tests.scale.conftest import count_queries

pytestmark = pytest.mark.django_db

ADMIN_PAGES = [
    "/admin/claims/claim/",
    "/admin/claims/claim/?status__exact=suggested",
    "/admin/claims/claim/?q=الإيرادات",
    "/admin/claims/claim/?kind=percent",
    "/admin/claims/claim/?rating=none",
    "/admin/claims/claim/dashboard/",
    "/admin/claims/article/",
]
API_PAGES = [
    "/api/v1/claims/",
    "/api/v1/claims/?status=decided",
    "/api/v1/claims/?kind=percent&q=البطالة",
    "/api/v1/articles/",
    "/api/v1/lookup/?q=بلغت إيراداتها السنوية 104 مليون دولار",
]


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_an_admin_page_costs_the_same_queries_at_any_size(client, editor, newsroom, url):
    client.force_login(editor)
    newsroom.grow(6)
    small = count_queries(client, "get", url)
    newsroom.grow(18)
    cache.clear()

    assert count_queries(client, "get", url) == small


@pytest.mark.parametrize("url", API_PAGES)
def test_an_api_page_costs_the_same_queries_at_any_size(editor, newsroom, url, settings):
    settings.FACTCHECK_LOOKUP_CACHE_SECONDS = 0
    api = client_for(editor)
    newsroom.grow(6)
    small = count_queries(api, "get", url)
    newsroom.grow(18)

    assert count_queries(api, "get", url) == small


def test_the_claim_page_costs_the_same_queries_at_any_size(client, editor, newsroom):
    from claims.models import Claim

    client.force_login(editor)
    newsroom.grow(6)
    url = f"/admin/claims/claim/{Claim.objects.order_by('id').first().pk}/change/"
    small = count_queries(client, "get", url)
    newsroom.grow(18)

    assert count_queries(client, "get", url) == small


def test_the_queue_page_never_loads_article_text(client, editor, newsroom):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor)
    newsroom.grow(6)
    with CaptureQueriesContext(connection) as captured:
        client.get("/admin/claims/claim/")
    claim_queries = [q["sql"] for q in captured if 'FROM "claims_claim"' in q["sql"]]

    assert claim_queries
    assert not any('"claims_article"."text"' in sql for sql in claim_queries)


def test_a_filtered_list_is_counted_no_further_than_the_cap(newsroom, monkeypatch):
    from claims import pagination
    from claims.models import Claim

    newsroom.grow(6)
    monkeypatch.setattr(pagination, "COUNT_CAP", 4)
    filtered = pagination.EstimatedCountPaginator(Claim.objects.filter(checkworthiness__gt=0).order_by("id"), 2)

    assert filtered.count == 4 and filtered.num_pages == 2
    assert pagination.EstimatedCountPaginator(Claim.objects.filter(pk__lt=0).order_by("id"), 2).count == 0


def test_an_unfiltered_small_table_is_counted_exactly(newsroom, monkeypatch):
    from claims import pagination
    from claims.models import Claim

    newsroom.grow(6)
    monkeypatch.setattr(pagination, "COUNT_CAP", 4)

    assert pagination.EstimatedCountPaginator(Claim.objects.order_by("id"), 2).count == 6


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx", "claimreview"])
def test_an_export_costs_the_same_queries_at_any_size(newsroom, fmt, tmp_path):
    import io

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.exports import FORMATS, write_export
    from claims.selectors.exports import claims_for_export

    def queries() -> int:
        stream = io.BytesIO() if FORMATS[fmt].binary else io.StringIO()
        with CaptureQueriesContext(connection) as captured:
            write_export(fmt, claims_for_export(), stream, include_decided=True)
        return len(captured)

    newsroom.grow(6)
    small = queries()
    newsroom.grow(18)

    assert queries() == small
