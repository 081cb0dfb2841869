"""XLSX through python-calamine where it reads what openpyxl reads, openpyxl everywhere else.

Every workbook in the tests must give the same sheets, rows, texts and formula parts through
both paths; what calamine reads differently or cannot bound goes to openpyxl (issue 12).
"""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import openpyxl
import pytest

from proccheck.loaders import tables
from proccheck.loaders.tables import read_tables

pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no:UserWarning")
TESTS = Path(__file__).parent
WORKBOOKS = sorted(
    path
    for path in [*TESTS.rglob("*.xlsx"), *(TESTS.parent / "samples").rglob("*.xlsx")]
    if ".venv" not in path.parts
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _both(path: Path) -> tuple[object, object]:
    """(openpyxl path, chosen path): each the sheets and formula parts, or the error text."""

    def read(function: object) -> object:
        parts: dict[str, str] = {}
        try:
            return function(path, path.name, parts), parts  # type: ignore[operator]
        except Exception as exc:
            return type(exc).__name__, str(exc)

    def old(path: Path, display: str, parts: dict[str, str]) -> object:
        tables.check_zip(path, display)
        return tables._read_xlsx_openpyxl(path, display, parts)

    return read(old), read(tables._read_xlsx)


def raw_workbook(
    path: Path, cells: str, strings: tuple[str, ...] = (), styles: str = "", extra: str = ""
) -> Path:
    """A workbook written by hand in Excel's own style: shared strings, a hidden second sheet,
    a worksheet target given as an absolute part name."""
    sst = "".join(f"<si>{s}</si>" for s in strings)
    files = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType='
        '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(
            f'<Override PartName="/xl/{name}.xml" ContentType="application/vnd.openxmlformats-'
            f'officedocument.spreadsheetml.{kind}+xml"/>'
            for name, kind in (
                ("worksheets/sheet1", "worksheet"),
                ("worksheets/sheet2", "worksheet"),
                ("sharedStrings", "sharedStrings"),
                ("styles", "styles"),
            )
        )
        + "</Types>",
        "_rels/.rels": f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets>'
        '<sheet name="Svar &amp; krav" sheetId="1" r:id="rId1"/>'
        '<sheet name="Dold" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{RELS}">'
        f'<Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{DOC}/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
        f'<Relationship Id="rId3" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId4" Type="{DOC}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": f'<styleSheet xmlns="{MAIN}">{styles}</styleSheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">{sst}</sst>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}"><sheetData>{cells}</sheetData>'
        "</worksheet>",
        "xl/worksheets/sheet2.xml": f'<worksheet xmlns="{MAIN}"><sheetData><row r="3">'
        '<c r="C3" t="inlineStr"><is><t>dold</t></is></c></row></sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
        if extra:
            archive.writestr("xl/media/image1.png", extra)
    return path


_STYLES = (
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd;@"/>'
    '<numFmt numFmtId="165" formatCode="[$-41D]d\\ mmmm\\ yyyy;@"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill>'
    '<patternFill patternType="none"/></fill></fills><borders count="1">'
    '<border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
    'borderId="0"/></cellStyleXfs><cellXfs count="5">'
    + "".join(
        f'<xf numFmtId="{number}" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/>'
        for number in (0, 164, 165, 10, 49)
    )
    + "</cellXfs>"
)
_STRINGS = (
    "<t>Kravnummer</t>",
    "<t>Svar</t>",
    '<r><t xml:space="preserve">Ja, </t></r><r><rPr><b/></rPr><t>men bara delvis</t></r>',
    '<t>Nej</t><rPh sb="0" eb="1"><t>ネ</t></rPh>',
    '<t xml:space="preserve">  Ja  </t>',
    "<t>rad ett\nrad två</t>",
)
_EXCEL_STYLE = (
    '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    '<row r="2"><c r="A2" t="str"><v>K1</v></c><c r="B2" t="s"><v>2</v></c>'
    '<c r="C2"><v>2</v></c><c r="D2" s="1"><v>45296</v></c><c r="E2" s="2"><v>45296.5</v></c>'
    "</row>"
    '<row r="3"><c r="A3"><v>3</v></c><c r="B3" t="s"><v>3</v></c><c r="C3"><v>-0</v></c>'
    '<c r="D3" s="3"><v>0.25</v></c><c r="E3" s="4"><v>007</v></c><c r="F3" s="1"/></row>'
    '<row r="4"><c r="A4"><v>4.5</v></c><c r="B4" t="s"><v>4</v></c><c r="C4" t="b"><v>1</v>'
    '</c><c r="D4"><v>0.1</v></c><c r="E4"><v>1234567890123</v></c></row>'
    '<row r="5"><c r="B5" t="s"><v>5</v></c><c r="C5"><v>1e-07</v></c></row>'
    '<row r="40" ht="20" customHeight="1"/>'
)


def test_every_workbook_in_the_tests_reads_alike() -> None:
    assert len(WORKBOOKS) >= 30
    via_calamine = 0
    for path in WORKBOOKS:
        old, new = _both(path)
        assert old == new, path
        via_calamine += tables._calamine_plan(path) is not None
    assert via_calamine >= 20  # the corpus and the accepted adversarial files


def test_excel_style_workbook_reads_alike_through_calamine(tmp_path: Path) -> None:
    path = raw_workbook(tmp_path / "excel.xlsx", _EXCEL_STYLE, _STRINGS, _STYLES)
    assert tables._calamine_plan(path) == {
        "Svar & krav": "xl/worksheets/sheet1.xml",
        "Dold": "xl/worksheets/sheet2.xml",
    }
    old, new = _both(path)
    assert old == new
    sheets, _parts = new  # type: ignore[misc]
    assert sheets[0][1][1] == (
        2,
        ("K1", "Ja, men bara delvis", "2", "2024-01-05 00:00:00", "2024-01-05 12:00:00"),
    )
    assert sheets[0][1][2] == (3, ("3", "Nej", "0", "0.25", "7"))
    assert sheets[0][1][-1][0] == 5  # the formatted empty row 40 is not a row of text
    assert sheets[1] == ("Dold", [(1, ()), (2, ()), (3, ("", "", "dold"))])  # hidden: read


def test_values_of_every_type_read_alike(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    values: list[object] = [
        1, 1.5, 0.1 + 0.2, 10**14 + 1, 1e-7, -0.0, True, False, "  x ",
        datetime.datetime(2024, 1, 5), datetime.datetime(2024, 1, 5, 13, 45, 12, 345678),
        datetime.date(2024, 1, 5), datetime.time(13, 45), datetime.timedelta(hours=30),
        datetime.datetime(1900, 1, 1), "=1+1", 3.14159265358979, 123456789012,
    ]  # fmt: skip
    for row, value in enumerate(values, start=1):
        sheet.cell(row=row, column=2, value=value)
    workbook.create_sheet("Dold").sheet_state = "veryHidden"
    workbook.save(tmp_path / "types.xlsx")
    assert tables._calamine_plan(tmp_path / "types.xlsx") is not None
    old, new = _both(tmp_path / "types.xlsx")
    assert old == new


@pytest.mark.parametrize(
    ("cells", "strings", "why"),
    [
        ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ("<r><t>Ja </t></r><r><t>men</t></r>",),
         "a run ending in a space without xml:space"),
        ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ("<r><t>Ja</t></r><r><t> men</t></r>",),
         "a run starting with a space without xml:space"),
        ('<row r="1"><c r="A1" t="e"><v>#N/A</v></c></row>', (), "an error cell"),
        ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ("<t>a_x000D_b</t>",), "an escape"),
        ('<row r="1"><c r="A1"><v>1.0</v></c></row>', (), "a number written 1.0"),
        ('<row r="1"><c r="A1"><v>1E3</v></c></row>', (), "a number written 1E3"),
        ('<row r="1"><c r="A1"><v>12345678901234567</v></c></row>', (), "17 digits"),
        ('<row r="1"><c><v>1</v></c></row>', (), "a cell without its reference"),
        ('<row r="1"><c s="1" r="A1"><v>1</v></c></row>', (), "the reference not first"),
        ('<row><c r="A1"><v>1</v></c></row>', (), "a row without its reference"),
        ('<row r="1"><c r="A1"><v>1</v></c><c r="XFD20"><v>1</v></c></row>', (),
         "a grid of 327,680 cells"),
        ('<row r="1"><c r="A1"><v>1</v></c></row><row r="200001"/>', (), "200,001 rows"),
        ('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', (), "namespace prefixes"),
    ],
)  # fmt: skip
def test_openpyxl_reads_what_calamine_reads_differently(
    tmp_path: Path, cells: str, strings: tuple[str, ...], why: str
) -> None:
    path = raw_workbook(tmp_path / "w.xlsx", cells, strings)
    assert tables._calamine_plan(path) is None, why
    old, new = _both(path)
    assert old == new, why


def test_a_reservation_split_across_runs_is_read_with_its_space(tmp_path: Path) -> None:
    """Excel shows "Ja " + "men …" as "Ja men …"; calamine would join them as "Jamen …"."""
    cells = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>'
    )
    strings = (
        "<t>Kravnummer</t>",
        "<t>Svar</t>",
        "<t>K1</t>",
        "<r><t>Ja </t></r><r><t>men bara mot avgift</t></r>",
    )
    path = raw_workbook(tmp_path / "w.xlsx", cells, strings)
    table = read_tables(path, "w.xlsx", ("answer",))[0]
    assert table.cell(table.rows[0], "answer") == "Ja men bara mot avgift"


def test_cells_behind_a_media_header_go_to_openpyxl(tmp_path: Path) -> None:
    """A part that starts like an image is not scanned as XML, but calamine might still parse
    what follows: if it holds cells or strings, openpyxl reads the workbook."""
    body = '<c r="XFD200000"><v>1</v></c>' + " " * 70_000
    path = raw_workbook(
        tmp_path / "w.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>', extra="GIF89a" + body
    )
    assert tables._calamine_plan(path) is None
    plain = raw_workbook(
        tmp_path / "p.xlsx",
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        extra="GIF89a" + "x" * 70_000,
    )
    assert tables._calamine_plan(plain) is not None
