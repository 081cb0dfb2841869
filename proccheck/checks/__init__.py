"""The check registry: every check is declared once, with its code, name, title and documentation.

`proccheck checks explain CODE`, the README table and SARIF rule metadata are all read from here.
A check's docstring has the fixed sections *What it checks*, *Why it matters*, *How to comply* and
*References*; a test enforces them.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from proccheck.model import Finding, Lang, ReportKind, Severity, Text

SECTIONS = ("What it checks", "Why it matters", "How to comply", "References")
_CHECK_MODULES = (
    "proccheck.checks.set_lint",
    "proccheck.checks.spec_checks",
    "proccheck.checks.answer_checks",
    "proccheck.checks.probe_checks",
)


@dataclass(frozen=True)
class Check:
    """A registered check and its metadata."""

    code: str
    name: str
    title: Text
    kind: ReportKind
    severity: Severity
    func: Callable[..., Iterator[Finding]] = field(compare=False, repr=False)

    @property
    def doc(self) -> str:
        """The check's documentation, dedented."""
        return inspect.cleandoc(self.func.__doc__ or "")

    def sections(self) -> dict[str, str]:
        """The documentation split into its fixed sections."""
        parts = re.split(r"^(" + "|".join(SECTIONS) + r")\s*$", self.doc, flags=re.M)
        found: dict[str, str] = {}
        for index in range(1, len(parts) - 1, 2):
            found[parts[index]] = parts[index + 1].strip()
        return found

    def summary(self) -> str:
        """The first paragraph of 'What it checks', for one-line listings."""
        return self.sections().get("What it checks", "").split("\n\n")[0].replace("\n", " ")


_REGISTRY: dict[str, Check] = {}


def register(
    code: str, name: str, *, title_en: str, title_sv: str, kind: ReportKind, severity: Severity
) -> Callable[[Callable[..., Iterator[Finding]]], Callable[..., Iterator[Finding]]]:
    """Declare a check. Codes and names are unique; names are kebab-case and name the problem."""

    def decorate(func: Callable[..., Iterator[Finding]]) -> Callable[..., Iterator[Finding]]:
        if code in _REGISTRY or any(c.name == name for c in _REGISTRY.values()):
            raise RuntimeError(f"check {code} {name} registered twice")
        _REGISTRY[code] = Check(code, name, Text(sv=title_sv, en=title_en), kind, severity, func)
        return func

    return decorate


def all_checks() -> dict[str, Check]:
    """Every registered check by code, in code order (importing the check modules on demand)."""
    for module in _CHECK_MODULES:
        importlib.import_module(module)
    return dict(sorted(_REGISTRY.items()))


def get_check(code: str) -> Check | None:
    """The check with this code or name, case-insensitively."""
    wanted = code.strip().lower()
    for check in all_checks().values():
        if wanted in (check.code.lower(), check.name):
            return check
    return None


@dataclass(frozen=True)
class Context:
    """What a check needs besides its document: the language for messages, and options."""

    lang: Lang = "en"
    options: dict[str, Any] = field(default_factory=dict)
