"""Whole-process start-up time of `proccheck --help` (target: at most 0.3 s on this machine).

Run: python bench/startup.py [RUNS]   (uses the `proccheck` next to this Python)
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    exe = Path(sys.executable).with_name("proccheck")
    command = [str(exe)] if exe.exists() else [shutil.which("proccheck") or "proccheck"]
    for args in (["--help"], ["sets", "list"], ["checks", "list"]):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([*command, *args], capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        print(
            f"proccheck {' '.join(args):<12} median {statistics.median(times):.3f} s "
            f"(min {min(times):.3f}, max {max(times):.3f}, {runs} runs)"
        )


if __name__ == "__main__":
    main()
