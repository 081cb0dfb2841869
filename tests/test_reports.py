"""Formatters: golden files, schema validation, and inert output for hostile vendor text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from adversarial import inert
from conftest import SAMPLES
from report_fixture import HOSTILE, fixture_run

from proccheck.report import FORMATS, SUFFIXES, get_renderer
from proccheck.resources import data_dir

GOLDEN = Path(__file__).parent / "golden"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(fmt: str, lang: str, update_golden: bool) -> None:
    rendered = get_renderer(fmt)(fixture_run(lang))
    golden = GOLDEN / f"report.{lang}{SUFFIXES[fmt]}"
    if update_golden:
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), "run pytest --update-golden once"
    assert rendered == golden.read_text(encoding="utf-8"), (
        f"{golden.name}: rerun with --update-golden if intended"
    )


def test_rendering_is_deterministic() -> None:
    for fmt in FORMATS:
        assert get_renderer(fmt)(fixture_run()) == get_renderer(fmt)(fixture_run())


def validate_report_json(text: str) -> dict[str, object]:
    """Every JSON report in the tests goes through this: schema-valid and free of NaN."""
    schema = json.loads((data_dir("schemas") / "report.schema.json").read_text(encoding="utf-8"))
    data = json.loads(text, parse_constant=lambda c: pytest.fail(f"JSON contains {c}"))
    jsonschema.validate(data, schema)
    return data  # type: ignore[no-any-return]


def test_json_matches_schema_and_contract() -> None:
    data = validate_report_json(get_renderer("json")(fixture_run()))
    report = data["reports"][0]  # type: ignore[index]
    assert set(report) >= {"kind", "subject", "requirement_set", "outcome", "results", "findings"}
    finding = report["findings"][0]
    assert finding["location"] == {"path": "samples/spec/kravspec.md", "line": 12, "column": 3}
    assert data["problems"][0]["message"] == "no recognisable header row"  # type: ignore[index]


def test_sarif_validates_against_oasis_schema() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(get_renderer("sarif")(fixture_run()))
    jsonschema.Draft7Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "note", "note"]
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/")
        fingerprint = result["partialFingerprints"]["proccheckFinding/v1"]
        assert re.fullmatch(r"[0-9a-f]{32}", fingerprint), fingerprint  # a hash, not the place
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules)


def test_sarif_fingerprint_ignores_line_shift() -> None:
    from proccheck.decisionformat import fingerprint

    finding = fixture_run().reports[0].findings[0]
    moved = finding.model_copy(
        update={"location": finding.location.model_copy(update={"line": 99})}
    )
    assert fingerprint(finding) == fingerprint(moved)


def test_junit_parses_strictly_and_counts() -> None:
    root = ET.fromstring(get_renderer("junit")(fixture_run()).encode("utf-8"))
    suites = root.findall("testsuite")
    assert suites[0].get("failures") == "1" and suites[0].get("skipped") == "2"
    assert suites[1].get("skipped") == "1"
    assert suites[2].get("errors") == "1"
    failure = suites[0].find("testcase/failure")
    assert failure is not None and "bör" in (failure.text or "")


def test_text_has_no_terminal_controls() -> None:
    text = get_renderer("text")(fixture_run())
    assert "\x1b" not in text and "\x07" not in text and "\x00" not in text
    assert not re.search(r"(?m)^\s*::", text)
    assert "4 requirements: 1 not met, 1 not verified, 1 met, 1 not applicable" in text


def test_colour_only_when_asked() -> None:
    from proccheck.report.text import render_color

    assert "\x1b[31m" in render_color(fixture_run())


def test_html_is_inert_and_self_contained() -> None:
    html = get_renderer("html")(fixture_run())
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html
    assert "href" not in html  # no link at all, so no javascript: link
    assert "<a " not in html and "src=" not in html and "<link" not in html
    assert "\x1b" not in html and "\x00" not in html
    assert "@media print" in html


def test_markdown_is_inert_and_bounded() -> None:
    md = get_renderer("markdown")(fixture_run())
    assert "<script>" not in md and "](javascript" not in md
    assert "http://" not in md  # autolinks broken
    assert "\x1b" not in md
    big = fixture_run()
    many = big.reports[1].model_copy(update={"findings": big.reports[1].findings * 400})
    huge = big.model_copy(update={"reports": (big.reports[0], many)})
    text = get_renderer("markdown")(huge)
    assert len(text) < 65_000 and "left out" in text


def test_hostile_text_is_present_but_neutralised() -> None:
    assert "<script>" in HOSTILE  # the fixture really is hostile
    text = get_renderer("text")(fixture_run())
    assert "alert(1)" in text  # still shown to the reader, as text


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)
def test_html_renders_in_headless_chromium(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(get_renderer("html")(fixture_run("sv")), encoding="utf-8")
    shot = tmp_path / "shot.png"
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1100,1400",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shot.exists() and shot.stat().st_size > 10_000, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    assert not console, console


# --- SARIF artifact URIs wherever the file is ---------------------------------------------------

_URI_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def _artifacts(log: dict[str, object]) -> list[dict[str, str]]:
    run = log["runs"][0]  # type: ignore[index]
    return [
        location["physicalLocation"]["artifactLocation"]
        for result in run["results"]
        for location in result["locations"]
    ]


def test_sarif_uris_inside_and_outside_the_working_directory(
    cli: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from urllib.parse import unquote, urlsplit

    work = tmp_path / "arbete"
    (work / "underlag").mkdir(parents=True)
    outside = tmp_path / "andra filer" / "kravspec å.md"
    outside.parent.mkdir()
    text = "# Krav\n\nK1. Leverantören bör kunna exportera data om möjligt.\n"
    (work / "underlag" / "kravspec.md").write_text(text, encoding="utf-8")
    outside.write_text(text, encoding="utf-8")
    monkeypatch.chdir(work)
    out = work / "out.sarif"
    result = cli(  # type: ignore[operator]
        "spec", "check", "underlag/kravspec.md", outside, "../andra filer/kravspec å.md",
        "-f", f"sarif:{out}", "-q",
    )  # fmt: skip
    assert result.code in (0, 1), result.err
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    base = log["runs"][0]["originalUriBaseIds"]
    assert base == {"%SRCROOT%": {"uri": work.resolve().as_uri() + "/"}}
    assert base["%SRCROOT%"]["uri"].startswith("file:///")
    artifacts = _artifacts(log)
    inside = {"uri": "underlag/kravspec.md", "uriBaseId": "%SRCROOT%"}
    absolute = {"uri": outside.resolve().as_uri()}
    assert inside in artifacts and absolute in artifacts
    assert all(a in (inside, absolute) for a in artifacts), artifacts
    assert "%20" in absolute["uri"] and "%C3%A5" in absolute["uri"]  # percent-encoded
    for artifact in artifacts:
        assert _URI_CHARACTERS.fullmatch(artifact["uri"]), artifact
    assert Path(unquote(urlsplit(absolute["uri"]).path)) == outside.resolve()


@pytest.mark.parametrize(
    ("path", "root", "expected"),
    [
        (
            "samples/spec/kravspec.md",
            None,
            {"uri": "samples/spec/kravspec.md", "uriBaseId": "%SRCROOT%"},
        ),
        (
            "Mina krav/spec å.md",
            None,
            {"uri": "Mina%20krav/spec%20%C3%A5.md", "uriBaseId": "%SRCROOT%"},
        ),
        ("a:b#c.md", None, {"uri": "a%3Ab%23c.md", "uriBaseId": "%SRCROOT%"}),
        ("/srv/anbud/svar 1.xlsx", None, {"uri": "file:///srv/anbud/svar%201.xlsx"}),
        ("../anbud/svar.xlsx", "/home/k/arbete", {"uri": "file:///home/k/anbud/svar.xlsx"}),
        ("../anbud/svar.xlsx", None, {"uri": "../anbud/svar.xlsx", "uriBaseId": "%SRCROOT%"}),
        ("C:/Users/k/krav.docx", None, {"uri": "file:///C:/Users/k/krav.docx"}),
        (
            "https://api.example.se/openapi.yaml?v=2",
            None,
            {"uri": "https://api.example.se/openapi.yaml?v=2"},
        ),
        ("<stdin>", None, {"uri": "%3Cstdin%3E"}),
    ],
)
def test_sarif_artifact_location(path: str, root: str | None, expected: dict[str, str]) -> None:
    from pathlib import PurePosixPath

    from proccheck.report.sarif import artifact_location

    assert artifact_location(path, PurePosixPath(root) if root else None) == expected


def test_sarif_keeps_a_probed_url(serve: object) -> None:
    from proccheck.api import probe_detailed
    from proccheck.loaders.openapi import Fetching
    from proccheck.model import RunResult
    from proccheck.report.sarif import render
    from proccheck.requirements import load_requirement_set

    description = (Path(__file__).parent.parent / "samples" / "answers" / "bilagor").glob("*.yaml")
    body = next(iter(description)).read_bytes()

    from conftest import QuietHandler

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            self.reply(200, body, {"Content-Type": "application/yaml"})

    url = serve(Handler) + "/openapi.yaml"  # type: ignore[operator]
    chosen = load_requirement_set("builtin:open-baseline")
    report = probe_detailed(url, chosen, "en", Fetching(allow_private=True, cache="off")).report
    log = json.loads(render(RunResult(reports=(report,)), root=Path.cwd()))
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    artifacts = _artifacts(log)
    assert artifacts and all(a == {"uri": url} for a in artifacts), artifacts


# --- issue 12: math, URIs and placeholders from vendor text -------------------------------------


def _hostile_run(text: str) -> object:
    run = fixture_run()
    answers = run.reports[1]
    finding = answers.findings[0].model_copy(update={"message": text, "evidence": text})
    result = answers.results[0].model_copy(update={"reason": text})
    report = answers.model_copy(update={"findings": (finding,), "results": (result,)})
    return run.model_copy(update={"reports": (report,)})


def test_markdown_dollars_are_not_math() -> None:
    from proccheck.report.markdown import md

    assert md("costs $5 and $6") == r"costs \$5 and \$6"
    assert md("$$x^2$$") == r"\$\$x^2\$\$"
    text = get_renderer("markdown")(_hostile_run("price $x + y$ per $$n$$"))  # type: ignore[arg-type]
    assert re.search(r"(?<!\\)\$", text) is None, "an unescaped $ renders as math on GitHub"
    assert r"price \$x \+ y\$ per \$\$n\$\$" in text


def test_comparison_markdown_dollars_are_not_math() -> None:
    from proccheck.report.matrix import _md

    assert _md("$a$") == r"\$a\$"


def test_sarif_message_braces_are_not_placeholders() -> None:
    log = json.loads(get_renderer("sarif")(_hostile_run("value {0} and {1} }{")))  # type: ignore[arg-type]
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    message = log["runs"][0]["results"][0]["message"]
    assert "arguments" not in message
    # SARIF 2.1.0 §3.11.5: outside placeholders `{` and `}` are written `{{` and `}}`
    assert "value {{0}} and {{1}} }}{{" in message["text"]
    assert re.search(r"(?<!\{)\{\d+\}(?!\})", message["text"]) is None
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert all("{" not in n["message"]["text"].replace("{{", "") for n in notes)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://api.example.se/v1/openapi.yaml", "https://api.example.se/v1/openapi.yaml"),
        ("https://h.se/a%20b/c?x=1&y=%C3%A5#f", "https://h.se/a%20b/c?x=1&y=%C3%A5#f"),
        ("https://h.se/mina krav/å.yaml", "https://h.se/mina%20krav/%C3%A5.yaml"),
        ("https://h.se/100%/x.yaml", "https://h.se/100%25/x.yaml"),
        ("https://h.se/x.yaml#a#b", "https://h.se/x.yaml#a%23b"),
        ("https://h.se/x?q=a b|c", "https://h.se/x?q=a%20b%7Cc"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("A://[", "A://%5B"),  # urlsplit refuses a bracketed host that is no address
        ("http://[x]/a b", "http://%5Bx%5D/a%20b"),
    ],
)
def test_sarif_url_is_a_valid_uri(url: str, expected: str) -> None:
    from proccheck.report.sarif import artifact_location

    assert artifact_location(url) == {"uri": expected}
    assert _URI_CHARACTERS.fullmatch(expected)


def test_github_annotations_from_the_cli(cli: Callable[..., Any]) -> None:
    result = cli(
        "spec", "check", SAMPLES / "spec" / "kravspecifikation-arendehantering.md", "-f", "github"
    )
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any("kravspecifikation-arendehantering.md,line=42" in line for line in lines)
    inert.check_github(result.out)


def test_sarif_category_names_the_command() -> None:
    log = json.loads(get_renderer("sarif")(fixture_run()))
    assert log["runs"][0]["automationDetails"] == {"id": "proccheck/answers-spec/"}
