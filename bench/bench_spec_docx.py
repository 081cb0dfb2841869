"""Time `proccheck spec check` on a generated 200-page DOCX specification (whole process).

Run: python bench/bench_spec_docx.py [PAGES]
The document is written to bench/data/ (not committed): numbered requirements in Swedish and
English drawn from the sample specification, background prose, and a requirement table per
chapter, about 30 paragraphs a page.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import docx
from installed import compile_package

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "samples" / "spec" / "kravspecifikation-arendehantering.md"
PROSE = (
    "Förvaltningen hanterar i dag ärenden i flera system och vill samla informationen. "
    "Bakgrunden beskrivs i förstudien; den här texten innehåller inga krav utan beskriver "
    "verksamheten, dess volymer och de informationsflöden som finns mellan enheterna."
)


def build(path: Path, pages: int) -> int:
    requirements = [
        line.split(". ", 1)[1]
        for line in SAMPLE.read_text(encoding="utf-8").splitlines()
        if line.startswith("K") and ". " in line
    ]
    document = docx.Document()
    paragraphs = 0
    for chapter in range(1, pages + 1):
        document.add_heading(f"{chapter} Kapitel {chapter}", level=1)
        for index in range(24):
            if index % 3 == 0:
                text = requirements[(chapter + index) % len(requirements)]
                document.add_paragraph(f"K{chapter}.{index}. {text}")
            else:
                document.add_paragraph(PROSE)
            paragraphs += 1
        table = document.add_table(rows=4, cols=3)
        table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "ID", "Krav", "Typ"
        for row in range(1, 4):
            table.cell(row, 0).text = f"T{chapter}.{row}"
            table.cell(row, 1).text = requirements[(chapter * 3 + row) % len(requirements)]
            table.cell(row, 2).text = "Skall"
    document.save(str(path))
    return paragraphs


def spec_check_times(path: Path, out: Path, runs: int) -> list[float]:
    """Wall-clock seconds of `proccheck spec check` on `path`, one per run, whole process."""
    exe = Path(sys.executable).with_name("proccheck")
    compile_package()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [str(exe), "spec", "check", str(path), "-f", f"json:{out / 'r.json'}"],
            capture_output=True,
            check=False,
        )
        times.append(time.perf_counter() - start)
        assert done.returncode in (0, 1), done.stderr
    return times


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    out = HERE / "data"
    out.mkdir(exist_ok=True)
    path = out / f"spec-{pages}-pages.docx"
    paragraphs = build(path, pages)
    times = spec_check_times(path, out, 5)
    from proccheck.loaders.spec import load_spec

    characters = sum(len(item.text) for item in load_spec(path, path.name).items)
    print(
        f"{pages} pages ({paragraphs} paragraphs, {pages * 3} table rows, "
        f"{path.stat().st_size // 1024} kB, {characters:,} characters of text as read): spec "
        f"check median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}, 5 runs)"
    )


if __name__ == "__main__":
    main()
