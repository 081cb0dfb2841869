"""Writes the three answer files added for issue 11: a status column, English tick columns without
ids, and reservations hidden by spacing and invisible characters (labels: manifest.yaml).

Run: python tests/corpus/answers/make_issue11.py
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from proccheck.requirements import load_requirement_set

OUT = Path(__file__).resolve().parent
rs = load_requirement_set("builtin:open-baseline")
reqs = {r.id: r for r in rs.requirements}
ids = list(reqs)
EVIDENCE = {
    "DO-06": "Bilaga 2 Underbiträden.pdf",
    "DO-08": "Bilaga 3 Informationsmodell.pdf",
    "EX-01": "Bilaga 4 Exitplan.pdf",
    "EX-04": "Bilaga 5 Prisbilaga.xlsx",
    "API-01": "openapi.yaml",
    "API-07": "Bilaga 6 Versionspolicy.pdf",
    "API-08": "Bilaga 7 SLA.pdf",
}


def write(
    name: str,
    header: list[str],
    rows: list[list[str]],
    delimiter: str = ";",
    encoding: str = "utf-8",
    crlf: bool = True,
) -> None:
    out = io.StringIO(newline="")
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    w.writerows(rows)
    (OUT / name).write_bytes(out.getvalue().encode(encoding))


# 1. a bidder's own layout with a status column
status = {i: ("Uppfyllt", "") for i in ids}
status.update(
    {
        "DO-02": (
            "Uppfyllt",
            "Export av all data kommer att finnas i nästa version; i dag via supportärende.",
        ),
        "DO-04": ("Uppfyllt", "Ingen extra kostnad för export, oavsett volym."),
        "DO-06": ("Dokumenterat åtagande", "Förteckningen lämnas vid avtalsstart."),
        "EX-01": ("Dokumenterat åtagande", "Exitplanen bifogas."),
        "EX-05": ("Uppfyllt", "Övergångsperiod om upp till sex månader till oförändrat pris."),
        "OS-05": ("Ej uppfyllt", "Kalenderexport ingår inte i tjänsten."),
        "OS-06": ("Ej tillämpligt", "Tjänsten hanterar ingen geodata."),
        "OS-07": ("Uppfyllt", "Under förutsättning att beställaren köper tilläggsmodulen E-arkiv."),
        "API-04": ("Uppfyllt", "Alla objekt, inklusive bilagor och metadata, kan läsas via API:t."),
        "API-06": ("Uppfyllt", "Enligt våra standardvillkor, avsnitt 7."),
        "API-12": ("Delvis", "Webhooks för ärenden, inte för dokument."),
    }
)
rows = []
for i in ids:
    value, comment = status[i]
    evidence = EVIDENCE.get(i, "") if i != "DO-06" else ""
    rows.append([i, reqs[i].text.sv, value, comment, evidence])
write(
    "anbudssvar-statuskolumn-vretaberg.csv",
    ["Kravnummer", "Kravtext", "Status", "Leverantörens kommentar", "Bilaga"],
    rows,
)

# 2. English Yes/No tick columns, no id column: rows matched by requirement text
ticks = {i: ("X", "", "") for i in ids}
ticks.update(
    {
        "DO-03": (
            "X",
            "",
            "Data is exported in our own export format; a converter to CSV is planned.",
        ),
        "DO-04": ("X", "", "Exports are free of charge, whatever the volume."),
        "EX-02": ("X", "", "Data is returned within 30 days; our standard terms apply."),
        "OS-04": ("X", "", "Will be available in a future release (Q3 2027)."),
        "OS-06": ("X", "", "Not applicable: the service holds no geodata."),
        "OS-09": ("", "X", "Chrome and Edge only."),
        "API-02": ("X", "", "Published openly, without login or registration."),
        "API-03": ("X", "", "Subject to the customer purchasing the Integration package."),
        "API-06": ("X", "", "API access requires a separate licence fee per connected system."),
    }
)
rows = []
for i in ids:
    yes, no, comment = ticks[i]
    rows.append(
        [reqs[i].text.en, yes, no, comment, EVIDENCE.get(i, "").replace("Bilaga", "Attachment")]
    )
write(
    "tender-response-ticks-marlowe.csv",
    ["Requirement", "Yes", "No", "Comments", "Attachment"],
    rows,
    delimiter=",",
    crlf=False,
)

# 3. reservations hidden by spacing and invisible characters; a weaker copy of a requirement
hidden = {i: ("Ja", "") for i in ids}
hidden.update(
    {
        "DO-04": ("Ja", "Export sker mot\u00a0en\u00a0avgift per tillfälle."),
        "API-06": ("Ja", "API-anrop debite\u00adras per månad över 10 000 anrop."),
        "EX-04": ("Ja", "Timpriset index\u200bregleras årligen."),
        "DO-02": ("Ja", "Export via vår supportportal,\r\nefter  beställning."),
        "OS-05": ("Ja", "Ej tillämpligt – tjänsten har inga bokningar."),
        "OS-08": ("Ja\u00a0", ""),
        "API-11": ("Ja", "Paginering med cursor; inga extra avgifter."),
        "DO-05": ("Ja", "Data används inte för produktutveckling eller träning av modeller."),
    }
)
rows = []
for i in ids:
    answer, comment = hidden[i]
    text = reqs[i].text.sv
    if i == "DATA-OWNERSHIP":
        text = "Organisationen ska ha läsåtkomst till all data i systemet."
    rows.append([i, text, answer, comment, EVIDENCE.get(i, "")])
write(
    "anbudssvar-dolda-tecken-hallsta.csv",
    ["Kravnummer", "Kravtext", "Svar", "Kommentar", "Bilaga"],
    rows,
    encoding="utf-8-sig",
)
