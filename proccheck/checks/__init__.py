"""The check registry: every check is declared once, completely, where it is implemented.

One `@register(...)` declaration holds a check's code, problem name, titles, kind, severity, the
best outcome it can support (`ceiling`), whether that needs a public source, the probe score
dimension it belongs to and whether its findings decide a requirement; its messages are English
source strings at the call site, translated through the catalogue; its docstring has the fixed
sections *What it checks*, *Why it matters*, *How to comply* and *References* (a test enforces
them), whose paragraphs are translated through the catalogue (`proccheck.checks.documentation`).
`proccheck checks list|explain`, the checks reference page and SARIF rule metadata are
all read from here, and the engine reads the rest.

Two shapes of check exist. A *finding* check yields `Finding`s (problems it saw). A *verdict*
check (the DIGG REST API profile rules) decides one requirement outright and returns a `Verdict`
with its measured reason; the engine turns a verdict that is not met into a finding too, so it
shows in every report format like any other.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from proccheck.checks import documentation
from proccheck.checks.documentation import SECTIONS as SECTIONS
from proccheck.i18n import tr
from proccheck.model import (
    Finding,
    Lang,
    Location,
    Outcome,
    ReportKind,
    Requirement,
    RequirementSet,
    Severity,
    Text,
)

_MODULES_OF_KIND: dict[ReportKind, tuple[str, ...]] = {
    "set": ("proccheck.checks.set_lint",),
    "spec": ("proccheck.checks.spec_checks",),
    "answers": ("proccheck.checks.answer_checks",),
    "probe": ("proccheck.checks.probe_checks", "proccheck.checks.rest_profile"),
}
"""The modules that register the checks of each kind: a run imports only its own kind's (the
probe needs neither the spec nor the answers loaders; a test keeps this complete)."""
_CHECK_MODULES = tuple(module for modules in _MODULES_OF_KIND.values() for module in modules)


@dataclass(frozen=True, kw_only=True)
class Context:
    """What every check is handed besides its document: the set and the message language.

    Each kind extends it with the analysis that kind computes once per document (spec matching,
    answer matching, API measurements), so checks never recompute or cache it themselves.
    """

    lang: Lang = "en"
    requirement_set: RequirementSet
    public_source: bool = False


@dataclass(frozen=True)
class Verdict:
    """A verdict check's decision on one requirement, why (with the measured numbers), and where
    (JSON pointers or URLs)."""

    outcome: Outcome
    reason: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Check:
    """A registered check and everything about it."""

    code: str
    name: str
    title: Text
    kind: ReportKind
    severity: Severity
    func: Callable[..., Any] = field(compare=False, repr=False)
    ceiling: Outcome = "met"
    """The best outcome the check can support: an API description cannot show an SLA or a fee,
    so a clean description leaves such a requirement not verified."""
    public_only: bool = False
    """Met only when the input came from a public URL (publication without an NDA cannot be seen
    from a file); otherwise the ceiling is not verified."""
    dimension: str | None = None
    """The probe score dimension whose measurement explains a met verdict."""
    decides: bool = True
    """Whether its findings decide the requirement's outcome (advisory checks only report)."""
    verdict: bool = False
    """A verdict check: `func(document, ctx, requirement)` returns a `Verdict`."""
    doc_source: Callable[[Lang], str] | None = field(default=None, compare=False, repr=False)
    """Builds the documentation in a language instead of the docstring (the DIGG profile rules:
    the rule's text from the profile set, their function's docstring through the catalogue)."""

    def doc(self, lang: Lang = "en") -> str:
        """The check's documentation in `lang`: the dedented docstring in English, each of its
        paragraphs and list items translated through the catalogue otherwise."""
        if self.doc_source is not None:
            return self.doc_source(lang)
        return documentation.translate(lang, inspect.cleandoc(self.func.__doc__ or ""))

    def doc_units(self) -> list[str]:
        """The English paragraphs and list items of the docstring: the msgids (context "check
        documentation") that `doc` looks up, extracted into the catalogue from here."""
        return documentation.doc_units(inspect.cleandoc(self.func.__doc__ or ""))

    def sections(self, lang: Lang = "en") -> dict[str, str]:
        """The documentation in `lang` split into its fixed sections, keyed by their English
        names (`SECTIONS`); `documentation.heading` gives a heading in a language."""
        return documentation.split(self.doc(lang), lang)[1]

    def summary(self, lang: Lang = "en") -> str:
        """The first paragraph of 'What it checks' in `lang`, on one line, for listings."""
        first = self.sections(lang).get("What it checks", "").split("\n\n")[0]
        return re.sub(r"\s*\n\s*", " ", first)

    def best_outcome(self, ctx: Context) -> Outcome:
        """The ceiling that applies to this input."""
        if self.public_only and not ctx.public_source:
            return "not_verified"
        return self.ceiling

    def finding(
        self,
        *,
        requirement: str | None,
        outcome: Outcome,
        message: str,
        location: Location,
        evidence: str | None = None,
        fix: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this check (its code filled in, its declared severity by default)."""
        return Finding(
            check=self.code,
            requirement=requirement,
            severity=severity or self.severity,
            outcome=outcome,
            message=message,
            location=location,
            evidence=evidence,
            fix=fix,
        )


MetReason = Callable[["Requirement", list[Check]], str]
"""What a requirement with no finding is met by (the spec item that implements it, the answer,
the measurement behind it), given the requirement and the checks it lists."""

_REGISTRY: dict[str, Check] = {}


def register(
    code: str,
    name: str,
    *,
    title_en: str,
    title_sv: str,
    kind: ReportKind,
    severity: Severity,
    ceiling: Outcome = "met",
    public_only: bool = False,
    dimension: str | None = None,
    decides: bool = True,
    verdict: bool = False,
    doc_source: Callable[[Lang], str] | None = None,
) -> Callable[[Callable[..., Any]], Check]:
    """Declare a check. Codes and names are unique; names are kebab-case and name the problem.

    The decorated function is replaced by its `Check`, so a module refers to its own checks
    (`check.finding(...)`) without repeating the code."""

    def decorate(func: Callable[..., Any]) -> Check:
        if code in _REGISTRY or any(c.name == name for c in _REGISTRY.values()):
            raise RuntimeError(f"check {code} {name} registered twice")
        check = Check(
            code,
            name,
            Text(sv=title_sv, en=title_en),
            kind,
            severity,
            func,
            ceiling=ceiling,
            public_only=public_only,
            dimension=dimension,
            decides=decides,
            verdict=verdict,
            doc_source=doc_source,
        )
        _REGISTRY[code] = check
        return check

    return decorate


def all_checks() -> dict[str, Check]:
    """Every registered check by code, in code order (importing the check modules on demand)."""
    for module in _CHECK_MODULES:
        importlib.import_module(module)
    return dict(sorted(_REGISTRY.items()))


def checks_of(kind: ReportKind) -> dict[str, Check]:
    """The registered checks of one kind, by code (importing only that kind's modules)."""
    for module in _MODULES_OF_KIND[kind]:
        importlib.import_module(module)
    return {code: check for code, check in sorted(_REGISTRY.items()) if check.kind == kind}


def get_check(code: str) -> Check | None:
    """The check with this code or name, case-insensitively."""
    wanted = code.strip().lower()
    for check in all_checks().values():
        if wanted in (check.code.lower(), check.name):
            return check
    return None


def unknown_code(prefix: str) -> str | None:
    """None when `prefix` is a check code or the start of some (`SP`, `SP00`), else a hint
    naming the closest code."""
    import difflib

    codes = list(all_checks())
    if any(code.startswith(prefix) for code in codes):
        return None
    close = difflib.get_close_matches(prefix, codes, n=1)
    return tr("did you mean {name}?", name=close[0]) if close else tr("see `proccheck checks list`")


def run_findings(check: Check, document: object, ctx: Context) -> Iterator[Finding]:
    """The findings of a finding check (a verdict check yields none here)."""
    if not check.verdict:
        yield from check.func(document, ctx)
