"""One table over the reports of a `proccheck probe` of several API descriptions: per source its
outcome, overall score, score per dimension and worst findings, so that a buyer who probes many
APIs sees them side by side. Plain text from report models only (no I/O): the CLI prints it after
the text reports, and the web page can show it as it is or build its own table from `summary_rows`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from proccheck.i18n import NC_, _, ngettext, pgettext
from proccheck.model import Lang, Report, RunResult, Severity
from proccheck.report.common import one_line
from proccheck.vocabulary import dimension_name, outcome_word

_COLUMN = "probe summary column"
_SHORT: dict[str, str] = {
    "export": NC_("probe summary column", "exp"),
    "import": NC_("probe summary column", "imp"),
    "formats": NC_("probe summary column", "fmt"),
    "auth": NC_("probe summary column", "auth"),
    "docs": NC_("probe summary column", "doc"),
    "versioning": NC_("probe summary column", "ver"),
    "errors": NC_("probe summary column", "err"),
    "transport": NC_("probe summary column", "tls"),
    "terms": NC_("probe summary column", "terms"),
}
"""Short column headings for the dimensions (a legend under the table gives the full names)."""
_SEVERITIES: tuple[Severity, ...] = ("error", "warning", "note")
_SOURCE_WIDTH = 40
_WORST_CODES = 3


@dataclass(frozen=True)
class SummaryRow:
    """One source in the summary: its outcome, scores (None for a source that could not be
    read) and its worst findings in words."""

    source: str
    outcome: str
    score: int | None
    dimensions: dict[str, int]
    worst: str


def summary_rows(run: RunResult, lang: Lang) -> list[SummaryRow]:
    """A row per probe report, then one per source that could not be read."""
    rows = [
        SummaryRow(
            source=report.subject.path,
            outcome=outcome_word(lang, report.outcome),
            score=report.score,
            dimensions={d.name: d.score for d in report.dimensions},
            worst=worst_findings(report, lang),
        )
        for report in run.reports
    ]
    for problem in run.problems:
        rows.append(
            SummaryRow(
                source=problem.path,
                outcome=_(lang, "not read"),
                score=None,
                dimensions={},
                worst=one_line(problem.message, 80),
            )
        )
    return rows


def worst_findings(report: Report, lang: Lang) -> str:
    """`2 errors: OA001, OA015`: the findings of the highest severity there is, counted, with
    the first few distinct check codes; `none` when there are no findings."""
    for severity in _SEVERITIES:
        found = [f for f in report.findings if f.severity == severity]
        if not found:
            continue
        codes = list(dict.fromkeys(f.check for f in found))
        shown = ", ".join(codes[:_WORST_CODES]) + (", …" if len(codes) > _WORST_CODES else "")
        count = len(found)
        words = {
            "error": ngettext(lang, "{count} error", "{count} errors", count, count=count),
            "warning": ngettext(lang, "{count} warning", "{count} warnings", count, count=count),
            "note": ngettext(lang, "{count} note", "{count} notes", count, count=count),
        }
        return f"{words[severity]}: {shown}"
    return _(lang, "none")


def render_probe_summary(run: RunResult, lang: Lang) -> str:
    """The summary table as plain text (with a legend of the dimension columns), or "" when
    the run holds fewer than two sources."""
    rows = summary_rows(run, lang)
    if len(rows) < 2:
        return ""
    names = _dimension_order(run.reports)
    heads = [_short(lang, name) for name in names]
    table: list[list[str]] = [
        [_(lang, "source"), _(lang, "outcome"), _(lang, "score"), *heads, _(lang, "worst findings")]
    ]
    for row in rows:
        table.append(
            [
                _source(row.source),
                row.outcome,
                _number(row.score),
                *(_number(row.dimensions.get(name)) for name in names),
                row.worst,
            ]
        )
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    numeric = range(2, 3 + len(names))
    count = len(rows)
    lines = [
        ngettext(
            lang,
            "summary of {count} API description (scores 0-100):",
            "summary of {count} API descriptions (scores 0-100):",
            count,
            count=count,
        )
    ]
    for line in table:
        cells = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(line)
        ]
        lines.append("  ".join(cells).rstrip())
    if names:
        legend = ", ".join(f"{_short(lang, n)} = {dimension_name(lang, n)}" for n in names)
        lines.append(legend)
    return "\n".join(lines) + "\n"


def _dimension_order(reports: Sequence[Report]) -> list[str]:
    """The dimensions in the order the reports give them (the first report's order first)."""
    return list(dict.fromkeys(d.name for report in reports for d in report.dimensions))


def _short(lang: Lang, name: str) -> str:
    msgid = _SHORT.get(name)
    return pgettext(lang, _COLUMN, msgid) if msgid else name[:5]


def _number(value: int | None) -> str:
    return "-" if value is None else str(value)


def _source(path: str) -> str:
    """The source on one line, its end kept when it is long (the file name tells most)."""
    text = one_line(path, 4000)
    return text if len(text) <= _SOURCE_WIDTH else "…" + text[-(_SOURCE_WIDTH - 1) :]
