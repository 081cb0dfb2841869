"""The CI integrations (issue 16): the pre-commit hooks run by the real `pre-commit`, the
GitHub Action's shell steps and the GitLab CI template's script, run here as CI would run them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GOOD = (
    "# Krav\nK1. Kommunen ska äga och ha kontroll över all data i systemet.\n"
    "K2. Systemet ska bygga på öppna standarder.\nK3. Systemet ska stödja öppna API:er.\n"
)
BAD = GOOD.replace(
    "K3. Systemet ska stödja öppna API:er.", "K3. Leverantören ska erbjuda utbildning."
)
CONFIG = "set: builtin:trollhattan-2023\nlang: sv\n"


def _environment(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", **extra}
    env.pop("PROCCHECK_CONFIG", None)
    return env


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_hook_fails_a_bad_change_and_passes_a_good_one(tmp_path: Path) -> None:
    if not (REPO / ".git").exists() or not (REPO / ".pre-commit-hooks.yaml").exists():
        pytest.skip("needs this repository's git checkout")
    if shutil.which("pre-commit", path=str(BIN)) is None:
        pytest.skip("needs pre-commit (the test extra)")
    project = tmp_path / "upphandling"
    project.mkdir()
    _git(project, "init", "-q")
    (project / ".proccheck.yaml").write_text(CONFIG, encoding="utf-8")
    spec = project / "kravspecifikation.md"
    env = _environment(PRE_COMMIT_HOME=str(tmp_path / "cache"))

    def hook() -> subprocess.CompletedProcess[str]:
        _git(project, "add", "-A")
        return subprocess.run(
            [
                str(BIN / "pre-commit"),
                "try-repo",
                str(REPO),
                "proccheck-spec",
                "--files",
                spec.name,
            ],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    spec.write_text(GOOD, encoding="utf-8")
    good = hook()
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"proccheck spec check\.+Passed", good.stdout), good.stdout
    spec.write_text(BAD, encoding="utf-8")
    bad = hook()
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "OPEN-APIS" in bad.stdout


def _action_steps() -> list[dict[str, object]]:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    return list(action["runs"]["steps"])


def _expression(text: str, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name.startswith("inputs."):
            return inputs[name.removeprefix("inputs.")]
        if name.startswith("steps.check.outputs."):
            return outputs[name.removeprefix("steps.check.outputs.")]
        raise AssertionError(f"unexpected expression {name}")

    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def _run_action(tmp_path: Path, files: str) -> tuple[int, dict[str, str], Path]:
    """Run the action's own shell steps (installing is skipped: the package is installed)."""
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs.update(files=files, set="builtin:trollhattan-2023")
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    summary.touch()
    output.touch()
    outputs: dict[str, str] = {}
    code = 0
    for step in _action_steps():
        if "run" not in step or step.get("id") == "install":
            continue
        env = {
            key: _expression(str(value), inputs, outputs)
            for key, value in dict(step.get("env", {})).items()  # type: ignore[call-overload]
        }
        done = subprocess.run(
            ["bash", "-e", "-c", str(step["run"])],
            cwd=tmp_path,
            env=_environment(
                GITHUB_STEP_SUMMARY=str(summary),
                GITHUB_OUTPUT=str(output),
                RUNNER_TEMP=str(tmp_path),
                **env,
            ),
            capture_output=True,
            text=True,
            timeout=300,
        )
        outputs.update(
            line.split("=", 1) for line in output.read_text().splitlines() if "=" in line
        )
        code = done.returncode
        if step.get("id") == "check":
            assert done.returncode == 0, done.stderr  # the step records, the last one fails
            annotations = done.stdout
    return code, {"annotations": annotations, **outputs}, summary


def test_action_steps_annotate_summarise_and_fail_only_at_the_end(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text(BAD + "\nK4. Leverantören ska ange pris::för support.\n")
    code, outputs, summary = _run_action(tmp_path, "bad.md")
    assert code == 1 and outputs["exit-code"] == "1"
    annotations = outputs["annotations"]
    assert annotations.startswith("::error file=bad.md")
    for line in annotations.splitlines():  # no vendor-controlled workflow command
        assert line.startswith(("::error ", "::warning ", "::notice ")) and line.count("::") == 2
    assert "saknas i kravspecifikationen" in summary.read_text(encoding="utf-8")
    sarif = json.loads((tmp_path / "proccheck.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["automationDetails"]["id"].startswith("proccheck/spec/")


def test_action_passes_a_good_specification(tmp_path: Path) -> None:
    (tmp_path / "krav").mkdir()
    (tmp_path / "krav" / "good.md").write_text(GOOD, encoding="utf-8")
    code, outputs, summary = _run_action(tmp_path, "krav")
    assert code == 0 and outputs["exit-code"] == "0" and outputs["annotations"] == ""
    assert "✅ **uppfyllt**" in summary.read_text(encoding="utf-8")


def test_gitlab_template_writes_the_reports_its_artifacts_name(tmp_path: Path) -> None:
    template = yaml.safe_load((REPO / "ci" / "proccheck.gitlab-ci.yml").read_text(encoding="utf-8"))
    job = template["proccheck"]
    variables = {
        **template["variables"],
        "PROCCHECK_FILES": "spec.md",
        "PROCCHECK_SET": "builtin:trollhattan-2023",
    }
    (tmp_path / "spec.md").write_text(BAD, encoding="utf-8")
    script = [line for line in job["script"] if not line.startswith("pip install")]
    done = subprocess.run(
        ["bash", "-c", "\n".join(script)],
        cwd=tmp_path,
        env=_environment(**variables),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr  # a must-requirement is not met: the job fails
    reports = job["artifacts"]["reports"]
    issues = json.loads((tmp_path / reports["codequality"]).read_text(encoding="utf-8"))
    schema = json.loads((REPO / "tests" / "data" / "gitlab-codeclimate.schema.json").read_text())
    for issue in issues:
        jsonschema.validate(issue, schema)
    assert any(issue["check_name"] == "SP001" for issue in issues)
    suite = ET.parse(tmp_path / reports["junit"]).getroot()
    assert suite.iter("testcase") and any(True for _ in suite.iter("failure"))
