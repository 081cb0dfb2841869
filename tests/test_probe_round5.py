"""Probe holes of attack round 5: internal markers besides x-internal, security that names
undeclared schemes, and an oauth2 scheme with no flow. Each is not verified, never met."""

from __future__ import annotations

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
        "paths": {"/cases": {"get": {"summary": "List", "responses": OK}}},
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
    assert got[0] == "not_verified" and "oauth2 without flows" in got[1]
