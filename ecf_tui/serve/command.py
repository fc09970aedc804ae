"""Provides `ecf-tui serve`'s command line side: its options, each checked before
anything listens (each problem one paragraph, exit 2), the warning for a host beyond
loopback, and each session's command line, `python -m ecf_tui run TARGET --mode M [--results
DIR] --no-save [--theme T] [--screen-reader]`. Every run of `ecf-tui` imports this module
to build its parser: the host checks (`guard`) and sockets are imported when used."""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ecf_tui.court.command_line import Command
from ecf_tui.court.errors import UserError
from ecf_tui.training.modes import MODES

if TYPE_CHECKING:
    from ecf_tui.registry.loading import Registry

_IN_USE = (errno.EADDRINUSE, errno.EACCES, errno.EADDRNOTAVAIL)


@dataclass(frozen=True)
class Settings:
    """What the server is told: where it listens, what each session runs."""

    host: str
    port: int
    max_sessions: int
    court: str
    """The court's name, for the page's title."""
    argv: tuple[str, ...]
    """Each session's command line."""


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", nargs="?", metavar="COURT|STATE_CODE",
                        help="where each session starts (default: the court picker)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="the IP address to listen on (127.0.0.1, this machine alone; "
                             "0.0.0.0, every network it is on)")
    parser.add_argument("--port", type=int, default=8000, help="the port (8000)")
    parser.add_argument("--mode", choices=MODES, default="guided",
                        help="each session's training mode, as run's (guided)")
    parser.add_argument("--results", metavar="DIR",
                        help="every session's attempt results (JSON, and xAPI) here")
    parser.add_argument("--theme", metavar="NAME", help="each session's colours, as run's")
    parser.add_argument("--screen-reader", action="store_true",
                        help="each session in one column, as run's: the browser's screen "
                             "reader reads the terminal's rows, each then one text")
    parser.add_argument("--max-sessions", type=int, default=8, metavar="N",
                        help="at most N sessions at once (8); the next tab is told the "
                             "class is full")


def _serve(reg: Registry, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return serve_command(reg, args, err)


SERVE: Command[Registry] = Command(
    "serve",
    "the simulator in a web browser for a class, each tab its own session "
    "(needs ecf-tui[serve])",
    _configure, _serve,
    description="Listens on this machine alone (127.0.0.1) unless --host says "
                "otherwise: it has no authentication, so another host is for a "
                "training network only (a warning says so). Each browser tab is a "
                "session of its own, at most --max-sessions at once.")


def serve_command(reg: Registry, args: argparse.Namespace, err: TextIO) -> int:
    """Check every option, warn for a host beyond loopback, then serve until Ctrl+C."""
    from ecf_tui.serve import guard

    settings = settings_from(reg, args)
    if not guard.is_loopback(settings.host):
        print(guard.WARNING.format(host=settings.host), file=err)
    check_port_free(settings.host, settings.port)
    return run_server(settings)


def settings_from(reg: Registry, args: argparse.Namespace) -> Settings:
    host = check_host(args.host)
    if not 1 <= args.port <= 65535:
        raise UserError(f"--port {args.port} is not a port.", place="--port",
                        fix="give a number from 1 to 65535, such as 8000.")
    if args.max_sessions < 1:
        raise UserError(f"--max-sessions {args.max_sessions} is not a number of sessions.",
                        place="--max-sessions", fix="give 1 or more, such as 8.")
    if args.theme is not None:
        from ecf_tui.ui.themes import check

        check(args.theme)
    results = None
    if args.results:
        from ecf_tui.training.results import check_results_folder

        # Absolute: each session runs in a folder of its own.
        results = check_results_folder(Path(args.results)).resolve()
    if args.target is None:
        if args.mode != "guided" or results or args.theme or args.screen_reader:
            raise UserError("--mode, --results, --theme and --screen-reader go with a "
                            "court: without one "
                            "each session opens the court picker, in guided mode.",
                            place="serve", fix="give the court first: ecf-tui serve MSSB "
                                               "--mode assess --results DIR.")
        court = "the courts"
    else:
        from ecf_tui.helpdesk.opening import open_target

        profile, _ = open_target(reg, args.target, command="serve")
        court = profile.name.text
    folders = [*args.profiles, *getattr(args, "profiles_after", [])]
    argv = session_argv(args.target, args.mode, results, args.theme,
                        [Path(f).resolve() for f in folders], args.screen_reader)
    return Settings(host, args.port, args.max_sessions, court, tuple(argv))


def check_host(host: str) -> str:
    """An IP address or `localhost`: a name would have to be looked up, and nothing here
    asks a name server."""
    from ecf_tui.serve import guard

    if guard.is_ip(host) or guard.is_loopback(host):
        return guard.plain_host(host)
    raise UserError(f"--host '{host}' is not an IP address of this machine.",
                    place="--host", fix="give 127.0.0.1 (this machine alone, the default), "
                                        "or an address of this machine on the training "
                                        "network, or 0.0.0.0 for all of them.")


def check_port_free(host: str, port: int) -> None:
    """Bind the port as the server will (address reuse on, as aiohttp has it) and let it
    go: a port in use is a paragraph now, not a traceback later."""
    import socket

    from ecf_tui.serve import guard

    address = guard.bind_address(host)
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((address, port))
    except OSError as failed:
        raise port_problem(host, port, failed) from None


def port_problem(host: str, port: int, failed: OSError) -> UserError:
    return UserError(f"port {port} on {host} cannot be used ({failed.strerror or failed}).",
                     place="--port", fix="give another port, such as 8001, or stop what is "
                                         "using this one (a port below 1024 needs root).")


def session_argv(target: str | None, mode: str, results: Path | None, theme: str | None,
                 folders: Sequence[Path], screen_reader: bool = False) -> list[str]:
    """A session's command line: the simulator, saving no progress (a shared machine's
    data folder is no trainee's), its results into --results."""
    argv = [sys.executable, "-m", "ecf_tui"]
    for folder in folders:
        argv += ["--profiles", str(folder)]
    if target is None:
        # The court picker: `run`'s options need a court. What it saves goes into the
        # session's own HOME, removed with it.
        return argv
    argv += ["run", target, "--mode", mode]
    if results is not None:
        argv += ["--results", str(results)]
    argv.append("--no-save")
    if theme is not None:
        argv += ["--theme", theme]
    if screen_reader:
        argv.append("--screen-reader")
    return argv


def run_server(settings: Settings) -> int:
    """Serve until Ctrl+C; 0 then."""
    try:
        from ecf_tui.serve.server import ClassServer
    except ImportError:
        raise UserError("serving in a browser needs textual-serve, which is not "
                        "installed.", place="serve",
                        fix="install the extra: pip install 'ecf-tui[serve]'.") from None
    from ecf_tui.registry import profile_cache

    cache = profile_cache.folder()
    server = ClassServer(settings.argv, host=settings.host, port=settings.port,
                         court=settings.court, max_sessions=settings.max_sessions,
                         cache=str(cache) if cache is not None else "off")
    try:
        server.serve()
    except OSError as failed:
        if failed.errno in _IN_USE:  # taken between the check and now
            raise port_problem(settings.host, settings.port, failed) from None
        raise
    return 0
