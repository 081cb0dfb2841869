"""What Excel shows of a worksheet where it differs from the values stored: a reader sees the
sheet, proccheck reads the values, and a vendor can make the two disagree.

A number format can show text of its own (`@" – endast mot avgift"`, `;;;"Nej"`) or nothing
(`;;;`); a font can be the colour of the cell's fill; a row or column can be hidden; a merged
cell shows only its first cell's value and hides the others; a conditional format can do any
of this when its condition holds. Cell notes are shown on hover and hold text the sheet's cells
do not. This module finds all of these from the workbook's XML
(after `tables.check_zip`), without evaluating anything.
"""

from __future__ import annotations

import bisect
import colorsys
import html
import itertools
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

Unseen = str
"""Why a cell is not shown as stored: "format-text", "format-hides", "colour", "struck",
"struck part", "tiny", "indent" (text indented out of its cell), "conditional", "drawn-over",
"background", "hidden-row", "folded-row" (a row hidden in a collapsed outline group or by the
sheet's filter, which Excel shows with a button to open it), "hidden-column", "hidden-sheet", "covered" or "pictured"."""


@dataclass(frozen=True)
class Look:
    """One worksheet part's cells that are not shown as stored, its merged ranges and notes."""

    unseen: dict[tuple[int, int], Unseen] = field(default_factory=dict)
    """(row, column index from 0) of a cell whose own formatting changes what it shows."""
    hidden_rows: frozenset[int] = frozenset()
    folded_rows: frozenset[int] = frozenset()
    """The hidden rows that are hidden only as a collapsed outline group's or by the sheet's
    filter (`autoFilter`): Excel marks them with a button that shows them again."""
    hidden_columns: frozenset[int] = frozenset()
    merges: tuple[tuple[int, int, int, int], ...] = ()
    """(first row, first column, last row, last column) of each merged range, columns from 0."""
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    """The text shown beside a cell's value: its note or comment thread, the words its number
    format adds, and a link's screen tip."""
    sheet_hidden: bool = False
    conditional: tuple[tuple[int, int, int, int], ...] = ()
    """(first row, first column, last row, last column) of each range a conditional format
    can hide or show other text in (`conditional_styles`)."""
    drawn: tuple[tuple[int, int, int, int], ...] = ()
    """The same for each range a picture, shape or chart of the sheet's drawing lies over."""
    background: bool = False
    """The sheet has a background picture (`<picture>`), drawn behind every cell."""
    pictured: tuple[tuple[int, int, int, int], ...] = ()
    """Each range of rows a picture of the sheet's drawing stands on, across every column:
    a picture beside an answer may say what the cells do not (a stamped reservation)."""

    def why(self, row: int, column: int) -> Unseen | None:
        """Why the cell at (row, column) is not shown as stored, or None."""
        if self.sheet_hidden:
            return "hidden-sheet"
        if row in self.hidden_rows:
            return "folded-row" if row in self.folded_rows else "hidden-row"
        if column in self.hidden_columns:
            return "hidden-column"
        why = self.unseen.get((row, column))  # a cell under a merge: `tables._as_shown`
        if why is None and self.conditional and _covers(self._rows("conditional"), row, column):
            return "conditional"
        if why is None and self.drawn and _covers(self._rows("drawn"), row, column):
            return "drawn-over"
        if why is None and self.background:
            return "background"
        if why is None and self.pictured and _covers(self._rows("pictured"), row, column):
            return "pictured"
        return why

    def _rows(self, ranges: str) -> dict[int, list[tuple[int, int]]]:
        """The ranges of field `ranges` as row spans by column (-1: a range over more than 64
        columns), each list merged and sorted once, so a cell is looked up by bisection."""
        index = self.__dict__.get("_by_column_" + ranges)
        if index is None:
            spans: dict[int, list[tuple[int, int]]] = {}
            for top, left, bottom, right in getattr(self, ranges):
                for column in range(left, right + 1) if right - left < 64 else (-1,):
                    spans.setdefault(column, []).append((top, bottom))
            index = {column: _merged(found) for column, found in spans.items()}
            object.__setattr__(self, "_by_column_" + ranges, index)
        return index


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Row spans sorted and joined where they overlap or touch."""
    merged: list[tuple[int, int]] = []
    for top, bottom in sorted(spans):
        if merged and top <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def _covers(index: dict[int, list[tuple[int, int]]], row: int, column: int) -> bool:
    for spans in (index.get(column, ()), index.get(-1, ())):
        at = bisect.bisect_right(spans, (row, EXCEL_ROWS)) - 1
        if at >= 0 and spans[at][0] <= row <= spans[at][1]:
            return True
    return False


EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
"""Columns of an Excel sheet (A to XFD)."""
_ATTRIBUTE = re.compile(rb'\b([A-Za-z]+)="([^"]*)"')
_TAG = {name: re.compile(rb"<(?:\w+:)?" + name + rb"\b([^>]*)>") for name in (b"c", b"row", b"col", b"mergeCell", b"xf", b"numFmt", b"font", b"fill", b"color", b"fgColor", b"bgColor")}  # fmt: skip
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


def cell_range(reference: str) -> tuple[int, int, int, int] | None:
    """ "B3:$D$7" -> (3, 1, 7, 3): first row, first column, last row, last column (columns
    from 0); one cell is a range of one."""
    first, _colon, last = reference.replace("$", "").partition(":")
    start, end = cell_position(first), cell_position(last or first)
    return (start[0], start[1], end[0], end[1]) if start and end else None


def _add_note(notes: dict[tuple[int, int], str], position: tuple[int, int], text: str) -> None:
    """`text` shown beside the cell at `position`, after what is shown there already."""
    notes[position] = " ".join(filter(None, (notes.get(position), text)))


def format_shows(code: str, text: bool) -> Unseen | None:
    """Whether a number format shows a cell other than stored: text of its own
    ("format-text": a quoted literal or escaped character that is a letter or a symbol such as
    ✓, or words in a currency bracket) or nothing ("format-hides"). A text cell is shown by
    the fourth section (or a lone section holding `@`) and as typed when there is none; a
    fourth section without `@` shows no stored text at all. A number is shown by the first
    three: so `"Ja";"Ja";"Nej"` or `0.00 "kr"` leave typed text alone, while `;;;"Nej"`,
    `;;;"✓"` and `@" – mot avgift"` do not."""
    shown = _showing_sections(code, text)
    if text:
        return _section_shows(shown[0], text_cell=True) if shown else None
    reasons = [_section_shows(section) for section in shown]
    if reasons and all(reason == "format-hides" for reason in reasons):
        return "format-hides"
    return "format-text" if "format-text" in reasons else None


def format_words(code: str, text: bool) -> str:
    """The text a number format adds to what it shows (its literals and the words of a
    currency bracket), read as the vendor's words beside the cell's value."""
    words = []
    for section in _showing_sections(code, text):
        words += [literal.strip('"').removeprefix("\\") for literal in _LITERAL.findall(section)]
        words += [
            found[2:].rsplit("-", 1)[0].rstrip("]") for found in _CURRENCY_WORDS.findall(section)
        ]
    return " ".join(" ".join(words).split())


def _showing_sections(code: str, text: bool) -> list[str]:
    """The sections of `code` that can show a text cell (at most one) or a number (up to three)."""
    if not code:
        return []  # a built-in format (General, 0.00, dates…) shows the value
    sections: list[str] = _SECTIONS.findall(code + ";")
    if not text:
        return sections[:3]
    if len(sections) >= 4:
        return [sections[3]]
    if len(sections) == 1 and "@" in _without_literals(sections[0]):
        return sections
    return []


_SECTIONS = re.compile(r'((?:"[^"]*"|\\.|[^;"\\])*);')
r"""The sections of a number format, each up to its `;` (a quoted `;` or `\;` stays inside)."""
_LITERAL = re.compile(r'"[^"]*"|\\.')


def _without_literals(section: str) -> str:
    return _LITERAL.sub("", section)


def _section_shows(section: str, text_cell: bool = False) -> Unseen | None:
    if not section.strip():
        return "format-hides"
    literals = "".join(_LITERAL.findall(section))
    if any(char.isalpha() or unicodedata.category(char) == "So" for char in literals):
        return "format-text"  # a word, or a mark such as ✓ or ✗
    if _CURRENCY_WORDS.search(section):
        return "format-text"
    if text_cell and "@" not in _without_literals(section):  # the typed text is not shown
        visible = literals.replace('"', "").replace("\\", "").strip()
        return "format-text" if visible else "format-hides"
    return None


def _section_colour(code: str, palette: Palette) -> str | None:
    """The colour (RRGGBB) the number format's section for text cells draws them in (`[Red]`,
    `[Color3]`, the latter from the workbook's palette where it has one), or None."""
    shown = _showing_sections(code, True)
    found = _SECTION_COLOUR.match(shown[0]) if shown else None
    if found is None:
        return None
    name = found.group(1).lower().replace(" ", "")
    if name.startswith("color"):
        number = int(name[5:])
        if number + 7 < len(palette.indexed):
            return palette.indexed[number + 7]
        return _NAMED_COLOURS[number - 1] if 1 <= number <= 8 else None
    return _NAMED_COLOURS[_COLOUR_NAMES.index(name)]


_SECTION_COLOUR = re.compile(
    r"\s*(?:\[[<>=][^\]]*\]\s*)*\[(black|white|red|green|blue|yellow|magenta|cyan|color\s*\d{1,2})\]",
    re.IGNORECASE,
)
_COLOUR_NAMES = ("black", "white", "red", "green", "blue", "yellow", "magenta", "cyan")
_NAMED_COLOURS = ("000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF")
"""Excel's colours by name, which are also `[Color1]`-`[Color8]` of the default palette."""
_CURRENCY_WORDS = re.compile(r"\[\$[^\]\-]*[^\W\d_]\s+[^\W\d_][^\]]*\]")
"""A currency bracket that holds words, not a symbol: `[$Endast mot avgift-41D]` shows
"Endast mot avgift" where `[$kr-41D]` or `[$€-x-euro2]` shows a currency."""


class StyleLook(NamedTuple):
    """Why a cell style's text cells and numbers are not shown as stored, and the words its
    number format adds to each."""

    text: Unseen | None
    number: Unseen | None
    text_words: str = ""
    number_words: str = ""
    filled: bool = False
    """The style fills its cells in a colour other than white: white text there shows."""


def style_reasons(archive: zipfile.ZipFile) -> dict[int, StyleLook]:
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
    palette = _palette(archive, xml)
    fonts = _colours(xml, b"fonts", b"font", b"color", palette)
    struck, tiny = _font_flags(xml, _strikes), _font_flags(xml, _tiny)
    fills = _colours(xml, b"fills", b"fill", b"fgColor", palette)
    reasons: dict[int, StyleLook] = {}
    section = _SECTION[b"cellXfs"].search(xml)
    styles = section.group(1) if section else b""
    for index, tag in enumerate(_TAG[b"xf"].finditer(styles)):
        found = _attributes(tag.group(1))
        code = formats.get(found.get(b"numFmtId", b""), "")
        font = _at(fonts, found.get(b"fontId", b"0"))
        fill = _at(fills, found.get(b"fillId", b"0"))
        coloured: Unseen | None = None
        if _pushed_out(styles, tag):
            coloured = "indent"
        elif _same_colour(font, fill):
            coloured = "colour"
        elif _at_index(struck, found.get(b"fontId", b"0")):
            coloured = "struck"
        elif _at_index(tiny, found.get(b"fontId", b"0")):
            coloured = "tiny"
        drawn_as: Unseen | None = coloured
        if drawn_as is None and _section_colour(code, palette) == (fill or "FFFFFF"):
            drawn_as = "colour"  # text drawn `[Black]@` on a black fill, `[Color3]@` made white
        text, number = format_shows(code, True) or drawn_as, format_shows(code, False) or coloured
        filled = fill not in (None, "FFFFFF")
        if text or number or filled:
            reasons[index] = StyleLook(
                text, number, format_words(code, True), format_words(code, False), filled
            )
    return reasons


_INDENT = re.compile(rb'<(?:\w+:)?alignment\b[^>]{0,500}?\bindent="(\d{1,6})"')
_PUSHED_OUT = 50
"""An indent (in steps of about three characters) past which a cell's text starts beyond any
column a sheet of answers uses: Excel shows the cell empty (attack round 13, f02: 250)."""


def _pushed_out(styles: bytes, tag: re.Match[bytes]) -> bool:
    """Whether a cell style (`xf`) indents its text out of sight (`_PUSHED_OUT`)."""
    if tag.group(0).endswith(b"/>"):
        return False
    end = styles.find(b"</", tag.end(), tag.end() + 2000)
    found = _INDENT.search(styles, tag.end(), end if end > 0 else tag.end())
    return found is not None and int(found.group(1)) >= _PUSHED_OUT


@dataclass(frozen=True)
class Palette:
    """The workbook's own colours by number: its theme's (as cells name them: 0 the light
    background, 1 the dark text, 2 and 3 the second pair, then the accents) and its
    replacement of the indexed palette, each RRGGBB; empty where the workbook has none."""

    theme: tuple[str, ...] = ()
    indexed: tuple[str, ...] = ()


_SCHEME_ORDER = (b"lt1", b"dk1", b"lt2", b"dk2", b"accent1", b"accent2", b"accent3", b"accent4",
                 b"accent5", b"accent6", b"hlink", b"folHlink")  # fmt: skip
_COLOUR_VALUE = re.compile(rb'\b(?:lastClr|val)="([0-9A-Fa-f]{6})"')


def _palette(archive: zipfile.ZipFile, styles: bytes) -> Palette:
    """The theme's colours (`xl/theme/theme1.xml`) and a replaced indexed palette
    (`<indexedColors>` in the styles): a font in theme colour 1 is black only while the theme
    says so."""
    try:
        scheme = _element(archive.read("xl/theme/theme1.xml"), b"clrScheme")
    except (KeyError, zipfile.BadZipFile, OSError):
        scheme = b""
    theme: list[str] = []
    for name in _SCHEME_ORDER if scheme else ():
        value = _COLOUR_VALUE.search(_element(scheme, name))
        theme.append(value.group(1).decode("ascii").upper() if value else "other")
    indexed = [
        found.group(1).decode("ascii").upper()[-6:]
        for found in re.finditer(
            rb'<(?:\w+:)?rgbColor\b[^<>]*\brgb="([0-9A-Fa-f]{6,8})"',
            _element(styles, b"indexedColors"),
        )
    ]
    return Palette(tuple(theme), tuple(indexed))


def _colours(
    xml: bytes, section_name: bytes, item: bytes, colour: bytes, palette: Palette
) -> list[str | None]:
    """Each font's colour or fill's foreground (`_colour`) in the order of its section. A fill
    that is not solid (`patternType` none or missing) has none; a solid one that names no
    colour is black, as Excel draws it."""
    section = _SECTION[section_name].search(xml)
    found: list[str | None] = []
    for entry in _ITEM[item].finditer(section.group(1) if section else b""):
        if item == b"fill" and b'patternType="solid"' not in entry.group(0):
            found.append(None)
            continue
        shade = _colour(entry.group(0), colour, palette)
        found.append("000000" if shade is None and item == b"fill" else shade)  # solid: black
    return found


def _colour(entry: bytes, colour: bytes, palette: Palette = Palette()) -> str | None:
    """The first `colour` tag of `entry` as RRGGBB, None where it has none: a theme or palette
    colour as the workbook's `palette` defines it; without one, white for the theme's first
    colour (the window background) and the palette's white (indexed 1 and 9), black for the
    theme's second (the window text) and the palette's black (indexed 0 and 8), and "other"
    for any other theme or palette colour."""
    tag = _TAG[colour].search(entry)
    attributes = _attributes(tag.group(1)) if tag else {}
    rgb = attributes.get(b"rgb", b"").decode("ascii", "replace").upper()
    theme, indexed = attributes.get(b"theme"), attributes.get(b"indexed")
    base: str | None = None
    for number, own, white, black in (
        (theme, palette.theme, (b"0",), (b"1",)),
        (indexed, palette.indexed, (b"1", b"9"), (b"0", b"8")),
    ):
        if number is not None:
            if number.isdigit() and int(number) < len(own):
                base = own[int(number)]
            else:
                base = "FFFFFF" if number in white else "000000" if number in black else "other"
            break
    else:
        base = rgb[-6:] if len(rgb) in (6, 8) else None
    tint = attributes.get(b"tint", b"0")
    if tint.strip(b"0.-") == b"":
        return base
    return _tinted(base, tint) if base not in (None, "other") else "other"


def _tinted(base: str, tint: bytes) -> str:
    """`base` (RRGGBB) lightened or darkened by a tint as Excel draws it: the lightness (HLS)
    moves towards white by the tint's share, or towards black for a negative one. Black
    at tint 0.99998 is white (attack round 12, f06)."""
    channels = _channels(base)
    try:
        share = max(-1.0, min(1.0, float(tint)))
    except ValueError:
        return "other"
    if channels is None or share != share:  # not a colour, or a tint of NaN
        return "other"
    hue, lightness, saturation = colorsys.rgb_to_hls(*(channel / 255 for channel in channels))
    lightness = lightness * (1 + share) if share < 0 else lightness + (1 - lightness) * share
    shown = colorsys.hls_to_rgb(hue, lightness, saturation)
    return "".join(f"{round(channel * 255):02X}" for channel in shown)


def _same_colour(font: str | None, fill: str | None) -> bool:
    """Whether a font is in the colour behind it (its fill, else the page's white), or too
    close to tell apart (each channel within 25 of 255, as for PDF text); a font of no colour
    of its own is Excel's automatic black, whatever the fill. A colour the workbook does not
    define ("other": an unknown theme colour) is like none."""
    one, other = _channels(font or "000000"), _channels(fill or "FFFFFF")
    if one is None or other is None:
        return False
    return all(abs(a - b) <= 25 for a, b in zip(one, other, strict=True))


def _channels(colour: str) -> tuple[int, int, int] | None:
    """RRGGBB as three numbers, None for anything else ("other", a malformed value)."""
    try:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return None
    return (red, green, blue) if len(colour) == 6 else None


def _differential_hides(piece: bytes) -> bool:
    """Whether a differential style (a conditional format's `dxf`, at the start of `piece`)
    hides a cell's value or shows other text: a number format that does (`format_shows`), a
    struck font, or a font in the colour of the style's fill (white when it sets none)."""
    if tag := _TAG[b"numFmt"].search(piece):
        code = _attributes(tag.group(1)).get(b"formatCode", b"").decode("utf-8", "replace")
        if format_shows(html.unescape(code), True):  # the answers and comments are text
            return True
    font, fill = _element(piece, b"font"), _element(piece, b"fill")
    font_colour = _colour(font, b"color") if font else None
    fill_colour = (_colour(fill, b"bgColor") or _colour(fill, b"fgColor")) if fill else None
    if tag and _section_colour(code, Palette()) == (fill_colour or "FFFFFF"):
        return True  # its format draws the text in the colour behind it
    return _strikes(font) or _same_colour(font_colour, fill_colour)


def _element(piece: bytes, name: bytes) -> bytes:
    """The first `name` element of `piece` up to its end tag (or the piece's end), found
    with two searches and no backtracking."""
    start = re.search(rb"<(?:\w+:)?" + name + rb"\b", piece)
    if start is None:
        return b""
    end = re.compile(rb"</(?:\w+:)?" + name + rb">").search(piece, start.end())
    return piece[start.start() : end.end() if end else len(piece)]


_PIECE = 1024
"""Bytes read of one conditional rule or differential style: a real one is a few hundred."""


def _pieces(xml: bytes, start: re.Pattern[bytes]) -> Iterator[bytes]:
    """Each stretch of `xml` from a match of `start` to the next (at most `_PIECE` bytes): one
    linear pass, however the tags in it are closed or not."""
    starts = [found.start() for found in start.finditer(xml)] + [len(xml)]
    for here, following in itertools.pairwise(starts):
        yield xml[here : min(following, here + _PIECE)]


def conditional_styles(archive: zipfile.ZipFile) -> frozenset[int]:
    """The differential styles (indexes into `dxfs`) a conditional format can apply to hide a
    cell's value or show other text (`_differential_hides`)."""
    try:
        xml = archive.read("xl/styles.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return frozenset()
    section = _element(xml, b"dxfs")
    return frozenset(
        index
        for index, piece in enumerate(_pieces(section, _DXF_START))
        if _differential_hides(piece)
    )


_DXF_START = re.compile(rb"<(?:\w+:)?dxf\b")
_VALUE_HIDDEN = re.compile(rb"""\bshowValue\s*=\s*["'](?:0|false)["']""")
_RULE_START = re.compile(rb"<(?:\w+:)?cfRule\b")
_CONDITIONAL_EDGE = re.compile(rb"<(/?)(?:\w+:)?conditionalFormatting\b([^<>]*)>")
_SQREF = re.compile(rb"<(?:\w+:)?sqref>([^<]*)</")
MAX_CONDITIONAL_RANGES = 2_000
"""Ranges of hiding conditional formats read per sheet; past it the whole sheet counts as
possibly hidden."""


def _conditional_ranges(
    xml: bytes, hiding: frozenset[int]
) -> tuple[tuple[int, int, int, int], ...]:
    """The ranges of a worksheet a conditional format can hide or show other text in: a rule
    whose `dxfId` is in `hiding`, or whose own differential style (Excel 2010's `x14` form,
    with the range in `xm:sqref`) hides. One pass over the formats' opening and closing tags."""
    if b"onditionalFormatting" not in xml:
        return ()
    ranges: list[tuple[int, int, int, int]] = []
    opened: tuple[bytes, int] | None = None
    for edge in _CONDITIONAL_EDGE.finditer(xml):
        if not edge.group(1):
            opened = (edge.group(2), edge.end())
            continue
        if opened is None:
            continue
        attributes, block = opened[0], xml[opened[1] : edge.start()]
        opened = None
        if not any(_rule_hides(rule, hiding) for rule in _pieces(block, _RULE_START)):
            continue
        sqref = _attributes(attributes).get(b"sqref") or b" ".join(_SQREF.findall(block))
        for reference in sqref.decode("ascii", "replace").split():
            if span := cell_range(reference):
                ranges.append(span)
            if len(ranges) > MAX_CONDITIONAL_RANGES:
                return ((1, 0, EXCEL_ROWS, EXCEL_COLUMNS - 1),)
    return tuple(ranges)


def _rule_hides(rule: bytes, hiding: frozenset[int]) -> bool:
    """Whether a conditional rule can hide a cell's value or show other text: its
    differential style does (`_differential_hides`), or it is a data bar, colour scale or
    icon set drawn instead of the value (`showValue="0"`)."""
    if _VALUE_HIDDEN.search(rule):
        return True
    inline = _DXF_START.search(rule)
    if inline is not None:
        return _differential_hides(rule[inline.start() :])
    dxf = _attributes(rule.split(b">", 1)[0]).get(b"dxfId", b"")
    return dxf.isdigit() and int(dxf) in hiding


_STRIKE = re.compile(rb"<(?:\w+:)?strike\b([^>]*)/?>")


def _font_flags(xml: bytes, test: Callable[[bytes], bool]) -> list[bool]:
    """`test` of each font of the workbook's styles, in order (a cell style names its font
    by position): `_strikes` (a reader takes a struck "Ja" as withdrawn) or `_tiny`."""
    section = _SECTION[b"fonts"].search(xml)
    return [
        test(entry.group(0))
        for entry in _ITEM[b"font"].finditer(section.group(1) if section else b"")
    ]


_SIZE = re.compile(rb"<(?:\w+:)?sz\b([^<>]*)>")
TINY_POINTS = 4.0
"""Text smaller than this many points cannot be read on a sheet at its normal zoom."""


def _tiny(properties: bytes) -> bool:
    """Whether a font's size (`<sz val>`, in points) is too small to read."""
    tag = _SIZE.search(properties)
    try:
        return tag is not None and float(_attributes(tag.group(1)).get(b"val", b"11")) < TINY_POINTS
    except ValueError:
        return False


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


def _runs_unseen(rich: bytes) -> Unseen | None:
    """Why a rich text's words are not all shown as stored: "tiny" or "colour" when a run with
    words is under `TINY_POINTS` or white (on the sheet's white), "struck" when every run with
    words is struck through, "struck part" when some are ("~~Ingen~~ extra kostnad" reads as a
    cost), else None."""
    struck = plain = False
    for run in _RUN.finditer(rich):
        if not b"".join(_RUN_TEXT.findall(run.group(1))).strip():
            continue
        properties = run.group(1).partition(b"<t")[0]  # the run's <rPr>, before its text
        if _tiny(properties):
            return "tiny"
        if b"olor" in properties and _colour(properties, b"color") == "FFFFFF":
            return "colour"
        on = _strikes(properties)
        struck, plain = struck or on, plain or not on
    return ("struck part" if plain else "struck") if struck else None


def unseen_strings(archive: zipfile.ZipFile) -> dict[int, Unseen]:
    """The shared strings (by index) whose rich text is not all shown as stored
    (`_runs_unseen`)."""
    return _shared_strings(archive, b"rPr", _runs_unseen)


def phonetic_strings(archive: zipfile.ZipFile) -> dict[int, str]:
    """The phonetic guides (`rPh`, furigana) of the shared strings, by index: a cell that shows
    them (`ph="1"`) shows these words above its value."""
    return _shared_strings(archive, b"rPh", _guide)


_Found = TypeVar("_Found")


def _shared_strings(
    archive: zipfile.ZipFile, marker: bytes, read: Callable[[bytes], _Found | None]
) -> dict[int, _Found]:
    """What `read` finds in each shared string (by index), where it finds anything; the
    strings are read only when the part holds `marker` at all."""
    try:
        xml = archive.read("xl/sharedStrings.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    if marker not in xml:
        return {}
    return {
        index: found
        for index, item in enumerate(_SHARED_ITEM.finditer(xml))
        if (found := read(item.group(1)))
    }


def _unseen_rich_cells(
    xml: bytes, shared: dict[int, Unseen], filled: frozenset[bytes]
) -> dict[tuple[int, int], Unseen]:
    """The cells of a worksheet whose rich text (shared or inline) is not all shown as stored
    (`_runs_unseen`); white runs in a cell whose style fills it (`filled`) show."""
    return {
        position: why
        for attributes, position, content in _cells(xml)
        if (why := _cell_string(attributes, content, shared, _inline_unseen))
        and not (why == "colour" and attributes.get(b"s", b"0") in filled)
    }


def _inline_unseen(content: bytes) -> Unseen | None:
    return _runs_unseen(content) if b"rPr" in content else None


def _cells(xml: bytes) -> Iterator[tuple[dict[bytes, bytes], tuple[int, int], bytes]]:
    """Each cell of a worksheet with its attributes, its position and its content, in one
    pass over the cells' tags (`_elements`): a cell never left open is skipped, so a damaged
    sheet costs no more than a sound one."""
    for raw, content in _elements(xml, _CELL_EDGE):
        attributes = _attributes(raw)
        position = cell_position(attributes.get(b"r", b"").decode("ascii", "replace"))
        if position is not None:
            yield attributes, position, content


def _cell_string(
    attributes: dict[bytes, bytes],
    content: bytes,
    shared: dict[int, _Found],
    inline: Callable[[bytes], _Found | None],
) -> _Found | None:
    """What is known of a text cell's string: of a shared string by its index in `shared`,
    of an inline string by `inline` on the cell's content; None for other cells."""
    if attributes.get(b"t") == b"s" and (value := _VALUE.search(content)):
        return shared.get(int(value.group(1)))
    if attributes.get(b"t") == b"inlineStr":
        return inline(content)
    return None


def _guide(content: bytes) -> str:
    """The words of the phonetic runs (`rPh`) of a string's content."""
    runs = (b"".join(_RUN_TEXT.findall(found)) for _, found in _elements(content, _PHONETIC))
    return " ".join(html.unescape(b" ".join(runs).decode("utf-8", "replace")).split())


def _phonetic_cells(xml: bytes, shared: dict[int, str]) -> dict[tuple[int, int], str]:
    """The phonetic guide each cell that shows one (`ph="1"`) shows above its value."""
    return {
        position: guide
        for attributes, position, content in _cells(xml)
        if attributes.get(b"ph", b"0").lower() in _ON
        and (guide := _cell_string(attributes, content, shared, _guide))
    }


_SHOWS_PHONETIC = re.compile(rb"<(?:\w+:)?c\b[^>]*\bph=\"(?:1|true)\"")
_PHONETIC = re.compile(rb"<(/?)(?:\w+:)?rPh\b([^<>]*)>")


def _elements(xml: bytes, tags: re.Pattern[bytes]) -> Iterator[tuple[bytes, bytes]]:
    """The attributes and content of each element whose opening and closing tags `tags`
    finds (group 1 "/" on a closing tag, group 2 the attributes), each tag visited once: an
    element left open ends at the next tag, a self-closing one holds nothing, so hostile
    nesting costs no more than the text's length."""
    opened: tuple[bytes, int] | None = None
    for tag in tags.finditer(xml):
        if tag.group(1):
            if opened is not None:
                yield opened[0], xml[opened[1] : tag.start()]
            opened = None
        else:
            opened = None if tag.group(2).endswith(b"/") else (tag.group(2), tag.end())


Ranges = tuple[tuple[int, int, int, int], ...]


def _drawn_ranges(archive: zipfile.ZipFile, part: str) -> tuple[Ranges, Ranges]:
    """The cell ranges (rows from 1, columns from 0) that a picture, chart or shape of the
    sheet's drawing lies over, as anchored to cells; lines, hidden objects and shapes with
    neither fill nor text cover nothing, and an object placed by absolute position is not
    judged. Then the rows each shown picture stands on, across all columns (`Look.pictured`)."""
    try:
        targets = relationships(archive, part)
    except (KeyError, zipfile.BadZipFile, OSError, SyntaxError, ValueError):
        return (), ()
    found: list[tuple[int, int, int, int]] = []
    pictures: list[tuple[int, int, int, int]] = []
    for kind, target in targets.values():
        if kind.endswith("/vmlDrawing"):
            found += _vml_ranges(archive, target)
        root = _parsed(archive, target) if kind.endswith("/drawing") else None
        for anchor in list(root) if root is not None else ():
            name = anchor.tag.rpartition("}")[2]
            if any(node.tag.endswith("}pic") for node in anchor.iter()) and _covering(anchor):
                rows = _picture_rows(anchor, name)
                if rows is not None:
                    pictures.append((rows[0], 0, rows[1], EXCEL_COLUMNS))
            if name not in ("twoCellAnchor", "oneCellAnchor") or not _covering(anchor):
                continue
            start = _marker(anchor, "from")
            end = _marker(anchor, "to") if name == "twoCellAnchor" else None
            if start is None:
                continue
            found.append(_anchored(start[:2], end or (start[0], start[1] + 1, 0, 0)))
            if len(found) >= _MAX_DRAWN or len(pictures) >= _MAX_DRAWN:
                return tuple(found), tuple(pictures)
    return tuple(found), tuple(pictures)


_MAX_DRAWN = 10_000
_ROW_EMU = 190_500
"""The height of a row at Excel's default 15 points, in EMU: where a picture placed by size or
by position (not by two cells) ends is counted in such rows."""


def _picture_rows(anchor: Any, name: str) -> tuple[int, int] | None:
    """The rows (from 1) a picture stands on: between its two cells, or from its cell or its
    position down its height (`xdr:ext`), counted in default rows."""
    start = _marker(anchor, "from")
    if name == "twoCellAnchor":
        end = _marker(anchor, "to")
        if start is None or end is None:
            return None
        top, _left, bottom, _right = _anchored(start[:2], end)
        return top, bottom
    size = next((node for node in anchor if node.tag.endswith("}ext")), None)
    height = int(_number_attribute(size, "cy"))
    if name == "oneCellAnchor" and start is not None:
        top_emu = start[0] * _ROW_EMU + start[2]
    elif name == "absoluteAnchor":
        place = next((node for node in anchor if node.tag.endswith("}pos")), None)
        top_emu = int(_number_attribute(place, "y"))
    else:
        return None
    return top_emu // _ROW_EMU + 1, (top_emu + max(height - 1, 0)) // _ROW_EMU + 1


def _number_attribute(node: Any, name: str) -> float:
    """A non-negative number attribute of `node`, or 0."""
    try:
        return max(0.0, min(float(node.get(name, 0)), 1e15)) if node is not None else 0.0
    except (TypeError, ValueError):
        return 0.0


def _anchored(start: tuple[int, int], end: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The cell range (rows from 1, columns from 0) an object covers that is anchored from the
    cell `start` (row, column from 0) to the cell `end` (row, column, and the offsets into it,
    row then column): the last cell counts when the object reaches into it."""
    first_row, first_column = start[0] + 1, start[1]
    last_row, last_column, row_offset, column_offset = end
    return (
        first_row,
        first_column,
        max(first_row, last_row + (1 if row_offset > 0 else 0)),
        max(first_column, last_column - (0 if column_offset > 0 else 1)),
    )


def _vml_ranges(archive: zipfile.ZipFile, part: str) -> list[tuple[int, int, int, int]]:
    """The cell ranges the shown shapes of a legacy (VML) drawing lie over (`_vml_shapes`),
    by their `x:Anchor` (column, offset, row, offset, twice)."""
    found = []
    for body in _vml_shapes(archive, part):
        anchor = _VML_ANCHOR.search(body)
        if anchor is None:
            continue
        numbers = [int(value) for value in anchor.group(1).split(b",")]
        if len(numbers) != 8:
            continue
        first_column, _dx1, first_row, _dy1, last_column, dx2, last_row, dy2 = numbers
        found.append(_anchored((first_row, first_column), (last_row, last_column, dy2, dx2)))
        if len(found) >= _MAX_DRAWN:
            break
    return found


_VML_SHAPE = re.compile(rb"<(/?)v:shape\b([^<>]{0,4000})>")
_VML_KIND = re.compile(rb'<x:ClientData\b[^>]{0,200}?ObjectType="(\w{1,30})"')
_VML_ANCHOR = re.compile(rb"<x:Anchor>\s*((?:\d{1,7}\s*,\s*){7}\d{1,7})\s*</x:Anchor>")
_VML_HIDDEN = re.compile(rb"visibility\s*:\s*hidden", re.I)


def _covering(anchor: Any) -> bool:
    """Whether a drawing anchor holds something that hides the cells beneath: a picture, a
    chart or a group, or a shape with a fill or text; not a line or a hidden object."""
    for child in anchor:
        kind = child.tag.rpartition("}")[2]
        if kind not in ("sp", "pic", "graphicFrame", "grpSp"):
            continue
        if any(
            node.tag.endswith("}cNvPr") and node.get("hidden") in ("1", "true")
            for node in child.iter()
        ):
            return False
        if kind != "sp":
            return True
        words = "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
        shape = next((node for node in child if node.tag.endswith("}spPr")), None)
        filled = shape is None or not any(node.tag.endswith("}noFill") for node in shape)
        return filled or bool(words.strip())
    return False


def _marker(anchor: Any, name: str) -> tuple[int, int, int, int] | None:
    """A drawing anchor's `from` or `to` cell: row, column (both from 0) and the offsets into
    that cell (row, column; EMU)."""
    marker = next((node for node in anchor if node.tag.endswith("}" + name)), None)
    if marker is None:
        return None
    values = {node.tag.rpartition("}")[2]: (node.text or "").strip() for node in marker}
    try:
        return (
            int(values["row"]),
            int(values["col"]),
            int(values.get("rowOff", "0")),
            int(values.get("colOff", "0")),
        )
    except (KeyError, ValueError):
        return None


def look(
    archive: zipfile.ZipFile,
    part: str,
    reasons: dict[int, StyleLook],
    rich: dict[int, Unseen] | None = None,
    hiding: frozenset[int] = frozenset(),
    phonetic: dict[int, str] | None = None,
) -> Look:
    """What the worksheet `part` shows differently from what it stores (see the module);
    `rich` is `unseen_strings` of the workbook, `hiding` its `conditional_styles`,
    `phonetic` its `phonetic_strings`."""
    try:
        xml = archive.read(part)
    except (KeyError, zipfile.BadZipFile, OSError):
        return Look()
    unseen: dict[tuple[int, int], Unseen] = {}
    notes = _notes(archive, part)
    for tag in _HYPERLINK.finditer(xml):  # a link's screen tip shows on pointing at the cell
        found = _attributes(tag.group(1))
        position = cell_position(
            found.get(b"ref", b"").decode("ascii", "replace").partition(":")[0]
        )
        tip = " ".join(html.unescape(found.get(b"tooltip", b"").decode("utf-8", "replace")).split())
        if position is not None and tip:
            _add_note(notes, position, tip)
    if rich or b"rPr" in xml:
        filled = frozenset(
            str(index).encode() for index, styled in reasons.items() if styled.filled
        )
        unseen.update(_unseen_rich_cells(xml, rich or {}, filled))
    if _SHOWS_PHONETIC.search(xml):
        for position, guide in _phonetic_cells(xml, phonetic or {}).items():
            _add_note(notes, position, guide)
    if reasons:
        for tag in _TAG[b"c"].finditer(xml):
            found = _attributes(tag.group(1))
            style = found.get(b"s", b"")
            if style.isdigit() and int(style) in reasons:
                position = cell_position(found.get(b"r", b"").decode("ascii", "replace"))
                styled = reasons[int(style)]
                text = found.get(b"t") in (b"s", b"inlineStr", b"str")
                why, words = (
                    (styled.text, styled.text_words)
                    if text
                    else (styled.number, styled.number_words)
                )
                if position is not None and why is not None:
                    unseen[position] = why
                if position is not None and why == "format-text" and words:
                    # what the format shows beside the value is the vendor's, like a note
                    _add_note(notes, position, words)
    format_tag = _SHEET_FORMAT.search(xml)
    sheet_format = _attributes(format_tag.group(1)) if format_tag is not None else {}
    zero_height = sheet_format.get(b"zeroHeight", b"0").lower() in _ON
    low_default = _too_low(sheet_format.get(b"defaultRowHeight", b"15"))
    hidden_rows = frozenset(
        int(found[b"r"])
        for tag in _TAG[b"row"].finditer(xml)
        if (
            _row_hidden(found := _attributes(tag.group(1)), zero_height)
            or (low_default and b"ht" not in found)  # at the sheet's default height
        )
        and found.get(b"r", b"").isdigit()
    )
    folded_rows = _folded_rows(xml, hidden_rows)
    hidden_columns: set[int] = set()
    shown_columns: set[int] = set()  # given a width of their own that shows them
    for tag in _TAG[b"col"].finditer(xml):
        found = _attributes(tag.group(1))
        low, high = found.get(b"min", b""), found.get(b"max", b"")
        if not (low.isdigit() and high.isdigit()):
            continue
        # Excel's columns are 1-16,384 (A-XFD): a range past them hides nothing there
        columns = range(max(int(low), 1) - 1, min(int(high), EXCEL_COLUMNS))
        hidden = found.get(b"hidden") in (b"1", b"true") or _too_narrow(found)
        (hidden_columns if hidden else shown_columns).update(columns)
    if _too_narrow({b"width": sheet_format.get(b"defaultColWidth", b"9")}):
        # the sheet's default width is too narrow: every column not given its own is hidden
        hidden_columns.update(set(range(EXCEL_COLUMNS)) - shown_columns)
    merges = [
        span
        for tag in _TAG[b"mergeCell"].finditer(xml)
        if (
            span := cell_range(
                _attributes(tag.group(1)).get(b"ref", b"").decode("ascii", "replace")
            )
        )
    ]
    drawn, pictured = _drawn_ranges(archive, part)
    return Look(
        unseen,
        hidden_rows,
        folded_rows,
        frozenset(hidden_columns),
        tuple(merges),
        notes,
        conditional=_conditional_ranges(xml, hiding),
        drawn=drawn,
        background=_BACKGROUND.search(xml) is not None,
        pictured=pictured,
    )


_BACKGROUND = re.compile(rb"<(?:\w+:)?picture\b[^<>]{0,500}\bid=")
_HYPERLINK = re.compile(rb"<(?:\w+:)?hyperlink\b([^<>]*)>")
_SHEET_FORMAT = re.compile(rb"<(?:\w+:)?sheetFormatPr\b([^<>]*)>")


_AUTOFILTER = re.compile(
    rb'<(?:\w+:)?autoFilter\b[^>]*?\bref="[A-Z]{1,3}(\d{1,7}):[A-Z]{1,3}(\d{1,7})"'
)


def _folded_rows(xml: bytes, hidden_rows: frozenset[int]) -> frozenset[int]:
    """The hidden rows hidden by the attribute alone (a normal height) that belong to an
    outline group (`outlineLevel` 1 or more) or lie under the header of the sheet's filter."""
    if not hidden_rows:
        return frozenset()
    filtered = range(0)
    if found := _AUTOFILTER.search(xml):
        filtered = range(int(found.group(1)) + 1, int(found.group(2)) + 1)
    folded = set()
    for tag in _TAG[b"row"].finditer(xml):
        found_row = _attributes(tag.group(1))
        number = found_row.get(b"r", b"")
        if not number.isdigit() or int(number) not in hidden_rows:
            continue
        height = found_row.get(b"ht", b"")
        if height and _too_low(height):
            continue
        grouped = (
            found_row.get(b"outlineLevel", b"0").isdigit()
            and int(found_row.get(b"outlineLevel", b"0")) > 0
        )
        if grouped or int(number) in filtered:
            folded.add(int(number))
    return frozenset(folded)


def _row_hidden(attributes: dict[bytes, bytes], zero_height: bool) -> bool:
    """Whether a row is not shown: hidden, under `TINY_POINTS` high, or not marked as of a
    height of its own (`customHeight`) when the sheet's default height is zero
    (`zeroHeight`)."""
    if attributes.get(b"hidden", b"0").lower() in _ON:
        return True
    height = attributes.get(b"ht", b"")
    if height and _too_low(height):
        return True
    return zero_height and attributes.get(b"customHeight", b"0").lower() not in _ON


def _too_low(height: bytes) -> bool:
    """Whether a row height (points) is under `TINY_POINTS`: no line of text shows there."""
    try:
        return float(height) < TINY_POINTS
    except ValueError:
        return False


def _too_narrow(attributes: dict[bytes, bytes]) -> bool:
    """Whether a column is narrower than half a character (`width`, in characters of the
    default font): what it holds cannot be read (a text a little wider runs on into an empty
    cell beside it, as Excel draws it)."""
    try:
        return float(attributes.get(b"width", b"9")) < 0.5
    except ValueError:
        return False


def _notes(archive: zipfile.ZipFile, part: str) -> dict[tuple[int, int], str]:
    """The text of each cell note: the legacy comments part of the worksheet, and Excel 365's
    threaded comments (a thread's replies joined), which a sheet may hold without a legacy
    note beside them."""
    from defusedxml import DefusedXmlException, ElementTree  # type: ignore[import-untyped]

    try:
        targets = relationships(archive, part)
    except (KeyError, zipfile.BadZipFile, OSError, ElementTree.ParseError, DefusedXmlException):
        return {}  # no notes read; the cells are read as ever
    notes: dict[tuple[int, int], str] = {}
    for kind, target in targets.values():
        threaded = kind.endswith("/threadedComment")
        if not (kind.endswith("/comments") or threaded):
            continue
        root = _parsed(archive, target)
        element, text_tag = ("threadedComment", "}text") if threaded else ("comment", "}t")
        for comment in root.iter() if root is not None else ():
            if comment.tag.rpartition("}")[2] != element:
                continue
            position = cell_position(comment.get("ref", ""))
            said = " ".join(
                " ".join(
                    (node.text or "") for node in comment.iter() if node.tag.endswith(text_tag)
                ).split()
            )
            # a legacy note repeats its thread's first words: each is read once
            if position is not None and said and said not in notes.get(position, ""):
                _add_note(notes, position, said)
    return notes


_PAGE_TEXT = re.compile(
    rb"<(?:\w+:)?(?:odd|even|first)(?:Header|Footer)\b[^>]*>([^<]{1,10000})</", re.S
)
_PAGE_CODE = re.compile(r'&(?:"[^"]*"|\d+|[A-Za-z])')
"""A page header's codes: the section (&L &C &R), a font ("&\"Arial,Bold\""), a size (&12),
a field (&P &N &D &T &F &A); "&&" is an ampersand."""


def outside_text(archive: zipfile.ZipFile, part: str) -> list[str]:
    """Text a reader of the worksheet `part` sees outside its cells: the page header and
    footer (shown in print and page layout), each text box or shape of its drawing, and the
    input prompt of a data validation (shown when a cell it covers is selected; read in the
    vendor's voice only, since a buyer's template holds prompts of its own)."""
    try:
        xml = archive.read(part)
        targets = relationships(archive, part)
    except (KeyError, zipfile.BadZipFile, OSError, SyntaxError, ValueError):
        return []  # nothing more read; the cells are read as ever
    found = [_page_text(match.group(1)) for match in _PAGE_TEXT.finditer(xml)]
    found += [text for _where, text in _prompts(xml)]
    for kind, target in targets.values():
        if kind.endswith("/vmlDrawing"):
            found += _vml_texts(archive, target)
        root = _parsed(archive, target) if kind.endswith("/drawing") else None
        for shape in root.iter() if root is not None else ():
            if shape.tag.rpartition("}")[2] == "txBody":
                runs = (node.text or "" for node in shape.iter() if node.tag.endswith("}t"))
                found.append(" ".join("".join(runs).split()))
        if root is not None:
            found += _chart_texts(archive, target)
    return [text for text in found if text]


def _chart_texts(archive: zipfile.ZipFile, drawing: str) -> list[str]:
    """The words of each chart a drawing shows (its title, axis titles and labels, as rich
    text runs): a reader sees them on the sheet."""
    try:
        charts = [t for k, t in relationships(archive, drawing).values() if k.endswith("/chart")]
    except (KeyError, zipfile.BadZipFile, OSError, SyntaxError, ValueError):
        return []
    found = []
    for part in charts[:_MAX_CHARTS]:
        root = _parsed(archive, part)
        runs = (
            [n.text or "" for n in root.iter() if n.tag.endswith("}t")] if root is not None else []
        )
        found.append(" ".join(" ".join(runs).split()))
    return found


_MAX_CHARTS = 100


def _vml_texts(archive: zipfile.ZipFile, part: str) -> list[str]:
    """The text of each shown shape of a legacy (VML) drawing (`_vml_shapes`): a form
    control's label, a text box."""
    found = []
    for body in _vml_shapes(archive, part):
        for _attributes, box in _elements(body, _VML_TEXTBOX):
            text = html.unescape(_TAGS.sub(b" ", box).decode("utf-8", "replace"))
            found.append(" ".join(text.split()))
    return found


def _vml_shapes(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The content of each shape of a legacy (VML) drawing that the sheet shows and that is
    not a note (a note's text is read as its cell's): form controls, labels, text boxes. VML
    is often not well-formed XML, so it is read by its tags (`_elements`)."""
    try:
        xml = archive.read(part)
    except (KeyError, zipfile.BadZipFile, OSError):
        return
    for attributes, body in _elements(xml, _VML_SHAPE):
        kind = _VML_KIND.search(body)
        if _VML_HIDDEN.search(attributes) or (kind and kind.group(1).lower() == b"note"):
            continue
        yield body


_VML_TEXTBOX = re.compile(rb"<(/?)v:textbox\b([^<>]{0,2000})>")
_TAGS = re.compile(rb"<[^<>]{0,2000}>")


_VALIDATION = re.compile(rb"<(?:\w+:)?dataValidation\b([^<>]*)>")


def _prompts(xml: bytes) -> list[tuple[tuple[int, int, int, int], str]]:
    """Each range of the sheet with a data validation's input prompt that Excel shows
    (`showInputMessage`), and the prompt."""
    if b"dataValidation" not in xml:
        return []
    found = []
    for tag in _VALIDATION.finditer(xml):
        attributes = _attributes(tag.group(1))
        if attributes.get(b"showInputMessage", b"0").lower() not in _ON:
            continue
        said = attributes.get(b"prompt", b"")  # its title is a label, not what it says
        text = " ".join(html.unescape(said.decode("utf-8", "replace")).split())
        places = attributes.get(b"sqref", b"")
        if not places:  # Excel 2010's form (`x14:dataValidation`): the range is a child
            child = _CHILD_SQREF.match(xml, tag.end())
            places = child.group(1) if child else b""
        for reference in places.decode("ascii", "replace").split():
            if text and (span := cell_range(reference)):
                found.append((span, text))
    return found


_CHILD_SQREF = re.compile(
    rb"(?:[^<]|(?!</?(?:\w+:)?dataValidation\b)<[^<>]{0,200}>){0,2000}?<(?:\w+:)?sqref>([^<]{0,2000})<"
)
"""The `sqref` element within a validation's first 2,000 characters, before its end or the
next validation: each search stays within its own validation, so a sheet is read in one
pass however many it has."""


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
