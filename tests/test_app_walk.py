"""The App, driven as a person drives it: the happy path of every court with keys only,
and every documented branch of every court ending in the state the engine says."""

from __future__ import annotations

import pytest

from ecf_tui import engine, graph
from ecf_tui.app import make_app
from ecf_tui.qa.driver import missing_texts, perform, unmarked_texts
from ecf_tui.screen_map import shown_for

from .conftest import COURTS

SIZE = (100, 30)


def _check_screen(app) -> None:
    expected = shown_for(app.profile, app.state)
    assert type(app.screen) is expected.screen
    assert app.screen.view == expected.view
    if expected.under is not None:  # the page under a dialog
        assert app.screen_stack[-2].view == expected.under.view
    assert missing_texts(app) == [], app.state.step
    assert unmarked_texts(app) == [], app.state.step


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


@pytest.mark.parametrize(("court", "path_id"), _branches())
async def test_branch_in_the_app(reg, court: str, path_id: str) -> None:
    """From where the branch leaves the happy path (the state a help desk opens with
    `ecf-tui run CODE`), the App follows the branch to the end the engine says."""
    profile = reg.load(court)
    found = _paths(reg, court)
    path = found[path_id]
    start = _branch_point(path, found["happy"])
    app = make_app(reg, engine.state_code(profile, path.states[start]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.state == path.states[start]
        _check_screen(app)
        for edge in path.edges[start:]:
            await perform(pilot, app, edge.action, keys=False)
            assert app.state == edge.target, f"{edge.action.id} -> {edge.target.step}"
            _check_screen(app)
        assert app.state == path.end
