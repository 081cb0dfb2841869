"""Generate the JSON Schemas in `schemas/` from the pydantic models (one source of truth).

Run `python -m proccheck.schemagen` after changing a model; a test fails while they differ.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel


def _schema(model: type[BaseModel], schema_id: str, description: str) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation")
    schema.pop("description", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://proccheck.example/schemas/{schema_id}",
        "description": description,
        **schema,
    }


def generated() -> dict[str, dict[str, Any]]:
    """Schema file name -> schema, for every file format proccheck reads or writes."""
    from proccheck.configformat import ConfigFile
    from proccheck.decisionformat import DecisionFile
    from proccheck.report.json_format import ReportDocument
    from proccheck.report.matrix import ComparisonDocument
    from proccheck.setformat import SetFile
    from proccheck.specformat import SpecFile
    from proccheck.tenderformat import TenderFile

    return {
        "requirement-set.schema.json": _schema(
            SetFile,
            "requirement-set.schema.json",
            "A proccheck requirement set (kravbibliotek), written in YAML or JSON.",
        ),
        "spec.schema.json": _schema(
            SpecFile,
            "spec.schema.json",
            "A structured requirement specification (kravspecifikation) for proccheck spec check.",
        ),
        "comparison.schema.json": _schema(
            ComparisonDocument,
            "comparison.schema.json",
            "The vendors × requirements comparison written by proccheck answers compare -f json.",
        ),
        "report.schema.json": _schema(
            ReportDocument, "report.schema.json", "The JSON report written by proccheck -f json."
        ),
        "config.schema.json": _schema(
            ConfigFile,
            "config.schema.json",
            "proccheck's configuration: .proccheck.yaml, proccheck.toml, or [tool.proccheck] "
            "in pyproject.toml.",
        ),
        "decisions.schema.json": _schema(
            DecisionFile,
            "decisions.schema.json",
            "Decisions about findings: a CI baseline (--write-baseline) or an officer's "
            "judgements in a tender folder.",
        ),
        "tender.schema.json": _schema(
            TenderFile,
            "tender.schema.json",
            "A tender folder's upphandling.yaml: the procurement, its requirement set and "
            "specification, dates and bids (proccheck tender init / tender check).",
        ),
    }


def render(schema: dict[str, Any]) -> str:
    """Stable text form of a schema."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    """Write every schema into the folder given as argument (default: ./schemas)."""
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")
    for name, schema in generated().items():
        (folder / name).write_text(render(schema), encoding="utf-8")
        print(f"wrote {folder / name}")


if __name__ == "__main__":
    main()
