"""Probe holes of attack round 7 (API descriptions written by a helper session as a hostile
vendor would): servers only on mock or test hosts, a data path under `/health`, a person's
e-mail subscription or a sign-in's return address taken for notifications, and problem details
that hold nothing or type their members as something else behind `allOf`. Each changes the
targeted verdict; the look-alikes beside them keep theirs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import OK, description, outcomes


@pytest.mark.parametrize(
    ("servers", "outcome"),
    [
        (["https://virtserver.swaggerhub.com/acme/cases/1.0"], "not_verified"),
        (["https://test-api.vendor.se/v1", "https://staging.vendor.se/v1"], "not_verified"),
        (["https://api.sandbox.vendor.se/v1"], "not_verified"),
        (["https://api.vendor.se/v1", "https://test-api.vendor.se/v1"], "met"),
        (["https://api.testbolaget.se/v1"], "met"),  # the domain itself names no test host
        (["https://dev.to/api"], "met"),
    ],
)
def test_servers_only_for_tests_or_mocks_show_no_production_transport(
    tmp_path: Path, servers: list[str], outcome: str
) -> None:
    got, reason = outcomes(tmp_path, description(servers=[{"url": url} for url in servers]))[
        "API-10"
    ]
    assert got == outcome, reason


def _item_only(path: str) -> dict[str, Any]:
    """Cases listed; journals readable one id at a time under `path` only."""
    doc = description()
    doc["components"]["schemas"]["Journal"] = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "note": {"type": "string"}},
    }
    item = copy.deepcopy(OK)
    item["200"]["content"]["application/json"]["schema"] = {"$ref": "#/components/schemas/Journal"}
    doc["paths"][path] = {
        "get": {
            "summary": "One journal",
            "parameters": [{"name": "id", "in": "path", "required": True,
                            "schema": {"type": "string"}}],
            "responses": item,
        }
    }  # fmt: skip
    return doc


def test_data_under_a_health_path_is_data(tmp_path: Path) -> None:
    """Pupil health journals by id only: not a health check, so a type that cannot be listed."""
    got, reason = outcomes(tmp_path, _item_only("/health/journals/{id}"))["DO-02"]
    assert got == "not_met" and "Journal" in reason, reason
    health = _item_only("/health/journals/{id}")
    health["paths"]["/health"] = health["paths"].pop("/health/journals/{id}")
    health["paths"]["/health"]["get"].pop("parameters")
    assert outcomes(tmp_path, health)["DO-02"][0] == "met"  # a health check is set apart


def _subscription(path: str, prop: str, shape: dict[str, Any]) -> dict[str, Any]:
    doc = description()
    body = {"type": "object", "required": [prop], "properties": {prop: shape}}
    doc["paths"][path] = {
        "post": {
            "summary": "Subscribe",
            "requestBody": {"content": {"application/json": {"schema": body}}},
            "responses": {"201": {"description": "created"}},
        }
    }
    return doc


@pytest.mark.parametrize(
    ("path", "prop", "shape", "outcome"),
    [
        ("/subscriptions", "emailAddress", {"type": "string", "format": "email"}, "not_met"),
        ("/auth/callback", "returnUrl", {"type": "string", "format": "uri"}, "not_met"),
        ("/subscriptions", "callbackUrl", {"type": "string", "format": "uri"}, "met"),
    ],
)
def test_only_a_system_address_makes_a_subscription_a_notification(
    tmp_path: Path, path: str, prop: str, shape: dict[str, Any], outcome: str
) -> None:
    got, reason = outcomes(tmp_path, _subscription(path, prop, shape))["API-12"]
    assert got == outcome, reason


@pytest.mark.parametrize(
    ("problem", "outcome"),
    [
        ({"type": "object", "maxProperties": 0, "description": "No body is returned"}, "not_met"),
        ({"type": "object", "properties": {"type": {"allOf": [{"$ref": "#/components/schemas/Code"}]},
                                            "title": {"type": "string"},
                                            "status": {"type": "integer"}}}, "not_met"),
        ({"type": "object", "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                                            "status": {"type": "integer"}}}, "met"),
    ],
)  # fmt: skip
def test_problem_details_that_hold_nothing_or_other_types_are_none(
    tmp_path: Path, problem: dict[str, Any], outcome: str
) -> None:
    doc = description()
    doc["components"]["schemas"]["Code"] = {"type": "integer"}
    doc["paths"]["/cases"]["get"]["responses"]["400"] = {
        "description": "error",
        "content": {"application/problem+json": {"schema": problem}},
    }
    assert outcomes(tmp_path, doc)["API-09"][0] == outcome
