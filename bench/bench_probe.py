"""Time `proccheck probe` on a big description against the floor: json.load plus one walk.

Usage: python bench/bench_probe.py [--runs N] [FILE]
Without FILE, fetches GitHub's REST API description from the npm package @octokit/openapi with
`npm pack` into bench/data/ (not committed). Each measurement is a fresh process, so start-up,
imports and writing the JSON report are included, as a user would see them.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
MEMBER = "package/generated/api.github.com.json"

FLOOR = r"""
import json, resource, sys
with open(sys.argv[1], "rb") as handle:
    data = json.load(handle)
stack = [data]
count = 0
while stack:
    node = stack.pop()
    count += 1
    if isinstance(node, dict):
        stack.extend(node.values())
    elif isinstance(node, list):
        stack.extend(node)
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

PROBE = r"""
import resource, sys
from proccheck.model import RunResult
from proccheck.probe import probe_source
from proccheck.report import get_renderer
from proccheck.requirements import load_requirement_set

report = probe_source(sys.argv[1], load_requirement_set("builtin:open-baseline"), "en")
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(get_renderer("json")(RunResult(reports=(report,))))
print(report.score, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def github_description() -> Path:
    target = DATA / "api.github.com.json"
    if target.exists():
        return target
    DATA.mkdir(parents=True, exist_ok=True)
    packs = sorted(DATA.glob("octokit-openapi-*.tgz"))
    if not packs:
        subprocess.run(["npm", "pack", "@octokit/openapi"], cwd=DATA, check=True)
        packs = sorted(DATA.glob("octokit-openapi-*.tgz"))
    with tarfile.open(packs[-1]) as archive:
        source = archive.extractfile(MEMBER)
        assert source is not None
        target.write_bytes(source.read())
    return target


def run(code: str, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - started, done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    path = Path(options.file) if options.file else github_description()
    out = DATA / "probe-report.json"
    cases = (
        ("floor (json.load + walk)", FLOOR, [str(path)]),
        ("proccheck probe (JSON report)", PROBE, [str(path), str(out)]),
    )
    times: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    last: dict[str, str] = {}
    for _ in range(options.runs):  # interleaved, so load from elsewhere hits both alike
        for name, code, args in cases:
            elapsed, last[name] = run(code, *args)
            times[name].append(elapsed)
    rows = [
        (name, statistics.median(times[name]), int(last[name].split()[-1]) / 1024,
         last[name].split()[0])
        for name, _, _ in cases
    ]  # fmt: skip
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, median of {options.runs} runs")
    for name, seconds, peak, extra in rows:
        print(f"  {name:32} {seconds:6.2f} s  {peak:6.0f} MiB  ({extra})")
    print(f"  ratio probe/floor: {rows[1][1] / rows[0][1]:.2f}x")


if __name__ == "__main__":
    main()
