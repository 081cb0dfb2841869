"""A small on-disk cache of fetched API descriptions, revalidated with ETag / Last-Modified.

Each URL (exactly as given) maps to two files named by the SHA-256 of the URL: `KEY.body` (the
bytes as fetched) and `KEY.json` (URL, final URL, media type, ETag, Last-Modified, size and hash of
the body). Both are written atomically (temporary file + rename) and the metadata last, so a
crash never leaves an entry that looks complete; an entry whose body does not match its recorded
hash is ignored. The folder is the per-user cache folder (platformdirs) unless
`PROCCHECK_CACHE_DIR` names another.

Modes: `use` (default) sends If-None-Match / If-Modified-Since and keeps the cached body on a 304;
`off` (`--no-cache`) neither reads nor writes; `offline` (`--offline`) never touches the network
and fails with a clear error when the URL is not cached.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from proccheck.errors import ProbeError, UsageError
from proccheck.i18n import tr
from proccheck.loaders.fetch import AddressPolicy, Fetched, FetchLimits, fetch
from proccheck.resources import write_atomic

CacheMode = Literal["use", "off", "offline"]
CACHE_ENV = "PROCCHECK_CACHE_DIR"


def cache_dir() -> Path:
    """Where fetched descriptions are kept: `$PROCCHECK_CACHE_DIR` or the user cache folder."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("proccheck", appauthor=False)) / "fetch"


@dataclass(frozen=True)
class Entry:
    """One cached response."""

    url: str
    final_url: str
    content: bytes
    content_type: str
    etag: str
    last_modified: str

    def fetched(self) -> Fetched:
        return Fetched(
            self.url,
            self.final_url,
            self.content,
            self.content_type,
            etag=self.etag,
            last_modified=self.last_modified,
            cached=True,
        )


class FetchCache:
    """The cache folder; see the module docstring."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else cache_dir()

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / f"{key}.body", self.folder / f"{key}.json"

    def get(self, url: str) -> Entry | None:
        """The cached entry for `url`, or None when absent, unreadable or inconsistent."""
        body_path, meta_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            content = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url:
            return None
        if meta.get("sha256") != hashlib.sha256(content).hexdigest():
            return None
        return Entry(
            url=url,
            final_url=str(meta.get("final_url") or url),
            content=content,
            content_type=str(meta.get("content_type") or ""),
            etag=str(meta.get("etag") or ""),
            last_modified=str(meta.get("last_modified") or ""),
        )

    def put(self, fetched: Fetched) -> None:
        """Store a fetched body; failures to write are ignored (the cache is an optimisation)."""
        body_path, meta_path = self._paths(fetched.url)
        meta = {
            "url": fetched.url,
            "final_url": fetched.final_url,
            "content_type": fetched.content_type,
            "etag": fetched.etag,
            "last_modified": fetched.last_modified,
            "size": len(fetched.content),
            "sha256": hashlib.sha256(fetched.content).hexdigest(),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(body_path, fetched.content, private=True)
            write_atomic(meta_path, json.dumps(meta, indent=1).encode("utf-8"), private=True)
        except (OSError, UsageError):
            return


def fetch_cached(
    url: str,
    *,
    allow_private: bool | AddressPolicy = False,
    mode: CacheMode = "use",
    bounds: FetchLimits | None = None,
    cache: FetchCache | None = None,
    keep: bool = True,
) -> Fetched:
    """Fetch `url` through the cache in the given mode (see the module docstring). With
    `keep=False` a new body is not written: the caller stores it (`FetchCache.put`) once it
    has seen that it is worth keeping (an API description, not whatever a URL returned)."""
    if mode == "off":
        return fetch(url, allow_private=allow_private, bounds=bounds)
    folder = cache or FetchCache()
    entry = folder.get(url)
    if mode == "offline":
        if entry is None:
            raise ProbeError(
                tr("not in the cache and --offline forbids fetching"),
                path=url,
                hint=tr(
                    "run once without --offline to fill the cache ({folder})", folder=folder.folder
                ),
            )
        return entry.fetched()
    conditional: dict[str, str] = {}
    if entry is not None:
        if entry.etag:
            conditional["If-None-Match"] = entry.etag
        if entry.last_modified:
            conditional["If-Modified-Since"] = entry.last_modified
    fetched = fetch(
        url, allow_private=allow_private, bounds=bounds, conditional=conditional or None
    )
    if fetched.not_modified and entry is not None:
        return entry.fetched()
    if keep:
        folder.put(fetched)
    return fetched
