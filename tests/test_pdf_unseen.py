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
