"""The probe's score per dimension: carried by the report and shown in every human format."""

from __future__ import annotations

from pathlib import Path

import pytest

from proccheck.api import probe_detailed
from proccheck.checks.api_analysis import WEIGHTS
from proccheck.i18n import _
from proccheck.model import Lang, RunResult
from proccheck.report import get_renderer
from proccheck.requirements import load_requirement_set
from proccheck.vocabulary import DIMENSION_NAMES, count_words, dimension_name

SAMPLE_API = (
    Path(__file__).resolve().parents[1] / "samples/answers/bilagor/exempel-arende-openapi.yaml"
)
NINE = ("export", "import", "formats", "auth", "docs", "versioning", "errors", "transport", "terms")
HEADINGS = {
    "text": {"en": "score per dimension:", "sv": "poäng per dimension:"},
    "html": {"en": "<h3>Score per dimension</h3>", "sv": "<h3>Poäng per dimension</h3>"},
    "markdown": {"en": "| Dimension | Score | Counts |", "sv": "| Dimension | Poäng | Underlag |"},
}


@pytest.fixture(scope="module")
def probed() -> dict[str, RunResult]:
    baseline = load_requirement_set("builtin:open-baseline")
    return {
        lang: RunResult(reports=(probe_detailed(str(SAMPLE_API), baseline, lang).report,))
        for lang in ("sv", "en")
    }


def test_report_carries_every_dimension_with_its_counts(probed: dict[str, RunResult]) -> None:
    report = probed["en"].reports[0]
    assert tuple(d.name for d in report.dimensions) == NINE
    assert set(NINE) == set(WEIGHTS) == set(DIMENSION_NAMES)
    export = report.dimensions[0]
    assert 0 <= export.score <= 100
    assert set(export.counts) >= {"resource_types", "exportable", "paginated"}
    # the overall score is the weighted mean the README describes
    mean = sum(WEIGHTS[d.name] * d.score for d in report.dimensions) / sum(WEIGHTS.values())
    assert report.score == round(mean)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", ["text", "html", "markdown"])
def test_every_dimension_is_shown(probed: dict[str, RunResult], fmt: str, lang: Lang) -> None:
    rendered = get_renderer(fmt)(probed[lang])
    assert HEADINGS[fmt][lang] in rendered
    for dimension in probed[lang].reports[0].dimensions:
        name = dimension_name(lang, dimension.name)
        assert name == _(lang, DIMENSION_NAMES[dimension.name])
        assert f"{dimension.score}/100" in rendered
        if fmt == "text":
            line = next(x for x in rendered.splitlines() if x.startswith(f"  {name} "))
            assert f"{dimension.score}/100" in line
        elif fmt == "html":
            assert f'<tr><td>{name}</td><td class="n">{dimension.score}/100</td>' in rendered
        else:
            assert f"| {name} | {dimension.score}/100 |" in rendered


def test_counts_read_as_words() -> None:
    counts: dict[str, int | str] = {
        "resource_types": 6,
        "operations_pct": 38,
        "contact": 1,
        "licence": "none",
        "strategy": "url,header",
        "unknown_thing": 3,
    }
    assert count_words("en", counts) == (
        "resource types 6, operations described 38%, contact yes, licence none, "
        "strategy url + header, unknown thing 3"
    )
    assert count_words("sv", counts) == (
        "resurstyper 6, beskrivna operationer 38\u00a0%, kontaktuppgifter ja, licens ingen, "
        "strategi url + header, unknown thing 3"
    )
    assert dimension_name("sv", "auth") == "autentisering"


def test_other_formats_leave_dimensions_out(probed: dict[str, RunResult]) -> None:
    for fmt in ("sarif", "junit"):
        rendered = get_renderer(fmt)(probed["en"])
        assert "with changes-since filter" not in rendered
        assert "per dimension" not in rendered.lower()
