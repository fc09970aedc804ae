"""Provides playing a scenario's moves through the engine, from the court's start to the
caller's state: every state on the way comes from `engine.step`, none is written by
hand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ecf_tui import engine
from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine import Action, ActionNotAllowed, State

if TYPE_CHECKING:  # the scenario models load with the scenarios: `run COURT` has none
    from ecf_tui.helpdesk.model import Scenario

GUIDE_UNTIL = "guide until "
LOG_OUT = "log out"
MAX_GUIDE_MOVES = 60
"""More than any court's guide takes from its start to its end (MSSB: 14)."""


class MoveProblem(Exception):
    """A move that cannot be made at a court: which, and why, in a sentence."""

    def __init__(self, index: int, move: str, problem: str) -> None:
        super().__init__(f"move {index + 1} ('{move}'): {problem}")
        self.index = index
        self.move = move


@dataclass(frozen=True)
class Walk:
    """A scenario played at one court: every state from the start, the actions between."""

    states: tuple[State, ...]
    actions: tuple[Action, ...]

    @property
    def end(self) -> State:
        return self.states[-1]


def play(profile: CourtProfile, scenario: Scenario, at: str | None = None) -> Walk:
    """The scenario's walk at this court (a court it is bound to). With `at`, the walk
    stops at the first state on that step, and where its moves never reach that step,
    goes on the guide's way (with the scenario's accounts) to it. MoveProblem where a
    move cannot be made; ValueError where `at` is never reached."""
    states, actions = [engine.start(profile)], []
    for index, move in enumerate(scenario.moves_for(profile.code)):
        for action in _expand(profile, scenario, states[-1], index, move):
            states.append(engine.step(profile, states[-1], action))
            actions.append(action)
    if at is not None:
        if at not in profile.steps:
            raise ValueError(f"{profile.code} has no step '{at}'")
        hit = next((i for i, s in enumerate(states) if s.step == at), None)
        if hit is not None:
            return Walk(tuple(states[:hit + 1]), tuple(actions[:hit]))
        more = _guide_until(profile, scenario, states[-1], at)
        if more is None:
            raise ValueError(f"the scenario's walk at {profile.code} never reaches the "
                             f"step '{at}'")
        for action in more:
            states.append(engine.step(profile, states[-1], action))
            actions.append(action)
    return Walk(tuple(states), tuple(actions))


def _expand(profile: CourtProfile, scenario: Scenario, state: State, index: int,
            move: str) -> list[Action]:
    """The engine actions one move stands for, from `state`."""
    if move.startswith(GUIDE_UNTIL):
        step = move.removeprefix(GUIDE_UNTIL).strip()
        if step not in profile.steps:
            raise MoveProblem(index, move, f"{profile.code} has no step '{step}'")
        found = _guide_until(profile, scenario, state, step)
        if found is None:
            raise MoveProblem(index, move, f"the guide's way from {state.step} never "
                                           f"reaches '{step}'")
        return found
    wanted = f"menu:{profile.menu_bar.logout.text}" if move == LOG_OUT else _own(profile, move)
    offered = {a.id: a for a in engine.actions(profile, state)}
    if wanted not in offered:
        from ecf_tui.helpdesk.model import MOVE_FORMS

        choices = ", ".join(offered) or "none"
        raise MoveProblem(index, move, f"not offered on {state.step} (offered: {choices}). "
                                       f"A move is one of: {'; '.join(MOVE_FORMS)}")
    return [offered[wanted]]


def _guide_until(profile: CourtProfile, scenario: Scenario, state: State,
                 step: str) -> list[Action] | None:
    """The guide's way from `state` to the first state on `step`, logging in and
    submitting with the scenario's accounts; None where it never gets there."""
    taken: list[Action] = []
    seen, visited = {state}, {state.step}
    while state.step != step and len(taken) < MAX_GUIDE_MOVES:
        action = engine.advice(profile, state, visited)
        if action is None:
            return None
        action = _with_accounts(profile, scenario, action)
        try:
            state = engine.step(profile, state, action)
        except ActionNotAllowed:
            return None
        if state in seen:
            return None
        seen.add(state)
        visited.add(state.step)
        taken.append(action)
    return taken if state.step == step else None


def _with_accounts(profile: CourtProfile, scenario: Scenario, action: Action) -> Action:
    """The guide's login and link-form Submit, with the caller's accounts."""
    if action.name == "login" and action.target.startswith("pacer:"):
        who = scenario.accounts.pacer
        target = _own(profile, f"login:{who}" if who.startswith("cmecf:")
                      else f"login:pacer:{who}").removeprefix("login:")
        return Action("login", target)
    if action.name == "submit" and action.target.startswith("cmecf:"):
        target = _own(profile, f"submit:cmecf:{scenario.accounts.cmecf}").removeprefix(
            "submit:")
        return Action("submit", target)
    return action


def _own(profile: CourtProfile, action_id: str) -> str:
    """An action id with `own` made the trainee's own account's id."""
    pacer, cmecf = engine.own_account_ids(profile)
    if action_id.endswith(":pacer:own"):
        return action_id.removesuffix("own") + pacer
    if action_id.endswith(":cmecf:own"):
        return action_id.removesuffix("own") + cmecf
    return action_id
