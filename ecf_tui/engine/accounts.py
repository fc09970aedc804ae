"""Provides reading typed credentials: which simulated account they belong to, and the
trainee's own accounts. What is typed is compared here and goes no further."""

from __future__ import annotations

from ecf_tui.court.profile import CmecfAccount, CourtProfile, PacerAccount
from ecf_tui.engine.state import INVALID, Action


def own_account_ids(profile: CourtProfile) -> tuple[str, str]:
    """The ids of the trainee's own PACER and CM/ECF accounts (flow checks ensure both)."""
    own = profile.accounts.own
    assert own is not None, "flow checks ensure the trainee's own accounts"
    return own


def own_accounts(profile: CourtProfile) -> tuple[PacerAccount, CmecfAccount]:
    pacer, cmecf = own_account_ids(profile)
    return profile.accounts.pacer[pacer], profile.accounts.cmecf[cmecf]


def match_login(profile: CourtProfile, username: str, password: str) -> str:
    """Which account typed PACER-login credentials belong to: `pacer:<id>`, `cmecf:<id>`
    or `invalid`."""
    for pid, acct in profile.accounts.pacer.items():
        if username == acct.username.text and password == acct.password:
            return f"pacer:{pid}"
    return match_cmecf(profile, username, password)


def match_cmecf(profile: CourtProfile, login: str, password: str) -> str:
    """Which CM/ECF account credentials belong to: `cmecf:<id>` or `invalid`."""
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
