"""`proccheck answers`: check vendor answers, compare bids, hand out the answer template."""

from __future__ import annotations

from pathlib import Path

from proccheck.checks.answer_checks import ProbeEvidence
from proccheck.engine import as_result, evaluate, problem_from
from proccheck.errors import InputError, ProccheckError
from proccheck.i18n import _
from proccheck.loaders.answers import AnswerDocument, load_answers
from proccheck.model import (
    Comparison,
    Lang,
    MatrixCell,
    MatrixRow,
    Report,
    Requirement,
    RequirementSet,
    RunResult,
    SetRef,
    Subject,
    Text,
    VendorSummary,
    Verification,
)
from proccheck.resources import display_path
from proccheck.text import one_line


def _specificity(requirement: Requirement) -> int:
    return len(requirement.cues.sv) + len(requirement.cues.en)


def _combined_verification(sources: list[Requirement]) -> Verification:
    """The union of the checks, and the strictest evidence rule, of the set requirements a
    specification requirement implements."""
    if not sources:
        return Verification()
    checks = tuple(dict.fromkeys(c for s in sources for c in s.verification.checks))
    demanding = [s for s in sources if s.verification.answer.evidence == "required"]
    answer = demanding[0].verification.answer if demanding else sources[0].verification.answer
    return Verification(checks=checks, answer=answer)


def set_from_spec(
    spec_path: Path, base: RequirementSet, lang: Lang
) -> tuple[RequirementSet, tuple[str, ...]]:
    """The requirements of a specification as a set, so vendors are checked against the
    buyer's own ids and texts, plus the procurement reference (to catch answers to another). Principle, evidence rule and references come from the set
    requirement each one implements (found as `spec check` finds it)."""
    from proccheck.checks.spec_checks import analyse
    from proccheck.loaders.spec import load_spec

    document = load_spec(spec_path, display_path(spec_path))
    analysis = analyse(document, base, lang)
    implemented: dict[int, list[Requirement]] = {}
    for requirement in base.requirements:
        for match in analysis.implementing(requirement.id):
            implemented.setdefault(id(match.item), []).append(requirement)
    requirements = []
    seen: set[str] = set()
    for index, item in enumerate(document.requirements, start=1):
        requirement_id = item.ref or f"R{index}"
        if requirement_id in seen:
            raise InputError(
                f"requirement id {requirement_id!r} appears twice in the specification",
                path=document.path,
                where=str(item.location.line or item.location.row or ""),
                hint="answers are matched by id, so every requirement needs its own",
            )
        seen.add(requirement_id)
        sources = implemented.get(id(item), [])
        # the most specific set requirement (most cue groups) names the principle; checks,
        # evidence demands and references of every implemented one apply
        main = max(sources, key=_specificity) if sources else None
        requirements.append(
            Requirement(
                id=requirement_id,
                level=item.level or "must",
                principle=main.principle if main else "other",
                title=Text(sv=one_line(item.text, 80), en=one_line(item.text, 80)),
                text=Text(sv=item.text, en=item.text),
                rationale=main.rationale if main else Text(),
                references=tuple(dict.fromkeys(r for s in sources for r in s.references)),
                verification=_combined_verification(sources),
                defined_in=document.path,
            )
        )
    if not requirements:
        raise InputError(
            "the specification has no requirements to answer",
            path=document.path,
            hint="run `proccheck spec check` on it first",
        )
    requirement_set = RequirementSet(
        id=Path(document.path).stem,
        version=document.reference or "-",
        title=Text(sv=document.title, en=document.title),
        requirements=tuple(requirements),
        sources=(document.path,),
    )
    return requirement_set, ((document.reference,) if document.reference else ())


_API_DESCRIPTION = (".json", ".yaml", ".yml")


def api_descriptions(document: AnswerDocument, folder: Path) -> list[str]:
    """Evidence entries that name an API description: a URL, or a JSON/YAML file in the bid's
    folder (paths outside it are ignored, so a bid cannot make proccheck read other files)."""
    found: list[str] = []
    root = folder.resolve()
    for answer in document.answers:
        for item in answer.evidence:
            item = item.strip()
            if item.startswith(("http://", "https://")):
                source = item
            elif item.lower().endswith(_API_DESCRIPTION):
                candidate = (folder / item).resolve()
                if root not in candidate.parents or not candidate.is_file():
                    continue
                source = str(candidate)
            else:
                continue
            if source not in found:
                found.append(source)
    return found


def probe_evidence(
    document: AnswerDocument,
    folder: Path,
    requirement_set: RequirementSet,
    lang: Lang,
    allow_private: bool,
) -> ProbeEvidence:
    """Probe every API description the vendor gives as evidence; per requirement the probe
    verifies, what each description showed. A description that cannot be read is itself a
    result (not verified), not an input error: it is the vendor's evidence that fails."""
    from proccheck.probe import probe_source

    shown: ProbeEvidence = {}
    probed = [r for r in requirement_set.requirements if r.verification.checks]
    for source in api_descriptions(document, folder):
        label = source if source.startswith("http") else display_path(Path(source))
        try:
            report = probe_source(source, requirement_set, lang, allow_private=allow_private)
        except ProccheckError as error:
            for requirement in probed:
                result = as_result(requirement, "not_verified", str(error), lang)
                shown.setdefault(requirement.id, []).append((label, result, (), True))
            continue
        for result in report.results:
            own = tuple(f for f in report.findings if f.requirement == result.requirement)
            shown.setdefault(result.requirement, []).append((label, result, own, False))
    return shown


def check_answer_document(
    document: AnswerDocument,
    requirement_set: RequirementSet,
    lang: Lang,
    probe: ProbeEvidence | None = None,
) -> Report:
    """Run every answers check on one vendor's file and decide each requirement."""
    from proccheck.checks.answer_checks import context

    ctx = context(document, requirement_set, lang, probe)

    def answered(requirement: Requirement, checks: object) -> str:
        answer = ctx.matching.by_requirement[requirement.id]
        return _(
            lang, 'answered "{quote}" without reservation', quote=one_line(answer.raw or "", 120)
        )

    report, _evidence = evaluate(
        "answers",
        document,
        ctx,
        subject=Subject(path=document.path, name=document.vendor),
        met_reason=answered,
    )
    return report


def _check_procurement(document: AnswerDocument, expected: tuple[str, ...]) -> None:
    wanted = [e.strip().lower() for e in expected if e and e.strip()]
    if not wanted or not document.procurement.strip():
        return
    said = document.procurement.lower()
    if not any(w in said or said in w for w in wanted):
        raise InputError(
            f"the answers are for another procurement ({document.procurement!r})",
            path=document.path,
            hint=f"expected {' / '.join(expected)}; check that the right file was given",
        )


def check_answers(
    paths: list[Path],
    requirement_set: RequirementSet,
    lang: Lang,
    procurement: tuple[str, ...] = (),
    *,
    probe: bool = False,
    allow_private: bool = False,
    mapping: Path | None = None,
) -> RunResult:
    """One report per vendor file; unreadable files become problems. With `probe`, API
    descriptions given as evidence are probed (nothing is fetched otherwise)."""
    from proccheck.loaders.answers import load_mapping

    layout = load_mapping(mapping) if mapping is not None else None
    reports, problems = [], []
    for path in paths:
        try:
            document = load_answers(path, display_path(path), layout)
            _check_procurement(document, procurement)
        except ProccheckError as error:
            problems.append(problem_from(error))
            continue
        shown = (
            probe_evidence(document, path.parent, requirement_set, lang, allow_private)
            if probe
            else None
        )
        reports.append(check_answer_document(document, requirement_set, lang, shown))
    return RunResult(reports=tuple(reports), problems=tuple(problems))


def compare(run: RunResult, requirement_set: RequirementSet, lang: Lang) -> Comparison:
    """The vendors × requirements matrix of a run of `check_answers`."""
    vendors = []
    cells: dict[str, list[MatrixCell]] = {r.id: [] for r in requirement_set.requirements}
    for report in run.reports:
        by_id = {r.requirement: r for r in report.results}
        for requirement in requirement_set.requirements:
            result = by_id.get(requirement.id)
            cells[requirement.id].append(
                MatrixCell(
                    vendor=report.subject.name,
                    outcome=result.outcome if result else "not_applicable",
                    reason=result.reason if result else "",
                )
            )
        vendors.append(
            VendorSummary(
                vendor=report.subject.name,
                path=report.subject.path,
                outcome=report.outcome,
                not_met=tuple(
                    r.requirement
                    for r in report.results
                    if r.outcome == "not_met" and r.level == "must"
                ),
                not_verified=tuple(
                    r.requirement
                    for r in report.results
                    if r.outcome == "not_verified" and r.level == "must"
                ),
            )
        )
    rows = tuple(
        MatrixRow(
            requirement=r.id,
            level=r.level,
            title=r.title.get(lang),
            text=r.text.get(lang),
            cells=tuple(cells[r.id]),
        )
        for r in requirement_set.requirements
    )
    return Comparison(
        requirement_set=SetRef(id=requirement_set.id, version=requirement_set.version),
        lang=lang,
        vendors=tuple(vendors),
        rows=rows,
        run=run,
    )
