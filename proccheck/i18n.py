"""Every user-facing word of reports and CLI messages, in Swedish and English.

`t(lang, key, **values)` formats one message. A test fails when a key lacks a language or when
the two languages use different placeholders.
"""

from __future__ import annotations

import locale
import os
from typing import Any

from proccheck.model import Lang

MESSAGES: dict[str, dict[str, str]] = {
    # outcomes and levels
    "outcome.met": {"sv": "uppfyllt", "en": "met"},
    "outcome.not_met": {"sv": "ej uppfyllt", "en": "not met"},
    "outcome.not_verified": {"sv": "ej verifierat", "en": "not verified"},
    "outcome.not_applicable": {"sv": "ej tillämpligt", "en": "not applicable"},
    "level.must": {"sv": "skall", "en": "must"},
    "level.should": {"sv": "bör", "en": "should"},
    "severity.error": {"sv": "fel", "en": "error"},
    "severity.warning": {"sv": "varning", "en": "warning"},
    "severity.note": {"sv": "notering", "en": "note"},
    "principle.data-ownership": {
        "sv": "Dataägande och kontroll",
        "en": "Data ownership and control",
    },
    "principle.exit": {"sv": "Exit och portabilitet", "en": "Exit and portability"},
    "principle.open-standards": {"sv": "Öppna standarder", "en": "Open standards"},
    "principle.open-apis": {"sv": "Öppna API:er", "en": "Open APIs"},
    "kind.spec": {"sv": "Kravspecifikation", "en": "Requirement specification"},
    "kind.answers": {"sv": "Leverantörssvar", "en": "Vendor answers"},
    "kind.probe": {"sv": "API-beskrivning", "en": "API description"},
    "kind.set": {"sv": "Kravuppsättning", "en": "Requirement set"},
    # set lint
    "set.translation_missing": {
        "sv": "{requirement}: {field} saknas på {missing}",
        "en": "{requirement}: {field} is missing in {missing}",
    },
    "set.translation_missing.fix": {
        "sv": "Skriv {field} på både svenska (sv) och engelska (en).",
        "en": "Write the {field} in both Swedish (sv) and English (en).",
    },
    "set.cues_missing": {
        "sv": "{requirement}: saknar igenkänningsord (cues); kravet hittas bara via uttrycklig referens",
        "en": "{requirement}: has no detection cues; it is found only by explicit reference",
    },
    "set.cues_missing.fix": {
        "sv": "Lägg till cues med ordgrupper på svenska och engelska.",
        "en": "Add cues with term groups in Swedish and English.",
    },
    "set.cue_invalid": {
        "sv": "{requirement}: igenkänningsordet {cue!r} är inte ett giltigt reguljärt uttryck ({error})",
        "en": "{requirement}: cue {cue!r} is not a valid regular expression ({error})",
    },
    "set.cue_invalid.fix": {
        "sv": "Rätta uttrycket eller skriv ordet utan specialtecken.",
        "en": "Fix the expression or write the term without special characters.",
    },
    "set.unknown_check": {
        "sv": "{requirement}: hänvisar till okänd kontroll {check}",
        "en": "{requirement}: refers to unknown check {check}",
    },
    "set.unknown_check.fix": {
        "sv": "Använd en kod från `proccheck checks list`.",
        "en": "Use a code from `proccheck checks list`.",
    },
    "set.valid": {"sv": "giltig", "en": "valid"},
    "set.summary": {
        "sv": "{count} krav ({must} skall, {should} bör)",
        "en": "{count} requirements ({must} must, {should} should)",
    },
    "lang.sv": {"sv": "svenska", "en": "Swedish"},
    "lang.en": {"sv": "engelska", "en": "English"},
    "field.title": {"sv": "rubriken", "en": "title"},
    "field.text": {"sv": "kravtexten", "en": "text"},
}


def t(lang: Lang, key: str, **values: Any) -> str:
    """The message `key` in `lang`, with `values` filled in."""
    return MESSAGES[key][lang].format(**values)


def default_lang() -> Lang:
    """Swedish when the locale says so (LC_ALL, LC_MESSAGES, LANG), else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    try:
        current = locale.getlocale()[0] or ""
    except ValueError:
        current = ""
    return "sv" if current.lower().startswith("sv") else "en"
