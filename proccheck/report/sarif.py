"""SARIF 2.1.0 for code-scanning services (GitHub code scanning accepts this shape).

Rules come from the checks' own documentation; every result has a physical location (line 1
when nothing finer is known); fingerprints are stable and contain no line numbers.

Artifact URIs are valid wherever the file is: a path inside the working tree is a relative,
percent-encoded URI against `%SRCROOT%` (which `originalUriBaseIds` defines as the working
directory when the caller gives it as `root`), a path outside it an absolute `file://` URI, and
a URL (a probed http(s) description) stays as it is.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote, urlsplit

from proccheck import __version__
from proccheck.checks import Check, all_checks
from proccheck.decisionformat import fingerprint
from proccheck.model import Finding, RunResult, SetAside
from proccheck.report.common import json_text, plain

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_INFO_URI = "https://github.com/proccheck/proccheck"
SRCROOT = "%SRCROOT%"
"""The uriBaseId of every path inside the working tree."""
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_DRIVE = re.compile(r"[A-Za-z]:[\\/]")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SUB_DELIMS = "!$&'()*+,;="
_PCHAR = _SUB_DELIMS + ":@%"  # with the unreserved characters quote() always keeps


def artifact_location(path: str, root: PurePath | None = None) -> dict[str, str]:
    """The SARIF artifactLocation of a location's path (as the loaders show it: relative to the
    working directory when inside it, else as given). `root` is the working directory: with
    it, a relative path that leads outside (`../x.md`) becomes an absolute `file://` URI too."""
    if _SCHEME.match(path):
        return {"uri": url_uri(path)}  # a URL the user gave (probe)
    if path.startswith("<") and path.endswith(">"):
        return {"uri": quote(path, safe="")}  # <stdin>: no file to point at
    windows = bool(_DRIVE.match(path)) or path.startswith("\\\\")
    posix = path.replace("\\", "/")
    if windows:
        return {"uri": PureWindowsPath(path).as_uri()}
    if posix.startswith("/"):
        return {"uri": PurePosixPath(posixpath.normpath(posix)).as_uri()}
    relative = posixpath.normpath(posix)
    if relative == ".." or relative.startswith("../"):
        if root is None:  # cannot say where: a relative reference is still correct
            return {"uri": quote(relative), "uriBaseId": SRCROOT}
        absolute = posixpath.normpath(posixpath.join(root.as_posix(), relative))
        full = (
            PureWindowsPath(absolute)
            if isinstance(root, PureWindowsPath)
            else PurePosixPath(absolute)
        )
        return {"uri": full.as_uri()}
    return {"uri": quote(relative), "uriBaseId": SRCROOT}


def url_uri(url: str) -> str:
    """A URL as a valid URI (RFC 3986): characters a URI cannot hold (spaces, a second `#`,
    non-ASCII, a `%` that starts no escape) percent-encoded, existing escapes and the URL's
    structure kept, so a URL that already is a URI stays as it is."""
    url = _LONE_PERCENT.sub("%25", url)
    try:
        scheme, netloc, path, query, fragment = urlsplit(url)
    except ValueError:  # "http://[x]/": a bracketed host that is no IP address
        return quote(url, safe=_PCHAR + "/?")
    uri = f"{scheme}://{quote(netloc, safe=_SUB_DELIMS + ':@[]%')}{quote(path, safe=_PCHAR + '/')}"
    if "?" in url.partition("#")[0]:  # an empty query or fragment is kept as written
        uri += "?" + quote(query, safe=_PCHAR + "/?")
    if "#" in url:
        uri += "#" + quote(fragment, safe=_PCHAR + "/?")
    return uri


def message_text(text: str) -> str:
    """Text for a SARIF message string: `{` and `}` doubled, as SARIF 2.1.0 §3.11.5 requires
    outside placeholders, so vendor text such as `{0}` is shown, not substituted."""
    return text.replace("{", "{{").replace("}", "}}")


def root_uri(root: PurePath) -> str:
    """The working directory as a `file://` URI ending in `/`, as SARIF wants a base URI."""
    uri = root.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def level(finding: Finding) -> str:
    """must -> error, should -> warning, not verified (either level) -> note."""
    if finding.outcome == "not_verified" or finding.severity == "note":
        return "note"
    return "error" if finding.severity == "error" else "warning"


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


def _result(finding: Finding, rule_index: int, root: PurePath | None) -> dict[str, Any]:
    loc = finding.location
    region: dict[str, Any] = {"startLine": loc.line or loc.row or 1}
    if isinstance(loc.column, int) and loc.line:
        region["startColumn"] = loc.column
    if loc.end_line is not None:
        region["endLine"] = loc.end_line
    message = plain(finding.message, 2000)
    if finding.fix:
        message += f" Fix: {plain(finding.fix, 1000)}"
    result: dict[str, Any] = {
        "ruleId": finding.check,
        "ruleIndex": rule_index,
        "level": level(finding),
        "message": {"text": message_text(message)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(loc.path, root),
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"proccheckFinding/v1": fingerprint(finding)},
        "properties": {"outcome": finding.outcome},
    }
    if finding.requirement:
        result["properties"]["requirement"] = finding.requirement
    details: dict[str, str | int] = {
        k: v
        for k, v in (
            ("pointer", loc.pointer),
            ("sheet", loc.sheet),
            ("element", loc.element),
            ("page", loc.page),  # a PDF: startLine counts the lines of this page
        )
        if v
    }
    if details:
        result["properties"].update(details)
    if finding.evidence:
        region["snippet"] = {"text": plain(finding.evidence, 1000)}
    return result


def document(run: RunResult, root: PurePath | None = None) -> dict[str, Any]:
    """The SARIF log as data; `root` is the working directory the paths are relative to
    (absolute), given by the caller so this stays free of I/O."""
    checks = all_checks()
    found = [f for report in run.reports for f in report.findings]
    aside = [a for report in run.reports for a in report.set_aside]
    used = sorted({f.check for f in found} | {a.finding.check for a in aside})
    rules = [_rule(checks[code]) for code in used if code in checks]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [_result(finding, index.get(finding.check, -1), root) for finding in found]
    for item in aside:  # shown as suppressed, so code scanning closes them rather than losing them
        result = _result(item.finding, index.get(item.finding.check, -1), root)
        result["suppressions"] = [_suppression(item)]
        results.append(result)
    notifications = []
    for problem in run.problems:
        text = problem.message + (f" ({problem.hint})" if problem.hint else "")
        notification: dict[str, Any] = {
            "level": "error",
            "message": {"text": message_text(plain(text, 2000))},
        }
        if problem.path:
            where = artifact_location(problem.path, root)
            notification["locations"] = [{"physicalLocation": {"artifactLocation": where}}]
        notifications.append(notification)
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
        # the category code scanning keeps apart: a spec check does not replace a probe's results
        "automationDetails": {"id": _category(run)},
        "results": results,
    }
    if root is not None:
        run_data["originalUriBaseIds"] = {SRCROOT: {"uri": root_uri(root)}}
    if notifications:
        run_data["invocations"] = [
            {"executionSuccessful": False, "toolExecutionNotifications": notifications}
        ]
    return {"version": "2.1.0", "$schema": SARIF_SCHEMA, "runs": [run_data]}


def _suppression(item: SetAside) -> dict[str, Any]:
    """SARIF §3.35: an inline comment is `inSource`; a configuration, baseline or decision file
    is `external`; the reason or motivation is the justification."""
    suppression: dict[str, Any] = {
        "kind": "inSource" if item.why == "suppressed" else "external",
        "status": "accepted",
        "properties": {"proccheck": item.why},
    }
    if item.note:
        suppression["justification"] = plain(item.note, 1000)
    return suppression


def _category(run: RunResult) -> str:
    """`proccheck/spec/`: the command's kinds, ending in `/` (SARIF 2.1.0 §3.17.4: a category
    without a run id)."""
    kinds: list[str] = sorted({report.kind for report in run.reports}) or ["run"]
    return f"proccheck/{'-'.join(kinds)}/"


def render(run: RunResult, root: PurePath | None = None) -> str:
    """SARIF JSON text (`root`: see `document`)."""
    return json_text(document(run, root))
