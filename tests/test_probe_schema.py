"""Optional validation against the official OpenAPI JSON Schemas (`probe --validate-schema`)."""

from __future__ import annotations

import json
import re
import socket
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from check_runner import findings_of
from conftest import CliResult

from proccheck.api import probe_index
from proccheck.checks import schema_validation as sv
from proccheck.checks.probe_checks import context
from proccheck.loaders.openapi import ApiIndex, build_index
from proccheck.model import Finding
from proccheck.requirements import load_requirement_set

SAMPLES = Path(__file__).resolve().parent / "check_samples" / "OA015"


def doc(version: str = "3.0.3", **extra: Any) -> ApiIndex:
    base: dict[str, Any] = {"openapi": version, "info": {"title": "T", "version": "1.0.0"}}
    base.setdefault("paths", {})
    base.update(extra)
    return build_index(json.dumps(base), "t.json")


def oa015(index: ApiIndex, validate: bool = True) -> list[Finding]:
    return findings_of("OA015", index, validate_schema=validate)


def sample(name: str) -> ApiIndex:
    path = SAMPLES / name
    return build_index(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize("name", ["pass-3.0.yaml", "pass-3.1.yaml"])
def test_valid_descriptions_pass(name: str) -> None:
    index = sample(name)
    assert oa015(index) == []
    result = sv.validate_structure(index)
    assert result.count == 0 and result.stopped is None and result.seconds >= 0


def test_wrong_types_reported_as_one_finding() -> None:
    found = oa015(sample("fail-types.yaml"))
    assert len(found) == 1
    finding = found[0]
    assert finding.outcome == "not_met" and finding.severity == "error"
    assert finding.message.startswith("2 violations of the official OpenAPI 3.0.3 schema")
    assert re.search(r"schema validation: \d+\.\d\d s", finding.message)
    assert finding.location.pointer == "/info/version"
    assert finding.evidence is not None
    assert "/info/version: 1 is not of type 'string'" in finding.evidence
    # a 3.0 response without `description`: the Response branch, not "not a $ref"
    assert "/paths/~1cases/get/responses/200: 'description' is a required property" in (
        finding.evidence
    )


def test_paths_list_and_swagger2() -> None:
    paths = sv.validate_structure(doc("3.1.0", paths=[]))
    assert paths.count == 1 and paths.examples == (("/paths", "[] is not of type 'object'"),)
    swagger = sv.validate_structure(sample("fail-swagger2.json"))
    assert swagger.version == "2.0"  # draft-04 refs of the 2.0 schema resolve offline
    assert swagger.examples[0][0] == "/paths/~1cases/get/parameters/0/maximum"


def test_discriminator_failures_fall_back_to_the_whole_object() -> None:
    index = doc(components={"securitySchemes": {"s": {"type": "foo"}}})
    (pointer, message), *_ = sv.validate_structure(index).examples
    assert pointer == "/components/securitySchemes/s"
    assert "not valid under any of the given schemas" in message


def test_bounded_examples_and_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    paths: dict[str, Any] = {f"/p{i}": {"get": {"responses": {"200": {}}}} for i in range(30)}
    many = doc(paths=paths)
    result = sv.validate_structure(many)
    assert result.count == 30 and result.stopped is None
    assert len(result.examples) == sv.EXAMPLES
    assert [p for p, _ in result.examples] == sorted(p for p, _ in result.examples)
    monkeypatch.setattr(sv, "MAX_ERRORS", 3)
    capped = doc(paths=paths)
    (finding,) = oa015(capped)
    assert finding.message.startswith("At least 3 violations")
    assert sv.validate_structure(capped).stopped == "limit"


def test_no_network_and_no_vendor_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> Any:
        raise AssertionError(f"network access: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    seen: list[str] = []
    for name in ("compile", "search", "match", "fullmatch"):
        original: Callable[..., Any] = getattr(re, name)

        def spy(pattern: Any, *args: Any, _original: Callable[..., Any] = original) -> Any:
            seen.append(str(getattr(pattern, "pattern", pattern)))
            return _original(pattern, *args)

        monkeypatch.setattr(re, name, spy)
    vendor_pattern = "^(x+x+)+VENDOR$"
    schema = {
        "type": "object",
        "pattern": vendor_pattern,
        "properties": {
            "a": {"$ref": "https://schemas.example.invalid/a.json#/A"},
            "b": {"type": "string", "pattern": vendor_pattern, "format": "regex"},
        },
    }
    index = doc(
        "3.0.3",
        paths={"/x": {"$ref": "http://192.0.2.1/paths.json"}},
        components={"schemas": {"S": schema, "R": {"$ref": "http://192.0.2.1/s.json"}}},
    )
    sv.validate_structure(index)
    assert oa015(doc("3.1.0", components={"schemas": {"S": schema}})) == []
    assert all("VENDOR" not in pattern for pattern in seen)


def test_retrieval_is_refused() -> None:
    with pytest.raises(sv.RefusedRetrieval):
        sv._refuse("https://json-schema.org/draft/2020-12/schema")


def test_deep_nesting_does_not_crash() -> None:
    node: dict[str, Any] = {"type": "string"}
    for _ in range(97):  # two levels each: just under the loader's depth limit (200)
        node = {"type": "object", "properties": {"x": node}}
    result = sv.validate_structure(doc(components={"schemas": {"Deep": node}}))
    assert result.stopped in (None, "depth")


def test_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(index: ApiIndex) -> Any:
        raise AssertionError("schema validation ran without --validate-schema")

    monkeypatch.setattr(sv, "validate_structure", boom)
    index = sample("fail-types.yaml")
    assert oa015(index, validate=False) == []
    probed = probe_index(index, context(index, load_requirement_set("builtin:open-baseline"), "en"))
    assert probed.schema_validation is None
    assert not any(f.check == "OA015" for f in probed.report.findings)


def test_probe_option_reports_finding_and_cost() -> None:
    baseline = load_requirement_set("builtin:open-baseline")
    index = sample("fail-types.yaml")
    probed = probe_index(index, context(index, baseline, "en", validate_schema=True))
    assert probed.schema_validation is not None and probed.schema_validation.count == 2
    (finding,) = [f for f in probed.report.findings if f.check == "OA015"]
    assert finding.requirement == "API-01"
    (api01,) = [r for r in probed.report.results if r.requirement == "API-01"]
    assert api01.outcome == "not_met"


def test_cli_option(cli: Callable[..., CliResult]) -> None:
    failing = SAMPLES / "fail-types.yaml"
    plain = cli("probe", failing, "--format", "json")
    assert "schema validation" not in plain.err
    assert '"check": "OA015"' not in plain.out
    checked = cli("probe", failing, "--validate-schema", "--format", "json")
    assert re.search(r"schema validation \(OpenAPI 3\.0\): 2 violations, \d+\.\d\d s", checked.err)
    assert '"check": "OA015"' in checked.out
