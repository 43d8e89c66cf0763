"""One outbound HTTP client: nothing else in the project opens connections, and pinning the checked
address keeps TLS verification by host name."""

import datetime
import re
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claims.lib import http

CLAIMS = Path(__file__).resolve().parents[2] / "claims"
OUTBOUND = re.compile(r"\burllib\.request\b|\burlopen\(|\bimport requests\b|\bfetch_url\(|\bhttpx\.|\bhttp\.client\b")


def test_no_module_but_the_http_client_opens_outbound_connections():
    offenders = [
        str(path.relative_to(CLAIMS))
        for path in CLAIMS.rglob("*.py")
        if path.name != "http.py" and OUTBOUND.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.fixture
def tls_site(tmp_path, monkeypatch, settings):
    """An HTTPS server on 127.0.0.1 with a certificate for news.example, which resolves to it."""
    crypto = pytest.importorskip("cryptography")  # noqa: F841  (only to make the certificate)
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "news.example")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("news.example")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = "<p>خبر عبر اتصال مشفر</p>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert_file, key_file)
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in ("news.example", "other.example"):
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    client_context = ssl.create_default_context(cafile=str(cert_file))
    monkeypatch.setattr(http, "_ssl_context", lambda: client_context)
    settings.FACTCHECK_HTTP_ALLOWLIST = ["127.0.0.1"]
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_https_connects_to_the_checked_address_and_verifies_the_host_name(tls_site):
    response = http.fetch(f"https://news.example:{tls_site}/story", timeout=5)

    assert response.status == 200 and "اتصال مشفر" in response.content.decode()


def test_a_certificate_for_another_name_is_refused(tls_site):
    with pytest.raises(http.FetchError) as caught:
        http.fetch(f"https://other.example:{tls_site}/story", timeout=5)

    assert str(caught.value) == str(http.FETCH_FAILED)


def test_the_allow_list_admits_ipv6_loopback_when_named(settings):
    class Server(ThreadingHTTPServer):
        address_family = socket.AF_INET6
        daemon_threads = True

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    try:
        server = Server(("::1", 0), Handler)
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    url = f"http://[::1]:{server.server_address[1]}/"
    try:
        settings.FACTCHECK_HTTP_ALLOWLIST = []
        with pytest.raises(http.FetchError):
            http.fetch(url, timeout=2)
        settings.FACTCHECK_HTTP_ALLOWLIST = ["::1"]
        assert http.fetch(url, timeout=2).content == b"ok"
    finally:
        server.shutdown()
        server.server_close()
