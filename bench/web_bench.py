"""How fast proccheck serve answers: the first page in a real browser, and a 20-vendor tender's
time to verdicts (the progress page polled until the tender page arrives), cold and cached.

    .venv/bin/python bench/web_bench.py [--vendors 20]

Offline: a temporary copy of samples/tender with the sample bids copied into N vendor folders.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")


def make_tender(folder: Path, vendors: int) -> None:
    """samples/tender with its two bids copied into `vendors` folders (unlisted ones are found
    under anbud/ by themselves)."""
    shutil.copytree(REPO / "samples" / "tender", folder)
    bids = folder / "anbud"
    for n in range(vendors - 2):
        source = bids / ("norrdata" if n % 2 else "exempel-systems")
        target = bids / f"leverantor-{n + 3:02d}"
        target.mkdir()
        answers = next(p for p in source.iterdir() if p.name.startswith("anbudssvar"))
        shutil.copy(answers, target / answers.name)


def get(url: str, cookie: str) -> str:
    request = urllib.request.Request(url, headers={"Cookie": f"proccheck_token={cookie}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return str(response.read().decode("utf-8"))


def main() -> None:
    import uvicorn

    from proccheck.web.app import create_app
    from proccheck.web.security import new_token
    from proccheck.web.server import HOST, free_port

    parser = argparse.ArgumentParser()
    parser.add_argument("--vendors", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp, "tender")
        make_tender(folder, args.vendors)
        token, port = new_token(), free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(folder, token, port), host=HOST, port=port, log_level="error")
        )
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.01)
        base = f"http://{HOST}:{port}"

        start = time.perf_counter()
        get(f"{base}/", token)
        print(f"first page (HTTP): {1000 * (time.perf_counter() - start):.0f} ms")

        start = time.perf_counter()
        polls = 0
        while "h-vendors" not in get(f"{base}/tender/-", token):
            polls += 1
            time.sleep(1)  # what the progress page's refresh does
        cold = time.perf_counter() - start
        print(
            f"{args.vendors}-vendor tender, verdicts shown after: {cold:.1f} s ({polls} progress pages)"
        )
        start = time.perf_counter()
        get(f"{base}/tender/-", token)
        print(f"same tender reloaded (cached): {1000 * (time.perf_counter() - start):.0f} ms")

        if CHROMIUM.exists():
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM))
                page = browser.new_page()
                start = time.perf_counter()
                page.goto(f"{base}/?token={token}")
                print(
                    f"first page in chromium (load): {1000 * (time.perf_counter() - start):.0f} ms"
                )
                start = time.perf_counter()
                page.goto(f"{base}/tender/-")
                print(
                    f"tender page in chromium (cached, load): {1000 * (time.perf_counter() - start):.0f} ms"
                )
                browser.close()
        server.should_exit = True


if __name__ == "__main__":
    main()
