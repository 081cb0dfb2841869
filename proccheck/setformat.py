"""The requirement-set file format: what a user writes, a starter file, and the file's validation
messages in proccheck's own words (`schemas/requirement-set.schema.json` is generated from
`SetFile`).

A text field (the set's `title` and `description`, a requirement's `title`, `text` and
`rationale`) takes a mapping `{sv: …, en: …}` or one plain string in the set's language (`lang`,
default `sv`), which is then used for both languages. Pydantic's error wording never reaches a
user: `explain` turns an error into the field as a path (`requirements.DO-01.level`), what is
wrong, and an example of what is right, in the language of the run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Annotated, Any, Literal, NamedTuple, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import ErrorDetails

from proccheck.i18n import N_, _, tr
from proccheck.model import Cues, Lang, Level, Principle, Reference, Text, Verification

_TEXT_INPUT = (
    "A text in Swedish and English ({sv: …, en: …}), or one string in the set's language "
    "(lang), which is then used for both languages."
)
TextInput = Annotated[Text | str, Field(description=_TEXT_INPUT)]
OptionalTextInput = Annotated[Text | str | None, Field(description=_TEXT_INPUT)]
BareLevel = Literal["must", "should", "off"]
BARE_VALUES: tuple[str, ...] = get_args(BareLevel)
NEW_REQUIREMENT_NEEDS = ("level", "title", "text")
"""The fields a requirement no extended set defines must have (principle defaults to other)."""


class _FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RequirementEntry(_FileModel):
    """A requirement as written in a set file; fields may be omitted when refining an inherited one."""

    level: Level | None = None
    principle: Principle | None = Field(
        default=None, description="Default for a new requirement: other."
    )
    title: OptionalTextInput = None
    text: OptionalTextInput = None
    rationale: OptionalTextInput = None
    references: list[Reference] | None = None
    verification: Verification | None = None
    cues: Cues | None = None


class SetFile(_FileModel):
    """The requirement-set file format (`schemas/requirement-set.schema.json` is generated from it)."""

    id: str = Field(min_length=1)
    version: str = Field(
        default="", description="Optional; reports show a set without one as unversioned."
    )
    lang: Lang = Field(
        default="sv", description="The language of the texts written as one plain string."
    )
    title: TextInput
    description: OptionalTextInput = None
    extends: list[str] = []
    requirements: dict[str, RequirementEntry | BareLevel] = {}


SET_TEXT_FIELDS = ("title", "description")
REQUIREMENT_TEXT_FIELDS = ("title", "text", "rationale")


def as_text(value: Text | str | None) -> Text:
    """A file's text as the model's `Text`: a plain string is used for both languages."""
    if value is None:
        return Text()
    return Text(sv=value, en=value) if isinstance(value, str) else value


def expand_texts(data: dict[str, Any], fields: Iterable[str]) -> tuple[dict[str, Any], list[str]]:
    """`data` with each plain-string text of `fields` written out for both languages, and the
    fields that were plain strings (written in one language only)."""
    expanded = dict(data)
    plain = []
    for name in fields:
        value = data.get(name)
        if isinstance(value, str):
            expanded[name] = {"sv": value, "en": value}
            plain.append(name)
    return expanded, plain


# --- messages ------------------------------------------------------------------------------------

DataPath = tuple[str | int, ...]


class FieldProblem(NamedTuple):
    """A validation problem: the field (as data path), what is wrong, and how to put it right."""

    path: DataPath
    message: str
    hint: str


_EXAMPLES: dict[str, str] = {
    "id": "id: min-kommun",
    "version": 'version: "2026.1"',
    "lang": "lang: sv",
    "title": N_("title: My municipality"),
    "description": N_("description: Our requirements for system procurements"),
    "extends": "extends: [builtin:open-baseline]",
    "requirements": "requirements: {API-10: must}",
    "requirement.title": N_("title: Exit plan"),
    "requirement.text": N_("text: The vendor shall deliver an exit plan."),
    "requirement.rationale": N_("rationale: Without an exit plan the data cannot be moved."),
    "level": "level: must",
    "principle": "principle: open-apis",
    "references": 'references: [{title: Upphandlingsmyndigheten, url: "https://www.upphandlingsmyndigheten.se/"}]',
    "references.title": "title: Upphandlingsmyndigheten",
    "references.url": 'url: "https://www.upphandlingsmyndigheten.se/"',
    "references.section": N_("section: Requirement wording"),
    "verification": "verification: {checks: [OA001], answer: {evidence: required}}",
    "checks": "checks: [OA001]",
    "answer": "answer: {evidence: required}",
    "evidence": "evidence: required",
    "answer.description": N_("description: Attach the API description."),
    "cues": "cues: {sv: [[exitplan, avslutsplan]], en: [[exit plan]]}",
    "cues.sv": "sv: [[exitplan, avslutsplan], [leverera, lämna]]",
    "cues.en": "en: [[exit plan], [deliver, provide]]",
    "sv": N_("sv: Exitplan"),
    "en": N_("en: Exit plan"),
}
"""Per field, an example of a right value (natural-language examples are msgids)."""

_LEVEL_WORDS = {
    "must": (
        "skall",
        "ska",
        "måste",
        "obligatorisk",
        "obligatoriskt",
        "krav",
        "shall",
        "mandatory",
    ),
    "should": ("bör", "önskvärt", "meriterande", "optional", "desirable", "may", "kan"),
}
"""What people write for a level, and the level they mean."""


def dotted(path: Sequence[str | int]) -> str:
    """`requirements.DO-01.level`, `requirements.DO-01.references[0].title`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def example_key(path: Sequence[str | int]) -> str | None:
    """The `_EXAMPLES` key for the field at `path`."""
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return None
    last = names[-1]
    if "cues" in names[:-1] and last in ("sv", "en"):
        return f"cues.{last}"
    if "references" in names[:-1] and last in ("title", "url", "section"):
        return f"references.{last}"
    if "answer" in names[:-1] and last == "description":
        return "answer.description"
    if names[0] == "requirements" and len(names) == 3 and last in REQUIREMENT_TEXT_FIELDS:
        return f"requirement.{last}"
    return last if last in _EXAMPLES else None


def example(path: Sequence[str | int]) -> str | None:
    """An example of a right value for the field at `path`, in the language of the run."""
    names = [p for p in path if isinstance(p, str)]
    if len(names) == 2 and names[0] == "requirements" and len(path) == 2:
        return f"{names[1]}: must"
    key = example_key(path)
    return tr(_EXAMPLES[key]) if key else None


def example_hint(path: Sequence[str | int]) -> str:
    """`example: level: must`, or nothing when no example is known."""
    shown = example(path)
    return tr("example: {example}", example=shown) if shown else ""


def join_hints(*parts: str) -> str:
    """Hint parts joined with `; ` (after a question, a space), the empty ones left out."""
    text = ""
    for part in parts:
        if part:
            text += (" " if text.endswith("?") else "; " if text else "") + part
    return text


def did_you_mean(word: str, choices: Iterable[str], show: Callable[[str], str] = repr) -> str:
    """`did you mean X?` for the choice closest to `word`, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return tr("did you mean {name}?", name=show(close[0])) if close else ""


def kind_of(value: Any) -> str:
    """What a value is, in words: `a list`, `an empty value`."""
    if value is None:
        return tr("an empty value")
    if isinstance(value, bool):
        return tr("true or false")
    if isinstance(value, (int, float)):
        return tr("a number")
    if isinstance(value, str):
        return tr("a text")
    if isinstance(value, list):
        return tr("a list")
    if isinstance(value, dict):
        return tr("a mapping")
    return type(value).__name__


def level_hint(value: str) -> str:
    """`write must for 'skall'` when the value is a word people use for a level."""
    for level, words in _LEVEL_WORDS.items():
        if value.strip().lower() in words:
            return tr("write {level} for {value}", level=level, value=repr(value))
    return ""


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models(arg)]


def _literals(annotation: Any) -> tuple[str, ...]:
    if get_origin(annotation) is Literal:
        return tuple(str(arg) for arg in get_args(annotation))
    return tuple(value for arg in get_args(annotation) for value in _literals(arg))


def _field_annotation(model: type[BaseModel], path: Sequence[str | int]) -> tuple[Any, bool]:
    """The annotation of the field at `path` (relative to `model`), and whether it was found."""
    annotation: Any = model
    for part in path:
        if isinstance(part, int):
            continue  # an item of a list: the item type is inside the list's annotation
        candidates = _models(annotation)
        found = next((m for m in candidates if part in _keys(m)), None)
        if found is None:
            return None, False
        annotation = found.model_fields[_keys(found)[part]].annotation
    return annotation, True


def _keys(model: type[BaseModel]) -> dict[str, str]:
    """The key a file writes for each field (its alias, as `fail-on`) -> the field's name."""
    return {info.alias or name: name for name, info in model.model_fields.items()}


def allowed_fields(model: type[BaseModel], parent: Sequence[str | int]) -> tuple[str, ...]:
    """The field names a mapping at `parent` may have."""
    annotation, found = _field_annotation(model, parent)
    if not found:
        return ()
    return tuple(key for m in _models(annotation) for key in _keys(m))


def _is_text_field(model: type[BaseModel], path: Sequence[str | int]) -> bool:
    annotation, found = _field_annotation(model, path)
    return found and Text in _models(annotation)


def _data_path(error: ErrorDetails, data: Any) -> tuple[DataPath, bool]:
    """The error's location as a path through the data, without pydantic's union member tags
    (`('title', 'Text', 'sv')` -> `('title', 'sv')`); and whether a tag was dropped."""
    path: list[str | int] = []
    node = data
    tagged = False
    loc = error["loc"]
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        in_mapping = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_mapping or in_list:
            path.append(part)
            node = node[part]
        elif last and error["type"] == "missing":
            path.append(part)
            node = None
        else:
            tagged = True  # a union member (`Text`, `str`), not a field of the data
    return tuple(path), tagged


def _pick(errors: list[ErrorDetails], data: Any) -> tuple[ErrorDetails, DataPath]:
    """The error to report: an unknown field first (a misspelt `titel` also makes `title`
    missing, and the unknown field is what to fix); else the first error, or, when that is one
    member of a union, the one that went deepest into the data (the form evidently meant)."""
    unknown = [error for error in errors if error["type"] == "extra_forbidden"]
    if unknown:
        return unknown[0], _data_path(unknown[0], data)[0]
    paths = [_data_path(error, data) for error in errors]
    first_path, tagged = paths[0]
    if not tagged:
        return errors[0], first_path
    same = [
        (error, path)
        for error, (path, _tag) in zip(errors, paths, strict=True)
        if path[: len(first_path)] == first_path
    ]
    return max(same, key=lambda pair: len(pair[1]))


def _value_at(data: Any, path: Sequence[str | int]) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def explain(
    errors: list[ErrorDetails],
    data: Any,
    model: type[BaseModel],
    prefix: DataPath = (),
) -> FieldProblem:
    """One of pydantic's validation errors (of `model` validating `data`) in proccheck's words.

    `prefix` is where `data` sits in the file (`("requirements", "DO-01")` for an entry)."""
    error, relative = _pick(errors, data)
    path = (*prefix, *relative)
    field = dotted(path) or "/"
    value = _value_at(data, relative)
    kind = error["type"]
    shown_example = example_hint(path)
    if kind == "missing":
        return FieldProblem(path, tr("{field} is missing", field=field), shown_example)
    if kind == "extra_forbidden":
        return unknown_field(path, allowed_fields(model, relative[:-1]))
    if kind == "literal_error":
        annotation, _found = _field_annotation(model, relative)
        choices = _literals(annotation)
        text = str(value)
        return FieldProblem(
            path,
            tr(
                "{field}: {value} is not one of {choices}",
                field=field,
                value=repr(text),
                choices=", ".join(choices),
            ),
            join_hints(
                level_hint(text) or did_you_mean(text, choices),
                shown_example,
            ),
        )
    if kind in ("string_type", "model_type", "dict_type", "model_attributes_type") and (
        _is_text_field(model, relative)
    ):
        message = tr(
            "{field} must be a text, or a mapping with sv and en, not {kind}",
            field=field,
            kind=kind_of(value),
        )
    elif kind in ("string_type", "string_sub_type"):
        message = tr("{field} must be a text, not {kind}", field=field, kind=kind_of(value))
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = tr(
            "{field} must be a mapping (field: value), not {kind}", field=field, kind=kind_of(value)
        )
    elif kind in ("list_type", "tuple_type", "iterable_type"):
        message = tr("{field} must be a list, not {kind}", field=field, kind=kind_of(value))
    elif kind == "string_too_short" or (kind == "too_short" and not value):
        message = tr("{field} must not be empty", field=field)
    elif kind == "control_characters":
        message = tr(
            "{field}: {value} holds a control character (such as NUL or a line break), which "
            "no file name can have",
            field=field,
            value=repr(value),
        )
    elif kind == "int_type":
        message = tr("{field} must be a whole number, not {kind}", field=field, kind=kind_of(value))
    else:
        message = tr("{field}: {value} is not valid here", field=field, value=repr(value))
    return FieldProblem(path, message, shown_example)


def unknown_field(path: DataPath, allowed: Sequence[str]) -> FieldProblem:
    """`requirements.DO-01.levle: unknown field`, with the closest allowed name and its example."""
    key = str(path[-1])
    close = difflib.get_close_matches(key, list(allowed), n=1)
    meant = (*path[:-1], close[0]) if close else None
    return FieldProblem(
        path,
        tr("{field}: unknown field", field=dotted(path)),
        join_hints(
            tr("did you mean {name}?", name=repr(close[0])) if close else "",
            example_hint(meant) if meant else "",
            tr("allowed here: {fields}", fields=", ".join(allowed)) if allowed else "",
        ),
    )


# --- the starter file ----------------------------------------------------------------------------

_STARTER_HEAD = N_(
    "A requirement set of your own (kravbibliotek) for proccheck.\n"
    "Check it:  proccheck sets validate {file}\n"
    "Use it:    proccheck spec check kravspecifikation.docx --set {file}\n"
    "The file format: schemas/requirement-set.schema.json (README: Your own set)."
)
_STARTER_ID = N_("A short name without spaces; reports show it.")
_STARTER_TITLE = N_(
    "One text in the set's language (lang) is used for both languages;\n"
    "or write both: {sv: …, en: …}."
)
_STARTER_VERSION = N_("Optional: a version for the reports (without one they say unversioned).")
_STARTER_LANG = N_("The language of the texts written as one string: sv or en.")
_STARTER_EXTENDS = N_(
    "The sets this one builds on, applied left to right; paths are relative to this file."
)
_STARTER_REQUIREMENTS = N_(
    "Change inherited requirements or add your own: remove the # below. A bare level (must,\n"
    "should) changes only the level, off removes the requirement, and a requirement of your own\n"
    "needs level, title and text (principle is optional, default other).\n"
    "`proccheck sets show {ref} -f text` lists the inherited requirements."
)
_STARTER_EXAMPLE_TITLE = N_("Logs")
_STARTER_EXAMPLE_TEXT = N_("The vendor shall hand over all logs in an open format.")
_STARTER_TITLE_VALUE = N_("My municipality")


def starter_id(stem: str) -> str:
    """A set id from a file name: `Min kommun.yaml` -> `min-kommun`."""
    return re.sub(r"[^\w-]+", "-", stem.lower()).strip("-") or "min-kommun"


def _comment(lang: Lang, msgid: str, **values: Any) -> list[str]:
    return [f"# {line}".rstrip() for line in _(lang, msgid, **values).splitlines()]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def starter(lang: Lang, set_id: str, extends: Sequence[str], file: str) -> str:
    """The commented starter set `proccheck sets init` writes: valid as it stands."""
    refs = ", ".join(_quoted(ref) for ref in extends)
    first = extends[0] if extends else "FILE"
    title = _(lang, _STARTER_TITLE_VALUE)
    example_title = _(lang, _STARTER_EXAMPLE_TITLE)
    example_text = _(lang, _STARTER_EXAMPLE_TEXT)
    lines = [
        *_comment(lang, _STARTER_HEAD, file=file),
        "",
        *_comment(lang, _STARTER_ID),
        f"id: {_quoted(set_id)}",
        *_comment(lang, _STARTER_TITLE),
        f"title: {_quoted(title)}",
        *_comment(lang, _STARTER_VERSION),
        '# version: "2026.1"',
        *_comment(lang, _STARTER_LANG),
        f"lang: {lang}",
        *_comment(lang, _STARTER_EXTENDS),
        f"extends: [{refs}]",
        "",
        *_comment(lang, _STARTER_REQUIREMENTS, ref=first),
        "# requirements:",
        "#   API-10: must",
        '#   OS-08: "off"',
        "#   MK-01:",
        "#     level: must",
        f"#     title: {example_title}",
        f"#     text: {example_text}",
    ]
    return "\n".join(lines) + "\n"
