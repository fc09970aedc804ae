"""Provides the demo's caption under the page and the side panel: the guide's words for
this step (marked by source) and the next move, with the keys that steer the demo.
Stopped (Escape), it draws nothing."""

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

    @staticmethod
    def shows(view: View) -> tuple[object, ...]:
        """What of a View this draws: the same for two Views, nothing to compose again."""
        return view.guidance[:2], view.demo_next, view.demo_paused

    def compose(self) -> ComposeResult:
        self.display = self.view.demo_next is not None
        if not self.display:
            return
        yield from texts(self.view.guidance[:2], classes="demo-guide")
        state = "Paused. " if self.view.demo_paused else ""
        yield Static(f"{state}Next: {self.view.demo_next}", classes="demo-next")
        yield Static(KEYS, classes="demo-keys")
