"""What the workbooks of the evaluation record and the requirement set's annex share: a sheet's
header row (bold, shaded, wrapped, printed on every page), filters with frozen panes, and
wrapped cells."""

from __future__ import annotations

from typing import Any

from proccheck.report.matrix import _printable, cell_text


def sheet_head(sheet: Any, title: str, headers: list[str], widths: list[int], row: int = 1) -> None:
    """A sheet's title, bold shaded header row, column widths, print setup repeating the
    header (filters and frozen panes: `filter_header`, once the rows are in)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.title = cell_text(title)[:31]
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=column, value=cell_text(text))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[row].height = 32
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _printable(sheet, f"{row}:{row}")


def wrap_all(sheet: Any, first_row: int) -> None:
    """Every cell from `first_row` down wrapped and aligned to the top."""
    from openpyxl.styles import Alignment

    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            cell.alignment = wrap


def filter_header(sheet: Any, header_row: int, columns: int) -> None:
    """Filters on the header row, panes frozen below it."""
    from openpyxl.utils import get_column_letter

    last = max(sheet.max_row, header_row)
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{last}"
    sheet.freeze_panes = f"A{header_row + 1}"
