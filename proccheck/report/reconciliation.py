"""The reconciliation workbook ("avstämning") of `proccheck probe --reconciliation FILE.xlsx`.

It follows what DIGG's reference validator RAP-LP shows of DIGG's own avstämning workbook
(`document/Avstaemning_REST_API_profil_v_2_0_0_0.xlsx`, filled by `src/util/excelReportProcessor.ts`
and tested in `tests/unit/excelReportProcessor.integration.test.ts`): the sheet
"Kravlista REST API profil", the requirement id in column B, the status in column E with DIGG's
values OK / NOK / N/A and "-" for not judged, and the user's comment in column F. So RAP-LP, which
finds a rule by column B and writes column E, reads this workbook as its own. The headers of
columns A, C and D of DIGG's template could not be read (the template is a binary file); here they
hold the profile area (RAP-LP's area names), the level and the requirement text. Requirements are
in the set's order; DIGG's row order is not known. Everything from the description (titles, paths,
reasons quoting them) is vendor text, so every cell is neutralised and stored as a string.
"""

from __future__ import annotations

from collections.abc import Sequence

from proccheck.i18n import N_, _
from proccheck.model import Lang, Level, Outcome, ReconciliationRow, Subject
from proccheck.report.matrix import _FILL, cell_text, workbook_bytes

SHEET = "Kravlista REST API profil"
"""DIGG's sheet name, which RAP-LP looks the sheet up by (not translated)."""
RESULTS: dict[Outcome, str] = {
    "met": "OK",
    "not_met": "NOK",
    "not_applicable": "N/A",
    "not_verified": "-",
}
"""DIGG's status values (RAP-LP's STATUS_OPTIONS); "-" is the template's "not judged"."""
AREAS: dict[str, str] = {
    "AME": "API Message",
    "ARQ": "API Request",
    "DOK": "Dokumentation",
    "DOT": "Datum- och tidsformat",
    "FEL": "Felhantering",
    "FNS": "Filtrering, paginering och sökparametrar",
    "FOR": "Förutsättningar",
    "MOG": "Mognad",
    "RES": "Resurser",
    "SAK": "Säkerhet",
    "SPA": "Spårbarhet",
    "UFN": "URL Format och namngivning",
    "VER": "Versionshantering",
}
"""The profile's areas as RAP-LP names them (src/rulesets/util/ruleModules.ts)."""
LEVELS: dict[Level, str] = {"must": N_("MUST"), "should": N_("SHOULD")}
_WIDTHS = (24, 10, 8, 60, 8, 80)
_STATUS = 5


def result_label(outcome: Outcome, lang: Lang) -> str:
    """DIGG's status for an outcome: OK, NOK, N/A, or "-" when not judged (any language)."""
    return RESULTS[outcome]


def _cell(value: str) -> str:
    """cell_text, minus the control characters a worksheet cannot hold (openpyxl refuses them)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", cell_text(value))


Sheet = tuple[Subject, Sequence[ReconciliationRow]]
"""What was probed, and a row for every requirement of the set."""


def rows(reconciliation: Sequence[ReconciliationRow], lang: Lang) -> list[list[str]]:
    """Header plus one row per requirement (columns A-F), as plain (not yet neutralised)
    strings; the comment is the reason, then the evidence one per line."""
    header = [
        _(lang, "Area"),
        _(lang, "Requirement ID"),
        _(lang, "Level"),
        _(lang, "Requirement"),
        _(lang, "Status"),
        _(lang, "Comment"),
    ]
    body = [
        [
            AREAS.get(row.requirement.split(".")[0], ""),
            row.requirement,
            _(lang, LEVELS[row.level]),
            row.text,
            result_label(row.outcome, lang),
            "\n".join([row.reason, *row.evidence]).strip(),
        ]
        for row in reconciliation
    ]
    return [header, *body]


def render_xlsx(sheets: Sequence[Sheet], lang: Lang) -> bytes:
    """A workbook with one requirement sheet per probed description."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for number, (subject, reconciliation) in enumerate(sheets, start=1):
        sheet = workbook.create_sheet(SHEET if len(sheets) == 1 else f"{SHEET} {number}")
        for values in rows(reconciliation, lang):
            sheet.append([_cell(v) for v in values])
        for position, row in enumerate(reconciliation, start=2):
            sheet.cell(row=position, column=_STATUS).fill = PatternFill(
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
        sheet.freeze_panes = "C2"
        sheet.auto_filter.ref = f"A1:F{max(sheet.max_row, 1)}"
        sheet.append([])
        sheet.append([_cell(f"{subject.name} — {subject.path}")])
    return workbook_bytes(workbook)
