"""GitHub Actions workflow annotations: one `::error` / `::warning` / `::notice` line per finding,
shown on the file and line in a pull request.

Every value is escaped as the Actions toolkit does (`%`, CR and LF in the message; also `:` and
`,` in the properties) and a `::` inside vendor text is broken up, so a vendor cannot start a
workflow command of its own; control characters are removed first.
"""

from __future__ import annotations

from proccheck.model import Finding, RunResult
from proccheck.report.common import plain

_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}


def _data(text: str) -> str:
    text = plain(text, limit=2000).replace("::", ": :")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _line(finding: Finding) -> str:
    location = finding.location
    properties = [f"file={_property(location.path)}"]
    if location.line is not None:
        properties.append(f"line={location.line}")
    if location.end_line is not None:
        properties.append(f"endLine={location.end_line}")
    if isinstance(location.column, int):
        properties.append(f"col={location.column}")
    title = f"{finding.check} {finding.requirement}" if finding.requirement else finding.check
    properties.append(f"title={_property(title)}")
    message = finding.message
    if finding.fix:
        message += f"\n{finding.fix}"
    return f"::{_LEVEL.get(finding.severity, 'warning')} {','.join(properties)}::{_data(message)}"


def render(run: RunResult) -> str:
    """One annotation per finding, in report order; input problems as errors on their file."""
    lines = [_line(finding) for report in run.reports for finding in report.findings]
    for problem in run.problems:
        text = problem.message + (f"\n{problem.hint}" if problem.hint else "")
        lines.append(f"::error file={_property(problem.path)}::{_data(text)}")
    return "\n".join(lines) + ("\n" if lines else "")
