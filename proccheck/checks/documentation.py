"""A check's documentation in every language, declared once in English in its docstring.

The docstring is an optional preamble (the one-line "Reports …") and the fixed sections *What it
checks*, *Why it matters*, *How to comply* and *References*, each a heading line followed by its
body. A body is made of *units*: paragraphs (separated by blank lines) and list items (lines
starting with "- ", continued by the lines below them). Each unit, its line breaks joined by
spaces, is a msgid of the catalogue in the context "check documentation", and so is each heading;
`scripts/update_catalogue.py` extracts them from the registry (`Check.doc_units`), and
tests/test_catalogue.py fails while one has no Swedish.

English is the docstring as written. Any other language is the units translated with
`pgettext(lang, "check documentation", unit)` and wrapped again to `WIDTH` columns.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from proccheck.i18n import NC_, pgettext
from proccheck.model import Lang

CONTEXT = "check documentation"
"""The msgctxt of every documentation unit and heading."""
SECTIONS = (
    NC_("check documentation", "What it checks"),
    NC_("check documentation", "Why it matters"),
    NC_("check documentation", "How to comply"),
    NC_("check documentation", "References"),
)
"""The fixed sections, in order; the English headings are also their keys."""
WIDTH = 92
"""Translated units are wrapped to this many columns, as the docstrings are."""
_ITEM = "- "
_BLOCK_START = re.compile(r"^(- |\* |\+ |#|>|\d+[.)] )")
"""What would turn a wrapped line into a list item, heading or quote in Markdown."""


@dataclass(frozen=True)
class Unit:
    """One paragraph or list item of a section body, its line breaks joined by spaces."""

    text: str
    item: bool = False


def units(body: str) -> list[Unit]:
    """The paragraphs and list items of `body`, in order."""
    found: list[Unit] = []
    lines: list[str] = []
    item = False

    def close() -> None:
        if lines:
            found.append(Unit(" ".join(lines), item))
            lines.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            close()
            item = False
        elif raw.startswith(_ITEM):
            close()
            item = True
            lines.append(line[len(_ITEM) :].strip())
        else:
            lines.append(line)
    close()
    return found


def heading(lang: Lang, section: str) -> str:
    """A section heading in `lang` ("What it checks", "Vad kontrollen granskar")."""
    return pgettext(lang, CONTEXT, section)


def split(doc: str, lang: Lang = "en") -> tuple[str, dict[str, str]]:
    """The preamble of `doc` and its sections' bodies by (English) section name, `doc` being
    written in `lang` with that language's headings."""
    names = {heading(lang, section): section for section in SECTIONS}
    pattern = r"^(" + "|".join(re.escape(name) for name in names) + r")\s*$"
    parts = re.split(pattern, doc, flags=re.M)
    found: dict[str, str] = {}
    for index in range(1, len(parts) - 1, 2):
        found[names[parts[index]]] = parts[index + 1].strip()
    return parts[0].strip(), found


def doc_units(doc: str) -> list[str]:
    """Every unit of an English docstring (preamble and sections), as catalogue msgids."""
    preamble, sections = split(doc)
    bodies = [preamble, *sections.values()] if sections else [doc]
    return [unit.text for body in bodies for unit in units(body)]


def translated(lang: Lang, body: str) -> list[Unit]:
    """The units of the English `body` in `lang`."""
    if lang == "en":
        return units(body)
    return [Unit(pgettext(lang, CONTEXT, unit.text), unit.item) for unit in units(body)]


def _wrap(unit: Unit) -> str:
    first, rest = (_ITEM, "  ") if unit.item else ("", "")
    lines = textwrap.wrap(
        unit.text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    if any(_BLOCK_START.match(line) for line in lines[1:]):
        return first + unit.text  # a wrapped line must not start a list or a heading
    return "\n".join(lines)


def render(found: Iterable[Unit]) -> str:
    """Units as text: paragraphs apart by a blank line, consecutive list items line by line."""
    out: list[str] = []
    previous: Unit | None = None
    for unit in found:
        if previous is not None:
            out.append("\n" if previous.item and unit.item else "\n\n")
        out.append(_wrap(unit))
        previous = unit
    return "".join(out)


def compose(lang: Lang, preamble: str, sections: Mapping[str, str]) -> str:
    """A whole documentation text: the preamble, then each section under its heading in
    `lang`."""
    parts = [preamble] if preamble else []
    parts += [f"{heading(lang, name)}\n{body}" for name, body in sections.items()]
    return "\n\n".join(parts)


def translate(lang: Lang, doc: str) -> str:
    """An English docstring in `lang`: English as written, any other language unit by unit."""
    if lang == "en":
        return doc
    preamble, sections = split(doc)
    if not sections:
        return render(translated(lang, doc))
    return compose(
        lang,
        render(translated(lang, preamble)),
        {name: render(translated(lang, body)) for name, body in sections.items()},
    )
