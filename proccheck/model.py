"""The shared vocabulary: requirement sets, findings and reports as frozen pydantic models.

Everything a loader produces and a formatter consumes is one of these types, so each layer can
be tested on its own. This module imports nothing from the rest of proccheck.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

Level = Literal["must", "should"]
Outcome = Literal["met", "not_met", "not_verified", "not_applicable"]
Severity = Literal["error", "warning", "note"]
Lang = Literal["sv", "en"]
Principle = Literal["data-ownership", "exit", "open-standards", "open-apis", "other"]
ReportKind = Literal["spec", "answers", "probe", "set"]

OUTCOMES: tuple[Outcome, ...] = ("not_met", "not_verified", "met", "not_applicable")
PRINCIPLES: tuple[Principle, ...] = (
    "data-ownership",
    "exit",
    "open-standards",
    "open-apis",
    "other",
)


def _no_control_characters(value: str) -> str:
    """A path written in a file can hold no NUL or line break: the system refuses such a name
    with an error no user can act on, so it is the file's error, said where it stands."""
    if not value.isprintable() and any(ord(char) < 32 or ord(char) == 127 for char in value):
        raise PydanticCustomError("control_characters", "holds a control character")
    return value


PathText = Annotated[str, AfterValidator(_no_control_characters)]
"""A file or folder path (or `builtin:NAME`) as a user's file writes it."""


class Frozen(BaseModel):
    """Base for every model: immutable, and unknown fields are an error rather than ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Frozen):
    """A user-facing text in Swedish and English; either may be empty in a user's own set."""

    sv: str = ""
    en: str = ""

    def get(self, lang: Lang) -> str:
        """The text in `lang`, falling back to the other language rather than showing nothing."""
        primary = self.sv if lang == "sv" else self.en
        return primary or self.en or self.sv


class Reference(Frozen):
    """A public source a requirement rests on, so an officer can defend it."""

    title: str = Field(min_length=1)
    url: str | None = None
    section: str | None = None


class AnswerRule(Frozen):
    """What a vendor's answer to the requirement must contain to count as met."""

    evidence: Literal["none", "required"] = "none"
    description: Text = Text()


class Cues(Frozen):
    """Detection cues per language: groups of terms (regular expressions, case-insensitive).

    A term matches from the start of a word of the normalised text (so "export" finds
    "exporten" and "exportformat" but "äga" does not find "säga"); end it with `\b` to match a
    whole word, or start it with `*` to let it also end a compound ("*export" finds
    "dataexport"). Addresses and e-mail addresses are never matched. A text matches a group when
    it contains any term of the group. Matching every group is a strong match; matching the
    first group (the topic) and all but one of the others is a weak one ("possibly covered",
    never met). Cues live in the set file, not in code, so a user's own requirements are found
    the same way as the built-in ones.
    """

    sv: tuple[tuple[str, ...], ...] = ()
    en: tuple[tuple[str, ...], ...] = ()


class Verification(Frozen):
    """How a requirement is verified: the checks that decide it and the vendor-answer rule."""

    checks: tuple[str, ...] = ()
    answer: AnswerRule = AnswerRule()


class Requirement(Frozen):
    """One requirement of a resolved set, with the files that defined or changed it."""

    id: str
    level: Level
    principle: Principle
    title: Text
    text: Text
    rationale: Text = Text()
    references: tuple[Reference, ...] = ()
    verification: Verification = Verification()
    cues: Cues = Cues()
    defined_in: str = ""
    changed_in: tuple[str, ...] = ()
    one_language: dict[str, Lang] = {}
    """The texts (`title`, `text`, `rationale`) written as one plain string, and its language;
    the string is used for both languages."""


class RequirementSet(Frozen):
    """A resolved requirement set: `extends` applied, requirements in file order.

    `version` is empty when the set has none (reports show it as unversioned); `lang` is the
    language its plain-string texts are written in, and `one_language` names the set's own texts
    (`title`, `description`) written that way."""

    id: str
    version: str = ""
    lang: Lang = "sv"
    title: Text
    description: Text = Text()
    requirements: tuple[Requirement, ...]
    sources: tuple[str, ...] = ()
    one_language: dict[str, Lang] = {}

    def get(self, requirement_id: str) -> Requirement | None:
        """The requirement with this id, or None."""
        for requirement in self.requirements:
            if requirement.id == requirement_id:
                return requirement
        return None


class Location(Frozen):
    """Where a finding points: a relative path plus whatever finer position is known."""

    path: str
    line: int | None = None
    column: int | str | None = None
    pointer: str | None = None
    sheet: str | None = None
    row: int | None = None
    element: str | None = None
    page: int | None = None
    """The page of a PDF (from 1); `line` then counts the lines of that page's text."""
    end_line: int | None = None
    """The last line of a finding whose text wraps onto further lines (`line` is the first)."""

    def describe(self) -> str:
        """A compact human form such as `spec.md:12`, `bid.xlsx[Krav]!C7` or `tender.pdf:p3:12`
        (page 3, line 12)."""
        text = self.path
        if self.page is not None:
            text += f":p{self.page}"
        if self.sheet is not None:
            text += f"[{self.sheet}]"
            if self.row is not None:
                text += f"!{self.column or ''}{self.row}"
        elif self.line is not None:
            text += f":{self.line}"
            if self.end_line is not None:
                text += f"-{self.end_line}"
            elif isinstance(self.column, int):
                text += f":{self.column}"
        if self.pointer:
            text += f"#{self.pointer}"
        if self.element:
            text += f" ({self.element})"
        return text


class Finding(Frozen):
    """One observation of one check, explained: what, where, the quoted evidence, how to fix."""

    check: str
    requirement: str | None
    severity: Severity
    outcome: Outcome
    message: str
    location: Location
    evidence: str | None = None
    fix: str | None = None


SetAsideWhy = Literal["ignored", "suppressed", "baseline", "accepted"]


class Suppression(Frozen):
    """An inline `<!-- proccheck: ignore CODE -- reason -->` comment of a text specification:
    the codes (or code prefixes) it silences, why, and the lines it covers (`first`..`last`;
    both None for `ignore-file`, the whole file)."""

    path: str
    line: int
    codes: tuple[str, ...]
    reason: str
    first: int | None = None
    last: int | None = None

    def covers(self, finding: Finding) -> bool:
        """Whether this comment silences `finding`."""
        loc = finding.location
        if loc.path != self.path or not finding.check.startswith(self.codes):
            return False
        if self.first is None or self.last is None:
            return True
        return loc.line is not None and self.first <= loc.line <= self.last


class SetAside(Frozen):
    """A finding that no longer counts against its requirement, and why: the configuration
    ignores its check in its file, an inline comment suppresses it, a baseline lists it, or an
    officer accepted it. `note` is the suppression's reason or the decision's motivation."""

    finding: Finding
    why: SetAsideWhy
    note: str = ""


class RequirementResult(Frozen):
    """The verdict for one requirement of the set, with a one-line reason."""

    requirement: str
    level: Level
    principle: Principle
    title: str
    outcome: Outcome
    reason: str
    references: tuple[Reference, ...] = ()


class Subject(Frozen):
    """What was checked: a relative path or URL, and a display name (e.g. the vendor)."""

    path: str
    name: str


class ReconciliationRow(Frozen):
    """One row of a probe's reconciliation sheet: a requirement of the set, its verdict and
    where the evidence is (also for requirements the description cannot speak to)."""

    requirement: str
    level: Level
    text: str
    outcome: Outcome
    reason: str
    evidence: tuple[str, ...] = ()


class SetRef(Frozen):
    """Identifies the requirement set a report was made against."""

    id: str
    version: str = Field(description="Empty when the set has no version (shown as unversioned).")


class DimensionScore(Frozen):
    """One scored dimension of a probe (export, auth, …): 0–100 and the counts behind it, in the
    order the analysis gives them (e.g. `{"resource_types": 6, "exportable": 4}`)."""

    name: str
    score: int = Field(ge=0, le=100)
    counts: dict[str, int | str] = {}


class Report(Frozen):
    """The result of checking one subject against one requirement set.

    `lang` is the language of every message inside, so formatters label in the same language.
    """

    kind: ReportKind
    subject: Subject
    requirement_set: SetRef
    lang: Lang = "en"
    outcome: Outcome
    score: int | None = Field(default=None, ge=0, le=100)
    results: tuple[RequirementResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    dimensions: tuple[DimensionScore, ...] = ()
    """A probe's score per dimension, in the analysis's order; empty for other reports."""
    set_aside: tuple[SetAside, ...] = ()
    """Findings that were found but do not count (see `SetAside`), in the findings' order."""


class Problem(Frozen):
    """An input that could not be read; it did not produce a report."""

    path: str
    where: str | None = None
    message: str
    hint: str | None = None


class RunResult(Frozen):
    """Everything one command produced: reports plus inputs that could not be read."""

    reports: tuple[Report, ...] = ()
    problems: tuple[Problem, ...] = ()


class MatrixCell(Frozen):
    """One vendor's verdict on one requirement."""

    vendor: str
    outcome: Outcome
    reason: str


class MatrixRow(Frozen):
    """One requirement across all vendors."""

    requirement: str
    level: Level
    title: str
    text: str
    cells: tuple[MatrixCell, ...]


class VendorSummary(Frozen):
    """Which must-requirements a bid fails or leaves unverified."""

    vendor: str
    path: str
    outcome: Outcome
    not_met: tuple[str, ...]
    not_verified: tuple[str, ...]


class Comparison(Frozen):
    """The vendors × requirements matrix for the evaluation record, with the run behind it."""

    requirement_set: SetRef
    lang: Lang
    vendors: tuple[VendorSummary, ...]
    rows: tuple[MatrixRow, ...]
    run: RunResult
