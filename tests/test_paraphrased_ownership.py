"""A vendor's clause that takes the data, worded otherwise than "Leverantören behåller
äganderätten" (attack round 6), or hidden from a word search by a right-to-left override or an
invisible character between two words, split over two paragraphs or a lead-in and its list,
or asked and answered in a table row. Each undermines DATA-OWNERSHIP; the buyer's own wording
and the vendor's own data (product catalogues) do not."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from proccheck.text import clean

REQUIREMENTS = {
    "sv": [
        "Kommunen ska äga och ha full kontroll över all data i systemet, inklusive metadata och "
        "loggar.",
        "Leverantören ska möjliggöra export av all data när som helst under avtalstiden.",
    ],
    "en": [
        "The Customer shall own and have full control of all data in the system, including "
        "metadata and logs.",
        "The Supplier shall enable export of all data at any time during the contract.",
    ],
}

TAKES_THE_DATA = [
    ("sv", "Leverantören är ägare till samtliga data som skapas i tjänsten."),
    ("sv", "Äganderätten till all data ligger kvar hos Leverantören."),
    ("sv", "All data i tjänsten, inklusive metadata, är och förblir Leverantörens egendom."),
    ("sv", "Leverantören innehar samtliga immateriella rättigheter till databasen."),
    ("sv", "Oaktat vad som anges ovan tillfaller all data som genereras i tjänsten Leverantören."),
    ("sv", "Loggar, metadata och statistik som uppstår i tjänsten tillhör Leverantören."),
    ("sv", "Databasen och dess innehåll ägs av Acme AB."),
    ("sv", "Kunden erhåller en icke-exklusiv nyttjanderätt till data under avtalstiden."),
    ("sv", "Leverantören är personuppgiftsansvarig för all data i tjänsten."),
    ("en", "All right, title and interest in and to the Platform Data vests in the Supplier."),
    ("en", "Metadata, logs and all other data in the Service are the Supplier's property."),
    ("en", "The Supplier is the owner of all data generated in the service."),
    ("en", "The Customer is granted a non-exclusive, revocable licence to use the data."),
    ("en", "All intellectual property rights in the database remain with Acme Ltd."),
    ("en", "The Customer hereby assigns to the Supplier all rights in the data."),
    # a clause split over two paragraphs, or over a lead-in and its list
    ("sv", "Leverantören behåller\n\näganderätten till all data som genereras i tjänsten."),
    (
        "sv",
        "Leverantören förbehåller sig följande:\n\n1. äganderätten till all data;\n2. rätten att fritt använda sådan data.",
    ),
    ("en", "The Supplier shall retain\n\nownership of all data generated in the service."),
    # a negation in an aside or a closed subordinate clause, or "without limitation"
    (
        "sv",
        "Den data som används i våra system, som inte är personlig, kan vi sammanställa och kombinera.",
    ),
    ("en", "Customer agrees that Provider may (i) make Resultant Data publicly available."),
    (
        "en",
        "We may collect and use any data (but not Customer Content) relating to the use of the Services to develop and improve our products and services.",
    ),
    (
        "en",
        "All rights, title and interest in and to the Output Data, including without limitation the copyrights, are owned by us.",
    ),
    # a table row of a question and its answer
    ("sv", "| Fråga | Part |\n|---|---|\n| Ägare av all data i tjänsten | Leverantören |"),
    ("en", "| Item | Owner |\n|---|---|\n| All data in the service | Supplier |"),
]

LEAVES_IT = [
    ("sv", "Äganderätten till all data ligger hos Kommunen."),
    ("sv", "All data är och förblir Beställarens egendom."),
    ("sv", "Leverantören ska hålla Kundens data åtskild från data som tillhör Leverantören."),
    ("sv", "Data som Leverantören tillhandahåller är Leverantörens egendom."),
    ("sv", "Kunden erhåller en icke-exklusiv nyttjanderätt till programvaran."),
    ("sv", "Leverantören är personuppgiftsbiträde för all data."),
    ("sv", "Leverantören får inte vara ägare till data."),
    ("en", "All intellectual property rights in the data remain with the Customer."),
    ("en", "The Supplier hereby assigns to the Customer all rights in the data."),
    ("en", "Supplier data such as product catalogues is the Supplier's property."),
    ("en", "The Supplier shall not be the owner of any data."),
    (
        "sv",
        "Leverantören ska:\n\n- lämna ut all data på begäran;\n- radera data efter avtalets slut.",
    ),
    ("sv", "Äganderätten till all data ligger hos\n\nKommunen, inte hos Leverantören."),
    ("en", "The Supplier shall retain all logs\n\nfor twelve months and then delete them."),
    ("en", "The Supplier shall, at the Customer's request,\n\nreturn all data in open formats."),
    ("sv", "| Fråga | Part |\n|---|---|\n| Ägare av all data i tjänsten | Kommunen |"),
    ("sv", "Leverantören får inte sammanställa eller kombinera Kundens data."),
    ("en", "Provider will not make Customer Data publicly available."),
    ("en", "We will not collect and use any data to develop our products and services."),
    ("en", "All rights, title and interest in and to the data are owned by the Customer."),
    ("en", "| Item | Owner |\n|---|---|\n| Product catalogue | Supplier |"),
]


def _outcome(cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str) -> str:
    path = tmp_path / "krav.md"
    path.write_text("\n\n".join(["# Krav", *REQUIREMENTS[lang], clause]) + "\n", "utf-8")
    result = cli("spec", "check", path, "-f", "json", "--lang", lang)
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    return {r["requirement"]: r["outcome"] for r in report["results"]}["DATA-OWNERSHIP"]


@pytest.mark.parametrize(("lang", "clause"), TAKES_THE_DATA)
def test_a_paraphrased_clause_takes_ownership(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str
) -> None:
    assert _outcome(cli, tmp_path, lang, clause) == "not_met"


@pytest.mark.parametrize(("lang", "clause"), LEAVES_IT)
def test_the_buyers_wording_leaves_ownership(
    cli: Callable[..., Any], tmp_path: Path, lang: str, clause: str
) -> None:
    assert _outcome(cli, tmp_path, lang, clause) == "met"


def test_a_right_to_left_override_is_read_as_shown(cli: Callable[..., Any], tmp_path: Path) -> None:
    shown = "äganderätten till all data som genereras i tjänsten."
    stored = "Leverantören behåller \u202e" + shown[::-1] + "\u202c"
    assert clean(stored).text == "Leverantören behåller " + shown
    assert _outcome(cli, tmp_path, "sv", stored) == "not_met"


@pytest.mark.parametrize("mark", ["\u2062", "\u3164", "\U000e0020", "\u200b"])
def test_an_invisible_character_between_words_hides_no_clause(
    cli: Callable[..., Any], tmp_path: Path, mark: str
) -> None:
    clause = f"Leverantören behåller{mark}äganderätten till all data som genereras i tjänsten."
    assert _outcome(cli, tmp_path, "sv", clause) == "not_met"


def test_an_invisible_character_inside_a_requirement_word_still_reads_it(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    path = tmp_path / "krav.md"
    own = (
        "Kommunen ska ä\u200bga och ha full kontroll över all data, inklusive metadata och loggar."
    )
    path.write_text(f"# Krav\n\n{own}\n\n{REQUIREMENTS['sv'][1]}\n", "utf-8")
    result = cli("spec", "check", path, "-f", "json")
    report = json.loads(result.out)["reports"][0]
    outcomes = {r["requirement"]: r["outcome"] for r in report["results"]}
    assert outcomes["DATA-OWNERSHIP"] == "met"
    assert any(f["check"] == "SP009" for f in report["findings"])
