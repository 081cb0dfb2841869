"""Words beside a "Ja" that take it back or limit it (attack round 5): a No in the comment,
a negation right after the Ja, a clause that gives the data away, and reservations the
lexicon lacked. Each must make the requirement not verified (AN003), never met; the benign
twins stay met."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SET = "builtin:trollhattan-2023"

TAKEN_BACK = [
    ("Ja", "Nej"),
    ("Ja", "Nej, vi behåller äganderätten."),
    ("Ja", "Uppfylls ej"),
    ("Ja", "Kravet uppfylls inte."),
    ("Yes", "Not compliant"),
    ("Ja", "Ej tillämpligt"),
    ("Ja", "Leverantören äger all data som genereras."),
    ("Ja", "Kommunen får nyttjanderätt, äganderätten kvarstår hos oss."),
    ("Ja", "Se förbehåll i bilaga 9."),
    ("Ja, inte i dagsläget", ""),
    ("Ja, ej", ""),
    ("Ja eller nej", ""),
    ("Ja ✗", ""),
    ("Ja, från 2027", ""),
    ("Ja, fr.o.m. 2027-01-01", ""),
    ("Ja, efter avtalets första år", ""),
    ("Ja, kostnad tillkommer", ""),
    ("Ja, avgiftsbelagt", ""),
    ("Ja, ej kostnadsfritt", ""),
    ("Ja, via konsulttimmar", ""),
    ("Ja, exklusive loggar", ""),
    ("Ja, bortsett från metadata", ""),
    ("Ja, utan loggar", ""),
    ("Ja, i princip", ""),
    ("Ja, i regel", ""),
    ("Ja, efter överenskommelse", ""),
    ("Ja, om kunden betalar", ""),
    ("Ja, en gång per år", ""),
    ("Yes, chargeable", ""),
    ("Yes, at cost", ""),
    ("Yes, excluding logs", ""),
    ("Yes, from 2027", ""),
    ("Yes, once a year", ""),
    ("Yes, normally", ""),
]

STAYS_MET = [
    ("Ja", "Ingen extra kostnad."),
    ("Yes", "No additional cost."),
    ("Yes, no additional cost", ""),
    ("Ja, utan extra kostnad", ""),
    ("Ja, se bilaga 3", ""),
    ("Ja", "Data används aldrig för träning av AI-modeller."),
    ("Yes", "Customer data is never used for training AI models or for analytics."),
    ("Ja", "Export sker i CSV och JSON via API:et."),
    ("Ja", "Leverantören äger ingen rätt till kommunens data."),
    ("Ja", "Ej avgiftsbelagt."),
    ("Ja", "Inte bara CSV, även JSON och XML."),
    ("Yes", "Not only CSV; also JSON and XML."),
]


def outcome(cli: Callable[..., Any], tmp_path: Path, answer: str, comment: str) -> str:
    entry = {"requirement": "DATA-OWNERSHIP", "answer": answer}
    if comment:
        entry["comment"] = comment
    path = tmp_path / "svar.json"
    path.write_text(json.dumps({"vendor": "V", "answers": [entry]}), encoding="utf-8")
    result = cli("answers", "check", path, "--set", SET, "-f", "json")
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    found = {r["requirement"]: r for r in report["results"]}["DATA-OWNERSHIP"]
    return f"{found['outcome']}: {found['reason']}"


@pytest.mark.parametrize(("answer", "comment"), TAKEN_BACK)
def test_words_that_take_the_yes_back_are_not_verified(
    cli: Callable[..., Any], tmp_path: Path, answer: str, comment: str
) -> None:
    got = outcome(cli, tmp_path, answer, comment)
    assert got.startswith("not_verified: DATA-OWNERSHIP: Yes with a reservation"), got


@pytest.mark.parametrize(("answer", "comment"), STAYS_MET)
def test_benign_words_beside_a_yes_stay_met(
    cli: Callable[..., Any], tmp_path: Path, answer: str, comment: str
) -> None:
    got = outcome(cli, tmp_path, answer, comment)
    assert got.startswith("met: "), got
