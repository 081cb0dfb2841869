"""Rows whose id is written so that an exact match misses it (attack round 6): "K01", "К1"
with a Cyrillic К, a full-width "Ｋ１", "K1a", "K1 (forts.)", "K2 (mot avgift)", and a range
"K1–K13" or "K1-K5". A second row for a requirement that says No, and a range row that
reserves or answers No, made no difference before; now the officer is shown both."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_answers_outside_table import _csv, _results

HEADER = ["Kravnummer", "Svar", "Kommentar"]
ALL_YES = [["K1", "Ja", ""], ["K2", "Ja", ""], ["K3", "Ja", ""], ["K4", "Ja", ""]]


@pytest.mark.parametrize("written", ["K01", "\u041a1", "\uff2b\uff11", "K1a", "K1 (forts.)"])
def test_a_second_row_for_a_loosely_written_id_is_shown(
    cli: Callable[..., Any], tmp_path: Path, written: str
) -> None:
    rows = [HEADER, *ALL_YES, [written, "Nej", "Loggar ägs av leverantören."]]
    results = _results(cli, _csv(tmp_path, rows))
    assert results["K1"]["outcome"] == "not_verified"
    assert "Loggar" in " ".join(f["message"] for f in results["K1"]["findings"])
    assert results["K2"]["outcome"] == "met"


def test_words_in_brackets_beside_the_id_are_read(cli: Callable[..., Any], tmp_path: Path) -> None:
    rows = [HEADER, ["K1", "Ja", ""], ["K2 (mot avgift)", "Ja", ""], ["K3", "Ja", ""]]
    results = _results(cli, _csv(tmp_path, rows))
    assert results["K2"]["outcome"] == "not_verified"
    assert results["K1"]["outcome"] == results["K3"]["outcome"] == "met"


@pytest.mark.parametrize(
    ("range_row", "covered"),
    [
        (
            ["K1–K13", "", "Samtliga svar gäller endast mot avgift enligt offert."],
            {"K1", "K2", "K3", "K4"},
        ),
        (["K2-K3", "Nej", "Dessa krav uppfylls inte i grundversionen."], {"K2", "K3"}),
        (["K1–K13", "", "Se respektive rad."], set()),
    ],
)
def test_a_range_row_speaks_for_the_requirements_in_it(
    cli: Callable[..., Any], tmp_path: Path, range_row: list[str], covered: set[str]
) -> None:
    results = _results(cli, _csv(tmp_path, [HEADER, *ALL_YES, range_row]))
    for requirement in ("K1", "K2", "K3", "K4"):
        expected = "not_verified" if requirement in covered else "met"
        assert results[requirement]["outcome"] == expected, requirement
