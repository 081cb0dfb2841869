"""Fetch an API description from a URL a vendor gave us, without letting the URL hurt us.

A vendor's URL is untrusted: it may point at the cloud metadata service (169.254.169.254), at the
buyer's intranet, at a server that drips one byte a second, or at a gzip bomb. So: http/https
only; every address the host resolves to must be public, checked before the request AND again on
the socket actually connected (a DNS answer can change between the two); redirects are followed by
hand, at most `max_redirects`, each target checked the same way; connect and read timeouts plus an
overall deadline; and a cap on the decoded body size. Proxies and ~/.netrc from the environment are
ignored so that no credential is sent to a vendor's host.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from proccheck import limits
from proccheck.errors import ProbeError
from proccheck.i18n import tr

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_USER_AGENT = "proccheck-probe/0.1 (+https://github.com/; API description check)"


@dataclass(frozen=True)
class FetchLimits:
    """Bounds for one fetch; the defaults come from `proccheck.limits` (environment-overridable)."""

    connect_timeout: float = float(limits._limit("FETCH_CONNECT_TIMEOUT", 5))
    read_timeout: float = float(limits._limit("FETCH_READ_TIMEOUT", 15))
    deadline: float = float(limits._limit("FETCH_DEADLINE", 30))
    max_bytes: int = limits.MAX_INPUT_BYTES
    max_redirects: int = 3


@dataclass(frozen=True)
class Fetched:
    """A fetched body with the URL it finally came from and its declared media type."""

    url: str
    final_url: str
    content: bytes
    content_type: str
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False  # 304 to a conditional request: the cached body is current


class _BlockedAddress(Exception):
    """Raised from inside urllib3 when the connected socket's peer is not a public address."""

    def __init__(self, address: str) -> None:
        super().__init__(address)
        self.address = address


def address_is_public(address: str) -> bool:
    """Whether an IP address (v4 or v6, any embedding of v4 in v6) is a public unicast address."""
    try:
        ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(
            address.split("%", 1)[0]
        )
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip.teredo is not None:
            embedded = ip.teredo[1]
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            ip = embedded
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def check_url(url: str, *, allow_private: bool = False) -> str:
    """Refuse a URL that is not http(s) or whose host resolves to a non-public address.

    Returns the host. Every address from getaddrinfo is checked, so odd spellings such as
    `2130706433`, `0x7f.1` or `[::ffff:127.0.0.1]` are judged by what they resolve to.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise ProbeError(tr("malformed URL: {problem}", problem=exc), path=url) from None
    if parts.scheme not in ("http", "https"):
        raise ProbeError(
            tr("URL scheme {scheme} is not allowed", scheme=repr(parts.scheme or "(none)")),
            path=url,
            hint=tr("give an http:// or https:// URL, or a local file path"),
        )
    if not host:
        raise ProbeError(tr("URL has no host"), path=url)
    if parts.username or parts.password:
        raise ProbeError(
            tr("URL contains credentials"), path=url, hint=tr("remove user:password@ from the URL")
        )
    if allow_private:
        return host
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise ProbeError(
            tr("cannot resolve host {host}: {problem}", host=repr(host), problem=exc), path=url
        ) from None
    for info in infos:
        address = str(info[4][0])
        if not address_is_public(address):
            raise ProbeError(
                tr(
                    "host {host} resolves to non-public address {address}",
                    host=repr(host),
                    address=address,
                ),
                path=url,
                hint=_private_hint(),
            )
    return host


def _guard_socket(sock: socket.socket) -> socket.socket:
    peer = sock.getpeername()[0]
    if not address_is_public(str(peer)):
        sock.close()
        raise _BlockedAddress(str(peer))
    return sock


class _GuardedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _guard_socket(super()._new_conn())


class _GuardedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _guard_socket(super()._new_conn())


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class _GuardedAdapter(HTTPAdapter):
    """An adapter whose connections refuse non-public peers at connect time."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _GuardedHTTPPool,
            "https": _GuardedHTTPSPool,
        }


def _session(allow_private: bool) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxies, no ~/.netrc credentials sent to a vendor's host
    adapter: HTTPAdapter = HTTPAdapter(max_retries=0) if allow_private else _GuardedAdapter(0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update(
        {
            "User-Agent": _USER_AGENT,
            "Accept": "application/json, application/yaml;q=0.9, text/yaml;q=0.9, */*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        }
    )
    return session


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    bounds: FetchLimits | None = None,
    conditional: dict[str, str] | None = None,
) -> Fetched:
    """GET `url` within the bounds, following at most `max_redirects` checked redirects.

    `conditional` holds If-None-Match / If-Modified-Since headers for revalidating a cached copy;
    a 304 answer to them gives a Fetched with `not_modified` set and an empty body.
    """
    bounds = bounds or FetchLimits()
    started = time.monotonic()
    current = url
    with _session(allow_private) as session:
        for hop in range(bounds.max_redirects + 1):
            check_url(current, allow_private=allow_private)
            remaining = bounds.deadline - (time.monotonic() - started)
            if remaining <= 0:
                raise _deadline(url, bounds)
            response = _get(session, current, url, bounds, remaining, conditional)
            with response:
                if response.status_code == 304 and conditional:
                    return Fetched(url, current, b"", "", not_modified=True)
                if response.status_code in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise ProbeError(
                            tr(
                                "HTTP {status} redirect without a Location",
                                status=response.status_code,
                            ),
                            path=url,
                        )
                    if hop == bounds.max_redirects:
                        raise ProbeError(
                            tr("more than {count} redirects", count=bounds.max_redirects),
                            path=url,
                            hint=tr("give the final URL of the description"),
                        )
                    current = urljoin(current, location)
                    continue
                if response.status_code >= 400:
                    raise ProbeError(
                        tr("server answered HTTP {status}", status=response.status_code),
                        path=url,
                        hint=tr("check the URL; the description must be readable without login"),
                    )
                body = _read_body(response, url, bounds, started)
                headers = response.headers
                return Fetched(
                    url,
                    current,
                    body,
                    headers.get("Content-Type", ""),
                    etag=headers.get("ETag", ""),
                    last_modified=headers.get("Last-Modified", ""),
                )
    raise ProbeError(tr("redirect loop"), path=url)  # pragma: no cover - the loop always returns


def _get(
    session: requests.Session,
    current: str,
    url: str,
    bounds: FetchLimits,
    remaining: float,
    conditional: dict[str, str] | None = None,
) -> requests.Response:
    timeout = (min(bounds.connect_timeout, remaining), min(bounds.read_timeout, remaining))
    try:
        return session.get(
            current,
            timeout=timeout,
            stream=True,
            allow_redirects=False,
            headers=conditional or None,
        )
    except _BlockedAddress as exc:
        raise ProbeError(
            tr("connected address {address} is not public", address=exc.address),
            path=url,
            hint=_private_hint(),
        ) from None
    except requests.exceptions.SSLError as exc:
        raise ProbeError(
            tr("TLS certificate verification failed"),
            path=url,
            hint=tr(
                "the server's certificate is not trusted ({problem})", problem=type(exc).__name__
            ),
        ) from None
    except requests.exceptions.Timeout:
        raise ProbeError(
            tr("the server did not answer in time"),
            path=url,
            hint=tr(
                "connect timeout {connect:g} s, read timeout {read:g} s",
                connect=bounds.connect_timeout,
                read=bounds.read_timeout,
            ),
        ) from None
    except requests.exceptions.RequestException as exc:
        raise ProbeError(
            tr("cannot fetch: {problem}", problem=type(exc).__name__), path=url
        ) from None


def _private_hint() -> str:
    return tr(
        "private, loopback, link-local and metadata addresses are refused; "
        "use --allow-private if you really mean to probe an internal server"
    )


def _deadline(url: str, bounds: FetchLimits) -> ProbeError:
    return ProbeError(
        tr("fetching took longer than the deadline of {seconds:g} s", seconds=bounds.deadline),
        path=url,
        hint=tr(
            "download the description and give the file instead, or raise PROCCHECK_FETCH_DEADLINE"
        ),
    )


def _read_body(response: requests.Response, url: str, bounds: FetchLimits, started: float) -> bytes:
    """Read the decoded body chunk by chunk, stopping at the size cap or the deadline.

    `read1` returns after one socket read, so a server that drips bytes cannot hold us past the
    deadline by more than one read timeout; the cap counts decoded bytes, so a gzip bomb stops
    at the cap however small it was on the wire.
    """
    too_big = ProbeError(
        tr("response is larger than the limit of {limit:,} bytes", limit=bounds.max_bytes),
        path=url,
        hint=tr("raise PROCCHECK_MAX_INPUT_BYTES if the description is genuinely this large"),
    )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > bounds.max_bytes:
        raise too_big
    chunks: list[bytes] = []
    total = 0
    raw = response.raw
    try:
        while True:
            if time.monotonic() - started > bounds.deadline:
                raise _deadline(url, bounds)
            chunk = raw.read1(65536, decode_content=True)
            if not chunk:
                break
            total += len(chunk)
            if total > bounds.max_bytes:
                raise too_big
            chunks.append(chunk)
    except ProbeError:
        raise
    except Exception as exc:  # urllib3 raises many kinds: protocol, decode, timeout
        if "timed out" in str(exc).lower() or isinstance(exc, (TimeoutError, socket.timeout)):
            raise ProbeError(
                tr("the server stopped sending before the body was complete"),
                path=url,
                hint=tr("read timeout {seconds:g} s", seconds=bounds.read_timeout),
            ) from None
        raise ProbeError(
            tr("cannot read the response: {problem}", problem=type(exc).__name__), path=url
        ) from None
    return b"".join(chunks)
