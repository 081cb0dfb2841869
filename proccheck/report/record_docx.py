"""The evaluation record as a Word document (utvärderingsprotokoll), the form an officer files:
the procurement, the summary, each requirement with its motive and verification, each vendor's
verdicts with who decided them, the decisions with their motivations, what still awaits one."""

from __future__ import annotations

from typing import Any

from proccheck.report.record import (
    SHORT,
    EvaluationRecord,
    bid_files,
    by_word,
    decided_by,
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
from proccheck.report.word import add_table, document_bytes, new_document, word_text
from proccheck.vocabulary import outcome_word


def render_docx(record: EvaluationRecord) -> bytes:
    """The Word document, A4, numbered sections, tables with a repeated header row."""
    lang, w = record.lang, words(record.lang)
    document = new_document(f"{w['title']}: {record.tender.name}", record.tender.buyer)

    document.add_heading(w["title"], level=0)
    add_table(
        document, [], [[k, v] for k, v in header_rows(record)], widths=[4.5, 12.5], bold_first=True
    )

    document.add_heading(f"1 {w['summary']}", level=1)
    lines = vendor_lines(record)
    add_table(
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
        document.add_paragraph(
            word_text(requirement_heading(lang, requirement), 300), style="Heading 3"
        )
        document.add_paragraph(word_text(requirement.text.get(lang)))
        _labelled(document, w["motive"], requirement.rationale.get(lang) or "–")
        _labelled(document, w["verification"], verification_text(lang, requirement))

    document.add_heading(f"3 {w['evaluation']}", level=1)
    for report in record.comparison.run.reports:
        document.add_heading(word_text(report.subject.name, 200), level=2)
        document.add_paragraph(word_text(bid_files(record, report.subject.path)))
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
        add_table(
            document,
            [w["requirement"], w["outcome"], w["reason"], w["decided_by"]],
            rows,
            widths=[2, 2.8, 9.2, 3],
            shades=shades,
        )

    document.add_heading(f"4 {w['decisions']}", level=1)
    decided = decision_lines(record)
    if decided:
        add_table(
            document,
            [w["vendor_or_document"], w["requirement"], w["finding"], w["decision"],
             w["motivation"], w["who"]],
            [
                [line.vendor, line.decision.requirement or "–", line.message,
                 judgement_word(lang, line.decision), line.decision.motivation,
                 decided_by(line.decision, "\n") or "–"]
                for line in decided
            ],
            widths=[2.8, 1.4, 3.4, 3.0, 3.9, 2.5],
        )  # fmt: skip
    else:
        document.add_paragraph(w["no_decisions"])

    document.add_heading(f"5 {w['pending']}", level=1)
    waiting = pending(record)
    if waiting:
        add_table(
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
            document.add_paragraph(word_text(line))
        rows = [list(row) for row in spec_rows(record)]
        if rows:
            add_table(
                document,
                [w["id"], w["level"], w["outcome"], w["reason"]],
                rows,
                widths=[3.2, 1.4, 2.4, 10.0],
            )
    unreadable = problems(record)
    if unreadable:
        document.add_heading(w["unreadable"], level=1)
        for line in unreadable:
            document.add_paragraph(word_text(line), style="List Bullet")
    closing = document.add_paragraph(note(lang))
    closing.runs[0].italic = True
    return document_bytes(document)


def _spaced(paragraph: Any) -> None:
    """Room between a table and the paragraph after it."""
    from docx.shared import Pt

    paragraph.paragraph_format.space_before = Pt(6)


def _labelled(document: Any, label: str, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(word_text(text))
