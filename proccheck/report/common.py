"""Helpers shared by formatters: neutralising vendor text and counting outcomes."""

from __future__ import annotations

from collections import Counter

from proccheck.i18n import ngettext
from proccheck.model import OUTCOMES, Outcome, Report
from proccheck.text import one_line, plain
from proccheck.vocabulary import outcome_count

__all__ = ["counts", "coverage_line", "one_line", "plain"]


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
    )
