"""Provides the demo's caption under the page: the guide's words for this step (marked
by source) and the next move, with the keys that steer the demo."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ecf_tui.view import View
from ecf_tui.widgets.page_text import texts

KEYS = "Space: pause · Right: next move now · Escape: stop the demo"


class DemoCaption(Vertical):
    def __init__(self, view: View) -> None:
        super().__init__(id="demo-caption")
        self.view = view

    def compose(self) -> ComposeResult:
        yield from texts(self.view.guidance[:2], classes="demo-guide")
        state = "Paused. " if self.view.demo_paused else ""
        yield Static(f"{state}Next: {self.view.demo_next}", classes="demo-next")
        yield Static(KEYS, classes="demo-keys")
