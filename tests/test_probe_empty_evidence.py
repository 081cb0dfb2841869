"""A GET whose response describes no data is no evidence of export (DO-02, API-04 via OA002).

Each weak sample is one `GET /x` returning `#/components/schemas/X`; the verdict must be
not verified, naming the operation and the schema, never met. Each has a passing twin with a
real schema that stays met.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from proccheck.api import probe_detailed
from proccheck.model import Report
from proccheck.requirements import load_requirement_set

REAL: dict[str, Any] = {"type": "object", "properties": {"id": {"type": "string"}}}
EXPORT = ("DO-02", "API-04")


@pytest.fixture(scope="module")
def baseline():  # type: ignore[no-untyped-def]
    return load_requirement_set("builtin:open-baseline")


def description(
    schemas: dict[str, Any],
    paths: dict[str, Any] | None = None,
    *,
    openapi: str = "3.0.3",
    deprecated: bool = False,
    mark: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One `GET /x` returning X (or the given paths), with the given named schemas; `mark` sets
    `x-internal` on the GET, its path item or the document root (keys get, path, root)."""
    mark = mark or {}
    get: dict[str, Any] = {
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/X"}}},
            }
        }
    }
    if deprecated:
        get["deprecated"] = True
    if "get" in mark:
        get["x-internal"] = mark["get"]
    item: dict[str, Any] = {"get": get}
    if "path" in mark:
        item["x-internal"] = mark["path"]
    doc = {
        "openapi": openapi,
        "info": {"title": "T", "version": "1.0.0"},
        "paths": paths or {"/x": item},
        "components": {"schemas": schemas},
    }
    if "root" in mark:
        doc["x-internal"] = mark["root"]
    return doc


def probe(tmp_path: Path, baseline, doc: dict[str, Any]) -> Report:  # type: ignore[no-untyped-def]
    path = tmp_path / "api.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return probe_detailed(str(path), baseline, "en").report


def verdicts(report: Report) -> dict[str, tuple[str, str]]:
    return {r.requirement: (r.outcome, r.reason) for r in report.results if r.requirement in EXPORT}


WEAK = {
    "empty": (description({"X": {}}), "untyped schema"),
    "annotations only": (description({"X": {"description": "A thing"}}), "untyped schema"),
    "not anything": (description({"X": {"not": {}}}), "can hold no data"),
    "false (3.1)": (description({"X": False}, openapi="3.1.0"), "can hold no data"),
    "type null (3.1)": (description({"X": {"type": "null"}}, openapi="3.1.0"), "can hold no data"),
    "deprecated schema": (description({"X": {**REAL, "deprecated": True}}), "is deprecated"),
    "deprecated operation": (description({"X": REAL}, deprecated=True), "operation is deprecated"),
    "internal operation": (description({"X": REAL}, mark={"get": True}), "marked internal"),
    "internal operation (path)": (
        description({"X": REAL}, mark={"path": True}),
        "marked internal",
    ),
    "internal operation (root)": (
        description({"X": REAL}, mark={"root": True}),
        "marked internal",
    ),
    "only writeOnly": (
        description(
            {"X": {"type": "object", "properties": {"id": {"type": "string", "writeOnly": True}}}}
        ),
        "only writeOnly properties",
    ),
}


@pytest.mark.parametrize("case", WEAK)
def test_weak_evidence_is_not_verified(tmp_path: Path, baseline, case: str) -> None:  # type: ignore[no-untyped-def]
    doc, why = WEAK[case]
    got = verdicts(probe(tmp_path, baseline, doc))
    for requirement in EXPORT:
        outcome, reason = got[requirement]
        assert outcome == "not_verified", (requirement, reason)
        assert "X (GET /x: " in reason and why in reason, reason
        if "operation" not in case:
            assert "/components/schemas/X" in reason, reason


PASSING = {
    "typed object": description({"X": REAL}),
    "object without properties": description({"X": {"type": "object"}}),
    "allOf": description({"X": {"allOf": [{"$ref": "#/components/schemas/Y"}]}, "Y": REAL}),
    "writeOnly beside a returned property": description(
        {"X": {**REAL, "properties": {**REAL["properties"], "pin": {"writeOnly": True}}}}
    ),
    "3.1 typed object": description({"X": REAL}, openapi="3.1.0"),
    "required properties only": description({"X": {"required": ["id"], "minProperties": 1}}),
    "x-internal false": description({"X": REAL}, mark={"get": False, "path": "no", "root": 1}),
}


@pytest.mark.parametrize("case", PASSING)
def test_real_schema_stays_met(tmp_path: Path, baseline, case: str) -> None:  # type: ignore[no-untyped-def]
    got = verdicts(probe(tmp_path, baseline, PASSING[case]))
    assert got["DO-02"][0] == "met" and got["API-04"][0] == "met", got
    assert got["DO-02"][1].startswith("1 of 1 resource type exportable (100 %)")


def listing(item: Any, *, deprecated_list: bool = False) -> dict[str, Any]:
    """`GET /x` listing X, and `GET /x/{id}` reading one X."""
    one = {"$ref": "#/components/schemas/X"}
    get_list: dict[str, Any] = {
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"type": "array", "items": one}}},
            }
        },
        "deprecated": deprecated_list,
    }
    get_one = {
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": one}}}
        },
    }
    return description({"X": item}, {"/x": {"get": get_list}, "/x/{id}": {"get": get_one}})


def test_list_of_empty_items_is_not_verified(tmp_path: Path, baseline) -> None:  # type: ignore[no-untyped-def]
    assert verdicts(probe(tmp_path, baseline, listing({})))["DO-02"][0] == "not_verified"
    assert verdicts(probe(tmp_path, baseline, listing(REAL)))["DO-02"][0] == "met"


def test_a_list_of_empty_items_is_still_a_list_to_page(tmp_path: Path, baseline) -> None:  # type: ignore[no-untyped-def]
    """Its items say nothing about the data, but the list is a list: unpaged, API-11 is not met
    (it dropped out of the pagination measure and API-11 came out met)."""
    report = probe(tmp_path, baseline, listing({"description": "a note"}))
    api11 = next(r for r in report.results if r.requirement == "API-11")
    assert api11.outcome == "not_met"
    assert any(f.check == "OA003" and "no pagination: X" in f.message for f in report.findings)


def test_item_under_a_deprecated_list_is_not_verified(tmp_path: Path, baseline) -> None:  # type: ignore[no-untyped-def]
    """The item GET describes data, but every record is reached only through a deprecated list:
    not verified (not met, and not a missing collection either)."""
    outcome, reason = verdicts(probe(tmp_path, baseline, listing(REAL, deprecated_list=True)))[
        "DO-02"
    ]
    assert outcome == "not_verified" and "GET /x: the operation is deprecated" in reason


def test_weak_type_beside_a_real_one(tmp_path: Path, baseline) -> None:  # type: ignore[no-untyped-def]
    """One real type and one described by `{}`: not met would rest on the weak one, met would
    ignore it; not verified, and the export counts say so."""
    doc = description({"X": {}, "Y": REAL})
    doc["paths"]["/y"] = {
        "get": {
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Y"}}},
                }
            }
        }
    }
    report = probe(tmp_path, baseline, doc)
    assert verdicts(report)["DO-02"][0] == "not_verified"
    finding = next(f for f in report.findings if f.check == "OA002")
    assert finding.location.pointer == "/components/schemas/X"
    export = next(d for d in report.dimensions if d.name == "export")
    assert export.counts["resource_types"] == 2 and export.counts["exportable"] == 1


def test_yaml_location_has_the_schema_line(tmp_path: Path, baseline) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "api.yaml"
    path.write_text(
        "openapi: 3.0.3\n"
        "info: {title: T, version: 1.0.0}\n"
        "paths:\n"
        "  /x:\n"
        "    get:\n"
        "      responses:\n"
        "        '200':\n"
        "          description: ok\n"
        "          content:\n"
        "            application/json:\n"
        "              schema: {$ref: '#/components/schemas/X'}\n"
        "components:\n"
        "  schemas:\n"
        "    X: {}\n",
        encoding="utf-8",
    )
    report = probe_detailed(str(path), baseline, "en").report
    finding = next(f for f in report.findings if f.check == "OA002")
    assert finding.outcome == "not_verified"
    assert finding.location.pointer == "/components/schemas/X" and finding.location.line == 14
