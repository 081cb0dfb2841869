"""DIGG's REST API profile rules (`builtin:digg-rest-api-profil`), one verdict check per rule.

The profile's rules are finer than the probe checks (OA001-OA015): "API keys SHALL NOT be in the
query string" is one line of OA007, "page SHALL start at 1" no check at all. So each profile id
the description can show is a registered verdict check here, coded `RAP-` plus the profile's own
id (`RAP-SAK.15`), as DIGG's own lint processor keys its rules. A requirement is judged by the
rule check its `verification.checks` lists, so a user's own `SAK.09` means nothing here unless
the user says so; the profile set lists them.

Each verdict is `met`, `not_met`, `not_applicable` (the rule's condition never arises, e.g. no
API key scheme for SAK.15) or `not_verified` (the description cannot show it, or can show only
part of it, e.g. HTTPS but not the TLS version for SAK.01), with the locations behind it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from proccheck.checks import Verdict, documentation, register
from proccheck.checks.api_analysis import Analysis
from proccheck.checks.probe_checks import ProbeContext
from proccheck.i18n import N_, _, ngettext, pgettext
from proccheck.loaders.openapi import ApiIndex, Operation
from proccheck.model import Lang, Outcome, Requirement

PROFILE_SET = "builtin:digg-rest-api-profil"
PROFILE_URL = "https://dev.dataportal.se/rest-api-profil"
EXAMPLES = 5


@dataclass(frozen=True)
class Ctx:
    """What an evaluator reads: the description, its measurements and the message language."""

    index: ApiIndex
    analysis: Analysis
    lang: Lang
    public_source: bool


Evaluator = Callable[[Ctx], Verdict]


def cannot_show(lang: Lang) -> str:
    """The reason given for a requirement that an API description cannot show."""
    return _(lang, "an API description cannot show this; check the documentation and the contract")


def _documentation(rule_id: str, evaluator: Evaluator) -> Callable[[Lang], str]:
    """The rule check's documentation in a language: the rule as the profile set states it in
    that language, the fixed parts below (msgids), and how the evaluator judges it from the
    description (its docstring, paragraph by paragraph through the catalogue, like any check's
    documentation)."""

    def build(lang: Lang) -> str:
        from proccheck.requirements import load_requirement_set

        requirement = load_requirement_set(PROFILE_SET).get(rule_id)
        text = requirement.text.get(lang) if requirement else rule_id
        must = requirement is not None and requirement.level == "must"
        level = (
            pgettext(lang, "check documentation", "SKALL (must)")
            if must
            else pgettext(lang, "check documentation", "BÖR (should)")
        )
        rule_text = pgettext(
            lang,
            "check documentation",
            "Profile rule {rule_id}, {level}: {text}",
            rule_id=rule_id,
            level=level,
            text=text,
        )
        how = documentation.translated(lang, inspect.cleandoc(evaluator.__doc__ or ""))
        why = pgettext(
            lang,
            "check documentation",
            "DIGG's REST API profile is the national profile for public-sector REST APIs in "
            "Sweden; an API that follows it can be used by other agencies and municipalities "
            "without special adaptation, and DIGG's validator reports the same rule ids.",
        )
        comply = pgettext(
            lang,
            "check documentation",
            "Change the API (or its description) so that {rule_id} holds: {text}",
            rule_id=rule_id,
            text=text,
        )
        reference = pgettext(
            lang,
            "check documentation",
            "DIGG, REST API-profil, {rule_id}: {url}",
            rule_id=rule_id,
            url=PROFILE_URL,
        )
        unit = documentation.Unit
        sections = {
            "What it checks": [unit(rule_text), *how],
            "Why it matters": [unit(why)],
            "How to comply": [unit(comply)],
            "References": [unit(reference, item=True)],
        }
        return documentation.compose(
            lang, "", {name: documentation.render(body) for name, body in sections.items()}
        )

    return build


def rule(rule_id: str, *, title_en: str, title_sv: str) -> Callable[[Evaluator], Evaluator]:
    """Register `evaluator` as the verdict check `RAP-<rule_id>` (stackable: one evaluator may
    judge several rules)."""

    def decorate(evaluator: Evaluator) -> Evaluator:
        def judge(index: ApiIndex, ctx: ProbeContext, requirement: Requirement) -> Verdict:
            return evaluator(Ctx(index, ctx.analysis, ctx.lang, ctx.public_source))

        judge.__doc__ = evaluator.__doc__
        register(
            f"RAP-{rule_id}",
            f"rest-api-profile-{rule_id.lower().replace('.', '-')}",
            title_en=f"{rule_id} {title_en}",
            title_sv=f"{rule_id} {title_sv}",
            kind="probe",
            severity="warning",
            verdict=True,
            doc_source=_documentation(rule_id, evaluator),
        )(judge)
        return evaluator

    return decorate


ITEM_NAMES = {
    "info_fields": N_("info fields"),
    "bodies": N_("message bodies"),
    "versions": N_("version declarations"),
    "operations": N_("operations"),
    "responses": N_("responses"),
    "date_fields": N_("date and time fields"),
    "url_parameters": N_("query and path parameters"),
    "paths": N_("paths"),
    "servers": N_("server URLs"),
    "urls": N_("URLs"),
    "properties": N_("field names"),
    "header_parameters": N_("header parameters"),
    "error_bodies": N_("error responses with content"),
    "query_parameters": N_("query parameters"),
    "paged_operations": N_("paginated operations"),
    "page_parameters": N_("page parameters"),
    "limit_parameters": N_("limit parameters"),
    "schemes": N_("security schemes"),
    "api_keys": N_("API keys"),
}
"""What an evaluator counts, as it is named in a reason."""


def _tally(
    c: Ctx,
    items: str,
    candidates: Iterable[tuple[str, bool]],
    *,
    ceiling: Outcome = "met",
    none: Outcome = "not_applicable",
) -> Verdict:
    """Judge a list of (location, passes) pairs: all pass -> ceiling, any fails -> not_met."""
    pairs = list(candidates)
    label = _(c.lang, ITEM_NAMES[items])
    if not pairs:
        if none == "not_applicable":
            reason = _(
                c.lang,
                "the description has no {items}; the requirement does not apply",
                items=label,
            )
        else:
            reason = _(c.lang, "the description declares no {items}", items=label)
        return Verdict(none, reason)
    failing = [where for where, ok in pairs if not ok]
    if failing:
        shown = ", ".join(failing[:EXAMPLES]) + (" …" if len(failing) > EXAMPLES else "")
        reason = ngettext(
            c.lang,
            "{items}: {count} of {total} does not follow the requirement: {examples}",
            "{items}: {count} of {total} do not follow the requirement: {examples}",
            len(failing),
            count=len(failing),
            total=len(pairs),
            items=label,
            examples=shown,
        )
        return Verdict("not_met", reason, tuple(failing[:EXAMPLES]))
    reason = ngettext(
        c.lang,
        "{items}: {total} of {total} follows the requirement",
        "{items}: all {total} follow the requirement",
        len(pairs),
        total=len(pairs),
        items=label,
    )
    if ceiling != "met":
        reason = _(
            c.lang,
            "{shown}; the rest of the requirement cannot be shown by an API description",
            shown=reason,
        )
    return Verdict(ceiling, reason, tuple(where for where, _unused in pairs[:EXAMPLES]))


def _op(op: Operation) -> str:
    return f"{op.method.upper()} {op.path}"


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s and not (s.startswith("{") and s.endswith("}"))]


def _query(c: Ctx) -> list[tuple[str, Any]]:
    seen: dict[str, Any] = {}
    for op in c.index.operations:
        for param in op.parameters:
            if param.location == "query" and param.name not in seen:
                seen[param.name] = param
    return list(seen.items())


def _properties(c: Ctx) -> list[str]:
    """Property names of the named schemas (one level, allOf members included)."""
    names: dict[str, None] = {}
    for schema in c.index.schemas.values():
        resolved = c.index.resolve(schema)
        if not isinstance(resolved, dict):
            continue
        parts = [resolved, *(c.index.resolve(m) for m in resolved.get("allOf") or [])]
        for part in parts:
            props = part.get("properties") if isinstance(part, dict) else None
            if isinstance(props, dict):
                names.update((str(k), None) for k in props)
    return list(names)


_CAMEL = re.compile(r"^[a-z][a-z0-9]*([A-Z][a-z0-9]*)*$")
_SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _style(name: str) -> str:
    if _SNAKE.match(name) and "_" not in name and _CAMEL.match(name):
        return "plain"
    if _CAMEL.match(name):
        return "camel"
    if _SNAKE.match(name):
        return "snake"
    return "other"


def _consistent(c: Ctx, items: str, names: list[str]) -> Verdict:
    styles = {n: _style(n) for n in names}
    camel = [n for n, s in styles.items() if s == "camel"]
    snake = [n for n, s in styles.items() if s == "snake"]
    if camel and snake:
        minority = camel if len(camel) < len(snake) else snake
        return _tally(c, items, [(n, n not in minority) for n in names])
    return _tally(c, items, [(n, True) for n in names])


# --- documentation -------------------------------------------------------------------------------


@rule(
    "DOK.01",
    title_en="Documentation published online",
    title_sv="Dokumentationen publicerad online",
)
def _dok01(c: Ctx) -> Verdict:
    """Met when the description was fetched from a public URL (without `--allow-private`); a
    local file cannot show where, or whether, it is published."""
    if c.public_source:
        return Verdict(
            "met",
            _(c.lang, "the description was fetched from a public address"),
            (c.index.display,),
        )
    return Verdict(
        "not_verified",
        _(
            c.lang,
            "the description was read from a file; whether it is published online cannot be told",
        ),
    )


@rule(
    "DOK.03",
    title_en="Overview information about the API",
    title_sv="Övergripande information om API:et",
)
def _dok03(c: Ctx) -> Verdict:
    """Counts the `info` fields title, version, description, contact and license: met when
    all five are present."""
    info = c.index.info
    fields = ("title", "version", "description", "contact", "license")
    return _tally(c, "info_fields", [(f"/info/{f}", bool(info.get(f))) for f in fields])


@rule(
    "DOK.07",
    title_en="Description of the API as a whole",
    title_sv="Beskrivning av API:et i dess helhet",
)
@rule(
    "DOK.11",
    title_en="Purpose and behaviour of the API described",
    title_sv="API:ets syfte och beteende beskrivna",
)
def _info_description(c: Ctx) -> Verdict:
    """Met when `info.description` is a non-empty text."""
    text = c.index.info.get("description")
    ok = isinstance(text, str) and bool(text.strip())
    return _tally(c, "info_fields", [("/info/description", ok)])


@rule("DOK.08", title_en="Service level described", title_sv="Servicenivå beskriven")
def _dok08(c: Ctx) -> Verdict:
    """Met when the description carries a service level: `info.termsOfService`, an
    `info.x-sla` object with `availability`, `responseTime` and `support`, or an
    `externalDocs` whose description names a "service level agreement" and whose URL is
    http(s); not met when the x-sla object lacks one of those fields or that externalDocs
    has no such URL; otherwise not verified, since an SLA usually lives outside the
    description (RAP-LP Dok08)."""
    info = c.index.info
    sla = info.get("x-sla")
    docs = c.index.root.get("externalDocs")
    docs = docs if isinstance(docs, dict) else {}
    about_sla = "service level agreement" in str(docs.get("description", "")).lower()
    found: list[str] = []
    failing: list[str] = []
    if isinstance(info.get("termsOfService"), str) and info["termsOfService"].strip():
        found.append("/info/termsOfService")
    if isinstance(sla, dict):
        complete = all(
            sla.get(k) not in (None, "") for k in ("availability", "responseTime", "support")
        )
        (found if complete else failing).append("/info/x-sla")
    if about_sla:
        url = docs.get("url")
        ok = isinstance(url, str) and re.match(r"^https?://[^/\s]+", url) is not None
        (found if ok else failing).append("/externalDocs")
    if failing:
        return _tally(c, "info_fields", [(w, False) for w in failing] + [(w, True) for w in found])
    if found:
        what = ", ".join(found)
        return Verdict("met", _(c.lang, "the description declares {what}", what=what), tuple(found))
    return Verdict("not_verified", cannot_show(c.lang))


@rule(
    "DOK.09",
    title_en="Known problems and limitations described",
    title_sv="Kända problem och begränsningar beskrivna",
)
def _dok09(c: Ctx) -> Verdict:
    """Met when the description lists known limitations (`info.x-limitations`); otherwise
    not verified."""
    if c.index.info.get("x-limitations"):
        found = _(c.lang, "the description declares {what}", what="info.x-limitations")
        return Verdict("met", found, ("/info/x-limitations",))
    return Verdict("not_verified", cannot_show(c.lang))


def _has_example(c: Ctx, media: Any) -> bool:
    if media.has_example:
        return True
    schema = c.index.resolve(media.schema)
    if isinstance(schema, dict) and schema.get("type") == "array":
        schema = c.index.resolve(schema.get("items"))  # an example item makes a full list
    return isinstance(schema, dict) and ("example" in schema or "examples" in schema)


@rule(
    "DOK.15",
    title_en="Complete examples of requests and responses",
    title_sv="Kompletta exempel på anrop och svar",
)
def _dok15(c: Ctx) -> Verdict:
    """Counts request and response bodies with a schema, and JSON bodies without one: met
    when each has an example (on the media type, or on its schema or its array items); a JSON
    media type with neither schema nor example is not met (RAP-LP Dok15Get, Dok15ReqBody)."""
    bodies = [
        (m.pointer, _has_example(c, m))
        for op in c.index.operations
        for m in [*op.request, *(m for r in op.responses for m in r.media)]
        if m.schema is not None or _json(m.media_type)
    ]
    return _tally(c, "bodies", bodies)


@rule("DOK.17", title_en="Current version of OpenAPI", title_sv="Aktuell version av OpenAPI")
def _dok17(c: Ctx) -> Verdict:
    """Met for OpenAPI 3.0 or 3.1; not met for Swagger 2.0."""
    ok = c.index.version != "2.0"
    where = "/openapi" if ok else "/swagger"
    return _tally(c, "versions", [(f"{where} ({c.index.declared_version})", ok)])


@rule(
    "DOK.19",
    title_en="Resources and operations described",
    title_sv="Resurser och operationer beskrivna",
)
def _dok19(c: Ctx) -> Verdict:
    """Counts operations: met when each has a summary or a description."""
    return _tally(c, "operations", [(_op(op), op.described) for op in c.index.operations])


def _error(status: str) -> bool:
    return status[:1] in ("4", "5") or status == "default"


@rule(
    "DOK.20",
    title_en="Status and error codes documented",
    title_sv="Svarskoder och felkoder dokumenterade",
)
def _dok20(c: Ctx) -> Verdict:
    """Counts responses: met when each has a description and every operation documents at
    least one 4xx/5xx (or default) response."""
    pairs = [(r.pointer, bool(r.description.strip())) for op in c.index.operations
             for r in op.responses]  # fmt: skip
    pairs += [
        (_op(op) + " (4xx/5xx)", False)
        for op in c.index.operations
        if not any(_error(r.status) for r in op.responses)
    ]
    return _tally(c, "responses", pairs)


# --- date and time -------------------------------------------------------------------------------

_DATE_NAME = re.compile(
    r"(date|time|timestamp|datum|tidpunkt)$|(^|_)(created|updated|modified|changed)(_at|_on)?$|"
    r"[a-z](At|On|Date|Time)$",
)


@rule("DOT.01", title_en="Dates and times per RFC 3339", title_sv="Datum och tid enligt RFC 3339")
@rule(
    "DOT.04",
    title_en="Date and time fields declared in RFC 3339 format",
    title_sv="Datum- och tidsfält beskrivs med RFC 3339-format",
)
def _dot(c: Ctx) -> Verdict:
    """Counts string properties whose names look like dates or times (`…date`, `…At`,
    `created`, `updated`…): met only in part (not verified) when all declare `format: date`
    or `date-time`, since values cannot be seen; not met when one does not."""
    pairs: list[tuple[str, bool]] = []
    prefix = "/definitions/" if c.index.version == "2.0" else "/components/schemas/"
    for name, schema in c.index.schemas.items():
        resolved = c.index.resolve(schema)
        props = resolved.get("properties") if isinstance(resolved, dict) else None
        for prop, raw in (props or {}).items() if isinstance(props, dict) else []:
            node = c.index.resolve(raw)
            if not isinstance(node, dict) or node.get("type") != "string":
                continue
            if _DATE_NAME.search(str(prop)):
                ok = node.get("format") in ("date", "date-time")
                pairs.append((f"{prefix}{name}/properties/{prop}", ok))
    return _tally(c, "date_fields", pairs, ceiling="not_verified")


# --- resources and URLs --------------------------------------------------------------------------

_PERSONAL = frozenset(
    {"pnr", "personalidentitynumber", "personnummer", "personnr", "ssn", "socialsecuritynumber"}
)


@rule(
    "RES.02",
    title_en="No primary keys or personal identity numbers exposed",
    title_sv="Inga primärnycklar eller personnummer exponeras",
)
def _res02(c: Ctx) -> Verdict:
    """Counts query and path parameters: not met when one is a personal identity number
    (`personnummer`, `pnr`, `ssn`…); otherwise not verified, as primary keys cannot be told
    from names."""
    pairs = [
        (f"{p.location} {p.name} ({_op(op)})",
         re.sub(r"[^a-z]", "", p.name.lower()) not in _PERSONAL)
        for op in c.index.operations for p in op.parameters if p.location in ("query", "path")
    ]  # fmt: skip
    return _tally(c, "url_parameters", pairs, ceiling="not_verified")


def _paths(c: Ctx) -> list[str]:
    return list(dict.fromkeys(op.path for op in c.index.operations))


@rule(
    "RES.06",
    title_en="Resource names in lower case with hyphens",
    title_sv="Resursnamn med gemener och bindestreck",
)
def _kebab(c: Ctx) -> Verdict:
    """Counts paths: met when every fixed segment is lower case with hyphens between words and
    does not start with an HTTP verb (`get-`, `post-`, `put-`, `delete-`, `patch-`) (RAP-LP
    Res06)."""
    pattern = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)?$")
    verbs = ("get-", "post-", "put-", "delete-", "patch-")

    def ok(segment: str) -> bool:
        return bool(pattern.match(segment)) and not segment.startswith(verbs)

    return _tally(c, "paths", [(p, all(ok(s) for s in _segments(p))) for p in _paths(c)])


@rule(
    "UFN.08", title_en="Hyphens between words in URLs", title_sv="Bindestreck mellan ord i URL:er"
)
def _ufn08(c: Ctx) -> Verdict:
    """Counts paths: not met when a fixed segment separates words with `,`, `.`, `_` or `~`,
    starts or ends with a hyphen, or has two hyphens in a row; capitals are left to RES.06
    and path parameters are ignored (RAP-LP Ufn08)."""

    def ok(segment: str) -> bool:
        return not (
            re.search(r"[,._~]", segment)
            or segment.startswith("-")
            or segment.endswith("-")
            or "--" in segment
        )

    return _tally(c, "paths", [(p, all(ok(s) for s in _segments(p))) for p in _paths(c)])


@rule(
    "UFN.01",
    title_en="URL structure with API name and version",
    title_sv="URL-struktur med API-namn och version",
)
def _ufn01(c: Ctx) -> Verdict:
    """Counts server URLs: met when each has the form `scheme://host/api-name/vN`, with one
    segment (the API name) before the major version; server variables are replaced by their
    defaults first, and a variable without a default fails (RAP-LP Ufn01)."""
    pattern = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]+/[^/]+/v[0-9]+/?$", re.I)

    def ok(url: str, variables: Any) -> bool:
        defaults = variables if isinstance(variables, dict) else {}
        missing = False

        def substitute(match: re.Match[str]) -> str:
            nonlocal missing
            variable = defaults.get(match.group(1))
            if not isinstance(variable, dict) or "default" not in variable:
                missing = True
                return ""
            return str(variable["default"])

        resolved = re.sub(r"\{([^}]+)\}", substitute, url)
        return not missing and bool(pattern.match(resolved))

    raw = c.index.root.get("servers") if c.index.version != "2.0" else None
    if isinstance(raw, list):
        servers = [(str(s["url"]), s.get("variables")) for s in raw
                   if isinstance(s, dict) and isinstance(s.get("url"), str)]  # fmt: skip
    else:
        servers = [(u, None) for u in c.index.servers]
    return _tally(c, "servers", [(u, ok(u, v)) for u, v in servers], none="not_verified")


@rule("UFN.02", title_en="HTTPS on port 443", title_sv="HTTPS på port 443")
def _ufn02(c: Ctx) -> Verdict:
    """Counts server URLs: met when each is https on the default port 443."""

    def ok(url: str) -> bool:
        try:
            parts = urlsplit(url)
            return parts.scheme == "https" and parts.port in (None, 443)
        except ValueError:
            return False

    return _tally(c, "servers", [(u, ok(u)) for u in c.index.servers], none="not_verified")


@rule("UFN.05", title_en="URL at most 2048 characters", title_sv="URL högst 2048 tecken")
def _ufn05(c: Ctx) -> Verdict:
    """Counts paths: met when the longest server URL plus the path stays within 2,048
    characters."""
    base = max((len(u) for u in c.index.servers), default=0)
    return _tally(c, "paths", [(p, base + len(p) <= 2048) for p in _paths(c)])


@rule("UFN.07", title_en="Permitted characters in URLs", title_sv="Tillåtna tecken i URL:er")
def _ufn07(c: Ctx) -> Verdict:
    """Counts paths and whole server URLs (host included): met when, leaving out `{…}`
    templates, the scheme's colon and the slashes, each uses only a-z, 0-9, `.`, `~` and `-`
    (RAP-LP Ufn07)."""
    pattern = re.compile(r"^[a-z0-9/.~-]*$")
    template = re.compile(r"\{[^{}]*\}")
    pairs = [(p, bool(pattern.match(template.sub("", p)))) for p in _paths(c)]
    pairs += [
        (u, bool(pattern.match(template.sub("", u).replace(":", "")))) for u in c.index.servers
    ]
    return _tally(c, "urls", pairs)


@rule(
    "UFN.09",
    title_en="No spaces or underscores in URLs",
    title_sv="Inga blanksteg eller understreck i URL:er",
)
def _ufn09(c: Ctx) -> Verdict:
    """Counts paths (path templates included, as `{item_id}`), server URLs and path parameter
    names: met when none contains white space or an underscore (RAP-LP Ufn09Path, Ufn09Server,
    Ufn09InPathParameters)."""
    bad = re.compile(r"[\s_]")
    pairs = [(p, not bad.search(p)) for p in _paths(c)]
    pairs += [(u, not bad.search(u)) for u in c.index.servers]
    names = {f"path {p.name} ({_op(op)})": p.name for op in c.index.operations
             for p in op.parameters if p.location == "path"}  # fmt: skip
    pairs += [(where, not bad.search(name)) for where, name in names.items()]
    return _tally(c, "urls", pairs)


# --- messages ------------------------------------------------------------------------------------


def _json(media_type: str) -> bool:
    base = media_type.split(";", 1)[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


@rule(
    "AME.01",
    title_en="Representations in JSON (RFC 8259)",
    title_sv="Representationer i JSON (RFC 8259)",
)
def _ame01(c: Ctx) -> Verdict:
    """Counts request bodies and success response bodies: met when each offers
    `application/json` or a `+json` type."""
    pairs: list[tuple[str, bool]] = []
    for op in c.index.operations:
        if op.request:
            pairs.append(
                (op.pointer + "/requestBody", any(_json(m.media_type) for m in op.request))
            )
        for response in op.responses:
            if response.media and not _error(response.status):
                pairs.append((response.pointer, any(_json(m.media_type) for m in response.media)))
    return _tally(c, "bodies", pairs)


@rule(
    "AME.02",
    title_en="JSON as the default response format",
    title_sv="JSON som standardformat för svar",
)
def _ame02(c: Ctx) -> Verdict:
    """Counts operations with a success response body: met when each offers JSON."""
    pairs = [
        (_op(op), any(_json(m.media_type) for r in op.responses for m in r.media))
        for op in c.index.operations
        if any(r.media for r in op.responses if not _error(r.status))
    ]
    return _tally(c, "operations", pairs)


_HAL = frozenset({"_links", "_embedded"})


@rule(
    "AME.04",
    title_en="Field names in camelCase or snake_case",
    title_sv="Fältnamn i camelCase eller snake_case",
)
def _ame04(c: Ctx) -> Verdict:
    """Counts property names of the named schemas: met when each is camelCase or snake_case;
    the reserved HAL fields `_links` and `_embedded` count as valid, any other leading
    underscore does not (RAP-LP Ame04)."""
    pairs = [(n, n in _HAL or _style(n) != "other") for n in _properties(c)]
    return _tally(c, "properties", pairs)


@rule("AME.05", title_en="Consistent naming", title_sv="Konsekvent namnsättning")
def _ame05(c: Ctx) -> Verdict:
    """Counts property names: not met when both camelCase and snake_case occur (the minority
    style is listed)."""
    return _consistent(c, "properties", _properties(c))


@rule("AME.07", title_en="Alphanumeric field names", title_sv="Alfanumeriska fältnamn")
def _ame07(c: Ctx) -> Verdict:
    """Counts property names: met when each uses only letters, digits and underscores."""
    pattern = re.compile(r"^[A-Za-z0-9_]+$")
    return _tally(c, "properties", [(n, bool(pattern.match(n))) for n in _properties(c)])


@rule("ARQ.01", title_en="Requests in UTF-8", title_sv="Anrop i UTF-8")
def _arq01(c: Ctx) -> Verdict:
    """Counts request media types: not met when one declares a charset other than UTF-8;
    otherwise met only in part (not verified), since the encoding actually sent cannot be
    seen."""

    def utf8(media_type: str) -> bool:
        match = re.search(r"charset\s*=\s*\"?([\w-]+)", media_type, re.I)
        return match is None or match.group(1).lower() in ("utf-8", "utf8")

    pairs = [(m.pointer, utf8(m.media_type)) for op in c.index.operations for m in op.request]
    return _tally(c, "bodies", pairs, ceiling="not_verified")


@rule(
    "ARQ.05", title_en="No payload data in HTTP headers", title_sv="Ingen nyttolast i HTTP-headers"
)
def _arq05(c: Ctx) -> Verdict:
    """Counts header parameters: met when none carries an object or array, or binary data
    (`type: string, format: binary`), all payload data (RAP-LP Arq05ComplexStructure,
    Arq05NestedStructure, Arq05StringBinary)."""

    def simple(schema: Any) -> bool:
        node = c.index.resolve(schema)
        if not isinstance(node, dict):
            return True
        binary = node.get("type") == "string" and node.get("format") == "binary"
        return not (binary or node.get("type") in ("object", "array"))

    pairs = [
        (p.pointer, simple(p.schema))
        for op in c.index.operations for p in op.parameters if p.location == "header"
    ]  # fmt: skip
    return _tally(c, "header_parameters", pairs)


# --- errors --------------------------------------------------------------------------------------

_PROBLEM = ("type", "title", "status", "detail", "instance")


def _error_media(c: Ctx) -> list[tuple[str, Any]]:
    return [(m.pointer, m) for op in c.index.operations for r in op.responses if _error(r.status)
            for m in r.media]  # fmt: skip


@rule("FEL.01", title_en="Error details per RFC 9457", title_sv="Feldetaljer enligt RFC 9457")
def _fel01(c: Ctx) -> Verdict:
    """Counts 4xx/5xx response bodies: met when each schema has the RFC 9457 members type,
    title, status, detail and instance."""

    def members(schema: Any) -> set[str]:
        node = c.index.resolve(schema)
        found: set[str] = set()
        parts = (
            [node, *(c.index.resolve(m) for m in (node or {}).get("allOf") or [])]
            if (isinstance(node, dict))
            else []
        )
        for part in parts:
            if isinstance(part, dict) and isinstance(part.get("properties"), dict):
                found.update(part["properties"])
        return found

    pairs = [(where, set(_PROBLEM) <= members(m.schema)) for where, m in _error_media(c)]
    return _tally(c, "error_bodies", pairs, none="not_verified")


@rule(
    "FEL.02",
    title_en="Media type problem+json for errors",
    title_sv="Mediatyp problem+json för fel",
)
def _fel02(c: Ctx) -> Verdict:
    """Counts 4xx/5xx and default responses that declare content (an empty or null `content`
    included): met when each offers `application/problem+json` or `+xml` (RAP-LP Fel02)."""
    problem = ("application/problem+json", "application/problem+xml")
    pairs = [
        (r.pointer, any(m.media_type.split(";")[0].strip().lower() in problem for m in r.media))
        for op in c.index.operations
        for r in op.responses
        if _error(r.status) and (r.media or _declares_content(c, r.pointer))
    ]
    if not pairs and not any(_error(r.status) for op in c.index.operations for r in op.responses):
        return Verdict("not_verified", _(c.lang, "the description declares no {items}", items=_(c.lang, "error responses with content")))  # fmt: skip
    return _tally(c, "error_bodies", pairs)


def _declares_content(c: Ctx, pointer: str) -> bool:
    """Whether the response at `pointer` has a `content` member, even an empty or null one."""
    node: Any = c.index.root
    for part in pointer.lstrip("/").split("/"):
        key = part.replace("~1", "/").replace("~0", "~")
        node = c.index.resolve(node)
        if not isinstance(node, dict) or key not in node:
            return False
        node = node[key]
    node = c.index.resolve(node)
    return isinstance(node, dict) and "content" in node


# --- versioning ----------------------------------------------------------------------------------


@rule(
    "VER.05", title_en="Major version in the URL as v[x]", title_sv="Huvudversion i URL:en som v[x]"
)
def _ver05(c: Ctx) -> Verdict:
    """Counts server URLs and paths with a version segment: met when each is `/v<major>`
    with no minor version, or the server variable `{version}`; not met when none carries a
    version (RAP-LP Ver05)."""
    urls = [*c.index.servers, *_paths(c)]
    versioned = [u for u in urls if re.search(r"/(v\d+([./]|$)|\{version\}(/|$))", u)]
    if not versioned:
        return Verdict("not_met", _(c.lang, "the description declares no {items}", items=_(c.lang, "version in the URL")))  # fmt: skip
    good = re.compile(r"/(v\d+|\{version\})(/|$)")
    return _tally(c, "urls", [(u, bool(good.search(u))) for u in versioned])


@rule("VER.06", title_en="The api-info resource", title_sv="Resursen api-info")
def _ver06(c: Ctx) -> Verdict:
    """Met when the API has `GET /api-info`."""
    found = [_op(op) for op in c.index.operations if op.method == "get" and op.path == "/api-info"]
    if found:
        return Verdict(
            "met", _(c.lang, "the description declares {what}", what="GET /api-info"), tuple(found)
        )
    return Verdict(
        "not_met", _(c.lang, "the description declares no {items}", items="GET /api-info")
    )


# --- filtering, pagination, search ---------------------------------------------------------------


_FNS01 = re.compile(r"^(?:[a-z0-9]+(?:_[a-z0-9]+)*|[a-z]+(?:[A-Z][a-z]*)*)$")


@rule("FNS.01", title_en="Consistent parameter names", title_sv="Konsekventa parameternamn")
def _fns01(c: Ctx) -> Verdict:
    """Counts query parameter names: not met when one is neither snake_case (`very_long_name`)
    nor camelCase (`veryLongName`), as `VeryLongName` or `very_longName`, or when both styles
    occur (RAP-LP Fns01)."""
    names = [name for name, _unused in _query(c)]
    bad = [n for n in names if not _FNS01.match(n)]
    if bad:
        return _tally(c, "query_parameters", [(n, n not in bad) for n in names])
    return _consistent(c, "query_parameters", names)


@rule(
    "FNS.03",
    title_en="Query parameters start with a letter",
    title_sv="Sökparametrar börjar med en bokstav",
)
def _fns03(c: Ctx) -> Verdict:
    """Counts query parameter names: met when each starts with a letter."""
    return _tally(c, "query_parameters", [(n, n[:1].isalpha()) for n, _unused in _query(c)])


@rule("FNS.05", title_en="Optional query parameters", title_sv="Frivilliga sökparametrar")
def _fns05(c: Ctx) -> Verdict:
    """Counts query parameters: met when none is required."""
    return _tally(c, "query_parameters", [(n, not p.required) for n, p in _query(c)])


@rule("FNS.06", title_en="URL-safe query parameters", title_sv="URL-säkra sökparametrar")
def _fns06(c: Ctx) -> Verdict:
    """Counts query parameter names: met when each uses only URL-safe characters (A-Z, a-z,
    0-9, `.`, `_`, `~`, `-`)."""
    pattern = re.compile(r"^[A-Za-z0-9._~-]+$")
    return _tally(c, "query_parameters", [(n, bool(pattern.match(n))) for n, _unused in _query(c)])


@rule(
    "FNS.07",
    title_en="Pagination with limit and page or offset",
    title_sv="Paginering med limit och page eller offset",
)
def _fns07(c: Ctx) -> Verdict:
    """Counts operations with a `page` or `offset` query parameter: met when each also has
    `limit`; `limit` alone, or other paging names, do not make the rule apply (RAP-LP
    Fns07)."""
    pairs: list[tuple[str, bool]] = []
    for op in c.index.operations:
        names = {p.name for p in op.parameters if p.location == "query"}
        if names & {"page", "offset"}:
            pairs.append((_op(op), "limit" in names))
    return _tally(c, "paged_operations", pairs)


def _named(c: Ctx, name: str) -> list[tuple[str, Any]]:
    return [(f"{_op(op)} {p.name}", p) for op in c.index.operations for p in op.parameters
            if p.location == "query" and p.name.lower() == name]  # fmt: skip


def _default_check(c: Ctx, name: str, wanted: int, use_minimum: bool) -> Verdict:
    pairs: list[tuple[str, bool]] = []
    unknown = 0
    for where, param in _named(c, name):
        schema = c.index.resolve(param.schema)
        schema = schema if isinstance(schema, dict) else {}
        value = schema.get("default", schema.get("minimum") if use_minimum else None)
        if value is None:
            unknown += 1
        else:
            pairs.append((where, value == wanted))
    verdict = _tally(c, f"{name}_parameters", pairs)
    if verdict.outcome == "not_applicable" and unknown:
        label = _(c.lang, ITEM_NAMES[f"{name}_parameters"])
        return Verdict(
            "not_verified",
            _(
                c.lang,
                "{items} declare no default value; the requirement cannot be decided",
                items=label,
            ),
        )
    if verdict.outcome == "met" and unknown:
        return Verdict(
            "not_verified",
            _(
                c.lang,
                "{shown}; the rest of the requirement cannot be shown by an API description",
                shown=verdict.reason,
            ),
        )
    return verdict


@rule("FNS.08", title_en="page starts at 1", title_sv="page börjar på 1")
def _fns08(c: Ctx) -> Verdict:
    """Counts `page` query parameters: met when each starts at 1 (default or minimum); not
    verified when none says."""
    return _default_check(c, "page", 1, use_minimum=True)


@rule("FNS.09", title_en="The default limit is 20", title_sv="Standardvärdet för limit är 20")
def _fns09(c: Ctx) -> Verdict:
    """Counts `limit` query parameters: met when each defaults to 20; not verified when none
    declares a default."""
    return _default_check(c, "limit", 20, use_minimum=False)


# --- security ------------------------------------------------------------------------------------


def _scheme_where(c: Ctx, name: str) -> str:
    prefix = "/securityDefinitions/" if c.index.version == "2.0" else "/components/securitySchemes/"
    return prefix + name


@rule("SAK.01", title_en="HTTPS with at least TLS 1.2", title_sv="HTTPS med minst TLS 1.2")
def _sak01(c: Ctx) -> Verdict:
    """Counts the URLs in the description: not met when one uses plain http; otherwise met
    only in part (not verified), since the TLS version cannot be seen."""
    urls = c.analysis.urls
    pairs = [(u, True) for u, _unused in urls["https"]] + [
        (u, False) for u, _unused in urls["http"]
    ]
    return _tally(c, "urls", pairs, ceiling="not_verified", none="not_verified")


@rule(
    "SAK.09",
    title_en="No Basic or Digest authentication",
    title_sv="Ingen Basic- eller Digest-autentisering",
)
def _sak09(c: Ctx) -> Verdict:
    """Counts security schemes: not met when one is HTTP Basic or Digest."""

    def ok(scheme: dict[str, Any]) -> bool:
        kind, http = scheme.get("type"), str(scheme.get("scheme", "")).lower()
        return not (kind == "basic" or (kind == "http" and http in ("basic", "digest")))

    pairs = [(_scheme_where(c, n), ok(s)) for n, s in c.index.security_schemes.items()]
    return _tally(c, "schemes", pairs, none="not_verified")


@rule(
    "SAK.10",
    title_en="Bearer token in the Authorization header",
    title_sv="Bearer-token i Authorization-headern",
)
def _sak10(c: Ctx) -> Verdict:
    """Met when a security scheme uses bearer tokens (HTTP bearer, OAuth 2.0 or OpenID
    Connect)."""
    schemes = c.index.security_schemes
    if not schemes:
        return _tally(c, "schemes", [], none="not_verified")
    bearer = [
        _scheme_where(c, n) for n, s in schemes.items()
        if s.get("type") in ("oauth2", "openIdConnect")
        or (s.get("type") == "http" and str(s.get("scheme", "")).lower() == "bearer")
    ]  # fmt: skip
    if bearer:
        return Verdict(
            "met",
            _(c.lang, "the description declares {what}", what=", ".join(bearer)),
            tuple(bearer),
        )
    return _tally(c, "schemes", [(_scheme_where(c, n), False) for n in schemes])


def _api_keys(c: Ctx) -> list[tuple[str, str]]:
    keys = [(_scheme_where(c, n), str(s.get("in", ""))) for n, s in
            c.index.security_schemes.items() if s.get("type") == "apiKey"]  # fmt: skip
    located = {p.pointer: p.location for op in c.index.operations for p in op.parameters}
    keys += [(where, located.get(where, "")) for _unused, where in c.analysis.undeclared_auth]
    return keys


@rule("SAK.15", title_en="API keys not in the URL", title_sv="API-nycklar inte i URL:en")
def _sak15(c: Ctx) -> Verdict:
    """Counts API key schemes and undeclared key parameters: not met when one is sent in the
    query string."""
    return _tally(c, "api_keys", [(w, place != "query") for w, place in _api_keys(c)])


@rule("SAK.16", title_en="API keys in an HTTP header", title_sv="API-nycklar i HTTP-header")
def _sak16(c: Ctx) -> Verdict:
    """Counts API key schemes and undeclared key parameters: met when each is sent in an
    HTTP header."""
    return _tally(c, "api_keys", [(w, place == "header") for w, place in _api_keys(c)])


@rule("SAK.18", title_en="OAuth 2.0 for authorisation", title_sv="OAuth 2.0 för auktorisation")
def _sak18(c: Ctx) -> Verdict:
    """Met when a security scheme is OAuth 2.0 or OpenID Connect; not met when an OAuth 2.0
    flow URL (`authorizationUrl`, `tokenUrl`, `refreshUrl`) uses plain `http:` (RAP-LP
    Sak18)."""
    schemes = c.index.security_schemes
    oauth = [_scheme_where(c, n) for n, s in schemes.items()
             if s.get("type") in ("oauth2", "openIdConnect")]  # fmt: skip
    urls: list[tuple[str, bool]] = []
    for name, scheme in schemes.items():
        if scheme.get("type") != "oauth2":
            continue
        flows = scheme.get("flows")
        parts = [("", scheme)] + [
            (f"/flows/{flow}", node)
            for flow, node in (flows.items() if isinstance(flows, dict) else [])
            if isinstance(node, dict)
        ]
        urls += [
            (f"{_scheme_where(c, name)}{where}/{key}", not str(value).lower().startswith("http:"))
            for where, node in parts
            for key, value in node.items()
            if str(key).lower().endswith("url") and isinstance(value, str)
        ]
    if any(not ok for _unused, ok in urls):
        return _tally(c, "urls", urls)
    if oauth:
        return Verdict(
            "met", _(c.lang, "the description declares {what}", what=", ".join(oauth)), tuple(oauth)
        )
    return _tally(c, "schemes", [(_scheme_where(c, n), False) for n in schemes],
                  none="not_verified")  # fmt: skip
