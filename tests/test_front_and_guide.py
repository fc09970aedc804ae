"""Before you begin: every court's walk opens on its guide's front matter, verbatim;
and the whole guide is one key (F1) away, opened at the current step's lines."""

from __future__ import annotations

import pytest

from ecf_tui.app import make_app
from ecf_tui.fidelity import texts
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
