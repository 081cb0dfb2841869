"""Time `proccheck spec check` on a generated 50-page PDF tender (whole process).

Run: python bench/bench_spec_pdf.py [PAGES] [RUNS]
The PDF is written to bench/data/ (not committed) by tests/pdf_maker.py: Helvetica text with a
running header and a "Sida N av M" footer on every page, a chapter heading per page, numbered
requirements in Swedish and English drawn from the sample specification (some hyphenated over
a line end, some running over a page break) and background prose, about 45 lines a page.
"""

from __future__ import annotations

import statistics
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from bench_spec_docx import spec_check_times  # noqa: E402
from pdf_maker import make_pdf  # noqa: E402

SAMPLE = HERE.parent / "samples" / "spec" / "kravspecifikation-arendehantering.md"
PROSE = (
    "Förvaltningen hanterar i dag ärenden i flera system och vill samla informationen. "
    "Bakgrunden beskrivs i förstudien; den här texten innehåller inga krav utan beskriver "
    "verksamheten, dess volymer och de informationsflöden som finns mellan enheterna."
)
WIDTH = 92  # characters of 11 pt Helvetica on an A4 line with 2 cm margins
LINES = 45


def build(path: Path, pages: int) -> int:
    requirements = [
        line.split(". ", 1)[1]
        for line in SAMPLE.read_text(encoding="utf-8").splitlines()
        if line.startswith("K") and ". " in line
    ]
    body: list[str] = []
    count = 0
    for chapter in range(1, pages + 1):
        body.append(f"\f{chapter} Kapitel {chapter}")
        for index in range(8):
            if index % 2 == 0:
                text = requirements[(chapter + index) % len(requirements)]
                body += textwrap.wrap(f"K{chapter}.{index}. {text}", WIDTH)
                count += 1
            else:
                wrapped = textwrap.wrap(PROSE, WIDTH)
                if index == 3:  # a word hyphenated over the line end
                    wrapped[0] += " informations-"
                    wrapped[1] = "hanteringen " + wrapped[1]
                body += wrapped
            body.append("")
    page_lines = [body[i : i + LINES] for i in range(0, len(body), LINES)][:pages]
    while len(page_lines) < pages:
        page_lines.append(textwrap.wrap(PROSE, WIDTH))
    header = "Kommunen – Förfrågningsunderlag ärendehanteringssystem, dnr KS 2026/123"
    document = [
        [header, *lines, f"Sida {number} av {pages}"]
        for number, lines in enumerate(page_lines, start=1)
    ]
    path.write_bytes(make_pdf(document, compress=True))
    return count


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    out = HERE / "data"
    out.mkdir(exist_ok=True)
    path = out / f"spec-{pages}-pages.pdf"
    requirements = build(path, pages)
    times = spec_check_times(path, out, runs)
    print(
        f"{pages}-page PDF ({requirements} numbered requirements, {path.stat().st_size // 1024} kB): "
        f"spec check median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}, {runs} runs)"
    )


if __name__ == "__main__":
    main()
