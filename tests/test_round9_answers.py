"""Attack round 9, vendor answers: what a reader of the file sees, where the stored characters
differ. A column header written again halfway that moves the answer column; Excel's escaped
characters (`_x0020_` for a space); a Yes struck through by combining overlays; a reservation
in small capitals; Hangul fillers drawn as spaces."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_xlsx_shown import outcome, workbook

RESERVATION = "Export sker endast mot avgift enligt gällande prislista."


def csv_file(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(["Kravnummer;Kravtext;Svar;Kommentar", *lines]) + "\n", "utf-8")
    return path


def test_a_header_written_again_halfway_moves_the_columns(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    path = csv_file(
        tmp_path / "svar.csv",
        "K1;Krav 1;Ja;",
        "Kravnummer;Kravtext;Kommentar;Svar",  # from here the answer is the last column
        "K2;Krav 2;Ja;Option",
        "K3;Krav 3;Ingen extra kostnad.;Ja",
    )
    got, reason = outcome(cli, path, "K2")
    assert got == "not_verified" and "neither Yes nor No" in reason, reason
    assert outcome(cli, path, "K1")[0] == outcome(cli, path, "K3")[0] == "met"


def test_a_header_repeated_as_it_was_is_no_answer(cli: Callable[..., Any], tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "svar.csv",
        "K1;Krav 1;Ja;",
        "Kravnummer;Kravtext;Svar;Kommentar",
        "K2;Krav 2;Ja;",
    )
    assert outcome(cli, path, "K1")[0] == outcome(cli, path, "K2")[0] == "met"


def inline_comment(path: Path, text: str) -> Path:
    """The comment of K2 (D3) stored as an inline string, as other writers than openpyxl do."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    cell = f'<c r="D3" t="inlineStr"><is><t>{text}</t></is></c>'
    sheet, count = re.subn(r'<c r="D3"[^>]*?(?:/>|>.*?</c>)', cell, sheet, count=1)
    assert count == 1
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_excel_escaped_characters_are_read_as_excel_shows_them(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    def placeholder(sheet: Any) -> None:
        sheet["D3"] = "x"

    path = workbook(tmp_path / "svar.xlsx", placeholder)
    inline_comment(path, RESERVATION.replace(" ", "_x0020_"))
    got, reason = outcome(cli, path)
    assert got == "not_verified" and '"mot avgift"' in reason, reason
    plain = inline_comment(workbook(tmp_path / "plain.xlsx", placeholder), "Ingår_x0020_i priset")
    assert outcome(cli, plain)[0] == "met"


@pytest.mark.parametrize(
    ("answer", "comment", "why"),
    [
        ("J\u0336a\u0336", "", "crossed out by overlay characters"),
        ("Ja", "m\u0336o\u0336t\u0336 a\u0336v\u0336g\u0336i\u0336f\u0336t\u0336", "overlay"),
        ("Ja", "Export sker ᴇɴᴅᴀꜱᴛ ᴍᴏᴛ ᴀᴠɢɪꜰᴛ.", '"mot avgift"'),
        ("Ja", RESERVATION.replace(" ", "\u3164"), '"mot avgift"'),
        ("Ja", RESERVATION.replace(" ", "\uffa0"), '"mot avgift"'),
        ("Ja", "Export sker endast mot ɑvɡift.", '"mot avgift"'),  # round 11: Latin alpha, g
        ("Ja\u20e0", "", "crossed out"),  # round 11: a prohibition sign drawn over the answer
    ],
    ids=[
        "struck-yes",
        "struck-comment",
        "small-capitals",
        "hangul-filler",
        "halfwidth-filler",
        "latin-alpha",
        "enclosing-prohibition",
    ],
)
def test_letters_drawn_otherwise_are_read_as_drawn(
    cli: Callable[..., Any], tmp_path: Path, answer: str, comment: str, why: str
) -> None:
    path = csv_file(tmp_path / "svar.csv", "K1;Krav 1;Ja;", f"K2;Krav 2;{answer};{comment}")
    got, reason = outcome(cli, path)
    assert got == "not_verified" and why in reason, reason
    assert outcome(cli, path, "K1")[0] == "met"


def test_an_escaped_shared_string_is_decoded_once(cli: Callable[..., Any], tmp_path: Path) -> None:
    """Review of round 9: Excel shows `_x005F_x004A_` as the literal "_x004A_", so a shared
    string written so is no "Ja", however often a reader decodes it."""
    path = workbook(tmp_path / "svar.xlsx")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet, count = re.subn(r'<c r="C3"[^>]*?(?:/>|>.*?</c>)', '<c r="C3" t="s"><v>0</v></c>', sheet)
    assert count == 1
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{main}" count="1" uniqueCount="1"><si><t>_x005F_x004A__x005F_x0061_</t>'
        "</si></sst>"
    ).encode()
    relationship = (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdS" Type="{relationship}" Target="sharedStrings.xml"/>'
        "</Relationships>".encode(),
    )
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>'.encode(),
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert outcome(cli, path)[0] == "not_verified"
