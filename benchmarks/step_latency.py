"""Step latency: from a key press to the next screen painted, at each step of every court's
guide walk (the guide's way from the start to its end: the happy path), against a bare
Textual app pushing a trivial screen on a key, in alternating pairs (a step of ours, a
bare push) in this process, both Apps headless (`run_test`) and timed alike (headless.py).

A step: the engine's next action on the guide's way; untimed, the screen is made ready as
a person would have it before the key: the typed credentials in their fields, the focus
on the action's control (the password field for a form); once the App is quiet, the key
(Enter, Space for a checkbox, F5/F6/Escape for the browser's keys and a dialog's close)
and the wait for the next page painted, in the state the engine expects.
"""

from __future__ import annotations

import asyncio
import time
from functools import partial
from typing import TYPE_CHECKING

from benchmarks.headless import BarePushApp, Session, bare_push, painted, press, settle
from benchmarks.registry import MILLISECONDS, BenchmarkError, Runs, Say

if TYPE_CHECKING:
    from ecf_tui.app import EcfApp
    from ecf_tui.engine import Action
    from ecf_tui.flows.graph import Edge, StateGraph

OURS = "a step of a guide walk"
BARE = "bare app: push a trivial screen"


def aim(app: EcfApp, action: Action) -> str:
    """Make the screen ready for `action`'s key (untimed); the key."""
    from textual.widgets import Input

    from ecf_tui.qa.driver import KEY_ONLY, NoControl, carrier

    if action.name in KEY_ONLY:
        return KEY_ONLY[action.name]
    if action.typed:
        fields = list(app.screen.query("#page Input"))
        if len(fields) < 2:
            raise NoControl(f"{type(app.screen).__name__} shows no login and password fields")
        user, secret = fields[0], fields[1]
        assert isinstance(user, Input) and isinstance(secret, Input)
        user.value, secret.value = action.username, action.password
        secret.focus()
        return "enter"
    carrier(app, action).focus()
    return "space" if action.name == "check" else "enter"


async def step(session: Session[EcfApp], edge: Edge) -> float:
    """Seconds from the key of `edge`'s action to its target's page painted."""
    app = session.app
    what = f"{app.profile.code if app.profile else '?'}: {edge.action.id}"
    if app.state != edge.source:
        raise BenchmarkError(f"{what}: the App is not at the step's state")
    key = aim(app, edge.action)
    await settle(app, session.clock, lambda: not app.holding_keys, what)
    began = time.perf_counter()
    press(app, key)
    return await painted(app, session.clock, began,
                         lambda: app.state == edge.target and not app.holding_keys, what)


async def walk(session: Session[EcfApp], flow: StateGraph, bare: Session[BarePushApp] | None,
               limit: int, runs: Runs) -> None:
    """The guide's walk from the start (at most `limit` steps), each step paired with a
    bare push when `bare` (recorded in `runs`; else a warm-up, not recorded)."""
    from ecf_tui.flows import graph

    app = session.app
    if app.state != flow.start:
        await session.run(partial(_restart, session, flow))
    for edge in graph.follow_advice(flow, flow.start)[:limit]:
        ours = await session.run(partial(step, session, edge))
        if bare is not None:
            runs[OURS].append({MILLISECONDS.key: ours * 1000})
            theirs = await bare.run(partial(bare_push, bare))
            runs[BARE].append({MILLISECONDS.key: theirs * 1000})


async def _restart(session: Session[EcfApp], flow: StateGraph) -> None:
    session.app.show_state(flow.start)
    await settle(session.app, session.clock, lambda: not session.app.holding_keys)


async def measure(pairs: int, every_court: bool, warm_up: bool, say: Say) -> Runs:
    """Rounds of every court's guide walk until `pairs` pairs (`every_court`: and at least
    one whole round); each court in an App of its own, after a walk unrecorded
    (`warm_up`)."""
    from ecf_tui.app import make_app
    from ecf_tui.flows import graph
    from ecf_tui.registry.loading import registry

    reg = registry(env={})
    runs: Runs = {OURS: [], BARE: []}
    async with Session(BarePushApp()) as bare:
        if warm_up:
            for _ in range(3):
                await bare.run(partial(bare_push, bare))
        rounds = 0
        while len(runs[OURS]) < pairs or (every_court and rounds == 0):
            for code in reg.codes():
                left = pairs - len(runs[OURS]) if not every_court else 10**9
                if left <= 0:
                    break
                flow = graph.of(reg.load(code))
                async with Session(make_app(reg, code)) as ours:
                    if warm_up:
                        await walk(ours, flow, None, left, runs)
                    await walk(ours, flow, bare, left, runs)
                say(f"step-latency: {code}, {len(runs[OURS])} steps")
            rounds += 1
    return runs


def collect(pairs: int, warm_up: bool, say: Say) -> Runs:
    """The pairs; under --quick (no warm-up) the first `pairs` steps only, else every
    court's walk once at least."""
    return asyncio.run(measure(pairs, every_court=warm_up, warm_up=warm_up, say=say))
