"""Reservations and undermining clauses of attack round 8 that the phrase lists missed: each
wording is now found, and the plain wording beside it is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from proccheck.api import check_spec
from proccheck.checks.answer_checks import hedges_in
from proccheck.loaders.spec import load_spec


@pytest.mark.parametrize(
    "text",
    [
        "Ja, data ägs gemensamt av kund och leverantör.",
        "Ja, kunden får en evig licens till sina data.",
        "Ja. Kunden har full nyttjanderätt.",
        "Ja, äganderätten övergår till kunden vid avtalets slut.",
        "Ja, enligt vår tolkning av kravet.",
        "Yes, save for audit logs.",
        "Ja, till största delen.",
        "Ja, men aldrig kostnadsfritt.",
        "Ja, export görs av vår konsult till timpris.",
        "Ja, i vår egen öppna standard AcmeXML, för licenstagare.",
        "Ja, där det är tekniskt möjligt.",
        "Ja, i tillämpliga delar.",
        "Ja, vi följer de facto-standarder.",
        "Ja, API finns för certifierade partners.",
        "Ja, ett stängt API med öppen dokumentation.",
        "Ja, ett läsande API.",
        "Yes, where technically feasible.",
        "Yes, jointly owned by both parties.",
    ],
)
def test_a_hedged_yes_is_found(text: str) -> None:
    assert hedges_in(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Ja, kunden äger all data.",
        "Ja, export i CSV och JSON utan kostnad.",
        "Ja, API:et är öppet och dokumenterat i OpenAPI 3.1.",
        "Yes, the customer owns all data.",
    ],
)
def test_a_plain_yes_is_not(text: str) -> None:
    assert not hedges_in(text), text


MUSTS = (
    "K1. Kommunen ska äga och ha kontroll över all data i systemet.\n\n"
    "K2. Systemet ska bygga på öppna standarder.\n\n"
    "K3. Systemet ska stödja öppna API:er.\n\n## Avtalsvillkor\n\n"
)


@pytest.mark.parametrize(
    ("clause", "said"),
    [
        ("Data ägs gemensamt av kommunen och leverantören.", "gives the vendor ownership"),
        ("Kommunens äganderätt till data upphör vid avtalets slut.", "gives the vendor ownership"),
        (
            "Immateriella rättigheter till data som genereras i tjänsten tillkommer leverantören.",
            "gives the vendor ownership",
        ),
        ("Leverantörens allmänna villkor har företräde framför dessa krav.", "take precedence"),
        (
            "API:erna får endast användas av leverantörens certifierade partners.",
            "who may use the APIs",
        ),
        ("API-specifikationen är leverantörens företagshemlighet.", "non-disclosure"),
        (
            "Data lämnas i leverantörens eget filformat, som är likvärdigt med öppna standarder.",
            "vendor's own format",
        ),
    ],
)
def test_an_undermining_clause_is_found(tmp_path: Path, clause: str, said: str) -> None:
    path = tmp_path / "spec.md"
    path.write_text(MUSTS + clause + "\n", encoding="utf-8")
    report = check_spec([path], requirement_set="builtin:trollhattan-2023").reports[0]
    messages = [f.message for f in report.findings if f.check == "SP003"]
    assert any(said in message for message in messages), messages
    path.write_text(MUSTS, encoding="utf-8")
    report = check_spec([path], requirement_set="builtin:trollhattan-2023").reports[0]
    assert not [f for f in report.findings if f.check == "SP003"]


def test_a_sentence_withdrawing_a_requirement_by_its_id(tmp_path: Path) -> None:
    path = tmp_path / "spec.md"
    path.write_text(MUSTS + "Krav K1 utgår.\n", encoding="utf-8")
    document = load_spec(path, "spec.md")
    assert not any("Kommunen ska äga" in item.text for item in document.items)
    assert [text[:8] for _, text in document.withdrawn] == ["Kommunen", "Krav K1 "]
    path.write_text(MUSTS + "Krav K1 stryks.\n", encoding="utf-8")
    assert not any("Kommunen ska äga" in item.text for item in load_spec(path, "s.md").items)


def test_the_contract_end_narrows_export_at_any_time_but_not_an_exit() -> None:
    assert hedges_in("Ja, export vid avtalets slut.", "Export av all data när som helst")
    assert not hedges_in(
        "Ja, data lämnas ut vid avtalets upphörande.",
        "Leverantören ska vid avtalets slut återlämna all data",
    )
    assert not hedges_in("Yes, at the end of the contract.", "Return of all data at exit")


@pytest.mark.parametrize(
    ("text", "requirement"),
    [
        (
            "Ja, implementationen utförs av våra konsulter.",
            "Leverantören ska stå för implementationen",
        ),
        ("Ja, ett skrivande och ett läsande API.", "Systemet ska stödja öppna API:er"),
        ("Ja, evig licens utan extra kostnad.", "Licenser för alla användare ska ingå"),
        ("Yes, a perpetual licence at no extra cost.", "Licences for all users shall be included"),
    ],
)
def test_a_plain_yes_to_its_own_requirement_is_not_hedged(text: str, requirement: str) -> None:
    """Second read of round 8: a licence answering a licensing requirement, a consultant doing
    the work, a read API beside a write API."""
    assert not hedges_in(text, requirement), text


def test_a_penalty_payable_withdraws_nothing(tmp_path: Path) -> None:
    """ "Utgår vite" is a penalty payable, not a withdrawal."""
    path = tmp_path / "spec.md"
    path.write_text(
        MUSTS + "Om leverantören inte uppfyller krav K1 utgår vite med 5 000 kr.\n",
        encoding="utf-8",
    )
    document = load_spec(path, "spec.md")
    assert any("Kommunen ska äga" in item.text for item in document.items)
    assert not document.withdrawn


def test_an_ownership_that_does_not_end_undermines_nothing(tmp_path: Path) -> None:
    path = tmp_path / "spec.md"
    path.write_text(MUSTS + "Kommunens äganderätt till data upphör inte vid avtalets slut.\n")
    report = check_spec([path], requirement_set="builtin:trollhattan-2023").reports[0]
    assert not [f for f in report.findings if f.check == "SP003"]
