"""JUnit XML for CI test views: a testsuite per report, a testcase per requirement.

A must-requirement not met is a failure; not verified, not applicable and unmet should-
requirements are skipped with the reason. Characters XML cannot carry are replaced, so the
file parses with any strict XML parser whatever the vendor wrote.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from proccheck.i18n import _
from proccheck.model import Report, RunResult
from proccheck.vocabulary import outcome_word

_NOT_XML = re.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text with every character XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _suite(report: Report) -> ET.Element:
    lang = report.lang
    suite = ET.Element("testsuite")
    suite.set("name", xml_text(f"{report.kind}: {report.subject.path}"))
    failures = skipped = 0
    by_requirement: dict[str | None, list[str]] = {}
    for finding in report.findings:
        line = f"{finding.location.describe()}: {finding.check}: {finding.message}"
        if finding.evidence:
            line += f'\n  "{finding.evidence}"'
        if finding.fix:
            line += "\n  " + _(lang, "fix") + f": {finding.fix}"
        by_requirement.setdefault(finding.requirement, []).append(line)
    for result in report.results:
        case = ET.SubElement(suite, "testcase")
        case.set("classname", xml_text(f"{report.requirement_set.id}.{result.principle}"))
        case.set("name", xml_text(f"{result.requirement} [{result.level}] {result.title}"))
        case.set("time", "0")
        details = "\n".join(by_requirement.get(result.requirement, []))
        if result.outcome == "not_met" and result.level == "must":
            failures += 1
            failure = ET.SubElement(case, "failure")
            failure.set("message", xml_text(result.reason))
            failure.set("type", "not_met")
            failure.text = xml_text(details or result.reason)
        elif result.outcome != "met":
            skipped += 1
            skip = ET.SubElement(case, "skipped")
            skip.set("message", xml_text(f"{outcome_word(lang, result.outcome)}: {result.reason}"))
    suite.set("tests", str(len(report.results)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return suite


def render(run: RunResult) -> str:
    """The JUnit XML document."""
    root = ET.Element("testsuites")
    root.set("name", "proccheck")
    for report in run.reports:
        root.append(_suite(report))
    for problem in run.problems:
        suite = ET.SubElement(root, "testsuite")
        suite.set("name", xml_text(f"input: {problem.path}"))
        suite.set("tests", "1")
        suite.set("failures", "0")
        suite.set("errors", "1")
        case = ET.SubElement(suite, "testcase")
        case.set("classname", "proccheck.input")
        case.set("name", xml_text(problem.path))
        error = ET.SubElement(case, "error")
        error.set("message", xml_text(problem.message))
        error.text = xml_text(
            f"{problem.path}:{problem.where or ''}: {problem.message}\n{problem.hint or ''}"
        )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
