"""The shared cast of the tests: a viewer, an editor, a chief editor; and Celery run eagerly.

Tests that need a real worker on a real Redis use the fixtures of tests/pipeline/conftest.py instead.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from claims import roles
from factcheck.celery import app as celery_app


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


def _member(django_user_model, username, role):
    user = django_user_model.objects.create_user(username=username, password="pass-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def viewer(db, django_user_model):
    return _member(django_user_model, "viewer", roles.VIEWERS)


@pytest.fixture
def editor(db, django_user_model):
    return _member(django_user_model, "editor", roles.EDITORS)


@pytest.fixture
def other_editor(db, django_user_model):
    return _member(django_user_model, "other_editor", roles.EDITORS)


@pytest.fixture
def chief(db, django_user_model):
    return _member(django_user_model, "chief", roles.CHIEF_EDITORS)
