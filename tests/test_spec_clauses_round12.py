"""Contract clauses that quietly undermine a principle the specification states (attack round
12, t01 t02 t07 t10 t12): the buyer indemnifying the vendor for exporting or handing on its own
data, the data released only on the vendor's bankruptcy (an escrow in place of export), the data
handed back "i det skick de befinner sig" or without structure or documentation, the vendor's
database schema or data model kept unpublished, and the data deleted at the end of the contract
without a prior export. Each leaves the principle unmet with the clause quoted; the honest
look-alikes (the vendor indemnifying the buyer, an escrow of the source code, data in an open,
documented format, a published data model, deletion after a confirmed export) leave it met."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_spec_clauses_round11 import REQUIREMENTS, _cases, _outcomes

UNDERMINES = """
sv | DATA-OWNERSHIP | Kommunen ska hålla leverantören skadeslös för varje anspråk som uppkommer till följd av att kommunen exporterar eller överlåter data till tredje part.
sv | DATA-OWNERSHIP | Beställaren ska ersätta leverantören för all skada som följer av att beställaren flyttar uppgifterna till en ny leverantör.
sv | DATA-OWNERSHIP | Leverantören ska hållas skadeslös för anspråk som följer av export av kommunens data.
en | DATA-OWNERSHIP | The Customer shall indemnify and hold the Supplier harmless from any claim arising from the Customer exporting or transferring data to a third party.
en | DATA-OWNERSHIP | The Customer shall hold the Supplier harmless against all claims resulting from the export of Customer Data.
sv | DATA-OWNERSHIP | Kommunens data deponeras hos en av leverantören utsedd depositarie och lämnas ut först om leverantören försätts i konkurs.
sv | DATA-OWNERSHIP | Data lämnas ut till kommunen endast vid leverantörens konkurs eller likvidation.
sv | DATA-OWNERSHIP | Först om leverantören upphör med sin verksamhet lämnas kommunens data ut.
sv | DATA-OWNERSHIP | Vid avtalets slut lämnas data ut endast om leverantören har försatts i likvidation.
en | DATA-OWNERSHIP | Customer Data is held in escrow and released to the Customer only if the Supplier becomes insolvent.
en | DATA-OWNERSHIP | The deposited data will not be released unless the Supplier is declared bankrupt.
sv | DATA-OWNERSHIP | Data lämnas inte ut förrän leverantören har försatts i konkurs.
sv | DATA-OWNERSHIP | Vid avtalets upphörande lämnas data ut i det skick de befinner sig, utan struktur eller dokumentation.
sv | DATA-OWNERSHIP | Kommunens uppgifter återlämnas i befintligt skick.
sv | DATA-OWNERSHIP | Datan levereras vid avtalets slut utan tillhörande dokumentation.
en | DATA-OWNERSHIP | On termination the data will be returned as is, without any structure or documentation.
en | DATA-OWNERSHIP | Customer Data is handed back in its current state.
sv | OPEN-STANDARDS | Dokument lagras som PDF; övrig information lagras i leverantörens databasschema, som inte publiceras.
sv | OPEN-STANDARDS | Datamodellen är leverantörens affärshemlighet.
sv | OPEN-STANDARDS | Leverantören publicerar inte sitt interna dataformat.
en | OPEN-STANDARDS | Documents are stored as PDF; other information is kept in the Supplier's database schema, which is not published.
en | OPEN-STANDARDS | The data model is confidential.
en | OPEN-STANDARDS | The Supplier does not publish its internal data format.
en | OPEN-STANDARDS | Other information is kept in the Supplier's database schema, which is not disclosed to the Customer.
en | DATA-OWNERSHIP | Upon termination the Supplier may delete all Customer Data after ten (10) days without any prior export.
en | DATA-OWNERSHIP | All Customer Data will be deleted 30 days after termination, whether or not it has been exported.
sv | DATA-OWNERSHIP | Vid avtalets upphörande får leverantören radera all kommunens data efter tio dagar utan föregående export.
sv | DATA-OWNERSHIP | Kunddata raderas 30 dagar efter avtalets slut oavsett om kommunen har hämtat den.
sv | DATA-OWNERSHIP | Uppgifterna tas bort utan att kommunen först har exporterat dem.
"""

LEAVES_IT = """
sv | DATA-OWNERSHIP | Leverantören ska hålla kommunen skadeslös för varje anspråk som uppkommer till följd av att kommunen exporterar data till tredje part.
en | DATA-OWNERSHIP | The Supplier shall indemnify the Customer against any claim arising from the Customer exporting its data to a third party.
sv | DATA-OWNERSHIP | Kommunen ska hålla leverantören skadeslös för anspråk som uppkommer om kommunen lämnar ut personuppgifter till tredje part i strid med dataskyddsförordningen.
en | DATA-OWNERSHIP | The Customer shall indemnify the Supplier against claims arising from the Customer's unlawful disclosure of personal data to a third party.
sv | DATA-OWNERSHIP | Källkoden till programvaran deponeras hos en depositarie och lämnas ut först om leverantören försätts i konkurs.
en | DATA-OWNERSHIP | The source code of the software is held in escrow and released to the Customer only if the Supplier becomes insolvent.
sv | DATA-OWNERSHIP | Utöver kommunens egen export lämnas en kopia av data ut av depositarien om leverantören går i konkurs.
sv | DATA-OWNERSHIP | Vid avtalets upphörande lämnas data ut i ett öppet, strukturerat format med dokumentation.
sv | DATA-OWNERSHIP | Data lämnas ut i befintligt skick i öppna, dokumenterade format.
sv | DATA-OWNERSHIP | Data exporteras utan förlust av struktur eller samband.
en | DATA-OWNERSHIP | On termination the data is returned in an open, structured format with documentation.
en | DATA-OWNERSHIP | Data is exported without loss of structure.
en | DATA-OWNERSHIP | Customer Data is exported in its current state, in CSV and JSON, with a data dictionary.
sv | DATA-OWNERSHIP | Data exporteras i befintligt skick till e-arkivet enligt FGS.
sv | DATA-OWNERSHIP | Information lämnas ut endast till kommunen, även vid leverantörens konkurs.
sv | DATA-OWNERSHIP | Data lämnas inte ut förrän kommunen har begärt det.
sv | OPEN-STANDARDS | Databasschemat publiceras på leverantörens webbplats.
sv | OPEN-STANDARDS | Datamodellen ska dokumenteras och får inte hållas hemlig.
sv | OPEN-STANDARDS | Leverantören får inte hålla datamodellen hemlig.
en | OPEN-STANDARDS | The data model is published.
en | OPEN-STANDARDS | The data model is not only published but also versioned.
en | OPEN-STANDARDS | The database schema shall not be kept confidential.
en | OPEN-STANDARDS | The Supplier's formats, which are not published, may not be used for storage.
sv | OPEN-STANDARDS | Leverantörens format, som inte är dokumenterade, får inte användas för export.
en | OPEN-STANDARDS | The database schema is not published on the Internet but is delivered to the Customer with full documentation.
sv | OPEN-STANDARDS | Databasschemat publiceras inte öppet men lämnas till kommunen med full dokumentation.
en | DATA-OWNERSHIP | The Supplier shall delete Customer Data after the export has been confirmed by the Customer.
en | DATA-OWNERSHIP | The Supplier shall delete Customer Data 30 days after returning it to the Customer.
en | DATA-OWNERSHIP | The Supplier shall not delete Customer Data without a prior export.
en | DATA-OWNERSHIP | The Customer may delete its data at any time without prior export.
sv | DATA-OWNERSHIP | Leverantören ska radera kommunens data först när kommunen har bekräftat att exporten är mottagen.
sv | DATA-OWNERSHIP | Leverantören får inte radera data utan föregående export.
sv | DATA-OWNERSHIP | Kommunen ska själv kunna radera data utan föregående export.
sv | DATA-OWNERSHIP | Leverantören ska radera data utan kostnad efter export och intyga detta skriftligen.
en | DATA-OWNERSHIP | The Supplier shall delete all Customer Data without undue delay after the data has been returned.
sv | DATA-OWNERSHIP | Leverantören ska radera all data efter avtalets upphörande utan att någon kopia sparas.
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
