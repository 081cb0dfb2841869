"""The fetch cache (ETag / Last-Modified revalidation, --offline, --no-cache) and remote $refs.

Everything runs against a local server on 127.0.0.1 with allow_private; the cache folder is a
tmp_path through PROCCHECK_CACHE_DIR.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import QuietHandler, Serve

from proccheck.api import probe_detailed
from proccheck.errors import ProbeError
from proccheck.loaders.cache import FetchCache, cache_dir, fetch_cached
from proccheck.loaders.openapi import MAX_REMOTE_DOCUMENTS, Fetching, load_description
from proccheck.requirements import load_requirement_set

SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Cached", "version": "1.0.0"},
    "paths": {
        "/things": {
            "get": {
                "summary": "List things",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "schemas.json#/Thing"},
                            }
                        },
                    }
                },
            }
        }
    },
}
SCHEMAS = {"Thing": {"type": "object", "properties": {"owner": {"$ref": "#/Owner"}}},
           "Owner": {"type": "object", "properties": {"name": {"type": "string"}}}}  # fmt: skip


class Handler(QuietHandler):
    hits: dict[str, int] = {}  # noqa: RUF012 - shared counter across requests
    conditional: list[str] = []  # noqa: RUF012

    def do_GET(self) -> None:
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        if self.headers.get("If-None-Match"):
            Handler.conditional.append(self.path)
        if self.path == "/etag.json":
            if self.headers.get("If-None-Match") == '"v1"':
                self.reply(304, b"", {"ETag": '"v1"'})
            else:
                self.reply(200, json.dumps(SPEC).encode(), {"ETag": '"v1"'})
        elif self.path == "/dated.json":
            stamp = "Wed, 01 Jan 2025 00:00:00 GMT"
            if self.headers.get("If-Modified-Since") == stamp:
                self.reply(304, b"")
            else:
                self.reply(200, json.dumps(SPEC).encode(), {"Last-Modified": stamp})
        elif self.path == "/schemas.json":
            self.reply(200, json.dumps(SCHEMAS).encode())
        elif self.path.startswith("/chain/"):
            n = int(self.path.rsplit("/", 1)[1].split(".")[0])
            self.reply(200, json.dumps({"X": {"$ref": f"{n + 1}.json#/X"}}).encode())
        elif self.path == "/chained.json":
            doc = json.loads(json.dumps(SPEC))
            content = doc["paths"]["/things"]["get"]["responses"]["200"]["content"]
            content["application/json"]["schema"] = {"$ref": "chain/0.json#/X"}
            self.reply(200, json.dumps(doc).encode())
        else:
            self.reply(404)


@pytest.fixture(scope="module")
def server(serve: Serve) -> str:
    return serve(Handler)


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PROCCHECK_CACHE_DIR", str(folder))
    return folder


def test_env_overrides_cache_dir(cache_folder: Path) -> None:
    assert cache_dir() == cache_folder


def test_default_cache_dir_is_user_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROCCHECK_CACHE_DIR")
    assert cache_dir().parts[-2:] == ("proccheck", "fetch")


def test_etag_revalidation_keeps_cached_body(server: str, cache_folder: Path) -> None:
    url = f"{server}/etag.json"
    first = fetch_cached(url, allow_private=True)
    assert json.loads(first.content)["info"]["title"] == "Cached"
    assert len(list(cache_folder.glob("*.json"))) == 1
    before = Handler.conditional.count("/etag.json")
    second = fetch_cached(url, allow_private=True)
    assert second.content == first.content and second.etag == '"v1"'
    assert Handler.conditional.count("/etag.json") == before + 1  # revalidated, got a 304


def test_last_modified_revalidation(server: str) -> None:
    url = f"{server}/dated.json"
    first = fetch_cached(url, allow_private=True)
    again = fetch_cached(url, allow_private=True)
    assert again.content == first.content and again.last_modified.endswith("GMT")


def test_offline_uses_cache_only(server: str) -> None:
    url = f"{server}/etag.json"
    with pytest.raises(ProbeError, match="not in the cache"):
        fetch_cached(url, allow_private=True, mode="offline")
    fetch_cached(url, allow_private=True)
    hits = Handler.hits.get("/etag.json", 0)
    assert fetch_cached(url, allow_private=True, mode="offline").content
    assert Handler.hits.get("/etag.json", 0) == hits  # no request made


def test_no_cache_neither_reads_nor_writes(server: str, cache_folder: Path) -> None:
    fetch_cached(f"{server}/etag.json", allow_private=True, mode="off")
    assert not cache_folder.exists() or not any(cache_folder.iterdir())


def test_corrupt_entry_is_ignored(server: str, cache_folder: Path) -> None:
    url = f"{server}/etag.json"
    fetch_cached(url, allow_private=True)
    for body in cache_folder.glob("*.body"):
        body.write_bytes(b"tampered")
    assert FetchCache().get(url) is None
    with pytest.raises(ProbeError, match="not in the cache"):
        fetch_cached(url, allow_private=True, mode="offline")


def test_no_temporary_files_left(server: str, cache_folder: Path) -> None:
    fetch_cached(f"{server}/etag.json", allow_private=True)
    assert not [p for p in cache_folder.iterdir() if p.name.startswith(".")]


def test_file_source_fetches_nothing(tmp_path: Path, cache_folder: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text(json.dumps(SPEC), encoding="utf-8")
    index, url = load_description(str(path), Fetching(allow_remote_refs=False))
    assert url is None and index.remote_refs.count == 1
    assert not cache_folder.exists()


# --- remote $refs ----------------------------------------------------------------------------


def test_remote_refs_not_followed_without_flag(server: str) -> None:
    index, _ = load_description(f"{server}/etag.json", Fetching(allow_private=True))
    assert index.remote_refs.count == 1 and not index.remote_documents


def test_remote_refs_followed_with_flag(server: str) -> None:
    index, _ = load_description(
        f"{server}/etag.json", Fetching(allow_private=True, allow_remote_refs=True)
    )
    assert index.remote_refs.count == 0 and index.missing_refs.count == 0
    assert index.remote_documents == [f"{server}/schemas.json"]
    schema = index.operations[0].responses[0].media[0].schema
    thing = index.resolve(schema)
    assert thing["type"] == "object"
    assert index.resolve(thing["properties"]["owner"])["properties"]["name"]["type"] == "string"


def test_remote_refs_go_through_the_guard(server: str, tmp_path: Path) -> None:
    spec = json.loads(json.dumps(SPEC))
    content = spec["paths"]["/things"]["get"]["responses"]["200"]["content"]
    content["application/json"]["schema"] = {"$ref": f"{server}/schemas.json#/Thing"}
    path = tmp_path / "api.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    index, _ = load_description(str(path), Fetching(allow_remote_refs=True))  # loopback refused
    assert index.remote_refs.count == 1 and not index.remote_documents
    assert "non-public address" in index.remote_errors[0][1]
    baseline = load_requirement_set("builtin:open-baseline")
    report = probe_detailed(str(path), baseline, "en", Fetching(allow_remote_refs=True)).report
    oa001 = [
        f for f in report.findings if f.check == "OA001" and "could not be fetched" in f.message
    ]
    assert oa001 and oa001[0].location.pointer is not None


def test_remote_document_cap(server: str) -> None:
    index, _ = load_description(
        f"{server}/chained.json", Fetching(allow_private=True, allow_remote_refs=True)
    )
    assert len(index.remote_documents) == MAX_REMOTE_DOCUMENTS
    assert any(f"more than {MAX_REMOTE_DOCUMENTS}" in why for _, why in index.remote_errors)


def test_relative_ref_of_a_file_is_not_fetched(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text(json.dumps(SPEC), encoding="utf-8")
    index, _ = load_description(str(path), Fetching(allow_remote_refs=True))
    assert index.remote_refs.count == 1
    assert "not an http(s) URL" in index.remote_errors[0][1]


# --- CLI ---------------------------------------------------------------------------------------


def test_cli_offline_and_no_cache(cli, server: str) -> None:  # type: ignore[no-untyped-def]
    url = f"{server}/etag.json"
    missing = cli("probe", url, "--allow-private", "--offline")
    assert missing.code == 2 and "not in the cache" in missing.err
    assert cli("probe", url, "--allow-private").code in (0, 1)
    assert cli("probe", url, "--allow-private", "--offline").code in (0, 1)
    both = cli("probe", url, "--offline", "--no-cache")
    assert both.code == 2 and "cannot be combined" in both.err


def test_cli_allow_remote_refs(cli, server: str) -> None:  # type: ignore[no-untyped-def]
    url = f"{server}/etag.json"
    without = cli("probe", url, "--allow-private", "-f", "json")
    followed = cli("probe", url, "--allow-private", "--allow-remote-refs", "-f", "json")
    assert "was not followed" in without.out  # the one remote $ref
    assert "not followed" not in followed.out
