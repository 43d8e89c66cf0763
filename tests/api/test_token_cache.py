"""API tokens cached with their user's permissions (FACTCHECK_API_AUTH_CACHE_SECONDS)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from claims.api.authentication import CACHE_PREFIX
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/"


def sql_on_auth_tables(client) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL)
    assert response.status_code == 200
    tables = ('FROM "authtoken_token"', 'FROM "auth_permission"')
    return [query["sql"] for query in captured if any(table in query["sql"] for table in tables)]


def test_a_known_token_costs_no_query_while_cached(editor, settings):
    settings.FACTCHECK_API_AUTH_CACHE_SECONDS = 30
    api = client_for(editor)

    first = sql_on_auth_tables(api)
    second = sql_on_auth_tables(api)

    assert len(first) >= 2  # the token with its user, the permissions
    assert second == []


def test_the_cache_keeps_the_permissions_a_role_needs(viewer, settings):
    settings.FACTCHECK_API_AUTH_CACHE_SECONDS = 30
    api = client_for(viewer)
    api.get(URL)

    # The cached viewer still may read but not write (permissions come from the cached user).
    assert api.get(URL).status_code == 200
    assert api.post("/api/v1/references/", {}, format="json").status_code == 403


def test_without_the_cache_a_deleted_token_is_refused_at_once(editor, settings):
    settings.FACTCHECK_API_AUTH_CACHE_SECONDS = 0
    api = client_for(editor)
    assert api.get(URL).status_code == 200

    Token.objects.filter(user=editor).delete()

    assert api.get(URL).status_code == 401


def test_the_cache_key_is_a_digest_not_the_token(editor, settings):
    settings.FACTCHECK_API_AUTH_CACHE_SECONDS = 30
    api = client_for(editor)
    api.get(URL)
    token = Token.objects.get(user=editor).key

    keys = [key for key in cache._cache if CACHE_PREFIX in key]  # the test cache is local memory
    assert len(keys) == 1 and token not in keys[0]
