"""Inline suppressions in text specifications, as linters have them.

`<!-- proccheck: ignore SP004 -- why -->` on a line of its own silences those codes on the
paragraph below it (up to the next blank line); at the end of a line, on that line;
`<!-- proccheck: ignore-file SP001 -- why -->` in the whole file. Codes may be prefixes (`SP`),
separated by commas or spaces. A suppression must say why: without a reason it is an error,
so every silenced finding in the evaluation record has a motivation. The comment lines are
blanked (their numbers kept) before the text is split into requirements.
"""

from __future__ import annotations

import re

from proccheck.errors import InputError
from proccheck.i18n import tr
from proccheck.model import Suppression

_COMMENT = re.compile(r"<!--\s*proccheck\s*:\s*(?P<body>.*?)\s*-->", re.IGNORECASE)
_BODY = re.compile(
    r"(?P<scope>ignore-file|ignore)\b\s*(?P<codes>[A-Za-z0-9_,\s]*?)\s*(?:--\s*(?P<reason>.*))?$",
    re.IGNORECASE,
)
_CODE = re.compile(r"[A-Z]{1,4}\d{0,3}")
_EXAMPLE = "<!-- proccheck: ignore SP004 -- the brand is named only as an example -->"


def read_suppressions(lines: list[str], display: str) -> tuple[list[str], tuple[Suppression, ...]]:
    """The lines with proccheck comments blanked, and the suppressions they hold."""
    found: list[Suppression] = []
    kept = list(lines)
    for index, line in enumerate(lines):
        if "proccheck" not in line.lower():
            continue
        matches = list(_COMMENT.finditer(line))
        if not matches:
            continue
        number = index + 1
        for match in matches:
            found.append(_suppression(match.group("body"), display, number, lines, index, line))
        kept[index] = _COMMENT.sub("", line)
    return kept, tuple(found)


def _suppression(
    body: str, display: str, number: int, lines: list[str], index: int, line: str
) -> Suppression:
    parsed = _BODY.match(body)
    codes = (
        tuple(c.upper() for c in re.split(r"[\s,]+", parsed.group("codes")) if c) if parsed else ()
    )
    if parsed is None or not codes or not all(_CODE.fullmatch(c) for c in codes):
        raise InputError(
            tr("this proccheck comment is not a suppression proccheck understands"),
            path=display,
            where=str(number),
            hint=tr("write it as {example}", example=_EXAMPLE),
        )
    reason = (parsed.group("reason") or "").strip()
    if not reason:
        raise InputError(
            tr(
                "a suppression must say why: {codes} is silenced without a reason",
                codes=", ".join(codes),
            ),
            path=display,
            where=str(number),
            hint=tr("add the reason after two dashes: {example}", example=_EXAMPLE),
        )
    common = {"path": display, "line": number, "codes": codes, "reason": reason}
    if parsed.group("scope").lower() == "ignore-file":
        return Suppression(**common)
    if _COMMENT.sub("", line).strip():  # at the end of a line of text: that line
        return Suppression(**common, first=number, last=number)
    first = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
    if first is None:
        return Suppression(**common, first=number, last=number)
    last = next((i for i in range(first + 1, len(lines)) if not lines[i].strip()), len(lines))
    return Suppression(**common, first=first + 1, last=last)
