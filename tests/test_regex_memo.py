"""The start-up shortcuts of `regexsafety`: the memo file and the word gate give exactly the
answers the slow paths give."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import script_module
from hypothesis import given, settings
from hypothesis import strategies as st

from proccheck.loaders.lexicon import LANGS, lexicon
from proccheck.regexsafety import (
    MEMO_FILE,
    WordGate,
    computed_needed_words,
    cue_problem,
    needed_words,
)
from proccheck.resources import data_dir


def _script() -> object:
    return script_module("update_regex_memo")


def test_memo_file_is_current() -> None:
    """Fails when a lexicon term or set cue was added without rerunning the script (start-up
    would parse it again) or when `needed_words` changed (the memo would answer wrongly)."""
    current = (data_dir("data") / MEMO_FILE).read_text(encoding="utf-8")
    assert current == _script().memo_text(), "run: python scripts/update_regex_memo.py"  # type: ignore[attr-defined]


def test_memo_answers_as_the_parse_does() -> None:
    memo = json.loads((data_dir("data") / MEMO_FILE).read_text(encoding="utf-8"))
    assert len(memo["needs"]) > 500
    for pattern, groups in memo["needs"].items():
        assert needed_words(pattern) == computed_needed_words(pattern)
        assert (None if groups is None else tuple(map(frozenset, groups))) == needed_words(pattern)
    for cue in memo["safe_cues"]:
        assert cue_problem(cue, compiled=True) is None


def test_needed_words_takes_a_word_of_each_part() -> None:
    """Each part an expression cannot match without is a group of its own; optional parts,
    look-behinds and short words give none."""
    assert needed_words(r"\b(may|right to)\b[^.;]{0,40}\b(sell|rent)\b.{0,9}\b(data|info)") == (
        frozenset({"data", "info"}),
        frozenset({"may", "right to"}),
        frozenset({"rent", "sell"}),
    )
    assert needed_words(r"(?<!kunden )\bexport(era)?( av)? data") == (
        frozenset({" data"}),
        frozenset({"export"}),
    )
    assert needed_words(r"\bskall own|shall own") == (frozenset({"skall own", "shall own"}),)
    assert needed_words(r"(a|b)c") is None


def test_unsafe_cue_is_still_refused() -> None:
    assert cue_problem("(a+)+$") is not None
    assert cue_problem("*([a-z]+)*x") is not None


_NEEDS = [
    (frozenset({"export"}),),
    (frozenset({"äga", "äger"}),),
    None,
    (frozenset({"ab"}),),
    (frozenset({"ska", "skall"}), frozenset({"export", "port"})),
    (frozenset({"kall"}),),
    (frozenset({"a"}), frozenset({"rör"}), frozenset({"äga"})),
]


_SHARED_GATE = WordGate(tuple(_NEEDS))


@given(st.text(alphabet="exportäagbsklr ", max_size=40))
@settings(max_examples=300, deadline=None)
def test_gate_opens_what_a_substring_test_opens(text: str) -> None:
    """Overlapping words ("skall" and "kall"), short ones, expressions with no words and
    expressions that need a word of each of several groups. One gate serves every example, so
    answers it keeps for a set of present words are tested on later texts too."""
    expected = tuple(
        i
        for i, groups in enumerate(_NEEDS)
        if groups is None or all(any(w in text for w in words) for words in groups)
    )
    assert _SHARED_GATE.open_for(text) == expected
    assert WordGate(tuple(_NEEDS)).open_for(text) == expected


def test_gate_matches_plain_lists_on_real_lexicon() -> None:
    """The gated lexicon finds what running every term finds."""
    texts = [
        "Leverantören ska säkerställa att Kunden äger all data och kan exportera den.",
        "The supplier shall, where possible, provide an open API free of charge.",
        "Data returneras i det format som Leverantören vid var tid erbjuder, mot en avgift.",
        "",
    ]
    for lang in LANGS:
        lex = lexicon(lang)
        for name, terms in lex.lists.items():
            for text in texts:
                every = [m.span() for p in terms for m in p.finditer(text)]
                assert [m.span() for m in lex.find(name, text)] == every, (lang, name, text)


def test_every_match_holds_a_needed_word_on_real_texts() -> None:
    """The gate may only skip an expression that cannot match: in the real corpus (texts no
    one here wrote), every match of each built-in expression holds a word of each of its
    groups."""
    corpus = Path(__file__).parent / "corpus" / "real"
    text = "\n".join(
        path.read_text(encoding="utf-8", errors="replace").lower()
        for path in sorted(corpus.rglob("*.md")) + sorted(corpus.rglob("*.txt"))
    )
    memo = json.loads((data_dir("data") / MEMO_FILE).read_text(encoding="utf-8"))
    checked = 0
    for pattern, groups in memo["needs"].items():
        for match in re.finditer(pattern, text, re.IGNORECASE) if groups else ():
            checked += 1
            for words in groups:
                assert any(word in match.group() for word in words), (pattern, match.group())
    assert checked > 1000


def test_gate_opens_for_letters_the_expression_folds() -> None:
    """Python's case-insensitive search takes ı, İ as i, ſ as s and µ as μ, which `str.lower`
    keeps apart, in the text and in a cue a user writes: the gate must open wherever the
    expression can match."""
    patterns = [r"\bipad\b|\biphone\b", r"\bask\b", r"kit", "İnloggning", "ſäkerhet", "5 µs"]
    gate = WordGate(tuple(needed_words(p) for p in patterns))
    for text in ("Vi kräver İPAD", "ıpad", "aſk", "KİT", "kıt", "Inloggning", "säkerhet", "5 μs"):
        matching = [i for i, p in enumerate(patterns) if re.search(p, text, re.IGNORECASE)]
        assert matching, text
        assert set(matching) <= set(gate.open_for(text.lower())), text
