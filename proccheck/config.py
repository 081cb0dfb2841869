"""Find and read the configuration file, as linters do.

From the working directory upwards, the first folder with one of `.proccheck.yaml`,
`.proccheck.yml`, `proccheck.toml` or a `pyproject.toml` with a `[tool.proccheck]` table is the
project's; in one folder that order is also the precedence (only the first file found is read).
`PROCCHECK_CONFIG` (or `--config`) names a file instead, and `--isolated` reads none. A value
on the command line always wins over the file, and the file over proccheck's own default; every
value remembers where it came from (`proccheck config`).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.resources import display_path

FILE_NAMES = (".proccheck.yaml", ".proccheck.yml", "proccheck.toml", "pyproject.toml")
ENVIRONMENT = "PROCCHECK_CONFIG"
SCHEMA = "schemas/config.schema.json"


@dataclass(frozen=True)
class Setting:
    """One configured value and where it was set (`path:line`)."""

    value: Any
    source: str


@dataclass(frozen=True)
class Configuration:
    """The configuration file found (if any) and its values by key (`set`, `fail-on`, …)."""

    path: Path | None = None
    settings: dict[str, Setting] = field(default_factory=dict)


def find_config(start: Path) -> Path | None:
    """The configuration file that applies in folder `start` (see the module note)."""
    for folder in (start, *start.parents):
        for name in FILE_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def configuration(
    start: Path, explicit: Path | None = None, isolated: bool = False
) -> Configuration:
    """The configuration for a run in `start`: `explicit` (or PROCCHECK_CONFIG), else the file
    found from `start` upwards; none with `isolated`."""
    if isolated:
        return Configuration()
    named = explicit or (Path(os.environ[ENVIRONMENT]) if os.environ.get(ENVIRONMENT) else None)
    path = named if named is not None else find_config(start)
    if path is None:
        return Configuration()
    if not path.is_file():
        raise InputError(
            tr("not a regular file (a pipe, socket or device)")
            if path.exists()
            else tr("configuration file not found"),
            path=display_path(path),
            hint=tr("check the path given with --config or {variable}", variable=ENVIRONMENT),
        )
    return read_config(path)


def read_config(path: Path) -> Configuration:
    """Read and validate one configuration file (pydantic and YAML are imported only when
    there is one: every command looks for it)."""
    from pydantic import ValidationError

    from proccheck.configformat import ConfigFile
    from proccheck.loaders.structured import load_file
    from proccheck.setformat import explain, join_hints

    display = display_path(path)
    if path.suffix == ".toml":
        data, line_of = _read_toml(path, display)
    else:
        loaded = load_file(path, display, lines=True)
        data = loaded.data if loaded.data is not None else {}

        def line_of(key: str) -> int | None:
            return loaded.line_of(f"/{key}")

    if not isinstance(data, dict):
        raise InputError(
            tr("the configuration must be a mapping of keys to values"),
            path=display,
            hint=tr("see {schema} for the keys", schema=SCHEMA),
        )
    try:
        parsed = ConfigFile.model_validate(data)
    except ValidationError as exc:
        problem = explain(exc.errors(), data, ConfigFile)
        line = line_of(str(problem.path[0])) if problem.path else None
        raise InputError(
            problem.message,
            path=display,
            where=str(line) if line else None,
            hint=join_hints(
                problem.hint, tr("see {schema} for the keys and their values", schema=SCHEMA)
            ),
        ) from None
    settings = {}
    for name, info in ConfigFile.model_fields.items():
        value = getattr(parsed, name)
        if value is None:
            continue
        key = info.alias or name
        line = line_of(key)
        if name == "set" and not value.startswith("builtin:"):
            value = str((path.parent / value).resolve())  # relative to the file, not the cwd
        if name == "baseline":  # written by --write-baseline: kept inside, as reports are
            value = _confined(
                value,
                path,
                tr("the baseline path in the configuration leads out of its folder: {path}"),
                display,
                line,
            )
        if name == "format":
            value = [_confined_output(entry, path, display, line) for entry in value]
        if name in ("format", "select", "ignore", "include", "exclude"):
            value = tuple(value)
        settings[key] = Setting(value, f"{display}:{line}" if line else display)
    return Configuration(path, settings)


def _confined_output(entry: str, config: Path, display: str, line: int | None) -> str:
    """A configured `FORMAT:PATH` with its path made relative to the configuration's folder (see
    `_confined`)."""
    name, colon, target = entry.partition(":")
    if not target:
        return entry
    message = tr("a report path in the configuration leads out of its folder: {path}")
    return f"{name}{colon}{_confined(target, config, message, display, line)}"


def _confined(target: str, config: Path, message: str, display: str, line: int | None) -> str:
    """`target` resolved against the configuration's folder, refused (`message`, with its
    `{path}`) when it leads out of that folder: a configuration file is found by searching up
    from the working folder, so one that came with a vendor's files could otherwise have files
    written over any file the user can write."""
    from proccheck.loaders.structured import printable

    folder = config.parent.resolve()
    resolved = (folder / target).resolve()
    if Path(target).is_absolute() or not resolved.is_relative_to(folder):
        raise InputError(
            message.format(path=printable(target)),
            path=display,
            where=str(line) if line else None,
            hint=tr(
                "write the path relative to the configuration file's folder, or give it on "
                "the command line"
            ),
        )
    return str(resolved)


def _has_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a [tool.proccheck] table: a plain bounded read, since every
    command asks (the file is read properly, with its errors, only when it is the one)."""
    from proccheck import limits
    from proccheck.loaders.structured import read_capped

    try:
        with pyproject.open("rb") as file:
            head = read_capped(file, limits.MAX_INPUT_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"(?m)^\[tool\.proccheck\]", head) is not None


def _read_toml(path: Path, display: str) -> tuple[Any, Any]:
    from proccheck.loaders.structured import read_text

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,no-redef,unused-ignore]

    text = read_text(path, display)
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(
            tr("not valid TOML ({problem})", problem=str(exc)),
            path=display,
            hint=tr("check the quoting and the [tool.proccheck] table"),
        ) from None
    lines = text.splitlines()
    first, last = 0, len(lines)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("proccheck", {})
        first = next((n for n, line in enumerate(lines) if line.strip() == "[tool.proccheck]"), 0)
        last = next(
            (n for n in range(first + 1, len(lines)) if lines[n].lstrip().startswith("[")),
            len(lines),
        )

    def line_of(key: str) -> int | None:
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        return next((n + 1 for n in range(first, last) if pattern.match(lines[n])), None)

    return data, line_of
