"""Which hosts may be fetched: by default none that resolves to a local or private address.

A link in a feed or a redirect could otherwise make suivi read the machine it runs on or
its network (``http://169.254.169.254/``, ``http://127.0.0.1:5432/``, an intranet page).
"""

from __future__ import annotations

import ipaddress
import socket

from suivi import settings
from suivi.errors import SourceError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def private_allowed() -> bool:
    """Whether ``SUIVI_ALLOW_PRIVATE_URLS=1`` lets local and private addresses be fetched."""
    return settings.ALLOW_PRIVATE_URLS.value().strip().lower() in ("1", "true", "yes")


def is_blocked(address: Address) -> bool:
    """Whether ``address`` is loopback, link-local, private or otherwise not on the Internet."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        # ::ffff:127.0.0.1 reaches 127.0.0.1; Python 3.11 does not look inside.
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


def resolve(host: str, port: int) -> list[Address]:
    """Every address ``host`` resolves to (an address literal resolves to itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    # The scope of a link-local IPv6 address (fe80::1%eth0) is not part of the address.
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def check_host(url: str, host: str, port: int) -> None:
    """Raise :class:`SourceError` naming ``url`` unless every address of ``host`` is public."""
    if private_allowed():
        return
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as error:
        raise SourceError(url, f"unreachable (cannot resolve {host}: {error})") from error
    blocked = [str(address) for address in addresses if is_blocked(address)]
    if blocked:
        raise SourceError(
            url,
            f"refused: {host} resolves to a local or private address ({', '.join(blocked)}); "
            "set SUIVI_ALLOW_PRIVATE_URLS=1 to allow it",
        )
