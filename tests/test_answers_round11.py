"""Attack rounds 11 and 12, vendor answers: a Yes whose condition is worded in ways the phrase lists
did not know (the vendor's own agreement, a double negative, an approval or a quotation first,
a fixed schedule, a customer tier, a price annex, "förutsätter"), each against an honest
look-alike; a footnote mark read with the footnote the table holds for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_round9_answers import csv_file
from test_xlsx_shown import outcome

HEDGED = {
    "own-agreement": ("Ja, i enlighet med vårt standardavtal.", "i enlighet med vårt standardavtal"),
    "approved-order": ("Ja. Exportfiler framställs efter att beställningen godkänts.", "efter att beställningen godkänts"),
    "double-negative": ("Ja. Det är inte så att exporten inte kostar något.", "det är inte så att"),
    "written-request": ("Ja, efter skriftlig begäran och offert.", "efter skriftlig begäran"),
    "schedule": ("Ja, kvartalsvis enligt fastställt schema.", "kvartalsvis"),
    "customer-tier": ("Ja, ingår för kunder med Integrationslicens.", "för kunder med"),
    "price-annex": ("Ja (se prisbilaga, rad 14: Dataexport).", "prisbilaga"),
    "presupposes": ("Ja, förutsätter tilläggsköp.", "förutsätter"),
    "coming-drop": ("Ja, i kommande släpp.", "i kommande släpp"),
    "english-agreement": ("Yes, in accordance with our standard agreement.", "in accordance with our standard agreement"),
    "english-request": ("Yes, upon written request.", "upon written request"),
    "english-not-the-case": ("Yes. It is not the case that export needs no licence.", "not the case that"),
    # round 12
    "tier": ("Ja (Enterprise-nivån).", "enterprise-nivån"),
    "volume": ("Ja, för datamängder under 50 GB.", "för datamängder under 5"),
    "window": ("Ja, mellan 01.00 och 04.00 (servicefönster).", "servicefönster"),
    "time-permits": ("Ja, i mån av tid.", "i mån av tid"),
    "partner": ("Ja, med stöd av partner.", "med stöd av partner"),
    "upgrade": ("Ja, efter uppgradering till plattformsversion 9.", "efter uppgradering"),
    "add-on": ("Yes. Ingår i tillvalet Dataportabilitet.", "tillvalet"),
    "version-scope": ("Ja, för ärenden som registrerats i version 8 eller senare.", "som registrerats i version"),
    "called-off": ("Ja, via modulen DataBrygga, som avropas separat.", "avropas separat"),
    "renewal": ("Ja, vid avtalets förlängning.", "vid avtalets förlängning"),
    "where-contract": ("Ja, där kunden har tecknat driftavtal hos oss.", "där kunden har tecknat"),
    "first-two": ("Ja, de två första exporterna varje år.", "de två första exporterna"),
    "we-produce": ("Ja, vid behov tar vi fram en export åt er.", "tar vi fram en export åt er"),
    "managed": ("Yes. Export is delivered as a managed service (see rate card).", "rate card"),
    "service-level": ("Ja, enligt SLA-bilaga (nivå 3).", "(nivå 3)"),
    "english-level": ("Yes, per the SLA annex (service level 3).", "(service level 3)"),
}  # fmt: skip


@pytest.mark.parametrize("case", HEDGED)
def test_a_yes_with_a_condition_is_not_verified(
    cli: Callable[..., Any], tmp_path: Path, case: str
) -> None:
    answer, quoted = HEDGED[case]
    path = csv_file(tmp_path / "svar.csv", "K1;Krav 1;Ja;", f"K2;Krav 2;{answer};")
    got, reason = outcome(cli, path)
    assert got == "not_verified" and quoted in reason.lower(), reason
    assert outcome(cli, path, "K1")[0] == "met"


@pytest.mark.parametrize(
    "answer",
    [
        "Ja, export kan göras när som helst utan kostnad.",
        "Ja. Lösningen förutsätter inga tilläggslicenser.",
        "Ja, ingår i priset.",
        "Yes, at any time, included in the price.",
        # review of round 11: the new words in honest sentences
        "Ja, när som helst. Vi rapporterar driftstatistik månadsvis.",
        "Yes, export at any time via the API. We publish release notes on a quarterly basis.",
        "Ja, export sker när som helst. Dessutom sker säkerhetskopiering enligt fast schema.",
        "Ja. Tjänsten förutsätter endast en modern webbläsare.",
        "Yes. The service presupposes nothing beyond a browser.",
        "Ja. Gäller alla kunder, även för kunder med äldre avtal.",
        "Ja. Det är inte så att leverantören får någon rätt till kommunens data.",
        "Ja, se steg 1\ufe0f\u20e3 i manualen.",  # an emoji keycap crosses nothing out
        # round 12
        "Ja, export kan göras dygnet runt, även nattetid.",
        "Ja, support i mån av behov ingår utan kostnad.",
        "Ja, med stöd av öppna standarder som CSV och JSON.",
        "Ja, ingår i grundutförandet utan tillval.",
        "Yes, self-service export at any time, included.",
        "Ja (nivå AA).",
        "Ja, se nivå 3 i bilagan (nivå 3 gäller alla kunder).",
        "Yes (see the plan in annex 3).",
    ],
)
def test_a_plain_yes_stays_met(cli: Callable[..., Any], tmp_path: Path, answer: str) -> None:
    path = csv_file(tmp_path / "svar.csv", "K1;Krav 1;Ja;", f"K2;Krav 2;{answer};")
    assert outcome(cli, path)[0] == "met"


@pytest.mark.parametrize(
    ("footnote", "quoted"),
    [
        ("* Export sker endast mot avgift.", '"mot avgift"'),
        ("* Gäller kunder med avtalsnivå Premium.", '"gäller kunder med"'),
        ("* Exporten ingår utan extra kostnad.", '"*"'),  # the mark is still looked at
        ("* Exporten ingår.;\n;* Dock mot avgift efter år två.", '"mot avgift"'),  # two rows
    ],
)
def test_a_footnote_mark_is_read_with_its_footnote(
    cli: Callable[..., Any], tmp_path: Path, footnote: str, quoted: str
) -> None:
    path = csv_file(tmp_path / "svar.csv", "K1;Krav 1;Ja;", "K2;Krav 2;Ja*;", f";{footnote};;")
    got, reason = outcome(cli, path)
    assert got == "not_verified" and quoted in reason, reason
    assert outcome(cli, path, "K1")[0] == "met"


def test_a_file_drop_answers_export_but_not_an_api(cli: Callable[..., Any], tmp_path: Path) -> None:
    """Round 11 (s19): "via nattlig filöverföring (SFTP)" in place of an API is a reservation to
    the requirement of open APIs (K12), while to one of export (K2) it is an answer."""
    drop = "Ja, via nattlig filöverföring (SFTP)."
    path = csv_file(
        tmp_path / "svar.csv", "K1;Krav 1;Ja;", f"K2;Krav 2;{drop};", f"K12;Krav 12;{drop};"
    )
    got, reason = outcome(cli, path, "K12")
    assert got == "not_verified" and "filöverföring" in reason, reason
    assert outcome(cli, path, "K2")[0] == "met"
