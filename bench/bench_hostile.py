"""Time proccheck on the huge inputs of the fourth hostile-input round, each in a fresh process.

Run: python bench/bench_hostile.py [--base PATH]
The inputs are written to bench/data/hostile/ (not committed): Markdown of millions of short
lines (three kinds of line break), workbooks of 10,000 sheets and Word documents of hundreds of
thousands of paragraphs, built with the builders of tests/test_office_round4.py. Printed per
input: exit code, wall time, CPU time and peak RSS (from wait4). With --base, the same inputs
are also run with the proccheck of another checkout first on PYTHONPATH (a before/after).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "hostile"
SPEC = HERE.parent / "samples" / "spec" / "kravspecifikation-arendehantering.md"


def build() -> None:
    """Write every input once (in a process of its own: a child's peak RSS counts the memory
    of the parent it was forked from, so the timing process must stay small)."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from test_office_round4 import docx, para, sheet, xlsx

    DATA.mkdir(parents=True, exist_ok=True)
    texts = {
        "lines-lf.md": "x\n" * 3_000_000,
        "lines-cr.md": "a\r" * 3_000_000,
        "lines-ska.md": "Ska\n" * 2_000_000,
    }
    for name, text in texts.items():
        if not (DATA / name).exists():
            (DATA / name).write_text(text, encoding="utf-8", newline="")
    rows = sheet([["Krav-ID", "Svar"], *([["K1", "Ja"]] * 60)])
    if not (DATA / "sheets-one-part.xlsx").exists():
        xlsx(DATA / "sheets-one-part.xlsx", [rows], [0] * 10_000)
    if not (DATA / "sheets-own-parts.xlsx").exists():
        xlsx(DATA / "sheets-own-parts.xlsx", [sheet([["Krav-ID", "Svar"]])] * 10_000)
    if not (DATA / "paragraphs.docx").exists():
        docx(DATA / "paragraphs.docx", para("x") * 200_000)
    if not (DATA / "empty-paragraphs.docx").exists():
        docx(DATA / "empty-paragraphs.docx", "<w:p/>" * 5_000_000)


def inputs() -> list[tuple[str, list[str]]]:
    """(what, proccheck arguments) of every case."""
    spec = ["spec", "check", "-q", "-f", "json", "-o", os.devnull]
    answers = ["answers", "check", "--spec", str(SPEC), "-q", "-f", "json", "-o", os.devnull]
    return [
        ("Markdown, 3 M one-letter lines (\\n)", [*spec, str(DATA / "lines-lf.md")]),
        ("Markdown, 3 M lines ended by \\r", [*spec, str(DATA / "lines-cr.md")]),
        ("Markdown, 2 M lines 'Ska'", [*spec, str(DATA / "lines-ska.md")]),
        ("XLSX, 10,000 sheets on one part", [*answers, str(DATA / "sheets-one-part.xlsx")]),
        ("XLSX, 10,000 sheets on own parts", [*answers, str(DATA / "sheets-own-parts.xlsx")]),
        ("DOCX, 200,000 paragraphs", [*spec, str(DATA / "paragraphs.docx")]),
        ("DOCX, 5 M empty paragraphs", [*spec, str(DATA / "empty-paragraphs.docx")]),
    ]


def run(args: list[str], base: str | None) -> tuple[int, float, float, float]:
    """Exit code, wall seconds, CPU seconds and peak RSS in MiB of one proccheck process."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if base:
        env["PYTHONPATH"] = base
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "proccheck", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=base or None,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return (
        os.waitstatus_to_exitcode(status),
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", help="a checkout to run first, as the 'before'")
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.build:
        build()
        return
    subprocess.run([sys.executable, __file__, "--build"], check=True)
    print("| input | code | exit | wall (s) | CPU (s) | peak RSS (MiB) |")
    print("|---|---|---:|---:|---:|---:|")
    for what, args in inputs():
        for label, base in [("base", options.base)] * bool(options.base) + [("this", None)]:
            code, wall, cpu, rss = run(args, base)
            print(f"| {what} | {label} | {code} | {wall:.2f} | {cpu:.2f} | {rss:.0f} |")


if __name__ == "__main__":
    main()
