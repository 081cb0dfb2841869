"""Per-requirement verdicts for DIGG's REST API profile (`builtin:digg-rest-api-profil`).

The profile's rules are finer than the probe checks (OA001-OA014): "API keys SHALL NOT be in the
query string" is one line of OA007, "page SHALL start at 1" no check at all. So each profile id
the description can show gets a small evaluator here, keyed by the profile's own id, as DIGG's
own lint processor does. They apply only to requirements defined by the built-in profile set (a
user's own `SAK.09` may mean something else); a requirement with no evaluator falls back to its
mapped probe checks, and one with neither is `not_verified`: the description cannot show it.

Each verdict is `met`, `not_met`, `not_applicable` (the rule's condition never arises, e.g. no
API key scheme for SAK.15) or `not_verified` (the description cannot show it, or can show only
part of it, e.g. HTTPS but not the TLS version for SAK.01), with the locations behind it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from proccheck.i18n import t
from proccheck.model import Lang, Outcome, Requirement
from proccheck.probe.analysis import Analysis
from proccheck.probe.openapi import ApiIndex, Operation

PROFILE_SET = "builtin:digg-rest-api-profil"
EXAMPLES = 5


@dataclass(frozen=True)
class Verdict:
    """The outcome for one profile requirement, why, and where (JSON pointers or URLs)."""

    outcome: Outcome
    reason: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ctx:
    index: ApiIndex
    analysis: Analysis
    lang: Lang
    public_source: bool


Evaluator = Callable[[Ctx], Verdict]
EVALUATORS: dict[str, Evaluator] = {}


def applies(requirement: Requirement) -> bool:
    """Whether `requirement` is the built-in profile's own (so its id means the profile's rule)."""
    return requirement.defined_in == PROFILE_SET


def evaluate(requirement: Requirement, ctx: Ctx) -> Verdict | None:
    """The verdict for a profile requirement the description can speak to, else None."""
    if not applies(requirement):
        return None
    evaluator = EVALUATORS.get(requirement.id)
    return evaluator(ctx) if evaluator else None


def cannot_show(lang: Lang) -> str:
    """The reason given for a requirement that an API description cannot show."""
    return t(lang, "probe.rap.cannot_show")


def _rule(*ids: str) -> Callable[[Evaluator], Evaluator]:
    def register(func: Evaluator) -> Evaluator:
        for rule_id in ids:
            EVALUATORS[rule_id] = func
        return func

    return register


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
    label = t(c.lang, f"probe.rap.item.{items}")
    if not pairs:
        key = "probe.rap.none" if none == "not_applicable" else "probe.rap.absent"
        return Verdict(none, t(c.lang, key, items=label))
    failing = [where for where, ok in pairs if not ok]
    if failing:
        shown = ", ".join(failing[:EXAMPLES]) + (" …" if len(failing) > EXAMPLES else "")
        reason = t(
            c.lang, "probe.rap.violations", count=len(failing), total=len(pairs), items=label,
            examples=shown,
        )  # fmt: skip
        return Verdict("not_met", reason, tuple(failing[:EXAMPLES]))
    reason = t(c.lang, "probe.rap.all_ok", total=len(pairs), items=label)
    if ceiling != "met":
        reason = t(c.lang, "probe.rap.partly", shown=reason)
    return Verdict(ceiling, reason, tuple(where for where, _ in pairs[:EXAMPLES]))


def _op(op: Operation) -> str:
    return f"{op.method.upper()} {op.path}"


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s and not (s.startswith("{") and s.endswith("}"))]


def _server_paths(c: Ctx) -> list[tuple[str, str]]:
    return [(url, urlsplit(url).path) for url in c.index.servers]


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


@_rule("DOK.01")
def _dok01(c: Ctx) -> Verdict:
    if c.public_source:
        return Verdict("met", t(c.lang, "probe.rap.public"), (c.index.display,))
    return Verdict("not_verified", t(c.lang, "probe.rap.not_public"))


@_rule("DOK.03")
def _dok03(c: Ctx) -> Verdict:
    info = c.index.info
    fields = ("title", "version", "description", "contact", "license")
    return _tally(c, "info_fields", [(f"/info/{f}", bool(info.get(f))) for f in fields])


@_rule("DOK.07", "DOK.11")
def _info_description(c: Ctx) -> Verdict:
    text = c.index.info.get("description")
    ok = isinstance(text, str) and bool(text.strip())
    return _tally(c, "info_fields", [("/info/description", ok)])


@_rule("DOK.08")
def _dok08(c: Ctx) -> Verdict:
    if isinstance(c.index.info.get("x-sla"), dict):
        return Verdict("met", t(c.lang, "probe.rap.found", what="info.x-sla"), ("/info/x-sla",))
    return Verdict("not_verified", cannot_show(c.lang))


@_rule("DOK.09")
def _dok09(c: Ctx) -> Verdict:
    if c.index.info.get("x-limitations"):
        found = t(c.lang, "probe.rap.found", what="info.x-limitations")
        return Verdict("met", found, ("/info/x-limitations",))
    return Verdict("not_verified", cannot_show(c.lang))


def _has_example(c: Ctx, media: Any) -> bool:
    if media.has_example:
        return True
    schema = c.index.resolve(media.schema)
    if isinstance(schema, dict) and schema.get("type") == "array":
        schema = c.index.resolve(schema.get("items"))  # an example item makes a full list
    return isinstance(schema, dict) and ("example" in schema or "examples" in schema)


@_rule("DOK.15")
def _dok15(c: Ctx) -> Verdict:
    bodies = [
        (m.pointer, _has_example(c, m))
        for op in c.index.operations
        for m in [*op.request, *(m for r in op.responses for m in r.media)]
        if m.schema is not None
    ]
    return _tally(c, "bodies", bodies)


@_rule("DOK.17")
def _dok17(c: Ctx) -> Verdict:
    ok = c.index.version != "2.0"
    where = "/openapi" if ok else "/swagger"
    return _tally(c, "versions", [(f"{where} ({c.index.declared_version})", ok)])


@_rule("DOK.19")
def _dok19(c: Ctx) -> Verdict:
    return _tally(c, "operations", [(_op(op), op.described) for op in c.index.operations])


def _error(status: str) -> bool:
    return status[:1] in ("4", "5") or status == "default"


@_rule("DOK.20")
def _dok20(c: Ctx) -> Verdict:
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


@_rule("DOT.01", "DOT.04")
def _dot(c: Ctx) -> Verdict:
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


@_rule("RES.02")
def _res02(c: Ctx) -> Verdict:
    pairs = [
        (f"{p.location} {p.name} ({_op(op)})",
         re.sub(r"[^a-z]", "", p.name.lower()) not in _PERSONAL)
        for op in c.index.operations for p in op.parameters if p.location in ("query", "path")
    ]  # fmt: skip
    return _tally(c, "url_parameters", pairs, ceiling="not_verified")


def _paths(c: Ctx) -> list[str]:
    return list(dict.fromkeys(op.path for op in c.index.operations))


@_rule("RES.06", "UFN.08")
def _kebab(c: Ctx) -> Verdict:
    pattern = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)?$")
    return _tally(c, "paths", [(p, all(pattern.match(s) for s in _segments(p))) for p in _paths(c)])


@_rule("UFN.01")
def _ufn01(c: Ctx) -> Verdict:
    pattern = re.compile(r"^https?://[^/]+/[^/]+(/[^/]+)*/v\d+/?$")
    return _tally(c, "servers", [(u, bool(pattern.match(u))) for u in c.index.servers],
                  none="not_verified")  # fmt: skip


@_rule("UFN.02")
def _ufn02(c: Ctx) -> Verdict:
    def ok(url: str) -> bool:
        try:
            parts = urlsplit(url)
            return parts.scheme == "https" and parts.port in (None, 443)
        except ValueError:
            return False

    return _tally(c, "servers", [(u, ok(u)) for u in c.index.servers], none="not_verified")


@_rule("UFN.05")
def _ufn05(c: Ctx) -> Verdict:
    base = max((len(u) for u in c.index.servers), default=0)
    return _tally(c, "paths", [(p, base + len(p) <= 2048) for p in _paths(c)])


@_rule("UFN.07")
def _ufn07(c: Ctx) -> Verdict:
    pattern = re.compile(r"^[a-z0-9.~-]*$")
    pairs = [(p, all(pattern.match(s) for s in _segments(p))) for p in _paths(c)]
    pairs += [(u, all(pattern.match(s) for s in _segments(path))) for u, path in _server_paths(c)]
    return _tally(c, "urls", pairs)


@_rule("UFN.09")
def _ufn09(c: Ctx) -> Verdict:
    pairs = [(p, " " not in p and "_" not in "".join(_segments(p))) for p in _paths(c)]
    pairs += [(u, " " not in u and "_" not in path) for u, path in _server_paths(c)]
    return _tally(c, "urls", pairs)


# --- messages ------------------------------------------------------------------------------------


def _json(media_type: str) -> bool:
    base = media_type.split(";", 1)[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


@_rule("AME.01")
def _ame01(c: Ctx) -> Verdict:
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


@_rule("AME.02")
def _ame02(c: Ctx) -> Verdict:
    pairs = [
        (_op(op), any(_json(m.media_type) for r in op.responses for m in r.media))
        for op in c.index.operations
        if any(r.media for r in op.responses if not _error(r.status))
    ]
    return _tally(c, "operations", pairs)


@_rule("AME.04")
def _ame04(c: Ctx) -> Verdict:
    return _tally(c, "properties", [(n, _style(n) != "other") for n in _properties(c)])


@_rule("AME.05")
def _ame05(c: Ctx) -> Verdict:
    return _consistent(c, "properties", _properties(c))


@_rule("AME.07")
def _ame07(c: Ctx) -> Verdict:
    pattern = re.compile(r"^[A-Za-z0-9_]+$")
    return _tally(c, "properties", [(n, bool(pattern.match(n))) for n in _properties(c)])


@_rule("ARQ.01")
def _arq01(c: Ctx) -> Verdict:
    def utf8(media_type: str) -> bool:
        match = re.search(r"charset\s*=\s*\"?([\w-]+)", media_type, re.I)
        return match is None or match.group(1).lower() in ("utf-8", "utf8")

    pairs = [(m.pointer, utf8(m.media_type)) for op in c.index.operations for m in op.request]
    return _tally(c, "bodies", pairs, ceiling="not_verified")


@_rule("ARQ.05")
def _arq05(c: Ctx) -> Verdict:
    def simple(schema: Any) -> bool:
        node = c.index.resolve(schema)
        return not (isinstance(node, dict) and node.get("type") in ("object", "array"))

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


@_rule("FEL.01")
def _fel01(c: Ctx) -> Verdict:
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


@_rule("FEL.02")
def _fel02(c: Ctx) -> Verdict:
    problem = ("application/problem+json", "application/problem+xml")
    pairs = [(w, m.media_type.split(";")[0].strip().lower() in problem) for w, m in _error_media(c)]
    if not pairs and not any(_error(r.status) for op in c.index.operations for r in op.responses):
        return Verdict("not_verified", t(c.lang, "probe.rap.absent",
                                         items=t(c.lang, "probe.rap.item.error_bodies")))  # fmt: skip
    return _tally(c, "error_bodies", pairs)


# --- versioning ----------------------------------------------------------------------------------


@_rule("VER.05")
def _ver05(c: Ctx) -> Verdict:
    urls = [*c.index.servers, *_paths(c)]
    versioned = [u for u in urls if re.search(r"/v\d+([./]|$)", u)]
    if not versioned:
        return Verdict("not_met", t(c.lang, "probe.rap.absent",
                                    items=t(c.lang, "probe.rap.item.url_version")))  # fmt: skip
    return _tally(c, "urls", [(u, bool(re.search(r"/v\d+(/|$)", u))) for u in versioned])


@_rule("VER.06")
def _ver06(c: Ctx) -> Verdict:
    found = [_op(op) for op in c.index.operations if op.method == "get" and op.path == "/api-info"]
    if found:
        return Verdict("met", t(c.lang, "probe.rap.found", what="GET /api-info"), tuple(found))
    return Verdict("not_met", t(c.lang, "probe.rap.absent", items="GET /api-info"))


# --- filtering, pagination, search ---------------------------------------------------------------


@_rule("FNS.01")
def _fns01(c: Ctx) -> Verdict:
    return _consistent(c, "query_parameters", [name for name, _ in _query(c)])


@_rule("FNS.03")
def _fns03(c: Ctx) -> Verdict:
    return _tally(c, "query_parameters", [(n, n[:1].isalpha()) for n, _ in _query(c)])


@_rule("FNS.05")
def _fns05(c: Ctx) -> Verdict:
    return _tally(c, "query_parameters", [(n, not p.required) for n, p in _query(c)])


@_rule("FNS.06")
def _fns06(c: Ctx) -> Verdict:
    pattern = re.compile(r"^[A-Za-z0-9._~-]+$")
    return _tally(c, "query_parameters", [(n, bool(pattern.match(n))) for n, _ in _query(c)])


_PAGING = frozenset({"page", "offset", "limit", "pagesize", "perpage", "pagenumber", "cursor",
                     "pagetoken", "nexttoken", "skip", "top", "size", "startindex"})  # fmt: skip


@_rule("FNS.07")
def _fns07(c: Ctx) -> Verdict:
    pairs: list[tuple[str, bool]] = []
    for op in c.index.operations:
        names = {p.name.lower() for p in op.parameters if p.location == "query"}
        if {re.sub(r"[^a-z]", "", n) for n in names} & _PAGING:
            pairs.append((_op(op), "limit" in names and bool(names & {"page", "offset"})))
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
        label = t(c.lang, f"probe.rap.item.{name}_parameters")
        return Verdict("not_verified", t(c.lang, "probe.rap.no_default", items=label))
    if verdict.outcome == "met" and unknown:
        return Verdict("not_verified", t(c.lang, "probe.rap.partly", shown=verdict.reason))
    return verdict


@_rule("FNS.08")
def _fns08(c: Ctx) -> Verdict:
    return _default_check(c, "page", 1, use_minimum=True)


@_rule("FNS.09")
def _fns09(c: Ctx) -> Verdict:
    return _default_check(c, "limit", 20, use_minimum=False)


# --- security ------------------------------------------------------------------------------------


def _scheme_where(c: Ctx, name: str) -> str:
    prefix = "/securityDefinitions/" if c.index.version == "2.0" else "/components/securitySchemes/"
    return prefix + name


@_rule("SAK.01")
def _sak01(c: Ctx) -> Verdict:
    urls = c.analysis.urls
    pairs = [(u, True) for u, _ in urls["https"]] + [(u, False) for u, _ in urls["http"]]
    return _tally(c, "urls", pairs, ceiling="not_verified", none="not_verified")


@_rule("SAK.09")
def _sak09(c: Ctx) -> Verdict:
    def ok(scheme: dict[str, Any]) -> bool:
        kind, http = scheme.get("type"), str(scheme.get("scheme", "")).lower()
        return not (kind == "basic" or (kind == "http" and http in ("basic", "digest")))

    pairs = [(_scheme_where(c, n), ok(s)) for n, s in c.index.security_schemes.items()]
    return _tally(c, "schemes", pairs, none="not_verified")


@_rule("SAK.10")
def _sak10(c: Ctx) -> Verdict:
    schemes = c.index.security_schemes
    if not schemes:
        return _tally(c, "schemes", [], none="not_verified")
    bearer = [
        _scheme_where(c, n) for n, s in schemes.items()
        if s.get("type") in ("oauth2", "openIdConnect")
        or (s.get("type") == "http" and str(s.get("scheme", "")).lower() == "bearer")
    ]  # fmt: skip
    if bearer:
        return Verdict("met", t(c.lang, "probe.rap.found", what=", ".join(bearer)), tuple(bearer))
    return _tally(c, "schemes", [(_scheme_where(c, n), False) for n in schemes])


def _api_keys(c: Ctx) -> list[tuple[str, str]]:
    keys = [(_scheme_where(c, n), str(s.get("in", ""))) for n, s in
            c.index.security_schemes.items() if s.get("type") == "apiKey"]  # fmt: skip
    located = {p.pointer: p.location for op in c.index.operations for p in op.parameters}
    keys += [(where, located.get(where, "")) for _, where in c.analysis.undeclared_auth]
    return keys


@_rule("SAK.15")
def _sak15(c: Ctx) -> Verdict:
    return _tally(c, "api_keys", [(w, place != "query") for w, place in _api_keys(c)])


@_rule("SAK.16")
def _sak16(c: Ctx) -> Verdict:
    return _tally(c, "api_keys", [(w, place == "header") for w, place in _api_keys(c)])


@_rule("SAK.18")
def _sak18(c: Ctx) -> Verdict:
    schemes = c.index.security_schemes
    oauth = [_scheme_where(c, n) for n, s in schemes.items()
             if s.get("type") in ("oauth2", "openIdConnect")]  # fmt: skip
    if oauth:
        return Verdict("met", t(c.lang, "probe.rap.found", what=", ".join(oauth)), tuple(oauth))
    return _tally(c, "schemes", [(_scheme_where(c, n), False) for n in schemes],
                  none="not_verified")  # fmt: skip
