"""Checks on a vendor's answers (`proccheck answers check`).

proccheck flags answers for a person to review; it never rejects a bid by itself. Each finding
quotes the vendor's own words and says why they matter.
"""

from __future__ import annotations

import bisect
import datetime
import difflib
import functools
import math
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Literal, NoReturn

from proccheck.checks import Context, register
from proccheck.checks.spec_checks import clause_negated
from proccheck.errors import InputError
from proccheck.i18n import N_, _, current_lang, ngettext, tr
from proccheck.loaders.answers import AnswerDocument, VendorAnswer, normalise_answer
from proccheck.loaders.lexicon import LANGS, lexicon
from proccheck.loaders.structured import printable
from proccheck.model import (
    Finding,
    Lang,
    Location,
    Requirement,
    RequirementResult,
    RequirementSet,
    Severity,
)
from proccheck.text import fold, folded, folded_vendor, latin_lookalikes, stem, word_texts

TEXT_MATCH_RATIO = 0.75
MAX_ANSWER_CHARS = 50_000
"""Most characters of one answer searched for reservations (about 0.2 s); a longer answer is
reported as too long to search in full, never passed."""
HEDGE_NAMES = {
    "reservation": N_("condition"),
    "cost": N_("extra cost"),
    "future": N_("future delivery"),
    "on_request": N_("on request"),
    "partial": N_("partial"),
    "dependency": N_("third-party dependency"),
    "proprietary": N_("own format"),
    "reuse": N_("own use of the data"),
    "quantity": N_("values other than required"),
    "terms": N_("deviating terms or licence"),
    "not_applicable": N_("not applicable"),
    "remaining": N_("work still to do"),
    "retraction": N_("takes the Yes back"),
    "column": N_("a column beside the answer"),
}
"""What each kind of reservation (the lexicon's hedge kinds) is called in a message."""
ANSWERED_NO = {
    "must": N_("{requirement} is a must-requirement and the vendor answers No"),
    "should": N_("{requirement} (should-requirement) is answered No"),
}


@functools.lru_cache(maxsize=65536)
def _normal(text: str) -> str:
    """Lower-case words of the folded text; punctuation at word edges ignored ("APIs." ==
    "apis")."""
    normal = " ".join(filter(None, map(_EDGES_OFF, _NORMAL_WORD.findall(folded(text)))))
    if "skall" in normal:
        normal = " ".join(_SAME_WORD.get(w, w) for w in normal.split(" "))
    return normal


_NORMAL_WORD = re.compile(r"[\wåäöé/.%-]+")
_EDGES_OFF = operator.methodcaller("strip", "./-")
_SAME_WORD = {"skall": "ska"}  # the older spelling means the same


@dataclass
class Matching:
    """Which answer belongs to which requirement, and answers that belong to none."""

    by_requirement: dict[str, VendorAnswer]
    unmatched: list[VendorAnswer]
    """Rows that answer no requirement of the set (a general reservation may stand there)."""
    again: dict[str, list[VendorAnswer]] = field(default_factory=dict)
    """Per requirement, the further rows that answer it too (the same id, written alike or
    not: "K 1", "k1.", "Krav 1"; or its text), after the one in `by_requirement`."""


ProbeEvidence = dict[str, list[tuple[str, RequirementResult, tuple[Finding, ...], bool]]]
"""Per requirement: what each API description the vendor attached showed (source, result,
findings, whether it could not be read)."""


@dataclass(frozen=True, kw_only=True)
class AnswersContext(Context):
    """An answers check's context: which answer belongs to which requirement (matched once),
    and with `--probe`, what the vendor's API descriptions showed."""

    matching: Matching
    probe: ProbeEvidence
    attachments_missing: frozenset[str] = frozenset()
    """Evidence entries naming a file that is not in the bid folder (looked for with --probe)."""


def context(
    document: AnswerDocument,
    requirement_set: RequirementSet,
    lang: Lang,
    probe: ProbeEvidence | None = None,
    attachments_missing: frozenset[str] = frozenset(),
) -> AnswersContext:
    """The context every answers check of one vendor's file is handed."""
    return AnswersContext(
        lang=lang,
        requirement_set=requirement_set,
        matching=match_answers(document, requirement_set),
        probe=probe or {},
        attachments_missing=attachments_missing,
    )


_SUFFIX = re.compile(r"\.[A-Za-z0-9]{2,5}")
"""What ends a file name (`.pdf`, `.yaml`): an entry without it ("bilaga 4") cannot be looked for."""


def attachments_missing(document: AnswerDocument, found: Callable[[str], bool]) -> frozenset[str]:
    """The evidence entries that name a file (`bilaga-4.pdf`, not a URL or "se bilaga 4") which
    `found` cannot find in the bid folder: the caller looks, so checks never touch files."""
    return frozenset(
        item.strip()
        for answer in document.answers
        for item in answer.evidence
        if _SUFFIX.fullmatch(PurePath(item.strip()).suffix)
        and not item.strip().lower().startswith(("http://", "https://"))
        and not found(item.strip())
    )


def match_answers(document: AnswerDocument, requirement_set: RequirementSet) -> Matching:
    """Match by id; rows without an id by the closest requirement text (Swedish or English)."""
    by_requirement: dict[str, VendorAnswer] = {}
    unmatched: list[VendorAnswer] = []
    again: dict[str, list[VendorAnswer]] = {}
    ids = {r.id.lower(): r.id for r in requirement_set.requirements}
    written = Counter(_loose_id(r.id) for r in requirement_set.requirements)
    loose = {_loose_id(r.id): r.id for r in requirement_set.requirements}
    loose = {key: rid for key, rid in loose.items() if written[key] == 1}  # "K1.1" and "K11"
    total = len({r.id for r in requirement_set.requirements})
    texts: _Texts | None = None  # prepared on the first row that needs it

    def take(found: str, answer: VendorAnswer) -> None:
        if found in by_requirement:
            again.setdefault(found, []).append(answer)
        else:
            by_requirement[found] = answer

    for answer in document.answers:
        if answer.requirement:
            found = (
                ids.get(answer.requirement.lower())
                or loose.get(_loose_id(answer.requirement))
                or loose.get(_loose_id(_PART_OF_ID.sub("", answer.requirement)))
            )
            if found:
                take(found, answer)
                continue
            if not answer.text:
                unmatched.append(answer)
                continue
            # the vendor's own numbering (e.g. "4.1.1"): fall back to the requirement text
        if len(by_requirement) == total:
            unmatched.append(answer)  # every requirement has its answer: no search can add one
            continue
        if texts is None:
            texts = _Texts(requirement_set)
        best_id = texts.closest(answer.text)
        if best_id:
            take(best_id, answer)
        else:
            unmatched.append(answer)
    if document.answers and not by_requirement:
        _nothing_matched(document, requirement_set)
    return Matching(by_requirement, unmatched, again)


_ID_NOISE = re.compile(r"^(?:krav|requirement|req)\b\.?|[\s_:-]+|\.+$|\.(?!\d)", re.IGNORECASE)
"""What a loosely written id adds: a "Krav" before it, spaces, dashes and underscores, and dots
that end it or stand before a letter. A dot between digits stays: "K1.1" is a sub-point of
K1, never K11."""


def _loose_id(text: str) -> str:
    """An id as written loosely: "K 1", "k-1", "K1.", "Krav K1", "K01", "Ｋ１" and "К1" (with a
    Cyrillic К) are all "k1"."""
    plain = latin_lookalikes(unicodedata.normalize("NFKC", text.strip()))
    return _LEADING_ZEROS.sub("", _ID_NOISE.sub("", plain)).lower()


_LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")
_PART_OF_ID = re.compile(r"(?<=\d)(?:[a-z]|\s*[(\[][^)\]]*[)\]])$", re.IGNORECASE)
"""What makes a row part of a requirement's answer when its id is not in the set: a letter
after the number ("K1a") or a bracket after it ("K1 (forts.)", "K2 (mot avgift)")."""
_ID_RANGE = re.compile(
    r"\s*([^\W\d_]*)[\s.-]*(\d+)\s*(?:[-–—]|till|to)\s*(?:\1)?[\s.-]*(\d+)\s*",
    re.IGNORECASE,
)
MAX_RANGE = 1000
"""Most requirements one id range ("K1–K13") is read to speak for."""


def _range_members(requirement: str | None) -> frozenset[str] | None:
    """The loose ids a range such as "K1–K13" or "K1-K5" names, or None for any other id."""
    match = _ID_RANGE.fullmatch(requirement or "")
    if match is None:
        return None
    prefix, first, last = match.group(1), int(match.group(2)), int(match.group(3))
    if not first <= last < first + MAX_RANGE:
        return None
    return frozenset(_loose_id(f"{prefix}{n}") for n in range(first, last + 1))


def _nothing_matched(document: AnswerDocument, requirement_set: RequirementSet) -> NoReturn:
    """Not a wall of "not met": a file none of whose ids or texts is in the set answers another
    list of requirements (the buyer's own numbering, another procurement)."""
    count = len(document.answers)
    raise InputError(
        ngettext(
            current_lang(),
            "nothing in the file matches the requirements of {set}: its {count} answer has "
            "neither an id nor a requirement text of the set",
            "nothing in the file matches the requirements of {set}: none of its {count} "
            "answers has an id or a requirement text of the set",
            count,
            set=requirement_set.id,
            count=count,
        ),
        path=document.path,
        hint=tr(
            "check the answers against the specification they answer (--spec FILE) instead of "
            "a built-in set, or describe the file's columns with --mapping FILE"
        ),
    )


class _Texts:
    """The requirement texts (Swedish and English) a row without a known id is matched against,
    normalised once for all rows; each distinct text once (a later copy never wins a tie)."""

    INDEX_TEXTS = 2000
    """Fewest distinct texts for which many rows are searched with `_Bigrams`, not one by one."""
    INDEX_AFTER = 32
    """Rows searched one by one before `_Bigrams` is built (a few reworded rows need none)."""

    def __init__(self, requirement_set: RequirementSet) -> None:
        self.ids: list[str] = []
        self.normal: list[str] = []
        self.first: dict[str, int] = {}
        """Each normalised text's position: an exact copy needs no search."""
        for requirement in requirement_set.requirements:
            for text in (requirement.text.sv, requirement.text.en):
                normal = _normal(text) if text else None
                if normal is not None and normal not in self.first:
                    self.first[normal] = len(self.normal)
                    self.ids.append(requirement.id)
                    self.normal.append(normal)
        self.last = -1
        """Where the previous row was found: vendors mostly keep the specification's order."""
        self.searched = 0
        self.bigrams: _Bigrams | None = None

    def closest(self, text: str) -> str | None:
        """The id of the requirement whose text is closest to `text`, if close enough: the share
        of characters the two have in common, in order (rapidfuzz's Indel ratio, the measure
        difflib's ratio approximates, in C: 2,000 rows no longer take half a minute). Of equally
        close texts the first wins; an exact copy (ratio 100, which no other text reaches) is
        the text equal to it."""
        normal = _normal(text)
        index = self.first.get(normal)
        if index is None:
            index = self._nearest(normal)
            if index is None:
                return None
        self.last = index
        return self.ids[index]

    def _nearest(self, normal: str) -> int | None:
        """The first of the texts closest to `normal` (not a copy of any), if close enough."""
        from rapidfuzz import fuzz, process

        cutoff = TEXT_MATCH_RATIO * 100
        self.searched += 1
        if len(self.normal) >= max(self.INDEX_TEXTS, 1) and self.searched > self.INDEX_AFTER:
            if self.bigrams is None:
                self.bigrams = _Bigrams(self.normal)
            # A close text (one near the previous row's, else the one sharing the most bigrams)
            # rules out every text too far from `normal` to be as close: only the rest is
            # scored, and the first closest of them is the first closest of all.
            near = self.normal[max(self.last - 1, 0) : self.last + 4]
            guess = process.extractOne(normal, near, scorer=fuzz.ratio, score_cutoff=cutoff)
            candidates = None if guess is None else self.bigrams.few_candidates(normal, guess[1])
            if candidates is None:  # a row out of the specification's order
                shared = self.bigrams.shared(normal)
                most = self.normal[self.bigrams.most(shared)]
                score = fuzz.ratio(normal, most, score_cutoff=cutoff)
                if score and (guess is None or score > guess[1]):
                    guess = (most, score, 0)
                if guess is not None:
                    candidates = self.bigrams.candidates(normal, shared, guess[1])
            if guess is not None and candidates is not None:
                # the margin: extractOne's cutoff is not exact to the last bit
                found = process.extractOne(
                    normal,
                    [self.normal[i] for i in candidates],
                    scorer=fuzz.ratio,
                    score_cutoff=max(cutoff, guess[1] - 0.5),
                )
                return None if found is None else candidates[found[2]]
        found = process.extractOne(normal, self.normal, scorer=fuzz.ratio, score_cutoff=cutoff)
        return None if found is None else found[2]


_BIGRAM_REPEATS = 4
"""Occurrences of one bigram in a text counted one by one (more are bounded, not counted)."""


def _bigrams(text: str) -> tuple[list[str], int]:
    """A text's bigrams as features (the k-th occurrence of "ab" is its own feature, up to
    `_BIGRAM_REPEATS`), and how many occurrences past that were left out."""
    counts = Counter(map(operator.add, text, text[1:]))
    features = list(counts)
    excess = 0
    if len(features) < len(text) - 1:  # some bigram repeats
        for gram, count in counts.items():
            if count > _BIGRAM_REPEATS:
                features += _repeats(gram, _BIGRAM_REPEATS)
                excess += count - _BIGRAM_REPEATS
            elif count > 1:
                features += _repeats(gram, count)
    return features, excess


@functools.lru_cache(maxsize=65536)
def _repeats(gram: str, count: int) -> tuple[str, ...]:
    """The features of a bigram's 2nd…`count`-th occurrences (made once: building the index
    runs this for every repeated bigram of every text)."""
    return tuple(gram + str(k) for k in range(2, count + 1))


@dataclass(frozen=True)
class _Shared:
    """How many bigram features each text shares with one row's text, as bit-slices:
    `digits[d]` has bit i set when text i's count has binary digit d set."""

    digits: list[int]
    excess: int


class _Bigrams:
    """Which texts share enough bigrams with a row's text to be as close as a text already
    found: a filter that never drops one that is (the bigram bound of the Indel ratio), so the
    first closest text is the one a search of every text finds.

    Why the bound holds: of the la - 1 bigrams of `a`, at most 2 per character the LCS drops
    from `a` and 1 per gap the LCS leaves in `b` are not kept whole in `b`, so the bigrams the
    two have in common (as multisets), S, are at least la - 1 - 2(la - L) - (lb - L); hence
    3L <= S + la + lb + 1, and a ratio 2L / (la + lb) >= s needs S >= (1.5s - 1)(la + lb) - 1.
    Each bigram feature has a bitset of the texts that have it (and one of those that lack
    it); counts for all texts at once are kept bit-sliced, one big integer per binary digit."""

    SPARSE = 16
    """Candidates are picked out only when at most one text in this many is one."""

    def __init__(self, texts: list[str]) -> None:
        size = (len(texts) + 7) // 8
        arrays: dict[str, bytearray] = {}
        for index, text in enumerate(texts):
            byte, bit = index >> 3, 1 << (index & 7)
            for feature in _bigrams(text)[0]:
                array = arrays.get(feature)
                if array is None:
                    array = arrays[feature] = bytearray(size)
                array[byte] |= bit
        self.count = len(texts)
        self.all = (1 << len(texts)) - 1
        self.bits = {feature: int.from_bytes(a, "little") for feature, a in arrays.items()}
        self.lacking = {feature: self.all ^ bits for feature, bits in self.bits.items()}
        self.texts_with = {feature: bits.bit_count() for feature, bits in self.bits.items()}

    def shared(self, text: str) -> _Shared:
        """The features every text shares with `text`, counted."""
        features, excess = _bigrams(text)
        digits: list[int] = []
        for feature in features:
            texts = self.bits.get(feature)
            if texts and (overflow := _count_in(digits, texts)):
                digits.append(overflow)
        return _Shared(digits, excess)

    def most(self, shared: _Shared) -> int:
        """The first text that shares the most features."""
        best = self.all
        for digit in reversed(shared.digits):
            if best & digit:
                best &= digit
        return (best & -best).bit_length() - 1

    def candidates(self, text: str, shared: _Shared, score: float) -> list[int] | None:
        """The positions of the texts that may be as close to `text` as `score` (rapidfuzz's
        0-100), in order; None when the bound rules out too few to be worth it."""
        needed = _needed(text, score, shared.excess)
        if needed <= 0:
            return None
        digits = shared.digits
        above, equal = 0, self.all  # count > needed, count == needed (high digits first)
        for d in range(max(len(digits), needed.bit_length()) - 1, -1, -1):
            digit = digits[d] if d < len(digits) else 0
            if needed >> d & 1:
                equal &= digit
            else:
                above |= equal & digit
                equal &= ~digit
        return self._positions(above | equal)

    def few_candidates(self, text: str, score: float) -> list[int] | None:
        """`candidates` without `shared`, for a close `score` (a row near the previous one's
        text): a text as close lacks at most `allowed` of the features of `text` the texts
        have. The features each text lacks are counted rarest first, in as few binary digits
        as `allowed` needs, and a text drops out when one too many carries out of the top
        digit; most drop within the first rare features, and as fewer texts are counted the
        carries die out after a digit or two (half the cost of adding up every feature)."""
        features, excess = _bigrams(text)
        needed = _needed(text, score, excess)
        if needed <= 0:
            return None
        present = sorted(
            (feature for feature in features if feature in self.bits),
            key=self.texts_with.__getitem__,
        )
        allowed = len(present) - needed
        if allowed < 0:
            return []
        width = (allowed + 1).bit_length()
        start = (1 << width) - allowed - 1
        digits = [self.all if start >> d & 1 else 0 for d in range(width)]
        running = self.all
        for feature in present:
            running ^= _count_in(digits, running & self.lacking[feature])
        return self._positions(running)

    def _positions(self, mask: int) -> list[int] | None:
        """The texts of `mask`, in order; None when there are too many to be worth it."""
        if mask.bit_count() * self.SPARSE > self.count:
            return None  # picking many out one by one costs more than scoring them all
        found = []
        while mask:
            low = mask & -mask
            found.append(low.bit_length() - 1)
            mask ^= low
        return found


def _count_in(digits: list[int], texts: int) -> int:
    """Add one to the count of each text in the bitset `texts`, counts kept bit-sliced in
    `digits` (lowest digit first); the texts whose count carries out of the top digit."""
    carry = texts
    for d, digit in enumerate(digits):
        digits[d] = digit ^ carry
        carry &= digit
        if not carry:
            break
    return carry


def _needed(text: str, score: float, excess: int) -> int:
    """The fewest counted bigram features a text shares with `text` if its ratio to it is at
    least `score` (rapidfuzz's 0-100); the uncounted `excess` may make up part of the bound."""
    ratio = score / 100 - 1e-9
    shortest = len(text) * ratio / (2 - ratio)  # 2 min(la, lb) / (la + lb) >= ratio
    return math.floor((1.5 * ratio - 1) * (len(text) + shortest) - 1) - excess


_CLAUSE = re.compile(r"[.,;!?]|\b(?:men|dock|utom|förutom|but|however|except|although)\b")
"""Where a negation stops counting: "ingen uppstartsavgift, men mot en avgift" and "inga problem,
mot en avgift" are costs."""


def hedges_in(text: str, requirement_text: str = "") -> list[tuple[str, re.Match[str]]]:
    """Reservation phrases in `text` that are not negated ("utan extra kostnad" is not one) and
    that the requirement does not use itself ("upp till sex månader" answering "upp till sex
    månader" is no reservation). Both are read folded (`text.folded`): a no-break space, a line
    break in the cell, a soft hyphen or a zero-width character hides no phrase; the matches are
    on the folded text."""
    own = folded(requirement_text)
    priced = bool(own) and _ASKS_PRICE.search(own) is not None
    limits = bool(own) and _LIMITS.search(own) is not None
    at_end = bool(own) and _CONTRACT_END.search(own) is not None
    owning = not own or _OWNERSHIP.search(own) is not None
    asks_api = not own or _API.search(own) is not None
    asks_open = not own or _OPEN_ASKED.search(own) is not None
    asks_notice = bool(own) and _NOTICE_ASKED.search(own) is not None
    vendor = folded_vendor(text)
    reading = _Reading(vendor, own)
    found = [
        (kind, match)
        for kind, match, phrase in _hedges(vendor)
        if not (own and phrase.search(own))  # the requirement's own words, as words
        and not (
            priced
            and kind == "cost"
            and (any(c.isdigit() for c in match.group(0)) or _PRICE_PLACE.search(match.group(0)))
        )
        and not (limits and _ONLY.search(match.group(0)))
        and not (at_end and _CONTRACT_END.search(match.group(0)))
        and not (not owning and kind == "reservation" and _LICENCE.search(match.group(0)))
        and not (not asks_api and kind == "reservation" and _FILE_DROP.search(match.group(0)))
        and not (asks_notice and kind == "reservation" and _NOTICE.search(match.group(0)))
        and not (
            kind == "proprietary"
            and _CLOSED_FORMAT.search(match.group(0))
            and (not asks_open or _OPEN_TOO.search(vendor))
        )
        and reading.limits(kind, match)
    ]
    found.sort(key=lambda pair: (pair[1].start(), -pair[1].end()))
    kept: list[tuple[str, re.Match[str]]] = []
    for kind, match in found:  # a phrase inside a longer one of its kind is not repeated
        if any(
            k == kind and m.start() <= match.start() and match.end() <= m.end() for k, m in kept
        ):
            continue
        kept.append((kind, match))
    return kept


_ASKS_PRICE = re.compile(
    r"\b(ange|anger|anges|uppge|uppger|redovisa|redovisar)\b[^.]{0,60}?\w*pris"
    r"|\b(state|states|specify|specifies|quote|quotes)\b[^.]{0,60}?\b(price|rate|fee)",
    re.IGNORECASE,
)
"""A requirement that asks the vendor to state a price ("ange ett fast timpris"): an amount
in the answer, or where the price stands ("anges i prisbilagan"), is what it asks for, not an
extra cost."""
_PRICE_PLACE = re.compile(
    r"pris(bilaga|underlag|tabell|blad)|price (annex|appendix|schedule|sheet)"
)
"""The tender's own price annex (a vendor's price list, which changes, fixes no rate)."""


_CONTRACT_END = re.compile(
    r"\bavtal\w* (slut|upphörande|utgång)|\bavtalsslut|\b(end|termination|expiry|expiration)"
    r" of the (contract|agreement)|\bexit\b|\båterlämn|\bavslut",
    re.IGNORECASE,
)
"""A requirement about the contract's end (exit, return of data): "vid avtalets upphörande" in
an answer to it is what it asks, while answering one about export at any time it narrows the
Yes to the end."""
_LICENCE = re.compile(
    r"nyttjanderätt|(evig|tidsobegränsad|icke-exklusiv) licens\b|licens till|right of use"
    r"|(perpetual|non-exclusive) licen[cs]e",
    re.IGNORECASE,
)
_OWNERSHIP = re.compile(r"\bäg(a|er|s|de)\b|äganderätt|\bown(s|ed|ership)?\b", re.IGNORECASE)
"""A licence or a right of use in place of ownership is a reservation only to a requirement
that the buyer owns something; to one on licensing ("Licens ska ingå") it is the answer."""
_ANY_TIME = re.compile(
    r"\b(när som helst|(at )?any ?time|whenever|när (kommunen|beställaren|kunden|köparen)"
    r" (så )?(vill|önskar|begär)|dygnet runt|around the clock|självbetjäning|self-service)\b"
    r"|\b24/7\b",
    re.IGNORECASE,
)
"""Words that say export or access at any time (not "på begäran" or "on demand", which are
the vendor's doing, nor "löpande" or "realtid", said of backups and dashboards too)."""
_SCHEDULED = re.compile(
    r"\b(kvartalsvis|månadsvis|halvårsvis|årsvis|veckovis|schema|schedule|quarterly|monthly"
    r"|weekly|yearly|annual|twice a year|once a year|nattetid|kl|klockan|between|am|pm)\b"
    r"|\d[.:]\d\d",
    re.IGNORECASE,
)
"""A fixed schedule or a clock window ("kvartalsvis", "on a monthly basis", "kl. 01.00–04.00")
narrows only a requirement of export or access at any time (round 11), and not where the
answer says "any time" in its first sentence or in one about export ("Ja, när som helst. Vi
rapporterar driftstatistik månadsvis."); said of backups or a dashboard it cancels nothing.
Answering a requirement on releases or backups a schedule is the answer."""
_SCOPED = re.compile(
    r"\d|\b(första|first|version|release|export|exporter|exports?|uttag|status|state|ärenden"
    r"|cases|records|utanför|outside)\b|registrer|skapa|created|registered|år\b|\byears?\b",
    re.IGNORECASE,
)
"""A part of the data named by size, version, date, year, status or count ("för exporter under
10 GB", "som registrerats i version 8", "för innevarande kalenderår", "för ärenden med status
Avslutad", "de två första exporterna", "hanteras utanför exporten"): a limit unless the
answer takes in the rest too (`_Reading.limits`)."""
_USUALLY = re.compile(
    r"(normalt|i regel|oftast|vanligtvis|i normalfallet|som (en )?huvudregel|huvudsakligen"
    r"|i huvudsak|normally|usually|generally|as a (general |main )?rule|mainly"
    r"|primarily|mostly|largely)",
    re.IGNORECASE,
)
"""Words that say what holds as a rule: a reservation on the Yes, unless they qualify how long
the work takes or which of several open formats is the default (`_Reading.limits`)."""
_DURATION = re.compile(
    r"\b(tar|tar det|går|varar|är klar|blir klar|är färdig|takes|lasts|runs for|completes"
    r"|finishes|is (completed|done|ready|finished))\b[^.;,]{0,30}?\b(\d+|en|ett|några|par|a"
    r"|one|a few|couple of|två|tre|two|three) ?(sekund|minut|timm|second|minute|hour|min\b|sek\b)",
    re.IGNORECASE,
)
"""How long the work takes, in seconds to hours ("normalt tar exporten under en minut",
"the export usually takes a few minutes"): a duration, not a limit on the Yes."""
_ORDERED = re.compile(r"beställ|begär|förfrågan|\border|request", re.IGNORECASE)
_OPEN_FORMAT = re.compile(
    r"\b(csv|tsv|json(-ld)?|xml|rdf|ods|odt|odf|pdf/a|html|yaml|geojson|gml|sql|parquet|rest"
    r"|odata|graphql|soap|fhir|hl7|sie)\b",
    re.IGNORECASE,
)
_FORMAT_NEXT = re.compile(r"\s*(\w+\s+){0,2}?" + _OPEN_FORMAT.pattern, re.IGNORECASE)
_ALSO_NAMED = re.compile(
    r"\b(även|också|likaså|dessutom|also|as well|too)\b|\b(alla|samtliga|all|every)\b[^.;]{0,40}"
    r"\b(öppna|open)\b",
    re.IGNORECASE,
)
"""After "i regel CSV": words that name the other formats too ("även JSON", "JSON och XML finns
också", "alla är öppna standarder"): the rule says which open format is the default."""
_SUBJECT = re.compile(
    r"export|uttag|nedladdning|ladda(s|r)? (ned|ner)|hämt|åtkomst|tillgång|\bdata|\buppgift"
    r"|\bapi|gränssnitt|\baccess|retriev|extract|download|interface",
    re.IGNORECASE,
)
"""Words of what the requirements on data ask about: export, access, data, an API."""
_ANCILLARY = re.compile(
    r"\b(utbildning\w*|användarutbildning\w*|kurs|kurser|kurserna|resor|resekostnad\w*"
    r"|training|courses?|travel|travel expenses)\b",
    re.IGNORECASE,
)
"""A service bought beside the system (training, travel)."""
_ANCILLARY_ALONE = re.compile(
    r"\s*((all|the|our|vår|våra|er|en|ett) )?(användarutbildning\w*|utbildning\w*|kurs|kurser"
    r"|kurserna|resor|resekostnad\w*|training|courses?|travel|travel expenses)( (av|för|of|for)"
    r" [\wåäö-]+)? ((is|are|will be|can be|kan|ska|will) )?$",
    re.IGNORECASE,
)
"""A clause whose subject is training or travel alone: "Utbildning avropas separat" is about
the training, not the export the requirement asks for ("Modulen och utbildning avropas
separat" is not alone)."""
_API = re.compile(r"\bapi|\bgränssnitt|\binterface", re.IGNORECASE)
_FILE_DROP = re.compile(
    r"filöverföring|sftp|ftp|filexport|fildump|batchfil|file (transfer|export|drop)|batch file"
    r"|odbc|jdbc|\bdirekt|\bdirect"
)
"""A file sent over (SFTP, a nightly batch file) or a connection straight to the database
(ODBC, JDBC) in place of an API is a reservation only to a requirement of an API (rounds 11
and 14); to one of export it is an answer."""
_NOTICE = re.compile(
    r"varsel|framförhållning|förvarning|bokningstid|notice|in advance|i förväg"
    r"|(dagar|dygn|veckor|timmar) (innan|före)"
)
_NOTICE_ASKED = re.compile(
    r"varsel|underrätt|utfas|version|notice|notif|deprecat|ändring|change", re.IGNORECASE
)
"""Days of notice before an export are a reservation (round 14), but to a requirement of notice
before a change or a deprecation ("utfasning med 12 månaders varsel") they are the answer."""
_OPEN_ASKED = re.compile(
    r"\böppn\w* (\w+ )?(standard|format|filformat)|\bopen (\w+ )?(standard|format)", re.IGNORECASE
)
_CLOSED_FORMAT = re.compile(r"\.(xls|doc|ppt|mdb|accdb|xlsb|wpd|wps)\b|97|binär|binary|access")
_OPEN_TOO = re.compile(
    _OPEN_FORMAT.pattern + r"|\b(xlsx|docx|pptx|ooxml|office open xml|odf|ods|odt|iso/iec 29500)\b",
    re.IGNORECASE,
)
"""An old closed format (Excel 97-2003 .xls, Word .doc, Access .mdb) is a reservation only to a
requirement of open standards or formats, and not where the answer names an open format too
("CSV och .xls"): to one of export, or beside CSV, it is one more format offered."""
_ONLY = re.compile(r"\b(endast|enbart|bara|uteslutande|only|solely|exclusively)\b")
_LIMITS = re.compile(
    r"\b(endast|enbart|uteslutande|only|solely|exclusively|avvisas|rejected|inte|ej|aldrig"
    r"|not|never)\b"
)
"""A requirement that itself limits or forbids ("okrypterade anrop ska avvisas", "ska inte
använda data för andra ändamål"): a vendor's "Endast HTTPS" or "Ja, enbart för att leverera
tjänsten" echoes the limit rather than narrowing the Yes (as "Ja, endast CSV" does to a
requirement of CSV, JSON or XML)."""


class _Reading:
    """A folded answer read sentence by sentence (a sentence ends at ".", "!" or "?" before a
    space, not the dot of "kl." or "t.ex.", or at a line break), to judge a reservation phrase
    by the sentence it stands in. Built per answer; the sentences are found only when a
    phrase needs them."""

    def __init__(self, text: str, own: str) -> None:
        self.text = text
        self.own = own
        self._ends: list[int] | None = None
        self._any_time: bool | None = None

    @property
    def ends(self) -> list[int]:
        if self._ends is None:
            self._ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        return self._ends

    def bounds(self, pos: int) -> tuple[int, int, int]:
        """The start and end of the sentence holding `pos`, and its number."""
        ends = self.ends
        index = bisect.bisect_right(ends, pos)
        return (
            (ends[index - 1] if index else 0),
            (ends[index] if index < len(ends) else len(self.text)),
            index,
        )

    def sentences(self) -> Iterator[str]:
        ends = [*self.ends, len(self.text)]
        return (self.text[a:b] for a, b in zip([0, *self.ends], ends, strict=True))

    def schedule_narrows(self) -> bool:
        """Whether a schedule can narrow the requirement: it asks for any time (or is not
        known), and no sentence about export or the Yes itself says any time."""
        if self._any_time is None:
            asked = not self.own or _ANY_TIME.search(self.own) is not None
            self._any_time = asked and not any(
                _ANY_TIME.search(sentence) and _about(sentence, index)
                for index, sentence in enumerate(self.sentences())
            )
        return self._any_time

    def limits(self, kind: str, match: re.Match[str]) -> bool:
        """Whether a reservation phrase limits the Yes, read in its sentence: a schedule only
        under `schedule_narrows`; a part of the data named (`_SCOPED`) unless the words around
        it take in the rest too ("inklusive ärenden som skapats …", "ingår också", "liksom
        alla därefter", "större exporter delas upp"); and nothing said of training or travel
        alone ("Utbildning avropas separat") in a sentence that names no export, data or API."""
        phrase = match.group(0)
        start, end, _index = self.bounds(match.start())
        sentence = self.text[start:end]
        clause = _CLAUSE.split(self.text[start : match.start()])[-1]
        if (
            _ANCILLARY_ALONE.match(clause)
            and not _SUBJECT.search(sentence)
            and not _ANCILLARY.search(self.own)
        ):
            return False
        if _USUALLY.fullmatch(phrase.strip()) and self._not_the_yes(match, clause, end):
            return False
        if kind == "future" and (
            (_FURTHER.search(clause[-60:]) and _NOW.search(self.text[: match.start()]))
            or (_PLAN_VERB.match(phrase) and _WITH_BUYER.search(sentence))
        ):
            return False
        if kind != "partial":
            return True
        if _SCHEDULED.search(phrase):
            return self.schedule_narrows()
        if not _SCOPED.search(phrase):
            return True
        after = self.text[match.end() : min(end, match.end() + _AFTER_READ)]
        return not (
            _ALSO_BEFORE.search(clause[-60:])
            or _ALSO_AFTER.search(after.split(";")[0])
            or _LARGER_TOO.search(after)
        )

    def _not_the_yes(self, match: re.Match[str], clause: str, end: int) -> bool:
        """Whether a word of what holds as a rule qualifies something beside the Yes: how long
        the work takes ("normalt tar exporten under en minut", not one counted from an order),
        or the default of several open formats it names ("i regel CSV, även JSON")."""
        after = self.text[match.end() : min(end, match.end() + _AFTER_READ)]
        around = clause[-40:] + match.group(0) + re.split(r"[.;,]", after[:80])[0]
        if _DURATION.search(around) and not _ORDERED.search(around):
            return True
        rest = self.text[match.end() : match.end() + _AFTER_READ]
        return (
            _FORMAT_NEXT.match(after) is not None
            and _ALSO_NAMED.search(rest) is not None
            and len({m.group(0).lower() for m in _OPEN_FORMAT.finditer(rest)}) > 1
        )


_FURTHER = re.compile(
    r"vidareutveckl|vidare utveckl|ytterligare|förbättring|further develop|enhancement"
    r"|improvement",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"\b(finns|redan|i dag|idag|i drift|i produktion|today|already|in production|currently"
    r"|available now)\b",
    re.IGNORECASE,
)
"""A plan for what comes after a function that exists now ("finns i dag; vidareutveckling
enligt produktplan 2027", "available today; further development per our roadmap") is no
future delivery of the function."""
_PLAN_VERB = re.compile(r"\bplan", re.IGNORECASE)
_WITH_BUYER = re.compile(
    r"\b(i samråd|i samarbete|tillsammans|i dialog) med (kommunen|kunden|beställaren|köparen"
    r"|regionen|myndigheten|er|dig)\b|\b(in consultation|together|jointly|in coordination)"
    r" with (the )?(customer|buyer|client|council|authority|municipality|you)\b",
    re.IGNORECASE,
)
"""An export planned together with the buyer ("i samråd med kommunen planeras exporten") is
the buyer's own scheduling, not a function promised for later."""

_AFTER_READ = 300
"""Characters read after a reservation phrase for words that take in the rest or name other
formats (enough for a sentence or two; a 50 kB answer is not read again for each phrase)."""


def _about(sentence: str, index: int) -> bool:
    """Whether a sentence speaks of what the requirement asks: the first (the Yes itself), or
    one naming export, data or an API."""
    return index == 0 or _SUBJECT.search(sentence) is not None


_SENTENCE_END = re.compile(r"(?<!\bkl)(?<!\bca)(?<!\bnr)(?<!\bex)(?<!\bbl\.a)[.!?](?=\s|$)|\n")
_ALSO_BEFORE = re.compile(
    r"\b(inklusive|inkl|även|också|including|also|even)( [\wåäö-]+){0,2} ?$", re.IGNORECASE
)
"""A part named right after words that add it to the rest: "all data inklusive ärenden som
skapats i år 2005", "även för datamängder under 50 GB"."""
_ALSO_AFTER = re.compile(
    r"\b((ingår|omfattas|exporteras|följer med|finns med|är med) (också|även)|(också|även)"
    r" (ingår|omfattas|exporteras)|liksom (alla|samtliga|övriga|resten)|(is|are) also (included"
    r"|exported|covered)|as (are|is) (all|any|every)|as well as all|like all)\b",
    re.IGNORECASE,
)
"""Words after a part named that take it in beside the rest, in its clause: "… ingår också
i exporten", "… varje år ingår liksom alla därefter"."""
_LARGER_TOO = re.compile(
    r"\b(större|larger|bigger)\b[^.;]{0,60}\b(delas upp|delas i|levereras i (flera|fler)|split"
    r"|divided|chunked|delivered in (several|multiple))",
    re.IGNORECASE,
)
"""A size named only for how it is delivered: "för exporter under 10 GB sker nedladdningen
direkt; större exporter delas upp i flera filer" ("större exporter stöds inte" limits)."""


@functools.lru_cache(maxsize=4096)
def _hedges(text: str) -> tuple[tuple[str, re.Match[str], re.Pattern[str]], ...]:
    """The reservation phrases of folded `text` that are not negated, each with the pattern
    that finds it as words ("men" is not "mentor") in a requirement. Cached: vendors repeat
    the same comment ("Mot en avgift enligt prislista.") on many rows."""
    found = []
    for lang in LANGS:
        for kind, patterns in lexicon(lang).hedges.items():
            for pattern in patterns.open_for(text):  # those whose words the text has
                kept = 0
                for match in pattern.finditer(text):
                    before = text[max(0, match.start() - 60) : match.start()]
                    clause = _CLAUSE.split(before)[-1]
                    if any(lexicon(lng).has("negation", clause) for lng in LANGS):
                        continue
                    phrase = re.escape(match.group(0).strip())
                    found.append((kind, match, re.compile(rf"(?<!\w){phrase}(?!\w)")))
                    kept += 1
                    if kept == _MATCHES_KEPT:
                        break  # one more of the same says nothing new; 25,000 took minutes
    return tuple(found)


_MATCHES_KEPT = 10
"""Matches of one reservation pattern kept for a text: a message quotes four at most, and
keeping every one of "* * * …" made the check of one 50 kB cell quadratic."""


def _hidden_note(answer: VendorAnswer, lang: Lang) -> str:
    """A note that the cell contains N invisible characters inside words, or nothing: a soft
    hyphen or zero-width character inside a word is how a phrase is hidden from a plain search."""
    count = sum(len(fold(part).hidden) for part in (answer.raw, answer.comment) if part)
    if not count:
        return ""
    return " " + ngettext(
        lang,
        "(the cell contains {count} invisible character inside words)",
        "(the cell contains {count} invisible characters inside words)",
        count,
        count=count,
    )


_PLACEHOLDERS = frozenset({"-", "–", "n/a", "na", "saknas", "ingen", "none", "x", "?", "tbd"})


def _has_evidence(answer: VendorAnswer) -> bool:
    """Evidence counts only when listed (an evidence field or Bilaga column), not a placeholder;
    a "se bilaga 4" in the text is a claim to check, not the attachment."""
    return any(_names_evidence(item) for item in answer.evidence)


def _names_evidence(item: str) -> bool:
    """Whether an evidence entry names something attached: not a placeholder, a No ("Nej",
    "Bifogas ej"), or a promise to send it later ("eftersänds efter tilldelning", "lämnas på
    begäran"), which all say that nothing is attached."""
    text = item.strip()
    if not text or text.lower() in _PLACEHOLDERS:
        return False
    if normalise_answer(text)[0] in ("no", "not_applicable"):
        return False
    if any(lexicon(lang).has("negation", folded_vendor(text)) for lang in LANGS):
        return False
    return not any(kind in ("future", "on_request") for kind, _match in hedges_in(text))


def _mentions_evidence(answer: VendorAnswer) -> bool:
    words = f"{answer.rest} {answer.comment}"
    return any(lexicon(lang).has("evidence", words) for lang in LANGS)


_QUANTITY = re.compile(  # at every word start (a lookahead): "om tre månader" has its "tre"
    r"(?<![\w.,])(?<!\d )(?=(\d+(?:[ .,]\d+)*|[a-zåäö]+)\s*(%|[a-zåäö]+(?: [a-zåäö]+)?))",
    re.IGNORECASE,
)
_TO_DAYS = {
    "day": 1.0,
    "workday": 7 / 5,
    "week": 7.0,
    "month": 30.0,
    "quarter": 91.0,
    "year": 365.0,
}
"""Durations in calendar days: a working day is a fifth of a week."""
Bound = Literal["upper", "lower", "exact"]


@functools.lru_cache(maxsize=4096)
def quantities(text: str) -> tuple[tuple[str, float, Bound, str], ...]:
    """Numbers with a unit ("inom 30 dagar", "six months", "99,5 %"): unit, value, whether the
    text makes it a maximum, a minimum or an exact value, and the words as written. Durations
    (working days to years) are in calendar days. Cached: vendors repeat a comment on many rows."""
    found: list[tuple[str, float, Bound, str]] = []
    lowered = text.lower()
    for match in _QUANTITY.finditer(lowered):
        number, unit_words = match.group(1), match.group(2)
        value: float | None = None
        for lang in LANGS:
            if number in lexicon(lang).number_words:
                value = float(lexicon(lang).number_words[number])
        if value is None:
            try:
                value = float(number.replace(" ", "").replace(",", "."))
            except ValueError:
                continue
        named = _unit(unit_words)
        if named is None:
            continue
        unit, unit_words = named
        if unit in _TO_DAYS:
            value, unit = value * _TO_DAYS[unit], "day"
        before = lowered[max(0, match.start() - 20) : match.start()]
        bound: Bound = "exact"
        if any(lexicon(lang).has("upper_bound", before) for lang in LANGS):
            bound = "upper"
        elif any(lexicon(lang).has("lower_bound", before) for lang in LANGS):
            bound = "lower"
        found.append((unit, value, bound, f"{number} {unit_words}"))
    return tuple(found)


def _unit(words: str) -> tuple[str, str] | None:
    """The unit the words after a number name, and the words that name it: both when they are
    one unit ("working days"), else the first ("dagar" of "dagar återlämna")."""
    for written in (words, words.split(" ")[0]):
        for lang in LANGS:
            if unit := lexicon(lang).units.get(written):
                return unit, written
    return None


def _breaks(value: float, limit: float, bound: Bound) -> bool:
    if bound == "upper":
        return value > limit
    if bound == "lower":
        return value < limit
    return value != limit


def quantity_conflicts(words: str, requirement: Requirement, lang: Lang) -> list[str]:
    """Quantities in the vendor's words that break the requirement's, each quoted against the
    requirement's as written in `lang` ("6 veckor" ≠ "30 dagar"): more than a maximum ("inom
    30 dagar" answered "90 dagar"), less than a minimum, or another exact value."""
    offered = quantities(words)
    if not offered:
        return []  # the usual case: the requirement's quantities need not be read
    required = quantities(requirement.text.get(lang)) or quantities(
        f"{requirement.text.sv} {requirement.text.en}"
    )
    conflicts = []
    for unit, value, _unused, written in offered:
        limits = [(v, b, w) for u, v, b, w in required if u == unit]
        if limits and all(_breaks(value, limit, bound) for limit, bound, _w in limits):
            wanted = ", ".join(dict.fromkeys(f'"{w}"' for _v, _b, w in limits))
            conflicts.append(f'"{written}" ≠ {wanted}')
    return conflicts


def _file_location(document: AnswerDocument) -> Location:
    return Location(path=document.path, line=1)


def _quote(answer: VendorAnswer) -> str:
    """The answer as the vendor wrote it: the answer cell, its comment, and the cells of
    columns of no known role (in brackets, so a reader sees they stand apart)."""
    parts = [answer.raw.strip(), answer.comment.strip()]
    if answer.other:
        parts.append(f"[{answer.other}]")
    return " — ".join(p for p in parts if p)


@register(
    "AN001",
    "must-answered-no",
    title_en="A requirement is answered No",
    title_sv="Ett krav besvaras med Nej",
    kind="answers",
    severity="error",
)
def answered_no(document: AnswerDocument, ctx: AnswersContext) -> Iterator[Finding]:
    """Reports requirements the vendor answers with No.

    What it checks
    The answer cell normalised: "Nej", "NEJ", "nej.", "No", "Uppfylls ej", "Not compliant".

    Why it matters
    A bid that does not meet a must-requirement (skall-krav) cannot be accepted under LOU; a
    "No" to a should-requirement costs evaluation credit.

    How to comply
    Nothing for the buyer to fix: the officer records the verdict. If the "No" is a mistake, the
    vendor may only clarify it within what LOU allows (förtydligande, 4 kap. 9 §).

    References
    - LOU (2016:1145) 4 kap. 9 § (clarifying or supplementing a tender).
    """
    matching = ctx.matching
    for requirement in ctx.requirement_set.requirements:
        answer = matching.by_requirement.get(requirement.id)
        if answer is None or answer.value != "no":
            continue
        yield answered_no.finding(
            requirement=requirement.id,
            severity="error" if requirement.level == "must" else "warning",
            outcome="not_met",
            message=_(ctx.lang, ANSWERED_NO[requirement.level], requirement=requirement.id),
            location=answer.location,
            evidence=_quote(answer),
            fix=_(
                ctx.lang,
                "Nothing for the buyer to fix; record in the evaluation that the requirement is not met.",
            ),
        )


@register(
    "AN002",
    "requirement-unanswered",
    title_en="A requirement is left unanswered or missing",
    title_sv="Ett krav är obesvarat eller saknas",
    kind="answers",
    severity="error",
)
def unanswered(document: AnswerDocument, ctx: AnswersContext) -> Iterator[Finding]:
    """Reports requirements with an empty answer, or missing from the vendor's file.

    What it checks
    Every requirement of the set (or specification) has a row or entry in the vendor's answers,
    found by id or, when the file has no ids, by requirement text; and the answer is not empty.

    Why it matters
    An unanswered must-requirement is not met: the buyer cannot assume a "yes" that the vendor
    did not give.

    How to comply
    Nothing for the buyer to fix; check that the right file was read, or that the vendor's
    requirement ids match the specification (`proccheck answers template` hands out a matrix
    with the right ids).

    References
    - LOU (2016:1145) 4 kap. 1 § (equal treatment: no bid may be completed by the buyer).
    """
    matching = ctx.matching
    for requirement in ctx.requirement_set.requirements:
        answer = matching.by_requirement.get(requirement.id)
        if answer is not None and (answer.value != "blank" or answer.formula):
            continue  # a formula without a stored value is AN004's: unknown, not unanswered
        severity: Severity = "error" if requirement.level == "must" else "warning"
        if answer is None:
            yield unanswered.finding(
                requirement=requirement.id,
                severity=severity,
                outcome="not_met",
                message=_(
                    ctx.lang,
                    "{requirement} is missing from the vendor's answers",
                    requirement=requirement.id,
                ),
                location=_file_location(document),
                fix=_(
                    ctx.lang,
                    "Check that the right file was read and that the ids match; an unanswered must-requirement is not met.",
                ),
            )
        else:
            yield unanswered.finding(
                requirement=requirement.id,
                severity=severity,
                outcome="not_met",
                message=_(ctx.lang, "{requirement} is left unanswered", requirement=requirement.id),
                location=answer.location,
                evidence=answer.comment or None,
                fix=_(
                    ctx.lang,
                    "Check that the right file was read and that the ids match; an unanswered must-requirement is not met.",
                ),
            )


_NEGATION_FIRST = frozenset({"ej", "inte", "icke", "not"})
"""A first word after "Ja" (or of a comment) that negates what follows: "Ja, inte i dagsläget"."""
_ANSWER_END = re.compile(r"\s*(?:$|[,.;:!?()–—-])")


def retractions(answer: VendorAnswer) -> list[str]:
    """What in the words beside a "Ja" takes it back, quoted: a No or Not applicable that
    stands as an answer of its own at the start of the comment or of a further answer column
    ("Nej, …", "Uppfylls ej.", "Not compliant"); in the answer cell after "Ja", also a
    negation as its first word ("Ja, ej", "Ja, inte i dagsläget") or a "nej" anywhere ("Ja
    eller nej"); and in the comment, a clause that undermines a requirement ("Leverantören äger
    all data", the specification check's patterns). A comment that begins "Ej avgiftsbelagt"
    or "Not only CSV" takes nothing back."""
    found: list[str] = []
    parts = ((answer.rest, True, True), (answer.comment, False, True))
    for part, cell, clauses in (*parts, (answer.other_answers, False, False)):
        text = " ".join(folded_vendor(part).lower().split())
        if not text:
            continue
        first = re.match(r"[^\W\d_]+", text)
        if (
            _stands_as_no(text)
            or (cell and first is not None and first.group() in _NEGATION_FIRST)
            or (cell and re.search(r"(?<!\w)nej(?!\w)", text))
        ):
            found.append(f'"{part.strip()[:60]}"')
            continue
        if clauses:
            found += [f'"{m.group(0).strip()[:80]}"' for m in _undermining(text)]
    return found


_ZERO_AMOUNT = re.compile(r"[0\s.,]*(?:kr|kronor|sek|:-|€|eur|usd|\$)?")
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def column_reservations(answer: VendorAnswer) -> list[str]:
    """The cells of columns whose header gives them a meaning that take part of a Yes back,
    quoted with their header: "Ingår i anbudspriset: Nej", "Tilläggskostnad (SEK): 25 000",
    "Avvikelse (Ja/Nej): Ja", "Tillgängligt från: 2028-01-01". A cell saying there is nothing
    to add ("0 kr", "Ingen", "Idag", a date already past, "Ja" where the column asks whether it
    is included) takes nothing back; anything else is shown for the officer to judge."""
    return [
        f'"{header}: {cell[:60]}"'
        for role, header, cell in answer.meanings
        if _takes_back(role, " ".join(folded_vendor(cell).lower().split()).rstrip(".!"))
    ]


def _takes_back(role: str, text: str) -> bool:
    value, rest = normalise_answer(text)
    if role == "included":
        return value != "yes" or bool(hedges_in(rest))
    if _is_value(text, "none"):
        return False
    if role == "extra_cost":
        return _ZERO_AMOUNT.fullmatch(text) is None
    if role == "deviation":
        return value not in ("no", "not_applicable")
    return not (_is_value(text, "now") or _past_date(text))  # available_from


def _is_value(text: str, kind: str) -> bool:
    return any(text in lexicon(lang).answer_values.get(kind, frozenset()) for lang in LANGS)


def _past_date(text: str) -> bool:
    """Whether `text` is a date (2024-05-01, 2024-05 or 2024) that has already begun."""
    match = _DATE.fullmatch(text)
    if match is None:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return datetime.date(year, month, day) <= datetime.date.today()
    except ValueError:
        return False


def _stands_as_no(text: str) -> bool:
    """Whether lower-case `text` starts with a No or Not-applicable answer followed by its end
    or a stop ("nej, vi …"; not "no additional cost")."""
    for lang in LANGS:
        answers = lexicon(lang).answer_values
        for value in answers.get("no", frozenset()) | answers.get("not_applicable", frozenset()):
            if text.startswith(value) and _ANSWER_END.match(text, len(value)):
                return True
    return False


def _undermining(text: str) -> Iterator[re.Match[str]]:
    """The first clause of each contradiction kind in `text` that undermines a requirement,
    unless negated (as the specification check decides: "data is never used for training")."""
    for lang in LANGS:
        lex = lexicon(lang)
        kinds: set[str] = set()
        for contradiction, pattern in lex.undermining_in(text):
            match = pattern.search(text) if contradiction.kind not in kinds else None
            if match is None:
                continue
            if clause_negated(lex, text, match, own_negation=contradiction.own_negation):
                continue
            kinds.add(contradiction.kind)
            yield match


@register(
    "AN003",
    "answer-has-reservation",
    title_en="A Yes with a reservation, condition, cost or future delivery",
    title_sv="Ett Ja med förbehåll, villkor, kostnad eller framtida leverans",
    kind="answers",
    severity="warning",
)
def reservation(document: AnswerDocument, ctx: AnswersContext) -> Iterator[Finding]:
    """Reports "Ja" answers whose words take part of the yes back.

    What it checks
    The text after the answer word and the comment of every "yes", for reservations (men, dock,
    förutsatt att / but, provided that), extra cost (mot avgift, enligt offert / at additional
    cost), future delivery (i kommande version, planerat / on the roadmap), on request,
    partial fulfilment, dependence on a partner, and the vendor's own or proprietary format;
    the vendor's discretion ("som utgångspunkt", "within reasonable limits", "med vissa
    anpassningar", "the standards relevant to our product"), a part of the data by year,
    status, share per day or edition, or owned by the vendor ("Service Data is owned by …"),
    and a no-cost or an API for one category of customers only ("för Care-kunder", "customers
    in our pilot"). A word of what holds as a rule ("normalt", "i regel", "mainly") is no
    reservation where it says how long the work takes ("normalt tar exporten under en minut")
    or which of several open formats it names is the default ("i regel CSV, även JSON");
    and a remaining-work column of a compliance matrix ("Remaining", "Återstår") that lists
    something still to do. Negated phrases ("utan extra kostnad", "no additional cost") are not reservations. The
    phrase lists live in the lexicon files per language.

    Also words that take the Yes back: a No or Not applicable standing as an answer at the start
    of the comment or right after the answer word ("Nej, …", "Uppfylls ej."), a negation as the
    first word there ("Ja, inte i dagsläget"), a "nej" in the answer cell, and a clause that
    gives the data or the rights to the vendor ("Leverantören äger all data"), unless negated.

    A row that answers no requirement (an "Övrigt" row, a note below the matrix) and reserves
    something in its own words makes every Yes not verified: it may speak for the whole bid.
    A row for a range of ids ("K1–K13") does so for the requirements in the range, also when
    it answers No.

    Cells in columns of no known role ("Villkor", "Anmärkning", a column without a header) are
    read for reservations, a further answer column ("Leverantörens svar") also for a No, and
    both are quoted in brackets; with a mapping file, only the columns it names are read.

    A column whose header gives its cells a meaning is read with the Yes beside it: Nej under
    "Ingår i anbudspriset" or "Standardfunktion", an amount under "Tilläggskostnad", Ja or a
    text under "Avvikelse" or "Förbehåll", and a date still to come under "Tillgängligt från"
    each make the Yes not verified ("0", "Ingen", "Idag" or a date already past do not). A
    column such as "Slutligt svar" or "Korrigerat svar" is a further answer column.

    Why it matters
    A reservation can make a tender unacceptable (an "ja, mot en avgift" to a requirement of
    export at no cost is a no). proccheck flags it for a person to assess; it never rejects.

    How to comply
    The officer assesses the reservation: ask the vendor for a clarification where LOU allows it,
    or record in the evaluation why the answer is or is not acceptable.

    References
    - LOU (2016:1145) 4 kap. 1 § and 4 kap. 9 §; Upphandlingsmyndigheten on reservations
      (reservationer i anbud).
    """
    matching = ctx.matching
    budget = _SearchBudget()
    general = _general_reservations(matching.unmatched, budget)
    unsearched = budget.left == 0  # rows answering no requirement hold more than is searched
    for requirement in ctx.requirement_set.requirements:
        answer = matching.by_requirement.get(requirement.id)
        if (
            answer is not None
            and answer.value == "yes"
            and (unsearched or not budget.take(answer.words[:MAX_ANSWER_CHARS]))
        ):
            yield reservation.finding(
                requirement=requirement.id,
                severity="warning",
                outcome="not_verified",
                message=_(
                    ctx.lang,
                    "{requirement}: Yes, but the file holds more text than is searched for "
                    "reservations ({limit} characters), and this answer or a row that answers no "
                    "requirement lies past it",
                    requirement=requirement.id,
                    limit=MAX_SEARCHED_CHARS,
                ),
                location=answer.location,
                evidence=_quote(answer),
                fix=_(
                    ctx.lang,
                    "Read the answers by hand, or ask the vendor for a file without the long texts.",
                ),
            )
            continue
        covering = _covering(general, requirement.id) if general else None
        if answer is not None and answer.value == "yes" and covering is not None:
            row, phrases = covering
            yield reservation.finding(
                requirement=requirement.id,
                severity="warning",
                outcome="not_verified",
                message=_(
                    ctx.lang,
                    "{requirement}: a row that answers no requirement ({where}) makes a "
                    "reservation that may cover this Yes: {phrases}",
                    requirement=requirement.id,
                    where=row.location.describe(),
                    phrases=phrases,
                ),
                location=row.location,
                evidence=_quote(row),
                fix=_(
                    ctx.lang,
                    "Assess the reservation by hand; ask for a clarification where LOU allows it.",
                ),
            )
        if answer is None or answer.value != "yes":
            continue
        if not (answer.words or answer.remaining or answer.meanings):
            continue
        size = len(answer.words)
        searched = answer.words[:MAX_ANSWER_CHARS]  # bounded work; the rest is not "no reservation"
        found = hedges_in(searched, f"{requirement.text.sv} {requirement.text.en}")
        conflicts = quantity_conflicts(folded_vendor(searched), requirement, ctx.lang)
        left = [f'"{answer.remaining[:MAX_ANSWER_CHARS]}"'] if answer.remaining else []
        columns = column_reservations(answer)
        taken_back = [  # a clause already named for its cost or condition is not repeated
            phrase
            for phrase in (retractions(answer) if size <= MAX_ANSWER_CHARS else [])
            if not any(m.group(0).strip().lower() in phrase.lower() for _kind, m in found)
        ]
        if not (found or conflicts or left or taken_back or columns) and size <= MAX_ANSWER_CHARS:
            continue
        kinds = sorted(
            {kind for kind, _unused in found}
            | ({"quantity"} if conflicts else set())
            | ({"remaining"} if left else set())  # the vendor's own list of what is not done
            | ({"retraction"} if taken_back else set())
            | ({"column"} if columns else set())
        )
        phrases = ", ".join(dict.fromkeys(  # each phrase once, however often it stands
            taken_back[:2] + columns + [f'"{m.group(0).strip()}"' for _unused, m in found[:4]]
            + conflicts + left
        ))  # fmt: skip
        message = (
            _(
                ctx.lang,
                "{requirement}: Yes with a reservation ({kinds}): {phrases}",
                requirement=requirement.id,
                kinds=", ".join(_(ctx.lang, HEDGE_NAMES.get(k, k)) for k in kinds),
                phrases=phrases,
            )
            if found or conflicts or left or taken_back or columns
            else _(
                ctx.lang,
                "{requirement}: Yes, with an answer too long to search in full for reservations",
                requirement=requirement.id,
            )
        )
        if size > MAX_ANSWER_CHARS:
            message += " " + _(
                ctx.lang,
                "(only the first {limit} of its {count} characters were searched)",
                limit=MAX_ANSWER_CHARS,
                count=size,
            )
        yield reservation.finding(
            requirement=requirement.id,
            severity="warning",
            outcome="not_verified",
            message=message + _hidden_note(answer, ctx.lang),
            location=answer.location,
            evidence=_quote(answer),
            fix=_(
                ctx.lang,
                "Assess the reservation by hand; ask for a clarification where LOU allows it.",
            ),
        )


MAX_SEARCHED_CHARS = 3_000_000
"""Most characters of one file searched for reservations, all answers and rows together
(about a microsecond each): 64 MB of comments took a minute. An answer past it is not
verified, never passed."""


def _covering(
    general: list[tuple[VendorAnswer, str, frozenset[str] | None]], requirement_id: str
) -> tuple[VendorAnswer, str] | None:
    """The first general reservation that speaks for the requirement: the whole bid's, or that
    of a range of ids holding it."""
    key = _loose_id(requirement_id)
    return next(
        ((row, phrases) for row, phrases, members in general if members is None or key in members),
        None,
    )


class _SearchBudget:
    """The characters of `MAX_SEARCHED_CHARS` not yet searched in one file."""

    def __init__(self) -> None:
        self.left = MAX_SEARCHED_CHARS

    def take(self, text: str) -> bool:
        """Whether `text` may be searched; once one text does not fit, nothing more does."""
        if len(text) > self.left:
            self.left = 0
            return False
        self.left -= len(text)
        return True


def _general_reservations(
    rows: list[VendorAnswer], budget: _SearchBudget
) -> list[tuple[VendorAnswer, str, frozenset[str] | None]]:
    """The rows answering no requirement, and naming none (no id with a digit: "Övrigt", a
    blank id) or a range of them ("K1–K13"), whose own words ("Samtliga ja-svar gäller mot
    avgift") reserve something, or whose answer for a range is not Yes, each with its phrases
    quoted and the loose ids of its range (None: the whole bid). A row of another requirement
    ("U1", a requirement outside the set) speaks only for that one."""
    found: list[tuple[VendorAnswer, str, frozenset[str] | None]] = []
    for row in rows:
        members = _range_members(row.requirement)
        words = row.words[:MAX_ANSWER_CHARS]
        if members is None and (
            not words or (row.requirement and any(c.isdigit() for c in row.requirement))
        ):
            continue  # a row with a requirement's id of its own answers that requirement
        if not budget.take(words):
            return found
        phrases = (
            [f'"{row.raw.strip()[:60]}"'] if members and row.value not in ("yes", "blank") else []
        )
        phrases += [f'"{m.group(0).strip()}"' for _kind, m in hedges_in(words)[:3]]
        phrases += [
            f'"{m.group(0).strip()[:80]}"' for m in _undermining(folded_vendor(words).lower())
        ]
        if phrases:
            found.append((row, ", ".join(phrases[:4]), members))
    return found


UNSEEN_REASONS = {
    "format-text": N_(
        "{requirement}: the cell's number format shows text of its own beside or instead of "
        "the value read, so the sheet shows something else than the file says"
    ),
    "format-hides": N_(
        "{requirement}: the cell's number format shows nothing, so a reader of the sheet does "
        "not see the answer read"
    ),
    "colour": N_(
        "{requirement}: the answer or comment is written in the colour of its cell's "
        "background, so a reader of the sheet does not see it"
    ),
    "struck": N_(
        "{requirement}: the answer or comment is struck through, which a reader takes as withdrawn"
    ),
    "struck part": N_(
        "{requirement}: part of the answer or comment is struck through, so a reader sees other words than the file holds"
    ),
    "indent": N_(
        "{requirement}: the answer or comment is indented so far that its cell shows nothing, so a reader of the sheet does not see it"
    ),
    "tiny": N_(
        "{requirement}: the answer or comment is written in a font too small to read (under 4 "
        "points), so a reader of the sheet does not see it"
    ),
    "conditional": N_(
        "{requirement}: a conditional format on the answer or comment can hide it or show "
        "other text when its condition holds, and proccheck does not evaluate conditions"
    ),
    "formula": N_(
        "{requirement}: the comment is computed by a formula, which proccheck does not "
        "evaluate, so the sheet may show other words than the file holds"
    ),
    "hidden-row": N_("{requirement}: the answer is on a hidden row of the sheet"),
    "folded-row": N_(
        "{requirement}: the answer is on a row of the sheet hidden in a collapsed group or by a filter"
    ),
    "hidden-column": N_("{requirement}: the answer or comment is in a hidden column"),
    "hidden-sheet": N_("{requirement}: the answer is on a hidden sheet of the workbook"),
    "drawn-over": N_(
        "{requirement}: a picture, shape or chart is drawn over the answer or comment, so the "
        "sheet may show other words than the cell holds"
    ),
    "background": N_(
        "{requirement}: the sheet has a background picture, which may show words behind the "
        "answers that proccheck cannot read"
    ),
    "covered": N_(
        "{requirement}: the answer or comment lies under a merged cell, which shows another "
        "cell's value"
    ),
    "pictured": N_(
        "{requirement}: a picture stands beside the answer's row, which may show words "
        "(a stamped reservation) that proccheck cannot read; look at it"
    ),
}
"""Why a workbook does not show an answer as stored (`xlsx_look.Unseen`), as reported."""


_OVERLAID = re.compile(
    "[\u0334-\u0338\u20d2\u20d3\u20d8\u20dd-\u20e0\u20e2\u20e4-\u20e6\u20ea\u20eb]"
)
"""Combining overlays (tilde, stroke, slash, vertical line) drawn through the letter before
them, and enclosing marks drawn around it (a prohibition sign, a circle, a box; not the
emoji keycap U+20E3 of "1️⃣"): "J̶a̶" and "Ja⃠" show a struck or forbidden Yes while a reader
of the letters finds "Ja" (round 11)."""
_REORDERING = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidirectional embeddings, overrides and isolates: "Ja\u202e ,tfigva ne tom" is shown as "Ja mot
en avgift," while a search reads the reversed letters; the marks LRM and RLM reorder no word."""


@register(
    "AN004",
    "answer-partial-or-unclear",
    title_en="A requirement is answered Partly, or the answer is not Yes/No",
    title_sv="Ett krav besvaras Delvis, eller svaret är inte Ja/Nej",
    kind="answers",
    severity="warning",
)
def partial(document: AnswerDocument, ctx: AnswersContext) -> Iterator[Finding]:
    """Reports answers that are "Delvis"/"Partly" or not recognisable as yes or no.

    What it checks
    The answer cell normalised: "Delvis", "Partly", "Till viss del"; "Ej tillämpligt", "N/A",
    "Not applicable" (its own answer, never read as No or Yes); answers that are none of the
    known values ("Kanske", "Se kommentar", "?"); answers computed by a formula in the
    workbook, whose stored value proccheck reads but never evaluates; and answers holding
    bidirectional controls (U+202A–U+202E, U+2066–U+2069), which show the letters in another
    order than the one stored and searched.

    Also a requirement answered in more than one row whose rows differ: its id written again,
    also loosely ("K 1", "k1.", "Krav K-1", "K01", "K1a", "K1 (forts.)"), or its text
    repeated. Which answer stands is for the vendor to say.

    And an answer or comment a workbook does not show as stored: its number format shows text
    of its own (a word or a mark such as ✓) or nothing, it is in the colour of its cell's
    fill or in a font too small to read, it is on a hidden row (also one of height 0), column
    or sheet, it is struck through, it lies under a merged
    cell or a picture, shape or chart, a picture stands beside its row (what a picture says is
    not read), or a conditional format can do any of this when its condition holds or draws icons
    or bars in place of the value; or a comment
    computed by a formula (its result may be missing from the file; in a CSV file, a cell
    that starts with "=", or with "+", "-" or "@" before a function, a quoted text or a
    joined word, which Excel computes on opening it). Cell notes and comment threads
    on any cell of the row, a link's screen tip and the words a number format adds to any cell
    of it (`@" (endast mot avgift)"`) are read for reservations; a data validation's input
    prompt in the vendor's voice is a reservation over every answer; a comment merged down
    over several rows stands beside each of them.

    Why it matters
    A must-requirement is met or not; a partial answer has to be assessed by a person, who must
    record why it is or is not acceptable.

    How to comply
    Assess the comment; ask for a clarification where LOU allows it.

    References
    - LOU (2016:1145) 4 kap. 9 § (clarifying a tender).
    """
    matching = ctx.matching
    for requirement in ctx.requirement_set.requirements:
        answer = matching.by_requirement.get(requirement.id)
        if answer is None:
            continue
        differing = [
            other
            for other in matching.again.get(requirement.id, [])
            if (other.value, other.words) != (answer.value, answer.words)
        ]
        if differing:
            rows = "; ".join(
                f"{row.location.describe()} {_quote(row)}" for row in [answer, *differing[:3]]
            )
            yield partial.finding(
                requirement=requirement.id,
                severity="warning",
                outcome="not_verified",
                message=_(
                    ctx.lang,
                    "{requirement} is answered in more than one row, and the rows differ: {rows}",
                    requirement=requirement.id,
                    rows=rows,
                ),
                location=differing[0].location,
                evidence=_quote(differing[0]),
                fix=_(
                    ctx.lang,
                    "Ask the vendor which answer stands (a clarification where LOU allows it).",
                ),
            )
            continue
        if answer.unseen:
            message = UNSEEN_REASONS.get(answer.unseen, UNSEEN_REASONS["covered"])
        elif any(_REORDERING.search(part) for part in (answer.raw, answer.comment)):
            message = N_(
                "{requirement}: the answer holds characters that change the order in which "
                "text is shown (right-to-left or isolate controls), so what a reader sees is "
                "not what the file says"
            )
        elif any(_OVERLAID.search(part) for part in (answer.raw, answer.comment)):
            message = N_(
                "{requirement}: the answer or comment is drawn struck through or crossed out by "
                "overlay characters (J̶a̶, Ja⃠), so a reader sees it crossed out"
            )
        elif answer.formula and answer.value in ("yes", "no", "partial", "blank"):
            # a computed answer: the cached value may not be what the sheet shows
            message = N_(
                "{requirement}: the answer is computed by a formula in the workbook; "
                "check what the sheet shows"
            )
        elif answer.value == "partial":
            message = N_("{requirement} is answered Partly")
        elif answer.value == "not_applicable":
            message = N_(
                "{requirement}: the vendor answers Not applicable, which is neither Yes nor "
                "No; a person must decide whether the requirement applies"
            )
        elif answer.value == "unclear":
            message = N_("{requirement}: the answer is neither Yes nor No")
        else:
            continue
        yield partial.finding(
            requirement=requirement.id,
            severity="warning",
            outcome="not_verified",
            message=_(ctx.lang, message, requirement=requirement.id),
            location=answer.location,
            evidence=_quote(answer),
            fix=_(
                ctx.lang, "Assess the comment by hand and record the decision in the evaluation."
            ),
        )


@register(
    "AN005",
    "evidence-missing",
    title_en="Evidence the requirement demands is not attached",
    title_sv="Underlag som kravet kräver är inte bifogat",
    kind="answers",
    severity="warning",
)
def evidence_missing(document: AnswerDocument, ctx: AnswersContext) -> Iterator[Finding]:
    """Reports yes-answers without the evidence the requirement demands.

    What it checks
    For requirements whose answer rule says `evidence: required` (an exit plan, an OpenAPI
    description, a price list, an SLA), the answer names evidence: an `evidence`/Bilaga entry,
    or a reference in the answer or comment ("se bilaga 3", a URL, a file name).

    With `--probe`, every file a yes-answer names as evidence is looked for in the bid folder,
    and one that is not there is reported.

    Why it matters
    Without the evidence, the "yes" cannot be verified at evaluation time; missing evidence
    never passes.

    How to comply
    Ask the vendor for the evidence where LOU allows completing the tender, or record the
    requirement as not verified.

    References
    - LOU (2016:1145) 4 kap. 9 § (supplementing documents).
    """
    matching = ctx.matching
    for requirement in ctx.requirement_set.requirements:
        answer = matching.by_requirement.get(requirement.id)
        if answer is None or answer.value not in ("yes", "partial"):
            continue
        absent = [e.strip() for e in answer.evidence if e.strip() in ctx.attachments_missing]
        if absent:
            yield evidence_missing.finding(
                requirement=requirement.id,
                outcome="not_verified",
                message=ngettext(
                    ctx.lang,
                    "{requirement}: the attachment {files} given as evidence is not in the bid folder",
                    "{requirement}: the attachments {files} given as evidence are not in the bid folder",
                    len(absent),
                    requirement=requirement.id,
                    files=", ".join(map(printable, absent)),
                ),
                location=answer.location,
                evidence=_quote(answer),
                fix=_(
                    ctx.lang,
                    "Check the bid for the file and ask the vendor for it where LOU allows it; until then the requirement cannot be verified.",
                ),
            )
            continue
        if requirement.verification.answer.evidence != "required" or _has_evidence(answer):
            continue
        message = (
            N_(
                "{requirement}: the answer refers to an attachment, but none is listed as "
                "evidence ({rule})"
            )
            if _mentions_evidence(answer)
            else N_("{requirement} needs evidence, but the answer names none ({rule})")
        )
        yield evidence_missing.finding(
            requirement=requirement.id,
            severity="warning",
            outcome="not_verified",
            message=_(
                ctx.lang,
                message,
                requirement=requirement.id,
                rule=requirement.verification.answer.description.get(ctx.lang),
            ),
            location=answer.location,
            evidence=_quote(answer),
            fix=_(
                ctx.lang,
                "Ask for the evidence where LOU allows it; otherwise the requirement cannot be verified.",
            ),
        )


# fmt: off
_FUNCTION_WORDS = frozenset((
    "och", "att", "det", "som", "en", "ett", "är", "för", "på", "med", "av", "till", "den", "de",
    "dess", "i", "om", "ska", "skall", "kan", "kunna", "ha", "har", "eller", "samt", "all",
    "alla", "allt", "även", "sin", "sina", "sitt", "från", "över", "under", "vid", "genom", "hos",
    "så", "the", "and", "of", "to", "a", "an", "in", "is", "shall", "must", "be", "for", "with",
    "that", "by", "on", "or", "all", "any", "its", "their", "it", "from", "as", "at", "this",
    "these", "can", "may", "will", "are", "has", "have", "be", "been", "each", "every",
))
# fmt: on
"""Words that carry no requirement of their own: never a "key term" (negations do)."""


_ENDING = re.compile(r"(?<=\w\w)(er|ar|or|s|r|a|e)$")


def _root(word_stem: str) -> str:
    """A Snowball stem without the verb and plural endings it keeps ("äger", "ägs" → "äg")."""
    return _ENDING.sub("", word_stem)


def _rooted(text: str, lang: str) -> list[tuple[str, str]]:
    """The words of folded `text` with their roots: `text.words` without the positions and
    objects, each word stemmed once (this runs for every reworded row)."""
    return [(word, _word_root(word, lang)) for word in word_texts(text)]


@functools.lru_cache(maxsize=65536)
def _word_root(word: str, lang: str) -> str:
    """A word's root (cached: a text's words recur in every row that copies it)."""
    return _root(stem(word.split(":")[0], lang))


def missing_key_terms(vendor_text: str, requirement: Requirement) -> list[str]:
    """The requirement's key terms (content words, compared by stem: "äger" keeps "äga") that the
    vendor's copy leaves out, in the language version it copies; nothing when the copy shares
    less than half of them (then it is another text, not a rewrite of this one)."""
    versions = [t for t in (requirement.text.sv, requirement.text.en) if t]
    if all(t == vendor_text for t in versions):
        return []  # an exact copy of every version keeps every term (the usual case)
    vendor = folded(vendor_text)
    vendor_words = word_texts(vendor)
    if all(word_texts(folded(t)) == vendor_words for t in versions):
        return []  # the same words, re-cased or re-punctuated: every term is kept
    best: tuple[float, list[str]] | None = None
    for lang, original in (("sv", requirement.text.sv), ("en", requirement.text.en)):
        if not original:
            continue
        terms = [
            (word, root)
            for word, root in _rooted(folded(original), lang)
            if word not in _FUNCTION_WORDS and (len(word) > 2 or word.isdigit())
        ]
        if not terms:
            continue
        own = {root for _word, root in _rooted(vendor, lang)}
        kept = [root in own for _word, root in terms]
        shared = sum(kept) / len(terms)
        missing = list(dict.fromkeys(w for (w, _r), k in zip(terms, kept, strict=True) if not k))
        if best is None or shared > best[0]:
            best = (shared, missing)
    if best is None or best[0] < 0.5:
        return []
    return best[1]


def text_difference(
    vendor_text: str, requirement: Requirement
) -> tuple[list[str], list[str]] | None:
    """The words the vendor's copy removed and added, when it differs in substance."""
    if not vendor_text.strip() or vendor_text in (requirement.text.sv, requirement.text.en):
        return None  # the usual case: an exact copy
    vendor_normal = _normal(vendor_text)
    if vendor_normal in (_normal(requirement.text.sv), _normal(requirement.text.en)):
        return None  # the usual case: an exact copy
    best: tuple[float, list[str], list[str]] | None = None
    vendor_words = vendor_normal.split()
    for original in dict.fromkeys((requirement.text.sv, requirement.text.en)):
        if not original:
            continue  # (and a version equal to the other is compared once: same words)
        words = _normal(original).split()
        matcher = difflib.SequenceMatcher(None, words, vendor_words, autojunk=False)
        removed: list[str] = []
        added: list[str] = []
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op in ("replace", "delete"):
                removed.extend(words[a1:a2])
            if op in ("replace", "insert"):
                added.extend(vendor_words[b1:b2])
        ratio = matcher.ratio()
        if best is None or ratio > best[0]:
            best = (ratio, removed, added)
    if best is None or (not best[1] and not best[2]) or best[0] < 0.5:
        return None
    return best[1][:12], best[2][:12]


def describe_difference(removed: list[str], added: list[str], lang: Lang) -> str:
    """A change in words an officer reads aloud: `the vendor has struck "30" and added "90"`."""
    struck, put = " ".join(removed), " ".join(added)
    if removed and added:
        return _(
            lang,
            'the vendor has struck "{removed}" and added "{added}"',
            removed=struck,
            added=put,
        )
    if removed:
        return _(lang, 'the vendor has struck "{removed}"', removed=struck)
    return _(lang, 'the vendor has added "{added}"', added=put)


@register(
    "AN006",
    "requirement-text-altered",
    title_en="The vendor's copy of the requirement text differs",
    title_sv="Leverantörens kopia av kravtexten skiljer sig",
    kind="answers",
    severity="warning",
)
def text_altered(document: AnswerDocument, ctx: AnswersContext) -> Iterator[Finding]:
    """Reports answers where the vendor's copy of the requirement was changed in substance.

    What it checks
    Where the vendor's file repeats the requirement text (a Kravtext column, or `text`), it is
    compared word by word with the specification's text in Swedish and English; differences in
    words or numbers ("30 dagar" → "90 dagar", a dropped "utan extra kostnad") are shown.
    Case, spacing and punctuation are ignored.

    Why it matters
    A "Ja" to a quietly reworded requirement is a yes to something else. Vendors' matrices
    pass through several hands, so the change may also be an accident; either way a person
    must look.

    How to comply
    Compare the two texts shown in the finding and ask the vendor which one their answer means.

    References
    - LOU (2016:1145) 4 kap. 1 § (equal treatment of tenders).
    """
    matching = ctx.matching
    for requirement in ctx.requirement_set.requirements:
        answer = matching.by_requirement.get(requirement.id)
        if answer is None or not answer.text:
            continue
        difference = text_difference(answer.text, requirement)
        missing = missing_key_terms(answer.text, requirement)  # also in a heavy rewrite
        if difference is None and not missing:
            continue
        removed, added = difference or (missing[:12], [])
        missing = [term for term in missing if term not in removed]  # each word said once
        note = (
            " "
            + _(
                ctx.lang,
                "Key terms of the requirement missing from the vendor's text: {terms}.",
                terms=", ".join(missing[:8]),
            )
            if missing
            else ""
        )
        location = answer.location
        yield text_altered.finding(
            requirement=requirement.id,
            severity="warning",
            outcome="not_verified",
            message=_(
                ctx.lang,
                "{requirement}: the vendor's requirement text differs from the specification: {difference}",
                requirement=requirement.id,
                difference=describe_difference(removed, added, ctx.lang),
            )
            + note,
            location=location,
            evidence=answer.text,
            fix=_(
                ctx.lang,
                "Compare with the original and ask the vendor which text the answer refers to: {original}",
                original=requirement.text.get(ctx.lang),
            ),
        )


@register(
    "AN007",
    "answer-contradicted-by-api",
    title_en="The vendor's API description does not support the Yes",
    title_sv="Leverantörens API-beskrivning stöder inte Ja-svaret",
    kind="answers",
    severity="warning",
)
def contradicted_by_api(document: AnswerDocument, ctx: AnswersContext) -> Iterator[Finding]:
    """Reports yes-answers that the vendor's own API description does not bear out.

    What it checks
    Only with `answers check --probe`: every API description the vendor gives as evidence (an
    OpenAPI file in the bid folder, or a URL) is probed as `proccheck probe` would, and for each
    requirement the probe verifies, a "yes" whose probe result is not met or not verified is
    reported with the probe's own reason and findings.

    Why it matters
    "Ja" to "the system supports open APIs" is a claim; the description shows what the API
    really offers: whether all data can be read out, in open formats, with standard
    authentication. A claim the description contradicts needs a person's assessment.

    How to comply
    Review the probe's findings (or run `proccheck probe` on the description) and ask the vendor
    to clarify where LOU allows it.

    References
    - OpenAPI Specification: https://spec.openapis.org/oas/latest.html
    - DIGG: REST API-profil.
    """
    shown = ctx.probe
    if not shown:
        return
    matching = ctx.matching
    for requirement in ctx.requirement_set.requirements:
        answer = matching.by_requirement.get(requirement.id)
        if answer is None or answer.value != "yes":
            continue
        for source, result, _findings, unreadable in shown.get(requirement.id, []):
            # The description contradicts the claim (not met), or could not be read at all.
            # What a description cannot express (an SLA, a fee) is not held against the vendor.
            if result.outcome != "not_met" and not unreadable:
                continue
            # the quote is the vendor's answer and the description's address, not the probe's
            # wording: a decision about this finding (its fingerprint) survives another language
            quoted = " — ".join(part for part in (_quote(answer), source) if part)
            yield contradicted_by_api.finding(
                requirement=requirement.id,
                severity="warning",
                outcome="not_verified",
                message=_(
                    ctx.lang,
                    "{requirement}: Yes, but the API description {source} shows: {reason}",
                    requirement=requirement.id,
                    source=source,
                    reason=result.reason,
                ),
                location=answer.location,
                evidence=quoted,
                fix=_(
                    ctx.lang,
                    "Review the probe's findings (proccheck probe {source}) and ask for a clarification where LOU allows it.",
                    source=source,
                ),
            )
