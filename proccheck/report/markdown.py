"""Markdown for pull-request comments: a summary, a requirement table, findings.

Vendor text is escaped so it cannot become markup, a link, an image or HTML, and the whole
comment stays under GitHub's 65,536-character limit (findings are cut with a note).
"""

from __future__ import annotations

import re

from proccheck.i18n import _, ngettext
from proccheck.model import OUTCOMES, Outcome, Principle, Report, RunResult
from proccheck.report.common import coverage_line, one_line
from proccheck.vocabulary import (
    count_words,
    dimension_name,
    kind_name,
    level_word,
    list_counts,
    outcome_word,
    principle_name,
    version_word,
)

MAX_CHARS = 65_000
_BADGE: dict[Outcome, str] = {
    "met": "✅",
    "not_met": "❌",
    "not_verified": "⚠️",
    "not_applicable": "➖",
}
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&:@$])")
"""Markup characters, `$` included: GitHub renders `$…$` and `$$…$$` as math."""
_LINKY = re.compile(r"(?i)(https?|ftp|mailto|www)")
_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def md(text: str, limit: int = 500) -> str:
    """Escape text for Markdown: every markup character backslash-escaped, autolinks broken."""
    escaped = _SPECIAL.sub(r"\\\1", one_line(text, limit))
    # GitHub autolinks bare URLs and www.-names; a word joiner after the scheme stops that.
    return _LINKY.sub(lambda m: m.group(1)[0] + "\u2060" + m.group(1)[1:], escaped)


def md_code(text: str, limit: int = 100) -> str:
    """An identifier (set id, version, check code) as written when it is plain, else escaped."""
    plain_id = _PLAIN_ID.fullmatch(text) and not _LINKY.search(text) and len(text) <= limit
    return text if plain_id else md(text, limit)


def render(run: RunResult) -> str:
    """The run as Markdown, truncated with a note if it would exceed MAX_CHARS."""
    lang = run.reports[0].lang if run.reports else "en"
    blocks: list[str] = []
    for report in run.reports:
        blocks.extend(_report_blocks(report))
    if run.problems:
        blocks.append("### " + _(lang, "Unreadable input"))
        for p in run.problems:
            where = f"{p.path}:{p.where}" if p.where else p.path
            blocks.append(
                f"- {md(where, 200)}: {md(p.message)}" + (f" — {md(p.hint)}" if p.hint else "")
            )
    text = ""
    for index, block in enumerate(blocks):
        if len(text) + len(block) + 200 > MAX_CHARS:
            remaining = len(blocks) - index
            note = ngettext(
                lang,
                "{count} more part left out to stay under GitHub's comment limit; "
                "see the full report (-f html or -f json).",
                "{count} more parts left out to stay under GitHub's comment limit; "
                "see the full report (-f html or -f json).",
                remaining,
                count=remaining,
            )
            text += f"\n> … {note}\n"
            break
        text += block + "\n"
    return text


def _report_blocks(report: Report) -> list[str]:
    lang = report.lang
    head = (
        f"## {kind_name(lang, report.kind)}: {md(report.subject.name or report.subject.path, 200)}\n\n"
        f"{_BADGE[report.outcome]} **{outcome_word(lang, report.outcome)}**"
        + (" · " + _(lang, "score") + f" {report.score}/100" if report.score is not None else "")
        + f" · {md(report.subject.path, 200)} · {md_code(report.requirement_set.id)} "
        f"{md(version_word(lang, report.requirement_set.version), 40)}\n\n"
        f"{md(coverage_line(report), 400)}\n"
    )
    blocks = [head]
    if report.dimensions:
        rows = [
            "| " + " | ".join((_(lang, "Dimension"), _(lang, "Score"), _(lang, "Counts"))) + " |",
            "|---|---:|---|",
        ]
        for dimension in report.dimensions:
            rows.append(
                f"| {md(dimension_name(lang, dimension.name), 60)} | {dimension.score}/100 | "
                f"{md(count_words(lang, dimension.counts), 300)} |"
            )
        for dimension in report.dimensions:
            for label, names in list_counts(lang, dimension.counts):
                rows.append(f"\n**{md(label, 80)}:** {md(names, 2000)}")
        blocks.append("\n".join(rows) + "\n")
    principles: dict[Principle, dict[Outcome, int]] = {}
    for result in report.results:
        principles.setdefault(result.principle, dict.fromkeys(OUTCOMES, 0))[result.outcome] += 1
    if principles:
        rows = [
            "| "
            + _(lang, "Principle")
            + " | "
            + " | ".join(f"{_BADGE[o]} {outcome_word(lang, o)}" for o in OUTCOMES)
            + " |",
            "|---|" + "---:|" * len(OUTCOMES),
        ]
        for principle, tally in principles.items():
            rows.append(
                f"| {principle_name(lang, principle)} | "
                + " | ".join(str(tally[o]) for o in OUTCOMES)
                + " |"
            )
        blocks.append("\n".join(rows) + "\n")
    if report.results:
        rows = [
            "| | "
            + " | ".join((_(lang, "Requirement"), _(lang, "Level"), _(lang, "Reason")))
            + " |",
            "|---|---|---|---|",
        ]
        for result in report.results:
            rows.append(
                f"| {_BADGE[result.outcome]} | **{md(result.requirement, 40)}** {md(result.title, 120)} | "
                f"{level_word(lang, result.level)} | {md(result.reason, 300)} |"
            )
        blocks.append("\n".join(rows) + "\n")
    if report.findings:
        blocks.append("### " + _(lang, "Findings") + "\n")
        for finding in report.findings:
            line = (
                f"- **{md_code(finding.check, 40)}** {md(finding.requirement or '', 40)} "
                f"{md(finding.location.describe(), 200)}: {md(finding.message)}"
            )
            if finding.evidence:
                line += f"\n  > {md(finding.evidence, 300)}"
            if finding.fix:
                line += "\n  *" + _(lang, "Fix") + f":* {md(finding.fix, 400)}"
            blocks.append(line)
    return blocks
