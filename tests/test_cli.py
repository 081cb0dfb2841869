"""The command line: exit codes, stdout, stderr, no tracebacks, atomic output files."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLES, CliResult

SAMPLE_SET = SAMPLES / "sets" / "ovanakers-kommun.yaml"

Cli = Callable[..., CliResult]


def test_version_and_help(cli: Cli) -> None:
    from proccheck import __version__

    result = cli("--version")
    assert result.code == 0 and __version__ in result.out
    for args in (
        ["--help"],
        ["sets", "--help"],
        ["sets", "validate", "--help"],
        ["checks", "explain", "--help"],
    ):
        result = cli(*args)
        assert result.code == 0 and "Usage:" in result.out


def test_python_dash_m_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "proccheck", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "proccheck" in done.stdout


def test_sets_list_shows_builtins(cli: Cli) -> None:
    result = cli("sets", "list")
    assert result.code == 0
    assert "builtin:open-baseline" in result.out and "builtin:trollhattan-2023" in result.out


def test_sets_show_as_written_and_resolved(cli: Cli) -> None:
    raw = cli("sets", "show", "builtin:trollhattan-2023")
    assert raw.code == 0 and raw.out.startswith("#")
    resolved = cli("sets", "show", str(SAMPLE_SET), "--resolved", "-f", "json")
    assert resolved.code == 0
    data = json.loads(resolved.out)
    assert data["sources"][0] == "builtin:trollhattan-2023"
    assert any(r["id"].startswith("OVK-") for r in data["requirements"])
    listing = cli(
        "sets", "show", "builtin:open-baseline", "--resolved", "-f", "text", "--lang", "sv"
    )
    assert listing.code == 0 and "skall" in listing.out


def test_validate_sample_set(cli: Cli) -> None:
    result = cli("sets", "validate", str(SAMPLE_SET))
    assert result.code == 0, result.out + result.err
    assert ": valid, " in result.out
    verbose = cli("sets", "validate", "-v", str(SAMPLE_SET))
    assert verbose.code == 0 and "MET" in verbose.out


def test_validate_reports_lint_error_with_exit_1(cli: Cli) -> None:
    bad = Path(__file__).parent / "check_samples" / "RS003" / "fail.yaml"
    result = cli("sets", "validate", str(bad))
    assert result.code == 1
    assert "RS003" in result.out and "ZZ999" in result.out


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (
            "id: x\nversion: '1'\ntitle: {en: X}\nrequirements:\n  A: {level: must}\n  A: {level: must}\n",
            "duplicate key 'A'",
        ),
        ("", "file is empty"),
        ("id: x\nversion: '1'\ntitle: {en: X}\nextends: [builtin:nope]\n", "unknown built-in"),
    ],
)
def test_bad_input_is_exit_2_without_traceback(
    cli: Cli, tmp_path: Path, content: str, fragment: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    out = tmp_path / "report.json"
    result = cli("sets", "validate", str(path), "-f", f"json:{out}")
    assert result.code == 2
    assert result.err.startswith("error: ") and fragment in result.err
    assert "hint: " in result.err
    assert "Traceback" not in result.err + result.out
    problems = json.loads(out.read_text())["problems"]
    assert problems and fragment in problems[0]["message"]


def test_usage_errors_exit_2(cli: Cli, tmp_path: Path) -> None:
    assert cli("sets", "validate", str(SAMPLE_SET), "-f", "nope").code == 2
    assert cli("sets", "validate").code == 2
    result = cli("checks", "explain", "RS00")
    assert result.code == 2 and "did you mean" in result.err
    missing_dir = tmp_path / "no" / "such" / "r.json"
    result = cli("sets", "validate", str(SAMPLE_SET), "-f", f"json:{missing_dir}")
    assert result.code == 2 and not missing_dir.exists()


def test_several_outputs_from_one_run(cli: Cli, tmp_path: Path) -> None:
    json_out = tmp_path / "r.json"
    result = cli("sets", "validate", str(SAMPLE_SET), "-f", f"json:{json_out}", "-f", "text")
    assert result.code == 0
    assert json.loads(json_out.read_text())["reports"][0]["kind"] == "set"
    assert ": valid, " in result.out
    assert result.err == f"wrote {json_out} (JSON); outcome: valid\n"
    assert not list(tmp_path.glob(".*.tmp"))


def test_checks_list_and_explain(cli: Cli) -> None:
    listing = cli("checks", "list")
    assert listing.code == 0 and "RS001" in listing.out
    explained = cli("checks", "explain", "requirement-translation-missing")
    assert explained.code == 0
    for section in ("What it checks", "Why it matters", "How to comply", "References"):
        assert section in explained.out


def test_lang_sv_switches_words(cli: Cli) -> None:
    result = cli("sets", "validate", str(SAMPLE_SET), "--lang", "sv", "--verbose")
    assert result.code == 0
    assert "Kravuppsättning" in result.out and "UPPFYLLT" in result.out


def test_error_messages_in_swedish(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "tom.md"
    empty.write_text("")
    result = cli("spec", "check", empty, "--lang", "sv")
    assert result.code == 2
    assert "error: " in result.err and "filen är tom" in result.err
    assert "hint: lägg till innehåll" in result.err
    duplicate = tmp_path / "dubbel.yaml"
    duplicate.write_text("id: x\nid: y\n")
    result = cli("sets", "validate", duplicate, "--lang", "sv", "-f", f"json:{tmp_path / 'r.json'}")
    assert "förekommer två gånger" in result.err
    assert "förekommer två gånger" in (tmp_path / "r.json").read_text(encoding="utf-8")
    english = cli("spec", "check", empty, "--lang", "en")
    assert "file is empty" in english.err


def test_help_in_swedish_from_the_option_or_the_locale(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = cli("spec", "check", "--lang", "sv", "--help")
    assert asked.code == 0
    assert asked.out.startswith("Användning: proccheck spec check")
    assert "Flaggor:" in asked.out and "Kravuppsättning att kontrollera mot" in asked.out
    assert "[standard:" in asked.out
    assert "Visa det här meddelandet och avsluta." in asked.out
    english = cli("spec", "check", "--help")  # nothing of the Swedish run stays behind
    assert english.out.startswith("Usage:") and "Show this message and exit." in english.out
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert "Användning:" in cli("spec", "check", "--help").out
    listing = cli("--help")
    assert "Kommandon:" in listing.out and "Granska en kravspecifikation" in listing.out


def test_usage_errors_in_swedish(cli: Cli) -> None:
    result = cli("spec", "check", "--lang", "sv", "--bogus")
    assert result.code == 2
    assert "Fel: Flaggan '--bogus' finns inte." in result.err
    assert "Kör 'proccheck spec check --help' för att få hjälp." in result.err
    missing = cli("spec", "check", "--lang=sv")
    assert missing.code == 2 and "Argument saknas" in missing.err
    english = cli("spec", "check", "--bogus")
    assert "No such option" in english.err


def test_missing_file_in_swedish(cli: Cli, tmp_path: Path) -> None:
    result = cli("spec", "check", tmp_path / "saknas.md", "--lang", "sv")
    assert result.code == 2
    assert "filen finns inte" in result.err and "hint: kontrollera sökvägen" in result.err


def _leaf_commands() -> list[tuple[str, ...]]:
    from proccheck.cli import cli as root

    found = []
    for name, command in sorted(root.commands.items()):  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        if sub:
            found += [(name, child) for child in sorted(sub)]
        else:
            found.append((name,))
    return found


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_command_help_has_an_example_and_whole_summaries(
    cli, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:  # type: ignore[no-untyped-def]
    """Each command's help ends with an example line; command lists show whole summaries (no
    "..." and no line cut at "e.g."); answers template offers only options it uses."""
    word = "Exempel:" if lang == "sv" else "Example:"
    for path in _leaf_commands():
        out = cli(*path, "--lang", lang, "--help").out
        assert word in out, f"{' '.join(path)} --help has no example"
        assert f"proccheck {' '.join(path)} " in out.split(word, 1)[1], path
    monkeypatch.setenv("LANG", "sv_SE.UTF-8" if lang == "sv" else "en_US.UTF-8")
    heading = "Kommandon:" if lang == "sv" else "Commands:"
    for group in ([], ["sets"], ["answers"], ["checks"], ["spec"]):
        out = cli(*group, "--help").out
        listing = out.split(heading, 1)[1]
        assert "..." not in listing and "e.g.\n" not in listing, out
    template = cli("answers", "template", "--help").out
    assert "--mapping" not in template and "vendors answered" not in template
