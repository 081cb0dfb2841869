"""Temporary: the old message keys and their English msgids, for `i18n.t`.

Only the modules not yet rewritten to msgids call `t(lang, key, **values)`; the codemod
(`python /work/tools/codemod_t.py FILE...`) rewrites them from this table. Delete this module
and `i18n.t` once no module calls `t`.
"""

from __future__ import annotations

from typing import NamedTuple

from proccheck.i18n import N_


class Plural(NamedTuple):
    """A message with a count: the value named `number` picks the form."""

    singular: str
    plural: str
    number: str


class InContext(NamedTuple):
    """English that needs other Swedish elsewhere: a msgctxt tells them apart."""

    context: str
    msgid: str


KEYS: dict[str, str | Plural | InContext] = {
    "outcome.met": N_("met"),
    "outcome.not_met": N_("not met"),
    "outcome.not_verified": N_("not verified"),
    "outcome.not_applicable": N_("not applicable"),
    "level.must": N_("must"),
    "level.should": N_("should"),
    "severity.error": N_("error"),
    "severity.warning": N_("warning"),
    "severity.note": N_("note"),
    "principle.data-ownership": N_("Data ownership and control"),
    "principle.exit": N_("Exit and portability"),
    "principle.open-standards": N_("Open standards"),
    "principle.open-apis": N_("Open APIs"),
    "principle.other": N_("Other"),
    "kind.spec": N_("Requirement specification"),
    "kind.answers": N_("Vendor answers"),
    "kind.probe": N_("API description"),
    "kind.set": N_("Requirement set"),
    "set.translation_missing": N_("{requirement}: {field} is missing in {missing}"),
    "set.translation_missing.fix": N_("Write the {field} in both Swedish (sv) and English (en)."),
    "set.cues_missing": N_(
        "{requirement}: has no detection cues; it is found only by explicit reference"
    ),
    "set.cues_missing.fix": N_("Add cues with term groups in Swedish and English."),
    "set.cue_invalid": N_("{requirement}: cue {cue!r} cannot be used ({error})"),
    "set.cue_invalid.fix": N_(
        "Fix the expression, avoid nested repetition, or write the term without special characters."
    ),
    "set.unknown_check": N_("{requirement}: refers to unknown check {check}"),
    "set.unknown_check.fix": N_("Use a code from `proccheck checks list`."),
    "set.valid": N_("valid"),
    "set.summary": Plural(
        "{count} requirement ({must} must, {should} should)",
        "{count} requirements ({must} must, {should} should)",
        "count",
    ),
    "spec.missing": N_("{requirement} ({title}) is missing from the specification"),
    "spec.missing.fix": N_("Add the requirement, for example: {text}"),
    "spec.weak_match": N_(
        "{requirement} ({title}) is only partly matched, by {where}; check whether it implements it"
    ),
    "spec.weak_match.fix": N_(
        "Write the requirement in full, or mark it with `implements: {requirement}` / the id in the text."
    ),
    "spec.weakened": N_(
        "{requirement} is a must-requirement but {where} only asks for it as a should"
    ),
    "spec.weakened.fix": N_("Write the requirement with shall/must and declare it as a must."),
    "spec.escape": N_(
        '{requirement} is in {where} but with the escape clause "{phrase}", so it cannot be enforced'
    ),
    "spec.escape.fix": N_('Remove "{phrase}"; state any real exceptions explicitly.'),
    "spec.vague": N_("{where}: the must-requirement has vague or open-ended wording: {terms}"),
    "spec.vague.fix": N_(
        "Replace with something measurable (a standard, a number, a list), close open lists, choose and or or."
    ),
    "spec.compound": Plural(
        "{where}: {count} requirement in one sentence",
        "{where}: {count} requirements in one sentence",
        "count",
    ),
    "spec.compound.fix": N_("Split the sentence into separate, numbered requirements."),
    "spec.verification_missing": N_(
        "{requirement} needs evidence, but {where} does not say what the vendor must submit"
    ),
    "spec.verification_missing.fix": N_("State what must be attached to the tender: {rule}"),
    "spec.no_requirements": Plural(
        "no requirements found in the document's {items} text item (no shall/must/should wording)",
        "no requirements found among the document's {items} text items (no shall/must/should wording)",
        "items",
    ),
    "spec.no_requirements.fix": N_(
        "Check that this is the right file, and word the requirements with shall/must or should."
    ),
    "spec.contradiction.vendor-owns-data": N_(
        '{where}: the text gives the vendor ownership of the data ("{phrase}")'
    ),
    "spec.contradiction.vendor-owns-data.fix": N_(
        "Remove the text; state that the buyer owns all data, including metadata and logs."
    ),
    "spec.contradiction.export-at-cost": N_(
        '{where}: export or return of data costs extra ("{phrase}")'
    ),
    "spec.contradiction.export-at-cost.fix": N_(
        "State that export and return of all data is included at no extra cost."
    ),
    "spec.contradiction.vendor-format": N_(
        '{where}: data is delivered only in the vendor\'s own format ("{phrase}")'
    ),
    "spec.contradiction.vendor-format.fix": N_(
        "Demand open, documented, machine-readable formats (CSV, JSON, XML) instead."
    ),
    "spec.contradiction.compatible-with-product": N_(
        '{where}: compatibility with a product instead of an open standard ("{phrase}")'
    ),
    "spec.contradiction.compatible-with-product.fix": N_(
        "Name the open standard to support (e.g. ODF, PDF/A, OIDC) instead of the product."
    ),
    "spec.contradiction.brand-without-equivalent": N_(
        '{where}: the product or brand "{phrase}" is named without "or equivalent"'
    ),
    "spec.contradiction.brand-without-equivalent.fix": N_(
        'Add "or equivalent", or describe the function or standard instead of the product.'
    ),
    "spec.contradiction.vendor-reuses-data": N_(
        '{where}: the vendor may use the buyer\'s data for its own purposes ("{phrase}")'
    ),
    "spec.contradiction.vendor-reuses-data.fix": N_(
        "Remove the text; state that data may be processed only to deliver the service."
    ),
    "spec.contradiction.api-fee": N_('{where}: API access costs extra ("{phrase}")'),
    "spec.contradiction.api-fee.fix": N_(
        "Demand that API access is included in the price, without licence or transaction fees."
    ),
    "spec.contradiction.api-nda": N_(
        '{where}: the API documentation is given only under a non-disclosure agreement ("{phrase}")'
    ),
    "spec.contradiction.api-nda.fix": N_(
        "Demand a published, machine-readable API description (OpenAPI) without an NDA."
    ),
    "spec.result.met": N_("{where} implements it"),
    "spec.result.missing": N_("missing from the document"),
    "where.line": N_("line {line}"),
    "probe.oa001.swagger2": N_(
        "The description is OpenAPI 2.0 (Swagger); OpenAPI 3.0 or later is required"
    ),
    "probe.oa001.swagger2.fix": N_("Convert and publish the description as OpenAPI 3.0 or 3.1."),
    "probe.oa001.structure": N_("Structural problem in the description: {problem}"),
    "probe.oa001.structure.fix": N_(
        "Complete the description as the OpenAPI Specification requires."
    ),
    "probe.oa001.no_operations": N_("The description declares no operations"),
    "probe.oa001.no_operations.fix": N_("Describe the API's operations under `paths`."),
    "probe.oa001.refs_missing": Plural(
        "{count} $ref points at a part that does not exist in the document",
        "{count} $refs point at parts that do not exist in the document",
        "count",
    ),
    "probe.oa001.refs_missing.fix": N_(
        "Fix or remove the references so that every $ref points at an existing part."
    ),
    "probe.oa001.refs_cyclic": Plural(
        "{count} $ref forms a reference loop that never reaches a schema",
        "{count} $refs form a reference loop that never reaches a schema",
        "count",
    ),
    "probe.oa001.refs_cyclic.fix": N_(
        "Break the loop so that the chain of references ends in an actual schema."
    ),
    "probe.oa001.refs_remote": Plural(
        "{count} $ref points at another file or URL and was not followed",
        "{count} $refs point at other files or URLs and were not followed",
        "count",
    ),
    "probe.oa001.refs_remote.fix": N_("Publish the description as one bundled file."),
    "probe.oa001.refs_remote_failed": Plural(
        "{count} $ref points at another document that could not be fetched ({why})",
        "{count} $refs point at other documents that could not be fetched ({documents} in all: {why})",
        "count",
    ),
    "probe.oa001.refs_remote_failed.fix": N_(
        "Publish the description as one bundled file, or fix the addresses."
    ),
    "probe.oa002.no_resources": Plural(
        "No GET operation returns a named schema, so what data can be exported cannot be told ({operations} operation)",
        "No GET operation returns a named schema, so what data can be exported cannot be told ({operations} operations)",
        "operations",
    ),
    "probe.oa002.no_resources.fix": N_(
        "Describe responses with $refs to named schemas and add GET operations for all data."
    ),
    "probe.oa002.not_exportable": Plural(
        "{exportable} of {total} resource type exportable; no collection GET for: {names}",
        "{exportable} of {total} resource types exportable; no collection GET for: {names}",
        "total",
    ),
    "probe.oa002.not_exportable.fix": N_(
        "Add a GET that lists all records of each resource type (with pagination)."
    ),
    "probe.oa003.no_lists": N_(
        "No operation returns a list of a resource type; pagination and change filters cannot be judged"
    ),
    "probe.oa003.no_lists.fix": N_(
        "Add collection GETs with pagination and a filter for changes since a point in time."
    ),
    "probe.oa003.unpaged": Plural(
        "{count} of {total} collection has no pagination: {names}",
        "{count} of {total} collections have no pagination: {names}",
        "total",
    ),
    "probe.oa003.unpaged.fix": N_(
        "Add pagination (limit/offset, page/size or a cursor) or a Link header."
    ),
    "probe.oa003.no_changes": Plural(
        "{count} of {total} collection cannot be filtered by changes since a point in time and the API has no webhooks: {names}",
        "{count} of {total} collections cannot be filtered by changes since a point in time and the API has no webhooks: {names}",
        "total",
    ),
    "probe.oa003.no_changes.fix": N_(
        "Add a parameter such as modified_since (or If-Modified-Since/ETag, or webhooks)."
    ),
    "probe.oa004.none": N_("No webhooks, callbacks or subscriptions are described"),
    "probe.oa004.none.fix": N_(
        "Describe event notifications with `webhooks` (OpenAPI 3.1) or `callbacks`."
    ),
    "probe.oa005.readonly": Plural(
        "{writable} of {total} resource type can be created or updated; read-only: {names}",
        "{writable} of {total} resource types can be created or updated; read-only: {names}",
        "total",
    ),
    "probe.oa005.readonly.fix": N_(
        "Add POST/PUT/PATCH for the resource types that can be created or changed in the service."
    ),
    "probe.oa006.none": N_("No media types are declared for requests or responses"),
    "probe.oa006.none.fix": N_("Declare a media type and schema for every request and response."),
    "probe.oa006.opaque": Plural(
        "{count} of {total} media type is opaque or unspecified ({types}); open {open}%, vendor {vendor}%, opaque {opaque}%",
        "{count} of {total} media types are opaque or unspecified ({types}); open {open}%, vendor {vendor}%, opaque {opaque}%",
        "total",
    ),
    "probe.oa006.opaque.fix": N_(
        "Replace */* and octet-stream with an open media type (such as application/json) and a schema."
    ),
    "probe.oa006.no_structured": N_(
        "No structured open format (JSON, XML or CSV) is offered; declared: {types}"
    ),
    "probe.oa006.no_structured.fix": N_(
        "Offer the data as JSON, XML or CSV with a published schema."
    ),
    "probe.oa007.undeclared": N_("Credentials are passed in undeclared parameters: {names}"),
    "probe.oa007.undeclared.fix": N_(
        "Declare the authentication as a security scheme instead of as parameters."
    ),
    "probe.oa007.none": N_(
        "No authentication is declared, so how the API is protected cannot be told"
    ),
    "probe.oa007.none.fix": N_("Declare an oauth2 or openIdConnect security scheme and apply it."),
    "probe.oa007.weak": N_("Weak authentication is used: {names}"),
    "probe.oa007.weak.fix": N_(
        "Replace Basic/Digest and API keys in the URL with OAuth 2.0 or OpenID Connect."
    ),
    "probe.oa007.proprietary": N_("Authentication is proprietary, not OAuth 2.0: {names}"),
    "probe.oa007.proprietary.fix": N_(
        "Offer OAuth 2.0 (RFC 6749) or OpenID Connect instead of proprietary keys."
    ),
    "probe.oa007.standard_not_oauth": N_(
        "Standard authentication ({names}), but it does not show that it is OAuth 2.0"
    ),
    "probe.oa007.standard_not_oauth.fix": N_(
        "Declare an oauth2 or openIdConnect scheme with its token URLs."
    ),
    "probe.oa007.not_applied": N_(
        "Security schemes are declared but applied to no operation: {names}"
    ),
    "probe.oa007.not_applied.fix": N_("Set `security` at document or operation level."),
    "probe.oa008.operations": N_(
        "{pct}% of operations are described ({described} of {total}; target {threshold}%)"
    ),
    "probe.oa008.operations.fix": N_("Give every operation a summary and a description."),
    "probe.oa008.parameters": N_(
        "{pct}% of parameters are described ({described} of {total}; target {threshold}%)"
    ),
    "probe.oa008.parameters.fix": N_(
        "Describe every parameter: meaning, format and allowed values."
    ),
    "probe.oa008.responses": N_(
        "{pct}% of responses are described ({described} of {total}; target {threshold}%)"
    ),
    "probe.oa008.responses.fix": N_("Describe what each response means and when it is given."),
    "probe.oa008.schemas": N_(
        "{pct}% of named schemas are described ({described} of {total}; target {threshold}%)"
    ),
    "probe.oa008.schemas.fix": N_("Give every schema a description or a title."),
    "probe.oa008.examples": N_(
        "{pct}% of operations have examples ({described} of {total}; target {threshold}%)"
    ),
    "probe.oa008.examples.fix": N_("Add request and response examples (example/examples)."),
    "probe.oa008.contact": N_("No contact (info.contact with an email or URL) is given"),
    "probe.oa008.contact.fix": N_("Fill in info.contact with a support email address or URL."),
    "probe.oa008.docs_link": N_("No link to public documentation (externalDocs) is given"),
    "probe.oa008.docs_link.fix": N_(
        "Add externalDocs.url pointing at documentation reachable without login."
    ),
    "probe.oa009.none": N_(
        "No versioning is visible (not in the URL, a header, a parameter or the media type)"
    ),
    "probe.oa009.none.fix": N_(
        "Put the major version in the URL (such as /v1/) or in a documented header."
    ),
    "probe.oa009.semver": N_("info.version is not a semantic version (MAJOR.MINOR.PATCH)"),
    "probe.oa009.semver.fix": N_("Use semantic versioning for info.version, such as 2.1.0."),
    "probe.oa010.missing": Plural(
        "{count} of {total} operation does not return RFC 9457 problem details ({without} without any documented error response)",
        "{count} of {total} operations do not return RFC 9457 problem details ({without} document no error response at all)",
        "total",
    ),
    "probe.oa010.missing.fix": N_(
        "Document error responses (4xx/5xx) with application/problem+json and a Problem schema."
    ),
    "probe.oa011.http": Plural(
        "{count} server or OAuth URL uses unencrypted HTTP: {names}",
        "{count} server or OAuth URLs use unencrypted HTTP: {names}",
        "count",
    ),
    "probe.oa011.http.fix": N_("Use https:// for every server and OAuth URL."),
    "probe.oa011.unknown": N_(
        "No absolute production URL is given, so whether HTTPS is used cannot be told"
    ),
    "probe.oa011.unknown.fix": N_(
        "List the production servers with full https:// URLs under `servers`."
    ),
    "probe.oa012.none": N_(
        "Rate limits are not described (no 429 response, no RateLimit headers, no text)"
    ),
    "probe.oa012.none.fix": N_(
        "Document 429 responses with Retry-After and state the limits in info.description."
    ),
    "probe.oa013.licence": N_("The description states no licence (info.license)"),
    "probe.oa013.licence.fix": N_(
        "State the licence of the description in info.license, preferably as an SPDX identifier."
    ),
    "probe.oa013.terms": N_("The description links no terms of service (info.termsOfService)"),
    "probe.oa013.terms.fix": N_("Link the terms of service in info.termsOfService."),
    "probe.oa014.none": N_("No OpenID Connect or OAuth 2.0 with user login is declared"),
    "probe.oa014.none.fix": N_(
        "Declare an openIdConnect scheme (or oauth2 with the authorization-code flow)."
    ),
    "probe.oa015.invalid": Plural(
        "{count} violation of the official OpenAPI {version} schema (schema validation: {seconds} s)",
        "{count} violations of the official OpenAPI {version} schema (schema validation: {seconds} s)",
        "count",
    ),
    "probe.oa015.invalid.fix": N_(
        "Correct the description so that it validates against the OpenAPI JSON Schema."
    ),
    "probe.oa015.limit": Plural(
        "At least {count} violation of the official OpenAPI {version} schema; validation stopped at {count} (schema validation: {seconds} s)",
        "At least {count} violations of the official OpenAPI {version} schema; validation stopped at {count} (schema validation: {seconds} s)",
        "count",
    ),
    "probe.oa015.limit.fix": N_(
        "Correct the description so that it validates against the OpenAPI JSON Schema."
    ),
    "probe.oa015.depth": Plural(
        "Schema validation stopped: the description is nested too deeply ({count} violation before that; schema validation: {seconds} s)",
        "Schema validation stopped: the description is nested too deeply ({count} violations before that; schema validation: {seconds} s)",
        "count",
    ),
    "probe.oa015.depth.fix": N_(
        "Reduce the nesting (use $refs to named schemas) and validate again."
    ),
    "probe.reason.ceiling": N_("{summary}; {why}"),
    "probe.why.cannot_show": N_(
        "the rest cannot be seen in an API description (contract, policy, fees, data licence)"
    ),
    "probe.why.not_public": N_(
        "whether the description is published without an NDA cannot be seen from a file"
    ),
    "probe.summary": N_("{dimension} {score}/100 ({counts})"),
    "probe.summary.clean": N_("no problems found"),
    "probe.dimension.auth": N_("authentication"),
    "probe.dimension.formats": N_("formats"),
    "probe.dimension.export": N_("export"),
    "probe.dimension.import": N_("import"),
    "probe.dimension.docs": N_("documentation"),
    "probe.dimension.versioning": N_("versioning"),
    "probe.dimension.errors": N_("error format"),
    "probe.dimension.transport": N_("transport"),
    "probe.dimension.terms": N_("terms"),
    "probe.subject": Plural(
        "{title} {version} (OpenAPI {openapi}, {operations} operation)",
        "{title} {version} (OpenAPI {openapi}, {operations} operations)",
        "operations",
    ),
    "probe.rap.none": N_("the description has no {items}; the requirement does not apply"),
    "probe.rap.absent": N_("the description declares no {items}"),
    "probe.rap.violations": N_(
        "{count} of {total} {items} do not follow the requirement: {examples}"
    ),
    "probe.rap.all_ok": N_("all {total} {items} follow the requirement"),
    "probe.rap.partly": N_(
        "{shown}; the rest of the requirement cannot be shown by an API description"
    ),
    "probe.rap.cannot_show": N_(
        "an API description cannot show this; check the documentation and the contract"
    ),
    "probe.rap.public": N_("the description was fetched from a public address"),
    "probe.rap.not_public": N_(
        "the description was read from a file; whether it is published online cannot be told"
    ),
    "probe.rap.found": N_("the description declares {what}"),
    "probe.rap.no_default": N_(
        "{items} declare no default value; the requirement cannot be decided"
    ),
    "probe.reconciliation.ok": N_("OK"),
    "probe.reconciliation.not_ok": N_("NOT OK"),
    "probe.reconciliation.na": N_("N/A"),
    "probe.reconciliation.unverified": N_("Not verified"),
    "probe.reconciliation.sheet": N_("Reconciliation"),
    "probe.reconciliation.id": N_("Requirement ID"),
    "probe.reconciliation.level": N_("Level"),
    "probe.reconciliation.text": N_("Requirement"),
    "probe.reconciliation.result": N_("Result"),
    "probe.reconciliation.reason": N_("Reason"),
    "probe.reconciliation.evidence": InContext("reconciliation sheet", "Evidence"),
    "probe.reconciliation.must": N_("MUST"),
    "probe.reconciliation.should": N_("SHOULD"),
    "probe.rap.item.info_fields": N_("info fields"),
    "probe.rap.item.bodies": N_("message bodies"),
    "probe.rap.item.versions": N_("version declarations"),
    "probe.rap.item.operations": N_("operations"),
    "probe.rap.item.responses": N_("responses"),
    "probe.rap.item.date_fields": N_("date and time fields"),
    "probe.rap.item.url_parameters": N_("query and path parameters"),
    "probe.rap.item.paths": N_("paths"),
    "probe.rap.item.servers": N_("server URLs"),
    "probe.rap.item.urls": N_("URLs"),
    "probe.rap.item.properties": N_("field names"),
    "probe.rap.item.header_parameters": N_("header parameters"),
    "probe.rap.item.error_bodies": N_("error responses with content"),
    "probe.rap.item.url_version": N_("version in the URL"),
    "probe.rap.item.query_parameters": N_("query parameters"),
    "probe.rap.item.paged_operations": N_("paginated operations"),
    "probe.rap.item.page_parameters": N_("page parameters"),
    "probe.rap.item.limit_parameters": N_("limit parameters"),
    "probe.rap.item.schemes": N_("security schemes"),
    "probe.rap.item.api_keys": N_("API keys"),
    "answers.no.must": N_("{requirement} is a must-requirement and the vendor answers No"),
    "answers.no.should": N_("{requirement} (should-requirement) is answered No"),
    "answers.no.fix": N_(
        "Nothing for the buyer to fix; record in the evaluation that the requirement is not met."
    ),
    "answers.missing": N_("{requirement} is missing from the vendor's answers"),
    "answers.blank": N_("{requirement} is left unanswered"),
    "answers.missing.fix": N_(
        "Check that the right file was read and that the ids match; an unanswered must-requirement is not met."
    ),
    "answers.reservation": N_("{requirement}: Yes with a reservation ({kinds}): {phrases}"),
    "answers.reservation.fix": N_(
        "Assess the reservation by hand; ask for a clarification where LOU allows it."
    ),
    "hedge.reservation": N_("condition"),
    "hedge.cost": N_("extra cost"),
    "hedge.future": N_("future delivery"),
    "hedge.on_request": N_("on request"),
    "hedge.partial": N_("partial"),
    "hedge.dependency": N_("third-party dependency"),
    "hedge.proprietary": N_("own format"),
    "hedge.reuse": N_("own use of the data"),
    "hedge.quantity": N_("values other than required"),
    "answers.partial": N_("{requirement} is answered Partly"),
    "answers.unclear": N_("{requirement}: the answer is neither Yes nor No"),
    "answers.formula": N_(
        "{requirement}: the answer is computed by a formula in the workbook; check what the sheet shows"
    ),
    "answers.partial.fix": N_(
        "Assess the comment by hand and record the decision in the evaluation."
    ),
    "answers.evidence": N_("{requirement} needs evidence, but the answer names none ({rule})"),
    "answers.probe": N_("{requirement}: Yes, but the API description {source} shows: {reason}"),
    "answers.probe.fix": N_(
        "Review the probe's findings (proccheck probe {source}) and ask for a clarification where LOU allows it."
    ),
    "answers.evidence_only_named": N_(
        "{requirement}: the answer refers to an attachment, but none is listed as evidence ({rule})"
    ),
    "answers.evidence.fix": N_(
        "Ask for the evidence where LOU allows it; otherwise the requirement cannot be verified."
    ),
    "answers.altered": N_(
        "{requirement}: the vendor's requirement text differs from the specification: {difference}"
    ),
    "answers.altered.fix": N_(
        "Compare with the original and ask the vendor which text the answer refers to: {original}"
    ),
    "answers.result.met": N_('answered "{quote}" without reservation'),
    "lang.sv": N_("Swedish"),
    "lang.en": N_("English"),
    "field.title": InContext("requirement field", "title"),
    "field.text": InContext("requirement field", "text"),
}
