"""One wall-clock deadline for a whole fetch (issue 12): a server that trickles its status
line, headers or chunk-size lines a byte at a time, or sends endless `100 Continue`, is cut at
the deadline, whether or not it keeps sending.

Raw sockets on 127.0.0.1 (so `allow_private=True`), because these replies are not HTTP a
request handler would write.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import tls_server_context

from proccheck.errors import ProbeError
from proccheck.loaders.fetch import FetchLimits, fetch

DEADLINE = 1.0
STEP = 0.05
"""Seconds between two bytes: well under the read timeout, so only the deadline can stop it."""

OK = b"HTTP/1.1 200 OK\r\n"
CLI_FLAGS = ("--allow-private", "--no-cache")


def _endless(head: bytes, unit: bytes) -> Iterator[bytes]:
    yield head
    while True:
        yield unit


def _replies(path: str) -> Iterator[bytes]:
    if path == "/status-line":  # "HTTP/1.1 200 OOOO…" a byte at a time
        return _bytes(b"HTTP/1.1 200 O" + b"O" * 60_000)
    if path == "/headers":
        return _chain(OK, _bytes(b"X-Slow: " + b"a" * 60_000))
    if path == "/chunk-size":
        head = OK + b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        return _chain(head, _bytes(b"0" * 60_000))
    if path == "/continue":
        return _endless(b"", b"HTTP/1.1 100 Continue\r\n\r\n")
    return iter([b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"])


def _bytes(data: bytes) -> Iterator[bytes]:
    return (data[i : i + 1] for i in range(len(data)))


def _chain(head: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield head
    yield from rest


def _serve_one(conn: socket.socket, stop: threading.Event) -> None:
    with conn:
        request = b""
        while b"\r\n\r\n" not in request:
            data = conn.recv(4096)
            if not data:
                return
            request += data
        path = request.split(b" ", 2)[1].decode("ascii")
        try:
            for piece in _replies(path):
                if stop.is_set():
                    return
                conn.sendall(piece)
                time.sleep(STEP)
        except OSError:
            return


@pytest.fixture(scope="module")
def trickler() -> Iterator[str]:
    stop = threading.Event()
    listener = _listen(lambda conn: _serve_one(conn, stop), stop)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


def _listen(handle: Callable[[socket.socket], None], stop: threading.Event) -> socket.socket:
    """A listener on 127.0.0.1 that hands each connection to `handle` in its own thread."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return listener


@pytest.mark.parametrize("path", ["/status-line", "/headers", "/chunk-size", "/continue"])
def test_trickle_is_cut_at_the_deadline(trickler: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(ProbeError, match="deadline") as raised:
        fetch(
            f"{trickler}{path}",
            allow_private=True,
            bounds=FetchLimits(read_timeout=10, deadline=DEADLINE),
        )
    elapsed = time.monotonic() - started
    assert DEADLINE - 0.1 <= elapsed <= DEADLINE + 1, elapsed
    assert raised.value.path == f"{trickler}{path}" and raised.value.hint


def test_the_deadline_leaves_no_timer_behind(trickler: str) -> None:
    with pytest.raises(ProbeError, match="HTTP 404"):
        fetch(f"{trickler}/missing", allow_private=True, bounds=FetchLimits(deadline=DEADLINE))
    timers = [t for t in threading.enumerate() if isinstance(t, threading.Timer)]
    for timer in timers:
        timer.join(timeout=1)
    assert not any(timer.is_alive() for timer in timers)


@pytest.mark.skipif(sys.platform == "win32", reason="subprocess timing")
def test_cli_probe_exits_2_at_the_deadline(trickler: str) -> None:
    env = {**os.environ, "PROCCHECK_FETCH_DEADLINE": "1", "NO_COLOR": "1"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "proccheck", "probe", f"{trickler}/headers", *CLI_FLAGS],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=30,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 2, done.stderr
    assert "deadline" in done.stderr and "Traceback" not in done.stderr
    assert elapsed < 1 + 1 + 2  # deadline, its second of slack, and the interpreter's start


@pytest.fixture(scope="module")
def tls_trickler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An https server on 127.0.0.1 (a throw-away self-signed certificate made by `openssl`)
    that trickles its headers: TLS wraps and detaches the socket the fetch opened, so the
    watchdog must still reach it."""
    import ssl

    context, _cert = tls_server_context(tmp_path_factory)
    stop = threading.Event()

    def one(conn: socket.socket) -> None:
        try:
            _serve_one(context.wrap_socket(conn, server_side=True), stop)
        except (OSError, ssl.SSLError):
            return

    listener = _listen(one, stop)
    yield f"https://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


def test_tls_trickle_is_cut_at_the_deadline(
    tls_trickler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import proccheck.loaders.fetch as fetch_module

    real_session = fetch_module._session

    def unverified(allow: bool, dog: Any) -> Any:
        session = real_session(allow, dog)
        session.verify = False  # the test's own certificate
        return session

    monkeypatch.setattr(fetch_module, "_session", unverified)
    started = time.monotonic()
    with pytest.warns(Warning), pytest.raises(ProbeError, match="deadline"):
        fetch(
            f"{tls_trickler}/headers",
            allow_private=True,
            bounds=FetchLimits(read_timeout=10, deadline=DEADLINE),
        )
    assert DEADLINE - 0.1 <= time.monotonic() - started <= DEADLINE + 1
