"""Every user-facing word through gettext: English msgids at the call site, one catalogue per
language (`proccheck/locale/sv/LC_MESSAGES/proccheck.po`, compiled to the `.mo` beside it by
`python scripts/update_catalogue.py`). English is the source language, so English is the msgid.

Reports know their language and pass it: `_(lang, "not met")`. Errors are raised deep in loaders
where no language is at hand, so `tr("file not found")` uses the language of the run, which the CLI
(or a library entry point) sets with `use_lang`; it is English unless someone sets it.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext
import locale
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the CLI imports this before it may need pydantic
    from proccheck.model import Lang

DOMAIN = "proccheck"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
KEYWORDS: dict[str, Any] = {
    "_": (2,),
    "ngettext": (2, 3),
    "pgettext": ((2, "c"), 3),
    "N_": None,
    "NC_": ((1, "c"), 2),
    "tr": None,
}
"""The marker functions and where their msgids are, for Babel's extractor."""

_run_lang: contextvars.ContextVar[Lang] = contextvars.ContextVar("proccheck_lang", default="en")


@functools.cache
def translation(lang: Lang) -> gettext.NullTranslations:
    """The catalogue of `lang`, read once; English (no catalogue) gives back the msgids."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def _fill(text: str, values: dict[str, Any]) -> str:
    return text.format(**values) if values else text


def _(lang: Lang, msgid: str, /, **values: Any) -> str:
    """`msgid` in `lang`, with `values` filled into its `{placeholders}` (when given)."""
    return _fill(translation(lang).gettext(msgid), values)


def translated(lang: Lang, table: dict[str, str]) -> dict[str, str]:
    """A table of `N_`-marked words (key -> msgid) in `lang`: the labels a report or page shows."""
    return {key: _(lang, msgid) for key, msgid in table.items()}


def ngettext(lang: Lang, singular: str, plural: str, n: int, /, **values: Any) -> str:
    """The form for the count `n`, so that "1 operations" cannot happen in any language. The
    count is not filled in by itself: pass it among `values` too."""
    return _fill(translation(lang).ngettext(singular, plural, n), values)


def pgettext(lang: Lang, context: str, msgid: str, /, **values: Any) -> str:
    """`msgid` in `context`: for English that needs different Swedish in different places."""
    return _fill(translation(lang).pgettext(context, msgid), values)


def N_(msgid: str) -> str:
    """Mark `msgid` for the catalogue without translating it: tables of msgids translated where
    they are shown."""
    return msgid


def NC_(context: str, msgid: str) -> str:
    """`N_` for a msgid that is translated with `pgettext(lang, context, msgid)`."""
    return msgid


def tr(msgid: str, /, **values: Any) -> str:
    """`msgid` in the language of the run (`use_lang`): for error messages and hints, which are
    translated where they are raised."""
    return _(_run_lang.get(), msgid, **values)


def current_lang() -> Lang:
    """The language of the run: what `use_lang` set, else English."""
    return _run_lang.get()


@contextlib.contextmanager
def use_lang(lang: Lang) -> Iterator[None]:
    """Run the block in `lang`: errors raised inside it come in that language."""
    token = _run_lang.set(lang)
    try:
        yield
    finally:
        _run_lang.reset(token)


def default_lang() -> Lang:
    """Swedish when the locale says so (LC_ALL, LC_MESSAGES, LANG), else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    try:
        current = locale.getlocale()[0] or ""
    except ValueError:
        current = ""
    return "sv" if current.lower().startswith("sv") else "en"
