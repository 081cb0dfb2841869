"""The tender folder: init, check into the evaluation record (HTML, XLSX, DOCX), decisions."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from conftest import SAMPLES, TESTS, CliResult

from proccheck import __version__
from proccheck.loaders.structured import load_file
from proccheck.model import Finding
from proccheck.resources import data_dir

Cli = Callable[..., CliResult]
SAMPLE = SAMPLES / "tender"
GOLDEN = TESTS / "golden" / "tender-record.en.docx.txt"
DATE = "2026-11-12"


@pytest.fixture
def tender(tmp_path: Path) -> Path:
    """A copy of the sample tender folder without its decisions."""
    folder = tmp_path / "upphandling"
    shutil.copytree(
        SAMPLE,
        folder,
        ignore=shutil.ignore_patterns("utvarderingsprotokoll.*", "evaluation-record.*"),
    )
    (folder / "beslut.yaml").unlink()
    return folder


def _check(cli: Cli, folder: Path, *extra: str) -> CliResult:
    return cli("tender", "check", folder, "--date", DATE, "--lang", "en", *extra)


def _pending(result: CliResult) -> dict[str, str]:
    """The short fingerprints tender check lists, with the line each is on."""
    found = {}
    for line in result.out.splitlines():
        parts = line.split()
        if line.startswith("  ") and parts and len(parts[0]) == 12:
            found[parts[0]] = line
    return found


def docx_text(data: bytes) -> str:
    """A Word document's paragraphs and tables as text, in document order (a table row a
    line, cells separated by ' | ')."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(data))
    lines = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            text = Paragraph(block, document).text
            if text.strip():
                lines.append(text)
        elif block.tag.endswith("}tbl"):
            for row in Table(block, document).rows:
                lines.append(" | ".join(cell.text.replace("\n", " / ") for cell in row.cells))
    return "\n".join(lines) + "\n"


# --- init ----------------------------------------------------------------------------------------


def test_init_writes_the_file_and_its_folders(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "ny"
    (folder / "anbud" / "acme").mkdir(parents=True)
    result = cli(
        "tender", "init", folder, "--name", "Ärendesystem", "--dnr", "KS 2026/41",
        "--buyer", "Ovanåkers kommun", "--set", SAMPLES / "sets" / "ovanakers-kommun.yaml",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "upphandling.yaml" in result.err and "tender check" in result.err
    assert (folder / "krav").is_dir() and (folder / "anbud").is_dir()
    data = load_file(folder / "upphandling.yaml", "upphandling.yaml").data
    schema = json.loads((data_dir("schemas") / "tender.schema.json").read_text("utf-8"))
    jsonschema.validate({**data, "version": 1}, schema)
    assert data["diarienummer"] == "KS 2026/41" and data["buyer"] == "Ovanåkers kommun"
    assert (folder / data["set"]).resolve() == (
        SAMPLES / "sets" / "ovanakers-kommun.yaml"
    ).resolve()
    assert [v["folder"] for v in data["vendors"]] == ["acme"]
    checked = _check(cli, folder)  # no specification, no answers yet: the bid lacks its file
    assert checked.code == 2 and "anbud/acme" in checked.err and "hint:" in checked.err


def test_init_refuses_to_overwrite(cli: Cli, tmp_path: Path) -> None:
    assert cli("tender", "init", tmp_path, "--name", "Första").code == 0
    before = (tmp_path / "upphandling.yaml").read_bytes()
    again = cli("tender", "init", tmp_path, "--name", "Andra")
    assert again.code == 2
    assert "upphandling.yaml" in again.err and "already exists" in again.err
    assert "Traceback" not in again.err
    assert (tmp_path / "upphandling.yaml").read_bytes() == before


def test_a_bad_tender_file_is_exit_2_with_its_line_and_a_hint(cli: Cli, tender: Path) -> None:
    path = tender / "upphandling.yaml"
    text = path.read_text("utf-8").replace("    name: Norrdata AB", "    nmae: Norrdata AB")
    path.write_text(text, "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "nmae" in row)
    result = _check(cli, tender)
    assert result.code == 2
    assert f"upphandling.yaml:{line}:" in result.err, result.err
    assert "nmae" in result.err and "hint:" in result.err and "'name'" in result.err
    assert not (tender / "utvarderingsprotokoll.docx").exists()


# --- check ---------------------------------------------------------------------------------------


def test_check_writes_the_record_in_three_forms(cli: Cli, tender: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "protokoll"
    out.mkdir()
    result = _check(cli, tender, "-o", out)
    assert result.code == 1, result.err  # the sample has a vendor that fails a must-requirement
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"evaluation-record.{s}" for s in ("docx", "html", "xlsx")]
    assert result.err.count("wrote ") == 3
    assert "Exempel Systems AB: not met" in result.out and "Norrdata AB" in result.out
    assert len(_pending(result)) >= 3 and "tender decide" in result.out

    workbook = load_workbook(out / "evaluation-record.xlsx")
    assert len(workbook.sheetnames) == 4
    comparison = workbook.worksheets[1]
    header = [cell.value for cell in comparison[1]]
    assert header[4:] == [
        "Exempel Systems AB: Status",
        "Exempel Systems AB: Assessment",
        "Norrdata AB: Status",
        "Norrdata AB: Assessment",
    ]
    assert comparison.auto_filter.ref and comparison.print_title_rows
    statuses = {comparison.cell(row=r, column=5).value for r in range(2, comparison.max_row + 1)}
    assert statuses <= {"met", "not met", "not verified", "not applicable"}

    html = (out / "evaluation-record.html").read_text("utf-8")
    text = docx_text((out / "evaluation-record.docx").read_bytes())
    for form in (html, text):
        assert "KS 2026/41" in form and DATE in form and "ovanaker-systemupphandling" in form
        assert "Exempel Systems AB" in form and "Norrdata AB" in form
    assert "Evaluation record" in text and "Motive:" in text and "Verification:" in text


def test_the_record_docx_text_matches_its_golden(
    tender: Path, tmp_path: Path, update_golden: bool
) -> None:
    from proccheck.report.record_docx import render_docx
    from proccheck.tender import check_tender

    shutil.copy(SAMPLE / "beslut.yaml", tender / "beslut.yaml")
    record = check_tender(tender, lang="en", date=DATE)
    text = docx_text(render_docx(record)).replace(__version__, "VERSION")
    assert str(tmp_path) not in text
    if update_golden:
        GOLDEN.write_text(text, "utf-8")
    assert text == GOLDEN.read_text("utf-8"), "rerun with --update-golden after a wanted change"


# --- decisions -----------------------------------------------------------------------------------


def test_a_decision_survives_a_rerun_and_an_unrelated_edit(cli: Cli, tender: Path) -> None:
    first = _check(cli, tender)
    pending = _pending(first)
    vendor_mark = next(m for m, line in pending.items() if "K12 AN003" in line)
    decided = cli(
        "tender", "decide", tender, vendor_mark, "--decision", "godtas",
        "--motivation", "The partner's API is part of the delivery.", "--by", "Anna Berg",
    )  # fmt: skip
    assert decided.code == 0, decided.err
    assert "beslut.yaml" in decided.err and "accepted" in decided.err
    spec_finding = next(
        f for f in _spec_findings(tender) if f.check == "SP004" and "K10" in f.message
    )
    from proccheck.decisionformat import fingerprint

    spec_mark = fingerprint(spec_finding)[:12]
    assert cli(
        "tender", "decide", tender, spec_mark, "--decision", "accepted",
        "--motivation", "ODF is a plus, not a must.",
    ).code == 0  # fmt: skip

    def still_decided() -> None:
        rerun = _check(cli, tender)
        assert vendor_mark not in _pending(rerun)
        assert "1 by a person" in rerun.out, rerun.out
        text = docx_text((tender / "evaluation-record.docx").read_bytes())
        assert "The partner's API is part of the delivery." in text
        assert "ODF is a plus, not a must." in text
        assert "(the finding no longer appears)" not in text

    still_decided()
    spec = tender / "krav" / "kravspecifikation-arendehantering.md"
    lines = spec.read_text("utf-8").splitlines(keepends=True)
    lines.insert(3, "Kommunen har cirka 11 000 invånare.\n\n")  # moves every finding down
    spec.write_text("".join(lines), "utf-8")
    moved = [f for f in _spec_findings(tender) if fingerprint(f) == fingerprint(spec_finding)]
    assert [f.location.line for f in moved] == [(spec_finding.location.line or 0) + 2]
    still_decided()


def _spec_findings(folder: Path) -> list[Finding]:
    """The specification's findings, set-aside ones included."""
    from proccheck.tender import check_tender

    record = check_tender(folder, lang="en", date=DATE)
    return [
        *(f for r in record.spec.reports for f in r.findings),
        *(a.finding for r in record.spec.reports for a in r.set_aside),
    ]


def test_decide_takes_swedish_and_english_words_and_replaces(cli: Cli, tender: Path) -> None:
    mark = next(iter(_pending(_check(cli, tender))))
    base = ("tender", "decide", tender, mark, "--motivation", "Motiverat.")
    assert cli(*base, "--decision", "avvisas", "--date", DATE).code == 0
    assert cli(*base, "--decision", "Supplement").code == 0
    data = load_file(tender / "beslut.yaml", "beslut.yaml").data
    assert [d["decision"] for d in data["decisions"]] == ["supplement"]
    assert data["decisions"][0]["fingerprint"].startswith(mark)

    unknown = cli(*base, "--decision", "kanske")
    assert unknown.code == 2 and "godtas" in unknown.err
    wrong = cli("tender", "decide", tender, "ffffffffffff", "--decision", "godtas",
                "--motivation", "x")  # fmt: skip
    assert wrong.code == 2 and "fingerprint" in wrong.err and "hint:" in wrong.err
    short = cli("tender", "decide", tender, mark[:3], "--decision", "godtas", "--motivation", "x")
    assert short.code == 2
    empty = cli("tender", "decide", tender, mark, "--decision", "godtas", "--motivation", " ")
    assert empty.code == 2 and "motivation" in empty.err
    bad_date = cli(*base, "--decision", "godtas", "--date", "12/11/2026")
    assert bad_date.code == 2 and "YYYY-MM-DD" in bad_date.err


def test_the_three_forms_say_the_same_about_decisions(tender: Path) -> None:
    from openpyxl import load_workbook

    from proccheck.report.record import render_html
    from proccheck.report.record_docx import render_docx
    from proccheck.report.record_xlsx import render_xlsx
    from proccheck.tender import check_tender, read_decisions

    shutil.copy(SAMPLE / "beslut.yaml", tender / "beslut.yaml")
    record = check_tender(tender, lang="en", date=DATE)
    html = render_html(record)
    text = docx_text(render_docx(record))
    sheet = load_workbook(io.BytesIO(render_xlsx(record)))["Decisions"]
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    decisions = read_decisions(tender).decisions
    assert decisions
    for decision in decisions:
        shown = decision.motivation.replace("'", "&#x27;")
        assert shown in html and decision.motivation in text and decision.motivation in cells
    for form in (html, text, cells):
        assert "accepted" in form and "rejected" in form and "supplement requested" in form
