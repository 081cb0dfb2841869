"""Text a reader sees that is no requirement item (attack round 6): a heading, a table's header
row, a code block. A vendor's clause there undermines a requirement as anywhere else; text a
rendered Markdown page hides (`<div hidden>`, a comment over several lines) counts for nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_office_round4 import docx, para

OWN = (
    "Kommunen ska äga och ha full kontroll över all data i systemet, inklusive metadata och loggar."
)
REST = [
    "Leverantören ska möjliggöra export av all data när som helst under avtalstiden.",
    "Systemet ska bygga på öppna standarder.",
]
CLAUSE = "Leverantören behåller äganderätten till all data som genereras i tjänsten."


def _outcomes(cli: Callable[..., Any], path: Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    result = cli("spec", "check", path, "-f", "json")
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    return {r["requirement"]: r["outcome"] for r in report["results"]}, report["findings"]


def _markdown(tmp_path: Path, extra: str, own: str = OWN) -> Path:
    path = tmp_path / "krav.md"
    path.write_text("\n\n".join(["# Krav", own, *REST, extra]) + "\n", encoding="utf-8")
    return path


def test_the_plain_document_is_met(cli: Callable[..., Any], tmp_path: Path) -> None:
    outcomes, _findings = _outcomes(cli, _markdown(tmp_path, "Slut."))
    assert outcomes["DATA-OWNERSHIP"] == "met"


@pytest.mark.parametrize(
    "own",
    [
        f"K1. Se not.[^1]\n\n[^1]: {OWN}",  # a footnote referred to is shown
        f"{OWN}\n[K1]: <> (en anteckning)",  # a definition cannot interrupt a paragraph
        f"{OWN}\n\n[1]: https://example.se/villkor",
    ],
    ids=["footnote-referred-to", "definition-in-a-paragraph", "link-definition-beside"],
)
def test_what_a_rendered_page_shows_stays_read(
    cli: Callable[..., Any], tmp_path: Path, own: str
) -> None:
    outcomes, _findings = _outcomes(cli, _markdown(tmp_path, "Slut.", own=own))
    assert outcomes["DATA-OWNERSHIP"] == "met"


@pytest.mark.parametrize(
    "extra",
    [
        f"## {CLAUSE}",
        f"| {CLAUSE} |\n|---|\n| Gäller från avtalsstart |",
        f"```\n{CLAUSE}\n```",
        f'```mermaid\nflowchart LR\n  A[Data] --> B["{CLAUSE}"]\n```',
        f"<!-- anteckning --!>\n\n{CLAUSE}",
    ],
    ids=["heading", "table-header", "code-block", "diagram-label", "comment-closed-by-bang"],
)
def test_a_clause_outside_the_items_undermines_ownership(
    cli: Callable[..., Any], tmp_path: Path, extra: str
) -> None:
    outcomes, findings = _outcomes(cli, _markdown(tmp_path, extra))
    assert outcomes["DATA-OWNERSHIP"] == "not_met"
    clause = next(f for f in findings if f["requirement"] == "DATA-OWNERSHIP")
    assert "behåller äganderätten" in json.dumps(clause, ensure_ascii=False)


@pytest.mark.parametrize(
    "own",
    [
        f"<div hidden>{OWN}</div>",
        f'<p style="display: none">{OWN}</p>',
        f"<!--\n{OWN}\n-->",
        f"<div\n hidden>\n{OWN}\n</div>",
        f"<template>{OWN}</template>",
        f"[K1]: <> ({OWN})",
        f"[^1]: {OWN}",
    ],
    ids=[
        "div-hidden",
        "display-none",
        "comment-lines",
        "tag-over-lines",
        "template",
        "link-definition",
        "footnote-nothing-refers-to",
    ],
)
def test_a_requirement_a_rendered_page_hides_is_not_there(
    cli: Callable[..., Any], tmp_path: Path, own: str
) -> None:
    outcomes, findings = _outcomes(cli, _markdown(tmp_path, "Slut.", own=own))
    assert outcomes["DATA-OWNERSHIP"] == "not_met"
    shown = [f for f in findings if f["check"] == "SP011"]
    if "<!--" in own:  # an author's note, left out silently
        assert not shown
    else:  # a hidden element is reported where it stands, quoted
        assert [f["location"]["line"] for f in shown] == [3], shown
        assert OWN[:40] in shown[0]["message"]


@pytest.mark.parametrize(
    "extra",
    [f"<div hidden>{CLAUSE}</div>", f'<p class="villkor hidden-print">{CLAUSE}</p>'],
    ids=["div-hidden", "class-named-hidden"],
)
def test_a_clause_in_hidden_text_still_undermines(
    cli: Callable[..., Any], tmp_path: Path, extra: str
) -> None:
    """Round 7: whether a viewer shows a hidden element (a class that only names "hidden", a
    Word theme colour over white, a PDF drawn in stroke mode) is not for proccheck to bet on:
    a clause there undermines the requirement all the same, and SP011 names where it stands."""
    outcomes, findings = _outcomes(cli, _markdown(tmp_path, extra))
    assert outcomes["DATA-OWNERSHIP"] == "not_met", findings
    assert any(f["check"] == "SP003" and "behåller äganderätten" in f["message"] for f in findings)


@pytest.mark.parametrize(
    "extra",
    [
        "Leverant&ouml;ren beh&aring;ller &auml;gander&auml;tten till all data.",
        "Leveran<span>tören</span> behåller ägande<span>rätten</span> till all data.",
    ],
    ids=["entities", "tags-inside-words"],
)
def test_a_clause_written_in_html_reads_as_rendered(
    cli: Callable[..., Any], tmp_path: Path, extra: str
) -> None:
    """Round 7: a rendered page shows "Leverantören behåller äganderätten" whole."""
    outcomes, _findings = _outcomes(cli, _markdown(tmp_path, extra))
    assert outcomes["DATA-OWNERSHIP"] == "not_met"


@pytest.mark.parametrize(
    "own",
    [f"~~{OWN}~~", f"~{OWN}~", f"<del>{OWN}</del>", f"<s>{OWN}</s>"],
    ids=["tildes", "one-tilde", "del", "s"],
)
def test_a_struck_requirement_is_withdrawn(
    cli: Callable[..., Any], tmp_path: Path, own: str
) -> None:
    outcomes, findings = _outcomes(cli, _markdown(tmp_path, "Slut.", own=own))
    assert outcomes["DATA-OWNERSHIP"] == "not_met"
    assert any(f["check"] == "SP011" and OWN[:30] in f["message"] for f in findings), findings


def test_html_named_in_prose_or_a_line_break_hides_or_joins_nothing(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Second read: `<s>` named in prose with no `</s>` strikes nothing after it, and `<br>`
    is a line break between words, not inside one."""
    extra = (
        "Rensa `<s>` och `<del>` ur exporten. Leverantören<br>behåller äganderätten till all data."
    )
    outcomes, findings = _outcomes(cli, _markdown(tmp_path, extra))
    assert outcomes["DATA-OWNERSHIP"] == "not_met"  # "Leverantören behåller …": two words
    assert not [f for f in findings if f["check"] == "SP011"], findings


def test_shown_html_keeps_its_text(cli: Callable[..., Any], tmp_path: Path) -> None:
    outcomes, _findings = _outcomes(cli, _markdown(tmp_path, "Slut.", own=f"<div>{OWN}</div>"))
    assert outcomes["DATA-OWNERSHIP"] == "met"


def heading(text: str) -> str:
    return (
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


def cell(text: str) -> str:
    return f"<w:tc>{para(text)}</w:tc>"


@pytest.mark.parametrize(
    "extra",
    [
        heading(CLAUSE),
        f"<w:tbl><w:tr>{cell(CLAUSE)}</w:tr><w:tr>{cell('Gäller från avtalsstart')}</w:tr></w:tbl>",
    ],
    ids=["heading", "table-header"],
)
def test_a_word_heading_or_header_row_is_read_for_clauses(
    cli: Callable[..., Any], tmp_path: Path, extra: str
) -> None:
    body = "".join(map(para, [OWN, *REST]))
    outcomes, _findings = _outcomes(cli, docx(tmp_path / "plain.docx", body))
    assert outcomes["DATA-OWNERSHIP"] == "met"
    outcomes, _findings = _outcomes(cli, docx(tmp_path / "krav.docx", body + extra))
    assert outcomes["DATA-OWNERSHIP"] == "not_met"


# --- review of round 10 ----------------------------------------------------------------------

RENDERED = {
    # HTML named but not opened hides nothing
    "script-in-code": (f"K0. E-postmallar får inte innehålla `<script>`.\n\n{OWN}", "met"),
    "noscript-in-prose": (f"K0. Sidor ska fungera utan <noscript> eller skript.\n\n{OWN}", "met"),
    "script-in-fence": (f'```html\n<script src="app.js">\n```\n\n{OWN}', "met"),
    "reference-before-colon": (f"{OWN} Enligt LOU[^1]: se nedan.\n\n[^1]: Lagen.", "met"),
    # definitions a page does not show are not read
    "after-fence": (f"```\nexempel\n```\n[K1]: <> ({OWN})", "not_met"),
    "after-rule": (f"***\n[K1]: <> ({OWN})", "not_met"),
    "in-quote": (f"> [K1]: <> ({OWN})", "not_met"),
    "in-list": (f"- [K1]: <> ({OWN})", "not_met"),
    "footnote-named-in-code": (f"Se `[^k1]`.\n\n[^k1]: {OWN}", "not_met"),
    # round 11: what a browser takes as a comment to the first `>`
    "processing-instruction": (f"<?anm\n{OWN}\n?>", "not_met"),
    "cdata": (f"<![CDATA[\n{OWN}\n]]>", "not_met"),
    "declaration": (f"<!ANM\n{OWN}\n>", "not_met"),
    "inline-instruction": (f"Se nedan. <?x {OWN} ?> Slut.", "not_met"),
    "unclosed-block": (f"<?anm\n{OWN}", "not_met"),
    "doctype": (f"<!DOCTYPE html>\n\n{OWN}", "met"),
    "unclosed-inline": (f"Svara med ja<! eller nej.\n\n{OWN}", "met"),
    # review of round 11: an XML prolog in code is shown as written; "<!" before no letter is text
    "prolog-in-fence": (
        f'```xml\n<?xml version="1.0" encoding="UTF-8"?>\n<a/>\n```\n\n{OWN}',
        "met",
    ),
    "prolog-indented": (f'Exempel:\n\n    <?xml version="1.0" encoding="UTF-8"?>\n\n{OWN}', "met"),
    "prolog-in-span": (
        f'Filen börjar med `<?xml version="1.0" encoding="UTF-8"?>`.\n\n{OWN}',
        "met",
    ),
    "lt-bang-prose": (f"Svarstid <! under två sekunder, se bilaga > mätning.\n\n{OWN}", "met"),
    # round 13, f17: one tilde strikes through on GitHub; a tilde after a space closes nothing
    "approximately": (f"K0. Svarstiden ska vara ~2 s, högst ~5 s.\n\n{OWN}", "met"),
    # round 12, f23: a dialog a page shows only once opened
    "closed-dialog": (f"<dialog>\n\n{OWN}\n\n</dialog>", "not_met"),
    "open-dialog": (f"<dialog open>\n\n{OWN}\n\n</dialog>", "met"),
    "dialog-in-prose": (f"K0. Systemet ska inte visa <dialog> i onödan.\n\n{OWN}", "met"),
}


@pytest.mark.parametrize("case", RENDERED)
def test_the_requirement_is_read_as_the_rendered_page_shows_it(
    cli: Callable[..., Any], tmp_path: Path, case: str
) -> None:
    own, outcome = RENDERED[case]
    outcomes, _findings = _outcomes(cli, _markdown(tmp_path, "Slut.", own=own))
    assert outcomes["DATA-OWNERSHIP"] == outcome


def test_a_clause_in_code_is_read_with_its_brackets(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    extra = f"```\n{CLAUSE[:-1]} (gäller samtliga moduler och tjänster).\n```"
    outcomes, _findings = _outcomes(cli, _markdown(tmp_path, extra))
    assert outcomes["DATA-OWNERSHIP"] == "not_met"


def test_a_clause_in_latin_lookalike_letters_is_read(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Round 11 (f38): the Latin alpha and script g, which NFKC leaves alone, drawn as a and g."""
    extra = CLAUSE.replace("a", "ɑ").replace("g", "ɡ")
    outcomes, _findings = _outcomes(cli, _markdown(tmp_path, extra))
    assert outcomes["DATA-OWNERSHIP"] == "not_met"
