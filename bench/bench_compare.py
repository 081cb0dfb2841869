"""Time `proccheck answers compare` for 20 vendors × 500 requirements (whole process).

Run: python bench/bench_compare.py [VENDORS] [REQUIREMENTS]
Writes a generated specification and vendor matrices (XLSX and CSV, Swedish, with ids, some
reservations, Delvis, Nej and blanks) to bench/data/compare/ (not committed).
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import yaml

HERE = Path(__file__).resolve().parent
TEXTS = [
    "Leverantören ska möjliggöra export av all data när som helst under avtalstiden.",
    "Systemet ska stödja inloggning med OpenID Connect eller SAML 2.0.",
    "API:erna ska returnera felsvar enligt RFC 9457.",
    "Leverantören ska återlämna all data inom 30 dagar efter avtalets upphörande.",
    "Systemet ska kunna exportera dokument som PDF/A.",
]
ANSWERS = [
    ("Ja", ""),
    ("Ja", ""),
    ("Ja", ""),
    ("JA", ""),
    ("Ja", "Utan extra kostnad."),
    ("Ja", "Export sker mot en avgift."),
    ("Delvis", "Gäller inte bilagor."),
    ("Nej", ""),
    ("", ""),
    ("Ja, i kommande version", ""),
]


def build(folder: Path, vendors: int, requirements: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    spec = {
        "procurement": {"title": "Benchmark", "reference": "BENCH 1"},
        "requirements": [
            {
                "id": f"K{n}",
                "level": "must" if n % 5 else "should",
                "text": f"{TEXTS[n % len(TEXTS)]} (krav {n})",
            }
            for n in range(1, requirements + 1)
        ],
    }
    (folder / "spec.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    rng = random.Random(7)
    files = []
    for v in range(vendors):
        rows = [["Kravnummer", "Kravtext", "Svar", "Kommentar", "Bilaga"]]
        for requirement in spec["requirements"]:
            answer, comment = rng.choice(ANSWERS)
            rows.append([requirement["id"], requirement["text"], answer, comment, ""])
        if v % 2:
            path = folder / f"leverantor-{v:02}.csv"
            path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8-sig")
        else:
            path = folder / f"leverantor-{v:02}.xlsx"
            workbook = openpyxl.Workbook()
            sheet = workbook.active
            assert sheet is not None
            for row in rows:
                sheet.append(row)
            workbook.save(path)
        files.append(path)
    return files


def main() -> None:
    vendors = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    requirements = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    folder = HERE / "data" / "compare"
    files = build(folder, vendors, requirements)
    exe = Path(sys.executable).with_name("proccheck")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run(
            [
                str(exe),
                "answers",
                "compare",
                *map(str, files),
                "--spec",
                str(folder / "spec.yaml"),
                "-o",
                str(folder / "jamforelse.xlsx"),
            ],
            capture_output=True,
            check=False,
            text=True,
        )
        times.append(time.perf_counter() - start)
        assert done.returncode == 0, done.stderr
    print(
        f"answers compare, {vendors} vendors × {requirements} requirements (XLSX out): "
        f"median {statistics.median(times):.2f} s (min {min(times):.2f}, 3 runs)"
    )


if __name__ == "__main__":
    main()
