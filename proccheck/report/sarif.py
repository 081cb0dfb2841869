"""SARIF 2.1.0 for code-scanning services (GitHub code scanning accepts this shape).

Rules come from the checks' own documentation; every result has a physical location (line 1
when nothing finer is known); fingerprints are stable and contain no line numbers.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from proccheck import __version__
from proccheck.checks import Check, all_checks
from proccheck.model import Finding, RunResult
from proccheck.report.common import plain

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_INFO_URI = "https://github.com/proccheck/proccheck"


def level(finding: Finding) -> str:
    """must -> error, should -> warning, not verified (either level) -> note."""
    if finding.outcome == "not_verified" or finding.severity == "note":
        return "note"
    return "error" if finding.severity == "error" else "warning"


def fingerprint(finding: Finding) -> str:
    """Stable across runs and line shifts: what was found, in which file, about what text."""
    loc = finding.location
    parts = [
        finding.check,
        finding.requirement or "",
        loc.path,
        loc.sheet or "",
        loc.pointer or "",
        " ".join((finding.evidence or "").split()),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _rule(check: Check) -> dict[str, Any]:
    sections = check.sections()
    return {
        "id": check.code,
        "name": "".join(part.capitalize() for part in check.name.split("-")),
        "shortDescription": {"text": check.title.en},
        "fullDescription": {"text": sections.get("What it checks", check.title.en)},
        "help": {"text": check.doc(), "markdown": _help_markdown(check)},
        "defaultConfiguration": {"level": check.severity},
        "properties": {"tags": [check.kind, "procurement"], "problem.name": check.name},
    }


def _help_markdown(check: Check) -> str:
    return "\n\n".join(f"**{name}**\n\n{text}" for name, text in check.sections().items())


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    loc = finding.location
    region: dict[str, Any] = {"startLine": loc.line or loc.row or 1}
    if isinstance(loc.column, int) and loc.line:
        region["startColumn"] = loc.column
    message = plain(finding.message, 2000)
    if finding.fix:
        message += f" Fix: {plain(finding.fix, 1000)}"
    result: dict[str, Any] = {
        "ruleId": finding.check,
        "ruleIndex": rule_index,
        "level": level(finding),
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": loc.path.replace("\\", "/")},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"proccheckFinding/v1": fingerprint(finding)},
        "properties": {"outcome": finding.outcome},
    }
    if finding.requirement:
        result["properties"]["requirement"] = finding.requirement
    details = {
        k: v
        for k, v in (("pointer", loc.pointer), ("sheet", loc.sheet), ("element", loc.element))
        if v
    }
    if details:
        result["properties"].update(details)
    if finding.evidence:
        region["snippet"] = {"text": plain(finding.evidence, 1000)}
    return result


def document(run: RunResult) -> dict[str, Any]:
    """The SARIF log as data."""
    checks = all_checks()
    used = sorted({f.check for report in run.reports for f in report.findings})
    rules = [_rule(checks[code]) for code in used if code in checks]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [
        _result(finding, index.get(finding.check, -1))
        for report in run.reports
        for finding in report.findings
    ]
    notifications = [
        {
            "level": "error",
            "message": {"text": plain(f"{p.message}" + (f" ({p.hint})" if p.hint else ""), 2000)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": p.path or "unknown"}}}],
        }
        for p in run.problems
    ]
    run_data: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "proccheck",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": _INFO_URI,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if notifications:
        run_data["invocations"] = [
            {"executionSuccessful": False, "toolExecutionNotifications": notifications}
        ]
    return {"version": "2.1.0", "$schema": SARIF_SCHEMA, "runs": [run_data]}


def render(run: RunResult) -> str:
    """SARIF JSON text."""
    return json.dumps(document(run), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
