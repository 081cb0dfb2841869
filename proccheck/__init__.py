"""proccheck: check procurement must-requirements on data ownership, open standards and open APIs.

The library face (proccheck/api.py), the report models and the error types are re-exported here
lazily, so `import proccheck` stays cheap for the CLI (bench/startup.py); the imports under
TYPE_CHECKING give type checkers the real types.

`__version__` below is the only place the version is written; pyproject.toml reads it from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from proccheck.api import Probed as Probed
    from proccheck.api import check_answers as check_answers
    from proccheck.api import check_spec as check_spec
    from proccheck.api import compare as compare
    from proccheck.api import init_set as init_set
    from proccheck.api import input_files as input_files
    from proccheck.api import load_requirement_set as load_requirement_set
    from proccheck.api import probe as probe
    from proccheck.api import probe_detailed as probe_detailed
    from proccheck.api import render as render
    from proccheck.api import screened as screened
    from proccheck.api import validate_set as validate_set
    from proccheck.api import write_baseline as write_baseline
    from proccheck.errors import InputError as InputError
    from proccheck.errors import ProbeError as ProbeError
    from proccheck.errors import ProccheckError as ProccheckError
    from proccheck.errors import RequirementSetError as RequirementSetError
    from proccheck.errors import UsageError as UsageError
    from proccheck.model import AnswerRule as AnswerRule
    from proccheck.model import Comparison as Comparison
    from proccheck.model import Cues as Cues
    from proccheck.model import DimensionScore as DimensionScore
    from proccheck.model import Finding as Finding
    from proccheck.model import Lang as Lang
    from proccheck.model import Level as Level
    from proccheck.model import Location as Location
    from proccheck.model import MatrixCell as MatrixCell
    from proccheck.model import MatrixRow as MatrixRow
    from proccheck.model import Outcome as Outcome
    from proccheck.model import Problem as Problem
    from proccheck.model import Reference as Reference
    from proccheck.model import Report as Report
    from proccheck.model import Requirement as Requirement
    from proccheck.model import RequirementResult as RequirementResult
    from proccheck.model import RequirementSet as RequirementSet
    from proccheck.model import RunResult as RunResult
    from proccheck.model import SetAside as SetAside
    from proccheck.model import SetRef as SetRef
    from proccheck.model import Severity as Severity
    from proccheck.model import Subject as Subject
    from proccheck.model import Text as Text
    from proccheck.model import VendorSummary as VendorSummary
    from proccheck.model import Verification as Verification

_EXPORTS: dict[str, tuple[str, ...]] = {
    "proccheck.api": (
        "Probed",
        "check_answers",
        "check_spec",
        "compare",
        "init_set",
        "input_files",
        "load_requirement_set",
        "probe",
        "probe_detailed",
        "render",
        "screened",
        "validate_set",
        "write_baseline",
    ),
    "proccheck.errors": (
        "InputError",
        "ProbeError",
        "ProccheckError",
        "RequirementSetError",
        "UsageError",
    ),
    "proccheck.model": (
        "AnswerRule",
        "Comparison",
        "Cues",
        "DimensionScore",
        "Finding",
        "Lang",
        "Level",
        "Location",
        "MatrixCell",
        "MatrixRow",
        "Outcome",
        "Problem",
        "Reference",
        "Report",
        "Requirement",
        "RequirementResult",
        "RequirementSet",
        "RunResult",
        "SetAside",
        "SetRef",
        "Severity",
        "Subject",
        "Text",
        "VendorSummary",
        "Verification",
    ),
}
"""Every name the package exports, by the module it lives in: `__all__`, the lazy imports and
`proccheck.api.__all__` are made from it. Type checkers cannot read a table, so the imports under
TYPE_CHECKING above name the same (tests/test_api.py keeps the two equal)."""

_LAZY = {name: module for module, names in _EXPORTS.items() for name in names}
"""Where each exported name lives; imported on first use."""

__all__ = sorted(["__version__", *_LAZY])


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # imported once
        return value
    raise AttributeError(f"module 'proccheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
