"""Attack round 12 (blind; its vendor answers are in test_answers_round11.py): an API offered
"i mån av tillgänglighet"; a PDF line at font size 0; a Word run kept hidden by `specVanish`;
a requirement table's row marked "Utgår" in its Status column."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_office_round4 import docx
from test_pdf_round10 import REST, _line, _page, _read

from proccheck.loaders.spec import load_spec

REQUIREMENTS = [
    "K1. Kommunen ska äga och ha full kontroll över all data i systemet.",
    "K2. Systemet ska bygga på öppna standarder.",
    "K3. Systemet ska stödja öppna API:er.",
]


def _spec(cli: Callable[..., Any], path: Path) -> dict[str, str]:
    result = cli("spec", "check", path, "-f", "json")
    assert result.code in (0, 1), result.err
    return {r["requirement"]: r["outcome"] for r in json.loads(result.out)["reports"][0]["results"]}


@pytest.mark.parametrize(
    ("clause", "outcome_"),
    [
        ("API:erna tillhandahålls i mån av tillgänglighet.", "not_met"),
        ("The APIs are provided subject to availability.", "not_met"),
        ("API:erna är tillgängliga dygnet runt och dokumenteras öppet.", "met"),
    ],
)
def test_apis_offered_as_availability_permits_are_taken_back(
    cli: Callable[..., Any], tmp_path: Path, clause: str, outcome_: str
) -> None:
    path = tmp_path / "krav.md"
    path.write_text("\n\n".join(["# Krav", *REQUIREMENTS, clause]) + "\n", "utf-8")
    assert _spec(cli, path)["OPEN-APIS"] == outcome_


def test_a_pdf_line_at_font_size_zero_is_not_read(tmp_path: Path) -> None:
    text, _unread = _read(_page(tmp_path, _line(before=b"/F1 0 Tf") + REST))
    assert "Kommunen ska aga" not in text
    text, _unread = _read(_page(tmp_path, _line() + REST))
    assert "Kommunen ska aga" in text


def test_a_word_run_kept_hidden_by_spec_vanish_is_hidden(tmp_path: Path) -> None:
    own = REQUIREMENTS[0]
    body = f"<w:p><w:r><w:rPr><w:specVanish/></w:rPr><w:t>{own}</w:t></w:r></w:p>"
    document = load_spec(
        docx(tmp_path / "s.docx", "<w:p><w:r><w:t>Krav</w:t></w:r></w:p>" + body), "s.docx"
    )
    assert not any(own in item.text for item in document.items)
    assert any(own in text for _, text in document.hidden_text)


def test_a_row_marked_withdrawn_in_its_status_column_is_no_requirement(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    rows = [f"K{n};{text.split(' ', 1)[1]};Ska;{status}" for n, (text, status) in enumerate(
        zip(REQUIREMENTS, ["Utgår (beslut 2026-09-01)", "Gäller", "Gäller"], strict=True), 1)]  # fmt: skip
    path = tmp_path / "krav.csv"
    path.write_text("\n".join(["Kravnummer;Kravtext;Kravnivå;Status", *rows]) + "\n", "utf-8")
    assert _spec(cli, path)["DATA-OWNERSHIP"] == "not_met"
    path.write_text(path.read_text("utf-8").replace("Utgår (beslut 2026-09-01)", "Gäller"), "utf-8")
    assert _spec(cli, path)["DATA-OWNERSHIP"] == "met"


def test_a_requirement_only_on_a_very_hidden_sheet_is_no_requirement(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    shown = book.active
    assert shown is not None
    shown.title = "Krav"
    for row in (
        ["Kravnummer", "Kravtext"],
        ["K2", REQUIREMENTS[1][4:]],
        ["K3", REQUIREMENTS[2][4:]],
    ):
        shown.append(row)
    hidden = book.create_sheet("Dold")
    hidden.sheet_state = "veryHidden"
    for row in (["Kravnummer", "Kravtext"], ["K1", REQUIREMENTS[0][4:]]):
        hidden.append(row)
    path = tmp_path / "krav.xlsx"
    book.save(path)
    assert _spec(cli, path)["DATA-OWNERSHIP"] == "not_met"
    hidden.sheet_state = "visible"
    book.save(path)
    assert _spec(cli, path)["DATA-OWNERSHIP"] == "met"


@pytest.mark.parametrize(
    ("clause", "requirement", "outcome_"),
    [
        ("Data som har avidentifierats övergår i leverantörens ägo.", "DATA-OWNERSHIP", "not_met"),
        ("Anonymised data shall become the property of the Supplier.", "DATA-OWNERSHIP", "not_met"),
        ("Data som kommunen skapar övergår aldrig i leverantörens ägo.", "DATA-OWNERSHIP", "met"),
        ("Export sker i format enligt branschpraxis.", "OPEN-STANDARDS", "not_met"),
        ("Export sker i öppna format enligt branschpraxis, till exempel CSV och JSON.", "OPEN-STANDARDS", "met"),
        ("The Supplier may, at its sole discretion, replace open formats with proprietary formats.", "OPEN-STANDARDS", "not_met"),
        ("Anrop mot API:erna utöver 1 000 per månad faktureras med 2 kronor per anrop.", "API-06", "not_met"),
        ("API calls beyond 1,000 a month are billed at 0.20 EUR per call.", "API-06", "not_met"),
        ("API:erna omfattas inte av SLA-bilagan och kan stängas av vid hög belastning.", "OPEN-APIS", "not_met"),
        ("The APIs may be switched off during peak load.", "OPEN-APIS", "not_met"),
    ],
)  # fmt: skip
def test_round12_clauses(
    cli: Callable[..., Any], tmp_path: Path, clause: str, requirement: str, outcome_: str
) -> None:
    path = tmp_path / "krav.md"
    path.write_text("\n\n".join(["# Krav", *REQUIREMENTS, clause]) + "\n", "utf-8")
    assert _spec(cli, path)[requirement] == outcome_
