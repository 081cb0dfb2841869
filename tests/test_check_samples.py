"""Every registered check is documented and has at least one passing and one failing sample.

Samples live in tests/check_samples/CODE/: files named pass*.EXT must produce no finding of that
check, files named fail*.EXT at least one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from check_runner import findings_of, verdict_of

from proccheck.checks import SECTIONS, all_checks
from proccheck.loaders.answers import load_answers
from proccheck.loaders.openapi import build_index
from proccheck.loaders.spec import load_spec
from proccheck.model import Finding, Location, RequirementSet
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
    if check.kind == "spec" and code == "SP010":  # decided by the engine after the other checks
        from proccheck.api import spec_document_report

        report = spec_document_report(load_spec(path, path.name), _set_for(path), "en")
        return [f for f in report.findings if f.check == code]
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
            from proccheck.api import probe_evidence

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
    """Both pages, the English docs/checks.md and the Swedish docs/checks.sv.md."""
    from proccheck.checks.reference import PAGES, reference_markdown

    repo = Path(__file__).resolve().parents[1]
    assert set(PAGES) == {"en", "sv"}
    for lang, relative in PAGES.items():
        page = (repo / relative).read_text(encoding="utf-8")
        option = "" if lang == "en" else f" --lang {lang}"
        assert page == reference_markdown(lang), (
            f"{relative} is stale: run `python -m proccheck.checks.reference{option} > {relative}`"
        )
        for code in CODES:
            assert f"### {code}\n" in page


SWEDISH_HEADINGS = (
    "Vad kontrollen granskar",
    "Varför det är viktigt",
    "Så åtgärdar du det",
    "Referenser",
)


@pytest.mark.parametrize("code", CODES)
def test_check_is_documented_in_swedish(code: str) -> None:
    """The documentation is translated unit by unit through the catalogue: every section is
    there in Swedish, and at least 'What it checks' reads differently from the English."""
    check = all_checks()[code]
    english, swedish = check.sections("en"), check.sections("sv")
    assert list(swedish) == list(SECTIONS), f"{code} Swedish sections: {list(swedish)}"
    assert all(text.strip() for text in swedish.values()), swedish
    assert swedish["What it checks"] != english["What it checks"]
    assert check.summary("sv") and check.summary("sv") != check.summary("en")
    doc = check.doc("sv")
    assert all(f"\n{heading}\n" in f"\n{doc}\n" for heading in SWEDISH_HEADINGS)
    assert not any(f"\n{section}\n" in f"\n{doc}\n" for section in SECTIONS)


def test_check_documentation_units_are_paragraphs_and_list_items() -> None:
    """A unit joins its lines; list items are units of their own; English is kept as written."""
    from proccheck.checks import documentation

    body = "One paragraph\nwrapped.\n\nAnother:\n- an item\n  continued\n- a second item"
    assert [(u.text, u.item) for u in documentation.units(body)] == [
        ("One paragraph wrapped.", False),
        ("Another:", False),
        ("an item continued", True),
        ("a second item", True),
    ]
    assert documentation.translate("en", body) == body
    check = all_checks()["OA002"]
    assert check.doc("en") == check.doc()
    units = check.doc_units()
    assert units[0].startswith("Reports") and not set(SECTIONS) & set(units)
    assert all("\n" not in unit for unit in units)


@pytest.mark.parametrize("code", ["OA008", "RAP-SAK.15"])
def test_checks_explain_in_swedish(code: str, cli: Callable[..., Any]) -> None:
    result = cli("checks", "explain", code, "--lang", "sv")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    for heading in SWEDISH_HEADINGS:
        assert heading in lines, result.out
    for section in SECTIONS:
        assert section not in lines, f"English heading {section!r} in {result.out}"
    assert "applies to" not in result.out and "default severity" not in result.out
    assert lines[1].startswith("gäller: API-beskrivningar; allvarlighetsgrad som standard: ")


def test_checks_list_in_swedish_is_aligned(cli: Callable[..., Any]) -> None:
    result = cli("checks", "list", "--lang", "sv")
    assert result.code == 0, result.err
    rows = result.out.splitlines()
    assert len(rows) == len(CODES)
    checks = all_checks()
    for row in rows:
        code = row.split()[0]
        assert row.endswith(checks[code].title.sv)
    # the title column starts at the same place on every row
    starts = {row.index(checks[row.split()[0]].title.sv) for row in rows}
    assert len(starts) == 1, starts
