"""Provides the state machine itself: `actions(profile, state)` lists what the user can
do, `step(profile, state, action)` returns the next state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ecf_tui.court.profile import (
    ConfirmStep,
    CourtProfile,
    DialogStep,
    EmailStep,
    FrontStep,
    InfoStep,
    LinkFormStep,
    LoginStep,
    NoticeKey,
    RedactionStep,
    SiteStep,
    SuccessStep,
    UtilitiesStep,
)
from ecf_tui.engine.accounts import match_cmecf, match_login, own_account_ids, own_accounts
from ecf_tui.engine.pages import (
    CMECF_PAGES,
    END_KINDS,
    awaits_refresh,
    is_chrome,
    menu_refreshes,
    relogin_clears,
)
from ecf_tui.engine.state import INVALID, WRONG_PASSWORD, Action, ActionNotAllowed, State


def start(profile: CourtProfile) -> State:
    return State(court=profile.code, step=profile.start)


def is_end(profile: CourtProfile, state: State) -> bool:
    return profile.steps[state.step].kind in END_KINDS


def outcome(profile: CourtProfile, state: State) -> str | None:
    """`pass`, `stop` or `fail` for an end state, None elsewhere."""
    current = profile.steps[state.step]
    if current.kind == "stop":
        return current.outcome
    if current.kind != "refreshed":
        return None
    if state.linked is None:
        return "fail"
    pacer = profile.accounts.pacer[state.linked[0]]
    cmecf = profile.accounts.cmecf[state.linked[1]]
    right = pacer.kind == "individual" and pacer.upgraded and pacer.person == cmecf.person
    return "pass" if right else "fail"


# -- what the user can do --------------------------------------------------


def actions(profile: CourtProfile, state: State) -> list[Action]:
    """The actions the state offers, each with the roster's credentials filled in."""
    current = profile.steps[state.step]
    if current.kind == "refreshed":
        return []
    found: list[Action] = []
    match current:
        case FrontStep():
            found.append(Action("begin"))
        case SiteStep():
            found += [Action("follow", ln.label.text) for ln in current.links if ln.to]
        case LoginStep():
            found += _login_actions(profile, current, state)
        case DialogStep():
            if current.closable:
                found.append(Action("close"))
            for button in current.buttons:
                found.append(Action(button.does, button.label.text))
            found += [Action("select", choice.text) for choice in current.selections]
        case RedactionStep():
            found.append(Action("check"))
            if state.checked:
                found.append(Action("continue"))
            found.append(Action("cancel"))
        case UtilitiesStep():
            found += [
                Action("link", item.label.text)
                for section in current.sections
                for item in section.items
                if item.to
            ]
        case LinkFormStep():
            own_cmecf = own_account_ids(profile)[1]
            for cid in _own_first(profile.accounts.cmecf, own_cmecf):
                acct = profile.accounts.cmecf[cid]
                found.append(Action("submit", f"cmecf:{cid}", acct.login.text, acct.password))
            own_login = profile.accounts.cmecf[own_cmecf].login.text
            found.append(Action("submit", INVALID, own_login, WRONG_PASSWORD))
            found.append(Action("clear"))
            found += [Action("link", ln.label.text) for ln in current.links if ln.to]
            found.append(Action("pacer-only"))
        case ConfirmStep():
            found += [Action("submit"), Action("back")]
        case SuccessStep():
            if current.email:
                found.append(Action("email"))
        case InfoStep() | EmailStep():
            found.append(Action("back"))
    # The menu bar is CM/ECF's, reached through the PACER login: a stop page before it
    # (a profile's side procedure that ends there) has none to offer.
    if current.kind in CMECF_PAGES and state.pacer is not None:
        found += _chrome_actions(profile, state)
    return found


def _login_actions(profile: CourtProfile, page: LoginStep, state: State) -> list[Action]:
    pacer_id, cmecf_id = own_account_ids(profile)
    pacer, cmecf = own_accounts(profile)
    found = [
        Action("login", f"pacer:{pid}", acct.username.text, acct.password)
        for pid in _own_first(profile.accounts.pacer, pacer_id)
        for acct in [profile.accounts.pacer[pid]]
    ]
    found.append(Action("login", f"cmecf:{cmecf_id}", cmecf.login.text, cmecf.password))
    found.append(Action("login", INVALID, pacer.username.text, WRONG_PASSWORD))
    if page.clear_button is not None:
        found.append(Action("clear"))
    found += [Action("link", ln.label.text) for ln in page.links if ln.to]
    if relogin_clears(profile) and state.linked and not state.cache_cleared:
        found.append(Action("clear-cache"))
    return found


def _own_first(accounts: Mapping[str, object], own: str) -> list[str]:
    """Account ids with the trainee's own first, so shortest paths use it."""
    return [own, *(k for k in accounts if k != own)]


def _chrome_actions(profile: CourtProfile, state: State) -> list[Action]:
    """The menu bar's and the browser's actions on every CM/ECF page."""
    bar = profile.menu_bar
    found: list[Action] = []
    waiting = awaits_refresh(state)
    for item in bar.limited:
        label = item.text
        if label == bar.logout.text:
            found.append(Action("menu", label))
        elif waiting and menu_refreshes(profile, label) or label == bar.utilities.text:
            found.append(Action("menu", label))
    if waiting:
        ways = profile.refresh.ways
        if "browser-refresh" in ways:
            found.append(Action("refresh"))
        if "clear-cache" in ways:
            found.append(Action("clear-cache"))
    return found


# -- what an action does ---------------------------------------------------


def step(profile: CourtProfile, state: State, action: Action) -> State:
    """The state after `action`; raises ActionNotAllowed for one the state does not offer."""
    action = resolve(profile, state, action)
    if action.id not in {a.id for a in actions(profile, state)}:
        raise ActionNotAllowed(action, state)
    current = profile.steps[state.step]
    if is_chrome(profile, state.step, action):
        return _chrome(profile, state, action)
    match current:
        case FrontStep():
            return _goto(profile, state, current.next)
        case SiteStep():
            to = next(ln.to for ln in current.links if ln.label.text == action.target)
            return _goto(profile, state, to)
        case LoginStep():
            return _on_login(profile, current, state, action)
        case DialogStep():
            if action.name == "close":
                return _goto(profile, state, current.close_to, pacer=None)
            if action.name == "select":  # the mistake the guide warns of
                return replace(state, notice="dialog-selection")
            return _goto(profile, state, current.next)
        case RedactionStep():
            if action.name == "check":
                return replace(state, checked=not state.checked)
            if action.name == "continue":
                return _goto(profile, state, current.next)
            return _logged_out(state, current.cancel_to, notice="redaction-cancelled")
        case UtilitiesStep():
            return _goto(profile, state, _link_target(current, action.target))
        case LinkFormStep():
            return _on_link_form(profile, current, state, action)
        case ConfirmStep():
            if action.name == "back":
                return _goto(profile, state, current.back_to, cmecf=None)
            assert state.pacer is not None and state.cmecf is not None
            return _goto(profile, state, current.next, linked=(state.pacer, state.cmecf))
        case SuccessStep():
            assert current.email is not None
            return _goto(profile, state, current.email)
        case InfoStep() | EmailStep():
            return _goto(profile, state, current.back_to)
    raise ActionNotAllowed(action, state)  # pragma: no cover - actions() guards every kind


def opened_from(profile: CourtProfile, state: State) -> State:
    """The login page a dialog state opened over, as the engine produced it: the login
    state from which one of its actions leads to `state` (the screen under a dialog
    shows it)."""
    for sid, page in profile.steps.items():
        if isinstance(page, LoginStep) and state.step in (page.on_cmecf_credentials,
                                                          page.on_inactive):
            # Nobody is logged in on the PACER login page, and the action that opened
            # the dialog took any notice away.
            origin = replace(state, step=sid, pacer=None, notice=None)
            opened = replace(state, notice=None)  # before any selection made in it
            if any(step(profile, origin, a) == opened for a in actions(profile, origin)):
                return origin
    raise ValueError(f"no login page of {profile.code} opens {state.step} as {state}")


def resolve(profile: CourtProfile, state: State, action: Action) -> Action:
    """Fill in which account typed credentials belong to (for actions typed on a screen)."""
    if action.target or action.name not in ("login", "submit"):
        return action
    kind = profile.steps[state.step].kind
    if action.name == "login" and kind == "login":
        target = match_login(profile, action.username, action.password)
    elif action.name == "submit" and kind == "link-form":
        target = match_cmecf(profile, action.username, action.password)
    else:
        return action
    return replace(action, target=target)


def _goto(profile: CourtProfile, state: State, to: str | None, **changes: object) -> State:
    assert to is not None, "flow checks guarantee every target"
    moved = replace(state, step=to, notice=None, **changes)  # type: ignore[arg-type]
    if profile.steps[to].kind == "main" and moved.full_menus:
        # The main page with the full menus is the refreshed step: the procedure is done.
        return replace(moved, step=profile.first_of["refreshed"])
    return moved


def _logged_out(state: State, to: str, notice: NoticeKey | None) -> State:
    return replace(
        state, step=to, pacer=None, cmecf=None, full_menus=False, checked=False, notice=notice
    )


def _link_target(page: UtilitiesStep | LinkFormStep | LoginStep, label: str) -> str | None:
    if isinstance(page, UtilitiesStep):
        links = [item for section in page.sections for item in section.items]
    else:
        links = list(page.links)
    return next(ln.to for ln in links if ln.label.text == label)


def _on_login(profile: CourtProfile, page: LoginStep, state: State, action: Action) -> State:
    if action.name == "clear":
        return replace(state, notice=None)
    if action.name == "clear-cache":
        return replace(state, cache_cleared=True)
    if action.name == "link":
        return _goto(profile, state, _link_target(page, action.target))
    who, _, ident = action.target.partition(":")
    if who == "pacer":
        acct = profile.accounts.pacer[ident]
        if acct.inactive and page.on_inactive:
            return _goto(profile, state, page.on_inactive, pacer=ident)
        full = _relogin_full(profile, state, ident)
        return _goto(profile, state, page.next, pacer=ident, full_menus=full)
    if who == "cmecf":
        if page.on_cmecf_credentials:
            return _goto(profile, state, page.on_cmecf_credentials)
        return replace(state, notice="cmecf-on-pacer-login")
    return replace(state, notice="invalid-login")


def _relogin_full(profile: CourtProfile, state: State, pacer: str) -> bool:
    if state.linked is None or state.linked[0] != pacer:
        return False
    ways = profile.refresh.ways
    return "relogin" in ways or ("relogin-after-clear-cache" in ways and state.cache_cleared)


def _on_link_form(profile: CourtProfile, page: LinkFormStep, state: State, action: Action
                  ) -> State:
    if action.name == "clear":
        return replace(state, notice=None)
    if action.name == "link":
        return _goto(profile, state, _link_target(page, action.target))
    if action.name == "pacer-only":
        return _goto(profile, state, page.pacer_only_to)
    who, _, ident = action.target.partition(":")
    if who != "cmecf":
        return replace(state, notice="wrong-cmecf-login")
    if profile.accounts.cmecf[ident].linked or (state.linked and state.linked[1] == ident):
        return replace(state, notice="cmecf-already-linked")
    assert state.pacer is not None
    if not profile.accounts.pacer[state.pacer].upgraded:
        return _goto(profile, state, page.upgrade_to)
    return _goto(profile, state, page.next, cmecf=ident)


def _chrome(profile: CourtProfile, state: State, action: Action) -> State:
    bar = profile.menu_bar
    if action.name == "menu" and action.target == bar.logout.text:
        return _logged_out(state, profile.first_of["login"], notice=None)
    refreshes = action.name != "menu" or menu_refreshes(profile, action.target)
    if awaits_refresh(state) and refreshes:
        return replace(state, step=profile.first_of["refreshed"], full_menus=True, notice=None)
    return _goto(profile, state, profile.first_of["utilities"])
