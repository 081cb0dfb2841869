"""Time `proccheck spec check` on a generated specification of N numbered requirements.

Run: python bench/bench_spec_requirements.py [N] [RUNS]   (default 2,000 requirements, 5 runs)
The requirements are the numbered requirement lines of the sample specification and of the
spec corpora (Swedish and English), repeated with new ids; the file is written to bench/data/
(not committed). Printed: the whole process (`proccheck spec check -f json`) and, in-process,
the time to load the document and to build its report, each the median of RUNS.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

from bench_spec_docx import spec_check_times

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SOURCES = [ROOT / "samples" / "spec", ROOT / "tests" / "corpus" / "spec"]
NUMBERED = re.compile(r"^\s*(?:\*\*)?[A-ZÅÄÖ]{0,4}\d+(?:\.\d+)*[.)]?(?:\*\*)?\s+(.{30,})$")


def requirement_lines() -> list[str]:
    """Every numbered line of the sources that reads as a requirement."""
    from proccheck.loaders.spec import worded_level

    found = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.md")) + sorted(folder.glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                match = NUMBERED.match(line)
                if match and worded_level(match.group(1)):
                    found.append(match.group(1).strip())
    return found


def build(path: Path, count: int) -> None:
    lines = requirement_lines()
    out = ["# Kravspecifikation (genererad)", ""]
    for index in range(count):
        if index % 40 == 0:
            out += [f"## Avsnitt {index // 40 + 1}", ""]
        out += [f"K{index + 1}. {lines[index % len(lines)]}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    out = HERE / "data"
    out.mkdir(exist_ok=True)
    path = out / f"spec-{count}-requirements.md"
    build(path, count)

    from proccheck.api import spec_document_report
    from proccheck.loaders.spec import load_spec
    from proccheck.requirements import load_requirement_set

    requirement_set = load_requirement_set("builtin:open-baseline")
    load_times, report_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        document = load_spec(path, path.name)
        load_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        spec_document_report(document, requirement_set, "sv")
        report_times.append(time.perf_counter() - start)
    process = spec_check_times(path, out, runs)
    print(
        f"{count} requirements ({len(document.requirements)} read as requirements): "
        f"whole process median {statistics.median(process):.2f} s; in-process: load "
        f"{statistics.median(load_times):.2f} s, report {statistics.median(report_times):.2f} s "
        f"({runs} runs)"
    )


if __name__ == "__main__":
    main()
