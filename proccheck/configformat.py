"""The configuration file format (`schemas/config.schema.json` is generated from `ConfigFile`).

The same keys are read from `.proccheck.yaml`, from `proccheck.toml` and from the
`[tool.proccheck]` table of `pyproject.toml`; `proccheck.config` finds the file and merges it
with the command line.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from proccheck.model import Lang, PathText

FailOn = Literal["must", "should", "never"]


class ConfigFile(BaseModel):
    """Defaults for proccheck's commands, for a repository or a folder of tender documents.
    A value given on the command line wins over the file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    set: PathText | None = Field(
        default=None,
        min_length=1,
        description="Requirement set for spec check and answers check: builtin:NAME or a path "
        "(relative to the configuration file).",
        examples=["builtin:open-baseline", "krav/min-kommun.yaml"],
    )
    lang: Lang | None = Field(default=None, description="Language of reports and messages.")
    fail_on: FailOn | None = Field(
        default=None,
        alias="fail-on",
        description="Which level of unmet requirement makes the exit code 1.",
    )
    strict: bool | None = Field(
        default=None, description="Also fail (exit 1) on requirements that could not be verified."
    )
    format: tuple[PathText, ...] | None = Field(
        default=None,
        description="Output formats, as with -f: FMT or FMT:PATH (paths relative to the "
        "configuration file's folder, and inside it).",
        examples=[["text", "sarif:proccheck.sarif"]],
    )
    quiet: bool | None = Field(default=None, description="Do not list the files written on stderr.")
    select: tuple[str, ...] | None = Field(
        default=None,
        description="Run only the checks whose codes start with one of these (as --select).",
        examples=[["SP"], ["SP001", "SP003"]],
    )
    ignore: tuple[str, ...] | None = Field(
        default=None,
        description="Do not run the checks whose codes start with one of these (as --ignore); "
        "their requirements are then at best not verified.",
        examples=[["SP004"]],
    )
    per_file_ignores: dict[str, tuple[str, ...]] | None = Field(
        default=None,
        alias="per-file-ignores",
        description="Check codes (or prefixes) set aside in the files matching a glob pattern "
        "(relative to the working directory); their requirements are then at best not verified.",
        examples=[{"krav/utkast-*.md": ["SP004", "SP005"]}],
    )
    baseline: PathText | None = Field(
        default=None,
        min_length=1,
        description="Baseline file (as --baseline), relative to the configuration file.",
        examples=["proccheck-baseline.yaml"],
    )
    include: tuple[str, ...] | None = Field(
        default=None,
        description="For a folder given as an argument: the files to check, as glob patterns "
        "relative to the folder (default: the documents proccheck reads for the command).",
        examples=[["**/*.md", "**/*.docx"]],
    )
    exclude: tuple[str, ...] | None = Field(
        default=None,
        description="Files left out of folders and patterns given as arguments (glob patterns).",
        examples=[["arkiv/**", "**/utkast-*"]],
    )
    jobs: int | None = Field(
        default=None, ge=1, le=64, description="Files checked at a time (as -j)."
    )
    limits: dict[str, int] | None = Field(
        default=None,
        description="Raise or lower input limits (keys as max-input-bytes, max-rows, "
        "max-pdf-pages…; see proccheck/limits.py); a PROCCHECK_MAX_… environment variable "
        "still wins.",
        examples=[{"max-input-bytes": 200000000, "max-pdf-pages": 5000}],
    )
    color: Literal["auto", "always", "never"] | None = Field(
        default=None, description="Colour in the text report (as --color)."
    )

    @field_validator("jobs", mode="before")
    @classmethod
    def _not_true_or_false(cls, value: object) -> object:
        """`jobs: true` is no number of files (pydantic would read it as 1)."""
        if isinstance(value, bool):
            raise PydanticCustomError("int_type", "not a whole number")
        return value

    @field_validator("limits")
    @classmethod
    def _known_limits(cls, value: dict[str, int] | None) -> dict[str, int] | None:
        """Every key a limit proccheck has, every value a positive number."""
        from proccheck import limits

        for key, number in (value or {}).items():
            if key not in limits.names():
                raise ValueError(f"unknown limit {key!r}; known: {', '.join(limits.names())}")
            if number <= 0:
                raise ValueError(f"limit {key!r} must be a positive number")
        return value
