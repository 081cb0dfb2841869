"""proccheck: check procurement must-requirements on data ownership, open standards and open APIs.

The library face (proccheck/api.py), the report models and the error types are re-exported here
lazily, so `import proccheck` stays cheap for the CLI (bench/startup.py); the imports under
TYPE_CHECKING give type checkers the real types. `api.probe` is exported as `probe_api`, because
`proccheck.probe` is the subpackage (which replaces any attribute of that name once imported).

`__version__` below is the only place the version is written; pyproject.toml reads it from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from proccheck.api import (
        check_answers,
        check_spec,
        compare,
        load_requirement_set,
        probe_api,
        render,
        validate_set,
    )
    from proccheck.errors import (
        InputError,
        ProbeError,
        ProccheckError,
        RequirementSetError,
        UsageError,
    )
    from proccheck.model import (
        AnswerRule,
        Comparison,
        Cues,
        Finding,
        Lang,
        Level,
        Location,
        MatrixCell,
        MatrixRow,
        Outcome,
        Problem,
        Reference,
        Report,
        Requirement,
        RequirementResult,
        RequirementSet,
        RunResult,
        SetRef,
        Severity,
        Subject,
        Text,
        VendorSummary,
        Verification,
    )

__all__ = [
    "AnswerRule",
    "Comparison",
    "Cues",
    "Finding",
    "InputError",
    "Lang",
    "Level",
    "Location",
    "MatrixCell",
    "MatrixRow",
    "Outcome",
    "ProbeError",
    "Problem",
    "ProccheckError",
    "Reference",
    "Report",
    "Requirement",
    "RequirementResult",
    "RequirementSet",
    "RequirementSetError",
    "RunResult",
    "SetRef",
    "Severity",
    "Subject",
    "Text",
    "UsageError",
    "VendorSummary",
    "Verification",
    "__version__",
    "check_answers",
    "check_spec",
    "compare",
    "load_requirement_set",
    "probe_api",
    "render",
    "validate_set",
]

_API = (
    "check_answers",
    "check_spec",
    "compare",
    "load_requirement_set",
    "probe_api",
    "render",
    "validate_set",
)
_ERRORS = ("InputError", "ProbeError", "ProccheckError", "RequirementSetError", "UsageError")
_LAZY = {
    name: "proccheck.api"
    if name in _API
    else "proccheck.errors"
    if name in _ERRORS
    else "proccheck.model"
    for name in __all__
    if name != "__version__"
}
"""Where each exported name lives (the rest are models); imported on first use."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # imported once
        return value
    raise AttributeError(f"module 'proccheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
