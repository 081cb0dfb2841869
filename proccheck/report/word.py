"""What the Word documents share (the evaluation record and the requirement set's annex): an A4
page with 2 cm margins in Calibri 10, vendor text made safe for Word, grid tables with a
repeated header row, and the saved bytes."""

from __future__ import annotations

import io
from typing import Any

from proccheck.model import Outcome
from proccheck.report.common import plain
from proccheck.report.matrix import _FILL


def word_text(text: str, limit: int = 4000) -> str:
    """Vendor text as Word can hold it: control characters removed, length bounded."""
    return plain(text, limit)


def new_document(title: str, author: str | None = None) -> Any:
    """An empty document: A4, 2 cm margins, Calibri 10; `title` (and `author`) in its
    properties."""
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10)
    document.core_properties.title = word_text(title, 200)
    if author is not None:
        document.core_properties.author = word_text(author, 200)
    return document


def document_bytes(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def add_table(
    document: Any,
    headers: list[str],
    rows: list[list[str]],
    *,
    widths: list[float],
    bold_first: bool = False,
    shades: dict[tuple[int, int], Outcome] | None = None,
) -> None:
    """A grid table; the header row repeats on every page; `shades` colours (row, column)
    cells by outcome."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = document.add_table(rows=0, cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    sizes = [Cm(width) for width in widths]
    for column, size in zip(table.columns, sizes, strict=True):
        column.width = size  # the grid, which LibreOffice follows
    if headers:
        cells = _row(table, sizes)
        for cell, text in zip(cells, headers, strict=True):
            cell.paragraphs[0].add_run(word_text(text)).bold = True
            _shade(cell, "D9E1F2")
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for number, row in enumerate(rows):
        for column, (cell, text) in enumerate(zip(_row(table, sizes), row, strict=True)):
            run = cell.paragraphs[0].add_run(word_text(text))
            if bold_first and column == 0:
                run.bold = True
            outcome = (shades or {}).get((number, column))
            if outcome is not None:
                _shade(cell, _FILL[outcome])  # the workbooks' colours


def _row(table: Any, sizes: list[Any]) -> list[Any]:
    """A new row's cells, each as wide as its column (the width Word follows)."""
    from docx.table import _Cell

    tr = table._tbl.add_tr()
    cells = []
    for size in sizes:
        tc = tr.add_tc()
        tc.width = size
        cells.append(_Cell(tc, table))
    return cells


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)
