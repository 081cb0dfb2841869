"""Zip limits on every member whatever its name, and a size limit on every Office file read
(issue 12). The hostile files themselves are in tests/adversarial/ (xlsx-sheet-renamed-bin*,
docx-media-*, xlsx-bzip2-member); these tests pin the rules with small limits."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from proccheck import limits
from proccheck.errors import InputError
from proccheck.loaders.tables import check_zip

PNG = b"\x89PNG\r\n\x1a\n"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _noise(size: int) -> bytes:
    return random.Random(7).randbytes(size)


@pytest.mark.parametrize("kind", ["workbook", "document"])
def test_file_over_the_input_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    path = _zip(tmp_path / "big.zip", {"a.xml": b"<a/>", "b.bin": _noise(50_000)})
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 10_000)
    with pytest.raises(InputError, match="larger than the limit of 10,000 bytes") as raised:
        check_zip(path, "big.zip", kind)
    assert raised.value.path == "big.zip" and raised.value.hint


def test_media_by_content_do_not_count_as_xml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_EXPANDED", 100_000)
    photo = _zip(
        tmp_path / "photo.docx",
        {"word/document.xml": b"<d/>", "word/media/a.png": PNG + _noise(200_000)},
    )
    check_zip(photo, "photo.docx", "document")  # an image: only the total of all members counts
    renamed = _zip(
        tmp_path / "renamed.docx",
        {"word/document.xml": b"<d/>", "word/media/a.png": b"<w>" + b" x" * 100_000},
    )
    with pytest.raises(InputError, match="XML expands to more than 100,000 bytes"):
        check_zip(renamed, "renamed.docx", "document")  # XML under an image's name


def test_all_members_count_toward_the_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_EXPANDED", 100_000)
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 150_000)
    members = {f"word/media/{i}.png": PNG + bytes(70_000) for i in range(2)}
    check_zip(_zip(tmp_path / "two.docx", members), "two.docx", "document")
    members = {f"word/media/{i}.png": PNG + bytes(70_000) for i in range(5)}  # 350 kB > 250 kB
    with pytest.raises(InputError, match="expands to more than 250,000 bytes once unzipped"):
        check_zip(_zip(tmp_path / "five.docx", members), "five.docx", "document")


def test_a_sheet_under_another_name_has_its_cells_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_CELLS", 1_000)
    sheet = (
        b"<worksheet><sheetData><row>"
        + b'<c t="n"><v>1</v></c>' * 4_000
        + b"</row></sheetData></worksheet>"
    )
    path = _zip(tmp_path / "cells.xlsx", {"xl/workbook.xml": b"<w/>", "xl/worksheets/s.bin": sheet})
    with pytest.raises(InputError, match="more than 1,000 cells") as raised:
        check_zip(path, "cells.xlsx")
    assert raised.value.where == "xl/worksheets/s.bin"


def test_a_damaged_part_is_an_input_error(tmp_path: Path) -> None:
    """Looking inside a part (is it an image?) meets its damage first: an InputError, not a
    zlib traceback."""
    path = _zip(
        tmp_path / "damaged.docx",
        {"word/document.xml": b"<d/>", "word/media/x.bin": b"abc " * 50_000},
    )
    raw = bytearray(path.read_bytes())
    local = raw.find(b"PK\x03\x04", 10)  # the second part's local header
    start = local + 30 + int.from_bytes(raw[local + 26 : local + 28], "little")
    start += int.from_bytes(raw[local + 28 : local + 30], "little")
    raw[start : start + 40] = random.Random(3).randbytes(40)
    path.write_bytes(bytes(raw))
    with pytest.raises(InputError) as raised:
        check_zip(path, "damaged.docx", "document")
    assert raised.value.hint
