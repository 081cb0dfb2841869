"""PDF specifications: the text layer of each page, read with pypdf, as lines that remember their
page and line, cleaned of what the page layout adds to the text.

- Lines repeated at the top or bottom of at least half the pages (running headers and footers,
  "Sida 3 av 12"; digits do not count when comparing) and lone page numbers are dropped; a
  repeated line that is a sentence (a page number beside it aside) is kept once.
- A bookmark (outline item) whose title is a sentence is read after the first page's text: a
  viewer shows the bookmarks beside the pages.
- Text no reader sees (render mode 3 or 7, white fill, under 1.5 points, outside the page) is
  left out of the lines and returned apart, to be reported.
- A word hyphenated at a line end is joined again ("informations-" + "säkerhet"), except before
  a conjunction ("data- och informationssäkerhet"); after a capital the hyphen stays ("IT-system").
- Bullets in fonts' private-use characters and dashes at a line start become `•` items.
- Table-of-contents lines ("3.2 Export ........ 12") are dropped.
- A short line that ends a sentence ends its paragraph, since the text layer has no blank lines.
- Text is read in the order of the page's content stream (pypdf's plain mode), which for Word
  and LibreOffice exports reads a multi-column page column by column; strings drawn on one line
  from right to left (a letter at a time from the end) are put back in reading order, and a
  gap of at least 0.15 em inside a `TJ` array parts two words as a space does.

A PDF without a text layer (a scan), an encrypted or malformed one, and PDF bombs (too many
pages, too much text, streams that decompress beyond `limits.MAX_PDF_STREAM_BYTES`, reading
that takes longer than `limits.MAX_PDF_SECONDS`, a page whose content is too large to read in
that time) are refused with an `InputError`. The deadline is checked before every operator of a
page, inside form XObjects too, not only between pages: one page can draw the same form many
times, and pypdf parses the form again each time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import itertools
import logging
import math
import re
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from proccheck import limits
from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.text import a_piece_of_a_line, pieces_shaped_as_a_line, shaped_as_a_line

_EDGE = 3
"""How many lines at the top and at the bottom of a page can be a running header or footer."""

_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:(?:sida|sid|page|p|s)\.?\s*)?\d{1,4}(?:\s*(?:\(\s*\d{1,4}\s*\)|(?:av|of|/)\s*\d{1,4}))?[\W_]*$",
    re.IGNORECASE,
)
_TOC_LINE = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$")
_HYPHENATED = re.compile(r"[^\W\d_][-\u00ad\u2010]$")
_KEEP_HYPHEN = frozenset(
    {"och", "eller", "samt", "resp", "respektive", "till", "som", "and", "or", "to", "nor"}
)
_BULLET = re.compile(
    r"^[\u2022\u2023\u25aa\u25ab\u25a0\u25cf\u25e6\u2043\u2219\u2013\u2014\uf0a7\uf0b7\uf076\uf0d8](?=\s)"
)
"""Bullets as PDFs carry them (Word's Symbol and Wingdings bullets come out in the private use
area): read as `•`, which starts an item as in a text file."""
_SENTENCE_END = re.compile(r"[.!?:;]['\")\]]?$")

_CONTENT_BYTES_PER_SECOND = 512 * 1024
"""How many bytes of content one page may have per second of `limits.MAX_PDF_SECONDS` (4 MiB
at the default 8 s), counting its content streams and each form XObject every time it is drawn.
A text page has 3-30 KB of content, a vector map or drawing 1-5 MB; the deadline, checked
before every operator, stops a page that is slow to read before its budget is spent."""

_PARSE_BYTES_PER_SECOND = 512 * 1024
"""How fast pypdf parses content at the least on a slow machine (hostile one-byte operators and
long hex strings; text is faster). A stream is parsed in one step the deadline cannot interrupt,
so one that would not be parsed by the deadline at this rate is not begun."""


@dataclass(frozen=True)
class PdfLine:
    """One line of a page's text: `page` and `line` count from 1 (`line` among the lines of the
    page's extracted text, headers included). `text` None marks a paragraph break."""

    text: str | None
    page: int
    line: int
    height: float | None = None


class PdfRead(NamedTuple):
    """What `read_pdf` finds in a PDF, each apart from the text with its page number."""

    lines: list[PdfLine]
    hidden: list[tuple[int, str]]
    """Text the pages draw so that no reader sees it."""
    notes: list[tuple[int, str]]
    """Comments (sticky notes, strike-out notes) on the pages."""
    struck: list[tuple[int, str]]
    """Text struck out (a line through it, a strike-out annotation): withdrawn."""
    unread: list[tuple[int, str]]
    """Pages with content that is not read, and why (`PageText.unread`, or "scan": a
    picture without text; "cover" for such a first page of several, most likely a cover)."""


def read_pdf(path: Path, display: str) -> PdfRead:
    """The cleaned text lines of a PDF in reading order, with paragraph breaks; and apart from
    them, what its pages hide, their comments, what is struck out and what is not read."""
    pages = extract_pages(path, display)
    lines = clean_pages(pages)
    if not any(line.text and _LETTER.search(line.text) for line in lines):
        raise _without_text(pages, display)
    numbered = list(enumerate(pages, 1))
    unread = [(number, why) for number, page in numbered for why in page.unread]
    unread += [
        (number, "cover" if number == 1 and len(pages) > 1 else "scan")
        for number, page in numbered
        if page.picture and not _LETTER.search(" ".join(page.lines))
    ]
    return PdfRead(
        lines,
        hidden=[(number, text) for number, page in numbered for text in page.hidden],
        notes=[(number, note) for number, page in numbered for note in page.notes],
        struck=[(number, text) for number, page in numbered for text in page.struck],
        unread=sorted(unread),
    )


_LETTER = re.compile(r"[^\W\d_]")


def _without_text(pages: list[PageText], display: str) -> InputError:
    """The refusal of a PDF with no text left to check, saying why: its text was all page
    furniture (the same page 1,900 times), its content could not be decoded, or it is a scan."""
    if any(_LETTER.search(line) for page in pages for line in page.lines):
        return InputError(
            tr(
                "the PDF's text is only lines repeated on every page (running headers and "
                "footers), page numbers and contents lines: nothing is left to check"
            ),
            path=display,
            hint=tr("save the original document as .docx or .txt and check that file"),
        )
    if any(page.undecoded for page in pages):
        return InputError(
            tr("not a readable PDF: the content of its pages cannot be decoded"),
            path=display,
            where=f"p{next(n for n, page in enumerate(pages, start=1) if page.undecoded)}",
            hint=_resave_hint(),
        )
    if all(page.contentless for page in pages):
        return InputError(
            tr("not a readable PDF: its pages have no content (blank, or damaged)"),
            path=display,
            hint=_resave_hint(),
        )
    return InputError(
        tr("scanned PDF: there is no text layer to read"),
        path=display,
        hint=tr(
            "run OCR on it first (for example `ocrmypdf in.pdf out.pdf`), or save the "
            "original document as .docx"
        ),
    )


@dataclass(frozen=True)
class PageText:
    """A page's extracted text as lines, and the height on the page (PDF units from the bottom)
    where each line starts, where pypdf tells it."""

    lines: list[str]
    heights: list[float | None]
    undecoded: bool = False
    """The page has content that decodes to nothing (damaged, or garbage behind a filter):
    pypdf reads it as an empty page, which is not a scan."""
    contentless: bool = False
    """The page has no content at all (blank, or damaged so that pypdf lost it: round 11, a
    page dictionary nested 100,000 arrays deep), which is not a scan either."""
    hidden: tuple[str, ...] = ()
    """Text the page draws so that no reader sees it (see `_Ink`), left out of `lines`."""
    picture: bool = False
    """An image covers at least 40 % of the page (with little text shown: a scanned page)."""
    notes: tuple[str, ...] = ()
    """The page's comments (sticky notes), not part of its text."""
    struck: tuple[str, ...] = ()
    """Text a line drawn through it, or a strike-out annotation, withdraws: left out of
    `lines`."""
    unread: tuple[str, ...] = ()
    """Why some of what the page shows is not read: "font" (its letters read as other text
    than they show), "annotation" (an annotation draws text or a picture on the page),
    "pattern" (a pattern that draws text fills a shape), "line picture" (a picture shaped like
    a line of text among the text, or pieces of one: `_line_pictures`)."""


class _Stop(BaseException):
    """Ends pypdf's text extraction from inside: a BaseException, because pypdf catches every
    Exception raised while it reads a form XObject and goes on with the next one."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        """`time` (the deadline passed) or `content` (the page's content budget is spent)."""


class _PageWork:
    """The work allowed for one page's text, checked from pypdf's operator callbacks: the
    deadline before every operator (of the page and of the forms it draws), and the bytes pypdf
    will parse (the page's content, then each form every time it is drawn) before it parses them.
    The forms' resource dictionaries are followed on a stack, as pypdf follows them, so that a
    `Do` is charged for the form it draws."""

    def __init__(self, page: Any, deadline: float, budget: int) -> None:
        self.deadline = deadline
        self.budget = budget
        self.used = 0
        self.resources: list[Any] = [_resources(page)]
        if time.monotonic() > deadline:
            raise _Stop("time")
        self._charge(_content_length(page))

    def _charge(self, size: int) -> None:
        self.used += size
        if self.used > self.budget:
            raise _Stop("content")
        if time.monotonic() + size / _PARSE_BYTES_PER_SECOND > self.deadline:
            raise _Stop("time")

    def before(self, operator: bytes, operands: Any, *_: object) -> None:
        if time.monotonic() > self.deadline:
            raise _Stop("time")
        if operator == b"Do":
            form = _form(self.resources[-1], operands)
            resources = _resources(form) if form is not None else None
            self.resources.append(resources)
            if resources:  # pypdf does not read a form without resources: it has no font
                self._charge(_stream_length(form))

    def after(self, operator: bytes, *_: object) -> None:
        if operator == b"Do" and len(self.resources) > 1:
            self.resources.pop()


def _resources(obj: Any) -> Any:
    """The /Resources of a page or form (inherited from a parent as pypdf does), None if none."""
    try:
        if hasattr(obj, "get_inherited"):
            found = obj.get_inherited("/Resources", None)
        else:
            found = obj.get("/Resources")
        found = found.get_object() if found is not None else None
    except Exception:  # a broken or cyclic dictionary: pypdf reads no text from it either
        return None
    return found if isinstance(found, dict) and found else None


def _form(resources: Any, operands: Any) -> Any:
    """The form XObject a `Do` with these operands draws, None for an image or nothing."""
    from pypdf.generic import StreamObject

    try:
        xobjects = resources["/XObject"].get_object() if resources else None
        target = xobjects[operands[0]].get_object() if xobjects and operands else None
    except Exception:  # pypdf fails on it the same way and skips it
        return None
    if not isinstance(target, StreamObject) or target.get("/Subtype") == "/Image":
        return None
    return target


def _stream_length(stream: Any) -> int:
    """The decoded length of a stream (pypdf keeps the decoded data for its own reading)."""
    try:
        return len(stream.get_data())
    except Exception as exc:  # a decompression bomb is refused as one; others pypdf skips
        if type(exc).__name__ == "LimitReachedError":
            raise
        return 0


def _undecoded(page: Any) -> bool:
    """Whether a page's content streams hold data but decode to nothing."""
    from pypdf.generic import StreamObject

    try:
        parts, _joined = _content_parts(page)
    except Exception:  # content pypdf cannot find: nothing to decode
        return False
    return any(
        isinstance(part, StreamObject) and part._data and not _stream_length(part) for part in parts
    )


def _content_length(page: Any) -> int:
    """The decoded length of a page's content: its stream, or the streams of its array."""
    from pypdf.generic import StreamObject

    parts, joined = _content_parts(page)
    lengths = [_stream_length(p) if isinstance(p, StreamObject) else 0 for p in parts]
    return sum(lengths) + (len(lengths) if joined else 0)  # pypdf joins an array's by newlines


def _content_parts(page: Any) -> tuple[list[Any], bool]:
    """A page's content objects (its stream, or the objects of its array) and whether they
    come from an array; none when the page has no content."""
    from pypdf.generic import ArrayObject, StreamObject

    try:
        contents = page["/Contents"].get_object()
    except (AttributeError, KeyError):  # no content: pypdf reads no text either
        return [], False
    if isinstance(contents, StreamObject):
        return [contents], False
    if isinstance(contents, ArrayObject):
        return [part.get_object() for part in contents], True
    return [], False


class _State(NamedTuple):
    """The parts of the graphics state that decide whether text shows (saved by `q`, restored
    by `Q`)."""

    render: int = 0
    fill: tuple[float, ...] | None = (0.0,)
    """The fill colour as grey, RGB or CMYK; white (1.0,) for a spot colour at tint 0 (no ink);
    None when it cannot be judged (a pattern, an indexed or spot colour with ink)."""
    space: str = "device"
    """The fill colour space: `device` (grey, RGB, CMYK or ICC-based), `tint` (Separation or
    DeviceN), `none` (the Separation named /None, which paints nothing) or `other`."""
    alpha: float = 1.0
    """The fill opacity (ExtGState /ca)."""
    opaque: bool = True
    """Whether a fill covers what is beneath: full opacity, no blend mode, no soft mask."""
    clip: Rect | None = None
    """The box around the clipping path on the page."""
    shapes: tuple[Shape, ...] = ()
    """The clipping paths that are not one rectangle (the last four, each of at most 64
    points): a point outside any of them is not shown."""
    masked: bool = False
    """A soft mask (ExtGState /SMask) decides what shows, which is not worked out here."""
    scale: float = 100.0
    """The text's horizontal scaling in per cent (`Tz`)."""
    spacing: float = 0.0
    """The space added after each character, in unscaled text units (`Tc`)."""
    rise: float = 0.0
    """How far the text is raised from its baseline (`Ts`)."""
    palette: tuple[int, bytes] | None = None
    """The Indexed fill space's components a colour and palette (`_Ink._palette`), if the fill
    space is one."""
    tint: Tint | None = None
    """The device colour a spot colour's tint becomes (`_Ink._tint`), if the fill space is a
    Separation whose tint transform is worked out here."""


class _Ink:
    """How the page draws its text, followed through pypdf's operator callbacks. Text no
    reader of the PDF sees: drawn invisibly (render mode 3, or 7 which only clips), with no
    ink (opacity 0, the colourant /None), in white on the white page, under 1.5 points high,
    outside the page's visible box (its crop box) or its clipping rectangle (a form's box
    too), in optional content (a layer) that is off, under a soft mask, squeezed (`Tz`) or
    run together (`Tc`) past reading, in the colour of the box drawn beneath it, or covered
    afterwards by an opaque filled box or image. Text a line or thin bar drawn through its
    middle strikes out is withdrawn (`struck`). What is drawn in a font whose letters read as
    other text than they show is not read (`unread`)."""

    def __init__(self, page: Any, resources: Callable[[], Any], off_groups: frozenset[int]):
        self.states: list[_State] = [_State()]
        self.resources = resources
        self.off_groups = off_groups
        self.marked: list[bool] = []  # per open marked-content sequence: inside an off layer
        self.forms: list[int] = []  # per form being drawn: the marked depth it started at
        self.depths: list[int] = []  # per form being drawn: the state depth it started at
        self.draws: list[list[Any] | None] = []
        """Per `Do` being drawn: for a form, [in an off layer, matrix to the page, started].
        A form starts with its first operator: pypdf hands over the text before the `Do`
        after announcing the `Do`."""
        self.bases: list[list[float]] = []
        """Per form being drawn, the matrix from its space to the page's: pypdf reads a form
        with a matrix of its own that starts anew, so its positions are the form's."""
        self.path: list[Rect] = []  # rectangles of the path
        self.path_other = False  # the path has segments other than rectangles
        self.curved = False  # the path has curves
        self.clipping = False  # W or W* seen: the path ends as the new clip
        self.even_odd = False  # the clip is W* (even-odd), not W (nonzero)
        self.outline: list[list[tuple[float, float]]] | None = []
        """The path's points, per subpath, on the page (None: more than 64 of them), a curve's
        control points among them: what a clip keeps is judged by them."""
        self.drawn: list[list[tuple[float, float]]] | None = []
        """The path's points as a fill draws it, per subpath, each curve followed along four
        points on it (None: more than `_MAX_SHAPE_POINTS` of them)."""
        self.boxes: list[tuple[Rect, tuple[float, ...] | None]] = []
        """Filled boxes and images, in drawing order, with their colour (None: not known)."""
        self.segments: list[tuple[float, float, float, float]] = []  # lines: x0, y0, x1, y1
        self.point: tuple[float, float] | None = None  # where the path's pen is
        self.extent: Rect | None = None  # around the path's points (curves: control points)
        self.struck: set[int] = set()  # chunks a line drawn through their middle strikes out
        self.unread: set[str] = set()  # why some of the page cannot be read: "font"
        self.lying = _lying_fonts(resources())
        self.size = 0.0
        self.sized = False  # a `Tf` has set the size (a size of 0 then draws nothing)
        self.pieces: list[str] = []
        """The strings shown unseen since pypdf last handed over text: it hands over a text
        object's strings together, so a white word between black ones is found by its own."""
        self.shown: list[Chunk] = []
        """Per chunk of text shown: its index, where it starts, its height and about how wide
        it is (half its height a character)."""
        self.rows: dict[int, list[Chunk]] = {}  # `shown` by the band of the page it starts in
        self.tallest = 0.0  # the highest chunk shown
        self.covered: set[int] = set()  # chunks a box drawn later covers
        self.comparisons = 0
        self.picture = False  # an image covers at least 40 % of the visible page
        self.pictures: list[Rect] = []  # where each image is drawn
        try:
            media, crop = page.mediabox, page.cropbox
            self.box = (
                max(float(media.left), float(crop.left)),
                max(float(media.bottom), float(crop.bottom)),
                min(float(media.right), float(crop.right)),
                min(float(media.top), float(crop.top)),
            )
        except Exception:  # a damaged or missing box: no text is taken to be off the page
            self.box = (-math.inf, -math.inf, math.inf, math.inf)

    def on_page(self, cm: Any) -> Any:
        """pypdf's current matrix as the page's (see `bases`)."""
        return _compose(cm, self.bases[-1]) if self.bases and cm is not None else cm

    def before(self, operator: bytes, operands: Any, cm: Any = None, tm: Any = None) -> None:
        if self.draws and self.draws[-1] is not None and not self.draws[-1][2]:
            off, base, _started, box = self.draws[-1]
            self.draws[-1][2] = True
            self.forms.append(len(self.marked))
            self.marked.append(off)
            self.bases.append(base)
            self.depths.append(len(self.states))  # what the form leaves open ends with it
            state = self.states[-1]  # the form's box clips what it draws
            self.states.append(_clipped(state, box) if box is not None else state)
        state = self.states[-1]
        cm = self.on_page(cm)
        if operator in _SHOWS and operands:
            if cm is not None and tm is not None and self.seen_at(cm, tm, self.size) is None:
                self.pieces.append(_shown_string(operands[-1]))
        elif operator == b"Tf" and len(operands) > 1:
            with contextlib.suppress(TypeError, ValueError):
                self.size, self.sized = float(operands[1]), True
            if operands[0] in self.lying:
                self.unread.add("font")
        elif operator in (b"Tz", b"Tc", b"Ts") and operands:
            with contextlib.suppress(TypeError, ValueError):
                value = float(operands[0])
                self.states[-1] = (
                    state._replace(scale=value)
                    if operator == b"Tz"
                    else state._replace(spacing=value)
                    if operator == b"Tc"
                    else state._replace(rise=value)
                )
        elif operator == b"q":
            self.states.append(state)
        elif operator == b"Q" and len(self.states) > (self.depths[-1] + 1 if self.depths else 1):
            self.states.pop()
        elif operator == b"Tr" and operands:
            with contextlib.suppress(TypeError, ValueError):
                self.states[-1] = state._replace(render=int(operands[0]))
        elif operator in (b"g", b"rg", b"k"):
            self.states[-1] = state._replace(space="device", fill=_colour(operands), palette=None)
        elif operator == b"cs" and operands:
            space = self._space(operands[0])
            palette = self._palette(operands[0]) if space == "other" else None
            tint = self._tint(operands[0]) if space == "tint" else None
            if palette is not None:  # colour 0 of the palette, until `sc` says another
                space, fill = "device", _from_palette(palette, (0,))
            elif tint is not None:  # full ink (tint 1), until `sc` says another
                space, fill = "device", _through(tint, (1.0,))
            else:
                fill = (0.0,) if space == "device" else None
            self.states[-1] = state._replace(space=space, fill=fill, palette=palette, tint=tint)
        elif operator in (b"sc", b"scn"):
            if state.palette:
                fill = _from_palette(state.palette, operands)
            elif state.tint:
                fill = _through(state.tint, operands)
            elif state.space == "pattern":
                fill = self._pattern_colour(operands[-1] if operands else None)
            else:
                fill = _fill(state.space, operands)
            self.states[-1] = state._replace(fill=fill)
        elif operator == b"gs" and operands:
            self.states[-1] = self._graphics_state(state, operands[0])
        elif operator in (b"BDC", b"BMC"):
            hidden = operator == b"BDC" and len(operands) > 1 and operands[0] == "/OC"
            self.marked.append(hidden and self._layer_off(operands[1]))
        elif operator == b"EMC" and len(self.marked) > (self.forms[-1] if self.forms else 0):
            self.marked.pop()
        elif operator == b"Do":
            self.draws.append(self._draw(operands[0], cm) if operands and cm else None)
        elif operator == b"sh" and operands and cm is not None and state.alpha >= 0.95:
            area = self._shaded(operands[0], cm, state.clip)
            if area is not None and len(self.boxes) < _MAX_BOXES:
                self.boxes.append((area, None))
            if area is not None and state.opaque:
                self._cover(area)
        elif operator == b"re" and len(operands) == 4 and cm is not None:
            with contextlib.suppress(TypeError, ValueError, IndexError):
                x, y, w, h = (float(value) for value in operands)
                self.path.append(_bounds(cm, (x, y, x + w, y + h)))
                corners = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
                on_page = [_apply(cm, *corner) for corner in corners]
                self._outline(on_page, start=True)
                self._follow(on_page, start=True)
                self.point = on_page[0]
        elif operator in (b"m", b"l") and len(operands) == 2 and cm is not None:
            self.path_other = True
            with contextlib.suppress(TypeError, ValueError):
                point = _apply(cm, float(operands[0]), float(operands[1]))
                if operator == b"l" and self.point is not None and len(self.segments) < 100:
                    self.segments.append((*self.point, *point))
                self.point = point
                self._extend([point])
                self._outline([point], start=operator == b"m")
                self._follow([point], start=operator == b"m")
        elif operator in (b"c", b"v", b"y", b"h"):
            self.path_other = True
            if cm is not None and len(operands) in (4, 6):  # a curve stays within its points
                with contextlib.suppress(TypeError, ValueError):
                    values = [float(value) for value in operands]
                    points = [
                        _apply(cm, values[i], values[i + 1]) for i in range(0, len(values), 2)
                    ]
                    self._extend(points)
                    self._outline(points, start=False)
                    start = self.point or points[0]
                    if operator == b"v":
                        points = [start, *points]
                    elif operator == b"y":
                        points = [*points, points[-1]]
                    self._follow(_along_curve(start, *points), start=False)
                    self.point = points[-1]
        elif operator in (b"W", b"W*"):
            self.clipping, self.even_odd = True, operator == b"W*"
        elif operator in _FILLS or operator in (b"n", b"S", b"s"):
            if operator in _FILLS:
                self._filled(state, even_odd=operator.endswith(b"*"))
            if operator in _STROKES:
                for x0, y0, x1, y1 in self.segments:
                    if abs(y0 - y1) <= 1:
                        self._strike(min(x0, x1), max(x0, x1), (y0 + y1) / 2)
            if self.clipping:
                self._clip(state)
            self.path, self.path_other, self.clipping = [], False, False
            self.segments, self.point, self.extent, self.outline = [], None, None, []
            self.drawn = []

    def after(self, operator: bytes, *_: object) -> None:
        if operator == b"Do" and self.draws:
            drawn = self.draws.pop()
            if drawn is not None and drawn[2]:
                del self.marked[self.forms.pop() :]
                self.bases.pop()
                del self.states[max(1, self.depths.pop()) :]

    def _filled(self, state: _State, even_odd: bool = False) -> None:
        """A filled path: its boxes are what text drawn later shows against, and, if opaque,
        cover the text shown before them; a thin bar through a line's middle strikes it out.
        An opaque shape of straight lines covers the text whose start and middle lie inside it
        (round 12: a white polygon over a line)."""
        if state.space == "none" or state.alpha < _CLEAR:
            return
        if self.path_other and self.drawn and state.opaque:
            self._cover_shape((even_odd, tuple(tuple(points) for points in self.drawn)))
        if len(self.path) != 1 or self.path_other:
            return  # a frame (two boxes, one inside the other) or a shape: not judged
        colour = state.fill if state.opaque and state.space == "device" else None
        if len(self.boxes) < _MAX_BOXES:
            self.boxes.append((self.path[0], colour))
        if not state.opaque:
            return
        for rect in self.path:
            left, bottom, right, top = rect
            if top - bottom < 3:
                self._strike(left, right, (bottom + top) / 2)
            else:
                self._cover(rect)

    def _cover_shape(self, shape: Shape) -> None:
        """The chunks of text shown before an opaque shape whose start and middle it holds.
        Only a chunk within the box around the shape is tested against its points, and each
        such test counts as that many comparisons (a logo of many shapes away from the text
        costs one comparison a chunk, and cannot use up the page's budget)."""
        points = [point for part in shape[1] for point in part]
        if not points:
            return
        left, right = min(x for x, _ in points), max(x for x, _ in points)
        bottom, top = min(y for _, y in points), max(y for _, y in points)
        inside = [
            (chunk, x, y, height, width)
            for chunk, x, y, height, width in self._between(bottom, top)
            if left <= x <= right and bottom <= y <= top
        ]
        if not inside or not self._within_budget(len(inside) * 2 * len(points)):
            return
        for chunk, x, y, height, width in inside:
            inner = y + height / 3
            if _inside(shape, x + height / 4, inner) and _inside(shape, x + width / 2, inner):
                self.covered.add(chunk)

    def add_shown(self, chunk: Chunk) -> None:
        """Keep a chunk of text shown, by the band of the page it starts in (`_between`)."""
        self.shown.append(chunk)
        _number, _x, y, height, _width = chunk
        if y == y:  # NaN: where it is is not known, and nothing is taken to cover it
            self.rows.setdefault(math.floor(y / _BAND), []).append(chunk)
            self.tallest = max(self.tallest, height if height == height else 0.0)

    def _between(self, bottom: float, top: float) -> list[Chunk]:
        """The chunks shown that start between heights `bottom` and `top` (and a band more
        each way), each counted against the page's budget: a box drawn far from the text
        costs nothing (the review of round 13: a map of 8,000 shapes beside 300 labels)."""
        if not bottom <= top or not self.rows:  # NaN or an empty box
            return []
        low, high = math.floor(bottom / _BAND) - 1, math.floor(top / _BAND) + 1
        if high - low > len(self.rows):
            found = [c for band, chunks in self.rows.items() if low <= band <= high for c in chunks]
        else:
            found = [c for band in range(low, high + 1) for c in self.rows.get(band, ())]
        return found if self._within_budget(len(found)) else []

    def _within_budget(self, comparisons: int) -> bool:
        """Count `comparisons` against the page's budget; past it, what is drawn over the text
        is not worked out, and the page is not read ("drawing") rather than taken as shown."""
        self.comparisons += comparisons
        if self.comparisons > _MAX_COMPARISONS:
            self.unread.add("drawing")
            return False
        return True

    def _cover(self, rect: Rect) -> None:
        """The chunks of text shown before an opaque box or image drawn over them."""
        left, bottom, right, top = rect
        for chunk, x, y, height, width in self._between(bottom, top):
            if bottom <= y and y + height / 2 <= top and _spans(left, right, x, width, height):
                self.covered.add(chunk)

    def _strike(self, left: float, right: float, at: float) -> None:
        """The chunks of text a horizontal line from `left` to `right` at height `at` runs
        through: between a sixth and three fifths of the way up from the baseline (an
        underline runs below it, a table's rule above the letters), over a letter's width."""
        for chunk, x, y, height, width in self._between(at - 0.6 * self.tallest, at):
            if y + height / 6 <= at <= y + height * 0.6 and _spans(left, right, x, width, height):
                self.struck.add(chunk)

    def _clip(self, state: _State) -> None:
        """A new clipping path, taken as the box around its rectangles and points (a curve
        stays within its control points): what lies outside it is surely not shown."""
        for rect in self.path:
            self._extend([(rect[0], rect[1]), (rect[2], rect[3])])
        if self.extent is None:
            return
        state = _clipped(state, self.extent)
        if self.outline and (len(self.outline) > 1 or self.path_other):
            shape = (self.even_odd, tuple(tuple(points) for points in self.outline))
            state = state._replace(shapes=(*state.shapes[-3:], shape))
        self.states[-1] = state

    def _outline(self, points: list[tuple[float, float]], start: bool) -> None:
        """Add `points` to the path's outline, as a new subpath if `start` (a path of more
        than 64 points is judged by its box alone)."""
        if self.outline is not None:
            if sum(len(subpath) for subpath in self.outline) + len(points) > 64:
                self.outline = None
            elif start or not self.outline:
                self.outline.append(list(points))
            else:
                self.outline[-1] += points

    def _follow(self, points: list[tuple[float, float]], start: bool) -> None:
        """Add `points` to what a fill draws (`drawn`), as a new subpath if `start`."""
        if self.drawn is None:
            return
        if sum(len(subpath) for subpath in self.drawn) + len(points) > _MAX_SHAPE_POINTS:
            self.drawn = None
        elif start or not self.drawn:
            self.drawn.append(list(points))
        else:
            self.drawn[-1] += points

    def _extend(self, points: list[tuple[float, float]]) -> None:
        """Widen `extent` to hold `points` (bounds, not a list: a path may have a million)."""
        xs, ys = [x for x, _ in points], [y for _, y in points]
        if self.extent is not None:
            xs += [self.extent[0], self.extent[2]]
            ys += [self.extent[1], self.extent[3]]
        self.extent = (min(xs), min(ys), max(xs), max(ys))

    def _space(self, name: Any) -> str:
        """The kind of colour space `cs` selects (see `_State.space`)."""
        if str(name).lstrip("/") in _DEVICE_SPACES:
            return "device"
        if str(name) == "/Pattern":
            return "pattern"
        try:
            space = self.resources()["/ColorSpace"].get_object()[name].get_object()
            family = space[0] if isinstance(space, list) else space
            if family == "/ICCBased" and int(space[1].get_object().get("/N", 0)) in (1, 3, 4):
                return "device"
            if family == "/Separation":
                return "none" if space[1] == "/None" else "tint"
            if family == "/DeviceN":
                names = space[1].get_object()
                return "none" if all(part == "/None" for part in names) else "tint"
            if family == "/Lab":
                return "lab"
            if family == "/Pattern":
                return "pattern"
        except Exception:  # a missing or damaged colour space: its colour is not judged
            return "other"
        return "other"

    def _pattern_colour(self, name: Any) -> tuple[float, ...] | None:
        """The one colour a shading pattern paints, where its shading's function is
        exponential (type 2) in a device space from one colour to the same: a text filled
        with a pattern that is white everywhere is white (attack round 13, f14). Other
        patterns: None, not judged."""
        with contextlib.suppress(Exception):  # a missing or damaged pattern: not judged
            pattern = self.resources()["/Pattern"].get_object()[name].get_object()
            shading = pattern["/Shading"].get_object()
            function = shading["/Function"].get_object()
            space = str(shading["/ColorSpace"]).lstrip("/")
            if pattern["/PatternType"] != 2 or space not in _DEVICE_SPACES:
                return None
            if function["/FunctionType"] != 2:
                return None
            start = tuple(float(v) for v in function.get("/C0", [0.0]))
            end = tuple(float(v) for v in function.get("/C1", [1.0]))
            if len(start) == len(end) and len(start) in (1, 3, 4) and _alike(start, end):
                return start
        return None

    def _tint(self, name: Any) -> Tint | None:
        """A Separation (or one-colourant DeviceN) space's tint transform where it is an
        exponential function (type 2) into a device space: the colours at tint 0 and 1 and the
        exponent. A spot colour named 'White' whose transform gives white at every tint draws
        nothing a reader sees (attack round 12, f17). Other transforms: None, not judged."""
        with contextlib.suppress(Exception):  # a missing or damaged space: not judged
            space = self.resources()["/ColorSpace"].get_object()[name].get_object()
            names = space[1].get_object()
            if space[0] == "/DeviceN" and len(names) != 1:
                return None
            alternate, function = space[2].get_object(), space[3].get_object()
            if str(alternate).lstrip("/") not in _DEVICE_SPACES or function["/FunctionType"] != 2:
                return None
            start = tuple(float(v) for v in function.get("/C0", [0.0]))
            end = tuple(float(v) for v in function.get("/C1", [1.0]))
            exponent = float(function.get("/N", 1.0))
            if len(start) == len(end) and len(start) in (1, 3, 4) and 0 < exponent <= 100:
                return start, end, exponent
        return None

    def _palette(self, name: Any) -> tuple[int, bytes] | None:
        """An Indexed colour space over a device space: how many components a colour has
        and the palette's bytes (None for any other space)."""
        with contextlib.suppress(Exception):  # a missing or damaged space: not judged
            space = self.resources()["/ColorSpace"].get_object()[name].get_object()
            base = space[1].get_object() if isinstance(space, list) else None
            if space[0] == "/Indexed" and str(base).lstrip("/") in _DEVICE_SPACES:
                table = space[3].get_object()
                table = table.get_data() if hasattr(table, "get_data") else bytes(table)
                count = {"DeviceGray": 1, "G": 1, "DeviceCMYK": 4, "CMYK": 4}.get(
                    str(base).lstrip("/"), 3
                )
                return count, bytes(table[:4096])
        return None

    def _graphics_state(self, state: _State, name: Any) -> _State:
        try:
            extra = self.resources()["/ExtGState"].get_object()[name].get_object()
            alpha = float(extra.get("/ca", state.alpha))
            blend = extra.get("/BM", "/Normal")
            if isinstance(blend, list):  # an array of modes: the first a viewer knows
                blend = blend[0] if blend else "/Normal"
            mask = extra.get("/SMask", "/None")
        except Exception:  # a missing or damaged state: nothing changes, as in a viewer
            return state
        if blend in _LIGHTENING:  # on the white page such paint leaves the page white
            alpha = 0.0
        opaque = alpha >= 0.95 and blend in ("/Normal", "/Compatible") and mask == "/None"
        return state._replace(alpha=alpha, opaque=opaque, masked=mask != "/None")

    def _shaded(self, name: Any, cm: Any, clip: Rect | None) -> Rect | None:
        """The box a shading (`sh`) paints: the clip, narrowed to the shading's own `/BBox`
        and, for an axial shading along an axis that is not extended, to the band between its
        end points. Without a clip, a shading that paints the whole page is not judged (a
        background drawn first covers nothing, and one drawn last hides all: no clause
        either way)."""
        try:
            shading = self.resources()["/Shading"].get_object()[name].get_object()
            area = clip
            box = [float(value) for value in shading.get("/BBox", ())]
            if len(box) == 4:
                area = _within(_bounds(cm, box), area)
            coords = [float(value) for value in shading.get("/Coords", ())]
            # pypdf's BooleanObject is truthy even when false: compared, not tested
            extend = [value == True for value in shading.get("/Extend", ())]  # noqa: E712
            if shading.get("/ShadingType") == 2 and len(coords) == 4 and not any(extend):
                x0, y0, x1, y1 = coords
                wide = 1e6  # the band runs across the whole page
                if abs(x0 - x1) < 1e-6:
                    area = _within(_bounds(cm, (-wide, y0, wide, y1)), area)
                elif abs(y0 - y1) < 1e-6:
                    area = _within(_bounds(cm, (x0, -wide, x1, wide)), area)
            return area
        except Exception:  # a missing or damaged shading: a viewer paints nothing
            return None

    def _layer_off(self, tag: Any) -> bool:
        """Whether the optional content a `BDC /OC` names (a layer, or a membership
        dictionary over layers) is off in the document's default view."""
        try:
            properties = self.resources()["/Properties"].get_object()
            found = properties.raw_get(tag) if isinstance(tag, str) else tag
            return _content_off(found, self.off_groups)
        except Exception:  # an unknown or damaged layer: a viewer shows its content
            return False

    def _draw(self, name: Any, cm: Any) -> list[Any] | None:
        """A `Do`: an image is a box of unknown colour that covers the text before it (unless
        it is masked), and one over 40 % of the page makes it a picture (a scan); for a form,
        what `draws` keeps."""
        try:
            target = self.resources()["/XObject"].get_object()[name].get_object()
            if target.get("/Subtype") == "/Image":
                rect = _bounds(cm, (0, 0, 1, 1))  # an image fills its unit square
                left, bottom, right, top = self.box
                area = (rect[2] - rect[0]) * (rect[3] - rect[1])
                self.picture |= area >= 0.4 * (right - left) * (top - bottom)
                if len(self.pictures) < _MAX_BOXES:
                    self.pictures.append(rect)
                state = self.states[-1]
                if len(self.boxes) < _MAX_BOXES:
                    self.boxes.append((rect, None))
                masked = "/SMask" in target or "/Mask" in target or target.get("/ImageMask")
                if state.opaque and state.alpha >= 0.95 and not masked:
                    self._cover(rect)
                return None
            off = "/OC" in target and _content_off(target.raw_get("/OC"), self.off_groups)
            matrix = [float(value) for value in target.get("/Matrix", _IDENTITY)]
            base = _compose(matrix if len(matrix) == 6 else _IDENTITY, cm)
            box = [float(value) for value in target.get("/BBox", ())]
            if not off and not _draws_text(target):  # pypdf does not enter such a form
                self._form_boxes(target, base)
        except Exception:  # pypdf skips what it cannot draw, and so does this
            return None
        return [off, base, False, _bounds(base, box) if len(box) == 4 else None]

    def _form_boxes(self, form: Any, base: list[float]) -> None:
        """The boxes a form without text fills (`_form_fills`, in its first 64 kB), taken
        as drawn where the form is placed: pypdf reads only forms that show text, so a white
        box drawn by a form over a line would otherwise hide nothing."""
        state = self.states[-1]
        if state.alpha < 0.95 or "/Group" in form:  # a transparency group: not judged
            return
        data = form.get_data()[:65_536]
        if re.search(rb"\bgs\b", data):  # its own opacity or blend (a highlight): not judged
            return
        for filled in _form_fills(data):
            rect = _bounds(base, filled)
            if len(self.boxes) < _MAX_BOXES:
                self.boxes.append((rect, None))
            if state.opaque and rect[3] - rect[1] >= 3:
                self._cover(rect)

    def seen_at(self, cm: Any, tm: Any, size: float) -> tuple[float, float, float] | None:
        """Where text drawn now starts on the page and how high it is (nothing known: NaN),
        or None if no reader sees it. `cm` is the page's matrix (`on_page`)."""
        state = self.states[-1]
        if state.render in (3, 7) or state.space == "none" or state.alpha < _CLEAR:
            return None
        if any(self.marked) or state.masked or state.scale < 20:
            return None
        if size > 0 and state.spacing < -0.4 * size:  # the letters pile onto each other
            return None
        try:  # the letters' height along the text's up axis, their width along its baseline
            scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            across = math.hypot(tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3])
            if across < 0.2 * scale:  # squeezed by the matrix as by `Tz` under 20
                return None
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            x += state.rise * (tm[2] * cm[0] + tm[3] * cm[2])
            y += state.rise * (tm[2] * cm[1] + tm[3] * cm[3])
        except (IndexError, TypeError, ValueError):  # a matrix pypdf could not make
            return (math.nan, math.nan, math.nan)
        height = abs(size) * scale
        if state.clip is not None:
            left, bottom, right, top = state.clip
            if not (left - 2 <= x <= right + 2 and bottom - 2 <= y <= top + 2):
                return None
        inner = (x + height / 4, y + height / 3)  # within the first letter, clear of its edge
        if any(not _inside(shape, *inner) for shape in state.shapes):
            return None
        left, bottom, right, top = self.box
        too_small = height < 1.5 if self.sized else 0 < height < 1.5  # `0 Tf`: no letters
        if too_small or not left - 5 <= x <= right or not bottom - 5 <= y <= top + 5:
            return None
        behind = self._behind(x, y + height / 3, height)
        if state.fill is not None and behind is not None and _alike(state.fill, behind):
            return None
        return (x, y, height)

    def _behind(self, x: float, y: float, height: float) -> tuple[float, ...] | None:
        """The colour at a point of text `height` high: the last box drawn there at least
        half as high and wide as the text (a rule or a border line is no background), else
        the white page; None when it is not known (an image, a pattern, past `_MAX_BOXES`)."""
        if len(self.boxes) >= _MAX_BOXES:
            return None
        least = height / 2 if height == height else 0  # NaN: no size known
        for (left, bottom, right, top), colour in reversed(self.boxes):
            big = right - left >= least and top - bottom >= least
            if big and left <= x <= right and bottom <= y <= top:
                return colour
        return (1.0,)


_FORM_TOKEN = re.compile(rb"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([A-Za-z'\"*]+)|%[^\r\n]*")


@functools.lru_cache(maxsize=64)
def _form_fills(data: bytes) -> tuple[Rect, ...]:
    """The first 50 boxes a form's content fills, in the form's space: a rectangle (`re`) or a
    path of straight lines along the axes, through the form's own `cm` (within `q`/`Q`), filled
    with `f`, `F` or `f*` (cached: a page may draw one form a thousand times)."""
    return tuple(itertools.islice(_form_fill_boxes(data), 50))


def _form_fill_boxes(data: bytes) -> Iterator[Rect]:
    """`_form_fills`, one box at a time, read up to an inline image (`BI`), whose data is not
    content. Each subpath of a fill is judged on its own (two boxes in one path cover two
    lines); with the even-odd rule a box inside another, or around one, is a frame's edge and
    covers nothing; a box with rounded corners covers its middle (`_rounded_middle`)."""
    matrix: list[float] = list(_IDENTITY)
    saved: list[list[float]] = []
    operands: list[float] = []
    subpaths: list[tuple[list[tuple[float, float]], list[bool]]] = []  # points, [curved]
    for found in _FORM_TOKEN.finditer(data):
        number, operator = found.group(1), found.group(2)
        if number is not None:
            operands.append(float(number))
            continue
        if operator is None:  # a comment
            continue
        if operator == b"BI":
            return
        if operator == b"q" and len(saved) < 32:
            saved.append(matrix)
        elif operator == b"Q" and saved:
            matrix = saved.pop()
        elif operator == b"cm" and len(operands) >= 6:
            matrix = _compose(operands[-6:], matrix)
        elif operator == b"re" and len(operands) >= 4:
            x, y, w, h = operands[-4:]
            corners = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
            subpaths.append(([_apply(matrix, px, py) for px, py in corners], [False]))
        elif operator == b"m" and len(operands) >= 2:
            subpaths.append(([_apply(matrix, *operands[-2:])], [False]))
        elif operator in (b"l", b"c", b"v", b"y") and len(operands) >= 2 and subpaths:
            points, curved = subpaths[-1]
            pairs = range(0, len(operands) - len(operands) % 2, 2)
            points += [_apply(matrix, operands[i], operands[i + 1]) for i in pairs][-3:]
            curved[0] |= operator != b"l"
        elif operator in _FILLS or operator in (b"n", b"S", b"s"):
            if operator in _FILLS:
                yield from _filled_boxes(subpaths, even_odd=operator.endswith(b"*"))
            subpaths = []
        if len(subpaths) > 64:  # a path of more parts than a box has is no box
            subpaths = subpaths[-1:]
        operands = []


def _filled_boxes(
    subpaths: list[tuple[list[tuple[float, float]], list[bool]]], even_odd: bool
) -> list[Rect]:
    """The boxes the subpaths of one fill cover (see `_form_fill_boxes`)."""
    boxes: list[Rect] = []
    for points, curved in subpaths:
        if curved[0]:
            middle = _rounded_middle(points)
            if middle is not None:
                boxes.append(middle)
        elif _a_box(points):
            xs, ys = [x for x, _ in points], [y for _, y in points]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    if not even_odd:
        return boxes
    return [
        box
        for box in boxes
        if not any(
            other is not box and (_holds(other, box) or _holds(box, other)) for other in boxes
        )
    ]


def _holds(outer: Rect, inner: Rect) -> bool:
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and inner[2] <= outer[2]
        and inner[3] <= outer[3]
    )


def _rounded_middle(points: list[tuple[float, float]]) -> Rect | None:
    """The part a filled shape with curved edges surely covers, where its points come near
    each corner of the box around them (a box with rounded corners, a pill): that box less
    half its height at each end. A shape that stays away from a corner is not judged."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    left, bottom, right, top = min(xs), min(ys), max(xs), max(ys)
    radius = min(right - left, top - bottom) / 2
    near = all(
        any(abs(x - cx) <= radius and abs(y - cy) <= radius for x, y in points)
        for cx in (left, right)
        for cy in (bottom, top)
    )
    if not near or right - left <= 2 * radius:
        return None
    return (left + radius, bottom, right - radius, top)


_LIGHTENING = frozenset(
    {"/Lighten", "/Screen", "/ColorDodge", "/Overlay", "/SoftLight", "/Hue", "/Saturation",
     "/Color"}
)  # fmt: skip
"""Blend modes whose result on a white backdrop is white, whatever the colour painted (the
last three keep the backdrop's luminosity, which white has in full)."""

_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _a_box(path: list[tuple[float, float]]) -> bool:
    """Whether a path of straight lines fills one box along the axes: each line runs along an
    axis, and the path reaches the box's four corners (within a hundredth of a point)."""
    if len(path) < 4:
        return False
    close = 0.01
    for (x0, y0), (x1, y1) in itertools.pairwise([*path, path[0]]):  # closed to its start
        if abs(x0 - x1) > close and abs(y0 - y1) > close:
            return False
    xs, ys = [x for x, _ in path], [y for _, y in path]
    return all(
        any(abs(x - corner_x) <= close and abs(y - corner_y) <= close for x, y in path)
        for corner_x in (min(xs), max(xs))
        for corner_y in (min(ys), max(ys))
    ) and all(
        min(abs(x - min(xs)), abs(x - max(xs))) <= close
        and min(abs(y - min(ys)), abs(y - max(ys))) <= close
        for x, y in path
    )


def _compose(inner: Any, outer: Any) -> list[float]:
    """The matrix `inner` then `outer` (PDF's row-vector order: inner × outer)."""
    a1, b1, c1, d1, e1, f1 = (float(value) for value in inner[:6])
    a2, b2, c2, d2, e2, f2 = (float(value) for value in outer[:6])
    return [
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    ]


def _line_pictures(pictures: list[Rect], page: Rect) -> bool:
    """Whether a picture shaped like a line of text, or pictures side by side that are pieces
    of one (`text.pieces_shaped_as_a_line`: those whose middles are within half a height of
    each other, the first 200), stand among the page's text: not in its top or bottom tenth (a
    letterhead's band, a footer's logo)."""
    page_height, across = page[3] - page[1], page[2] - page[0]
    among = [
        (rect[2] - rect[0], rect[3] - rect[1], (rect[1] + rect[3]) / 2)
        for rect in pictures
        if rect[1] >= page[1] + page_height / 10 and rect[3] <= page[3] - page_height / 10
    ]
    if any(shaped_as_a_line(width, height, across) for width, height, _ in among):
        return True
    pieces = [piece for piece in among if a_piece_of_a_line(piece[0], piece[1])][:200]
    return any(
        pieces_shaped_as_a_line(
            [(width, height) for width, height, other in pieces if abs(other - middle) <= half / 2],
            across,
        )
        for _, half, middle in pieces
    )


def _spans(left: float, right: float, x: float, width: float, height: float) -> bool:
    """Whether a box or line from `left` to `right` lies over most of a chunk of text that
    starts at `x` and is about `width` wide (at least a letter, half its `height`): a strike
    through the first word of a line withdraws no line, a box over one word hides none."""
    if width != width:  # NaN: where the text is is not known
        return False
    start, end = max(left, x - 1), min(right, x + max(width, height / 2))
    return end - start >= 0.6 * max(width, height / 2)


def _lying_fonts(resources: Any) -> frozenset[str]:
    """The names of the simple fonts of `resources` whose ToUnicode map reads at least two of
    their letters as other letters than their encoding draws: the text layer then says
    something else than the page shows (a vendor's trick; a real font maps a code to the
    letter it draws, whatever its encoding); and of those without a ToUnicode map whose
    encoding names glyphs no reader knows (`/g33`, a Type3 font's own), whose text cannot be
    read at all."""
    from pypdf._cmap import _parse_encoding, _parse_to_unicode

    lying = set()
    try:
        fonts = resources["/Font"].get_object() if resources else {}
        for name in list(fonts)[:200]:
            font = fonts[name].get_object()
            if "/ToUnicode" not in font and "/Encoding" in font:
                encoding = _parse_encoding(font)
                unnamed = isinstance(encoding, dict) and sum(
                    isinstance(glyph, str) and glyph.startswith("/") for glyph in encoding.values()
                )
                if unnamed >= 3:  # glyphs named /g33…: the text layer is their names
                    lying.add(str(name))
                continue
            if "/ToUnicode" not in font or "/Encoding" not in font:
                continue  # a subset numbered in order of use, with no encoding: nothing to compare
            encoding = _parse_encoding(font)
            mapped, _codes = _parse_to_unicode(font)
            if not isinstance(encoding, dict):
                continue
            certain = _named_codes(font)
            differ = 0
            for key, text in mapped.items():
                if not isinstance(key, str) or len(key) != 1 or not isinstance(text, str):
                    continue
                if certain is not None and ord(key) not in certain:
                    continue  # the embedded font's own encoding, which pypdf only guesses
                drawn = encoding.get(ord(key), "")
                alike = unicodedata.normalize("NFKC", drawn) == unicodedata.normalize("NFKC", text)
                if len(drawn) == 1 and drawn.isalnum() and text.isalnum() and not alike:  # ﬁ: fi
                    differ += 1
            if differ >= 2:
                lying.add(str(name))
    except Exception:  # a font pypdf cannot read gives no text to mistrust either
        return frozenset(lying)
    return frozenset(lying)


def _named_codes(font: Any) -> set[int] | None:
    """The codes whose glyphs a font's encoding names for certain: those of its /Differences
    when the font is embedded and its encoding names no base encoding (the rest come from the
    font program's own encoding, which pypdf takes to be Adobe's standard one: TeX's fonts map
    á there), else None (all)."""
    encoding = font["/Encoding"].get_object()
    if not hasattr(encoding, "get") or "/BaseEncoding" in encoding or not _embedded(font):
        return None
    codes: set[int] = set()
    code = 0
    for entry in list(encoding.get("/Differences", []))[:1000]:
        if isinstance(entry, int):
            code = entry
        else:
            codes.add(code)
            code += 1
    return codes


def _embedded(font: Any) -> bool:
    """Whether a font carries its own program (`/FontFile`, 2 or 3), with an encoding of its own
    for the codes its /Differences leave; a standard font uses Adobe's standard one."""
    try:
        descriptor = font["/FontDescriptor"].get_object()
    except Exception:  # no descriptor: one of the standard 14 fonts
        return False
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _content_off(found: Any, off_groups: frozenset[int]) -> bool:
    """Whether optional content (a layer, or a membership dictionary /OCMD over layers, by
    its policy /P) is off, given the layers off in the default view."""
    target = found.get_object()
    if target.get("/Type") != "/OCMD":
        return _object_id(found) in off_groups
    groups = target.raw_get("/OCGs")
    members = groups.get_object() if groups is not None else []
    members = members if isinstance(members, list) else [groups]
    on = [_object_id(member) not in off_groups for member in members]
    if not on:
        return False
    policy = target.get("/P", "/AnyOn")
    shown = {"/AllOn": all(on), "/AnyOff": not all(on), "/AllOff": not any(on)}.get(policy, any(on))
    return not shown


def _object_id(found: Any) -> int:
    number = getattr(found, "idnum", None)
    return int(number) if number is not None else id(found)


def off_groups(reader: Any) -> frozenset[int]:
    """The optional content groups (layers) that the document's default view hides: those in
    /OFF, or all but those in /ON when the base state is /OFF, and those the view's automatic
    states (/AS, on the View event) turn off by their usage (/Usage /View /ViewState /OFF: a
    print-only layer; attack round 13, f16)."""
    try:
        properties = reader.trailer["/Root"].get_object()["/OCProperties"].get_object()
        view = properties["/D"].get_object()

        def ids(where: Any, key: str) -> set[int]:
            return {_object_id(group) for group in where.get(key, None) or []}

        if view.get("/BaseState") == "/OFF":
            off = ids(properties, "/OCGs") - ids(view, "/ON")
        else:
            off = ids(view, "/OFF")
        return frozenset(off | _off_by_usage(view))
    except Exception:  # no layers, or a damaged dictionary: every layer shows
        return frozenset()


def _off_by_usage(view: Any) -> set[int]:
    """The layers a view's automatic states turn off when the document is viewed: each group
    an /AS entry for the View event names whose usage says /ViewState /OFF."""
    off: set[int] = set()
    with contextlib.suppress(Exception):  # no automatic states, or damaged ones: none off
        for entry in list(view.get("/AS", None) or [])[:100]:
            entry = entry.get_object()
            if entry.get("/Event") != "/View" or "/View" not in (entry.get("/Category") or []):
                continue
            for group in list(entry.get("/OCGs", None) or [])[:1000]:
                usage = group.get_object().get("/Usage")
                state = (
                    usage.get_object()["/View"].get_object().get("/ViewState") if usage else None
                )
                if state == "/OFF":
                    off.add(_object_id(group))
    return off


def _from_palette(palette: tuple[int, bytes] | None, operands: Any) -> tuple[float, ...] | None:
    """The colour an index picks from an Indexed space's palette (`_Ink._palette`)."""
    try:
        count, table = palette or (0, b"")
        index = int(operands[0])
    except (TypeError, ValueError, IndexError):
        return None
    entry = table[index * count : (index + 1) * count]
    return tuple(byte / 255 for byte in entry) if count and len(entry) == count else None


def _along_curve(
    start: tuple[float, float], *controls: tuple[float, float]
) -> list[tuple[float, float]]:
    """Four points along a cubic Bézier curve from `start` through its three `controls`, the
    last its end: the chords between them stand for the curve's edge of a fill."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = start, *controls
    points = []
    for step in (0.25, 0.5, 0.75, 1.0):
        a, b, c, d = (1 - step) ** 3, 3 * step * (1 - step) ** 2, 3 * step**2 * (1 - step), step**3
        points.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return points


def _through(tint: Tint, operands: Any) -> tuple[float, ...] | None:
    """The device colour a tint (the operand, clipped to 0..1) becomes through an exponential
    transform: C0 + t^N (C1 - C0), each component clipped to 0..1."""
    try:
        level = min(max(float(operands[0]), 0.0), 1.0)
    except (TypeError, ValueError, IndexError):
        return None
    start, end, exponent = tint
    weight = level**exponent
    return tuple(min(max(a + weight * (b - a), 0.0), 1.0) for a, b in zip(start, end, strict=True))


def _fill(space: str, operands: Any) -> tuple[float, ...] | None:
    """The fill colour `sc`/`scn` sets in a colour space of this kind: a spot colour at tint 0
    puts no ink on the page (white); other tints and spaces are not judged."""
    if space == "device":
        return _colour(operands)
    if space == "tint":
        values = _colour(operands) or ()
        if values and all(value <= 0.05 for value in values):
            return (1.0,)
    if space == "lab":  # L* a* b*: near the white point is white (attack round 13, f09)
        values = _colour(operands) or ()
        if len(values) == 3 and values[0] >= 95 and abs(values[1]) <= 5 and abs(values[2]) <= 5:
            return (1.0,)
    return None


_STROKES = frozenset({b"S", b"s", b"B", b"B*", b"b", b"b*"})
_CLEAR = 0.05
"""Fill opacity under which text leaves no visible mark."""
_DEVICE_SPACES = frozenset({"DeviceGray", "DeviceRGB", "DeviceCMYK", "G", "RGB", "CMYK"})
_FILLS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_MAX_BOXES = 2000
"""Filled boxes and text starts kept per page: past them, white text is not judged (a page
that draws so many shapes may draw one under any text)."""
_MAX_SHAPE_POINTS = 1024
"""Points of a filled path followed to find the text it covers; past them, only its box."""
_MAX_COMPARISONS = 2_000_000
"""Box-over-text comparisons per page: past them, no more text is taken as covered and the
page is reported as not read ("drawing"), so no requirement is met while it is there."""


Rect = tuple[float, float, float, float]
"""(left, bottom, right, top) on the page."""

Chunk = tuple[int, float, float, float, float]
"""A chunk of text shown: its number, where it starts (x, y), how high and about how wide."""
_BAND = 20.0
"""Points of page height a band of shown chunks spans (`_Ink._between`)."""
Tint = tuple[tuple[float, ...], tuple[float, ...], float]
"""A spot colour's exponential tint transform: the device colours at tint 0 and 1, the exponent."""

Shape = tuple[bool, tuple[tuple[tuple[float, float], ...], ...]]
"""A clipping path on the page: whether its rule is even-odd (else nonzero), and its points
per subpath (each closed; a curve by its control points, which hold it)."""


def _inside(shape: Shape, x: float, y: float) -> bool:
    """Whether the point lies inside the path by its rule (the winding number of each edge a
    ray to the right crosses)."""
    even_odd, subpaths = shape
    winding = crossings = 0
    for points in subpaths:
        for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
            if (y0 <= y) == (y1 <= y):
                continue
            if x0 + (y - y0) * (x1 - x0) / (y1 - y0) > x:
                crossings += 1
                winding += 1 if y1 > y0 else -1
    return crossings % 2 == 1 if even_odd else winding != 0


def _bounds(cm: Any, rect: Any) -> Rect:
    """The page rectangle that a rectangle of user space (x0, y0, x1, y1) covers through the
    matrix `cm`: the bounds of its four corners, so a rotated or mirrored one is covered too."""
    x0, y0, x1, y1 = rect
    corners = [_apply(cm, x, y) for x in (x0, x1) for y in (y0, y1)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return (min(xs), min(ys), max(xs), max(ys))


def _clipped(state: _State, box: Rect) -> _State:
    """The state with `box` as its clip, within the clip it had."""
    return state._replace(clip=_within(box, state.clip))


def _within(box: Rect, clip: Rect | None) -> Rect:
    """The part of `box` inside `clip` (no clip: all of it)."""
    if clip is None:
        return box
    return (max(box[0], clip[0]), max(box[1], clip[1]), min(box[2], clip[2]), min(box[3], clip[3]))


def _apply(cm: Any, x: float, y: float) -> tuple[float, float]:
    """A point of user space on the page, through the current matrix."""
    return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]


def _shown_string(operand: Any) -> str:
    """The text of a text-showing operand as the simple fonts encode it (Windows-1252); an
    array (`TJ`) joins its strings. A font with its own encoding may decode otherwise: then the
    string is not found in pypdf's text, and only a whole text object drawn unseen is left out."""
    parts = operand if isinstance(operand, list) else [operand]
    text = []
    for part in parts:
        if isinstance(part, str):
            text.append(part)
        elif isinstance(part, bytes):
            text.append(part.decode("cp1252", errors="replace"))
    return "".join(text)


def _reordered(draws: list[tuple[float, float, str]]) -> list[tuple[str, str]]:
    """Each run of three or more strings shown on one line, each left of the one before
    (".netsnäjt" drawn a letter at a time from its end), as drawn and as read from left to
    right: pypdf gives them in the order drawn."""
    found: list[tuple[str, str]] = []
    run: list[tuple[float, float, str]] = []
    for draw in [*draws, (math.inf, math.nan, "")]:
        if run and abs(draw[1] - run[-1][1]) < 0.5 and draw[0] < run[-1][0]:
            run.append(draw)
            continue
        if len(run) >= 3:
            found.append(("".join(text for *_, text in run), "".join(t for *_, t in run[::-1])))
        run = [draw]
    return found


_SHOWS = frozenset({b"Tj", b"TJ", b"'", b'"'})
"""The operators that show a string, each its last operand (`'` and `"` first move to the next
line: with a leading of 0 that is the start of the same line, so they too can draw a line from
its end)."""

_WORD_GAP = -150
"""A `TJ` adjustment (thousandths of an em, negative moves right) at least this wide between
two strings is a gap between words, as a reader sees it: kerning is a few tens."""


def _word_gaps(operand: Any) -> tuple[str, str] | None:
    """A `TJ` array's strings joined as pypdf may give them ("Leverantörenbehåller") and with a
    space at each word gap ("Leverantören behåller"), or in reverse where every step goes back
    left (`_STEP_BACK`), or None where the array shows its strings as joined."""
    if not isinstance(operand, list):
        return None
    joined: list[str] = []
    spaced: list[str] = []
    for part in operand:
        if isinstance(part, (int, float)) and part <= _WORD_GAP:
            if spaced and not spaced[-1].endswith(" "):
                spaced.append(" ")
        elif isinstance(part, (str, bytes)):
            piece = _shown_string(part)
            if spaced and spaced[-1] == " " and piece.startswith(" "):
                spaced.pop()
            joined.append(piece)
            spaced.append(piece)
    together, apart = "".join(joined), "".join(spaced).rstrip()
    steps = [part for part in operand if isinstance(part, (int, float))]
    if len(joined) >= 3 and len(steps) >= len(joined) - 1 and min(steps) >= _STEP_BACK:
        return together, "".join(reversed(joined))  # each string drawn left of the one before
    return (together, apart) if together != apart and together.strip() else None


_STEP_BACK = 1000
"""A `TJ` adjustment (thousandths of an em; positive moves left) that takes the next string
back past the one just drawn: an array of such steps draws its strings from right to left."""


def _colour(operands: Any) -> tuple[float, ...] | None:
    """A fill colour's components (gray, RGB or CMYK), or None for a pattern or a name."""
    try:
        values = tuple(float(value) for value in operands)
    except (TypeError, ValueError):
        return None
    return values if len(values) in (1, 3, 4) else None


def _alike(one: tuple[float, ...], other: tuple[float, ...]) -> bool:
    """Whether two fill colours (grey, RGB or CMYK) are too close to tell apart."""
    return all(abs(a - b) <= 0.1 for a, b in zip(_rgb(one), _rgb(other), strict=True))


def _rgb(colour: tuple[float, ...]) -> tuple[float, float, float]:
    if len(colour) == 4:
        c, m, y, k = colour
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    if len(colour) == 3:
        return (colour[0], colour[1], colour[2])
    return (colour[0], colour[0], colour[0])


def _page_text(
    page: Any, work: _PageWork | None = None, hidden_layers: frozenset[int] = frozenset()
) -> PageText:
    """The page's text (pypdf's plain mode), with the height of each line's first text and
    without the text no reader sees (`_Ink`; `hidden_layers` are the layers that are off);
    `work` bounds the time and content spent on it (raising `_Stop`)."""
    chunks: list[tuple[str, str, float | None]] = []  # as pypdf gave it, as seen, height
    hidden: list[str] = []
    page_resources = _resources(page)
    ink = _Ink(
        page, (lambda: work.resources[-1]) if work else (lambda: page_resources), hidden_layers
    )

    gaps: list[tuple[str, str]] = []  # a TJ's strings as joined, and with its word gaps
    draws: list[tuple[float, float, str]] = []  # each Tj of a chunk: where, and its string

    def before(operator: bytes, operands: Any, cm: Any = None, tm: Any = None) -> None:
        ink.before(operator, operands, cm, tm)  # first: a `Do` names an object of these resources
        if work is not None:
            work.before(operator, operands, cm, tm)
        if operator == b"TJ" and operands and len(gaps) < _MAX_BOXES:
            spaced = _word_gaps(operands[0])
            if spaced is not None:
                gaps.append(spaced)
        if operator in _SHOWS and operands and tm is not None and len(draws) < _MAX_BOXES:
            try:
                on_page = ink.on_page(cm)
                x = tm[4] * on_page[0] + tm[5] * on_page[2] + on_page[4]
                y = tm[4] * on_page[1] + tm[5] * on_page[3] + on_page[5]
            except (IndexError, TypeError, ValueError):  # a matrix pypdf could not make
                return
            draws.append((float(x), float(y), _shown_string(operands[-1])))

    def after(operator: bytes, *rest: object) -> None:
        ink.after(operator)
        if work is not None:
            work.after(operator, *rest)

    def visit(
        text: str, cm: list[float], tm: list[float], _font: object = None, size: object = 0
    ) -> None:
        if not text:  # pypdf reports every empty text object: thousands on a hostile page
            return
        page_cm = ink.on_page(cm)
        try:
            height: float | None = float(tm[4] * page_cm[1] + tm[5] * page_cm[3] + page_cm[5])
        except (IndexError, TypeError, ValueError):  # a matrix pypdf could not make
            height = None
        seen = text
        for joined, spaced in [*gaps, *_reordered(draws)]:
            if joined in seen:
                seen = seen.replace(joined, spaced, 1)
        gaps.clear()
        draws.clear()
        for piece in ink.pieces:
            if piece.strip() and piece in seen:
                seen = seen.replace(piece, "", 1)
                hidden.append(piece)
        ink.pieces.clear()
        points = float(size) if isinstance(size, (int, float)) else 0.0
        if seen.strip():
            place = ink.seen_at(page_cm, tm, points)
            if place is None:
                hidden.append(seen)
                seen = ""
            elif len(ink.shown) < _MAX_BOXES:
                ink.add_shown((len(chunks), *place, len(seen.strip()) * place[2] / 2))
        chunks.append((text, seen, height))

    text = (
        page.extract_text(
            visitor_text=visit, visitor_operand_before=before, visitor_operand_after=after
        )
        or ""
    )
    for rect in _annotation_covers(page, work.deadline if work else math.inf):
        ink._cover(rect)
    for chunk in _struck_out(page, ink):
        ink.struck.add(chunk)
    struck: list[str] = []
    for chunk in sorted(ink.covered | ink.struck):
        given, seen, height = chunks[chunk]
        (hidden if chunk in ink.covered else struck).append(seen)
        chunks[chunk] = (given, "", height)
    hidden_count = len(hidden)
    hidden += struck
    respaced = any(given != seen for given, seen, _ in chunks)
    if (hidden or respaced) and "".join(given for given, _, _ in chunks) == text:
        text = "".join(seen for _, seen, _ in chunks)
    elif hidden:  # pypdf's text differs from its chunks: take each hidden one out where it is
        for piece in hidden:
            text = text.replace(piece, "", 1)
    lines = text.split("\n")
    heights: list[float | None] = [None] * len(lines)
    if "".join(seen for _, seen, _ in chunks) == text:  # else the heights cannot be matched
        number = 0
        for _, chunk_text, height in chunks:
            for part_index, part in enumerate(chunk_text.split("\n")):
                number += part_index > 0
                if part.strip() and number < len(heights) and heights[number] is None:
                    heights[number] = height
    kept = [" ".join(piece.split()) for piece in hidden]
    lines += _annotation_lines(page)
    unread = ink.unread | _drawn_unread(page, page_resources)
    if _line_pictures(ink.pictures, ink.box):
        unread.add("line picture")
    for watermark in _annotations(page, "/Watermark", None):
        said = _plainly_drawn(watermark)
        if said is None:
            unread.add("annotation")
        elif said:
            lines += ["", said]
    return PageText(
        lines,
        heights + [None] * (len(lines) - len(heights)),
        hidden=tuple(piece for piece in kept[:hidden_count] if piece),
        picture=ink.picture,
        notes=_sticky_notes(page),
        struck=tuple(piece for piece in kept[hidden_count:] if piece),
        unread=tuple(sorted(unread)),
    )


def _annotation_lines(page: Any) -> list[str]:
    """The text of the page's free-text annotations (text boxes drawn on the page, which a
    reader sees) and of its form fields (a value, else a button's caption), each after a blank
    line; hidden ones (flags Hidden or NoView) are left out."""
    lines: list[str] = []
    for annotation in _annotations(page, "/FreeText"):
        lines += ["", *str(annotation["/Contents"])[:_MAX_NOTE].splitlines()]
    for field in _annotations(page, "/Widget", None):
        value = field.get("/V")
        with contextlib.suppress(Exception):  # no appearance settings: no caption
            pushed = int(field.get("/Ff", 0)) & _PUSH_BUTTON
            shown = field["/AP"].get_object()["/N"].get_object()
            caption = field["/MK"].get_object().get("/CA")
            if pushed and not isinstance(value, str) and _draws_text(shown):
                value = caption  # a push button shows its caption
        if isinstance(value, str):
            lines += ["", *value[:_MAX_NOTE].splitlines()]
    return lines


def _struck_out(page: Any, ink: _Ink) -> set[int]:
    """The chunks of text a strike-out annotation covers (by its quadrilaterals, else its
    rectangle): a reader takes them as withdrawn."""
    found: set[int] = set()
    for annotation in _annotations(page, "/StrikeOut", None):
        with contextlib.suppress(Exception):  # a damaged annotation strikes nothing
            points = [float(v) for v in annotation.get("/QuadPoints") or annotation["/Rect"]]
            xs, ys = points[0::2], points[1::2]
            left, bottom, right, top = min(xs), min(ys), max(xs), max(ys)
            found.update(
                chunk
                for chunk, x, y, height, width in ink.shown
                if bottom - 2 <= y <= top and _spans(left, right, x, width, height)
            )
    return found


def _drawn_unread(page: Any, resources: Any) -> set[str]:
    """Why what some annotations or patterns of the page draw is not read: an annotation
    whose appearance shows text or a picture (a stamp, a box with a caption), or a tiling
    pattern whose cell draws text."""
    found: set[str] = set()
    for subtype in _DRAWING_ANNOTATIONS:
        for annotation in _annotations(page, subtype, None):
            with contextlib.suppress(Exception):  # no appearance: nothing drawn
                shown = annotation["/AP"].get_object()["/N"].get_object()
                if _draws_text(shown):
                    found.add("annotation")
    with contextlib.suppress(Exception):  # no patterns, or damaged ones: none read
        patterns = resources["/Pattern"].get_object() if resources else {}
        for name in list(patterns)[:200]:
            pattern = patterns[name].get_object()
            if pattern.get("/PatternType") == 1 and _draws_text(pattern):
                found.add("pattern")
    return found


def _annotation_covers(page: Any, deadline: float) -> list[Rect]:
    """The boxes that a square, circle, polygon or stamp annotation fills over the page, opaque
    (round 11: a white box drawn over a requirement), or a redaction mark whose appearance is a
    filled box (round 12: a black bar over K1, not yet applied, that viewers draw as it is):
    those its appearance fills (`_form_fills`
    of its first 4 kB, placed from its box onto the annotation's rectangle), or without an
    appearance, where it has an interior colour, its rectangle (a circle's: the box inside its
    ellipse; a polygon's: its box, where its vertices are the corners of one).
    One with an opacity or blend of its own is not judged; past the `deadline`, none is."""
    covers: list[Rect] = []
    for subtype in ("/Square", "/Circle", "/Polygon", "/Stamp", "/Redact"):
        for annotation in _annotations(page, subtype, None):
            if time.monotonic() > deadline:
                return covers
            with contextlib.suppress(Exception):  # a damaged one: a viewer draws nothing
                if float(annotation.get("/CA", 1)) < 0.95 or "/BM" in annotation:
                    continue
                area = _bounds(_IDENTITY, [float(value) for value in annotation["/Rect"]])
                appearance = annotation.get("/AP")
                if appearance is None and subtype == "/Redact":
                    continue  # not yet applied: viewers draw its outline only
                if appearance is None:
                    if annotation.get("/IC") and subtype != "/Polygon":
                        covers.append(_inside_ellipse(area) if subtype == "/Circle" else area)
                    elif annotation.get("/IC"):  # a polygon along the axes fills its box
                        values = [float(value) for value in annotation["/Vertices"]][:64]
                        corners = list(zip(values[::2], values[1::2], strict=False))
                        if _a_box(corners):
                            xs, ys = [x for x, _ in corners], [y for _, y in corners]
                            covers.append((min(xs), min(ys), max(xs), max(ys)))
                    continue
                shown = appearance.get_object()["/N"].get_object()
                data = shown.get_data()[:4096]
                if re.search(rb"\bgs\b", data) or "/Group" in shown:
                    continue
                matrix = [float(value) for value in shown.get("/Matrix", _IDENTITY)]
                box = _bounds(matrix, [float(value) for value in shown["/BBox"]])
                width, height = box[2] - box[0], box[3] - box[1]
                if width <= 0 or height <= 0:
                    continue
                onto = [
                    (area[2] - area[0]) / width,
                    0,
                    0,
                    (area[3] - area[1]) / height,
                    area[0] - box[0] * (area[2] - area[0]) / width,
                    area[1] - box[1] * (area[3] - area[1]) / height,
                ]
                covers += [_bounds(_compose(matrix, onto), filled) for filled in _form_fills(data)]
    return covers[:_MAX_BOXES]


def _inside_ellipse(area: Rect) -> Rect:
    """The largest box of the same proportions inside the ellipse that fills `area`."""
    half_width, half_height = (area[2] - area[0]) / 2, (area[3] - area[1]) / 2
    x, y = area[0] + half_width, area[1] + half_height
    scale = math.sqrt(0.5)
    return (
        x - half_width * scale,
        y - half_height * scale,
        x + half_width * scale,
        y + half_height * scale,
    )


def _draws_text(stream: Any) -> bool:
    """Whether a content stream shows text or draws a picture (bounded: its first 1 MB)."""
    data = stream.get_data()[:1_000_000] if hasattr(stream, "get_data") else b""
    return bool(re.search(rb"(?:\bTj|\bTJ|\bDo)\b", data))


_PUSH_BUTTON = 1 << 16
"""The form-field flag of a push button (a check box's caption is a glyph code, "4")."""

_DRAWING_ANNOTATIONS = ("/Stamp", "/Square", "/Circle", "/Polygon", "/PolyLine", "/Ink", "/Caret")


def _plainly_drawn(annotation: Any) -> str | None:
    """The text an annotation's appearance draws (a watermark's "UTKAST"), where every font
    it uses is one of the standard fonts with a standard encoding, whose strings read as they
    show; None where a font could draw other letters than its codes (embedded, mapped, Type0,
    Type3), or where it is longer than a watermark (64 kB, 20 fonts), so the text cannot be
    read; "" where it draws none."""
    from pypdf.generic import ContentStream

    try:
        shown = annotation["/AP"].get_object()["/N"].get_object()
        resources = shown.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        fonts = fonts.get_object() if fonts is not None else {}
        if len(fonts) > 20 or len(shown.get_data()) > 65_536:
            return None  # more than a watermark draws: not read
        for name in fonts:
            font = fonts[name].get_object()
            encoding = font.get("/Encoding", "/StandardEncoding")
            if (
                font.get("/Subtype") != "/Type1"
                or "/ToUnicode" in font
                or _embedded(font)
                or encoding not in ("/WinAnsiEncoding", "/StandardEncoding")
            ):
                return None
        operations = ContentStream(shown, None).operations
    except Exception:  # no appearance, or a damaged one: nothing drawn
        return ""
    said = [_shown_string(operands[-1]) for operands, op in operations if op in _SHOWS and operands]
    return " ".join(" ".join(said).split())


def _sticky_notes(page: Any) -> tuple[str, ...]:
    """The page's comments (sticky notes, /Text annotations): a reader's notes beside the text,
    like Word's comments; "author: text"."""
    notes = []
    for annotation in (*_annotations(page, "/Text"), *_annotations(page, "/StrikeOut")):
        author = str(annotation.get("/T", "") or "").strip()
        text = " ".join(str(annotation["/Contents"])[:_MAX_NOTE].split())
        notes.append(f"{author}: {text}" if author else text)
    return tuple(note for note in notes if note)


def _annotations(page: Any, subtype: str, text: str | None = "/Contents") -> list[Any]:
    """The page's annotations of one subtype that are not hidden and, unless `text` is None,
    have text under that key (at most `_MAX_ANNOTATIONS`); a damaged one is passed by, as a
    viewer does."""
    found = []
    try:
        annotations = page.get("/Annots")
        annotations = annotations.get_object() if annotations is not None else []
    except Exception:  # a damaged annotation list: a viewer shows none of it either
        return []
    for reference in list(annotations)[:_MAX_ANNOTATIONS]:
        with contextlib.suppress(Exception):  # one damaged annotation does not end the page
            annotation = reference.get_object()
            flags = int(annotation.get("/F", 0))
            if (
                annotation.get("/Subtype") == subtype
                and not flags & (_HIDDEN_FLAG | _NO_VIEW_FLAG)
                and (text is None or isinstance(annotation.get(text), str))
            ):
                found.append(annotation)
    return found


_MAX_ANNOTATIONS = 1000
_MAX_NOTE = 10_000
"""Characters read of one annotation's text."""
_HIDDEN_FLAG, _NO_VIEW_FLAG = 2, 32


_MAX_BOOKMARKS = 2000
_MAX_BOOKMARK_CLAUSES = 100
"""Bookmark titles read as clauses at most: each is looked for in the whole text."""


def _bookmark_clauses(reader: Any) -> list[str]:
    """The titles of the document's bookmarks (its outline, which a viewer shows beside the
    pages) that are sentences (`_clause`): a clause written only there is seen by a reader. A
    title that is a heading ("3 Krav på export") is no clause, and one the pages already say
    (Word's bookmarks made from headings) is not read twice (the caller leaves it out)."""
    try:
        outline = reader.outline
    except Exception:  # a damaged or looping outline: viewers show none either
        return []
    found: list[str] = []
    pending = [outline]
    seen = 0
    while pending and seen < _MAX_BOOKMARKS:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(reversed(node[:_MAX_BOOKMARKS]))
            continue
        seen += 1
        title = " ".join(str(getattr(node, "title", "") or "")[:_MAX_NOTE].split())
        if title and _clause(title):
            found.append(title)
            if len(found) >= _MAX_BOOKMARK_CLAUSES:
                break
    return found


def extract_pages(path: Path, display: str) -> list[PageText]:
    """The text of each page as lines, with the limits applied (see the module docstring)."""
    from proccheck.loaders.structured import ensure_file

    ensure_file(path, display)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(tr("cannot read file: {why}", why=exc.strerror), path=display) from None
    if size > limits.MAX_INPUT_BYTES:
        raise InputError(
            tr("file is larger than the limit of {limit:,} bytes", limit=limits.MAX_INPUT_BYTES),
            path=display,
            hint=tr("split the file, or raise PROCCHECK_MAX_INPUT_BYTES if it is genuine"),
        )
    import pypdf

    deadline = time.monotonic() + limits.MAX_PDF_SECONDS
    budget = limits.MAX_PDF_SECONDS * _CONTENT_BYTES_PER_SECOND
    page_number = 0
    try:
        with _bounded(), path.open("rb") as handle:
            reader = pypdf.PdfReader(handle, strict=False)
            _decrypt(reader, display)
            count = len(reader.pages)
            if count > limits.MAX_PDF_PAGES:
                raise InputError(
                    tr(
                        "the PDF has {count:,} pages, more than the limit of {limit:,}",
                        count=count,
                        limit=limits.MAX_PDF_PAGES,
                    ),
                    path=display,
                    hint=tr("split the file, or raise PROCCHECK_MAX_PDF_PAGES if it is genuine"),
                )
            pages: list[PageText] = []
            characters = 0
            layers = off_groups(reader)
            for page_number in range(1, count + 1):
                try:
                    raw = reader.pages[page_number - 1]
                    page = _page_text(raw, _PageWork(raw, deadline, budget), layers)
                except _Stop as stop:
                    raise _refusal(stop, display, page_number) from None
                if not any(line.strip() for line in page.lines) and _undecoded(raw):
                    page = dataclasses.replace(page, undecoded=True)
                if "/Contents" not in raw:
                    page = dataclasses.replace(page, contentless=True)
                characters += sum(len(line) for line in page.lines)
                if characters > limits.MAX_PDF_CHARS:
                    raise InputError(
                        tr(
                            "the PDF's text is longer than the limit of {limit:,} characters",
                            limit=limits.MAX_PDF_CHARS,
                        ),
                        path=display,
                        where=f"p{page_number}",
                        hint=tr(
                            "split the file, or raise PROCCHECK_MAX_PDF_CHARS if it is genuine"
                        ),
                    )
                pages.append(page)
                if time.monotonic() > deadline:
                    raise _refusal(_Stop("time"), display, page_number)
            written = " ".join(" ".join(line.split()) for page in pages for line in page.lines)
            bookmarks = [title for title in _bookmark_clauses(reader) if title not in written]
            if bookmarks and pages:  # read after the first page's text, where they point from
                first = pages[0]
                added = ["", *bookmarks]
                pages[0] = dataclasses.replace(
                    first,
                    lines=first.lines + added,
                    heights=first.heights + [None] * len(added),
                )
    except InputError:
        raise
    except RecursionError:
        raise InputError(
            tr("not a readable PDF: its objects are nested deeper than any real PDF's"),
            path=display,
            where=f"p{page_number}" if page_number else None,
            hint=_resave_hint(),
        ) from None
    except Exception as exc:  # pypdf raises many types for broken files: none may escape
        raise _unreadable(exc, display, page_number) from None
    return pages


def _unreadable(exc: Exception, display: str, page_number: int) -> InputError:
    """The error for a PDF pypdf could not read, saying what is wrong where pypdf's error
    tells it: pypdf raises LimitReachedError for bombs, huge page trees and loops alike."""
    name, detail = type(exc).__name__, str(exc)
    where = f"p{page_number}" if page_number else None
    if name in ("DependencyError", "NotImplementedError") and re.search(
        "crypt|AES|encryption", detail, re.IGNORECASE
    ):
        return _encrypted(display)
    if name == "LimitReachedError" and "page tree" in detail.lower():
        return InputError(
            tr("the PDF has more pages than the limit of {limit:,}", limit=limits.MAX_PDF_PAGES),
            path=display,
            hint=tr("split the file, or raise PROCCHECK_MAX_PDF_PAGES if it is genuine"),
        )
    if name == "LimitReachedError" and re.search("decompress|decoding|declared", detail, re.I):
        return InputError(
            tr(
                "the PDF is a decompression bomb: a stream expands beyond {limit:,} bytes",
                limit=limits.MAX_PDF_STREAM_BYTES,
            ),
            path=display,
            where=where,
            hint=tr("raise PROCCHECK_MAX_PDF_STREAM_BYTES if the file is genuine"),
        )
    if name == "LimitReachedError" and "tounicode" in detail.lower():
        problem = tr(
            "not a readable PDF: a font's character map (ToUnicode) is far larger than a real one"
        )
    elif name == "DependencyError":  # a filter that needs a program or package not installed
        problem = tr("not a readable PDF: the content of its pages cannot be decoded")
    elif name in ("LimitReachedError", "PdfReadError", "PdfStreamError"):
        problem = tr("not a readable PDF: the file is damaged or incomplete")
    else:
        problem = tr("not a readable PDF ({problem})", problem=name)
    return InputError(problem, path=display, where=where, hint=_resave_hint())


def _refusal(stop: _Stop, display: str, page_number: int) -> InputError:
    """The error for a page that took too long, or whose content is too large to read in time."""
    seconds = limits.MAX_PDF_SECONDS
    if stop.reason == "content":
        problem = tr(
            "the page's content, its form XObjects counted each time they are drawn, is "
            "larger than {limit:,} bytes: too much to read within {seconds} s",
            limit=seconds * _CONTENT_BYTES_PER_SECOND,
            seconds=seconds,
        )
    else:
        problem = tr("reading the PDF took longer than {seconds} s", seconds=seconds)
    return InputError(
        problem,
        path=display,
        where=f"p{page_number}",
        hint=tr("split the file, or raise PROCCHECK_MAX_PDF_SECONDS if it is genuine"),
    )


def _resave_hint() -> str:
    return tr(
        "open it in a PDF reader and print or save it to a new PDF, or save the original "
        "document as .docx"
    )


def _decrypt(reader: Any, display: str) -> None:
    """Open an encrypted PDF that has no user password (permissions only); refuse the rest."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception:  # DependencyError (AES needs `cryptography`), NotImplementedError
        raise _encrypted(display) from None
    if not opened:
        raise InputError(
            tr("the PDF is password-protected"),
            path=display,
            hint=tr("save an unprotected copy (print it to PDF), or ask for the document as .docx"),
        )


def _encrypted(display: str) -> InputError:
    """An encrypted PDF that cannot be opened here (AES without `cryptography`, an unknown
    security handler), though it may need no password."""
    return InputError(
        tr("the PDF is encrypted, and its text cannot be read here"),
        path=display,
        hint=tr("save an unprotected copy (print it to PDF), or ask for the document as .docx"),
    )


@contextlib.contextmanager
def _bounded() -> Iterator[None]:
    """pypdf's decompression and parsing limits lowered to ours, its warnings silenced (they
    would reach stderr through logging's last-resort handler), for the duration of one read."""
    import pypdf

    limit = limits.MAX_PDF_STREAM_BYTES
    wanted: dict[str, Any] = {
        "maximum_declared_stream_length": limit,
        "array_based_stream_maximum_output_length": limit,
        "jbig2_maximum_output_length": limit,
        "lzw_maximum_output_length": limit,
        "run_length_maximum_output_length": limit,
        "zlib_maximum_output_length": limit,
        "zlib_maximum_recovery_input_length": min(limit, 5_000_000),
        "brotli_maximum_output_length": limit,
        "image_maximum_buffer_size": limit,
        "stream_decoding_work_maximum_length": 4 * limit,
        "xmp_maximum_input_length": min(limit, 5_000_000),
        "jbig2dec_binary": None,  # never run an external decoder on hostile input
    }
    known = {f.name for f in dataclasses.fields(pypdf.Configuration)}
    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        with (
            warnings.catch_warnings(),
            pypdf.apply_configuration(**{k: v for k, v in wanted.items() if k in known}),
        ):
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def clean_pages(pages: list[PageText]) -> list[PdfLine]:
    """Lines in reading order without running headers, footers, page numbers and contents
    lines; hyphenated words joined; paragraph breaks (text None) where a paragraph ends."""
    repeated = _running_lines(pages)
    kept: list[PdfLine] = []
    once: set[str] = set()  # running clauses already kept
    for page, content in enumerate(pages, start=1):
        edge = _edge_indexes(content.lines)
        for index, raw in enumerate(content.lines):
            text = _BULLET.sub("•", " ".join(raw.split()))
            if not text:
                continue
            if index in edge and (_PAGE_NUMBER.match(text) or _shape(text) in repeated):
                if not _clause(text) or _shape(text) in once:
                    continue
                once.add(_shape(text))  # a sentence on every page is read once, not dropped
            if _TOC_LINE.search(text):
                continue
            kept.append(PdfLine(text, page, index + 1, content.heights[index]))
    kept = _dehyphenate(kept)
    return _paragraphs(kept)


def _clause(text: str) -> bool:
    """A running line that is a sentence (six words or more, ending in a stop), not a title,
    a reference or a page number: "Leverantören behåller äganderätten till all data." in a
    footer binds as it would in the body."""
    text = _PAGE_NUMBER_BESIDE.sub("", text).strip()  # "… i tjänsten. Sida 1 av 2"
    return len(text.split()) >= 6 and bool(_SENTENCE_END.search(text))


_PAGE_NUMBER_BESIDE = re.compile(
    r"^\s*(?:(?:sida|sid|page|p|s)\.?\s*)?\d{1,4}\s*(?:(?:av|of|/)\s*\d{1,4})?\s+(?=\w{2})"
    r"|\s+(?:(?:sida|sid|page|p|s)\.?\s*)?\d{1,4}\s*(?:(?:av|of|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
"""A page number on the line of a running clause, before or after it."""


def _shape(text: str) -> str:
    """A line as compared between pages: digits, case and spacing do not count."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _edge_indexes(lines: list[str]) -> set[int]:
    """The indexes of the first and last few non-empty lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return set(filled[:_EDGE]) | set(filled[-_EDGE:])


def _running_lines(pages: list[PageText]) -> set[str]:
    """The shapes of lines at the top or bottom of at least half the pages (at least two)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_shape(page.lines[i]) for i in _edge_indexes(page.lines)})
    needed = max(2, math.ceil(len(pages) / 2))
    return {shape for shape, count in seen.items() if count >= needed and shape.strip()}


def _dehyphenate(lines: list[PdfLine]) -> list[PdfLine]:
    """Join a word hyphenated at a line end with its rest on the next line."""
    out = list(lines)
    for index in range(len(out) - 1):
        line, following = out[index], out[index + 1]
        if not line.text or not following.text or not _HYPHENATED.search(line.text):
            continue
        first, _, rest = following.text.partition(" ")
        if not first[:1].islower() or first.rstrip(".,;:").lower() in _KEEP_HYPHEN:
            continue
        # "IT-" + "system": the hyphen of a compound after an abbreviation stays
        kept = line.text[:-1] + ("-" if line.text[-2].isupper() else "")
        out[index] = dataclasses.replace(line, text=kept + first)
        out[index + 1] = dataclasses.replace(following, text=rest)
    return [line for line in out if line.text]


def _paragraphs(lines: list[PdfLine]) -> list[PdfLine]:
    """Insert a paragraph break where the next line is further down than the page's usual
    line spacing (or back up: another column), and, where heights are unknown or the text has
    no spacing between paragraphs, after a line that ends a sentence short of the page's usual
    width (or ends its page) or any line far shorter than usual (a heading) when the next line
    starts like a new paragraph (a capital or a digit)."""
    by_page: dict[int, list[PdfLine]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    widths: dict[int, int] = {}
    spacing: dict[int, float] = {}
    for page, on_page in by_page.items():
        lengths = sorted(len(line.text or "") for line in on_page)
        widths[page] = lengths[int(len(lengths) * 0.9)]
        steps = sorted(
            above.height - below.height
            for above, below in itertools.pairwise(on_page)
            if above.height is not None and below.height is not None and above.height > below.height
        )
        spacing[page] = steps[len(steps) // 2] if len(steps) >= 3 else 0.0
    known = sorted(step for step in spacing.values() if step)
    for page, step in spacing.items():  # a page with few lines: the document's usual spacing
        spacing[page] = step or (known[len(known) // 2] if known else 0.0)
    out: list[PdfLine] = []
    for index, line in enumerate(lines):
        out.append(line)
        if index + 1 == len(lines):
            continue
        text = line.text or ""
        following = lines[index + 1]
        step = spacing[line.page]
        if (
            following.page == line.page
            and step
            and line.height is not None
            and following.height is not None
            and not 0 < line.height - following.height < 1.4 * step
            and abs(line.height - following.height) > step / 4  # not text on the same line
        ):
            out.append(PdfLine(None, line.page, line.line))
            continue
        starts_new = (following.text or "")[:1].isupper() or (following.text or "")[:1].isdigit()
        width = widths[line.page]
        ends = _SENTENCE_END.search(text) and (
            len(text) < 0.8 * width or following.page != line.page
        )
        if starts_new and (ends or len(text) < 0.6 * width):
            out.append(PdfLine(None, line.page, line.line))
    return out
