"""Office and PDF defects of attack round 4: content Word shows inside wrappers, refusals that
took too long (many paragraphs, elements or sheets), and errors that named an exception instead
of the problem. Every input is made here, small, with limits lowered where that keeps it small;
each check has a sample that is refused and one that is read."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pdf_maker import serialize
from test_adversarial import MAX_REJECT_SECONDS, run_proccheck

from proccheck import limits
from proccheck.errors import InputError
from proccheck.loaders import tables
from proccheck.loaders.spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "samples" / "spec" / "kravspecifikation-arendehantering.md"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


# --- builders --------------------------------------------------------------------------------


def _zip(path: Path, parts: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _types(*overrides: tuple[str, str]) -> str:
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )


def _rels(*targets: tuple[str, str]) -> str:
    return (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{n}" Type="{R}/{kind}" Target="{target}"/>'
            for n, (kind, target) in enumerate(targets, start=1)
        )
        + "</Relationships>"
    )


def para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def docx(
    path: Path,
    body: str,
    *,
    main: str = MAIN,
    document_rels: str | None = None,
    extra: dict[str, str | bytes] | None = None,
    types: tuple[tuple[str, str], ...] = (),
) -> Path:
    document = f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>'
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": _types(("/word/document.xml", main), *types),
        "_rels/.rels": _rels(("officeDocument", "word/document.xml")),
        "word/document.xml": document,
    }
    if document_rels:
        parts["word/_rels/document.xml.rels"] = document_rels
    return _zip(path, parts | (extra or {}))


def docx_with_part(path: Path, body: str, kind: str, xml: str, content_type: str) -> Path:
    """A document with one more part, `word/{kind}.xml`, related to it as `kind`."""
    return docx(
        path,
        body,
        document_rels=_rels((kind, f"{kind}.xml")),
        extra={f"word/{kind}.xml": xml},
        types=((f"/word/{kind}.xml", content_type),),
    )


def sheet(rows: list[list[str]]) -> str:
    cells = "".join(
        f'<row r="{r}">'
        + "".join(
            f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
            for c, v in enumerate(row)
        )
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{cells}</sheetData></worksheet>"
    )


def xlsx(path: Path, sheets: list[str], parts_of: list[int] | None = None) -> Path:
    """A workbook whose sheet i shows the part `parts_of[i]` (each its own part by default)."""
    parts_of = parts_of if parts_of is not None else list(range(len(sheets)))
    listed = "".join(
        f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId{part + 1}"/>'
        for i, part in enumerate(parts_of)
    )
    workbook = (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'xmlns:r="{R}"><sheets>{listed}</sheets></workbook>'
    )
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": _types(
            ("/xl/workbook.xml", f"{SML}.sheet.main+xml"),
            *(
                (f"/xl/worksheets/sheet{n + 1}.xml", f"{SML}.worksheet+xml")
                for n in range(len(sheets))
            ),
        ),
        "_rels/.rels": _rels(("officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": _rels(
            *(("worksheet", f"worksheets/sheet{n + 1}.xml") for n in range(len(sheets)))
        ),
    }
    files |= {f"xl/worksheets/sheet{n + 1}.xml": xml for n, xml in enumerate(sheets)}
    return _zip(path, files)


def pdf(path: Path, objects: list[bytes], trailer: bytes = b"") -> Path:
    path.write_bytes(serialize(objects, 1, trailer))
    return path


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
ONE_PAGE = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
    b">> /Contents 5 0 R >>"
)
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
TEXT = b"BT /F1 11 Tf 56 780 Td (Leverantoren ska exportera all data i oppna format.) Tj ET"


def refusal(cli: Callable[..., Any], *args: str | Path) -> tuple[str, str]:
    """The error and hint lines of a run that must end in exit 2."""
    result = cli(*args)
    assert result.code == 2, result.out + result.err
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    error = next(line for line in lines if line.startswith("error: "))
    hint = next((line for line in lines if line.startswith("hint: ")), "")
    return error, hint


def outcomes(cli: Callable[..., Any], path: Path) -> dict[str, str]:
    result = cli("spec", "check", path, "-f", "json")
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    return {r["requirement"]: r["outcome"] for r in report["results"]}


# --- 1. DOCX: what Word shows inside wrappers is read -------------------------------------------


def test_a_clause_in_a_content_control_is_read(cli: Callable[..., Any], tmp_path: Path) -> None:
    """A clause wrapped in w:sdt was skipped, so DATA-OWNERSHIP came out met."""
    lines = [line for line in SPEC.read_text(encoding="utf-8").splitlines() if line.strip()]
    hidden = ("behåller äganderätten", "sekretessavtal")
    assert any(word in line for line in lines for word in hidden)
    wrapped = "".join(
        f"<w:sdt><w:sdtPr/><w:sdtContent>{para(line)}</w:sdtContent></w:sdt>"
        if any(word in line for word in hidden)
        else para(line)
        for line in lines
    )
    plain = outcomes(cli, docx(tmp_path / "plain.docx", "".join(para(line) for line in lines)))
    hiding = outcomes(cli, docx(tmp_path / "sdt.docx", wrapped))
    assert plain["DATA-OWNERSHIP"] == plain["OPEN-APIS"] == "not_met"
    assert hiding == plain


def test_wrapped_paragraphs_rows_and_cells_are_read_in_order(tmp_path: Path) -> None:
    body = (
        para("K1. Systemet ska ha ett API.")
        + f'<w:customXml w:element="x">{para("K2. Systemet ska logga.")}</w:customXml>'
        + "<w:sdt><w:sdtContent><w:tbl><w:tr><w:tc>"
        + para("Id")
        + "</w:tc><w:tc>"
        + para("Krav")
        + "</w:tc></w:tr><w:sdt><w:sdtContent><w:tr><w:tc>"
        + para("K3")
        + "</w:tc><w:sdt><w:sdtContent><w:tc>"
        + para("Systemet ska ha export.")
        + "</w:tc></w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>"
        + "</w:sdtContent></w:sdt>"
        + f"<w:del>{para('K4. Borttaget krav ska inte läsas.')}</w:del>"
    )
    document = load_spec(docx(tmp_path / "wrapped.docx", body), "wrapped.docx")
    found = [(item.text, item.location.element) for item in document.items]
    assert found == [
        ("K1. Systemet ska ha ett API.", "paragraph 1"),
        ("K2. Systemet ska logga.", "paragraph 2"),
        ("Systemet ska ha export.", "table 1 row 2 cell 2"),
    ]


def test_alternative_content_is_read_once(tmp_path: Path) -> None:
    """Word shows one version of `mc:AlternateContent` (its first choice): reading the fallback
    too made every such paragraph two items."""
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    body = (
        f'<mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="w14">'
        + para("K1. Systemet ska ha ett API.")
        + "</mc:Choice><mc:Fallback>"
        + para("K1. Systemet ska ha ett API.")
        + "</mc:Fallback></mc:AlternateContent>"
        + para("K2. Systemet ska logga.")
    )
    document = load_spec(docx(tmp_path / "mc.docx", body), "mc.docx")
    assert [item.text for item in document.items] == [
        "K1. Systemet ska ha ett API.",
        "K2. Systemet ska logga.",
    ]


def test_an_alt_chunk_is_refused(cli: Callable[..., Any], tmp_path: Path) -> None:
    """Word shows the file an altChunk brings in; reading past it would hide that text."""

    def document(name: str, body: str) -> Path:
        return docx(
            tmp_path / name,
            para("K1. Systemet ska ha ett API.") + body,
            document_rels=_rels(("aFChunk", "chunk.html")),
            extra={"word/chunk.html": "<html><body><p>Leverantören äger data.</p></body></html>"},
            types=(("/word/chunk.html", "text/html"),),
        )

    assert cli("spec", "check", document("kept.docx", "")).code in (0, 1)  # the part unused
    chunk = '<w:altChunk r:id="rId1"/>'
    for name, body in (
        ("chunk.docx", chunk),
        ("cell.docx", f"<w:tbl><w:tr><w:tc>{chunk}<w:p/></w:tc></w:tr></w:tbl>"),
    ):
        error, hint = refusal(cli, "spec", "check", document(name, body))
        assert "altChunk" in error and "save it again as .docx" in hint


def test_a_document_without_text_is_refused(cli: Callable[..., Any], tmp_path: Path) -> None:
    empty = "<w:p/>" * 5 + "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>" + para("   ")
    error, _hint = refusal(cli, "spec", "check", docx(tmp_path / "tom.docx", empty))
    assert error.endswith("tom.docx: the Word document contains no text")
    assert cli("spec", "check", docx(tmp_path / "en.docx", empty + para("Text"))).code in (0, 1)


# --- 3. DOCX: refusals within 2 s -------------------------------------------------------------


def test_items_are_counted_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_SPEC_ITEMS", 20)
    headings = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Rubrik</w:t></w:r></w:p>'
    fits = headings * 5 + para("Stycke") * 20  # headings are not items
    load_spec(docx(tmp_path / "fits.docx", fits), "fits.docx")
    with pytest.raises(InputError, match="more than 20 paragraphs"):
        load_spec(docx(tmp_path / "over.docx", fits + para("Ett till")), "over.docx")


def test_elements_are_counted_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_DOCX_ELEMENTS", 1_000)
    load_spec(docx(tmp_path / "fits.docx", "<w:p/>" * 900 + para("Text")), "fits.docx")
    with pytest.raises(InputError, match="more than 1,000 XML elements") as refused:
        load_spec(docx(tmp_path / "over.docx", "<w:p/>" * 1_000 + para("Text")), "over.docx")
    assert refused.value.where == "word/document.xml"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (para("x") * 200_000, "more than 10,000 paragraphs"),  # 3.9 s and 394 MB before
        ("<w:p/>" * 5_000_000, "more than 1,000,000 XML elements"),  # 8.8 s, 700 MB, 0 items
    ],
    ids=["paragraphs", "empty-paragraphs"],
)
def test_huge_documents_are_refused_within_two_seconds(
    tmp_path: Path, body: str, message: str
) -> None:
    docx(tmp_path / "stor.docx", body)
    run = run_proccheck(["spec", "check", "stor.docx"], tmp_path, tmp_path / "w")
    assert run.code == 2 and message in run.stderr, run.stderr
    assert run.seconds < MAX_REJECT_SECONDS, run.seconds


# --- 4. DOCX: errors in words ---------------------------------------------------------------


STYLES = _rels(("styles", "styles.xml"))


@pytest.mark.parametrize(
    ("options", "body", "message", "hint"),
    [
        ({}, "<w:p>" + "<w:r>" * 300 + "</w:r>" * 300 + "</w:p>", "nested deeper", "save as"),
        (
            {"main": "application/vnd.ms-word.document.macroEnabled.main+xml"},
            para("Text"),
            "a Word template or a document with macros",
            "Word Document (*.docx)",
        ),
        (
            {"main": MAIN.replace("document.main", "template.main")},
            para("Text"),
            "a Word template or a document with macros",
            "Word Document (*.docx)",
        ),
        ({"document_rels": STYLES}, para("Text"), "incomplete", "save as .docx"),
        (
            {"document_rels": _rels(("aFChunk", "chunk.html")), "extra": {"word/chunk.html": "x"}},
            para("Text") + '<w:altChunk r:id="rId1"/>',
            "incomplete",
            "save as .docx",
        ),
    ],
    ids=["deep", "macro", "template", "no-styles", "untyped-chunk"],
)
def test_unreadable_documents_say_why(
    cli: Callable[..., Any],
    tmp_path: Path,
    options: dict[str, Any],
    body: str,
    message: str,
    hint: str,
) -> None:
    error, said = refusal(cli, "spec", "check", docx(tmp_path / "doc.docx", body, **options))
    assert message in error and "Error)" not in error, error
    assert hint in said
    readable = docx(tmp_path / "ok.docx", para("Text"))
    assert cli("spec", "check", readable).code in (0, 1)


def test_missing_part_is_named(tmp_path: Path) -> None:
    path = docx(tmp_path / "doc.docx", para("Text"), document_rels=STYLES)
    with pytest.raises(InputError) as refused:
        load_spec(path, "doc.docx")
    assert refused.value.where == "word/styles.xml"


# --- 2. XLSX: many sheets, and sheets sharing a part ---------------------------------------


ROWS = [["Krav-ID", "Svar"]] + [[f"K{n}", "Ja"] for n in range(1, 10)]


def test_sheets_sharing_a_part_count_its_cells_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_CELLS", 200)  # 20 cells a sheet
    two = xlsx(tmp_path / "two.xlsx", [sheet(ROWS)], parts_of=[0, 0])
    assert [t.sheet for t in tables.read_tables(two, "two.xlsx", ("answer",))] == ["S0", "S1"]
    many = xlsx(tmp_path / "many.xlsx", [sheet(ROWS)], parts_of=[0] * 11)
    with pytest.raises(InputError, match="11 sheets show the same cells") as refused:
        tables.read_tables(many, "many.xlsx", ("answer",))
    assert refused.value.where == "xl/worksheets/sheet1.xml"


def test_too_many_sheets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_SHEETS", 5)
    five = xlsx(tmp_path / "five.xlsx", [sheet(ROWS)] * 5)
    assert len(tables.read_tables(five, "five.xlsx", ("answer",))) == 5
    with pytest.raises(InputError, match="6 sheets, more than the limit of 5"):
        tables.read_tables(xlsx(tmp_path / "six.xlsx", [sheet(ROWS)] * 6), "six.xlsx", ("answer",))


@pytest.mark.parametrize("command", ["answers", "spec"])
def test_ten_thousand_sheets_are_refused_within_two_seconds(tmp_path: Path, command: str) -> None:
    """10,000 sheets of one part took 10.6 s (answers) and 8.7 s (spec) before their refusal;
    10,000 sheets of their own parts took minutes (the zip was opened again for each)."""
    xlsx(tmp_path / "shared.xlsx", [sheet(ROWS)], parts_of=[0] * 10_000)
    xlsx(tmp_path / "own.xlsx", [sheet(ROWS[:2])] * 10_000)
    args = ["--spec", str(SPEC)] if command == "answers" else []
    for name in ("shared.xlsx", "own.xlsx"):
        run = run_proccheck([command, "check", name, *args], tmp_path, tmp_path / f"w-{name}")
        assert run.code == 2 and "10,000 sheets" in run.stderr, run.stderr
        assert run.seconds < MAX_REJECT_SECONDS, (name, run.seconds)


def test_a_cell_that_does_not_match_its_type(
    cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tables, "_calamine_plan", lambda path: None)  # openpyxl raised it

    def workbook(value: str) -> Path:
        cells = (
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Krav-ID</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>Svar</t></is></c></row><row r="2">'
            f'<c r="A2" t="inlineStr"><is><t>K1</t></is></c><c r="B2" t="d"><v>{value}</v></c>'
            "</row>"
        )
        xml = sheet([]).replace("<sheetData></sheetData>", f"<sheetData>{cells}</sheetData>")
        return xlsx(tmp_path / f"{value[:4]}.xlsx", [xml])

    assert cli("answers", "check", workbook("2024-05-01T00:00:00"), "--spec", SPEC).code in (0, 1)
    error, hint = refusal(cli, "answers", "check", workbook("nonsense"), "--spec", SPEC)
    assert error.endswith(
        "nons.xlsx:S0!2: a cell in this row holds a value that does not match "
        "its type (for example a date cell that holds no date)"
    )
    assert "save as .xlsx" in hint


# --- 4. PDF: errors in words ------------------------------------------------------------------


def test_an_encrypted_pdf_says_so(cli: Callable[..., Any], tmp_path: Path) -> None:
    """AES-256 needs the cryptography package: pypdf's DependencyError was shown as is."""
    pypdf = pytest.importorskip("pypdf")
    zeros = b"<" + b"00" * 48 + b">"
    aes = (
        b"<< /Filter /Standard /V 5 /R 6 /Length 256 /CF << /StdCF << /CFM /AESV3 /AuthEvent "
        b"/DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF /O "
        + zeros
        + b" /U "
        + zeros
        + b" /OE <"
        + b"00" * 32
        + b"> /UE <"
        + b"00" * 32
        + b"> /Perms <"
        + b"00" * 16
        + b"> /P -4 >>"
    )
    objects = [CATALOG, ONE_PAGE, PAGE, FONT, stream(TEXT), aes]
    path = pdf(tmp_path / "aes.pdf", objects, b"/Encrypt 6 0 R /ID [<01> <01>] ")
    error, hint = refusal(cli, "spec", "check", path)
    assert "encrypted" in error or "password-protected" in error, error
    assert "Error" not in error and "unprotected copy" in hint
    writer = pypdf.PdfWriter(clone_from=pdf(tmp_path / "plain.pdf", objects[:5]))
    writer.encrypt("", algorithm="RC4-128")  # no user password: readable
    buffer = io.BytesIO()
    writer.write(buffer)
    (tmp_path / "rc4.pdf").write_bytes(buffer.getvalue())
    assert cli("spec", "check", tmp_path / "rc4.pdf").code in (0, 1)


def test_a_page_tree_fan_out_is_too_many_pages(cli: Callable[..., Any], tmp_path: Path) -> None:
    objects = [CATALOG, b"", PAGE, FONT, stream(TEXT)]
    kid = 3
    for depth in range(22):  # each node twice its child: 4 million pages in 2.6 kB
        objects.append(
            b"<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count %d >>" % (kid, kid, 2 << depth)
        )
        kid = len(objects)
    objects[1] = b"<< /Type /Pages /Kids [%d 0 R] /Count %d >>" % (kid, 1 << 22)
    error, hint = refusal(cli, "spec", "check", pdf(tmp_path / "fan.pdf", objects))
    assert "more pages than the limit of 2,000" in error and "bomb" not in error
    assert "PROCCHECK_MAX_PDF_PAGES" in hint
    objects[1] = ONE_PAGE
    assert cli("spec", "check", pdf(tmp_path / "ok.pdf", objects[:5])).code in (0, 1)


@pytest.mark.parametrize(
    "content",
    [
        [CATALOG, ONE_PAGE, PAGE, FONT, b"<< /Length 5 0 R >>\nstream\n" + TEXT + b"\nendstream"],
        b"%PDF-1.7\n1 0 obj << /Type /XRef /Size 99999999 /W [4 4 4] /Index [0 99999999] "
        b"/Length 0 >> stream\n\nendstream endobj\nstartxref\n9\n%%EOF",
    ],
    ids=["length-refers-to-itself", "bad-xref-stream"],
)
def test_a_damaged_pdf_is_not_called_a_bomb(
    cli: Callable[..., Any], tmp_path: Path, content: list[bytes] | bytes
) -> None:
    path = tmp_path / "trasig.pdf"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        pdf(path, content)
    error, _hint = refusal(cli, "spec", "check", path)
    assert "damaged" in error and "bomb" not in error, error


def test_the_same_page_over_and_over_is_not_a_scan(cli: Callable[..., Any], tmp_path: Path) -> None:
    """1,900 /Kids pointing at one page: all its lines were taken for running headers."""
    same = b"<< /Type /Pages /Kids [3 0 R 3 0 R 3 0 R 3 0 R] /Count 4 >>"
    title = b"BT /F1 11 Tf 56 780 Td (Kravspecifikation, bilaga 2) Tj ET"
    error, hint = refusal(
        cli, "spec", "check", pdf(tmp_path / "same.pdf", [CATALOG, same, PAGE, FONT, stream(title)])
    )
    assert "repeated on every page" in error and "scanned" not in error
    assert ".docx or .txt" in hint
    assert cli(
        "spec", "check", pdf(tmp_path / "ok.pdf", [CATALOG, ONE_PAGE, PAGE, FONT, stream(TEXT)])
    ).code in (0, 1)
    # a sentence on every page is read once (attack round 5: a clause in a running footer)
    once = pdf(tmp_path / "once.pdf", [CATALOG, same, PAGE, FONT, stream(TEXT)])
    assert [item.text for item in load_spec(once, "once.pdf").items] == [
        "Leverantoren ska exportera all data i oppna format."
    ]


def test_undecodable_content_is_not_a_scan(cli: Callable[..., Any], tmp_path: Path) -> None:
    garbage = stream(b"\x80" + b"\xff" * 2_000, b"/Filter /LZWDecode ")
    error, _hint = refusal(
        cli, "spec", "check", pdf(tmp_path / "lzw.pdf", [CATALOG, ONE_PAGE, PAGE, FONT, garbage])
    )
    assert error.endswith(
        "lzw.pdf:p1: not a readable PDF: the content of its pages cannot be decoded"
    )
    from pdf_maker import make_pdf

    (tmp_path / "scan.pdf").write_bytes(make_pdf([None]))  # an image and no text: a scan
    error, hint = refusal(cli, "spec", "check", tmp_path / "scan.pdf")
    assert "scanned PDF" in error and "OCR" in hint


def test_content_nested_past_the_recursion_limit_says_so_in_words(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """3,000 nested arrays in a page's content ended in "(RecursionError)"."""
    deep = b"[" * 3_000 + b"]" * 3_000 + b" pop "
    path = pdf(tmp_path / "djup.pdf", [CATALOG, ONE_PAGE, PAGE, FONT, stream(deep + TEXT)])
    error, hint = refusal(cli, "spec", "check", path)
    assert error.endswith(
        "djup.pdf:p1: not a readable PDF: its objects are nested deeper than any real PDF's"
    )
    assert "Error" not in error and "save it to a new PDF" in hint


def test_a_pdf_whose_pages_lost_their_content_is_not_called_a_scan(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Round 11 (r04): a page dictionary pypdf cannot parse to its end keeps only its first
    keys; no content is left, and that is a damaged file, not a scan to OCR."""
    nested = b"[" * 100_000 + b"]" * 100_000
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /PieceInfo << /X " + nested
    page += b" >> /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
    path = pdf(tmp_path / "nested.pdf", [CATALOG, ONE_PAGE, page, FONT, stream(TEXT)])
    error, hint = refusal(cli, "spec", "check", path)
    assert "no content" in error and "scanned" not in error and "OCR" not in hint
