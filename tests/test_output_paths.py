"""Writing outputs (issue 12): through symlinks, directly to devices and named pipes, never over
a folder, and keeping an existing file's permissions."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLES, CliResult

from proccheck.errors import UsageError
from proccheck.resources import write_atomic

SAMPLE_SET = SAMPLES / "sets" / "ovanakers-kommun.yaml"

Cli = Callable[..., CliResult]

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def test_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    write_atomic(link, "new")
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_text() == "new"
    assert not list(tmp_path.glob(".*.tmp"))


def test_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to("made.json")
    write_atomic(link, "made")
    assert link.is_symlink() and (tmp_path / "made.json").read_text() == "made"


@posix_only
def test_existing_mode_is_kept(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("old")
    report.chmod(0o600)
    write_atomic(report, "new")
    assert stat.S_IMODE(report.stat().st_mode) == 0o600 and report.read_text() == "new"
    report.chmod(0o640)
    write_atomic(report, "newer")
    assert stat.S_IMODE(report.stat().st_mode) == 0o640


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        write_atomic(tmp_path, "x")
    assert raised.value.path == str(tmp_path) and raised.value.hint


@posix_only
def test_fifo_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=5)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert not list(tmp_path.glob(".*.tmp"))


@posix_only
def test_dev_null_stays_a_device(tmp_path: Path) -> None:
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null")
    write_atomic(Path("/dev/null"), "nothing")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    link = tmp_path / "null-link"
    link.symlink_to("/dev/null")
    write_atomic(link, "nothing")
    assert link.is_symlink() and stat.S_ISCHR(os.stat(link).st_mode)


def test_cli_folder_as_target_exits_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("sets", "validate", str(SAMPLE_SET), "-f", f"json:{tmp_path}")
    assert result.code == 2, result.err
    assert "is a folder" in result.err and "Traceback" not in result.err
    assert not list(tmp_path.iterdir())


@posix_only
def test_cli_writes_to_dev_stdout() -> None:
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout")
    command = [sys.executable, "-m", "proccheck", "sets", "validate", str(SAMPLE_SET)]
    done = subprocess.run(
        [*command, "-f", "json:/dev/stdout", "-q"],
        capture_output=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["reports"][0]["kind"] == "set"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
