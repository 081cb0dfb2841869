"""Probe holes left from attack round 7: operationIds used twice, webhooks that only test the
connection, callbacks named by a reference nobody followed, and listings that need a search
text or a filter fixed to one value. Each changes the targeted verdict; the look-alikes beside
them keep theirs."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import OK, description, outcomes

from proccheck.api import probe_detailed
from proccheck.requirements import load_requirement_set


def findings(tmp_path: Path, doc: dict[str, Any], check: str) -> list[tuple[str, str]]:
    path = tmp_path / "api.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    report = probe_detailed(str(path), load_requirement_set("builtin:open-baseline"), "en").report
    return [(f.outcome, f.message) for f in report.findings if f.check == check]


def _get(operation_id: str) -> dict[str, Any]:
    return {"get": {"operationId": operation_id, "responses": copy.deepcopy(OK)}}


def test_an_operation_id_used_twice_is_a_structural_problem(tmp_path: Path) -> None:
    twice = description(paths={"/cases": _get("list"), "/archive": _get("list")})
    [(outcome, message)] = findings(tmp_path, twice, "OA001")
    assert outcome == "not_met" and "'list' is used again (first by GET /cases)" in message
    once = description(paths={"/cases": _get("list"), "/archive": _get("listArchive")})
    assert findings(tmp_path, once, "OA001") == []


WEBHOOK = {
    "post": {
        "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
        "responses": {"200": {"description": "ok"}},
    }
}


@pytest.mark.parametrize(
    ("names", "outcome"),
    [
        (["ping"], "not_met"),
        (["url_verification", "heartbeat"], "not_met"),
        (["ping", "caseUpdated"], None),
        (["testResultPublished"], None),  # a test result is data, not a connection test
    ],
)
def test_webhooks_that_only_test_the_connection_announce_nothing(
    tmp_path: Path, names: list[str], outcome: str | None
) -> None:
    doc = description(openapi="3.1.0", webhooks={name: copy.deepcopy(WEBHOOK) for name in names})
    got = findings(tmp_path, doc, "OA004")
    assert [found for found, _ in got] == ([outcome] if outcome else [])


def test_a_callback_nobody_followed_is_not_verified(tmp_path: Path) -> None:
    doc = description()
    doc["paths"]["/cases"]["post"] = {
        "callbacks": {"onChange": {"$ref": "https://vendor.example/callbacks.yaml#/onChange"}},
        "responses": copy.deepcopy(OK),
    }
    [(outcome, message)] = findings(tmp_path, doc, "OA004")
    assert outcome == "not_verified" and "not followed" in message
    doc["paths"]["/cases"]["post"]["callbacks"] = {
        "onChange": {"{$request.body#/url}": copy.deepcopy(WEBHOOK)}
    }
    assert findings(tmp_path, doc, "OA004") == []
    doc["paths"]["/cases"]["post"]["callbacks"] = {"none": {"x": "not supported"}}
    assert [found for found, _ in findings(tmp_path, doc, "OA004")] == ["not_met"]


def _listed_with(parameter: dict[str, Any]) -> dict[str, Any]:
    doc = description()
    doc["paths"]["/cases"]["get"]["parameters"] = [parameter | {"in": "query", "required": True}]
    doc["paths"]["/cases"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Case"},
    }
    return doc


@pytest.mark.parametrize(
    ("parameter", "outcome", "why"),
    [
        ({"name": "q", "schema": {"type": "string"}}, "not_verified", "required search text"),
        ({"name": "searchTerm", "schema": {"type": "string"}}, "not_verified", "search text"),
        ({"name": "status", "schema": {"enum": ["open"]}}, "not_verified", "one value only"),
        ({"name": "status", "schema": {"const": "open"}}, "not_verified", "one value only"),
        ({"name": "status", "schema": {"enum": ["open", "closed"]}}, "met", ""),
        ({"name": "format", "schema": {"enum": ["json"]}}, "met", ""),
        ({"name": "api-version", "schema": {"const": "2"}}, "met", ""),
        ({"name": "v", "schema": {"const": "2"}}, "met", ""),
        ({"name": "updatedSince", "schema": {"type": "string"}}, "met", ""),
    ],
)
def test_a_listing_that_needs_a_search_or_a_fixed_filter_lists_only_some(
    tmp_path: Path, parameter: dict[str, Any], outcome: str, why: str
) -> None:
    got, reason = outcomes(tmp_path, _listed_with(parameter))["DO-02"]
    assert got == outcome and why in reason, reason
