"""Measure, once per description, what the probe checks and the scores are made of.

The checks turn these measurements into findings and the scores into numbers, so both always
agree: a dimension score is never computed from anything other than the counts shown next to it.

Resource types (OA002, OA005). A resource type is what the API serves as a thing with an
identity: a named schema that a successful GET returns (from a collection or an item path, an
envelope or a page being unwrapped to its item type; a single object on a path that does not
end in a path parameter and needs no required query parameter is a singleton, exportable like
a collection; an item GET under a path whose GET lists the items is reached through that list),
or that a POST/PUT/PATCH writes to, or returns from, a path that addresses it by an identifier
(a path ending in a path parameter, or a collection whose item path exists). A GET counts
towards exporting a type only if it describes data (`_hollow`); one that does not is kept in
`Resource.hollow`, so the type is neither exportable nor missing but unproven. Left out, and
listed with the reason in `Analysis.left_out`:

- request-only schemas: only ever in request bodies, never returned nor addressed by an id;
- inputs: the body of a write to a path that reads or returns a resource type (`…Spec`);
- form inputs: multipart or form-encoded bodies, and schemas named `…Form` or `…Input`;
- envelopes and paging objects (`…Response`/`…Result`/`…Wrapper` with one wrapped type, a
  lone plural list such as `{organisations: [Organisation]}`, `…Page`, `…Paging`…): their item
  type counts instead;
- error bodies (problem details, `…Error`/`…Problem`) and enums or other scalar schemas;
- what documentation, health and login endpoints return (`/api-docs`, `/health`, `/auth/…`).

Data formats (OA006). Only the formats of data representations count: media types of
successful responses and of request bodies. Media types of error responses (4xx, 5xx,
`default`) are left out (errors are judged by OA010), and so are documentation and health
endpoints; file content (a binary schema, `type: string, format: binary`, or a media type naming
a file format such as PDF, an image or ODF, or a bare `application/octet-stream`, on a path that
is a file or document download/upload) is kept apart in `Analysis.file_media` rather than
counted as closed; a file download declaring only `application/octet-stream` without a schema
names no format at all and is listed in `Analysis.unnamed_files`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

from proccheck.addresses import address_is_public, host_address
from proccheck.i18n import N_, _
from proccheck.loaders.openapi import (
    METHODS,
    WRITE_METHODS,
    ApiIndex,
    Media,
    Operation,
    Parameter,
    access_limited,
    as_dict,
    as_list,
    as_text,
    fields_left_out,
    kept_from_buyer,
    limited_words,
    notice_limited,
    originals_withheld,
    paging_limited,
    ref_name,
    sealed_words,
    test_server_words,
    vendor_layout,
    weak_transport,
    withdrawn,
)
from proccheck.loaders.structured import escape_pointer

if TYPE_CHECKING:
    from proccheck.model import Lang

MediaClass = Literal["open", "vendor", "opaque"]
AuthClass = Literal["standard", "acceptable", "proprietary", "weak"]

_OPEN_TYPES = frozenset(
    {
        "application/json",
        "text/json",
        "application/xml",
        "text/xml",
        "text/csv",
        "application/csv",
        "application/x-ndjson",
        "application/ndjson",
        "application/jsonl",
        "application/json-seq",
        "application/geo+json",
        "application/ld+json",
        "application/problem+json",
        "application/problem+xml",
        "application/json-patch+json",
        "application/merge-patch+json",
        "application/schema+json",
        "application/hal+json",
        "application/vnd.api+json",
        "application/cloudevents+json",
        "application/atom+xml",
        "application/rss+xml",
        "application/rdf+xml",
        "text/turtle",
        "application/n-triples",
        "application/sparql-results+json",
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        "text/x-yaml",
        "application/pdf",
        "text/calendar",
        "text/plain",
        "text/html",
        "text/markdown",
        "text/event-stream",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "multipart/mixed",
        "application/zip",
        "application/gzip",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "image/svg+xml",
        "image/tiff",
        "audio/mpeg",
        "audio/ogg",
        "video/mp4",
        "video/webm",
        "application/gml+xml",
        "application/vnd.geo+json",
    }
)
_OPEN_SUFFIX = ("+json", "+xml")
_WILDCARDS = frozenset({"*/*", "application/*"})

_PAGINATION = frozenset(
    {
        "top", "skip", "limit", "offset", "page", "pagesize", "perpage", "pagenumber", "pagenum",
        "pageindex", "cursor", "after", "before", "startindex", "startat", "size", "maxresults",
        "maxitems", "first", "nexttoken", "pagetoken", "continuationtoken", "skiptoken", "marker",
        "pagelimit", "pageoffset", "pagecursor", "startingafter", "endingbefore", "pageable",
        "metapagesize", "metapage", "pagesizeparam", "rows", "start", "continue", "continuation",
        "startafter", "startkey", "exclusivestartkey", "scrollid", "resumptiontoken",
        "pagingtoken", "searchafter", "streamposition", "from", "skipcount", "pageno",
        "pagenr", "startrow", "startrecord", "offsetid",
    }
)  # fmt: skip
_PAGE_PROPS = frozenset(
    {
        "next", "nextpage", "nextlink", "nextpagetoken", "nextcursor", "cursor", "links",
        "hasmore", "hasnext", "totalpages", "pagetoken", "continuationtoken", "pageinfo",
        "pagination", "paging", "meta", "page",
    }
)  # fmt: skip
_PAGE_HEADERS = frozenset({"link", "x-next-page", "next-page", "x-next-cursor"})
"""Response headers that hand the client the next part of a list (`X-Total-Count` only
counts it)."""
_SIZE_ONLY = frozenset(
    {"top", "limit", "pagesize", "perpage", "size", "maxresults", "maxitems", "first",
     "pagelimit", "metapagesize", "rows"}
)  # fmt: skip
"""Paging names that only cap how many items one call returns: alone they give the first N and
never the rest, so a list pages only with a position (offset, page, cursor…) or a next link."""
_CONTINUATION_PROPS = frozenset(
    {"next", "nextpage", "nextlink", "nextpagetoken", "nextcursor", "cursor",
     "pagetoken", "continuationtoken", "nexturl", "nextpageurl", "endcursor", "nextoffset",
     "nextmarker", "odatanextlink", "nextpagelink", "nexttoken", "continue",
     "nextstreamposition"}
)  # fmt: skip
"""Properties of a page that give the next part: a link, a cursor or a token (`hasMore`,
`totalPages` or a `meta` of counts only say there is more; HAL's `_links` gives it only with a
`next` inside)."""
_CHANGED = re.compile(
    r"since|modified|updated|changed|delta|lastmod|synctoken|changetoken|pastdays|lastdays"
)
_COLLECTION_PROPS = (
    "data", "items", "results", "content", "records", "entries", "elements", "values", "list",
    "rows", "hits", "objects", "members", "value",
)  # fmt: skip
_EXPORT_PATH = re.compile(r"export|bulk|dump|backup|snapshot", re.I)
_IMPORT_PATH = re.compile(r"import|bulk|batch|upload", re.I)
_CONNECTION_TEST = re.compile(
    r"\W*(?:ping|pong|test|heartbeat|health(?:[-_ ]?check)?|keep[-_ ]?alive|echo|"
    r"(?:url[-_ ]?)?verif(?:y|ication)|challenge|hello)(?:[-_ .]?(?:event|hook|webhook))?\W*",
    re.IGNORECASE,
)
"""A webhook named for testing the connection (GitHub's `ping`, a URL verification or
challenge): it tells a subscriber that delivery works, not that data changed."""
_SUBSCRIBE_PATH = re.compile(r"subscri|webhook|/hooks?\b|callback", re.I)
_AUTH_PARAM = re.compile(
    r"^(authorization|x-?api-?key|api-?key|apikey|access[-_]?token|x-?auth[-_]?token|token|"
    r"x-?access-?token|ocp-apim-subscription-key|subscription-key|x-?jwt-?assertion|"
    r"x-?session-?(id|token)|session(id)?|x-?client-?secret|client[-_]?secret|password)$",
    re.I,
)
_SEMVER = re.compile(
    r"v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?"
)
_URL_VERSION = re.compile(r"/v\d+(\.\d+)*(/|$)|/\d+\.\d+(/|$)", re.I)
_VERSION_PARAM = re.compile(r"^(x-)?(api-?)?version$|^accept-version$", re.I)
_RATE_TEXT = re.compile(r"rate.?limit|throttl|quota|anropsgräns|anropsbegräns|kvot", re.I)
_RATE_HEADER = re.compile(r"^(x-)?rate-?limit|^retry-after$", re.I)
_PROBLEM_FIELDS = frozenset({"type", "title", "status", "detail", "instance"})
_FORM_MEDIA = ("multipart/", "application/x-www-form-urlencoded")
_FORM_NAME = re.compile(r"(form|input|formdata|multipart)$")
_ERROR_NAME = re.compile(r"(error|errors|problem|problemdetails|fault|exception)$")
_WRAP_KEYS = frozenset(
    {"data", "item", "result", "value", "payload", "content", "body", "record", "entity"}
)
_ENVELOPE_NAME = re.compile(r"(response|result|wrapper|envelope|container)$")
_PAGING_NAME = re.compile(
    r"(page|paged|paging|pagination|pageable|pagemetadata|pageinfo|links|meta|metadata)$"
)
_FILE_PATH = re.compile(
    r"/(files?|documents?|attachments?|downloads?|download|uploads?|upload|blobs?|binary|"
    r"content|raw|pdf|images?|photos?|thumbnails?)(/|$)|\.(pdf|zip|csv|xlsx?|docx?)$",
    re.I,
)
_NAMED_FILE_MEDIA = ("application/pdf", "application/zip", "application/gzip", "image/",
                     "audio/", "video/", "application/vnd.openxmlformats",
                     "application/vnd.oasis.opendocument")  # fmt: skip
_SERVICE_PATH = re.compile(
    r"/(api-?docs|openapi|swagger(-ui|-resources|-config)?|livez|readyz|ping|"
    r"actuator|metrics|api-?info)(\.(json|ya?ml|html))?(/|$)"
    r"|^(?:/[^/{}]+)?(?:/(?:api|rest|v\d+[\w.]*|\d+(?:\.\d+)*))*"
    r"/(health|healthz|healthcheck|health-check|heartbeat)(/[^/{}]+)?/?$",
    re.I,
)
"""Documentation, health and service-information endpoints: about the API, not its data. A
health endpoint starts the path (after at most one word, such as a service's name, and
version segments) and ends it, or one word after it does (`/health`, `/utility/v1/health/
threadinfo`): `/health/journals/{id}` and `/patients/{id}/health` are data."""
_AUTH_PATH = re.compile(r"/(auth|login|logout|token|oauth2?|signin|sign-in)(/|$)", re.I)
"""Authentication endpoints: what they return (challenges, tokens) is not the buyer's data."""
LeftOut = Literal[
    "request-only",
    "input",
    "form input",
    "envelope",
    "paging object",
    "error body",
    "enum",
    "count",
    "link",
    "service endpoint",
]
HollowWhy = Literal[
    "internal operation",
    "deprecated operation",
    "limited operation",
    "nothing",
    "write-only",
    "deprecated schema",
    "empty",
    "no items",
    "capped",
    "lookup",
    "search",
    "fixed filter",
    "sealed",
    "withheld",
]
_DATA_KEYWORDS = frozenset(
    {"type", "properties", "items", "prefixItems", "additionalProperties", "patternProperties",
     "anyOf", "oneOf", "enum", "const", "required", "minProperties", "maxProperties",
     "minItems", "maxItems", "format", "pattern", "minLength", "maxLength", "minimum", "maximum"}
)  # fmt: skip
"""What a schema or one of its `allOf` members (`_all_of`) must declare at least one of to say
anything about the data: `allOf: [true]` alone says nothing."""


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


@functools.lru_cache(maxsize=4096)
def _norm(name: str) -> str:
    """`name` lowercased, only its ASCII letters and digits (property names repeat a lot)."""
    return _NOT_ALNUM.sub("", name.lower())


_OPEN_X_TEXT = frozenset(
    {"text/x-yaml", "text/x-markdown", "text/x-csv", "text/x-json", "text/x-vcard",
     "text/x-comma-separated-values", "text/x-vcalendar", "text/x-ndjson",
     "text/x-tab-separated-values", "text/x-ldif", "text/x-sql"}
)  # fmt: skip
"""Unregistered `text/x-` names of open formats, in use before their registration."""


def media_class(media_type: str) -> MediaClass:
    """Classify a media type: open standard, vendor-specific but structured, or opaque."""
    base = media_type.split(";", 1)[0].strip().lower()
    if base.startswith("text/vnd."):
        return "vendor"
    if base.startswith("text/x-") and base not in _OPEN_X_TEXT:
        return "opaque"  # an unregistered text format (`text/x-acme-dump`) names no standard
    if base in _OPEN_TYPES or base.startswith(("application/vnd.oasis.opendocument.", "text/")):
        return "open"
    if base in _WILDCARDS or base in ("application/octet-stream", "application/x-binary", ""):
        return "opaque"
    if base.endswith(_OPEN_SUFFIX) or base.startswith("application/vnd.openxmlformats"):
        return "vendor"
    if base.startswith("application/*+") or base in ("application/*+json", "application/*+xml"):
        return "open"
    return "opaque"


@dataclass(frozen=True)
class Hollow:
    """A GET that would make a type exportable but is no evidence of its data (`_hollow`)."""

    op: Operation
    pointer: str  # the schema, or the operation when it is internal or deprecated
    why: HollowWhy
    marker: str = ""  # what limits the operation (`limits`), for a "limited operation"


@dataclass
class Resource:
    """A resource type: a named schema that some GET returns, and how it can be read and written."""

    name: str
    read_ops: list[Operation] = field(default_factory=list)
    collection_ops: list[Operation] = field(default_factory=list)
    paginated: bool = False
    array_collection: bool = False
    changed_since: bool = False
    created_since: bool = False
    """Its lists can be filtered by when records were created only (`createdSince`): new
    records can be fetched, changed ones perhaps not."""
    withdrawn_filter: str = ""
    """The name of a change filter of one of its lists that is deprecated or described as doing
    nothing (`modifiedSince`, "besvaras med 410 Gone"), when no list of it has a working one:
    the way to fetch changes was taken away, which webhooks alone do not make up for."""
    paging_limit: str = ""
    """Words beside one of its lists saying the paging stops before the end ("Saknas efter
    sida 50"), quoted (`_paging_limit`): the list cannot be shown to reach every record."""
    write_ops: list[Operation] = field(default_factory=list)
    listed_by: list[Operation] = field(default_factory=list)
    """Item GETs (`/tables/{id}`) whose parent path (`/tables`) lists the items: every record
    is reached by listing the collection and reading each item."""
    hollow: list[Hollow] = field(default_factory=list)
    """GETs that would make the type exportable but describe no data: with no other, the type is
    neither exportable nor missing, and OA002 cannot tell (not verified)."""

    @property
    def exportable(self) -> bool:
        """Listed, read as a singleton, or reached through a list, by a GET describing data."""
        hollow = {id(read.op) for read in self.hollow}
        return bool(self.listed_by) or any(id(op) not in hollow for op in self.collection_ops)


@dataclass(frozen=True)
class SchemeLabel:
    """How reports name a security scheme: an `N_`-marked msgid and its values, put into the
    report's language where it is shown (the analysis itself has no language)."""

    msgid: str
    values: tuple[tuple[str, str], ...] = ()

    def shown(self, lang: Lang) -> str:
        return _(lang, self.msgid, **dict(self.values))


@dataclass
class Dimension:
    """One scored dimension: 0-100, and the counts the number was computed from."""

    score: int
    counts: dict[str, int | str]


@dataclass
class Analysis:
    """Measurements of one description; see the module docstring."""

    resources: dict[str, Resource]
    bulk_export: list[Operation]
    bulk_import: list[Operation]
    notifications: list[str]  # pointers: webhooks, callbacks, subscription paths
    withdrawn_webhooks: list[str]  # pointers: webhooks only deprecated, internal or sold apart
    media: dict[MediaClass, list[tuple[str, str]]]  # class -> (media type, pointer)
    schemes: dict[str, AuthClass]
    scheme_labels: dict[str, SchemeLabel]
    oauth_schemes: frozenset[str]
    """The schemes that give a client a way to an OAuth 2.0 token: oauth2 with a flow that
    names its URLs, or openIdConnect with its discovery URL."""
    applied_schemes: set[str]
    undeclared_auth: list[tuple[str, str]]  # (parameter, pointer)
    unprotected_ops: list[Operation]
    without_oauth: dict[str, list[Operation]]
    """Data operations OAuth 2.0 does not protect on its own, by why: "anonymous" (callable
    without credentials), "other" (no alternative uses OAuth 2.0 or OpenID Connect), "key"
    (each alternative with OAuth also needs a proprietary or weak credential)."""
    docs: dict[str, tuple[int, int]]  # aspect -> (described, total)
    doc_examples: dict[str, str]  # aspect -> pointer of the first undescribed one
    has_contact: bool
    has_docs_link: bool
    versioning: list[str]  # strategies found: url, header, query, media-type
    semver: bool
    deprecated_ops: int
    sunset_headers: bool
    ops_with_errors: int
    ops_with_problem: int
    no_problem_examples: list[str]
    no_error_examples: list[str]
    urls: dict[str, list[tuple[str, str]]]  # https / http / local / relative -> (url, pointer)
    weak_transport: list[tuple[str, str]]
    """(words, pointer): a server's or the API's description saying a transport weaker than
    HTTPS with TLS 1.2 is accepted (`weak_transport`): "Stöder TLS 1.0", "anrop över HTTP
    besvaras utan omdirigering"."""
    rate_limit_evidence: list[str]
    access_limits: list[tuple[str, str]]
    """(words, pointer): the API's or a security scheme's description saying access is rationed
    or closed to third parties (`access_limited`): "Ansökningar behandlas en gång per kvartal",
    "konsulter och andra leverantörer får inte använda API:et"."""
    licence: str
    terms: str
    federated: list[str]
    left_out: dict[str, LeftOut] = field(default_factory=dict)  # schema -> why not a resource
    file_media: list[tuple[str, str]] = field(default_factory=list)  # file content, apart
    sealed_media: list[tuple[str, str, str]] = field(default_factory=list)
    """(media type, pointer, words): file content of a successful response whose texts say it
    is sealed against the buyer (`_sealed`), apart from file content and counted nowhere."""
    withheld_originals: list[tuple[str, str, str]] = field(default_factory=list)
    """(media type, pointer, words): file content of a successful response whose texts say the
    original files are not handed out (`originals_withheld`): "Originalfilen lämnas inte ut"."""
    vendor_layouts: list[tuple[str, str, str]] = field(default_factory=list)
    """(media type, pointer, words): plain text of a successful response whose texts say it
    holds records in the vendor's own layout (`vendor_layout`: "fastbreddsformat enligt
    Norrdatas postlayout NDL-7"), counted as vendor-specific, not open."""
    notice_limits: list[tuple[str, str]] = field(default_factory=list)
    """(words, pointer): webhooks, callbacks or subscriptions described as not telling which
    record changed, as sent only at some hours or only for records from one channel
    (`_notice_limit`), declared but not relied on."""
    dead_callbacks: list[tuple[str, str]] = field(default_factory=list)
    """(expression, pointer): callbacks whose address expression names a field or parameter the
    subscribing request does not have (`_dead_expression`): no address can be given."""
    test_servers: tuple[str, str] = ("", "")
    """(words, pointer): every server is a test environment, one described with data that is not
    the buyer's or with production kept apart (`test_server_words`)."""
    error_media: int = 0  # media types of error responses, not counted as data formats
    service_ops: list[Operation] = field(default_factory=list)  # documentation, health: apart
    unnamed_files: list[tuple[str, str]] = field(default_factory=list)  # octet-stream, no schema
    undescribed: list[tuple[str, str]] = field(default_factory=list)  # JSON/XML/CSV, no data
    data_described: bool = False  # some JSON/XML/CSV success response's schema describes data
    nested_lists: list[str] = field(default_factory=list)  # lists bounded by one parent item
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    overall: int = 0


def analyse(index: ApiIndex, base_url: str | None = None) -> Analysis:
    """Measure `index` (once per description: the probe context hands it to every check)."""
    result = _analyse(index, base_url)
    result.dimensions = _dimensions(index, result)
    result.overall = _overall(result.dimensions)
    return result


def _success(status: str) -> bool:
    return status.startswith("2") or status.upper() == "2XX"


def _error(status: str) -> bool:
    return status[:1] in ("4", "5") or status == "default"


_HTTP_ERRORS = frozenset(
    [*map(str, range(400, 418)), "421", "422", "423", "424", "425", "426", "428", "429", "431",
     "451", *map(str, range(500, 509)), "510", "511", "4XX", "5XX", "DEFAULT"]
)  # fmt: skip
"""The error statuses of the IANA HTTP status code registry (RFC 9110 and its updates), the
ranges OpenAPI allows, and `default`: a server sends no other, so a problem body documented
only on "599" describes no error a client will see."""


def _sent_error(status: str) -> bool:
    return status.upper() in _HTTP_ERRORS


def _all_of(index: ApiIndex, schema: Any) -> list[dict[str, Any]]:
    """The schema and every schema its `allOf` holds, however deep, each once: what a value
    must match at the same time, so properties, `deprecated` and types add up over all."""
    first = index.resolve(schema)
    if not isinstance(first, dict) or "allOf" not in first:  # most schemas: no walk needed
        return [first] if isinstance(first, dict) else []
    found: list[dict[str, Any]] = []
    seen: set[int] = set()
    todo = [schema]
    while todo and len(found) < _ALL_OF_LIMIT:
        resolved = index.resolve(todo.pop())
        if not isinstance(resolved, dict) or id(resolved) in seen:
            continue
        seen.add(id(resolved))
        found.append(resolved)
        members = resolved.get("allOf")
        todo.extend(reversed(members) if isinstance(members, list) else ())
    return found


_ALL_OF_LIMIT = 256
"""How many schemas `_all_of` collects: a description that nests more only hides structure."""


def _props(index: ApiIndex, schema: Any) -> dict[str, Any]:
    """Properties of a schema, including those of its allOf members (however deep)."""
    props: dict[str, Any] = {}
    for part in _all_of(index, schema):  # its own first, then each member's over them
        if isinstance(part.get("properties"), dict):
            props.update(part["properties"])
    return props


_EMPTY_VALUES: tuple[Any, ...] = ({}, [], None, "")
_TYPES = frozenset({"object", "array", "string", "number", "integer", "boolean", "null", "file"})
"""JSON Schema's types, and OpenAPI 2.0's `file`: a type outside them matches nothing."""
_OBJECT, _ARRAY = frozenset({"object"}), frozenset({"array"})


def _types(schema: dict[str, Any]) -> frozenset[str] | None:
    """The JSON types a schema allows by its `type` (an integer is also a number), or None
    when it does not say."""
    declared = schema.get("type")
    names = [declared] if isinstance(declared, str) else declared
    if not isinstance(names, list) or not names:
        return None
    types = {name for name in names if name in _TYPES}
    return frozenset(types | ({"integer"} if "number" in types else set()))


def holds_nothing(index: ApiIndex, schema: Any) -> bool:
    """Whether no value with any data in it matches `schema`: `false`, `not: {}`, `type: null`,
    an empty `enum`, a `const` or `enum` of only empty values (`{}`, `[]`, null, ""), an object
    that must stay empty (`maxProperties: 0`, or `additionalProperties: false` and no
    properties), a list that must stay empty (`maxItems: 0`), an `allOf` member that holds
    nothing, `allOf` types that exclude each other (object and string), or a `not` that
    excludes the schema's own type. Such a schema describes no data, whatever its name says."""
    parts = _all_of(index, schema)
    members = [m for part in parts if isinstance(part.get("allOf"), list) for m in part["allOf"]]
    if index.resolve(schema) is False or any(index.resolve(m) is False for m in members):
        return True
    allowed: frozenset[str] | None = None
    for part in parts:
        types = _types(part)
        if types is not None:
            allowed = types if allowed is None else allowed & types
    if allowed is not None and not (allowed - {"null"}):
        return True
    return any(_holds_nothing_alone(index, part, allowed) for part in parts)


def _holds_nothing_alone(
    index: ApiIndex, part: dict[str, Any], allowed: frozenset[str] | None
) -> bool:
    """`holds_nothing` for one schema, its `allOf` aside; `allowed` is the types all allow."""
    never = index.resolve(part.get("not"))
    if never in ({}, True):
        return True
    if isinstance(never, dict) and allowed is not None and never.keys() <= {"type", "description"}:
        excluded = _types(never)
        if excluded is not None and allowed <= excluded:
            return True
    if "const" in part and part["const"] in _EMPTY_VALUES:
        return True
    enum = part.get("enum")
    if isinstance(enum, list) and all(value in _EMPTY_VALUES for value in enum):
        return True
    objects = allowed == _OBJECT or "properties" in part
    if objects and part.get("maxProperties") == 0:
        return True
    if (
        allowed == _OBJECT
        and part.get("additionalProperties") is False
        and not part.get("properties")
        and not part.get("patternProperties")
        and not {"allOf", "anyOf", "oneOf"} & part.keys()
    ):
        return True
    return (allowed == _ARRAY or "items" in part) and part.get("maxItems") == 0


def _array_item(index: ApiIndex, schema: Any) -> tuple[bool, str | None]:
    resolved = index.resolve(schema)
    if isinstance(resolved, dict) and (resolved.get("type") == "array" or "items" in resolved):
        items = resolved.get("items")
        name = ref_name(items)
        if name is None and isinstance(index.resolve(items), dict):
            title = index.resolve(items).get("title")
            name = title if isinstance(title, str) else _common_base(index, index.resolve(items))
        return True, name
    return False, None


_VARIANTS_READ = 128
"""How many variants `_common_base` reads at each end of a longer `anyOf` or `oneOf`."""


def _common_base(index: ApiIndex, items: dict[str, Any]) -> str | None:
    """The one named type every variant of a list's `anyOf` or `oneOf` items is or extends
    (`anyOf: [{allOf: [Case, {…}]}, …]`, `oneOf: [Case, CaseWithNotes]` where the latter is
    `allOf: [Case, …]`): a polymorphic listing lists that type. None if the variants share no
    such type. Of a long list of variants the first and last `_VARIANTS_READ` are read: the
    list is read on every operation that returns it."""
    variants = items.get("anyOf") or items.get("oneOf")
    if not isinstance(variants, list) or not variants:
        return None
    if len(variants) > 2 * _VARIANTS_READ:
        variants = variants[:_VARIANTS_READ] + variants[-_VARIANTS_READ:]
    common: list[str] | None = None
    for variant in variants:
        resolved = index.resolve(variant)
        members = resolved.get("allOf") if isinstance(resolved, dict) else None
        names = [ref_name(variant)] + [ref_name(m) for m in as_list(members)[:20]]
        found = [name for name in names if name is not None]
        common = found if common is None else [name for name in common if name in found]
        if not common:
            return None
    return common[0] if common else None


def shape(index: ApiIndex, schema: Any) -> tuple[str | None, bool, bool]:
    """(resource name, is a collection, has paging properties) of a returned schema."""
    is_array, item = _array_item(index, schema)
    if is_array:
        return item, True, False
    props = _props(index, schema)
    # an object with an identifier of its own is an item, not a page of items (`Duty` with
    # `id`, `meta` and an `assignmentRole` list)
    if props and not {_norm(k) for k in props} & {"id", "uuid", "identifier"}:
        keys = {_norm(k) for k in props}
        paging = _continues(index, props)
        candidates = [
            k for k in props if _norm(k) not in _PAGE_PROPS and _array_item(index, props[k])[0]
        ]
        preferred = [k for k in candidates if _norm(k) in _COLLECTION_PROPS] or (
            candidates if len(candidates) == 1 else []
        )
        if preferred:
            key = _norm(preferred[0])
            _unused, item = _array_item(index, props[preferred[0]])
            # a list under a collection key, next to paging, or alone and named as the item's
            # plural (`Organisations: {organisations: [Organisation]}`)
            alone = len([k for k in props if _norm(k) not in _PAGE_PROPS]) == 1
            plural = alone and item is not None and key.startswith(_norm(item)[:-1])
            if item is not None and (keys & _PAGE_PROPS or key in _COLLECTION_PROPS or plural):
                return item, True, paging
    name = ref_name(schema)
    if name is None:
        resolved = index.resolve(schema)
        title = resolved.get("title") if isinstance(resolved, dict) else None
        name = title if isinstance(title, str) and title else None
    return name, False, False


def _continues(index: ApiIndex, props: dict[str, Any]) -> bool:
    """Whether a page object gives the next part of its list: a continuation property
    (`_CONTINUATION_PROPS`) on it or in its paging object (`pagination: {next: …}`), not
    deprecated (`_live`: a `next` that may go away pages nothing to rely on)."""
    keys = _live(index, props)
    if keys.keys() & _CONTINUATION_PROPS:
        return True
    return any(
        _live(index, _props(index, props[keys[name]])).keys() & _CONTINUATION_PROPS
        for name in keys.keys() & _PAGE_PROPS
    )


def _live(index: ApiIndex, props: dict[str, Any]) -> dict[str, str]:
    """The properties that are not deprecated, by normalised name."""
    return {
        _norm(k): k
        for k, v in props.items()
        if as_dict(index.resolve(v)).get("deprecated") is not True
    }


def _strip_name(name: str) -> str:
    core = _norm(name)
    for affix in ("create", "new", "update", "patch", "post", "put", "upsert", "replace"):
        if core.startswith(affix) and len(core) > len(affix) + 2:
            core = core[len(affix) :]
    for affix in ("request", "input", "dto", "body", "payload", "command", "params", "create",
                  "update", "patch", "data", "model", "resource", "entity"):  # fmt: skip
        if core.endswith(affix) and len(core) > len(affix) + 2:
            core = core[: -len(affix)]
    return core


_QUERY_LIKE = re.compile(r"(lookup|search|query|filter|find|request|command|params|action)$", re.I)


def _written_data(path: str, name: str) -> bool:
    """Whether a write request looks like stored data rather than a query or a command."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return not (_QUERY_LIKE.search(_norm(name)) or _QUERY_LIKE.search(_norm(last)))


def _parent(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[0] or "/"


def _left_out(index: ApiIndex, name: str, schema: Any) -> LeftOut | None:
    """Why the named schema `name` is not a resource type, or None when it may be one."""
    core = _norm(name)
    resolved = index.resolve(schema)
    if isinstance(resolved, dict):
        if "enum" in resolved or resolved.get("type") in ("string", "integer", "number", "boolean"):
            return "enum"
        if _is_problem(index, "", resolved):
            return "error body"
        if _only_counts(index, name, resolved):
            return "count"
        if _only_links(index, resolved):
            return "link"
    if _ERROR_NAME.search(core):
        return "error body"
    if _FORM_NAME.search(core):
        return "form input"
    if _PAGING_NAME.search(core):
        return "paging object"
    return None


_COUNT_WORDS = frozenset({"count", "counts", "total", "totals", "tally", "statistics", "stats"})
_NAME_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")


def _counting(name: str) -> bool:
    """Whether a name has a word that counts (`CaseCount`, `total_items`; not `Account`)."""
    return any(word.lower() in _COUNT_WORDS for word in _NAME_WORD.findall(name))


def _only_counts(index: ApiIndex, name: str, schema: dict[str, Any]) -> bool:
    """Whether a schema holds only numbers that count records (`CaseCount: {total: integer}`,
    `{totalCount: integer}`): a GET returning it says how many there are, not what they hold."""
    props = _props(index, schema)
    if not props or not (_counting(name) or all(_counting(key) for key in props)):
        return False
    return all(isinstance(p := index.resolve(v), dict) and (_types(p) or {"?"}) <= {"integer", "number"}
               for v in props.values())  # fmt: skip


def writes_nothing(index: ApiIndex, op: Operation) -> bool:
    """Whether a write carries no data of its own outside its path: it has no parameter but
    path ones, and a body, but only bodies that hold nothing a client may set
    (`holds_nothing`; every property `readOnly`, which a server ignores or refuses in a write;
    or every property one fixed value, `{archived: {enum: [true]}}`, and no others allowed).
    A body without a schema may hold anything and counts as data."""
    if not op.request or any(parameter.location != "path" for parameter in op.parameters):
        return False
    return all(media.schema is not None and _settles_nothing(index, media.schema)
               for media in op.request)  # fmt: skip


def _settles_nothing(index: ApiIndex, schema: Any) -> bool:
    if holds_nothing(index, schema):
        return True
    if any(part.get("readOnly") is True for part in _all_of(index, schema)):
        return True  # the body as a whole is readOnly
    props = [index.resolve(v) for v in _props(index, schema).values()]
    closed = any(part.get("additionalProperties") is False for part in _all_of(index, schema))
    if props and closed and all(p is False for p in props):
        return True  # every property the schema `false`, and no others: only `{}` is valid
    if not props or not all(isinstance(p, dict) for p in props):
        return False
    if all(p.get("readOnly") is True for p in props):
        return True
    fixed = all("const" in p or (isinstance(p.get("enum"), list) and len(p["enum"]) == 1)
                for p in props)  # fmt: skip
    return fixed and closed


_LINK_NAME = re.compile(r"(url|uri|link|href|location)$")
_TIME_NAME = re.compile(r"(expires|expiry|expiresat|expiresin|validuntil|ttl|createdat|created)$")


def _only_links(index: ApiIndex, schema: Any) -> bool:
    """Whether a schema holds only links and their times (`ExportLink: {pdfUrl, expires}`): a
    GET returning it hands out an address to fetch something else, whose format and content
    the description does not show."""
    kinds = []
    for key, value in _props(index, schema).items():
        prop = index.resolve(value)
        if not isinstance(prop, dict):
            return False
        link = prop.get("format") in ("uri", "url", "uri-reference") or bool(
            _LINK_NAME.search(_norm(key)) and _types(prop) == frozenset({"string"})
        )
        time = prop.get("format") in ("date-time", "date") or bool(_TIME_NAME.search(_norm(key)))
        if not (link or time):
            return False
        kinds.append(link)
    return any(kinds)


def _unwrap(index: ApiIndex, name: str, schema: Any) -> str | None:
    """The one named type an envelope (`…Response`, `…Result`, `…Wrapper`) wraps, if any: an
    envelope has no identifier of its own and one property (`data`, `item`, `result`… or the
    type's own name, paging and links aside) that holds the wrapped type."""
    if not _ENVELOPE_NAME.search(_norm(name)):
        return None
    props = {k: v for k, v in _props(index, schema).items() if _norm(k) not in _PAGE_PROPS}
    if any(_norm(k) in ("id", "uuid", "identifier") for k in props):
        return None
    inner: list[tuple[str, str]] = []
    for key, prop in props.items():
        target = ref_name(prop) or _array_item(index, prop)[1]
        if (
            target
            and target != name
            and _left_out(index, target, index.schemas.get(target)) is None
        ):
            inner.append((key, target))
    if len(inner) != 1:
        return None
    key, target = inner[0]
    if _norm(key) in _WRAP_KEYS or _norm(key) == _norm(target) or len(props) == 1:
        return target
    return None


def _returned(index: ApiIndex, op: Operation) -> set[str]:
    """The named types a successful response of a write returns (envelopes unwrapped; forms,
    errors and other non-resources left out)."""
    names: set[str] = set()
    for _media, (name, _collection, _paging) in _success_shapes(index, op):
        if name is None or name not in index.schemas:
            continue
        name = _unwrap(index, name, index.schemas[name]) or name
        if _left_out(index, name, index.schemas.get(name)) is None:
            names.add(name)
    return names


def _success_shapes(
    index: ApiIndex, op: Operation
) -> Iterator[tuple[Media, tuple[str | None, bool, bool]]]:
    """Each schema-bearing, non-opaque media type of the operation's successful responses, with
    its `shape`."""
    for response in op.responses:
        if not _success(response.status):
            continue
        for media in response.media:
            if media.schema is None or media_class(media.media_type) == "opaque":
                continue
            yield media, shape(index, media.schema)


_ADDRESS_PROP = re.compile(r"url|uri|callback|endpoint|target|webhook|hook|address")


def _webhook_operations(index: ApiIndex, item: Any) -> list[dict[str, Any]]:
    """The operations of a webhook's path item; a webhook announces events only through one
    that is not deprecated, internal, a preview or sold separately (`withdrawn`)."""
    resolved = index.resolve(item)
    if not isinstance(resolved, dict):
        return []
    found = [index.resolve(resolved.get(method)) for method in METHODS]
    return [op for op in found if isinstance(op, dict)]


def only_errors(op: Operation) -> bool:
    """Whether every response an operation documents is an error ("501 Not implemented",
    "403 Premium only", or a `default` response that says it is one): it shows no working
    call."""
    return bool(op.responses) and all(
        r.status[:1] in "45" or (r.status == "default" and _ERROR_TEXT.search(r.description))
        for r in op.responses
    )


_ERROR_TEXT = re.compile(
    r"^\W*(?:[45]\d\d\b|not implemented|not supported|not available|unavailable|error\b"
    r"|ej implementerad|stöds inte|inte tillgänglig)",
    re.IGNORECASE,
)
"""A `default` response's description that starts by naming an error."""


def dry_run(op: Operation) -> str:
    """The pointer of a required query parameter that makes a write only check the request
    (`dryRun`, `validateOnly`, `simulate` fixed to true), or "": nothing is stored."""
    for parameter in op.parameters:
        _kind, enum = _declared(parameter)
        schema = parameter.schema if isinstance(parameter.schema, dict) else {}
        fixed = enum == [True] or schema.get("const") is True or enum == ["true"]
        if parameter.required and fixed and _norm(parameter.name) in _DRY_RUN_NAMES:
            return parameter.pointer
    return ""


def opaque_body(op: Operation) -> str:
    """The media types of a write that takes its data only as opaque bytes
    (`application/octet-stream`, an unregistered binary type), or "": a body in no open
    format, on a path that is no file's, stores data only the vendor's software can write."""
    if not op.request or _FILE_PATH.search(op.path):
        return ""
    if any(media_class(media.media_type) != "opaque" for media in op.request):
        return ""
    return ", ".join(sorted({media.media_type for media in op.request}))[:200]


def vendor_body(index: ApiIndex, op: Operation) -> str:
    """What says a write takes its record only as one text field in the vendor's own format,
    quoted (`vendor_layout`: a form field `ndi` "Posten i Norrdatas importformat NDI"), or "":
    every body it takes is an object of one string property so described, and the record's
    fields are described nowhere a client could read them."""
    words = ""
    for media in op.request:
        props = _props(index, media.schema)
        if len(props) != 1:
            return ""
        prop = as_dict(index.resolve(next(iter(props.values()))))
        if prop.get("type") != "string":
            return ""
        if not (words := vendor_layout(as_text(prop.get("description"))[:2000])):
            return ""
    return words


_DRY_RUN_NAMES = frozenset(
    {"dryrun", "validateonly", "simulate", "simulation", "checkonly", "whatif"}
)


def etag_unknown(index: ApiIndex, op: Operation) -> str:
    """The pointer of a write's required `If-Match` header when nothing shows where its ETag
    comes from, or "": no response of the API documents an `ETag` header, no schema has an
    `etag` property, and the header's description names no source ("från GET", "as returned
    by") nor allows `*`. A client then cannot make the write succeed from the description."""
    match = next(
        (p for p in op.parameters if p.required and p.location == "header"
         and p.name.lower() == "if-match"),
        None,
    )  # fmt: skip
    if match is None or _ETAG_SOURCE.search(match.description[:2000]):
        return ""
    if _documents_etag(index):
        return ""
    return match.pointer


_ETAG_SOURCE = re.compile(
    r"\*|\b(?:från|from|returned|returneras|returnerades|received|fås|ges av|given by|header"
    r"|huvud\w*|property|egenskap\w*|fält\w*|field)\b",
    re.IGNORECASE,
)
"""Words in an `If-Match` description that say where its value comes from, or `*`."""


def _documents_etag(index: ApiIndex) -> bool:
    """Whether any response documents an `ETag` header or any schema an `etag` property."""
    if any(
        header.lower() == "etag"
        for op in index.operations
        for response in op.responses
        for header in response.headers
    ):
        return True
    return any(
        "etag" in {_norm(str(key)) for key in as_dict(as_dict(schema).get("properties"))}
        for schema in index.schemas.values()
    )


def _relied_on(index: ApiIndex, op: Operation) -> bool:
    """Whether an operation can be relied on to exist: not internal, deprecated, a preview or
    sold separately, and documenting more than errors (`only_errors`)."""
    return not (op.internal or op.deprecated or limits(index, op) or only_errors(op))


def limits(index: ApiIndex, op: Operation) -> str:
    """What marks an operation as one the buyer cannot rely on, quoted: `Operation.limited`,
    or what the loader does not read there (`_limits_beside`); "" if nothing."""
    return op.limited or _limits_beside(index, op)


_FEE_HEADER = frozenset(
    {"charge", "charged", "fee", "fees", "avgift", "billing", "billed", "price"}
)
"""Words of a response header that tells what the call cost ("X-Export-Charge")."""


def _limits_beside(index: ApiIndex, op: Operation) -> str:
    """What limits an operation that `Operation.limited` cannot see in the operation alone:
    its own servers all internal while the description's are not, security every alternative
    of which needs a scheme sold apart, a response header that charges for the call, or a
    request body whose own description says the rest is changed only in the vendor's client
    ("övriga fält ändras i Norrdatas klient"); quoted."""
    if (internal := _internal_servers(index, op)) is not None:
        return f"servers: {internal}"
    requirements = op.security if op.security is not None else index.security
    sold = [
        next(
            (
                m
                for name in requirement
                if (m := limited_words(_scheme_text(index, name), where="access"))
            ),
            "",
        )
        for requirement in requirements or []
    ]
    if sold and all(sold):
        return sold[0]
    for name, header, _schema in _success_headers(index, op):
        if _FEE_HEADER & set(re.split(r"[^a-z]+", name.lower())):
            return f"{name}: {as_text(header.get('description'))[:160]}"
    for media in op.request:  # "Endast en kommentar kan läggas till; övriga fält ändras i …"
        body = index.resolve(media.schema)
        text = as_text(body.get("description"))[:2000] if isinstance(body, dict) else ""
        if m := limited_words(text, where="beside"):
            return m
    return ""


def _scheme_text(index: ApiIndex, name: Any) -> str:
    return as_text(as_dict(index.security_schemes.get(str(name))).get("description"))[:2000]


def _internal_servers(index: ApiIndex, op: Operation) -> str | None:
    """The first of an operation's own servers when all of them are on an internal or test
    host (`not_production`) and the description's are not: it is served only there."""
    if not op.servers or not any(_public_server(url) for url in index.servers):
        return None
    if any(_public_server(url) for url in op.servers):
        return None
    return op.servers[0][:200]


def _public_server(url: str) -> bool:
    """Whether a server URL is absolute and on a host the buyer can reach (`not_production`);
    a relative one (`/v2`) is taken as the description's own host."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return True
    return not parts.netloc or not_production(parts) is None


def _takes_address(index: ApiIndex, op: Operation) -> bool:
    """Whether a subscription write says where to notify: a request property such as `url`,
    `callbackUrl` or `target`, or one in URI format (`_addresses`), that the subscriber can
    set (not fixed to one value). A sign-in's return address (`/auth/callback` with
    `returnUrl`) is none."""
    if _AUTH_PATH.search(op.path):
        return False
    return any(not _fixed(schema) for schema in _addresses(index, op))


def fixed_address(index: ApiIndex, op: Operation) -> bool:
    """Whether a request that registers callbacks names their address only as one fixed value
    or host, or as one the client does not send (`_fixed`: `callbackUrl: {enum:
    [https://hooks.vendor.se/intern]}`): the callbacks go to the vendor."""
    return any(_fixed(schema) for schema in _addresses(index, op))


def _addresses(index: ApiIndex, op: Operation) -> Iterator[Any]:
    """The schemas of a write's request properties that give a system's address to notify: in
    URI format or named so (`url`, `callbackUrl`, `target`); not a person's (`partyId`,
    `emailAddress`, a phone number), since a person subscribing to text messages or e-mail is
    no event notification to a system."""
    for media in op.request:
        for name, prop in _props(index, media.schema).items():
            resolved = index.resolve(prop)
            shape = resolved.get("format") if isinstance(resolved, dict) else None
            name_norm = _norm(name)
            if shape in ("email", "idn-email") or (
                _PERSON_ADDRESS.search(name_norm) and not _SYSTEM_ADDRESS.search(name_norm)
            ):
                continue
            if shape in ("uri", "url") or _ADDRESS_PROP.search(name_norm):
                yield resolved


def _fixed(schema: Any) -> bool:
    """Whether a schema allows one value only (an `enum` of one, a `const`), one host only (a
    `pattern` that spells out the host: `^https://hooks\\.vendor\\.se/`), or none the client
    sends (`readOnly`): an address fixed so is the vendor's own, not one the subscriber
    chooses."""
    if not isinstance(schema, dict):
        return False
    values = schema.get("enum")
    pattern = schema.get("pattern")
    return (
        "const" in schema
        or (isinstance(values, list) and len(values) == 1)
        or schema.get("readOnly") is True
        or (isinstance(pattern, str) and _ONE_HOST.match(pattern) is not None)
    )


_ONE_HOST = re.compile(
    r"\^https?(?:\[?s\]?\?)?:(?:\\?/){2}(?:[a-z0-9-]+\\\.)+[a-z]{2,}(?:[:/$]|\\/)", re.I
)
"""A pattern anchored at a URL's start whose host is written out, dots escaped."""


_PERSON_ADDRESS = re.compile(r"mail|phone|sms|mobile|return|redirect")
"""Names of an address for a person or of a page to return to, not of a system to notify,
unless they also name a system's address (`smsUrl`, `mobileCallbackUrl`, `_SYSTEM_ADDRESS`);
a sign-in's return address is told by its path (`_AUTH_PATH`)."""
_SYSTEM_ADDRESS = re.compile(r"url|uri|hook|endpoint|callback")


def _notice_limit(index: ApiIndex, nodes: list[Any], webhooks: list[dict[str, Any]]) -> str:
    """What says a webhook, callback or subscription cannot tell the buyer of every change,
    quoted: its summary or description (`notice_limited`: "meddelandet anger inte vilket
    ärende", "Skickas vardagar 08.00–17.00"), or a webhook's body whose every property is fixed
    to a choice of words (`{event: {enum: [changed]}}`: it names no record); "" if nothing."""
    for node in nodes:
        node = index.resolve(node)
        if not isinstance(node, dict):
            continue
        for key in ("summary", "description"):
            if words := notice_limited(as_text(node.get(key))[:2000]):
                return words
    for op in webhooks:
        body = index.resolve(op.get("requestBody"))
        for media_type, media in as_dict(as_dict(body).get("content")).items():
            props = _props(index, as_dict(media).get("schema"))
            if props and all(_fixed_choice(index, prop) for prop in props.values()):
                names = ", ".join(list(props)[:5])
                return f"{media_type}: {{{names}}}"
    return ""


def _fixed_choice(index: ApiIndex, schema: Any) -> bool:
    """Whether a property can hold only values written out (`enum`, `const`, a boolean): no
    record's id, address or data."""
    resolved = index.resolve(schema)
    if not isinstance(resolved, dict):
        return False
    return "enum" in resolved or "const" in resolved or resolved.get("type") == "boolean"


_EXPRESSION = re.compile(r"\{\$request\.(body#|query\.|header\.|path\.)([^{}]*)\}")


def _dead_expression(index: ApiIndex, op: Operation) -> str:
    """The address expression of an operation's callbacks when each names a field or
    parameter the request does not have (`{$request.body#/callbackUrl}` with a body of only
    `events`): no subscriber can give the address, so they notify nobody; "" if one can. A
    body whose schema is not a plain object with properties (or allows other properties by an
    explicit `additionalProperties`) may hold the field."""
    dead = ""
    for callback in as_dict(op.source.get("callbacks")).values():
        for expression in as_dict(index.resolve(callback)):
            found = list(_EXPRESSION.finditer(str(expression)))
            missing = [m for m in found if not _has_source(index, op, m.group(1), m.group(2))]
            if not missing:
                return ""
            dead = dead or missing[0].group()
    return dead


def _has_source(index: ApiIndex, op: Operation, where: str, name: str) -> bool:
    """Whether the request of `op` can carry the value a runtime expression reads."""
    if where != "body#":
        location = where.rstrip(".")
        return any(p.location == location and p.name.lower() == name.lower() for p in op.parameters)
    first = name.strip("/").split("/", 1)[0].replace("~1", "/").replace("~0", "~")
    if not first or not op.request:  # a body not described may hold anything
        return True
    for media in op.request:
        schema = index.resolve(media.schema)
        if not isinstance(schema, dict) or {"anyOf", "oneOf", "patternProperties"} & schema.keys():
            return True
        extra = schema.get("additionalProperties")
        props = _props(index, schema)
        if not props or extra is True or isinstance(extra, dict) or first in props:
            return True
    return False


def _test_servers(index: ApiIndex) -> tuple[str, str]:
    """(words, pointer) when every server the description names is a test environment (a
    host for tests, `not_production`, or one described so) and one's description says its
    data is not the buyer's or the production is kept apart (`test_server_words`: "Testmiljö
    med syntetiska data. Produktionsmiljön nås endast via Norrdatas VPN"); ("", "") if not."""
    servers = as_list(index.root.get("servers"))[:50]
    found = ("", "")
    for number, server in enumerate(servers):
        server = as_dict(server)
        description = as_text(server.get("description"))[:2000]
        words = test_server_words(description)
        try:
            parts = urlsplit(as_text(server.get("url")))
        except ValueError:
            return ("", "")
        if not words and not (parts.netloc and not_production(parts) == "local"):
            return ("", "")  # a server that may be the production
        if words and not found[0]:
            found = (words, f"/servers/{number}")
    return found


def _hollow(index: ApiIndex, op: Operation, schema: Any) -> HollowWhy | None:
    """Why a successful GET returning `schema` is no evidence that the data can be read out, or
    None when it is. A verdict of exportable must rest on a description of data, so these are not:
    an operation marked internal (not part of the published API), a deprecated operation or
    schema (it may go away), an operation marked as a preview or as sold separately
    (`Operation.limited`), a schema that holds no data (`holds_nothing`), one whose
    properties are all writeOnly (never returned), and an untyped `{}` or one with only
    annotations (`description`, `example`…): it allows any value, so it says nothing about what
    is returned. `{type: object}` declares an object and counts. `deprecated` and `writeOnly`
    count wherever they stand in the schema's `allOf`, as JSON Schema applies them all. An
    unresolvable schema is left to OA001."""
    if op.internal:
        return "internal operation"
    if op.deprecated:
        return "deprecated operation"
    if limits(index, op):
        return "limited operation"
    if holds_nothing(index, schema):
        return "nothing"
    parts = _all_of(index, schema)
    if not parts:
        return None
    props = _props(index, schema)
    hidden = {name for name, v in props.items()
              if isinstance(p := index.resolve(v), dict) and p.get("writeOnly") is True}  # fmt: skip
    readable = [name for name in props if name not in hidden]
    data_hidden = any(not _SECRET.search(_norm(name)) for name in hidden)
    if any(part.get("writeOnly") is True for part in parts) or (
        hidden
        and (not readable or data_hidden)
        and all(_IDENTIFIER.fullmatch(_norm(n)) for n in readable)
    ):
        return "write-only"
    if any(part.get("deprecated") is True for part in parts):
        return "deprecated schema"
    if not any(_DATA_KEYWORDS & part.keys() for part in parts):
        return "empty"
    return None


_IDENTIFIER = re.compile(r"id|uuid|guid|key|href|self|links?|uri|url")
"""Names (`_norm`) of a property that only identifies or addresses a record: a type whose
other properties are all writeOnly, and not only secrets (`_SECRET`), returns no data of it."""
_SECRET = re.compile(r"password|passwd|pin|secret|token|otp|passphrase|credential")
"""Names (`_norm`) of a writeOnly property that is a secret sent but never returned."""


def _schema_pointer(index: ApiIndex, name: str, media: Media) -> str:
    """Where the schema of the type `name` a response returns is: the named schema, or inline."""
    if name in index.schemas:
        prefix = "/definitions/" if index.version == "2.0" else "/components/schemas/"
        return prefix + escape_pointer(name)
    return media.pointer + "/schema"


def structured_media(media_type: str) -> bool:
    """Whether a media type is a structured format (JSON, XML or CSV, `+json` included)."""
    return media_type.split(";")[0].strip().lower().endswith(("json", "xml", "csv"))


def _describes_data(index: ApiIndex, schema: Any) -> bool:
    """Whether a successful response's schema says what data it holds: not missing, not an
    untyped `{}`, not one that holds nothing, not a lone string, and not an object of only
    encoded files or only links (a JSON string can carry a base64 dump of any file, and a link
    any file at all, so the format in the media type says nothing of the data's)."""
    if schema is not None and index.resolve(schema) is None:
        return True  # a $ref that cannot be followed is OA001's to report
    parts = _all_of(index, schema)
    if schema is None or not any(_DATA_KEYWORDS & part.keys() for part in parts):
        return False
    types = [t for part in parts if (t := _types(part)) is not None]
    if holds_nothing(index, schema) or (types and all(t <= {"string", "null"} for t in types)):
        return False
    props = [index.resolve(v) for v in _props(index, schema).values()]
    blobs = props and all(isinstance(p, dict) and _blob(p) for p in props)
    return not blobs and not _only_links(index, schema)


_BLOB_WORDS = re.compile(r"base64|binary|\bblob\b|encoded file", re.IGNORECASE)


def _blob(schema: dict[str, Any]) -> bool:
    """A string that holds a file: `_encoded_file`, or one whose description says so ("Acme
    .adb binary, base64 encoded")."""
    description = schema.get("description")
    return _encoded_file(schema) or (
        schema.get("type") == "string"
        and isinstance(description, str)
        and bool(_BLOB_WORDS.search(description))
    )


def _listed(index: ApiIndex, media: Media, item: str | None) -> tuple[Any, str]:
    """The returned list of `item` and where it is: the response itself, or the property of its
    page that holds the list (the page's pointer when the property is an `allOf` member's)."""
    page = index.resolve(media.schema)
    at = _schema_pointer(index, ref_name(media.schema) or "", media)
    if _array_item(index, page)[0]:
        return page, at
    own = page.get("properties") if isinstance(page, dict) else None
    for key, prop in _props(index, media.schema).items():
        if _array_item(index, prop) == (True, item):
            inside = isinstance(own, dict) and own.get(key) is prop
            return prop, f"{at}/properties/{escape_pointer(key)}" if inside else at
    return None, ""


def _short_list(
    index: ApiIndex, media: Media, item: str | None, op: Operation, paging: bool
) -> tuple[HollowWhy, str] | None:
    """Why a returned list cannot hold every record, and where: it can hold no items
    (`maxItems: 0`), or it holds at most `maxItems`, or as many as a size parameter with a
    `maximum` allows (`limit` up to 100), and the GET cannot be paged (neither its page
    object, `paging`, nor its parameters or headers, `_paginated`)."""
    listed, at = _listed(index, media, item)
    resolved = index.resolve(listed)
    if not at or not isinstance(resolved, dict):
        return None
    if holds_nothing(index, listed):
        return "no items", at
    if paging or _paginated(index, op, enveloped=not _array_item(index, media.schema)[0]):
        return None
    limit = resolved.get("maxItems")
    if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0:
        return "capped", at
    for parameter in op.parameters:
        highest = parameter.schema.get("maximum") if isinstance(parameter.schema, dict) else None
        if (
            parameter.location == "query"
            and _norm(parameter.name) in _SIZE_ONLY
            and isinstance(highest, (int, float))
            and not isinstance(highest, bool)
        ):
            return "capped", parameter.pointer or at
    return None


_IDS_WORDS = frozenset(
    {"ids", "identifiers", "keys", "uuids", "numbers", "nummer", "diarienummer", "ärendenummer",
     "arendenummer", "nrs"}
)  # fmt: skip


_EXAMPLE_STRINGS = 40
"""How many strings of a list's examples `_told_limit` reads (after at most 200 nodes)."""


def _told_limit(index: ApiIndex, media: Media, item: str | None) -> str:
    """What the texts beside a list GET's response say limits the list (`limited_words`),
    quoted: the description of its page schema and of the page's properties ("Saknas efter
    sida 50"), of the listed type ("Handlingar … kan inte hämtas via API:et") and the
    strings of its examples (a `notice: "Ärenden äldre än innevarande år kräver tillägget
    Arkiv Export"`); "" if none does. Each text is read once a description
    (`limited_words` keeps them); a type's properties' own descriptions are not read."""
    texts = _described(index, media.schema, index.schemas.get(item or ""))
    texts += _described(index, *_props(index, media.schema).values())
    fields = frozenset(_props(index, index.schemas.get(item or "")))
    texts += _example_strings(index, media.examples, fields)
    return next(
        (
            m
            for text in texts
            if text and (m := limited_words(text[:2000], reads=True, where="beside"))
        ),
        "",
    )


_FIELDS_READ = 200
"""How many of a type's properties `_withheld` reads."""


def _withheld(index: ApiIndex, name: str) -> tuple[HollowWhy, str, str] | tuple[()]:
    """Why a type's data cannot all be read, where and in what words: one of its own
    properties is described as not returned to the buyer ("withheld": "fältet returneras inte
    till kunden") or as sealed with the vendor's key ("sealed": "Krypterad med Norrdatas
    nyckel"), or the type's description says the buyer's own fields are left out
    (`fields_left_out`: "Egna fält … ingår inte i API:et"); `()` if none is. A property's own description is read, not that of a schema it
    refers to (which describes that type); a secret or a key (`_SECRET`) is no data kept back."""
    if name not in index.schemas:
        return ()
    prefix = "/definitions/" if index.version == "2.0" else "/components/schemas/"
    own = index.resolve(index.schemas[name])
    if words := fields_left_out(as_text(as_dict(own).get("description"))[:2000]):
        return ("withheld", words, prefix + escape_pointer(name))  # the buyer's own fields
    described = [
        (key, text)
        for key, value in list(_props(index, index.schemas[name]).items())[:_FIELDS_READ]
        if isinstance(value, dict) and (text := as_text(value.get("description"))[:2000])
    ]
    if not described or not kept_from_buyer("\n".join(text for _key, text in described)):
        return ()  # what no text says together, none says alone: one search, not one each
    for key, text in described:
        if _SECRET.search(norm := _norm(key)) or "key" in norm:
            continue
        if kept := kept_from_buyer(text):
            at = f"{prefix}{escape_pointer(name)}/properties/{escape_pointer(key)}"
            return (*kept, at)
    return ()


def _access_limits(index: ApiIndex) -> list[tuple[str, str]]:
    """What the API's description and its security schemes' say rations access or closes it
    to third parties (`access_limited`), with where, quoted."""
    prefix = "/securityDefinitions/" if index.version == "2.0" else "/components/securitySchemes/"
    texts = [("/info/description", as_text(index.info.get("description"))[:20_000])]
    texts += [(prefix + escape_pointer(str(name)), _scheme_text(index, name))
              for name in list(index.security_schemes)[:100]]  # fmt: skip
    return [(words, pointer) for pointer, text in texts if text and (words := access_limited(text))]


def _paging_limit(index: ApiIndex, op: Operation, media: Media) -> str:
    """What the texts on a list GET's paging say stops it before the end (`paging_limited`),
    quoted: the operation's summary and description, its query parameters', its success
    headers' ("Link: saknas efter sida 50"), the page schema's and its properties' ("next:
    Saknas efter sida 50 (högst 25 000 poster kan bläddras fram)"); "" if none does."""
    texts = [as_text(op.source.get("summary")), as_text(op.source.get("description"))]
    texts += [p.description for p in op.parameters if p.location == "query"]
    texts += [as_text(header.get("description")) for _n, header, _s in _success_headers(index, op)]
    texts += _described(index, media.schema, *_props(index, media.schema).values())
    return next((m for text in texts if text and (m := paging_limited(text[:2000]))), "")


def _described(index: ApiIndex, *schemas: Any) -> list[str]:
    """The description of each schema (resolved), "" for one without."""
    return [
        as_text(resolved.get("description")) if isinstance(resolved, dict) else ""
        for resolved in map(index.resolve, schemas)
    ]


def _example_strings(
    index: ApiIndex, examples: tuple[Any, ...], fields: frozenset[str] = frozenset()
) -> list[str]:
    """The strings of several words in examples as written (an `examples` entry's `value`),
    breadth first, at most `_EXAMPLE_STRINGS` of them after at most 200 nodes; not what is
    under one of the listed type's `fields`, which is what a record holds ("title:
    Överklagande mot sanktionsavgift"), not what the vendor says of the list."""
    pending = [
        as_dict(index.resolve(e)).get("value") if isinstance(e, dict) and "$ref" in e else e
        for e in examples
    ]
    pending = [
        e.get("value", e) if isinstance(e, dict) and set(e) & {"value", "summary"} else e
        for e in pending
    ]
    found: list[str] = []
    for node in pending:
        if len(pending) > 200 or len(found) >= _EXAMPLE_STRINGS:
            break
        if isinstance(node, str):
            if " " in node.strip():
                found.append(node)
        elif isinstance(node, dict):
            pending.extend([v for k, v in list(node.items())[:50] if k not in fields])
        elif isinstance(node, list):
            pending.extend(node[:5])
    return found


def _lookup(op: Operation) -> tuple[HollowWhy, str] | None:
    """Why a required query parameter makes a list GET return only some records, and where it
    is: it names the records to return (`ids`, `caseIds`, `event_ids[]`, or a lone `id`:
    "lookup"), it is a search text (`q`, `search`, `query`: "search"), or it can take one
    value only (an `enum` of one, a `const`: "fixed filter"). One parent's or tenant's id
    (`branchId`, `customerId`), a range, a filter with several values, and a fixed format,
    version or language do not narrow the list."""
    for parameter in op.parameters:
        if not parameter.required or parameter.location != "query":
            continue
        words = [word.lower() for word in _NAME_WORD.findall(parameter.name)] or [""]
        if words[-1] in _IDS_WORDS or parameter.name.lower() == "id":
            return "lookup", parameter.pointer
        if _norm(parameter.name) in _SEARCH_NAMES:
            return "search", parameter.pointer
        schema = parameter.schema if isinstance(parameter.schema, dict) else {}
        values = schema.get("enum")
        fixed = "const" in schema or (isinstance(values, list) and len(values) == 1)
        if fixed and not _NOT_NARROWING.intersection(words):
            return "fixed filter", parameter.pointer
    return None


_SEARCH_NAMES = frozenset(
    {"q", "query", "search", "searchterm", "searchtext", "searchstring", "term", "text",
     "keyword", "keywords", "freetext", "fritext", "sok", "sokord", "soktext", "sokterm",
     "filterq", "querystring"}
)  # fmt: skip
"""Names of a search text: required, it lists only what matches."""
_NOT_NARROWING = frozenset(
    {"format", "version", "api", "lang", "language", "locale", "fields", "sort", "order",
     "expand", "include", "type", "output", "media", "charset", "encoding", "v", "ver",
     "limit", "size", "top", "page", "offset", "per", "count", "max"}
)  # fmt: skip
"""Words of a parameter name whose one fixed value shapes the answer without leaving records
out (`format=json`, `api-version=2`, `v=2`); a fixed size or page (`limit=100`) is judged
as paging is, not as a filter."""


def _singleton(op: Operation) -> bool:
    """Whether a GET returning one object reaches it without an identifier of its own: the path
    does not end in a path parameter and no query parameter is required (a lookup is not)."""
    required = any(p.required and p.location == "query" for p in op.parameters)
    return not _item_path(op.path) and not required


def _nested(path: str, paths: set[str]) -> bool:
    """Whether a list is bounded by one parent item: it is on an item path (`/groups/{id}`), or
    under an item of a collection the API has (`/errands/{errandId}/notes` with `/errands`).
    Other path parameters (`/{municipalityId}/…`, `/api/v3/citizen/{municipalityId}/…`) choose
    a tenant, not an item."""
    segments = [s for s in path.strip("/").split("/") if s]
    for i in range(1, len(segments)):
        if segments[i].startswith("{") and not segments[i - 1].startswith("{"):
            prefix = "/" + "/".join(segments[:i])
            if i == len(segments) - 1 or prefix in paths or f"{prefix}/{segments[i]}" in paths:
                return True
    return False


def _lists_others(
    name: str, parent: str | None, listed: set[str], items_at: dict[str, set[str]]
) -> bool:
    """Whether the list at `parent` returns other types only, each read one by one under
    another path (`/cases` whose path item is a `$ref` to `/decisions`'s, listing decisions
    that `/decisions/{id}` reads): its ids are no ids of `name`. A summary type read nowhere
    else (`CaseSummary` for `/cases/{id}`'s `Case`) does list them."""
    return name not in listed and all(items_at.get(other, set()) - {parent} for other in listed)


def _item_path(path: str) -> bool:
    """Whether the path addresses one item by an identifier (ends in a path parameter)."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return last.startswith("{") and last.endswith("}")


def _analyse(index: ApiIndex, base_url: str | None) -> Analysis:
    resources: dict[str, Resource] = {}
    left_out: dict[str, LeftOut] = {}
    read_paths: dict[str, set[str]] = {}
    hollow_reads: dict[tuple[str, int], Hollow] = {}  # (type, id(op)): GETs that describe no data
    hollow_lists: dict[str, Hollow] = {}  # path: lists that describe no data
    withheld: dict[str, tuple[HollowWhy, str, str] | tuple[()]] = {}  # type: `_withheld`
    for op in index.operations:
        if op.method != "get":
            continue
        for media, (name, collection, paging) in _success_shapes(index, op):
            if not name:
                continue
            schema = index.schemas.get(name, media.schema if not collection else None)
            inner = _unwrap(index, name, schema)
            if inner is not None:
                left_out[name] = "envelope"
                name = inner
                schema = index.schemas.get(name)
            why = (
                "service endpoint"
                if _SERVICE_PATH.search(op.path) or _AUTH_PATH.search(op.path)
                else _left_out(index, name, schema)
            )
            if why is not None:
                left_out.setdefault(name, why)
                continue
            resource = resources.setdefault(name, Resource(name))
            if not resource.read_ops or resource.read_ops[-1] is not op:  # once per GET
                resource.read_ops.append(op)
            read_paths.setdefault(op.path, set()).add(name)
            why_hollow = _hollow(index, op, schema)
            pointer = ""
            short = _short_list(index, media, name, op, paging) if collection else None
            if why_hollow is None and short is not None:
                why_hollow, pointer = short
            if why_hollow is None and collection and (narrowed := _lookup(op)):
                why_hollow, pointer = narrowed
            marker = limits(index, op) if why_hollow == "limited operation" else ""
            if (
                why_hollow is None
                and (sealed := _sealed(index, "", media))
                and _file_content(index, op, media.media_type, media.schema)
            ):  # the list's own records come out sealed: no evidence of their data
                why_hollow, marker, pointer = "sealed", sealed, media.pointer
            if why_hollow is None and collection and (told := _told_limit(index, media, name)):
                why_hollow, marker, pointer = "limited operation", told, media.pointer
            if why_hollow is None and (kept := withheld.get(name)) is None:
                kept = withheld[name] = _withheld(index, name)
            if why_hollow is None and kept:
                why_hollow, marker, pointer = kept
            if why_hollow is not None:  # a read, but no evidence the type can be read out
                on_op = op.internal or op.deprecated or bool(marker)
                if not pointer:
                    pointer = op.pointer if on_op else _schema_pointer(index, name, media)
                read = hollow_reads[name, id(op)] = Hollow(op, pointer, why_hollow, marker)
                if collection or _singleton(op):
                    resource.hollow.append(read)
                    hollow_lists.setdefault(op.path.rstrip("/"), read)
            if collection or _singleton(op):  # a list is paged or not whatever its items say
                if not resource.collection_ops or resource.collection_ops[-1] is not op:
                    resource.collection_ops.append(op)
                resource.array_collection |= collection
                enveloped = not _array_item(index, media.schema)[0]
                if not collection or paging or _paginated(index, op, enveloped):
                    resource.paginated = True
                if collection and not resource.paging_limit:
                    resource.paging_limit = _paging_limit(index, op, media)
                if _changed_since(op):
                    resource.changed_since = True
                elif _changed_since(op, created=True):
                    resource.created_since = True
                elif not resource.withdrawn_filter:
                    resource.withdrawn_filter = _withdrawn_filter(op)
    listing: dict[str, set[str]] = {}  # path: the types its lists return, described as data
    for r in resources.values():
        for op in r.collection_ops:
            if (r.name, id(op)) not in hollow_reads:
                listing.setdefault(op.path.rstrip("/"), set()).add(r.name)
    items_at: dict[str, set[str]] = {}  # type: the parents of the item paths that read it
    for r in resources.values():
        for op in r.read_ops:
            if _item_path(op.path) and op not in r.collection_ops:  # one item, not a list
                items_at.setdefault(r.name, set()).add(_parent(op.path))
    for resource in resources.values():
        for op in resource.read_ops:  # an item GET under a list reaches every record, if both
            parent = _parent(op.path) if _item_path(op.path) else None  # describe data
            own = hollow_reads.get((resource.name, id(op)))
            listed = listing.get(parent, set()) if parent is not None else set()
            if (
                listed
                and own is None
                and not _lists_others(resource.name, parent, listed, items_at)
            ):
                resource.listed_by.append(op)
            elif listed and own is None:
                continue  # the list there is another type's: it reaches no item of this one
            elif parent is not None and (parent in listing or parent in hollow_lists):
                resource.hollow.append(own or hollow_lists[parent])
    by_core: dict[str, list[str]] = {}
    for name in resources:
        by_core.setdefault(_strip_name(name), []).append(name)
    paths = {op.path.rstrip("/") for op in index.operations}
    item_parents = {_parent(p) for p in paths if _item_path(p)}  # collections with item paths
    bulk_export: list[Operation] = []
    bulk_import: list[Operation] = []
    for op in index.operations:
        if op.internal:
            continue  # left out of the published API: neither a bulk export nor a write
        if op.method in ("get", "post") and _EXPORT_PATH.search(op.path):
            bulk_export.append(op)
        if op.method not in WRITE_METHODS:
            continue
        if _IMPORT_PATH.search(op.path):
            bulk_import.append(op)
        addressed = _item_path(op.path) or op.path.rstrip("/") in item_parents
        targets: set[str] = set()
        returned = _returned(index, op) if addressed else set()
        for name in sorted(name for name in returned if name not in resources):
            # returned by a write to an addressable path: a thing with an identity, even if no
            # GET returns it (then it cannot be read back)
            by_core.setdefault(_strip_name(name), []).append(name)
            resources[name] = Resource(name)
        read_here = read_paths.get(op.path, set()) | returned
        for media in op.request:
            name = ref_name(media.schema) or _array_item(index, media.schema)[1]
            if not name or media_class(media.media_type) == "opaque":
                continue
            core = _strip_name(name)
            if core in by_core:
                targets.update(by_core[core])
                continue
            if name in resources:
                continue
            if read_here and _left_out(index, name, index.schemas.get(name)) is None:
                # the body of a write whose path reads or returns a resource type is that
                # type's input (`SorteringsordningSpec` for `SorteringsordningResponse`)
                left_out.setdefault(name, "input")
                targets.update(read_here)
                continue
            base = media.media_type.split(";", 1)[0].strip().lower()
            why = (
                "form input" if base.startswith(_FORM_MEDIA) else
                _left_out(index, name, index.schemas.get(name, media.schema))
            )  # fmt: skip
            if why is None and not (addressed and _written_data(op.path, name)):
                why = "request-only"
            if why is not None:
                left_out.setdefault(name, why)
                continue
            # written to an addressable path but never returned by a GET: cannot be read back
            by_core[core] = [name]
            resources[name] = Resource(name)
            targets.add(name)
        targets.update(read_paths.get(op.path, set()) | returned)
        targets.update(read_paths.get(_parent(op.path), set()) if op.method != "post" else ())
        for name in targets:
            writes = resources[name].write_ops if name in resources else None
            if writes is not None and (not writes or writes[-1] is not op):  # once per write
                writes.append(op)
    for name in resources:
        left_out.pop(name, None)

    webhooks = index.root.get("webhooks")
    notifications: list[str] = []
    withdrawn_webhooks: list[str] = []
    notice_limits: list[tuple[str, str]] = []
    for name, item in webhooks.items() if isinstance(webhooks, dict) else ():
        operations = _webhook_operations(index, item)
        if operations and not _CONNECTION_TEST.fullmatch(str(name)):
            # "webhooks: none", an empty item or a connection test announces no change
            pointer = f"/webhooks/{escape_pointer(str(name))}"
            live = any(not withdrawn(op) for op in operations) and not withdrawn(item)
            if live and (words := _notice_limit(index, [item, *operations], operations)):
                notice_limits.append((words, pointer))
                live = False
            (notifications if live else withdrawn_webhooks).append(pointer)
    callbacks = [op for op in index.operations if op.callbacks and not fixed_address(index, op)]
    dead_callbacks = [(dead, op.pointer + "/callbacks") for op in callbacks
                      if (dead := _dead_expression(index, op))]  # fmt: skip
    subscriptions = [op for op in index.operations if _SUBSCRIBE_PATH.search(op.path)
                     and op.method in WRITE_METHODS and _takes_address(index, op)]  # fmt: skip
    for op in callbacks:  # one deprecated, internal or sold apart is declared but not relied on
        if any(pointer == op.pointer + "/callbacks" for _dead, pointer in dead_callbacks):
            continue
        relied = _relied_on(index, op)
        if relied and (words := _notice_limit(index, [op.source], [])):
            notice_limits.append((words, op.pointer + "/callbacks"))
            relied = False
        (notifications if relied else withdrawn_webhooks).append(op.pointer + "/callbacks")
    relied_paths: dict[str, bool] = {}
    for op in subscriptions:
        relied = _relied_on(index, op)
        if relied and (words := _notice_limit(index, [op.source], [])):
            notice_limits.append((words, op.pointer))
            relied = False
        relied_paths[op.path] = relied_paths.get(op.path, False) or relied
    for path, relied in sorted(relied_paths.items()):
        pointer = "/paths/" + path.replace("~", "~0").replace("/", "~1")
        (notifications if relied else withdrawn_webhooks).append(pointer)

    media_seen: dict[MediaClass, list[tuple[str, str]]] = {"open": [], "vendor": [], "opaque": []}
    file_media: list[tuple[str, str]] = []
    sealed_media: list[tuple[str, str, str]] = []
    withheld_originals: list[tuple[str, str, str]] = []
    vendor_layouts: list[tuple[str, str, str]] = []
    error_media = 0
    unnamed_files: list[tuple[str, str]] = []
    undescribed: list[tuple[str, str]] = []
    data_described = False
    service_ops = [op for op in index.operations if _SERVICE_PATH.search(op.path)]
    service = {id(op) for op in service_ops}
    plain: set[int] = set()  # schemas with no binary part (`_binary_schema`)
    for op in index.operations:
        if id(op) in service:
            continue
        for item in op.request:
            if _file_content(index, op, item.media_type, item.schema, plain):
                file_media.append((item.media_type, item.pointer))
            else:
                media_seen[media_class(item.media_type)].append((item.media_type, item.pointer))
        for response in op.responses:
            if _error(response.status):
                error_media += len(response.media)
                continue
            for item in response.media:
                if _file_content(index, op, item.media_type, item.schema, plain):
                    if words := _sealed(index, response.description, item):
                        sealed_media.append((item.media_type, item.pointer, words))
                        continue
                    texts = (op.summary, op.description, response.description)
                    if words := next((w for t in texts if (w := originals_withheld(t[:2000]))), ""):
                        withheld_originals.append((item.media_type, item.pointer, words))
                    file_media.append((item.media_type, item.pointer))
                    bare = (
                        item.media_type.split(";")[0].strip().lower() == "application/octet-stream"
                    )
                    if bare and item.schema is None and len(response.media) == 1:
                        unnamed_files.append((item.media_type, item.pointer))
                else:
                    kind = media_class(item.media_type)
                    if item.media_type.split(";")[0].strip().lower() == "text/plain":
                        texts = (response.description, op.summary, op.description)
                        if words := next((w for t in texts if (w := vendor_layout(t[:2000]))), ""):
                            vendor_layouts.append((item.media_type, item.pointer, words))
                            kind = "vendor"
                    media_seen[kind].append((item.media_type, item.pointer))
                    if kind == "open" and not data_described and structured_media(item.media_type):
                        # OA006 speaks only when none is described: the first one settles it
                        data_described = _describes_data(index, item.schema)
                        if not data_described:
                            undescribed.append((item.media_type, item.pointer))

    schemes, labels, oauth = _schemes(index)
    applied: set[str] = set()
    unprotected: list[Operation] = []
    for op in index.operations:
        requirements = op.security if op.security is not None else index.security
        if not requirements or any(not r for r in requirements):
            unprotected.append(op)
        for requirement in requirements or []:
            applied.update(str(name) for name in requirement)
    declared_keys = {
        _norm(str(s.get("name", "")))
        for s in index.security_schemes.values()
        if s.get("type") == "apiKey"
    }
    undeclared: list[tuple[str, str]] = []
    seen_params: set[str] = set()
    for op in index.operations:
        for param in op.parameters:
            if (
                param.location in ("header", "query", "cookie")
                and _AUTH_PARAM.match(param.name)
                and _norm(param.name) not in declared_keys
                and param.name.lower() not in seen_params
            ):
                seen_params.add(param.name.lower())
                undeclared.append((param.name, param.pointer))

    docs, doc_examples = _docs(index)
    info = index.info
    contact = info.get("contact") if isinstance(info.get("contact"), dict) else {}
    external = index.root.get("externalDocs")
    versioning = _versioning(index)
    statuses = [(op, r) for op in index.operations for r in op.responses]
    ops_with_errors = 0
    ops_with_problem = 0
    no_problem: list[str] = []
    no_errors: list[str] = []
    for op in index.operations:
        if id(op) in service:
            continue
        errors = [r for r in op.responses if _sent_error(r.status)]
        if not errors:
            no_errors.append(op.pointer)
            continue
        ops_with_errors += 1
        if any(_is_problem(index, m.media_type, m.schema) for r in errors for m in r.media):
            ops_with_problem += 1
        else:
            no_problem.append(op.pointer)

    rate: list[str] = []
    for _op, response in statuses:
        if response.status == "429" or any(_RATE_HEADER.match(h) for h in response.headers):
            rate.append(response.pointer)
    if _RATE_TEXT.search(str(info.get("description", ""))):
        rate.append("/info/description")
    rate += [f"/{k}" for k in index.root if isinstance(k, str) and "ratelimit" in _norm(k)]

    licence = info.get("license")
    licence_text = ""
    if isinstance(licence, dict):
        licence_text = str(
            licence.get("name") or licence.get("identifier") or licence.get("url") or ""
        )
    federated = [
        name
        for name, scheme in index.security_schemes.items()
        if scheme.get("type") == "openIdConnect"
        or (
            (
                scheme.get("type") == "oauth2"
                and any(f in _usable_flows(scheme) for f in ("authorizationCode", "implicit"))
            )
            or scheme.get("flow") in ("accessCode", "implicit")
        )
    ]
    return Analysis(
        resources=dict(sorted(resources.items())),
        bulk_export=bulk_export,
        bulk_import=bulk_import,
        notifications=notifications,
        withdrawn_webhooks=withdrawn_webhooks,
        media=media_seen,
        schemes=schemes,
        scheme_labels=labels,
        oauth_schemes=oauth,
        applied_schemes=applied,
        undeclared_auth=undeclared,
        without_oauth=_without_oauth(index, schemes, oauth, service),
        unprotected_ops=unprotected,
        docs=docs,
        doc_examples=doc_examples,
        has_contact=bool(contact and (contact.get("email") or contact.get("url"))),
        has_docs_link=isinstance(external, dict) and bool(external.get("url")),
        versioning=versioning,
        semver=bool(_SEMVER.fullmatch(str(info.get("version", "")).strip())),
        deprecated_ops=sum(op.deprecated for op in index.operations),
        sunset_headers=any(
            h.lower() in ("sunset", "deprecation") for _unused, r in statuses for h in r.headers
        ),
        ops_with_errors=ops_with_errors,
        ops_with_problem=ops_with_problem,
        no_problem_examples=no_problem,
        no_error_examples=no_errors,
        urls=_urls(index, base_url),
        weak_transport=_weak_transport(index),
        rate_limit_evidence=rate,
        access_limits=_access_limits(index),
        licence=licence_text,
        terms=str(info.get("termsOfService") or ""),
        federated=federated,
        left_out=dict(sorted(left_out.items())),
        file_media=file_media,
        sealed_media=sealed_media,
        withheld_originals=withheld_originals,
        vendor_layouts=vendor_layouts,
        notice_limits=notice_limits,
        dead_callbacks=dead_callbacks,
        test_servers=_test_servers(index),
        error_media=error_media,
        service_ops=service_ops,
        unnamed_files=unnamed_files,
        undescribed=undescribed,
        data_described=data_described,
        nested_lists=sorted(
            name
            for name, r in resources.items()
            if r.collection_ops and all(_nested(op.path, paths) for op in r.collection_ops)
        ),
    )


def _sealed(index: ApiIndex, description: str, media: Media) -> str:
    """What says the file content a response returns is sealed against the buyer
    (`sealed_words`: "Krypterat med Norrdatas nyckel; öppnas med Norrdata Viewer"), quoted:
    the descriptions of the schema's encoded properties (`_encoded_file`), the schema's and
    the response's; "" if none does, or if the media type names a file format (a PDF is a
    PDF whatever program opens it)."""
    if media.media_type.split(";", 1)[0].strip().lower().startswith(_NAMED_FILE_MEDIA):
        return ""
    texts = []
    schema = index.resolve(media.schema)
    if isinstance(schema, dict):
        for prop in list(_props(index, schema).values())[:50]:
            resolved = index.resolve(prop)
            if isinstance(resolved, dict) and _encoded_file(resolved):
                texts.append(as_text(resolved.get("description")))
        texts.append(as_text(schema.get("description")))
    texts.append(description)
    return next((m for text in texts if text and (m := sealed_words(text[:2000]))), "")


def _binary_schema(index: ApiIndex, schema: Any, plain: set[int] | None = None) -> bool:
    """Whether the schema is a file or, for a multipart upload, has a binary part at any
    depth. Each schema is looked at once (`seen`), so a schema that contains itself, or one
    reached by many paths (the APIs.guru corpus has both), costs one visit, not one a path.

    `plain`, shared by the calls of one analysis, holds the ids of the schemas known to reach
    no binary part: every schema a call that found none looked at (each reaches only schemas
    that call looked at too). Later calls skip them, so the big schemas many responses share
    (GitHub's) are looked at once a description, not once a response."""
    seen: set[int] = set()
    known = plain if plain is not None else seen
    resolve = index.resolver.resolve
    pending = [schema]
    while pending:
        resolved = resolve(pending.pop())
        if not isinstance(resolved, dict) or id(resolved) in seen or id(resolved) in known:
            continue
        seen.add(id(resolved))
        if _encoded_file(resolved):
            return True
        if resolved.get("allOf"):
            pending.extend(_props(index, resolved).values())
        elif isinstance(properties := resolved.get("properties"), dict):
            pending.extend(properties.values())  # what _props gives a schema without allOf
        for key in ("items", "additionalProperties"):  # a list of files, or a map of them
            if isinstance(resolved.get(key), dict):
                pending.append(resolved[key])
        for key in ("oneOf", "anyOf"):
            if isinstance(resolved.get(key), list):
                pending.extend(resolved[key])
    if plain is not None:
        plain |= seen
    return False


def _encoded_file(schema: dict[str, Any]) -> bool:
    """A file (OpenAPI 2.0 `type: file`), or a string that holds one: `format: binary` or
    `byte`, or (JSON Schema 2019-09, OpenAPI 3.1) a `contentEncoding` such as base64 or a
    `contentMediaType`. JSON around a base64 blob does not make the blob an open format."""
    kind = schema.get("type")
    if kind == "file":
        return True
    if not (kind == "string" or (isinstance(kind, list) and "string" in kind)):
        return False
    return (
        schema.get("format") in ("binary", "byte", "base64")
        or isinstance(schema.get("contentEncoding"), str)
        or isinstance(schema.get("contentMediaType"), str)
    )


def _file_content(
    index: ApiIndex, op: Operation, media_type: str, schema: Any, plain: set[int] | None = None
) -> bool:
    """Whether the media type carries file content (judged apart, not as a data format);
    `plain` as in `_binary_schema`."""
    base = media_type.split(";", 1)[0].strip().lower()
    if base in _WILDCARDS:
        return False
    if _binary_schema(index, schema, plain):
        return True
    # on a file or document path, a media type naming a file format, or a bare octet-stream, is
    # file content; a bare octet-stream with no schema and no alternative names no format at
    # all, so OA006 reports it apart as not verified (`Analysis.unnamed_files`)
    named = base.startswith(_NAMED_FILE_MEDIA) or base == "application/octet-stream"
    return named and bool(_FILE_PATH.search(op.path))


def _paginated(index: ApiIndex, op: Operation, enveloped: bool = False) -> bool:
    """Whether a list GET can be read part by part: a query parameter for a position (not only
    a size, `_SIZE_ONLY`) that can page, or a response header with the next part's address.
    An opaque token (`_HANDED_OUT`) returned in a page object (`enveloped`) that holds no
    continuation (`_continues`, judged by the caller) pages only where `_handed_out` shows
    where it comes from: the page that should carry it does not."""
    blank = _blank_headers(index, op)
    headers = [
        h.lower() for r in op.responses if _success(r.status) for h in r.headers if h not in blank
    ]
    if any(
        (name := _norm(p.name)) in _PAGINATION
        and name not in _SIZE_ONLY
        and (not enveloped or name not in _HANDED_OUT or _handed_out(p, headers))
        and _may_page(p)
        and not _does_nothing(_beside_ref(index, op, p)[:2000])
        for p in op.parameters
        if p.location == "query"
    ):
        return True
    return any(header in _PAGE_HEADERS for header in headers)


def _blank_headers(index: ApiIndex, op: Operation) -> set[str]:
    """The names of an operation's success response headers whose schema lets them hold no
    text (`maxLength: 0`): a `Link` header so declared never gives the next address."""
    return {
        name for name, _h, schema in _success_headers(index, op) if schema.get("maxLength") == 0
    }


def _success_headers(
    index: ApiIndex, op: Operation
) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(name, header, its schema) of each header of an operation's success responses, refs
    followed (a 2.0 header is its own schema)."""
    for status, raw in list(as_dict(op.source.get("responses")).items())[:50]:
        if _success(str(status)):
            for name, header in list(as_dict(as_dict(index.resolve(raw)).get("headers")).items())[
                :50
            ]:
                header = as_dict(index.resolve(header))
                yield str(name), header, as_dict(index.resolve(header.get("schema", header)))


def _beside_ref(index: ApiIndex, op: Operation, parameter: Parameter) -> str:
    """The `description` written beside a parameter's `$ref` (OpenAPI 3.1 lets it override
    the target's, and Swagger UI shows it: "Ignoreras; endast första sidan returneras"), or
    "" when there is none."""
    owner = op.source if parameter.pointer.startswith(op.pointer + "/") else None
    if owner is None:
        owner = as_dict(index.resolve(as_dict(index.root.get("paths")).get(op.path)))
    entries = as_list(owner.get("parameters"))
    position = parameter.pointer.rpartition("/")[2]
    entry = entries[int(position)] if position.isdigit() and int(position) < len(entries) else None
    return as_text(entry.get("description")) if isinstance(entry, dict) and "$ref" in entry else ""


_FROM_A_RESPONSE = re.compile(
    r"\b(?:response|result|returned|returns|previous (?:call|request|page)|svaret|returneras"
    r"|föregående (?:anrop|svar|sida))\b",
    re.IGNORECASE,
)


_TOKEN_HEADER = re.compile(r"cursor|next|token|continu")


def _handed_out(parameter: Parameter, headers: list[str]) -> bool:
    """Whether the description shows where an opaque paging token comes from: a response
    header named for it (`X-Files-Cursor-Next`), or the parameter's description saying a
    response returns it ("cursors are provided in the response headers")."""
    if any(_TOKEN_HEADER.search(header) for header in headers):
        return True
    return _FROM_A_RESPONSE.search(parameter.description[:2000]) is not None


def _declared(parameter: Parameter) -> tuple[Any, list[Any] | None]:
    """A parameter's declared type and enum (OpenAPI 3 under `schema`, 2.0 on itself)."""
    schema = parameter.schema if isinstance(parameter.schema, dict) else {}
    enum = schema.get("enum")
    return schema.get("type"), enum if isinstance(enum, list) else None


_WORDS_OF_OTHER_SENSE = frozenset({"first", "size", "start", "from"})
"""Paging names that are as often a first name, a size category or a start date."""


_HANDED_OUT = frozenset(
    {"cursor", "pagetoken", "nexttoken", "continuationtoken", "skiptoken", "marker", "pagecursor",
     "continue", "continuation"}
)  # fmt: skip
"""Paging parameters whose value only a previous page can give (an opaque token): they page
only if a page hands one out (`_continues`) or a header gives the next address."""
_DOES_NOTHING = re.compile(
    r"(?:^\W*(?:ignored|ignoreras|unused|reserved|not (?:yet )?(?:supported|implemented|used)"
    r"|has no effect|har ingen (?:effekt|verkan))"
    r"|\b(?:this|the) (?:parameter|param|option|field) (?:has no effect|(?:is|will be)"
    r" (?:currently )?(?:ignored|not (?:yet )?(?:supported|implemented|used)))"
    r"|\bparametern (?:ignoreras|stöds inte|används inte)"
    r"|\b(?:reserved for future use|reserverad för framtida (?:bruk|användning)))"
    r"\b(?! when| if| unless| for| with| in combination| när| om| då| för| i kombination)",
    re.IGNORECASE,
)
"""A parameter's description that says it does nothing: opening so ("Ignoreras i nuvarande
version", "Not supported", "Has no effect"), or saying so of the parameter ("This parameter
is ignored", "reserved for future use"); not one that refuses some values ("Negative values are not
supported") or does nothing in one case only ("ignored when a cursor is given")."""


_ACCEPTED_BUT_IGNORED = re.compile(
    r"\b(?:accepted|accepteras|tas emot|parsed|läses) (?:but|men) (?:is |are )?(?:ignored"
    r"|ignoreras|not used|används inte|has no effect|har ingen (?:effekt|verkan))",
    re.IGNORECASE,
)
"""A parameter said to be taken but not used ("Accepteras men ignoreras"): searched only in
a description with "but" or "men" (`_does_nothing`)."""


def _does_nothing(description: str) -> bool:
    """Whether a parameter's description says it does nothing (`_DOES_NOTHING`,
    `_ACCEPTED_BUT_IGNORED`), other than in a sentence that sets a condition first ("When a
    cursor is given, this parameter is ignored")."""
    found = _DOES_NOTHING.search(description)
    if found is None and (" but " in description or " men " in description):
        found = _ACCEPTED_BUT_IGNORED.search(description)
    if found is None:
        return False
    sentence = description[: found.start()].rsplit(".", 1)[-1]
    return _CONDITION.search(sentence) is None


_CONDITION = re.compile(r"\b(?:when|if|unless|once|while|om|när|då|ifall)\b", re.IGNORECASE)


def _may_page(parameter: Parameter) -> bool:
    """Whether a parameter named for paging can page: not deprecated, not described as doing
    nothing (`_DOES_NOTHING`), not a flag, not a choice of words (`size: small|large`) or of
    one value (`page: [1]`, or a `maximum` of 1), and `first`, `size` or `start` not declared
    as a string."""
    kind, enum = _declared(parameter)
    if parameter.deprecated or kind == "boolean":
        return False
    if _does_nothing(parameter.description[:2000]):
        return False
    schema = parameter.schema if isinstance(parameter.schema, dict) else {}
    highest = schema.get("maximum")
    if isinstance(highest, (int, float)) and not isinstance(highest, bool) and highest <= 1:
        return False

    if enum is not None and (len(enum) < 2 or not all(isinstance(v, int) for v in enum)):
        return False
    return not (kind == "string" and _norm(parameter.name) in _WORDS_OF_OTHER_SENSE)


_NOT_A_TIME = re.compile(r"(by|byid|byuser|user|userid|id|field|fields|count|flag)$|^(order|sort)")
"""Names that say who or what changed, not since when (`updatedBy`, `deltaFields`), a higher id
(`since_id`), which returns new records but no changed ones, and a sort order
(`orderByModified`), which filters nothing."""
_NEW_ONLY = re.compile(r"creat|publish|added|insert")
_CHANGE_WORD = re.compile(r"modif|updat|chang|delta|lastmod|sync")
"""Words of a creation time and of a change time (`_created_only`)."""


def _changed_since(op: Operation, *, created: bool = False) -> bool:
    """Whether a list GET can return only what changed (or, with `created`, only what was
    created): a query parameter named for it that can hold a time or token. Conditional
    requests (`If-Modified-Since`, `ETag`) return the whole list or nothing, so they do not."""
    return any(
        p.location == "query"
        and _CHANGED.search(p.name.lower())
        and _may_be_a_time(p)
        and created == _created_only(p)
        for p in op.parameters
    )


def _withdrawn_filter(op: Operation) -> str:
    """The name of a list GET's change-named query parameter that would hold a time but is
    deprecated or described as doing nothing (`_DOES_NOTHING`, "besvaras med 410 Gone"), or
    "": a filter the API once had and took away."""
    for p in op.parameters:
        if p.location != "query" or not _CHANGED.search(p.name.lower()) or _created_only(p):
            continue
        kind, enum = _declared(p)
        if kind == "boolean" or enum is not None or _NOT_A_TIME.search(_norm(p.name)):
            continue
        if p.deprecated or _does_nothing(p.description[:2000]):
            return p.name[:80]
    return ""


def _created_only(parameter: Parameter) -> bool:
    """Whether a time parameter is a creation or publishing time (`createdSince`), which
    returns new records but no changed ones, not one of change (`createdOrUpdatedSince`)."""
    name = _norm(parameter.name)
    return bool(_NEW_ONLY.search(name)) and not _CHANGE_WORD.search(name)


def _may_be_a_time(parameter: Parameter) -> bool:
    """Whether a change-named parameter can hold a point in time or a change token: not
    deprecated, not a flag, not a choice of words, not named for who or what changed, and not
    described as doing nothing (`_DOES_NOTHING`: "Accepteras men ignoreras")."""
    kind, enum = _declared(parameter)
    named = _NOT_A_TIME.search(_norm(parameter.name))
    if parameter.deprecated or kind == "boolean" or enum is not None or named:
        return False
    return not _does_nothing(parameter.description[:2000])


def _is_problem(index: ApiIndex, media_type: str, schema: Any) -> bool:
    """Whether an error body is RFC 9457 problem details: the problem media type, unless its
    schema says otherwise (not an object: `type: string`; properties of its own and none of
    the RFC's members: `{error, msg}`; a member of another type), or a schema with `title`,
    `status` and a third of the RFC's members, each of the RFC's type where typed."""
    base = media_type.split(";", 1)[0].strip().lower()
    if holds_nothing(index, schema):  # `maxProperties: 0`: no body at all
        return False
    keys = set(_props(index, schema))
    if base in ("application/problem+json", "application/problem+xml"):
        resolved = index.resolve(schema)
        declared = resolved.get("type") if isinstance(resolved, dict) else None
        if declared not in (None, "object") and declared != ["object"]:
            return False
        return not keys or (bool(keys & _PROBLEM_FIELDS) and _members_fit(index, schema))
    return (
        len(keys & _PROBLEM_FIELDS) >= 3
        and {"title", "status"} <= keys
        and _members_fit(index, schema)
    )


_WRONG_MEMBER_TYPES = {"status": ("string", "boolean")}
"""Scalar types an RFC 9457 member cannot have (the others are strings: not a number or a
boolean). An object `status` is let through: Zalando's problem library, which Sundsvall's
APIs use, describes it so and sends a number."""


def _members_fit(index: ApiIndex, schema: Any) -> bool:
    """Whether no RFC 9457 member a schema declares is typed as another scalar: `status:
    {type: string, enum: [ERR]}`, or an integer `type` "proprietary error code", is another
    format under the same names."""
    for name, prop in _props(index, schema).items():
        wrong = _WRONG_MEMBER_TYPES.get(name, ("integer", "number", "boolean"))
        if name in _PROBLEM_FIELDS and any(
            part.get("type") in wrong for part in _all_of(index, prop)
        ):  # the member's type wherever its `allOf` states it
            return False
    return True


_FLOW_URLS = {
    "implicit": ("authorizationUrl",),
    "password": ("tokenUrl",),
    "clientCredentials": ("tokenUrl",),
    "authorizationCode": ("authorizationUrl", "tokenUrl"),
    "application": ("tokenUrl",),  # OpenAPI 2.0's names
    "accessCode": ("authorizationUrl", "tokenUrl"),
}
"""The OAuth 2.0 flows and the URLs each needs before a client can get a token."""


_VENDORS_OWN = re.compile(
    r"(?i:\b(?:kunder|kunden|beställare[n]?|customers?|third[- ]part(?:y|ies)|tredje part)"
    r" (?:kan|can) ?(?:inte|ej|not) (?:registrera|register|skapa|create|få|obtain|get)"
    r" (?:sina |their |egna |own |their own )*(?:klienter|clients|applikationer|applications"
    r"|appar|apps|client ids?|client credentials)\b)"
    r"|(?i:\b(?:endast |bara |enbart |only )?(?:för|for) )"
    r"(?:[A-ZÅÄÖ][\w-]*s |(?i:leverantörens |the vendor's |the supplier's |our |vår |våra ))"
    r"(?i:(?:egna|own) (?:appar|applikationer|klienter|apps|applications|clients)\b)"
)
"""Words that keep a scheme's clients to the vendor's own: "för Norrdatas egna appar" (a name
with a capital, or "our"), "customers cannot register clients": the buyer gets no token from
it. "För kundens egna applikationer" is the buyer's."""


def _flows(scheme: dict[str, Any]) -> list[tuple[str, Any]]:
    """An oauth2 scheme's flows by name: OpenAPI 3's `flows`, or 2.0's one `flow`, whose URLs
    stand on the scheme."""
    flows = scheme.get("flows")
    found = [(name, flow) for name, flow in (flows.items() if isinstance(flows, dict) else ())]
    if isinstance(scheme.get("flow"), str):
        found.append((scheme["flow"], scheme))
    return found


_PASSWORD_PARAM = re.compile(r"[?&](?:pwd|pass|passwd|password|lösenord|losenord)=", re.IGNORECASE)
_PASSWORD_IN_QUERY = re.compile(
    r"(?i:\b(?:lösenord\w*|passwords?)\b[^.;]{0,60}?\b(?:frågeparamet\w*|query ?(?:string|param"
    r"\w*)|i url\w*|in the url))"
)
"""A flow's URL carrying a password (`/login?user={user}&pwd={pwd}`), or a scheme's description
saying the password is sent in the query string: credentials end up in logs and histories."""
_LIKE_OAUTH = re.compile(
    r"(?i:\boauth[\w .-]{0,6}?-?(?:liknande|like|inspired|inspirerad\w*)\b|\b(?:liknar|likt"
    r"|similar to|resembl\w*|påminner om) oauth)"
)
"""A scheme's description saying it only resembles OAuth ("OAuth-liknande flöde")."""


def _password_in_url(scheme: dict[str, Any], said: str) -> str:
    """What shows an oauth2 scheme sends the password in a URL (`_PASSWORD_PARAM`,
    `_PASSWORD_IN_QUERY`), quoted, or ""."""
    for _name, flow in _flows(scheme):
        for key in ("authorizationUrl", "tokenUrl", "refreshUrl"):
            url = flow.get(key) if isinstance(flow, dict) else None
            if isinstance(url, str) and _PASSWORD_PARAM.search(url[:2000]):
                return url.strip()[:200]
    found = _PASSWORD_IN_QUERY.search(said)
    return found.group(0) if found and not _NEVER.search(found.group(0)) else ""


_NEVER = re.compile(r"\b(?:aldrig|inte|ej|never|not)\b", re.IGNORECASE)


def _password_only(scheme: dict[str, Any]) -> bool:
    """Whether an oauth2 scheme's only usable flow is the password flow: described as only
    like OAuth, it shows no standard sign-in (an authorization-code or client-credentials
    flow described so, "OAuth 2.0-liknande inloggning via Azure AD", still does)."""
    return _usable_flows(scheme) == ["password"]


def _usable_flows(scheme: dict[str, Any]) -> list[str]:
    """The flows of an oauth2 scheme that name every URL a client needs (OpenAPI 3 `flows`, or
    2.0's one `flow` with its URLs on the scheme): a flow without its token URL, an unknown
    flow, or `flows: "none"` gives no way to a token."""
    return [
        name
        for name, flow in _flows(scheme)
        if name in _FLOW_URLS
        and isinstance(flow, dict)
        and all(_a_url(flow.get(url)) for url in _FLOW_URLS[name])
    ]


def _placeholder_url(scheme: dict[str, Any]) -> str:
    """The first URL of an oauth2 scheme's flows on a name reserved for documentation, or ""."""
    for _name, flow in _flows(scheme):
        for key in ("authorizationUrl", "tokenUrl", "refreshUrl"):
            url = flow.get(key) if isinstance(flow, dict) else None
            try:
                host = urlsplit(url.strip()).hostname if isinstance(url, str) else None
            except ValueError:  # "https://[vendor/token": no host to judge
                continue
            if isinstance(url, str) and placeholder_host(host or ""):
                return url.strip()[:200]
    return ""


def _a_url(value: Any) -> bool:
    """Whether a flow's URL is one: absolute (`https://…`) or a path (`/oauth/token`), not a
    placeholder ("TBD", "ask support")."""
    if not isinstance(value, str) or not value.strip() or any(c.isspace() for c in value.strip()):
        return False
    text = value.strip()
    try:
        parts = urlsplit(text)
        if text.startswith("/"):
            return True
        # an identity provider on the buyer's own network is usable; a placeholder is not
        return parts.scheme in ("http", "https") and not_production(parts) not in (
            "placeholder",
            "mock",
        )
    except ValueError:  # "https://[vendor/token": no URL a client can call
        return False


def _without_oauth(
    index: ApiIndex, classes: dict[str, AuthClass], oauth: frozenset[str], service: set[int]
) -> dict[str, list[Operation]]:
    """`Analysis.without_oauth`: every operation but documentation, health, sign-in and
    internal ones, judged by the security it requires (its own, else the document's)."""
    found: dict[str, list[Operation]] = {}
    for op in index.operations:
        if id(op) in service or op.internal or _AUTH_PATH.search(op.path):
            continue
        alternatives = op.security if op.security is not None else index.security
        with_oauth = [alt for alt in alternatives or [] if oauth & set(map(str, alt))]
        if not alternatives or any(not alt for alt in alternatives):
            why = "anonymous"
        elif not with_oauth:
            why = "other"
        elif all(any(classes.get(str(name)) != "standard" for name in alt) for alt in with_oauth):
            why = "key"
        else:
            continue
        found.setdefault(why, []).append(op)
    return found


def _schemes(
    index: ApiIndex,
) -> tuple[dict[str, AuthClass], dict[str, SchemeLabel], frozenset[str]]:
    """Each scheme's class and label, and the names of those that are OAuth 2.0 a client can
    use (`Analysis.oauth_schemes`)."""
    classes: dict[str, AuthClass] = {}
    labels: dict[str, SchemeLabel] = {}
    oauth: set[str] = set()
    for name, scheme in index.security_schemes.items():
        kind = str(scheme.get("type", ""))
        where = str(scheme.get("in", ""))
        http = str(scheme.get("scheme", "")).lower()
        url = scheme.get("openIdConnectUrl")
        said = str(scheme.get("description", ""))[:2000]
        key = str(scheme.get("name"))
        if kind in ("oauth2", "openIdConnect") and (vendors := _VENDORS_OWN.search(said)):
            classes[name] = "standard"
            labels[name] = SchemeLabel(
                N_('{kind} only for the vendor\'s own clients ("{words}")'),
                (("kind", kind), ("words", vendors.group(0))),
            )
        elif kind == "oauth2" and (words := _password_in_url(scheme, said)):
            classes[name] = "weak"
            labels[name] = SchemeLabel(
                N_('oauth2 sending the password in the URL ("{words}")'), (("words", words),)
            )
        elif kind == "oauth2" and (like := _LIKE_OAUTH.search(said)) and _password_only(scheme):
            classes[name] = "standard"
            labels[name] = SchemeLabel(
                N_('oauth2 described as only like OAuth, with a password flow ("{words}")'),
                (("words", like.group(0)),),
            )
        elif kind == "oauth2" and not _usable_flows(scheme):
            placeholder = _placeholder_url(scheme)
            classes[name] = "standard"
            labels[name] = (
                SchemeLabel(
                    N_("oauth2 whose token URL is a placeholder ({url})"), (("url", placeholder),)
                )
                if placeholder
                else SchemeLabel(N_("oauth2 without a usable flow"))
            )
        elif kind == "openIdConnect" and not (isinstance(url, str) and url.strip()):
            classes[name] = "standard"
            labels[name] = SchemeLabel(N_("openIdConnect without a discovery URL"))
        elif kind in ("oauth2", "openIdConnect", "mutualTLS"):
            classes[name], labels[name] = "standard", SchemeLabel("{kind}", (("kind", kind),))
            if kind != "mutualTLS":
                oauth.add(name)
        elif kind == "http" and http == "bearer":
            classes[name], labels[name] = "standard", SchemeLabel("http bearer")
        elif kind == "basic" or (kind == "http" and http in ("basic", "digest")):
            classes[name] = "weak"
            labels[name] = SchemeLabel("http {scheme}", (("scheme", http or "basic"),))
        elif kind == "apiKey" and where == "header":
            classes[name] = "acceptable"
            labels[name] = SchemeLabel(N_("apiKey in header {name}"), (("name", key),))
        elif kind == "apiKey" and where == "query":
            classes[name] = "weak"
            labels[name] = SchemeLabel(N_("apiKey in query {name}"), (("name", key),))
        else:
            classes[name] = "proprietary"
            labels[name] = SchemeLabel("{kind}", (("kind", f"{kind} {where or http}".strip()),))
    return classes, labels, frozenset(oauth)


def _docs(index: ApiIndex) -> tuple[dict[str, tuple[int, int]], dict[str, str]]:
    first: dict[str, str] = {}

    def note(aspect: str, ok: bool, pointer: str) -> int:
        if not ok and aspect not in first:
            first[aspect] = pointer
        return int(ok)

    ops = index.operations
    op_described = sum(note("operations", op.described, op.pointer) for op in ops)
    params = [p for op in ops for p in op.parameters]
    param_described = sum(
        note("parameters", bool(p.description.strip()), p.pointer) for p in params
    )
    responses = [r for op in ops for r in op.responses]
    resp_described = sum(
        note("responses", bool(r.description.strip()), r.pointer) for r in responses
    )
    prefix = "/definitions/" if index.version == "2.0" else "/components/schemas/"
    schemas = [(n, index.resolve(s)) for n, s in index.schemas.items()]
    schema_described = sum(
        note(
            "schemas",
            isinstance(s, dict) and bool(str(s.get("description") or s.get("title") or "").strip()),
            prefix + str(n).replace("~", "~0").replace("/", "~1"),
        )
        for n, s in schemas
    )
    with_example = 0
    for op in ops:
        found = any(p.has_example for p in op.parameters) or any(m.has_example for m in op.request)
        found = found or any(m.has_example for r in op.responses for m in r.media)
        if not found:
            for media in [*op.request, *(m for r in op.responses for m in r.media)]:
                schema = index.resolve(media.schema)
                if isinstance(schema, dict) and ("example" in schema or "examples" in schema):
                    found = True
                    break
        with_example += note("examples", found, op.pointer)
    return {
        "operations": (op_described, len(ops)),
        "parameters": (param_described, len(params)),
        "responses": (resp_described, len(responses)),
        "schemas": (schema_described, len(schemas)),
        "examples": (with_example, len(ops)),
    }, first


def _versioning(index: ApiIndex) -> list[str]:
    found: list[str] = []
    urls = [*index.servers, *(op.path for op in index.operations)]
    if index.version == "2.0":
        urls.append(str(index.root.get("basePath", "")))
    if any(_URL_VERSION.search(u) for u in urls):
        found.append("url")
    params = [p for op in index.operations for p in op.parameters]
    if any(p.location == "header" and _VERSION_PARAM.match(p.name) for p in params):
        found.append("header")
    if any(p.location == "query" and _VERSION_PARAM.match(p.name) for p in params):
        found.append("query")
    media_types = {m.media_type for op in index.operations for m in op.request} | {
        m.media_type for op in index.operations for r in op.responses for m in r.media
    }
    if any(re.search(r"\.v\d+|;\s*(version|v)=", m, re.I) for m in media_types):
        found.append("media-type")
    return found


def _weak_transport(index: ApiIndex) -> list[tuple[str, str]]:
    """(words, pointer) of each text that says a weaker transport than HTTPS with TLS 1.2 is
    accepted (`weak_transport`): the API's description and its servers' (document, path and
    operation level), at most 50 servers of each."""
    texts = [(as_text(index.info.get("description"))[:4000], "/info/description")]
    levels = [("", index.root)]
    paths = as_dict(index.root.get("paths"))
    levels += [(op.pointer, op.source) for op in index.operations if op.source.get("servers")]
    levels += [
        ("/paths/" + path.replace("~", "~0").replace("/", "~1"), item)
        for path, item in list(paths.items())[:5000]
        if isinstance(path, str) and isinstance(item, dict) and item.get("servers")
    ]
    for where, level in levels[:200]:
        for position, server in enumerate(as_list(level.get("servers"))[:50]):
            if isinstance(server, dict):
                texts.append(
                    (as_text(server.get("description"))[:2000], f"{where}/servers/{position}")
                )
    return [(words, at) for text, at in texts if text and (words := weak_transport(text))]


def _urls(index: ApiIndex, base_url: str | None) -> dict[str, list[tuple[str, str]]]:
    found: list[tuple[str, str]] = []
    if index.version == "2.0":
        found += [(u, "/host") for u in index.servers]
        host, base = index.root.get("host"), index.root.get("basePath") or ""
        for op in index.operations:  # an operation's own `schemes` replace the document's
            schemes = op.source.get("schemes")
            if isinstance(host, str) and isinstance(schemes, list) and isinstance(base, str):
                found += [
                    (f"{s}://{host}{base}", op.pointer + "/schemes")
                    for s in schemes
                    if isinstance(s, str)
                ]
    else:
        servers = index.root.get("servers")
        for position, server in enumerate(servers if isinstance(servers, list) else []):
            if isinstance(server, dict) and isinstance(server.get("url"), str):
                found += [(u, f"/servers/{position}/url") for u in _server_urls(server)]
        paths = index.root.get("paths")
        for op in index.operations:
            item = paths.get(op.path) if isinstance(paths, dict) else None
            levels = (item if isinstance(item, dict) else {}, op.source)
            declared = [
                server
                for listed in (level.get("servers") for level in levels)
                if isinstance(listed, list)
                for server in listed
                if isinstance(server, dict) and isinstance(server.get("url"), str)
            ]
            urls = [u for server in declared for u in _server_urls(server)] or op.servers
            found += [(u, op.pointer + "/servers") for u in urls]
            found += _link_servers(index, op)
    for name, scheme in index.security_schemes.items():
        where = (
            f"/components/securitySchemes/{name}"
            if index.version != "2.0"
            else (f"/securityDefinitions/{name}")
        )
        for key in ("authorizationUrl", "tokenUrl", "refreshUrl", "openIdConnectUrl"):
            if isinstance(scheme.get(key), str):
                found.append((scheme[key], f"{where}/{key}"))
        flows = scheme.get("flows")
        for flow_name, flow in flows.items() if isinstance(flows, dict) else []:
            for key in ("authorizationUrl", "tokenUrl", "refreshUrl"):
                if isinstance(flow, dict) and isinstance(flow.get(key), str):
                    found.append((flow[key], f"{where}/flows/{flow_name}/{key}"))
    result: dict[str, list[tuple[str, str]]] = {
        "https": [],
        "http": [],
        "local": [],
        "relative": [],
    }
    for url, pointer in found:
        absolute = urljoin(base_url, url) if base_url else url
        try:
            parts = urlsplit(absolute)
            host = (parts.hostname or "").lower()
        except ValueError:
            result["relative"].append((url, pointer))
            continue
        if parts.scheme in ("https", "wss"):
            if not_production(parts) is None:
                result["https"].append((url, pointer))
            else:
                result["local"].append((shown_url(url), pointer))
        elif parts.scheme in ("http", "ws", "ftp"):  # unencrypted, whatever the protocol
            local = (
                host in ("localhost", "")
                or host.startswith("127.")
                or host.endswith((".local", ".localhost"))
            )
            result["local" if local else "http"].append((shown_url(url), pointer))
        else:
            result["relative"].append((url, pointer))
    return result


_VARIABLE = re.compile(r"\{([^{}]*)\}")


def _link_servers(index: ApiIndex, op: Operation) -> list[tuple[str, str]]:
    """The servers an operation's response links send a client to (a Link Object's `server`),
    each with its pointer: a link to a file operation on `http://files.…` is a call over HTTP."""
    found: list[tuple[str, str]] = []
    responses = op.source.get("responses")
    for status, raw in responses.items() if isinstance(responses, dict) else ():
        response = index.resolve(raw)
        links = response.get("links") if isinstance(response, dict) else None
        for name, link in links.items() if isinstance(links, dict) else ():
            resolved = index.resolve(link)
            server = resolved.get("server") if isinstance(resolved, dict) else None
            if isinstance(server, dict) and isinstance(server.get("url"), str):
                where = (
                    f"{op.pointer}/responses/{escape_pointer(str(status))}"
                    f"/links/{escape_pointer(str(name))}/server/url"
                )
                found += [(url, where) for url in _server_urls(server)]
    return found


MAX_SERVER_URLS = 64
"""URLs read of one server object with variables: its defaults and each value an `enum`
offers, one variable at a time."""


def _server_urls(server: dict[str, Any]) -> list[str]:
    """A server's URL as a client would call it, each `{variable}` read as its default
    (`https://{host}/v1` whose host defaults to localhost is a local machine), then once more
    for each other value a variable's `enum` offers, one variable at a time: `{scheme}://…`
    whose enum offers `http` offers unencrypted access whatever its default. A variable
    without a default stays as written."""
    url = str(server["url"])
    variables = server.get("variables")
    if not isinstance(variables, dict) or "{" not in url:
        return [url]
    defaults = {
        name: str(value["default"])
        for name, value in variables.items()
        if isinstance(value, dict) and isinstance(value.get("default"), (str, int))
    }

    def filled(values: dict[str, str]) -> str:
        return _VARIABLE.sub(lambda match: values.get(match.group(1), match.group(0)), url)

    urls = [filled(defaults)]
    for name, value in variables.items():
        options = value.get("enum") if isinstance(value, dict) else None
        for option in options if isinstance(options, list) else []:
            if len(urls) >= MAX_SERVER_URLS:
                return urls
            if (
                isinstance(option, (str, int))
                and (other := filled({**defaults, name: str(option)})) not in urls
            ):
                urls.append(other)
    return urls


_LOCAL_SUFFIXES = (
    ".localhost",
    ".local",
    ".internal",
    ".home.arpa",
    ".lan",
    ".localdomain",
    ".corp",
    ".home",
    ".intranet",
    ".private",
    ".test",
    ".invalid",
)
"""Names for one machine, one local network or tests (RFC 6761, RFC 6762, RFC 8375, and the
private suffixes in common use): nobody outside the vendor's network reaches an API there."""
_PLACEHOLDER_HOSTS = ("example.com", "example.net", "example.org")
"""Names reserved for documentation (RFC 2606, RFC 6761; and the `.example` top-level
domain): a server there is a placeholder for one the description does not name."""
_WILDCARD_DNS = (".nip.io", ".sslip.io", ".xip.io", ".traefik.me", ".localtest.me", ".lvh.me",
                 ".vcap.me", ".localho.st")  # fmt: skip
"""Services whose names resolve to the address written in them (`127.0.0.1.nip.io`) or to the
loopback address: names for a developer's machine, not a production host."""


_MOCK_HOSTS = ("virtserver.swaggerhub.com", ".mock.pstmn.io", "mockapi.io", ".beeceptor.com",
               "mocky.io", ".mockable.io", "prism.stoplight.io")  # fmt: skip
_TEST_LABELS = frozenset(
    {"test", "tst", "staging", "stage", "stg", "development", "sandbox", "sbx", "demo", "qa",
     "uat", "mock", "mocks", "preprod", "acceptance"}
)  # fmt: skip
"""Words of a host name's labels below its domain (between dots and hyphens) that name a
machine for tests, not production ("dev" is left out: `dev.azure.com` is production)."""
_SECOND_LEVEL = frozenset({"co", "com", "gov", "org", "ac", "net", "edu"})
"""Second-level labels under a country's domain that domains are registered below (`co.uk`)."""


def placeholder_host(host: str) -> bool:
    """Whether `host` is a name reserved for documentation (example.com, `api.example`)."""
    host = host.lower().rstrip(".")
    return host.endswith(".example") or any(
        host == name or host.endswith("." + name) for name in _PLACEHOLDER_HOSTS
    )


def not_production(
    parts: SplitResult,
) -> Literal["credentials", "private", "local", "mock", "placeholder"] | None:
    """Why an absolute server URL shows nothing about how the buyer reaches the API: a user
    name or password in it, an address that is not global (private, loopback, link-local,
    shared or documentation ranges), a name for one machine or a local network (also one a
    wildcard DNS service resolves to the address in it, `127.0.0.1.nip.io`), a name reserved
    for documentation (example.com: a placeholder), a host named
    for tests (`test-api.…`, `staging.…`, `sandbox.…`), or a mock service that answers with the
    description's examples (SwaggerHub's virtserver, Postman, Stoplight). Such a URL may use
    HTTPS and still not be the API the buyer will use: it is set aside like localhost."""
    if parts.username is not None or parts.password is not None:
        return "credentials"
    host = (parts.hostname or "").lower().rstrip(".")
    if host in ("", "localhost") or host.endswith(_LOCAL_SUFFIXES):
        return "local"
    if placeholder_host(host):
        return "placeholder"
    if ("." + host).endswith(_WILDCARD_DNS):
        return "local"
    if host.endswith(_MOCK_HOSTS) or (host.endswith("stoplight.io") and "/mocks/" in parts.path):
        return "mock"
    labels = host.split(".")
    own = 3 if len(labels) > 2 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    if _TEST_LABELS & set(re.split(r"[.-]", ".".join(labels[:-own]))):
        return "local"  # below the domain itself: `test-api.vendor.se`, not `testbolaget.se`
    address = host_address(host)
    if address is not None:
        return None if address_is_public(address) else "private"
    return "local" if "." not in host else None  # `intranet`, `{host}`: one network's name


def shown_url(url: str) -> str:
    """`url` with any password in it replaced by `***`: reports must not repeat a secret."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _dimensions(index: ApiIndex, a: Analysis) -> dict[str, Dimension]:
    dims: dict[str, Dimension] = {}
    resources = list(a.resources.values())
    total = len(resources)
    exportable = sum(r.exportable for r in resources)
    paginated = sum(r.exportable and r.paginated for r in resources)
    changed = sum(r.exportable and r.changed_since for r in resources)
    nested = set(a.nested_lists)  # bounded by one parent item: need no paging nor filter
    export_points = sum(
        0.5 * r.exportable + 0.25 * (r.exportable and (r.paginated or r.name in nested))
        + 0.25 * (r.exportable and (r.changed_since or bool(a.notifications) or r.name in nested))
        for r in resources
    )  # fmt: skip
    dims["export"] = Dimension(
        round(100 * export_points / total) if total else 0,
        {"resource_types": total, "exportable": exportable, "paginated": paginated,
         "changed_since": changed, "lists_within_one_item": len(nested),
         "bulk_export": len(a.bulk_export),
         "types_counted": ", ".join(a.resources) or "none",
         "types_left_out": ", ".join(f"{n} ({why})" for n, why in a.left_out.items()) or "none"},
    )  # fmt: skip
    writable = sum(bool(r.write_ops) for r in resources)
    dims["import"] = Dimension(
        _pct(writable, total),
        {"resource_types": total, "writable": writable, "bulk_import": len(a.bulk_import)},
    )
    n_open, n_vendor, n_opaque = (len(a.media[k]) for k in ("open", "vendor", "opaque"))
    n_media = n_open + n_vendor + n_opaque
    dims["formats"] = Dimension(
        round(100 * (n_open + 0.5 * n_vendor) / n_media) if n_media else 0,
        {"media_types": n_media, "open": n_open, "vendor": n_vendor, "opaque": n_opaque},
    )
    weights = {"standard": 100, "acceptable": 70, "proprietary": 50, "weak": 30}
    used = [a.schemes[n] for n in a.applied_schemes if n in a.schemes]
    if not a.applied_schemes:  # declared, applied nowhere: judged by what is declared
        used = list(a.schemes.values())
    auth = max((weights[c] for c in used), default=0)
    if a.undeclared_auth:
        auth = max(0, auth - 20)
    dims["auth"] = Dimension(
        auth,
        {"schemes": len(a.schemes), "standard": sum(c == "standard" for c in a.schemes.values()),
         "weak": sum(c == "weak" for c in a.schemes.values()),
         "undeclared_auth_parameters": len(a.undeclared_auth),
         "operations_without_security": len(a.unprotected_ops)},
    )  # fmt: skip
    shares = [_pct(d, n) for d, n in a.docs.values() if n]
    docs_score = (sum(shares) / len(shares) if shares else 0) * 0.8
    docs_score += 10 * a.has_contact + 10 * a.has_docs_link
    docs_counts: dict[str, int | str] = {f"{k}_pct": _pct(d, n) for k, (d, n) in a.docs.items()}
    docs_counts.update(contact=int(a.has_contact), docs_link=int(a.has_docs_link))
    dims["docs"] = Dimension(round(docs_score), docs_counts)
    dims["versioning"] = Dimension(
        50 * bool(a.versioning) + 50 * a.semver,
        {"strategy": ",".join(a.versioning) or "none", "semantic_version": int(a.semver),
         "deprecated_operations": a.deprecated_ops},
    )  # fmt: skip
    ops = len(index.operations) - len(a.service_ops)
    dims["errors"] = Dimension(
        _pct(a.ops_with_problem, ops),
        {"operations": ops, "with_error_responses": a.ops_with_errors,
         "with_problem_details": a.ops_with_problem},
    )  # fmt: skip
    secure = len(a.urls["https"])
    insecure = len(a.urls["http"])
    dims["transport"] = Dimension(
        _pct(secure, secure + insecure),
        {"https": secure, "http": insecure, "local": len(a.urls["local"]),
         "relative": len(a.urls["relative"])},
    )  # fmt: skip
    dims["terms"] = Dimension(
        round(100 * (bool(a.licence) + bool(a.terms) + bool(a.rate_limit_evidence)) / 3),
        {"licence": a.licence or "none", "terms_of_service": int(bool(a.terms)),
         "rate_limits": len(a.rate_limit_evidence)},
    )  # fmt: skip
    return dims


WEIGHTS = {
    "export": 2.0,
    "import": 1.0,
    "formats": 1.5,
    "auth": 1.5,
    "docs": 1.0,
    "transport": 1.0,
    "versioning": 0.5,
    "errors": 0.5,
    "terms": 0.5,
}


def _overall(dimensions: dict[str, Dimension]) -> int:
    total = sum(WEIGHTS.values())
    return round(sum(WEIGHTS[k] * d.score for k, d in dimensions.items()) / total)
