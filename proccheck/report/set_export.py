"""A requirement set as an annex of the tender documents (`proccheck sets export`): Word for
reading, Excel as a kravmatris. Each requirement with its level (Ska/Bör), text, motive, how it
is verified and its sources. The workbook's header is one `--set` reads back (round trip)."""

from __future__ import annotations

from proccheck.i18n import N_, _, ngettext, translated
from proccheck.model import Lang, Level, Requirement, RequirementSet
from proccheck.report.matrix import _fit_rows, cell_text, workbook_bytes
from proccheck.report.record import own_title
from proccheck.report.sheet import filter_header, sheet_head, wrap_all
from proccheck.report.word import add_table, document_bytes, new_document, word_text
from proccheck.vocabulary import principle_name, version_word

SUFFIXES = (".docx", ".xlsx")
"""What `sets export` writes, chosen by the output file's suffix."""

_LEVELS: dict[Level, str] = {"must": N_("Must"), "should": N_("Should")}
"""The level as a kravmatris writes it (Ska/Bör), which `--set` reads back."""

_HEADERS = {
    "id": N_("ID"),
    "level": N_("Level"),
    "title": N_("Title"),
    "text": N_("Requirement"),
    "principle": N_("Principle"),
    "rationale": N_("Motive"),
    "verification": N_("Verification"),
    "sources": N_("Sources"),
    "checks": N_("Check"),
    "cues": N_("Cues (proccheck)"),
}
"""Column names a kravmatris is read by (`loaders.kravmatris`), in either language."""

EVIDENCE_REQUIRED = N_("Evidence is required.")
"""Marks an answer that needs evidence; a kravmatris read back knows it by this (the same msgid
in `loaders.kravmatris`)."""

_WIDTHS = [15, 7, 24, 55, 18, 40, 32, 30, 10, 250]
"""The last, hidden, column is wide so the row heights ignore its JSON."""


def _words(lang: Lang) -> dict[str, str]:
    return translated(lang, _HEADERS)


def level_cell(lang: Lang, level: Level) -> str:
    """`Ska`, `Bör`; `Must`, `Should`."""
    return _(lang, _LEVELS[level])


def verification_cell(lang: Lang, requirement: Requirement, *, checks: bool = True) -> str:
    """How the requirement is verified, as the vendor reads it: what the answer must show,
    that evidence is required, and (`checks`) which API description checks proccheck runs."""
    rule = requirement.verification.answer
    parts = [rule.description.get(lang).strip()]  # one a line: a kravmatris reads it back
    if rule.evidence == "required":
        parts.append(_(lang, EVIDENCE_REQUIRED))
    codes = requirement.verification.checks
    if codes and checks:
        parts.append(
            _(
                lang,
                "The attached API description is checked ({checks}).",
                checks=", ".join(codes),
            )
        )
    return "\n".join(part for part in parts if part)


def sources_cell(requirement: Requirement) -> str:
    """One reference a line: title, section, address."""
    lines = []
    for reference in requirement.references:
        line = ", ".join(p for p in (reference.title, reference.section) if p)
        lines.append(f"{line}: {reference.url}" if reference.url else line)
    return "\n".join(lines)


def summary_line(requirement_set: RequirementSet, lang: Lang) -> str:
    """`open-baseline 1.0: 24 requirements (20 must, 4 should)`; only the count for a set
    without a version (a kravmatris: its id is the file's name)."""
    total = len(requirement_set.requirements)
    musts = sum(1 for r in requirement_set.requirements if r.level == "must")
    count = ngettext(
        lang,
        "{count} requirement ({must} must, {should} should)",
        "{count} requirements ({must} must, {should} should)",
        total,
        count=total,
        must=musts,
        should=total - musts,
    )
    if not requirement_set.version:
        return count
    return f"{requirement_set.id} {version_word(lang, requirement_set.version)}: {count}"


def render_set_xlsx(requirement_set: RequirementSet, lang: Lang) -> bytes:
    """A kravmatris: the set's title above a filterable header, one requirement a row, the
    level column a Ska/Bör drop-down, proccheck's checks and (hidden) detection cues in columns
    of their own, so `--set` finds the requirements as it finds the set's; printable landscape with the header on every page."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    words = _words(lang)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    header_row = 4
    sheet_head(sheet, _(lang, "Requirements"), list(words.values()), _WIDTHS, header_row)
    sheet["A1"] = cell_text(requirement_set.title.get(lang) or requirement_set.id)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = cell_text(summary_line(requirement_set, lang))
    for row in (1, 2):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(words))
        sheet.cell(row=row, column=1).alignment = Alignment(vertical="top")
    for requirement in requirement_set.requirements:
        sheet.append(
            [
                cell_text(requirement.id),
                level_cell(lang, requirement.level),
                cell_text(own_title(requirement, lang)),
                cell_text(requirement.text.get(lang)),
                principle_name(lang, requirement.principle),
                cell_text(requirement.rationale.get(lang)),
                cell_text(verification_cell(lang, requirement, checks=False)),
                cell_text(sources_cell(requirement)),
                cell_text(", ".join(requirement.verification.checks)),
                requirement.cues.model_dump_json(),
            ]
        )
    last = max(sheet.max_row, header_row + 1)
    levels = DataValidation(
        type="list",
        formula1='"{}"'.format(",".join(level_cell(lang, level) for level in ("must", "should"))),
        allow_blank=False,
    )
    levels.add(f"B{header_row + 1}:B{last}")
    sheet.add_data_validation(levels)
    sheet.column_dimensions["J"].hidden = True  # the cues: for `spec check`, not for reading
    filter_header(sheet, header_row, len(words))
    wrap_all(sheet, header_row + 1)
    _fit_rows(sheet)
    sheet.row_dimensions[1].height = 22
    sheet.row_dimensions[2].height = 16
    sheet.row_dimensions[3].height = 8
    return workbook_bytes(workbook)


def render_set_docx(requirement_set: RequirementSet, lang: Lang) -> bytes:
    """The annex in Word: the set's title and description, then per requirement a heading
    (id and title) and a table of level, text, motive, verification and sources."""
    words = _words(lang)
    title = requirement_set.title.get(lang) or requirement_set.id
    document = new_document(title)

    document.add_heading(word_text(title, 300), level=0)
    document.add_paragraph(word_text(summary_line(requirement_set, lang)))
    description = requirement_set.description.get(lang)
    if description:
        document.add_paragraph(word_text(description))
    for requirement in requirement_set.requirements:
        heading = _heading(requirement, lang)
        document.add_heading(word_text(heading, 300), level=2)
        rows = [
            [words["level"], level_cell(lang, requirement.level)],
            [words["text"], requirement.text.get(lang)],
            [words["principle"], principle_name(lang, requirement.principle)],
            [words["rationale"], requirement.rationale.get(lang)],
            [words["verification"], verification_cell(lang, requirement)],
            [words["sources"], sources_cell(requirement)],
        ]
        add_table(
            document, [], [r for r in rows if r[1].strip()], widths=[3.5, 13.5], bold_first=True
        )
    return document_bytes(document)


def _heading(requirement: Requirement, lang: Lang) -> str:
    """`DO-01 Rätt till all data`; the id alone when the title is only the text's start, as the
    table below gives the text in full."""
    title = own_title(requirement, lang)
    return f"{requirement.id} {title}" if title else requirement.id
