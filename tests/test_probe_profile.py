"""The built-in DIGG REST API profile set and the reconciliation sheet of `probe`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from proccheck.api import probe_detailed
from proccheck.model import Outcome
from proccheck.requirements import load_requirement_set
from proccheck.resources import builtin_sets

GOOD: dict[str, object] = {
    "openapi": "3.1.0",
    "info": {
        "title": "Ärenden",
        "version": "1.0.0",
        "description": "Hämtar ärenden. Begränsningar: högst 10 anrop per sekund.",
        "termsOfService": "https://api.example.se/villkor",
        "contact": {"name": "API-stöd", "email": "api@example.se", "url": "https://api.example.se"},
        "license": {"name": "CC0-1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"},
        "x-sla": {"availability": "99.5%", "responseTime": "1s", "support": "08-17"},
    },
    "servers": [{"url": "https://api.example.se/arenden/v1"}],
    "components": {
        "securitySchemes": {"oauth": {"type": "oauth2", "flows": {"clientCredentials": {
            "tokenUrl": "https://login.example.se/token", "scopes": {}}}},
            "bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Case": {"type": "object", "example": {"caseId": "1"}, "properties": {
                "caseId": {"type": "string"},
                "createdAt": {"type": "string", "format": "date-time"}}},
            "Problem": {"type": "object", "properties": {
                k: {"type": "string"} for k in ("type", "title", "status", "detail", "instance")}},
        },
    },
    "security": [{"oauth": []}],
    "paths": {
        "/api-info": {"get": {"summary": "Om API:et", "description": "Version och status.", "responses": {
            "200": {"description": "ok", "content": {"application/json": {
                "schema": {"type": "object"}, "example": {}}}},
            "500": {"description": "fel", "content": {"application/problem+json": {
                "schema": {"$ref": "#/components/schemas/Problem"}, "example": {}}}}}}},
        "/cases": {"get": {
            "summary": "Lista ärenden",
            "description": "Ärenden sida för sida.",
            "parameters": [
                {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 20}},
                {"name": "page", "in": "query", "schema": {"type": "integer", "default": 1}},
            ],
            "responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": {
                    "type": "array", "items": {"$ref": "#/components/schemas/Case"}}}}},
                "400": {"description": "fel", "content": {"application/problem+json": {
                    "schema": {"$ref": "#/components/schemas/Problem"}, "example": {}}}}}}},
    },
}  # fmt: skip


def outcomes(doc: dict[str, object], tmp_path: Path, lang: str = "sv") -> dict[str, Outcome]:
    path = tmp_path / "api.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    probed = probe_detailed(
        str(path),
        load_requirement_set("builtin:digg-rest-api-profil"),
        lang,  # type: ignore[arg-type]
    )
    return {row.requirement: row.outcome for row in probed.rows}


def test_set_is_builtin_with_profile_ids() -> None:
    assert {"trollhattan-2023", "open-baseline", "digg-rest-api-profil"} <= set(builtin_sets())
    profile = load_requirement_set("builtin:digg-rest-api-profil")
    families = {r.id.split(".")[0] for r in profile.requirements}
    assert {"DOK", "SAK", "FNS", "FEL", "VER", "UFN", "AME", "RES", "DOT"} <= families
    levels = {r.id: r.level for r in profile.requirements}
    assert levels["SAK.09"] == "must" and levels["DOK.01"] == "should"
    for requirement in profile.requirements:
        assert requirement.text.sv and requirement.text.en and requirement.cues.sv


def test_validate_builtin_profile(cli) -> None:  # type: ignore[no-untyped-def]
    root = Path(__file__).resolve().parents[1]
    result = cli("sets", "validate", root / "requirement_sets" / "digg-rest-api-profil.yaml")
    assert result.code == 0, result.out


def test_good_description(tmp_path: Path) -> None:
    got = outcomes(GOOD, tmp_path)
    for rule in ("DOK.03", "DOK.08", "DOK.11", "DOK.15", "DOK.17", "DOK.19", "FEL.01", "FEL.02",
                 "VER.05", "VER.06", "FNS.07", "FNS.08", "FNS.09", "SAK.09", "SAK.10", "SAK.18",
                 "UFN.02", "RES.06", "AME.05"):  # fmt: skip
        assert got[rule] == "met", rule
    assert got["SAK.15"] == got["SAK.16"] == "not_applicable"  # no API keys at all
    assert got["SAK.01"] == "met"  # https servers, as RAP-LP judges it (TLS version named apart)
    assert got["DOK.01"] == "not_applicable"  # no externalDocs: RAP-LP's Dok01 does not run
    assert got["DOK.06"] == "not_met"  # no common English word in info.description (RAP-LP Dok06)


def test_bad_description(tmp_path: Path) -> None:
    bad = json.loads(json.dumps(GOOD))
    bad["swagger"] = "2.0"
    del bad["openapi"]
    bad["servers"] = []
    bad["host"], bad["schemes"], bad["basePath"] = "api.example.se:8443", ["http"], "/api"
    bad["securityDefinitions"] = {
        "basic": {"type": "basic"},
        "key": {"type": "apiKey", "in": "query", "name": "api_key"},
    }
    bad["paths"]["/cases"]["get"]["parameters"][1]["schema"]["default"] = 0
    bad["paths"]["/Case_List"] = bad["paths"].pop("/cases")
    got = outcomes(bad, tmp_path, "en")
    for rule in ("DOK.17", "SAK.09", "SAK.15", "SAK.16", "FNS.08", "UFN.02", "UFN.08", "UFN.09",
                 "RES.06", "SAK.01"):  # fmt: skip
        assert got[rule] == "not_met", rule


def test_cli_probe_with_profile_and_reconciliation(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    doc = json.loads(json.dumps(GOOD))
    doc["info"]["title"] = '=HYPERLINK("http://evil")'
    doc["paths"]["/=cmd|calc"] = doc["paths"]["/cases"]
    path = tmp_path / "api.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "avstamning.xlsx"
    result = cli("probe", path, "--set", "builtin:digg-rest-api-profil", "--lang", "sv",
                 "--reconciliation", out, "-f", "json")  # fmt: skip
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)["reports"][0]
    judged = {r["requirement"] for r in report["results"]}
    assert judged >= {"SAK.15", "UFN.07"}
    assert "DOK.06" in judged  # RAP-LP's Dok06 judges info.description
    assert {f["check"] for f in report["findings"]} >= {"RAP-UFN.07", "RAP-DOK.06"}
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["Kravlista REST API profil"]  # DIGG's sheet name (RAP-LP)
    sheet = workbook.active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1:] == ("Krav-ID", "Nivå", "Krav", "Status", "Kommentar")
    assert rows[0][0] in ("Område", "Area")  # "Område" once the catalogue has the new msgid
    by_id = {r[1]: r for r in rows[1:] if r[1]}  # DIGG's id column B, status column E
    assert by_id["SAK.09"][2] == "SKALL" and by_id["DOK.01"][2] == "BÖR"
    assert by_id["SAK.09"][0] == "Säkerhet"
    assert by_id["SAK.10"][4] == "OK"
    assert by_id["SAK.15"][4] == "N/A"
    assert by_id["DOK.01"][4] == "N/A"  # no externalDocs
    assert by_id["UFN.07"][4] == "NOK" and "/=cmd|calc" in (by_id["UFN.07"][5] or "")
    assert list(by_id)[:3] == ["FOR.02", "MOG.01", "MOG.02"]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type == "s" or cell.value is None
            assert not str(cell.value or "").startswith("=")


def test_reconciliation_needs_xlsx(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "api.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    result = cli("probe", path, "--reconciliation", tmp_path / "x.csv")
    assert result.code == 2 and ".xlsx" in result.err


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_other_sets_unchanged(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "api.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    probed = probe_detailed(str(path), load_requirement_set("builtin:open-baseline"), lang)  # type: ignore[arg-type]
    reported = {r.requirement for r in probed.report.results}
    assert "DO-01" not in reported  # no probe check: left out of the report
    assert {row.requirement for row in probed.rows} >= {"DO-01"}  # but listed in the sheet


def test_reconciliation_drops_control_characters(tmp_path: Path) -> None:
    from proccheck.report.reconciliation import render_xlsx

    doc = json.loads(json.dumps(GOOD))
    doc["paths"]["/bad\x01path"] = doc["paths"]["/cases"]
    path = tmp_path / "api.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    probed = probe_detailed(str(path), load_requirement_set("builtin:digg-rest-api-profil"), "en")
    assert render_xlsx([(probed.report.subject, probed.rows)], "en")[:2] == b"PK"
