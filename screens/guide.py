"""Provides GuideScreen: the court's whole guide as a readable page, scrolled to the
lines of the current step; Escape or F1 closes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ecf_tui.view import GuidePage
from ecf_tui.widgets import KeysFooter


class GuideScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1", "dismiss", "Close the guide")]

    def __init__(self, page: GuidePage) -> None:
        super().__init__()
        self.page = page

    def compose(self) -> ComposeResult:
        yield Static(f"The court's guide · {self.page.title}", id="guide-title")
        # Three texts, not a widget a line: the lines before the step's, its first line
        # (highlighted, scrolled to), the rest. Opening a guide of 130 lines took 0.4 s.
        lines, at = self.page.lines, self.page.focus
        with VerticalScroll(id="guide-text"):
            if at:
                yield Static("\n".join(lines[:at]), classes="guide-line", markup=False)
            yield Static((lines[at] if lines else "") or " ", classes="guide-line here",
                         id="guide-here", markup=False)
            if lines[at + 1:]:
                yield Static("\n".join(lines[at + 1:]), classes="guide-line", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#guide-text").focus()
        self.call_after_refresh(self._scroll_to_step)

    def _scroll_to_step(self) -> None:
        line = self.query_one("#guide-here")
        self.query_one("#guide-text", VerticalScroll).scroll_to_widget(line, top=True,
                                                                       animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
