"""Checks on a requirement set itself, run by `proccheck sets validate`."""

from __future__ import annotations

from collections.abc import Iterator

from proccheck.checks import Context, all_checks, register
from proccheck.i18n import NC_, _, pgettext
from proccheck.model import Finding, Lang, Location, RequirementSet
from proccheck.regexsafety import cue_problem
from proccheck.vocabulary import language_name

FIELDS = (NC_("requirement field", "title"), NC_("requirement field", "text"))
"""The requirement fields a set must give in both languages (msgctxt "requirement field")."""


def _location(path: str) -> Location:
    return Location(path=path or "<unknown>", line=1)


@register(
    "RS001",
    "requirement-translation-missing",
    title_en="Requirement text missing in Swedish or English",
    title_sv="Kravtext saknas på svenska eller engelska",
    kind="set",
    severity="warning",
)
def translation_missing(requirement_set: RequirementSet, ctx: Context) -> Iterator[Finding]:
    """Reports a requirement whose title or text is missing in Swedish or English.

    What it checks
    Every requirement of the resolved set has a title and a requirement text in both Swedish (`sv`)
    and English (`en`). A title or text written as one plain string is used for both languages
    and noted (severity note), since the other language then shows the same words.

    Why it matters
    Swedish tenders are published in Swedish, while EU-wide tenders and foreign vendors need
    English. Reports show the requirement text in the reader's language; a missing translation
    means a report that mixes languages or shows an empty text.

    How to comply
    Give `title` and `text` both an `sv` and an `en` entry. When only one language is relevant,
    write the other anyway: it is shown whenever a report is made in that language. A plain
    string (`title: Loggar`) is fine for a set used in one language only: it counts as written
    in the set's `lang` and is shown in both.

    References
    - Upphandlingsmyndigheten: guidance on writing requirements (kravformulering).
    """
    for requirement in requirement_set.requirements:
        for field in FIELDS:
            text = getattr(requirement, field)
            field_name = pgettext(ctx.lang, "requirement field", field)
            written_in = requirement.one_language.get(field)
            if written_in is not None:
                yield translation_missing.finding(
                    requirement=requirement.id,
                    severity="note",
                    outcome="met",
                    message=_(
                        ctx.lang,
                        "{requirement}: {field} is given in {language} only and used for both "
                        "languages",
                        requirement=requirement.id,
                        field=field_name,
                        language=language_name(ctx.lang, written_in),
                    ),
                    location=_location(
                        requirement.changed_in[-1]
                        if requirement.changed_in
                        else requirement.defined_in
                    ),
                    evidence=text.get(ctx.lang) or None,
                    fix=_(
                        ctx.lang,
                        "Write the {field} as {{sv: …, en: …}} if the set is also used in {language}.",
                        field=field_name,
                        language=language_name(ctx.lang, "en" if written_in == "sv" else "sv"),
                    ),
                )
                continue
            langs: tuple[Lang, ...] = ("sv", "en")
            missing = [lang for lang in langs if not getattr(text, lang).strip()]
            if not missing:
                continue
            names = ", ".join(language_name(ctx.lang, lang) for lang in missing)
            yield translation_missing.finding(
                requirement=requirement.id,
                severity="warning",
                outcome="not_verified",
                message=_(
                    ctx.lang,
                    "{requirement}: {field} is missing in {missing}",
                    requirement=requirement.id,
                    field=field_name,
                    missing=names,
                ),
                location=_location(
                    requirement.changed_in[-1] if requirement.changed_in else requirement.defined_in
                ),
                evidence=text.get(ctx.lang) or None,
                fix=_(
                    ctx.lang,
                    "Write the {field} in both Swedish (sv) and English (en).",
                    field=field_name,
                ),
            )


@register(
    "RS002",
    "requirement-cues-missing",
    title_en="Requirement has no detection cues",
    title_sv="Krav saknar igenkänningsord",
    kind="set",
    severity="warning",
)
def cues_missing(requirement_set: RequirementSet, ctx: Context) -> Iterator[Finding]:
    """Reports a requirement that `spec check` could find only by an explicit reference.

    What it checks
    Every requirement has detection cues (`cues`) in at least one language, and every cue is a
    valid regular expression that cannot backtrack catastrophically (no nested unbounded
    repetition such as `(a+)+`, no overlapping alternatives inside a repetition such as
    `(a|aa)+`); such cues are never run.

    Why it matters
    `proccheck spec check` decides whether a tender specification contains a requirement by
    explicit reference or by meaning. Without cues, a specification that words the requirement in
    its own way is reported as missing it; an invalid cue cannot match anything.

    How to comply
    Add `cues` with groups of terms in Swedish (`sv`) and English (`en`); a sentence that contains
    a term from every group is a match. Terms are regular expressions, matched case-insensitively.

    References
    - Python `re` syntax: https://docs.python.org/3/library/re.html
    """
    for requirement in requirement_set.requirements:
        location = _location(requirement.defined_in)
        groups = [*requirement.cues.sv, *requirement.cues.en]
        if not groups:
            yield cues_missing.finding(
                requirement=requirement.id,
                severity="warning",
                outcome="not_verified",
                message=_(
                    ctx.lang,
                    "{requirement}: has no detection cues; it is found only by explicit reference",
                    requirement=requirement.id,
                ),
                location=location,
                fix=_(ctx.lang, "Add cues with term groups in Swedish and English."),
            )
            continue
        for group in groups:
            for cue in group:
                problem = cue_problem(cue, compiled=True)
                if problem is None:
                    continue
                yield cues_missing.finding(
                    requirement=requirement.id,
                    severity="error",
                    outcome="not_met",
                    message=_(
                        ctx.lang,
                        "{requirement}: cue {cue!r} cannot be used ({error})",
                        requirement=requirement.id,
                        cue=cue,
                        error=problem,
                    ),
                    location=location,
                    evidence=cue,
                    fix=_(
                        ctx.lang,
                        "Fix the expression, avoid nested repetition, or write the term without special characters.",
                    ),
                )


@register(
    "RS003",
    "unknown-check-referenced",
    title_en="Requirement refers to an unknown check",
    title_sv="Krav hänvisar till okänd kontroll",
    kind="set",
    severity="error",
)
def unknown_check(requirement_set: RequirementSet, ctx: Context) -> Iterator[Finding]:
    """Reports a requirement whose `verification.checks` names a check that does not exist.

    What it checks
    Every code in a requirement's `verification.checks` is a check that proccheck has.

    Why it matters
    A misspelt check code means the requirement is never verified automatically, while the set
    looks as if it were.

    How to comply
    Use codes listed by `proccheck checks list`, or remove the entry.

    References
    - `proccheck checks list` and `proccheck checks explain CODE`.
    """
    known = all_checks()
    for requirement in requirement_set.requirements:
        for code in requirement.verification.checks:
            if code not in known:
                yield unknown_check.finding(
                    requirement=requirement.id,
                    severity="error",
                    outcome="not_met",
                    message=_(
                        ctx.lang,
                        "{requirement}: refers to unknown check {check}",
                        requirement=requirement.id,
                        check=code,
                    ),
                    location=_location(requirement.defined_in),
                    evidence=code,
                    fix=_(ctx.lang, "Use a code from `proccheck checks list`."),
                )
