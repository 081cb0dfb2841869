"""The one engine: run a kind's checks over a document, decide every requirement, build the report.

Specifications, vendor answers, API descriptions and requirement sets all go through `evaluate`:
checks yield findings (or, for verdict checks, a verdict), `decide` turns a requirement's
findings into its result with the ceilings its checks declare, and `make_report` orders the
results and findings once, so every command and formatter agrees on them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from proccheck.checks import Check, Context, MetReason, Verdict, checks_of, run_findings
from proccheck.decisionformat import SETS_ASIDE, Decision, fingerprint
from proccheck.errors import ProccheckError
from proccheck.i18n import _, ngettext
from proccheck.loaders.inputs import matches
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
    SetAside,
    SetAsideWhy,
    SetRef,
    Subject,
    Suppression,
)
from proccheck.text import one_line
from proccheck.vocabulary import set_aside_word

FailOn = Literal["must", "should", "never"]
OUTCOME_RANK: dict[Outcome, int] = {"not_met": 0, "not_verified": 1, "met": 2, "not_applicable": 3}
"""Worst first: the order in which a requirement's findings decide its outcome."""
SEVERITY_RANK = {"error": 0, "warning": 1, "note": 2}
REASON_LIMIT = 300


@dataclass(frozen=True)
class Screen:
    """What the user asked to leave out of the verdicts: checks not selected or ignored (code
    prefixes, as `--select`/`--ignore` give them), inline suppressions, and decisions about
    findings by fingerprint (a baseline, an officer's). A requirement whose check did not run or
    whose finding was set aside is at best not verified: leaving a finding out never makes a
    requirement met."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    decisions: Mapping[str, Decision] = field(default_factory=dict)
    per_file: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(glob pattern, code prefixes): findings of those checks in matching files are set aside."""

    def runs(self, code: str) -> bool:
        """Whether the check with this code runs."""
        if self.select and not code.startswith(self.select):
            return False
        return not (self.ignore and code.startswith(self.ignore))

    def set_aside(self, finding: Finding, used: set[int]) -> SetAside | None:
        """The finding set aside, or None when it counts; records the suppressions used."""
        for pattern, codes in self.per_file:
            if finding.check.startswith(codes) and matches(Path(finding.location.path), (pattern,)):
                return SetAside(finding=finding, why="ignored", note=pattern)
        for position, suppression in enumerate(self.suppressions):
            if suppression.covers(finding):
                used.add(position)
                return SetAside(finding=finding, why="suppressed", note=suppression.reason)
        if self.decisions:
            decision = self.decisions.get(fingerprint(finding))
            if decision is not None and decision.decision in SETS_ASIDE:
                why: SetAsideWhy = "baseline" if decision.decision == "baseline" else "accepted"
                return SetAside(finding=finding, why=why, note=decision.motivation)
        return None


_SCREEN: ContextVar[Screen | None] = ContextVar("screen", default=None)


def current_screen() -> Screen:
    """The screen of the run in progress (an empty one outside `screening`)."""
    return _SCREEN.get() or Screen()


@contextmanager
def screening(screen: Screen) -> Iterator[None]:
    """Use `screen` for every report made inside the block (a run's --select, --ignore and
    decisions apply to each of its files, however deep the call that makes the report)."""
    token = _SCREEN.set(screen)
    try:
        yield
    finally:
        _SCREEN.reset(token)


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
    suppressions: tuple[Suppression, ...] = (),
) -> tuple[Report, dict[str, tuple[str, ...]]]:
    """Run every check of `kind` over `document` and decide each requirement of the set.

    A finding names its requirement, or belongs to the first requirement that lists its check.
    A requirement that lists a verdict check is decided by that verdict. With `listed_only`
    (API descriptions), requirements that list no check of this kind are left out of the
    report: there is nothing the document can say about them. `locate` completes a location a
    check left partial (the line a JSON pointer starts on). The run's `Screen` (see `screening`)
    and the document's own `suppressions` say which checks run and which findings are set
    aside. Returns the report and, per requirement, where its evidence
    is (for the reconciliation sheet).
    """
    screen = current_screen()
    if suppressions:
        screen = dataclasses.replace(screen, suppressions=suppressions)
    requirement_set = ctx.requirement_set
    checks = checks_of(kind)
    owner: dict[str, str] = {}
    for requirement in requirement_set.requirements:
        for code in requirement.verification.checks:
            owner.setdefault(code, requirement.id)
    used: set[int] = set()
    findings: list[Finding] = []
    set_aside: list[SetAside] = []

    def keep(finding: Finding) -> bool:
        aside = screen.set_aside(finding, used)
        if aside is None:
            findings.append(finding)
            return True
        set_aside.append(aside)
        return False

    for check in checks.values():
        if not screen.runs(check.code):
            continue
        for finding in run_findings(check, document, ctx):
            if finding.requirement is None and check.code in owner:
                finding = finding.model_copy(update={"requirement": owner[check.code]})
            keep(finding)
    results: list[RequirementResult] = []
    evidence: dict[str, tuple[str, ...]] = {}
    # checks that name requirements themselves (listed by none) may have decided any of them
    unowned_skipped = [
        code
        for code, c in checks.items()
        if c.decides and code not in owner and not screen.runs(code)
    ]
    own = _FindingIndex(findings)
    aside = _FindingIndex([a.finding for a in set_aside])
    for requirement in requirement_set.requirements:
        listed = [checks[c] for c in requirement.verification.checks if c in checks]
        if listed_only and not listed:
            continue
        not_run = [c.code for c in listed if not screen.runs(c.code)] + unowned_skipped
        listed = [c for c in listed if screen.runs(c.code)]
        verdict_check = next((c for c in listed if c.verdict), None)
        if verdict_check is not None:
            verdict: Verdict = verdict_check.func(document, ctx, requirement)
            result = as_result(requirement, verdict.outcome, verdict.reason, ctx.lang)
            evidence[requirement.id] = verdict.evidence
            if verdict.outcome in ("not_met", "not_verified"):
                finding = _verdict_finding(
                    verdict_check, requirement, verdict, subject.path, ctx.lang
                )
                if not keep(finding):  # a baseline or decision holds it: not verified at best
                    result = _set_aside_result(requirement, [finding], set_aside, ctx.lang)
        else:
            codes = {c.code for c in listed}
            decisive = [f for f in own.of(requirement.id, codes) if _decides(f, checks)]
            weighing = [
                f
                for f in aside.of(requirement.id, codes)
                if _decides(f, checks) and f.outcome in ("not_met", "not_verified")
            ]
            if weighing and not any(f.outcome == "not_met" for f in decisive):
                result = _set_aside_result(requirement, weighing, set_aside, ctx.lang)
            elif not_run and not decisive:  # nothing to be met by: say which check did not run
                result = as_result(
                    requirement, "not_verified", _not_run(not_run, ctx.lang), ctx.lang
                )
            else:
                result = decide(requirement, decisive, listed, ctx, met_reason)
            if result.outcome != "met":
                places = [f.location.describe() for f in worst_first(decisive + weighing)]
                evidence[requirement.id] = tuple(dict.fromkeys(places))[:5]
        results.append(_not_run_cap(result, not_run, ctx.lang))
    unread = [  # a first page that is only a picture is most likely a cover: reported only
        location
        for location, why in (getattr(document, "unread_pages", ()) if kind == "spec" else ())
        if why != "cover"
    ]
    if unread:  # a page proccheck could not read may say what undoes any verdict
        results = [_unread_cap(result, unread, ctx.lang) for result in results]
    if kind == "spec":
        findings.extend(_unused_suppressions(screen, used, checks, ctx.lang))
    if locate is not None:  # e.g. the line a verdict's JSON pointer starts on
        findings = [_located(f, locate) for f in findings]
        set_aside = [
            a.model_copy(update={"finding": _located(a.finding, locate)}) for a in set_aside
        ]
    report = make_report(
        kind=kind,
        subject=subject,
        requirement_set=requirement_set,
        results=results,
        findings=findings,
        lang=ctx.lang,
        score=score,
        set_aside=set_aside,
    )
    return report, evidence


class _FindingIndex:
    """Findings by requirement and by check, so each requirement finds its own in one pass."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = list(findings)
        self.by_requirement: dict[str | None, list[int]] = {}
        self.by_check: dict[str, list[int]] = {}
        for position, finding in enumerate(findings):
            self.by_requirement.setdefault(finding.requirement, []).append(position)
            self.by_check.setdefault(finding.check, []).append(position)

    def of(self, requirement: str, codes: set[str]) -> list[Finding]:
        """The findings naming `requirement` or made by one of `codes`, in the order found."""
        positions = set(self.by_requirement.get(requirement, ()))
        for code in codes:
            positions.update(self.by_check.get(code, ()))
        return [self.findings[p] for p in sorted(positions)]


def _decides(finding: Finding, checks: Mapping[str, Check]) -> bool:
    check = checks.get(finding.check)
    return check is None or check.decides


def _located(finding: Finding, locate: Callable[[Location], Location]) -> Finding:
    at = locate(finding.location)
    return finding if at is finding.location else finding.model_copy(update={"location": at})


def _not_run(codes: list[str], lang: Lang) -> str:
    """Why a requirement is not verified when checks it relies on did not run."""
    return ngettext(
        lang,
        "not verified: check {codes} was not run (--select/--ignore)",
        "not verified: checks {codes} were not run (--select/--ignore)",
        len(codes),
        codes=", ".join(codes),
    )


def _not_run_cap(result: RequirementResult, not_run: list[str], lang: Lang) -> RequirementResult:
    """A result no better than not verified when one of its checks did not run."""
    if not not_run or OUTCOME_RANK[result.outcome] <= OUTCOME_RANK["not_verified"]:
        return result
    reason = one_line(_not_run(not_run, lang), REASON_LIMIT)
    return result.model_copy(update={"outcome": "not_verified", "reason": reason})


def _unread_cap(result: RequirementResult, places: list[Location], lang: Lang) -> RequirementResult:
    """A result no better than not verified when parts of the document could not be read
    (`SpecDocument.unread_pages`: a scan, a font whose letters lie, a stamp, a picture of a
    line of text), named by page (a PDF) or paragraph (Word)."""
    if OUTCOME_RANK[result.outcome] <= OUTCOME_RANK["not_verified"]:
        return result
    pages = sorted({place.page for place in places if place.page is not None})
    if pages:
        reason = ngettext(
            lang,
            "not verified: page {pages} could not be read (SP011), and what it says could change this verdict",
            "not verified: pages {pages} could not be read (SP011), and what they say could change this verdict",
            len(pages),
            pages=", ".join(map(str, pages[:10])),
        )
    else:
        reason = _(
            lang,
            "not verified: {where} shows what proccheck could not read (SP011), and what it says could change this verdict",
            where=", ".join(dict.fromkeys(place.element or place.path for place in places[:10])),
        )
    return result.model_copy(
        update={"outcome": "not_verified", "reason": one_line(reason, REASON_LIMIT)}
    )


def _set_aside_result(
    requirement: Requirement, weighing: list[Finding], set_aside: list[SetAside], lang: Lang
) -> RequirementResult:
    """Not verified, because findings that would have decided the requirement were set aside
    (a baseline, a suppression, a decision): which, and why."""
    worst = worst_first(weighing)[0]
    why = next(a for a in set_aside if a.finding == worst)
    reason = ngettext(
        lang,
        "not verified: {count} finding set aside ({why}): {message}",
        "not verified: {count} findings set aside ({why}): {message}",
        len(weighing),
        count=len(weighing),
        why=set_aside_label(why, lang),
        message=worst.message,
    )
    return as_result(requirement, "not_verified", reason, lang)


def set_aside_label(aside: SetAside, lang: Lang) -> str:
    """Why a finding was set aside, in words, with the suppression's reason or motivation."""
    label = set_aside_word(lang, aside.why)
    return f"{label}: {aside.note}" if aside.note else label


def _unused_suppressions(
    screen: Screen, used: set[int], checks: Mapping[str, Check], lang: Lang
) -> Iterable[Finding]:
    """A suppression that silenced nothing, as a finding of SP010 (a stale comment would
    otherwise silence a future finding nobody has looked at)."""
    check = checks.get("SP010")
    if check is None or not screen.runs(check.code):
        return
    for position, suppression in enumerate(screen.suppressions):
        silenced = [code for code in checks if code.startswith(suppression.codes)]
        if position in used or not any(screen.runs(code) for code in silenced):
            continue
        yield check.finding(
            requirement=None,
            outcome="not_verified",
            message=_(
                lang,
                "line {line}: the suppression of {codes} silences nothing here; remove it",
                line=suppression.line,
                codes=", ".join(suppression.codes),
            ),
            location=Location(path=suppression.path, line=suppression.line),
            evidence=f"proccheck: ignore {' '.join(suppression.codes)} -- {suppression.reason}",
            fix=_(lang, "Delete the comment, or move it above the text it is meant for."),
        )


def _finding_order(order: dict[str, int]) -> Callable[[Finding], tuple[object, ...]]:
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

    return key


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
    set_aside: Iterable[SetAside] = (),
) -> Report:
    """Assemble a report with results in set order and findings sorted."""
    order = {r.id: index for index, r in enumerate(requirement_set.requirements)}
    key = _finding_order(order)
    ordered = tuple(sorted(results, key=lambda r: order.get(r.requirement, len(order))))
    return Report(
        kind=kind,
        subject=subject,
        requirement_set=SetRef(id=requirement_set.id, version=requirement_set.version),
        lang=lang,
        outcome=outcome or overall_outcome(ordered),
        score=score,
        results=ordered,
        findings=tuple(sorted(findings, key=key)),
        set_aside=tuple(sorted(set_aside, key=lambda aside: key(aside.finding))),
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
