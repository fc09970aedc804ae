"""Demo mode: the court's guide path plays by itself, for a trainer's projector, with a
caption of the guide's words and the next move; Space pauses, Right steps, Escape stops
(the trainer goes on by hand, guided)."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from ecf_tui import engine
from ecf_tui.app import make_app
from ecf_tui.training.demo import demo_move, describe

from .terminal import Terminal


@pytest.mark.parametrize("court", ["MOEB", "CASB"])
def test_the_demo_path_is_the_guides_with_the_courts_email(reg, court: str) -> None:
    profile = reg.load(court)
    state, seen, steps = engine.start(profile), False, []
    while (move := demo_move(profile, state, seen)) is not None:
        assert describe(move).endswith(".")
        seen = seen or move.name == "email"
        state = engine.step(profile, state, move)
        steps.append(state.step)
    assert engine.outcome(profile, state) == "pass"
    assert ("email" in steps) == any(s.kind == "email" for s in profile.steps.values())


@pytest.mark.parametrize("court", ["MSSB", "CANB"])
async def test_space_pauses_right_steps_and_escape_stops(reg, court: str) -> None:
    app = make_app(reg, court, mode="demo", delay=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        paused_at = app.state
        await pilot.pause(0.3)
        assert app.state == paused_at, "paused: no move"
        assert "Paused." in str(app.screen.query_one(".demo-next").render())
        await pilot.press("right")
        await pilot.pause()
        assert app.state != paused_at, "Right: the next move, paused or not"
        await pilot.press("escape")
        await pilot.pause()
        stopped_at = app.state
        await pilot.pause(0.3)
        assert app.state == stopped_at and app.mode == "guided"
        assert not app.screen.query(".demo-next"), "no caption once stopped"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs Debian's tmux")
def test_the_moeb_demo_reaches_the_full_menus_with_no_key_pressed(tmp_path: Path) -> None:
    # The pages on the way are read from every byte the app wrote (a screen read now and
    # then missed a page up for the delay on a loaded machine, twice).
    record = tmp_path / "demo.tty"
    term = Terminal("MOEB", args=("--mode", "demo", "--delay", "0.4"), size=(120, 40),
                    record=record)
    try:
        seen: list[str] = []
        end = time.monotonic() + 60
        while time.monotonic() < end:
            screen = term.screen()
            seen.append(screen)
            if "Refreshed menus" in screen and "Bankruptcy" in screen:
                break
            time.sleep(0.1)
    finally:
        term.close()
    assert "Refreshed menus" in seen[-1] and "Adversary" in seen[-1], seen[-1]
    written = re.sub(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]", " ",
                     record.read_bytes().decode("utf-8", "replace"))
    assert "E-mail notification" in written and "Account Number" in written, \
        "MOEB's e-mail notification on the way"
    assert "Next: " in written


async def test_the_demos_tick_shows_in_the_box(reg) -> None:
    """The demo checks the redaction box through the engine, not a click: the box the
    page draws follows the View (it stayed empty, Continue armed beside it)."""
    app = make_app(reg, "MSSB/happy/redaction", mode="demo", delay=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert app.state.checked and app.screen.query_one("#agree").value
        assert "Choose Continue." in str(app.screen.query_one(".demo-next").render())
