"""What keeps a local page from becoming everyone's page: a secret token on every request,
the Host header checked (DNS rebinding), a CSRF token on every form, safe upload names.

The server binds 127.0.0.1 only, but any web site the officer visits can make the browser send
requests to 127.0.0.1; the token (which such a site cannot know) and the Host check stop that.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

from proccheck.i18n import N_, _, default_lang

COOKIE = "proccheck_token"
TOKEN_PARAM = "token"  # noqa: S105 (the name of the URL parameter)
CSRF_FIELD = "csrf"
HEADERS = [
    # nothing from elsewhere, no inline script or style, no framing, no token in a Referer
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
        b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]
_SAFE_NAME = re.compile(r"^[\w][\w .()+-]{0,150}$")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def new_token() -> str:
    """A fresh secret for one server run."""
    return secrets.token_urlsafe(24)


def csrf_token(token: str) -> str:
    """The form token: derived from the secret, so it needs no server-side state, and
    different from it, so a form never carries the secret itself."""
    return hmac.new(token.encode(), b"csrf", hashlib.sha256).hexdigest()[:32]


def csrf_ok(token: str, sent: object) -> bool:
    """Whether a form carried the right CSRF token."""
    return isinstance(sent, str) and hmac.compare_digest(sent, csrf_token(token))


def safe_name(name: str) -> str | None:
    """An uploaded file's or a vendor folder's name when it is a plain name (letters, digits,
    space, . ( ) + - _; not starting with a dot), else None: no folders, no `..`, no drive
    letters, no hidden files."""
    if "/" in name or "\\" in name or ".." in name:
        return None
    return name if _SAFE_NAME.match(name) else None


class Guard:
    """ASGI middleware: refuses a foreign Host header, and every request without the token
    (in the URL once, then in an HttpOnly, SameSite=Strict cookie)."""

    def __init__(self, app: ASGIApp, token: str, hosts: frozenset[str]) -> None:
        self.app, self.token, self.hosts = app, token, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if headers.get("host", "").lower() not in self.hosts:
            await _refuse(send, 421, N_("This address is not the one proccheck serve printed."))
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
        given = dict(query).get(TOKEN_PARAM)
        if given is not None and hmac.compare_digest(given, self.token):
            # the token leaves the address bar (and history) at once
            rest = urlencode([(k, v) for k, v in query if k != TOKEN_PARAM])
            where = scope["path"] + (f"?{rest}" if rest else "")
            cookie = f"{COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
            await _send(
                send, 303, b"", [(b"location", where.encode()), (b"set-cookie", cookie.encode())]
            )
            return
        if not hmac.compare_digest(_cookie(headers.get("cookie", ""), COOKIE), self.token):
            await _refuse(
                send, 403, N_("Open the address proccheck serve printed (it carries a key).")
            )
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def _cookie(header: str, name: str) -> str:
    for part in header.split(";"):
        key, _sep, value = part.strip().partition("=")
        if key == name:
            return value
    return ""


async def _refuse(send: Send, status: int, msgid: str) -> None:
    text = _(default_lang(), msgid)
    await _send(send, status, text.encode(), [(b"content-type", b"text/plain; charset=utf-8")])


async def _send(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": status, "headers": [*headers, *HEADERS]})
    await send({"type": "http.response.body", "body": body})
