"""One shared fixture run used by every formatter's golden file and escaping tests."""

from __future__ import annotations

from proccheck.model import (
    DimensionScore,
    Finding,
    Location,
    Problem,
    Reference,
    Report,
    RequirementResult,
    RunResult,
    SetRef,
    Subject,
)

HOSTILE = (
    '<script>alert(1)</script> =HYPERLINK("http://evil.example","x") '
    "\x1b[31mred\x07 \x00nul\n::error::fake [link](javascript:alert(1)) | pipe"
)
EIF = Reference(title="European Interoperability Framework", url="https://ec.europa.eu/isa2/eif_en")


def fixture_run(lang: str = "en") -> RunResult:
    """A spec report, an answers report with hostile vendor text, and an unreadable input."""
    spec = Report(
        kind="spec",
        subject=Subject(path="samples/spec/kravspec.md", name="Ärendehanteringssystem"),
        requirement_set=SetRef(id="open-baseline", version="1.0"),
        lang=lang,  # type: ignore[arg-type]
        outcome="not_met",
        results=(
            RequirementResult(
                requirement="DATA-OWNERSHIP",
                level="must",
                principle="data-ownership",
                title="The organisation owns and controls all data",
                outcome="met",
                reason="K3 implements it (explicit reference)",
                references=(EIF,),
            ),
            RequirementResult(
                requirement="DO-02",
                level="must",
                principle="data-ownership",
                title="Export of all data",
                outcome="not_met",
                reason="appears only as a should-requirement",
                references=(EIF,),
            ),
            RequirementResult(
                requirement="API-01",
                level="must",
                principle="open-apis",
                title="Published OpenAPI description",
                outcome="not_verified",
                reason="only a weak match",
                references=(),
            ),
            RequirementResult(
                requirement="API-09",
                level="should",
                principle="open-apis",
                title="Webhooks",
                outcome="not_applicable",
                reason="not in scope",
            ),
        ),
        findings=(
            Finding(
                check="RS001",
                requirement="DO-02",
                severity="error",
                outcome="not_met",
                message="DO-02 is written as a should-requirement (bör)",
                location=Location(path="samples/spec/kravspec.md", line=12, column=3),
                evidence="Leverantören bör kunna exportera all data.",
                fix="Write it with ska/skall.",
            ),
            Finding(
                check="RS002",
                requirement="API-01",
                severity="note",
                outcome="not_verified",
                message="weak match only",
                location=Location(path="samples/spec/kravspec.md", line=20, end_line=21),
                evidence="Systemet har ett API.",
            ),
        ),
    )
    answers = Report(
        kind="answers",
        subject=Subject(path="bids/vendor-a.xlsx", name=HOSTILE),
        requirement_set=SetRef(id="open-baseline", version="1.0"),
        lang=lang,  # type: ignore[arg-type]
        outcome="not_verified",
        score=72,
        dimensions=(
            DimensionScore(
                name="export",
                score=50,
                counts={
                    "resource_types": 2,
                    "exportable": 1,
                    "types_counted": "Case, Note",
                    "types_left_out": f"CaseForm (form input), {HOSTILE} (envelope)",
                },
            ),
            DimensionScore(name="docs", score=64, counts={"operations_pct": 100, "contact": 1}),
            DimensionScore(name="terms", score=33, counts={"licence": HOSTILE, "rate_limits": 0}),
        ),
        results=(
            RequirementResult(
                requirement="DO-02",
                level="must",
                principle="data-ownership",
                title="Export of all data",
                outcome="not_verified",
                reason=HOSTILE,
            ),
        ),
        findings=(
            Finding(
                check="RS003",
                requirement="DO-02",
                severity="warning",
                outcome="not_verified",
                message="answer has a reservation: " + HOSTILE,
                location=Location(path="bids/vendor-a.xlsx", sheet="Krav", row=7, column="D"),
                evidence=HOSTILE + " " + "x" * 10_000,
                fix="Ask the vendor to clarify.",
            ),
        ),
    )
    return RunResult(
        reports=(spec, answers),
        problems=(
            Problem(
                path="bids/vendor-b.xlsx",
                where="Krav!A1",
                message="no recognisable header row",
                hint="add a mapping file",
            ),
        ),
    )
