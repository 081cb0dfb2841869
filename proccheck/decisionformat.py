"""The decision file: what people decided about findings, keyed by a finding's fingerprint.

One format serves two uses. A CI baseline (`--write-baseline`) records every finding of today
as `baseline`, so only new findings fail the next run; an officer's evaluation records a
judgement of one finding (`accepted`, `rejected`, `supplement`) with its motivation, so a rerun
shows the finding as decided instead of new. `schemas/decisions.schema.json` is generated from
`DecisionFile`.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from proccheck.model import Finding

Judgement = Literal["baseline", "accepted", "rejected", "supplement"]
SETS_ASIDE: tuple[Judgement, ...] = ("baseline", "accepted")
"""Judgements after which a finding no longer counts against its requirement (it is shown as
set aside, and the requirement is at best not verified, never met)."""


def fingerprint(finding: Finding) -> str:
    """Stable across runs and line shifts: what was found, in which file, about what text.

    Lines and rows are left out on purpose, so inserting a paragraph above a finding does not
    make it new; the quoted evidence (spaces folded) tells two findings of one check apart.
    """
    loc = finding.location
    parts = [
        finding.check,
        finding.requirement or "",
        loc.path,
        loc.sheet or "",
        loc.pointer or "",
        " ".join((finding.evidence or "").split()),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


class Decision(BaseModel):
    """One decided finding. Besides the fingerprint (which decides the match) it keeps the
    finding's check, requirement, file and quoted text, so a person reading the file, or a
    review of a change to it, can see what was decided."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    fingerprint: str = Field(pattern=r"^[0-9a-f]{32}$")
    check: str = Field(min_length=1)
    requirement: str | None = None
    path: str = Field(min_length=1)
    evidence: str | None = None
    decision: Judgement
    motivation: str = Field(
        default="",
        description="Why (required for accepted, rejected and supplement): it goes into the "
        "evaluation record.",
    )
    by: str = Field(default="", description="Who decided.")
    date: str = Field(default="", description="When, as YYYY-MM-DD.")

    @model_validator(mode="after")
    def _motivated(self) -> Decision:
        if self.decision != "baseline" and not self.motivation.strip():
            raise ValueError(f"a '{self.decision}' decision needs a motivation")
        return self


class DecisionFile(BaseModel):
    """Decisions about findings (a CI baseline or an officer's decisions), one per fingerprint."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="proccheck decisions")
    version: Literal[1] = 1
    decisions: tuple[Decision, ...] = ()

    @model_validator(mode="after")
    def _one_per_finding(self) -> DecisionFile:
        seen: set[str] = set()
        for decision in self.decisions:
            if decision.fingerprint in seen:
                raise ValueError(f"fingerprint {decision.fingerprint} is decided twice")
            seen.add(decision.fingerprint)
        return self

    def by_fingerprint(self) -> dict[str, Decision]:
        """The decisions keyed by fingerprint, for matching findings."""
        return {decision.fingerprint: decision for decision in self.decisions}


def decision_for(finding: Finding, judgement: Judgement, **details: str) -> Decision:
    """A decision about `finding` (its fingerprint and identifying fields filled in)."""
    return Decision(
        fingerprint=fingerprint(finding),
        check=finding.check,
        requirement=finding.requirement,
        path=finding.location.path,
        evidence=finding.evidence,
        decision=judgement,
        **details,
    )
