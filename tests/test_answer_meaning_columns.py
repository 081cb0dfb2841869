"""Columns whose header gives the cell its meaning (attack round 6): "Ingår i anbudspriset" =
Nej, "Tilläggskostnad" = 25 000, "Avvikelse" = Ja, "Tillgängligt från" = a date to come, and a
"Slutligt svar" that says No; and the answer column's header in the vendor's voice ("Svar
(samtliga Ja gäller mot avgift)"). Each left the Yes beside it met; a cell that says there is
nothing to add ("0", "Ingen", "Idag", a date already past) and the buyer's own header words
still leave it met."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_answers_outside_table import _csv, _results, _workbook

BASE = ["Kravnummer", "Svar", "Kommentar"]


@pytest.mark.parametrize(
    ("header", "cell", "outcome"),
    [
        ("Ingår i anbudspriset", "Nej", "not_verified"),
        ("Ingår i anbudspriset", "Ja", "met"),
        ("Ingår i anbudspriset", "Ja, upp till tio exporter per år", "not_verified"),
        ("Standardfunktion (Ja/Nej)", "Nej – kundanpassning", "not_verified"),
        ("Included in price", "No", "not_verified"),
        ("Tilläggskostnad (SEK)", "25 000", "not_verified"),
        ("Tilläggskostnad (SEK)", "0", "met"),
        ("Tilläggskostnad (SEK)", "0 kr", "met"),
        ("Tilläggskostnad (SEK)", "Ingen", "met"),
        ("Tilläggskostnad (SEK)", "enligt offert", "not_verified"),
        ("Additional cost", "None", "met"),
        ("Avvikelse (Ja/Nej)", "Ja", "not_verified"),
        ("Avvikelse (Ja/Nej)", "Nej", "met"),
        ("Förbehåll", "Export sker en gång per år", "not_verified"),
        ("Förbehåll", "Inga förbehåll", "met"),
        ("Deviation", "No deviation", "met"),
        ("Tillgängligt från", "2099-01-01", "not_verified"),
        ("Tillgängligt från", "Q3 2027", "not_verified"),
        ("Tillgängligt från", "Idag", "met"),
        ("Tillgängligt från", "2001-05-01", "met"),
        ("Available from", "Now", "met"),
        ("Slutligt svar", "Nej", "not_verified"),
        ("Slutligt svar", "Ja", "met"),
        ("Korrigerat svar", "Nej", "not_verified"),
    ],
)
def test_a_column_with_a_meaning_is_read_with_the_yes(
    cli: Callable[..., Any], tmp_path: Path, header: str, cell: str, outcome: str
) -> None:
    rows = [[*BASE, header], ["K1", "Ja", "", ""], ["K2", "Ja", "", cell], ["K3", "Ja", "", ""]]
    results = _results(cli, _csv(tmp_path, rows))
    assert results["K2"]["outcome"] == outcome
    assert results["K1"]["outcome"] == results["K3"]["outcome"] == "met"
    if outcome == "not_verified":
        messages = " ".join(f["message"] for f in results["K2"]["findings"])
        assert cell[:20] in messages  # the cell is quoted for the officer


def test_the_column_is_quoted_with_its_header_in_a_workbook(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    rows = [[*BASE, "Ingår i anbudspriset"], ["K1", "Ja", "", "Ja"], ["K2", "Ja", "", "Nej"]]
    results = _results(cli, _workbook(tmp_path, {"Svar": rows}))
    assert results["K1"]["outcome"] == "met"
    assert results["K2"]["outcome"] == "not_verified"
    (finding,) = [f for f in results["K2"]["findings"] if f["check"] == "AN003"]
    assert '"Ingår i anbudspriset: Nej"' in finding["message"]


def test_a_no_answer_stays_not_met_whatever_the_column_says(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    rows = [[*BASE, "Tilläggskostnad"], ["K1", "Nej", "", "25 000"], ["K2", "Ja", "", "0"]]
    results = _results(cli, _csv(tmp_path, rows))
    assert results["K1"]["outcome"] == "not_met"
    assert results["K2"]["outcome"] == "met"


@pytest.mark.parametrize(
    ("header", "outcome"),
    [
        ("Svar (samtliga Ja gäller mot avgift)", "not_verified"),
        ("Svar [all yes answers require the premium licence]", "not_verified"),
        ("Svar (Ja/Nej)", "met"),
        ("Svar (Ja, Nej eller Delvis)", "met"),
        ("Svar (ange Ja eller Nej)", "met"),
        ("Svar (om Nej, ange skäl)", "met"),
    ],
)
def test_the_answer_header_in_the_vendors_voice_reserves_every_yes(
    cli: Callable[..., Any], tmp_path: Path, header: str, outcome: str
) -> None:
    rows = [["Kravnummer", header, "Kommentar"], ["K1", "Ja", ""], ["K2", "Ja", ""]]
    results = _results(cli, _csv(tmp_path, rows))
    assert results["K1"]["outcome"] == results["K2"]["outcome"] == outcome


@pytest.mark.parametrize("header", ["Kommentar (eventuella förbehåll)", "Kommentar (förbehåll)"])
def test_a_buyers_comment_header_naming_reservations_reserves_nothing(
    cli: Callable[..., Any], tmp_path: Path, header: str
) -> None:
    rows = [["Kravnummer", "Svar", header], ["K1", "Ja", ""], ["K2", "Ja", ""]]
    results = _results(cli, _csv(tmp_path, rows))
    assert results["K1"]["outcome"] == results["K2"]["outcome"] == "met"
