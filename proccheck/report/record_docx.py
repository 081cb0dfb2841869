"""The evaluation record as a Word document (utvärderingsprotokoll), the form an officer files:
the procurement, the summary, each requirement with its motive and verification, each vendor's
verdicts with who decided them, the decisions with their motivations, what still awaits one."""

from __future__ import annotations

import io
from typing import Any

from proccheck.model import Outcome
from proccheck.report.common import plain
from proccheck.report.record import (
    SHORT,
    EvaluationRecord,
    bid_files,
    by_word,
    decision_lines,
    decision_note,
    header_rows,
    judgement_word,
    note,
    pending,
    problems,
    requirement_heading,
    spec_rows,
    spec_summary,
    tally_line,
    vendor_lines,
    verdicts,
    verification_text,
    words,
)
from proccheck.vocabulary import outcome_word

_SHADE: dict[Outcome, str] = {
    "met": "C6EFCE",
    "not_met": "FFC7CE",
    "not_verified": "FFEB9C",
    "not_applicable": "E7E6E6",
}


def _t(text: str, limit: int = 4000) -> str:
    """Vendor text as Word can hold it: control characters removed, length bounded."""
    return plain(text, limit)


def render_docx(record: EvaluationRecord) -> bytes:
    """The Word document, A4, numbered sections, tables with a repeated header row."""
    from docx import Document
    from docx.shared import Cm, Pt

    lang, w = record.lang, words(record.lang)
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10)
    document.core_properties.title = _t(f"{w['title']}: {record.tender.name}", 200)
    document.core_properties.author = _t(record.tender.buyer, 200)

    document.add_heading(w["title"], level=0)
    _table(
        document, [], [[k, v] for k, v in header_rows(record)], widths=[4.5, 12.5], bold_first=True
    )

    document.add_heading(f"1 {w['summary']}", level=1)
    lines = vendor_lines(record)
    _table(
        document,
        [w["vendor"], w["outcome"], w["not_met"], w["open"], w["by_person"]],
        [
            [v.name, outcome_word(lang, v.outcome), ", ".join(v.not_met) or "–",
             ", ".join(v.open) or "–", str(v.by_person)]
            for v in lines
        ],
        widths=[4.2, 2.6, 3.4, 3.4, 3.4],
        shades={(i, 1): v.outcome for i, v in enumerate(lines)},
    )  # fmt: skip
    _spaced(document.add_paragraph(tally_line(record)))

    document.add_heading(f"2 {w['requirements']}", level=1)
    for requirement in record.requirements.requirements:
        document.add_paragraph(_t(requirement_heading(lang, requirement), 300), style="Heading 3")
        document.add_paragraph(_t(requirement.text.get(lang)))
        _labelled(document, w["motive"], requirement.rationale.get(lang) or "–")
        _labelled(document, w["verification"], verification_text(lang, requirement))

    document.add_heading(f"3 {w['evaluation']}", level=1)
    for report in record.comparison.run.reports:
        document.add_heading(_t(report.subject.name, 200), level=2)
        document.add_paragraph(_t(bid_files(record, report.subject.path)))
        found = verdicts(record, report)
        rows, shades = [], {}
        for requirement in record.requirements.requirements:
            verdict = found.get(requirement.id)
            if verdict is None:
                continue
            reason = verdict.reason + "".join(
                f"\n{w['decision']}: {decision_note(lang, d)}" for d in verdict.decisions
            )
            rows.append(
                [
                    requirement.id,
                    outcome_word(lang, verdict.outcome),
                    reason,
                    by_word(lang, verdict.by),
                ]
            )
            shades[(len(rows) - 1, 1)] = verdict.outcome
        _table(
            document,
            [w["requirement"], w["outcome"], w["reason"], w["decided_by"]],
            rows,
            widths=[2, 2.8, 9.2, 3],
            shades=shades,
        )

    document.add_heading(f"4 {w['decisions']}", level=1)
    decided = decision_lines(record)
    if decided:
        _table(
            document,
            [w["vendor_or_document"], w["requirement"], w["finding"], w["decision"],
             w["motivation"], w["who"]],
            [
                [line.vendor, line.decision.requirement or "–", line.message,
                 judgement_word(lang, line.decision), line.decision.motivation,
                 "\n".join(p for p in (line.decision.by, line.decision.date) if p) or "–"]
                for line in decided
            ],
            widths=[2.8, 1.4, 3.4, 3.0, 3.9, 2.5],
        )  # fmt: skip
    else:
        document.add_paragraph(w["no_decisions"])

    document.add_heading(f"5 {w['pending']}", level=1)
    waiting = pending(record)
    if waiting:
        _table(
            document,
            [w["vendor"], w["requirement"], w["finding"], w["fingerprint"]],
            [
                [item.vendor, item.finding.requirement or "–", item.finding.message,
                 item.fingerprint[:SHORT]]
                for item in waiting
            ],
            widths=[3.0, 1.4, 9.4, 3.2],
        )  # fmt: skip
        _spaced(document.add_paragraph(w["decide_hint"]))
    else:
        document.add_paragraph(w["no_pending"])

    if record.spec.reports:
        document.add_heading(f"6 {w['spec']}", level=1)
        for line in spec_summary(record):
            document.add_paragraph(_t(line))
        rows = [list(row) for row in spec_rows(record)]
        if rows:
            _table(
                document,
                [w["id"], w["level"], w["outcome"], w["reason"]],
                rows,
                widths=[3.2, 1.4, 2.4, 10.0],
            )
    unreadable = problems(record)
    if unreadable:
        document.add_heading(w["unreadable"], level=1)
        for line in unreadable:
            document.add_paragraph(_t(line), style="List Bullet")
    closing = document.add_paragraph(note(lang))
    closing.runs[0].italic = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _spaced(paragraph: Any) -> None:
    """Room between a table and the paragraph after it."""
    from docx.shared import Pt

    paragraph.paragraph_format.space_before = Pt(6)


def _labelled(document: Any, label: str, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(_t(text))


def _table(
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
            cell.paragraphs[0].add_run(_t(text)).bold = True
            _shade(cell, "D9E1F2")
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for number, row in enumerate(rows):
        for column, (cell, text) in enumerate(zip(_row(table, sizes), row, strict=True)):
            run = cell.paragraphs[0].add_run(_t(text))
            if bold_first and column == 0:
                run.bold = True
            outcome = (shades or {}).get((number, column))
            if outcome is not None:
                _shade(cell, _SHADE[outcome])


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
