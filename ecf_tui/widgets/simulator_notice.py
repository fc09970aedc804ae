"""Provides the permanent notice that this is a simulator: never type real credentials."""

from __future__ import annotations

from textual.widgets import Static

NOTICE = "SIMULATOR · practice only · never type a real username or password"


class SimulatorNotice(Static):
    def __init__(self) -> None:
        super().__init__(NOTICE, id="simulator-notice")
