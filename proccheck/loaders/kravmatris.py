"""A kravmatris: the officer's own requirements in an Excel sheet or CSV file, one a row.

Read with the same safe readers as vendors' answer files (`tables`); the header is the first row,
among the first 30, that names a requirement text and an id column, in Swedish or English, in any
case and with or without accents, so title rows above it (a merged A1:F1, a blank row) are no
obstacle. Levels are read as a specification's level column is (`spec.parse_level`). Detection
cues are derived from each text, so `spec check` finds the requirement in a specification.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from proccheck.errors import RequirementSetError
from proccheck.i18n import N_, _, tr
from proccheck.loaders.inputs import KRAVMATRIS_SUFFIXES
from proccheck.loaders.lexicon import LANGS, detect_language, lexicon
from proccheck.loaders.spec import parse_level, worded_level
from proccheck.loaders.tables import Sheets, _read_csv, _read_xlsx, column_letter
from proccheck.model import Cues, Lang, Level, Principle, Reference
from proccheck.text import folded, words

SUFFIXES = KRAVMATRIS_SUFFIXES
"""The suffixes of a requirement set kept as a kravmatris."""

LEVEL_WORDS_ACCEPTED = "Ska, Skall, Bör, Must, Should (or M, B)"

# header names, compared without case, accents, spaces and punctuation ("Krav-ID" = "kravid")
_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": (
        "id", "kravid", "kravnummer", "kravnr", "nr", "nummer", "referensnummer", "requirementid",
        "reqid", "reqno", "requirementno", "requirementnumber", "no",
    ),
    "text": (
        "krav", "kravtext", "kravformulering", "kravbeskrivning", "beskrivning", "text",
        "requirement", "requirementtext", "description",
    ),
    "level": (
        "typ", "kravtyp", "niva", "kravniva", "skabor", "skallbor", "skallborkrav", "level",
        "type", "mustshould", "requirementtype", "obligatoriskt",
    ),
    "title": ("rubrik", "titel", "kortbeskrivning", "benamning", "title", "name", "heading"),
    "principle": (
        "omrade", "kravomrade", "princip", "kategori", "principle", "area", "category", "topic",
    ),
    "rationale": ("motiv", "motivering", "syfte", "rationale", "motive", "justification", "why"),
    "verification": (
        "verifiering", "verifieras", "verifierasgenom", "uppfoljning", "verification",
        "verifiedby", "howverified",
    ),
    "sources": ("kallor", "kalla", "referenser", "referens", "sources", "source", "references"),
    "checks": ("kontroller", "kontroll", "checks", "check"),
    "cues": ("sokord", "cues"),
}  # fmt: skip

_PRINCIPLES: tuple[tuple[Principle, re.Pattern[str]], ...] = (
    ("exit", re.compile(r"exit|avslut|portab|ateremn|aterlamn|overgang")),
    ("open-apis", re.compile(r"\bapi|grans(nitt|snitt)|interface")),
    ("open-standards", re.compile(r"standard|format")),
    ("data-ownership", re.compile(r"data|agand|owner")),
)
"""The principle an område names, tried in order on its folded words ("Exit och
dataportabilitet" is exit, "Öppna API:er" open APIs, "Dataägande" data ownership)."""

_EVIDENCE = re.compile(r"\b(bilag|bifog|intyg|certifi|underlag|attach|evidence)", re.IGNORECASE)
"""Words of a verification text that ask for an attachment (the answer then needs evidence)."""

EVIDENCE_REQUIRED = N_("Evidence is required.")
"""How `sets export` marks a requirement whose answer needs evidence (the same msgid there)."""

_GENERIC = {
    "sv": (
        "leverantör", "beställar", "anbudsgivar", "kund", "kommun", "system", "tjänst", "lösning",
        "kunna", "alla", "allt", "samt", "eller", "vara", "från", "inom", "även", "under",
        "mellan", "också", "sådan", "detta", "denna", "dess", "deras", "finnas", "krav", "gäll",
        "minst", "utan", "efter", "genom", "måst", "skall", "avtal",
    ),
    "en": (
        "supplier", "vendor", "buyer", "contractor", "customer", "system", "servic", "solution",
        "provid", "able", "have", "from", "with", "will", "which", "this", "that", "their",
        "other", "such", "within", "also", "into", "each", "when", "shall", "must", "should",
        "requir", "contract", "least", "without", "after", "through",
    ),
}  # fmt: skip
"""Word stems every requirement has; a cue made of one would find any requirement."""

_CUE_GROUPS = 3
_CUE_MIN = 4


@dataclass(frozen=True)
class MatrixRow:
    """One requirement row, its texts as written (one language), and where it is."""

    id: str
    level: Level
    text: str
    title: str
    principle: Principle
    rationale: str
    verification: str
    evidence: bool
    references: tuple[Reference, ...]
    checks: tuple[str, ...]
    """proccheck's checks that verify it (codes, e.g. RAP-FOR.02; `sets validate` names unknown
    ones)."""
    cues: Cues
    where: str


@dataclass(frozen=True)
class Kravmatris:
    """The rows of a kravmatris, its title (a title row above the header, else the file name)
    and the language its texts are written in."""

    title: str
    lang: Lang
    rows: tuple[MatrixRow, ...]


def _key(text: str) -> str:
    """A header cell as compared: no parenthetical, accents, case, spaces or punctuation."""
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", text)
    return "".join(c for c in _unaccented(text.lower()) if c.isalnum())


def _unaccented(text: str) -> str:
    """The text without accents ("område" -> "omrade")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def header_columns(cells: tuple[str, ...]) -> dict[str, int]:
    """Column index by role for a candidate header row (the first column of each role)."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = _key(cell)
        for role, names in _COLUMNS.items():
            if role not in columns and key in names:
                columns[role] = index
                break
    return columns


def load_kravmatris(path: Path, display: str) -> Kravmatris:
    """Read the first sheet with a kravmatris header (id and requirement text columns)."""
    sheets: Sheets = (
        [(None, _read_csv(path, display))]
        if path.suffix.lower() == ".csv"
        else _read_xlsx(path, display)
    )
    for sheet, rows in sheets:
        for position, (_number, cells) in enumerate(rows[:30]):
            columns = header_columns(cells)
            if "id" in columns and "text" in columns:
                above = [c for _n, row in rows[:position] for c in row if c.strip()]
                title = above[0] if above else path.stem
                return _matrix(title, sheet, columns, cells, rows[position + 1 :], display)
    raise RequirementSetError(
        tr("no sheet has a kravmatris header row (an id column and a requirement text column)"),
        path=display,
        hint=tr(
            "name the columns e.g. Krav-ID, Kravtext, Typ (Ska/Bör), Område, Motivering, "
            "Verifiering, or in English ID, Requirement, Level, Principle, Rationale, "
            "Verification"
        ),
    )


def _matrix(
    title: str,
    sheet: str | None,
    columns: dict[str, int],
    header: tuple[str, ...],
    rows: list[tuple[int, tuple[str, ...]]],
    display: str,
) -> Kravmatris:
    def cell(cells: tuple[str, ...], role: str) -> str:
        index = columns.get(role)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def where(number: int, role: str) -> str:
        if sheet is None:
            return str(number)  # a CSV row is its line
        letter = column_letter(columns[role]) if role in columns else ""
        return f"{sheet}!{letter}{number}"

    texts = [cell(cells, "text") for _n, cells in rows]
    lang = detect_language(" ".join(texts[:200]))
    found: list[MatrixRow] = []
    seen: dict[str, str] = {}
    for number, cells in rows:
        requirement_id, text = cell(cells, "id"), cell(cells, "text")
        if not requirement_id or not text:
            continue  # a section heading, a note, an empty row
        if requirement_id in seen:
            raise RequirementSetError(
                tr(
                    "requirement id {id} appears twice (also at {where})",
                    id=repr(requirement_id),
                    where=seen[requirement_id],
                ),
                path=display,
                where=where(number, "id"),
                hint=tr("give every requirement its own id"),
            )
        seen[requirement_id] = where(number, "id")
        written = cell(cells, "level")
        level = parse_level(written) if written else worded_level(text) or "must"
        if level is None:
            raise RequirementSetError(
                tr(
                    "{value} in column {column} is not a requirement level",
                    value=repr(written),
                    column=header[columns["level"]],
                ),
                path=display,
                where=where(number, "level"),
                hint=tr("write one of {words}", words=LEVEL_WORDS_ACCEPTED),
            )
        verification, evidence = _verification(cell(cells, "verification"))
        found.append(
            MatrixRow(
                id=requirement_id,
                level=level,
                text=text,
                title=cell(cells, "title"),
                principle=principle_of(cell(cells, "principle")),
                rationale=cell(cells, "rationale"),
                verification=verification,
                evidence=evidence,
                references=_references(cell(cells, "sources")),
                checks=tuple(re.findall(r"[^\s,;]+", cell(cells, "checks"))),
                cues=_cues(cell(cells, "cues"), where(number, "cues"), display)
                or derived_cues(text, detect_language(text) if len(text) > 40 else lang),
                where=seen[requirement_id],
            )
        )
    if not found:
        raise RequirementSetError(
            tr("the kravmatris has no requirements: no row has both an id and a text"),
            path=display,
            where=f"{sheet}!{len(rows)}" if sheet else None,
            hint=tr("fill in the id and requirement text columns below the header row"),
        )
    return Kravmatris(title=title, lang=lang, rows=tuple(found))


def _verification(text: str) -> tuple[str, bool]:
    """The verification text without the mark `sets export` adds, and whether the answer needs
    evidence: the mark, or words that ask for an attachment ("bifoga", "intyg")."""
    for lang in LANGS:
        mark = _(lang, EVIDENCE_REQUIRED)
        if text.endswith(mark):
            return text[: -len(mark)].strip(), True
    return text, bool(_EVIDENCE.search(text))


def _cues(written: str, where: str, display: str) -> Cues | None:
    """A cues cell: the set file's cues as JSON (how `sets export` keeps them, in a hidden
    column), or words separated by commas, each a group (all must occur); None when empty."""
    if not written:
        return None
    if not written.startswith("{"):
        terms = [re.escape(word.strip()) for word in re.split(r"[,;\n]", written) if word.strip()]
        groups = tuple((term,) for term in terms)
        return Cues(sv=groups, en=groups)
    try:
        return Cues.model_validate_json(written)
    except ValidationError:
        raise RequirementSetError(
            tr("the cues cell is not readable as cues"),
            path=display,
            where=where,
            hint=tr(
                "write words separated by commas, or leave the cell empty (the cues are then "
                'derived from the text); JSON cues look like {"sv": [["export"], ["format"]]}'
            ),
        ) from None


def principle_of(area: str) -> Principle:
    """The principle an område (or principle) cell names; `other` when none fits."""
    plain = _unaccented(area.lower())
    for principle, pattern in _PRINCIPLES:
        if pattern.search(plain):
            return principle
    return "other"


def _references(cell: str) -> tuple[Reference, ...]:
    """One reference per line (or per `;` in a cell of one line): its title, and a web
    address in it."""
    found = []
    for part in cell.splitlines() if "\n" in cell else cell.split(";"):
        part = part.strip(" \t-•")
        if not part:
            continue
        url = re.search(r"https?://\S+", part)
        title = (part[: url.start()] + part[url.end() :]).strip(" ,–-:") if url else part
        found.append(Reference(title=title or part, url=url.group() if url else None))
    return tuple(found)


def derived_cues(text: str, lang: Lang) -> Cues:
    """Cues for a requirement written by hand: its most telling words (the longest that are not
    must-words, stop words or words every requirement has), one group each, the longest first
    (the topic). Each term is the word's stem trimmed to a prefix, so inflections match
    ("exportera" → `export`, which finds "exporten"), and a long one may end a compound
    (`*export` finds "dataexport"). The same text in a specification matches every group."""
    lex = lexicon(lang)
    chosen: dict[str, int] = {}
    for position, word in enumerate(words(folded(text).lower(), lang)):
        term = _prefix(word.stem)
        if (
            len(word.text) < _CUE_MIN
            or not word.text.isalpha()
            or word.text in lex.stopwords
            or lex.has("must", word.text)
            or lex.has("should", word.text)
            or word.text.startswith(_GENERIC[lang])
            or term in chosen
        ):
            continue
        chosen[term] = position
    best = sorted(chosen, key=lambda term: (-len(term), chosen[term]))[:_CUE_GROUPS]
    groups = tuple((f"*{re.escape(t)}" if len(t) >= 6 else re.escape(t),) for t in best)
    return Cues(sv=groups) if lang == "sv" else Cues(en=groups)


_ENDINGS = ("era", "are", "er", "et", "en", "ar", "or", "e", "a")


def _prefix(stem: str) -> str:
    """A stem cut to the part its inflections share ("exporter" → "export")."""
    for ending in _ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= _CUE_MIN:
            return stem[: -len(ending)]
    return stem
