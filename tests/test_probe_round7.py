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
        (["https://dev.azure.com/org"], "met"),  # second read: "dev" names production here
        (["https://api.demo.co.uk/v1"], "met"),  # demo.co.uk is the domain itself
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


def test_health_below_a_record_is_data(tmp_path: Path) -> None:
    """Second read: `/patients/{id}/health` is a patient's data, not a health check: its type
    is counted with the others, not set apart."""
    _got, reason = outcomes(tmp_path, _item_only("/patients/{id}/health"))["DO-02"]
    assert "of 2 resource types" in reason and "health or login endpoint" not in reason, reason


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


def _write(post: dict[str, Any]) -> dict[str, Any]:
    """Cases listed, and created only by `post` (the rest of the POST operation)."""
    doc = description()
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}}
    doc["paths"]["/cases"]["post"] = {"summary": "Create", "requestBody": body, **post}
    return doc


CREATED = {"201": {"description": "Created"}}
DRY_RUN = {"name": "dryRun", "in": "query", "required": True, "schema": {"type": "boolean", "enum": [True]}}  # fmt: skip


@pytest.mark.parametrize(
    ("post", "outcome"),
    [
        ({"parameters": [DRY_RUN], "responses": CREATED}, "not_verified"),
        ({"responses": {"default": {"description": "501 Not Implemented in this version"}}}, "not_verified"),
        ({"parameters": [{**DRY_RUN, "required": False, "schema": {"type": "boolean"}}],
          "responses": CREATED}, "met"),
        ({"responses": {"default": {"description": "The created case"}}}, "met"),
    ],
)  # fmt: skip
def test_a_write_that_stores_nothing_is_no_evidence(
    tmp_path: Path, post: dict[str, Any], outcome: str
) -> None:
    got, reason = outcomes(tmp_path, _write(post))["API-05"]
    assert got == outcome, reason


def test_a_link_to_an_http_server_is_unencrypted(tmp_path: Path) -> None:
    doc = description()
    doc["paths"]["/cases"]["get"]["responses"]["200"]["links"] = {
        "file": {"operationId": "getFile", "server": {"url": "http://files.vendor.se/v1"}}
    }
    got, reason = outcomes(tmp_path, doc)["API-10"]
    assert got == "not_met" and "http://files.vendor.se/v1" in reason, reason


@pytest.mark.parametrize(
    ("media", "outcome"),
    [("text/x-acme-dump", "not_met"), ("text/x-yaml", "met"), ("text/csv", "met")],
)
def test_an_unregistered_text_format_is_opaque(tmp_path: Path, media: str, outcome: str) -> None:
    doc = description()
    schema = doc["paths"]["/cases"]["get"]["responses"]["200"]["content"]["application/json"]
    doc["paths"]["/cases"]["get"]["responses"]["200"]["content"][media] = schema
    assert outcomes(tmp_path, doc)["DO-03"][0] == outcome


@pytest.mark.parametrize(
    ("url", "outcome"),
    [("TBD", "not_verified"), ("https://[vendor/token", "not_verified"), ("/oauth/token", "met")],
)
def test_a_placeholder_token_url_gives_no_token(tmp_path: Path, url: str, outcome: str) -> None:
    scheme = {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": url, "scopes": {}}}}
    assert outcomes(tmp_path, description(scheme=scheme))["API-03"][0] == outcome
