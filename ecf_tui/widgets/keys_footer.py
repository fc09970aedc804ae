"""Provides KeysFooter: Textual's footer, compact (no padding around the keys) in a
terminal narrower than its keys at full width, so no key runs past the right edge."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

FULL_WIDTH = 100
"""Below this many columns the footer goes compact: at full width the most keys a page
offers (Quit, Refresh, Clear cache, Log out, Guide, Accounts, Start over) take about 90."""


class KeysFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True)

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < FULL_WIDTH
