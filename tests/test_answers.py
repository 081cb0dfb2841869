"""`proccheck answers`: check, compare, template round trip, hostile cells, bad input."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import yaml
from conftest import SAMPLES, CliResult
from hypothesis import given, settings
from hypothesis import strategies as st
from test_reports import validate_report_json

from proccheck.loaders.answers import normalise_answer
from proccheck.model import Report

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
        ("Ej tillämpligt", "not_applicable", ""),
        ("N/A", "not_applicable", ""),
        ("Not applicable, see comment", "not_applicable", "see comment"),
        ("Ej", "no", ""),
        ("Dokumenterat åtagande", "yes", ""),
        ("✓", "yes", ""),
        ("✗", "no", ""),
        ("Uppfylls delvis", "partial", ""),
        ("Partially met", "partial", ""),
        ("Ja\u200b, mot en avgift", "yes", "mot en avgift"),
        ("J\u00ada", "yes", ""),
        ("Nej\u00a0", "no", ""),
        # a Word form's ballot: the ticked box is the answer (round 11)
        ("☒ Ja ☐ Nej", "yes", ""),
        ("☐ Ja   ☒ Nej", "no", ""),
        ("Ja ☑ / Nej ☐", "yes", ""),
        ("☒ Ja", "yes", ""),
        ("☒ Ja ☒ Nej", "unclear", "☒ Ja ☒ Nej"),
        ("☐ Ja ☐ Nej", "unclear", "☐ Ja ☐ Nej"),
        ("☐ Ja", "unclear", "☐ Ja"),
        ("☒ Ja ☐ Nej ☐ Delvis", "yes", ""),  # review of round 11: three options
        ("☐ Ja ☐ Nej ☒ Delvis", "partial", ""),
        ("☒ Ja ☐ Nej mot avgift", "yes", "mot avgift"),
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
    assert 'struck "30" and added "90"' in altered[0]["message"]
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
        # one field under two names, or one id in two cases: only one was read, silently
        (
            "both.yaml",
            "vendor: X\nanswers:\n  - {requirement: K1, answer: Ja, svar: Nej}\n",
            "both.yaml:3: answer and svar are the same field, given twice",
        ),
        (
            "vendors.yaml",
            "vendor: X\nleverantör: W\nanswers:\n  - {requirement: K1, answer: Ja}\n",
            "vendors.yaml:2: vendor and leverantör are the same field, given twice",
        ),
        (
            "case.yaml",
            "vendor: X\nanswers:\n  - {requirement: k2, answer: Ja}\n  - {requirement: K2, answer: Nej}\n",
            "case.yaml:4: requirement K2 is answered twice",
        ),
        ("case.csv", "Krav-ID;Svar\nk1;Ja\nK1;Nej\n", "K1 is answered twice (also at 2)"),
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
    assert "openapi.yaml" in flagged[0]["message"] and "secret" not in json.dumps(flagged)
    # a file outside the bid folder is not read; the answer's pointer to it is reported instead
    outside = [f for f in probed["reports"][0]["findings"] if f["requirement"] == "API-04"]
    assert [f["check"] for f in outside] == ["AN005"]
    assert (
        "../secret.yaml" in outside[0]["message"]
        and "not in the bid folder" in outside[0]["message"]
    )


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


# --- reservations however they are spelt (issue 11) ----------------------------------------------

HEDGE_PHRASES = [
    ("mot en avgift", "cost"),
    ("kommer att finnas i nästa version", "future"),
    ("förutsätter att beställaren tillhandahåller servrar", "reservation"),
    ("enligt våra standardvillkor", "terms"),
    ("ej tillämpligt", "not_applicable"),
    ("at an additional cost", "cost"),
    ("will be available in a future release", "future"),
    ("provided that the customer supplies the servers", "reservation"),
    ("our standard terms apply", "terms"),
    ("in our own export format", "proprietary"),
]
SEPARATORS = [" ", "\u00a0", "  ", "\n", "\r\n", " \u200b", "\u2060 ", " \ufeff", "\u202f"]
INVISIBLE = ["\u00ad", "\u200b", "\u2060", "\ufeff"]
EXAMPLES = settings(max_examples=30, deadline=None, derandomize=True, database=None)


@st.composite
def spelt(draw: st.DrawFn) -> tuple[str, str, bool]:
    """A hedge phrase as a vendor might hide it: other spaces and line breaks between its words,
    invisible characters inside them. Also whether a character was hidden inside a word."""
    phrase, kind = draw(st.sampled_from(HEDGE_PHRASES))
    words = phrase.split(" ")
    hidden = False
    out = []
    for index, word in enumerate(words):
        if len(word) > 2 and draw(st.booleans()):
            at = draw(st.integers(1, len(word) - 1))
            word = word[:at] + draw(st.sampled_from(INVISIBLE)) + word[at:]
            hidden = True
        out.append(word)
        if index < len(words) - 1:
            out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out), kind, hidden


def _answers_file(folder: Path, suffix: str, comment: str) -> Path:
    rows = [
        ("DATA-OWNERSHIP", "Ja", comment),
        ("OPEN-STANDARDS", "Ja", ""),
        ("OPEN-APIS", "Ja", ""),
    ]
    path = folder / f"svar{suffix}"
    if suffix in (".yaml", ".json"):
        doc = {
            "vendor": "V AB",
            "answers": [{"requirement": r, "answer": a, "comment": c} for r, a, c in rows],
        }
        text = (
            json.dumps(doc, ensure_ascii=False)
            if suffix == ".json"
            else yaml.safe_dump(doc, allow_unicode=True)
        )
        path.write_text(text, encoding="utf-8")
    elif suffix in (".csv", ".tsv"):
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter="\t" if suffix == ".tsv" else ";")
        writer.writerows([("Kravnummer", "Svar", "Kommentar"), *rows])
        path.write_bytes(out.getvalue().encode("utf-8"))
    else:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        for row in [("Kravnummer", "Svar", "Kommentar"), *rows]:
            sheet.append(row)
        workbook.save(path)
    return path


def _report(path: Path) -> Report:
    from proccheck.api import answer_document_report
    from proccheck.loaders.answers import load_answers
    from proccheck.requirements import load_requirement_set

    document = load_answers(path, path.name)
    return answer_document_report(document, load_requirement_set("builtin:trollhattan-2023"), "en")


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv", ".tsv", ".xlsx"])
@EXAMPLES
@given(variant=spelt())
def test_reservation_is_found_however_it_is_spelt(
    suffix: str, variant: tuple[str, str, bool]
) -> None:
    """No-break spaces, double spaces, a line break in the cell (Alt+Enter), soft hyphens and
    zero-width characters hide no reservation, in any reader (issue 11: 10 of 10 passed)."""
    comment, _kind, hidden = variant
    with tempfile.TemporaryDirectory() as folder:
        report = _report(_answers_file(Path(folder), suffix, "Leverantören: " + comment))
    found = [f for f in report.findings if f.check == "AN003" and f.requirement == "DATA-OWNERSHIP"]
    assert found, repr(comment)
    result = next(r for r in report.results if r.requirement == "DATA-OWNERSHIP")
    assert result.outcome == "not_verified"
    assert ("invisible character" in found[0].message) == hidden


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Funktionen kommer att finnas i nästa version.", "future"),
        ("Planeras till Q3 2027.", "future"),
        ("Finns på vår roadmap.", "future"),
        ("Planned for Q3 2027.", "future"),
        ("Under förutsättning att kunden köper integrationsmodulen.", "reservation"),
        ("Subject to the customer's approval of the design.", "reservation"),
        ("Enligt leverantörens licensvillkor.", "terms"),
        ("A separate licence agreement applies.", "terms"),
        ("API-åtkomst kräver en separat API-licens.", "cost"),
        ("API access requires a separate licence fee.", "cost"),
        ("Data is exported in our own export format.", "proprietary"),
        ("Exporten sker i vårt exportformat.", "proprietary"),
        ("Ej tillämpligt för vår tjänst.", "not_applicable"),
        ("N/A for our service.", "not_applicable"),
        ("Ja, men endast för ärendedata.", "reservation"),
    ],
)
def test_reservation_kinds(text: str, kind: str) -> None:
    from proccheck.checks.answer_checks import hedges_in

    assert kind in {k for k, _m in hedges_in(text, "Systemet ska stödja dokumenterade API:er.")}


@pytest.mark.parametrize(
    "text",
    [
        "Ja, inga transaktionsavgifter eller licensavgifter för API:erna.",
        "Ingen licensavgift tillkommer.",
        "Export sker utan extra kostnad.",
        "All data in the system belongs to the customer (standard terms, section 9).",
        "No additional cost, no separate licence.",
    ],
)
def test_negated_or_harmless_phrases_are_no_reservation(text: str) -> None:
    from proccheck.checks.answer_checks import hedges_in

    assert hedges_in(text) == []


def test_a_negation_does_not_reach_past_but() -> None:
    from proccheck.checks.answer_checks import hedges_in

    found = hedges_in("Ingen uppstartsavgift, men export sker mot en avgift.")
    assert "cost" in {k for k, _m in found}


# --- Not applicable, status columns, tick columns -------------------------------------------------


def test_not_applicable_is_not_a_no_and_never_passes(tmp_path: Path) -> None:
    path = tmp_path / "svar.yaml"
    path.write_text(
        "vendor: V AB\nanswers:\n"
        "  - {requirement: DATA-OWNERSHIP, answer: Ej tillämpligt}\n"
        "  - {requirement: OPEN-STANDARDS, answer: Ja, comment: Ej tillämpligt för oss.}\n"
        "  - {requirement: OPEN-APIS, answer: N/A}\n",
        encoding="utf-8",
    )
    report = _report(path)
    got = {r.requirement: r.outcome for r in report.results}
    assert got == {name: "not_verified" for name in got}
    checks = {(f.requirement, f.check) for f in report.findings}
    assert ("DATA-OWNERSHIP", "AN004") in checks and ("DATA-OWNERSHIP", "AN001") not in checks
    assert ("OPEN-STANDARDS", "AN003") in checks
    reason = next(r.reason for r in report.results if r.requirement == "OPEN-APIS")
    assert "Not applicable" in reason


@pytest.mark.parametrize(
    ("header", "values", "expected"),
    [
        (
            "Kravnummer;Kravtext;Status;Kommentar",
            ("Uppfyllt", "Delvis", "Ej uppfyllt"),
            ("met", "not_verified", "not_met"),
        ),
        (
            "Nr;Krav;Kravet uppfyllt;Kommentar",
            ("Dokumenterat åtagande", "Uppfylls ej", "Ej tillämpligt"),
            ("met", "not_met", "not_verified"),
        ),
        (
            "Req ID;Requirement;Compliance;Comments",
            ("✓", "Partially", "✗"),
            ("met", "not_verified", "not_met"),
        ),
    ],
)
def test_status_columns(
    tmp_path: Path, header: str, values: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    ids = ("DATA-OWNERSHIP", "OPEN-STANDARDS", "OPEN-APIS")
    lines = [header] + [
        f"{i};Krav {n};{v};" for n, (i, v) in enumerate(zip(ids, values, strict=True))
    ]
    path = tmp_path / "status.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = {r.requirement: r.outcome for r in _report(path).results}
    assert got == dict(zip(ids, expected, strict=True))


def test_english_yes_no_tick_columns_without_an_id(tmp_path: Path) -> None:
    """ "No" next to "Yes" is a tick column, not the id column ("No." as in number)."""
    path = tmp_path / "ticks.csv"
    path.write_text(
        "Requirement;Yes;No;Comment\n"
        "The organisation shall own and have control over all data in the system.;X;;\n"
        "The system shall be built on open standards.;;X;\n"
        "The system shall support open APIs.;X;;\n",
        encoding="utf-8",
    )
    got = {r.requirement: r.outcome for r in _report(path).results}
    assert got == {"DATA-OWNERSHIP": "met", "OPEN-STANDARDS": "not_met", "OPEN-APIS": "met"}


def test_rows_past_the_last_requirement_answered_are_not_searched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook of the vendor's own numbering that is far longer than the set: once every
    requirement has its answer, later rows cannot add one and are not matched by text (62,000
    rows against a 39-requirement set took 8.9 s, nearly all of it searching)."""
    from proccheck.checks import answer_checks

    searched: list[str] = []
    closest = answer_checks._Texts.closest

    def counting(self: answer_checks._Texts, text: str) -> str | None:
        searched.append(text)
        return closest(self, text)

    monkeypatch.setattr(answer_checks._Texts, "closest", counting)
    rows = [
        "L-1;Organisationen ska äga och ha kontroll över all data i systemet.;Ja",
        "L-2;Systemet ska bygga på öppna standarder.;Nej",
        "L-3;Systemet ska stödja öppna API:er.;Ja",
    ]
    extra = [f"L-{n};Systemet ska stödja öppna API:er, punkt {n}.;Nej" for n in range(4, 504)]
    path = tmp_path / "lang.csv"
    path.write_text("Kravnummer;Kravtext;Svar\n" + "\n".join(rows + extra) + "\n", "utf-8")
    got = {r.requirement: r.outcome for r in _report(path).results}
    assert got == {"DATA-OWNERSHIP": "met", "OPEN-STANDARDS": "not_met", "OPEN-APIS": "met"}
    assert len(searched) == 3
    from proccheck.loaders.answers import load_answers
    from proccheck.requirements import load_requirement_set

    matching = answer_checks.match_answers(
        load_answers(path, path.name), load_requirement_set("builtin:trollhattan-2023")
    )
    assert len(matching.unmatched) == 500


@pytest.mark.parametrize("shuffled", [False, True])
def test_indexed_text_search_finds_what_a_search_of_every_text_finds(shuffled: bool) -> None:
    """Rows matched through the bigram index (texts near the previous row's first, else the
    one sharing the most bigrams) get the first closest text of all, as a plain search of
    every text does: reworded lightly and heavily, in the specification's order or not."""
    import random

    from rapidfuzz import fuzz, process

    from proccheck.checks import answer_checks
    from proccheck.model import Requirement, RequirementSet, Text

    rng = random.Random(5)
    vocabulary = ("systemet", "ska", "kunna", "exportera", "data", "i", "öppet", "api", "logg")
    texts: set[str] = set()
    while len(texts) < answer_checks._Texts.INDEX_TEXTS + 100:
        texts.add(" ".join(rng.choice(vocabulary) for _ in range(rng.randrange(3, 12))))
    ordered = sorted(texts)
    requirement_set = RequirementSet(
        id="x",
        title=Text(sv="x"),
        requirements=tuple(
            Requirement(
                id=f"K{n}", level="must", principle="other", title=Text(sv=t), text=Text(sv=t)
            )
            for n, t in enumerate(ordered)
        ),
    )

    def reworded(text: str) -> str:
        chars = list(text)
        for _ in range(rng.choice([1, 3, 8, 20])):
            at = rng.randrange(len(chars))
            if rng.random() < 0.5:
                del chars[at]
            else:
                chars.insert(at, rng.choice("abcdefghijklmnopqrstuvwxyzåäö "))
        return "".join(chars)

    rows = [reworded(t) for t in ordered[:400]]
    if shuffled:
        rng.shuffle(rows)
    index = answer_checks._Texts(requirement_set)
    everything = answer_checks._Texts(requirement_set)
    for row in rows:
        normal = answer_checks._normal(row)
        found = process.extractOne(normal, everything.normal, scorer=fuzz.ratio, score_cutoff=75)
        first = everything.first.get(normal, None if found is None else found[2])
        assert index.closest(row) == (None if first is None else everything.ids[first])
    assert index.bigrams is not None


# --- a weaker requirement in the vendor's copy; nothing matched -----------------------------------


def test_vendor_copy_that_drops_key_terms_is_not_verified(tmp_path: Path) -> None:
    path = tmp_path / "svar.yaml"
    path.write_text(
        "vendor: V AB\nanswers:\n"
        "  - {requirement: DATA-OWNERSHIP, answer: Ja, text: "
        '"Organisationen ska ha läsåtkomst till all data i systemet."}\n'
        "  - {requirement: OPEN-STANDARDS, answer: Ja, text: "
        '"Systemet skall bygga på öppna standarder."}\n'
        "  - {requirement: OPEN-APIS, answer: Ja}\n",
        encoding="utf-8",
    )
    report = _report(path)
    got = {r.requirement: r.outcome for r in report.results}
    assert got == {"DATA-OWNERSHIP": "not_verified", "OPEN-STANDARDS": "met", "OPEN-APIS": "met"}
    message = next(f.message for f in report.findings if f.check == "AN006")
    assert "äga" in message and "kontroll" in message


def test_missing_key_terms_compare_stems() -> None:
    from proccheck.checks.answer_checks import missing_key_terms
    from proccheck.requirements import load_requirement_set

    requirement = load_requirement_set("builtin:trollhattan-2023").requirements[0]
    assert missing_key_terms(
        "Organisationen äger och har kontroll över all data.", requirement
    ) == ["systemet"]
    assert missing_key_terms("Något helt annat om leveranstider.", requirement) == []


def test_nothing_matches_the_set_is_an_input_error(cli: Cli, tmp_path: Path) -> None:
    """The buyer's own numbering checked against a built-in set: exit 2 and a hint, not a wall
    of "not met"."""
    path = tmp_path / "egna-nummer.csv"
    path.write_text(
        "Kravnummer;Kravtext;Svar\n"
        "4.1.1;Leverantören ska ha en kundtjänst öppen vardagar.;Ja\n"
        "4.1.2;Fakturor ska skickas elektroniskt.;Ja\n",
        encoding="utf-8",
    )
    result = cli("answers", "check", path, "--set", "builtin:trollhattan-2023")
    assert result.code == 2
    assert "nothing in the file matches" in result.err
    assert "--spec" in result.err and "--mapping" in result.err
    assert "not met" not in result.out


def test_an_answer_too_long_to_search_is_not_passed(tmp_path: Path) -> None:
    """Work is bounded: past the limit the text is not searched, and that is said, not met."""
    from proccheck.checks.answer_checks import MAX_ANSWER_CHARS

    long_comment = "Vi levererar allt som kravet anger. " * (MAX_ANSWER_CHARS // 30)
    path = tmp_path / "svar.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "vendor": "V AB",
                "answers": [
                    {"requirement": "DATA-OWNERSHIP", "answer": "Ja", "comment": long_comment},
                    {"requirement": "OPEN-STANDARDS", "answer": "Ja"},
                    {"requirement": "OPEN-APIS", "answer": "Ja"},
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    report = _report(path)
    got = {r.requirement: r.outcome for r in report.results}
    assert got["DATA-OWNERSHIP"] == "not_verified" and got["OPEN-APIS"] == "met"
    message = next(f.message for f in report.findings if f.check == "AN003")
    assert "too long" in message and str(MAX_ANSWER_CHARS) in message


def test_a_description_column_right_of_the_answer_is_the_vendors_comment(tmp_path: Path) -> None:
    path = tmp_path / "beskrivning.csv"
    path.write_text(
        "Nr;Kravtext;Leverantörens svar;Beskrivning\n"
        "DATA-OWNERSHIP;Organisationen ska äga och ha kontroll över all data i systemet.;Ja;"
        "Export sker mot en avgift.\n"
        "OPEN-STANDARDS;Systemet ska bygga på öppna standarder.;Ja;\n"
        "OPEN-APIS;Systemet ska stödja öppna API:er.;Ja;\n",
        encoding="utf-8",
    )
    got = {r.requirement: r.outcome for r in _report(path).results}
    assert got == {"DATA-OWNERSHIP": "not_verified", "OPEN-STANDARDS": "met", "OPEN-APIS": "met"}


def test_compliance_matrix_status_and_remaining_work(tmp_path: Path) -> None:
    """A bidder's crosswalk: status Built / Implemented and a Remaining column. A Built row with
    work remaining is a Yes with a reservation (AN003); one with "None" left is a clean Yes."""
    path = tmp_path / "crosswalk.csv"
    path.write_text(
        "Req ID,Status,Built Today,Remaining\n"
        "DATA-OWNERSHIP,Built,Export and audit log,None\n"
        "OPEN-STANDARDS,Implemented; Requires customer configuration,Templates,\n"
        "OPEN-APIS,Built,REST API,External integrations with the customer's systems\n",
        encoding="utf-8",
    )
    report = _report(path)
    outcomes = {r.requirement: r.outcome for r in report.results}
    assert outcomes["DATA-OWNERSHIP"] == "met"
    assert outcomes["OPEN-STANDARDS"] == "not_verified"
    assert outcomes["OPEN-APIS"] == "not_verified"
    found = next(f for f in report.findings if f.requirement == "OPEN-APIS")
    assert found.check == "AN003" and "External integrations" in found.message


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("Built", "yes"),
        ("Implemented (Demoable Now)", "yes"),
        ("Not supported", "no"),
        ("Finns ej", "no"),
        ("Ingår", "yes"),
    ],
)
def test_status_words_of_compliance_matrices(raw: str, value: str) -> None:
    assert normalise_answer(raw)[0] == value
