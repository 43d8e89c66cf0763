"""Login lockout, DEBUG off by default, chief editors issuing API tokens, webhook secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token

from claims import roles

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-right-password-for-tests"

pytestmark = pytest.mark.django_db


def login(client, username, password):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR="203.0.113.7"
    )


def test_wrong_passwords_lock_the_account_out_even_for_the_right_one(client, editor, settings):
    editor.set_password(PASSWORD)
    editor.save()

    answers = [login(client, "editor", f"guess-{number}").status_code for number in range(settings.AXES_FAILURE_LIMIT)]
    after = login(client, "editor", PASSWORD)

    assert answers[0] == 200  # the form again, with its error
    assert after.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_good_login_after_a_few_mistakes_works_and_resets_the_count(client, editor, settings):
    editor.set_password(PASSWORD)
    editor.save()
    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "editor", f"guess-{number}")

    response = login(client, "editor", PASSWORD)

    assert response.status_code == 302 and client.session["_auth_user_id"] == str(editor.pk)


def test_the_lockout_is_per_user_name_and_address_not_everyone(client, editor, chief, settings):
    chief.set_password(PASSWORD)
    chief.save()
    for number in range(settings.AXES_FAILURE_LIMIT):
        login(client, "editor", f"guess-{number}")

    assert login(client, "chief", PASSWORD).status_code == 302


def settings_value(expression: str, **env) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE", "REDIS_URL")}
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "factcheck.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_debug_is_off_unless_asked_for():
    assert settings_value("settings.DEBUG") == "False"
    assert settings_value("settings.DEBUG", DEBUG="1") == "True"


def test_the_cache_is_shared_through_redis_when_redis_url_is_set():
    assert settings_value("settings.CACHES['default']['BACKEND']").endswith("LocMemCache")
    backend = settings_value(
        "settings.CACHES['default']['BACKEND'], settings.CACHES['default']['LOCATION']",
        REDIS_URL="redis://cache.example.org:6379/3",
    )
    assert backend == "django.core.cache.backends.redis.RedisCache redis://cache.example.org:6379/3"


@pytest.fixture
def chief_with_tokens(chief):
    # Live tests flush the groups; make sure the chief group holds what migration 0003 gives it.
    from django.contrib.auth.models import Permission

    group = Group.objects.get(name=roles.CHIEF_EDITORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="authtoken", codename__in=roles.CHIEF_TOKEN_PERMISSIONS)
    )
    return chief


def test_a_chief_editor_issues_an_api_token_in_the_admin(client, chief_with_tokens, editor):
    client.force_login(chief_with_tokens)

    listing = client.get("/admin/authtoken/tokenproxy/")
    created = client.post("/admin/authtoken/tokenproxy/add/", {"user": editor.pk})

    assert listing.status_code == 200
    assert created.status_code == 302
    assert Token.objects.filter(user=editor).exists()


def test_a_chief_editor_never_sees_nor_issues_an_administrators_token(client, chief_with_tokens, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", password=PASSWORD)
    token = Token.objects.create(user=admin)
    client.force_login(chief_with_tokens)

    listing = client.get("/admin/authtoken/tokenproxy/").content.decode()
    issued = client.post("/admin/authtoken/tokenproxy/add/", {"user": admin.pk})

    assert token.key not in listing
    assert issued.status_code == 200 and Token.objects.filter(user=admin).count() == 1


def test_an_editor_cannot_issue_tokens(client, editor):
    client.force_login(editor)

    assert client.get("/admin/authtoken/tokenproxy/").status_code == 403


def test_the_production_server_loads_its_settings_and_the_app():
    clean = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "gunicorn"), "--check-config", "-c", "factcheck/gunicorn.conf.py",
         "factcheck.wsgi:application"],
        cwd=ROOT,
        env={**clean, "DEBUG": "0", "SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "factcheck.example.org"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
