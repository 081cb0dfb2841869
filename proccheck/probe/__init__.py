"""`proccheck probe`: how open is a vendor's API, judged from its OpenAPI description.

`probe_source` reads one description (file, `-` for stdin, or an http(s) URL fetched through the
guarded fetcher), runs every probe check once over a shared index, and returns a Report with one
result per requirement of the set that a probe check verifies. Requirements no probe check
verifies are left out of the report: the probe has nothing to say about them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from proccheck import limits
from proccheck.i18n import N_, _, ngettext
from proccheck.loaders.structured import decode_text, read_text
from proccheck.model import (
    Lang,
    Level,
    Outcome,
    Report,
    Requirement,
    RequirementSet,
    Subject,
)

if TYPE_CHECKING:
    from proccheck.checks import Check
    from proccheck.checks.api_analysis import Analysis, Dimension
    from proccheck.probe.cache import CacheMode
    from proccheck.probe.schema_validation import SchemaValidation

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


DIMENSION_NAMES = {
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
"""The probe's score dimensions as named in reasons."""


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
    from proccheck.checks.api_analysis import analyse

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
    level: Level
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
    A requirement is judged by the rule check it lists (DIGG's profile), else by its probe
    checks; requirements that list no probe check are left out of the report.
    """
    from proccheck.checks.probe_checks import context
    from proccheck.checks.rest_profile import cannot_show
    from proccheck.engine import evaluate

    ctx = context(
        index,
        requirement_set,
        lang,
        base_url=base_url,
        public_source=public_source,
        validate_schema=validate_schema,
    )
    subject_line = ngettext(
        lang,
        "{title} {version} (OpenAPI {openapi}, {operations} operation)",
        "{title} {version} (OpenAPI {openapi}, {operations} operations)",
        len(index.operations),
        title=str(index.info.get("title") or index.display),
        version=str(index.info.get("version", "")),
        openapi=index.declared_version,
        operations=len(index.operations),
    )

    def measured(requirement: Requirement, checks: list[Check]) -> str:
        """The measurements behind a met verdict: each dimension its checks belong to."""
        parts: list[str] = []
        for check in checks:
            if check.dimension is None:
                text = subject_line
            else:
                dimension = ctx.analysis.dimensions[check.dimension]
                text = describe_dimension(check.dimension, dimension, lang)
            if text not in parts:
                parts.append(text)
        return "; ".join(parts)

    report, evidence = evaluate(
        "probe",
        index,
        ctx,
        subject=Subject(path=index.display, name=subject_line),
        met_reason=measured,
        listed_only=True,
        score=ctx.analysis.overall,
    )
    results = {r.requirement: r for r in report.results}
    rows = []
    for requirement in requirement_set.requirements:
        result = results.get(requirement.id)
        rows.append(
            ReconciliationRow(
                requirement=requirement.id,
                level=requirement.level,
                text=requirement.text.get(lang),
                outcome=result.outcome if result else "not_verified",
                reason=result.reason if result else cannot_show(lang),
                evidence=evidence.get(requirement.id, ()),
            )
        )
    return Probed(report=report, rows=tuple(rows), schema_validation=ctx.schema_validation)


def describe_dimension(name: str, dimension: Dimension, lang: Lang) -> str:
    """`export 67/100 (resource_types=6, exportable=4, …)` in `lang`."""
    counts = ", ".join(f"{k}={v}" for k, v in dimension.counts.items())
    return _(
        lang,
        "{dimension} {score}/100 ({counts})",
        dimension=_(lang, DIMENSION_NAMES[name]),
        score=dimension.score,
        counts=counts,
    )
