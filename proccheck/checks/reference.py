"""The checks reference pages, generated from the registry so they cannot drift from the code.

`python -m proccheck.checks.reference > docs/checks.md` rewrites the English page and
`python -m proccheck.checks.reference --lang sv > docs/checks.sv.md` the Swedish one (every word
through the catalogue, the check documentation unit by unit); a test fails when a committed page
differs from what the registry says.
"""

from __future__ import annotations

import argparse

from proccheck.checks import SECTIONS, Check, all_checks
from proccheck.checks.documentation import heading
from proccheck.i18n import N_, NC_, _, pgettext
from proccheck.model import Lang, ReportKind
from proccheck.vocabulary import DIMENSION_NAMES, outcome_word, severity_word

PAGES: dict[Lang, str] = {"en": "docs/checks.md", "sv": "docs/checks.sv.md"}
"""Where each language's page is kept, relative to the repository."""
_KINDS: dict[ReportKind, str] = {
    "set": N_("Requirement sets (`proccheck sets validate`)"),
    "spec": N_("Specifications (`proccheck spec check`)"),
    "answers": N_("Vendor answers (`proccheck answers check`)"),
    "probe": N_("API descriptions (`proccheck probe`)"),
}
_APPLIES_TO: dict[ReportKind, str] = {
    "set": N_("requirement sets"),
    "spec": N_("requirement specifications"),
    "answers": N_("vendor answers"),
    "probe": N_("API descriptions"),
}
_COLUMNS = (
    NC_("checks reference", "code"),
    NC_("checks reference", "name"),
    NC_("checks reference", "title"),
    NC_("checks reference", "severity"),
    NC_("checks reference", "decides at best"),
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _command(lang: Lang) -> str:
    return "python -m proccheck.checks.reference" + ("" if lang == "en" else f" --lang {lang}")


def check_notes(check: Check, lang: Lang) -> str:
    """The line under a check's title: what it applies to, its default severity, and whether it
    is a verdict check, has a probe score dimension or is advisory."""
    notes = [
        _(lang, "applies to: {kind}", kind=_(lang, _APPLIES_TO[check.kind])),
        _(lang, "default severity: {severity}", severity=severity_word(lang, check.severity)),
    ]
    if check.verdict:
        notes.append(_(lang, "decides its requirement outright (verdict check)"))
    if check.dimension:
        name = _(lang, DIMENSION_NAMES.get(check.dimension, check.dimension))
        notes.append(_(lang, "probe score dimension: {dimension}", dimension=name))
    if not check.decides:
        notes.append(_(lang, "advisory: does not decide the requirement's outcome"))
    return "; ".join(notes) + "."


def reference_markdown(lang: Lang = "en") -> str:
    """Every check in `lang`: an index table per kind, then each check's documentation."""
    checks = all_checks()
    other: Lang = "sv" if lang == "en" else "en"
    out = [
        "# " + _(lang, "proccheck checks"),
        "",
        _(
            lang,
            "Generated from the check registry (`{command}`); do not edit.",
            command=_command(lang),
        ),
        _(
            lang,
            "`proccheck checks explain CODE` shows the same text (`--lang sv` in Swedish); the "
            "page in {language} is [{page}]({page}).",
            language=_(lang, "Swedish") if other == "sv" else _(lang, "English"),
            page=PAGES[other].removeprefix("docs/"),
        ),
        "",
    ]
    columns = [pgettext(lang, "checks reference", column) for column in _COLUMNS]
    for kind, kind_heading in _KINDS.items():
        members = [c for c in checks.values() if c.kind == kind]
        out += ["## " + _(lang, kind_heading), "", "| " + " | ".join(columns) + " |"]
        out.append("|---" * len(columns) + "|")
        for check in members:
            best = outcome_word(lang, check.ceiling)
            if check.public_only:
                best += " " + _(lang, "(public URL only)")
            out.append(
                f"| [{check.code}](#{check.code.lower().replace('.', '')}) | `{check.name}` | "
                f"{_cell(check.title.get(lang))} | {severity_word(lang, check.severity)} | "
                f"{best} |"
            )
        out.append("")
    for check in checks.values():
        out += [f"### {check.code}", "", f"`{check.name}`: {check.title.get(lang)}", ""]
        out += [check_notes(check, lang), ""]
        sections = check.sections(lang)
        for section in SECTIONS:
            out += [f"**{heading(lang, section)}**", "", sections.get(section, "").strip(), ""]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> None:
    """Print the reference page in the language asked for (English by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--lang", choices=sorted(PAGES), default="en")
    lang: Lang = "sv" if parser.parse_args(argv).lang == "sv" else "en"
    print(reference_markdown(lang), end="")


if __name__ == "__main__":
    main()
