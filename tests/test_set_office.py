"""Requirement sets from and to office files: a kravmatris written in Excel style (merged title
row, Ska/Bör column, Swedish headers) or as CSV works as `--set`; `sets export` writes the set as
a Word or Excel annex, and the Excel annex reads back as the same set."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLES, CliResult

from proccheck.api import check_spec, load_requirement_set
from proccheck.errors import RequirementSetError
from proccheck.model import Lang

Cli = Callable[..., CliResult]
SPEC = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"

ROWS = [
    ["K1", "Leverantören ska kunna exportera alla ärenden och handlingar i ett öppet, "
     "maskinläsbart format.", "Ska", "Dataägande", "Kommunen ska kunna byta system.",
     "Bifoga en beskrivning av exporten."],
    ["", "Avslut och exit", "", "", "", ""],  # a section row: no id
    ["K2", "Systemet bör erbjuda ett dokumenterat REST-API för integrationer.", "Bör",
     "Öppna API:er", "", ""],
    ["K3", "Vid avtalets slut ska leverantören återlämna all data inom 30 dagar.", "Skall",
     "Exit och avslut", "", "Ett tydligt Ja."],
    ["K4", "", "Ska", "", "", ""],  # no text yet: skipped
]  # fmt: skip
SPEC_TEXT = (
    "# Kravspecifikation\n\n"
    "1. Leverantören ska kunna exportera samtliga ärenden och tillhörande handlingar i ett "
    "öppet och maskinläsbart format.\n"
    "2. Systemet bör ha ett dokumenterat REST-API för integrationer med andra system.\n"
)


def excel_matrix(path: Path, rows: list[list[str]] = ROWS) -> Path:
    """A kravmatris as an officer makes it in Excel: a title merged over A1:F1, a blank row,
    then the header and the requirements."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Krav"
    sheet["A1"] = "Kravmatris – Ärendehanteringssystem"
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["Krav-ID", "Kravtext", "Typ", "Område", "Motivering", "Verifiering"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def outcomes(report_path: Path) -> dict[str, str]:
    data = json.loads(report_path.read_text(encoding="utf-8"))
    return {r["requirement"]: r["outcome"] for r in data["reports"][0]["results"]}


# --- a kravmatris as --set -----------------------------------------------------------------------


def test_excel_kravmatris_is_a_requirement_set(tmp_path: Path) -> None:
    chosen = load_requirement_set(str(excel_matrix(tmp_path / "krav.xlsx")))
    assert [r.id for r in chosen.requirements] == ["K1", "K2", "K3"]
    assert [r.level for r in chosen.requirements] == ["must", "should", "must"]
    assert [r.principle for r in chosen.requirements] == ["data-ownership", "open-apis", "exit"]
    assert chosen.title.sv == "Kravmatris – Ärendehanteringssystem"
    assert chosen.lang == "sv"
    first = chosen.requirements[0]
    assert first.text.sv.startswith("Leverantören ska kunna exportera")
    assert first.rationale.sv == "Kommunen ska kunna byta system."
    assert first.verification.answer.evidence == "required"  # "Bifoga …"
    assert chosen.requirements[2].verification.answer.evidence == "none"
    assert all(r.cues.sv for r in chosen.requirements), "every requirement gets cues"
    assert first.defined_in.endswith("krav.xlsx")


def test_excel_kravmatris_for_spec_check(cli: Cli, tmp_path: Path) -> None:
    matrix = excel_matrix(tmp_path / "krav.xlsx")
    spec = tmp_path / "spec.md"
    spec.write_text(SPEC_TEXT, encoding="utf-8")
    report = tmp_path / "r.json"
    result = cli("spec", "check", spec, "--set", matrix, "-f", f"json:{report}", "--lang", "sv")
    assert result.code == 1, result.err
    found = outcomes(report)
    assert found["K1"] == "met"  # the same requirement, worded a little differently
    assert found["K3"] == "not_met"  # not in the specification


def test_excel_kravmatris_for_answers_check(cli: Cli, tmp_path: Path) -> None:
    matrix = excel_matrix(tmp_path / "krav.xlsx")
    answers = tmp_path / "svar.csv"
    answers.write_text(
        "Krav-ID;Svar;Kommentar;Bilaga\nK1;Ja;;export.pdf\nK2;Ja;;\nK3;Nej;;\n", encoding="utf-8"
    )
    report = tmp_path / "r.json"
    result = cli("answers", "check", answers, "--set", matrix, "-f", f"json:{report}")
    assert result.code == 1, result.err
    found = outcomes(report)
    assert found["K1"] == "met"
    assert found["K3"] == "not_met"


def test_csv_kravmatris_headers_without_accents(cli: Cli, tmp_path: Path) -> None:
    matrix = tmp_path / "krav.csv"
    matrix.write_bytes(
        "\ufeffKRAVNUMMER;Kravtext;Niva;Omrade;Motiv\n"
        ";Dataägande;;;\n"
        "A1;Leverantören ska exportera all data i CSV eller JSON.;Skall;Data;\n"
        "A2;Systemet bör stödja OpenID Connect.;bör;Öppna standarder;Gemensam inloggning.\n".encode()
    )
    chosen = load_requirement_set(str(matrix))
    assert [(r.id, r.level, r.principle) for r in chosen.requirements] == [
        ("A1", "must", "data-ownership"),
        ("A2", "should", "open-standards"),
    ]
    assert chosen.requirements[1].rationale.sv == "Gemensam inloggning."
    shown = cli("sets", "show", matrix)
    assert shown.code == 0, shown.err
    assert "A2" in shown.out and "open-standards" in shown.out
    validated = cli("sets", "validate", matrix)
    assert validated.code == 0, validated.out + validated.err


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_unknown_level_is_an_error_at_its_cell(cli: Cli, tmp_path: Path, suffix: str) -> None:
    rows = [["K1", "Systemet ska logga alla inloggningar.", "Kanske", "", "", ""]]
    if suffix == ".xlsx":
        matrix = excel_matrix(tmp_path / "krav.xlsx", rows)
        where = "krav.xlsx:Krav!C4"
    else:
        matrix = tmp_path / "krav.csv"
        matrix.write_text("Krav-ID;Kravtext;Typ\nK1;Systemet ska logga.;Kanske\n", encoding="utf-8")
        where = "krav.csv:2"
    result = cli("spec", "check", SPEC, "--set", matrix)
    assert result.code == 2
    assert where in result.err
    assert "'Kanske'" in result.err and "Ska, Skall, Bör, Must, Should" in result.err
    assert "Traceback" not in result.err and "internal error" not in result.err


def test_sokord_column_gives_the_cues(tmp_path: Path) -> None:
    matrix = tmp_path / "krav.csv"
    matrix.write_text(
        "Krav-ID;Kravtext;Typ;Sökord\nK1;Systemet ska logga alla inloggningar.;Ska;logg, inloggning\n"
        "K2;Systemet ska stödja SAML.;Ska;{not json\n",
        encoding="utf-8",
    )
    with pytest.raises(RequirementSetError) as caught:
        load_requirement_set(str(matrix))
    assert caught.value.where == "3"
    matrix.write_text(matrix.read_text(encoding="utf-8").replace("{not json", ""), "utf-8")
    first = load_requirement_set(str(matrix)).requirements[0]
    assert first.cues.sv == (("logg",), ("inloggning",))


def test_sheet_without_a_kravmatris_header(tmp_path: Path) -> None:
    matrix = tmp_path / "krav.csv"
    matrix.write_text("Namn;Adress\nA;B\n", encoding="utf-8")
    with pytest.raises(RequirementSetError) as caught:
        load_requirement_set(str(matrix))
    assert caught.value.hint and "Krav-ID" in caught.value.hint


def test_yaml_set_extends_a_kravmatris(tmp_path: Path) -> None:
    excel_matrix(tmp_path / "krav.xlsx")
    own = tmp_path / "egen.yaml"
    own.write_text(
        "id: egen\ntitle: Egen\nextends: [./krav.xlsx]\nrequirements:\n  K2: must\n  K3: off\n",
        encoding="utf-8",
    )
    chosen = load_requirement_set(str(own))
    assert [(r.id, r.level) for r in chosen.requirements] == [("K1", "must"), ("K2", "must")]
    assert chosen.sources[0].endswith("krav.xlsx")


# --- sets export ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_export_xlsx_round_trips(cli: Cli, tmp_path: Path, lang: Lang) -> None:
    out = tmp_path / "krav.xlsx"
    result = cli("sets", "export", "builtin:open-baseline", "-o", out, "--lang", lang)
    assert result.code == 0, result.err
    assert "krav.xlsx" in result.err  # says what it wrote
    original = load_requirement_set("builtin:open-baseline")
    back = load_requirement_set(str(out))

    def essentials(r: object) -> tuple[object, ...]:
        from proccheck.model import Requirement

        assert isinstance(r, Requirement)
        return (r.id, r.level, r.text.get(lang), r.title.get(lang), r.principle,
                r.rationale.get(lang), r.verification.checks, r.verification.answer.evidence,
                r.cues)  # fmt: skip

    assert [essentials(r) for r in back.requirements] == [
        essentials(r) for r in original.requirements
    ]
    assert back.title.get(lang) == original.title.get(lang)


def test_exported_xlsx_checks_a_specification_as_the_set_does(tmp_path: Path) -> None:
    from proccheck.report.set_export import render_set_xlsx

    out = tmp_path / "krav.xlsx"
    out.write_bytes(render_set_xlsx(load_requirement_set("builtin:open-baseline"), "sv"))

    def verdicts(ref: str) -> list[tuple[str, str]]:
        report = check_spec([SPEC], requirement_set=ref).reports[0]
        return [(r.requirement, r.outcome) for r in report.results]

    assert verdicts(str(out)) == verdicts("builtin:open-baseline")


def test_export_xlsx_layout(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from proccheck.report.set_export import render_set_xlsx

    out = tmp_path / "krav.xlsx"
    out.write_bytes(render_set_xlsx(load_requirement_set("builtin:trollhattan-2023"), "en"))
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet["A4"].value == "ID" and sheet["B4"].value == "Level"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A4:")
    assert sheet.freeze_panes == "A5"
    assert sheet["D5"].alignment.wrap_text
    assert sheet.print_title_rows and "4" in sheet.print_title_rows
    assert sheet["B5"].value == "Must"


def test_export_docx_content(cli: Cli, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "krav.docx"
    result = cli("sets", "export", "builtin:open-baseline", "-o", out, "--lang", "en")
    assert result.code == 0, result.err
    document = Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    original = load_requirement_set("builtin:open-baseline")
    assert document.paragraphs[0].text == original.title.en
    first = original.requirements[0]
    assert f"{first.id} {first.title.en}" in headings
    assert len(document.tables) == len(original.requirements)
    cells = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert cells["Level"] == "Must"
    assert cells["Requirement"] == first.text.en
    assert cells["Motive"] == first.rationale.en
    assert first.references[0].title in cells["Sources"]
    api_01 = next(r for r in original.requirements if r.id == "API-01")
    table = document.tables[original.requirements.index(api_01)]
    verification = {row.cells[0].text: row.cells[1].text for row in table.rows}["Verification"]
    assert "Evidence is required." in verification


def test_export_refuses_another_suffix(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "krav.pdf"
    result = cli("sets", "export", "builtin:open-baseline", "-o", out)
    assert result.code == 2
    assert ".pdf" in result.err and "krav.docx" in result.err
    assert not out.exists()


def test_export_of_a_bad_set_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "krav.xlsx"
    result = cli("sets", "export", "builtin:no-such-set", "-o", out)
    assert result.code == 2
    assert not out.exists()
