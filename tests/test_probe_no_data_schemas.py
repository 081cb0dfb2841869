"""Probe holes of attack round 6: a listing whose schema can hold no data, and a write that
carries none. A GET of `{maxProperties: 0}`, `allOf: [{not: {}}]`, `type: object` with
`allOf: [{type: string}]` or a list with `maxItems: 0` shows nothing that could be exported, and
a GET that only counts (`CaseCount: {total: integer}`) names no record: export (DO-02) is not
verified. A PUT whose body must be empty, or holds only readOnly or fixed values, writes
nothing (API-05 not verified). Schemas that merely look alike leave the verdicts as they were."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import description, outcomes

NOTHING = """
{"type": "object", "maxProperties": 0, "properties": {"id": {"type": "string"}}}
{"type": "object", "additionalProperties": false}
{"type": "object", "allOf": [{"not": {}}]}
{"type": "object", "properties": {"id": {"type": "string"}}, "allOf": [{"type": "string"}]}
{"type": "object", "properties": {"id": {"type": "string"}}, "not": {"type": "object"}}
{"const": {}}
{"type": "object", "properties": {"id": {"type": "string"}}, "const": null}
{"allOf": [{"$ref": "#/components/schemas/Base"}], "deprecated": false}
{"allOf": [{"allOf": [{"$ref": "#/components/schemas/Secret"}]}]}
{"title": "Case", "description": "Fields depend on the case type.", "allOf": [true]}
"""
"""Case schemas that hold no data, one per line; `Base` is deprecated, `Secret` write-only."""

DATA = """
{"type": "object", "properties": {"id": {"type": "string"}}}
{"type": ["object", "null"], "properties": {"id": {"type": "string"}}}
{"type": "object", "additionalProperties": false, "properties": {"id": {"type": "string"}}}
{"type": "object", "maxProperties": 20, "properties": {"id": {"type": "string"}}}
{"type": "object", "properties": {"id": {"type": "string"}}, "not": {"type": "string"}}
{"type": "object", "properties": {"id": {"type": "string"}}, "maxItems": 0}
{"allOf": [{"$ref": "#/components/schemas/Live"}, {"properties": {"id": {"type": "string"}}}]}
"""
"""Case schemas that do hold data, alike in form."""

HELPERS = {
    "Base": {"type": "object", "deprecated": True, "properties": {"id": {"type": "string"}}},
    "Secret": {"type": "object", "properties": {"pin": {"type": "string", "writeOnly": True}}},
    "Live": {"type": "object", "properties": {"title": {"type": "string"}}},
}


def _with_case(case: dict[str, Any]) -> dict[str, Any]:
    doc = description()
    doc["components"]["schemas"].update(HELPERS, Case=case)
    return doc


@pytest.mark.parametrize("case", NOTHING.strip().splitlines())
def test_a_listing_of_a_schema_that_holds_no_data_is_no_evidence(tmp_path: Path, case: str) -> None:
    outcome, reason = outcomes(tmp_path, _with_case(json.loads(case)))["DO-02"]
    assert outcome == "not_verified" and "/components/schemas/Case" in reason, reason


@pytest.mark.parametrize("case", DATA.strip().splitlines())
def test_a_schema_alike_in_form_that_holds_data_stays_met(tmp_path: Path, case: str) -> None:
    assert outcomes(tmp_path, _with_case(json.loads(case)))["DO-02"][0] == "met"


def _page(items: dict[str, Any]) -> dict[str, Any]:
    doc = description()
    doc["components"]["schemas"]["CasePage"] = {
        "type": "object",
        "properties": {"items": {"type": "array", **items}, "next": {"type": "string"}},
    }
    content = doc["paths"]["/cases"]["get"]["responses"]["200"]["content"]
    content["application/json"]["schema"] = {"$ref": "#/components/schemas/CasePage"}
    return doc


def test_a_page_whose_list_holds_no_items_is_no_evidence(tmp_path: Path) -> None:
    listed = {"items": {"$ref": "#/components/schemas/Case"}}
    assert outcomes(tmp_path, _page(listed))["DO-02"][0] == "met"
    outcome, reason = outcomes(tmp_path, _page({**listed, "maxItems": 0}))["DO-02"]
    assert outcome == "not_verified", reason
    assert "CasePage/properties/items is a list that can hold no items" in reason, reason


def _counted(schema: dict[str, Any]) -> dict[str, Any]:
    doc = description()
    doc["components"]["schemas"] = {**doc["components"]["schemas"], **schema}
    content = doc["paths"]["/cases"]["get"]["responses"]["200"]["content"]
    content["application/json"]["schema"] = {"$ref": f"#/components/schemas/{next(iter(schema))}"}
    return doc


@pytest.mark.parametrize(
    "schema",
    [
        {"CaseCount": {"type": "object", "properties": {"total": {"type": "integer"}}}},
        {"Totals": {"type": "object", "properties": {"open": {"type": "integer"}}}},
        {"Summary": {"type": "object", "properties": {"totalCount": {"type": "number"}}}},
    ],
)
def test_a_listing_that_only_counts_names_no_record(tmp_path: Path, schema: dict[str, Any]) -> None:
    outcome, reason = outcomes(tmp_path, _counted(schema))["DO-02"]
    assert outcome == "not_verified" and "(counts only)" in reason, reason


@pytest.mark.parametrize(
    "schema",
    [
        {"Account": {"type": "object", "properties": {"balance": {"type": "integer"}}}},
        {"Discount": {"type": "object", "properties": {"percent": {"type": "number"}}}},
        {"CaseCount": {"type": "object", "properties": {"count": {"type": "integer"},
                                                         "title": {"type": "string"}}}},
    ],
)  # fmt: skip
def test_numbers_that_are_records_are_resource_types(
    tmp_path: Path, schema: dict[str, Any]
) -> None:
    assert outcomes(tmp_path, _counted(schema))["DO-02"][0] == "met"


def _put(body: dict[str, Any] | None, **extra: Any) -> dict[str, Any]:
    doc = _with_case(json.loads(DATA.strip().splitlines()[0]))
    put: dict[str, Any] = {"responses": {"200": {"description": "updated"}}, **extra}
    if body is not None:
        put["requestBody"] = {"content": {"application/json": {"schema": body}}}
    doc["paths"]["/cases/{id}"] = {
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "get": {"responses": doc["paths"]["/cases"]["get"]["responses"]},
        "put": put,
    }  # fmt: skip
    return doc


@pytest.mark.parametrize(
    "body",
    [
        {"type": "object", "maxProperties": 0},
        {"type": "object", "additionalProperties": False},
        {"type": "object", "properties": {"id": {"type": "string", "readOnly": True}}},
        {"type": "object", "properties": {"archived": {"type": "boolean", "enum": [True]}},
         "additionalProperties": False},
        {"type": "object", "readOnly": True, "properties": {"title": {"type": "string"}}},
        {"type": "object", "properties": {"title": False}, "additionalProperties": False},
    ],
)  # fmt: skip
def test_a_write_whose_body_holds_nothing_to_set_is_no_evidence(
    tmp_path: Path, body: dict[str, Any]
) -> None:
    outcome, reason = outcomes(tmp_path, _put(body))["API-05"]
    assert outcome == "not_verified" and "it carries no data" in reason, reason


@pytest.mark.parametrize(
    ("body", "extra"),
    [
        ({"$ref": "#/components/schemas/Case"}, {}),
        (None, {}),
        ({"type": "object", "properties": {"archived": {"type": "boolean", "enum": [True]}}}, {}),
        ({"type": "object", "maxProperties": 0},
         {"parameters": [{"name": "title", "in": "query", "schema": {"type": "string"}}]}),
    ],
)  # fmt: skip
def test_a_write_that_may_carry_data_is_evidence(
    tmp_path: Path, body: dict[str, Any] | None, extra: dict[str, Any]
) -> None:
    assert outcomes(tmp_path, _put(body, **extra))["API-05"][0] == "met"


UNDESCRIBED = """
null
{}
{"description": "The cases, as JSON."}
{"type": "string"}
{"type": "object", "properties": {"dump": {"type": "string", "description": "Acme .adb, base64"}}}
"""
"""Schemas of the only JSON response that say nothing of the data, one per line."""

DESCRIBED = """
{"type": "object", "properties": {"id": {"type": "string"}}}
{"type": "array", "items": {"$ref": "#/components/schemas/Case"}}
{"type": "object", "properties": {"name": {"type": "string"}, "dump": {"type": "string", "description": "base64"}}}
{"$ref": "#/components/schemas/Missing"}
"""
"""Schemas that do describe the data (a missing $ref is OA001's to report)."""


def _only_json(schema: Any) -> dict[str, Any]:
    doc = description()
    media: dict[str, Any] = {} if schema is None else {"schema": schema}
    doc["paths"]["/cases"]["get"]["responses"]["200"]["content"]["application/json"] = media
    return doc


@pytest.mark.parametrize("schema", UNDESCRIBED.strip().splitlines())
def test_json_whose_schema_says_nothing_of_the_data_is_no_open_format(
    tmp_path: Path, schema: str
) -> None:
    got = outcomes(tmp_path, _only_json(json.loads(schema)))
    assert got["DO-03"][0] == got["OS-02"][0] == "not_verified", got["DO-03"]
    assert "no schema that describes the data" in got["DO-03"][1]


@pytest.mark.parametrize("schema", DESCRIBED.strip().splitlines())
def test_json_with_a_schema_of_the_data_is_an_open_format(tmp_path: Path, schema: str) -> None:
    got = outcomes(tmp_path, _only_json(json.loads(schema)))
    assert got["DO-03"][0] == "met", got["DO-03"]


def test_one_described_response_is_enough(tmp_path: Path) -> None:
    doc = _only_json({"type": "string"})
    doc["paths"]["/cases/{id}"] = {"get": {"responses": description()["paths"]["/cases"]["get"]["responses"]}}  # fmt: skip
    assert outcomes(tmp_path, doc)["DO-03"][0] == "met"


def _listing_with(parameter: str, required: bool) -> dict[str, Any]:
    doc = description()
    listed = {"type": "array", "items": {"$ref": "#/components/schemas/Case"}}
    doc["paths"]["/cases"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = (
        listed
    )
    doc["paths"]["/cases"]["get"]["parameters"] = [
        {"name": parameter, "in": "query", "required": required, "schema": {"type": "string"}}
    ]
    return doc


@pytest.mark.parametrize("parameter", ["ids", "caseIds", "event_ids[]", "keys", "id"])
def test_a_list_that_needs_the_ids_it_returns_is_a_lookup(tmp_path: Path, parameter: str) -> None:
    outcome, reason = outcomes(tmp_path, _listing_with(parameter, True))["DO-02"]
    assert outcome == "not_verified" and "naming the records to return" in reason, reason


@pytest.mark.parametrize(
    ("parameter", "required"),
    [("ids", False), ("municipalityId", True), ("branchID", True), ("api_key", True)],
)
def test_a_required_filter_or_an_optional_id_list_leaves_a_list(
    tmp_path: Path, parameter: str, required: bool
) -> None:
    assert outcomes(tmp_path, _listing_with(parameter, required))["DO-02"][0] == "met"


@pytest.mark.parametrize(
    ("status", "outcome"), [("599", "not_met"), ("400", "met"), ("4XX", "met")]
)
def test_problem_details_count_only_on_statuses_a_server_sends(
    tmp_path: Path, status: str, outcome: str
) -> None:
    doc = description()
    problem = {
        "application/problem+json": {
            "schema": {
                "type": "object",
                "properties": {
                    "type": {"type": "string"},
                    "title": {"type": "string"},
                    "status": {"type": "integer"},
                },
            }
        }
    }
    doc["paths"]["/cases"]["get"]["responses"][status] = {
        "description": "error",
        "content": problem,
    }
    assert outcomes(tmp_path, doc)["API-09"][0] == outcome


@pytest.mark.parametrize(
    ("schema", "outcome"),
    [
        ({"ExportLink": {"type": "object", "properties": {"pdfUrl": {"type": "string", "format": "uri"},
                                                           "expires": {"type": "string"}}}}, "not_verified"),
        ({"Download": {"type": "object", "properties": {"href": {"type": "string"}}}}, "not_verified"),
        ({"Bookmark": {"type": "object", "properties": {"url": {"type": "string", "format": "uri"},
                                                         "title": {"type": "string"}}}}, "met"),
    ],
)  # fmt: skip
def test_a_listing_of_only_links_names_no_record(
    tmp_path: Path, schema: dict[str, Any], outcome: str
) -> None:
    got = outcomes(tmp_path, _counted(schema))
    assert got["DO-02"][0] == got["DO-03"][0] == outcome, got["DO-02"]


def test_a_capped_list_that_cannot_be_paged_is_no_evidence(tmp_path: Path) -> None:
    capped = _page({"items": {"$ref": "#/components/schemas/Case"}, "maxItems": 50})
    assert outcomes(tmp_path, capped)["DO-02"][0] == "met"  # its `next` pages it
    del capped["components"]["schemas"]["CasePage"]["properties"]["next"]
    outcome, reason = outcomes(tmp_path, capped)["DO-02"]
    assert outcome == "not_verified" and "the list cannot be paged" in reason, reason
    capped["paths"]["/cases"]["get"]["parameters"] = [
        {"name": "offset", "in": "query", "schema": {"type": "integer"}}
    ]
    assert outcomes(tmp_path, capped)["DO-02"][0] == "met"
    del capped["components"]["schemas"]["CasePage"]["properties"]["items"]["maxItems"]
    capped["paths"]["/cases"]["get"]["parameters"] = [  # round 7: up to 100, and no further
        {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}}
    ]
    outcome, reason = outcomes(tmp_path, capped)["DO-02"]
    assert outcome == "not_verified" and "parameters/0 caps how many items" in reason, reason


class _Plain:
    """An index whose schemas hold no $refs: `resolve` hands a schema back as it is."""

    @staticmethod
    def resolve(node: Any) -> Any:
        return node


@pytest.mark.parametrize(
    ("schema", "nothing"),
    [({"type": "file"}, False), ({"type": ["string", "null"]}, False), ({"type": "null"}, True),
     ({"type": "object", "allOf": [{"type": "array"}]}, True), ({"enum": []}, True)],
)  # fmt: skip
def test_what_holds_nothing(schema: dict[str, Any], nothing: bool) -> None:
    """OpenAPI 2.0's `file` holds a file, and `null` beside another type still leaves it."""
    from proccheck.checks.api_analysis import holds_nothing

    assert holds_nothing(_Plain(), schema) is nothing  # type: ignore[arg-type]
