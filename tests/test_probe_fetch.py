"""The fetch guard: only public http(s), bounded size and time, checked redirects.

Everything runs against a local server on 127.0.0.1, so the tests that must succeed pass
`allow_private=True` and the tests that must be refused rely on the loopback address being refused.
"""

from __future__ import annotations

import gzip
import socket
import time

import pytest
from conftest import QuietHandler, Serve

from proccheck.errors import ProbeError
from proccheck.loaders.fetch import FetchLimits, address_is_public, check_url, fetch

SPEC = b'{"openapi": "3.0.3", "info": {"title": "T", "version": "1.0.0"}, "paths": {}}'


class Handler(QuietHandler):
    def do_GET(self) -> None:
        port = self.server.server_address[1]
        if self.path == "/spec.json":
            self.reply(200, SPEC, {"Content-Type": "application/json"})
        elif self.path == "/gzip":
            self.reply(200, gzip.compress(SPEC), {"Content-Encoding": "gzip"})
        elif self.path == "/bomb":
            self.reply(200, gzip.compress(b" " * 5_000_000), {"Content-Encoding": "gzip"})
        elif self.path == "/redirect":
            self.reply(302, headers={"Location": "/spec.json"})
        elif self.path == "/loop":
            self.reply(302, headers={"Location": "/loop"})
        elif self.path == "/to-metadata":
            self.reply(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
        elif self.path == "/to-file":
            self.reply(302, headers={"Location": "file:///etc/passwd"})
        elif self.path == "/to-self":
            self.reply(302, headers={"Location": f"http://127.0.0.1:{port}/spec.json"})
        elif self.path == "/missing":
            self.reply(404, b"no")
        elif self.path == "/endless":
            self.send_response(200)
            self.end_headers()  # no length: the body runs until the connection closes
            try:
                while True:
                    self.wfile.write(b"x" * 65536)
            except OSError:
                return
        elif self.path == "/drip":
            self.drip(1000000, b"x", 0.1)
        elif self.path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Length", str(10**12))
            self.end_headers()
        else:
            self.reply(404)


@pytest.fixture(scope="module")
def server(serve: Serve) -> str:
    return serve(Handler)


def test_fetch_local_when_allowed(server: str) -> None:
    got = fetch(f"{server}/spec.json", allow_private=True)
    assert got.content == SPEC
    assert got.content_type == "application/json"


def test_gzip_is_decoded(server: str) -> None:
    assert fetch(f"{server}/gzip", allow_private=True).content == SPEC


def test_redirect_followed(server: str) -> None:
    got = fetch(f"{server}/redirect", allow_private=True)
    assert got.content == SPEC and got.final_url.endswith("/spec.json")


def test_redirect_loop_is_bounded(server: str) -> None:
    with pytest.raises(ProbeError, match="more than 3 redirects"):
        fetch(f"{server}/loop", allow_private=True)


def test_http_error_status(server: str) -> None:
    with pytest.raises(ProbeError, match="HTTP 404"):
        fetch(f"{server}/missing", allow_private=True)


def test_loopback_refused_by_default(server: str) -> None:
    with pytest.raises(ProbeError, match=r"non-public address 127\.0\.0\.1"):
        fetch(f"{server}/spec.json")


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://10.0.0.1/",
        "http://0.0.0.0/",
        "http://localhost/",
    ],
)
def test_non_public_hosts_refused(url: str) -> None:
    with pytest.raises(ProbeError, match="non-public address"):
        check_url(url)


def test_redirect_target_rechecked(server: str) -> None:
    """The first hop is allowed (--allow-private, loopback); its redirect to 169.254.169.254 is
    not: another host gets the strict guard, and metadata addresses are never opened by it."""
    with pytest.raises(ProbeError, match=r"non-public address 169\.254\.169\.254"):
        fetch(f"{server}/to-metadata", allow_private=True)


def test_connect_time_guard(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even when the pre-check is fooled (DNS rebinding), the connected peer is checked."""
    import proccheck.loaders.fetch as fetch_module

    monkeypatch.setattr(fetch_module, "check_url", lambda url, allow_private=False: "x")
    with pytest.raises(ProbeError, match=r"connected address 127\.0\.0\.1 is not public"):
        fetch(f"{server}/spec.json")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x", "/etc/passwd", "http://"]
)
def test_other_schemes_refused(url: str) -> None:
    with pytest.raises(ProbeError):
        fetch(url, allow_private=True)


def test_redirect_to_file_refused(server: str) -> None:
    with pytest.raises(ProbeError, match="scheme 'file'"):
        fetch(f"{server}/to-file", allow_private=True)


def test_credentials_in_url_refused() -> None:
    with pytest.raises(ProbeError, match="credentials"):
        check_url("https://user:secret@example.com/x", allow_private=True)


def test_endless_body_cut_by_size_cap(server: str) -> None:
    with pytest.raises(ProbeError, match="larger than the limit"):
        fetch(f"{server}/endless", allow_private=True, bounds=FetchLimits(max_bytes=1_000_000))


def test_gzip_bomb_cut_by_decoded_cap(server: str) -> None:
    with pytest.raises(ProbeError, match="larger than the limit"):
        fetch(f"{server}/bomb", allow_private=True, bounds=FetchLimits(max_bytes=1_000_000))


def test_declared_length_over_cap(server: str) -> None:
    with pytest.raises(ProbeError, match="larger than the limit"):
        fetch(f"{server}/big-declared", allow_private=True, bounds=FetchLimits(max_bytes=1000))


def test_drip_cut_by_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(ProbeError, match="deadline"):
        fetch(f"{server}/drip", allow_private=True, bounds=FetchLimits(deadline=1.0))
    assert time.monotonic() - started < 3


def test_silent_server_times_out() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection but never answers
    port = listener.getsockname()[1]
    started = time.monotonic()
    try:
        with pytest.raises(ProbeError, match="did not answer in time"):
            fetch(
                f"http://127.0.0.1:{port}/",
                allow_private=True,
                bounds=FetchLimits(read_timeout=0.5, deadline=5),
            )
    finally:
        listener.close()
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),
        ("169.254.169.254", False),
        ("fe80::1", False),
        ("::ffff:10.0.0.1", False),
        ("64:ff9b::7f00:1", False),
        ("2002:7f00:1::", False),
        ("100.64.0.1", False),
        ("224.0.0.1", False),
        ("not-an-ip", False),
    ],
)
def test_address_is_public(address: str, public: bool) -> None:
    assert address_is_public(address) is public


@pytest.mark.parametrize("version", ["1.26.20", "2.0.7", "2.5.0"])
def test_old_urllib3_is_refused(monkeypatch: pytest.MonkeyPatch, version: str) -> None:
    """requests admits urllib3 1.26 (no `read1`) and 2.0-2.5 (unbounded decompression): refused
    before any connection, with the version needed."""
    import urllib3

    monkeypatch.setattr(urllib3, "__version__", version)
    with pytest.raises(ProbeError, match=r"too old.*2\.6") as raised:
        fetch("http://127.0.0.1:9/spec.json", allow_private=True)
    assert raised.value.hint and "urllib3>=2.6" in raised.value.hint


def test_installed_urllib3_meets_the_floor(server: str) -> None:
    import urllib3

    from proccheck.loaders.fetch import URLLIB3_FLOOR

    major, minor = (int(part) for part in urllib3.__version__.split(".")[:2])
    assert (major, minor) >= URLLIB3_FLOOR
    assert fetch(f"{server}/spec.json", allow_private=True).content == SPEC
