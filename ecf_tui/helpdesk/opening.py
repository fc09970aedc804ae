"""Provides the state `ecf-tui run COURT --scenario ID [--at STEP]` opens."""

from __future__ import annotations

from ecf_tui.engine import State
from ecf_tui.errors import UserError
from ecf_tui.helpdesk import loading
from ecf_tui.helpdesk.replay import play
from ecf_tui.loading import Registry


def scenario_state(reg: Registry, court: str, scenario_id: str, at: str | None) -> State:
    """The caller's state of a scenario at a court (or its walk at step `at`)."""
    bound = loading.load(reg).get(court, scenario_id)
    if at is None:
        return bound.walk.end
    try:
        return play(bound.profile, bound.scenario, at).end
    except ValueError as problem:
        steps = " > ".join(dict.fromkeys(s.step for s in bound.walk.states))
        raise UserError(f"{problem}.", place="--at",
                        fix=f"give a step of its walk ({steps}) or one on the guide's way "
                            "after it.") from None
