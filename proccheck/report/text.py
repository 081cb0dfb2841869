"""Plain text for terminals: grouped by requirement, with a summary line.

`render` is plain; `render_color` adds ANSI colours and is used only when the CLI writes to a
terminal and NO_COLOR is not set. `render_summary` gives requirement sets in brief (one line per
file, then its findings), as `proccheck sets validate` shows them unless asked to be verbose.
"""

from __future__ import annotations

from collections import Counter

from proccheck.i18n import _, ngettext
from proccheck.model import Outcome, Report, RunResult
from proccheck.report.common import (
    coverage_line,
    finding_counts,
    one_line,
    plain,
    validity_word,
)
from proccheck.vocabulary import (
    LEVEL_WORDS,
    count_words,
    dimension_name,
    kind_name,
    level_word,
    list_counts,
    outcome_word,
    set_aside_word,
    severity_word,
    version_word,
)

_MARK: dict[Outcome, str] = {"met": "✓", "not_met": "✗", "not_verified": "?", "not_applicable": "-"}
_COLOUR: dict[Outcome, str] = {
    "met": "\x1b[32m",
    "not_met": "\x1b[31m",
    "not_verified": "\x1b[33m",
    "not_applicable": "\x1b[2m",
}
_RESET = "\x1b[0m"
_NO_REQUIREMENTS = "SP007"
"""The check that finds no requirement in a document: alone, it is the whole report."""
_SAID_BY_EMPTY = (_NO_REQUIREMENTS, "SP001")
"""Findings the no-requirements finding says for them (every set requirement is missing)."""


def render(run: RunResult) -> str:
    """The run as plain text."""
    return _render(run, colour=False)


def render_color(run: RunResult) -> str:
    """The run as text with ANSI colours for a terminal."""
    return _render(run, colour=True)


def render_summary(run: RunResult, colour: bool = False) -> str:
    """Requirement sets in brief: `x.yaml: valid, 41 requirements (36 must, 5 should), 2
    warnings` per file, then its findings (where, severity, check, message, fix)."""
    lines: list[str] = []
    for report in run.reports:
        lang = report.lang
        total = len(report.results)
        levels = Counter(result.level for result in report.results)
        by_level = ", ".join(
            f"{levels[level]} {level_word(lang, level)}" for level in LEVEL_WORDS if levels[level]
        )
        requirements = ngettext(
            lang, "{count} requirement", "{count} requirements", total, count=total
        )
        parts = [
            _paint(validity_word(lang, [report]), report.outcome, colour),
            f"{requirements} ({by_level})" if by_level else requirements,
            *finding_counts(lang, list(report.findings)),
        ]
        lines.append(f"{one_line(report.subject.path)}: {', '.join(parts)}")
        for index in range(len(report.findings)):
            lines.extend(_finding_lines(report, index))
    return "\n".join(lines) + "\n" if lines else ""


def _paint(text: str, outcome: Outcome, colour: bool) -> str:
    return f"{_COLOUR[outcome]}{text}{_RESET}" if colour else text


def _render(run: RunResult, colour: bool) -> str:
    if not run.reports:
        return ""  # nothing was read; the CLI prints the problems on stderr
    lines: list[str] = []
    for report in run.reports:
        lines.extend(_report_lines(report, colour))
        lines.append("")
    # unreadable inputs are not repeated here: the CLI prints them on stderr
    return "\n".join(lines).rstrip("\n") + "\n"


def _report_lines(report: Report, colour: bool) -> list[str]:
    lang = report.lang
    verdict = _paint(outcome_word(lang, report.outcome).upper(), report.outcome, colour)
    lines = [
        f"{kind_name(lang, report.kind)}: {one_line(report.subject.path)}"
        + (f" ({one_line(report.subject.name)})" if report.subject.name else ""),
        _(lang, "requirement set") + f": {one_line(report.requirement_set.id, 100)} "
        f"{one_line(version_word(lang, report.requirement_set.version), 40)}",
        _(lang, "outcome")
        + f": {verdict}"
        + ("   " + _(lang, "score") + f": {report.score}/100" if report.score is not None else ""),
        *_dimension_lines(report),
        "",
    ]
    empty = [i for i, f in enumerate(report.findings) if f.check == _NO_REQUIREMENTS]
    if empty:  # not a specification: say so first, not every set requirement as missing
        rest = [i for i, f in enumerate(report.findings) if f.check not in _SAID_BY_EMPTY]
        for index in empty + rest:
            lines.extend(_finding_lines(report, index))
        count = len(report.results)
        lines.append("")
        lines.append(
            ngettext(
                lang,
                "The set's {count} requirement cannot be found in a document without requirements.",
                "None of the set's {count} requirements can be found in a document without requirements.",
                count,
                count=count,
            )
        )
        return lines
    by_requirement: dict[str | None, list[int]] = {}
    for index, finding in enumerate(report.findings):
        by_requirement.setdefault(finding.requirement, []).append(index)
    for result in report.results:
        mark = _paint(_MARK[result.outcome], result.outcome, colour)
        lines.append(
            f"{mark} {one_line(result.requirement, 60)} [{level_word(lang, result.level)}] "
            f"{one_line(result.title, 120)}: {one_line(result.reason, 300)}"
        )
        quoted: list[str] = []  # a vendor's sentence is quoted once per requirement
        for index in by_requirement.pop(result.requirement, []):
            lines.extend(_finding_lines(report, index, skip_message=result.reason, quoted=quoted))
    leftovers = [i for indexes in by_requirement.values() for i in indexes]
    if leftovers:
        lines.append(_(lang, "other:"))
        for index in leftovers:
            lines.extend(_finding_lines(report, index))
    lines.append("")
    lines.append(coverage_line(report))
    return lines


def _dimension_lines(report: Report) -> list[str]:
    """The score per dimension, one aligned line each: name, score/100 and its counts."""
    if not report.dimensions:
        return []
    lang = report.lang
    names = [dimension_name(lang, d.name) for d in report.dimensions]
    width = max(len(name) for name in names)
    lines = [_(lang, "score per dimension") + ":"]
    for name, dimension in zip(names, report.dimensions, strict=True):
        counts = count_words(lang, dimension.counts)
        lines.append(
            f"  {one_line(name, 40).ljust(width)}  {dimension.score:>3}/100"
            + (f"  ({one_line(counts, 300)})" if counts else "")
        )
    for dimension in report.dimensions:
        for label, listed in list_counts(lang, dimension.counts):
            lines.append(f"  {one_line(label, 80)}: {one_line(listed, 1200)}")
    return lines


def _finding_lines(
    report: Report, index: int, skip_message: str = "", quoted: list[str] | None = None
) -> list[str]:
    finding = report.findings[index]
    lang = report.lang
    message = one_line(finding.message)
    # the finding the reason quotes (shortened, or with "+N more" after it) is not repeated
    reason = one_line(skip_message, 300).rstrip("…")
    same = bool(reason) and (message.startswith(reason) or reason.startswith(message))
    lines = [
        f"    {one_line(finding.location.describe(), 200)}: {severity_word(lang, finding.severity)}"
        f" {one_line(finding.check, 40)}" + ("" if same else f": {message}")
    ]
    evidence = finding.evidence or ""
    if quoted is not None and evidence:  # already quoted above: only what is new
        earlier = next((q for q in quoted if evidence.startswith(q)), None)
        quoted.append(evidence)
        evidence = evidence[len(earlier) :].lstrip(" —") if earlier is not None else evidence
        if earlier is not None and evidence in message:
            evidence = ""
    if evidence:
        lines.append(f'      "{one_line(evidence, 300)}"')
    if finding.fix:
        lines.append("      " + _(lang, "fix") + f": {plain(finding.fix, 400)}")
    return lines


def render_set_aside(run: RunResult) -> str:
    """The findings a run set aside (suppressed, per-file-ignores, baseline, accepted), one line
    each with why: what `-v` adds to the text report, so a reviewer can see what was left out."""
    lines: list[str] = []
    for report in run.reports:
        if not report.set_aside:
            continue
        heading = ngettext(
            report.lang,
            "{path}: {count} finding set aside:",
            "{path}: {count} findings set aside:",
            len(report.set_aside),
            path=plain(report.subject.path, 200),
            count=len(report.set_aside),
        )
        lines.append("\n" + heading)
        for aside in report.set_aside:
            finding = aside.finding
            why = set_aside_word(report.lang, aside.why)
            note = f" — {plain(aside.note, 200)}" if aside.note else ""
            lines.append(
                f"  {plain(finding.location.describe(), 200)}: {finding.check} [{why}{note}] "
                f"{one_line(plain(finding.message, 400), 400)}"
            )
    return "\n".join(lines) + ("\n" if lines else "")
