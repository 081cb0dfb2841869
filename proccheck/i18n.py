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
    # spec check
    "spec.missing": {
        "sv": "{requirement} ({title}) saknas i kravspecifikationen",
        "en": "{requirement} ({title}) is missing from the specification",
    },
    "spec.missing.fix": {
        "sv": "Lägg till kravet, till exempel: {text}",
        "en": "Add the requirement, for example: {text}",
    },
    "spec.weak_match": {
        "sv": "{requirement} ({title}) hittas bara delvis, i {where}; kontrollera om det uppfyller kravet",
        "en": "{requirement} ({title}) is only partly matched, by {where}; check whether it implements it",
    },
    "spec.weak_match.fix": {
        "sv": "Skriv kravet fullständigt, eller ange `implements: {requirement}` / kravets id i texten.",
        "en": "Write the requirement in full, or mark it with `implements: {requirement}` / the id in the text.",
    },
    "spec.weakened": {
        "sv": "{requirement} är ett skall-krav men {where} uttrycker det bara som bör-krav",
        "en": "{requirement} is a must-requirement but {where} only asks for it as a should",
    },
    "spec.weakened.fix": {
        "sv": "Skriv kravet med ska/skall och ange det som skall-krav.",
        "en": "Write the requirement with shall/must and declare it as a must.",
    },
    "spec.escape": {
        "sv": '{requirement} finns i {where} men med reservationen "{phrase}", så det går inte att kräva',
        "en": '{requirement} is in {where} but with the escape clause "{phrase}", so it cannot be enforced',
    },
    "spec.escape.fix": {
        "sv": 'Ta bort "{phrase}"; ange eventuella undantag uttryckligen.',
        "en": 'Remove "{phrase}"; state any real exceptions explicitly.',
    },
    "spec.vague": {
        "sv": "{where}: skall-kravet har vaga eller öppna formuleringar: {terms}",
        "en": "{where}: the must-requirement has vague or open-ended wording: {terms}",
    },
    "spec.vague.fix": {
        "sv": "Ersätt med något mätbart (standard, tal, lista), stäng öppna listor och välj mellan och/eller.",
        "en": "Replace with something measurable (a standard, a number, a list), close open lists, choose and or or.",
    },
    "spec.compound": {
        "sv": "{where}: {count} krav i samma mening",
        "en": "{where}: {count} requirements in one sentence",
    },
    "spec.compound.fix": {
        "sv": "Dela upp meningen i separata, numrerade krav.",
        "en": "Split the sentence into separate, numbered requirements.",
    },
    "spec.verification_missing": {
        "sv": "{requirement} kräver underlag, men {where} anger inte vad leverantören ska bifoga",
        "en": "{requirement} needs evidence, but {where} does not say what the vendor must submit",
    },
    "spec.verification_missing.fix": {
        "sv": "Ange vad som ska bifogas anbudet: {rule}",
        "en": "State what must be attached to the tender: {rule}",
    },
    "spec.no_requirements": {
        "sv": "inga krav hittades bland dokumentets {items} textstycken (inga ska/skall/bör-formuleringar)",
        "en": "no requirements found among the document's {items} text items (no shall/must/should wording)",
    },
    "spec.no_requirements.fix": {
        "sv": "Kontrollera att det är rätt fil och formulera kraven med ska/skall eller bör.",
        "en": "Check that this is the right file, and word the requirements with shall/must or should.",
    },
    "spec.contradiction.vendor-owns-data": {
        "sv": '{where}: texten ger leverantören äganderätt till data ("{phrase}")',
        "en": '{where}: the text gives the vendor ownership of the data ("{phrase}")',
    },
    "spec.contradiction.vendor-owns-data.fix": {
        "sv": "Stryk texten; ange att beställaren äger all data, inklusive metadata och loggar.",
        "en": "Remove the text; state that the buyer owns all data, including metadata and logs.",
    },
    "spec.contradiction.export-at-cost": {
        "sv": '{where}: export eller återlämning av data kostar extra ("{phrase}")',
        "en": '{where}: export or return of data costs extra ("{phrase}")',
    },
    "spec.contradiction.export-at-cost.fix": {
        "sv": "Ange att export och återlämning av all data ingår utan extra kostnad.",
        "en": "State that export and return of all data is included at no extra cost.",
    },
    "spec.contradiction.vendor-format": {
        "sv": '{where}: data lämnas bara i leverantörens eget format ("{phrase}")',
        "en": '{where}: data is delivered only in the vendor\'s own format ("{phrase}")',
    },
    "spec.contradiction.vendor-format.fix": {
        "sv": "Kräv öppna, dokumenterade och maskinläsbara format (t.ex. CSV, JSON, XML) i stället.",
        "en": "Demand open, documented, machine-readable formats (CSV, JSON, XML) instead.",
    },
    "spec.contradiction.compatible-with-product": {
        "sv": '{where}: kompatibilitet med en produkt i stället för en öppen standard ("{phrase}")',
        "en": '{where}: compatibility with a product instead of an open standard ("{phrase}")',
    },
    "spec.contradiction.compatible-with-product.fix": {
        "sv": "Ange den öppna standard som ska stödjas (t.ex. ODF, PDF/A, OIDC) i stället för produkten.",
        "en": "Name the open standard to support (e.g. ODF, PDF/A, OIDC) instead of the product.",
    },
    "spec.contradiction.brand-without-equivalent": {
        "sv": '{where}: produkten eller varumärket "{phrase}" anges utan "eller likvärdigt"',
        "en": '{where}: the product or brand "{phrase}" is named without "or equivalent"',
    },
    "spec.contradiction.brand-without-equivalent.fix": {
        "sv": 'Lägg till "eller likvärdigt", eller beskriv funktionen/standarden i stället för produkten.',
        "en": 'Add "or equivalent", or describe the function or standard instead of the product.',
    },
    "spec.contradiction.api-fee-or-nda": {
        "sv": '{where}: API-åtkomst eller API-dokumentation kräver avgift eller sekretessavtal ("{phrase}")',
        "en": '{where}: API access or documentation requires a fee or a non-disclosure agreement ("{phrase}")',
    },
    "spec.contradiction.api-fee-or-nda.fix": {
        "sv": "Kräv att API:er och deras dokumentation ingår utan extra avgift och är öppet publicerade.",
        "en": "Demand that APIs and their documentation are included at no extra fee and openly published.",
    },
    "spec.result.met": {"sv": "{where} uppfyller kravet", "en": "{where} implements it"},
    "spec.result.missing": {"sv": "saknas i dokumentet", "en": "missing from the document"},
    "where.line": {"sv": "rad {line}", "en": "line {line}"},
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
