"""Precision and recall of `answers check` on the labelled corpus in tests/corpus/answers/.

Run: python bench/answers_accuracy.py [--verbose] [--heldout]
Labels: the expected outcome per requirement; unlisted requirements are expected `met`.
Reported per outcome class (not_met, not_verified): a requirement predicted in the class and
labelled in it is a true positive. Unreadable files count every label as missed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from proccheck.api import answer_document_report
from proccheck.errors import ProccheckError
from proccheck.loaders.answers import load_answers
from proccheck.requirements import load_requirement_set

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "answers"
if "--heldout" in sys.argv:  # written blind after tuning: the honest measure
    CORPUS = CORPUS.parent / "heldout" / "answers"


def main() -> None:
    verbose = "--verbose" in sys.argv
    manifest = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    counts = {cls: {"tp": 0, "fp": 0, "fn": 0} for cls in ("not_met", "not_verified")}
    misses: list[str] = []
    sets = {}
    unreadable = 0
    start = time.perf_counter()
    for entry in manifest["documents"]:
        ref = entry.get("set", "builtin:open-baseline")
        if ref not in sets:
            sets[ref] = load_requirement_set(ref)
        requirement_set = sets[ref]
        expected = {r.id: "met" for r in requirement_set.requirements}
        expected.update(entry.get("expect") or {})
        try:
            document = load_answers(CORPUS / entry["file"], entry["file"])
        except ProccheckError as error:
            unreadable += 1
            misses.append(f"UNREADABLE {entry['file']}: {error}")
            predicted = {}
        else:
            report = answer_document_report(document, requirement_set, "en")
            predicted = {r.requirement: r.outcome for r in report.results}
        for requirement_id, want in expected.items():
            got = predicted.get(requirement_id, "unreadable")
            for cls, tally in counts.items():
                if got == cls and want == cls:
                    tally["tp"] += 1
                elif got == cls:
                    tally["fp"] += 1
                elif want == cls:
                    tally["fn"] += 1
            if got != want:
                misses.append(f"{entry['file']} {requirement_id}: expected {want}, got {got}")
    elapsed = time.perf_counter() - start
    print(
        f"{len(manifest['documents'])} files ({unreadable} unreadable), checked in {elapsed:.2f} s"
    )
    for cls, tally in counts.items():
        tp, fp, fn = tally["tp"], tally["fp"], tally["fn"]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(
            f"{cls:<14} precision {precision:.3f}  recall {recall:.3f}  (tp {tp}, fp {fp}, fn {fn})"
        )
    if verbose:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
