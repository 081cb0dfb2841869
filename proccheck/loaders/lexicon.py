"""Word lists per language (proccheck/data/lexicon/*.yaml), compiled once.

The lists are data so that officers can extend them without touching code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from proccheck.loaders.structured import load_file
from proccheck.model import Lang
from proccheck.regexsafety import WordGate, needed_words
from proccheck.resources import data_dir

LANGS: tuple[Lang, ...] = ("sv", "en")


@functools.lru_cache(maxsize=65536)
def _lowered(text: str) -> str:
    """`text.lower()`, the same string object for the same text: every list asked about one
    text then shares its cached hash and its `WordGate` entry instead of lowering it again."""
    return text.lower()


class Terms:
    """A word list's expressions, each compiled on first use (most never pass the gate of the
    words they need, so compiling them all at start-up would be wasted)."""

    def __init__(self, sources: list[str]) -> None:
        self.sources = tuple(sources)
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self.sources)
        self.gate = WordGate(tuple(needed_words(source) for source in self.sources))

    def __getitem__(self, index: int) -> re.Pattern[str]:
        pattern = self._compiled[index]
        if pattern is None:
            pattern = self._compiled[index] = re.compile(self.sources[index], re.IGNORECASE)
        return pattern

    def __len__(self) -> int:
        return len(self.sources)

    def __iter__(self) -> Iterator[re.Pattern[str]]:
        return (self[index] for index in range(len(self.sources)))

    def open_indices(self, text: str) -> tuple[int, ...]:
        """The positions of the expressions that may match `text`, in list order."""
        return self.gate.open_for(_lowered(text))

    def open_for(self, text: str) -> Iterator[re.Pattern[str]]:
        """The expressions that may match `text`, in list order."""
        return (self[index] for index in self.open_indices(text))


@dataclass(frozen=True)
class Contradiction:
    """A kind of text that undermines a requirement, and which requirements it undermines."""

    kind: str
    undermines: tuple[str, ...]
    fallback: tuple[str, ...]
    patterns: tuple[str, ...]
    own_negation: bool = False
    """The patterns say what is left out with a negation of their own ("omfattar inte
    loggar"): a negation inside a match is its point, and only one before it cancels it."""
    unless: re.Pattern[str] | None = None
    """Words that, in the sentence of a match, make it something else: closing the APIs "vid
    ett angrepp" protects the data rather than taking the APIs back."""
    in_requirement: bool = False
    """The patterns narrow or defer a requirement in its own wording ("ska senast år 2032 …"):
    read only in must-requirements (a should deferred takes nothing back)."""
    by_reference: bool = False
    """The clause undermines the requirement it names ("Krav K2 anses uppfyllt om …") or
    speaks of ("Open standards … to the extent commercially reasonable"), not a fixed one:
    `undermines` is empty and the targets are worked out from the document."""
    doubt: re.Pattern[str] | None = None
    """Words that, in the sentence of a match, leave it a lead to check rather than a breach:
    sub-processors changed without consent "but with 30 days' notice" and a right to object
    is GDPR art. 28(2)'s general authorisation, lawful but worth reading (not verified)."""


@dataclass(frozen=True)
class Lexicon:
    """The compiled word lists of one language."""

    lang: Lang
    stopwords: frozenset[str]
    lists: dict[str, Terms]
    answer_values: dict[str, frozenset[str]]
    hedges: dict[str, Terms]
    number_words: dict[str, int]
    units: dict[str, str]
    undermining: Terms
    """Every contradiction's patterns, in order, as one list: one word gate per text."""
    undermining_kind: tuple[Contradiction, ...]
    """The contradiction each pattern of `undermining` belongs to."""

    def undermining_in(self, text: str) -> Iterator[tuple[Contradiction, re.Pattern[str]]]:
        """The contradiction patterns that may match `text`, each with its contradiction, in
        the lexicon's order."""
        for index in self.undermining.open_indices(text):
            yield self.undermining_kind[index], self.undermining[index]

    def find(self, name: str, text: str) -> list[re.Match[str]]:
        """Every match of list `name` in `text`."""
        return [m for pattern in self.lists[name].open_for(text) for m in pattern.finditer(text)]

    def has(self, name: str, text: str) -> bool:
        """Whether any term of list `name` occurs in `text`."""
        return any(pattern.search(text) for pattern in self.lists[name].open_for(text))


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
    "personnel",
    "upper_bound",
    "lower_bound",
)


@cache
def lexicon(lang: Lang) -> Lexicon:
    """The lexicon of `lang`, loaded and compiled on first use."""
    path = data_dir("data") / "lexicon" / f"{lang}.yaml"
    data = load_file(path, f"lexicon/{lang}.yaml").data
    lists = {name: Terms(data.get(name, [])) for name in _LIST_NAMES}
    contradictions = tuple(
        Contradiction(
            kind,
            tuple(entry["undermines"]),
            tuple(entry.get("fallback", ())),
            tuple(entry["patterns"]),
            bool(entry.get("own_negation", False)),
            re.compile("|".join(entry["unless"]), re.IGNORECASE) if entry.get("unless") else None,
            bool(entry.get("in_requirement", False)),
            bool(entry.get("by_reference", False)),
            re.compile("|".join(entry["doubt"]), re.IGNORECASE) if entry.get("doubt") else None,
        )
        for kind, entry in data.get("contradictions", {}).items()
    )
    answer_values = {kind: frozenset(values) for kind, values in data.get("answers", {}).items()}
    hedges = {kind: Terms(patterns) for kind, patterns in data.get("hedges", {}).items()}
    number_words = {word: int(value) for word, value in data.get("number_words", {}).items()}
    units = {word: str(unit) for word, unit in data.get("units", {}).items()}
    return Lexicon(
        lang,
        frozenset(data["stopwords"]),
        lists,
        answer_values,
        hedges,
        number_words,
        units,
        Terms([p for c in contradictions for p in c.patterns]),
        tuple(c for c in contradictions for _ in c.patterns),
    )


_WORD = re.compile(r"[a-zåäöé]+")


def detect_language(text: str) -> Lang:
    """Swedish or English, by counting each language's common words."""
    words = _WORD.findall(text.lower())
    scores = {lang: sum(map(lexicon(lang).stopwords.__contains__, words)) for lang in LANGS}
    return "sv" if scores["sv"] >= scores["en"] and scores["sv"] > 0 else "en"
