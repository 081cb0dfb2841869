"""IP addresses as the fetcher and the probe judge them: public or not, whatever the form.

The fetcher refuses to connect to an address that is not public; the probe sets aside a server
URL on one. Both ask here, so that a form one of them knows (IPv4 inside IPv6, `2130706433`
for 127.0.0.1) cannot pass the other.
"""

from __future__ import annotations

import ipaddress
import re
import socket

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def unwrap(address: str) -> Address | None:
    """The address, with an IPv4 address embedded in IPv6 (mapped, 6to4, Teredo, NAT64) taken
    out; None when `address` is no IP address."""
    try:
        ip: Address = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip.teredo is not None:
            embedded = ip.teredo[1]
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            ip = embedded
    return ip


def address_is_public(address: str) -> bool:
    """Whether an IP address (v4 or v6, any embedding of v4 in v6) is a public unicast address."""
    ip = unwrap(address)
    if ip is None:
        return False
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def host_address(host: str) -> str | None:
    """The IP address a URL's host names, also in the forms a client's resolver accepts
    (`2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1` are all 127.0.0.1), else None (a
    name)."""
    if unwrap(host) is not None:
        return host
    if not _LEGACY_IPV4.fullmatch(host):
        return None
    try:
        return str(ipaddress.IPv4Address(socket.inet_aton(host)))
    except OSError:
        return None


_LEGACY_IPV4 = re.compile(r"(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}")
