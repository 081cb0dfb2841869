"""`proccheck spec check`: lint a requirement specification against a requirement set."""

from __future__ import annotations

from pathlib import Path

from proccheck.checks import Context, all_checks
from proccheck.engine import make_report, problem_from, result_for
from proccheck.errors import ProccheckError
from proccheck.i18n import t
from proccheck.loaders.spec import SpecDocument, load_spec
from proccheck.model import Finding, Lang, Report, RequirementSet, RunResult, Subject
from proccheck.resources import display_path


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
        met = ""
        if not own:
            match = analysis.implementing(requirement.id)[0]
            met = t(lang, "spec.result.met", where=match.item.describe(lang))
        results.append(result_for(requirement, own, met, lang))
    return make_report(
        kind="spec",
        subject=Subject(path=document.path, name=document.title),
        requirement_set=requirement_set,
        results=results,
        findings=findings,
        lang=lang,
    )


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
