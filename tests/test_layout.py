"""Layouts work from 80x24 up: on every step screen of every court nothing runs past the
right edge of the page or the menu bar (the page scrolls down, never sideways). 80x24 is
the tightest; the snapshots show 100x30."""

from __future__ import annotations

import pytest

from ecf_tui import graph
from ecf_tui.app import make_app

from .conftest import COURTS


@pytest.mark.parametrize("size", [(80, 24)], ids=["80x24"])
@pytest.mark.parametrize("court", COURTS)
async def test_nothing_is_cut_off_sideways(reg, court: str, size: tuple[int, int]) -> None:
    profile = reg.load(court)
    firsts = {}
    for state in graph.build(profile).states:
        firsts.setdefault(state.step, state)
    app = make_app(reg, court)
    async with app.run_test(size=size) as pilot:
        for state in firsts.values():
            app.show_state(state)
            await pilot.pause()
            screen = app.screen
            containers = list(screen.query("#page, #menu-bar, #dialog"))
            assert containers, state.step
            for container in containers:
                right = container.content_region.right
                for widget in container.query("*"):
                    if widget.display and widget.region.width:
                        assert widget.region.right <= right, (
                            f"{state.step}: {widget!r} ends at {widget.region.right} > {right}")
