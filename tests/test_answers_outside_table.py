"""Reservations a vendor writes where the answer column is not (attack round 6): in a ticked
Ja/Nej cell, in the evidence column, above the header and on a sheet of their own. Each gave
`met` before; a buyer's instructions in the same places must not take a Yes away."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

SPEC = Path(__file__).resolve().parents[1] / "samples" / "spec" / "kravspecifikation-arendehantering.md"  # fmt: skip
HEADER = ["Kravnummer", "Svar", "Kommentar", "Bilaga"]
ALL_YES = [["K1", "Ja", "", ""], ["K2", "Ja", "", ""], ["K3", "Ja", "", ""]]


def _results(cli: Callable[..., Any], path: Path) -> dict[str, dict[str, Any]]:
    result = cli("answers", "check", path, "--spec", SPEC, "-f", "json")
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    return {
        r["requirement"]: {
            **r,
            "findings": [f for f in report["findings"] if f.get("requirement") == r["requirement"]],
        }
        for r in report["results"]
    }


def _csv(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "svar.csv"
    path.write_text("\n".join(";".join(row) for row in rows) + "\n", encoding="utf-8")
    return path


def _workbook(tmp_path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "svar.xlsx"
    book.save(path)
    return path


TICKS = ["Kravnummer", "Ja", "Nej", "Kommentar"]


@pytest.mark.parametrize(
    ("yes", "no", "outcome"),
    [
        ("X", "", "met"),
        ("✓", "", "met"),
        ("", "X", "not_met"),
        ("X – endast mot avgift enligt prislista", "", "not_verified"),
        ("Nej", "", "not_verified"),  # a No written in the Ja column: unclear, never a Yes
        ("2027", "", "not_verified"),
        ("X", "X", "not_verified"),
    ],
)
def test_text_in_a_ticked_cell_is_read(
    cli: Callable[..., Any], tmp_path: Path, yes: str, no: str, outcome: str
) -> None:
    rows = [TICKS, ["K1", "X", "", ""], ["K2", yes, no, ""]]
    got = _results(cli, _csv(tmp_path, rows))
    assert got["K1"]["outcome"] == "met"
    assert got["K2"]["outcome"] == outcome, got["K2"]


def test_a_no_in_the_yes_column_is_shown_with_its_column(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    got = _results(cli, _csv(tmp_path, [TICKS, ["K2", "Nej", "", ""]]))
    assert "Ja: Nej" in json.dumps(got["K2"], ensure_ascii=False)


@pytest.mark.parametrize(
    ("evidence", "outcome"),
    [
        ("bilaga-4-exitplan.pdf", "met"),
        ("[link](https://example.org/exit-plan.md#export)", "met"),
        ("Bilaga 5 – Förbehåll: export mot avgift enligt prislista", "not_verified"),
        ("Exportavgift_5000kr_per_uttag.pdf", "not_verified"),  # round 7: the name says it
        ("Export-mot-avgift.docx", "not_verified"),
    ],
)
def test_what_the_evidence_column_says_is_read_for_reservations(
    cli: Callable[..., Any], tmp_path: Path, evidence: str, outcome: str
) -> None:
    got = _results(cli, _csv(tmp_path, [HEADER, ["K2", "Ja", "", evidence]]))
    assert got["K2"]["outcome"] == outcome, got["K2"]


@pytest.mark.parametrize(
    ("preamble", "outcome"),
    [
        ("Alla Ja-svar nedan gäller om kommunen tecknar vårt Premium-avtal.", "not_verified"),
        ("All answers below are subject to our premium licence at an extra cost.", "not_verified"),
        ("Ange eventuella förbehåll i kommentarsfältet; svar mot avgift godtas inte.", "met"),
        ("Anbudssvar Exempel AB", "met"),
    ],
)
def test_a_row_above_the_header_in_the_vendors_voice_reserves_every_yes(
    cli: Callable[..., Any], tmp_path: Path, preamble: str, outcome: str
) -> None:
    rows = [[preamble, "", "", ""], [], HEADER, *ALL_YES]
    got = _results(cli, _csv(tmp_path, rows))
    assert {got[k]["outcome"] for k in ("K1", "K2", "K3")} == {outcome}, got


def test_a_sheet_of_reservations_covers_the_answers(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    general = ["Samtliga Ja-svar i fliken Svar gäller endast mot avgift enligt offert."]
    path = _workbook(tmp_path, {"Svar": [HEADER, *ALL_YES], "Förbehåll": [["Förbehåll"], general]})
    got = _results(cli, path)
    assert {got[k]["outcome"] for k in ("K1", "K2", "K3")} == {"not_verified"}
    assert "Förbehåll" in got["K1"]["findings"][0]["location"]["sheet"]


def test_a_sheet_of_deviations_by_id_reaches_only_those_answers(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    deviations = [
        ["Kravnummer", "Kommentar"],
        ["K2", "Export sker endast mot avgift enligt prislista."],
        ["K3", "Nej – endast CSV."],
    ]
    path = _workbook(tmp_path, {"Svar": [HEADER, *ALL_YES], "Avvikelser": deviations})
    got = _results(cli, path)
    assert got["K1"]["outcome"] == "met"
    assert got["K2"]["outcome"] == got["K3"]["outcome"] == "not_verified"
    assert "Avvikelser!2" in json.dumps(got["K2"], ensure_ascii=False)


@pytest.mark.parametrize(
    ("note", "reserved"),
    [
        ("# Anm. K2: export sker endast mot avgift enligt gällande prislista.", {"K2"}),
        ("OBS: K3 levereras endast mot avgift.", {"K3"}),
        ("2 Export och format", set()),  # a heading row of the matrix
        ("Anm. Se bilaga 2.", set()),  # a note that names no requirement and reserves nothing
        # review of round 10: two ids, other words for a note, a note on the answer above
        ("# Anm. K1, K3: export endast mot avgift.", {"K1", "K3"}),
        ("Anm. avser K1 och K3: endast mot avgift.", {"K1", "K3"}),
        ("# Observera K3: endast mot avgift.", {"K3"}),
        ("Anmärkningar K3: endast mot avgift.", {"K3"}),
        ("# Kommentar K3: endast mot avgift.", {"K3"}),
        ("# Anm.: export enligt ovan sker endast mot avgift.", {"K2"}),
        ("OBS: svaren avser version 4.2 av tjänsten.", set()),
    ],
)
def test_a_note_row_in_the_answer_table_joins_the_answer_it_names(
    cli: Callable[..., Any], tmp_path: Path, note: str, reserved: set[str]
) -> None:
    """Attack round 10 (c01): a row Excel shows in the table, read by proccheck as a heading."""
    path = _csv(tmp_path, [HEADER, *ALL_YES[:2], [note], ALL_YES[2]])
    got = _results(cli, path)
    assert {k for k in ("K1", "K2", "K3") if got[k]["outcome"] != "met"} == reserved, got


def test_a_buyers_instruction_sheet_takes_no_yes_away(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    instructions = [
        ["Instruktioner"],
        ["Besvara samtliga krav med Ja eller Nej."],
        ["Observera att förbehåll och svar mot avgift kan leda till att anbudet förkastas."],
    ]
    path = _workbook(tmp_path, {"Instruktioner": instructions, "Svar": [HEADER, *ALL_YES]})
    got = _results(cli, path)
    assert {got[k]["outcome"] for k in ("K1", "K2", "K3")} == {"met"}, got


@pytest.mark.parametrize(
    ("comment", "outcome", "shown"),
    [
        ("Ja, inom 6 veckor", "not_verified", '"6 veckor" ≠ "30 dagar"'),
        ("Ja, inom 30 arbetsdagar", "not_verified", '"30 arbetsdagar" ≠ "30 dagar"'),
        ("Ja, inom ett kvartal", "not_verified", '"ett kvartal" ≠ "30 dagar"'),
        ("Yes, within 30 working days", "not_verified", '"30 working days" ≠ "30 dagar"'),
        ("Ja, inom 4 veckor", "met", ""),
        ("Ja, inom 20 arbetsdagar", "met", ""),
        ("Ja, inom en månad", "met", ""),
    ],
)
def test_a_duration_in_other_units_is_compared_in_days(
    cli: Callable[..., Any], tmp_path: Path, comment: str, outcome: str, shown: str
) -> None:
    """K7 asks for the data back within 30 days."""
    got = _results(cli, _csv(tmp_path, [HEADER, ["K7", "Ja", comment, ""]]))
    assert got["K7"]["outcome"] == outcome, got["K7"]
    assert shown in got["K7"]["reason"]
