"""Read an OpenAPI 2.0/3.0/3.1 description once into an index every probe check shares.

Why an index: a big description (GitHub's is 13 MB with 10,000 `$ref`s) must be analysed in well
under a second, so the document is parsed once, walked once, and never inlined. `$ref`s are
resolved lazily, each distinct target once (memo), with cycle detection; refs to missing pointers,
ref-to-ref cycles and remote refs are collected as counted problems with a few example locations.
"""

from __future__ import annotations

import datetime
import functools
import gc
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote, urljoin, urlsplit

from proccheck import limits
from proccheck.errors import InputError, ProbeError
from proccheck.i18n import tr
from proccheck.loaders.structured import (
    Loaded,
    decode_text,
    escape_pointer,
    load_text,
    refuse_many_json_values,
)
from proccheck.regexsafety import WordGate, needed_words

if TYPE_CHECKING:
    from proccheck.loaders.cache import CacheMode
    from proccheck.loaders.fetch import AddressPolicy

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
WRITE_METHODS = frozenset({"post", "put", "patch"})
EXAMPLE_LIMIT = 5
_MISSING: Any = object()
_SKIP_KEYS = frozenset({"example", "enum", "default", "const"})
_LINES_LIMIT = 5_000_000


@dataclass
class RefProblem:
    """One kind of `$ref` problem: how often it occurs and where, at most EXAMPLE_LIMIT places."""

    count: int = 0
    examples: list[tuple[str, str]] = field(default_factory=list)  # (pointer of the ref, target)

    def add(self, pointer: str, target: str) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLE_LIMIT:
            self.examples.append((pointer, target))


@dataclass
class Parameter:
    """A resolved parameter of one operation (path-level ones merged in)."""

    name: str
    location: str  # query, header, path, cookie, body, formData
    description: str
    required: bool
    has_example: bool
    pointer: str
    schema: Any = None
    deprecated: bool = False


@dataclass
class Media:
    """One media type of a request or response with its (unresolved) schema."""

    media_type: str
    schema: Any
    has_example: bool
    pointer: str
    examples: tuple[Any, ...] = ()
    """Its `example` and the values (or `$ref`s) of its `examples`, as written."""


@dataclass
class Response:
    """One documented response of an operation."""

    status: str
    description: str
    media: list[Media]
    headers: list[str]
    pointer: str


@dataclass(eq=False)
class Operation:
    """One operation (path + method) with everything the checks look at, refs resolved.

    Compared by identity: membership tests over thousands of operations must not compare every
    field (GitHub's and Microsoft Graph's descriptions made that quadratic).
    """

    path: str
    method: str
    pointer: str
    summary: str
    description: str
    deprecated: bool
    parameters: list[Parameter]
    request: list[Media]
    responses: list[Response]
    security: list[dict[str, Any]] | None  # None: inherits the document's security
    callbacks: int
    servers: list[str]
    unread_callbacks: int = 0
    """Callbacks named by a reference that cannot be followed: what they notify is unknown."""
    internal: bool = False
    """Marked as left out of the published API (itself, its path, the document or its info):
    `x-internal: true` and the like (`_marked_internal`)."""
    source: dict[str, Any] = field(default_factory=dict, repr=False)
    """The operation object as written (read again only for `limited`)."""
    terms: tuple[str, ...] = ()
    """Texts beside its own that may limit it, read with them for `limited`: the descriptions
    of the OAuth scopes its security requires ("Kräver tilläggslicensen Export Premium") and,
    for a GET, what the description's own summary says of exporting ("större uttag beställs
    som konsulttjänst")."""
    beside: tuple[str, ...] = ()
    """Texts the vendor wrote near it rather than on it, read for `limited` as `limited_words`
    reads a text `beside`: for a GET the sentences of the description's summary on exporting
    or listing, and the sentences of its tags' descriptions ("Listning och export av ärenden
    kräver licensen Export Pro")."""

    @functools.cached_property
    def limited(self) -> str:
        """What marks it as a preview or as offered only at extra cost or on a higher plan,
        quoted (`x-stability: beta`, "[BETA] List cases", "Enterprise add-on (extra cost)"); ""
        if nothing does. Read on first use: only the GETs that could show data is exported
        need it, and GitHub's 1,200 operation texts took a tenth of a second. Its responses'
        descriptions are read as resolved, so one behind a `$ref` counts too."""
        answered = tuple(
            r.description[:2000]
            for r in self.responses
            if r.status.startswith("2") or r.status == "402"
        )
        return _limited(
            self.source,
            self.parameters,
            self.terms + answered,
            reads=self.method == "get",
            beside=self.beside,
        )

    @property
    def described(self) -> bool:
        return bool(self.summary.strip() or self.description.strip())


@dataclass
class ApiIndex:
    """Everything the probe checks need from one description."""

    display: str
    version: str  # "2.0", "3.0" or "3.1"
    declared_version: str
    root: dict[str, Any]
    info: dict[str, Any]
    servers: list[str]
    security: list[dict[str, Any]] | None
    security_schemes: dict[str, dict[str, Any]]
    schemas: dict[str, Any]
    operations: list[Operation]
    webhooks: int
    node_count: int
    ref_count: int
    missing_refs: RefProblem
    remote_refs: RefProblem
    cyclic_refs: RefProblem
    structure: list[tuple[str, str]]  # (pointer, message) of structural problems
    loaded: Loaded
    resolver: Resolver
    remote_documents: list[str] = field(default_factory=list)  # followed (--allow-remote-refs)
    remote_errors: list[tuple[str, str]] = field(default_factory=list)  # (document, why not)

    def line_of(self, pointer: str) -> int | None:
        """The 1-based line of a pointer in a YAML source (None for JSON sources)."""
        return self.loaded.line_of(pointer)

    def resolve(self, node: Any) -> Any:
        """`node` with its `$ref` chain followed; None when the ref cannot be resolved."""
        return self.resolver.resolve(node)


class Resolver:
    """Lazy `$ref` resolution with a memo per target and ref-to-ref cycle detection.

    Local refs (`#/...`) resolve in the document itself. Other refs resolve only in documents
    loaded into `external` (with `--allow-remote-refs`), keyed by absolute URL without fragment;
    refs inside those documents have been made absolute when they were loaded.
    """

    def __init__(self, root: Any, base: str | None = None) -> None:
        self.root = root
        self.base = (base or "").partition("#")[0]
        self.external: dict[str, Any] = {}
        self.memo: dict[str, Any] = {}

    def locate(self, ref: str) -> tuple[Any, str] | None:
        """(document root, pointer) a ref points into, or None when its document is not loaded."""
        if ref.startswith("#"):
            return self.root, ref[1:]
        if not self.external:
            return None
        try:
            absolute = urljoin(self.base, ref)
        except ValueError:
            return None
        document, _, fragment = absolute.partition("#")
        if document == self.base and self.base:
            return self.root, fragment
        found = self.external.get(document)
        return None if found is None else (found, fragment)

    def lookup(self, ref: str) -> Any:
        """The node a ref points at: _MISSING, or a ("cycle",) marker for a ref loop."""
        if ref in self.memo:
            return self.memo[ref]
        chain: dict[str, None] = {}  # the refs followed, in order; a dict for O(1) membership
        current = ref
        result: Any
        while True:
            if current in self.memo:
                result = self.memo[current]
                break
            place = None if current in chain else self.locate(current)
            if place is None:
                result = _CYCLE if current in chain else _MISSING
                break
            chain[current] = None
            node = _pointer_get(place[0], place[1])
            if isinstance(node, dict) and isinstance(node.get("$ref"), str):
                current = node["$ref"]
                continue
            result = node
            break
        for seen in chain:
            self.memo[seen] = result
        return result

    def resolve(self, node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                found = self.lookup(ref)
                return None if found is _MISSING or found is _CYCLE else found
        return node


_CYCLE: Any = ("cycle",)


def _pointer_get(root: Any, pointer: str) -> Any:
    if pointer == "":
        return root
    if not pointer.startswith("/"):
        return _MISSING
    node = root
    for raw in pointer[1:].split("/"):
        token = unquote(raw).replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            if token not in node:
                return _MISSING
            node = node[token]
        elif isinstance(node, list):
            if not token.isdigit() or int(token) >= len(node):
                return _MISSING
            node = node[int(token)]
        else:
            return _MISSING
    return node


def ref_name(node: Any) -> str | None:
    """The schema name of a `$ref` to a named schema (components/schemas or definitions)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            for prefix in ("#/components/schemas/", "#/definitions/"):
                if ref.startswith(prefix) and "/" not in ref[len(prefix) :]:
                    return unquote(ref[len(prefix) :]).replace("~1", "/").replace("~0", "~")
    return None


def as_text(value: Any) -> str:
    """`value` if it is a string, else "" (a description may be any YAML value)."""
    return value if isinstance(value, str) else ""


def as_dict(value: Any) -> dict[str, Any]:
    """`value` if it is a mapping, else an empty one."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """`value` if it is a list, else an empty one."""
    return value if isinstance(value, list) else []


def _detect_version(root: Any, display: str) -> tuple[str, str]:
    if not isinstance(root, dict):
        raise ProbeError(
            tr("not an OpenAPI description: the top level is not a mapping"),
            path=display,
            hint=tr("give an OpenAPI 2.0, 3.0 or 3.1 description (JSON or YAML)"),
        )
    if "openapi" not in root and "swagger" not in root:
        if "swaggerVersion" in root:
            raise ProbeError(
                tr("Swagger {version} (1.x) is not supported", version=root.get("swaggerVersion")),
                path=display,
                hint=tr("convert the description to OpenAPI 3 (for example with swagger2openapi)"),
            )
        raise ProbeError(
            tr("not an OpenAPI description: no 'openapi' or 'swagger' field"),
            path=display,
            hint=tr("give an OpenAPI 2.0, 3.0 or 3.1 description (JSON or YAML)"),
        )
    if "openapi" in root:
        key, declared = "openapi", str(root["openapi"])
        match = re.fullmatch(r"(\d+)\.(\d+)(\.\d+)?(-.+)?", declared)
        if match and match.group(1) == "3":
            return ("3.0" if match.group(2) == "0" else "3.1"), declared
        message = tr("unsupported OpenAPI version {version}", version=repr(declared))
        hint = tr("proccheck reads OpenAPI 2.0 (Swagger), 3.0 and 3.1")
    else:
        key, declared = "swagger", str(root["swagger"])
        if declared == "2.0":
            return "2.0", declared
        message = tr("unsupported Swagger version {version}", version=repr(declared))
        hint = tr("proccheck reads OpenAPI 2.0 (Swagger), 3.0 and 3.1; convert older files")
    raise ProbeError(message, path=display, where=f"/{key}", hint=hint)


def parse_description(text: str, display: str, *, fast: bool = True) -> Loaded:
    """Parse with the strict, bounded loader; JSON-shaped text as JSON, YAML with line numbers.

    JSON is first read by orjson (`_fast_json`, unless `fast` is False): faster than the strict
    loader's `json.loads` with its hooks. Whatever orjson reads differently, or the strict loader
    would refuse, is read by the strict loader, so the result and every error stay the same."""
    json_shaped = text.lstrip()[:1] in "{["
    if json_shaped and fast:
        refuse_many_json_values(text, display, "MAX_JSON_VALUES", limits.MAX_JSON_VALUES)
        try:
            data = _fast_json(text.encode())
        except UnicodeEncodeError:  # a lone surrogate in the text itself
            data = _MISSING
        if data is not _MISSING:
            return Loaded(data, display)
    want_lines = not json_shaped and len(text) <= _LINES_LIMIT
    loaded = load_text(
        text, display, typed=True, lines=want_lines, prefer_json=json_shaped, scan_depth=False
    )
    return loaded


_NUMBER_BYTES = bytes(48 if byte in b"0123456789.eE+-" else 120 for byte in range(256))
"""`_fast_json`'s map of a JSON text: what a number is written with to `0`, the rest to `x`."""
_MAX_LONG_RUNS = 100


def _long_number(raw: bytes, longest: int) -> bool:
    """Whether the JSON text `raw` has a number literal of `longest` characters or more: a run
    of that many number characters (digits, `.`, `e`, `+`, `-`) that starts a value, after `:`,
    `[` or `,` and white space. Runs in strings are looked at one by one, so more than
    _MAX_LONG_RUNS of them count as a yes (the strict loader then reads the text)."""
    mapped = raw.translate(_NUMBER_BYTES)
    run = b"0" * longest
    looked = 0
    found = mapped.find(run)
    while found >= 0:
        if found == 0 or mapped[found - 1] != 48:  # else the rest of a run already looked at
            looked += 1
            before = raw[max(0, found - 64) : found].rstrip(b" \t\r\n")
            if looked > _MAX_LONG_RUNS or before[-1:] in (b":", b"[", b","):
                return True
            if not before and found > 64:  # a long stretch of white space: say yes
                return True
        found = mapped.find(run, found + longest)
    return False


_JSON_START = re.compile(rb"[ \t\r\n]*[{\[]")


def parse_read(raw: bytes, display: str) -> Loaded:
    """What `parse_description` gives for the bytes of a file or a download (`decode_text`:
    UTF-8, a byte order mark dropped, at most PROCCHECK_MAX_INPUT_BYTES), with the same errors;
    JSON that orjson reads is not decoded to text at all (decoding GitHub's 13 MB takes about
    40 ms). orjson refuses what is not UTF-8, and a NUL byte; a file too large or not
    JSON-shaped is decoded first, to be refused or read as before."""
    cap = limits.MAX_INPUT_BYTES
    body = _without_bom(raw)
    if len(raw) <= cap and _JSON_START.match(body):
        refuse_many_json_values(body, display, "MAX_JSON_VALUES", limits.MAX_JSON_VALUES)
        data = _fast_json(body)
        if data is not _MISSING:
            return Loaded(data, display)
    return parse_description(decode_text(raw, display, cap), display, fast=False)


def _without_bom(raw: bytes) -> bytes:
    """`raw` without the UTF-8 byte order mark `decode_text` drops."""
    return raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw


def _fast_json(raw: bytes) -> Any:
    """The JSON text `raw` (UTF-8) parsed by orjson when that gives exactly what the strict
    loader would (`proccheck.loaders.structured.load_json`: duplicate keys, NaN and Infinity,
    lone surrogates, huge numbers and deep nesting refused), else _MISSING (the strict loader
    then parses it, and says what is wrong). orjson itself refuses NaN, Infinity, infinite numbers,
    lone surrogates and nesting deeper than 1,024; the rest is checked here:

    - number literals of 19 characters or more (or more than PROCCHECK_MAX_INT_DIGITS): orjson
      reads integers beyond 64 bits as floats (`_long_number`).
    - duplicate keys (orjson keeps the last): outside strings, a colon only ends a key, and a
      string's colons are its own unless escaped (`\\u003a`: then the strict loader reads it),
      so the text has as many colons as the parsed data written back out by orjson exactly
      when no key was dropped.
    - nesting deeper than 254 levels, which the strict loader may refuse as too deep for its
      recursive parser: orjson will not write such data back out.
    """
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency; without it, the slow way
        return _MISSING
    if b"\\u003" in raw or _long_number(raw, min(19, limits.MAX_INT_DIGITS + 1)):
        return _MISSING
    try:
        data = orjson.loads(raw)
        written = orjson.dumps(data)
    except (orjson.JSONDecodeError, orjson.JSONEncodeError):
        return _MISSING
    return data if written.count(b":") == raw.count(b":") else _MISSING


MAX_INDEXED_KEY = 1_000
"""Longest path whose parameters, requests and responses are indexed (its operations always
are), and longest status or media-type key indexed: each operation, parameter, response and
media type keeps a JSON pointer that repeats the keys above it, so one 500 kB path over 20,000
parameters took 3 GB (issue 12). Real paths are far shorter; status codes and media types
(RFC 6838: at most 255 characters) even more so."""

RemoteLoader = Callable[[str], Any]
"""Fetches and parses one remote document (absolute http(s) URL) or raises ProccheckError."""

MAX_REMOTE_DOCUMENTS = 20


def build_index(
    text: str,
    display: str,
    *,
    base_url: str | None = None,
    remote: RemoteLoader | None = None,
) -> ApiIndex:
    """Parse an API description and index it; raise ProbeError/InputError if it is not one.

    With `remote` (only given for `--allow-remote-refs`), `$ref`s to other documents are followed
    through it, relative to `base_url`, at most MAX_REMOTE_DOCUMENTS documents.
    """
    with gc_paused():
        loaded = parse_description(text, display)
        return index_document(loaded, base_url=base_url, remote=remote)


def _index_read(
    raw: bytes, display: str, *, base_url: str | None, remote: RemoteLoader | None
) -> ApiIndex:
    """`build_index` for the bytes of a file or a download (`parse_read`)."""
    with gc_paused():
        return index_document(parse_read(raw, display), base_url=base_url, remote=remote)


_PAUSE_LOCK = threading.Lock()
_pauses = [0, False]  # [how many callers are inside gc_paused, whether the GC was enabled]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a description is parsed and indexed.

    A big description is hundreds of thousands of new dicts and lists, none of them garbage, yet
    each 700 allocations start a collection and the oldest generation is traversed whole as it
    grows (a third of the parse and index time of GitHub's 13 MB). Afterwards everything that
    survived is moved straight into the oldest generation (`gc.freeze` then `gc.unfreeze`,
    unless someone else froze objects), so the first collection after the pause does not
    traverse it again as young objects; it is still collected as usual when it becomes garbage
    (reference counting frees the acyclic document anyway). Threads probing at once share
    one pause: the collector is enabled again when the last of them leaves, if it was enabled.
    """
    with _PAUSE_LOCK:
        if _pauses[0] == 0:
            _pauses[1] = gc.isenabled()
            gc.disable()
        _pauses[0] += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses[0] -= 1
            if _pauses[0] == 0 and _pauses[1]:
                if gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()


def index_document(
    loaded: Loaded, *, base_url: str | None = None, remote: RemoteLoader | None = None
) -> ApiIndex:
    """Index an already parsed document."""
    root = loaded.data
    display = loaded.path
    version, declared = _detect_version(root, display)
    resolver = Resolver(root, base_url)
    node_count, ref_counts, too_deep = _count(root)
    if too_deep or not all(
        target.startswith("#") and resolver.lookup(target) not in (_MISSING, _CYCLE)
        for target in ref_counts
    ):  # the places of refs are needed (or the depth error's): walk again, keeping them
        node_count, refs = _walk(root, display)
    else:  # every ref is local and resolves: no problem to give places for
        refs = {target: (count, []) for target, count in ref_counts.items()}
    followed: list[str] = []
    failed: list[tuple[str, str]] = []
    if remote is not None:
        targets = [t for t in refs if not t.startswith("#")]
        if targets:
            followed, failed = _load_remote(resolver, targets, remote)
    missing, remote_refs, cyclic = RefProblem(), RefProblem(), RefProblem()
    ref_count = 0
    for target, (count, pointers) in refs.items():
        ref_count += count
        if not target.startswith("#") and resolver.locate(target) is None:
            problem: RefProblem | None = remote_refs
        else:
            found = resolver.lookup(target)
            problem = missing if found is _MISSING else cyclic if found is _CYCLE else None
        if problem is not None:
            problem.count += count
            for pointer in pointers[: EXAMPLE_LIMIT - len(problem.examples)]:
                problem.examples.append((pointer, target))

    structure: list[tuple[str, str]] = []
    info = as_dict(root.get("info"))
    if not isinstance(root.get("info"), dict):
        structure.append(("/info", tr("the required 'info' object is missing")))
    else:
        for key in ("title", "version"):
            if key not in info:
                missing_field = tr("the required 'info.{key}' is missing", key=key)
                structure.append((f"/info/{key}", missing_field))
    if version != "3.1" and not isinstance(root.get("paths"), dict):
        structure.append(("/paths", tr("the required 'paths' object is missing")))
    long_paths = sum(1 for path in as_dict(root.get("paths")) if len(str(path)) > MAX_INDEXED_KEY)
    if long_paths:
        structure.append(
            (
                "/paths",
                tr(
                    "the parameters, requests and responses of paths longer than {limit:,} "
                    "characters are not indexed (found: {count:,})",
                    count=long_paths,
                    limit=MAX_INDEXED_KEY,
                ),
            )
        )

    if version == "2.0":
        schemes = as_dict(root.get("securityDefinitions"))
        schemas = as_dict(root.get("definitions"))
        host = as_text(root.get("host"))
        base = as_text(root.get("basePath"))
        servers = [f"{s}://{host}{base}" for s in as_list(root.get("schemes")) if host] or (
            [f"//{host}{base}"] if host else []
        )
    else:
        components = as_dict(root.get("components"))
        schemes = as_dict(components.get("securitySchemes"))
        schemas = as_dict(components.get("schemas"))
        servers = [as_text(as_dict(s).get("url")) for s in as_list(root.get("servers"))]
    security_schemes = {
        name: resolved
        for name, scheme in schemes.items()
        if isinstance(resolved := resolver.resolve(scheme), dict)
    }
    security = root.get("security")
    operations = _operations(root, version, resolver, display)
    structure += _duplicate_operation_ids(operations)
    webhooks = len(as_dict(root.get("webhooks"))) + len(as_dict(root.get("x-webhooks")))
    return ApiIndex(
        display=display,
        version=version,
        declared_version=declared,
        root=root,
        info=info,
        servers=[s for s in servers if s],
        security=[as_dict(s) for s in security] if isinstance(security, list) else None,
        security_schemes=security_schemes,
        schemas=schemas,
        operations=operations,
        webhooks=webhooks,
        node_count=node_count,
        ref_count=ref_count,
        missing_refs=missing,
        remote_refs=remote_refs,
        cyclic_refs=cyclic,
        structure=structure,
        loaded=loaded,
        resolver=resolver,
        remote_documents=followed,
        remote_errors=failed,
    )


def _load_remote(
    resolver: Resolver, targets: list[str], remote: RemoteLoader
) -> tuple[list[str], list[tuple[str, str]]]:
    """Load the documents `targets` refer to, and those they refer to, into the resolver.

    Refs inside a loaded document are rewritten to absolute URLs, so they resolve against the
    right document wherever the index meets them. Returns the documents loaded and, for each one
    that was not, why not.
    """
    from proccheck.errors import ProccheckError

    failed: dict[str, str] = {}
    queue: list[str] = []
    for target in targets:
        try:
            queue.append(urljoin(resolver.base, target).partition("#")[0])
        except ValueError:
            failed[target] = tr("malformed reference")
    loaded: list[str] = []
    while queue:
        document = queue.pop(0)
        if document in resolver.external or document in failed or document == resolver.base:
            continue
        if urlsplit(document).scheme not in ("http", "https"):
            failed[document] = tr(
                "not an http(s) URL (relative refs need a description fetched by URL)"
            )
            continue
        if len(loaded) >= MAX_REMOTE_DOCUMENTS:
            failed[document] = tr("more than {count} remote documents", count=MAX_REMOTE_DOCUMENTS)
            continue
        try:
            data = remote(document)
        except ProccheckError as error:
            failed[document] = error.message
            continue
        resolver.external[document] = data
        loaded.append(document)
        queue.extend(_absolutise(data, document))
    return loaded, sorted(failed.items())


def _absolutise(root: Any, document: str) -> list[str]:
    """Make every `$ref` in `root` absolute against `document`; return the other documents named."""
    others: list[str] = []
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    absolute = urljoin(document, ref)
                except ValueError:
                    absolute = ref
                node["$ref"] = absolute
                target = absolute.partition("#")[0]
                if target != document:
                    others.append(target)
            stack.extend(v for k, v in node.items() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, (dict, list)))
    return others


def _callbacks(op: dict[str, Any], resolver: Resolver) -> tuple[int, int]:
    """How many callbacks an operation describes, and how many it names by a reference that
    cannot be followed (another file not read, a missing pointer). A callback described holds
    a path item with an operation: "callbacks: {none: 'not supported'}" describes none."""
    count = unread = 0
    for item in as_dict(op.get("callbacks")).values():
        callback = resolver.resolve(item)
        if callback is None:
            unread += 1
            continue
        count += isinstance(callback, dict) and any(
            isinstance(path_item := resolver.resolve(value), dict)
            and any(isinstance(resolver.resolve(path_item.get(m)), dict) for m in METHODS)
            for value in callback.values()
        )
    return count, unread


def _duplicate_operation_ids(operations: list[Operation]) -> list[tuple[str, str]]:
    """A problem for each operationId that more than one operation uses, at its second use: the
    specification requires them unique, and a client generated from the description gets one
    method for two operations (or fails)."""
    first: dict[str, Operation] = {}
    problems: list[tuple[str, str]] = []
    for operation in operations:
        name = operation.source.get("operationId")
        if not isinstance(name, str) or not name:
            continue
        earlier = first.setdefault(name, operation)
        if earlier is not operation and len(problems) < EXAMPLE_LIMIT:
            problems.append(
                (
                    operation.pointer + "/operationId",
                    tr(
                        "the operationId '{name}' is used again (first by {method} {path}); "
                        "each must be unique",
                        name=name[:100],
                        method=earlier.method.upper(),
                        path=earlier.path[:200],
                    ),
                )
            )
    return problems


def _count(root: Any) -> tuple[int, dict[str, int], bool]:
    """The fast pass over every node `_walk` visits, a level at a time: how many nodes, how
    often each `$ref` target is named (in no particular order), and whether the nesting is
    deeper than the limit. Keeps no places: `_walk` finds them when a ref has a problem.

    Each level holds the children of the containers above, scalars too: handing a container's
    values over whole (in C) and passing by the scalars next time is cheaper than choosing."""
    refs: dict[str, int] = {}
    count = 1
    level: list[Any] = [root]
    depth = 0
    while level:
        if depth > limits.MAX_DEPTH and any(isinstance(node, (dict, list)) for node in level):
            return count, refs, True
        below: list[Any] = []
        extend = below.extend
        for node in level:
            if isinstance(node, dict):
                count += len(node)
                ref = node.get("$ref")
                if isinstance(ref, str):
                    refs[ref] = refs.get(ref, 0) + 1
                if _SKIP_KEYS.isdisjoint(node):
                    extend(node.values())
                else:
                    extend([value for key, value in node.items() if key not in _SKIP_KEYS])
            elif isinstance(node, list):
                count += len(node)
                extend(node)
        level = below
        depth += 1
    return count, refs, False


def _walk(root: Any, display: str) -> tuple[int, dict[str, tuple[int, list[str]]]]:
    """One iterative pass over every node: count nodes and collect `$ref`s with a few places.

    A place is kept as a (parent, key) link and turned into a JSON pointer only for the first few
    refs to each target, so the walk costs little more than visiting the nodes.
    """
    refs: dict[str, list[Any]] = {}
    count = 0
    stack: list[tuple[Any, Any, int]] = [(root, None, 0)]
    pop, push = stack.pop, stack.append
    while stack:
        node, link, depth = pop()
        count += 1
        if depth > limits.MAX_DEPTH:  # the loader leaves this check to this walk
            raise ProbeError(
                tr("nesting is deeper than {depth} levels", depth=limits.MAX_DEPTH),
                path=display,
                where=_link_pointer(link)[:200],
                hint=tr("no real API description nests this deep (or raise PROCCHECK_MAX_DEPTH)"),
            )
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                entry = refs.get(ref)
                if entry is None:
                    refs[ref] = [1, [link]]
                else:
                    entry[0] += 1
                    if len(entry[1]) < EXAMPLE_LIMIT:
                        entry[1].append(link)
            for key, value in node.items():
                if isinstance(value, (dict, list)) and key not in _SKIP_KEYS:
                    push((value, (link, key), depth + 1))
                else:
                    count += 1
        elif isinstance(node, list):
            for position, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    push((value, (link, position), depth + 1))
                else:
                    count += 1
    return count, {
        target: (entry[0], [_link_pointer(link) + "/$ref" for link in entry[1]])
        for target, entry in refs.items()
    }


def _link_pointer(link: Any) -> str:
    tokens: list[str] = []
    while link is not None:
        link, key = link
        tokens.append(escape_pointer(str(key)))
    return "".join("/" + token for token in reversed(tokens))


def _has_example(node: dict[str, Any]) -> bool:
    return "example" in node or bool(node.get("examples"))


def _operations(
    root: dict[str, Any], version: str, resolver: Resolver, display: str
) -> list[Operation]:
    operations: list[Operation] = []
    produces_global = [m for m in as_list(root.get("produces")) if isinstance(m, str)]
    consumes_global = [m for m in as_list(root.get("consumes")) if isinstance(m, str)]
    internal_root = _marked_internal(root) or _marked_internal(as_dict(root.get("info")))
    internal_tags = _internal_tags(root)
    scope_texts = _scope_texts(root, resolver)
    export_terms = _export_terms(root)
    tag_terms = _tag_terms(root)
    for path, raw_item in as_dict(root.get("paths")).items():
        item = resolver.resolve(raw_item)
        if not isinstance(item, dict) or not isinstance(path, str):
            continue
        brief = len(path) > MAX_INDEXED_KEY  # its operations only: see MAX_INDEXED_KEY
        item_pointer = "/paths/" + escape_pointer(path)
        shared = (
            []
            if brief
            else _parameters(item.get("parameters"), item_pointer + "/parameters", resolver)
        )
        path_servers = [as_text(as_dict(s).get("url")) for s in as_list(item.get("servers"))]
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            if len(operations) >= limits.MAX_OPERATIONS:
                raise ProbeError(
                    tr(
                        "the description declares more than {limit:,} operations",
                        limit=limits.MAX_OPERATIONS,
                    ),
                    path=display,
                    where=f"{item_pointer}/{method}"[:200],
                    hint=tr(
                        "no real API description declares this many (or raise "
                        "PROCCHECK_MAX_OPERATIONS)"
                    ),
                )
            pointer = f"{item_pointer}/{method}"
            own = (
                []
                if brief
                else _parameters(op.get("parameters"), pointer + "/parameters", resolver)
            )
            names = {(p.name, p.location) for p in own}
            parameters = own + [p for p in shared if (p.name, p.location) not in names]
            request: list[Media]
            responses: list[Response]
            if brief:
                request, responses = [], []
            elif version == "2.0":
                request, responses = _swagger2_bodies(
                    op, pointer, parameters, produces_global, consumes_global, resolver
                )
            else:
                request = _content(
                    as_dict(resolver.resolve(op.get("requestBody"))).get("content"),
                    pointer + "/requestBody/content",
                )
                responses = [
                    _response3(
                        status, raw, f"{pointer}/responses/{escape_pointer(str(status))}", resolver
                    )
                    for status, raw in as_dict(op.get("responses")).items()
                    if len(str(status)) <= MAX_INDEXED_KEY
                ]
            security = op.get("security")
            if str(op.get("x-auth-type", "")).strip().lower() == "none":
                security = []  # WSO2 API Manager: the gateway lets the resource through unsigned
            callbacks, unread_callbacks = _callbacks(op, resolver)
            operations.append(
                Operation(
                    path=path,
                    method=method,
                    pointer=pointer,
                    summary=as_text(op.get("summary")),
                    description=as_text(op.get("description")),
                    deprecated=_marked(op, "deprecated") or _marked(op, "x-deprecated"),
                    parameters=parameters,
                    request=request,
                    responses=responses,
                    security=[as_dict(s) for s in security] if isinstance(security, list) else None,
                    callbacks=callbacks,
                    unread_callbacks=unread_callbacks,
                    servers=[s for s in path_servers if s]
                    + [
                        u
                        for s in as_list(op.get("servers"))
                        if (u := as_text(as_dict(s).get("url")))
                    ],
                    internal=internal_root
                    or _marked_internal(item)
                    or _marked_internal(op)
                    or _INTERNAL_PATH.search(path) is not None
                    or any(
                        isinstance(t, str) and t in internal_tags for t in as_list(op.get("tags"))
                    ),
                    source=op,
                    terms=_required_scopes(op.get("security", root.get("security")), scope_texts),
                    beside=(export_terms if method == "get" else ())
                    + tuple(
                        text
                        for tag in as_list(op.get("tags"))[:20]
                        if isinstance(tag, str)
                        for text, exports in tag_terms.get(tag, ())
                        if method == "get" or not exports
                    ),
                )
            )
    return operations


_EXPORT_WORDS = re.compile(
    r"\b(?:\w*export\w*|\w*uttag\w*|extract\w*|bulk|dump|data ?dump|all data|samtliga data"
    r"|hela datamängden|full data ?set|\w*listning\w*|listings?|list (?:operations|endpoints))\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.;!?\n]{1,600}[.;!?\n]?")


def _export_terms(root: dict[str, Any]) -> tuple[str, ...]:
    """The sentences of the description's summary (`info.description`, `x-availability`)
    that speak of exporting or extracting data, or of a quota or terms every listing is under
    (`_WHOLE_API`): there a vendor writes "larger extracts are ordered as a consultancy
    service" or "Begränsning: 50 anrop per klient och dygn", which limits every listing."""
    info = as_dict(root.get("info"))
    texts = [as_text(info.get("description"))[:20_000], as_text(root.get("x-availability"))[:2000]]
    return tuple(
        sentence.strip()
        for text in texts
        for sentence in _SENTENCE.findall(text)[:200]
        if _EXPORT_WORDS.search(sentence) or _WHOLE_API.search(sentence.lower())
    )


def _tag_terms(root: dict[str, Any]) -> dict[str, tuple[tuple[str, bool], ...]]:
    """The sentences of each tag's description and of its `externalDocs` description, by tag
    name, each with whether it speaks of exporting or listing (`_EXPORT_WORDS`): there a vendor
    writes "Listning och export av ärenden kräver licensen Export Pro (tillval)", which limits
    the tag's reads; a sentence on something else limits its writes too."""
    found: dict[str, tuple[tuple[str, bool], ...]] = {}
    for tag in as_list(root.get("tags"))[:1000]:
        tag = as_dict(tag)
        name = tag.get("name")
        texts = [
            as_text(tag.get("description"))[:4000],
            as_text(as_dict(tag.get("externalDocs")).get("description"))[:2000],
        ]
        sentences = tuple(
            (sentence.strip(), _EXPORT_WORDS.search(sentence) is not None)
            for text in texts
            if text
            for sentence in _SENTENCE.findall(text)[:50]
            if sentence.strip()
        )
        if isinstance(name, str) and sentences:
            found[name] = sentences
    return found


def _scope_texts(root: dict[str, Any], resolver: Resolver) -> dict[tuple[str, str], str]:
    """The description of each OAuth scope, by (scheme name, scope), from the schemes' flows
    (OpenAPI 3) or their `scopes` (2.0)."""
    schemes = as_dict(as_dict(root.get("components")).get("securitySchemes")) or as_dict(
        root.get("securityDefinitions")
    )
    found: dict[tuple[str, str], str] = {}
    for name, raw in list(schemes.items())[:100]:
        scheme = as_dict(resolver.resolve(raw))
        flows = [as_dict(flow) for flow in as_dict(scheme.get("flows")).values()] + [scheme]
        for flow in flows:
            for scope, text in list(as_dict(flow.get("scopes")).items())[:1000]:
                if isinstance(text, str) and text:
                    found[str(name), str(scope)] = text[:2000]
    return found


def _required_scopes(security: Any, texts: dict[tuple[str, str], str]) -> tuple[str, ...]:
    """The descriptions of the scopes a `security` requirement list names."""
    if not texts:
        return ()
    return tuple(
        text
        for requirement in as_list(security)[:100]
        for name, scopes in as_dict(requirement).items()
        for scope in as_list(scopes)[:100]
        if (text := texts.get((str(name), str(scope))))
    )


_INTERNAL_PATH = re.compile(r"/(?:internal|intern|_internal|private-api)(?:/|$)", re.IGNORECASE)
"""A path segment that keeps what lies below it out of the published API (`/internal/cases`)."""


def _internal_tags(root: dict[str, Any]) -> frozenset[str]:
    """The names of the tags the description marks as internal (`_marked_internal`) or whose
    description says their operations are not for customers (`_not_there`)."""
    found = set()
    for tag in as_list(root.get("tags"))[:1000]:
        tag = as_dict(tag)
        name = tag.get("name")
        text = as_text(tag.get("description"))[:2000].lower()
        if isinstance(name, str) and (_marked_internal(tag) or _not_there(text)):
            found.add(name)
    return frozenset(found)


_PREVIEW_FLAGS = ("x-beta", "x-preview", "x-experimental", "x-alpha")
_STAGE_KEYS = ("x-stability", "x-maturity", "x-lifecycle", "x-status", "x-api-status", "x-state")
_PREVIEW_STAGES = frozenset({"experimental", "beta", "alpha", "preview", "unstable", "draft"})
_PREVIEW_TEXT = re.compile(
    r"^\W*(?:beta|preview|experimental|alpha)\s*[:\-–—\])]"
    r"|\[(?:beta|preview|experimental|alpha)\]|\((?:beta|experimental|alpha)\)",
    re.IGNORECASE,
)
"""A summary or description that opens with "[BETA]", "Preview:" or "Experimental –", or says
"(beta)" or "[preview]": not "Preview the rendered document" or "Decode a frame (preview)"."""


class _Alternatives:
    """An alternation of regular expressions (lower case) searched part by part: a text is
    searched only for the parts whose needed words (`needed_words`, kept in the memo file) it
    holds, which a `WordGate` tells from the text's words at once. Matches come as the joined
    alternation's would: leftmost first, the earlier part at the same place, none overlapping
    the one before. Each part is compiled on first use."""

    def __init__(self, parts: tuple[str, ...]) -> None:
        self.parts = parts
        self._compiled: list[re.Pattern[str] | None] = [None] * len(parts)
        self._gate = WordGate(tuple(needed_words(part) for part in parts))

    def _part(self, index: int) -> re.Pattern[str]:
        pattern = self._compiled[index]
        if pattern is None:
            pattern = self._compiled[index] = re.compile(self.parts[index])
        return pattern

    def finditer(self, lowered: str) -> Iterator[tuple[int, re.Match[str]]]:
        """The matches in `lowered` of the joined alternation, in order, each with the index
        of the part that made it."""
        open_ = self._gate.open_for(lowered)
        if len(open_) <= 1:
            for index in open_:
                for match in self._part(index).finditer(lowered):
                    yield index, match
            return
        found = {index: self._part(index).search(lowered) for index in open_}
        pos = 0
        while True:
            best: tuple[int, re.Match[str]] | None = None
            for index in open_:
                candidate = found[index]
                if candidate is not None and candidate.start() < pos:
                    candidate = found[index] = self._part(index).search(lowered, pos)
                if candidate is not None and (best is None or candidate.start() < best[1].start()):
                    best = index, candidate
            if best is None:
                return
            yield best
            pos = max(best[1].end(), best[1].start() + 1)

    def search(self, lowered: str) -> re.Match[str] | None:
        """The first match in `lowered` of the joined alternation, or None."""
        return next((match for _index, match in self.finditer(lowered)), None)


_PLANS = r"(?:plan|tier|licen[cs]e|subscription|edition|customers|package|add-on)s?"
_COST_FEES = r"(?:engångs|tilläggs|licens|abonnemangs|anslutnings|uppstarts|start)"
"""What may open a fee that is a price of the service ("mot en engångsavgift"), not of what
the records are about ("mot sanktionsavgift", "bygglovsavgift")."""
_COST = (
    ("beside", r"\b(?:extra|additional|separate) (?:cost|fee|charge)s?\b"),
    ("", rf"\bonly\b[^.]{{0,60}}\b(?:premium|enterprise|pro)\b[^.]{{0,20}}\b{_PLANS}\b"),
    ("", rf"\b(?:premium|enterprise)\b[^.]{{0,20}}\b{_PLANS}\b[^.]{{0,30}}\bonly\b"),
    ("", r"\bnot (?:available|included) in (?:your|the) (?:licen[cs]e|plan|subscription)"),
    ("beside", rf"\bmot (?:en |ett )?(?:extra |särskild )?{_COST_FEES}?avgift\b"),
    ("always", r"\bmot (?:en |ett )?(?:extra |särskild )?\w+avgift\b"),
    ("", r"\btilläggs(?:avgift|licens|modul|avtal)\w*"),
    (
        "",
        r"\bkräver (?:licensen|tillägget|tilläggs\w+|nivån|paketet|abonnemanget|utgåvan"
        r"|(?:en )?(?:separat|särskild|extra) (?:licens|avtal)\w*)\b",
    ),
    (
        "beside",
        r"\bkräver (?:en )?(?:separat|särskild|extra) (?:avgift|beställning|betalning)\w*\b",
    ),
    ("beside", r"\btillval\w*"),
    (
        "",
        r"\b(?:finns|erbjuds|tillgänglig\w*|endast|bara|enbart)\b[^.;]{0,30}\bi (?:nivån|planen"
        r"|paketet|tjänstenivån|utgåvan|abonnemanget|licensnivån)\b",
    ),
    (
        "",
        rf"\brequires? (?:an? |the )?(?:premium|enterprise|paid|pro|business (?={_PLANS}\b))"
        r"\b",
    ),
    ("always", r"\b(?:one-time|setup|annual|monthly) fee\b"),
    ("beside", r"\bfor a fee\b"),
    ("always", r"\b(?:engångs|års|licens)avgift"),
    ("", r"\bdebiteras (?:separat|särskilt|extra|enligt (?:gällande |vår )?prislista)\b"),
    ("", r"\boffereras separat\b"),
    ("", r"\bseparata? (?:licens|avtal)\w*"),
    ("", r"\bsärskilt avtal\b"),
    ("", r"\b(?:beställs|levereras|utförs|sker) som (?:en )?konsult\w*"),
    ("", r"\b(?:separately|additionally) (?:billed|charged|licen[cs]ed|priced)\b"),
    ("", r"\bbilled separately\b"),
    ("", r"\bextra contract\b"),
    ("", r"\bpaid (?:licen[cs]e|add-on)s?\b"),
    ("", r"\b(?:ordered|delivered|provided|sold) as (?:a )?(?:paid )?consult(?:ing|ancy)\b"),
    ("beside", r"\bmot (?:särskild |extra )?(?:ersättning|betalning)\b"),
    ("", r"\((?:billable|chargeable|tillägg|add-?on)\)"),
    ("beside", r"\bhandläggningsavgift"),
    ("beside", r"\bhandling fee\b"),
    ("", r"\bingår (?:ej|inte) i (?:standard|grund|bas)\w*"),
    (
        "",
        r"\bnot (?:part of|included in) the (?:standard|base|basic) (?:edition|package|product)\b",
    ),
)
"""The parts of `_AT_EXTRA_COST`, each with where it needs a word on the API or access to it
in its sentence (`_ACCESS_WORDS`): "beside" in a text near the operation (a tag, the listed
type, an example: "Varje ärende kan ha en engångsavgift" is about the cases), "always" also
in the operation's own (a fee the records are about: "Hämta årsavgiften för ett tillstånd"),
never in a security scheme's description, which is about access."""
_AT_EXTRA_COST_PARTS = tuple(part for _where, part in _COST)
_COST_LINK = tuple(where for where, _part in _COST)
_AT_EXTRA_COST = _Alternatives(_AT_EXTRA_COST_PARTS)
"""Words (in lower case) that offer an operation only at extra cost or on a higher plan:
"extra cost", "only in the PRO/ENTERPRISE plan", "Only premium customers", "på begäran mot
ersättning", "(billable)", "handläggningsavgift", "ingår ej i standardutförandet"; not "no
additional charges" (`_NO_COST`), nor an add-on that is the resource itself ("Retrieve a list
of Add-on installations")."""
_NO_COST = re.compile(r"\b(?:no|no more|without|not|utan|ingen|inga)\s+$")
_NOT_THERE = (
    r"(?:not (?:yet )?(?:available|accessible|offered|open)(?: (?:to|for) \w+(?: \w+)?)?"
    r"|unavailable|(?:for )?internal use(?: only)?|only for internal use|not yet implemented"
    r"|coming soon|planned(?: for| in)?|(?:inte|ej) (?:ännu |än )?(?:tillgängliga?|"
    r"tillgängligt|öppen|öppet|öppna|implementerad|i drift)|för internt bruk"
    r"|planerad(?: funktion)?|ingår inte i (?:det )?publicerade)"
)
_NOT_THE_BUYERS = (
    r"(?!(?:customer|kund|client|buyer|your|din |ditt |dina |er |ert |era |valfri|any |an? "
    r"(?:standard|common)|standard|vanlig|en vanlig|all |this |its |kms )\w*)"
)
"""What opens a key, program or person that is not the buyer's (`_SEALED`, a write's key)."""
_UNAVAILABLE_PARTS = (
    r"^\W*(?:\[?(?:planned|planerad|coming soon|not yet available|unavailable"
    r"|(?:ej|inte) (?:ännu )?tillgänglig\w*|(?:for )?internal use only|för internt bruk"
    r"|reserved for future use|reserverad för framtida (?:bruk|användning))\b)",
    r"\b(?:only|endast|enbart|bara)\b[^.;]{0,40}\b(?:drift|operations|internal) ?"
    r"(?:personal|staff|personnel)\b",
    r"\b(?:this|the|denna|den här|detta) (?:endpoint|operation|method|api|call|webhook"
    r"|event|listing|list|resource|service|anrop|metod|tjänst|händelse|lista|resurs)\w*"
    rf"[^.;]{{0,30}}?\b(?:is |är |are |will be )?{_NOT_THERE}",
    r"\b(?:endpointen|operationen|metoden|anropet|webhooken|listan|tjänsten|händelsen"
    rf"|these operations|dessa operationer|interna operationer)\b[^.;]{{0,30}}?{_NOT_THERE}",
    r"\b(?:not|inte|ej) (?:available|accessible|offered|tillgängliga?|tillgängligt) "
    r"(?:to|for|för|till) (?:customers|kunder|kunden|beställare[n]?|the buyer|the public"
    r"|allmänheten|third[- ]part(?:y|ies)|tredje part)\b",
    r"\bunavailable to (?:customers|the public|third[- ]part(?:y|ies))\b",
    r"\b(?:kan|går) (?:inte|ej) (?:att )?(?:hämtas|hämta|läsas|läsa|exporteras|exportera)"
    r" (?:via|genom|med|i|över) (?:api\w*|gränssnittet)",
    r"\b(?:visas|ändras|redigeras|hanteras|registreras|finns|läggs till) (?:endast|bara"
    r"|enbart) i (?:\w+s |vår |leverantörens )?(?:\w*klient\w*|\w*gränssnitt\w*|portal\w*)",
    r"\b(?:cannot|can't|can not|are not|is not) (?:be )?(?:retrieved|fetched|read|exported"
    r"|available|exposed|accessible) (?:via|through|using|by|with|in) (?:the|this"
    r"|our) api\b",
    r"\bonly (?:visible|available|accessible|editable|shown) (?:in|through|via)"
    r" (?:the|our) (?:\w+ )?(?:client|desktop client|web client|user interface)\b",
    r"\b(?:övriga|andra|resterande|remaining|other) (?:fält|uppgifter|fields|properties"
    r"|attributes)\b[^.;]{0,30}?\b(?:ändras|hanteras|redigeras|registreras|sätts|läggs in"
    r"|are (?:changed|edited|set|managed|maintained)) (?:endast |bara |enbart |only )?(?:i|in"
    r"|through|via) (?:\w+s |vår |leverantörens |the |our )?(?:\w+ )?(?:\w*klient\w*"
    r"|\w*gränssnitt\w*|portal\w*|client|user interface|ui|dashboard|web app)\b",
    r"\b(?:\w*nyckeln|\w*nycklarna|the (?:signing |private |secret )?keys?)\b[^.;]{0,30}?\b(?:lämnas"
    r" (?:inte|ej|aldrig) ut|(?:is|are) (?:not|never) (?:handed|given) out|(?:is|are) (?:not|never)"
    r" (?:provided|issued|released|disclosed) to (?:customers|clients|the customer|integrators))",
    rf"\b(?:signera\w*|signed|signature|signatur\w*|hmac)\b[^.;]{{0,60}}?(?:nyckel\w*|\bkeys?)\b"
    rf"[^.;]{{0,20}}? (?:i|in) {_NOT_THE_BUYERS}(?:\w+s |\w+'s |the vendor'?s |leverantörens |vår |our )"
    r"(?:egna? |own )?(?:\w*klient\w*|\w*program\w*|client|application|software|app)\b",
)
_UNAVAILABLE = _Alternatives(_UNAVAILABLE_PARTS)
"""Words (in lower case) that say the operation itself is not there for the buyer: a text that
opens so ("Planerad funktion – …", "[Internal use only]", "Reserved for future use"), says so
of the operation ("This endpoint is not yet available", "Denna endpoint är inte tillgänglig
för kunder"), keeps it from customers ("not available to customers") or for the vendor's
staff ("Endast Norrdatas driftpersonal"); not a sentence about one of its features
("Filtering by status is coming soon", "The field legacyId is for internal use only", "group
scope is reserved for future use"), nor "Admin only" or "for support staff"."""
_PAGING_LIMIT_PARTS = (
    r"\b(?:högst|max(?:imalt|imum)?|at most|no more than|up to|upp till) \d[\d ,.]*"
    r" (?:poster|ärenden|rader|träffar|objekt|records|items|results|entries|rows|objects)"
    r" (?:kan|can be|may be) (?:bläddras|paged|paginated|(?:hämtas|nås|läsas|retrieved|fetched"
    r"|read|listed|reached) (?:by|through|via|genom|med|vid) (?:paging|pagination|bläddring"
    r"|sidindelning))\b",
    r"\b(?:saknas|upphör|slutar|stops?|ends?|is missing|is absent|is not returned)"
    r" (?:efter|after|beyond) (?:sida|page) \d+",
    r"\b(?:paging|pagination|bläddring|sidindelning)\b[^.;]{0,30}?\b(?:is limited|är begränsad"
    r"|stops|upphör|slutar) (?:to|till|at|vid|after|efter) (?:the first |de första )?\d",
)
_PAGING_LIMIT = "|".join(_PAGING_LIMIT_PARTS)
"""Words (in lower case, part of `_PARTIAL`) that say the paging of a list itself stops
before the end: "Saknas efter sida 50", "högst 25 000 poster kan bläddras fram", "pagination
is limited to the first 10,000 results"; OA003 quotes them (`paging_limited`)."""
_QUOTA = (
    r"\d(?<![\d,.]\d)(?<!\d \d)(?:\d{0,3}|[ ,.]\d{3})(?![\d]|[ ,.]\d) (?:api[- ])?(?:anrop|calls"
    r"|requests|queries|förfrågningar)\b[^.;]{0,30}?\b(?:per|each|a|every|om|i) (?:\w+ (?:och"
    r"|and|per) )?(?:dygn|dag|dagen|day|24 hours|24 timmar|vecka|veckan|week|månad|månaden"
    r"|month|år|året|year)\b"
)
"""A quota of fewer than 10,000 calls a day or longer ("50 anrop per klient och dygn", "up to
2,000 queries per month"): too few to read every record out; not a rate a minute or second."""
_RECORD_QUOTA = (
    r"\d(?<![\d,.]\d)(?<!\d \d)(?:\d{0,4}|\d?[ ,.]\d{3})(?![\d]|[ ,.]\d) (?:poster|ärenden|rader"
    r"|objekt|records|items|rows|objects|entries)\b[^.;]{0,30}?\b(?:per|each|a|every|om|i)"
    r" (?:\w+ (?:och|and|per) )?(?:kalenderår|år|året|calendar year|year|månad|månaden|month)\b"
)
"""A quota of fewer than 100,000 records a month or a year ("Högst 50 000 poster per kund och
kalenderår"): too few to read every record of a case system out; not a page size."""
_NO_MOVING = (
    r"\b(?:får|may|must|shall) (?:inte|ej|not|never|aldrig) (?:användas|be used|nyttjas)\b"
    r"[^.;]{0,40}?\b(?:flytta|migrera|överföra|föra över|move|migrate|transfer)\w*\b[^.;]{0,60}?"
    r"\b(?:annat|annan|andra|another|other|competing|konkurrerande|alternative)\b"
)
"""Terms of use forbidding the API to move the data elsewhere ("API:et får inte användas för
att flytta data till ett annat ärendehanteringssystem", "may not be used to migrate data to
another system")."""
_WHOLE_API = re.compile(f"{_QUOTA}|{_NO_MOVING}")
"""What the description's summary may say of every listing besides exporting: a small quota,
terms forbidding moving the data (`_export_terms`)."""
_PARTIAL_PARTS = (
    r"\b(?:only|endast|enbart|bara|högst|max(?:imalt)?|at most|no more than) (?:the |de )?\d+"
    r" (?:latest|most recent|senast\w*|newest)",
    _QUOTA,
    _RECORD_QUOTA,
    _NO_MOVING,
    r"\b(?:fullständig\w*|komplett\w*|full|complete|hela)\b[^.;]{0,60}?\b(?:export\w*|uttag\w*"
    r"|genomläsning\w*|läsning|read|extract\w*|download\w*)\b[^.;]{0,60}?\b(?:tar|takes"
    r"|would take|will take|kräver|requires)\b[^.;]{0,20}? \d[\d ,.]* (?:dygn|dagar|veckor"
    r"|månader|år|days|weeks|months|years)\b",
    r"\b(?:(?:ger|medger|möjliggör|tillåter|gives?|allows?|permits?|guarantees?|garanterar)"
    r" (?:därför |därmed |therefore |thus )?(?:inte|ej|not|no)|(?:does|do|can|will)(?: not|n't)"
    r" (?:therefore |thus )?(?:give|allow|permit|guarantee|provide)|cannot (?:give|allow|permit"
    r"|guarantee|provide)) (?:en |a )?(?:fullständig|komplett|full|complete)\w* (?:genomläsning"
    r"|läsning|export|uttag|listning|read|listing|traversal|enumeration)\b",
    r"\b(?:slumpmässig|slumpvis|random|arbitrary|godtycklig)\w* (?:ordning|order)\b (?:vid|för"
    r"|på|on|for|at|with|in) (?:varje|each|every) (?:anrop|förfrågan|sida|request|call|page)\b",
    r"\b(?:enskilda|individual|single|separate) (?:poster|ärenden|rader|objekt|records|items"
    r"|entries|rows|objects)\b[^.;]{0,20}?\b(?:kan inte|kan ej|går inte att|cannot|can't"
    r"|can not|are not|is not) (?:be )?(?:listas|hämtas|läsas|listed|retrieved|read|returned"
    r"|fetched)\b",
    r"\b(?:högst|max(?:imalt)?|at most|no more than) \d+ (?:dagar|days|veckor|weeks|månader"
    r"|months) (?:bakåt|back)\b",
    r"\bäldre (?:poster|ärenden|data|uppgifter|handlingar)\b[^.]{0,30}"
    r"\b(?:kan inte|kan ej|går inte)\b",
    r"\bolder (?:records|items|data|entries)\b[^.]{0,30}\b(?:cannot|can't|are not available)\b",
    r"\bfirst \d[\d,. ]*(?![^.;]*\b(?:page|per|at a time)\b)[^.;]{0,40}?\bonly\b",
    r"\b(?:currently|always) returns (?:an )?empty\b",
    r"\breturnerar (?:alltid|för närvarande) tom",
    r"\bolder \w+ (?:are|is|have been) (?:archived|purged|deleted)\b",
    r"\b(?:only|endast|enbart|bara)\b[^.;]{0,60}\b(?:inloggade?|signed[- ]in|logged[- ]in"
    r"|authenticated|current) \w+\b[^.;]{0,40}\b(?:själv|themselves|personally|own)\b",
    r"\b(?:lists?|returns?|records|posts|items|entries|events|jobs|messages|submitted|created"
    r"|published|scheduled|sent|received|returnerar|listar|poster|ärenden|händelser|data)\b"
    r"[^.;]{0,40}?\b(?:(?:från|för|under|inom) (?:de |den )?senaste \d+ (?:dag|veck|månad|år)\w*"
    r"|(?:from|for|within|in|over) the (?:last|past) \d+ (?:days|weeks|months|years)\b)",
    r"\b(?:högst|max(?:imalt|imum)?|at most|no more than|up to|upp till) \d[\d ,.]*"
    r" (?:poster|ärenden|rader|träffar|objekt|records|items|results|entries|rows|objects)"
    r" (?:kan|can be|may be) (?:hämtas|listas|nås|retrieved|listed|returned|accessed|fetched)\b"
    r"(?! (?:per|each|in (?:one|a single|each)|at a time|i taget|åt gången|i (?:ett|varje|en)"
    r"|på (?:en|ett|varje)|on (?:a|one|each))\b)",
    *_PAGING_LIMIT_PARTS,
    r"\b(?:\w*databas\w*|kopia\w*|kopior\w*|replik\w*|spegling\w*|ögonblicksbild\w*|datalager\w*"
    r"|snapshots?|replicas?|cop(?:y|ies)|mirrors?|(?:data )?warehouse|database)\b[^.;]{0,80}?"
    r"\b(?:uppdateras|läses in|laddas|synkroniseras|synkas|speglas|kopieras|importeras|byggs om"
    r"|förnyas|refreshed|updated|synchroni[sz]ed|synced|loaded|replicated|copied|imported"
    r"|rebuilt)\b[^.;]{0,30}?\b(?:(?:en gång|två gånger|once|twice) (?:per|a|om|i|every|each)"
    r" (?:år|året|kvartal|kvartalet|halvår|månad|månaden|vecka|veckan|year|quarter|half-year"
    r"|month|week)|(?:varje|every|each) (?:år|kvartal|halvår|månad|vecka|year|quarter|month"
    r"|week)|årligen|kvartalsvis|halvårsvis|månadsvis|veckovis|annually|yearly|quarterly"
    r"|monthly|weekly)\b",
)
_PARTIAL = _Alternatives(_PARTIAL_PARTS)
_NOT_FOR_ALL_QUOTA = re.compile(
    r"\b(?:sandl[åa]d\w*|sandbox\w*|test\w*|trial|prov\w*|demo\w*|free|gratis\w*"
    r"|kostnadsfri\w*|utan (?:api-?)?nyckel|without (?:an? )?(?:api )?key|per (?:sekund|second"
    r"|minut|minute)|/s\b)"
)
_NOT_FOR_ALL = {
    _QUOTA: _NOT_FOR_ALL_QUOTA,
    _RECORD_QUOTA: _NOT_FOR_ALL_QUOTA,
    _NO_MOVING: re.compile(
        r"\b(?:personuppgift\w*|personal data|tredje land|third countr\w*|utanför (?:eu|eés|ees)"
        r"|outside the (?:eu|eea))"
    ),
}
"""Words beside a quota or terms that make them no limit on reading every record: a quota of a
sandbox, a trial or the use without a key, or beside a rate a second or minute; terms on
moving personal data to another country (the review of round 13)."""
_ONE_CHANNEL_SV = (
    r"\b(?:ärende\w*|post\w*|handling\w*) som (?:har )?(?:skapats|registrerats|inkommit|lämnats"
    r" in|kommit in|skickats in) (?:via|genom|i|från) (?:e-tjänst\w*|webbformulär\w*"
    r"|självservice\w*|portal\w*|mina sidor)"
)
_ONE_CHANNEL_EN = (
    r"\b(?:records?|cases?|items?|errands?) (?:that|which) (?:were|was|have been|has been|are)"
    r" (?:created|submitted|registered|filed) (?:via|through|in|from) (?:the )?(?:e-service\w*"
    r"|web form\w*|self-service|portal\w*)"
)
_NOT_ONE_CHANNEL = re.compile(
    r"\b(?:filtr\w*|filter\w*|oavsett|regardless|t\.ex|e\.g|till exempel|for example|such as"
    r"|även|also|or|eller|kanal\w*|channels?|parameter\w*)\b"
)
"""Words of a notice sent only for records that came in through one channel (the e-service,
a portal), and words beside them that say the channel is only an example or a filter
("Filtrera på kanal", "oavsett om … eller …")."""
_NOTICE_LIMIT_PARTS = (
    r"\b(?:anger|innehåller|säger|identifierar|visar|uppger|namnger) (?:inte|ej|aldrig)"
    r" (?:vilket|vilken|vilka)\b",
    r"\butan (?:att )?(?:ange|säga|identifiera|namnge|uppge) (?:vilket|vilken|vilka)\b",
    r"\b(?:does|do|will) (?:not|never) (?:say|identify|include|indicate|tell|specify|state"
    r"|contain|name) which\b",
    r"\bwithout (?:saying|identifying|naming|indicating|specifying) which\b",
    r"\b(?:skickas|levereras|sänds|aviseras|triggas|sent|delivered|fired|triggered|dispatched)"
    r" (?:endast |bara |enbart |only )?(?:på |under |on |during |in )?(?:helgfria )?(?:vardagar"
    r"|kontorstid|arbetstid|weekdays|business hours|office hours|working hours)\b",
    _ONE_CHANNEL_SV,
    _ONE_CHANNEL_EN,
    r"\b(?:utanför|outside) (?:denna tid|dessa tider|kontorstid|arbetstid|business hours"
    r"|office hours|working hours|these hours|this window|that window)\b[^.;]{0,40}?\b(?:inte"
    r"|ej|aldrig|not|never)\b",
)
_NOTICE_LIMIT = _Alternatives(_NOTICE_LIMIT_PARTS)
"""Words (in lower case) that say a notification cannot tell the buyer of every change: it
does not say which record changed ("meddelandet anger inte vilket ärende", "does not say which
record"), it is sent only at some hours ("Skickas vardagar 08.00–17.00", "changes outside
business hours are not notified") or only for records that came in through one channel ("ett
ärende som har skapats via e-tjänsten"); not retries made during office hours, nor a channel
named as a filter or an example."""


WORD_GATED = (*_AT_EXTRA_COST_PARTS, *_UNAVAILABLE_PARTS, *_PARTIAL_PARTS, *_NOTICE_LIMIT_PARTS)
"""The parts of the alternations above, whose needed words the memo file keeps
(`scripts/update_regex_memo.py`)."""
"""Words (in lower case) that say a listing returns only part of the records: "only the 50
latest", "högst 30 dagar bakåt", "older records cannot be listed", "the first 1,000 matching
cases only" (not "the first 50 per page"), "Currently returns an empty list", "older cases are
archived", only what the signed-in user registered personally; not an order ("the 20 most
recent first"). Or that it cannot be read to the end: a small quota (`_QUOTA`), terms
forbidding moving the data (`_NO_MOVING`), a full read said to take days ("tar därmed 200
dygn") or not to be had ("offset ger därför inte en fullständig genomläsning"), records in
random order at each call, single records that cannot be listed (statistics only)."""


def _limited(
    op: dict[str, Any],
    parameters: list[Parameter],
    terms: tuple[str, ...] = (),
    *,
    reads: bool = False,
    beside: tuple[str, ...] = (),
) -> str:
    """What marks an operation as a preview (`x-beta: true`, `x-stability: experimental`, a
    summary "[BETA] …" or "Preview: …"), as retired (`x-sunset` past), as offered only at
    extra cost or on a higher plan (a 402 Payment Required that names an add-on; its summary,
    description or `x-availability`, a required parameter: a header "X-Enterprise-Licence"
    "only issued with the Enterprise add-on", its success response's description, or an OAuth
    scope it requires: "Kräver tilläggslicensen Export Premium", or for a GET the description's
    summary on exporting: "större uttag beställs som konsulttjänst"), as not
    available to customers ("planned for version 3.0", "for internal use only") or, for a read
    (`reads`), as returning only part of the records ("the 50 latest", "högst 30 dagar
    bakåt"), quoted; "" if nothing."""
    for key in _PREVIEW_FLAGS:
        if _marked(op, key):
            return f"{key}: true"
    for key in _STAGE_KEYS:
        stage = op.get(key)
        if isinstance(stage, str) and stage.strip().lower() in _PREVIEW_STAGES:
            return f"{key}: {stage.strip()[:40]}"
    for badge in as_list(op.get("x-badges"))[:20]:  # Redocly's badges: [{name: Beta}]
        name = badge.get("name") if isinstance(badge, dict) else badge
        if isinstance(name, str) and name.strip().lower() in _PREVIEW_STAGES:
            return f"x-badges: {name.strip()[:40]}"
    own = [as_text(op.get("summary"))[:2000], as_text(op.get("description"))[:2000]]
    for text in own:
        if found := _PREVIEW_TEXT.search(text):
            return _quoted(text, found)
    if _sunset_past(op):
        return f"x-sunset: {as_text(op.get('x-sunset'))[:40]}"
    responses = as_dict(op.get("responses"))
    required = [
        f"{p.name.replace('-', ' ')}: {p.description[:2000]}" for p in parameters if p.required
    ]
    answered = [  # and a 402 Payment Required that says what must be bought
        as_text(as_dict(raw).get("description"))[:2000]
        for status, raw in list(responses.items())[:50]
        if str(status).startswith("2") or str(status) == "402"
    ]
    for text in (*own, as_text(op.get("x-availability"))[:2000], *required, *answered, *terms):
        if marker := limited_words(text, reads=reads):
            return marker
    for text in beside:
        if marker := limited_words(text, reads=reads, where="beside"):
            return marker
    return ""


_ACCESS_WORDS = re.compile(
    r"\b(?:api\w*|\w*gränssnitt\w*|anrop\w*|åtkomst\w*|access\w*|\w*export\w*|\w*uttag\w*"
    r"|extract\w*|bulk\w*|dump|\w*listning\w*|listings?|list (?:operations|endpoints)"
    r"|integration\w*|endpoint\w*|webhook\w*|sdk|\w*certifikat\w*|certificates?|tillgänglig\w*"
    r"|available|availability)"
)
"""Words (in lower case) on the API or on access to it: a fee or an option in a text near an
operation limits it only in a sentence with one of them (`_COST`)."""
Where = Literal["own", "beside", "access"]
"""Where a text `limited_words` reads is, beside the operation it may limit."""


@functools.lru_cache(maxsize=8192)
def limited_words(text: str, *, reads: bool = False, where: Where = "own") -> str:
    """Where one text says an operation is offered only at extra cost (`_AT_EXTRA_COST`), is
    not there for the buyer (`_UNAVAILABLE`) or, for a read, returns only part of the records
    (`_PARTIAL`), quoted; "" if nowhere. `where` the text is: the operation's own ("own"), near
    it ("beside": a tag's, the listed type's, an example's), or on access to it ("access": a
    security scheme's); a fee or an option needs, by `_COST`, a word on the API or access to
    it in its sentence. Kept per text: a description repeats the same response and scheme texts
    on every operation ("OK", "Response"), and GitHub's has 1,200."""
    lowered = text.lower()  # a letter that lowers to two shifts only the quote
    for index, cost in _AT_EXTRA_COST.finditer(lowered):
        if _NO_COST.search(lowered, max(0, cost.start() - 10), cost.start()):
            continue
        link = _COST_LINK[index]
        needs_link = link and where != "access" and (link == "always" or where == "beside")
        if needs_link and not _ACCESS_WORDS.search(_sentence_around(lowered, cost)):
            continue
        return _quoted(text, cost)
    found = _UNAVAILABLE.search(lowered)
    if found is None and reads:
        found = next(
            (
                part
                for index, part in _PARTIAL.finditer(lowered)
                if not (
                    (exempt := _NOT_FOR_ALL.get(_PARTIAL.parts[index]))
                    and exempt.search(_sentence_around(lowered, part))
                )
            ),
            None,
        )
    return _quoted(text, found) if found else ""


_PAGING_STEMS = ("bläddr", "paged", "paginated", "sida ", "page ", "paging", "pagination",
                 "sidindelning")  # fmt: skip
"""Parts of words one of which every match of `_PAGING_LIMIT` holds."""
_PAGING_LIMITED = re.compile(_PAGING_LIMIT)


@functools.lru_cache(maxsize=4096)
def paging_limited(text: str) -> str:
    """Where one text says the paging of a list stops before its end (`_PAGING_LIMIT`),
    quoted; "" if nowhere."""
    return _gated_quote(text, _PAGING_STEMS, _PAGING_LIMITED)


_WEAK_TRANSPORT = re.compile(
    r"\b(?:ssl ?v?[23](?:\.0)?|tls ?v?1(?:\.[01])?(?![.\d]))"
    r"|\b(?:över|via|over|through) http\b(?![/:])[^.;]{0,40}?\b(?:besvaras|answered|accepted"
    r"|accepteras|tillåts|allowed|served|behandlas|handled|processed)\b"
    r"|\b(?:plain|unencrypted|okrypterad\w*|vanlig\w*) http\b(?![/:])"
    r"|\bhttp (?:and|och|or|eller|samt|as well as) https\b"
    r"|\bhttps (?:and|och|or|eller|samt|as well as) (?:plain )?http\b(?![/:])"
)
"""Words (in lower case) naming a transport weaker than HTTPS with TLS 1.2: SSL 2/3, TLS 1.0
or 1.1, or plain HTTP ("anrop över HTTP besvaras", "plain HTTP", "both HTTP and HTTPS";
not "based on HTTP" nor "a REST API over HTTP", which name the protocol); they count
only in a clause that says it is accepted (`_ACCEPTED`) and says nothing against it
(`_REFUSED`): see `weak_transport`."""
_ACCEPTED = re.compile(
    r"\b(?:stöder|stödjer|stöds|supports?|supported|accepts?|accepted|accepteras|tillåter"
    r"|tillåts|allows?|allowed|enabled|aktiverad\w*|besvaras|answered|served|available"
    r"|tillgänglig\w*|fungerar|works|kan användas|can be used|också|även|also)\b"
)
_REFUSED = re.compile(
    r"\b(?:not|never|inte|ej|aldrig|disabled|inaktiverad\w*|avstängd\w*|rejected|refused"
    r"|avvisas|nekas|blocked|blockeras|removed|borttag\w*|deprecated|unsupported|fails?"
    r"|misslyckas|no longer)\b|\bno\b(?! redirect)"
    r"|(?<!utan )(?<!without )(?<!no )\b(?:redirect\w*|omdiriger\w*|vidarebefordra\w*)"
)
_CLAUSE = re.compile(r"(?:[^.;!?\n]|(?<=\d)\.(?=\d)){1,600}")
"""A clause: up to a full stop that is not a decimal point ("TLS 1.0"), `;`, `!`, `?` or a
line break."""
_TRANSPORT_STEMS = ("tls", "ssl", "http ", "http,", "http-", "http.", "http;")


@functools.lru_cache(maxsize=1024)
def weak_transport(text: str) -> str:
    """Where one text (a server's description, the API's) says a transport weaker than HTTPS
    with TLS 1.2 is accepted (`_WEAK_TRANSPORT` in a clause that says it is supported or
    answered and does not refuse or redirect it): "Stöder TLS 1.0 och 1.1 för äldre klienter",
    "anrop över HTTP besvaras utan omdirigering"; not "TLS 1.0 is not supported" or "requests
    over HTTP are redirected to HTTPS". Quoted; "" if nowhere."""
    lowered = text.lower()
    if not any(stem in lowered for stem in _TRANSPORT_STEMS) and not lowered.endswith("http"):
        return ""
    for clause in _CLAUSE.finditer(lowered):
        said = clause.group()
        if _WEAK_TRANSPORT.search(said) and _ACCEPTED.search(said) and not _REFUSED.search(said):
            return _quoted(text, clause)
    return ""


_SEALED = re.compile(
    rf"\b(?:krypter\w*|encrypted|sealed|förseglade?|förseglat)\b[^.;]{{0,40}}?\b(?:med|with|using"
    rf"|by) {_NOT_THE_BUYERS}(?:\w+s |vår |våra |leverantörens |our |the vendor'?s |\w+'s )"
    rf"(?:egen |egna |own |private |privata |interna? |internal )?(?:nyckel\w*|keys?)\b"
    rf"|\b(?:öppnas|läses|visas|dekrypteras|avkrypteras|packas upp)\b (?:endast |bara |enbart )?"
    rf"(?:med|i) {_NOT_THE_BUYERS}(?:(?:\w+s |vår |leverantörens )(?:\w+ )?(?:\w*klient\w*"
    rf"|\w*program\w*|\w*verktyg\w*|app\w*)|(?:\w+ ){{0,2}}?(?:viewer|läsare|visare))"
    rf"|\bonly be (?:opened|read|decrypted|viewed|unpacked|unsealed) (?:with|in|using|by)"
    rf" {_NOT_THE_BUYERS}(?:the |our |\w+'s )?(?:\w+ ){{0,2}}?(?:viewer|reader|client|app"
    rf"|application|software|tool)\b|\b(?:opened|decrypted|viewed) only (?:with|in|using)"
    rf" (?:the |our )?\w+ (?:viewer|reader)\b"
    rf"|\bförseglat? (?:export\w*|paket\w*)|\bsealed (?:export|package|payload|archive)\b"
)
"""Words (in lower case) that say a file or blob in a response is sealed against the buyer:
encrypted with the vendor's own key ("Krypterat med Norrdatas nyckel"), opened only with the
vendor's program ("öppnas med Norrdata Viewer", "can only be opened with the Acme Reader"),
a sealed export package; not data encrypted with the customer's key or yours."""
_SEALED_STEMS = ("krypter", "encrypt", "sealed", "försegl", "öppnas", "läses", "visas",
                 "dekrypt", "avkrypt", "packas", "only be", "opened", "decrypted", "viewed")  # fmt: skip


@functools.lru_cache(maxsize=1024)
def sealed_words(text: str) -> str:
    """Where one text says a file or blob is sealed against the buyer (`_SEALED`), quoted;
    "" if nowhere."""
    return _gated_quote(text, _SEALED_STEMS, _SEALED)


_WITHHELD = re.compile(
    r"\b(?:returneras|lämnas ut|lämnas|exponeras|levereras|exporteras) (?:inte|ej|aldrig) (?:ut )?"
    r"(?:till|för|via|genom) (?:kunden|kunder|kunderna|beställaren|köparen|api\w*"
    r"|gränssnittet)(?!\w)"
    r"|\b(?:never|not) (?:returned|exposed|disclosed|delivered|exported) (?:to|via"
    r"|through) (?:the |our )?(?:customers?|buyers?|api|rest api)\b"
    r"|\b(?:cannot|can't|can not|may not) be (?:read|retrieved|fetched|exported) (?:by|via"
    r"|through) (?:the )?(?:customers?|buyers?|api)\b"
)
"""Words (in lower case) that say a field of a returned type is kept from the buyer:
"Reserverat för Norrdata; fältet returneras inte till kunden", "never returned to the
customer", "cannot be retrieved via the API"; not what is hidden from a user in a screen
("not shown to the user")."""
_WITHHELD_STEMS = ("returneras", "lämnas", "exponeras", "levereras", "exporteras", "returned",
                   "exposed", "disclosed", "delivered", "exported", "be read", "be retrieved",
                   "be fetched")  # fmt: skip


_KEPT_STEMS = re.compile("|".join(map(re.escape, (*_WITHHELD_STEMS, *_SEALED_STEMS))))
"""Parts of words one of which every match of `_WITHHELD` or `_SEALED` holds."""


@functools.lru_cache(maxsize=4096)
def kept_from_buyer(text: str) -> tuple[Literal["withheld", "sealed"], str] | None:
    """Whether one text (a field's description) says the field is kept from the buyer: not
    returned to it ("withheld", `_WITHHELD`) or sealed with the vendor's key ("sealed",
    `sealed_words`: "Krypterad med Norrdatas nyckel"), with the words quoted; None if not."""
    lowered = text.lower()
    if not _KEPT_STEMS.search(lowered):
        return None
    if found := _WITHHELD.search(lowered):
        return "withheld", _quoted(text, found)
    if words := sealed_words(text):
        return "sealed", words
    return None


_FIELDS_LEFT_OUT = re.compile(
    r"\b(?:egna|anpassade|kundspecifika|användardefinierade|custom|user-defined"
    r"|customer-specific) (?:fält|attribut|egenskaper|fields|attributes|properties)\b[^.;]{0,60}?"
    r"\b(?:(?:ingår|returneras|exponeras|levereras|exporteras|finns) (?:inte|ej)"
    r"|(?:are|is) (?:not|never) (?:included|returned|exposed|exported|available))\b"
    r"(?![^.;]{0,80}\b(?:utom|except|unless|förutom|expand\w*|include\w*|parameter\w*|hämtas"
    r"|fetch\w*|retriev\w*|extensions|separat\w*|separate\w*)\b)"
)
"""Words (in lower case) that say the fields the buyer has added are left out of a type ("Egna
fält som kommunen har lagt till ingår inte i API:et", "custom fields are not included"), not
where another way to read them is named ("not included unless expand=customFields")."""


@functools.lru_cache(maxsize=1024)
def fields_left_out(text: str) -> str:
    """Where a type's description says the buyer's own fields are left out of it
    (`_FIELDS_LEFT_OUT`), quoted; "" if it does not."""
    return _gated_quote(
        text, ("fält", "field", "attribut", "egenskaper", "propert"), _FIELDS_LEFT_OUT
    )


_VENDOR_LAYOUT = re.compile(
    r"\b(?:fastbredd\w*|fixed[- ]width|\w*postlayout\w*|\w*(?:import|export)format\w*"
    r"|\w+'s (?:own )?(?:import|export|record) (?:format|layout)|(?:proprietär\w*|proprietary"
    r"|leverantörsspecifik\w*|vendor-specific|internal|intern\w*) (?:format|layout|file format"
    r"|filformat|postformat)\b)"
)
"""Words (in lower case) that say a text holds records in the vendor's own layout ("Poster i
fastbreddsformat enligt Norrdatas postlayout NDL-7", "Posten i Norrdatas importformat NDI")."""


@functools.lru_cache(maxsize=1024)
def vendor_layout(text: str) -> str:
    """Where one text on a plain-text body says it holds records in the vendor's own layout
    (`_VENDOR_LAYOUT`), quoted; "" if it does not."""
    return _gated_quote(text, ("format", "layout", "width"), _VENDOR_LAYOUT)


_ACCESS_LIMITED = re.compile(
    r"\b(?:behandlas|handläggs|prövas|godkänns|beviljas|utfärdas|skapas|reviewed|processed"
    r"|handled|approved|granted|issued|created) (?:endast |bara |enbart |only )?(?:(?:en gång"
    r"|två gånger|once|twice) (?:per|i|om|a|an|every|each) (?:kvartal|halvår|år|quarter"
    r"|half-year|half year|year)|kvartalsvis|halvårsvis|årsvis|årligen|quarterly|annually"
    r"|yearly)\b"
    r"|\b(?:endast|bara|enbart|only) (?:\w+s |the customer's |the buyer's |your |its |their )?"
    r"(?:egen |egna |own )?(?:personal|anställda|medarbetare|staff|employees|personnel)"
    r" (?:får|may|can|is allowed to|are allowed to) (?:ansluta|använda|nyttja|connect|use"
    r"|access)\b"
    r"|\b(?:konsulter|andra leverantörer|tredje part|externa parter|third[- ]part(?:y|ies)"
    r"|consultants|contractors|other (?:vendors|suppliers|providers)|external (?:parties|vendors"
    r"|suppliers))\b[^.;]{0,40}?\b(?:får inte|får ej|may not|must not|are not (?:allowed"
    r"|permitted) to|cannot|can't) (?:använda|ansluta|nyttja|use|access|connect)\b"
)
"""Words (in lower case) that say access to the API is rationed or closed to those the buyer
would let in: clients issued at long intervals ("Ansökningar behandlas en gång per kvartal",
"applications are reviewed quarterly"), only the buyer's own staff may connect, consultants or
other vendors may not use it (the successor system's vendor among them)."""
_ACCESS_STEMS = ("gång", "once", "twice", "quarterly", "annually", "yearly", "kvartalsvis",
                 "halvårsvis", "årsvis", "årligen", "personal", "anställda", "medarbetare",
                 "staff", "employees", "personnel", "konsult", "leverantör", "tredje", "externa",
                 "third", "consultant", "contractor", "vendors", "suppliers", "providers",
                 "external")  # fmt: skip


def access_limited(text: str) -> str:
    """Where one text (the API's description, a security scheme's) says access to the API is
    rationed or closed to third parties (`_ACCESS_LIMITED`), quoted; "" if nowhere."""
    return _gated_quote(text, _ACCESS_STEMS, _ACCESS_LIMITED)


@functools.lru_cache(maxsize=1024)
def notice_limited(text: str) -> str:
    """Where one text on a webhook, callback or subscription says it cannot tell the buyer of
    every change (`_NOTICE_LIMIT`), quoted; "" if nowhere."""
    lowered = text.lower()
    for index, found in _NOTICE_LIMIT.finditer(lowered):
        part = _NOTICE_LIMIT.parts[index]
        one_channel = part in (_ONE_CHANNEL_SV, _ONE_CHANNEL_EN)
        if not (one_channel and _NOT_ONE_CHANNEL.search(_sentence_around(lowered, found))):
            return _quoted(text, found)
    return ""


_ORIGINALS_WITHHELD = re.compile(
    r"\boriginal\w*\b[^.;]{0,40}?\b(?:lämnas|returneras|levereras|exporteras|hämtas|ges)"
    r" (?:inte|ej|aldrig)\b"
    r"|\boriginal\w*\b[^.;]{0,40}?\b(?:kan|går) (?:inte|ej) (?:att )?(?:hämtas|hämta|laddas"
    r" (?:ned|ner)|exporteras)\b"
    r"|\boriginals?\b(?: (?:files?|documents?|formats?))?[^.;]{0,40}?\b(?:(?:is|are) (?:not"
    r"|never)|cannot be|can't be|will not be|won't be) (?:returned|provided|available|exported"
    r"|downloaded|handed out|delivered|exposed|accessible|retrievable)\b"
)
"""Words (in lower case) that say the original files are not handed out, only a rendering of
them ("Originalfilen lämnas inte ut via API:et", "the original files are not available")."""


@functools.lru_cache(maxsize=1024)
def originals_withheld(text: str) -> str:
    """Where one text on a file a response returns says the originals are not handed out
    (`_ORIGINALS_WITHHELD`), quoted; "" if nowhere."""
    return _gated_quote(text, ("original",), _ORIGINALS_WITHHELD)


_TEST_SERVER = re.compile(
    r"\b(?:testmiljö\w*|test ?environment|sandbox\w*|staging|demomiljö\w*|demo environment"
    r"|utvecklingsmiljö\w*|development environment)\b"
)
_NOT_REAL_DATA = re.compile(
    r"\b(?:syntetisk\w* (?:data|uppgifter|ärenden|poster)|synthetic (?:data|records)"
    r"|fiktiv\w* (?:data|uppgifter)|fictitious (?:data|records)|dummy data|mock data"
    r"|(?:produktion\w*|production)\b[^.;]{0,60}?\b(?:vpn|ansökan|application|på begäran"
    r"|on request))\b"
)


def test_server_words(text: str) -> str:
    """Where a server's description says it is a test environment with data that is not the
    buyer's, or with the production kept apart ("Testmiljö med syntetiska data",
    "Produktionsmiljön nås endast via Norrdatas VPN"), quoted; "" if it does not."""
    lowered = text.lower()
    if not _TEST_SERVER.search(lowered):
        return ""
    found = _NOT_REAL_DATA.search(lowered)
    return _quoted(text, found) if found else ""


def _sentence_around(lowered: str, match: re.Match[str]) -> str:
    """The sentence of a lower-cased text that holds `match` (to `.`, `;`, `!`, `?` or a line
    break on either side, at most 300 characters each way)."""
    start, end = match.start(), match.end()
    before = lowered[max(0, start - 300) : start]
    cut = max(before.rfind(mark) for mark in ".;!?\n")
    after = lowered[end : end + 300]
    stops = [i for mark in ".;!?\n" if (i := after.find(mark)) >= 0]
    return before[cut + 1 :] + match.group() + after[: min(stops, default=len(after))]


def _not_there(lowered: str) -> re.Match[str] | None:
    """Where a lower-cased text says the operation is not there for the buyer (`_UNAVAILABLE`)."""
    return _UNAVAILABLE.search(lowered)


def _sunset_past(op: dict[str, Any]) -> bool:
    """Whether `x-sunset` (the retirement date of the Sunset header, RFC 8594) is past."""
    value = op.get("x-sunset")
    text = value.isoformat() if isinstance(value, datetime.date) else as_text(value)
    try:
        return datetime.date.fromisoformat(text.strip()[:10]) <= datetime.date.today()
    except ValueError:
        return False


def withdrawn(node: dict[str, Any]) -> bool:
    """Whether an operation object as written (a webhook's, say) is no evidence of a working
    operation: deprecated, marked internal (`_marked_internal`), or a preview or sold
    separately (`_limited`)."""
    return node.get("deprecated") is True or _marked_internal(node) or bool(_limited(node, []))


def _gated_quote(text: str, stems: Iterable[str], pattern: re.Pattern[str]) -> str:
    """Where `pattern` (lower case) matches `text`, quoted (`_quoted`); "" if it does not.
    Searched only when the text holds one of `stems`, one of which every match holds."""
    lowered = text.lower()
    if not any(stem in lowered for stem in stems):
        return ""
    found = pattern.search(lowered)
    return _quoted(text, found) if found else ""


def _quoted(text: str, found: re.Match[str]) -> str:
    """The text of a marker for the reason: all of it when short, else its words around it."""
    if len(text) > 160:
        start = text.rfind(" ", 0, max(0, found.start() - 40)) + 1
        end = text.find(" ", found.end() + 40)
        text = text[start : end if end >= 0 else len(text)]
    return " ".join(text.split())


_INTERNAL_AUDIENCES = frozenset(
    {"internal", "company-internal", "component-internal", "business-unit-internal", "private"}
)
_TRUE_WORDS = frozenset({"true", "yes", "on", "1"})


def _marked(node: dict[str, Any], key: str) -> bool:
    """Whether a flag is set: `true`, or written as the string "true" or "yes" (a YAML 1.2
    reader keeps `yes` a string; a reader of the description takes it as set)."""
    value = node.get(key)
    return value is True or (isinstance(value, str) and value.strip().lower() in _TRUE_WORDS)


def _marked_internal(node: dict[str, Any]) -> bool:
    """Whether an object is marked as left out of the published API: `x-internal: true`
    (Redocly, Stoplight; "true" or "yes" as a string too), `x-hidden: true`, `x-audience:
    company-internal`, `component-internal` or `business-unit-internal` (Zalando's
    guidelines), `x-visibility` or `x-ms-visibility: internal` (Microsoft's connectors) or
    `private`."""
    if _marked(node, "x-internal") or _marked(node, "x-hidden"):
        return True
    return any(
        str(node.get(key, "")).strip().lower() in _INTERNAL_AUDIENCES
        for key in ("x-audience", "x-visibility", "x-ms-visibility")
    )


def _parameters(raw: Any, pointer: str, resolver: Resolver) -> list[Parameter]:
    found: list[Parameter] = []
    for position, entry in enumerate(as_list(raw)):
        param = resolver.resolve(entry)
        if not isinstance(param, dict) or not isinstance(param.get("name"), str):
            continue
        schema = param.get("schema", param if "type" in param else None)
        found.append(
            Parameter(
                name=param["name"],
                location=as_text(param.get("in")),
                description=as_text(param.get("description")),
                required=param.get("required") is True,
                has_example=_has_example(param)
                or any(_has_example(as_dict(m)) for m in as_dict(param.get("content")).values()),
                pointer=f"{pointer}/{position}",
                schema=schema,
                deprecated=param.get("deprecated") is True,
            )
        )
    return found


def _examples(media: dict[str, Any]) -> tuple[Any, ...]:
    """A media object's `example` and its first `examples` (`{value: …}` or a `$ref`)."""
    found = [media["example"]] if "example" in media else []
    found += list(as_dict(media.get("examples")).values())[:EXAMPLE_LIMIT]
    return tuple(found)


def _content(raw: Any, pointer: str) -> list[Media]:
    return [
        Media(
            media_type=str(media_type),
            schema=as_dict(media).get("schema"),
            has_example=_has_example(as_dict(media)),
            pointer=f"{pointer}/{escape_pointer(str(media_type))}",
            examples=_examples(as_dict(media)),
        )
        for media_type, media in as_dict(raw).items()
        if len(str(media_type)) <= MAX_INDEXED_KEY
    ]


def _response3(status: Any, raw: Any, pointer: str, resolver: Resolver) -> Response:
    response = as_dict(resolver.resolve(raw))
    return Response(
        status=str(status),
        description=as_text(response.get("description")),
        media=_content(response.get("content"), pointer + "/content"),
        headers=[str(name) for name in as_dict(response.get("headers"))],
        pointer=pointer,
    )


def _swagger2_bodies(
    op: dict[str, Any],
    pointer: str,
    parameters: list[Parameter],
    produces_global: list[str],
    consumes_global: list[str],
    resolver: Resolver,
) -> tuple[list[Media], list[Response]]:
    consumes = [m for m in as_list(op.get("consumes")) if isinstance(m, str)] or consumes_global
    produces = [m for m in as_list(op.get("produces")) if isinstance(m, str)] or produces_global
    request: list[Media] = []
    for param in parameters:
        if param.location == "body":
            request += [
                Media(m, param.schema, param.has_example, param.pointer)
                for m in consumes or ["application/json"]
            ]
        elif param.location == "formData" and not request:
            request += [
                Media(m, None, False, param.pointer)
                for m in consumes or ["application/x-www-form-urlencoded"]
            ]
    responses: list[Response] = []
    for status, raw in as_dict(op.get("responses")).items():
        if len(str(status)) > MAX_INDEXED_KEY:
            continue
        response = as_dict(resolver.resolve(raw))
        where = f"{pointer}/responses/{escape_pointer(str(status))}"
        schema = response.get("schema")
        examples = as_dict(response.get("examples"))
        media = (
            [
                Media(m, schema, m in examples, where, (examples[m],) if m in examples else ())
                for m in produces or ["application/json"]
            ]
            if schema is not None
            else []
        )
        responses.append(
            Response(
                status=str(status),
                description=as_text(response.get("description")),
                media=media,
                headers=[str(name) for name in as_dict(response.get("headers"))],
                pointer=where,
            )
        )
    return request, responses


# --- reading a description from a file, standard input or a URL --------------------------------


@dataclass
class ProbeBudget:
    """What `answers check --probe` may fetch in one run, all vendor files together: at most
    `urls` evidence URLs and `max_bytes` bytes (vendors choose the URLs); with `take_file`, what
    one bid's description files may take."""

    urls: int = field(default_factory=lambda: limits.MAX_PROBE_URLS)
    max_bytes: int = field(default_factory=lambda: limits.MAX_PROBE_BYTES)
    used_urls: int = 0
    used_bytes: int = 0

    def start(self, url: str) -> int:
        """Count one more URL; the bytes it may take. ProbeError when the budget is spent."""
        if self.used_urls >= self.urls:
            raise ProbeError(
                tr("not fetched: this run already fetched {count} evidence URLs", count=self.urls),
                path=url,
                hint=tr("raise PROCCHECK_MAX_PROBE_URLS to fetch more in one run"),
            )
        left = self.max_bytes - self.used_bytes
        if left <= 0:
            raise self.spent(url)
        self.used_urls += 1
        return min(limits.MAX_INPUT_BYTES, left)

    def take_file(self, display: str, size: int) -> None:
        """Count one description file of `size` bytes (a vendor can name as many files in its
        folder as URLs). ProbeError when it does not fit."""
        if self.used_urls >= self.urls or self.used_bytes + size > self.max_bytes:
            raise ProbeError(
                tr(
                    "not read: the bid's description files would be more than {count} files "
                    "or {limit:,} bytes together",
                    count=self.urls,
                    limit=self.max_bytes,
                ),
                path=display,
                hint=tr("raise PROCCHECK_MAX_PROBE_URLS or PROCCHECK_MAX_PROBE_BYTES"),
            )
        self.used_urls += 1
        self.used_bytes += size

    def spent(self, url: str) -> ProbeError:
        self.used_bytes = self.max_bytes
        return ProbeError(
            tr(
                "not fetched in full: this run's evidence URLs reached {limit:,} bytes together",
                limit=self.max_bytes,
            ),
            path=url,
            hint=tr("raise PROCCHECK_MAX_PROBE_BYTES to fetch more in one run"),
        )


@dataclass(frozen=True)
class Fetching:
    """How a description, and the documents its `$ref`s name, may be fetched: nothing is fetched
    unless the source is a URL or `allow_remote_refs` is set; `cache` is "use", "off" or
    "offline" (cached copies only). Non-public addresses are refused, except, on the host of the
    URL the user gave, loopback and private networks with `allow_private` and the networks
    named in `allow_addresses` (CIDR). `budget` bounds the fetches of a run; only bodies that
    are API descriptions are cached."""

    allow_private: bool = False
    cache: CacheMode = "use"
    allow_remote_refs: bool = False
    allow_addresses: tuple[str, ...] = ()
    budget: ProbeBudget | None = field(default=None, compare=False)

    def policy(self) -> AddressPolicy:
        from proccheck.loaders.fetch import AddressPolicy, parse_networks

        return AddressPolicy(self.allow_private, parse_networks(self.allow_addresses))


def is_url(source: str) -> bool:
    """Whether a probe source is meant as a URL rather than a file path."""
    return "://" in source[:12]


def load_description(
    source: str, fetching: Fetching = Fetching(), stdin_text: str | None = None
) -> tuple[ApiIndex, str | None]:
    """Read and index a description (a file, `-` for standard input, or an http(s) URL);
    returns the index and the URL it came from (or None).

    Raises InputError/ProbeError for anything unreadable: a missing file, a refused or failed
    fetch, bad YAML/JSON, or a document that is not OpenAPI 2.0/3.0/3.1.
    """
    from proccheck.loaders.inputs import API_DESCRIPTION, check_input
    from proccheck.loaders.structured import read_bytes, read_stdin

    url: str | None = None
    if source == "-":
        display = "<stdin>"
        if stdin_text is None:
            stdin_text = read_stdin(display)
        if not stdin_text.strip():
            raise InputError(
                tr("nothing was read from standard input"),
                path=display,
                hint=tr(
                    "send a description to it (`proccheck probe - < openapi.yaml`), or give "
                    "the file or URL instead of -"
                ),
            )
        text = stdin_text
    elif is_url(source):
        from proccheck.loaders.cache import FetchCache, fetch_cached  # requests: slow import
        from proccheck.loaders.fetch import FetchLimits, TooLarge

        display = source
        budget = fetching.budget
        bounds = FetchLimits(max_bytes=budget.start(source)) if budget else None
        try:
            fetched = fetch_cached(
                source, allow_private=fetching.policy(), mode=fetching.cache, bounds=bounds,
                keep=False,
            )  # fmt: skip
        except TooLarge:
            if budget is None or bounds is None or bounds.max_bytes == limits.MAX_INPUT_BYTES:
                raise
            raise budget.spent(source) from None
        if budget:
            budget.used_bytes += len(fetched.content)
        url = fetched.final_url
        remote = _remote_loader(fetching, source) if fetching.allow_remote_refs else None
        index = _index_read(fetched.content, display, base_url=url, remote=remote)
        if fetching.cache == "use" and not fetched.cached:
            FetchCache().put(fetched)  # an API description: worth keeping
        return index, url
    else:
        display = source
        check_input(Path(source), source, API_DESCRIPTION)
        raw = read_bytes(Path(source), source, limits.MAX_INPUT_BYTES)  # as read_text reads
        remote = _remote_loader(fetching, None) if fetching.allow_remote_refs else None
        return _index_read(raw, display, base_url=None, remote=remote), None
    remote = _remote_loader(fetching, None) if fetching.allow_remote_refs else None
    return build_index(text, display, base_url=url, remote=remote), url


def _remote_loader(fetching: Fetching, user_url: str | None) -> RemoteLoader:
    """Fetch and parse remote `$ref` documents through the guarded fetcher, within one budget.

    Every document goes through the same guard as the description (schemes, private addresses,
    redirects, size cap); together they may not exceed the size cap or the fetch deadline. The
    description's author wrote these URLs: `allow_private` and `allow_addresses` hold only for
    documents on the host of the URL the user gave (`user_url`).
    """
    import time

    from proccheck.loaders.cache import fetch_cached
    from proccheck.loaders.fetch import FetchLimits
    from proccheck.loaders.structured import decode_text

    budget = FetchLimits()
    started = time.monotonic()
    used = [0]
    policy = fetching.policy()

    def load(document: str) -> object:
        remaining = budget.deadline - (time.monotonic() - started)
        left = budget.max_bytes - used[0]
        if remaining <= 0:
            raise ProbeError(
                tr("remote documents took longer than the fetch deadline"), path=document
            )
        if left <= 0:
            raise ProbeError(tr("remote documents exceed the size limit together"), path=document)
        bounds = replace(budget, deadline=remaining, max_bytes=left)
        same_host = user_url is not None and _host(document) == _host(user_url)
        fetched = fetch_cached(
            document,
            allow_private=policy if same_host else False,
            mode=fetching.cache,
            bounds=bounds,
        )
        used[0] += len(fetched.content)
        text = decode_text(fetched.content, document)
        json_shaped = text.lstrip()[:1] in "{["
        return load_text(text, document, typed=True, lines=False, prefer_json=json_shaped).data

    return load


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""
