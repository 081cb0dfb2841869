"""Resolve a requirement set: builtin names, `extends` chains, bare level overrides, provenance.

Resolution order: each entry of `extends` is resolved (recursively) and merged left to right, then
the file's own `requirements` are applied on top. Mappings deep-merge and lists replace; a bare
`must`/`should` changes only the level and `off` removes the requirement. A text written as one
plain string is used for both languages (and remembered as written in the set's `lang`); a new
requirement without `principle` is `other`. The file format and its messages live in
`proccheck.setformat`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from proccheck import limits
from proccheck.errors import RequirementSetError
from proccheck.i18n import _, tr
from proccheck.loaders.inputs import KRAVMATRIS_SUFFIXES
from proccheck.loaders.structured import Loaded, escape_pointer, load_text, read_text
from proccheck.model import Lang, Requirement, RequirementSet
from proccheck.resources import builtin_sets, display_path
from proccheck.setformat import (
    BARE_VALUES,
    NEW_REQUIREMENT_NEEDS,
    REQUIREMENT_TEXT_FIELDS,
    SET_TEXT_FIELDS,
    DataPath,
    FieldProblem,
    RequirementEntry,
    SetFile,
    as_text,
    did_you_mean,
    dotted,
    example_hint,
    expand_texts,
    explain,
    join_hints,
    kind_of,
    level_hint,
)
from proccheck.text import one_line
from proccheck.vocabulary import language_name

BUILTIN_PREFIX = "builtin:"
SET_SUFFIXES = (".yaml", ".yml", ".json")
ONE_LANGUAGE = "one_language"
"""The key under which a requirement's raw form remembers its plain-string texts."""

_HEADER_FIELDS = tuple(name for name in SetFile.model_fields if name != "requirements")


def load_requirement_set(ref: str, base: Path | None = None) -> RequirementSet:
    """Resolve `ref` (`builtin:NAME` or a path) into a complete, validated requirement set."""
    resolver = _Resolver()
    merged, header, sources = resolver.resolve(ref, base or Path.cwd(), ())
    requirements = []
    for requirement_id, raw in merged.items():
        try:
            requirements.append(Requirement.model_validate({"id": requirement_id, **raw}))
        except ValidationError as exc:  # _apply checks new requirements; this is a backstop
            fields = {k: v for k, v in raw.items() if k in RequirementEntry.model_fields}
            problem = explain(
                exc.errors(), fields, RequirementEntry, ("requirements", requirement_id)
            )
            raise RequirementSetError(
                problem.message, path=raw.get("defined_in", ""), hint=problem.hint or None
            ) from None
    set_file = header.file
    return RequirementSet(
        id=set_file.id,
        version=set_file.version,
        lang=set_file.lang,
        title=as_text(set_file.title),
        description=as_text(set_file.description),
        requirements=tuple(requirements),
        sources=tuple(sources),
        one_language=dict.fromkeys(header.plain, set_file.lang),
    )


def one_language_notes(requirement_set: RequirementSet, lang: Lang) -> list[str]:
    """Which texts of the set were given in one language only (as one plain string) and are
    used for both: `title: given in Swedish only, used for both languages` (`sets show`)."""
    owners: list[tuple[DataPath, dict[str, Lang]]] = [((), requirement_set.one_language)]
    owners += [(("requirements", r.id), r.one_language) for r in requirement_set.requirements]
    notes = []
    for prefix, marks in owners:
        for written_in in ("sv", "en"):
            fields = [dotted((*prefix, name)) for name, mark in marks.items() if mark == written_in]
            if fields:
                notes.append(
                    _(
                        lang,
                        "{fields}: given in {language} only, used for both languages",
                        fields=", ".join(fields),
                        language=language_name(lang, written_in),
                    )
                )
    return notes


def describe_ref(ref: str, base: Path) -> str:
    """The display name of a set reference: `builtin:NAME` or a path relative to the cwd."""
    if ref.startswith(BUILTIN_PREFIX):
        return ref
    return display_path(_path_of(ref, base))


def _path_of(ref: str, base: Path) -> Path:
    path = Path(ref)
    return path if path.is_absolute() else base / path


@dataclass(frozen=True)
class _Header:
    """A set file's own fields, and which of its texts were written as one plain string."""

    file: SetFile
    plain: tuple[str, ...]


_LINE_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")


@dataclass(frozen=True)
class _Source:
    """A parsed set file and its lines of text, to say where a field is (line:column)."""

    loaded: Loaded
    text_lines: tuple[str, ...]

    @property
    def path(self) -> str:
        return self.loaded.path

    def where(self, path: DataPath) -> str | None:
        """`line:column` of the field at `path` (or of its nearest ancestor that is written in
        the file), `line` when the column cannot be told, None when neither is known."""
        found = self.loaded.locate("".join(f"/{escape_pointer(str(part))}" for part in path))
        if found is None:
            return None
        pointer, line = found
        column = self._column(line, pointer.rsplit("/", 1)[1] if pointer else None)
        return f"{line}:{column}" if column else str(line)

    def _column(self, line: int, token: str | None) -> int | None:
        if not 1 <= line <= len(self.text_lines):
            return None
        text = self.text_lines[line - 1]
        if token is None:
            return len(text) - len(text.lstrip()) + 1
        key = token.replace("~1", "/").replace("~0", "~")
        found = re.search(r"(?:^|[\s{,])([\"']?)" + re.escape(key) + r"\1\s*:", text)
        return found.start(1) + 1 if found else None

    def error(self, problem: FieldProblem) -> RequirementSetError:
        """The problem as an error at its field's line:column in this file."""
        return RequirementSetError(
            problem.message,
            path=self.path,
            where=self.where(problem.path),
            hint=problem.hint or None,
        )


class _Resolver:
    def __init__(self) -> None:
        self.cache: dict[str, tuple[dict[str, Any], _Header, list[str]]] = {}
        self.names: dict[str, str] = {}  # resolved key -> the path as shown to the user

    def resolve(
        self, ref: str, base: Path, chain: tuple[str, ...]
    ) -> tuple[dict[str, Any], _Header, list[str]]:
        file_path, display, key = self._locate(ref, base, chain)
        self.names[key] = display
        if key in chain:
            names = [self.names.get(k, k) for k in (*chain[chain.index(key) :], key)]
            raise RequirementSetError(
                tr("extends cycle: {chain}", chain=" -> ".join(names)),
                path=self.names.get(chain[-1], chain[-1]) if chain else display,
                hint=tr("remove one of the extends entries so the chain ends"),
            )
        if len(chain) >= limits.MAX_EXTENDS_DEPTH:
            raise RequirementSetError(
                tr("extends chain is deeper than {limit} sets", limit=limits.MAX_EXTENDS_DEPTH),
                path=self.names.get(chain[-1], chain[-1]),
                hint=tr(
                    "let the set extend the sets further up directly, or raise "
                    "PROCCHECK_MAX_EXTENDS_DEPTH if the chain is genuine"
                ),
            )
        if key in self.cache:
            cached, cached_header, cached_sources = self.cache[key]
            return copy.deepcopy(cached), cached_header, list(cached_sources)
        if file_path.suffix.lower() in KRAVMATRIS_SUFFIXES:
            matrix, matrix_header = _from_kravmatris(file_path, display)
            self.cache[key] = (copy.deepcopy(matrix), matrix_header, [display])
            return matrix, matrix_header, [display]
        text = read_text(file_path, display)
        loaded = load_text(text, display, lines=True, prefer_json=file_path.suffix == ".json")
        source = _Source(loaded, tuple(_LINE_BREAK.split(text)))
        header, entries = _validate_file(source)
        merged: dict[str, Any] = {}
        sources: list[str] = []
        for parent in header.file.extends:
            parent_merged, _header, parent_sources = self.resolve(
                parent, file_path.parent, (*chain, key)
            )
            _deep_merge_requirements(merged, parent_merged)
            sources.extend(s for s in parent_sources if s not in sources)
        _apply(merged, entries, source, display)
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
                    hint=join_hints(
                        did_you_mean(name, sets, lambda close: f"builtin:{close}"),
                        tr(
                            "built-in sets: {names} (see `proccheck sets list`)",
                            names=", ".join(sets),
                        ),
                    ),
                )
            return sets[name], ref, ref
        path = _path_of(ref, base)
        display = display_path(path)
        if chain and path.suffix.lower() not in (*SET_SUFFIXES, *KRAVMATRIS_SUFFIXES):
            raise RequirementSetError(
                tr(
                    "extends {ref}: a requirement set is a .yaml, .yml or .json file, or a "
                    "kravmatris in .xlsx or .csv",
                    ref=repr(ref),
                ),
                path=where or display,
                hint=tr("name the set file itself (devices and other files are never read)"),
            )
        if path.exists() and not path.is_file():
            raise RequirementSetError(
                tr("requirement set {ref} is not a regular file", ref=repr(ref)),
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


def _from_kravmatris(path: Path, display: str) -> tuple[dict[str, Any], _Header]:
    """A kravmatris as a set file's resolved requirements. Its texts are written in one language
    (`lang`) and used for both, without a note per text: a sheet has no place for the other
    language, so the note could not be acted on. The title is the text's start when the matrix
    has no title column, as for a specification's requirements (`api.set_from_spec`)."""
    from proccheck.loaders import kravmatris  # spreadsheets and lexicons only when one is given

    matrix = kravmatris.load_kravmatris(path, display)
    merged: dict[str, Any] = {}
    for row in matrix.rows:
        texts = {"title": row.title or one_line(row.text, 80), "text": row.text}
        if row.rationale:
            texts["rationale"] = row.rationale
        answer: dict[str, Any] = {"evidence": "required" if row.evidence else "none"}
        if row.verification:
            answer["description"] = {"sv": row.verification, "en": row.verification}
        merged[row.id] = {
            "level": row.level,
            "principle": row.principle,
            **{name: {"sv": text, "en": text} for name, text in texts.items()},
            "references": [r.model_dump(exclude_none=True) for r in row.references],
            "verification": {"checks": list(row.checks), "answer": answer},
            "cues": row.cues.model_dump(),
            "defined_in": display,
        }
    set_file = SetFile(id=path.stem, lang=matrix.lang, title=matrix.title)
    return merged, _Header(set_file, ())


def _validate_file(source: _Source) -> tuple[_Header, dict[str, Any]]:
    data = source.loaded.data
    if not isinstance(data, dict):
        raise source.error(
            FieldProblem(
                (),
                tr(
                    "a requirement set must be a mapping of fields (field: value), not {kind}",
                    kind=kind_of(data),
                ),
                example_hint(("id",)),
            )
        )
    head = {k: v for k, v in data.items() if k != "requirements"}
    try:
        set_file = SetFile.model_validate(head)
    except ValidationError as exc:
        raise source.error(explain(exc.errors(), head, SetFile)) from None
    header = _Header(set_file, tuple(f for f in SET_TEXT_FIELDS if isinstance(head.get(f), str)))
    requirements = data.get("requirements", {})
    if requirements is None:
        requirements = {}
    if not isinstance(requirements, dict):
        raise source.error(
            FieldProblem(
                ("requirements",),
                tr(
                    "requirements must be a mapping from requirement id to requirement, not {kind}",
                    kind=kind_of(requirements),
                ),
                example_hint(("requirements",)),
            )
        )
    entries: dict[str, Any] = {}
    for requirement_id, entry in requirements.items():
        path: DataPath = ("requirements", requirement_id)
        if isinstance(entry, str):
            if entry not in BARE_VALUES:
                raise source.error(
                    FieldProblem(
                        path,
                        tr(
                            "{field}: {value} is not one of {choices}",
                            field=dotted(path),
                            value=repr(entry),
                            choices=", ".join(BARE_VALUES),
                        ),
                        join_hints(
                            level_hint(entry) or did_you_mean(entry, BARE_VALUES),
                            example_hint(path),
                            tr("off removes the requirement"),
                        ),
                    )
                )
            entries[requirement_id] = entry
            continue
        if not isinstance(entry, dict):
            raise source.error(
                FieldProblem(
                    path,
                    tr(
                        "{field} must be a mapping of fields or one of must, should, off, "
                        "not {kind}",
                        field=dotted(path),
                        kind=kind_of(entry),
                    ),
                    example_hint(path),
                )
            )
        try:
            RequirementEntry.model_validate(entry)
        except ValidationError as exc:
            raise source.error(explain(exc.errors(), entry, RequirementEntry, path)) from None
        expanded, plain = expand_texts(entry, REQUIREMENT_TEXT_FIELDS)
        if plain:
            expanded[ONE_LANGUAGE] = dict.fromkeys(plain, set_file.lang)
        entries[requirement_id] = expanded
    return header, entries


def _deep_merge(target: dict[str, Any], patch: dict[str, Any]) -> None:
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _deep_merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def _other(lang: Lang) -> Lang:
    return "en" if lang == "sv" else "sv"


def _merge_requirement(target: dict[str, Any], patch: dict[str, Any]) -> None:
    """Deep-merge `patch` (a file's entry, or a later parent's requirement) into `target`,
    following the texts written as one plain string: such a text sets both languages; a mapping
    that gives only the language a plain string was written in sets both too (the other was a
    copy of it); one that gives the other language ends the text's one-language mark."""
    marks: dict[str, Lang] = dict(target.get(ONE_LANGUAGE, {}))
    patch_marks: dict[str, Lang] = patch.get(ONE_LANGUAGE, {})
    copies: dict[str, tuple[Lang, str]] = {}
    for name in REQUIREMENT_TEXT_FIELDS:
        value = patch.get(name)
        if not isinstance(value, dict):
            continue
        if name in patch_marks:
            marks[name] = patch_marks[name]
        elif name in marks:
            lang = marks[name]
            if _other(lang) in value:
                del marks[name]
            elif isinstance(value.get(lang), str):
                copies[name] = (_other(lang), value[lang])
    _deep_merge(target, {k: v for k, v in patch.items() if k != ONE_LANGUAGE})
    for name, (lang, text) in copies.items():
        target[name][lang] = text
    if marks:
        target[ONE_LANGUAGE] = marks
    else:
        target.pop(ONE_LANGUAGE, None)


def _deep_merge_requirements(target: dict[str, Any], parent: dict[str, Any]) -> None:
    for requirement_id, raw in parent.items():
        if requirement_id in target:
            changed = [*target[requirement_id].get("changed_in", []), raw["defined_in"]]
            _merge_requirement(target[requirement_id], raw)
            target[requirement_id]["changed_in"] = changed
        else:
            target[requirement_id] = copy.deepcopy(raw)


def _apply(merged: dict[str, Any], entries: dict[str, Any], source: _Source, display: str) -> None:
    for requirement_id, entry in entries.items():
        path: DataPath = ("requirements", requirement_id)
        if isinstance(entry, str):
            if requirement_id not in merged:
                raise source.error(
                    FieldProblem(
                        path,
                        tr(
                            "{field}: {value} changes an inherited requirement, but no "
                            "extended set defines {id}",
                            field=dotted(path),
                            value=repr(entry),
                            id=requirement_id,
                        ),
                        join_hints(
                            did_you_mean(requirement_id, merged, str),
                            tr(
                                "bare must/should/off only change inherited requirements; "
                                "a new one needs level, title and text"
                            ),
                        ),
                    )
                )
            if entry == "off":
                del merged[requirement_id]
            else:
                merged[requirement_id]["level"] = entry
                _changed_in(merged[requirement_id], display)
            continue
        if requirement_id in merged:
            _merge_requirement(merged[requirement_id], entry)
            _changed_in(merged[requirement_id], display)
            continue
        missing = [name for name in NEW_REQUIREMENT_NEEDS if entry.get(name) is None]
        if missing:
            field: DataPath = (*path, missing[0])
            raise source.error(
                FieldProblem(
                    field,
                    tr(
                        "{field} is missing: a new requirement needs level, title and text",
                        field=dotted(field),
                    ),
                    join_hints(
                        did_you_mean(requirement_id, merged, str),
                        example_hint(field),
                    ),
                )
            )
        new = {**copy.deepcopy(entry), "defined_in": display}
        if new.get("principle") is None:
            new["principle"] = "other"
        merged[requirement_id] = new


def _changed_in(requirement: dict[str, Any], display: str) -> None:
    """Record that the set file `display` changed an inherited requirement."""
    requirement["changed_in"] = [*requirement.get("changed_in", []), display]
