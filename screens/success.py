"""Provides SuccessScreen: the accounts are linked; the menus stay limited until the
user refreshes the court's way (and, in MOEB, an e-mail notification arrives)."""

from __future__ import annotations

from textual.app import ComposeResult

from ecf_tui.court.profile import SuccessStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton


class SuccessScreen(StepScreen[SuccessStep]):
    BODY_CLASSES = "success-message"

    def compose_page(self) -> ComposeResult:
        label = self.view.email_label
        if label is not None:
            yield ActionButton(label, self.view.action("email"), classes="link", id="open-email")
