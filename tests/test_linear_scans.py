"""Scans stay linear in their input (issue 12): each test times an input and one four times its
size (best of five runs each) and bounds the ratio, instead of an absolute time that depends on
the machine. Quadratic code gives a ratio near 16; linear code near 4."""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from proccheck import limits
from proccheck.errors import InputError

MAX_RATIO = 8.0


def _best(run: Callable[[], Any], repeat: int = 5) -> float:
    """Best of `repeat` runs, with the cyclic garbage collector paused: its passes over the
    many objects a large input creates would add noise that is not the scan's."""
    times = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
    finally:
        gc.enable()
    return min(times)


def assert_linear(make: Callable[[int], Callable[[], Any]], size: int) -> None:
    """Four times the input may take at most MAX_RATIO times as long: linear code gives about 4,
    quadratic about 16, so a busy machine (tests run two at a time) does not make it flake."""
    small, large = make(size // 2), make(2 * size)  # inputs built before the clock starts
    once, four_times = _best(small), _best(large)
    assert four_times / once < MAX_RATIO, f"{once:.3f} s -> {four_times:.3f} s for 4 × the input"


# --- JSON: the string scan behind the depth check --------------------------------------------


def _refused(text: str) -> Callable[[], None]:
    from proccheck.loaders.structured import load_json

    def run() -> None:
        with pytest.raises(InputError):
            load_json(text, "x.json")

    return run


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: "[" * 250 + '"' + '\\"' * n,  # an unclosed string of escaped quotes, too deep
        lambda n: '"' + '\\"' * n + "[" * 250,  # the same before the brackets
        lambda n: "[" * 250 + '"\\"' * n,  # many strings opened by an escaped quote
        lambda n: "[" * 250 + '"' + '\\"' * n + "\\",  # ending in a lone backslash
    ],
    ids=["unclosed", "unclosed-first", "reopened", "lone-backslash"],
)
def test_json_string_scan_is_linear(shape: Callable[[int], str]) -> None:
    assert_linear(lambda n: _refused(shape(n)), 600_000)


def test_json_scan_still_finds_the_depth() -> None:
    from proccheck.loaders.structured import load_json

    with pytest.raises(InputError, match="deeper than") as raised:
        load_json('["\\"[", ' + "[" * 250 + "]" * 250 + "]", "x.json")
    assert raised.value.where == "1:208"  # the bracket inside the string does not count
    assert load_json('["\\\\", "[[[\\"", {"a": "]"}]', "x.json") == ["\\", '[[["', {"a": "]"}]


# --- OpenAPI: $ref chains ---------------------------------------------------------------------


def _chain(n: int) -> Callable[[], None]:
    from proccheck.loaders.openapi import Resolver

    schemas: dict[str, Any] = {
        f"s{i}": {"$ref": f"#/components/schemas/s{i + 1}"} for i in range(n)
    }
    schemas[f"s{n}"] = {"type": "string"}
    root = {"openapi": "3.0.3", "components": {"schemas": schemas}}

    def run() -> None:
        assert Resolver(root).lookup("#/components/schemas/s0") == {"type": "string"}

    return run


def test_ref_chain_is_linear() -> None:
    assert_linear(_chain, 25_000)


def test_ref_cycle_still_found() -> None:
    from proccheck.loaders.openapi import Resolver

    root = {"a": {"$ref": "#/b"}, "b": {"$ref": "#/c"}, "c": {"$ref": "#/a"}}
    assert Resolver(root).lookup("#/a") == ("cycle",)


# --- CSV: cells ---------------------------------------------------------------------------------


def _csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_reading_is_linear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from proccheck.loaders.tables import _read_csv

    monkeypatch.setattr(limits, "MAX_CELLS", 10_000_000)

    def make(n: int) -> Callable[[], None]:
        rows = "".join(f"K{i};Ja;kommentar {i}\n" for i in range(n))
        path = _csv(tmp_path, f"rows{n}.csv", "Krav-ID;Svar;Kommentar\n" + rows)
        return lambda: _read_csv(path, path.name)

    assert_linear(make, 60_000)


def test_csv_cell_limit(tmp_path: Path) -> None:
    from proccheck.loaders.tables import _read_csv

    path = _csv(tmp_path, "wide.csv", "Krav-ID;Svar\nK1;Ja\n" + ";" * 5_000_000 + "\n")
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"more than [\d,]+ cells") as raised:
        _read_csv(path, "wide.csv")
    assert time.perf_counter() - started < 5  # 38 s before the limit; about 0.3 s now
    assert raised.value.path == "wide.csv" and raised.value.where == "3"
    assert raised.value.hint and "PROCCHECK_MAX_CELLS" in raised.value.hint
    assert limits.MAX_CELLS < 5_000_000


# --- the probe's resource model: write operations against many paths ---------------------------


def _analysis_of(count: int) -> Callable[[], Any]:
    """An API with `count` collections, each with an item path and a write (Microsoft Graph beta
    has thousands: matching each write against every path took 120 s)."""
    from proccheck.checks.api_analysis import analyse
    from proccheck.loaders.openapi import build_index

    item = {"type": "object", "properties": {"id": {"type": "string"}}}
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": item}}}}
    paths: dict[str, Any] = {}
    for n in range(count):
        paths[f"/things{n}"] = {
            "post": {
                "requestBody": {"content": {"application/json": {"schema": item}}},
                "responses": ok,
            }
        }
        paths[f"/things{n}/{{id}}"] = {"get": {"responses": ok}, "patch": {"responses": ok}}
    description = {"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": paths}
    index = build_index(json.dumps(description), "api.json")
    return lambda: analyse(index, None)


def test_resource_model_is_linear_in_the_paths() -> None:
    assert_linear(_analysis_of, 800)


# --- XLSX: conditional formats and their differential styles ----------------------------------


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: b"<conditionalFormatting sqref='C3'>" + b"<cfRule dxfId='0'><dxf><font" * n,
        lambda n: b"<conditionalFormatting>" * n + b"</conditionalFormatting>" * n,
        lambda n: b"<conditionalFormatting sqref='C3'><cfRule><dxf><font><fill" * n,
    ],
    ids=["unclosed-rules", "nested-formats", "unclosed-styles"],
)
def test_conditional_formats_are_read_in_linear_time(shape: Callable[[int], bytes]) -> None:
    from proccheck.loaders.xlsx_look import _conditional_ranges

    def make(n: int) -> Callable[[], Any]:
        xml = b"<worksheet>" + shape(n) + b"</conditionalFormatting></worksheet>"
        return lambda: _conditional_ranges(xml, frozenset({0}))

    assert_linear(make, 40_000)


# --- XLSX: phonetic runs and legacy drawings, read by their tags (second read of round 8) ---


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: b"<si><t>Ja</t>" + b"<rPh/>" * n + b"</si>",  # self-closing: hold nothing
        lambda n: b"<rPh>" * n,  # never closed
    ],
)
def test_phonetic_runs_are_read_in_linear_time(shape: Callable[[int], bytes]) -> None:
    from proccheck.loaders.xlsx_look import _guide

    assert_linear(lambda n: lambda: _guide(shape(n)), 40_000)


def test_legacy_drawing_shapes_are_read_in_linear_time() -> None:
    from proccheck.loaders.xlsx_look import _VML_SHAPE, _elements

    assert_linear(lambda n: lambda: list(_elements(b"<v:shape>x" * n, _VML_SHAPE)), 40_000)
