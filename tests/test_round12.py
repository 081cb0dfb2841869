"""Attack round 12 (blind; its vendor answers are in test_answers_round11.py): an API offered
"i mån av tillgänglighet"; a PDF line at font size 0; a Word run kept hidden by `specVanish`;
a requirement table's row marked "Utgår" in its Status column."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_office_round4 import docx
from test_pdf_round10 import REST, _line, _page, _read

from proccheck.loaders.spec import load_spec

REQUIREMENTS = [
    "K1. Kommunen ska äga och ha full kontroll över all data i systemet.",
    "K2. Systemet ska bygga på öppna standarder.",
    "K3. Systemet ska stödja öppna API:er.",
]


def _spec(cli: Callable[..., Any], path: Path) -> dict[str, str]:
    result = cli("spec", "check", path, "-f", "json")
    assert result.code in (0, 1), result.err
    return {r["requirement"]: r["outcome"] for r in json.loads(result.out)["reports"][0]["results"]}


@pytest.mark.parametrize(
    ("clause", "outcome_"),
    [
        ("API:erna tillhandahålls i mån av tillgänglighet.", "not_met"),
        ("The APIs are provided subject to availability.", "not_met"),
        ("API:erna är tillgängliga dygnet runt och dokumenteras öppet.", "met"),
    ],
)
def test_apis_offered_as_availability_permits_are_taken_back(
    cli: Callable[..., Any], tmp_path: Path, clause: str, outcome_: str
) -> None:
    path = tmp_path / "krav.md"
    path.write_text("\n\n".join(["# Krav", *REQUIREMENTS, clause]) + "\n", "utf-8")
    assert _spec(cli, path)["OPEN-APIS"] == outcome_


def test_a_pdf_line_at_font_size_zero_is_not_read(tmp_path: Path) -> None:
    text, _unread = _read(_page(tmp_path, _line(before=b"/F1 0 Tf") + REST))
    assert "Kommunen ska aga" not in text
    text, _unread = _read(_page(tmp_path, _line() + REST))
    assert "Kommunen ska aga" in text


def test_a_word_run_kept_hidden_by_spec_vanish_is_hidden(tmp_path: Path) -> None:
    own = REQUIREMENTS[0]
    body = f"<w:p><w:r><w:rPr><w:specVanish/></w:rPr><w:t>{own}</w:t></w:r></w:p>"
    document = load_spec(
        docx(tmp_path / "s.docx", "<w:p><w:r><w:t>Krav</w:t></w:r></w:p>" + body), "s.docx"
    )
    assert not any(own in item.text for item in document.items)
    assert any(own in text for _, text in document.hidden_text)


@pytest.mark.parametrize(
    ("header", "status"),
    [
        ("Status", "Utgår (beslut 2026-09-01)"),
        ("Status", "Borttagen"),
        ("Status", "Makulerad"),
        ("Status", "Ersatt av K9"),
        ("Status", "Obsolete"),
        ("Status (Gäller/Utgår)", "Utgår"),
    ],
)
def test_a_row_marked_withdrawn_in_its_status_column_is_no_requirement(
    cli: Callable[..., Any], tmp_path: Path, header: str, status: str
) -> None:
    """Round 12, and the review of it: other words for withdrawn, a header naming its values."""
    rows = [f"K{n};{text.split(' ', 1)[1]};Ska;{mark}" for n, (text, mark) in enumerate(
        zip(REQUIREMENTS, [status, "Gäller", "Gäller"], strict=True), 1)]  # fmt: skip
    path = tmp_path / "krav.csv"
    path.write_text("\n".join([f"Kravnummer;Kravtext;Kravnivå;{header}", *rows]) + "\n", "utf-8")
    assert _spec(cli, path)["DATA-OWNERSHIP"] == "not_met"
    path.write_text(path.read_text("utf-8").replace(f";{status}", ";Gäller", 1), "utf-8")
    assert _spec(cli, path)["DATA-OWNERSHIP"] == "met"


def test_a_requirement_only_on_a_very_hidden_sheet_is_no_requirement(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    shown = book.active
    assert shown is not None
    shown.title = "Krav"
    for row in (
        ["Kravnummer", "Kravtext"],
        ["K2", REQUIREMENTS[1][4:]],
        ["K3", REQUIREMENTS[2][4:]],
    ):
        shown.append(row)
    hidden = book.create_sheet("Dold")
    hidden.sheet_state = "veryHidden"
    for row in (["Kravnummer", "Kravtext"], ["K1", REQUIREMENTS[0][4:]]):
        hidden.append(row)
    path = tmp_path / "krav.xlsx"
    book.save(path)
    assert _spec(cli, path)["DATA-OWNERSHIP"] == "not_met"
    result = cli("spec", "check", path, "--lang", "sv")
    assert "Dold!B2: " in result.out and "rad None" not in result.out, result.out
    hidden.sheet_state = "visible"
    book.save(path)
    assert _spec(cli, path)["DATA-OWNERSHIP"] == "met"


@pytest.mark.parametrize(
    ("clause", "requirement", "outcome_"),
    [
        ("Data som har avidentifierats övergår i leverantörens ägo.", "DATA-OWNERSHIP", "not_met"),
        ("Anonymised data shall become the property of the Supplier.", "DATA-OWNERSHIP", "not_met"),
        ("Data som kommunen skapar övergår aldrig i leverantörens ägo.", "DATA-OWNERSHIP", "met"),
        ("Export sker i format enligt branschpraxis.", "OPEN-STANDARDS", "not_met"),
        ("Export sker i öppna format enligt branschpraxis, till exempel CSV och JSON.", "OPEN-STANDARDS", "met"),
        ("The Supplier may, at its sole discretion, replace open formats with proprietary formats.", "OPEN-STANDARDS", "not_met"),
        ("Anrop mot API:erna utöver 1 000 per månad faktureras med 2 kronor per anrop.", "API-06", "not_met"),
        ("API calls beyond 1,000 a month are billed at 0.20 EUR per call.", "API-06", "not_met"),
        ("API:erna omfattas inte av SLA-bilagan och kan stängas av vid hög belastning.", "OPEN-APIS", "not_met"),
        ("The APIs may be switched off during peak load.", "OPEN-APIS", "not_met"),
        # review of round 12: close variants, and honest look-alikes
        ("Avidentifierade uppgifter blir leverantörens egendom.", "DATA-OWNERSHIP", "not_met"),
        ("Uppgifterna blir aldrig leverantörens egendom.", "DATA-OWNERSHIP", "met"),
        ("Export sker i ett i branschen vedertaget format.", "OPEN-STANDARDS", "not_met"),
        ("Data is exported in a format customary in the industry.", "OPEN-STANDARDS", "not_met"),
        ("Export sker i ett i branschen vedertaget öppet format, till exempel CSV.", "OPEN-STANDARDS", "met"),
        ("API:erna kan tillfälligt stängas av vid hög belastning.", "OPEN-APIS", "not_met"),
        ("The APIs may be temporarily suspended during peak load.", "OPEN-APIS", "not_met"),
        ("Leverantören får stänga av API:erna vid hög belastning.", "OPEN-APIS", "not_met"),
        ("Leverantören får inte stänga av API:erna vid hög belastning.", "OPEN-APIS", "met"),
        ("Tillgång till API:erna ges i mån av tillgänglighet.", "OPEN-APIS", "not_met"),
    ],
)  # fmt: skip
def test_round12_clauses(
    cli: Callable[..., Any], tmp_path: Path, clause: str, requirement: str, outcome_: str
) -> None:
    path = tmp_path / "krav.md"
    path.write_text("\n\n".join(["# Krav", *REQUIREMENTS, clause]) + "\n", "utf-8")
    assert _spec(cli, path)[requirement] == outcome_


def _polygon(x: float, y: float, points: int) -> bytes:
    """A filled shape of `points` straight lines around (x, y), a few points across."""
    import math

    corners = [
        (x + 3 * math.cos(2 * math.pi * n / points), y + 3 * math.sin(2 * math.pi * n / points))
        for n in range(points)
    ]
    path = b" ".join(
        b"%.2f %.2f %s" % (cx, cy, b"m" if n == 0 else b"l") for n, (cx, cy) in enumerate(corners)
    )
    return path + b" h f\n"


def test_a_logo_of_many_shapes_leaves_a_later_box_over_the_text_judged(tmp_path: Path) -> None:
    """Review of round 12: 300 shapes of 63 points drawn away from the text used up the page's
    comparisons, so a white box drawn after them over K1 hid nothing."""
    lines = b"".join(
        b"BT /F1 9 Tf 56 %d Td (Rad %d av sidans brodtext om annat.) Tj ET\n" % (650 - 9 * n, n)
        for n in range(60)
    )
    logo = (
        b"q 0 0 1 rg "
        + b"".join(_polygon(40 + n % 30 * 10, 20 + n // 30 * 5, 63) for n in range(300))
        + b" Q\n"
    )
    box = b"q 1 g 50 714 450 18 re f Q\n"
    text, unread = _read(_page(tmp_path, _line() + REST + lines + logo + box))
    assert "Kommunen ska aga" not in text and "Systemet ska bygga" in text and not unread
    text, unread = _read(_page(tmp_path, _line() + REST + lines + logo))
    assert "Kommunen ska aga" in text and not unread


def _sliver(points: int) -> bytes:
    """A thin shape of `points` straight lines along the page's diagonal: the box around it
    holds all the text, its inside none."""
    half = points // 2
    there = [(40 + 520 * n / half, 100 + 600 * n / half) for n in range(half)]
    back = [(x + 2, y - 2) for x, y in reversed(there)]
    return (
        b" ".join(
            b"%.1f %.1f %s" % (x, y, b"m" if n == 0 else b"l")
            for n, (x, y) in enumerate(there + back)
        )
        + b" h f\n"
    )


def test_shapes_past_the_pages_budget_leave_the_page_unread(tmp_path: Path) -> None:
    """Shapes over the text past the page's comparisons: what they cover is not worked out,
    so the page is not read ("drawing") rather than taken as shown."""
    lines = b"".join(
        b"BT /F1 9 Tf 56 %d Td (Rad %d av sidans brodtext om annat.) Tj ET\n" % (650 - 9 * n, n)
        for n in range(60)
    )
    over = b"q 0 0 1 rg " + _sliver(60) * 400 + b" Q\n"
    text, unread = _read(_page(tmp_path, _line() + REST + lines + over))
    assert unread == ["drawing"] and "Kommunen ska aga" in text
    text, unread = _read(_page(tmp_path, _line() + REST + lines + _sliver(60) * 10))
    assert not unread and "Kommunen ska aga" in text


@pytest.mark.parametrize("fold", ["group", "filter", "plain"])
def test_a_requirement_in_a_collapsed_group_or_filtered_out_is_read(
    cli: Callable[..., Any], tmp_path: Path, fold: str
) -> None:
    """Review of round 12: a requirement list's rows folded into a collapsed outline group or
    filtered out are the list's order, shown again at one click: read; a row merely hidden
    is not."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Kravnummer", "Kravtext"], *([r[:2], r[4:]] for r in REQUIREMENTS)):
        sheet.append(row)
    sheet.row_dimensions[2].hidden = True
    if fold == "group":
        sheet.row_dimensions[2].outlineLevel = 1
    elif fold == "filter":
        sheet.auto_filter.ref = "A1:B4"
    path = tmp_path / "krav.xlsx"
    book.save(path)
    assert _spec(cli, path)["DATA-OWNERSHIP"] == ("not_met" if fold == "plain" else "met")


def test_a_map_of_many_small_shapes_among_its_labels_is_read(tmp_path: Path) -> None:
    """Review of round 13: a vector map (300 labels, then 8,000 small shapes) counts only the
    labels near each shape against the page's budget, so the page is read, not 'drawing'."""
    labels = b"".join(
        b"BT /F1 6 Tf %d %d Td (Ort %d) Tj ET\n" % (40 + n % 20 * 26, 100 + n // 20 * 30, n)
        for n in range(300)
    )
    shapes = (
        b"q 0.8 0.9 0.8 rg "
        + b"".join(
            b"%d %d m %d %d l %d %d l h f\n" % (x, y, x + 3, y, x, y + 3)
            for n in range(8000)
            for x, y in [(35 + n % 100 * 5, 90 + n // 100 * 6)]
        )
        + b" Q\n"
    )
    text, unread = _read(_page(tmp_path, _line() + REST + labels + shapes))
    assert not unread and "Kommunen ska aga" in text
