"""CSV quirks that used to pass in silence (issue 12): a quote that swallows the rows after it,
and a UTF-8 file with one line in Windows-1252. Both are refused at the line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from proccheck.errors import InputError
from proccheck.loaders.tables import _read_csv

HEAD = "Kravnummer;Svar;Kommentar\n"


def _read(tmp_path: Path, content: str | bytes) -> list[tuple[int, tuple[str, ...]]]:
    path = tmp_path / "svar.csv"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return _read_csv(path, "svar.csv")


@pytest.mark.parametrize(
    "body",
    [
        'K1;Ja;"öppen\nK2;Nej;x\nK3;Ja;y\n',  # never closed
        'K1;Ja;"öppen\nK2;Nej;x\nK3;Ja;y',  # never closed, no final line break
        'K1;Ja;"öppen\nK2;Nej;x\nK3;Ja;"y";z\nK4;Ja;w\n',  # closed by a later cell's quote
    ],
)
def test_a_quote_that_swallows_rows_is_refused_at_its_line(tmp_path: Path, body: str) -> None:
    with pytest.raises(InputError, match="quote opened on line 2") as raised:
        _read(tmp_path, HEAD + body)
    assert raised.value.where == "2" and raised.value.hint and '""' in raised.value.hint


def test_quoted_cells_with_line_breaks_and_stray_quotes_still_read(tmp_path: Path) -> None:
    rows = _read(
        tmp_path,
        HEAD
        + 'K1;Ja;"rad ett\nrad två; med semikolon"\n'
        + 'K2;Nej;"Ja" enligt bilaga\n'
        + 'K3;Ja;5" skärm\n'
        + 'K4;Ja;"citat ""inuti"" cellen"\n',
    )
    assert [cells for _line, cells in rows][1:] == [
        ("K1", "Ja", "rad ett\nrad två; med semikolon"),
        ("K2", "Nej", "Ja enligt bilaga"),
        ("K3", "Ja", '5" skärm'),
        ("K4", "Ja", 'citat "inuti" cellen'),
    ]


def test_a_field_over_the_csv_limit_names_the_line_it_starts_on(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="a cell is longer than 131,072 characters") as raised:
        _read(tmp_path, HEAD + "K1;Ja;ok\n" + 'K2;Ja;"' + "x" * 200_000 + "\n")
    assert raised.value.where == "3" and "unclosed quote" in (raised.value.hint or "")


def test_one_windows_1252_line_in_utf8_is_refused_at_that_line(tmp_path: Path) -> None:
    raw = (
        (HEAD + "K1;Ja;öppet format\n").encode()
        + "K2;Nej;behörighet\n".encode("cp1252")
        + "K3;Ja;återställning\n".encode()
    )
    with pytest.raises(InputError, match="line 3 is not UTF-8, although line 2 is") as raised:
        _read(tmp_path, raw)
    assert raised.value.where == "3" and raised.value.hint


def test_windows_1252_throughout_still_reads(tmp_path: Path) -> None:
    rows = _read(tmp_path, (HEAD + "K1;Ja;öppet format\nK2;Nej;behörighet\n").encode("cp1252"))
    assert rows[1][1] == ("K1", "Ja", "öppet format") and rows[2][1][2] == "behörighet"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_its_byte_order_mark_reads(tmp_path: Path, encoding: str) -> None:
    """Excel's "Unicode text" and LibreOffice's UTF-16 CSV were refused as binary files."""
    path = tmp_path / "svar.csv"
    path.write_bytes("\ufeffKrav-ID\tSvar\r\nK1\tJa, via öppet API\r\n".encode(encoding))
    assert _read_csv(path, "svar.csv") == [
        (1, ("Krav-ID", "Svar")),
        (2, ("K1", "Ja, via öppet API")),
    ]


def test_utf16_cut_in_the_middle_of_a_character_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_bytes("\ufeffKrav-ID;Svar\nK1;Ja\n".encode("utf-16-le")[:-1])
    with pytest.raises(InputError, match="not valid UTF-16"):
        _read_csv(path, "svar.csv")
