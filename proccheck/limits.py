"""Named limits that keep hostile input bounded in time and memory.

Each limit can be raised with an environment variable of the same name prefixed `PROCCHECK_`
(for example `PROCCHECK_MAX_INPUT_BYTES=200000000`) when a user has a real reason.
"""

from __future__ import annotations

import os


def _limit(name: str, default: int) -> int:
    raw = os.environ.get(f"PROCCHECK_{name}")
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        return default
    return value if value > 0 else default


MAX_INPUT_BYTES = _limit("MAX_INPUT_BYTES", 64 * 1024 * 1024)
"""Largest file or download read at all."""

MAX_DEPTH = _limit("MAX_DEPTH", 200)
"""Deepest nesting of mappings and sequences in YAML or JSON."""

MAX_YAML_NODES = _limit("MAX_YAML_NODES", 750_000)
"""Most nodes (keys too) a YAML document may expand to once aliases are followed (alias bombs),
and most values a JSON file people write (a set, a specification, answers) may hold. YAML is
read at 1-2 microseconds a node, so a document over the limit is refused within about 1.5 s;
GitHub's 13 MB description, as YAML, has about 475,000 nodes."""

MAX_OPERATIONS = _limit("MAX_OPERATIONS", 50_000)
"""Most operations an API description may declare: each is analysed in 50-100 microseconds
and a few kB, so 120,000 took 11 s and 540 MB. Microsoft Graph beta, the largest description
of APIs.guru, declares 22,361 (6 s)."""

MAX_JSON_VALUES = _limit("MAX_JSON_VALUES", 2_000_000)
"""Most values a JSON API description may hold, counted from its commas and brackets before it
is parsed: a value costs 100-200 bytes once parsed, so 64 MB of `[{},{},…]` (21 million dicts)
took 1.5 GB. Microsoft Graph beta, the largest of APIs.guru's 2,639 descriptions (47 MB), holds
1.5 million; GitHub's 13 MB description 260,000."""

MAX_INT_DIGITS = _limit("MAX_INT_DIGITS", 100)
"""Longest integer literal accepted in YAML or JSON."""

MAX_ROWS = _limit("MAX_ROWS", 200_000)
"""Most rows read from one CSV file or one worksheet."""

MAX_CELLS = _limit("MAX_CELLS", 250_000)
"""Most cells read from one workbook (all sheets, counting the blanks a row is padded with) or
one CSV file. openpyxl needs about 8 µs per cell, so this keeps a hostile workbook near 2 s."""

MAX_SHEETS = _limit("MAX_SHEETS", 1_000)
"""Most sheets one workbook may list: every sheet costs the readers time however few cells it
has (10,000 one-row sheets took 2.5 s to read); an answer matrix has a handful."""

MAX_ZIP_EXPANDED = _limit("MAX_ZIP_EXPANDED", 32 * 1024 * 1024)
"""Most bytes the parts of an XLSX or DOCX may expand to once unzipped (zip bombs), judged by
their first bytes, not their names: images and other binary media do not count here (all parts
together may expand to this plus MAX_INPUT_BYTES). openpyxl parses a worksheet twice at about
10 MB/s, so this keeps the largest workbook accepted near 6 s."""

MAX_ZIP_RATIO = _limit("MAX_ZIP_RATIO", 1000)
"""Highest compression ratio of any member of an XLSX or DOCX (zip bombs)."""

MAX_DOCX_ELEMENTS = _limit("MAX_DOCX_ELEMENTS", 1_000_000)
"""Most XML elements the parts of a Word document may hold, counted from their tags before they
are parsed: python-docx takes about 0.25 s and 140 MB per million whatever they hold (5 million
empty paragraphs took 8.8 s and 700 MB); the 200-page bench document has about 51,000."""

MAX_REQUIREMENT_CHARS = _limit("MAX_REQUIREMENT_CHARS", 20_000)
"""Longest text item treated as a requirement. Longer items (a whole document in one paragraph)
are still searched for contradictions, but not matched against every requirement of the set,
which would cost about 0.1 s per requirement and megabyte."""

MAX_SPEC_ITEMS = _limit("MAX_SPEC_ITEMS", 10_000)
"""Most items (paragraphs, list items, table rows) one specification may hold: 50,000 took
18 s to check; at 10,000 a check ends well within the 10 s promised for any input, and a file
with more is refused after reading 10,000, within 2 s (a real specification has a few thousand
at most)."""

MAX_SPEC_CHARS = _limit("MAX_SPEC_CHARS", 4_000_000)
"""Most characters in a specification's items, all together: each item is read against every
word list, about 1.5 s a megabyte of long paragraphs (10 MB took 14 s). The 200-page bench
document (`bench/bench_spec_docx.py`) holds about 970,000."""

MAX_SPEC_LINES = _limit("MAX_SPEC_LINES", 100_000)
"""Most lines one Markdown or text specification may have, counted before any is read: a
file of three million one-letter lines (one paragraph, so under MAX_SPEC_ITEMS) took 30 s and
1.3 GB; the bench specification of 2,000 requirements has 4,101."""

MAX_EXTENDS_DEPTH = _limit("MAX_EXTENDS_DEPTH", 32)
"""Longest `extends` chain of requirement sets (a real one is a handful deep; 1,000 files deep
ran out of Python's recursion)."""

MAX_FILES = _limit("MAX_FILES", 500)
"""Most files taken from folders and patterns in one run (each report is kept until the run's
report is written: 1,000 one-line specifications took 10 s and 430 MB)."""

MAX_PROBE_SOURCES = _limit("MAX_PROBE_SOURCES", 1_000)
"""Most sources a `probe --from-file` list names."""

MAX_PROBE_URLS = _limit("MAX_PROBE_URLS", 20)
"""Most evidence URLs `answers check --probe` fetches in one run, all vendor files together
(vendors choose them: 40 URLs of 10 MB each wrote 401 MB into the cache)."""

MAX_PROBE_BYTES = _limit("MAX_PROBE_BYTES", 16 * 1024 * 1024)
"""Most bytes `answers check --probe` downloads and reads in one run, all evidence descriptions
together (GitHub's 13 MB description fits; 40 files of 3 MB took 31 s)."""

MAX_PDF_PAGES = _limit("MAX_PDF_PAGES", 2_000)
"""Most pages read from one PDF (a 50-page tender takes about a second)."""

MAX_PDF_CHARS = _limit("MAX_PDF_CHARS", 10_000_000)
"""Most characters of text extracted from one PDF, all pages together."""

MAX_PDF_STREAM_BYTES = _limit("MAX_PDF_STREAM_BYTES", 16 * 1024 * 1024)
"""Most bytes one stream of a PDF (a page's content, an image) may decompress to (PDF bombs)."""

MAX_UPLOAD_FILES = _limit("MAX_UPLOAD_FILES", 20)
"""Most files one upload to the web page (`proccheck serve`) may carry."""

MAX_PDF_SECONDS = _limit("MAX_PDF_SECONDS", 8)
"""Longest time spent reading one PDF, checked before every operator of a page (forms too), so
that a hostile PDF ends within the 10 s promised for any input. It also bounds one page's
content: 512 KiB per second (4 MiB at 8 s), counting each form every time it is drawn."""


def names() -> list[str]:
    """The limits as configuration keys (`max-input-bytes`), in the order defined above."""
    return [key.lower().replace("_", "-") for key in globals() if key.startswith("MAX_")]


def configure(values: dict[str, int]) -> None:
    """Apply a configuration file's `limits` (keys as `names()` gives them). An environment
    variable still wins: it is the command line's way to raise a limit for one run. Called
    before the readers that copy a limit at import (e.g. the row limit of tables) are loaded."""
    for key, value in values.items():
        name = key.upper().replace("-", "_")
        if name in globals() and name.startswith("MAX_") and f"PROCCHECK_{name}" not in os.environ:
            globals()[name] = value
