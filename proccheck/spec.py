"""`proccheck spec check`: lint a requirement specification against a requirement set."""

from __future__ import annotations

from pathlib import Path

from proccheck.checks import Context, all_checks
from proccheck.engine import make_report, problem_from
from proccheck.errors import ProccheckError
from proccheck.i18n import t
from proccheck.loaders.spec import SpecDocument, load_spec
from proccheck.model import (
    Finding,
    Lang,
    Outcome,
    Report,
    RequirementResult,
    RequirementSet,
    RunResult,
    Subject,
)
from proccheck.report.common import one_line

_RANK: dict[Outcome, int] = {"not_met": 0, "not_verified": 1, "met": 2, "not_applicable": 3}


def check_spec_document(
    document: SpecDocument, requirement_set: RequirementSet, lang: Lang
) -> Report:
    """Run every spec check on one loaded document and decide each set requirement."""
    ctx = Context(lang=lang)
    findings: list[Finding] = []
    for check in all_checks().values():
        if check.kind == "spec":
            findings.extend(check.func(document, requirement_set, ctx))
    from proccheck.checks.spec_checks import analyse

    analysis = analyse(document, requirement_set, lang)
    results = []
    for requirement in requirement_set.requirements:
        own = [f for f in findings if f.requirement == requirement.id and f.check != "SP006"]
        outcome: Outcome = "met"
        reason = ""
        if own:
            worst = min(own, key=lambda f: _RANK[f.outcome])
            outcome, reason = worst.outcome, worst.message
        else:
            match = analysis.implementing(requirement.id)[0]
            reason = t(lang, "spec.result.met", where=match.item.describe(lang))
        results.append(
            RequirementResult(
                requirement=requirement.id,
                level=requirement.level,
                principle=requirement.principle,
                title=requirement.title.get(lang),
                outcome=outcome,
                reason=one_line(reason, 300),
                references=requirement.references,
            )
        )
    return make_report(
        kind="spec",
        subject=Subject(path=document.path, name=document.title),
        requirement_set=requirement_set,
        results=results,
        findings=findings,
        lang=lang,
    )


def display_path(path: Path) -> str:
    """A path relative to the working directory when possible (reports never hold absolute
    paths of the user's machine unless given so)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def check_spec(paths: list[Path], requirement_set: RequirementSet, lang: Lang) -> RunResult:
    """Check each specification file; unreadable files become problems, not crashes."""
    reports, problems = [], []
    for path in paths:
        try:
            document = load_spec(path, display_path(path))
        except ProccheckError as error:
            problems.append(problem_from(error))
            continue
        reports.append(check_spec_document(document, requirement_set, lang))
    return RunResult(reports=tuple(reports), problems=tuple(problems))
