"""Holes found by the fourth round of hostile input: names no file can have, one field given
twice, answers that read differently from how they are shown, huge paragraphs, outputs and
baselines written where they were not asked for."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLES, CliResult

from proccheck import limits

Cli = Callable[..., CliResult]
SPEC = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"


def _outcomes(out: str, *ids: str) -> dict[str, str]:
    results = json.loads(out)["reports"][0]["results"]
    return {r["requirement"]: r["outcome"] for r in results if r["requirement"] in ids}


def test_evidence_no_file_can_be_named_is_reported_missing(cli: Cli, tmp_path: Path) -> None:
    """A NUL or an over-long name in a vendor's evidence list was an internal error (exit 3)."""
    answers = tmp_path / "svar.yaml"
    long_name = "a" * 5000 + ".pdf"
    answers.write_text(
        "vendor: V\nanswers:\n"
        f'  - {{requirement: K13, answer: Ja, evidence: ["a\\0b.yaml", "{long_name}"]}}\n',
        encoding="utf-8",
    )
    result = cli("answers", "check", answers, "--spec", SPEC, "--probe", "-f", "json", "-q")
    assert result.code == 1, result.err
    assert _outcomes(result.out, "K13") == {"K13": "not_verified"}
    messages = [f["message"] for f in json.loads(result.out)["reports"][0]["findings"]]
    missing = next(m for m in messages if "not in the bid folder" in m)
    assert "a\\x00b.yaml" in missing and "\x00" not in missing
    assert long_name not in missing  # shortened for the report


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('set: "a\\0.yaml"', "set: 'a\\x00.yaml' holds a control character"),
        ('baseline: "b\\0.yaml"', "baseline: 'b\\x00.yaml' holds a control character"),
        ('format: ["json:sub/\\0x.json"]', "format[0]: 'json:sub/\\x00x.json' holds a control"),
        ("jobs: true", "jobs must be a whole number, not true or false"),
        ('set: ""', "set must not be empty"),
        ("select: [1]", "select: no check code starts with 1"),
        ("ignore: [SP999]", "ignore: no check code starts with SP999"),
    ],
)
def test_configuration_values_no_run_can_use_are_refused_where_they_stand(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, expected: str
) -> None:
    """A NUL in a configured path was a traceback with exit 1, the code for "not met"."""
    (tmp_path / ".proccheck.yaml").write_text(line + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("spec", "check", SPEC, "-q")
    assert result.code == 2
    assert f".proccheck.yaml:1: {expected}" in result.err
    assert "Traceback" not in result.err


def test_a_configured_baseline_is_kept_inside_the_configurations_folder(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--write-baseline` wrote wherever a found configuration pointed."""
    (tmp_path / "project" / "sub").mkdir(parents=True)
    (tmp_path / "project" / ".proccheck.yaml").write_text(
        "baseline: ../outside.yaml\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "project" / "sub")
    result = cli("spec", "check", SPEC, "--write-baseline", "-q")
    assert result.code == 2
    assert "the baseline path in the configuration leads out of its folder" in result.err
    assert not (tmp_path / "outside.yaml").exists()
    (tmp_path / "project" / ".proccheck.yaml").write_text(
        "baseline: baslinje.yaml\n", encoding="utf-8"
    )
    assert cli("spec", "check", SPEC, "--write-baseline", "-q").code == 0
    assert (tmp_path / "project" / "baslinje.yaml").is_file()


def test_a_configuration_that_is_a_device_is_not_called_missing(cli: Cli) -> None:
    result = cli("--config", "/dev/zero", "spec", "check", SPEC)
    assert result.code == 2
    assert "/dev/zero: not a regular file" in result.err


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
def test_a_virtual_file_of_size_zero_is_not_called_empty(cli: Cli, tmp_path: Path) -> None:
    """/proc files report size 0 but hold text: "file is empty" was wrong about them."""
    result = cli("probe", "/proc/self/environ")
    assert result.code == 2 and "Traceback" not in result.err
    assert "/proc/self/environ: the system reports no size for this file" in result.err
    (tmp_path / "tom.json").write_bytes(b"")
    assert "tom.json: file is empty" in cli("probe", tmp_path / "tom.json").err


@pytest.mark.parametrize(
    ("original", "replacement", "field"),
    [
        ("set: krav/ovanakers-kommun.yaml", 'set: "krav/\\0.yaml"', "set"),
        (
            "specification: krav/kravspecifikation-arendehantering.md",
            'specification: "krav/\\0.md"',
            "specification",
        ),
        ("  - folder: exempel-systems", '  - folder: "exempel\\0"', "vendors[0].folder"),
        ("    answers: anbudssvar.yaml", '    answers: "svar\\0.yaml"', "vendors[0].answers"),
        (
            "    attachments: [bilagor/exempel-arende-openapi.yaml]",
            '    attachments: ["bilagor/\\0.yaml"]',
            "vendors[0].attachments[0]",
        ),
    ],
)
def test_tender_paths_no_file_can_have_are_refused(
    cli: Cli, tmp_path: Path, original: str, replacement: str, field: str
) -> None:
    """Each was an internal error (exit 3) from the first attempt to open the path."""
    folder = tmp_path / "tender"
    shutil.copytree(SAMPLES / "tender", folder)
    tender = folder / "upphandling.yaml"
    text = tender.read_text(encoding="utf-8")
    assert original in text
    text = text.replace(original, replacement)
    tender.write_text(text, encoding="utf-8")
    result = cli("tender", "check", folder, "-q")
    assert result.code == 2, result.err
    assert "upphandling.yaml:" in result.err and f"{field}: " in result.err
    assert "holds a control character" in result.err


def test_an_answer_shown_in_another_order_than_stored_is_not_verified(
    cli: Cli, tmp_path: Path
) -> None:
    """ "Ja\u202e ,tfigva ne tom" is shown as "Ja mot en avgift," but was read as a plain Yes."""
    answers = tmp_path / "svar.yaml"
    answers.write_text(
        'vendor: V\nanswers:\n  - {requirement: K3, answer: "Ja\\u202e ,tfigva ne tom"}\n'
        '  - {requirement: K4, answer: "Ja"}\n',
        encoding="utf-8",
    )
    result = cli("answers", "check", answers, "--spec", SPEC, "-f", "json", "-q")
    assert _outcomes(result.out, "K3", "K4") == {"K3": "not_verified", "K4": "met"}
    finding = next(
        f for f in json.loads(result.out)["reports"][0]["findings"] if f["requirement"] == "K3"
    )
    assert finding["check"] == "AN004" and "change the order" in finding["message"]


@pytest.mark.parametrize(
    ("limit", "refused", "read", "expected"),
    [
        # three million one-letter lines are one paragraph, under the item limit: 30 s, 1.3 GB
        ("MAX_SPEC_LINES", "x\n" * 1001, "x\n" * 1000, "more than 1,000 lines"),
        # every line break `splitlines` knows counts: "\r" alone took 30 s past the limit
        ("MAX_SPEC_LINES", "x\r" * 1001, "x\r\n" * 1000, "more than 1,000 lines"),
        ("MAX_SPEC_LINES", "x\u2028" * 1001, "x\u2028" * 1000, "more than 1,000 lines"),
        # 10 MB of long paragraphs took 14 s: the text is counted before it is read as items
        (
            "MAX_SPEC_CHARS",
            "Leverantören ska. " * 56,
            "Leverantören ska. " * 55,
            "the document holds 1,008 characters of text, more than 1,000",
        ),
        # a paragraph read one requirement a line added every line before counting the items
        (
            "MAX_SPEC_ITEMS",
            "Leverantören ska leverera.\n" * 1001,
            "Leverantören ska leverera.\n" * 1000,
            "more than 1,000 paragraphs",
        ),
    ],
)
def test_a_specification_over_a_limit_is_refused_as_it_is_read(
    cli: Cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    limit: str,
    refused: str,
    read: str,
    expected: str,
) -> None:
    monkeypatch.setattr(limits, limit, 1000)
    spec = tmp_path / "krav.md"
    spec.write_text(refused, encoding="utf-8")
    result = cli("spec", "check", spec, "-q")
    assert result.code == 2
    assert f"krav.md: {expected}" in result.err
    spec.write_text(read, encoding="utf-8")
    assert cli("spec", "check", spec, "-q").code in (0, 1)


def test_a_long_paragraph_keeps_every_line_number(tmp_path: Path) -> None:
    """The text of a paragraph is joined once (it was grown line by line, in quadratic time)."""
    from proccheck.loaders.spec import load_spec

    spec = tmp_path / "krav.md"
    spec.write_text("# Krav\n\nförsta\nandra\ntredje\n", encoding="utf-8")
    item = load_spec(spec, "krav.md").items[-1]
    assert item.text == "första andra tredje"
    assert item.line_starts == ((0, 3), (7, 4), (13, 5))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_template_is_never_written_over_a_yaml_file(cli: Cli, tmp_path: Path, fmt: str) -> None:
    """`-o leverantor-a.yaml -f csv` replaced a vendor's answers with a template."""
    answers = tmp_path / "leverantor-a.yaml"
    shutil.copy(SAMPLES / "answers" / "leverantor-a.yaml", answers)
    before = answers.read_bytes()
    result = cli("answers", "template", "--spec", SPEC, "-o", answers, "-f", fmt)
    assert result.code == 2
    assert "is named as a .yaml file" in result.err
    assert answers.read_bytes() == before
