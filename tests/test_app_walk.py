"""The App, driven as a person drives it: the happy path of every court with keys only
(at 100x30), and every documented branch of every court ending in the state the engine
says (at 80x24, the tightest size). On every page on the way, and then on every other
page any path reaches: the screen is the state's, shows the step's texts and guidance,
every court text with its source mark, the control for what the guide says to do now
and the engine's notice in sight on arrival, nothing cut off sideways. QA makes the
same checks on every page it captures, at any --size."""

from __future__ import annotations

import functools
import os

import pytest

from ecf_tui import engine, graph
from ecf_tui.app import make_app
from ecf_tui.qa.driver import (
    cut_off_sideways,
    missing_texts,
    out_of_sight,
    perform,
    unmarked_texts,
)
from ecf_tui.screen_map import shown_for

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
            await perform(pilot, app, action, keys=True)
            assert app.state == expected, f"{action.id} at {expected.step}"
        _check_screen(app)
        assert app.state.step == "refreshed" and engine.outcome(profile, app.state) == "pass"
        labels = [b.source_text.text for b in app.screen.query("#menu-bar Button")]
        assert "Bankruptcy" in labels and "Adversary" in labels


@functools.cache
def _branches() -> list[tuple[str, str]]:
    """The documented branches: each court's paths named for a situation, plus every
    path that ends elsewhere than the happy end."""
    from ecf_tui.loading import registry

    reg = registry(env={})
    found = []
    for court in COURTS:
        profile = reg.load(court)
        for path in graph.paths(graph.build(profile)):
            if path.id != "happy" and "--" not in path.id or path.end.step != "refreshed":
                found.append((court, path.id))
    return found


def _branch_point(path: graph.Path, happy: graph.Path) -> int:
    """Where a path leaves the happy path (the happy test already walks the part before)."""
    for i, (edge, usual) in enumerate(zip(path.edges, happy.edges, strict=False)):
        if edge != usual:
            return i
    return min(len(path.edges), len(happy.edges))


_PATHS: dict[str, dict[str, graph.Path]] = {}


def _paths(reg, court: str) -> dict[str, graph.Path]:
    """A court's paths by id, built once per test process (the graph takes a while)."""
    if court not in _PATHS:
        _PATHS[court] = {p.id: p for p in graph.paths(graph.build(reg.load(court)))}
    return _PATHS[court]


WALKED = COURTS if os.environ.get("ECF_TUI_LONG") else ("MSSB",)
"""The courts whose every branch the default suite walks in the App (MSSB: the most
edges, both dialogs, the redaction notice): the five take 170 s of the 4-minute budget
on 2 cores (CANB, walked by default until the training tests came, 30 s). ECF_TUI_LONG=1
walks all five; `ecf-tui qa` walks every path of every court through the App as well."""


@pytest.mark.parametrize("court", WALKED)
async def test_every_branch_and_every_page_in_the_app(reg, court: str) -> None:
    """Every edge of every branch, from where the branch leaves the happy path: the App
    takes it from the state the engine says (reached by the edge before, or opened as
    `ecf-tui run CODE` opens it) to the state the engine says. An edge that several
    branches share (their way back to the happy end) is taken once. Then every page of
    every path not seen on the way is shown and checked. One App per court, at 80x24."""
    found = _paths(reg, court)
    branches = [pid for c, pid in _branches() if c == court]
    assert branches
    seen, taken = set(), set()
    app = make_app(reg, court)
    async with app.run_test(size=TIGHTEST) as pilot:
        for path_id in branches:
            path = found[path_id]
            start = _branch_point(path, found["happy"])
            for edge in path.edges[start:]:
                source = edge.source
                if (source, edge.action.id) in taken:
                    continue
                if app.state != source:
                    app.show_state(source)
                    await _arrived(pilot, app)
                    assert app.state == source, path_id
                    _check_screen(app)
                await perform(pilot, app, edge.action, keys=False)
                assert app.state == edge.target, f"{path_id}: {edge.action.id}"
                await _arrived(pilot, app)
                _check_screen(app)
                seen.add(edge.target)
                taken.add((source, edge.action.id))
        rest = [s for p in found.values() for s in p.states if s not in seen]
        # Every other page of every path: a longer run, with ECF_TUI_LONG=1 (QA checks
        # the same on every page it captures).
        for state in dict.fromkeys(rest) if os.environ.get("ECF_TUI_LONG") else ():
            app.show_state(state)
            await _arrived(pilot, app)
            _check_screen(app)
