"""Probe holes of attack round 6: errors declared as problem details whose schema says they
are not (a string under `application/problem+json`, properties of its own and none of RFC
9457's, or the RFC's member names with other types: `status: "ERR"`, an integer `type`).
API-09 is not met for them; real problem details, and Zalando's object `status` that
Sundsvall's APIs describe, stay met."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import description, outcomes

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
RFC = {"type": "object", "properties": {"type": STRING, "title": STRING, "status": INTEGER, "detail": STRING}}  # fmt: skip


def _with_error(media_type: str, schema: dict[str, Any]) -> dict[str, Any]:
    doc = description()
    doc["paths"]["/cases"]["get"]["responses"]["400"] = {
        "description": "Bad request",
        "content": {media_type: {"schema": schema}},
    }
    return doc


@pytest.mark.parametrize(
    ("media_type", "schema"),
    [
        ("application/problem+json", STRING),
        ("application/problem+json", {"type": "object", "properties": {"error": STRING, "msg": STRING}}),
        ("application/json", {**RFC, "properties": {**RFC["properties"], "status": {"type": "string", "enum": ["ERR"]}}}),
        ("application/problem+json", {**RFC, "properties": {**RFC["properties"], "type": INTEGER}}),
    ],
)  # fmt: skip
def test_an_error_body_that_is_not_problem_details_is_not_met(
    tmp_path: Path, media_type: str, schema: dict[str, Any]
) -> None:
    outcome, reason = outcomes(tmp_path, _with_error(media_type, schema))["API-09"]
    assert outcome == "not_met", reason


@pytest.mark.parametrize(
    ("media_type", "schema"),
    [
        ("application/problem+json", RFC),
        ("application/problem+json", {}),
        ("application/json", RFC),
        ("application/problem+json", {**RFC, "properties": {**RFC["properties"], "status": {"type": "object"}}}),
    ],
)  # fmt: skip
def test_problem_details_stay_met(tmp_path: Path, media_type: str, schema: dict[str, Any]) -> None:
    outcome, reason = outcomes(tmp_path, _with_error(media_type, schema))["API-09"]
    assert outcome == "met", reason
