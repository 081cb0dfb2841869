"""What Excel shows of a worksheet where it differs from the values stored: a reader sees the
sheet, proccheck reads the values, and a vendor can make the two disagree.

A number format can show text of its own (`@" – endast mot avgift"`, `;;;"Nej"`) or nothing
(`;;;`); a font can be the colour of the cell's fill; a row or column can be hidden; a merged
cell shows only its first cell's value and hides the others. Cell notes are shown on hover and
hold text the sheet's cells do not. This module finds all of these from the workbook's XML
(after `tables.check_zip`), without evaluating anything.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

Unseen = str
"""Why a cell is not shown as stored: "format-text", "format-hides", "colour", "struck",
"struck part", "hidden-row", "hidden-column", "hidden-sheet" or "covered"."""


@dataclass(frozen=True)
class Look:
    """One worksheet part's cells that are not shown as stored, its merged ranges and notes."""

    unseen: dict[tuple[int, int], Unseen] = field(default_factory=dict)
    """(row, column index from 0) of a cell whose own formatting changes what it shows."""
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    merges: tuple[tuple[int, int, int, int], ...] = ()
    """(first row, first column, last row, last column) of each merged range, columns from 0."""
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    sheet_hidden: bool = False

    def why(self, row: int, column: int) -> Unseen | None:
        """Why the cell at (row, column) is not shown as stored, or None."""
        if self.sheet_hidden:
            return "hidden-sheet"
        if row in self.hidden_rows:
            return "hidden-row"
        if column in self.hidden_columns:
            return "hidden-column"
        return self.unseen.get((row, column))  # a cell under a merge: `tables._as_shown`


EXCEL_COLUMNS = 16_384
"""Columns of an Excel sheet (A to XFD)."""
_ATTRIBUTE = re.compile(rb'\b([A-Za-z]+)="([^"]*)"')
_TAG = {name: re.compile(rb"<(?:\w+:)?" + name + rb"\b([^>]*)>") for name in (b"c", b"row", b"col", b"mergeCell", b"xf", b"numFmt", b"font", b"fill", b"color", b"fgColor")}  # fmt: skip
_SECTION = {
    name: re.compile(rb"<(?:\w+:)?" + name + rb"\b[^>]*>(.*?)</(?:\w+:)?" + name + rb">", re.S)
    for name in (b"cellXfs", b"fonts", b"fills", b"numFmts")
}
_ITEM = {
    name: re.compile(
        rb"<(?:\w+:)?" + name + rb"\b[^>]*?(?:/>|>.*?</(?:\w+:)?" + name + rb">)", re.S
    )
    for name in (b"font", b"fill")
}
_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_WHITE = {"FFFFFFFF", "FFFFFF"}


def _attributes(text: bytes) -> dict[bytes, bytes]:
    return dict(_ATTRIBUTE.findall(text))


def cell_position(reference: str) -> tuple[int, int] | None:
    """ "C7" -> (7, 2): the row and the column index from 0."""
    match = _REFERENCE.fullmatch(reference.upper())
    if match is None:
        return None
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)), column - 1


def format_shows(code: str, text: bool) -> Unseen | None:
    """Whether a number format shows a cell other than stored: text of its own
    ("format-text": a quoted literal, an escaped letter or words in a currency bracket) or
    nothing ("format-hides"). A text
    cell is shown by the fourth section (or a lone section holding `@`) and as typed when
    there is none; a number by the first three: so `"Ja";"Ja";"Nej"` or `0.00 "kr"` leave
    typed text alone, while `;;;"Nej"` and `@" – mot avgift"` do not."""
    if not code:
        return None  # a built-in format (General, 0.00, dates…) shows the value
    sections = _SECTIONS.findall(code + ";")
    if text:
        if len(sections) >= 4:
            shown = sections[3]
        elif len(sections) == 1 and "@" in _without_literals(sections[0]):
            shown = sections[0]
        else:
            return None
        return _section_shows(shown)
    reasons = [_section_shows(section) for section in sections[:3]] if sections else []
    if reasons and all(reason == "format-hides" for reason in reasons):
        return "format-hides"
    return "format-text" if "format-text" in reasons else None


_SECTIONS = re.compile(r'((?:"[^"]*"|\\.|[^;"\\])*);')
r"""The sections of a number format, each up to its `;` (a quoted `;` or `\;` stays inside)."""


def _without_literals(section: str) -> str:
    return re.sub(r'"[^"]*"|\\.', "", section)


def _section_shows(section: str) -> Unseen | None:
    if not section.strip():
        return "format-hides"
    if re.search(r'"[^"]*[^\W\d_][^"]*"', section) or re.search(r"\\[^\W\d_]", section):
        return "format-text"
    if _CURRENCY_WORDS.search(section):
        return "format-text"
    return None


_CURRENCY_WORDS = re.compile(r"\[\$[^\]\-]*[^\W\d_]\s+[^\W\d_][^\]]*\]")
"""A currency bracket that holds words, not a symbol: `[$Endast mot avgift-41D]` shows
"Endast mot avgift" where `[$kr-41D]` or `[$€-x-euro2]` shows a currency."""


def style_reasons(archive: zipfile.ZipFile) -> dict[int, tuple[Unseen | None, Unseen | None]]:
    """The cell styles (indexes into `cellXfs`) whose cells are not shown as stored, with why
    for a text cell and for a number: a number format with text of its own or none, or a font
    in the colour of the fill (white on no fill: the theme's first colour, or FFFFFF)."""
    try:
        xml = archive.read("xl/styles.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    formats: dict[bytes, str] = {}
    if section := _SECTION[b"numFmts"].search(xml):
        for tag in _TAG[b"numFmt"].finditer(section.group(1)):
            found = _attributes(tag.group(1))
            code = html.unescape(found.get(b"formatCode", b"").decode("utf-8", "replace"))
            formats[found.get(b"numFmtId", b"")] = code
    fonts = _colours(xml, b"fonts", b"font", b"color")
    struck = _struck(xml)
    fills = _colours(xml, b"fills", b"fill", b"fgColor")
    reasons: dict[int, tuple[Unseen | None, Unseen | None]] = {}
    section = _SECTION[b"cellXfs"].search(xml)
    for index, tag in enumerate(_TAG[b"xf"].finditer(section.group(1) if section else b"")):
        found = _attributes(tag.group(1))
        code = formats.get(found.get(b"numFmtId", b""), "")
        font = _at(fonts, found.get(b"fontId", b"0"))
        fill = _at(fills, found.get(b"fillId", b"0"))
        coloured: Unseen | None = None
        if font is not None and font == (fill or "FFFFFF"):
            coloured = "colour"
        elif _at_index(struck, found.get(b"fontId", b"0")):
            coloured = "struck"
        text, number = format_shows(code, True) or coloured, format_shows(code, False) or coloured
        if text or number:
            reasons[index] = (text, number)
    return reasons


def _colours(xml: bytes, section_name: bytes, item: bytes, colour: bytes) -> list[str | None]:
    """Each font's colour or fill's foreground as RRGGBB, None where it has none: white for
    the theme's first colour (the window background) and the palette's white (indexed 1 and
    9); "other" for any other theme or palette colour, which is not the page's white. A fill
    that is not solid (`patternType` none or missing) has none."""
    section = _SECTION[section_name].search(xml)
    found: list[str | None] = []
    for entry in _ITEM[item].finditer(section.group(1) if section else b""):
        if item == b"fill" and b'patternType="solid"' not in entry.group(0):
            found.append(None)
            continue
        tag = _TAG[colour].search(entry.group(0))
        attributes = _attributes(tag.group(1)) if tag else {}
        rgb = attributes.get(b"rgb", b"").decode("ascii", "replace").upper()
        theme, indexed = attributes.get(b"theme"), attributes.get(b"indexed")
        tint = attributes.get(b"tint", b"0").strip(b"0.-") != b""  # a shade darker or lighter
        if tint:
            found.append("other")
        elif theme == b"0" or indexed in (b"1", b"9"):
            found.append("FFFFFF")
        elif len(rgb) in (6, 8):
            found.append(rgb[-6:])
        else:
            found.append("other" if theme is not None or indexed is not None else None)
    return found


_STRIKE = re.compile(rb"<(?:\w+:)?strike\b([^>]*)/?>")


def _struck(xml: bytes) -> list[bool]:
    """Whether each font strikes its text through: a reader takes a struck "Ja" as withdrawn."""
    section = _SECTION[b"fonts"].search(xml)
    found = []
    for entry in _ITEM[b"font"].finditer(section.group(1) if section else b""):
        found.append(_strikes(entry.group(0)))
    return found


def _strikes(properties: bytes) -> bool:
    """Whether a font's or a run's properties strike the text through (`<strike/>`, or
    `val` 1, true or on)."""
    tag = _STRIKE.search(properties)
    return tag is not None and _attributes(tag.group(1)).get(b"val", b"1").lower() in _ON


_ON = (b"1", b"true", b"on")


def _at_index(flags: list[bool], index: bytes) -> bool:
    return index.isdigit() and int(index) < len(flags) and flags[int(index)]


def _at(colours: list[str | None], index: bytes) -> str | None:
    return colours[int(index)] if index.isdigit() and int(index) < len(colours) else None


_SHARED_ITEM = re.compile(rb"<(?:\w+:)?si\b[^>]*>(.*?)</(?:\w+:)?si>", re.S)
_RUN = re.compile(rb"<(?:\w+:)?r>(.*?)</(?:\w+:)?r>", re.S)
_RUN_TEXT = re.compile(rb"<(?:\w+:)?t\b[^>]*>([^<]*)</")
_CELL_EDGE = re.compile(rb"<(/?)(?:\w+:)?c\b([^>]*)>")
_VALUE = re.compile(rb"<(?:\w+:)?v>\s*(\d+)\s*</")


def _runs_struck(rich: bytes) -> Unseen | None:
    """ "struck" when every run of a rich text with words is struck through, "struck part" when
    some are ("~~Ingen~~ extra kostnad" reads as a cost), else None."""
    struck = plain = False
    for run in _RUN.finditer(rich):
        if not b"".join(_RUN_TEXT.findall(run.group(1))).strip():
            continue
        on = _strikes(run.group(1))
        struck, plain = struck or on, plain or not on
    return ("struck part" if plain else "struck") if struck else None


def struck_strings(archive: zipfile.ZipFile) -> dict[int, Unseen]:
    """The shared strings (by index) whose rich text is struck through in whole or in part."""
    try:
        xml = archive.read("xl/sharedStrings.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    if b"strike" not in xml:
        return {}
    return {
        index: why
        for index, item in enumerate(_SHARED_ITEM.finditer(xml))
        if (why := _runs_struck(item.group(1)))
    }


def _struck_cells(xml: bytes, shared: dict[int, Unseen]) -> dict[tuple[int, int], Unseen]:
    """The cells of a worksheet whose rich text (shared or inline) is struck through, in whole
    or in part. One pass over the cells' opening and closing tags: a cell never left open is
    skipped, so a damaged sheet costs no more than a sound one."""
    found: dict[tuple[int, int], Unseen] = {}
    opened: tuple[bytes, int] | None = None
    for edge in _CELL_EDGE.finditer(xml):
        if edge.group(1):  # </c>
            if opened is not None:
                found.update(_struck_cell(opened[0], xml[opened[1] : edge.start()], shared))
            opened = None
        elif not edge.group(2).endswith(b"/"):
            opened = (edge.group(2), edge.end())
    return found


def _struck_cell(
    attributes: bytes, content: bytes, shared: dict[int, Unseen]
) -> dict[tuple[int, int], Unseen]:
    found = _attributes(attributes)
    position = cell_position(found.get(b"r", b"").decode("ascii", "replace"))
    why: Unseen | None = None
    if found.get(b"t") == b"s" and (value := _VALUE.search(content)):
        why = shared.get(int(value.group(1)))
    elif found.get(b"t") == b"inlineStr" and b"strike" in content:
        why = _runs_struck(content)
    return {position: why} if position is not None and why is not None else {}


def look(
    archive: zipfile.ZipFile,
    part: str,
    reasons: dict[int, tuple[Unseen | None, Unseen | None]],
    struck: dict[int, Unseen] | None = None,
) -> Look:
    """What the worksheet `part` shows differently from what it stores (see the module);
    `struck` is `struck_strings` of the workbook."""
    try:
        xml = archive.read(part)
    except (KeyError, zipfile.BadZipFile, OSError):
        return Look()
    unseen: dict[tuple[int, int], Unseen] = {}
    if struck or b"strike" in xml:
        unseen.update(_struck_cells(xml, struck or {}))
    if reasons:
        for tag in _TAG[b"c"].finditer(xml):
            found = _attributes(tag.group(1))
            style = found.get(b"s", b"")
            if style.isdigit() and int(style) in reasons:
                position = cell_position(found.get(b"r", b"").decode("ascii", "replace"))
                text = found.get(b"t") in (b"s", b"inlineStr", b"str")
                why = reasons[int(style)][0 if text else 1]
                if position is not None and why is not None:
                    unseen[position] = why
    hidden_rows = frozenset(
        int(found[b"r"])
        for tag in _TAG[b"row"].finditer(xml)
        if (found := _attributes(tag.group(1))).get(b"hidden") in (b"1", b"true")
        and found.get(b"r", b"").isdigit()
    )
    hidden_columns: set[int] = set()
    for tag in _TAG[b"col"].finditer(xml):
        found = _attributes(tag.group(1))
        low, high = found.get(b"min", b""), found.get(b"max", b"")
        if found.get(b"hidden") in (b"1", b"true") and low.isdigit() and high.isdigit():
            # Excel's columns are 1-16,384 (A-XFD): a range past them hides nothing there
            hidden_columns.update(range(max(int(low), 1) - 1, min(int(high), EXCEL_COLUMNS)))
    merges = []
    for tag in _TAG[b"mergeCell"].finditer(xml):
        first, _colon, last = _attributes(tag.group(1)).get(b"ref", b"").decode().partition(":")
        start, end = cell_position(first), cell_position(last or first)
        if start and end:
            merges.append((start[0], start[1], end[0], end[1]))
    return Look(
        unseen, hidden_rows, frozenset(hidden_columns), tuple(merges), _notes(archive, part)
    )


def _notes(archive: zipfile.ZipFile, part: str) -> dict[tuple[int, int], str]:
    """The text of each cell note (the legacy comments part of the worksheet)."""
    from defusedxml import DefusedXmlException, ElementTree  # type: ignore[import-untyped]

    try:
        targets = relationships(archive, part)
    except (KeyError, zipfile.BadZipFile, OSError, ElementTree.ParseError, DefusedXmlException):
        return {}  # no notes read; the cells are read as ever
    notes: dict[tuple[int, int], str] = {}
    for kind, target in targets.values():
        if not kind.endswith("/comments"):
            continue
        root = _parsed(archive, target)
        for comment in root.iter() if root is not None else ():
            if comment.tag.rpartition("}")[2] != "comment":
                continue
            position = cell_position(comment.get("ref", ""))
            text = " ".join((node.text or "") for node in comment.iter() if node.tag.endswith("}t"))
            if position is not None and text.strip():
                notes[position] = " ".join(text.split())
    return notes


_PAGE_TEXT = re.compile(
    rb"<(?:\w+:)?(?:odd|even|first)(?:Header|Footer)\b[^>]*>([^<]{1,10000})</", re.S
)
_PAGE_CODE = re.compile(r'&(?:"[^"]*"|\d+|[A-Za-z])')
"""A page header's codes: the section (&L &C &R), a font ("&\"Arial,Bold\""), a size (&12),
a field (&P &N &D &T &F &A); "&&" is an ampersand."""


def outside_text(archive: zipfile.ZipFile, part: str) -> list[str]:
    """Text a reader of the worksheet `part` sees outside its cells: the page header and
    footer (shown in print and page layout) and each text box or shape of its drawing."""
    try:
        xml = archive.read(part)
        targets = relationships(archive, part)
    except (KeyError, zipfile.BadZipFile, OSError, SyntaxError, ValueError):
        return []  # nothing more read; the cells are read as ever
    found = [_page_text(match.group(1)) for match in _PAGE_TEXT.finditer(xml)]
    for kind, target in targets.values():
        root = _parsed(archive, target) if kind.endswith("/drawing") else None
        for shape in root.iter() if root is not None else ():
            if shape.tag.rpartition("}")[2] == "txBody":
                runs = (node.text or "" for node in shape.iter() if node.tag.endswith("}t"))
                found.append(" ".join("".join(runs).split()))
    return [text for text in found if text]


def _page_text(raw: bytes) -> str:
    """A page header or footer as printed: its codes gone, "&&" an ampersand."""
    text = html.unescape(raw.decode("utf-8", "replace")).replace("&&", "\0")
    return " ".join(_PAGE_CODE.sub(" ", text).replace("\0", "&").split())


def _parsed(archive: zipfile.ZipFile, part: str) -> Any:
    """The parsed XML of `part`, or None when it is missing, damaged or declares entities (a
    notes part that cannot be read adds no notes; the cells are read as ever)."""
    from defusedxml import DefusedXmlException, ElementTree

    try:
        return ElementTree.fromstring(archive.read(part))
    except (KeyError, zipfile.BadZipFile, OSError, ElementTree.ParseError, DefusedXmlException):
        return None


def hidden_sheets(archive: zipfile.ZipFile) -> frozenset[str]:
    """The names of the sheets the workbook hides (`state="hidden"` or `"veryHidden"`, which
    Excel's menus cannot even show)."""
    root = _parsed(archive, workbook_part(archive))
    return frozenset(
        str(sheet.get("name"))
        for sheet in (root.iter() if root is not None else ())
        if sheet.tag.rpartition("}")[2] == "sheet"
        and sheet.get("state") in ("hidden", "veryHidden")
        and sheet.get("name") is not None
    )


def relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id -> (type, target part), external targets left out; none
    when the part has no relationships. A relationships part that is damaged or declares
    entities raises the parser's error: the notes and sheets it names would go unread."""
    from defusedxml import ElementTree

    folder, _slash, name = part.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    if rels not in archive.NameToInfo:
        return {}
    found = {}
    for rel in ElementTree.fromstring(archive.read(rels)):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        joined = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
        found[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(joined).lstrip("/"))
    return found


def workbook_part(archive: zipfile.ZipFile) -> str:
    """The workbook part, as the package's relationships name it."""
    return next(
        (
            part
            for kind, part in relationships(archive, "").values()
            if kind.endswith("/officeDocument")
        ),
        "xl/workbook.xml",
    )
