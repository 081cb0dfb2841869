"""Attack round 9, API descriptions: a listing the description itself says the buyer cannot
rely on (not for customers, planned, retired, behind an add-on or a paid scope, only the latest
records, under an internal tag or path), a paging token no page hands out or a position the
description says is ignored, servers and sign-in on placeholder or loopback names, and OAuth
only for the vendor's own apps. Each changes the targeted verdict; the look-alikes keep theirs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import description, outcomes

LIST = {
    "description": "ok",
    "content": {
        "application/json": {
            "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Case"}}
        }
    },
}


def _listing(**changes: Any) -> dict[str, Any]:
    """The sample description whose GET /cases returns a list of cases, with `changes`."""
    doc = description()
    listed = doc["paths"]["/cases"]["get"]
    listed["responses"]["200"] = copy.deepcopy(LIST)
    listed.update(copy.deepcopy(changes))
    return doc


@pytest.mark.parametrize(
    ("changes", "marker"),
    [
        ({"description": "Denna endpoint är inte tillgänglig för kunder."}, "inte tillgänglig"),
        ({"description": "For internal use only."}, "internal use only"),
        ({"description": "Planned for version 3.0 (2027)."}, "Planned for version"),
        ({"x-sunset": "2020-06-30"}, "x-sunset: 2020-06-30"),
        (
            {
                "responses": {
                    "200": LIST,
                    "402": {"description": "Kräver tilläggsmodulen Dataexport."},
                }
            },
            "tilläggsmodulen",
        ),
        (
            {"responses": {"200": {**LIST, "description": "Endast de 50 senast ändrade."}}},
            "Endast de 50 senast",
        ),
        (
            {
                "parameters": [
                    {
                        "name": "supportToken",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "string"},
                        "description": "Utfärdas av supporten, debiteras enligt prislista.",
                    }
                ]
            },
            "debiteras",
        ),
    ],
    ids=[
        "not-for-customers",
        "internal-use",
        "planned",
        "sunset",
        "402-add-on",
        "latest-50",
        "paid-token",
    ],
)
def test_a_listing_its_own_text_takes_back_is_no_evidence(
    tmp_path: Path, changes: dict[str, Any], marker: str
) -> None:
    outcome, reason = outcomes(tmp_path, _listing(**changes))["DO-02"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    "changes",
    [
        {"description": "Returns every case, with no extra cost."},
        {"x-sunset": "2999-01-01"},
        {"responses": {"200": LIST, "402": {"description": "Payment Required"}}},  # a quota
        {"description": "Returns the 20 most recent first; use page for older ones."},
        {"description": "Filtering by status is coming soon."},
        {"description": "The field legacyId is for internal use only."},
        {"description": "Belopp som debiteras kunden, enligt gällande prislista."},
        {"summary": "List consulting services"},
    ],
    ids=[
        "no-extra-cost",
        "sunset-to-come",
        "generic-402",
        "order",
        "feature-coming",
        "internal-field",
        "invoiced-amounts",
        "consulting-services",
    ],
)
def test_look_alikes_keep_the_listing(tmp_path: Path, changes: dict[str, Any]) -> None:
    outcome, reason = outcomes(tmp_path, _listing(**changes))["DO-02"]
    assert outcome == "met", reason


def test_a_tag_or_path_marked_internal_is_no_evidence(tmp_path: Path) -> None:
    doc = _listing(tags=["intern"])
    doc["tags"] = [
        {
            "name": "intern",
            "description": "Interna operationer – ingår inte i det publicerade API:et.",
        }
    ]
    outcome, reason = outcomes(tmp_path, doc)["DO-02"]
    assert outcome == "not_verified" and "marked internal" in reason, reason
    doc["tags"] = [{"name": "intern", "description": "Ärenden"}]
    assert outcomes(tmp_path, doc)["DO-02"][0] == "met"
    moved = description()
    moved["paths"] = {"/internal/cases": moved["paths"]["/cases"]}
    assert outcomes(tmp_path, moved)["DO-02"][0] == "not_verified"


def test_a_scope_sold_separately_is_no_evidence(tmp_path: Path) -> None:
    doc = _listing(security=[{"oauth": ["export:premium"]}])
    flow = doc["components"]["securitySchemes"]["oauth"]["flows"]["clientCredentials"]
    flow["scopes"] = {
        "export:premium": "Kräver tilläggslicensen Export Premium (debiteras separat)."
    }
    outcome, reason = outcomes(tmp_path, doc)["DO-02"]
    assert outcome == "not_verified" and "debiteras" in reason, reason
    flow["scopes"] = {"export:premium": "Läsa alla ärenden."}
    assert outcomes(tmp_path, doc)["DO-02"][0] == "met"


def test_a_required_list_of_case_numbers_lists_only_known_cases(tmp_path: Path) -> None:
    parameter = {"name": "diarienummer", "in": "query", "required": True,
                 "schema": {"type": "array", "items": {"type": "string"}}}  # fmt: skip
    outcome, reason = outcomes(tmp_path, _listing(parameters=[parameter]))["DO-02"]
    assert outcome == "not_verified" and "naming the records" in reason, reason


PAGE = {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Case"}}}}  # fmt: skip


def _paged(parameter: dict[str, Any], next_link: bool = False) -> dict[str, Any]:
    doc = _listing(parameters=[{"in": "query", "schema": {"type": "string"}} | parameter])
    page = copy.deepcopy(PAGE)
    if next_link:
        page["properties"]["next"] = {"type": "string"}
    doc["paths"]["/cases"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = (
        page
    )
    return doc


@pytest.mark.parametrize(
    ("parameter", "next_link", "paged"),
    [
        ({"name": "cursor", "description": "Markör för nästa sida"}, False, False),
        ({"name": "cursor", "description": "Markör för nästa sida"}, True, True),
        (
            {"name": "cursor", "description": "The cursor returned in the previous response"},
            False,
            True,
        ),
        ({"name": "offset", "description": "Ignoreras i nuvarande version."}, False, False),
        ({"name": "offset", "description": "This parameter is not supported."}, False, False),
        ({"name": "offset", "description": "Not supported when sort=random."}, False, True),
        ({"name": "offset", "description": "Startposition"}, False, True),
        ({"name": "page", "description": "When a cursor is given, this is ignored."}, False, True),
        ({"name": "page", "description": "Negative values are not supported."}, False, True),
    ],
    ids=[
        "cursor-never-given",
        "cursor-in-next",
        "cursor-from-response",
        "offset-ignored",
        "offset-not-supported",
        "offset-not-supported-in-one-case",
        "offset",
        "page-ignored-in-one-case",
        "page-negative-values",
    ],
)
def test_a_paging_parameter_pages_only_if_it_can(
    tmp_path: Path, parameter: dict[str, Any], next_link: bool, paged: bool
) -> None:
    _outcome, reason = outcomes(tmp_path, _paged(parameter, next_link))["API-11"]
    assert ("no pagination" not in reason) is paged, reason


@pytest.mark.parametrize(
    ("server", "why"),
    [
        ("https://api.example.com/v1", "reserved for documentation"),
        ("https://api.127.0.0.1.nip.io/v1", "local network or for tests"),
        ("https://cases.sslip.io/v1", "local network or for tests"),
    ],
)
def test_a_server_on_a_placeholder_or_loopback_name_shows_nothing(
    tmp_path: Path, server: str, why: str
) -> None:
    doc = description()
    doc["servers"] = [{"url": server}]
    outcome, reason = outcomes(tmp_path, doc)["API-10"]
    assert outcome == "not_verified" and why in reason, reason


@pytest.mark.parametrize(
    ("scheme", "outcome"),
    [
        ({"tokenUrl": "https://login.example.com/token"}, "not_verified"),
        ({"tokenUrl": "https://login.kommun.local/adfs/token"}, "met"),  # the buyer's own IdP
        ({"description": "OAuth 2.0 för Norrdatas egna appar."}, "not_verified"),
        ({"description": "Customers cannot register clients."}, "not_verified"),
        ({"description": "OAuth 2.0 med kundens egen identitetsleverantör."}, "met"),
        ({"description": "OAuth 2.0 för kundens egna applikationer."}, "met"),
        ({"description": "Clients cannot get a refresh token with this flow."}, "met"),
        ({"description": "Customers can not create more than ten clients."}, "met"),
    ],
    ids=[
        "placeholder-token-url",
        "local-idp",
        "vendors-apps",
        "no-registration",
        "own-idp",
        "customers-apps",
        "no-refresh-token",
        "a-limit-on-clients",
    ],
)
def test_oauth_the_buyer_cannot_use_is_no_evidence(
    tmp_path: Path, scheme: dict[str, str], outcome: str
) -> None:
    doc = description()
    oauth = doc["components"]["securitySchemes"]["oauth"]
    if "tokenUrl" in scheme:
        oauth["flows"]["clientCredentials"]["tokenUrl"] = scheme["tokenUrl"]
    else:
        oauth["description"] = scheme["description"]
    got, reason = outcomes(tmp_path, doc)["API-03"]
    assert got == outcome, reason
    if "example.com" in scheme.get("tokenUrl", ""):
        assert "token URL is a placeholder (https://login.example.com/token)" in reason


def test_export_sold_as_consultancy_in_the_summary_limits_every_listing(tmp_path: Path) -> None:
    doc = _listing()
    doc["info"]["description"] = (
        "Läs och skriv ärenden. Begränsning: 100 anrop per sekund; större uttag beställs som "
        "konsulttjänst."
    )
    outcome, reason = outcomes(tmp_path, doc)["DO-02"]
    assert outcome == "not_verified" and "konsulttjänst" in reason, reason
    doc["info"]["description"] = "Läs och skriv ärenden. Export i JSON ingår i licensen."
    assert outcomes(tmp_path, doc)["DO-02"][0] == "met"


def _with_write(media: str, path: str = "/cases") -> dict[str, Any]:
    doc = _listing()
    doc["paths"].setdefault(path, {})["post"] = {
        "requestBody": {"content": {media: {"schema": {"type": "string", "format": "binary"}}}},
        "responses": {"201": {"description": "Skapad"}},
    }
    return doc


def test_a_write_of_opaque_bytes_is_no_open_write(tmp_path: Path) -> None:
    outcome, reason = outcomes(tmp_path, _with_write("application/octet-stream"))["API-05"]
    assert outcome == "not_verified" and "opaque bytes (application/octet-stream)" in reason
    json_write = _with_write("application/json")
    body = json_write["paths"]["/cases"]["post"]["requestBody"]["content"]["application/json"]
    body["schema"] = {"$ref": "#/components/schemas/Case"}
    assert outcomes(tmp_path, json_write)["API-05"][0] == "met"


SUBSCRIBE = {
    "requestBody": {
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"callbackUrl": {"type": "string", "format": "uri"}},
                }
            }
        }
    },
    "callbacks": {
        "changed": {
            "{$request.body#/callbackUrl}": {
                "post": {"responses": {"200": {"description": "ok"}}},
            }
        }
    },
    "responses": {"201": {"description": "Skapad"}},
}


def test_callbacks_to_an_address_fixed_to_the_vendors_own_notify_nobody(tmp_path: Path) -> None:
    doc = _listing()
    doc["paths"]["/cases"]["post"] = copy.deepcopy(SUBSCRIBE)
    assert outcomes(tmp_path, doc)["API-12"][0] == "met"
    schema = doc["paths"]["/cases"]["post"]["requestBody"]["content"]["application/json"]
    schema["schema"]["properties"]["callbackUrl"]["enum"] = ["https://hooks.vendor.se/intern"]
    outcome, reason = outcomes(tmp_path, doc)["API-12"]
    assert outcome == "not_met" and "can take one value only" in reason, reason
