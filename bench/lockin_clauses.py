"""Lock-in (SP003) on single real vendor clauses: tests/corpus/lockin/clauses.yaml.

Run: python bench/lockin_clauses.py [--misses]
Each clause is checked as one paragraph of a specification (after a line that is a requirement,
so the document is checked at all) against builtin:open-baseline; a clause counts as flagged
when any SP003 finding points at it. Prints precision and recall over the clauses labelled
with a kind (positives) and `none` (look-alikes), per language; with --misses, each miss.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

from proccheck.api import spec_document_report
from proccheck.loaders.spec import load_spec
from proccheck.requirements import load_requirement_set

ROOT = Path(__file__).resolve().parents[1]
CLAUSES = ROOT / "tests" / "corpus" / "lockin" / "clauses.yaml"


def flagged(text: str, folder: Path, lang: str) -> list[str]:
    path = folder / "clause.md"
    path.write_text(f"1. Systemet ska ha en sökfunktion.\n\n{' '.join(text.split())}\n", "utf-8")
    report = spec_document_report(
        load_spec(path, "clause.md"),
        load_requirement_set("builtin:open-baseline"),
        lang,  # type: ignore[arg-type]
    )
    return [f.message for f in report.findings if f.check == "SP003" and f.location.line == 3]


def main() -> None:
    clauses = yaml.safe_load(CLAUSES.read_text(encoding="utf-8"))["clauses"]
    tally: dict[str, list[int]] = {}  # lang -> [tp, fp, fn, tn]
    misses = []
    with tempfile.TemporaryDirectory() as tmp:
        for clause in clauses:
            found = flagged(clause["text"], Path(tmp), clause["lang"])
            positive = clause["label"] != "none"
            cell = tally.setdefault(clause["lang"], [0, 0, 0, 0])
            cell[(0 if found else 2) if positive else (1 if found else 3)] += 1
            if bool(found) != positive:
                kind = "FN" if positive else "FP"
                misses.append(f"{kind} {clause['id']} ({clause['label']}): {clause['text'][:150]}")
    total = [sum(c[i] for c in tally.values()) for i in range(4)]
    for name, (tp, fp, fn, tn) in [*sorted(tally.items()), ("all", total)]:
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        print(
            f"{name:4} lock-in P {precision:.2f} R {recall:.2f} (tp {tp}, fp {fp}, fn {fn}, tn {tn})"
        )
    if "--misses" in sys.argv:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
