"""Helpers shared by formatters: neutralising vendor text and counting outcomes."""

from __future__ import annotations

import re
from collections import Counter

from proccheck.i18n import t
from proccheck.model import OUTCOMES, Outcome, Report

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_MAX_QUOTE = 500


def plain(text: str, limit: int = _MAX_QUOTE) -> str:
    """Vendor text made inert for a terminal or log: no control bytes (ESC, BEL, CR), no `::`
    workflow commands at line start, and long quotes shortened."""
    cleaned = _CONTROL.sub(" ", text.replace("\r\n", "\n"))
    cleaned = re.sub(r"(?m)^(\s*)::", r"\1: :", cleaned)
    if len(cleaned) > limit:
        cleaned = cleaned[:limit] + "…"
    return cleaned


def one_line(text: str, limit: int = _MAX_QUOTE) -> str:
    """`plain`, on a single line."""
    return " ".join(plain(text, limit).split())


def counts(report: Report) -> Counter[Outcome]:
    """How many requirements ended in each outcome."""
    return Counter(result.outcome for result in report.results)


def coverage_line(report: Report) -> str:
    """How many requirements were decided by machine and how many need a person."""
    tally = counts(report)
    total = len(report.results)
    decided = tally["met"] + tally["not_met"]
    parts = ", ".join(f"{tally[o]} {t(report.lang, 'outcome.' + o)}" for o in OUTCOMES if tally[o])
    if report.lang == "sv":
        return (
            f"{total} krav: {parts or '–'}. Avgjort automatiskt: {decided} av {total}; "
            f"kräver manuell granskning: {tally['not_verified']}."
        )
    return (
        f"{total} requirements: {parts or '-'}. Decided automatically: {decided} of {total}; "
        f"need manual review: {tally['not_verified']}."
    )
