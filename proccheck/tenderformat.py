"""The tender folder's file, `upphandling.yaml`: one procurement, its requirements and its bids.

`proccheck tender init` writes it, `proccheck tender check` reads it; paths in it are relative
to the folder it lies in. `schemas/tender.schema.json` is generated from `TenderFile`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from proccheck.i18n import tr
from proccheck.model import PathText

TENDER_FILE = "upphandling.yaml"
DECISIONS_FILE = "beslut.yaml"
REQUIREMENTS_FOLDER = "krav"
BIDS_FOLDER = "anbud"

_DATE = r"^(\d{4}-\d{2}-\d{2})?$"
_NAME = r"^[^/\\]+$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Dates(_Model):
    """The procurement's dates (YYYY-MM-DD); the evaluation date goes into the record."""

    published: str = Field(default="", pattern=_DATE, description="When the tender was published.")
    deadline: str = Field(default="", pattern=_DATE, description="The last day for bids.")
    evaluation: str = Field(
        default="",
        pattern=_DATE,
        description="The date of the evaluation record (default: the day it is written).",
    )


class Vendor(_Model):
    """One bid: its folder under anbud/, the vendor's name, its answers file and attachments."""

    folder: PathText = Field(min_length=1, pattern=_NAME, description="The folder under anbud/.")
    name: str = Field(default="", description="The vendor's name as the record shows it.")
    answers: PathText = Field(
        default="",
        description="The answers file in the folder (found there when it is the only one).",
    )
    attachments: tuple[PathText, ...] = Field(
        default=(), description="Attachments (bilagor), relative to the vendor's folder."
    )

    @model_validator(mode="after")
    def _inside(self) -> Vendor:
        for path in (self.answers, *self.attachments):
            parts = path.replace("\\", "/").split("/")
            if path.startswith(("/", "\\")) or ".." in parts:
                raise ValueError(
                    tr("{path} must be a path inside the vendor's folder", path=repr(path))
                )
        if self.folder in (".", ".."):
            raise ValueError(tr("{name} is not a folder name", name=repr(self.folder)))
        return self


class TenderFile(_Model):
    """A procurement (upphandling): what is bought, under which requirements, from whom."""

    model_config = ConfigDict(title="proccheck tender")
    version: Literal[1] = 1
    name: str = Field(min_length=1, description="The procurement's name.")
    diarienummer: str = Field(default="", description="The case number (dnr).")
    buyer: str = Field(default="", description="The buying organisation.")
    set: PathText = Field(
        default="builtin:open-baseline",
        description="The requirement set: builtin:NAME or a path relative to this file.",
        examples=["krav/min-kommun.yaml"],
    )
    specification: PathText = Field(
        default="",
        description="The requirement specification the vendors answered, relative to this file; "
        "without one the vendors answer the set's requirements.",
        examples=["krav/kravspecifikation.docx"],
    )
    dates: Dates = Dates()
    vendors: tuple[Vendor, ...] = Field(
        default=(),
        description="The bids; a folder under anbud/ that is not listed is checked too, named "
        "after its answers file.",
    )

    @field_validator("version", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        """YAML files are read with every number as text (`version: 1` is "1")."""
        return int(value) if isinstance(value, str) and value.strip().isdigit() else value

    @model_validator(mode="after")
    def _one_per_folder(self) -> TenderFile:
        folders = [vendor.folder for vendor in self.vendors]
        twice = sorted({f for f in folders if folders.count(f) > 1})
        if twice:
            raise ValueError(tr("vendor folder {name} is listed twice", name=repr(twice[0])))
        return self
