import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def eager_tasks(settings):
    # Celery reads the prefixed Django setting before its own `task_always_eager` key, so the shared
    # conftest's `celery_app.conf.task_always_eager = True` does not take effect: override the setting.
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # The shared cast is created with passwords; a slow hasher adds seconds to every test here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Throttle history lives in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def anonymous_api():
    return client_for()


@pytest.fixture
def viewer_api(viewer):
    return client_for(viewer)


@pytest.fixture
def editor_api(editor):
    return client_for(editor)


@pytest.fixture
def other_editor_api(other_editor):
    return client_for(other_editor)


@pytest.fixture
def chief_api(chief):
    return client_for(chief)
