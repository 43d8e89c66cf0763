"""Settings for the fact-checking workbench.

Everything that differs between a laptop and production comes from environment variables (see
.env.example). Defaults are for local work (SQLite, Redis on 127.0.0.1:6379) except DEBUG, which is
off unless DEBUG=1 is set (`workbench.py up` and the test settings set it).
"""

import os
from pathlib import Path

import dj_database_url

from factcheck.env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

INSECURE_SECRET_KEY = "django-insecure-local-development-key-do-not-use-in-production"
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", INSECURE_SECRET_KEY if DEBUG else "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "import_export",
    "simple_history",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "factcheck.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "factcheck.wsgi.application"

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        # A server database's connection is kept for a minute (health-checked before reuse): opening
        # one costs a PostgreSQL backend process, more than a cached lookup or a small task itself.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DATABASE_URL.startswith("sqlite") else 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web, worker and beat write to the same file: take the write lock when a transaction starts
    # (a read lock upgraded later fails at once with "database is locked") and wait for it.
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")
    # A file, not memory, so that a real Celery worker started by the tests sees the test database;
    # one per test run, so that two runs side by side do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-db-{os.getpid()}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Arabic first, right-to-left; editors can switch to English (admin header, /i18n/setlang/).
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", "العربية"), ("en", "English")]
# One catalogue for the app and the project templates: `makemessages -l ar` from the root fills it.
LOCALE_PATHS = [BASE_DIR / "claims" / "locale"]
# Our Arabic date formats ("2 ديسمبر 2026، 14:05") over Django's ("ديسمبر 2, 2026").
FORMAT_MODULE_PATH = ["factcheck.formats"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"

# Production hardening: on whenever DEBUG is off, so `manage.py check --deploy` passes.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# --- Celery (all CELERY_* settings live here) -------------------------------------------------
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = REDIS_URL
# The longest task: an article at FACTCHECK_MAX_ARTICLE_CHARS, or a rematch sweep, takes well under
# CELERY_TASK_TIME_LIMIT; a task over it is killed (and retried by the sweep).
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 540)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 600)
# Retries of transient (database, broker) errors: exponential backoff with jitter, spread over
# minutes: base * 2**n seconds (×0.5-1.5), capped; with the defaults ~25 minutes in all.
FACTCHECK_RETRY_BASE_SECONDS = env_float("FACTCHECK_RETRY_BASE_SECONDS", 5.0)
FACTCHECK_RETRY_MAX_SECONDS = env_float("FACTCHECK_RETRY_MAX_SECONDS", 300.0)
FACTCHECK_RETRY_MAX_RETRIES = env_int("FACTCHECK_RETRY_MAX_RETRIES", 10)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # A task taken by a worker that dies is handed out again after this many seconds. It must exceed
    # the longest wait of a reserved message: the longest retry countdown plus the hard time limit.
    "visibility_timeout": env_int(
        "CELERY_VISIBILITY_TIMEOUT", int(FACTCHECK_RETRY_MAX_SECONDS) + CELERY_TASK_TIME_LIMIT + 60
    ),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A publish while the broker is down fails fast (the outbox keeps the work; the sweep sends it later).
CELERY_BROKER_CONNECTION_TIMEOUT = env_float("CELERY_BROKER_CONNECTION_TIMEOUT", 2.0)
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A pool process that grew past this (KiB) is replaced after its current task.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", 400_000)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "requeue-stuck-articles": {
        "task": "claims.tasks.articles.requeue_stuck_articles",
        "schedule": env_float("FACTCHECK_SWEEP_SECONDS", 60.0),
    },
    # The newsroom's check-worthiness model, retrained when enough new editor labels arrived.
    "retrain-checkworthiness": {
        "task": "claims.tasks.checkworthiness.retrain_checkworthiness",
        "schedule": env_float("FACTCHECK_CHECKWORTHINESS_RETRAIN_SECONDS", 3600.0),
    },
    # Claims flagged `needs_matching` by a reference change, matched again in batches.
    "rematch-dirty-claims": {
        "task": "claims.tasks.matching.rematch_dirty_claims",
        "schedule": env_float("FACTCHECK_REMATCH_SECONDS", 300.0),
    },
    # The dashboard's counts, so the page never scans the claims (claims.selectors.dashboard.dashboard_counts).
    "refresh-dashboard": {
        "task": "claims.tasks.dashboard.refresh_dashboard",
        "schedule": env_float("FACTCHECK_DASHBOARD_SECONDS", 60.0),
    },
}

# --- REST API ------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "claims.api.authentication.CachedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_THROTTLE_ANON", "30/minute"),
        "user": env_str("API_THROTTLE_USER", "600/minute"),
        "check": env_str("API_THROTTLE_CHECK", "60/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Arabic claim fact-checking workbench API",
    "DESCRIPTION": "Look verdicts up, submit text for checking, ingest articles, manage references.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "ArticleStatusEnum": "claims.models.ArticleStatus",
        "MachineVerdictEnum": "claims.models.MachineVerdict",
        "RatingEnum": "claims.models.Rating",
    },
}

# --- The workbench ---------------------------------------------------------------------------------
# Articles still `queued` after this many seconds are queued again by the periodic sweep; articles
# stuck in `extracting`/`matching` (a worker died) after FACTCHECK_STUCK_SECONDS likewise.
# Articles waiting in the outbox (never sent: the broker was down) are sent by the next sweep.
FACTCHECK_QUEUED_SECONDS = env_int("FACTCHECK_QUEUED_SECONDS", 120)
FACTCHECK_STUCK_SECONDS = env_int("FACTCHECK_STUCK_SECONDS", CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"])
FACTCHECK_MAX_ATTEMPTS = env_int("FACTCHECK_MAX_ATTEMPTS", 5)
# Claims below this check-worthiness are kept but not put in the review queue.
FACTCHECK_MIN_CHECKWORTHINESS = env_float("FACTCHECK_MIN_CHECKWORTHINESS", 0.5)
# The longest article text accepted by every door (admin, API, `ingest`, `extract`), in characters.
FACTCHECK_MAX_ARTICLE_CHARS = env_int("FACTCHECK_MAX_ARTICLE_CHARS", 2_000_000)
# The check-worthiness model is retrained once this many new editor labels arrived, on at most the
# newest MAX_LABELS of them (bounds its time and memory).
FACTCHECK_CHECKWORTHINESS_MIN_NEW_LABELS = env_int("FACTCHECK_CHECKWORTHINESS_MIN_NEW_LABELS", 50)
FACTCHECK_CHECKWORTHINESS_MAX_LABELS = env_int("FACTCHECK_CHECKWORTHINESS_MAX_LABELS", 20000)
# Figures on the Arabic review desk in Arabic-Indic digits (٥٥٨) instead of 558; article text is never changed.
FACTCHECK_ARABIC_INDIC_DIGITS = env_bool("FACTCHECK_ARABIC_INDIC_DIGITS", False)
FACTCHECK_MAX_UPLOAD_BYTES = env_int("FACTCHECK_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
FACTCHECK_URL_TIMEOUT = env_float("FACTCHECK_URL_TIMEOUT", 20.0)
# Thresholds of the matcher (claims.matching.MatchSettings); empty means the engine's defaults.
FACTCHECK_MATCHING = {}
# Claim memory: remember verdicts as references once published (default) or as soon as decided.
FACTCHECK_MEMORY_FROM_DECIDED = env_bool("FACTCHECK_MEMORY_FROM_DECIDED", False)
# Webhook deliveries: retries with exponential backoff, then marked failed on their row.
FACTCHECK_WEBHOOK_TIMEOUT = env_float("FACTCHECK_WEBHOOK_TIMEOUT", 10.0)
FACTCHECK_WEBHOOK_MAX_RETRIES = env_int("FACTCHECK_WEBHOOK_MAX_RETRIES", 5)
# Seconds before the first retry; each next retry waits twice as long (capped at an hour).
FACTCHECK_WEBHOOK_BACKOFF_SECONDS = env_float("FACTCHECK_WEBHOOK_BACKOFF_SECONDS", 30.0)
# The fact-checking organisation named as author in the ClaimReview export.
FACTCHECK_ORGANIZATION_NAME = env_str("FACTCHECK_ORGANIZATION_NAME", "Fact-checking desk")
FACTCHECK_ORGANIZATION_URL = env_str("FACTCHECK_ORGANIZATION_URL", SITE_URL)

# --- Security: outbound HTTP, cache and throttling, login lockout (docs/security.md) ------------------
# Hosts, addresses and CIDR networks inside the newsroom's network that URL ingest, reference
# documents and webhooks may reach (claims.lib.http refuses every non-public address otherwise).
FACTCHECK_HTTP_ALLOWLIST = env_list("FACTCHECK_HTTP_ALLOWLIST")

# One cache for every process (API throttling counts, login lockout): Redis when REDIS_URL or
# CACHE_URL is set, else a per-process memory cache (tests, scripts).
CACHE_URL = env_str("CACHE_URL", os.environ.get("REDIS_URL", ""))
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "factcheck"),
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name from
# one address, that pair is locked out for AXES_COOLOFF_TIME hours (HTTP 429); a good login resets.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_float("AXES_COOLOFF_HOURS", 0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# API request bodies through the input guards (JSON depth, NaN, NUL, lone surrogates: a 400, not a 500).
REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"] = [
    "claims.api.parsers.GuardedJSONParser",
    "rest_framework.parsers.FormParser",
    "rest_framework.parsers.MultiPartParser",
]
LOGGING.setdefault("loggers", {})["axes"] = {"level": "WARNING"}

# Scale (docs/performance.md). Up to this many claims the dashboard counts live; above, it shows the
# snapshot the beat task refreshes every FACTCHECK_DASHBOARD_SECONDS.
FACTCHECK_DASHBOARD_LIVE_LIMIT = env_int("FACTCHECK_DASHBOARD_LIVE_LIMIT", 20000)
# Lookup answers are cached this long (seconds) in the default cache; 0 turns the cache off.
FACTCHECK_LOOKUP_CACHE_SECONDS = env_int("FACTCHECK_LOOKUP_CACHE_SECONDS", 60)
# API tokens and their users' permissions are cached this long (seconds; claims.api.authentication):
# a revoked token or a changed role takes effect that much later. 0 reads them for every request.
FACTCHECK_API_AUTH_CACHE_SECONDS = env_int("FACTCHECK_API_AUTH_CACHE_SECONDS", 0)
# Admin exports of more claims than this go to a worker; the file is offered when it is ready.
FACTCHECK_EXPORT_INLINE_LIMIT = env_int("FACTCHECK_EXPORT_INLINE_LIMIT", 2000)
# Claims per database round trip when an export streams (prefetches run per chunk).
FACTCHECK_EXPORT_CHUNK = env_int("FACTCHECK_EXPORT_CHUNK", 1000)

