"""Strict, bounded loading of YAML and JSON: the only way proccheck parses either.

Why not `yaml.safe_load`: it silently turns `no`, `on` and `0701234567` into other values, keeps
the last of two duplicate keys, hands alias bombs to whoever walks the result, and the C loader
crashes the process on very deep nesting. Here the document is built from the parser's
event stream, iteratively, so depth, alias expansion and duplicate keys are checked as it is read.
"""

from __future__ import annotations

import itertools
import json
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import yaml

from proccheck import limits
from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.resources import note_input

if TYPE_CHECKING:
    from pydantic import BaseModel

try:  # the C parser is much faster; its event stream is what we consume either way
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _EventLoader(_BaseLoader):
    """A loader with no implicit resolvers: scalar typing is decided by `_plain_scalar`."""

    yaml_implicit_resolvers: dict[str, Any] = {}  # noqa: RUF012


_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)?(\.[0-9]+([eE][-+]?[0-9]+)?|(\.[0-9]*)?[eE][-+]?[0-9]+)")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_CONSTANTS: dict[str, Any] = {
    **dict.fromkeys(_NULLS),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
"""The plain scalars that are not strings whether numbers are read or not."""
_NUMBER_START = frozenset("+-.0123456789")
"""The characters an `_INT` or `_FLOAT` match can start with."""
_TAG = "tag:yaml.org,2002:"


Table = dict[str, int] | list[int]
"""The lines of one container's children: by key for a mapping, by position for a list."""


class LineTable:
    """The 1-based line of every node of a parsed document, kept per container (the line of
    each key or item), never as JSON-pointer strings: a pointer repeats every key above it, so
    a table of them grows with depth times size (190 kB of nested long keys took 3 GB). A
    pointer is followed through the data when a line is asked for.

    For JSON the table is filled on first use, by one linear scan of the text in step with the
    parsed data (JSON's C parser gives no positions; parsing the text again as YAML did)."""

    def __init__(self, root: int | None = None, pending: tuple[str, Any] | None = None) -> None:
        self.root = root
        self.tables: dict[int, tuple[Any, Table]] = {}  # id(container) -> (container, lines)
        self._pending = pending  # (JSON text, its data) until the first look-up

    def add(self, container: Any) -> Table:
        """A new, empty line table for `container` (kept alive with it, so its id stays its own)."""
        table: Table = {} if isinstance(container, dict) else []
        self.tables[id(container)] = (container, table)
        return table

    def locate(self, data: Any, pointer: str) -> tuple[str, int] | None:
        """The longest prefix of `pointer` (itself or an ancestor) that has a line, and the line."""
        if self._pending is not None:
            text, root = self._pending
            self._pending = None
            _json_lines(text, root, self)
        if self.root is None:
            return None
        node, line, end = data, self.root, 0
        for token in pointer.split("/")[1:] if pointer.startswith("/") else ():
            entry = self.tables.get(id(node))
            if entry is None or entry[0] is not node:
                break
            key = token.replace("~1", "/").replace("~0", "~")
            table = entry[1]
            if isinstance(table, list):
                if not (key.isascii() and key.isdigit()) or str(int(key)) != key:
                    break
                index = int(key)
                if index >= len(table):
                    break
                line, node = table[index], node[index]
            else:
                if key not in table:
                    break
                line, node = table[key], node.get(key) if isinstance(node, dict) else None
            end += 1 + len(token)
        return pointer[:end], line


@dataclass
class Loaded:
    """A parsed document and, when asked for, the 1-based line of each node."""

    data: Any
    path: str
    lines: LineTable | None = None

    @property
    def has_lines(self) -> bool:
        return self.lines is not None

    def locate(self, pointer: str) -> tuple[str, int] | None:
        """The pointer itself or its nearest ancestor that has a line, and that line."""
        return self.lines.locate(self.data, pointer) if self.lines is not None else None

    def line_of(self, pointer: str) -> int | None:
        """The line of `pointer`, or of its nearest ancestor that has one."""
        found = self.locate(pointer)
        return found[1] if found else None


Model = TypeVar("Model", bound="BaseModel")


def validated(model: type[Model], loaded: Loaded, schema: str) -> Model:
    """`loaded` as `model`, or an InputError at the line of the first wrong field, naming the
    schema that documents the format."""
    from pydantic import ValidationError

    try:
        return model.model_validate(loaded.data)
    except ValidationError as exc:
        error = exc.errors()[0]
        pointer = "".join(f"/{escape_pointer(str(p))}" for p in error["loc"])
        line = loaded.line_of(pointer)
        raise InputError(
            f"{'.'.join(str(p) for p in error['loc']) or '/'}: {error['msg']}",
            path=loaded.path,
            where=f"{line} ({pointer})" if line else pointer,
            hint=tr("see {schema} for the file format", schema=schema),
        ) from None


def escape_pointer(token: str) -> str:
    """One JSON-pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def ensure_file(path: Path, display: str) -> None:
    """Refuse what is not a regular file: a missing path, a folder, a FIFO or a device (which
    could block for ever or never end)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(tr("file not found"), path=display, hint=tr("check the path")) from None
    except OSError as exc:
        raise InputError(tr("cannot read file: {why}", why=exc.strerror), path=display) from None
    if stat.S_ISDIR(mode):
        raise InputError(
            tr("is a folder, not a file"), path=display, hint=tr("give a file inside it")
        )
    if not stat.S_ISREG(mode):
        raise InputError(
            tr("not a regular file (a pipe, socket or device)"),
            path=display,
            hint=tr("give a file; copy the content to a file first"),
        )
    note_input(path)


def read_bytes(path: Path, display: str, cap: int) -> bytes:
    """At most `cap + 1` bytes of a regular file (so the caller can tell it is too large)."""
    ensure_file(path, display)
    try:
        with path.open("rb") as handle:
            return read_capped(handle, cap)
    except IsADirectoryError:
        raise InputError(
            tr("is a folder, not a file"), path=display, hint=tr("give a file inside it")
        ) from None
    except OSError as exc:
        raise InputError(tr("cannot read file: {why}", why=exc.strerror), path=display) from None


def read_capped(handle: BinaryIO, cap: int) -> bytes:
    """At most `cap + 1` bytes of an open stream, read a megabyte at a time: one `read(cap +
    1)` sets aside the whole limit first (a limit of 100 GB was a MemoryError), and a stream
    such as standard input may never end."""
    chunks = []
    remaining = cap + 1
    while remaining > 0:
        chunk = handle.read(min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_stdin(display: str = "<stdin>") -> str:
    """Standard input as text, within the input limit ("" when nothing but spaces came)."""
    if sys.stdin is None:  # closed (`<&-`): nothing was read
        return ""
    binary = getattr(sys.stdin, "buffer", None)
    if binary is None:  # a text stream put in its place (by an embedding program, a test)
        text = sys.stdin.read(limits.MAX_INPUT_BYTES + 1)
        raw = text.encode("utf-8", "surrogateescape")
    else:
        raw = read_capped(binary, limits.MAX_INPUT_BYTES)
    return "" if not raw.strip() else decode_text(raw, display)


def read_text(path: Path, display: str, max_bytes: int | None = None) -> str:
    """Read a UTF-8 text file (BOM allowed) with a size cap; refuse binary and other encodings."""
    cap = max_bytes or limits.MAX_INPUT_BYTES
    return decode_text(read_bytes(path, display, cap), display, cap)


def printable(text: str, limit: int = 80) -> str:
    """Input text for an error message: shortened, control characters shown as escapes, so a
    message on a terminal or in a CI log can never carry ESC, BEL or a new line."""
    short = text if len(text) <= limit else text[:limit] + "…"
    if short.isprintable():
        return short
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in short)


def decode_text(raw: bytes, display: str, cap: int | None = None) -> str:
    """Decode bytes as strict UTF-8 text, with errors that say where and what to do."""
    cap = cap or limits.MAX_INPUT_BYTES
    if len(raw) > cap:
        raise InputError(
            tr("file is larger than the limit of {limit:,} bytes", limit=cap),
            path=display,
            hint=tr("split the file, or raise PROCCHECK_MAX_INPUT_BYTES if it is genuine"),
        )
    if not raw.strip():
        raise InputError(
            tr("file is empty"), path=display, hint=tr("add content or remove the file")
        )
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise InputError(
            tr("file is UTF-32 text, not UTF-8"),
            path=display,
            hint=tr("save the file as UTF-8 (in Excel/Notepad: 'Save as' > encoding UTF-8)"),
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            tr("file is UTF-16 text, not UTF-8"),
            path=display,
            hint=tr("save the file as UTF-8 (in Excel/Notepad: 'Save as' > encoding UTF-8)"),
        )
    if b"\x00" in raw[:8192]:
        raise InputError(
            tr("file is binary, not text"),
            path=display,
            hint=tr(
                "give a YAML, JSON or text file (spreadsheets and DOCX have their own loaders)"
            ),
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(
            tr("not valid UTF-8 (byte 0x{byte:02x})", byte=raw[exc.start]),
            path=display,
            where=str(line),
            hint=tr("save the file as UTF-8 (in Excel/Notepad: 'Save as' > encoding UTF-8)"),
        ) from None


_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*\s*$")


def yaml_comments(text: str) -> list[tuple[int, str, bool]]:
    """The comments of YAML `text` with their 1-based lines and whether each stands on a line
    of its own: a `#` at a line's start or after a space, outside quotes and outside block
    scalars (`|`, `>`). The YAML parser drops them, yet a reader of the file sees them beside
    the values."""
    found: list[tuple[int, str, bool]] = []
    block_indent: int | None = None  # inside a block scalar: lines indented deeper
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        quote = ""
        position = 0
        while position < len(line):
            char = line[position]
            if quote == '"' and char == "\\":
                position += 1  # the escaped character, whatever it is
            elif quote and char == quote:
                if quote == "'" and line[position + 1 : position + 2] == "'":
                    position += 1  # '' is a quote inside single quotes
                else:
                    quote = ""
            elif (
                not quote and char in "'\"" and (position == 0 or line[position - 1] in " \t:[{,-")
            ):
                quote = char
            elif not quote and char == "#" and (position == 0 or line[position - 1] in " \t"):
                if comment := line[position + 1 :].strip():
                    found.append((number, comment, not line[:position].strip()))
                line = line[:position]
                break
            position += 1
        if (_BLOCK_SCALAR.search(line.rstrip()) and ":" in line) or line.strip() in ("|", ">"):
            block_indent = indent
    return found


def load_file(path: Path, display: str, *, typed: bool = False, lines: bool = False) -> Loaded:
    """Load a YAML or JSON file (JSON is tried first for `.json`; YAML is a superset)."""
    text = read_text(path, display)
    return load_text(text, display, typed=typed, lines=lines, prefer_json=path.suffix == ".json")


def load_text(
    text: str,
    display: str,
    *,
    typed: bool = False,
    lines: bool = False,
    prefer_json: bool = False,
    scan_depth: bool = True,
) -> Loaded:
    """Parse text that is JSON or YAML.

    `typed=False` (for the files people write: sets, specs, answers) keeps every plain scalar a
    string except null/true/false, so `version: 1.10`, `0701234567` and `8:30` survive intact.
    `typed=True` (API descriptions) reads numbers as numbers, but only YAML 1.2 core forms.
    `scan_depth=False` is for callers that walk the whole result anyway and bound its depth
    there (the probe); JSON's C parser itself stops with RecursionError long before the stack.
    """
    stripped = text.lstrip()
    if prefer_json or (stripped[:1] in "{[" and not lines):
        # the lines of a file people write are found by a scan that costs a few microseconds
        # a value (10 million values in one list took 22 s): such files have the YAML limit
        name = "MAX_JSON_VALUES" if typed else "MAX_YAML_NODES"
        refuse_many_json_values(text, display, name, getattr(limits, name))
        # with lines, numbers stay text as YAML's reading of the file people write would keep them
        data = load_json(text, display, scan_depth=scan_depth, numbers_as_text=lines and not typed)
        return Loaded(data, display, LineTable(pending=(text, data)) if lines else None)
    return _load_yaml(text, display, typed=typed, want_lines=lines)


def refuse_many_json_values(text: str | bytes, display: str, name: str, limit: int) -> None:
    """Refuse a JSON text of more than `limit` values before it is parsed: a parsed value costs
    100-200 bytes (64 MB of `[{},{},…]` took 1.5 GB). Each value after the first of its
    container follows a comma and each container opens with a bracket, so one plus the commas
    and opening brackets bound the count from above; only when that is over the limit is the
    exact count taken (`json_values`) before deciding."""
    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    if 1 + sum(raw.count(mark) for mark in (b",", b"{", b"[")) <= limit:
        return
    if json_values(raw) > limit:
        raise InputError(
            tr("document has more than {count:,} nodes", count=limit),
            path=display,
            hint=tr("split the file, or raise PROCCHECK_{name} if it is genuine", name=name),
        )


def json_values(raw: bytes) -> int:
    """How many values (containers and scalars, not keys) a JSON text holds, counted in C with
    memory bounded by a slice: one, plus the commas and opening brackets outside strings, less
    the empty containers (whose bracket opens no first value). Escaped backslashes, then escaped
    quotes, are taken off (as JSON reads them, left to right) and white space is deleted; what
    is left is split at the quotes a slice at a time, every other part being inside a string
    (`before` carries the last byte outside strings, for an empty container cut by a slice)."""
    skeleton = raw.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, b" \t\r\n")
    values, inside, before, step = 1, False, b"", 1 << 20
    for start in range(0, len(skeleton), step):
        parts = skeleton[start : start + step].split(b'"')
        outside = b"\0".join(parts[1 if inside else 0 :: 2])
        values += sum(outside.count(mark) for mark in (b",", b"{", b"["))
        values -= sum((before + outside).count(empty) for empty in (b"[]", b"{}"))
        inside ^= len(parts) % 2 == 0  # an odd number of quotes in the slice
        before = b"" if inside else outside[-1:]
    return values


def load_json(
    text: str, display: str, *, scan_depth: bool = True, numbers_as_text: bool = False
) -> Any:
    """Strict JSON: duplicate keys, NaN/Infinity, lone surrogates, huge numbers and deep
    nesting are refused (nesting before the recursive parser sees the text). With
    `numbers_as_text`, numbers are kept as written (`1.10` stays "1.10")."""
    _refuse_lone_surrogates(text, display)
    if scan_depth:
        _refuse_deep_json(text, display)
    try:
        return json.loads(
            text,
            object_pairs_hook=_unique_pairs,
            parse_constant=_refuse_constant,
            parse_int=_int_text if numbers_as_text else _parse_int,
            parse_float=_float_text if numbers_as_text else _parse_float,
        )
    except _DuplicateKey as exc:
        raise InputError(
            tr("duplicate key {key}", key=repr(exc.key)),
            path=display,
            where=_first_duplicate_line(text, exc.key),
            hint=tr("each key may appear only once in an object; remove or rename one"),
        ) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            tr("invalid JSON: {problem}", problem=exc.msg),
            path=display,
            where=f"{exc.lineno}:{exc.colno}",
            hint=tr("fix the syntax at that position (a JSON validator or editor shows it too)"),
        ) from None
    except RecursionError:
        raise InputError(
            tr("nesting is too deep"),
            path=display,
            hint=tr("no real document nests deeper than {depth} levels", depth=limits.MAX_DEPTH),
        ) from None
    except ValueError as exc:
        raise InputError(tr("invalid JSON value: {problem}", problem=exc), path=display) from None


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # built in C; a duplicate shows as a shorter dict
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _refuse_constant(name: str) -> Any:
    raise ValueError(tr("{name} is not valid JSON; use null or a string", name=name))


def _parse_float(literal: str) -> float:
    if len(literal) > limits.MAX_INT_DIGITS * 4:
        raise ValueError(tr("a number of {count:,} characters is too long", count=len(literal)))
    number = float(literal)
    if number in (float("inf"), float("-inf")):
        raise ValueError(tr("{number} is too large for a number", number=literal[:40]))
    return number


_JSON_STRING_BODY = r'"[^"\\]*(?:\\[\s\S]?[^"\\]*)*(?:"|\Z)'
"""A JSON string, or an unclosed one up to the end of the text. It matches wherever it starts
and never backtracks, so a scan is linear: a pattern that must find the closing quote fails on
an unclosed string and is tried again from every escaped quote in it (quadratic: 200 kB of
`\\"` took minutes). JSON's own parser reports the unclosed string."""

_JSON_TOKEN = re.compile(_JSON_STRING_BODY + r"|[\[\]{}]")


_JSON_STRING = re.compile(_JSON_STRING_BODY)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_BRACKET_STEP = {91: 1, 123: 1, 93: -1, 125: -1}


def _max_json_depth(text: str) -> int:
    """The deepest bracket nesting outside strings, with the loops in C (regex, map,
    accumulate): about 0.1 s for a 13 MB description."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text)).encode("ascii")
    return max(itertools.accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0)


def _refuse_deep_json(text: str, display: str) -> None:
    """Count bracket depth outside strings, without recursion; find the place only when the
    document is too deep."""
    if text.count("[") + text.count("{") <= limits.MAX_DEPTH:
        return
    if _max_json_depth(text) <= limits.MAX_DEPTH:
        return
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        bracket = match.group(0)
        if bracket in "[{":
            depth += 1
            if depth > limits.MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                raise InputError(
                    tr("nesting is deeper than {depth} levels", depth=limits.MAX_DEPTH),
                    path=display,
                    where=f"{line}:{column}",
                    hint=tr(
                        "no real document nests this deep; flatten it (or raise PROCCHECK_MAX_DEPTH)"
                    ),
                )
        elif bracket in "]}":
            depth -= 1


def _parse_int(digits: str) -> int:
    if len(digits) > limits.MAX_INT_DIGITS:
        raise ValueError(tr("an integer of {count:,} digits is too long", count=len(digits)))
    return int(digits)


def _int_text(digits: str) -> str:
    _parse_int(digits)
    return digits


def _float_text(literal: str) -> str:
    _parse_float(literal)
    return literal


_JSON_LINE_TOKEN = re.compile(_JSON_STRING_BODY + r"(\s*:)?|[\[\]{}]|[^\s\[\]{}:,\"]+")
"""A key (a string and its colon), a string, a bracket or another value: what `_json_lines`
steps through. Commas, colons and spaces between them are skipped by the search."""


def _json_lines(text: str, data: Any, table: LineTable) -> None:
    """Fill `table` from valid JSON `text` and its parsed `data`: one scan, in step with the data
    (the keys of a parsed object keep the order of the text, and duplicates were refused)."""
    stack: list[list[Any]] = []  # [container, its table, its keys (an iterator), current key]
    line, last = 1, 0
    try:
        for match in _JSON_LINE_TOKEN.finditer(text):
            start = match.start()
            line += text.count("\n", last, start)
            last = start
            first = text[start]
            if first == '"' and match.group(1):
                frame = stack[-1]
                frame[3] = next(frame[2])
                frame[1][frame[3]] = line
                continue
            if first in "]}":
                stack.pop()
                continue
            if not stack:
                value = data
                table.root = line
            else:
                container, lines = stack[-1][0], stack[-1][1]
                if isinstance(container, list):
                    value = container[len(lines)]
                    lines.append(line)
                else:
                    value = container[stack[-1][3]]
            if first in "[{":
                stack.append([value, table.add(value), iter(value) if first == "{" else None, None])
    except (StopIteration, IndexError, KeyError, TypeError):  # pragma: no cover
        return  # text and data disagree (cannot happen for one parse): the lines found so far


_ESCAPE = re.compile(r"\\(?:u([dD][89a-fA-F][0-9a-fA-F]{2})|.)", re.DOTALL)


def _refuse_lone_surrogates(text: str, display: str) -> None:
    """Refuse a \\uD800-\\uDFFF escape that is not half of a high-low pair (escaped
    backslashes are skipped, so `\\\\ud800` is text, not an escape)."""
    if "\\u" not in text:
        return
    pending_high: re.Match[str] | None = None
    for match in _ESCAPE.finditer(text):
        unit = match.group(1)
        if pending_high is not None:
            if unit and unit[1] in "cdefCDEF" and match.start() == pending_high.end():
                pending_high = None
                continue
            _lone(text, display, pending_high)
        if unit is None:
            continue
        if unit[1] in "89abAB":
            pending_high = match
        else:
            _lone(text, display, match)
    if pending_high is not None:
        _lone(text, display, pending_high)


def _lone(text: str, display: str, match: re.Match[str]) -> None:
    line = text.count("\n", 0, match.start()) + 1
    raise InputError(
        tr("lone UTF-16 surrogate {escape} cannot be represented as text", escape=match.group(0)),
        path=display,
        where=str(line),
        hint=tr("remove the escape or write the character it stands for"),
    )


def _first_duplicate_line(text: str, key: str) -> str | None:
    needle = re.compile(r'"' + re.escape(json.dumps(key)[1:-1]) + r'"\s*:')
    found = [m.start() for m in needle.finditer(text)]
    if len(found) < 2:
        return None
    return str(text.count("\n", 0, found[1]) + 1)


# --- YAML -------------------------------------------------------------------------------------


def _plain_scalar(value: str, typed: bool) -> Any:
    if value in _CONSTANTS:
        return _CONSTANTS[value]
    if typed and value[0] in _NUMBER_START:  # most scalars are words: no expression to run
        if _INT.fullmatch(value):
            if len(value) > limits.MAX_INT_DIGITS:
                return value
            return int(value)
        if _FLOAT.fullmatch(value):
            return float(value)
    return value


def _tagged_scalar(tag: str, value: str, mark: str) -> Any:
    short = tag[len(_TAG) :] if tag.startswith(_TAG) else tag
    try:
        if short == "str":
            return value
        if short == "int":
            if len(value) > limits.MAX_INT_DIGITS:
                raise ValueError(tr("too many digits"))
            return int(value, 0)
        if short == "float":
            number = float(value)
            if number != number or number in (float("inf"), float("-inf")):
                raise ValueError(tr("NaN and infinity are not accepted"))
            return number
        if short == "bool":
            if value.lower() in ("true", "false"):
                return value.lower() == "true"
            raise ValueError(tr("expected true or false"))
        if short == "null":
            if value not in _NULLS:  # `!!null "mot avgift"`: a reader sees the words
                raise ValueError(tr("a null holds no text"))
            return None
    except ValueError as exc:
        raise _YamlProblem(
            tr(
                "invalid !!{tag} value {value}: {problem}",
                tag=short,
                value=repr(value[:40]),
                problem=exc,
            ),
            mark,
        ) from None
    raise _YamlProblem(
        tr("unsupported YAML tag {tag}", tag=repr(tag)),
        mark,
        tr("remove the tag; plain strings, numbers, lists and mappings are all that is needed"),
    )


class _YamlProblem(Exception):
    def __init__(self, message: str, where: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint


def _mark(event: Any) -> str:
    mark = event.start_mark
    return f"{mark.line + 1}:{mark.column + 1}"


class _Frame:
    """An open mapping or sequence while its events are read."""

    __slots__ = (
        "anchor",
        "container",
        "expect_key",
        "is_map",
        "key",
        "key_line",
        "line",
        "lines",
        "merges",
        "size",
    )

    def __init__(
        self,
        container: dict[str, Any] | list[Any],
        lines: Table | None,
        anchor: str | None,
        line: int,
    ) -> None:
        self.container = container
        self.is_map = isinstance(container, dict)
        self.lines = lines  # the lines of its children, when lines are wanted
        self.anchor = anchor
        self.line = line
        self.size = 1
        self.key: str | None = None
        self.key_line = 0
        self.expect_key = self.is_map
        self.merges: list[dict[str, Any]] = []


def _load_yaml(text: str, display: str, *, typed: bool, want_lines: bool) -> Loaded:
    loader = None
    try:
        loader = _EventLoader(text)  # the C loader encodes the text here: a lone surrogate fails
        data, line_table = _build(loader.get_event, typed, want_lines)
    except _YamlProblem as exc:
        raise InputError(exc.message, path=display, where=exc.where, hint=exc.hint) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else None
        problem = exc.problem or exc.context or tr("malformed YAML")
        raise InputError(
            tr("invalid YAML: {problem}", problem=problem),
            path=display,
            where=where,
            hint=tr("check indentation and quoting at that position; quote values containing ': '"),
        ) from None
    except (yaml.YAMLError, ValueError, IndexError, AttributeError, TypeError) as exc:
        raise InputError(tr("invalid YAML: {problem}", problem=exc), path=display) from None
    except RecursionError:
        raise InputError(tr("nesting is too deep"), path=display) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Loaded(data, display, line_table)


def _build(
    next_event: Callable[[], Any], typed: bool, want_lines: bool
) -> tuple[Any, LineTable | None]:
    """Turn parser events into Python data without recursion, enforcing every limit. The
    events are taken one call at a time (`next_event`, None at the end) and the open container
    is kept in a local: this loop runs once per node of descriptions of 500,000 nodes."""
    stack: list[_Frame] = []
    top: _Frame | None = None  # stack[-1], or None outside every container
    anchors: dict[str, tuple[Any, int]] = {}
    lines = LineTable() if want_lines else None
    root: Any = None
    documents = 0
    total = 0
    max_nodes = limits.MAX_YAML_NODES

    def attach(value: Any, size: int, line: int, anchor: str | None) -> None:
        nonlocal root
        if anchor:
            anchors[anchor] = (value, size)
        frame = top
        if frame is None:
            root = value
            if lines is not None:
                lines.root = line
            return
        frame.size += size
        if not frame.is_map:
            frame.container.append(value)  # type: ignore[union-attr]
            if frame.lines is not None:
                frame.lines.append(line)  # type: ignore[union-attr]
            return
        key = frame.key
        assert key is not None
        frame.expect_key = True
        if key == "<<" and isinstance(value, (dict, list)):
            merge_from = value if isinstance(value, list) else [value]
            frame.merges.extend(m for m in merge_from if isinstance(m, dict))
            return
        frame.container[key] = value  # type: ignore[call-overload]
        if frame.lines is not None:
            frame.lines[key] = frame.key_line  # type: ignore[call-overload]

    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    while (event := next_event()) is not None:
        kind = type(event)
        if kind is scalar_event:
            if top is not None and top.expect_key:
                key = event.value
                if key in top.container:
                    raise _YamlProblem(
                        tr("duplicate key {key}", key=repr(key)),
                        _mark(event),
                        tr("each key may appear only once in a mapping; remove or rename one"),
                    )
                top.key, top.expect_key = key, False
                if lines is not None:
                    top.key_line = event.start_mark.line + 1
                total += 1  # a key is a node too (and half the work of a mapping-heavy file)
                top.size += 1  # so an alias of the mapping counts its keys as well
                continue
            implicit = event.implicit
            if implicit[0] or implicit[1]:
                value = _plain_scalar(event.value, typed) if implicit[0] else event.value
            else:
                value = _tagged_scalar(event.tag or "", event.value, _mark(event))
            total += 1
            attach(value, 1, event.start_mark.line + 1 if lines is not None else 0, event.anchor)
        elif kind in starts:
            if top is not None and top.expect_key:
                raise _YamlProblem(
                    tr("a mapping key must be a plain value, not a list or mapping"),
                    _mark(event),
                    tr("write the key as a string"),
                )
            if not event.implicit and event.tag not in (_TAG + "map", _TAG + "seq", None, "!"):
                raise _YamlProblem(
                    tr("unsupported YAML tag {tag}", tag=repr(printable(event.tag))),
                    _mark(event),
                    tr(
                        "remove the tag; plain strings, numbers, lists and mappings are all that is needed"
                    ),
                )
            if len(stack) >= limits.MAX_DEPTH:
                raise _YamlProblem(
                    tr("nesting is deeper than {depth} levels", depth=limits.MAX_DEPTH),
                    _mark(event),
                    tr(
                        "no real document nests this deep; flatten it (or raise PROCCHECK_MAX_DEPTH)"
                    ),
                )
            container: dict[str, Any] | list[Any] = {} if kind is yaml.MappingStartEvent else []
            table = lines.add(container) if lines is not None else None
            top = _Frame(container, table, event.anchor, event.start_mark.line + 1)
            stack.append(top)
            total += 1
        elif kind in ends:
            frame = stack.pop()
            top = stack[-1] if stack else None
            explicit = set(frame.container) if frame.merges else set()  # the mapping's own
            for merged in frame.merges:
                for key, value in merged.items():
                    if key in explicit and frame.container[key] != value:  # type: ignore[call-overload]
                        raise _YamlProblem(
                            tr(
                                "{key} is set both by a merge (<<) and in the mapping itself",
                                key=repr(key),
                            ),
                            _mark(event),
                            tr("write each value once, without <<: a reader sees both"),
                        )
                    frame.container.setdefault(key, value)  # type: ignore[union-attr]
            attach(frame.container, frame.size, frame.line, frame.anchor)
        elif kind is alias_event:
            if event.anchor not in anchors:
                raise _YamlProblem(tr("unknown alias *{alias}", alias=event.anchor), _mark(event))
            value, size = anchors[event.anchor]
            total += size
            if total > max_nodes:
                raise _YamlProblem(
                    tr(
                        "aliases expand to more than {count:,} nodes (an alias bomb)",
                        count=max_nodes,
                    ),
                    _mark(event),
                    tr("remove the repeated aliases; write the content out once"),
                )
            if top is not None and top.expect_key:
                raise _YamlProblem(tr("an alias cannot be a mapping key"), _mark(event))
            attach(value, size, event.start_mark.line + 1, None)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _YamlProblem(
                    tr("the file holds more than one YAML document"),
                    _mark(event),
                    tr("keep one document per file (remove the extra '---')"),
                )
        if total > max_nodes:
            raise _YamlProblem(
                tr("document has more than {count:,} nodes", count=max_nodes),
                _mark(event),
            )
    if documents == 0:
        raise _YamlProblem(tr("document is empty"), "1:1", tr("add content or remove the file"))
    return root, lines
