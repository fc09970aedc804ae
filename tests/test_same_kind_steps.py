"""The next state of the same step kind (a failed login: the login page again, with the
simulator's notice) composes only what changed: the page, and the step indicator and
side panel where their parts did. The frame around them stays (composing it again was
most of a step's time), and what the page shows is the new state's."""

from __future__ import annotations

from textual.widgets import Input

from ecf_tui import engine
from ecf_tui.app import EcfApp, make_app
from ecf_tui.flows import graph
from ecf_tui.qa.driver import missing_texts, settled
from ecf_tui.widgets import CourtBanner, GuidePanel, KeysFooter, StepIndicator


async def test_a_failed_login_composes_the_page_again_and_keeps_the_frame(reg) -> None:
    app = make_app(reg, "MSSB/happy/pacer-login")
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        screen = app.screen
        frame = [screen.query_one(kind) for kind in (CourtBanner, KeysFooter, GuidePanel)]
        old_field = screen.query_one("#username", Input)
        old_field.value = "nobody"
        app.dispatch(engine.login("nobody", "wrong"))
        await settled(pilot, app)
        assert app.screen is screen, "the same screen shows the next state of its kind"
        assert app.state is not None and app.state.notice == "invalid-login"
        assert [screen.query_one(type(w)) for w in frame] == frame, "the frame stays"
        assert screen.query_one(StepIndicator).view == screen.view, "its state code changed"  # type: ignore[attr-defined]
        field = screen.query_one("#username", Input)
        assert field is not old_field and field.value == "nobody", "a new form, login kept"
        assert screen.query_one("#password", Input).value == ""
        assert app.focused is field
        assert screen.query(".notice"), "the simulator's notice is on the page"
        assert missing_texts(app) == []


async def test_the_panel_follows_a_dialog_over_the_same_page(reg) -> None:
    """A dialog over the login page (an inactive account's login) shows its guidance in
    the side panel of the page under it: that panel is composed again with the dialog's
    View, on the same login screen."""
    profile = reg.load("MSSB")
    path = next(p for p in graph.paths(graph.build(profile)) if p.id == "inactive-pacer")
    edge = next(e for e in path.edges if e.target.step == "inactive-dialog")
    app = EcfApp(reg, "MSSB", edge.source)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        page = app.screen
        assert page.query_one(GuidePanel).view == page.view  # type: ignore[attr-defined]
        app.dispatch(edge.action)
        await settled(pilot, app)
        assert app.screen_stack[-2] is page, "the dialog is over the same login screen"
        assert page.query_one(GuidePanel).view == app.screen.view  # type: ignore[attr-defined]
