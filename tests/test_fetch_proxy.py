"""Fetching through the environment's proxy and trust store (issue 13, item 6), with the guard
intact: the target host of every hop is resolved and judged here before the request goes to the
proxy; only the proxy itself (the user's gateway) may be a private address.

Offline: every socket opened goes to 127.0.0.1 (an autouse fixture refuses any other address),
the proxy is a tiny forward proxy for http:// URLs that answers by itself, and the TLS server
uses a throw-away certificate made by `openssl`.
"""

from __future__ import annotations

import json
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import urllib3.util.connection
from conftest import CliResult, QuietHandler, Serve, tls_server_context

from proccheck.errors import ProbeError
from proccheck.loaders.fetch import FetchLimits, fetch, proxy_for, tls_context

Cli = Callable[..., CliResult]
SPEC = json.dumps(
    {"openapi": "3.0.3", "info": {"title": "T", "version": "1.0.0"}, "paths": {}}
).encode()
PUBLIC = "http://93.184.215.14/spec.json"
"""A public address literal (no DNS): only ever reached through the local proxy."""
_PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "REQUESTS_CA_BUNDLE",
    "SSL_CERT_FILE",
    "CURL_CA_BUNDLE",
)


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test here may open a connection anywhere but 127.0.0.1, whatever goes wrong."""
    real = urllib3.util.connection.create_connection

    def guarded(address: tuple[str, int], *args: Any, **kwargs: Any) -> Any:
        if address[0] != "127.0.0.1":
            raise AssertionError(f"test tried to connect to {address[0]}")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(urllib3.util.connection, "create_connection", guarded)
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


class Proxy(QuietHandler):
    """A forward proxy for http:// URLs that answers every request itself and records it."""

    seen: list[str] = []  # noqa: RUF012
    authorization: list[str] = []  # noqa: RUF012

    def do_GET(self) -> None:
        Proxy.seen.append(self.path)
        Proxy.authorization.append(self.headers.get("Proxy-Authorization", ""))
        if self.path.endswith("/to-metadata"):
            self.reply(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
        elif self.path.endswith("/to-private-name"):
            self.reply(302, headers={"Location": "http://localhost/spec.json"})
        elif self.path.endswith("/drip"):
            self.drip(100000, b" ", 0.05)
        elif self.path.endswith("/big"):
            self.reply(200, b" " * 5000)
        else:
            self.reply(200, SPEC, {"Content-Type": "application/json"})


class Origin(QuietHandler):
    """A server reached directly (NO_PROXY)."""

    def do_GET(self) -> None:
        self.reply(200, SPEC, {"Content-Type": "application/json"})


@pytest.fixture
def proxy(serve: Serve, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The local proxy, named in HTTP_PROXY and HTTPS_PROXY."""
    Proxy.seen, Proxy.authorization = [], []
    monkeypatch.setenv("PROCCHECK_CACHE_DIR", str(tmp_path / "cache"))
    url = serve(Proxy)
    monkeypatch.setenv("HTTP_PROXY", url)
    monkeypatch.setenv("HTTPS_PROXY", url)
    return url


def test_a_public_target_is_fetched_through_the_private_proxy(proxy: str) -> None:
    got = fetch(PUBLIC)  # strict guard: the proxy's loopback address needs no allowance
    assert got.content == SPEC
    assert Proxy.seen == [PUBLIC]


def test_proxy_credentials_go_to_the_proxy_only(
    proxy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.replace("http://", "http://kommun:hemligt@"))
    fetch(PUBLIC)
    assert Proxy.authorization == ["Basic a29tbXVuOmhlbWxpZ3Q="]


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://10.1.2.3/spec.json",
        "http://localhost/spec.json",  # a name resolving to loopback
    ],
)
def test_a_non_public_target_is_refused_before_the_proxy_is_asked(proxy: str, target: str) -> None:
    with pytest.raises(ProbeError, match="non-public address"):
        fetch(target)
    assert Proxy.seen == []


def test_metadata_stays_refused_through_a_proxy_with_allow_private(proxy: str) -> None:
    with pytest.raises(ProbeError, match=r"non-public address 169\.254\.169\.254"):
        fetch("http://169.254.169.254/latest/meta-data/", allow_private=True)
    assert Proxy.seen == []


@pytest.mark.parametrize("path", ["/to-metadata", "/to-private-name"])
def test_every_redirect_is_checked_before_it_goes_to_the_proxy(proxy: str, path: str) -> None:
    with pytest.raises(ProbeError, match="non-public address"):
        fetch(f"http://93.184.215.14{path}")
    assert Proxy.seen == [f"http://93.184.215.14{path}"]


def test_deadline_and_size_cap_hold_through_a_proxy(proxy: str) -> None:
    started = time.monotonic()
    with pytest.raises(ProbeError, match="deadline"):
        fetch("http://93.184.215.14/drip", bounds=FetchLimits(read_timeout=10, deadline=1))
    assert time.monotonic() - started < 4
    with pytest.raises(ProbeError, match="larger than the limit"):
        fetch("http://93.184.215.14/big", bounds=FetchLimits(max_bytes=1000))


def test_no_proxy_goes_direct_with_the_socket_guard(
    proxy: str, serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    origin = serve(Origin)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert fetch(f"{origin}/spec.json", allow_private=True).content == SPEC
    with pytest.raises(ProbeError, match="non-public address"):
        fetch(f"{origin}/spec.json")
    assert Proxy.seen == []


def test_an_allowed_private_target_may_also_go_through_the_proxy(proxy: str) -> None:
    """Port 9 has no server: the answer can only have come from the proxy."""
    assert fetch("http://127.0.0.1:9/spec.json", allow_private=True).content == SPEC
    assert Proxy.seen == ["http://127.0.0.1:9/spec.json"]


def test_the_cli_probes_through_the_proxy(cli: Cli, proxy: str) -> None:
    result = cli("probe", PUBLIC, "--no-cache", "-f", "json")
    assert result.code in (0, 1), result.err
    assert json.loads(result.out)["reports"][0]["subject"]["path"] == PUBLIC
    assert Proxy.seen == [PUBLIC]


def test_an_unsupported_proxy_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "socks5://user:secret@127.0.0.1:1080")
    with pytest.raises(ProbeError, match="not supported") as raised:
        fetch(PUBLIC)
    assert "secret" not in raised.value.message


def test_proxy_for_honours_no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "gateway.kommun.example:3128")
    monkeypatch.setenv("NO_PROXY", "intern.kommun.example")
    assert proxy_for("https://api.vendor.example/openapi.json") == (
        "http://gateway.kommun.example:3128"
    )
    assert proxy_for("https://intern.kommun.example/openapi.json") is None
    assert proxy_for("http://api.vendor.example/openapi.json") is None  # no HTTP_PROXY


# --- trust store ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An https server on 127.0.0.1 with a self-signed certificate for that address."""
    context, cert = tls_server_context(tmp_path_factory)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Origin)
    httpd.daemon_threads = True
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}", cert
    httpd.shutdown()
    httpd.server_close()


def test_the_system_trust_store_is_used_by_default() -> None:
    import truststore

    context = tls_context()
    assert isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_an_unknown_certificate_is_refused(tls_server: tuple[str, Path]) -> None:
    url, _cert = tls_server
    with pytest.raises(ProbeError, match="TLS certificate verification failed"):
        fetch(f"{url}/spec.json", allow_private=True)


@pytest.mark.parametrize("variable", ["REQUESTS_CA_BUNDLE", "SSL_CERT_FILE"])
def test_a_ca_bundle_from_the_environment_is_trusted(
    tls_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    url, cert = tls_server
    monkeypatch.setenv(variable, str(cert))
    assert fetch(f"{url}/spec.json", allow_private=True).content == SPEC


def test_a_missing_ca_bundle_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "missing.pem"))
    with pytest.raises(ProbeError, match="cannot read the CA certificates in REQUESTS_CA_BUNDLE"):
        tls_context()


class Tunnel(QuietHandler):
    """A CONNECT proxy that opens tunnels to 127.0.0.1 only and records what it was asked."""

    seen: list[str] = []  # noqa: RUF012

    def do_CONNECT(self) -> None:
        Tunnel.seen.append(self.path)
        host, _colon, port = self.path.rpartition(":")
        if host != "127.0.0.1":
            self.reply(403)
            return
        upstream = socket.create_connection((host, int(port)), timeout=5)
        self.send_response(200)
        self.end_headers()
        client = self.connection
        try:
            while True:
                ready, _w, _x = select.select([client, upstream], [], [], 5)
                if not ready:
                    return
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (upstream if sock is client else client).sendall(data)
        finally:
            upstream.close()
            self.close_connection = True


def test_https_goes_through_a_connect_tunnel_with_the_trust_settings(
    tls_server: tuple[str, Path], serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, cert = tls_server
    Tunnel.seen = []
    monkeypatch.setenv("HTTPS_PROXY", serve(Tunnel))
    with pytest.raises(ProbeError, match="TLS certificate verification failed"):
        fetch(f"{url}/spec.json", allow_private=True)  # the tunnel does not weaken TLS
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    assert fetch(f"{url}/spec.json", allow_private=True).content == SPEC
    port = url.rsplit(":", 1)[1]
    assert Tunnel.seen == [f"127.0.0.1:{port}", f"127.0.0.1:{port}"]
    with pytest.raises(ProbeError, match="non-public address"):
        fetch("https://169.254.169.254/latest/meta-data/", allow_private=True)
    assert len(Tunnel.seen) == 2
