"""`proccheck spec check` end to end: formats, locations, exit codes, bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLES, CliResult
from test_reports import validate_report_json

from proccheck.loaders.spec import load_spec

Cli = Callable[..., CliResult]
SPEC_MD = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"


def findings_by_check(data: dict, check: str) -> list[dict]:  # type: ignore[type-arg]
    return [f for r in data["reports"] for f in r["findings"] if f["check"] == check]


def test_sample_markdown_spec(cli: Cli) -> None:
    result = cli("spec", "check", SPEC_MD, "-f", "json")
    assert result.code == 1
    data = validate_report_json(result.out)
    report = data["reports"][0]  # type: ignore[index]
    outcomes = {r["requirement"]: r["outcome"] for r in report["results"]}
    assert outcomes["OPEN-STANDARDS"] == "met"
    assert outcomes["DATA-OWNERSHIP"] == "not_met"  # the contract extract keeps data for the vendor
    assert outcomes["DO-04"] == "not_met"  # only a should (K4, "bör")
    assert outcomes["OS-01"] == "not_verified"  # "om möjligt"
    assert outcomes["DO-01"] == "not_met"  # undermined by the contract extract
    weakened = findings_by_check(data, "SP002")
    assert weakened[0]["location"]["line"] == 14
    undermined = {f["location"]["line"] for f in findings_by_check(data, "SP003")}
    assert {32, 42, 43} <= undermined


def test_swedish_report(cli: Cli) -> None:
    result = cli("spec", "check", SPEC_MD, "--lang", "sv")
    assert "bör-krav" in result.out and "EJ UPPFYLLT" in result.out


def test_csv_matrix_cp1252_and_yaml(cli: Cli) -> None:
    result = cli(
        "spec",
        "check",
        SAMPLES / "spec" / "kravmatris.csv",
        SAMPLES / "spec" / "kravspecifikation-arendehantering.yaml",
        "--set",
        "builtin:trollhattan-2023",
        "-f",
        "json",
    )
    data = validate_report_json(result.out)
    csv_report, yaml_report = data["reports"]  # type: ignore[misc]
    assert csv_report["outcome"] == "not_met"
    assert yaml_report["outcome"] == "met"
    assert result.code == 1


def test_xlsx_matrix_keeps_sheet_row_column(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Krav"
    sheet.append(["Upphandling: Ärendesystem"])
    sheet.append(["Krav-ID", "Kravtext", "Typ"])
    sheet.append(["K1", "Kommunen ska äga all data i systemet.", "Skall"])
    sheet.append(["K2", "Systemet bör bygga på öppna standarder.", "Bör"])
    path = tmp_path / "krav.xlsx"
    workbook.save(path)
    document = load_spec(path, "krav.xlsx")
    first, second = document.requirements
    assert (first.location.sheet, first.location.row, first.location.column) == ("Krav", 3, "B")
    assert first.ref == "K1" and first.level == "must" and second.level == "should"


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Krav", level=1)
    document.add_paragraph("K1. Kommunen ska äga och ha kontroll över all data i systemet.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ID"
    table.cell(0, 1).text = "Krav"
    table.cell(1, 0).text = "K2"
    table.cell(1, 1).text = "Systemet ska bygga på öppna standarder."
    path = tmp_path / "spec.docx"
    document.save(str(path))
    loaded = load_spec(path, "spec.docx")
    refs = {item.ref: item.location.element for item in loaded.requirements}
    assert refs == {"K1": "paragraph 2", "K2": "table 1 row 2 cell 2"}


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("bad.docx", b"this is not a zip", "not a valid"),
        ("bad.xlsx", b"PK\x03\x04broken", "not a valid XLSX"),
        ("enc.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "encrypted"),
        ("empty.md", b"", "empty"),
        ("weird.pdf", b"%PDF-1.4", "not a readable PDF"),
        ("latin.md", "Kommunen ska äga data.".encode("cp1252"), "UTF-8"),
        ("nohead.csv", b"a;b\n1;2\n", "no sheet has a recognisable header"),
    ],
)
def test_unreadable_specs_exit_2(
    cli: Cli, tmp_path: Path, name: str, content: bytes, fragment: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = cli("spec", "check", path)
    assert result.code == 2, result.out + result.err
    assert fragment in result.err and "Traceback" not in result.err


def test_document_without_requirements_is_a_finding(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "bakgrund.md"
    path.write_text("# Bakgrund\n\nKommunen har ett äldre system.\n", encoding="utf-8")
    result = cli("spec", "check", path, "-f", "json")
    assert result.code == 1
    assert findings_by_check(json.loads(result.out), "SP007")


def test_duplicate_ids_in_structured_spec(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "requirements:\n  - {id: K1, level: must, text: a ska b}\n"
        "  - {id: K1, level: must, text: c ska d}\n",
        encoding="utf-8",
    )
    result = cli("spec", "check", path)
    assert result.code == 2 and "used twice" in result.err


def test_every_format_from_a_spec_run(cli: Cli, tmp_path: Path) -> None:
    outputs = {fmt: tmp_path / f"r.{fmt}" for fmt in ("html", "sarif", "junit", "markdown", "json")}
    args = [a for fmt, p in outputs.items() for a in ("-f", f"{fmt}:{p}")]
    result = cli("spec", "check", SPEC_MD, *args)
    assert result.code == 1
    for path in outputs.values():
        assert path.stat().st_size > 500
    validate_report_json(outputs["json"].read_text(encoding="utf-8"))
