"""Attack round 13, API descriptions: documents handed out only as page images, webhooks that
never say which record changed or are sent only in office hours, a callback address read from
a field the subscription does not have, writes signed with a key only the vendor's client
holds or needing an ETag nobody gives, a sandbox as the only server, listings read from a copy
refreshed once a year; and a polymorphic listing (`anyOf` of `allOf [Case, …]` variants),
which lists its base type. Each changes the targeted verdict; the look-alikes keep theirs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import outcomes

_PROBLEM = {
    "description": "Fel",
    "content": {
        "application/problem+json": {
            "schema": {"$ref": "#/components/schemas/Problem"},
            "example": {"type": "about:blank", "title": "Fel", "status": 400},
        }
    },
}


def _ops(name: str, tag: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A list and create path item, and a read and update path item, of `name`."""
    ref = {"$ref": f"#/components/schemas/{name}"}
    body = {
        "required": True,
        "content": {"application/json": {"schema": ref, "example": {"id": "1"}}},
    }
    one = {
        "description": "Posten",
        "content": {"application/json": {"schema": ref, "example": {"id": "1"}}},
    }
    listing = {
        "get": {
            "operationId": f"list{name}",
            "summary": f"Lista {tag}",
            "description": f"Alla {tag}, sidvis.",
            "parameters": [
                {
                    "name": "offset",
                    "in": "query",
                    "description": "Startposition",
                    "schema": {"type": "integer"},
                },
                {
                    "name": "modifiedSince",
                    "in": "query",
                    "description": "Ändrade efter",
                    "schema": {"type": "string", "format": "date-time"},
                },
            ],
            "responses": {
                "200": {
                    "description": "En sida",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": f"#/components/schemas/{name}Page"},
                            "example": {"items": []},
                        }
                    },
                },
                "400": _PROBLEM,
            },
        },
        "post": {
            "operationId": f"create{name}",
            "summary": f"Skapa {tag}",
            "description": "Skapar en post.",
            "requestBody": body,
            "responses": {"201": copy.deepcopy(one), "400": _PROBLEM},
        },
    }
    item = {
        "parameters": [
            {
                "name": "id",
                "in": "path",
                "required": True,
                "description": "Id",
                "schema": {"type": "string"},
            }
        ],
        "get": {
            "operationId": f"get{name}",
            "summary": "Hämta en post",
            "description": "En post.",
            "responses": {"200": copy.deepcopy(one), "404": _PROBLEM},
        },
        "put": {
            "operationId": f"update{name}",
            "summary": "Uppdatera en post",
            "description": "Ersätter posten.",
            "requestBody": copy.deepcopy(body),
            "responses": {"200": copy.deepcopy(one), "404": _PROBLEM},
        },
    }
    return listing, item


def _api() -> dict[str, Any]:
    """A small open API (OpenAPI 3.1): cases and decisions listed, read, created and updated,
    a webhook on changed cases with the case as its body."""
    cases, case = _ops("Case", "ärenden")
    decisions, decision = _ops("Decision", "beslut")

    def obj(extra: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "description": "En post",
            "required": ["id"],
            "properties": {
                "id": {"type": "string", "description": "Id"},
                "modified": {"type": "string", "format": "date-time", "description": "Ändrad"},
                **extra,
            },
        }

    def page(name: str) -> dict[str, Any]:
        return {
            "type": "object",
            "description": "En sida",
            "properties": {
                "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{name}"}},
                "next": {"type": ["string", "null"], "description": "Nästa sida"},
            },
        }

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Ärende API",
            "version": "1.0.0",
            "description": "Läs och skriv ärenden.",
            "contact": {"email": "api@example.se"},
            "license": {"name": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        },
        "servers": [{"url": "https://api.norrdata.se/v1"}],
        "security": [{"oauth": ["read", "write"]}],
        "paths": {"/cases": cases, "/cases/{id}": case, "/decisions": decisions, "/decisions/{id}": decision},
        "webhooks": {
            "caseChanged": {
                "post": {
                    "operationId": "caseChanged",
                    "summary": "Ett ärende har ändrats",
                    "description": "Skickas när ett ärende ändras.",
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
                    "responses": {"200": {"description": "Mottaget"}},
                }
            }
        },
        "components": {
            "securitySchemes": {
                "oauth": {
                    "type": "oauth2",
                    "description": "OAuth 2.0",
                    "flows": {
                        "authorizationCode": {
                            "authorizationUrl": "https://login.norrdata.se/authorize",
                            "tokenUrl": "https://login.norrdata.se/token",
                            "scopes": {"read": "Läsa", "write": "Skriva"},
                        }
                    },
                }
            },
            "schemas": {
                "Case": obj({"title": {"type": "string", "description": "Rubrik"}}),
                "Decision": obj({"text": {"type": "string", "description": "Beslutstext"}}),
                "CasePage": page("Case"),
                "DecisionPage": page("Decision"),
                "Problem": {
                    "type": "object",
                    "description": "RFC 9457",
                    "properties": {k: {"type": "string"} for k in ("type", "title", "detail", "instance")} | {"status": {"type": "integer"}},
                },
            },
        },
    }  # fmt: skip


def test_the_base_is_met(tmp_path: Path) -> None:
    got = outcomes(tmp_path, _api())
    for requirement in ("DO-02", "DO-03", "API-05", "API-12"):
        assert got[requirement][0] == "met", (requirement, got[requirement])


# --- DO-03: documents only as page images (a02) ---------------------------------------------


def _documents(description: str, media: tuple[str, ...] = ("image/png",)) -> dict[str, Any]:
    doc = _api()
    doc["paths"]["/cases/{id}/documents/{docId}"] = {
        "get": {
            "operationId": "getDocument",
            "summary": "Hämta en handling",
            "description": description,
            "parameters": [{"name": n, "in": "path", "required": True, "description": n, "schema": {"type": "string"}} for n in ("id", "docId")],
            "responses": {"200": {"description": "Handlingen", "content": {m: {"schema": {"type": "string", "format": "binary"}} for m in media}}},
        }
    }  # fmt: skip
    return doc


@pytest.mark.parametrize(
    ("description", "marker"),
    [
        ("Handlingens sidor som bilder (en PNG per sida). Originalfilen lämnas inte ut via API:et.", "Originalfilen lämnas inte ut"),
        ("Pages as PNG images. The original files are not available through the API.", "original files are not available"),
    ],
    ids=["sv", "en"],
)  # fmt: skip
def test_originals_not_handed_out_leave_open_formats_unverified(
    tmp_path: Path, description: str, marker: str
) -> None:
    got = outcomes(tmp_path, _documents(description))
    outcome, reason = got["DO-03"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    ("description", "media"),
    [
        ("Originalfilen i PDF/A, eller en förhandsvisning som PNG.", ("application/pdf", "image/png")),
        ("The original file as uploaded; a PNG preview is also available.", ("application/octet-stream", "image/png")),
    ],
    ids=["pdfa-and-preview", "original-and-preview"],
)  # fmt: skip
def test_originals_with_a_preview_stay_open(
    tmp_path: Path, description: str, media: tuple[str, ...]
) -> None:
    assert outcomes(tmp_path, _documents(description, media))["DO-03"][0] == "met"


# --- API-12: webhooks that name no record or keep office hours (a04, a11) --------------------


def _webhook(description: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    doc = _api()
    hook = doc["webhooks"]["caseChanged"]["post"]
    hook["description"] = description
    if body is not None:
        hook["requestBody"]["content"]["application/json"]["schema"] = body
    return doc


@pytest.mark.parametrize(
    ("description", "body", "marker"),
    [
        ("Skickas när något ärende har ändrats; meddelandet anger inte vilket ärende.", None, "anger inte vilket"),
        ("Sent when a case changes; the message does not say which case.", None, "does not say which"),
        ("Skickas när något ärende har ändrats.", {"type": "object", "properties": {"event": {"type": "string", "enum": ["changed"]}}}, "{event}"),
        ("Skickas vardagar 08.00–17.00. Ändringar utanför denna tid aviseras inte.", None, "Skickas vardagar"),
        ("Delivered on weekdays between 8 and 17 only.", None, "Delivered on weekdays"),
        ("Changes outside business hours are not notified.", None, "outside business hours"),
    ],
    ids=["no-record-sv", "no-record-en", "only-an-event-name", "office-hours-sv", "weekdays-en", "outside-hours-en"],
)  # fmt: skip
def test_a_webhook_that_cannot_tell_every_change_is_not_relied_on(
    tmp_path: Path, description: str, body: dict[str, Any] | None, marker: str
) -> None:
    outcome, reason = outcomes(tmp_path, _webhook(description, body))["API-12"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    ("description", "body"),
    [
        ("Skickas dygnet runt när ett ärende ändras; meddelandet innehåller ärendets id och ändringstid.", None),
        ("Sent around the clock; failed deliveries are retried during business hours.", None),
        ("Skickas när ett ärende ändras; misslyckade leveranser försöks igen under kontorstid.", None),
        ("Sent when a case changes.", {"type": "object", "properties": {"event": {"type": "string", "enum": ["changed"]}, "href": {"type": "string", "format": "uri"}}}),
        ("Sent when a case changes.", {"type": "object", "properties": {"event": {"const": "changed"}, "caseId": {"type": "string"}}}),
    ],
    ids=["always-with-id", "retries-in-office-hours-en", "retries-in-office-hours-sv", "href", "id"],
)  # fmt: skip
def test_webhook_look_alikes_stay_met(
    tmp_path: Path, description: str, body: dict[str, Any] | None
) -> None:
    assert outcomes(tmp_path, _webhook(description, body))["API-12"][0] == "met"


# --- API-12: a callback address read from a field the body lacks (f22) -----------------------


def _subscription(fields: tuple[str, ...], expression: str) -> dict[str, Any]:
    doc = _api()
    doc.pop("webhooks")
    props = {name: {"type": "string"} for name in fields}
    doc["paths"]["/subscriptions"] = {
        "post": {
            "operationId": "subscribe",
            "summary": "Prenumerera på ändringar",
            "description": "Startar en prenumeration.",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "properties": props}}}},
            "responses": {"201": {"description": "Skapad"}, "400": _PROBLEM},
            "callbacks": {"onChange": {expression: {"post": {
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
                "responses": {"200": {"description": "Mottaget"}},
            }}}},
        }
    }  # fmt: skip
    return doc


def test_a_callback_address_from_a_missing_field_notifies_nobody(tmp_path: Path) -> None:
    doc = _subscription(("events",), "{$request.body#/callbackUrl}")
    outcome, reason = outcomes(tmp_path, doc)["API-12"]
    assert outcome == "not_verified" and "{$request.body#/callbackUrl}" in reason, reason
    doc = _subscription(("events",), "{$request.query.target}")
    assert outcomes(tmp_path, doc)["API-12"][0] == "not_verified"


@pytest.mark.parametrize(
    ("fields", "expression"),
    [
        (("events", "callbackUrl"), "{$request.body#/callbackUrl}"),
        (("events", "callbackUrl"), "https://example.se/hooks?to={$request.body#/callbackUrl}"),
    ],
    ids=["field-there", "field-there-in-a-url"],
)
def test_a_callback_address_from_a_field_the_body_has_counts(
    tmp_path: Path, fields: tuple[str, ...], expression: str
) -> None:
    assert outcomes(tmp_path, _subscription(fields, expression))["API-12"][0] == "met"


# --- API-05: a key only the vendor's client holds, an ETag nobody gives (a05, a12) -----------


def _signed(description: str) -> dict[str, Any]:
    doc = _api()
    header = {"name": "X-Signatur", "in": "header", "required": True, "description": description, "schema": {"type": "string"}}  # fmt: skip
    for path, method in (("/cases", "post"), ("/decisions", "post"), ("/cases/{id}", "put"), ("/decisions/{id}", "put")):  # fmt: skip
        doc["paths"][path][method]["parameters"] = [header]
    return doc


@pytest.mark.parametrize(
    ("description", "marker"),
    [
        ("HMAC av anropet med signeringsnyckeln i Norrdatas klientprogram. Nyckeln lämnas inte ut.", "HMAC av anropet med"),
        ("HMAC av anropet. Nyckeln lämnas inte ut.", "HMAC av anropet."),
        ("HMAC signature made with the signing key in Acme's client application.", "HMAC signature made"),
        ("Signature of the request. The signing key is never handed out.", "Signature of the"),
    ],
    ids=["vendor-client-sv", "key-not-handed-out-sv", "vendor-client-en", "never-handed-out-en"],
)  # fmt: skip
def test_writes_signed_with_the_vendors_key_show_no_working_write(
    tmp_path: Path, description: str, marker: str
) -> None:
    outcome, reason = outcomes(tmp_path, _signed(description))["API-05"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    "description",
    [
        "HMAC av anropet med er klientnyckel, som ni får vid registreringen.",
        "HMAC-SHA256 of the body with the client secret issued to you in the developer portal.",
        "Signature made with your private key; the key is never shared with us.",
    ],
    ids=["own-key-sv", "client-secret-en", "own-private-key"],
)
def test_writes_signed_with_the_buyers_key_count(tmp_path: Path, description: str) -> None:
    assert outcomes(tmp_path, _signed(description))["API-05"][0] == "met"


def test_mtls_writes_count(tmp_path: Path) -> None:
    doc = _api()
    doc["components"]["securitySchemes"]["mtls"] = {"type": "mutualTLS", "description": "Klientcertifikat utfärdat till kunden."}  # fmt: skip
    doc["security"] = [{"oauth": ["read", "write"], "mtls": []}]
    assert outcomes(tmp_path, doc)["API-05"][0] == "met"


def _if_match(description: str, etag_on_get: bool) -> dict[str, Any]:
    doc = _api()
    header = {"name": "If-Match", "in": "header", "required": True, "description": description, "schema": {"type": "string"}}  # fmt: skip
    for path in ("/cases", "/decisions"):
        doc["paths"][path].pop("post")
    for path in ("/cases/{id}", "/decisions/{id}"):
        doc["paths"][path]["put"]["parameters"] = [header]
        if etag_on_get:
            doc["paths"][path]["get"]["responses"]["200"]["headers"] = {"ETag": {"description": "Postens version", "schema": {"type": "string"}}}  # fmt: skip
    return doc


def test_an_update_needing_an_etag_nobody_gives_is_no_working_write(tmp_path: Path) -> None:
    """a12, borderline: a server may send undocumented ETags, but the description gives a
    client nothing to send, so the write is not verified (not 'not met')."""
    outcome, reason = outcomes(tmp_path, _if_match("Postens aktuella ETag.", False))["API-05"]
    assert outcome == "not_verified" and "If-Match" in reason, reason


@pytest.mark.parametrize(
    ("description", "etag_on_get"),
    [("Postens aktuella ETag.", True), ("Postens ETag, från GET.", False), ("ETag, or * for any version.", False)],
    ids=["etag-documented", "source-named", "star"],
)  # fmt: skip
def test_an_update_needing_a_documented_etag_counts(
    tmp_path: Path, description: str, etag_on_get: bool
) -> None:
    assert outcomes(tmp_path, _if_match(description, etag_on_get))["API-05"][0] == "met"


# --- DO-02: a sandbox as the only server, a copy refreshed once a year (a08, a09) ------------


@pytest.mark.parametrize(
    ("servers", "marker"),
    [
        ([{"url": "https://sandbox.norrdata.se/v1", "description": "Testmiljö med syntetiska data. Produktionsmiljön nås endast via Norrdatas VPN efter särskild ansökan."}], "syntetiska data"),
        ([{"url": "https://api.norrdata.se/sandbox", "description": "Sandbox environment with synthetic data."}], "synthetic data"),
    ],
    ids=["sv", "en"],
)  # fmt: skip
def test_a_test_environment_as_the_only_server_is_no_evidence_of_export(
    tmp_path: Path, servers: list[dict[str, str]], marker: str
) -> None:
    doc = _api()
    doc["servers"] = servers
    outcome, reason = outcomes(tmp_path, doc)["DO-02"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    "servers",
    [
        [{"url": "https://api.norrdata.se/v1", "description": "Produktion"}, {"url": "https://sandbox.norrdata.se/v1", "description": "Testmiljö med syntetiska data"}],
        [{"url": "https://sandbox.norrdata.se/v1", "description": "Sandbox"}],
    ],
    ids=["production-beside", "sandbox-said-no-more"],
)  # fmt: skip
def test_a_sandbox_beside_production_keeps_export(
    tmp_path: Path, servers: list[dict[str, str]]
) -> None:
    doc = _api()
    doc["servers"] = servers
    assert outcomes(tmp_path, doc)["DO-02"][0] == "met"


def _listed(description: str) -> dict[str, Any]:
    doc = _api()
    for path in ("/cases", "/decisions"):
        doc["paths"][path]["get"]["description"] = description
    return doc


@pytest.mark.parametrize(
    ("description", "marker"),
    [
        ("Listar poster ur rapportdatabasen, som läses in från produktionen en gång per år (i januari).", "rapportdatabasen"),
        ("Lists records from the reporting database, which is refreshed from production once a year.", "reporting database"),
        ("Reads a snapshot that is updated quarterly.", "snapshot"),
    ],
    ids=["yearly-sv", "yearly-en", "quarterly-en"],
)  # fmt: skip
def test_a_listing_from_a_stale_copy_is_no_evidence_of_export(
    tmp_path: Path, description: str, marker: str
) -> None:
    outcome, reason = outcomes(tmp_path, _listed(description))["DO-02"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    "description",
    [
        "Listar poster ur en nattlig replik som uppdateras var femte minut.",
        "Lists records from a replica refreshed every few minutes.",
        "Reads the reporting database, refreshed hourly.",
        "Alla ärenden, sidvis; arkivet gallras en gång per år enligt dokumenthanteringsplanen.",
    ],
    ids=["replica-minutes-sv", "replica-minutes-en", "hourly", "yearly-not-a-copy"],
)
def test_a_listing_from_a_fresh_copy_keeps_export(tmp_path: Path, description: str) -> None:
    assert outcomes(tmp_path, _listed(description))["DO-02"][0] == "met"


# --- DO-02: a polymorphic listing lists its base type (r09) -----------------------------------


@pytest.mark.parametrize("keyword", ["anyOf", "oneOf"])
def test_a_polymorphic_listing_lists_its_base_type(tmp_path: Path, keyword: str) -> None:
    doc = _api()
    schemas = doc["components"]["schemas"]
    for i in range(300):  # more than the variants read at each end
        schemas[f"V{i}"] = {"allOf": [{"$ref": "#/components/schemas/Case"}, {"type": "object", "properties": {f"x{i}": {"type": "string"}}}]}  # fmt: skip
    variants = [{"$ref": f"#/components/schemas/V{i}"} for i in range(300)]
    schemas["CasePage"]["properties"]["items"]["items"] = {keyword: variants}
    assert outcomes(tmp_path, doc)["DO-02"][0] == "met"


def test_a_listing_of_unrelated_variants_names_no_type(tmp_path: Path) -> None:
    doc = _api()
    schemas = doc["components"]["schemas"]
    schemas["Other"] = {"type": "object", "properties": {"id": {"type": "string"}, "x": {"type": "string"}}}  # fmt: skip
    items = {"oneOf": [{"$ref": "#/components/schemas/Other"}, {"$ref": "#/components/schemas/Decision"}]}  # fmt: skip
    schemas["CasePage"]["properties"]["items"]["items"] = items
    outcome, reason = outcomes(tmp_path, doc)["DO-02"]
    assert outcome == "not_met" and "Case" in reason, reason


def test_a_callback_address_from_an_undescribed_body_counts(tmp_path: Path) -> None:
    doc = _subscription(("events",), "{$request.body#/callbackUrl}")
    del doc["paths"]["/subscriptions"]["post"]["requestBody"]
    assert outcomes(tmp_path, doc)["API-12"][0] == "met"
