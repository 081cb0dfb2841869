"""The probe imports only what it uses (issue 12): no spec or answers loaders, no table readers,
no text matching; and each kind of run still finds every check of its kind."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from proccheck.checks import _MODULES_OF_KIND, all_checks

DESCRIPTION = Path(__file__).resolve().parents[1] / "samples" / "answers" / "bilagor"
NOT_ON_THE_PROBE_PATH = (
    "proccheck.loaders.spec",
    "proccheck.loaders.answers",
    "proccheck.loaders.tables",
    "proccheck.loaders.lexicon",
    "proccheck.checks.spec_checks",
    "proccheck.checks.answer_checks",
    "proccheck.checks.set_lint",
    "openpyxl",
    "python_calamine",
    "rapidfuzz",
)


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("kind", sorted(_MODULES_OF_KIND))
def test_each_kind_finds_its_checks_in_a_fresh_process(kind: str) -> None:
    """`checks_of` imports only its kind's modules: they must register every check of it."""
    alone = _python(
        "import json; from proccheck.checks import checks_of; "
        f"print(json.dumps(sorted(checks_of({kind!r}))))"
    )
    expected = sorted(code for code, check in all_checks().items() if check.kind == kind)
    assert json.loads(alone) == expected


def test_probe_imports_neither_spec_nor_answers_code(tmp_path: Path) -> None:
    description = next(DESCRIPTION.glob("*.yaml"))
    out = tmp_path / "probe.json"
    loaded = _python(
        "import json, sys\n"
        "from proccheck.cli import main\n"
        f"sys.argv = ['proccheck', 'probe', {str(description)!r}, '-f', 'json:' + {str(out)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(json.dumps([m for m in {list(NOT_ON_THE_PROBE_PATH)!r} if m in sys.modules]))\n"
    )
    assert json.loads(out.read_text(encoding="utf-8"))["reports"][0]["kind"] == "probe"
    assert json.loads(loaded.splitlines()[-1]) == []
