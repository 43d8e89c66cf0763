"""The one outbound HTTP client: every request the workbench makes to another server goes through here.

URL ingest, feeds, reference documents and webhooks all fetch addresses that users typed, so each
request is treated as an attempt to reach the inside of the newsroom's network (SSRF):

- only `http://` and `https://`, at the first address and after every redirect;
- the host is resolved here and every address it resolves to must be public: loopback, private,
  link-local (cloud metadata at 169.254.169.254), multicast, reserved, unspecified and shared
  addresses are refused, in IPv4 and IPv6, IPv4-mapped IPv6 included. Decimal, octal and hex
  spellings (`2130706433`, `0177.0.0.1`, `0x7f.1`) resolve to the address they mean and are refused
  like it;
- the connection is opened to the address that was checked, never to a second resolution (no DNS
  rebinding), and TLS still verifies the certificate against the host name;
- redirects are followed by hand (at most `max_redirects`), each hop checked like the first;
- time (per operation and for the whole exchange) and size (decoded bytes) are capped;
- proxies from the environment are ignored (a proxy would connect on our behalf, unchecked);
- every refusal and every network failure raises `FetchError` with the same text, so the error
  cannot tell a closed port from a filtered one or a refused address (no port-scan oracle). HTTP
  answers from an allowed server come back as a `FetchResponse` with their status.

`FACTCHECK_HTTP_ALLOWLIST` (settings, from the environment) names the host names, addresses and
networks (CIDR) a newsroom does want to reach inside its own network, e.g.
`intranet.example,10.20.0.0/16`.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import time
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urlsplit

import httpcore
import httpx
from django.conf import settings
from django.utils.translation import gettext_lazy as _

SCHEMES = frozenset({"http", "https"})
USER_AGENT = "factcheck-workbench/1.0"
MAX_REDIRECTS = 5
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})

# The one text every refusal and network failure gives (an attacker learns nothing from it).
FETCH_FAILED = _("the address could not be fetched: it did not answer, cannot be reached, or is not allowed")

# Ranges that `ipaddress` does not flag in every Python version but are not the public internet.
EXTRA_BLOCKED = tuple(
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",  # "this network"
        "100.64.0.0/10",  # carrier-grade NAT (shared address space)
        "192.0.0.0/24",  # IETF protocol assignments
        "198.18.0.0/15",  # benchmarking
        "64:ff9b::/96",  # NAT64: carries an IPv4 address
        "64:ff9b:1::/48",  # local-use NAT64
        "2002::/16",  # 6to4: carries an IPv4 address
        "2001::/32",  # Teredo
        "fc00::/7",  # unique local
        "fec0::/10",  # site-local (deprecated)
    )
)


class FetchError(Exception):
    """A request that was refused or failed on the network. `str()` is the one generic text;
    `kind` ("refused", "network", "timeout", "too_large") is for the caller's logic and logs only."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(str(FETCH_FAILED))
        self.kind = kind
        self.detail = detail


class ResponseTooLarge(FetchError):
    def __init__(self, limit: int):
        super().__init__("too_large", f"more than {limit} bytes")
        self.limit = limit


@dataclass(frozen=True)
class FetchResponse:
    url: str  # the final address, after redirects
    status: int
    reason: str
    headers: httpx.Headers
    content: bytes = b""
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return self._parsed_content_type().get_content_type()

    @property
    def charset(self) -> str | None:
        return self._parsed_content_type().get_content_charset()

    def _parsed_content_type(self) -> Message:
        message = Message()
        message["Content-Type"] = self.headers.get("content-type", "application/octet-stream")
        return message


# --- the checks -------------------------------------------------------------------------------------------


def _allowlist() -> tuple[frozenset[str], tuple]:
    names, networks = set(), []
    for entry in getattr(settings, "FACTCHECK_HTTP_ALLOWLIST", ()) or ():
        entry = entry.strip().lower().strip("[]")
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            names.add(entry.rstrip("."))
    return frozenset(names), tuple(networks)


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True when the address is on the public internet (and so may be fetched without an allow-list)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public_address(address.ipv4_mapped)
    # 6to4, Teredo and NAT64 addresses carry an IPv4 address of someone's choosing: refused (EXTRA_BLOCKED).
    return not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
        or any(address.version == net.version and address in net for net in EXTRA_BLOCKED)
    )


def _address_allowed(address, networks) -> bool:
    if any(address.version == net.version and address in net for net in networks):
        return True
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        if any(net.version == 4 and address.ipv4_mapped in net for net in networks):
            return True
    return is_public_address(address)


def resolve_checked(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, all of them allowed; raises FetchError("refused") otherwise.

    Every address must pass: a name resolving to one public and one internal address is refused,
    since the connection could be steered to either."""
    names, networks = _allowlist()
    host = host.strip("[]")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError, OSError) as exc:
        raise FetchError("network", f"cannot resolve {host!r}: {exc}") from None
    addresses = []
    for info in infos:
        raw = info[4][0].split("%", 1)[0]
        try:
            address = ipaddress.ip_address(raw)
        except ValueError:
            raise FetchError("refused", f"unparseable address {raw!r}") from None
        if host.lower().rstrip(".") not in names and not _address_allowed(address, networks):
            raise FetchError("refused", f"{host!r} resolves to {address}, not a public address")
        if raw not in addresses:
            addresses.append(raw)
    if not addresses:
        raise FetchError("network", f"{host!r} has no address")
    return addresses


def check_url(url: str) -> None:
    """Raise FetchError("refused") unless `url` is http(s) and its host resolves to allowed addresses.

    Used where an address is saved (webhook targets) to refuse it early; the request checks again."""
    host, port = _host_and_port(url)
    resolve_checked(host, port)


TARGET_REFUSED = _(
    "This address is not allowed: only public http:// and https:// addresses (or those on "
    "FACTCHECK_HTTP_ALLOWLIST) can be used."
)


def target_error(url: str) -> str | None:
    """Why `url` cannot be saved as a target we will send to, or None. A name that does not resolve
    now is accepted (it may later; every send checks again); a scheme other than http(s) or a name
    that resolves to an internal address is refused."""
    try:
        check_url(url)
    except FetchError as exc:
        if exc.kind == "refused":
            return str(TARGET_REFUSED)
    return None


def _host_and_port(url: str) -> tuple[str, int]:
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host, port = parts.hostname, parts.port
    except ValueError:
        raise FetchError("refused", "malformed URL") from None
    if scheme not in SCHEMES:
        raise FetchError("refused", f"scheme {scheme!r} is not http or https")
    if not host:
        raise FetchError("refused", "no host")
    return host, port or (443 if scheme == "https" else 80)


class _CheckedBackend(httpcore.SyncBackend):
    """Opens TCP connections only to addresses `resolve_checked` allows: the address connected to is
    the one checked, so a DNS answer that changes between check and connect (rebinding) is useless."""

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        last_error = None
        for address in resolve_checked(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:  # try the next address of the name
                last_error = exc
        raise last_error


@functools.cache
def _ssl_context():
    """Built once (loading the CA bundle takes a fifth of a second); SSL contexts are thread-safe."""
    return httpx.create_ssl_context(trust_env=False)


def _client(timeout: float) -> httpx.Client:
    transport = httpx.HTTPTransport(verify=_ssl_context(), trust_env=False)
    # httpx builds its connection pool without a way to pass a network backend: swap in one that
    # has it (the same pool options as httpx's defaults).
    transport._pool = httpcore.ConnectionPool(
        ssl_context=_ssl_context(),
        max_connections=4,
        max_keepalive_connections=0,
        network_backend=_CheckedBackend(),
    )
    return httpx.Client(transport=transport, timeout=httpx.Timeout(timeout), trust_env=False, follow_redirects=False)


# --- the request ------------------------------------------------------------------------------------------


def fetch(
    url: str,
    *,
    method: str = "GET",
    content: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float | None = None,
    max_bytes: int | None = None,
    max_redirects: int = MAX_REDIRECTS,
    read_body: bool = True,
) -> FetchResponse:
    """Send one request (following up to `max_redirects` redirects for GET) and read at most `max_bytes`.

    Raises FetchError (one generic text) when the address is refused or the network fails, and
    ResponseTooLarge when the body is over `max_bytes`. Any HTTP status is returned, not raised.
    With `read_body=False` only the status and headers are kept (webhooks store no response body)."""
    timeout = settings.FACTCHECK_URL_TIMEOUT if timeout is None else timeout
    max_bytes = settings.FACTCHECK_MAX_UPLOAD_BYTES if max_bytes is None else max_bytes
    deadline = time.monotonic() + timeout * 3  # connect + first byte + body, whatever the server trickles
    request_headers = {"User-Agent": USER_AGENT, **(headers or {})}
    redirects: list[str] = []
    try:
        with _client(timeout) as client:
            while True:
                _host_and_port(url)  # the scheme, before anything is sent
                request = client.build_request(method, url, content=content, headers=request_headers)
                response = client.send(request, stream=True)
                try:
                    location = response.headers.get("location")
                    if response.status_code in REDIRECT_CODES and location and method == "GET":
                        if len(redirects) >= max_redirects:
                            raise FetchError("refused", "too many redirects")
                        redirects.append(url)
                        url = str(response.url.join(location))
                        continue
                    body = _read_capped(response, max_bytes, deadline) if read_body else b""
                    return FetchResponse(
                        url=str(response.url),
                        status=response.status_code,
                        reason=response.reason_phrase,
                        headers=response.headers,
                        content=body,
                        redirects=redirects,
                    )
                finally:
                    response.close()
    except FetchError:
        raise
    except httpx.TimeoutException as exc:
        raise FetchError("timeout", type(exc).__name__) from None
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, ValueError, UnicodeError) as exc:
        raise FetchError("network", f"{type(exc).__name__}: {exc}") from None


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise ResponseTooLarge(max_bytes)
    chunks, size = [], 0
    for chunk in response.iter_bytes():  # decoded (gzip etc.): the cap is on what we hold in memory
        size += len(chunk)
        if size > max_bytes:
            raise ResponseTooLarge(max_bytes)
        if time.monotonic() > deadline:
            raise FetchError("timeout", "the body took too long")
        chunks.append(chunk)
    return b"".join(chunks)
