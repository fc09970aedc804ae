"""Provides exact state codes: one code for each state of a court's flow, and the state
each code opens.

A state's short code, `COURT/situation/step` (`engine.short_code`), is what a person
reads; several states can share it (MSSB has 656 states and 87 short codes): the
firm's account on the redaction page with the box ticked or not, logged in again as
someone else after linking. A help desk needs a code to open the same screen with the
same account facts every time, so each short code names one canonical state, the one
reached in the fewest moves from the start (ties go to the one using the fewest
accounts other than the trainee's own, then the fewest facts set, then the facts in
order; never to the order actions are listed in). Any other state of
that short code adds, after `+`, each fact in which it differs from the canonical one:
`MOEB/firm-pacer/redaction+pacer:individual+ticked`.

Codes are worked out from the flow graph, never written by hand: the same profile gives
the same codes in every process, and a profile change that leaves a step's states and
the shortest ways to them alone leaves their codes alone. (The profile cache keeps them
beside the graph they were worked out from, under the same key: `remember`.)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ecf_tui import engine
from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine import State
from ecf_tui.flows import graph

FACTS = ("pacer", "cmecf", "linked", "full_menus", "checked", "cache_cleared", "notice")
"""A state's facts beside its court and step, in the order a qualifier lists them."""


def fact_token(name: str, value: object) -> str:
    """One fact as a code's qualifier spells it (`pacer:firm`, `ticked`, `not-linked`)."""
    if name == "pacer":
        return f"pacer:{value}" if value else "no-pacer"
    if name == "cmecf":
        return f"cmecf:{value}" if value else "no-cmecf"
    if name == "linked":
        return "linked:{}.{}".format(*value) if isinstance(value, tuple) else "not-linked"
    if name == "notice":
        return f"notice:{value}" if value else "no-notice"
    yes, no = {"full_menus": ("full-menus", "limited-menus"),
               "checked": ("ticked", "unticked"),
               "cache_cleared": ("cache-cleared", "cache-kept")}[name]
    return yes if value else no


def facts(state: State) -> tuple[str, ...]:
    """Every fact of a state, spelled as a qualifier would."""
    return tuple(fact_token(name, getattr(state, name)) for name in FACTS)


def _set_count(state: State) -> int:
    return sum(1 for name in FACTS if getattr(state, name))


def _others(profile: CourtProfile, state: State) -> int:
    """How many accounts other than the trainee's own the state has in play: the firm's
    account on the confirm page shows beside the trainee's own CM/ECF account."""
    own = engine.own_account_ids(profile)
    return sum(1 for mine, theirs in zip((state.pacer, state.cmecf), own, strict=True)
               if mine not in (None, theirs))


@dataclass(frozen=True)
class Codebook:
    """Every state of a court's flow with its exact code, both ways."""

    profile: CourtProfile
    codes: dict[State, str]
    states: dict[str, State]

    def code(self, state: State) -> str:
        """The state's exact code. A state outside the flow graph (a profile whose flow
        is broken, loaded for QA) has its short code and all its facts."""
        found = self.codes.get(state)
        if found is None:
            found = "+".join((engine.short_code(self.profile, state), *facts(state)))
        return found

    def state(self, code: str) -> State | None:
        """The state a code opens; None where no state has it."""
        return self.states.get(code)

    def first_at(self, step: str) -> State | None:
        """The state a person jumping to a step means: the guide's own there (happy, or
        linked once past the link), else the first the flow reaches."""
        on_step = [s for s in self.states.values() if s.step == step]
        plain = [s for s in on_step if "+" not in self.codes[s] and engine.situation(
            self.profile, s) in (engine.HAPPY, "linked")]
        return next(iter(plain or on_step), None)

    def __iter__(self) -> Iterator[tuple[str, State]]:
        return iter(self.states.items())


_BOOKS: dict[int, Codebook] = {}


def codebook(profile: CourtProfile) -> Codebook:
    """The profile's codebook, worked out once per profile (with its graph)."""
    flow = graph.of(profile)
    book = _BOOKS.get(id(flow))
    if book is None or book.profile is not profile:
        if len(_BOOKS) > graph.KEEP:  # the graphs they were made from are gone too
            _BOOKS.clear()
        book = _BOOKS[id(flow)] = _build(profile, flow)
    return book


def remember(profile: CourtProfile, flow: graph.StateGraph, codes: Sequence[str]) -> None:
    """Keep the codes worked out before for `flow`'s states, in their order (the profile
    cache's, read back with the graph): the first page shows its code without working
    out the other 655 of MSSB's."""
    if len(_BOOKS) > graph.KEEP:
        _BOOKS.clear()
    known = dict(zip(flow.states, codes, strict=True))
    _BOOKS[id(flow)] = Codebook(profile, known, {c: s for s, c in known.items()})


def code(profile: CourtProfile, state: State) -> str:
    """A state's exact code (see the module's text)."""
    return codebook(profile).code(state)


def _build(profile: CourtProfile, flow: graph.StateGraph) -> Codebook:
    depth = _depths(flow)
    groups: dict[str, list[State]] = {}
    for state in flow.states:
        groups.setdefault(engine.short_code(profile, state), []).append(state)
    codes: dict[State, str] = {}
    for short, members in groups.items():
        canonical = min(members, key=lambda s: (depth[s], _others(profile, s), _set_count(s),
                                                 facts(s)))
        own = facts(canonical)
        for state in members:
            extra = [mine for mine, theirs in zip(facts(state), own, strict=True)
                     if mine != theirs]
            codes[state] = "+".join((short, *extra))
    return Codebook(profile, codes, {c: s for s, c in codes.items()})


def _depths(flow: graph.StateGraph) -> dict[State, int]:
    """Each state's fewest moves from the start."""
    depth = {flow.start: 0}
    queue = deque([flow.start])
    while queue:
        state = queue.popleft()
        for edge in flow.out(state):
            if edge.target not in depth:
                depth[edge.target] = depth[state] + 1
                queue.append(edge.target)
    return depth
