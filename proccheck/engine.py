"""The one engine: run a kind's checks over a document, decide every requirement, build the report.

Specifications, vendor answers, API descriptions and requirement sets all go through `evaluate`:
checks yield findings (or, for verdict checks, a verdict), `decide` turns a requirement's
findings into its result with the ceilings its checks declare, and `make_report` orders the
results and findings once, so every command and formatter agrees on them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from proccheck.checks import Check, Context, MetReason, Verdict, checks_of, run_findings
from proccheck.errors import ProccheckError
from proccheck.i18n import _, ngettext
from proccheck.model import (
    Finding,
    Lang,
    Location,
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
from proccheck.text import one_line

FailOn = Literal["must", "should", "never"]
OUTCOME_RANK: dict[Outcome, int] = {"not_met": 0, "not_verified": 1, "met": 2, "not_applicable": 3}
"""Worst first: the order in which a requirement's findings decide its outcome."""
SEVERITY_RANK = {"error": 0, "warning": 1, "note": 2}
REASON_LIMIT = 300


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


def worst_first(findings: Iterable[Finding]) -> list[Finding]:
    """Findings ordered by how much they weigh on a verdict."""
    return sorted(findings, key=lambda f: (OUTCOME_RANK[f.outcome], SEVERITY_RANK[f.severity]))


def as_result(
    requirement: Requirement, outcome: Outcome, reason: str, lang: Lang
) -> RequirementResult:
    """A requirement's result with its reason on one line."""
    return RequirementResult(
        requirement=requirement.id,
        level=requirement.level,
        principle=requirement.principle,
        title=requirement.title.get(lang),
        outcome=outcome,
        reason=one_line(reason, REASON_LIMIT),
        references=requirement.references,
    )


def decide(
    requirement: Requirement,
    findings: Iterable[Finding],
    checks: list[Check],
    ctx: Context,
    met_reason: MetReason,
) -> RequirementResult:
    """A requirement's verdict: its worst finding, unless that is better than the best outcome
    its checks can support (their ceiling), in which case the ceiling, saying why; with no
    finding, met with what it is met by."""
    ordered = worst_first(findings)
    cap: Outcome = min(
        (check.best_outcome(ctx) for check in checks), key=OUTCOME_RANK.__getitem__, default="met"
    )
    lang = ctx.lang
    if ordered:
        shown = ordered[0].message + _more(len(ordered) - 1, lang)
        if OUTCOME_RANK[ordered[0].outcome] < OUTCOME_RANK[cap]:
            return as_result(requirement, ordered[0].outcome, shown, lang)
    if cap == "met":
        return as_result(requirement, "met", met_reason(requirement, checks), lang)
    summary = shown if ordered else met_reason(requirement, checks)
    public_only = all(c.best_outcome(ctx) == "met" or c.public_only for c in checks)
    why = (
        _(lang, "whether the description is published without an NDA cannot be seen from a file")
        if public_only
        else _(
            lang,
            "the rest cannot be seen in an API description (contract, policy, fees, data licence)",
        )
    )
    return as_result(requirement, cap, _(lang, "{summary}; {why}", summary=summary, why=why), lang)


def _more(count: int, lang: Lang) -> str:
    """How many more findings stand behind the one a reason quotes."""
    if not count:
        return ""
    return " " + ngettext(
        lang, "(+{count} more finding)", "(+{count} more findings)", count, count=count
    )


def _verdict_finding(
    check: Check, requirement: Requirement, verdict: Verdict, path: str, lang: Lang
) -> Finding:
    """A verdict that is not met, as a finding, so SARIF, JUnit and the text report show it."""
    pointer = next((e for e in verdict.evidence if e.startswith("/")), None)
    return check.finding(
        requirement=requirement.id,
        outcome=verdict.outcome,
        message=f"{requirement.id}: {verdict.reason}",
        location=Location(path=path, pointer=pointer),
        evidence="; ".join(verdict.evidence) or None,
        fix=requirement.text.get(lang),
        severity="error"
        if verdict.outcome == "not_met" and requirement.level == "must"
        else ("warning" if verdict.outcome == "not_met" else "note"),
    )


def evaluate(
    kind: ReportKind,
    document: object,
    ctx: Context,
    *,
    subject: Subject,
    met_reason: MetReason,
    listed_only: bool = False,
    locate: Callable[[Location], Location] | None = None,
    score: int | None = None,
) -> tuple[Report, dict[str, tuple[str, ...]]]:
    """Run every check of `kind` over `document` and decide each requirement of the set.

    A finding names its requirement, or belongs to the first requirement that lists its check.
    A requirement that lists a verdict check is decided by that verdict. With `listed_only`
    (API descriptions), requirements that list no check of this kind are left out of the
    report: there is nothing the document can say about them. `locate` completes a location a
    check left partial (the line a JSON pointer starts on). Returns the report and, per
    requirement, where its evidence is (for the reconciliation sheet).
    """
    requirement_set = ctx.requirement_set
    checks = checks_of(kind)
    owner: dict[str, str] = {}
    for requirement in requirement_set.requirements:
        for code in requirement.verification.checks:
            owner.setdefault(code, requirement.id)
    findings: list[Finding] = []
    for check in checks.values():
        for finding in run_findings(check, document, ctx):
            if finding.requirement is None and check.code in owner:
                finding = finding.model_copy(update={"requirement": owner[check.code]})
            findings.append(finding)
    results: list[RequirementResult] = []
    evidence: dict[str, tuple[str, ...]] = {}
    # findings by requirement and by check, by position: one pass, not one per requirement
    by_requirement: dict[str | None, list[int]] = {}
    by_check: dict[str, list[int]] = {}

    def index(position: int) -> None:
        finding = findings[position]
        by_requirement.setdefault(finding.requirement, []).append(position)
        by_check.setdefault(finding.check, []).append(position)

    for position in range(len(findings)):
        index(position)
    for requirement in requirement_set.requirements:
        listed = [checks[c] for c in requirement.verification.checks if c in checks]
        if listed_only and not listed:
            continue
        verdict_check = next((c for c in listed if c.verdict), None)
        if verdict_check is not None:
            verdict: Verdict = verdict_check.func(document, ctx, requirement)
            results.append(as_result(requirement, verdict.outcome, verdict.reason, ctx.lang))
            evidence[requirement.id] = verdict.evidence
            if verdict.outcome in ("not_met", "not_verified"):
                findings.append(
                    _verdict_finding(verdict_check, requirement, verdict, subject.path, ctx.lang)
                )
                index(len(findings) - 1)
            continue
        codes = {c.code for c in listed}
        positions = set(by_requirement.get(requirement.id, ()))
        for code in codes:
            positions.update(by_check.get(code, ()))
        own = [
            findings[p]
            for p in sorted(positions)
            if findings[p].check not in checks or checks[findings[p].check].decides
        ]
        result = decide(requirement, own, listed, ctx, met_reason)
        results.append(result)
        if result.outcome != "met":
            places = [f.location.describe() for f in worst_first(own)]
            evidence[requirement.id] = tuple(dict.fromkeys(places))[:5]
    if locate is not None:  # e.g. the line a verdict's JSON pointer starts on
        located = ((f, locate(f.location)) for f in findings)
        findings = [
            f if at is f.location else f.model_copy(update={"location": at}) for f, at in located
        ]
    report = make_report(
        kind=kind,
        subject=subject,
        requirement_set=requirement_set,
        results=results,
        findings=findings,
        lang=ctx.lang,
        score=score,
    )
    return report, evidence


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


def problem_from(error: ProccheckError) -> Problem:
    """An input error as a report problem."""
    return Problem(path=error.path, where=error.where, message=error.message, hint=error.hint)


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
