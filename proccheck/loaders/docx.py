"""DOCX specifications (needs the `docx` extra: python-docx).

Paragraphs and table cells become items in document order; a location is `paragraph N` or
`table T row R cell C`, since Word files have no stable line numbers.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.loaders.tables import check_zip
from proccheck.model import Location

if TYPE_CHECKING:
    from proccheck.loaders.spec import SpecDocument


def _is_text(node: object) -> bool:
    """A `w:t` element (comments, processing instructions and entities have a non-str tag)."""
    tag = getattr(node, "tag", None)
    return isinstance(tag, str) and tag.endswith("}t")


def load_docx_spec(path: Path, display: str) -> SpecDocument:
    """Read a .docx into a specification document."""
    from proccheck.loaders.spec import _ITEM_START, SpecItem, _document, parse_level, worded_level

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
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(
            tr("not a readable Word document ({problem})", problem=type(exc).__name__),
            path=display,
            hint=tr(
                "open it in {app} or LibreOffice and save as {suffix}", app="Word", suffix=".docx"
            ),
        ) from None
    except Exception as exc:  # python-docx/lxml raise many types for broken files
        raise InputError(
            tr("not a readable Word document ({problem})", problem=type(exc).__name__),
            path=display,
        ) from None
    items = []
    heading = None
    body = document.element.body
    paragraph_number = 0
    table_number = 0
    for child in body.iterchildren():
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
            if style_name.lower().startswith(("heading", "rubrik")):
                heading = text
                continue
            match = _ITEM_START.match(text)
            ref = None
            if match and (match.group("id") or match.group("num")):
                ref = (match.group("id") or match.group("num")).rstrip(".:)")
            items.append(
                SpecItem(
                    text=text,
                    location=Location(path=display, element=f"paragraph {paragraph_number}"),
                    ref=ref,
                    level=worded_level(text),
                    heading=heading,
                )
            )
        elif tag == "tbl":
            table_number += 1
            rows = child.findall("{*}tr")
            header: list[str] = []
            for row_number, row in enumerate(rows, start=1):
                cells = [
                    "".join(n.text or "" for n in cell.iter() if _is_text(n)).strip()
                    for cell in row.findall("{*}tc")
                ]
                if row_number == 1:
                    header = [c.lower() for c in cells]
                    if not any(worded_level(c) for c in cells if len(c) > 25):
                        continue
                if not any(cells):
                    continue
                from proccheck.loaders.spec import _table_item

                item = _table_item(cells, header, 0, display, heading)
                text_cell = cells.index(item.text) + 1 if item.text in cells else 1
                items.append(
                    SpecItem(
                        text=item.text,
                        location=Location(
                            path=display,
                            element=f"table {table_number} row {row_number} cell {text_cell}",
                        ),
                        ref=item.ref,
                        level=item.level,
                        heading=heading,
                    )
                )
    del parse_level
    return _document(display, path.stem, items)
