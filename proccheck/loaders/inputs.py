"""The gate every file a user names passes before it is read: it exists, it is a file and not
a folder, its suffix is one the command reads, and it is not empty. Each refusal says what
happened and what to give instead (the accepted suffixes, the files inside a folder, a built-in
set), in the language of the run."""

from __future__ import annotations

import fnmatch
import itertools
import os
import shlex
import stat
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from proccheck import limits
from proccheck.errors import InputError, RequirementSetError
from proccheck.i18n import N_, NC_, current_lang, pgettext, tr
from proccheck.loaders.structured import ensure_file

_LISTED = 2000
"""At most this many entries of a folder are looked at to suggest the files inside it."""

_OFFICE_TEXT = (".doc", ".odt", ".rtf", ".pages", ".wpd")
_OFFICE_SHEETS = (".xls", ".ods", ".numbers")


@dataclass(frozen=True)
class InputKind:
    """What a command reads from a file: `what` names it in messages (a msgid with its article,
    "a specification"), `suffixes` are the ones it reads (the first is the usual one), `bare`
    whether a file without a suffix is read too (as text), `enforced` whether another suffix
    is refused, `advice` a hint (msgid) for suffixes people commonly give by mistake, and
    `error` the class of the errors raised."""

    what: str  # msgid in the context "input kind"
    suffixes: tuple[str, ...]
    bare: bool = False
    enforced: bool = True
    advice: Mapping[str, str] = field(default_factory=dict)
    default_advice: str = N_("convert the file to one of those types, or give another file")
    error: type[InputError] = InputError
    in_folder: tuple[str, ...] = ()
    """The suffixes taken from a folder given as an argument (default: all of `suffixes`); a
    folder of specifications takes documents, not YAML, which may as well be a set."""


SPECIFICATION = InputKind(
    NC_("input kind", "a specification"),
    (
        *(".md", ".markdown", ".txt", ".text", ".docx", ".pdf"),
        *(".yaml", ".yml", ".json", ".csv", ".tsv", ".xlsx", ".xlsm"),
    ),
    bare=True,
    advice={
        **dict.fromkeys(_OFFICE_TEXT, N_("open it in Word or LibreOffice and save it as .docx")),
        **dict.fromkeys(_OFFICE_SHEETS, N_("open it in Excel or LibreOffice and save it as .xlsx")),
    },
    in_folder=(".md", ".markdown", ".txt", ".docx", ".pdf"),
)
ANSWERS = InputKind(
    NC_("input kind", "vendor answers"),
    (".xlsx", ".xlsm", ".csv", ".tsv", ".yaml", ".yml", ".json"),
    advice={
        **dict.fromkeys(
            (".pdf", ".docx", *_OFFICE_TEXT),
            N_(
                "answers are read from a table: have the vendor fill in the answer template "
                "(`proccheck answers template -o svar.xlsx`), or copy the answer table into "
                "an .xlsx or .csv file"
            ),
        ),
        **dict.fromkeys(_OFFICE_SHEETS, N_("open it in Excel or LibreOffice and save it as .xlsx")),
    },
)
KRAVMATRIS_SUFFIXES = (".xlsx", ".xlsm", ".csv")
"""A requirement set written as a table (proccheck.loaders.kravmatris)."""
REQUIREMENT_SET = InputKind(
    NC_("input kind", "a requirement set"),
    (".yaml", ".yml", ".json", *KRAVMATRIS_SUFFIXES),
    advice=dict.fromkeys(
        _OFFICE_SHEETS, N_("open it in Excel or LibreOffice and save it as .xlsx")
    ),
    default_advice=N_(
        "give a built-in set as builtin:NAME (`proccheck sets list` shows them), the path "
        "of a set file in YAML or JSON, or a kravmatris in .xlsx or .csv"
    ),
    error=RequirementSetError,
    in_folder=(".yaml", ".yml", ".json"),
)
"""A kravmatris (.xlsx, .csv) is a set too; a folder stands for its YAML and JSON sets only, as
the sheets beside them are often answer files."""
MAPPING = InputKind(
    NC_("input kind", "a column mapping"),
    (".yaml", ".yml", ".json"),
    default_advice=N_("write the mapping as YAML (see README: Vendor answers)"),
)
API_DESCRIPTION = InputKind(
    NC_("input kind", "an API description"), (".yaml", ".yml", ".json"), bare=True, enforced=False
)
"""OpenAPI descriptions are read whatever their suffix; the suffixes suggest files in a folder."""


def input_files(
    paths: list[Path], kind: InputKind, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
) -> list[Path]:
    """The files to read: a folder stands for the files below it (hidden ones and symbolic
    links to folders left out), a path with `*`, `?` or `[` that does not exist is a pattern
    (`**` crosses folders), anything else is kept for `check_input` to judge. `include`
    patterns (relative to the folder, e.g. `**/*.md`) replace the kind's suffixes for folders;
    `exclude` patterns drop files from folders and patterns alike."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = _below(path, kind, include, exclude)
            if not found:
                raise InputError(
                    tr("the folder holds no file to check"),
                    path=str(path),
                    hint=tr(
                        "a folder stands for its files of the types {accepted} (hidden ones "
                        "left out); name other files, or set `include` in the configuration",
                        accepted=", ".join(include or kind.in_folder or kind.suffixes),
                    ),
                )
        elif not path.exists() and any(c in str(path) for c in "*?["):
            found = sorted(p for p in Path().glob(str(path)) if p.is_file())
            if not found:
                raise InputError(
                    tr("no file matches the pattern"),
                    path=str(path),
                    hint=tr("check the pattern; quote it so the shell passes it on"),
                )
        else:
            files.append(path)
            continue
        files.extend(f for f in found if not matches(f, exclude))
        if len(files) > limits.MAX_FILES:
            raise InputError(
                tr("more than {count} files to check", count=limits.MAX_FILES),
                path=str(path),
                hint=tr(
                    "narrow the folder or pattern, add exclude patterns, or raise "
                    "PROCCHECK_MAX_FILES"
                ),
            )
    return list(dict.fromkeys(files))


def _below(
    folder: Path, kind: InputKind, include: tuple[str, ...], exclude: tuple[str, ...]
) -> list[Path]:
    """The files of `kind` (or `include`, less `exclude`) below `folder`, hidden ones left out.
    The walk stops once there are more than `limits.MAX_FILES` of them (the caller refuses
    that), so the files it keeps are never cut off by files it does not want; a folder of more
    than a hundred times that many files of any kind is refused rather than walked to its end."""
    found: list[Path] = []
    seen = 0
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            seen += 1
            if seen > 100 * limits.MAX_FILES:
                raise InputError(
                    tr("more than {count} files below the folder", count=100 * limits.MAX_FILES),
                    path=str(folder),
                    hint=tr("name a smaller folder, or the files themselves"),
                )
            candidate = Path(root) / name
            if _included(candidate.relative_to(folder), kind, include) and not matches(
                candidate, exclude
            ):
                found.append(candidate)
        if len(found) > limits.MAX_FILES:
            break
    return found


def _included(relative: Path, kind: InputKind, include: tuple[str, ...]) -> bool:
    if include:
        return matches(relative, include)
    return relative.suffix.lower() in (kind.in_folder or kind.suffixes)


def matches(path: Path, patterns: tuple[str, ...]) -> bool:
    """Whether the path (or its tail) matches a glob pattern; `**/` also matches no folder.
    The one reading of the configuration's patterns (include, exclude, per-file-ignores)."""
    text = path.as_posix()
    for pattern in patterns:
        if fnmatch.fnmatchcase(text, pattern) or fnmatch.fnmatchcase(text, f"*/{pattern}"):
            return True
        if pattern.startswith("**/") and fnmatch.fnmatchcase(path.name, pattern[3:]):
            return True
    return False


def check_input(path: Path, display: str, kind: InputKind, *, several: bool = True) -> None:
    """Refuse, before reading, a path that is missing, a folder, of a type `kind` does not read,
    or empty (raising `kind.error`). `several` says the command takes several files, so a
    folder's files can be given (`dir/*.md`); otherwise one file inside it is suggested."""
    try:
        _check(path, display, kind, several)
    except InputError as error:
        if isinstance(error, kind.error):
            raise
        raise kind.error(
            error.message, path=error.path, where=error.where, hint=error.hint
        ) from None


def _check(path: Path, display: str, kind: InputKind, several: bool) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        if kind is REQUIREMENT_SET:
            raise InputError(
                tr("the requirement set file does not exist"),
                path=display,
                hint=_builtin_suggestion(path)
                + tr(
                    "check the path, or give a built-in set as builtin:NAME "
                    "(`proccheck sets list` shows them)"
                ),
            ) from None
        ensure_file(path, display)  # "file not found", with its hint
        raise
    except OSError:
        ensure_file(path, display)  # "cannot read file: why"
        raise
    if stat.S_ISDIR(info.st_mode):
        raise InputError(
            tr("is a folder, not a file"),
            path=display,
            hint=_folder_hint(path, display, kind, several),
        )
    suffix = path.suffix.lower()
    if kind.enforced and suffix not in kind.suffixes and not (kind.bare and not suffix):
        accepted = ", ".join(kind.suffixes)
        raise InputError(
            tr(
                "cannot read {what} from a {suffix} file (accepted: {accepted})",
                what=pgettext(current_lang(), "input kind", kind.what),
                suffix=suffix,
                accepted=accepted,
            )
            if suffix
            else tr(
                "cannot read {what} from a file without a suffix (accepted: {accepted})",
                what=pgettext(current_lang(), "input kind", kind.what),
                accepted=accepted,
            ),
            path=display,
            hint=tr(kind.advice.get(suffix, kind.default_advice)),
        )
    ensure_file(path, display)  # a pipe, socket or device is refused there
    if info.st_size == 0 and _reads_anything(path):
        raise InputError(
            tr("the system reports no size for this file (a virtual file, such as under /proc)"),
            path=display,
            hint=tr("copy its content to an ordinary file and give that file"),
        )
    if info.st_size == 0:
        raise InputError(
            tr("file is empty"), path=display, hint=tr("add content or remove the file")
        )


def _reads_anything(path: Path) -> bool:
    """Whether a file of size 0 yields bytes all the same: /proc and /sys files report 0, and
    a size limit checked against the reported size would not hold for them."""
    try:
        with open(path, "rb", buffering=0) as handle:
            return bool(handle.read(1))
    except OSError:
        return False


def _folder_hint(folder: Path, display: str, kind: InputKind, several: bool) -> str:
    """`give the files inside it, e.g. dir/*.md`, or one file inside it, or say there is none."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(
                entry.name
                for entry in itertools.islice(entries, _LISTED)
                if entry.is_file() and not entry.name.startswith(".")
            )
    except OSError:
        names = []
    readable = [name for name in names if Path(name).suffix.lower() in kind.suffixes]
    shown = display.rstrip("/") or "."
    if not readable:
        return tr(
            "it holds no file of the types accepted ({accepted}); give the path of a file",
            accepted=", ".join(kind.suffixes),
        )
    if not several:
        return tr(
            "give one file inside it, e.g. {example}", example=shlex.quote(f"{shown}/{readable[0]}")
        )
    tally = Counter(Path(name).suffix for name in readable)
    patterns = [
        shlex.quote(shown) + "/*" + suffix
        for suffix, _count in sorted(tally.items(), key=lambda item: (-item[1], item[0]))[:3]
    ]
    return tr("give the files inside it, e.g. {pattern}", pattern=" ".join(patterns))


def _builtin_suggestion(path: Path) -> str:
    """`did you mean builtin:open-baseline? ` when a missing set path names a built-in set."""
    from proccheck.resources import builtin_sets

    name = path.stem if path.suffix.lower() in REQUIREMENT_SET.suffixes else path.name
    if name not in builtin_sets():
        return ""
    builtin = "builtin:" + name
    return tr("did you mean {name}?", name=builtin) + " "
