"""Keys that reach the App while a page is still arriving (composed, not yet focused)
wait for it and then go where they would have gone on the settled page: a password
manager's burst typed as the login page comes up must not put the password in clear in
the login field, nor be lost. The driver posts a burst's keys to the App's queue one
after another without waiting; so does this test."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input

from ecf_tui.app import EcfApp, make_app

SENTINEL = "Xq7-arrival-Sentinel"
FOLLOW = "follow:Southern District of Mississippi – Document Filing System"
"""MSSB's ECF login page: its link to the PACER login."""


def _burst(app: EcfApp, text: str) -> None:
    """Every key of `text` posted to the App at once, as the terminal driver does."""
    names = {"\t": "tab", "\r": "enter"}
    for char in text:
        key = names.get(char, char)
        app.post_message(events.Key(key, None if char in names else char))


def _on_screen(app: EcfApp) -> list[str]:
    return [f.value for f in app.screen.query(Input) if not f.password]


async def _settle(pilot) -> None:
    for _ in range(4):
        await pilot.pause()


def _burst_as_the_pacer_login_comes_up(app: EcfApp, text: str) -> None:
    """On MSSB's ECF login page: the App takes its link to the PACER login (pushing that
    page) and the burst is posted at once, before the page has arrived."""
    follow = app._offered(FOLLOW)
    assert follow is not None
    app.dispatch(follow)
    _burst(app, text)


async def test_a_burst_as_a_new_page_comes_up(reg) -> None:
    """The PACER login page is pushed (the App has just taken the ECF login page's
    choice) and the burst arrives at once: the keys wait for its first field, and the
    login goes through."""
    app = make_app(reg, "MSSB/happy/ecf-login")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _burst_as_the_pacer_login_comes_up(app, "mssbfiler\tpacer-practice-1\r")
        await _settle(pilot)
        assert app.state is not None and app.state.pacer is not None, app.state


async def test_a_burst_as_the_same_page_comes_back(reg) -> None:
    """A wrong login and a second burst at once: the page is composed again with the
    simulator's notice, and the second burst fills its fields, not the old ones."""
    app = make_app(reg, "MSSB/happy/pacer-login")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _burst(app, "nobody\twrong\r" + "mssbfiler\tpacer-practice-1\r")
        await _settle(pilot)
        assert app.state is not None and app.state.pacer is not None, app.state


async def test_a_wrong_password_typed_as_the_page_comes_up_never_shows(reg) -> None:
    app = make_app(reg, "MSSB/happy/pacer-login")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _burst(app, "nobody\twrong\r" + f"mssbfiler\t{SENTINEL}\r")
        await _settle(pilot)
        assert app.state is not None and app.state.notice == "invalid-login"
        assert SENTINEL not in " ".join(_on_screen(app))
        assert SENTINEL not in app.export_screenshot()


async def test_a_password_typed_as_a_new_page_comes_up_never_shows(reg) -> None:
    app = make_app(reg, "MSSB/happy/ecf-login")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _burst_as_the_pacer_login_comes_up(app, f"mssbfiler\t{SENTINEL}")
        await _settle(pilot)
        assert _on_screen(app) == ["mssbfiler"]  # every key, none in the wrong field
        assert SENTINEL not in app.export_screenshot()


async def test_keys_held_for_a_page_that_never_arrives_go_on_after_a_moment(reg) -> None:
    """The gate's safety net: were a page never to say it arrived, the simulator would
    not stay deaf."""
    app = make_app(reg, "MSSB/happy/pacer-login")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.hold_limit = 0.5  # rather than the 10 s a real App waits
        app.expect(app.screen.query_one(Input))  # never posts Arrived
        await pilot.press(*"mssbfiler")
        assert _on_screen(app) == [""]
        await pilot.pause(app.hold_limit + 0.2)
        assert _on_screen(app) == ["mssbfiler"] and app.released_late == 1


@pytest.mark.parametrize("where", ["#page", "GuidePanel"])
async def test_a_click_on_the_background_leaves_focus_in_the_field(reg, where) -> None:
    """A click on the page's or the panel's background (to read, to select a practice
    account's name) leaves focus in the login field: a password manager's auto-type
    after it fills the login and the password, never the password into the login field
    in clear (Textual focuses a scroll area on a click, and its Tab went from there to
    the login field)."""
    app = make_app(reg, "MSSB/happy/pacer-login")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        login = app.screen.query_one("#username", Input)
        assert app.focused is login
        area = app.screen.query_one(where).region
        # The area's own last row and first column: its padding or border, no child there.
        await pilot.click(offset=(area.x, area.bottom - 1))
        assert app.focused is login
        await pilot.press(*"mssbfiler", "tab", *SENTINEL)
        assert _on_screen(app) == ["mssbfiler"]
        assert app.screen.query_one("#password", Input).value == SENTINEL


async def test_quit_never_waits_for_a_page(reg) -> None:
    app = make_app(reg, "MSSB/happy/pacer-login")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.expect(app.screen.query_one(Input))  # never posts Arrived
        await pilot.press("ctrl+q")
        assert app.return_code == 0
