"""Provides what the App does as the terminal's size changes: below the smallest size
it draws in, one line over everything asks for a bigger window, and keys typed meanwhile
wait for the page; back above it, the screens as they were."""

from __future__ import annotations

from textual import events

from ecf_tui.keys.host import Host
from ecf_tui.screens.too_small import TooSmallScreen

MIN_WIDTH, MIN_HEIGHT = 60, 15
"""The smallest terminal the simulator draws in (the page beside the side panel); below
it, one line asks for a bigger window (Rich cannot lay out a few columns)."""


class WindowFit(Host):
    """Mixin for the App (with the key gate): the one line over a window too small."""

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Below the smallest usable size, one line over everything; back above it, the
        screens as they were (fields typed in, dialogs, the open guide)."""
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        covered = self._too_small()
        if small and not covered:
            # Keys typed now (the rest of a password) wait for the page, not for the one
            # line over it, which dropped them.
            self.hold_keys()
            self.push_screen(TooSmallScreen(MIN_WIDTH, MIN_HEIGHT))
        elif covered and not small:
            self.pop_screen()
            self.nothing_arriving()

    def keys_must_wait(self) -> bool:
        return self._too_small()

    def _too_small(self) -> bool:
        return bool(self.screen_stack) and isinstance(self.screen, TooSmallScreen)
