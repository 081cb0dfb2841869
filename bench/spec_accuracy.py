"""Precision and recall of `spec check` on the labelled corpus in tests/corpus/spec/.

Run: python bench/spec_accuracy.py [--verbose] [--heldout]
Labels (see tests/corpus/spec/README.md): `present`, `weakened`, `escape`, `contradicted` per
set requirement, and expected finding lines per check (level, quality, contradiction).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from proccheck.api import spec_document_report
from proccheck.checks.spec_checks import analyse
from proccheck.loaders.spec import load_spec
from proccheck.requirements import load_requirement_set

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "spec"
if "--heldout" in sys.argv:  # written blind after tuning: the honest measure
    CORPUS = CORPUS.parent / "heldout" / "spec"
CHECK_OF = {"level": "SP002", "quality": "SP004", "contradiction": "SP003"}


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.misses: list[str] = []

    def add(self, expected: set[object], predicted: set[object], where: str) -> None:
        self.tp += len(expected & predicted)
        self.fp += len(predicted - expected)
        self.fn += len(expected - predicted)
        for item in sorted(map(str, predicted - expected)):
            self.misses.append(f"FP {where} {item}")
        for item in sorted(map(str, expected - predicted)):
            self.misses.append(f"FN {where} {item}")

    def line(self, name: str) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return (
            f"{name:<34} precision {precision:.3f}  recall {recall:.3f}  "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


def main() -> None:
    verbose = "--verbose" in sys.argv
    manifest = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    office = CORPUS / "manifest-office.yaml"
    if office.exists():  # DOCX/XLSX made from some of the documents by make_office.py
        manifest["documents"] += yaml.safe_load(office.read_text(encoding="utf-8"))["documents"]
    scores = {
        name: Score()
        for name in (
            "coverage: missing requirements",
            "coverage: present requirements",
            "coverage: present or possibly (not SP001 error)",
            "level: weakened or escape (req)",
            "contradiction (req)",
            "level (finding lines)",
            "contradiction (finding lines)",
            "quality (finding lines)",
        )
    }
    sets: dict[str, object] = {}
    start = time.perf_counter()
    for entry in manifest["documents"]:
        ref = entry.get("set", "builtin:open-baseline")
        if ref not in sets:
            sets[ref] = load_requirement_set(ref)
        requirement_set = sets[ref]
        path = CORPUS / entry["file"]
        document = load_spec(path, entry["file"])
        report = spec_document_report(document, requirement_set, "en")  # type: ignore[arg-type]
        analysis = analyse(document, requirement_set, "en")  # type: ignore[arg-type]
        ids = {r.id for r in requirement_set.requirements}  # type: ignore[attr-defined]
        musts = {r.id for r in requirement_set.requirements if r.level == "must"}  # type: ignore[attr-defined]
        appears = (
            set(entry.get("present", []))
            | set(entry.get("weakened", []))
            | set(entry.get("escape", []))
        )
        found = {i for i in ids if analysis.implementing(i)}
        name = entry["file"]
        scores["coverage: missing requirements"].add(ids - appears, ids - found, name)
        scores["coverage: present requirements"].add(appears, found, name)
        possibly = found | {i for i in ids if analysis.weak(i)}
        scores["coverage: present or possibly (not SP001 error)"].add(appears, possibly, name)
        level_pred = {f.requirement for f in report.findings if f.check == "SP002"}
        scores["level: weakened or escape (req)"].add(
            (set(entry.get("weakened", [])) | set(entry.get("escape", []))) & musts,
            level_pred,
            name,
        )
        contra_pred = {
            f.requirement for f in report.findings if f.check == "SP003" and f.requirement
        }
        scores["contradiction (req)"].add(set(entry.get("contradicted", [])), contra_pred, name)
        if name.endswith(".docx"):
            continue  # Word files have no lines; their requirement-level labels still count
        for label, check in CHECK_OF.items():
            expected = {f["line"] for f in entry.get("findings", []) if f["check"] == label}
            predicted = {
                f.location.line or f.location.row for f in report.findings if f.check == check
            }
            scores[f"{label} (finding lines)"].add(expected, predicted, name)
    elapsed = time.perf_counter() - start
    print(f"{len(manifest['documents'])} documents, checked in {elapsed:.2f} s")
    for title, score in scores.items():
        print(score.line(title))
        if verbose:
            for miss in score.misses:
                print("    " + miss)


if __name__ == "__main__":
    main()
