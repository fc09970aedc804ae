"""Step latency: from a key press to the next screen painted, at each step of every court's
guide walk (the guide's way from the start to its end: the happy path) and at each step
off it that QA takes (below), against a bare Textual app pushing a screen of 50 ordinary
widgets on a key (bare_push_app.py: issue 25's yardstick) and the same app pushing a
trivial screen; every App headless (`run_test`) in this process, timed alike
(headless.py). A guide step is paired with a 50-widget push and a trivial push (in
turn: step, 50 widgets, trivial); the steps off the way are not paired (their budget is
absolute, and pairing them would add a minute to the run): each court's come right
after its guide walk's pairs, so the pushes are made through the same minutes.

A step: an action the engine offers; untimed, the screen is made ready as a person would
have it before the key: the typed credentials in their fields, the focus on the action's
control (the password field for a form); once the App is quiet, the key (Enter, Space for
a checkbox, F5/F6/Escape for the browser's keys and a dialog's close) and the wait for
the next page painted, in the state the engine expects.

The steps off the guide's way. QA walks a path for each edge of a court's flow graph (a
step, an action, the next step: `graph.flow_edges`), so the branches it takes are those
edges; here each one not on the guide walk, once per court, taken from one of its states
in a tour: from where the last step left the App, an edge of a flow edge not yet taken
that leaves that state, if there is one; else the App is sent, untimed, to the first
state (in the graph's breadth-first order: the shortest way there) of the next flow edge
not yet taken (`show_state`, as `ecf-tui run CODE` and QA jump to a page). Every edge is
aimed (the carrier of its action, as QA's driver finds it): one that cannot be is an
error, never skipped. The guide walk of each court warms its App (when the run takes a
warm-up), not the tour: a tour's step is often the App's first visit to its page.
"""

from __future__ import annotations

import asyncio
import time
from functools import partial
from typing import TYPE_CHECKING

from benchmarks.bare_push_app import BarePushApp, WidgetsPushApp
from benchmarks.headless import Session, bare_push, painted, press, settle
from benchmarks.registry import MILLISECONDS, BenchmarkError, Runs, Say

if TYPE_CHECKING:
    from ecf_tui.app import EcfApp
    from ecf_tui.engine import Action, State
    from ecf_tui.flows.graph import Edge, StateGraph

OURS = "a step of a guide walk"
BRANCH = "a step off the guide's way"
WIDGETS = "bare app: push a screen of 50 widgets"
BARE = "bare app: push a trivial screen"
LABELS = (OURS, WIDGETS, BARE, BRANCH)


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
    from ecf_tui.qa.driver import NoControl

    app = session.app
    what = f"{app.profile.code if app.profile else '?'}: {edge.action.id}"
    if app.state != edge.source:
        raise BenchmarkError(f"{what}: the App is not at the step's state")
    try:
        key = aim(app, edge.action)
    except NoControl as missing:
        raise BenchmarkError(f"{what}: {missing}") from None
    await settle(app, session.clock, lambda: not app.holding_keys, what)
    began = time.perf_counter()
    press(app, key)
    return await painted(app, session.clock, began,
                         lambda: app.state == edge.target and not app.holding_keys, what)


class Baselines:
    """The bare apps a step is paired with: the 50-widget push, and the trivial push."""

    def __init__(self, widgets: Session[WidgetsPushApp], bare: Session[BarePushApp]) -> None:
        self.widgets = widgets
        self.bare = bare

    async def warm_up(self) -> None:
        for _ in range(3):
            await self.widgets_push()
            await self.trivial_push()

    async def widgets_push(self) -> dict[str, float]:
        return {MILLISECONDS.key: await self.widgets.run(partial(bare_push, self.widgets)) * 1000}

    async def trivial_push(self) -> dict[str, float]:
        return {MILLISECONDS.key: await self.bare.run(partial(bare_push, self.bare)) * 1000}


async def walk(session: Session[EcfApp], flow: StateGraph, pair: Baselines | None,
               limit: int, runs: Runs) -> None:
    """The guide's walk from the start (at most `limit` steps), each step paired with a
    50-widget push and a trivial push when `pair` (recorded in `runs`; else a warm-up,
    not recorded)."""
    from ecf_tui.flows import graph

    if session.app.state != flow.start:
        await session.run(partial(_show, session, flow.start))
    for edge in graph.follow_advice(flow, flow.start)[:limit]:
        ours = await session.run(partial(step, session, edge))
        if pair is not None:
            runs[OURS].append({MILLISECONDS.key: ours * 1000})
            runs[WIDGETS].append(await pair.widgets_push())
            runs[BARE].append(await pair.trivial_push())


def branches(flow: StateGraph) -> list[Edge]:
    """The tour of the flow edges off the guide's way (see the module): one state edge
    for each, in the order taken, each action with the roster's credentials (a graph
    read back from the profile cache carries none)."""
    from ecf_tui import engine
    from ecf_tui.flows import graph

    profile = flow.profile
    guide = {graph.flow_edge(profile, e) for e in graph.follow_advice(flow, flow.start)}
    left: dict[graph.FlowEdge, Edge] = {}
    for edge in flow.edges:
        left.setdefault(graph.flow_edge(profile, edge), edge)
    for taken in guide:
        left.pop(taken, None)
    tour: list[Edge] = []
    here: State | None = None
    while left:
        onward = [e for e in flow.out(here) if graph.flow_edge(profile, e) in left
                  ] if here is not None else []
        edge = onward[0] if onward else next(iter(left.values()))
        del left[graph.flow_edge(profile, edge)]
        action = next(a for a in engine.actions(profile, edge.source) if a == edge.action)
        tour.append(graph.Edge(edge.source, action, edge.target))
        here = edge.target
    return tour


async def tour(session: Session[EcfApp], flow: StateGraph, limit: int, runs: Runs) -> None:
    """The steps off the guide's way (at most `limit`), recorded in `runs`."""
    for edge in branches(flow)[:limit]:
        if session.app.state != edge.source:
            await session.run(partial(_show, session, edge.source))
        ours = await session.run(partial(step, session, edge))
        runs[BRANCH].append({MILLISECONDS.key: ours * 1000})


async def _show(session: Session[EcfApp], state: State) -> None:
    """The App sent to `state` (untimed), until it is quiet there."""
    app = session.app
    app.show_state(state)
    await settle(app, session.clock, lambda: app.state == state and not app.holding_keys,
                 "showing a step's page")


async def measure(pairs: int, every_court: bool, warm_up: bool, say: Say) -> Runs:
    """Rounds of every court's guide walk and tour until `pairs` pairs of each
    (`every_court`: and at least one whole round); each court in an App of its own,
    after a guide walk unrecorded (`warm_up`)."""
    from ecf_tui.app import make_app
    from ecf_tui.flows import graph
    from ecf_tui.registry.loading import registry

    reg = registry(env={})
    runs: Runs = {label: [] for label in LABELS}
    async with Session(WidgetsPushApp()) as widgets, Session(BarePushApp()) as bare:
        pair = Baselines(widgets, bare)
        if warm_up:
            await pair.warm_up()
        rounds = 0
        while (min(len(runs[OURS]), len(runs[BRANCH])) < pairs
               or (every_court and rounds == 0)):
            for code in reg.codes():
                walks = pairs - len(runs[OURS]) if not every_court else 10**9
                steps = pairs - len(runs[BRANCH]) if not every_court else 10**9
                if walks <= 0 and steps <= 0:
                    break
                flow = graph.of(reg.load(code))
                async with Session(make_app(reg, code)) as ours:
                    if warm_up:
                        await walk(ours, flow, None, walks, runs)
                    if walks > 0:
                        await walk(ours, flow, pair, walks, runs)
                    if steps > 0:
                        await tour(ours, flow, steps, runs)
                say(f"step-latency: {code}, {len(runs[OURS])} guide steps, "
                    f"{len(runs[BRANCH])} off the guide's way")
            rounds += 1
    return runs


def collect(pairs: int, warm_up: bool, say: Say) -> Runs:
    """The pairs; under --quick (no warm-up) the first `pairs` steps of each kind only,
    else every court's walk and tour once at least."""
    return asyncio.run(measure(pairs, every_court=warm_up, warm_up=warm_up, say=say))
