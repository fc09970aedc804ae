"""Provides InfoScreen: the page a help link opens (a contact, an explanation)."""

from __future__ import annotations

from textual.app import ComposeResult

from ecf_tui.court.profile import InfoStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton


class InfoScreen(StepScreen[InfoStep]):
    BODY_CLASSES = "info-text"

    def compose_page(self) -> ComposeResult:
        yield ActionButton(self.page.back_label, self.view.action("back"), id="back")
