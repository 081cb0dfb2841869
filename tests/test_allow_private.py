"""`--allow-private` split (issue 12): it opens loopback and private networks for a URL the user
gave, on that URL's host only; link-local and cloud metadata addresses need `--allow-address`;
a URL a vendor wrote (evidence in answers) and a redirect to another host get the strict guard.

Only 127.0.0.1 is ever connected to; the refused addresses are refused before any connection.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult, QuietHandler, Serve

from proccheck.errors import ProbeError
from proccheck.loaders.fetch import AddressPolicy, check_url, fetch, parse_networks

Cli = Callable[..., CliResult]
SPEC = json.dumps(
    {"openapi": "3.0.3", "info": {"title": "T", "version": "1.0.0"}, "paths": {}}
).encode()


class Handler(QuietHandler):
    hits: list[str] = []  # noqa: RUF012

    def do_GET(self) -> None:
        Handler.hits.append(self.path)
        port = self.server.server_address[1]
        if self.path == "/to-other-host":  # the same server under another name
            self.reply(302, headers={"Location": f"http://localhost:{port}/spec.json"})
        else:
            self.reply(200, SPEC, {"Content-Type": "application/json"})


@pytest.fixture
def server(serve: Serve, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    Handler.hits = []
    monkeypatch.setenv("PROCCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return serve(Handler)


@pytest.mark.parametrize(
    "address",
    ["169.254.169.254", "fd00:ec2::254", "100.100.100.200", "fe80::1", "0.0.0.0", "224.0.0.1"],
)
def test_metadata_and_link_local_refused_even_with_allow_private(address: str) -> None:
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(ProbeError, match="non-public address"):
        check_url(f"http://{host}/latest/meta-data/", allow_private=True)
    assert not AddressPolicy(private=True).allows(address)
    assert AddressPolicy(networks=parse_networks([address])).allows(address)  # named: allowed


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "fd12::1"]
)
def test_allow_private_opens_loopback_and_private_networks(address: str) -> None:
    assert AddressPolicy(private=True).allows(address)
    assert not AddressPolicy().allows(address)
    assert AddressPolicy(networks=parse_networks(["10.0.0.0/8"])).allows("10.9.9.9")
    assert not AddressPolicy(networks=parse_networks(["10.0.0.0/8"])).allows("192.168.1.1")


def test_loopback_allowed_for_a_user_url(cli: Cli, server: str) -> None:
    refused = cli("probe", f"{server}/spec.json", "--no-cache")
    assert refused.code == 2 and "non-public address 127.0.0.1" in refused.err
    assert Handler.hits == []
    allowed = cli("probe", f"{server}/spec.json", "--allow-private", "--no-cache")
    assert allowed.code in (0, 1), allowed.err
    named = cli("probe", f"{server}/spec.json", "--allow-address", "127.0.0.1/32", "--no-cache")
    assert named.code in (0, 1), named.err
    assert Handler.hits == ["/spec.json", "/spec.json"]


def test_bad_allow_address_is_a_usage_error(cli: Cli) -> None:
    result = cli("probe", "http://127.0.0.1:9/x.json", "--allow-address", "not-a-network")
    assert result.code == 2 and "not an IP address or network" in result.err


def test_redirect_to_another_host_gets_the_strict_guard(server: str) -> None:
    with pytest.raises(ProbeError, match="non-public address"):
        fetch(f"{server}/to-other-host", allow_private=True)
    assert Handler.hits == ["/to-other-host"]


def test_vendor_evidence_url_refused_even_with_allow_private(
    cli: Cli, server: str, tmp_path: Path
) -> None:
    bid = tmp_path / "svar.yaml"
    bid.write_text(
        "vendor: X AB\nanswers:\n"
        f"  - {{requirement: API-10, answer: Ja, evidence: [{server}/spec.json]}}\n",
        encoding="utf-8",
    )
    result = cli("answers", "check", bid, "--probe", "--allow-private", "-f", "json")
    assert result.code in (0, 1), result.err
    assert Handler.hits == []
    assert "non-public address 127.0.0.1" in result.out
