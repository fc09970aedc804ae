"""The App, driven as a person drives it: the happy path of every court with keys only
(at 100x30). On every page on the way: the screen is the state's, shows the step's
texts and guidance, every court text with its source mark, the control for what the
guide says to do now and the engine's notice in sight on arrival, nothing cut off
sideways. Every branch of a court is QA's, by keys, in tests/test_keyboard.py (QA makes
the same checks on every page it arrives at, and the keyboard's and the mouse's)."""

from __future__ import annotations

import pytest

from ecf_tui import engine
from ecf_tui.app import make_app
from ecf_tui.flows import graph
from ecf_tui.qa.driver import (
    cut_off_sideways,
    missing_texts,
    out_of_sight,
    perform,
    unmarked_texts,
)
from ecf_tui.ui.screen_map import shown_for

from .conftest import COURTS

SIZE = (100, 30)
TIGHTEST = (80, 24)


def _check_screen(app) -> None:
    expected = shown_for(app.profile, app.state, app.coaching)
    assert type(app.screen) is expected.screen
    assert app.screen.view == expected.view
    if expected.under is not None:  # the page under a dialog
        assert app.screen_stack[-2].view == expected.under.view
    assert missing_texts(app) == [], app.state.step
    assert unmarked_texts(app) == [], app.state.step
    assert cut_off_sideways(app) == [], app.state.step


async def _arrived(pilot, app) -> None:
    """Wait for the page to settle: it scrolls its first control (or notice) into sight
    once composed."""
    for _ in range(6):
        await pilot.pause()
        if not out_of_sight(app):
            return
    assert out_of_sight(app) == [], app.state.step


@pytest.mark.parametrize("court", COURTS)
async def test_happy_path_by_keys_only(reg, court: str) -> None:
    profile = reg.load(court)
    app = make_app(reg, court)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while (action := engine.advice(profile, app.state)) is not None:
            _check_screen(app)
            expected = engine.step(profile, app.state, action)
            await perform(pilot, app, action, how="keys")
            assert app.state == expected, f"{action.id} at {expected.step}"
        _check_screen(app)
        assert app.state.step == "refreshed" and engine.outcome(profile, app.state) == "pass"
        labels = [b.source_text.text for b in app.screen.query("#menu-bar Button")]
        assert "Bankruptcy" in labels and "Adversary" in labels


_PATHS: dict[str, dict[str, graph.Path]] = {}


def _paths(reg, court: str) -> dict[str, graph.Path]:
    """A court's paths by id, built once per test process (the graph takes a while)."""
    if court not in _PATHS:
        _PATHS[court] = {p.id: p for p in graph.paths(graph.build(reg.load(court)))}
    return _PATHS[court]
