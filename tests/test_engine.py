"""The flow engine: every branch the guides document, court by court."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecf_tui import engine
from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine import Action, ActionNotAllowed, State
from ecf_tui.flows import graph

from .conftest import COURTS


def do(profile: CourtProfile, state: State, action_id: str) -> State:
    """Take the offered action with this id (as a screen would)."""
    offered = {a.id: a for a in engine.actions(profile, state)}
    assert action_id in offered, f"{action_id} not in {sorted(offered)} at {state.step}"
    return engine.step(profile, state, offered[action_id])


def go(profile: CourtProfile, state: State, *action_ids: str) -> State:
    for action_id in action_ids:
        state = do(profile, state, action_id)
    return state


def follow(profile: CourtProfile, state: State, until: str) -> State:
    """Take the guide's advice until the step `until` is reached."""
    for _ in range(60):
        if state.step == until:
            return state
        action = engine.advice(profile, state)
        assert action is not None, f"stopped at {state.step} before {until}"
        state = engine.step(profile, state, action)
    raise AssertionError(f"never reached {until}")


def at_login(profile: CourtProfile) -> State:
    return follow(profile, engine.start(profile), "pacer-login")


def at_link_form(profile: CourtProfile) -> State:
    return follow(profile, engine.start(profile), "link-form")


def typed_login(profile: CourtProfile, state: State, kind: str, account: str) -> State:
    """Type an account's credentials into the PACER login, as a person would."""
    if kind == "pacer":
        acct = profile.accounts.pacer[account]
        return engine.step(profile, state, engine.login(acct.username.text, acct.password))
    cacct = profile.accounts.cmecf[account]
    return engine.step(profile, state, engine.login(cacct.login.text, cacct.password))


def typed_link(profile: CourtProfile, state: State, account: str, password: str | None = None
               ) -> State:
    acct = profile.accounts.cmecf[account]
    return engine.step(profile, state, engine.submit_link(acct.login.text,
                                                          password or acct.password))


@pytest.mark.parametrize("court", COURTS)
def test_happy_path_reaches_the_full_menus(profiles, court: str) -> None:
    profile = profiles[court]
    end = follow(profile, engine.start(profile), "refreshed")
    assert engine.is_end(profile, end) and engine.outcome(profile, end) == "pass"
    assert end.full_menus and end.linked == ("individual", "filer")
    full = [t.text for t in profile.menu_bar.full]
    assert "Bankruptcy" in full and "Adversary" in full
    assert engine.actions(profile, end) == []


def test_way_in_follows_the_guides_links(profiles) -> None:
    mssb = profiles["MSSB"]
    state = go(mssb, engine.start(mssb), "begin", "follow:Electronic Case Filing",
               "follow:ECF Login",
               "follow:Southern District of Mississippi – Document Filing System")
    assert state.step == "pacer-login"
    moeb = profiles["MOEB"]
    state = go(moeb, engine.start(moeb), "begin", "follow:E‐Filing (CM/ECF)",
               "follow:Eastern District of Missouri Filing System")
    assert state.step == "pacer-login"
    for court in ("CASB", "ALNB", "CANB"):
        p = profiles[court]
        assert go(p, engine.start(p), "begin", "follow:Document Filing System").step == \
            "pacer-login"


def test_mssb_cmecf_credentials_on_pacer_login_open_the_dialog_closed_with_x(profiles) -> None:
    mssb = profiles["MSSB"]
    state = typed_login(mssb, at_login(mssb), "cmecf", "filer")
    assert state.step == "cmecf-dialog" and state.pacer is None
    assert engine.short_code(mssb, state) == "MSSB/cmecf-on-pacer-login/cmecf-dialog"
    assert [a.id for a in engine.actions(mssb, state)][0] == "close"
    state = do(mssb, state, "close")
    assert state.step == "pacer-login"
    assert typed_login(mssb, state, "pacer", "individual").step == "redaction"


@pytest.mark.parametrize("court", ["CASB", "ALNB", "CANB", "MOEB"])
def test_cmecf_credentials_elsewhere_fail_like_a_wrong_login(profiles, court: str) -> None:
    profile = profiles[court]
    state = typed_login(profile, at_login(profile), "cmecf", "filer")
    assert state.step == "pacer-login" and state.notice == "cmecf-on-pacer-login"
    assert engine.short_code(profile, state) == f"{court}/cmecf-on-pacer-login/pacer-login"


def test_mssb_inactive_pacer_user_continues(profiles) -> None:
    mssb = profiles["MSSB"]
    state = typed_login(mssb, at_login(mssb), "pacer", "inactive")
    assert state.step == "inactive-dialog" and state.pacer == "inactive"
    assert [a.id for a in engine.actions(mssb, state)] == ["continue:Continue"]
    state = do(mssb, state, "continue:Continue")
    assert state.step == "redaction"
    end = follow(mssb, state, "refreshed")
    assert engine.outcome(mssb, end) == "pass"


@pytest.mark.parametrize("court", COURTS)
def test_wrong_pacer_password_stays_on_login_with_a_notice(profiles, court: str) -> None:
    profile = profiles[court]
    acct = profile.accounts.pacer["individual"]
    state = engine.step(profile, at_login(profile), engine.login(acct.username.text, "nope"))
    assert state.step == "pacer-login" and state.notice == "invalid-login"
    assert state.pacer is None


def test_alnb_clear_on_login_clears_the_notice(profiles) -> None:
    alnb = profiles["ALNB"]
    state = engine.step(alnb, at_login(alnb), engine.login("who", "what"))
    assert do(alnb, state, "clear").notice is None
    casb = profiles["CASB"]
    assert "clear" not in {a.id for a in engine.actions(casb, at_login(casb))}


@pytest.mark.parametrize("court", ["MSSB", "MOEB"])
def test_redaction_continue_needs_the_box_and_cancel_logs_out(profiles, court: str) -> None:
    profile = profiles[court]
    state = typed_login(profile, at_login(profile), "pacer", "individual")
    assert state.step == "redaction"
    assert "continue" not in {a.id for a in engine.actions(profile, state)}
    with pytest.raises(ActionNotAllowed, match="Can't continue when in redaction"):
        engine.step(profile, state, Action("continue"))
    checked = do(profile, state, "check")
    assert checked.checked and do(profile, checked, "check").checked is False
    assert do(profile, checked, "continue").step == "main"
    cancelled = do(profile, state, "cancel")
    assert cancelled.step == "pacer-login" and cancelled.pacer is None
    assert cancelled.notice == "redaction-cancelled"


@pytest.mark.parametrize("court", ["CASB", "ALNB", "CANB"])
def test_no_redaction_where_the_guide_has_none(profiles, court: str) -> None:
    profile = profiles[court]
    assert typed_login(profile, at_login(profile), "pacer", "individual").step == "main"


def test_moeb_redaction_shows_at_every_login(profiles) -> None:
    moeb = profiles["MOEB"]
    state = follow(moeb, engine.start(moeb), "success")
    state = do(moeb, state, "menu:Log Out")
    assert state.step == "pacer-login" and state.linked is not None
    state = typed_login(moeb, state, "pacer", "individual")
    assert state.step == "redaction"


@pytest.mark.parametrize("court", COURTS)
def test_not_upgraded_pacer_gets_the_upgrade_message(profiles, court: str) -> None:
    profile = profiles[court]
    state = typed_login(profile, at_login(profile), "pacer", "not-upgraded")
    state = follow(profile, state, "link-form")
    state = typed_link(profile, state, "filer")
    assert state.step == "must-upgrade" and engine.outcome(profile, state) == "stop"
    assert engine.short_code(profile, state) == f"{court}/not-upgraded-pacer/must-upgrade"


@pytest.mark.parametrize("court", COURTS)
def test_firm_pacer_account_shows_the_firms_name_and_the_right_move_is_not_to_submit(
    profiles, court: str
) -> None:
    profile = profiles[court]
    state = typed_login(profile, at_login(profile), "pacer", "firm")
    state = typed_link(profile, follow(profile, state, "link-form"), "filer")
    assert state.step == "confirm"
    assert engine.short_code(profile, state) == f"{court}/firm-pacer/confirm"
    assert profile.accounts.pacer[state.pacer].name.text == "Doe & Roe LLP"
    advice = engine.advice(profile, state)
    assert advice is not None and advice.id != "submit"
    linked = follow(profile, do(profile, state, "submit"), "refreshed")
    assert engine.outcome(profile, linked) == "fail"


@pytest.mark.parametrize("court", COURTS)
def test_names_that_do_not_match_go_back(profiles, court: str) -> None:
    profile = profiles[court]
    state = typed_link(profile, at_link_form(profile), "colleague")
    assert engine.short_code(profile, state) == f"{court}/names-differ/confirm"
    assert engine.advice(profile, state) == Action("back")
    back = do(profile, state, "back")
    assert back.step == "link-form" and back.cmecf is None


@pytest.mark.parametrize(("court", "contact"), [
    ("MSSB", "MSSB_IT@mssb.uscourts.gov"),
    ("ALNB", "ecfrain@alnb.uscourts.gov"),
])
def test_forgot_login_password_shows_the_courts_contact(profiles, court: str, contact: str
                                                        ) -> None:
    profile = profiles[court]
    state = do(profile, at_link_form(profile), "link:Forgot login/password")
    assert state.step == "cmecf-help"
    assert any(contact in t.text for t in profile.steps["cmecf-help"].body)
    assert do(profile, state, "back").step == "link-form"


def test_mssb_forgot_pacer_password_shows_the_service_center(profiles) -> None:
    mssb = profiles["MSSB"]
    state = do(mssb, at_login(mssb), "link:Forgot password?")
    assert "800-676-6856" in mssb.steps[state.step].body[0].text


@pytest.mark.parametrize("court", COURTS)
def test_wrong_cmecf_password_then_clear(profiles, court: str) -> None:
    profile = profiles[court]
    state = typed_link(profile, at_link_form(profile), "filer", password="wrong")
    assert state.step == "link-form" and state.notice == "wrong-cmecf-login"
    cleared = do(profile, state, "clear")
    assert cleared.notice is None and cleared.step == "link-form"


@pytest.mark.parametrize("court", COURTS)
def test_already_linked_cmecf_account(profiles, court: str) -> None:
    profile = profiles[court]
    state = typed_link(profile, at_link_form(profile), "linked")
    assert state.notice == "cmecf-already-linked" and state.step == "link-form"


@pytest.mark.parametrize("court", COURTS)
def test_cmecf_for_pacer_only_needs_no_action(profiles, court: str) -> None:
    profile = profiles[court]
    state = do(profile, at_link_form(profile), "pacer-only")
    assert state.step == "pacer-only" and engine.is_end(profile, state)
    assert "no action is necessary" in profile.steps["pacer-only"].body[0].text


def _success(profile: CourtProfile) -> State:
    state = follow(profile, engine.start(profile), "success")
    assert not state.full_menus and state.linked is not None
    return state


def _refreshes(profile: CourtProfile, state: State, action_id: str) -> bool:
    return do(profile, state, action_id).step == "refreshed"


def test_mssb_refreshes_by_query_or_reports_only(profiles) -> None:
    mssb = profiles["MSSB"]
    state = _success(mssb)
    assert _refreshes(mssb, state, "menu:Query") and _refreshes(mssb, state, "menu:Reports")
    offered = {a.id for a in engine.actions(mssb, state)}
    assert "refresh" not in offered and "menu:Help" not in offered
    utilities = do(mssb, state, "menu:Utilities")
    assert utilities.step == "utilities"
    assert engine.short_code(mssb, utilities) == "MSSB/menus-not-refreshed/utilities"


def test_casb_refreshes_by_browser_or_by_logging_out_and_in(profiles) -> None:
    casb = profiles["CASB"]
    state = _success(casb)
    assert _refreshes(casb, state, "refresh")
    again = typed_login(casb, do(casb, state, "menu:Log Out"), "pacer", "individual")
    assert again.step == "refreshed"


def test_alnb_log_out_needs_the_cache_cleared(profiles) -> None:
    alnb = profiles["ALNB"]
    state = _success(alnb)
    assert _refreshes(alnb, state, "refresh")
    out = do(alnb, state, "menu:Logout")
    not_cleared = typed_login(alnb, out, "pacer", "individual")
    assert not_cleared.step == "main"
    assert engine.short_code(alnb, not_cleared) == "ALNB/menus-not-refreshed/main"
    cleared = do(alnb, out, "clear-cache")
    assert typed_login(alnb, cleared, "pacer", "individual").step == "refreshed"


def test_canb_refreshes_by_browser_or_clearing_the_cache(profiles) -> None:
    canb = profiles["CANB"]
    state = _success(canb)
    assert _refreshes(canb, state, "refresh") and _refreshes(canb, state, "clear-cache")
    keys = [t.text for t in canb.refresh.clear_cache_keys]
    # The guide's heading first, so the keys do not read as the way to refresh.
    assert keys[0] == "Clearing Browser Cache:" and keys[1].endswith("Control + Shift + Delete")


def test_moeb_refreshes_by_any_menu_item_and_sends_an_email(profiles) -> None:
    moeb = profiles["MOEB"]
    state = _success(moeb)
    for item in ("Query", "Reports", "Utilities", "Help"):
        assert _refreshes(moeb, state, f"menu:{item}")
    assert do(moeb, state, "menu:Log Out").step == "pacer-login"
    email = do(moeb, state, "email")
    assert email.step == "email"
    fields = {f.label.text: f.value.text for f in moeb.steps["email"].fields}
    assert fields["Transaction Status"] == "Processed"
    assert do(moeb, email, "back").step == "success"


def test_an_action_not_offered_is_refused(profiles) -> None:
    mssb = profiles["MSSB"]
    with pytest.raises(ActionNotAllowed, match="Can't submit when in before-you-begin"):
        engine.step(mssb, engine.start(mssb), Action("submit"))


def test_typed_password_never_reaches_a_state_or_a_repr(profiles) -> None:
    casb = profiles["CASB"]
    action = engine.login("bcasbtest", "pacer-practice-1")
    assert "pacer-practice-1" not in repr(action)
    state = engine.step(casb, at_login(casb), action)
    assert state.pacer == "individual"
    assert "pacer-practice-1" not in repr(state)


def _vocabulary(profile: CourtProfile) -> set[str]:
    """Every string a state may hold: all of it comes from the profile, none from typing."""
    return {profile.code, *profile.steps, *profile.accounts.pacer, *profile.accounts.cmecf,
            *profile.notices}


@settings(max_examples=60, deadline=None)
@given(username=st.text(max_size=20), password=st.text(min_size=1, max_size=20))
def test_whatever_is_typed_is_kept_out_of_the_state(profiles, username: str, password: str
                                                     ) -> None:
    for court in ("MSSB", "ALNB"):
        profile = profiles[court]
        words = _vocabulary(profile)
        for state in (at_login(profile), at_link_form(profile)):
            typed = (engine.login if state.step == "pacer-login" else engine.submit_link)(
                username, password)
            after = engine.step(profile, state, typed)
            for value in dataclasses.asdict(after).values():
                if isinstance(value, str):
                    assert value in words
                elif isinstance(value, tuple | list):
                    assert set(value) <= words
                else:
                    assert value is None or isinstance(value, bool)
            assert repr(typed) == repr(dataclasses.replace(typed, password=""))


@pytest.mark.parametrize("court", COURTS)
def test_a_dialog_opens_over_a_login_state_the_engine_produced(profiles, court: str) -> None:
    """The page under a dialog is the login state one of whose actions opened it, a
    state of the court's graph, not one made up for the picture."""
    from ecf_tui.flows import graph

    profile = profiles[court]
    flow = graph.build(profile)
    dialogs = [s for s in flow.states if profile.steps[s.step].kind == "dialog"]
    assert bool(dialogs) == (court == "MSSB")
    for state in dialogs:
        under = engine.opened_from(profile, state)
        assert under in flow.states and profile.steps[under.step].kind == "login"
        opened = dataclasses.replace(state, notice=None)  # before a selection made in it
        assert any(e.target == opened for e in flow.out(under))


def test_mssb_dialog_selection_is_a_mistake_the_simulator_explains(profiles) -> None:
    """The guide: "Do not make a selection." Making one leaves the dialog open with the
    simulator's explanation; the x is still the way on."""
    mssb = profiles["MSSB"]
    state = typed_login(mssb, at_login(mssb), "cmecf", "filer")
    offered = [a.id for a in engine.actions(mssb, state)]
    assert offered == ["close", "select:Select a CM/ECF account", "select:Select a PACER account"]
    wrong = do(mssb, state, "select:Select a PACER account")
    assert wrong.step == "cmecf-dialog" and wrong.notice == "dialog-selection"
    assert engine.short_code(mssb, wrong) == "MSSB/dialog-selection/cmecf-dialog"
    assert mssb.notices["dialog-selection"].source == "simulator"
    assert engine.advice(mssb, wrong) == Action("close")
    assert do(mssb, wrong, "close").step == "pacer-login"


@pytest.mark.parametrize("court", COURTS)
def test_a_stop_page_has_a_way_on(profiles, court: str) -> None:
    """must-upgrade says to upgrade, then log in and link: its menu bar has Log Out; the
    guide's way still ends there."""
    profile = profiles[court]
    state = typed_login(profile, at_login(profile), "pacer", "not-upgraded")
    state = typed_link(profile, follow(profile, state, "link-form"), "filer")
    assert state.step == "must-upgrade" and engine.is_end(profile, state)
    assert engine.advice(profile, state) is None
    logout = f"menu:{profile.menu_bar.logout.text}"
    assert do(profile, state, logout).step == "pacer-login"


def test_mistakes_the_guides_path_makes_none_and_the_branches_make_each_kind(profiles) -> None:
    """The guide's path makes no mistake; over MSSB's paths every kind is made (it has
    the dialog and the redaction notice); a path named for a mistake's situation makes
    a mistake ("names-differ" types a colleague's login, then goes back as it should)."""
    from ecf_tui.court.profile import MISTAKE_KINDS

    for code, profile in profiles.items():
        made: set[str] = set()
        for path in graph.paths(graph.build(profile)):
            kinds = [engine.mistake(profile, e.source, e.action) for e in path.edges]
            if path.id == "happy":
                assert kinds == [None] * len(kinds), code
            if path.id in MISTAKE_KINDS:  # named for a situation its mistakes lead to
                assert any(kinds), (code, path.id)
            made |= {k for k in kinds if k}
        if code == "MSSB":
            assert made == set(MISTAKE_KINDS)


def test_a_refused_browser_refresh_is_a_mistake_only_while_the_menus_wait(profiles) -> None:
    from dataclasses import replace

    mssb = profiles["MSSB"]  # its menus refresh from Query or Reports, not the browser
    main = replace(engine.start(mssb), step="main", pacer="individual")
    assert engine.mistake(mssb, main, Action("refresh")) is None
    linked = replace(main, linked=("individual", "filer"))
    assert engine.mistake(mssb, linked, Action("refresh")) == "wrong-refresh"
    assert engine.mistake(mssb, linked, Action("menu", "Query")) is None
    assert engine.mistake(mssb, linked, Action("menu", "Utilities")) == "wrong-refresh"
