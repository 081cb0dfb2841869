"""PDF text no reader sees (attack round 5): drawn invisibly, in white, a point high or off the
page, and a white "inte" inside a clause. Each is left out of the items and reported by SP011;
a sentence repeated as a footer on every page is read once instead of dropped."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_office_round4 import CATALOG, FONT, ONE_PAGE, PAGE, pdf, stream

from proccheck.loaders.spec import load_spec

OWN = b"(K1. Kommunen ska aga och ha kontroll over all data i systemet.) Tj"
OTHER = b"BT /F1 11 Tf 56 700 Td (K2. Systemet ska bygga pa oppna standarder.) Tj ET\n"


def page(k1: bytes) -> bytes:
    return k1 + b"\n0 0 0 rg 0 Tr\n" + OTHER


UNSEEN = {
    "render mode 3": b"BT 3 Tr /F1 11 Tf 56 760 Td " + OWN + b" ET",
    "white fill": b"1 1 1 rg BT /F1 11 Tf 56 760 Td " + OWN + b" ET",
    "one point": b"BT /F1 1 Tf 56 760 Td " + OWN + b" ET",
    "off the page": b"BT /F1 11 Tf 2000 760 Td " + OWN + b" ET",
    "white in a saved state": b"q 1 1 1 rg BT /F1 11 Tf 56 760 Td " + OWN + b" ET Q",
}


def spec(tmp_path: Path, content: bytes, name: str = "s.pdf") -> Any:
    path = pdf(tmp_path / name, [CATALOG, ONE_PAGE, PAGE, FONT, stream(content)])
    return load_spec(path, name)


@pytest.mark.parametrize("case", UNSEEN)
def test_text_no_reader_sees_is_left_out_and_reported(tmp_path: Path, case: str) -> None:
    document = spec(tmp_path, page(UNSEEN[case]))
    texts = " ".join(item.text for item in document.items)
    assert "Kommunen ska" not in texts and "Systemet ska bygga" in texts
    assert [(loc.page, text[:3]) for loc, text in document.hidden_text] == [(1, "K1.")]


def test_visible_text_is_read(tmp_path: Path) -> None:
    for k1 in (
        b"BT /F1 11 Tf 56 760 Td " + OWN + b" ET",
        b"0.2 0.2 0.6 rg BT /F1 11 Tf 56 760 Td " + OWN + b" ET",  # dark blue
        b"q 1 1 1 rg Q BT /F1 11 Tf 56 760 Td " + OWN + b" ET",  # white undone by Q
        b"0.1 0.2 0.4 rg 40 740 520 40 re f 1 1 1 rg BT /F1 11 Tf 56 760 Td " + OWN + b" ET",
        b"/CS0 cs 1 scn BT /F1 11 Tf 56 760 Td " + OWN + b" ET",  # a spot colour, full strength
    ):
        document = spec(tmp_path, page(k1))
        assert "Kommunen ska" in " ".join(item.text for item in document.items)
        assert not document.hidden_text


def test_a_white_word_inside_a_clause_does_not_turn_it_around(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """One text object, one word drawn white: pypdf hands the three strings over together."""
    clause = (
        b"BT /F1 11 Tf 56 640 Td (Leverantoren behaller ) Tj 1 1 1 rg (inte ) Tj 0 0 0 rg "
        b"(aganderatten till all data som genereras i tjansten.) Tj ET\n"
    )
    path = pdf(tmp_path / "v.pdf", [CATALOG, ONE_PAGE, PAGE, FONT, stream(clause + OTHER)])
    document = load_spec(path, "v.pdf")
    assert any("behaller aganderatten" in item.text for item in document.items)
    assert [text for _, text in document.hidden_text] == ["inte"]
    result = cli("spec", "check", path, "-f", "json")
    findings = json.loads(result.out)["reports"][0]["findings"]
    assert any(f["check"] == "SP011" and "page 1:" in f["message"] for f in findings)


def test_a_sentence_in_the_footer_of_every_page_is_read_once(tmp_path: Path) -> None:
    from pdf_maker import make_pdf

    footer = "Leverantören behåller äganderätten till all data som genereras."
    pages = [
        ["K1. Systemet ska ha export.", "", "text", footer],
        ["K2. Systemet ska logga.", "", footer],
    ]
    path = tmp_path / "f.pdf"
    path.write_bytes(make_pdf(pages))
    texts = [item.text for item in load_spec(path, "f.pdf").items]
    assert sum(footer in text for text in texts) == 1
    short = [
        ["K1. Systemet ska ha export.", "Kommunen X"],
        ["K2. Systemet ska logga.", "Kommunen X"],
    ]
    path.write_bytes(make_pdf(short))
    assert not any("Kommunen X" in item.text for item in load_spec(path, "f.pdf").items)


# Attack round 7: text hidden by the drawing rather than by the text's own colour or size.
FN = b"<< /FunctionType 2 /Domain [0 1] /C0 [1] /C1 [0] /N 1 >>"
WHITE_FN = b"<< /FunctionType 2 /Domain [0 1] /C0 [1 1 1] /C1 [1 1 1] /N 1 >>"
CMYK_NONE = b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0 0 0] /N 1 >>"
LAB = b"/ColorSpace << /CS1 [/Lab << /WhitePoint [0.9505 1 1.089] >>] >>"
WHITE_SHADING = (
    b"<< /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 600 0] /Function << /FunctionType 2 "
    b"/Domain [0 1] /C0 [1 1 1] /C1 [1 1 1] /N 1 >> >>"
)
BLUE_FN = b"<< /FunctionType 2 /Domain [0 1] /C0 [1 1 1] /C1 [0 0 0.5] /N 1 >>"
LAYER = b"<< /Type /OCG /Name (Utkast) >>"  # object 6
PRINT_ONLY = b"<< /Type /OCG /Name (Utkast) /Usage << /View << /ViewState /OFF >> >> >>"
VIEW_STATES = (
    b"/OCProperties << /OCGs [6 0 R] /D << /ON [6 0 R] "
    b"/AS [<< /Event /View /OCGs [6 0 R] /Category [/View] >>] >> >>"
)
DRAWN = b"BT /F1 11 Tf 56 760 Td " + OWN + b" ET"
BOX = b" 40 740 520 40 re f"


def layered(tmp_path: Path, content: bytes, **parts: bytes) -> Any:
    """A one-page spec whose page has more resources (`resources`), page entries (`page`),
    catalogue entries (`catalog`); object 6 is a layer (optional content group, `layer`)."""
    page_dict = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R %s "
        b"/Resources << /Font << /F1 4 0 R %s >> %s >> >>"
        % (parts.get("page", b""), parts.get("fonts", b""), parts.get("resources", b""))
    )
    catalog = b"<< /Type /Catalog /Pages 2 0 R %s >>" % parts.get("catalog", b"")
    layer = parts.get("layer", LAYER)
    objects = [catalog, ONE_PAGE, page_dict, FONT, stream(content), layer, FORM, *MORE]
    return load_spec(pdf(tmp_path / "l.pdf", objects), "l.pdf")


FORM = stream(  # object 7: a form drawing the clause, in the layer
    DRAWN,
    b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /OC 6 0 R "
    b"/Resources << /Font << /F1 4 0 R >> >>",
)
SMALL_FORM = stream(  # object 8: the clause in a form whose box is one point square
    DRAWN, b"/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /Font << /F1 4 0 R >> >>"
)
WHITE = stream(  # object 9: a white picture, one pixel
    b"\xff",
    b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
    b"/BitsPerComponent 8",
)
TILE = stream(  # object 10: a tiling pattern whose cell draws text
    b"BT /F1 11 Tf 0 0 Td (Leverantoren behaller aganderatten.) Tj ET",
    b"/PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 300 20] /XStep 300 /YStep 20 "
    b"/Resources << /Font << /F1 4 0 R >> >>",
)
STAMP = stream(  # object 11: a stamp's appearance, drawing text
    b"BT /F1 11 Tf 0 0 Td (Leverantoren behaller aganderatten.) Tj ET",
    b"/Type /XObject /Subtype /Form /BBox [0 0 300 20] /Resources << /Font << /F1 4 0 R >> >>",
)
LYING_FONT = (  # object 13: draws "A" and "B" for the codes its ToUnicode map (12) reads as X, Y
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
    b"/ToUnicode 12 0 R >>"
)
LYING_MAP = stream(
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /L def "
    b"1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <41> <0058> <42> <0059> "
    b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
)
LEAKY_FORM = stream(  # object 14: a form that leaves a saved state open, with white fill
    b"q 1 1 1 rg", b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << >>"
)
MORE = [SMALL_FORM, WHITE, TILE, STAMP, LYING_MAP, LYING_FONT, LEAKY_FORM]
LAYERS_OFF = b"/OCProperties << /OCGs [6 0 R] /D << /OFF [6 0 R] >> >>"
DRAWN_UNSEEN: dict[str, tuple[bytes, dict[str, bytes]]] = {
    "opacity 0": (b"q /G0 gs " + DRAWN + b" Q", {"resources": b"/ExtGState << /G0 << /ca 0 >> >>"}),
    "colourant None": (
        b"/CS1 cs 1 scn " + DRAWN,
        {"resources": b"/ColorSpace << /CS1 [/Separation /None /DeviceGray " + FN + b"] >>"},
    ),
    "spot colour at tint 0": (
        b"/CS1 cs 0 scn " + DRAWN,
        {"resources": b"/ColorSpace << /CS1 [/Separation /Black /DeviceGray " + FN + b"] >>"},
    ),
    "a spot colour whose every tint is white (round 12, f17)": (
        b"/CS1 cs 1 scn " + DRAWN,
        {"resources": b"/ColorSpace << /CS1 [/Separation /Vit /DeviceRGB " + WHITE_FN + b"] >>"},
    ),
    "a one-colourant DeviceN space that is white": (
        b"/CS1 cs 0.7 scn " + DRAWN,
        {"resources": b"/ColorSpace << /CS1 [/DeviceN [/Vit] /DeviceCMYK " + CMYK_NONE + b"] >>"},
    ),
    "white in Lab (round 13, f09)": (b"/CS1 cs 100 0 0 scn " + DRAWN, {"resources": LAB}),
    "a shading pattern white everywhere (round 13, f14)": (
        b"/Pattern cs /P1 scn " + DRAWN,
        {"resources": b"/Pattern << /P1 << /PatternType 2 /Shading " + WHITE_SHADING + b" >> >>"},
    ),
    "outside the crop box": (DRAWN, {"page": b"/CropBox [0 0 595 720]"}),
    "clipped away": (b"q 0 0 1 1 re W n " + DRAWN + b" Q", {}),
    "in a layer that is off": (
        b"/OC /L1 BDC " + DRAWN + b" EMC",
        {"resources": b"/Properties << /L1 6 0 R >>", "catalog": LAYERS_OFF},
    ),
    "in a layer off by base state": (
        b"/OC /L1 BDC " + DRAWN + b" EMC",
        {
            "resources": b"/Properties << /L1 6 0 R >>",
            "catalog": b"/OCProperties << /OCGs [6 0 R] /D << /BaseState /OFF >> >>",
        },
    ),
    "in a layer its usage turns off on viewing (round 13, f16)": (
        b"/OC /L1 BDC " + DRAWN + b" EMC",
        {
            "resources": b"/Properties << /L1 6 0 R >>",
            "catalog": VIEW_STATES,
            "layer": PRINT_ONLY,
        },
    ),
    "a form in a layer that is off": (
        b"/Fm1 Do",
        {"resources": b"/XObject << /Fm1 7 0 R >>", "catalog": LAYERS_OFF},
    ),
    "squeezed to nothing (0 Tz)": (b"q 0 Tz " + DRAWN + b" Q", {}),
    "raised off the page (Ts)": (b"q -2000 Ts " + DRAWN + b" Q", {}),
    "run together (-7 Tc)": (b"q -7 Tc " + DRAWN + b" Q", {}),
    "black on a black bar": (b"q 0 g" + BOX + b" Q 0 g " + DRAWN, {}),
    "navy on navy": (b"q 0 0 0.3 rg" + BOX + b" 0 0 0.3 rg " + DRAWN + b" Q", {}),
    "in a form whose box clips it": (b"/Fm2 Do", {"resources": b"/XObject << /Fm2 8 0 R >>"}),
    "covered by a white picture": (
        DRAWN + b" q 520 0 0 40 40 740 cm /Im1 Do Q",
        {"resources": b"/XObject << /Im1 9 0 R >>"},
    ),
    "under a soft mask": (
        b"q /G0 gs " + DRAWN + b" Q",
        {"resources": b"/ExtGState << /G0 << /SMask << /S /Luminosity /G 8 0 R >> >> >>"},
    ),
    "covered by a white box": (DRAWN + b" 1 1 1 rg" + BOX, {}),
    "covered by a black box": (DRAWN + b" 0 g" + BOX, {}),
}
DRAWN_SEEN: dict[str, tuple[bytes, dict[str, bytes]]] = {
    "clip around the text": (b"q 40 740 520 40 re W n " + DRAWN + b" Q", {}),
    "layer on": (
        b"/OC /L1 BDC " + DRAWN + b" EMC",
        {
            "resources": b"/Properties << /L1 6 0 R >>",
            "catalog": b"/OCProperties << /OCGs [6 0 R] /D << >> >>",
        },
    ),
    "a print-only usage the view does not apply": (
        b"/OC /L1 BDC " + DRAWN + b" EMC",
        {
            "resources": b"/Properties << /L1 6 0 R >>",
            "catalog": b"/OCProperties << /OCGs [6 0 R] /D << /ON [6 0 R] >> >>",
            "layer": PRINT_ONLY,
        },
    ),
    "a form in a layer that is on": (b"/Fm1 Do", {"resources": b"/XObject << /Fm1 7 0 R >>"}),
    "squeezed a little (90 Tz)": (b"q 90 Tz " + DRAWN + b" Q", {}),
    "a rule above it, drawn after": (DRAWN + b" 0 g 40 775 520 1 re f", {}),
    "yellow on a black bar": (b"q 0 g" + BOX + b" Q 1 1 0 rg " + DRAWN + b" 0 g", {}),
    "after a form that leaves white fill open": (
        b"/Fm4 Do " + DRAWN,
        {"resources": b"/XObject << /Fm4 14 0 R >>"},
    ),
    "a line through its first word only": (DRAWN + b" q 1 0 0 RG 1 w 56 764 m 80 764 l S Q", {}),
    "a box over its first word only": (DRAWN + b" q 1 1 1 rg 55 755 25 20 re f Q", {}),
    "a box beneath": (b"0.9 g" + BOX + b" 0 g " + DRAWN, {}),
    "a highlight drawn over it, multiplied": (
        DRAWN + b" /G0 gs 1 1 0 rg" + BOX,
        {"resources": b"/ExtGState << /G0 << /BM /Multiply >> >>"},
    ),
    "a half-transparent box over it": (
        DRAWN + b" /G0 gs 0 g" + BOX,
        {"resources": b"/ExtGState << /G0 << /ca 0.3 >> >>"},
    ),
    "an underline drawn after it": (DRAWN + b" 0 g 56 757 300 0.6 re f", {}),
    "a spot colour set without a tint (full ink)": (
        b"/CS1 cs " + DRAWN,
        {"resources": b"/ColorSpace << /CS1 [/Separation /Black /DeviceGray " + FN + b"] >>"},
    ),
    "a dark blue spot colour through an RGB transform": (
        b"/CS1 cs 0.8 scn " + DRAWN,
        {"resources": b"/ColorSpace << /CS1 [/Separation /Bla /DeviceRGB " + BLUE_FN + b"] >>"},
    ),
    "a spot colour whose transform is not worked out (sampled)": (
        b"/CS1 cs 1 scn " + DRAWN,
        {"resources": b"/ColorSpace << /CS1 [/Separation /X /DeviceGray << /FunctionType 0 >>] >>"},
    ),
    "dark in Lab": (b"/CS1 cs 20 0 0 scn " + DRAWN, {"resources": LAB}),
    "a shading pattern from white to navy": (
        b"/Pattern cs /P1 scn " + DRAWN,
        {
            "resources": b"/Pattern << /P1 << /PatternType 2 /Shading "
            + WHITE_SHADING.replace(b"/C1 [1 1 1]", b"/C1 [0 0 0.4]")
            + b" >> >>"
        },
    ),
    "spot colour at full tint": (
        b"/CS1 cs 1 scn " + DRAWN,
        {"resources": b"/ColorSpace << /CS1 [/Separation /Black /DeviceGray " + FN + b"] >>"},
    ),
}


@pytest.mark.parametrize("case", DRAWN_UNSEEN)
def test_text_the_drawing_hides_is_left_out_and_reported(tmp_path: Path, case: str) -> None:
    content, parts = DRAWN_UNSEEN[case]
    document = layered(tmp_path, page(content), **parts)
    texts = " ".join(item.text for item in document.items)
    assert "Kommunen ska" not in texts and "Systemet ska bygga" in texts
    assert [(loc.page, text[:3]) for loc, text in document.hidden_text] == [(1, "K1.")]


@pytest.mark.parametrize("case", DRAWN_SEEN)
def test_text_the_drawing_shows_is_read(tmp_path: Path, case: str) -> None:
    content, parts = DRAWN_SEEN[case]
    document = layered(tmp_path, page(content), **parts)
    assert "Kommunen ska" in " ".join(item.text for item in document.items)
    assert not document.hidden_text


@pytest.mark.parametrize(
    ("content", "page_entries"),
    [
        (DRAWN + b" q 1 0 0 RG 1.2 w 50 764 m 560 764 l S Q", b""),  # a red line through it
        (DRAWN + b" q 0 g 50 763 510 0.8 re f Q", b""),  # a thin bar through it, as Word draws
        (
            DRAWN,
            b"/Annots [<< /Type /Annot /Subtype /StrikeOut /Rect [50 755 560 775] "
            b"/QuadPoints [50 775 560 775 50 755 560 755] /Contents (Utgar) >>]",
        ),
    ],
    ids=["line", "bar", "strike-out annotation"],
)
def test_text_struck_out_in_a_pdf_is_withdrawn(
    tmp_path: Path, content: bytes, page_entries: bytes
) -> None:
    document = layered(tmp_path, page(content), page=page_entries)
    assert "Kommunen ska" not in " ".join(item.text for item in document.items)
    assert [text[:3] for _, text in document.withdrawn] == ["K1."]
    assert not document.hidden_text


def test_an_underline_is_no_strike(tmp_path: Path) -> None:
    document = layered(tmp_path, page(DRAWN + b" q 0 g 56 757 300 0.6 re f Q"))
    assert "Kommunen ska" in " ".join(item.text for item in document.items)
    assert not document.withdrawn


@pytest.mark.parametrize(
    ("content", "parts", "why"),
    [
        (b"q /P1 cs /P1 scn 40 600 300 20 re f Q", {"resources": b"/Pattern << /P1 10 0 R >>"}, "pattern"),
        (
            b"",
            {"page": b"/Annots [<< /Type /Annot /Subtype /Stamp /Rect [40 600 340 620] "
             b"/AP << /N 11 0 R >> >>]"},
            "annotation",
        ),
        (b"BT /FL 11 Tf 56 600 Td (AB) Tj ET", {"fonts": b"/FL 13 0 R"}, "font"),
    ],
    ids=["tiling pattern", "stamp", "lying font"],
)  # fmt: skip
def test_what_a_page_draws_but_proccheck_cannot_read_makes_nothing_met(
    cli: Callable[..., Any], tmp_path: Path, content: bytes, parts: dict[str, bytes], why: str
) -> None:
    document = layered(tmp_path, page(DRAWN) + content, **parts)
    assert [(loc.page, said) for loc, said in document.unread_pages] == [(1, why)]


def test_a_first_page_that_is_only_a_picture_is_a_cover_and_caps_nothing(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    from pdf_maker import make_pdf

    path = tmp_path / "cover.pdf"
    path.write_bytes(make_pdf([None, ["K1. Systemet ska ha export.", "", "text"]]))
    assert [(loc.page, why) for loc, why in load_spec(path, "c.pdf").unread_pages] == [(1, "cover")]
    report = json.loads(cli("spec", "check", path, "-f", "json").out)["reports"][0]
    assert not any("could not be read" in r["reason"] for r in report["results"])


def test_a_form_field_value_is_read(tmp_path: Path) -> None:
    field = (
        b"/Annots [<< /Type /Annot /Subtype /Widget /FT /Tx /Rect [56 600 500 620] "
        b"/V (Leverantoren behaller aganderatten till all data.) >>]"
    )
    document = layered(tmp_path, page(DRAWN), page=field)
    assert "behaller aganderatten" in " ".join(item.text for item in document.items)


def test_free_text_annotations_are_read_and_sticky_notes_are_comments(tmp_path: Path) -> None:
    annots = (
        b"/Annots [<< /Type /Annot /Subtype /FreeText /Rect [56 600 500 620] "
        b"/Contents (Leverantoren behaller aganderatten till all data.) >> "
        b"<< /Type /Annot /Subtype /FreeText /F 2 /Rect [56 500 500 520] /Contents (Dold ruta.) >> "
        b"<< /Type /Annot /Subtype /Text /Rect [56 400 80 420] /T (Anna) "
        b"/Contents (Galler bara standardpaketet.) >>]"
    )
    document = layered(tmp_path, page(DRAWN), page=annots)
    texts = " ".join(item.text for item in document.items)
    assert "behaller aganderatten" in texts and "Dold ruta" not in texts
    assert [(loc.page, text) for loc, text in document.comments] == [
        (1, "Anna: Galler bara standardpaketet.")
    ]


def test_a_scanned_page_is_reported_as_not_read(cli: Callable[..., Any], tmp_path: Path) -> None:
    from pdf_maker import make_pdf

    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([["K1. Systemet ska ha export.", "", "text"], None]))
    assert [(loc.page, why) for loc, why in load_spec(path, "scan.pdf").unread_pages] == [
        (2, "scan")
    ]
    report = json.loads(cli("spec", "check", path, "-f", "json").out)["reports"][0]
    assert any(f["check"] == "SP011" and f["location"]["page"] == 2 for f in report["findings"])
    assert all(r["outcome"] != "met" for r in report["results"])  # page 2 may undo any
    path.write_bytes(make_pdf([["K1. Systemet ska ha export.", "", "text"]]))
    assert not load_spec(path, "scan.pdf").unread_pages
