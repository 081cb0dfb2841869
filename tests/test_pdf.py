"""PDF specifications: text with page and line, headers and footers dropped, hyphenation undone,
and every unreadable PDF (scan, encrypted, malformed, bomb) refused with exit 2 and a hint."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import CliResult
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_maker import make_pdf

from proccheck import limits
from proccheck.loaders.pdf import read_pdf
from proccheck.loaders.spec import SpecItem, load_spec
from proccheck.model import Location

HEADER = "Trollhättans stad – Förfrågningsunderlag ärendesystem"
PAGES = [
    [
        HEADER,
        "\f1 Inledning",
        "Kommunen upphandlar ett system för ärendehantering som ska ersätta det",
        "nuvarande systemet under 2026.",
        "Innehåll ........................................ 2",
        "Sida 1 av 3",
    ],
    [
        HEADER,
        "\f2 Krav",
        "K1. Beställaren ska äga all data som registreras i systemet, inklusive metadata och",
        "loggar. Data ska kunna exporteras i ett öppet och dokumenterat format utan informations-",
        "förlust.",
        "K2. Leverantören bör erbjuda en data- och",
        "informationsmodell.",
        "K3. Vid avtalets slut ska Leverantören lämna över allt material till Beställaren, och",
        "Sida 2 av 3",
    ],
    [
        HEADER,
        "data exporteras då i leverantörens eget format mot en avgift enligt prislista.",
        "",
        "K4. Systemet ska tillhandahålla öppna API:er enligt OpenAPI 3.0.",
        "Sida 3 av 3",
    ],
]


def _write(tmp_path: Path, pages: Sequence[Any] = PAGES, **kwargs: Any) -> Path:
    """The pages as a PDF (see tests/pdf_maker.py) in tmp_path."""
    path = tmp_path / "forfragningsunderlag.pdf"
    path.write_bytes(make_pdf(pages, **kwargs))
    return path


def _errors(result: CliResult) -> list[str]:
    assert result.code == 2, (result.code, result.out, result.err)
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert lines[0].startswith("error: "), result.err
    assert all(line.startswith(("error: ", "hint: ")) for line in lines), result.err
    return lines


# --- text, pages and lines -------------------------------------------------------------------


@pytest.mark.parametrize("compress", [False, True])
def test_items_carry_page_and_line(tmp_path: Path, compress: bool) -> None:
    document = load_spec(_write(tmp_path, compress=compress), "forfragningsunderlag.pdf")
    refs = {item.ref: item for item in document.items if item.ref}
    assert {"K1", "K2", "K3", "K4"} <= set(refs)
    k1 = refs["K1"]
    assert (k1.location.page, k1.location.line) == (2, 3)
    assert k1.location.describe() == "forfragningsunderlag.pdf:p2:3"
    assert k1.text.endswith("utan informationsförlust.")  # hyphen at the line end joined
    assert refs["K2"].text == "Leverantören bör erbjuda en data- och informationsmodell."
    assert refs["K2"].level == "should"
    assert (refs["K4"].location.page, refs["K4"].location.line) == (3, 3)  # text lines counted
    everything = " ".join(item.text for item in document.items)
    assert HEADER not in everything and "Sida" not in everything  # running header, page numbers
    assert "Innehåll" not in everything  # a table-of-contents line
    assert "Kommunen upphandlar" in everything


def test_an_item_over_a_page_break_locates_each_line(tmp_path: Path) -> None:
    document = load_spec(_write(tmp_path), "f.pdf")
    k3 = next(item for item in document.items if item.ref == "K3")
    assert "till Beställaren, och data exporteras då" in k3.text
    assert (k3.location.page, k3.location.line) == (2, 8)
    later = k3.location_at(k3.text.index("data exporteras"))
    assert (later.page, later.line) == (3, 2)
    assert k3.location_at(0) == k3.location


def test_location_forms() -> None:
    location = Location(path="anbud.pdf", page=3, line=12)
    assert location.describe() == "anbud.pdf:p3:12"
    item = SpecItem("Leverantören ska exportera data.", location)
    assert item.describe("en") == "page 3, line 12"
    assert Location(path="spec.md", line=4).describe() == "spec.md:4"  # unchanged elsewhere


def test_lines_without_a_running_header_on_one_page(tmp_path: Path) -> None:
    path = _write(tmp_path, [["K1. Beställaren ska äga all data.", "Sida 1 av 1"]])
    lines = read_pdf(path, "one.pdf").lines
    assert [line.text for line in lines if line.text] == ["K1. Beställaren ska äga all data."]


def test_a_vertical_gap_ends_a_paragraph_that_fills_its_last_line(tmp_path: Path) -> None:
    lines = [
        "K1. Leverantören ska möjliggöra export av all data när som helst under hela avtalstiden",
        "och exporten ska omfatta alla ärenden, handlingar, metadata och loggar i ett öppet format.",
        "",
        "Bakgrunden beskrivs i förstudien och innehåller inga krav utan beskriver verksamheten.",
        "Förvaltningen hanterar i dag ärenden i flera system och vill samla informationen.",
    ]
    items = load_spec(_write(tmp_path, [lines]), "gap.pdf").items
    assert [item.ref for item in items] == ["K1", None]
    assert items[0].text.endswith("loggar i ett öppet format.")
    assert items[1].text.startswith("Bakgrunden")


def test_two_columns_are_read_one_after_the_other(tmp_path: Path) -> None:
    left = [
        "K1. Beställaren ska äga all",
        "data i systemet.",
        "K2. Systemet ska ha",
        "öppna API:er.",
    ]
    right = [
        "K3. Data ska kunna",
        "exporteras i CSV.",
        "K4. Leverantören ska",
        "bifoga en exitplan.",
    ]
    document = load_spec(_write(tmp_path, [(left, right)]), "spalter.pdf")
    items = {item.ref: item for item in document.items}
    assert items["K2"].text == "Systemet ska ha öppna API:er."
    assert items["K3"].text == "Data ska kunna exporteras i CSV."
    assert (items["K3"].location.page, items["K3"].location.line) == (1, 5)


def test_bullets_and_hyphens_after_an_abbreviation(tmp_path: Path) -> None:
    lines = [
        "Leverantören ska leverera följande:",
        "\u2013 export av alla ärenden och handlingar till IT-",
        "system som Beställaren väljer,",
        "\u2014 ett dokumenterat informations-",
        "flöde.",
    ]
    texts = [item.text for item in load_spec(_write(tmp_path, [lines]), "lista.pdf").items]
    assert texts == [
        "Leverantören ska leverera följande:",
        "export av alla ärenden och handlingar till IT-system som Beställaren väljer,",
        "ett dokumenterat informationsflöde.",
    ]


def test_private_use_bullets_start_items() -> None:
    from proccheck.loaders.pdf import PageText, clean_pages

    page = PageText(["Krav:", "\uf0b7 export av data", "\u25aa import av data"], [None] * 3)
    assert [line.text for line in clean_pages([page]) if line.text] == [
        "Krav:",
        "• export av data",
        "• import av data",
    ]


def test_an_owner_password_alone_does_not_stop_reading(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf(PAGES)))
    writer.encrypt("", owner_password="ägare", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "skyddad.pdf"
    path.write_bytes(buffer.getvalue())
    document = load_spec(path, "skyddad.pdf")
    assert any(item.ref == "K1" for item in document.items)


# --- spec check on a PDF ---------------------------------------------------------------------


def test_spec_check_locates_findings_by_page_and_line(cli, tmp_path: Path) -> None:
    path = _write(tmp_path)
    result = cli("spec", "check", path, "-f", "json")
    assert result.code == 1, result.err
    findings = json.loads(result.out)["reports"][0]["findings"]
    located = {(f["location"].get("page"), f["location"].get("line")) for f in findings}
    assert (2, 3) in located  # K1
    # K3's export in the vendor's format for a fee is on page 3, line 2, after the page break
    on_page_3 = [f for f in findings if f["location"].get("page") == 3]
    assert any(f["location"]["line"] == 2 for f in on_page_3), on_page_3
    text = cli("spec", "check", path)
    assert "forfragningsunderlag.pdf:p2:3" in text.out


# --- refusals --------------------------------------------------------------------------------


def test_a_scanned_pdf_is_refused_with_an_ocr_hint(cli, tmp_path: Path) -> None:
    path = _write(tmp_path, [None, None])
    error, hint = _errors(cli("spec", "check", path))
    assert "scanned PDF" in error and "no text layer" in error
    assert "OCR" in hint


def test_a_password_protected_pdf_is_refused(cli, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf(PAGES)))
    writer.encrypt("hemligt", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "losen.pdf"
    path.write_bytes(buffer.getvalue())
    error, hint = _errors(cli("spec", "check", path))
    assert error == f"error: {path}: the PDF is password-protected"
    assert "unprotected copy" in hint


@pytest.mark.parametrize(
    "content",
    [
        make_pdf(PAGES, compress=True)[:900],  # truncated
        b"%PDF-1.7\n" + bytes(range(256)) * 20,  # garbage after the header
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n",
        b"just text named .pdf\n",
    ],
    ids=["truncated", "garbage", "self-referencing", "not-a-pdf"],
)
def test_a_malformed_pdf_is_an_input_error(cli, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "trasig.pdf"
    path.write_bytes(content)
    error, hint = _errors(cli("spec", "check", path))
    assert str(path) in error
    assert "PDF" in error
    assert hint


def test_too_many_pages(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 2)
    error, hint = _errors(cli("spec", "check", _write(tmp_path)))
    assert "3 pages, more than the limit of 2" in error
    assert "PROCCHECK_MAX_PDF_PAGES" in hint


def test_too_much_text(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PDF_CHARS", 300)
    error, hint = _errors(cli("spec", "check", _write(tmp_path)))
    assert "longer than the limit of 300 characters" in error
    assert "PROCCHECK_MAX_PDF_CHARS" in hint


def test_a_decompression_bomb_is_refused(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zlib

    monkeypatch.setattr(limits, "MAX_PDF_STREAM_BYTES", 100_000)
    stream = zlib.compress(b"BT /F1 11 Tf (A) Tj ET\n" + b" " * 1_000_000, 9)
    path = _write(tmp_path, [["x"]], streams=[(b" /Filter /FlateDecode", stream)])
    error, hint = _errors(cli("spec", "check", path))
    assert "decompression bomb" in error and "100,000 bytes" in error
    assert "PROCCHECK_MAX_PDF_STREAM_BYTES" in hint


def test_pdf_answers_are_refused_with_a_table_hint(cli, tmp_path: Path) -> None:
    path = _write(tmp_path)
    error, hint = _errors(cli("answers", "check", path))
    assert "cannot read vendor answers from a .pdf file" in error
    assert ".xlsx" in hint and ".csv" in hint


# --- the cleaning of page text, on any text --------------------------------------------------

_LINE = st.text(alphabet=st.sampled_from("ab Ö-.:K1 \u00ad\u2013\uf0b7\n"), max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    pages=st.lists(
        st.lists(st.tuples(_LINE, st.none() | st.floats(0, 900)), max_size=12), max_size=5
    )
)
def test_clean_pages_on_any_text(pages: list[list[tuple[str, float | None]]]) -> None:
    from proccheck.loaders.pdf import PageText, clean_pages

    texts = [PageText([t for t, _ in page], [h for _, h in page]) for page in pages]
    for line in clean_pages(texts):
        assert 1 <= line.page <= len(pages)
        assert 1 <= line.line <= len(pages[line.page - 1])
        assert line.text is None or (line.text.strip() and "\n" not in line.text)
