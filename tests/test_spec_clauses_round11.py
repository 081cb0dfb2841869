"""Contract clauses that quietly undermine a requirement the specification states (attack round
11): a perpetual or transferable right to the data for the vendor, "data" defined in quotation
marks as less than all data, a fee or unpaid invoices holding back the return of the data, the
vendor's binary format or a converter licensed separately, API access presupposing an
integration licence, the buyer acquiring no rights to the data, access only through the vendor's
client program, a requirement limited to what the vendor's product allows and ownership only for
the contract term. Each leaves the requirement it undermines unmet (or not verified), with the
clause quoted; the buyer's own wording of the same topics leaves it met."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REQUIREMENTS = {
    "sv": [
        "K1. Kommunen ska äga och ha full kontroll över all data i systemet.",
        "K2. Systemet ska bygga på öppna standarder.",
        "K3. Systemet ska stödja öppna API:er.",
    ],
    "en": [
        "R1. The Buyer shall own and have full control over all data in the system.",
        "R2. The system shall build on open standards.",
        "R3. The system shall support open APIs.",
    ],
}

UNDERMINES = """
sv | DATA-OWNERSHIP | Leverantören erhåller en evig, oåterkallelig och överlåtbar rätt att nyttja all data som genereras i tjänsten.
sv | DATA-OWNERSHIP | Kommunen upplåter härmed till leverantören en tidsobegränsad licens att använda uppgifterna i tjänsten.
en | DATA-OWNERSHIP | The Customer grants the Supplier a perpetual, irrevocable and transferable licence to use all data generated in the Service.
en | DATA-OWNERSHIP | The Supplier shall have a worldwide, sublicensable right to use the information stored in the Service.
sv | DATA-OWNERSHIP | Med "data" avses i detta avtal endast uppgifter som kommunen själv har registrerat manuellt.
sv | DATA-OWNERSHIP | Med begreppet ”kunddata” avses enbart de uppgifter som användarna matar in.
sv | DATA-OWNERSHIP | Vid avtalets upphörande debiteras en avvecklingsavgift om 250 000 kronor innan data lämnas ut.
sv | DATA-OWNERSHIP | Leverantören har rätt att hålla inne kommunens data till dess att samtliga förfallna fakturor är betalda.
sv | DATA-OWNERSHIP | Kommunens data återlämnas först när samtliga fakturor har betalats.
sv | DATA-OWNERSHIP | Leverantören har retentionsrätt till kundens data.
en | DATA-OWNERSHIP | The Supplier may withhold Customer Data until all outstanding invoices have been paid.
en | DATA-OWNERSHIP | Customer Data will be returned only after payment of all outstanding fees.
en | DATA-OWNERSHIP | An exit fee of 25,000 EUR is payable before the return of the Customer's data.
sv | DATA-OWNERSHIP | Ingenting i detta avtal ska tolkas som att kommunen förvärvar några rättigheter till data som lagras i tjänsten.
sv | DATA-OWNERSHIP | Kunden förvärvar inga rättigheter till uppgifterna i tjänsten.
en | DATA-OWNERSHIP | Nothing in this Agreement shall be construed as granting the Customer any rights in the data stored in the Service.
en | DATA-OWNERSHIP | The Customer acquires no right, title or interest in the data processed by the Service.
sv | OPEN-STANDARDS | All data lagras och exporteras i leverantörens binära format NDX.
sv | OPEN-STANDARDS | Konverteringsverktyget licensieras separat.
sv | OPEN-STANDARDS | Dokument exporteras i det format som leverantören vid varje tidpunkt bestämmer.
en | OPEN-STANDARDS | Documents are exported in such format as the Supplier may from time to time determine.
en | OPEN-STANDARDS | The conversion tool is licensed separately.
sv | OPEN-APIS | Åtkomst till API:erna förutsätter att kommunen tecknar leverantörens integrationslicens.
en | OPEN-APIS | Access to the APIs requires that the Customer purchases the Supplier's integration licence.
sv | OPEN-STANDARDS | Åtkomst till systemet sker uteslutande via leverantörens klientprogram för Windows.
sv | OPEN-STANDARDS | Systemet fungerar endast på Windows.
en | OPEN-STANDARDS | The system can be accessed only through the Supplier's desktop client for Windows.
en | OPEN-STANDARDS | The system runs only on Microsoft Windows.
sv | DATA-OWNERSHIP | Kommunen erhåller härigenom inga rättigheter till data i tjänsten.
en | DATA-OWNERSHIP | The Customer gets no rights in any of the data held in the Service.
en | DATA-OWNERSHIP | No right, title or interest in the data passes to the Customer.
en | OPEN-APIS | The Supplier may discontinue the APIs at any time without notice.
sv | OPEN-APIS | Leverantören får när som helst och utan föregående meddelande stänga API:erna.
"""

NOT_VERIFIED = """
sv | OPEN-APIS | K3. Systemet ska stödja öppna API:er i den omfattning leverantörens produkt medger.
sv | DATA-OWNERSHIP | K1. Kommunen ska äga och ha full kontroll över all data i systemet under avtalstiden.
en | OPEN-APIS | R3. The system shall support open APIs to the extent the Supplier's product allows.
en | DATA-OWNERSHIP | R1. The Buyer shall own and have full control over all data in the system for the term of the agreement.
"""

LEAVES_IT = """
sv | DATA-OWNERSHIP | Kommunen erhåller en evig, oåterkallelig rätt att nyttja all data i tjänsten.
en | DATA-OWNERSHIP | The Customer grants the Supplier a non-exclusive, royalty-free licence to use Customer Data solely to provide the Service.
sv | DATA-OWNERSHIP | Med "data" avses all information som lagras eller skapas i systemet, även loggar.
sv | DATA-OWNERSHIP | Ingen avgift får tas ut innan data lämnas ut.
sv | DATA-OWNERSHIP | Leverantören får inte hålla inne kommunens data, inte heller vid tvist om betalning.
en | DATA-OWNERSHIP | The Supplier shall not withhold Customer Data until invoices are paid.
sv | DATA-OWNERSHIP | Leverantören förvärvar inga rättigheter till kommunens data.
sv | DATA-OWNERSHIP | Kunden förvärvar inga rättigheter till leverantörens programvara.
en | DATA-OWNERSHIP | Nothing in this Agreement grants the Supplier any rights in the Customer's data.
sv | DATA-OWNERSHIP | Kommunen äger all data som skapas under avtalstiden.
sv | DATA-OWNERSHIP | Kommunen äger all data, såväl under avtalstiden som efter avtalets upphörande.
en | DATA-OWNERSHIP | The Buyer owns all data generated during the term of the agreement.
sv | OPEN-STANDARDS | Export ska ske i öppna format; leverantören väljer format bland CSV, JSON och XML.
sv | OPEN-APIS | Åtkomst till API:erna förutsätter inloggning med OAuth 2.0.
sv | OPEN-APIS | Åtkomst till API:erna får inte kräva en separat integrationslicens.
en | OPEN-APIS | Access to the APIs shall not require a separate integration licence.
sv | OPEN-STANDARDS | Systemet ska kunna användas i en vanlig webbläsare utan särskilda klientprogram.
sv | OPEN-STANDARDS | Systemet får inte fungera endast på Windows.
en | OPEN-STANDARDS | The system shall not run only on Windows; a standard web browser shall suffice.
sv | OPEN-APIS | Systemet ska stödja öppna API:er i den utsträckning lagen medger.
en | OPEN-APIS | The APIs shall be documented to the extent permitted by applicable law.
en | DATA-OWNERSHIP | Payment data is exported when invoices are approved in the ERP system.
sv | DATA-OWNERSHIP | Betalningsdata exporteras när fakturor har attesterats i ekonomisystemet.
en | DATA-OWNERSHIP | The Supplier has a perpetual licence to the third-party map data included in the Service.
sv | DATA-OWNERSHIP | Leverantören har en evig licens till tredjepartskartdata som ingår i tjänsten.
en | OPEN-APIS | During a security incident the Supplier may suspend API access without notice.
sv | OPEN-APIS | Vid ett angrepp får leverantören utan föregående meddelande spärra den API-nyckel som används.
"""


def _cases(table: str) -> list[tuple[str, ...]]:
    """Language | requirement | clause, one line each, as (language, clause, requirement)."""
    rows = [[cell.strip() for cell in line.split("|", 2)] for line in table.strip().splitlines()]
    return [(lang, clause, requirement) for lang, requirement, clause in rows]


def _outcomes(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, *, replace: bool = False
) -> dict[str, Any]:
    requirements = list(REQUIREMENTS[lang])
    if replace:  # the clause is a requirement of its own, in place of the one with its id
        requirements = [clause if r.split()[0] == clause.split()[0] else r for r in requirements]
    else:
        requirements.append(clause)
    path = tmp_path / "krav.md"
    path.write_text("\n\n".join(["# Krav", *requirements]) + "\n", "utf-8")
    result = cli("spec", "check", path, "-f", "json", "--lang", lang)
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    return {r["requirement"]: r for r in report["results"]}


@pytest.mark.parametrize(("lang", "clause", "requirement"), _cases(UNDERMINES))
def test_a_clause_undermines_the_requirement(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, requirement: str
) -> None:
    result = _outcomes(cli, tmp_path, lang, clause)[requirement]
    assert result["outcome"] == "not_met", result
    line = 2 * len(REQUIREMENTS[lang]) + 3  # the title, each requirement, a blank line each
    assert f"line {line}" in result["reason"] or f"rad {line}" in result["reason"], result["reason"]


@pytest.mark.parametrize(("lang", "clause", "requirement"), _cases(NOT_VERIFIED))
def test_a_hedged_requirement_is_not_verified(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, requirement: str
) -> None:
    result = _outcomes(cli, tmp_path, lang, clause, replace=True)[requirement]
    assert result["outcome"] == "not_verified", result


@pytest.mark.parametrize(("lang", "clause", "requirement"), _cases(LEAVES_IT))
def test_the_buyers_wording_leaves_it_met(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, requirement: str
) -> None:
    outcomes = _outcomes(cli, tmp_path, lang, clause)
    assert outcomes[requirement]["outcome"] != "not_met", outcomes[requirement]
    for principle in ("DATA-OWNERSHIP", "OPEN-STANDARDS", "OPEN-APIS"):
        assert outcomes[principle]["outcome"] == "met", outcomes[principle]
