"""Provides the flow engine: a pure state machine over a court profile.

`step(profile, state, action)` returns the next state; `actions(profile, state)`
lists what the user can do. Nothing here imports Textual: screens render the
state and turn keys into actions, and never decide where the flow goes.

Typed credentials arrive inside an `Action`, are compared in memory against the
simulated accounts, and never reach a `State`: a state records which account
matched, never what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ecf_tui.profile import (
    CmecfAccount,
    ConfirmStep,
    CourtProfile,
    DialogStep,
    EmailStep,
    InfoStep,
    LinkFormStep,
    LoginStep,
    MainStep,
    PacerAccount,
    RedactionStep,
    SiteStep,
    Step,
    SuccessStep,
    UtilitiesStep,
)

CMECF_PAGES = frozenset({"main", "utilities", "link-form", "confirm", "success"})
END_KINDS = frozenset({"refreshed", "stop"})
# The situation of a walk with no mistake in it, and the id of the guide's own path.
HAPPY = "happy"
INVALID = "invalid"
WRONG_PASSWORD = "not-the-password"


class ActionNotAllowed(Exception):
    """Raised by `step` for an action the state does not offer."""

    def __init__(self, action: Action, state: State) -> None:
        super().__init__(f"Can't {action.id} when in {state.step}.")
        self.action = action
        self.state = state


@dataclass(frozen=True)
class State:
    """Where the user is. Frozen, hashable, and free of anything typed."""

    court: str
    step: str
    pacer: str | None = None
    """The PACER account logged in (an id from the profile's roster)."""
    cmecf: str | None = None
    """The CM/ECF account submitted on the link form, shown on the confirm page."""
    linked: tuple[str, str] | None = None
    """(PACER id, CM/ECF id) linked during this run; it outlives a log out."""
    full_menus: bool = False
    checked: bool = False
    """The redaction agreement's checkbox."""
    cache_cleared: bool = False
    notice: str | None = None
    """A message the engine shows on this step (a key of the profile's notices)."""


@dataclass(frozen=True)
class Action:
    """Something the user does. `password` never shows in a repr."""

    name: str
    target: str = ""
    """A link or menu label, or which account a login matched (`pacer:<id>`)."""
    username: str = field(default="", compare=False)
    password: str = field(default="", repr=False, compare=False)

    @property
    def id(self) -> str:
        return f"{self.name}:{self.target}" if self.target else self.name


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


# -- reading credentials ---------------------------------------------------


def own_accounts(profile: CourtProfile) -> tuple[PacerAccount, CmecfAccount]:
    """The trainee's own accounts: the first individual upgraded active PACER account,
    and the first unlinked CM/ECF account of the same person (flow checks ensure both)."""
    pacer = next(
        a for a in profile.accounts.pacer.values()
        if a.kind == "individual" and a.upgraded and not a.inactive
    )
    cmecf = next(
        a for a in profile.accounts.cmecf.values() if not a.linked and a.person == pacer.person
    )
    return pacer, cmecf


def match_login(profile: CourtProfile, username: str, password: str) -> str:
    """Which account typed PACER-login credentials belong to: `pacer:<id>`, `cmecf:<id>`
    or `invalid`."""
    for pid, acct in profile.accounts.pacer.items():
        if username == acct.username.text and password == acct.password:
            return f"pacer:{pid}"
    for cid, cacct in profile.accounts.cmecf.items():
        if username == cacct.login.text and password == cacct.password:
            return f"cmecf:{cid}"
    return INVALID


def match_cmecf(profile: CourtProfile, login: str, password: str) -> str:
    """Which CM/ECF account link-form credentials belong to: `cmecf:<id>` or `invalid`."""
    for cid, acct in profile.accounts.cmecf.items():
        if login == acct.login.text and password == acct.password:
            return f"cmecf:{cid}"
    return INVALID


def login(username: str, password: str) -> Action:
    """The PACER login as typed; the engine works out whose credentials they are."""
    return Action("login", username=username, password=password)


def submit_link(login_: str, password: str) -> Action:
    """The link form's Submit as typed."""
    return Action("submit", username=login_, password=password)


# -- what the user can do --------------------------------------------------


def actions(profile: CourtProfile, state: State) -> list[Action]:
    """The actions the state offers, each with the roster's credentials filled in."""
    current = profile.steps[state.step]
    if current.kind in END_KINDS:
        return []
    found: list[Action] = []
    match current:
        case SiteStep():
            found += [Action("follow", ln.label.text) for ln in current.links if ln.to]
        case LoginStep():
            found += _login_actions(profile, current, state)
        case DialogStep():
            if current.closable:
                found.append(Action("close"))
            for button in current.buttons:
                found.append(Action(button.does, button.label.text))
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
            for cid in _own_first(profile.accounts.cmecf, own_account_ids(profile)[1]):
                acct = profile.accounts.cmecf[cid]
                found.append(Action("submit", f"cmecf:{cid}", acct.login.text, acct.password))
            own_login = own_accounts(profile)[1].login.text
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
    if current.kind in CMECF_PAGES:
        found += _chrome_actions(profile, state)
    return found


def _login_actions(profile: CourtProfile, page: LoginStep, state: State) -> list[Action]:
    found = [
        Action("login", f"pacer:{pid}", acct.username.text, acct.password)
        for pid in _own_first(profile.accounts.pacer, own_account_ids(profile)[0])
        for acct in [profile.accounts.pacer[pid]]
    ]
    pacer, cmecf = own_accounts(profile)
    cid = own_account_ids(profile)[1]
    found.append(Action("login", f"cmecf:{cid}", cmecf.login.text, cmecf.password))
    found.append(Action("login", INVALID, pacer.username.text, WRONG_PASSWORD))
    if page.clear_button is not None:
        found.append(Action("clear"))
    found += [Action("link", ln.label.text) for ln in page.links if ln.to]
    if _relogin_clears(profile) and state.linked and not state.cache_cleared:
        found.append(Action("clear-cache"))
    return found


def _own_first(accounts: dict[str, object], own: str) -> list[str]:
    """Account ids with the trainee's own first, so shortest paths use it."""
    return [own, *(k for k in accounts if k != own)]


def _chrome_actions(profile: CourtProfile, state: State) -> list[Action]:
    """The menu bar's and the browser's actions on every CM/ECF page."""
    bar = profile.menu_bar
    found: list[Action] = []
    waiting = _awaits_refresh(state)
    for item in bar.limited:
        label = item.text
        if label == bar.logout.text:
            found.append(Action("menu", label))
        elif waiting and _menu_refreshes(profile, label) or label == bar.utilities.text:
            found.append(Action("menu", label))
    if waiting:
        ways = profile.refresh.ways
        if "browser-refresh" in ways:
            found.append(Action("refresh"))
        if "clear-cache" in ways:
            found.append(Action("clear-cache"))
    return found


def _awaits_refresh(state: State) -> bool:
    return state.linked is not None and state.pacer == state.linked[0] and not state.full_menus


def _menu_refreshes(profile: CourtProfile, label: str) -> bool:
    items = profile.refresh.menu_items
    return label in items or ("*" in items and label != profile.menu_bar.logout.text)


def _relogin_clears(profile: CourtProfile) -> bool:
    return "relogin-after-clear-cache" in profile.refresh.ways


# -- what an action does ---------------------------------------------------


def step(profile: CourtProfile, state: State, action: Action) -> State:
    """The state after `action`; raises ActionNotAllowed for one the state does not offer."""
    action = _resolve(profile, state, action)
    if action.id not in {a.id for a in actions(profile, state)}:
        raise ActionNotAllowed(action, state)
    current = profile.steps[state.step]
    if action.name in ("menu", "refresh") or (
        action.name == "clear-cache" and current.kind in CMECF_PAGES
    ):
        return _chrome(profile, state, action)
    match current:
        case SiteStep():
            to = next(ln.to for ln in current.links if ln.label.text == action.target)
            return _goto(profile, state, to)
        case LoginStep():
            return _on_login(profile, current, state, action)
        case DialogStep():
            if action.name == "close":
                return _goto(profile, state, current.close_to, pacer=None)
            return _goto(profile, state, current.next)
        case RedactionStep():
            if action.name == "check":
                return replace(state, checked=not state.checked)
            if action.name == "continue":
                return _goto(profile, state, current.next)
            return _logged_out(profile, state, current.cancel_to, notice="redaction-cancelled")
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


def _resolve(profile: CourtProfile, state: State, action: Action) -> Action:
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
        return replace(moved, step=profile.steps_of("refreshed")[0])
    return moved


def _logged_out(profile: CourtProfile, state: State, to: str, notice: str | None) -> State:
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


def _on_link_form(profile: CourtProfile, page: LinkFormStep, state: State, action: Action) -> State:
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
        return _logged_out(profile, state, profile.steps_of("login")[0], notice=None)
    refreshes = action.name != "menu" or _menu_refreshes(profile, action.target)
    if _awaits_refresh(state) and refreshes:
        refreshed = profile.steps_of("refreshed")[0]
        return replace(state, step=refreshed, full_menus=True, notice=None)
    return _goto(profile, state, profile.steps_of("utilities")[0])


# -- the guide's way --------------------------------------------------------


def advice(profile: CourtProfile, state: State) -> Action | None:
    """What the court's guide tells the user to do here, with the user's own accounts;
    None at an end. Following it from any state leads to the best end still open."""
    offered = {a.id: a for a in actions(profile, state)}
    if not offered:
        return None
    current = profile.steps[state.step]
    pacer_id, cmecf_id = own_account_ids(profile)
    logout = f"menu:{profile.menu_bar.logout.text}"
    if current.kind in CMECF_PAGES and _awaits_refresh(state):
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
    # Site pages, Utilities pages, info pages, the e-mail: the first way on.
    ways_on = [a for a in offered.values() if a.name in ("follow", "link", "back")]
    return ways_on[0] if ways_on else offered.get(logout)


def _refresh_move(profile: CourtProfile, offered: dict[str, Action]) -> str:
    bar = profile.menu_bar
    for item in bar.limited:
        if item.text != bar.logout.text and _menu_refreshes(profile, item.text):
            return f"menu:{item.text}"
    for name in ("refresh", "clear-cache"):
        if name in offered:
            return name
    return f"menu:{bar.logout.text}"


def own_account_ids(profile: CourtProfile) -> tuple[str, str]:
    pacer, cmecf = own_accounts(profile)
    pid = next(k for k, a in profile.accounts.pacer.items() if a is pacer)
    cid = next(k for k, a in profile.accounts.cmecf.items() if a is cmecf)
    return pid, cid


# -- reading a state -------------------------------------------------------


def situation(profile: CourtProfile, state: State) -> str:
    """What is going on, in a word or two: the middle of a state code."""
    current = profile.steps[state.step]
    if isinstance(current, DialogStep):
        return current.situation
    if state.notice:
        return state.notice
    # Once linked, the link decides the situation: a mistake made there cannot be undone.
    pacer_id, cmecf_id = state.linked or (state.pacer, state.cmecf)
    if pacer_id:
        pacer = profile.accounts.pacer[pacer_id]
        if pacer.kind == "firm":
            return "firm-pacer"
        if not pacer.upgraded:
            return "not-upgraded-pacer"
        if pacer.inactive:
            return "inactive-pacer"
        if cmecf_id and profile.accounts.cmecf[cmecf_id].person != pacer.person:
            return "names-differ"
    if state.linked and not state.full_menus:
        if current.kind in CMECF_PAGES - {"success"}:
            return "menus-not-refreshed"
        if current.kind in ("login", "redaction", "dialog"):
            return "relogin"
    if state.linked:
        return "linked"
    return HAPPY


def state_code(profile: CourtProfile, state: State) -> str:
    """The state's short, stable code: `COURT/situation/step`."""
    return f"{profile.code}/{situation(profile, state)}/{state.step}"


def stage_of(step_: Step) -> int:
    """Which of the procedure's eight stages a step belongs to."""
    return step_.stage or STAGE_OF_KIND[step_.kind]


STAGE_OF_KIND: dict[str, int] = {
    "site": 1,
    "login": 2,
    "dialog": 3,
    "redaction": 4,
    "main": 5,
    "utilities": 5,
    "link-form": 6,
    "info": 6,
    "confirm": 7,
    "stop": 7,
    "success": 8,
    "email": 8,
    "refreshed": 8,
}

STAGE_NAMES: dict[int, str] = {
    1: "Filing system link",
    2: "PACER login",
    3: "Dialogs",
    4: "Redaction agreement",
    5: "Utilities",
    6: "Link form",
    7: "Confirm",
    8: "Refreshed menus",
}
