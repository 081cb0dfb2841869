"""Fetch an API description from a URL a vendor gave us, without letting the URL hurt us.

A vendor's URL is untrusted: it may point at the cloud metadata service (169.254.169.254), at the
buyer's intranet, at a server that drips one byte a second, or at a gzip bomb. So: http/https
only; every address the host resolves to must be public, checked before the request AND again on
the socket actually connected (a DNS answer can change between the two); redirects are followed by
hand, at most `max_redirects`, each target checked the same way; connect and read timeouts plus one
wall-clock deadline for the whole fetch (connect, TLS, status line, headers, body, every redirect),
enforced by a watchdog timer that shuts the sockets down when it passes, so a server that trickles
its headers a byte at a time or sends endless `100 Continue` cannot hold us; and a cap on the
decoded body size. The safety of the body reads needs urllib3 2.6 (`require_urllib3`).

A municipality reaches the internet through its gateway, so the proxy the environment names
(HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY; on Windows and macOS also the system's settings) is
used, and TLS is verified against the operating system's trust store (`truststore`), where a
TLS-inspecting gateway's CA is installed, or against REQUESTS_CA_BUNDLE / SSL_CERT_FILE when set.
The guard does not move to the proxy: each hop's target host is still resolved here and refused
unless public (or allowed) before the request is sent through the proxy; only the socket to the
proxy itself may reach a private address, because the user configured it. ~/.netrc is ignored so
that no credential is sent to a vendor's host.
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import os
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from proccheck import limits
from proccheck.addresses import address_is_public, unwrap
from proccheck.errors import ProbeError, UsageError
from proccheck.i18n import tr

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_USER_AGENT = "proccheck-probe/0.1 (+https://github.com/; API description check)"
URLLIB3_FLOOR = (2, 6)
"""Oldest urllib3 the guard is safe with: 2.6 bounds decompression per read (a gzip bomb stops at
the size cap) and has `read1`; 2.0-2.5 let a double-gzip bomb expand fully, 1.26 cannot fetch."""


@dataclass(frozen=True)
class FetchLimits:
    """Bounds for one fetch; the defaults come from `proccheck.limits` (environment-overridable)."""

    connect_timeout: float = float(limits._limit("FETCH_CONNECT_TIMEOUT", 5))
    read_timeout: float = float(limits._limit("FETCH_READ_TIMEOUT", 8))
    deadline: float = float(limits._limit("FETCH_DEADLINE", 8))
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
    cached: bool = False  # read from the fetch cache (after a 304, or offline)


class TooLarge(ProbeError):
    """The body was larger than the fetch's byte cap."""


class _BlockedAddress(Exception):
    """Raised from inside urllib3 when the connected socket's peer is not a public address."""

    def __init__(self, address: str) -> None:
        super().__init__(address)
        self.address = address


Network = ipaddress.IPv4Network | ipaddress.IPv6Network

_PRIVATE_RANGES: tuple[Network, ...] = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")
)
_METADATA: tuple[Network, ...] = tuple(
    ipaddress.ip_network(n) for n in ("fd00:ec2::/32", "169.254.0.0/16", "100.100.100.200/32")
)
"""Cloud metadata services inside the ranges `--allow-private` opens (AWS's IPv6 endpoint is in
the ULA range), or next to them; they stay refused unless named with `--allow-address`."""


@dataclass(frozen=True)
class AddressPolicy:
    """Which non-public addresses a fetch may reach. Public addresses are always allowed; with
    `private`, loopback and private ranges (RFC 1918, IPv6 ULA) except metadata services; any
    address in `networks` (named explicitly). It applies only to the host of the URL the user
    typed: a redirect to another host, and every URL a vendor wrote, get the strict policy."""

    private: bool = False
    networks: tuple[Network, ...] = ()

    @property
    def strict(self) -> bool:
        return not self.private and not self.networks

    def allows(self, address: str) -> bool:
        ip = unwrap(address)
        if ip is None:
            return False
        if any(ip.version == n.version and ip in n for n in self.networks):
            return True
        if address_is_public(address):
            return True
        if not self.private or any(ip.version == n.version and ip in n for n in _METADATA):
            return False
        return ip.is_loopback or any(ip.version == n.version and ip in n for n in _PRIVATE_RANGES)


STRICT = AddressPolicy()


def parse_networks(values: tuple[str, ...] | list[str]) -> tuple[Network, ...]:
    """`--allow-address` values (an address or a CIDR network) as networks; a bad one is a
    usage error."""
    networks: list[Network] = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise UsageError(
                tr("{value} is not an IP address or network", value=repr(value)),
                hint=tr("give an address or a CIDR network, e.g. 169.254.169.254 or 10.1.0.0/16"),
            ) from None
    return tuple(networks)


def _policy(allow_private: bool | AddressPolicy) -> AddressPolicy:
    if isinstance(allow_private, AddressPolicy):
        return allow_private
    return AddressPolicy(private=True) if allow_private else STRICT


def check_url(url: str, *, allow_private: bool | AddressPolicy = False) -> str:
    """Refuse a URL that is not http(s) or whose host resolves to an address the policy
    (`allow_private`: a bool for loopback and private ranges, or an AddressPolicy) refuses.

    Returns the host. Every address from getaddrinfo is checked, so odd spellings such as
    `2130706433`, `0x7f.1` or `[::ffff:127.0.0.1]` are judged by what they resolve to.
    """
    policy = _policy(allow_private)
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
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise ProbeError(
            tr("cannot resolve host {host}: {problem}", host=repr(host), problem=exc), path=url
        ) from None
    for info in infos:
        address = str(info[4][0])
        if not policy.allows(address):
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


def proxy_for(url: str) -> str | None:
    """The proxy the environment names for `url` (HTTPS_PROXY / HTTP_PROXY / ALL_PROXY, in
    either case, and on Windows and macOS the system's settings), or None when there is none or
    NO_PROXY exempts the host. Only http:// and https:// proxies are supported."""
    proxies = requests.utils.get_environ_proxies(url, no_proxy=None)
    proxy: str | None = requests.utils.select_proxy(url, proxies)
    if not proxy:
        return None
    if "://" not in proxy:  # `proxy.example:8080`, as curl and requests take it
        proxy = f"http://{proxy}"
    try:
        parts = urlsplit(proxy)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        shown = f"{parts.scheme}://{parts.hostname}" if parts.hostname else "?"
        raise ProbeError(
            tr("the proxy {proxy} is not supported", proxy=shown),
            path=url,
            hint=tr(
                "set HTTPS_PROXY / HTTP_PROXY to an http:// or https:// proxy, or exempt the host "
                "with NO_PROXY"
            ),
        )
    return proxy


_CA_VARIABLES = ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE")


def tls_context() -> ssl.SSLContext:
    """What https fetches trust: the CA file (or folder) that REQUESTS_CA_BUNDLE or SSL_CERT_FILE
    names, as requests and OpenSSL honour them, else the operating system's trust store, where
    an organisation installs the CA of its TLS-inspecting gateway (certifi's bundle when the
    truststore package is missing). Made once (a trust-store context costs about 30 ms) and
    shared: urllib3 sets its verify mode on every connection, always to CERT_REQUIRED here (see
    `_WatchedAdapter.cert_verify`), so no fetch can weaken it for another."""
    for variable in _CA_VARIABLES:
        value = os.environ.get(variable, "")
        if value:
            return _bundle_context(variable, value)
    return _system_context()


@functools.cache
def _system_context() -> ssl.SSLContext:
    try:
        import truststore
    except ImportError:  # pragma: no cover - a dependency; kept working without it
        import certifi

        return ssl.create_default_context(cafile=certifi.where())
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


@functools.lru_cache(maxsize=8)
def _bundle_context(variable: str, path: str) -> ssl.SSLContext:
    try:
        if os.path.isdir(path):
            return ssl.create_default_context(capath=path)
        return ssl.create_default_context(cafile=path)
    except (OSError, ssl.SSLError) as exc:
        raise ProbeError(
            tr("cannot read the CA certificates in {variable}", variable=variable),
            path=path,
            hint=tr(
                "point it at a PEM file or folder of CA certificates, or unset it to use the "
                "system's trust store ({problem})",
                problem=type(exc).__name__,
            ),
        ) from None


def _guard_socket(sock: socket.socket, policy: AddressPolicy) -> socket.socket:
    peer = sock.getpeername()[0]
    if not policy.allows(str(peer)):
        sock.close()
        raise _BlockedAddress(str(peer))
    return sock


class _Watchdog:
    """The one wall-clock deadline of a fetch: a timer that, when the deadline passes, shuts down
    every connection the fetch opened, so a blocked read returns whatever the server is (not)
    sending. It shuts them through duplicates of their descriptors, taken when each connects: a
    shutdown acts on the connection, not on one descriptor, so this reaches a socket that TLS has
    since wrapped (and detached), and a duplicate is never reused for another file while it is
    held. Used as a context manager; leaving it cancels the timer and closes the duplicates."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = False
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        with self._lock:
            self._done = True
            for duplicate in self._sockets:
                duplicate.close()
            self._sockets.clear()
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self._done:
                return
            duplicate = sock.dup()
            self._sockets.append(duplicate)
            if self.fired:
                _shut(duplicate)

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            for duplicate in self._sockets:
                _shut(duplicate)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already shut down by the other side
        sock.shutdown(socket.SHUT_RDWR)


class _WatchedAdapter(HTTPAdapter):
    """An adapter whose connections register their socket with the fetch's watchdog, verify TLS
    with `tls` and refuse, at connect time, a peer that `policy` (set for each hop of the fetch)
    refuses. Through a proxy the peer is the proxy the user configured, so those connections are
    watched but not refused: the target was checked by `check_url` before the request."""

    def __init__(self, watchdog: _Watchdog, policy: AddressPolicy, tls: ssl.SSLContext) -> None:
        self._watchdog = watchdog
        self._tls = tls
        self.policy = policy
        super().__init__(max_retries=0)  # builds the pool manager: the fields are set first

    def _pools(self, guarded: bool) -> dict[str, type[HTTPConnectionPool]]:
        watchdog, adapter = self._watchdog, self

        def opened(sock: socket.socket) -> socket.socket:
            watchdog.watch(sock)
            return _guard_socket(sock, adapter.policy) if guarded else sock

        class Plain(HTTPConnection):
            def _new_conn(self) -> socket.socket:
                return opened(super()._new_conn())

        class Secure(HTTPSConnection):
            def _new_conn(self) -> socket.socket:
                return opened(super()._new_conn())

        class PlainPool(HTTPConnectionPool):
            ConnectionCls = Plain

        class SecurePool(HTTPSConnectionPool):
            ConnectionCls = Secure

        return {"http": PlainPool, "https": SecurePool}

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, ssl_context=self._tls, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self._pools(guarded=True)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        known = proxy in self.proxy_manager
        manager = super().proxy_manager_for(
            proxy, ssl_context=self._tls, proxy_ssl_context=self._tls, **proxy_kwargs
        )
        if not known:
            manager.pool_classes_by_scheme = self._pools(guarded=False)
        return manager

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        """Verify with the adapter's context alone (requests would add certifi's bundle);
        `verify=False` is for tests with a throw-away certificate only: that pool gets a context
        of its own, so the shared one is never turned off."""
        conn.cert_reqs = "CERT_REQUIRED"
        if verify is False:
            unverified = ssl.create_default_context()
            unverified.check_hostname = False
            conn.conn_kw["ssl_context"] = unverified
            conn.cert_reqs = "CERT_NONE"
        conn.ca_certs = None
        conn.ca_cert_dir = None


def _session(allow_private: bool | AddressPolicy, watchdog: _Watchdog) -> requests.Session:
    """A session whose adapter guards every connection with the policy (changed per hop)."""
    session = requests.Session()
    session.trust_env = False  # no ~/.netrc credentials to a vendor's host; proxies set per hop
    adapter = _WatchedAdapter(watchdog, _policy(allow_private), tls_context())
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
    allow_private: bool | AddressPolicy = False,
    bounds: FetchLimits | None = None,
    conditional: dict[str, str] | None = None,
) -> Fetched:
    """GET `url` within the bounds, following at most `max_redirects` checked redirects.

    `conditional` holds If-None-Match / If-Modified-Since headers for revalidating a cached copy;
    a 304 answer to them gives a Fetched with `not_modified` set and an empty body.
    `allow_private` (see AddressPolicy) holds only on the host of `url`: a redirect elsewhere is
    fetched with the strict policy.
    """
    require_urllib3(url)
    bounds = bounds or FetchLimits()
    started = time.monotonic()
    current = url
    watchdog = _Watchdog(bounds.deadline)
    policy = _policy(allow_private)
    with _session(policy, watchdog) as session, watchdog:
        for hop in range(bounds.max_redirects + 1):
            hop_policy = policy if _same_host(current, url) else STRICT
            for adapter in session.adapters.values():
                if isinstance(adapter, _WatchedAdapter):
                    adapter.policy = hop_policy
            check_url(current, allow_private=hop_policy)  # also when a proxy will resolve it
            remaining = bounds.deadline - (time.monotonic() - started)
            if remaining <= 0:
                raise _deadline(url, bounds)
            response = _get(session, current, url, bounds, remaining, watchdog, conditional)
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
                body = _read_body(response, url, bounds, started, watchdog)
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


def _same_host(url: str, first: str) -> bool:
    try:
        return (urlsplit(url).hostname or "") == (urlsplit(first).hostname or "")
    except ValueError:
        return False


def require_urllib3(url: str = "") -> None:
    """Refuse to fetch with a urllib3 older than `URLLIB3_FLOOR` (an old one may be installed
    beside proccheck despite the requirement, for example by another package's pin)."""
    installed = str(urllib3.__version__)  # type: ignore[attr-defined]  # (it is there)
    numbers = [int(part) if part.isdigit() else 0 for part in installed.split(".")[:2]]
    if tuple(numbers) < URLLIB3_FLOOR:
        needed = ".".join(map(str, URLLIB3_FLOOR))
        raise ProbeError(
            tr(
                "urllib3 {installed} is too old to fetch safely; {needed} or newer is needed",
                installed=installed,
                needed=needed,
            ),
            path=url,
            hint=tr("upgrade it: pip install --upgrade 'urllib3>={needed}'", needed=needed),
        )


def _get(
    session: requests.Session,
    current: str,
    url: str,
    bounds: FetchLimits,
    remaining: float,
    watchdog: _Watchdog,
    conditional: dict[str, str] | None = None,
) -> requests.Response:
    timeout = (min(bounds.connect_timeout, remaining), min(bounds.read_timeout, remaining))
    try:
        response = _send(session, current, url, bounds, timeout, conditional)
    except Exception:
        if watchdog.fired:  # the watchdog cut the connection: say so, not what it broke
            raise _deadline(url, bounds) from None
        raise
    if watchdog.fired:  # a reply cut short at the deadline may still parse
        response.close()
        raise _deadline(url, bounds)
    return response


def _send(
    session: requests.Session,
    current: str,
    url: str,
    bounds: FetchLimits,
    timeout: tuple[float, float],
    conditional: dict[str, str] | None,
) -> requests.Response:
    proxy = proxy_for(current)
    scheme = urlsplit(current).scheme
    try:
        return session.get(
            current,
            timeout=timeout,
            stream=True,
            allow_redirects=False,
            headers=conditional or None,
            proxies={scheme: proxy} if proxy else {},
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
                "the server's certificate is not trusted ({problem}); behind a TLS-inspecting "
                "gateway, its CA must be in the system's trust store or in REQUESTS_CA_BUNDLE",
                problem=type(exc).__name__,
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
        "private, loopback, link-local and metadata addresses are refused; for a URL you give "
        "(never one a vendor wrote), --allow-private opens loopback and private networks and "
        "--allow-address CIDR any other"
    )


def _deadline(url: str, bounds: FetchLimits) -> ProbeError:
    return ProbeError(
        tr("fetching took longer than the deadline of {seconds:g} s", seconds=bounds.deadline),
        path=url,
        hint=tr(
            "download the description and give the file instead, or raise PROCCHECK_FETCH_DEADLINE"
        ),
    )


def _read_body(
    response: requests.Response,
    url: str,
    bounds: FetchLimits,
    started: float,
    watchdog: _Watchdog,
) -> bytes:
    """Read the decoded body chunk by chunk, stopping at the size cap or the deadline.

    `read1` returns after one socket read; at the deadline the watchdog shuts the socket, so a
    read that waits ends then (as an error or an early end, both reported as the deadline); the
    cap counts decoded bytes, so a gzip bomb stops at the cap however small it was on the wire.
    """
    too_big = TooLarge(
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
            if watchdog.fired:
                raise _deadline(url, bounds)
            if not chunk:
                break
            total += len(chunk)
            if total > bounds.max_bytes:
                raise too_big
            chunks.append(chunk)
    except ProbeError:
        raise
    except Exception as exc:  # urllib3 raises many kinds: protocol, decode, timeout
        if watchdog.fired:
            raise _deadline(url, bounds) from None
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
