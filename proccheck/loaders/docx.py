"""DOCX specifications (needs the `docx` extra: python-docx).

Paragraphs and table cells become items in document order; a location is `paragraph N` or
`table T row R cell C`, since Word files have no stable line numbers.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.loaders.tables import check_zip, resave_hint


def _is_text(node: object) -> bool:
    """A `w:t` element (comments, processing instructions and entities have a non-str tag)."""
    tag = getattr(node, "tag", None)
    return isinstance(tag, str) and tag.endswith("}t")


@dataclass(frozen=True)
class Block:
    """One paragraph, heading or table row of a Word document, in document order: its texts (one
    for a paragraph, one per cell for a row) and where it is (`paragraph 4`, `table 2 row 3`)."""

    element: str
    texts: tuple[str, ...]
    heading: bool = False
    table_row: int = 0  # 1 for the first row of a table
    listed: bool = False  # a bulleted or numbered paragraph


def read_docx(path: Path, display: str) -> list[Block]:
    """The paragraphs and table rows of a .docx, refusing zip bombs and unreadable files."""
    check_zip(path, display, "document")
    try:
        import docx  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise InputError(
            tr("reading .docx needs the docx extra"),
            path=display,
            hint=tr("pip install 'proccheck[docx]', or save the document as .txt or .md"),
        ) from None
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx/lxml raise many types for broken files
        damaged = isinstance(exc, (zipfile.BadZipFile, KeyError, ValueError))
        raise InputError(
            tr("not a readable Word document ({problem})", problem=type(exc).__name__),
            path=display,
            hint=resave_hint("document") if damaged else None,
        ) from None
    blocks: list[Block] = []
    paragraph_number = 0
    table_number = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph_number += 1
            text = "".join(node.text or "" for node in child.iter() if _is_text(node)).strip()
            if not text:
                continue
            style = child.find(".//{*}pStyle")
            style_name = (
                style.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "")
                if style is not None
                else ""
            )
            heading = style_name.lower().startswith(("heading", "rubrik"))
            listed = child.find(".//{*}numPr") is not None or "list" in style_name.lower()
            element = f"paragraph {paragraph_number}"
            blocks.append(Block(element, (text,), heading=heading, listed=listed))
        elif tag == "tbl":
            table_number += 1
            for row_number, row in enumerate(child.findall("{*}tr"), start=1):
                cells = tuple(
                    "".join(n.text or "" for n in cell.iter() if _is_text(n)).strip()
                    for cell in row.findall("{*}tc")
                )
                element = f"table {table_number} row {row_number}"
                blocks.append(Block(element, cells, table_row=row_number))
    return blocks
