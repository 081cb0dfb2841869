"""Probe holes of attack round 6: the GET that lists the data marked as a preview or as offered
only at extra cost or on a higher plan. It shows no more than that the data can be read on
some plan, some day: export (DO-02) is not verified, with the marker quoted. Words that only
look alike ("Preview the rendered document", "no additional charges", an add-on that is the
resource itself) leave it met. Likewise a write that is deprecated, sold separately or
documents only errors ("501 Not implemented") shows no working write (API-05)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import description, outcomes

LIMITED = """
x-beta | true | x-beta: true
x-stability | experimental | x-stability: experimental
summary | [BETA] List cases | [BETA] List cases
description | Beta: may be removed without notice. | Beta:
description | Available at extra cost (Data Access add-on). | extra cost
x-availability | This endpoint is available only in the PRO/ENTERPRISE plan. | ENTERPRISE plan
description | Listar ärenden. Ingår mot avgift. | mot avgift
"""
"""The operation's field | its value | what the reason quotes."""

PLAIN = """
summary | Preview the cases of a folder
description | Lists cases. No additional charges apply.
summary | Retrieve a list of Add-on installations
description | Decode a case (preview)
"""


def _cases(table: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("|")] for line in table.strip().splitlines()]


def _listing(field: str, value: Any) -> dict[str, Any]:
    doc = description()
    get = doc["paths"]["/cases"]["get"]
    get[field] = True if value == "true" else value
    return doc


@pytest.mark.parametrize(("field", "value", "quoted"), _cases(LIMITED))
def test_a_listing_marked_preview_or_paid_is_no_evidence(
    tmp_path: Path, field: str, value: str, quoted: str
) -> None:
    outcome, reason = outcomes(tmp_path, _listing(field, value))["DO-02"]
    assert outcome == "not_verified", reason
    assert "a preview, as not available to customers, as offered only" in reason, reason
    assert quoted in reason, reason


def test_a_required_licence_header_marks_the_listing(tmp_path: Path) -> None:
    doc = description()
    doc["paths"]["/cases"]["get"]["parameters"] = [
        {
            "name": "X-Enterprise-Licence",
            "in": "header",
            "required": True,
            "description": "Licence key only issued with the Enterprise add-on (extra cost).",
            "schema": {"type": "string"},
        }
    ]
    outcome, reason = outcomes(tmp_path, doc)["DO-02"]
    assert outcome == "not_verified" and "X Enterprise Licence" in reason, reason


@pytest.mark.parametrize(("field", "value"), _cases(PLAIN))
def test_words_that_only_look_alike_leave_it_met(tmp_path: Path, field: str, value: str) -> None:
    assert outcomes(tmp_path, _listing(field, value))["DO-02"][0] == "met"


def _with_write(**post: Any) -> dict[str, Any]:
    doc = description()
    doc["paths"]["/cases"]["post"] = {
        "summary": "Create a case",
        "requestBody": {
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}
        },
        "responses": {"201": {"description": "created"}},
        **post,
    }
    return doc


@pytest.mark.parametrize(
    ("post", "quoted"),
    [
        ({"deprecated": True}, "deprecated"),
        ({"x-stability": "beta"}, "x-stability: beta"),
        ({"responses": {"501": {"description": "Not implemented"}}}, "only error responses (501)"),
    ],
)
def test_a_write_that_may_not_work_is_no_evidence(
    tmp_path: Path, post: dict[str, Any], quoted: str
) -> None:
    assert outcomes(tmp_path, _with_write())["API-05"][0] == "met"
    outcome, reason = outcomes(tmp_path, _with_write(**post))["API-05"]
    assert outcome == "not_verified" and quoted in reason, reason


def test_a_live_write_beside_a_deprecated_one_is_evidence(tmp_path: Path) -> None:
    doc = _with_write(deprecated=True)
    doc["paths"]["/cases/{id}"] = {
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "put": {
            "requestBody": {
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}
            },
            "responses": {"200": {"description": "updated"}},
        },
    }
    assert outcomes(tmp_path, doc)["API-05"][0] == "met"
