"""One self-contained, printable HTML file: inline CSS, no scripts, no external requests.

Every piece of text passes through `html.escape`, so vendor text can never become markup.
"""

from __future__ import annotations

from html import escape

from proccheck.i18n import N_, _
from proccheck.model import OUTCOMES, Lang, Outcome, Principle, Report, RunResult
from proccheck.report.common import coverage_line, plain
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

_CSS = """
:root{--met:#1a7f37;--not_met:#cf222e;--not_verified:#9a6700;--not_applicable:#57606a}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
color:#1f2328;margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid #d0d7de;
padding-bottom:4px}h3{font-size:16px;margin:20px 0 8px}
.meta{color:#57606a;margin:0 0 12px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}
th,td{border:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;font-weight:600;
color:#fff;white-space:nowrap}
.b-met{background:var(--met)}.b-not_met{background:var(--not_met)}
.b-not_verified{background:var(--not_verified)}.b-not_applicable{background:var(--not_applicable)}
.finding{border-left:4px solid #d0d7de;padding:6px 10px;margin:8px 0;background:#f6f8fa;
overflow-wrap:anywhere}
.finding.error{border-color:var(--not_met)}.finding.warning{border-color:var(--not_verified)}
.finding.note{border-color:var(--not_applicable)}
.loc{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:13px;color:#57606a}
blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #afb8c1;color:#424a53;
white-space:pre-wrap;overflow-wrap:anywhere}
.refs{font-size:13px;color:#57606a}.code{font-family:ui-monospace,monospace}
.problem{color:var(--not_met)}
@media print{body{max-width:none;padding:0;font-size:11pt}h2{page-break-before:auto}
.finding,tr{page-break-inside:avoid}.badge{border:1px solid #000;color:#000;background:none}}
"""


def _e(text: str, limit: int = 2000) -> str:
    return escape(plain(text, limit), quote=True)


_WORDS = {
    "unreadable": N_("Unreadable input"),
    "set": N_("requirement set"),
    "score": N_("score"),
    "by_dimension": N_("Score per dimension"),
    "dimension": N_("Dimension"),
    "dimension_score": N_("Score"),
    "counts": N_("Counts"),
    "by_principle": N_("Summary by principle"),
    "principle": N_("Principle"),
    "requirements": N_("Requirements"),
    "outcome": N_("Outcome"),
    "requirement": N_("Requirement"),
    "level": N_("Level"),
    "reason": N_("Reason and sources"),
    "sources": N_("Sources"),
    "findings": N_("Findings"),
    "fix": N_("Fix"),
}


def _words(lang: Lang) -> dict[str, str]:
    """The page's own words in `lang`, escaped for HTML."""
    return {key: escape(_(lang, msgid)) for key, msgid in _WORDS.items()}


def _badge(outcome: Outcome, lang: Lang) -> str:
    return f'<span class="badge b-{outcome}">{escape(outcome_word(lang, outcome))}</span>'


def page_start(lang: Lang) -> list[str]:
    """A page's first lines, up to its <title>: no scripts, no requests, inline styles only."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
    ]


def render(run: RunResult) -> str:
    """The whole HTML document."""
    lang = run.reports[0].lang if run.reports else "en"
    title = _(lang, "proccheck report")
    parts = [
        *page_start(lang),
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    for report in run.reports:
        parts.append(_report(report))
    if run.problems:
        parts.append(f"<h2>{_words(lang)['unreadable']}</h2><ul>")
        for p in run.problems:
            where = f"{p.path}:{p.where}" if p.where else p.path
            hint = f"<br><small>{_e(p.hint)}</small>" if p.hint else ""
            parts.append(
                f'<li class="problem"><span class="loc">{_e(where)}</span>: '
                f"{_e(p.message)}{hint}</li>"
            )
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _report(report: Report) -> str:
    lang = report.lang
    words = _words(lang)
    kind = kind_name(lang, report.kind)
    name = report.subject.name or report.subject.path
    heading = name if name.lower().startswith(kind.lower()) else f"{kind}: {name}"
    out = [
        f"<section><h2>{_e(heading, 240)}</h2>",
        f'<p class="meta"><span class="loc">{_e(report.subject.path, 300)}</span> · '
        f"{words['set']} "
        f'<span class="code">{_e(report.requirement_set.id, 100)} '
        f"{_e(version_word(lang, report.requirement_set.version), 40)}</span></p>",
        f"<p>{_badge(report.outcome, lang)}"
        + (
            f" {words['score']} <strong>{report.score}</strong>/100"
            if report.score is not None
            else ""
        )
        + f" — {_e(coverage_line(report))}</p>",
    ]
    if report.dimensions:
        out.append(f"<h3>{words['by_dimension']}</h3>")
        out.append(
            f"<table><thead><tr><th>{words['dimension']}</th><th>{words['dimension_score']}</th>"
            f"<th>{words['counts']}</th></tr></thead><tbody>"
        )
        for dimension in report.dimensions:
            out.append(
                f"<tr><td>{_e(dimension_name(lang, dimension.name), 60)}</td>"
                f'<td class="n">{dimension.score}/100</td>'
                f"<td>{_e(count_words(lang, dimension.counts), 600)}</td></tr>"
            )
        out.append("</tbody></table>")
        for dimension in report.dimensions:
            for label, names in list_counts(lang, dimension.counts):
                out.append(
                    f'<p class="types"><strong>{_e(label, 80)}:</strong> {_e(names, 4000)}</p>'
                )
    principles: dict[Principle, dict[Outcome, int]] = {}
    for result in report.results:
        principles.setdefault(result.principle, dict.fromkeys(OUTCOMES, 0))[result.outcome] += 1
    if principles:
        out.append(f"<h3>{words['by_principle']}</h3>")
        out.append(
            f"<table><thead><tr><th>{words['principle']}</th>"
            + "".join(f"<th>{_badge(o, lang)}</th>" for o in OUTCOMES)
            + "</tr></thead><tbody>"
        )
        for principle, tally in principles.items():
            out.append(
                f"<tr><td>{escape(principle_name(lang, principle))}</td>"
                + "".join(f'<td class="n">{tally[o]}</td>' for o in OUTCOMES)
                + "</tr>"
            )
        out.append("</tbody></table>")
    findings_by: dict[str | None, list[int]] = {}
    for index, finding in enumerate(report.findings):
        findings_by.setdefault(finding.requirement, []).append(index)
    if report.results:
        out.append(f"<h3>{words['requirements']}</h3>")
        headers = (words["outcome"], words["requirement"], words["level"], words["reason"])
        out.append(
            "<table><thead><tr>"
            + "".join(f"<th>{h}</th>" for h in headers)
            + "</tr></thead><tbody>"
        )
        for result in report.results:
            refs = "; ".join(_e(r.title, 200) for r in result.references)
            out.append(
                f'<tr id="req-{_e(result.requirement, 60)}"><td>{_badge(result.outcome, lang)}</td>'
                f'<td><strong class="code">{_e(result.requirement, 60)}</strong> '
                f"{_e(result.title, 300)}</td><td>{escape(level_word(lang, result.level))}</td>"
                f"<td>{_e(result.reason, 600)}"
                + (f'<div class="refs">{words["sources"]}: {refs}</div>' if refs else "")
                + "</td></tr>"
            )
        out.append("</tbody></table>")
    if report.findings:
        out.append(f"<h3>{words['findings']}</h3>")
        for finding in report.findings:
            out.append(
                f'<div class="finding {finding.severity}"><span class="loc">'
                f"{_e(finding.location.describe(), 300)}</span> · "
                f'<strong class="code">{_e(finding.check, 20)}</strong>'
                + (f" · {_e(finding.requirement, 60)}" if finding.requirement else "")
                + f" · {_badge(finding.outcome, lang)}<br>{_e(finding.message)}"
                + (
                    f"<blockquote>{_e(finding.evidence, 1000)}</blockquote>"
                    if finding.evidence
                    else ""
                )
                + (
                    f"<div><em>{words['fix']}:</em> {_e(finding.fix, 1000)}</div>"
                    if finding.fix
                    else ""
                )
                + "</div>"
            )
    out.append("</section>")
    return "\n".join(out)
