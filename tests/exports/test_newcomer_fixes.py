"""What a newcomer tripped on: the report's "Published" date and the host in ClaimReview URLs."""

import json

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from claims.exports.claimreview import claim_review
from claims.models import Article


def test_the_report_prints_the_published_date_not_the_ingest_date(client, viewer, newsroom):
    article = newsroom.article  # published 2025-01-28, ingested today
    client.force_login(viewer)
    url = reverse("reports:article", args=[article.pk])
    html = client.get(url).content.decode()
    published = html[html.index("Published:") : html.index("Ingested:")]
    assert "2025-01-28" in published
    Article.objects.filter(pk=article.pk).update(published_at=None)
    html = client.get(url).content.decode()
    published = html[html.index("Published:") : html.index("Ingested:")]
    assert "غير معروف / unknown" in published  # never the ingest date in its place


def test_claimreview_urls_name_the_host_the_request_came_to(client, editor, newsroom, settings):
    settings.ALLOWED_HOSTS = ["factcheck.example.org"]
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "export_claimreview", ACTION_CHECKBOX_NAME: [newsroom.wrong.pk], "index": 0},
        HTTP_HOST="factcheck.example.org",
    )
    reviews = json.loads(b"".join(response.streaming_content) if response.streaming else response.content)
    assert reviews and all(r["url"].startswith("http://factcheck.example.org/reports/") for r in reviews)


def test_without_a_request_claimreview_urls_use_the_site_url_setting(settings, newsroom):
    settings.SITE_URL = "https://checks.example.net/"
    review = claim_review(newsroom.wrong)
    assert review["url"].startswith("https://checks.example.net/reports/articles/")
