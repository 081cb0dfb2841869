"""Attack round 13, vendor answers: a Yes hedged by the vendor's discretion (a starting point,
reasonable limits, some adaptations, the standards relevant to its product), narrowed to a part
(mainly, most modules, a year, a status, an edition, a share of the database per day, data kept
outside the export), with a part of the data owned by the vendor, free or available only to a
category of customers, through a subscription, or at a cost called negligible, in Swedish and
English; and the honest look-alikes, which stay met: "normally" said of how long the export
takes, "as a rule" naming the default of several open formats, "även efter avtalets slut"."""

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
    cli: Callable[..., Any], tmp_path: Path, requirement: str, answer: str, comment: str = ""
) -> tuple[str, str]:
    cells = [requirement, f"Krav {requirement}", answer, comment]
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
    "s03": ("K1", "Ja, som utgångspunkt.", "", "som utgångspunkt"),
    "s04": ("K2", "Yes", "Arkiverade ärenden hanteras utanför exportfunktionen.", "hanteras utanför"),
    "s05": ("K4", "Ja, vi följer de standarder som är relevanta för vår produkt.", "", "standarder som är relevanta"),
    "s06": ("K2", "Ja, för innevarande och föregående kalenderår.", "", "för innevarande och föregående kalenderår"),
    "s07": ("K5", "Ja, i SaaS-versionen. Den offererade lokala installationen saknar API.", "", "saknar api"),
    "s09": ("K1", "Ja. Texter som tjänstens AI-assistent har skrivit räknas som Norrdatas innehåll.", "", "räknas som norrdatas innehåll"),
    "s10": ("K2", "Yes, within reasonable limits.", "", "within reasonable limits"),
    "s11": ("K5", "Ja", "Most modules expose a REST API.", "most modules"),
    "s12": ("K4", "Ja, huvudsakligen.", "", "huvudsakligen"),
    "s13": ("K2", "Ja, för ärenden med status Avslutad.", "", "för ärenden med status avslutad"),
    "s14": ("K3", "Ja, utan extra kostnad för Norrdata Care-kunder.", "", "care-kunder"),
    "s16": ("K5", "Ja, via integrationstjänsten Norrdata Connect (abonnemang).", "", "(abonnemang)"),
    "s17": ("K2", "Ja, motsvarande 5 % av databasen per dygn.", "", "5 % av databasen per dygn"),
    "s18": ("K4", "Ja, med vissa anpassningar.", "", "med vissa anpassningar"),
    "s19": ("K1", "Ja", "Customer owns Customer Content; Service Data is owned by Norrdata.", "data is owned by norrdata"),
    "s20": ("K3", "Ja, kostnaden är försumbar.", "", "kostnaden är försumbar"),
    "s21": ("K5", "Ja, för kommuner som deltar i vår kundpilot.", "", "för kommuner som deltar"),
    # the same families, in the other language or other words
    "start-en": ("K1", "Yes, as a starting point.", "", "as a starting point"),
    "rule-sv": ("K1", "Ja, som huvudregel.", "", "som huvudregel"),
    "rule-en": ("K2", "Yes, as a general rule.", "", "as a general rule"),
    "limits-sv": ("K2", "Ja, inom rimliga gränser.", "", "inom rimliga gränser"),
    "adapt-en": ("K4", "Yes, with some adaptations.", "", "with some adaptations"),
    "mainly-en": ("K4", "Yes, mainly.", "", "mainly"),
    "mainly-sv": ("K4", "Ja, i huvudsak.", "", "i huvudsak"),
    "mainly-rest": ("K5", "Ja, i huvudsak via REST och även via filexport.", "", "i huvudsak"),
    "default-alone": ("K4", "Ja, i regel CSV.", "", "i regel"),
    "mainly-own-format": ("K4", "Ja, huvudsakligen JSON och ett eget binärformat.", "", "huvudsakligen"),
    "most-sv": ("K5", "Ja, de flesta moduler har API.", "", "de flesta"),
    "relevant-en": ("K4", "Yes, we follow the standards relevant to our product.", "", "standards relevant to our product"),
    "year-en": ("K2", "Yes, for the current and previous calendar year.", "", "for the current and previous calendar year"),
    "years-sv": ("K2", "Ja, för de senaste tre åren.", "", "för de senaste tre åren"),
    "years-en": ("K2", "Yes, for the last 3 years.", "", "for the last 3 years"),
    "status-en": ("K2", "Yes, for cases with status Closed.", "", "for cases with status closed"),
    "closed-sv": ("K2", "Ja, för avslutade ärenden.", "", "för avslutade ärenden"),
    "outside-en": ("K2", "Yes", "Archived cases are handled outside the export.", "handled outside"),
    "edition-en": ("K5", "Yes, in the SaaS version. The offered on-premise installation lacks an API.", "", "in the saas version"),
    "edition-sv": ("K5", "Ja, i molnversionen.", "", "i molnversionen"),
    "care-en": ("K3", "Yes, free of charge for Care customers.", "", "free of charge for care customers"),
    "premium-sv": ("K3", "Ja, kostnadsfritt för premiumkunder.", "", "kostnadsfritt för premiumkunder"),
    "existing-sv": ("K3", "Ja, ingen kostnad för befintliga kunder.", "", "ingen kostnad för befintliga kunder"),
    "framework-sv": ("K3", "Ja, ingen kostnad för kunder med ramavtal.", "", "ingen kostnad för kunder med"),
    "existing-en": ("K3", "Yes, no extra cost for existing customers.", "", "no extra cost for existing customers"),
    "plan-en": ("K3", "Yes, no extra cost for customers on the Gold plan.", "", "no extra cost for customers on"),
    "subscription-sv": ("K5", "Ja, via Norrdata Connect (separat abonnemang).", "", "(separat abonnemang)"),
    "subscription-en": ("K5", "Yes, via Norrdata Connect (subscription).", "", "(subscription)"),
    "share-en": ("K2", "Yes, equivalent to 5 % of the database per day.", "", "5 % of the database per day"),
    "owned-sv": ("K1", "Ja", "Loggdata ägs av Norrdata AB.", "loggdata ägs av norrdata"),
    "owned-us": ("K1", "Ja", "Servicedata ägs av oss.", "servicedata ägs av oss"),
    "negligible-en": ("K3", "Yes, the cost is negligible.", "", "the cost is negligible"),
    "symbolic-sv": ("K3", "Ja, avgiften är symbolisk.", "", "avgiften är symbolisk"),
    "pilot-en": ("K5", "Yes, for councils participating in our pilot programme.", "", "for councils participating"),
    # "normally" of a lead time from an order, or with nothing after it, stays a reservation
    "s01": ("K2", "Ja, normalt inom tio arbetsdagar från beställning.", "", "normalt"),
    "normally-alone": ("K2", "Ja, normalt. Exporten tar en minut.", "", "normalt"),
    "normally-order": ("K2", "Ja, normalt tar det tio minuter från beställning.", "", "normalt"),
}
# fmt: on


@pytest.mark.parametrize("case", sorted(HEDGED))
def test_hedged_yes_is_not_verified(cli: Callable[..., Any], tmp_path: Path, case: str) -> None:
    requirement, answer, comment, quoted = HEDGED[case]
    outcome, said = check(cli, tmp_path, requirement, answer, comment)
    assert outcome == "not_verified", (case, said)
    assert quoted in said, (case, said)


# fmt: off
HONEST = {
    # the round's controls
    "k01": ("K2", "Ja, självbetjäning när som helst; normalt tar exporten under en minut.", ""),
    "k02": ("K4", "Ja, i regel används CSV; JSON och XML finns också. Alla är öppna standarder.", ""),
    "k09": ("K1", "Ja, även efter avtalets slut.", ""),
    # review of the session: a licence named in brackets that costs nothing extra, an FGS level
    # in brackets, customers' own habit of exporting monthly
    "licence-included": ("K3", "Ja, export ingår i licensen (SaaS-licensen) utan extra kostnad.", ""),
    "fgs-level": ("K4", "Ja, CSV, JSON och XML enligt FGS (nivå 2).", ""),
    "customers-habit": ("K2", "Ja, kunden kan exportera när som helst. Många kunder gör en export i månaden som extra säkerhetskopia.", ""),
    "k07": ("K2", "Ja, för alla ärenden oavsett status.", ""),
    "k10": ("K3", "Ja, utan extra kostnad för alla kunder; Norrdata Care behövs inte.", ""),
    # look-alikes of the new phrases
    "all-modules": ("K5", "Ja, alla moduler exponerar REST.", ""),
    "free-all-sv": ("K3", "Ja, kostnadsfritt för alla kunder.", ""),
    "free-all-en": ("K3", "Yes, free of charge for all customers.", ""),
    "service-data-sv": ("K1", "Ja", "Kunden äger all data, även servicedata."),
    "service-data-en": ("K1", "Yes", "All data, including service data, is owned by the customer."),
    "owned-buyer-sv": ("K1", "Ja", "Data ägs av Ovanåkers kommun."),
    "owned-buyer-en": ("K1", "Yes", "Data is owned by Ovanåker municipality."),
    "ai-buyer": ("K1", "Ja. Texter som AI-assistenten skrivit räknas som kommunens innehåll.", ""),
    "all-statuses": ("K2", "Ja, för ärenden i alla statusar.", ""),
    "status-field": ("K2", "Ja, API:et returnerar ärenden med status och handläggare.", ""),
    "status-field-en": ("K2", "Yes, the API returns cases with status and owner.", ""),
    "both-editions": ("K5", "Ja, i både SaaS- och on-prem-versionen.", ""),
    "offered-edition": ("K5", "Yes, in the cloud version, which is the version offered.", ""),
    "duration-sv": ("K2", "Ja, normalt tar exporten under en minut.", ""),
    "duration-after": ("K2", "Ja, exporten tar normalt några minuter.", ""),
    "duration-en": ("K2", "Yes, at any time; the export usually takes a few minutes.", ""),
    "default-also": ("K4", "Ja, i regel CSV, även JSON.", ""),
    "default-en": ("K4", "Yes, as a rule CSV; JSON and XML are also available. All are open standards.", ""),
    "even-after-en": ("K1", "Yes, even after the end of the contract.", ""),
    "this-year-too": ("K2", "Ja, även för innevarande år.", ""),
    "subscription-included": ("K5", "Ja, API:et ingår i abonnemanget.", ""),
    "subscription-bracket": ("K5", "Ja (ingår i abonnemanget).", ""),
    "open-relevant": ("K4", "Ja, vi följer de öppna standarder som är relevanta, t.ex. CSV, JSON och XML.", ""),
    "none-lacks": ("K5", "Ja, REST-API för alla moduler; inga moduler saknar API.", ""),
    "most-common": ("K5", "Yes, the most common integration pattern is REST; all modules expose it.", ""),
    "never-outside": ("K2", "Ja, data lagras aldrig utanför EU.", ""),
    "free-customers": ("K3", "Ja, kostnadsfritt för kunder.", ""),
    "free-all-en-no": ("K3", "Yes, at no extra cost for all customers.", ""),
    "mainly-formats-sv": ("K4", "Ja, huvudsakligen JSON, även CSV och XML.", ""),
    "mainly-formats-en": ("K4", "Yes, mainly JSON; CSV and XML are also supported.", ""),
    "support-first": ("K2", "Ja, exporten kan göras när som helst. Support ges i första hand via e-post.", ""),
    "outside-included": ("K2", "Ja", "Ärenden som lagras utanför systemet ingår också i exporten."),
}
# fmt: on


@pytest.mark.parametrize("case", sorted(HONEST))
def test_honest_yes_stays_met(cli: Callable[..., Any], tmp_path: Path, case: str) -> None:
    requirement, answer, comment = HONEST[case]
    outcome, said = check(cli, tmp_path, requirement, answer, comment)
    assert outcome == "met", (case, said)
