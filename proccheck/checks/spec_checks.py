"""Checks on a requirement specification (`proccheck spec check`).

All checks share one analysis per document (which spec item implements which set requirement),
computed once by `analyse`, so a 200-page document is matched against the set only once.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from proccheck import limits
from proccheck.checks import Check, Context, register
from proccheck.i18n import N_, _, ngettext
from proccheck.loaders.lexicon import LANGS, Lexicon, detect_language, lexicon
from proccheck.loaders.spec import SpecDocument, SpecItem, worded_level
from proccheck.model import Cues, Finding, Lang, Location, RequirementSet
from proccheck.regexsafety import Needs, WordGate, cue_group, cue_problem, known_safe, needed_any
from proccheck.text import blank_links, excerpt

Strength = Literal["explicit", "strong", "weak", "mention", "tagged"]
"""How sure a match is: named by id, all cue groups, the topic only, or named in text that is
not worded as a requirement (a statement of fact or an explanation: it binds nobody for sure);
or named by id (`implements:` or in the text) in a requirement whose words speak of nothing
the set requirement's cues look for: a tag is a claim, and the text is what binds."""


def _quoted(shortest: int) -> str:
    """Text in double quotes of at least `shortest` characters (the marks Swedish and English
    texts use)."""
    return "|".join(f"{o}[^{c}]{{{shortest},400}}{c}" for o, c in ('""', "“”", "””", "«»"))


_QUOTES = re.compile(_quoted(1) + "|'[^']{3,400}'")
_LONG_QUOTE = re.compile(_quoted(40))
"""A clause quoted as an example: read as text about a requirement, not as one."""
_SENTENCE = re.compile(r"[^.!?;]+[.!?;]?")


@dataclass(frozen=True)
class Match:
    """A spec item that implements a set requirement, and how sure we are."""

    item: SpecItem
    strength: Strength


@dataclass
class Analysis:
    """Which spec items implement which set requirements, and what undermines them."""

    matches: dict[str, list[Match]] = field(default_factory=dict)
    contradictions: list[Finding] = field(default_factory=list)

    def implementing(self, requirement_id: str) -> list[Match]:
        """Explicit and strong matches only."""
        return [m for m in self.matches.get(requirement_id, []) if m.strength in _BINDING]

    def weak(self, requirement_id: str) -> list[Match]:
        """Weak matches only (candidates a person should look at)."""
        return [m for m in self.matches.get(requirement_id, []) if m.strength == "weak"]

    def mentions(self, requirement_id: str) -> list[Match]:
        """Items not worded as requirements that name it (a person should decide)."""
        return [m for m in self.matches.get(requirement_id, []) if m.strength == "mention"]

    def tagged(self, requirement_id: str) -> list[Match]:
        """Requirements that name it by id but whose text does not speak of it."""
        return [m for m in self.matches.get(requirement_id, []) if m.strength == "tagged"]


_BINDING = ("explicit", "strong")


@dataclass(frozen=True, kw_only=True)
class SpecContext(Context):
    """A spec check's context: the document's analysis, computed once before the checks run."""

    analysis: Analysis


def context(document: SpecDocument, requirement_set: RequirementSet, lang: Lang) -> SpecContext:
    """The context every spec check of one document is handed."""
    return SpecContext(
        lang=lang,
        requirement_set=requirement_set,
        analysis=analyse(document, requirement_set, lang),
    )


def analyse(
    document: SpecDocument,
    requirement_set: RequirementSet,
    lang: str,
    *,
    contradictions: bool = True,
    mentions: bool = True,
) -> Analysis:
    """Match every requirement item against every set requirement (once per document: the
    engine hands the result to every check in its context). With `contradictions=False` (a
    caller that needs only the matches) an item's undermining text is looked for only where it
    would weaken a match, and `Analysis.contradictions` stays empty; with `mentions=False` (a
    caller that needs only `implementing`) items not worded as requirements are not read."""
    analysis = Analysis()
    compiled = {r.id: _compile_cues(r.cues) for r in requirement_set.requirements}
    groups = [g for cues in compiled.values() for by_lang in cues for g in by_lang]
    gate = WordGate(tuple(group.needs for group in groups))
    statements = tuple(
        item
        for item in (document.items if mentions else ())
        if not item.is_requirement
        and len(item.text.split()) >= 4
        and len(item.text) <= limits.MAX_REQUIREMENT_CHARS
    )
    items = document.requirements + statements
    binding = len(document.requirements)
    ids = sorted((r.id for r in requirement_set.requirements), key=len, reverse=True)
    id_pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    mentioned = [set(id_pattern.findall(item.text)) for item in items]
    undermining: dict[int, bool] = {}  # per item: whether its text undermines a requirement
    if contradictions:
        found_contradictions = list(_contradictions(document, requirement_set, lang))
        analysis.contradictions = [finding for _item, finding in found_contradictions]
        undermining = dict.fromkeys(map(id, document.items), False)
        undermining.update((id(item), True) for item, _finding in found_contradictions)
    undermines = functools.partial(_undermines, undermining, requirement_set, lang)
    texts = [_obligation_text(item) for item in items]
    open_groups = [{id(groups[i]) for i in gate.open_for(text.lower())} for text in texts]
    by_topic: dict[int, list[int]] = {}  # a topic group's id: the requirements it opens, in order
    for position, requirement in enumerate(requirement_set.requirements):
        for by_lang in compiled[requirement.id]:
            if by_lang:
                by_topic.setdefault(id(by_lang[0]), []).append(position)
    analysis.matches = {r.id: [] for r in requirement_set.requirements}
    known = set(analysis.matches)
    for index, (item, named) in enumerate(zip(items, mentioned, strict=True)):
        kind: Strength = "explicit" if index < binding else "mention"
        candidates = {p for group in open_groups[index] for p in by_topic.get(group, ())}
        explicit = (named | {item.implements}) & known if item.implements else named & known
        for requirement_id in explicit:
            said = kind != "explicit" or _speaks_of(
                compiled[requirement_id], texts[index], open_groups[index]
            )
            analysis.matches[requirement_id].append(Match(item, kind if said else "tagged"))
        if not candidates or _alternative_escape(texts[index]) is not None:
            continue  # "if a point cannot be met, describe an alternative" implements nothing
        if _about_personnel(texts[index], item.lead_in):
            continue
        internal = any(lexicon(lang).has("internal_api", texts[index]) for lang in LANGS)
        for position in sorted(candidates):
            requirement = requirement_set.requirements[position]
            if requirement.id in explicit:
                continue
            if internal and requirement.principle == "open-apis":
                continue  # APIs between the system's own parts are not open APIs
            strength = _cue_strength(compiled[requirement.id], texts[index], open_groups[index])
            if strength and undermines(item):
                if index >= binding:
                    continue  # a vendor's clause against it names it only to undermine it
                strength = "weak"  # a clause that also undermines is at most a lead to check
            if strength:
                analysis.matches[requirement.id].append(
                    Match(item, strength if index < binding else "mention")
                )
    return analysis


def _speaks_of(cues: tuple[tuple[_CueGroup, ...], ...], text: str, open_groups: set[int]) -> bool:
    """Whether `text` names anything one of a requirement's cue groups looks for, in either
    language (a requirement without cues is taken at its word)."""
    groups = [group for by_lang in cues for group in by_lang]
    return not groups or any(group.found_in(text, open_groups) for group in groups)


def _undermines(
    cache: dict[int, bool], requirement_set: RequirementSet, lang: str, item: SpecItem
) -> bool:
    """Whether `item` holds text that undermines a requirement, looked for once per item (or
    read from `cache`, filled in advance when every contradiction was collected)."""
    if id(item) not in cache:
        cache[id(item)] = next(_item_contradictions(item, requirement_set, lang), None) is not None
    return cache[id(item)]


class _CueGroup:
    """One group of a requirement's cues: its expression (compiled on first use: most groups
    never pass their word gate in a given document), and the words one of which a text must
    contain before the expression is worth running."""

    def __init__(
        self, source: str, needs: Needs | None, pattern: re.Pattern[str] | None = None
    ) -> None:
        self.source = source
        self.needs = needs
        self._pattern = pattern

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self.source, re.IGNORECASE)
        return self._pattern

    def found_in(self, text: str, open_groups: set[int]) -> bool:
        """Whether the group matches `text`; `open_groups` (ids of groups whose words the text
        contains, from a `WordGate`) saves running most expressions."""
        return id(self) in open_groups and self.pattern.search(text) is not None


@functools.lru_cache(maxsize=4096)
def _compile_cues(cues: Cues) -> tuple[tuple[_CueGroup, ...], ...]:
    """Per language, one alternation per group, compiled once per distinct set of cues (the
    built-in sets' cues, known to compile, when first needed)."""
    compiled = []
    for lang in LANGS:
        groups = []
        for group in getattr(cues, lang):
            valid = [term for term in group if not cue_problem(term)]  # else RS002 reports it
            if not valid:
                continue
            needs = needed_any([t.lstrip("*") for t in valid])
            if all(known_safe(term) for term in valid):
                groups.append(_CueGroup(cue_group(valid), needs))
                continue
            try:
                pattern = re.compile(cue_group(valid), re.IGNORECASE)
            except re.error:  # a term only the compiler refuses; RS002 names it
                valid = [term for term in valid if not cue_problem(term, compiled=True)]
                pattern = re.compile(cue_group(valid), re.IGNORECASE)
            if valid:
                groups.append(_CueGroup(pattern.pattern, needs, pattern))
        compiled.append(tuple(groups))
    return tuple(compiled)


def _cue_strength(
    cues: tuple[tuple[_CueGroup, ...], ...], text: str, open_groups: set[int]
) -> Strength | None:
    """Strong when one language's groups all match; weak (possibly covered: a person should
    look) when the first group, the requirement's topic, matches without the rest. Real texts
    name a topic in words no cue list foresees, so the topic alone is a lead, never a `met`."""
    best: Strength | None = None
    for groups in cues:
        if not groups or not groups[0].found_in(text, open_groups):
            continue
        if all(group.found_in(text, open_groups) for group in groups[1:]) and _in_one_sentence(
            groups, text
        ):
            return "strong"
        best = "weak"
    return best


def _in_one_sentence(groups: tuple[_CueGroup, ...], text: str) -> bool:
    """Whether a requirement of one or two sentences, or one sentence of a longer passage,
    matches every group. In a passage (a section flattened into one item) words far apart say
    little: "The vendor must own and support its software. … the data integrity is protected"
    names owning and data, but not owning data."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    if len(ends) < 2:
        return True
    start = 0
    for end in [*ends, len(text)]:
        sentence = text[start : end + 1]
        if all(group.pattern.search(sentence) for group in groups):
            return True
        start = end + 1
    return False


def _in_quotes(text: str, start: int) -> bool:
    return any(m.start() < start < m.end() for m in _QUOTES.finditer(text))


def _negated(lex: Lexicon, text: str, start: int, end: int) -> bool:
    """A negation in the same clause just before the match, or inside it, cancels it."""
    return lex.has("negation", text[_clause_start(text, start) : end])


def _clause_start(text: str, start: int) -> int:
    """Where the 45 characters before `start` begin, or the clause holding `start` if later."""
    return max(max(text.rfind(sep, 0, start) for sep in (".", ";", "!", "?", ":")) + 1, start - 45)


def clause_negated(
    lex: Lexicon, text: str, match: re.Match[str], *, own_negation: bool = False
) -> bool:
    """A negation just before a clause's match, or inside it (unless the pattern holds a
    negation of its own, `Contradiction.own_negation`), cancels it, unless the negation
    sits in a subordinate clause that closes before the match or inside it: "data, which no
    longer identifies anyone, … to improve our models", "Den data …, som inte är personliga,
    kan vi sammanställa" and "provided (a) Provider has no good faith basis … and (b) Customer
    pre-pays fees" negate nothing around them, while "… and shall not use it for product
    development" and "… som är tillgänglig utan sekretessavtal" do."""
    before = _clause_start(text, match.start())
    for negation in lex.find("negation", text[before : match.start()]):
        at = before + negation.start()
        clause_start = max(before, *(text.rfind(sep, 0, at) + 1 for sep in (",", ";")))
        closed = _CLAUSE_BREAK.search(text, before + negation.end(), match.start())
        if not (closed and _SUBORDINATE.search(text, clause_start, at)):
            return True
    if own_negation:
        return False
    for negation in lex.find("negation", text[match.start() : match.end()]):
        at = match.start() + negation.start()
        opened = text.rfind("(", match.start(), at)
        if (
            opened >= 0
            and text.rfind(")", opened, at) < 0
            and 0 <= text.find(")", at) < match.end()
        ):
            continue  # "(but not Customer Content)": a closed aside negates nothing around it
        clause_start = max(match.start(), *(text.rfind(sep, 0, at) + 1 for sep in (",", ";")))
        closed = _CLAUSE_BREAK.search(text, match.start() + negation.end(), match.end())
        if not (closed and _SUBORDINATE.search(text, clause_start, at)):
            return True
    return False


_CLAUSE_BREAK = re.compile(r"[,;]|\((?:[a-h]|i{1,3}|iv|v|\d{1,2})\)")
"""What ends a subordinate clause inside a match: a comma, a semicolon, or an enumerator "(b)"."""


_SUBORDINATE = re.compile(
    r"\b(which|who|whom|whose|provided|unless|except|if|where|when|som|vilken|vilket|vilka"
    r"|förutsatt|såvida|utom|när|där)\b",
    re.IGNORECASE,
)


def _targets(
    undermines: tuple[str, ...], fallback: tuple[str, ...], requirement_set: RequirementSet
) -> list[str | None]:
    """Every undermined requirement the set has; else the first fallback it has; else none."""
    present = [i for i in undermines if requirement_set.get(i) is not None]
    if present:
        return list(present)
    for requirement_id in fallback:
        if requirement_set.get(requirement_id) is not None:
            return [requirement_id]
    return [None]


def _contradictions(
    document: SpecDocument, requirement_set: RequirementSet, lang: str
) -> Iterator[tuple[SpecItem, Finding]]:
    hidden = [SpecItem(text, location) for location, text in document.hidden_text]
    referred = _Referred(document, requirement_set)
    for item in (*document.items, *document.unlisted, *hidden):  # hidden text too: whether
        for finding in _item_contradictions(item, requirement_set, lang, referred=referred):
            yield item, finding  # a viewer shows it is not for proccheck to bet on (SP011)
    for item, joined, boundary in _continued(document):
        for finding in _item_contradictions(
            joined, requirement_set, lang, across=boundary, referred=referred
        ):
            yield item, finding


class _Referred:
    """The set requirements a clause undermines when its kind names none of its own
    (`Contradiction.by_reference`): those implemented by the specification's requirements it
    names by id ("Krav K2 anses uppfyllt om …"), else those its own sentence implements."""

    def __init__(self, document: SpecDocument, requirement_set: RequirementSet) -> None:
        self._document = document
        self._requirement_set = requirement_set
        self._items: dict[str, list[SpecItem]] | None = None
        self._refs: re.Pattern[str] | None = None

    def __call__(self, sentence: str) -> list[str]:
        if self._items is None:
            self._items = {}
            for item in self._document.requirements:
                if item.ref:
                    self._items.setdefault(item.ref, []).append(item)
            refs = sorted(self._items, key=len, reverse=True)
            self._refs = (
                re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, refs)) + r")(?![\w-])")
                if refs
                else None
            )
        named = (
            [item for ref in self._refs.findall(sentence) for item in self._items[ref]]
            if self._refs
            else []
        )
        found: list[str] = []
        for item in named:
            if item.implements and self._requirement_set.get(item.implements) is not None:
                found.append(item.implements)
            found += self._implemented(_obligation_text(item))
        if not named:
            found = self._implemented(sentence)
        return list(dict.fromkeys(found))

    def in_full(self, requirement_id: str, item: SpecItem) -> bool:
        """Whether a must-requirement other than `item` implements the set requirement with
        nothing narrowed or deferred in its own words: "K4. … API för sökning i diariet"
        beside "K3. … stödja öppna API:er" adds a specific API rather than narrowing K3."""
        for other in self._document.requirements:
            if other.text == item.text or other.level != "must":
                continue
            text = _obligation_text(other)
            if other.implements != requirement_id and requirement_id not in self._implemented(text):
                continue
            if not any(
                contradiction.in_requirement and pattern.search(other.text)
                for lang in LANGS
                for contradiction, pattern in lexicon(lang).undermining_in(other.text)
            ):
                return True
        return False

    def _implemented(self, text: str) -> list[str]:
        """The set requirements all of whose cue groups `text` matches."""
        found = []
        for requirement in self._requirement_set.requirements:
            cues = _compile_cues(requirement.cues)
            groups = {id(group) for by_lang in cues for group in by_lang}
            if _cue_strength(cues, text, groups) == "strong":
                found.append(requirement.id)
        return found


_SENTENCE_ENDS = frozenset(".!?;)]\"'”’")
_LEAD_IN_END = re.compile(
    r"\s*\b(?:(?:följande|nedanstående|nedan|the following|as follows|the following rights)\s*)?:\s*$",
    re.IGNORECASE,
)
_JOINED_ITEMS = 50
"""List items read with one lead-in: more is no real clause."""


def _continued(document: SpecDocument) -> Iterator[tuple[SpecItem, SpecItem, int]]:
    """A clause split over items, read whole: a paragraph that stops mid-sentence with the
    next starting in lower case ("Leverantören behåller" ⏎ "äganderätten till all data"), and
    a lead-in with a colon joined to each lower-case list item below it ("Leverantören
    förbehåller sig följande:" ⏎ "1. äganderätten till all data"). Each as (the first item,
    the joined item, the offset where the second part starts): only a match across that
    point is new."""
    ordered = sorted(
        (*document.items, *document.unlisted), key=lambda item: item.location.line or 0
    )
    for index, first in enumerate(ordered):
        text = first.text.rstrip()
        if not text or first.location.line is None or text[-1] in _SENTENCE_ENDS:
            continue  # the usual case, told by its last character
        lead_in = _LEAD_IN_END.search(text) if text[-1] == ":" else None
        head = text[: lead_in.start()] if lead_in else text
        following = ordered[index + 1 : index + 1 + (_JOINED_ITEMS if lead_in else 1)]
        for second in following:
            if not second.text[:1].islower():
                break
            yield first, _joined(first, head, second), len(head) + 1


def _joined(first: SpecItem, head: str, second: SpecItem) -> SpecItem:
    """`first` (read as `head`) and `second` as one item, each part keeping its lines."""
    offset = len(head) + 1
    second_starts = second.line_starts or ((0, second.location.line or 0),)
    return dataclasses.replace(
        first,
        text=f"{head} {second.text}",
        line_starts=(first.line_starts or ((0, first.location.line or 0),))
        + tuple((start + offset, line) for start, line in second_starts),
        hidden=(),
        level=None,
    )


def _item_contradictions(
    item: SpecItem,
    requirement_set: RequirementSet,
    lang: str,
    *,
    across: int | None = None,
    referred: _Referred | None = None,
) -> Iterator[Finding]:
    """The text of one item that undermines requirements of the set, one finding each; with
    `across`, only a match that runs over that offset (a clause split over two items). A kind
    that narrows a requirement's own wording is read only in a must-requirement; one that
    names no requirement of its own undermines those `referred` finds (without it: one
    finding with no requirement, enough to tell that the item undermines something)."""
    kinds: set[str] = set()
    shown = blank_links(item.text)  # a host name or address is not a term or a brand
    if any(lexicon(lang).has("rejection", shown) for lang in LANGS):
        return  # the text rejects or reports such terms rather than imposing them
    beside = [dataclasses.replace(item, text=f"{item.text}: {item.beside}")] if item.beside else []
    for read in (item, *_split_at_hidden(item), *beside):
        text = blank_links(read.text)
        for text_lang in LANGS:
            lex = lexicon(text_lang)
            for contradiction, pattern in lex.undermining_in(text):
                if contradiction.kind in kinds:
                    continue  # one finding per kind and text: its first pattern that matches
                if contradiction.in_requirement and read.level != "must":
                    continue
                match = pattern.search(text)
                if not match or _in_quotes(text, match.start()):
                    continue
                if across is not None and not match.start() < across < match.end():
                    continue
                if clause_negated(lex, text, match, own_negation=contradiction.own_negation):
                    continue
                if contradiction.unless and contradiction.unless.search(_sentence(text, match)):
                    continue
                sentence = _sentence(text, match)
                targets: list[str | None] = _targets(
                    contradiction.undermines, contradiction.fallback, requirement_set
                )
                if contradiction.by_reference:  # in a requirement: the one it is part of
                    about = text if contradiction.in_requirement else sentence
                    targets = list(referred(about)) if referred else [None]
                if contradiction.kind in _REFINEMENTS and referred:
                    targets = [t for t in targets if t is None or not referred.in_full(t, item)]
                if not targets:
                    continue  # it speaks of no requirement of the set, or another meets it
                doubt = contradiction.doubt is not None and contradiction.doubt.search(sentence)
                kinds.add(contradiction.kind)
                for target in targets:
                    yield _contradiction_finding(
                        read, contradiction.kind, target, match, lang, doubtful=bool(doubt)
                    )
    if "compatible-with-product" not in kinds and item.is_requirement and across is None:
        for brand in _brands_without_equivalent(shown, item.lead_in or ""):
            for target in _targets(("OS-08",), ("OPEN-STANDARDS",), requirement_set):
                yield _contradiction_finding(item, "brand-without-equivalent", target, brand, lang)


_REFINEMENTS = frozenset({"api-narrowed", "requirement-deferred"})
"""Kinds that narrow or defer a requirement in its own words: an extra, specific
requirement ("ett API för sökning i diariet", "senast 2027 stödja REST API-profilen")
undermines nothing when another must-requirement asks for the principle in full."""

_SENTENCE_END = re.compile(r"[.;!?\n]")


def _sentence(text: str, match: re.Match[str]) -> str:
    """The sentence (to the nearest `.`, `;`, `!`, `?` or line break each side) a match is in."""
    start = max(
        (found.end() for found in _SENTENCE_END.finditer(text, 0, match.start())), default=0
    )
    after = _SENTENCE_END.search(text, match.end())
    return text[start : after.start() if after else len(text)]


def _split_at_hidden(item: SpecItem) -> list[SpecItem]:
    """The item read with a space wherever an invisible character stood inside a word, when
    one did: "behåller\u2062äganderätten" shows as two words in many readers, and a clause
    that undermines a requirement must not hide behind the joined reading (which stays the
    only one that can make a requirement met)."""
    if not item.hidden:
        return []
    pieces, last = [], 0
    for offset in item.hidden:
        pieces += [item.text[last:offset], " "]
        last = offset
    pieces.append(item.text[last:])
    starts = tuple(
        (offset + bisect.bisect_left(item.hidden, offset), line)
        for offset, line in item.line_starts
    )
    return [dataclasses.replace(item, text="".join(pieces), line_starts=starts, hidden=())]


_PARTY = re.compile(r"\s+(shall|will|may|must|ska|skall|får|kommer att)\b", re.IGNORECASE)


def _brands_without_equivalent(text: str, lead_in: str = "") -> Iterator[re.Match[str]]:
    """The first product or brand of each sentence that the item demands without "or
    equivalent" (a flattened table holds one requirement a sentence); not one given as an
    example or as what a person knows (in its sentence, or in the lead-in of its list:
    "The consultant shall have knowledge of: • Azure DevOps")."""
    for text_lang in LANGS:
        lex = lexicon(text_lang)
        if lex.has("equivalent", text):
            return
    sentences: set[int] = set()
    for text_lang in LANGS:
        lex = lexicon(text_lang)
        found = lex.find("brands", text)
        parties = {m.group().lower() for m in found if _PARTY.match(text, m.end())}
        for match in found:
            if match.group().lower() in parties:
                continue  # the vendor's own name in its own terms ("Okta shall return …")
            sentence = _sentence_start(text, match.start())
            before = text[max(sentence, match.start() - 80) : match.start()]
            if (
                _in_quotes(text, match.start())
                or _negated(lex, text, match.start(), match.end())
                or any(lexicon(lang).has("example", before) for lang in LANGS)
                or any(  # "(t.ex. Qlikview)": the abbreviation's own dot ends no sentence
                    lexicon(lang).has("example", text[max(0, match.start() - 12) : match.start()])
                    for lang in LANGS
                )
                or any(
                    lexicon(lang).has("competence", context)
                    for lang in LANGS
                    for context in (_sentence_at(text, sentence, match.start()), lead_in)
                )
                or _ANNEX_TITLE.search(text, sentence, match.start())
            ):
                continue  # an example, or what a person has experience of
            if _OPEN_FORMAT.search(text, max(0, match.start() - 40), match.end() + 40):
                continue  # one choice beside open formats ("CSV, Excel, or JSON") binds to none
            if sentence not in sentences:
                sentences.add(sentence)
                yield match


_SENTENCE_END = re.compile(r"[.!?]\s+(?![a-zåäö])")


_ANNEX_TITLE = re.compile(r"\b(bilaga|appendix|annex|attachment|exhibit) \d+\b", re.IGNORECASE)
"""An annex's title before a product name ("Bilaga 3, W3D3 Avtal – Användarmanual") names a
document, not a demand."""


def _sentence_at(text: str, start: int, offset: int) -> str:
    """The whole sentence that starts at `start` and holds `offset`."""
    end = _SENTENCE_END.search(text, offset)
    return text[start : end.start() + 1 if end else len(text)]


def _sentence_start(text: str, offset: int) -> int:
    """Where the sentence holding `offset` starts: after a stop that is followed by anything
    but a small letter, so the dots of "e.g., Word" or "bl.a. att" end no sentence."""
    start = 0
    for end in _SENTENCE_END.finditer(text, 0, offset):
        start = end.end()
    return start


_OPEN_FORMAT = re.compile(r"\b(csv|json|xml|odf|ods|odt|txt|pdf/a)\b", re.IGNORECASE)


CONTRADICTIONS: dict[str, tuple[str, str]] = {
    "vendor-owns-data": (
        N_('{where}: the text gives the vendor ownership of the data ("{phrase}")'),
        N_("Remove the text; state that the buyer owns all data, including metadata and logs."),
    ),
    "export-at-cost": (
        N_('{where}: export or return of data costs extra ("{phrase}")'),
        N_("State that export and return of all data is included at no extra cost."),
    ),
    "vendor-format": (
        N_(
            '{where}: data is delivered only in the vendor\'s own format, or in one a machine cannot read ("{phrase}")'
        ),
        N_("Demand open, documented, machine-readable formats (CSV, JSON, XML) instead."),
    ),
    "compatible-with-product": (
        N_('{where}: compatibility with a product instead of an open standard ("{phrase}")'),
        N_("Name the open standard to support (e.g. ODF, PDF/A, OIDC) instead of the product."),
    ),
    "brand-without-equivalent": (
        N_('{where}: the product or brand "{phrase}" is named without "or equivalent"'),
        N_('Add "or equivalent", or describe the function or standard instead of the product.'),
    ),
    "vendor-reuses-data": (
        N_('{where}: the vendor may use the buyer\'s data for its own purposes ("{phrase}")'),
        N_("Remove the text; state that data may be processed only to deliver the service."),
    ),
    "api-fee": (
        N_('{where}: API access costs extra ("{phrase}")'),
        N_("Demand that API access is included in the price, without licence or transaction fees."),
    ),
    "api-nda": (
        N_(
            '{where}: the API documentation is given only under a non-disclosure agreement ("{phrase}")'
        ),
        N_("Demand a published, machine-readable API description (OpenAPI) without an NDA."),
    ),
    "ui-only-access": (
        N_(
            '{where}: the data can be reached only through the vendor\'s user interface ("{phrase}")'
        ),
        N_(
            "Demand that all data can be read and exported through documented APIs and open file formats as well."
        ),
    ),
    "export-limited": (
        N_(
            '{where}: export of data is rationed, has to be ordered from the vendor, or comes only with a separate plan or agreement ("{phrase}")'
        ),
        N_(
            "State that the buyer can export all data itself at any time, in every plan, without ordering it from the vendor."
        ),
    ),
    "api-conditional": (
        N_('{where}: API access needs a separate plan, licence or agreement ("{phrase}")'),
        N_(
            "Demand that API access is part of the offered service, with no separate plan or agreement."
        ),
    ),
    "data-narrowed": (
        N_(
            "{where}: a definition narrows what counts as the buyer's data, so ownership and "
            'export cover less than all of it ("{phrase}")'
        ),
        N_(
            "Define the buyer's data as all data the service holds or produces for the buyer, "
            "logs, metadata and usage data included."
        ),
    ),
    "api-partial": (
        N_('{where}: only part of the data can be read through the APIs ("{phrase}")'),
        N_("Demand that all data stored in the service can be read through the APIs."),
    ),
    "api-restricted": (
        N_(
            "{where}: the vendor decides who may use the APIs and for what (only partners or "
            "integrations it has approved, or the buyer may not build or publish software that "
            'uses them) ("{phrase}")'
        ),
        N_(
            "Demand that the buyer, and anyone the buyer appoints, may use the APIs and build and "
            "share software for them, without the vendor's approval."
        ),
    ),
    "buyer-rights-denied": (
        N_('{where}: the text denies the buyer rights to its own data ("{phrase}")'),
        N_("Remove the text; state that the buyer owns all data and keeps every right to it."),
    ),
    "data-withheld": (
        N_(
            "{where}: the vendor may hold back the buyer's data until a fee or invoice is "
            'paid ("{phrase}")'
        ),
        N_(
            "State that the buyer's data is handed back on request at any time, whatever the "
            "state of payments; a payment dispute is settled separately."
        ),
    ),
    "api-withdrawable": (
        N_('{where}: the vendor may change or close the APIs at will, without notice ("{phrase}")'),
        N_(
            "Demand versioned APIs whose changes and withdrawal are announced well in advance "
            "(e.g. twelve months), with the old version kept meanwhile."
        ),
    ),
    "vendor-client": (
        N_(
            "{where}: the system can be used only through the vendor's own client program or "
            'on one platform ("{phrase}")'
        ),
        N_(
            "Demand that the system works in a standard web browser on any platform, without "
            "special client software."
        ),
    ),
    "data-transfer-indemnity": (
        N_(
            "{where}: the buyer must indemnify the vendor for exporting its own data or handing "
            'it to others, which makes moving the data a risk for the buyer ("{phrase}")'
        ),
        N_(
            "Remove the text; the buyer may export its data and hand it to anyone it chooses "
            "without liability towards the vendor."
        ),
    ),
    "data-escrowed": (
        N_(
            "{where}: the buyer gets its data only on an event on the vendor's side (bankruptcy, "
            'liquidation, ceasing business), not whenever it asks ("{phrase}")'
        ),
        N_(
            "State that the buyer can export all its data itself at any time and gets it back at "
            "the end of the contract; an escrow may come on top of that, never in its place."
        ),
    ),
    "data-unstructured": (
        N_(
            "{where}: the data is handed back as it stands, with no promise of structure, "
            'documentation or a usable format ("{phrase}")'
        ),
        N_(
            "State that the data is handed back complete, in open, documented, machine-readable "
            "formats that keep its structure, with a description of the data model."
        ),
    ),
    "model-unpublished": (
        N_(
            "{where}: the data model, schema or format the data is kept in is not published, so "
            'the data cannot be read without the vendor ("{phrase}")'
        ),
        N_(
            "Demand that the data model and every format used to store or export the data are "
            "documented and published to the buyer, without an NDA."
        ),
    ),
    "deleted-without-return": (
        N_(
            "{where}: the vendor may delete the buyer's data without first handing it back or "
            'letting the buyer export it ("{phrase}")'
        ),
        N_(
            "State that the vendor deletes the data only after the buyer has confirmed that a "
            "complete export or return has been received, and certifies the deletion in writing."
        ),
    ),
    "data-moved-without-consent": (
        N_(
            "{where}: the vendor may move the buyer's data to sub-processors or to another "
            "country without the buyer's consent, so the buyer no longer controls where its data "
            'is or who handles it ("{phrase}")'
        ),
        N_(
            "State where the data is stored and processed (e.g. within the EU/EEA), and that "
            "sub-processors and any transfer to a third country need the buyer's prior written "
            "consent and must follow chapter V of the GDPR."
        ),
    ),
    "data-handover-vendor-consent": (
        N_(
            "{where}: the buyer needs the vendor's consent to hand its own data to another "
            'vendor or a third party, so the vendor decides over the buyer\'s data ("{phrase}")'
        ),
        N_(
            "Remove the text; the buyer may hand its data to anyone it chooses, a new vendor "
            "included, without asking the vendor."
        ),
    ),
    "buyer-right-lapses": (
        N_(
            "{where}: the buyer's right to its data ends (at a deadline or with the contract), "
            'so data not fetched in time is lost to the buyer ("{phrase}")'
        ),
        N_(
            "State that the buyer's right to its data has no end date; a deadline may apply to "
            "how long the vendor keeps a copy, never to the buyer's right to the data."
        ),
    ),
    "open-standard-redefined": (
        N_(
            '{where}: the text stretches "open standard" to cover the vendor\'s own or '
            "proprietary formats, so the requirement for open standards can be met with formats "
            'only the vendor controls ("{phrase}")'
        ),
        N_(
            "Define an open standard as one that is published, free to use and maintained "
            "independently of any one vendor (e.g. the criteria of the European Interoperability "
            "Framework or DIGG), and do not count the vendor's own formats as open."
        ),
    ),
    "requirement-deemed-met": (
        N_(
            "{where}: a requirement counts as met if the vendor follows its own rules or "
            'judgement, so the vendor alone decides whether it is met ("{phrase}")'
        ),
        N_(
            "Remove the text; whether a requirement is met is judged against the requirement "
            "itself, on evidence the buyer can check."
        ),
    ),
    "vendor-discretion": (
        N_(
            "{where}: the requirement applies only as far as the vendor finds it commercially "
            'reasonable or sees fit, so the vendor decides whether to meet it ("{phrase}")'
        ),
        N_("Remove the qualification; if there are real exceptions, name them in the requirement."),
    ),
    "data-excluded": (
        N_(
            "{where}: part of the buyer's data (logs, metadata, history and the like) is never "
            'handed to the buyer, so it does not get all its data ("{phrase}")'
        ),
        N_(
            "State that all data, logs, metadata and history included, is handed to the buyer "
            "on request and at the end of the contract, before any deletion."
        ),
    ),
    "data-scope-entered": (
        N_(
            "{where}: the requirement covers only the data the buyer enters itself, not logs, "
            'metadata or the data the system creates ("{phrase}")'
        ),
        N_(
            "Let the requirement cover all data in the system, whoever or whatever creates it, "
            "logs, metadata and generated data included."
        ),
    ),
    "api-narrowed": (
        N_(
            "{where}: the requirement for open APIs covers only reading one kind of "
            'information, not the data as a whole ("{phrase}")'
        ),
        N_(
            "Demand open APIs through which all data in the system can be read, created and "
            "updated."
        ),
    ),
    "requirement-deferred": (
        N_(
            "{where}: the requirement applies only from a later date or version, so the system "
            'delivered need not meet it until then ("{phrase}")'
        ),
        N_(
            "Demand that the requirement is met at delivery; if a later date is really needed, "
            "put it within the contract period and tie a sanction to it."
        ),
    ),
    "requirement-applies-later": (
        N_(
            "{where}: the requirement applies only from a later date or version, so the system "
            'delivered need not meet it until then ("{phrase}")'
        ),
        N_(
            "Demand that the requirement is met at delivery; if a later date is really needed, "
            "put it within the contract period and tie a sanction to it."
        ),
    ),
    "vendor-terms-prevail": (
        N_('{where}: the vendor\'s own terms take precedence over the requirements ("{phrase}")'),
        N_(
            "Remove the text; the procurement documents and the requirements take precedence "
            "over any terms of the vendor's."
        ),
    ),
}
"""Per kind of undermining text (the lexicon's contradiction kinds): the message and the fix."""


def _contradiction_finding(
    item: SpecItem,
    kind: str,
    target: str | None,
    match: re.Match[str],
    lang: str,
    *,
    doubtful: bool = False,
) -> Finding:
    """The finding of a clause of `kind`; `doubtful` (`Contradiction.doubt`): a lead to check,
    not a breach."""
    lang_: Lang = "sv" if lang == "sv" else "en"
    message, fix = CONTRADICTIONS[kind]
    return requirement_undermined.finding(
        requirement=target,
        severity="warning" if doubtful else "error",
        outcome="not_verified" if doubtful else "not_met",
        message=_(
            lang_, message, where=_where(item, match, lang_), phrase=_whole_words(item.text, match)
        ),
        location=item.location_at(match.start(), match.end() - 1),
        evidence=excerpt(item.text, match.start(), match.end()),
        fix=_(lang_, fix),
    )


def _where(item: SpecItem, match: re.Match[str], lang: Lang) -> str:
    """The item's own id, or the lines of the match itself (a paragraph spans several lines)."""
    line = item.line_at(match.start())
    if item.ref or line is None or item.location.page is not None:
        return item.describe(lang)
    last = item.line_at(match.end() - 1)
    if last is not None and last > line:
        return _(lang, "lines {first}–{last}", first=line, last=last)
    return _(lang, "line {line}", line=line)


_WORD_REST = re.compile(r"\w*")


def _whole_words(text: str, match: re.Match[str]) -> str:
    """The matched phrase extended to the end of its last word ("återlämn" -> "återlämnandet")."""
    end = _WORD_REST.match(text, match.end())
    return text[match.start() : end.end() if end else match.end()].strip()


_LEADS: dict[str, tuple[str, str]] = {
    "weak": (
        N_(
            "{requirement} ({title}) is possibly covered by {where}: it names the topic but not all that the requirement asks for. Check it against the set's text: {text}"
        ),
        N_(
            "Write the requirement in full, or mark it with `implements: {requirement}` / the id in the text."
        ),
    ),
    "mention": (
        N_(
            "{requirement} ({title}) is named in {where}, but not as a requirement (no shall, must or should). Check whether it binds the vendor: {text}"
        ),
        N_("Word it as a requirement (the Supplier shall …) or declare it as Skall/Mandatory."),
    ),
    "tagged": (
        N_(
            "{requirement} ({title}) is marked as implemented by {where}, but the text of {where} does not say anything {requirement} asks for. Check it against the set's text: {text}"
        ),
        N_(
            "Write the requirement so that its text says what {requirement} asks for, or remove the mark `{requirement}`."
        ),
    ),
}
"""Per kind of lead (`Match.strength`): the message and the fix of a requirement that is only
possibly covered."""


def _doc_location(document: SpecDocument) -> Location:
    return Location(path=document.path, line=1)


# --- the checks -------------------------------------------------------------------------------


@register(
    "SP001",
    "requirement-missing",
    title_en="A requirement of the set is missing from the specification",
    title_sv="Ett krav i kravuppsättningen saknas i kravspecifikationen",
    kind="spec",
    severity="error",
)
def requirement_missing(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports requirements of the set that no requirement of the specification implements.

    What it checks
    Every requirement of the chosen set is implemented by a requirement of the specification:
    by explicit reference (`implements: DO-02`, or the id in the text) in a requirement whose
    text names something the set requirement asks for (a mark on text about something else is
    only a lead: not verified, quoting the line), or by meaning, when a requirement sentence
    contains a term from every group of the set requirement's detection cues (in Swedish or
    English), matched as words, not inside other words or web addresses.
    A requirement whose topic is named but not everything it asks for is reported as possibly
    covered (not verified, never met), quoting the line to read; so is one named only in text
    not worded as a requirement (a statement of fact, an explanation). A clause that lets the vendor
    describe an alternative, a clause that gives the vendor the data, and APIs between the
    system's own parts never implement a requirement.

    Why it matters
    A must-requirement that is not in the tender documents cannot be demanded later: under LOU
    the buyer may only evaluate and reject bids on requirements that were published. A missing
    data-ownership or exit requirement leaves the municipality locked in for the whole contract.

    How to comply
    Add the requirement, using the set's text as a model (`proccheck sets show REF --resolved`),
    or mark an existing requirement that implements it with `implements: ID` (structured specs)
    or by writing the id in the text.

    References
    - LOU (2016:1145) 4 kap. 1 § (principles of equal treatment and transparency).
    - Upphandlingsmyndigheten: kravbibliotek and guidance on writing requirements.
    """
    analysis = ctx.analysis
    if not document.requirements:  # not a specification: one reason, SP007 says the rest
        for requirement in ctx.requirement_set.requirements:
            yield requirement_missing.finding(
                requirement=requirement.id,
                severity="note",
                outcome="not_met",
                message=_(ctx.lang, "the document holds no requirements at all"),
                location=_doc_location(document),
            )
        return
    for requirement in ctx.requirement_set.requirements:
        if analysis.implementing(requirement.id):
            continue
        title = requirement.title.get(ctx.lang)
        leads = (
            analysis.tagged(requirement.id)
            or analysis.weak(requirement.id)
            or analysis.mentions(requirement.id)
        )
        if leads:  # possibly covered: a person should read the line
            message, fix = _LEADS[leads[0].strength]
            yield requirement_missing.finding(
                requirement=requirement.id,
                severity="warning",
                outcome="not_verified",
                message=_(
                    ctx.lang,
                    message,
                    requirement=requirement.id,
                    title=title,
                    where=leads[0].item.describe(ctx.lang),
                    text=requirement.text.get(ctx.lang),
                ),
                location=leads[0].item.location,
                evidence=leads[0].item.text,
                fix=_(ctx.lang, fix, requirement=requirement.id),
            )
            continue
        yield requirement_missing.finding(
            requirement=requirement.id,
            severity="error" if requirement.level == "must" else "warning",
            outcome="not_met",
            message=_(
                ctx.lang,
                "{requirement} ({title}) is missing from the specification",
                requirement=requirement.id,
                title=title,
            ),
            location=_doc_location(document),
            fix=_(
                ctx.lang,
                "Add the requirement, for example: {text}",
                text=requirement.text.get(ctx.lang),
            ),
        )


@register(
    "SP002",
    "must-requirement-weakened",
    title_en="A must-requirement is written as a should or with an escape clause",
    title_sv="Ett skall-krav är skrivet som bör-krav eller med ett förbehåll",
    kind="spec",
    severity="error",
)
def requirement_weakened(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports must-requirements of the set that the specification only asks for weakly.

    What it checks
    Each must-requirement of the set that the specification implements is worded as a must
    (ska, skall, måste, krävs / shall, must, is required) or declared as Skall. If every
    implementing requirement is a should (bör, önskvärt, meriterande / should, preferably), the
    requirement is not met. If it is a must but only with an escape clause (om möjligt, i
    möjligaste mån / where possible, if feasible), it is present but not enforceable as written.
    So is every must-requirement of a section that says the vendor may describe an alternative
    when a point cannot be met ("om en punkt inte kan uppfyllas ska leverantören beskriva ett
    likvärdigt sätt"). A must is read from ska/skall/måste/shall/must and also from statements
    such as "Kommunen äger all data", "the Contractor agrees that", "will", a Skall/Mandatory
    type column, and list items under a must lead-in ("… uppfyller följande:").

    Why it matters
    A should-requirement only earns evaluation credit; a bid that ignores it cannot be rejected.
    An escape clause lets every vendor answer "yes" without committing to anything.

    How to comply
    Write the requirement with ska/skall (shall/must) and remove the escape clause; if there are
    real exceptions, name them precisely.

    References
    - Upphandlingsmyndigheten: obligatoriska krav (skall-krav) and utvärderingskriterier.
    """
    analysis = ctx.analysis
    reported: set[str] = set()
    for requirement in ctx.requirement_set.requirements:
        if requirement.level != "must":
            continue
        matches = analysis.implementing(requirement.id)
        if not matches:
            continue
        musts = [m.item for m in matches if m.item.level == "must"]
        if not musts:
            item = matches[0].item
            reported.add(requirement.id)
            where = item.describe(ctx.lang)
            location = item.location
            if item.lead_line is not None and location.page is None:  # the should is written
                # in the lead-in above the list, not in the item
                where = _(
                    ctx.lang,
                    "{item} (under the lead-in on line {line})",
                    item=where,
                    line=item.lead_line,
                )
                location = location.model_copy(update={"line": item.lead_line})
            yield requirement_weakened.finding(
                requirement=requirement.id,
                severity="error",
                outcome="not_met",
                message=_(
                    ctx.lang,
                    "{requirement} is a must-requirement but {where} only asks for it as a should",
                    requirement=requirement.id,
                    where=where,
                ),
                location=location,
                evidence=item.text,
                fix=_(ctx.lang, "Write the requirement with shall/must and declare it as a must."),
            )
            continue
        escaped = [(item, _escape_clause(item)) for item in musts]
        if all(clause for _unused, clause in escaped):
            item, clause = escaped[0]
            assert clause is not None
            reported.add(requirement.id)
            yield _escape_finding(
                requirement.id,
                item,
                clause,
                _(
                    ctx.lang,
                    '{requirement} is in {where} but with the escape clause "{phrase}", so it cannot be enforced',
                    requirement=requirement.id,
                    where=item.describe(ctx.lang),
                    phrase=clause.group(0),
                ),
                _(
                    ctx.lang,
                    'Remove "{phrase}"; state any real exceptions explicitly.',
                    phrase=clause.group(0),
                ),
            )
    yield from _set_aside(document, ctx, reported)


def _escape_finding(
    requirement: str, item: SpecItem, clause: re.Match[str], message: str, fix: str
) -> Finding:
    """SP002 for a must that is present but can be escaped: not verified, at the clause."""
    return requirement_weakened.finding(
        requirement=requirement,
        severity="warning",
        outcome="not_verified",
        message=message,
        location=item.location_at(clause.start()),
        evidence=excerpt(item.text, clause.start(), clause.end()),
        fix=fix,
    )


def _set_aside(document: SpecDocument, ctx: SpecContext, reported: set[str]) -> Iterator[Finding]:
    """A clause such as "if a point cannot be met, describe an equivalent way" weakens every
    must-requirement of its section (of the whole text when it stands under no heading)."""
    for escape_item in document.items:
        clause = _alternative_escape(blank_links(escape_item.text))
        if clause is None:
            continue
        for requirement in ctx.requirement_set.requirements:
            if requirement.level != "must" or requirement.id in reported:
                continue
            matches = ctx.analysis.implementing(requirement.id)
            if not any(
                escape_item.heading is None or m.item.heading == escape_item.heading
                for m in matches
            ):
                continue
            reported.add(requirement.id)
            yield _escape_finding(
                requirement.id,
                escape_item,
                clause,
                _(
                    ctx.lang,
                    '{requirement} can be set aside: {where} lets the vendor describe an alternative instead ("{phrase}")',
                    requirement=requirement.id,
                    where=_where(escape_item, clause, ctx.lang),
                    phrase=clause.group(0),
                ),
                _(
                    ctx.lang,
                    "Remove the clause, or limit it to named requirements that really allow alternatives and say how an alternative is judged.",
                ),
            )


_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[\"“(]?[A-ZÅÄÖ0-9])")


def _obligation_text(item: SpecItem) -> str:
    """The text cues are matched in: the sentences that carry the item's must or should (the
    others blanked, so offsets hold), or all of it when no sentence does or a lead-in binds it
    (a declared level, a table row, a list item under a lead-in). An explanation next to a
    requirement is not one."""
    text = blank_links(item.text, code=False)  # `Buyer` in a template is still a word
    text = _LONG_QUOTE.sub(lambda m: " " * len(m.group()), text)  # a clause quoted as an example
    if item.lead_in is not None:
        return text
    pieces = []
    position = 0
    for match in _SENTENCE_BREAK.finditer(text):
        pieces.append((position, match.start()))
        position = match.end()
    if not pieces:
        return text
    pieces.append((position, len(text)))
    keep = [worded_level(text[start:end]) is not None for start, end in pieces]
    if not any(keep):
        return text
    chars = list(text)
    for (start, end), kept in zip(pieces, keep, strict=True):
        if not kept:
            chars[start:end] = " " * (end - start)
    return "".join(chars)


def _about_personnel(text: str, lead_in: str | None) -> bool:
    """A demand on what a person knows or has done ("Konsulten ska ha minst tre års erfarenhet
    av att bygga REST-API:er"), in each of its binding sentences or in its list's lead-in: it
    is about who does the work, and implements no requirement on the system."""
    if lead_in and any(lexicon(lang).has("personnel", lead_in) for lang in LANGS):
        return True
    sentences = [part for part in _SENTENCE_BREAK.split(text) if part.strip()]
    return bool(sentences) and all(
        any(lexicon(lang).has("personnel", sentence) for lang in LANGS) for sentence in sentences
    )


def _alternative_escape(text: str) -> re.Match[str] | None:
    """A clause that lets the vendor offer something else when it cannot meet a requirement."""
    for lang in LANGS:
        found = lexicon(lang).find("escape_alternative", text)
        if found:
            return found[0]
    return None


def _escape_clause(item: SpecItem) -> re.Match[str] | None:
    for lang in LANGS:
        found = lexicon(lang).find("escape", item.text)
        if found:
            return found[0]
    return None


@register(
    "SP003",
    "requirement-undermined",
    title_en="Text in the specification undermines a requirement",
    title_sv="Text i kravspecifikationen undergräver ett krav",
    kind="spec",
    severity="error",
)
def requirement_undermined(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports text anywhere in the document that contradicts a requirement of the set.

    What it checks
    The whole document, not only its requirements, for wording that takes back what a
    requirement gives: the vendor owns or keeps rights to the buyer's data; export or return of
    data only at extra cost or in the vendor's own format; "compatible with <product>" instead
    of an open standard; a named product or brand without "eller likvärdigt" / "or equivalent";
    API access only for a fee or under a non-disclosure agreement; a definition that narrows
    what counts as the buyer's data ("Med data avses endast …", "Customer Data does not include
    Usage Data, logs or metadata"); the vendor moving the data to another country or to
    sub-processors without the buyer's consent; the buyer needing the vendor's consent to hand
    its data to a new vendor; a requirement deemed met if the vendor follows its own rules, or
    binding only as far as commercially reasonable for it; API use only with the vendor's
    approval. A must-requirement that in its own words covers only the data the buyer entered,
    only reading one item through the APIs, or applies only from a later year, is undermined
    too. Text the document hides (SP011) is read too: whether a
    viewer shows it depends on more than proccheck can see. Negated wording ("leverantören äger
    inte data", "utan extra kostnad") and quoted examples are not reported. The patterns
    live in the lexicon files (`proccheck/data/lexicon/sv.yaml`, `en.yaml`).

    Why it matters
    A contract clause or a product name elsewhere in the documents can make a must-requirement
    worthless, and naming a brand without "or equivalent" breaks LOU's rules on technical
    specifications.

    How to comply
    Remove or rewrite the text; name open standards instead of products, and add "eller
    likvärdigt" / "or equivalent" wherever a product must be named.

    References
    - LOU (2016:1145) 9 kap. 5 § (brand names only with "eller likvärdigt").
    - European Interoperability Framework, recommendations on open specifications.
    - EU Data Act (Regulation (EU) 2023/2854), chapter VI, switching between services.
    """
    yield from ctx.analysis.contradictions


@register(
    "SP004",
    "requirement-vague",
    title_en="A must-requirement uses vague or unverifiable wording",
    title_sv="Ett skall-krav har vag eller icke verifierbar formulering",
    kind="spec",
    severity="warning",
)
def requirement_vague(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports must-requirements whose wording cannot be verified as written.

    What it checks
    Every must-requirement of the document for vague terms (lämplig, användarvänlig, flexibel,
    modern / appropriate, user-friendly, flexible, state of the art), escape clauses (om
    möjligt, vid behov / where possible, as needed), open-ended lists (etc., m.m., osv.) and
    "och/eller" / "and/or". The word lists live in the lexicon files per language.

    Why it matters
    Whether a bid meets a must-requirement has to be decidable with yes or no. Vague wording
    means every vendor answers "yes", and the evaluation cannot be defended if it is appealed.

    How to comply
    Replace the vague term with something measurable (a standard, a number, a list), close
    open lists, and decide between "och" and "eller".

    References
    - Upphandlingsmyndigheten: guidance on clear, verifiable requirements.
    """
    for item in document.requirements:
        if item.level != "must":
            continue
        terms: list[re.Match[str]] = []
        # the item's own language only: Swedish "fast timpris" is not English "fast"
        lex = lexicon(detect_language(item.text) if len(item.text) > 30 else document.lang)
        for name in ("vague", "escape", "open_list", "and_or"):
            terms.extend(lex.find(name, item.text))
        terms = [m for m in terms if not _in_quotes(item.text, m.start())]  # quoted, not used
        if not terms:
            continue
        terms.sort(key=lambda m: m.start())
        words = sorted({m.group(0).strip().lower() for m in terms})
        yield requirement_vague.finding(
            requirement=None,
            severity="warning",
            outcome="not_verified",
            message=_(
                ctx.lang,
                "{where}: the must-requirement has vague or open-ended wording: {terms}",
                where=item.describe(ctx.lang),
                terms=", ".join(words),
            ),
            location=item.location_at(terms[0].start()),
            evidence=excerpt(item.text, terms[0].start(), terms[-1].end()),
            fix=_(
                ctx.lang,
                "Replace with something measurable (a standard, a number, a list), close open lists, choose and or or.",
            ),
        )


@register(
    "SP005",
    "requirement-compound",
    title_en="Several requirements in one sentence",
    title_sv="Flera krav i en mening",
    kind="spec",
    severity="note",
)
def requirement_compound(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports must-requirements that put several demands into one sentence.

    What it checks
    A sentence of a must-requirement that contains two or more must-words (ska … och ska …,
    shall … and must …).

    Why it matters
    A vendor can meet half of a compound requirement and still answer "Ja"; the evaluation
    record then has to decide a partial yes. One requirement per sentence gets one answer each.

    How to comply
    Split the sentence into separate, numbered requirements.

    References
    - Upphandlingsmyndigheten: guidance on writing requirements (one requirement per row).
    """
    for item in document.requirements:
        if item.level != "must":
            continue
        for sentence in _SENTENCE.finditer(item.text):
            count = sum(len(lexicon(lang).find("must", sentence.group(0))) for lang in LANGS)
            if count >= 2:
                yield requirement_compound.finding(
                    requirement=None,
                    severity="note",
                    outcome="not_verified",
                    message=ngettext(
                        ctx.lang,
                        "{where}: {count} requirement in one sentence",
                        "{where}: {count} requirements in one sentence",
                        count,
                        where=item.describe(ctx.lang),
                        count=count,
                    ),
                    location=item.location_at(sentence.start()),
                    evidence=sentence.group(0).strip(),
                    fix=_(ctx.lang, "Split the sentence into separate, numbered requirements."),
                )
                break


@register(
    "SP006",
    "requirement-verification-missing",
    title_en="No way to verify a requirement that demands evidence",
    title_sv="Inget sätt att verifiera ett krav som kräver underlag",
    kind="spec",
    severity="warning",
    decides=False,  # advice on the wording: the requirement itself is present
)
def verification_missing(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports requirements that need evidence but do not say what the vendor must submit.

    What it checks
    For each set requirement whose answer rule demands evidence (`verification.answer.evidence:
    required`, e.g. an exit plan or an OpenAPI description), the implementing requirement of the
    specification says how it is verified: bifoga, redovisa, intyg, bilaga / attach, submit,
    provide, evidence, demonstrate, documented.

    Why it matters
    Without a demand for evidence, the vendor's "Ja" is all the buyer has at evaluation time,
    and the claim can only be tested after the contract is signed.

    How to comply
    Add what the vendor must attach or show, for example "Leverantören ska bifoga exitplanen i
    anbudet" / "The supplier shall attach the OpenAPI description to the tender".

    References
    - Upphandlingsmyndigheten: verification of requirements (kontroll av krav).
    """
    analysis = ctx.analysis
    for requirement in ctx.requirement_set.requirements:
        if requirement.verification.answer.evidence != "required":
            continue
        matches = [m.item for m in analysis.implementing(requirement.id) if m.item.level == "must"]
        if not matches:
            continue
        if any(lexicon(lang).has("verification", item.text) for item in matches for lang in LANGS):
            continue
        item = matches[0]
        yield verification_missing.finding(
            requirement=requirement.id,
            severity="warning",
            outcome="not_verified",
            message=_(
                ctx.lang,
                "{requirement} needs evidence, but {where} does not say what the vendor must submit",
                requirement=requirement.id,
                where=item.describe(ctx.lang),
            ),
            location=item.location,
            evidence=item.text,
            fix=_(
                ctx.lang,
                "State what must be attached to the tender: {rule}",
                rule=requirement.verification.answer.description.get(ctx.lang),
            ),
        )


@register(
    "SP007",
    "specification-without-requirements",
    title_en="The document contains no requirements",
    title_sv="Dokumentet innehåller inga krav",
    kind="spec",
    severity="error",
)
def no_requirements(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports a document in which no requirement could be found at all.

    What it checks
    At least one item of the document is a requirement: worded with must/should phrasing (ska,
    skall, måste, krävs, bör / shall, must, is required, should) or declared with a level.

    Why it matters
    A document without requirements is usually the wrong file, a scanned PDF saved as text, or
    a specification written without requirement wording, which vendors cannot answer.

    How to comply
    Check that the right file was given; write each requirement as a sentence with "ska"/"shall"
    (or "bör"/"should"), or use the structured format in `schemas/spec.schema.json`.

    References
    - `samples/spec/` for examples of the supported formats.
    """
    if not document.requirements:
        yield no_requirements.finding(
            requirement=None,
            severity="error",
            outcome="not_met",
            message=ngettext(
                ctx.lang,
                "no requirements found in the document's {items} text item (no shall/must/should wording)",
                "no requirements found among the document's {items} text items (no shall/must/should wording)",
                len(document.items),
                items=len(document.items),
            ),
            location=_doc_location(document),
            fix=_(
                ctx.lang,
                "Check that this is the right file, and word the requirements with shall/must or should.",
            ),
        )


@register(
    "SP008",
    "requirement-id-duplicated",
    title_en="Two requirements of the specification have the same id",
    title_sv="Två krav i kravspecifikationen har samma id",
    kind="spec",
    severity="error",
)
def requirement_id_duplicated(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports a requirement id that more than one requirement of the specification uses.

    What it checks
    Every requirement id of the document (`K12`, `4.1.3`, `DO-01`, an `id:` field) names one
    requirement only. Ids are compared as written, ignoring case and surrounding spaces.

    Why it matters
    Vendors answer requirement by requirement, and the answer matrix, the comparison and the
    evaluation record match answers by id. With two requirements under one id, a "Ja" cannot be
    tied to either, and `answers check` refuses the specification until it is fixed.

    How to comply
    Give each requirement its own id; renumber the later one and check cross-references to it.

    References
    - Upphandlingsmyndigheten: guidance on writing requirements (one requirement per row).
    """
    first: dict[str, SpecItem] = {}
    for item in document.requirements:
        if not item.ref:
            continue
        key = item.ref.strip().lower()
        earlier = first.setdefault(key, item)
        if earlier is item:
            continue
        yield requirement_id_duplicated.finding(
            requirement=None,
            outcome="not_met",
            message=_(
                ctx.lang,
                "requirement id {ref} is used again; it was first used at {where}",
                ref=item.ref,
                where=earlier.location.describe(),
            ),
            location=item.location,
            evidence=item.text,
            fix=_(ctx.lang, "Give each requirement its own id, e.g. renumber this one."),
        )


@register(
    "SP009",
    "hidden-characters",
    title_en="Invisible characters inside words",
    title_sv="Osynliga tecken inuti ord",
    kind="spec",
    severity="warning",
)
def hidden_characters(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports text with invisible characters inside its words.

    What it checks
    No word of the document contains a soft hyphen, a zero-width space or joiner, a word joiner,
    a byte-order mark or a text-direction mark. proccheck reads every text without them (and
    with every kind of space as one space), so its verdicts are not fooled; this check says
    where they were.

    Why it matters
    An invisible character splits a word for every search and filter while the page looks the
    same: "avgift" with a soft hyphen inside is not found by a search for "avgift". In a tender
    it hides a requirement from a reviewer's search; in a vendor's text it can hide a
    reservation.

    How to comply
    Remove the characters: in Word, turn on formatting marks (¶) and delete them, or paste the
    text as plain text. Ask a vendor to resubmit a file whose answers contain them.

    References
    - Unicode Standard Annex #9 and #31 (bidirectional and default-ignorable format characters).
    """
    for item in document.items:
        if not item.hidden:
            continue
        yield hidden_characters.finding(
            requirement=None,
            severity="warning",
            outcome="not_verified",
            message=ngettext(
                ctx.lang,
                "{where}: {count} invisible character inside a word hides it from a search; proccheck read the text without it",
                "{where}: {count} invisible characters inside words hide them from a search; proccheck read the text without them",
                len(item.hidden),
                where=item.describe(ctx.lang),
                count=len(item.hidden),
            ),
            location=item.location_at(item.hidden[0]),
            evidence=item.text,
            fix=_(
                ctx.lang,
                "Remove the invisible characters (in Word: show formatting marks, or paste as plain text).",
            ),
        )


@register(
    "SP011",
    "hidden-text",
    title_en="Text the document does not show",
    title_sv="Text som dokumentet inte visar",
    kind="spec",
    severity="warning",
)
def hidden_text(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports text that Word does not show: formatted as hidden, too small to see, or in the
    colour of what is behind it; and text struck through or marked "Utgår", which a reader
    takes as withdrawn.

    What it checks
    No paragraph or table cell of a Word document holds text formatted as hidden (Font, Hidden;
    `w:vanish` in the file). proccheck reads a document as Word shows and prints it, so hidden
    text counts towards no requirement; it is still searched for clauses that undermine one
    (SP003), since whether a viewer shows it depends on more than proccheck can see. This check
    shows each hidden passage and where it is. The text of a header or footer no page shows
    (an even-page one while even pages are not distinct, a first-page one without a distinct
    first page) and of a footnote nothing refers to is hidden too. Of alternative content only the version Word shows is read (a text box's
    drawing, not its VML fallback, which usually repeats it). Withdrawn text counts towards no
    requirement, is searched for nothing and is reported: struck through (Word's
    strikethrough, set on the text or by its style; Markdown's `~~…~~`, `<s>` and `<del>`),
    or an item its author marked as withdrawn ("K5 Utgår.", "(utgått)", "[Withdrawn]", or a
    Word list label "UTGÅR %1").

    Text that cannot be seen counts as hidden too: under 2 points high, or in a colour within a
    shade of what is behind it (the run's shading or highlight, its paragraph's or table cell's
    shading, else the page colour), such as white text on a white page. The size and colour
    are the text's own, else its character style's, else its paragraph style's, else its
    table style's (with the style's first-row formatting in a table's first row), else the
    document's default. So does text Word draws unreadable: with no fill, squeezed under a
    fifth of its width or fitted into under 2 points a character, raised or lowered 50 points
    or more, set in a symbol font (Webdings, Wingdings, Symbol), or in a paragraph or table row
    of an exact height under 4 points.

    In a PDF: text drawn invisibly (render mode 3 or 7) or with no ink (opacity 0, the
    colourant /None, a spot colour at tint 0 or one its tint transform makes white, at font
    size 0 or flattened by its matrix, a blend mode such as Lighten
    that leaves the white page white), in white (an Indexed palette's white too), under 1.5
    points high, outside the page's visible (crop) box or its clipping path, in a layer that
    is off, under a soft mask, squeezed or run together past reading (`Tz`, `Tc`), raised off
    the page (`Ts`), clipped by its form's box, in the colour of the box drawn beneath it, or
    covered afterwards by an opaque filled box or shape (straight lines or curves), picture,
    shading, box a form fills, filled square annotation or redaction mark drawn as a bar, found
    while the page's content is read; text a line or thin bar is drawn through, or a
    strike-out annotation covers, is withdrawn. A free-text annotation (a text box on the
    page), a form field's value and a button's caption are read as the page's text. A page
    proccheck cannot read is reported, and while it is, no requirement of the document is
    taken as met: a picture without text (a scan; a first page of several that is only a
    picture is taken as a cover and only reported), a font whose letters read as other text
    than they show or whose glyphs have names no reader knows, a stamp or box annotation that
    draws text or a picture, a watermark annotation in a font whose letters are its own (one in
    a standard font is read as text), a pattern that draws text, more shapes drawn over the
    text than are worked out, or a picture shaped like a
    line of text set among the text (9 to 40 points high, ten times as wide, a third of the page wide,
    outside the top and bottom tenth of the page where letterheads and footers go; in Word,
    such a picture in the body after its first two paragraphs), or pieces of one side by side
    (each six times as wide as high), or, in Word, a field Word
    updates on opening whose result proccheck cannot work out (an IF it cannot evaluate, a
    document property it does not read). In Markdown: an HTML element
    that a rendered page does not show (`<div hidden>`, `style="display: none"` or
    `visibility: hidden`, `<template>`, a `<dialog>` not open); an HTML comment is an author's
    note and is left out silently. In an XLSX or CSV requirement table: a row on a hidden
    sheet, a hidden row or column (a row in a collapsed outline group or filtered out is read:
    Excel shows it at one click), and a row whose Status column says "Utgår" (withdrawn).
    In Word, text kept hidden by `specVanish` and the text of a shape Word does not draw.

    Why it matters
    Hidden text is neither shown on screen nor printed with Word's usual settings, yet it stays
    in the file and in every copy sent out. A hidden clause could make a requirement look
    present to a search while no reader of the tender sees it, and a hidden condition could be
    claimed later as part of the text.

    How to comply
    Show hidden text (in Word: File, Options, Display, Hidden text), then either delete it or
    clear Hidden in Font so that it is ordinary text, and check the document again.

    References
    - ECMA-376 Part 1, 17.3.2.41 vanish (Hidden Text).
    """
    yield from _unread_passages(
        hidden_text,
        document.hidden_text,
        ctx,
        N_(
            "{where}: text the document does not show (hidden, too small, off the page or in its background's colour) counts towards no requirement: «{text}»"
        ),
        _(
            ctx.lang,
            "Delete the hidden text or make it ordinary text (Word: Font, clear Hidden; "
            "Excel: unhide the sheet, row or column), then check again.",
        ),
    )
    yield from _unread_passages(
        hidden_text,
        document.withdrawn,
        ctx,
        N_(
            "{where}: text struck through or marked as withdrawn (Utgår, Withdrawn) counts towards no requirement and is not searched: «{text}»"
        ),
        _(
            ctx.lang,
            "If the requirement still applies, remove the mark; if not, delete the item, "
            "then check again.",
        ),
    )
    for why in UNREAD_PAGES:
        yield from _unread_passages(
            hidden_text,
            tuple((location, "") for location, said in document.unread_pages if said == why),
            ctx,
            UNREAD_PAGES[why],
            _(
                ctx.lang,
                "Ask for the original document (or run OCR on a scan, e.g. `ocrmypdf in.pdf "
                "out.pdf`), then check again; until then, read the page yourself.",
            ),
        )


UNREAD_PAGES = {
    "scan": N_(
        "{where}: the page is a picture without text (a scan); proccheck cannot read what it shows, so no requirement is taken as met"
    ),
    "cover": N_(
        "{where}: the first page is a picture without text (a cover?); proccheck cannot read what it shows: look at it for anything that is not in the text"
    ),
    "font": N_(
        "{where}: a font's letters read as other text than the page shows, so the page's text cannot be trusted and no requirement is taken as met"
    ),
    "annotation": N_(
        "{where}: an annotation (a stamp or a box) draws text or a picture on the page that proccheck does not read, so no requirement is taken as met"
    ),
    "pattern": N_(
        "{where}: a pattern draws text on the page that proccheck does not read, so no requirement is taken as met"
    ),
    "field": N_(
        "{where}: a field Word updates on opening shows text proccheck cannot work out, so no requirement is taken as met"
    ),
    "line picture": N_(
        "{where}: a picture shaped like a line of text is set among the text; proccheck cannot read what it shows, so no requirement is taken as met"
    ),
    "drawing": N_(
        "{where}: the page draws so many shapes over its text that proccheck cannot tell which text they cover, so no requirement is taken as met"
    ),
}
"""Why a page's content is not read (`SpecDocument.unread_pages`), as reported."""


def _place(location: Location, lang: Lang) -> str:
    """A passage's place as a reader names it: a Word element, a page, a sheet's cell, a line."""
    if location.element:
        return location.element
    if location.page:
        return _(lang, "page {page}", page=location.page)
    if location.sheet is not None:
        return f"{location.sheet}!{location.column or ''}{location.row or ''}"
    return _(lang, "line {line}", line=location.line)


def _unread_passages(
    check: Check,
    passages: tuple[tuple[Location, str], ...],
    ctx: SpecContext,
    message: str,
    fix: str,
) -> Iterator[Finding]:
    """One not-verified warning for each passage left out of the document's text (`message`
    untranslated, with {where} and {text}), quoting it, cut at 120 characters; a passage
    without text (a page that is a picture) is shown by its place alone."""
    for location, text in passages:
        yield check.finding(
            requirement=None,
            severity="warning",
            outcome="not_verified",
            message=_(
                ctx.lang,
                message,
                where=_place(location, ctx.lang),
                text=text if len(text) <= 120 else text[:119] + "…",
            ),
            location=location,
            evidence=text or None,
            fix=fix,
        )


@register(
    "SP012",
    "word-comments",
    title_en="Comments in the Word or PDF document",
    title_sv="Kommentarer i Word- eller PDF-dokumentet",
    kind="spec",
    severity="warning",
)
def word_comments(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports the comments of a Word document or PDF: a reviewer's notes beside the text.

    What it checks
    The document has no comments (Review, New Comment; `word/comments.xml` in the file; in a
    PDF, sticky notes, its /Text annotations). A
    comment is not part of the text that is sent out or agreed to, so proccheck never reads it
    as the document's text; this check shows each comment, who wrote it and the paragraph or
    table row it is attached to.

    Why it matters
    A comment left in a tender document goes out to every vendor with it, often with internal
    notes. In a vendor's document a comment can hold what the text does not say ("applies only
    to the standard package"): it must be read by a person before the text is judged.

    How to comply
    Settle each comment: write what it says into the text, or delete it (Review, Delete, Delete
    All Comments in Document), then check again.

    References
    - ECMA-376 Part 1, 17.13.4 Comments.
    """
    yield from _unread_passages(
        word_comments,
        document.comments,
        ctx,
        N_("{where}: a comment, not read as the document's text: «{text}»"),
        _(
            ctx.lang,
            "Write what the comment says into the text, or delete the comment, then check again.",
        ),
    )


@register(
    "SP010",
    "unused-suppression",
    title_en="A suppression comment that silences nothing",
    title_sv="En undantagskommentar som inte tystar något",
    kind="spec",
    severity="warning",
    decides=False,
)
def unused_suppression(document: SpecDocument, ctx: SpecContext) -> Iterator[Finding]:
    """Reports `<!-- proccheck: ignore … -->` comments that no finding matched.

    What it checks
    Every inline suppression silences at least one finding of a check that ran. The engine
    reports this check after all other checks, because only then is it known which comments
    were used; a comment whose codes were all left out with --select or --ignore is not
    reported.

    Why it matters
    A comment left behind after the text below it was fixed would silence the next finding on
    those lines without anyone having looked at it. An evaluation record should only carry
    exceptions someone still stands behind.

    How to comply
    Delete the comment, or move it to the paragraph it is meant for (a comment on a line of its
    own covers the paragraph below it; at the end of a line, that line).

    References
    - The same rule in linters: ruff's RUF100 (unused noqa), ESLint's --report-unused-disable-directives.
    """
    return iter(())
