"""Requirements a reader sees as withdrawn or cannot see (attack round 7): an item marked
"Utgår" (in its text or in its Word list label) counts towards no requirement and SP011 says
so; a tracked deletion around a content control and text in the colour of a solid shading
pattern are not read as the document's text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_docx_hidden_text import OTHERS, OWN, verdicts
from test_office_round4 import docx, docx_with_part, para

from proccheck.loaders.spec import load_spec, withdrawn_mark

STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
NUMBERING_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    ("text", "withdrawn"),
    [
        ("K5. Utgår.", True),
        ("K5 UTGÅR Kommunen ska äga all data.", True),
        ("3.2 (Utgår) Kommunen ska äga all data.", True),
        ("Kommunen ska äga all data. (utgått)", True),
        ("K5. Kravet har utgått.", True),
        ("[Withdrawn] The Council shall own all data.", True),
        ("Deleted: The Council shall own all data.", True),
        ("Utgår ersättning med 500 kr per månad ska det framgå.", False),
        ("Ersättning utgår per påbörjad timme.", False),
        ("Deleted records shall be kept for 30 days.", False),
        ("K1. Kommunen ska äga all data.", False),
    ],
)
def test_withdrawal_marks(text: str, withdrawn: bool) -> None:
    assert withdrawn_mark(text) is withdrawn


def test_a_withdrawn_requirement_counts_for_nothing(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    path = tmp_path / "spec.md"
    path.write_text(f"(Utgår) {OWN}\n\n" + "\n\n".join(OTHERS) + "\n", encoding="utf-8")
    outcomes, findings = verdicts(cli, path)
    assert outcomes["DATA-OWNERSHIP"] == "not_met"
    assert outcomes["OPEN-APIS"] == outcomes["OPEN-STANDARDS"] == "met"
    [finding] = findings
    assert "marked as withdrawn" in finding["message"] and finding["outcome"] == "not_verified"
    path.write_text("\n\n".join((OWN, *OTHERS)) + "\n", encoding="utf-8")
    assert verdicts(cli, path) == (
        {"DATA-OWNERSHIP": "met", "OPEN-STANDARDS": "met", "OPEN-APIS": "met"},
        [],
    )


def numbered(path: Path, label: str, body: str) -> Path:
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{label}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    return docx_with_part(path, body, "numbering", numbering, NUMBERING_TYPE)


LISTED = (
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    f'<w:r><w:t xml:space="preserve">{OWN}</w:t></w:r></w:p>'
)


@pytest.mark.parametrize(("label", "met"), [("UTGÅR %1.", False), ("Krav %1.", True)])
def test_a_word_list_label_can_withdraw_a_requirement(
    cli: Callable[..., Any], tmp_path: Path, label: str, met: bool
) -> None:
    path = numbered(tmp_path / "n.docx", label, LISTED + "".join(map(para, OTHERS)))
    outcomes, findings = verdicts(cli, path)
    assert (outcomes["DATA-OWNERSHIP"] == "met") is met
    assert bool(findings) is not met


def test_a_tracked_deletion_around_a_content_control_is_not_read(tmp_path: Path) -> None:
    deleted = (
        "<w:p><w:del w:id='1' w:author='A'><w:sdt><w:sdtContent><w:r>"
        f"<w:t>{OWN}</w:t></w:r></w:sdtContent></w:sdt></w:del></w:p>"
    )
    path = docx(tmp_path / "d.docx", deleted + "".join(map(para, OTHERS)))
    texts = " ".join(item.text for item in load_spec(path, "d.docx").items)
    assert "Kommunen ska" not in texts and "öppna standarder" in texts


@pytest.mark.parametrize(
    ("shading", "unseen"),
    [
        ('w:val="solid" w:color="FFFFFF" w:fill="000000"', True),  # pattern white over black
        ('w:val="pct95" w:color="FFFFFF" w:fill="000000"', True),
        ('w:val="solid" w:color="000000" w:fill="FFFFFF"', False),
        ('w:val="clear" w:color="auto" w:fill="000000"', False),
    ],
)
def test_white_text_on_a_shading_pattern(tmp_path: Path, shading: str, unseen: bool) -> None:
    run = (
        f'<w:p><w:pPr><w:shd {shading}/></w:pPr><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr>'
        f"<w:t>{OWN}</w:t></w:r></w:p>"
    )
    path = docx(tmp_path / "s.docx", run + "".join(map(para, OTHERS)))
    document = load_spec(path, "s.docx")
    assert any("Kommunen ska" in item.text for item in document.items) is not unseen
    assert bool(document.hidden_text) is unseen


LOCK_IN = "Leverantören behåller äganderätten till all data som genereras i tjänsten."


def test_a_struck_clause_is_withdrawn_and_searched_for_nothing(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """A clause struck through (on the run, or by its character style) binds nobody: it
    makes no requirement not met, while a hidden one still does (SP003 searches it)."""
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="character" w:styleId="Struken">'
        "<w:rPr><w:strike/></w:rPr></w:style></w:styles>"
    )
    runs = {
        "run": "<w:rPr><w:strike/></w:rPr>",
        "style": '<w:rPr><w:rStyle w:val="Struken"/></w:rPr>',
    }
    body = "".join(map(para, (OWN, *OTHERS)))
    for how, properties in runs.items():
        clause = f"<w:p><w:r>{properties}<w:t>{LOCK_IN}</w:t></w:r></w:p>"
        path = docx_with_part(tmp_path / f"{how}.docx", body + clause, "styles", styles, STYLES)
        outcomes, findings = verdicts(cli, path)
        assert outcomes["DATA-OWNERSHIP"] == "met", how
        assert ["struck through or marked as withdrawn" in f["message"] for f in findings] == [
            True
        ], how
    hidden = f"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>{LOCK_IN}</w:t></w:r></w:p>"
    outcomes, _findings = verdicts(cli, docx(tmp_path / "hidden.docx", body + hidden))
    assert outcomes["DATA-OWNERSHIP"] == "not_met"


def test_struck_markdown_is_withdrawn(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    path.write_text(f"{OWN}\n\n~~{LOCK_IN}~~\n\n<del>K9. Extra krav ska gälla.</del>\n", "utf-8")
    document = load_spec(path, "s.md")
    assert [text for _, text in document.withdrawn] == ["K9. Extra krav ska gälla.", LOCK_IN]
    assert not document.hidden_text
