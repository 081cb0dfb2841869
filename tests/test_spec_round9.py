"""Attack round 9, specifications: text a reader sees that the text layer gave otherwise or not
at all. A Word symbol element (`w:sym`) that is a letter; a running footer clause beside the
page number; a clause only in the bookmarks; words parted by TJ gaps instead of spaces; a line
drawn a letter at a time from its end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_office_round4 import CATALOG, FONT, ONE_PAGE, PAGE, docx, para, pdf, stream

from proccheck.loaders.spec import load_spec

CLAUSE = "Leverantoren behaller aganderatten till all data i tjansten."


def texts(path: Path) -> str:
    return " | ".join(item.text for item in load_spec(path, path.name).items)


@pytest.mark.parametrize(
    ("sym", "shown"),
    [
        ('w:font="Calibri" w:char="004C"', "Leverantören"),
        ('w:font="Calibri" w:char="F04C"', "Leverantören"),  # the private-area form
        ('w:font="Wingdings" w:char="F04C"', "everantören"),  # a pictogram, no letter
    ],
    ids=["letter", "private-area", "pictogram"],
)
def test_a_word_symbol_reads_as_the_letter_it_draws(tmp_path: Path, sym: str, shown: str) -> None:
    body = f'<w:p><w:r><w:sym {sym}/></w:r><w:r><w:t xml:space="preserve">everantören behåller äganderätten.</w:t></w:r></w:p>'
    read = texts(
        docx(tmp_path / "s.docx", body + para("K2. Systemet ska bygga på öppna standarder."))
    )
    assert read.startswith(shown + " behåller"), read


def one_page(
    tmp_path: Path, content: bytes, trailer_objects: list[bytes] | None = None, font: bytes = FONT
) -> Path:
    catalog = CATALOG if trailer_objects is None else CATALOG.replace(b">>", b"/Outlines 6 0 R >>")
    objects = [catalog, ONE_PAGE, PAGE, font, stream(content), *(trailer_objects or [])]
    return pdf(tmp_path / "s.pdf", objects)


KEEP = b"BT /F1 11 Tf 56 760 Td (K1. Systemet ska ha export av all data.) Tj ET\n"


def test_words_parted_by_gaps_are_words(tmp_path: Path) -> None:
    words = b" -170 ".join(b"(" + word.encode() + b")" for word in CLAUSE.split())
    courier = FONT.replace(b"Helvetica", b"Courier")  # a space is 600, the gap 170
    gapped = KEEP + b"BT /F1 11 Tf 56 700 Td [" + words + b"] TJ ET"
    read = texts(one_page(tmp_path, gapped, font=courier))
    assert CLAUSE in read, read
    kerned = b"BT /F1 11 Tf 56 700 Td [(Le) -30 (verantoren behaller all data.)] TJ ET"
    assert "Leverantoren behaller all data." in texts(
        one_page(tmp_path, KEEP + kerned, font=courier)
    )


@pytest.mark.parametrize(
    "operator",
    [b"(%s) Tj", b"[(%s)] TJ", b"(%s) '", b'0 0 (%s) "'],
    ids=["Tj", "TJ", "quote", "double-quote"],
)
def test_a_line_drawn_from_its_end_reads_from_its_start(tmp_path: Path, operator: bytes) -> None:
    """`'` and `"` move to the next line first: with a leading of 0 (`0 TL`) that is the start of
    the same line."""
    drawn = b"0 TL " + b"".join(
        b"1 0 0 1 %.1f 700 Tm " % (56 + 6 * i) + operator % char.encode() + b"\n"
        for i, char in reversed(list(enumerate(CLAUSE)))
    )
    read = texts(one_page(tmp_path, KEEP + b"BT /F1 11 Tf " + drawn + b"ET"))
    assert CLAUSE in read, read


def test_one_array_stepping_back_from_its_end_reads_from_its_start(tmp_path: Path) -> None:
    courier = FONT.replace(b"Helvetica", b"Courier")
    steps = b" 1200 ".join(b"(" + char.encode() + b")" for char in reversed(CLAUSE))
    shown = b"BT /F1 11 Tf 400 700 Td [" + steps + b"] TJ ET"
    assert CLAUSE in texts(one_page(tmp_path, KEEP + shown, font=courier))


def test_a_clause_in_the_bookmarks_is_read_and_a_heading_is_not(tmp_path: Path) -> None:
    outline = [
        b"<< /Type /Outlines /First 7 0 R /Last 8 0 R /Count 2 >>",
        b"<< /Title (3 Krav pa export) /Parent 6 0 R /Next 8 0 R /Dest [3 0 R /Fit] >>",
        b"<< /Title (Bilaga 5: "
        + CLAUSE.encode()
        + b") /Parent 6 0 R /Prev 7 0 R /Dest [3 0 R /Fit] >>",
    ]
    read = texts(one_page(tmp_path, KEEP, outline))
    assert CLAUSE in read and "Krav pa export" not in read, read


def test_a_running_clause_beside_the_page_number_is_read_once(tmp_path: Path) -> None:
    from pdf_maker import make_pdf

    footer = "Leverantören behåller äganderätten till all data som genereras.    Sida {} av 2"
    pages = [
        ["K1. Systemet ska ha export.", "", "text", footer.format(1)],
        ["K2. Systemet ska logga.", "", footer.format(2)],
    ]
    path = tmp_path / "f.pdf"
    path.write_bytes(make_pdf(pages))
    assert texts(path).count("behåller äganderätten") == 1


def test_a_bookmark_the_pages_already_say_is_not_read_twice(tmp_path: Path) -> None:
    """Review of round 9: Word makes bookmarks from headings, and a heading may be a sentence."""
    said = b"K1. Systemet ska ha export av all data."
    outline = [
        b"<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
        b"<< /Title (" + said + b") /Parent 6 0 R /Dest [3 0 R /Fit] >>",
    ]
    assert texts(one_page(tmp_path, KEEP, outline)).count("Systemet ska ha export") == 1


RIGHTS = """K1. Kommunen ska äga och ha full kontroll över all data i systemet.

| Rättighet | Kommunen | Leverantören |
|---|---|---|
| Äganderätt till all data i systemet | {buyer} | {vendor} |
| Nyttjanderätt till data under avtalstiden | X | X |
"""


@pytest.mark.parametrize(("buyer", "vendor", "outcome"), [("–", "X", "not_met"), ("X", "", "met")])
def test_a_rights_matrix_is_read_as_its_marks_say(
    cli: Any, tmp_path: Path, buyer: str, vendor: str, outcome: str
) -> None:
    """Round 9: ownership of all data ticked in the vendor's column gives the data away."""
    import json

    path = tmp_path / "krav.md"
    path.write_text(RIGHTS.format(buyer=buyer, vendor=vendor), encoding="utf-8")
    result = cli("spec", "check", path, "-f", "json")
    report = json.loads(result.out)["reports"][0]
    got = {r["requirement"]: r for r in report["results"]}["DATA-OWNERSHIP"]
    assert got["outcome"] == outcome, got["reason"]


@pytest.mark.parametrize("move", [b"1 0 0 1 %.1f 700 Tm", b"%.1f 0 Td"], ids=["Tm", "Td"])
def test_words_placed_apart_by_moves_are_words(tmp_path: Path, move: bytes) -> None:
    """Each word drawn on its own at its place (Courier: 6.6 points a letter at 11 points), a
    gap of 4 points after it: the words read apart, as a reader sees them."""
    courier = FONT.replace(b"Helvetica", b"Courier")
    drawn, x, step = [], 56.0, 0.0
    for word in CLAUSE.split():
        drawn.append(move % (x if b"Tm" in move else step) + b" (" + word.encode() + b") Tj")
        step = 6.6 * len(word) + 4
        x += step
    shown = KEEP + b"BT /F1 11 Tf 56 700 Td " + b" ".join(drawn) + b" ET"
    assert CLAUSE in texts(one_page(tmp_path, shown, font=courier))
