"""A tender folder: one procurement, checked with one command into one evaluation record.

The folder holds `upphandling.yaml` (`proccheck.tenderformat`), the requirements under `krav/`,
one folder per bid under `anbud/`, and the officer's decisions in `beslut.yaml`. This module
reads them, runs the library's own pipelines (spec check, answers check with the attached API
descriptions probed, comparison) and gathers the `EvaluationRecord` the formatters render.

Paths in the record and in the fingerprints of findings are relative to the tender folder, so a
decision matches its finding wherever the command is run from.
"""

from __future__ import annotations

import contextlib
import datetime
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from proccheck.decisionformat import Decision, DecisionFile, Judgement, decision_for, fingerprint
from proccheck.errors import InputError, ProccheckError, UsageError
from proccheck.i18n import N_, tr
from proccheck.loaders.inputs import ANSWERS
from proccheck.model import Finding, Lang, Problem, Report, RunResult
from proccheck.report.record import EvaluationRecord, all_findings
from proccheck.resources import display_path, shown_from, write_atomic
from proccheck.tenderformat import (
    BIDS_FOLDER,
    DECISIONS_FILE,
    REQUIREMENTS_FOLDER,
    TENDER_FILE,
    TenderFile,
    Vendor,
)

SCHEMA = "schemas/tender.schema.json"
JUDGEMENT_WORDS: dict[str, Judgement] = {
    "godtas": "accepted",
    "accepted": "accepted",
    "accept": "accepted",
    "avvisas": "rejected",
    "rejected": "rejected",
    "reject": "rejected",
    "kompletteras": "supplement",
    "supplement": "supplement",
}
"""What `tender decide --decision` accepts, in Swedish and English."""


@dataclass(frozen=True)
class Bid:
    """One vendor's folder, with the answers file found or named in upphandling.yaml."""

    vendor: Vendor
    answers: Path | None


@dataclass(frozen=True)
class Tender:
    """A read tender folder."""

    folder: Path
    file: TenderFile
    bids: tuple[Bid, ...]


# --- reading and writing the folder --------------------------------------------------------------


def read_tender(folder: Path) -> Tender:
    """Read upphandling.yaml and find the bids (listed ones, then unlisted folders under
    anbud/). Raises InputError with the file, line and a hint."""
    from pydantic import ValidationError

    from proccheck.loaders.structured import load_file
    from proccheck.setformat import explain, join_hints

    path = folder / TENDER_FILE
    shown = display_path(path)
    if not path.is_file():
        raise InputError(
            tr("no {file} in this folder", file=TENDER_FILE),
            path=display_path(folder),
            hint=tr("create one with: proccheck tender init {folder}", folder=display_path(folder)),
        )
    loaded = load_file(path, shown, lines=True)
    data = loaded.data if loaded.data is not None else {}
    if not isinstance(data, dict):
        raise InputError(
            tr("{file} must be a mapping of keys to values", file=TENDER_FILE),
            path=shown,
            hint=tr("see {schema} for the keys", schema=SCHEMA),
        )
    try:
        parsed = TenderFile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        problem = explain(exc.errors(), data, TenderFile)
        message = problem.message
        if error["type"] == "value_error":
            message = str(error.get("ctx", {}).get("error", message))
        pointer = "".join(f"/{part}" for part in problem.path)
        line = loaded.line_of(pointer or "/")
        raise InputError(
            message,
            path=shown,
            where=str(line) if line else None,
            hint=join_hints(problem.hint, tr("see {schema} for the keys", schema=SCHEMA)),
        ) from None
    return Tender(folder, parsed, _bids(folder, parsed))


def _bids(folder: Path, tender: TenderFile) -> tuple[Bid, ...]:
    listed = {vendor.folder: vendor for vendor in tender.vendors}
    root = folder / BIDS_FOLDER
    found = sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    vendors = [*tender.vendors, *(Vendor(folder=name) for name in found if name not in listed)]
    return tuple(Bid(v, _answers_file(root, v)) for v in vendors)


def _answers_file(root: Path, vendor: Vendor) -> Path | None:
    """The answers file named in upphandling.yaml, or the only answers file in the bid's
    folder; relative to the tender folder."""
    inside = Path(BIDS_FOLDER, vendor.folder)
    if vendor.answers:
        return inside / vendor.answers
    folder = root / vendor.folder
    if not folder.is_dir():
        return None
    candidates = sorted(
        p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ANSWERS.suffixes
    )
    return inside / candidates[0] if len(candidates) == 1 else None


def _missing_answers(bid: Bid) -> Problem:
    where = f"{BIDS_FOLDER}/{bid.vendor.folder}"
    return Problem(
        path=where,
        message=tr("no answers file for this bid"),
        hint=tr(
            "put one answers file (.yaml .json .csv .xlsx) in {folder}, or name it under "
            "vendors in {file} (answers: …)",
            folder=where,
            file=TENDER_FILE,
        ),
    )


def init_tender(
    folder: Path,
    *,
    set_ref: str,
    name: str = "",
    diarienummer: str = "",
    buyer: str = "",
) -> Path:
    """Write upphandling.yaml and the folders it describes (`krav/`, `anbud/`); an existing
    upphandling.yaml is never overwritten (UsageError). Bids already in anbud/ are listed."""
    import yaml

    from proccheck.api import load_requirement_set
    from proccheck.requirements import BUILTIN_PREFIX

    path = folder / TENDER_FILE
    if path.exists():
        raise UsageError(
            tr("the file already exists; it is left as it is"),
            path=display_path(path),
            hint=tr("edit it, or run tender init on another folder"),
        )
    if folder.exists() and not folder.is_dir():
        raise UsageError(tr("is a file, not a folder"), path=display_path(folder))
    load_requirement_set(set_ref)  # a set that cannot be resolved is said now, not at check
    if not set_ref.startswith(BUILTIN_PREFIX):
        set_ref = Path(os.path.relpath(Path(set_ref).absolute(), folder.absolute())).as_posix()
    for sub in (REQUIREMENTS_FOLDER, BIDS_FOLDER):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    found = sorted(p.name for p in (folder / BIDS_FOLDER).iterdir() if p.is_dir())
    tender = TenderFile(
        name=name or folder.absolute().name,
        diarienummer=diarienummer,
        buyer=buyer,
        set=set_ref,
        vendors=tuple(Vendor(folder=f, name=f) for f in found),
    )
    data = tender.model_dump(mode="json", exclude={"version"})
    head = tr(
        "The procurement for proccheck tender check ({schema}). Paths are relative to this "
        "folder: the requirement specification goes in krav/, each bid in its own folder under "
        "anbud/ (answers file and attachments).",
        schema=SCHEMA,
    )
    body = yaml.safe_dump({"version": 1, **data}, allow_unicode=True, sort_keys=False, width=100)
    text = "".join(f"# {line}\n" for line in _wrap(head)) + _commented(body)
    write_atomic(path, text)
    return path


_KEY_NOTES = {
    "specification": N_("e.g. krav/kravspecifikation.docx; empty: the bids answer the set"),
    "dates": N_("YYYY-MM-DD; evaluation is the record's date (empty: the day it is written)"),
    "vendors": N_("one per folder under anbud/: folder, name, answers, attachments"),
}
"""A comment after a top-level key of a new upphandling.yaml, on what to write there."""


def _commented(body: str) -> str:
    lines = []
    for line in body.splitlines():
        key = line.partition(":")[0]
        note = _KEY_NOTES.get(key) if not line.startswith(" ") else None
        said = tr(note) if note else ""
        lines.append(f"{line}  # {said}" if said else line)
    return "\n".join(lines) + "\n"


def _wrap(text: str) -> list[str]:
    import textwrap

    return textwrap.wrap(text, 96)


def read_decisions(folder: Path) -> DecisionFile:
    """beslut.yaml of the tender folder; none yet is no decisions."""
    from proccheck.loaders.decisions import read_decisions as read

    path = folder / DECISIONS_FILE
    return read(path) if path.exists() else DecisionFile()


def write_decisions(folder: Path, decisions: DecisionFile) -> Path:
    """Write beslut.yaml atomically, with a comment saying what it is."""
    import yaml

    data = decisions.model_dump(mode="json", exclude_defaults=False)
    head = tr(
        "Decisions about findings (schemas/decisions.schema.json): accepted = godtas, rejected "
        "= avvisas, supplement = kompletteras. Written by proccheck tender decide; editing "
        "by hand is fine."
    )
    text = "".join(f"# {line}\n" for line in _wrap(head)) + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=100
    )
    path = folder / DECISIONS_FILE
    write_atomic(path, text)
    return path


# --- checking ------------------------------------------------------------------------------------


def _within(root: Path, ref: str) -> str:
    """A set reference of upphandling.yaml: built-in as it is, a path relative to the folder."""
    if ref.startswith("builtin:") or Path(ref).is_absolute():
        return ref
    return str(root / ref)


def as_seen(path: str, folder: Path) -> str:
    """A path relative to the tender folder as the user sees it from the working directory
    (URLs, built-in sets and absolute paths as they are)."""
    if not path or path.startswith(("http://", "https://", "builtin:")):
        return path
    return display_path(folder / path) if not Path(path).is_absolute() else path


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    """Show every path the pipelines report (and so every fingerprint) relative to the tender
    folder; errors name files as the user sees them from the working directory."""
    try:
        with shown_from(folder):
            yield
    except ProccheckError as error:
        error.path = as_seen(error.path, folder)
        raise


def check_tender(
    folder: Path, *, lang: Lang, date: str | None = None, fetch_urls: bool = True
) -> EvaluationRecord:
    """Check the whole tender: the specification against the set, every bid's answers (API
    descriptions they attached probed; with `fetch_urls` False, addresses are not fetched and
    leave their requirements not verified), the comparison, the decisions."""
    from proccheck import api
    from proccheck.i18n import use_lang

    with use_lang(lang):
        tender = read_tender(folder)
        decisions = read_decisions(folder)
        # accepted findings are set aside in the reports; paths are the folder's
        with _inside(folder), api.screened(decisions=decisions):
            return _record(tender, decisions, lang, date, fetch_urls)


def _record(
    tender: Tender, decisions: DecisionFile, lang: Lang, date: str | None, fetch_urls: bool
) -> EvaluationRecord:
    from proccheck import api
    from proccheck.model import SetRef

    root = tender.folder.resolve()
    spec = str(root / tender.file.specification) if tender.file.specification else None
    chosen = api.load_requirement_set(_within(root, tender.file.set))
    spec_run = RunResult()
    procurement: tuple[str, ...] = ()
    answered = chosen
    if spec:
        spec_run = api.check_spec([spec], requirement_set=chosen, lang=lang, errors="collect")
        answered, procurement = api.set_from_spec(Path(spec), chosen, lang)
    reference = tender.file.diarienummer
    expected = (*procurement, reference) if procurement and reference else procurement
    bids = [b for b in tender.bids if b.answers is not None]
    paths = [root / b.answers for b in bids if b.answers is not None]
    run = (
        api.answers_run(paths, answered, lang, expected, probe=True, fetch_urls=fetch_urls)
        if paths
        else RunResult()
    )
    missing = tuple(_missing_answers(b) for b in tender.bids if b.answers is None)
    run = RunResult(reports=_named(run.reports, bids), problems=(*run.problems, *missing))
    return EvaluationRecord(
        lang=lang,
        date=date or tender.file.dates.evaluation or datetime.date.today().isoformat(),
        tender=tender.file,
        set_ref=SetRef(id=chosen.id, version=chosen.version),
        set_title=chosen.title.get(lang) or chosen.id,
        requirements=answered,
        spec=spec_run,
        comparison=api.comparison(run, answered, lang),
        decisions=decisions,
    )


def _named(reports: tuple[Report, ...], bids: list[Bid]) -> tuple[Report, ...]:
    """Each report under the vendor's name: upphandling.yaml's, else the answers file's (a
    spreadsheet has none: then the folder's, made readable)."""
    from proccheck.loaders.answers import vendor_from_name

    by_path = {b.answers.as_posix(): b for b in bids if b.answers}
    named = []
    for report in reports:
        bid = by_path.get(report.subject.path)
        if bid is not None:
            derived = vendor_from_name(Path(report.subject.path))
            own = report.subject.name if report.subject.name != derived else ""
            name = bid.vendor.name or own or vendor_from_name(Path(bid.vendor.folder))
            report = report.model_copy(
                update={"subject": report.subject.model_copy(update={"name": name})}
            )
        named.append(report)
    return tuple(named)


# --- deciding ------------------------------------------------------------------------------------


def findings_of(record: EvaluationRecord) -> Iterator[Finding]:
    """Every finding of the record, set aside ones included (a decision can be changed)."""
    for report in (*record.spec.reports, *record.comparison.run.reports):
        yield from all_findings(report)


def decide(
    folder: Path,
    mark: str,
    judgement: str,
    *,
    motivation: str,
    by: str = "",
    date: str | None = None,
    lang: Lang = "en",
    fetch_urls: bool = True,
    record: EvaluationRecord | None = None,
) -> Decision:
    """Record a decision about the finding whose fingerprint is `mark` (or starts with it, at
    least 6 characters) in beslut.yaml, replacing an earlier one about the same finding
    (`fetch_urls` as in `check_tender`: the findings must be those the decider saw). `record`
    is the folder's check as it stands when one is at hand (the web page's); else the folder is
    checked now."""
    from pydantic import ValidationError

    word = judgement.strip().lower()
    if word not in JUDGEMENT_WORDS:
        raise UsageError(
            tr("unknown decision {word}", word=repr(judgement)),
            hint=tr("choose godtas (accepted), avvisas (rejected) or kompletteras (supplement)"),
        )
    if record is None:
        record = check_tender(folder, lang=lang, fetch_urls=fetch_urls)
    finding = _find(record, mark.strip().lower())
    details: dict[str, Any] = {
        "motivation": motivation.strip(),
        "by": by.strip(),
        "date": date or datetime.date.today().isoformat(),
    }
    try:
        decision = decision_for(finding, JUDGEMENT_WORDS[word], **details)
    except ValidationError as exc:
        raise UsageError(
            str(exc.errors()[0].get("msg", exc)),
            hint=tr('give the reason with --motivation "…"'),
        ) from None
    kept = [d for d in record.decisions.decisions if d.fingerprint != decision.fingerprint]
    write_decisions(folder, DecisionFile(decisions=(*kept, decision)))
    return decision


def _find(record: EvaluationRecord, mark: str) -> Finding:
    if len(mark) < 6:
        raise UsageError(
            tr("a fingerprint needs at least 6 characters"),
            hint=tr("copy it from the list tender check prints"),
        )
    every = ((fingerprint(f), f) for f in findings_of(record))
    matches = {mark_of: f for mark_of, f in every if mark_of.startswith(mark)}
    if len(matches) == 1:
        return next(iter(matches.values()))
    if not matches:
        raise UsageError(
            tr("no finding has the fingerprint {mark}", mark=mark),
            hint=tr("run proccheck tender check to list the findings and their fingerprints"),
        )
    raise UsageError(
        tr("{count} findings start with {mark}", count=len(matches), mark=mark),
        hint=tr("give more of the fingerprint"),
    )
