"""Provides the guide's way: what the court's guide tells the user to do from any state,
with the trainee's own accounts. Following it leads to the best end still open."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from ecf_tui.court.profile import (
    ConfirmStep,
    CourtProfile,
    DialogStep,
    LinkFormStep,
    LoginStep,
    MainStep,
    RedactionStep,
)
from ecf_tui.engine.accounts import own_account_ids
from ecf_tui.engine.pages import CMECF_PAGES, awaits_refresh, menu_refreshes
from ecf_tui.engine.state import Action, State
from ecf_tui.engine.transitions import actions, is_end, start, step


def advice(profile: CourtProfile, state: State, visited: Collection[str] = ()) -> Action | None:
    """What the court's guide tells the user to do here; None at an end. `visited`: the
    steps the walk has been on, where it is known (a detour that came back goes on)."""
    offered = {a.id: a for a in actions(profile, state)}
    if not offered or is_end(profile, state):
        return None
    current = profile.steps[state.step]
    pacer_id, cmecf_id = own_account_ids(profile)
    logout = f"menu:{profile.menu_bar.logout.text}"
    if current.kind in CMECF_PAGES and awaits_refresh(state):
        return offered.get(_refresh_move(profile, offered))
    match current:
        case LoginStep():
            if "clear-cache" in offered:
                return offered.get("clear-cache")
            return offered.get(f"login:pacer:{pacer_id}")
        case DialogStep():
            return offered.get("close") if "close" in offered else next(iter(offered.values()))
        case RedactionStep():
            return offered.get("continue" if state.checked else "check")
        case MainStep():
            return offered.get(f"menu:{profile.menu_bar.utilities.text}")
        case LinkFormStep():
            assert state.pacer is not None
            if state.linked is not None and state.linked[1] == cmecf_id:
                return offered.get(logout)
            return offered.get(f"submit:cmecf:{cmecf_id}")
        case ConfirmStep():
            assert state.pacer is not None and state.cmecf is not None
            pacer = profile.accounts.pacer[state.pacer]
            cmecf = profile.accounts.cmecf[state.cmecf]
            if pacer.kind == "firm":
                return offered.get(logout)
            return offered.get("back" if cmecf.person != pacer.person else "submit")
    # Site pages, Utilities pages, info pages, the e-mail: the first way on, in the
    # guide's order; once the walk has been where it leads (a side procedure off the
    # home page, done and come back from), the first way on to a page not yet seen.
    ways_on = [a for a in offered.values() if a.name in ("begin", "follow", "link", "back")]
    if visited and len(ways_on) > 1:
        fresh = [a for a in ways_on if step(profile, state, a).step not in visited]
        if fresh:
            return fresh[0]
    return ways_on[0] if ways_on else offered.get(logout)


def guide_walk(profile: CourtProfile, state: State | None = None
               ) -> Iterator[tuple[State, Action, State]]:
    """The guide's walk from `state` (the start): each state, the move the guide makes
    there and where it leads, remembering the pages it has been on, so that a detour
    comes back and goes on. It stops at an end, or before a move back to a state it has
    left where it would go on the same way as before (round for ever)."""
    state = start(profile) if state is None else state
    visited: set[str] = {state.step}
    made: dict[State, str] = {}
    while (action := advice(profile, state, visited)) is not None:
        target = step(profile, state, action)
        made[state] = action.id
        if target in made:
            again = advice(profile, target, visited | {target.step})
            if again is None or again.id == made[target]:
                return
        yield state, action, target
        visited.add(target.step)
        state = target


def _refresh_move(profile: CourtProfile, offered: dict[str, Action]) -> str:
    bar = profile.menu_bar
    for item in bar.limited:
        if item.text != bar.logout.text and menu_refreshes(profile, item.text):
            return f"menu:{item.text}"
    for name in ("refresh", "clear-cache"):
        if name in offered:
            return name
    return f"menu:{bar.logout.text}"
