"""The JSON report: the contract other tools and proccheck's own tests rely on.

Its shape is `ReportDocument`; `schemas/report.schema.json` is generated from that model and a
test fails when the two drift.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from proccheck import __version__
from proccheck.model import Problem, Report, RunResult
from proccheck.report.common import json_text

SCHEMA_VERSION = "1.0"


class Tool(BaseModel):
    """The program that made the report."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    version: str


class ReportDocument(BaseModel):
    """A proccheck JSON report: every report of one run, and the inputs that could not be read."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="proccheck report")
    schema_version: str
    tool: Tool
    reports: tuple[Report, ...]
    problems: tuple[Problem, ...]


def document(run: RunResult) -> dict[str, Any]:
    """The report as plain JSON-ready data (None-valued optional fields left out)."""
    doc = ReportDocument(
        schema_version=SCHEMA_VERSION,
        tool=Tool(name="proccheck", version=__version__),
        reports=run.reports,
        problems=run.problems,
    )
    data = doc.model_dump(mode="json", exclude_none=True)
    for report in data["reports"]:
        for finding in report["findings"]:
            finding.setdefault("requirement", None)  # part of the contract: id or null
    return data


def render(run: RunResult) -> str:
    """Indented, key-ordered as in the model, UTF-8 text (no ASCII escaping)."""
    return json_text(document(run))
