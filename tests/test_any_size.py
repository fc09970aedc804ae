"""Any size: every screen of every court, resized down to 1x1 and back, neither crashes
nor loses its state; below the smallest usable size one line asks for a bigger window,
and the screens resume as they were, a typed login still typed."""

from __future__ import annotations

import os

import pytest
from textual.widgets import Input

from ecf_tui.app import MIN_HEIGHT, MIN_WIDTH, make_app
from ecf_tui.screens.too_small import TooSmallScreen
from ecf_tui.ui.screen_map import shown_for

from .conftest import COURTS
from .test_app_walk import _paths

SIZES = [(1, 1), (32, 30), (MIN_WIDTH - 1, 30), (120, MIN_HEIGHT - 1), (MIN_WIDTH, MIN_HEIGHT)]
"""Down to one cell, a width that once crashed a site page (a monkey walk found it), just
under the smallest usable width and height, and just at it."""
LONG = os.environ.get("ECF_TUI_LONG") == "1"
"""The default suite takes MSSB, whose screens include both dialogs; the long run, every
court, at more sizes."""
LONG_SIZES = [(1, 1), (2, 5), (7, 3), (20, 30), (30, 10), (32, 30), (45, 16),
              (MIN_WIDTH - 1, 30), (120, MIN_HEIGHT - 1), (MIN_WIDTH, MIN_HEIGHT), (61, 16),
              (79, 23), (200, 60)]


def _one_state_per_screen(reg, court: str):
    """A state for each kind of screen the court's paths reach (a dialog with its page)."""
    profile = reg.load(court)
    found = {}
    for path in _paths(reg, court).values():
        for state in path.states:
            found.setdefault(shown_for(profile, state).screen, state)
    return list(found.values())


@pytest.mark.parametrize("court", COURTS if LONG else ("MSSB",))
async def test_every_screen_at_every_size_down_to_one_cell(reg, court: str) -> None:
    app = make_app(reg, court)
    async with app.run_test(size=(80, 24)) as pilot:
        for state in _one_state_per_screen(reg, court):
            app.show_state(state)
            await pilot.pause()
            screen = app.screen
            typed = [f for f in screen.query(Input) if not f.password]
            for field in typed:
                field.value = "kept-login"
            for width, height in LONG_SIZES if LONG else SIZES:
                await pilot.resize_terminal(width, height)
                await pilot.pause()
                small = width < MIN_WIDTH or height < MIN_HEIGHT
                assert isinstance(app.screen, TooSmallScreen) is small, (state.step, width)
                if small:
                    assert f"needs {MIN_WIDTH}x{MIN_HEIGHT}" in str(
                        app.screen.query_one("#too-small").render())
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert app.screen is screen and app.state == state, state.step
            assert [f.value for f in typed] == ["kept-login"] * len(typed)
            assert app.return_code is None


async def test_a_key_while_too_small_waits_and_the_walk_resumes(reg) -> None:
    """The court's keys wait while the window is too small (nothing changes under the
    one line); made bigger, the page comes back as it was and the keys go on to it."""
    app = make_app(reg, "MSSB/linked/success")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = app.state
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        await pilot.press("f8")  # Log Out
        await pilot.pause()
        assert app.state == before and isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        for _ in range(4):
            await pilot.pause()
        assert app.state != before and app.state.step == "pacer-login"


async def test_the_app_started_in_a_small_window_asks_for_a_bigger_one(reg) -> None:
    app = make_app(reg, "CANB")
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.view.step_id == "before-you-begin"


@pytest.mark.parametrize("opener", ["ctrl+p", "ctrl+f"])
async def test_the_command_palette_and_the_search_survive_any_size(reg, opener: str) -> None:
    """The command palette (which crashed Textual 8.2 at a few columns, so the app once
    went without it) and the help desk's search, open while the window shrinks to one
    cell and grows back: no crash, and they are still open, the words typed kept."""
    app = make_app(reg, "CASB")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(opener)
        modal = app.screen
        field = modal.query_one(Input)
        field.value = "confirm"
        for _ in range(40):  # the palette shows its list a moment after it opens
            await pilot.pause(0.05)
            if opener != "ctrl+p" or modal.has_class("-ready"):
                break
        for width, height in [(4, 4), *LONG_SIZES]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert app.screen is modal and field.value == "confirm"
        assert app.return_code is None
