"""Every registered check is documented and has at least one passing and one failing sample.

Samples live in tests/check_samples/CODE/: files named pass*.EXT must produce no finding of that
check, files named fail*.EXT at least one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from check_runner import findings_of, verdict_of

from proccheck.checks import SECTIONS, all_checks
from proccheck.loaders.answers import load_answers
from proccheck.loaders.spec import load_spec
from proccheck.model import Finding, Location, RequirementSet
from proccheck.probe.openapi import build_index
from proccheck.requirements import load_requirement_set

SAMPLES = Path(__file__).resolve().parent / "check_samples"
CODES = sorted(all_checks())


def _set_for(path: Path) -> RequirementSet:
    set_file = path.parent / "_set"
    ref = set_file.read_text().strip() if set_file.exists() else "builtin:open-baseline"
    return load_requirement_set(ref)


def run_check(code: str, path: Path) -> list[Finding]:
    """The check's findings on a sample; a verdict check's verdict counts as a finding when it
    is not met or not verified (as the engine reports it)."""
    check = all_checks()[code]
    if check.kind == "set":
        requirement_set = load_requirement_set(str(path))
        return findings_of(code, requirement_set, requirement_set)
    if check.kind == "spec":
        return findings_of(code, load_spec(path, path.name), _set_for(path))
    if check.kind == "probe":
        index = build_index(path.read_text(encoding="utf-8"), path.name)
        if check.verdict:
            # a pass-public sample stands for a description fetched from a public URL
            verdict = verdict_of(code, index, public_source="public" in path.name)
            if verdict.outcome in ("met", "not_applicable"):
                return []
            return [
                check.finding(
                    requirement=code, outcome=verdict.outcome, message=verdict.reason,
                    location=Location(path=path.name), fix="-",
                )
            ]  # fmt: skip
        # OA015 is off by default (its cost); `probe --validate-schema` turns it on
        return findings_of(code, index, validate_schema=code == "OA015")
    if check.kind == "answers":
        requirement_set = _set_for(path)
        document = load_answers(path, path.name)
        shown = None
        if code == "AN007":  # probes the API descriptions named as evidence
            from proccheck.answers import probe_evidence

            shown = probe_evidence(document, path.parent, requirement_set, "en", False)
        return findings_of(code, document, requirement_set, probe=shown)
    raise AssertionError(f"no sample runner for kind {check.kind}")


@pytest.mark.parametrize("code", CODES)
def test_check_is_documented(code: str) -> None:
    check = all_checks()[code]
    sections = check.sections()
    assert list(sections) == list(SECTIONS), f"{code} docstring sections: {list(sections)}"
    assert all(text.strip() for text in sections.values())
    assert check.title.sv and check.title.en
    assert check.name == check.name.lower() and " " not in check.name


@pytest.mark.parametrize("code", CODES)
def test_check_has_pass_and_fail_samples(code: str) -> None:
    """pass* samples give no finding, fail* samples at least one. A verdict check that can show
    a rule only in part (SAK.01: https yes, TLS version unseen) has partial* samples instead of
    pass* ones: its best verdict is not verified, with nothing violated."""
    folder = SAMPLES / code
    passing = sorted(p for p in folder.glob("pass*") if p.name != "_set")
    partial = sorted(folder.glob("partial*"))
    failing = sorted(p for p in folder.glob("fail*") if p.name != "_set")
    assert (passing or partial) and failing, f"{code} needs pass* and fail* samples in {folder}"
    for sample in passing:
        found = [f for f in run_check(code, sample) if f.check == code]
        assert not found, f"{sample.name}: unexpected {[f.message for f in found]}"
    for sample in partial:
        found = [f for f in run_check(code, sample) if f.check == code]
        assert [f.outcome for f in found] == ["not_verified"], f"{sample.name}: {found}"
    for sample in failing:
        found = [f for f in run_check(code, sample) if f.check == code]
        assert found, f"{sample.name}: expected a {code} finding"
        for finding in found:
            assert finding.message and finding.fix and finding.location.path


def test_checks_reference_page_is_current() -> None:
    from proccheck.checks.reference import reference_markdown

    page = Path(__file__).resolve().parents[1] / "docs" / "checks.md"
    assert page.read_text(encoding="utf-8") == reference_markdown(), (
        "docs/checks.md is stale: run `python -m proccheck.checks.reference > docs/checks.md`"
    )
    for code in CODES:
        assert f"### {code}\n" in page.read_text(encoding="utf-8")
