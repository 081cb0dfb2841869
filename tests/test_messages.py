"""What a newcomer meets first, in English and Swedish: errors that say what happened and what
to give instead (a missing set file, empty input, a wrong suffix, a folder), `sets validate` in
brief, and the line per file written with the outcome."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLES, CliResult

import proccheck

SPEC = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"
SET = SAMPLES / "sets" / "ovanakers-kommun.yaml"
API = SAMPLES / "answers" / "bilagor" / "exempel-arende-openapi.yaml"
ANSWERS = sorted(p for p in (SAMPLES / "answers").iterdir() if p.is_file())

Cli = Callable[..., CliResult]

# (lang, what the message says, the hint's fragments)
MISSING_SET = {
    "en": ("the requirement set file does not exist", ("proccheck sets list", "builtin:NAME")),
    "sv": ("kravuppsättningsfilen finns inte", ("proccheck sets list", "builtin:NAMN")),
}


def error_lines(result: CliResult) -> tuple[str, str]:
    """The first `error:` line and the `hint:` line after it (empty when there is none)."""
    lines = result.err.splitlines()
    assert lines and lines[0].startswith("error: "), result.err
    hint = lines[1] if len(lines) > 1 and lines[1].startswith("hint: ") else ""
    return lines[0], hint


# --- a set file that does not exist ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize(
    "command",
    [
        ("spec", "check", str(SPEC)),
        ("answers", "check", str(ANSWERS[0])),
        ("answers", "compare", str(ANSWERS[0]), "-f", "csv"),
        ("answers", "template", "-o", "{tmp}/never-written.xlsx"),
        ("probe", str(API)),
    ],
    ids=["spec-check", "answers-check", "answers-compare", "answers-template", "probe"],
)
def test_missing_set_file_says_so_and_names_the_alternatives(
    cli: Cli, tmp_path: Path, command: tuple[str, ...], lang: str
) -> None:
    missing = tmp_path / "missing.yaml"
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    result = cli(*args, "--set", missing, "--lang", lang)
    assert result.code == 2, result.err
    error, hint = error_lines(result)
    message, fragments = MISSING_SET[lang]
    assert error.endswith(f"missing.yaml: {message}")
    assert all(fragment in hint for fragment in fragments), hint
    assert "extends" not in result.err
    assert not (tmp_path / "never-written.xlsx").exists()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_missing_set_file_that_names_a_builtin_suggests_it(cli: Cli, lang: str) -> None:
    result = cli("spec", "check", SPEC, "--set", "open-baseline", "--lang", lang)
    assert result.code == 2
    _error, hint = error_lines(result)
    said = "did you mean" if lang == "en" else "menade du"
    assert f"{said} builtin:open-baseline?" in hint


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_sets_validate_and_show_of_a_missing_file(cli: Cli, lang: str) -> None:
    message, _fragments = MISSING_SET[lang]
    for command in (("sets", "validate"), ("sets", "show")):
        result = cli(*command, "nowhere.yaml", "--lang", lang)
        assert result.code == 2
        assert error_lines(result)[0] == f"error: nowhere.yaml: {message}"


def test_library_raises_the_same_message(tmp_path: Path) -> None:
    with pytest.raises(proccheck.errors.RequirementSetError) as info:
        proccheck.load_requirement_set(tmp_path / "missing.yaml")
    assert info.value.message == "the requirement set file does not exist"


def test_a_missing_file_named_in_extends_keeps_its_own_message(tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    own.write_text("id: own\nversion: '1'\ntitle: {en: Own}\nextends: [./nowhere.yaml]\n")
    with pytest.raises(proccheck.errors.RequirementSetError) as info:
        proccheck.load_requirement_set(own)
    assert "not found" in info.value.message and "nowhere.yaml" in info.value.message


# --- nothing to read ---------------------------------------------------------------------------

EMPTY_STDIN = {
    "en": ("error: <stdin>: nothing was read from standard input", "proccheck probe - <"),
    "sv": ("error: <stdin>: ingenting lästes från standard in", "proccheck probe - <"),
}


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("given", ["", "  \n\n"])
def test_empty_stdin_to_probe(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, lang: str, given: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(given))
    result = cli("probe", "-", "--lang", lang)
    assert result.code == 2
    error, hint = error_lines(result)
    expected_error, expected_hint = EMPTY_STDIN[lang]
    assert error == expected_error
    assert expected_hint in hint
    assert "JSON" not in result.err and "Expecting" not in result.err


def test_empty_stdin_read_by_the_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    from proccheck.errors import InputError
    from proccheck.loaders.openapi import load_description

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputError, match="nothing was read from standard input"):
        load_description("-")


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize(
    ("command", "name"),
    [
        (("spec", "check"), "tom.md"),
        (("spec", "check"), "tom.xlsx"),
        (("answers", "check"), "svar.xlsx"),
        (("answers", "check"), "svar.csv"),
        (("probe",), "api.yaml"),
        (("sets", "validate"), "set.yaml"),
    ],
)
def test_an_empty_file_is_called_empty(
    cli: Cli, tmp_path: Path, command: tuple[str, ...], name: str, lang: str
) -> None:
    empty = tmp_path / name
    empty.write_bytes(b"")
    result = cli(*command, empty, "--lang", lang)
    assert result.code == 2
    error, hint = error_lines(result)
    assert error.endswith(": file is empty" if lang == "en" else ": filen är tom")
    assert hint == (
        "hint: add content or remove the file"
        if lang == "en"
        else "hint: lägg till innehåll eller ta bort filen"
    )


# --- a suffix the command does not read --------------------------------------------------------

WRONG_SUFFIX = [
    (
        ("spec", "check", "{file}"),
        "x.odt",
        {
            "en": "cannot read a specification from a .odt file (accepted: .md,",
            "sv": "kan inte läsa en kravspecifikation från en .odt-fil (godtas: .md,",
        },
        (".docx", ".pdf", ".xlsx", ".txt"),
    ),
    (
        ("answers", "check", "{file}"),
        "x.docx",
        {
            "en": "cannot read vendor answers from a .docx file (accepted: .xlsx,",
            "sv": "kan inte läsa leverantörssvar från en .docx-fil (godtas: .xlsx,",
        },
        (".csv", ".yaml", ".json"),
    ),
    (
        ("spec", "check", str(SPEC), "--set", "{file}"),
        "x.txt",
        {
            "en": "cannot read a requirement set from a .txt file (accepted: .yaml, .yml, .json, "
            ".xlsx, .xlsm, .csv)",
            "sv": "kan inte läsa en kravuppsättning från en .txt-fil (godtas: .yaml, .yml, .json, "
            ".xlsx, .xlsm, .csv)",
        },
        (),
    ),
    (
        ("answers", "check", str(ANSWERS[0]), "--mapping", "{file}"),
        "layout.txt",
        {
            "en": "cannot read a column mapping from a .txt file (accepted: .yaml, .yml, .json)",
            "sv": "kan inte läsa en kolumnmappning från en .txt-fil (godtas: .yaml, .yml, .json)",
        },
        (),
    ),
    (
        ("answers", "check", "{file}"),
        "svar",
        {
            "en": "cannot read vendor answers from a file without a suffix (accepted: .xlsx,",
            "sv": "kan inte läsa leverantörssvar från en fil utan filändelse (godtas: .xlsx,",
        },
        (".csv",),
    ),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize(
    ("command", "name", "message", "accepted"),
    WRONG_SUFFIX,
    ids=["spec-odt", "answers-docx", "set-txt", "mapping-txt", "answers-no-suffix"],
)
def test_a_wrong_suffix_names_the_accepted_ones(
    cli,
    tmp_path: Path,
    command: tuple[str, ...],
    name: str,
    message: dict[str, str],
    accepted: tuple[str, ...],
    lang: str,
) -> None:
    wrong = tmp_path / name
    wrong.write_text("Kommunen ska äga all data.\n", encoding="utf-8")
    result = cli(*(part.replace("{file}", str(wrong)) for part in command), "--lang", lang)
    assert result.code == 2, result.err
    error, hint = error_lines(result)
    assert f"{name}: {message[lang]}" in error
    assert all(suffix in error for suffix in accepted), error
    assert hint


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("krav.doc", "save it as .docx"),
        ("krav.xls", "save it as .xlsx"),
    ],
)
def test_a_wrong_suffix_says_how_to_convert(
    cli: Cli, tmp_path: Path, name: str, advice: str
) -> None:
    wrong = tmp_path / name
    wrong.write_bytes(b"x")
    _error, hint = error_lines(cli("spec", "check", wrong))
    assert advice in hint


def test_the_suffixes_named_are_the_ones_the_loaders_read() -> None:
    from proccheck.loaders import kravmatris, spec
    from proccheck.loaders.inputs import REQUIREMENT_SET, SPECIFICATION
    from proccheck.requirements import SET_SUFFIXES

    assert set(SPECIFICATION.suffixes) == {
        *spec.TEXT,
        *spec.DOCX,
        *spec.PDF,
        *spec.STRUCTURED,
        *spec.TABLES,
    }
    assert set(REQUIREMENT_SET.suffixes) == {*SET_SUFFIXES, *kravmatris.SUFFIXES}


# --- a folder where a file is expected ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_folder_of_specifications_is_its_documents(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "underlag"
    folder.mkdir()
    (folder / "notes.odt").write_text("x")
    result = cli("spec", "check", "underlag", "--lang", lang)
    assert result.code == 2
    error, hint = error_lines(result)
    if lang == "en":
        assert error == "error: underlag: the folder holds no file to check"
        assert hint.startswith("hint: a folder stands for its files of the types .md, .markdown")
    else:
        assert error == "error: underlag: mappen innehåller ingen fil att granska"
        assert hint.startswith("hint: en mapp står för sina filer av typerna .md, .markdown")
    for name in ("a.md", "b.md"):
        (folder / name).write_text("K1. Systemet ska exportera all data.\n", encoding="utf-8")
    checked = cli("spec", "check", "underlag", "--lang", lang, "-f", "json")
    paths = [r["subject"]["path"] for r in json.loads(checked.out)["reports"]]
    assert paths == ["underlag/a.md", "underlag/b.md"]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_folder_given_as_the_set_suggests_one_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sets").mkdir()
    (tmp_path / "sets" / "min-kommun.yaml").write_text("id: x\n")
    result = cli("spec", "check", SPEC, "--set", "sets", "--lang", lang)
    assert result.code == 2
    error, hint = error_lines(result)
    said = "give one file inside it, e.g." if lang == "en" else "ange en fil i den, t.ex."
    assert error.startswith("error: sets: ")
    assert hint == f"hint: {said} sets/min-kommun.yaml"


def test_a_folder_of_answers_and_an_empty_folder(cli: Cli, tmp_path: Path) -> None:
    answers = tmp_path / "anbud"
    answers.mkdir()
    (answers / "leverantor-a.xlsx").write_bytes(b"x")
    result = cli("answers", "check", answers)
    assert result.code == 2 and "leverantor-a.xlsx" in result.err  # read, and refused as no XLSX
    empty = tmp_path / "tom"
    empty.mkdir()
    error, hint = error_lines(cli("probe", empty))
    assert error.endswith("the folder holds no file to check")
    assert "files of the types .yaml, .yml, .json" in hint


# --- sets validate in brief --------------------------------------------------------------------

LINT_SAMPLE = Path(__file__).parent / "check_samples" / "RS001" / "fail.yaml"


def test_sets_validate_prints_one_line_per_file(cli: Cli) -> None:
    result = cli("sets", "validate", SET, LINT_SAMPLE)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    first = re.fullmatch(r"(.+): valid, (\d+) requirements \((\d+) must, (\d+) should\)", lines[0])
    assert first, lines[0]
    assert first.group(1).endswith("ovanakers-kommun.yaml")
    assert int(first.group(2)) == int(first.group(3)) + int(first.group(4))
    assert re.fullmatch(r".+fail\.yaml: valid, 1 requirement \(1 must\), 2 warnings", lines[1])
    findings = lines[2:]
    assert findings and all(line.startswith("    ") for line in findings)
    assert any("warning RS001" in line for line in findings)
    assert ": valid" not in "\n".join(findings)  # no line per requirement


def test_sets_validate_in_swedish_and_with_errors(cli: Cli) -> None:
    invalid = Path(__file__).parent / "check_samples" / "RS003" / "fail.yaml"
    result = cli("sets", "validate", SET, invalid, "--lang", "sv")
    assert result.code == 1
    lines = result.out.splitlines()
    assert re.fullmatch(r".+: giltig, \d+ krav \(\d+ skall, \d+ bör\)", lines[0]), lines[0]
    assert re.fullmatch(r".+fail\.yaml: ogiltig, 3 krav \(3 skall\), 1 fel", lines[1]), lines[1]
    assert "fel RS003" in lines[2]


def test_sets_validate_verbose_lists_every_requirement(cli: Cli) -> None:
    brief = cli("sets", "validate", SET)
    verbose = cli("sets", "validate", SET, "--verbose")
    count = len(proccheck.load_requirement_set(SET).requirements)
    assert len(brief.out.splitlines()) == 1
    assert sum(line.endswith(": valid") for line in verbose.out.splitlines()) == count


def test_sets_validate_other_formats_are_unchanged(cli: Cli, tmp_path: Path) -> None:
    report = proccheck.validate_set(SET)
    for fmt in ("json", "junit", "markdown"):
        out = cli("sets", "validate", SET, "-f", fmt)
        assert out.out == proccheck.render(report, fmt)
    text = cli("sets", "validate", SET, "-f", f"text:{tmp_path / 'v.txt'}", "-v")
    assert text.code == 0
    assert (tmp_path / "v.txt").read_text(encoding="utf-8") == proccheck.render(report, "text")


# --- the files written, and the outcome --------------------------------------------------------

WROTE = {
    "en": re.compile(r"wrote (?P<path>\S+) \((?P<fmt>[^)]+)\); outcome: (?P<outcome>.+)"),
    "sv": re.compile(r"skrev (?P<path>\S+) \((?P<fmt>[^)]+)\); resultat: (?P<outcome>.+)"),
}


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_each_file_written_is_listed_on_stderr_with_the_outcome(
    cli: Cli, tmp_path: Path, lang: str
) -> None:
    html, sarif = tmp_path / "spec-rapport.html", tmp_path / "out.sarif"
    result = cli(
        "spec", "check", SPEC, "--set", SET, "--lang", lang,
        "-f", f"html:{html}", "-f", f"sarif:{sarif}", "-f", "text",
    )  # fmt: skip
    assert result.code == 1
    assert "wrote" not in result.out and "skrev" not in result.out  # stdout: the text report
    lines = result.err.splitlines()
    assert [WROTE[lang].fullmatch(line) is not None for line in lines] == [True, True], lines
    matches = [WROTE[lang].fullmatch(line) for line in lines]
    assert [(m["path"], m["fmt"]) for m in matches if m] == [
        (str(html), "HTML"),
        (str(sarif), "SARIF"),
    ]
    report = proccheck.check_spec(SPEC, requirement_set=SET).reports[0]
    unmet = sum(1 for r in report.results if r.level == "must" and r.outcome == "not_met")
    outcome = matches[0]["outcome"] if matches[0] else ""
    if lang == "en":
        assert outcome.startswith(f"not met ({unmet} must-requirements not met")
    else:
        assert outcome.startswith(f"ej uppfyllt ({unmet} skall-krav ej uppfyllda")


def test_output_option_and_quiet(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    result = cli("spec", "check", SPEC, "-f", "json", "-o", target)
    assert result.out == ""
    assert result.err.startswith(f"wrote {target} (JSON); outcome: ")
    quiet = cli("spec", "check", SPEC, "-f", "json", "-o", target, "-q")
    assert quiet.err == "" and quiet.code == result.code
    to_stdout = cli("spec", "check", SPEC, "-f", "json")
    assert to_stdout.err == ""  # nothing written, nothing listed


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_probe_lists_the_reconciliation_sheet(cli: Cli, tmp_path: Path, lang: str) -> None:
    sheet, junit = tmp_path / "avstamning.xlsx", tmp_path / "p.xml"
    result = cli("probe", API, "--reconciliation", sheet, "-f", f"junit:{junit}", "--lang", lang)
    lines = result.err.splitlines()
    matches = [WROTE[lang].fullmatch(line) for line in lines]
    assert [(m["path"], m["fmt"]) for m in matches if m] == [
        (str(junit), "JUnit XML"),
        (str(sheet), "XLSX"),
    ]
    assert sheet.exists() and junit.exists()
    assert not cli("probe", API, "--reconciliation", sheet, "-q").err


def test_nothing_is_written_when_one_folder_is_missing(cli: Cli, tmp_path: Path) -> None:
    first, second = tmp_path / "r.html", tmp_path / "no" / "such" / "r.json"
    result = cli("spec", "check", SPEC, "-f", f"html:{first}", "-f", f"json:{second}")
    assert result.code == 2
    assert not first.exists() and not second.exists()
    assert "wrote" not in result.err


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_compare_and_template_list_their_file(cli: Cli, tmp_path: Path, lang: str) -> None:
    matrix = tmp_path / "jamforelse.xlsx"
    result = cli("answers", "compare", *ANSWERS, "--spec", SPEC, "-o", matrix, "--lang", lang)
    assert result.code == 0, result.err
    match = WROTE[lang].fullmatch(result.err.strip())
    assert match and match["path"] == str(matrix) and match["fmt"] == "XLSX"
    vendors = "of 2 vendors" if lang == "en" else "av 2 leverantörer"
    assert vendors in match["outcome"]
    assert not cli("answers", "compare", *ANSWERS, "--spec", SPEC, "-o", matrix, "-q").err
    template = tmp_path / "mall.csv"
    made = cli("answers", "template", "-f", "csv", "-o", template, "--lang", lang)
    count = len(proccheck.load_requirement_set("builtin:open-baseline").requirements)
    expected = (
        f"wrote {template} (CSV, answer template for {count} requirements)"
        if lang == "en"
        else f"skrev {template} (CSV, svarsmall för {count} krav)"
    )
    assert made.err.strip() == expected
    assert not cli("answers", "template", "-f", "csv", "-o", template, "--quiet").err


def test_the_outcome_when_inputs_could_not_be_read(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    result = cli("spec", "check", SPEC, tmp_path / "missing.md", "-f", f"json:{target}")
    assert result.code == 2
    last = result.err.splitlines()[-1]
    assert last.startswith(f"wrote {target} (JSON); outcome: not met")
    assert last.endswith("; 1 file could not be read")
    only_missing = cli(
        "sets", "validate", tmp_path / "x.yaml", "-f", f"json:{target}", "--lang", "sv"
    )
    assert only_missing.err.splitlines()[-1] == (
        f"skrev {target} (JSON); resultat: ej kontrollerat; 1 fil kunde inte läsas"
    )
    assert json.loads(target.read_text(encoding="utf-8"))["problems"]
