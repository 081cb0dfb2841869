"""`proccheck probe`: how open is a vendor's API, judged from its OpenAPI description.

`probe_source` reads one description (file, `-` for stdin, or an http(s) URL fetched through the
guarded fetcher), runs every probe check once over a shared index, and returns a Report with one
result per requirement of the set that a probe check verifies. Requirements no probe check
verifies are left out of the report: the probe has nothing to say about them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from proccheck import limits
from proccheck.checks import Context, all_checks
from proccheck.engine import OUTCOME_RANK, SEVERITY_RANK, make_report
from proccheck.i18n import t
from proccheck.loaders.structured import decode_text, read_text

if TYPE_CHECKING:
    from proccheck.probe.cache import CacheMode
    from proccheck.probe.schema_validation import SchemaValidation

from proccheck.model import (
    Finding,
    Lang,
    Outcome,
    Report,
    Requirement,
    RequirementResult,
    RequirementSet,
    Subject,
)
from proccheck.probe.analysis import Analysis, Dimension, analyse
from proccheck.probe.openapi import ApiIndex, RemoteLoader, build_index

__all__ = [
    "Probed",
    "ReconciliationRow",
    "analyse_source",
    "load_source",
    "probe_detailed",
    "probe_index",
    "probe_index_detailed",
    "probe_source",
]

DIMENSION_OF = {
    "OA002": "export",
    "OA003": "export",
    "OA004": "export",
    "OA005": "import",
    "OA006": "formats",
    "OA007": "auth",
    "OA008": "docs",
    "OA009": "versioning",
    "OA010": "errors",
    "OA011": "transport",
    "OA012": "terms",
    "OA013": "terms",
    "OA014": "auth",
}


def is_url(source: str) -> bool:
    """Whether a probe source is meant as a URL rather than a file path."""
    return "://" in source[:12]


def load_source(
    source: str,
    *,
    allow_private: bool = False,
    stdin_text: str | None = None,
    cache: CacheMode = "use",
    allow_remote_refs: bool = False,
) -> tuple[ApiIndex, str | None]:
    """Read and index a description; returns the index and the URL it came from (or None).

    Nothing is fetched unless `source` is a URL, or `allow_remote_refs` is set and the description
    refers to other documents. Raises InputError/ProbeError for anything unreadable: a missing
    file, a refused or failed fetch, bad YAML/JSON, or a document that is not OpenAPI 2.0/3.0/3.1.
    """
    url: str | None = None
    if source == "-":
        display = "<stdin>"
        if stdin_text is None:
            raw = sys.stdin.buffer.read(limits.MAX_INPUT_BYTES + 1)
            stdin_text = decode_text(raw, display)
        text = stdin_text
    elif is_url(source):
        from proccheck.probe.cache import fetch_cached  # requests is slow to import

        display = source
        fetched = fetch_cached(source, allow_private=allow_private, mode=cache)
        text = decode_text(fetched.content, source)
        url = fetched.final_url
    else:
        display = source
        text = read_text(Path(source), source)
    remote = _remote_loader(allow_private, cache) if allow_remote_refs else None
    return build_index(text, display, base_url=url, remote=remote), url


def _remote_loader(allow_private: bool, cache: CacheMode) -> RemoteLoader:
    """Fetch and parse remote `$ref` documents through the guarded fetcher, within one budget.

    Every document goes through the same guard as the description (schemes, private addresses,
    redirects, size cap); together they may not exceed the size cap or the fetch deadline.
    """
    import time

    from proccheck.errors import ProbeError
    from proccheck.loaders.structured import load_text
    from proccheck.probe.cache import fetch_cached
    from proccheck.probe.fetch import FetchLimits

    budget = FetchLimits()
    started = time.monotonic()
    used = [0]

    def load(document: str) -> object:
        remaining = budget.deadline - (time.monotonic() - started)
        left = budget.max_bytes - used[0]
        if remaining <= 0:
            raise ProbeError("remote documents took longer than the fetch deadline", path=document)
        if left <= 0:
            raise ProbeError("remote documents exceed the size limit together", path=document)
        bounds = replace(budget, deadline=remaining, max_bytes=left)
        fetched = fetch_cached(document, allow_private=allow_private, mode=cache, bounds=bounds)
        used[0] += len(fetched.content)
        text = decode_text(fetched.content, document)
        json_shaped = text.lstrip()[:1] in "{["
        return load_text(text, document, typed=True, lines=False, prefer_json=json_shaped).data

    return load


def analyse_source(
    source: str,
    *,
    allow_private: bool = False,
    stdin_text: str | None = None,
    cache: CacheMode = "use",
    allow_remote_refs: bool = False,
) -> tuple[ApiIndex, Analysis]:
    """The index and the measurements (dimension scores with their counts) of one description."""
    index, url = load_source(
        source,
        allow_private=allow_private,
        stdin_text=stdin_text,
        cache=cache,
        allow_remote_refs=allow_remote_refs,
    )
    return index, analyse(index, url)


def probe_source(
    source: str,
    requirement_set: RequirementSet,
    lang: Lang,
    *,
    allow_private: bool = False,
    stdin_text: str | None = None,
    cache: CacheMode = "use",
    allow_remote_refs: bool = False,
    validate_schema: bool = False,
) -> Report:
    """Probe one API description (file path, `-` for stdin, or http(s) URL) against a set."""
    return probe_detailed(
        source,
        requirement_set,
        lang,
        allow_private=allow_private,
        stdin_text=stdin_text,
        cache=cache,
        allow_remote_refs=allow_remote_refs,
        validate_schema=validate_schema,
    ).report


def probe_detailed(
    source: str,
    requirement_set: RequirementSet,
    lang: Lang,
    *,
    allow_private: bool = False,
    stdin_text: str | None = None,
    cache: CacheMode = "use",
    allow_remote_refs: bool = False,
    validate_schema: bool = False,
) -> Probed:
    """`probe_source` plus the per-requirement reconciliation rows (with evidence locations)."""
    index, url = load_source(
        source,
        allow_private=allow_private,
        stdin_text=stdin_text,
        cache=cache,
        allow_remote_refs=allow_remote_refs,
    )
    public = url is not None and not allow_private
    return probe_index_detailed(
        index,
        requirement_set,
        lang,
        base_url=url,
        public_source=public,
        validate_schema=validate_schema,
    )


@dataclass(frozen=True)
class ReconciliationRow:
    """One row of the reconciliation sheet: a requirement, its verdict and the evidence."""

    requirement: str
    level: str
    text: str
    outcome: Outcome
    reason: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Probed:
    """A probe report plus a reconciliation row for every requirement of the set."""

    report: Report
    rows: tuple[ReconciliationRow, ...]
    schema_validation: SchemaValidation | None = None  # with validate_schema: counts and time


def probe_index(
    index: ApiIndex,
    requirement_set: RequirementSet,
    lang: Lang,
    *,
    base_url: str | None = None,
    public_source: bool = False,
    validate_schema: bool = False,
) -> Report:
    """Run every probe check over an index and build the report."""
    return probe_index_detailed(
        index,
        requirement_set,
        lang,
        base_url=base_url,
        public_source=public_source,
        validate_schema=validate_schema,
    ).report


def probe_index_detailed(
    index: ApiIndex,
    requirement_set: RequirementSet,
    lang: Lang,
    *,
    base_url: str | None = None,
    public_source: bool = False,
    validate_schema: bool = False,
) -> Probed:
    """Run every probe check over an index; the report and the reconciliation rows.

    `validate_schema` also validates the whole description against the official OpenAPI JSON
    Schema (check OA015; off by default for its cost, which `Probed.schema_validation` reports).

    A requirement of the built-in DIGG profile is judged by its own evaluator where the
    description can show it (see `proccheck.probe.profile`), else by its probe checks, else it is
    not verified. Requirements of other sets without a probe check are left out of the report.
    """
    from proccheck.checks.probe_checks import CEILING, PUBLIC_SOURCE_ONLY
    from proccheck.probe import profile

    ctx = Context(lang=lang, options={"base_url": base_url, "validate_schema": validate_schema})
    checks = {code: c for code, c in all_checks().items() if c.kind == "probe"}
    analysis = analyse(index, base_url)
    owner: dict[str, str] = {}
    for requirement in requirement_set.requirements:
        for code in requirement.verification.checks:
            owner.setdefault(code, requirement.id)
    by_check: dict[str, list[Finding]] = {}
    for code, check in checks.items():
        found = [
            f.model_copy(update={"requirement": owner.get(code)}) for f in check.func(index, ctx)
        ]
        by_check[code] = found

    def ceiling(code: str) -> Outcome:
        if code in PUBLIC_SOURCE_ONLY and not public_source:
            return "not_verified"
        return CEILING.get(code, "met")

    profile_ctx = profile.Ctx(index, analysis, lang, public_source)
    results: list[RequirementResult] = []
    rows: list[ReconciliationRow] = []
    for requirement in requirement_set.requirements:
        codes = [c for c in requirement.verification.checks if c in checks]
        verdict = profile.evaluate(requirement, profile_ctx)
        evidence: tuple[str, ...]
        if verdict is not None:
            result = _as_result(requirement, lang, verdict.outcome, verdict.reason)
            evidence = verdict.evidence
        elif codes:
            result = _result(requirement, codes, by_check, analysis, index, lang, ceiling)
            evidence = _finding_places(codes, by_check, result.outcome)
        else:
            result = _as_result(requirement, lang, "not_verified", profile.cannot_show(lang))
            evidence = ()
        if verdict is not None or codes or profile.applies(requirement):
            results.append(result)
        rows.append(
            ReconciliationRow(
                requirement=requirement.id,
                level=requirement.level,
                text=requirement.text.get(lang),
                outcome=result.outcome,
                reason=result.reason,
                evidence=evidence,
            )
        )
    info = index.info
    title = str(info.get("title") or index.display)
    report = make_report(
        kind="probe",
        subject=Subject(
            path=index.display,
            name=t(
                lang,
                "probe.subject",
                title=title,
                version=str(info.get("version", "")),
                openapi=index.declared_version,
                operations=len(index.operations),
            ),
        ),
        requirement_set=requirement_set,
        results=results,
        findings=[f for found in by_check.values() for f in found],
        lang=lang,
        score=analysis.overall,
    )
    validation = None
    if validate_schema:
        from proccheck.probe.schema_validation import validate_structure

        validation = validate_structure(index)  # memoised: already run by OA015
    return Probed(report=report, rows=tuple(rows), schema_validation=validation)


def _as_result(
    requirement: Requirement, lang: Lang, outcome: Outcome, reason: str
) -> RequirementResult:
    return RequirementResult(
        requirement=requirement.id,
        level=requirement.level,
        principle=requirement.principle,
        title=requirement.title.get(lang),
        outcome=outcome,
        reason=reason,
        references=requirement.references,
    )


def _finding_places(
    codes: list[str], by_check: dict[str, list[Finding]], outcome: Outcome
) -> tuple[str, ...]:
    """Where the findings behind a check-based verdict point (the worst ones first)."""
    if outcome == "met":
        return ()
    places = [
        f.location.describe()
        for code in codes
        for f in sorted(by_check.get(code, []), key=lambda f: OUTCOME_RANK[f.outcome])
    ]
    return tuple(dict.fromkeys(places))[:5]


def _summary(codes: Iterable[str], analysis: Analysis, index: ApiIndex, lang: Lang) -> str:
    parts: list[str] = []
    for code in codes:
        dimension = DIMENSION_OF.get(code)
        if dimension is None:
            text = t(
                lang,
                "probe.subject",
                title=str(index.info.get("title", "")),
                version=str(index.info.get("version", "")),
                openapi=index.declared_version,
                operations=len(index.operations),
            )
        else:
            text = describe_dimension(dimension, analysis.dimensions[dimension], lang)
        if text not in parts:
            parts.append(text)
    return "; ".join(parts)


def describe_dimension(name: str, dimension: Dimension, lang: Lang) -> str:
    """`export 67/100 (resource_types=6, exportable=4, …)` in `lang`."""
    counts = ", ".join(f"{k}={v}" for k, v in dimension.counts.items())
    return t(
        lang,
        "probe.summary",
        dimension=t(lang, f"probe.dimension.{name}"),
        score=dimension.score,
        counts=counts,
    )


def _result(
    requirement: Requirement,
    codes: list[str],
    by_check: dict[str, list[Finding]],
    analysis: Analysis,
    index: ApiIndex,
    lang: Lang,
    ceiling: Callable[[str], Outcome],
) -> RequirementResult:
    findings = sorted(
        (f for code in codes for f in by_check.get(code, [])),
        key=lambda f: (OUTCOME_RANK[f.outcome], SEVERITY_RANK[f.severity]),
    )
    cap: Outcome = min((ceiling(code) for code in codes), key=lambda o: OUTCOME_RANK[o])
    more = f" (+{len(findings) - 1})" if len(findings) > 1 else ""
    if findings and OUTCOME_RANK[findings[0].outcome] < OUTCOME_RANK[cap]:
        outcome: Outcome = findings[0].outcome
        reason = findings[0].message + more
    elif cap == "met":
        outcome, reason = cap, _summary(codes, analysis, index, lang)
    else:
        outcome = cap
        summary = findings[0].message + more if findings else _summary(codes, analysis, index, lang)
        public_only = all(ceiling(c) == "met" or c in ("OA001", "OA008") for c in codes)
        why = t(lang, "probe.why.not_public" if public_only else "probe.why.cannot_show")
        reason = t(lang, "probe.reason.ceiling", summary=summary, why=why)
    return RequirementResult(
        requirement=requirement.id,
        level=requirement.level,
        principle=requirement.principle,
        title=requirement.title.get(lang),
        outcome=outcome,
        reason=reason,
        references=requirement.references,
    )
