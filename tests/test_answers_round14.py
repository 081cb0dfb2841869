"""Attack round 14, vendor answers: a Yes hedged by coordination with the vendor ("i samråd
med Norrdatas driftorganisation"), the vendor's database right (katalogskydd, sui generis), a
roadmap (produktplan), old closed formats answering open standards (.xls, .doc), a dump ordered
through the vendor's consultants, a database connection (ODBC) answering an API requirement,
what one case officer may see, days of notice, or a row cap per export, in Swedish and English;
and the honest look-alikes, which stay met: the buyer coordinating, the buyer's database right,
further development of what exists today, OOXML beside CSV, ODBC beside a REST API, and
consultancy said not to be needed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES

SPEC = SAMPLES / "spec" / "kravspecifikation-arendehantering.yaml"
"""K1 ownership, K2 export at any time, K3 export at no extra cost, K4 open standards, K5 open
APIs."""


def check(
    cli: Callable[..., Any], tmp_path: Path, requirement: str, answer: str
) -> tuple[str, str]:
    cells = [requirement, f"Krav {requirement}", answer, ""]
    row = ";".join('"' + cell.replace('"', '""') + '"' for cell in cells)
    path = tmp_path / "svar.csv"
    path.write_text(f"Kravnummer;Kravtext;Svar;Kommentar\n{row}\n", "utf-8")
    result = cli("answers", "check", path, "--spec", SPEC, "-f", "json")
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    found = {r["requirement"]: r for r in report["results"]}[requirement]
    messages = [f["message"] for f in report["findings"] if f["requirement"] == requirement]
    return found["outcome"], " | ".join([found["reason"], *messages]).lower()


# fmt: off
HEDGED = {
    # the round's cases
    "s01": ("K2", "Ja, i samråd med Norrdatas driftorganisation.", "i samråd med norrdatas"),
    "s02": ("K2", "Ja, exporten bokas i kundportalen med fem arbetsdagars framförhållning.", "med fem arbetsdagars framförhållning"),
    "s04": ("K1", "Ja. Databasen som sådan omfattas av Norrdatas katalogskydd.", "norrdatas katalogskydd"),
    "s05": ("K5", "Ja, API:et ingår i vår produktplan för 2027.", "ingår i vår produktplan"),
    "s06": ("K4", "Ja, exporten sker till Excel 97–2003 (.xls) och Word (.doc).", ".xls"),
    "s07": ("K2", "Ja, genom att beställa en databasdump via Norrdatas konsulttjänster.", "via norrdatas konsulttjänster"),
    "s10": ("K5", "Ja, via ODBC-koppling direkt mot databasen (läsbehörighet).", "odbc"),
    "s11": ("K2", "Ja, via rapportverktyget (högst 65 000 rader per rapport).", "65 000 rader per rapport"),
    "s16": ("K2", "Ja, för de ärenden som handläggaren har behörighet att se.", "som handläggaren har behörighet att se"),
    # the same families, in other words or in English
    "samrad-lev": ("K2", "Ja, efter samråd med leverantören.", "efter samråd med leverantören"),
    "consult-en": ("K2", "Yes, in consultation with Norrdata's operations team.", "in consultation with norrdata's"),
    "coord-en": ("K2", "Yes, after coordination with the supplier.", "after coordination with the"),
    "varsel": ("K2", "Ja, med minst tio dagars varsel.", "med minst tio dagars varsel"),
    "notice-en": ("K2", "Yes, with five working days' notice.", "five working days' notice"),
    "databasratt": ("K1", "Ja. Vi innehar katalogskyddet för databasen.", "vi innehar katalogskyddet"),
    "sui-generis-en": ("K1", "Yes. The database as such is protected by Norrdata's sui generis database right.", "sui generis database right"),
    "db-right-en": ("K1", "Yes; we hold the database right in the compilation.", "we hold the database right"),
    "roadmap-en": ("K5", "Yes, the API is in our product plan for 2027.", "product plan"),
    "mdb": ("K4", "Ja, export till Access-databas (.mdb).", ".mdb"),
    "xls-en": ("K4", "Yes, export to Excel 97-2003 and Word 97-2003 formats.", "excel 97-2003"),
    "proserv-en": ("K2", "Yes, by ordering a database dump through our professional services.", "through our professional services"),
    "konsulter": ("K2", "Ja, via våra konsulter.", "via våra konsulter"),
    "jdbc-en": ("K5", "Yes, through JDBC access to the database.", "jdbc"),
    "direct-db-en": ("K5", "Yes, via direct database access (read-only).", "direct database access"),
    "officer-en": ("K2", "Yes, for the cases the logged-in user has permission to see.", "has permission to see"),
    "rows-en": ("K2", "Yes, at most 65,000 rows per export.", "65,000 rows per export"),
}
# fmt: on


@pytest.mark.parametrize("case", sorted(HEDGED))
def test_hedged_yes_is_not_verified(cli: Callable[..., Any], tmp_path: Path, case: str) -> None:
    requirement, answer, quoted = HEDGED[case]
    outcome, said = check(cli, tmp_path, requirement, answer)
    assert outcome == "not_verified", (case, said)
    assert quoted in said, (case, said)


# fmt: off
HONEST = {
    "buyer-plans": ("K2", "Ja, i samråd med kommunen planeras exporten"),
    "buyer-plans-en": ("K2", "Yes, in consultation with the council we plan the export."),
    "buyer-katalogskydd": ("K1", "Ja. Kommunen äger databasen och har katalogskydd."),
    "buyer-db-right-en": ("K1", "Yes, the council owns the database and holds the database right."),
    "further-development": ("K5", "Ja, finns i dag; vidareutveckling enligt produktplan 2027"),
    "further-development-en": ("K5", "Yes, available today; further development per our roadmap 2027."),
    "ooxml": ("K4", "Ja, CSV och XLSX (Office Open XML, ISO/IEC 29500)"),
    "xls-to-export": ("K2", "Ja, export till .xls och CSV."),
    "odbc-too": ("K5", "Ja, REST-API; ODBC finns dessutom för rapportverktyg"),
    "odbc-too-en": ("K5", "Yes, REST API; ODBC is also available for reporting tools."),
    "odbc-to-export": ("K2", "Ja, via ODBC eller CSV-export."),
    "no-consultants": ("K2", "Ja, via självbetjäning; konsulttjänster behövs inte"),
    "no-notice": ("K2", "Ja, när som helst; inget varsel krävs."),
    "split-files": ("K2", "Ja, när som helst; större exporter delas upp i filer om 65 000 rader."),
}
# fmt: on


@pytest.mark.parametrize("case", sorted(HONEST))
def test_honest_yes_stays_met(cli: Callable[..., Any], tmp_path: Path, case: str) -> None:
    requirement, answer = HONEST[case]
    outcome, said = check(cli, tmp_path, requirement, answer)
    assert outcome == "met", (case, said)
