"""The reconciliation sheet ("avstämning") of `proccheck probe --reconciliation FILE.xlsx`.

One sheet per probed description in the shape of DIGG's own reconciliation annex to the REST API
profile: Krav-ID, Nivå (SKALL/BÖR), Krav, Resultat (OK / EJ OK / N/A / Ej verifierat),
Motivering, Belägg. Everything from the description (titles, paths, reasons quoting them) is
vendor text, so every cell is neutralised and stored as a string, as in the comparison matrix.
"""

from __future__ import annotations

from collections.abc import Sequence

from proccheck.i18n import N_, _, pgettext
from proccheck.model import Lang, Level, Outcome, ReconciliationRow, Subject
from proccheck.report.matrix import _FILL, cell_text, workbook_bytes

RESULTS: dict[Outcome, str] = {
    "met": N_("OK"),
    "not_met": N_("NOT OK"),
    "not_applicable": N_("N/A"),
    "not_verified": N_("Not verified"),
}
LEVELS: dict[Level, str] = {"must": N_("MUST"), "should": N_("SHOULD")}
_WIDTHS = (12, 8, 60, 14, 70, 60)


def result_label(outcome: Outcome, lang: Lang) -> str:
    """OK / EJ OK / N/A / Ej verifierat (Swedish) or OK / NOT OK / N/A / Not verified."""
    return _(lang, RESULTS[outcome])


def _cell(value: str) -> str:
    """cell_text, minus the control characters a worksheet cannot hold (openpyxl refuses them)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", cell_text(value))


Sheet = tuple[Subject, Sequence[ReconciliationRow]]
"""What was probed, and a row for every requirement of the set."""


def rows(reconciliation: Sequence[ReconciliationRow], lang: Lang) -> list[list[str]]:
    """Header plus one row per requirement, as plain (not yet neutralised) strings."""
    header = [
        _(lang, "Requirement ID"),
        _(lang, "Level"),
        _(lang, "Requirement"),
        _(lang, "Result"),
        _(lang, "Reason"),
        pgettext(lang, "reconciliation sheet", "Evidence"),
    ]
    body = [
        [
            row.requirement,
            _(lang, LEVELS[row.level]),
            row.text,
            result_label(row.outcome, lang),
            row.reason,
            "\n".join(row.evidence),
        ]
        for row in reconciliation
    ]
    return [header, *body]


def render_xlsx(sheets: Sequence[Sheet], lang: Lang) -> bytes:
    """A workbook with one reconciliation sheet per probed description."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    base = _(lang, "Reconciliation")
    for number, (subject, reconciliation) in enumerate(sheets, start=1):
        sheet = workbook.create_sheet(base if len(sheets) == 1 else f"{base} {number}")
        for values in rows(reconciliation, lang):
            sheet.append([_cell(v) for v in values])
        for position, row in enumerate(reconciliation, start=2):
            sheet.cell(row=position, column=4).fill = PatternFill(
                "solid", fgColor=_FILL[row.outcome]
            )
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="D9E1F2")
        for column, width in enumerate(_WIDTHS, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        for row_cells in sheet.iter_rows(min_row=2):
            for cell in row_cells:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "B2"
        sheet.auto_filter.ref = f"A1:F{max(sheet.max_row, 1)}"
        sheet.append([])
        sheet.append([_cell(f"{subject.name} — {subject.path}")])
    return workbook_bytes(workbook)
