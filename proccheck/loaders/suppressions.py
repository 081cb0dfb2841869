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

_OPENING = re.compile(r"<!--\s*proccheck\s*:", re.IGNORECASE)
_SCOPE = re.compile(r"(ignore-file|ignore)\b", re.IGNORECASE)
_CODES = re.compile(r"[A-Za-z0-9_,\s]*")
_CODE = re.compile(r"[A-Z]{1,4}\d{0,3}")
_EXAMPLE = "<!-- proccheck: ignore SP004 -- the brand is named only as an example -->"


def read_suppressions(lines: list[str], display: str) -> tuple[list[str], tuple[Suppression, ...]]:
    """The lines with proccheck comments blanked, and the suppressions they hold."""
    found: list[Suppression] = []
    kept = list(lines)
    for index, line in enumerate(lines):
        if "proccheck" not in line.lower():
            continue
        comments = _comments(line)
        if not comments:
            continue
        kept[index] = _without(line, comments)
        for _start, _end, body in comments:
            found.append(_suppression(body, display, index + 1, lines, index, kept[index]))
    return kept, tuple(found)


def _comments(line: str) -> list[tuple[int, int, str]]:
    """Each `<!-- proccheck: … -->` of a line: where it starts and ends, and its body (spaces
    around it removed). Found by plain searches, each character looked at a bounded number of
    times: a regular expression with a lazy body between optional spaces took minutes on a
    line of a few thousand spaces."""
    found = []
    position = 0
    while (opening := _OPENING.search(line, position)) is not None:
        close = line.find("-->", opening.end())
        if close < 0:
            break  # no later comment can be closed either
        found.append((opening.start(), close + 3, line[opening.end() : close].strip()))
        position = close + 3
    return found


def _without(line: str, comments: list[tuple[int, int, str]]) -> str:
    pieces, position = [], 0
    for start, end, _body in comments:
        pieces.append(line[position:start])
        position = end
    return "".join(pieces) + line[position:]


def _parse(body: str) -> tuple[str, str, str] | None:
    """Scope, codes and reason of a comment's body ("ignore SP004, SP005 -- why"), or None."""
    scope = _SCOPE.match(body)
    if scope is None:
        return None
    codes, _dashes, reason = body[scope.end() :].partition("--")
    if _CODES.fullmatch(codes) is None:
        return None
    return scope.group(1), codes, reason


def _suppression(
    body: str, display: str, number: int, lines: list[str], index: int, rest: str
) -> Suppression:
    """The suppression of one comment on line `number`; `rest` is that line without its
    proccheck comments."""
    parsed = _parse(body)
    codes = tuple(c.upper() for c in re.split(r"[\s,]+", parsed[1]) if c) if parsed else ()
    if parsed is None or not codes or not all(_CODE.fullmatch(c) for c in codes):
        raise InputError(
            tr("this proccheck comment is not a suppression proccheck understands"),
            path=display,
            where=str(number),
            hint=tr("write it as {example}", example=_EXAMPLE),
        )
    reason = parsed[2].strip()
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
    if parsed[0].lower() == "ignore-file":
        return Suppression(**common)
    if rest.strip():  # at the end of a line of text: that line
        return Suppression(**common, first=number, last=number)
    first = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
    if first is None:
        return Suppression(**common, first=number, last=number)
    last = next((i for i in range(first + 1, len(lines)) if not lines[i].strip()), len(lines))
    return Suppression(**common, first=first + 1, last=last)
