"""Provides what a target on the command line opens: `COURT` (its start), an exact state
code (`MOEB/firm-pacer/confirm`), or `COURT --scenario ID [--at STEP]` (the scenario's
walk from the court's start to the caller's screen). `run` opens its end; `transcript`
records the walk."""

from __future__ import annotations

from ecf_tui import engine
from ecf_tui.court.errors import UserError
from ecf_tui.court.profile import CourtProfile
from ecf_tui.flows import codebook
from ecf_tui.helpdesk.replay import Walk, play
from ecf_tui.registry.loading import Registry


def open_target(reg: Registry, target: str, scenario: str | None = None,
                at: str | None = None, command: str = "run") -> tuple[CourtProfile, Walk]:
    """The court's profile and the walk the target names (a court or a code: one state,
    no action); a paragraph (UserError) for a target or options that name nothing, with
    `command` as its place."""
    court, _, rest = target.partition("/")
    profile = reg.load(court)
    code = profile.code
    if at and not scenario:
        raise UserError("--at goes with --scenario.", place="--at",
                        fix="add --scenario ID, or open a state with its code.")
    if scenario:
        if rest:
            raise UserError("--scenario goes with a court, not a state code.",
                            place="--scenario", fix=f"give just {code}.")
        return profile, _scenario_walk(reg, code, scenario, at)
    if not rest:
        return profile, Walk((engine.start(profile),), ())
    wanted = f"{code}/{rest}"
    found = codebook.codebook(profile).state(wanted)
    if found is None:
        raise UserError(f"no state of {code} has the code '{wanted}'.", place=command,
                        fix=f"list the codes with 'ecf-tui paths {code} --codes' or "
                            f"'ecf-tui scenarios {code}', or give just {code}.")
    return profile, Walk((found,), ())


def _scenario_walk(reg: Registry, court: str, scenario_id: str, at: str | None) -> Walk:
    """A scenario's walk at a court, to the caller's screen (or to step `at`)."""
    from ecf_tui.helpdesk import loading

    bound = loading.load(reg).get(court, scenario_id)
    if at is None:
        return bound.walk
    try:
        return play(bound.profile, bound.scenario, at)
    except ValueError as problem:
        steps = " > ".join(dict.fromkeys(s.step for s in bound.walk.states))
        raise UserError(f"{problem}.", place="--at",
                        fix=f"give a step of its walk ({steps}) or one on the guide's way "
                            "after it.") from None
