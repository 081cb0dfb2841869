"""The OpenAPI index, the analysis behind the scores, and `probe_detailed` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import QuietHandler, Serve

from proccheck.api import probe_detailed
from proccheck.checks.api_analysis import analyse, media_class
from proccheck.errors import InputError, ProbeError
from proccheck.loaders.openapi import Fetching, build_index, load_description
from proccheck.model import Report
from proccheck.requirements import load_requirement_set

SAMPLES = Path(__file__).resolve().parent / "check_samples"
GOOD = SAMPLES / "OA001" / "pass.yaml"
PLAIN = SAMPLES / "OA003" / "fail.yaml"
REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "openapi-real"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fetches in these tests must not touch the user's own cache folder."""
    monkeypatch.setenv("PROCCHECK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def baseline():  # type: ignore[no-untyped-def]
    return load_requirement_set("builtin:open-baseline")


def doc(**extra: object) -> str:
    base: dict[str, object] = {"openapi": "3.0.3", "info": {"title": "T", "version": "1.0.0"}}
    base.update(extra)
    return json.dumps(base)


# --- version detection and bad input ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"openapi": "4.0.0", "info": {}, "paths": {}}', "unsupported OpenAPI version '4.0.0'"),
        ('{"openapi": "2.0", "info": {}, "paths": {}}', "unsupported OpenAPI version"),
        ('{"swagger": "1.2"}', "unsupported Swagger version '1.2'"),
        ('{"swaggerVersion": "1.2", "apis": []}', "Swagger 1.2"),
        ('{"name": "not an API"}', "not an OpenAPI description"),
        ("[1, 2, 3]", "top level is not a mapping"),
        ("just a sentence", "top level is not a mapping"),
    ],
)
def test_not_openapi_is_refused(text: str, message: str) -> None:
    with pytest.raises(ProbeError, match=message):
        build_index(text, "x.json")


@pytest.mark.parametrize(
    ("declared", "version"), [("3.0.3", "3.0"), ("3.1.0", "3.1"), ("3.0", "3.0")]
)
def test_versions(declared: str, version: str) -> None:
    assert build_index(doc(openapi=declared, paths={}), "x").version == version


def test_yaml_unquoted_version_number() -> None:
    index = build_index("openapi: 3.0\ninfo: {title: T, version: 1.0.0}\npaths: {}\n", "x.yaml")
    assert index.version == "3.0"


def test_swagger2() -> None:
    index = build_index((SAMPLES / "OA001" / "fail-swagger2.json").read_text(), "s.json")
    assert index.version == "2.0"
    assert index.servers == ["https://api.example.se"]
    [op] = index.operations
    assert op.responses[0].media[0].media_type == "application/json"
    assert "Case" in analyse(index).resources


def test_bad_yaml_and_alias_bomb_are_input_errors() -> None:
    with pytest.raises(InputError):
        build_index("openapi: 3.0.0\ninfo: [unclosed\n", "x.yaml")
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    with pytest.raises(InputError, match="alias"):
        build_index(bomb, "bomb.yaml")


def test_deep_nesting_refused() -> None:
    with pytest.raises(InputError, match="nesting"):
        build_index("[" * 5000 + "]" * 5000, "deep.json")


# --- index --------------------------------------------------------------------------------------


def test_index_operations_and_path_level_parameters() -> None:
    index = build_index(GOOD.read_text(), "good.yaml")
    ops = {(op.method, op.path): op for op in index.operations}
    assert set(ops) == {("get", "/cases"), ("post", "/cases"), ("get", "/cases/{id}"),
                        ("put", "/cases/{id}")}  # fmt: skip
    item = ops[("get", "/cases/{id}")]
    assert [p.name for p in item.parameters] == ["id"]
    assert item.pointer == "/paths/~1cases~1{id}/get"
    assert index.line_of(item.pointer) is not None  # YAML sources carry line numbers
    errors = [r for r in item.responses if r.status == "404"]
    assert errors[0].media[0].media_type == "application/problem+json"  # via a $ref'd response
    assert index.webhooks == 1
    assert list(index.security_schemes) == ["oidc"]


def test_operation_parameter_overrides_path_parameter() -> None:
    text = doc(
        paths={
            "/a/{id}": {
                "parameters": [{"name": "id", "in": "path", "description": "path level"}],
                "get": {
                    "parameters": [{"name": "id", "in": "path", "description": "op level"}],
                    "responses": {},
                },
            }
        }
    )
    [op] = build_index(text, "x").operations
    assert [p.description for p in op.parameters] == ["op level"]


def test_refs_counted_not_multiplied() -> None:
    missing = {"$ref": "#/components/schemas/Gone"}
    paths = {
        f"/p{i}": {"get": {"responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": missing}}}}}}
        for i in range(500)
    }  # fmt: skip
    index = build_index(
        doc(
            paths=paths,
            components={
                "schemas": {
                    "A": {"$ref": "#/components/schemas/B"},
                    "B": {"$ref": "#/components/schemas/A"},
                    "R": {"$ref": "https://example.com/schema.json"},
                    "Tree": {
                        "properties": {"kids": {"items": {"$ref": "#/components/schemas/Tree"}}}
                    },
                }
            },
        ),
        "x",
    )
    assert index.missing_refs.count == 500
    assert len(index.missing_refs.examples) == 5
    assert index.cyclic_refs.count == 2
    assert index.remote_refs.count == 1
    # a recursive schema is legal and not a problem
    assert all("Tree" not in target for _, target in index.cyclic_refs.examples)
    from check_runner import findings_of

    findings = findings_of("OA001", index)
    assert sorted(f.message.split()[1] for f in findings if "$ref" in f.message) == [
        "$ref", "$refs", "$refs"
    ]  # one finding per kind, each with a count (and "1 $ref", not "1 $refs")  # fmt: skip
    assert any(f.message.startswith("500 ") for f in findings)


def test_ref_with_escaped_pointer() -> None:
    text = doc(
        paths={"/a": {"$ref": "#/x-shared/paths~1a"}},
        **{"x-shared": {"paths/a": {"get": {"summary": "via ref", "responses": {}}}}},
    )
    [op] = build_index(text, "x").operations
    assert op.summary == "via ref"


@pytest.mark.parametrize(
    ("media_type", "expected"),
    [
        ("application/json", "open"),
        ("application/json; charset=utf-8", "open"),
        ("application/problem+json", "open"),
        ("text/csv", "open"),
        ("application/vnd.oasis.opendocument.spreadsheet", "open"),
        ("application/vnd.acme.case+json", "vendor"),
        ("application/octet-stream", "opaque"),
        ("*/*", "opaque"),
        ("application/vnd.ms-excel", "opaque"),
    ],
)
def test_media_class(media_type: str, expected: str) -> None:
    assert media_class(media_type) == expected


def test_analysis_of_plain_list() -> None:
    analysis = analyse(*load_description(str(PLAIN)))
    case = analysis.resources["Case"]
    assert case.exportable and not case.paginated and not case.changed_since
    assert not case.write_ops
    assert analysis.dimensions["export"].score == 50
    assert analysis.dimensions["transport"].counts["http"] == 1
    assert 0 <= analysis.overall < 50


def test_paged_wrapper_and_write_coverage() -> None:
    analysis = analyse(*load_description(str(GOOD)))
    case = analysis.resources["Case"]
    assert case.exportable and case.paginated and case.changed_since and case.write_ops
    assert "CasePage" not in analysis.resources  # the wrapper is not a resource type
    assert analysis.overall == 100


# --- probe_detailed -------------------------------------------------------------------------------


def outcomes(report: Report) -> dict[str, str]:
    return {r.requirement: r.outcome for r in report.results}


def test_probe_good_description(baseline) -> None:  # type: ignore[no-untyped-def]
    report = probe_detailed(str(GOOD), baseline, "en").report
    assert report.kind == "probe" and report.score == 100
    got = outcomes(report)
    assert "DO-01" not in got  # not informed by the probe: left out
    assert got["API-04"] == "met" and got["API-11"] == "met" and got["API-03"] == "met"
    assert got["API-01"] == "not_verified"  # a file: publication without NDA not visible
    assert got["API-07"] == "not_verified" and got["API-06"] == "not_verified"
    assert not [f for f in report.findings if f.severity != "note"]


def test_probe_plain_list_fails(baseline) -> None:  # type: ignore[no-untyped-def]
    report = probe_detailed(str(PLAIN), baseline, "sv").report
    got = outcomes(report)
    assert got["API-10"] == "not_met" and got["API-11"] == "not_met"
    assert got["API-03"] == "not_verified"  # no auth declared is never "met"
    reasons = {r.requirement: r.reason for r in report.results}
    assert "paginering" in reasons["API-11"]  # Swedish reasons
    finding = next(f for f in report.findings if f.check == "OA011")
    assert finding.location.pointer == "/servers/0/url" and finding.location.line == 4
    assert finding.requirement == "API-10"


def test_probe_stdin(baseline) -> None:  # type: ignore[no-untyped-def]
    report = probe_detailed("-", baseline, "en", stdin_text=GOOD.read_text()).report
    assert report.subject.path == "<stdin>" and report.score == 100


def test_probe_missing_file(baseline) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="file not found"):
        probe_detailed("nope/missing.yaml", baseline, "en")


class _Spec(QuietHandler):
    def do_GET(self) -> None:
        self.reply(200, GOOD.read_bytes())


@pytest.fixture(scope="module")
def spec_server(serve: Serve) -> str:
    return serve(_Spec) + "/openapi.yaml"


def test_probe_url(spec_server: str, baseline) -> None:  # type: ignore[no-untyped-def]
    report = probe_detailed(spec_server, baseline, "en", Fetching(allow_private=True)).report
    assert report.subject.path == spec_server and report.score == 100
    # fetched with --allow-private: not evidence of public publication
    assert outcomes(report)["API-01"] == "not_verified"
    with pytest.raises(ProbeError, match="non-public"):
        probe_detailed(spec_server, baseline, "en")


@pytest.mark.skipif(not REAL.is_dir(), reason="real-world corpus not present")
def test_real_swedish_descriptions(baseline) -> None:  # type: ignore[no-untyped-def]
    files = sorted(p for p in REAL.iterdir() if p.suffix in (".json", ".yaml", ".yml"))
    assert len(files) >= 14
    for path in files:
        report = probe_detailed(str(path), baseline, "sv").report
        assert report.score is not None and 0 <= report.score <= 100
        assert len(report.findings) < 40, path.name  # aggregated, not one per operation


# --- no verdict without a measurement (issue 13) --------------------------------------------------

HEALTH_ONLY = SAMPLES / "OA005" / "fail-no-resources.yaml"  # only GET /health returning a string
NO_OPERATIONS = SAMPLES / "OA008" / "fail-no-operations.yaml"  # paths: {}
NOTHING_TO_MEASURE = ("API-04", "API-05", "API-11", "API-12", "DO-02")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_no_resource_types_is_never_met(baseline, lang: str) -> None:  # type: ignore[no-untyped-def]
    report = probe_detailed(str(HEALTH_ONLY), baseline, lang).report
    got = outcomes(report)
    for requirement in NOTHING_TO_MEASURE:
        assert got[requirement] != "met", requirement
    assert got["API-05"] == "not_verified" and got["API-11"] == "not_verified"
    assert got["API-12"] == "not_met"  # operations without webhooks: measured, and missing
    assert got["API-10"] == "met"  # a real pass stays met, with its numbers in words
    reasons = {r.requirement: r.reason for r in report.results}
    assert reasons["API-10"] == (
        "1 of 1 server or OAuth URL uses HTTPS"
        if lang == "en"
        else "1 av 1 server- eller OAuth-adress använder HTTPS"
    )


def test_no_operations_is_never_met(baseline) -> None:  # type: ignore[no-untyped-def]
    report = probe_detailed(str(NO_OPERATIONS), baseline, "en").report
    got = outcomes(report)
    assert "met" not in got.values(), got
    for requirement in (*NOTHING_TO_MEASURE, "API-03", "API-09", "API-10", "DO-03", "OS-02"):
        assert got[requirement] == "not_verified", requirement
    reasons = {r.requirement: r.reason for r in report.results}
    assert "no operations and no webhooks" in reasons["API-12"]
    assert "no operations" in reasons["API-09"]


def test_met_reasons_state_the_numbers(baseline) -> None:  # type: ignore[no-untyped-def]
    reasons = {
        r.requirement: r.reason for r in probe_detailed(str(GOOD), baseline, "en").report.results
    }
    assert reasons["API-04"] == "1 of 1 resource type exportable (100 %); threshold 90 %"
    assert reasons["API-05"] == (
        "1 of 1 resource type can be created or updated (100 %); threshold 50 %"
    )
    assert reasons["API-09"] == (
        "4 of 4 operations return RFC 9457 problem details (100 %); threshold 90 %"
    )
    assert reasons["API-12"] == "1 webhook, callback or subscription endpoint described"
    assert reasons["API-03"] == "1 of 1 security scheme standard (openIdConnect)"
    assert reasons["DO-03"].startswith(
        "6 of 6 media types open, 0 vendor-specific, 0 opaque; structured open formats: "
        "application/json; not counted as data formats: 0 file content, 5 on error responses"
    )
    assert reasons["API-11"].startswith(
        "1 of 1 collection paginated, 1 filterable by change time (paginated: 100 %, threshold 90 %)"
    )
    swedish = {
        r.requirement: r.reason for r in probe_detailed(str(GOOD), baseline, "sv").report.results
    }
    assert swedish["API-04"].startswith("1 av 1 resurstyp kan exporteras (100 %)")
    assert swedish["API-12"] == "1 webhook, callback eller prenumerationsadress beskriven"


SAMPLE_API = (
    Path(__file__).resolve().parents[1] / "samples/answers/bilagor/exempel-arende-openapi.yaml"
)
SAMPLE_VERDICTS = {
    **dict.fromkeys(("DO-02", "API-02", "API-03", "API-04"), "not_met"),
    **dict.fromkeys(("API-09", "API-12", "API-13"), "not_met"),
    **dict.fromkeys(("DO-03", "OS-02"), "not_verified"),
    **dict.fromkeys(("DO-04", "OS-03", "API-01", "API-05", "API-06"), "not_verified"),
    **dict.fromkeys(("API-07", "API-08"), "not_verified"),
    **dict.fromkeys(("API-10", "API-11"), "met"),
}
"""Its verdicts after issue 13: it has resource types, operations and servers, so the rule "no
verdict without a measurement" changes none of them. DO-03 and OS-02 are not verified: the data
is JSON, but a document download (`GET /cases/{id}/documents/{documentId}`) is a bare
`application/octet-stream` with no schema, which names no file format (the description calls it
the vendor's archive format): file content judged on its own, to be read by hand, neither
failing the data formats nor passing unseen."""


def test_sample_description_keeps_its_verdicts(baseline) -> None:  # type: ignore[no-untyped-def]
    got = outcomes(probe_detailed(str(SAMPLE_API), baseline, "en").report)
    assert got == SAMPLE_VERDICTS


# --- a resource model you can defend, formats judged where they matter (issue 13, items 2-3) --


def _probe_outcome(path: Path, baseline, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    report = probe_detailed(str(path), baseline, "en").report
    return [f.outcome for f in report.findings if f.check == code]


def test_inputs_envelopes_and_errors_are_not_resource_types() -> None:
    analysis = analyse(*load_description(str(SAMPLES / "OA002" / "pass-request-form.yaml")))
    assert list(analysis.resources) == ["Case"]
    assert analysis.left_out == {
        "AttachmentForm": "form input",
        "CaseResponse": "envelope",
        "Status": "request-only",
    }
    assert analysis.resources["Case"].exportable
    envelopes = analyse(*load_description(str(SAMPLES / "OA005" / "pass-envelopes.yaml")))
    assert list(envelopes.resources) == ["Case"]
    assert envelopes.left_out == {"CaseResponse": "envelope", "PagingMeta": "paging object"}


def test_only_non_exportable_type_is_a_request_form_passes_oa002(baseline) -> None:  # type: ignore[no-untyped-def]
    path = SAMPLES / "OA002" / "pass-request-form.yaml"
    assert _probe_outcome(path, baseline, "OA002") == []
    reasons = {
        r.requirement: r.reason for r in probe_detailed(str(path), baseline, "en").report.results
    }
    assert reasons["API-04"] == (
        "1 of 1 resource type exportable (100 %); threshold 90 %; 3 schemas not counted as resource types: "
        "AttachmentForm (form input), CaseResponse (envelope), Status (request-only)"
    )


def test_types_that_cannot_be_read_back_still_fail(baseline) -> None:  # type: ignore[no-untyped-def]
    assert _probe_outcome(SAMPLES / "OA002" / "fail-item-only.yaml", baseline, "OA002") == [
        "not_met"
    ]
    assert _probe_outcome(SAMPLES / "OA002" / "fail.yaml", baseline, "OA002") == ["not_met"]
    # POST of a type never returned nor addressed by an id: request-only, nothing to judge
    assert _probe_outcome(SAMPLES / "OA002" / "fail-write-only.yaml", baseline, "OA002") == [
        "not_verified"
    ]


def test_file_download_and_error_media_do_not_close_the_formats(baseline) -> None:  # type: ignore[no-untyped-def]
    path = SAMPLES / "OA006" / "pass-file-download.yaml"
    analysis = analyse(*load_description(str(path)))
    assert [m for m, _unused in analysis.file_media] == ["application/octet-stream"]
    assert analysis.error_media == 1  # the */* on the 500
    assert not analysis.media["opaque"]
    assert analysis.dimensions["formats"].score == 100
    assert _probe_outcome(path, baseline, "OA006") == []
    got = outcomes(probe_detailed(str(path), baseline, "en").report)
    assert got["OS-02"] == "met" and got["DO-03"] == "met"


@pytest.mark.parametrize("name", ["fail.yaml", "fail-wildcard-data.yaml"])
def test_opaque_data_formats_still_fail_oa006(baseline, name: str) -> None:  # type: ignore[no-untyped-def]
    assert "not_met" in _probe_outcome(SAMPLES / "OA006" / name, baseline, "OA006")


def test_binary_on_a_data_path_is_not_file_content() -> None:
    text = doc(
        paths={
            "/cases": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "cases",
                            "content": {"application/octet-stream": {}},
                        }
                    }
                }
            }
        }
    )
    analysis = analyse(build_index(text, "t.json"))
    assert not analysis.file_media and len(analysis.media["opaque"]) == 1
