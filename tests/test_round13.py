"""Attack round 13 (blind), formats: a Word equation read as the line Word shows; a text frame
placed off the page and a white shape laid over a paragraph hide it; honest look-alikes stay."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_office_round4 import docx

from proccheck.loaders.spec import load_spec

OWN = "K1. Kommunen ska äga och ha full kontroll över all data i systemet."
CLAUSE = "Leverantören behåller äganderätten till all data som genereras i tjänsten."
MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _texts(tmp_path: Path, body: str) -> tuple[str, str]:
    document = load_spec(docx(tmp_path / "s.docx", body), "s.docx")
    return (
        " | ".join(item.text for item in document.items),
        " | ".join(text for _, text in document.hidden_text),
    )


def _paragraph(text: str, properties: str = "", extra: str = "") -> str:
    return f"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t>{text}</w:t></w:r>{extra}</w:p>"


def test_an_equation_is_read_as_the_line_word_shows(tmp_path: Path) -> None:
    equation = (
        f'<w:p><m:oMathPara xmlns:m="{MATH}"><m:oMath><m:r><m:rPr><m:nor/></m:rPr>'
        f"<m:t>{CLAUSE}</m:t></m:r></m:oMath></m:oMathPara></w:p>"
    )
    text, _hidden = _texts(tmp_path, _paragraph(OWN) + equation)
    assert CLAUSE in text


@pytest.mark.parametrize(
    ("frame", "shown"),
    [
        ('<w:framePr w:x="-31000" w:y="-9000" w:hAnchor="page" w:vAnchor="page"/>', False),
        ('<w:framePr w:x="40000" w:y="2000" w:hAnchor="page" w:vAnchor="page"/>', False),
        ('<w:framePr w:x="1417" w:y="2000" w:hAnchor="page" w:vAnchor="page"/>', True),
        ('<w:framePr w:wrap="around" w:vAnchor="text" w:hAnchor="margin"/>', True),
    ],
    ids=["far-above-and-left", "past-any-page", "on-the-page", "no-position"],
)
def test_a_text_frame_off_the_page_is_hidden(tmp_path: Path, frame: str, shown: bool) -> None:
    text, hidden = _texts(tmp_path, _paragraph(OWN, frame) + _paragraph("K2. Öppna standarder."))
    assert (OWN in text) == shown and (OWN in hidden) != shown


def _shape(
    fill: str,
    *,
    behind: str = "0",
    wrap: str = "<wp:wrapNone/>",
    offset: int = -20000,
    across: int = -20000,
) -> str:
    return (
        f'<w:r><w:drawing><wp:anchor xmlns:wp="{WP}" behindDoc="{behind}" distT="0" distB="0" '
        'distL="0" distR="0" simplePos="0" relativeHeight="1" locked="1" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{across}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{offset}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="6000000" cy="260000"/>{wrap}<wp:docPr id="5" name="Rektangel 5"/>'
        f'<a:graphic xmlns:a="{A}"><a:graphicData uri="{WPS}"><wps:wsp xmlns:wps="{WPS}">'
        f'<wps:spPr><a:prstGeom prst="rect"/>{fill}<a:ln><a:noFill/></a:ln></wps:spPr>'
        "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


WHITE = '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'


@pytest.mark.parametrize(
    ("shape", "shown"),
    [
        (_shape(WHITE), False),
        (_shape('<a:solidFill><a:srgbClr val="1F3864"/></a:solidFill>'), False),
        (_shape(WHITE, behind="1"), True),  # behind the text: a background
        (_shape(WHITE, wrap='<wp:wrapSquare wrapText="bothSides"/>'), True),  # text flows around
        (_shape("<a:noFill/>"), True),  # a frame drawn around the line
        (
            _shape(
                '<a:solidFill><a:srgbClr val="FFFF00"><a:alpha val="40000"/></a:srgbClr></a:solidFill>'
            ),
            True,
        ),
        (_shape(WHITE, offset=3000000), True),  # placed well below the paragraph
        (_shape(WHITE, across=3600000), True),  # a callout 10 cm along, beside a short line
    ],
    ids=["white", "navy", "behind", "wrapped", "outline", "see-through", "elsewhere", "beside"],
)
def test_a_shape_laid_over_its_paragraph_hides_it(tmp_path: Path, shape: str, shown: bool) -> None:
    """Round 13, f08: a white rectangle in front of the text, not wrapped, over K1's line."""
    body = f"<w:p><w:r><w:t>{OWN}</w:t></w:r>{shape}</w:p>" + _paragraph(
        "K2. Systemet ska bygga på öppna standarder."
    )
    text, hidden = _texts(tmp_path, body)
    assert (OWN in text) == shown and (OWN in hidden) != shown and "K2. Systemet" in text
