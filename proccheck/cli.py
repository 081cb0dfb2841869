"""The command line: click options -> library call -> formatters -> exit code.

Only this module imports click. Heavy modules (pydantic, requests, jsonschema, openpyxl) are
imported inside the commands that need them, so `proccheck --help` starts fast.

Exit codes: 0 all requirements at the fail level met; 1 at least one not met; 2 usage error or
unreadable input; 3 internal error.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import gettext
import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn

import click
import click.shell_completion

from proccheck import __version__
from proccheck.i18n import (
    N_,
    _,
    current_lang,
    default_lang,
    ngettext,
    tr,
    translation,
    use_lang,
)
from proccheck.resources import (
    forget_inputs,
    refuse_input_target,
    writable_folder,
    write_atomic,
)

if TYPE_CHECKING:
    from proccheck.config import Configuration
    from proccheck.errors import ProccheckError
    from proccheck.model import Lang, RequirementSet, RunResult

EXIT_OK, EXIT_FAIL, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


class _State:
    traceback = False
    config: Configuration | None = None
    """The configuration `main` already read for the language of its messages (read once)."""


def _lang(ctx: click.Context, param: click.Parameter, value: str | None) -> Lang:
    """The command's language (its `language` argument): --lang, else the one main() took from
    argv and the locale."""
    return "sv" if value == "sv" else "en" if value == "en" else current_lang()


def _argv_lang(args: Sequence[str]) -> Lang | None:
    """`--lang sv` or `--lang=sv` anywhere on the command line (the last one wins, as in click):
    it is an option of the subcommands, but click's help and usage errors come before them."""
    found: Lang | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        if value in ("sv", "en"):
            found = "sv" if value == "sv" else "en"
    return found


def _shown(text: str) -> str:
    """A help text, written as an English msgid, in the language of the run."""
    return _(current_lang(), text)


class _Command(click.Command):
    """A command whose help texts are translated when shown: click keeps the texts it is given
    at import, but the language is known only once main() has read argv and the locale."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(_shown(self.help))

    def get_short_help_str(self, limit: int = 45) -> str:
        if self.short_help:
            return _shown(self.short_help)
        # the first sentence; "e.g." and "t.ex." do not end one
        first = re.split(r"(?<!e\.g\.)(?<!t\.ex\.)(?<=\.)\s", _shown(self.help or ""), maxsplit=1)[
            0
        ]
        return textwrap.shorten(first, limit, placeholder="...")

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The example lines, translated and kept as written (click would rewrap them)."""
        if self.epilog:
            formatter.write_paragraph()
            for line in _shown(self.epilog).splitlines():
                formatter.write(f"  {line}\n" if line else "\n")

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:  # click keeps it with its help in the language of its first run
            option.help = N_("Show this message and exit.")
        return option

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or isinstance(param, click.Argument):
                continue
            spec, text = record
            english = getattr(param, "help", None) or ""
            if english and text.startswith(english):  # click may append "[default: …]"
                text = _shown(english) + text[len(english) :]
            records.append((spec, text))
        if records:
            with formatter.section(_shown("Options")):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)


class _Group(_Command, click.Group):
    """A group of commands with translated help; its subgroups are of the same class."""

    command_class = _Command
    group_class = type


_CLICK_REQUIRED = N_("required")
"""click marks a required option `[required]` through a msgid it computes, which the extractor
cannot see; listed here so the catalogue has it."""


def _click_gettext(message: str) -> str:
    return translation(current_lang()).gettext(message)


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    return translation(current_lang()).ngettext(singular, plural, n)


@contextlib.contextmanager
def _click_translated() -> Iterator[None]:
    """click's own words ("Usage:", "No such option", "Show this message and exit.") go through
    gettext's default domain when shown; for the length of a run, send them through our
    catalogue (which holds click's msgids) in the run's language."""
    ours: dict[str, tuple[object, object]] = {
        "_": (gettext.gettext, _click_gettext),
        "ngettext": (gettext.ngettext, _click_ngettext),
    }
    replaced: list[tuple[ModuleType, str, object]] = []
    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] != "click":
            continue
        for attribute, (original, replacement) in ours.items():
            if vars(module).get(attribute) is original:
                replaced.append((module, attribute, original))
                setattr(module, attribute, replacement)
    try:
        yield
    finally:
        for module, attribute, saved in replaced:
            setattr(module, attribute, saved)


_quiet_option = click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help=N_("Do not list the files written (and the outcome) on stderr."),
)

_lang_option = click.option(
    "--lang",
    "language",
    type=click.Choice(["sv", "en"]),
    default=None,
    callback=_lang,
    help=N_("Language of reports and messages (default: from the locale, else English)."),
)


def _complete_code(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    """Shell completion of check codes, with their titles."""
    from proccheck.checks import all_checks

    head, _comma, last = incomplete.rpartition(",")
    prefix = f"{head}," if head else ""
    return [
        click.shell_completion.CompletionItem(prefix + code, help=check.title.en)
        for code, check in all_checks().items()
        if code.startswith(last.upper())
    ]


def _complete_format(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    """Shell completion of output formats (then FMT:PATH as a file)."""
    from proccheck.report import FORMATS

    if ":" in incomplete:
        return [click.shell_completion.CompletionItem(incomplete, type="file")]
    return [click.shell_completion.CompletionItem(f) for f in FORMATS if f.startswith(incomplete)]


def _complete_set(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    """Shell completion of `builtin:` set names, else of files."""
    from proccheck.resources import builtin_sets

    names = [f"builtin:{name}" for name in builtin_sets()]
    if not ("builtin:".startswith(incomplete) or incomplete.startswith("builtin:")):
        return [click.shell_completion.CompletionItem(incomplete, type="file")]
    return [click.shell_completion.CompletionItem(n) for n in names if n.startswith(incomplete)]


_jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help=N_("Check this many files at a time, in separate processes."),
)


def _inputs(paths: Sequence[str | Path], kind: str) -> list[Path]:
    """The files behind the arguments (folders, patterns), with the configured include and
    exclude patterns."""
    from proccheck.api import input_files

    settings = _configuration().settings
    include = settings["include"].value if "include" in settings else ()
    exclude = settings["exclude"].value if "exclude" in settings else ()
    return input_files(list(paths), kind, include=include, exclude=exclude)  # type: ignore[arg-type]


def _codes(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """`--select SP001,SP003 --select AN`: codes or prefixes, commas or repeats."""
    return tuple(code.strip() for item in value for code in item.split(",") if code.strip())


def _report_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that produces a report; --select, --ignore, --baseline
    and the configured per-file-ignores apply to every report the command makes."""
    options = [
        click.option(
            "-f",
            "--format",
            "formats",
            multiple=True,
            metavar="FMT[:PATH]",
            shell_complete=_complete_format,
            help=N_(
                "Output format, repeatable: text, json, sarif, junit, markdown, html, github "
                "(workflow annotations), gitlab (Code Quality). FMT:PATH writes that format to "
                "PATH (e.g. -f html:report.html -f sarif:out.sarif)."
            ),
        ),
        click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help=N_("Write the (single) format without a path to this file instead of stdout."),
        ),
        click.option(
            "--fail-on",
            type=click.Choice(["must", "should", "never"]),
            default="must",
            show_default=True,
            help=N_("Which level of unmet requirement makes the exit code 1."),
        ),
        click.option(
            "--strict",
            is_flag=True,
            help=N_("Also fail (exit 1) on requirements that could not be verified."),
        ),
        click.option(
            "--select",
            multiple=True,
            metavar="CODES",
            callback=_codes,
            shell_complete=_complete_code,
            help=N_(
                "Run only the checks whose codes start with one of these (e.g. SP or "
                "SP001,SP003). A requirement whose check does not run is at best not verified."
            ),
        ),
        click.option(
            "--ignore",
            multiple=True,
            metavar="CODES",
            callback=_codes,
            shell_complete=_complete_code,
            help=N_(
                "Do not run the checks whose codes start with one of these (e.g. SP004). A "
                "requirement whose check does not run is at best not verified."
            ),
        ),
        click.option(
            "--baseline",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help=N_(
                "Decision file of known findings: they are shown as set aside and do not "
                "fail the run; only new findings do (their requirement is at best not verified)."
            ),
        ),
        click.option(
            "--write-baseline",
            is_flag=True,
            help=N_(
                "Write every finding of this run into the --baseline file (keeping the "
                "decisions people made there) and exit 0."
            ),
        ),
        click.option(
            "--color",
            "--colour",
            "color",
            type=click.Choice(["auto", "always", "never"]),
            default="auto",
            show_default=True,
            help=N_(
                "Colour the text report: auto (on a terminal, unless NO_COLOR is set; "
                "FORCE_COLOR forces it), always or never."
            ),
        ),
        _quiet_option,
        click.option(
            "-v",
            "--verbose",
            is_flag=True,
            help=N_(
                "Text output: also list the findings set aside (baseline, suppressions, "
                "decisions); for sets validate, every requirement with its verdict."
            ),
        ),
        _lang_option,
    ]
    for option in reversed(options):
        func = option(func)
    return _screened(func)


def _screened(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run a report command inside `api.screened`, with its --select/--ignore, its baseline
    (unless it is being rewritten) and the configuration's per-file-ignores."""

    @functools.wraps(func)
    def run(*args: Any, **options: Any) -> Any:
        from proccheck.api import screened
        from proccheck.errors import InputError, UsageError

        select, ignore = options.pop("select"), options.pop("ignore")
        _configured_codes_known()
        baseline: Path | None = options["baseline"]
        if options["write_baseline"] and baseline is None:
            raise UsageError(
                tr("--write-baseline needs --baseline FILE"),
                hint=tr("e.g. --baseline proccheck-baseline.yaml --write-baseline"),
            )
        decisions = None
        if baseline is not None and not options["write_baseline"]:
            if not baseline.exists():
                raise InputError(
                    tr("baseline file not found"),
                    path=str(baseline),
                    hint=tr(
                        "write it first with --baseline {path} --write-baseline", path=baseline
                    ),
                )
            decisions = baseline
        for _name, target in _report_targets(options["formats"], options["output"]):
            if target is not None and not options["write_baseline"]:
                writable_folder(target)  # a usage error now, not after reading every input
        per_file = _configuration().settings.get("per-file-ignores")
        with screened(
            select=select,
            ignore=ignore,
            decisions=decisions,
            per_file_ignores=per_file.value if per_file else None,
        ):
            return func(*args, **options)

    return run


def _configured_codes_known() -> None:
    """Refuse an unknown check code in the configuration's select or ignore where it is written
    (file and line): `api.screened` would blame the command-line option nobody typed."""
    from proccheck.checks import unknown_code
    from proccheck.errors import InputError

    context = click.get_current_context()
    for key in ("select", "ignore"):
        if context.get_parameter_source(key) is not click.core.ParameterSource.DEFAULT_MAP:
            continue
        setting = _configuration().settings[key]
        for code in setting.value:
            hint = unknown_code(str(code).strip().upper())
            if hint is not None:
                raise InputError(
                    tr("{key}: no check code starts with {code}", key=key, code=code),
                    path=setting.source,
                    hint=hint,
                )


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_(
        "proccheck checks procurement must-requirements (skall-krav): the buyer owns and "
        "controls all data, the system builds on open standards, the system supports open "
        "APIs.\n\nExit codes: 0 met, 1 a requirement at the fail level not met, 2 usage error "
        "or unreadable input, 3 internal error."
    ),
    epilog=N_(
        "Examples:\n"
        "  proccheck spec check kravspecifikation.docx --lang sv -f html:rapport.html\n"
        "  proccheck answers check anbud/*.xlsx --spec kravspecifikation.docx --lang sv\n"
        "  proccheck probe openapi.yaml --set builtin:digg-rest-api-profil"
    ),
)
@click.version_option(__version__, "-V", "--version", prog_name="proccheck")
@click.option("--traceback", is_flag=True, help=N_("Show a Python traceback on internal errors."))
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=N_(
        "Read this configuration file (default: .proccheck.yaml, proccheck.toml or "
        "[tool.proccheck] in pyproject.toml, found from the working folder upwards)."
    ),
)
@click.option("--isolated", is_flag=True, help=N_("Ignore every configuration file."))
@click.pass_context
def cli(ctx: click.Context, traceback: bool, config_path: Path | None, isolated: bool) -> None:
    from proccheck.config import configuration

    _State.traceback = traceback
    early = _State.config if config_path is None and not isolated else None
    config = early or configuration(Path.cwd(), config_path, isolated)
    ctx.meta[_CONFIG] = config
    ctx.default_map = _command_defaults(ctx.command, config)
    if "limits" in config.settings:
        from proccheck import limits

        limits.configure(config.settings["limits"].value)


_CONFIG = "proccheck.config"
_CONFIGURED_OPTIONS = {
    "set": "set_ref",
    "lang": "language",
    "fail-on": "fail_on",
    "strict": "strict",
    "format": "formats",
    "quiet": "quiet",
    "select": "select",
    "ignore": "ignore",
    "baseline": "baseline",
    "color": "color",
    "jobs": "jobs",
}
"""Configuration key -> the option of every command that takes it."""


def _command_defaults(group: click.Command, config: Configuration) -> dict[str, Any]:
    """click's default map for the whole command tree: each command's options take the
    configured value unless the command line gives one. A configured set is the default only
    where --set has one of its own (answers commands choose --spec or --set: `_requirements`)."""
    defaults: dict[str, Any] = {}
    if isinstance(group, click.Group):
        for name, command in group.commands.items():
            below = _command_defaults(command, config)
            if below:
                defaults[name] = below
        return defaults
    params = {param.name: param for param in group.params}
    for key, name in _CONFIGURED_OPTIONS.items():
        setting = config.settings.get(key)
        param = params.get(name)
        if setting is None or param is None:
            continue
        if name == "set_ref" and param.default is None:
            continue
        defaults[name] = setting.value
    return defaults


def _subgroup(name: str, help: str, short_help: str) -> click.Group:
    """A group of subcommands (`proccheck sets …`); it does nothing itself."""
    group = _Group(name, help=help, short_help=short_help)
    cli.add_command(group)
    return group


# --- tender --------------------------------------------------------------------------------------


tender = _subgroup(
    "tender",
    N_(
        "A tender folder (upphandling.yaml, the requirements in krav/, one folder per bid under "
        "anbud/, decisions in beslut.yaml), checked into one evaluation record."
    ),
    N_("Tender folder: init, check, decide."),
)


def _record_date(value: str | None) -> str | None:
    from proccheck.errors import UsageError

    if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise UsageError(tr("a date is written YYYY-MM-DD, not {value}", value=repr(value)))
    return value


@tender.command(
    "init",
    short_help=N_("Create a tender folder."),
    epilog=N_(
        "Example:\n  proccheck tender init upphandling-2026-41 --set builtin:open-baseline --name "
        '"Ärendehanteringssystem" --dnr "KS 2026/41" --buyer "Ovanåkers kommun"'
    ),
    help=N_(
        "Write FOLDER/upphandling.yaml (procurement, case number, buyer, requirement set, "
        "dates, bids) and the folders it describes: krav/ for the requirement specification, "
        "anbud/ with one folder per bid. An existing upphandling.yaml is never overwritten."
    ),
)
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--set",
    "set_ref",
    metavar="REF",
    default="builtin:open-baseline",
    show_default=True,
    help=N_("Requirement set of the procurement: builtin:NAME or a path."),
)
@click.option("--name", default="", help=N_("The procurement's name (default: the folder's)."))
@click.option("--dnr", "diarienummer", default="", help=N_("The case number (diarienummer)."))
@click.option("--buyer", default="", help=N_("The buying organisation."))
@_lang_option
def tender_init(
    folder: Path, set_ref: str, name: str, diarienummer: str, buyer: str, language: Lang
) -> None:
    from proccheck.resources import display_path
    from proccheck.tender import init_tender

    with use_lang(language):
        written = init_tender(
            folder, set_ref=set_ref, name=name, diarienummer=diarienummer, buyer=buyer
        )
        shown = _safe(display_path(folder))
        click.echo(
            tr(
                "wrote {path}; put the requirement specification in {folder}/krav/ (and name it "
                "under specification), each bid in a folder under {folder}/anbud/, then run: "
                "proccheck tender check {folder}",
                path=_safe(display_path(written)),
                folder=shown,
            ),
            err=True,
        )


@tender.command(
    "check",
    short_help=N_("Check a tender and write its evaluation record."),
    epilog=N_("Example:\n  proccheck tender check samples/tender --lang sv"),
    help=N_(
        "Check the tender in FOLDER: the specification against the requirement set, every "
        "bid's answers (probing the API descriptions attached to them), the comparison, and the "
        "decisions in beslut.yaml. Writes the evaluation record as HTML, XLSX and DOCX, and "
        "lists the findings that await a decision."
    ),
)
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=N_("Folder to write the record in (default: the tender folder)."),
)
@click.option(
    "--date",
    default=None,
    metavar="YYYY-MM-DD",
    help=N_("Date of the record (default: dates.evaluation in upphandling.yaml, else today)."),
)
@click.option(
    "--fail-on",
    type=click.Choice(["must", "should", "never"]),
    default="must",
    show_default=True,
    help=N_("Which level of unmet requirement makes the exit code 1."),
)
@click.option(
    "--strict",
    is_flag=True,
    help=N_("Also fail (exit 1) on requirements that could not be verified."),
)
@_quiet_option
@_lang_option
def tender_check(
    folder: Path,
    out: Path | None,
    date: str | None,
    fail_on: str,
    strict: bool,
    quiet: bool,
    language: Lang,
) -> None:
    from proccheck.engine import should_fail
    from proccheck.model import RunResult
    from proccheck.report import record, record_docx, record_xlsx
    from proccheck.tender import as_seen, check_tender

    with use_lang(language):
        made = check_tender(folder, lang=language, date=_record_date(date))
        # Translators: the file name of the evaluation record, without extension
        base = (out or folder) / _(language, "evaluation-record")
        files: list[tuple[Path, str, str | bytes]] = [
            (base.with_suffix(".html"), "HTML", record.render_html(made)),
            (base.with_suffix(".xlsx"), "XLSX", record_xlsx.render_xlsx(made)),
            (base.with_suffix(".docx"), "DOCX", record_docx.render_docx(made)),
        ]
        for path, _label, _content in files:
            writable_folder(path)
            refuse_input_target(path)
        for path, _label, content in files:
            write_atomic(path, content)
        click.echo(record.render_text(made), nl=False)
        problems = (*made.spec.problems, *made.comparison.run.problems)
        run = RunResult(
            reports=(*made.spec.reports, *made.comparison.run.reports),
            problems=tuple(
                p.model_copy(update={"path": as_seen(p.path, folder)}) for p in problems
            ),
        )
        _print_problems(run)
        if not quiet:
            outcome = record.outcome_line(made)
            for path, label, _content in files:
                line = _(
                    language,
                    "wrote {path} ({format}); outcome: {outcome}",
                    path=_safe(str(path)),
                    format=label,
                    outcome=outcome,
                )
                click.echo(line, err=True)
    if run.problems:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_FAIL if should_fail(run, fail_on, strict) else EXIT_OK)  # type: ignore[arg-type]


@tender.command(
    "decide",
    short_help=N_("Record a decision about a finding."),
    epilog=N_(
        "Example:\n"
        "  proccheck tender decide samples/tender 02480a7c3e39 --decision godtas --motivation "
        '"The partner\'s API is part of the delivery." --by "Anna Berg"'
    ),
    help=N_(
        "Record in FOLDER/beslut.yaml a decision about the finding whose FINGERPRINT (or its "
        "first 6 or more characters) tender check lists: accepted (godtas), rejected (avvisas) "
        "or supplement requested (kompletteras), with its motivation. A decision about the same "
        "finding replaces the earlier one; the next tender check shows it in the record."
    ),
)
@click.argument("folder", type=click.Path(path_type=Path))
@click.argument("fingerprint")
@click.option(
    "--decision",
    "judgement",
    required=True,
    metavar="godtas|avvisas|kompletteras",
    help=N_("The decision: godtas, avvisas, kompletteras (or accepted, rejected, supplement)."),
)
@click.option("--motivation", required=True, help=N_("Why: it goes into the evaluation record."))
@click.option("--by", "by", default="", help=N_("Who decided."))
@click.option(
    "--date",
    default=None,
    metavar="YYYY-MM-DD",
    help=N_("When it was decided (default: today)."),
)
@_lang_option
def tender_decide(
    folder: Path,
    fingerprint: str,
    judgement: str,
    motivation: str,
    by: str,
    date: str | None,
    language: Lang,
) -> None:
    from proccheck.report.record import decision_note
    from proccheck.resources import display_path
    from proccheck.tender import decide
    from proccheck.tenderformat import DECISIONS_FILE

    with use_lang(language):
        decision = decide(
            folder,
            fingerprint,
            judgement,
            motivation=motivation,
            by=by,
            date=_record_date(date),
            lang=language,
        )
        click.echo(
            tr(
                "wrote {path}: {requirement} {check}: {decision}",
                path=_safe(display_path(folder / DECISIONS_FILE)),
                requirement=_safe(decision.requirement or "–"),
                check=decision.check,
                decision=_safe(decision_note(language, decision)),
            ),
            err=True,
        )


# --- sets ----------------------------------------------------------------------------------------


sets = _subgroup(
    "sets",
    N_("List, show, create and validate requirement sets (kravbibliotek)."),
    N_("Requirement sets: list, show, create, validate."),
)


def _print_set_notes(requirement_set: RequirementSet, language: Lang) -> None:
    """`note: title: given in Swedish only, used for both languages` on stderr."""
    from proccheck.requirements import one_language_notes

    for note in one_language_notes(requirement_set, language):
        click.echo(f"note: {_safe(note)}", err=True)


@sets.command(
    "list",
    short_help=N_("List the built-in requirement sets."),
    epilog=N_("Example:\n  proccheck sets list --lang sv"),
    help=N_("List the built-in requirement sets."),
)
@_lang_option
def sets_list(language: Lang) -> None:
    from proccheck.requirements import load_requirement_set
    from proccheck.resources import builtin_sets
    from proccheck.vocabulary import version_word

    for name in builtin_sets():
        requirement_set = load_requirement_set(f"builtin:{name}")
        musts = sum(1 for r in requirement_set.requirements if r.level == "must")
        total = len(requirement_set.requirements)
        musts_text = _(language, "({count} must)", count=musts)
        click.echo(
            f"builtin:{name:<24} {version_word(language, requirement_set.version):<8} {total:>3} "
            f"{musts_text}  {requirement_set.title.get(language)}"
        )


@sets.command(
    "show",
    short_help=N_("Show a requirement set."),
    epilog=N_("Example:\n  proccheck sets show builtin:open-baseline --resolved -f text --lang sv"),
    help=N_("Show requirement set REF (builtin:NAME or a path): as written, or --resolved."),
)
@click.argument("ref")
@click.option("--resolved", is_flag=True, help=N_("Show the set with all extends applied."))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json", "text"]),
    default=None,
    help=N_("yaml (default with --resolved), json, or a readable text listing."),
)
@_lang_option
def sets_show(ref: str, resolved: bool, fmt: str | None, language: Lang) -> None:
    from proccheck.api import load_requirement_set
    from proccheck.loaders.kravmatris import SUFFIXES as KRAVMATRIS
    from proccheck.requirements import BUILTIN_PREFIX
    from proccheck.resources import builtin_sets

    if fmt is None and Path(ref).suffix.lower() in KRAVMATRIS:
        fmt = "text"  # a kravmatris is shown as read: its bytes are no text
    if not resolved and fmt is None:
        requirement_set = load_requirement_set(ref)  # validates the whole chain first
        if ref.startswith(BUILTIN_PREFIX):
            path = builtin_sets()[ref[len(BUILTIN_PREFIX) :]]
        else:
            path = Path(ref)
        click.echo(path.read_text(encoding="utf-8-sig"), nl=False)
        _print_set_notes(requirement_set, language)
        return
    requirement_set = load_requirement_set(ref)
    _print_set_notes(requirement_set, language)
    if fmt == "text":
        from proccheck.vocabulary import level_word, version_word

        version = version_word(language, requirement_set.version)
        click.echo(f"{requirement_set.id} {version}: {requirement_set.title.get(language)}")
        click.echo("  <- " + " <- ".join(reversed(requirement_set.sources)))
        for requirement in requirement_set.requirements:
            click.echo(
                f"{requirement.id:<16} {level_word(language, requirement.level):<6} "
                f"{requirement.principle:<15} {requirement.title.get(language)}"
            )
        return
    import json

    data = requirement_set.model_dump(mode="json")
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        import yaml

        click.echo(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), nl=False)


@sets.command(
    "init",
    short_help=N_("Write a commented starter set."),
    epilog=N_("Example:\n  proccheck sets init min-kommun.yaml --extends builtin:open-baseline"),
    help=N_(
        "Write a commented starter requirement set to FILE (default min-kommun.yaml) that "
        "extends builtin:open-baseline and is valid as it stands; check it with `proccheck sets "
        "validate FILE`, use it with `--set FILE`."
    ),
)
@click.argument("file", required=False, default="min-kommun.yaml", type=click.Path(path_type=Path))
@click.option(
    "--extends",
    "extends",
    multiple=True,
    metavar="REF",
    help=N_(
        "A set the new one builds on: builtin:NAME or a path (repeatable; default "
        "builtin:open-baseline)."
    ),
)
@click.option(
    "--lang",
    "language",
    type=click.Choice(["sv", "en"]),
    default="sv",
    show_default=True,
    help=N_("The language of the set's texts and comments (its lang)."),
)
@click.option("--force", is_flag=True, help=N_("Overwrite FILE if it exists."))
def sets_init(file: Path, extends: tuple[str, ...], language: Lang, force: bool) -> None:
    from proccheck import api
    from proccheck.resources import display_path

    written = api.init_set(file, extends=extends or (api.DEFAULT_SET,), lang=language, force=force)
    click.echo(
        tr(
            "wrote {path} (a starter requirement set); check it with: proccheck sets validate {path}",
            path=_safe(display_path(written)),
        ),
        err=True,
    )


@sets.command(
    "validate",
    short_help=N_("Validate and lint requirement set files."),
    epilog=N_("Example:\n  proccheck sets validate min-kommun.yaml --lang sv"),
    help=N_("Validate requirement set FILES (resolving extends) and lint their requirements."),
)
@click.argument("files", nargs=-1, required=True)
@_report_options
def sets_validate(files: tuple[str, ...], language: Lang, **options: Any) -> None:
    from proccheck import api
    from proccheck.engine import problem_from
    from proccheck.errors import ProccheckError
    from proccheck.model import RunResult

    reports, problems = [], []
    refs = [  # in the order given; a folder or pattern stands for the set files it holds
        ref
        for given in files
        for ref in ([given] if given.startswith("builtin:") else map(str, _inputs([given], "set")))
    ]
    for file in refs:
        try:
            reports.append(api.validate_set(file, lang=language))
        except ProccheckError as error:
            problems.append(problem_from(error))
    run = RunResult(reports=tuple(reports), problems=tuple(problems))
    _finish(run, brief_text=not options["verbose"], **options)


@sets.command(
    "export",
    short_help=N_("Write a set as a Word or Excel annex."),
    epilog=N_("Example:\n  proccheck sets export builtin:open-baseline -o krav.xlsx --lang sv"),
    help=N_(
        "Write the requirements of set REF (builtin:NAME or a path) as an annex of the tender "
        "documents: id, level (Ska/Bör), text, motive, how it is verified and sources. -o "
        "krav.docx writes a Word document; -o krav.xlsx a kravmatris, which works as --set."
    ),
)
@click.argument("ref", shell_complete=_complete_set)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help=N_("The file to write: .docx or .xlsx."),
)
@_quiet_option
@_lang_option
def sets_export(ref: str, output: Path, quiet: bool, language: Lang) -> None:
    from proccheck.api import load_requirement_set
    from proccheck.errors import UsageError
    from proccheck.report import set_export

    suffix = output.suffix.lower()
    if suffix not in set_export.SUFFIXES:
        raise UsageError(
            tr("cannot write a requirement set as a {suffix} file", suffix=suffix or "''"),
            path=_safe(str(output)),
            hint=tr("name the file krav.docx (Word) or krav.xlsx (Excel kravmatris)"),
        )
    requirement_set = load_requirement_set(ref)
    if suffix == ".docx":
        _write_output(output, set_export.render_set_docx(requirement_set, language))
    else:
        _write_output(output, set_export.render_set_xlsx(requirement_set, language))
    if quiet:
        return
    count = len(requirement_set.requirements)
    wrote = ngettext(
        language,
        "wrote {path} ({format}, {count} requirement)",
        "wrote {path} ({format}, {count} requirements)",
        count,
        path=_safe(str(output)),
        format=suffix[1:].upper(),
        count=count,
    )
    click.echo(wrote, err=True)


# --- spec ----------------------------------------------------------------------------------------


spec = _subgroup(
    "spec",
    N_("Lint a requirement specification (kravspecifikation) before the tender goes out."),
    N_("Lint a requirement specification."),
)


@spec.command(
    "check",
    short_help=N_("Check specifications against a set."),
    epilog=N_(
        "Example:\n"
        "  proccheck spec check kravspecifikation.docx --set min-kommun.yaml --lang sv -f html:rapport.html"
    ),
    help=N_(
        "Check specification FILES (.md .txt .docx .yaml .json .csv .xlsx): is every "
        "requirement of the set there, at must level, verifiable, and not undermined elsewhere?"
    ),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--set",
    "set_ref",
    metavar="REF",
    shell_complete=_complete_set,
    default="builtin:open-baseline",
    show_default=True,
    help=N_("Requirement set to check against: builtin:NAME or a path."),
)
@_jobs_option
@_report_options
def spec_check(
    files: tuple[Path, ...], set_ref: str, jobs: int, language: Lang, **options: Any
) -> None:
    from proccheck import api

    paths = _inputs(files, "spec")
    run = api.check_spec(
        paths,
        requirement_set=set_ref,
        lang=language,
        errors="collect",
        jobs=jobs,
        progress=_progress(len(paths)),
    )
    _finish(run, **options)


# --- answers -------------------------------------------------------------------------------------


answers = _subgroup(
    "answers",
    N_("Check vendor answers (anbudssvar), compare bids, hand out the answer template."),
    N_("Check, compare and template vendor answers."),
)


def _answer_source(options: dict[str, Any], language: Lang) -> tuple[Any, tuple[str, ...]]:
    """The requirements vendors answer: from --spec (the buyer's own ids) or --set."""
    from proccheck.api import answer_source
    from proccheck.errors import UsageError

    spec_path, set_ref = options.pop("spec_path"), options.pop("set_ref")
    if spec_path is not None and set_ref is not None:
        raise UsageError(tr("give --spec or --set, not both"))
    if spec_path is None and set_ref is None:
        configured = _configuration().settings.get("set")
        set_ref = configured.value if configured else None
    return answer_source(spec_path, set_ref, language)


def _configuration() -> Configuration:
    """The configuration the root command read (none when run outside it, as in tests)."""
    from proccheck.config import Configuration

    context = click.get_current_context(silent=True)
    found = context.find_root().meta.get(_CONFIG) if context else None
    return found if isinstance(found, Configuration) else Configuration()


_spec_or_set = [
    click.option(
        "--mapping",
        type=click.Path(path_type=Path),
        default=None,
        help=N_(
            "YAML file describing a layout proccheck cannot guess: sheet, header_row, "
            "columns {id, text, answer, comment, evidence} as letters or header texts."
        ),
    ),
    click.option(
        "--spec",
        "spec_path",
        type=click.Path(path_type=Path),
        default=None,
        help=N_("The specification the vendors answered (its own requirement ids)."),
    ),
    click.option(
        "--set",
        "set_ref",
        metavar="REF",
        shell_complete=_complete_set,
        default=None,
        help=N_("Or a requirement set: builtin:NAME or a path (default builtin:open-baseline)."),
    ),
]


def _with_spec_or_set(func: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_spec_or_set):
        func = option(func)
    return func


@answers.command(
    "check",
    short_help=N_("Check each vendor's answers."),
    epilog=N_(
        "Example:\n"
        "  proccheck answers check anbud/*.xlsx --spec kravspecifikation.docx --probe --lang sv"
    ),
    help=N_(
        "Check vendor answer FILES (.yaml .json .csv .xlsx): one report per vendor. Answers "
        "are flagged for review (reservations, Delvis, missing evidence, reworded "
        "requirements); a person decides."
    ),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_with_spec_or_set
@click.option(
    "--probe",
    "probe_api",
    is_flag=True,
    help=N_(
        "Probe the API descriptions vendors give as evidence (files in the bid folder or URLs) "
        "and flag yes-answers the description does not support. Nothing is fetched without it."
    ),
)
@click.option(
    "--allow-private",
    is_flag=True,
    hidden=True,  # evidence URLs are the vendor's: never opened; kept so older scripts still run
    help=N_("No effect: evidence URLs are written by vendors and only public ones are fetched."),
)
@_jobs_option
@_report_options
def answers_check(
    files: tuple[Path, ...],
    probe_api: bool,
    allow_private: bool,
    jobs: int,
    language: Lang,
    **options: Any,
) -> None:
    from proccheck.api import DEFAULT_SET, answers_run

    defaulted = options["spec_path"] is None and options["set_ref"] is None
    defaulted = defaulted and _configuration().settings.get("set") is None
    requirement_set, procurement = _answer_source(options, language)
    paths = _inputs(files, "answers")
    run = answers_run(
        paths,
        requirement_set,
        language,
        procurement,
        probe=probe_api,
        mapping=options.pop("mapping"),
        jobs=jobs,
        progress=_progress(len(paths)),
    )
    if defaulted and run.reports and not options["quiet"]:  # never silently open-baseline
        note = _(
            language,
            "note: neither --spec nor --set given; using the requirement set {set}",
            set=DEFAULT_SET,
        )
        click.echo(note, err=True)
    _finish(run, **options)


@answers.command(
    "compare",
    short_help=N_("Vendors × requirements matrix."),
    epilog=N_(
        "Example:\n"
        "  proccheck answers compare anbud/*.xlsx --spec kravspecifikation.docx -o jamforelse.xlsx --lang sv"
    ),
    help=N_(
        "Compare vendors side by side: a vendors × requirements matrix for the evaluation record."
    ),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_with_spec_or_set
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "csv", "html", "markdown", "json"]),
    default=None,
    help=N_("Format of the comparison matrix (default: from the -o suffix, else xlsx)."),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=N_("File to write (required for xlsx; others go to stdout without it)."),
)
@_quiet_option
@_lang_option
def answers_compare(
    files: tuple[Path, ...],
    fmt: str | None,
    output: Path | None,
    quiet: bool,
    language: Lang,
    **options: Any,
) -> None:
    from proccheck.api import answers_run, comparison
    from proccheck.errors import UsageError
    from proccheck.report import matrix

    offered = ("xlsx", "csv", "html", "markdown", "json")
    if output is not None:
        fmt = _output_format(output, fmt, offered)
    fmt = fmt or "xlsx"
    if fmt == "xlsx" and output is None:
        raise UsageError(
            tr("-f xlsx needs -o FILE.xlsx"), hint=tr("or choose -f csv/html/markdown/json")
        )
    requirement_set, procurement = _answer_source(options, language)
    run = answers_run(
        _inputs(files, "answers"),
        requirement_set,
        language,
        procurement,
        mapping=options.pop("mapping"),
    )
    matrix_of_run = comparison(run, requirement_set, language)
    renderers: dict[str, Callable[[Any], str | bytes]] = {
        "xlsx": matrix.render_xlsx,
        "csv": matrix.render_csv,
        "html": matrix.render_html,
        "markdown": matrix.render_markdown,
        "json": matrix.render_json,
    }
    content = renderers[fmt](matrix_of_run)
    if output is not None:
        _write_output(output, content)
    else:
        click.echo(content if isinstance(content, str) else "", nl=False)
    _print_problems(run)
    if output is not None and not quiet:
        _print_written([(output, fmt)], run)
    sys.exit(EXIT_INPUT if run.problems else EXIT_OK)


@answers.command(
    "template",
    short_help=N_("Write the answer matrix vendors fill in."),
    epilog=N_(
        "Example:\n"
        "  proccheck answers template --spec kravspecifikation.docx -o svarsmall.xlsx --lang sv"
    ),
    help=N_(
        "Write the answer matrix vendors fill in (Ja/Nej/Delvis drop-down, comment, evidence)."
    ),
)
@click.option(
    "--spec",
    "spec_path",
    type=click.Path(path_type=Path),
    default=None,
    help=N_("The specification whose requirements the vendors will answer (its own ids)."),
)
@click.option(
    "--set",
    "set_ref",
    metavar="REF",
    shell_complete=_complete_set,
    default=None,
    help=N_("Or a requirement set: builtin:NAME or a path (default builtin:open-baseline)."),
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "csv"]),
    default=None,
    help=N_(
        "File format of the template (default: from the -o suffix, else xlsx; xlsx has a "
        "Ja/Nej/Delvis drop-down)."
    ),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help=N_("The file to write, e.g. svarsmall.xlsx."),
)
@_quiet_option
@_lang_option
def answers_template(
    fmt: str | None, output: Path, quiet: bool, language: Lang, **options: Any
) -> None:
    from proccheck.report import matrix

    fmt = _output_format(output, fmt, ("xlsx", "csv")) or "xlsx"
    requirement_set, _ = _answer_source(options, language)
    if fmt == "xlsx":
        _write_output(output, matrix.render_template_xlsx(requirement_set, language))
    else:
        _write_output(output, matrix.render_template_csv(requirement_set, language))
    if quiet:
        return
    count = len(requirement_set.requirements)
    wrote = ngettext(
        language,
        "wrote {path} ({format}, answer template for {count} requirement)",
        "wrote {path} ({format}, answer template for {count} requirements)",
        count,
        path=_safe(str(output)),
        format=_FORMAT_LABELS.get(fmt, fmt),
        count=count,
    )
    click.echo(wrote, err=True)


# --- probe ---------------------------------------------------------------------------------------


@cli.command(
    "probe",
    short_help=N_("Measure how open an API is (OpenAPI)."),
    epilog=N_(
        "Example:\n"
        "  proccheck probe openapi.yaml --set builtin:digg-rest-api-profil --reconciliation avstamning.xlsx\n"
        "  proccheck probe leverantorer/ --from-file fler-api.txt -j 4"
    ),
    help=N_(
        "Measure how open an API really is from its OpenAPI 2.0/3.0/3.1 description: a file, "
        "`-` for stdin, or an http(s) URL (fetched only because you gave it, through a guard "
        "that refuses private addresses, and cached). Scores export, import, formats, auth, "
        "docs, versioning, errors, transport and terms. Several sources, a folder (the "
        "descriptions below it) or --from-file give one report each and a summary table."
    ),
)
@click.argument("sources", nargs=-1)
@click.option(
    "--from-file",
    "from_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help=N_(
        "Also probe the sources listed in FILE: one path or URL a line, # comments, relative "
        "paths relative to FILE; repeatable."
    ),
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help=N_("Fetch and analyse this many sources at a time (threads); output keeps their order."),
)
@click.option(
    "--set",
    "set_ref",
    metavar="REF",
    shell_complete=_complete_set,
    default="builtin:open-baseline",
    show_default=True,
    help=N_(
        "Requirement set whose API requirements the probe verifies "
        "(e.g. builtin:digg-rest-api-profil for DIGG's REST API profile)."
    ),
)
@click.option(
    "--allow-private",
    is_flag=True,
    help=N_(
        "Allow a URL you give to resolve to a loopback or private address (10/8, 172.16/12, "
        "192.168/16, fc00::/7), on its own host only: not redirects to other hosts nor $refs "
        "elsewhere. Link-local and cloud metadata addresses stay refused."
    ),
)
@click.option(
    "--allow-address",
    "allow_addresses",
    multiple=True,
    metavar="CIDR",
    help=N_(
        "Also allow this address or network (e.g. 169.254.169.254 or 10.1.0.0/16) for a URL "
        "you give, on its own host only; repeatable. The only way to reach link-local or "
        "metadata addresses."
    ),
)
@click.option(
    "--allow-remote-refs",
    is_flag=True,
    help=N_(
        "Follow $refs to other documents (http/https, same guard as the description, "
        "at most 20 documents). Without it they are reported as problems."
    ),
)
@click.option(
    "--offline",
    is_flag=True,
    help=N_("Never use the network: read URLs from the cache only (error when not cached)."),
)
@click.option(
    "--no-cache",
    is_flag=True,
    help=N_("Neither read nor write the fetch cache (PROCCHECK_CACHE_DIR sets its folder)."),
)
@click.option(
    "--validate-schema",
    is_flag=True,
    help=N_(
        "Also validate the whole description against the official OpenAPI 2.0/3.0/3.1 JSON "
        "Schema (check OA015; bundled, nothing fetched). Off by default: it can cost several "
        "times the rest of the probe (about 6 s on a 13 MB description); the time is reported."
    ),
)
@click.option(
    "--reconciliation",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE.xlsx",
    help=N_(
        "Also write a reconciliation workbook in the layout of DIGG's avstämning (sheet "
        "'Kravlista REST API profil': the requirement id in column B, OK / NOK / N/A or - in "
        "column E, the reason in column F) for every requirement of the set."
    ),
)
@_report_options
def probe(
    sources: tuple[str, ...],
    from_files: tuple[Path, ...],
    jobs: int,
    set_ref: str,
    allow_private: bool,
    allow_addresses: tuple[str, ...],
    allow_remote_refs: bool,
    offline: bool,
    no_cache: bool,
    validate_schema: bool,
    reconciliation: Path | None,
    language: Lang,
    **options: Any,
) -> None:
    from proccheck.api import Probed, load_requirement_set, probe_many, probe_sources
    from proccheck.errors import UsageError
    from proccheck.loaders.openapi import Fetching
    from proccheck.model import RunResult

    if not sources and not from_files:
        raise UsageError(
            tr("give a description to probe: a file, a folder, an http(s) URL or -"),
            hint=tr("or list them in a file: --from-file apis.txt"),
        )
    if offline and no_cache:
        raise UsageError(tr("--offline and --no-cache cannot be combined"), hint=tr("choose one"))
    if reconciliation is not None and reconciliation.suffix.lower() != ".xlsx":
        raise UsageError(tr("--reconciliation writes an .xlsx workbook"), path=str(reconciliation))
    requirement_set = load_requirement_set(set_ref)
    chosen, skipped = probe_sources(sources, lists=from_files)
    for path in skipped:
        note = _(language, "skipped: not an OpenAPI or Swagger description")
        click.echo(f"note: {_safe(path)}: {note}", err=True)
    stdin_text = None
    if "-" in chosen:
        from proccheck.loaders.structured import read_stdin

        stdin_text = read_stdin()
    if TYPE_CHECKING:
        from proccheck.loaders.cache import CacheMode
    cache: CacheMode = "offline" if offline else "off" if no_cache else "use"
    if allow_addresses:
        from proccheck.loaders.fetch import parse_networks

        parse_networks(allow_addresses)  # a bad one is a usage error before anything is read
    fetching = Fetching(allow_private, cache, allow_remote_refs, allow_addresses)
    progress = _progress(len(chosen))
    outcomes = probe_many(
        chosen,
        requirement_set,
        language,
        fetching,
        validate_schema,
        jobs=jobs,
        stdin_text=stdin_text,
        progress=progress,
    )
    probed = [item for item in outcomes if isinstance(item, Probed)]
    problems = [item for item in outcomes if not isinstance(item, Probed)]
    for source, item in zip(chosen, outcomes, strict=True):
        validation = item.schema_validation if isinstance(item, Probed) else None
        if validation is not None:
            more = "+" if validation.stopped == "limit" else ""
            line = ngettext(
                language,
                "{source}: schema validation (OpenAPI {version}): {count}{more} violation, {seconds:.2f} s",
                "{source}: schema validation (OpenAPI {version}): {count}{more} violations, {seconds:.2f} s",
                validation.count,
                source=source,
                version=validation.version,
                count=validation.count,
                more=more,
                seconds=validation.seconds,
            )
            click.echo(line, err=True)
    run = RunResult(reports=tuple(p.report for p in probed), problems=tuple(problems))
    extra: list[tuple[str, Path, str | bytes]] = []
    if reconciliation is not None and probed:
        from proccheck.report.reconciliation import render_xlsx

        sheets = [(item.report.subject, item.rows) for item in probed]
        extra.append(("xlsx", reconciliation, render_xlsx(sheets, language)))
    summary = ""
    if len(chosen) > 1 and _text_on_stdout(options):
        from proccheck.report.probe_summary import render_probe_summary

        summary = render_probe_summary(run, language)
    try:
        _finish(run, extra=extra, **options)
    except SystemExit:
        if summary:  # after the reports on stdout (_finish ends the run by exiting)
            click.echo("\n" + summary, nl=False)
        raise


def _progress(count: int) -> Callable[[int, int, str], None] | None:
    """`[3/14] file` on stderr as each of several inputs is done, only on a terminal (a CI log
    or a pipe gets the reports alone)."""
    if count < 2 or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, source: str) -> None:
        click.echo(f"[{done}/{total}] {_safe(source)}", err=True)

    return show


def _text_on_stdout(options: dict[str, Any]) -> bool:
    """Whether the run prints the text report on stdout (no -o, `text` without a path)."""
    if options.get("output") is not None or options.get("write_baseline"):
        return False
    return "text" in (options.get("formats") or ("text",))


# --- checks --------------------------------------------------------------------------------------


checks = _subgroup(
    "checks",
    N_("List the checks and explain what each one verifies."),
    N_("List and explain the checks."),
)


@checks.command(
    "list",
    short_help=N_("List every check."),
    epilog=N_("Example:\n  proccheck checks list --lang sv"),
    help=N_("List every check: code, name, what it applies to, title."),
)
@_lang_option
def checks_list(language: Lang) -> None:
    from proccheck.checks import all_checks

    checks = all_checks().values()
    code_width = max(len(check.code) for check in checks)
    name_width = max(len(check.name) for check in checks)
    kind_width = max(len(check.kind) for check in checks)
    for check in checks:
        click.echo(
            f"{check.code:<{code_width}}  {check.name:<{name_width}}  "
            f"{check.kind:<{kind_width}}  {check.title.get(language)}"
        )


@checks.command(
    "explain",
    short_help=N_("Explain one check."),
    epilog=N_("Example:\n  proccheck checks explain OA002 --lang sv"),
    help=N_("Explain check CODE (e.g. RS001, or its name)."),
)
@click.argument("code")
@_lang_option
def checks_explain(code: str, language: Lang) -> None:
    from proccheck.checks import all_checks, get_check
    from proccheck.checks.reference import check_notes
    from proccheck.errors import UsageError

    check = get_check(code)
    if check is None:
        import difflib

        known = [c.code for c in all_checks().values()] + [c.name for c in all_checks().values()]
        close = difflib.get_close_matches(code, known, n=1)
        raise UsageError(
            tr("unknown check {code}", code=repr(code)),
            hint=(tr("did you mean {name}?", name=close[0]) + " " if close else "")
            + tr("see `proccheck checks list`"),
        )
    click.echo(f"{check.code} {check.name}: {check.title.get(language)}")
    click.echo(check_notes(check, language))
    click.echo("")
    click.echo(check.doc(language))


# --- serve ---------------------------------------------------------------------------------------


@cli.command(
    "serve",
    short_help=N_("Open the tenders in a local web page."),
    epilog=N_("Example:\n  proccheck serve samples/tender"),
    help=N_(
        "Serve the tender folders in TENDER_DIR (the folder itself, or its subfolders with an "
        "upphandling.yaml) as a web page on this computer only (127.0.0.1), and open it in the "
        "browser: verdicts, findings, decisions, uploads and the evaluation record. The "
        "address printed carries a secret key; the page refuses requests without it. Stop "
        "with Ctrl+C."
    ),
)
@click.argument(
    "tender_dir",
    required=False,
    default=".",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help=N_("Port (default: a free one).")
)
@click.option("--no-browser", is_flag=True, help=N_("Print the address without opening a browser."))
@_lang_option
def serve_command(tender_dir: Path, port: int, no_browser: bool, language: Lang) -> None:
    from proccheck.web.server import serve

    def announce(url: str) -> None:
        with use_lang(language):
            said = tr("proccheck serves {folder} at {url}", folder=_safe(str(tender_dir)), url=url)
        click.echo(said)

    serve(tender_dir, port=port, open_browser=not no_browser, announce=announce)


# --- config --------------------------------------------------------------------------------------


@cli.command(
    "config",
    short_help=N_("Show the configuration in effect."),
    epilog=N_("Example:\n  proccheck config --lang sv"),
    help=N_(
        "Show the configuration in effect here: the file found (or given with --config), each "
        "value it sets and the line that sets it, and the built-in defaults of the rest. A "
        "value given on a command line wins over both."
    ),
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help=N_("text for people, json for scripts."),
)
@_lang_option
def config_command(output_format: str, language: Lang) -> None:
    import json

    from proccheck.api import DEFAULT_SET

    config = _configuration()
    defaults = {  # what each command uses when neither the file nor the command line says
        "set": DEFAULT_SET,
        "lang": tr("from the locale, else en"),
        "fail-on": "must",
        "strict": "false",
        "format": "text",
        "quiet": "false",
        "select": tr("every check"),
        "ignore": tr("none"),
        "per-file-ignores": tr("none"),
        "baseline": tr("none"),
        "include": tr("the documents the command reads"),
        "exclude": tr("none"),
        "jobs": "1",
        "limits": tr("built-in (proccheck/limits.py)"),
        "color": "auto",
    }
    rows = []
    for key, default in defaults.items():
        setting = config.settings.get(key)
        if setting is None:
            rows.append((key, default, "default"))
            continue
        value = setting.value
        if isinstance(value, dict):  # per-file-ignores: pattern: codes; limits: key: number
            value = tuple(
                f"{key}: {' '.join(item) if isinstance(item, tuple | list) else item}"
                for key, item in value.items()
            )
        shown = ", ".join(value) if isinstance(value, tuple) else str(value).lower()
        rows.append(
            (key, shown if isinstance(value, (tuple, bool)) else str(value), setting.source)
        )
    if output_format == "json":
        data = {
            "file": str(config.path) if config.path else None,
            "settings": {key: {"value": value, "source": source} for key, value, source in rows},
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    found = str(config.path) if config.path else tr("none (built-in defaults)")
    click.echo(tr("configuration file: {path}", path=_safe(found)))
    width = max(len(key) for key, _value, _source in rows)
    for key, value, source in rows:
        shown = tr("default") if source == "default" else source
        click.echo(f"  {key:<{width}}  {_safe(value)}  ({_safe(shown)})")


# --- output --------------------------------------------------------------------------------------


_FORMAT_LABELS = {
    "text": "text",
    "json": "JSON",
    "sarif": "SARIF",
    "junit": "JUnit XML",
    "markdown": "Markdown",
    "html": "HTML",
    "xlsx": "XLSX",
    "csv": "CSV",
    "github": "GitHub annotations",
    "gitlab": "GitLab Code Quality",
}
"""How a format is named in the `wrote FILE (FORMAT)` lines."""

_SUFFIX_FORMATS: dict[str, tuple[str, ...]] = {
    ".txt": ("text", "github"),
    ".json": ("json", "sarif", "gitlab"),
    ".sarif": ("sarif",),
    ".xml": ("junit",),
    ".md": ("markdown",),
    ".markdown": ("markdown",),
    ".html": ("html",),
    ".htm": ("html",),
    ".xlsx": ("xlsx",),
    ".csv": ("csv",),
    ".docx": ("docx",),
    ".pdf": ("pdf",),
    ".yaml": (),
    ".yml": (),
}
"""The formats a file suffix promises, the first one inferred when no -f is given. No report
is YAML: a `.yaml` output is most likely a set, a tender file or a vendor's answers, never
replaced by a report."""


def _output_format(output: Path, chosen: str | None, offered: Sequence[str]) -> str | None:
    """The format `-o OUTPUT` gets: -f's choice, else the one its suffix names (None: the suffix
    says nothing). A suffix that promises another format is refused (exit 2), so `-o x.csv` never
    holds XLSX nor `-o r.html` text."""
    from proccheck.errors import UsageError

    suffix = output.suffix.lower()
    promised = _SUFFIX_FORMATS.get(suffix)
    if promised is None:
        return chosen
    fits = [name for name in promised if name in offered]
    if chosen is None and fits:
        return fits[0]
    if chosen is not None and chosen in promised:
        return chosen
    hint = (
        tr("leave out -f, or write -f {fits}", fits=fits[0])
        if fits
        else tr(
            "name the file with one of these suffixes: {suffixes}",
            suffixes=", ".join(
                s for s, names in _SUFFIX_FORMATS.items() if set(names) & set(offered)
            ),
        )
    )
    raise UsageError(
        tr(
            "{path} is named as a {suffix} file, but the format is {format}",
            path=_safe(str(output)),
            suffix=suffix,
            format=chosen or ", ".join(offered),
        )
        if chosen
        else tr(
            "cannot write a {suffix} file here: {path}", suffix=suffix, path=_safe(str(output))
        ),
        hint=hint,
    )


def _write_output(path: Path, content: str | bytes) -> None:
    """Write a file the user named, never over one this run read."""
    refuse_input_target(path)
    write_atomic(path, content)


def _report_targets(formats: tuple[str, ...], output: Path | None) -> list[tuple[str, Path | None]]:
    """Each report format with its file (None: stdout). Usage errors here come before any input
    is read: the command's wrapper calls this first, and checks that each folder exists."""
    from proccheck.errors import UsageError
    from proccheck.report import FORMATS

    if output is not None:  # -o follows its suffix, or refuses a suffix -f contradicts
        unpathed_names = [s.partition(":")[0] for s in formats if not s.partition(":")[2]]
        if not formats:
            formats = (_output_format(output, None, tuple(FORMATS)) or "text",)
        elif len(unpathed_names) == 1 and unpathed_names[0] in FORMATS:
            _output_format(output, unpathed_names[0], tuple(FORMATS))
    targets: list[tuple[str, Path | None]] = []
    for spec in formats or ("text",):
        name, _colon, path = spec.partition(":")
        if name not in FORMATS:
            raise UsageError(
                tr("unknown format {name}", name=repr(name)),
                hint=tr("choose one of {formats}", formats=", ".join(FORMATS)),
            )
        targets.append((name, Path(path) if path else None))
    unpathed = [i for i, (_, p) in enumerate(targets) if p is None]
    if output is not None:
        if len(unpathed) != 1:
            raise UsageError(
                tr("-o/--output needs exactly one -f without a path"),
                hint=tr("write -f FMT:PATH for each file instead"),
            )
        targets[unpathed[0]] = (targets[unpathed[0]][0], output)
    elif len(unpathed) > 1:
        raise UsageError(
            tr("only one format can go to stdout"), hint=tr("give the others a path: -f FMT:PATH")
        )

    return targets


def _finish(
    run: RunResult,
    *,
    formats: tuple[str, ...],
    output: Path | None,
    fail_on: str,
    strict: bool,
    quiet: bool,
    baseline: Path | None = None,
    write_baseline: bool = False,
    color: str = "auto",
    verbose: bool = False,
    brief_text: bool = False,
    extra: Sequence[tuple[str, Path, str | bytes]] = (),
) -> NoReturn:
    """Render every requested format (`brief_text`: requirement sets in brief), write the files
    (and the `extra` ones a command made itself, by format) atomically once every folder is
    known to exist, print the report to stdout, problems on stderr, then each file written with
    the outcome (unless `quiet`), and exit. With `write_baseline`, the findings go into the
    `baseline` file instead and the exit code is 0 (unless an input could not be read)."""
    from proccheck.engine import should_fail
    from proccheck.report import get_renderer

    targets = _report_targets(formats, output)
    if write_baseline:  # the findings go into the baseline, not into reports
        targets = []
    rendered: list[tuple[str, Path | None, str | bytes]] = []
    for name, target in targets:
        colour = name == "text" and target is None and _colour_stdout(color)
        if name == "text" and brief_text:
            from proccheck.report.text import render_summary

            rendered.append((name, target, render_summary(run, colour)))
        elif colour:
            from proccheck.report.text import render_color

            rendered.append((name, target, render_color(run)))
        elif name == "sarif":
            from proccheck.report.sarif import render as render_sarif

            rendered.append((name, target, render_sarif(run, root=Path.cwd())))
        else:
            rendered.append((name, target, get_renderer(name)(run)))
        if name == "text" and verbose:
            from proccheck.report.text import render_set_aside

            rendered[-1] = (name, target, str(rendered[-1][2]) + render_set_aside(run))
    rendered.extend(extra)
    files = [(name, target, content) for name, target, content in rendered if target is not None]
    for _name, target, _content in files:
        writable_folder(target)
        refuse_input_target(target)
    for _name, target, content in files:
        write_atomic(target, content)
    for name, target, content in rendered:
        if target is None:  # click strips colour off a pipe unless told it is wanted
            click.echo(content, nl=False, color=name == "text" and _colour_stdout(color))
    _print_problems(run)
    if write_baseline and baseline is not None and not run.problems:
        from proccheck.api import write_baseline as record

        count = record(run, baseline)
        language = current_lang()
        click.echo(
            ngettext(
                language,
                "wrote {path}: {count} finding in the baseline",
                "wrote {path}: {count} findings in the baseline",
                count,
                path=_safe(str(baseline)),
                count=count,
            ),
            err=True,
        )
        sys.exit(EXIT_OK)
    if not quiet:
        _print_written([(target, name) for name, target, _content in files], run)
    if run.problems:
        sys.exit(EXIT_INPUT)
    failing = should_fail(run, fail_on, strict)  # type: ignore[arg-type]
    sys.exit(EXIT_FAIL if failing else EXIT_OK)


def _print_written(files: Sequence[tuple[Path, str]], run: RunResult) -> None:
    """`wrote report.html (HTML); outcome: not met (3 must-requirements not met)` on stderr,
    one line per file, in the language of the run (stdout may carry a report of its own)."""
    if not files:
        return
    from proccheck.report.common import run_outcome

    language = current_lang()
    outcome = run_outcome(run, language)
    for path, fmt in files:
        line = _(
            language,
            "wrote {path} ({format}); outcome: {outcome}",
            path=_safe(str(path)),
            format=_FORMAT_LABELS.get(fmt, fmt),
            outcome=outcome,
        )
        click.echo(line, err=True)


def _colour_stdout(choice: str = "auto") -> bool:
    """--color: always, never, or auto: FORCE_COLOR (non-empty) forces colour, NO_COLOR
    turns it off, else colour on a terminal (the conventions of force-color.org and
    no-color.org)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _safe(text: str) -> str:
    """A path or message for stderr: control characters (ESC, BEL, new lines that could start
    a `::` CI command) shown as escapes, never sent raw."""
    from proccheck.loaders.structured import printable

    return printable(text, 4000)


def _print_line(location: str, message: str, hint: str | None) -> None:
    text = f"error: {_safe(location)}: {_safe(message)}" if location else f"error: {_safe(message)}"
    click.echo(text, err=True)
    if hint:
        click.echo(f"hint: {_safe(hint)}", err=True)


def _print_problems(run: RunResult) -> None:
    for problem in run.problems:
        where = f"{problem.path}:{problem.where}" if problem.where else problem.path
        _print_line(where, problem.message, problem.hint)


def _print_error(error: ProccheckError) -> None:
    _print_line(error.location(), error.message, error.hint)


def main(argv: list[str] | None = None) -> NoReturn:
    """Entry point: run the CLI in the language of `--lang` or the locale (read before parsing,
    so click's help and usage errors are in it too), and turn every failure into a message and
    an exit code."""
    args = sys.argv[1:] if argv is None else argv
    _State.config = None
    forget_inputs()
    _fewer_collections()
    with (
        use_lang(_argv_lang(args) or _configured_lang(args) or default_lang()),
        _click_translated(),
    ):
        _run(args)


def _fewer_collections() -> None:
    """A run builds hundreds of thousands of small objects that live to its end (texts, matches,
    findings); with the default thresholds the cyclic collector traverses them again and
    again, about a tenth of a spec check. Objects made while importing are set aside for good
    (`gc.freeze`) and the youngest generation is collected every 50,000 allocations instead of
    700, as mypy does; reference counting still frees everything that is not a cycle."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _configured_lang(args: list[str]) -> Lang | None:
    """The configured language, for messages printed before the options are parsed (a broken
    configuration is reported once the command runs, not here)."""
    if "--isolated" in args or "--config" in args or any(a.startswith("--config=") for a in args):
        return None
    from proccheck.config import configuration
    from proccheck.errors import ProccheckError

    try:
        _State.config = configuration(Path.cwd())
    except ProccheckError:
        return None
    setting = _State.config.settings.get("lang")
    return setting.value if setting and setting.value in ("sv", "en") else None


def _run(args: list[str]) -> NoReturn:
    try:
        code = cli.main(args=args, prog_name="proccheck", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(tr("aborted"), err=True)
        sys.exit(EXIT_INPUT)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_INPUT)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as exc:
        from proccheck.errors import ProccheckError

        if isinstance(exc, ProccheckError):
            _print_error(exc)
            sys.exit(EXIT_INPUT)
        if _State.traceback or "--traceback" in sys.argv:
            raise
        click.echo(f"internal error: {type(exc).__name__}: {_safe(str(exc))}", err=True)
        hint = tr("this is a bug in proccheck; rerun with --traceback and report it")
        click.echo(f"hint: {hint}", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
