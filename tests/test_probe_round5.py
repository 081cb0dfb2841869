"""Probe holes of attack round 5: internal markers besides x-internal, security that names
undeclared schemes, and an oauth2 scheme with no flow. Each is not verified, never met."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from proccheck.api import probe_detailed
from proccheck.requirements import load_requirement_set

OK = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}}}  # fmt: skip


def description(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.se/v1"}],
        "paths": {"/cases": {"get": {"summary": "List", "responses": copy.deepcopy(OK)}}},
        "components": {
            "schemas": {"Case": {"type": "object", "properties": {"id": {"type": "string"}}}},
            "securitySchemes": {
                "oauth": {
                    "type": "oauth2",
                    "flows": {
                        "clientCredentials": {
                            "tokenUrl": "https://login.example.se/token",
                            "scopes": {},
                        }
                    },
                }
            },
        },
        "security": [{"oauth": []}],
    }
    for key, value in changes.items():
        if key == "info":
            doc["info"].update(value)
        elif key == "scheme":
            doc["components"]["securitySchemes"]["oauth"] = value
        else:
            doc[key] = value
    return doc


def outcomes(tmp_path: Path, doc: dict[str, Any]) -> dict[str, tuple[str, str]]:
    path = tmp_path / "api.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    report = probe_detailed(str(path), load_requirement_set("builtin:open-baseline"), "en").report
    return {r.requirement: (r.outcome, r.reason) for r in report.results}


def test_the_plain_description_is_met(tmp_path: Path) -> None:
    got = outcomes(tmp_path, description())
    assert got["API-03"][0] == got["DO-02"][0] == "met", got


@pytest.mark.parametrize(
    "changes",
    [
        {"info": {"x-internal": True}},
        {"x-audience": "company-internal"},
        {"x-ms-visibility": "internal"},
    ],
)
def test_a_description_marked_internal_is_no_evidence(
    tmp_path: Path, changes: dict[str, Any]
) -> None:
    outcome, reason = outcomes(tmp_path, description(**changes))["DO-02"]
    assert outcome == "not_verified" and "marked internal" in reason


def test_security_naming_an_undeclared_scheme_is_not_verified(tmp_path: Path) -> None:
    outcome, reason = outcomes(tmp_path, description(security=[{"vendorToken": []}]))["API-03"]
    assert outcome == "not_verified" and "not declared" in reason and "vendorToken" in reason


def test_an_oauth2_scheme_without_flows_does_not_show_oauth(tmp_path: Path) -> None:
    got = outcomes(tmp_path, description(scheme={"type": "oauth2", "flows": {}}))["API-03"]
    assert got[0] == "not_verified" and "oauth2 without a usable flow" in got[1]


@pytest.mark.parametrize(
    ("server", "shown", "why"),
    [
        ("https://10.0.0.5/api", "https://10.0.0.5/api", "private"),
        ("https://[fe80::1]/api", "https://[fe80::1]/api", "private"),
        ("https://100.64.1.1", "https://100.64.1.1", "private"),
        ("https://api.vendor.local/v1", "https://api.vendor.local/v1", "host name"),
        ("https://api.vendor.internal", "https://api.vendor.internal", "host name"),
        ("https://admin:hemligt@api.vendor.se", "https://admin:***@api.vendor.se", "password"),
    ],
)
def test_an_https_server_the_buyer_cannot_reach_is_no_evidence(
    tmp_path: Path, server: str, shown: str, why: str
) -> None:
    outcome, reason = outcomes(tmp_path, description(servers=[{"url": server}]))["API-10"]
    assert outcome == "not_verified", reason
    assert shown in reason and why in reason
    assert "hemligt" not in reason


def test_a_public_https_server_beside_a_private_one_is_met(tmp_path: Path) -> None:
    servers = [{"url": "https://10.0.0.5/api"}, {"url": "https://api.vendor.se/v1"}]
    assert outcomes(tmp_path, description(servers=servers))["API-10"][0] == "met"


def test_an_http_url_never_repeats_its_password(tmp_path: Path) -> None:
    outcome, reason = outcomes(tmp_path, description(servers=[{"url": "http://u:pw1@api.vendor.se"}]))["API-10"]  # fmt: skip
    assert outcome == "not_met" and "u:***@api.vendor.se" in reason and "pw1" not in reason


@pytest.mark.parametrize(
    "blob",
    [
        {
            "type": "string",
            "contentEncoding": "base64",
            "contentMediaType": "application/x-acme-db",
        },
        {"type": ["string", "null"], "contentEncoding": "base64"},
        {"type": ["string", "null"], "format": "byte"},
        {"type": "string", "contentMediaType": "application/x-acme-db"},
    ],
)
def test_json_wrapping_an_encoded_file_is_no_open_format(
    tmp_path: Path, blob: dict[str, Any]
) -> None:
    wrapped = {"type": "object", "properties": {"dump": blob}}
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": wrapped}}}}
    doc = description(paths={"/export": {"get": {"summary": "Export", "responses": ok}}})
    doc["openapi"] = "3.1.0"
    outcome, reason = outcomes(tmp_path, doc)["DO-03"]
    assert outcome == "not_verified" and "Only file content" in reason, reason


def test_json_with_a_plain_string_field_is_an_open_format(tmp_path: Path) -> None:
    plain = {"type": "object", "properties": {"name": {"type": ["string", "null"]}}}
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": plain}}}}
    doc = description(paths={"/export": {"get": {"summary": "Export", "responses": ok}}})
    doc["openapi"] = "3.1.0"
    assert outcomes(tmp_path, doc)["DO-03"][0] == "met"
