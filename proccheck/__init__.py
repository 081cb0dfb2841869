"""proccheck: check procurement must-requirements on data ownership, open standards and open APIs.

The stable library API is re-exported here lazily, so `import proccheck` stays cheap for the CLI.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "Finding",
    "InputError",
    "ProccheckError",
    "Report",
    "RequirementSet",
    "RunResult",
    "__version__",
    "load_requirement_set",
    "validate_set",
]

_LAZY = {
    "load_requirement_set": "proccheck.requirements",
    "validate_set": "proccheck.engine",
    "Finding": "proccheck.model",
    "Report": "proccheck.model",
    "RequirementSet": "proccheck.model",
    "RunResult": "proccheck.model",
    "ProccheckError": "proccheck.errors",
    "InputError": "proccheck.errors",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'proccheck' has no attribute {name!r}")
