"""Parity with DIGG's reference validator RAP-LP (`diggsweden/rest-api-profil-lint-processor`).

Each case is a small OpenAPI document written from the input of one of RAP-LP's unit tests, with
the outcome RAP-LP gives it (valid -> met, or not_applicable when RAP-LP's rule never fires on
it, as RAP-LP's avstämning then reports N/A; errors -> not_met), and where the test is: its file
in RAP-LP, the commit the code index stored it under, and the test's name.

RAP-LP versions read (2026-12-02; no git snapshot could be had, so each file was read at the
newest version the code index holds; v2.0.0 per CHANGELOG.md@87dbf4586e8a): rules
src/rulesets/DokRules.ts@e5d8fdb87abb, MogRules.ts@53fea637c53c, ForRules.ts@368ca9ca8643,
ResRules.ts@4be7e06753cf, AmeRules.ts@090fd2ac0766, ArqRules.ts@1d5456d019a1,
FnsRules.ts@9068ffaa684a, FelRules.ts@103e6f7912a1, SakRules.ts@1bf134462d5d,
SpaRules.ts@1c9769530420, UfnRules.ts@1ae2d60b0f43, VerRules.ts@0be24f9e4132,
DotRules.ts@368ca9ca8643, util/DotRulesUtil.ts@e5d8fdb87abb, rulesetUtil.ts@1d5456d019a1,
constants/ResConstants.ts@ed6ba47f0f1e, constants/CommonWords.ts@b2d8f402b0ab; tests as cited.

RAP-LP's own test expectations (testRule scenarios) and how many are reproduced here:
ame 19/19, arq 12/12, dok 60/60 (16 of them Dok03 sub-rules, see DOK03_CASES), dot 4/4,
fel 14/14, fns 22/22, for 2/2, mog 15/15, res 9/9, sak 7/7 (+ Sak01/15/16, 7/7, from the older
tests/sak.test.ts), spa 3/3, ufn 43/43, ver 12/12: 229 of 229. `test_inventory_is_ported`
keeps that count from slipping. Inputs adapted (same verdict, the test's intent kept):
- path items RAP-LP's tests give without operations, or under a non-method key (`operation` in
  Dok19), are given a GET, as proccheck reads paths through their operations;
- Arq01's request bodies on GET are written on POST (a GET body is FOR.02's matter);
- the Dok03 sub-rules are run on their own (`dok03_parts`), as RAP-LP's tests run them; DOK.03's
  verdict is all of them together;
- Dok10 is judged from RAP-LP's tests: its rule was in none of the stored DokRules.ts versions;
- Mog01/Mog02: the newest MogRulesUtil.ts is not stored; "/pets and /pets/{petId} are one
  resource" and "two distinct methods" are taken from the test names;
- apiKey schemes get a `name`, and `examples` maps are valid where a test gives a string.
Not reproduced: none. Known differences beyond the tests: bench/rap-lp-divergences.md.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from check_runner import verdict_of

from proccheck.checks.rest_profile import dok03_parts
from proccheck.loaders.openapi import build_index


def doc(paths: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """An OpenAPI 3.1 document with these paths and top-level members."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1.0"},
        "paths": paths or {},
        **extra,
    }


def get(*parameters: dict[str, Any], **operation: Any) -> dict[str, Any]:
    """A path item with one GET operation with these parameters."""
    return {
        "get": {
            "parameters": list(parameters),
            "responses": {"200": {"description": "OK"}},
            **operation,
        }
    }


def query(name: str, **schema: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": {"type": "integer", **schema}}


def schema_props(*names: str) -> dict[str, Any]:
    """A document whose one named schema `Error` has these properties."""
    props = {n: {"type": "string"} for n in names}
    return doc(components={"schemas": {"Error": {"type": "object", "properties": props}}})


FNS = "tests/unit/fns.test.ts"
AME = "tests/unit/ame.test.ts"
ARQ = "tests/unit/arq.test.ts"
UFN = "tests/unit/ufn.test.ts"
VER = "tests/unit/ver.test.ts"
SAK = "tests/unit/sak.test.ts"
RES = "tests/unit/res.test.ts"
DOK = "tests/unit/dok.test.ts"
FEL = "tests/unit/fel.test.ts"


def response(status: str, content: Any) -> dict[str, Any]:
    """A document whose GET / has one response with this `content` member."""
    return doc({"/": {"get": {"responses": {status: {"description": "", "content": content}}}}})


def json_body(media: dict[str, Any], *, request: bool = False, **schemas: Any) -> dict[str, Any]:
    """A document whose one operation has this application/json media type object, in its
    200 response (GET) or its request body (POST), and these named schemas."""
    content = {"application/json": media}
    if request:
        operation = {
            "requestBody": {"content": content},
            "responses": {"200": {"description": "OK"}},
        }
        item = {"post": operation}
    else:
        item = {"get": {"responses": {"200": {"description": "test", "content": content}}}}
    return doc({"/dettacase": item}, components={"schemas": schemas})


ERROR1 = {"$ref": "#/components/schemas/Error1"}
ANSWER1 = {"$ref": "#/components/schemas/Answer1"}


def oauth(**flow: str) -> dict[str, Any]:
    """A document with one OAuth 2.0 scheme with a client-credentials flow with these URLs."""
    scheme = {"type": "oauth2", "flows": {"clientCredentials": {**flow, "scopes": {}}}}
    return doc(components={"securitySchemes": {"oAuth2": scheme}})


def paths_doc(*paths: str, server: str | None = None, **operation: Any) -> dict[str, Any]:
    """A document with a GET on each path (RAP-LP's tests often give bare path keys; proccheck
    reads paths through their operations) and an optional server URL."""
    servers = {"servers": [{"url": server}]} if server else {}
    return doc({p: get(**operation) for p in paths}, **servers)


def path_param(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


def header(**schema: Any) -> dict[str, Any]:
    """A document whose POST /foo takes one required header with this schema."""
    param = {"name": "Payload", "in": "header", "required": True, "schema": schema}
    post = {"parameters": [param], "responses": {"200": {"description": "OK"}}}
    return doc({"/foo": {"post": post}})


CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # FNS.01
    (
        "FNS.01",
        doc({"/foo": get(query("veryLongName"))}),
        "met",
        f"{FNS} Fns01 giltigt testfall (camelCase)",
    ),
    (
        "FNS.01",
        doc({"/foo": get(query("VeryLongName"))}),
        "not_met",
        f"{FNS} Fns01 ogiltigt testfall (CamelCase)",
    ),
    (
        "FNS.01",
        doc({"/foo": get(query("very_long_name"))}),
        "met",
        f"{FNS} Fns01 giltigt testfall (snake case)",
    ),
    (
        "FNS.01",
        doc({"/foo": get(query("very_longName"))}),
        "not_met",
        f"{FNS} Fns01 ogiltigt testfall (snake case)",
    ),
    # FNS.07
    (
        "FNS.07",
        doc({"/testpath": get(query("limit", default=100))}),
        "not_applicable",
        f"{FNS} Fns07 giltigt testfall - enbart 'limit' utan 'page' eller 'offset'",
    ),
    (
        "FNS.07",
        doc({"/testpath": get(query("limit", default=20), query("page", default=1))}),
        "met",
        f"{FNS} Fns07 giltigt testfall - med 'limit' och 'page'",
    ),
    (
        "FNS.07",
        doc({"/testpath": get(query("limit", default=20), query("offset", default=1))}),
        "met",
        f"{FNS} Fns07 giltigt testfall - med 'limit' och 'offset'",
    ),
    (
        "FNS.07",
        doc(
            {
                "/testpath": get(
                    query("limit2", default=20),
                    query("offset", default=1),
                    query("page", default=1),
                )
            }
        ),
        "not_met",
        f"{FNS} Fns07 ogiltigt testfall - med 'limit', 'offset' och 'page'",
    ),
    # AME.04
    (
        "AME.04",
        schema_props("verylongmessage"),
        "met",
        f"{AME} Ame04 giltigt testfall - test av flatcase för snakecase / camelcase",
    ),
    (
        "AME.04",
        schema_props("verylong_message"),
        "met",
        f"{AME} Ame04 giltigt testfall - test av snakecase",
    ),
    (
        "AME.04",
        schema_props("verylongMessage"),
        "met",
        f"{AME} Ame04 giltigt testfall - test av camelcase",
    ),
    (
        "AME.04",
        schema_props("_links"),
        "met",
        f"{AME} Ame04 giltigt testfall - reserverat HAL-fält _links",
    ),
    (
        "AME.04",
        schema_props("_embedded"),
        "met",
        f"{AME} Ame04 giltigt testfall - reserverat HAL-fält _embedded",
    ),
    (
        "AME.04",
        schema_props("_link"),
        "not_met",
        f"{AME} Ame04 ogiltigt testfall - ej reserverat fält med inledande underscore",
    ),
    (
        "AME.04",
        schema_props("_verylongmessage"),
        "not_met",
        f"{AME} Ame04 ogiltigt testfall - test av snakecase",
    ),
    (
        "AME.04",
        schema_props("VeryLongMessage"),
        "not_met",
        f"{AME} Ame04 ogiltigt testfall - test av camelCase",
    ),
    # ARQ.05
    ("ARQ.05", header(type="string"), "met", f"{ARQ} Arq05ComplexStructure giltigt testfall"),
    ("ARQ.05", header(type="object"), "not_met", f"{ARQ} Arq05ComplexStructure ogiltigt testfall"),
    ("ARQ.05", header(type="string"), "met", f"{ARQ} Arq05StringBinary giltigt testfall"),
    (
        "ARQ.05",
        header(type="string", format="binary"),
        "not_met",
        f"{ARQ} Arq05StringBinary ogiltigt testfall",
    ),
    ("ARQ.05", header(type="string"), "met", f"{ARQ} Arq05NestedStructure giltigt testfall"),
    (
        "ARQ.05",
        header(type="object", properties={"nestedfield": {"type": "string"}}),
        "not_met",
        f"{ARQ} Arq05NestedStructure ogiltigt testfall",
    ),
    # UFN.09
    (
        "UFN.09",
        paths_doc("/this-is-kebab-case", server="https://test.se/v1/dsa"),
        "met",
        f"{UFN} Ufn09Path giltigt testfall",
    ),
    (
        "UFN.09",
        paths_doc("/Detta_e_snake_case", server="https://test.se/v1/dsa"),
        "not_met",
        f"{UFN} Ufn09Path ogiltigt testfall",
    ),
    (
        "UFN.09",
        paths_doc("/this-is-kebab-case", server="https://test.se/v1/dsa"),
        "met",
        f"{UFN} Ufn09Server giltigt testfall",
    ),
    (
        "UFN.09",
        paths_doc("/Dettacase", server="https://test.se/v1_/dsa"),
        "not_met",
        f"{UFN} Ufn09Server ogiltigt testfall - understreck i server url",
    ),
    (
        "UFN.09",
        doc(
            {"/this-is-kebab-case": get(path_param("VeryLongName"))},
            servers=[{"url": "https://test.se/v1/dsa"}],
        ),
        "met",
        f"{UFN} Ufn09InPathParameters giltigt testfall",
    ),
    (
        "UFN.09",
        doc(
            {"/Dettacase": get(path_param("Very_LongName"))},
            servers=[{"url": "https://test.se/v1_/dsa"}],
        ),
        "not_met",
        f"{UFN} Ufn09InPathParameters ogiltigt testfall - understreck i server url",
    ),
    (
        "UFN.09",
        doc(
            {"/dettacase": get(path_param("Very_LongName"))},
            servers=[{"url": "https://test.se/v1/dsa"}],
        ),
        "not_met",
        f"{UFN} Ufn09InPathParameters ogiltigt testfall, derived: server underscore removed so only the parameter name fails",
    ),
    # UFN.08
    (
        "UFN.08",
        paths_doc("/correct-use-of-dash/in-path"),
        "met",
        f"{UFN} Ufn08 giltigt testfall - bara gemener och bindestreck ('-')",
    ),
    (
        "UFN.08",
        doc(
            {
                "/correct-use-of-dash/in-path/{path_param_1}/{path_param_2}": get(
                    path_param("path_param_1"), path_param("path_param_2")
                )
            }
        ),
        "met",
        f"{UFN} Ufn08 giltigt testfall - ignorera path parametrar",
    ),
    (
        "UFN.08",
        paths_doc("/p-ath-with-UPPERCASE"),
        "met",
        f"{UFN} Ufn08 giltigt testfall - ignorera versaler, finns annan regel för det",
    ),
    (
        "UFN.08",
        paths_doc("/invalid_path"),
        "not_met",
        f"{UFN} Ufn08 ogiltigt testfall - underscore i path",
    ),
    (
        "UFN.08",
        paths_doc("/invalid~path"),
        "not_met",
        f"{UFN} Ufn08 ogiltigt testfall - tilde i path",
    ),
    (
        "UFN.08",
        paths_doc("/invalid--path"),
        "not_met",
        f"{UFN} Ufn08 ogiltigt testfall - två eller flera bindestreck i rad",
    ),
    (
        "UFN.08",
        paths_doc("/-invalid-path"),
        "not_met",
        f"{UFN} Ufn08 ogiltigt testfall - börjar med bindestreck",
    ),
    (
        "UFN.08",
        paths_doc("/invalid-path-"),
        "not_met",
        f"{UFN} Ufn08 ogiltigt testfall - slutar med bindestreck",
    ),
    # VER.05
    (
        "VER.05",
        doc(servers=[{"url": "https://api.example.com/v2/my-api"}]),
        "met",
        f"{VER} Ver05 " + "giltigt testfall - prefix 'v'",
    ),
    (
        "VER.05",
        doc(servers=[{"url": "https://api.example.com/v1/my-api"}]),
        "met",
        f"{VER} Ver05 " + "giltigt testfall - prefix 'v inkl major version'",
    ),
    (
        "VER.05",
        doc(servers=[{"url": "https://api.example.com/v100/my-api"}]),
        "met",
        f"{VER} Ver05 " + "giltigt testfall - prefix 'v inkl major version with big number'",
    ),
    (
        "VER.05",
        doc(servers=[{"url": "https://api.example.com/{version}/my-api"}]),
        "met",
        f"{VER} Ver05 " + "giltigt testfall - OpenAPI server variable {version}",
    ),
    (
        "VER.05",
        doc(servers=[{"url": "https://api.example.com/{majorVersion}/my-api"}]),
        "not_met",
        f"{VER} Ver05 " + "ogiltigt testfall - felaktig server variable för version",
    ),
    (
        "VER.05",
        doc(servers=[{"url": "https://api.example.com/0/my-api"}]),
        "not_met",
        f"{VER} Ver05 " + "ogiltigt testfall - major version måste börja med 'v'",
    ),
    (
        "VER.05",
        doc(servers=[{"url": "https://api.example.com/v1.0/my-api"}]),
        "not_met",
        f"{VER} Ver05 "
        + "ogiltigt testfall - prefix 'v' och major version får inte efterföljas av minor version med char  '.'",
    ),
    (
        "VER.05",
        doc(servers=[{"url": "https://api.example.com/v1-0/my-api"}]),
        "not_met",
        f"{VER} Ver05 "
        + "ogiltigt testfall - prefix 'v' och major version får inte efterföljas av minor version med char  '-'",
    ),
    (
        "VER.05",
        doc(servers=[{"url": "https://api.example.com/v1_0/my-api"}]),
        "not_met",
        f"{VER} Ver05 "
        + "ogiltigt testfall - prefix 'v' och major version får inte efterföljas av minor version med char  '_'",
    ),
    (
        "VER.05",
        doc(servers=[{"url": "https://api.example.com/any_2/my-api"}]),
        "not_met",
        f"{VER} Ver05 " + "ogiltigt testfall - prefix 'any_'",
    ),
    # SAK.18
    (
        "SAK.18",
        oauth(tokenUrl="https://example.com/token", refreshUrl="https://example.com/refresh"),
        "met",
        f"{SAK} Sak18 giltigt testfall",
    ),
    (
        "SAK.18",
        oauth(tokenUrl="http://example.com/token"),
        "not_met",
        f"{SAK} Sak18 ogiltigt testfall - http är ej tillåtet",
    ),
    # RES.06
    (
        "RES.06",
        paths_doc("/PETS"),
        "not_met",
        f"{RES} Res06 ogiltigt testfall - Resurser BÖR INTE innehålla versaler",
    ),
    (
        "RES.06",
        paths_doc("/-pets"),
        "not_met",
        f"{RES} Res06 ogiltigt testfall - Bindestreck i resurser BÖR endast användas för att separera andra ord",
    ),
    (
        "RES.06",
        paths_doc("/my_pets"),
        "not_met",
        f"{RES} Res06 ogiltigt testfall - Resurser BÖR inte innehålla underline",
    ),
    (
        "RES.06",
        paths_doc("/multiple-words-123"),
        "met",
        f"{RES} Res06 giltigt testfall - Resurser BÖR endast innehålla gemener, siffror, och bindestreck för att separera ord",
    ),
    (
        "RES.06",
        doc({"/pets/{petId}": get(path_param("petId"))}),
        "met",
        f"{RES} Res06 giltigt testfall - Path params undantas från RES.06 och får därför innehålla versaler",
    ),
    (
        "RES.06",
        paths_doc("/get-pets"),
        "not_met",
        "src/rulesets/ResRules.ts Res06 invalidPrefixes (no unit test; the rule's verb-prefix list)",
    ),
    # DOK.15
    (
        "DOK.15",
        json_body({"examples": {"s": {"value": "s"}}}, Error1={"examples": ["test"]}),
        "met",
        f"{DOK} Dok15Get giltigt testfall (examples on the media type)",
    ),
    (
        "DOK.15",
        json_body({"schema": ERROR1}, Error1={"example": "test"}),
        "met",
        f"{DOK} Dok15Get giltigt testfall (example on the referenced schema)",
    ),
    (
        "DOK.15",
        json_body({"test": "ds"}),
        "not_met",
        f"{DOK} Dok15Get ogiltigt testfall (neither schema nor example)",
    ),
    (
        "DOK.15",
        json_body({"schema": ERROR1}, Error1={}),
        "not_met",
        f"{DOK} Dok15Get ogiltigt testfall (referenced schema without example)",
    ),
    (
        "DOK.15",
        json_body({"examples": {"s": {"value": "s"}}}, request=True),
        "met",
        f"{DOK} Dok15ReqBody giltigt testfall med inline examples",
    ),
    (
        "DOK.15",
        json_body({"schema": ANSWER1}, request=True, Answer1={"example": "test"}),
        "met",
        f"{DOK} Dok15ReqBody giltigt testfall med schemaRef example(follow)",
    ),
    (
        "DOK.15",
        json_body({"inteexamples": "s"}, request=True),
        "not_met",
        f"{DOK} Dok15ReqBody ogiltigt testfall",
    ),
    (
        "DOK.15",
        json_body({"schema": ANSWER1}, request=True, Answer1={}),
        "not_met",
        f"{DOK} Dok15ReqBody ogiltigt testfall med schemaRef example (follow)",
    ),
    # FEL.02
    (
        "FEL.02",
        response("400", {"application/problem+json": {}}),
        "met",
        f"{FEL} Fel02 giltigt testfall - Fel02 application/problem+json",
    ),
    (
        "FEL.02",
        response("500", {"application/problem+xml": {}}),
        "met",
        f"{FEL} Fel02 giltigt testfall - Fel02 application/problem+xml",
    ),
    (
        "FEL.02",
        response("400", {"application/json": {}}),
        "not_met",
        f"{FEL} Fel02 ogiltigt testfall - Fel02 400 saknar problem+json",
    ),
    (
        "FEL.02",
        response("default", {"application/json": {}}),
        "not_met",
        f"{FEL} Fel02 ogiltigt testfall - Fel02 default",
    ),
    (
        "FEL.02",
        response("default", None),
        "not_met",
        f"{FEL} Fel02 ogiltigt testfall - Fel02 no content",
    ),
    # UFN.07
    (
        "UFN.07",
        paths_doc("/abcdefghijklmnopqrstuvxyz-.~", server="http://api.example.com"),
        "met",
        f"{UFN} Ufn07 giltigt testfall",
    ),
    (
        "UFN.07",
        paths_doc("/a-*:-is-not-allowed", server="http://api.example.com"),
        "not_met",
        f"{UFN} Ufn07 ogiltigt testfall med asterisk i path",
    ),
    (
        "UFN.07",
        paths_doc("/a--is-not-allowed", server="http://api.exa*mple.com"),
        "not_met",
        f"{UFN} Ufn07 ogiltigt testfall med asterisk i server url",
    ),
    (
        "UFN.07",
        doc(
            {"/a--is-not-allowed": get()},
            servers=[{"url": "http://api.example.com"}, {"url": "http://api.exam#ple.com"}],
        ),
        "not_met",
        f"{UFN} Ufn07 ogiltigt testfall med # i server url",
    ),
    (
        "UFN.07",
        paths_doc("/a--is-not-allowed", "/a--i#s-not-alslowed", server="http://api.example.com"),
        "not_met",
        f"{UFN} Ufn07 ogiltigt testfall med # i server path",
    ),
    # UFN.01
    (
        "UFN.01",
        doc({"/exampletest": get()}, servers=[{"url": "http://petstore.swwagger.com/api/v2/"}]),
        "met",
        f"{UFN} Ufn01 " + "giltigt testfall",
    ),
    (
        "UFN.01",
        doc({"/exampletest": get()}, servers=[{"url": "http://api.petstore.sw/dsad/v22"}]),
        "met",
        f"{UFN} Ufn01 " + "giltigt testfall (v22)",
    ),
    (
        "UFN.01",
        doc(
            {"/exampletest": get()},
            servers=[
                {
                    "url": "https://{environment}.arbetsformedlingen.se:9443/aktivitetskrav/{version}",
                    "variables": {"environment": {"default": "test"}, "version": {"default": "v1"}},
                }
            ],
        ),
        "met",
        f"{UFN} Ufn01 " + "giltigt testfall - server variables environment och version",
    ),
    (
        "UFN.01",
        doc(
            {"/exampletest": get()},
            servers=[
                {
                    "url": "https://api.authority.se/demand/{majorVersion}/",
                    "variables": {"majorVersion": {"default": "v2"}},
                }
            ],
        ),
        "met",
        f"{UFN} Ufn01 " + "giltigt testfall - valfritt variabelnamn för version",
    ),
    (
        "UFN.01",
        doc(
            {"/exampletest": get()},
            servers=[
                {
                    "url": "https://api.authority.se:{port}/{api}/v10",
                    "variables": {"port": {"default": "443"}, "api": {"default": "demand"}},
                }
            ],
        ),
        "met",
        f"{UFN} Ufn01 " + "giltigt testfall - server variables för api och port",
    ),
    (
        "UFN.01",
        doc(
            {"/exampletest": get()},
            servers=[
                {
                    "url": "https://api.authority.se/demand/v1",
                    "variables": {"unused": {"enum": ["a"]}},
                }
            ],
        ),
        "met",
        f"{UFN} Ufn01 " + "giltigt testfall - oanvända server variables ignoreras",
    ),
    (
        "UFN.01",
        doc({"/exampletest": get()}, servers=[{"url": "htt//petstore.swwagger.com/api/v2"}]),
        "not_met",
        f"{UFN} Ufn01 " + "ogiltigt testfall - fel format på protokoll",
    ),
    (
        "UFN.01",
        doc({"/exampletest": get()}, servers=[{"url": "http//petstore.swwagger.com/api/v"}]),
        "not_met",
        f"{UFN} Ufn01 " + "ogiltigt testfall - saknar major versions nummer",
    ),
    (
        "UFN.01",
        doc({"/exampletest": get()}, servers=[{"url": "http//petstorecom/api/v2"}]),
        "not_met",
        f"{UFN} Ufn01 " + "ogiltigt testfall - sknar : efter protokoll",
    ),
    (
        "UFN.01",
        doc({"/exampletest": get()}, servers=[{"url": "http://petstorecom/"}]),
        "not_met",
        f"{UFN} Ufn01 " + "ogiltigt testfall - Saknar api och version",
    ),
    (
        "UFN.01",
        doc({"/exampletest": get()}, servers=[{"url": "http://petstorecom/v2/api"}]),
        "not_met",
        f"{UFN} Ufn01 " + "ogiltigt testfall - fel plats version och api",
    ),
    (
        "UFN.01",
        doc({"/exampletest": get()}, servers=[{"url": "http://petstorecom/test/v22dsa/"}]),
        "not_met",
        f"{UFN} Ufn01 " + "ogiltigt testfall - Fel format på version",
    ),
    (
        "UFN.01",
        doc({"/exampletest": get()}, servers=[{"url": "https://myapi.example.com//v2"}]),
        "not_met",
        f"{UFN} Ufn01 " + "ogiltigt testfall - dubbel //",
    ),
    (
        "UFN.01",
        doc(
            {"/exampletest": get()},
            servers=[
                {"url": "https://{environment}.arbetsformedlingen.se:9443/aktivitetskrav/{version}"}
            ],
        ),
        "not_met",
        f"{UFN} Ufn01 " + "ogiltigt testfall - variables saknas",
    ),
    (
        "UFN.01",
        doc(
            {"/exampletest": get()},
            servers=[
                {
                    "url": "https://{environment}.arbetsformedlingen.se:9443/aktivitetskrav/{version}",
                    "variables": {"environment": {"default": "test"}},
                }
            ],
        ),
        "not_met",
        f"{UFN} Ufn01 " + "ogiltigt testfall - variables.version saknas",
    ),
    (
        "UFN.01",
        doc(
            {"/exampletest": get()},
            servers=[
                {
                    "url": "https://{environment}.arbetsformedlingen.se:9443/aktivitetskrav/{version}",
                    "variables": {
                        "environment": {"enum": ["test", "prod"]},
                        "version": {"default": "v1"},
                    },
                }
            ],
        ),
        "not_met",
        f"{UFN} Ufn01 " + "ogiltigt testfall - server variable saknar default",
    ),
    (
        "UFN.01",
        doc(
            {"/exampletest": get()},
            servers=[
                {
                    "url": "https://{environment}.arbetsformedlingen.se:9443/aktivitetskrav/{version}",
                    "variables": {
                        "environment": {"default": "test"},
                        "version": {"default": "1.0"},
                    },
                }
            ],
        ),
        "not_met",
        f"{UFN} Ufn01 " + "ogiltigt testfall - default för version följer inte major-version",
    ),
    (
        "UFN.01",
        doc({"/exampletest": get()}, servers=[{"url": "https://host.example.se/a/b/v1"}]),
        "not_met",
        "bench/rap-lp-divergences.md row: one segment before /vN only (Ufn01 baseUrlPattern in src/rulesets/UfnRules.ts)",
    ),
    (
        "UFN.01",
        doc(
            {"/exampletest": get()},
            servers=[
                {
                    "url": "https://api.authority.se/demand/{majorVersion}",
                    "variables": {"majorVersion": {"default": "2"}},
                }
            ],
        ),
        "not_met",
        f"{UFN} Ufn01 ogiltigt testfall - default för valfritt variabelnamn på versionens plats",
    ),
    # DOK.08
    (
        "DOK.08",
        doc(
            info={
                "title": "T",
                "version": "1.0",
                "termsOfService": "https://url-till-servicelevel-agreement.com/api-sla",
            }
        ),
        "met",
        f"{DOK} Dok08 giltigt testfall - info.termsOfService finns",
    ),
    (
        "DOK.08",
        doc(
            info={
                "title": "T",
                "version": "1.0",
                "x-sla": {"availability": "test", "responseTime": 24, "support": "24/7"},
            }
        ),
        "met",
        f"{DOK} Dok08 giltigt testfall - info.x-sla finns med samtliga tre fält",
    ),
    (
        "DOK.08",
        doc(
            info={
                "title": "T",
                "version": "1.0",
                "x-sla": {"availability": "test", "responseTime": 24},
            }
        ),
        "not_met",
        f"{DOK} Dok08 ogiltigt testfall - info.x-sla finns men ett fält saknas",
    ),
    (
        "DOK.08",
        doc(
            externalDocs={
                "description": "Text som innehåller service level agreement",
                "url": "https://sla.se",
            }
        ),
        "met",
        f"{DOK} Dok08 giltigt testfall - externalDocs finns med giltig url och description",
    ),
    (
        "DOK.08",
        doc(
            externalDocs={
                "description": "Text som innehåller service level agreement",
                "url": "ftp:/sla.se",
            }
        ),
        "not_met",
        f"{DOK} Dok08 ogiltigt testfall - externalDocs finns men url:en är ogiltig",
    ),
    (
        "DOK.08",
        doc(externalDocs={"description": "Text som innehåller service level agreement"}),
        "not_met",
        f"{DOK} Dok08 ogiltigt testfall - externalDocs finns men ett fält saknas",
    ),
    (
        "DOK.08",
        doc(
            externalDocs={
                "description": "Text som inte innehåller vad den ska",
                "url": "https://sla.se",
            }
        ),
        "not_met",
        f'{DOK} Dok08 ogiltigt testfall - externalDocs finns men description saknar "service level agreement"',
    ),
    (
        "DOK.08",
        doc(),
        "not_met",
        f"{DOK} Dok08 ogiltigt testfall - SLA saknas helt",
    ),
]


# --- cases added for issue 13 (DIGG parity), from the RAP-LP versions named here ---------------
# Each file is cited with the commit the code index stored it under (read 2026-12-02); MOG's
# newest stored version is shown by the index without its commit (its id is given instead).
DOK2 = "tests/unit/dok.test.ts@0683803fb7b5"
MOG2 = "tests/unit/mog.test.ts (index id 63274403056, newest stored)"
FOR2 = "tests/unit/for.test.ts@159acad01adf"
RES2 = "tests/unit/res.test.ts@4be7e06753cf"
AME2 = "tests/unit/ame.test.ts@ed6ba47f0f1e"
ARQ2 = "tests/unit/arq.test.ts@6cc66d030c64"
FEL2 = "tests/unit/fel.test.ts@ff94e99ea578"
FNS2 = "tests/unit/fns.test.ts@159acad01adf"
SAK2 = "tests/unit/sak.test.ts@c4282a4bd2d8"
SAK_OLD = "tests/sak.test.ts (index id 43977196135, pre-tests/unit layout)"
DOT2 = "tests/unit/dot.test.ts@c4282a4bd2d8"
SPA2 = "tests/unit/spa.test.ts@6ef5c9dd5f5e"
UFN2 = "tests/unit/ufn.test.ts@281112b1fe4b"
VER2 = "tests/unit/ver.test.ts@808bc92f0f64"


def info_doc(**info: Any) -> dict[str, Any]:
    """A document with no paths and these `info` members (RAP-LP's tests give `version` only)."""
    return {"openapi": "3.1.0", "info": {"version": "1.0", **info}, "paths": {}}


def ops(**paths: dict[str, Any]) -> dict[str, Any]:
    """A document whose paths are these path items (keys with `_` for `/`: `pets_id`)."""
    return doc({k: v for k, v in paths.items()})


OK = {"200": {"description": "OK"}}
PETS = {"get": {"responses": OK}}
HAL = {
    "200": {
        "description": "OK",
        "content": {"application/hal+json": {"schema": {"type": "object"}}},
    }
}


def with_schema(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "get": {
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": schema}}}
            }
        }
    }


CREATED = {"post": {"responses": {"201": {"description": "Created"}}}}
INVALID_DOK20 = doc(
    {"/Dettacase": {"get": {"description": "d", "responses": {"200": {"description": ""}}}}}
)
SCHEMES = "components"


def schemes(**schemes_: dict[str, Any]) -> dict[str, Any]:
    return doc(components={"securitySchemes": schemes_})


def date_props(**props: dict[str, Any]) -> dict[str, Any]:
    return doc(components={"schemas": {"DateRequest": {"type": "object", "properties": props}}})


def body(media_type: str, *, request: bool, status: str = "200") -> dict[str, Any]:
    """POST /foo with an object schema under this media type, in the request or a response."""
    media = {media_type: {"schema": {"type": "object", "properties": {"foo": {"type": "string"}}}}}
    operation: dict[str, Any] = {"responses": {status: {"description": "d", "content": media}}}
    if request:
        operation = {"requestBody": {"content": media}, "responses": OK}
    return doc({"/foo": {"post": operation}})


def header_param(name: str, **schema: Any) -> dict[str, Any]:
    param = {"name": name, "in": "header", "required": True, "schema": {"type": "string", **schema}}
    return doc({"/foo": {"post": {"parameters": [param], "responses": OK}}})


def problem(
    media: str, *required: str, schema: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    props = {
        n: {"type": "integer" if n == "status" else "string"}
        for n in ("type", "title", "status", "detail", "instance")
        if n != "status" or "status" in required
    }
    node = schema or {"type": "object", "required": list(required), "properties": props}
    content = {media: {"schema": node}}
    return doc(
        {"/": {"get": {"responses": {"501": {"description": "", "content": content}}}}}, **extra
    )


FULL_PROBLEM = ("type", "title", "status", "detail", "instance")
LONG = "/" + "PAram" * 420

CASES += [
    # DOK.06
    (
        "DOK.06",
        info_doc(description="Här finns det dokumentation på svenska and english."),
        "met",
        f"{DOK2} Dok06 giltigt testfall",
    ),
    (
        "DOK.06",
        info_doc(description="Detta är på svenska"),
        "not_met",
        f"{DOK2} Dok06 ogiltigt testfall - endast svenska",
    ),
    (
        "DOK.06",
        info_doc(description="This is in english"),
        "not_met",
        f"{DOK2} Dok06 ogiltigt testfall - endast engelska",
    ),
    (
        "DOK.06",
        info_doc(description="Härfinnsdetdokumentationpåsvenskaandenglish."),
        "not_met",
        f"{DOK2} Dok06 ogiltigt testfall - båda språken med sammansatta ord",
    ),
    # DOK.10
    (
        "DOK.10",
        doc({"/pets": {"get": {"deprecated": False}}}),
        "not_applicable",
        f"{DOK2} Dok10 giltigt testfall - resurs är inte deprecated",
    ),
    (
        "DOK.10",
        doc({"/pets": {"get": {"deprecated": True}}}),
        "not_met",
        f"{DOK2} Dok10 ogiltigt testfall - resurs är deprecated men saknar datum",
    ),
    (
        "DOK.10",
        doc(
            {
                "/pets": {
                    "get": {
                        "description": "Beskrivning som inte innehåller några datum",
                        "x-deprecationDate": "Inga datum här heller",
                        "deprecated": True,
                    }
                }
            }
        ),
        "not_met",
        f"{DOK2} Dok10 ogiltigt testfall - resurs är deprecated, och beskrivning och x-deprecationDate innehåller inga datum",
    ),
    (
        "DOK.10",
        doc(
            {
                "/pets": {
                    "get": {
                        "description": "En beskrivning med mer text än endast datum, även om datumet 2025-01-01 är det relevanta",
                        "x-deprecationDate": "Inga datum här",
                        "deprecated": True,
                    }
                }
            }
        ),
        "met",
        f"{DOK2} Dok10 giltigt testfall - resurs är deprecated och description innehåller ett datum",
    ),
    (
        "DOK.10",
        doc(
            {
                "/pets": {
                    "get": {
                        "description": "En beskrivning som inte innehåller några datum",
                        "x-deprecationDate": "1 jan 2025",
                        "deprecated": True,
                    }
                }
            }
        ),
        "met",
        f"{DOK2} Dok10 giltigt testfall - resurs är deprecated och x-deprecationDate innehåller ett datum",
    ),
    # DOK.20 (RAP-LP Dok20: every response has a description)
    (
        "DOK.20",
        doc(
            {
                "/Dettacase": {
                    "get": {"description": "d", "responses": {"200": {"description": "test"}}}
                }
            }
        ),
        "met",
        f"{DOK2} Dok20 giltigt testfall",
    ),
    ("DOK.20", INVALID_DOK20, "not_met", f"{DOK2} Dok20 ogiltigt testfall"),
    # DOK.07
    ("DOK.07", info_doc(description="john"), "met", f"{DOK2} Dok07 giltigt testfall"),
    ("DOK.07", INVALID_DOK20, "not_met", f"{DOK2} Dok07 ogiltigt testfall"),
    # DOK.09
    (
        "DOK.09",
        info_doc(description="något om limits"),
        "met",
        f"{DOK2} Dok09 giltigt testfall - info.description innehåller keyword",
    ),
    (
        "DOK.09",
        {**info_doc(), "externalDocs": {"description": "något om begränsningar"}},
        "met",
        f"{DOK2} Dok09 giltigt testfall - externalDocs.description innehåller keyword",
    ),
    (
        "DOK.09",
        info_doc(**{"x-limitations": "behöver bara existera utan keywords"}),
        "met",
        f"{DOK2} Dok09 giltigt testfall - info.x-limitations är definierad",
    ),
    ("DOK.09", info_doc(), "not_met", f"{DOK2} Dok09 ogiltigt testfall - samtliga fält saknas"),
    (
        "DOK.09",
        {**info_doc(description="test"), "externalDocs": {"description": "test"}},
        "not_met",
        f"{DOK2} Dok09 ogiltigt testfall - fält finns men saknar samtliga keywords",
    ),
    # DOK.11
    (
        "DOK.11",
        info_doc(
            description="When the documentation consists of multiple paragraphs, the greater-than operator can be used."
        ),
        "met",
        f"{DOK2} Dok11 giltigt testfall",
    ),
    ("DOK.11", info_doc(), "not_met", f"{DOK2} Dok11 ogiltigt testfall - description saknas"),
    (
        "DOK.11",
        info_doc(description="  "),
        "not_met",
        f"{DOK2} Dok11 ogiltigt testfall - description finns, men innehåller endast blanksteg",
    ),
    (
        "DOK.11",
        info_doc(description=""),
        "not_met",
        f"{DOK2} Dok11 ogiltigt testfall - description finns, men är tom",
    ),
    # DOK.17
    (
        "DOK.17",
        {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}},
        "met",
        f"{DOK2} Dok17 giltigt testfall",
    ),
    (
        "DOK.17",
        {"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {}},
        "not_met",
        f"{DOK2} Dok17 ogiltigt testfall",
    ),
    # DOK.19 (summary and description; RAP-LP's key `operation` is written as `get`)
    (
        "DOK.19",
        doc(
            {
                "/thiscase": {
                    "get": {
                        "description": "description field test",
                        "summary": "summary field test",
                        "responses": {"200": {"description": "test"}},
                    }
                }
            }
        ),
        "met",
        f"{DOK2} Dok19 giltigt testfall",
    ),
    (
        "DOK.19",
        doc({"/thiscase": {"get": {"responses": {"200": {"description": ""}}}}}),
        "not_met",
        f"{DOK2} Dok19 ogiltigt testfall",
    ),
    # DOK.01
    (
        "DOK.01",
        {
            **info_doc(),
            "externalDocs": {
                "description": "API Documentation and specification",
                "url": "External link to API",
            },
        },
        "met",
        f"{DOK2} Dok01 giltigt testfall",
    ),
    ("DOK.01", {**info_doc(), "externalDocs": {}}, "not_met", f"{DOK2} Dok01 ogiltigt testfall"),
    # FOR.02
    (
        "FOR.02",
        doc({"/": {"get": {}}}),
        "met",
        f"{FOR2} For02 giltigt testfall - EN GET -förfrågan SKALL INTE acceptera en  body",
    ),
    (
        "FOR.02",
        doc(
            {
                "/": {
                    "get": {
                        "requestBody": {
                            "description": "En GET operation är en fråga och skall inte innehålla något svar",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    }
                }
            }
        ),
        "not_met",
        f"{FOR2} For02 ogiltigt testfall - EN GET -förfrågan SKALL INTE acceptera en body",
    ),
    # MOG.01
    (
        "MOG.01",
        doc({"/pets": PETS}),
        "not_met",
        f"{MOG2} Mog01 ogiltigt testfall - innehåller endast en resurs",
    ),
    (
        "MOG.01",
        doc({"/pets": PETS, "/pets/{petId}": PETS}),
        "not_met",
        f"{MOG2} Mog01 ogiltigt testfall - /pets och /pets/{{petId}} räknas som samma resurs",
    ),
    (
        "MOG.01",
        doc(
            {
                "/pets": PETS,
                "/orders": {
                    "options": {"responses": {"204": {"description": "Supported methods"}}}
                },
            }
        ),
        "not_met",
        f"{MOG2} Mog01 ogiltigt testfall - en resurs saknar giltig REST-metod",
    ),
    (
        "MOG.01",
        doc({"/pets": PETS, "/orders": PETS}),
        "not_met",
        f"{MOG2} Mog01 ogiltigt testfall - färre än två distinkta HTTP-metoder",
    ),
    (
        "MOG.01",
        doc({"/pets": PETS, "/orders": CREATED}),
        "met",
        f"{MOG2} Mog01 giltigt testfall - två resurser med distinkta metoder",
    ),
    (
        "MOG.01",
        doc(
            {
                "/pets": {**PETS, **CREATED},
                "/orders": {
                    **PETS,
                    "delete": {"responses": {"204": {"description": "No content"}}},
                },
            }
        ),
        "met",
        f"{MOG2} Mog01 giltigt testfall - två resurser med flera metoder",
    ),
    # MOG.02
    (
        "MOG.02",
        doc({"/pets": {"get": {"responses": HAL}}}),
        "not_met",
        f"{MOG2} Mog02 ogiltigt testfall - innehåller endast en resurs",
    ),
    (
        "MOG.02",
        doc(
            {
                "/pets": {"get": {"responses": HAL}},
                "/orders": {
                    "options": {"responses": {"204": {"description": "Supported methods"}}}
                },
            }
        ),
        "not_met",
        f"{MOG2} Mog02 ogiltigt testfall - en resurs saknar giltig REST-metod",
    ),
    (
        "MOG.02",
        doc({"/pets": {**PETS, **CREATED}, "/orders": PETS}),
        "not_met",
        f"{MOG2} Mog02 ogiltigt testfall - inga HATEOAS-indikatorer i svaren",
    ),
    (
        "MOG.02",
        doc({"/pets": {"get": {"responses": HAL}}, "/orders": CREATED}),
        "met",
        f"{MOG2} Mog02 giltigt testfall - svar använder application/hal+json",
    ),
    (
        "MOG.02",
        doc(
            {
                "/pets": {
                    "get": {
                        "responses": {
                            "200": {
                                "description": "OK",
                                "links": {
                                    "GetPetById": {
                                        "operationId": "getPetById",
                                        "parameters": {"petId": "$response.body#/id"},
                                    }
                                },
                            }
                        }
                    }
                },
                "/orders": CREATED,
            }
        ),
        "met",
        f"{MOG2} Mog02 giltigt testfall - svar innehåller OpenAPI links-objekt",
    ),
    (
        "MOG.02",
        doc(
            {
                "/pets": with_schema(
                    {
                        "type": "object",
                        "properties": {"href": {"type": "string"}, "rel": {"type": "string"}},
                    }
                ),
                "/orders": CREATED,
            }
        ),
        "met",
        f"{MOG2} Mog02 giltigt testfall - svarsschemat innehåller href+rel länkobjekt",
    ),
    (
        "MOG.02",
        doc(
            {
                "/pets": with_schema(
                    {
                        "type": "object",
                        "properties": {"href": {"type": "string"}, "method": {"type": "string"}},
                    }
                ),
                "/orders": CREATED,
            }
        ),
        "met",
        f"{MOG2} Mog02 giltigt testfall - svarsschemat innehåller href+method länkobjekt",
    ),
    (
        "MOG.02",
        doc(
            {
                "/pets": with_schema(
                    {
                        "type": "object",
                        "properties": {
                            "links": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "href": {"type": "string"},
                                        "rel": {"type": "string"},
                                    },
                                },
                            }
                        },
                    }
                ),
                "/orders": CREATED,
            }
        ),
        "met",
        f"{MOG2} Mog02 giltigt testfall - svarsschemat innehåller nästlad array med href+rel länkobjekt",
    ),
    (
        "MOG.02",
        doc(
            {
                "/pets": with_schema(
                    {
                        "type": "object",
                        "properties": {
                            "_links": {
                                "type": "object",
                                "properties": {
                                    "self": {
                                        "type": "object",
                                        "properties": {"href": {"type": "string"}},
                                    }
                                },
                            }
                        },
                    }
                ),
                "/orders": CREATED,
            }
        ),
        "met",
        f"{MOG2} Mog02 giltigt testfall - svarsschemat innehåller _links-egenskap",
    ),
    # RES.02
    (
        "RES.02",
        doc({"/pets": {"get": {"parameters": [{"name": "pnr", "in": "query"}]}}}),
        "not_met",
        f"{RES2} Res02 ogiltigt testfall - Personnummer BÖR INTE förekomma i en resurs (query param)",
    ),
    (
        "RES.02",
        doc({"/pets": {"get": {"parameters": [{"name": "title", "in": "query"}]}}}),
        "met",
        f"{RES2} Res02 giltigt testfall - Personnummer BÖR INTE förekomma i en resurs (query param)",
    ),
    (
        "RES.02",
        doc({"/pets": {"get": {"parameters": [{"name": "pnr", "in": "path"}]}}}),
        "not_met",
        f"{RES2} Res02 ogiltigt testfall - Personnummer BÖR INTE förekomma i en resurs (path param)",
    ),
    (
        "RES.02",
        doc({"/pets": {"get": {"parameters": [{"name": "title", "in": "path"}]}}}),
        "met",
        f"{RES2} Res02 giltigt testfall - Personnummer BÖR INTE förekomma i en resurs (path param)",
    ),
    # AME.01
    (
        "AME.01",
        body("application/json", request=False),
        "met",
        f"{AME2} Ame01 giltigt testfall - JSON format",
    ),
    (
        "AME.01",
        body("application/json", request=True),
        "met",
        f"{AME2} Ame01 giltigt testfall - Request Body",
    ),
    (
        "AME.01",
        body("application/octet-stream", request=True),
        "not_met",
        f"{AME2} Ame01 ogiltigt testfall - Request Body",
    ),
    (
        "AME.01",
        body("application/problem+json", request=False, status="400"),
        "not_applicable",
        f"{AME2} Ame01 giltigt testfall - Plockar inte error >= 400",
    ),
    (
        "AME.01",
        body("application/octet-stream", request=False),
        "not_met",
        f"{AME2} Ame01 ogiltigt testfall - ej JSON format",
    ),
    # AME.02
    (
        "AME.02",
        body("application/json; charset=utf-8", request=True),
        "met",
        f"{AME2} Ame02 giltigt testfall - JSON format",
    ),
    (
        "AME.02",
        body("application/octet-stream", request=True),
        "not_met",
        f"{AME2} Ame02 ogiltigt testfall - ej JSON format",
    ),
    # AME.05
    (
        "AME.05",
        schema_props("verylonoooooooooooongflatcaseingmessage", "veryshortflatcaseingmessage"),
        "met",
        f"{AME2} Ame05 giltigt testfall - test med flatcase",
    ),
    (
        "AME.05",
        schema_props("very_long_message", "veryLongMessage"),
        "not_met",
        f"{AME2} Ame05 ogiltigt testfall - test med snakecase och camelcase inom samme schemaobjekt",
    ),
    (
        "AME.05",
        doc(
            components={
                "schemas": {
                    "Error": {
                        "type": "object",
                        "properties": {
                            "verylong": {"type": "string"},
                            "message": {"type": "string"},
                        },
                    },
                    "Error2": {
                        "type": "object",
                        "properties": {
                            "very_short": {"type": "string"},
                            "veryLongg": {"type": "string"},
                        },
                    },
                }
            }
        ),
        "not_met",
        f"{AME2} Ame05 ogiltigt testfall - test med snakecase och camelcase med flera schemaobjekt",
    ),
    # AME.07
    ("AME.07", schema_props("code", "message"), "met", f"{AME2} Ame07 giltigt testfall"),
    (
        "AME.07",
        schema_props("co-de", "message"),
        "not_met",
        f"{AME2} Ame07 ogiltigt testfall (co-de)",
    ),
    (
        "AME.07",
        schema_props("code", "mes%sage"),
        "not_met",
        f"{AME2} Ame07 ogiltigt testfall (mes%sage)",
    ),
    (
        "AME.07",
        schema_props("code", "m-essage"),
        "not_met",
        f"{AME2} Ame07 ogiltigt testfall (m-essage)",
    ),
    # ARQ.01 (the tests put a requestBody on a GET; written as POST, FOR.02 judges GET bodies)
    (
        "ARQ.01",
        doc(
            {
                "/": {
                    "post": {
                        "requestBody": {
                            "content": {
                                "application/json": {"schema": {"type": "object"}},
                                "text/csv": {"schema": {"type": "string"}},
                            }
                        },
                        "responses": OK,
                    }
                }
            }
        ),
        "met",
        f"{ARQ2} Arq01 giltigt testfall",
    ),
    (
        "ARQ.01",
        doc(
            {
                "/": {
                    "post": {
                        "requestBody": {"content": {"text/csv": {"schema": {"type": "string"}}}},
                        "responses": OK,
                    }
                }
            }
        ),
        "not_met",
        f"{ARQ2} Arq01 ogiltigt testfall",
    ),
    # ARQ.03
    (
        "ARQ.03",
        header_param("Connection", enum=["keep-alive", "close", "upgrade"]),
        "met",
        f"{ARQ2} Arq03 giltigt testfall - Connection: keep-alive",
    ),
    (
        "ARQ.03",
        header_param("Date", format="date-time"),
        "met",
        f"{ARQ2} Arq03 giltigt testfall - Date: ska ha format som är definierat i RFC 3339",
    ),
    (
        "ARQ.03",
        header_param("ETag", format="etag"),
        "met",
        f"{ARQ2} Arq03 giltigt testfall - ETag: etag",
    ),
    (
        "ARQ.03",
        header_param("Connection", enum=["close", "upgrade"]),
        "not_met",
        f"{ARQ2} Arq03 ogiltigt testfall - Connection: keep-alive saknas",
    ),
    # FEL.01
    (
        "FEL.01",
        problem("application/problem+json", *FULL_PROBLEM),
        "met",
        f"{FEL2} Fel01 giltigt testfall",
    ),
    (
        "FEL.01",
        problem("application/problem+xml", *FULL_PROBLEM),
        "met",
        f"{FEL2} Fel01 giltigt testfall - XML",
    ),
    (
        "FEL.01",
        problem("application/problem+xml"),
        "not_met",
        f"{FEL2} Fel01 ogiltigt testfall - XML",
    ),
    ("FEL.01", problem("application/problem+json"), "not_met", f"{FEL2} Fel01 ogiltigt testfall"),
    (
        "FEL.01",
        problem(
            "application/problem+json", schema={"oneOf": [{"type": "object"}, {"type": "object"}]}
        ),
        "not_met",
        f"{FEL2} Fel01 ogiltigt testfall - oneOf används",
    ),
    (
        "FEL.01",
        problem(
            "application/problem+json",
            schema={"$ref": "#/components/schemas/Problem"},
            components={
                "schemas": {
                    "Problem": {
                        "type": "object",
                        "required": list(FULL_PROBLEM),
                        "properties": {n: {"type": "string"} for n in FULL_PROBLEM},
                    }
                }
            },
        ),
        "met",
        f"{FEL2} Fel01 giltigt testfall - $ref används",
    ),
    (
        "FEL.01",
        problem(
            "application/problem+json",
            schema={
                "allOf": [
                    {
                        "type": "object",
                        "required": ["type", "title"],
                        "properties": {"type": {"type": "string"}, "title": {"type": "string"}},
                    },
                    {
                        "type": "object",
                        "required": ["status", "detail", "instance"],
                        "properties": {
                            "status": {"type": "integer"},
                            "detail": {"type": "string"},
                            "instance": {"type": "string"},
                        },
                    },
                ]
            },
        ),
        "met",
        f"{FEL2} Fel01 giltigt testfall - allOf används",
    ),
    (
        "FEL.01",
        problem(
            "application/problem+json",
            schema={"$ref": "#/components/schemas/Problem"},
            components={
                "schemas": {
                    "Problem": {
                        "type": "object",
                        "properties": {"type": {"type": "string"}, "title": {"type": "string"}},
                    }
                }
            },
        ),
        "not_met",
        f"{FEL2} Fel01 $ref saknar required fields",
    ),
    # FEL.02 (the fifth and sixth cases are in the block above)
    (
        "FEL.02",
        response("200", {"application/json": {}}),
        "not_applicable",
        f"{FEL2} Fel02 giltigt testfall - Fel02 (200 only: RAP-LP's rule never fires)",
    ),
    # FNS.03, FNS.05, FNS.06, FNS.08, FNS.09
    (
        "FNS.03",
        doc({"/charactercheck": get(query("veryLongName"))}),
        "met",
        f"{FNS2} Fns03 giltigt testfall",
    ),
    (
        "FNS.03",
        doc({"/charactercheck": get(query("_VeryLongName"))}),
        "not_met",
        f"{FNS2} Fns03 ogiltigt testfall",
    ),
    (
        "FNS.05",
        doc(
            {
                "/testpath": get(query("limit", default=100)),
                "/testpasth": get(
                    query("limit", default=100), {**query("q"), "schema": {"type": "string"}}
                ),
            }
        ),
        "met",
        f"{FNS2} Fns05 giltigt testfall sökparameter BÖR vara frivillig",
    ),
    (
        "FNS.05",
        doc(
            {"/urlsakratecknencheck": get({**query("url@sakra,tecknen+checke*"), "required": True})}
        ),
        "not_met",
        f"{FNS2} Fns05 ogiltigt testfall - värde true.",
    ),
    (
        "FNS.05",
        doc({"/urlsakratecknencheck": get({**query("url@sakra,tecknen+checke*"), "required": 0})}),
        "not_met",
        f"{FNS2} Fns05 ogiltigt testfall - värde 0",
    ),
    (
        "FNS.06",
        doc({"/urlsakratecknencheck": get(query("url_sakra-tecknen.check~"))}),
        "met",
        f"{FNS2} Fns06 giltigt testfall",
    ),
    (
        "FNS.06",
        doc({"/urlsakratecknencheck": get(query("url@sakra,tecknen+checke*"))}),
        "not_met",
        f"{FNS2} Fns06 ogiltigt testfall",
    ),
    (
        "FNS.08",
        doc({"/testpath": get(query("page", default=2))}),
        "not_applicable",
        f"{FNS2} Fns08 giltigt testfall - enbart 'page', kan ha vilket defaultvärde som helst",
    ),
    (
        "FNS.08",
        doc({"/testpath": get(query("limit", default=20), query("page", default=1))}),
        "met",
        f"{FNS2} Fns08 giltigt testfall - 'om 'limit' finns ska 'page' ha defaultvärde 1",
    ),
    (
        "FNS.08",
        doc({"/testpath": get(query("page", default=2), query("limit", default=1))}),
        "not_met",
        f"{FNS2} Fns08 ogiltigt testfall - felaktigt defaultvärde på 'page' när 'limit' finns",
    ),
    (
        "FNS.08",
        doc({"/testpath": get(query("limit", default=20), query("page", default=2))}),
        "not_met",
        f"{FNS2} Fns08 ogiltigt testfall - med 'limit', 'offset' och 'page'",
    ),
    (
        "FNS.09",
        doc({"/limitcheck": get(query("limit", default=100))}),
        "not_applicable",
        f"{FNS2} Fns09 giltigt testfall - enbart 'limit' utan 'page' eller 'offset'",
    ),
    (
        "FNS.09",
        doc({"/limitcheck": get(query("limit", default=20), query("page", default=1))}),
        "met",
        f"{FNS2} Fns09 giltigt testfall - med 'limit' och 'page'",
    ),
    (
        "FNS.09",
        doc({"/limitcheck": get(query("limit", default=201), query("page", default=1))}),
        "not_met",
        f"{FNS2} Fns09 ogiltigt testfall - med 'limit' och 'page' där default värde för 'limit' är fel",
    ),
    # SAK.09, SAK.10, SAK.18 (tests/unit), SAK.01, SAK.15, SAK.16 (older tests/ layout)
    (
        "SAK.09",
        schemes(bearerAuth={"type": "http", "scheme": "bearer"}),
        "met",
        f"{SAK2} Sak09 giltigt testfall",
    ),
    (
        "SAK.09",
        schemes(basicAuth={"type": "http", "scheme": "basic"}),
        "not_met",
        f"{SAK2} Sak09 ogiltigt testfall (basic)",
    ),
    (
        "SAK.09",
        schemes(digestAuth={"type": "http", "scheme": "digest"}),
        "not_met",
        f"{SAK2} Sak09 ogiltigt testfall (digest)",
    ),
    (
        "SAK.10",
        schemes(bearerAuth={"type": "http", "scheme": "bearer"}),
        "met",
        f"{SAK2} Sak10 giltigt testfall",
    ),
    (
        "SAK.10",
        schemes(basicAuth={"type": "http", "scheme": "basic"}),
        "not_met",
        f"{SAK2} Sak10 ogiltigt testfall",
    ),
    (
        "SAK.01",
        doc(servers=[{"url": "https://server-1.se"}, {"url": "https://server-2.se"}]),
        "met",
        f"{SAK_OLD} Sak01 giltigt testfall - två servrar finns med korrekta url:er",
    ),
    (
        "SAK.01",
        doc(servers=[{"url": "https://server-1.se"}, {"url": "http://server-2.se"}]),
        "not_met",
        f"{SAK_OLD} Sak01 ogiltigt testfall - två servrar finns med en inkorrekt url",
    ),
    (
        "SAK.01",
        doc(
            servers=[
                {"description": "En server"},
                {"description": "En till server", "url": "http://server-2.se"},
            ]
        ),
        "not_met",
        f"{SAK_OLD} Sak01 ogiltigt testfall - två servrar finns men en url saknas",
    ),
    (
        "SAK.15",
        schemes(ApiKeyQuery={"type": "apiKey", "in": "header", "name": "X-Key"}),
        "met",
        f"{SAK_OLD} Sak15 giltigt testfall",
    ),
    (
        "SAK.15",
        schemes(ApiKeyQuery={"type": "apiKey", "in": "query", "name": "key"}),
        "not_met",
        f"{SAK_OLD} Sak15 ogiltigt testfall",
    ),
    (
        "SAK.16",
        schemes(ApiKeyQuery={"type": "apiKey", "in": "header", "name": "X-Key"}),
        "met",
        f"{SAK_OLD} Sak16 giltigt testfall",
    ),
    (
        "SAK.16",
        schemes(ApiKeyQuery={"type": "apiKey", "in": "query", "name": "key"}),
        "not_met",
        f"{SAK_OLD} Sak16 ogiltigt testfall",
    ),
    # DOT.02, DOT.04
    (
        "DOT.02",
        date_props(
            postedDate={"type": "string", "format": "date", "example": "2022-12-31"},
            postedTime={
                "type": "string",
                "format": "date-time",
                "example": "2022-11-31T04:00:09.12",
            },
        ),
        "met",
        f"{DOT2} Dot02 giltigt testfall - date/datetime",
    ),
    (
        "DOT.02",
        date_props(
            postedDate={"type": "string", "format": "date", "example": "2022-121-31"},
            postedTime={
                "type": "string",
                "format": "date-time",
                "example": "2022-11-31T04:000:09.120",
            },
        ),
        "not_met",
        f"{DOT2} Dot02 ogiltigt testfall - date/date-time",
    ),
    (
        "DOT.04",
        date_props(
            postedTime={
                "type": "string",
                "format": "date-time",
                "example": "2024-04-23T04:00:09.12+01:00",
            }
        ),
        "met",
        f"{DOT2} Dot04 giltigt testfall - date/datetime",
    ),
    (
        "DOT.04",
        date_props(
            postedTime={
                "type": "string",
                "format": "date-time",
                "example": "2024-04-23T04:00:09.12",
            }
        ),
        "not_met",
        f"{DOT2} Dot04 ogiltigt testfall - date/date-time",
    ),
    # SPA.04
    (
        "SPA.04",
        doc(
            {
                "/users": {
                    "get": {
                        "responses": {
                            "200": {
                                "description": "OK",
                                "headers": {"traceparent": {"schema": {"type": "string"}}},
                            }
                        }
                    }
                }
            }
        ),
        "met",
        f"{SPA2} Spa04 giltigt testfall - traceparent finns med schema",
    ),
    (
        "SPA.04",
        doc(
            {
                "/users": {
                    "get": {
                        "responses": {
                            "200": {
                                "description": "OK",
                                "headers": {
                                    "traceparent": {"$ref": "#/components/headers/Traceparent"}
                                },
                            }
                        }
                    }
                }
            },
            components={"headers": {"Traceparent": {"schema": {"type": "string"}}}},
        ),
        "met",
        f"{SPA2} Spa04 giltigt testfall - traceparent finns via ref",
    ),
    (
        "SPA.04",
        doc({"/users": {"get": {"responses": OK}}}),
        "not_met",
        f"{SPA2} Spa04 ogiltigt testfall - traceparent finns inte",
    ),
    # UFN.02, UFN.05
    (
        "UFN.02",
        doc({"/x": get()}),
        "not_applicable",
        f"{UFN2} Ufn02 giltigt testfall (no server URL: RAP-LP's rule never fires)",
    ),
    (
        "UFN.02",
        paths_doc("/", server="http://api.example.com/"),
        "not_met",
        f"{UFN2} Ufn02 ogiltigt testfall 1",
    ),
    (
        "UFN.05",
        paths_doc("/pets/{id}", server="https://pets.se/dsa/v1"),
        "met",
        f"{UFN2} Ufn05paths giltigt testfall",
    ),
    (
        "UFN.05",
        paths_doc(LONG, server="https://pets.se/dsa/v1"),
        "not_met",
        f"{UFN2} Ufn05paths ogiltigt testfall",
    ),
    (
        "UFN.05",
        paths_doc("/dtestpath", server="https://pets.se/dsa/v1"),
        "met",
        f"{UFN2} Ufn05Servers giltigt testfall",
    ),
    (
        "UFN.05",
        paths_doc("/dtestpath", server="https://pets.se" + LONG + "/v1"),
        "not_met",
        f"{UFN2} Ufn05Servers ogiltigt testfall",
    ),
    # VER.06
    ("VER.06", doc({"/api-info": get()}), "met", f"{VER2} Ver06 giltigt testfall"),
    ("VER.06", doc(), "not_met", f"{VER2} Ver06 ogiltigt testfall"),
]


@pytest.mark.parametrize(
    ("rule", "document", "expected", "source"),
    CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)],
)
def test_same_verdict_as_rap_lp(
    rule: str, document: dict[str, Any], expected: str, source: str
) -> None:
    index = build_index(json.dumps(document), "parity.json")
    verdict = verdict_of(f"RAP-{rule}", index)
    assert verdict.outcome == expected, f"{source}: {verdict.outcome} ({verdict.reason})"


DOK03_CASES: list[tuple[str, dict[str, Any], bool, str]] = [
    (
        "Dok03Info",
        {
            "version": "21.0.0",
            "title": "AME",
            "description": "API message",
            "termsOfService": "http://swagger.io/terms/",
        },
        True,
        "giltigt testfall",
    ),
    ("Dok03Info", {}, False, "ogiltigt testfall"),
    ("Dok03ContactName", {"contact": {"name": "Swagger AP"}}, True, "giltigt testfall"),
    ("Dok03ContactName", {"contact": {"nname": "Swagger AP"}}, False, "ogiltigt testfall"),
    ("Dok03ContactEmail", {"contact": {"email": "email@email.com"}}, True, "giltigt testfall"),
    ("Dok03ContactEmail", {"contact": {"gemail": "abce@emil.com"}}, False, "ogiltigt testfall"),
    ("Dok03ContactUrl", {"contact": {"url": "http://swagger.io"}}, True, "giltigt testfall"),
    ("Dok03ContactUrl", {"contact": {"uuuurll": "http://swagger.io"}}, False, "ogiltigt testfall"),
    ("Dok03Contact", {"contact": {}}, True, "giltigt testfall"),
    ("Dok03Contact", {"ccontact": {}}, False, "ogiltigt testfall"),
    ("Dok03License", {"license": {}}, True, "giltigt testfall"),
    ("Dok03License", {"lllllicense": {}}, False, "ogiltigt testfall"),
    ("Dok03LicenseUrl", {"license": {"url": "https://pets.se/dsa/v1"}}, True, "giltigt testfall"),
    ("Dok03LicenseUrl", {"license": {"uuuuuuurl": ""}}, False, "ogiltigt testfall"),
    ("Dok03LicenseName", {"license": {"name": "this name"}}, True, "giltigt testfall"),
    ("Dok03LicenseName", {"license": {"nnnnnnname": "this is name"}}, False, "ogiltigt testfall"),
]
"""RAP-LP runs each Dok03 sub-rule on its own in its tests; proccheck's DOK.03 verdict is all
of them together, so these cases check the sub-rule's own part of it (`dok03_parts`)."""


@pytest.mark.parametrize(("sub", "info", "passes", "name"), DOK03_CASES)
def test_dok03_part_as_rap_lp(sub: str, info: dict[str, Any], passes: bool, name: str) -> None:
    parts = [ok for rule_name, _where, ok in dok03_parts(info) if rule_name == sub]
    assert parts, f"{DOK2} {sub} {name}: the sub-rule did not run"
    assert all(parts) is passes, f"{DOK2} {sub} {name}"


INVENTORY = {
    "ame.test.ts": 19, "arq.test.ts": 12, "dok.test.ts": 60, "dot.test.ts": 4, "fel.test.ts": 14,
    "fns.test.ts": 22, "for.test.ts": 2, "mog.test.ts": 15, "res.test.ts": 9, "sak.test.ts": 14,
    "spa.test.ts": 3, "ufn.test.ts": 43, "ver.test.ts": 12,
}  # fmt: skip
"""RAP-LP's test expectations per test file (the versions cited above)."""


def test_inventory_is_ported() -> None:
    ported = {name: 0 for name in INVENTORY}
    for _rule, _document, _expected, source in CASES:
        if "derived" in source or source.startswith("bench/"):
            continue
        for name in INVENTORY:
            if f"/{name}" in source:
                ported[name] += 1
    ported["dok.test.ts"] += len(DOK03_CASES)
    short = {name: (ported[name], n) for name, n in INVENTORY.items() if ported[name] < n}
    assert not short, short
    assert sum(INVENTORY.values()) == 229
