"""The sources of one `proccheck probe` run: arguments as given, folders expanded to the API
descriptions below them, and list files read (one path or URL a line).

A folder of API material usually holds other YAML and JSON as well (CI files, examples, JSON
Schemas), so a file found below a folder is probed only when its head looks like OpenAPI or
Swagger; the others are skipped with a note instead of failing the run. A file named directly
(or listed) is always probed, so its problems are reported, not hidden.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from proccheck import limits
from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.loaders.inputs import API_DESCRIPTION, input_files
from proccheck.loaders.openapi import is_url
from proccheck.loaders.structured import decode_text, read_bytes

SNIFF_BYTES = 1 << 20
"""How much of a file below a folder is read to decide whether it is an API description."""

_VERSION_KEY = re.compile(
    rb"""(?mx)
    ^(?:\xef\xbb\xbf)?(?:openapi|swagger)\s*:\s*["']?\d   # YAML: a top-level key
    | ["'](?:openapi|swagger)["']\s*:\s*["']?\d            # JSON (or quoted YAML): the key
    """
)
_COMMENT = re.compile(r"\s+#.*$")


@dataclass(frozen=True)
class ProbeSources:
    """What to probe, in the order given (duplicates dropped), and the files below folders
    that were skipped because they do not look like OpenAPI or Swagger descriptions."""

    sources: tuple[str, ...]
    skipped: tuple[str, ...] = ()


def looks_like_api_description(path: Path) -> bool:
    """Whether the file's head has an `openapi: 3…` or `swagger: 2…` key. A file that cannot be
    read counts as one, so that the probe reports why."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return True
    return _VERSION_KEY.search(head) is not None


def read_source_list(path: Path) -> list[str]:
    """The sources a list file names: one path or URL a line; blank lines and `#` comments
    (whole lines, or after a space) are ignored; a relative path is relative to the list's
    folder, so a list can travel with the descriptions it names."""
    display = str(path)
    if not path.exists():
        raise InputError(tr("list of sources not found"), path=display)
    text = decode_text(read_bytes(path, display, limits.MAX_INPUT_BYTES), display)
    sources: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _COMMENT.sub("", raw).strip()
        if not line or line.startswith("#"):
            continue
        if len(sources) == limits.MAX_PROBE_SOURCES:
            raise InputError(
                tr("the list names more than {limit:,} sources", limit=limits.MAX_PROBE_SOURCES),
                path=display,
                where=str(number),
                hint=tr("split the list, or raise PROCCHECK_MAX_PROBE_SOURCES if it is genuine"),
            )
        if line == "-":
            raise InputError(
                tr("standard input (-) cannot be listed in a file"),
                path=display,
                where=str(number),
                hint=tr("give - as an argument instead"),
            )
        if is_url(line) or Path(line).is_absolute():
            sources.append(line)
        else:
            sources.append(str(path.parent / Path(line).expanduser()))
    return sources


def probe_sources(arguments: Sequence[str], lists: Sequence[Path] = ()) -> ProbeSources:
    """Expand the arguments and the sources named in `lists`: a folder stands for the API
    descriptions below it (.yaml, .yml, .json that look like OpenAPI or Swagger), a URL, `-` or
    any other path is kept as given. InputError when a folder holds no API description."""
    given = list(arguments)
    for listed in lists:
        given.extend(read_source_list(listed))
    sources: list[str] = []
    skipped: list[str] = []
    for source in given:
        folder = Path(source)
        if source == "-" or is_url(source) or not folder.is_dir():
            sources.append(source)
            continue
        found = [str(f) for f in input_files([folder], API_DESCRIPTION)]
        kept = [f for f in found if looks_like_api_description(Path(f))]
        if not kept:
            raise InputError(
                tr("the folder holds no OpenAPI or Swagger description"),
                path=source,
                hint=tr("give the description files or their folder; .yaml, .yml and .json"),
            )
        sources.extend(kept)
        chosen = set(kept)
        skipped.extend(f for f in found if f not in chosen)
    return ProbeSources(tuple(dict.fromkeys(sources)), tuple(dict.fromkeys(skipped)))
