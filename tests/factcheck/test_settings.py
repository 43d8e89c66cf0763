"""Settings come from the environment, and production settings pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from factcheck.env import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        # The checks are of a production environment: nothing a test session may have set for itself.
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="factcheck.example.org",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", "--deploy", DEBUG="0", SECRET_KEY="", ALLOWED_HOSTS="factcheck.example.org")

    assert result.returncode != 0
    assert "SECRET_KEY setting must not be empty" in result.stderr


def test_production_refuses_the_development_secret_key():
    from factcheck.settings import INSECURE_SECRET_KEY

    result = manage("check", "--deploy", DEBUG="0", SECRET_KEY=INSECURE_SECRET_KEY, ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "claims.E001" in result.stderr


def test_a_broker_url_that_is_not_redis_is_rejected():
    result = manage("check", REDIS_URL="amqp://guest@localhost//")

    assert result.returncode != 0
    assert "claims.E002" in result.stderr


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("true", True), ("ON", True), ("0", False), ("no", False)])
def test_booleans_are_read_from_common_words(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env_bool("SOME_FLAG") is expected


def test_a_misspelt_boolean_or_integer_is_an_error_not_a_silent_default(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "yes please")
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG")
    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER"):
        env_int("SOME_NUMBER", 3)


def test_lists_are_comma_separated_and_trimmed(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example.org, b.example.org ,,")
    assert env_list("HOSTS") == ["a.example.org", "b.example.org"]


def test_every_periodic_task_names_a_registered_task(settings):
    from factcheck.celery import app

    app.loader.import_default_modules()
    missing = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values() if entry["task"] not in app.tasks]
    assert missing == []
