"""The evaluation record (utvärderingsprotokoll) of a tender, and its HTML form.

`EvaluationRecord` holds what `proccheck tender check` found; the views below (`verdicts`,
`pending`, `vendor_lines`, `requirement_lines`, `decision_lines`) turn it into the rows every form
shows, so the HTML, the workbook (`record_xlsx`) and the Word document (`record_docx`) say the
same thing. Each verdict says whether the machine decided it or a person did (a decision in
beslut.yaml about one of its findings).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Literal

from pydantic import BaseModel, ConfigDict

from proccheck import __version__
from proccheck.decisionformat import Decision, DecisionFile, fingerprint
from proccheck.i18n import N_, _, ngettext, translated
from proccheck.model import (
    OUTCOMES,
    Comparison,
    Finding,
    Lang,
    Outcome,
    Report,
    Requirement,
    RequirementSet,
    RunResult,
    SetRef,
)
from proccheck.report.common import coverage_line, one_line, plain
from proccheck.tenderformat import BIDS_FOLDER, TenderFile
from proccheck.vocabulary import level_word, outcome_word, version_word

DecidedBy = Literal["machine", "person", "review"]
SHORT = 12
"""How much of a fingerprint the record shows: enough to tell findings apart, and what
`tender decide` takes."""


class EvaluationRecord(BaseModel):
    """Everything the record says: the tender, the date, the buyer's set, the requirements the
    vendors answered, the specification's check, the vendors' reports and the decisions."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    lang: Lang
    date: str
    tender: TenderFile
    set_ref: SetRef
    set_title: str
    requirements: RequirementSet
    spec: RunResult
    comparison: Comparison
    decisions: DecisionFile


# --- the views every form shows ------------------------------------------------------------------


_JUDGEMENTS = {
    "accepted": N_("accepted"),
    "rejected": N_("rejected"),
    "supplement": N_("supplement requested"),
    "baseline": N_("baseline"),
}
_BY = {
    "machine": N_("automatically"),
    "person": N_("by a person"),
    "review": N_("awaiting a decision"),
}


def judgement_word(lang: Lang, decision: Decision) -> str:
    """godtas / avvisas / kompletteras."""
    return _(lang, _JUDGEMENTS[decision.decision])


def by_word(lang: Lang, by: DecidedBy) -> str:
    """automatiskt / av en person / väntar på beslut."""
    return _(lang, _BY[by])


def decided_by(decision: Decision, between: str = ", ") -> str:
    """`Anna Berg, 2026-11-30`: who made the decision and when, as far as recorded."""
    return between.join(part for part in (decision.by, decision.date) if part)


def decision_note(lang: Lang, decision: Decision) -> str:
    """`accepted (Anna Berg, 2026-11-30): the fee is for optional training`."""
    who = decided_by(decision)
    head = judgement_word(lang, decision) + (f" ({who})" if who else "")
    return f"{head}: {decision.motivation}" if decision.motivation else head


def all_findings(report: Report) -> Iterator[Finding]:
    """The report's findings, set aside ones included (a decision can be changed)."""
    yield from report.findings
    for aside in report.set_aside:
        yield aside.finding


def decided(record: EvaluationRecord, report: Report) -> dict[str, Decision]:
    """A person's decisions about this report's findings, keyed by fingerprint (set-aside
    findings included: an accepted finding leaves the findings but is still decided)."""
    known = record.decisions.by_fingerprint()
    found = {}
    for finding in all_findings(report):
        mark = fingerprint(finding)
        decision = known.get(mark)
        if decision is not None and decision.decision != "baseline":
            found[mark] = decision
    return found


@dataclass(frozen=True)
class Verdict:
    """One vendor's verdict on one requirement, after the decisions, and who made it."""

    outcome: Outcome
    reason: str
    by: DecidedBy
    decisions: tuple[Decision, ...] = ()

    def explained(self, lang: Lang) -> str:
        """The reason, then each decision (the reason column of the workbook)."""
        notes = [decision_note(lang, d) for d in self.decisions]
        return " ".join([self.reason, *(_(lang, "Decision: {note}", note=n) for n in notes)])


def verdicts(record: EvaluationRecord, report: Report) -> dict[str, Verdict]:
    """Per requirement id, the vendor's verdict. A rejected finding makes it not met and a
    requested supplement leaves it open, decided by a person; when every finding that held it
    back was accepted, a person judged it met. Otherwise the machine's verdict stands, and a
    not verified one awaits a decision."""
    known = decided(record, report)
    counting = {id(f) for f in report.findings}  # not set aside
    by_requirement: dict[str, list[tuple[Finding, str]]] = {}
    for finding in all_findings(report):
        if finding.requirement and finding.outcome in ("not_met", "not_verified"):
            by_requirement.setdefault(finding.requirement, []).append(
                (finding, fingerprint(finding))
            )
    found = {}
    for result in report.results:
        held = by_requirement.get(result.requirement, [])
        judged_findings = [f for f, mark in held if mark in known]
        made = tuple(known[mark] for _f, mark in held if mark in known)
        open_ = [f for f, mark in held if mark not in known and id(f) in counting]
        judged = {d.decision for d in made}
        # a person's verdict rests on what was found, not on the machine's reason (which, for
        # an accepted finding, only says that it was set aside)
        found_text = "; ".join(dict.fromkeys(f.message for f in judged_findings))
        if "rejected" in judged:
            verdict = Verdict("not_met", found_text, "person", made)
        elif "supplement" in judged:
            verdict = Verdict("not_verified", found_text, "person", made)
        elif made and not open_:
            verdict = Verdict("met", found_text, "person", made)
        elif result.outcome == "not_verified":
            verdict = Verdict(result.outcome, result.reason, "review", made)
        else:
            verdict = Verdict(result.outcome, result.reason, "machine", made)
        found[result.requirement] = verdict
    return found


@dataclass(frozen=True)
class Pending:
    """A vendor's finding that still awaits a person's decision."""

    vendor: str
    finding: Finding
    fingerprint: str


def pending(record: EvaluationRecord) -> list[Pending]:
    """The vendors' findings that leave a requirement to review and have no decision yet (a
    requirement a person already decided through another of its findings waits for nothing)."""
    waiting = []
    for report in record.comparison.run.reports:
        known, found = decided(record, report), verdicts(record, report)
        for finding in report.findings:
            mark = fingerprint(finding)
            verdict = found.get(finding.requirement or "")
            open_ = verdict is None or verdict.by == "review"
            if finding.outcome == "not_verified" and mark not in known and open_:
                waiting.append(Pending(report.subject.name, finding, mark))
    return waiting


@dataclass(frozen=True)
class VendorLine:
    """A vendor's outcome after the decisions: must-requirements not met and still open."""

    name: str
    path: str
    outcome: Outcome
    not_met: tuple[str, ...]
    open: tuple[str, ...]
    by_person: int


def vendor_lines(record: EvaluationRecord) -> list[VendorLine]:
    """One line per vendor, in the order of the bids."""
    lines = []
    levels = {r.id: r.level for r in record.requirements.requirements}
    for report in record.comparison.run.reports:
        found = verdicts(record, report)
        musts = {rid: v for rid, v in found.items() if levels.get(rid) == "must"}
        not_met = tuple(rid for rid, v in musts.items() if v.outcome == "not_met")
        open_ = tuple(rid for rid, v in musts.items() if v.outcome == "not_verified")
        outcome: Outcome = "not_met" if not_met else "not_verified" if open_ else "met"
        by_person = sum(1 for v in found.values() if v.by == "person")
        lines.append(
            VendorLine(report.subject.name, report.subject.path, outcome, not_met, open_, by_person)
        )
    return lines


def tally_line(record: EvaluationRecord) -> str:
    """`26 verdicts: 17 decided automatically, 3 by a person, 6 awaiting a decision.`"""
    tally = {"machine": 0, "person": 0, "review": 0}
    for report in record.comparison.run.reports:
        for verdict in verdicts(record, report).values():
            tally[verdict.by] += 1
    total = sum(tally.values())
    return ngettext(
        record.lang,
        "{total} verdict: {machine} decided automatically, {person} by a person, {review} "
        "awaiting a decision.",
        "{total} verdicts: {machine} decided automatically, {person} by a person, {review} "
        "awaiting a decision.",
        total,
        total=total,
        **tally,
    )


_LEVEL_REQUIREMENT = {"must": N_("must-requirement"), "should": N_("should-requirement")}


def requirement_heading(lang: Lang, requirement: Requirement) -> str:
    """`K1 (must-requirement)`, with the title when it is more than the start of the text."""
    level = _(lang, _LEVEL_REQUIREMENT[requirement.level])
    head = f"{requirement.id} ({level})"
    title = own_title(requirement, lang)
    return f"{head} {title}" if title else head


def own_title(requirement: Requirement, lang: Lang) -> str:
    """The title, or '' when it is only the text's start (a kravmatris without a title column
    gets one so; read back, it gets the same again)."""
    title, text = requirement.title.get(lang), requirement.text.get(lang)
    return "" if text.startswith(title.rstrip("…").rstrip()) else title


def verification_text(lang: Lang, requirement: Requirement) -> str:
    """How a requirement is verified, in words: the answer, the evidence, the probe."""
    parts = [_(lang, "the vendor's answer and comment, read for reservations")]
    rule = requirement.verification.answer
    if rule.evidence == "required":
        what = rule.description.get(lang).strip()
        parts.append(
            _(lang, "evidence: {what}", what=what.rstrip("."))
            if what
            else _(lang, "evidence is required")
        )
    if requirement.verification.checks:
        checks = ", ".join(requirement.verification.checks)
        parts.append(_(lang, "the attached API description, probed ({checks})", checks=checks))
    text = "; ".join(parts) + "."
    return text[:1].upper() + text[1:]


def bid_files(record: EvaluationRecord, path: str) -> str:
    """The bid's answers file, and its attachments as upphandling.yaml lists them."""
    parts = path.split("/")
    folder = parts[1] if len(parts) > 2 and parts[0] == BIDS_FOLDER else ""
    listed = next((v.attachments for v in record.tender.vendors if v.folder == folder), ())
    if not listed:
        return path
    label = _(record.lang, "attachments")
    return f"{path}; {label}: {', '.join(listed)}"


def subject_label(report: Report) -> str:
    """A vendor by name, a document by its path (its title can be a paragraph long)."""
    return report.subject.name if report.kind == "answers" else report.subject.path


@dataclass(frozen=True)
class DecisionLine:
    """One decision with what it was about."""

    vendor: str
    decision: Decision
    message: str


def decision_lines(record: EvaluationRecord) -> list[DecisionLine]:
    """Every decision in beslut.yaml, with the vendor (or document) and the finding it decided;
    a decision whose finding no longer appears is listed with the text it recorded."""
    lines, seen = [], set()
    for report in (*record.spec.reports, *record.comparison.run.reports):
        known = decided(record, report)
        for finding in all_findings(report):
            mark = fingerprint(finding)
            if mark in known and mark not in seen:
                seen.add(mark)
                lines.append(DecisionLine(subject_label(report), known[mark], finding.message))
    for decision in record.decisions.decisions:
        if decision.fingerprint not in seen and decision.decision != "baseline":
            gone = _(record.lang, "(the finding no longer appears)")
            lines.append(DecisionLine(decision.path, decision, gone))
    return lines


def header_rows(record: EvaluationRecord) -> list[tuple[str, str]]:
    """The record's head: procurement, dnr, buyer, date, set, specification, bids."""
    lang, tender = record.lang, record.tender
    rows = [
        (_(lang, "Procurement"), tender.name),
        (_(lang, "Case number (dnr)"), tender.diarienummer or "–"),
        (_(lang, "Buyer"), tender.buyer or "–"),
        (_(lang, "Date"), record.date),
        (
            _(lang, "Requirement set"),
            f"{record.set_title} ({record.set_ref.id}, "
            f"{version_word(lang, record.set_ref.version)})",
        ),
        (_(lang, "Requirement specification"), tender.specification or "–"),
    ]
    if tender.dates.published:
        rows.append((_(lang, "Published"), tender.dates.published))
    if tender.dates.deadline:
        rows.append((_(lang, "Last day for bids"), tender.dates.deadline))
    bids = ", ".join(v.vendor for v in record.comparison.vendors) or "–"
    rows.append((_(lang, "Bids"), bids))
    return rows


def note(lang: Lang) -> str:
    """The closing note: what the record is and how it was made."""
    return _(
        lang,
        "Made with proccheck {version}. proccheck flags answers for review; a person decides, "
        "and each decision is recorded with its motivation.",
        version=__version__,
    )


def problems(record: EvaluationRecord) -> list[str]:
    """The inputs that could not be read, one line each."""
    lines = []
    for problem in (*record.spec.problems, *record.comparison.run.problems):
        where = f"{problem.path}:{problem.where}" if problem.where else problem.path
        lines.append(f"{where}: {problem.message}")
    return lines


WORDS = {
    "title": N_("Evaluation record"),
    "summary": N_("Summary"),
    "vendor": N_("Vendor"),
    "outcome": N_("Outcome"),
    "not_met": N_("Must-requirements not met"),
    "open": N_("Must-requirements to review"),
    "by_person": N_("Decided by a person"),
    "requirements": N_("Requirements"),
    "id": N_("ID"),
    "level": N_("Level"),
    "requirement": N_("Requirement"),
    "motive": N_("Motive"),
    "verification": N_("Verification"),
    "evaluation": N_("Evaluation per vendor"),
    "reason": N_("Assessment"),
    "decided_by": N_("Decided by"),
    "decisions": N_("Decisions"),
    "finding": N_("Finding"),
    "findings": N_("Findings"),
    "decision": N_("Decision"),
    "motivation": N_("Motivation"),
    "who": N_("Decided by, date"),
    "pending": N_("Findings awaiting a decision"),
    "fingerprint": N_("Fingerprint"),
    "spec": N_("Review of the requirement specification"),
    "unreadable": N_("Inputs that could not be read"),
    "no_decisions": N_("No decisions recorded."),
    "no_pending": N_("No finding awaits a decision."),
    "decide_hint": N_(
        "Record a decision with: proccheck tender decide FOLDER FINGERPRINT --decision "
        "godtas|avvisas|kompletteras --motivation TEXT"
    ),
    "details": N_("Details"),
    "check": N_("Check"),
    "location": N_("Location"),
    "quote": N_("Quoted text"),
    "fix": N_("Fix"),
    "matrix": N_("Comparison"),
    "status": N_("Status"),
    "vendor_or_document": N_("Vendor or document"),
    "procurement": N_("Procurement"),
}


def words(lang: Lang) -> dict[str, str]:
    """The record's own words in `lang`."""
    return translated(lang, WORDS)


def spec_rows(record: EvaluationRecord) -> list[tuple[str, str, str, str]]:
    """The specification's check: the set requirements it does not fully carry (id, level,
    outcome, reason), most serious first."""
    lang = record.lang
    rows = []
    for report in record.spec.reports:
        for outcome in OUTCOMES[:2]:
            for result in report.results:
                if result.outcome == outcome:
                    rows.append(
                        (
                            result.requirement,
                            level_word(lang, result.level),
                            outcome_word(lang, outcome),
                            result.reason,
                        )
                    )
    return rows


def spec_summary(record: EvaluationRecord) -> list[str]:
    """One line per checked specification: its outcome and coverage."""
    return [
        f"{report.subject.path}: {outcome_word(record.lang, report.outcome)}. {coverage_line(report)}"
        for report in record.spec.reports
    ]


# --- HTML ----------------------------------------------------------------------------------------


def _e(text: str, limit: int = 2000) -> str:
    return escape(plain(text, limit), quote=True)


def _badge(lang: Lang, outcome: Outcome) -> str:
    return f'<span class="badge b-{outcome}">{escape(outcome_word(lang, outcome))}</span>'


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """A table whose cells are already HTML (no header row without `headers`)."""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    thead = f"<thead><tr>{head}</tr></thead>" if headers else ""
    return f"<table>{thead}<tbody>{body}</tbody></table>"


def render_html(record: EvaluationRecord) -> str:
    """The record as one self-contained, printable page, with each report's details below."""
    from proccheck.report.html import _CSS, _report, page_start

    lang, w = record.lang, words(record.lang)
    parts = [
        *page_start(lang),
        f"<title>{_e(w['title'])}: {_e(record.tender.name, 200)}</title>",
        f"<style>{_CSS}td.cell{{font-size:13px}}.by{{color:#57606a;"
        "font-size:12px}</style></head><body>",
        f"<h1>{_e(w['title'])}</h1>",
        _table([], [[f"<strong>{_e(k)}</strong>", _e(v)] for k, v in header_rows(record)]),
        f"<h2>{_e(w['summary'])}</h2>",
        _table(
            [w["vendor"], w["outcome"], w["not_met"], w["open"], w["by_person"]],
            [
                [
                    f'{_e(v.name, 200)}<br><span class="loc">{_e(bid_files(record, v.path))}</span>',
                    _badge(lang, v.outcome),
                    _e(", ".join(v.not_met) or "–"),
                    _e(", ".join(v.open) or "–"),
                    str(v.by_person),
                ]
                for v in vendor_lines(record)
            ],
        ),
        f"<p>{_e(tally_line(record))}</p>",
        f"<h2>{_e(w['requirements'])}</h2>",
        _table(
            [w["id"], w["level"], w["requirement"], w["motive"], w["verification"]],
            [
                [
                    f'<strong class="code">{_e(r.id, 60)}</strong>',
                    _e(level_word(lang, r.level)),
                    _e(r.text.get(lang)),
                    _e(r.rationale.get(lang) or "–"),
                    _e(verification_text(lang, r)),
                ]
                for r in record.requirements.requirements
            ],
        ),
        f"<h2>{_e(w['evaluation'])}</h2>",
        _matrix_html(record),
        f"<h2>{_e(w['decisions'])}</h2>",
        _decisions_html(record),
        f"<h2>{_e(w['pending'])}</h2>",
        _pending_html(record),
    ]
    if record.spec.reports:
        parts.append(f"<h2>{_e(w['spec'])}</h2>")
        parts.extend(f"<p>{_e(line)}</p>" for line in spec_summary(record))
    unreadable = problems(record)
    if unreadable:
        parts.append(f"<h2>{_e(w['unreadable'])}</h2><ul>")
        parts.extend(f'<li class="problem">{_e(line)}</li>' for line in unreadable)
        parts.append("</ul>")
    parts.append(f"<h2>{_e(w['details'])}</h2>")
    for report in (*record.spec.reports, *record.comparison.run.reports):
        parts.append(_report(report))
    parts.append(f'<p class="meta">{_e(note(lang))}</p></body></html>')
    return "\n".join(parts) + "\n"


def _matrix_html(record: EvaluationRecord) -> str:
    lang, w = record.lang, words(record.lang)
    reports = record.comparison.run.reports
    found = [verdicts(record, report) for report in reports]
    rows = []
    for requirement in record.requirements.requirements:
        row = [
            f'<strong class="code">{_e(requirement.id, 60)}</strong> '
            f"{_e(requirement.title.get(lang), 200)}",
            _e(level_word(lang, requirement.level)),
        ]
        for verdicts_of in found:
            verdict = verdicts_of.get(requirement.id)
            if verdict is None:
                row.append("–")
                continue
            notes = "".join(
                f"<br><em>{_e(w['decision'])}:</em> {_e(decision_note(lang, d), 600)}"
                for d in verdict.decisions
            )
            row.append(
                f'<div class="cell">{_badge(lang, verdict.outcome)} '
                f'<span class="by">{_e(by_word(lang, verdict.by))}</span><br>'
                f"{_e(verdict.reason, 400)}{notes}</div>"
            )
        rows.append(row)
    headers = [w["requirement"], w["level"], *(r.subject.name for r in reports)]
    return _table(headers, rows)


def _decisions_html(record: EvaluationRecord) -> str:
    lang, w = record.lang, words(record.lang)
    lines = decision_lines(record)
    if not lines:
        return f"<p>{_e(w['no_decisions'])}</p>"
    return _table(
        [w["vendor_or_document"], w["requirement"], w["finding"], w["decision"], w["motivation"],
         w["who"]],
        [
            [
                _e(line.vendor, 200),
                _e(line.decision.requirement or "–", 60),
                _e(line.message, 600)
                + (f"<blockquote>{_e(line.decision.evidence, 600)}</blockquote>"
                   if line.decision.evidence else ""),
                _e(judgement_word(lang, line.decision)),
                _e(line.decision.motivation, 1000),
                _e(decided_by(line.decision) or "–"),
            ]
            for line in lines
        ],
    )  # fmt: skip


def _pending_html(record: EvaluationRecord) -> str:
    w = words(record.lang)
    waiting = pending(record)
    if not waiting:
        return f"<p>{_e(w['no_pending'])}</p>"
    table = _table(
        [w["vendor"], w["requirement"], w["finding"], w["fingerprint"]],
        [
            [
                _e(item.vendor, 200),
                _e(item.finding.requirement or "–", 60),
                _e(item.finding.message, 600),
                f'<span class="code">{item.fingerprint[:SHORT]}</span>',
            ]
            for item in waiting
        ],
    )
    return table + f'<p class="meta">{_e(w["decide_hint"])}</p>'


# --- text (what tender check prints) -------------------------------------------------------------


def outcome_line(record: EvaluationRecord) -> str:
    """The tender's outcome in one phrase, after the decisions: `not met (1 of 2 vendors do not
    meet every must-requirement; 1 of 2 vendors need manual review)`."""
    lang, lines = record.lang, vendor_lines(record)
    if not lines:
        return _(lang, "no bids checked")
    total = len(lines)
    failing = sum(1 for v in lines if v.outcome == "not_met")
    review = sum(1 for v in lines if v.outcome == "not_verified")
    parts = []
    if failing:
        parts.append(
            _(
                lang,
                "{count} of {total} vendors do not meet every must-requirement",
                count=failing,
                total=total,
            )
        )
    if review:
        parts.append(
            _(lang, "{count} of {total} vendors need manual review", count=review, total=total)
        )
    worst = min((v.outcome for v in lines), key=OUTCOMES.index)
    word = outcome_word(lang, worst)
    return f"{word} ({'; '.join(parts)})" if parts else word


def _some(ids: tuple[str, ...], shown: int = 12) -> str:
    """`K1, K2, … (+170)`: a line on screen, not a page (the record lists them all)."""
    more = f", … (+{len(ids) - shown})" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


def render_text(record: EvaluationRecord) -> str:
    """The summary `tender check` prints: each vendor's outcome, the specification's, and the
    findings awaiting a decision with their fingerprints."""
    lang, w = record.lang, words(record.lang)
    tender = record.tender
    dnr = f" ({tender.diarienummer})" if tender.diarienummer else ""
    out = [f"{w['title']}: {tender.name}{dnr}, {record.date}"]
    for line in vendor_lines(record):
        parts = []
        if line.not_met:
            parts.append(f"{w['not_met']}: {_some(line.not_met)}")
        if line.open:
            parts.append(f"{w['open']}: {_some(line.open)}")
        detail = f" — {'; '.join(parts)}" if parts else ""
        out.append(f"  {line.name}: {outcome_word(lang, line.outcome)}{detail}")
    out.append(tally_line(record))
    out.extend(f"{w['spec']}: {summary}" for summary in spec_summary(record))
    waiting = pending(record)
    if waiting:
        out.append(f"{w['pending']} ({len(waiting)}):")
        for item in waiting:
            finding = item.finding
            about = (
                f"{finding.requirement} {finding.check}" if finding.requirement else finding.check
            )
            message = one_line(finding.message, 140)
            out.append(f"  {item.fingerprint[:SHORT]}  {item.vendor}  {about}: {message}")
        out.append(w["decide_hint"])
    else:
        out.append(w["no_pending"])
    return "\n".join(plain(line, 2000) for line in out) + "\n"
