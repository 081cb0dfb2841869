"""Word lists per language (proccheck/data/lexicon/*.yaml), compiled once.

The lists are data so that officers can extend them without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from proccheck.loaders.structured import load_file
from proccheck.model import Lang
from proccheck.regexsafety import may_match, needed_words
from proccheck.resources import data_dir

LANGS: tuple[Lang, ...] = ("sv", "en")


@dataclass(frozen=True)
class Contradiction:
    """A kind of text that undermines a requirement, and which requirements it undermines."""

    kind: str
    undermines: tuple[str, ...]
    fallback: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    needs: tuple[frozenset[str] | None, ...] = ()
    """Per pattern, the words a text must contain for it to match (`regexsafety.needed_words`)."""


@dataclass(frozen=True)
class Lexicon:
    """The compiled word lists of one language."""

    lang: Lang
    stopwords: frozenset[str]
    lists: dict[str, tuple[re.Pattern[str], ...]]
    contradictions: tuple[Contradiction, ...]
    answer_values: dict[str, frozenset[str]]
    hedges: dict[str, tuple[re.Pattern[str], ...]]
    number_words: dict[str, int]
    units: dict[str, str]
    needs: dict[str, tuple[frozenset[str] | None, ...]] = field(default_factory=dict)
    """Per list and term, words one of which a text must contain for the term to match: a
    plain `in` test that passes over most texts without running the expression."""

    def _candidates(self, name: str, text: str) -> Iterator[re.Pattern[str]]:
        lowered = text.lower()
        for pattern, needs in zip(self.lists[name], self.needs[name], strict=True):
            if may_match(needs, lowered):
                yield pattern

    def find(self, name: str, text: str) -> list[re.Match[str]]:
        """Every match of list `name` in `text`."""
        return [m for pattern in self._candidates(name, text) for m in pattern.finditer(text)]

    def has(self, name: str, text: str) -> bool:
        """Whether any term of list `name` occurs in `text`."""
        return any(pattern.search(text) for pattern in self._candidates(name, text))


_LIST_NAMES = (
    "must",
    "should",
    "escape",
    "escape_alternative",
    "internal_api",
    "vague",
    "open_list",
    "and_or",
    "negation",
    "verification",
    "equivalent",
    "brands",
    "evidence",
    "rejection",
    "example",
    "competence",
    "upper_bound",
    "lower_bound",
)


@cache
def lexicon(lang: Lang) -> Lexicon:
    """The lexicon of `lang`, loaded and compiled on first use."""
    path = data_dir("data") / "lexicon" / f"{lang}.yaml"
    data = load_file(path, f"lexicon/{lang}.yaml").data
    lists = {
        name: tuple(re.compile(term, re.IGNORECASE) for term in data.get(name, []))
        for name in _LIST_NAMES
    }
    contradictions = tuple(
        Contradiction(
            kind,
            tuple(entry["undermines"]),
            tuple(entry.get("fallback", ())),
            tuple(re.compile(p, re.IGNORECASE) for p in entry["patterns"]),
            tuple(needed_words(p) for p in entry["patterns"]),
        )
        for kind, entry in data.get("contradictions", {}).items()
    )
    answer_values = {kind: frozenset(values) for kind, values in data.get("answers", {}).items()}
    hedges = {
        kind: tuple(re.compile(p, re.IGNORECASE) for p in patterns)
        for kind, patterns in data.get("hedges", {}).items()
    }
    needs = {
        name: tuple(needed_words(p.pattern) for p in patterns) for name, patterns in lists.items()
    }
    number_words = {word: int(value) for word, value in data.get("number_words", {}).items()}
    units = {word: str(unit) for word, unit in data.get("units", {}).items()}
    return Lexicon(
        lang,
        frozenset(data["stopwords"]),
        lists,
        contradictions,
        answer_values,
        hedges,
        number_words,
        units,
        needs=needs,
    )


def detect_language(text: str) -> Lang:
    """Swedish or English, by counting each language's common words."""
    words = re.findall(r"[a-zåäöé]+", text.lower())
    scores = {lang: sum(1 for w in words if w in lexicon(lang).stopwords) for lang in LANGS}
    return "sv" if scores["sv"] >= scores["en"] and scores["sv"] > 0 else "en"
