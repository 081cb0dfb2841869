"""`answers check --probe` within one budget per run (issue 12): at most MAX_PROBE_URLS evidence
URLs and MAX_PROBE_BYTES bytes, all vendor files together, and only bodies that are API
descriptions go into the cache (40 URLs of 10 MB each wrote 401 MB into it).

Evidence URLs are the vendor's, so the fetch guard refuses the test server on 127.0.0.1; these
tests let exactly that address through (nothing else is ever connected to).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import QuietHandler, Serve

from proccheck import limits
from proccheck.api import answers_run
from proccheck.loaders.fetch import AddressPolicy
from proccheck.model import RunResult
from proccheck.requirements import load_requirement_set

SPEC = json.dumps(
    {"openapi": "3.0.3", "info": {"title": "T", "version": "1.0.0"}, "paths": {}}
).encode()
NOT_AN_API = json.dumps({"filler": "x" * 300_000}).encode()


class Handler(QuietHandler):
    served: list[tuple[str, int]] = []  # noqa: RUF012 - (path, bytes) of every reply

    def do_GET(self) -> None:
        body = SPEC if self.path.startswith("/spec") else NOT_AN_API
        Handler.served.append((self.path, len(body)))
        try:
            self.reply(200, body, {"Content-Type": "application/json"})
        except OSError:  # the client stopped reading at its budget
            return


@pytest.fixture
def server(
    serve: Serve, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> str:  # fmt: skip
    Handler.served = []
    real = AddressPolicy.allows
    monkeypatch.setattr(
        AddressPolicy, "allows", lambda self, address: address == "127.0.0.1" or real(self, address)
    )
    monkeypatch.setenv("PROCCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return serve(Handler)


def _bids(tmp_path: Path, server: str, *lists: list[str]) -> list[Path]:
    files = []
    for number, paths in enumerate(lists):
        evidence = ", ".join(f"{server}{p}" for p in paths)
        bid = tmp_path / f"vendor{number}.yaml"
        bid.write_text(
            f"vendor: V{number}\nanswers:\n  - {{requirement: API-10, answer: Ja, "
            f"evidence: [{evidence}]}}\n",
            encoding="utf-8",
        )
        files.append(bid)
    return files


def _run(files: list[Path]) -> RunResult:
    chosen = load_requirement_set("builtin:open-baseline")
    return answers_run(files, chosen, "en", probe=True)


def _text(run: RunResult) -> str:
    return json.dumps([report.model_dump(mode="json") for report in run.reports])


def test_url_budget_holds_for_the_whole_run(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_PROBE_URLS", 3)
    files = _bids(tmp_path, server, ["/spec1", "/spec2"], ["/spec3", "/spec4"])
    run = _run(files)
    assert [path for path, _ in Handler.served] == ["/spec1", "/spec2", "/spec3"]
    assert "this run already fetched 3 evidence URLs" in _text(run)


def test_byte_budget_and_only_descriptions_cached(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_PROBE_BYTES", 500_000)
    files = _bids(tmp_path, server, ["/spec1", "/big1", "/big2", "/big3", "/spec2"])
    run = _run(files)
    # spec1 and big1 in full; big2 cut at the 500 kB left of the budget; then nothing
    assert [path for path, _ in Handler.served] == ["/spec1", "/big1", "/big2"]
    text = _text(run)
    assert "reached 500,000 bytes together" in text
    cached = sorted((tmp_path / "cache").glob("*.body"))
    assert [p.read_bytes() for p in cached] == [SPEC]  # not the 300 kB that is no API


def test_files_in_the_bid_folder_count_against_the_same_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A vendor named 40 hard links to one 3 MB description in its folder: 31 s. One file is
    probed once, whatever its names, and files count like URLs."""
    monkeypatch.setattr(limits, "MAX_PROBE_URLS", 2)
    (tmp_path / "api0.json").write_bytes(SPEC)
    for number in range(1, 4):
        (tmp_path / f"link{number}.json").hardlink_to(tmp_path / "api0.json")
    for number in range(1, 4):
        (tmp_path / f"api{number}.json").write_bytes(SPEC)
    names = [f"link{n}.json" for n in range(1, 4)] + [f"api{n}.json" for n in range(4)]
    bid = tmp_path / "svar.yaml"
    bid.write_text(
        "vendor: V\nanswers:\n  - {requirement: API-10, answer: Ja, "
        f"evidence: [{', '.join(names)}]}}\n",
        encoding="utf-8",
    )
    from proccheck.api import api_descriptions
    from proccheck.loaders.answers import load_answers

    found = api_descriptions(load_answers(bid, "svar.yaml"), tmp_path)
    assert [Path(f).name for f in found] == ["link1.json", "api1.json", "api2.json", "api3.json"]
    text = _text(_run([bid]))
    assert "description files would be more than 2 files or" in text
    other = tmp_path / "andra"  # another vendor's files have a budget of their own
    other.mkdir()
    (other / "api.json").write_bytes(SPEC)
    second = other / "svar.yaml"
    second.write_text(
        "vendor: W\nanswers:\n  - {requirement: API-10, answer: Ja, evidence: [api.json]}\n",
        encoding="utf-8",
    )
    both = _run([bid, second])
    assert "would be more than" not in json.dumps(both.reports[1].model_dump(mode="json"))
