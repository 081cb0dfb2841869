"""Review of attack round 12, vendor answers: a schedule cancelled only by "any time" said of
export (not by "löpande" backups or a dashboard "i realtid"); conditions in close variants of
round 12's phrases (a tier in brackets, a size cap, a clock window, "när tid finns", a partner's
help, an upgrade, an add-on, a version, a separate call-off, a renewal, a signed agreement,
anonymised data for the vendor, a count of exports, an export made for the buyer), in Swedish
and English; and the honest sentences round 12's phrases had flagged, which stay met."""

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


HEDGED = {
    # A: "any time" said of something else cancels no schedule
    "w2": ("K2", "Ja, export sker kvartalsvis. Säkerhetskopior tas löpande.", "", "kvartalsvis"),
    "w2b": ("K2", "Ja, månadsvis.", "Driftstatus visas i realtid.", "månadsvis"),
    "w2c": ("K2", "Yes, monthly exports. Dashboards update in real time.", "", "monthly exports"),
    # C: close variants
    "a01": ("K2", "Ja (Guld-nivån)", "", "(guld-nivån)"),
    "a01b": ("K2", "Yes (Premium package)", "", "premium package"),
    "a03": ("K2", "Ja, för datamängder mindre än 50 GB.", "", "för datamängder mindre än 50 gb"),
    "a03-passive": ("K2", "Ja, för datamängder som understiger 50 GB.", "", "understiger 50 gb"),
    "a03b": ("K2", "Yes, for data volumes below 50 GB.", "", "for data volumes below 50 gb"),
    "a03c": ("K2", "Yes, for exports smaller than 2 000 000 records.", "", "smaller than 2 000 000 records"),
    "a04": ("K2", "Ja, nattetid kl. 01.00–04.00.", "", "kl. 01.00–04.00"),
    "a04-dash": ("K2", "Ja, 01.00-04.00 varje natt.", "", "01.00-04.00"),
    "a04b": ("K2", "Yes, between 1 am and 4 am.", "", "between 1 am and 4 am"),
    "a04c": ("K2", "Yes, from 1 am to 4 am.", "", "from 1 am to 4 am"),
    "a07": ("K2", "Ja, när tid finns.", "", "när tid finns"),
    "a07b": ("K2", "Yes, on a best-effort basis.", "", "best-effort"),
    "a07c": ("K2", "Yes, when capacity allows.", "", "when capacity allows"),
    "a09": ("K5", "Yes, with the help of our partner.", "", "with the help of our partner"),
    "a10": ("K5", "Yes, once upgraded to platform version 9.", "", "once upgraded to"),
    "a10b": ("K5", "Ja, från plattformsversion 9.", "", "från plattformsversion 9"),
    "a10c": ("K5", "Ja, när kunden har uppgraderat till version 9.", "", "när kunden har uppgraderat"),
    "a10d": ("K5", "Yes, from version 9.", "", "from version 9"),
    "a12": ("K2", "Yes", "Ingår i tilläggspaketet Dataportabilitet.", "tilläggspaketet"),
    "a12b": ("K2", "Ja", "Ingår i modulen Dataportabilitet som tillköps.", "tillköps"),
    "a15": ("K2", "Ja, för ärenden som har registrerats i version 8 eller senare.", "", "som har registrerats i version"),
    "a15b": ("K2", "Yes, for cases registered in version 8 or later.", "", "registered in version 8"),
    "a16": ("K2", "Ja, via modulen DataBrygga, som separat avropas.", "", "separat avropas"),
    "a16b": ("K2", "Yes, via the DataBridge module, sold separately.", "", "sold separately"),
    "a16c": ("K2", "Ja, via modulen DataBrygga som måste köpas separat.", "", "måste köpas separat"),
    "a17": ("K5", "Yes, if the contract is extended.", "", "if the contract is extended"),
    "a17b": ("K5", "Ja, vid förlängt avtal.", "", "vid förlängt avtal"),
    "a17c": ("K5", "Ja, om avtalet förlängs.", "", "om avtalet förlängs"),
    "a18": ("K2", "Ja, där driftavtal har tecknats.", "", "där driftavtal har tecknats"),
    "a18b": ("K2", "Yes, where the customer has signed a hosting agreement with us.", "", "where the customer has signed"),
    "a18c": ("K2", "Yes, where a hosting agreement has been signed.", "", "agreement has been signed"),
    "a20": ("K1", "Ja, kommunen äger sina data.", "Avidentifierade data får nyttjas av leverantören utan begränsning.", "avidentifierade data får nyttjas av leverantören"),
    "a20b": ("K1", "Yes, the Council owns its data.", "Anonymised data may be used by the supplier without limitation.", "anonymised data may be used by the supplier"),
    "a21": ("K3", "Ja, en export per år.", "", "en export per år"),
    "a21b": ("K3", "Yes, the first two exports each year.", "", "the first two exports"),
    "a21c": ("K3", "Ja, de två första exporterna varje år ingår.", "", "de två första exporterna"),
    "a23": ("K2", "Ja, vi levererar en export till er vid behov.", "", "vi levererar en export till er"),
    "a23b": ("K2", "Yes, our consultants will extract the data for you.", "", "our consultants will extract the data for you"),
    "a23c": ("K2", "Ja, exporten tas fram av våra konsulter.", "", "tas fram av våra konsulter"),
    # the rules of B still see the limit when nothing takes in the rest
    "b-larger-refused": ("K2", "Ja, för exporter under 10 GB; större exporter stöds inte.", "", "för exporter under 10 gb"),
    "b-training-and-export": ("K3", "Ja. Exportmodulen och utbildning avropas separat.", "", "avropas separat"),
    # the narrowing opens no door: a schedule in a later sentence, training beside a module, a
    # word of inclusion not on the part named, a larger size handled in unknown ways
    "schedule-later-sentence": ("K2", "Ja, via API.", "Leverans sker kvartalsvis.", "kvartalsvis"),
    "module-and-training": ("K3", "Ja. Modulen tillköps, liksom utbildning.", "", "tillköps"),
    "inclusive-elsewhere": ("K2", "Ja, inklusive bilagor för ärenden som registrerats efter 2015.", "", "som registrerats efter 2"),
    "larger-unknown": ("K2", "Ja, för exporter under 10 GB; större exporter hanteras separat.", "", "för exporter under 10 gb"),
    "realtime-same-sentence": ("K2", "Ja, data exporteras månadsvis och visas i realtid i portalen.", "", "månadsvis"),
    "b-window-without-clock": ("K2", "Ja, mellan kl. 1 och 4 varje natt.", "", "mellan kl. 1 och 4"),
}  # fmt: skip


@pytest.mark.parametrize("case", HEDGED)
def test_a_conditioned_yes_is_not_verified(
    cli: Callable[..., Any], tmp_path: Path, case: str
) -> None:
    requirement, answer, comment, quoted = HEDGED[case]
    got, reason = check(cli, tmp_path, requirement, answer, comment)
    assert got == "not_verified" and quoted in reason, reason


HONEST = {
    "mellan-minuter": ("K2", "Ja. En fullständig export tar mellan 5 och 10 minuter.", ""),
    "between-minutes": ("K2", "Yes. A full export takes between 5 and 10 minutes.", ""),
    "forlangning-samma": ("K2", "Ja. Vid avtalets förlängning gäller samma villkor.", ""),
    "aven-vid-forlangning": ("K5", "Ja. API:et ingår i samtliga licensnivåer, även vid förlängning av avtalet.", ""),
    "same-terms-if-extended": ("K5", "Yes. The same terms apply if the contract is extended.", ""),
    "samma-villkor-vid-forlangning": ("K5", "Ja. Samma villkor gäller vid förlängning av avtalet.", ""),
    "renewal-same-terms": ("K5", "Yes. If the contract is extended, the same terms apply.", ""),
    "anonymiserade-kommunen": ("K1", "Ja, kommunen äger all data. Även anonymiserade och aggregerade uppgifter ägs av kommunen.", ""),
    "anonymised-council": ("K1", "Yes. Anonymised and aggregated data derived from the system is also owned by the Council.", ""),
    "under-10gb-direkt": ("K2", "Ja, all data kan exporteras. För exporter under 10 GB sker nedladdningen direkt; större exporter delas upp i flera filer.", ""),
    "under-10gb-direct": ("K2", "Yes, all data can be exported at any time. For exports under 10 GB the file downloads directly; larger exports are split into several files.", ""),
    "tillvalet-behovs-inte": ("K3", "Ja, exporten ingår utan extra kostnad; tillvalet Arkiv behövs inte.", ""),
    "utbildning-separat": ("K3", "Ja, exporten ingår i grundlicensen. Utbildning avropas separat.", ""),
    "training-separately": ("K3", "Yes, export is included in the base licence. Training is sold separately.", ""),
    "after-an-upgrade": ("K5", "Yes. The API is included in all tiers and remains available after an upgrade.", ""),
    "kvar-efter-uppgradering": ("K5", "Ja. API:et finns kvar efter uppgradering.", ""),
    "version7-ingar-ocksa": ("K2", "Ja. Ärenden som registrerats i version 7 och tidigare konverterades vid uppgraderingen och ingår också i exporten.", ""),
    "inklusive-2005": ("K2", "Ja, all data inklusive ärenden som skapats i år 2005 och framåt.", ""),
    "enterprise-i-anbudet": ("K4", "Ja, systemet bygger på öppna standarder (Enterprise-nivån ingår i anbudet).", ""),
    "liksom-alla": ("K3", "Ja, kostnadsfritt och obegränsat; de två första exporterna varje år ingår liksom alla därefter.", ""),
    "as-are-all": ("K3", "Yes, free of charge; the first two exports each year are included, as are all later ones.", ""),
    "utvecklat-partner": ("K5", "Ja. API:et är dokumenterat och utvecklat med stöd av vår partner Redhat-certifierade tekniker.", ""),
    "developed-partner": ("K5", "Yes. The API was developed with the help of our partner.", ""),
    # round 11's honest sentences with a schedule about something else
    "schedule-elsewhere": ("K2", "Ja, när som helst. Vi rapporterar driftstatistik månadsvis.", ""),
    "any-time-then-quarterly": ("K2", "Ja, export kan ske när som helst. Dessutom skickas en automatisk export kvartalsvis.", ""),
    "self-service-nightly": ("K2", "Ja, självbetjäning dygnet runt, även nattetid.", ""),
    "support-hours": ("K2", "Ja, export när som helst via API:et.", "Supporten är bemannad 08.00–17.00."),
    "grund-licens": ("K3", "Ja (grundlicensen)", ""),
    "standard-package": ("K3", "Yes (standard package)", ""),
    "aa-niva": ("K4", "Ja (AA-nivå)", ""),
    "export-function": ("K2", "Ja, vi levererar en exportfunktion till er där ni själva exporterar när som helst.", ""),
    "owned-by-council": ("K1", "Ja. Aggregerade data får användas fritt av kommunen.", ""),
    "even-where-signed": ("K2", "Yes, for every customer, even where the customer has signed an older agreement.", ""),
}  # fmt: skip


@pytest.mark.parametrize("case", HONEST)
def test_an_honest_yes_stays_met(cli: Callable[..., Any], tmp_path: Path, case: str) -> None:
    requirement, answer, comment = HONEST[case]
    got, reason = check(cli, tmp_path, requirement, answer, comment)
    assert got == "met", reason
