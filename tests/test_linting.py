"""Linter conventions (issue 16): select/ignore, inline suppressions, baseline, GitLab Code
Quality, colour and completion."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from conftest import SAMPLES, CliResult

from proccheck import api
from proccheck.errors import InputError, UsageError
from proccheck.model import RunResult

Cli = Callable[..., CliResult]
SPEC_MD = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"
DATA = Path(__file__).parent / "data"


def _spec(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "spec.md"
    path.write_text(text, encoding="utf-8")
    return path


def _outcomes(report: api.Report) -> dict[str, str]:  # type: ignore[name-defined]
    return {r.requirement: r.outcome for r in report.results}


def test_ignoring_a_deciding_check_never_makes_a_requirement_met(tmp_path: Path) -> None:
    spec = _spec(tmp_path, "K1. Leverantören behåller äganderätten till all data.\n")
    full = api.check_spec(spec).reports[0]
    assert _outcomes(full)["DO-01"] == "not_met"
    for options in ({"ignore": ["SP001", "SP003"]}, {"select": ["SP004"]}):
        report = api.check_spec(spec, **options).reports[0]  # type: ignore[arg-type]
        outcome = _outcomes(report)["DO-01"]
        assert outcome == "not_verified", options
        reason = next(r.reason for r in report.results if r.requirement == "DO-01")
        assert "SP001" in reason and "--select/--ignore" in reason
        assert not any(f.check in ("SP001", "SP003") for f in report.findings)


def test_prefixes_select_and_an_unknown_code_is_a_usage_error(tmp_path: Path) -> None:
    report = api.check_spec(SPEC_MD, select=["SP00"]).reports[0]
    assert report.findings and all(f.check.startswith("SP00") for f in report.findings)
    with pytest.raises(UsageError, match="SP999") as raised:
        api.check_spec(SPEC_MD, ignore=["SP999"])
    assert raised.value.hint and "SP" in raised.value.hint


SUPPRESSED = """\
# Krav

<!-- proccheck: ignore SP004 -- "etc." is the officer's shorthand, replaced before publication -->
K1. Systemet ska stödja öppna API:er som är dokumenterade, etc.

K2. Leverantören ska svara inom 4 timmar. <!-- proccheck: ignore SP003 -- stale -->
"""


def test_inline_suppression_sets_a_finding_aside_and_reports_an_unused_one(tmp_path: Path) -> None:
    report = api.check_spec(_spec(tmp_path, SUPPRESSED)).reports[0]
    aside = [(a.why, a.finding.check, a.finding.location.line) for a in report.set_aside]
    assert aside == [("suppressed", "SP004", 4)]
    assert report.set_aside[0].note.startswith('"etc."')
    assert not any(f.check == "SP004" for f in report.findings)
    unused = [f for f in report.findings if f.check == "SP010"]
    assert [(f.location.line, f.severity) for f in unused] == [(6, "warning")]
    # without the comments both come back: the comment lines are not requirements either
    plain = api.check_spec(_spec(tmp_path, SUPPRESSED.replace("proccheck:", "x:"))).reports[0]
    assert any(f.check == "SP004" for f in plain.findings)


@pytest.mark.parametrize(
    ("comment", "wanted"),
    [
        ("<!-- proccheck: ignore SP004 -->", "must say why"),
        ("<!-- proccheck: ignore SP004 --   -->", "must say why"),
        ("<!-- proccheck: ignore XY123 -- because -->", "XY123"),
        ("<!-- proccheck: silence SP004 -- because -->", "not a suppression"),
    ],
)
def test_a_bad_suppression_is_an_input_error_at_its_line(
    tmp_path: Path, comment: str, wanted: str
) -> None:
    spec = _spec(tmp_path, f"# Krav\n\n{comment}\nK1. Systemet ska exportera data.\n")
    with pytest.raises(InputError, match=wanted) as raised:
        api.check_spec(spec)
    assert raised.value.where == "3" and raised.value.hint


def test_a_suppression_without_reason_exits_2_from_the_command_line(
    tmp_path: Path, cli: Cli
) -> None:
    spec = _spec(tmp_path, "<!-- proccheck: ignore SP004 -->\nK1. Systemet ska exportera data.\n")
    result = cli("spec", "check", spec, "--lang", "sv")
    assert result.code == 2
    assert "spec.md:1" in result.err and "hint:" in result.err and "Traceback" not in result.err


def test_file_wide_suppression(tmp_path: Path) -> None:
    text = "<!-- proccheck: ignore-file SP001 -- the set's other requirements are in bilaga 2 -->\nK1. Systemet ska exportera all data.\n"
    report = api.check_spec(_spec(tmp_path, text)).reports[0]
    assert not any(f.check == "SP001" for f in report.findings)
    assert {a.why for a in report.set_aside} == {"suppressed"}
    assert "met" not in {r.outcome for r in report.results if r.requirement == "DO-06"}


def test_baseline_passes_until_a_new_finding_appears(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    spec = _spec(tmp_path, SPEC_MD.read_text(encoding="utf-8"))
    assert cli("spec", "check", "spec.md").code == 1
    missing = cli("spec", "check", "spec.md", "--baseline", "base.yaml")
    assert missing.code == 2 and "--write-baseline" in missing.err
    wrote = cli("spec", "check", "spec.md", "--baseline", "base.yaml", "--write-baseline")
    assert wrote.code == 0 and wrote.out == "" and "base.yaml" in wrote.err
    assert cli("spec", "check", "spec.md", "--baseline", "base.yaml").code == 0
    # an edit elsewhere moves every line down: the fingerprints do not use line numbers
    spec.write_text("Inledning utan krav.\n\n" + spec.read_text(encoding="utf-8"), encoding="utf-8")
    passed = cli("spec", "check", "spec.md", "--baseline", "base.yaml", "-f", "json")
    assert passed.code == 0
    report = json.loads(passed.out)["reports"][0]
    assert report["findings"] == [] or all(f["check"] == "SP010" for f in report["findings"])
    assert {r["outcome"] for r in report["results"]} <= {"met", "not_verified"}
    with spec.open("a", encoding="utf-8") as file:
        file.write("\nK99. Leverantören behåller äganderätten till all data som genereras.\n")
    failed = cli("spec", "check", "spec.md", "--baseline", "base.yaml", "-f", "json")
    assert failed.code == 1
    new = json.loads(failed.out)["reports"][0]["findings"]
    assert [f["check"] for f in new] == ["SP003"] * len(new) and "K99" in new[0]["message"]


def test_rewriting_a_baseline_keeps_officers_decisions(tmp_path: Path) -> None:
    from proccheck.decisionformat import decision_for
    from proccheck.loaders.decisions import read_decisions

    run = api.check_spec(SPEC_MD)
    finding = run.reports[0].findings[0]
    path = tmp_path / "beslut.yaml"
    accepted = decision_for(
        finding, "accepted", motivation="godtas: avser tillval", by="A", date="2026-12-02"
    )
    path.write_text(
        "version: 1\ndecisions:\n- "
        + json.dumps(accepted.model_dump(exclude_none=True), ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    count = api.write_baseline(run, path)
    decisions = read_decisions(path).decisions
    assert decisions[0] == accepted and len(decisions) == count + 1
    assert {d.decision for d in decisions[1:]} == {"baseline"}
    again = api.check_spec(SPEC_MD, decisions=path).reports[0]
    assert not again.findings or all(f.check == "SP010" for f in again.findings)
    assert any(a.why == "accepted" and a.note.startswith("godtas") for a in again.set_aside)


def test_a_decision_needs_a_motivation_and_a_bad_file_is_located(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(
        "version: 1\ndecisions:\n  - fingerprint: "
        + "a" * 32
        + "\n    check: SP004\n    path: x.md\n    decision: accepted\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="motivation") as raised:
        api.check_spec(SPEC_MD, decisions=path)
    assert raised.value.where and raised.value.where.startswith("3")


def test_configured_select_and_per_file_ignores(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _spec(tmp_path, SPEC_MD.read_text(encoding="utf-8"))
    (tmp_path / ".proccheck.yaml").write_text("per-file-ignores:\n  '*.md': [SP003]\n")
    result = cli("spec", "check", "spec.md", "-f", "json")
    report = json.loads(result.out)["reports"][0]
    assert not any(f["check"] == "SP003" for f in report["findings"])
    assert {a["why"] for a in report["set_aside"]} == {"ignored"}
    (tmp_path / ".proccheck.yaml").write_text("select: [SP004]\n")
    selected = json.loads(cli("spec", "check", "spec.md", "-f", "json").out)["reports"][0]
    assert {f["check"] for f in selected["findings"]} == {"SP004"}
    # the command line wins over the file
    chosen = json.loads(cli("spec", "check", "spec.md", "-f", "json", "--select", "SP002").out)
    assert {f["check"] for f in chosen["reports"][0]["findings"]} == {"SP002"}


def test_gitlab_code_quality_validates_against_gitlabs_schema(cli: Cli) -> None:
    """tests/data/gitlab-codeclimate.schema.json is GitLab's own validator of each Code Quality
    issue (gitlabhq/gitlabhq app/validators/json_schemas/codeclimate.json, commit 33827e3a);
    the severities and the line are checked against GitLab's documented format on top."""
    result = cli("spec", "check", SPEC_MD, "-f", "gitlab")
    issues = json.loads(result.out)
    schema = json.loads((DATA / "gitlab-codeclimate.schema.json").read_text(encoding="utf-8"))
    assert isinstance(issues, list) and issues
    for issue in issues:
        jsonschema.validate(issue, schema)
        assert issue["location"]["lines"]["begin"] >= 1 and issue["check_name"]
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert {issue["severity"] for issue in issues} <= {"critical", "minor", "info"}
    assert all(
        issue["location"]["path"] == "samples/spec/kravspecifikation-arendehantering.md"
        or issue["location"]["path"].endswith("kravspecifikation-arendehantering.md")
        for issue in issues
    )


@pytest.mark.parametrize(
    ("choice", "environment", "coloured"),
    [
        ("always", {}, True),
        ("never", {"FORCE_COLOR": "1"}, False),
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {}, False),
    ],
)
def test_color_option_and_force_color(
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
    choice: str,
    environment: dict[str, str],
    coloured: bool,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    result = cli("spec", "check", SPEC_MD, "--color", choice)
    assert ("\x1b[" in result.out) is coloured


def test_completion_knows_sets_codes_and_formats() -> None:
    import click

    from proccheck.cli import _complete_code, _complete_format, _complete_set

    ctx = click.Context(click.Command("x"))
    param = click.Option(["--x"])
    assert "builtin:open-baseline" in [c.value for c in _complete_set(ctx, param, "builtin:o")]
    assert [c.value for c in _complete_code(ctx, param, "SP00")][:2] == ["SP001", "SP002"]
    assert next(c.value for c in _complete_code(ctx, param, "SP001,AN00")) == "SP001,AN001"
    assert [c.value for c in _complete_format(ctx, param, "git")] == ["github", "gitlab"]


def test_sarif_shows_set_aside_findings_as_suppressed(tmp_path: Path) -> None:
    from proccheck.report.sarif import document

    run = api.check_spec(_spec(tmp_path, SUPPRESSED))
    results = document(run)["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["SP004"]
    assert suppressed[0]["suppressions"][0]["kind"] == "inSource"
    assert suppressed[0]["suppressions"][0]["justification"].startswith('"etc."')
    schema = json.loads(
        (
            Path(__file__).parent.parent.parent / "shared" / "data" / "sarif-schema-2.1.0.json"
        ).read_text(encoding="utf-8")
    )
    jsonschema.validate(document(run), schema)


def test_a_folder_is_the_documents_below_it(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "krav" / "del").mkdir(parents=True)
    (tmp_path / "krav" / ".git").mkdir()
    for name in ("krav/a.md", "krav/del/b.md", "krav/.git/c.md", "krav/set.yaml"):
        (tmp_path / name).write_text("K1. Systemet ska exportera all data.\n", encoding="utf-8")
    (tmp_path / ".proccheck.yaml").write_text("exclude: ['del/**']\n")
    paths = json.loads(cli("spec", "check", "krav", "-f", "json", "-j", "2").out)["reports"]
    assert [r["subject"]["path"] for r in paths] == ["krav/a.md"]
    (tmp_path / ".proccheck.yaml").write_text("include: ['**/*.md']\n")
    found = json.loads(cli("spec", "check", "krav", "-f", "json").out)["reports"]
    assert [r["subject"]["path"] for r in found] == ["krav/a.md", "krav/del/b.md"]
    pattern = json.loads(cli("spec", "check", "krav/**/b.md", "-f", "json").out)["reports"]
    assert [r["subject"]["path"] for r in pattern] == ["krav/del/b.md"]
    empty = cli("spec", "check", "nothing/*.md")
    assert empty.code == 2 and "no file matches" in empty.err


def test_parallel_run_gives_the_same_reports_in_the_same_order(tmp_path: Path) -> None:
    files = []
    for number in range(4):
        path = tmp_path / f"s{number}.md"
        path.write_text(
            SPEC_MD.read_text(encoding="utf-8").replace("K1", f"K1{number}"), encoding="utf-8"
        )
        files.append(path)
    one = api.check_spec(files, lang="sv", ignore=["SP004"])
    two = api.check_spec(files, lang="sv", ignore=["SP004"], jobs=2)
    assert one == two and not any(f.check == "SP004" for r in two.reports for f in r.findings)


def test_verbose_lists_what_was_set_aside(tmp_path: Path, cli: Cli) -> None:
    spec = _spec(tmp_path, SUPPRESSED)
    quiet = cli("spec", "check", spec)
    assert "Set aside: 1 finding (1 suppressed by a comment)." in quiet.out
    assert "findings set aside:" not in quiet.out and "finding set aside:" not in quiet.out
    verbose = cli("spec", "check", spec, "-v", "--lang", "sv")
    assert "1 fynd undantaget:" in verbose.out
    assert 'SP004 [undantaget med en kommentar — "etc." is the officer' in verbose.out


def test_config_command_shows_every_key_of_the_file_format(cli: Cli) -> None:
    from proccheck.configformat import ConfigFile

    shown = json.loads(cli("--isolated", "config", "-f", "json").out)["settings"]
    keys = {info.alias or name for name, info in ConfigFile.model_fields.items()}
    assert set(shown) == keys


def test_progress_on_a_terminal_only(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text("K1. Systemet ska exportera all data.\n", encoding="utf-8")
    piped = cli("spec", "check", tmp_path, "-j", "2")
    assert "[1/3]" not in piped.err
    cli("--version")  # the capture is in place from here on
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    shown = cli("spec", "check", tmp_path, "-j", "2")
    assert [line.split(" ")[0] for line in shown.err.splitlines() if line.startswith("[")] == [
        "[1/3]",
        "[2/3]",
        "[3/3]",
    ]
    assert "[1/3]" not in shown.out


def test_configured_limits_apply_and_the_environment_wins(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from proccheck import limits

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(limits, "MAX_ROWS", limits.MAX_ROWS)  # restored after the test
    (tmp_path / "svar.csv").write_text("id;krav;svar\nK1;a;Ja\nK2;b;Ja\nK3;c;Ja\n")
    (tmp_path / ".proccheck.yaml").write_text("limits:\n  max-rows: 2\n")
    refused = cli("answers", "check", "svar.csv")
    assert refused.code == 2 and "more than 2 rows" in refused.err
    monkeypatch.setenv("PROCCHECK_MAX_ROWS", "100")
    monkeypatch.setattr(limits, "MAX_ROWS", 100)
    assert "more than 2 rows" not in cli("answers", "check", "svar.csv").err
    (tmp_path / ".proccheck.yaml").write_text("limits:\n  max-pages: 2\n")
    unknown = cli("answers", "check", "svar.csv")
    assert unknown.code == 2 and ".proccheck.yaml:1" in unknown.err


def test_a_baseline_holds_verdict_checks_too(tmp_path: Path) -> None:
    """DIGG profile rules decide by a verdict, not by findings: a baselined verdict leaves its
    requirement not verified (never met), and the probe's exit code no longer fails on it."""
    description = SAMPLES / "answers" / "bilagor" / "exempel-arende-openapi.yaml"
    first = api.probe(description, requirement_set="builtin:digg-rest-api-profil")
    failed = {r.requirement for r in first.results if r.outcome == "not_met"}
    assert failed
    baseline = tmp_path / "baseline.yaml"
    api.write_baseline(RunResult(reports=(first,)), baseline)
    again = api.probe(
        description, requirement_set="builtin:digg-rest-api-profil", decisions=baseline
    )
    outcomes = {r.requirement: r.outcome for r in again.results}
    assert {outcomes[requirement] for requirement in failed} == {"not_verified"}
    assert {a.why for a in again.set_aside} == {"baseline"}
