"""Requirement-set resolution: extends, deep merge, bare levels, cycles, provenance, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from proccheck.errors import RequirementSetError
from proccheck.requirements import load_requirement_set
from proccheck.resources import builtin_sets

NEW_REQUIREMENT = """
    level: must
    principle: exit
    title: {sv: Exitplan, en: Exit plan}
    text: {sv: Leverantören ska leverera en exitplan., en: The vendor shall deliver an exit plan.}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def header(set_id: str, extends: list[str]) -> str:
    return f"id: {set_id}\nversion: '1'\ntitle: {{sv: T, en: T}}\nextends: {json.dumps(extends)}\n"


def test_builtin_sets_resolve() -> None:
    names = builtin_sets()
    assert {"trollhattan-2023", "open-baseline"} <= set(names)
    troll = load_requirement_set("builtin:trollhattan-2023")
    assert [r.id for r in troll.requirements] == ["DATA-OWNERSHIP", "OPEN-STANDARDS", "OPEN-APIS"]
    assert all(r.level == "must" for r in troll.requirements)


def test_open_baseline_extends_trollhattan_with_25_to_40_requirements() -> None:
    baseline = load_requirement_set("builtin:open-baseline")
    ids = [r.id for r in baseline.requirements]
    assert ids[:3] == ["DATA-OWNERSHIP", "OPEN-STANDARDS", "OPEN-APIS"]
    assert 25 <= len(ids) - 3 <= 40
    assert baseline.sources == ("builtin:trollhattan-2023", "builtin:open-baseline")
    for requirement in baseline.requirements:
        assert requirement.text.sv and requirement.text.en, requirement.id
        assert requirement.references, requirement.id
        assert requirement.cues.sv and requirement.cues.en, requirement.id
    assert {r.principle for r in baseline.requirements} == {
        "data-ownership",
        "exit",
        "open-standards",
        "open-apis",
    }


def test_extends_relative_to_file_with_overrides(tmp_path: Path) -> None:
    write(
        tmp_path,
        "base/base.yaml",
        header("base", ["builtin:trollhattan-2023"]) + "requirements:\n  EX-1:" + NEW_REQUIREMENT,
    )
    local = write(
        tmp_path,
        "local/local.yaml",
        header("local", ["../base/base.yaml"]) + "requirements:\n"
        "  OPEN-APIS: should\n"
        "  OPEN-STANDARDS: off\n"
        "  DATA-OWNERSHIP:\n    text: {sv: Kommunen ska äga all data.}\n",
    )
    resolved = load_requirement_set(str(local))
    by_id = {r.id: r for r in resolved.requirements}
    assert list(by_id) == ["DATA-OWNERSHIP", "OPEN-APIS", "EX-1"]
    assert by_id["OPEN-APIS"].level == "should"
    # deep merge: sv replaced, en kept, title untouched
    assert by_id["DATA-OWNERSHIP"].text.sv == "Kommunen ska äga all data."
    assert by_id["DATA-OWNERSHIP"].text.en.startswith("The organisation shall own")
    assert by_id["DATA-OWNERSHIP"].defined_in == "builtin:trollhattan-2023"
    assert by_id["DATA-OWNERSHIP"].changed_in[-1].endswith("local/local.yaml")
    assert by_id["EX-1"].defined_in.endswith("base/base.yaml")
    assert resolved.id == "local"


def test_lists_replace_not_append(tmp_path: Path) -> None:
    local = write(
        tmp_path,
        "l.yaml",
        header("l", ["builtin:trollhattan-2023"])
        + "requirements:\n  OPEN-APIS:\n    references:\n      - title: Only this one\n",
    )
    resolved = load_requirement_set(str(local))
    refs = resolved.get("OPEN-APIS").references  # type: ignore[union-attr]
    assert [r.title for r in refs] == ["Only this one"]


def test_cycle_names_the_chain(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", header("a", ["./b.yaml"]))
    write(tmp_path, "b.yaml", header("b", ["./a.yaml"]))
    with pytest.raises(RequirementSetError) as info:
        load_requirement_set(str(tmp_path / "a.yaml"))
    assert "cycle" in info.value.message
    assert "a.yaml -> " in info.value.message and "b.yaml" in info.value.message


@pytest.mark.parametrize(
    ("body", "fragment", "hint_fragment"),
    [
        (
            "requirements:\n  OPEN-APIS: mustt\n",
            "requirements.OPEN-APIS: 'mustt' is not one of must, should, off",
            "did you mean 'must'",
        ),
        (
            "requirements:\n  OPEN-APIS:\n    levle: must\n",
            "requirements.OPEN-APIS.levle: unknown field",
            "did you mean 'level'",
        ),
        (
            "requirements:\n  OPEN-APIS:\n    level: skall\n",
            "requirements.OPEN-APIS.level: 'skall' is not one of must, should",
            "write must for 'skall'",
        ),
        (
            "requirements:\n  NEW-1:\n    level: must\n",
            "requirements.NEW-1.title is missing",
            "example: title: Exit plan",
        ),
        ("requirements:\n  NOPE: off\n", "no extended set defines", "bare"),
        ("tittle: x\n", "tittle: unknown field", "did you mean 'title'"),
    ],
)
def test_bad_set_files(tmp_path: Path, body: str, fragment: str, hint_fragment: str) -> None:
    path = write(tmp_path, "s.yaml", header("s", ["builtin:trollhattan-2023"]) + body)
    with pytest.raises(RequirementSetError) as info:
        load_requirement_set(str(path))
    assert fragment in info.value.message
    assert hint_fragment in (info.value.hint or "")
    assert info.value.path


def test_error_points_at_line(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", header("s", []) + "requirements:\n  X:\n    level: bad\n")
    with pytest.raises(RequirementSetError) as info:
        load_requirement_set(str(path))
    assert info.value.where is not None and info.value.where.startswith("7")


def test_unknown_builtin_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", header("s", ["builtin:open-baselin"]))
    with pytest.raises(RequirementSetError) as info:
        load_requirement_set(str(path))
    assert "builtin:open-baseline" in (info.value.hint or "")


def test_missing_extended_file(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", header("s", ["./nowhere.yaml"]))
    with pytest.raises(RequirementSetError) as info:
        load_requirement_set(str(path))
    assert "not found" in info.value.message
    assert info.value.path.endswith("s.yaml")
