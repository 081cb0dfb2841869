"""DOCX specifications (needs the `docx` extra: python-docx).

Paragraphs and table cells become items in document order; a location is `paragraph N` or
`table T row R cell C`, since Word files have no stable line numbers. Content Word shows inside
wrappers (content controls `w:sdt`, `w:customXml`, tracked insertions…) is read too: skipping it
would let a clause hide from the checks, and so is the text of footnotes, endnotes, headers and
footers, which is printed with the document. Where Word shows on opening what the file does
not store as text (a content control bound to XML data, a QUOTE or DOCVARIABLE field Word
updates on opening), that is what is read. Text Word does not show (formatted as hidden,
directly or by a style; under 2 points; in the colour behind it) is kept apart, never read as
the document's text, and reported (SP011), so that a clause nobody sees cannot make a
requirement met. Comments are a reviewer's notes beside the text: reported with the paragraph or
row they are attached to (SP012), never read as the text.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import itertools
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from proccheck import limits
from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.loaders.tables import (
    check_zip,
    entities_problem,
    is_media,
    over_limit,
    resave_hint,
)
from proccheck.text import pieces_shaped_as_a_line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BOUNDARIES = frozenset({"p", "tbl", "tr", "tc"})
"""Elements a walk never looks inside for others: their text is read whole."""
_HIDDEN = frozenset({"del", "moveFrom"})
"""Wrappers of deleted content, which Word does not show as text."""


def _is_text(node: object) -> bool:
    """A `w:t` element (comments, processing instructions and entities have a non-str tag)."""
    tag = getattr(node, "tag", None)
    return isinstance(tag, str) and tag.endswith("}t")


_OFF = frozenset({"0", "false", "off"})


def _switch(properties: Any) -> bool | None:
    """Whether run properties (`w:rPr`) say hidden (`w:vanish`, or `w:specVanish`, which Word
    keeps hidden even when hidden text is shown), or None if they do not say."""
    if properties is None:
        return None
    special = properties.find(f"{_W}specVanish")
    if special is not None and special.get(f"{_W}val", "true").lower() not in _OFF:
        return True
    vanish = properties.find(f"{_W}vanish")
    return None if vanish is None else vanish.get(f"{_W}val", "true").lower() not in _OFF


def _size(properties: Any) -> int | None:
    """The font size set in run properties, in half points, or None if they do not set one."""
    size = properties.find(f"{_W}sz") if properties is not None else None
    half_points = size.get(f"{_W}val", "") if size is not None else ""
    return int(half_points) if half_points.isdigit() else None


def _colour_of(properties: Any) -> str | None:
    """The RGB text colour set in run properties, or None (not set, `auto`, a theme colour
    other than the page's or the text's). A theme colour wins over `w:val` as Word draws it:
    `val="FFFFFF" themeColor="text1"` is black, `val="000000" themeColor="background1"`
    white."""
    colour = properties.find(f"{_W}color") if properties is not None else None
    if colour is None:
        return None
    theme = colour.get(f"{_W}themeColor")
    if (
        theme is not None
        and colour.get(f"{_W}themeShade") is None
        and colour.get(f"{_W}themeTint") is None
    ):
        return _THEME_COLOURS.get(theme)
    return _colour(colour.get(f"{_W}val"))  # a shade or tint of a theme colour: the value drawn


_THEME_COLOURS = {"background1": "FFFFFF", "light1": "FFFFFF", "text1": "000000", "dark1": "000000"}
"""The theme colours of the default Office theme that are the page's white or the text's black."""


def _struck(properties: Any) -> bool | None:
    """Whether run properties strike the text through (`w:strike`, `w:dstrike`), or None if
    they do not say: a reader takes struck text as withdrawn."""
    said = None
    for tag in ("strike", "dstrike"):
        found = properties.find(f"{_W}{tag}") if properties is not None else None
        if found is not None:
            said = said or found.get(f"{_W}val", "true").lower() not in _OFF
    return said


_Own = TypeVar("_Own")


def _squeezed(properties: Any, node: Any) -> bool:
    """Whether a run's own formatting leaves its text unreadable on the page: no fill (Word
    2010's `w14:textFill/w14:noFill`), squeezed under a fifth of its width (`w:w`) or fitted
    into under 2 points a character (`w:fitText`), raised or lowered 50 points or more
    (`w:position`), or a word set in a symbol font that draws pictograms for letters
    (Webdings, Wingdings, Symbol; a lone tick or box glyph is no word). The paragraph's exact
    line height and the row's exact height under 4 points cut its lines off too, and a text
    frame placed off the page (attack round 13, f07)."""
    paragraph = next(node.iterancestors(f"{_W}p"), None)
    spacing = _own_find(paragraph, "pPr", "spacing") if paragraph is not None else None
    if _exact_under(spacing, "lineRule", "line"):
        return True
    frame = _own_find(paragraph, "pPr", "framePr") if paragraph is not None else None
    if frame is not None and any(
        not -_OFF_PAGE < _number(frame.get(f"{_W}{axis}")) < _LARGEST_PAGE for axis in ("x", "y")
    ):
        return True
    row = next(node.iterancestors(f"{_W}tr"), None)
    height = _own_find(row, "trPr", "trHeight") if row is not None else None
    if _exact_under(height, "hRule", "val"):
        return True
    if properties is None:
        return False
    if properties.find(f"{_W14}textFill/{_W14}noFill") is not None:
        return True
    scale = properties.find(f"{_W}w")
    if scale is not None and _number(scale.get(f"{_W}val"), 100) < 20:
        return True
    fitted = properties.find(f"{_W}fitText")
    if fitted is not None and _number(fitted.get(f"{_W}val"), 1e9) < 40 * len(node.text or " "):
        return True
    position = properties.find(f"{_W}position")
    if position is not None and abs(_number(position.get(f"{_W}val"))) >= 100:
        return True
    fonts = properties.find(f"{_W}rFonts")
    if fonts is not None and len(re.findall(r"[^\W\d_]", node.text or "")) >= 3:
        named = {fonts.get(f"{_W}{which}", "").strip().lower() for which in ("ascii", "hAnsi")}
        return bool(named & _PICTOGRAM_FONTS)
    return False


_OFF_PAGE = 5000
"""Twips (3.5 inches) a text frame may stand left of or above its anchor before no line of
it reaches the page."""
_LARGEST_PAGE = 31680
"""Twips (22 inches): the widest and highest page Word makes; a frame placed past it is off
any page."""


def _exact_under(element: Any, rule: str, value: str) -> bool:
    """Whether a line or row height is exact (`rule` "exact") and under 4 points (80 twips)."""
    return (
        element is not None
        and element.get(f"{_W}{rule}") == "exact"
        and _number(element.get(f"{_W}{value}")) < 80
    )


def _number(value: str | None, missing: float = 0) -> float:
    try:
        return float(value) if value is not None else missing
    except ValueError:
        return missing


_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_FORMATTING = (
    "vanish",
    "specVanish",
    "sz",
    "color",
    "strike",
    "dstrike",
    "w",
    "fitText",
    "position",
    "rFonts",
    "trHeight",
)
"""Run and row formatting whose presence makes every run be looked at (`_Hiding.anything`);
an exact line height is looked at only then too."""
_PICTOGRAM_FONTS = frozenset(
    {"webdings", "wingdings", "wingdings 2", "wingdings 3", "symbol", "marlett", "zapfdingbats",
     "zapf dingbats", "mt extra"}
)  # fmt: skip


def _through_bases(own: dict[str, _Own | None], based: dict[str, str]) -> dict[str, _Own]:
    """Each style's value of one property: its own, else the nearest `w:basedOn` style's (a
    loop, or a base that is no style, gives none). Each style is resolved once, so a chain of
    thousands of styles costs its length, not its square."""
    resolved: dict[str, _Own | None] = {}
    for name in own:
        path: list[str] = []
        on_path: set[str] = set()
        current = name
        while current in own and current not in resolved and current not in on_path:
            if own[current] is not None:
                resolved[current] = own[current]
                break
            path.append(current)
            on_path.add(current)
            current = based.get(current, "")
        value = resolved.get(current)
        for step in path:
            resolved[step] = value
    return {name: value for name, value in resolved.items() if value is not None}


@dataclass(frozen=True)
class _Hiding:
    """Which runs Word hides or nobody can see: hidden (`w:vanish`), under 2 points, or in the
    colour behind them, as set on the run, else by its character style, its paragraph's style,
    its table's style (hidden only) or the document's default, each style through its
    `w:basedOn` chain. The first that says anything decides (Word's toggling of styles on
    styles is not modelled)."""

    styles: dict[str, bool]
    default: bool
    anything: bool = True
    """False when nothing in the document or its styles says hidden, and no run or style sets
    a size or a colour: no run is then looked at."""
    page: str = "FFFFFF"
    """The page's colour (`w:background`), which text shows against where nothing is shaded."""
    sizes: dict[str, int] = dataclasses.field(default_factory=dict)
    colours: dict[str, str] = dataclasses.field(default_factory=dict)
    default_size: int | None = None
    default_colour: str | None = None
    struck: dict[str, bool] = dataclasses.field(default_factory=dict)
    """Each style's strikethrough, through its base styles."""
    first_rows: dict[str, tuple[bool, str | None, str | None]] = dataclasses.field(
        default_factory=dict
    )
    """Per table style, what its first-row formatting does to text: hidden, its colour, and the
    row's own fill."""
    plain_tables: frozenset[str] = frozenset()
    """The table styles of the file that shade nothing (no `w:shd` in them or their bases):
    text in their tables shows against the page."""
    everything: bool = False
    """For a part Word never shows (a header no section names, a note nothing refers to): all
    of its text is hidden."""

    @classmethod
    def of(cls, document: Any) -> _Hiding:
        body = document.element.body
        direct = (
            any(body.find(f".//{_W}{name}") is not None for name in _FORMATTING)
            or body.find(f".//{_W14}textFill") is not None
        )
        background = document.element.find(f"{_W}background")
        page = _colour(background.get(f"{_W}color")) if background is not None else None
        try:
            root = document.styles.element
        except Exception:  # no or damaged styles part: Word then uses its own defaults
            return cls({}, False, direct, page or "FFFFFF")
        struck: dict[str, bool | None] = {}
        first_rows: dict[str, tuple[bool, str | None, str | None]] = {}
        shading: dict[str, bool] = {}
        hidden: dict[str, bool | None] = {}
        sizes: dict[str, int | None] = {}
        colours: dict[str, str | None] = {}
        based: dict[str, str] = {}
        for style in root.iterchildren(f"{_W}style"):
            name = style.get(f"{_W}styleId") or ""
            properties = style.find(f"{_W}rPr")
            hidden[name] = _switch(properties)
            struck[name] = _struck(properties)
            if style.get(f"{_W}type") == "table":
                shading[name] = style.find(f".//{_W}shd") is not None
                for conditional in style.iterchildren(f"{_W}tblStylePr"):
                    if conditional.get(f"{_W}type") == "firstRow":
                        rule = conditional.find(f"{_W}rPr")
                        row_fill = conditional.find(f"{_W}tcPr/{_W}shd")
                        fill = _shading(row_fill) if row_fill is not None else None
                        first_rows[name] = (bool(_switch(rule)), _colour_of(rule), fill)
            sizes[name] = _size(properties)
            colours[name] = _colour_of(properties)
            base = style.find(f"{_W}basedOn")
            if base is not None:
                based[name] = base.get(f"{_W}val") or ""
        defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        default = bool(_switch(defaults))
        styles = _through_bases(hidden, based)
        shades = _through_bases({name: shading.get(name) or None for name in hidden}, based)
        struck_styles = _through_bases(struck, based)
        style_sizes, style_colours = _through_bases(sizes, based), _through_bases(colours, based)
        default_size, default_colour = _size(defaults), _colour_of(defaults)
        anything = (
            direct
            or default
            or any(styles.values())
            or bool(style_sizes or style_colours)
            or default_size is not None
            or default_colour is not None
            or any(struck_styles.values())
            or bool(first_rows)
            or bool(shading)
        )
        return cls(
            styles,
            default,
            anything,
            page or "FFFFFF",
            style_sizes,
            style_colours,
            default_size,
            default_colour,
            {name: value for name, value in struck_styles.items() if value},
            first_rows,
            frozenset(name for name in shading if name not in shades),
        )

    def strikes(self, node: Any) -> bool:
        """Whether the text element `node` is struck through (withdrawn): by its run, else by
        its character style, else by its paragraph style."""
        properties, styles = _run_styles(node)
        direct = _struck(properties)
        if direct is not None:
            return direct
        return any(self.struck.get(name) for name in styles if name is not None)

    def hides(self, node: Any) -> bool:
        """Whether the text element `node` is hidden (its run's and paragraph's formatting), or
        cannot be seen: under 2 points high, or in the colour of what is behind it (white on
        white, black on black shading)."""
        if self.everything:
            return True
        properties, (char_style, para_style) = _run_styles(node)
        table = next(node.iterancestors(f"{_W}tbl"), None)
        style = _own_find(table, "tblPr", "tblStyle") if table is not None else None
        table_style = style.get(f"{_W}val") if style is not None else None
        if _squeezed(properties, node) or self._first_row_hides(node, table, table_style):
            return True
        if self._unseen(properties, node, (char_style, para_style, table_style)):
            return True
        if (direct := _switch(properties)) is not None:
            return direct
        if not self.styles:
            return self.default
        for name in (char_style, para_style, table_style):
            if name is not None and (value := self.styles.get(name)) is not None:
                return value
        return self.default

    def _first_row_hides(self, node: Any, table: Any, table_style: str | None) -> bool:
        """Whether the table style's first-row formatting (`w:tblStylePr w:type="firstRow"`,
        applied unless the table's `w:tblLook` turns it off) hides the text of a cell in the
        table's first row, or gives it the colour of what is behind it (the row's fill, else
        the page when the style shades nothing)."""
        rule = self.first_rows.get(table_style or "")
        if rule is None or table is None:
            return False
        look = _own_find(table, "tblPr", "tblLook")
        if look is not None and look.get(f"{_W}firstRow", "1").lower() in _OFF:
            return False
        row = next(node.iterancestors(f"{_W}tr"), None)
        first = next(table.iterchildren(f"{_W}tr"), None)
        if row is None or row is not first:
            return False
        hidden, colour, fill = rule  # white letters on the row's own fill (Word's built-in
        # "Medium Shading" styles) show; against the page only where the style shades nothing
        behind = fill or (self.page if table_style in self.plain_tables else None)
        return hidden or (colour is not None and behind is not None and _alike(colour, behind))

    def _unseen(self, properties: Any, node: Any, styles: tuple[str | None, ...]) -> bool:
        """Under 2 points, or in the colour behind: set on the run, else by its styles, else
        by the document's default."""
        size = self._chosen(_size, properties, "sz", self.sizes, styles, self.default_size)
        if size is not None and size < 4:  # sizes are in half points
            return True
        colour = self._chosen(
            _colour_of, properties, "color", self.colours, styles, self.default_colour
        )
        if colour is None:
            return False
        behind = self._behind(properties, node)
        return behind is not None and _alike(colour, behind)

    @staticmethod
    def _chosen(
        read: Callable[[Any], _Own | None],
        properties: Any,
        tag: str,
        by_style: dict[str, _Own],
        styles: tuple[str | None, ...],
        default: _Own | None,
    ) -> _Own | None:
        """A run's own value of a property when it sets one (`auto` included), else its
        character style's, else its paragraph style's, else its table style's, else the
        default."""
        if properties is not None and properties.find(f"{_W}{tag}") is not None:
            return read(properties)
        for name in styles:
            if name is not None and name in by_style:
                return by_style[name]
        return default

    def _behind(self, properties: Any, node: Any) -> str | None:
        """The colour behind a run: its shading or highlight, else its paragraph's shading,
        else its table cell's, else the page; None when it cannot be told here (shading in a
        theme colour, or a cell of a table whose style may shade it: white text on a
        styled table's header row is seen)."""
        highlight = properties.find(f"{_W}highlight") if properties is not None else None
        if highlight is not None and (named := _HIGHLIGHTS.get(highlight.get(f"{_W}val", ""))):
            return named
        if next(node.iterancestors(f"{_W}txbxContent"), None) is not None:
            return None  # a text box lies on a shape whose fill is drawn, not shaded
        layers = [properties.find(f"{_W}shd") if properties is not None else None]
        paragraph = next(node.iterancestors(f"{_W}p"), None)
        if paragraph is not None:
            layers.append(_own_find(paragraph, "pPr", "shd"))
        cell = next(node.iterancestors(f"{_W}tc"), None)
        if cell is not None:
            layers.append(_own_find(cell, "tcPr", "shd"))
        for shading in layers:
            if shading is None:
                continue
            if fill := _shading(shading):
                return fill
            if shading.get(f"{_W}themeFill") or shading.get(f"{_W}themeColor"):
                return None
        table = next(node.iterancestors(f"{_W}tbl"), None)
        style = _own_find(table, "tblPr", "tblStyle") if table is not None else None
        if style is not None and style.get(f"{_W}val") not in self.plain_tables:
            return None  # a style that may shade the cell, or one not in the file
        return self.page


_HIGHLIGHTS = {"black": "000000", "white": "FFFFFF", "yellow": "FFFF00", "green": "00FF00",
               "cyan": "00FFFF", "magenta": "FF00FF", "blue": "0000FF", "red": "FF0000",
               "darkBlue": "000080", "darkCyan": "008080", "darkGreen": "008000",
               "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
               "darkGray": "808080", "lightGray": "C0C0C0"}  # fmt: skip
"""Word's highlight colours (ECMA-376 ST_HighlightColor) as RGB."""


def _shading(shading: Any) -> str | None:
    """The colour a shading shows: its fill, with its pattern (`w:val`: `solid`, `pct50`…) drawn
    over it in the pattern colour (`w:color`, black when `auto`) mixed in by the pattern's
    share; None when it shows no colour of its own or one that cannot be told here."""
    fill = _colour(shading.get(f"{_W}fill")) or "FFFFFF"
    pattern = shading.get(f"{_W}val", "clear")
    share = 1.0 if pattern == "solid" else _PATTERN_SHARES.get(pattern)
    if share is None or share == 0:
        return _colour(shading.get(f"{_W}fill"))
    value = shading.get(f"{_W}color", "auto")
    ink = _colour(value) or ("000000" if value in ("auto", "", None) else None)
    if ink is None:
        return None
    return "".join(
        f"{round(int(fill[i : i + 2], 16) * (1 - share) + int(ink[i : i + 2], 16) * share):02X}"
        for i in (0, 2, 4)
    )


_PATTERN_SHARES = {"clear": 0.0, "nil": 0.0} | {
    f"pct{number}": number / 100
    for number in (
        5,
        10,
        12,
        15,
        20,
        25,
        30,
        35,
        37,
        40,
        45,
        50,
        55,
        60,
        62,
        65,
        70,
        75,
        80,
        85,
        87,
        90,
        95,
    )
}
"""How much of a percentage pattern's area is drawn in the pattern colour (ECMA-376
ST_Shd); the striped and crossed patterns are not judged."""


def _colour(value: str | None) -> str | None:
    """An RGB colour `RRGGBB` in capitals, or None for `auto`, nothing or anything else."""
    value = (value or "").strip().upper()
    return value if re.fullmatch(r"[0-9A-F]{6}", value) else None


def _alike(one: str, other: str) -> bool:
    """Whether two colours are too close to tell apart (every channel within 24 of 255)."""
    return all(abs(int(one[i : i + 2], 16) - int(other[i : i + 2], 16)) <= 24 for i in (0, 2, 4))


_RUN_BREAKS = {f"{_W}br": " ", f"{_W}cr": " ", f"{_W}tab": " ", f"{_W}noBreakHyphen": "-"}
"""Run content Word shows as a character between two pieces of text: a line break or a tab is
a space between words ("behåller⏎äganderätten" is two words, not one)."""


def _pieces(element: Any) -> Iterator[tuple[Any, str]]:
    """Each text element (`w:t`, and an equation's `m:t`, which Word shows as a line of text:
    attack round 13, f06), symbol (`w:sym`) and break of a paragraph or cell with what it
    shows, in order, leaving out runs inside deleted content (`w:del`, `w:moveFrom`), which
    Word does not show as text even when they hold `w:t` rather than `w:delText`."""
    alternatives = next(element.iter(f"{_MC}AlternateContent"), None) is not None
    for node in element.iter(f"{_W}t", f"{_M}t", f"{_W}sym", *_RUN_BREAKS):
        run = node.getparent()
        holder = run.getparent() if run is not None else None
        if run is None or run.tag not in (f"{_W}r", f"{_M}r"):
            continue  # a tab stop in paragraph properties, not a tab in the text
        if holder is not None and holder is not element and _deleted(holder, element):
            continue
        if alternatives and _in_unshown_alternative(node, element):
            continue
        if node.tag in (f"{_W}t", f"{_M}t"):
            yield node, node.text or ""
        else:
            yield node, _symbol(node) if node.tag == f"{_W}sym" else _RUN_BREAKS[node.tag]


def _symbol(node: Any) -> str:
    """The letter a `w:sym` element draws: its character code in its font (a code in the
    private area F000-F0FF names the font's character at the code's low byte); a pictogram
    font's symbol is no letter."""
    if node.get(f"{_W}font", "").strip().lower() in _PICTOGRAM_FONTS:
        return ""
    try:
        code = int(node.get(f"{_W}char", ""), 16)
    except ValueError:
        return ""
    code = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code
    return chr(code) if 0x20 <= code < 0xD800 or 0xE000 <= code <= 0x10FFFF else ""


def _deleted(node: Any, top: Any) -> bool:
    """Whether `node` or a wrapper around it below `top` is deleted content (a tracked deletion
    around a content control holds its runs a level down)."""
    while node is not None and node is not top:
        if node.tag.rpartition("}")[2] in _HIDDEN:
            return True
        node = node.getparent()
    return False


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _in_unshown_alternative(node: Any, top: Any) -> bool:
    """Whether `node` lies in a version of alternative content that Word does not show (a text
    box's VML fallback beside its drawing), below `top`: `_inside` picks the version shown
    among blocks; inside a run the versions repeat one text box, or differ."""
    for ancestor in node.iterancestors():
        if ancestor is top:
            return False
        parent = ancestor.getparent()
        if parent is not None and parent.tag == f"{_MC}AlternateContent":
            shown = next((c for c in parent.iterchildren() if _shown_choice(c)), None)
            if ancestor is not shown:
                return True
    return False


def _text(element: Any, hiding: _Hiding) -> tuple[str, str, str]:
    """All the text of a paragraph or cell, wrappers and text boxes included: what Word shows,
    what it hides, and what is struck through."""
    if not hiding.anything:
        return "".join(text for _node, text in _pieces(element)).strip(), "", ""
    shown: list[str] = []
    hidden: list[str] = []
    struck: list[str] = []
    for node, text in _pieces(element):
        if text:
            hiding_it = hiding.hides(node)
            (hidden if hiding_it else struck if hiding.strikes(node) else shown).append(text)
    return (
        "".join(shown).strip(),
        " ".join("".join(hidden).split()),
        " ".join("".join(struck).split()),
    )


def _own(element: Any, name: str) -> Any:
    """An element's own properties (`w:pPr` of a paragraph, `w:rPr` of a run, `w:tblPr` of a
    table), or None. Each element's children are searched once while a document is read
    (`_OWN_FOUND`): a paragraph of 300,000 runs is not searched again for each run (round 11),
    and properties after any number of bookmarks are still found (the review of round 11)."""
    key = (element, name)
    found = _OWN_FOUND.get(key, _NOT_LOOKED)
    if found is _NOT_LOOKED:
        found = _OWN_FOUND[key] = element.find(f"{_W}{name}")
    return found


_OWN_FOUND: dict[tuple[Any, str], Any] = {}
"""`_own`'s answers while one document is read, cleared by `read_docx` before and after (the
keys hold the elements, so no element's identity is reused while it is kept); a reader that
adds properties to an element puts them here too (`_hide_shapes`)."""
_NOT_LOOKED = object()


def _own_find(element: Any, name: str, child: str) -> Any:
    """The `child` of an element's own properties (`_own`), or None."""
    properties = _own(element, name)
    return properties.find(f"{_W}{child}") if properties is not None else None


def _run_styles(node: Any) -> tuple[Any, tuple[str | None, str | None]]:
    """The properties of the run holding text element `node`, and its character and
    paragraph styles."""
    run = node.getparent()
    properties = _own(run, "rPr") if run is not None else None
    style = properties.find(f"{_W}rStyle") if properties is not None else None
    char_style = style.get(f"{_W}val") if style is not None else None
    paragraph = next(node.iterancestors(f"{_W}p"), None)
    style = _own_find(paragraph, "pPr", "pStyle") if paragraph is not None else None
    para_style = style.get(f"{_W}val") if style is not None else None
    return properties, (char_style, para_style)


@dataclass(frozen=True)
class Block:
    """One paragraph, heading or table row of a Word document, in document order: its texts (one
    for a paragraph, one per cell for a row) and where it is (`paragraph 4`, `table 2 row 3`)."""

    element: str
    texts: tuple[str, ...]
    hidden: str = ""
    """The text of the block Word hides (formatted as hidden), never read as its text."""
    struck: str = ""
    """The text of the block struck through (withdrawn), never read as its text."""
    heading: bool = False
    table_row: int = 0  # 1 for the first row of a table
    listed: bool = False  # a bulleted or numbered paragraph
    label: str = ""
    """The words of the paragraph's list label, without its number ("UTGÅR" of "UTGÅR %1.")."""
    comments: tuple[str, ...] = ()
    """The Word comments anchored in the block ("author: text"), never read as its text."""
    unread: str = ""
    """Why some of what Word shows here is not read: "line picture" (a picture shaped like a
    line of text, `_line_picture`) or "field" (a field Word updates whose result proccheck
    cannot work out, `_unknown_field`); "" when all is read."""
    drawn: bool = False
    """Text of a chart or SmartArt diagram: read for clauses, never as a requirement (whether
    Word shows the drawing at all is not worked out)."""


def read_docx(path: Path, display: str) -> list[Block]:
    """The paragraphs and table rows of a .docx, refusing zip bombs, unreadable files, files
    with more items than `limits.MAX_SPEC_ITEMS` (counted while reading) and files without
    text."""
    _OWN_FOUND.clear()
    try:
        return _read_docx(path, display)
    finally:
        _OWN_FOUND.clear()


def _read_docx(path: Path, display: str) -> list[Block]:
    """`read_docx`, with `_OWN_FOUND` empty at the start."""
    check_zip(path, display, "document")
    _count_elements(path, display)
    document = _open(path, display)
    if document.element.body.find(".//{*}altChunk") is not None:  # in a cell too
        raise InputError(
            tr("the document includes another file (an altChunk) whose text cannot be read here"),
            path=display,
            hint=tr(
                "open it in Word and save it again as .docx: Word then keeps that content "
                "as ordinary text"
            ),
        )
    hiding = _Hiding.of(document)
    stores = _stores(document, display)
    fields = _Fields.of(document)
    blocks: list[Block] = []
    items = 0  # blocks that become items of the specification (at most; see spec._load_docx)
    parts = [("", document.element.body, hiding)]
    parts += [
        (kind, root, dataclasses.replace(hiding, anything=True, everything=not shown))
        for kind, root, shown in _notes(document, display)
    ]
    comments = _comments(document, display)
    labels = _label_words(document)
    across = _text_width(document.element.body)
    for prefix, root, part_hiding in parts:
        if _show_as_word_does(root, stores, fields):  # a hidden shape's text is hidden now
            part_hiding = dataclasses.replace(part_hiding, anything=True)
        pictures = across if not prefix else None  # a header's band or logo is no clause
        for block in _blocks(root, part_hiding, prefix, comments, labels, pictures):
            blocks.append(block)
            items += (block.table_row > 1 and any(block.texts)) or (
                block.table_row == 0 and not block.heading
            )
            if items > limits.MAX_SPEC_ITEMS:
                raise too_many_items(display)
    for block in _drawing_texts(document, display):
        blocks.append(block)
        items += 1
        if items > limits.MAX_SPEC_ITEMS:
            raise too_many_items(display)
    if comments:  # anchored nowhere (the anchors of the others were taken as they were met)
        blocks.append(Block("comments", ("",), comments=tuple(comments.values())))
    if not any(any(block.texts) for block in blocks):
        if any(block.hidden for block in blocks):
            raise InputError(
                tr("all the text of the Word document is formatted as hidden"),
                path=display,
                hint=tr(
                    "in Word, select all, open Font and clear Hidden, then save and check again"
                ),
            )
        raise InputError(
            tr("the Word document contains no text"),
            path=display,
            hint=tr("add content or remove the file"),
        )
    return blocks


_STORE_OF_PART = {
    "/docProps/core.xml": "{6C3C8BC8-F283-45AE-878A-BAB7291924A1}",
    "/docProps/app.xml": "{6668398D-A668-4E3E-A5EB-62B293D839F1}",
}
"""The store item ids Word gives the document's core and extended properties, which a content
control can be bound to (title, author, company) like a custom XML part."""
_ITEM_ID = re.compile(rb"""itemID\s*=\s*["'](\{[0-9A-Fa-f-]{36}\})["']""")
_SIMPLE_XPATH = re.compile(
    r"(?:/(?:[\w.-]+:)?[\w.-]+(?:\[[1-9]\d{0,4}\])?){1,32}(?:/@(?:[\w.-]+:)?[\w.-]+)?"
)
"""The location paths Word writes for a binding (`/ns0:kontrakt[1]/ns0:klausul[1]`): a
binding in any other form is evaluated by Word but not here (an expression could be costly)."""
_PREFIX = re.compile(r"""xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']""")


def _stores(document: Any, display: str) -> dict[str, _Store]:
    """The XML each content-control binding can name, by store item id (upper case): the
    document's custom XML parts and its core and extended properties. A part that cannot be
    parsed is an InputError, as Word reports the document unreadable."""
    from docx.oxml.parser import parse_xml  # python-docx's parser: no entities, no network

    found: dict[str, _Store] = {}
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        store = _STORE_OF_PART.get(name)
        if store is None and name.startswith("/customXml/item") and "Props" not in name:
            props = [
                rel.target_part.blob
                for rel in part.rels.values()
                if not rel.is_external and rel.reltype.endswith("/customXmlProps")
            ]
            match = _ITEM_ID.search(props[0]) if props else None
            store = match.group(1).decode() if match else None
        if store is not None:
            try:
                found[store.upper()] = _Store(parse_xml(part.blob))
            except Exception as exc:  # lxml raises several types for a damaged part
                raise _unreadable(exc, display) from None
    return found


def _show_as_word_does(root: Any, stores: dict[str, _Store], fields: _Fields) -> bool:
    """Put into `root` what Word shows when it opens the document, where that is not the text
    stored: a content control bound to XML data (`w:dataBinding`) shows the data, a field Word
    updates on opening (see `_Fields`) shows what updating gives, WordArt or a watermark
    shows the words of its text path (`_show_words`), and the text of a shape Word does not
    draw is hidden (`_hide_shapes`; whether there was one is returned)."""
    hid = _hide_shapes(root)
    for node in list(root.iter(f"{_W}dataBinding", f"{_W}fldSimple", f"{_W}fldChar", _TEXTPATH)):
        tag = node.tag.rpartition("}")[2]
        if tag == "textpath":  # WordArt, a watermark: its words are an attribute of the shape
            _show_words(node)
        elif tag == "dataBinding" and stores:
            control = node.getparent().getparent()
            content = control.find(f"{_W}sdtContent") if control is not None else None
            value = _bound_value(node, stores)
            if content is not None and value is not None:
                _replace_text(content, value)
        elif tag == "fldSimple" and fields.updated(node):
            instruction = node.get(f"{_W}instr", "")
            value = fields.value(instruction)
            if value is not None:
                _replace_text(node, value)
            elif _computed(instruction):
                _unknown_field(node)
        elif tag == "fldChar" and node.get(f"{_W}fldCharType") == "begin" and fields.updated(node):
            _update_field(node, fields)
    return hid


_DOC_PROPERTIES = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_VML_SHAPES = tuple(
    f"{{urn:schemas-microsoft-com:vml}}{name}"
    for name in ("shape", "rect", "roundrect", "oval", "line", "polyline", "arc", "group")
)


def _hide_shapes(root: Any) -> bool:
    """Mark as hidden (`w:vanish`) every run of a text box on a shape Word does not draw: a
    drawing whose properties say hidden (the Selection Pane's eye turned off: round 11), a
    VML shape styled `visibility:hidden` or `display:none`. Whether there was one."""
    hidden = []
    for properties in root.iter(_DOC_PROPERTIES):
        if str(properties.get("hidden", "")).lower() in ("1", "true", "on"):
            drawing = next(properties.iterancestors(f"{_W}drawing"), None)
            hidden.append(drawing if drawing is not None else properties.getparent())
    hidden += [
        shape
        for shape in root.iter(*_VML_SHAPES)
        if _VML_HIDDEN.search(str(shape.get("style", "")))
    ]
    for anchor in root.iter(f"{_WP}anchor"):
        paragraph = next(anchor.iterancestors(f"{_W}p"), None)
        if paragraph is not None and _covers_its_paragraph(anchor):
            drawn = set(anchor.iter(f"{_W}r"))
            hidden += [run for run in paragraph.iter(f"{_W}r") if run not in drawn]
    for shape in hidden:
        for run in shape.iter(f"{_W}r"):
            properties = _own(run, "rPr")
            if properties is None:
                properties = _OWN_FOUND[(run, "rPr")] = run.makeelement(f"{_W}rPr", {})
                run.insert(0, properties)
            properties.append(properties.makeelement(f"{_W}vanish", {}))
    return bool(hidden)


def _covers_its_paragraph(anchor: Any) -> bool:
    """Whether a floating shape is laid over the line of the paragraph it is anchored in,
    opaque: in front of the text (not behind it), with no wrapping (the text runs on beneath
    it), placed at the paragraph (within half an inch of it) and where its line starts, at
    least a line high and most of a line wide, filled with a solid colour that is not
    see-through (attack round 13, f08: a white rectangle over K1; a callout beside a short
    line covers nothing of it)."""
    if str(anchor.get("behindDoc", "0")).lower() in ("1", "true", "on"):
        return False
    if anchor.find(f"{_WP}wrapNone") is None:
        return False
    vertical = anchor.find(f"{_WP}positionV")
    offset = vertical.find(f"{_WP}posOffset") if vertical is not None else None
    if vertical is None or vertical.get("relativeFrom") not in ("paragraph", "line"):
        return False
    if offset is None or abs(_number(offset.text, 1e9)) > 450_000:  # EMU: half an inch
        return False
    across = anchor.find(f"{_WP}positionH")
    start = across.find(f"{_WP}posOffset") if across is not None else None
    if across is None or start is None:  # aligned (left, centre…): where it lands is not known
        return False
    reach = 1_400_000 if across.get("relativeFrom") == "page" else 450_000  # the margin, or not
    if across.get("relativeFrom") not in ("column", "margin", "page", "character"):
        return False
    if not -450_000 <= _number(start.text, 1e9) <= reach:  # it starts where the line starts
        return False
    extent = anchor.find(f"{_WP}extent")
    if (
        extent is None
        or _number(extent.get("cy")) < 120_000
        or _number(extent.get("cx")) < 2_500_000
    ):
        return False
    fill = next(anchor.iter("{*}spPr"), None)  # a shape's (wps:) or a picture's (pic:)
    solid = fill.find(f"{_A}solidFill") if fill is not None else None
    if solid is None:
        return False
    alpha = next(solid.iter(f"{_A}alpha"), None)
    return alpha is None or _number(alpha.get("val"), 100_000) >= 95_000


_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"
_VML_HIDDEN = re.compile(r"visibility\s*:\s*hidden|display\s*:\s*none", re.IGNORECASE)
_UNKNOWN_FIELD = "{urn:proccheck}unknown-field"
"""Set on a paragraph holding a field Word updates whose result is not worked out here."""


def _show_words(textpath: Any) -> None:
    """The words a VML text path draws (`string`: a watermark's "UTKAST", WordArt) put as a
    run after the drawing's run, so the paragraph reads them as Word shows them."""
    words = " ".join(str(textpath.get("string", "")).split())
    run = next((a for a in textpath.iterancestors(f"{_W}r")), None)
    shape = textpath.getparent()
    style = str(shape.get("style", "")) if shape is not None else ""
    off = str(textpath.get("on", "t")).lower() in ("f", "false", "0")
    if not words or run is None or off or _VML_HIDDEN.search(style):
        return
    added = run.makeelement(f"{_W}r", {})
    properties = _own(run, "rPr")
    if properties is not None:  # hidden as its drawing's run is (`w:vanish`)
        added.append(copy.deepcopy(properties))
    text = added.makeelement(f"{_W}t", {})
    text.text = f" {words} "
    added.append(text)
    run.addnext(added)


@dataclass(frozen=True)
class _Fields:
    """The fields Word updates when it opens the document, and what that gives. Word updates a
    field marked dirty (`w:dirty`), and every field when the settings ask for it
    (`w:updateFields`: Word asks first, and a reader who says yes sees the updated text). Of
    the field codes, only those whose result the document itself holds are worked out: a
    QUOTE of a text, a DOCVARIABLE (the variables are in the settings, `w:docVars`), a
    DOCPROPERTY of a custom property and an IF of two written values; another whose result is
    text (`_COMPUTED_FIELDS`) marks its paragraph as unread (`_unknown_field`)."""

    variables: dict[str, str]
    update_all: bool
    properties: dict[str, str] = dataclasses.field(default_factory=dict)
    """The document's custom properties by name (casefolded), for DOCPROPERTY."""

    @classmethod
    def of(cls, document: Any) -> _Fields:
        try:
            settings = document.settings.element
        except Exception:  # no settings part python-docx can read: only dirty fields update
            return cls({}, False)
        variables = {
            str(node.get(f"{_W}name", "")).casefold(): str(node.get(f"{_W}val", ""))
            for node in settings.iter(f"{_W}docVar")
        }
        return cls(variables, _on(settings.find(f"{_W}updateFields")), _properties(document))

    def updated(self, field: Any) -> bool:
        return self.update_all or _on_attr(field, "dirty")

    def value(self, instruction: str) -> str | None:
        """What updating the field gives, or None where this reader cannot tell (Word then
        shows a result this reader keeps as stored)."""
        match = _QUOTE_FIELD.fullmatch(instruction)
        if match:
            return match.group(1)
        match = _IF_FIELD.fullmatch(instruction)
        if match:
            return _if_result(match)
        match = _VARIABLE_FIELD.fullmatch(instruction)
        if match is None:
            return None
        named = match.group(2).casefold()
        return (self.variables if match.group(1).upper() == "DOCVARIABLE" else self.properties).get(
            named
        )


def _on_attr(element: Any, name: str) -> bool:
    return element.get(f"{_W}{name}", "false").lower() not in _OFF


def _bound_value(binding: Any, stores: dict[str, _Store]) -> str | None:
    """The text a binding names in its store, or None where Word keeps the control's text (no
    such store, nothing at that place) or the path is not one this reader evaluates."""
    store = stores.get(binding.get(f"{_W}storeItemID", "").upper())
    xpath = binding.get(f"{_W}xpath", "").replace(" ", "")
    if store is None or not _SIMPLE_XPATH.fullmatch(xpath):
        return None
    namespaces = dict(_PREFIX.findall(binding.get(f"{_W}prefixMappings", "")))
    return store.find(xpath, namespaces)


class _Store:
    """One store's XML, with each element's children by name kept once asked for: a location
    path is then followed in one lookup a step, however many controls name places in it."""

    def __init__(self, root: Any) -> None:
        self._root = root
        self._children: dict[tuple[int, str], list[Any]] = {}

    def find(self, xpath: str, namespaces: dict[str, str]) -> str | None:
        steps = xpath.split("/")[1:]
        attribute = steps.pop()[1:] if steps[-1].startswith("@") else None
        parent = None
        for step in steps:
            name, _, position = step.partition("[")
            tag = self._qualified(name, namespaces)
            if tag is None:
                return None  # an undeclared prefix: Word finds nothing there either
            among = [self._root] if parent is None else self._named(parent, tag)
            index = int(position.rstrip("]") or 1) - 1
            matching = [node for node in among if node.tag == tag] if parent is None else among
            if index >= len(matching):
                return None
            parent = matching[index]
        if parent is None:
            return None
        if attribute is None:
            return "".join(parent.itertext())
        key = self._qualified(attribute, namespaces)
        value = parent.get(key) if key else None
        return None if value is None else str(value)

    @staticmethod
    def _qualified(name: str, namespaces: dict[str, str]) -> str | None:
        """`prefix:local` as lxml names it (`{namespace}local`), a name without a prefix as
        itself (no namespace), or None for an undeclared prefix."""
        prefix, _, local = name.rpartition(":")
        if not prefix:
            return local
        return f"{{{namespaces[prefix]}}}{local}" if prefix in namespaces else None

    def _named(self, parent: Any, tag: str) -> list[Any]:
        key = (id(parent), tag)
        found = self._children.get(key)
        if found is None:
            found = self._children[key] = [c for c in parent.iterchildren() if c.tag == tag]
        return found


_QUOTE_FIELD = re.compile(r'\s*QUOTE\s+"([^"]*)"\s*(?:\\\*\s*\w+\s*)*', re.IGNORECASE)
_VARIABLE_FIELD = re.compile(
    r'\s*(DOCVARIABLE|DOCPROPERTY)\s+"?([^"\s\\]+)"?\s*(?:\\\*\s*\w+\s*)*', re.IGNORECASE
)


_OPERAND = r'(?:"([^"]*)"|([^\s"=<>]+))'
_IF_FIELD = re.compile(
    r"\s*IF\s+" + _OPERAND + r"\s*(=|<>|<=|>=|<|>)\s*" + _OPERAND
    + r'\s+"([^"]*)"(?:\s+"([^"]*)")?\s*(?:\\\*\s*\w+\s*)*',
    re.IGNORECASE,
)  # fmt: skip
"""An IF field comparing two values written in it (`IF 1 = 1 "…" "…"`): its result is known
without Word (a field nested in it would come first, and is left to Word)."""


_NUMBER = re.compile(r"-?\d{1,15}(?:[.,]\d{1,15})?")


def _order(left: str, right: str) -> int | None:
    """-1, 0 or 1 as `left` comes before, equals or comes after `right`: as numbers where both
    are, as text where neither is; None where Word's own rules apply (a number against text,
    wildcards) and are not worked out here."""
    numbers = [float(v.replace(",", ".")) for v in (left, right) if _NUMBER.fullmatch(v)]
    if len(numbers) == 2:
        return (numbers[0] > numbers[1]) - (numbers[0] < numbers[1])
    if numbers or "*" in right or "?" in right:
        return None
    return (left > right) - (left < right)


def _if_result(match: re.Match[str]) -> str | None:
    """What an IF field of two written values shows: its first text when the comparison
    holds (as numbers where both are, else as text), else its second (or nothing)."""
    left = match.group(1) if match.group(1) is not None else match.group(2)
    right = match.group(4) if match.group(4) is not None else match.group(5)
    order = _order(left, right)
    if order is None:
        return None
    holds = {
        "=": order == 0,
        "<>": order != 0,
        "<": order < 0,
        ">": order > 0,
        "<=": order <= 0,
        ">=": order >= 0,
    }[match.group(3)]
    return match.group(6) if holds else match.group(7) or ""


def _properties(document: Any) -> dict[str, str]:
    """The custom document properties (`docProps/custom.xml`) by name, casefolded: what a
    DOCPROPERTY field shows when Word updates it."""
    from docx.oxml.parser import parse_xml  # python-docx's parser: no entities, no network

    found: dict[str, str] = {}
    for part in document.part.package.iter_parts():
        if not str(part.content_type).endswith("custom-properties+xml"):
            continue
        root = None
        with contextlib.suppress(Exception):  # a damaged part: Word shows no property from it
            root = parse_xml(part.blob)
        for node in itertools.islice(root.iterchildren() if root is not None else (), 1000):
            if name := str(node.get("name", "")).casefold():
                found[name] = "".join(node.itertext())
    return found


def _update_field(begin: Any, fields: _Fields) -> None:
    """A complex field (`w:fldChar` begin … separate … end) Word updates: where this reader
    can tell what updating gives (`_Fields.value`), its result runs are made to show it."""
    run = begin.getparent()
    if run is None:
        return
    instruction: list[str] = []
    result: list[Any] = []
    stage = "instruction"
    end = None
    for sibling in run.itersiblings():
        kind = next((c.get(f"{_W}fldCharType") for c in sibling.iter(f"{_W}fldChar")), None)
        if kind == "begin":  # a nested field: its result is worked out by Word, not here
            if _computed("".join(instruction)):
                _unknown_field(run)
            return
        if kind == "separate":
            stage = "result"
        elif kind == "end":
            end = sibling
            break
        elif stage == "instruction":
            instruction += [node.text or "" for node in sibling.iter(f"{_W}instrText")]
        else:
            result.append(sibling)
    value = fields.value("".join(instruction))
    texts = [node for element in result for node in element.iter(f"{_W}t")]
    if value is None or (not texts and end is None):  # not known, or its end is elsewhere
        if _computed("".join(instruction)):
            _unknown_field(run)
        return
    if not texts and end is not None:  # no result stored yet: Word writes one before the end
        added = end.makeelement(f"{_W}r", {})
        texts = [added.makeelement(f"{_W}t", {})]
        added.append(texts[0])
        end.addprevious(added)
    _fill(texts, value)


_COMPUTED_FIELDS = frozenset(
    {"IF", "QUOTE", "DOCVARIABLE", "DOCPROPERTY", "COMMENTS", "SUBJECT", "TITLE", "AUTHOR",
     "KEYWORDS", "MERGEFIELD", "FILLIN", "ASK", "INCLUDETEXT", "AUTOTEXT", "AUTOTEXTLIST",
     "DATABASE", "LINK", "REF", "SET", "MACROBUTTON", "USERNAME", "LASTSAVEDBY", "FILENAME"}
)  # fmt: skip
"""Field codes whose result is text the document or its properties hold, which an update can
make any words: PAGE, DATE or TOC cannot."""


def _computed(instruction: str) -> bool:
    """Whether a field's code (its first word) is one of `_COMPUTED_FIELDS`."""
    words = instruction.split(None, 1)
    return bool(words) and words[0].upper() in _COMPUTED_FIELDS


def _unknown_field(element: Any) -> None:
    """Mark the paragraph holding `element`: a field there shows what proccheck cannot work out
    once Word updates it, so no requirement of the document is taken as met."""
    paragraph = next(element.iterancestors(f"{_W}p"), None)
    if paragraph is not None:
        paragraph.set(_UNKNOWN_FIELD, "1")


def _replace_text(holder: Any, value: str) -> None:
    """Make the runs below `holder` show `value`: in its first text element, the others
    emptied (a control with no run gets one, in its first paragraph if it holds any)."""
    texts = list(holder.iter(f"{_W}t"))
    if not texts:
        paragraph = next(holder.iter(f"{_W}p"), holder)
        run = paragraph.makeelement(f"{_W}r", {})
        texts = [run.makeelement(f"{_W}t", {})]
        run.append(texts[0])
        paragraph.append(run)
    _fill(texts, value)


def _fill(texts: list[Any], value: str) -> None:
    """`value` into the first text element, the others emptied."""
    texts[0].text = value
    for node in texts[1:]:
        node.text = ""


def _list_level(paragraph: Any) -> tuple[str, str]:
    """The list (numId) and level (ilvl) a paragraph's own numbering puts it at."""
    number = _own_find(paragraph, "pPr", "numPr")
    if number is None:
        return ("", "")
    list_id, level = number.find(f"{_W}numId"), number.find(f"{_W}ilvl")
    return (
        list_id.get(f"{_W}val", "") if list_id is not None else "",
        level.get(f"{_W}val", "0") if level is not None else "0",
    )


def _label_words(document: Any) -> dict[tuple[str, str], str]:
    """For each (list, level) whose label holds words beside its number ("UTGÅR %1.",
    "Krav %1"), those words: Word shows them before the paragraph's text."""
    try:
        numbering = document.part.numbering_part.element
    except Exception:  # no numbering part, or one python-docx cannot read: no labels
        return {}
    levels: dict[str, dict[str, str]] = {}
    for abstract in numbering.findall(f"{_W}abstractNum"):
        levels[abstract.get(f"{_W}abstractNumId", "")] = _level_words(abstract)
    found: dict[tuple[str, str], str] = {}
    for number in numbering.findall(f"{_W}num"):
        list_id = number.get(f"{_W}numId", "")
        abstract = number.find(f"{_W}abstractNumId")
        words = dict(levels.get(abstract.get(f"{_W}val", "") if abstract is not None else "", {}))
        for override in number.findall(f"{_W}lvlOverride"):
            words.update(_level_words(override))
        found.update({(list_id, level): text for level, text in words.items() if text})
    return found


def _level_words(parent: Any) -> dict[str, str]:
    words = {}
    for level in parent.findall(f"{_W}lvl"):
        label = level.find(f"{_W}lvlText")
        text = label.get(f"{_W}val", "") if label is not None else ""
        words[level.get(f"{_W}ilvl", "0")] = " ".join(re.sub(r"%\d", " ", text).split())[:200]
    return words


def _blocks(
    root: Any,
    hiding: _Hiding,
    prefix: str,
    comments: dict[str, str],
    labels: dict[tuple[str, str], str] | None = None,
    across: float | None = None,
) -> Iterator[Block]:
    """The paragraphs and table rows below `root` (the body, or a note, header or footer part),
    each named by its place (`paragraph 4`, `footer table 1 row 2`). The comments anchored in a
    block are taken out of `comments` into it. What is not read is marked (`Block.unread`):
    fields whose result is not known, and, with `across` (the width the text runs, in points),
    pictures shaped like a line of text below the body's first two paragraphs (where a
    letterhead's band stands)."""
    paragraph_number = 0
    table_number = 0
    for tag, child in _inside(root, {"p", "tbl"}):
        if tag == "p":
            anchored = _anchored(child, comments) if comments else ()
            paragraph_number += 1
            text, hidden, struck = _text(child, hiding)
            unread = _unread(child, across if paragraph_number > 2 else None)
            if not text and not hidden and not struck and not anchored and not unread:
                continue
            style = child.find(".//{*}pStyle")
            style_name = style.get(f"{_W}val", "") if style is not None else ""
            heading = style_name.lower().startswith(("heading", "rubrik")) and not prefix
            listed = child.find(".//{*}numPr") is not None or "list" in style_name.lower()
            element = f"{prefix}paragraph {paragraph_number}"
            label = labels.get(_list_level(child), "") if labels and listed else ""
            yield Block(
                element,
                (text,),
                hidden,
                struck=struck,
                heading=heading,
                listed=listed,
                comments=anchored,
                label=label,
                unread=unread,
            )
        else:
            table_number += 1
            for row_number, (_tag, row) in enumerate(_inside(child, {"tr"}), start=1):
                read = [_text(cell, hiding) for _tag, cell in _inside(row, {"tc"})]
                cells = tuple(shown for shown, _, _ in read)
                hidden = " … ".join(text for _, text, _ in read if text)
                struck = " … ".join(text for _, _, text in read if text)
                element = f"{prefix}table {table_number} row {row_number}"
                on_row = _anchored(row, comments) if comments else ()
                yield Block(
                    element,
                    cells,
                    hidden,
                    struck,
                    table_row=row_number,
                    comments=on_row,
                    unread=_unread(row, across),
                )


_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
_EMU_PER_POINT = 12700


def _unread(element: Any, across: float | None) -> str:
    """Why some of what Word shows in a paragraph or row is not read (`Block.unread`)."""
    if (
        element.get(_UNKNOWN_FIELD) is not None
        or element.find(f".//*[@{_UNKNOWN_FIELD}]") is not None
    ):
        return "field"
    return "line picture" if across is not None and _line_picture(element, across) else ""


def _line_picture(element: Any, across: float) -> bool:
    """Whether `element` holds a picture shaped like a line of text, or pictures side by side
    that are pieces of one (`text.pieces_shaped_as_a_line`): Word shows them among the text,
    and proccheck reads no picture."""
    sizes = []
    for drawing in element.iter(f"{_W}drawing"):  # DrawingML, inline or anchored
        extent = next(drawing.iter(f"{_WP}extent"), None)
        if extent is None or next(drawing.iter(_PICTURE), None) is None:
            continue
        try:
            sizes.append(
                (
                    int(extent.get("cx", "0")) / _EMU_PER_POINT,
                    int(extent.get("cy", "0")) / _EMU_PER_POINT,
                )
            )
        except ValueError:  # a damaged size: Word shows no picture
            continue
    for picture in element.iter(_IMAGEDATA):  # a VML picture: its shape's style gives its size
        shape = picture.getparent()
        size = _vml_size(str(shape.get("style", ""))) if shape is not None else None
        if size is not None:
            sizes.append(size)
    return pieces_shaped_as_a_line(sizes, across)


_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_VML_LENGTH = re.compile(
    r"(?i)(?:^|;)\s*(width|height)\s*:\s*([0-9]*\.?[0-9]+)\s*(pt|in|cm|mm|pc|px)?"
)
_POINTS_PER = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pc": 12.0, "px": 0.75}


def _vml_size(style: str) -> tuple[float, float] | None:
    """A VML shape's width and height in points, from its CSS-like style ("width:420pt;
    height:14pt"; a number without a unit is in pixels), or None where either is missing or
    the shape is hidden."""
    if _VML_HIDDEN.search(style):
        return None
    found = {
        name.lower(): float(number) * _POINTS_PER[(unit or "px").lower()]
        for name, number, unit in _VML_LENGTH.findall(style)
    }
    return (found["width"], found["height"]) if len(found) == 2 else None


def _text_width(body: Any) -> float:
    """How wide the text of the document's last section runs, in points: its page width less
    its margins (twentieths of a point), else an A4 page's with Word's margins."""
    section = body.find(f"{_W}sectPr")
    size = section.find(f"{_W}pgSz") if section is not None else None
    margins = section.find(f"{_W}pgMar") if section is not None else None
    try:
        width = int(size.get(f"{_W}w")) if size is not None else 11906
        left = int(margins.get(f"{_W}left", 1417)) if margins is not None else 1417
        right = int(margins.get(f"{_W}right", 1417)) if margins is not None else 1417
    except (TypeError, ValueError):  # a damaged size: an A4 page's
        return 451.0
    return max(width - left - right, 1440) / 20


def _anchored(element: Any, comments: dict[str, str]) -> tuple[str, ...]:
    """The comments whose start or reference mark lies in `element`, taken out of `comments`
    (a comment spanning several paragraphs stands at its first)."""
    found = []
    for mark in element.iter(f"{_W}commentRangeStart", f"{_W}commentReference"):
        text = comments.pop(mark.get(f"{_W}id", ""), None)
        if text is not None:
            found.append(text)
    return tuple(found)


def _comments(document: Any, display: str) -> dict[str, str]:
    """The document's Word comments by id, each as "author: text" (a reviewer's notes: Word
    shows them beside the text, and they are reported apart, never read as the document's
    text). A comments part that cannot be parsed is an InputError."""
    from docx.oxml.parser import parse_xml  # python-docx's parser: no entities, no network

    found: dict[str, str] = {}
    for part in document.part.package.iter_parts():
        if not str(part.content_type).endswith("wordprocessingml.comments+xml"):
            continue
        try:
            root = parse_xml(part.blob)
        except Exception as exc:  # lxml raises several types for a damaged part
            raise _unreadable(exc, display) from None
        for comment in root.iterchildren(f"{_W}comment"):
            text = " ".join(
                "".join(node.text or "" for node in comment.iter() if _is_text(node)).split()
            )
            if not text:
                continue
            author = " ".join(str(comment.get(f"{_W}author", "")).split())
            found[str(comment.get(f"{_W}id", len(found)))] = f"{author}: {text}" if author else text
            if len(found) > limits.MAX_SPEC_ITEMS:
                raise too_many_items(display)
    return found


_NOTE_PARTS = {
    "footnotes": "footnote ",
    "endnotes": "endnote ",
    "header": "header {n} ",
    "footer": "footer {n} ",
}
"""The parts besides the body whose text is printed with the document (the last word of their
content type, `…wordprocessingml.footer+xml`), and how their places are named. Comments are
a reviewer's notes, not the document's text: they are reported apart (`_comments`)."""


def _notes(document: Any, display: str) -> Iterator[tuple[str, Any, bool]]:
    """The root element of each footnote, endnote, header and footer part, with the prefix
    of its places, in the package's order (`header 1 `, `footnote `), and whether Word shows
    it: a header or footer no section shows, and the notes nothing refers to (moved to a root
    of their own), are not shown, so their text is hidden text. A part that cannot be parsed
    is an InputError (its text would otherwise go unread)."""
    shown = _shown_page_parts(document)
    referenced = {
        (reference.tag.rpartition("}")[2].removesuffix("Reference"), reference.get(f"{_W}id"))
        for reference in document.element.body.iter(
            f"{_W}footnoteReference", f"{_W}endnoteReference"
        )
    }

    def note_kind(content_type: str) -> str | None:
        kind = content_type.rpartition(".")[2]
        return kind if kind in _NOTE_PARTS else None

    for kind, number, part, root in _parts(document, display, note_kind):
        prefix = _NOTE_PARTS[kind].format(n=number)
        if kind in ("header", "footer"):  # an even-page header with even pages off, or one
            yield prefix, root, part in shown  # no section names, is never printed
            continue
        unread = root.makeelement(root.tag, {})
        for note in list(root.iterchildren(f"{_W}footnote", f"{_W}endnote")):
            own = (note.tag.rpartition("}")[2], note.get(f"{_W}id"))
            if note.get(f"{_W}type") is None and own not in referenced:
                unread.append(note)  # a note nothing in the text refers to is never printed
        yield prefix, root, True
        if len(unread):
            yield prefix, unread, False


_DRAWING_PARTS = {"drawingml.chart": "chart", "drawingml.diagramData": "diagram"}
"""The parts whose text Word draws among the document's (a chart's title and labels, a
SmartArt diagram's shapes), by content type, and how places in them are named."""
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _drawing_texts(document: Any, display: str) -> Iterator[Block]:
    """Each paragraph of text in the document's charts and SmartArt diagrams (`a:p`), as a
    block of its own (`chart 1 paragraph 2`): Word shows it, python-docx reads none of it."""

    def drawing_kind(content_type: str) -> str | None:
        return _DRAWING_PARTS.get(content_type.rpartition("officedocument.")[2])

    for kind, count, _part, root in _parts(document, display, drawing_kind):
        for number, paragraph in enumerate(root.iter(f"{_A}p"), start=1):
            text = " ".join("".join(t.text or "" for t in paragraph.iter(f"{_A}t")).split())
            if text:
                yield Block(f"{kind} {count} paragraph {number}", (text,), drawn=True)


def _parts(
    document: Any, display: str, kind_of: Callable[[str], str | None]
) -> Iterator[tuple[str, int, Any, Any]]:
    """Each part of the package whose content type (without "+xml") `kind_of` names a kind:
    the kind, its number among that kind's parts, the part and its parsed root. A part that
    cannot be parsed is an InputError (its text would otherwise go unread)."""
    from docx.oxml.parser import parse_xml  # python-docx's parser: no entities, no network

    counts: dict[str, int] = {}
    for part in document.part.package.iter_parts():
        kind = kind_of(str(part.content_type).removesuffix("+xml"))
        if kind is None:
            continue
        counts[kind] = counts.get(kind, 0) + 1
        try:
            root = parse_xml(part.blob)
        except Exception as exc:  # lxml raises several types for a damaged part
            raise _unreadable(exc, display) from None
        yield kind, counts[kind], part, root


def _on(element: Any) -> bool:
    """Whether an on/off element is present and not turned off (`w:val="0"`)."""
    return element is not None and element.get(f"{_W}val", "true").lower() not in _OFF


def _shown_page_parts(document: Any) -> list[Any]:
    """The header and footer parts Word shows: each section's default ones, its first-page
    ones when the section has a distinct first page (`w:titlePg`), and its even-page ones when
    the document has distinct odd and even pages (`w:evenAndOddHeaders`)."""
    try:
        even = _on(document.settings.element.find(f"{_W}evenAndOddHeaders"))
    except Exception:  # no settings part python-docx can read: no distinct even pages
        even = False
    shown = []
    for section in document.element.body.iter(f"{_W}sectPr"):
        first = _on(section.find(f"{_W}titlePg"))
        for reference in section.iterchildren(f"{_W}headerReference", f"{_W}footerReference"):
            kind = reference.get(f"{_W}type", "default")
            if kind == "default" or (kind == "first" and first) or (kind == "even" and even):
                related = document.part.rels.get(reference.get(f"{_R}id"))
                if related is not None and not related.is_external:
                    shown.append(related.target_part)
    return shown


def _inside(parent: Any, kinds: set[str]) -> Iterator[tuple[str, Any]]:
    """The elements named in `kinds` below `parent`, in document order, looking through the
    wrappers Word shows the content of (content controls, custom XML, tracked insertions, the
    first choice of alternative content), but not into deleted content or properties
    (`w:sdtPr`, `w:tblPr`)."""
    for child in parent.iterchildren():
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        tag = child.tag.rpartition("}")[2]
        if tag in kinds:
            yield tag, child
        elif tag == "AlternateContent":  # one version is shown; the others repeat it
            shown = next((c for c in child.iterchildren() if _shown_choice(c)), None)
            if shown is not None:
                yield from _inside(shown, kinds)
        elif tag not in _BOUNDARIES and tag not in _HIDDEN and not tag.endswith("Pr"):
            yield from _inside(child, kinds)


_KNOWN_NAMESPACES = (
    "http://schemas.microsoft.com/office/",
    "http://schemas.openxmlformats.org/",
    "urn:schemas-microsoft-com:",
)
"""Where the namespaces Word understands live: a choice of alternative content that requires
any other is skipped by Word, which shows the next choice or the fallback (ECMA-376 Part 3)."""


def _shown_choice(element: Any) -> bool:
    """Whether Word shows this child of `mc:AlternateContent`: the first `mc:Choice` whose
    required namespaces it knows, else `mc:Fallback`."""
    if not isinstance(element.tag, str):
        return False
    if element.tag.rpartition("}")[2] != "Choice":
        return True
    required = (element.get("Requires") or "").split()
    return all(
        (element.nsmap.get(prefix) or "").startswith(_KNOWN_NAMESPACES) for prefix in required
    )


def too_many_items(display: str) -> InputError:
    """The refusal of a specification with more items than `limits.MAX_SPEC_ITEMS`, raised as
    it is read (200,000 one-word paragraphs took 3.9 s and 394 MB to read in full first)."""
    return InputError(
        tr(
            "more than {limit:,} paragraphs, list items and table rows",
            limit=limits.MAX_SPEC_ITEMS,
        ),
        path=display,
        hint=tr(
            "split the document, or raise PROCCHECK_MAX_SPEC_ITEMS if it is genuine (a "
            "requirement specification rarely has more than a few thousand)"
        ),
    )


def _count_elements(path: Path, display: str) -> None:
    """Refuse a document with more XML elements than `limits.MAX_DOCX_ELEMENTS`, counted from
    the tags of its parts before python-docx parses them: each element costs memory and time
    whatever it holds (5 million empty paragraphs took 8.8 s and 700 MB)."""
    elements = 0
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir() or is_media(archive, info):
                continue
            xml = archive.read(info)
            elements += xml.count(b"<") - xml.count(b"</") - xml.count(b"<?") - xml.count(b"<!")
            if elements > limits.MAX_DOCX_ELEMENTS:
                message = tr(
                    "the document has more than {limit:,} XML elements",
                    limit=limits.MAX_DOCX_ELEMENTS,
                )
                raise over_limit(message, display, "MAX_DOCX_ELEMENTS", info.filename, matrix=False)


def _open(path: Path, display: str) -> Any:
    """The python-docx document, or an InputError that says in words what is wrong."""
    try:
        from docx.opc.constants import CONTENT_TYPE
        from docx.package import Package
    except ImportError:
        raise InputError(
            tr("reading .docx needs the docx extra"),
            path=display,
            hint=tr("pip install 'proccheck[docx]', or save the document as .txt or .md"),
        ) from None
    try:
        part = Package.open(str(path)).main_document_part
        kind = str(part.content_type)
        if kind == CONTENT_TYPE.WML_DOCUMENT_MAIN:
            return part.document
    except Exception as exc:  # python-docx/lxml raise many types for broken files
        raise _unreadable(exc, display) from None
    if "template" in kind.lower() or "macroenabled" in kind.lower():
        raise InputError(
            tr("the file is a Word template or a document with macros, not a plain Word document"),
            path=display,
            hint=tr(
                "in Word, choose Save As and the type Word Document (*.docx), then check that file"
            ),
        )
    raise InputError(
        tr("the file is not a Word document (it may be another Office file renamed .docx)"),
        path=display,
        hint=resave_hint("document"),
    )


def _unreadable(exc: Exception, display: str) -> InputError:
    """The error for a document python-docx could not open, in words an officer understands."""
    detail = str(exc)
    if isinstance(exc, KeyError):
        named = re.search(r"'([^']{1,200})'", detail)
        return InputError(
            tr("the document is incomplete: a part it refers to is missing or has no type"),
            path=display,
            where=named.group(1) if named else None,
            hint=resave_hint("document"),
        )
    position = getattr(exc, "position", None)
    where = f"{position[0]}:{position[1]}" if isinstance(position, tuple) else None
    if type(exc).__name__ == "XMLSyntaxError":
        if "depth" in detail:
            problem = tr("the document's XML is nested deeper than Word ever writes it")
        elif "entit" in detail:
            problem = entities_problem()
        elif "limit" in detail:
            problem = tr("the document holds a text or tag far longer than Word ever writes")
        else:
            problem = tr("the XML inside the file is damaged")
        return InputError(problem, path=display, where=where, hint=resave_hint("document"))
    damaged = isinstance(exc, (zipfile.BadZipFile, ValueError))
    return InputError(
        tr("not a readable Word document ({problem})", problem=type(exc).__name__),
        path=display,
        hint=resave_hint("document") if damaged else None,
    )
