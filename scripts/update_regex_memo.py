"""Rewrite proccheck/data/regex-memo.json from the built-in lexicons and requirement sets, and
the parts of the probe's word-gated alternations (`proccheck.loaders.openapi.WORD_GATED`).

Run: python scripts/update_regex_memo.py [--check]
With --check, exit 1 (writing nothing) when the file differs from what would be written;
tests/test_regex_memo.py runs the same comparison.
"""

from __future__ import annotations

import json
import sys

from proccheck.loaders.lexicon import LANGS
from proccheck.loaders.openapi import WORD_GATED
from proccheck.loaders.structured import load_file
from proccheck.regexsafety import MEMO_FILE, computed_needed_words, cue_problem
from proccheck.requirements import load_requirement_set
from proccheck.resources import data_dir


def lexicon_terms() -> set[str]:
    """Every expression of the built-in lexicons."""
    terms: set[str] = set()
    for lang in LANGS:
        data = load_file(data_dir("data") / "lexicon" / f"{lang}.yaml", lang).data
        for value in data.values():
            if isinstance(value, list):
                terms.update(v for v in value if isinstance(v, str))
        for entry in data.get("contradictions", {}).values():
            terms.update(entry["patterns"])
        for patterns in data.get("hedges", {}).values():
            terms.update(patterns)
    return terms


def set_cues() -> set[str]:
    """Every cue of the built-in requirement sets, without its compound marker."""
    cues: set[str] = set()
    for path in sorted(data_dir("requirement_sets").glob("*.yaml")):
        for requirement in load_requirement_set(f"builtin:{path.stem}").requirements:
            for groups in (requirement.cues.sv, requirement.cues.en):
                cues.update(term.removeprefix("*") for group in groups for term in group)
    return cues


def memo_text() -> str:
    """The file as it should be: sorted, one entry a line, so diffs stay readable."""
    cues = set_cues()
    needs = {
        term: [sorted(group) for group in groups]
        if (groups := computed_needed_words(term)) is not None
        else None
        for term in sorted(lexicon_terms() | cues | set(WORD_GATED))
    }
    safe = sorted(cue for cue in cues if cue_problem(cue, compiled=True) is None)
    entries = ",\n".join(f"{_json(term)}: {_json(groups)}" for term, groups in needs.items())
    listed = ",\n".join(map(_json, safe))
    return f'{{"needs": {{\n{entries}\n}},\n"safe_cues": [\n{listed}\n]}}\n'


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def main() -> int:
    target = data_dir("data") / MEMO_FILE
    text = memo_text()
    if "--check" in sys.argv[1:]:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        return 0 if current == text else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
