"""Security schemes are named in the report's language: the OpenAPI words (apiKey, oauth2) stay,
the words around them are Swedish in a Swedish report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_probe_round5 import description

from proccheck.api import probe_detailed
from proccheck.requirements import load_requirement_set


def _api03(tmp_path: Path, scheme: dict[str, Any], lang: str) -> tuple[str, str, list[str]]:
    doc = description()
    doc["components"]["securitySchemes"] = {"key": scheme}
    doc["security"] = [{"key": []}]
    path = tmp_path / "api.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    report = probe_detailed(str(path), load_requirement_set("builtin:open-baseline"), lang).report
    (result,) = [r for r in report.results if r.requirement == "API-03"]
    quoted = [f.evidence or "" for f in report.findings if f.requirement == "API-03"]
    return result.outcome, result.reason, quoted


@pytest.mark.parametrize(
    ("scheme", "english", "swedish"),
    [
        (
            {"type": "apiKey", "in": "query", "name": "api_key"},
            "apiKey in query api_key",
            "apiKey i frågesträngen api_key",
        ),
        (
            {"type": "apiKey", "in": "header", "name": "X-Key"},
            "apiKey in header X-Key",
            "apiKey i huvudet X-Key",
        ),
        (
            {"type": "oauth2", "flows": {}},
            "oauth2 without a usable flow",
            "oauth2 utan användbart flöde",
        ),
    ],
)
def test_a_scheme_is_named_in_the_reports_language(
    tmp_path: Path, scheme: dict[str, Any], english: str, swedish: str
) -> None:
    outcome_en, reason_en, quoted_en = _api03(tmp_path, scheme, "en")
    outcome_sv, reason_sv, quoted_sv = _api03(tmp_path, scheme, "sv")
    assert outcome_en == outcome_sv != "met"
    assert english in reason_en + " ".join(quoted_en)
    assert swedish in reason_sv + " ".join(quoted_sv)
    assert english not in reason_sv + " ".join(quoted_sv)
