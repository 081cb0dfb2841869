"""proccheck serve: a real browser (Playwright driving Debian's chromium) through the officer's
work on a copy of the sample tender, and the guards, with a plain HTTP client."""

from __future__ import annotations

import http.client
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SAMPLES

CHROMIUM = Path("/usr/bin/chromium")


@dataclass
class Served:
    folder: Path
    port: int
    token: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """The web page over a temporary copy of samples/tender, on a free port of 127.0.0.1."""
    import uvicorn

    from proccheck.web.app import create_app
    from proccheck.web.security import new_token
    from proccheck.web.server import HOST, free_port

    folder = tmp_path / "tender"
    shutil.copytree(SAMPLES / "tender", folder)
    token, port = new_token(), free_port()
    config = uvicorn.Config(
        create_app(folder, token, port), host=HOST, port=port, log_level="error"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    yield Served(folder, port, token)
    server.should_exit = True
    thread.join(10)


# --- the browser ---------------------------------------------------------------------------------


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_an_officer_uploads_reads_decides_and_downloads(served: Served, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from playwright.sync_api import expect, sync_playwright

    answers = tmp_path / "anbudssvar.csv"
    shutil.copy(SAMPLES / "tender" / "anbud" / "norrdata" / "anbudssvar.csv", answers)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(accept_downloads=True)
        page.set_default_timeout(30_000)
        page.goto(served.url)
        assert "token=" not in page.url  # the key leaves the address bar
        page.get_by_role("link", name="Ärendehanteringssystem").first.click()
        expect(page.locator("#h-vendors")).to_be_visible()

        # upload a vendor's answers into a new bid folder, dropped onto the upload area
        page.locator("#vendor").fill("nyleverantor")
        dropped = page.evaluate_handle(
            """text => { const data = new DataTransfer();
                data.items.add(new File([text], "anbudssvar.csv", {type: "text/csv"}));
                return data; }""",
            answers.read_text(encoding="utf-8"),
        )
        page.locator("[data-drop]").dispatch_event("drop", {"dataTransfer": dropped})
        assert page.locator("#files").evaluate("input => input.files.length") == 1
        page.locator("form.upload button[type=submit]").click()
        expect(page.locator("#h-vendors")).to_be_visible()
        assert (served.folder / "anbud" / "nyleverantor" / "anbudssvar.csv").is_file()
        vendors = page.locator("section[aria-labelledby=h-vendors] tbody tr")
        expect(vendors).to_have_count(3)
        expect(vendors.nth(2).locator(".badge")).to_have_count(1)  # the new bid's verdict

        # read a verdict: the sample's rejected reservation makes Exempel Systems not met
        expect(vendors.filter(has_text="Exempel Systems AB").locator(".badge")).to_have_class(
            "badge b-not_met"
        )

        # record a decision about the first finding awaiting one
        page.locator(".pending a").first.click()
        expect(page.locator("#h-decide")).to_be_visible()
        mark = page.url.rsplit("/", 1)[1]
        page.locator("input[name=decision][value=kompletteras]").check()
        page.locator("#motivation").fill("Leverantören ombeds förtydliga <b>svaret</b>.")
        page.locator("#by").fill("Anna Berg")
        page.locator("form button[type=submit]").click()
        expect(page.locator("#current")).to_contain_text("förtydliga <b>svaret</b>")
        page.reload()
        expect(page.locator("#current")).to_contain_text("förtydliga <b>svaret</b>")
        decisions = (served.folder / "beslut.yaml").read_text(encoding="utf-8")
        assert mark in decisions and "Anna Berg" in decisions

        # download the evaluation record as a workbook
        page.goto(f"http://127.0.0.1:{served.port}/tender/-")
        expect(page.locator("#h-vendors")).to_be_visible()
        with page.expect_download() as download:
            page.locator("a[href$='record.xlsx']").click()
        saved = tmp_path / "record.xlsx"
        download.value.save_as(saved)
        browser.close()
    workbook = load_workbook(saved, read_only=True)
    text = " ".join(
        str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
    )
    assert "KS 2026/41" in text and "anbud/nyleverantor" in text and "förtydliga" in text


# --- the guards ----------------------------------------------------------------------------------


def _request(
    served: Served,
    method: str,
    path: str,
    *,
    host: str | None = None,
    cookie: bool = True,
    body: bytes = b"",
    content_type: str = "application/x-www-form-urlencoded",
) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    headers = {"Host": host or f"127.0.0.1:{served.port}", "Content-Type": content_type}
    if cookie:
        headers["Cookie"] = f"proccheck_token={served.token}"
    connection.request(method, path, body=body or None, headers=headers)
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def _multipart(fields: dict[str, str], filename: str, data: bytes) -> tuple[bytes, str]:
    boundary = "proccheckboundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{filename}"\r\n'
        f"Content-Type: text/csv\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def test_a_request_without_the_token_is_refused(served: Served) -> None:
    assert _request(served, "GET", "/", cookie=False)[0] == 403
    assert _request(served, "GET", "/?token=wrong", cookie=False)[0] == 403
    assert _request(served, "GET", "/static/style.css", cookie=False)[0] == 403
    assert _request(served, "GET", "/")[0] == 200


def test_a_foreign_host_header_is_refused(served: Served) -> None:
    """DNS rebinding: evil.example resolving to 127.0.0.1 still says evil.example."""
    assert _request(served, "GET", "/", host=f"evil.example:{served.port}")[0] == 421
    assert _request(served, "GET", f"/?token={served.token}", host="evil.example")[0] == 421


def test_a_form_post_without_the_csrf_token_is_refused(served: Served) -> None:
    before = (served.folder / "beslut.yaml").read_bytes()
    mark = "02480a7c3e39b0e5eb5aaf7420e809e9"
    body = b"decision=avvisas&motivation=x"
    assert _request(served, "POST", f"/tender/-/finding/{mark}", body=body)[0] == 403
    # without the cookie (what a cross-site post from another page sends: SameSite=Strict)
    body += b"&csrf=" + b"0" * 32
    assert _request(served, "POST", f"/tender/-/finding/{mark}", body=body, cookie=False)[0] == 403
    assert (served.folder / "beslut.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("vendor", "filename"),
    [
        ("ny", "../../upphandling.yaml"),
        ("ny", "..\\evil.csv"),
        ("ny", "/tmp/evil.csv"),
        ("ny", ".hidden.csv"),
        ("../krav", "svar.csv"),
        ("ny", "upphandling.yaml"),
    ],
)
def test_an_upload_name_with_a_path_is_refused(served: Served, vendor: str, filename: str) -> None:
    from proccheck.web.security import csrf_token

    before = sorted(p for p in served.folder.parent.rglob("*"))
    fields = {"csrf": csrf_token(served.token), "kind": "answers", "vendor": vendor}
    body, kind = _multipart(fields, filename, b"Krav-ID;Svar\nK1;Ja\n")
    status, _text = _request(served, "POST", "/tender/-/upload", body=body, content_type=kind)
    assert status == 400
    assert sorted(p for p in served.folder.parent.rglob("*")) == before


def test_safe_names() -> None:
    from proccheck.web.security import safe_name

    assert safe_name("Anbud 2 (rev).xlsx") == "Anbud 2 (rev).xlsx"
    assert safe_name("leverantör-ä") == "leverantör-ä"
    for bad in ("", ".", "..", "a/b", "a\\b", ".env", "..csv", "C:evil", "x" * 200):
        assert safe_name(bad) is None


def _wait_for_tender(served: Served) -> str:
    """The tender page, once its check is done (the progress page meanwhile)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status, text = _request(served, "GET", "/tender/-")
        assert status == 200
        if "h-vendors" in text:
            return text
        time.sleep(0.3)
    raise AssertionError("the tender page did not arrive")


def test_vendor_text_is_escaped(served: Served) -> None:
    from proccheck.web.security import csrf_token

    hostile = "K2;Export;Ja;<script>alert(1)</script> mot en avgift <img src=x onerror=alert(2)>;\n"
    head = "Kravnummer;Kravtext;Svar;Leverantörens kommentar;Bilaga\n"
    fields = {"csrf": csrf_token(served.token), "kind": "answers", "vendor": "elak"}
    body, kind = _multipart(fields, "svar.csv", (head + hostile).encode())
    assert _request(served, "POST", "/tender/-/upload", body=body, content_type=kind)[0] == 303
    page = _wait_for_tender(served)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_two_tabs_deciding_at_once_keep_both_decisions(served: Served) -> None:
    """Decisions are read, changed and written under one lock: neither is lost."""
    import re

    from proccheck.web.security import csrf_token

    page = _wait_for_tender(served)
    pending = page[page.index('id="h-pending"') : page.index('id="h-upload"')]
    marks = re.findall(r"/finding/([0-9a-f]{32})\">", pending)
    first, second = marks[0], marks[-1]
    assert first != second
    results: list[int] = []

    def post(mark: str) -> None:
        body = f"csrf={csrf_token(served.token)}&decision=kompletteras&motivation=flik+{mark[:6]}"
        results.append(_request(served, "POST", f"/tender/-/finding/{mark}", body=body.encode())[0])

    tabs = [threading.Thread(target=post, args=(mark,)) for mark in (first, second)]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join(60)
    assert results == [303, 303]
    from proccheck.tender import read_decisions

    kept = {d.fingerprint for d in read_decisions(served.folder).decisions}
    assert {first, second} <= kept


def test_too_many_files_in_one_upload_are_refused(served: Served) -> None:
    from proccheck.limits import MAX_UPLOAD_FILES
    from proccheck.web.security import csrf_token

    boundary = "b"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n'
        f"{csrf_token(served.token)}\r\n"
    ]
    for n in range(MAX_UPLOAD_FILES + 1):
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="f{n}.csv"\r\n\r\nx\r\n'
        )
    body = ("".join(parts) + f"--{boundary}--\r\n").encode()
    kind = f"multipart/form-data; boundary={boundary}"
    status, _text = _request(served, "POST", "/tender/-/upload", body=body, content_type=kind)
    assert status in (400, 413)
    assert not list((served.folder / "anbud").glob("*/f0.csv"))


def test_serve_is_a_command(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("serve", "--help")
    assert result.code == 0 and "127.0.0.1" in result.out and "--no-browser" in result.out
