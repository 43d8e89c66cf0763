import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_schema_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))

    schema = out.read_text(encoding="utf-8")
    for path in ("/api/v1/claims/{id}/verdict/", "/api/v1/lookup/", "/api/v1/check/", "/api/v1/references/"):
        assert f"  {path}:" in schema


def test_anyone_can_read_the_schema(anonymous_api):
    response = anonymous_api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "tokenAuth" in schema["components"]["securitySchemes"]
    claim = schema["components"]["schemas"]["Claim"]["properties"]
    assert {"id", "article", "quantities", "suggestion", "verdict"} <= set(claim)


def test_the_docs_page_loads_its_assets_from_this_site_only(anonymous_api):
    response = anonymous_api.get("/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert any("swagger-ui" in source for source in sources)
    assert all(not source.startswith(("http://", "https://", "//")) for source in sources), sources
    assert "cdn" not in html.lower()
