"""The flow graph and its paths: every flow edge and situation on a path, stable ids,
and the load-time graph checks (unreachable steps, traps)."""

from __future__ import annotations

import pytest

from ecf_tui import engine, graph
from ecf_tui.errors import ProfileErrors
from ecf_tui.loading import load_file

from .conftest import COURTS


@pytest.mark.parametrize("court", COURTS)
def test_paths_cover_every_flow_edge_and_situation(profiles, court: str) -> None:
    profile = profiles[court]
    flow = graph.build(profile)
    found = graph.paths(flow)
    on_paths = {graph.flow_edge(profile, e) for p in found for e in p.edges}
    assert on_paths == set(flow.flow_edges())
    situations = {engine.situation(profile, s) for p in found for s in p.states}
    assert situations == {engine.situation(profile, s) for s in flow.states}
    for path in found:
        assert path.states[0] == flow.start and engine.is_end(profile, path.end)
        state = path.start
        for edge in path.edges:  # each path replays through the engine
            assert engine.step(profile, state, edge.action) == edge.target
            state = edge.target


@pytest.mark.parametrize("court", COURTS)
def test_path_ids_are_unique_and_stable(reg, profiles, court: str) -> None:
    ids = [p.id for p in graph.paths(graph.build(profiles[court]))]
    assert len(ids) == len(set(ids)) and ids[0] == "happy"
    again = [p.id for p in graph.paths(graph.build(reg.load(court)))]
    assert again == ids


def test_every_state_code_leads_back_to_a_state(profiles) -> None:
    moeb = profiles["MOEB"]
    flow = graph.build(moeb)
    state = graph.state_for_code(flow, "MOEB/firm-pacer/confirm")
    assert state is not None and state.pacer == "firm" and state.step == "confirm"
    assert graph.state_for_code(flow, "MOEB/nothing/here") is None


def test_an_unreachable_step_is_named(court_copy) -> None:
    path = court_copy("CASB")
    path.write_text(path.read_text() + '\n[steps.orphan]\nkind = "info"\n'
                    'back_label = { text = "x", source = "simulator" }\nback_to = "home"\n')
    with pytest.raises(ProfileErrors) as caught:
        load_file(path)
    text = caught.value.paragraph()
    assert "steps.orphan" in text and "cannot be reached" in text and "line " in text


def test_a_trap_is_named(court_copy) -> None:
    path = court_copy("CASB")
    text = path.read_text().replace(
        '{ label = "Document Filing System", to = "pacer-login" }',
        '{ label = "Document Filing System", to = "dead-end" }')
    text += ('\n[steps.dead-end]\nkind = "info"\nback_label = { text = "x", source = "simulator" }'
             '\nback_to = "dead-end"\n')
    path.write_text(text)
    with pytest.raises(ProfileErrors) as caught:
        load_file(path)
    assert "cannot be reached" in caught.value.paragraph()  # login and all after it


def test_two_of_a_kind_the_engine_needs_once(court_copy) -> None:
    path = court_copy("CASB")
    path.write_text(path.read_text() + '\n[steps.refreshed-2]\nkind = "refreshed"\n')
    with pytest.raises(ProfileErrors) as caught:
        load_file(path)
    assert "2 steps of kind 'refreshed'" in caught.value.paragraph()
