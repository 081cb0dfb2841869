"""The words for the model's enumerations (outcomes, levels, severities, principles, kinds of
report), so that every formatter and command names them alike and through the catalogue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from proccheck.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from proccheck.model import Lang, Level, Outcome, Principle, ReportKind, Severity

OUTCOME_WORDS: dict[Outcome, str] = {
    "met": N_("met"),
    "not_met": N_("not met"),
    "not_verified": N_("not verified"),
    "not_applicable": N_("not applicable"),
}
LEVEL_WORDS: dict[Level, str] = {"must": N_("must"), "should": N_("should")}
SEVERITY_WORDS: dict[Severity, str] = {
    "error": N_("error"),
    "warning": N_("warning"),
    "note": N_("note"),
}
PRINCIPLE_NAMES: dict[Principle, str] = {
    "data-ownership": N_("Data ownership and control"),
    "exit": N_("Exit and portability"),
    "open-standards": N_("Open standards"),
    "open-apis": N_("Open APIs"),
    "other": N_("Other"),
}
KIND_NAMES: dict[ReportKind, str] = {
    "spec": N_("Requirement specification"),
    "answers": N_("Vendor answers"),
    "probe": N_("API description"),
    "set": N_("Requirement set"),
}


LANGUAGE_NAMES: dict[Lang, str] = {"sv": N_("Swedish"), "en": N_("English")}


def language_name(lang: Lang, language: Lang) -> str:
    """`Swedish`, `engelska`: the name of `language` in `lang`."""
    return _(lang, LANGUAGE_NAMES[language])


def outcome_word(lang: Lang, outcome: Outcome) -> str:
    """`not met`, `ej uppfyllt`."""
    return _(lang, OUTCOME_WORDS[outcome])


def level_word(lang: Lang, level: Level) -> str:
    """`must`, `skall`."""
    return _(lang, LEVEL_WORDS[level])


def severity_word(lang: Lang, severity: Severity) -> str:
    """`warning`, `varning`."""
    return _(lang, SEVERITY_WORDS[severity])


def principle_name(lang: Lang, principle: Principle) -> str:
    """`Open APIs`, `Öppna API:er`."""
    return _(lang, PRINCIPLE_NAMES[principle])


def kind_name(lang: Lang, kind: ReportKind) -> str:
    """`Vendor answers`, `Leverantörssvar`."""
    return _(lang, KIND_NAMES[kind])


def version_word(lang: Lang, version: str) -> str:
    """A requirement set's version as shown: `2026.1`, or `unversioned` (`utan version`) for a
    set without one (its version is the empty string)."""
    return version.strip() or _(lang, "unversioned")


def outcome_count(lang: Lang, outcome: Outcome, count: int) -> str:
    """`2 not met`: the outcome with its count, agreeing in number (`2 ej uppfyllda`)."""
    forms: dict[Outcome, str] = {
        "met": ngettext(lang, "{count} met", "{count} met", count),
        "not_met": ngettext(lang, "{count} not met", "{count} not met", count),
        "not_verified": ngettext(lang, "{count} not verified", "{count} not verified", count),
        "not_applicable": ngettext(lang, "{count} not applicable", "{count} not applicable", count),
    }
    return forms[outcome].format(count=count)
