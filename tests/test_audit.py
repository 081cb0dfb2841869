"""No surprise I/O: the commands that read local files open no sockets and read nothing outside
the input's folder, the package (and its built-in data), the Python installation and tmp.

Audit hooks cannot be removed once added, so each command runs in its own interpreter with a hook
that records `open`, `socket.*`, `subprocess.Popen` and `os.system` events and writes them, as
JSON, to a file descriptor opened before the hook was installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"

RECORDER = r"""
import json, os, sys
out = os.fdopen(int(sys.argv[1]), "w")
events = []
WATCH = ("open", "socket.", "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn",
         "urllib.Request", "http.client.connect")
def hook(event, args):
    if event.startswith(WATCH):
        try:
            detail = [a if isinstance(a, (str, int, float, type(None))) else repr(a) for a in args]
        except Exception:
            detail = ["?"]
        events.append([event, detail])
sys.addaudithook(hook)
from proccheck.cli import main
code = 0
try:
    main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else 0
finally:
    import proccheck, sysconfig, tempfile
    from proccheck.resources import builtin_sets
    roots = {os.path.dirname(proccheck.__file__), tempfile.gettempdir(), sys.prefix,
             sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
             *(os.path.dirname(str(p)) for p in builtin_sets().values()),
             *(v for k, v in sysconfig.get_paths().items())}
    json.dump({"code": code, "events": events, "roots": sorted(roots), "cwd": os.getcwd()}, out)
    out.close()
"""

COMMANDS = {
    "spec-check-md": ["spec", "check", "samples/spec/kravspecifikation-arendehantering.md"],
    "spec-check-yaml": ["spec", "check", "samples/spec/kravspecifikation-arendehantering.yaml"],
    "spec-check-csv": ["spec", "check", "samples/spec/kravmatris.csv"],
    "answers-check": [
        "answers",
        "check",
        "--spec",
        "samples/spec/kravspecifikation-arendehantering.yaml",
        "samples/answers/leverantor-a.yaml",
        "samples/answers/leverantor-b.csv",
    ],
    "sets-validate": ["sets", "validate", "samples/sets/ovanakers-kommun.yaml"],
}


def _record(argv: list[str], outputs: Path) -> dict[str, object]:
    read, write = os.pipe()
    formats = [arg for fmt in ("json", "sarif", "html") for arg in ("-f", f"{fmt}:{outputs / fmt}")]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PROCCHECK_", "HTTP", "HTTPS"))}
    env.update({"NO_COLOR": "1", "LANG": "en_US.UTF-8"})
    proc = subprocess.Popen(
        [sys.executable, "-c", RECORDER, str(write), *argv, *formats],
        cwd=REPO,
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(write)
    with os.fdopen(read) as stream:
        data = stream.read()
    _, err = proc.communicate(timeout=60)
    assert data, err.decode(errors="replace")
    return json.loads(data)  # type: ignore[no-any-return]


def _configuration_file(path: str) -> bool:
    """Like a linter, every command looks for its configuration from the working folder up."""
    from proccheck.config import FILE_NAMES

    return Path(path).name in FILE_NAMES


def _inside(path: str, roots: list[Path]) -> bool:
    resolved = Path(os.path.realpath(path))
    return any(resolved == root or root in resolved.parents for root in roots)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_no_sockets_and_no_files_outside(name: str, tmp_path: Path) -> None:
    argv = COMMANDS[name]
    record = _record(argv, tmp_path)
    assert record["code"] in (0, 1), record["code"]
    events: list[list[object]] = record["events"]  # type: ignore[assignment]
    network = [e for e in events if str(e[0]).startswith(("socket.", "urllib.", "http."))]
    assert network == [], network
    spawned = [
        e
        for e in events
        if str(e[0]).startswith(("subprocess.", "os.system", "os.exec", "os.posix_spawn"))
    ]
    assert spawned == [], spawned
    inputs = [REPO / a for a in argv if a.startswith("samples/")]
    roots = [Path(os.path.realpath(r)) for r in record["roots"]]  # type: ignore[union-attr]
    roots += [Path(os.path.realpath(p.parent)) for p in inputs]
    roots += [Path(os.path.realpath(tempfile.gettempdir())), Path(os.path.realpath(tmp_path))]
    opened = [
        str(e[1][0])
        for e in events
        if e[0] == "open" and isinstance(e[1], list) and e[1] and isinstance(e[1][0], str)
    ]
    outside = sorted(
        {
            p
            for p in opened
            if not _inside(os.path.join(REPO, p), roots) and not _configuration_file(p)
        }
    )
    assert outside == [], outside
    # the inputs themselves were read (the hook sees what the command does)
    for path in inputs:
        assert any(os.path.realpath(os.path.join(REPO, p)) == str(path) for p in opened), path


def test_extends_stays_in_the_set_folder(tmp_path: Path) -> None:
    argv = ["sets", "validate", "tests/adversarial/set-extends-etc-passwd.yaml"]
    record = _record(argv, tmp_path)
    opened = [str(e[1][0]) for e in record["events"] if e[0] == "open" and isinstance(e[1][0], str)]  # type: ignore[union-attr,index]
    assert "/etc/passwd" not in opened
