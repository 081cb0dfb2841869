"""The probe's fast paths (issue 12) give exactly what the strict ones give: orjson's reading of
a JSON description against the strict loader's (duplicate keys, huge numbers, lone surrogates,
deep nesting, bad bytes), the counting pass against the walk that keeps places, the shared
memo of schemas without a binary part, and the collector is left as it was found."""

from __future__ import annotations

import gc
import json
import random
from pathlib import Path
from typing import Any

import pytest

from proccheck import limits
from proccheck.checks import api_analysis
from proccheck.errors import ProccheckError
from proccheck.loaders import openapi
from proccheck.loaders.openapi import build_index, parse_description, parse_read
from proccheck.loaders.structured import decode_text

SAMPLES = Path(__file__).resolve().parent / "check_samples"
HEAD = '{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}, "x": '


def _strict(text: str) -> Any:
    return parse_description(text, "t.json", fast=False).data


def _outcome(read: Any) -> tuple[str, Any]:
    """('data', repr with types) or ('error', (type, message, where)) of one reading."""
    try:
        data = read()
    except ProccheckError as error:
        return "error", (type(error).__name__, error.message, error.where)
    return "data", _typed(data)


def _typed(node: Any) -> Any:
    if isinstance(node, dict):
        return ("dict", [(key, _typed(value)) for key, value in node.items()])
    if isinstance(node, list):
        return ("list", [_typed(value) for value in node])
    return (type(node).__name__, repr(node))


EDGES = [
    '{"a": 1}',
    '{"a": 1, "a": 2}',
    '{"a": {"b": [1, {"c": 1, "c": 1}]}}',
    '{"example": {"k": 1, "k": 2}}',
    '{"a:b": 1, "a\\u003ab": 2}',
    '{"a:b": 1, "a\\u003Ab": 2, "c": "\\u003a"}',
    '{"k\\":v": 1, "k": "x:y"}',
    '{"a": 123456789012345678}',
    '{"a": 1234567890123456789}',
    '{"a": 12345678901234567890}',
    '{"a": -9223372036854775809}',
    '{"a": [1, 18446744073709551616]}',
    '{"a":\n        12345678901234567890123}',
    '{"a": "rekor 2605736670972794746 12345678901234567890"}',
    '{"a": "x, 12345678901234567890"}',
    '{"a": 0.1, "b": -0.0, "c": -0, "d": 1E5, "e": 2.2250738585072011e-308, "f": 5e-324}',
    '{"a": 1.5e999}',
    '{"a": 1e-999}',
    '{"a": NaN}',
    '{"a": -Infinity}',
    '{"a": "\\ud800"}',
    '{"a": "\\udc00"}',
    '{"a": "\\ud800\\u0041"}',
    '{"a": "\\ud83d\\ude00", "b": "\\\\ud800"}',
    '{"a": "\\u0000\\u001f"}',
    '{"a": "tab\there"}',
    '{"a": 1,}',
    '{"a": 01}',
    '{"a": 1} x',
    '\t\r\n {"a": [true, false, null]}\n',
    '\x0c{"a": 1}',
    "[" * 250 + "]" * 250,
    "[" * 260 + "]" * 260,
    "[" * 1100 + "]" * 1100,
]


@pytest.mark.parametrize("text", EDGES, ids=range(len(EDGES)))
def test_fast_json_reads_what_the_strict_loader_reads(text: str) -> None:
    fast = _outcome(lambda: parse_description(text, "t.json").data)
    assert fast == _outcome(lambda: _strict(text))


def test_fast_json_is_used_for_ordinary_descriptions() -> None:
    for path in sorted(SAMPLES.rglob("*.json")):
        raw = path.read_bytes()
        if openapi._JSON_START.match(raw):
            assert openapi._fast_json(raw) is not openapi._MISSING, path


def test_fast_json_honours_a_lower_integer_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_INT_DIGITS", 3)
    for text in ('{"a": 1234}', '{"a": -123}', '{"a": 123}', '{"a": 1.25}'):
        assert _outcome(lambda t=text: parse_description(t, "t.json").data) == _outcome(
            lambda t=text: _strict(t)
        )


def _random_value(rng: random.Random, depth: int = 0) -> str:
    atoms = ['"a"', '"x:y"', '"\\u003a"', '"\\ud800"', '"\\ud83d\\ude00"', "1", "-0", "0.5",
             "12345678901234567890", "123456789012345678", "1e999", "NaN", "true", "null",
             '"k\\":v"', "-1.25e+300", '"\\u0000"']  # fmt: skip
    keys = ['"a"', '"b"', '"\\u0061"', '"c:d"', '"$ref"', '"example"']
    roll = rng.random()
    if depth > 3 or roll < 0.4:
        return rng.choice(atoms)
    if roll < 0.7:
        items = [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
        return "[" + ",".join(items) + "]"
    pairs = [
        f"{rng.choice(keys)}{rng.choice(['', ' '])}:{rng.choice(['', ' ', chr(10)])}"
        + _random_value(rng, depth + 1)
        for _ in range(rng.randint(0, 3))
    ]
    return "{" + ",".join(pairs) + "}"


def test_fast_json_agrees_on_random_documents() -> None:
    rng = random.Random(12)
    for _ in range(2_000):
        text = HEAD + _random_value(rng) + "}"
        assert _outcome(lambda t=text: parse_description(t, "t.json").data) == _outcome(
            lambda t=text: _strict(t)
        ), text


@pytest.mark.parametrize(
    "raw",
    [
        b'\xef\xbb\xbf{"a": 1}',
        b'\xef\xbb\xbf\xef\xbb\xbf{"a": 1}',
        b'{"a": "\xed\xa0\x80"}',
        b'{"a": "\xc0\xaf"}',
        b'{"a": "\xff"}',
        b'{"a": "\x00"}',
        b'\xff\xfe{\x00"\x00}\x00',
        b"   \n  ",
        b'{"a": "caf\xc3\xa9", "b": 1}',
        b"openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n",
    ],
)
def test_reading_bytes_is_decoding_then_parsing(raw: bytes) -> None:
    assert _outcome(lambda: parse_read(raw, "t.json").data) == _outcome(
        lambda: parse_description(decode_text(raw, "t.json"), "t.json").data
    )


def test_reading_bytes_keeps_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 10)
    raw = b'{"a": 1}    \n    '
    assert _outcome(lambda: parse_read(raw, "t.json").data) == _outcome(
        lambda: decode_text(raw, "t.json", 10)
    )


# --- the counting pass and the walk that keeps places -----------------------------------------


def _documents() -> list[Any]:
    found = []
    for path in sorted(SAMPLES.rglob("*.json")):
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except ValueError:
            continue
    return found


def test_count_agrees_with_the_walk() -> None:
    for document in _documents():
        count, refs, too_deep = openapi._count(document)
        walked, places = openapi._walk(document, "t.json")
        assert not too_deep
        assert count == walked
        assert refs == {target: number for target, (number, _) in places.items()}


@pytest.mark.parametrize("depth", [199, 200, 201, 230])
@pytest.mark.parametrize("inner", ["", "1"])
def test_count_finds_the_depth_the_walk_refuses(depth: int, inner: str) -> None:
    document = {"x": json.loads("[" * depth + inner + "]" * depth)}
    too_deep = openapi._count(document)[2]
    try:
        openapi._walk(document, "t.json")
    except ProccheckError:
        assert too_deep
    else:
        assert not too_deep


def test_ref_problems_keep_their_first_places() -> None:
    paths = {
        f"/p{n}": {"get": {"responses": {"200": {"$ref": "#/components/responses/none"}}}}
        for n in range(8)
    }
    text = json.dumps({"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": paths})
    index = build_index(text, "t.json")
    assert index.missing_refs.count == 8
    assert [pointer for pointer, _ in index.missing_refs.examples] == [
        f"/paths/~1p{n}/get/responses/200/$ref" for n in range(7, 2, -1)
    ]


# --- the shared memo of schemas without a binary part -----------------------------------------


def test_binary_memo_changes_no_answer() -> None:
    for path in sorted(SAMPLES.rglob("*.json")) + sorted(SAMPLES.rglob("*.yaml")):
        try:
            index = build_index(path.read_text(encoding="utf-8"), path.name)
        except ProccheckError:
            continue
        plain: set[int] = set()
        for op in index.operations:
            for media in op.request + [m for r in op.responses for m in r.media]:
                alone = api_analysis._binary_schema(index, media.schema)
                assert api_analysis._binary_schema(index, media.schema, plain) == alone, path


# --- the collector --------------------------------------------------------------------------------


def test_the_collector_is_left_as_it_was() -> None:
    text = HEAD + "[1, 2, 3]}"
    was = gc.isenabled()
    frozen = gc.get_freeze_count()  # the CLI freezes what importing made (cli._fewer_collections)
    try:
        gc.enable()
        build_index(text, "t.json")
        assert gc.isenabled()
        gc.disable()
        build_index(text, "t.json")
        assert not gc.isenabled()
        gc.enable()
        with pytest.raises(ProccheckError):
            build_index('{"a": 1, "a": 2}', "t.json")
        assert gc.isenabled()
        assert gc.get_freeze_count() <= frozen  # nothing more frozen (a frozen object may die)
    finally:
        (gc.enable if was else gc.disable)()
