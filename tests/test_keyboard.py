"""Keyboard first: every page walked by Tab and Enter alone, as a person would. On every
state of every court's paths, Tab as many times as the page has controls (and once
more) visits each once and comes back to where focus arrived, Shift+Tab the same
backwards, the focused control in sight each time; QA makes every move by keys (and, in
its mouse mode, by a click on the control's centre) and fails a page whose Tab order is
broken, naming its state code. Focus is drawn so that it can be told from the guided
mode's highlight of the advised control, in words and shapes as well as colour."""

from __future__ import annotations

import dataclasses
import os

import pytest
from textual.containers import ScrollableContainer
from textual.widget import Widget

from ecf_tui.app import EcfApp, make_app
from ecf_tui.flows import codebook, graph
from ecf_tui.qa.driver import screen_text, settled
from ecf_tui.qa.focus_walk import cycle_problems, press
from ecf_tui.qa.runner import run_paths
from ecf_tui.screens.step import StepScreen
from ecf_tui.ui.screen_map import shown_for
from ecf_tui.ui.textual_private import unpainted
from ecf_tui.view import GUIDED, View
from ecf_tui.widgets.focus_marks import MARKS
from ecf_tui.widgets.guide_panel import GuidePanel

from .conftest import COURTS


def _every_page(reg, court: str) -> dict:
    """Every state on the court's paths (each code `paths --codes` prints), by the page
    it shows: states whose screens differ in their state code alone draw the same
    controls, so one of them stands for all (177 pages for the 243 codes). The pages
    are shown a kind of screen after another: the screen is kept and only its page
    composed again, as when a person goes from one page to the next."""
    profile = reg.load(court)
    flow = graph.of(profile)
    pages: dict = {}
    for state in dict.fromkeys(s for p in graph.paths(flow)
                               for s in (p.start, *(e.target for e in p.edges))):
        shown = shown_for(profile, state, GUIDED)
        key = (shown.screen.__name__, _drawn(shown.view),
               _drawn(shown.under.view) if shown.under else None)
        pages.setdefault(key, []).append(state)
    return dict(sorted(pages.items(), key=lambda item: item[0][0]))


def _drawn(page: View) -> str:
    """A View as a key (its profile texts are pydantic models, which do not hash)."""
    return repr(dataclasses.replace(page, code="", code_label=""))


LONG = os.environ.get("ECF_TUI_LONG") == "1"
CYCLED = [(court, size) for court in COURTS for size in ("100x30", "80x24")
          if LONG or size == "100x30" or court in ("MSSB", "CANB")]
"""Every court at 100x30, MSSB and CANB (a court with the redaction notice and both
dialogs, and one with neither) at 80x24 too; ECF_TUI_LONG=1 every court at both (a
minute of two cores more)."""


@pytest.mark.parametrize(("court", "size"), CYCLED)
async def test_tab_and_shift_tab_cycle_on_every_state(reg, court: str, size: str) -> None:
    """Every state of every path; at 80x24 more of the panel runs past its end. Before
    the keyboard issue, 236 of the 243 states failed this at 100x30 (the panel trapped
    Tab)."""
    width, height = map(int, size.split("x"))
    profile = reg.load(court)
    app = EcfApp(reg, court)
    broken = {}
    pages = _every_page(reg, court)
    with unpainted():
        async with app.run_test(size=(width, height)) as pilot:
            for states in pages.values():
                app.show_state(states[0])
                await settled(pilot, app)
                problems = await cycle_problems(pilot)
                if problems:
                    broken[", ".join(codebook.code(profile, s) for s in states)] = problems[0]
    assert broken == {}


MSSB_PATHS = ("happy", "cmecf-on-pacer-login", "inactive-pacer", "redaction-cancelled",
              "names-differ", "wrong-cmecf-login", "menus-not-refreshed")
"""MSSB's paths through every kind of its pages and moves (both dialogs, the redaction
notice, a failed login, the confirm page's names, the refresh), in the default suite;
ECF_TUI_LONG=1 walks every path of all five courts (2.5 minutes of two cores)."""


@pytest.mark.parametrize("court", COURTS if LONG else ("MSSB",))
def test_qa_by_keys_passes_every_path_at_80x24(reg, court: str) -> None:
    """Every move made by keys from where focus arrived, every page's Tab cycle and
    clicks checked, at the tightest size; with ECF_TUI_LONG=1 every path and every edge
    of the flow covered (`ecf-tui qa` does the same for every court at any --size)."""
    flow = graph.of(reg.load(court, graph_checks=False))
    ids = [p.id for p in graph.paths(flow) if LONG or p.id in MSSB_PATHS]
    assert LONG or len(ids) == len(MSSB_PATHS)
    results = run_paths(reg.folders, court, ids, None, (80, 24), how="keys")
    failed = {r.path_id: (r.failure.state_code, r.failure.reason)
              for r in results if r.failure is not None}
    assert failed == {}
    if LONG:
        covered = {e for r in results for e in r.covered}
        assert covered == {str(e) for e in flow.flow_edges()}


@pytest.mark.parametrize("court", ["MOEB"])
def test_the_guides_walk_by_mouse(reg, court: str) -> None:
    """The happy path with every move a click on the centre of its control (a click into
    each field before its text): the link pages, the login, MOEB's redaction notice, the
    menu bar, the link form, the confirm page, the refresh."""
    results = run_paths(reg.folders, court, ["happy"], None, (100, 30), how="mouse")
    assert [r.failure for r in results] == [None]


def test_a_broken_tab_order_fails_qa_naming_the_state(reg, monkeypatch) -> None:
    """Today's main put back: the panel always in the Tab cycle, and Tab from it going
    to the page's second control. QA fails on the court's first page, by its code."""
    from textual.screen import Screen

    def old_tab(self: StepScreen, selector: str = "*") -> Widget | None:
        if self.focused is None or isinstance(self.focused, ScrollableContainer):
            first = self._first_control()
            if first is not None:
                self.set_focus(first, scroll_visible=False)
        return Screen.focus_next(self, selector)

    monkeypatch.setattr(StepScreen, "focus_next", old_tab)
    monkeypatch.setattr(GuidePanel, "allow_focus", lambda self: True)
    [result] = run_paths(reg.folders, "MOEB", ["happy"], None, (100, 30), how="keys")
    assert result.failure is not None
    assert result.failure.state_code == "MOEB/happy/before-you-begin"
    assert "Tab ×2" in result.failure.reason and "side panel" in result.failure.reason


def _focused_row(app: EcfApp, widget: Widget) -> str:
    return screen_text(app).splitlines()[widget.region.y]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "high-contrast",
                                   "screen-reader"])
async def test_focus_is_told_from_the_advised_highlight(reg, theme: str) -> None:
    """MOEB's redaction page ticked: Continue is the guide's next move (highlighted),
    Cancel a mistake. On arrival Continue, focused and advised, carries the focus marks;
    Tab: the marks move to Cancel, Continue keeps the highlight alone. The marks are
    text: a screen reader reads them; no theme can hide them."""
    app = make_app(reg, "MOEB/happy/redaction+ticked",
                   theme=None if theme == "screen-reader" else theme,
                   one_column=theme == "screen-reader")
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        go, cancel = app.screen.query_one("#continue"), app.screen.query_one("#cancel")
        assert go.has_class("-advised") and not cancel.has_class("-advised")
        assert app.focused is go
        left, right = MARKS
        assert f"{left}Continue{right}" in _focused_row(app, go)
        await press(pilot, "tab")
        assert app.focused is cancel
        row = _focused_row(app, cancel)
        assert f"{left}Cancel" in row and right in row.split("Cancel", 1)[1]
        assert f"{left}Continue" not in row and "Continue" in row
        assert go.has_class("-advised")


async def test_space_presses_the_focused_link_and_escape_does_no_harm(reg) -> None:
    """Space presses a button or link as Enter does (the README's key table); Escape,
    the arrows and an F-key that means nothing here leave focus on a control."""
    app = make_app(reg, "MOEB/happy/home")
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        for key in ("escape", "up", "down", "left", "right", "f6"):
            await press(pilot, key)
            assert app.focused is not None and app.focused.region, key
            assert app.state.step == "home", key
        await press(pilot, "space")
        assert app.state.step == "filing-system"


async def test_the_panel_names_whose_words_it_shows(reg) -> None:
    """The front page's instruction is the simulator's: its heading says so, not "The
    court's guide says"; the next page's guidance is the guide's own."""
    app = make_app(reg, "MOEB")
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        text = screen_text(app)
        assert "The simulator says" in text and "The court's guide says" not in text
        await press(pilot, "enter")
        await settled(pilot, app)
        text = screen_text(app)
        assert "The court's guide says" in text and "The simulator says" not in text


async def test_a_panel_that_scrolls_is_a_stop_of_the_cycle_and_scrolls_by_keys(reg) -> None:
    """At 80x24 the link form's panel runs past its end: Tab reaches it (its edge drawn
    heavy), the arrow keys scroll it, and Tab goes on to the page's first control."""
    app = make_app(reg, "MSSB/happy/link-form")
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, app)
        panel = app.screen.query_one(GuidePanel)
        assert panel.max_scroll_y > 0
        chain = app.screen.focus_chain
        assert chain[-1] is panel
        await press(pilot, *["shift+tab"] * chain.index(app.focused), "shift+tab")
        assert app.focused is panel
        assert "┃" in screen_text(app)
        await press(pilot, "down", "down")
        assert panel.scroll_y > 0
        await press(pilot, "tab")
        assert app.focused is chain[0]


async def test_up_and_down_scroll_the_front_page_from_begin(reg) -> None:
    """At 80x24 the front matter runs past the page's end; Begin, under the page, has
    focus: Down scrolls the page a line, Up back."""
    app = make_app(reg, "CANB")
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, app)
        page = app.screen.query_one("#page")
        assert app.focused is app.screen.query_one("#begin") and page.max_scroll_y > 0
        await press(pilot, "down", "down")
        assert page.scroll_y == 2
        await press(pilot, "up")
        assert page.scroll_y == 1


def _readme_keys() -> set[str]:
    """The keys of the README's key table (Using the simulator), as Textual names them."""
    import re
    from pathlib import Path

    text = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    table = text.split("| key | does |", 1)[1].split("\n\n", 1)[0]
    keys = set()
    for row in table.splitlines()[2:]:
        cell = row.split("|")[1].strip()
        for key in re.split(r" / |, ", cell):
            keys.add(key.lower())
    return keys


def test_the_readme_key_table_names_every_key_bound_and_no_other() -> None:
    """Every key the App, the step screens, the dialog, the buttons and the login form
    bind (and Textual's Tab and Shift+Tab) is in the README's table, and every key in the
    table is bound; the table's words for each are the tests above and QA's walks."""
    from ecf_tui.screens.dialog import DialogScreen
    from ecf_tui.widgets.credential_form import CredentialForm
    from ecf_tui.widgets.focus_marks import FocusMarked

    bound = {"tab", "shift+tab", "ctrl+p"}  # Textual's focus keys; the command palette
    for owner in (EcfApp, StepScreen, DialogScreen, FocusMarked, CredentialForm):
        for binding in owner.BINDINGS:
            assert not isinstance(binding, tuple)
            bound |= set(binding.key.split(","))
    bound -= {"question_mark"}  # F7's row names it: "`?` too where focus is not in a field"
    table = _readme_keys()
    assert (sorted(bound - table), sorted(table - bound)) == ([], [])


def _footer_keys(app: EcfApp) -> list[str]:
    return [binding.key for _, binding, enabled, _ in app.screen.active_bindings.values()
            if binding.show and enabled]


@pytest.mark.parametrize("mode", ["guided", "practice"])
async def test_every_footer_key_does_something_visible(reg, mode: str) -> None:
    """On every kind of MSSB screen, each key the footer shows (but Quit) changes what is
    on the screen: a page, a panel, a note, the guide over it. In practice, where the
    panel says nothing unasked, the browser's keys (F5, F6) too."""
    from .test_any_size import _one_state_per_screen

    app = make_app(reg, "MSSB", mode=mode)
    silent = []
    checked: set[tuple[str, str]] = set()
    async with app.run_test(size=(100, 30)) as pilot:
        for state in _one_state_per_screen(reg, "MSSB"):
            app.show_state(state)
            await settled(pilot, app)
            for key in _footer_keys(app):
                if key == "ctrl+q" or mode == "practice" and key not in ("f5", "f6"):
                    continue
                if key == "f1" and ("f1", mode) in checked:
                    continue  # the whole guide, over any page alike: once is enough
                checked.add((key, mode))
                app.clear_notifications()
                before, screens = screen_text(app), len(app.screen_stack)
                await press(pilot, key)
                if (screen_text(app) == before and len(app.screen_stack) == screens
                        and not app._notifications):
                    silent.append((state.step, key))
                while len(app.screen_stack) > screens:  # the guide opened over the page
                    app.pop_screen()
                if key == "f2":
                    await press(pilot, key)  # the accounts as they were
                if app.moment != (state, None):
                    app.show_state(state)
                await settled(pilot, app)
    assert silent == []
