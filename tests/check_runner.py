"""Run one registered check on one document, the way the engine would, for per-check tests."""

from __future__ import annotations

from typing import Any

from proccheck.checks import Verdict, all_checks, run_findings
from proccheck.model import Finding, Lang, RequirementSet
from proccheck.requirements import load_requirement_set


def context_for(
    kind: str, document: Any, requirement_set: RequirementSet, lang: Lang = "en", **options: Any
) -> Any:
    """The typed context the engine hands every check of `kind` for this document."""
    if kind == "spec":
        from proccheck.checks.spec_checks import context as spec_context

        return spec_context(document, requirement_set, lang)
    if kind == "answers":
        from proccheck.checks.answer_checks import context as answers_context

        return answers_context(document, requirement_set, lang, options.get("probe"))
    if kind == "probe":
        from proccheck.checks.probe_checks import context as probe_context

        return probe_context(document, requirement_set, lang, **options)
    from proccheck.checks import Context

    return Context(lang=lang, requirement_set=requirement_set)


def findings_of(
    code: str,
    document: Any,
    requirement_set: RequirementSet | None = None,
    lang: Lang = "en",
    **options: Any,
) -> list[Finding]:
    """The findings one finding check yields for `document`."""
    check = all_checks()[code]
    chosen = requirement_set or load_requirement_set("builtin:open-baseline")
    return list(
        run_findings(check, document, context_for(check.kind, document, chosen, lang, **options))
    )


def verdict_of(code: str, document: Any, lang: Lang = "en", **options: Any) -> Verdict:
    """The verdict a verdict check (a DIGG profile rule) gives for `document`."""
    check = all_checks()[code]
    profile = load_requirement_set("builtin:digg-rest-api-profil")
    requirement = profile.get(code.removeprefix("RAP-"))
    assert requirement is not None, code
    verdict: Verdict = check.func(
        document, context_for(check.kind, document, profile, lang, **options), requirement
    )
    return verdict
