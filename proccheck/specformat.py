"""The structured specification file format (YAML/JSON); `schemas/spec.schema.json` comes from it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from proccheck.model import Level


class Procurement(BaseModel):
    """Metadata about the procurement the specification belongs to."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = ""
    buyer: str = ""
    reference: str = ""
    language: str = ""


class SpecRequirement(BaseModel):
    """One requirement of the specification, with the document's own id (e.g. K12)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    level: Level
    text: str = Field(min_length=1)
    implements: str | None = None
    section: str | None = None


class SpecFile(BaseModel):
    """A requirement specification (kravspecifikation) as a structured file."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    procurement: Procurement | None = None
    requirements: list[SpecRequirement]
