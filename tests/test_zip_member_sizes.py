"""A zip member that states a small size while its deflate stream goes on (issue: lying sizes).

zipfile's `read()` inflates a member's whole stream in one call before it cuts at the stated
size, and the zip limits (tests/test_zip_limits.py) trust that size: a 1 MB XLSX or DOCX whose
worksheet states 1 kB (with the CRC of that first kilobyte) but inflates to a gigabyte of spaces
took 2.1 GB. Every deflated member is now inflated in bounded chunks first and refused once it
passes its stated size. The files here state about 1 kB and hold 50 MB of spaces (~50 kB).
"""

from __future__ import annotations

import random
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from proccheck.errors import InputError
from proccheck.loaders import tables
from proccheck.loaders.docx import read_docx
from proccheck.loaders.tables import check_zip

Cli = Callable[..., CliResult]

PAD = 50 << 20
"""Bytes of spaces a lying member's stream goes on with past its stated size."""
MEMORY_BOUND = 20 << 20
"""Most bytes Python may allocate at a time while refusing a lying file (the pad is 50 MB)."""

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_WML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OFFICE = "application/vnd.openxmlformats-officedocument"


def _types(overrides: dict[str, str]) -> bytes:
    parts = "".join(
        f'<Override PartName="/{part}" ContentType="{_OFFICE}.{kind}"/>'
        for part, kind in overrides.items()
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_CT}">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f"{parts}</Types>"
    ).encode()


def _rels(targets: dict[str, str]) -> bytes:
    links = "".join(
        f'<Relationship Id="rId{number}" Type="{_DOC}/{kind}" Target="{target}"/>'
        for number, (kind, target) in enumerate(targets.items(), start=1)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_REL}">{links}</Relationships>'.encode()


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def workbook_parts() -> dict[str, bytes]:
    """A small answer matrix: Krav-ID and Svar for K1 to K3."""
    rows = [("Krav-ID", "Svar")] + [(f"K{i}", "Ja") for i in range(1, 4)]
    sheet = "".join(
        f'<row r="{n}">{_cell(f"A{n}", a)}{_cell(f"B{n}", b)}</row>'
        for n, (a, b) in enumerate(rows, start=1)
    )
    return {
        "[Content_Types].xml": _types(
            {
                "xl/workbook.xml": "spreadsheetml.sheet.main+xml",
                "xl/worksheets/sheet1.xml": "spreadsheetml.worksheet+xml",
            }
        ),
        "_rels/.rels": _rels({"officeDocument": "xl/workbook.xml"}),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_SML}" xmlns:r="{_DOC}">'
            '<sheets><sheet name="Svar" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": _rels({"worksheet": "worksheets/sheet1.xml"}),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_SML}">'
            f"<sheetData>{sheet}</sheetData></worksheet>"
        ).encode(),
    }


def document_parts() -> dict[str, bytes]:
    """A small specification: a heading and two requirements."""
    texts = ("Kravspecifikation", "K1. Kommunen ska äga all data.", "K2. Systemet ska ha ett API.")
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)
    return {
        "[Content_Types].xml": _types({"word/document.xml": "wordprocessingml.document.main+xml"}),
        "_rels/.rels": _rels({"officeDocument": "word/document.xml"}),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_WML}">'
            f"<w:body>{body}</w:body></w:document>"
        ).encode(),
    }


def _deflate(data: bytes, pad: int = 0) -> bytes:
    """Raw deflate of `data` followed by `pad` spaces (compressed a megabyte at a time)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    stream = [packer.compress(data)]
    spaces = b" " * (1 << 20)
    for start in range(0, pad, len(spaces)):
        stream.append(packer.compress(spaces[: min(len(spaces), pad - start)]))
    stream.append(packer.flush())
    return b"".join(stream)


def write_zip(
    path: Path,
    parts: dict[str, bytes],
    lying: str | None = None,
    pad: int = PAD,
    overstate: int = 0,
) -> Path:
    """A zip of `parts`, written by hand: the `lying` part states its true size (plus
    `overstate`) and its CRC in both headers, but its deflate stream goes on with `pad` spaces."""
    local, central = bytearray(), bytearray()
    for name, data in parts.items():
        lies = name == lying
        stream = _deflate(data, pad if lies else 0)
        encoded, offset = name.encode(), len(local)
        fields = (zlib.crc32(data), len(stream), len(data) + (overstate if lies else 0))
        local += struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x5021, *fields, len(encoded), 0
        )
        local += encoded + stream
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0x5021,
            *fields,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central), len(local), 0
    )
    path.write_bytes(bytes(local + central + end))
    return path


def _peak(action: Callable[[], object]) -> int:
    """The most bytes Python had allocated at once while `action` ran."""
    tracemalloc.start()
    try:
        action()
    except (InputError, SystemExit):
        pass
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


SPEC_TEXT = (
    "# Krav\n\nK1. Kommunen ska äga all data.\n\nK2. Leverantören ska möjliggöra export.\n\n"
    "K3. Systemet ska ha ett öppet API.\n"
)


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "spec.md"
    path.write_text(SPEC_TEXT, encoding="utf-8")
    return path


def test_the_lying_files_really_expand(tmp_path: Path) -> None:
    """The files below are what the sweep found: zipfile trusts the stated size and CRC, while
    the stream inflates to 50 MB more (counted in chunks, not held)."""
    path = write_zip(tmp_path / "lying.xlsx", workbook_parts(), "xl/worksheets/sheet1.xml")
    assert path.stat().st_size < 200_000
    with zipfile.ZipFile(path) as archive, path.open("rb") as handle:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        assert info.file_size < 2_000
        with archive.open(info) as stream:  # read in chunks, zipfile stops at the stated size
            assert len(stream.read(4096)) == info.file_size
        handle.seek(info.header_offset + 30 + len(info.filename))
        assert tables._inflated_size(handle, info.compress_size, PAD * 2) > PAD


def test_a_lying_worksheet_is_refused(cli: Cli, tmp_path: Path, spec: Path) -> None:
    path = write_zip(tmp_path / "lying.xlsx", workbook_parts(), "xl/worksheets/sheet1.xml")
    result = cli("answers", "check", path, "--spec", spec)
    assert result.code == 2, result.err
    assert "expands to more than its stated size" in result.err
    assert "xl/worksheets/sheet1.xml" in result.err and "Traceback" not in result.err
    assert "save as .xlsx" in result.err  # the hint


def test_a_lying_document_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = write_zip(tmp_path / "lying.docx", document_parts(), "word/document.xml")
    result = cli("spec", "check", path)
    assert result.code == 2, result.err
    assert "a part of the document expands to more than its stated size" in result.err
    assert "word/document.xml" in result.err and "save as .docx" in result.err


@pytest.mark.parametrize(
    ("kind", "suffix", "parts", "lying"),
    [
        ("workbook", ".xlsx", workbook_parts(), "xl/workbook.xml"),
        ("workbook", ".xlsx", workbook_parts(), "_rels/.rels"),
        ("workbook", ".xlsx", workbook_parts(), "[Content_Types].xml"),
        ("document", ".docx", document_parts(), "word/document.xml"),
        ("document", ".docx", document_parts(), "_rels/.rels"),
    ],
)
def test_every_lying_part_is_refused_within_bounded_memory(
    tmp_path: Path, kind: str, suffix: str, parts: dict[str, bytes], lying: str
) -> None:
    """Whichever part lies (openpyxl and python-docx read the small parts whole with `read()`),
    it is refused before any reader inflates it, allocating far less than the 50 MB pad."""
    path = write_zip(tmp_path / f"lying{suffix}", parts, lying)
    with pytest.raises(InputError, match="expands to more than its stated size") as raised:
        check_zip(path, path.name, kind)
    assert raised.value.where == lying and raised.value.hint
    assert _peak(lambda: check_zip(path, path.name, kind)) < MEMORY_BOUND


def test_the_commands_stay_within_bounded_memory(cli: Cli, tmp_path: Path, spec: Path) -> None:
    workbook = write_zip(tmp_path / "lying.xlsx", workbook_parts(), "xl/worksheets/sheet1.xml")
    document = write_zip(tmp_path / "lying.docx", document_parts(), "word/document.xml")
    cli("spec", "check", spec)  # imports and first-run caches outside the measurement
    assert _peak(lambda: cli("answers", "check", workbook, "--spec", spec)) < MEMORY_BOUND
    assert _peak(lambda: cli("spec", "check", document)) < MEMORY_BOUND


def test_honest_files_still_read(cli: Cli, tmp_path: Path, spec: Path) -> None:
    """The same files without the pad (written by hand, so the check sees the same layout)."""
    workbook = write_zip(tmp_path / "honest.xlsx", workbook_parts())
    document = write_zip(tmp_path / "honest.docx", document_parts())
    check_zip(workbook, workbook.name)
    check_zip(document, document.name, "document")
    tables_read = tables.read_tables(workbook, workbook.name, ("id", "answer"))
    assert [table.cell(row, "id") for table in tables_read for row in table.rows] == [
        "K1",
        "K2",
        "K3",
    ]
    result = cli("answers", "check", workbook, "--spec", spec)
    assert result.code in (0, 1), result.err
    blocks = read_docx(document, document.name)
    assert [block.texts[0] for block in blocks][1:] == [
        "K1. Kommunen ska äga all data.",
        "K2. Systemet ska ha ett API.",
    ]
    result = cli("spec", "check", document)
    assert result.code in (0, 1), result.err


def test_office_files_as_written_by_their_libraries_still_read(
    cli: Cli, tmp_path: Path, spec: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    docx = pytest.importorskip("docx")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Krav-ID", "Svar", "Kommentar"])
    for number in range(1, 4):
        sheet.append([f"K{number}", "Ja", "Enligt bilaga"])
    book.save(tmp_path / "answers.xlsx")
    document = docx.Document()
    document.add_paragraph("K1. Kommunen ska äga all data.")
    document.add_paragraph("K2. Systemet ska ha ett öppet API.")
    document.save(str(tmp_path / "spec.docx"))
    result = cli("answers", "check", tmp_path / "answers.xlsx", "--spec", spec)
    assert result.code in (0, 1), result.err
    result = cli("spec", "check", tmp_path / "spec.docx")
    assert result.code in (0, 1), result.err


def test_large_parts_pass_across_chunk_boundaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An honest part of several chunks (and one ending exactly on a chunk) is not refused, and
    a pad of a single byte past the stated size is."""
    monkeypatch.setattr(tables, "_STREAM_CHUNK", 4096)
    words = [b"<t>%d</t>" % random.Random(5).randrange(10**6) for _ in range(2_000)]
    big = b"<x>" + b"".join(words) + b"</x>"
    exact = b"<y>" + b"a" * (4096 * 8 - 7) + b"</y>"
    assert len(exact) % 4096 == 0
    parts = {**workbook_parts(), "xl/big.xml": big, "xl/exact.xml": exact}
    check_zip(write_zip(tmp_path / "honest.xlsx", parts), "honest.xlsx")
    for name in ("xl/big.xml", "xl/exact.xml"):
        path = write_zip(tmp_path / "one-more.xlsx", parts, name, pad=1)
        with pytest.raises(InputError, match="stated size") as raised:
            check_zip(path, "one-more.xlsx")
        assert raised.value.where == name


def test_a_stream_shorter_than_stated_reads_within_limits(
    cli: Cli, tmp_path: Path, spec: Path
) -> None:
    """The other way round (a stream shorter than stated) inflates nothing extra: it is read as
    before, or refused as damaged, never a traceback."""
    document = write_zip(
        tmp_path / "short.docx", document_parts(), "word/document.xml", pad=0, overstate=500
    )
    check_zip(document, document.name, "document")  # nothing to refuse here: no bomb
    result = cli("spec", "check", document)
    assert result.code in (0, 1, 2) and "Traceback" not in result.err, result.err
    workbook = write_zip(
        tmp_path / "short.xlsx", workbook_parts(), "xl/worksheets/sheet1.xml", pad=0, overstate=500
    )
    result = cli("answers", "check", workbook, "--spec", spec)
    assert result.code in (0, 1, 2) and "Traceback" not in result.err, result.err
