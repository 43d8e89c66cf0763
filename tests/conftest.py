"""The shared cast of the tests: a viewer, an editor, a chief editor, their API clients; Celery run eagerly.

Tests that need a real worker on a real Redis use the fixtures of tests/pipeline/conftest.py instead.
"""

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import roles
from factcheck.celery import app as celery_app
from tests.factories import UserFactory


def set_celery_option(name: str, value):
    """Celery reads settings loaded with namespace="CELERY" under their prefixed name first."""
    celery_app.conf[f"CELERY_{name.upper()}"] = value
    celery_app.conf[name] = value


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The cast logs in a lot; PBKDF2's deliberate slowness would dominate the suite's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached lookups must not leak from one test's database into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def eager_celery():
    previous = celery_app.conf.task_always_eager
    set_celery_option("task_always_eager", True)
    yield
    set_celery_option("task_always_eager", previous)


def _member(username: str, role: str):
    """A fixture giving the staff member `username` of `role`'s group."""

    @pytest.fixture
    def member(db):
        return UserFactory(username=username, role=role)

    return member


viewer = _member("viewer", roles.VIEWERS)
editor = _member("editor", roles.EDITORS)
other_editor = _member("other_editor", roles.EDITORS)
chief = _member("chief", roles.CHIEF_EDITORS)


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def anonymous_api():
    return client_for()


def _api_of(member: str):
    """A fixture giving an API client holding the token of the cast's `member` (above)."""

    @pytest.fixture
    def api(request):
        return client_for(request.getfixturevalue(member))

    return api


viewer_api = _api_of("viewer")
editor_api = _api_of("editor")
other_editor_api = _api_of("other_editor")
chief_api = _api_of("chief")
