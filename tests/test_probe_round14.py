"""Attack round 14, API descriptions: a yearly quota of records, a webhook only for cases from
the e-service, writes taking the record as one form field in the vendor's import format, a
change filter withdrawn (deprecated, 410 Gone) beside a webhook, an "OAuth-like" password
flow with the password in the URL, listings only as plain text in the vendor's fixed-width
layout, the buyer's own fields left out of a type. Each changes the targeted verdict; the
look-alikes keep theirs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import outcomes
from test_probe_round13 import _api


def _listing(description: str) -> dict[str, Any]:
    doc = _api()
    for path in ("/cases", "/decisions"):
        doc["paths"][path]["get"]["description"] = description
    return doc


# --- DO-02: a yearly quota of records (a02) --------------------------------------------------


@pytest.mark.parametrize(
    ("description", "marker"),
    [
        ("Alla poster sidvis. Högst 50 000 poster per kund och kalenderår; därefter svarar tjänsten 403 till årets slut.", "Högst 50 000 poster"),
        ("All records, paged. At most 20,000 records per customer and year.", "20,000 records"),
        ("Alla poster sidvis. Högst 5000 ärenden per månad.", "5000 ärenden per månad"),
    ],
    ids=["sv-year", "en-year", "sv-month"],
)  # fmt: skip
def test_a_small_quota_of_records_is_no_evidence_of_export(
    tmp_path: Path, description: str, marker: str
) -> None:
    outcome, reason = outcomes(tmp_path, _listing(description))["DO-02"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    "description",
    [
        "Alla poster sidvis. Högst 50 000 000 poster per kund och kalenderår.",
        "Alla poster sidvis. I sandlådan högst 50 000 poster per kund och år.",
        "Alla poster sidvis, högst 100 poster per sida.",
        "All records, paged; up to 500 records per page.",
    ],
    ids=["far-above-volume", "sandbox", "page-size-sv", "page-size-en"],
)
def test_a_quota_far_above_any_volume_or_of_a_sandbox_keeps_export(
    tmp_path: Path, description: str
) -> None:
    assert outcomes(tmp_path, _listing(description))["DO-02"][0] == "met"


# --- API-12: a webhook only for cases from one channel (a03) ---------------------------------


def _webhook(description: str) -> dict[str, Any]:
    doc = _api()
    doc["webhooks"]["caseChanged"]["post"]["description"] = description
    return doc


@pytest.mark.parametrize(
    ("description", "marker"),
    [
        ("Skickas när ett ärende som har skapats via e-tjänsten ändras.", "ärende som har skapats via e-tjänsten"),
        ("Sent when a case that was submitted through the portal changes.", "case that was submitted through the portal"),
    ],
    ids=["sv", "en"],
)  # fmt: skip
def test_a_webhook_for_one_channel_only_is_not_relied_on(
    tmp_path: Path, description: str, marker: str
) -> None:
    outcome, reason = outcomes(tmp_path, _webhook(description))["API-12"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    "description",
    [
        "Skickas när ett ärende ändras. Filtrera på kanal, t.ex. ärenden som inkommit via e-tjänsten, med parametern channel.",
        "Skickas när ett ärende ändras, oavsett om ärendet har skapats via e-tjänsten eller av en handläggare.",
        "Sent when any case changes; subscribers may filter by channel.",
    ],
    ids=["channel-filter-sv", "all-channels-sv", "channel-filter-en"],
)
def test_a_webhook_for_all_cases_with_a_channel_filter_stays_met(
    tmp_path: Path, description: str
) -> None:
    assert outcomes(tmp_path, _webhook(description))["API-12"][0] == "met"


# --- API-05: the record as one form field in the vendor's import format (a04) ----------------


def _form_write(description: str) -> dict[str, Any]:
    doc = _api()
    body = {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "required": ["ndi"],
                    "properties": {"ndi": {"type": "string", "description": description}},
                }
            }
        },
    }
    for path, method in (
        ("/cases", "post"),
        ("/cases/{id}", "put"),
        ("/decisions", "post"),
        ("/decisions/{id}", "put"),
    ):
        doc["paths"][path][method]["requestBody"] = body
    return doc  # fmt: skip


@pytest.mark.parametrize(
    ("description", "marker"),
    [
        (
            "Posten i Norrdatas importformat NDI (specifikationen ingår i Norrdata Utvecklarpaket).",
            "importformat",
        ),
        ("The record in Acme's proprietary format.", "proprietary format"),
    ],
    ids=["sv", "en"],
)
def test_a_write_of_one_field_in_the_vendors_format_is_no_working_write(
    tmp_path: Path, description: str, marker: str
) -> None:
    outcome, reason = outcomes(tmp_path, _form_write(description))["API-05"]
    assert outcome != "met" and marker in reason, reason


def test_a_json_write_with_an_optional_free_text_field_counts(tmp_path: Path) -> None:
    doc = _api()
    doc["components"]["schemas"]["Case"]["properties"]["note"] = {
        "type": "string",
        "description": "Fri text i valfritt format, t.ex. exporterad från ett annat system.",
    }
    assert outcomes(tmp_path, doc)["API-05"][0] == "met"


def test_a_write_of_one_comment_field_counts(tmp_path: Path) -> None:
    assert outcomes(tmp_path, _form_write("Kommentaren i Markdown-format."))["API-05"][0] == "met"


# --- API-11: a change filter withdrawn beside a webhook (a05) --------------------------------


def _filter(description: str, *, deprecated: bool, successor: bool = False) -> dict[str, Any]:
    doc = _api()
    for path in ("/cases", "/decisions"):
        params = doc["paths"][path]["get"]["parameters"]
        since = params[1]
        since["description"] = description
        if deprecated:
            since["deprecated"] = True
        if successor:
            params.append({"name": "updatedAfter", "in": "query", "description": "Ändrade efter denna tid", "schema": {"type": "string", "format": "date-time"}})  # fmt: skip
    return doc


@pytest.mark.parametrize(
    ("description", "deprecated"),
    [
        ("Stöds inte sedan version 1.3; anrop med parametern besvaras med 410 Gone.", True),
        ("This parameter is ignored.", False),
    ],
    ids=["deprecated-410", "ignored"],
)
def test_a_withdrawn_change_filter_is_not_made_up_for_by_a_webhook(
    tmp_path: Path, description: str, deprecated: bool
) -> None:
    outcome, reason = outcomes(tmp_path, _filter(description, deprecated=deprecated))["API-11"]
    assert outcome == "not_verified" and "modifiedSince" in reason, reason


def test_a_deprecated_filter_with_a_successor_stays_met(tmp_path: Path) -> None:
    doc = _filter("Ersätts av updatedAfter.", deprecated=True, successor=True)
    assert outcomes(tmp_path, doc)["API-11"][0] == "met"


def test_a_webhook_without_any_change_filter_stays_met(tmp_path: Path) -> None:
    """Webhooks alone still answer API-11 where the API never had a change filter (the check's
    documented rule); only a filter taken away is not made up for."""
    doc = _api()
    for path in ("/cases", "/decisions"):
        del doc["paths"][path]["get"]["parameters"][1]
    assert outcomes(tmp_path, doc)["API-11"][0] == "met"


# --- API-03: an "OAuth-like" password flow, the password in the URL (a06) --------------------


def _scheme(description: str, flows: dict[str, Any]) -> dict[str, Any]:
    doc = _api()
    doc["components"]["securitySchemes"]["oauth"] = {
        "type": "oauth2",
        "description": description,
        "flows": flows,
    }
    return doc


_SCOPES = {"read": "Läsa", "write": "Skriva"}


@pytest.mark.parametrize(
    ("description", "flows", "marker"),
    [
        ("OAuth-liknande flöde: användarnamn och lösenord skickas som frågeparametrar till /login.", {"password": {"tokenUrl": "https://api.norrdata.se/v1/login?user={user}&pwd={pwd}", "scopes": _SCOPES}}, "pwd="),
        ("Lösenordet skickas som frågeparameter.", {"password": {"tokenUrl": "https://api.norrdata.se/v1/login", "scopes": _SCOPES}}, "Lösenordet skickas som frågeparameter"),
        ("OAuth-liknande inloggning med användarnamn och lösenord.", {"password": {"tokenUrl": "https://api.norrdata.se/v1/login", "scopes": _SCOPES}}, "OAuth-liknande"),
    ],
    ids=["password-in-token-url", "password-as-query-parameter", "oauth-like-password-flow"],
)  # fmt: skip
def test_an_oauth_like_password_flow_is_not_standard(
    tmp_path: Path, description: str, flows: dict[str, Any], marker: str
) -> None:
    outcome, reason = outcomes(tmp_path, _scheme(description, flows))["API-03"]
    assert outcome != "met" and marker in reason, reason


@pytest.mark.parametrize(
    ("description", "flows"),
    [
        ("OAuth 2.0-liknande inloggning via Azure AD.", {"authorizationCode": {"authorizationUrl": "https://login.microsoftonline.com/x/oauth2/v2.0/authorize", "tokenUrl": "https://login.microsoftonline.com/x/oauth2/v2.0/token", "scopes": _SCOPES}}),
        ("Inloggning med OAuth 2.0, klientuppgifter (client credentials).", {"clientCredentials": {"tokenUrl": "https://login.norrdata.se/token", "scopes": _SCOPES}}),
        ("Lösenordet skickas aldrig i URL:en utan i anropets kropp.", {"authorizationCode": {"authorizationUrl": "https://login.norrdata.se/authorize", "tokenUrl": "https://login.norrdata.se/token", "scopes": _SCOPES}}),
    ],
    ids=["azure-ad-authorization-code", "client-credentials", "password-in-body"],
)  # fmt: skip
def test_a_real_oauth_flow_described_in_swedish_stays_met(
    tmp_path: Path, description: str, flows: dict[str, Any]
) -> None:
    assert outcomes(tmp_path, _scheme(description, flows))["API-03"][0] == "met"


# --- DO-03: listings only as plain text in the vendor's layout (a07) -------------------------


def _plain_listing(description: str, *, beside_json: bool) -> dict[str, Any]:
    doc = _api()
    for path in ("/cases", "/decisions"):
        response = doc["paths"][path]["get"]["responses"]["200"]
        response["description"] = description
        content = response["content"]
        plain = {"schema": {"type": "string"}, "example": "000001ÄRENDE    2026-01-01"}
        response["content"] = {"text/plain": plain, **(content if beside_json else {})}
    return doc


@pytest.mark.parametrize(
    ("description", "marker"),
    [
        ("Poster i fastbreddsformat enligt Norrdatas postlayout NDL-7 (kolumnpositioner i Norrdata Utvecklarpaket).", "fastbreddsformat"),
        ("Records in Acme's fixed-width layout.", "fixed-width"),
    ],
    ids=["sv", "en"],
)  # fmt: skip
def test_plain_text_in_the_vendors_layout_is_not_open(
    tmp_path: Path, description: str, marker: str
) -> None:
    outcome, reason = outcomes(tmp_path, _plain_listing(description, beside_json=False))["DO-03"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    "description",
    [
        "En sida ärenden som JSON, eller som läsbar text (text/plain).",
        "One page of cases, as JSON or as plain text.",
    ],
    ids=["sv", "en"],
)
def test_plain_text_beside_json_stays_open(tmp_path: Path, description: str) -> None:
    assert outcomes(tmp_path, _plain_listing(description, beside_json=True))["DO-03"][0] == "met"


# --- API-04: the buyer's own fields left out (a08) --------------------------------------------


def _described(description: str) -> dict[str, Any]:
    doc = _api()
    for name in ("Case", "Decision"):
        doc["components"]["schemas"][name]["description"] = description
    return doc


@pytest.mark.parametrize(
    ("description", "marker"),
    [
        ("Ett ärende. Egna fält som kommunen har lagt till ingår inte i API:et.", "Egna fält"),
        ("A case. Custom fields added by the customer are not included.", "Custom fields"),
    ],
    ids=["sv", "en"],
)
def test_the_buyers_own_fields_left_out_leave_complete_data_unverified(
    tmp_path: Path, description: str, marker: str
) -> None:
    outcome, reason = outcomes(tmp_path, _described(description))["API-04"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    "description",
    [
        "Ett ärende. Egna fält som kommunen har lagt till ingår i objektet extensions.",
        "A case. Custom fields are not included unless expand=customFields is given.",
        "Ett ärende. Egna fält ingår inte i listan utan hämtas via /cases/{id}/extensions.",
    ],
    ids=["extensions-object", "expand", "separate-endpoint"],
)
def test_the_buyers_own_fields_included_or_reachable_keep_complete_data(
    tmp_path: Path, description: str
) -> None:
    doc = _described(description)
    doc["components"]["schemas"]["Case"]["properties"]["extensions"] = {
        "type": "object",
        "description": "Kommunens egna fält",
        "additionalProperties": True,
    }
    assert outcomes(tmp_path, doc)["API-04"][0] == "met"
