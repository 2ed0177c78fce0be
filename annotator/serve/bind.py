"""Where `annotator serve` may listen: loopback unless the user says otherwise."""

from __future__ import annotations

import ipaddress
import socket

from annotator.errors import AnnotatorError

NO_LOGIN_WARNING = (
    "warning: annotator serve has no login of its own: anyone who reaches {where} can "
    "review under any name. Put it behind your team's reverse proxy with its login "
    "(see docs/SCALING.md)."
)


def is_loopback(host: str) -> bool:
    """Whether every address ``host`` resolves to is a loopback address."""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as error:
        raise AnnotatorError(f"--host {host}: cannot resolve it ({error.strerror})") from error
    return all(ipaddress.ip_address(info[4][0]).is_loopback for info in infos)


def check_bind(host: str, port: int, allow_remote: bool) -> str | None:
    """None for a loopback ``host``; the warning to print for another one when
    ``allow_remote``; an error otherwise."""
    if is_loopback(host):
        return None
    if not allow_remote:
        raise AnnotatorError(
            f"--host {host} is not a loopback address and annotator serve has no login of "
            "its own; add --allow-remote to serve other machines, behind your team's "
            "reverse proxy with its login"
        )
    return NO_LOGIN_WARNING.format(where=f"{host}:{port}")
