"""How the screens look, at 100x30: every step screen of MSSB and CANB, and the menu bar
before and after the refresh for all five courts. Each picture is the first state (in
breadth-first order) of its step: the state a user reaches first, taken once the page
has settled (as QA takes its screenshots): a picture taken while the page still scrolls
its first control into sight differs on a loaded machine.

After a change to how a screen looks, run `pytest tests/test_snapshots.py
--snapshot-update`, then open the snapshot report and look at every picture."""

from __future__ import annotations

import functools
from typing import cast

import pytest
from textual.pilot import Pilot

from ecf_tui.app import EcfApp
from ecf_tui.engine import State
from ecf_tui.flows import graph
from ecf_tui.qa.driver import settled
from ecf_tui.registry.loading import Registry, registry

from .conftest import COURTS

SIZE = (100, 30)


@functools.cache
def _states(court: str) -> tuple[Registry, list[State]]:
    """The court's states, breadth-first: loaded and built once per test process."""
    reg = registry(env={})
    return reg, graph.build(reg.load(court)).states


def _first_states(court: str) -> list[tuple[str, str]]:
    reg, states = _states(court)
    seen = {state.step for state in states}
    return [(court, step) for step in reg.load(court).steps if step in seen]


def _app(court: str, step: str) -> EcfApp:
    reg, states = _states(court)
    return EcfApp(reg, court, next(s for s in states if s.step == step))


async def _settled(pilot: Pilot[None]) -> None:
    await settled(pilot, cast(EcfApp, pilot.app))


@pytest.mark.parametrize(("court", "step"), [*_first_states("MSSB"), *_first_states("CANB")])
def test_step_screen(snap_compare, court: str, step: str) -> None:
    """The step's screen: court banner, simulator notice, step indicator, the court's
    page in its own words (menu bar on CM/ECF pages), the guide panel, the footer."""
    assert snap_compare(_app(court, step), terminal_size=SIZE, run_before=_settled)


@pytest.mark.parametrize("court", COURTS)
@pytest.mark.parametrize("step", ["success", "refreshed"])
def test_menus_before_and_after_refresh(snap_compare, court: str, step: str) -> None:
    """success: linked, the limited "PACER Search" menu bar still shown; refreshed: the
    full filing menus with Bankruptcy and Adversary."""
    assert snap_compare(_app(court, step), terminal_size=SIZE, run_before=_settled)
