"""Attack round 10, PDF specifications: what a viewer shows that the text layer says otherwise.
A requirement painted over by a shading or by a form that fills a box, drawn in white through
an Indexed palette or a Lighten blend, or clipped by a path that is not a rectangle; a clause
in a Watermark annotation or a push button's caption; text in a Type3 font whose glyphs have
no names a reader knows. Each against its look-alike, and an honest TeX-made font whose
ligatures (ﬁ) read as two letters is not taken for a lying one."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_office_round4 import CATALOG, FONT, ONE_PAGE, pdf, stream

from proccheck.loaders.spec import load_spec

OWN = b"K1. Kommunen ska aga all data i systemet."
REST = b"BT /F1 11 Tf 56 700 Td (K2. Systemet ska bygga pa oppna standarder.) Tj ET\n"


def _page(
    tmp_path: Path,
    content: bytes,
    resources: bytes = b"",
    objects: tuple[bytes, ...] = (),
    page: bytes = b"",
) -> Path:
    """One page: font 4, content 5, `objects` from 6 on; `resources` beside the font (or, if
    they name fonts, in place of it)."""
    page_object = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
        + (resources if b"/Font" in resources else b"/Font << /F1 4 0 R >> " + resources)
        + b" >> /Contents 5 0 R "
        + page
        + b">>"
    )
    return pdf(
        tmp_path / "s.pdf", [CATALOG, ONE_PAGE, page_object, FONT, stream(content), *objects]
    )


def _read(path: Path) -> tuple[str, list[str]]:
    document = load_spec(path, path.name)
    return " | ".join(item.text for item in document.items), [
        why for _, why in document.unread_pages
    ]


def _line(text: bytes = OWN, before: bytes = b"") -> bytes:
    return b"BT /F1 11 Tf " + before + b" 56 720 Td (" + text + b") Tj ET\n"


SHADING = (
    b"<< /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 595 0] /Function << /FunctionType 2 "
    b"/Domain [0 1] /C0 [1 1 1] /C1 [1 1 1] /N 1 >> >>"
)
INDEXED = b"/ColorSpace << /CS1 [/Indexed /DeviceRGB 1 <FFFFFF000000>] >>"


def _form(fill: bytes) -> bytes:
    return stream(fill + b" 0 0 450 18 re f", b"/Type /XObject /Subtype /Form /BBox [0 0 450 18] ")


CASES: dict[str, tuple[bytes, bytes, tuple[bytes, ...], bool]] = {
    # content, resources, objects 6…, whether K1 is seen
    "shading": (_line() + b"q 50 714 450 18 re W n /Sh1 sh Q\n", b"/Shading << /Sh1 6 0 R >>", (SHADING,), False),
    "shading-elsewhere": (_line() + b"q 50 600 450 18 re W n /Sh1 sh Q\n", b"/Shading << /Sh1 6 0 R >>", (SHADING,), True),
    "form-box-over": (_line() + b"q 1 0 0 1 50 714 cm /Fx1 Do Q\n", b"/XObject << /Fx1 6 0 R >>", (_form(b"1 g"),), False),
    "form-box-behind": (b"q 1 0 0 1 50 714 cm /Fx1 Do Q\n" + _line(), b"/XObject << /Fx1 6 0 R >>", (_form(b"0.9 g"),), True),
    "triangle-clip": (b"q 300 300 m 301 300 l 300 301 l h W n\n" + _line() + b"Q\n", b"", (), False),
    "clip-around": (b"q 40 700 m 500 700 l 500 740 l 40 740 l h W n\n" + _line() + b"Q\n", b"", (), True),
    "lighten": (b"q /GS1 gs\n" + _line() + b"Q\n", b"/ExtGState << /GS1 6 0 R >>", (b"<< /BM /Lighten >>",), False),
    "multiply": (b"q /GS1 gs\n" + _line() + b"Q\n", b"/ExtGState << /GS1 6 0 R >>", (b"<< /BM /Multiply >>",), True),
    "indexed-white": (b"q /CS1 cs 0 sc\n" + _line() + b"Q\n", INDEXED, (), False),
    "indexed-black": (b"q /CS1 cs 1 sc\n" + _line() + b"Q\n", INDEXED, (), True),
    "indexed-restored": (b"q /CS1 cs Q 0 sc\n" + _line(), INDEXED, (), True),  # Q ends it
    # review of round 10: a blend given as an array, a highlight a form paints with its own
    # blend or opacity, more blend modes that leave the white page white
    "blend-array-lighten": (b"q /GS1 gs\n" + _line() + b"Q\n", b"/ExtGState << /GS1 6 0 R >>", (b"<< /BM [/Lighten /Normal] >>",), False),
    "blend-array-multiply": (b"q /GS1 gs\n" + _line() + b"Q\n", b"/ExtGState << /GS1 6 0 R >>", (b"<< /BM [/Multiply] >>",), True),
    "overlay": (b"q /GS1 gs\n" + _line() + b"Q\n", b"/ExtGState << /GS1 6 0 R >>", (b"<< /BM /Overlay >>",), False),
    "highlight-form": (_line() + b"q 1 0 0 1 50 714 cm /Fx1 Do Q\n", b"/XObject << /Fx1 6 0 R >>", (stream(b"/G0 gs 1 1 0 rg 0 0 450 18 re f", b"/Type /XObject /Subtype /Form /BBox [0 0 450 18] /Resources << /ExtGState << /G0 << /BM /Multiply >> >> >> "),), True),
    # review of round 10: a shading without a clip narrowed by its own box or by the ends of
    # an axial one; a form's box drawn through its own matrix or as a path of lines
    "shading-band": (_line() + b"/Sh1 sh\n", b"/Shading << /Sh1 6 0 R >>", (SHADING.replace(b"[0 0 595 0]", b"[0 714 0 732] /Extend [false false]"),), False),
    "shading-band-elsewhere": (_line() + b"/Sh1 sh\n", b"/Shading << /Sh1 6 0 R >>", (SHADING.replace(b"[0 0 595 0]", b"[0 600 0 618]"),), True),
    "shading-bbox": (_line() + b"/Sh1 sh\n", b"/Shading << /Sh1 6 0 R >>", (SHADING.replace(b">> >>", b">> /BBox [50 714 500 732] >>"),), False),
    "shading-page": (_line() + b"/Sh1 sh\n", b"/Shading << /Sh1 6 0 R >>", (SHADING.replace(b">> >>", b">> /Extend [true true] >>"),), True),  # the whole page: not judged
    "form-unit-box": (_line() + b"q 1 0 0 1 50 714 cm /Fx1 Do Q\n", b"/XObject << /Fx1 6 0 R >>", (stream(b"1 g 450 0 0 18 0 0 cm 0 0 1 1 re f", b"/Type /XObject /Subtype /Form /BBox [0 0 450 18] "),), False),
    "form-path-box": (_line() + b"q 1 0 0 1 50 714 cm /Fx1 Do Q\n", b"/XObject << /Fx1 6 0 R >>", (stream(b"1 g 0 0 m 450 0 l 450 18 l 0 18 l h f", b"/Type /XObject /Subtype /Form /BBox [0 0 450 18] "),), False),
    "form-triangle": (_line() + b"q 1 0 0 1 50 714 cm /Fx1 Do Q\n", b"/XObject << /Fx1 6 0 R >>", (stream(b"1 g 0 0 m 450 0 l 0 18 l h f", b"/Type /XObject /Subtype /Form /BBox [0 0 450 18] "),), True),
    "form-frame": (_line() + b"q 1 0 0 1 50 714 cm /Fx1 Do Q\n", b"/XObject << /Fx1 6 0 R >>", (stream(b"0 g 0 0 450 18 re 1 1 448 16 re f*", b"/Type /XObject /Subtype /Form /BBox [0 0 450 18] "),), True),
    "form-box-restored": (_line() + b"q 1 0 0 1 50 714 cm /Fx1 Do Q\n", b"/XObject << /Fx1 6 0 R >>", (stream(b"1 g q 1 0 0 1 0 -300 cm Q 0 0 450 18 re f", b"/Type /XObject /Subtype /Form /BBox [0 0 450 18] "),), False),
    # review of round 11: each box of one fill, a box with rounded corners
    "form-two-boxes": (_line() + b"q 1 0 0 1 50 714 cm /Fx1 Do Q\n", b"/XObject << /Fx1 6 0 R >>", (stream(b"1 g 0 -300 450 18 re 0 0 450 18 re f", b"/Type /XObject /Subtype /Form /BBox [0 -300 450 18] "),), False),
    "form-rounded-box": (_line() + b"q 1 0 0 1 50 714 cm /Fx1 Do Q\n", b"/XObject << /Fx1 6 0 R >>", (stream(b"1 g 4 0 m 446 0 l 448 0 450 2 450 4 c 450 14 l 450 16 448 18 446 18 c 4 18 l 2 18 0 16 0 14 c 0 4 l 0 2 2 0 4 0 c h f", b"/Type /XObject /Subtype /Form /BBox [0 0 450 18] "),), False),
    # round 12: a white shape of straight lines (not a box) drawn over the line
    "polygon-over": (_line() + b"q 1 g 40 710 m 520 712 l 515 735 l 45 733 l h f Q\n", b"", (), False),
    "polygon-beside": (_line() + b"q 1 g 40 610 m 520 612 l 515 635 l 45 633 l h f Q\n", b"", (), True),
    "polygon-half": (_line() + b"q 1 g 40 710 m 120 712 l 115 735 l 45 733 l h f Q\n", b"", (), True),
    # review of round 12: a white shape of 70 points, or with a curve, over the line; text
    # flattened to no height by its matrix; text turned or slanted is read
    "polygon-70-points": (_line() + b"q 1 g 40 710 m " + b" ".join(b"%d 711 l" % (40 + 7 * n) for n in range(68)) + b" 515 735 l 45 733 l h f Q\n", b"", (), False),
    "polygon-with-a-curve": (_line() + b"q 1 g 40 710 m 520 712 l 530 720 530 728 515 735 c 45 733 l h f Q\n", b"", (), False),
    "circle-beside": (_line() + b"q 1 g 300 600 m 330 600 340 610 340 630 c 340 650 330 660 300 660 c 270 660 260 650 260 630 c 260 610 270 600 300 600 c h f Q\n", b"", (), True),
    "matrix-no-height": (b"BT /F1 11 Tf 1 0 0 0 56 720 Tm (" + OWN + b") Tj ET\n", b"", (), False),
    "cm-flattened": (b"q 1 0 0 0.01 0 712.8 cm\n" + _line() + b"Q\n", b"", (), False),
    "matrix-turned": (b"BT /F1 11 Tf 0 1 -1 0 300 300 Tm (" + OWN + b") Tj ET\n", b"", (), True),
    "matrix-slanted": (b"BT /F1 11 Tf 1 0 0.3 1 56 720 Tm (" + OWN + b") Tj ET\n", b"", (), True),
    "form-box-moved": (_line() + b"q 1 0 0 1 50 714 cm /Fx1 Do Q\n", b"/XObject << /Fx1 6 0 R >>", (stream(b"1 g 1 0 0 1 0 -300 cm 0 0 450 18 re f", b"/Type /XObject /Subtype /Form /BBox [0 0 450 18] "),), True),
    # review of round 10: a clip judged by its shape, not by the box around it
    "evenodd-frame": (b"q 0 0 595 842 re 10 10 575 822 re W* n\n" + _line() + b"Q\n", b"", (), False),
    "nonzero-frame": (b"q 0 0 595 842 re 10 10 575 822 re W n\n" + _line() + b"Q\n", b"", (), True),
    "two-dots": (b"q 0 0 1 1 re 594 841 1 1 re W n\n" + _line() + b"Q\n", b"", (), False),
    "two-boxes-one-around": (b"q 0 0 1 1 re 40 700 500 40 re W n\n" + _line() + b"Q\n", b"", (), True),
    "diagonal-sliver": (b"q 0 0 m 595 842 l 594 842 l h W n\n" + _line() + b"Q\n", b"", (), False),
    "rounded-box": (b"q 50 700 m 500 700 l 510 700 510 740 500 740 c 50 740 l 40 740 40 700 50 700 c h W n\n" + _line() + b"Q\n", b"", (), True),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_a_requirement_is_read_only_where_a_viewer_shows_it(tmp_path: Path, case: str) -> None:
    content, resources, objects, seen = CASES[case]
    text, unread = _read(_page(tmp_path, content + REST, resources, objects))
    assert ("Kommunen ska aga" in text) == seen and "Systemet ska bygga" in text, text
    assert not unread


CLAUSE = b"Leverantoren behaller aganderatten till all data."
APPEARANCE = stream(
    b"BT /F1 10 Tf 4 6 Td (" + CLAUSE + b") Tj ET",
    b"/Type /XObject /Subtype /Form /BBox [0 0 460 20] /Resources << /Font << /F1 4 0 R >> >> ",
)


@pytest.mark.parametrize("mapped", [False, True], ids=["standard-font", "mapped-font"])
def test_a_watermark_annotation_is_read_where_its_font_reads_plainly(
    tmp_path: Path, mapped: bool
) -> None:
    """A watermark drawn in a standard font reads as it shows ("UTKAST", or a clause); one in
    a font that maps its codes to letters of its own cannot be read (review of round 10)."""
    watermark = (
        b"<< /Type /Annot /Subtype /Watermark /Rect [70 612 530 632] /F 4 /AP << /N 6 0 R >> >>"
    )
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
    shown = APPEARANCE.replace(b"/F1 4 0 R", b"/F1 8 0 R") if mapped else APPEARANCE
    objects = (shown, watermark, font) if mapped else (shown, watermark)
    path = _page(tmp_path, _line() + REST, b"", objects, b"/Annots [7 0 R] ")
    text, unread = _read(path)
    assert (unread, CLAUSE.decode() in text) == ((["annotation"], False) if mapped else ([], True))


def test_a_push_buttons_caption_is_read_as_the_pages_text(tmp_path: Path) -> None:
    button = (
        b"<< /Type /Annot /Subtype /Widget /FT /Btn /Ff 65536 /T (villkor) /Rect [70 612 530 632] /F 4 "
        b"/MK << /CA (" + CLAUSE + b") >> /AP << /N 6 0 R >> >>"
    )
    path = _page(tmp_path, _line() + REST, b"", (APPEARANCE, button), b"/Annots [7 0 R] ")
    assert CLAUSE.decode() in _read(path)[0]


def test_a_font_whose_glyphs_have_no_known_names_is_not_read(tmp_path: Path) -> None:
    glyph = stream(b"556 0 d0 0 0 500 700 re f")
    type3 = (
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
        b"/CharProcs << /g33 6 0 R /g34 6 0 R /g35 6 0 R >> /Encoding << /Type /Encoding "
        b"/Differences [33 /g33 /g34 /g35] >> /FirstChar 33 /LastChar 35 /Widths [556 556 556] >>"
    )
    content = _line() + REST + b'BT /F3 12 Tf 56 600 Td (!"#!"#) Tj ET\n'
    path = _page(tmp_path, content, b"/Font << /F1 4 0 R /F3 7 0 R >>", (glyph, type3))
    assert _read(path)[1] == ["font"]


def test_ligatures_a_font_maps_to_two_letters_are_no_lie(tmp_path: Path) -> None:
    """TeX's fonts: code 2 is the glyph /fi, which the ToUnicode map reads as "fi"."""
    to_unicode = stream(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry "
        b"(Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 "
        b"def 1 begincodespacerange <00> <FF> endcodespacerange 3 beginbfchar <02> <00660069> "
        b"<03> <0066006C> <41> <0041> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    font = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding "
        b"/Differences [2 /fi /fl 65 /A] >> /ToUnicode 6 0 R >>"
    )
    content = _line() + REST + b"BT /F3 11 Tf 56 600 Td (\\002nal \\003ow A) Tj ET\n"
    path = _page(tmp_path, content, b"/Font << /F1 4 0 R /F3 7 0 R >>", (to_unicode, font))
    assert _read(path)[1] == []


def test_a_buttons_caption_its_appearance_does_not_draw_is_not_read(tmp_path: Path) -> None:
    """Review of round 10: /MK /CA is what a button may show; its appearance is what it shows."""
    empty = stream(b"", b"/Type /XObject /Subtype /Form /BBox [0 0 460 20] ")
    button = (
        b"<< /Type /Annot /Subtype /Widget /FT /Btn /Ff 65536 /T (b) /Rect [70 612 530 632] /F 4 "
        b"/MK << /CA (" + CLAUSE + b") >> /AP << /N 6 0 R >> >>"
    )
    path = _page(tmp_path, _line() + REST, b"", (empty, button), b"/Annots [7 0 R] ")
    assert CLAUSE.decode() not in _read(path)[0]


def test_a_standard_font_that_lies_is_caught_without_a_base_encoding(tmp_path: Path) -> None:
    """Review of round 10: the TeX fix must not spare a standard (not embedded) font, whose
    encoding is Adobe's standard one for certain: its ToUnicode reads "Kommunen" while it draws
    "Lpnnvofo"."""
    drawn = "".join(chr(ord(c) + 1) if c.isalpha() else c for c in "Kommunen ska aga all data.")
    to_unicode = stream(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /L def "
        b"1 begincodespacerange <00> <FF> endcodespacerange "
        + b"%d beginbfchar " % len(set(drawn))
        + b" ".join(
            b"<%02X> <%04X>" % (ord(d), ord(c))
            for d, c in dict(zip(drawn, "Kommunen ska aga all data.", strict=True)).items()
        )
        + b" endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    font = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
        b"/Differences [200 /adieresis] >> /ToUnicode 6 0 R >>"
    )
    content = b"BT /F3 11 Tf 56 720 Td (K1. " + drawn.encode() + b") Tj ET\n" + REST
    path = _page(tmp_path, content, b"/Font << /F1 4 0 R /F3 7 0 R >>", (to_unicode, font))
    assert _read(path)[1] == ["font"]


def _square(extra: bytes) -> bytes:
    return b"<< /Type /Annot /Subtype /Square /Rect [50 714 500 732] " + extra + b" >>"


BOX_APPEARANCE = stream(
    b"1 g 0 0 450 18 re f", b"/Type /XObject /Subtype /Form /BBox [0 0 450 18] "
)
FRAME_APPEARANCE = stream(
    b"0 G 1 w 0 0 450 18 re S", b"/Type /XObject /Subtype /Form /BBox [0 0 450 18] "
)
ANNOTATED: dict[str, tuple[tuple[bytes, ...], bool]] = {
    # objects 6…, whether K1 is seen
    "white-box": ((_square(b"/AP << /N 7 0 R >>"), BOX_APPEARANCE), False),
    "interior-colour": ((_square(b"/IC [1 1 1]"),), False),
    "box-in-a-scaled-appearance": ((_square(b"/AP << /N 7 0 R >>"), stream(b"1 g 0 0 45 1.8 re f", b"/Type /XObject /Subtype /Form /BBox [0 0 45 1.8] ")), False),
    "frame-only": ((_square(b"/AP << /N 7 0 R >>"), FRAME_APPEARANCE), True),
    "border-only": ((_square(b""),), True),
    "see-through": ((_square(b"/CA 0.3 /AP << /N 7 0 R >>"), BOX_APPEARANCE), True),
    "hidden": ((_square(b"/F 2 /AP << /N 7 0 R >>"), BOX_APPEARANCE), True),
    "circle-interior-colour": ((_square(b"/IC [1 1 1]").replace(b"/Square", b"/Circle").replace(b"50 714 500 732", b"40 700 510 746"),), False),
    "polygon-box": ((_square(b"/IC [1 1 1] /Vertices [50 714 500 714 500 732 50 732]").replace(b"/Square", b"/Polygon"),), False),
    "polygon-triangle": ((_square(b"/IC [1 1 1] /Vertices [50 714 500 714 50 732]").replace(b"/Square", b"/Polygon"),), True),
    "two-bars": ((_square(b"/AP << /N 7 0 R >>").replace(b"50 714 500 732", b"50 600 500 732"), stream(b"1 g 0 0 450 18 re 0 114 450 18 re f", b"/Type /XObject /Subtype /Form /BBox [0 0 450 132] ")), False),
    "elsewhere": ((_square(b"/AP << /N 7 0 R >>").replace(b"714 500 732", b"400 500 418"), BOX_APPEARANCE), True),
    # round 12, f22: a redaction mark drawn as a filled bar; one with no appearance is an outline
    "redaction-bar": ((_square(b"/AP << /N 7 0 R >>").replace(b"/Square", b"/Redact"), BOX_APPEARANCE), False),
    "redaction-outline": ((_square(b"/IC [0 0 0]").replace(b"/Square", b"/Redact"),), True),
}  # fmt: skip


@pytest.mark.parametrize("case", ANNOTATED)
def test_a_box_an_annotation_fills_over_a_requirement_hides_it(tmp_path: Path, case: str) -> None:
    """Round 11 (f25): a square annotation filled white over K1 leaves a blank where K1 is."""
    objects, seen = ANNOTATED[case]
    path = _page(tmp_path, _line() + REST, objects=objects, page=b"/Annots [6 0 R] ")
    text, _unread = _read(path)
    assert ("Kommunen ska aga" in text) == seen and "Systemet ska bygga" in text, text
