"""Text made safe to show: vendor text is hostile, so every report and reason goes through here."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
MAX_QUOTE = 500


def plain(text: str, limit: int = MAX_QUOTE) -> str:
    """Vendor text made inert for a terminal or log: no control bytes (ESC, BEL, CR), no `::`
    workflow commands at line start, and long quotes shortened."""
    cleaned = _CONTROL.sub(" ", text.replace("\r\n", "\n"))
    cleaned = re.sub(r"(?m)^(\s*)::", r"\1: :", cleaned)
    if len(cleaned) > limit:
        cleaned = cleaned[:limit] + "…"
    return cleaned


def one_line(text: str, limit: int = MAX_QUOTE) -> str:
    """`plain`, on a single line."""
    return " ".join(plain(text, limit).split())
