"""Provides what a screen shows for a state, worked out once, without Textual.

A `View` is the engine's answer to "what is on the screen now": the step's texts
(from the profile), the state code, the stage indicator, the notice, the menu bar
and which of its items work, the names on the confirm page, the practice accounts
and the actions offered. Screens render a View and post back one of its actions;
they decide nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ecf_tui import engine
from ecf_tui.engine import Action, State
from ecf_tui.profile import CourtProfile, Step, Text


@dataclass(frozen=True)
class MenuItem:
    label: str
    action: Action | None
    """What a click does; None where the item does nothing in this simulation."""


@dataclass(frozen=True)
class PracticeAccount:
    system: str
    """"PACER" or "CM/ECF"."""
    login: str
    password: str
    """A fixed fake value the simulator shows to type; never a real one."""
    about: str


@dataclass(frozen=True)
class View:
    profile: CourtProfile
    state: State
    step: Step
    code: str
    stage: int
    stage_count: int
    stage_name: str
    notice: Text | None
    menu: tuple[MenuItem, ...]
    menus_full: bool
    offered: dict[str, Action]
    accounts: tuple[PracticeAccount, ...]
    names: tuple[str, str] | None
    """(CM/ECF name, PACER name) on the confirm page."""
    outcome: str | None
    advice: Action | None

    @property
    def stage_label(self) -> str:
        return f"Step {self.stage} of {self.stage_count} · {self.stage_name}"

    def action(self, action_id: str) -> Action | None:
        return self.offered.get(action_id)


def court_stages(profile: CourtProfile) -> list[int]:
    """The stages this court's procedure has, in order (CASB has no dialog stage)."""
    return sorted({engine.stage_of(s) for s in profile.steps.values()})


def build(profile: CourtProfile, state: State) -> View:
    step = profile.steps[state.step]
    offered = {a.id: a for a in engine.actions(profile, state)}
    stages = court_stages(profile)
    stage = engine.stage_of(step)
    return View(
        profile=profile,
        state=state,
        step=step,
        code=engine.state_code(profile, state),
        stage=stages.index(stage) + 1,
        stage_count=len(stages),
        stage_name=engine.STAGE_NAMES[stage],
        notice=profile.notices.get(state.notice) if state.notice else None,
        menu=_menu(profile, state, offered),
        menus_full=state.full_menus,
        offered=offered,
        accounts=_accounts(profile),
        names=_names(profile, state),
        outcome=engine.outcome(profile, state),
        advice=engine.advice(profile, state),
    )


def _menu(profile: CourtProfile, state: State, offered: dict[str, Action]
          ) -> tuple[MenuItem, ...]:
    bar = profile.menu_bar
    items = bar.full if state.full_menus else bar.limited
    return tuple(MenuItem(t.text, offered.get(f"menu:{t.text}")) for t in items)


def _accounts(profile: CourtProfile) -> tuple[PracticeAccount, ...]:
    pacer = [PracticeAccount("PACER", a.username.text, a.password, a.about.text)
             for a in profile.accounts.pacer.values()]
    cmecf = [PracticeAccount("CM/ECF", a.login.text, a.password, a.about.text)
             for a in profile.accounts.cmecf.values()]
    own_pacer, own_cmecf = engine.own_accounts(profile)
    first = [p for p in pacer if p.login == own_pacer.username.text]
    first += [c for c in cmecf if c.login == own_cmecf.login.text]
    return tuple(first + [a for a in pacer + cmecf if a not in first])


def _names(profile: CourtProfile, state: State) -> tuple[str, str] | None:
    if state.pacer is None or state.cmecf is None:
        return None
    return (profile.accounts.cmecf[state.cmecf].name.text,
            profile.accounts.pacer[state.pacer].name.text)
