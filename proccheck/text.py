"""Text made safe to show: vendor text is hostile, so every report and reason goes through here."""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_WORKFLOW_COMMAND = re.compile(r"(?m)^(\s*)::")
MAX_QUOTE = 500


LINE_HEIGHTS = (9.0, 40.0)
"""How high, in points, a picture of one to three lines of text is."""


def shaped_as_a_line(width: float, height: float, across: float) -> bool:
    """Whether a picture `width` by `height` points, on a page whose text runs `across` points,
    has the shape of one to three lines of text: as high as `LINE_HEIGHTS`, ten times as wide
    and a third of the way across. Such a picture can show a clause that is not in the text
    (attack round 8), and proccheck reads no picture."""
    low, high = LINE_HEIGHTS
    return low <= height <= high and width >= 10 * height and width >= across / 3


def a_piece_of_a_line(width: float, height: float) -> bool:
    """Whether a picture could be a piece of a picture of a line of text: as high as one
    (`LINE_HEIGHTS`) and six times as wide as high (a logo, an icon or a strip of logos is
    not: "EU co-funded" strips run to about 4:1)."""
    low, high = LINE_HEIGHTS
    return low <= height <= high and width >= 6 * height


def pieces_shaped_as_a_line(sizes: list[tuple[float, float]], across: float) -> bool:
    """Whether pictures side by side on one line, each `(width, height)` in points, are one
    shaped like a line of text, or are two or more pieces of one (`a_piece_of_a_line`) that
    together are shaped so (a clause cut into pictures none of which is)."""
    if any(shaped_as_a_line(width, height, across) for width, height in sizes):
        return True
    pieces = [(width, height) for width, height in sizes if a_piece_of_a_line(width, height)]
    return len(pieces) >= 2 and shaped_as_a_line(
        sum(width for width, _ in pieces), max(height for _, height in pieces), across
    )


def plain(text: str, limit: int = MAX_QUOTE) -> str:
    """Vendor text made inert for a terminal or log: no control bytes (ESC, BEL, CR), no `::`
    workflow commands at line start, and long quotes shortened."""
    cleaned = _CONTROL.sub(" ", text.replace("\r\n", "\n"))
    if "::" in cleaned:
        cleaned = _WORKFLOW_COMMAND.sub(r"\1: :", cleaned)
    if len(cleaned) > limit:
        cleaned = cleaned[:limit] + "…"
    return cleaned


def one_line(text: str, limit: int = MAX_QUOTE) -> str:
    """`plain`, on a single line."""
    return " ".join(plain(text, limit).split())


# --- one normaliser for matching ----------------------------------------------------------------
# Vendors (and word processors) hide words from a substring search with no-break spaces, soft
# hyphens, zero-width characters and line breaks inside a cell. Every check that looks for words
# reads text through `fold`, which removes all of that and remembers where each character came
# from, so a finding can still point at the original line.

_INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f\ufeff"
)
_BLANKS = frozenset("\u2800\u3164\uffa0")
"""Characters drawn as an empty space of a letter's width (braille blank, Hangul fillers):
"mot\u3164avgift" shows as two words."""
_PLAIN_CHARS = r"[a-zA-Z0-9åäöéüÅÄÖÉÜ.,;:!?()\[\]'\"/&%+=<>#@$€§_*-]"
_PLAIN_RUN = re.compile(rf"{_PLAIN_CHARS}+(?: {_PLAIN_CHARS}+)*")
_ADDRESS = r"\b(?:https?|ftp)://\S+|\bwww\.[^\s/]+\S*|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# an address starts where its run of name characters starts: tried from every character of the
# run, a 2 MB run without `@` took minutes
_LINK = re.compile(_ADDRESS + r"|(?<!`)(`{1,3})[^`\n]{1,200}?\1(?!`)")
_ADDRESS_ONLY = re.compile(_ADDRESS)
_WORD = re.compile(r"[^\W_]+(?::[^\W\d_]{1,3}\b)?")


def _invisible(char: str) -> bool:
    code = ord(char)
    return (
        char in _INVISIBLE
        or unicodedata.category(char) == "Cf"
        or 0xFE00 <= code <= 0xFE0F  # variation selectors: they change no letter
        or 0xE0100 <= code <= 0xE01EF
    )


_LOOKALIKE_LETTERS = "аеорсухіјѕԁһԛԝӏАВЕКМНОРСТХУІЈЅαβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"
"""Cyrillic and Greek letters drawn like Latin ones: "mоt аvgift" with a Cyrillic о and а
looks like "mot avgift" and must read so."""
_LOOKALIKE = str.maketrans(
    _LOOKALIKE_LETTERS, "aeopcyxijsdhqwlABEKMHOPCTXYIJSabeikvoptuxABEZHIKMNOPTYX"
)
_LOOKALIKES = re.compile(f"[{_LOOKALIKE_LETTERS}]")
_PHONETIC_LETTERS = "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡʏᴢɑɡıȷɩǀ"
_PLAIN_LOOKALIKES = str.maketrans(_PHONETIC_LETTERS, "abcdefghijklmnopqrstuvwyzagijil")
"""Latin letters NFKC leaves alone that are drawn like plain ones: small capitals ("ᴍᴏᴛ ᴀᴠɢɪꜰᴛ"
reads "mot avgift"), the Latin alpha and script g ("ɑvɡift", round 11), the dotless i and j,
the Latin iota and the click letter drawn as an l."""
_PLAIN_LOOKALIKE = re.compile(f"[{_PHONETIC_LETTERS}]")
_LETTERS = re.compile(r"[^\W\d_]+")


def _latin(word: re.Match[str]) -> str:
    """A word with a Latin letter and a lookalike, made Latin; any other word as it is (a word
    all in Cyrillic or Greek is left alone)."""
    text = word.group(0)
    if _LOOKALIKES.search(text) and re.search("[a-zA-Z]", text):
        return text.translate(_LOOKALIKE)
    return text


def latin_lookalikes(text: str) -> str:
    """`text` with every Cyrillic or Greek letter drawn like a Latin one made Latin, in any
    word: for ids ("К1" with a Cyrillic К), which have no other letters to tell by."""
    return text.translate(_LOOKALIKE)


_BROKEN_WORD = re.compile(r"(?<=[a-zåäö])-[ \t]*\r?\n[ \t]*(?=[a-zåäö])")
"""A word broken at a hyphen and a line break inside a cell ("av-⏎gift")."""


def joined_broken_words(text: str) -> str:
    """`text` with each word broken at a hyphen and a line break ("av-⏎gift") written whole,
    for a reader that puts all the lines of a cell on one line before it folds them."""
    return _BROKEN_WORD.sub("", text) if "\n" in text else text


_JOINED = "\ue000"
"""What `_unmasked` puts in place of such a break: `fold` drops it without calling it an
invisible character (the break is seen by every reader; nothing was hidden)."""


_RIGHT_TO_LEFT_OVERRIDE = re.compile("\u202e([^\u202a-\u202e\n]*)")
"""A right-to-left override and the text it governs, up to the mark that ends it (or the line):
a reader sees those characters in reverse order."""


def _display_order(override: re.Match[str]) -> str:
    """The overridden text as a reader sees it: ".netsnäjt" stored behind U+202E shows, and
    must be read, as "tjänsten." (each letter keeps the combining marks written after it)."""
    clusters: list[str] = []
    for char in override.group(1):
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return "\u202e" + "".join(reversed(clusters))


def _unmasked(text: str) -> str:
    """`text` with lookalike letters inside Latin words made Latin, the Turkish İ made I, and a
    hyphen and line break inside a word made `_JOINED` marks (which `fold` drops); each
    character stays one character, so every offset holds."""
    if "\n" in text and _JOINED not in text:
        text = _BROKEN_WORD.sub(lambda m: _JOINED * len(m.group(0)), text)
    if text.isascii():
        return text
    if "\u202e" in text:
        text = _RIGHT_TO_LEFT_OVERRIDE.sub(_display_order, text)
    text = text.replace("İ", "I")
    if _PLAIN_LOOKALIKE.search(text):
        text = text.translate(_PLAIN_LOOKALIKES)
    if not _LOOKALIKES.search(text):  # the usual case, found in C
        return text
    return _LETTERS.sub(_latin, text)


@dataclass(frozen=True)
class Folded:
    """Text folded for matching: NFKC, case folded, every space or line break one space, invisible
    characters removed. `origin(i)` is the offset in the original of folded offset `i`."""

    text: str
    starts: tuple[int, ...]
    """Folded offsets where a run of characters copied one-to-one begins…"""
    origins: tuple[int, ...]
    """…and where that run begins in the original."""
    hidden: tuple[int, ...]
    """Offsets in the original of invisible characters that stood inside a word."""

    def origin(self, offset: int) -> int:
        """Where folded offset `offset` comes from in the original."""
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return 0
        return self.origins[index] + (offset - self.starts[index])


def fold(text: str, *, keep_case: bool = False, links: bool = False) -> Folded:
    """The text as matching sees it (see the note above). With `links=False` URLs, e-mail
    addresses and `code spans` become spaces: they are never words or brands."""
    out: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    hidden: list[int] = []
    length = 0
    last_space = True
    position = 0
    text = _unmasked(text)
    size = len(text)

    def emit(piece: str, source: int, one_to_one: bool) -> None:
        nonlocal length, last_space
        if not piece:
            return
        starts.append(length)
        origins.append(source)
        if not one_to_one:  # every character of an expansion points at its source
            for index, char in enumerate(piece):
                if index:
                    starts.append(length + index)
                    origins.append(source)
                out.append(char)
        else:
            out.append(piece)
        length += len(piece)
        last_space = piece.endswith(" ")

    while position < size:
        run = _PLAIN_RUN.match(text, position)
        end = run.end() if run else position
        if end < size and unicodedata.combining(text[end]):
            end -= 1  # the last letter and its accent are folded together below
        if end > position:
            run_text = text[position:end]
            emit(run_text if keep_case else run_text.lower(), position, True)
            position = end
            continue
        char = text[position]
        unit_end = position + 1
        while unit_end < size and unicodedata.combining(text[unit_end]):
            unit_end += 1
        if char == _JOINED:
            position += 1
            continue
        if _invisible(char):
            end = position + 1
            while end < size and _invisible(text[end]):
                end += 1
            inside = position > 0 and end < size and text[position - 1].isalnum()
            if inside and text[end].isalnum():
                hidden.extend(range(position, end))
            position = end
            continue
        if (
            char.isspace()
            or char in _BLANKS
            or unicodedata.category(char) in ("Zs", "Zl", "Zp", "Cc")
        ):
            if not last_space:
                emit(" ", position, True)
            position = unit_end
            continue
        piece = unicodedata.normalize("NFKC", text[position:unit_end])
        piece = piece if keep_case else piece.casefold()
        piece = " " if piece.isspace() else piece
        if piece == " " and last_space:
            position = unit_end
            continue
        emit(piece, position, len(piece) == unit_end - position == 1)
        position = unit_end
    folded = Folded("".join(out), tuple(starts), tuple(origins), tuple(hidden))
    if links:
        return folded
    return _without_links(folded)


def _without_links(folded: Folded) -> Folded:
    blanked = blank_links(folded.text)
    if blanked is folded.text:
        return folded
    return Folded(blanked, folded.starts, folded.origins, folded.hidden)


def blank_links(text: str, *, code: bool = True) -> str:
    """`text` with URLs, e-mail addresses and (with `code`) code spans replaced by spaces of the
    same length, so offsets still point into `text`."""
    marks = ("://", "www.", "@", "`") if code else ("://", "www.", "@")
    if not any(mark in text for mark in marks):
        return text  # a plain `in` test: most texts have no address at all
    pattern = _LINK if code else _ADDRESS_ONLY
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: " " * len(m.group()), text)


def clean(text: str) -> Folded:
    """`fold` that keeps case and links: the text a report quotes, with hidden characters
    gone and every run of spaces one space."""
    return fold(text, keep_case=True, links=True)


def offsets_in(folded: Folded, offsets: list[int]) -> list[int]:
    """Where original offsets (ascending) landed in the folded text."""
    found = []
    position = 0
    for offset in offsets:
        while position < len(folded.text) and folded.origin(position) < offset:
            position += 1
        found.append(position)
    return found


@functools.lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """Just the folded text (cached: the same cell is read by several checks)."""
    return fold(text).text


@functools.lru_cache(maxsize=65536)
def folded_vendor(text: str) -> str:
    """`folded` for a vendor's answer or comment: a `code span` is read as the words it holds
    (backticks around "endast mot avgift" take nothing away from it); addresses still are not."""
    return blank_links(fold(text, links=True).text, code=False)


@dataclass(frozen=True)
class Word:
    """A word of folded text, its place there, and its stem."""

    start: int
    end: int
    text: str
    stem: str


_STEMMERS = {"sv": "swedish", "en": "english"}


@functools.cache
def _stemmer(lang: str) -> Any:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer(_STEMMERS[lang])


@functools.lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    """The Snowball stem of a folded word in Swedish or English ("loggarna" → "logg")."""
    return str(_stemmer(lang).stemWord(word))


def words(text: str, lang: str) -> list[Word]:
    """The words of already folded `text`, each with its stem ("API:er" is one word)."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group()
        found.append(Word(match.start(), match.end(), word, stem(word.split(":")[0], lang)))
    return found


def word_texts(text: str) -> list[str]:
    """The words of already folded `text`, as `words` finds them, without positions or stems."""
    return _WORD.findall(text)


_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")


def excerpt(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence of `text` around `start:end`, for quoting a long paragraph at the words a
    finding is about (shortened around them when the sentence is long)."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = _SENTENCE_END.search(text, end)
    finish = stop.end() if stop else len(text)
    if finish - begin > limit:
        half = max((limit - (end - start)) // 2, 40)
        begin, finish = max(begin, start - half), min(finish, end + half)
    piece = text[begin:finish].strip()
    prefix = "…" if begin > 0 and text[:begin].strip() else ""
    suffix = "…" if text[finish:].strip() else ""
    return prefix + piece + suffix
