"""What "inert output" means, as assertions shared by the corpus test and the fuzz tests.

Each function raises AssertionError with the offending piece when an output could do something
its reader did not ask for: run script, follow a link, drive a terminal, inject a CI command,
start a spreadsheet formula, or fail to parse.
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

SARIF_SCHEMA = Path(__file__).resolve().parent.parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
TERMINAL_BYTES = re.compile(r"[\x1b\x07\x9b\x9d]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")

# Every tag and attribute the HTML formatters write themselves; anything else came from input.
HTML_TAGS = frozenset(
    [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "h3",
        "p",
        "span",
        "strong",
        "em",
        "small",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "section",
        "div",
        "blockquote",
        "ul",
        "li",
    ]
)
HTML_ATTRS = frozenset({"lang", "charset", "name", "content", "http-equiv", "class", "id"})


def _no_constant(name: str) -> Any:
    raise AssertionError(f"JSON output contains {name}")


def check_console(text: str, what: str = "text") -> None:
    """No ESC/BEL/CSI/OSC bytes and no line that a CI runner reads as a workflow command."""
    found = TERMINAL_BYTES.search(text)
    assert found is None, (
        f"{what}: terminal control {found.group(0)!r} in {text[max(found.start() - 40, 0) : found.end() + 40]!r}"
    )
    for line in re.split(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", text):
        assert not line.lstrip().startswith("::"), f"{what}: workflow command line {line[:120]!r}"


def check_json(text: str) -> Any:
    text.encode("utf-8")  # no lone surrogates
    return json.loads(text, parse_constant=_no_constant)


@cache
def _sarif_validator() -> Any:
    import jsonschema

    return jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def check_sarif(text: str) -> None:
    _sarif_validator().validate(check_json(text))


def check_junit(text: str) -> None:
    try:
        from defusedxml.ElementTree import fromstring
    except ImportError:  # pragma: no cover
        from xml.etree.ElementTree import fromstring
    root = fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name not in HTML_ATTRS:  # no href/src/on*: nothing an attribute value could run
                self.bad.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        self.bad.append(f"<!--{data[:40]}-->")

    def handle_pi(self, data: str) -> None:
        self.bad.append(f"<?{data[:40]}>")


def check_html(text: str) -> None:
    assert "<script" not in text.lower(), "HTML contains <script"
    parser = _Tags()
    parser.feed(text)
    parser.close()
    assert not parser.bad, f"HTML has markup from input: {parser.bad[:5]}"
    check_console(text, "html")


_MD_RAW_TAG = re.compile(r"(?<!\\)<[A-Za-z!/?]")
_MD_LINK = re.compile(
    r"(?<!\\)\]\(|(?<!\\)!\[|(?i:javascript:)|(?i:\b(?:https?|ftp)://)|(?i:\bwww\.)"
)


def check_markdown(text: str) -> None:
    found = _MD_RAW_TAG.search(text) or _MD_LINK.search(text)
    assert found is None, (
        f"Markdown markup from input: {text[max(found.start() - 40, 0) : found.end() + 40]!r}"
    )
    check_console(text, "markdown")


def check_cells(cells: list[str], what: str) -> None:
    for cell in cells:
        assert not cell.startswith(FORMULA_START), f"{what}: live cell {cell[:60]!r}"
        check_console(cell, what)


def check_csv(text: str) -> None:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=";"))
    check_cells([cell for row in rows for cell in row], "csv")


def check_xlsx(data: bytes) -> None:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"xlsx formula at {sheet.title}!{cell.coordinate}"
                if isinstance(cell.value, str):
                    check_cells([cell.value], f"xlsx {sheet.title}!{cell.coordinate}")


def check_github(text: str) -> None:
    """One workflow command a line, each with its data escaped: no vendor text can start a
    command of its own or carry a `::` that a runner could read as one."""
    check_console(text.replace("\n::", "\n").removeprefix("::"), "github")
    for line in text.splitlines():
        assert line.startswith(("::error ", "::warning ", "::notice ")), line[:80]
        head, _, data = line.partition("::")[2].partition("::")
        assert "::" not in data and "\r" not in data, line[:80]
        assert "::" not in head, line[:80]


GITLAB_SCHEMA = Path(__file__).resolve().parent.parent / "data" / "gitlab-codeclimate.schema.json"


def check_gitlab(text: str) -> None:
    """A JSON array of Code Quality issues, each valid for GitLab's validator, with unique
    fingerprints and descriptions free of terminal control bytes."""
    import jsonschema

    issues = check_json(text)
    assert isinstance(issues, list)
    schema = json.loads(GITLAB_SCHEMA.read_text(encoding="utf-8"))
    for issue in issues:
        jsonschema.validate(issue, schema)
        check_console(issue["description"], "gitlab description")
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


CHECKS = {
    "github": check_github,
    "gitlab": check_gitlab,
    "text": check_console,
    "json": check_json,
    "sarif": check_sarif,
    "junit": check_junit,
    "markdown": check_markdown,
    "html": check_html,
}
"""Format name -> assertion on the rendered text."""
