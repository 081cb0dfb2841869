"""The configuration file: where it is found, what it may say, and which value wins (issue 16)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLES, CliResult

from proccheck.config import configuration, find_config, read_config
from proccheck.errors import InputError

Cli = Callable[..., CliResult]
SPEC_MD = SAMPLES / "spec" / "kravspecifikation-arendehantering.md"


def test_nearest_folder_wins_and_its_yaml_before_its_toml(tmp_path: Path) -> None:
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (tmp_path / ".proccheck.yaml").write_text("lang: en\n")
    (tmp_path / "a" / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no table
    assert find_config(inner) == tmp_path / ".proccheck.yaml"
    (tmp_path / "a" / "proccheck.toml").write_text("lang = 'sv'\n")
    (tmp_path / "a" / ".proccheck.yml").write_text("lang: en\n")
    assert find_config(inner) == tmp_path / "a" / ".proccheck.yml"


def test_yaml_values_remember_their_lines(tmp_path: Path) -> None:
    path = tmp_path / ".proccheck.yaml"
    path.write_text(
        "# tender checks\nset: krav/min-kommun.yaml\nfail-on: should\nformat: [text, sarif:out.sarif]\n"
    )
    settings = read_config(path).settings
    assert settings["set"].value == str(tmp_path / "krav" / "min-kommun.yaml")
    assert settings["set"].source.endswith(".proccheck.yaml:2")
    assert settings["fail-on"].value == "should"
    assert settings["format"].value == ("text", f"sarif:{tmp_path.resolve() / 'out.sarif'}")


@pytest.mark.parametrize("target", ["/tmp/victim.txt", "../utanfor.md", "sub/../../ut.md"])
def test_a_configured_report_path_stays_in_the_configurations_folder(
    tmp_path: Path, target: str
) -> None:
    """A configuration found above the working folder may have come with a vendor's files: it
    cannot have a report written over a file elsewhere."""
    path = tmp_path / ".proccheck.yaml"
    path.write_text(f"quiet: true\nformat: [text, 'markdown:{target}']\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_config(path)
    assert "leads out of its folder" in raised.value.message
    assert raised.value.where == "2"


def test_pyproject_table_is_read_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[project]\nlang = "x"\n\n[tool.proccheck]\nset = "builtin:trollhattan-2023"\nlang = "sv"\n'
    )
    settings = read_config(path).settings
    assert settings["set"].value == "builtin:trollhattan-2023"
    assert settings["lang"].source.endswith("pyproject.toml:6")


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        (".proccheck.yaml", "lang: sv\nfail_level: must\n", "2"),
        (".proccheck.yaml", "fail-on: sometimes\n", "1"),
        ("proccheck.toml", "strict = 'yes please'\n", "1"),
    ],
)
def test_a_wrong_key_or_value_names_the_line(
    tmp_path: Path, name: str, text: str, where: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(InputError) as raised:
        read_config(path)
    assert raised.value.where == where
    assert "config.schema.json" in (raised.value.hint or "")


def test_broken_toml_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "proccheck.toml"
    path.write_text("lang = \n")
    with pytest.raises(InputError, match="TOML"):
        read_config(path)


def test_isolated_and_named_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".proccheck.yaml").write_text("lang: sv\n")
    assert configuration(tmp_path, isolated=True).settings == {}
    other = tmp_path / "other.yaml"
    other.write_text("lang: en\n")
    monkeypatch.setenv("PROCCHECK_CONFIG", str(other))
    assert configuration(tmp_path).settings["lang"].value == "en"
    monkeypatch.setenv("PROCCHECK_CONFIG", str(tmp_path / "missing.yaml"))
    with pytest.raises(InputError, match="not found"):
        configuration(tmp_path)


def _report_of(result: CliResult) -> dict:  # type: ignore[type-arg]
    data = json.loads(result.out)
    return data["reports"][0]  # type: ignore[no-any-return]


def test_the_file_sets_defaults_and_the_command_line_wins(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".proccheck.yaml").write_text(
        "set: builtin:trollhattan-2023\nlang: sv\nformat: [json]\nfail-on: never\n"
    )
    configured = cli("spec", "check", SPEC_MD)
    assert configured.code == 0  # fail-on: never
    report = _report_of(configured)
    assert report["requirement_set"]["id"] == "trollhattan-2023"
    assert report["lang"] == "sv"
    given = cli("spec", "check", SPEC_MD, "--set", "builtin:open-baseline", "--fail-on", "must")
    assert given.code == 1
    assert _report_of(given)["requirement_set"]["id"] == "open-baseline"
    isolated = cli("--isolated", "spec", "check", SPEC_MD, "-f", "json")
    assert _report_of(isolated)["requirement_set"]["id"] == "open-baseline"


def test_config_command_shows_values_and_their_lines(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "proccheck.toml").write_text('lang = "sv"\nstrict = true\n')
    shown = cli("config", "-f", "json")
    data = json.loads(shown.out)
    assert data["file"].endswith("proccheck.toml")
    assert data["settings"]["strict"] == {"value": "true", "source": "proccheck.toml:2"}
    assert data["settings"]["fail-on"]["source"] == "default"
    text = cli("config")
    assert "proccheck.toml:1" in text.out


def test_a_broken_configuration_is_exit_2_with_its_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".proccheck.yaml").write_text("lang: sv\nfail-on: sometimes\n")
    result = cli("spec", "check", SPEC_MD)
    assert result.code == 2
    assert ".proccheck.yaml:2" in result.err and "Traceback" not in result.err
