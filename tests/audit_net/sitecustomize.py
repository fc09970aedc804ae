"""Loaded by every Python process the no-network test starts (it puts this folder on
PYTHONPATH): an audit hook that records each network socket opened, connected, bound or
resolved, one line each, to the file ECF_TUI_NET_LOG names. Unix sockets (asyncio's
self-pipe, multiprocessing) are not the network and are not recorded."""

from __future__ import annotations

import os
import socket
import sys

_LOG = os.environ.get("ECF_TUI_NET_LOG")
_WATCHED = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
            "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
            "socket.__new__"}


def _network(event: str, args: tuple[object, ...]) -> bool:
    if event == "socket.__new__":
        return args[1] not in (socket.AF_UNIX, -1)
    first = args[0] if args else None
    if isinstance(first, socket.socket):
        return first.family != socket.AF_UNIX
    return True  # a name looked up, an address resolved


def _hook(event: str, args: tuple[object, ...]) -> None:
    if _LOG and event in _WATCHED and _network(event, args):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {event} {args[1:]!r}\n")


sys.addaudithook(_hook)
