"""Contract clauses that quietly undermine a principle the specification states (attack round
14): the vendor made controller of the personal data in the service, the contract assigned
together with the buyer's data to a group company or an acquirer, the buyer's data matched
with other customers' data, an open format or "the vendor's equivalent format", alternative
formats in lieu of the open standards, the buyer's next vendor denied the APIs, the return of
data only as far as the vendor's sub-processors cooperate, enriched data bought back for a fee.
Each leaves the principle unmet with the clause quoted; the honest look-alikes (the normal GDPR
art. 28 roles, assignment with the buyer's consent, data kept apart from other customers',
alternative open formats, access for the next vendor, sub-processors assisting under the
vendor's responsibility, enriched data returned at no cost) leave it met."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_spec_clauses_round11 import REQUIREMENTS, _cases, _outcomes

UNDERMINES = """
sv | DATA-OWNERSHIP | Leverantören är personuppgiftsansvarig för de personuppgifter som behandlas i tjänsten.
sv | DATA-OWNERSHIP | Personuppgiftsansvarig för behandlingen i tjänsten är Leverantören.
sv | DATA-OWNERSHIP | Kommunen är personuppgiftsbiträde åt Leverantören.
en | DATA-OWNERSHIP | The Supplier is the controller of the personal data processed in the service.
en | DATA-OWNERSHIP | The Customer acts as processor on behalf of the Supplier.
sv | DATA-OWNERSHIP | Leverantören får överlåta avtalet, jämte den data som lagras i tjänsten, till annat bolag inom koncernen eller till förvärvare av verksamheten.
sv | DATA-OWNERSHIP | Kommunens data får vid en försäljning av verksamheten överlåtas till förvärvaren.
en | DATA-OWNERSHIP | The Supplier may assign this Agreement, together with the data stored in the service, to an affiliate or an acquirer.
en | DATA-OWNERSHIP | Customer Data may be assigned to the acquirer of the Supplier's business.
sv | DATA-OWNERSHIP | Beställarens data får lagras i Leverantörens koncerngemensamma datalager och samköras med uppgifter från andra kunder.
sv | DATA-OWNERSHIP | Leverantören har rätt att kombinera kommunens data med andra kunders uppgifter.
en | DATA-OWNERSHIP | The Supplier may combine Customer Data with data from its other customers.
en | DATA-OWNERSHIP | Customer Data may be pooled in the group data warehouse and matched with other customers' records.
sv | OPEN-STANDARDS | Dokument ska levereras enligt ISO/IEC 29500 Transitional eller i Leverantörens motsvarande format.
en | OPEN-STANDARDS | Documents shall be delivered in ISO/IEC 29500 or in the Supplier's equivalent format.
en | OPEN-STANDARDS | Offeror may propose alternative formats in lieu of the open standards listed herein.
en | OPEN-STANDARDS | Instead of the listed standards, the Supplier may use its own formats.
sv | OPEN-STANDARDS | Leverantören får erbjuda alternativa format i stället för de angivna öppna standarderna.
sv | OPEN-STANDARDS | I stället för de angivna standarderna får leverantören använda egna format.
sv | OPEN-APIS | Beställarens nya leverantör medges inte åtkomst till API:erna.
sv | OPEN-APIS | Åtkomst till API:erna ges inte till en efterträdande leverantör.
sv | OPEN-APIS | API:erna får inte användas av Beställarens nya leverantör.
en | OPEN-APIS | The Customer's successor supplier shall not be granted access to the APIs.
en | OPEN-APIS | The APIs may not be used by a replacement supplier.
sv | DATA-OWNERSHIP | Leverantörens skyldighet att återlämna data gäller endast i den mån Leverantörens underbiträden medverkar.
sv | DATA-OWNERSHIP | Återlämnande av data förutsätter att underbiträdena medverkar.
en | DATA-OWNERSHIP | The Supplier's obligation to return the data applies only to the extent its sub-processors cooperate.
en | DATA-OWNERSHIP | Return of Customer Data is subject to the cooperation of the Supplier's sub-processors.
sv | DATA-OWNERSHIP | Data som Leverantören har berikat eller kvalitetssäkrat får Beställaren lösa ut mot ersättning enligt prisbilaga.
sv | DATA-OWNERSHIP | Beställaren får köpa tillbaka berikade data mot ersättning.
en | DATA-OWNERSHIP | The Customer may buy back enriched data at the Supplier's current rates.
en | DATA-OWNERSHIP | Data enriched by the Supplier may be repurchased for a fee.
"""

LEAVES_IT = """
sv | DATA-OWNERSHIP | Beställaren är personuppgiftsansvarig och Leverantören personuppgiftsbiträde.
sv | DATA-OWNERSHIP | Leverantören är personuppgiftsansvarig för sina egna kunduppgifter.
sv | DATA-OWNERSHIP | Leverantören är personuppgiftsansvarig för de personuppgifter som behandlas för fakturering.
sv | DATA-OWNERSHIP | Leverantören är inte personuppgiftsansvarig för de personuppgifter som behandlas i tjänsten.
en | DATA-OWNERSHIP | The Customer is the controller and the Supplier the processor of the personal data processed in the service.
en | DATA-OWNERSHIP | The Supplier is the controller of personal data processed for its own billing.
sv | DATA-OWNERSHIP | Leverantören får inte överlåta avtalet utan Beställarens medgivande.
sv | DATA-OWNERSHIP | Leverantören får med Beställarens skriftliga medgivande överlåta avtalet jämte data till ett bolag som övertar samtliga förpliktelser.
en | DATA-OWNERSHIP | The Supplier may not assign this Agreement without the Customer's consent.
en | DATA-OWNERSHIP | With the Customer's prior written consent the Supplier may assign this Agreement, together with the data, to a successor that assumes all obligations.
sv | DATA-OWNERSHIP | Beställarens data lagras logiskt åtskilt från andra kunders data.
sv | DATA-OWNERSHIP | Beställarens data får inte samköras med andra kunders uppgifter.
en | DATA-OWNERSHIP | Customer Data is logically separated from other customers' data and may not be combined with it.
sv | OPEN-STANDARDS | Dokument ska levereras enligt ISO/IEC 29500 Strict eller ODF.
en | OPEN-STANDARDS | Alternative open formats may be proposed.
en | OPEN-STANDARDS | Offeror may propose alternative open formats in lieu of the formats listed herein.
sv | OPEN-STANDARDS | Andra öppna format får föreslås i stället för de angivna formaten.
sv | OPEN-APIS | Beställarens nya leverantör ska ges åtkomst till API:erna under övergången.
en | OPEN-APIS | The Customer's successor supplier shall be granted access to the APIs during the transition.
sv | DATA-OWNERSHIP | Leverantörens underbiträden medverkar vid återlämnandet av data under Leverantörens ansvar.
en | DATA-OWNERSHIP | Sub-processors shall assist with the return of data at exit under the Supplier's responsibility.
sv | DATA-OWNERSHIP | Data som Leverantören har berikat ingår i återlämnandet utan extra kostnad.
en | DATA-OWNERSHIP | Data enriched by the Supplier is included in the return at no extra cost.
"""


@pytest.mark.parametrize(("lang", "clause", "requirement"), _cases(UNDERMINES))
def test_a_clause_undermines_the_principle(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, requirement: str
) -> None:
    result = _outcomes(cli, tmp_path, lang, clause)[requirement]
    assert result["outcome"] == "not_met", result
    line = 2 * len(REQUIREMENTS[lang]) + 3  # the title, each requirement, a blank line each
    assert f"line {line}" in result["reason"] or f"rad {line}" in result["reason"], result["reason"]


@pytest.mark.parametrize(("lang", "clause", "requirement"), _cases(LEAVES_IT))
def test_the_honest_look_alike_leaves_it_met(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, requirement: str
) -> None:
    outcomes = _outcomes(cli, tmp_path, lang, clause)
    for principle in ("DATA-OWNERSHIP", "OPEN-STANDARDS", "OPEN-APIS"):
        assert outcomes[principle]["outcome"] == "met", outcomes[principle]
