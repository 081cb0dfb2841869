"""Start the page: uvicorn on 127.0.0.1 only, a fresh token in the address it opens."""

from __future__ import annotations

import socket
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

HOST = "127.0.0.1"


def free_port() -> int:
    """A port nobody listens on now (the OS chooses)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def serve(
    root: Path,
    *,
    port: int = 0,
    open_browser: bool = True,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the tenders under `root` until interrupted; `announce` gets the address with its
    token (the only way in), which the browser also opens unless `open_browser` is false."""
    import uvicorn

    from proccheck.web.app import create_app
    from proccheck.web.security import TOKEN_PARAM, new_token

    token = new_token()
    port = port or free_port()
    url = f"http://{HOST}:{port}/?{TOKEN_PARAM}={token}"
    config = uvicorn.Config(
        create_app(root, token, port), host=HOST, port=port, log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    announce(url)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    server.run()
