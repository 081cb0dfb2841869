"""A municipality's own requirement set, as a newcomer writes it: the three-line set, plain-string
texts, the default principle, validation messages in proccheck's words, and `sets init`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from conftest import SAMPLES, CliResult

from proccheck.api import init_set, validate_set
from proccheck.errors import RequirementSetError, UsageError
from proccheck.i18n import use_lang
from proccheck.model import Lang
from proccheck.requirements import load_requirement_set, one_language_notes
from proccheck.resources import data_dir
from proccheck.vocabulary import version_word

Cli = Callable[..., CliResult]
SPEC = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"
THREE_LINES = "id: min-kommun\ntitle: Min kommun\nextends: [builtin:open-baseline]\n"
PYDANTIC_WORDS = (
    "Input should",
    "valid dictionary",
    "Field required",
    "instance of",
    "Extra inputs",
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the three-line set ----------------------------------------------------------------------


def test_three_line_set_validates_and_checks_a_specification(cli: Cli, tmp_path: Path) -> None:
    own = write(tmp_path, "min-kommun.yaml", THREE_LINES)
    validated = cli("sets", "validate", own)
    assert validated.code == 0, validated.out + validated.err
    assert "error:" not in validated.err
    report = tmp_path / "report.json"
    checked = cli("spec", "check", SPEC, "--set", own, "-f", "text", "-f", f"json:{report}")
    assert checked.code in (0, 1), checked.err
    assert "error:" not in checked.err
    assert "requirement set: min-kommun unversioned" in checked.out
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["reports"][0]["requirement_set"] == {"id": "min-kommun", "version": ""}
    schema = json.loads((data_dir("schemas") / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    swedish = cli("spec", "check", SPEC, "--set", own, "--lang", "sv")
    assert swedish.code in (0, 1) and "kravuppsättning: min-kommun utan version" in swedish.out


def test_three_line_set_resolves_with_both_languages_from_one_title(tmp_path: Path) -> None:
    own = load_requirement_set(str(write(tmp_path, "s.yaml", THREE_LINES)))
    assert own.version == "" and own.lang == "sv"
    assert own.title.sv == own.title.en == "Min kommun"
    assert own.one_language == {"title": "sv"}
    assert len(own.requirements) == len(load_requirement_set("builtin:open-baseline").requirements)
    report = validate_set(str(tmp_path / "s.yaml"))
    assert report.outcome == "met"
    assert report.requirement_set.version == ""


def test_version_is_shown_as_unversioned_in_both_languages() -> None:
    assert version_word("en", "") == "unversioned"
    assert version_word("sv", "") == "utan version"
    assert version_word("sv", "2026.1") == "2026.1"


def test_sets_show_and_list_show_the_version(cli: Cli, tmp_path: Path) -> None:
    own = write(tmp_path, "s.yaml", THREE_LINES)
    shown = cli("sets", "show", own, "-f", "text", "--lang", "sv")
    assert shown.code == 0 and shown.out.startswith("min-kommun utan version: Min kommun")
    listed = cli("sets", "list")
    assert "builtin:open-baseline" in listed.out and " 1.0 " in listed.out


# --- plain-string texts, lang, principle -----------------------------------------------------


NEW_IN_SWEDISH = """requirements:
  MK-01:
    level: must
    title: Loggar
    text: Leverantören ska lämna ut alla loggar i ett öppet format.
  DO-01:
    text: Kommunen ska äga all data, inklusive loggar.
"""


def test_plain_strings_are_used_for_both_languages_and_noted(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", THREE_LINES + NEW_IN_SWEDISH)
    own = load_requirement_set(str(path))
    new = own.get("MK-01")
    assert new is not None
    assert new.title.sv == new.title.en == "Loggar"
    assert new.text.en.startswith("Leverantören ska")
    assert new.one_language == {"title": "sv", "text": "sv"}
    assert new.principle == "other"  # a new requirement without principle
    changed = own.get("DO-01")
    assert changed is not None
    assert changed.principle == "data-ownership"  # an override keeps the inherited principle
    assert changed.text.sv == changed.text.en == "Kommunen ska äga all data, inklusive loggar."
    assert changed.title.en.startswith("Rights to all data")  # untouched
    assert one_language_notes(own, "en") == [
        "title: given in Swedish only, used for both languages",
        "requirements.DO-01.text: given in Swedish only, used for both languages",
        "requirements.MK-01.title, requirements.MK-01.text: given in Swedish only, used for "
        "both languages",
    ]
    validated = cli("sets", "validate", path, "-f", "json")
    assert validated.code == 0, validated.err
    findings = json.loads(validated.out)["reports"][0]["findings"]
    notes = [f for f in findings if f["check"] == "RS001"]
    assert {f["severity"] for f in notes} == {"note"}
    assert any("MK-01: title is given in Swedish only" in f["message"] for f in notes)
    shown = cli("sets", "show", path, "--lang", "sv")
    assert shown.code == 0
    assert "note: title: finns bara på svenska och används för båda språken" in shown.err
    assert "note: requirements.MK-01.title, requirements.MK-01.text: finns bara på svenska" in (
        shown.err
    )


def test_lang_en_marks_plain_strings_as_english(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", "id: s\nlang: en\ntitle: My set\n")
    own = load_requirement_set(str(path))
    assert own.lang == "en" and own.one_language == {"title": "en"}
    assert own.title.sv == "My set"
    assert one_language_notes(own, "sv") == [
        "title: finns bara på engelska och används för båda språken"
    ]


def test_plain_string_follows_its_language_through_extends(tmp_path: Path) -> None:
    write(
        tmp_path,
        "base.yaml",
        "id: base\ntitle: Bas\nrequirements:\n  MK-01: {level: must, title: Loggar, text: Gammal}\n",
    )
    same = write(
        tmp_path,
        "same.yaml",
        "id: a\ntitle: A\nextends: [./base.yaml]\nrequirements:\n  MK-01: {text: {sv: Ny}}\n",
    )
    requirement = load_requirement_set(str(same)).get("MK-01")
    assert requirement is not None
    # the English text was a copy of the Swedish string, so it follows the new Swedish text
    assert (requirement.text.sv, requirement.text.en) == ("Ny", "Ny")
    assert requirement.one_language == {"title": "sv", "text": "sv"}
    translated = write(
        tmp_path,
        "translated.yaml",
        "id: b\ntitle: B\nextends: [./base.yaml]\nrequirements:\n  MK-01: {text: {en: Old}}\n",
    )
    requirement = load_requirement_set(str(translated)).get("MK-01")
    assert requirement is not None
    assert (requirement.text.sv, requirement.text.en) == ("Gammal", "Old")
    assert requirement.one_language == {"title": "sv"}


# --- validation messages ---------------------------------------------------------------------

HEAD = "id: s\ntitle: T\nextends: [builtin:open-baseline]\n"
MESSAGES = [
    pytest.param(
        HEAD + "requirements:\n  NEW-1:\n    level: must\n    title: Loggar\n",
        "5:3",
        {
            "en": ("requirements.NEW-1.text is missing", "example: text: The vendor shall"),
            "sv": ("requirements.NEW-1.text saknas", "exempel: text: Leverantören ska"),
        },
        id="missing-field",
    ),
    pytest.param(
        "id: s\nextends: [builtin:open-baseline]\n",
        "1:1",
        {
            "en": ("title is missing", "example: title: My municipality"),
            "sv": ("title saknas", "exempel: title: Min kommun"),
        },
        id="missing-title",
    ),
    pytest.param(
        "id: s\ntitle: [Min, kommun]\n",
        "2:1",
        {
            "en": (
                "title must be a text, or a mapping with sv and en, not a list",
                "example: title: My municipality",
            ),
            "sv": (
                "title måste vara en text eller en mappning med sv och en, inte en lista",
                "exempel: title: Min kommun",
            ),
        },
        id="wrong-type-text",
    ),
    pytest.param(
        HEAD + "requirements:\n  DO-01:\n    references: Upphandlingsmyndigheten\n",
        "6:5",
        {
            "en": (
                "requirements.DO-01.references must be a list, not a text",
                "example: references: [{title: Upphandlingsmyndigheten",
            ),
            "sv": (
                "requirements.DO-01.references måste vara en lista, inte en text",
                "exempel: references: [{title: Upphandlingsmyndigheten",
            ),
        },
        id="wrong-type-list",
    ),
    pytest.param(
        HEAD + "requirements:\n  DO-01:\n    levle: must\n",
        "6:5",
        {
            "en": (
                "requirements.DO-01.levle: unknown field",
                "did you mean 'level'? example: level: must",
            ),
            "sv": (
                "requirements.DO-01.levle: okänt fält",
                "menade du 'level'? exempel: level: must",
            ),
        },
        id="unknown-field",
    ),
    pytest.param(
        "id: s\ntitel: T\n",
        "2:1",
        {
            "en": ("titel: unknown field", "did you mean 'title'? example: title: My municipality"),
            "sv": ("titel: okänt fält", "menade du 'title'? exempel: title: Min kommun"),
        },
        id="unknown-top-level-field",
    ),
    pytest.param(
        HEAD + "requirements:\n  DO-01:\n    level: skall\n",
        "6:5",
        {
            "en": (
                "requirements.DO-01.level: 'skall' is not one of must, should",
                "write must for 'skall'; example: level: must",
            ),
            "sv": (
                "requirements.DO-01.level: 'skall' är inte något av must, should",
                "skriv must för 'skall'; exempel: level: must",
            ),
        },
        id="wrong-level",
    ),
    pytest.param(
        HEAD + "requirements:\n  DO-01: mustt\n",
        "5:3",
        {
            "en": (
                "requirements.DO-01: 'mustt' is not one of must, should, off",
                "did you mean 'must'? example: DO-01: must",
            ),
            "sv": (
                "requirements.DO-01: 'mustt' är inte något av must, should, off",
                "menade du 'must'? exempel: DO-01: must",
            ),
        },
        id="wrong-bare-level",
    ),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize(("body", "where", "expected"), MESSAGES)
def test_validation_messages_name_the_field_and_show_an_example(
    tmp_path: Path, body: str, where: str, expected: dict[Lang, tuple[str, str]], lang: Lang
) -> None:
    path = write(tmp_path, "s.yaml", body)
    with use_lang(lang), pytest.raises(RequirementSetError) as info:
        load_requirement_set(str(path))
    message, example = expected[lang]
    assert message in info.value.message
    assert example in (info.value.hint or "")
    assert info.value.where == where
    for words in PYDANTIC_WORDS:
        assert words not in info.value.message + (info.value.hint or "")


def test_validation_message_on_the_command_line(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", HEAD + "requirements:\n  DO-01:\n    level: skall\n")
    result = cli("sets", "validate", path, "--lang", "sv")
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0].endswith(
        "s.yaml:6:5: requirements.DO-01.level: 'skall' är inte något av must, should"
    )
    assert lines[1] == "hint: skriv must för 'skall'; exempel: level: must"


@pytest.mark.parametrize(
    "body",
    [
        "id: [a]\ntitle: T\n",
        "id: s\ntitle: T\nversion: [1]\n",
        "id: s\ntitle: T\nlang: de\n",
        "id: s\ntitle: {sv: [a]}\n",
        "id: s\ntitle: {sv: a, de: b}\n",
        "id: s\ntitle: T\nextends: builtin:open-baseline\n",
        "id: s\ntitle:\n",
        HEAD + "requirements:\n  DO-01:\n    cues: {sv: [export]}\n",
        HEAD + "requirements:\n  DO-01:\n    verification: {checks: OA001}\n",
        HEAD + "requirements:\n  DO-01:\n    verification: {answer: {evidence: yes}}\n",
        HEAD + "requirements:\n  DO-01:\n    references: [{url: x}]\n",
        HEAD + "requirements:\n  DO-01:\n    principle: öppenhet\n",
        HEAD + "requirements:\n  DO-01: [must]\n",
        HEAD + "requirements: [DO-01]\n",
        "- id: s\n",
    ],
)
def test_no_message_is_in_pydantics_words(tmp_path: Path, body: str) -> None:
    path = write(tmp_path, "s.yaml", body)
    for lang in ("en", "sv"):
        with use_lang(lang), pytest.raises(RequirementSetError) as info:
            load_requirement_set(str(path))
        text = info.value.message + " " + (info.value.hint or "")
        assert not any(words in text for words in PYDANTIC_WORDS), text
        assert info.value.where, text


# --- sets init --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_sets_init_round_trip(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.chdir(tmp_path)
    created = cli("sets", "init", "--lang", lang)
    assert created.code == 0, created.err
    path = tmp_path / "min-kommun.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ") and f"lang: {lang}\n" in text
    assert 'extends: ["builtin:open-baseline"]' in text
    assert ('title: "Min kommun"' if lang == "sv" else 'title: "My municipality"') in text
    assert "proccheck sets validate min-kommun.yaml" in created.err
    validated = cli("sets", "validate", "min-kommun.yaml")
    assert validated.code == 0, validated.out + validated.err
    checked = cli("spec", "check", SPEC, "--set", "min-kommun.yaml")
    assert checked.code in (0, 1) and "error:" not in checked.err
    own = load_requirement_set("min-kommun.yaml")
    assert own.id == "min-kommun" and own.lang == lang and own.version == ""
    assert not list(tmp_path.glob(".*.tmp"))


def test_sets_init_example_requirements_work_when_uncommented(tmp_path: Path) -> None:
    path = init_set(tmp_path / "kommun.yaml", lang="sv")
    text = path.read_text(encoding="utf-8")
    uncommented = text.replace("# requirements:", "requirements:").replace("#   ", "  ")
    path.write_text(uncommented, encoding="utf-8")
    own = load_requirement_set(str(path))
    assert own.id == "kommun"
    assert own.get("OS-08") is None
    assert own.get("API-10") is not None and own.get("API-10").level == "must"  # type: ignore[union-attr]
    added = own.get("MK-01")
    assert added is not None and added.principle == "other" and added.title.en == "Loggar"


def test_sets_init_refuses_to_overwrite(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "min.yaml", "# mine\n")
    refused = cli("sets", "init", path)
    assert refused.code == 2
    assert "already exists" in refused.err and "--force" in refused.err
    assert path.read_text(encoding="utf-8") == "# mine\n"
    forced = cli("sets", "init", path, "--force", "--lang", "en")
    assert forced.code == 0
    assert "lang: en" in path.read_text(encoding="utf-8")


def test_sets_init_extends_paths_relative_to_the_new_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "base.yaml", THREE_LINES)
    (tmp_path / "sets").mkdir()
    created = cli("sets", "init", "sets/own.yaml", "--extends", "base.yaml")
    assert created.code == 0, created.err
    assert 'extends: ["../base.yaml"]' in (tmp_path / "sets" / "own.yaml").read_text()
    assert cli("sets", "validate", "sets/own.yaml").code == 0


def test_sets_init_refuses_an_unknown_set_and_a_non_yaml_name(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    result = cli("sets", "init", target, "--extends", "builtin:open-baselin")
    assert result.code == 2 and "did you mean builtin:open-baseline?" in result.err
    assert not target.exists()
    with pytest.raises(UsageError):
        init_set(tmp_path / "x.json")
