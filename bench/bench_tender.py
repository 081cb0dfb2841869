"""Time `proccheck tender check` on a generated tender of 20 vendors × 200 requirements
(issue 14's target), whole process, writing the evaluation record in HTML, XLSX and DOCX.

Run: python bench/bench_tender.py [VENDORS] [REQUIREMENTS] [RUNS]
The tender folder is made in bench/data/tender/ (not committed) from the same generated
specification and vendor matrices as bench_compare.py: XLSX and CSV answers, Swedish, with
reservations, Delvis, Nej and blanks, so the record has findings awaiting decisions.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml
from bench_compare import build
from installed import compile_package

HERE = Path(__file__).resolve().parent


def tender(folder: Path, vendors: int, requirements: int) -> Path:
    """A tender folder: upphandling.yaml, the specification in krav/, one bid folder each."""
    if folder.exists():
        shutil.rmtree(folder)
    generated = build(folder / "generated", vendors, requirements)
    (folder / "krav").mkdir()
    shutil.move(folder / "generated" / "spec.yaml", folder / "krav" / "kravspecifikation.yaml")
    listed = []
    for number, path in enumerate(generated):
        bid = folder / "anbud" / f"leverantor-{number:02}"
        bid.mkdir(parents=True)
        shutil.move(path, bid / f"anbudssvar{path.suffix}")
        listed.append({"folder": bid.name, "name": f"Leverantör {number:02} AB"})
    shutil.rmtree(folder / "generated")
    description = {
        "version": 1,
        "name": "Benchmark",
        "diarienummer": "BENCH 1",
        "buyer": "Benchmark kommun",
        "set": "builtin:open-baseline",
        "specification": "krav/kravspecifikation.yaml",
        "vendors": listed,
    }
    (folder / "upphandling.yaml").write_text(
        yaml.safe_dump(description, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return folder


def main() -> None:
    vendors = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    requirements = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    compile_package()
    folder = tender(HERE / "data" / "tender", vendors, requirements)
    exe = Path(sys.executable).with_name("proccheck")
    command = [str(exe), "tender", "check", str(folder), "--lang", "sv", "--date", "2026-12-02"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False, text=True)
        times.append(time.perf_counter() - start)
        assert done.returncode in (0, 1), done.stderr
    written = sorted(p.name for p in folder.glob("utvarderingsprotokoll.*"))
    print(
        f"tender check, {vendors} vendors × {requirements} requirements ({', '.join(written)}): "
        f"median {statistics.median(times):.2f} s (min {min(times):.2f}, {runs} runs)"
    )


if __name__ == "__main__":
    main()
