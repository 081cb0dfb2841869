"""Whole-process timings of an earlier proccheck beside this one, interleaved in one run.

Usage: python bench/before_after.py BASE_PROCCHECK [RUNS]

BASE_PROCCHECK is the `proccheck` executable of the earlier version, e.g. made with
    git worktree add /tmp/base REV && python3 -m venv /tmp/base/.venv \\
        && /tmp/base/.venv/bin/pip install -q '/tmp/base[docx]'
This checkout's `proccheck` is the one beside the running Python. The inputs are the generated
ones of bench_spec_docx.py, bench_spec_requirements.py and bench_compare.py and GitHub's
description (bench_probe.py);
they are made here when missing. Each command runs RUNS times (default 5) for each version,
alternating which goes first, and the medians are printed as a Markdown table.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_compare  # noqa: E402
import bench_probe  # noqa: E402
import bench_spec_docx  # noqa: E402
import bench_spec_requirements  # noqa: E402

DATA = HERE / "data"
REAL = HERE.parent.parent / "shared" / "data" / "openapi-real" / "sundsvall-case-data.yaml"


def inputs() -> list[tuple[str, list[str]]]:
    DATA.mkdir(exist_ok=True)
    docx = DATA / "spec-200-pages.docx"
    if not docx.exists():
        bench_spec_docx.build(docx, 200)
    folder = DATA / "compare"
    vendors = sorted(str(p) for p in folder.glob("leverantor-*"))
    if len(vendors) != 20:
        vendors = [str(p) for p in bench_compare.build(folder, 20, 500)]
    numbered = DATA / "spec-2000-requirements.md"
    if not numbered.exists():
        bench_spec_requirements.build(numbered, 2000)
    github = bench_probe.github_description()
    compare = [*vendors, "--spec", str(folder / "spec.yaml"), "-o", str(DATA / "cmp.xlsx")]
    return [
        ("proccheck --help", ["--help"]),
        ("sets list", ["sets", "list"]),
        ("checks list", ["checks", "list"]),
        ("spec check, 200-page DOCX, -f json", ["spec", "check", str(docx), "-f", "json"]),
        (
            "spec check, 2,000 numbered requirements (Markdown), -f json",
            ["spec", "check", str(numbered), "-f", "json"],
        ),
        ("answers compare, 20 vendors × 500 requirements, XLSX", ["answers", "compare", *compare]),
        ("probe GitHub's description (13 MB), -f json", ["probe", str(github), "-f", "json"]),
        ("probe sundsvall-case-data (200 kB), -f json", ["probe", str(REAL), "-f", "json"]),
    ]


def main() -> None:
    base = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    this = str(Path(sys.executable).with_name("proccheck"))
    cases = inputs()
    times: dict[tuple[str, str], list[float]] = {}
    for round_number in range(runs):
        order = (base, this) if round_number % 2 == 0 else (this, base)
        for name, args in cases:
            for exe in order:
                start = time.perf_counter()
                subprocess.run(
                    [exe, *args],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    env={**os.environ, "NO_COLOR": "1"},
                    check=False,
                )
                times.setdefault((name, exe), []).append(time.perf_counter() - start)
    print(f"median of {runs} whole-process runs each, interleaved; load {os.getloadavg()[0]:.2f}")
    print("\n| command | before (s) | after (s) |\n|---|---:|---:|")
    for name, _ in cases:
        before = statistics.median(times[(name, base)])
        after = statistics.median(times[(name, this)])
        print(f"| {name} | {before:.2f} | {after:.2f} |")


if __name__ == "__main__":
    main()
