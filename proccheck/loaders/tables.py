"""Spreadsheets as officers and e-procurement systems produce them: CSV and XLSX.

CSV: UTF-8 (with or without BOM) or Windows-1252, separated by `;`, `,` or tab. XLSX: read with
openpyxl after the zip has been checked for bombs; formulas are never evaluated (the cached value
is read). Header rows are found by the usual Swedish and English column names.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from proccheck import limits
from proccheck.errors import InputError

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": (
        "kravnummer",
        "krav-id",
        "kravid",
        "krav id",
        "kravnr",
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
        "krav text",
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
    ),
    "implements": ("implementerar", "set-krav", "baskrav", "implements", "maps to", "baseline"),
}
MAX_ROWS = 200_000
MAX_XLSX_EXPANDED = 200 * 1024 * 1024


@dataclass(frozen=True)
class Row:
    """One data row: cell text by column index, and where it is."""

    sheet: str | None
    number: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A sheet (or CSV file) with its detected header."""

    sheet: str | None
    header_row: int
    columns: dict[str, int]
    header: tuple[str, ...]
    rows: tuple[Row, ...]

    def cell(self, row: Row, role: str) -> str:
        """The text of `role`'s column in `row` ('' when absent)."""
        index = self.columns.get(role)
        if index is None or index >= len(row.cells):
            return ""
        return row.cells[index]


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().rstrip(":*"))


def detect_header(
    rows: list[tuple[int, tuple[str, ...]]], required: tuple[str, ...]
) -> tuple[int, dict[str, int], tuple[str, ...]] | None:
    """Find the header among the first rows: the first row naming every `required` role."""
    for number, cells in rows[:30]:
        columns: dict[str, int] = {}
        for index, cell in enumerate(cells):
            name = _norm(cell)
            for role, names in COLUMN_NAMES.items():
                if role not in columns and name in names:
                    columns[role] = index
                    break
        if all(role in columns for role in required):
            return number, columns, cells
    return None


def read_tables(path: Path, display: str, required: tuple[str, ...]) -> list[Table]:
    """Every sheet of an XLSX (or the CSV) that has a recognisable header."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        sheets = _read_xlsx(path, display)
    else:
        sheets = [(None, _read_csv(path, display))]
    tables = []
    for sheet, rows in sheets:
        found = detect_header(rows, required)
        if found is None:
            continue
        header_row, columns, header = found
        body = tuple(
            Row(sheet, number, cells)
            for number, cells in rows
            if number > header_row and any(c.strip() for c in cells)
        )
        tables.append(Table(sheet, header_row, columns, header, body))
    if not tables:
        names = ", ".join(COLUMN_NAMES[r][0] for r in required)
        raise InputError(
            "no sheet has a recognisable header row",
            path=display,
            where=sheets[0][0] if sheets and sheets[0][0] else "1",
            hint=f"the header needs columns such as {names} (Swedish or English names)",
        )
    return tables


def _read_csv(path: Path, display: str) -> list[tuple[int, tuple[str, ...]]]:
    try:
        raw = path.read_bytes()[: limits.MAX_INPUT_BYTES + 1]
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=display) from None
    if len(raw) > limits.MAX_INPUT_BYTES:
        raise InputError(
            f"file is larger than the limit of {limits.MAX_INPUT_BYTES:,} bytes",
            path=display,
            hint="raise PROCCHECK_MAX_INPUT_BYTES if it is genuine",
        )
    if not raw.strip():
        raise InputError("file is empty", path=display)
    if b"\x00" in raw[:4096]:
        raise InputError(
            "file is binary, not CSV text",
            path=display,
            hint="save the sheet as CSV (UTF-8) or give the .xlsx file",
        )
    text = _decode_csv(raw)
    sample = text[:8192]
    delimiter = max((";", ",", "\t"), key=lambda d: sample.count(d))
    rows: list[tuple[int, tuple[str, ...]]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for values in reader:
            if reader.line_num > MAX_ROWS:
                raise InputError(f"more than {MAX_ROWS:,} rows", path=display)
            rows.append((reader.line_num, tuple(v.strip() for v in values)))
    except csv.Error as exc:
        raise InputError(
            f"malformed CSV: {exc}", path=display, where=str(reader.line_num)
        ) from None
    return rows


def _decode_csv(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Swedish Excel saves "CSV" as Windows-1252; every byte decodes, and å/ä/ö come out right.
        return raw.decode("cp1252", errors="replace")


def check_zip(path: Path, display: str) -> None:
    """Refuse files that are not zips, are encrypted, or would expand beyond the limit."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for info in archive.infolist():
                if info.flag_bits & 0x1:
                    raise InputError(
                        "the workbook is password-protected",
                        path=display,
                        hint="remove the password in Excel and save again",
                    )
                total += info.file_size
                if info.compress_size and info.file_size / info.compress_size > 1000:
                    raise InputError(
                        "the workbook is a zip bomb (compression ratio over 1000)", path=display
                    )
            if total > MAX_XLSX_EXPANDED:
                raise InputError(
                    f"the workbook expands to more than {MAX_XLSX_EXPANDED:,} bytes", path=display
                )
    except zipfile.BadZipFile:
        with path.open("rb") as handle:
            head = handle.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError(
                "the workbook is encrypted or in the old .xls format",
                path=display,
                hint="remove the password, or save as .xlsx in Excel",
            ) from None
        raise InputError(
            "not a valid XLSX file (not a zip archive)",
            path=display,
            hint="open it in Excel or LibreOffice and save as .xlsx",
        ) from None


def _read_xlsx(
    path: Path, display: str
) -> list[tuple[str | None, list[tuple[int, tuple[str, ...]]]]]:
    check_zip(path, display)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken workbooks
        raise InputError(
            f"cannot read the workbook: {type(exc).__name__}",
            path=display,
            hint="open it in Excel or LibreOffice and save as .xlsx",
        ) from None
    sheets: list[tuple[str | None, list[tuple[int, tuple[str, ...]]]]] = []
    try:
        for worksheet in workbook.worksheets:
            if hasattr(worksheet, "reset_dimensions"):
                worksheet.reset_dimensions()  # the declared dimension may lie
            rows: list[tuple[int, tuple[str, ...]]] = []
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS:
                    raise InputError(
                        f"more than {MAX_ROWS:,} rows", path=display, where=worksheet.title
                    )
                rows.append((number, tuple("" if v is None else str(v).strip() for v in values)))
            sheets.append((worksheet.title, rows))
    finally:
        workbook.close()
    return sheets
