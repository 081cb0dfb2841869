"""GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array with one issue per
finding, so a merge request shows which findings are new and which are fixed.

The fields are those GitLab documents for the format (a subset of the Code Climate issue
spec): description, check_name, fingerprint, severity, location.path and location.lines
(begin, and end where a finding's text spans lines).
The fingerprint is the one the baseline and the decision file use (line numbers left out), so
a finding keeps its identity when text is inserted above it; two findings that would share one
get the second an occurrence suffix, because GitLab keys issues by it.
"""

from __future__ import annotations

import hashlib

from proccheck.decisionformat import fingerprint
from proccheck.model import Finding, Location, RunResult
from proccheck.report.common import json_text, plain

_SEVERITY = {"error": "critical", "warning": "minor", "note": "info"}


def _lines(location: Location) -> dict[str, int]:
    """GitLab's begin line, and the end line of a finding whose text wraps."""
    lines = {"begin": max(location.line or 1, 1)}
    if location.end_line is not None:
        lines["end"] = location.end_line
    return lines


def _issue(finding: Finding, key: str) -> dict[str, object]:
    description = finding.message
    if finding.requirement and not description.startswith(finding.requirement):
        description = f"{finding.requirement}: {description}"
    return {
        "description": plain(description, limit=2000),
        "check_name": finding.check,
        "fingerprint": key,
        "severity": _SEVERITY.get(finding.severity, "minor"),
        "location": {
            "path": finding.location.path,
            "lines": _lines(finding.location),
        },
    }


def render(run: RunResult) -> str:
    """The findings of every report, in report order; input problems as blocker issues."""
    issues: list[dict[str, object]] = []
    for report in run.reports:
        issues.extend(_issue(finding, fingerprint(finding)) for finding in report.findings)
    for problem in run.problems:
        text = problem.message + (f" ({problem.hint})" if problem.hint else "")
        key = hashlib.sha256(f"problem\x1f{problem.path}\x1f{text}".encode()).hexdigest()[:32]
        issues.append(
            {
                "description": plain(text, limit=2000),
                "check_name": "input-error",
                "fingerprint": key,
                "severity": "blocker",
                "location": {"path": problem.path, "lines": {"begin": 1}},
            }
        )
    seen: dict[str, int] = {}
    for issue in issues:  # GitLab keys issues by fingerprint: a repeat gets a numbered one
        given = str(issue["fingerprint"])
        seen[given] = seen.get(given, 0) + 1
        if seen[given] > 1:
            numbered = f"{given}:{seen[given]}".encode()
            issue["fingerprint"] = hashlib.sha256(numbered).hexdigest()[:32]
    return json_text(issues)
