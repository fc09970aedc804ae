"""Provides the permanent notice that this is a simulator: never type real credentials."""

from __future__ import annotations

from textual import events
from textual.widgets import Static

NOTICE = "SIMULATOR · practice only · never type a real username or password"
SHORT_NOTICE = "SIMULATOR · never type a real username or password"
"""Where the notice would wrap (under 70 columns): its warning whole on one row."""


class SimulatorNotice(Static):
    def __init__(self) -> None:
        super().__init__(self._for(self.app.size.width), id="simulator-notice")

    @staticmethod
    def _for(width: int) -> str:
        return NOTICE if width >= len(NOTICE) + 2 else SHORT_NOTICE

    def on_resize(self, event: events.Resize) -> None:
        self.update(self._for(event.size.width))
