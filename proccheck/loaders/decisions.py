"""Read a decision file (a CI baseline or an officer's decisions; `proccheck.decisionformat`)."""

from __future__ import annotations

from pathlib import Path

from proccheck.decisionformat import DecisionFile
from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.loaders.structured import load_file, validated
from proccheck.resources import display_path

SCHEMA = "schemas/decisions.schema.json"


def read_decisions(path: Path, display: str | None = None) -> DecisionFile:
    """The decisions in `path` (YAML or JSON), or an InputError at the line that is wrong."""
    display = display or display_path(path)
    if path.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise InputError(
            tr("a decision file is YAML or JSON, not {suffix}", suffix=path.suffix or "''"),
            path=display,
            hint=tr("name it e.g. proccheck-baseline.yaml"),
        )
    loaded = load_file(path, display, typed=True, lines=True)
    if loaded.data is None:  # an empty file: nothing decided yet
        return DecisionFile()
    return validated(DecisionFile, loaded, SCHEMA)
