"""The App by keys, mouse and resizes where a person does them: the court picker and
bare `ecf-tui`, F8 (Log Out) and F5 where it is not the court's way, clicks, and a
resize across the wide/narrow breakpoint in the middle of a walk."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from ecf_tui import cli, engine
from ecf_tui.app import EcfApp, make_app
from ecf_tui.flows import graph
from ecf_tui.screens.front import FrontScreen
from ecf_tui.screens.login import LoginScreen
from ecf_tui.screens.main import MainScreen
from ecf_tui.screens.picker import PickerScreen
from ecf_tui.screens.site import SiteScreen
from ecf_tui.screens.utilities import UtilitiesScreen
from ecf_tui.widgets import GuidePanel

SIZE = (100, 30)


async def test_the_picker_by_keys_switches_to_the_courts_first_page(reg) -> None:
    app = make_app(reg)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen) and app.profile is None
        # The courts in code order: ALNB, CANB, CASB, MOEB, MSSB; two down is CASB.
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.profile is not None and app.profile.code == "CASB"
        assert isinstance(app.screen, FrontScreen)
        assert app.state == engine.start(app.profile)
        assert not any(isinstance(s, PickerScreen) for s in app.screen_stack), \
            "the simulator takes the picker's place rather than stacking on it"
        await pilot.press("enter")  # Begin has the focus
        await pilot.pause()
        assert isinstance(app.screen, SiteScreen)
        await pilot.press("enter")  # the site's "Document Filing System" link has the focus
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)


def test_bare_ecf_tui_opens_the_picker_and_quits_on_ctrl_q(monkeypatch) -> None:
    seen: list[str] = []

    async def pick_then_quit(pilot: Pilot[None]) -> None:
        await pilot.pause()
        seen.append(type(pilot.app.screen).__name__)
        await pilot.press("end", "enter")  # the last court, MSSB
        await pilot.pause()
        seen.append(type(pilot.app.screen).__name__)
        await pilot.press("ctrl+q")

    real_run = EcfApp.run

    def headless_run(self: EcfApp, **kwargs: object) -> None:
        real_run(self, headless=True, size=SIZE, auto_pilot=pick_then_quit)
        seen.append(self.profile.code if self.profile else "-")

    monkeypatch.setattr(EcfApp, "run", headless_run)
    monkeypatch.delenv("ECF_TUI_PROFILES", raising=False)
    assert cli.main([]) == 0
    assert seen == ["PickerScreen", "FrontScreen", "MSSB"]


async def test_f8_logs_out_on_cmecf_pages_and_does_nothing_elsewhere(reg) -> None:
    app = make_app(reg, "MSSB/happy/main")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen) and app.state.pacer is None
        before = app.state
        await pilot.press("f8")  # the PACER login has no Log Out
        await pilot.pause()
        assert app.state == before and isinstance(app.screen, LoginScreen)


async def test_f5_where_refreshing_is_not_the_courts_way_says_so(reg) -> None:
    """MSSB's users refresh by clicking Query or Reports: F5 leaves the menus limited
    and a notification quotes the guide's way."""
    app = make_app(reg, "MSSB/linked/success")
    notes: list[str] = []
    real_notify = app.notify
    app.notify = lambda message, **kw: (notes.append(message), real_notify(message, **kw))[-1]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = app.state
        await pilot.press("f5")
        await pilot.pause()
        assert app.state == before and not app.state.full_menus
        assert len(notes) == 1 and notes[0].startswith("That does not refresh the menus here.")
        assert "Click on Query or Reports from the CM/ECF menu bar." in notes[0]
        await pilot.click("#menu-bar .menu-item")  # Query, the guide's way
        await pilot.pause()
        assert app.state.full_menus and app.state.step == "refreshed"


async def test_mouse_clicks_walk_the_way_in_and_the_menus(reg) -> None:
    app = make_app(reg, "CASB")
    profile = reg.load("CASB")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert await pilot.click("#begin")
        await pilot.pause()
        assert await pilot.click("ActionButton.link")
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        acct = profile.accounts.pacer["individual"]
        app.screen.query_one("#username").value = acct.username.text  # type: ignore[attr-defined]
        app.screen.query_one("#password").value = acct.password  # type: ignore[attr-defined]
        assert await pilot.click("#login")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        utilities = next(b for b in app.screen.query("#menu-bar .menu-item")
                         if str(b.label) == "Utilities")  # type: ignore[attr-defined]
        assert await pilot.click(utilities)
        await pilot.pause()
        assert isinstance(app.screen, UtilitiesScreen)
        assert app.state.step == "utilities"


@pytest.mark.parametrize("court", ["MSSB", "ALNB"])
async def test_a_resize_across_the_breakpoint_mid_walk(reg, court: str) -> None:
    """Wide at 100 columns, narrow at 80: the guide panel and field labels narrow on the
    screen shown, on a screen reused for the next state and on a new one, and the walk
    goes on to the full menus."""
    profile = reg.load(court)
    app = make_app(reg, court)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-wide")
        assert app.screen.query_one(GuidePanel).outer_size.width == 34
        resized = False
        while (action := engine.advice(profile, app.state)) is not None:
            if app.state.step == "pacer-login" and not resized:
                await pilot.resize_terminal(80, 24)
                await pilot.pause()
                resized = True
                assert app.screen.has_class("-narrow") and not app.screen.has_class("-wide")
                assert app.screen.query_one(GuidePanel).outer_size.width == 26
                assert app.screen.query_one(".field-label").outer_size.width == 17
            app.dispatch(action)
            await pilot.pause()
            assert app.screen.has_class("-narrow" if resized else "-wide"), app.state.step
            if app.state.step == "link-form":
                await pilot.resize_terminal(*SIZE)
                await pilot.pause()
                assert app.screen.query_one(".field-label").outer_size.width == 20
                resized = False
        assert app.state.step == "refreshed" and engine.outcome(profile, app.state) == "pass"


async def test_footer_keys_do_something_where_they_show(reg) -> None:
    """The picker offers no court's keys; the inactive dialog, which has no x, offers no
    Escape; F8 shows where Log Out is offered, and a stop page offers it."""
    def keys(app: EcfApp) -> set[str]:
        return {key for key, b in app.screen.active_bindings.items()
                if app.screen.check_action(b.binding.action, ()) is not False
                and app.check_action(b.binding.action, ()) is not False and b.binding.show}

    app = make_app(reg)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not {"f5", "f6", "f8", "f1", "f4"} & keys(app)
    app = make_app(reg, "MSSB/inactive-pacer/inactive-dialog")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "escape" not in keys(app)
    app = make_app(reg, "CASB/not-upgraded-pacer/must-upgrade")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "f8" in keys(app)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)


async def test_f2_shows_the_other_accounts_and_ctrl_r_starts_over(reg) -> None:
    app = make_app(reg, "MSSB/not-upgraded-pacer/must-upgrade")
    async with app.run_test(size=(130, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.state == engine.start(app.profile)
        app.show_state(next(s for s in graph.build(app.profile).states
                            if s.step == "pacer-login"))
        await pilot.pause()
        assert app.screen.query_one(GuidePanel).outer_size.width == 44, "wider: more room"
        extra = app.screen.query(".practice-extra")
        assert extra and not any(w.display for w in extra)
        await pilot.press("f2")
        await pilot.pause()
        assert all(w.display for w in app.screen.query(".practice-extra"))
