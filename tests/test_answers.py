"""`proccheck answers`: check, compare, template round trip, hostile cells, bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from conftest import SAMPLES, CliResult
from test_reports import validate_report_json

from proccheck.loaders.answers import normalise_answer

Cli = Callable[..., CliResult]
SPEC = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"
VENDOR_A = SAMPLES / "answers" / "leverantor-a.yaml"
VENDOR_B = SAMPLES / "answers" / "leverantor-b.csv"


@pytest.mark.parametrize(
    ("raw", "value", "rest"),
    [
        ("Ja", "yes", ""),
        ("JA", "yes", ""),
        ("ja.", "yes", ""),
        ("Yes", "yes", ""),
        ("X", "yes", ""),
        ("Uppfyllt", "yes", ""),
        ("Ja, se bilaga 3", "yes", "se bilaga 3"),
        ("Nej", "no", ""),
        ("No", "no", ""),
        ("Delvis", "partial", ""),
        ("Partly", "partial", ""),
        ("", "blank", ""),
        ("  ", "blank", ""),
        ("Kanske", "unclear", "Kanske"),
        ("Japp", "unclear", "Japp"),
    ],
)
def test_answer_values_are_normalised(raw: str, value: str, rest: str) -> None:
    assert normalise_answer(raw) == (value, rest)


def outcomes(report: dict) -> dict[str, str]:  # type: ignore[type-arg]
    return {r["requirement"]: r["outcome"] for r in report["results"]}


def test_vendor_answers_against_spec(cli: Cli) -> None:
    result = cli("answers", "check", VENDOR_A, VENDOR_B, "--spec", SPEC, "-f", "json")
    assert result.code == 1
    data = validate_report_json(result.out)
    a, b = data["reports"]  # type: ignore[misc]
    assert a["subject"]["name"] == "Exempel Systems AB"
    got = outcomes(a)
    assert got["K11"] == "not_met"  # Nej
    assert got["K13"] == "met"  # Ja, with the API description attached
    assert got["K2"] == "not_verified"  # mot en avgift
    assert got["K3"] == "not_verified"  # i vårt standardformat
    assert got["K4"] == "met"  # "utan extra kostnad" is not a reservation
    assert got["K9"] == "not_verified"  # i kommande version
    assert got["K12"] == "not_verified"  # via our partner's API
    assert got["K7"] == "not_verified"  # Delvis
    got_b = outcomes(b)
    assert got_b["K2"] == "met"  # "Ingen extra kostnad tillkommer"
    assert got_b["K6"] == "not_verified"  # exit plan demanded, none attached
    assert got_b["K7"] == "not_verified"  # 30 -> 90 days in the vendor's copy
    altered = [f for f in b["findings"] if f["check"] == "AN006"]
    assert "−30" in altered[0]["message"] and "+90" in altered[0]["message"]
    assert got_b["K13"] == "met"  # "Ja, se bilaga 3" with the file


def test_missing_requirement_is_not_met(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "kort.yaml"
    path.write_text(
        "leverantör: Kort AB\nsvar:\n  - {krav: DATA-OWNERSHIP, svar: Ja}\n", encoding="utf-8"
    )
    result = cli("answers", "check", path, "--set", "builtin:trollhattan-2023", "-f", "json")
    data = json.loads(result.out)
    assert outcomes(data["reports"][0]) == {
        "DATA-OWNERSHIP": "met",
        "OPEN-STANDARDS": "not_met",
        "OPEN-APIS": "not_met",
    }
    assert result.code == 1


def fill_template(path: Path, answers: dict[str, tuple[str, str, str]]) -> None:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    for row in sheet.iter_rows(min_row=2):
        requirement_id = row[0].value
        if requirement_id in answers:
            answer, comment, evidence = answers[requirement_id]
            row[4].value, row[5].value, row[6].value = answer, comment, evidence
    workbook.save(path)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_template_round_trip(cli: Cli, tmp_path: Path, lang: str) -> None:
    template = tmp_path / "mall.xlsx"
    result = cli(
        "answers", "template", "--set", "builtin:trollhattan-2023", "-o", template, "--lang", lang
    )
    assert result.code == 0, result.err
    workbook = openpyxl.load_workbook(template)
    sheet = workbook.active
    assert sheet is not None
    assert sheet.data_validations.dataValidation, "answer column has a drop-down"
    yes = "Ja" if lang == "sv" else "Yes"
    fill_template(
        template,
        {
            "DATA-OWNERSHIP": (yes, "", ""),
            "OPEN-STANDARDS": (yes, "", ""),
            "OPEN-APIS": (
                "Delvis" if lang == "sv" else "Partly",
                "REST men inte för alla objekt",
                "",
            ),
        },
    )
    result = cli("answers", "check", template, "--set", "builtin:trollhattan-2023", "-f", "json")
    got = outcomes(json.loads(result.out)["reports"][0])
    assert got == {"DATA-OWNERSHIP": "met", "OPEN-STANDARDS": "met", "OPEN-APIS": "not_verified"}


def test_csv_template_round_trip(cli: Cli, tmp_path: Path) -> None:
    template = tmp_path / "mall.csv"
    assert (
        cli(
            "answers",
            "template",
            "--set",
            "builtin:trollhattan-2023",
            "-f",
            "csv",
            "-o",
            template,
            "--lang",
            "sv",
        ).code
        == 0
    )
    import csv

    rows = list(csv.reader(template.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][4] == "Svar"
    for row in rows[1:]:
        row[4] = "Ja"
    template.write_text("\n".join(";".join(row) for row in rows) + "\n", encoding="cp1252")
    result = cli("answers", "check", template, "--set", "builtin:trollhattan-2023", "-f", "json")
    assert result.code == 0, result.out + result.err
    assert set(outcomes(json.loads(result.out)["reports"][0]).values()) == {"met"}


def test_compare_formats(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "jamforelse.xlsx"
    result = cli(
        "answers", "compare", VENDOR_A, VENDOR_B, "--spec", SPEC, "-o", out, "--lang", "sv"
    )
    assert result.code == 0, result.err
    workbook = openpyxl.load_workbook(out)
    matrix = workbook.worksheets[0]
    assert matrix.freeze_panes == "D2" and matrix.auto_filter.ref
    assert matrix.cell(1, 4).value == "Exempel Systems AB"
    assert {ws.title for ws in workbook.worksheets} == {
        "Jämförelse",
        "Sammanfattning",
        "Iakttagelser",
    }
    assert matrix.cell(2, 4).fill.fgColor.rgb.endswith("C6EFCE")  # K1 met: green
    for fmt in ("csv", "html", "markdown", "json"):
        result = cli("answers", "compare", VENDOR_A, VENDOR_B, "--spec", SPEC, "-f", fmt)
        assert result.code == 0 and "K13" in result.out
    data = json.loads(cli("answers", "compare", VENDOR_A, "--spec", SPEC, "-f", "json").out)
    assert data["vendors"][0]["not_met"] == ["K11"]


def test_vendor_text_never_becomes_a_formula(cli: Cli, tmp_path: Path) -> None:
    hostile = tmp_path / "ond.yaml"
    hostile.write_text(
        'vendor: "=HYPERLINK(\\"http://evil.example\\",\\"klick\\")"\n'
        "answers:\n"
        '  - {requirement: DATA-OWNERSHIP, answer: Ja, comment: "=1+1"}\n'
        '  - {requirement: OPEN-STANDARDS, answer: "+SUM(A1)"}\n'
        '  - {requirement: OPEN-APIS, answer: "@cmd", comment: "-2"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "cmp.xlsx"
    assert (
        cli("answers", "compare", hostile, "--set", "builtin:trollhattan-2023", "-o", out).code == 0
    )
    workbook = openpyxl.load_workbook(out)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@")), cell.value
    csv_text = cli(
        "answers", "compare", hostile, "--set", "builtin:trollhattan-2023", "-f", "csv"
    ).out
    for line in csv_text.splitlines():
        for cell in line.lstrip("\ufeff").split(";"):
            assert not cell.strip('"').startswith(("=", "+", "-", "@")), cell


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        (
            "dup.yaml",
            "vendor: X\nanswers:\n  - {requirement: A, answer: Ja}\n  - {requirement: A, answer: Nej}\n",
            "answered twice",
        ),
        ("typo.yaml", "vendor: X\nanswerz: []\n", "unknown field 'answerz'"),
        ("nohead.csv", "foo;bar\n1;2\n", "no sheet has a recognisable header"),
        ("bad.xlsx", "not a zip", "not a valid XLSX"),
    ],
)
def test_bad_answer_files_exit_2(
    cli: Cli, tmp_path: Path, name: str, content: str, fragment: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = cli("answers", "check", path, "--set", "builtin:trollhattan-2023")
    assert result.code == 2, result.out
    assert fragment in result.err and "Traceback" not in result.err


def test_answers_for_another_procurement(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "annan.yaml"
    path.write_text(
        "vendor: X\nprocurement: KS 2025/999\nanswers:\n  - {requirement: K1, answer: Ja}\n",
        encoding="utf-8",
    )
    spec = SAMPLES / "spec" / "kravspecifikation-arendehantering.yaml"
    result = cli("answers", "check", path, "--spec", spec)
    assert result.code == 2 and "another procurement" in result.err


def write_workbook(path: Path, rows: list[list[str]], title: str | None = None) -> Path:
    """An XLSX file with one sheet holding `rows` (openpyxl stores no cached formula values)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    if title:
        sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_probe_uses_api_description_from_the_bid_folder(cli: Cli, tmp_path: Path) -> None:
    samples = Path(__file__).parent / "check_samples" / "AN007"
    bid = tmp_path / "bid"
    bid.mkdir()
    (bid / "openapi.yaml").write_text((samples / "api-http.yaml").read_text(), encoding="utf-8")
    (tmp_path / "secret.yaml").write_text("openapi: 3.0.0\n", encoding="utf-8")
    answers = bid / "svar.yaml"
    answers.write_text(
        "vendor: X AB\nanswers:\n"
        "  - {requirement: API-10, answer: Ja, evidence: [openapi.yaml]}\n"
        "  - {requirement: API-04, answer: Ja, evidence: [../secret.yaml]}\n",
        encoding="utf-8",
    )
    without = json.loads(cli("answers", "check", answers, "-f", "json").out)
    assert not [f for f in without["reports"][0]["findings"] if f["check"] == "AN007"]
    probed = json.loads(cli("answers", "check", answers, "--probe", "-f", "json").out)
    flagged = [f for f in probed["reports"][0]["findings"] if f["check"] == "AN007"]
    assert [f["requirement"] for f in flagged] == ["API-10"]
    assert "openapi.yaml" in flagged[0]["message"] and "secret" not in json.dumps(probed)


def test_mapping_file_for_a_layout_that_cannot_be_guessed(cli: Cli, tmp_path: Path) -> None:
    rows = [
        ["Leverantör X"],
        ["Nummer", "Beskrivning", "Vårt svar", "Not"],
        ["DATA-OWNERSHIP", "…", "Ja", ""],
        ["OPEN-STANDARDS", "…", "Ja", ""],
        ["OPEN-APIS", "…", "Nej", ""],
    ]
    path = write_workbook(tmp_path / "udda.xlsx", rows, title="Svar")
    guessed = cli("answers", "check", path, "--set", "builtin:trollhattan-2023")
    assert guessed.code == 2 and "--mapping" in guessed.err
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "sheet: Svar\nheader_row: 2\ncolumns: {id: A, answer: Vårt svar, comment: D}\n",
        encoding="utf-8",
    )
    result = cli(
        "answers",
        "check",
        path,
        "--set",
        "builtin:trollhattan-2023",
        "--mapping",
        mapping,
        "-f",
        "json",
    )
    assert outcomes(json.loads(result.out)["reports"][0]) == {
        "DATA-OWNERSHIP": "met",
        "OPEN-STANDARDS": "met",
        "OPEN-APIS": "not_met",
    }
    mapping.write_text("columns: {id: A, svar: C}\n", encoding="utf-8")
    bad = cli("answers", "check", path, "--set", "builtin:trollhattan-2023", "--mapping", mapping)
    assert bad.code == 2 and "unknown field 'svar'" in bad.err


@pytest.mark.parametrize("formula", ['=IF(1,"Ja","Nej")', '=IF(TODAY()>1,"Nej","Ja")'])
def test_formula_answers_are_flagged_for_review(cli: Cli, tmp_path: Path, formula: str) -> None:
    """A formula is never evaluated, whatever it would give: its answer needs a person."""
    rows = [
        ["Krav-ID", "Svar", "Kommentar"],
        ["DATA-OWNERSHIP", formula, ""],
        ["OPEN-STANDARDS", "Ja", ""],
        ["OPEN-APIS", "Ja", ""],
    ]
    path = write_workbook(tmp_path / "formel.xlsx", rows)
    data = json.loads(
        cli("answers", "check", path, "--set", "builtin:trollhattan-2023", "-f", "json").out
    )
    report = data["reports"][0]
    assert outcomes(report) == {
        "DATA-OWNERSHIP": "not_verified",
        "OPEN-STANDARDS": "met",
        "OPEN-APIS": "met",
    }
    flagged = [f for f in report["findings"] if f["check"] == "AN004"]
    assert "formula" in flagged[0]["message"] and flagged[0]["location"]["column"] == "B"
