"""The evaluation record as a workbook: the procurement, the comparison (one filterable status
column per vendor next to its reason), every finding, every decision; each sheet printable."""

from __future__ import annotations

from typing import Any

from proccheck.decisionformat import fingerprint
from proccheck.model import Outcome
from proccheck.report.matrix import (
    _FILL,
    _fit_rows,
    cell_text,
    finding_cells,
    workbook_bytes,
)
from proccheck.report.record import (
    EvaluationRecord,
    all_findings,
    by_word,
    decided,
    decided_by,
    decision_lines,
    decision_note,
    header_rows,
    judgement_word,
    note,
    subject_label,
    tally_line,
    vendor_lines,
    verdicts,
    words,
)
from proccheck.report.sheet import filter_header, sheet_head, wrap_all
from proccheck.vocabulary import level_word, outcome_word


def render_xlsx(record: EvaluationRecord) -> bytes:
    """The workbook: Procurement, Comparison, Findings, Decisions."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    workbook = Workbook()
    fills = {outcome: PatternFill("solid", fgColor=colour) for outcome, colour in _FILL.items()}
    first = workbook.active
    assert first is not None
    _procurement(first, record, fills)
    _comparison(workbook.create_sheet(), record, fills)
    _findings(workbook.create_sheet(), record, fills)
    _decisions(workbook.create_sheet(), record)
    for sheet in workbook.worksheets:
        _fit_rows(sheet)
    return workbook_bytes(workbook)


def _procurement(sheet: Any, record: EvaluationRecord, fills: dict[Outcome, Any]) -> None:
    from openpyxl.styles import Font

    lang, w = record.lang, words(record.lang)
    sheet.title = cell_text(w["procurement"])[:31]
    sheet.append([cell_text(w["title"])])
    sheet["A1"].font = Font(bold=True, size=14)
    for key, value in header_rows(record):
        sheet.append([cell_text(key), cell_text(value)])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    sheet.append([])
    header_row = sheet.max_row + 1
    headers = [w["vendor"], w["outcome"], w["not_met"], w["open"], w["by_person"]]
    sheet_head(sheet, w["procurement"], headers, [34, 60, 30, 30, 20], header_row)
    for line in vendor_lines(record):
        sheet.append(
            [
                cell_text(line.name),
                outcome_word(lang, line.outcome),
                cell_text(", ".join(line.not_met) or "–"),
                cell_text(", ".join(line.open) or "–"),
                line.by_person,
            ]
        )
        sheet.cell(row=sheet.max_row, column=2).fill = fills[line.outcome]
    sheet.append([])
    for text in (tally_line(record), note(lang)):
        sheet.append([cell_text(text)])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=5
        )
    wrap_all(sheet, 2)


def _comparison(sheet: Any, record: EvaluationRecord, fills: dict[Outcome, Any]) -> None:
    lang, w = record.lang, words(record.lang)
    reports = record.comparison.run.reports
    headers = [w["id"], w["level"], w["requirement"], w["motive"]]
    widths = [10, 9, 50, 40]
    for report in reports:
        headers += [
            f"{report.subject.name}: {w['status']}",
            f"{report.subject.name}: {w['reason']}",
        ]
        widths += [16, 50]
    sheet_head(sheet, w["matrix"], headers, widths)
    found = [verdicts(record, report) for report in reports]
    # row numbers counted here: `max_row` scans the whole sheet on every call
    for number, requirement in enumerate(record.requirements.requirements, start=2):
        row: list[Any] = [
            cell_text(requirement.id),
            level_word(lang, requirement.level),
            cell_text(requirement.text.get(lang)),
            cell_text(requirement.rationale.get(lang) or "–"),
        ]
        for verdicts_of in found:
            verdict = verdicts_of.get(requirement.id)
            if verdict is None:
                row += ["–", ""]
                continue
            by = by_word(lang, verdict.by)
            row += [
                outcome_word(lang, verdict.outcome),
                cell_text(f"({by}) {verdict.explained(lang)}"),
            ]
        sheet.append(row)
        for index, verdicts_of in enumerate(found):
            verdict = verdicts_of.get(requirement.id)
            if verdict is not None:
                sheet.cell(row=number, column=5 + 2 * index).fill = fills[verdict.outcome]
    filter_header(sheet, 1, len(headers))
    sheet.freeze_panes = "E2"
    wrap_all(sheet, 2)


def _findings(sheet: Any, record: EvaluationRecord, fills: dict[Outcome, Any]) -> None:
    lang, w = record.lang, words(record.lang)
    headers = [
        w["vendor_or_document"],
        w["id"],
        w["check"],
        w["outcome"],
        w["location"],
        w["finding"],
        w["quote"],
        w["fix"],
        w["decision"],
        w["fingerprint"],
    ]
    sheet_head(sheet, w["findings"], headers, [24, 10, 8, 14, 30, 50, 40, 40, 40, 34])
    number = 1
    for report in (*record.spec.reports, *record.comparison.run.reports):
        known = decided(record, report)
        for finding in all_findings(report):
            mark = fingerprint(finding)
            decision = known.get(mark)
            sheet.append(
                [
                    cell_text(subject_label(report)),
                    *finding_cells(lang, finding),
                    cell_text(decision_note(lang, decision) if decision else ""),
                    mark,
                ]
            )
            number += 1
            sheet.cell(row=number, column=4).fill = fills[finding.outcome]
    filter_header(sheet, 1, len(headers))
    wrap_all(sheet, 2)


def _decisions(sheet: Any, record: EvaluationRecord) -> None:
    lang, w = record.lang, words(record.lang)
    headers = [
        w["vendor_or_document"],
        w["id"],
        w["check"],
        w["finding"],
        w["quote"],
        w["decision"],
        w["motivation"],
        w["who"],
        w["fingerprint"],
    ]
    sheet_head(sheet, w["decisions"], headers, [24, 10, 8, 40, 40, 16, 50, 24, 34])
    for line in decision_lines(record):
        decision = line.decision
        sheet.append(
            [
                cell_text(line.vendor),
                cell_text(decision.requirement or ""),
                cell_text(decision.check),
                cell_text(line.message),
                cell_text(decision.evidence or ""),
                judgement_word(lang, decision),
                cell_text(decision.motivation),
                cell_text(decided_by(decision)),
                decision.fingerprint,
            ]
        )
    filter_header(sheet, 1, len(headers))
    wrap_all(sheet, 2)
