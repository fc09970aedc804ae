"""The flow graph and its paths: every flow edge and situation on a path, stable ids,
and the load-time graph checks (unreachable steps, traps)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ecf_tui import engine
from ecf_tui.court.errors import ProfileErrors
from ecf_tui.flows import graph
from ecf_tui.registry.loading import load_file

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


PRINT_IDS = ("from ecf_tui.flows import graph; from ecf_tui.registry.loading import registry; "
             "r = registry(env={});"
             "[print(c, *(p.id for p in graph.paths(graph.build(r.load(c))))) for c in r.codes()]")


def test_path_ids_are_unique_and_stable_across_processes(profiles) -> None:
    """The ids a help desk quotes come out the same in two fresh interpreters with
    different hash seeds (so no set or dict order leaks into them), and as here."""
    runs = []
    for seed in ("1", "2"):
        proc = subprocess.run([sys.executable, "-c", PRINT_IDS], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        runs.append(proc.stdout)
    assert runs[0] == runs[1]
    for line in runs[0].splitlines():
        court, *ids = line.split()
        assert len(ids) == len(set(ids)) and ids[0] == "happy"
        assert ids == [p.id for p in graph.paths(graph.build(profiles[court]))]


def _problems(court_copy, add: str = "", swap: tuple[str, str] = ("", "")) -> str:
    """Load a copy of CASB with `add` appended and `swap` made; the paragraph it fails with."""
    path = court_copy("CASB")
    path.write_text(path.read_text().replace(*swap) + add)
    with pytest.raises(ProfileErrors) as caught:
        load_file(path)
    return caught.value.paragraph()


def test_an_unreachable_step_is_named(court_copy) -> None:
    text = _problems(court_copy, '\n[steps.orphan]\nkind = "info"\n'
                     'back_label = { text = "x", source = "simulator" }\nback_to = "home"\n')
    assert "steps.orphan" in text and "cannot be reached" in text and "line " in text


def test_a_cut_off_flow_is_named(court_copy) -> None:
    text = _problems(
        court_copy,
        '\n[steps.dead-end]\nkind = "info"\nback_label = { text = "x", source = "simulator" }'
        '\nback_to = "dead-end"\n',
        ('{ label = "Document Filing System", to = "pacer-login" }',
         '{ label = "Document Filing System", to = "dead-end" }'))
    assert "cannot be reached" in text  # login and all after it


def test_a_trap_is_named(court_copy) -> None:
    """Every step is reachable and the full menus too, but one page has no way on: the
    link form's "More about Upgraded PACER account" page leads back to itself."""
    text = _problems(court_copy, '\n[steps.upgraded-pacer-help]\n'
                     'back_to = "upgraded-pacer-help"\n')
    assert "steps.upgraded-pacer-help" in text
    assert "is a trap: CASB/happy/upgraded-pacer-help reaches no end." in text
    assert "give the step a way on or back" in text and "cannot be reached" not in text


def test_two_of_a_kind_the_engine_needs_once(court_copy) -> None:
    text = _problems(court_copy, '\n[steps.refreshed-2]\nkind = "refreshed"\n')
    assert "2 steps of kind 'refreshed'" in text
