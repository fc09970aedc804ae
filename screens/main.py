"""Provides MainScreen: the CM/ECF main page with the limited "PACER Search" menu bar."""

from __future__ import annotations

from textual.app import ComposeResult

from ecf_tui.court.profile import MainStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import texts


class MainScreen(StepScreen[MainStep]):

    def compose_intro(self) -> ComposeResult:
        yield from texts(self.page.banner, classes="cmecf-banner")
