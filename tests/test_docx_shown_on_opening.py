"""What Word shows when it opens a document, where the stored text differs: a content control
bound to XML data shows the data, a field marked for updating that quotes a text shows that text.
Round 7 left both open: a bound control's stored text said the buyer owns the data while the
custom XML part Word fills it from gave the data to the vendor."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_office_round4 import R, W, _rels, docx, para

from proccheck.loaders.spec import load_spec

STORE = "{1A2B3C4D-0000-4000-8000-00000000AB01}"
CLAUSE_SHOWN = "Leverantören äger all data som skapas i tjänsten."
CLAUSE_STORED = "Kommunen äger all data som skapas i tjänsten."
PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"


def bound(xpath: str, store: str = STORE, inline: bool = False) -> str:
    binding = (
        f'<w:dataBinding w:prefixMappings="xmlns:ns0=\'urn:avtal\'" w:xpath="{xpath}" '
        f'w:storeItemID="{store}"/>'
    )
    run = f"<w:r><w:t>{CLAUSE_STORED}</w:t></w:r>"
    if inline:
        return f"<w:p><w:r><w:t>K1. </w:t></w:r><w:sdt><w:sdtPr>{binding}</w:sdtPr><w:sdtContent>{run}</w:sdtContent></w:sdt></w:p>"
    return (
        f"<w:sdt><w:sdtPr>{binding}</w:sdtPr><w:sdtContent><w:p>{run}</w:p></w:sdtContent></w:sdt>"
    )


def with_store(path: Path, body: str, data: str, item_id: str = STORE) -> Path:
    """A document whose custom XML part (item id `item_id`) holds `data`."""
    props = (
        '<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'customXml" ds:itemID="{item_id}"><ds:schemaRefs/></ds:datastoreItem>'
    )
    return docx(
        path,
        body,
        document_rels=_rels(("customXml", "../customXml/item1.xml")),
        extra={
            "customXml/item1.xml": data,
            "customXml/_rels/item1.xml.rels": _rels(("customXmlProps", "itemProps1.xml")),
            "customXml/itemProps1.xml": props,
        },
        types=(("/customXml/itemProps1.xml", PROPS_TYPE),),
    )


def texts(path: Path) -> list[str]:
    return [item.text for item in load_spec(path, path.name).items]


DATA = f'<avtal xmlns="urn:avtal"><klausul>{CLAUSE_SHOWN}</klausul><nr>K7</nr></avtal>'


@pytest.mark.parametrize("inline", [False, True], ids=["block", "inline"])
def test_a_bound_content_control_is_read_as_its_data(tmp_path: Path, inline: bool) -> None:
    body = bound("/ns0:avtal[1]/ns0:klausul[1]", inline=inline) + para(
        "K2. Systemet ska bygga på öppna standarder."
    )
    read = " ".join(texts(with_store(tmp_path / "a.docx", body, DATA)))
    assert CLAUSE_SHOWN in read and CLAUSE_STORED not in read


def test_the_spec_check_sees_the_bound_clause(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    path = with_store(tmp_path / "a.docx", bound("/ns0:avtal[1]/ns0:klausul[1]"), DATA)
    result = cli("spec", "check", path, "-f", "json")
    report = json.loads(result.out)["reports"][0]
    outcome = {r["requirement"]: r for r in report["results"]}["DATA-OWNERSHIP"]
    assert outcome["outcome"] == "not_met", outcome["reason"]


@pytest.mark.parametrize(
    ("xpath", "store", "item_id"),
    [
        ("/ns0:avtal[1]/ns0:saknas[1]", STORE, STORE),  # nothing there
        ("/ns0:avtal[1]/ns0:klausul[1]", "{00000000-0000-4000-8000-000000000000}", STORE),
        ("//ns0:klausul[string-length(.)>1]", STORE, STORE),  # not a path Word writes
        ("/ns9:avtal[1]", STORE, STORE),  # a prefix not declared
    ],
    ids=["no-node", "other-store", "expression", "undeclared-prefix"],
)
def test_a_binding_that_names_nothing_here_keeps_the_stored_text(
    tmp_path: Path, xpath: str, store: str, item_id: str
) -> None:
    path = with_store(tmp_path / "a.docx", bound(xpath, store), DATA, item_id)
    assert texts(path) == [CLAUSE_STORED]


def test_a_control_bound_to_a_document_property(tmp_path: Path) -> None:
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{CLAUSE_SHOWN}</dc:title></cp:coreProperties>"
    )
    binding = (
        "<w:dataBinding w:prefixMappings=\"xmlns:ns0='http://purl.org/dc/elements/1.1/' "
        "xmlns:ns1='http://schemas.openxmlformats.org/package/2006/metadata/core-properties'\" "
        'w:xpath="/ns1:coreProperties[1]/ns0:title[1]" '
        'w:storeItemID="{6C3C8BC8-F283-45AE-878A-BAB7291924A1}"/>'
    )
    body = f"<w:sdt><w:sdtPr>{binding}</w:sdtPr><w:sdtContent><w:p><w:r><w:t>{CLAUSE_STORED}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    path = docx(
        tmp_path / "a.docx",
        body,
        extra={
            "_rels/.rels": _rels(
                ("officeDocument", "word/document.xml"),
                ("metadata/core-properties", "docProps/core.xml"),
            ).replace(
                f"{R}/metadata/core-properties",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            ),
            "docProps/core.xml": core,
        },
        types=(
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ),
    )
    assert texts(path) == [CLAUSE_SHOWN]


def quote_field(dirty: bool, simple: bool) -> str:
    mark = ' w:dirty="true"' if dirty else ""
    if simple:
        return (
            f'<w:p><w:fldSimple w:instr=" QUOTE &quot;{CLAUSE_SHOWN}&quot; "{mark}>'
            f"<w:r><w:t>{CLAUSE_STORED}</w:t></w:r></w:fldSimple></w:p>"
        )
    return (
        f'<w:p><w:r><w:fldChar w:fldCharType="begin"{mark}/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> QUOTE "{CLAUSE_SHOWN}" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{CLAUSE_STORED}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


@pytest.mark.parametrize("simple", [True, False], ids=["fldSimple", "fldChar"])
@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "clean"])
def test_a_quote_field_marked_for_updating_shows_its_quote(
    tmp_path: Path, dirty: bool, simple: bool
) -> None:
    path = docx(tmp_path / "a.docx", quote_field(dirty, simple))
    assert texts(path) == [CLAUSE_SHOWN if dirty else CLAUSE_STORED]


SETTINGS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"


def with_settings(path: Path, body: str, settings: str) -> Path:
    """A document whose settings part holds `settings` (document variables, updateFields)."""
    return docx(
        path,
        body,
        document_rels=_rels(("settings", "settings.xml")),
        extra={"word/settings.xml": f'<w:settings xmlns:w="{W}">{settings}</w:settings>'},
        types=(("/word/settings.xml", SETTINGS_TYPE),),
    )


def variable_field(dirty: bool) -> str:
    mark = ' w:dirty="true"' if dirty else ""
    return (
        f'<w:p><w:r><w:fldChar w:fldCharType="begin"{mark}/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> DOCVARIABLE Agare \\* MERGEFORMAT </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{CLAUSE_STORED}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


VARIABLES = f'<w:docVars><w:docVar w:name="agare" w:val="{CLAUSE_SHOWN}"/></w:docVars>'


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "clean"])
def test_a_document_variable_field_updated_shows_the_variable(tmp_path: Path, dirty: bool) -> None:
    path = with_settings(tmp_path / "a.docx", variable_field(dirty), VARIABLES)
    assert texts(path) == [CLAUSE_SHOWN if dirty else CLAUSE_STORED]


def test_a_variable_the_document_does_not_hold_keeps_the_stored_result(tmp_path: Path) -> None:
    path = with_settings(tmp_path / "a.docx", variable_field(True), "<w:docVars/>")
    assert texts(path) == [CLAUSE_STORED]


@pytest.mark.parametrize("setting", ["<w:updateFields/>", '<w:updateFields w:val="false"/>'])
def test_fields_update_when_the_settings_ask_word_to(tmp_path: Path, setting: str) -> None:
    body = quote_field(False, simple=False) + variable_field(False)
    path = with_settings(tmp_path / "a.docx", body, setting + VARIABLES)
    updated = "false" not in setting
    assert texts(path) == [CLAUSE_SHOWN if updated else CLAUSE_STORED] * 2


def test_a_property_field_updated_shows_the_custom_property(tmp_path: Path) -> None:
    """Attack round 10 (d07, d08): a DOCPROPERTY field with no result stored yet, in a document
    whose settings ask Word to update fields, shows the custom property."""
    field = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> DOCPROPERTY Villkor \\* MERGEFORMAT </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    custom = (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Villkor">'
        f"<vt:lpwstr>{CLAUSE_SHOWN}</vt:lpwstr></property></Properties>"
    )
    path = docx(
        tmp_path / "a.docx",
        field,
        document_rels=_rels(("settings", "settings.xml")),
        extra={
            "word/settings.xml": f'<w:settings xmlns:w="{W}"><w:updateFields/></w:settings>',
            "docProps/custom.xml": custom,
            "_rels/.rels": _rels(
                ("officeDocument", "word/document.xml"),
                ("custom-properties", "docProps/custom.xml"),
            ),
        },
        types=(
            ("/word/settings.xml", SETTINGS_TYPE),
            (
                "/docProps/custom.xml",
                "application/vnd.openxmlformats-officedocument.custom-properties+xml",
            ),
        ),
    )
    assert texts(path) == [CLAUSE_SHOWN]


@pytest.mark.parametrize(
    ("condition", "shown"),
    [("1 = 1", CLAUSE_SHOWN), ("1 = 2", CLAUSE_STORED), ('"a" <> "b"', CLAUSE_SHOWN)],
)
def test_an_if_field_of_written_values_shows_its_result(
    tmp_path: Path, condition: str, shown: str
) -> None:
    """Attack round 10 (d06): a dirty IF field whose stored result is harmless."""
    written = f'IF {condition} "{CLAUSE_SHOWN}" "{CLAUSE_STORED}"'
    instruction = written.replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    body = (
        f'<w:p><w:fldSimple w:instr=" {instruction} " w:dirty="true">'
        f"<w:r><w:t>{CLAUSE_STORED}</w:t></w:r></w:fldSimple></w:p>"
    )
    assert texts(docx(tmp_path / "a.docx", body)) == [shown]


def test_a_watermarks_words_are_read(tmp_path: Path) -> None:
    """Attack round 10 (d15): WordArt's words are an attribute of its VML shape."""
    body = (
        '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
        f'<v:textpath string="{CLAUSE_SHOWN}"/></v:shape></w:pict></w:r></w:p>'
    )
    assert texts(docx(tmp_path / "a.docx", body)) == [CLAUSE_SHOWN]


A = "http://schemas.openxmlformats.org/drawingml/2006/main"


@pytest.mark.parametrize(
    ("part", "kind", "content_type"),
    [
        ("charts/chart1.xml", "chart", "drawingml.chart+xml"),
        ("diagrams/data1.xml", "diagramData", "drawingml.diagramData+xml"),
    ],
    ids=["chart", "smartart"],
)
def test_a_charts_or_diagrams_text_is_read(
    tmp_path: Path, part: str, kind: str, content_type: str
) -> None:
    """Attack round 10 (d16, d17): a chart's title, a SmartArt shape's words are read for
    clauses that undermine a requirement, never as a requirement (whether Word shows the
    drawing is not worked out: review of round 10)."""
    xml = f'<root xmlns:a="{A}"><a:p><a:r><a:t>{CLAUSE_SHOWN}</a:t></a:r></a:p></root>'
    path = docx(
        tmp_path / "a.docx",
        para("K1. Kommunen ska äga all data."),
        document_rels=_rels((kind, part)),
        extra={f"word/{part}": xml},
        types=((f"/word/{part}", f"application/vnd.openxmlformats-officedocument.{content_type}"),),
    )
    document = load_spec(path, path.name)
    assert CLAUSE_SHOWN in [item.text for item in document.unlisted]  # read for clauses
    assert CLAUSE_SHOWN not in texts(path)  # never a requirement


def _field(instruction: str) -> str:
    """A field Word updates (marked dirty) whose stored result is the harmless clause."""
    code = instruction.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return (
        f'<w:p><w:fldSimple w:instr=" {code} " w:dirty="true">'
        f"<w:r><w:t>{CLAUSE_STORED}</w:t></w:r></w:fldSimple></w:p>"
    )


@pytest.mark.parametrize(
    "instruction",
    [
        'DOCPROPERTY "Avtals villkor"',  # a name with a space: not read here
        "COMMENTS",
        "SUBJECT",
        f'IF "avtal" = "av*" "{CLAUSE_SHOWN}" "{CLAUSE_STORED}"',  # Word matches wildcards
        f'IF 1 = a "{CLAUSE_SHOWN}" "{CLAUSE_STORED}"',  # a number against text
    ],
)
def test_a_field_word_updates_but_proccheck_cannot_work_out_is_unread(
    tmp_path: Path, instruction: str
) -> None:
    """Review of round 10: the stored result was read as what Word shows."""
    path = docx(tmp_path / "a.docx", para("K1. Kommunen ska äga all data.") + _field(instruction))
    assert [why for _, why in load_spec(path, path.name).unread_pages] == ["field"]


@pytest.mark.parametrize("instruction", ["PAGE", "DATE \\@ yyyy-MM-dd", "TOC \\o 1-3"])
def test_a_field_whose_result_is_no_text_of_the_documents_is_read_as_stored(
    tmp_path: Path, instruction: str
) -> None:
    path = docx(tmp_path / "a.docx", para("K1. Kommunen ska äga all data.") + _field(instruction))
    assert not load_spec(path, path.name).unread_pages


@pytest.mark.parametrize(
    ("run", "shape", "textpath"),
    [
        ("<w:rPr><w:vanish/></w:rPr>", "", ""),
        ("", ' style="visibility:hidden"', ""),
        ("", "", ' on="f"'),
    ],
    ids=["hidden-run", "hidden-shape", "path-off"],
)
def test_a_watermark_word_does_not_draw_is_not_read(
    tmp_path: Path, run: str, shape: str, textpath: str
) -> None:
    body = (
        f'<w:p><w:r>{run}<w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"{shape}>'
        f'<v:textpath string="{CLAUSE_SHOWN}"{textpath}/></v:shape></w:pict></w:r></w:p>'
    )
    assert CLAUSE_SHOWN not in texts(docx(tmp_path / "a.docx", body + para("K2. Slut.")))
