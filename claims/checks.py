"""System checks that reject a bad configuration at start-up."""

from django.conf import settings
from django.core.checks import Error, Tags, register

from factcheck.settings import INSECURE_SECRET_KEY


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    if not settings.DEBUG and (not settings.SECRET_KEY or settings.SECRET_KEY == INSECURE_SECRET_KEY):
        return [Error("SECRET_KEY must be set to a long random value when DEBUG is off.", id="claims.E001")]
    return []


@register()
def check_broker_url(app_configs, **kwargs):
    url = settings.CELERY_BROKER_URL or ""
    if not settings.CELERY_TASK_ALWAYS_EAGER and not url.startswith(("redis://", "rediss://", "unix://")):
        return [Error(f"REDIS_URL must be a redis:// URL, got {url!r}.", id="claims.E002")]
    return []
