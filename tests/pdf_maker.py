"""A minimal PDF writer for tests, the adversarial corpus and the PDF benchmark: pages of text
lines in Helvetica (WinAnsi, so Swedish letters survive), deterministic bytes, no dependencies.

`make_pdf([["line", "", "line"], ...])` writes one page per list; an empty string is a blank
line (a paragraph gap), a line starting with `\\f` is a heading in bold. `None` as a page is an
image-only page (a scanned page: a small grey image, no text); a tuple of two lists is a page
in two columns.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

PAGE_WIDTH, PAGE_HEIGHT = 595, 842
LEADING = 14


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def page_content(lines: Sequence[str], left: int = 56) -> bytes:
    """The content stream of a page of text lines, top to bottom (a column at `left`)."""
    out = [b"BT", b"/F1 11 Tf", f"{LEADING} TL".encode(), f"{left} {PAGE_HEIGHT - 60} Td".encode()]
    for line in lines:
        if line.startswith("\f"):
            out += [b"/F2 13 Tf", b"(" + _escape(line[1:]) + b") Tj T*", b"/F1 11 Tf"]
        elif line:
            out.append(b"(" + _escape(line) + b") Tj T*")
        else:
            out.append(b"T*")
    out.append(b"ET")
    return b"\n".join(out) + b"\n"


_IMAGE = b"q 400 0 0 600 90 120 cm /Im1 Do Q\n"


def make_pdf(
    pages: Sequence[Sequence[str] | tuple[Sequence[str], Sequence[str]] | None],
    *,
    compress: bool = False,
    streams: Sequence[tuple[bytes, bytes]] | None = None,
) -> bytes:
    """A PDF of `pages`. `streams` replaces the content streams: (dictionary extras such as
    `/Filter /FlateDecode`, raw stream bytes) per page, for hostile files."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    page_tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    pixels = zlib.compress(bytes([160]) * 64, 9)
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(pixels)
        + pixels
        + b"\nendstream"
    )
    kids = []
    for index, lines in enumerate(pages):
        if streams is not None:
            extra, data = streams[index]
        elif lines is None:
            extra, data = b"", _IMAGE
        elif isinstance(lines, tuple):  # two columns, written one after the other
            extra, data = b"", page_content(lines[0]) + page_content(lines[1], left=310)
        else:
            extra, data = b"", page_content(lines)
            if compress:
                extra, data = b" /Filter /FlateDecode", zlib.compress(data, 9)
        content = add(b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (page_tree, PAGE_WIDTH, PAGE_HEIGHT, content, font, bold, image)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % page_tree
    objects[page_tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    return serialize(objects, catalog)


def serialize(objects: Sequence[bytes], root: int, trailer: bytes = b"") -> bytes:
    """A PDF file of `objects` (numbered from 1), its cross-reference table and a trailer
    naming object `root` as the catalogue (`trailer`: more trailer entries, e.g. /Encrypt)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        trailer,
        xref,
    )
    return bytes(out)
