"""The vendors × requirements comparison (`answers compare`) and the answer template.

Formats: xlsx (bytes), csv, html, markdown, json. Vendor text written to a spreadsheet is
neutralised so it can never become a formula.
"""

from __future__ import annotations

import csv
import io
from html import escape
from typing import Any

from pydantic import BaseModel, ConfigDict

from proccheck import __version__
from proccheck.i18n import N_, _, translated
from proccheck.model import (
    Comparison,
    Finding,
    Lang,
    MatrixRow,
    Outcome,
    Problem,
    RequirementSet,
    SetRef,
    VendorSummary,
)
from proccheck.report.common import json_text, one_line, plain
from proccheck.report.json_format import Tool
from proccheck.vocabulary import level_word, outcome_word, version_word

MATRIX_FORMATS = ("xlsx", "csv", "html", "markdown", "json")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_FILL: dict[Outcome, str] = {
    "met": "C6EFCE",
    "not_met": "FFC7CE",
    "not_verified": "FFEB9C",
    "not_applicable": "E7E6E6",
}


def cell_text(value: str) -> str:
    """Text that a spreadsheet cannot run: a leading = + - @ TAB CR LF gets an apostrophe."""
    cleaned = plain(value, 32_000)
    return "'" + cleaned if cleaned.startswith(_FORMULA_START) else cleaned


def finding_cells(lang: Lang, finding: Finding) -> list[str]:
    """A finding's cells in a findings sheet: requirement, check, outcome, location, message,
    the vendor's words and the fix."""
    return [
        cell_text(finding.requirement or ""),
        cell_text(finding.check),
        outcome_word(lang, finding.outcome),
        cell_text(finding.location.describe()),
        cell_text(finding.message),
        cell_text(finding.evidence or ""),
        cell_text(finding.fix or ""),
    ]


_LABELS: dict[str, str] = {
    "id": N_("Requirement ID"),
    "level": N_("Level"),
    "title": N_("Title"),
    "text": N_("Requirement text"),
    "answer": N_("Answer"),
    "comment": N_("Comment"),
    "evidence": N_("Evidence"),
    "needs": N_("Evidence to attach"),
    "vendor": N_("Vendor"),
    "outcome": N_("Outcome"),
    "reason": N_("Reason"),
    "fails": N_("Must-requirements not met"),
    "review": N_("Must-requirements to review"),
    "matrix": N_("Comparison"),
    "findings": N_("Findings"),
    "summary": N_("Summary"),
    "check": N_("Check"),
    "location": N_("Location"),
    "message": N_("Finding"),
    "quote": N_("Vendor's words"),
    "fix": N_("Fix"),
    "note": N_("proccheck flags answers for review; a person makes the decision."),
}


def _labels(lang: Lang) -> dict[str, str]:
    return translated(lang, _LABELS)


def _cell(outcome: Outcome, reason: str, lang: Lang) -> str:
    return f"{outcome_word(lang, outcome)}: {one_line(reason, 200)}"


class ComparisonDocument(BaseModel):
    """The JSON form of `answers compare`: vendors, one row per requirement, unreadable files."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="proccheck comparison")
    schema_version: str
    tool: Tool
    requirement_set: SetRef
    lang: Lang
    vendors: tuple[VendorSummary, ...]
    rows: tuple[MatrixRow, ...]
    problems: tuple[Problem, ...]


def render_json(comparison: Comparison) -> str:
    """The comparison as JSON (schemas/comparison.schema.json)."""
    document = ComparisonDocument(
        schema_version="1.0",
        tool=Tool(name="proccheck", version=__version__),
        requirement_set=comparison.requirement_set,
        lang=comparison.lang,
        vendors=comparison.vendors,
        rows=comparison.rows,
        problems=comparison.run.problems,
    )
    data = document.model_dump(mode="json", exclude_none=True)
    return json_text(data)


def render_csv(comparison: Comparison) -> str:
    """Semicolon-separated with a BOM, as Swedish Excel opens it."""
    labels = _labels(comparison.lang)
    header = [
        labels["id"],
        labels["level"],
        labels["text"],
        *(cell_text(v.vendor) for v in comparison.vendors),
    ]
    body = [
        [
            cell_text(row.requirement),
            level_word(comparison.lang, row.level),
            cell_text(row.text),
            *(cell_text(_cell(c.outcome, c.reason, comparison.lang)) for c in row.cells),
        ]
        for row in comparison.rows
    ]
    return _excel_csv([header, *body])


def _excel_csv(rows: list[list[str]]) -> str:
    """Rows separated by semicolons, with a BOM, as Swedish Excel opens them."""
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return "\ufeff" + out.getvalue()


def _md(text: str, limit: int = 300) -> str:
    from proccheck.report.markdown import md

    return md(text, limit)


def _md_code(text: str) -> str:
    from proccheck.report.markdown import md_code

    return md_code(text)


def render_markdown(comparison: Comparison) -> str:
    """A Markdown table with a summary of failing bids."""
    lang = comparison.lang
    labels = _labels(lang)
    badge = {"met": "✅", "not_met": "❌", "not_verified": "⚠️", "not_applicable": "➖"}
    lines = [
        f"## {labels['matrix']}: {_md_code(comparison.requirement_set.id)} "
        f"{_md(version_word(lang, comparison.requirement_set.version), 40)}",
        "",
        f"_{labels['note']}_",
        "",
        f"### {labels['summary']}",
        "",
        f"| {labels['vendor']} | {labels['outcome']} | {labels['fails']} | {labels['review']} |",
        "|---|---|---|---|",
    ]
    for v in comparison.vendors:
        lines.append(
            f"| {_md(v.vendor, 80)} | {badge[v.outcome]} {outcome_word(lang, v.outcome)} | "
            f"{_md(', '.join(v.not_met) or '–')} | {_md(', '.join(v.not_verified) or '–')} |"
        )
    lines += [
        "",
        f"| {labels['id']} | {labels['level']} | "
        + " | ".join(_md(v.vendor, 60) for v in comparison.vendors)
        + " |",
        "|---|---|" + "---|" * len(comparison.vendors),
    ]
    for row in comparison.rows:
        lines.append(
            f"| **{_md(row.requirement, 40)}** {_md(row.title, 80)} | {level_word(lang, row.level)} | "
            + " | ".join(f"{badge[c.outcome]} {_md(c.reason, 120)}" for c in row.cells)
            + " |"
        )
    text = "\n".join(lines) + "\n"
    if len(text) > 65_000:
        cut = _(lang, "truncated; see -f xlsx or -f html.")
        text = text[:64_000].rsplit("\n", 1)[0] + f"\n\n> … {cut}\n"
    return text


def render_html(comparison: Comparison) -> str:
    """A self-contained, printable HTML matrix."""
    from proccheck.report.html import _CSS

    lang = comparison.lang
    labels = _labels(lang)

    def e(text: str, limit: int = 600) -> str:
        return escape(plain(text, limit), quote=True)

    def badge(outcome: Outcome) -> str:
        return f'<span class="badge b-{outcome}">{escape(outcome_word(lang, outcome))}</span>'

    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>{escape(labels['matrix'])}</title><style>{_CSS}"
        "td.cell{font-size:13px}</style></head><body>",
        f"<h1>{escape(labels['matrix'])}: {e(comparison.requirement_set.id, 100)} "
        f"{e(version_word(lang, comparison.requirement_set.version), 40)}</h1>",
        f'<p class="meta">{escape(labels["note"])}</p>',
        f"<h2>{escape(labels['summary'])}</h2><table><thead><tr><th>{labels['vendor']}</th>"
        f"<th>{labels['outcome']}</th><th>{labels['fails']}</th><th>{labels['review']}</th>"
        "</tr></thead><tbody>",
    ]
    for v in comparison.vendors:
        parts.append(
            f'<tr><td>{e(v.vendor, 120)}<br><span class="loc">{e(v.path, 200)}</span></td>'
            f"<td>{badge(v.outcome)}</td><td>{e(', '.join(v.not_met) or '–')}</td>"
            f"<td>{e(', '.join(v.not_verified) or '–')}</td></tr>"
        )
    parts.append("</tbody></table>")
    parts.append(
        f"<h2>{escape(labels['matrix'])}</h2><table><thead><tr><th>{labels['id']}</th>"
        f"<th>{labels['level']}</th>"
        + "".join(f"<th>{e(v.vendor, 80)}</th>" for v in comparison.vendors)
        + "</tr></thead><tbody>"
    )
    for row in comparison.rows:
        parts.append(
            f'<tr><td><strong class="code">{e(row.requirement, 40)}</strong> {e(row.title, 150)}</td>'
            f"<td>{escape(level_word(lang, row.level))}</td>"
            + "".join(
                f'<td class="cell">{badge(c.outcome)}<br>{e(c.reason, 300)}</td>' for c in row.cells
            )
            + "</tr>"
        )
    parts.append("</tbody></table></body></html>")
    return "\n".join(parts) + "\n"


def render_xlsx(comparison: Comparison) -> bytes:
    """A workbook: the matrix (frozen header, filters, colours), a summary, all findings."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    lang = comparison.lang
    labels = _labels(lang)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = labels["matrix"]
    header = [
        labels["id"],
        labels["level"],
        labels["text"],
        *(v.vendor for v in comparison.vendors),
    ]
    sheet.append([cell_text(h) for h in header])
    # one style object per outcome (openpyxl deduplicates styles by comparing them), and row
    # numbers counted here: `max_row` scans the whole sheet on every call
    fills = {outcome: PatternFill("solid", fgColor=colour) for outcome, colour in _FILL.items()}
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, row in enumerate(comparison.rows, start=2):
        sheet.append(
            [
                cell_text(row.requirement),
                level_word(lang, row.level),
                cell_text(row.text),
                *(cell_text(_cell(c.outcome, c.reason, lang)) for c in row.cells),
            ]
        )
        for offset, verdict in enumerate(row.cells):
            sheet.cell(row=number, column=4 + offset).fill = fills[verdict.outcome]
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
    sheet.freeze_panes = "D2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(comparison.rows) + 1}"
    widths = [14, 8, 60] + [40] * len(comparison.vendors)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = wrap

    summary = workbook.create_sheet(labels["summary"])
    summary.append([labels["vendor"], labels["outcome"], labels["fails"], labels["review"]])
    for number, v in enumerate(comparison.vendors, start=2):
        summary.append(
            [
                cell_text(v.vendor),
                outcome_word(lang, v.outcome),
                cell_text(", ".join(v.not_met)),
                cell_text(", ".join(v.not_verified)),
            ]
        )
        summary.cell(row=number, column=2).fill = fills[v.outcome]
    summary.append([])
    summary.append([labels["note"]])
    for cell in summary[1]:
        cell.font = bold
    summary.column_dimensions["A"].width = 30
    summary.column_dimensions["C"].width = 50
    summary.column_dimensions["D"].width = 50

    findings = workbook.create_sheet(labels["findings"])
    findings.append(
        [
            labels["vendor"],
            labels["id"],
            labels["check"],
            labels["outcome"],
            labels["location"],
            labels["message"],
            labels["quote"],
            labels["fix"],
        ]
    )
    number = 1
    for report in comparison.run.reports:
        for finding in report.findings:
            number += 1
            findings.append([cell_text(report.subject.name), *finding_cells(lang, finding)])
            findings.cell(row=number, column=4).fill = fills[finding.outcome]
    for cell in findings[1]:
        cell.font = bold
    findings.freeze_panes = "A2"
    findings.auto_filter.ref = f"A1:H{number}"
    for letter, width in zip("ABCDEFGH", (24, 12, 8, 14, 30, 60, 60, 50), strict=True):
        findings.column_dimensions[letter].width = width
    for each in workbook.worksheets:
        _fit_rows(each)
        _printable(each)
    return workbook_bytes(workbook)


def _printable(sheet: Any, title_rows: str = "1:1") -> None:
    """Landscape, one page wide, header repeated on every page: how the matrix gets printed
    for the evaluation record."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = title_rows


def _fit_rows(sheet: Any) -> None:
    """Row heights for wrapped text (spreadsheet programs do not always grow rows themselves)."""
    from openpyxl.utils import get_column_letter

    widths = {
        index: (sheet.column_dimensions[get_column_letter(index)].width or 10)
        for index in range(1, sheet.max_column + 1)
    }
    for row in sheet.iter_rows(min_row=2):
        lines = 1
        for cell in row:
            if isinstance(cell.value, str) and cell.value:
                per_line = max(int(widths.get(cell.column, 10) * 1.1), 8)
                wrapped = sum(-(-len(part) // per_line) or 1 for part in cell.value.split("\n"))
                lines = max(lines, wrapped)
        sheet.row_dimensions[row[0].row].height = min(15 * lines + 2, 400)


def workbook_bytes(workbook: Any) -> bytes:
    """The workbook as an .xlsx file, every string cell stored as a string: openpyxl turns any
    string starting with '=' into a formula."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def template_rows(requirement_set: RequirementSet, lang: Lang) -> list[list[str]]:
    """The answer matrix rows: id, level, text, and empty answer, comment, evidence."""
    labels = _labels(lang)
    rows = [
        [
            labels["id"],
            labels["level"],
            labels["text"],
            labels["needs"],
            labels["answer"],
            labels["comment"],
            labels["evidence"],
        ]
    ]
    for requirement in requirement_set.requirements:
        rule = requirement.verification.answer
        needs = rule.description.get(lang) if rule.evidence == "required" else ""
        rows.append(
            [
                requirement.id,
                level_word(lang, requirement.level),
                requirement.text.get(lang),
                needs,
                "",
                "",
                "",
            ]
        )
    return rows


def render_template_csv(requirement_set: RequirementSet, lang: Lang) -> str:
    """The answer template as semicolon CSV with a BOM."""
    return _excel_csv([[cell_text(c) for c in row] for row in template_rows(requirement_set, lang)])


def render_template_xlsx(requirement_set: RequirementSet, lang: Lang) -> bytes:
    """The answer template as a workbook with a Ja/Nej/Delvis drop-down in the answer column."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = template_rows(requirement_set, lang)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _(lang, "Requirements")
    for row in rows:
        sheet.append([cell_text(c) for c in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
    # Translators: the answers vendors pick from in the template (and that `answers check` reads)
    choices = ",".join((_(lang, "Yes"), _(lang, "No"), _(lang, "Partly")))
    validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    validation.error = _(lang, "Choose Yes, No or Partly")
    validation.errorTitle = "proccheck"
    sheet.add_data_validation(validation)
    if len(rows) > 1:
        validation.add(f"E2:E{len(rows)}")
    for letter, width in zip("ABCDEFG", (14, 8, 70, 30, 10, 50, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.column in (5, 6, 7):
                cell.protection = Protection(locked=False)
    sheet.freeze_panes = "A2"
    _fit_rows(sheet)
    _printable(sheet)
    return workbook_bytes(workbook)
