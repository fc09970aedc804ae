"""Provides the mistakes the engine recognises: which kind of mistake an action is,
taken in a state, for training to tally and explain (`CourtProfile.mistakes` words
each kind). An action the state does not offer can be one too: a browser refresh where
the court's way is another."""

from __future__ import annotations

from ecf_tui.court.profile import CourtProfile, MistakeKind
from ecf_tui.engine.accounts import own_accounts
from ecf_tui.engine.pages import awaits_refresh, is_chrome, menu_refreshes
from ecf_tui.engine.state import Action, State
from ecf_tui.engine.transitions import actions, resolve

BROWSER_REFRESHES = frozenset({"refresh", "clear-cache"})


def mistake(profile: CourtProfile, state: State, action: Action) -> MistakeKind | None:
    """The kind of mistake `action` is in `state`; None for one that is not a mistake."""
    action = resolve(profile, state, action)
    if action.id not in {a.id for a in actions(profile, state)}:
        # Refused: only a refresh the court's users do not use counts (the App tells them).
        return "wrong-refresh" if awaits_refresh(state) and action.name in BROWSER_REFRESHES \
            else None
    if is_chrome(profile, state.step, action):
        return _chrome_mistake(profile, state, action)
    kind = profile.steps[state.step].kind
    who, _, ident = action.target.partition(":")
    if kind == "login" and action.name == "login":
        return _login_mistake(profile, who, ident)
    if kind == "dialog" and action.name == "select":
        return "dialog-selection"
    if kind == "redaction" and action.name == "cancel":
        return "redaction-cancelled"
    if kind == "link-form" and action.name == "submit":
        return _link_form_mistake(profile, state, who, ident)
    if kind == "confirm" and action.name == "submit":
        assert state.pacer is not None and state.cmecf is not None
        pacer = profile.accounts.pacer[state.pacer]
        if profile.accounts.cmecf[state.cmecf].person != pacer.person:
            return "names-differ"
    return None


def _chrome_mistake(profile: CourtProfile, state: State, action: Action) -> MistakeKind | None:
    """Going on from a CM/ECF page after linking without refreshing the court's way (Log
    Out is a way on everywhere: where logging in again refreshes, it is the way)."""
    if not awaits_refresh(state) or action.target == profile.menu_bar.logout.text:
        return None
    if action.name == "menu" and not menu_refreshes(profile, action.target):
        return "wrong-refresh"
    return None


def _login_mistake(profile: CourtProfile, who: str, ident: str) -> MistakeKind | None:
    if who == "cmecf":
        return "cmecf-on-pacer-login"
    if who != "pacer":
        return "wrong-password"
    account = profile.accounts.pacer[ident]
    if account.kind == "firm":
        return "firm-pacer"
    if not account.upgraded:
        return "not-upgraded-pacer"
    return None


def _link_form_mistake(profile: CourtProfile, state: State, who: str, ident: str
                       ) -> MistakeKind | None:
    if who != "cmecf":
        return "wrong-password"
    account = profile.accounts.cmecf[ident]
    if account.linked or (state.linked is not None and state.linked[1] == ident):
        return "linked-twice"
    if account.person != own_accounts(profile)[1].person:
        return "not-yours"
    return None
