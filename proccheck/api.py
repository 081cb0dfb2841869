"""The library face: check a specification, vendor answers or an API description from Python.

Each function is a thin layer over the module that does the work (`proccheck.spec`,
`proccheck.answers`, `proccheck.probe`, `proccheck.engine`), with keyword defaults and
`str | Path` accepted everywhere. Those modules are imported inside the functions, so
`import proccheck` stays as cheap as the CLI's start-up needs.

Bad input raises a typed error from `proccheck.errors` (`InputError` with the file's path,
`RequirementSetError`, `ProbeError`, `UsageError`), all subclasses of `ProccheckError`, with its
message in `lang` (each function runs in `proccheck.i18n.use_lang(lang)`, as the CLI does).
`check_spec`, `check_answers` and `compare` raise on the first unreadable file unless
`errors="collect"`, which instead lists every unreadable file in `RunResult.problems` and checks
the rest (what the CLI does).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from typing import TypeAlias

    from proccheck.model import Comparison, Lang, Report, RequirementSet, RunResult
    from proccheck.probe.cache import CacheMode

    PathArg: TypeAlias = "str | os.PathLike[str]"  # a file as a string or a path
    PathsArg: TypeAlias = "PathArg | Sequence[PathArg]"  # one file, or a list of them
    SetArg: TypeAlias = "str | os.PathLike[str] | RequirementSet"  # builtin:NAME, path, or loaded

__all__ = [
    "DEFAULT_SET",
    "FORMATS",
    "MATRIX_FORMATS",
    "check_answers",
    "check_spec",
    "compare",
    "load_requirement_set",
    "probe",
    "probe_api",
    "render",
    "validate_set",
]

DEFAULT_SET = "builtin:open-baseline"
"""The requirement set used when none is given (as on the command line)."""

FORMATS = ("text", "json", "sarif", "junit", "markdown", "html")
"""What `render` writes for a Report or RunResult."""

MATRIX_FORMATS = ("csv", "html", "markdown", "json")
"""What `render` writes for a Comparison (the XLSX matrix is bytes: proccheck.report.matrix)."""

Errors = Literal["raise", "collect"]


def load_requirement_set(ref: SetArg) -> RequirementSet:
    """Resolve a set (`builtin:NAME` or a path, with its `extends`); a loaded set is returned
    as it is, so every function below takes either. Raises RequirementSetError."""
    from proccheck.model import RequirementSet
    from proccheck.requirements import load_requirement_set as load

    if isinstance(ref, RequirementSet):
        return ref
    if not isinstance(ref, (str, os.PathLike)):
        from proccheck.errors import UsageError

        raise UsageError(
            f"a requirement set is builtin:NAME, a path or a RequirementSet, not {type(ref).__name__}"
        )
    return load(os.fspath(ref))


def check_spec(
    paths: PathsArg,
    *,
    requirement_set: SetArg = DEFAULT_SET,
    lang: Lang = "en",
    errors: Errors = "raise",
) -> RunResult:
    """Lint requirement specifications (.md .txt .docx .yaml .json .csv .xlsx) against a set:
    one report per file (`proccheck spec check`)."""
    from proccheck.i18n import use_lang
    from proccheck.spec import check_spec as run

    language, files, policy = _language(lang), _paths(paths), _errors(errors)
    with use_lang(language):
        return _settle(run(files, load_requirement_set(requirement_set), language), policy)


def check_answers(
    paths: PathsArg,
    *,
    spec: PathArg | None = None,
    requirement_set: SetArg | None = None,
    lang: Lang = "en",
    probe: bool = False,
    mapping: PathArg | None = None,
    allow_private: bool = False,
    errors: Errors = "raise",
) -> RunResult:
    """Check vendor answer files (.yaml .json .csv .xlsx): one report per vendor
    (`proccheck answers check`).

    The requirements are the specification's own (`spec`, matched by its ids) or a set's
    (`requirement_set`, default builtin:open-baseline); not both. `probe` also probes the API
    descriptions vendors give as evidence: nothing is fetched without it, and URLs resolving to
    private addresses are refused unless `allow_private`. `mapping` describes a layout proccheck
    cannot guess."""
    from proccheck.answers import check_answers as run
    from proccheck.i18n import use_lang

    language, files, policy = _language(lang), _paths(paths), _errors(errors)
    with use_lang(language):
        chosen, procurement = _answer_source(spec, requirement_set, language)
        result = run(
            files,
            chosen,
            language,
            procurement,
            probe=probe,
            allow_private=allow_private,
            mapping=None if mapping is None else Path(mapping),
        )
        return _settle(result, policy)


def compare(
    paths: PathsArg,
    *,
    spec: PathArg | None = None,
    requirement_set: SetArg | None = None,
    lang: Lang = "en",
    mapping: PathArg | None = None,
    errors: Errors = "raise",
) -> Comparison:
    """The vendors × requirements matrix of several vendors' answers (`proccheck answers
    compare`); `spec`, `requirement_set` and `mapping` as in `check_answers`."""
    from proccheck.answers import check_answers as run
    from proccheck.answers import compare as matrix
    from proccheck.i18n import use_lang

    language, files, policy = _language(lang), _paths(paths), _errors(errors)
    layout = None if mapping is None else Path(mapping)
    with use_lang(language):
        chosen, procurement = _answer_source(spec, requirement_set, language)
        result = _settle(run(files, chosen, language, procurement, mapping=layout), policy)
        return matrix(result, chosen, language)


def probe(
    source: PathArg,
    *,
    requirement_set: SetArg = DEFAULT_SET,
    lang: Lang = "en",
    allow_private: bool = False,
    cache: CacheMode = "use",
    allow_remote_refs: bool = False,
    validate_schema: bool = False,
) -> Report:
    """How open an API is, from its OpenAPI 2.0/3.0/3.1 description (`proccheck probe`).

    `source` is a file, `-` for stdin, or an http(s) URL: fetched because it was given, through
    the guard that refuses private addresses unless `allow_private`, and cached (`cache`:
    "use", "off", or "offline" to read URLs from the cache only). `$ref`s to other documents are
    followed only with `allow_remote_refs`; `validate_schema` adds the full OpenAPI JSON Schema
    validation (check OA015, several times slower). Raises ProbeError or InputError when the
    description cannot be fetched or read."""
    from proccheck.i18n import use_lang
    from proccheck.probe import probe_source

    language = _language(lang)
    if cache not in ("use", "off", "offline"):
        from proccheck.errors import UsageError

        raise UsageError(f"unknown cache mode {cache!r}", hint="choose use, off or offline")
    with use_lang(language):
        return probe_source(
            os.fspath(source),
            load_requirement_set(requirement_set),
            language,
            allow_private=allow_private,
            cache=cache,
            allow_remote_refs=allow_remote_refs,
            validate_schema=validate_schema,
        )


probe_api = probe
"""`probe` under the name `proccheck` exports it by: `proccheck.probe` is the subpackage."""


def validate_set(ref: PathArg, *, lang: Lang = "en") -> Report:
    """Resolve a requirement set file (or `builtin:NAME`) and lint it (`proccheck sets
    validate`); raises RequirementSetError when it cannot be resolved at all."""
    from proccheck.engine import validate_set as run
    from proccheck.i18n import use_lang

    language = _language(lang)
    with use_lang(language):
        return run(os.fspath(ref), language)


def render(
    report_or_run: Report | RunResult | Comparison, fmt: str = "text", *, lang: Lang | None = None
) -> str:
    """A report, run or comparison as text in format `fmt` (see FORMATS and MATRIX_FORMATS).

    Every message inside a report is in the language it was checked in, so that is the language
    it renders in; `lang`, when given, must be that language (a UsageError says to check again
    in the other one rather than mixing two languages in one document)."""
    from proccheck.errors import UsageError
    from proccheck.i18n import use_lang
    from proccheck.model import Comparison, Report, RunResult

    if isinstance(report_or_run, Report):
        report_or_run = RunResult(reports=(report_or_run,))
    names: tuple[str, ...]
    made_in: set[Lang]
    if isinstance(report_or_run, Comparison):
        names, made_in = MATRIX_FORMATS, {report_or_run.lang}
    elif isinstance(report_or_run, RunResult):
        names, made_in = FORMATS, {report.lang for report in report_or_run.reports}
    else:
        raise UsageError(
            f"render takes a Report, RunResult or Comparison, not {type(report_or_run).__name__}"
        )
    if fmt not in names:
        raise UsageError(f"unknown format {fmt!r}", hint=f"choose one of {', '.join(names)}")
    language: Lang = min(made_in, default="en") if lang is None else _language(lang)
    if made_in - {language}:
        raise UsageError(
            f"the report was made in {', '.join(sorted(made_in))}, not {language}",
            hint=f"check again with lang={language!r}",
        )
    with use_lang(language):
        if isinstance(report_or_run, Comparison):
            from proccheck.report import matrix

            return str(getattr(matrix, f"render_{fmt}")(report_or_run))
        from proccheck.report import get_renderer

        return get_renderer(fmt)(report_or_run)


# --- helpers -------------------------------------------------------------------------------------


def _language(lang: object) -> Lang:
    if lang == "sv":
        return "sv"
    if lang == "en":
        return "en"
    from proccheck.errors import UsageError

    raise UsageError(f"unknown language {lang!r}", hint="choose sv or en")


def _errors(errors: object) -> Errors:
    if errors == "raise":
        return "raise"
    if errors == "collect":
        return "collect"
    from proccheck.errors import UsageError

    raise UsageError(f"errors must be 'raise' or 'collect', not {errors!r}")


def _paths(paths: PathsArg) -> list[Path]:
    """One path or many, as Paths; at least one."""
    from proccheck.errors import UsageError

    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    if not isinstance(paths, Sequence) or not all(isinstance(p, (str, os.PathLike)) for p in paths):
        raise UsageError(f"expected a path or a list of paths, not {type(paths).__name__}")
    if not paths:
        raise UsageError("no input files given")
    return [Path(p) for p in paths]


def _answer_source(
    spec: PathArg | None, requirement_set: SetArg | None, lang: Lang
) -> tuple[RequirementSet, tuple[str, ...]]:
    """The requirements vendors answer, and the procurement reference their files must name."""
    if spec is not None and requirement_set is not None:
        from proccheck.errors import UsageError

        raise UsageError("give spec or requirement_set, not both")
    if spec is None:
        return load_requirement_set(requirement_set or DEFAULT_SET), ()
    from proccheck.answers import set_from_spec

    return set_from_spec(Path(spec), load_requirement_set(DEFAULT_SET), lang)


def _settle(run: RunResult, errors: Errors) -> RunResult:
    """The run, or its first unreadable input raised as an InputError (its path, place, hint)."""
    if errors == "raise" and run.problems:
        from proccheck.errors import InputError

        problem = run.problems[0]
        raise InputError(problem.message, path=problem.path, where=problem.where, hint=problem.hint)
    return run
