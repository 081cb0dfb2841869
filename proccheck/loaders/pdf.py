"""PDF specifications: the text layer of each page, read with pypdf, as lines that remember their
page and line, cleaned of what the page layout adds to the text.

- Lines repeated at the top or bottom of at least half the pages (running headers and footers,
  "Sida 3 av 12"; digits do not count when comparing) and lone page numbers are dropped; a
  repeated line that is a sentence is kept once.
- Text no reader sees (render mode 3 or 7, white fill, under 1.5 points, outside the page) is
  left out of the lines and returned apart, to be reported.
- A word hyphenated at a line end is joined again ("informations-" + "säkerhet"), except before
  a conjunction ("data- och informationssäkerhet"); after a capital the hyphen stays ("IT-system").
- Bullets in fonts' private-use characters and dashes at a line start become `•` items.
- Table-of-contents lines ("3.2 Export ........ 12") are dropped.
- A short line that ends a sentence ends its paragraph, since the text layer has no blank lines.
- Text is read in the order of the page's content stream (pypdf's plain mode), which for Word
  and LibreOffice exports reads a multi-column page column by column.

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
import itertools
import logging
import math
import re
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from proccheck import limits
from proccheck.errors import InputError
from proccheck.i18n import tr

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


def read_pdf(path: Path, display: str) -> tuple[list[PdfLine], list[tuple[int, str]]]:
    """The cleaned text lines of a PDF in reading order, with paragraph breaks; and the text
    its pages draw so that no reader sees it, with its page."""
    pages = extract_pages(path, display)
    lines = clean_pages(pages)
    if not any(line.text and _LETTER.search(line.text) for line in lines):
        raise _without_text(pages, display)
    hidden = [(number, text) for number, page in enumerate(pages, 1) for text in page.hidden]
    return lines, hidden


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
    hidden: tuple[str, ...] = ()
    """Text the page draws so that no reader sees it (see `_Ink`), left out of `lines`."""


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


class _Ink:
    """How the page draws its text, followed through pypdf's operator callbacks: the text
    render mode (3 draws nothing, 7 only clips) and the fill colour, saved and restored with
    the graphics state (`q`, `Q`). Text drawn invisibly, in white (on the white page), under
    1.5 points high or outside the page is what no reader of the PDF sees."""

    def __init__(self, page: Any) -> None:
        self.states: list[tuple[int, tuple[float, ...] | None]] = [(0, (0.0,))]
        self.device = True  # the fill colour space is DeviceGray, RGB or CMYK
        self.path: list[tuple[float, float, float, float]] = []  # rectangles of the path
        self.boxes: list[tuple[float, float, float, float]] = []  # filled, not white
        self.size = 0.0
        self.pieces: list[str] = []
        """The strings shown unseen since pypdf last handed over text: it hands over a text
        object's strings together, so a white word between black ones is found by its own."""
        try:
            box = page.mediabox
            self.box = (float(box.left), float(box.bottom), float(box.right), float(box.top))
        except Exception:  # a damaged or missing box: no text is taken to be off the page
            self.box = (-math.inf, -math.inf, math.inf, math.inf)

    def before(self, operator: bytes, operands: Any, cm: Any = None, tm: Any = None) -> None:
        render, fill = self.states[-1]
        if operator in (b"Tj", b"TJ", b"'", b'"') and operands:
            if cm is not None and tm is not None and self.unseen(cm, tm, self.size):
                self.pieces.append(_shown_string(operands[-1]))
        elif operator == b"Tf" and len(operands) > 1:
            with contextlib.suppress(TypeError, ValueError):
                self.size = float(operands[1])
        elif operator == b"q":
            self.states.append((render, fill))
        elif operator == b"Q" and len(self.states) > 1:
            self.states.pop()
        elif operator == b"Tr" and operands:
            with contextlib.suppress(TypeError, ValueError):
                self.states[-1] = (int(operands[0]), fill)
        elif operator in (b"g", b"rg", b"k"):
            self.device = True
            self.states[-1] = (render, _colour(operands))
        elif operator == b"cs" and operands:
            self.device = str(operands[0]).lstrip("/") in _DEVICE_SPACES
        elif operator in (b"sc", b"scn"):  # a spot or indexed colour is not read as grey
            self.states[-1] = (render, _colour(operands) if self.device else None)
        elif operator == b"re" and len(operands) == 4 and cm is not None:
            with contextlib.suppress(TypeError, ValueError, IndexError):
                x, y, w, h = (float(value) for value in operands)
                corners = [_apply(cm, x, y), _apply(cm, x + w, y + h)]
                (x0, y0), (x1, y1) = corners
                self.path.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        elif operator in _FILLS:
            if fill is None or not _white(fill):
                self.boxes.extend(self.path[: _MAX_BOXES - len(self.boxes)])
            self.path = []
        elif operator in (b"n", b"S", b"s"):
            self.path = []

    def unseen(self, cm: list[float], tm: list[float], size: float) -> bool:
        render, fill = self.states[-1]
        if render in (3, 7):
            return True
        try:
            scale = math.hypot(tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3])
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if fill is not None and _white(fill):  # white shows only on a box drawn beneath
                return len(self.boxes) < _MAX_BOXES and not any(
                    left <= x <= right and bottom <= y <= top
                    for left, bottom, right, top in self.boxes
                )
            left, bottom, right, top = self.box
            return (
                0 < abs(size) * scale < 1.5
                or not left - 5 <= x <= right
                or not bottom - 5 <= y <= top + 5
            )
        except (IndexError, TypeError, ValueError):  # a matrix pypdf could not make
            return False


_DEVICE_SPACES = frozenset({"DeviceGray", "DeviceRGB", "DeviceCMYK", "G", "RGB", "CMYK"})
_FILLS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_MAX_BOXES = 2000
"""Filled boxes kept per page: past them, white text is not judged (a page that draws so
many shapes may draw one under any text)."""


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


def _colour(operands: Any) -> tuple[float, ...] | None:
    """A fill colour's components (gray, RGB or CMYK), or None for a pattern or a name."""
    try:
        values = tuple(float(value) for value in operands)
    except (TypeError, ValueError):
        return None
    return values if len(values) in (1, 3, 4) else None


def _white(colour: tuple[float, ...]) -> bool:
    if len(colour) == 4:  # CMYK: no ink at all
        return all(value <= 0.05 for value in colour)
    return all(value >= 0.95 for value in colour)


def _page_text(page: Any, work: _PageWork | None = None) -> PageText:
    """The page's text (pypdf's plain mode), with the height of each line's first text and
    without the text no reader sees (`_Ink`); `work` bounds the time and content spent on it
    (raising `_Stop`)."""
    chunks: list[tuple[str, str, float | None]] = []  # as pypdf gave it, as seen, height
    hidden: list[str] = []
    ink = _Ink(page)

    def before(operator: bytes, operands: Any, cm: Any = None, tm: Any = None) -> None:
        if work is not None:
            work.before(operator, operands, cm, tm)
        ink.before(operator, operands, cm, tm)

    def visit(
        text: str, cm: list[float], tm: list[float], _font: object = None, size: object = 0
    ) -> None:
        if not text:  # pypdf reports every empty text object: thousands on a hostile page
            return
        try:
            height: float | None = float(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
        except (IndexError, TypeError, ValueError):  # a matrix pypdf could not make
            height = None
        seen = text
        for piece in ink.pieces:
            if piece.strip() and piece in seen:
                seen = seen.replace(piece, "", 1)
                hidden.append(piece)
        ink.pieces.clear()
        points = float(size) if isinstance(size, (int, float)) else 0.0
        if seen.strip() and ink.unseen(cm, tm, points):
            hidden.append(seen)
            seen = ""
        chunks.append((text, seen, height))

    text = (
        page.extract_text(
            visitor_text=visit,
            visitor_operand_before=before,
            visitor_operand_after=work.after if work else None,
        )
        or ""
    )
    if hidden and "".join(given for given, _, _ in chunks) == text:
        text = "".join(seen for _, seen, _ in chunks)
    elif hidden:  # pypdf's text differs from its chunks: take each hidden one out where it is
        for piece in hidden:
            text = text.replace(piece, "", 1)
    lines = text.split("\n")
    heights: list[float | None] = [None] * len(lines)
    if "".join(seen for _, seen, _ in chunks) == text:  # else the heights cannot be matched
        number = 0
        for _, chunk, height in chunks:
            for part_index, part in enumerate(chunk.split("\n")):
                number += part_index > 0
                if part.strip() and number < len(heights) and heights[number] is None:
                    heights[number] = height
    kept = tuple(" ".join(piece.split()) for piece in hidden)
    return PageText(lines, heights, hidden=tuple(piece for piece in kept if piece))


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
            for page_number in range(1, count + 1):
                try:
                    raw = reader.pages[page_number - 1]
                    page = _page_text(raw, _PageWork(raw, deadline, budget))
                except _Stop as stop:
                    raise _refusal(stop, display, page_number) from None
                if not any(line.strip() for line in page.lines) and _undecoded(raw):
                    page = dataclasses.replace(page, undecoded=True)
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
    return len(text.split()) >= 6 and bool(_SENTENCE_END.search(text))


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
