"""Contract clauses and requirement wordings that quietly undermine a principle the
specification states (attack round 13): the vendor moving the data to sub-processors or a third
country without the buyer's consent, the buyer needing the vendor's consent to hand its own data
to a new vendor, the buyer's right to the data lapsing after the contract, "open standard"
defined to include the vendor's own formats, a requirement deemed met if the vendor follows its
own guidelines or only as far as commercially reasonable for it, API use only for integrations
or partners the vendor approves, a ban on the buyer publishing API clients, logs never handed
to the buyer; and in a must-requirement itself: data limited to what the buyer entered itself,
open APIs only for reading one item, the requirement deferred to a later year. Each leaves the
principle unmet with the clause quoted; the honest look-alikes leave it met."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_spec_clauses_round11 import REQUIREMENTS, _cases, _outcomes

UNDERMINES = """
sv | DATA-OWNERSHIP | Leverantören får flytta kommunens data till underleverantörer i tredje land utan kommunens medgivande.
sv | DATA-OWNERSHIP | Utan kommunens godkännande får leverantören överföra uppgifterna till ett land utanför EU/EES.
sv | DATA-OWNERSHIP | Leverantören får anlita nya underbiträden utan att kommunen informeras.
en | DATA-OWNERSHIP | The Supplier may transfer Customer Data to sub-processors in third countries without the Customer's consent.
en | DATA-OWNERSHIP | Without the Customer's prior approval the Supplier may move the data outside the EEA.
en | DATA-OWNERSHIP | The Supplier may change sub-processors without notice to the Customer.
sv | DATA-OWNERSHIP | Kommunen får inte lämna ut exporterade data till annan leverantör utan Norrdatas skriftliga samtycke.
sv | DATA-OWNERSHIP | Exporterade data får inte överlämnas till en ny leverantör utan leverantörens godkännande.
sv | DATA-OWNERSHIP | Överföring av data till annan leverantör kräver leverantörens skriftliga samtycke.
en | DATA-OWNERSHIP | The Customer shall not disclose exported data to another supplier without the Supplier's prior written consent.
en | DATA-OWNERSHIP | Transfer of Customer Data to a third party requires the Supplier's approval.
sv | DATA-OWNERSHIP | Begäran om utlämnande av data ska framställas senast 14 dagar efter avtalets upphörande; därefter upphör kommunens rätt till data.
sv | DATA-OWNERSHIP | Kommunens rätt till uppgifterna upphör 30 dagar efter avtalets slut.
sv | DATA-OWNERSHIP | Efter avtalets upphörande förlorar kommunen sin rätt till data.
en | DATA-OWNERSHIP | The Customer's rights to the data lapse 14 days after termination.
en | DATA-OWNERSHIP | After termination the Customer forfeits all rights to its data.
sv | OPEN-STANDARDS | Med öppen standard avses i detta avtal även leverantörens publicerade format.
sv | OPEN-STANDARDS | Leverantörens egna format ska anses vara öppna standarder.
en | OPEN-STANDARDS | In this Agreement, open standard includes the Supplier's published formats.
en | OPEN-STANDARDS | The Supplier's own formats shall be deemed open standards.
sv | OPEN-STANDARDS | Krav K2 anses uppfyllt om leverantören följer sina interna riktlinjer för format.
sv | OPEN-STANDARDS | Om leverantören följer sina egna rutiner för format anses krav K2 uppfyllt.
en | OPEN-STANDARDS | Requirement R2 is deemed met if the Supplier follows its internal guidelines for formats.
en | OPEN-STANDARDS | Open standards shall be used to the extent commercially reasonable for the Supplier.
sv | OPEN-STANDARDS | Öppna standarder ska användas i den mån det är kommersiellt motiverat för leverantören.
en | OPEN-APIS | The APIs are provided at the Supplier's sole discretion.
sv | OPEN-APIS | API:erna får endast användas för integrationer som leverantören i förväg har godkänt.
sv | OPEN-APIS | Integrationer mot API:erna ska i förväg godkännas av leverantören.
sv | OPEN-APIS | API-nycklar lämnas endast ut till integrationspartner som leverantören har godkänt.
en | OPEN-APIS | The APIs may only be used for integrations approved in advance by the Supplier.
en | OPEN-APIS | API credentials are issued only to integration partners approved by the Supplier.
en | OPEN-APIS | The APIs may not be used without the Supplier's prior written approval.
sv | OPEN-APIS | Kommunen får inte publicera eller vidareutveckla klientprogram som använder API:erna.
sv | OPEN-APIS | Klientprogram som använder API:erna får inte publiceras.
en | OPEN-APIS | The Customer may not publish or develop client software that uses the APIs.
sv | DATA-OWNERSHIP | Loggar och behörighetsdata gallras av leverantören efter 30 dagar och lämnas inte ut till kommunen.
sv | DATA-OWNERSHIP | Metadata och ändringshistorik ingår inte i exporten.
en | DATA-OWNERSHIP | Logs and access data are deleted after 30 days and are not provided to the Customer.
en | DATA-OWNERSHIP | Audit trails are not included in the export.
"""

NARROWED = """
sv | DATA-OWNERSHIP | K1. Kommunen ska äga och ha full kontroll över all data i systemet som kommunen själv har matat in.
sv | DATA-OWNERSHIP | K1. Kommunen ska äga all data som registrerats manuellt av kommunen.
en | DATA-OWNERSHIP | R1. The Buyer shall own and have full control over all data in the system that the Buyer itself has entered.
en | DATA-OWNERSHIP | R1. The Buyer shall own only the data that the Buyer has uploaded.
sv | OPEN-APIS | K3. Systemet ska stödja öppna API:er för läsning av ärendestatus.
en | OPEN-APIS | R3. The system shall support open APIs for reading case status.
sv | OPEN-STANDARDS | K2. Systemet ska senast år 2032 bygga på öppna standarder.
sv | OPEN-STANDARDS | K2. Systemet ska från och med 2031 bygga på öppna standarder.
en | OPEN-STANDARDS | R2. The system shall build on open standards by 2032.
en | OPEN-STANDARDS | R2. The system shall build on open standards from the third contract year.
"""

LEAVES_IT = """
sv | DATA-OWNERSHIP | Leverantören får anlita underbiträden i tredje land endast med kommunens skriftliga medgivande och i enlighet med kapitel V i dataskyddsförordningen.
sv | DATA-OWNERSHIP | Leverantören får inte flytta kommunens data till tredje land utan kommunens medgivande.
sv | DATA-OWNERSHIP | Överföring av data till tredje land får inte ske utan kommunens skriftliga medgivande.
en | DATA-OWNERSHIP | The Supplier may engage sub-processors in a third country only with the Customer's prior written consent and in accordance with Chapter V of the GDPR.
en | DATA-OWNERSHIP | The Supplier shall not transfer Customer Data outside the EEA without the Customer's consent.
sv | DATA-OWNERSHIP | Leverantören får inte lämna ut kommunens data till annan part utan kommunens skriftliga samtycke.
sv | DATA-OWNERSHIP | Kommunen får fritt lämna ut exporterade data till annan leverantör.
sv | DATA-OWNERSHIP | Kommunen får inte lämna ut personuppgifter till tredje part utan den registrerades samtycke.
en | DATA-OWNERSHIP | The Supplier shall not disclose Customer Data to a third party without the Customer's prior written consent.
en | DATA-OWNERSHIP | The Customer may freely hand exported data to another supplier.
sv | DATA-OWNERSHIP | Kommunens rätt till data upphör inte vid avtalets slut.
sv | DATA-OWNERSHIP | Kommunens rätt till data kvarstår även efter avtalets upphörande.
sv | DATA-OWNERSHIP | Leverantörens rätt att behandla kommunens data upphör vid avtalets slut.
en | DATA-OWNERSHIP | The Customer's rights to the data shall survive termination of the Agreement.
en | DATA-OWNERSHIP | The Supplier's right to process Customer Data ends on termination.
sv | OPEN-STANDARDS | Med öppen standard avses i detta avtal en standard som uppfyller kriterierna i European Interoperability Framework.
sv | OPEN-STANDARDS | Med öppen standard avses en standard enligt DIGG:s definition.
sv | OPEN-STANDARDS | Med öppen standard avses en standard som förvaltas oberoende av leverantörens intressen.
en | OPEN-STANDARDS | Open standard means a standard that meets the criteria of the European Interoperability Framework.
sv | OPEN-STANDARDS | Krav K2 anses uppfyllt om samtliga exportformat är öppna enligt DIGG:s definition.
sv | OPEN-STANDARDS | Kravet anses uppfyllt om leverantören bifogar ett intyg från en oberoende granskare.
en | OPEN-STANDARDS | Requirement R2 is deemed met if the Supplier submits a list of the open standards used.
en | OPEN-STANDARDS | The Supplier shall use commercially reasonable efforts to resolve incidents.
sv | OPEN-APIS | Integrationer mot API:erna ska dokumenteras i förväg.
sv | OPEN-APIS | API:erna får endast användas för integrationer som kommunen har godkänt.
sv | OPEN-APIS | Integrationer mot API:erna ska godkännas av kommunen.
en | OPEN-APIS | Integrations with the APIs shall be approved by the Customer.
en | OPEN-APIS | API credentials are issued to the Customer and to any party the Customer appoints.
sv | OPEN-APIS | Kommunen får publicera och vidareutveckla klientprogram som använder API:erna.
en | OPEN-APIS | The Customer may publish and develop client software that uses the APIs.
sv | DATA-OWNERSHIP | Loggar sparas i 30 dagar och lämnas därefter ut till kommunen.
sv | DATA-OWNERSHIP | Loggar lämnas inte ut till tredje part.
en | DATA-OWNERSHIP | Logs are kept for 30 days and then handed to the Customer.
en | DATA-OWNERSHIP | Logs are not disclosed to third parties.
sv | DATA-OWNERSHIP | K4. Systemet bör senast år 2030 stödja öppna standarder för e-arkiv.
en | DATA-OWNERSHIP | R4. The system should support open e-archive standards by 2030.
"""

KEEPS_IT = """
sv | DATA-OWNERSHIP | K1. Kommunen ska äga all data i systemet, både den som kommunen själv har matat in och den som systemet skapar.
sv | DATA-OWNERSHIP | K1. Kommunen ska äga all data i systemet, även data som genereras av systemet.
en | DATA-OWNERSHIP | R1. The Buyer shall own all data that the Buyer itself has entered as well as all data generated by the system.
sv | OPEN-APIS | K3. Systemet ska stödja öppna API:er för läsning och skrivning av all data.
en | OPEN-APIS | R3. The system shall support open APIs for reading and writing all data.
sv | OPEN-STANDARDS | K2. Systemet ska senast vid driftstart bygga på öppna standarder.
en | OPEN-STANDARDS | R2. The system shall build on open standards at go-live.
"""


@pytest.mark.parametrize(("lang", "clause", "requirement"), _cases(UNDERMINES))
def test_a_clause_undermines_the_principle(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, requirement: str
) -> None:
    result = _outcomes(cli, tmp_path, lang, clause)[requirement]
    assert result["outcome"] == "not_met", result
    line = 2 * len(REQUIREMENTS[lang]) + 3  # the title, each requirement, a blank line each
    assert f"line {line}" in result["reason"] or f"rad {line}" in result["reason"], result["reason"]


@pytest.mark.parametrize(("lang", "clause", "requirement"), _cases(NARROWED))
def test_a_requirement_narrowed_or_deferred_in_its_own_words(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, requirement: str
) -> None:
    outcomes = _outcomes(cli, tmp_path, lang, clause, replace=True)
    assert outcomes[requirement]["outcome"] == "not_met", outcomes[requirement]
    assert clause.split()[0].rstrip(".") in outcomes[requirement]["reason"]
    for principle in {"DATA-OWNERSHIP", "OPEN-STANDARDS", "OPEN-APIS"} - {requirement}:
        assert outcomes[principle]["outcome"] == "met", outcomes[principle]


@pytest.mark.parametrize(("lang", "clause", "requirement"), _cases(LEAVES_IT))
def test_the_honest_look_alike_leaves_it_met(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, requirement: str
) -> None:
    outcomes = _outcomes(cli, tmp_path, lang, clause)
    for principle in ("DATA-OWNERSHIP", "OPEN-STANDARDS", "OPEN-APIS"):
        assert outcomes[principle]["outcome"] == "met", outcomes[principle]


@pytest.mark.parametrize(("lang", "clause", "requirement"), _cases(KEEPS_IT))
def test_the_honest_requirement_stays_met(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, requirement: str
) -> None:
    outcomes = _outcomes(cli, tmp_path, lang, clause, replace=True)
    for principle in ("DATA-OWNERSHIP", "OPEN-STANDARDS", "OPEN-APIS"):
        assert outcomes[principle]["outcome"] == "met", outcomes[principle]


STRUCTURED = """procurement:
  title: Ärendehanteringssystem
  language: sv
requirements:
- id: K1
  level: must
  implements: DATA-OWNERSHIP
  text: {text}
- id: K2
  level: must
  text: Systemet ska bygga på öppna standarder.
- id: K3
  level: must
  text: Systemet ska stödja öppna API:er.
"""


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Kommunen ska kunna ta ut färdiga rapporter ur systemet.", "not_verified"),
        ("The Buyer shall be able to print ready-made reports.", "not_verified"),
        ("Kommunen ska äga och ha full kontroll över all data i systemet.", "met"),
        ("Kommunen ska kunna exportera all data när som helst.", "met"),
        ("The Buyer shall own all data in the system.", "met"),
    ],
)
def test_a_tag_implements_only_what_the_text_speaks_of(
    cli: Callable[..., Any], tmp_path: Path, text: str, outcome: str
) -> None:
    path = tmp_path / "krav.yaml"
    path.write_text(STRUCTURED.format(text=text), "utf-8")
    result = cli("spec", "check", path, "-f", "json")
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    found = {r["requirement"]: r for r in report["results"]}["DATA-OWNERSHIP"]
    assert found["outcome"] == outcome, found
    if outcome == "not_verified":
        assert "does not say anything DATA-OWNERSHIP asks for" in found["reason"], found
