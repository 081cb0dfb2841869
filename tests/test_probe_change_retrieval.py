"""Probe holes of attack round 6 in change retrieval (API-11) and notifications (API-12):
look-alike parameters (a first-name `first`, `size: small|large`, `updatedBy`, a boolean
`includeDeltaFields`), conditional requests (`If-None-Match`, `ETag`), which return the whole
list or nothing, and webhooks, callbacks or subscriptions that are deprecated, internal or
sold separately. None of them shows that only the changes can be fetched or that events are
sent; real paging and change parameters still do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import description, outcomes


def _listing(*parameters: dict[str, Any], headers: dict[str, Any] | None = None) -> dict[str, Any]:
    doc = description()
    get = doc["paths"]["/cases"]["get"]
    get["responses"]["200"]["content"]["application/json"]["schema"] = {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Case"},
    }
    get["parameters"] = list(parameters)
    if headers:
        get["responses"]["200"]["headers"] = headers
    return doc


def _query(name: str, schema: dict[str, Any], where: str = "query") -> dict[str, Any]:
    return {"name": name, "in": where, "schema": schema}


INTEGER, TIME = {"type": "integer"}, {"type": "string", "format": "date-time"}


@pytest.mark.parametrize(
    "parameters",
    [
        [_query("limit", INTEGER), _query("offset", INTEGER), _query("modifiedSince", TIME)],
        [
            _query("first", INTEGER),
            _query("after", {"type": "string"}),
            _query("updatedAfter", TIME),
        ],
        [_query("cursor", {"type": "string"}), _query("deltaToken", {"type": "string"})],
        [_query("limit", INTEGER), _query("continue", {"type": "string"}), _query("since", TIME)],
        [_query("createdOrUpdatedSince", TIME), _query("page", INTEGER)],
        [_query("from", INTEGER), _query("size", INTEGER), _query("modifiedSince", TIME)],
        [_query("skipCount", INTEGER), _query("maxItems", INTEGER), _query("modifiedSince", TIME)],
        [_query("pageNo", INTEGER), _query("pageSize", INTEGER), _query("modifiedSince", TIME)],
    ],
)
def test_real_paging_and_change_parameters_are_met(
    tmp_path: Path, parameters: list[dict[str, Any]]
) -> None:
    assert outcomes(tmp_path, _listing(*parameters))["API-11"][0] == "met"


@pytest.mark.parametrize(
    ("parameters", "headers"),
    [
        ([_query("first", {"type": "string"}), _query("modifiedSince", TIME)], None),
        ([_query("size", {"type": "string", "enum": ["small", "large"]}), _query("since", TIME)], None),
        ([_query("offset", INTEGER), _query("updatedBy", {"type": "string"})], None),
        ([_query("offset", INTEGER), _query("includeDeltaFields", {"type": "boolean"})], None),
        ([_query("offset", INTEGER), _query("If-None-Match", {"type": "string"}, "header")], None),
        ([_query("offset", INTEGER)], {"ETag": {"schema": {"type": "string"}}}),
        ([_query("page", {"type": "integer", "enum": [1]}), _query("since", TIME)], None),
        ([_query("offset", INTEGER), {**_query("modifiedSince", TIME), "deprecated": True}], None),
        # round 7: a size alone gives the first N; a page of at most 1; a count header
        ([_query("limit", INTEGER), _query("modifiedSince", TIME)], None),
        ([_query("page", {"type": "integer", "maximum": 1}), _query("since", TIME)], None),
        ([_query("modifiedSince", TIME)], {"X-Total-Count": {"schema": INTEGER}}),
        # round 7: a higher id and a sort order filter no changes
        ([_query("offset", INTEGER), _query("since_id", INTEGER)], None),
        ([_query("offset", INTEGER), _query("orderByModified", {"type": "string"})], None),
    ],
)  # fmt: skip
def test_look_alike_parameters_and_conditional_requests_are_not_met(
    tmp_path: Path, parameters: list[dict[str, Any]], headers: dict[str, Any] | None
) -> None:
    outcome, reason = outcomes(tmp_path, _listing(*parameters, headers=headers))["API-11"]
    assert outcome == "not_met", reason


def test_a_creation_time_alone_is_not_verified(tmp_path: Path) -> None:
    """Round 7: `createdSince` returns new records; whether changed ones can be fetched cannot
    be seen (an append-only ledger needs no more, a case register does)."""
    listing = _listing(_query("offset", INTEGER), _query("createdSince", TIME))
    outcome, reason = outcomes(tmp_path, listing)["API-11"]
    assert outcome == "not_verified" and "only by when records were created" in reason, reason


WEBHOOK = {"post": {"summary": "Case changed", "responses": {"200": {"description": "ok"}}}}


@pytest.mark.parametrize(
    ("marks", "outcome"),
    [({}, "met"), ({"deprecated": True}, "not_verified"), ({"x-internal": True}, "not_verified"),
     ({"description": "Only premium customers."}, "not_verified")],
)  # fmt: skip
def test_a_withdrawn_webhook_announces_nothing(
    tmp_path: Path, marks: dict[str, Any], outcome: str
) -> None:
    doc = description()
    doc["openapi"] = "3.1.0"
    doc["webhooks"] = {"caseChanged": {"post": {**WEBHOOK["post"], **marks}}}
    got, reason = outcomes(tmp_path, doc)["API-12"]
    assert got == outcome, reason


@pytest.mark.parametrize(
    ("marks", "outcome"),
    [({}, "met"), ({"deprecated": True}, "not_verified"),
     ({"responses": {"403": {"description": "Premium only"}}}, "not_verified")],
)  # fmt: skip
def test_a_subscription_that_cannot_be_relied_on_announces_nothing(
    tmp_path: Path, marks: dict[str, Any], outcome: str
) -> None:
    doc = description()
    url = {"type": "object", "properties": {"callbackUrl": {"type": "string", "format": "uri"}}}
    doc["paths"]["/subscriptions"] = {
        "post": {
            "requestBody": {"content": {"application/json": {"schema": url}}},
            "responses": {"201": {"description": "subscribed"}},
            "callbacks": {"changed": {"{$request.body#/callbackUrl}": WEBHOOK}},
            **marks,
        }
    }
    got, reason = outcomes(tmp_path, doc)["API-12"]
    assert got == outcome, reason
    # like a withdrawn webhook (review of round 11: Snyk's "Only Business and Enterprise
    # customers" subscriptions): declared, nothing to rely on, so not verified rather than absent
    assert outcome == "met" or "declared" in reason, reason
