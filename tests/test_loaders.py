"""Strict YAML/JSON loading: no YAML 1.1 surprises, duplicate keys, bombs and deep nesting refused."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proccheck.errors import InputError
from proccheck.loaders.structured import json_values, load_file, load_text


def test_yaml_11_scalars_stay_strings() -> None:
    text = (
        "a: no\nb: on\nc: 0701234567\nd: 8:30\ne: 1.10\nf: 2025-02-30\ng: ja\nh: NO\n"
        "i: nej\nj: off\nk: yes\n"
    )
    data = load_text(text, "x.yaml").data
    assert data == {
        "a": "no",
        "b": "on",
        "c": "0701234567",
        "d": "8:30",
        "e": "1.10",
        "f": "2025-02-30",
        "g": "ja",
        "h": "NO",
        "i": "nej",
        "j": "off",
        "k": "yes",
    }


def test_keys_do_not_collapse() -> None:
    data = load_text("1: a\n01: b\nyes: c\non: d\n", "x.yaml").data
    assert data == {"1": "a", "01": "b", "yes": "c", "on": "d"}


def test_typed_mode_reads_core_numbers_only() -> None:
    data = load_text("a: 12\nb: 1.5\nc: 0x1f\nd: 0701\ne: true\nf: ~\n", "x", typed=True).data
    assert data == {"a": 12, "b": 1.5, "c": "0x1f", "d": "0701", "e": True, "f": None}


@pytest.mark.parametrize(
    ("text", "where", "fragment"),
    [
        ("a: 1\nb: 2\na: 3\n", "3:1", "duplicate key 'a'"),
        ('{"a": 1,\n "a": 2}', "2", "duplicate key 'a'"),
        ("a: [1, 2\n", "2:1", "invalid YAML"),
        ("a: !!float ''\n", "1:4", "invalid !!float"),
        ("a: !!timestamp nope\n", "1:4", "unsupported YAML tag"),
        ("a: !!python/object:os.system x\n", "1:4", "unsupported YAML tag"),
        ("a: 1\n---\nb: 2\n", "2:1", "more than one YAML document"),
        ("a: *missing\n", None, "alias"),
    ],
)
def test_malformed_input_names_position(text: str, where: str | None, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        load_text(text, "bad.yaml", prefer_json=text.startswith("{"))
    assert fragment in info.value.message
    assert info.value.path == "bad.yaml"
    if where:
        assert info.value.where == where


@pytest.mark.parametrize(
    "text",
    ['{"a": NaN}', '{"a": Infinity}', '{"a": "\\ud800"}', '{"a": ' + "9" * 5000 + "}"],
)
def test_json_refuses_non_portable_values(text: str) -> None:
    with pytest.raises(InputError):
        load_text(text, "bad.json", prefer_json=True)


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        load_text("\n".join(lines), "bomb.yaml")
    assert "alias bomb" in info.value.message
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    "text", ["[" * 30000 + "]" * 30000, "a:\n" + "".join(" " * i + "- \n" for i in range(1, 400))]
)
def test_deep_nesting_is_refused(text: str) -> None:
    with pytest.raises(InputError) as info:
        load_text(text, "deep.yaml")
    assert "nesting" in info.value.message or "depth" in info.value.message


def test_deep_json_is_refused() -> None:
    with pytest.raises(InputError) as info:
        load_text("[" * 100000 + "]" * 100000, "deep.json", prefer_json=True)
    assert "deep" in info.value.message


def test_merge_key_is_supported() -> None:
    data = load_text("base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n", "m.yaml").data
    assert data["m"] == {"x": "1", "y": "2"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("base: &b {x: 1}\nm:\n  <<: *b\n  x: 2\n", "set both by a merge"),
        ('c: !!null "Export endast mot avgift"\n', "null"),
    ],
)
def test_what_a_reader_sees_but_yaml_drops_is_refused(text: str, problem: str) -> None:
    """Round 7: a merged value overridden in the same mapping, and a `!!null` with words,
    show a reader words the data does not hold."""
    with pytest.raises(InputError) as info:
        load_text(text, "svar.yaml")
    assert problem in info.value.message


def test_an_empty_null_and_a_merge_left_alone_load() -> None:
    data = load_text('a: !!null ""\nb: &b {x: 1}\nm:\n  <<: *b\n  x: 1\n', "m.yaml").data
    assert data["a"] is None and data["m"] == {"x": "1"}
    two = load_text("a: &a {x: 1}\nb: &b {x: 2}\nm:\n  <<: [*a, *b]\n", "m.yaml").data
    assert two["m"] == {"x": "1"}  # of two merges the first wins: no value is overridden


def test_line_table_points_at_keys() -> None:
    loaded = load_text("top:\n  child:\n    leaf: v\n", "l.yaml", lines=True)
    assert loaded.line_of("/top/child/leaf") == 3
    assert loaded.line_of("/top/child") == 2
    assert loaded.line_of("/top/child/leaf/missing") == 3


def test_json_lines_come_from_one_parse() -> None:
    """`.json` with lines: the JSON parse only (numbers kept as written, as YAML read them), and
    the lines of keys and items found by one scan in step with the data (issue 12)."""
    text = '{\n "a": [\n  1.10,\n  {"b/c": 2}\n ],\n "d": {"e": null}\n}\n'
    loaded = load_text(text, "x.json", lines=True, prefer_json=True)
    assert loaded.data == {"a": ["1.10", {"b/c": "2"}], "d": {"e": None}}
    assert loaded.line_of("") == 1
    assert loaded.line_of("/a") == 2
    assert loaded.line_of("/a/0") == 3
    assert loaded.line_of("/a/1/b~1c") == 4
    assert loaded.line_of("/d/e") == 6
    assert loaded.locate("/a/7/x") == ("/a", 2)
    assert load_text(text, "x.json", prefer_json=True).line_of("/a") is None


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("namn: Åsa\n".encode("cp1252"), "UTF-8"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        load_file(path, "f.yaml")
    assert fragment in info.value.message
    assert info.value.hint


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfnamn: \xc3\x85sa\n")
    assert load_file(path, "bom.yaml").data == {"namn": "Åsa"}


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from proccheck import limits

    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(InputError) as info:
        load_file(path, "big.yaml")
    assert "larger than the limit" in info.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_file(tmp_path / "nope.yaml", "nope.yaml")
    assert info.value.message == "file not found"


def test_vendor_xml_is_parsed_defensively() -> None:
    """openpyxl uses defusedxml when it is installed; it is a dependency for that reason."""
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML


_JSON_VALUES = st.recursive(
    st.none() | st.integers() | st.text(alphabet='a,{["\\\u00e5'),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(alphabet='k,{["\\'), inner, max_size=4)
    ),
    max_leaves=30,
)


def _values(data: object) -> int:
    """The values the parser builds: containers and scalars, keys not counted."""
    if isinstance(data, dict):
        return 1 + sum(map(_values, data.values()))
    if isinstance(data, list):
        return 1 + sum(map(_values, data))
    return 1


@given(_JSON_VALUES, st.booleans(), st.booleans())
@settings(max_examples=300, deadline=None)
def test_json_values_as_parsed(data: object, ascii_only: bool, spaced: bool) -> None:
    """The pre-parse count of `refuse_many_json_values` is exactly the parser's, whatever the
    strings hold (quotes, backslashes, marks) and however the text is spaced; empty
    containers count once."""
    text = json.dumps(data, ensure_ascii=ascii_only, indent=1 if spaced else None)
    assert json_values(text.encode()) == _values(data)


def test_file_of_empty_containers_is_counted_as_parsed(tmp_path: Path) -> None:
    """400,000 empty lists are 400,001 values, under the 750,000 of a people file: read, not
    refused as twice that."""
    path = tmp_path / "answers.json"
    path.write_text('{"rows": [' + ", ".join(["[ ]"] * 400_000) + "]}", encoding="utf-8")
    assert json_values(path.read_bytes()) == 400_002
    assert len(load_file(path, "answers.json").data["rows"]) == 400_000


def test_lone_surrogate_in_yaml_text_is_an_input_error() -> None:
    """The C loader encodes the text when it is made: that failure is the file's, not ours."""
    with pytest.raises(InputError, match="invalid YAML"):
        load_text("a: \ud800\n", "x.yaml")


def test_alias_of_a_mapping_counts_its_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys are nodes: an alias expands to as many as writing the mapping out again."""
    from proccheck import limits

    monkeypatch.setattr(limits, "MAX_YAML_NODES", 15)
    for text in (
        "a: {k1: 1, k2: 2, k3: 3}\nb: {k1: 1, k2: 2, k3: 3}\n",
        "a: &x {k1: 1, k2: 2, k3: 3}\nb: *x\n",
    ):
        with pytest.raises(InputError, match="more than 15 nodes"):
            load_text(text, "x.yaml")
