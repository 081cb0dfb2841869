"""Where the shipped data lives (inside the wheel, or at the top of a source checkout), how
paths are shown, and how files are written."""

from __future__ import annotations

import os
import tempfile
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


def display_path(path: Path) -> str:
    """A path relative to the working directory when possible, so reports and messages never
    show absolute paths of the user's machine unless they were given so."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def builtin_sets() -> dict[str, Path]:
    """Built-in requirement sets by name."""
    return {path.stem: path for path in sorted(data_dir("requirement_sets").glob("*.yaml"))}


def writable_folder(path: Path) -> Path:
    """The folder `path` would be written in; a UsageError when it does not exist (checked for
    every output before any is written, so a run that cannot write them all writes none)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(
            tr("folder {folder} does not exist", folder=folder),
            path=str(path),
            hint=tr("create the folder first"),
        )
    return folder


def write_atomic(path: Path, content: str | bytes, *, private: bool = False) -> None:
    """Write via a temporary file in the same folder and rename, so no half-written file remains
    (a report, a matrix, a cache entry). The file gets the umask's ordinary permissions, or stays
    readable by its owner only when `private` (the fetch cache)."""
    folder = writable_folder(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
