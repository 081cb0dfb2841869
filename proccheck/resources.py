"""Where the shipped data lives: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

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
