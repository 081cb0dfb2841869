"""Word comments are a reviewer's notes beside the text: never read as the document's text (a
comment cannot make a requirement met), and each is shown by SP012 with its author and the
paragraph or row it is attached to. Each case: a small document built here."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from test_office_round4 import _rels, docx, docx_with_part, para, refusal

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
OWN = "K1. Kommunen ska äga och ha kontroll över all data i systemet."
OTHERS = ("K2. Systemet ska bygga på öppna standarder.", "K3. Systemet ska stödja öppna API:er.")


def commented(path: Path, body: str, comments: str) -> Path:
    xml = f'<w:comments xmlns:w="{W}">{comments}</w:comments>'
    return docx_with_part(path, body, "comments", xml, COMMENTS_TYPE)


def comment(number: int, text: str, author: str = "Anna Ek") -> str:
    return (
        f'<w:comment w:id="{number}" w:author="{author}"><w:p><w:r>'
        f"<w:t>{text}</w:t></w:r></w:p></w:comment>"
    )


def anchored_para(text: str, number: int) -> str:
    return (
        f'<w:p><w:commentRangeStart w:id="{number}"/><w:r><w:t xml:space="preserve">{text}'
        f'</w:t></w:r><w:commentRangeEnd w:id="{number}"/>'
        f'<w:r><w:commentReference w:id="{number}"/></w:r></w:p>'
    )


def run(cli: Callable[..., Any], path: Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    result = cli("spec", "check", path, "--set", "builtin:trollhattan-2023", "-f", "json")
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    outcomes = {r["requirement"]: r["outcome"] for r in report["results"]}
    return outcomes, [f for f in report["findings"] if f["check"] == "SP012"]


def test_a_comment_is_shown_with_its_author_and_paragraph(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    body = anchored_para(OWN, 7) + "".join(map(para, OTHERS))
    path = commented(tmp_path / "k.docx", body, comment(7, "Gäller endast standardpaketet."))
    outcomes, [finding] = run(cli, path)
    assert outcomes["DATA-OWNERSHIP"] == "met"  # the text says it; the comment is shown apart
    assert finding["outcome"] == "not_verified"
    assert finding["location"]["element"] == "paragraph 1"
    assert "Anna Ek: Gäller endast standardpaketet." in finding["message"]


def test_a_clause_in_a_comment_does_not_make_a_requirement_met(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    body = anchored_para(OTHERS[0], 1) + para(OTHERS[1])
    path = commented(tmp_path / "k.docx", body, comment(1, OWN))
    outcomes, [finding] = run(cli, path)
    assert outcomes["DATA-OWNERSHIP"] == "not_met"
    assert OWN in finding["evidence"]


def test_a_comment_anchored_nowhere_is_still_shown(cli: Callable[..., Any], tmp_path: Path) -> None:
    body = "".join(map(para, (OWN, *OTHERS)))
    path = commented(tmp_path / "k.docx", body, comment(3, "Ta bort före utskick", author=""))
    _outcomes, [finding] = run(cli, path)
    assert finding["location"]["element"] == "comments"
    assert "«Ta bort före utskick»" in finding["message"]


def test_a_comment_on_a_table_row_names_the_row(cli: Callable[..., Any], tmp_path: Path) -> None:
    row = (
        "<w:tr><w:tc>" + para("Krav") + "</w:tc></w:tr><w:tr><w:tc>"
        + anchored_para(OWN, 2) + "</w:tc></w:tr>"
    )  # fmt: skip
    path = commented(tmp_path / "k.docx", f"<w:tbl>{row}</w:tbl>", comment(2, "Oklart"))
    _outcomes, [finding] = run(cli, path)
    assert finding["location"]["element"] == "table 1 row 2"


def test_a_document_without_comments_has_no_finding(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    _outcomes, findings = run(cli, docx(tmp_path / "k.docx", "".join(map(para, (OWN, *OTHERS)))))
    assert findings == []


def test_a_damaged_comments_part_is_refused(cli: Callable[..., Any], tmp_path: Path) -> None:
    path = docx(
        tmp_path / "k.docx",
        para(OWN),
        document_rels=_rels(("comments", "comments.xml")),
        extra={"word/comments.xml": "<w:comments"},
        types=(("/word/comments.xml", COMMENTS_TYPE),),
    )
    error, _hint = refusal(cli, "spec", "check", path)
    assert "k.docx" in error


def _runs(*parts: str) -> str:
    return "<w:p>" + "".join(parts) + "</w:p>"


def test_a_break_or_tab_inside_a_clause_separates_words(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    clause = (
        '<w:r><w:t xml:space="preserve">Leverantören behåller</w:t><w:br/>'
        "<w:t>äganderätten till all data.</w:t></w:r>"
    )
    tabbed = clause.replace("<w:br/>", "<w:tab/>")
    for body in (clause, tabbed):
        path = docx(tmp_path / "k.docx", "".join(map(para, (OWN, *OTHERS))) + _runs(body))
        outcomes, _findings = run(cli, path)
        assert outcomes["DATA-OWNERSHIP"] == "not_met", body


def test_text_in_a_deleted_run_is_not_read(cli: Callable[..., Any], tmp_path: Path) -> None:
    deleted = (
        '<w:r><w:t xml:space="preserve">Leverantören behåller </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:t xml:space="preserve">inte </w:t></w:r></w:del>'
        "<w:r><w:t>äganderätten till all data.</w:t></w:r>"
    )
    path = docx(tmp_path / "k.docx", "".join(map(para, (OWN, *OTHERS))) + _runs(deleted))
    outcomes, _findings = run(cli, path)
    assert outcomes["DATA-OWNERSHIP"] == "not_met"
