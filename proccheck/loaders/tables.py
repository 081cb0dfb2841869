"""Spreadsheets as officers and e-procurement systems produce them: CSV and XLSX.

CSV: UTF-8 (with or without BOM) or Windows-1252, separated by `;`, `,` or tab. XLSX: read with
python-calamine, or openpyxl where calamine would read differently or could not be bounded, after
the zip has been checked for bombs; formulas are never evaluated (the cached value is read). Header
rows are found by the usual Swedish and English column names.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime
import functools
import heapq
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, AnyStr, BinaryIO

from proccheck import limits
from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.loaders.xlsx_look import (
    EXCEL_COLUMNS,
    cell_position,
    relationships,
    workbook_part,
)
from proccheck.model import Location

if TYPE_CHECKING:
    from proccheck.loaders.xlsx_look import Look

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": (
        "kravnummer",
        "krav-id",
        "kravid",
        "krav id",
        "kravnr",
        "kravnr.",
        "krav-nr",
        "req. no.",
        "req. no",
        "req no",
        "requirement no.",
        "requirement no",
        "requirement number",
        "krav nr",
        "id",
        "nr",
        "nummer",
        "ref",
        "ref.",
        "referensnummer",
        "requirement id",
        "req id",
        "req. id",
        "req",
        "#",
        "no",
        "no.",
    ),
    "text": (
        "kravtext",
        "krav",
        "kravbeskrivning",
        "beskrivning",
        "requirement",
        "requirement text",
        "text",
        "description",
        "criteria",
        "criterion",
        "kriterium",
        "kriterier",
        "krav text",
        "kort beskrivning",
        "kravformulering",
    ),
    "level": (
        "typ",
        "kravtyp",
        "skall/bör",
        "ska/bör",
        "skall / bör",
        "skall-/börkrav",
        "nivå",
        "type",
        "level",
        "must/should",
        "obligatoriskt",
        "kravnivå",
        "skall/bör-krav",
    ),
    "answer": (
        "svar",
        "ja/nej",
        "ja / nej",
        "uppfyllt",
        "uppfylls",
        "uppfyller",
        "leverantörens svar",
        "answer",
        "response",
        "compliant",
        "complies",
        "yes/no",
        "kravet uppfylls",
        # a bidder's own layout: a status column (Uppfyllt / Delvis / Ej uppfyllt / ✓)
        "status",
        "kravstatus",
        "kravet uppfyllt",
        "uppfylls kravet",
        "uppfyller kravet",
        "efterlevnad",
        "anbudsgivarens svar",
        "leverantörens status",
        "compliance",
        "compliance status",
        "compliant?",
        "fulfilled",
        "met",
        "meets requirement",
        "requirement met",
        "vendor response",
        "supplier response",
        "bidder response",
        # a second answer column that corrects the first: a No there takes a Yes back
        "slutligt svar",
        "korrigerat svar",
        "reviderat svar",
        "ändrat svar",
        "nytt svar",
        "final answer",
        "final response",
        "corrected answer",
        "revised answer",
        "updated answer",
    ),
    # work the vendor still has to do before the Yes holds (a compliance matrix's "Remaining")
    "remaining": (
        "remaining",
        "remaining work",
        "outstanding",
        "outstanding work",
        "open items",
        "gap",
        "gaps",
        "finalization scope",
        "finalisation scope",
        "återstår",
        "återstående",
        "återstående arbete",
        "kvarstår",
        "kvarstående arbete",
    ),
    "comment": (
        "kommentar",
        "leverantörens kommentar",
        "kommentarer",
        "comment",
        "comments",
        "remarks",
        "vendor comment",
        "supplier comment",
        "förklaring",
        "motivering",
    ),
    "evidence": (
        "bilaga",
        "bilagor",
        "referens",
        "reference",
        "attachment",
        "attachments",
        "evidence",
        "bevis",
        "verifikat",
        "bilaga/referens",
        "bevis/var",
        "underlag",
        "styrkande underlag",
        "verifiering",
    ),
    "implements": ("implementerar", "set-krav", "baskrav", "implements", "maps to", "baseline"),
    # columns whose header gives the cell its meaning (`ROW_MEANING_ROLES`): "Ingår i
    # anbudspriset" = Nej, "Tilläggskostnad" = 25 000, "Avvikelse" = Ja, "Tillgängligt från" =
    # 2028-01-01 each take part of a Yes in another column back
    "deviation": (
        "avvikelse",
        "avvikelser",
        "avvikelse från kravet",
        "förbehåll",
        "undantag",
        "reservation",
        "reservationer",
        "deviation",
        "deviations",
        "exception",
        "exceptions",
        "qualification",
        "qualifications",
    ),
    "included": (
        "ingår i anbudspriset",
        "ingår i anbudet",
        "ingår i priset",
        "ingår i grundpriset",
        "ingår i licensen",
        "ingår i licenspriset",
        "ingår i standard",
        "ingår i standardutbudet",
        "standardfunktion",
        "standardfunktionalitet",
        "included in price",
        "included in the price",
        "included in the bid",
        "included in the licence",
        "included in the license",
        "standard feature",
        "standard functionality",
        "out of the box",
    ),
    "extra_cost": (
        "tilläggskostnad",
        "tilläggspris",
        "tilläggsavgift",
        "merkostnad",
        "extra kostnad",
        "extrakostnad",
        "additional cost",
        "additional costs",
        "additional fee",
        "additional charge",
        "extra cost",
        "extra charge",
    ),
    "available_from": (
        "tillgängligt från",
        "tillgänglig från",
        "tillgängligt fr.o.m.",
        "tillgänglig fr.o.m.",
        "finns från",
        "leveransdatum",
        "tillgänglighetsdatum",
        "available from",
        "availability date",
        "release date",
        "delivery date",
    ),
    # separate tick columns: "Markera med X i kolumnen Ja eller Nej"
    "tick_yes": ("ja", "yes", "ja (x)", "uppfylls"),
    "tick_no": ("nej", "no", "nej (x)", "uppfylls ej", "uppfylls inte"),
}


ROW_MEANING_ROLES = ("deviation", "included", "extra_cost", "available_from")
"""Roles of columns that say something about the Yes beside them (see COLUMN_NAMES)."""


@dataclass(frozen=True)
class Row:
    """One data row: cell text by column index, and where it is."""

    sheet: str | None
    number: int
    cells: tuple[str, ...]
    formulas: frozenset[int] = frozenset()
    """Column indexes whose cell holds a formula (its cached value is what `cells` shows)."""
    unseen: tuple[tuple[int, str], ...] = ()
    """(column index, why) of each cell whose stored text Excel does not show as stored
    (`xlsx_look.Unseen`: its format, its colour, a hidden row or column, a merge over it)."""
    notes: tuple[tuple[int, str], ...] = ()
    """(column index, text) of each cell note on the row."""

    @property
    def where(self) -> str:
        """The row as a message names it: `Sheet!12`, or the line of a CSV file."""
        return f"{self.sheet}!{self.number}" if self.sheet else str(self.number)


@dataclass(frozen=True)
class Table:
    """A sheet (or CSV file) with its detected header."""

    sheet: str | None
    header_row: int
    columns: dict[str, int]
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    header_notes: tuple[str, ...] = ()
    """The cell notes of the header row (an XLSX file's), which a reader sees as its rows'."""

    def cell(self, row: Row, role: str) -> str:
        """The text of `role`'s column in `row` ('' when absent)."""
        index = self.columns.get(role)
        if index is None or index >= len(row.cells):
            return ""
        return row.cells[index]

    def location(self, row: Row, role: str, path: str) -> Location:
        """Where `role`'s cell of `row` is: sheet, row and column letter (a CSV row is a line)."""
        return Location(
            path=path,
            sheet=row.sheet,
            row=row.number,
            column=column_letter(self.columns[role]),
            line=row.number if row.sheet is None else None,
        )


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().rstrip(":*").strip())


def names_role(text: str, role: str) -> bool:
    """Whether a header cell is one of the usual names of `role` ("Leverantörens svar" names
    an answer column)."""
    return any(name in COLUMN_NAMES[role] for name in _names(text))


def _names(text: str) -> tuple[str, ...]:
    """A header cell as written and without a parenthetical ("Svar (Ja/Nej)" -> "svar")."""
    full = _norm(text)
    short = _norm(re.sub(r"\(.*?\)|\[.*?\]", " ", text))
    return (full, short) if short != full else (full,)


def header_roles(cells: tuple[str, ...] | list[str]) -> dict[str, int]:
    """Column index by role for one candidate header row. A pair of Yes and No (Ja and Nej)
    columns is a pair of tick columns, even where "No" alone would name the id column."""
    columns: dict[str, int] = {}
    cell_names = [_names(cell) for cell in cells]
    yes, no = (
        [i for i, n in enumerate(cell_names) if any(x in COLUMN_NAMES[role] for x in n)]
        for role in ("tick_yes", "tick_no")
    )
    if yes and [i for i in no if i != yes[0]]:
        columns["tick_yes"] = yes[0]
        columns["tick_no"] = min((i for i in no if i != yes[0]), key=lambda i: abs(i - yes[0]))
    for index in range(len(cells)):
        if index in columns.values():
            continue
        candidates = cell_names[index]
        for role, names in COLUMN_NAMES.items():
            if role not in columns and any(name in names for name in candidates):
                columns[role] = index
                break
    if "answer" not in columns and "tick_yes" in columns and "tick_no" in columns:
        columns["answer"] = columns["tick_yes"]
    if "comment" not in columns and "answer" in columns and "text" in columns:
        # a second description column right of the answer is the vendor's ("Beskrivning")
        for index in range(columns["answer"] + 1, len(cells)):
            if index not in columns.values() and any(
                name in COLUMN_NAMES["text"] for name in cell_names[index]
            ):
                columns["comment"] = index
                break
    return columns


def detect_header(
    rows: list[tuple[int, tuple[str, ...]]], required: tuple[str, ...]
) -> tuple[int, dict[str, int], tuple[str, ...]] | None:
    """Find the header among the first rows: the row naming every `required` role and the most
    roles overall (a data row containing "Uppfyllt" must not beat the real header: a row that
    names an id or text column ranks first)."""
    best: tuple[tuple[bool, int], int, dict[str, int], tuple[str, ...]] | None = None
    for number, cells in rows[:30]:
        columns = header_roles(cells)
        rank = ("id" in columns or "text" in columns, len(columns))
        if all(role in columns for role in required) and (best is None or rank > best[0]):
            best = (rank, number, columns, cells)
    return None if best is None else (best[1], best[2], best[3])


@dataclass(frozen=True)
class ColumnMapping:
    """A layout proccheck cannot guess, from a mapping file: which sheet, which header row, and
    which column (letter or header text) holds each role."""

    sheet: str | None
    header_row: int | None
    columns: dict[str, str]


def column_index(reference: str, header: tuple[str, ...]) -> int | None:
    """A column given as a letter ("D") or as its header text ("Leverantörens svar")."""
    if re.fullmatch(r"[A-Za-z]{1,3}", reference):
        index = 0
        for letter in reference.upper():
            index = index * 26 + ord(letter) - 64
        return index - 1
    wanted = _norm(reference)
    for position, cell in enumerate(header):
        if _norm(cell) == wanted:
            return position
    return None


def _mapped_table(
    sheet: str | None,
    rows: list[tuple[int, tuple[str, ...]]],
    mapping: ColumnMapping,
    display: str,
) -> Table:
    header_row = mapping.header_row or (rows[0][0] if rows else 1)
    header = next((cells for number, cells in rows if number == header_row), ())
    columns: dict[str, int] = {}
    for role, reference in mapping.columns.items():
        index = column_index(reference, header)
        if index is None:
            raise InputError(
                tr(
                    "mapping: column {column} for {role} is not in the header row {row}",
                    column=repr(reference),
                    role=role,
                    row=header_row,
                ),
                path=display,
                where=f"{sheet}!{header_row}" if sheet else str(header_row),
                hint=tr("give a column letter (e.g. D) or the exact header text"),
            )
        if index >= EXCEL_COLUMNS:
            raise InputError(
                tr(
                    "mapping: column {column} for {role} is past a sheet's last column (XFD)",
                    column=repr(reference),
                    role=role,
                ),
                path=display,
                hint=tr("give a column letter (e.g. D) or the exact header text"),
            )
        columns[role] = index
    body = tuple(
        Row(sheet, number, cells)
        for number, cells in rows
        if number > header_row and any(c.strip() for c in cells)
    )
    answer = columns.get("answer")
    if body and answer is not None and not any(len(r.cells) > answer for r in body):
        raise InputError(
            tr(
                "mapping: the answer column {column} has no cell in any row below the header",
                column=repr(mapping.columns["answer"]),
            ),
            path=display,
            where=f"{sheet}!{header_row}" if sheet else str(header_row),
            hint=tr("check the column letter against the sheet (or the header text)"),
        )
    return Table(sheet, header_row, columns, tuple(header), body)


def read_tables(
    path: Path,
    display: str,
    required: tuple[str, ...],
    mapping: ColumnMapping | None = None,
    loose: list[Row] | None = None,
) -> list[Table]:
    """Every sheet of an XLSX (or the CSV) that has a recognisable header, or the one sheet a
    mapping file describes. `loose`, when given, receives the rows with text outside every
    table: above a header, and on sheets with none ("Förbehåll", "Avvikelser")."""
    suffix = path.suffix.lower()
    parts: dict[str, str] = {}
    if suffix in (".xlsx", ".xlsm"):
        sheets = _read_xlsx(path, display, parts)
    else:
        sheets = [(None, _read_csv(path, display))]
    tables = _tables(sheets, display, required, mapping)
    if loose is not None:
        starts: dict[str | None, int] = {}
        for table in tables:  # a sheet's first header: a header again later starts no loose rows
            starts.setdefault(table.sheet, table.header_row)
        loose += [
            Row(sheet, number, cells)
            for sheet, rows in sheets
            for number, cells in rows
            if (sheet not in starts or number < starts[sheet]) and any(c.strip() for c in cells)
        ]
    if not parts:  # a CSV file: Excel computes a cell that starts with "=" when it opens it
        return [_with_formulas(table, _csv_formulas(table)) for table in tables]
    from proccheck.loaders.xlsx_look import (
        Look,
        conditional_styles,
        hidden_sheets,
        look,
        outside_text,
        phonetic_strings,
        style_reasons,
        unseen_strings,
    )

    wanted = {parts[t.sheet or ""] for t in tables if (t.sheet or "") in parts}
    try:  # one opening and one scan per part: 10,000 sheets took minutes opening it per sheet
        with zipfile.ZipFile(path) as archive:
            found = {part: formula_cells(archive, part) for part in wanted}
            reasons = style_reasons(archive)
            rich = unseen_strings(archive)
            hiding = conditional_styles(archive)
            guides = phonetic_strings(archive)
            looks = {part: look(archive, part, reasons, rich, hiding, guides) for part in wanted}
            hidden = hidden_sheets(archive)
            if loose is not None:  # a text box, a page header, the sheet's own name
                loose += [
                    Row(sheet, 1, (text,))
                    for sheet, part in parts.items()
                    for text in (*outside_text(archive, part), sheet)
                ]
                loose += _notes_beside(tables, parts, looks)
    except (zipfile.BadZipFile, OSError):
        return tables
    except Exception as exc:  # a relationships part defusedxml or the parser refused
        problem = _xml_problem(exc)
        if problem is None:
            raise
        raise InputError(problem, path=display, hint=resave_hint()) from None
    return [
        _as_shown(
            _with_formulas(table, found.get(parts.get(table.sheet or "", ""), set())),
            Look(sheet_hidden=True)
            if table.sheet in hidden
            else looks.get(parts.get(table.sheet or "", "")),
            display,
        )
        for table in tables
    ]


_EXCEL_FORMULA = re.compile(
    r'\s*(?:=\s*\S|[+\-@](?=[^\s"]*(?:[^\W\d_][\w.]*\(|"))(?:"[^"]*"|[^\s"])+\s*$)'
)
"""A CSV cell Excel opens as a formula: "=" and anything, or "+", "-" or "@" before an
expression with a function call or a quoted text and no space outside quotes
(`+TECKEN(77)&…`, `-"Nej"`), which Excel also computes. A bullet ("- CSV & JSON ingår"), a
phone number ("+46(0)8-123 45 67") or a negative number stays text to it."""


def _csv_formulas(table: Table) -> set[tuple[int, int]]:
    """The cells of a CSV table that Excel reads as formulas (`=TECKEN(77)&…` shows "M…"), by
    (row, column)."""
    return {
        (row.number, column)
        for row in table.rows
        for column, cell in enumerate(row.cells)
        if _EXCEL_FORMULA.match(cell)
    }


def _with_formulas(table: Table, cells: set[tuple[int, int]]) -> Table:
    by_row: dict[int, set[int]] = {}
    for row_number, column in cells:
        by_row.setdefault(row_number, set()).add(column)
    if not by_row:
        return table
    rows = tuple(
        dataclasses.replace(row, formulas=frozenset(by_row.get(row.number, ())))
        for row in table.rows
    )
    return Table(table.sheet, table.header_row, table.columns, table.header, rows)


def _notes_beside(tables: list[Table], parts: dict[str, str], looks: dict[str, Look]) -> list[Row]:
    """The notes of cells on rows of a sheet that no table row holds ("Förbehåll: …" on an
    empty cell beside the answers): the vendor's words about the answers in general."""
    rows: dict[str, set[int]] = {}
    for table in tables:
        held = rows.setdefault(table.sheet or "", set())
        held.update(row.number for row in table.rows)
        held.add(table.header_row)
    found = []
    for sheet, held in rows.items():
        look = looks.get(parts.get(sheet, ""))
        for (number, _column), note in sorted(look.notes.items()) if look else ():
            if number not in held:
                found.append(Row(sheet, number, (note,)))
    return found


def _as_shown(table: Table, look: Look | None, display: str) -> Table:
    """The table with what Excel shows marked on its rows: the cells whose stored text is not
    shown as stored (`Row.unseen`), the cell notes of the row (`Row.notes`), and a cell merged
    down one column shown on every row it spans, up to 10,000 rows (a comment merged over
    K1-K13 is beside each of them). Merges are swept once in row order; overlapping merges
    that would take more than `_MERGE_WORK` steps are refused (Excel itself refuses them)."""
    if look is None or not (
        look.unseen
        or look.hidden_rows
        or look.hidden_columns
        or look.merges
        or look.notes
        or look.sheet_hidden
        or look.conditional
        or look.drawn
        or look.background
        or look.pictured
    ):
        return table
    texts = {row.number: row.cells for row in table.rows}
    notes: dict[int, list[tuple[int, str]]] = {}
    for (number, column), text in sorted(look.notes.items()):
        notes.setdefault(number, []).append((column, text))
    pending = sorted(look.merges)
    active: list[tuple[int, int, tuple[int, int, int, int]]] = []  # by last row
    taken = 0
    work = 0
    rows = []
    for row in sorted(table.rows, key=lambda r: r.number):
        while taken < len(pending) and pending[taken][0] <= row.number:
            heapq.heappush(active, (pending[taken][2], taken, pending[taken]))
            taken += 1
        while active and active[0][0] < row.number:
            heapq.heappop(active)
        covered: set[int] = set()
        cells = list(row.cells)
        for _last, _order, (first_row, first_column, _last_row, last_column) in active:
            work += 1 + max(0, min(last_column, len(row.cells) - 1) - first_column + 1)
            if work > _MERGE_WORK:
                raise InputError(
                    tr("the sheet's merged cells overlap or are too many to read"),
                    path=display,
                    where=table.sheet,
                    hint=resave_hint(),
                )
            for column in range(first_column, min(last_column, len(row.cells) - 1) + 1):
                if (row.number, column) != (first_row, first_column):
                    covered.add(column)
            top = texts.get(first_row, ())
            spanned = first_column == last_column and row.number <= first_row + 10_000
            empty = not (first_column < len(cells) and cells[first_column].strip())
            if spanned and row.number > first_row and first_column < len(top) and empty:
                cells += [""] * (first_column + 1 - len(cells))
                cells[first_column] = top[first_column]
        unseen = tuple(
            (column, why)
            for column, text in enumerate(row.cells)
            if text.strip()
            and (why := look.why(row.number, column) or ("covered" if column in covered else None))
        )
        rows.append(
            dataclasses.replace(
                row, cells=tuple(cells), unseen=unseen, notes=tuple(notes.get(row.number, ()))
            )
        )
    header_notes = tuple(text for _column, text in notes.get(table.header_row, ()))
    return Table(
        table.sheet, table.header_row, table.columns, table.header, tuple(rows), header_notes
    )


_MERGE_WORK = 5_000_000
"""Steps the sweep over merged cells may take for one sheet: a real sheet's merges do not
overlap, so a row meets at most one per column."""


def _tables(
    sheets: list[tuple[str | None, list[tuple[int, tuple[str, ...]]]]],
    display: str,
    required: tuple[str, ...],
    mapping: ColumnMapping | None,
) -> list[Table]:
    if mapping is not None:
        chosen = [
            (name, rows)
            for name, rows in sheets
            if mapping.sheet is None or name is None or name == mapping.sheet
        ]
        if not chosen:
            raise InputError(
                tr("mapping: no sheet named {sheet}", sheet=repr(mapping.sheet)),
                path=display,
                hint=tr("sheets: {names}", names=", ".join(str(name) for name, _rows in sheets)),
            )
        return [_mapped_table(chosen[0][0], chosen[0][1], mapping, display)]
    tables = []
    for sheet, rows in sheets:
        found = detect_header(rows, required)
        if found is None:
            continue
        header_row, columns, header = found
        body: list[Row] = []
        for number, cells in rows:
            if number <= header_row or not any(c.strip() for c in cells):
                continue
            again = _header_again(cells, columns, required)
            if again is None:
                body.append(Row(sheet, number, cells))
            elif again != columns:  # the columns change their meaning from here on
                tables.append(Table(sheet, header_row, columns, header, tuple(body)))
                header_row, columns, header, body = number, again, cells, []
        tables.append(Table(sheet, header_row, columns, header, tuple(body)))
    if not tables:
        names = ", ".join(COLUMN_NAMES[r][0] for r in required)
        raise InputError(
            tr("no sheet has a recognisable header row"),
            path=display,
            where=sheets[0][0] if sheets and sheets[0][0] else "1",
            hint=tr(
                "the header needs columns such as {names} (Swedish or English names), or "
                "describe the layout in a mapping file (answers check --mapping FILE)",
                names=names,
            ),
        )
    return tables


def _header_again(
    cells: tuple[str, ...], columns: dict[str, int], required: tuple[str, ...]
) -> dict[str, int] | None:
    """The roles of a body row that is a header row again (its id or text column names that
    role: "Kravnummer"), or None for any other row. A header repeated as it was is skipped;
    one that moves the columns ("Kommentar" where "Svar" stood) starts a table of its own, as
    a reader of the sheet reads the rows below it."""
    role = "id" if "id" in columns else "text"
    if role not in columns or columns[role] >= len(cells):
        return None
    cell = cells[columns[role]].strip()
    if not cell or cell[-1].isdigit() or not names_role(cell, role):
        return None  # an id ends in a digit ("K12", "3.2.1"): no header name does
    again = header_roles(cells)
    return again if all(r in again for r in required) else None


def _lines(text: AnyStr, start: int = 0) -> Iterator[AnyStr]:
    """The lines of `text` (a text, or bytes) from `start`, each with its end (`\n`, `\r\n` or
    a lone `\r`), one at a time: the whole is never copied (`io.StringIO` would, at four bytes
    a character once one character needs them)."""
    ends = _LINE_END_BYTES if isinstance(text, bytes) else _LINE_END
    for match in ends.finditer(text, start):
        yield text[start : match.end()]
        start = match.end()
    if start < len(text):
        yield text[start:]


_LINE_END = re.compile(r"\r\n|\r|\n")
_LINE_END_BYTES = re.compile(rb"\r\n|\r|\n")


def _decoded_lines(raw: bytes, start: int, encoding: str) -> Iterator[str]:
    """The lines of `raw` from `start`, each decoded on its own: the whole file is never held
    as one text beside its bytes and its cells (64 MB of text with one emoji is 256 MB)."""
    return (line.decode(encoding, errors="replace") for line in _lines(raw, start))


def _read_csv(path: Path, display: str) -> list[tuple[int, tuple[str, ...]]]:
    from proccheck.loaders.structured import read_bytes

    raw = read_bytes(path, display, limits.MAX_INPUT_BYTES)
    if len(raw) > limits.MAX_INPUT_BYTES:
        raise InputError(
            tr("file is larger than the limit of {limit:,} bytes", limit=limits.MAX_INPUT_BYTES),
            path=display,
            hint=tr("raise {variable} if it is genuine", variable="PROCCHECK_MAX_INPUT_BYTES"),
        )
    if not raw.strip():
        raise InputError(tr("file is empty"), path=display)
    lines: Callable[[], Iterator[str]]  # the file's lines, read again for `_refuse_swallowed`
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) and not raw.startswith(b"\xff\xfe\x00\x00"):
        text = _decode_utf16(raw, display)
        sample, lines = text[:8192], functools.partial(_lines, text)
    elif b"\x00" in raw[:4096]:
        raise InputError(
            tr("file is binary, not CSV text"),
            path=display,
            hint=tr("save the sheet as CSV (UTF-8) or give the .xlsx file"),
        )
    else:
        encoding, start = _csv_encoding(raw, display)
        sample = raw[start : start + 32_768].decode(encoding, errors="ignore")[:8192]
        lines = functools.partial(_decoded_lines, raw, start, encoding)
    delimiter = max((";", ",", "\t"), key=lambda d: sample.count(d))
    rows: list[tuple[int, tuple[str, ...]]] = []
    cells = 0
    first = 1  # the line the record being read starts on
    multiline: dict[int, int] = {}  # first line -> last line of each record over several lines
    try:
        reader = csv.reader(lines(), delimiter=delimiter)
        for values in reader:
            if reader.line_num > limits.MAX_ROWS:
                raise InputError(
                    tr("more than {count:,} rows", count=limits.MAX_ROWS),
                    path=display,
                    hint=tr("raise {variable} if it is genuine", variable="PROCCHECK_MAX_ROWS"),
                )
            cells += len(values)
            if cells > limits.MAX_CELLS:  # a row of millions of cells, or millions of rows
                raise InputError(
                    tr("more than {count:,} cells", count=limits.MAX_CELLS),
                    path=display,
                    where=str(reader.line_num),
                    hint=tr(
                        "a real answer matrix is far smaller; raise {variable} if it is genuine",
                        variable="PROCCHECK_MAX_CELLS",
                    ),
                )
            if reader.line_num > first:
                multiline[first] = reader.line_num
            rows.append((reader.line_num, tuple(v.strip() for v in values)))
            first = reader.line_num + 1
    except csv.Error as exc:
        too_long = "field larger than field limit" in str(exc)
        raise InputError(
            tr("a cell is longer than {limit:,} characters", limit=csv.field_size_limit())
            if too_long
            else tr("malformed CSV: {problem}", problem=exc),
            path=display,
            where=str(first),
            hint=tr("an answer is far shorter; an unclosed quote may have joined many rows")
            if too_long
            else _quote_hint(),
        ) from None
    if multiline:
        _refuse_swallowed(lines(), delimiter, multiline, display)
    return rows


def _quote_hint() -> str:
    return tr('close the quote, or write a quote inside a cell as two quotes ("")')


def _refuse_swallowed(
    lines: Iterator[str], delimiter: str, multiline: dict[int, int], display: str
) -> None:
    """Refuse a file where a quoted cell ran over the rows after it: its quote never closed (to
    the end of the file), or closed only by another cell's quote rows later. The lenient reader
    gives that as one long cell, silently; the strict one stops inside it. A cell with line
    breaks that is properly quoted reads the same both ways, and a stray quote on a single line
    (`"Ja" enligt bilaga`) stays accepted as before."""
    first = 1
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        for _values in reader:
            first = reader.line_num + 1
    except csv.Error:
        if first in multiline:
            raise InputError(
                tr(
                    "a quote opened on line {line} is not closed where its cell should end: "
                    "lines {line} to {last} were read as one cell",
                    line=first,
                    last=multiline[first],
                ),
                path=display,
                where=str(first),
                hint=_quote_hint(),
            ) from None


def _decode_utf16(raw: bytes, display: str) -> str:
    """UTF-16 with its byte-order mark: how Excel saves "Unicode text" and LibreOffice a CSV
    in UTF-16. The mark says which byte comes first, so nothing is guessed."""
    try:
        return raw.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise InputError(
            tr("not valid UTF-16 (at byte {offset:,})", offset=exc.start),
            path=display,
            hint=tr("save the file again as CSV UTF-8"),
        ) from None


def _csv_encoding(raw: bytes, display: str) -> tuple[str, int]:
    """UTF-8, or Windows-1252 (how Swedish Excel saves "CSV": every byte decodes, and å/ä/ö come
    out right), with where the text starts (after a byte-order mark). A UTF-8 file with a
    line in another encoding is refused at that line: decoding all of it as Windows-1252 would
    garble every other line's å/ä/ö without a word. Checked a megabyte at a time, keeping
    nothing."""
    start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for offset in range(start, len(raw), _CHUNK):
            decoder.decode(raw[offset : offset + _CHUNK])
        decoder.decode(b"", final=True)
        return "utf-8", start
    except UnicodeDecodeError:
        pass
    raw = raw[start:]
    bad_line = 1
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = raw.count(b"\n", 0, exc.start) + 1
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        raise InputError(  # a line with UTF-8 beyond ASCII: the file is UTF-8 elsewhere
            tr("line {line} is not UTF-8, although line {other} is", line=bad_line, other=number),
            path=display,
            where=str(bad_line),
            hint=tr("save the file again as CSV UTF-8, or retype that line"),
        )
    return "cp1252", start


_CHUNK = 1 << 20


def check_zip(path: Path, display: str, kind: str = "workbook") -> None:
    """Refuse files that are not zips, are encrypted, or would expand beyond the limit.
    `kind` ("workbook" or "document") names the file in messages."""
    from proccheck.loaders.structured import ensure_file

    ensure_file(path, display)  # a regular file (no FIFO or device that never ends)
    workbook = kind == "workbook"
    app, suffix = _office(kind)
    if path.stat().st_size > limits.MAX_INPUT_BYTES:
        raise InputError(
            tr("file is larger than the limit of {limit:,} bytes", limit=limits.MAX_INPUT_BYTES),
            path=display,
            hint=tr("raise {variable} if it is genuine", variable="PROCCHECK_MAX_INPUT_BYTES"),
        )
    try:
        with zipfile.ZipFile(path) as archive:
            _check_members(archive, display, kind)
            total = 0
            for info in archive.infolist():
                if info.flag_bits & 0x1:
                    raise InputError(
                        tr("the workbook is password-protected")
                        if workbook
                        else tr("the document is password-protected"),
                        path=display,
                        hint=tr("remove the password in {app} and save again", app=app),
                    )
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > 1_000_000 and ratio > limits.MAX_ZIP_RATIO:
                    raise InputError(
                        tr(
                            "the workbook is a zip bomb (compression ratio over {ratio})",
                            ratio=limits.MAX_ZIP_RATIO,
                        )
                        if workbook
                        else tr(
                            "the document is a zip bomb (compression ratio over {ratio})",
                            ratio=limits.MAX_ZIP_RATIO,
                        ),
                        path=display,
                        where=info.filename,
                    )
                if not is_media(archive, info):  # every part that gets parsed, by content
                    total += info.file_size
            if total > limits.MAX_ZIP_EXPANDED:
                raise InputError(
                    tr(
                        "the workbook's XML expands to more than {limit:,} bytes",
                        limit=limits.MAX_ZIP_EXPANDED,
                    )
                    if workbook
                    else tr(
                        "the document's XML expands to more than {limit:,} bytes",
                        limit=limits.MAX_ZIP_EXPANDED,
                    ),
                    path=display,
                    hint=tr(
                        "raise {variable} if it is genuine", variable="PROCCHECK_MAX_ZIP_EXPANDED"
                    ),
                )
            _check_streams(path, archive, display, kind)  # after the checks of the headers alone
            if kind == "workbook":
                sheets = _listed_sheets(archive, display)
                listed = {part for _name, part in sheets}
                cells: dict[str, int] = {}
                for info in archive.infolist():
                    name = info.filename.lower()
                    if (
                        info.filename in listed
                        or (
                            name.endswith(".xml")
                            and (name.startswith("xl/worksheets/") or "sharedstrings" in name)
                        )
                        or (  # a sheet under another name
                            not name.endswith((".xml", ".rels", ".vml"))
                            and not is_media(archive, info)
                        )
                    ):
                        cells[info.filename] = _count_cells(archive, info, display)
                _refuse_repeated_parts(sheets, cells, display)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        ValueError,
        EOFError,
        zlib.error,  # a damaged part, met while looking inside it
    ):
        with path.open("rb") as handle:
            head = handle.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError(
                tr("the workbook is encrypted or in the old binary (.xls) format")
                if workbook
                else tr("the document is encrypted or in the old binary (.doc) format"),
                path=display,
                hint=tr(
                    "remove the password, or save as {suffix} in {app}", suffix=suffix, app=app
                ),
            ) from None
        raise InputError(
            tr("not a valid {format} file (not a zip archive)", format=suffix[1:].upper()),
            path=display,
            hint=resave_hint(kind),
        ) from None


_MEDIA_MAGIC = (
    b"\x89PNG",  # PNG
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"BM",  # BMP
    b"\x01\x00\x00\x00",  # EMF
    b"\xd7\xcd\xc6\x9a",  # WMF
    b"RIFF",  # WebP, WAV, AVI
    b"PK\x03\x04",  # an embedded Office file
    b"\xd0\xcf\x11\xe0",  # an embedded OLE object
    b"%PDF",
)
_MEDIA_PEEK_FROM = 64 * 1024
"""Smaller parts always count as parsed: looking inside each would cost more than it saves."""


def is_media(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether a part is an image or another embedded binary (by its first bytes, not its name:
    a worksheet renamed `.bin` or `.png` is still XML that a reader parses)."""
    if info.file_size < _MEDIA_PEEK_FROM or info.is_dir():
        return False
    with archive.open(info) as stream:
        return stream.read(8).startswith(_MEDIA_MAGIC)


def _check_members(archive: zipfile.ZipFile, display: str, kind: str) -> None:
    """Limits on every member whatever its name, from the central directory alone (nothing is
    expanded): compression stored or deflated (what Office writes; bzip2 and LZMA expand without
    bound in one read), and all members together, media included, at most MAX_ZIP_EXPANDED plus
    MAX_INPUT_BYTES (the XML budget and room for the images of a file at the size limit)."""
    budget = limits.MAX_ZIP_EXPANDED + limits.MAX_INPUT_BYTES
    total = 0
    for info in archive.infolist():
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputError(
                tr("a part of the file uses an unsupported compression method"),
                path=display,
                where=info.filename,
                hint=resave_hint(kind),
            )
        total += info.file_size
    if total > budget:
        raise InputError(
            tr("the workbook expands to more than {limit:,} bytes once unzipped", limit=budget)
            if kind == "workbook"
            else tr(
                "the document expands to more than {limit:,} bytes once unzipped", limit=budget
            ),
            path=display,
            hint=tr(
                "a zip bomb, or a genuinely huge file: raise {variable} if it is genuine",
                variable="PROCCHECK_MAX_ZIP_EXPANDED",
            ),
        )


_STREAM_CHUNK = 1 << 20
"""Most bytes inflated at a time while a part's stream is checked against its stated size."""


def _check_streams(path: Path, archive: zipfile.ZipFile, display: str, kind: str) -> None:
    """Refuse a deflated part whose stream inflates to more than its stated size (the limits
    above trust that size). zipfile's `read()` inflates a whole stream in one call before it cuts
    at the stated size, and so would every reader of the file: a 1 MB part stating 1 kB may hold
    a gigabyte of spaces. Each stream is inflated here in chunks of `_STREAM_CHUNK` and given up
    as soon as it passes the stated size, so no reader inflates more than that afterwards.
    Encrypted parts are refused by the caller."""
    with path.open("rb") as handle:
        for info in archive.infolist():
            if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1:
                continue  # a stored part is cut at its stated size by every reader
            handle.seek(info.header_offset)  # the local header, as zipfile finds it
            header = handle.read(30)
            if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
                raise zipfile.BadZipFile(info.filename)
            name_length = int.from_bytes(header[26:28], "little")
            extra_length = int.from_bytes(header[28:30], "little")
            handle.seek(info.header_offset + 30 + name_length + extra_length)
            if _inflated_size(handle, info.compress_size, info.file_size) > info.file_size:
                raise InputError(
                    tr(
                        "a part of the workbook expands to more than its stated size "
                        "(a zip bomb or a damaged file)"
                    )
                    if kind == "workbook"
                    else tr(
                        "a part of the document expands to more than its stated size "
                        "(a zip bomb or a damaged file)"
                    ),
                    path=display,
                    where=info.filename,
                    hint=resave_hint(kind),
                )


def _inflated_size(handle: BinaryIO, compressed: int, stated: int) -> int:
    """How many bytes `compressed` bytes of raw deflate from `handle` inflate to, counting no
    further than one chunk past `stated`."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    left = compressed
    while left > 0 and not inflater.eof:
        data = handle.read(min(left, _STREAM_CHUNK))
        if not data:
            break  # a truncated file: zipfile reports it when the part is read
        left -= len(data)
        while True:  # until this input is used up and no output is held back
            out = inflater.decompress(data, _STREAM_CHUNK)
            produced += len(out)
            if produced > stated:
                return produced
            data = inflater.unconsumed_tail
            if inflater.eof or (not data and len(out) < _STREAM_CHUNK):
                break
    return produced


def _office(kind: str) -> tuple[str, str]:
    """The program and the suffix of a `kind` of Office file ("workbook" or "document")."""
    return ("Excel", ".xlsx") if kind == "workbook" else ("Word", ".docx")


def over_limit(
    message: str, display: str, name: str, where: str | None = None, *, matrix: bool = True
) -> InputError:
    """The refusal of an input over the limit `name` (of `proccheck.limits`), with the hint to
    raise PROCCHECK_`name` when the file is genuine (and that an answer matrix never is)."""
    variable = f"PROCCHECK_{name}"
    return InputError(
        message,
        path=display,
        where=where,
        hint=tr(
            "a real answer matrix is far smaller; raise {variable} if it is genuine",
            variable=variable,
        )
        if matrix
        else tr("split the document, or raise {variable} if it is genuine", variable=variable),
    )


def resave_hint(kind: str = "workbook") -> str:
    """The hint for an Office file that cannot be read: save it again in its program."""
    app, suffix = _office(kind)
    return tr("open it in {app} or LibreOffice and save as {suffix}", app=app, suffix=suffix)


_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:c|si)[\s/>]")


def _count_cells(archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str) -> int:
    """The cells of a worksheet (or strings of a shared-string table), refused beyond
    MAX_CELLS before openpyxl parses it: openpyxl reads a sheet without a declared dimension
    twice and the string table whole, at about 10 MB/s."""
    cells = 0
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            block = tail + chunk
            cells += len(_CELL_TAG.findall(block, 0, max(len(block) - 64, 0)))
            tail = block[max(len(block) - 64, 0) :]
            if cells > limits.MAX_CELLS:
                raise InputError(
                    tr("more than {count:,} cells", count=limits.MAX_CELLS),
                    path=display,
                    where=info.filename,
                    hint=tr(
                        "a real answer matrix is far smaller; raise {variable} if it is genuine",
                        variable="PROCCHECK_MAX_CELLS",
                    ),
                )
    cells += len(_CELL_TAG.findall(tail))
    if cells > limits.MAX_CELLS:
        raise InputError(
            tr("more than {count:,} cells", count=limits.MAX_CELLS),
            path=display,
            where=info.filename,
        )
    return cells


_SHEET_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,64}:)?sheet[\s/>]")


def _listed_sheets(archive: zipfile.ZipFile, display: str) -> list[tuple[str, str]]:
    """The workbook's sheets as (name, worksheet part), refusing more than MAX_SHEETS (counted
    in the XML before it is parsed): each sheet costs both readers time however small it is,
    10,000 took 2.5 s. Empty when the workbook part cannot be found or parsed: the reader
    names that problem."""
    try:
        workbook = workbook_part(archive)
        count = len(_SHEET_TAG.findall(archive.read(workbook)))
    except Exception:
        return []
    if count > limits.MAX_SHEETS:
        message = tr(
            "the workbook has {count:,} sheets, more than the limit of {limit:,}",
            count=count,
            limit=limits.MAX_SHEETS,
        )
        raise over_limit(message, display, "MAX_SHEETS")
    try:
        return _sheet_list(archive)
    except Exception:
        return []


def _refuse_repeated_parts(
    sheets: list[tuple[str, str]], cells: dict[str, int], display: str
) -> None:
    """Refuse sheets that show the same worksheet part so often that its cells, read once per
    sheet, exceed MAX_CELLS (Excel never shares a part; 10,000 sheets showing one 60-row part
    took 10 s and 272 MB to read)."""
    shown = Counter(part for _name, part in sheets)
    total = sum(cells.get(part, 0) * times for part, times in shown.items())
    if total <= limits.MAX_CELLS:
        return
    part, times = shown.most_common(1)[0]
    raise InputError(
        tr(
            "{sheets:,} sheets show the same cells, more than {count:,} cells in all",
            sheets=times,
            count=limits.MAX_CELLS,
        )
        if times > 1
        else tr("more than {count:,} cells", count=limits.MAX_CELLS),
        path=display,
        where=part,
        hint=resave_hint()
        if times > 1
        else tr(
            "a real answer matrix is far smaller; raise {variable} if it is genuine",
            variable="PROCCHECK_MAX_CELLS",
        ),
    )


_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')


def formula_cells(archive: zipfile.ZipFile, part: str) -> set[tuple[int, int]]:
    """(row, column index) of every cell in a worksheet part that holds a formula: openpyxl
    reports only the cached value, which a person may never have seen (it can differ from
    what the sheet shows once recalculated)."""
    try:
        xml = archive.read(part)
    except (KeyError, zipfile.BadZipFile, OSError):
        return set()
    found: set[tuple[int, int]] = set()
    for match in _FORMULA_TAG.finditer(xml):
        start = max(xml.rfind(b"<c ", 0, match.start()), xml.rfind(b":c ", 0, match.start()))
        if start < 0:
            continue
        reference = _CELL_REF.search(xml, start, match.start())
        if reference is None:
            continue
        index = 0
        for letter in reference.group(1):
            index = index * 26 + letter - 64
        found.add((int(reference.group(2)), index - 1))
        tag_end = xml.find(b">", match.start(), match.start() + 500)
        spread = _FORMULA_RANGE.search(xml, match.start(), tag_end if tag_end > 0 else match.end())
        if spread is not None:  # an array formula fills its whole range (round 13, f01)
            found |= _range_cells(spread.group(1).decode("ascii"), len(found))
    return found


_FORMULA_RANGE = re.compile(rb'\bref="([A-Z]{1,3}\d{1,7}:[A-Z]{1,3}\d{1,7})"')
_MAX_FORMULA_CELLS = 200_000
"""Cells of array formulas' ranges taken as computed, in all (Excel's sheets are wider)."""


def _range_cells(reference: str, already: int) -> set[tuple[int, int]]:
    """(row, column index) of each cell of an A1:B2 range, up to `_MAX_FORMULA_CELLS` with
    the `already` found."""
    from proccheck.loaders.xlsx_look import cell_range

    span = cell_range(reference)
    if span is None:
        return set()
    first_row, first_column, last_row, last_column = span
    cells: set[tuple[int, int]] = set()
    for row in range(first_row, last_row + 1):
        for column in range(first_column, last_column + 1):
            if already + len(cells) >= _MAX_FORMULA_CELLS:
                return cells
            cells.add((row, column))
    return cells


Sheets = list[tuple[str | None, list[tuple[int, tuple[str, ...]]]]]
"""Each sheet's name and its rows: (row number, cell texts without trailing empty cells)."""


def _read_xlsx(path: Path, display: str, parts: dict[str, str] | None = None) -> Sheets:
    """The sheets of a workbook after `check_zip`: read with python-calamine (196,000 cells in
    0.8 s instead of 3.9 s, the scan included) when a scan of the XML shows it is safe to,
    else with openpyxl, whose reading is bounded row by row: see `_calamine_plan`. Both give
    the same texts (tests/test_xlsx_reading.py)."""
    check_zip(path, display)
    _check_shared_parts(path, display)
    plan = _calamine_plan(path)
    if plan is not None:
        sheets = _read_xlsx_calamine(path, plan, parts)
        if sheets is not None:
            return sheets
    return _read_xlsx_openpyxl(path, display, parts)


_SHARED_PARTS = {"/sharedStrings": "xl/sharedStrings.xml", "/styles": "xl/styles.xml"}
"""Where a workbook keeps the texts and styles its sheets share, as readers look for them."""


def _check_shared_parts(path: Path, display: str) -> None:
    """Refuse a workbook whose relationships put its shared strings or styles elsewhere than
    `_SHARED_PARTS`: Excel follows the relationships, and a decoy part at the usual place
    ("Ja" where the real strings say "Ja, endast mot avgift") would be read instead."""
    try:
        with zipfile.ZipFile(path) as archive:
            found = relationships(archive, workbook_part(archive)).values()
    except Exception:  # a damaged relationships part: the readers below name the problem
        return
    for kind, target in found:
        usual = next((part for end, part in _SHARED_PARTS.items() if kind.endswith(end)), None)
        if usual is not None and target != usual:
            raise InputError(
                tr(
                    "the workbook keeps a shared part in {target}, not in {usual} where readers "
                    "look for it",
                    target=target,
                    usual=usual,
                ),
                path=display,
                hint=resave_hint(),
            )


def _shown_value(value: object, decode: bool = False) -> str:
    """A cell value as Excel shows it: with `decode` (an inline string's, `_escaped_inline_cells`)
    its escaped characters (`_x0020_`, which openpyxl leaves as written) decoded."""
    if value is None:
        return ""
    text = str(value)
    if decode and isinstance(value, str) and "_x" in text:
        text = _ESCAPED_CHARACTER.sub(_escaped_character, text)
    return text.strip()


def _escaped_character(escape: re.Match[str]) -> str:
    code = int(escape.group(1), 16)
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)  # half a pair is no character


_ESCAPED_CHARACTER = re.compile(r"_x([0-9A-Fa-f]{4})_")
_GRID_CELL = re.compile(rb'<c(?: r="([A-Z]{1,3})([0-9]{1,7})")?[\s/>]')
_GRID_ROW = re.compile(rb'<row(?: r="([0-9]{1,7})")?[\s/>]')
_CELLS_OR_STRINGS = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,64}:)?(?:c|row|si|t)[\s/>]")
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]{0,64}:(?:c|row|t|v)[\s/>]")
_ERROR_CELL = re.compile(rb"""\bt\s*=\s*["']e["']""")
_ESCAPE = re.compile(rb"_x[0-9A-Fa-f]{4}_")
_NUMBER_AS_WRITTEN = re.compile(
    rb"v>\s*[+-]?(?:[0-9]{16,}|[0-9]+\.0*|[0-9]*\.?[0-9]*[eE]\+?[0-9]+)\s*<"
)
_SHEET_REL = "relationships/worksheet"


def _calamine_plan(path: Path) -> dict[str, str] | None:
    """The worksheet part of each sheet name when python-calamine may read the workbook, or
    None for openpyxl. calamine builds each sheet as one dense grid (rows times columns from
    A1) before anything can be counted, so every part that is not media is scanned first
    (`_grid_cells`): the grids together must stay within MAX_CELLS and MAX_ROWS (openpyxl then
    reads, and refuses, such a workbook row by row), and nothing the two read differently may
    occur."""
    try:
        import python_calamine  # noqa: F401  (an install without it reads with openpyxl)
    except ImportError:  # pragma: no cover
        return None
    area = 0
    try:
        with zipfile.ZipFile(path) as archive:
            sheets = _sheet_list(archive)
            shown = Counter(part for _name, part in sheets)  # a grid for every sheet showing it
            for info in archive.infolist():
                if info.is_dir():
                    continue
                data = archive.read(info)
                if is_media(archive, info):
                    if _CELLS_OR_STRINGS.search(data):
                        return None  # XML behind a media header: calamine may still read it
                    continue
                cells = _grid_cells(data)
                if cells is None:
                    return None
                area += cells * max(shown[info.filename], 1)
                if area > limits.MAX_CELLS:
                    return None
            return dict(sheets)
    except Exception:  # a damaged zip or workbook part: openpyxl reads it and names the problem
        return None


def _grid_cells(xml: bytes) -> int | None:
    """The cells of calamine's grid for one part (rows times columns from A1; 0 for a part
    without cells), or None when openpyxl must read the workbook: a cell or row placed by
    counting (no reference, or not as the first attribute), namespace prefixes, more than
    MAX_ROWS rows, or what the two read differently: a DTD (openpyxl refuses it), an error
    cell (openpyxl shows `#N/A`, calamine nothing), an escaped character (openpyxl shows
    `_x000D_`, calamine decodes it), a number openpyxl shows as written (`1.0`, `1E3`, 17
    digits), or a text run starting or ending in spaces without xml:space="preserve"
    (calamine trims it; openpyxl keeps it as Excel shows it: "Ja " + "men" is not "Jamen")."""
    if (
        b"\x00" in xml[:64]  # UTF-16 or UTF-32: the scan would see nothing
        or b"<!DOCTYPE" in xml
        or ((b'"e"' in xml or b"'e'" in xml) and _ERROR_CELL.search(xml))
        or _ESCAPE.search(xml)
        or _NUMBER_AS_WRITTEN.search(xml)
        or _trimmed_by_calamine(xml)
        or _PREFIXED.search(xml)
    ):
        return None
    cells = _GRID_CELL.findall(xml)  # ("", "") for a cell without its reference first
    rows = set(_GRID_ROW.findall(xml))
    columns = set(map(itemgetter(0), cells))
    if b"" in columns or b"" in rows:
        return None
    if not cells and not rows:
        return 0
    rows.update(map(itemgetter(1), cells))
    height = max(map(int, rows))
    if height > limits.MAX_ROWS:
        return None
    return height * max(map(_column_number, columns), default=0)


def _trimmed_by_calamine(xml: bytes) -> bool:
    """Whether a `<t>` text starts or ends in white space without xml:space="preserve"."""
    for opening in re.finditer(rb"<t(?:\s[^>]{0,512})?>\s", xml):
        if b"preserve" not in opening.group():
            return True
    for space in (b" ", b"\t", b"\n", b"\r"):
        end = xml.find(space + b"</t>")
        while end >= 0:
            start = xml.rfind(b"<", 0, end)  # the opening tag: text holds no `<`
            if b"preserve" not in xml[start : xml.find(b">", start)]:
                return True
            end = xml.find(space + b"</t>", end + 1)
    return False


def _column_number(letters: bytes) -> int:
    """b"A" -> 1, b"XFD" -> 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _sheet_list(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, worksheet part) of every worksheet, in the workbook's order, from its
    relationships (as openpyxl finds them); two sheets may name one part."""
    from defusedxml import ElementTree  # type: ignore[import-untyped]

    workbook = workbook_part(archive)
    targets = relationships(archive, workbook)
    sheets = []
    for sheet in ElementTree.fromstring(archive.read(workbook)).iter():
        if sheet.tag.rpartition("}")[2] != "sheet":
            continue
        rid = next((v for k, v in sheet.attrib.items() if k.rpartition("}")[2] == "id"), "")
        kind, part = targets.get(rid, ("", ""))
        if kind.endswith(_SHEET_REL) and sheet.get("name") is not None:
            sheets.append((str(sheet.get("name")), part))
    return sheets


def _read_xlsx_calamine(
    path: Path, plan: dict[str, str], parts: dict[str, str] | None
) -> Sheets | None:
    """The sheets through python-calamine, or None when it cannot read them (openpyxl then
    reads the workbook and names the problem) or finds a kind of sheet openpyxl reads
    differently (a dialog or macro sheet)."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    sheets: Sheets = []
    try:
        with CalamineWorkbook.from_path(str(path)) as workbook:
            for metadata in workbook.sheets_metadata:
                if metadata.typ == SheetTypeEnum.ChartSheet:
                    continue  # no cells (openpyxl does not list it among the worksheets)
                if metadata.typ != SheetTypeEnum.WorkSheet or metadata.name not in plan:
                    return None
                grid = workbook.get_sheet_by_name(metadata.name).to_python(skip_empty_area=False)
                rows = [
                    (number, _trimmed([v.strip() if type(v) is str else _text(v) for v in values]))
                    for number, values in enumerate(grid, start=1)
                ]
                sheets.append((metadata.name, _without_trailing_blank_rows(rows)))
    except Exception:  # calamine raises its own and many other types for broken workbooks
        return None
    except BaseException as exc:  # a panic in calamine's Rust code (pyo3's PanicException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return None
    if parts is not None:
        parts.update({name: plan[name] for name, _rows in sheets if name is not None})
    return sheets


def _text(value: object) -> str:
    """A calamine cell value as the openpyxl path writes it: an integral number without `.0`
    (openpyxl reads `<v>3</v>` as an int), a date alone as a midnight datetime."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if type(value) is datetime.date:
        return str(datetime.datetime(value.year, value.month, value.day))
    return str(value).strip()


def _trimmed(cells: list[str]) -> tuple[str, ...]:
    """The cells up to the last one that is not empty (how long a row is read does not matter)."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return tuple(cells[:end])


def _without_trailing_blank_rows(
    rows: list[tuple[int, tuple[str, ...]]],
) -> list[tuple[int, tuple[str, ...]]]:
    """The rows up to the last one with text (openpyxl also lists formatted empty rows)."""
    while rows and not rows[-1][1]:
        rows.pop()
    return rows


def _read_xlsx_openpyxl(path: Path, display: str, parts: dict[str, str] | None = None) -> Sheets:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken workbooks
        raise InputError(
            _xml_problem(exc)
            or tr("cannot read the workbook: {problem}", problem=type(exc).__name__),
            path=display,
            hint=resave_hint(),
        ) from None
    sheets: Sheets = []
    cells = 0
    archive = zipfile.ZipFile(path)
    try:
        for worksheet in workbook.worksheets:
            if hasattr(worksheet, "reset_dimensions"):
                worksheet.reset_dimensions()  # the declared dimension may lie
            escaped = _escaped_inline_cells(archive, getattr(worksheet, "_worksheet_path", ""))
            rows: list[tuple[int, tuple[str, ...]]] = []
            number = 0
            try:
                for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                    cells += len(values)
                    if number > limits.MAX_ROWS or cells > limits.MAX_CELLS:
                        what = (
                            tr("more than {count:,} rows", count=limits.MAX_ROWS)
                            if number > limits.MAX_ROWS
                            else tr("more than {count:,} cells", count=limits.MAX_CELLS)
                        )
                        raise InputError(
                            what,
                            path=display,
                            where=f"{worksheet.title}!{number}",
                            hint=tr(
                                "a real answer matrix is far smaller; raise {variable} if it is "
                                "genuine",
                                variable="PROCCHECK_MAX_ROWS or PROCCHECK_MAX_CELLS",
                            ),
                        )
                    shown = [
                        _shown_value(v, decode=(number, column) in escaped)
                        for column, v in enumerate(values)
                    ]
                    rows.append((number, _trimmed(shown)))
            except InputError:
                raise
            except Exception as exc:  # openpyxl/XML parsers raise many types for broken sheets
                raise InputError(
                    _cell_problem(exc),
                    path=display,
                    where=f"{worksheet.title}!{number + 1}",
                    hint=resave_hint(),
                ) from None
            sheets.append((worksheet.title, _without_trailing_blank_rows(rows)))
            part = getattr(worksheet, "_worksheet_path", None)  # set by openpyxl's reader
            if parts is not None and part:
                parts[worksheet.title] = str(part)
    finally:
        workbook.close()
        archive.close()
    return sheets


def _escaped_inline_cells(archive: zipfile.ZipFile, part: str) -> set[tuple[int, int]]:
    """(row, column from 0) of each inline-string cell of the worksheet `part` that holds an
    escaped character (`_x0020_`): openpyxl leaves those as written, while Excel shows the
    character (a shared string openpyxl reads through its own table is left as it gives it)."""
    try:
        xml = archive.read(part.lstrip("/"))
    except (KeyError, OSError, zipfile.BadZipFile, ValueError):
        return set()
    if not _ESCAPE.search(xml):
        return set()
    found: set[tuple[int, int]] = set()
    for cell in _CELL_TAG.finditer(xml):
        if b"inlineStr" not in cell.group(1):
            continue
        end = xml.find(b"</c>", cell.end())
        reference = _CELL_REFERENCE.search(cell.group(1))
        if end >= 0 and reference and _ESCAPE.search(xml, cell.end(), end):
            position = cell_position(reference.group(1).decode("ascii"))
            if position is not None:
                found.add(position)
    return found


_CELL_TAG = re.compile(rb"<c\b([^<>]*)>")
_CELL_REFERENCE = re.compile(rb'\br\s*=\s*["\']([A-Z]{1,3}[0-9]{1,7})["\']')


def _xml_problem(exc: Exception) -> str | None:
    """What is wrong, in words, when an Office file's XML cannot be parsed (None otherwise);
    openpyxl hides the parser's error behind a ValueError of its own."""
    cause = exc.__cause__ or exc.__context__
    name = type(cause if isinstance(exc, ValueError) and cause else exc).__name__
    if name in ("DTDForbidden", "EntitiesForbidden", "ExternalReferenceForbidden"):
        return entities_problem()
    if name in ("ParseError", "XMLSyntaxError", "ExpatError"):
        return tr("the XML inside the file is damaged")
    return None


def _cell_problem(exc: Exception) -> str:
    """What is wrong, in words, with a row openpyxl could not read."""
    if isinstance(exc, (ValueError, TypeError, OverflowError)) and not _xml_problem(exc):
        return tr(
            "a cell in this row holds a value that does not match its type (for example a "
            "date cell that holds no date)"
        )
    if isinstance(exc, (IndexError, KeyError)):
        return tr("a cell in this row refers to a shared text that the workbook does not have")
    return _xml_problem(exc) or tr("cannot read the sheet: {problem}", problem=type(exc).__name__)


def entities_problem() -> str:
    """The refusal of an Office file that declares XML entities (bombs, external files)."""
    return tr(
        "the file declares XML entities (a DTD), which Excel and Word never write: it was "
        "not made by an Office program, or has been tampered with"
    )
