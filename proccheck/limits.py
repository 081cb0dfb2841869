"""Named limits that keep hostile input bounded in time and memory.

Each limit can be raised with an environment variable of the same name prefixed `PROCCHECK_`
(for example `PROCCHECK_MAX_INPUT_BYTES=200000000`) when a user has a real reason.
"""

from __future__ import annotations

import os


def _limit(name: str, default: int) -> int:
    raw = os.environ.get(f"PROCCHECK_{name}")
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        return default
    return value if value > 0 else default


MAX_INPUT_BYTES = _limit("MAX_INPUT_BYTES", 64 * 1024 * 1024)
"""Largest file or download read at all."""

MAX_DEPTH = _limit("MAX_DEPTH", 200)
"""Deepest nesting of mappings and sequences in YAML or JSON."""

MAX_YAML_NODES = _limit("MAX_YAML_NODES", 5_000_000)
"""Most nodes a YAML document may expand to once aliases are followed (alias bombs)."""

MAX_INT_DIGITS = _limit("MAX_INT_DIGITS", 100)
"""Longest integer literal accepted in YAML or JSON."""
