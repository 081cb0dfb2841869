"""Full structural validation of an API description against the official OpenAPI JSON Schemas.

Off by default (`proccheck probe --validate-schema`): on GitHub's 13 MB description it costs
several times the whole probe (see bench/RESULTS.md), so its time is measured and reported.

Safety: the vendor's document is only ever the *instance*; the schemas are the three official
ones shipped in `proccheck/data/oas/` (see SOURCE.md there). `$ref`s in those schemas resolve
only among the bundled schemas and the JSON Schema meta-schemas that `jsonschema` itself ships;
the registry's retrieve function refuses everything, so nothing is fetched or read from disk.
Format checking is off, so no string of the vendor's (a `pattern`, say) is ever compiled as a
regular expression. The work is bounded: validation stops after `MAX_ERRORS` violations.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from proccheck.loaders.openapi import ApiIndex
from proccheck.loaders.structured import escape_pointer
from proccheck.resources import data_dir

MAX_ERRORS = 1_000
EXAMPLES = 5
_MESSAGE_CHARS = 160
_DEPTH = 8
_FILES = {"2.0": "schema-2.0.json", "3.0": "schema-3.0.json", "3.1": "schema-3.1.json"}
_BASE = "urn:proccheck:oas:"  # base URI of a bundled schema that declares no `$id`


class RefusedRetrieval(Exception):
    """Raised for every `$ref` outside the bundled schemas: nothing is ever fetched."""


@dataclass(frozen=True)
class SchemaValidation:
    """The outcome of validating one description: violations counted, a few shown, time taken."""

    version: str
    count: int
    examples: tuple[tuple[str, str], ...]  # (JSON pointer, message), sorted by pointer
    seconds: float
    stopped: str | None = None  # "limit" (MAX_ERRORS reached) or "depth" (nested too deeply)


def _refuse(uri: str) -> Any:
    raise RefusedRetrieval(uri)


@cache
def _schema(version: str) -> dict[str, Any]:
    text = (data_dir("data") / "oas" / _FILES[version]).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _validator(version: str) -> Any:
    """A validator for one OpenAPI version whose `$ref`s resolve in the bundled schemas only."""
    from jsonschema.validators import validator_for  # type: ignore[import-untyped]
    from referencing import Registry
    from referencing.jsonschema import specification_with

    bundled = []
    for name in _FILES:
        contents = _schema(name)
        dialect = specification_with(str(contents.get("$schema", "")))
        uri = str(contents.get("$id") or contents.get("id") or _BASE + name).rstrip("#")
        bundled.append((uri, dialect.create_resource(contents)))
    # Crawled once here: `$dynamicRef` (3.1) looks anchors up per use, and an uncrawled registry
    # is re-crawled on every lookup (that made a 30 kB 3.1 description take half a second).
    registry: Registry[Any] = Registry(retrieve=_refuse).with_resources(bundled).crawl()  # type: ignore[call-arg]
    schema = _schema(version)
    cls = validator_for(schema)
    # jsonschema adds its own bundled meta-schemas (draft 4's, referenced by the 2.0 schema) to
    # this registry; format_checker=None keeps `format` (e.g. "regex") an annotation only.
    return cls(schema, registry=registry, format_checker=None)


def _pointer(path: Iterable[Any]) -> str:
    return "".join("/" + escape_pointer(str(part)) for part in path)


def _short(message: str) -> str:
    flat = " ".join(message.split())
    return flat if len(flat) <= _MESSAGE_CHARS else flat[: _MESSAGE_CHARS - 1] + "…"


def _candidates(error: Any, depth: int = 0) -> Iterator[Any]:
    """The failures inside the `oneOf`/`anyOf` branches the author can have meant.

    A branch that failed on a discriminator or for lacking `$ref` (see `_weak`) is dropped whole;
    a nested `oneOf` with no such branch left is itself the candidate.
    """
    branches: dict[Any, list[Any]] = {}
    for sub in error.context or ():
        key = sub.relative_schema_path[0] if sub.relative_schema_path else None
        branches.setdefault(key, []).append(sub)
    for subs in branches.values():
        if any(_weak(sub) for sub in subs):
            continue
        for sub in subs:
            inner = list(_candidates(sub, depth + 1)) if sub.context and depth < _DEPTH else []
            yield from inner or [sub]


def _weak(error: Any) -> bool:
    """A failure that only says "not this branch": a one-value discriminator (`in: [body]`,
    `type: [apiKey]`) or a missing `$ref` (the Reference alternative)."""
    if error.validator == "const":
        return True
    if error.validator == "enum":
        return isinstance(error.validator_value, list) and len(error.validator_value) == 1
    return bool(error.validator == "required" and error.validator_value == ["$ref"])


def _cause(error: Any) -> Any:
    """The most telling failure behind a `oneOf`/`anyOf` error, else the error itself.

    Every OpenAPI `oneOf` is "an X or a Reference" (or one branch per `in`/`type`), so the branch
    the author meant is the one that did not fail on its discriminator or on `$ref`; within it,
    the deepest failure is the most specific. `jsonschema.best_match` stops at such ties.
    """
    best = min(_candidates(error), key=lambda e: -len(e.absolute_path), default=None)
    return error if best is None else best


def validate_structure(index: ApiIndex) -> SchemaValidation:
    """Validate `index.root` against the official schema of its OpenAPI version (once per
    description: the probe context holds the result)."""
    started = time.perf_counter()
    validator = _validator(index.version)
    count = 0
    stopped: str | None = None
    found: list[tuple[str, str]] = []
    try:
        for error in validator.iter_errors(index.root):
            count += 1
            cause = _cause(error)
            found.append((_pointer(cause.absolute_path), _short(cause.message)))
            if count >= MAX_ERRORS:
                stopped = "limit"
                break
    except RecursionError:
        stopped = "depth"
    found.sort()
    examples = tuple(dict.fromkeys(found))[:EXAMPLES]
    result = SchemaValidation(
        version=index.version,
        count=count,
        examples=examples,
        seconds=time.perf_counter() - started,
        stopped=stopped,
    )
    return result
