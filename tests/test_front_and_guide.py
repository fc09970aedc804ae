"""Before you begin: every court's walk opens on its guide's front matter, verbatim;
and the whole guide is one key (F1) away, opened at the current step's lines."""

from __future__ import annotations

import pytest

from ecf_tui.app import make_app
from ecf_tui.court.fidelity import texts
from ecf_tui.qa.driver import shown, unmarked_texts
from ecf_tui.screens.front import FrontScreen
from ecf_tui.screens.guide import GuideScreen

from .conftest import COURTS


@pytest.mark.parametrize("court", COURTS)
async def test_the_walk_opens_on_the_guides_front_matter(reg, court: str) -> None:
    profile = reg.load(court)
    front = [t.text for _, t in texts(profile.about)]
    app = make_app(reg, court)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FrontScreen)
        on_screen = shown(app)
        assert [t for t in front if t not in on_screen] == []
        assert unmarked_texts(app) == []
        assert app.screen.query_one("#begin").region.bottom <= app.size.height - 1, \
            "Begin is in sight on arrival"
    if court == "CANB":
        assert "For most browsers: Control + Shift + Delete" in front
        assert "For Mac Safari: Opt + Cmd + E" in front
    if court == "MOEB":
        assert "The Court will notify you once we are live, so you can then link your " \
               "account." in front


async def test_f1_opens_the_whole_guide_at_the_current_step(reg) -> None:
    app = make_app(reg, "CANB/happy/utilities")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = app.state
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        page = app.screen.page
        assert len(page.lines) == len(reg.guide_text("CANB").splitlines())
        assert page.lines[page.focus].startswith("STEP 3 Click Utilities")
        here = app.screen.query_one(".here")
        assert app.screen.query_one("#guide-text").region.contains_region(here.region)
        await pilot.press("f5")  # the browser's keys wait while the guide is open
        await pilot.press("escape")
        await pilot.pause()
        assert app.state == before and app.screen.view.step_id == "utilities"


async def test_the_page_keys_scroll_the_front_matter_to_its_last_line(reg) -> None:
    """Focus is on Begin, which does not scroll; PageDown scrolls the page to the guide's
    heading over its steps ("Linking Your Account"), PageUp back to the title."""
    app = make_app(reg, "CANB")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        page = app.screen.query_one("#page")
        last = app.screen.query(".front-heading").last()
        assert "Linking Your Account" in str(last.render())
        assert not page.region.contains_region(last.region)
        for _ in range(4):
            await pilot.press("pagedown")
        await pilot.pause()
        assert page.region.contains_region(last.region)
        assert app.focused is app.screen.query_one("#begin")
        for _ in range(4):
            await pilot.press("pageup")
        await pilot.pause()
        assert page.scroll_y == 0


async def test_the_panel_shows_the_guides_words_on_its_picture_of_the_page(reg) -> None:
    """CASB's screenshot callouts are the guide's words about its picture, not the court's
    page: the side panel shows them under the practice accounts."""
    app = make_app(reg, "CASB/happy/main")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one("#guide-panel")
        lines = [str(w.render()) for w in panel.query(".panel-heading, .guide-picture")]
        assert lines[-3:] == ["In the guide's picture", "PACER Search menu",
                              "Click Utilities"]
        assert "PACER Search menu" not in {str(w.render()) for w in app.screen.query("#page *")}
