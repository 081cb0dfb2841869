"""Attack round 11, API descriptions: a listing limited in words the vendor wrote beside the
operation (the description's summary, a tag or its `externalDocs`, a response example, the
page schema or one of its properties, the listed type, a security scheme's fee), or a write
whose body says the rest is changed only in the vendor's client. Each changes the targeted
verdict; the look-alikes keep theirs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import outcomes
from test_probe_round9 import PAGE, _listing


def _with(where: str, value: str) -> dict[str, Any]:
    """The listing with `value` written at `where`: the description's summary, a tag's
    description or `externalDocs` description, a response example, the page schema's `next`
    property, the listed type or a security scheme the listing requires."""
    doc = _listing()
    listed = doc["paths"]["/cases"]["get"]
    content = listed["responses"]["200"]["content"]["application/json"]
    if where == "info":
        doc["info"]["description"] = f"Ärendehantering för kommuner. {value}"
    elif where in ("tag", "tag docs"):
        tag: dict[str, Any] = {"name": "ärenden"}
        if where == "tag":
            tag["description"] = value
        else:
            tag["externalDocs"] = {"url": "https://example.se/docs", "description": value}
        doc["tags"] = [tag]
        listed["tags"] = ["ärenden"]
    elif where == "example":
        content["example"] = [{"id": "1", "notice": value}]
    elif where == "next":
        page = content["schema"] = copy.deepcopy(PAGE)
        page["properties"]["next"] = {"type": "string", "description": value}
        listed["parameters"] = [{"name": "cursor", "in": "query", "schema": {"type": "string"}}]
    elif where == "type":
        doc["components"]["schemas"]["Case"]["description"] = value
    elif where == "scheme":
        doc["components"]["securitySchemes"]["mtls"] = {"type": "mutualTLS", "description": value}
        listed["security"] = [{"oauth": [], "mtls": []}]
    return doc


@pytest.mark.parametrize(
    ("where", "value", "marker"),
    [
        ("info", "Listningsoperationer returnerar poster från de senaste 30 dagarna.", "senaste 30"),
        ("info", "Fullständig bulkexport finns i nivån Premium.", "nivån Premium"),
        ("tag docs", "Listning och export av ärenden kräver licensen Export Pro (tillval).", "Export Pro"),
        ("tag", "Listing cases requires the Enterprise plan.", "Enterprise"),
        ("example", "Ärenden äldre än innevarande år kräver tillägget Arkiv Export.", "kräver tillägget"),
        ("next", "Länk till nästa sida. Saknas efter sida 50 (högst 25 000 poster kan bläddras fram).", "sida 50"),
        ("next", "At most 10,000 records can be retrieved by paging.", "10,000"),
        ("type", "Sammanfattning. Handlingar och loggar kan inte hämtas via API:et.", "kan inte"),
        ("scheme", "Klientcertifikat utfärdas mot en engångsavgift om 15 000 kr.", "engångsavgift"),
    ],
    ids=["info-30-days", "info-premium", "tag-docs-licence", "tag-enterprise", "example-notice",
         "next-stops", "at-most-10000", "type-not-via-api", "scheme-fee"],
)  # fmt: skip
def test_a_listing_limited_in_words_beside_it_is_no_evidence(
    tmp_path: Path, where: str, value: str, marker: str
) -> None:
    got = outcomes(tmp_path, _with(where, value))
    for requirement in ("DO-02", "API-04"):
        outcome, reason = got[requirement]
        assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("info", "Listningsoperationer returnerar alla poster, sidvis."),
        ("info", "Bulkexport ingår utan extra kostnad."),
        ("tag docs", "Listning och export av ärenden beskrivs i guiden."),
        ("tag", "Cases: list, create and update cases."),
        ("example", "Bygglov för tillbyggnad av garage."),
        ("next", "Länk till nästa sida; saknas på sista sidan."),
        ("next", "Up to 100 items per page."),
        ("type", "Ett ärende. Handlingar hämtas via /cases/{id}/documents."),
        ("scheme", "Klientcertifikat utfärdas kostnadsfritt per integration."),
    ],
    ids=["info-all", "info-no-cost", "tag-docs-guide", "tag-plain", "example-plain",
         "next-last-page", "per-page", "type-documents", "scheme-free"],
)  # fmt: skip
def test_look_alikes_keep_the_listing(tmp_path: Path, where: str, value: str) -> None:
    got = outcomes(tmp_path, _with(where, value))
    assert got["DO-02"][0] == got["API-04"][0] == "met", got["DO-02"]


def _honest(where: str, value: str) -> dict[str, Any]:
    """The listing with `value` where the review of round 11 found honest descriptions read as
    limits: a record's field in the response example (or, for the limits kept, a notice beside
    the records), the listed type, a tag or the operation's own description."""
    if where in ("example record", "example page"):
        doc = _listing()
        doc["components"]["schemas"]["Case"]["properties"]["title"] = {"type": "string"}
        page = copy.deepcopy(PAGE)
        page["properties"]["items"]["items"] = {"$ref": "#/components/schemas/Case"}
        content = doc["paths"]["/cases"]["get"]["responses"]["200"]["content"]["application/json"]
        content["schema"] = page
        record = {"id": "1", "title": value if where == "example record" else "Bygglov"}
        content["example"] = {"items": [record], "next": None}
        if where == "example page":
            content["example"]["notice"] = value
        return doc
    if where == "operation":
        return _listing(description=value)
    return _with(where, value)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("example record", "Överklagande mot sanktionsavgift"),
        ("example record", "Faktura för årsavgift 2025"),
        ("type", "Ett ärende, t.ex. en ansökan om bygglov mot avgift enligt taxa."),
        ("tag", "Ärenden och deras avgifter. Varje ärende kan ha en engångsavgift."),
        ("tag", "Endpoints for cases. Requires a business identifier in the header."),
        ("operation", "Alla ärenden, sidvis. Upp till 500 poster kan hämtas per anrop; använd offset för nästa sida."),
        ("operation", "Lists all cases. Up to 500 items can be returned per page; use offset for the next page."),
    ],
    ids=["example-sanction-fee", "example-annual-fee", "type-permit-fee", "tag-one-off-fee",
         "tag-business-identifier", "page-size-sv", "page-size-en"],
)  # fmt: skip
def test_honest_look_alikes_of_review_11_keep_the_listing(
    tmp_path: Path, where: str, value: str
) -> None:
    """Review of round 11: a fee the records are about (in an example record, the listed type
    or a tag: no word on the API or access to it), "requires a business identifier" (no plan)
    and a page size ("per anrop", "per page") limit no listing."""
    got = outcomes(tmp_path, _honest(where, value))
    assert got["DO-02"][0] == got["API-04"][0] == "met", got["DO-02"]
    assert got["API-05"][0] == outcomes(tmp_path, _listing())["API-05"][0]


@pytest.mark.parametrize(
    ("where", "value", "marker"),
    [
        ("example page", "Ärenden äldre än ett år hämtas via API:et mot en årsavgift.", "årsavgift"),
        ("type", "Ett ärende. Historik finns tillgänglig mot avgift.", "mot avgift"),
        ("tag", "Ärenden. Export via API:et sker mot en årsavgift.", "årsavgift"),
        ("tag", "Cases. Listing requires a Business plan.", "Business plan"),
        ("operation", "Alla ärenden. Upp till 500 poster kan hämtas totalt.", "500 poster"),
        ("operation", "Alla ärenden mot en engångsavgift.", "engångsavgift"),
    ],
    ids=["example-notice-fee", "type-history-fee", "tag-api-annual-fee", "tag-business-plan",
         "total-cap", "operation-fee"],
)  # fmt: skip
def test_limits_beside_the_look_alikes_still_count(
    tmp_path: Path, where: str, value: str, marker: str
) -> None:
    got = outcomes(tmp_path, _honest(where, value))
    for requirement in ("DO-02", "API-04"):
        outcome, reason = got[requirement]
        assert outcome == "not_verified" and marker in reason, reason


def _write(body_description: str) -> dict[str, Any]:
    doc = _listing()
    doc["components"]["schemas"]["CaseComment"] = {
        "type": "object",
        "description": body_description,
        "properties": {"comment": {"type": "string"}},
    }
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseComment"}}}}  # fmt: skip
    doc["paths"]["/cases"]["post"] = {"requestBody": body, "responses": {"201": {"description": "ok"}}}  # fmt: skip
    return doc


def test_a_write_whose_body_leaves_the_rest_to_the_vendors_client_is_no_open_write(
    tmp_path: Path,
) -> None:
    assert outcomes(tmp_path, _write("En kommentar till ärendet."))["API-05"][0] == "met"
    outcome, reason = outcomes(
        tmp_path, _write("Endast en kommentar; övriga fält ändras i Norrdatas klient.")
    )["API-05"]
    assert outcome == "not_verified" and "övriga fält" in reason, reason


def test_a_type_whose_only_returned_property_is_its_id_is_no_evidence(tmp_path: Path) -> None:
    doc = _listing()
    case = doc["components"]["schemas"]["Case"]
    case["properties"]["password"] = {"type": "string", "writeOnly": True}
    assert outcomes(tmp_path, doc)["DO-02"][0] == "met"  # a secret is never returned anyway
    case["properties"]["title"] = {"type": "string", "writeOnly": True}
    outcome, reason = outcomes(tmp_path, doc)["DO-02"]
    assert outcome == "not_verified" and "writeOnly" in reason, reason


def _two_types(listed_at_cases: str) -> dict[str, Any]:
    """/cases/{id} reads a Case; /cases lists `listed_at_cases`; /decisions lists decisions
    that /decisions/{id} reads."""
    doc = _listing()
    schemas = doc["components"]["schemas"]
    schemas["Decision"] = copy.deepcopy(schemas["Case"])
    schemas["CaseSummary"] = copy.deepcopy(schemas["Case"])

    def read(name: str, many: bool) -> dict[str, Any]:
        schema: dict[str, Any] = {"$ref": f"#/components/schemas/{name}"}
        if many:
            schema = {"type": "array", "items": schema}
        return {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}}}  # fmt: skip

    item = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    doc["paths"] = {
        "/cases": read(listed_at_cases, True),
        "/cases/{id}": read("Case", False) | {"parameters": [item]},
        "/decisions": read("Decision", True),
        "/decisions/{id}": read("Decision", False) | {"parameters": [item]},
    }
    return doc


def test_an_item_path_under_a_list_of_another_type_is_not_listed(tmp_path: Path) -> None:
    assert outcomes(tmp_path, _two_types("CaseSummary"))["DO-02"][0] == "met"
    outcome, reason = outcomes(tmp_path, _two_types("Decision"))["DO-02"]
    assert outcome == "not_met" and "Case" in reason, reason


@pytest.mark.parametrize(
    ("where", "value", "marker"),
    [
        ("next", "Länk till nästa sida. Saknas efter sida 50 (högst 25 000 poster kan bläddras fram).", "sida 50"),
        ("next", "At most 10,000 records can be retrieved by paging.", "10,000"),
        ("cursor", "Markör för nästa sida; bläddringen upphör efter sida 20.", "sida 20"),
        ("operation", "Alla ärenden, sidvis. Pagination is limited to the first 5,000 results.", "5,000"),
    ],
    ids=["next-stops", "at-most-10000-paged", "cursor-stops", "operation-limited"],
)  # fmt: skip
def test_paging_described_as_stopping_is_no_evidence_of_change_retrieval(
    tmp_path: Path, where: str, value: str, marker: str
) -> None:
    """a02: the `next` link stops after page 50; API-11 quotes the words as DO-02 does."""
    outcome, reason = outcomes(tmp_path, _paging(where, value))["API-11"]
    assert outcome == "not_verified" and marker in reason and "part of the way" in reason, reason


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("next", "Länk till nästa sida; saknas på sista sidan."),
        ("next", "Up to 100 items per page."),
        ("cursor", "Markör för nästa sida; högst 500 poster per sida."),
        ("operation", "Alla ärenden, sidvis (sida 1 är den första)."),
    ],
    ids=["next-last-page", "per-page", "cursor-per-page", "operation-page-one"],
)  # fmt: skip
def test_paging_look_alikes_keep_change_retrieval(tmp_path: Path, where: str, value: str) -> None:
    got = outcomes(tmp_path, _paging(where, value))
    assert got["API-11"][0] == "met", got["API-11"]


def _paging(where: str, value: str) -> dict[str, Any]:
    """The listing paged by a cursor and a `next` link, filterable by change time, with
    `value` written on the `next` property, the cursor parameter or the operation."""
    doc = _with("next", "Länk till nästa sida.")
    listed = doc["paths"]["/cases"]["get"]
    listed["parameters"] += [
        {
            "name": "modifiedSince",
            "in": "query",
            "schema": {"type": "string", "format": "date-time"},
        }
    ]
    if where == "next":
        page = listed["responses"]["200"]["content"]["application/json"]["schema"]
        page["properties"]["next"]["description"] = value
    elif where == "cursor":
        listed["parameters"][0]["description"] = value
    else:
        listed["description"] = value
    return doc


def _sealed(
    payload: str, media_type: str = "application/vnd.norrdata.sealed+json"
) -> dict[str, Any]:
    """The listing returning, as `media_type`, a base64 payload described as `payload`."""
    doc = _listing()
    doc["components"]["schemas"]["Sealed"] = {
        "type": "object",
        "description": "Exportpaket",
        "properties": {
            "payload": {"type": "string", "contentEncoding": "base64", "description": payload},
            "keyId": {"type": "string"},
        },
    }
    response = doc["paths"]["/cases"]["get"]["responses"]["200"]
    response["content"] = {media_type: {"schema": {"$ref": "#/components/schemas/Sealed"}}}
    return doc


@pytest.mark.parametrize(
    ("payload", "marker"),
    [
        ("Krypterat med Norrdatas nyckel; öppnas med Norrdata Viewer.", "Norrdatas nyckel"),
        ("Can only be opened with the Acme Archive Reader.", "Acme Archive Reader"),
        ("Öppnas endast i leverantörens exportverktyg.", "exportverktyg"),
    ],
    ids=["vendor-key-viewer", "only-vendor-reader", "vendor-tool"],
)
def test_content_sealed_against_the_buyer_is_no_open_format(
    tmp_path: Path, payload: str, marker: str
) -> None:
    """a05: a vendor JSON wrapper around a payload encrypted with the vendor's key."""
    got = outcomes(tmp_path, _sealed(payload))
    for requirement in ("DO-03", "DO-02"):
        outcome, reason = got[requirement]
        assert outcome == "not_verified" and marker in reason and "sealed" in reason, reason


@pytest.mark.parametrize(
    ("payload", "media_type"),
    [
        ("Ärendet som PDF, base64-kodat.", "application/vnd.norrdata.case+json"),
        ("Krypterat med kundens nyckel.", "application/json"),
        ("Encrypted with your public key.", "application/json"),
        ("Öppnas med Adobe Reader.", "application/pdf"),
    ],
    ids=["base64-pdf", "customer-key", "your-key", "pdf-reader"],
)
def test_file_content_look_alikes_stay_file_content(
    tmp_path: Path, payload: str, media_type: str
) -> None:
    """Judged as the same file content said plainly: an open JSON wrapper or a PDF."""
    plain = outcomes(tmp_path, _sealed("Innehållet.", media_type))
    got = outcomes(tmp_path, _sealed(payload, media_type))
    for requirement in ("DO-03", "DO-02"):
        assert got[requirement] == plain[requirement], got[requirement]
        assert "sealed" not in got[requirement][1]


def _served(where: str, text: str) -> dict[str, Any]:
    doc = _listing()
    if where == "server":
        doc["servers"] = [{"url": "https://api.norrdata.se/v1", "description": text}]
    else:
        doc["info"]["description"] = text
    return doc


@pytest.mark.parametrize(
    ("where", "text", "marker"),
    [
        ("server", "Stöder TLS 1.0 och 1.1 för äldre klienter.", "TLS 1.0"),
        ("server", "Produktion. Anrop över HTTP besvaras utan omdirigering.", "över HTTP"),
        ("info", "Ärendehantering. Plain HTTP is also supported for legacy clients.", "Plain HTTP"),
        ("info", "We also accept SSLv3 and TLSv1 connections.", "SSLv3"),
    ],
    ids=["tls10-server", "http-answered", "plain-http-info", "sslv3"],
)
def test_a_weaker_transport_said_to_be_accepted_is_no_evidence_of_https(
    tmp_path: Path, where: str, text: str, marker: str
) -> None:
    """a09: the server's description says TLS 1.0 is supported and HTTP is answered."""
    outcome, reason = outcomes(tmp_path, _served(where, text))["API-10"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("server", "TLS 1.0 och 1.1 stöds inte."),
        ("server", "Requests over HTTP are redirected to HTTPS."),
        ("server", "Anrop över HTTP avvisas; kräver TLS 1.2 eller senare."),
        ("info", "The API is based on HTTP REST and supports JSON."),
        ("info", "A REST API over HTTP that supports TLS 1.2 and 1.3."),
    ],
    ids=["tls10-not-supported", "http-redirected", "http-refused", "based-on-http", "tls12"],
)
def test_transport_look_alikes_keep_https(tmp_path: Path, where: str, text: str) -> None:
    got = outcomes(tmp_path, _served(where, text))
    assert got["API-10"][0] == "met", got["API-10"]
