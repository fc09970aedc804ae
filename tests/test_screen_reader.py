"""`--screen-reader`: one column, the guide's panel under the page, so that no row of the
terminal holds text of both. A screen reader reads a terminal by rows (xterm.js's
screen-reader mode, which `serve` turns on, lists them top to bottom); beside each other,
the page and the panel were read as one sentence of both."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from ecf_tui.app import make_app
from ecf_tui.widgets.guide_panel import GuidePanel

from .test_any_size import _one_state_per_screen


def _rows(widget: Widget) -> range:
    region = widget.region
    return range(region.y, region.bottom)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_one_column_puts_the_panel_under_the_page_on_every_screen(
        reg, size: tuple[int, int]) -> None:
    app = make_app(reg, "MSSB", one_column=True)
    async with app.run_test(size=size) as pilot:
        for state in _one_state_per_screen(reg, "MSSB"):
            app.show_state(state)
            await pilot.pause()
            screen = app.screen
            # A dialog has the panel of its own, beside or under the dialog's box.
            page = screen.query_one("#dialog" if screen.query("#dialog") else "#page-column")
            panel = screen.query_one(GuidePanel)
            if not panel.display:  # a page the guide says nothing of (a help page)
                continue
            assert panel.region.width == screen.size.width, state.step
            assert panel.region.y >= page.region.bottom, state.step
            assert not set(_rows(page)) & set(_rows(panel)), state.step
            assert panel.region.height >= 3 and page.region.height >= 5, state.step


async def test_side_by_side_by_default(reg) -> None:
    app = make_app(reg, "MSSB")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        page, panel = app.screen.query_one("#page-column"), app.screen.query_one(GuidePanel)
        assert set(_rows(page)) & set(_rows(panel)), "beside each other, sharing rows"
