"""Every registered check is documented and has at least one passing and one failing sample.

Samples live in tests/check_samples/CODE/: files named pass*.EXT must produce no finding of that
check, files named fail*.EXT at least one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from proccheck.checks import SECTIONS, Context, all_checks
from proccheck.model import Finding

SAMPLES = Path(__file__).resolve().parent / "check_samples"
CODES = sorted(all_checks())


def run_check(code: str, path: Path) -> list[Finding]:
    check = all_checks()[code]
    ctx = Context(lang="en")
    if check.kind == "set":
        from proccheck.requirements import load_requirement_set

        return list(check.func(load_requirement_set(str(path)), ctx))
    if check.kind == "spec":
        from proccheck.loaders.spec import load_spec
        from proccheck.requirements import load_requirement_set

        set_file = path.parent / "_set"
        ref = set_file.read_text().strip() if set_file.exists() else "builtin:open-baseline"
        return list(check.func(load_spec(path, path.name), load_requirement_set(ref), ctx))
    if check.kind == "probe":
        from proccheck.probe.openapi import build_index

        if code == "OA015":  # off by default (its cost); `probe --validate-schema` turns it on
            ctx = Context(lang="en", options={"validate_schema": True})
        return list(check.func(build_index(path.read_text(encoding="utf-8"), path.name), ctx))
    if check.kind == "answers":
        from proccheck.loaders.answers import load_answers
        from proccheck.requirements import load_requirement_set

        set_file = path.parent / "_set"
        ref = set_file.read_text().strip() if set_file.exists() else "builtin:open-baseline"
        requirement_set = load_requirement_set(ref)
        document = load_answers(path, path.name)
        if code == "AN007":  # probes the API descriptions named as evidence
            from proccheck.answers import probe_evidence

            shown = probe_evidence(document, path.parent, requirement_set, "en", False)
            ctx = Context(lang="en", options={"probe": shown})
        return list(check.func(document, requirement_set, ctx))
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
    folder = SAMPLES / code
    passing = sorted(p for p in folder.glob("pass*") if p.name != "_set")
    failing = sorted(p for p in folder.glob("fail*") if p.name != "_set")
    assert passing and failing, f"{code} needs pass* and fail* samples in {folder}"
    for sample in passing:
        found = [f for f in run_check(code, sample) if f.check == code]
        assert not found, f"{sample.name}: unexpected {[f.message for f in found]}"
    for sample in failing:
        found = [f for f in run_check(code, sample) if f.check == code]
        assert found, f"{sample.name}: expected a {code} finding"
        for finding in found:
            assert finding.message and finding.fix and finding.location.path
