"""A Yes narrowed in words the reservation lists did not know (attack round 6): "Ja, endast
CSV", "Ja, enbart för systemadministratörer", "gäller aktiva ärenden", "för ärenden skapade
efter 2020", "inom 3 mån.", a reservation in backticks or broken over two lines ("av-⏎gift"),
"Ja?", "Ja (1)" (a note's mark), a Yes on condition of payment, and a comment that gives logs
to a named company. Each left the Yes met. A vendor's "Endast …" that echoes a requirement's
own limit ("okrypterade anrop ska avvisas", "ska inte använda data för andra ändamål") still
leaves it met."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_answers_outside_table import _csv, _results

HEADER = ["Kravnummer", "Svar", "Kommentar"]


CASES = """
K3 | Ja, endast CSV | | not_verified
K3 | Yes, only CSV | | not_verified
K3 | Ja | Endast CSV. | not_verified
K2 | Ja, enbart för systemadministratörer | | not_verified
K2 | Ja, gäller aktiva ärenden | | not_verified
K1 | Ja, för ärenden skapade efter 2020 | | not_verified
K7 | Ja, inom 3 mån. | | not_verified
K7 | Ja, 30 dagar + 60 dagars kvalitetssäkring | | not_verified
K2 | Ja, `endast mot avgift` | | not_verified
K2 | "Ja, mot av-\\ngift" | | not_verified
K9 | Ja? | | not_verified
K2 | Ja (1) | | not_verified
K7 | Ja, inom 30 dagar från det att full betalning erlagts | | not_verified
K2 | Yes, upon full payment | | not_verified
K1 | Ja | Kommunen äger ärendedata. Loggar och härledda data ägs av Exempel AB. | not_verified
K1 | Yes | Logs and derived data are owned by the supplier. | not_verified
K5 | Ja | Endast för att leverera tjänsten. | met
K3 | Ja | CSV, JSON och XML. | met
K7 | Ja, inom 30 dagar | | met
K2 | Ja, `se bilaga 2` | | met
K1 | Ja | All data ägs av Kommunen. | met
K2 | Ja | Exporten ingår i priset; ingen betalning krävs. | met
"""
"""Requirement | answer | comment | outcome. K5 forbids and K7 bounds: the vendor's "Endast"
and "inom 30 dagar" echo them. The two-line cell is quoted as CSV writes it."""


@pytest.mark.parametrize(
    ("requirement", "answer", "comment", "outcome"),
    [tuple(cell.strip() for cell in line.split("|")) for line in CASES.strip().splitlines()],
)
def test_a_narrowed_yes_is_not_verified(
    cli: Callable[..., Any],
    tmp_path: Path,
    requirement: str,
    answer: str,
    comment: str,
    outcome: str,
) -> None:
    answer = answer.replace("\\n", "\n")
    rows = [HEADER] + [[f"K{n}", "Ja", ""] for n in range(1, 14)]
    rows[int(requirement[1:])] = [requirement, answer, comment]
    results = _results(cli, _csv(tmp_path, rows))
    assert results[requirement]["outcome"] == outcome, results[requirement]
    plain = _results(cli, _csv(tmp_path, [HEADER] + [[f"K{n}", "Ja", ""] for n in range(1, 14)]))
    assert plain[requirement]["outcome"] == "met"
    assert all(
        results[key]["outcome"] == plain[key]["outcome"] for key in plain if key != requirement
    )
