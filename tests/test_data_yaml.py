"""The word lists and requirement sets proccheck ships read alike with libyaml and with
PyYAML's pure-Python parser: libyaml took `\breserve(s)? the right\b'` (an opening quote
lost) as a pattern that needs an apostrophe after "right", so "reserve the right" went
unnoticed, and `ISO ?8601` unquoted is an error to the pure parser (round 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(
    [*ROOT.glob("proccheck/data/lexicon/*.yaml"), *ROOT.glob("requirement_sets/*.yaml")]
)


@pytest.mark.parametrize("path", SHIPPED, ids=[path.name for path in SHIPPED])
def test_a_shipped_yaml_file_reads_alike_with_either_parser(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=yaml.SafeLoader) == yaml.load(text, Loader=yaml.CSafeLoader)


def test_reserving_the_right_is_a_reservation_in_english() -> None:
    from proccheck.loaders.lexicon import lexicon

    patterns = [pattern.pattern for pattern in lexicon("en").hedges["reservation"]]
    assert r"\breserve(s)? the right\b" in patterns
