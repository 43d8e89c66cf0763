"""Settings for the test suite: the project's settings with DEBUG on (the local defaults: the
development secret key, localhost hosts, no HTTPS redirect) and a per-process memory cache.

Production defaults to DEBUG off; tests start web servers and workers as local development does.
Subprocesses the tests start inherit DEBUG=1 and this module through the environment."""

import os

os.environ.setdefault("DEBUG", "1")

from factcheck.settings import *  # noqa: E402, F403

# Throttle counts must not leak between tests or into a Redis shared with the broker.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
