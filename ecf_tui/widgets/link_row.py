"""Provides a page's links on one line, as the guides show them ("Forgot password? |
Forgot username? | Need an account?"), or one under the other where the line would
not fit."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal

from ecf_tui.court.profile import Text
from ecf_tui.engine import Action
from ecf_tui.widgets.action_button import ActionButton
from ecf_tui.widgets.page_text import Chrome, shown

SEPARATOR = " | "


class LinkRow(Horizontal):
    def __init__(self, links: list[tuple[Text, Action | None]]) -> None:
        super().__init__(classes="link-row")
        self.links = links

    def compose(self) -> ComposeResult:
        for n, (label, action) in enumerate(self.links):
            if n:
                yield Chrome(SEPARATOR, classes="link-sep")
            yield ActionButton(label, action, classes="link")

    def on_resize(self, event: events.Resize) -> None:
        # Each link's label, and the cell either side a compact button keeps.
        wanted = sum(len(shown(label, compact=True)) + 2 for label, _ in self.links)
        wanted += len(SEPARATOR) * (len(self.links) - 1)
        fits = wanted <= event.size.width
        self.styles.layout = "horizontal" if fits else "vertical"
        for sep in self.query(".link-sep"):
            sep.display = fits
