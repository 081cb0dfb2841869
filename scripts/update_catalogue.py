"""Extract every msgid, update the Swedish catalogue and compile it.

Usage (needs Babel, from the `test` extra):  python scripts/update_catalogue.py

1. Msgids come from proccheck/**/*.py (the marker functions in `proccheck.i18n.KEYWORDS`), from
   the click modules whose messages users see (usage errors, help headings), and from the
   documentation of every registered check: each paragraph and list item of its docstring
   (`Check.doc_units`), with the context "check documentation" that `Check.doc(lang)` uses.
2. proccheck/locale/sv/LC_MESSAGES/proccheck.po keeps the translations it has; new msgids get an
   empty msgstr, and msgids no source uses any more are dropped (no fuzzy matching, so nothing
   half-translated slips through).
3. The .po is compiled to proccheck.mo beside it, which the wheel ships.

Then fill in the empty msgstr lines (a `# Translators:` comment above a call is copied into the
.po for them) and run the script again to compile. tests/test_catalogue.py fails while any msgid
lacks a Swedish translation or the .mo is older than the .po.
"""

from __future__ import annotations

import inspect
from io import BytesIO
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from proccheck import __version__
from proccheck.i18n import DOMAIN, KEYWORDS

REPO = Path(__file__).resolve().parent.parent
PO = REPO / "proccheck" / "locale" / "sv" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types")
"""click's modules whose messages reach a user of proccheck; click.termui and the shell
completion are not used."""
CLICK_KEYWORDS = {"_": None, "ngettext": (1, 2)}
COMMENT_TAGS = ("Translators:",)
HEADER = """\
# Swedish for proccheck. The msgids are the English source texts.
# Update with `python scripts/update_catalogue.py` (extract, merge,
# compile the .mo); fill in every empty msgstr, then run it again.
#"""


def template() -> Catalog:
    """Every msgid in use, with where it is used."""
    catalog = Catalog(domain=DOMAIN)
    sources = [
        (path, KEYWORDS, path.relative_to(REPO).as_posix())
        for path in sorted((REPO / "proccheck").rglob("*.py"))
    ]
    click_dir = Path(click.__file__).parent
    sources += [
        (click_dir / f"{name}.py", CLICK_KEYWORDS, f"click/{name}.py") for name in CLICK_MODULES
    ]
    for path, keywords, shown in sources:
        found = extract_from_file(
            "python", path, keywords=keywords, comment_tags=COMMENT_TAGS, strip_comment_tags=True
        )
        for line, message, comments, context in found:
            catalog.add(
                message,
                locations=[(shown, line)],
                auto_comments=comments,
                context=context,
                flags=_flags(message),
            )
    add_check_documentation(catalog)
    return catalog


def add_check_documentation(catalog: Catalog) -> None:
    """Every paragraph and list item of every registered check's documentation (English, from
    its docstring), in the context the documentation is translated in, with the checks it
    documents as a comment for the translator."""
    from proccheck.checks import all_checks
    from proccheck.checks.documentation import CONTEXT

    for check in all_checks().values():
        source = inspect.getsourcefile(check.func)
        shown = Path(source).resolve().relative_to(REPO).as_posix() if source else check.code
        for unit in check.doc_units():
            catalog.add(
                unit,
                locations=[(shown, check.func.__code__.co_firstlineno)],
                auto_comments=[f"documentation of {check.code}"],
                context=CONTEXT,
                flags=_flags(unit),
            )


def _flags(message: str | tuple[str, ...]) -> tuple[str, ...]:
    text = message if isinstance(message, str) else message[0]
    return ("python-format",) if "%(" in text else ()


def updated(old: Catalog, new: Catalog) -> Catalog:
    """`new`'s msgids with `old`'s translations where the msgid (and its plural) is unchanged."""
    result = Catalog(
        locale="sv",
        domain=DOMAIN,
        project="proccheck",
        version=__version__,
        header_comment=HEADER,
        creation_date=old.creation_date,
        revision_date=old.creation_date,  # stable, so that only real changes show in a diff
        last_translator="proccheck developers",
        language_team="Swedish",
        fuzzy=False,
    )
    for message in new:
        if not message.id:
            continue
        known = old.get(message.id, message.context)
        same_shape = known is not None and known.id == message.id
        string = known.string if same_shape and known is not None else ""
        if isinstance(message.id, tuple) and not same_shape:
            string = ("", "")
        result.add(
            message.id,
            string,
            locations=message.locations,
            auto_comments=message.auto_comments,
            flags=message.flags,
            context=message.context,
        )
    return result


def read_catalogue(path: Path = PO) -> Catalog:
    """The Swedish catalogue as it is on disk (an empty one before the first run)."""
    if not path.exists():
        return Catalog(locale="sv", domain=DOMAIN, project="proccheck", fuzzy=False)
    with path.open("rb") as stream:
        return read_po(stream, locale="sv", domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    """The .mo of `catalog` (fuzzy entries left out, though `updated` makes none)."""
    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main() -> None:
    catalog = updated(read_catalogue(), template())
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as stream:
        write_po(stream, catalog, sort_output=True, include_lineno=False, ignore_obsolete=True)
    MO.write_bytes(compiled(read_catalogue()))
    missing = [m.id for m in catalog if m.id and not all(_strings(m.string))]
    print(f"{PO.relative_to(REPO)}: {len(catalog)} messages, {len(missing)} without Swedish")


def _strings(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return (string,) if isinstance(string, str) else string


if __name__ == "__main__":
    main()
