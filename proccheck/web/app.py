"""The routes of `proccheck serve`: each one reads a tender through `proccheck.tender`, or
probes through `proccheck.api`, and hands view data to a Jinja template (autoescaped: vendor
text is never markup)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from proccheck import limits
from proccheck import tender as tenders
from proccheck.decisionformat import fingerprint
from proccheck.errors import ProccheckError
from proccheck.i18n import _, ngettext, use_lang
from proccheck.limits import MAX_INPUT_BYTES
from proccheck.model import Finding, Lang, Report
from proccheck.report import record as views
from proccheck.report.record import EvaluationRecord
from proccheck.resources import write_atomic
from proccheck.tenderformat import BIDS_FOLDER, DECISIONS_FILE, REQUIREMENTS_FOLDER, TENDER_FILE
from proccheck.vocabulary import dimension_name, level_word, outcome_word
from proccheck.web import security
from proccheck.web.jobs import LOCK, Job, Jobs, folder_hash
from proccheck.web.words import words

HERE = Path(__file__).parent
"""Most files one upload may carry (a tender's bids come a few at a time)."""
ROOT_NAME = "-"
"""The URL name of the served folder itself, when it is a tender."""
_KINDS = {
    "answers": (".yaml", ".yml", ".json", ".csv", ".tsv", ".xlsx", ".xlsm"),
    "api": (".yaml", ".yml", ".json"),
    "spec": (".md", ".txt", ".docx", ".pdf", ".yaml", ".yml", ".json", ".csv", ".xlsx"),
    "set": (".yaml", ".yml", ".json", ".csv", ".xlsx"),
}
_JUDGEMENTS = ("godtas", "avvisas", "kompletteras")
_env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


class Refused(Exception):
    """A request the page will not carry out; the message is shown (already translated)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Site:
    """What every route needs: the served folder, the secret, the jobs."""

    root: Path
    token: str
    jobs: Jobs[EvaluationRecord]

    def lang(self, request: Request) -> Lang:
        """Swedish unless the officer switched to English."""
        return "en" if request.cookies.get("lang") == "en" else "sv"

    def page(self, request: Request, template: str, status: int = 200, **values: Any) -> Response:
        """A template, with the words, the language switch and the CSRF token."""
        lang = self.lang(request)
        body = _env.get_template(template).render(
            w=words(lang),
            lang=lang,
            other="en" if lang == "sv" else "sv",
            here=request.url.path,
            csrf=security.csrf_token(self.token),
            outcome_word=lambda o: outcome_word(lang, o),
            level_word=lambda level: level_word(lang, level),
            dimension_name=lambda d: dimension_name(lang, d),
            **values,
        )
        return HTMLResponse(body, status)

    def tenders(self) -> list[tuple[str, Path]]:
        """The tender folders served: the folder itself and its subfolders with an
        upphandling.yaml."""
        found = [(ROOT_NAME, self.root)] if (self.root / TENDER_FILE).is_file() else []
        subs = sorted(p for p in self.root.iterdir() if p.is_dir() and (p / TENDER_FILE).is_file())
        return found + [(p.name, p) for p in subs if security.safe_name(p.name)]

    def folder(self, name: str) -> Path:
        """The tender folder of a URL name; only folders `tenders` lists."""
        for known, path in self.tenders():
            if known == name:
                return path
        raise Refused("", 404)

    def record(self, folder: Path, lang: Lang) -> tuple[str, Job[EvaluationRecord]]:
        """The (cached or running) check of a tender folder."""
        key = folder_hash(folder, lang)
        return key, self.jobs.get(
            key, lambda: tenders.check_tender(folder, lang=lang, fetch_urls=False)
        )


def create_app(root: Path, token: str, port: int) -> Starlette:
    """The application for tenders under `root`, guarded by `token`, reachable only as
    127.0.0.1:`port` or localhost:`port`."""
    site = Site(root.resolve(), token, Jobs())

    def route(path: str, handler: Callable[[Site, Request], Any], post: bool = False) -> Route:
        async def endpoint(request: Request) -> Response:
            try:
                if post:
                    size = request.headers.get("content-length", "")
                    if size.isdigit() and int(size) > MAX_INPUT_BYTES * limits.MAX_UPLOAD_FILES:
                        raise Refused(_(site.lang(request), "The upload is too large."), 413)
                    form = await request.form(max_files=limits.MAX_UPLOAD_FILES, max_fields=50)
                    if not security.csrf_ok(token, form.get(security.CSRF_FIELD)):
                        raise Refused(
                            _(
                                site.lang(request),
                                "This form has expired: reload the page and try again.",
                            ),
                            403,
                        )
                    request.state.form = form
                result: Response = await handler(site, request)
                return result
            except Refused as refused:
                if refused.status == 404:
                    return site.page(
                        request, "error.html", 404, message=_(site.lang(request), "Not found.")
                    )
                return site.page(request, "error.html", refused.status, message=str(refused))

        return Route(path, endpoint, methods=["POST"] if post else ["GET"])

    names = ("127.0.0.1", "localhost")
    hosts = frozenset(f"{host}:{port}" for host in names) | (set(names) if port == 80 else set())
    app = Starlette(
        routes=[
            route("/", index),
            route("/lang/{lang}", switch),
            route("/tender/{name}", tender_page),
            route("/tender/{name}/upload", upload, post=True),
            route("/tender/{name}/record.{fmt}", download),
            route("/tender/{name}/finding/{mark}", finding_page),
            route("/tender/{name}/finding/{mark}", decide, post=True),
            route("/probe", probe_form),
            route("/probe", probe, post=True),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
    )
    return security.Guard(app, token, hosts)  # type: ignore[return-value]


# --- pages ---------------------------------------------------------------------------------------


async def index(site: Site, request: Request) -> Response:
    rows = []
    for name, folder in site.tenders():
        try:
            title = tenders.read_tender(folder).file.name
        except ProccheckError as error:
            title = f"{folder.name}: {error.message}"
        rows.append((name, title))
    return site.page(request, "index.html", tenders=rows)


async def switch(site: Site, request: Request) -> Response:
    lang = request.path_params["lang"]
    back = request.query_params.get("back", "/")
    if not back.startswith("/") or back.startswith("//"):
        back = "/"
    response = RedirectResponse(back, 303)
    response.set_cookie("lang", "en" if lang == "en" else "sv", samesite="strict", httponly=True)
    return response


async def _record_or_progress(
    site: Site, request: Request, name: str
) -> tuple[Path, EvaluationRecord | Response]:
    """The tender's record when its check is done; else the page that waits for it."""
    folder = site.folder(name)
    lang = site.lang(request)
    key, job = await run_in_threadpool(site.record, folder, lang)
    if not job.done.is_set() and not await run_in_threadpool(job.done.wait, 0.5):
        seconds = int(job.seconds())
        elapsed = ngettext(lang, "{n} second so far…", "{n} seconds so far…", seconds, n=seconds)
        count = sum(1 for p in (folder / BIDS_FOLDER).glob("*") if p.is_dir())
        bids = ngettext(lang, "{n} bid to check.", "{n} bids to check.", count, n=count)
        return folder, site.page(request, "progress.html", elapsed=elapsed, bids=bids, name=name)
    if job.result is None:
        site.jobs.forget(key)
        error = job.error
        message = str(error) if error else ""
        hint = error.hint if isinstance(error, ProccheckError) else None
        return folder, site.page(request, "error.html", 500, message=message, hint=hint, name=name)
    return folder, job.result


async def tender_page(site: Site, request: Request) -> Response:
    name = request.path_params["name"]
    folder, made = await _record_or_progress(site, request, name)
    if isinstance(made, Response):
        return made
    return site.page(
        request,
        "tender.html",
        name=name,
        record=made,
        view=_tender_view(made),
        vendors=sorted(p.name for p in (folder / BIDS_FOLDER).glob("*") if p.is_dir()),
        uploaded=_uploaded(site.lang(request), request.query_params.get("uploaded", "")),
    )


async def finding_page(
    site: Site, request: Request, error: str = "", status: int = 200
) -> Response:
    name, mark = request.path_params["name"], request.path_params["mark"]
    folder, made = await _record_or_progress(site, request, name)
    if isinstance(made, Response):
        return made
    found = _finding(made, mark)
    if found is None:
        raise Refused("", 404)
    report, finding = found
    requirement = next(
        (r for r in made.requirements.requirements if r.id == finding.requirement), None
    )
    lang = made.lang
    current = made.decisions.by_fingerprint().get(mark)
    return site.page(
        request,
        "finding.html",
        status,
        name=name,
        record=made,
        finding=finding,
        mark=mark,
        vendor=views.subject_label(report),
        outcome=outcome_word(lang, finding.outcome),
        where=_where(finding),
        context=_context(folder, finding),
        requirement=requirement,
        heading=views.requirement_heading(lang, requirement) if requirement else "",
        current=views.decision_note(lang, current) if current else "",
        error=error,
        form=getattr(request.state, "form", None),
    )


async def decide(site: Site, request: Request) -> Response:
    name, mark = request.path_params["name"], request.path_params["mark"]
    folder = site.folder(name)
    form = request.state.form
    lang = site.lang(request)

    judgement = str(form.get("decision", ""))
    motivation = str(form.get("motivation", "")).strip()
    if judgement not in _JUDGEMENTS or not motivation:
        said = _(lang, "Choose a decision and write its motivation: it goes into the record.")
        return await finding_page(site, request, error=said, status=400)

    def work() -> None:
        with LOCK:
            # the check the finding page showed, when the folder has not changed since
            checked = site.jobs.result(folder_hash(folder, lang))
            tenders.decide(
                folder,
                mark,
                judgement,
                motivation=motivation,
                by=str(form.get("by", "")),
                lang=lang,
                fetch_urls=False,
                record=checked,
            )

    try:
        await run_in_threadpool(work)
    except ProccheckError as error:
        return await finding_page(site, request, error=_message(error), status=400)
    return RedirectResponse(request.url.path, 303)


async def upload(site: Site, request: Request) -> Response:
    name = request.path_params["name"]
    folder = site.folder(name)
    form = request.state.form
    lang = site.lang(request)
    kind = str(form.get("kind", ""))
    if kind not in _KINDS:
        raise Refused(_(lang, "Choose what the files are."))
    target = folder / REQUIREMENTS_FOLDER
    if kind in ("answers", "api"):
        vendor = security.safe_name(str(form.get("vendor", "")).strip())
        if not vendor:
            raise Refused(
                _(lang, "Give the vendor's folder: letters, digits, - and _, no slashes.")
            )
        target = folder / BIDS_FOLDER / vendor / ("bilagor" if kind == "api" else "")
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not files:
        raise Refused(_(lang, "Choose at least one file."))
    chosen = []
    for file in files:
        filename = security.safe_name(file.filename or "")
        if filename is None or filename in (TENDER_FILE, DECISIONS_FILE):
            raise Refused(
                _(
                    lang,
                    "Refused file name {name}: use a plain name without folders.",
                    name=repr(file.filename),
                )
            )
        if not filename.lower().endswith(_KINDS[kind]):
            raise Refused(
                _(
                    lang,
                    "{name}: this kind of file takes {suffixes}",
                    name=filename,
                    suffixes=" ".join(_KINDS[kind]),
                )
            )
        data = await _read_upload(lang, file, filename)
        path = (target / filename).resolve()
        if not path.is_relative_to(folder.resolve()):
            raise Refused(
                _(
                    lang,
                    "Refused file name {name}: use a plain name without folders.",
                    name=repr(filename),
                )
            )
        chosen.append((path, data))

    def save() -> None:
        with LOCK:  # not while a check reads the folder
            for path, data in chosen:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, data)

    await run_in_threadpool(save)
    return RedirectResponse(f"/tender/{name}?uploaded={len(chosen)}", 303)


_MEDIA = {
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


async def download(site: Site, request: Request) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in _MEDIA:
        raise Refused("", 404)
    _folder, made = await _record_or_progress(site, request, request.path_params["name"])
    if isinstance(made, Response):
        return made
    from proccheck.report import record_docx, record_xlsx

    renderers: dict[str, Callable[[EvaluationRecord], str | bytes]] = {
        "html": views.render_html,
        "xlsx": record_xlsx.render_xlsx,
        "docx": record_docx.render_docx,
    }
    render = renderers[fmt]
    body = await run_in_threadpool(render, made)
    filename = f"utvarderingsprotokoll.{fmt}"
    disposition = "inline" if fmt == "html" else f'attachment; filename="{filename}"'
    return Response(body, media_type=_MEDIA[fmt], headers={"content-disposition": disposition})


async def probe_form(site: Site, request: Request) -> Response:
    return site.page(request, "probe.html", report=None)


async def probe(site: Site, request: Request) -> Response:
    from proccheck import api

    form = request.state.form
    lang = site.lang(request)
    file = form.get("file")
    url = str(form.get("url", "")).strip()

    def work(source: str) -> Report:
        with LOCK, use_lang(lang):
            return api.probe(source, lang=lang)

    try:
        if isinstance(file, UploadFile) and file.filename:
            data = await _read_upload(lang, file, file.filename)
            suffix = ".json" if (file.filename or "").lower().endswith(".json") else ".yaml"
            with tempfile.TemporaryDirectory() as temp:
                path = Path(temp, f"openapi{suffix}")
                path.write_bytes(data)
                report = await run_in_threadpool(work, str(path))
            report = report.model_copy(
                update={"subject": report.subject.model_copy(update={"path": file.filename})}
            )
        elif url.startswith(("https://", "http://")):
            report = await run_in_threadpool(work, url)
        else:
            raise Refused(_(lang, "Choose a file or give an address starting with https://."))
    except ProccheckError as error:
        return site.page(request, "probe.html", 400, report=None, error=_message(error), url=url)
    return site.page(
        request, "probe.html", report=report, url=url, outcome=outcome_word(lang, report.outcome)
    )


async def _read_upload(lang: Lang, file: UploadFile, name: str) -> bytes:
    """An uploaded file's bytes; Refused (413) when it is larger than an input may be."""
    chunks, size = [], 0
    while chunk := await file.read(1 << 20):  # never one read of the whole limit
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise Refused(
                _(lang, "{name} is larger than {mb} MB.", name=name, mb=MAX_INPUT_BYTES // 2**20),
                413,
            )
        chunks.append(chunk)
    return b"".join(chunks)


# --- view data -----------------------------------------------------------------------------------


def _uploaded(lang: Lang, count: str) -> str:
    if not count.isdigit():
        return ""
    n = int(count)
    return ngettext(
        lang,
        "{n} file added; the tender was checked again.",
        "{n} files added; the tender was checked again.",
        n,
        n=n,
    )


def _message(error: ProccheckError) -> str:
    return " ".join(p for p in (error.location(), error.message, error.hint or "") if p)


def _finding(record: EvaluationRecord, mark: str) -> tuple[Report, Finding] | None:
    for report in (*record.spec.reports, *record.comparison.run.reports):
        for finding in views.all_findings(report):
            if fingerprint(finding) == mark:
                return report, finding
    return None


def _where(finding: Finding) -> str:
    loc = finding.location
    parts = [loc.path]
    if loc.sheet:
        parts.append(f"{loc.sheet}!{loc.column or ''}{loc.row or ''}")
    elif loc.line:
        parts.append(str(loc.line))
    if loc.pointer:
        parts.append(loc.pointer)
    return ":".join(parts)


def _context(folder: Path, finding: Finding, around: int = 3) -> list[tuple[int, str, bool]]:
    """The lines around a finding in a text file of the tender (none for workbooks and Word
    files, whose evidence is the cell or paragraph quoted)."""
    loc = finding.location
    path = (folder / loc.path).resolve()
    if not loc.line or not path.is_relative_to(folder.resolve()) or not path.is_file():
        return []
    if path.suffix.lower() not in (".yaml", ".yml", ".json", ".csv", ".tsv", ".md", ".txt"):
        return []
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return []
    first = max(loc.line - around, 1)
    return [
        (n, lines[n - 1][:400], n == loc.line)
        for n in range(first, min(loc.line + around, len(lines)) + 1)
    ]


@dataclass(frozen=True)
class VendorView:
    """One vendor's verdicts and findings for the tender page."""

    line: views.VendorLine
    findings: list[tuple[Finding, str, str]]  # finding, fingerprint, decision note


def _tender_view(record: EvaluationRecord) -> dict[str, Any]:
    lang = record.lang
    reports = record.comparison.run.reports
    known = record.decisions.by_fingerprint()
    vendors = []
    for line, report in zip(views.vendor_lines(record), reports, strict=True):
        rows = []
        for finding in views.all_findings(report):
            mark = fingerprint(finding)
            note = views.decision_note(lang, known[mark]) if mark in known else ""
            rows.append((finding, mark, note))
        vendors.append(VendorView(line, rows))
    verdicts = [views.verdicts(record, report) for report in reports]
    matrix = []
    for row in record.comparison.rows:
        cells = []
        for found in verdicts:
            verdict = found.get(row.requirement)
            cells.append(
                (
                    verdict.outcome,
                    outcome_word(lang, verdict.outcome),
                    views.by_word(lang, verdict.by),
                )
                if verdict
                else None
            )
        matrix.append((row, cells))
    spec_findings = [(f, fingerprint(f)) for r in record.spec.reports for f in r.findings]
    return {
        "header": views.header_rows(record),
        "vendors": vendors,
        "names": [r.subject.name for r in reports],
        "matrix": matrix,
        "pending": views.pending(record),
        "spec_summary": views.spec_summary(record),
        "spec_rows": views.spec_rows(record),
        "spec_findings": spec_findings,
        "problems": views.problems(record),
        "tally": views.tally_line(record),
        "outcome_word": lambda o: outcome_word(lang, o),
    }
