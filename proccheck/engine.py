"""Turn findings into reports, and reports into a pass/fail decision.

Checks only yield findings; the per-requirement outcome, the overall outcome, the sort order and
the exit decision are made here, once, so every command and formatter agrees on them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from proccheck.checks import Context, all_checks
from proccheck.errors import ProccheckError
from proccheck.i18n import t
from proccheck.model import (
    Finding,
    Lang,
    Outcome,
    Problem,
    Report,
    ReportKind,
    Requirement,
    RequirementResult,
    RequirementSet,
    RunResult,
    SetRef,
    Subject,
)
from proccheck.report.common import one_line

FailOn = Literal["must", "should", "never"]
OUTCOME_RANK: dict[Outcome, int] = {"not_met": 0, "not_verified": 1, "met": 2, "not_applicable": 3}
"""Worst first: the order in which a requirement's findings decide its outcome."""
SEVERITY_RANK = {"error": 0, "warning": 1, "note": 2}


def overall_outcome(results: Iterable[RequirementResult]) -> Outcome:
    """Not met if any must is not met; else not verified if any must is; else met."""
    musts = [r.outcome for r in results if r.level == "must"]
    if "not_met" in musts:
        return "not_met"
    if "not_verified" in musts:
        return "not_verified"
    if not musts or all(outcome == "not_applicable" for outcome in musts):
        return "not_applicable" if musts else "met"
    return "met"


def result_for(
    requirement: Requirement, findings: Iterable[Finding], met_reason: str, lang: Lang
) -> RequirementResult:
    """A requirement's verdict: the worst of its findings with that finding's message as the
    reason, or met with `met_reason` when it has none."""
    worst = min(findings, key=lambda f: OUTCOME_RANK[f.outcome], default=None)
    return RequirementResult(
        requirement=requirement.id,
        level=requirement.level,
        principle=requirement.principle,
        title=requirement.title.get(lang),
        outcome=worst.outcome if worst else "met",
        reason=one_line(worst.message if worst else met_reason, 300),
        references=requirement.references,
    )


def sort_findings(findings: Iterable[Finding], order: dict[str, int]) -> tuple[Finding, ...]:
    """One deterministic order: by requirement (set order), severity, location, check."""

    def key(finding: Finding) -> tuple[object, ...]:
        loc = finding.location
        return (
            order.get(finding.requirement or "", len(order)),
            SEVERITY_RANK[finding.severity],
            loc.path,
            loc.sheet or "",
            loc.line or 0,
            loc.row or 0,
            str(loc.column or ""),
            loc.pointer or "",
            finding.check,
            finding.message,
        )

    return tuple(sorted(findings, key=key))


def make_report(
    *,
    kind: ReportKind,
    subject: Subject,
    requirement_set: RequirementSet,
    results: Iterable[RequirementResult],
    findings: Iterable[Finding],
    lang: Lang,
    score: int | None = None,
    outcome: Outcome | None = None,
) -> Report:
    """Assemble a report with results in set order and findings sorted."""
    order = {r.id: index for index, r in enumerate(requirement_set.requirements)}
    ordered = tuple(sorted(results, key=lambda r: order.get(r.requirement, len(order))))
    return Report(
        kind=kind,
        subject=subject,
        requirement_set=SetRef(id=requirement_set.id, version=requirement_set.version),
        lang=lang,
        outcome=outcome or overall_outcome(ordered),
        score=score,
        results=ordered,
        findings=sort_findings(findings, order),
    )


def should_fail(run: RunResult, fail_on: FailOn, strict: bool) -> bool:
    """Whether the run fails at the chosen level (`--fail-on`, `--strict`)."""
    if fail_on == "never":
        return False
    levels = ("must",) if fail_on == "must" else ("must", "should")
    failing = ("not_met", "not_verified") if strict else ("not_met",)
    for report in run.reports:
        if report.kind == "set":
            severities = ("error", "warning") if strict else ("error",)
            if any(f.severity in severities for f in report.findings):
                return True
            continue
        for result in report.results:
            if result.level in levels and result.outcome in failing:
                return True
    return False


def problem_from(error: ProccheckError) -> Problem:
    """An input error as a report problem."""
    return Problem(path=error.path, where=error.where, message=error.message, hint=error.hint)


def validate_set(ref: str, lang: Lang, base: Path | None = None) -> Report:
    """Resolve a requirement set and run the set checks on it (`proccheck sets validate`)."""
    from proccheck.requirements import describe_ref, load_requirement_set

    requirement_set = load_requirement_set(ref, base)
    ctx = Context(lang=lang)
    findings = [
        finding
        for check in all_checks().values()
        if check.kind == "set"
        for finding in check.func(requirement_set, ctx)
    ]
    results = []
    for requirement in requirement_set.requirements:
        own = [f for f in findings if f.requirement == requirement.id]
        outcome: Outcome = "met"
        if any(f.severity == "error" for f in own):
            outcome = "not_met"
        elif own:
            outcome = "not_verified"
        results.append(
            RequirementResult(
                requirement=requirement.id,
                level=requirement.level,
                principle=requirement.principle,
                title=requirement.title.get(lang),
                outcome=outcome,
                reason=own[0].message if own else t(lang, "set.valid"),
                references=requirement.references,
            )
        )
    display = describe_ref(ref, base or Path.cwd())
    report = make_report(
        kind="set",
        subject=Subject(path=display, name=requirement_set.title.get(lang) or requirement_set.id),
        requirement_set=requirement_set,
        results=results,
        findings=findings,
        lang=lang,
    )
    outcome_all: Outcome = "not_met" if any(f.severity == "error" for f in findings) else "met"
    return report.model_copy(update={"outcome": outcome_all})
