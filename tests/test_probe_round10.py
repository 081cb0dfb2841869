"""Attack round 10, API descriptions: a listing limited where `Operation.limited` does not
look (a preview badge, internal servers, a security scheme or scope sold apart or for the
vendor's staff, a response behind a `$ref`, a charging header) or in words it did not know,
paging that only looks possible (a `$ref` sibling saying the offset is ignored, a deprecated
`next`, an always empty `Link`), callbacks whose address the subscriber cannot choose, a
billable webhook and writes charged a handling fee. Each changes the targeted verdict; the
look-alikes keep theirs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import outcomes
from test_probe_round9 import LIST, PAGE, SUBSCRIBE, _listing


def _flow(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["components"]["securitySchemes"]["oauth"]["flows"]["clientCredentials"]


def _with(where: str, value: Any) -> dict[str, Any]:
    """The listing with `value` set at `where`: a field of GET /cases, its 200 response's
    description or a header of it, its required scope's or security scheme's description,
    or the 200 response behind a `$ref`."""
    doc = _listing()
    listed = doc["paths"]["/cases"]["get"]
    if where == "response":
        listed["responses"]["200"]["description"] = value
    elif where == "header":
        listed["responses"]["200"]["headers"] = {value: {"description": "Per anrop."}}
    elif where == "scope":
        _flow(doc)["scopes"] = {"cases:all": value}
        listed["security"] = [{"oauth": ["cases:all"]}]
    elif where == "scheme":
        doc["components"]["securitySchemes"]["licence"] = {
            "type": "apiKey", "in": "header", "name": "X-Licens", "description": value
        }  # fmt: skip
        listed["security"] = [{"oauth": [], "licence": []}]
    elif where == "ref response":
        doc["components"]["responses"] = {"CaseList": {**copy.deepcopy(LIST), "description": value}}
        listed["responses"]["200"] = {"$ref": "#/components/responses/CaseList"}
    else:
        listed[where] = value
    return doc


@pytest.mark.parametrize(
    ("where", "value", "marker"),
    [
        ("x-badges", [{"name": "Beta", "color": "orange"}], "x-badges: Beta"),
        ("servers", [{"url": "https://intern.norrdata.local/v1"}], "intern.norrdata.local"),
        ("scheme", "Licensnyckel för tilläggsmodulen Dataexport (offereras separat).", "offereras"),
        ("scope", "Endast Norrdatas driftpersonal.", "driftpersonal"),
        ("description", "Reserved for future use. Currently returns an empty list.", "Reserved"),
        ("description", "Tillhandahålls på begäran mot ersättning.", "mot ersättning"),
        ("summary", "Lista ärenden (ingår ej i standardutförandet)", "ingår ej"),
        ("response", "Returns the first 1,000 matching cases only; older cases are archived.", "first 1,000"),
        ("response", "Endast ärenden som den inloggade handläggaren själv har registrerat.", "själv"),
        ("ref response", "Endast öppna ärenden; avslutade via arkivmodulen (tillägg).", "(tillägg)"),
        ("header", "X-Export-Charge", "X-Export-Charge"),
    ],
    ids=["beta-badge", "internal-server", "add-on-key", "staff-scope", "reserved", "for-payment",
         "not-standard", "first-1000", "own-cases", "ref-response", "charge-header"],
)  # fmt: skip
def test_a_listing_limited_beside_its_own_words_is_no_evidence(
    tmp_path: Path, where: str, value: Any, marker: str
) -> None:
    outcome, reason = outcomes(tmp_path, _with(where, value))["DO-02"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("x-badges", [{"name": "New", "color": "green"}]),
        ("servers", [{"url": "https://export.norrdata.se/v1"}]),
        ("scheme", "API-nyckel för integrationer."),
        ("scope", "Endast för administratörer."),
        ("description", "Returns every case. The field legacyId is reserved for future use."),
        ("description", "Ersättningar som betalats ut, mot kvitto."),
        ("response", "Returns the first 100 cases per page; use offset for the rest."),
        ("response", "Only the cases the authenticated user may see."),
        ("ref response", "Alla ärenden, öppna och avslutade."),
        ("header", "X-Total-Count"),
    ],
    ids=["new-badge", "public-server", "plain-key", "admin-scope", "reserved-field",
         "reimbursements", "first-100-per-page", "visible-cases", "ref-response", "count-header"],
)  # fmt: skip
def test_look_alikes_keep_the_listing(tmp_path: Path, where: str, value: Any) -> None:
    outcome, reason = outcomes(tmp_path, _with(where, value))["DO-02"]
    assert outcome == "met", reason


def _page_of(doc: dict[str, Any]) -> dict[str, Any]:
    content = doc["paths"]["/cases"]["get"]["responses"]["200"]["content"]["application/json"]
    content["schema"] = copy.deepcopy(PAGE)
    return content["schema"]


def test_an_offset_whose_ref_sibling_says_it_is_ignored_pages_nothing(tmp_path: Path) -> None:
    doc = _listing()
    doc["openapi"] = "3.1.0"
    _page_of(doc)
    doc["components"]["parameters"] = {
        "offset": {"name": "offset", "in": "query", "schema": {"type": "integer"}}
    }
    reference = {"$ref": "#/components/parameters/offset", "description": "Startposition."}
    doc["paths"]["/cases"]["get"]["parameters"] = [reference]
    assert "no pagination" not in outcomes(tmp_path, doc)["API-11"][1]
    reference["description"] = "Ignoreras; endast första sidan returneras."
    assert "no pagination" in outcomes(tmp_path, doc)["API-11"][1]


def test_a_deprecated_or_always_empty_next_pages_nothing(tmp_path: Path) -> None:
    doc = _listing()
    _page_of(doc)["properties"]["next"] = {"type": "string"}
    assert "no pagination" not in outcomes(tmp_path, doc)["API-11"][1]
    _page_of(doc)["properties"]["next"] = {"type": "string", "deprecated": True}
    assert "no pagination" in outcomes(tmp_path, doc)["API-11"][1]
    _page_of(doc)
    response = doc["paths"]["/cases"]["get"]["responses"]["200"]
    response["headers"] = {"Link": {"schema": {"type": "string"}}}
    assert "no pagination" not in outcomes(tmp_path, doc)["API-11"][1]
    response["headers"] = {"Link": {"schema": {"type": "string", "maxLength": 0}}}
    assert "no pagination" in outcomes(tmp_path, doc)["API-11"][1]


@pytest.mark.parametrize(
    ("address", "outcome"),
    [
        ({"pattern": "^https://hooks\\.norrdata\\.se/"}, "not_met"),
        ({"readOnly": True, "description": "Sätts av Norrdata"}, "not_met"),
        ({"pattern": "^https://"}, "met"),
        ({"pattern": "^https?://[a-z0-9.-]+/"}, "met"),
    ],
    ids=["one-host", "read-only", "https-only", "any-host"],
)
def test_callbacks_to_an_address_the_subscriber_cannot_choose_notify_nobody(
    tmp_path: Path, address: dict[str, Any], outcome: str
) -> None:
    doc = _listing()
    doc["paths"]["/subscriptions"] = {"post": copy.deepcopy(SUBSCRIBE)}
    body = doc["paths"]["/subscriptions"]["post"]["requestBody"]["content"]["application/json"]
    body["schema"]["properties"]["callbackUrl"].update(address)
    got, reason = outcomes(tmp_path, doc)["API-12"]
    assert got == outcome, reason


def test_a_billable_webhook_is_no_notification_to_rely_on(tmp_path: Path) -> None:
    doc = _listing()
    doc["openapi"] = "3.1.0"
    hook = {"description": "Skickas när ett ärende ändras.", "responses": {"200": {"description": "ok"}}}  # fmt: skip
    doc["webhooks"] = {"caseChanged": {"post": hook}}
    assert outcomes(tmp_path, doc)["API-12"][0] == "met"
    hook["description"] = "Enabled per customer by Professional Services (billable)."
    assert outcomes(tmp_path, doc)["API-12"][0] == "not_verified"


def test_a_write_charged_a_handling_fee_is_no_open_write(tmp_path: Path) -> None:
    doc = _listing()
    accepted = {"description": "Tas emot och genomförs asynkront."}
    doc["paths"]["/cases"]["post"] = {
        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
        "responses": {"202": accepted},
    }  # fmt: skip
    assert outcomes(tmp_path, doc)["API-05"][0] == "met"
    accepted["description"] = "Granskas manuellt innan den genomförs (handläggningsavgift)."
    outcome, reason = outcomes(tmp_path, doc)["API-05"]
    assert outcome == "not_verified" and "Granskas manuellt" in reason, reason
