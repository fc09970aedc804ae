"""Run by test_crash.py in a fresh interpreter: type a sentinel password, then make the
engine fail on purpose, and exit with the App's return code."""

from __future__ import annotations

import sys

from textual.pilot import Pilot

import ecf_tui.engine as engine
from ecf_tui.app import make_app, run_app
from ecf_tui.registry.loading import registry
from ecf_tui.screens.step import StepScreen

SENTINEL = sys.argv[1]


def boom(*args: object) -> None:
    raise RuntimeError("the engine failed on purpose")


def boom_again(*args: object) -> None:
    raise RuntimeError("and a screen failed as the App came down")


async def type_then_fail(pilot: Pilot) -> None:
    try:
        await pilot.pause()
        await pilot.press(*"bcasbtest", "tab", *SENTINEL)
        engine.step = boom  # type: ignore[assignment]
        # A second error while the App comes down: the report still shows once.
        StepScreen.on_unmount = boom_again  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
    except Exception:  # noqa: BLE001 - the App may be gone by now; its report is the test
        pass


app = make_app(registry(), "CASB/happy/pacer-login")
sys.exit(run_app(app, headless=True, size=(100, 30), auto_pilot=type_then_fail))
