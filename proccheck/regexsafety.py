"""Refuse regular expressions that can take exponential time (nested unbounded repetition).

Cues in requirement sets are regular expressions written by users; Python's `re` has no time
limit, and a pattern like `(a+)+$` can run for minutes on 30 characters. Such patterns are
reported by `sets validate` (RS002) and never run.
"""

from __future__ import annotations

import functools
import importlib
import json
import re
from pathlib import Path
from typing import Any

try:  # the parser behind `re`: re._parser from Python 3.11, sre_parse before
    sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    sre_parse = importlib.import_module("sre_parse")

_REPEATS = {
    sre_parse.MAX_REPEAT,
    sre_parse.MIN_REPEAT,
    *filter(None, [getattr(sre_parse, "POSSESSIVE_REPEAT", None)]),  # Python 3.11 and later
}
_UNBOUNDED = 20  # a repeat whose maximum exceeds this counts as unbounded for nesting


@functools.lru_cache(maxsize=4096)
def risky(pattern: str) -> str | None:
    """Why `pattern` may backtrack catastrophically, or None when it is safe to run."""
    parsed = _parsed(pattern)
    if isinstance(parsed, str):
        return None  # invalid patterns are reported separately
    return _walk(parsed, inside_repeat=False)


def _first(items: Any) -> set[Any] | None:
    """The literal first characters a branch can start with; None when it can start with
    anything (a class, a dot, an empty branch)."""
    for op, arg in items:
        if op is sre_parse.LITERAL:
            return {arg}
        if op is sre_parse.SUBPATTERN:
            return _first(arg[-1])
        return None
    return None


def _walk(items: Any, inside_repeat: bool, inside_unbounded: bool = False) -> str | None:
    for op, arg in items:
        if op in _REPEATS:
            _, high, sub = arg
            unbounded = high is sre_parse.MAXREPEAT or high > _UNBOUNDED
            if unbounded and inside_repeat:
                return "nested unbounded repetition, as in (a+)+ or (.*a){12}"
            found = _walk(sub, inside_repeat or high > 1, inside_unbounded or unbounded)
            if found:
                return found
        elif op is sre_parse.SUBPATTERN:
            found = _walk(arg[-1], inside_repeat, inside_unbounded)
            if found:
                return found
        elif op is sre_parse.BRANCH:
            if inside_unbounded:
                firsts = [_first(branch) for branch in arg[1]]
                known = [f for f in firsts if f is not None]
                if len(known) < len(firsts) or any(
                    a & b for i, a in enumerate(known) for b in known[i + 1 :]
                ):
                    return "alternatives that can match the same text inside a repetition, as in (a|aa)+"
            for branch in arg[1]:
                found = _walk(branch, inside_repeat, inside_unbounded)
                if found:
                    return found
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            found = _walk(arg[1], inside_repeat, inside_unbounded)
            if found:
                return found
        elif op is sre_parse.GROUPREF:
            return "back-references"
    return None


def cue_group(terms: list[str]) -> str:
    """A group of a set's cues as one regular expression. A term matches from the start of a
    word ("export" finds "exporten" and "exportformat", "äga" does not find "säga"); a leading
    `*` lets it also end a compound ("*export" finds "dataexport"). One look-behind for the
    whole group keeps the search fast."""
    anchored = [f"(?:{term})" for term in terms if not term.startswith("*")]
    free = [f"(?:{term[1:]})" for term in terms if term.startswith("*")]
    parts = [f"(?<!\\w)(?:{'|'.join(anchored)})"] if anchored else []
    return "|".join(parts + free)


MEMO_FILE = "regex-memo.json"
"""In `proccheck/data/`: `needed_words` of every built-in lexicon term and set cue, and the
cues known to be safe, so that start-up does not parse about a thousand expressions on every
run. Both are pure functions of the expression's text, so an entry cannot go stale; an
expression not in the file is parsed as before. Rewritten by `scripts/update_regex_memo.py`."""


@functools.cache
def _memo() -> tuple[dict[str, list[list[str]] | None], frozenset[str]]:
    try:
        data = json.loads((Path(__file__).parent / "data" / MEMO_FILE).read_text(encoding="utf-8"))
        return dict(data["needs"]), frozenset(data["safe_cues"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}, frozenset()


def known_safe(term: str) -> bool:
    """Whether the memo file lists `term` as a cue that parses, compiles and runs safely."""
    return term.removeprefix("*") in _memo()[1]


def cue_problem(term: str, *, compiled: bool = False) -> str | None:
    """Why a cue cannot be used (not a regular expression, or one that can run for minutes).
    `compiled` also compiles it, which finds the few errors the parser lets through (a
    variable-width look-behind); `sets validate` does, matching only parses (it is faster)."""
    bare = term.removeprefix("*")
    if not compiled and bare in _memo()[1]:
        return None
    parsed = _parsed(bare)
    if isinstance(parsed, str):
        return parsed
    if compiled:
        try:
            re.compile(bare)
        except re.error as exc:
            return str(exc)
    return risky(bare)


@functools.lru_cache(maxsize=8192)
def _parsed(pattern: str) -> Any:
    """The parse of `pattern`, or the parser's complaint as a string."""
    try:
        return sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return str(exc)


Needs = tuple[frozenset[str], ...]
"""Groups of lower-case strings: every match of an expression contains a string of each group."""


@functools.lru_cache(maxsize=8192)
def needed_words(pattern: str) -> Needs | None:
    """The groups of strings every match of `pattern` contains one of from each, or None when
    there are none worth testing. Plain `in` tests on them are far cheaper than the search, so
    most texts are passed over without running the expression at all: "may … sell … data"
    needs a word of each of its three parts, not only of one."""
    known = _memo()[0]
    if pattern in known:
        groups = known[pattern]
        return None if groups is None else tuple(map(frozenset, groups))
    return computed_needed_words(pattern)


def computed_needed_words(pattern: str) -> Needs | None:
    """`needed_words` from the parse itself, never from the memo file: the groups whose words
    all have three letters or more (the best group alone if none has), less any group another
    implies (a text holding "shall own" holds "own")."""
    parsed = _parsed(pattern)
    groups = [] if isinstance(parsed, str) else _needed(list(parsed))
    if not groups:
        return None
    kept = [group for group in groups if min(map(len, group)) >= 3] or [_best(groups)]
    kept = [
        group
        for group in kept
        if not any(
            other != group and all(any(word in longer for word in group) for longer in other)
            for other in kept
        )
    ]
    return tuple(sorted(set(kept), key=sorted))


def _needed(items: list[Any]) -> list[frozenset[str]]:
    """Every requirement a sequence of parsed items imposes (see `needed_words`)."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, arg in [*items, (None, None)]:
        if op is sre_parse.LITERAL:
            run += chr(arg)
            continue
        if len(run.strip()) >= 3:
            candidates.append(frozenset({run.lower().translate(_CASE_ALIKE)}))
        prefix = [(sre_parse.LITERAL, ord(char)) for char in run]
        run = ""
        if op is sre_parse.SUBPATTERN:
            candidates += _needed(prefix + list(arg[-1]))
        elif op is sre_parse.BRANCH:
            # the literals just before a group or branch are joined to each of its branches:
            # `äg(a|er)` needs "äga" or "äger", and the parser turns `ipad|iphone` into
            # `ip(?:ad|hone)`; a short branch alone ("ad") would leave no word to test
            branches = [_needed(prefix + list(branch)) for branch in arg[1]]
            if all(branches):
                candidates.append(frozenset().union(*map(_best, branches)))
        elif op in _REPEATS and arg[0] >= 1:
            candidates += _needed(list(arg[2]))
    return [_shortest(candidate) for candidate in candidates]


def _shortest(words: frozenset[str] | set[str]) -> frozenset[str]:
    """`words` less those that contain another: a text holding "skall" holds "ska"."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _best(groups: list[frozenset[str]] | Needs) -> frozenset[str]:
    """The group that passes over the most texts: longest shortest word, then fewest words."""
    return max(groups, key=lambda words: (min(map(len, words)), -len(words)))


def needed_any(patterns: list[str]) -> Needs | None:
    """`needed_words` of an alternation of `patterns`: None if any of them has none."""
    union: set[str] = set()
    for pattern in patterns:
        groups = needed_words(pattern)
        if not groups:
            return None
        union |= _best(groups)
    return (_shortest(union),)


_WORDS_BY_START: dict[tuple[str, ...], set[str]] = {}
"""Every word some `WordGate` tests for, by its first three letters as a tuple (shorter words
under the empty tuple): a text's three-letter runs are then made by `zip`, in C."""
_generation = [0]
"""Bumped when a word is added, so that `_present` never answers from an older word list."""


def _register(words: set[str]) -> None:
    for word in words:
        known = _WORDS_BY_START.setdefault(tuple(word[:3]) if len(word) >= 3 else (), set())
        if word not in known:
            known.add(word)
            _generation[0] += 1


_CASE_ALIKE = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None, "µ": "μ", "ς": "σ"})
"""What a case-insensitive expression takes as one letter but `str.lower` leaves apart: dotless
ı and i, long ſ and s, the dot `"İ".lower()` leaves after its i, the micro sign and μ, final ς
and σ. Applied to the words an expression needs and to the text read for them."""


@functools.lru_cache(maxsize=65536)
def _present(lowered: str, generation: int) -> frozenset[str]:
    """The registered words that occur in `lowered` (`generation` keys the cache), or in it
    with the letters of `_CASE_ALIKE` made plain: `ipad` finds "İPAD". The cache holds a text
    for every gate that asks: checks go gate by gate over all texts, so a cache smaller than
    the document would recompute every text for every gate."""
    found = _words_in(lowered)
    if not lowered.isascii() and (plain := lowered.translate(_CASE_ALIKE)) != lowered:
        found += _words_in(plain)
    return frozenset(found)


def _words_in(lowered: str) -> list[str]:
    by_start = _WORDS_BY_START
    found = [w for w in by_start.get((), ()) if w in lowered]
    for start in by_start.keys() & zip(lowered, lowered[1:], lowered[2:], strict=False):
        found.extend(w for w in by_start[start] if w in lowered)
    return found


_KNOWN = 4096
"""How many sets of present words a `WordGate` keeps its answer for."""


class WordGate:
    """Which of a fixed list of expressions may match a text, from the words each one needs
    (`needed_words`). The words a text contains are found once per text for every gate, from
    its three-letter slices, instead of one `in` test per expression and text. An expression
    is open exactly when the text contains a word of each of its groups (or it has none)."""

    def __init__(self, needs: tuple[Needs | None, ...]) -> None:
        self._always = tuple(i for i, groups in enumerate(needs) if groups is None)
        by_word: dict[str, list[int]] = {}  # a word: the groups (numbered across all) it is in
        self._owner: list[int] = []  # a group's number: the expression it belongs to
        self._groups: list[frozenset[int]] = []  # an expression's index: its groups' numbers
        for index, groups in enumerate(needs):
            numbers = range(len(self._owner), len(self._owner) + len(groups or ()))
            self._owner += [index] * len(numbers)
            self._groups.append(frozenset(numbers))
            for number, words in zip(numbers, groups or (), strict=True):
                for word in words:
                    by_word.setdefault(word, []).append(number)
        self._by_word = by_word
        self._words = frozenset(by_word)
        self._known: dict[frozenset[str], tuple[int, ...]] = {}
        self._by_text: dict[frozenset[str], tuple[int, ...]] = {}
        _register(set(by_word))

    def open_for(self, lowered: str) -> tuple[int, ...]:
        """The indices, in order, of the expressions that may match `lowered`. The answer
        depends only on which of this gate's words the text holds, and most texts hold the same
        few ("ska", "data"): it is kept for them (for up to `_KNOWN` such sets), and for the
        set of all registered words the text holds, which `_present` hands out as one object
        per text, so that asking again about a text costs one lookup of a hash already made."""
        every = _present(lowered, _generation[0])
        known = self._by_text.get(every)
        if known is not None:
            return known
        present = self._words.intersection(every)
        known = self._known.get(present)
        if known is None:
            if len(self._known) >= _KNOWN:
                self._known.clear()
            known = self._known[present] = self._opened(present)
        if len(self._by_text) >= _KNOWN:
            self._by_text.clear()
        self._by_text[every] = known
        return known

    def _opened(self, present: frozenset[str]) -> tuple[int, ...]:
        if not present:
            return self._always
        satisfied: set[int] = set()
        for word in present:
            satisfied.update(self._by_word[word])
        owners = {self._owner[number] for number in satisfied}
        open_ = [index for index in owners if self._groups[index] <= satisfied]
        return tuple(sorted([*open_, *self._always]))
