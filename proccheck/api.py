"""The library face, and the only orchestration: load, analyse once, run the checks, report.

Every command and the web page go through here. Each public function takes `str | Path`, has
keyword defaults, and returns the frozen report models; the per-kind pipelines below it (a
specification, a vendor's answers, an API description, a requirement set) load the input,
build the kind's typed check context (its analysis computed once) and hand both to
`proccheck.engine.evaluate`. Heavy modules are imported inside the functions, so
`import proccheck` stays as cheap as the CLI's start-up needs.

Bad input raises a typed error from `proccheck.errors` (`InputError` with the file's path,
`RequirementSetError`, `ProbeError`, `UsageError`), all subclasses of `ProccheckError`, with its
message in `lang` (each public function runs in `proccheck.i18n.use_lang(lang)`, as the CLI
does). `check_spec`, `check_answers` and `compare` raise on the first unreadable file unless
`errors="collect"`, which instead lists every unreadable file in `RunResult.problems` and checks
the rest (what the CLI does).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from proccheck import _EXPORTS
from proccheck.i18n import tr
from proccheck.report import FORMATS as _REPORT_FORMATS

if TYPE_CHECKING:
    from typing import TypeAlias

    from proccheck.checks.answer_checks import ProbeEvidence
    from proccheck.checks.probe_checks import ProbeContext
    from proccheck.checks.schema_validation import SchemaValidation
    from proccheck.decisionformat import Decision, DecisionFile
    from proccheck.loaders.answers import AnswerDocument
    from proccheck.loaders.cache import CacheMode
    from proccheck.loaders.openapi import ApiIndex, Fetching, ProbeBudget
    from proccheck.loaders.spec import SpecDocument
    from proccheck.model import (
        Comparison,
        Lang,
        Problem,
        ReconciliationRow,
        Report,
        Requirement,
        RequirementSet,
        RunResult,
        Suppression,
        Verification,
    )

    PathArg: TypeAlias = "str | os.PathLike[str]"  # a file as a string or a path
    DecisionsArg: TypeAlias = "DecisionFile | PathArg | None"  # a baseline or decision file
    Progress: TypeAlias = "Callable[[int, int, str], None]"  # done, total, which
    PathsArg: TypeAlias = "PathArg | Sequence[PathArg]"  # one file, or a list of them
    SetArg: TypeAlias = "str | os.PathLike[str] | RequirementSet"  # builtin:NAME, path, or loaded

__all__ = ["DEFAULT_SET", "FORMATS", "MATRIX_FORMATS", *_EXPORTS["proccheck.api"]]
"""The constants, and what the package re-exports from here (its table names them)."""

DEFAULT_SET = "builtin:open-baseline"
"""The requirement set used when none is given (as on the command line)."""

FORMATS = tuple(_REPORT_FORMATS)
"""What `render` writes for a Report or RunResult (the formatter registry's names)."""

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
            tr(
                "a requirement set is builtin:NAME, a path or a RequirementSet, not {kind}",
                kind=type(ref).__name__,
            )
        )
    _check_set_file(os.fspath(ref))
    return load(os.fspath(ref))


def _check_set_file(ref: str, base: Path | None = None) -> None:
    """A set named by path must be a YAML or JSON file that exists: said as such (with the
    built-in sets as the alternative), not as a broken `extends` entry."""
    from proccheck.loaders.inputs import REQUIREMENT_SET, check_input
    from proccheck.requirements import BUILTIN_PREFIX
    from proccheck.resources import display_path

    if ref.startswith(BUILTIN_PREFIX):
        return
    path = Path(ref) if base is None or Path(ref).is_absolute() else base / ref
    check_input(path, display_path(path), REQUIREMENT_SET, several=False)


def check_spec(
    paths: PathsArg,
    *,
    requirement_set: SetArg = DEFAULT_SET,
    lang: Lang = "en",
    errors: Errors = "raise",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    decisions: DecisionsArg = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> RunResult:
    """Lint requirement specifications (.md .txt .docx .pdf .yaml .json .csv .xlsx) against a
    set: one report per file (`proccheck spec check`). A folder stands for the documents below
    it, and a pattern for the files it matches (`input_files`); `jobs` > 1 checks that many
    files at a time in separate processes; `progress(done, total, path)` follows the files."""
    language, policy = _language(lang), _errors(errors)
    with _running(language, select, ignore, decisions):
        files = input_files(paths, "spec")
        chosen = load_requirement_set(requirement_set)
        report = functools.partial(_spec_report, requirement_set=chosen, lang=language)
        return _settle(_each(files, report, jobs, progress), policy)


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
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    decisions: DecisionsArg = None,
    jobs: int = 1,
) -> RunResult:
    """Check vendor answer files (.yaml .json .csv .xlsx; a folder or pattern stands for the
    files in it): one report per vendor (`proccheck answers check`).

    The requirements are the specification's own (`spec`, matched by its ids) or a set's
    (`requirement_set`, default builtin:open-baseline); not both. `probe` also probes the API
    descriptions vendors give as evidence: nothing is fetched without it, at most
    PROCCHECK_MAX_PROBE_URLS URLs and PROCCHECK_MAX_PROBE_BYTES bytes a run, and only public
    addresses (vendors wrote the URLs: `allow_private` has no effect on them, and is kept only so
    older callers still run). `mapping` describes a layout proccheck cannot guess. `jobs` > 1
    checks that many files at a time in separate processes (not with `probe`, whose fetch
    budget is one for the run)."""
    language, policy = _language(lang), _errors(errors)
    with _running(language, select, ignore, decisions):
        files = input_files(paths, "answers")
        chosen, procurement = answer_source(spec, requirement_set, language)
        result = answers_run(
            files,
            chosen,
            language,
            procurement,
            probe=probe,
            allow_private=allow_private,
            mapping=None if mapping is None else Path(mapping),
            jobs=jobs,
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
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    decisions: DecisionsArg = None,
) -> Comparison:
    """The vendors × requirements matrix of several vendors' answers (`proccheck answers
    compare`); `spec`, `requirement_set` and `mapping` as in `check_answers`."""
    language, policy = _language(lang), _errors(errors)
    layout = None if mapping is None else Path(mapping)
    with _running(language, select, ignore, decisions):
        files = input_files(paths, "answers")
        chosen, procurement = answer_source(spec, requirement_set, language)
        result = _settle(answers_run(files, chosen, language, procurement, mapping=layout), policy)
        return comparison(result, chosen, language)


def probe(
    source: PathArg,
    *,
    requirement_set: SetArg = DEFAULT_SET,
    lang: Lang = "en",
    allow_private: bool = False,
    cache: CacheMode = "use",
    allow_remote_refs: bool = False,
    validate_schema: bool = False,
    allow_addresses: Sequence[str] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    decisions: DecisionsArg = None,
) -> Report:
    """How open an API is, from its OpenAPI 2.0/3.0/3.1 description (`proccheck probe`).

    `source` is a file, `-` for stdin, or an http(s) URL: fetched because it was given, through
    the guard that refuses non-public addresses (on the URL's own host, `allow_private` opens
    loopback and private networks but not link-local or cloud metadata addresses, which only
    `allow_addresses`, addresses or CIDR networks, opens), and cached (`cache`:
    "use", "off", or "offline" to read URLs from the cache only). `$ref`s to other documents are
    followed only with `allow_remote_refs`; `validate_schema` adds the full OpenAPI JSON Schema
    validation (check OA015, several times slower). Raises ProbeError or InputError when the
    description cannot be fetched or read."""
    from proccheck.loaders.openapi import Fetching

    language = _language(lang)
    with _running(language, select, ignore, decisions):
        if cache not in ("use", "off", "offline"):
            from proccheck.errors import UsageError

            raise UsageError(
                tr("unknown cache mode {mode!r}", mode=cache), hint=tr("choose use, off or offline")
            )
        fetching = Fetching(allow_private, cache, allow_remote_refs, tuple(allow_addresses))
        chosen = load_requirement_set(requirement_set)
        return probe_detailed(os.fspath(source), chosen, language, fetching, validate_schema).report


def validate_set(
    ref: PathArg,
    *,
    lang: Lang = "en",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    decisions: DecisionsArg = None,
) -> Report:
    """Resolve a requirement set file (or `builtin:NAME`) and lint it (`proccheck sets
    validate`); raises RequirementSetError when it cannot be resolved at all."""
    language = _language(lang)
    with _running(language, select, ignore, decisions):
        return set_report(os.fspath(ref), language)


def init_set(
    path: PathArg = "min-kommun.yaml",
    *,
    extends: str | Sequence[str] = (DEFAULT_SET,),
    lang: Lang = "sv",
    force: bool = False,
) -> Path:
    """Write a commented starter requirement set to `path` (`proccheck sets init`) and return
    the path. The set is valid as it stands: it extends `extends` (each is resolved first, so a
    misspelt set is said now; a relative path is rewritten relative to the new file), and its
    plain-string texts and comments are in `lang`. An existing file is kept unless `force`; the
    file is written atomically. Errors come in the language of the run (`use_lang`), since
    `lang` is the set's language."""
    from proccheck.errors import UsageError
    from proccheck.requirements import BUILTIN_PREFIX
    from proccheck.resources import display_path, write_atomic
    from proccheck.setformat import starter, starter_id

    language = _language(lang)
    target = Path(os.fspath(path))
    refs = [extends] if isinstance(extends, str) else list(extends)
    shown = display_path(target)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(
            tr("a starter set is a YAML file: name it .yaml or .yml"),
            path=shown,
            hint=tr("for example: proccheck sets init min-kommun.yaml"),
        )
    if target.is_dir():
        raise UsageError(tr("is a folder, not a file"), path=shown)
    if target.exists() and not force:
        raise UsageError(
            tr("the file already exists; it is left as it is"),
            path=shown,
            hint=tr("choose another name, or add --force to overwrite it"),
        )
    written: list[str] = []
    for ref in refs:
        load_requirement_set(ref)  # a set that cannot be resolved is said now, not later
        if ref.startswith(BUILTIN_PREFIX) or Path(ref).is_absolute():
            written.append(ref)
        else:
            folder = target.absolute().parent
            written.append(Path(os.path.relpath(Path(ref).absolute(), folder)).as_posix())
    write_atomic(target, starter(language, starter_id(target.stem), written, shown))
    return target


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
            tr(
                "render takes a Report, RunResult or Comparison, not {kind}",
                kind=type(report_or_run).__name__,
            )
        )
    if fmt not in names:
        raise UsageError(
            tr("unknown format {fmt!r}", fmt=fmt),
            hint=tr("choose one of {names}", names=", ".join(names)),
        )
    language: Lang = min(made_in, default="en") if lang is None else _language(lang)
    if made_in - {language}:
        raise UsageError(
            tr(
                "the report was made in {made}, not {lang}",
                made=", ".join(sorted(made_in)),
                lang=language,
            ),
            hint=tr("check again with lang={lang!r}", lang=language),
        )
    with use_lang(language):
        if isinstance(report_or_run, Comparison):
            from proccheck.report import matrix

            return str(getattr(matrix, f"render_{fmt}")(report_or_run))
        if fmt == "sarif":  # paths are relative to the working directory: SARIF says so
            from proccheck.report import sarif

            return sarif.render(report_or_run, root=Path.cwd())
        from proccheck.report import get_renderer

        return get_renderer(fmt)(report_or_run)


InputFilesKind = Literal["spec", "answers", "set"]


def input_files(
    paths: PathsArg,
    kind: InputFilesKind,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> list[Path]:
    """The files a command reads for `paths`: a folder stands for the files below it of the
    kind's types (`include` patterns such as `**/*.md` choose instead), a path with `*`, `?` or
    `[` that does not exist is a pattern (`**` crosses folders), `exclude` patterns drop files
    found either way; other paths are kept as given (a missing one fails when it is read)."""
    from proccheck.loaders import inputs

    kinds = {
        "spec": inputs.SPECIFICATION,
        "answers": inputs.ANSWERS,
        "set": inputs.REQUIREMENT_SET,
    }
    return inputs.input_files(_paths(paths), kinds[kind], tuple(include), tuple(exclude))


def write_baseline(run: RunResult, path: PathArg) -> int:
    """Record every finding of `run` as `baseline` in the decision file `path`, keeping the
    decisions people made there (accepted, rejected, supplement); returns how many findings
    the baseline holds. Findings already set aside by a decision or a suppression stay out."""
    import yaml

    from proccheck.decisionformat import DecisionFile, decision_for
    from proccheck.loaders.decisions import read_decisions
    from proccheck.resources import display_path, write_atomic

    target = Path(path)
    kept: tuple[Decision, ...] = ()
    if target.exists():
        old = read_decisions(target, display_path(target))
        kept = tuple(d for d in old.decisions if d.decision != "baseline")
    decided = {d.fingerprint for d in kept}
    fresh: dict[str, Decision] = {}
    for report in run.reports:
        for finding in report.findings:
            entry = decision_for(finding, "baseline")
            if entry.fingerprint not in decided:
                fresh.setdefault(entry.fingerprint, entry)
    document = DecisionFile(decisions=kept + tuple(fresh.values()))
    data = {"version": document.version, **document.model_dump(mode="json", exclude_defaults=True)}
    header = tr(
        "# proccheck baseline: findings known when it was written; only new findings fail.\n"
        "# Rewrite it with --write-baseline; see schemas/decisions.schema.json.\n"
    )
    text = header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    write_atomic(target, text)
    return len(fresh)


# --- helpers -------------------------------------------------------------------------------------


@contextmanager
def _running(
    lang: Lang, select: Sequence[str], ignore: Sequence[str], decisions: DecisionsArg
) -> Iterator[None]:
    """A public function's run: its language, and (when any is given) what it leaves out of the
    verdicts; otherwise an enclosing `screened` block's choice stands."""
    from proccheck.i18n import use_lang

    with use_lang(lang):
        if not (select or ignore or decisions is not None):
            yield
            return
        with screened(select=select, ignore=ignore, decisions=decisions):
            yield


@contextmanager
def screened(
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    decisions: DecisionsArg = None,
    per_file_ignores: Mapping[str, Sequence[str]] | None = None,
) -> Iterator[None]:
    """Leave checks and findings out of every report made in the block: checks whose codes do
    not start with one of `select` or start with one of `ignore`, findings of `decisions` (a
    baseline or decision file) judged `baseline` or `accepted`, and per glob pattern of
    `per_file_ignores` the findings of those codes in matching files. A requirement that loses
    a check or a finding this way is at best not verified, never met."""
    from proccheck.engine import Screen, screening

    per_file = tuple(
        (pattern, _prefixes(codes, "per-file-ignores"))
        for pattern, codes in (per_file_ignores or {}).items()
    )
    screen = Screen(
        select=_prefixes(select, "--select"),
        ignore=_prefixes(ignore, "--ignore"),
        decisions=_decisions(decisions),
        per_file=per_file,
    )
    with screening(screen):
        yield


def _prefixes(codes: Sequence[str], option: str) -> tuple[str, ...]:
    """Check codes or prefixes, upper-cased; an unknown one is a usage error."""
    from proccheck.checks import unknown_code
    from proccheck.errors import UsageError

    if isinstance(codes, str):
        codes = [codes]
    chosen = tuple(dict.fromkeys(c.strip().upper() for c in codes if c.strip()))
    for code in chosen:
        hint = unknown_code(code)
        if hint is not None:
            raise UsageError(
                tr("{option}: no check code starts with {code}", option=option, code=code),
                hint=hint,
            )
    return chosen


def _decisions(decisions: DecisionsArg) -> dict[str, Decision]:
    """The decisions of a decision file (or path to one) by fingerprint."""
    from proccheck.decisionformat import DecisionFile
    from proccheck.loaders.decisions import read_decisions
    from proccheck.resources import display_path

    if decisions is None:
        return {}
    if not isinstance(decisions, DecisionFile):
        path = Path(decisions)
        decisions = read_decisions(path, display_path(path))
    return decisions.by_fingerprint()


def _check_codes(suppressions: tuple[Suppression, ...]) -> None:
    """An inline suppression of a code no check has is an error at its line."""
    from proccheck.checks import unknown_code
    from proccheck.errors import InputError

    for suppression in suppressions:
        for code in suppression.codes:
            hint = unknown_code(code)
            if hint is not None:
                raise InputError(
                    tr("the suppression names {code}, which no check code starts with", code=code),
                    path=suppression.path,
                    where=str(suppression.line),
                    hint=hint,
                )


def _language(lang: object) -> Lang:
    if lang == "sv":
        return "sv"
    if lang == "en":
        return "en"
    from proccheck.errors import UsageError

    raise UsageError(tr("unknown language {lang!r}", lang=lang), hint=tr("choose sv or en"))


def _errors(errors: object) -> Errors:
    if errors == "raise":
        return "raise"
    if errors == "collect":
        return "collect"
    from proccheck.errors import UsageError

    raise UsageError(tr("errors must be 'raise' or 'collect', not {errors!r}", errors=errors))


def _paths(paths: PathsArg) -> list[Path]:
    """One path or many, as Paths; at least one."""
    from proccheck.errors import UsageError

    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    if not isinstance(paths, Sequence) or not all(isinstance(p, (str, os.PathLike)) for p in paths):
        raise UsageError(
            tr("expected a path or a list of paths, not {kind}", kind=type(paths).__name__)
        )
    if not paths:
        raise UsageError(tr("no input files given"))
    return [Path(p) for p in paths]


def answer_source(
    spec: PathArg | None, requirement_set: SetArg | None, lang: Lang
) -> tuple[RequirementSet, tuple[str, ...]]:
    """The requirements vendors answer, and the procurement reference their files must name."""
    if spec is not None and requirement_set is not None:
        from proccheck.errors import UsageError

        raise UsageError(tr("give spec or requirement_set, not both"))
    if spec is None:
        return load_requirement_set(requirement_set or DEFAULT_SET), ()
    return set_from_spec(Path(spec), load_requirement_set(DEFAULT_SET), lang)


def _settle(run: RunResult, errors: Errors) -> RunResult:
    """The run, or its first unreadable input raised as an InputError (its path, place, hint)."""
    if errors == "raise" and run.problems:
        from proccheck.errors import InputError

        problem = run.problems[0]
        raise InputError(problem.message, path=problem.path, where=problem.where, hint=problem.hint)
    return run


def _each(
    paths: list[Path],
    report: Callable[[Path], Report],
    jobs: int = 1,
    progress: Progress | None = None,
) -> RunResult:
    """One report per file, in the order given; a file that cannot be read becomes a problem,
    not a crash. With `jobs` > 1 (and several files), that many processes share the files.
    `progress(done, total, path)` is called as each file is done, in order."""
    from proccheck.model import RunResult

    if jobs > 1 and len(paths) > 1 and _can_fork():
        made = _in_processes(paths, report, jobs)
    else:
        made = (_one(report, path) for path in paths)
    outcomes = []
    for number, item in enumerate(made, start=1):
        outcomes.append(item)
        if progress is not None:
            progress(number, len(paths), str(paths[number - 1]))
    reports = tuple(item for item in outcomes if not isinstance(item, _Failed))
    problems = tuple(item.problem for item in outcomes if isinstance(item, _Failed))
    return RunResult(reports=reports, problems=problems)


@dataclass(frozen=True)
class _Failed:
    problem: Problem


def _one(report: Callable[[Path], Report], path: Path) -> Report | _Failed:
    from proccheck.engine import problem_from
    from proccheck.errors import ProccheckError

    try:
        return report(path)
    except ProccheckError as error:
        return _Failed(problem_from(error))


_JOB: tuple[Callable[[Path], Report], Lang, object] | None = None
"""The report function of a parallel run, with its language and screen: set before the worker
processes fork, so they inherit it instead of receiving a closure they could not unpickle."""


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _in_processes(
    paths: list[Path], report: Callable[[Path], Report], jobs: int
) -> Iterator[Report | _Failed]:
    """The reports of `paths` made by `jobs` forked processes, in the order of `paths`, each
    as soon as it and those before it are done."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from proccheck.engine import current_screen
    from proccheck.i18n import current_lang

    global _JOB
    _JOB = (report, current_lang(), current_screen())
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(jobs, len(paths)), mp_context=context) as pool:
            yield from pool.map(_job, paths)
    finally:
        _JOB = None


def _job(path: Path) -> Report | _Failed:
    """One file in a worker process, in the run's language and with its screen."""
    from proccheck.engine import Screen, screening
    from proccheck.i18n import use_lang

    assert _JOB is not None
    report, lang, screen = _JOB
    assert isinstance(screen, Screen)
    with use_lang(lang), screening(screen):
        return _one(report, path)


# --- a specification -----------------------------------------------------------------------------


def _spec_report(path: Path, requirement_set: RequirementSet, lang: Lang) -> Report:
    from proccheck.loaders.spec import load_spec
    from proccheck.resources import display_path

    return spec_document_report(load_spec(path, display_path(path)), requirement_set, lang)


def spec_document_report(
    document: SpecDocument, requirement_set: RequirementSet, lang: Lang
) -> Report:
    """Run every spec check on one loaded document and decide each set requirement."""
    from proccheck.checks.spec_checks import context
    from proccheck.engine import evaluate
    from proccheck.i18n import _
    from proccheck.model import Subject

    ctx = context(document, requirement_set, lang)

    def implemented_by(requirement: Requirement, checks: object) -> str:
        match = ctx.analysis.implementing(requirement.id)[0]
        return _(lang, "{where} implements it", where=match.item.describe(lang))

    subject = Subject(path=document.path, name=document.title)
    _check_codes(document.suppressions)
    return evaluate(
        "spec",
        document,
        ctx,
        subject=subject,
        met_reason=implemented_by,
        suppressions=document.suppressions,
    )[0]


# --- a requirement set ---------------------------------------------------------------------------


def set_report(ref: str, lang: Lang, base: Path | None = None) -> Report:
    """Resolve a requirement set and run the set checks on it (`proccheck sets validate`): not
    met when any finding is an error, wherever it points."""
    from proccheck.checks import Context
    from proccheck.engine import evaluate
    from proccheck.i18n import _
    from proccheck.model import Subject
    from proccheck.requirements import describe_ref
    from proccheck.requirements import load_requirement_set as load

    _check_set_file(ref, base)
    requirement_set = load(ref, base)
    subject = Subject(
        path=describe_ref(ref, base or Path.cwd()),
        name=requirement_set.title.get(lang) or requirement_set.id,
    )
    report = evaluate(
        "set",
        requirement_set,
        Context(lang=lang, requirement_set=requirement_set),
        subject=subject,
        met_reason=lambda requirement, checks: _(lang, "valid"),
    )[0]
    errors = any(f.severity == "error" for f in report.findings)
    return report.model_copy(update={"outcome": "not_met" if errors else "met"})


# --- vendors' answers ----------------------------------------------------------------------------

_API_DESCRIPTION = (".json", ".yaml", ".yml")


def _specificity(requirement: Requirement) -> int:
    return len(requirement.cues.sv) + len(requirement.cues.en)


def _combined_verification(sources: list[Requirement]) -> Verification:
    """The union of the checks, and the strictest evidence rule, of the set requirements a
    specification requirement implements."""
    from proccheck.model import Verification

    if not sources:
        return Verification()
    checks = tuple(dict.fromkeys(c for s in sources for c in s.verification.checks))
    demanding = [s for s in sources if s.verification.answer.evidence == "required"]
    answer = demanding[0].verification.answer if demanding else sources[0].verification.answer
    return Verification(checks=checks, answer=answer)


def set_from_spec(
    spec_path: Path, base: RequirementSet, lang: Lang
) -> tuple[RequirementSet, tuple[str, ...]]:
    """The requirements of a specification as a set, so vendors are checked against the
    buyer's own ids and texts, plus the procurement reference (to catch answers to another).
    Principle, evidence rule and references come from the set requirement each one implements
    (found as `spec check` finds it)."""
    from proccheck.checks.spec_checks import analyse
    from proccheck.errors import InputError
    from proccheck.loaders.spec import load_spec
    from proccheck.model import Requirement, RequirementSet, Text
    from proccheck.resources import display_path
    from proccheck.text import one_line

    document = load_spec(spec_path, display_path(spec_path), several=False)
    analysis = analyse(document, base, lang, contradictions=False, mentions=False)
    implemented: dict[int, list[Requirement]] = {}
    for requirement in base.requirements:
        for match in analysis.implementing(requirement.id):
            implemented.setdefault(id(match.item), []).append(requirement)
    requirements = []
    seen: set[str] = set()
    for index, item in enumerate(document.requirements, start=1):
        requirement_id = item.ref or f"R{index}"
        if requirement_id in seen:
            raise InputError(
                tr(
                    "requirement id {id!r} appears twice in the specification",
                    id=requirement_id,
                ),
                path=document.path,
                where=(f"p{item.location.page}:" if item.location.page else "")
                + str(item.location.line or item.location.row or ""),
                hint=tr("answers are matched by id, so every requirement needs its own"),
            )
        seen.add(requirement_id)
        sources = implemented.get(id(item), [])
        # the most specific set requirement (most cue groups) names the principle; checks,
        # evidence demands and references of every implemented one apply
        main = max(sources, key=_specificity) if sources else None
        title = one_line(item.text, 80)
        requirements.append(
            Requirement(
                id=requirement_id,
                level=item.level or "must",
                principle=main.principle if main else "other",
                title=Text(sv=title, en=title),
                text=Text(sv=item.text, en=item.text),
                rationale=main.rationale if main else Text(),
                references=tuple(dict.fromkeys(r for s in sources for r in s.references)),
                verification=_combined_verification(sources),
                defined_in=document.path,
            )
        )
    if not requirements:
        raise InputError(
            tr("the specification has no requirements to answer"),
            path=document.path,
            hint=tr("run `proccheck spec check` on it first"),
        )
    requirement_set = RequirementSet(
        id=Path(document.path).stem,
        version=document.reference,
        title=Text(sv=document.title, en=document.title),
        requirements=tuple(requirements),
        sources=(document.path,),
    )
    return requirement_set, ((document.reference,) if document.reference else ())


def api_descriptions(document: AnswerDocument, folder: Path) -> list[str]:
    """Evidence entries that name an API description: a URL, or a JSON/YAML file in the bid's
    folder (paths outside it are ignored, so a bid cannot make proccheck read other files)."""
    found: list[str] = []
    files: set[tuple[int, int]] = set()  # (device, inode): hard links to one file are one file
    for answer in document.answers:
        for item in answer.evidence:
            item = item.strip()
            if item.startswith(("http://", "https://")):
                source = item
            elif item.lower().endswith(_API_DESCRIPTION) and _in_bid_folder(folder, item):
                source = str((folder / item).resolve())
                try:
                    facts = os.stat(source)
                except OSError:
                    facts = None  # probing it says why it cannot be read
                if facts is not None:
                    if (facts.st_dev, facts.st_ino) in files:
                        continue
                    files.add((facts.st_dev, facts.st_ino))
            else:
                continue
            if source not in found:
                found.append(source)
    return found


def probe_evidence(
    document: AnswerDocument,
    folder: Path,
    requirement_set: RequirementSet,
    lang: Lang,
    allow_private: bool = False,
    budget: ProbeBudget | None = None,
    fetch_urls: bool = True,
) -> ProbeEvidence:
    """Probe every API description the vendor gives as evidence; per requirement the probe
    verifies, what each description showed. A description that cannot be read is itself a
    result (not verified), not an input error: it is the vendor's evidence that fails.

    The vendor wrote the URLs, so they are fetched through the strict guard whatever
    `allow_private` says (it is ignored), within `budget` (by default one for this document);
    the files the bid names in its folder count against a budget of their own, so one vendor's
    files never leave another's unread;
    with `fetch_urls` False nothing is fetched and a URL leaves its requirements not verified
    (the web page fetches only when the user asks)."""
    from proccheck.engine import as_result
    from proccheck.errors import ProccheckError
    from proccheck.loaders.openapi import Fetching, ProbeBudget
    from proccheck.resources import display_path

    budget = budget or ProbeBudget()
    files = ProbeBudget()  # the files in this bid's folder: its own budget, not the run's
    shown: ProbeEvidence = {}
    probed = [r for r in requirement_set.requirements if r.verification.checks]
    for source in api_descriptions(document, folder):
        label = source if source.startswith("http") else display_path(Path(source))
        try:
            if not fetch_urls and source.startswith(("http://", "https://")):
                raise ProccheckError(tr("not fetched: this run reads local files only"))
            if not source.startswith(("http://", "https://")):
                try:
                    size = os.stat(source).st_size
                except OSError:
                    size = 0  # probing it says why it cannot be read
                files.take_file(label, size)
            fetching = Fetching(budget=budget)
            report = probe_detailed(source, requirement_set, lang, fetching).report
        except ProccheckError as error:
            for requirement in probed:
                result = as_result(requirement, "not_verified", str(error), lang)
                shown.setdefault(requirement.id, []).append((label, result, (), True))
            continue
        for result in report.results:
            own = tuple(f for f in report.findings if f.requirement == result.requirement)
            shown.setdefault(result.requirement, []).append((label, result, own, False))
    return shown


def answer_document_report(
    document: AnswerDocument,
    requirement_set: RequirementSet,
    lang: Lang,
    probe: ProbeEvidence | None = None,
    attachments_missing: frozenset[str] = frozenset(),
) -> Report:
    """Run every answers check on one vendor's file and decide each requirement
    (`attachments_missing`: evidence files named in the answers but not in the bid folder)."""
    from proccheck.checks.answer_checks import context
    from proccheck.engine import evaluate
    from proccheck.i18n import _
    from proccheck.model import Subject
    from proccheck.text import one_line

    ctx = context(document, requirement_set, lang, probe, attachments_missing)

    def answered(requirement: Requirement, checks: object) -> str:
        answer = ctx.matching.by_requirement[requirement.id]
        quote = one_line(answer.raw or "", 120)
        return _(lang, 'answered "{quote}" without reservation', quote=quote)

    subject = Subject(path=document.path, name=document.vendor)
    return evaluate("answers", document, ctx, subject=subject, met_reason=answered)[0]


def _check_procurement(document: AnswerDocument, expected: tuple[str, ...]) -> None:
    from proccheck.errors import InputError

    wanted = [e.strip().lower() for e in expected if e and e.strip()]
    if not wanted or not document.procurement.strip():
        return
    said = document.procurement.lower()
    if not any(w in said or said in w for w in wanted):
        raise InputError(
            tr("the answers are for another procurement ({named!r})", named=document.procurement),
            path=document.path,
            hint=tr(
                "expected {expected}; check that the right file was given",
                expected=" / ".join(expected),
            ),
        )


def answers_run(
    paths: list[Path],
    requirement_set: RequirementSet,
    lang: Lang,
    procurement: tuple[str, ...] = (),
    *,
    probe: bool = False,
    allow_private: bool = False,
    mapping: Path | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    fetch_urls: bool = True,
) -> RunResult:
    """One report per vendor file; unreadable files become problems (`fetch_urls`: see
    `probe_evidence`). With `probe`, API
    descriptions given as evidence are probed (nothing is fetched otherwise) and the files are
    checked one at a time; otherwise `jobs` processes share them."""
    from proccheck.checks.answer_checks import attachments_missing
    from proccheck.loaders.answers import load_answers, load_mapping
    from proccheck.resources import display_path

    layout = load_mapping(mapping) if mapping is not None else None
    budget = None
    if probe:
        from proccheck.loaders.openapi import ProbeBudget

        budget = ProbeBudget()  # one for the run, all vendor files together

    def report(path: Path) -> Report:
        document = load_answers(path, display_path(path), layout)
        _check_procurement(document, procurement)
        shown = (
            probe_evidence(
                document, path.parent, requirement_set, lang, budget=budget, fetch_urls=fetch_urls
            )
            if probe
            else None
        )
        missing = (
            attachments_missing(document, functools.partial(_in_bid_folder, path.parent))
            if probe
            else frozenset()
        )
        return answer_document_report(document, requirement_set, lang, shown, missing)

    return _each(paths, report, 1 if probe else jobs, progress)


def _in_bid_folder(folder: Path, item: str) -> bool:
    """Whether an evidence entry names a file inside the bid's folder (not outside it). A name
    no file can have (a NUL, a part longer than the system allows) names none."""
    try:
        candidate = (folder / item).resolve()
        return folder.resolve() in candidate.parents and candidate.is_file()
    except (OSError, ValueError):
        return False


def comparison(run: RunResult, requirement_set: RequirementSet, lang: Lang) -> Comparison:
    """The vendors × requirements matrix of a run of `answers_run`."""
    from proccheck.model import (
        Comparison,
        MatrixCell,
        MatrixRow,
        SetRef,
        VendorSummary,
    )

    vendors = []
    cells: dict[str, list[MatrixCell]] = {r.id: [] for r in requirement_set.requirements}
    for report in run.reports:
        by_id = {r.requirement: r for r in report.results}
        for requirement in requirement_set.requirements:
            result = by_id.get(requirement.id)
            cells[requirement.id].append(
                MatrixCell(
                    vendor=report.subject.name,
                    outcome=result.outcome if result else "not_applicable",
                    reason=result.reason if result else "",
                )
            )
        musts = [r for r in report.results if r.level == "must"]
        vendors.append(
            VendorSummary(
                vendor=report.subject.name,
                path=report.subject.path,
                outcome=report.outcome,
                not_met=tuple(r.requirement for r in musts if r.outcome == "not_met"),
                not_verified=tuple(r.requirement for r in musts if r.outcome == "not_verified"),
            )
        )
    rows = tuple(
        MatrixRow(
            requirement=r.id,
            level=r.level,
            title=r.title.get(lang),
            text=r.text.get(lang),
            cells=tuple(cells[r.id]),
        )
        for r in requirement_set.requirements
    )
    return Comparison(
        requirement_set=SetRef(id=requirement_set.id, version=requirement_set.version),
        lang=lang,
        vendors=tuple(vendors),
        rows=rows,
        run=run,
    )


# --- an API description --------------------------------------------------------------------------


@dataclass(frozen=True)
class Probed:
    """A probe report, the reconciliation row of every requirement of the set, and with
    `validate_schema` the full schema validation (its counts and time)."""

    report: Report
    rows: tuple[ReconciliationRow, ...]
    schema_validation: SchemaValidation | None = None


def probe_detailed(
    source: str,
    requirement_set: RequirementSet,
    lang: Lang,
    fetching: Fetching | None = None,
    validate_schema: bool = False,
    stdin_text: str | None = None,
) -> Probed:
    """Probe one description (a file, `-` for stdin, or an http(s) URL) against a set: the
    report plus the reconciliation rows (`proccheck probe --reconciliation`)."""
    from proccheck.checks.probe_checks import context
    from proccheck.loaders.openapi import Fetching, load_description

    chosen = fetching or Fetching()
    index, url = load_description(source, chosen, stdin_text)
    public = url is not None and not chosen.allow_private and not chosen.allow_addresses
    ctx = context(
        index,
        requirement_set,
        lang,
        base_url=url,
        public_source=public,
        validate_schema=validate_schema,
    )
    return probe_index(index, ctx)


def probe_index(index: ApiIndex, ctx: ProbeContext) -> Probed:
    """Run every probe check over an indexed description in its context (`probe_checks.context`,
    which also holds the full schema validation when it was asked for: check OA015, off by
    default for its cost, which `Probed.schema_validation` gives) and decide each requirement
    that lists a probe check: by its DIGG profile rule check where it lists one, else by its
    probe checks; a requirement the description cannot speak to is only in the reconciliation
    rows."""
    from proccheck.checks.probe_checks import describe_subject, measurements
    from proccheck.checks.rest_profile import cannot_show
    from proccheck.engine import evaluate
    from proccheck.model import DimensionScore, ReconciliationRow, Subject

    requirement_set, lang = ctx.requirement_set, ctx.lang
    report, evidence = evaluate(
        "probe",
        index,
        ctx,
        subject=Subject(path=index.display, name=describe_subject(index, lang)),
        met_reason=measurements(index, ctx),
        listed_only=True,
        locate=lambda at: (
            at.model_copy(update={"line": index.line_of(at.pointer)})
            if at.pointer and at.line is None
            else at
        ),
        score=ctx.analysis.overall,
    )
    report = report.model_copy(
        update={
            "dimensions": tuple(
                DimensionScore(name=name, score=dimension.score, counts=dict(dimension.counts))
                for name, dimension in ctx.analysis.dimensions.items()
            )
        }
    )
    results = {r.requirement: r for r in report.results}
    rows = []
    for requirement in requirement_set.requirements:
        result = results.get(requirement.id)
        rows.append(
            ReconciliationRow(
                requirement=requirement.id,
                level=requirement.level,
                text=requirement.text.get(lang),
                outcome=result.outcome if result else "not_verified",
                reason=result.reason if result else cannot_show(lang),
                evidence=evidence.get(requirement.id, ()),
            )
        )
    return Probed(report=report, rows=tuple(rows), schema_validation=ctx.schema_validation)


# --- probing many descriptions (issue 13, item 6) ------------------------------------------------


def probe_sources(
    sources: Sequence[str], *, lists: Sequence[PathArg] = ()
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What `proccheck probe` reads for `sources` and the list files `lists` (one path or URL a
    line, `#` comments, paths relative to the list): a folder stands for the OpenAPI/Swagger
    descriptions below it. Returns the sources in order and the files below folders that were
    skipped because they do not look like API descriptions."""
    from proccheck.loaders.probe_sources import probe_sources as expand

    found = expand(list(sources), [Path(item) for item in lists])
    return found.sources, found.skipped


def probe_many(
    sources: Sequence[str],
    requirement_set: RequirementSet,
    lang: Lang,
    fetching: Fetching | None = None,
    validate_schema: bool = False,
    *,
    jobs: int = 1,
    stdin_text: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[Probed | Problem]:
    """Probe every source, `jobs` at a time, and give each one's result in the order of
    `sources`: a `Probed`, or the `Problem` that kept it from being read.

    Threads, because the time goes mostly into fetching; each task runs in a copy of the
    caller's context, so the run's language (`use_lang`) and screen (`screened`) hold in it.
    `progress(done, total, source)` is called in the calling thread as each source finishes."""
    import contextvars
    from concurrent.futures import ThreadPoolExecutor, as_completed

    from proccheck.engine import problem_from
    from proccheck.errors import ProccheckError
    from proccheck.i18n import use_lang

    def one(source: str) -> Probed | Problem:
        text = stdin_text if source == "-" else None
        try:
            with use_lang(lang):  # errors in the language of the reports
                return probe_detailed(
                    source, requirement_set, lang, fetching, validate_schema, text
                )
        except ProccheckError as error:
            return problem_from(error)

    total = len(sources)
    results: list[Probed | Problem | None] = [None] * total
    if jobs <= 1 or total <= 1:
        for number, source in enumerate(sources):
            results[number] = one(source)
            if progress:
                progress(number + 1, total, source)
    else:
        with ThreadPoolExecutor(max_workers=min(jobs, total)) as pool:
            futures = {
                pool.submit(contextvars.copy_context().run, one, source): number
                for number, source in enumerate(sources)
            }
            try:
                for done, future in enumerate(as_completed(futures), start=1):
                    number = futures[future]
                    results[number] = future.result()
                    if progress:
                        progress(done, total, sources[number])
            except BaseException:  # an internal error or ^C: start no further source
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    return [item for item in results if item is not None]
