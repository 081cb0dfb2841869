"""Holes of hostile-input round 6: descriptions and answer files that crashed, took minutes or
gigabytes, or gave `met` on what a reader sees is not shown. Each input is built here."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_linear_scans import assert_linear
from test_probe_round5 import OK, outcomes
from test_probe_round5 import description as round5_description

from proccheck import limits
from proccheck.api import probe_detailed
from proccheck.checks import answer_checks
from proccheck.loaders import openapi
from proccheck.loaders.answers import normalise_answer
from proccheck.requirements import load_requirement_set

SPEC = Path(__file__).resolve().parents[1] / "samples" / "spec" / "kravspecifikation-arendehantering.md"  # fmt: skip


def description(**changes: Any) -> dict[str, Any]:
    """Round 5's description with a second path and a second, non-OAuth scheme declared;
    `on_list` changes the list operation."""
    on_list = changes.pop("on_list", {})
    doc = round5_description(**changes)
    if "paths" not in changes:
        doc["paths"]["/cases/{id}"] = {"get": {"summary": "One", "responses": OK}}
    doc["paths"].get("/cases", {}).get("get", {}).update(on_list)
    doc["components"]["securitySchemes"]["key"] = {"type": "apiKey", "in": "cookie", "name": "S"}
    return doc


def test_the_plain_description_is_met(tmp_path: Path) -> None:
    got = outcomes(tmp_path, description())
    assert got["API-03"][0] == got["API-10"][0] == got["API-04"][0] == "met", got


@pytest.mark.parametrize(
    "changes",
    [
        {"scheme": {"type": "oauth2", "flows": 1}},
        {"scheme": {"type": "oauth2", "flows": "none"}},
        {"scheme": {"type": "oauth2", "flows": {"clientCredentials": None}}},
        {"scheme": {"type": "oauth2", "flows": {"clientCredentials": {"scopes": {}}}}},
        {"scheme": {"type": "oauth2", "flows": {"x-acme": {"tokenUrl": "https://a.se/t"}}}},
        {"scheme": {"type": "openIdConnect"}},
    ],
)
def test_oauth_with_no_way_to_a_token_is_not_verified(
    tmp_path: Path, changes: dict[str, Any]
) -> None:
    assert outcomes(tmp_path, description(**changes))["API-03"][0] == "not_verified"


@pytest.mark.parametrize(
    ("on_list", "why"),
    [
        ({"security": []}, "callable without credentials"),
        ({"security": [{}, {"oauth": []}]}, "callable without credentials"),
        ({"security": [{"key": []}]}, "other authentication only"),
        ({"security": [{"oauth": [], "key": []}]}, "proprietary or weak credential"),
        ({"x-auth-type": "None"}, "callable without credentials"),
    ],
)
def test_operations_oauth_does_not_protect_alone_are_named(
    tmp_path: Path, on_list: dict[str, Any], why: str
) -> None:
    outcome, reason = outcomes(tmp_path, description(on_list=on_list))["API-03"]
    assert outcome == "not_verified" and why in reason, reason


@pytest.mark.parametrize(
    "on_list",
    [
        {"x-internal": "true"},
        {"x-internal": "yes"},
        {"x-hidden": True},
        {"x-visibility": "private"},
        {"x-audience": "business-unit-internal"},
    ],
)
def test_more_internal_markers_are_no_evidence(tmp_path: Path, on_list: dict[str, Any]) -> None:
    doc = description(on_list=on_list)
    del doc["paths"]["/cases/{id}"]
    assert outcomes(tmp_path, doc)["DO-02"][0] == "not_verified"


@pytest.mark.parametrize(
    ("server", "outcome"),
    [
        (
            {"url": "https://{host}/v1", "variables": {"host": {"default": "localhost"}}},
            "not_verified",
        ),
        ({"url": "https://{host}/v1", "variables": {"host": {"default": "api.vendor.se"}}}, "met"),
        ({"url": "https://0x7f000001/v1"}, "not_verified"),
        ({"url": "https://2130706433/v1"}, "not_verified"),
        ({"url": "https://api.vendor.test/v1"}, "not_verified"),
        ({"url": "https://intranet/v1"}, "not_verified"),
        ({"url": "https://api.vendor.corp/v1"}, "not_verified"),
        ({"url": "ws://api.vendor.se/stream"}, "not_met"),
        ({"url": "ftp://files.vendor.se/export"}, "not_met"),
    ],
)
def test_servers_the_buyer_cannot_reach_or_that_are_unencrypted(
    tmp_path: Path, server: dict[str, Any], outcome: str
) -> None:
    assert outcomes(tmp_path, description(servers=[server]))["API-10"][0] == outcome


@pytest.mark.parametrize("webhooks", ["none", ["not available"], {"x": None}, {"x": {}}, 1])
def test_webhooks_that_are_not_path_items_announce_nothing(
    tmp_path: Path, webhooks: object
) -> None:
    doc = description(webhooks=webhooks)
    doc["openapi"] = "3.1.0"
    assert outcomes(tmp_path, doc)["API-12"][0] == "not_met"


@pytest.mark.parametrize(
    ("where", "value"),
    [("components", {"schemas": {"Case": {"allOf": True}}}), ("webhooks", True)],
)
def test_odd_values_do_not_crash(tmp_path: Path, where: str, value: object) -> None:
    doc = description()
    doc[where] = value
    assert outcomes(tmp_path, doc)["API-03"][0] in ("met", "not_met", "not_verified")


def test_too_many_operations_are_refused(
    cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_OPERATIONS", 10)
    doc = description(paths={f"/t{i}": {"get": {"responses": OK}} for i in range(11)})
    path = tmp_path / "api.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = cli("probe", path, "-f", "json")
    assert result.code == 2 and "more than 10 operations" in result.err, result.err
    assert openapi.limits.MAX_OPERATIONS == 10


def test_writes_to_many_types_stay_linear(tmp_path: Path) -> None:
    def make(size: int) -> Callable[[], Any]:
        paths = {}
        schemas: dict[str, Any] = {}
        for i in range(size):
            ref = {"$ref": f"#/components/schemas/T{i}"}
            schemas[f"T{i}"] = {"type": "object", "properties": {"id": {"type": "string"}}}
            body = {"content": {"application/json": {"schema": ref}}}
            paths[f"/t{i}/{{id}}"] = {"put": {"requestBody": body, "responses": {"200": {"description": "x", "content": {"application/json": {"schema": ref}}}}}}  # fmt: skip
        doc = description(paths=paths)
        doc["components"]["schemas"] = schemas
        path = tmp_path / f"w{size}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        sets = load_requirement_set("builtin:open-baseline")
        return lambda: probe_detailed(str(path), sets, "en")

    assert_linear(make, 500)


# --- answers -------------------------------------------------------------------------------


def test_a_run_of_punctuation_after_ja_is_read_quickly() -> None:
    assert_linear(lambda size: lambda: normalise_answer.__wrapped__("Ja " + "* " * size), 5000)


def _workbook(path: Path, rels: bytes | None, cols: str = "") -> Path:
    """A minimal workbook: K1 answered Ja; `rels` the package relationships (None: none)."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    r_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet = (
        f"<worksheet {ns}>{cols}<sheetData>"
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Kravnummer</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Svar</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>K1</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>Ja</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "xl/workbook.xml": f'<workbook {ns} {r_ns}><sheets><sheet name="Svar" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        if rels is not None:
            archive.writestr("_rels/.rels", rels)
    return path


ROOT_RELS = (
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)


@pytest.mark.parametrize(
    ("rels", "code"),
    [
        (ROOT_RELS, 0),
        (None, 0),  # no package relationships: the workbook part is found by its usual name
        (b"<Relationships", 2),
        (b'<!DOCTYPE r [<!ENTITY e "x">]><Relationships/>', 2),
    ],
)
def test_damaged_package_relationships_are_an_input_error(
    cli: Callable[..., Any], tmp_path: Path, rels: bytes | None, code: int
) -> None:
    path = _workbook(tmp_path / "svar.xlsx", rels)
    result = cli("answers", "check", path, "--spec", SPEC, "-f", "json")
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert (result.code in (0, 1)) if code == 0 else (result.code == 2), result.err


def test_hidden_column_ranges_past_xfd_cost_nothing(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    cols = "<cols>" + "".join(
        f'<col min="{1_000_000 + i * 20_000}" max="{1_020_000 + i * 20_000}" hidden="1"/>'
        for i in range(1500)
    ) + '<col min="3" max="3" hidden="1"/></cols>'  # fmt: skip
    from proccheck.loaders.xlsx_look import look, style_reasons

    path = _workbook(tmp_path / "svar.xlsx", ROOT_RELS, cols)
    with zipfile.ZipFile(path) as archive:
        found = look(archive, "xl/worksheets/sheet1.xml", style_reasons(archive))
    assert found.hidden_columns == frozenset({2})


def test_past_the_file_search_budget_every_yes_is_not_verified(
    cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(answer_checks, "MAX_SEARCHED_CHARS", 200)
    rows = ["Kravnummer;Svar;Kommentar", "K1;Ja;Ingen kommentar", ";;" + "Lång text. " * 40]
    path = tmp_path / "svar.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = cli("answers", "check", path, "--spec", SPEC, "-f", "json")
    report = json.loads(result.out)["reports"][0]
    k1 = next(r for r in report["results"] if r["requirement"] == "K1")
    assert k1["outcome"] == "not_verified" and "more text than is searched" in k1["reason"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Ja, mоt аvgift", "ja, mot avgift"),  # Cyrillic о and а inside Latin words
        ("mοt avgift", "mot avgift"),  # a Greek ο
        ("Uppfylls еj", "uppfylls ej"),
        ("av\ufe0fgift", "avgift"),  # a variation selector
        ("mot\u2800avgift", "mot avgift"),  # a braille blank
        ("MOT AVGİFT", "mot avgift"),  # the Turkish dotted İ
        ("mot av-\ngift", "mot avgift"),  # a word broken over two lines of a cell
        ("нет данных", "нет данных"),  # a word all in Cyrillic stays Cyrillic
        ("in- och export", "in- och export"),
    ],
)
def test_text_is_read_as_it_looks(text: str, shown: str) -> None:
    from proccheck.text import fold

    assert fold(text).text == shown
    assert fold(text).hidden == () or "\ufe0f" in text


@pytest.mark.parametrize(
    ("answer", "comment"),
    [
        ("Ja – ingår i Premium-licensen", ""),
        ("Ja, enligt bilaga 4 (prislista)", ""),
        ("Ja", "Exporten kostar 50 tkr."),
        ("Ja, 45 000 kr/år", ""),
        ("Ja, inga problem, mot en avgift enligt prislista.", ""),
        ("Ja, mot en mindre avgift", ""),
        ("Ja, i juni 2027", ""),
        ("Ja, troligen", ""),
        ("Ja", "Korrekt svar: Nej."),
        ("Ja ✖", ""),
        ("Yes, EUR 5,000 per export", ""),
        ("Yes, unless otherwise agreed", ""),
        ("Yes, via our reseller", ""),
    ],
)
def test_more_reservations_are_read(
    cli: Callable[..., Any], tmp_path: Path, answer: str, comment: str
) -> None:
    k2 = _verdict(cli, tmp_path, ["Kravnummer;Svar;Kommentar", f"K2;{answer};{comment}"], "K2")
    assert k2["outcome"] in ("not_verified", "not_met"), k2


def test_a_price_the_requirement_asks_for_is_no_reservation(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    path = tmp_path / "svar.yaml"
    path.write_text(
        "vendor: V\nanswers:\n  - id: EX-04\n    answer: Ja, 1 150 kr per timme, fast hela avtalstiden\n"
        "    evidence: bilaga-2-prisbilaga.xlsx\n",
        encoding="utf-8",
    )
    result = cli("answers", "check", path, "-f", "json")
    report = json.loads(result.out)["reports"][0]
    ex04 = next(r for r in report["results"] if r["requirement"] == "EX-04")
    assert ex04["outcome"] == "met", ex04


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "string", "format": "base64"},
        {"type": "array", "items": {"type": "string", "format": "byte"}},
        {"type": "object", "additionalProperties": {"type": "string", "format": "binary"}},
        {"oneOf": [{"type": "string", "format": "byte"}, {"type": "null"}]},
    ],
)
def test_a_file_inside_json_is_no_open_format(tmp_path: Path, schema: dict[str, Any]) -> None:
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}
    doc = description(paths={"/export": {"get": {"summary": "Export", "responses": ok}}})
    assert outcomes(tmp_path, doc)["DO-03"][0] == "not_verified"


@pytest.mark.parametrize(
    "clause",
    [
        "Leverantören **behåller** äganderätten till *all* data i tjänsten.",
        "Leverantören behåller [äganderätten](https://vendor.se/villkor) till all data i tjänsten.",
        "Leverantören <span>behåller</span> äganderätten till all data i tjänsten.",
        "Leverantören behåller <!-- se bilaga --> äganderätten till all data i tjänsten.",
    ],
)
def test_markdown_markup_splits_no_clause(
    cli: Callable[..., Any], tmp_path: Path, clause: str
) -> None:
    lines = [
        "# Villkor",
        "",
        "K1. Kommunen ska äga och ha kontroll över all data i systemet.",
        "",
        f"K2. {clause}",
    ]
    path = tmp_path / "villkor.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("spec", "check", path, "--set", "builtin:trollhattan-2023", "-f", "json")
    report = json.loads(result.out)["reports"][0]
    outcomes = {r["requirement"]: r["outcome"] for r in report["results"]}
    assert outcomes["DATA-OWNERSHIP"] == "not_met", clause


@pytest.mark.parametrize("unit", ["<!-- x -->", "<!--", "[", "*a", "<a "])
def test_markdown_markup_is_read_in_one_pass(unit: str) -> None:
    from proccheck.loaders.spec import _as_rendered

    assert_linear(lambda size: lambda: _as_rendered(unit * size), 5000)


@pytest.mark.parametrize(
    "evidence", ["Bifogas ej", "Nej", "Eftersänds efter tilldelning", "Lämnas på begäran"]
)
def test_evidence_that_says_nothing_is_attached_is_no_evidence(
    cli: Callable[..., Any], tmp_path: Path, evidence: str
) -> None:
    rows = ["Kravnummer;Svar;Kommentar;Bilaga", f"K6;Ja;;{evidence}"]
    k6 = _verdict(cli, tmp_path, rows, "K6")
    assert k6["outcome"] == "not_verified", k6
    # the entry's words may also read as a reservation ("Eftersänds"), which is then named first
    assert "names none" in k6["reason"] or "1 more finding" in k6["reason"], k6


def _verdict(
    cli: Callable[..., Any], tmp_path: Path, rows: list[str], requirement: str
) -> dict[str, Any]:
    """The result for `requirement` of an answers check of a CSV of `rows` against SPEC."""
    path = tmp_path / "svar.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = cli("answers", "check", path, "--spec", SPEC, "-f", "json")
    report = json.loads(result.out)["reports"][0]
    return next(r for r in report["results"] if r["requirement"] == requirement)
