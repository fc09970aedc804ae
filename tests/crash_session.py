"""A session of `ecf-tui serve` that fails on purpose (run by tests/serve_crash.py in
place of `python -m ecf_tui`): the real `run` command, whose engine fails at the first
move the App sends it, as tests/crash_app.py makes it fail: here, the PACER login just
submitted with the password the test typed into the browser's terminal."""

from __future__ import annotations

import sys

import ecf_tui.engine as engine
from ecf_tui.app import EcfApp
from ecf_tui.cli import main

dispatch = EcfApp.dispatch


def boom(*args: object) -> None:
    raise RuntimeError("the engine failed on purpose")


def failing_dispatch(self: EcfApp, action: engine.Action) -> None:
    # Only now: loading the court and building its codes take steps through the engine.
    engine.step = boom  # type: ignore[assignment]
    dispatch(self, action)


EcfApp.dispatch = failing_dispatch  # type: ignore[method-assign]
sys.exit(main(sys.argv[1:]))
