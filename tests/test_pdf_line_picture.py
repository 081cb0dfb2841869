"""A clause set as a picture of text among a PDF page's text (attack round 8, p17): proccheck
reads no picture, so a picture shaped like a line of text leaves every requirement unmet until
someone looks; a letterhead band, a footer logo or a square picture caps nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdf_maker import make_pdf, page_content
from test_office_round4 import docx, para

from proccheck.loaders.spec import load_spec

LINES = [
    "Kravspecifikation",
    "",
    "K1. Kommunen ska aga all data i systemet.",
    "K2. Systemet ska bygga pa oppna standarder.",
]


def _unread(tmp_path: Path, picture: bytes) -> list[tuple[int | None, str]]:
    path = tmp_path / "s.pdf"
    path.write_bytes(make_pdf([LINES], streams=[(b"", page_content(LINES) + picture)]))
    return [(loc.page, why) for loc, why in load_spec(path, "s.pdf").unread_pages]


@pytest.mark.parametrize(
    ("placed", "unread"),
    [
        (b"420 0 0 14 56 700", [(1, "line picture")]),  # a line of text, under K2
        (b"300 0 0 24 56 400", [(1, "line picture")]),  # two lines' height
        (b"520 0 0 40 36 780", []),  # a letterhead band at the top
        (b"300 0 0 20 150 30", []),  # a logo row in the footer
        (b"120 0 0 120 56 500", []),  # a square picture: a diagram, a logo
        (b"440 0 0 32 56 500", [(1, "line picture")]),  # two lines of 12 pt text
        (b"450 0 0 44 56 500", []),  # a band: higher than three lines
        (b"400 0 0 2 56 600", []),  # a rule
        (b"150 0 0 14 56 600", []),  # short: a signature, a small logo
    ],
    ids=[
        "line",
        "two-lines",
        "letterhead",
        "footer",
        "square",
        "two-lines-12pt",
        "band",
        "rule",
        "short",
    ],
)
def test_a_picture_shaped_like_a_line_of_text_is_not_read(
    tmp_path: Path, placed: bytes, unread: list[tuple[int, str]]
) -> None:
    assert _unread(tmp_path, b"q " + placed + b" cm /Im1 Do Q\n") == unread


def test_the_spec_check_takes_no_requirement_as_met(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [*LINES[:2], "K1. Kommunen ska äga och ha full kontroll över all data i systemet."]
    path = tmp_path / "s.pdf"
    for picture, outcome in ((b"", "met"), (b"q 420 0 0 14 56 700 cm /Im1 Do Q\n", "not_verified")):
        path.write_bytes(make_pdf([lines], streams=[(b"", page_content(lines) + picture)]))
        result = cli("spec", "check", str(path), "--lang", "sv", "-f", "json")
        (owned,) = [
            r
            for r in json.loads(result.out)["reports"][0]["results"]
            if r["requirement"] == "DATA-OWNERSHIP"
        ]
        assert owned["outcome"] == outcome, owned
    shown = cli("spec", "check", str(path), "--lang", "sv").out
    assert "en bild formad som en textrad står bland texten" in shown


def _drawing(*sizes: float) -> str:
    """A paragraph of inline DrawingML pictures side by side, each `width, height` in points
    (the pictures' bytes are not needed)."""
    runs = ""
    for width_points, height_points in zip(sizes[::2], sizes[1::2], strict=True):
        cx, cy = int(width_points * 12700), int(height_points * 12700)
        runs += (
            '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
            f'drawingml/2006/wordprocessingDrawing"><wp:extent cx="{cx}" cy="{cy}"/>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"/>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        )
    return f"<w:p>{runs}</w:p>"


BODY = (
    para("Kravspecifikation")
    + para("Dnr KS 2026/41")
    + para("K1. Kommunen ska äga och ha full kontroll över all data i systemet.")
)


@pytest.mark.parametrize(
    ("before", "size", "unread"),
    [
        (BODY, (420, 14), ["paragraph 4"]),
        (BODY, (120, 120), []),  # a square: a diagram, a logo
        (BODY, (150, 14), []),  # short: a signature
        (BODY, (420, 8), []),  # a divider
        ("", (453, 28), []),  # a letterhead's band as the first paragraph
    ],
    ids=["line", "square", "short", "divider", "letterhead"],
)
def test_a_word_picture_shaped_like_a_line_of_text_is_not_read(
    tmp_path: Path, before: str, size: tuple[float, float], unread: list[str]
) -> None:
    path = docx(tmp_path / "s.docx", before + _drawing(*size) + BODY)
    found = load_spec(path, "s.docx").unread_pages
    assert [location.element for location, _why in found] == unread


def test_the_word_spec_check_names_the_paragraph(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = docx(tmp_path / "s.docx", BODY + _drawing(420, 14))
    result = cli("spec", "check", str(path), "--lang", "sv", "-f", "json")
    (owned,) = [
        r
        for r in json.loads(result.out)["reports"][0]["results"]
        if r["requirement"] == "DATA-OWNERSHIP"
    ]
    assert owned["outcome"] == "not_verified"
    assert "paragraph 4 visar något som proccheck inte kunde läsa" in owned["reason"]


@pytest.mark.parametrize(
    ("placed", "unread"),
    [
        # a line of text cut into three pictures side by side, none wide enough alone
        (
            [b"140 0 0 14 56 700", b"140 0 0 14 196 700", b"140 0 0 14 336 701"],
            [(1, "line picture")],
        ),
        # a row of square logos: no piece is three times as wide as high
        ([b"30 0 0 30 56 500", b"30 0 0 30 96 500", b"30 0 0 30 136 500"] * 3, []),
        # a strip of wide logos ("EU co-funded"): about 4:1 each (review of round 11)
        ([b"130 0 0 36 56 500", b"130 0 0 36 196 500", b"130 0 0 36 336 500"], []),
        # three short pictures on three lines: not side by side
        ([b"140 0 0 14 56 700", b"140 0 0 14 56 600", b"140 0 0 14 56 500"], []),
    ],
    ids=["pieces", "logos", "logo-strip", "stacked"],
)
def test_pieces_of_a_line_of_text_side_by_side_are_not_read(
    tmp_path: Path, placed: list[bytes], unread: list[tuple[int, str]]
) -> None:
    drawn = b"".join(b"q " + place + b" cm /Im1 Do Q\n" for place in placed)
    assert _unread(tmp_path, drawn) == unread


def _vml_picture(style: str) -> str:
    """A legacy VML picture (`w:pict`, `v:shape` with `v:imagedata`) of that style."""
    return (
        '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" '
        f'style="{style}"><v:imagedata/></v:shape></w:pict></w:r></w:p>'
    )


@pytest.mark.parametrize(
    ("shown", "unread"),
    [
        (_drawing(140, 14, 140, 14, 140, 14), ["paragraph 4"]),  # a line cut in three
        (_drawing(40, 40, 40, 40, 40, 40, 40, 40), []),  # a row of logos
        (_drawing(140, 32, 140, 32, 140, 32), []),  # a strip of wide logos
        (_drawing(140, 14) * 3, []),  # three short pictures on three lines
        (_vml_picture("width:420pt;height:14pt"), ["paragraph 4"]),
        (_vml_picture("width:6in;height:.2in"), ["paragraph 4"]),
        (_vml_picture("width:560;height:19"), ["paragraph 4"]),  # pixels
        (_vml_picture("width:420pt;height:14pt;visibility:hidden"), []),
        (_vml_picture("width:120pt;height:120pt"), []),
    ],
    ids=[
        "pieces",
        "logos",
        "logo-strip",
        "stacked",
        "vml",
        "vml-inches",
        "vml-pixels",
        "vml-hidden",
        "vml-square",
    ],
)
def test_word_pieces_and_legacy_pictures_shaped_like_a_line_are_not_read(
    tmp_path: Path, shown: str, unread: list[str]
) -> None:
    path = docx(tmp_path / "s.docx", BODY + shown)
    found = load_spec(path, "s.docx").unread_pages
    assert [location.element for location, _why in found] == unread
