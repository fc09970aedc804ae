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
        with VerticalScroll(id="guide-text"):
            for n, line in enumerate(self.page.lines):
                classes = "guide-line here" if n == self.page.focus else "guide-line"
                yield Static(line or " ", classes=classes, id=f"line-{n}")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#guide-text").focus()
        self.call_after_refresh(self._scroll_to_step)

    def _scroll_to_step(self) -> None:
        line = self.query_one(f"#line-{self.page.focus}")
        self.query_one("#guide-text", VerticalScroll).scroll_to_widget(line, top=True,
                                                                       animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
