"""The JSON Schemas in schemas/ are generated from the models and must not drift."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from proccheck.loaders.structured import load_file
from proccheck.resources import builtin_sets, data_dir
from proccheck.schemagen import generated, render


@pytest.mark.parametrize("name", sorted(generated()))
def test_schema_file_matches_models(name: str) -> None:
    shipped = (data_dir("schemas") / name).read_text(encoding="utf-8")
    assert shipped == render(generated()[name]), f"run `python -m proccheck.schemagen` ({name})"


def test_builtin_sets_validate_against_schema() -> None:
    schema = json.loads((data_dir("schemas") / "requirement-set.schema.json").read_text())
    sets = builtin_sets()
    assert {"open-baseline", "trollhattan-2023", "digg-rest-api-profil"} <= set(sets), sets
    for path in sets.values():
        jsonschema.validate(load_file(path, path.name).data, schema)


def test_sample_sets_validate_against_schema() -> None:
    schema = json.loads((data_dir("schemas") / "requirement-set.schema.json").read_text())
    samples = Path(__file__).resolve().parents[1] / "samples" / "sets"
    paths = sorted(samples.glob("*.yaml"))
    assert paths, f"no sample sets in {samples}"
    for path in paths:
        jsonschema.validate(load_file(path, path.name).data, schema)
