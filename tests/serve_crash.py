"""`ecf-tui serve` as it is, but each session runs tests/crash_session.py (the simulator,
made to fail at its first move) in place of `python -m ecf_tui`: run by test_serve.py to
show that a session's crash puts nothing typed into the server's output."""

from __future__ import annotations

import sys
from pathlib import Path

from ecf_tui.cli import main
from ecf_tui.serve import command

session_argv = command.session_argv


def crashing_argv(*args: object, **options: object) -> list[str]:
    argv = session_argv(*args, **options)  # type: ignore[arg-type]
    assert argv[1:3] == ["-m", "ecf_tui"]
    return [argv[0], str(Path(__file__).with_name("crash_session.py")), *argv[3:]]


command.session_argv = crashing_argv
sys.exit(main(sys.argv[1:]))
