"""Helpers shared by formatters: neutralising vendor text, counting outcomes, and the one-line
outcome of a run or comparison (what the command line says after writing report files)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import orjson

from proccheck.i18n import _, ngettext
from proccheck.model import OUTCOMES, Finding, Lang, Outcome, Report, RunResult
from proccheck.text import one_line, plain
from proccheck.vocabulary import outcome_count, outcome_word, set_aside_word

__all__ = [
    "counts",
    "coverage_line",
    "finding_counts",
    "one_line",
    "plain",
    "run_outcome",
    "set_validity",
    "validity_word",
]


def counts(report: Report) -> Counter[Outcome]:
    """How many requirements ended in each outcome."""
    return Counter(result.outcome for result in report.results)


def coverage_line(report: Report) -> str:
    """How many requirements were decided by machine and how many need a person."""
    tally = counts(report)
    total = len(report.results)
    parts = ", ".join(outcome_count(report.lang, o, tally[o]) for o in OUTCOMES if tally[o])
    return ngettext(
        report.lang,
        "{total} requirement: {parts}. Decided automatically: {decided} of {total}; "
        "need manual review: {review}.",
        "{total} requirements: {parts}. Decided automatically: {decided} of {total}; "
        "need manual review: {review}.",
        total,
        total=total,
        parts=parts or "–",
        decided=tally["met"] + tally["not_met"],
        review=tally["not_verified"],
    ) + _set_aside_note(report)


def _set_aside_note(report: Report) -> str:
    """` Set aside: 3 findings (2 in the baseline, 1 suppressed by a comment).` or nothing."""
    if not report.set_aside:
        return ""
    lang = report.lang
    tally = Counter(aside.why for aside in report.set_aside)
    parts = ", ".join(
        f"{count} {set_aside_word(lang, why)}" for why, count in sorted(tally.items())
    )
    return " " + ngettext(
        lang,
        "Set aside: {count} finding ({parts}).",
        "Set aside: {count} findings ({parts}).",
        len(report.set_aside),
        count=len(report.set_aside),
        parts=parts,
    )


def _worst(outcomes: list[Outcome]) -> Outcome:
    return min(outcomes, key=OUTCOMES.index)


def finding_counts(lang: Lang, findings: list[Finding]) -> list[str]:
    """`2 errors`, `1 warning`, `3 notes`: the findings by severity (those there are)."""
    tally = Counter(f.severity for f in findings)
    parts = []
    if tally["error"]:
        count = tally["error"]
        parts.append(ngettext(lang, "{count} error", "{count} errors", count, count=count))
    if tally["warning"]:
        count = tally["warning"]
        parts.append(ngettext(lang, "{count} warning", "{count} warnings", count, count=count))
    if tally["note"]:
        count = tally["note"]
        parts.append(ngettext(lang, "{count} note", "{count} notes", count, count=count))
    return parts


def validity_word(lang: Lang, reports: Sequence[Report]) -> str:
    """`valid` or `invalid`: a requirement set is valid when no finding is an error."""
    return _(lang, "valid") if all(r.outcome == "met" for r in reports) else _(lang, "invalid")


def set_validity(lang: Lang, reports: Sequence[Report]) -> str:
    """`valid`, or `invalid (2 errors, 1 warning)`."""
    parts = finding_counts(lang, [f for r in reports for f in r.findings])
    word = validity_word(lang, reports)
    return f"{word} ({', '.join(parts)})" if parts else word


def run_outcome(run: RunResult, lang: Lang) -> str:
    """The outcome of a run in one phrase: `not met (3 must-requirements not met)`, for one
    report; `not met (2 of 3 reports not met)` for several; and the unreadable inputs."""
    reports = run.reports
    if not reports:
        phrase = _(lang, "not checked")
    elif all(r.kind == "set" for r in reports):
        phrase = set_validity(lang, reports)
    elif len(reports) == 1:
        phrase = _one_report(lang, reports[0])
    else:
        phrase = _several_reports(lang, reports)
    if run.problems:
        unread = len(run.problems)
        phrase += "; " + ngettext(
            lang,
            "{count} file could not be read",
            "{count} files could not be read",
            unread,
            count=unread,
        )
    return phrase


def _one_report(lang: Lang, report: Report) -> str:
    tally = Counter((r.level, r.outcome) for r in report.results)
    must_not_met = tally["must", "not_met"]
    must_open = tally["must", "not_verified"]
    should_not_met = tally["should", "not_met"]
    counted = (
        must_not_met
        and ngettext(lang, "{count} must-requirement not met",
                     "{count} must-requirements not met", must_not_met, count=must_not_met),
        must_open
        and ngettext(lang, "{count} must-requirement not verified",
                     "{count} must-requirements not verified", must_open, count=must_open),
        should_not_met
        and ngettext(lang, "{count} should-requirement not met",
                     "{count} should-requirements not met", should_not_met, count=should_not_met),
    )  # fmt: skip
    parts = [text for text in counted if isinstance(text, str)]
    word = outcome_word(lang, report.outcome)
    return f"{word} ({', '.join(parts)})" if parts else word


def _several_reports(lang: Lang, reports: tuple[Report, ...]) -> str:
    total = len(reports)
    not_met = sum(1 for r in reports if r.outcome == "not_met")
    not_verified = sum(1 for r in reports if r.outcome == "not_verified")
    parts = []
    if all(r.kind == "answers" for r in reports):  # one report per vendor
        if not_met:
            parts.append(
                _(
                    lang,
                    "{count} of {total} vendors do not meet every must-requirement",
                    count=not_met,
                    total=total,
                )
            )
        if not_verified:
            parts.append(
                _(
                    lang,
                    "{count} of {total} vendors need manual review",
                    count=not_verified,
                    total=total,
                )
            )
    else:
        if not_met:
            parts.append(_(lang, "{count} of {total} reports not met", count=not_met, total=total))
        if not_verified:
            parts.append(
                _(
                    lang,
                    "{count} of {total} reports not verified",
                    count=not_verified,
                    total=total,
                )
            )
    word = outcome_word(lang, _worst([r.outcome for r in reports]))
    return f"{word} ({', '.join(parts)})" if parts else word


def json_text(data: Any) -> str:
    """Indented JSON as every JSON format writes it: UTF-8 text, no ASCII escaping, keys in
    their order. orjson writes it: the standard library's encoder runs in Python once it
    indents, and a report of 28,000 answers took seconds to write."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
