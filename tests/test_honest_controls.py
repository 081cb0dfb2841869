"""Honest documents made by Word-like and browser programs (tests/corpus/honest): none of the
readers' rules for hidden, covered, struck or unread text fires, and the text reads as the
Markdown it was made from."""

from __future__ import annotations

from pathlib import Path

import pytest

from proccheck.loaders.spec import load_spec

HONEST = Path(__file__).resolve().parent / "corpus" / "honest"
ORIGINAL = (
    Path(__file__).resolve().parent
    / "corpus"
    / "real"
    / "r6-sv-sater-arkivkrav-upphandling-verksamhetssystem.md"
)


@pytest.mark.parametrize(
    "name",
    [
        "sater-arkivkrav-python-docx.docx",
        "sater-arkivkrav-libreoffice.pdf",
        "sater-arkivkrav-chromium.pdf",
    ],
)
def test_an_honest_document_hides_nothing(name: str) -> None:
    document = load_spec(HONEST / name, name)
    assert not document.hidden_text
    assert not document.withdrawn
    assert not document.unread_pages
    original = load_spec(ORIGINAL, ORIGINAL.name)
    words = {w for item in document.items for w in item.text.split()}
    expected = {w for item in original.items for w in item.text.split()}
    assert len(expected & words) >= 0.9 * len(expected)
