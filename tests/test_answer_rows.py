"""Rows of an answers file beyond one per requirement (attack round 5): a second row for a
requirement whose id is written loosely ("K 1", "k1.") or that repeats its text, and a row that
answers no requirement but reserves something for the whole bid. Before, both were dropped
without a word and the requirement stayed met."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES

SPEC = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"
HEADER = "Kravnummer;Kravtext;Svar;Leverantörens kommentar"
K1_TEXT = (
    "Kommunen ska äga och ha full kontroll över all data i systemet, inklusive metadata, loggar "
    "och härledda data."
)


def rows(*extra: str, k1: str = f"K1;{K1_TEXT};Ja;") -> str:
    plain = [f"K{n};Krav {n};Ja;" for n in range(2, 14)]
    return "\n".join([HEADER, k1, *plain, *extra]) + "\n"


def check(cli: Callable[..., Any], tmp_path: Path, text: str) -> dict[str, tuple[str, str]]:
    path = tmp_path / "svar.csv"
    path.write_text(text, encoding="utf-8")
    result = cli("answers", "check", path, "--spec", SPEC, "-f", "json")
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    return {r["requirement"]: (r["outcome"], r["reason"]) for r in report["results"]}


def test_a_second_row_for_a_loosely_written_id_that_differs_is_not_verified(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    for second in (f"K 1;{K1_TEXT};Nej;Vi äger datat.", "k1.;;Nej;", "Krav K-1;;Nej;"):
        got = check(cli, tmp_path, rows(second))
        outcome, reason = got["K1"]
        assert outcome == "not_verified", (second, reason)
        assert "K1 is answered in more than one row, and the rows differ" in reason
        assert "svar.csv:2 Ja" in reason and "Nej" in reason
        assert got["K2"][0] == "met"


def test_the_same_answer_given_twice_stays_met(cli: Callable[..., Any], tmp_path: Path) -> None:
    assert check(cli, tmp_path, rows("K 1;;Ja;"))["K1"][0] == "met"


def test_a_loosely_written_id_alone_answers_its_requirement(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    got = check(cli, tmp_path, rows(k1="K 1;;Nej;"))
    assert got["K1"][0] == "not_met"


def test_a_reservation_in_a_row_that_answers_no_requirement_covers_every_yes(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    general = "Övrigt;Generellt förbehåll;;Samtliga ja-svar gäller endast mot avgift enligt offert."
    got = check(cli, tmp_path, rows(general))
    for requirement in ("K1", "K2", "K13"):
        outcome, reason = got[requirement]
        assert outcome == "not_verified", reason
        assert "a row that answers no requirement (" in reason and "svar.csv:15)" in reason
        assert '"mot avgift"' in reason


def test_a_row_without_words_of_its_own_reserves_nothing(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """A section title or an instruction in the text column is no reservation."""
    got = check(cli, tmp_path, rows("Avsnitt 2;Fyll i Ja eller Nej mot avgift;;"))
    assert got == check(cli, tmp_path, rows())
    assert got["K1"][0] == "met"


def test_columns_of_no_known_role_are_read_for_reservations(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """A reservation under "Villkor", "Anmärkning" or no header, or a second answer column
    saying No, was never read: the Yes beside it stayed met."""
    for header, cell, phrase in (
        ("Villkor", "Export endast mot avgift", '"mot avgift"'),
        ("Anmärkning", "Leverantören behåller äganderätten till härledda data", "behåller"),
        ("", "Gäller endast mot extra kostnad", '"mot extra kostnad"'),
        ("Leverantörens svar", "Nej", '"Nej"'),
    ):
        text = rows().replace(HEADER, f"{HEADER};{header}", 1)
        text = text.replace(f"K1;{K1_TEXT};Ja;", f"K1;{K1_TEXT};Ja;;{cell}", 1)
        outcome, reason = check(cli, tmp_path, text)["K1"]
        assert outcome == "not_verified" and phrase in reason, (header, reason)
    plain = rows().replace(HEADER, f"{HEADER};Kategori", 1)
    plain = plain.replace(f"K1;{K1_TEXT};Ja;", f"K1;{K1_TEXT};Ja;;Data och export", 1)
    assert check(cli, tmp_path, plain)["K1"][0] == "met"


def test_yaml_comments_beside_an_answer_are_read_for_reservations(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """`answer: Ja  # endast mot avgift`: the parser drops the comment a reader sees."""
    body = "\n".join(f"  - {{requirement: K{n}, answer: Ja}}" for n in range(3, 14))
    text = (
        "vendor: V  # leverantörens namn\n"
        "answers:\n"
        "  - {requirement: K1, answer: Ja}   # OBS: export endast mot avgift\n"
        "  - requirement: K2\n"
        '    answer: "Ja # inte en kommentar"\n'
        "    comment: |\n"
        "      Pris # gäller ej\n"
        f"{body}\n"
    )
    path = tmp_path / "svar.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("answers", "check", path, "--spec", SPEC, "-f", "json")
    report = json.loads(result.out)["reports"][0]
    got = {r["requirement"]: (r["outcome"], r["reason"]) for r in report["results"]}
    assert got["K1"][0] == "not_verified" and '"mot avgift"' in got["K1"][1]
    assert got["K3"][0] == "met"
    evidence = [f["evidence"] for f in report["findings"] if f["requirement"] == "K1"]
    assert "Ja — [OBS: export endast mot avgift]" in evidence


def test_yaml_comments_on_lines_of_their_own_belong_to_no_answer(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Template instructions and section titles ("# Svara Ja, Nej eller Delvis", "# Ej
    obligatoriska krav nedan") are no vendor's words about an answer."""
    body = "\n".join(f"  - {{requirement: K{n}, answer: Ja}}" for n in range(2, 14))
    path = tmp_path / "svar.yaml"
    path.write_text(
        "# Svara Ja, Nej eller Delvis. Kommentar högst 300 tecken.\nvendor: V\nanswers:\n"
        f"  - {{requirement: K1, answer: Ja}}\n  # Ej obligatoriska krav nedan\n{body}\n",
        "utf-8",
    )
    result = cli("answers", "check", path, "--spec", SPEC, "-f", "json")
    report = json.loads(result.out)["reports"][0]
    got = {r["requirement"]: r["outcome"] for r in report["results"]}
    assert got["K1"] == got["K2"] == "met"


YAML_SAID_ELSEWHERE = {
    "a comment naming the requirement": ("  # K2: export sker endast mot avgift\n", "", "K2"),
    "a comment inside the answer": ("", "    # Endast mot avgift enligt prislista\n", "K2"),
    "a comment in the vendor's voice": ("", "# Samtliga svar gäller endast mot avgift.\n", "K9"),
    "the vendor's name": ("", "", "K9"),
}


@pytest.mark.parametrize("case", YAML_SAID_ELSEWHERE)
def test_yaml_reservations_said_beside_the_answers_are_read(
    cli: Callable[..., Any], tmp_path: Path, case: str
) -> None:
    """Round 6: a comment on a line of its own that names an answered requirement, stands
    inside an answer (indented under its `-`) or speaks for the vendor about all answers, and
    a vendor field "Exempel AB (samtliga svar gäller mot avgift)", were dropped."""
    above, inside, requirement = YAML_SAID_ELSEWHERE[case]
    vendor = "V (samtliga svar gäller mot avgift)" if case == "the vendor's name" else "V"
    rest = "\n".join(f"  - {{requirement: K{n}, answer: Ja}}" for n in range(3, 14))
    path = tmp_path / "svar.yaml"
    path.write_text(
        f"vendor: {vendor}\nanswers:\n  - {{requirement: K1, answer: Ja}}\n{above}"
        f"  - requirement: K2\n    answer: Ja\n{inside}{rest}\n",
        "utf-8",
    )
    result = cli("answers", "check", path, "--spec", SPEC, "-f", "json")
    report = json.loads(result.out)["reports"][0]
    got = {r["requirement"]: r["outcome"] for r in report["results"]}
    assert got[requirement] == "not_verified"
    if requirement == "K2":
        assert got["K1"] == got["K3"] == "met"


@pytest.mark.parametrize(
    ("vendor", "answers"),
    [("V  # samtliga Ja-svar gäller endast mot avgift", ""),
     ("V", "  # samtliga Ja-svar gäller endast mot avgift")],
)  # fmt: skip
def test_a_yaml_comment_after_vendor_or_answers_covers_every_yes(
    cli: Callable[..., Any], tmp_path: Path, vendor: str, answers: str
) -> None:
    """Round 6: a comment after `vendor:` or `answers:` stands in no answer and is not on a line
    of its own, so it was dropped."""
    listed = "\n".join(f"  - {{requirement: K{n}, answer: Ja}}" for n in range(1, 14))
    path = tmp_path / "svar.yaml"
    path.write_text(f"vendor: {vendor}\nanswers:{answers}\n{listed}\n", "utf-8")
    result = cli("answers", "check", path, "--spec", SPEC, "-f", "json")
    report = json.loads(result.out)["reports"][0]
    assert {r["outcome"] for r in report["results"]} == {"not_verified"}


def test_yaml_comments_are_told_from_hashes_in_values() -> None:
    from proccheck.loaders.structured import yaml_comments

    text = (
        "a: 'it''s # no'  # yes 1\n"
        'b: "x \\" # no"\n'
        "c: Ja#no\n"
        "d: |\n"
        "  # no\n"
        "  text # no\n"
        "e: [1, 2] # yes 2\n"
        "# yes 3\n"
    )
    assert yaml_comments(text) == [(1, "yes 1", False), (7, "yes 2", False), (8, "yes 3", True)]


def test_a_header_without_rows_and_mapping_mistakes_say_what_is_wrong(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    (tmp_path / "tom.csv").write_text(HEADER + "\n", encoding="utf-8")
    result = cli("answers", "check", tmp_path / "tom.csv", "--spec", SPEC)
    assert result.code == 2 and "a header row but no rows with answers" in result.err
    (tmp_path / "svar.csv").write_text(rows(), encoding="utf-8")
    for columns, header_row, expected in (
        ("{id: A, answer: XFE}", "", "past a sheet's last column (XFD)"),
        ("{id: A, answer: H}", "", "has no cell in any row below the header"),
        ("{id: A, answer: C}", "header_row: 0\n", "header_row must be a row number"),
    ):
        (tmp_path / "map.yaml").write_text(f"{header_row}columns: {columns}\n", "utf-8")
        result = cli(
            "answers", "check", tmp_path / "svar.csv", "--spec", SPEC,
            "--mapping", tmp_path / "map.yaml",
        )  # fmt: skip
        assert result.code == 2 and expected in result.err, result.err


def test_what_a_second_read_found_stays_met(cli: Callable[..., Any], tmp_path: Path) -> None:
    """A buyer's own Ja/Nej column, a row answering a requirement outside the set, and a
    vendor's sub-points K1.1-K1.3 are no reservation and answer no other requirement."""
    helper = rows().replace(HEADER, f"{HEADER};Bilaga krävs", 1)
    helper = helper.replace(f"K1;{K1_TEXT};Ja;", f"K1;{K1_TEXT};Ja;;Nej", 1)
    assert check(cli, tmp_path, helper)["K1"][0] == "met"
    outside = rows("U1;Antal samtidiga användare;Ja;Upp till 5000 samtidiga användare.")
    assert check(cli, tmp_path, outside)["K1"][0] == "met"
    split = "\n".join(
        line for line in rows().splitlines() if not line.startswith(("K11;", "K12;", "K13;"))
    )
    split += "\nK1.1;Delkrav;Ja;\nK1.2;Delkrav;Ja;\n"
    got = check(cli, tmp_path, split)
    assert got["K11"][0] == got["K12"][0] == "not_met", got
