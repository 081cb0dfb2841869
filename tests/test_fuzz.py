"""Property tests: every loader and every formatter, driven by generated input.

Loaders may raise nothing but `ProccheckError` (proccheck's own input error); formatters may raise
nothing at all and must produce inert output (tests/adversarial/inert.py says what that means).

Examples per entry point: 100 by default, `PROCCHECK_FUZZ_EXAMPLES` in CI (e.g. 10000). Runs are
derandomized, so a CI run is repeatable, and keep no example database.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, TypeVar

import yaml
from adversarial import inert
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_answers import _answers_file as answers_file
from test_answers import _report as answers_report
from test_answers import spelt

from proccheck.errors import ProccheckError
from proccheck.loaders.answers import load_answers, normalise_answer
from proccheck.loaders.spec import split_text
from proccheck.loaders.structured import load_json, load_text
from proccheck.loaders.tables import read_tables
from proccheck.model import (
    Comparison,
    Finding,
    Location,
    MatrixCell,
    MatrixRow,
    Problem,
    Reference,
    Report,
    RequirementResult,
    RunResult,
    SetRef,
    Subject,
    VendorSummary,
)
from proccheck.report import FORMATS, get_renderer, matrix

T = TypeVar("T")
EXAMPLES = int(os.environ.get("PROCCHECK_FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# the xlsx matrix costs ~25 ms an example in openpyxl: it gets a tenth of the budget
FUZZ_XLSX = settings(FUZZ, max_examples=max(EXAMPLES // 10, 10))

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![i](http://evil.example/i.png)",
    '=HYPERLINK("http://evil.example","Ja")',
    "+cmd",
    "-1+1",
    "@SUM(A1)",
    "\tTAB",
    "\r\n::error::x",
    "\n::set-output name=a::b",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\x9b2J",
    "\x00",
    "\x85::notice::",
    "\u2028::warning::",
    "\u202e",
    "&lt;&amp;",
    "]]>",
    "<!--",
    "https://evil.example",
    "www.evil.example",
    "`code`",
    "| pipe |",
    "{{7*7}}",
    "no",
    "yes",
    "on",
    "0701234567",
    "8:30",
    "1.10",
    "Ja",
    "Nej",
    "Delvis",
    "ja, men",
    "K1",
]
hostile_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(HOSTILE),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), max_size=6).map("".join),
)
YAML_PIECES = [
    "&a ",
    "*a",
    "<<: ",
    "!!python/object:os.system ",
    "!!timestamp ",
    "!!float ",
    "!!binary ",
    "!x ",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "- ",
    "\n",
    "\n  ",
    "'",
    '"',
    "\\u",
    "\\ud800",
    "#",
    "---\n",
    "...",
    "? ",
    "|",
    ">",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "NaN",
    ".inf",
    "1e999",
    "9" * 120,
    "\t",
    "\ufeff",
    "\x85",
    "key",
    "vendor",
    "answers",
    "requirement",
    "answer",
]


def pieced(pieces: list[str], *, filler: int, most: int) -> st.SearchStrategy[str]:
    """Any text, or text strung from a format's tokens and short random fillers (which reaches
    the parser's corners far sooner than random text alone)."""
    tokens = st.one_of(st.sampled_from(pieces), st.text(max_size=filler))
    return st.one_of(st.text(), st.lists(tokens, max_size=most).map("".join))


yamlish = pieced(YAML_PIECES, filler=5, most=40)
JSON_PIECES = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    '"k"',
    '"',
    "\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "NaN",
    "Infinity",
    "-",
    "1e999",
    "0",
    "9" * 150,
    "true",
    "null",
    " ",
    "\n",
]
jsonish = pieced(JSON_PIECES, filler=4, most=60)


def _only_input_errors(func: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return func(*args, **kwargs)
    except ProccheckError as error:
        assert error.message
        inert.check_console(str(error), "error message")  # no ESC/BEL or ::lines from input
        return None


# --- loaders ---------------------------------------------------------------------------------


@FUZZ
@given(text=yamlish, typed=st.booleans(), lines=st.booleans(), prefer_json=st.booleans())
def test_load_text(text: str, typed: bool, lines: bool, prefer_json: bool) -> None:
    _only_input_errors(
        load_text, text, "fuzz.yaml", typed=typed, lines=lines, prefer_json=prefer_json
    )


@FUZZ
@given(text=jsonish)
def test_load_json(text: str) -> None:
    data = _only_input_errors(load_json, text, "fuzz.json")
    if data is not None:
        inert.check_json(__import__("json").dumps(data, ensure_ascii=False, allow_nan=False))


@FUZZ
@given(
    rows=st.lists(st.lists(hostile_text, max_size=6), max_size=8),
    header=st.sampled_from(["Kravnummer;Svar;Kommentar", "id,answer,comment", "ID\tSvar", ""]),
    raw=st.binary(max_size=300),
    use_raw=st.booleans(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_csv_reader(
    rows: list[list[str]], header: str, raw: bytes, use_raw: bool, encoding: str
) -> None:
    import csv
    import io

    if use_raw:
        data = raw
    else:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        for row in rows:
            writer.writerow(row)
        data = (header + "\n" + out.getvalue()).encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(data)
        _only_input_errors(read_tables, path, "fuzz.csv", ("answer",))
        _only_input_errors(load_answers, path, "fuzz.csv")


@FUZZ
@given(raw=hostile_text)
def test_normalise_answer(raw: str) -> None:
    value, rest = normalise_answer(raw)
    assert value in ("yes", "no", "partial", "not_applicable", "blank", "unclear")
    assert isinstance(rest, str)


@FUZZ
@given(
    lines=st.lists(
        st.one_of(
            hostile_text,
            st.sampled_from(
                [
                    "```",
                    "# Rubrik",
                    "| a | b |",
                    "|---|---|",
                    "K1. Systemet ska x",
                    "1) bör",
                    "- ska",
                    "",
                ]
            ),
        ),
        max_size=30,
    )
)
def test_split_text(lines: list[str]) -> None:
    items = split_text(lines, "fuzz.md")
    for item in items:
        assert item.location.path == "fuzz.md"
        assert item.level in (None, "must", "should")


answer_item = st.dictionaries(
    st.sampled_from(["requirement", "answer", "comment", "evidence", "text", "krav", "svar", "x"]),
    st.one_of(hostile_text, st.none(), st.integers(), st.lists(hostile_text, max_size=3)),
    max_size=5,
)
answers_doc = st.fixed_dictionaries(
    {"vendor": hostile_text, "answers": st.lists(answer_item, max_size=5)},
    optional={"procurement": hostile_text, "leverantör": hostile_text},
)


@FUZZ
@given(
    doc=answers_doc, raw=yamlish, use_raw=st.booleans(), suffix=st.sampled_from([".yaml", ".json"])
)
def test_answers_loader(doc: dict[str, Any], raw: str, use_raw: bool, suffix: str) -> None:
    if use_raw:
        text = raw
    elif suffix == ".json":
        text = __import__("json").dumps(doc, ensure_ascii=False)
    else:
        text = yaml.safe_dump(doc, allow_unicode=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        document = _only_input_errors(load_answers, path, f"fuzz{suffix}")
    if document is not None:
        for answer in document.answers:
            assert answer.value in ("yes", "no", "partial", "not_applicable", "blank", "unclear")


@FUZZ
@given(variant=spelt(), suffix=st.sampled_from([".yaml", ".json", ".csv", ".tsv", ".xlsx"]))
def test_hidden_reservations_in_every_answer_reader(
    variant: tuple[str, str, bool], suffix: str
) -> None:
    """A reservation spelt with other spaces, line breaks and invisible characters is found by
    every answers reader (tests/test_answers.py runs a few; this is the long run)."""
    comment, _kind, hidden = variant
    with tempfile.TemporaryDirectory() as folder:
        report = answers_report(answers_file(Path(folder), suffix, "Leverantören: " + comment))
    found = [f for f in report.findings if f.check == "AN003"]
    assert found and ("invisible character" in found[0].message) == hidden


# --- formatters ------------------------------------------------------------------------------


def tuples(strategy: st.SearchStrategy[T], most: int) -> st.SearchStrategy[tuple[T, ...]]:
    """Tuples (as the models hold them) of at most `most` drawn items."""
    return st.lists(strategy, max_size=most).map(tuple)


outcomes = st.sampled_from(["met", "not_met", "not_verified", "not_applicable"])
levels = st.sampled_from(["must", "should"])
principles = st.sampled_from(["data-ownership", "exit", "open-standards", "open-apis", "other"])
langs = st.sampled_from(["sv", "en"])
maybe_text = st.one_of(st.none(), hostile_text)
set_refs = st.builds(SetRef, id=hostile_text, version=hostile_text)
small_int = st.one_of(st.none(), st.integers(min_value=-5, max_value=10**7))
locations = st.builds(
    Location,
    path=hostile_text,
    line=small_int,
    column=st.one_of(small_int, hostile_text),
    pointer=maybe_text,
    sheet=maybe_text,
    row=small_int,
    element=maybe_text,
    end_line=small_int,
)
findings = st.builds(
    Finding,
    check=st.one_of(st.sampled_from(["RS001", "SP001", "AN001", "AN003", "OA001"]), hostile_text),
    requirement=maybe_text,
    severity=st.sampled_from(["error", "warning", "note"]),
    outcome=outcomes,
    message=hostile_text,
    location=locations,
    evidence=maybe_text,
    fix=maybe_text,
)
references = st.builds(
    Reference,
    title=hostile_text.filter(bool),
    url=maybe_text,
    section=maybe_text,
)
results = st.builds(
    RequirementResult,
    requirement=hostile_text,
    level=levels,
    principle=principles,
    title=hostile_text,
    outcome=outcomes,
    reason=hostile_text,
    references=tuples(references, 2),
)
reports = st.builds(
    Report,
    kind=st.sampled_from(["spec", "answers", "probe", "set"]),
    subject=st.builds(Subject, path=hostile_text, name=hostile_text),
    requirement_set=set_refs,
    lang=langs,
    outcome=outcomes,
    score=st.one_of(st.none(), st.integers(0, 100)),
    results=tuples(results, 3),
    findings=tuples(findings, 3),
)
problems = st.builds(
    Problem,
    path=hostile_text,
    where=maybe_text,
    message=hostile_text,
    hint=maybe_text,
)


def run_results(most: int) -> st.SearchStrategy[RunResult]:
    """Runs of at most `most` reports and `most` problems."""
    return st.builds(
        RunResult,
        reports=tuples(reports, most),
        problems=tuples(problems, most),
    )


runs = run_results(2)


@FUZZ
@given(run=runs)
def test_report_formatters(run: RunResult) -> None:
    for name in FORMATS:
        inert.CHECKS[name](get_renderer(name)(run))
    from proccheck.report.text import render_color

    coloured = render_color(run)
    inert.check_console(coloured.replace("\x1b[", "").replace("\x1b", "\x1b"), "colour text")


vendors = st.builds(
    VendorSummary,
    vendor=hostile_text,
    path=hostile_text,
    outcome=outcomes,
    not_met=tuples(hostile_text, 2),
    not_verified=tuples(hostile_text, 2),
)
cells = st.builds(MatrixCell, vendor=hostile_text, outcome=outcomes, reason=hostile_text)
matrix_rows = st.builds(
    MatrixRow,
    requirement=hostile_text,
    level=levels,
    title=hostile_text,
    text=hostile_text,
    cells=tuples(cells, 3),
)
comparisons = st.builds(
    Comparison,
    requirement_set=set_refs,
    lang=langs,
    vendors=tuples(vendors, 3),
    rows=tuples(matrix_rows, 4),
    # the run only feeds the JSON problems and the XLSX findings sheet: keep it small
    run=run_results(1),
)


@FUZZ
@given(comparison=comparisons)
def test_matrix_formatters(comparison: Comparison) -> None:
    inert.check_csv(matrix.render_csv(comparison))
    inert.check_html(matrix.render_html(comparison))
    inert.check_markdown(matrix.render_markdown(comparison))
    inert.check_json(matrix.render_json(comparison))


@FUZZ_XLSX
@given(comparison=comparisons)
def test_matrix_xlsx(comparison: Comparison) -> None:
    inert.check_xlsx(matrix.render_xlsx(comparison))
