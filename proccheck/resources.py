"""Where the shipped data lives (inside the wheel, or at the top of a source checkout), how
paths are shown, and how files are written."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from proccheck.errors import UsageError
from proccheck.i18n import tr

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """`requirement_sets`, `schemas` or `data`: packaged copy first, then the repository's."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"proccheck is installed without its {name}/ folder")


_SHOWN_FROM: ContextVar[Path | None] = ContextVar("shown_from", default=None)


def display_path(path: Path) -> str:
    """A path relative to the working directory (or the folder `shown_from` names) when
    possible, so reports and messages never show absolute paths of the user's machine unless
    they were given so."""
    base = _SHOWN_FROM.get() or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@contextlib.contextmanager
def shown_from(folder: Path) -> Iterator[None]:
    """Show paths relative to `folder` inside the block (a tender's reports and fingerprints
    are the tender folder's, wherever it is checked from), without changing the working
    directory, which is the whole process's: the web page checks tenders in threads."""
    token = _SHOWN_FROM.set(folder.resolve())
    try:
        yield
    finally:
        _SHOWN_FROM.reset(token)


def builtin_sets() -> dict[str, Path]:
    """Built-in requirement sets by name."""
    return {path.stem: path for path in sorted(data_dir("requirement_sets").glob("*.yaml"))}


def _output_target(path: Path) -> tuple[Path, bool]:
    """Where writing `path` really goes, and whether to write it directly. A symlink is written
    through (the file it points to is replaced, the link stays); a character device or FIFO
    (`/dev/stdout`, `/dev/null`, a named pipe), or a path through `/dev/` or `/proc/`, is opened
    and written directly, never renamed over. A folder, or another special file, is a
    UsageError."""
    hops = [path.absolute()]
    for _ in range(40):  # the kernel's own limit on a chain of links
        if not hops[-1].is_symlink():
            break
        hops.append(hops[-1].parent / os.readlink(hops[-1]))
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise UsageError(
            tr("is a folder, not a file"),
            path=str(path),
            hint=tr("give a file name inside the folder"),
        )
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return path, True
    if mode is not None and not stat.S_ISREG(mode):
        raise UsageError(
            tr("not a regular file, a named pipe or a character device"),
            path=str(path),
            hint=tr("write to a file, a named pipe or /dev/stdout"),
        )
    if any(hop.parts[1:2] in (("dev",), ("proc",)) for hop in hops):
        return path, True
    return Path(os.path.realpath(path)), False


_INPUTS: set[str] = set()
"""The real path of every file read in this process: no report is written over one of them."""


def note_input(path: Path) -> None:
    """Remember that `path` was read as an input."""
    _INPUTS.add(os.path.realpath(path))


def forget_inputs() -> None:
    """A new run starts (the CLI's entry point, which tests call many times in one process)."""
    _INPUTS.clear()


def refuse_input_target(path: Path) -> None:
    """A UsageError when writing `path` would replace a file this run read (`-f markdown:
    spec.md` on the specification, `-o` on a vendor's file)."""
    target, direct = _output_target(path)
    if not direct and str(target) in _INPUTS:
        raise UsageError(
            tr("the output would overwrite an input file"),
            path=str(path),
            hint=tr("write the report to another file"),
        )


def writable_folder(path: Path) -> Path:
    """The folder `path` would be written in; a UsageError when it does not exist, or when
    `path` is a folder (checked for every output before any is written, so a run that cannot
    write them all writes none)."""
    target, _direct = _output_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(
            tr("folder {folder} does not exist", folder=folder),
            path=str(path),
            hint=tr("create the folder first"),
        )
    return folder


def write_atomic(path: Path, content: str | bytes, *, private: bool = False) -> None:
    """Write via a temporary file in the same folder and rename, so no half-written file remains
    (a report, a matrix, a cache entry). A symlink is written through to its target; a device or
    named pipe is written directly (see `_output_target`). A new file gets the umask's ordinary
    permissions, or stays readable by its owner only when `private` (the fetch cache); a file
    that exists keeps its permissions."""
    target, direct = _output_target(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if direct:
            with open(path, "wb") as stream:
                stream.write(data)
            return
        folder = writable_folder(target)
        _replace(target, folder, data, private)
    except OSError as error:
        raise UsageError(
            tr("cannot write the file: {reason}", reason=error.strerror or error),
            path=str(path),
            hint=tr("check the path and its permissions"),
        ) from error


def _replace(target: Path, folder: Path, data: bytes, private: bool) -> None:
    try:
        keep: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        keep = None
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        if private:
            pass  # mkstemp made it 0600
        elif keep is not None:
            os.chmod(temp, keep)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
