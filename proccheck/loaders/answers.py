"""Vendor answers (anbudssvar) from YAML/JSON files and XLSX/CSV answer matrices.

Every answer becomes a `VendorAnswer` with the raw cell text, a normalised value
(yes/no/partial/blank/unclear), the comment, the evidence and its location.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.loaders.inputs import ANSWERS, MAPPING, check_input
from proccheck.loaders.lexicon import LANGS, lexicon
from proccheck.loaders.structured import (
    Loaded,
    load_file,
    load_text,
    printable,
    read_text,
    yaml_comments,
)
from proccheck.loaders.tables import (
    ROW_MEANING_ROLES,
    ColumnMapping,
    Row,
    Table,
    names_role,
    read_tables,
)
from proccheck.model import Location
from proccheck.text import fold, joined_broken_words

AnswerValue = Literal["yes", "no", "partial", "not_applicable", "blank", "unclear"]
"""`not_applicable` is the vendor's "Ej tillämpligt"/"N/A": a claim a person must confirm, not a
No and never a Yes."""

_ALIASES = {
    "vendor": ("vendor", "leverantör", "leverantor", "anbudsgivare", "supplier"),
    "procurement": ("procurement", "upphandling"),
    "answers": ("answers", "svar"),
}
_ITEM_ALIASES = {
    "requirement": ("requirement", "krav", "id", "kravnummer"),
    "answer": ("answer", "svar"),
    "comment": ("comment", "kommentar"),
    "evidence": ("evidence", "bilaga", "bilagor"),
    "text": ("text", "kravtext", "requirement_text"),
}


@dataclass(frozen=True)
class VendorAnswer:
    """One answer of a vendor, as written and as understood."""

    requirement: str | None
    text: str
    raw: str
    value: AnswerValue
    rest: str
    comment: str
    evidence: tuple[str, ...]
    location: Location
    formula: bool = False
    """The answer cell holds a formula: what was read is its cached value."""
    remaining: str = ""
    """Work the vendor lists as still to do (a "Remaining" column), "" when none."""
    other: str = ""
    """The row's cells in columns of no known role ("Villkor", "Anmärkning", no header, a
    second answer column), joined: read for reservations, never for the answer itself."""
    unseen: str = ""
    """Why Excel does not show the answer or comment cell as stored (`xlsx_look.Unseen`, or
    "formula" for a comment computed when the sheet is opened), or "" when it does: the
    verdict then rests on text no reader of the sheet saw."""
    other_answers: str = ""
    """Of `other`, the cells of further answer columns ("Leverantörens svar" beside "Svar"):
    a No there takes the Yes back; a buyer's own Ja/Nej columns ("Bilaga krävs") do not."""

    meanings: tuple[tuple[str, str, str], ...] = ()
    """(role, header, cell) of each filled cell in a column whose header gives it a meaning
    (`tables.ROW_MEANING_ROLES`: "Ingår i anbudspriset", "Tilläggskostnad", "Avvikelse",
    "Tillgängligt från"): the answer checks decide which values take a Yes back."""

    @property
    def words(self) -> str:
        """Everything the vendor wrote about this requirement besides the bare answer word."""
        return " ".join(part for part in (self.rest, self.comment, self.other) if part).strip()


@dataclass(frozen=True)
class AnswerDocument:
    """One vendor's answer file."""

    path: str
    vendor: str
    procurement: str
    answers: tuple[VendorAnswer, ...]


_LEADING = re.compile(r"^\s*([^\W\d_]+(?:[ -][^\W\d_]+){0,2}|x)\b[\s.,:;!–-]*", re.IGNORECASE)


_WORD = re.compile(r"\w+")
_NOTE_MARK = re.compile(r"[(\[]?\d{1,2}[)\]]|[(\[][a-z][)\]]")
"""A note's mark after an answer, "(1)", "[2]", "3)" or "(a)": the note may say anything."""


def _both_answers(words: list[str]) -> bool:
    """Whether the words are a Yes and a No, either way round, perhaps joined by "och" or
    "and" ("Ja/Nej", "Nej och ja"): read word by word, so that no run of punctuation makes
    the test slow (as an expression, 20 kB of "* " took seconds)."""
    if len(words) == 3 and words[1] in ("och", "and"):
        words = [words[0], words[2]]
    if len(words) != 2:
        return False
    first, second = words
    return (first in ("ja", "yes", "x") and second in ("nej", "no")) or (
        first in ("nej", "no") and second in ("ja", "yes")
    )


_BOX = "☐☒☑■□"
_EMPTY_BOX = "☐□"
_OPTION_WORDS: dict[str, AnswerValue] = {
    "ja": "yes",
    "yes": "yes",
    "nej": "no",
    "no": "no",
    "delvis": "partial",
}
_BOXED_OPTION = re.compile(rf"\s*([{_BOX}])\s*(ja|yes|nej|no|delvis)\b\s*[/,;|]?")
_OPTION_BOXED = re.compile(rf"\s*(ja|yes|nej|no|delvis)\s*([{_BOX}])\s*[/,;|]?")
"""An option with its box, as a Word form shows them: "☒ Ja", or the box after: "Ja ☐"."""


def _ticked_option(lowered: str) -> tuple[AnswerValue, int] | None:
    """The option whose box is ticked in a ballot of Ja/Nej/Delvis ("☒ Ja ☐ Nej" and "☒ Ja"
    are a Yes, "☐ Ja ☒ Nej ☐ Delvis" a No), "unclear" where none or several are; and where
    the ballot ends in `lowered` (words after it are read as the answer's rest). None where the
    text does not start with such a ballot."""
    for pattern, box_first in ((_BOXED_OPTION, True), (_OPTION_BOXED, False)):
        options: list[tuple[AnswerValue, bool]] = []  # each option, whether its box is ticked
        end = 0
        while len(options) < 5 and (found := pattern.match(lowered, end)):
            box, word = (found[1], found[2]) if box_first else (found[2], found[1])
            options.append((_OPTION_WORDS[word], box not in _EMPTY_BOX))
            end = found.end()
        alone = len(options) == 1 and not lowered[end:].strip()
        if len(options) >= 2 or alone:
            ticked = [value for value, on in options if on]
            chosen: AnswerValue = ticked[0] if len(ticked) == 1 else "unclear"
            return chosen, end
    return None


@functools.lru_cache(maxsize=4096)
def normalise_answer(raw: str) -> tuple[AnswerValue, str]:
    """The answer value and what follows it: "Ja, se bilaga 3" -> ("yes", "se bilaga 3").
    Cached: a matrix repeats "Ja" and "Nej" thousands of times."""
    text = " ".join(joined_broken_words(raw).split())
    # folded: a no-break space, soft hyphen or zero-width character changes no answer word
    folding = fold(text, links=True)
    lowered = folding.text.strip().rstrip(".!")
    if not lowered:
        return "blank", ""
    if (ticked := _ticked_option(lowered)) is not None:
        chosen, end = ticked
        if chosen == "unclear" or end >= len(lowered):
            return chosen, text if chosen == "unclear" else ""
        offset = len(folding.text) - len(folding.text.lstrip()) + end
        return chosen, text[folding.origin(offset) :].strip(" .,:;!–-")
    if _both_answers(_WORD.findall(lowered)):
        return "unclear", text  # both ticked, or "Ja/Nej" copied from the header
    kinds: tuple[AnswerValue, ...] = ("not_applicable", "partial", "no", "yes")
    for kind in kinds:
        for lang in LANGS:
            values = lexicon(lang).answer_values.get(kind, frozenset())
            if lowered in values:
                return kind, ""
    # the longest known value that starts the text, followed by a separator
    best: tuple[int, AnswerValue] | None = None
    for kind in kinds:
        for lang in LANGS:
            for value in lexicon(lang).answer_values.get(kind, frozenset()):
                if (
                    lowered.startswith(value)
                    and (len(lowered) == len(value) or not lowered[len(value)].isalnum())
                    and (best is None or len(value) > best[0])
                ):
                    best = (len(value), kind)
    if best is None:
        return "unclear", text
    offset = len(folding.text) - len(folding.text.lstrip()) + best[0]
    rest = text[folding.origin(offset) :].lstrip(" .,:;!–-")
    if rest.startswith("?") or _NOTE_MARK.fullmatch(rest):
        return "unclear", text  # "Ja?" asks rather than answers; "Ja (1)" points at a note
    return best[1], rest


def _evidence_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in re.split(r"[;\n]", value) if part.strip())
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if v is not None and str(v).strip())
    return (str(value),)


_NOT_PROSE = re.compile(
    r"\[([^\]]*)\]\([^)]*\)"  # a Markdown link: its text is kept
    r"|`[^`]*`"  # code: a file or folder name
    r"|(?<!\S)\S+?://\S*|www\.\S+"  # an address
    r"|(?<![^\s;,/\\])([^\s;,/\\]+?)\.[A-Za-z][A-Za-z0-9]{1,4}(?![^\s;,/\\])"  # a file name
)
"""What in an evidence entry is no prose of its own: a link, code, an address, a file's name
(whose words are read: `_link_text`). Each part starts only where a word does, so a long run
of letters is scanned once."""


def evidence_prose(evidence: tuple[str, ...]) -> str:
    """What an evidence entry says besides the addresses it names ("Bilaga 5 – Förbehåll:
    export mot avgift"), a file's name read as words ("Exportavgift_5000kr_per_uttag.pdf"):
    read for reservations like a comment, since a vendor may write one there as well as
    anywhere else."""
    kept = (" ".join(_NOT_PROSE.sub(_link_text, entry).split()) for entry in evidence)
    return " ".join(text for text in kept if len(text.split()) >= 2)


def _link_text(match: re.Match[str]) -> str:
    if match.group(2):  # a file name: its words, split where the name runs them together
        return " " + " ".join(_NAME_BREAK.split(match.group(2))) + " "
    return match.group(1) or " "


_NAME_BREAK = re.compile(r"[_\-.]+")


def _pick(mapping: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if name in mapping:
            return mapping[name]
    return None


def _key_line(loaded: Loaded, pointer: str, near: int | None, key: str) -> str:
    """The line of `key` in the mapping at `pointer`, else `near` (the mapping's own line)."""
    return str(loaded.line_of(f"{pointer}/{key}") or near or "")


def _one_name_each(
    mapping: dict[str, Any],
    aliases: dict[str, tuple[str, ...]],
    display: str,
    where: Callable[[str], str],
) -> None:
    """Refuse a mapping that gives one field under two of its names (`answer: Ja` and `svar:
    Nej`): only one would be read, and the other may be what the vendor meant. `where` gives
    the line of a key."""
    for names in aliases.values():
        given = [name for name in names if name in mapping]
        if len(given) > 1:
            raise InputError(
                tr(
                    "{first} and {second} are the same field, given twice",
                    first=printable(given[0]),
                    second=printable(given[1]),
                ),
                path=display,
                where=where(given[1]),
                hint=tr("keep one of them"),
            )


def load_mapping(path: Path) -> ColumnMapping:
    """Read a mapping file: `sheet`, `header_row` and `columns` (role -> letter or header)."""
    from proccheck.resources import display_path

    display = display_path(path)
    check_input(path, display, MAPPING, several=False)
    data = load_file(path, display, lines=True).data
    roles = ("id", "text", "level", "answer", "comment", "evidence")
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise InputError(
            tr("a mapping file needs `columns` (role: column letter or header)"),
            path=display,
            where="1",
            hint=tr("e.g. columns: {example}", example="{id: A, text: B, answer: D, comment: E}"),
        )
    unknown = [key for key in data if key not in ("sheet", "header_row", "columns")]
    bad_roles = [role for role in data["columns"] if role not in roles]
    if unknown or bad_roles:
        raise InputError(
            tr("unknown field {field} in the mapping", field=repr((unknown or bad_roles)[0])),
            path=display,
            hint=tr("fields: sheet, header_row, columns ({roles})", roles=", ".join(roles)),
        )
    if "answer" not in data["columns"]:
        raise InputError(tr("the mapping must name the answer column"), path=display)
    header_row = data.get("header_row")
    if header_row is not None and (not str(header_row).isdigit() or int(header_row) < 1):
        raise InputError(
            tr("header_row must be a row number"),
            path=display,
            hint=tr("rows count from 1, as Excel numbers them"),
        )
    return ColumnMapping(
        sheet=str(data["sheet"]) if data.get("sheet") is not None else None,
        header_row=int(header_row) if header_row is not None else None,
        columns={str(k): str(v) for k, v in data["columns"].items()},
    )


def load_answers(path: Path, display: str, mapping: ColumnMapping | None = None) -> AnswerDocument:
    """Load an answers file of any supported kind (a mapping file overrides header detection)."""
    check_input(path, display, ANSWERS)
    if path.suffix.lower() in (".yaml", ".yml", ".json"):
        return _load_structured(path, display)
    return _load_matrix(
        path, display, mapping
    )  # .csv .tsv .xlsx .xlsm: check_input refused the rest


def _load_structured(path: Path, display: str) -> AnswerDocument:
    source = read_text(path, display)
    json = path.suffix.lower() == ".json"
    loaded = load_text(source, display, lines=True, prefer_json=json)
    data = loaded.data
    if not isinstance(data, dict):
        raise InputError(
            tr("an answers file must be a mapping with vendor and answers"),
            path=display,
            where="1",
        )
    known = {name for names in _ALIASES.values() for name in names}
    for key in data:
        if key not in known:
            raise InputError(
                tr("unknown field {field}", field=repr(key)),
                path=display,
                where=str(loaded.line_of(f"/{key}") or 1),
                hint=tr("use vendor, procurement and answers (or leverantör, upphandling, svar)"),
            )
    _one_name_each(data, _ALIASES, display, functools.partial(_key_line, loaded, "", 1))
    items = _pick(data, _ALIASES["answers"])
    list_key = (
        next(name for name in _ALIASES["answers"] if name in data)
        if items is not None
        else "answers"
    )
    if not isinstance(items, list):
        raise InputError(
            tr("`answers` (or `svar`) must be a list of answers"),
            path=display,
            where=str(loaded.line_of(f"/{list_key}") or 1),
        )
    item_known = {name for names in _ITEM_ALIASES.values() for name in names}
    answers: list[VendorAnswer] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        pointer = f"/{list_key}/{index}"
        line = loaded.line_of(pointer)
        if not isinstance(item, dict):
            raise InputError(
                tr("each answer must be a mapping with requirement and answer"),
                path=display,
                where=str(line or ""),
            )
        for key in item:
            if key not in item_known:
                raise InputError(
                    tr("unknown field {field} in an answer", field=repr(key)),
                    path=display,
                    where=str(loaded.line_of(f"{pointer}/{key}") or line or ""),
                    hint=tr(
                        "use requirement, answer, comment, evidence, text "
                        "(or krav, svar, kommentar, bilaga, kravtext)"
                    ),
                )
        _one_name_each(
            item, _ITEM_ALIASES, display, functools.partial(_key_line, loaded, pointer, line)
        )
        requirement = _pick(item, _ITEM_ALIASES["requirement"])
        requirement_id = str(requirement).strip() if requirement is not None else None
        if requirement_id:
            key = requirement_id.lower()  # ids are matched regardless of case
            if key in seen:
                raise InputError(
                    tr("requirement {id} is answered twice", id=printable(requirement_id)),
                    path=display,
                    where=str(line or ""),
                    hint=tr("keep one answer per requirement"),
                )
            seen[key] = index
        raw = _pick(item, _ITEM_ALIASES["answer"])
        raw_text = "" if raw is None else str(raw)
        value, rest = normalise_answer(raw_text)
        comment = _pick(item, _ITEM_ALIASES["comment"])
        text = _pick(item, _ITEM_ALIASES["text"])
        evidence = _evidence_list(_pick(item, _ITEM_ALIASES["evidence"]))
        answers.append(
            VendorAnswer(
                requirement=requirement_id or None,
                text="" if text is None else str(text),
                raw=raw_text,
                value=value,
                rest=rest,
                comment="" if comment is None else str(comment),
                evidence=evidence,
                location=Location(path=display, line=line, pointer=pointer),
                other=evidence_prose(evidence),
            )
        )
    if not json:
        answers = _with_comments(answers, yaml_comments(source), source, display)
    vendor = _pick(data, _ALIASES["vendor"])
    procurement = _pick(data, _ALIASES["procurement"])
    for field, value in (("vendor", vendor), ("procurement", procurement)):
        if isinstance(value, str) and _in_vendor_voice(value):  # "Exempel AB (samtliga svar …)"
            key = next(name for name in _ALIASES[field] if name in data)
            answers.append(_general_row(value, display, None, loaded.line_of(f"/{key}") or 1))
    return AnswerDocument(
        path=display,
        vendor=str(vendor) if vendor else vendor_from_name(path),
        procurement=str(procurement) if procurement else "",
        answers=tuple(answers),
    )


def _with_comments(
    answers: list[VendorAnswer], comments: list[tuple[int, str, bool]], source: str, display: str
) -> list[VendorAnswer]:
    """The answers with the YAML comments a reader sees beside them, read for reservations (the
    parser drops them): one after a value (`answer: Ja  # endast mot avgift`), one on a line of
    its own inside an answer (indented under its `-`), or one that starts with an answered
    requirement's id (`# K2: export endast mot avgift`) joins that answer's other text; any
    other comment in the vendor's voice about the answers (`# Samtliga svar gäller mot
    avgift`, on a line of its own or after `vendor:` or `answers:`) is a row answering no
    requirement, read for a general reservation. A section title or an instruction to bidders
    is neither."""
    starts = [answer.location.line or 0 for answer in answers]
    lines = source.splitlines()
    by_id = {a.requirement.lower(): i for i, a in enumerate(answers) if a.requirement}
    extra: dict[int, list[str]] = {}
    general: list[VendorAnswer] = []
    for line, comment, own_line in comments:
        index = bisect.bisect_right(starts, line) - 1
        inside = index >= 0 and starts[index] > 0
        if inside and own_line:
            item_line, comment_line = lines[starts[index] - 1], lines[line - 1]
            item_indent = len(item_line) - len(item_line.lstrip(" -"))
            inside = len(comment_line) - len(comment_line.lstrip(" ")) >= item_indent
        named = _COMMENT_ID.match(comment)
        if named and named.group(1).lower() in by_id:
            extra.setdefault(by_id[named.group(1).lower()], []).append(comment)
        elif inside:
            extra.setdefault(index, []).append(comment)
        elif (own_line or not inside) and _in_vendor_voice(comment):
            general.append(_general_row(comment, display, None, line))
    return [
        dataclasses.replace(answer, other=" ".join([answer.other, *extra[i]]).strip())
        if i in extra
        else answer
        for i, answer in enumerate(answers)
    ] + general


_COMMENT_ID = re.compile(r"\s*([^\W_]{1,10}[-.]?\d{1,4}[a-z]?)\s*[:.)–—-]")
"""A comment that starts with a requirement's id and a separator ("K2: …", "API-04 – …")."""


def _load_matrix(path: Path, display: str, mapping: ColumnMapping | None = None) -> AnswerDocument:
    loose: list[Row] = []
    footnotes: dict[str, tuple[Row, str]] = {}  # "*": the row that explains it
    tables = read_tables(path, display, ("answer",), mapping, loose)
    answers: list[VendorAnswer] = []
    seen: dict[str, str] = {}
    for table in tables:
        if "id" not in table.columns and "text" not in table.columns:
            continue
        answer_col = table.columns["answer"]
        known = set(table.columns.values())
        read_others = mapping is None  # a mapping names the columns that count
        answer_like = {
            index
            for index, name in enumerate(table.header)
            if read_others and index not in known and names_role(name, "answer")
        }
        for row in table.rows:
            requirement_id = table.cell(row, "id").strip() or None
            text = table.cell(row, "text")
            if not requirement_id and not text and not any(c.strip() for c in row.cells):
                continue  # an empty row; one with only a comment ("OBS: alla Ja-svar …")
                # is kept: answering no requirement, it is read for a general reservation
            if requirement_id:
                key = requirement_id.lower()  # ids are matched regardless of case
                if key in seen:
                    raise InputError(
                        tr(
                            "requirement {id} is answered twice (also at {where})",
                            id=printable(requirement_id),
                            where=printable(seen[key]),
                        ),
                        path=display,
                        where=row.where,
                        hint=tr("keep one row per requirement"),
                    )
                seen[key] = row.where
            raw, value, rest = _answer_cell(table, row)
            if not raw.strip() and _is_section_row(table, row, requirement_id, text):
                note = requirement_id or text
                if _NOTE.match(note):  # "# Anm. K2: endast mot avgift"
                    seen.pop((requirement_id or "").lower(), None)
                    above = (
                        answers[-1]
                        if answers and answers[-1].location.sheet == table.sheet
                        else None
                    )
                    if above is not None and above.requirement and not _ID_WORD.search(note):
                        answers[-1] = dataclasses.replace(  # "Anm.: enligt ovan …" under K2
                            above, other=" ".join([above.other, f"{row.where}: {note}"]).strip()
                        )
                    else:
                        loose.append(row)
                elif mark := _FOOTNOTE.match(note):  # a second "*" row adds to the first
                    first, said = footnotes.get(mark.group(1), (row, ""))
                    footnotes[mark.group(1)] = (first, f"{said} {note[mark.end() :]}".strip())
                continue
            answers.append(
                VendorAnswer(
                    requirement=requirement_id,
                    text=text,
                    raw=raw,
                    value=value,
                    rest=rest,
                    comment=table.cell(row, "comment"),
                    evidence=(evidence := _evidence_list(table.cell(row, "evidence"))),
                    location=table.location(row, "answer", display),
                    formula=answer_col in row.formulas,
                    remaining=_remaining(table.cell(row, "remaining")),
                    other=" ".join(
                        [
                            cell.strip()
                            for index, cell in enumerate(row.cells)
                            if read_others and index not in known and cell.strip()
                        ]
                        + [text for _column, text in row.notes]  # on any cell of the row
                        + ([prose] if (prose := evidence_prose(evidence)) else [])
                        + [  # "K2 (mot avgift)": words beside the id are the vendor's too
                            m.group(1) or m.group(2) or ""
                            for m in _BRACKETED.finditer(requirement_id or "")
                        ]
                    ),
                    other_answers=" ".join(
                        cell.strip()
                        for index, cell in enumerate(row.cells)
                        if index in answer_like and cell.strip()
                    ),
                    unseen=next(
                        (
                            why
                            for column, why in row.unseen
                            if column in (answer_col, table.columns.get("comment"))
                        ),
                        "formula" if table.columns.get("comment") in row.formulas else "",
                    ),
                    meanings=tuple(
                        (role, table.header[table.columns[role]].strip(), cell)
                        for role in ROW_MEANING_ROLES
                        if read_others
                        and role in table.columns
                        and (cell := table.cell(row, role).strip())
                    ),
                )
            )
    if not answers and any("id" in t.columns or "text" in t.columns for t in tables):
        header = next(t for t in tables if "id" in t.columns or "text" in t.columns)
        raise InputError(
            tr("no answers found: the sheet has a header row but no rows with answers below it"),
            path=display,
            where=f"{header.sheet}!{header.header_row}" if header.sheet else str(header.header_row),
            hint=tr("fill in the rows below the header, or check that this is the answered file"),
        )
    if not answers:
        raise InputError(
            tr(
                "no answers found: the sheet has an answer column but no requirement id or "
                "text column"
            ),
            path=display,
            hint=tr("add a Kravnummer/ID or Kravtext column, or give a mapping"),
        )
    notes = [note for table in tables if mapping is None for note in _header_notes(table, display)]
    return AnswerDocument(
        path=display,
        vendor=vendor_from_name(path),
        procurement="",
        answers=_with_loose_rows(_with_footnotes(answers, footnotes, loose), loose, display)
        + tuple(notes),
    )


_BRACKETED = re.compile(r"\((.*?)\)|\[(.*?)\]")


def _header_notes(table: Table, display: str) -> list[VendorAnswer]:
    """What the header row says in the vendor's voice, each as a row answering no
    requirement, read for a general reservation: what the header of the answer or comment
    column adds in brackets ("Svar (samtliga Ja gäller mot avgift)"), a header cell of no
    column the table reads ("Samtliga svar gäller under förutsättning att …" beside the last
    column), and a note on any header cell. The answer options ("Ja/Nej") and a buyer's label
    or instruction ("eventuella förbehåll", "ange Ja eller Nej") are not the vendor's voice.
    The name of the sheet that holds the answers is read as a title over all of them, in any
    voice ("Svar – endast mot avgift"); a plain name ("Svar", "Kravmatris") reserves nothing."""
    bracketed = [
        match.group(1) or match.group(2) or ""
        for role in ("answer", "comment")
        if role in table.columns
        for match in _BRACKETED.finditer(table.header[table.columns[role]])
    ]
    read = set(table.columns.values())
    beside = [text for column, text in enumerate(table.header) if column not in read]
    found = [
        _general_row(text, display, table.sheet, table.header_row)
        for said in [*bracketed, *beside, *table.header_notes]
        if _in_vendor_voice(text := " ".join(said.split()))
    ]
    title = " ".join((table.sheet or "").split())
    if title and not _in_vendor_voice(title):  # one in the vendor's voice is a loose row
        found.append(_general_row(title, display, table.sheet, table.header_row))
    return found


def _general_row(text: str, display: str, sheet: str | None, number: int) -> VendorAnswer:
    """A row answering no requirement, holding `text` written at row `number` of `sheet`."""
    return VendorAnswer(
        requirement=None,
        text="",
        raw="",
        value="blank",
        rest="",
        comment="",
        evidence=(),
        location=Location(
            path=display, sheet=sheet, row=number, line=number if sheet is None else None
        ),
        other=text,
    )


_FOOTNOTE = re.compile(r"\s*(\*{1,3})\s*(?=\S)")
"""The mark a footnote row of the answer table starts with ("* Exporten ingår …")."""


def _with_footnotes(
    answers: list[VendorAnswer], footnotes: dict[str, tuple[Row, str]], loose: list[Row]
) -> list[VendorAnswer]:
    """The answers with a footnote mark after the answer word ("Ja*") read with the footnote
    the table holds for it ("* mot avgift" is quoted as the reservation it is). The mark
    stays a condition to look at, whatever the footnote says: a footnote that reads as no
    reservation may still be one (round 11: "* Gäller kunder med avtalsnivå Premium"). A
    footnote no answer points at is read as the vendor's loose text (into `loose`)."""
    used: set[str] = set()
    read = []
    for answer in answers:
        found = footnotes.get(answer.rest.strip())
        if found is not None and answer.value == "yes":
            used.add(answer.rest.strip())
            answer = dataclasses.replace(answer, rest=f"{answer.rest.strip()} {found[1]}")
        read.append(answer)
    loose += [row for mark, (row, _text) in footnotes.items() if mark not in used]
    return read


def _with_loose_rows(
    answers: list[VendorAnswer], loose: list[Row], display: str
) -> tuple[VendorAnswer, ...]:
    """The answers, with the text written outside the answer table read as the vendor's too:
    a row that starts with an answered requirement's id ("K2 | Export endast mot avgift" on
    a sheet "Avvikelser") joins that answer's other text; any other row in the vendor's voice
    about the answers ("Samtliga Ja-svar gäller mot avgift", above the header or on a sheet
    of its own) is a row answering no requirement, read for a general reservation. A buyer's
    instruction ("Ange eventuella förbehåll …") is neither. A row that does not start with an
    id but names one ("Anm. K2: endast mot avgift") joins that answer."""
    by_id = {a.requirement.lower(): i for i, a in enumerate(answers) if a.requirement}
    extra: dict[int, list[tuple[str, str]]] = {}  # an answer: (where, text) said elsewhere
    general: list[VendorAnswer] = []
    for row in loose:
        cells = [" ".join(cell.split()) for cell in row.cells if cell.strip()]
        index = by_id.get(cells[0].lower())
        if index is not None:
            named, said_from = [index], 1
        else:  # a note that names the requirements it is about ("Anm. K1, K2: …")
            words = _ID_WORD.findall(" ".join(cells))
            named = list(dict.fromkeys(by_id[w.lower()] for w in words if w.lower() in by_id))
            said_from = 0
        for index in named:
            answer = answers[index]
            said = [
                c for c in cells[said_from:] if c not in (answer.text.strip(), answer.raw.strip())
            ]
            if said:
                extra.setdefault(index, []).append((row.where, " ".join(said)))
        if named:
            continue
        text = " ".join(cells)
        if _in_vendor_voice(text):
            general.append(_general_row(text, display, row.sheet, row.number))
    joined = [  # a "Nej – …" there takes the Yes back, as in a second answer column
        dataclasses.replace(
            answer,
            other=" ".join([answer.other, *(f"{w}: {t}" for w, t in extra[i])]).strip(),
            other_answers=" ".join([answer.other_answers, *(t for _w, t in extra[i])]).strip(),
        )
        if i in extra
        else answer
        for i, answer in enumerate(answers)
    ]
    return tuple(joined + general)


_NOTE = re.compile(
    r"^\W*(?:anm\w*|obs\w*|nb|not|notera|note|kommentar\w*|förbehåll\w*|reservation\w*"
    r"|undantag\w*|avvikelse\w*|observera)\b",
    re.IGNORECASE,
)
"""A row of the answer table that is the vendor's note ("Anm. K2: …", "OBS: …"), not a
heading: read with the answer it names (`_with_loose_rows`)."""
_ID_WORD = re.compile(r"(?<![\w.])[A-Za-zÅÄÖåäö]{0,8}[-.]?\d{1,4}(?:\.\d{1,4}){0,3}(?![\w])")
"""A word that may be a requirement's id (K2, SK-12, 4.1.3), for a note that names one."""

_INSTRUCTION = re.compile(
    r"^\W*(?:ange|anges|fyll|besvara|svara|markera|beskriv|bifoga|redovisa"
    r"|please|enter|fill|answer|state|describe|mark|attach|indicate|provide|complete)\b",
    re.IGNORECASE,
)
_VENDOR_VOICE = re.compile(
    r"\b(?:vi|vår|vårt|våra|oss|we|our|us"
    r"|(?:samtliga|alla|varje|all|every|each)\s+(?:(?:ja|yes)[- ]?)?(?:svar|svaren|answers?|responses?)"
    r"|(?:samtliga|alla|all|every)\s+(?:ja|yes)"
    r"|(?:ja|yes)-?(?:svar|svaren|answers?))\b",
    re.IGNORECASE,
)


def _in_vendor_voice(text: str) -> bool:
    """Whether a text outside the answer table speaks for the vendor about its answers, not as
    the buyer's instruction to bidders."""
    shown = fold(text).text
    return not _INSTRUCTION.match(shown) and _VENDOR_VOICE.search(shown) is not None


_NOTHING_LEFT = frozenset(
    {"", "-", "–", "—", "none", "n/a", "na", "nothing", "inget", "inga", "ingen", "0"}
)


def _remaining(cell: str) -> str:
    """A remaining-work cell, or "" when it says nothing is left ("None", "–", "Inget")."""
    text = " ".join(cell.split())
    return "" if text.lower().rstrip(".") in _NOTHING_LEFT else text


def _answer_cell(table: Table, row: Row) -> tuple[str, AnswerValue, str]:
    """The answer as written, its value and what follows it, also from separate Ja/Nej tick
    columns. There a bare mark ("X", "✓", "1") is the column's answer; words in the ticked
    cell are read with it ("X – endast mot avgift" is a Yes with a reservation), and a word
    that contradicts its column ("Nej" in the Ja column) makes the answer unclear."""
    if not (
        "tick_yes" in table.columns
        and "tick_no" in table.columns
        and (table.columns["answer"] == table.columns["tick_yes"])
    ):
        raw = table.cell(row, "answer")
        return (raw, *normalise_answer(raw))
    yes = table.cell(row, "tick_yes").strip()
    no = table.cell(row, "tick_no").strip()
    yes_header, no_header = (table.header[table.columns[c]] for c in ("tick_yes", "tick_no"))
    if yes and no:
        both = f"{yes_header}: {yes} | {no_header}: {no}"
        return both, "unclear", both
    if not yes and not no:
        return "", "blank", ""
    column: AnswerValue = "yes" if yes else "no"
    cell = yes or no
    shown = fold(cell).text
    mark = _TICK_MARK[column].match(shown)
    if mark:
        return cell, column, shown[mark.end() :].strip()
    value, rest = normalise_answer(cell)
    if value == column or (column == "yes" and value in ("partial", "not_applicable")):
        return cell, value, rest
    written = f"{yes_header if yes else no_header}: {cell}"  # "Ja: Nej", as the sheet shows it
    return written, "unclear", written


_TICK_MARK = {
    column: re.compile(
        rf"\s*(?:[x1✓✔☑☒■●•*]|{words})(?=$|[\s.,:;!()–—-])[\s.,:;!–—-]*", re.IGNORECASE
    )
    for column, words in (("yes", "ja|yes"), ("no", "nej|no"))
}
"""A tick in the Ja or the Nej column, and the separator after it: the column, not the mark,
says which answer it is (a cross in the Nej column is a No)."""


_ID_LIKE = re.compile(r"^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9._:-]{0,30}$", re.IGNORECASE)  # no spaces


def _is_section_row(table: Table, row: Row, requirement_id: str | None, text: str) -> bool:
    """Heading and footnote rows of a matrix: no answer, comment or evidence, no id that looks
    like a requirement id, and no must/should wording."""
    from proccheck.loaders.spec import worded_level

    if requirement_id and _ID_LIKE.match(requirement_id):
        return False
    if table.cell(row, "comment").strip() or table.cell(row, "evidence").strip():
        return False
    return worded_level(text) is None


def vendor_from_name(path: Path) -> str:
    """A readable name for a file that names no vendor: "leverantor-b" -> "Leverantör B"."""
    words = [word for word in re.split(r"[-_\s]+", path.stem) if word]
    shown = [_NAME_WORDS.get(w.lower(), w.upper() if len(w) == 1 else w) for w in words]
    named = " ".join(shown)
    return named[:1].upper() + named[1:] if named else path.stem


_NAME_WORDS = {"leverantor": "Leverantör", "anbudsgivare": "Anbudsgivare", "anbud": "Anbud"}
"""File-name words written without å/ä/ö, as officers name files."""
