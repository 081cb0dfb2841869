"""The words for the model's enumerations (outcomes, levels, severities, principles, kinds of
report), so that every formatter and command names them alike and through the catalogue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from proccheck.i18n import N_, NC_, _, ngettext, pgettext

if TYPE_CHECKING:
    from proccheck.model import Lang, Level, Outcome, Principle, ReportKind, SetAsideWhy, Severity

OUTCOME_WORDS: dict[Outcome, str] = {
    "met": N_("met"),
    "not_met": N_("not met"),
    "not_verified": N_("not verified"),
    "not_applicable": N_("not applicable"),
}
LEVEL_WORDS: dict[Level, str] = {"must": N_("must"), "should": N_("should")}
SET_ASIDE_WORDS: dict[SetAsideWhy, str] = {
    "ignored": N_("ignored for the file (per-file-ignores)"),
    "suppressed": N_("suppressed by a comment"),
    "baseline": N_("in the baseline"),
    "accepted": N_("accepted by a decision"),
}


def set_aside_word(lang: Lang, why: SetAsideWhy) -> str:
    """Why a finding was set aside, in words (`in the baseline`)."""
    return _(lang, SET_ASIDE_WORDS[why])


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


DIMENSION_NAMES: dict[str, str] = {
    "auth": N_("authentication"),
    "formats": N_("formats"),
    "export": N_("export"),
    "import": N_("import"),
    "docs": N_("documentation"),
    "versioning": N_("versioning"),
    "errors": N_("error format"),
    "transport": N_("transport"),
    "terms": N_("terms"),
}
"""The probe's score dimensions as named in reasons and reports."""
_COUNT_CONTEXT = "dimension count"
COUNT_LABELS: dict[str, str] = {
    "resource_types": NC_("dimension count", "resource types"),
    "exportable": NC_("dimension count", "exportable"),
    "paginated": NC_("dimension count", "paginated"),
    "changed_since": NC_("dimension count", "with changes-since filter"),
    "bulk_export": NC_("dimension count", "bulk export"),
    "writable": NC_("dimension count", "writable"),
    "bulk_import": NC_("dimension count", "bulk import"),
    "lists_within_one_item": NC_("dimension count", "lists within one item"),
    "media_types": NC_("dimension count", "media types"),
    "open": NC_("dimension count", "open"),
    "vendor": NC_("dimension count", "vendor-specific"),
    "opaque": NC_("dimension count", "opaque"),
    "schemes": NC_("dimension count", "schemes"),
    "standard": NC_("dimension count", "standard"),
    "weak": NC_("dimension count", "weak"),
    "undeclared_auth_parameters": NC_("dimension count", "undeclared auth parameters"),
    "operations_without_security": NC_("dimension count", "operations without security"),
    "operations_pct": NC_("dimension count", "operations described"),
    "parameters_pct": NC_("dimension count", "parameters described"),
    "responses_pct": NC_("dimension count", "responses described"),
    "schemas_pct": NC_("dimension count", "schemas described"),
    "examples_pct": NC_("dimension count", "operations with examples"),
    "contact": NC_("dimension count", "contact"),
    "docs_link": NC_("dimension count", "documentation link"),
    "strategy": NC_("dimension count", "strategy"),
    "semantic_version": NC_("dimension count", "semantic version"),
    "deprecated_operations": NC_("dimension count", "deprecated operations"),
    "operations": NC_("dimension count", "operations"),
    "with_error_responses": NC_("dimension count", "with error responses"),
    "with_problem_details": NC_("dimension count", "with problem details"),
    "https": NC_("dimension count", "HTTPS addresses"),
    "http": NC_("dimension count", "HTTP addresses"),
    "local": NC_("dimension count", "local addresses"),
    "relative": NC_("dimension count", "relative addresses"),
    "licence": NC_("dimension count", "licence"),
    "terms_of_service": NC_("dimension count", "terms of service"),
    "rate_limits": NC_("dimension count", "rate-limit evidence"),
}
"""The readable names of the counts behind a dimension's score; a count not listed here is
shown by its key with spaces for underscores."""
_YES_NO_COUNTS = frozenset({"contact", "docs_link", "semantic_version", "terms_of_service"})
"""Counts that are 0 or 1 for absent or present, shown as no or yes."""
LIST_COUNTS = {
    "types_counted": NC_("dimension count", "resource types counted"),
    "types_left_out": NC_("dimension count", "schemas not counted as resource types"),
}
"""Counts that are lists of names (the export dimension's resource types, and the schemas left
out with why): too long for a table cell, so formatters show them on lines of their own."""


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


def dimension_name(lang: Lang, dimension: str) -> str:
    """`authentication`, `autentisering`: a probe score dimension (its key when unknown)."""
    msgid = DIMENSION_NAMES.get(dimension)
    return _(lang, msgid) if msgid else dimension.replace("_", " ")


def count_words(lang: Lang, counts: dict[str, int | str]) -> str:
    """`resource types 6, exportable 4, contact yes`: the counts behind a dimension's score
    in words, in their order."""
    parts = []
    for key, value in counts.items():
        if key in LIST_COUNTS:
            continue
        msgid = COUNT_LABELS.get(key)
        label = pgettext(lang, _COUNT_CONTEXT, msgid) if msgid else key.replace("_", " ")
        if key in _YES_NO_COUNTS and value in (0, 1):
            shown = _(lang, "yes") if value else _(lang, "no")
        elif key.endswith("_pct") and isinstance(value, int):
            # Translators: a share in percent; Swedish puts a no-break space before the sign.
            shown = pgettext(lang, "dimension count", "{pct}%", pct=value)
        elif value == "none":
            shown = pgettext(lang, "dimension count", "none")
        else:
            shown = str(value).replace(",", " + ") if key == "strategy" else str(value)
        parts.append(f"{label} {shown}")
    return ", ".join(parts)


def list_counts(lang: Lang, counts: dict[str, int | str]) -> list[tuple[str, str]]:
    """`(resource types counted, Case, Note)`: a dimension's lists of names, labelled."""
    return [
        (
            pgettext(lang, _COUNT_CONTEXT, msgid),
            pgettext(lang, "dimension count", "none")
            if counts[key] == "none"
            else str(counts[key]),
        )
        for key, msgid in LIST_COUNTS.items()
        if key in counts
    ]


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
