"""Provides running paths in the real App, headless, as QA does: at each step the screen
must be the one the engine expects, with the profile's texts for the step on it; each
screen is written as SVG and as text. The paths of a court share most of their moves:
one App checks and captures each page once and tries each move from it once, through
the page's own control, and the paths that take it again read the outcome (`Tried`).
A failing path is cut down to the shortest path that still fails."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecf_tui.court.files import write_text
from ecf_tui.court.profile import CourtProfile, MistakeKind
from ecf_tui.engine import State
from ecf_tui.flows import codebook, graph
from ecf_tui.registry.loading import Registry
from ecf_tui.ui.textual_private import unpainted

if TYPE_CHECKING:
    from textual.pilot import Pilot
    from textual.screen import Screen

    from ecf_tui.app import EcfApp
    from ecf_tui.qa.driver import How

Size = tuple[int, int]


@dataclass(frozen=True)
class StepRecord:
    n: int
    step: str
    code: str
    action: str | None
    """The action that led here (None for the path's first screen)."""
    svg: str
    txt: str


@dataclass(frozen=True)
class Failure:
    reason: str
    state_code: str
    at: int
    """The number of the screen where it failed."""
    actions: tuple[str, ...]
    """The actions from the start to the failure, as the path took them."""
    shortest_code: str | None = None
    shortest_actions: tuple[str, ...] | None = None
    """The shortest path that still fails, where one was found."""


@dataclass(frozen=True)
class PathResult:
    court: str
    path_id: str
    steps: tuple[StepRecord, ...]
    failure: Failure | None
    covered: tuple[str, ...]
    """The flow edges walked without a fault, as text (`source --action--> target`)."""
    seconds: float = field(compare=False)

    @property
    def passed(self) -> bool:
        return self.failure is None


class _Fault(Exception):
    def __init__(self, reason: str, state: State) -> None:
        super().__init__(reason)
        self.reason = reason
        self.state = state


class Interrupted(Exception):
    """The run was asked to stop (Ctrl+C in the parent): raised between pages."""


def run_paths(folders: tuple[Path, ...], court: str, path_ids: list[str], out: Path | None,
              size: Size, path_done: Callable[[], None] = lambda: None,
              stopped: Callable[[], bool] = lambda: False, how: How = "keys"
              ) -> list[PathResult]:
    """Run these paths of a court in one headless App (a worker process calls this),
    each move made `how` a person makes it (keys or clicks), calling `path_done` after
    each path; `stopped()` true ends it at the next page."""
    return asyncio.run(_run_paths(Registry(folders), court, path_ids, out, size, path_done,
                                  stopped, how))


async def _run_paths(reg: Registry, court: str, path_ids: list[str], out: Path | None,
                     size: Size, path_done: Callable[[], None],
                     stopped: Callable[[], bool], how: How) -> list[PathResult]:
    from ecf_tui.app import EcfApp

    profile = reg.load(court, graph_checks=False)
    flow = graph.of(profile)
    by_id = {p.id: p for p in graph.paths(flow)}
    results = []
    # No screens made ready off stage: QA moves the moment a page settles, so they would
    # only compete with it; tests/test_next_screens.py checks a ready one shows the same.
    app = EcfApp(reg, court, graph_checks=False, ready_next=False)
    tried = Tried()
    with unpainted():  # QA reads each page itself (driver.settled, driver.capture)
        async with app.run_test(size=size) as pilot:
            for path_id in path_ids:
                results.append(await _run_one(app, pilot, flow, by_id[path_id], out,
                                              tried, how, stopped=stopped))
                path_done()
    return results


Moment = tuple[State, MistakeKind | None]
"""What decides the page QA's App (guided mode) shows: the state and the mistake that
led there (`EcfApp.moment`)."""

Page = tuple[tuple[Moment, graph.Edge | None], ...]
"""A page as the App shows it: its moment, after those the same screen showed before it
since it was made, each with the move that led there. A screen that shows one page after
another keeps its scroll position, so the same moment can look different after another
history; a page on a new screen is its moment alone."""


@dataclass
class Tried:
    """What one App has checked of a court: the paths share most of their moves (each
    is the shortest way to its edge, then the guide's way to an end), so each page is
    checked and captured once and each move from it tried once, through the page's own
    control; a later path that takes the same move reads the outcome from here."""

    pages: dict[Page, tuple[str, str] | _Fault | None] = field(default_factory=dict)
    """Each page arrived at: its capture (SVG, text; None without an output folder), or
    what was wrong with it."""
    moves: dict[tuple[Page, str], Page | _Fault] = field(default_factory=dict)
    """Each move tried, by the page it was taken on and its action id: the page it led
    to, or the fault it showed."""
    showing: Page | None = None
    """The page the App shows now."""


def _screens(app: EcfApp) -> list[Screen[Any]]:
    """The screens that draw the page: the one on top, and the page under a dialog."""
    from ecf_tui.screens.dialog import DialogScreen

    stack = app.screen_stack
    return stack[-2:] if isinstance(app.screen, DialogScreen) else stack[-1:]


async def _run_one(app: EcfApp, pilot: Pilot[None], flow: graph.StateGraph, path: graph.Path,
                   out: Path | None, tried: Tried, how: How, *, shorten: bool = True,
                   stopped: Callable[[], bool] = lambda: False) -> PathResult:
    profile = flow.profile
    began = time.perf_counter()
    walk = _Walk(app, pilot, profile, path, out, tried, how)
    failure = None
    try:
        await walk.walk(stopped)
    except _Fault as fault:
        failure = Failure(fault.reason, codebook.code(profile, fault.state),
                          len(walk.steps) + 1, tuple(walk.taken))
        if shorten:
            failure = await _shorten(app, pilot, flow, path, fault, walk.taken,
                                     len(walk.steps) + 1, tried, how)
    return PathResult(profile.code, path.id, tuple(walk.steps), failure, tuple(walk.covered),
                      time.perf_counter() - began)


class _Walk:
    """One path walked in QA's App, page by page: each page checked and captured, and
    each move tried, the first time this App meets it (`Tried`)."""

    def __init__(self, app: EcfApp, pilot: Pilot[None], profile: CourtProfile,
                 path: graph.Path, out: Path | None, tried: Tried, how: How) -> None:
        self.app = app
        self.pilot = pilot
        self.profile = profile
        self.path = path
        self.out = out
        self.tried = tried
        self.how = how
        self.steps: list[StepRecord] = []
        self.covered: list[str] = []
        self.taken_at = 0
        """The App's count of pages arrived when the last move was made."""
        self.taken: list[str] = []

    async def walk(self, stopped: Callable[[], bool]) -> None:
        """The path from its start to its end; a `_Fault` ends it where it shows."""
        here = await self.first()
        for edge in self.path.edges:
            if stopped():
                raise Interrupted
            self.taken.append(edge.action.id)
            here = await self.follow(here, edge)
            self.record(here, edge.action.id)
            self.covered.append(str(graph.flow_edge(self.profile, edge)))
        if not self.path.complete:
            raise _Fault("no end can be reached from here: the flow stops", self.path.end)

    async def first(self) -> Page:
        """The path's first page, shown on a new screen unless it was checked before."""
        here: Page = (((self.path.start, None), None),)
        if here not in self.tried.pages:
            self.tried.showing = None
            self.app.show_state(self.path.start, new_screen=True)
            await self.pilot.pause()
            self.expect(self.path.start)
            await self.arrived(here)
        self.record(here, None)
        return here

    async def follow(self, here: Page, edge: graph.Edge) -> Page:
        """The page the edge's move on `here` leads to: tried the first time, read from
        `tried` after."""
        known = self.tried.moves.get((here, edge.action.id))
        if known is None:
            try:
                known = await self.move(here, edge)
            except _Fault as fault:
                known = fault
            self.tried.moves[(here, edge.action.id)] = known
        if isinstance(known, _Fault):
            raise _Fault(known.reason, known.state)
        return known

    def expect(self, state: State) -> Moment:
        moment = self.app.moment
        assert moment is not None, "QA's App always shows a court"
        if moment[0] != state:
            raise _Fault(f"the app shows {codebook.code(self.profile, moment[0])} where the "
                         f"engine expects {codebook.code(self.profile, state)}", state)
        return moment

    async def arrived(self, page: Page, anew: bool = True) -> Page:
        """Check the page the App has just shown (`anew`: composed again, its focus put
        where a page arrives, not changed in place) and capture it the first time."""
        from ecf_tui.qa.driver import capture, settled

        app, tried = self.app, self.tried
        tried.showing = page
        await settled(self.pilot, app)
        try:
            _check_screen(app, self.profile, page[-1][0][0])
            if page not in tried.pages:
                await _check_focus(self.pilot, app, page[-1][0][0], anew)
        except _Fault as fault:
            tried.pages.setdefault(page, fault)
            raise
        if page not in tried.pages:
            tried.pages[page] = capture(app) if self.out is not None else None
        return page

    def record(self, page: Page, action: str | None) -> None:
        shown = self.tried.pages[page]
        if isinstance(shown, _Fault):
            raise _Fault(shown.reason, shown.state)
        moment = page[-1][0]
        self.steps.append(_record(self.profile, len(self.steps) + 1, moment[0], action,
                                  self.path, self.out, shown))

    async def take(self, edge: graph.Edge) -> tuple[Moment, bool]:
        """The edge's move on the page shown: where it leads, and whether the page
        shows on the screen that was there."""
        from ecf_tui.qa.driver import NoControl, perform
        from ecf_tui.qa.focus_walk import KeyTrouble

        before = _screens(self.app)
        self.taken_at = self.app.arrivals
        self.tried.showing = None
        try:
            await perform(self.pilot, self.app, edge.action, how=self.how)
        except (NoControl, KeyTrouble) as missing:
            raise _Fault(f"{edge.action.id}: {missing}", edge.source) from None
        return self.expect(edge.target), any(s in before for s in _screens(self.app))

    async def back_to(self, page: Page) -> None:
        """Show `page` as a path arrives there: its first moment on a new screen, then
        the moves the same screen showed since."""
        from ecf_tui.qa.driver import settled

        (first, _), *since = page
        self.app.show_state(*first, new_screen=True)
        await self.pilot.pause()
        for _, edge in since:
            assert edge is not None, "a page's later moments each have their move"
            await settled(self.pilot, self.app)
            await self.take(edge)
        await settled(self.pilot, self.app)
        self.tried.showing = page

    async def move(self, page: Page, edge: graph.Edge) -> Page:
        """Take the edge's move on `page` (going back to it first where the App has
        moved on), and check where it leads."""
        from ecf_tui.qa.driver import settled

        if self.tried.showing != page:
            await self.back_to(page)
        moment, same_screen = await self.take(edge)
        step = (moment, edge)
        await settled(self.pilot, self.app)
        anew = self.app.arrivals > self.taken_at
        return await self.arrived((*page, step) if same_screen else ((moment, None),), anew)


def _check_screen(app: EcfApp, profile: CourtProfile, state: State) -> None:
    from ecf_tui.qa.driver import (
        broken_inside,
        cut_off_sideways,
        missing_texts,
        out_of_sight,
        unmarked_texts,
    )
    from ecf_tui.ui.screen_map import shown_for

    expected = shown_for(profile, state, app.coaching)  # guided: a mistake is explained
    if type(app.screen) is not expected.screen:
        raise _Fault(f"the app shows {type(app.screen).__name__}, not "
                     f"{expected.screen.__name__}", state)
    if app.screen.view != expected.view:
        raise _Fault(f"the screen shows {app.screen.view.code}, not the state's own view",
                     state)
    hidden = out_of_sight(app) + cut_off_sideways(app) + broken_inside(app)
    if hidden:
        raise _Fault(f"the page hides what matters: {hidden[0]}", state)
    unmarked = unmarked_texts(app)
    if unmarked:
        raise _Fault(f"the court's page shows texts without their source: {unmarked[0]}",
                     state)
    missing = missing_texts(app)
    if missing:
        shown = "; ".join(f'"{m}"' for m in missing[:3])
        raise _Fault(f"the screen lacks the step's texts: {shown}", state)


async def _check_focus(pilot: Pilot[None], app: EcfApp, state: State, anew: bool) -> None:
    """The page as a keyboard and a mouse meet it: focus on a control in sight on
    arrival, the guide's next move where the page draws it, never a mistake's; Tab and
    Shift+Tab cycle through every control once and back, the focused
    one in sight each time; a click on each control's centre reaches it. Run once per
    page (QA's first arrival there): the keys pressed leave focus where it arrived."""
    from ecf_tui.qa.driver import arrival_problems
    from ecf_tui.qa.focus_walk import click_problems, cycle_problems, in_sight, name

    focused = app.focused
    if focused is not None and not in_sight(app.screen, focused):
        raise _Fault(f"focus is out of sight on arrival: {name(focused)} at "
                     f"{focused.region}", state)
    wrong = arrival_problems(app) if anew else []  # a ticked box keeps its focus
    if wrong:
        raise _Fault(wrong[0], state)
    problems = await cycle_problems(pilot) + click_problems(app.screen)
    if problems:
        raise _Fault(f"the keyboard or the mouse is stuck: {problems[0]}", state)


def _record(profile: CourtProfile, n: int, state: State, action: str | None,
            path: graph.Path, out: Path | None, page: tuple[str, str] | None) -> StepRecord:
    name = f"{n:02d}-{state.step}"
    folder = Path(profile.code) / path.id
    if out is not None and page is not None:
        svg, text = page
        (out / folder).mkdir(parents=True, exist_ok=True)
        write_text(out / folder / f"{name}.svg", svg)
        write_text(out / folder / f"{name}.txt", text)
    return StepRecord(n, state.step, codebook.code(profile, state), action,
                      str(folder / f"{name}.svg"), str(folder / f"{name}.txt"))


async def _shorten(app: EcfApp, pilot: Pilot[None], flow: graph.StateGraph, path: graph.Path,
                   fault: _Fault, taken: list[str], at: int, tried: Tried, how: How
                   ) -> Failure:
    """Cut a failing path down: the shortest way from the start to where the fault
    showed (and, for a missing control, that action), kept if it fails too."""
    profile = flow.profile
    code = codebook.code(profile, fault.state)
    as_taken = Failure(fault.reason, code, at, tuple(taken))
    route = graph.shortest_route(flow, [flow.start], {fault.state})
    if route is None:
        return as_taken
    # A missing control or a wrong screen after an action: the action is part of the fault.
    last = path.edges[len(taken) - 1] if taken else None
    if last is not None and last.source == fault.state:
        route = [*route, last]
    if len(route) >= len(taken):
        return Failure(fault.reason, code, at, tuple(taken), code, tuple(taken))
    actions = tuple(e.action.id for e in route)
    if not path.complete and fault.state == path.end:
        return Failure(fault.reason, code, at, tuple(taken), code, actions)
    short = graph.Path(f"{path.id}--shortest", tuple(route), flow.start)
    retry = await _run_one(app, pilot, flow, short, None, tried, how, shorten=False)
    if retry.failure is None:
        return Failure(fault.reason, code, at, tuple(taken), code, tuple(taken))
    return Failure(fault.reason, code, at, tuple(taken), retry.failure.state_code,
                   retry.failure.actions)
