"""Probing many descriptions at once (issue 13, item 6): several sources, a folder (the OpenAPI
and Swagger files below it; other YAML/JSON skipped with a note), a list file (`--from-file`),
`-j N` in threads with the output in input order and the run's language and screen in every
thread, progress only on a terminal, and one summary table after the text reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult, QuietHandler, Serve

from proccheck.api import load_requirement_set, probe_many, probe_sources
from proccheck.errors import InputError
from proccheck.loaders.openapi import Fetching
from proccheck.model import Problem, RunResult
from proccheck.report.probe_summary import render_probe_summary, summary_rows

Cli = Callable[..., CliResult]

ITEMS = """\
openapi: 3.0.3
info: {title: Items, version: 1.0.0}
servers: [{url: "https://api.example.se/v1"}]
paths:
  /items:
    get:
      summary: List items
      responses:
        "200":
          description: The items
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Item"}}
  /items/{id}:
    get:
      summary: One item
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: The item
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Item"}
components:
  schemas:
    Item: {type: object, properties: {id: {type: string}}}
"""
EMPTY = '{"openapi": "3.1.0", "info": {"title": "Empty", "version": "0.1"}, "paths": {}}'
SWAGGER = json.dumps(
    {
        "swagger": "2.0",
        "info": {"title": "Old", "version": "2"},
        "paths": {"/x": {"get": {"responses": {"200": {"description": "ok"}}}}},
    }
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three descriptions below a folder, beside files that are not descriptions."""
    apis = tmp_path / "apis"
    (apis / "sub").mkdir(parents=True)
    (apis / "b-items.yaml").write_text(ITEMS, encoding="utf-8")
    (apis / "a-empty.json").write_text(EMPTY, encoding="utf-8")
    (apis / "sub" / "c-old.json").write_text(SWAGGER, encoding="utf-8")
    (apis / "ci.yml").write_text("steps:\n  - run: make\n", encoding="utf-8")
    (apis / "package.json").write_text('{"name": "x", "version": "1.0.0"}', encoding="utf-8")
    (apis / "README.md").write_text("# APIs\nopenapi: 3.0.0\n", encoding="utf-8")
    (apis / ".hidden.yaml").write_text(ITEMS, encoding="utf-8")
    return apis


def subjects(result: CliResult) -> list[str]:
    return [report["subject"]["path"] for report in json.loads(result.out)["reports"]]


def test_a_folder_probes_the_descriptions_below_it(cli: Cli, folder: Path) -> None:
    result = cli("probe", folder, "-f", "json")
    assert result.code in (0, 1), result.err
    assert subjects(result) == [
        str(folder / "a-empty.json"),
        str(folder / "b-items.yaml"),
        str(folder / "sub" / "c-old.json"),
    ]
    for skipped in ("ci.yml", "package.json"):
        assert f"note: {folder / skipped}: skipped: not an OpenAPI or Swagger description" in (
            result.err
        )
    assert "README.md" not in result.err and ".hidden" not in result.err


def test_sources_keep_the_order_given(cli: Cli, folder: Path) -> None:
    second, first = folder / "b-items.yaml", folder / "sub" / "c-old.json"
    result = cli("probe", first, second, first, "-f", "json")
    assert subjects(result) == [str(first), str(second)]  # the repeat once


def test_the_summary_follows_the_text_reports(cli: Cli, folder: Path) -> None:
    result = cli("probe", folder)
    assert result.code in (0, 1), result.err
    heading = result.out.index("summary of 3 API descriptions")
    assert result.out.rindex("requirement set: open-baseline") < heading
    table = result.out[heading:].splitlines()
    assert table[1].split()[:3] == ["source", "outcome", "score"]
    assert "worst findings" in table[1] and "exp" in table[1] and "auth" in table[1]
    names = ("a-empty.json", "b-items.yaml", "sub/c-old.json")
    for line, name in zip(table[2:5], names, strict=True):
        assert line.split()[0].endswith(name), line
    assert table[5].startswith("exp = export, imp = import")
    assert "[1/3]" not in result.err  # progress only on a terminal


def test_no_summary_for_one_source_nor_in_other_formats(cli: Cli, folder: Path) -> None:
    assert "summary of" not in cli("probe", folder / "b-items.yaml").out
    assert "summary of" not in cli("probe", folder, "-f", "markdown").out


def test_from_file_lists_sources_relative_to_the_list(
    cli: Cli, folder: Path, tmp_path: Path, serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Spec(QuietHandler):
        def do_GET(self) -> None:
            self.reply(200, ITEMS.encode(), {"Content-Type": "application/yaml"})

    monkeypatch.setenv("PROCCHECK_CACHE_DIR", str(tmp_path / "cache"))
    url = serve(Spec) + "/openapi.yaml"
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "apis.txt").write_text(
        "# the vendors' descriptions\n"
        "\n"
        "../apis/b-items.yaml   # relative to this list\n"
        f"{url}\n"
        f"  {folder / 'a-empty.json'}  \n"
        "../apis/sub\n",
        encoding="utf-8",
    )
    result = cli("probe", "--from-file", lists / "apis.txt", "--allow-private", "-f", "json")
    assert result.code in (0, 1), result.err
    assert subjects(result) == [
        str(lists / ".." / "apis" / "b-items.yaml"),
        url,
        str(folder / "a-empty.json"),
        str(lists / ".." / "apis" / "sub" / "c-old.json"),
    ]


def test_bad_lists_and_folders_are_input_errors(cli: Cli, tmp_path: Path) -> None:
    missing = cli("probe", "--from-file", tmp_path / "nope.txt")
    assert missing.code == 2 and "list of sources not found" in missing.err
    (tmp_path / "stdin.txt").write_text("-\n", encoding="utf-8")
    dash = cli("probe", "--from-file", tmp_path / "stdin.txt")
    assert dash.code == 2 and "stdin.txt:1: standard input (-) cannot be listed" in dash.err
    (tmp_path / "none").mkdir()
    (tmp_path / "none" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    empty = cli("probe", tmp_path / "none")
    assert empty.code == 2 and "no OpenAPI or Swagger description" in empty.err
    nothing = cli("probe")
    assert nothing.code == 2 and "give a description to probe" in nothing.err


def test_jobs_give_the_same_output_as_one_at_a_time(cli: Cli, folder: Path) -> None:
    for number in range(5):
        (folder / f"items-{number}.yaml").write_text(
            ITEMS.replace("title: Items", f"title: Items {number}"), encoding="utf-8"
        )
    one = cli("probe", folder, "-j", "1")
    four = cli("probe", folder, "-j", "4")
    assert one.code == four.code and one.code in (0, 1)
    assert four.out == one.out and "summary of 8 API descriptions" in one.out


def test_language_and_screen_hold_in_every_thread(cli: Cli, folder: Path) -> None:
    sources = [folder / "b-items.yaml", folder / "missing.yaml", folder / "a-empty.json"]
    plain = cli("probe", *sources, "-j", "3", "-f", "json")
    codes = {f["check"] for r in json.loads(plain.out)["reports"] for f in r["findings"]}
    dropped = sorted(codes)[0]
    result = cli("probe", *sources, "-j", "3", "--lang", "sv", "--ignore", dropped, "-f", "json")
    assert result.code == 2  # one source could not be read
    assert f"{folder / 'missing.yaml'}: filen finns inte" in result.err
    reports = json.loads(result.out)["reports"]
    assert [r["lang"] for r in reports] == ["sv", "sv"]
    assert all(f["check"] != dropped for r in reports for f in r["findings"])


def test_probe_many_reports_progress_and_problems_in_order(folder: Path) -> None:
    requirement_set = load_requirement_set("builtin:open-baseline")
    sources, skipped = probe_sources([str(folder), str(folder / "gone.yaml")])
    assert [Path(s).name for s in sources] == [
        "a-empty.json",
        "b-items.yaml",
        "c-old.json",
        "gone.yaml",
    ]
    assert [Path(s).name for s in skipped] == ["ci.yml", "package.json"]
    seen: list[tuple[int, int, str]] = []
    results = probe_many(
        sources,
        requirement_set,
        "en",
        Fetching(),
        jobs=2,
        progress=lambda done, total, source: seen.append((done, total, source)),
    )
    assert isinstance(results[3], Problem) and results[3].path == sources[3]
    assert (
        [getattr(r, "report", None) and r.report.subject.path for r in results[:3]]
        == list(  # type: ignore[union-attr]
            sources[:3]
        )
    )
    assert sorted(done for done, _total, _source in seen) == [1, 2, 3, 4]
    assert {total for _done, total, _source in seen} == {4}
    assert sorted(source for _done, _total, source in seen) == sorted(sources)


def test_summary_rows_include_sources_that_could_not_be_read(folder: Path) -> None:
    requirement_set = load_requirement_set("builtin:open-baseline")
    results = probe_many([str(folder / "b-items.yaml"), "gone.yaml"], requirement_set, "sv")
    reports = tuple(r.report for r in results if not isinstance(r, Problem))
    problems = tuple(r for r in results if isinstance(r, Problem))
    run = RunResult(reports=reports, problems=problems)
    rows = summary_rows(run, "sv")
    assert [row.source for row in rows] == [str(folder / "b-items.yaml"), "gone.yaml"]
    assert rows[0].score is not None and rows[0].dimensions
    assert rows[1].score is None and rows[1].worst == "filen finns inte"
    text = render_probe_summary(run, "sv")
    assert "gone.yaml" in text and "-" in text.splitlines()[-2]
    assert render_probe_summary(RunResult(reports=reports), "sv") == ""  # one source: no table


def test_probe_sources_refuses_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="the folder holds no"):
        probe_sources([str(tmp_path)])


def test_progress_on_stderr_when_it_is_a_terminal(
    cli: Cli, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    cli("--version")  # the capture is in place from here on
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    result = cli("probe", folder, "-j", "2")
    lines = [line for line in result.err.splitlines() if line.startswith("[")]
    assert sorted(line.split("]")[0] for line in lines) == ["[1/3", "[2/3", "[3/3"]
    assert "[1/3]" not in result.out
