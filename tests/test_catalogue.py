"""The Swedish gettext catalogue: every msgid translated, nothing obsolete, the .mo current.

`python scripts/update_catalogue.py` fixes what these tests find, except translating.
"""

from __future__ import annotations

import ast
import gettext
import re
from io import BytesIO
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import read_mo
from conftest import script_module

from proccheck.i18n import KEYWORDS, translation

REPO = Path(__file__).resolve().parent.parent
UPDATE = "run `python scripts/update_catalogue.py`"


def _update_script() -> ModuleType:
    return script_module("update_catalogue")


catalogue = _update_script()


def _by_key(messages: Catalog) -> dict[tuple[str, str | None], Message]:
    return {(m.id if isinstance(m.id, str) else m.id[0], m.context): m for m in messages if m.id}


def _strings(message: Message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


def test_mo_is_compiled_from_the_current_po() -> None:
    def table(messages: Catalog) -> list[tuple[str, str, str]]:
        return sorted((repr(m.id), repr(m.string), m.context or "") for m in messages if m.id)

    fresh = read_mo(BytesIO(catalogue.compiled(catalogue.read_catalogue())))
    with catalogue.MO.open("rb") as stream:
        shipped = read_mo(stream)
    assert table(shipped) == table(fresh), f"the .mo is older than the .po: {UPDATE}"


def test_every_msgid_in_use_has_swedish_and_no_other_is_kept(
    capsys: pytest.CaptureFixture[str],
) -> None:
    used = _by_key(catalogue.template())
    warnings = capsys.readouterr().err  # Babel warns of msgids it cannot read (f-strings)
    assert "warning" not in warnings, warnings
    po = catalogue.read_catalogue()
    known = _by_key(po)
    missing = sorted(str(key) for key in used.keys() - known.keys())
    obsolete = sorted(str(key) for key in known.keys() - used.keys()) + list(po.obsolete)
    reshaped = sorted(
        str(key) for key in used.keys() & known.keys() if used[key].id != known[key].id
    )
    untranslated = sorted(
        str(key) for key, m in known.items() if m.fuzzy or not all(s.strip() for s in _strings(m))
    )
    assert not missing, f"msgids missing from the .po ({UPDATE}): {missing}"
    assert not obsolete, f"entries no source uses ({UPDATE}): {obsolete}"
    assert not reshaped, f"msgids that gained or lost a plural ({UPDATE}): {reshaped}"
    assert not untranslated, f"translate these in the .po: {untranslated}"


_PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}|%\((\w+)\)")


def _placeholders(text: str) -> set[str]:
    return {brace or percent for brace, percent in _PLACEHOLDER.findall(text)}


def test_translations_keep_the_placeholders() -> None:
    for message in catalogue.read_catalogue():
        if not message.id:
            continue
        sources = (message.id,) if isinstance(message.id, str) else message.id
        allowed = set().union(*(_placeholders(s) for s in sources))
        for string in _strings(message):
            found = _placeholders(string)
            assert found <= allowed, (message.id, string)
            if isinstance(message.id, str):
                assert found == allowed, (message.id, string)


def test_no_msgid_hides_in_an_f_string() -> None:
    """Babel cannot see a gettext call inside an f-string, so its msgid would never be
    translated."""
    hidden = []
    for path in sorted((REPO / "proccheck").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in KEYWORDS
                ):
                    hidden.append(f"{path.relative_to(REPO)}:{inner.lineno}")
    assert not hidden, f"move these calls out of the f-strings: {hidden}"


def test_swedish_catalogue_is_found_at_run_time() -> None:
    """From the wheel too: CI installs it, so this fails when the .mo is not packaged."""
    swedish: Any = translation("sv")
    assert isinstance(swedish, gettext.GNUTranslations)
    assert swedish.gettext("file not found") == "filen finns inte"
    assert swedish.ngettext("{count} not met", "{count} not met", 2) == "{count} ej uppfyllda"
    assert swedish.pgettext("input kind", "a column mapping") == "en kolumnmappning"
    assert translation("en").gettext("file not found") == "file not found"


_CODE_SPAN = re.compile(r"`[^`]+`")


def test_check_documentation_is_in_the_catalogue() -> None:
    """Every paragraph and list item of every check's documentation, and each section heading,
    is a msgid in the context "check documentation", so the test above fails while one of
    them lacks Swedish."""
    from proccheck.checks import all_checks
    from proccheck.checks.documentation import CONTEXT, SECTIONS

    used = _by_key(catalogue.template())
    for check in all_checks().values():
        assert check.doc_units(), check.code
        for unit in check.doc_units():
            assert (unit, CONTEXT) in used, f"{check.code}: {unit}"
    for section in SECTIONS:
        assert (section, CONTEXT) in used
    swedish: Any = translation("sv")
    assert swedish.pgettext(CONTEXT, "What it checks") == "Vad kontrollen granskar"


def test_check_documentation_keeps_its_code_spans() -> None:
    """`implements: DO-02`, `info.x-sla` and the like are names, not words: the Swedish keeps
    every code span of the English."""
    from proccheck.checks.documentation import CONTEXT

    for message in catalogue.read_catalogue():
        if message.context == CONTEXT and isinstance(message.id, str) and message.id:
            missing = set(_CODE_SPAN.findall(message.id)) - set(_CODE_SPAN.findall(message.string))
            assert not missing, (message.id, missing)
