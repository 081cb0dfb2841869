"""A vendor's clause that rations export or puts it behind a separate plan, gives data only
as PDF or in its own file format, hides the API description or puts the API behind a separate
plan or agreement (attack round 6): each makes the requirement it undermines not met, with the clause quoted. The buyer's own
wording of the same topics ("minst en gång per dygn", "får inte kräva ett separat avtal",
"PDF/A") leaves it met."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REQUIREMENTS = {
    "sv": [
        "Leverantören ska möjliggöra export av all data när som helst under avtalstiden, utan "
        "Leverantörens medverkan.",
        "Export ska ske i öppna, dokumenterade och maskinläsbara format såsom CSV, JSON eller XML.",
        "Systemet ska stödja öppna API:er med publicerad dokumentation.",
        "Leverantören ska publicera en maskinläsbar OpenAPI-beskrivning av systemets API:er utan "
        "sekretessavtal.",
        "Beställarens användning av API:erna ska ingå i priset utan extra licensavgifter.",
        "All data i tjänsten ska kunna läsas via API:erna.",
    ],
    "en": [
        "The Supplier shall enable export of all data at any time during the contract period, "
        "without the Supplier's involvement.",
        "Exported data shall be delivered in open, documented and machine-readable formats such "
        "as CSV, JSON or XML.",
        "The system shall support open APIs with published documentation.",
        "The Supplier shall publish a machine-readable OpenAPI description of the system's APIs "
        "without a non-disclosure agreement.",
        "The Buyer's use of the APIs shall be included in the price without extra licence fees.",
        "All data stored in the service shall be readable through the APIs.",
    ],
}

UNDERMINES = """
sv | DO-02 | Export av data kan endast ske en gång per år.
sv | DO-02 | Export är begränsad till två tillfällen per avtalsår.
sv | DO-02 | Export sker efter skriftlig beställning hos Leverantören.
sv | DO-02 | Exportfunktionen ingår endast i Enterprise-paketet.
sv | DO-02 | Export av data förutsätter ett separat tilläggsavtal.
sv | DO-03 | Export av data tillhandahålls uteslutande som PDF-rapporter.
sv | DO-03 | Data lämnas vid export ut som en säkerhetskopia i Leverantörens .adb-format.
sv | API-01 | API-specifikationen är konfidentiell.
sv | API-01 | API-dokumentationen lämnas endast ut till certifierade partner.
sv | API-06 | API:et är endast tillgängligt för kunder med Enterprise-licens.
sv | OPEN-APIS | API:et är endast tillgängligt för kunder med Enterprise-licens.
sv | API-06 | Tillgång till API:erna förutsätter ett separat integrationsavtal.
sv | API-06 | API-licensen tecknas separat.
sv | API-04 | API:erna ger endast läsåtkomst till ärendenas rubriker.
en | DO-02 | Data exports are limited to one export per contract year.
en | DO-02 | Exports may be made only once a year.
en | DO-02 | Exports must be ordered from the Supplier.
en | DO-02 | Export of data is only available with the Enterprise plan.
en | DO-02 | Data export requires a separate Enterprise licence.
en | DO-03 | Exports are provided exclusively as PDF reports.
en | API-01 | The API documentation is proprietary.
en | API-01 | The API specification is disclosed only to certified partners.
en | API-06 | API access is available only on the Enterprise plan.
en | OPEN-APIS | API access requires a separate integration agreement.
en | API-06 | The API licence is sold separately.
en | API-04 | The API gives access only to case titles.
"""

LEAVES_IT = """
sv | DO-02 | Export ska kunna ske minst en gång per dygn, automatiskt och utan kostnad.
sv | DO-03 | Dokument ska dessutom kunna exporteras som PDF/A.
sv | API-01 | API-beskrivningen får inte vara konfidentiell.
sv | API-06 | Tillgång till API:erna får inte kräva ett separat avtal.
sv | OPEN-APIS | API:et ska vara tillgängligt för alla användare utan separat licens.
sv | API-04 | API:et ger endast åtkomst till data som användaren har behörighet till.
en | DO-02 | Exports shall be possible at least once a day.
en | DO-02 | Export shall be available in all plans without a separate licence.
sv | DO-02 | Exporten ska ingå i samtliga licenser.
en | API-06 | API access shall not require a separate licence.
en | OPEN-APIS | The APIs shall be available on all plans, including the basic plan.
en | API-04 | The API gives access only to data the user is authorised to see.
"""


def _cases(table: str) -> list[tuple[str, ...]]:
    """Language | requirement | clause, one line each, as (language, clause, requirement)."""
    rows = [[cell.strip() for cell in line.split("|", 2)] for line in table.strip().splitlines()]
    return [(lang, clause, requirement) for lang, requirement, clause in rows]


def _outcomes(cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str) -> dict[str, Any]:
    path = tmp_path / "krav.md"
    path.write_text("\n\n".join(["# Krav", *REQUIREMENTS[lang], clause]) + "\n", "utf-8")
    result = cli("spec", "check", path, "-f", "json", "--lang", lang)
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    return {r["requirement"]: r for r in report["results"]}


@pytest.mark.parametrize(("lang", "clause", "requirement"), _cases(UNDERMINES))
def test_a_vendor_clause_undermines_the_requirement(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, requirement: str
) -> None:
    result = _outcomes(cli, tmp_path, lang, clause)[requirement]
    assert result["outcome"] == "not_met", result
    assert "line 15" in result["reason"] or "rad 15" in result["reason"], result["reason"]


@pytest.mark.parametrize(("lang", "clause", "requirement"), _cases(LEAVES_IT))
def test_the_buyers_wording_leaves_it_met(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str, requirement: str
) -> None:
    assert _outcomes(cli, tmp_path, lang, clause)[requirement]["outcome"] != "not_met"


def test_the_reason_names_what_was_rationed(cli: Callable[..., Any], tmp_path: Path) -> None:
    result = _outcomes(cli, tmp_path, "sv", "Export av data kan endast ske en gång per år.")
    assert "Export av data kan endast ske en gång per år" in result["DO-02"]["reason"]
