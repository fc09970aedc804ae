"""Provides the checks on who may use the server: the host it listens on (loopback, or
a training network with a warning), the `Host` a request names (a page from another
site that has re-pointed its own name at this machine, DNS rebinding, is refused), and
the `Origin` a browser sends with a websocket upgrade (textual-serve 1.1.3 checks none,
so a page from any site could open a session on the trainee's machine)."""

from __future__ import annotations

import ipaddress
import socket

LOOPBACK_NAMES = frozenset({"localhost"})
WARNING = (
    "ecf-tui serve: warning: listening on {host}, beyond this machine. The simulator has "
    "no authentication: anyone who can reach this address and port can open a session. "
    "It must not be exposed beyond a training network (never the internet, never an "
    "office network); for this machine alone leave --host out (127.0.0.1).")


def plain_host(host: str) -> str:
    """The host without the brackets an IPv6 address takes in a URL (`[::1]`)."""
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(plain_host(host))
    except ValueError:
        return False
    return True


def is_loopback(host: str) -> bool:
    """127.0.0.1 (all of 127/8), ::1 and localhost: this machine alone."""
    host = plain_host(host).lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind_address(host: str) -> str:
    """The address to listen on: `localhost` as 127.0.0.1, so that a machine whose hosts
    file names ::1 too but has no IPv6 does not fail to bind half of it."""
    host = plain_host(host)
    return "127.0.0.1" if host.lower() in LOOPBACK_NAMES else host


def host_names(host: str) -> frozenset[str]:
    """The names a browser may use for this server in its `Host` header, besides any IP
    address when it listens beyond loopback: the loopback names, the host given, and
    this machine's own name (read locally: no DNS is asked)."""
    names = {"localhost", "127.0.0.1", "::1", plain_host(host).lower()}
    if not is_loopback(host):
        names.add(socket.gethostname().lower())
    return frozenset(names)


def host_allowed(request_host: str | None, request_port: int | None, bound: str,
                 port: int) -> bool:
    """Whether a request's `Host` names this server: one of `host_names(bound)`, or (when
    listening beyond loopback) an IP address, always at the port served. A name a page
    controls (DNS rebinding) is refused even when it resolves here."""
    if not request_host or request_port != port:
        return False
    name = plain_host(request_host).lower()
    if name in host_names(bound):
        return True
    return not is_loopback(bound) and is_ip(name)


def origin_allowed(origin: str | None, scheme: str, request_host: str | None,
                   request_port: int | None) -> bool:
    """A request with no `Origin` (a page's own navigation, a script tag) passes; one with
    an `Origin` passes only when it is this server as the request names it: the same
    scheme, host and port. `null` (a sandboxed frame, a file) does not."""
    if origin is None:
        return True
    from yarl import URL

    try:
        url = URL(origin)
        return (url.scheme == scheme and url.host is not None and request_host is not None
                and url.host.lower() == plain_host(request_host).lower()
                and url.port == request_port)
    except (ValueError, TypeError):
        return False
