"""Probe verdicts a reviewer can sign (issue 13): no verdict without a measurement, coverage
thresholds, a resource model that leaves out what is not data, formats judged where they
matter, and the lists behind the export score in every human format."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from proccheck.api import probe_detailed, render
from proccheck.checks.api_analysis import analyse
from proccheck.checks.probe_checks import COVERAGE_THRESHOLDS, coverage
from proccheck.loaders.openapi import load_description
from proccheck.model import Report
from proccheck.requirements import load_requirement_set

SAMPLES = Path(__file__).resolve().parent / "check_samples"
REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "openapi-real"
EMPTY = re.compile(r"\b0 of 0\b|\(0 %\)|: 0 %")
"""What a reason built on an empty measurement would say."""


@pytest.fixture(scope="module")
def baseline():  # type: ignore[no-untyped-def]
    return load_requirement_set("builtin:open-baseline")


def _report(path: Path, baseline, lang: str = "en") -> Report:  # type: ignore[no-untyped-def]
    return probe_detailed(str(path), baseline, lang).report  # type: ignore[arg-type]


def _findings(report: Report, code: str) -> list[tuple[str, str]]:
    return [(f.outcome, f.message) for f in report.findings if f.check == code]


def _assert_measured(report: Report) -> None:
    """Every met verdict states numbers, and none of them is an empty measurement."""
    for result in report.results:
        if result.outcome == "met":
            assert re.search(r"\d", result.reason), (result.requirement, result.reason)
            assert not EMPTY.search(result.reason), (result.requirement, result.reason)


@pytest.mark.parametrize(
    ("part", "total", "measure", "doubtful", "outcome"),
    [
        (15, 15, "export", False, "met"),
        (14, 15, "export", False, "not_verified"),  # 93 % >= 90 %: read the one left by hand
        (9, 10, "export", False, "not_verified"),  # exactly the threshold
        (6, 7, "export", False, "not_met"),  # 86 %, and the one left is read by a GET
        (6, 7, "export", True, "not_verified"),  # the one left is written, never read
        (0, 1, "export", True, "not_met"),  # nothing covered at all
        (1, 2, "write", False, "not_verified"),
        (0, 4, "write", False, "not_met"),
    ],
)
def test_coverage_thresholds(
    part: int, total: int, measure: str, doubtful: bool, outcome: str
) -> None:
    assert coverage(part, total, measure, doubtful=doubtful) == outcome


def test_thresholds_are_stated_in_the_reason(baseline) -> None:  # type: ignore[no-untyped-def]
    report = _report(SAMPLES / "OA002" / "partial-near-threshold.yaml", baseline)
    [(outcome, message)] = _findings(report, "OA002")
    assert outcome == "not_verified"
    assert message == (
        "10 of 11 resource types exportable; no collection GET for: Receipt "
        f"(exportable: 91 %, threshold {COVERAGE_THRESHOLDS['export']} %)"
    )
    reasons = {r.requirement: (r.outcome, r.reason) for r in report.results}
    assert reasons["DO-02"] == ("not_verified", message)


def test_items_reached_through_a_listed_collection_are_exportable() -> None:
    analysis = analyse(*load_description(str(SAMPLES / "OA002" / "pass-listed-item.yaml")))
    assert sorted(analysis.resources) == ["Table", "TableResponse"]
    assert all(r.exportable for r in analysis.resources.values())
    assert [op.path for op in analysis.resources["TableResponse"].listed_by] == ["/tables/{id}"]
    assert analysis.left_out == {"ApiDocs": "service endpoint", "Challenge": "service endpoint"}


def test_a_write_body_is_the_input_of_the_type_listed_at_its_path() -> None:
    analysis = analyse(*load_description(str(SAMPLES / "OA002" / "pass-write-input.yaml")))
    assert list(analysis.resources) == ["Order"]  # `Orders` is a lone plural list: unwrapped
    assert analysis.left_out == {"OrderSpec": "input"}
    assert [op.method for op in analysis.resources["Order"].write_ops] == ["post"]


def test_documentation_endpoints_are_set_apart_from_errors(baseline) -> None:  # type: ignore[no-untyped-def]
    report = _report(SAMPLES / "OA010" / "pass-api-docs.yaml", baseline)
    reasons = {r.requirement: (r.outcome, r.reason) for r in report.results}
    assert reasons["API-09"] == (
        "met",
        "1 of 1 operation returns RFC 9457 problem details (100 %); threshold 90 %; "
        "1 documentation or health endpoint set apart (GET /api-docs)",
    )


def test_file_content_is_judged_on_its_own(baseline) -> None:  # type: ignore[no-untyped-def]
    report = _report(SAMPLES / "OA006" / "pass-octet-stream-file.yaml", baseline)
    outcomes = {r.requirement: r.outcome for r in report.results}
    assert outcomes["OS-02"] == outcomes["DO-03"] == "met"  # */* on a 500 and a file: apart
    sample = Path(__file__).resolve().parents[1] / "samples/answers/bilagor"
    unnamed = _report(sample / "exempel-arende-openapi.yaml", baseline)
    assert _findings(unnamed, "OA006") == [
        (
            "not_verified",
            "1 file download names no file format (application/octet-stream), so whether the "
            "files are in an open format cannot be told",
        )
    ]


def test_lists_within_one_item_need_no_paging(baseline) -> None:  # type: ignore[no-untyped-def]
    report = _report(SAMPLES / "OA003" / "pass-nested-list.yaml", baseline)
    reasons = {r.requirement: (r.outcome, r.reason) for r in report.results}
    outcome, reason = reasons["API-11"]
    assert outcome == "met"
    assert reason.startswith("1 of 1 collection paginated, 1 filterable by change time")
    assert reason.endswith("1 list within one parent item not counted (Note)")


def test_long_name_lists_say_how_many_more(baseline) -> None:  # type: ignore[no-untyped-def]
    report = _report(SAMPLES / "OA003" / "fail.yaml", baseline)
    messages = " ".join(f.message for f in report.findings)
    assert not re.search(r"\(\+\d+\)", messages)


@pytest.mark.parametrize(
    "path", sorted(p for p in SAMPLES.glob("OA0*/*.yaml") if p.parent.name != "OA015")
)
def test_no_met_verdict_from_an_empty_measurement(path: Path, baseline) -> None:  # type: ignore[no-untyped-def]
    _assert_measured(_report(path, baseline))


@pytest.mark.skipif(not REAL.is_dir(), reason="the real descriptions are not checked out")
def test_no_met_verdict_from_an_empty_measurement_on_real_apis(baseline) -> None:  # type: ignore[no-untyped-def]
    for path in sorted(REAL.glob("*.*")):
        if path.suffix in (".json", ".yml", ".yaml"):
            _assert_measured(_report(path, baseline))


def test_counted_and_left_out_types_in_every_human_format(baseline) -> None:  # type: ignore[no-untyped-def]
    report = _report(SAMPLES / "OA002" / "pass-write-input.yaml", baseline)
    [export] = [d for d in report.dimensions if d.name == "export"]
    assert export.counts["types_counted"] == "Order"
    assert export.counts["types_left_out"] == (
        "OrderSpec (input to a type read or returned at the same path)"
    )
    for fmt in ("text", "html", "markdown"):
        out = render(report, fmt).replace("\\", "")  # type: ignore[arg-type]
        assert "resource types counted" in out and "OrderSpec (input to" in out, fmt
    swedish = _report(SAMPLES / "OA002" / "pass-write-input.yaml", baseline, "sv")
    [export] = [d for d in swedish.dimensions if d.name == "export"]
    assert export.counts["types_left_out"].startswith("OrderSpec (")


def test_an_object_with_its_own_id_is_not_a_page() -> None:
    """SS 12000's `Duty` has `id`, `meta` and an `assignmentRole` list: one duty, not a page."""
    from proccheck.loaders.openapi import build_index

    text = """
openapi: 3.0.3
info: {title: Duties, version: 1.0.0}
paths:
  /duties:
    get:
      responses:
        "200":
          description: All duties
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Duty"}}
  /duties/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: One duty
          content: {application/json: {schema: {$ref: "#/components/schemas/Duty"}}}
components:
  schemas:
    Duty:
      type: object
      properties:
        id: {type: string}
        meta: {type: object, properties: {modified: {type: string}}}
        assignmentRole: {type: array, items: {$ref: "#/components/schemas/Role"}}
    Role: {type: object, properties: {group: {type: string}}}
"""
    analysis = analyse(build_index(text, "duties.yaml"))
    assert list(analysis.resources) == ["Duty"]
    assert analysis.nested_lists == []


def test_an_oauth_url_alone_does_not_show_https(baseline) -> None:  # type: ignore[no-untyped-def]
    report = _report(SAMPLES / "OA011" / "fail-oauth-only.yaml", baseline)
    reasons = {r.requirement: r.outcome for r in report.results}
    assert reasons["API-10"] == "not_verified"


def test_a_schema_that_contains_itself_is_measured_not_recursed_forever(
    tmp_path: Path, baseline
) -> None:  # type: ignore[no-untyped-def]
    """A linked list (`Node.next: Node`) and a multipart part that refers back to its form: the
    APIs.guru corpus has both (AWS Cost Explorer ended in RecursionError)."""
    path = tmp_path / "recursive.json"
    path.write_text(
        '{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {"/nodes": {'
        '"get": {"responses": {"200": {"description": "ok", "content": {"application/json": '
        '{"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}}}},'
        '"post": {"requestBody": {"content": {"multipart/form-data": {"schema": '
        '{"$ref": "#/components/schemas/Node"}}}}, "responses": {"201": {"description": "ok"}}}}},'
        '"components": {"schemas": {"Node": {"type": "object", "properties": {'
        '"id": {"type": "string"}, "next": {"$ref": "#/components/schemas/Node"}}}}}}',
        encoding="utf-8",
    )
    report = _report(path, baseline)
    assert report.results and report.dimensions
