"""Requirement specifications in the forms officers have: YAML/JSON, Markdown/text, DOCX, CSV/XLSX.

Each becomes a `SpecDocument`: the text split into items (a numbered item, a table row, a
paragraph), each with its location, the document's own id for it (`K12`), and its level.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import html
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from proccheck import limits
from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.loaders.inputs import SPECIFICATION, check_input
from proccheck.loaders.lexicon import LANGS, detect_language, lexicon
from proccheck.loaders.structured import load_file, read_text, validated
from proccheck.loaders.suppressions import read_suppressions
from proccheck.model import Lang, Level, Location, Suppression
from proccheck.text import clean, folded, offsets_in

STRUCTURED = (".yaml", ".yml", ".json")
TEXT = (".md", ".markdown", ".txt", ".text")
TABLES = (".csv", ".xlsx", ".xlsm", ".tsv")
DOCX = (".docx",)
PDF = (".pdf",)

_LEVEL_WORDS: dict[str, Level] = {
    "skall": "must",
    "ska": "must",
    "måste": "must",
    "must": "must",
    "shall": "must",
    "obligatoriskt": "must",
    "obligatorisk": "must",
    "mandatory": "must",
    "krav": "must",
    "skallkrav": "must",
    "skall-krav": "must",
    "ska-krav": "must",
    "m": "must",
    "bör": "should",
    "should": "should",
    "önskvärt": "should",
    "börkrav": "should",
    "bör-krav": "should",
    "optional": "should",
    "desirable": "should",
    "b": "should",
    "meriterande": "should",
    "utvärderingskrav": "should",
}
_ITEM_START = re.compile(
    r"^\s*(?:(?P<num>\d+(?:\.\d+)*[.)]?)|(?P<id>[A-ZÅÄÖ]{1,6}[-_.]?\d+(?:\.\d+)*[.:)]?)"
    r"|(?P<bullet>[-*•]))\s+(?P<rest>\S.*)$"
)
_OWN_ID = re.compile(r"^(?:krav\s+)?([A-ZÅÄÖ]{1,6}[-_.]?\d+(?:\.\d+)*)[.:)]?$", re.IGNORECASE)


@dataclass(frozen=True)
class SpecItem:
    """One unit of the specification: a requirement or a piece of other text."""

    text: str
    location: Location
    ref: str | None = None
    level: Level | None = None
    implements: str | None = None
    heading: str | None = None
    line_starts: tuple[tuple[int, int], ...] = ()
    line_pages: tuple[int, ...] = ()
    """The page of each of `line_starts` (PDF items, which may run over a page break)."""
    hidden: tuple[int, ...] = ()
    """Offsets in `text` where invisible characters (soft hyphens, zero-width spaces) stood
    inside a word before the text was cleaned."""
    lead_line: int | None = None
    """For a list item whose level comes from its lead-in ("… should meet the following:"),
    the line of that lead-in: where the must or should is written."""
    lead_in: str | None = None
    """For a list item below a lead-in or title that binds the list ("Required Features.",
    "The consultant shall have:"), that lead-in's text: all of the item is the requirement, not
    only its sentences with a must-word, and the lead-in says what kind of demand it is."""
    beside: str = ""
    """For a table row, its other cells under their headers ("part: Leverantören"): read with
    the text for a clause that undermines a requirement ("Ägare av all data | Leverantören"),
    never to make a requirement met."""

    @property
    def is_requirement(self) -> bool:
        """Items with a level (declared or worded) are requirements."""
        return self.level is not None

    def line_at(self, offset: int) -> int | None:
        """The file line of character `offset` of `text`, where lines are known."""
        if not self.line_starts:
            return self.location.line
        index = bisect.bisect_right([start for start, _ in self.line_starts], offset) - 1
        return self.line_starts[max(index, 0)][1]

    def location_at(self, offset: int, end: int | None = None) -> Location:
        """The item's location, narrowed to the line of `offset` (to the lines from `offset` to
        `end` when the text between them wraps)."""
        line = self.line_at(offset)
        last = self.line_at(end) if end is not None else None
        if line is not None and last is not None and last > line:
            return self.location_at(offset).model_copy(update={"end_line": last})
        if self.line_pages:
            index = bisect.bisect_right([start for start, _ in self.line_starts], offset) - 1
            page = self.line_pages[max(index, 0)]
            if (page, line) != (self.location.page, self.location.line):
                return self.location.model_copy(update={"page": page, "line": line})
        if line is None or line == self.location.line:
            return self.location
        return self.location.model_copy(update={"line": line, "column": None})

    def describe(self, lang: Lang = "en") -> str:
        """`K12`, or where it is (`rad 12`, `paragraph 4`), for messages; a list's own number
        with its line ("punkt 1 (rad 19)"): "nämns i 1" would read as a count."""
        from proccheck.i18n import _

        if self.ref and _LIST_NUMBER.fullmatch(self.ref):
            if self.location.line is not None and self.location.page is None:
                return _(lang, "item {ref} (line {line})", ref=self.ref, line=self.location.line)
            return _(lang, "item {ref}", ref=self.ref)
        if self.ref:
            return self.ref

        if self.location.sheet is not None:
            return f"{self.location.sheet}!{self.location.column or ''}{self.location.row or ''}"
        if self.location.page is not None and self.location.line is not None:
            return _(
                lang, "page {page}, line {line}", page=self.location.page, line=self.location.line
            )
        if self.location.line is not None:
            return _(lang, "line {line}", line=self.location.line)
        if self.location.page is not None:
            return _(lang, "page {page}", page=self.location.page)
        element = self.location.element or ""
        if found := _WORD_PLACE.search(element):  # a Word document's `paragraph 4`
            number, table, row = found.groups()
            place = (
                _(lang, "paragraph {number}", number=number)
                if number
                else _(lang, "table {table}, row {row}", table=table, row=row)
            )
            return element[: found.start()] + place
        return element or self.location.path


_WORD_PLACE = re.compile(r"(?:paragraph (\d+)|table (\d+) row (\d+))$")
"""The end of a Word location as `docx.py` names it, in English."""


@dataclass(frozen=True)
class SpecDocument:
    """A requirement specification reduced to items."""

    path: str
    title: str
    lang: Lang
    items: tuple[SpecItem, ...] = field(default=())
    reference: str = ""
    suppressions: tuple[Suppression, ...] = ()
    """Inline `<!-- proccheck: ignore … -->` comments (Markdown and text files)."""
    hidden_text: tuple[tuple[Location, str], ...] = ()
    """Text formatted as hidden in a Word document, where it is: left out of every item."""
    comments: tuple[tuple[Location, str], ...] = ()
    """The comments of a Word document or PDF, where each is anchored ("author: text"): left
    out of every item."""
    withdrawn: tuple[tuple[Location, str], ...] = ()
    """Text struck through and items marked as withdrawn ("Utgår"): no requirement, searched
    for nothing."""
    unread_pages: tuple[tuple[Location, str], ...] = ()
    """Pages of a PDF (or paragraphs of a Word document) with content that is not read, and
    why: "scan" (a picture without text), "cover" (such a first page of several: reported
    only), "font" (letters that read as other text than they show), "annotation" or
    "pattern" (text or a picture drawn by one), "line picture" (a picture shaped like a line
    of text among the text), "drawing" (more shapes over the text than are worked out). While
    one other than a cover is there, no requirement is met (`engine`)."""
    unlisted: tuple[SpecItem, ...] = ()
    """Text a reader sees that is no item: headings, a table's header row, code blocks. Never a
    requirement, but read for clauses that undermine one (a heading "Leverantören behåller
    äganderätten till all data" says what a paragraph would)."""

    @functools.cached_property
    def requirements(self) -> tuple[SpecItem, ...]:
        """The items that are requirements (bounded in length: see limits); every check asks."""
        from proccheck import limits

        return tuple(
            item
            for item in self.items
            if item.is_requirement and len(item.text) <= limits.MAX_REQUIREMENT_CHARS
        )


_LIST_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*")

_HOW_CLAUSE = re.compile(
    r"\b(?:hur|how)\s[^.;:!?]{0,80}?\b(?:ska|skall|måste|shall|must)\b", re.IGNORECASE
)
"""A must-word inside "describes how information shall be structured" reports what another
text demands; it binds nobody here."""


def worded_level(text: str) -> Level | None:
    """must/should from the wording in either language (must wins when both occur)."""
    text = _HOW_CLAUSE.sub(" ", folded(text))
    if any(lexicon(lang).has("must", text) for lang in LANGS):
        return "must"
    if any(lexicon(lang).has("should", text) for lang in LANGS):
        return "should"
    return None


def parse_level(value: str) -> Level | None:
    """A declared level from a column or field: Skall, Bör, Must, Should, M, B…"""
    word = value.strip().lower().rstrip(".")
    return _LEVEL_WORDS.get(word)


def load_spec(path: Path, display: str, *, several: bool = True) -> SpecDocument:
    """Load any supported specification file (`inputs.SPECIFICATION` lists the suffixes;
    `several` when the command takes several files, for the hint when a folder is given)."""
    check_input(path, display, SPECIFICATION, several=several)
    suffix = path.suffix.lower()
    if suffix in STRUCTURED:
        document = _load_structured(path, display)
    elif suffix in TABLES:
        document = _load_table(path, display)
    elif suffix in DOCX:
        document = _load_docx(path, display)
    elif suffix in PDF:
        document = _load_pdf(path, display)
    else:  # TEXT or no suffix: check_input refused the rest
        document = _load_text(path, display)
    return _without_withdrawn(document)


def _without_withdrawn(document: SpecDocument) -> SpecDocument:
    """The document without the items its author marked as withdrawn ("K5 Utgår.",
    "(Withdrawn)") or withdrew by id elsewhere ("Krav K5 utgår."), which are kept apart in
    `withdrawn` to be reported: a reader takes such a requirement as no longer asked for."""
    named = {
        found.group(1).upper()
        for item in (*document.items, *document.unlisted)
        for found in _WITHDRAWS_REF.finditer(item.text)
    }
    kept: list[SpecItem] = []
    gone: list[tuple[Location, str]] = []
    for item in document.items:
        if withdrawn_mark(item.text) or (item.ref or "").upper() in named:
            gone.append((item.location, item.text))
        else:
            kept.append(item)
    if not gone:
        return document
    return dataclasses.replace(
        document, items=tuple(kept), withdrawn=document.withdrawn + tuple(gone)
    )


def withdrawn_mark(text: str) -> bool:
    """Whether a text starts or ends with a mark that withdraws it: "Utgår", "UTGÅR:",
    "(utgått)", "Struken.", "[Withdrawn]", "Deleted:" (a word alone or before punctuation,
    since "Utgår ersättning…" is a sentence; in capitals it may go on)."""
    return bool(
        _WITHDRAWN.search(text[:80])
        or _WITHDRAWN_END.search(text[-40:])
        or (len(text) < 80 and _WITHDRAWN_SENTENCE.fullmatch(text))
    )


_WITHDRAWN_WORDS = r"(?:utgår|utgått|har\s+utgått|struken|struket|withdrawn|deleted|void|removed)"
_ID_PREFIX = r"(?:(?i:krav\s+)?[A-ZÅÄÖ]{0,6}[-_.]?\d+(?:\.\d+)*[.:)]?\s+)?"
"""A requirement id before the text ("K5. ", "3.2 ", "Krav 7 ")."""
_WITHDRAWN = re.compile(
    r"^[\W_]*"
    + _ID_PREFIX
    + r"[\W_]*(?:(?i:"
    + _WITHDRAWN_WORDS
    + r")(?:[\W_]*$|\s*[)\]:;.–—-])|UTGÅR\b|UTGÅTT\b|STRUKEN\b)"
)
_WITHDRAWN_SENTENCE = re.compile(
    r"[\W_]*"
    + _ID_PREFIX
    + r"(?i:(?:kravet|punkten|this\s+requirement|requirement)\s+(?:har\s+)?(?:utgått|utgår"
    r"|(?:is|has\s+been)\s+(?:withdrawn|deleted|removed)))[\W_]*"
)
_WITHDRAWS_REF = re.compile(
    r"\b(?:krav(?:et)?|punkt(?:en)?|requirement)\s+([A-ZÅÄÖ]{0,6}[-_.]?\d+(?:\.\d+)*)\s+"
    r"(?:utgår|har utgått|stryks|har strukits|is withdrawn|is deleted|has been (?:withdrawn|deleted|removed))"
    r"\s*(?:[.;:!)]|$)",
    re.IGNORECASE,
)
"""A sentence withdrawing a requirement by its id ("Krav K1 utgår.", "Requirement 4.2 is
withdrawn."), as a correction to a tender often does; it ends there ("… krav K1 utgår vite"
is a penalty payable, not a withdrawal)."""
_WITHDRAWN_END = re.compile(r"[(\[]\s*(?i:" + _WITHDRAWN_WORDS + r")\s*[)\]][\W_]*$")


def _load_docx(path: Path, display: str) -> SpecDocument:
    """A Word document: paragraphs are items as in a text file (numbered ids recognised), a
    heading style starts a section, and table rows are items as in a CSV (a first row is a
    header unless it already holds requirement wording)."""
    from proccheck.loaders.docx import read_docx

    items = []
    heading = None
    header: list[str] = []
    lead: Level | None = None  # a must lead-in ending in ":" binds the list paragraphs below
    hidden = []
    struck = []
    comments = []
    unlisted: list[SpecItem] = []
    unread = []
    for block in read_docx(path, display):
        if block.unread:
            unread.append((Location(path=display, element=block.element), block.unread))
        if block.hidden:
            hidden.append((Location(path=display, element=block.element), block.hidden))
        if block.struck:
            struck.append((Location(path=display, element=block.element), block.struck))
        comments += [(Location(path=display, element=block.element), c) for c in block.comments]
        if block.table_row == 0:
            text = block.texts[0]
            if not text:
                continue
            if block.label and withdrawn_mark(block.label):  # Word shows it before the text
                text = f"{block.label} {text}"
            if block.heading or block.drawn:
                unlisted.append(SpecItem(text, Location(path=display, element=block.element)))
                if block.heading:
                    heading, lead = text, None
                continue
            match = _ITEM_START.match(text)
            ref = None
            if match and (match.group("id") or match.group("num")):
                ref = (match.group("id") or match.group("num")).rstrip(".:)")
            level = worded_level(text)
            if block.listed or ref:
                level = level or lead
            else:
                lead = level if text.rstrip().endswith(":") else None
            location = Location(path=display, element=block.element)
            items.append(SpecItem(text, location, ref, level, heading=heading))
            continue
        cells = list(block.texts)
        if block.table_row == 1:
            header = [c.lower() for c in cells]
            if not any(worded_level(c) for c in cells if len(c) > 25):
                if any(cells):
                    where = Location(path=display, element=block.element)
                    unlisted.append(SpecItem(" | ".join(c for c in cells if c), where))
                continue
        if not any(cells):
            continue
        item = _table_item(cells, header, 0, display, heading)
        text_cell = cells.index(item.text) + 1 if item.text in cells else 1
        location = Location(path=display, element=f"{block.element} cell {text_cell}")
        items.append(
            SpecItem(item.text, location, item.ref, item.level, heading=heading, beside=item.beside)
        )
    document = _document(display, path.stem, items, unlisted=unlisted)
    return dataclasses.replace(
        document,
        hidden_text=tuple(hidden),
        comments=tuple(comments),
        withdrawn=tuple(struck),
        unread_pages=tuple(unread),
    )


def _load_pdf(path: Path, display: str) -> SpecDocument:
    """A PDF's text layer, split into items as a text file is (`loaders.pdf` cleans the
    lines); each item located by page and line of that page."""
    from proccheck.loaders.pdf import read_pdf

    lines, hidden, notes, struck, unread = read_pdf(path, display)
    texts = [line.text or "" for line in lines]
    items = []
    for item in split_text(texts, display):
        # split_text numbers the lines of `texts` from 1: map them back to page and line
        places = [lines[number - 1] for _, number in item.line_starts] or [
            lines[(item.location.line or 1) - 1]
        ]
        first = lines[(item.location.line or 1) - 1]
        location = Location(path=display, page=first.page, line=first.line)
        items.append(
            dataclasses.replace(
                item,
                location=location,
                line_starts=tuple(
                    (offset, place.line)
                    for (offset, _), place in zip(item.line_starts, places, strict=False)
                ),
                line_pages=tuple(place.page for place in places) if item.line_starts else (),
            )
        )
    return dataclasses.replace(
        _document(display, path.stem, items),
        hidden_text=tuple((Location(path=display, page=page), text) for page, text in hidden),
        comments=tuple((Location(path=display, page=page), note) for page, note in notes),
        withdrawn=tuple((Location(path=display, page=page), text) for page, text in struck),
        unread_pages=tuple((Location(path=display, page=page), why) for page, why in unread),
    )


def _document(
    display: str,
    title: str,
    items: list[SpecItem],
    suppressions: tuple[Suppression, ...] = (),
    unlisted: list[SpecItem] | None = None,
) -> SpecDocument:
    _refuse_many(items, display)
    refuse_long(sum(len(item.text) for item in items), display)
    cleaned = [_cleaned(item) for item in items]
    lang = detect_language(" ".join(item.text for item in cleaned[:400]))
    return SpecDocument(
        display,
        title,
        lang,
        tuple(cleaned),
        suppressions=suppressions,
        unlisted=tuple(_cleaned(item) for item in unlisted or ()),
    )


def _refuse_many(items: list[SpecItem], display: str) -> None:
    """An InputError once a document has more items than `limits.MAX_SPEC_ITEMS` (checked as
    text is split too, so a huge file is refused before all of it is read as items)."""
    if len(items) > limits.MAX_SPEC_ITEMS:
        from proccheck.loaders.docx import too_many_items  # the Office readers load on use

        raise too_many_items(display)


def _cleaned(item: SpecItem) -> SpecItem:
    """The item with its text as every check reads it: one space for every run of spaces and
    line breaks, invisible characters gone (they would hide words from the checks)."""
    folded = clean(item.text)
    if folded.text == item.text:
        return item
    starts = item.line_starts
    if starts:
        moved = offsets_in(folded, [offset for offset, _ in starts])
        starts = tuple((new, line) for new, (_, line) in zip(moved, starts, strict=True))
    hidden = tuple(offsets_in(folded, list(folded.hidden)))
    return dataclasses.replace(item, text=folded.text, line_starts=starts, hidden=hidden)


def _load_structured(path: Path, display: str) -> SpecDocument:
    loaded = load_file(path, display, lines=True)
    data = loaded.data
    if not isinstance(data, dict) or "requirements" not in data:
        raise InputError(
            tr("a structured specification needs a `requirements` list"),
            path=display,
            where="1",
            hint=tr("see schemas/spec.schema.json and samples/spec/"),
        )
    from proccheck.specformat import SpecFile

    spec = validated(SpecFile, loaded, "schemas/spec.schema.json")
    items = []
    seen: dict[str, int] = {}
    for index, requirement in enumerate(spec.requirements):
        pointer = f"/requirements/{index}/text"
        line = loaded.line_of(pointer)
        if requirement.id in seen:
            raise InputError(
                tr("requirement id {id} is used twice", id=repr(requirement.id)),
                path=display,
                where=str(line or ""),
                hint=tr("give every requirement its own id"),
            )
        seen[requirement.id] = index
        items.append(
            SpecItem(
                text=requirement.text,
                location=Location(path=display, line=line, pointer=pointer),
                ref=requirement.id,
                level=requirement.level,
                implements=requirement.implements,
                heading=requirement.section,
            )
        )
    document = _document(display, spec.procurement.title if spec.procurement else "", items)
    if spec.procurement and spec.procurement.reference:
        return dataclasses.replace(document, reference=spec.procurement.reference)
    return document


def _load_table(path: Path, display: str) -> SpecDocument:
    from proccheck.loaders.tables import read_tables

    tables = read_tables(path, display, ("text",))
    items = []
    hidden: list[tuple[Location, str]] = []
    withdrawn: list[tuple[Location, str]] = []
    for table in tables:
        statuses = [i for i, name in enumerate(table.header) if _STATUS_HEADER.fullmatch(name)]
        for row in table.rows:
            text = table.cell(row, "text")
            if not text:
                continue
            location = table.location(row, "text", display)
            if any(
                column == table.columns["text"] and why != "folded-row"
                for column, why in row.unseen
            ):  # on a hidden sheet, row or column; white. A collapsed group's or filtered row
                hidden.append((location, text))  # is a list's order, shown at one click: read
                continue
            if any(i < len(row.cells) and _WITHDRAWN_STATUS.match(row.cells[i]) for i in statuses):
                withdrawn.append((location, text))  # its Status column says "Utgår"
                continue
            declared = parse_level(table.cell(row, "level")) if "level" in table.columns else None
            ref = table.cell(row, "id") or None
            skipped = {table.columns.get(role) for role in ("text", "id", "level", "implements")}
            items.append(
                SpecItem(
                    text=text,
                    location=table.location(row, "text", display),
                    ref=ref,
                    level=declared or worded_level(text) or _matrix_row(ref, table.columns),
                    implements=table.cell(row, "implements") or None,
                    beside=_beside(list(table.header), list(row.cells), skipped, text),
                )
            )
    document = _document(display, path.stem, items)
    return dataclasses.replace(
        document,
        hidden_text=document.hidden_text + tuple(hidden),
        withdrawn=document.withdrawn + tuple(withdrawn),
    )


_STATUS_HEADER = re.compile(
    r"\s*(status|tillstånd|state|ändringsstatus|kravstatus)\s*(?:[:(\[][^()\[\]]{0,40}[)\]]?)?\s*",
    re.IGNORECASE,
)
"""A column of a requirement table that says whether a requirement still stands ("Gäller",
"Utgår"; its header may say its values: "Status (Gäller/Utgår)"): one marked withdrawn there is
no requirement (round 12)."""
_WITHDRAWN_STATUS = re.compile(
    r"[\W_]*(?:"
    + _WITHDRAWN_WORDS
    + r"|borttag\w*|makulera\w*|ersatt|ersätts|obsolete|superseded|replaced|cancelled|canceled"
    + r"|upphäv\w*|återkalla\w*)\b",
    re.IGNORECASE,
)
"""A status that starts with a withdrawing word ("Utgår (beslut 2026-09-01)", "Withdrawn",
"Borttagen", "Makulerad", "Ersatt av K9", "Obsolete")."""


_INLINE_MARKUP = re.compile(
    r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?>"  # an inline HTML tag: <span>, </b>
    r"|(?<![\w*])(\*\*|__)(?=\S)|(?<=\S)(\*\*|__)(?![\w*])"  # strong emphasis marks
    r"|(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])"  # emphasis marks
    r"|\]\([^)\s]{0,2000}\)|(?<!\\)\[(?=[^\]\n]{0,500}\]\()"  # a link's brackets, target
)
"""Markdown's inline markup, which a reader of the rendered page does not see: emphasis marks,
a link's brackets and address, inline HTML tags. Every part is bounded or stops at the next
`<` or `>`, so a line of 40,000 openings is read in one pass."""


def _as_rendered(line: str) -> str:
    """A Markdown line with its inline markup blanked, each character a space, so that
    "Leverantören **behåller** … *all* data" reads as its words and every column holds. A
    bullet's `*` at the start of a line stays (it is followed by a space). Comments and hidden
    elements are blanked before, over the whole text (`_hidden_blanked`)."""
    if "&" in line or "<" in line:  # "Leverant&ouml;ren", "Leveran<span>tören</span>": one word
        joined = _INLINE_TAG_IN_WORD.sub("", html.unescape(line) if "&" in line else line)
        line = joined + " " * (len(line) - len(joined))  # the line keeps its length
    if not any(mark in line for mark in "*_[<~"):
        return line
    line = _STRUCK.sub(lambda m: " " * len(m.group(0)), line)
    return _INLINE_MARKUP.sub(lambda m: " " * len(m.group(0)), line)


_INLINE_TAG_IN_WORD = re.compile(
    r"(?<=\w)</?(?!(?:br|p|li|td|th|tr|div|hr|h\d)\b)[A-Za-z][\w-]{0,30}(?:\s[^<>]{0,500})?>(?=\w)",
    re.IGNORECASE,
)
"""An inline HTML tag between two letters of one word: the rendered page shows the word whole
(a line break or a block, `<br>` or `</td><td>`, stays a space)."""
_STRUCK = re.compile(r"(?<!~)(~~?)(?=\S)[^~\n]{1,2000}?(?<=\S)\1(?!~)")
"""Struck-through text (GitHub's `~~…~~`, and `~…~`, which GitHub strikes too): withdrawn, so
no requirement (`_struck_text`). "~5 min, ~10 min" strikes nothing: a tilde after a space
closes nothing."""


def refuse_long(count: int, display: str) -> None:
    """An InputError when a document holds more than `limits.MAX_SPEC_CHARS` characters of
    text (each is read against every word list: 10 MB of paragraphs took 14 s)."""
    from proccheck.loaders.tables import over_limit

    if count > limits.MAX_SPEC_CHARS:
        raise over_limit(
            tr(
                "the document holds {count:,} characters of text, more than {limit:,}",
                count=count,
                limit=limits.MAX_SPEC_CHARS,
            ),
            display,
            "MAX_SPEC_CHARS",
            matrix=False,
        )


def _load_text(path: Path, display: str) -> SpecDocument:
    text = read_text(path, display)
    refuse_long(len(text), display)  # the items hold no more text than the file
    if _line_count(text) > limits.MAX_SPEC_LINES:
        raise InputError(
            tr("more than {limit:,} lines", limit=limits.MAX_SPEC_LINES),
            path=display,
            hint=tr(
                "split the document, or raise PROCCHECK_MAX_SPEC_LINES if it is genuine (a "
                "specification of 2,000 requirements has about 4,000 lines)"
            ),
        )
    lines, suppressions = read_suppressions(text.splitlines(), display)
    hidden: list[tuple[int, str]] = []
    struck: list[tuple[int, str]] = []
    if path.suffix.lower() in (".md", ".markdown"):
        shown, hidden, struck = _hidden_blanked(lines)
        shown, undefined = _definitions_blanked(shown)
        hidden = sorted(hidden + undefined)
        struck += _struck_text(shown)
        lines = [_as_rendered(line) for line in shown]
    heading = next((line.lstrip("#").strip() for line in lines if line.startswith("#")), "")
    unlisted: list[SpecItem] = []
    items = split_text(lines, display, unlisted)
    document = _document(display, heading or path.stem, items, suppressions, unlisted)
    return dataclasses.replace(
        document,
        hidden_text=tuple((Location(path=display, line=line), text) for line, text in hidden),
        withdrawn=tuple((Location(path=display, line=line), text) for line, text in struck),
    )


_HIDDEN_START = re.compile(
    r"<!--|<(s|del|strike)(?=[\s>])[^<>]{0,500}>"
    r"|<([A-Za-z][\w-]{0,30})(?=[\s/])[^<>]{0,500}?"
    r"(?:\shidden\b|display\s*:\s*none|visibility\s*:\s*hidden)[^<>]{0,500}>"
    r"|<(template|script|style|noscript|dialog(?![^<>]{0,500}?\sopen\b))(?=[\s>])[^<>]{0,500}>"
    r"|<(\?|!(?=[A-Za-z]|\[CDATA\[))",
    re.IGNORECASE,
)
"""Where Markdown's HTML starts hiding text: a comment, a struck-through element (`<s>`,
`<del>`: withdrawn), an element with `hidden` or a style that hides it, one a page never
shows (`<template>`, `<script>`, `<style>`, `<noscript>`, a `<dialog>` not `open`), or a
processing instruction, a declaration or a CDATA section (`<?…?>`, `<!X…>`, `<![CDATA[…]]>`:
a browser takes each as a comment that ends at the first `>`). Each part stops at the next `<`
or `>`, so every search is linear."""
_COMMENT_END = re.compile(r"--!?>")
"""The end of an HTML comment: `-->`, or `--!>`, which browsers take as one too."""

_LINK_DEFINITION = re.compile(
    r" {0,3}\[(?!\^)[^\]\n]{1,999}\]:[ \t]*(?:<[^>\n]{0,2000}>|\S{1,2000})"
    r"(?:[ \t]+(\"[^\"\n]{0,2000}\"|'[^'\n]{0,2000}'|\([^)\n]{0,2000}\)))?[ \t]*"
)
"""A link reference definition (`[id]: address "title"`): never shown, and used for hidden
notes (`[//]: # (…)`, `[K1]: <> (…)`)."""
_FOOTNOTE_DEFINITION = re.compile(r"\[\^([^\]\s]{1,100})\]:")
_FOOTNOTE_REFERENCE = re.compile(r"(?<!^)\[\^([^\]\s]{1,100})\]|^\[\^([^\]\s]{1,100})\](?!:)")
"""A footnote's reference: anywhere but at a line's start before a colon (its definition)."""
_CODE_SPAN = re.compile(r"`[^`\n]{0,2000}`")
_QUOTE_OR_ITEM = re.compile(r"^ {0,3}(?:>\s?)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?")
_BLOCK_END = re.compile(r"\s{0,3}(?:#|`{3,}|~{3,}|(?:[-*_]\s*){3,}$)")
"""A line after which a definition may start: a heading, a code fence, a thematic break."""


_DIAGRAM_LABEL = re.compile(r'"([^"]{1,2000})"|\[([^\[\]"]{1,2000})\]|\(([^()"]{1,2000})\)')


def _diagram_labels(line: str) -> list[str]:
    """A line of a code block as a reader sees it: the line, and a diagram's labels on their
    own (mermaid's `B["Leverantören behåller …"]`, `A[…]`, `(…)`, the page draws them as
    boxes)."""
    if not line:
        return []
    labels = [
        next(part for part in found.groups() if part) for found in _DIAGRAM_LABEL.finditer(line)
    ]
    return [line, *(label.strip() for label in labels if len(label.split()) >= 3)]


def _definitions_blanked(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """The lines with what a rendered page does not show made spaces: link reference
    definitions (one starts after a blank line, a heading or another definition: it cannot
    interrupt a paragraph) and footnotes nothing refers to, with their indented lines (GitHub
    leaves them out). Each one's text with its line, where it holds words, to be reported."""
    if "]:" not in "".join(lines):
        return lines, []
    referenced = {
        found.group(1) or found.group(2)
        for line in lines
        for found in _FOOTNOTE_REFERENCE.finditer(_CODE_SPAN.sub("", line))
    }
    shown, hidden = list(lines), []
    previous_blank, in_footnote = True, False
    for number, raw in enumerate(lines):
        line = _QUOTE_OR_ITEM.sub("", raw)  # a definition in a quote or a list item too
        if in_footnote and line.startswith(("    ", "\t")) and line.strip():
            hidden.append((number + 1, " ".join(line.split())))
            shown[number] = " " * len(raw)
            continue
        in_footnote = False
        footnote = _FOOTNOTE_DEFINITION.match(line)
        if footnote and footnote.group(1) not in referenced:
            in_footnote = True
            text = " ".join(line[footnote.end() :].split())
        elif previous_blank and (definition := _LINK_DEFINITION.fullmatch(line)):
            text = (definition.group(1) or "")[1:-1].strip()
        else:
            previous_blank = not line.strip() or bool(_BLOCK_END.match(line))
            continue
        if any(char.isalpha() for char in text):
            hidden.append((number + 1, text))
        shown[number] = " " * len(raw)
    return shown, hidden


def _hidden_blanked(
    lines: list[str],
) -> tuple[list[str], list[tuple[int, str]], list[tuple[int, str]]]:
    """The lines with every character a rendered page does not show made a space (`<div
    hidden>…</div>`, a comment over several lines), line breaks kept, so no clause hides in
    them and every line and column holds; and the text of each hidden element (not of a
    comment, an author's note), then of each struck-through one (`<s>`, `<del>`), with its
    first line, to be reported. The end of a hidden element is its first closing tag (no
    nesting); one not closed hides the rest, as a browser would."""
    text = "\n".join(lines)
    if "<" not in text:
        return lines, [], []
    lowered, pieces, at = text.lower(), [], 0
    hidden: list[tuple[int, str]] = []
    struck: list[tuple[int, str]] = []
    code: list[tuple[int, int]] | None = None  # where code is, found at the first `<?`/`<!`
    while (start := _HIDDEN_START.search(text, at)) is not None:
        tag = start.group(1) or start.group(2) or start.group(3) or start.group(4)
        if start.group(4):  # to the first `>`; unclosed, to the end where it starts a block
            closing, end = ">", text.find(">", start.end())
            line_start = text.rfind("\n", 0, start.start()) + 1
            code = _code_ranges(text) if code is None else code
            in_code = _within_any(code, start.start())
            if in_code or (
                end == -1 and text[line_start : start.start()] not in ("", " ", "  ", "   ")
            ):
                pieces.append(text[at : start.end()])
                at = start.end()
                continue
        elif tag is None:
            comment_end = _COMMENT_END.search(text, start.end())
            end, closing = (
                (comment_end.start(), comment_end.group(0)) if comment_end else (-1, "-->")
            )
        else:
            closing = f"</{tag.lower()}>"
            end = lowered.find(closing, start.end())
        if end == -1 and (start.group(1) or start.group(3)):  # `<s>`, `<script>` named in
            # prose or code strike or hide nothing
            pieces.append(text[at : start.end()])
            at = start.end()
            continue
        stop = len(text) if end == -1 else end + len(closing)
        shown = " ".join(text[start.end() : stop - len(closing)].split())
        if start.group(4) and len(shown.split()) < 3:  # `<!DOCTYPE html>`: no words hidden
            shown = ""
        if tag is not None and shown:
            (struck if start.group(1) else hidden).append(
                (text.count("\n", 0, start.start()) + 1, shown)
            )
        pieces += [text[at : start.start()], _blank(text[start.start() : stop])]
        at = stop
    pieces.append(text[at:])
    return "".join(pieces).split("\n"), hidden, struck


_FENCE = re.compile(r"(?m)^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"`[^`\n]{1,2000}`")


def _code_ranges(text: str) -> list[tuple[int, int]]:
    """Where Markdown shows code, as (start, end) offsets in order: fenced blocks (to their
    closing fence, or the end), indented blocks (four spaces after a blank line) and code
    spans. An XML prolog `<?xml …?>` there is shown as written (the review of round 11)."""
    ranges: list[tuple[int, int]] = []
    offset, fence, previous_blank = 0, "", True
    block_start = 0
    for line in text.split("\n"):
        end = offset + len(line)
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                ranges.append((block_start, end))
                fence = ""
        elif opened:
            fence, block_start = opened.group(1), offset
        elif line.startswith(("    ", "\t")) and line.strip() and previous_blank:
            ranges.append((offset, end))
            previous_blank = True  # the next indented line continues the block
            offset = end + 1
            continue
        else:
            ranges += [(offset + m.start(), offset + m.end()) for m in _INLINE_CODE.finditer(line)]
        previous_blank = not line.strip()
        offset = end + 1
    if fence:
        ranges.append((block_start, len(text)))
    return sorted(ranges)


def _within_any(ranges: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` lies in one of the sorted, non-overlapping `ranges`."""
    index = bisect.bisect_right(ranges, (position, float("inf"))) - 1
    return index >= 0 and ranges[index][0] <= position < ranges[index][1]


def _struck_text(lines: list[str]) -> list[tuple[int, str]]:
    """Each struck-through passage of Markdown (`~~…~~`, `~…~`) with its line: a reader takes
    it as withdrawn, so it is left out (`_as_rendered`) and reported as withdrawn."""
    return [
        (number, " ".join(found.group(0).strip("~").split()))
        for number, line in enumerate(lines, start=1)
        if "~" in line
        for found in _STRUCK.finditer(line)
    ]


def _blank(text: str) -> str:
    """Every character of `text` a space, its line breaks kept."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


_LINE_BREAKS = ("\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
"""Where `str.splitlines` ends a line ("\r\n" ends one)."""


def _line_count(text: str) -> int:
    """How many lines `text.splitlines()` would make, counted without making them (64 MB of
    line breaks would be a list of 64 million)."""
    breaks = sum(map(text.count, _LINE_BREAKS)) - text.count("\r\n")
    return breaks + (not text.endswith(_LINE_BREAKS))


def split_text(
    lines: list[str], display: str, unlisted: list[SpecItem] | None = None
) -> list[SpecItem]:
    """Split Markdown or plain text into items: headings, numbered/bulleted items, table rows
    and paragraphs. Continuation lines join the item above. `unlisted`, when given, receives
    the headings, table header rows and code lines, which are no items."""
    seen: list[SpecItem] = [] if unlisted is None else unlisted
    items: list[SpecItem] = []
    heading: str | None = None
    current: list[tuple[int, str]] = []
    current_ref: str | None = None
    in_list = False
    lead: Level | None = None  # "The vendor shall provide the following:" binds the list below
    lead_line: int | None = None
    lead_text = ""
    in_code = False

    def flush() -> None:
        nonlocal current, current_ref, lead, lead_line, lead_text
        if _line_per_item(current, current_ref, in_list):
            pieces, current = current, []
            for piece in pieces:  # a list with one requirement a line and no punctuation
                items.append(_text_item([piece], display, None, heading))
                _refuse_many(items, display)
        if current:
            item = _text_item(current, display, current_ref, heading)
            if in_list:
                if item.level is None and (lead is not None or _IMPERATIVE.match(item.text)):
                    item = dataclasses.replace(
                        item, level=lead or "must", lead_line=lead_line if lead else None
                    )
                if lead is not None:
                    item = dataclasses.replace(item, lead_in=lead_text)
                    if item.text.rstrip().endswith(":"):
                        lead_text = item.text  # a nested list's lead-in: "… experience of: • Git"
            else:
                lead = _lead_level(item)
                lead_line = current[-1][0]
                lead_text = item.text
            items.append(item)
        current, current_ref = [], None
        _refuse_many(items, display)

    table_header: list[str] | None = None
    unflattened = [(n, piece) for n, raw in enumerate(lines, start=1) for piece in _unflatten(raw)]
    for number, raw in unflattened:
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            for label in _diagram_labels(stripped):
                seen.append(_text_item([(number, label)], display, None, heading))
            continue
        if not stripped:
            flush()
            table_header = None
            continue
        if stripped.startswith("#"):
            flush()
            heading = stripped.lstrip("#").strip()
            seen.append(_text_item([(number, heading)], display, None, None))
            lead = None
            continue
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            flush()
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue
            if table_header is None:
                table_header = [c.lower() for c in cells]
                if not any(worded_level(c) for c in cells[1:] if len(c) > 25):
                    seen.append(_text_item([(number, " | ".join(cells))], display, None, heading))
                    continue
            items.append(_table_item(cells, table_header, number, display, heading))
            continue
        match = _ITEM_START.match(line)
        if match:
            flush()
            in_list = True
            current_ref = match.group("id")
            if current_ref:
                current_ref = current_ref.rstrip(".:)")
            elif match.group("num"):
                current_ref = match.group("num").rstrip(".)")
            rest = match.group("rest")
            if match.group("bullet"):  # "- K12. text": the id follows the bullet
                inner = _ITEM_START.match(rest)
                if inner and (inner.group("id") or inner.group("num")):
                    current_ref = (inner.group("id") or inner.group("num")).rstrip(".:)")
                    rest = inner.group("rest")
            current = [(number, rest)]
            continue
        if current and _ends_paragraph(current[-1][1], stripped):
            # one paragraph per line, no blank lines between (text copied from a web page)
            listed = in_list or current[-1][1].endswith(":")
            flush()
            in_list = listed
        elif not current:
            in_list = False
        current.append((number, stripped))
    flush()
    return items


_INLINE_BULLET = re.compile(r"\s*[•▪●]\s+")
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[.;:!?] ))(\d{1,3})\.? (?=[A-ZÅÄÖ])")
_LEAD_IN_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_IMPERATIVE = re.compile(
    r"^(?:provide|support|allow|enable|ensure|include|maintain|offer|deliver|integrate|export|"
    r"import|ability to|capability to|capable of|tillhandahåll|stöd|möjliggör|säkerställ|"
    r"leverera|dokumentera|följ|validera|erbjud|exportera|importera|möjlighet att)\b",
    re.IGNORECASE,
)
"""The first words of a list item that is a demand without a must-word ("Provide a system
that…", "Ability to export…"): in a list, such an item is a requirement."""


def _unflatten(line: str) -> list[str]:
    """A list flattened onto one line (by a PDF or a web page) back into its items: "… requires:
    • A. • B." and "1 Provide … 2 Provide … 3 Provide …"."""
    if line.count("•") + line.count("▪") + line.count("●") >= 2:
        lead, *rest = _INLINE_BULLET.split(line)
        pieces = [lead] if lead.strip() else []
        for part in filter(str.strip, rest):
            # "• last item. The City prefers: • …": a new lead-in binds the items after it
            *before, last = _LEAD_IN_BREAK.split(part.rstrip())
            if before and last.endswith(":"):
                pieces += [f"- {' '.join(before)}", "", last]
            else:
                pieces.append(f"- {part}")
        return pieces
    numbers = _numbered_run(list(_INLINE_NUMBER.finditer(line)))
    values = [int(m.group(1)) for m in numbers]
    if len(numbers) >= 3:
        starts = [m.start() for m in numbers] + [len(line)]
        head = line[: starts[0]]
        pieces = [
            f"{values[i]}. {line[numbers[i].end() : starts[i + 1]].strip()}"
            for i in range(len(numbers))
        ]
        return ([head] if head.strip() else []) + pieces
    return [line]


def _lead_level(item: SpecItem) -> Level | None:
    """The level a paragraph gives the list below it: its own, when it ends in a colon ("The
    vendor shall provide the following:"), or a title's ("Required Features.", "Skall-krav")."""
    if item.text.rstrip().endswith(":"):
        return item.level
    if len(item.text.split()) <= 8:
        return heading_level(item.text)
    return None


def _numbered_run(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """The item numbers of a flattened list: from the first, each one or two above the last
    kept (a number the flattening fused into the text before it, "… inventory 6. Ability", is
    skipped, not the end of the list); other numbers are text."""
    run: list[re.Match[str]] = []
    for match in found:
        value = int(match.group(1))
        if not run or 1 <= value - int(run[-1].group(1)) <= 2:
            run.append(match)
    return run


def _line_per_item(lines: list[tuple[int, str]], ref: str | None, listed: bool) -> bool:
    """Whether a plain paragraph is really a list written one requirement a line (a web page
    copied without its bullets): four lines or more, each but a few starting a new sentence
    with a capital letter, and a third of them worded as requirements (the rest are often
    imperatives: "Följ OpenAPI-specifikationen")."""
    if ref is not None or listed or len(lines) < 4:
        return False
    capitals = sum(1 for _number, line in lines[1:] if line[:1].isupper())
    if capitals * 4 < (len(lines) - 1) * 3:
        return False
    needed = -(-len(lines) // 3)  # a third of the lines, rounded up
    worded = (line for _number, line in lines if worded_level(line) is not None)
    return sum(1 for _line in itertools.islice(worded, needed)) == needed


def _ends_paragraph(line: str, following: str) -> bool:
    """Whether `line` ends a paragraph although no blank line follows: a long line (not hard
    wrapped) or a lead-in ending a sentence, and a next line that starts a new one."""
    if not line.endswith((".", ";", ":", "!", "?")) or not following[:1].isupper():
        return False
    return len(line) > 100 or line.endswith(":")


def _text_item(
    lines: list[tuple[int, str]], display: str, ref: str | None, heading: str | None
) -> SpecItem:
    starts = []
    position = 0
    for number, part in lines:
        starts.append((position, number))
        position += len(part) + 1
    text = " ".join(part for _number, part in lines)
    return SpecItem(
        text=text,
        location=Location(path=display, line=lines[0][0]),
        ref=ref,
        level=worded_level(text) or (heading_level(heading) if ref else None),
        heading=heading,
        line_starts=tuple(starts),
    )


_MUST_HEADING = re.compile(
    r"\b(skall-?krav|ska-?krav|obligatoriska (krav|funktioner)|minimikrav|mandatory requirements?"
    r"|must requirements?|minimum requirements?|required (features|functions|functionality"
    r"|capabilities))\b",
    re.IGNORECASE,
)
_SHOULD_HEADING = re.compile(
    r"\b(bör-?krav|önskemål|mervärden|utvärderingskrav|should requirements?|desirable)\b",
    re.IGNORECASE,
)


def heading_level(heading: str | None) -> Level | None:
    """The level a section heading gives its numbered items ("Bör-krav", "Skall-krav")."""
    if not heading:
        return None
    if _SHOULD_HEADING.search(heading):
        return "should"
    if _MUST_HEADING.search(heading):
        return "must"
    return None


def _table_item(
    cells: list[str], header: list[str], number: int, display: str, heading: str | None
) -> SpecItem:
    from proccheck.loaders.tables import COLUMN_NAMES

    roles: dict[str, int] = {}
    for index, name in enumerate(header):
        for role, names in COLUMN_NAMES.items():
            if role not in roles and name.rstrip(":*") in names:
                roles[role] = index
    text_index = roles.get("text", max(range(len(cells)), key=lambda i: len(cells[i])))
    text = cells[text_index] if text_index < len(cells) else ""
    described = [  # "Krav" and "Beskrivning": a short title and what it demands
        cells[i]
        for i, name in enumerate(header)
        if i < len(cells) and cells[i].strip() and name.rstrip(":*") in COLUMN_NAMES["text"]
    ]
    if len(described) > 1:
        text = ": ".join(described)
    ref = cells[roles["id"]] if "id" in roles and roles["id"] < len(cells) else None
    skipped = {text_index, roles.get("id"), roles.get("level")}
    if ref is None and cells and _OWN_ID.match(cells[0]):
        ref = cells[0]
    declared = None
    if "level" in roles and roles["level"] < len(cells):
        declared = parse_level(cells[roles["level"]])
    return SpecItem(
        text=text,
        location=Location(path=display, line=number),
        ref=ref or None,
        level=declared or worded_level(text) or heading_level(heading) or _matrix_row(ref, roles),
        heading=heading,
        beside=_beside(header, cells, skipped, text),
    )


def _beside(header: list[str], cells: list[str], skipped: set[int | None], text: str = "") -> str:
    """A table row's cells other than its text, id and level, each under its header; a mark
    ("X", "✓") under a party's column reads as a sentence ("Leverantören har Äganderätt till
    all data"), as a reader of a rights matrix takes it."""
    said = []
    for index, cell in enumerate(cells):
        cell = cell.strip()
        if index in skipped or not cell:
            continue
        name = header[index].strip() if index < len(header) else ""
        if text and cell.lower() in _MARKS and _PARTY.search(name):
            has = _HAS[_ENGLISH_PARTY.search(name) is not None]
            said.append(f"{name[:1].upper()}{name[1:]} {has} {text}")
        else:
            said.append(f"{name}: {cell}" if name else cell)
    return "; ".join(said)


_MARKS = frozenset({"x", "✓", "✔", "☑", "☒", "●", "■", "ja", "yes"})
_PARTY = re.compile(
    r"\b(?:leverantör\w*|supplier\w*|vendor\w*|contractor\w*|beställar\w*|köpar\w*|kommun\w*"
    r"|region\w*|myndighet\w*|kund\w*|customer\w*|buyer\w*|client\w*|authority)\b",
    re.IGNORECASE,
)
_ENGLISH_PARTY = re.compile(r"supplier|vendor|contractor|customer|buyer|client|authority", re.I)
_HAS = {True: "has", False: "har"}


def _matrix_row(ref: str | None, roles: dict[str, int]) -> Level | None:
    """A numbered row of a requirement table (kravmatris) is a requirement even when it is
    worded as a statement ("Systemet stöder SAML 2.0."): the table is the list of demands."""
    return "must" if ref and "id" in roles and "text" in roles else None
