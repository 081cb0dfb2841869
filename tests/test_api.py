"""The library face (proccheck/api.py, re-exported by `proccheck`): the README's example runs as
written, every function takes str and Path, its defaults, a loaded set, and typed errors."""

from __future__ import annotations

import ast
import doctest
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SAMPLES

import proccheck
from proccheck import api, errors

SPEC = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"
SPEC_YAML = SAMPLES / "spec" / "kravspecifikation-arendehantering.yaml"
ANSWERS = [SAMPLES / "answers" / "leverantor-a.yaml", SAMPLES / "answers" / "leverantor-b.csv"]
OPENAPI = SAMPLES / "answers" / "bilagor" / "exempel-arende-openapi.yaml"
# answers to builtin:open-baseline's own ids (the samples above answer the specification's K1..K13;
# checked against a set without --spec they match nothing, an input error since issue 11)
BASELINE_ANSWERS = [
    Path(__file__).parent / "corpus" / "answers" / "anbudssvar-granskog.yaml",
    Path(__file__).parent / "corpus" / "answers" / "tender-response-nordvik.json",
]


def readme_section(title: str) -> str:
    """The README text from the `## title` heading to the next `## ` heading."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The "Use from Python" section is a doctest, run from the repository root as it says."""
    monkeypatch.chdir(REPO)
    section = readme_section("Use from Python")
    test = doctest.DocTestParser().get_doctest(section, {}, "README.md", "README.md", 0)
    assert len(test.examples) >= 8, "the README example lost its >>> lines"
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test, out=report.append, clear_globs=True)
    assert result.failed == 0, "".join(report)
    assert result.attempted == len(test.examples)


# --- str and Path, one or many ---------------------------------------------------------------


def test_str_and_path_give_the_same_result() -> None:
    by_path = api.check_spec(SPEC)
    assert api.check_spec(str(SPEC)) == by_path
    assert api.check_spec([SPEC]) == by_path
    assert api.check_spec((str(SPEC),)) == by_path


def test_many_paths_mixed_str_and_path() -> None:
    run = api.check_spec([SPEC, str(SPEC_YAML)])
    assert [Path(r.subject.path).name for r in run.reports] == [SPEC.name, SPEC_YAML.name]


@pytest.mark.parametrize("kind", [str, Path])
def test_every_function_takes_str_and_path(kind: type[str] | type[Path]) -> None:
    own_set = kind(SAMPLES / "sets" / "ovanakers-kommun.yaml")
    assert api.probe(kind(OPENAPI)).subject.path == str(OPENAPI)
    assert api.check_answers(kind(BASELINE_ANSWERS[0])).reports[0].kind == "answers"
    assert (
        api.check_answers([kind(a) for a in ANSWERS], spec=kind(SPEC)).reports[1].kind == "answers"
    )
    assert api.check_spec(kind(SPEC), requirement_set=own_set).reports[0].requirement_set.id == (
        "ovanaker-systemupphandling"
    )
    assert api.validate_set(own_set).kind == "set"
    assert api.load_requirement_set(own_set).id == "ovanaker-systemupphandling"
    comparison = api.compare([kind(a) for a in ANSWERS], spec=kind(SPEC))
    assert [Path(v.path).name for v in comparison.vendors] == [a.name for a in ANSWERS]


# --- defaults and a loaded set -----------------------------------------------------------------


def test_defaults_are_the_commands_defaults() -> None:
    report = api.check_spec(SPEC).reports[0]
    assert report.requirement_set.id == "open-baseline" and report.lang == "en"
    probed = api.probe(OPENAPI)
    assert probed.requirement_set.id == "open-baseline" and probed.lang == "en"
    answers = api.check_answers(BASELINE_ANSWERS[0]).reports[0]
    assert answers.requirement_set.id == "open-baseline" and answers.lang == "en"
    assert api.check_spec(SPEC, lang="sv").reports[0].lang == "sv"


def test_a_loaded_set_is_used_as_it_is() -> None:
    trollhattan = api.load_requirement_set("builtin:trollhattan-2023")
    assert api.load_requirement_set(trollhattan) is trollhattan
    ids = [r.id for r in trollhattan.requirements]
    spec = api.check_spec(SPEC, requirement_set=trollhattan).reports[0]
    assert [r.requirement for r in spec.results] == ids
    answers = api.check_answers(BASELINE_ANSWERS[0], requirement_set=trollhattan).reports[0]
    assert answers.requirement_set.id == "trollhattan-2023"
    assert api.probe(OPENAPI, requirement_set=trollhattan).requirement_set.id == "trollhattan-2023"
    matrix = api.compare(BASELINE_ANSWERS, requirement_set=trollhattan)
    assert [row.requirement for row in matrix.rows] == ids


def test_a_specification_gives_its_own_requirement_ids() -> None:
    run = api.check_answers(ANSWERS, spec=SPEC)
    assert len(run.reports) == 2
    assert all(r.requirement.startswith("K") for r in run.reports[0].results)


# --- errors ----------------------------------------------------------------------------------


def test_missing_file_is_an_input_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for call in (
        lambda: api.check_spec("missing.yaml"),
        lambda: api.check_spec([SPEC, Path("missing.yaml")]),
        lambda: api.check_answers("missing.yaml"),
        lambda: api.compare(["missing.yaml"]),
        lambda: api.probe("missing.yaml"),
    ):
        with pytest.raises(errors.InputError, match="file not found") as info:
            call()
        assert info.value.path == "missing.yaml" and info.value.hint


def test_errors_come_in_the_language_asked_for() -> None:
    """Each function runs in `use_lang(lang)`, so the loaders' messages are translated."""
    with pytest.raises(errors.InputError) as english:
        api.check_spec("missing.yaml")
    with pytest.raises(errors.InputError) as swedish:
        api.check_spec("missing.yaml", lang="sv")
    assert english.value.message == "file not found"
    assert swedish.value.message != english.value.message and swedish.value.path == "missing.yaml"


def test_collect_lists_unreadable_files_and_checks_the_rest() -> None:
    run = api.check_spec([SPEC, "missing.yaml"], errors="collect")
    assert len(run.reports) == 1
    assert [(p.path, p.message) for p in run.problems] == [("missing.yaml", "file not found")]


def test_unknown_set_is_a_requirement_set_error() -> None:
    with pytest.raises(errors.RequirementSetError, match="builtin:nope") as info:
        api.check_spec(SPEC, requirement_set="builtin:nope")
    assert "open-baseline" in (info.value.hint or "")
    with pytest.raises(errors.RequirementSetError):
        api.validate_set("builtin:nope")


def test_not_an_api_description_is_a_probe_error() -> None:
    with pytest.raises(errors.ProbeError, match="not an OpenAPI description") as info:
        api.probe(SPEC_YAML)
    assert info.value.path.endswith(SPEC_YAML.name)


def test_private_address_is_refused_without_allow_private() -> None:
    with pytest.raises(errors.ProbeError, match="non-public"):
        api.probe("http://127.0.0.1:9/openapi.json", cache="off")


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: api.check_spec(SPEC, lang="de"), "unknown language"),  # type: ignore[arg-type]
        (lambda: api.check_spec([]), "no input files"),
        (lambda: api.check_spec(42), "a path or a list of paths"),  # type: ignore[arg-type]
        (lambda: api.check_spec(SPEC, requirement_set=3), "not int"),  # type: ignore[arg-type]
        (lambda: api.check_spec(SPEC, errors="ignore"), "'raise' or 'collect'"),  # type: ignore[arg-type]
        (lambda: api.check_answers(ANSWERS, spec=SPEC, requirement_set="x"), "not both"),
        (lambda: api.probe(OPENAPI, cache="sometimes"), "unknown cache mode"),  # type: ignore[arg-type]
        (lambda: api.render(api.check_spec(SPEC), "pdf"), "unknown format 'pdf'"),
        (lambda: api.render(api.check_spec(SPEC), lang="sv"), "made in en, not sv"),
        (lambda: api.render(api.compare(ANSWERS, spec=SPEC), "sarif"), "unknown format 'sarif'"),
        (lambda: api.render("report"), "not str"),  # type: ignore[arg-type]
    ],
)
def test_impossible_requests_are_usage_errors(call: object, fragment: str) -> None:
    with pytest.raises(errors.UsageError, match=re.escape(fragment)):
        call()  # type: ignore[operator]


def test_every_error_is_a_proccheck_error() -> None:
    for name in ("InputError", "RequirementSetError", "ProbeError", "UsageError"):
        assert issubclass(getattr(proccheck, name), proccheck.ProccheckError)


# --- render ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", api.FORMATS)
def test_render_every_format(fmt: str) -> None:
    run = api.check_spec(SPEC)
    text = api.render(run, fmt)
    assert isinstance(text, str) and "kravspecifikation" in text.lower()
    assert api.render(run.reports[0], fmt) == text  # a Report renders as a run of one
    assert api.render(run, fmt, lang="en") == text


@pytest.mark.parametrize("fmt", api.MATRIX_FORMATS)
def test_render_comparison_formats(fmt: str) -> None:
    text = api.render(api.compare(ANSWERS, spec=SPEC), fmt)
    assert isinstance(text, str) and "K11" in text


def test_render_swedish_report_in_swedish() -> None:
    run = api.check_spec(SPEC, lang="sv")
    assert api.render(run, "text") == api.render(run, "text", lang="sv")


# --- the package face --------------------------------------------------------------------------


def test_package_exports_everything_it_lists() -> None:
    for name in proccheck.__all__:
        assert getattr(proccheck, name) is not None, name
    assert set(proccheck.__all__) <= set(dir(proccheck))
    raised = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.ProccheckError)
    }
    assert raised <= set(proccheck.__all__), raised - set(proccheck.__all__)
    functions = {name for name in api.__all__ if callable(getattr(api, name))}
    assert functions <= set(proccheck.__all__), functions - set(proccheck.__all__)
    assert proccheck.probe is api.probe
    with pytest.raises(AttributeError):
        _ = proccheck.no_such_name  # type: ignore[attr-defined]


def test_type_checkers_see_every_export() -> None:
    """The imports under TYPE_CHECKING re-export (`X as X`) exactly what the table exports."""
    tree = ast.parse((REPO / "proccheck" / "__init__.py").read_text(encoding="utf-8"))
    guarded = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    imported = {
        (node.module, alias.name)
        for node in guarded.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.asname == alias.name
    }
    table = {(module, name) for module, names in proccheck._EXPORTS.items() for name in names}
    assert imported == table


def test_import_stays_cheap() -> None:
    """`import proccheck` loads none of the library (the CLI's start-up depends on it)."""
    code = "import sys, proccheck; print(sorted(m for m in sys.modules if m.startswith(('proccheck', 'pydantic'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['proccheck']"


def test_version_is_written_once() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    project = pyproject.split("[project]", 1)[1].split("\n[", 1)[0]
    assert 'dynamic = ["version"]' in project
    assert not re.search(r"^version\s*=", project, re.MULTILINE)
    assert re.search(r'^\[tool\.hatch\.version\]\npath = "proccheck/__init__.py"', pyproject, re.M)
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", proccheck.__version__)
