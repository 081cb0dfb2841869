"""Text formatted as hidden in Word (`w:vanish`) is what nobody reading the tender sees: it must
not make a requirement met, and SP011 shows it. Each case: a small document built here."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_office_round4 import R, _rels, docx, docx_with_part, para, refusal

from proccheck.loaders.spec import load_spec

OWN = "K1. Kommunen ska äga och ha kontroll över all data i systemet."
OTHERS = ("K2. Systemet ska bygga på öppna standarder.", "K3. Systemet ska stödja öppna API:er.")
STYLES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def hidden_para(text: str, vanish: str = "<w:vanish/>") -> str:
    return f'<w:p><w:r><w:rPr>{vanish}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def styled(path: Path, body: str, styles: str, defaults: str = "") -> Path:
    """A document with a styles part holding `styles` (w:style elements)."""
    xml = f'<w:styles xmlns:w="{W}">{defaults}{styles}</w:styles>'
    return docx_with_part(path, body, "styles", xml, STYLES_TYPE)


def verdicts(cli: Callable[..., Any], path: Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    result = cli("spec", "check", path, "--set", "builtin:trollhattan-2023", "-f", "json")
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    outcomes = {r["requirement"]: r["outcome"] for r in report["results"]}
    return outcomes, [f for f in report["findings"] if f["check"] == "SP011"]


def test_a_hidden_clause_does_not_make_a_requirement_met(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    shown = docx(tmp_path / "shown.docx", "".join(map(para, (OWN, *OTHERS))))
    hidden = docx(tmp_path / "hidden.docx", hidden_para(OWN) + "".join(map(para, OTHERS)))
    plain, none = verdicts(cli, shown)
    assert plain == {"DATA-OWNERSHIP": "met", "OPEN-STANDARDS": "met", "OPEN-APIS": "met"}
    assert none == []
    outcomes, findings = verdicts(cli, hidden)
    assert outcomes["DATA-OWNERSHIP"] == "not_met"
    assert outcomes["OPEN-APIS"] == outcomes["OPEN-STANDARDS"] == "met"
    [finding] = findings
    assert finding["outcome"] == "not_verified"
    assert finding["evidence"] == OWN
    assert "paragraph 1: text the document does not show" in finding["message"]
    assert "äga och ha kontroll" in finding["message"]


def test_hidden_words_inside_a_shown_paragraph_are_left_out(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">K1. Kommunen ska </w:t></w:r>'
        '<w:r><w:rPr><w:vanish w:val="true"/></w:rPr><w:t>inte </w:t></w:r>'
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve">äga all data.</w:t>'
        "</w:r></w:p>"
    )
    document = load_spec(docx(tmp_path / "s.docx", body), "s.docx")
    assert [item.text for item in document.items] == ["K1. Kommunen ska äga all data."]
    [(location, text)] = document.hidden_text
    assert (location.element, text) == ("paragraph 1", "inte")


def test_hidden_by_a_style_through_based_on_and_a_run_that_turns_it_off(tmp_path: Path) -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Dold"><w:rPr><w:vanish/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Arvd"><w:basedOn w:val="Dold"/></w:style>'
        '<w:style w:type="character" w:styleId="Syns"><w:rPr><w:vanish w:val="off"/></w:rPr>'
        "</w:style>"
    )
    body = (
        f'<w:p><w:pPr><w:pStyle w:val="Arvd"/></w:pPr><w:r><w:t>{OWN}</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="Dold"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="Syns"/></w:rPr><w:t>{OTHERS[0]}</w:t></w:r></w:p>'
        + para(OTHERS[1])
    )
    document = load_spec(styled(tmp_path / "s.docx", body, styles), "s.docx")
    assert [item.text for item in document.items] == list(OTHERS)
    assert [text for _, text in document.hidden_text] == [OWN]


def test_hidden_text_in_a_table_cell_is_reported_with_its_row(tmp_path: Path) -> None:
    def cell(inner: str) -> str:
        return f"<w:tc>{inner}</w:tc>"

    body = (
        "<w:tbl><w:tr>" + cell(para("Id")) + cell(para("Krav")) + "</w:tr>"
        "<w:tr>" + cell(para("K1")) + cell(para("Systemet ska ha export.")) + "</w:tr>"
        "<w:tr>" + cell(para("K2")) + cell(hidden_para("Leverantören äger all data.")) + "</w:tr>"
        "</w:tbl>"
    )
    document = load_spec(docx(tmp_path / "t.docx", body), "t.docx")
    assert [item.text for item in document.items if item.text] == ["Systemet ska ha export."]
    assert [(loc.element, text) for loc, text in document.hidden_text] == [
        ("table 1 row 3", "Leverantören äger all data.")
    ]


def test_a_document_whose_text_is_all_hidden_is_refused(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>"
    )
    path = styled(tmp_path / "d.docx", "".join(map(para, (OWN, *OTHERS))), "", defaults)
    error, hint = refusal(cli, "spec", "check", path)
    assert "formatted as hidden" in error and "Hidden" in hint
    error, _ = refusal(cli, "spec", "check", "--lang", "sv", path)
    assert "dold" in error


def test_a_style_chain_that_loops_is_not_hidden(tmp_path: Path) -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>'
    )
    body = f'<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>{OWN}</w:t></w:r></w:p>'
    document = load_spec(styled(tmp_path / "s.docx", body, styles), "s.docx")
    assert [item.text for item in document.items] == [OWN] and not document.hidden_text


def run_para(text: str, properties: str, paragraph: str = "") -> str:
    return (
        f"<w:p><w:pPr>{paragraph}</w:pPr><w:r><w:rPr>{properties}</w:rPr>"
        f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
UNSEEN = {
    # attack round 8: formatting that leaves the text unreadable
    "no fill": run_para(OWN, f'<w14:textFill xmlns:w14="{W14}"><w14:noFill/></w14:textFill>'),
    "squeezed to 1 %": run_para(OWN, '<w:w w:val="1"/>'),
    "fitted into one point": run_para(OWN, '<w:fitText w:val="20" w:id="1"/>'),
    "lowered 1,500 points": run_para(OWN, '<w:position w:val="-3000"/>'),
    "set in Webdings": run_para(OWN, '<w:rFonts w:ascii="Webdings" w:hAnsi="Webdings"/>'),
    "an exact line of 1 point": run_para(OWN, "", '<w:spacing w:line="20" w:lineRule="exact"/>'),
    "an exact row of 0.75 points": (
        '<w:tbl><w:tr><w:trPr><w:trHeight w:val="15" w:hRule="exact"/></w:trPr>'
        f"<w:tc>{para(OWN)}</w:tc></w:tr></w:tbl>"
    ),
    "white on the page": run_para(OWN, '<w:color w:val="FFFFFF"/>'),
    "near white": run_para(OWN, '<w:color w:val="F4F6F5"/>'),
    "one point": run_para(OWN, '<w:sz w:val="2"/>'),
    "black on black shading": run_para(
        OWN, '<w:color w:val="000000"/>', '<w:shd w:val="clear" w:fill="000000"/>'
    ),
    "yellow on a yellow highlight": run_para(
        OWN, '<w:color w:val="FFFF00"/><w:highlight w:val="yellow"/>'
    ),
    # round 7: struck through (withdrawn), and a theme colour that is the page's white
    "struck through": run_para(OWN, "<w:strike/>"),
    "double struck": run_para(OWN, '<w:dstrike w:val="1"/>'),
    "black value, background theme colour": run_para(
        OWN, '<w:color w:val="000000" w:themeColor="background1"/>'
    ),
}
SEEN = {
    "squeezed to 90 %": run_para(OWN, '<w:w w:val="90"/>'),
    "raised 3 points": run_para(OWN, '<w:position w:val="6"/>'),
    "an exact line of 12 points": run_para(OWN, "", '<w:spacing w:line="240" w:lineRule="exact"/>'),
    "fitted into its width": run_para(OWN, '<w:fitText w:val="9000" w:id="1"/>'),
    "white on dark shading": run_para(
        OWN, '<w:color w:val="FFFFFF"/>', '<w:shd w:val="clear" w:fill="1F3864"/>'
    ),
    "grey on the page": run_para(OWN, '<w:color w:val="808080"/>'),
    "small but readable": run_para(OWN, '<w:sz w:val="12"/>'),
    "colour auto": run_para(OWN, '<w:color w:val="auto"/>'),
    "white value, text theme colour": run_para(
        OWN, '<w:color w:val="FFFFFF" w:themeColor="text1"/>'
    ),
    "strike turned off": run_para(OWN, '<w:strike w:val="0"/>'),
    "background theme colour, darker": run_para(  # Word's grey "Bakgrund 1, mörkare 50 %"
        OWN, '<w:color w:val="7F7F7F" w:themeColor="background1" w:themeShade="80"/>'
    ),
    "white on theme shading": run_para(
        OWN,
        '<w:color w:val="FFFFFF"/>',
        '<w:shd w:val="clear" w:fill="auto" w:themeFill="accent1"/>',
    ),
    "white in a text box on a shape": (
        "<w:p><w:r><w:txbxContent>"
        + run_para(OWN, '<w:color w:val="FFFFFF"/>')
        + "</w:txbxContent></w:r></w:p>"
    ),
    "white in a styled table": (
        '<w:tbl><w:tblPr><w:tblStyle w:val="GridTable4-Accent1"/></w:tblPr><w:tr><w:tc>'
        + run_para(OWN, '<w:color w:val="FFFFFF"/>')
        + "</w:tc></w:tr></w:tbl>"
    ),
}


@pytest.mark.parametrize("case", UNSEEN)
def test_text_that_cannot_be_seen_is_left_out_and_reported(tmp_path: Path, case: str) -> None:
    document = load_spec(docx(tmp_path / "s.docx", UNSEEN[case] + para(OTHERS[0])), "s.docx")
    assert [item.text for item in document.items] == [OTHERS[0]]
    struck = "struck" in case  # withdrawn rather than hidden: reported, and searched for nothing
    left_out = document.withdrawn if struck else document.hidden_text
    assert [text for _, text in left_out] == [OWN]
    assert not (document.hidden_text if struck else document.withdrawn)


@pytest.mark.parametrize("case", SEEN)
def test_text_that_can_be_seen_is_read(tmp_path: Path, case: str) -> None:
    document = load_spec(docx(tmp_path / "s.docx", SEEN[case]), "s.docx")
    assert [item.text for item in document.items] == [OWN] and not document.hidden_text


def test_a_white_word_inside_a_clause_does_not_turn_it_around(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """ "Leverantören behåller [inte] äganderätten": a reader sees the vendor keep the data."""
    clause = (
        '<w:p><w:r><w:t xml:space="preserve">K1. Leverantören behåller </w:t></w:r>'
        '<w:r><w:rPr><w:color w:val="FFFFFF"/><w:sz w:val="2"/></w:rPr>'
        '<w:t xml:space="preserve">inte </w:t></w:r>'
        "<w:r><w:t>äganderätten till all data som genereras i tjänsten.</w:t></w:r></w:p>"
    )
    outcomes, findings = verdicts(cli, docx(tmp_path / "v.docx", clause + para(OWN)))
    assert outcomes["DATA-OWNERSHIP"] == "not_met"
    assert [f["evidence"] for f in findings] == ["inte"]


FOOTER = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
NOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


@pytest.mark.parametrize(
    ("part", "name", "kind", "content_type", "root", "place"),
    [
        ("footer1.xml", "footer", "footer", FOOTER, "w:ftr", "footer 1 paragraph 1"),
        ("footnotes.xml", "footnotes", "footnotes", NOTES, "w:footnotes", "footnote paragraph 1"),
    ],
)
def test_a_clause_in_a_footer_or_footnote_is_read(
    cli: Callable[..., Any],
    tmp_path: Path,
    part: str,
    name: str,
    kind: str,
    content_type: str,
    root: str,
    place: str,
) -> None:
    """Footers and notes are printed with the document: a clause there binds as one in the
    body does, and was not read at all."""
    clause = "Leverantören behåller äganderätten till all data som genereras i tjänsten."
    inner = para(clause)
    if kind == "footnotes":
        inner = f'<w:footnote w:id="1">{inner}</w:footnote>'
    xml = f'<{root} xmlns:w="{W}" xmlns:r="{R}">{inner}</{root}>'
    path = docx(
        tmp_path / "f.docx",
        "".join(map(para, (OWN, *OTHERS))),
        document_rels=_rels((name, part)),
        extra={f"word/{part}": xml},
        types=((f"/word/{part}", content_type),),
    )
    outcomes, _ = verdicts(cli, path)
    assert outcomes["DATA-OWNERSHIP"] == "not_met"
    result = cli("spec", "check", path, "--set", "builtin:trollhattan-2023", "-f", "json")
    findings = json.loads(result.out)["reports"][0]["findings"]
    assert any(f["location"].get("element") == place for f in findings), findings


def test_alternative_content_is_read_as_word_chooses_it(tmp_path: Path) -> None:
    """Word skips a choice that requires a namespace it does not know and shows the fallback:
    the first choice held K1 and the fallback, which Word shows, the vendor's clause."""
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"

    def alternative(requires: str, namespace: str) -> str:
        return (
            f'<mc:AlternateContent xmlns:mc="{mc}" xmlns:{requires}="{namespace}">'
            f'<mc:Choice Requires="{requires}">{para(OWN)}</mc:Choice>'
            f"<mc:Fallback>{para('Leverantören äger all data.')}</mc:Fallback>"
            "</mc:AlternateContent>"
        )

    unknown = load_spec(docx(tmp_path / "u.docx", alternative("zz", "urn:x:y")), "u.docx")
    assert [item.text for item in unknown.items] == ["Leverantören äger all data."]
    known = load_spec(docx(tmp_path / "k.docx", alternative("w14", w14)), "k.docx")
    assert [item.text for item in known.items] == [OWN]


def test_a_table_style_that_hides_hides_the_table(tmp_path: Path) -> None:
    styles = '<w:style w:type="table" w:styleId="Dold"><w:rPr><w:vanish/></w:rPr></w:style>'
    body = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="Dold"/></w:tblPr>'
        f"<w:tr><w:tc>{para(OWN)}</w:tc></w:tr></w:tbl>" + para(OTHERS[0])
    )
    document = load_spec(styled(tmp_path / "t.docx", body, styles), "t.docx")
    assert [item.text for item in document.items] == [OTHERS[0]]
    assert [text for _, text in document.hidden_text] == [OWN]


@pytest.mark.parametrize(
    ("style", "look", "hidden"),
    [
        ('<w:rPr><w:color w:val="FFFFFF"/></w:rPr>', "", True),
        ('<w:tblStylePr w:type="firstRow"><w:rPr><w:vanish/></w:rPr></w:tblStylePr>', "", True),
        (
            '<w:tblStylePr w:type="firstRow"><w:rPr><w:vanish/></w:rPr></w:tblStylePr>',
            '<w:tblLook w:firstRow="0"/>',
            False,
        ),
        (
            '<w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:tcPr><w:shd w:val="clear" '
            'w:fill="1F3864"/></w:tcPr>',
            "",
            False,
        ),
    ],
    ids=["white", "first-row-hidden", "first-row-look-off", "white-on-shading"],
)
def test_a_table_style_can_hide_its_text(
    tmp_path: Path, style: str, look: str, hidden: bool
) -> None:
    styles = f'<w:style w:type="table" w:styleId="T">{style}</w:style>'
    body = (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="T"/>{look}</w:tblPr>'
        f"<w:tr><w:tc>{para(OWN)}</w:tc></w:tr></w:tbl>" + para(OTHERS[0])
    )
    document = load_spec(styled(tmp_path / "t.docx", body, styles), "t.docx")
    assert bool(document.hidden_text) is hidden
    assert any(item.text == OWN for item in document.items) is not hidden


STYLE_SHEET = (
    '<w:style w:type="character" w:styleId="Vit"><w:rPr><w:color w:val="FFFFFF"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="character" w:styleId="VitArv"><w:basedOn w:val="Vit"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Liten"><w:rPr><w:sz w:val="2"/></w:rPr></w:style>'
)
STYLED_UNSEEN = {
    "white by a character style": run_para(OWN, '<w:rStyle w:val="Vit"/>'),
    "white through basedOn": run_para(OWN, '<w:rStyle w:val="VitArv"/>'),
    "one point by a paragraph style": run_para(OWN, "", '<w:pStyle w:val="Liten"/>'),
}
STYLED_SEEN = {
    "a run's own colour over a white style": run_para(
        OWN, '<w:rStyle w:val="Vit"/><w:color w:val="auto"/>'
    ),
    "a run's own size over a tiny style": run_para(
        OWN, '<w:sz w:val="22"/>', '<w:pStyle w:val="Liten"/>'
    ),
    "white style on dark shading": run_para(
        OWN, '<w:rStyle w:val="Vit"/>', '<w:shd w:val="clear" w:fill="1F3864"/>'
    ),
}


@pytest.mark.parametrize("case", STYLED_UNSEEN)
def test_text_a_style_makes_unseen_is_left_out(tmp_path: Path, case: str) -> None:
    body = STYLED_UNSEEN[case] + para(OTHERS[0])
    document = load_spec(styled(tmp_path / "s.docx", body, STYLE_SHEET), "s.docx")
    assert [item.text for item in document.items] == [OTHERS[0]]
    assert [text for _, text in document.hidden_text] == [OWN]


@pytest.mark.parametrize("case", STYLED_SEEN)
def test_text_its_run_or_shading_makes_seen_is_read(tmp_path: Path, case: str) -> None:
    document = load_spec(styled(tmp_path / "s.docx", STYLED_SEEN[case], STYLE_SHEET), "s.docx")
    assert [item.text for item in document.items] == [OWN] and not document.hidden_text


def test_a_white_default_on_a_white_page_hides_unstyled_text(tmp_path: Path) -> None:
    defaults = '<w:docDefaults><w:rPrDefault><w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:rPrDefault></w:docDefaults>'  # fmt: skip
    body = para(OWN) + run_para(OTHERS[0], '<w:color w:val="000000"/>')
    document = load_spec(styled(tmp_path / "s.docx", body, "", defaults), "s.docx")
    assert [item.text for item in document.items] == [OTHERS[0]]


HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"


@pytest.mark.parametrize(("kind", "shown"), [("default", True), ("even", False), ("first", False)])
def test_a_header_no_page_shows_counts_towards_no_requirement(
    tmp_path: Path, kind: str, shown: bool
) -> None:
    """Round 7: an even-page header while even pages are not distinct (no
    `w:evenAndOddHeaders`), or a first-page one without `w:titlePg`, is never printed."""
    section = f'<w:sectPr><w:headerReference w:type="{kind}" r:id="rId1"/></w:sectPr>'
    header = f'<w:hdr xmlns:w="{W}" xmlns:r="{R}">{para(OWN)}</w:hdr>'
    path = docx(
        tmp_path / "h.docx",
        "".join(map(para, OTHERS)) + section,
        document_rels=_rels(("header", "header1.xml")),
        extra={"word/header1.xml": header},
        types=(("/word/header1.xml", HEADER),),
    )
    document = load_spec(path, "h.docx")
    assert (OWN in [item.text for item in document.items]) is shown
    assert ([text for _, text in document.hidden_text] == [OWN]) is not shown


def test_a_footnote_nothing_refers_to_counts_towards_no_requirement(tmp_path: Path) -> None:
    notes = (
        f'<w:footnotes xmlns:w="{W}" xmlns:r="{R}"><w:footnote w:id="1">{para(OTHERS[0])}'
        f'</w:footnote><w:footnote w:id="2">{para(OWN)}</w:footnote></w:footnotes>'
    )
    body = '<w:p><w:r><w:t>Se not.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    path = docx(
        tmp_path / "n.docx",
        body + para(OTHERS[1]),
        document_rels=_rels(("footnotes", "footnotes.xml")),
        extra={"word/footnotes.xml": notes},
        types=(("/word/footnotes.xml", NOTES),),
    )
    document = load_spec(path, "n.docx")
    assert OTHERS[0] in [item.text for item in document.items]
    assert [text for _, text in document.hidden_text] == [OWN]


def test_only_the_version_of_alternative_content_word_shows_is_read(tmp_path: Path) -> None:
    """Round 7: a text box's drawing says one thing and its VML fallback another."""
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    box = (
        f'<w:p><w:r><mc:AlternateContent xmlns:mc="{mc}" xmlns:wps="{wps}">'
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{para("Se prisbilagan.")}'
        f"</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><w:txbxContent>{para(OWN)}</w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    document = load_spec(docx(tmp_path / "a.docx", box + para(OTHERS[0])), "a.docx")
    texts = " ".join(item.text for item in document.items)
    assert "Se prisbilagan." in texts and OWN not in texts


def test_a_built_in_table_style_with_white_header_letters_on_a_fill_hides_nothing(
    tmp_path: Path,
) -> None:
    """Word's "Medium Shading 1 Accent 1" prints the first row white on its own fill; python-docx's
    default template holds 35 such styles among others (second read of round 8)."""
    import docx as python_docx

    document = python_docx.Document()
    table = document.add_table(rows=2, cols=1)
    table.style = "Medium Shading 1 Accent 1"
    table.cell(0, 0).text = OWN
    table.cell(1, 0).text = OTHERS[0]
    path = tmp_path / "styled.docx"
    document.save(str(path))
    spec = load_spec(path, "styled.docx")
    assert not spec.hidden_text
    assert any(OWN in " ".join((item.text, item.beside)) for item in spec.items)


def test_a_tick_box_glyph_in_wingdings_is_no_hidden_word(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>'
        f'<w:t>þ</w:t></w:r><w:r><w:t xml:space="preserve"> {OWN}</w:t></w:r></w:p>'
    )
    document = load_spec(docx(tmp_path / "t.docx", body), "t.docx")
    assert not document.hidden_text and OWN in document.items[0].text


def test_a_long_chain_of_based_on_styles_is_read_in_linear_time(tmp_path: Path) -> None:
    """Attack round 10 (r04): 20,000 paragraph styles each based on the one before took
    minutes, as each style's chain was walked anew."""
    from test_linear_scans import assert_linear

    def make(size: int) -> Callable[[], Any]:
        chain = "".join(
            f'<w:style w:type="paragraph" w:styleId="S{i}"><w:basedOn w:val="S{i - 1}"/></w:style>'
            for i in range(1, size)
        )
        styles = (
            '<w:style w:type="paragraph" w:styleId="S0"><w:rPr><w:sz w:val="24"/></w:rPr></w:style>'
        )
        body = (
            f'<w:p><w:pPr><w:pStyle w:val="S{size - 1}"/></w:pPr><w:r><w:t>{OWN}</w:t></w:r></w:p>'
        )
        path = styled(tmp_path / f"s{size}.docx", body, styles + chain)
        return lambda: load_spec(path, path.name)

    assert_linear(make, 2000)


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: "<w:p>" + "<w:r><w:t xml:space='preserve'>ord </w:t></w:r>" * n + "</w:p>",
        lambda n: "<w:p><w:r>" + "<w:t xml:space='preserve'>ord </w:t>" * n + "</w:r></w:p>",
        lambda n: (
            "<w:tbl><w:tr><w:tc>"
            + "<w:p><w:r><w:t>ord</w:t></w:r></w:p>" * n
            + "</w:tc></w:tr></w:tbl>"
        ),
    ],
    ids=["runs-in-a-paragraph", "texts-in-a-run", "paragraphs-in-a-cell"],
)
def test_a_paragraph_of_many_runs_is_read_in_linear_time(
    tmp_path: Path, shape: Callable[[int], str]
) -> None:
    """Attack round 11 (r02): a paragraph of 300,000 runs ran past a minute, as the paragraph's
    own properties were searched for among all its runs once per run."""
    from test_linear_scans import assert_linear

    def make(size: int) -> Callable[[], Any]:
        hidden = f"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>{OWN}</w:t></w:r></w:p>"
        path = docx(tmp_path / f"r{size}.docx", hidden + shape(size))
        return lambda: load_spec(path, path.name)

    assert_linear(make, 4000)


def _text_box(text: str, hidden: str = "", style: str = "") -> str:
    """A paragraph holding a DrawingML text box (`hidden` on its properties) and, as Word
    writes for older readers, nothing else; or, with `style`, a VML text box of that style."""
    inner = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    if style:
        return (
            '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" '
            f'style="{style}"><v:textbox>{inner}</v:textbox></v:shape></w:pict></w:r></w:p>'
        )
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    return (
        f'<w:p><w:r><w:drawing><wp:anchor xmlns:wp="{wp}"><wp:extent cx="5400000" cy="400000"/>'
        f'<wp:docPr id="7" name="Textruta 7"{hidden}/><a:graphic xmlns:a="http://schemas.'
        'openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.'
        f'com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="{wps}"><wps:txbx>'
        f"{inner}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        "</w:r></w:p>"
    )


@pytest.mark.parametrize(
    ("box", "seen"),
    [
        (_text_box(OWN), True),
        (_text_box(OWN, hidden=' hidden="1"'), False),
        (_text_box(OWN, hidden=' hidden="true"'), False),
        (_text_box(OWN, hidden=' hidden="0"'), True),
        (_text_box(OWN, style="width:400pt;height:30pt"), True),
        (_text_box(OWN, style="width:400pt;height:30pt;visibility:hidden"), False),
    ],
    ids=["shown", "hidden", "hidden-true", "hidden-0", "vml", "vml-hidden"],
)
def test_the_text_of_a_shape_word_does_not_draw_is_hidden(
    tmp_path: Path, box: str, seen: bool
) -> None:
    """Round 11 (f22): a text box whose drawing is hidden (the Selection Pane's eye) shows
    nothing; its text is reported as hidden, not read as a requirement."""
    document = load_spec(docx(tmp_path / "t.docx", para("Krav") + box), "t.docx")
    assert any(OWN in item.text for item in document.items) == seen
    assert any(OWN in text for _, text in document.hidden_text) != seen


def test_properties_after_bookmarks_are_found(tmp_path: Path) -> None:
    """Review of round 11: the schema lets bookmarks stand before a paragraph's or a table's
    properties; a hiding style named there still hides."""
    marks = "".join(
        f'<w:bookmarkStart w:id="{i}" w:name="b{i}"/><w:bookmarkEnd w:id="{i}"/>' for i in range(5)
    )
    styles = '<w:style w:type="paragraph" w:styleId="Dold"><w:rPr><w:vanish/></w:rPr></w:style>'
    body = f'<w:p>{marks}<w:pPr><w:pStyle w:val="Dold"/></w:pPr><w:r><w:t>{OWN}</w:t></w:r></w:p>'
    document = load_spec(styled(tmp_path / "b.docx", para("Krav") + body, styles), "b.docx")
    assert not any(OWN in item.text for item in document.items)
    assert any(OWN in text for _, text in document.hidden_text)
