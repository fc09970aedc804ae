"""The next screens made ready while the person reads (ecf_tui/ui/next_screens.py): the
key takes a ready screen on the guide's way, and what it shows is, to the character, the
page the App makes at the key without them (the footer's keys included: a ready page's
footer shows its own page's keys, not those of the page it was made beside). Driven by
keys, as a person walks (the QA driver's Tab-then-Enter), each key pressed once the
ready screens are made, as they are for a person reading the page."""

from __future__ import annotations

import gc

import pytest
from textual.pilot import Pilot

from ecf_tui.app import EcfApp
from ecf_tui.flows import graph
from ecf_tui.flows.graph import Edge
from ecf_tui.qa.driver import perform, screen_text, settled
from ecf_tui.registry.loading import Registry
from ecf_tui.widgets import KeysFooter

SIZE = (100, 30)


async def _read(pilot: Pilot[None], app: EcfApp) -> str:
    """The page once it has settled and, where the App makes screens ready, they are."""
    await settled(pilot, app)
    while not app.next_screens.done:
        await pilot.pause(0.02)
    await settled(pilot, app)
    return screen_text(app)


async def _walk(app: EcfApp, walk: list[Edge]) -> list[str]:
    """The page before the walk and after each of its keys (two Apps are walked one after
    the other: Textual's active App is the task's own)."""
    async with app.run_test(size=SIZE) as pilot:
        pages = [await _read(pilot, app)]
        for edge in walk:
            made = {id(s): s.query_one(KeysFooter).keys_shown for s in app.next_screens.screens}
            await perform(pilot, app, edge.action, how="keys")
            assert app.state == edge.target
            pages.append(await _read(pilot, app))
            # A ready page's footer was made with this page's keys: it shows them from the
            # key on, with no second compose (which had cost a step 50 ms).
            keys = app.screen.query_one(KeysFooter).keys_shown
            assert made.get(id(app.screen), keys) == keys, edge.action.id
    return pages


@pytest.mark.parametrize("court", ["ALNB", "CANB", "CASB", "MOEB", "MSSB"])
async def test_a_ready_screen_shows_what_the_key_would_have_made(reg: Registry,
                                                                 court: str) -> None:
    flow = graph.of(reg.load(court))
    walk = graph.follow_advice(flow, flow.start)
    ready, fresh = EcfApp(reg, court), EcfApp(reg, court, ready_next=False)
    made, as_ready = await _walk(fresh, walk), await _walk(ready, walk)
    for n, (one, other) in enumerate(zip(made, as_ready, strict=True)):
        assert one == other, f"{court}: after {[e.action.id for e in walk[:n]]}"
    assert fresh.next_screens.taken == 0
    # Every step to another page found its screen ready (a box ticked, a form sent back
    # with its notice, stay on their page).
    assert ready.next_screens.taken == len([e for e in walk if e.target.step != e.source.step])


async def test_full_collections_wait_for_an_idle_app_and_are_python_s_again_after(
        reg: Registry) -> None:
    before = gc.get_threshold()
    app = EcfApp(reg, "MSSB")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot, app)
        assert gc.get_threshold()[2] > before[2]  # seldom by themselves: when idle
        assert gc.get_freeze_count() > 0  # what the first screen has is never walked
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
