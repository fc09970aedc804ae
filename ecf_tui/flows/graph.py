"""Provides a court's flow as a graph, and the paths through it.

The state graph is built by breadth-first search from the start over
`engine.actions`; an action that changes nothing (Clear on an empty form) is
not an edge. Users can repeat a mistake forever, so the graph has cycles and
the literal set of paths is infinite. `paths` therefore enumerates every
*distinct* path: the guide's way from the start (the happy path), then one
path for each flow edge (a step, an action, the next step) and each situation
that no earlier path shows, made of the shortest way there and the guide's way
on from it (`engine.advice`). Every edge of the flow graph and every situation
lies on at least one path, so running the paths covers the flow.
"""

from __future__ import annotations

import re
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ecf_tui import engine
from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine import Action, State


@dataclass(frozen=True)
class Edge:
    source: State
    action: Action
    target: State


@dataclass(frozen=True)
class FlowEdge:
    """An edge of the court's flow graph: a step, an action, the next step."""

    source: str
    action: str
    target: str

    def __str__(self) -> str:
        return f"{self.source} --{self.action}--> {self.target}"


@dataclass(frozen=True)
class Path:
    id: str
    edges: tuple[Edge, ...]
    start: State
    complete: bool = True
    """False where the path gets stuck before an end (a broken profile: no end reachable)."""

    @property
    def states(self) -> tuple[State, ...]:
        return (self.start, *(e.target for e in self.edges))

    @property
    def end(self) -> State:
        return self.states[-1]


@dataclass(eq=False)
class StateGraph:
    profile: CourtProfile
    start: State
    states: tuple[State, ...]
    """Every reachable state, in breadth-first order."""
    edges: tuple[Edge, ...]
    _out: dict[State, list[Edge]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._out = {}
        for e in self.edges:
            self._out.setdefault(e.source, []).append(e)

    def out(self, state: State) -> list[Edge]:
        return self._out.get(state, [])

    def ends(self) -> list[State]:
        return [s for s in self.states if engine.is_end(self.profile, s)]

    def node(self, state: State) -> str:
        """A state as a person reads it: `situation/step`."""
        return f"{engine.situation(self.profile, state)}/{state.step}"

    def flow_edges(self) -> list[FlowEdge]:
        """The flow graph's edges (steps as nodes), each once, in breadth-first order."""
        return list(dict.fromkeys(flow_edge(self.profile, e) for e in self.edges))


MENU_BAR = "(menu bar)"


def flow_edge(profile: CourtProfile, edge: Edge) -> FlowEdge:
    """The flow-graph edge an edge of the state graph stands for. The menu bar and the
    browser act alike on every CM/ECF page, so their edges leave one node, MENU_BAR."""
    source = edge.source.step
    chrome = engine.is_chrome(profile, source, edge.action)
    return FlowEdge(MENU_BAR if chrome else source, edge.action.id, edge.target.step)


_BUILT: OrderedDict[int, tuple[CourtProfile, StateGraph | Callable[[], StateGraph]]] = (
    OrderedDict())
KEEP = 16
"""Graphs kept: every court of a run and then some (a test run loads many copies)."""


def of(profile: CourtProfile) -> StateGraph:
    """The profile's graph, built once: loading checks the flow with it, and the state
    codes, `run CODE` and QA read it again (MSSB's takes ~0.1 s to build). Profiles are
    frozen, so a graph stays true for its profile; the profile is kept with it so that
    its id is not reused while the graph is."""
    key = id(profile)
    if key in _BUILT:
        _BUILT.move_to_end(key)
        kept = _BUILT[key][1]
        if isinstance(kept, StateGraph):
            return kept
        flow = kept()  # remembered as the way to read it back: read it now
    else:
        flow = build(profile)
    _BUILT[key] = (profile, flow)
    if len(_BUILT) > KEEP:
        _BUILT.popitem(last=False)
    return flow


def remember(profile: CourtProfile, flow: StateGraph | Callable[[], StateGraph]) -> None:
    """Keep a graph built earlier as the profile's, or the way to read it back (the
    profile cache's, unpacked when first asked for: `ecf-tui courts` never asks)."""
    _BUILT[id(profile)] = (profile, flow)
    if len(_BUILT) > KEEP:
        _BUILT.popitem(last=False)


def build(profile: CourtProfile) -> StateGraph:
    """Every state reachable from the start, and every action between them (built
    anew; `of` gives the one already built)."""
    first = engine.start(profile)
    seen: dict[State, None] = {first: None}
    edges: list[Edge] = []
    queue = deque([first])
    while queue:
        state = queue.popleft()
        for action in engine.actions(profile, state):
            target = engine.step(profile, state, action)
            if target == state:
                continue
            edges.append(Edge(state, action, target))
            if target not in seen:
                seen[target] = None
                queue.append(target)
    return StateGraph(profile, first, tuple(seen), tuple(edges))


def shortest_route(graph: StateGraph, sources: Iterable[State], goal: set[State]
                   ) -> list[Edge] | None:
    """The shortest edge list from a source to any goal (BFS, first edge order wins)."""
    start_list = list(sources)
    back: dict[State, Edge | None] = {s: None for s in start_list}
    queue = deque(start_list)
    while queue:
        state = queue.popleft()
        if state in goal:
            found: list[Edge] = []
            while (edge := back[state]) is not None:
                found.append(edge)
                state = edge.source
            return found[::-1]
        for edge in graph.out(state):
            if edge.target not in back:
                back[edge.target] = edge
                queue.append(edge.target)
    return None


def follow_advice(graph: StateGraph, state: State) -> list[Edge]:
    """The guide's way from `state` to an end (`engine.guide_walk`, a detour's come back
    included); where it would go round in a circle, the shortest way on to any end
    instead. In a broken profile, where no end can be reached, the route stops where
    the way runs out."""
    profile = graph.profile
    route = [Edge(*move) for move in engine.guide_walk(profile, state)]
    end = route[-1].target if route else state
    if engine.advice(profile, end) is None:
        return route
    return route + (shortest_route(graph, [end], set(graph.ends())) or [])


def paths(graph: StateGraph) -> list[Path]:
    """The happy path (the guide's way from the start), then one path for each flow
    edge and each situation not yet on a path: the shortest way to it, then the
    guide's way to an end."""
    found: list[Path] = []
    covered_edges: set[FlowEdge] = set()
    covered_situations: set[str] = set()
    used_ids: set[str] = set()
    profile = graph.profile

    def add(edges: list[Edge], names: list[str]) -> None:
        ident = next((n for n in names if n not in used_ids), None)
        n = 2
        while ident is None or ident in used_ids:
            ident, n = f"{names[-1]}-{n}", n + 1
        used_ids.add(ident)
        end = edges[-1].target if edges else graph.start
        path = Path(ident, tuple(edges), graph.start, engine.is_end(profile, end))
        found.append(path)
        covered_edges.update(flow_edge(profile, e) for e in edges)
        covered_situations.update(engine.situation(profile, s) for s in path.states)

    add(follow_advice(graph, graph.start), [engine.HAPPY])
    for edge in graph.edges:
        new_situation = engine.situation(profile, edge.target) not in covered_situations
        if flow_edge(profile, edge) in covered_edges and not new_situation:
            continue
        prefix = shortest_route(graph, [graph.start], {edge.source}) or []
        add([*prefix, edge, *follow_advice(graph, edge.target)], _names(profile, edge))
    # Each way a mistake can end the procedure (a firm account linked for good).
    for end in graph.ends():
        node = graph.node(end)
        if engine.outcome(profile, end) != "fail":
            continue
        if any(p.end == end or graph.node(p.end) == node for p in found):
            continue
        add(shortest_route(graph, [graph.start], {end}) or [], [node.replace("/", "--")])
    return found


def _names(profile: CourtProfile, edge: Edge) -> list[str]:
    """Readable ids for a path made for `edge`, best first."""
    before = engine.situation(profile, edge.source)
    after = engine.situation(profile, edge.target)
    act = f"{edge.source.step}--{_slug(edge.action.id)}"
    if after not in (before, engine.HAPPY):
        return [after, f"{after}--{act}"]
    return [act if before == engine.HAPPY else f"{before}--{act}"]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")

