import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import translation


@pytest.fixture
def english():
    """The readers' messages in English, the wording these modules compare (the Arabic ones: test_messages.py)."""
    with translation.override("en"):
        yield


class Site:
    """A real HTTP server on 127.0.0.1 (random port) that answers each path as the test tells it to."""

    def __init__(self, server):
        self.server = server
        self.routes = {}

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def serve(self, path, body: bytes | str, *, content_type="text/html; charset=utf-8", status=200, delay=0.0):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = (status, {"Content-Type": content_type}, body, delay)

    def redirect(self, path, target):
        self.routes[path] = (302, {"Location": self.url(target)}, b"", 0.0)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that give up early (timeouts, size limits) are what those tests are about


@pytest.fixture
def site(monkeypatch, settings):
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    # The test server is on loopback, which claims.lib.http refuses unless the allow-list names it.
    settings.FACTCHECK_HTTP_ALLOWLIST = ["127.0.0.1"]

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, headers, body, delay = site.routes.get(self.path, (404, {}, b"not found", 0.0))
            time.sleep(delay)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = QuietServer(("127.0.0.1", 0), Handler)
    site = Site(server)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()
