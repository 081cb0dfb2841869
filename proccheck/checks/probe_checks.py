"""Checks on an API description (`proccheck probe`): how open is the vendor's API, really?

Every check reads the shared index and analysis (parsed and measured once) and yields findings
aggregated per problem, with a count and a few example locations, so a 1,000-operation API gives
a readable report instead of thousands of lines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from proccheck.checks import Check, Context, MetReason, register
from proccheck.checks.api_analysis import (
    Analysis,
    Dimension,
    Resource,
    analyse,
    dry_run,
    etag_unknown,
    fixed_address,
    limits,
    not_production,
    only_errors,
    opaque_body,
    structured_media,
    vendor_body,
    writes_nothing,
)
from proccheck.i18n import N_, _, ngettext
from proccheck.loaders.openapi import ApiIndex, Operation, RefProblem
from proccheck.model import (
    Finding,
    Lang,
    Location,
    Outcome,
    Requirement,
    RequirementSet,
    Severity,
)
from proccheck.vocabulary import DIMENSION_NAMES

if TYPE_CHECKING:  # the full schema validation is imported only when it is asked for
    from proccheck.checks.schema_validation import SchemaValidation

EXAMPLES = 5
DOC_THRESHOLDS = {
    "operations": 90,
    "parameters": 80,
    "responses": 90,
    "schemas": 50,
    "examples": 50,
}


@dataclass(frozen=True, kw_only=True)
class ProbeContext(Context):
    """A probe check's context: the description's measurements, made once before the checks
    run, and whether full schema validation was asked for (it costs seconds)."""

    analysis: Analysis
    schema_validation: SchemaValidation | None = None
    """With `--validate-schema`: the full validation against the official OpenAPI schema."""


def context(
    index: ApiIndex,
    requirement_set: RequirementSet,
    lang: Lang,
    *,
    base_url: str | None = None,
    public_source: bool = False,
    validate_schema: bool = False,
) -> ProbeContext:
    """The context every probe check of one description is handed."""
    analysis = analyse(index, base_url)
    export = analysis.dimensions["export"].counts
    if analysis.left_out:  # the reasons in the report's language
        export["types_left_out"] = ", ".join(
            f"{name} ({why})" for name, why in _left_out_items(analysis, lang)
        )
    validation = None
    if validate_schema:
        from proccheck.checks.schema_validation import validate_structure

        validation = validate_structure(index)
    return ProbeContext(
        lang=lang,
        requirement_set=requirement_set,
        public_source=public_source,
        analysis=analysis,
        schema_validation=validation,
    )


DOC_MESSAGES = {
    "operations": (
        N_("{pct}% of operations are described ({described} of {total}; target {threshold}%)"),
        N_("Give every operation a summary and a description."),
    ),
    "parameters": (
        N_("{pct}% of parameters are described ({described} of {total}; target {threshold}%)"),
        N_("Describe every parameter: meaning, format and allowed values."),
    ),
    "responses": (
        N_("{pct}% of responses are described ({described} of {total}; target {threshold}%)"),
        N_("Describe what each response means and when it is given."),
    ),
    "schemas": (
        N_("{pct}% of named schemas are described ({described} of {total}; target {threshold}%)"),
        N_("Give every schema a description or a title."),
    ),
    "examples": (
        N_("{pct}% of operations have examples ({described} of {total}; target {threshold}%)"),
        N_("Add request and response examples (example/examples)."),
    ),
}
"""Per documentation aspect that falls under its threshold: the message and the fix."""

COVERAGE_THRESHOLDS = {
    "export": 90,
    "write": 50,
    "pagination": 90,
    "changes": 90,
    "errors": 90,
}
"""How much of a measure must be covered, in percent (`proccheck checks explain OA002`…).
Everything covered: met. Below 100 % but at or above the threshold: not verified, the reason
naming what is left for a reviewer to read by hand. Below the threshold: not met."""


def coverage(part: int, total: int, measure: str, *, doubtful: bool = False) -> Outcome:
    """The outcome of `part` of `total` covered, against the measure's threshold; `doubtful`:
    the only one left out is a reading the model may get wrong (a type written but never read,
    such as a PATCH-only status), which must not fail a must-requirement on its own."""
    if part >= total:
        return "met"
    near = 100 * part >= COVERAGE_THRESHOLDS[measure] * total
    return "not_verified" if near or (doubtful and part and total - part == 1) else "not_met"


COVERAGE_WORDS = {
    "export": N_("exportable: {pct} %, threshold {threshold} %"),
    "write": N_("writable: {pct} %, threshold {threshold} %"),
    "pagination": N_("paginated: {pct} %, threshold {threshold} %"),
    "changes": N_("filterable by change time: {pct} %, threshold {threshold} %"),
    "errors": N_("with problem details: {pct} %, threshold {threshold} %"),
}


def _share(lang: Lang, part: int, total: int, measure: str) -> str:
    """` (exportable: 93 %, threshold 90 %)`: the share a coverage decision was made on."""
    text = _(
        lang,
        COVERAGE_WORDS[measure],
        pct=_pct(part, total),
        threshold=COVERAGE_THRESHOLDS[measure],
    )
    return f" ({text})"


def _threshold(lang: Lang, measure: str) -> str:
    """`; threshold 90 %`, after a met reason's share."""
    return "; " + _(lang, "threshold {threshold} %", threshold=COVERAGE_THRESHOLDS[measure])


def describe_subject(index: ApiIndex, lang: Lang) -> str:
    """`Title 1.0 (OpenAPI 3.0.3, 12 operations)`: what was probed."""
    return ngettext(
        lang,
        "{title} {version} (OpenAPI {openapi}, {operations} operation)",
        "{title} {version} (OpenAPI {openapi}, {operations} operations)",
        len(index.operations),
        title=str(index.info.get("title") or index.display),
        version=str(index.info.get("version", "")),
        openapi=index.declared_version,
        operations=len(index.operations),
    )


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


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


LEFT_OUT_REASONS = {
    "request-only": N_("request-only"),
    "form input": N_("form input"),
    "envelope": N_("envelope"),
    "paging object": N_("paging object"),
    "error body": N_("error body"),
    "enum": N_("enum"),
    "count": N_("counts only"),
    "link": N_("links only"),
    "input": N_("input to a type read or returned at the same path"),
    "service endpoint": N_("documentation, health or login endpoint"),
}
"""Why a named schema is not counted as a resource type, as named in reasons."""


def _left_out_items(analysis: Analysis, lang: Lang) -> list[tuple[str, str]]:
    return [(name, _(lang, LEFT_OUT_REASONS[why])) for name, why in analysis.left_out.items()]


def _describe_left_out(analysis: Analysis, lang: Lang) -> str:
    """`; 3 schemas not counted as resource types: A (form input), …` or nothing."""
    if not analysis.left_out:
        return ""
    return "; " + ngettext(
        lang,
        "{count} schema not counted as a resource type: {names}",
        "{count} schemas not counted as resource types: {names}",
        len(analysis.left_out),
        count=len(analysis.left_out),
        names=_names(lang, [f"{n} ({why})" for n, why in _left_out_items(analysis, lang)]),
    )


def _describe_set_apart(analysis: Analysis, lang: Lang) -> str:
    """`; 3 file content media types and 12 on error responses not counted` or nothing."""
    if not analysis.file_media and not analysis.error_media:
        return ""
    return "; " + _(
        lang,
        "not counted as data formats: {files} file content, {errors} on error responses",
        files=len(analysis.file_media),
        errors=analysis.error_media,
    )


def _describe_structured(analysis: Analysis, lang: Lang) -> str:
    """`; structured open formats: application/json, text/csv` or nothing."""
    found = _structured(analysis)
    if not found:
        return ""
    return "; " + _(lang, "structured open formats: {types}", types=_names(lang, found))


def _structured(analysis: Analysis) -> list[str]:
    """The open JSON, XML or CSV media types the API's data is offered in."""
    return sorted(
        {
            m.split(";")[0].strip().lower()
            for m, _unused in analysis.media["open"]
            if m.split(";")[0].strip().lower().endswith(("json", "xml", "csv"))
        }
    )


def _describe_service(analysis: Analysis, lang: Lang) -> str:
    """`; 1 documentation or health endpoint set apart (GET /api-docs)` or nothing."""
    if not analysis.service_ops:
        return ""
    return "; " + ngettext(
        lang,
        "{count} documentation or health endpoint set apart ({names})",
        "{count} documentation or health endpoints set apart ({names})",
        len(analysis.service_ops),
        count=len(analysis.service_ops),
        names=_names(lang, [f"{op.method.upper()} {op.path}" for op in analysis.service_ops], 3),
    )


def _top_lists(analysis: Analysis) -> list[Resource]:
    """The resource types listed by a collection GET, except lists bounded by one parent item
    (`/errands/{errandId}/notes`), which need neither paging nor a change filter. A list whose
    items describe no data (`Resource.hollow`) is still a list that must be paged."""
    return [
        r
        for r in analysis.resources.values()
        if (r.exportable or r.hollow) and r.array_collection and r.name not in analysis.nested_lists
    ]


def _describe_nested(analysis: Analysis, lang: Lang) -> str:
    """`; 6 lists within one item not counted (Note, …)` or nothing."""
    nested = [n for n in analysis.nested_lists if analysis.resources[n].array_collection]
    if not nested:
        return ""
    return "; " + ngettext(
        lang,
        "{count} list within one parent item not counted ({names})",
        "{count} lists within one parent item not counted ({names})",
        len(nested),
        count=len(nested),
        names=_names(lang, nested, 4),
    )


def describe_measure(code: str, index: ApiIndex, analysis: Analysis, lang: Lang) -> str | None:
    """The numbers a probe check decides on, in words (`14 of 15 resource types exportable
    (93 %)`); None for a check without such a measure."""
    resources = list(analysis.resources.values())
    if code == "OA002":
        exportable = sum(r.exportable for r in resources)
        return (
            ngettext(
                lang,
                "{part} of {total} resource type exportable ({pct} %)",
                "{part} of {total} resource types exportable ({pct} %)",
                len(resources),
                part=exportable,
                total=len(resources),
                pct=_pct(exportable, len(resources)),
            )
            + _threshold(lang, "export")
            + _describe_left_out(analysis, lang)
        )
    if code == "OA003":
        lists = _top_lists(analysis)
        paginated = sum(r.paginated for r in lists)
        changed = sum(r.changed_since for r in lists)
        text = ngettext(
            lang,
            "{paginated} of {total} collection paginated, {changed} filterable by change time",
            "{paginated} of {total} collections paginated, {changed} filterable by change time",
            len(lists),
            paginated=paginated,
            changed=changed,
            total=len(lists),
        ) + _share(lang, paginated, len(lists), "pagination")
        if analysis.notifications:
            text += "; " + ngettext(
                lang,
                "changes announced by {count} webhook, callback or subscription endpoint",
                "changes announced by {count} webhooks, callbacks or subscription endpoints",
                len(analysis.notifications),
                count=len(analysis.notifications),
            )
        return text + _describe_nested(analysis, lang)
    if code == "OA004":
        return ngettext(
            lang,
            "{count} webhook, callback or subscription endpoint described",
            "{count} webhooks, callbacks or subscription endpoints described",
            len(analysis.notifications),
            count=len(analysis.notifications),
        )
    if code == "OA005":
        writable = sum(bool(r.write_ops) for r in resources)
        return (
            ngettext(
                lang,
                "{part} of {total} resource type can be created or updated ({pct} %)",
                "{part} of {total} resource types can be created or updated ({pct} %)",
                len(resources),
                part=writable,
                total=len(resources),
                pct=_pct(writable, len(resources)),
            )
            + _threshold(lang, "write")
            + _describe_left_out(analysis, lang)
        )
    if code == "OA006":
        total = sum(len(v) for v in analysis.media.values())
        return (
            ngettext(
                lang,
                "{open} of {total} media type open, {vendor} vendor-specific, {opaque} opaque",
                "{open} of {total} media types open, {vendor} vendor-specific, {opaque} opaque",
                total,
                open=len(analysis.media["open"]),
                vendor=len(analysis.media["vendor"]),
                opaque=len(analysis.media["opaque"]),
                total=total,
            )
            + _describe_structured(analysis, lang)
            + _describe_set_apart(analysis, lang)
        )
    if code == "OA007":
        schemes = analysis.schemes
        return ngettext(
            lang,
            "{standard} of {total} security scheme standard ({names})",
            "{standard} of {total} security schemes standard ({names})",
            len(schemes),
            standard=sum(c == "standard" for c in schemes.values()),
            total=len(schemes),
            names=_names(lang, [analysis.scheme_labels[n].shown(lang) for n in schemes]),
        )
    if code == "OA008":
        docs = analysis.docs
        return _(
            lang,
            "described: {ops} of {ops_total} operations, {params} of {params_total} parameters, "
            "{responses} of {responses_total} responses, {schemas} of {schemas_total} schemas; "
            "examples for {examples} of {ops_total} operations",
            ops=docs["operations"][0],
            ops_total=docs["operations"][1],
            params=docs["parameters"][0],
            params_total=docs["parameters"][1],
            responses=docs["responses"][0],
            responses_total=docs["responses"][1],
            schemas=docs["schemas"][0],
            schemas_total=docs["schemas"][1],
            examples=docs["examples"][0],
        )
    if code == "OA009":
        return _(
            lang,
            "version visible in: {strategies}; info.version {version} is a semantic version",
            strategies=", ".join(analysis.versioning) or "-",
            version=str(index.info.get("version", "")),
        )
    if code == "OA012":
        return ngettext(
            lang,
            "{count} rate-limit indication (429 response, RateLimit header or text)",
            "{count} rate-limit indications (429 responses, RateLimit headers or text)",
            len(analysis.rate_limit_evidence),
            count=len(analysis.rate_limit_evidence),
        )
    if code == "OA013":
        return _(
            lang,
            "licence: {licence}; terms of service: {terms}",
            licence=analysis.licence,
            terms=analysis.terms,
        )
    if code == "OA014":
        return _(
            lang,
            "federated login declared: {names}",
            names=_names(lang, [analysis.scheme_labels[n].shown(lang) for n in analysis.federated]),
        )
    if code == "OA010":
        operations = len(index.operations) - len(analysis.service_ops)
        return (
            ngettext(
                lang,
                "{part} of {total} operation returns RFC 9457 problem details ({pct} %)",
                "{part} of {total} operations return RFC 9457 problem details ({pct} %)",
                operations,
                part=analysis.ops_with_problem,
                total=operations,
                pct=_pct(analysis.ops_with_problem, operations),
            )
            + _threshold(lang, "errors")
            + _describe_service(analysis, lang)
        )
    if code == "OA011":
        https, http = len(analysis.urls["https"]), len(analysis.urls["http"])
        return ngettext(
            lang,
            "{part} of {total} server or OAuth URL uses HTTPS",
            "{part} of {total} server or OAuth URLs use HTTPS",
            https + http,
            part=https,
            total=https + http,
        )
    return None


def measurements(index: ApiIndex, ctx: ProbeContext) -> MetReason:
    """What a met probe verdict rests on: the numbers each of its checks decided on, in words
    (the measured dimension for checks without such a measure, the description itself for
    checks without a dimension)."""

    def measured(requirement: Requirement, checks: list[Check]) -> str:
        parts: list[str] = []
        for check in checks:
            text = describe_measure(check.code, index, ctx.analysis, ctx.lang)
            if text is not None:
                pass
            elif check.dimension is None:
                text = describe_subject(index, ctx.lang)
            else:
                dimension = ctx.analysis.dimensions[check.dimension]
                text = describe_dimension(check.dimension, dimension, ctx.lang)
            if text not in parts:
                parts.append(text)
        return "; ".join(parts)

    return measured


def _names(lang: Lang, names: Sequence[str], limit: int = 8) -> str:
    """`A, B, C and 3 more`: a list kept short, saying how many were left unnamed."""
    shown = ", ".join(names[:limit])
    if len(names) <= limit:
        return shown
    return (
        shown
        + " "
        + ngettext(
            lang,
            "and {count} more",
            "and {count} more",
            len(names) - limit,
            count=len(names) - limit,
        )
    )


def _finding(
    check: Check,
    index: ApiIndex,
    ctx: ProbeContext,
    pointer: str | None,
    severity: Severity,
    outcome: Outcome,
    message: str,
    fix: str,
    *,
    evidence: str | None = None,
) -> Finding:
    """A probe finding located by JSON pointer (and the line it starts on)."""
    return check.finding(
        requirement=None,
        severity=severity,
        outcome=outcome,
        message=message,
        location=Location(
            path=index.display,
            pointer=pointer or None,
            line=index.line_of(pointer) if pointer else None,
        ),
        evidence=evidence,
        fix=fix,
    )


def _evidence(pairs: Sequence[tuple[str, str]]) -> str:
    return "; ".join(f"{a} ({b})" if b else a for a, b in pairs[:EXAMPLES])


@register(
    "OA001",
    "openapi-description-defective",
    title_en="API description is structurally defective or older than OpenAPI 3",
    title_sv="API-beskrivningen har strukturella fel eller är äldre än OpenAPI 3",
    kind="probe",
    severity="error",
    public_only=True,
)
def description_defective(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports an API description that tools cannot fully read.

    What it checks
    The description is OpenAPI 3.0 or later, has its required `info` and `paths` parts, declares
    operations, and every `$ref` resolves: no reference to a missing pointer, no reference loop,
    and no remote reference (followed only with `--allow-remote-refs`, through the same guarded
    fetcher, at most 20 documents; one that cannot be fetched stays a problem). Each kind of
    problem is reported once, with a count and a few example locations.

    Why it matters
    A buyer's integrations, code generators and test tools are built from the description. A
    broken reference or an outdated format means the description is not the usable,
    machine-readable contract the vendor claims it is.

    How to comply
    Publish an OpenAPI 3.0 or 3.1 description in which every `$ref` points at an existing part of
    the same document (bundle external files into one), without an NDA.

    References
    - OpenAPI Specification 3.1: https://spec.openapis.org/oas/v3.1.0
    - RFC 6901, JSON Pointer: https://www.rfc-editor.org/rfc/rfc6901
    """
    if index.version == "2.0":
        yield _finding(
            description_defective, index, ctx, "/swagger", "error", "not_met",
            _(
                ctx.lang,
                "The description is OpenAPI 2.0 (Swagger); OpenAPI 3.0 or later is required",
            ),
            _(ctx.lang, "Convert and publish the description as OpenAPI 3.0 or 3.1."),
            evidence=f"swagger: {index.declared_version}",
        )  # fmt: skip
    for pointer, problem in index.structure:
        yield _finding(
            description_defective, index, ctx, pointer, "error", "not_met",
            _(ctx.lang, "Structural problem in the description: {problem}", problem=problem),
            _(ctx.lang, "Complete the description as the OpenAPI Specification requires."),
        )  # fmt: skip
    if not index.operations:
        yield _finding(
            description_defective, index, ctx, "/paths", "error", "not_verified",
            _(ctx.lang, "The description declares no operations"),
            _(ctx.lang, "Describe the API's operations under `paths`."),
        )  # fmt: skip
    kinds: tuple[tuple[str, RefProblem, Outcome, Severity], ...] = (
        ("missing", index.missing_refs, "not_met", "error"),
        ("cyclic", index.cyclic_refs, "not_met", "error"),
        ("remote", index.remote_refs, "not_verified", "warning"),
    )
    for kind, refs, outcome, severity in kinds:
        if refs.count and kind == "remote" and index.remote_errors:
            document, why = index.remote_errors[0]
            yield _finding(
                description_defective, index, ctx, refs.examples[0][0], severity, outcome,
                ngettext(
                    ctx.lang,
                    "{count} $ref points at another document that could not be fetched ({why})",
                    "{count} $refs point at other documents that could not be fetched ({documents} in all: {why})",
                    refs.count,
                    count=refs.count,
                    documents=len(index.remote_errors),
                    why=document + ": " + why,
                ),
                _(ctx.lang, "Publish the description as one bundled file, or fix the addresses."),
                evidence=_evidence([(doc, reason) for doc, reason in index.remote_errors]),
            )  # fmt: skip
        elif refs.count:
            if kind == "missing":
                message = ngettext(
                    ctx.lang,
                    "{count} $ref points at a part that does not exist in the document",
                    "{count} $refs point at parts that do not exist in the document",
                    refs.count,
                    count=refs.count,
                )
                fix = _(
                    ctx.lang,
                    "Fix or remove the references so that every $ref points at an existing part.",
                )
            elif kind == "cyclic":
                message = ngettext(
                    ctx.lang,
                    "{count} $ref forms a reference loop that never reaches a schema",
                    "{count} $refs form a reference loop that never reaches a schema",
                    refs.count,
                    count=refs.count,
                )
                fix = _(
                    ctx.lang,
                    "Break the loop so that the chain of references ends in an actual schema.",
                )
            else:
                message = ngettext(
                    ctx.lang,
                    "{count} $ref points at another file or URL and was not followed",
                    "{count} $refs point at other files or URLs and were not followed",
                    refs.count,
                    count=refs.count,
                )
                fix = _(ctx.lang, "Publish the description as one bundled file.")
            yield _finding(
                description_defective, index, ctx, refs.examples[0][0], severity, outcome,
                message,
                fix,
                evidence=_evidence([(target, ptr) for ptr, target in refs.examples]),
            )  # fmt: skip


@register(
    "OA002",
    "export-coverage-incomplete",
    title_en="Not every resource type can be exported through the API",
    title_sv="Alla resurstyper kan inte exporteras via API:et",
    kind="probe",
    severity="error",
    dimension="export",
)
def export_coverage(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports resource types whose records cannot all be read out through the API.

    What it checks
    Every resource type can be read out in full: it has a collection GET (an operation that
    lists all records of the type, as an array or a page of them), a singleton reachable without
    knowing an identifier, or an item GET (`/tables/{id}`) under a path whose GET lists the items
    (`/tables`). Reports "x of y resource types exportable (z %)" and names the others.
    Bulk-export endpoints are counted but cannot stand in for a collection, since what they
    contain is not described.

    All types exportable: met. At least 90 % (the threshold), or only one type left that is
    written but never read (a reading the model may get wrong, such as a PATCH-only status): not
    verified, naming the types to read by hand. Otherwise: not met.

    A resource type is what the API serves as a thing with an identity: a named schema returned
    by a GET (an envelope or a page counts as its item type), or written by a POST/PUT/PATCH to a
    path that addresses it by an identifier. Request-only schemas, the input of a type read or
    returned at the same path, multipart and form inputs (`…Form`, `…Input`), envelopes and
    paging objects, error bodies, enums, and what documentation, health and login endpoints
    return are not resource types; the reason and the report name those left out and why.

    A GET counts only if it describes data in the published API. An operation marked
    `x-internal: true` (itself, its path or the whole description: left out of what is
    published; likewise `x-audience: company-internal` and `x-visibility: internal`, a tag
    marked or described as internal, a path under `/internal/`), a deprecated or retired
    (`x-sunset` past) operation or schema, an operation marked as a preview (`x-stability:
    beta`, "[BETA] …"), as offered only at extra cost or on a higher plan ("Enterprise add-on",
    a required "X-Enterprise-Licence" header, a 402 Payment Required naming an add-on, "debiteras
    enligt prislista"), as not available to customers ("inte tillgänglig för kunder", "planned
    for version 3.0"), as returning only part of the records ("De 50 senast ändrade", "högst
    30 dagar bakåt") or as too limited to read them all (a quota under 10,000 calls a day or
    longer: "50 anrop per klient och dygn", or under 100,000 records a month or year: "Högst
    50 000 poster per kund och kalenderår", not of a sandbox; terms forbidding moving the data to another
    system; a full read said to take days or not to be had; records in random order at each
    call; single records that cannot be listed), a type one of whose properties is described
    as not returned to the buyer ("fältet returneras inte till kunden") or as sealed with the
    vendor's key ("Krypterad med Norrdatas nyckel"), or whose description says the buyer's own
    fields are left out ("Egna fält som kommunen har lagt till ingår inte i API:et"; not where
    `expand`, an `extensions` object or another path gives them), a schema that holds no data (`false`, `not:
    {}`, `type: null`, `maxProperties: 0`, `allOf` types that exclude each other), a list with
    `maxItems: 0`, one with only writeOnly properties (`deprecated` and `writeOnly` count
    anywhere in the `allOf`), and an untyped `{}` say nothing about what can be read out: a type
    exportable only through such a GET is not verified (never met), naming the operation, the
    schema and what is missing. So is a list that needs the ids of the records it returns (a
    required `ids`, `caseIds` or `id` query parameter): it returns only records already known;
    and a list with `maxItems` that cannot be paged. A schema of only counts (`CaseCount:
    {total: integer}`) or only links (`ExportLink: {pdfUrl, expires}`) is no resource type.
    A listing read from a copy refreshed once a week or more seldom ("rapportdatabasen, som
    läses in från produktionen en gång per år", "a snapshot updated quarterly") is no
    evidence of export either, and when every server named is a test environment and one is
    described with data that is not the buyer's or with the production kept apart
    ("Testmiljö med syntetiska data. Produktionsmiljön nås endast via VPN"), the check is not
    verified, quoting the words. A list whose items are any of several variants that all
    extend one type (`anyOf: [{allOf: [Case, …]}, …]`) lists that type.

    Why it matters
    A buyer owns its data only if it can take all of it out, at any time and without the
    vendor's help. A type that can be read only one identifier at a time, or written but never
    read back, locks that data in the system.

    How to comply
    Give every resource type a collection GET (for example `GET /cases` returning a page of
    `Case`), and describe the returned schema by `$ref` so the type is recognisable.

    References
    - Regulation (EU) 2016/679 (GDPR), Art. 20, right to data portability
    - Regulation (EU) 2023/2854 (Data Act), Chapter VI, switching and exportable data
    """
    analysis = ctx.analysis
    resources = list(analysis.resources.values())
    if not resources:
        yield _finding(
            export_coverage, index, ctx, "/paths", "error", "not_verified",
            ngettext(
                ctx.lang,
                "No GET operation returns a named schema, so what data can be exported cannot be told ({operations} operation)",
                "No GET operation returns a named schema, so what data can be exported cannot be told ({operations} operations)",
                len(index.operations),
                operations=len(index.operations),
            ) + _describe_left_out(analysis, ctx.lang),
            _(
                ctx.lang,
                "Describe responses with $refs to named schemas and add GET operations for all data.",
            ),
            evidence=_evidence(_left_out_items(analysis, ctx.lang)),
        )  # fmt: skip
        return
    words, where = analysis.test_servers
    if words:
        yield _finding(
            export_coverage, index, ctx, where, "warning", "not_verified",
            _(
                ctx.lang,
                "Every server the description names is a test environment (\"{words}\"), so whether the buyer's own data can be read out of the production service cannot be told",
                words=words,
            ),
            _(
                ctx.lang,
                "Ask the vendor to describe the production server the buyer will use, and how it is reached.",
            ),
        )  # fmt: skip
    unproven = [r for r in resources if not r.exportable and r.hollow]
    if unproven:
        yield _finding(
            export_coverage, index, ctx, unproven[0].hollow[0].pointer, "warning", "not_verified",
            ngettext(
                ctx.lang,
                "{count} resource type cannot be judged exportable from its GET: {details}",
                "{count} resource types cannot be judged exportable from their GETs: {details}",
                len(unproven),
                count=len(unproven),
                details=_names(ctx.lang, [_describe_hollow(ctx.lang, r) for r in unproven], 3),
            ),
            _(
                ctx.lang,
                "Describe what each listing GET returns with a schema that has a type and returned (not writeOnly) properties, on a published operation that is not deprecated, a preview or sold separately.",
            ),
            evidence=_evidence(
                [(r.name, f"{r.hollow[0].op.method.upper()} {r.hollow[0].op.path}") for r in unproven]
            ),
        )  # fmt: skip
    missing = [r for r in resources if not r.exportable and not r.hollow]
    if missing:
        first = missing[0]
        ops = first.read_ops or first.write_ops
        exportable = sum(r.exportable for r in resources)
        # decided as if the unproven types were exportable: they may be, and are reported above
        decided = exportable + len(unproven)
        outcome = coverage(
            decided, len(resources), "export", doubtful=not any(r.read_ops for r in missing)
        )
        yield _finding(
            export_coverage, index, ctx, ops[0].pointer if ops else "/paths", "error" if outcome == "not_met" else "warning", outcome,
            ngettext(
                ctx.lang,
                "{exportable} of {total} resource type exportable; no collection GET for: {names}",
                "{exportable} of {total} resource types exportable; no collection GET for: {names}",
                len(resources),
                exportable=exportable,
                total=len(resources),
                names=_names(ctx.lang, [r.name for r in missing]),
            ) + _share(ctx.lang, decided, len(resources), "export"),
            _(
                ctx.lang,
                "Add a GET that lists all records of each resource type (with pagination).",
            ),
            evidence=_evidence(
                [
                    (
                        r.name,
                        (
                            (r.read_ops or r.write_ops)[0].method.upper()
                            + " "
                            + (r.read_ops or r.write_ops)[0].path
                        )
                        if (r.read_ops or r.write_ops)
                        else "",
                    )
                    for r in missing
                ]
                + _left_out_items(analysis, ctx.lang)
            ),
        )  # fmt: skip


HOLLOW_REASONS = {
    "internal operation": N_(
        "the operation is marked internal (x-internal, x-audience or x-visibility, on itself, "
        "its path or the whole description), so it is not part of the published API"
    ),
    "deprecated operation": N_("the operation is deprecated"),
    "limited operation": N_(
        "the operation is described as a preview, as not available to customers, as "
        "offered only at extra cost or on a higher plan, or as not letting all records be "
        "read ({marker})"
    ),
    "nothing": N_("{pointer} is a schema that can hold no data"),
    "write-only": N_("{pointer} has only writeOnly properties, which are never returned"),
    "deprecated schema": N_("{pointer} is deprecated"),
    "empty": N_("{pointer} is an untyped schema that says nothing about the data"),
    "no items": N_("{pointer} is a list that can hold no items (maxItems: 0)"),
    "capped": N_(
        "{pointer} caps how many items the list returns (maxItems, or a size parameter's "
        "maximum) and the list cannot be paged, so it may not hold every record"
    ),
    "lookup": N_(
        "{pointer} is a required parameter naming the records to return, so the list returns "
        "only records already known"
    ),
    "search": N_(
        "{pointer} is a required search text, so the list returns only records that match a "
        "search, not all of them"
    ),
    "sealed": N_(
        '{pointer} returns content described as sealed against the buyer ("{marker}"), '
        "so its data cannot be read without the vendor's key or program"
    ),
    "withheld": N_(
        '{pointer} is described as not returned to the buyer ("{marker}"), so not all of '
        "the type's data can be read"
    ),
    "fixed filter": N_(
        "{pointer} is a required filter that can take one value only, so the list returns only "
        "the records with that value"
    ),
}
"""Why a GET is no evidence of a type's data (`api_analysis._hollow`), as named in reasons."""


def _describe_hollow(lang: Lang, resource: Resource) -> str:
    """`Case (GET /cases: /components/schemas/Case is deprecated)`: the first GET that would
    have made the type exportable, and what it is missing."""
    read = resource.hollow[0]
    why = _(lang, HOLLOW_REASONS[read.why], pointer=read.pointer, marker=read.marker)
    return f"{resource.name} ({read.op.method.upper()} {read.op.path}: {why})"


@register(
    "OA003",
    "change-retrieval-missing",
    title_en="Collections cannot be paged or filtered by change time",
    title_sv="Samlingar kan inte pagineras eller filtreras på ändringstid",
    kind="probe",
    severity="warning",
    dimension="export",
)
def change_retrieval(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports collection GETs without pagination or without a way to fetch only changes.

    What it checks
    For each exportable resource type whose collection GET returns a list: is it paginated
    (a position to start from: offset, page, a cursor or page token; or the next part's address
    in a `Link` header or a `next`-style property), and can it return only what changed since a
    point in time (a modified-since style parameter or a change token, or webhooks/callbacks).
    A size alone (`limit`, `top`, `pageSize`) gives the first items and never the rest, and
    `hasMore`, `totalPages` or `X-Total-Count` only say there is more: neither pages a list. A
    paging name that is a flag or a choice of words (`size: small|large`) or of one value
    (`page: [1]`, or a `maximum` of 1), a string `first`, `size` or `start`, a deprecated
    parameter, and a change name that is a flag, a choice, says who changed (`updatedBy`,
    `includeDeltaFields`), is a higher id (`since_id`), a sort order (`orderByModified`) or
    is described as doing nothing ("Accepteras men ignoreras", "This parameter is ignored") do
    not count; nor do conditional requests (`If-Modified-Since`, `If-None-Match`, `ETag`,
    `Last-Modified`), which return the whole list or nothing (RFC 9110), not what changed. A
    filter taken away (deprecated or described as doing nothing: `modifiedSince` "besvaras
    med 410 Gone") with no working one beside it is not made up for by webhooks, which do not
    give back what a receiver missed: not verified, naming it. A
    filter on creation time alone (`createdSince`) fetches new records but perhaps not changed
    ones: where it is all a list has, the check is not verified; so is a list whose paging is
    described as stopping before the end ("Saknas efter sida 50", "at most 25,000 records can
    be paged", in the operation's, its query parameters', its headers' or its page schema's
    descriptions), quoting the words. Lists
    bounded by one parent item (`/errands/{errandId}/notes`) are named but not counted. All
    collections covered: met; at least 90 %: not verified, naming the others; below: not met.

    With nothing to measure (no operations, resource types, media types or server URLs, as
    applies) the check reports what is missing instead of passing, so the requirement is not
    verified rather than met.

    Why it matters
    Without pagination a large data set cannot be read reliably; without a change filter every
    synchronisation must fetch everything again, which is slow and costly for the buyer.

    How to comply
    Add pagination parameters or a page-token response to every collection GET, and a parameter
    such as `modified_since` (or webhooks) so clients can fetch only changes.

    References
    - RFC 8288, Web Linking: https://www.rfc-editor.org/rfc/rfc8288
    - RFC 9110, HTTP Semantics, conditional requests (section 13)
    - DIGG, REST API-profil: https://dev.dataportal.se/rest-api-profil
    """
    analysis = ctx.analysis
    lists = _top_lists(analysis)
    if not lists:
        yield _finding(
            change_retrieval, index, ctx, "/paths", "warning", "not_verified",
            _(
                ctx.lang,
                "No operation returns a list of a resource type; pagination and change filters cannot be judged",
            ) + _describe_nested(analysis, ctx.lang),
            _(
                ctx.lang,
                "Add collection GETs with pagination and a filter for changes since a point in time.",
            ),
        )  # fmt: skip
        return
    unpaged = [r for r in lists if not r.paginated]
    if unpaged:
        paged = len(lists) - len(unpaged)
        yield _finding(
            change_retrieval, index, ctx, unpaged[0].collection_ops[0].pointer, "warning", coverage(paged, len(lists), "pagination"),
            ngettext(
                ctx.lang,
                "{count} of {total} collection has no pagination: {names}",
                "{count} of {total} collections have no pagination: {names}",
                len(lists),
                count=len(unpaged),
                total=len(lists),
                names=_names(ctx.lang, [r.name for r in unpaged]),
            ) + _share(ctx.lang, paged, len(lists), "pagination") + _describe_nested(analysis, ctx.lang),
            _(ctx.lang, "Add pagination (limit/offset, page/size or a cursor) or a Link header."),
            evidence=_evidence([(r.name, r.collection_ops[0].path) for r in unpaged]),
        )  # fmt: skip
    stopping = [r for r in lists if r.paginated and r.paging_limit]
    if stopping:
        yield _finding(
            change_retrieval, index, ctx, stopping[0].collection_ops[0].pointer, "warning", "not_verified",
            ngettext(
                ctx.lang,
                "{count} of {total} collection is described as paged only part of the way, so whether every record can be read cannot be told: {quotes}",
                "{count} of {total} collections are described as paged only part of the way, so whether every record can be read cannot be told: {quotes}",
                len(lists),
                count=len(stopping),
                total=len(lists),
                quotes=_names(ctx.lang, [f"{r.name} (\"{r.paging_limit}\")" for r in stopping], 3),
            ),
            _(
                ctx.lang,
                "Ask the vendor how every record is read when paging stops, or for paging that reaches the end of each list.",
            ),
            evidence=_evidence([(r.name, r.collection_ops[0].path) for r in stopping]),
        )  # fmt: skip
    withdrawn = [r for r in lists if not r.changed_since and r.withdrawn_filter]
    if analysis.notifications and withdrawn:
        yield _finding(
            change_retrieval, index, ctx, withdrawn[0].collection_ops[0].pointer, "warning", "not_verified",
            ngettext(
                ctx.lang,
                "{count} of {total} collection has its filter for changes withdrawn (deprecated or described as doing nothing), so changes since a point in time cannot be fetched, and webhooks do not give back what was missed: {names}",
                "{count} of {total} collections have their filter for changes withdrawn (deprecated or described as doing nothing), so changes since a point in time cannot be fetched, and webhooks do not give back what was missed: {names}",
                len(lists),
                count=len(withdrawn),
                total=len(lists),
                names=_names(ctx.lang, [f"{r.name} ({r.withdrawn_filter})" for r in withdrawn]),
            ),
            _(
                ctx.lang,
                "Ask the vendor for a working filter such as modified_since, or the successor of the withdrawn one.",
            ),
            evidence=_evidence([(r.name, r.collection_ops[0].path) for r in withdrawn]),
        )  # fmt: skip
    if not analysis.notifications:
        unchanged = [r for r in lists if not r.changed_since]
        if unchanged:
            changed = len(lists) - len(unchanged)
            created_only = all(r.created_since for r in unchanged)
            values = {"count": len(unchanged), "total": len(lists),
                      "names": _names(ctx.lang, [r.name for r in unchanged])}  # fmt: skip
            message = (
                ngettext(
                    ctx.lang,
                    "{count} of {total} collection can be filtered only by when records were created, so new records can be fetched but changed ones perhaps not, and the API has no webhooks: {names}",
                    "{count} of {total} collections can be filtered only by when records were created, so new records can be fetched but changed ones perhaps not, and the API has no webhooks: {names}",
                    len(lists), **values,
                )
                if created_only
                else ngettext(
                    ctx.lang,
                    "{count} of {total} collection cannot be filtered by changes since a point in time and the API has no webhooks: {names}",
                    "{count} of {total} collections cannot be filtered by changes since a point in time and the API has no webhooks: {names}",
                    len(lists), **values,
                ) + _share(ctx.lang, changed, len(lists), "changes")
            )  # fmt: skip
            yield _finding(
                change_retrieval, index, ctx, unchanged[0].collection_ops[0].pointer, "warning",
                "not_verified" if created_only else coverage(changed, len(lists), "changes"),
                message,
                _(
                    ctx.lang,
                    "Add a parameter such as modified_since that returns only what changed, or webhooks.",
                ),
                evidence=_evidence([(r.name, r.collection_ops[0].path) for r in unchanged]),
            )  # fmt: skip


@register(
    "OA004",
    "event-notifications-missing",
    title_en="No webhooks or callbacks for change notifications",
    title_sv="Inga webhooks eller callbacks för ändringsnotifieringar",
    kind="probe",
    severity="note",
    dimension="export",
)
def notifications(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports an API that cannot notify the buyer's systems of changes.

    What it checks
    The description declares webhooks (OpenAPI 3.1 `webhooks`), callbacks on an operation, or a
    subscription endpoint (a POST/PUT to a path containing `subscri`, `webhook` or `hook` whose
    request says where to notify: a property such as `url`, `callbackUrl` or `target`, or one in
    URI format; a person's subscription to text messages or e-mail, and a sign-in's return
    address (`/auth/callback` with `returnUrl`), are not event notifications). A
    webhook, callback or subscription endpoint that is deprecated, marked internal, a preview
    or sold separately, or one documenting only errors ("403 Premium only"), shows nothing to
    rely on; webhooks declared only in such forms leave the check not verified. A webhook that
    only tests the connection (`ping`, `heartbeat`, a URL verification or challenge) announces
    no change and counts for nothing; callbacks named only by a `$ref` that cannot be followed
    (another file not read, a missing pointer) leave the check not verified; callbacks or a
    subscription whose address is fixed (an `enum` of one or a `const`, a `pattern` that spells
    out one host, or `readOnly`, which the client does not send: the vendor's own endpoint)
    notify nobody the buyer names and count for nothing. A webhook, callback or subscription
    described as not telling which record changed ("meddelandet anger inte vilket ärende", or
    a webhook body of only fixed values: `{event: {enum: [changed]}}`) or as sent only at some
    hours ("Skickas vardagar 08.00–17.00"; not retries during office hours) or only for
    records that came in through one channel ("ett ärende som har skapats via e-tjänsten"; not
    a channel named as a filter or an example) is declared but not relied on, quoted: not
    verified. So are callbacks whose address expression reads a
    field or parameter the subscribing request does not have (`{$request.body#/callbackUrl}`
    with a body of only `events`): no subscriber can give the address.

    With nothing to measure (no operations, resource types, media types or server URLs, as
    applies) the check reports what is missing instead of passing, so the requirement is not
    verified rather than met.

    Why it matters
    Notifications let other systems react to changes at once instead of polling the API.

    How to comply
    Describe the notifications in the OpenAPI description: `webhooks` (3.1) or `callbacks` on the
    subscription operation, ideally as CloudEvents.

    References
    - OpenAPI 3.1, Webhooks and Callback Object
    - CloudEvents: https://cloudevents.io/
    """
    withdrawn = ctx.analysis.withdrawn_webhooks
    limited, dead = ctx.analysis.notice_limits, ctx.analysis.dead_callbacks
    if not ctx.analysis.notifications and limited:
        message = ngettext(
            ctx.lang,
            "{count} webhook, callback or subscription is declared, but it is described as not telling which record changed, as sent only at some hours or only for records from one channel, so it shows no notification of every change (\"{words}\")",
            "{count} webhooks, callbacks or subscriptions are declared, but each is described as not telling which record changed, as sent only at some hours or only for records from one channel, so none shows a notification of every change (\"{words}\")",
            len(limited), count=len(limited), words=limited[0][0],
        )  # fmt: skip
        fix = _(
            ctx.lang,
            "Ask for notifications sent at any hour that name the record that changed (its id or address).",
        )
        yield _finding(notifications, index, ctx, limited[0][1], "note", "not_verified", message, fix)  # fmt: skip
    elif not ctx.analysis.notifications and dead and not withdrawn:
        message = ngettext(
            ctx.lang,
            "{count} operation describes callbacks whose address ({expression}) is read from a field or parameter its request does not have, so no subscriber can give the address",
            "{count} operations describe callbacks whose address ({expression}) is read from a field or parameter their requests do not have, so no subscriber can give the address",
            len(dead), count=len(dead), expression=dead[0][0],
        )  # fmt: skip
        fix = _(
            ctx.lang,
            "Describe the field of the subscription request that carries the callback address.",
        )
        yield _finding(notifications, index, ctx, dead[0][1], "warning", "not_verified", message, fix)  # fmt: skip
    elif not ctx.analysis.notifications and withdrawn:
        message = ngettext(
            ctx.lang,
            "{count} webhook is declared, but it is deprecated, marked internal, a preview, not available or sold separately, so it shows no notification to rely on",
            "{count} webhooks are declared, but each is deprecated, marked internal, a preview, not available or sold separately, so none shows a notification to rely on",
            len(withdrawn), count=len(withdrawn),
        )  # fmt: skip
        fix = _(ctx.lang, "Publish the webhooks the service sends as live operations of the API.")
        yield _finding(
            notifications, index, ctx, withdrawn[0], "note", "not_verified", message, fix
        )
    elif not ctx.analysis.notifications and (
        (unread := [op for op in index.operations if op.unread_callbacks])
        or (fixed := [op for op in index.operations if op.callbacks and fixed_address(index, op)])
    ):
        # callbacks behind a reference not followed notify what cannot be seen; callbacks whose
        # address is fixed go to the vendor's own endpoint
        ops, n = unread or fixed, len(unread or fixed)
        message = (
            ngettext(ctx.lang, "{count} operation names its callbacks by a reference that was not followed (another file, or a pointer to nothing), so what they notify cannot be seen", "{count} operations name their callbacks by a reference that was not followed (another file, or a pointer to nothing), so what they notify cannot be seen", n, count=n)
            if unread
            else ngettext(ctx.lang, "{count} operation describes callbacks, but their address can take one value only or one host only, or is readOnly (the vendor's own endpoint), so they notify nobody the buyer names", "{count} operations describe callbacks, but their address can take one value only or one host only, or is readOnly (the vendor's own endpoint), so they notify nobody the buyer names", n, count=n)
        )  # fmt: skip
        fix = (
            _(ctx.lang, "Bundle the callbacks into the description (or probe with --allow-remote-refs).")
            if unread
            else _(ctx.lang, "Let the subscriber give the address callbacks are sent to.")
        )  # fmt: skip
        where: str
        severity: Severity
        outcome: Outcome
        where, severity, outcome = (
            ("/callbacks", "note", "not_verified") if unread else ("/requestBody", "warning", "not_met")
        )  # fmt: skip
        yield _finding(notifications, index, ctx, ops[0].pointer + where, severity, outcome, message, fix)  # fmt: skip
    elif not ctx.analysis.notifications and not index.operations:
        yield _finding(
            notifications, index, ctx, "/paths", "note", "not_verified",
            _(
                ctx.lang,
                "The description declares no operations and no webhooks, so notifications cannot be judged",
            ),
            _(
                ctx.lang,
                "Describe event notifications with `webhooks` (OpenAPI 3.1) or `callbacks`.",
            ),
        )  # fmt: skip
    elif not ctx.analysis.notifications:
        yield _finding(
            notifications, index, ctx, "/paths", "note", "not_met",
            _(ctx.lang, "No webhooks, callbacks or subscriptions are described"),
            _(
                ctx.lang,
                "Describe event notifications with `webhooks` (OpenAPI 3.1) or `callbacks`.",
            ),
        )  # fmt: skip


@register(
    "OA005",
    "write-coverage-incomplete",
    title_en="Not every resource type can be created or updated through the API",
    title_sv="Alla resurstyper kan inte skapas eller uppdateras via API:et",
    kind="probe",
    severity="warning",
    dimension="import",
)
def write_coverage(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports resource types that the API can read but not create or update.

    What it checks
    For each resource type, whether a POST, PUT or PATCH creates or updates it: the request body
    refers to the type (or a create/update variant of its name), or the operation acts on the
    type's collection or item path. Bulk-import endpoints are counted. Resource types are those
    of OA002: request-only schemas, form inputs, envelopes, paging objects, error bodies and
    enums are left out, and the reason names them. All types writable: met; at least 50 % (some
    types, such as logs or history, are rightly read-only): not verified, naming the read-only
    ones; below 50 %: not met.

    A write counts only if it can be relied on: a deprecated operation, one marked as a preview
    or as offered only at extra cost or on a higher plan, one that documents only error
    responses ("501 Not implemented", also a `default` response saying so), one a required
    `dryRun` or `validateOnly` fixed to true makes only check the request, one that takes its
    data only as opaque bytes (`application/octet-stream`) on a path that is no file's, and one
    that carries no data (a body that must be empty, is readOnly as a whole, or holds only readOnly or fixed
    values, on the path where a GET reads the type), one that must be signed with a key only
    the vendor's client holds ("signeringsnyckeln i Norrdatas klientprogram", "Nyckeln lämnas
    inte ut"), and one that requires an `If-Match` header when no response documents an
    `ETag` (nor any schema an `etag` property, nor the header's description a source or `*`),
    and one that takes the record only as one text field in the vendor's own format (a form
    field `ndi`: "Posten i Norrdatas importformat NDI") are no
    evidence, and a type written only through such operations is not verified, naming the
    operation and why.

    With nothing to measure (no operations, resource types, media types or server URLs, as
    applies) the check reports what is missing instead of passing, so the requirement is not
    verified rather than met.

    Why it matters
    To move into a system, migrate between systems or integrate, the buyer must be able to put
    data back in, not only read it.

    How to comply
    Add create/update operations for every resource type that users can create or change in the
    user interface, with request schemas that name the type.

    References
    - Regulation (EU) 2023/2854 (Data Act), Chapter VI, switching between services
    """
    analysis = ctx.analysis
    resources = list(analysis.resources.values())
    if not resources:
        yield _finding(
            write_coverage, index, ctx, "/paths", "warning", "not_verified",
            ngettext(
                ctx.lang,
                "No operation reads or writes a named schema, so what data can be created or updated cannot be told ({operations} operation)",
                "No operation reads or writes a named schema, so what data can be created or updated cannot be told ({operations} operations)",
                len(index.operations),
                operations=len(index.operations),
            ),
            _(
                ctx.lang,
                "Describe request and response bodies with $refs to named schemas, and add POST/PUT/PATCH for the data.",
            ),
            evidence=_evidence(_left_out_items(analysis, ctx.lang)),
        )  # fmt: skip
        return
    unproven = [
        r for r in resources if r.write_ops and all(_no_write(index, r, op) for op in r.write_ops)
    ]
    if unproven:  # written, but only through operations that may not work
        firsts = [(r.name, r.write_ops[0]) for r in unproven]
        count, shown = len(unproven), [_describe_no_write(index, ctx.lang, r) for r in unproven]
        message = ngettext(
            ctx.lang,
            "{count} resource type can be written only through operations that show no working write: {details}",
            "{count} resource types can be written only through operations that show no working write: {details}",
            count, count=count, details=_names(ctx.lang, shown, 3),
        )  # fmt: skip
        fix = _(
            ctx.lang,
            "Offer each write as a published operation that is not deprecated, a preview or sold separately, and document its success response.",
        )
        listed = [(name, f"{op.method.upper()} {op.path}") for name, op in firsts]
        yield _finding(
            write_coverage, index, ctx, firsts[0][1].pointer, "warning", "not_verified", message, fix,
            evidence=_evidence(listed),
        )  # fmt: skip
    readonly = [r for r in resources if not r.write_ops]
    if readonly:
        writable = len(resources) - len(readonly)
        yield _finding(
            write_coverage, index, ctx, readonly[0].read_ops[0].pointer if readonly[0].read_ops else "/paths", "warning", coverage(writable, len(resources), "write"),
            ngettext(
                ctx.lang,
                "{writable} of {total} resource type can be created or updated; read-only: {names}",
                "{writable} of {total} resource types can be created or updated; read-only: {names}",
                len(resources),
                writable=writable,
                total=len(resources),
                names=_names(ctx.lang, [r.name for r in readonly]),
            ) + _share(ctx.lang, writable, len(resources), "write"),
            _(
                ctx.lang,
                "Add POST/PUT/PATCH for the resource types that can be created or changed in the service.",
            ),
            evidence=_evidence(
                [(r.name, "") for r in readonly] + _left_out_items(analysis, ctx.lang)
            ),
        )  # fmt: skip


def _no_write(index: ApiIndex, resource: Resource, op: Operation) -> str:
    """Why a POST, PUT or PATCH shows no working write of `resource`, or "": it is deprecated
    (it may go away), marked as a preview or as sold separately (`limits`), every
    response it documents is an error ("501 Not implemented", "403 requires Enterprise
    licence", a `default` that says so), a required `dryRun` or `validateOnly` fixed to true
    makes it only check the request, it takes its data only as opaque bytes on a path that is
    no file's (`opaque_body`) or only as one text field in the vendor's own format
    (`vendor_body`: "Posten i Norrdatas importformat NDI"), or it carries no data (`writes_nothing`) on a path where a GET of the type reads
    it, so its path parameters only address the item. A type with at least one other write is
    writable; a write without a body is not ruled out, since its path may be the data ("PUT
    /videos/{id}/privacy/domains/{domain}", "PUT /user/follows/networks/{network_id}")."""
    if op.deprecated:
        return HOLLOW_REASONS["deprecated operation"]
    if limits(index, op):
        return HOLLOW_REASONS["limited operation"]
    if only_errors(op):
        return _ONLY_ERRORS
    if dry_run(op):
        return _DRY_RUN
    if opaque_body(op):
        return _OPAQUE_BODY
    if any(read.path == op.path for read in resource.read_ops) and writes_nothing(index, op):
        return _NO_DATA
    if etag_unknown(index, op):
        return _NO_ETAG
    if vendor_body(index, op):
        return _VENDOR_BODY
    return ""


_ONLY_ERRORS = N_("it documents only error responses ({statuses})")
_DRY_RUN = N_("a required parameter fixed to true makes it only check the request, storing nothing")
_OPAQUE_BODY = N_(
    "it takes the data only as opaque bytes ({media}), in no open format, on a path that is "
    "no file's"
)
_NO_DATA = N_(
    "it carries no data: its body holds nothing a client can set, and its path is the one a "
    "GET of the type is read at"
)
_VENDOR_BODY = N_(
    'it takes the record only as one text field in the vendor\'s own format ("{words}"), '
    "whose fields are described nowhere here"
)
_NO_ETAG = N_(
    "it requires an If-Match header, but no response documents an ETag to give it and its "
    "description says not where one comes from"
)


def _describe_no_write(index: ApiIndex, lang: Lang, resource: Resource) -> str:
    """`Case (POST /cases: it documents only error responses (501, 403))`."""
    op = resource.write_ops[0]
    statuses = ", ".join(r.status for r in op.responses)
    why = _(
        lang,
        _no_write(index, resource, op),
        marker=limits(index, op),
        statuses=statuses,
        media=opaque_body(op),
        words=vendor_body(index, op),
    )
    return f"{resource.name} ({op.method.upper()} {op.path}: {why})"


@register(
    "OA006",
    "closed-media-types",
    title_en="Requests or responses use opaque or proprietary media types",
    title_sv="Anrop eller svar använder slutna eller leverantörsspecifika format",
    kind="probe",
    severity="warning",
    dimension="formats",
)
def closed_media(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports media types that are not open, documented standards.

    What it checks
    Every request and response media type is classified as an open standard (JSON, XML, CSV,
    NDJSON, GeoJSON, JSON-LD, problem+json, PDF, iCalendar, ODF…), vendor-specific but
    structured (`application/vnd.x+json`, `text/vnd.…`) or opaque (`application/octet-stream`,
    `*/*`, vendor binary formats, an unregistered `text/x-…` other than the open formats once
    named so, such as `text/x-yaml`). Reports the shares, and whether JSON, XML or CSV is
    offered at all.

    Only the formats of data count: request bodies and successful responses. Media types on
    error responses (4xx, 5xx, `default`) are left out, since errors are judged by OA010, and so
    is file content (a string schema with `format: binary`, `byte` or `base64`, a
    `contentEncoding` such as base64 or a `contentMediaType`, at any depth of properties, list
    items, maps and `oneOf`/`anyOf`: a file wrapped in JSON is still a file; or a
    media type naming a file format, such as PDF or an image, on a file or document download
    path), which is a file, not the API's data format; so is a bare `application/octet-stream` on such a path.
    File content of a successful response that its texts (the response's description, its
    schema's, its encoded properties') say is sealed against the buyer ("Krypterat med
    Norrdatas nyckel; öppnas med Norrdata Viewer", "can only be opened with the Acme Reader";
    not data encrypted with the customer's key, nor a named file format such as PDF) makes
    the check not verified, quoting the words; so does file content whose operation or
    response says the original files are not handed out ("Originalfilen lämnas inte ut", "the
    original files are not available": only renderings such as page images are), and plain
    text of a successful response said to hold records in the vendor's own layout
    ("fastbreddsformat enligt Norrdatas postlayout NDL-7"), which counts as vendor-specific. A file
    download that declares only `application/octet-stream` and no schema names no file format at
    all: it is reported on its own as not verified, to be read by hand. Elsewhere a bare
    `application/octet-stream` names no format and stays opaque.

    A format's name is not enough: when no successful JSON, XML or CSV response has a schema
    that describes its data (none, an untyped `{}`, a lone string, or an object of only base64
    files), what the data is cannot be seen, and the check is not verified, listing them.

    With nothing to measure (no operations, resource types, media types or server URLs, as
    applies) the check reports what is missing instead of passing, so the requirement is not
    verified rather than met.

    Why it matters
    Data in an opaque or proprietary format cannot be read by another system without the
    vendor's software, which defeats data ownership and exit.

    How to comply
    Declare concrete, open media types with a schema for every request and response; use
    `application/json` (or XML/CSV) with a published schema, and `+json` vendor types only as a
    documented refinement.

    References
    - RFC 8259 (JSON), RFC 4180 (CSV), W3C XML 1.0
    - IANA media types registry: https://www.iana.org/assignments/media-types
    """
    analysis = ctx.analysis
    media = analysis.media
    total = sum(len(v) for v in media.values())
    if sealed := analysis.sealed_media:
        yield _finding(
            closed_media, index, ctx, sealed[0][1], "warning", "not_verified",
            ngettext(
                ctx.lang,
                "{count} response returns content described as sealed (encrypted with the vendor's key, or opened only with the vendor's program), so whether the data can be read without the vendor's software cannot be told: {quotes}",
                "{count} responses return content described as sealed (encrypted with the vendor's key, or opened only with the vendor's program), so whether the data can be read without the vendor's software cannot be told: {quotes}",
                len(sealed),
                count=len(sealed),
                quotes=_names(ctx.lang, sorted({f"{m} (\"{words}\")" for m, _p, words in sealed}), 3),
            ),
            _(
                ctx.lang,
                "Ask for the data in an open format the buyer can read without the vendor's key or program.",
            ),
            evidence=_evidence([(m, p) for m, p, _words in sealed]),
        )  # fmt: skip
    if kept := analysis.withheld_originals:
        yield _finding(
            closed_media, index, ctx, kept[0][1], "warning", "not_verified",
            ngettext(
                ctx.lang,
                "{count} response returns files whose originals are described as not handed out, so whether documents can be exported in their own format cannot be told: {quotes}",
                "{count} responses return files whose originals are described as not handed out, so whether documents can be exported in their own format cannot be told: {quotes}",
                len(kept),
                count=len(kept),
                quotes=_names(ctx.lang, sorted({f"{m} (\"{words}\")" for m, _p, words in kept}), 3),
            ),
            _(
                ctx.lang,
                "Ask for the original files (or an archival format such as PDF/A) through the API, not only renderings of them.",
            ),
            evidence=_evidence([(m, p) for m, p, _words in kept]),
        )  # fmt: skip
    if layouts := analysis.vendor_layouts:
        yield _finding(
            closed_media, index, ctx, layouts[0][1], "warning", "not_verified",
            ngettext(
                ctx.lang,
                "{count} response returns plain text described as the vendor's own layout, so whether its data can be read without the vendor's documentation cannot be told: {quotes}",
                "{count} responses return plain text described as the vendor's own layout, so whether their data can be read without the vendor's documentation cannot be told: {quotes}",
                len(layouts),
                count=len(layouts),
                quotes=_names(ctx.lang, sorted({f"{m} (\"{words}\")" for m, _p, words in layouts}), 3),
            ),
            _(
                ctx.lang,
                "Ask for the records in an open structured format (JSON, XML or CSV with a described schema).",
            ),
            evidence=_evidence([(m, p) for m, p, _words in layouts]),
        )  # fmt: skip
    if not total and analysis.file_media:
        yield _finding(
            closed_media, index, ctx, analysis.file_media[0][1], "warning", "not_verified",
            _(
                ctx.lang,
                "Only file content is declared ({types}); the API's data formats cannot be judged",
                types=_names(ctx.lang, sorted({m for m, _unused in analysis.file_media})),
            ),
            _(ctx.lang, "Declare a media type and schema for every request and response."),
        )  # fmt: skip
        return
    if not total:
        yield _finding(
            closed_media, index, ctx, "/paths", "warning", "not_verified",
            _(ctx.lang, "No media types are declared for requests or responses"),
            _(ctx.lang, "Declare a media type and schema for every request and response."),
        )  # fmt: skip
        return
    share = {k: round(100 * len(v) / total) for k, v in media.items()}
    opaque = media["opaque"]
    if opaque:
        kinds = sorted({m for m, _unused in opaque})
        yield _finding(
            closed_media, index, ctx, opaque[0][1], "warning", "not_met",
            ngettext(
                ctx.lang,
                "{count} of {total} media type is opaque or unspecified ({types}); open {open}%, vendor {vendor}%, opaque {opaque}%",
                "{count} of {total} media types are opaque or unspecified ({types}); open {open}%, vendor {vendor}%, opaque {opaque}%",
                total,
                count=len(opaque),
                total=total,
                open=share["open"],
                vendor=share["vendor"],
                opaque=share["opaque"],
                types=_names(ctx.lang, kinds),
            ),
            _(
                ctx.lang,
                "Replace */* and octet-stream with an open media type (such as application/json) and a schema.",
            ),
            evidence=_evidence(opaque),
        )  # fmt: skip
    structured = [m for m, _unused in media["open"] if structured_media(m)]
    undescribed = analysis.undescribed
    if structured and undescribed and not analysis.data_described:
        types = _names(ctx.lang, sorted({m for m, _unused in undescribed}))
        message = ngettext(
            ctx.lang,
            "{count} response in a structured format ({types}) has no schema that describes the data (none, an untyped {{}}, a lone string, or only files or links), so whether the data itself is open cannot be told",
            "{count} responses in a structured format ({types}) have no schema that describes the data (none, an untyped {{}}, a lone string, or only files or links), so whether the data itself is open cannot be told",
            len(undescribed), count=len(undescribed), types=types,
        )  # fmt: skip
        fix = _(
            ctx.lang,
            "Describe each response with a schema of its fields; a format name alone does not show that the data is open.",
        )
        at = undescribed[0][1]
        yield _finding(closed_media, index, ctx, at, "warning", "not_verified", message, fix,
                       evidence=_evidence(undescribed))  # fmt: skip
    if not structured:
        yield _finding(
            closed_media, index, ctx, "/paths", "warning", "not_met",
            _(
                ctx.lang,
                "No structured open format (JSON, XML or CSV) is offered; declared: {types}",
                types=_names(ctx.lang, sorted({m for v in media.values() for m, _unused in v})),
            ),
            _(ctx.lang, "Offer the data as JSON, XML or CSV with a published schema."),
        )  # fmt: skip
    unnamed = analysis.unnamed_files
    if unnamed:
        yield _finding(
            closed_media, index, ctx, unnamed[0][1], "note", "not_verified",
            ngettext(
                ctx.lang,
                "{count} file download names no file format (application/octet-stream), so whether the files are in an open format cannot be told",
                "{count} file downloads name no file format (application/octet-stream), so whether the files are in an open format cannot be told",
                len(unnamed),
                count=len(unnamed),
            ),
            _(
                ctx.lang,
                "Declare the file formats (such as application/pdf or PDF/A) and ask which formats stored documents are exported in.",
            ),
            evidence=_evidence(unnamed),
        )  # fmt: skip


@register(
    "OA007",
    "authentication-not-standard",
    title_en="Authentication is missing, weak or not OAuth 2.0",
    title_sv="Autentisering saknas, är svag eller följer inte OAuth 2.0",
    kind="probe",
    severity="error",
    dimension="auth",
)
def authentication(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports authentication that is undeclared, weak, proprietary or hidden in parameters.

    What it checks
    The declared security schemes: OAuth 2.0, OpenID Connect and mutual TLS are standard (HTTP
    bearer too, though it does not show that the token is OAuth 2.0); an API key in a header is
    proprietary but acceptable; an API key in the query string, Basic and Digest are weak. No
    scheme at all means the authentication is undocumented (not verified, never "open").
    Header or query parameters that carry credentials outside a declared scheme are flagged.
    An oauth2 scheme shows OAuth 2.0 only with a flow that names its URLs (a token URL, or an
    authorization URL for the implicit flow; a URL or a path, not a placeholder such as "TBD"),
    and openIdConnect only with its discovery URL.
    OAuth 2.0 must also protect every operation that reads or changes data on its own: one
    callable without credentials (`security: []`, an empty alternative `{}`, WSO2's
    `x-auth-type: None`), one protected only by another scheme, or one that needs a
    proprietary key besides the token makes the requirement not verified, naming them. So
    does access described as rationed or closed to third parties, in the API's or a security
    scheme's description ("Ansökningar behandlas en gång per kvartal", "only the customer's own
    staff may connect", "konsulter och andra leverantörer får inte använda API:et"), quoting
    the words: the buyer and the vendor of a successor system must be able to connect. An
    oauth2 scheme whose flow URL carries a password (`/login?user={user}&pwd={pwd}`) or whose
    description says the password goes in the query string is weak (not met); one described
    as only like OAuth ("OAuth-liknande") whose only flow is the password flow shows no OAuth
    2.0 (not verified). An authorization-code or client-credentials flow stays standard however
    it is described ("OAuth 2.0-liknande inloggning via Azure AD").

    Why it matters
    Standard authorisation lets the buyer use its own identity provider and standard client
    libraries; proprietary keys tie each integration to the vendor, and weak schemes leak
    credentials into logs and proxies.

    How to comply
    Declare an `oauth2` or `openIdConnect` security scheme and apply it (globally or per
    operation); remove credential parameters in favour of the declared scheme.

    References
    - RFC 6749, OAuth 2.0; OpenID Connect Core 1.0
    - RFC 9700, OAuth 2.0 Security Best Current Practice
    """
    analysis = ctx.analysis
    schemes = analysis.schemes
    if analysis.undeclared_auth:
        first = analysis.undeclared_auth[0]
        yield _finding(
            authentication, index, ctx, first[1], "warning", "not_met",
            _(
                ctx.lang,
                "Credentials are passed in undeclared parameters: {names}",
                names=_names(ctx.lang, [name for name, _unused in analysis.undeclared_auth]),
            ),
            _(
                ctx.lang,
                "Declare the authentication as a security scheme instead of as parameters.",
            ),
            evidence=_evidence(analysis.undeclared_auth),
        )  # fmt: skip
    if not schemes:
        yield _finding(
            authentication, index, ctx, "", "warning", "not_verified",
            _(
                ctx.lang,
                "No authentication is declared, so how the API is protected cannot be told",
            ),
            _(ctx.lang, "Declare an oauth2 or openIdConnect security scheme and apply it."),
        )  # fmt: skip
        return
    prefix = "/securityDefinitions/" if index.version == "2.0" else "/components/securitySchemes/"
    undefined = sorted(n for n in analysis.applied_schemes if n not in schemes)
    if undefined:
        yield _finding(
            authentication, index, ctx, "", "warning", "not_verified",
            _(
                ctx.lang,
                "Operations require security schemes that are not declared, so how they are protected cannot be told: {names}",
                names=_names(ctx.lang, undefined),
            ),
            _(ctx.lang, "Declare every scheme that `security` names under {prefix}.", prefix=prefix),
        )  # fmt: skip
    used = [n for n in schemes if n in analysis.applied_schemes]
    if not analysis.applied_schemes:  # declared, applied nowhere (reported below)
        used = list(schemes)
    if not used:
        return  # only undeclared schemes are applied: what is declared protects nothing
    weak = [n for n in used if schemes[n] == "weak"]
    if weak:
        yield _finding(
            authentication, index, ctx, prefix + weak[0], "error", "not_met",
            _(
                ctx.lang,
                "Weak authentication is used: {names}",
                names=_names(ctx.lang, [analysis.scheme_labels[n].shown(ctx.lang) for n in weak]),
            ),
            _(
                ctx.lang,
                "Replace Basic/Digest and API keys in the URL with OAuth 2.0 or OpenID Connect.",
            ),
            evidence=_evidence([(analysis.scheme_labels[n].shown(ctx.lang), n) for n in weak]),
        )  # fmt: skip
    oauth = [n for n in used if n in analysis.oauth_schemes]
    if not oauth:
        standard = [n for n in used if schemes[n] == "standard"]
        names = _names(ctx.lang, [analysis.scheme_labels[n].shown(ctx.lang) for n in used])
        yield _finding(
            authentication, index, ctx, prefix + used[0], "note" if standard else "warning", "not_verified" if standard else "not_met",
            _(
                ctx.lang,
                "Standard authentication ({names}), but it does not show that it is OAuth 2.0",
                names=names,
            )
            if standard
            else _(ctx.lang, "Authentication is proprietary, not OAuth 2.0: {names}", names=names),
            _(ctx.lang, "Declare an oauth2 or openIdConnect scheme with its token URLs.")
            if standard
            else _(
                ctx.lang,
                "Offer OAuth 2.0 (RFC 6749) or OpenID Connect instead of proprietary keys.",
            ),
            evidence=_evidence([(analysis.scheme_labels[n].shown(ctx.lang), n) for n in used]),
        )  # fmt: skip
    elif analysis.applied_schemes and analysis.without_oauth:
        yield from _oauth_gaps(index, ctx)
    if analysis.access_limits:
        words, pointer = analysis.access_limits[0]
        yield _finding(
            authentication, index, ctx, pointer, "warning", "not_verified",
            _(
                ctx.lang,
                'Access to the API is described as rationed or closed to third parties ("{words}"), so whether the buyer, and those it appoints, can be given access when needed cannot be told',
                words=words,
            ),
            _(
                ctx.lang,
                "Ask the vendor for clients issued on request to the buyer and to anyone it appoints (consultants, the vendor of a successor system).",
            ),
            evidence=_evidence([(w, ptr) for w, ptr in analysis.access_limits]),
        )  # fmt: skip
    if not analysis.applied_schemes:
        yield _finding(
            authentication, index, ctx, prefix + next(iter(schemes)), "note", "not_verified",
            _(
                ctx.lang,
                "Security schemes are declared but applied to no operation: {names}",
                names=_names(ctx.lang, list(schemes)),
            ),
            _(ctx.lang, "Set `security` at document or operation level."),
        )  # fmt: skip


_OAUTH_GAPS = {
    "anonymous": N_("{count} callable without credentials"),
    "other": N_("{count} with other authentication only"),
    "key": N_("{count} that also need a proprietary or weak credential"),
}


def _oauth_gaps(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """OA007's finding when OAuth 2.0 is declared and applied but leaves operations out: the
    description does not show that the API as a whole is protected by it."""
    gaps = ctx.analysis.without_oauth
    ops = [op for why in _OAUTH_GAPS for op in gaps.get(why, [])]
    parts = [
        _(ctx.lang, text, count=len(gaps[why])) for why, text in _OAUTH_GAPS.items() if why in gaps
    ]
    yield _finding(
        authentication, index, ctx, ops[0].pointer, "warning", "not_verified",
        ngettext(
            ctx.lang,
            "OAuth 2.0 is declared, but {count} operation is not protected by it alone ({parts})",
            "OAuth 2.0 is declared, but {count} operations are not protected by it alone ({parts})",
            len(ops),
            count=len(ops),
            parts="; ".join(parts),
        ),
        _(
            ctx.lang,
            "Require the oauth2 or openIdConnect scheme, on its own, on every operation that reads or changes data.",
        ),
        evidence=_evidence([(f"{op.method.upper()} {op.path}", op.pointer) for op in ops]),
    )  # fmt: skip


@register(
    "OA008",
    "documentation-incomplete",
    title_en="The API description leaves operations, parameters or examples undocumented",
    title_sv="API-beskrivningen saknar beskrivningar eller exempel",
    kind="probe",
    severity="warning",
    public_only=True,
    dimension="docs",
)
def documentation(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports documentation coverage below the level a buyer can build on.

    What it checks
    The share of operations with a summary or description (at least 90 %), parameters with a
    description (80 %), responses with a description (90 %), named schemas with a description or
    title (50 %) and operations with at least one example (50 %); and whether the description
    names a contact (`info.contact`) and links public documentation (`externalDocs`).

    With nothing to measure (no operations, resource types, media types or server URLs, as
    applies) the check reports what is missing instead of passing, so the requirement is not
    verified rather than met.

    Why it matters
    An undocumented API is open only on paper: every integration must then be reverse
    engineered or bought from the vendor.

    How to comply
    Describe every operation and parameter, add request and response examples, and fill in
    `info.contact` and `externalDocs.url`.

    References
    - OpenAPI Specification 3.1, Info, Operation, Parameter and Example objects
    - DIGG, REST API-profil (documentation rules): https://dev.dataportal.se/rest-api-profil
    """
    analysis = ctx.analysis
    if not index.operations:
        yield _finding(
            documentation, index, ctx, "/paths", "warning", "not_verified",
            _(
                ctx.lang,
                "The description declares no operations, so how well they are documented cannot be measured",
            ),
            _(ctx.lang, "Describe the API's operations under `paths`."),
        )  # fmt: skip
    for aspect, (described, total) in analysis.docs.items():
        if not total:
            continue
        pct = round(100 * described / total)
        if pct < DOC_THRESHOLDS[aspect]:
            yield _finding(
                documentation, index, ctx, analysis.doc_examples.get(aspect), "warning", "not_met",
                _(
                    ctx.lang,
                    DOC_MESSAGES[aspect][0],
                    pct=pct,
                    described=described,
                    total=total,
                    threshold=DOC_THRESHOLDS[aspect],
                ),
                _(ctx.lang, DOC_MESSAGES[aspect][1]),
            )  # fmt: skip
    if not analysis.has_contact:
        yield _finding(
            documentation, index, ctx, "/info", "note", "not_verified",
            _(ctx.lang, "No contact (info.contact with an email or URL) is given"),
            _(ctx.lang, "Fill in info.contact with a support email address or URL."),
        )  # fmt: skip
    if not analysis.has_docs_link:
        yield _finding(
            documentation, index, ctx, "", "note", "not_verified",
            _(ctx.lang, "No link to public documentation (externalDocs) is given"),
            _(ctx.lang, "Add externalDocs.url pointing at documentation reachable without login."),
        )  # fmt: skip


@register(
    "OA009",
    "versioning-undocumented",
    title_en="No visible versioning strategy or semantic version",
    title_sv="Ingen synlig versionshantering eller semantisk version",
    kind="probe",
    severity="warning",
    ceiling="not_verified",
    dimension="versioning",
)
def versioning(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports an API description that shows no versioning strategy.

    What it checks
    Whether the API carries its major version in the URL (`/v1/`), in a header or query
    parameter (`api-version`), or in the media type (`vnd.x.v2+json`), and whether
    `info.version` is a semantic version (`MAJOR.MINOR.PATCH`). Deprecated operations and
    `Sunset`/`Deprecation` headers are counted.

    Why it matters
    Without a visible version, a breaking change reaches the buyer's integrations without
    warning; a semantic version tells a client whether an update can break it.

    How to comply
    Put the major version in the URL (or a documented header), use semantic versioning for
    `info.version`, mark deprecated operations and announce their end with a `Sunset` header.
    The versioning policy itself (notice periods) belongs in the contract.

    References
    - Semantic Versioning 2.0.0: https://semver.org/
    - RFC 8594, The Sunset HTTP Header Field
    - DIGG, REST API-profil (versioning): https://dev.dataportal.se/rest-api-profil
    """
    analysis = ctx.analysis
    if not analysis.versioning:
        yield _finding(
            versioning, index, ctx, "/servers" if index.servers else "/paths", "warning", "not_met",
            _(
                ctx.lang,
                "No versioning is visible (not in the URL, a header, a parameter or the media type)",
            ),
            _(
                ctx.lang,
                "Put the major version in the URL (such as /v1/) or in a documented header.",
            ),
        )  # fmt: skip
    if not analysis.semver:
        yield _finding(
            versioning, index, ctx, "/info/version", "note", "not_verified",
            _(ctx.lang, "info.version is not a semantic version (MAJOR.MINOR.PATCH)"),
            _(ctx.lang, "Use semantic versioning for info.version, such as 2.1.0."),
            evidence=str(index.info.get("version", "")) or None,
        )  # fmt: skip


@register(
    "OA010",
    "error-format-not-rfc9457",
    title_en="Error responses are not RFC 9457 problem details",
    title_sv="Felsvar följer inte RFC 9457 (problem details)",
    kind="probe",
    severity="warning",
    dimension="errors",
)
def error_format(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports operations whose errors are undocumented or not in the standard format.

    What it checks
    For every operation, whether it documents 4xx/5xx (or `default`) responses, and whether those
    use `application/problem+json` or a schema with the RFC 9457 members (`type`, `title`,
    `status`, `detail`, `instance`). A schema that says the body is no problem object is no
    evidence, whatever its media type: a string, properties of its own and none of the RFC's
    members, or a member typed otherwise (a string `status`, a number `type`). Only statuses a
    server sends count: those of the IANA registry, `4XX`, `5XX` and `default`; a problem body
    documented only on "599" describes no error a client will see. Documentation and health endpoints (`/api-docs`,
    `/openapi.json`, `/health`…) are about the API, not part of it, and are set apart. All
    operations covered: met; at least 90 %: not verified, naming the others; below: not met.

    With nothing to measure (no operations, resource types, media types or server URLs, as
    applies) the check reports what is missing instead of passing, so the requirement is not
    verified rather than met.

    Why it matters
    A standard error format lets integrations handle errors the same way for every system, without
    special code per vendor.

    How to comply
    Document the error responses of every operation with `application/problem+json` and a
    Problem schema.

    References
    - RFC 9457, Problem Details for HTTP APIs: https://www.rfc-editor.org/rfc/rfc9457
    """
    analysis = ctx.analysis
    missing = [*analysis.no_problem_examples, *analysis.no_error_examples]
    total = len(index.operations) - len(analysis.service_ops)
    if not total:
        yield _finding(
            error_format, index, ctx, "/paths", "warning", "not_verified",
            _(
                ctx.lang,
                "The description declares no operations, so their error responses cannot be judged",
            ) + _describe_service(analysis, ctx.lang),
            _(
                ctx.lang,
                "Document error responses (4xx/5xx) with application/problem+json and a Problem schema.",
            ),
        )  # fmt: skip
    elif missing:
        yield _finding(
            error_format, index, ctx, missing[0], "warning", coverage(analysis.ops_with_problem, total, "errors"),
            ngettext(
                ctx.lang,
                "{count} of {total} operation does not return RFC 9457 problem details ({without} without any documented error response)",
                "{count} of {total} operations do not return RFC 9457 problem details ({without} document no error response at all)",
                total,
                count=len(missing),
                total=total,
                without=len(analysis.no_error_examples),
            ) + _share(ctx.lang, analysis.ops_with_problem, total, "errors") + _describe_service(analysis, ctx.lang),
            _(
                ctx.lang,
                "Document error responses (4xx/5xx) with application/problem+json and a Problem schema.",
            ),
            evidence="; ".join(missing[:EXAMPLES]),
        )  # fmt: skip


@register(
    "OA011",
    "transport-not-https",
    title_en="Servers or OAuth endpoints are not HTTPS",
    title_sv="Servrar eller OAuth-adresser använder inte HTTPS",
    kind="probe",
    severity="error",
    dimension="transport",
)
def transport(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports server and OAuth URLs that are not HTTPS, or no server URL at all.

    What it checks
    Every server URL (document, path and operation level; `schemes`/`host` in OpenAPI 2.0) and
    every OAuth/OpenID Connect URL uses `https`. `localhost` development servers are set aside,
    and so are HTTPS URLs the buyer cannot reach or should not use: a private, loopback,
    link-local or shared address (10.0.0.5, fe80::1, 100.64.1.1, also written as 2130706433 or
    0x7f000001), a name with no dot or of a local network or tests (`.local`, `.internal`,
    `.lan`, `.corp`, `.test` and the like), a host named for tests below its domain
    (`test-api.vendor.se`, `staging.…`, `sandbox.…`, `dev.…`), a mock service that answers with
    the description's examples (SwaggerHub's virtserver, Postman, Stoplight), or a user name or
    password in the URL (shown as `***`). A server variable is read as its default, and also as each other value its `enum`
    offers (`{scheme}://…` offering `http` offers unencrypted access); an OpenAPI 2.0
    operation's own `schemes` count beside the document's, and so does the `server` of a
    response's link. `ws://` and `ftp://` are unencrypted
    like `http://`. A server's or the API's description that says SSL, TLS 1.0 or 1.1, or
    plain HTTP is accepted ("Stöder TLS 1.0 och 1.1", "anrop över HTTP besvaras utan
    omdirigering"; not "TLS 1.0 is not supported", nor HTTP calls redirected or refused)
    leaves the check not verified, quoting it. Relative URLs are judged against the URL the description was fetched from, if
    any. Met needs at least one absolute HTTPS server URL on a public host: an OAuth endpoint on
    HTTPS does not show how the API itself is reached.

    With nothing to measure (no operations, resource types, media types or server URLs, as
    applies) the check reports what is missing instead of passing, so the requirement is not
    verified rather than met.

    Why it matters
    The API carries the buyer's data, often personal data; encryption in transit is a basic
    protection.

    How to comply
    List the production servers with `https://` URLs, and use HTTPS for every OAuth endpoint.

    References
    - RFC 9110, HTTP Semantics, the https URI scheme
    - RFC 8446, TLS 1.3
    """
    urls = ctx.analysis.urls
    if urls["http"]:
        yield _finding(
            transport, index, ctx, urls["http"][0][1], "error", "not_met",
            ngettext(
                ctx.lang,
                "{count} server or OAuth URL uses unencrypted HTTP: {names}",
                "{count} server or OAuth URLs use unencrypted HTTP: {names}",
                len(urls["http"]),
                count=len(urls["http"]),
                names=_names(ctx.lang, [u for u, _unused in urls["http"]]),
            ),
            _(ctx.lang, "Use https:// for every server and OAuth URL."),
            evidence=_evidence(urls["http"]),
        )  # fmt: skip
        return
    if ctx.analysis.weak_transport:
        weak = ctx.analysis.weak_transport
        yield _finding(
            transport, index, ctx, weak[0][1], "warning", "not_verified",
            _(
                ctx.lang,
                "The description says a weaker transport than HTTPS with TLS 1.2 is accepted (\"{words}\"), so whether every call is encrypted cannot be told",
                words=weak[0][0],
            ),
            _(
                ctx.lang,
                "Ask the vendor to refuse plain HTTP, SSL and TLS older than 1.2, and to say so in the description.",
            ),
            evidence=_evidence(weak),
        )  # fmt: skip
    if not [u for u in urls["https"] if not _oauth_pointer(u[1])]:
        # an OAuth endpoint on HTTPS says nothing about how the API itself is reached
        set_aside = [(u, p) for u, p in urls["local"] if urlsplit(u).scheme == "https"]
        if set_aside:
            yield _finding(
                transport, index, ctx, set_aside[0][1], "warning", "not_verified",
                ngettext(
                    ctx.lang,
                    "The only HTTPS server URL is not one the buyer can reach ({names}), so whether the API is served over HTTPS cannot be told",
                    "The only HTTPS server URLs are not ones the buyer can reach ({names}), so whether the API is served over HTTPS cannot be told",
                    len(set_aside),
                    names=_names(ctx.lang, [_not_production_named(ctx.lang, u) for u, _p in set_aside]),
                ),
                _(
                    ctx.lang,
                    "List the production servers with full https:// URLs on public host names, without user names or passwords.",
                ),
                evidence=_evidence(set_aside),
            )  # fmt: skip
            return
        yield _finding(
            transport, index, ctx, "/servers" if index.version != "2.0" else "/host", "note", "not_verified",
            _(
                ctx.lang,
                "No absolute production URL is given, so whether HTTPS is used cannot be told",
            ),
            _(ctx.lang, "List the production servers with full https:// URLs under `servers`."),
            evidence=_evidence(urls["local"] + urls["relative"]) or None,
        )  # fmt: skip


def _not_production_named(lang: Lang, url: str) -> str:
    """`url` with why it is set aside, in words."""
    reason = not_production(urlsplit(url))
    if reason == "credentials":
        return _(lang, "{url}: a user name or password in the URL", url=url)
    if reason == "private":
        return _(lang, "{url}: a private, local or documentation address", url=url)
    if reason == "mock":
        return _(lang, "{url}: a mock server, which answers with examples, not the API", url=url)
    if reason == "placeholder":
        return _(lang, "{url}: a host name reserved for documentation, a placeholder", url=url)
    return _(lang, "{url}: a host name of a local network or for tests", url=url)


def _oauth_pointer(pointer: str) -> bool:
    return "/securitySchemes/" in pointer or "/securityDefinitions/" in pointer


@register(
    "OA012",
    "rate-limits-undocumented",
    title_en="Rate limits are not documented",
    title_sv="Anropsgränser är inte dokumenterade",
    kind="probe",
    severity="warning",
    ceiling="not_verified",
    dimension="terms",
)
def rate_limits(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports an API description that says nothing about rate limits.

    What it checks
    Whether any operation documents a `429 Too Many Requests` response or rate-limit headers
    (`RateLimit-*`, `X-RateLimit-*`, `Retry-After`), or the description text or an extension
    describes the limits. The service level (availability) cannot be expressed in OpenAPI and is
    left not verified.

    With nothing to measure (no operations, resource types, media types or server URLs, as
    applies) the check reports what is missing instead of passing, so the requirement is not
    verified rather than met.

    Why it matters
    Undocumented limits make it impossible to plan a full export or a synchronisation: a client
    that hits a hidden limit fails half-way.

    How to comply
    Document `429` responses with `Retry-After` and `RateLimit` headers, and state the limits in
    `info.description`.

    References
    - RFC 6585, section 4 (429 Too Many Requests)
    - IETF draft RateLimit header fields for HTTP
    """
    if not ctx.analysis.rate_limit_evidence and not index.operations:
        yield _finding(
            rate_limits, index, ctx, "/paths", "note", "not_verified",
            _(
                ctx.lang,
                "The description declares no operations and no rate limits, so the limits cannot be judged",
            ),
            _(
                ctx.lang,
                "Document 429 responses with Retry-After and state the limits in info.description.",
            ),
        )  # fmt: skip
    elif not ctx.analysis.rate_limit_evidence:
        yield _finding(
            rate_limits, index, ctx, "/paths", "warning", "not_met",
            _(
                ctx.lang,
                "Rate limits are not described (no 429 response, no RateLimit headers, no text)",
            ),
            _(
                ctx.lang,
                "Document 429 responses with Retry-After and state the limits in info.description.",
            ),
        )  # fmt: skip


@register(
    "OA013",
    "description-licence-missing",
    title_en="The description states no licence or terms of service",
    title_sv="Beskrivningen anger ingen licens eller användarvillkor",
    kind="probe",
    severity="note",
    ceiling="not_verified",
    dimension="terms",
)
def licence(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports a description without a licence or terms of service.

    What it checks
    Whether `info.license` names the licence of the description and `info.termsOfService` links
    the terms of use. The licence of the data and any API fees cannot be expressed in OpenAPI, so
    requirements about them always stay not verified: the contract must settle them.

    Why it matters
    Without a licence the buyer may not be free to publish, share or generate code from the
    description; terms of service are where fees and limits on API use hide.

    How to comply
    Add `info.license` (an SPDX identifier or name and URL) and `info.termsOfService`.

    References
    - OpenAPI Specification 3.1, License Object
    - SPDX License List: https://spdx.org/licenses/
    """
    analysis = ctx.analysis
    if not analysis.licence:
        yield _finding(
            licence, index, ctx, "/info", "note", "not_verified",
            _(ctx.lang, "The description states no licence (info.license)"),
            _(
                ctx.lang,
                "State the licence of the description in info.license, preferably as an SPDX identifier.",
            ),
        )  # fmt: skip
    if not analysis.terms:
        yield _finding(
            licence, index, ctx, "/info", "note", "not_verified",
            _(ctx.lang, "The description links no terms of service (info.termsOfService)"),
            _(ctx.lang, "Link the terms of service in info.termsOfService."),
        )  # fmt: skip


@register(
    "OA014",
    "federated-login-undeclared",
    title_en="No OpenID Connect or OAuth 2.0 user login declared",
    title_sv="Ingen inloggning via OpenID Connect eller OAuth 2.0 deklarerad",
    kind="probe",
    severity="note",
    ceiling="not_verified",
    dimension="auth",
)
def federated_login(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports an API description that declares no federated user login.

    What it checks
    Whether a security scheme is OpenID Connect, or OAuth 2.0 with a flow in which a user logs in
    (authorization code or implicit), so that API calls on a user's behalf go through the
    buyer's identity provider. Login to the service's user interface cannot be seen in an API
    description, so this check alone never makes a requirement met.

    Why it matters
    Federated login lets users keep one account at the buyer's identity provider and lets the
    buyer control access centrally.

    How to comply
    Declare an `openIdConnect` security scheme (or `oauth2` with the authorization-code flow)
    pointing at a configurable identity provider.

    References
    - OpenID Connect Core 1.0: https://openid.net/specs/openid-connect-core-1_0.html
    - RFC 6749, OAuth 2.0, section 4.1
    """
    if not ctx.analysis.federated:
        yield _finding(
            federated_login, index, ctx, "", "note", "not_verified",
            _(ctx.lang, "No OpenID Connect or OAuth 2.0 with user login is declared"),
            _(
                ctx.lang,
                "Declare an openIdConnect scheme (or oauth2 with the authorization-code flow).",
            ),
        )  # fmt: skip


@register(
    "OA015",
    "openapi-schema-invalid",
    title_en="The API description does not validate against the official OpenAPI schema",
    title_sv="API-beskrivningen validerar inte mot det officiella OpenAPI-schemat",
    kind="probe",
    severity="error",
)
def schema_invalid(index: ApiIndex, ctx: ProbeContext) -> Iterator[Finding]:
    """Reports a description that breaks the official OpenAPI JSON Schema (`--validate-schema`).

    What it checks
    Only with `proccheck probe --validate-schema` (it costs seconds on a large description; the
    time is part of the message): the whole description is validated against the official JSON
    Schema of its version (OpenAPI 2.0, 3.0 or 3.1, shipped with proccheck; nothing is fetched).
    Every violation counts (a wrong type such as `info.version: 1`, a missing required field such
    as a 3.0 response without `description`, an unknown field); they are reported as one problem
    with the count and up to five example locations, and validation stops after 1,000.

    Why it matters
    Code generators, mock servers and test tools assume a valid description; each violation is a
    place where the buyer's tooling may fail or silently guess, so the description is not the
    machine-readable contract it claims to be.

    How to comply
    Validate the description in the vendor's build (any OpenAPI validator) and fix every
    violation before publishing it.

    References
    - OpenAPI Specification 3.1: https://spec.openapis.org/oas/v3.1.0
    - OpenAPI JSON Schemas: https://spec.openapis.org/#openapi-specification-schemas
    """
    result = ctx.schema_validation
    if result is None:
        return
    if not result.count and result.stopped is None:
        return
    values = {
        "count": result.count,
        "version": index.declared_version,
        "seconds": f"{result.seconds:.2f}",
    }
    if result.stopped == "limit":
        message = ngettext(
            ctx.lang,
            "At least {count} violation of the official OpenAPI {version} schema; validation "
            "stopped at {count} (schema validation: {seconds} s)",
            "At least {count} violations of the official OpenAPI {version} schema; validation "
            "stopped at {count} (schema validation: {seconds} s)",
            result.count,
            **values,
        )
    elif result.stopped == "depth":
        message = ngettext(
            ctx.lang,
            "Schema validation stopped: the description is nested too deeply ({count} violation "
            "before that; schema validation: {seconds} s)",
            "Schema validation stopped: the description is nested too deeply ({count} violations "
            "before that; schema validation: {seconds} s)",
            result.count,
            **values,
        )
    else:
        message = ngettext(
            ctx.lang,
            "{count} violation of the official OpenAPI {version} schema (schema validation: "
            "{seconds} s)",
            "{count} violations of the official OpenAPI {version} schema (schema validation: "
            "{seconds} s)",
            result.count,
            **values,
        )
    fix = (
        _(ctx.lang, "Reduce the nesting (use $refs to named schemas) and validate again.")
        if result.stopped == "depth"
        else _(
            ctx.lang,
            "Correct the description so that it validates against the OpenAPI JSON Schema.",
        )
    )
    examples = "; ".join(f"{pointer or '/'}: {text}" for pointer, text in result.examples)
    yield _finding(
        schema_invalid, index, ctx, result.examples[0][0] if result.examples else None, "warning" if result.stopped == "depth" else "error", "not_verified" if result.stopped == "depth" and not result.count else "not_met",
        message,
        fix,
        evidence=examples or None,
    )  # fmt: skip
