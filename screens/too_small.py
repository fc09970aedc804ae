"""Provides TooSmallScreen: one line asking for a bigger window, shown over everything
while the terminal is smaller than the simulator can use; the App takes it away when the
window is big enough again, and the screens under it resume as they were."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class TooSmallScreen(Screen[None]):
    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.wanted = (width, height)

    def compose(self) -> ComposeResult:
        width, height = self.wanted
        # Short, so it stays one line in all but the narrowest windows.
        yield Static(f"Make the window bigger: ecf-tui needs {width}x{height}.",
                     id="too-small")
