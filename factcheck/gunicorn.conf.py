"""gunicorn in production: `gunicorn -c factcheck/gunicorn.conf.py factcheck.wsgi:application`.

Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER)."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers: 2 per core + 1 is gunicorn's own advice; WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# /check/ and URL ingest may take seconds (a fetch waits up to 3 × FACTCHECK_URL_TIMEOUT).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "90"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so no slow leak grows without bound.
max_requests = 1000
max_requests_jitter = 100
# Header limits: a request line or header set larger than this is refused before Django sees it.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Only the local reverse proxy may set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
