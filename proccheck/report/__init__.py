"""Formatter registry: each format is a module with a pure `render(run) -> str`.

No formatter does I/O or reads a clock, so the same run always renders to the same bytes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol

from proccheck.model import RunResult

FORMATS: dict[str, str] = {
    "text": "proccheck.report.text",
    "json": "proccheck.report.json_format",
    "sarif": "proccheck.report.sarif",
    "junit": "proccheck.report.junit",
    "markdown": "proccheck.report.markdown",
    "html": "proccheck.report.html",
    "github": "proccheck.report.github",
    "gitlab": "proccheck.report.gitlab",
}
"""Format name -> module; a module is imported only when its format is asked for."""

SUFFIXES = {
    "text": ".txt",
    "json": ".json",
    "sarif": ".sarif",
    "junit": ".xml",
    "markdown": ".md",
    "html": ".html",
    "github": ".github.txt",
    "gitlab": ".codequality.json",
}


class _Formatter(Protocol):
    def render(self, run: RunResult) -> str: ...


def get_renderer(name: str) -> Callable[[RunResult], str]:
    """The `render` function of format `name` (KeyError when unknown)."""
    module: _Formatter = importlib.import_module(FORMATS[name])
    return module.render
