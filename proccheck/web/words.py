"""The page's words, as English msgids marked for the catalogue (the extractor reads Python
only, so templates get them translated from here: `{{ w.upload }}`)."""

from __future__ import annotations

from proccheck.i18n import N_, translated
from proccheck.model import Lang

WORDS = {
    "app": N_("proccheck"),
    "skip": N_("Skip to the content"),
    "tenders": N_("Tenders"),
    "tenders_here": N_("Tenders in this folder"),
    "no_tenders": N_(
        "No tender folder here. Start one in a terminal with: proccheck tender init FOLDER"
    ),
    "probe": N_("Probe an API description"),
    "language": N_("Language"),
    "dnr": N_("Case number"),
    "buyer": N_("Buyer"),
    "set": N_("Requirement set"),
    "date": N_("Date"),
    "vendors": N_("Vendors"),
    "vendor": N_("Vendor"),
    "outcome": N_("Outcome"),
    "not_met_musts": N_("Must-requirements not met"),
    "open_musts": N_("Must-requirements to review"),
    "by_person": N_("Decided by a person"),
    "pending": N_("Findings awaiting a decision"),
    "none_pending": N_("No finding awaits a decision."),
    "spec": N_("Specification"),
    "spec_none": N_("upphandling.yaml names no specification."),
    "spec_fine": N_("The specification carries every requirement of the set."),
    "requirement": N_("Requirement"),
    "level": N_("Level"),
    "reason": N_("Reason"),
    "matrix": N_("Comparison"),
    "findings": N_("Findings"),
    "no_findings": N_("No findings."),
    "check": N_("Check"),
    "message": N_("What was found"),
    "decision": N_("Decision"),
    "problems": N_("Problems with the input"),
    "downloads": N_("Evaluation record"),
    "download_html": N_("Web page (HTML)"),
    "download_xlsx": N_("Excel workbook (XLSX)"),
    "download_docx": N_("Word document (DOCX)"),
    "upload": N_("Add files to the tender"),
    "upload_kind": N_("What the files are"),
    "kind_answers": N_("A vendor's answers"),
    "kind_api": N_("A vendor's API description"),
    "kind_spec": N_("Requirement specification"),
    "kind_set": N_("Requirement set"),
    "upload_kind_help": N_(
        "Specifications and sets go into krav/ and count once upphandling.yaml names them; "
        "a file with the same name replaces the old one."
    ),
    "upload_vendor": N_("Vendor folder (for answers and API descriptions)"),
    "upload_vendor_help": N_(
        "An existing folder under anbud/, or a new name: letters, digits, - and _."
    ),
    "upload_files": N_("Files"),
    "drop": N_("Drop files here, or choose them"),
    "upload_button": N_("Upload"),
    "working": N_("Checking the tender"),
    "working_note": N_("This page updates by itself. Large tenders take a few seconds."),
    "back_tender": N_("Back to the tender"),
    "finding": N_("Finding"),
    "vendor_text": N_("The vendor's text"),
    "in_context": N_("In its file"),
    "location": N_("Where"),
    "fix": N_("How to fix it"),
    "req_text": N_("Requirement text"),
    "motive": N_("Motive"),
    "sources": N_("Sources"),
    "current": N_("Current decision"),
    "record_decision": N_("Record a decision"),
    "godtas": N_("Accept (godtas)"),
    "avvisas": N_("Reject (avvisas)"),
    "kompletteras": N_("Request a supplement (kompletteras)"),
    "motivation": N_("Motivation (goes into the evaluation record)"),
    "by": N_("Your name (who decided)"),
    "save": N_("Save the decision"),
    "fingerprint": N_("Fingerprint"),
    "probe_intro": N_(
        "Check how open an API is from its OpenAPI description: choose a file, or give an "
        "address. An address is fetched only when you press the button, and never from a "
        "private or local network."
    ),
    "probe_file": N_("OpenAPI file"),
    "probe_url": N_("or its address (https://…)"),
    "probe_button": N_("Probe"),
    "score": N_("Score"),
    "dimension": N_("Dimension"),
    "results": N_("Requirements"),
    "error": N_("Error"),
    "hint": N_("Hint"),
}


def words(lang: Lang) -> dict[str, str]:
    """Every word of the page in `lang`."""
    return translated(lang, WORDS)
