"""Every user-facing word of reports and CLI messages, in Swedish and English.

`t(lang, key, **values)` formats one message. A test fails when a key lacks a language or when
the two languages use different placeholders.
"""

from __future__ import annotations

import functools
import locale
import os
import re
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
    "principle.other": {"sv": "Övrigt", "en": "Other"},
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
        "sv": "{requirement}: igenkänningsordet {cue!r} kan inte användas ({error})",
        "en": "{requirement}: cue {cue!r} cannot be used ({error})",
    },
    "set.cue_invalid.fix": {
        "sv": "Rätta uttrycket, undvik nästlade upprepningar, eller skriv ordet utan specialtecken.",
        "en": "Fix the expression, avoid nested repetition, or write the term without special characters.",
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
    "spec.contradiction.vendor-reuses-data": {
        "sv": '{where}: leverantören får använda beställarens data för egna ändamål ("{phrase}")',
        "en": '{where}: the vendor may use the buyer\'s data for its own purposes ("{phrase}")',
    },
    "spec.contradiction.vendor-reuses-data.fix": {
        "sv": "Stryk texten; ange att data endast får behandlas för att leverera tjänsten.",
        "en": "Remove the text; state that data may be processed only to deliver the service.",
    },
    "spec.contradiction.api-fee": {
        "sv": '{where}: API-åtkomst kostar extra ("{phrase}")',
        "en": '{where}: API access costs extra ("{phrase}")',
    },
    "spec.contradiction.api-fee.fix": {
        "sv": "Kräv att API-åtkomst ingår i priset utan extra licens- eller transaktionsavgifter.",
        "en": "Demand that API access is included in the price, without licence or transaction fees.",
    },
    "spec.contradiction.api-nda": {
        "sv": '{where}: API-dokumentationen lämnas bara under sekretessavtal ("{phrase}")',
        "en": '{where}: the API documentation is given only under a non-disclosure agreement ("{phrase}")',
    },
    "spec.contradiction.api-nda.fix": {
        "sv": "Kräv en publicerad, maskinläsbar API-beskrivning (OpenAPI) utan sekretessavtal.",
        "en": "Demand a published, machine-readable API description (OpenAPI) without an NDA.",
    },
    "spec.result.met": {"sv": "{where} uppfyller kravet", "en": "{where} implements it"},
    "spec.result.missing": {"sv": "saknas i dokumentet", "en": "missing from the document"},
    "where.line": {"sv": "rad {line}", "en": "line {line}"},
    # probe
    "probe.oa001.swagger2": {
        "sv": "Beskrivningen är OpenAPI 2.0 (Swagger); kravet gäller OpenAPI 3.0 eller senare",
        "en": "The description is OpenAPI 2.0 (Swagger); OpenAPI 3.0 or later is required",
    },
    "probe.oa001.swagger2.fix": {
        "sv": "Konvertera och publicera beskrivningen som OpenAPI 3.0 eller 3.1.",
        "en": "Convert and publish the description as OpenAPI 3.0 or 3.1.",
    },
    "probe.oa001.structure": {
        "sv": "Strukturfel i beskrivningen: {problem}",
        "en": "Structural problem in the description: {problem}",
    },
    "probe.oa001.structure.fix": {
        "sv": "Komplettera beskrivningen enligt OpenAPI-specifikationen.",
        "en": "Complete the description as the OpenAPI Specification requires.",
    },
    "probe.oa001.no_operations": {
        "sv": "Beskrivningen innehåller inga operationer",
        "en": "The description declares no operations",
    },
    "probe.oa001.no_operations.fix": {
        "sv": "Beskriv API:ets operationer under `paths`.",
        "en": "Describe the API's operations under `paths`.",
    },
    "probe.oa001.refs_missing": {
        "sv": "{count} $ref pekar på delar som inte finns i dokumentet",
        "en": "{count} $refs point at parts that do not exist in the document",
    },
    "probe.oa001.refs_missing.fix": {
        "sv": "Rätta eller ta bort referenserna så att varje $ref pekar på en befintlig del.",
        "en": "Fix or remove the references so that every $ref points at an existing part.",
    },
    "probe.oa001.refs_cyclic": {
        "sv": "{count} $ref ingår i en referensslinga som aldrig når ett schema",
        "en": "{count} $refs form a reference loop that never reaches a schema",
    },
    "probe.oa001.refs_cyclic.fix": {
        "sv": "Bryt slingan så att referenskedjan slutar i ett faktiskt schema.",
        "en": "Break the loop so that the chain of references ends in an actual schema.",
    },
    "probe.oa001.refs_remote": {
        "sv": "{count} $ref pekar på andra filer eller adresser och har inte följts",
        "en": "{count} $refs point at other files or URLs and were not followed",
    },
    "probe.oa001.refs_remote.fix": {
        "sv": "Publicera beskrivningen som en enda sammanslagen fil (bundle).",
        "en": "Publish the description as one bundled file.",
    },
    "probe.oa001.refs_remote_failed": {
        "sv": "{count} $ref pekar på {documents} andra dokument som inte kunde hämtas ({why})",
        "en": "{count} $refs point at {documents} other documents that could not be fetched ({why})",
    },
    "probe.oa001.refs_remote_failed.fix": {
        "sv": "Publicera beskrivningen som en enda sammanslagen fil (bundle), eller rätta adresserna.",
        "en": "Publish the description as one bundled file, or fix the addresses.",
    },
    "probe.oa002.no_resources": {
        "sv": "Ingen GET-operation returnerar ett namngivet schema; vilken data som kan exporteras går inte att avgöra ({operations} operationer)",
        "en": "No GET operation returns a named schema, so what data can be exported cannot be told ({operations} operations)",
    },
    "probe.oa002.no_resources.fix": {
        "sv": "Beskriv svaren med $ref till namngivna scheman och lägg till GET-operationer för all data.",
        "en": "Describe responses with $refs to named schemas and add GET operations for all data.",
    },
    "probe.oa002.not_exportable": {
        "sv": "{exportable} av {total} resurstyper kan exporteras; saknar lista/samlings-GET: {names}",
        "en": "{exportable} of {total} resource types exportable; no collection GET for: {names}",
    },
    "probe.oa002.not_exportable.fix": {
        "sv": "Lägg till en GET som listar alla poster av varje resurstyp (med paginering).",
        "en": "Add a GET that lists all records of each resource type (with pagination).",
    },
    "probe.oa003.no_lists": {
        "sv": "Ingen operation returnerar en lista av en resurstyp; paginering och ändringsfilter kan inte bedömas",
        "en": "No operation returns a list of a resource type; pagination and change filters cannot be judged",
    },
    "probe.oa003.no_lists.fix": {
        "sv": "Lägg till samlings-GET med paginering och ett filter för ändringar sedan en tidpunkt.",
        "en": "Add collection GETs with pagination and a filter for changes since a point in time.",
    },
    "probe.oa003.unpaged": {
        "sv": "{count} av {total} listor saknar paginering: {names}",
        "en": "{count} of {total} collections have no pagination: {names}",
    },
    "probe.oa003.unpaged.fix": {
        "sv": "Lägg till paginering (limit/offset, page/size eller cursor) eller en Link-header.",
        "en": "Add pagination (limit/offset, page/size or a cursor) or a Link header.",
    },
    "probe.oa003.no_changes": {
        "sv": "{count} av {total} listor kan inte filtreras på ändringar sedan en tidpunkt och API:et har inga webhooks: {names}",
        "en": "{count} of {total} collections cannot be filtered by changes since a point in time and the API has no webhooks: {names}",
    },
    "probe.oa003.no_changes.fix": {
        "sv": "Lägg till en parameter som modified_since (eller If-Modified-Since/ETag, eller webhooks).",
        "en": "Add a parameter such as modified_since (or If-Modified-Since/ETag, or webhooks).",
    },
    "probe.oa004.none": {
        "sv": "Inga webhooks, callbacks eller prenumerationer är beskrivna",
        "en": "No webhooks, callbacks or subscriptions are described",
    },
    "probe.oa004.none.fix": {
        "sv": "Beskriv händelsenotifieringar med `webhooks` (OpenAPI 3.1) eller `callbacks`.",
        "en": "Describe event notifications with `webhooks` (OpenAPI 3.1) or `callbacks`.",
    },
    "probe.oa005.readonly": {
        "sv": "{writable} av {total} resurstyper kan skapas eller uppdateras; endast läsbara: {names}",
        "en": "{writable} of {total} resource types can be created or updated; read-only: {names}",
    },
    "probe.oa005.readonly.fix": {
        "sv": "Lägg till POST/PUT/PATCH för de resurstyper som kan skapas eller ändras i tjänsten.",
        "en": "Add POST/PUT/PATCH for the resource types that can be created or changed in the service.",
    },
    "probe.oa006.none": {
        "sv": "Inga medietyper är deklarerade för anrop eller svar",
        "en": "No media types are declared for requests or responses",
    },
    "probe.oa006.none.fix": {
        "sv": "Deklarera medietyp och schema för varje anrop och svar.",
        "en": "Declare a media type and schema for every request and response.",
    },
    "probe.oa006.opaque": {
        "sv": "{count} av {total} format är slutna eller ospecificerade ({types}); öppna {open} %, leverantörsspecifika {vendor} %, slutna {opaque} %",
        "en": "{count} of {total} media types are opaque or unspecified ({types}); open {open}%, vendor {vendor}%, opaque {opaque}%",
    },
    "probe.oa006.opaque.fix": {
        "sv": "Ersätt */* och octet-stream med en öppen medietyp (t.ex. application/json) och ett schema.",
        "en": "Replace */* and octet-stream with an open media type (such as application/json) and a schema.",
    },
    "probe.oa006.no_structured": {
        "sv": "Inget strukturerat öppet format (JSON, XML eller CSV) erbjuds; deklarerade format: {types}",
        "en": "No structured open format (JSON, XML or CSV) is offered; declared: {types}",
    },
    "probe.oa006.no_structured.fix": {
        "sv": "Erbjud data som JSON, XML eller CSV med ett publicerat schema.",
        "en": "Offer the data as JSON, XML or CSV with a published schema.",
    },
    "probe.oa007.undeclared": {
        "sv": "Inloggningsuppgifter skickas i odeklarerade parametrar: {names}",
        "en": "Credentials are passed in undeclared parameters: {names}",
    },
    "probe.oa007.undeclared.fix": {
        "sv": "Deklarera autentiseringen som ett securityScheme i stället för som parametrar.",
        "en": "Declare the authentication as a security scheme instead of as parameters.",
    },
    "probe.oa007.none": {
        "sv": "Ingen autentisering är deklarerad; hur API:et skyddas går inte att avgöra",
        "en": "No authentication is declared, so how the API is protected cannot be told",
    },
    "probe.oa007.none.fix": {
        "sv": "Deklarera ett securityScheme av typen oauth2 eller openIdConnect och tillämpa det.",
        "en": "Declare an oauth2 or openIdConnect security scheme and apply it.",
    },
    "probe.oa007.weak": {
        "sv": "Svag autentisering används: {names}",
        "en": "Weak authentication is used: {names}",
    },
    "probe.oa007.weak.fix": {
        "sv": "Ersätt Basic/Digest och API-nycklar i URL:en med OAuth 2.0 eller OpenID Connect.",
        "en": "Replace Basic/Digest and API keys in the URL with OAuth 2.0 or OpenID Connect.",
    },
    "probe.oa007.proprietary": {
        "sv": "Autentiseringen är leverantörsspecifik, inte OAuth 2.0: {names}",
        "en": "Authentication is proprietary, not OAuth 2.0: {names}",
    },
    "probe.oa007.proprietary.fix": {
        "sv": "Erbjud OAuth 2.0 (RFC 6749) eller OpenID Connect i stället för egna nycklar.",
        "en": "Offer OAuth 2.0 (RFC 6749) or OpenID Connect instead of proprietary keys.",
    },
    "probe.oa007.standard_not_oauth": {
        "sv": "Standardautentisering ({names}), men att det är OAuth 2.0 framgår inte",
        "en": "Standard authentication ({names}), but it does not show that it is OAuth 2.0",
    },
    "probe.oa007.standard_not_oauth.fix": {
        "sv": "Deklarera ett oauth2- eller openIdConnect-schema med tokenadresser.",
        "en": "Declare an oauth2 or openIdConnect scheme with its token URLs.",
    },
    "probe.oa007.not_applied": {
        "sv": "Säkerhetsscheman är deklarerade men tillämpas inte på någon operation: {names}",
        "en": "Security schemes are declared but applied to no operation: {names}",
    },
    "probe.oa007.not_applied.fix": {
        "sv": "Ange `security` på dokument- eller operationsnivå.",
        "en": "Set `security` at document or operation level.",
    },
    "probe.oa008.operations": {
        "sv": "{pct} % av operationerna är beskrivna ({described} av {total}; mål {threshold} %)",
        "en": "{pct}% of operations are described ({described} of {total}; target {threshold}%)",
    },
    "probe.oa008.operations.fix": {
        "sv": "Ge varje operation en summary och description.",
        "en": "Give every operation a summary and a description.",
    },
    "probe.oa008.parameters": {
        "sv": "{pct} % av parametrarna är beskrivna ({described} av {total}; mål {threshold} %)",
        "en": "{pct}% of parameters are described ({described} of {total}; target {threshold}%)",
    },
    "probe.oa008.parameters.fix": {
        "sv": "Beskriv varje parameter: betydelse, format och tillåtna värden.",
        "en": "Describe every parameter: meaning, format and allowed values.",
    },
    "probe.oa008.responses": {
        "sv": "{pct} % av svaren är beskrivna ({described} av {total}; mål {threshold} %)",
        "en": "{pct}% of responses are described ({described} of {total}; target {threshold}%)",
    },
    "probe.oa008.responses.fix": {
        "sv": "Beskriv vad varje svar betyder och när det ges.",
        "en": "Describe what each response means and when it is given.",
    },
    "probe.oa008.schemas": {
        "sv": "{pct} % av de namngivna schemana är beskrivna ({described} av {total}; mål {threshold} %)",
        "en": "{pct}% of named schemas are described ({described} of {total}; target {threshold}%)",
    },
    "probe.oa008.schemas.fix": {
        "sv": "Ge varje schema en description eller title.",
        "en": "Give every schema a description or a title.",
    },
    "probe.oa008.examples": {
        "sv": "{pct} % av operationerna har exempel ({described} av {total}; mål {threshold} %)",
        "en": "{pct}% of operations have examples ({described} of {total}; target {threshold}%)",
    },
    "probe.oa008.examples.fix": {
        "sv": "Lägg till exempel på anrop och svar (example/examples).",
        "en": "Add request and response examples (example/examples).",
    },
    "probe.oa008.contact": {
        "sv": "Ingen kontakt (info.contact med e-post eller webbadress) anges",
        "en": "No contact (info.contact with an email or URL) is given",
    },
    "probe.oa008.contact.fix": {
        "sv": "Fyll i info.contact med e-postadress eller webbadress till support.",
        "en": "Fill in info.contact with a support email address or URL.",
    },
    "probe.oa008.docs_link": {
        "sv": "Ingen länk till publik dokumentation (externalDocs) anges",
        "en": "No link to public documentation (externalDocs) is given",
    },
    "probe.oa008.docs_link.fix": {
        "sv": "Lägg till externalDocs.url som pekar på dokumentation som är åtkomlig utan inloggning.",
        "en": "Add externalDocs.url pointing at documentation reachable without login.",
    },
    "probe.oa009.none": {
        "sv": "Ingen versionshantering syns (varken i URL, header, parameter eller medietyp)",
        "en": "No versioning is visible (not in the URL, a header, a parameter or the media type)",
    },
    "probe.oa009.none.fix": {
        "sv": "Ange huvudversionen i URL:en (t.ex. /v1/) eller i en dokumenterad header.",
        "en": "Put the major version in the URL (such as /v1/) or in a documented header.",
    },
    "probe.oa009.semver": {
        "sv": "info.version är inte en semantisk version (MAJOR.MINOR.PATCH)",
        "en": "info.version is not a semantic version (MAJOR.MINOR.PATCH)",
    },
    "probe.oa009.semver.fix": {
        "sv": "Använd semantisk versionering för info.version, t.ex. 2.1.0.",
        "en": "Use semantic versioning for info.version, such as 2.1.0.",
    },
    "probe.oa010.missing": {
        "sv": "{count} av {total} operationer returnerar inte fel enligt RFC 9457 ({without} beskriver inga felsvar alls)",
        "en": "{count} of {total} operations do not return RFC 9457 problem details ({without} document no error response at all)",
    },
    "probe.oa010.missing.fix": {
        "sv": "Beskriv felsvar (4xx/5xx) med application/problem+json och ett Problem-schema.",
        "en": "Document error responses (4xx/5xx) with application/problem+json and a Problem schema.",
    },
    "probe.oa011.http": {
        "sv": "{count} server- eller OAuth-adresser använder okrypterad HTTP: {names}",
        "en": "{count} server or OAuth URLs use unencrypted HTTP: {names}",
    },
    "probe.oa011.http.fix": {
        "sv": "Använd https:// för alla servrar och OAuth-adresser.",
        "en": "Use https:// for every server and OAuth URL.",
    },
    "probe.oa011.unknown": {
        "sv": "Ingen absolut produktionsadress anges; om HTTPS används går inte att avgöra",
        "en": "No absolute production URL is given, so whether HTTPS is used cannot be told",
    },
    "probe.oa011.unknown.fix": {
        "sv": "Ange produktionsservrarna med fullständiga https://-adresser under `servers`.",
        "en": "List the production servers with full https:// URLs under `servers`.",
    },
    "probe.oa012.none": {
        "sv": "Anropsgränser beskrivs inte (inget 429-svar, inga RateLimit-headers, ingen text)",
        "en": "Rate limits are not described (no 429 response, no RateLimit headers, no text)",
    },
    "probe.oa012.none.fix": {
        "sv": "Beskriv 429-svar med Retry-After och ange gränserna i info.description.",
        "en": "Document 429 responses with Retry-After and state the limits in info.description.",
    },
    "probe.oa013.licence": {
        "sv": "Beskrivningen anger ingen licens (info.license)",
        "en": "The description states no licence (info.license)",
    },
    "probe.oa013.licence.fix": {
        "sv": "Ange licensen för beskrivningen i info.license, helst med SPDX-identifierare.",
        "en": "State the licence of the description in info.license, preferably as an SPDX identifier.",
    },
    "probe.oa013.terms": {
        "sv": "Beskrivningen länkar inga användarvillkor (info.termsOfService)",
        "en": "The description links no terms of service (info.termsOfService)",
    },
    "probe.oa013.terms.fix": {
        "sv": "Länka användarvillkoren i info.termsOfService.",
        "en": "Link the terms of service in info.termsOfService.",
    },
    "probe.oa014.none": {
        "sv": "Ingen OpenID Connect eller OAuth 2.0 med användarinloggning är deklarerad",
        "en": "No OpenID Connect or OAuth 2.0 with user login is declared",
    },
    "probe.oa014.none.fix": {
        "sv": "Deklarera ett openIdConnect-schema (eller oauth2 med authorization code).",
        "en": "Declare an openIdConnect scheme (or oauth2 with the authorization-code flow).",
    },
    "probe.oa015.invalid": {
        "sv": "{count} avvikelser från det officiella OpenAPI {version}-schemat "
        "(schemavalidering: {seconds} s)",
        "en": "{count} violations of the official OpenAPI {version} schema "
        "(schema validation: {seconds} s)",
    },
    "probe.oa015.invalid.fix": {
        "sv": "Rätta beskrivningen så att den validerar mot OpenAPI-specifikationens JSON-schema.",
        "en": "Correct the description so that it validates against the OpenAPI JSON Schema.",
    },
    "probe.oa015.limit": {
        "sv": "Minst {count} avvikelser från det officiella OpenAPI {version}-schemat; "
        "valideringen avbröts vid {count} (schemavalidering: {seconds} s)",
        "en": "At least {count} violations of the official OpenAPI {version} schema; validation "
        "stopped at {count} (schema validation: {seconds} s)",
    },
    "probe.oa015.limit.fix": {
        "sv": "Rätta beskrivningen så att den validerar mot OpenAPI-specifikationens JSON-schema.",
        "en": "Correct the description so that it validates against the OpenAPI JSON Schema.",
    },
    "probe.oa015.depth": {
        "sv": "Schemavalideringen avbröts: beskrivningen är för djupt nästlad "
        "({count} avvikelser dessförinnan; schemavalidering: {seconds} s)",
        "en": "Schema validation stopped: the description is nested too deeply "
        "({count} violations before that; schema validation: {seconds} s)",
    },
    "probe.oa015.depth.fix": {
        "sv": "Minska nästlingen (använd $ref till namngivna scheman) och validera igen.",
        "en": "Reduce the nesting (use $refs to named schemas) and validate again.",
    },
    "probe.reason.ceiling": {
        "sv": "{summary}; {why}",
        "en": "{summary}; {why}",
    },
    "probe.why.cannot_show": {
        "sv": "resten går inte att se i en API-beskrivning (avtal, policy, avgifter, datalicens)",
        "en": "the rest cannot be seen in an API description (contract, policy, fees, data licence)",
    },
    "probe.why.not_public": {
        "sv": "om beskrivningen är publicerad utan sekretessavtal går inte att se från en fil",
        "en": "whether the description is published without an NDA cannot be seen from a file",
    },
    "probe.summary": {
        "sv": "{dimension} {score}/100 ({counts})",
        "en": "{dimension} {score}/100 ({counts})",
    },
    "probe.summary.clean": {
        "sv": "inga problem funna",
        "en": "no problems found",
    },
    "probe.dimension.auth": {"sv": "autentisering", "en": "authentication"},
    "probe.dimension.formats": {"sv": "format", "en": "formats"},
    "probe.dimension.export": {"sv": "export", "en": "export"},
    "probe.dimension.import": {"sv": "import", "en": "import"},
    "probe.dimension.docs": {"sv": "dokumentation", "en": "documentation"},
    "probe.dimension.versioning": {"sv": "versionshantering", "en": "versioning"},
    "probe.dimension.errors": {"sv": "felformat", "en": "error format"},
    "probe.dimension.transport": {"sv": "transport", "en": "transport"},
    "probe.dimension.terms": {"sv": "villkor", "en": "terms"},
    "probe.subject": {
        "sv": "{title} {version} (OpenAPI {openapi}, {operations} operationer)",
        "en": "{title} {version} (OpenAPI {openapi}, {operations} operations)",
    },
    "probe.rap.none": {
        "sv": "beskrivningen har inga {items}; kravet är inte tillämpligt",
        "en": "the description has no {items}; the requirement does not apply",
    },
    "probe.rap.absent": {
        "sv": "beskrivningen anger inga {items}",
        "en": "the description declares no {items}",
    },
    "probe.rap.violations": {
        "sv": "{count} av {total} {items} följer inte kravet: {examples}",
        "en": "{count} of {total} {items} do not follow the requirement: {examples}",
    },
    "probe.rap.all_ok": {
        "sv": "alla {total} {items} följer kravet",
        "en": "all {total} {items} follow the requirement",
    },
    "probe.rap.partly": {
        "sv": "{shown}; resten av kravet kan en API-beskrivning inte visa",
        "en": "{shown}; the rest of the requirement cannot be shown by an API description",
    },
    "probe.rap.cannot_show": {
        "sv": "en API-beskrivning kan inte visa detta; kontrollera dokumentation och avtal",
        "en": "an API description cannot show this; check the documentation and the contract",
    },
    "probe.rap.public": {
        "sv": "beskrivningen hämtades från en publik adress",
        "en": "the description was fetched from a public address",
    },
    "probe.rap.not_public": {
        "sv": "beskrivningen lästes från fil; om den är publicerad online kan inte avgöras",
        "en": "the description was read from a file; whether it is published online cannot be told",
    },
    "probe.rap.found": {
        "sv": "beskrivningen anger {what}",
        "en": "the description declares {what}",
    },
    "probe.rap.no_default": {
        "sv": "{items} saknar standardvärde; kravet kan inte avgöras",
        "en": "{items} declare no default value; the requirement cannot be decided",
    },
    "probe.reconciliation.ok": {"sv": "OK", "en": "OK"},
    "probe.reconciliation.not_ok": {"sv": "EJ OK", "en": "NOT OK"},
    "probe.reconciliation.na": {"sv": "N/A", "en": "N/A"},
    "probe.reconciliation.unverified": {"sv": "Ej verifierat", "en": "Not verified"},
    "probe.reconciliation.sheet": {"sv": "Avstämning", "en": "Reconciliation"},
    "probe.reconciliation.id": {"sv": "Krav-ID", "en": "Requirement ID"},
    "probe.reconciliation.level": {"sv": "Nivå", "en": "Level"},
    "probe.reconciliation.text": {"sv": "Krav", "en": "Requirement"},
    "probe.reconciliation.result": {"sv": "Resultat", "en": "Result"},
    "probe.reconciliation.reason": {"sv": "Motivering", "en": "Reason"},
    "probe.reconciliation.evidence": {"sv": "Belägg", "en": "Evidence"},
    "probe.reconciliation.must": {"sv": "SKALL", "en": "MUST"},
    "probe.reconciliation.should": {"sv": "BÖR", "en": "SHOULD"},
    "probe.rap.item.info_fields": {"sv": "fält i info", "en": "info fields"},
    "probe.rap.item.bodies": {"sv": "meddelandekroppar", "en": "message bodies"},
    "probe.rap.item.versions": {"sv": "versionsangivelser", "en": "version declarations"},
    "probe.rap.item.operations": {"sv": "operationer", "en": "operations"},
    "probe.rap.item.responses": {"sv": "svar", "en": "responses"},
    "probe.rap.item.date_fields": {"sv": "datum- och tidsfält", "en": "date and time fields"},
    "probe.rap.item.url_parameters": {
        "sv": "sök- och sökvägsparametrar",
        "en": "query and path parameters",
    },
    "probe.rap.item.paths": {"sv": "sökvägar", "en": "paths"},
    "probe.rap.item.servers": {"sv": "server-URL:er", "en": "server URLs"},
    "probe.rap.item.urls": {"sv": "URL:er", "en": "URLs"},
    "probe.rap.item.properties": {"sv": "fältnamn", "en": "field names"},
    "probe.rap.item.header_parameters": {"sv": "header-parametrar", "en": "header parameters"},
    "probe.rap.item.error_bodies": {
        "sv": "felsvar med innehåll",
        "en": "error responses with content",
    },
    "probe.rap.item.url_version": {"sv": "version i URL:en", "en": "version in the URL"},
    "probe.rap.item.query_parameters": {"sv": "sökparametrar", "en": "query parameters"},
    "probe.rap.item.paged_operations": {
        "sv": "paginerade operationer",
        "en": "paginated operations",
    },
    "probe.rap.item.page_parameters": {"sv": "page-parametrar", "en": "page parameters"},
    "probe.rap.item.limit_parameters": {"sv": "limit-parametrar", "en": "limit parameters"},
    "probe.rap.item.schemes": {"sv": "säkerhetsscheman", "en": "security schemes"},
    "probe.rap.item.api_keys": {"sv": "API-nycklar", "en": "API keys"},
    # end probe
    # answers
    "answers.no.must": {
        "sv": "{requirement} är ett skall-krav och leverantören svarar Nej",
        "en": "{requirement} is a must-requirement and the vendor answers No",
    },
    "answers.no.should": {
        "sv": "{requirement} (bör-krav) besvaras med Nej",
        "en": "{requirement} (should-requirement) is answered No",
    },
    "answers.no.fix": {
        "sv": "Inget att rätta för beställaren; notera i utvärderingen att kravet inte uppfylls.",
        "en": "Nothing for the buyer to fix; record in the evaluation that the requirement is not met.",
    },
    "answers.missing": {
        "sv": "{requirement} saknas i leverantörens svar",
        "en": "{requirement} is missing from the vendor's answers",
    },
    "answers.blank": {
        "sv": "{requirement} är obesvarat",
        "en": "{requirement} is left unanswered",
    },
    "answers.missing.fix": {
        "sv": "Kontrollera att rätt fil lästes och att kravnumren stämmer; ett obesvarat skall-krav är inte uppfyllt.",
        "en": "Check that the right file was read and that the ids match; an unanswered must-requirement is not met.",
    },
    "answers.reservation": {
        "sv": "{requirement}: Ja med förbehåll ({kinds}): {phrases}",
        "en": "{requirement}: Yes with a reservation ({kinds}): {phrases}",
    },
    "answers.reservation.fix": {
        "sv": "Bedöm förbehållet manuellt; begär förtydligande om LOU tillåter det.",
        "en": "Assess the reservation by hand; ask for a clarification where LOU allows it.",
    },
    "hedge.reservation": {"sv": "villkor", "en": "condition"},
    "hedge.cost": {"sv": "extra kostnad", "en": "extra cost"},
    "hedge.future": {"sv": "framtida leverans", "en": "future delivery"},
    "hedge.on_request": {"sv": "på begäran", "en": "on request"},
    "hedge.partial": {"sv": "delvis", "en": "partial"},
    "hedge.dependency": {"sv": "beroende av tredje part", "en": "third-party dependency"},
    "hedge.proprietary": {"sv": "eget format", "en": "own format"},
    "hedge.reuse": {"sv": "egen användning av data", "en": "own use of the data"},
    "hedge.quantity": {"sv": "andra värden än kravet", "en": "values other than required"},
    "answers.partial": {
        "sv": "{requirement} besvaras med Delvis",
        "en": "{requirement} is answered Partly",
    },
    "answers.unclear": {
        "sv": "{requirement}: svaret är varken Ja eller Nej",
        "en": "{requirement}: the answer is neither Yes nor No",
    },
    "answers.formula": {
        "sv": "{requirement}: svaret räknas fram av en formel i kalkylbladet; kontrollera vad bladet visar",
        "en": "{requirement}: the answer is computed by a formula in the workbook; check what the sheet shows",
    },
    "answers.partial.fix": {
        "sv": "Bedöm kommentaren manuellt och dokumentera beslutet i utvärderingen.",
        "en": "Assess the comment by hand and record the decision in the evaluation.",
    },
    "answers.evidence": {
        "sv": "{requirement} kräver underlag, men svaret anger inget ({rule})",
        "en": "{requirement} needs evidence, but the answer names none ({rule})",
    },
    "answers.probe": {
        "sv": "{requirement}: Ja, men API-beskrivningen {source} visar: {reason}",
        "en": "{requirement}: Yes, but the API description {source} shows: {reason}",
    },
    "answers.probe.fix": {
        "sv": "Granska probens iakttagelser (proccheck probe {source}) och begär förtydligande om LOU tillåter det.",
        "en": "Review the probe's findings (proccheck probe {source}) and ask for a clarification where LOU allows it.",
    },
    "answers.evidence_only_named": {
        "sv": "{requirement}: svaret hänvisar till en bilaga, men ingen bilaga är angiven i bilagekolumnen ({rule})",
        "en": "{requirement}: the answer refers to an attachment, but none is listed as evidence ({rule})",
    },
    "answers.evidence.fix": {
        "sv": "Begär underlaget om LOU tillåter komplettering; annars kan kravet inte verifieras.",
        "en": "Ask for the evidence where LOU allows it; otherwise the requirement cannot be verified.",
    },
    "answers.altered": {
        "sv": "{requirement}: leverantörens kravtext skiljer sig från underlaget: {difference}",
        "en": "{requirement}: the vendor's requirement text differs from the specification: {difference}",
    },
    "answers.altered.fix": {
        "sv": "Jämför med originaltexten och fråga leverantören vilket krav svaret avser: {original}",
        "en": "Compare with the original and ask the vendor which text the answer refers to: {original}",
    },
    "answers.result.met": {
        "sv": 'svarat "{quote}" utan förbehåll',
        "en": 'answered "{quote}" without reservation',
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


def _message_table(kind: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    from proccheck.loaders.structured import load_file
    from proccheck.resources import data_dir

    data = load_file(data_dir("data") / "messages" / "sv.yaml", "messages/sv.yaml").data
    return tuple((re.compile(entry["en"], re.DOTALL), entry["sv"]) for entry in data[kind])


@functools.cache
def _tables() -> dict[str, tuple[tuple[re.Pattern[str], str], ...]]:
    return {kind: _message_table(kind) for kind in ("messages", "hints")}


def translate_error(text: str, lang: Lang, kind: str = "messages") -> str:
    """An English error message or hint in `lang` (Swedish from messages/sv.yaml); text without
    an entry is returned as it is."""
    if lang != "sv" or not text:
        return text
    for pattern, template in _tables()[kind]:
        match = pattern.fullmatch(text)
        if match:
            return match.expand(template)
    return text
