"""Workbooks whose sheet shows something else than the values stored (attack rounds 5 and
6): a number format with text of its own or none, text in the colour of its fill, a hidden
row, column or sheet, an answer under a merged cell, a comment merged over several rows, a
reservation in a cell note on any cell of the row, a struck-through Yes. Each made here with
openpyxl; each must make the requirement not verified, never met, and the plain workbook
stays met."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import SAMPLES
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

SPEC = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"
HEADER = ["Kravnummer", "Kravtext", "Svar", "Leverantörens kommentar"]


def workbook(path: Path, change: Callable[[Any], None] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Svar"
    sheet.append(HEADER)
    for number in range(1, 14):
        sheet.append([f"K{number}", f"Krav {number}", "Ja", ""])
    if change is not None:
        change(sheet)
    book.save(path)
    return path


def outcome(cli: Callable[..., Any], path: Path, requirement: str = "K2") -> tuple[str, str]:
    result = cli("answers", "check", path, "--spec", SPEC, "-f", "json")
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    found = {r["requirement"]: r for r in report["results"]}[requirement]
    messages = [f["message"] for f in report["findings"] if f["requirement"] == requirement]
    return found["outcome"], " | ".join([found["reason"], *messages])


def fmt(code: str) -> Callable[[Any], None]:
    def change(sheet: Any) -> None:
        sheet["C3"].number_format = code

    return change


def white(sheet: Any) -> None:
    sheet["D3"] = "Endast mot avgift"
    sheet["D3"].font = Font(color="FFFFFF")


def tinted(theme: int, tint: float, text: str | None = None) -> Callable[[Any], None]:
    """C3 (or, given `text`, a comment in D3) in a theme colour lightened or darkened."""

    def change(sheet: Any) -> None:
        from openpyxl.styles.colors import Color

        cell = "C3" if text is None else "D3"
        if text is not None:
            sheet[cell] = text
        sheet[cell].font = Font(color=Color(theme=theme, tint=tint))

    return change


def array_spill(sheet: Any) -> None:
    """Round 13, f01: an array formula in C2 over C2:C4 decides what C3 shows once Excel
    recalculates, whatever C3 stores."""
    from openpyxl.worksheet.formula import ArrayFormula

    sheet["C2"] = ArrayFormula("C2:C4", '={"Ja";"Ja, endast mot avgift";"Ja"}')


def pushed_out(sheet: Any) -> None:
    """Round 13, f02: an indent of 250 (about 750 characters) starts the answer out of sight."""
    from openpyxl.styles import Alignment

    sheet["C3"].alignment = Alignment(horizontal="left", indent=250)


def fold_row(sheet: Any) -> None:
    sheet.row_dimensions[3].hidden = True
    sheet.row_dimensions[3].outlineLevel = 1


def hide_row(sheet: Any) -> None:
    sheet.row_dimensions[3].hidden = True


def hide_column(sheet: Any) -> None:
    sheet.column_dimensions["D"].hidden = True
    sheet["D3"] = "Kostnad tillkommer"


def edit_sheet(path: Path, old: bytes, new: bytes) -> None:
    """Replace `old` by `new` in the first sheet's XML, for what openpyxl does not write."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(old, new, 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def covered(path: Path) -> None:
    """B3:C3 merged with C3's "Ja" still stored (openpyxl would drop it: the XML is edited)."""
    merge = b'</sheetData><mergeCells count="1"><mergeCell ref="B3:C3"/></mergeCells>'
    edit_sheet(path, b"</sheetData>", merge)


def merged_comment(sheet: Any) -> None:
    sheet["D2"] = "Samtliga svar gäller endast mot tilläggsavgift"
    sheet.merge_cells("D2:D14")


def note(sheet: Any) -> None:
    sheet["C3"].comment = Comment("Endast mot avgift enligt prislista", "Leverantör")


def currency_words(code: str) -> Callable[[Any], None]:
    def change(sheet: Any) -> None:
        sheet["D3"] = 0
        sheet["D3"].number_format = code

    return change


def note_on_text(sheet: Any) -> None:
    sheet["B3"].comment = Comment("Leverantörens förbehåll: endast mot avgift", "Leverantör")


def note_on_id(sheet: Any) -> None:
    sheet["A3"].comment = Comment("Gäller endast mot avgift", "Leverantör")


def struck(sheet: Any) -> None:
    sheet["C3"].font = Font(strike=True)


def rich(struck: bool) -> Callable[[Any], None]:
    """A comment whose first word is struck through (or only bold): "~~Ingen~~ extra kostnad"."""

    def change(sheet: Any) -> None:
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont

        font = InlineFont(strike=True) if struck else InlineFont(b=True)
        sheet["D3"] = CellRichText(TextBlock(font, "Ingen"), " extra kostnad tillkommer.")

    return change


def other_cell_fmt(cell: str, value: Any, code: str) -> Callable[[Any], None]:
    """A format on a cell other than the answer that shows words the file does not hold."""

    def change(sheet: Any) -> None:
        sheet[cell] = value
        sheet[cell].number_format = code

    return change


def conditional(**style: Any) -> Callable[[Any], None]:
    """A conditional format over the answers: `font`, `fill` or `number_format` when C3 is Ja."""

    def change(sheet: Any) -> None:
        from openpyxl.formatting.rule import Rule
        from openpyxl.styles.differential import DifferentialStyle
        from openpyxl.styles.numbers import NumberFormat

        code = style.pop("number_format", None)
        if code is not None:
            style["numFmt"] = NumberFormat(numFmtId=190, formatCode=code)
        rule = Rule(type="cellIs", operator="equal", formula=['"Ja"'])
        rule.dxf = DifferentialStyle(**style)
        sheet.conditional_formatting.add("C3:D3", rule)

    return change


def x14_conditional(path: Path) -> None:
    """Excel 2010's form of a conditional format: the style inline, the range in `xm:sqref`
    (openpyxl writes only the older form)."""
    rule = (
        b'<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" '
        b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        b"<x14:conditionalFormattings><x14:conditionalFormatting "
        b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
        b'<x14:cfRule type="expression" priority="1" id="{00000000-0000-0000-0000-000000000001}">'
        b'<xm:f>TRUE</xm:f><x14:dxf><font><color rgb="FFFFFFFF"/></font></x14:dxf></x14:cfRule>'
        b"<xm:sqref>C3:D3</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings>"
        b"</ext></extLst></worksheet>"
    )
    edit_sheet(path, b"</worksheet>", rule)


def prompt(cells: str, text: str, shown: bool = True) -> Callable[[Any], None]:
    """A data validation on `cells` whose input prompt Excel shows on selecting one."""

    def change(sheet: Any) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        validation = DataValidation(
            type="list", formula1='"Ja,Nej"', showInputMessage=shown, prompt=text
        )
        sheet.add_data_validation(validation)
        validation.add(cells)

    return change


def zero_height(path: Path) -> None:
    """Row 3 of height 0 and no hidden flag (openpyxl leaves a height of 0 out)."""
    edit_sheet(path, b'<row r="3"', b'<row r="3" ht="0" customHeight="1"')


def zero_height_default(path: Path) -> None:
    """Every row without a height of its own hidden (`zeroHeight`); only row 3 lacks one."""
    edit_sheet(path, b'defaultRowHeight="15"/>', b'defaultRowHeight="15" zeroHeight="1"/>')
    for number in (*range(1, 3), *range(4, 15)):
        row = f'<row r="{number}"'.encode()
        edit_sheet(path, row, row + b' ht="15" customHeight="1"')


def tiny(sheet: Any) -> None:
    sheet["C3"].font = Font(size=1)


def link_tip(sheet: Any) -> None:
    from openpyxl.worksheet.hyperlink import Hyperlink

    sheet["C3"].hyperlink = Hyperlink(
        ref="C3", target="https://example.se/pris", tooltip="Gäller endast mot avgift"
    )


def threaded(path: Path) -> None:
    """Excel 365's threaded comment on D3, with no legacy note beside it (openpyxl writes none)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rIdT1" Type="http://schemas.microsoft.com/office'
        b'/2017/10/relationships/threadedComment" Target="../threadedComments/thread1.xml"/>'
        b"</Relationships>"
    )
    parts["xl/threadedComments/thread1.xml"] = (
        b'<?xml version="1.0"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/'
        b'spreadsheetml/2018/threadedcomments"><threadedComment ref="D3" id="{1}"><text>Export '
        b"debiteras med 5 000 kr per tillf\xc3\xa4lle.</text></threadedComment></ThreadedComments>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _edit_parts(path: Path, change: Callable[[dict[str, bytes]], None]) -> None:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    change(parts)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _sheet_part(path: Path, kind: str, part: str, data: bytes, element: str = "") -> None:
    """Add `part` to the workbook's first sheet as its one relationship (of an Office `kind`),
    and, when the sheet names it, `element` after its cells (`<drawing r:id=…/>`)."""

    def change(parts: dict[str, bytes]) -> None:
        target = "../" + part.removeprefix("xl/")
        parts["xl/worksheets/_rels/sheet1.xml.rels"] = _relationship("rId1", kind, target)
        parts[part] = data
        if element:
            named = f'<{element} xmlns:r="{R_NS}" r:id="rId1"/>'.encode()
            sheet = parts["xl/worksheets/sheet1.xml"]
            parts["xl/worksheets/sheet1.xml"] = sheet.replace(
                b"</sheetData>", b"</sheetData>" + named, 1
            )

    _edit_parts(path, change)


R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _relationship(rid: str, kind: str, target: str) -> bytes:
    """A relationships part with one relationship of an Office `kind` to `target`."""
    return (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        f'2006/relationships"><Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/'
        f'officeDocument/2006/relationships/{kind}" Target="{target}"/></Relationships>'
    ).encode()


def _drawing(shape: str, cells: tuple[int, int, int, int] = (2, 2, 3, 3)) -> Callable[[Path], None]:
    """A drawing on the sheet whose one object is `shape`, anchored by `cells` (from column,
    row, to column, row; from 0): by default from C3 to the top left corner of D4."""

    drawing = (
        f'<xdr:wsDr xmlns:xdr="{_XDR}" xmlns:a="{_A}"><xdr:twoCellAnchor>'
        f"<xdr:from><xdr:col>{cells[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>"
        f"{cells[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>"
        f"{cells[2]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{cells[3]}</xdr:row>"
        "<xdr:rowOff>0</xdr:rowOff></xdr:to>"
        f"{shape}<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
    ).encode()
    return lambda path: _sheet_part(path, "drawing", "xl/drawings/drawing1.xml", drawing, "drawing")


TEXT_BOX = (
    '<xdr:sp><xdr:nvSpPr><xdr:cNvPr id="2" name="Ruta"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>'
    '<xdr:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></xdr:spPr><xdr:txBody>'
    "<a:bodyPr/><a:p><a:r><a:t>Nej</a:t></a:r></a:p></xdr:txBody></xdr:sp>"
)
EMPTY_SHAPE = (
    '<xdr:sp><xdr:nvSpPr><xdr:cNvPr id="2" name="Ram"/><xdr:cNvSpPr/></xdr:nvSpPr>'
    "<xdr:spPr><a:noFill/></xdr:spPr></xdr:sp>"
)
HIDDEN_PICTURE = (
    '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Bild" hidden="1"/><xdr:cNvPicPr/>'
    "</xdr:nvPicPr><xdr:spPr/></xdr:pic>"
)


def _vml(
    client: str, style: str = "", anchor: str = "2, 0, 2, 0, 3, 0, 3, 0", text: str = "Nej"
) -> Callable[[Path], None]:
    """A legacy (VML) drawing whose one shape has `client` data, shows `text` and is anchored
    at `anchor` (by default over C3)."""

    vml = (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:'
        f'office:excel"><v:shape id="s1" style="position:absolute;{style}">'
        f"<v:textbox><div>{text}</div></v:textbox>"
        f"<x:ClientData {client}><x:Anchor>{anchor}</x:Anchor>"
        "</x:ClientData></v:shape></xml>"
    ).encode()
    return lambda path: _sheet_part(path, "vmlDrawing", "xl/drawings/vmlDrawing1.vml", vml)


RESERVATION = "Förbehåll: samtliga Ja-svar gäller endast mot tilläggsavgift."


def chart_beside(path: Path) -> None:
    """A chart beside the table (F1:J5) whose title is a reservation."""

    _drawing(
        '<xdr:graphicFrame><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram"/>'
        "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><a:graphic><a:graphicData>"
        "</a:graphicData></a:graphic></xdr:graphicFrame>",
        (5, 0, 9, 4),
    )(path)

    def chart(parts: dict[str, bytes]) -> None:
        parts["xl/drawings/_rels/drawing1.xml.rels"] = _relationship(
            "rIdC1", "chart", "../charts/chart1.xml"
        )
        parts["xl/charts/chart1.xml"] = (
            '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
            f'xmlns:a="{_A}"><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>{RESERVATION}'
            "</a:t></a:r></a:p></c:rich></c:tx></c:title></c:chart></c:chartSpace>"
        ).encode()

    _edit_parts(path, chart)


def note_beside(path: Path) -> None:
    """A note on H20, a cell on no row of the table, shown on the sheet."""

    comments = (
        '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<authors><author>Acme AB</author></authors><commentList><comment ref="H20" '
        f'authorId="0"><text><r><t>{RESERVATION}</t></r></text></comment></commentList>'
        "</comments>"
    ).encode()
    _sheet_part(path, "comments", "xl/comments1.xml", comments)


@pytest.mark.parametrize(
    "edit",
    [
        chart_beside,
        note_beside,
        _vml('ObjectType="Checkbox"', anchor="6, 0, 0, 0, 10, 0, 1, 0", text=RESERVATION),
    ],
    ids=["chart-title", "note-off-the-table", "checkbox-label"],
)
def test_words_shown_beside_the_answers_are_read(
    cli: Callable[..., Any], tmp_path: Path, edit: Callable[[Path], None]
) -> None:
    path = workbook(tmp_path / "svar.xlsx")
    edit(path)
    assert outcome(cli, path)[0] != "met"


def background(path: Path) -> None:
    """A background picture behind the sheet's cells (Page Layout, Background)."""

    _sheet_part(path, "image", "xl/media/image1.png", b"\x89PNG\r\n\x1a\n", "picture")


def test_a_background_picture_leaves_every_answer_not_verified(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    path = workbook(tmp_path / "svar.xlsx")
    background(path)
    for requirement in ("K2", "K5"):
        got, reason = outcome(cli, path, requirement)
        assert got == "not_verified" and "background picture" in reason, reason


def phonetic(path: Path) -> None:
    """C3 shows the phonetic guide (`ph="1"`) of its string "Ja": words above the value."""

    def change(parts: dict[str, bytes]) -> None:
        sheet = parts["xl/worksheets/sheet1.xml"]
        parts["xl/worksheets/sheet1.xml"] = sheet.replace(
            b'<c r="C3" t="inlineStr"><is><t>Ja</t></is>',
            '<c r="C3" t="inlineStr" ph="1"><is><t>Ja</t><rPh sb="0" eb="2"><t>Export '
            "debiteras med 5 000 kr per tillfälle.</t></rPh></is>".encode(),
        )

    _edit_parts(path, change)


def icons_only(sheet: Any) -> None:
    """An icon set over the answers drawn instead of their values (`showValue="0"`)."""
    from openpyxl.formatting.rule import IconSetRule

    sheet.conditional_formatting.add(
        "C3:C3", IconSetRule("3Symbols", "num", [0, 1, 2], showValue=False)
    )


def bars_beside_values(sheet: Any) -> None:
    """A data bar drawn beside the answers, which stay shown."""
    from openpyxl.formatting.rule import DataBarRule

    rule = DataBarRule(start_type="min", end_type="max", color="638EC6", showValue=True)
    sheet.conditional_formatting.add("C2:C14", rule)


def dark_theme_is_white(path: Path) -> None:
    """C3 in theme colour 1 (the theme's dark text colour), which this theme makes white."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    theme = parts["xl/theme/theme1.xml"]
    start = theme.index(b"<a:dk1>")
    end = theme.index(b"</a:dk1>") + len(b"</a:dk1>")
    parts["xl/theme/theme1.xml"] = (
        theme[:start] + b'<a:dk1><a:srgbClr val="FFFFFF"/></a:dk1>' + theme[end:]
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def theme_text(sheet: Any) -> None:
    from openpyxl.styles.colors import Color

    sheet["C3"].font = Font(color=Color(theme=1))


def palette_white(sheet: Any) -> None:
    """C3 in palette colour 8 (black by default), which this workbook's palette makes white."""
    from openpyxl.styles.colors import Color

    sheet["C3"].font = Font(color=Color(indexed=8))
    sheet.parent._colors = ["FF000000", "FFFFFFFF"] + ["FF000000"] * 6 + ["FFFFFFFF"] * 56


def comment_formula(sheet: Any) -> None:
    sheet["D3"] = '=CONCATENATE("Endast mot ", "avgift")'


def black_fill(sheet: Any) -> None:
    from openpyxl.styles.colors import Color

    sheet["C3"].fill = PatternFill("solid", fgColor=Color(theme=1))  # the theme's black


def rich_run(**font: Any) -> Callable[[Any], None]:
    """The answer written as one rich-text run with `font` (a size, a colour)."""

    def change(sheet: Any) -> None:
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont

        sheet["C3"] = CellRichText(TextBlock(InlineFont(**font), "Ja"))

    return change


def format_on_fill(code: str, fill: str) -> Callable[[Any], None]:
    def change(sheet: Any) -> None:
        sheet["C3"].number_format = code
        sheet["C3"].fill = PatternFill("solid", fgColor=fill)

    return change


def low_row(sheet: Any) -> None:
    sheet.row_dimensions[3].height = 1.5


def narrow_column(sheet: Any) -> None:
    sheet.column_dimensions["C"].width = 0.2
    sheet["D3"] = "Se bilaga"  # the cell beside it is filled: "Ja" cannot run on


def hidden_sheet(sheet: Any) -> None:
    sheet.sheet_state = "veryHidden"
    sheet.parent.create_sheet("Omslag")["A1"] = "Anbud"


SHOWN_OTHERWISE = {
    "format with text": (fmt('@" – endast mot avgift"'), "number format shows text"),
    "format showing No": (fmt(';;;"Nej"'), "number format shows text"),
    "format showing nothing": (fmt(";;;"), "number format shows nothing"),
    "white comment": (white, "colour of its cell's background"),
    "hidden row": (hide_row, "hidden row"),
    "row in a collapsed group": (fold_row, "collapsed group"),
    "under another cell's array formula": (array_spill, "computed by a formula"),
    "indented out of its cell": (pushed_out, "indented so far"),
    "hidden column": (hide_column, "hidden column"),
    "comment merged over rows": (merged_comment, '"mot tilläggsavgift"'),
    "cell note": (note, '"mot avgift"'),
    "note on the requirement's text": (note_on_text, '"mot avgift"'),
    "note on the id": (note_on_id, '"mot avgift"'),
    "struck-through Yes": (struck, "struck through"),
    "a struck word in the comment": (rich(True), "part of the answer or comment is struck"),
    "words in a currency bracket": (currency_words("[$Endast mot avgift-41D]"), "number format"),
    "very hidden sheet": (hidden_sheet, "hidden sheet"),
    "a mark shown for the answer": (fmt(';;;"✗"'), "number format shows text"),
    "a digit shown for the answer": (fmt(';;;"0"'), "number format shows text"),
    # round 6: a format adds words to a cell proccheck reads beside the answer
    "words added to the requirement's text": (
        other_cell_fmt("B3", "Krav 2", '@" (gäller endast mot avgift)"'),
        '"mot avgift"',
    ),
    "words added to the id": (other_cell_fmt("A3", "K2", '@" – mot tilläggsavgift"'), "avgift"),
    "words shown for a number": (
        other_cell_fmt("E3", 0, '"Endast mot avgift";;"Endast mot avgift"'),
        '"mot avgift"',
    ),
    "conditional white text": (conditional(font=Font(color="FFFFFF")), "conditional format"),
    "conditional format showing No": (conditional(number_format=';;;"Nej"'), "conditional"),
    "conditional strike": (conditional(font=Font(strike=True)), "conditional format"),
    "icons in place of the answer": (icons_only, "conditional format"),
    "a prompt on the answer": (prompt("C3", "Vi levererar endast mot avgift"), '"mot avgift"'),
    # round 7: a row of height 0, a 1-point font, a link's screen tip
    "a 1-point answer": (tiny, "too small to read"),
    "a link's screen tip": (link_tip, '"mot avgift"'),
    "a palette colour made white": (palette_white, "colour of its cell's background"),
    # round 6: a comment computed when the sheet is opened; openpyxl stores no result
    "comment computed by a formula": (comment_formula, "computed by a formula"),
    # round 10: drawn in white by the format, black on black, a run too small or white, a row
    # too low, a column too narrow
    "a format drawing text white": (fmt(";;;[White]@"), "colour"),
    "a format in the palette's white": (fmt("[Color2]@"), "colour"),
    "automatic black on a black fill": (black_fill, "colour of its cell's background"),
    "a 1-point run": (rich_run(sz=1), "too small to read"),
    "a white run": (rich_run(color="FFFFFF"), "colour of its cell's background"),
    "a row 1.5 points high": (low_row, "hidden row"),
    "a column narrower than a character": (narrow_column, "hidden column"),
    # review of round 10: a format's colour the same as the fill
    "a format drawing text black on black": (format_on_fill("[Black]@", "000000"), "colour"),
    "a format drawing text red on red": (format_on_fill("[Red]@", "FF0000"), "colour"),
    # round 12, f06: the theme's black lightened to white; a near-white comment
    "theme black lightened to white": (tinted(1, 0.99998), "colour of its cell's background"),
    "a comment in a near-white grey": (
        tinted(1, 0.95, "Endast mot avgift"),
        "colour of its cell's background",
    ),
}


@pytest.mark.parametrize("case", SHOWN_OTHERWISE)
def test_what_the_sheet_does_not_show_is_not_verified(
    cli: Callable[..., Any], tmp_path: Path, case: str
) -> None:
    change, why = SHOWN_OTHERWISE[case]
    got, reason = outcome(cli, workbook(tmp_path / "svar.xlsx", change))
    assert got == "not_verified" and why in reason, reason


def test_text_outside_the_cells_in_the_vendors_voice_is_read(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Round 6: a page header ("Samtliga Ja-svar gäller endast mot avgift") and a text box
    over the sheet are seen by a reader (in print, on the sheet) but are no cell."""

    def header(sheet: Any) -> None:
        sheet.oddHeader.center.text = "Samtliga Ja-svar gäller endast mot avgift"

    got, reason = outcome(cli, workbook(tmp_path / "header.xlsx", header), "K9")
    assert got == "not_verified" and '"mot avgift"' in reason, reason
    path = workbook(tmp_path / "box.xlsx")
    text_box(path, "FÖRBEHÅLL: Samtliga Ja-svar gäller endast mot avgift enligt offert.")
    got, reason = outcome(cli, path, "K9")
    assert got == "not_verified" and '"mot avgift"' in reason, reason
    path = workbook(tmp_path / "plain-box.xlsx")
    text_box(path, "Fyll i kolumnen Svar med Ja eller Nej.")  # the buyer's instruction
    assert outcome(cli, path, "K9")[0] == "met"


def text_box(path: Path, text: str) -> None:
    """A text box with `text` drawn over the first sheet (openpyxl writes none)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    drawing_type = "application/vnd.openxmlformats-officedocument.drawing+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        f'<Override PartName="/xl/drawings/drawing1.xml" ContentType="{drawing_type}"/></Types>'.encode(),
    )
    relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
        f'formats.org/package/2006/relationships"><Relationship Id="rIdD1" Type="{relationship}"'
        ' Target="../drawings/drawing1.xml"/></Relationships>'
    ).encode()
    parts["xl/drawings/drawing1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxml'
        'formats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats'
        '.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:sp><xdr:txBody><a:p><a:r>'
        f"<a:t>{text}</a:t></a:r></a:p></xdr:txBody></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>"
    ).encode()
    sheet = parts["xl/worksheets/sheet1.xml"]
    namespace = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    if namespace not in sheet:
        sheet = sheet.replace(b"<worksheet ", b"<worksheet " + namespace + b" ", 1)
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        b"</worksheet>", b'<drawing r:id="rIdD1"/></worksheet>', 1
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_prompt_over_the_answer_column_is_read_in_the_vendors_voice(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Round 6: a data validation's input prompt over every answer is shown on selecting any
    of them; in the vendor's voice it reserves every Yes, a buyer's instruction nothing."""
    vendor = prompt("C2:C14", "Samtliga Ja-svar gäller endast mot avgift")
    got, reason = outcome(cli, workbook(tmp_path / "vendor.xlsx", vendor), "K9")
    assert got == "not_verified" and '"mot avgift"' in reason, reason
    for change in (
        prompt("C2:C14", "Välj Ja eller Nej. Eventuella tilläggskostnader anges i prisbilagan"),
        prompt("C3", "Vi levererar endast mot avgift", shown=False),  # Excel does not show it
        prompt("C3", "Om kravet bara kan uppfyllas mot extra kostnad, svara Nej."),  # buyer's
    ):
        assert outcome(cli, workbook(tmp_path / "buyer.xlsx", change))[0] == "met"


def test_theme_colours_are_read_from_the_workbooks_theme(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Round 7: theme colour 1 is black text only while the theme says so."""
    path = workbook(tmp_path / "theme.xlsx", theme_text)
    assert outcome(cli, path, "K1") == ("met", 'answered "Ja" without reservation')
    dark_theme_is_white(path)
    got, reason = outcome(cli, path)
    assert got == "not_verified" and "colour of its cell's background" in reason, reason


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        (covered, "under a merged cell"),
        (x14_conditional, "conditional format"),
        (threaded, '"5 000 kr"'),
        (zero_height, "hidden row"),
        (zero_height_default, "hidden row"),
        (_drawing(TEXT_BOX), "drawn over the answer"),
        (phonetic, '"5 000 kr"'),
        (_vml('ObjectType="Label"'), "drawn over the answer"),
    ],
    ids=[
        "merged",
        "x14-conditional",
        "threaded-comment",
        "height-0",
        "zero-height-default",
        "text-box-over-answer",
        "phonetic-guide",
        "vml-label-over-answer",
    ],
)
def test_what_openpyxl_does_not_write_is_read(
    cli: Callable[..., Any], tmp_path: Path, edit: Callable[[Path], None], why: str
) -> None:
    """A merge over a cell that keeps its value; Excel 2010's form of a conditional format."""
    path = workbook(tmp_path / "svar.xlsx")
    edit(path)
    got, reason = outcome(cli, path)
    assert got == "not_verified" and why in reason, reason
    assert outcome(cli, path, "K5")[0] == "met"  # a row the change does not reach


@pytest.mark.parametrize(
    "edit",
    [
        _drawing(EMPTY_SHAPE),
        _drawing(HIDDEN_PICTURE),
        _drawing(TEXT_BOX, (0, 0, 2, 2)),
        _vml('ObjectType="Note"'),
        _vml('ObjectType="Label"', "visibility:hidden"),
    ],
    ids=["frame-without-fill", "hidden-picture", "box-above-the-answers", "note", "hidden-label"],
)
def test_drawings_that_cover_no_answer_keep_it_met(
    cli: Callable[..., Any], tmp_path: Path, edit: Callable[[Path], None]
) -> None:
    path = workbook(tmp_path / "svar.xlsx")
    edit(path)
    assert outcome(cli, path, "K1") == ("met", 'answered "Ja" without reservation')


PICTURE = (
    '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Bild 1"/><xdr:cNvPicPr/></xdr:nvPicPr>'
    "<xdr:spPr/></xdr:pic>"
)


def test_a_picture_beside_the_answers_leaves_their_rows_not_verified(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Round 8: a red "stamp" picture right of the table, on the rows of K1 and K2, read
    "FÖRBEHÅLL: samtliga Ja-svar gäller endast mot tilläggsavgift"; proccheck reads no
    picture, so the rows it stands on are not verified. A logo above the header reaches none."""
    path = workbook(tmp_path / "stamp.xlsx")
    _drawing(PICTURE, (6, 1, 9, 2))(path)  # G2 to J3: the rows of the first two answers
    got, reason = outcome(cli, path, "K1")
    assert got == "not_verified" and "a picture stands beside the answer's row" in reason
    assert outcome(cli, path, "K5")[0] == "met"
    logo = workbook(tmp_path / "logo.xlsx")
    _drawing(PICTURE, (6, 0, 9, 1))(logo)  # G1 to the top of G2: the header row only
    assert outcome(cli, logo, "K1") == ("met", 'answered "Ja" without reservation')


@pytest.mark.parametrize(
    "placed",
    [
        '<xdr:absoluteAnchor><xdr:pos x="3000000" y="200000"/><xdr:ext cx="3000000" '
        'cy="600000"/>{picture}<xdr:clientData/></xdr:absoluteAnchor>',
        "<xdr:oneCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff>"
        "<xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        '<xdr:ext cx="3000000" cy="600000"/>{picture}<xdr:clientData/></xdr:oneCellAnchor>',
    ],
    ids=["by-position", "by-one-cell-and-size"],
)
def test_a_picture_placed_by_size_beside_the_answers_is_seen(
    cli: Callable[..., Any], tmp_path: Path, placed: str
) -> None:
    """Review of round 9: a picture placed by its position, or by one cell and its size,
    stands on the rows its height reaches (about three default rows here)."""
    drawing = (
        f'<xdr:wsDr xmlns:xdr="{_XDR}" xmlns:a="{_A}">{placed.format(picture=PICTURE)}</xdr:wsDr>'
    ).encode()
    path = workbook(tmp_path / "stamp.xlsx")
    _sheet_part(path, "drawing", "xl/drawings/drawing1.xml", drawing, "drawing")
    got, reason = outcome(cli, path, "K1")
    assert got == "not_verified" and "a picture stands beside" in reason, reason
    assert outcome(cli, path, "K9")[0] == "met"


def test_the_plain_workbook_and_ordinary_formatting_stay_met(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    from openpyxl.styles.colors import Color

    def ordinary(sheet: Any) -> None:
        sheet["C3"].number_format = "0.00"
        sheet["A1"].font = Font(color="FFFFFF", bold=True)  # white on a dark header fill
        for cell in sheet[1]:
            cell.fill = PatternFill("solid", fgColor="1F3864")
        sheet["D4"].font = Font(color="808080")
        sheet["D5"] = "Ingår"
        sheet["D5"].font = Font(color=Color(theme=0, tint=-0.5))  # white, darker 50 %: grey
        sheet["D3"] = "Ingår"
        sheet["D3"].font = Font(color=Color(theme=1, tint=0.5))  # black, lighter 50 %: grey
        sheet["C3"].font = Font(color=Color(theme=4, tint=0.4))  # an accent, lighter
        sheet["D4"] = "Ingår i licensen"
        sheet["B4"].comment = Comment("Se även bilaga 2", "Kommunen")  # a note, no reservation
        sheet["C5"].font = Font(strike=False, italic=True)
        from openpyxl.styles import Alignment

        sheet["D3"].alignment = Alignment(horizontal="left", indent=2)  # an ordinary indent

    assert outcome(cli, workbook(tmp_path / "plain.xlsx"))[0] == "met"
    for code in ('"Ja";"Ja";"Nej"', '#,##0.00\\ "kr"', "@", "yyyy-mm-dd"):  # text as typed
        assert outcome(cli, workbook(tmp_path / "fmt.xlsx", fmt(code)))[0] == "met", code
    assert outcome(cli, workbook(tmp_path / "ordinary.xlsx", ordinary))[0] == "met"
    for code in ("[$kr-41D] #,##0", "#,##0 [$SEK]"):  # a currency, not words
        assert outcome(cli, workbook(tmp_path / "kr.xlsx", currency_words(code)))[0] == "met"
    assert outcome(cli, workbook(tmp_path / "ordinary.xlsx", ordinary), "K3")[0] == "met"
    assert outcome(cli, workbook(tmp_path / "bold.xlsx", rich(False)))[0] == "met"
    for change in (rich_run(sz=11, color="C00000"), rich_run(b=True)):  # a red or bold Ja
        assert outcome(cli, workbook(tmp_path / "run.xlsx", change))[0] == "met"
    for code in ("[Red]@", "[Color3]@", "[Blue]0;[Red]-0"):  # coloured, not white
        assert outcome(cli, workbook(tmp_path / "colour.xlsx", fmt(code)))[0] == "met", code
    shown = format_on_fill("[White]@", "1F3864")  # white on a dark fill shows
    assert outcome(cli, workbook(tmp_path / "white-on-blue.xlsx", shown))[0] == "met"

    def roomy(sheet: Any) -> None:
        sheet.row_dimensions[3].height = 30
        sheet.column_dimensions["C"].width = 0.8  # "Ja" runs on into the empty cell beside it
        sheet.column_dimensions["E"].width = 0.3  # a narrow empty spacer column

    def white_on_blue(sheet: Any) -> None:  # a white Ja on the cell's dark fill shows
        rich_run(color="FFFFFF")(sheet)
        sheet["C3"].fill = PatternFill("solid", fgColor="1F3864")

    assert outcome(cli, workbook(tmp_path / "blue.xlsx", white_on_blue))[0] == "met"

    assert outcome(cli, workbook(tmp_path / "roomy.xlsx", roomy))[0] == "met"
    for change in (  # a unit is no reservation; a colour that shows the text hides nothing
        other_cell_fmt("E3", 1200, '#,##0 "användare"'),
        bars_beside_values,
        conditional(fill=PatternFill("solid", bgColor="C6EFCE"), font=Font(color="006100")),
        conditional(font=Font(color="FFFFFF"), fill=PatternFill("solid", bgColor="C00000")),
    ):
        assert outcome(cli, workbook(tmp_path / "units.xlsx", change))[0] == "met"


def test_white_text_on_a_theme_coloured_fill_is_seen(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Excel's own styles put white text (theme colour 0) on an accent fill: readable."""
    from openpyxl.styles.colors import Color

    def themed(sheet: Any) -> None:
        sheet["D3"] = "Ingår i licensen"
        sheet["D3"].font = Font(color=Color(theme=0))
        sheet["D3"].fill = PatternFill("solid", fgColor=Color(theme=4))
        sheet["D4"] = "Endast mot avgift"
        sheet["D4"].font = Font(color=Color(theme=0))  # white on no fill: not seen

    path = workbook(tmp_path / "themed.xlsx", themed)
    assert outcome(cli, path, "K1") == ("met", 'answered "Ja" without reservation')
    got, reason = outcome(cli, path, "K3")
    assert got == "not_verified" and "colour of its cell's background" in reason, reason


def test_many_merges_are_swept_in_linear_time(cli: Callable[..., Any], tmp_path: Path) -> None:
    """5,000 two-row merges in a 10,000-row sheet took 9 s (every cell against every merge);
    merges that overlap beyond any real sheet are refused, not ground through."""
    import time

    def merged(sheet: Any) -> None:
        for row in range(15, 10_015):
            sheet.cell(row=row, column=1, value=f"X{row}")
            sheet.cell(row=row, column=3, value="Ja")
        for row in range(15, 10_015, 2):
            sheet.merge_cells(start_row=row, start_column=4, end_row=row + 1, end_column=4)

    path = workbook(tmp_path / "merged.xlsx", merged)
    start = time.perf_counter()
    assert outcome(cli, path, "K1")[0] == "met"
    assert time.perf_counter() - start < 5


def test_merges_past_the_work_limit_are_refused(
    cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Overlapping merges (which Excel refuses to open) past the sweep's budget: exit 2."""
    import zipfile

    from proccheck.loaders import tables

    monkeypatch.setattr(tables, "_MERGE_WORK", 50)
    path = workbook(tmp_path / "m.xlsx")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    refs = "".join(f'<mergeCell ref="B{row}:B14"/>' for row in range(2, 14))
    merge = f'</sheetData><mergeCells count="12">{refs}</mergeCells>'.encode()
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"</sheetData>", merge, 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = cli("answers", "check", path, "--spec", SPEC)
    assert result.code == 2 and "merged cells overlap or are too many" in result.err


@pytest.mark.parametrize(
    ("code", "text", "number"),
    [
        ("", None, None),  # built-in formats (General, 0.00, dates) show the value
        ('"Ja";"Ja";"Nej"', None, "format-text"),
        ('#,##0.00\\ "kr"', None, "format-text"),
        (';;;"Nej"', "format-text", "format-hides"),
        (";;;", "format-hides", "format-hides"),
        ('@" – endast mot avgift"', "format-text", "format-text"),
        ("@", None, None),
        (';;;"✓"', "format-text", "format-hides"),  # a mark in place of the text
        (";;;_)", "format-hides", "format-hides"),  # no @: the text is not shown
        ('0" €"', None, None),  # a currency symbol is no word
    ],
)
def test_number_formats_are_judged_by_the_section_that_shows_the_cell(
    code: str, text: str | None, number: str | None
) -> None:
    from proccheck.loaders.xlsx_look import format_shows

    assert (format_shows(code, True), format_shows(code, False)) == (text, number)


def test_a_true_boolean_answer_in_a_built_in_format_is_read(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    def boolean(sheet: Any) -> None:
        sheet["C3"] = True

    assert outcome(cli, workbook(tmp_path / "b.xlsx", boolean))[0] == "met"


HEADER_ROW_SAYS = {
    "a note on a header cell": ("C1", "note", "Samtliga Ja-svar gäller endast mot avgift.", True),
    "a header cell beside the table": ("F1", "cell", "Samtliga svar gäller endast mot avgift", True),
    "the buyer's note on a header": ("C1", "note", "Ange Ja eller Nej. Avgift anges i bilaga.", False),
    "a heading beside the table": ("F1", "cell", "Kommentarer från beställaren", False),
}  # fmt: skip
"""What the header row says besides the column titles: cell, how, text, is a reservation."""


@pytest.mark.parametrize("case", HEADER_ROW_SAYS)
def test_the_header_row_in_the_vendors_voice_covers_every_yes(
    cli: Callable[..., Any], tmp_path: Path, case: str
) -> None:
    """Round 6: a note on a header cell, or a header cell of no column the table reads, was
    dropped, so "Samtliga Ja-svar gäller endast mot avgift" there left every Yes met."""
    cell, how, text, reserves = HEADER_ROW_SAYS[case]

    def change(sheet: Any) -> None:
        if how == "note":
            sheet[cell].comment = Comment(text, "Leverantör")
        else:
            sheet[cell] = text

    got, reason = outcome(cli, workbook(tmp_path / "svar.xlsx", change), "K9")
    assert (got == "not_verified" and '"mot avgift"' in reason) if reserves else got == "met", (
        reason
    )


@pytest.mark.parametrize(
    ("title", "other", "reserves"),
    [("Svar – endast mot avgift", None, True), ("Kravmatris (ska-krav)", None, False),
     ("Svar", "Tilläggstjänster mot avgift", False)],
)  # fmt: skip
def test_the_answer_sheets_name_is_read_as_its_title(
    cli: Callable[..., Any], tmp_path: Path, title: str, other: str | None, reserves: bool
) -> None:
    """Round 6: the answer sheet renamed "Svar – endast mot avgift" left every Yes met. Only the
    sheet holding the answers speaks for them: a price sheet beside it does not."""

    def change(sheet: Any) -> None:
        sheet.title = title
        if other:
            sheet.parent.create_sheet(other)["A1"] = "Pris per månad"

    got, reason = outcome(cli, workbook(tmp_path / "svar.xlsx", change), "K9")
    assert (got == "not_verified" and '"mot avgift"' in reason) if reserves else got == "met", (
        reason
    )


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ("K2;Ja;=TECKEN(77)&TECKEN(111)&TECKEN(116)", "computed by a formula"),
        ('K2;=BYT.UT("Ja, i kXmmande versiXn";"X";"o");', "neither Yes nor No"),
        ("K2;Ja;+TECKEN(77)&TECKEN(111)&TECKEN(116)", "computed by a formula"),
        ('K2;Ja;-"Mot avgift"', "computed by a formula"),
        ("K2;Ja;@TECKEN(77)&TECKEN(111)", "computed by a formula"),
    ],
    ids=["comment", "answer", "plus", "minus", "at"],
)
def test_a_csv_cell_excel_computes_is_not_verified(
    cli: Callable[..., Any], tmp_path: Path, row: str, why: str
) -> None:
    """Round 7: Excel opens a CSV cell that starts with "=" as a formula and shows its result
    ("Mot avgift" from character codes), which the file's text does not hold."""
    path = tmp_path / "svar.csv"
    lines = ["Kravnummer;Svar;Kommentar", "K1;Ja;", row, "K3;Ja;="]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got, reason = outcome(cli, path)
    assert got == "not_verified" and why in reason, reason
    assert outcome(cli, path, "K3")[0] == "met"  # a lone "=" computes nothing


@pytest.mark.parametrize(
    "comment",
    [
        "- Ja, via API och export",
        "+46 8 123 45 67",
        "-5 % rabatt",
        "@support",
        "+46(0)8-123 45 67 för frågor om export",
        "- CSV & JSON ingår i licensen",
        "-API(REST) och SFTP",
    ],
)
def test_a_csv_cell_starting_with_a_sign_that_excel_keeps_as_text_is_read(
    cli: Callable[..., Any], tmp_path: Path, comment: str
) -> None:
    """A bullet, a phone number or a handle stays text when Excel opens the file."""
    path = tmp_path / "svar.csv"
    path.write_text(f"Kravnummer;Svar;Kommentar\nK1;Ja;{comment}\n", encoding="utf-8")
    assert outcome(cli, path, "K1") == ("met", 'answered "Ja" without reservation')


def test_shared_parts_away_from_their_usual_place_are_refused(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Round 7: the relationships point the styles at xl/styles2.xml (Excel follows them) while
    a plain decoy sits at xl/styles.xml, where readers look."""
    import zipfile

    path = workbook(tmp_path / "svar.xlsx", fmt('@" – endast mot avgift"'))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/styles2.xml"] = parts["xl/styles.xml"]
    with zipfile.ZipFile(workbook(tmp_path / "plain.xlsx")) as plain:
        parts["xl/styles.xml"] = plain.read("xl/styles.xml")
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b'Target="styles.xml"', b'Target="styles2.xml"')
    parts[rels] = parts[rels].replace(b'Target="/xl/styles.xml"', b'Target="/xl/styles2.xml"')
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = cli("answers", "check", path, "--spec", SPEC)
    assert result.code == 2 and "keeps a shared part in xl/styles2.xml" in result.err


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        (b'defaultRowHeight="15"', b'defaultRowHeight="1.5" customHeight="1"', "hidden row"),
        (b'defaultRowHeight="15"', b'defaultRowHeight="15" defaultColWidth="0.3"', "hidden column"),
    ],
    ids=["rows", "columns"],
)
def test_a_sheets_default_size_too_small_to_show_hides_what_has_none_of_its_own(
    cli: Callable[..., Any], tmp_path: Path, old: bytes, new: bytes, why: str
) -> None:
    """Review of round 10: only each row's and column's own size was read."""
    path = workbook(tmp_path / "svar.xlsx")
    edit_sheet(path, old, new)
    got, reason = outcome(cli, path)
    assert got == "not_verified" and why in reason, reason
