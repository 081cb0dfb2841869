"""Resolve a requirement set: builtin names, `extends` chains, bare level overrides, provenance.

Resolution order: each entry of `extends` is resolved (recursively) and merged left to right, then
the file's own `requirements` are applied on top. Mappings deep-merge and lists replace; a bare
`must`/`should` changes only the level and `off` removes the requirement.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from proccheck.errors import RequirementSetError
from proccheck.i18n import tr
from proccheck.loaders.structured import Loaded, escape_pointer, load_file
from proccheck.model import (
    Cues,
    Level,
    Principle,
    Reference,
    Requirement,
    RequirementSet,
    Text,
    Verification,
)
from proccheck.resources import builtin_sets, display_path

BUILTIN_PREFIX = "builtin:"
BARE_VALUES = ("must", "should", "off")
SET_SUFFIXES = (".yaml", ".yml", ".json")


class _Patch(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RequirementEntry(_Patch):
    """A requirement as written in a set file; fields may be omitted when refining an inherited one."""

    level: Level | None = None
    principle: Principle | None = None
    title: Text | None = None
    text: Text | None = None
    rationale: Text | None = None
    references: list[Reference] | None = None
    verification: Verification | None = None
    cues: Cues | None = None


class SetFile(_Patch):
    """The requirement-set file format (`schemas/requirement-set.schema.json` is generated from it)."""

    id: str
    version: str
    title: Text
    description: Text | None = None
    extends: list[str] = []
    requirements: dict[str, RequirementEntry | Literal["must", "should", "off"]] = {}


_HEADER_FIELDS = ("id", "version", "title", "description", "extends")
_SET_SCHEMA = "schemas/requirement-set.schema.json"


def load_requirement_set(ref: str, base: Path | None = None) -> RequirementSet:
    """Resolve `ref` (`builtin:NAME` or a path) into a complete, validated requirement set."""
    resolver = _Resolver()
    merged, header, sources = resolver.resolve(ref, base or Path.cwd(), ())
    requirements = []
    for requirement_id, raw in merged.items():
        try:
            requirements.append(Requirement.model_validate({"id": requirement_id, **raw}))
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error["loc"])
            message = (
                tr("requirement {id} has no {field}", id=requirement_id, field=field)
                if error["type"] == "missing"
                else tr(
                    "requirement {id}: {field}: {problem}",
                    id=requirement_id,
                    field=field,
                    problem=error["msg"],
                )
            )
            raise RequirementSetError(
                message,
                path=raw.get("defined_in", ""),
                where=f"/requirements/{escape_pointer(requirement_id)}",
                hint=tr(
                    "a new requirement needs level, principle, title and text "
                    "(or fix the spelling of an inherited id)"
                ),
            ) from None
    return RequirementSet(
        id=header.id,
        version=header.version,
        title=header.title,
        description=header.description or Text(),
        requirements=tuple(requirements),
        sources=tuple(sources),
    )


def describe_ref(ref: str, base: Path) -> str:
    """The display name of a set reference: `builtin:NAME` or a path relative to the cwd."""
    if ref.startswith(BUILTIN_PREFIX):
        return ref
    return display_path(_path_of(ref, base))


def _path_of(ref: str, base: Path) -> Path:
    path = Path(ref)
    return path if path.is_absolute() else base / path


class _Resolver:
    def __init__(self) -> None:
        self.cache: dict[str, tuple[dict[str, Any], SetFile, list[str]]] = {}
        self.names: dict[str, str] = {}  # resolved key -> the path as shown to the user

    def resolve(
        self, ref: str, base: Path, chain: tuple[str, ...]
    ) -> tuple[dict[str, Any], SetFile, list[str]]:
        file_path, display, key = self._locate(ref, base, chain)
        self.names[key] = display
        if key in chain:
            names = [self.names.get(k, k) for k in (*chain[chain.index(key) :], key)]
            raise RequirementSetError(
                tr("extends cycle: {chain}", chain=" -> ".join(names)),
                path=self.names.get(chain[-1], chain[-1]) if chain else display,
                hint=tr("remove one of the extends entries so the chain ends"),
            )
        if key in self.cache:
            cached, cached_header, cached_sources = self.cache[key]
            return copy.deepcopy(cached), cached_header, list(cached_sources)
        loaded = load_file(file_path, display, lines=True)
        header, entries = _validate_file(loaded)
        merged: dict[str, Any] = {}
        sources: list[str] = []
        for parent in header.extends:
            parent_merged, _header, parent_sources = self.resolve(
                parent, file_path.parent, (*chain, key)
            )
            _deep_merge_requirements(merged, parent_merged)
            sources.extend(s for s in parent_sources if s not in sources)
        _apply(merged, entries, loaded, display)
        sources.append(display)
        self.cache[key] = (copy.deepcopy(merged), header, list(sources))
        return merged, header, sources

    def _locate(self, ref: str, base: Path, chain: tuple[str, ...]) -> tuple[Path, str, str]:
        where = self.names.get(chain[-1], chain[-1]) if chain else None
        if ref.startswith(BUILTIN_PREFIX):
            name = ref[len(BUILTIN_PREFIX) :]
            sets = builtin_sets()
            if name not in sets:
                raise RequirementSetError(
                    tr("unknown built-in requirement set {ref}", ref=repr(ref)),
                    path=where or ref,
                    hint=_did_you_mean(name, sets, lambda close: f"builtin:{close}")
                    + tr(
                        "built-in sets: {names} (see `proccheck sets list`)",
                        names=", ".join(sets),
                    ),
                )
            return sets[name], ref, ref
        path = _path_of(ref, base)
        display = display_path(path)
        if chain and path.suffix.lower() not in SET_SUFFIXES:
            raise RequirementSetError(
                tr(
                    "extends {ref}: a requirement set is a .yaml, .yml or .json file",
                    ref=repr(ref),
                ),
                path=where or display,
                hint=tr("name the set file itself (devices and other files are never read)"),
            )
        if not path.is_file():
            raise RequirementSetError(
                tr(
                    "requirement set {ref} not found (looked for {path})",
                    ref=repr(ref),
                    path=display,
                )
                if chain
                else tr("requirement set {ref} not found", ref=repr(ref)),
                path=where or display,
                hint=tr(
                    "paths in extends are relative to the file that names them; "
                    "built-in sets are written builtin:NAME"
                ),
            )
        return path, display, str(path.resolve())


def _validate_file(loaded: Loaded) -> tuple[SetFile, dict[str, Any]]:
    data = loaded.data
    if not isinstance(data, dict):
        raise RequirementSetError(
            tr("a requirement set must be a mapping with id, version, title and requirements"),
            path=loaded.path,
            where="1",
        )
    known = (*_HEADER_FIELDS, "requirements")
    for key in data:
        if key not in known:
            raise _unknown_field(loaded, "", key, known)
    try:
        header = SetFile.model_validate({k: data[k] for k in _HEADER_FIELDS if k in data})
    except ValidationError as exc:
        raise _pydantic_error(loaded, "", exc) from None
    requirements = data.get("requirements", {})
    if requirements is None:
        requirements = {}
    if not isinstance(requirements, dict):
        raise RequirementSetError(
            tr("requirements must be a mapping from requirement id to requirement"),
            path=loaded.path,
            where=str(loaded.line_of("/requirements") or 1),
        )
    entries: dict[str, Any] = {}
    for requirement_id, entry in requirements.items():
        pointer = f"/requirements/{escape_pointer(requirement_id)}"
        if isinstance(entry, str):
            if entry not in BARE_VALUES:
                raise RequirementSetError(
                    tr("{id}: {value} is not a level", id=requirement_id, value=repr(entry)),
                    path=loaded.path,
                    where=_where(loaded, pointer),
                    hint=_did_you_mean(entry, BARE_VALUES)
                    + tr("use must, should, or off (removes the requirement)"),
                )
            entries[requirement_id] = entry
            continue
        if not isinstance(entry, dict):
            raise RequirementSetError(
                tr("{id}: expected a mapping or one of must/should/off", id=requirement_id),
                path=loaded.path,
                where=_where(loaded, pointer),
            )
        for key in entry:
            if key not in RequirementEntry.model_fields:
                raise _unknown_field(loaded, pointer, key, tuple(RequirementEntry.model_fields))
        try:
            RequirementEntry.model_validate(entry)
        except ValidationError as exc:
            raise _pydantic_error(loaded, pointer, exc) from None
        entries[requirement_id] = entry
    return header, entries


def _did_you_mean(word: str, choices: Iterable[str], show: Callable[[str], str] = repr) -> str:
    """`did you mean X? ` (the choice closest to `word`) before the rest of a hint, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return tr("did you mean {name}?", name=show(close[0])) + " " if close else ""


def _where(loaded: Loaded, pointer: str) -> str:
    line = loaded.line_of(pointer)
    return f"{line} ({pointer or '/'})" if line else pointer


def _unknown_field(
    loaded: Loaded, pointer: str, key: str, known: tuple[str, ...]
) -> RequirementSetError:
    return RequirementSetError(
        tr("unknown field {field}", field=repr(key)),
        path=loaded.path,
        where=_where(loaded, f"{pointer}/{escape_pointer(key)}"),
        hint=_did_you_mean(key, known)
        + (
            tr("allowed: {fields}", fields=", ".join(known))
            if known
            else tr("see {schema} for the file format", schema=_SET_SCHEMA)
        ),
    )


def _pydantic_error(loaded: Loaded, pointer: str, exc: ValidationError) -> RequirementSetError:
    error = exc.errors()[0]
    loc = [str(part) for part in error["loc"]]
    full = pointer + "".join(f"/{escape_pointer(part)}" for part in loc)
    if error["type"] == "missing":
        message = tr("missing field {field}", field=repr(loc[-1]))
    elif error["type"] == "extra_forbidden":
        parent_known: tuple[str, ...] = ()
        return _unknown_field(loaded, full.rsplit("/", 1)[0], loc[-1], parent_known)
    else:
        message = f"{'.'.join(loc)}: {error['msg']}"
    return RequirementSetError(
        message,
        path=loaded.path,
        where=_where(loaded, full),
        hint=tr("see {schema} for the file format", schema=_SET_SCHEMA),
    )


def _deep_merge(target: dict[str, Any], patch: dict[str, Any]) -> None:
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _deep_merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def _deep_merge_requirements(target: dict[str, Any], parent: dict[str, Any]) -> None:
    for requirement_id, raw in parent.items():
        if requirement_id in target:
            changed = [*target[requirement_id].get("changed_in", []), raw["defined_in"]]
            _deep_merge(target[requirement_id], raw)
            target[requirement_id]["changed_in"] = changed
        else:
            target[requirement_id] = copy.deepcopy(raw)


def _apply(merged: dict[str, Any], entries: dict[str, Any], loaded: Loaded, display: str) -> None:
    for requirement_id, entry in entries.items():
        pointer = f"/requirements/{escape_pointer(requirement_id)}"
        if isinstance(entry, str):
            if requirement_id not in merged:
                raise RequirementSetError(
                    tr(
                        "{id}: cannot set {value} on a requirement that no extended set defines",
                        id=requirement_id,
                        value=repr(entry),
                    ),
                    path=display,
                    where=_where(loaded, pointer),
                    hint=_did_you_mean(requirement_id, merged, str)
                    + tr("bare must/should/off only change inherited requirements"),
                )
            if entry == "off":
                del merged[requirement_id]
            else:
                merged[requirement_id]["level"] = entry
                _changed_in(merged[requirement_id], display)
            continue
        if requirement_id in merged:
            _deep_merge(merged[requirement_id], entry)
            _changed_in(merged[requirement_id], display)
        else:
            merged[requirement_id] = {**copy.deepcopy(entry), "defined_in": display}


def _changed_in(requirement: dict[str, Any], display: str) -> None:
    """Record that the set file `display` changed an inherited requirement."""
    requirement["changed_in"] = [*requirement.get("changed_in", []), display]
