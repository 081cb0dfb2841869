"""`proccheck spec check`: lint a requirement specification against a requirement set."""

from __future__ import annotations

from pathlib import Path

from proccheck.engine import evaluate, problem_from
from proccheck.errors import ProccheckError
from proccheck.i18n import _
from proccheck.loaders.spec import SpecDocument, load_spec
from proccheck.model import Lang, Report, Requirement, RequirementSet, RunResult, Subject
from proccheck.resources import display_path


def check_spec_document(
    document: SpecDocument, requirement_set: RequirementSet, lang: Lang
) -> Report:
    """Run every spec check on one loaded document and decide each set requirement."""
    from proccheck.checks.spec_checks import context

    ctx = context(document, requirement_set, lang)

    def implemented_by(requirement: Requirement, checks: object) -> str:
        match = ctx.analysis.implementing(requirement.id)[0]
        return _(lang, "{where} implements it", where=match.item.describe(lang))

    report, _evidence = evaluate(
        "spec",
        document,
        ctx,
        subject=Subject(path=document.path, name=document.title),
        met_reason=implemented_by,
    )
    return report


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
