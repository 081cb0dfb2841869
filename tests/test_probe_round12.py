"""Attack round 12, API descriptions: a listing that cannot be read to the end (a small quota
a day or longer, terms forbidding moving the data elsewhere, only the latest records, random
order at each call, statistics only, a full read said to take days), fields kept from the
buyer (not returned to it, sealed with the vendor's key), a change filter said to be ignored,
and access rationed or closed to third parties. Each changes the targeted verdict; the
look-alikes keep theirs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import outcomes
from test_probe_round9 import _listing
from test_probe_round11 import _paging, _with


def _limited(where: str, value: str) -> dict[str, Any]:
    """The listing with `value` in the description's summary ("info") or on the list GET."""
    return _listing(description=value) if where == "operation" else _with(where, value)


@pytest.mark.parametrize(
    ("where", "value", "marker"),
    [
        ("info", "Begränsning: 50 anrop per klient och dygn.", "Begränsning"),
        ("info", "Rate limit: 500 requests per day per client.", "Rate limit"),
        ("info", "Kvot: högst 2 000 anrop per månad.", "Kvot"),
        ("info", "Användarvillkor: API:et får inte användas för att flytta data till ett annat ärendehanteringssystem.", "Användarvillkor"),
        ("info", "Terms of use: the API may not be used to migrate data to another system.", "Terms of use"),
        ("operation", "Returnerar högst de 100 senast ändrade posterna.", "Returnerar"),
        ("operation", "Returns at most the 100 most recent records.", "Returns at"),
        ("operation", "Posterna returneras i slumpmässig ordning vid varje anrop; offset ger därför inte en fullständig genomläsning.", "Posterna"),
        ("operation", "Records come back in random order on each request.", "Records come"),
        ("operation", "Paging with offset does not give a complete read of the cases.", "Paging with"),
        ("operation", "Antal poster per månad och status. Enskilda poster kan inte listas.", "Antal poster"),
        ("operation", "Monthly counts by status. Individual records cannot be listed.", "Monthly counts"),
        ("operation", "Ett fullständigt uttag av 200 000 ärenden tar därmed 200 dygn.", "Ett fullständigt"),
        ("operation", "A full export of all cases takes about 200 days.", "A full export"),
    ],
    ids=["quota-sv", "quota-en", "quota-month", "terms-sv", "terms-en", "latest-sv", "latest-en",
         "random-sv", "random-en", "no-full-read-en", "statistics-sv", "statistics-en",
         "takes-days-sv", "takes-days-en"],
)  # fmt: skip
def test_a_listing_that_cannot_be_read_to_the_end_is_no_evidence(
    tmp_path: Path, where: str, value: str, marker: str
) -> None:
    """a01 a02 a03 a07 a08: DO-02 and API-04 not verified, quoting the words."""
    got = outcomes(tmp_path, _limited(where, value))
    for requirement in ("DO-02", "API-04"):
        outcome, reason = got[requirement]
        assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("info", "Begränsning: 1 000 anrop per minut och klient; en sida rymmer upp till 500 poster, så en fullständig export tar minuter."),
        ("info", "Rate limit: 100,000 requests per day; 429 Too Many Requests with Retry-After."),
        ("info", "Kvot: 10 000 anrop per dygn."),
        ("info", "Data may be moved to another system at any time through the export endpoints."),
        ("operation", "Returns the 100 most recent records first; page with offset."),
        ("operation", "If no sort order is given, records are returned in random order. Specify sort when paging."),
        ("operation", "Alla ärenden, sidvis; offset ger en fullständig genomläsning."),
        ("operation", "Statistik finns under /stats; här listas enskilda poster."),
        ("operation", "A full export takes a few minutes."),
        # review of round 13: a sandbox's, a trial's or a keyless quota; personal data abroad
        ("info", "Sandlådemiljön är begränsad till 1 000 anrop per dygn. Produktionen: 100 anrop per sekund."),
        ("info", "Without an API key you may make 1000 requests per day; with a key, 100 requests per second."),
        ("info", "The trial plan allows 2,000 calls per month."),
        ("info", "API:et får inte användas för att överföra personuppgifter till annat land utanför EU/EES."),
    ],
    ids=["rate-a-minute", "large-quota", "quota-10000", "moving-allowed", "latest-first",
         "random-unless-sorted", "full-read", "statistics-elsewhere", "export-minutes",
         "sandbox-quota", "keyless-quota", "trial-quota", "personal-data-abroad"],
)  # fmt: skip
def test_listing_look_alikes_keep_export(tmp_path: Path, where: str, value: str) -> None:
    got = outcomes(tmp_path, _limited(where, value))
    assert got["DO-02"][0] == got["API-04"][0] == "met", got["DO-02"]


def test_a_quota_on_the_item_read_of_an_id_listing_is_no_evidence(tmp_path: Path) -> None:
    """a10: the list gives ids, and each record's own read is capped at 1,000 calls a day."""
    doc = _listing()
    doc["components"]["schemas"]["CaseRef"] = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "href": {"type": "string"}},
    }
    listed = doc["paths"]["/cases"]["get"]["responses"]["200"]["content"]["application/json"]
    listed["schema"]["items"] = {"$ref": "#/components/schemas/CaseRef"}
    doc["components"]["schemas"]["Case"]["properties"]["title"] = {"type": "string"}
    item = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}}  # fmt: skip
    read = {
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "responses": {"200": item},
    }
    doc["paths"]["/cases/{id}"] = {"get": read}
    assert outcomes(tmp_path, doc)["DO-02"][0] == "met"
    read["description"] = "En post. Högst 1 000 anrop per dygn mot denna operation."
    outcome, reason = outcomes(tmp_path, doc)["DO-02"]
    assert outcome == "not_verified" and "En post. Högst" in reason, reason


def _field(name: str, description: str) -> dict[str, Any]:
    """The listing whose Case has a property `name` described as `description`."""
    doc = _listing()
    doc["components"]["schemas"]["Case"]["properties"][name] = {
        "type": "string",
        "description": description,
    }
    return doc


@pytest.mark.parametrize(
    ("name", "description", "marker"),
    [
        ("diarienummer", "Diarienummer. Reserverat för Norrdata; fältet returneras inte till kunden.", "returneras inte"),
        ("officer", "Case officer. Reserved for the vendor; never returned to the customer.", "never returned"),
        ("title", "Rubrik. Krypterad med Norrdatas nyckel; läses endast i Norrdatas klient.", "Norrdatas nyckel"),
        ("title", "Title, encrypted with the vendor's key; readable only in the vendor's client.", "vendor's key"),
    ],
    ids=["not-returned-sv", "not-returned-en", "encrypted-sv", "encrypted-en"],
)  # fmt: skip
def test_a_field_kept_from_the_buyer_is_no_evidence_of_read_access(
    tmp_path: Path, name: str, description: str, marker: str
) -> None:
    """a05 a11: API-04 (and DO-02) not verified, naming the field and quoting its words."""
    outcome, reason = outcomes(tmp_path, _field(name, description))["API-04"]
    assert outcome == "not_verified" and marker in reason and name in reason, reason


@pytest.mark.parametrize(
    ("name", "description"),
    [
        ("spare", "Reserverat för framtida bruk."),
        ("spare", "Reserved for future use."),
        ("body", "Krypteras vid lagring (AES-256) och överförs över TLS."),
        ("body", "Encrypted at rest and in transit."),
        ("body", "Krypterad med kundens nyckel."),
        ("note", "Not shown to the user in the portal."),
        ("password", "Lösenordet returneras inte till kunden."),
        ("status", "Status; the value 'reserved' means the slot is booked."),
    ],
    ids=["future-sv", "future-en", "at-rest-sv", "at-rest-en", "customers-key", "not-shown",
         "secret", "reserved-value"],
)  # fmt: skip
def test_field_look_alikes_keep_read_access(tmp_path: Path, name: str, description: str) -> None:
    got = outcomes(tmp_path, _field(name, description))
    assert got["API-04"][0] == "met", got["API-04"]


@pytest.mark.parametrize(
    ("value", "met"),
    [
        ("Accepteras men ignoreras; använd If-None-Match.", False),
        ("Accepted but ignored.", False),
        ("This parameter has no effect.", False),
        ("Endast poster ändrade efter denna tid.", True),
        ("Ignored when a cursor is given.", True),
    ],
    ids=["ignored-sv", "ignored-en", "no-effect", "honest", "ignored-in-one-case"],
)
def test_a_change_filter_said_to_be_ignored_filters_nothing(
    tmp_path: Path, value: str, met: bool
) -> None:
    """a06: modifiedSince accepted but ignored, no webhooks: API-11 not met."""
    doc = _paging("operation", "Alla ärenden, sidvis.")
    doc["paths"]["/cases"]["get"]["parameters"][-1]["description"] = value
    outcome, reason = outcomes(tmp_path, doc)["API-11"]
    assert (outcome == "met") == met, reason


@pytest.mark.parametrize(
    ("where", "value", "marker"),
    [
        ("scheme", "Klient-id och klienthemlighet skapas endast av Norrdatas personal. Ansökningar behandlas en gång per kvartal.", "en gång per kvartal"),
        ("scheme", "Applications for client credentials are reviewed quarterly.", "reviewed quarterly"),
        ("info", "Endast kommunens egen personal får ansluta; konsulter och andra leverantörer får inte använda API:et.", "egen personal"),
        ("info", "Only the customer's own staff may connect; consultants and other vendors may not use the API.", "own staff"),
    ],
    ids=["quarterly-sv", "quarterly-en", "own-staff-sv", "own-staff-en"],
)  # fmt: skip
def test_access_rationed_or_closed_to_third_parties_is_not_verified(
    tmp_path: Path, where: str, value: str, marker: str
) -> None:
    """a04 a09: API-03 not verified, quoting the words."""
    outcome, reason = outcomes(tmp_path, _access(where, value))["API-03"]
    assert outcome == "not_verified" and marker in reason, reason


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("scheme", "Klient-id och klienthemlighet skapas av Norrdatas support på begäran, normalt inom en arbetsdag."),
        ("scheme", "Clients are registered by our staff on request."),
        ("info", "Kommunen kan ge konsulter och andra leverantörer egna klienter."),
        ("info", "Third parties may use the API on the customer's behalf."),
    ],
    ids=["on-request-sv", "on-request-en", "consultants-welcome", "third-parties-welcome"],
)  # fmt: skip
def test_access_look_alikes_keep_standard_authentication(
    tmp_path: Path, where: str, value: str
) -> None:
    got = outcomes(tmp_path, _access(where, value))
    assert got["API-03"][0] == "met", got["API-03"]


def _access(where: str, value: str) -> dict[str, Any]:
    """The listing with `value` as the OAuth scheme's description or the API's."""
    doc = _listing()
    if where == "scheme":
        doc["components"]["securitySchemes"]["oauth"]["description"] = value
    else:
        doc["info"]["description"] = value
    return doc
