"""Holes found by the third round of hostile input: unbounded reads, deep `extends` chains,
reports written over inputs, usage errors found only after every input was read."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLES, CliResult

from proccheck import limits

Cli = Callable[..., CliResult]
SPEC = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"


def _probe_stdin(data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PROCCHECK_MAX_INPUT_BYTES": "100000", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "proccheck", "probe", "-", *args],
        input=data,
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_standard_input_is_read_only_up_to_the_limit() -> None:
    """`probe -` read all of standard input first (`/dev/zero` was killed at 24 GB)."""
    result = _probe_stdin(b"openapi: 3.0.0\n" + b"#" * 5_000_000)
    assert result.returncode == 2
    assert b"larger than the limit of 100,000 bytes" in result.stderr
    assert b"Traceback" not in result.stderr


def test_standard_input_that_is_not_utf8_gets_the_files_message() -> None:
    result = _probe_stdin("openapi: 3.0.0\ninfo: {title: Å}\n".encode("latin-1"))
    assert result.returncode == 2
    assert b"<stdin>:2: not valid UTF-8 (byte 0xc5)" in result.stderr


def test_a_source_list_is_a_regular_file_within_limits(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = cli("probe", "--from-file", "/dev/zero")
    assert device.code == 2 and "not a regular file" in device.err
    monkeypatch.setattr(limits, "MAX_PROBE_SOURCES", 3)
    listed = tmp_path / "apis.txt"
    listed.write_text("a.yaml\nb.yaml\n# a comment\nc.yaml\nd.yaml\n", encoding="utf-8")
    result = cli("probe", "--from-file", listed)
    assert result.code == 2
    assert "apis.txt:5: the list names more than 3 sources" in result.err


def test_a_huge_configured_input_limit_is_not_set_aside_up_front(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`read(cap + 1)` allocated the whole cap: a limit of 100 GB was a MemoryError (exit 3)."""
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 100_000_000_000)
    assert cli("spec", "check", SPEC, "-q").code == 1


def test_utf32_is_named_as_utf32(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "krav.md"
    path.write_bytes("K1. Systemet ska ha öppna API:er.\n".encode("utf-32"))
    result = cli("spec", "check", path)
    assert result.code == 2 and "file is UTF-32 text, not UTF-8" in result.err


def _chain(folder: Path, length: int) -> Path:
    for number in range(length):
        parent = f"extends: [set-{number + 1}.yaml]\n" if number + 1 < length else ""
        (folder / f"set-{number}.yaml").write_text(
            f"id: s{number}\ntitle: S{number}\n{parent}requirements:\n"
            f"  R{number}:\n    level: must\n    principle: other\n"
            f"    title: Krav {number}\n    text: Systemet ska göra {number}.\n",
            encoding="utf-8",
        )
    return folder / "set-0.yaml"


def test_extends_chain_depth_is_bounded(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 1,000-file chain ran out of Python's recursion (exit 3)."""
    first = _chain(tmp_path, 6)
    assert cli("sets", "validate", first).code == 0
    monkeypatch.setattr(limits, "MAX_EXTENDS_DEPTH", 4)
    result = cli("sets", "validate", first)
    assert result.code == 2
    assert "set-3.yaml: extends chain is deeper than 4 sets" in result.err


def test_extends_onto_a_fifo_says_what_it_is(cli: Cli, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.yaml")
    path = tmp_path / "set.yaml"
    path.write_text("id: s\ntitle: S\nextends: [fifo.yaml]\nrequirements: {}\n", encoding="utf-8")
    result = cli("sets", "validate", path)
    assert result.code == 2 and "is not a regular file" in result.err


def test_a_report_is_never_written_over_an_input(cli: Cli, tmp_path: Path) -> None:
    spec = tmp_path / "spec.md"
    spec.write_bytes(SPEC.read_bytes())
    result = cli("spec", "check", spec, "-f", f"markdown:{spec}")
    assert result.code == 2 and "the output would overwrite an input file" in result.err
    assert spec.read_bytes() == SPEC.read_bytes()
    vendor = tmp_path / "b.csv"
    vendor.write_bytes((SAMPLES / "answers" / "leverantor-b.csv").read_bytes())
    answers_a = SAMPLES / "answers" / "leverantor-a.yaml"
    compared = cli("answers", "compare", answers_a, vendor, "--spec", spec, "-o", vendor)
    assert compared.code == 2 and "overwrite an input" in compared.err
    assert vendor.read_bytes() == (SAMPLES / "answers" / "leverantor-b.csv").read_bytes()
    link = tmp_path / "link.md"
    link.symlink_to(spec)
    through = cli("spec", "check", spec, "-f", f"json:{link}")
    assert through.code == 2 and spec.read_bytes() == SPEC.read_bytes()


def test_usage_errors_come_before_any_input_is_read(cli: Cli, tmp_path: Path) -> None:
    """A bad format or output folder was reported only after every input had been read (a
    36 MB answers file: 3.4 s). The input here does not exist: the usage error wins."""
    missing = tmp_path / "saknas.md"
    bogus = cli("spec", "check", missing, "-f", "bogus")
    assert bogus.code == 2 and "unknown format 'bogus'" in bogus.err
    folder = cli("spec", "check", missing, "-f", f"json:{tmp_path / 'nej' / 'r.json'}")
    assert folder.code == 2 and "does not exist" in folder.err


def test_folders_give_at_most_max_files(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(4):
        (tmp_path / f"s{number}.md").write_text("K1. Systemet ska ha öppna API:er.\n", "utf-8")
    monkeypatch.setattr(limits, "MAX_FILES", 3)
    result = cli("spec", "check", tmp_path)
    assert result.code == 2 and "more than 3 files to check" in result.err


def test_a_json_file_people_write_is_bounded_in_values(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """10 million zeros in a JSON answers file took 22 s to refuse (a line was looked up for
    the error by scanning every value); the values are counted first, as YAML's nodes are."""
    monkeypatch.setattr(limits, "MAX_YAML_NODES", 1_000)
    path = tmp_path / "svar.json"
    path.write_text('{"vendor": "X", "answers": [' + ",".join(["0"] * 2_000) + "]}", "utf-8")
    result = cli("answers", "check", path, "--spec", SPEC)
    assert result.code == 2 and "document has more than 1,000 nodes" in result.err
    nested = tmp_path / "nested.json"  # fewer commas than values: counted after reading
    nested.write_text('{"answers": [' + ",".join(["[[[[0]]]]"] * 300) + "]}", "utf-8")
    assert "more than 1,000 nodes" in cli("answers", "check", nested, "--spec", SPEC).err


def test_a_csv_cell_over_the_field_limit_says_so(cli: Cli, tmp_path: Path) -> None:
    """A 14 MB cell got the hint for an unclosed quote."""
    path = tmp_path / "svar.csv"
    path.write_text("Krav-ID;Svar;Kommentar\nK1;Ja;" + "x" * 200_000 + "\n", encoding="utf-8")
    result = cli("answers", "check", path)
    assert result.code == 2
    assert "svar.csv:2: a cell is longer than 131,072 characters" in result.err


def test_a_set_without_requirements_checks_a_spec_without_crashing(
    cli: Cli, tmp_path: Path
) -> None:
    """With no ids, the id expression matched the empty string (KeyError '', exit 3)."""
    empty = tmp_path / "tom.yaml"
    empty.write_text("id: tom\ntitle: Tom\nrequirements: {}\n", encoding="utf-8")
    spec = tmp_path / "krav.md"
    spec.write_text("1. The vendor shall provide an open API, documented.\n", encoding="utf-8")
    result = cli("spec", "check", spec, "--set", empty)
    assert result.code == 0, result.err


def test_files_a_folder_does_not_want_never_cut_off_those_it_does(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk counted every file, images too, and stopped at the limit: the specifications
    after them were left out without a word."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "s0.md").write_text("K1. Systemet ska ha öppna API:er.\n", "utf-8")
    for number in range(4):
        (tmp_path / "a" / f"bild{number}.png").write_bytes(b"x")
    (tmp_path / "b" / "s1.md").write_text("K1. Systemet ska ha öppna API:er.\n", "utf-8")
    monkeypatch.setattr(limits, "MAX_FILES", 3)
    result = cli("spec", "check", tmp_path, "-f", "json")
    assert '"s0.md"' in result.out.replace(str(tmp_path) + "/", "")
    assert "s1.md" in result.out


def test_closed_standard_input_is_nothing_read() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "proccheck", "probe", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    closed = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m proccheck probe - <&-"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    for run in (result, closed):
        assert run.returncode == 2
        assert b"nothing was read from standard input" in run.stderr
