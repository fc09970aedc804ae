"""Provides SuccessScreen: the accounts are linked; the menus stay limited until the
user refreshes the court's way (and, in MOEB, an e-mail notification arrives)."""

from __future__ import annotations

from textual.app import ComposeResult

from ecf_tui.profile import SuccessStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton, PageText, texts


class SuccessScreen(StepScreen):
    CSS_PATH = ["step.tcss", "success.tcss"]
    AUTO_FOCUS = "#menu-bar Button"

    def compose_page(self) -> ComposeResult:
        page = self.view.step
        assert isinstance(page, SuccessStep)
        if page.title is not None:
            yield PageText(page.title, classes="page-title")
        yield from texts(page.body, classes="success-message")
        if page.email is not None:
            email = self.view.profile.steps[page.email]
            label = email.title.text if email.title else page.email
            yield ActionButton(f"✉ {label}", self.view.action("email"), classes="link",
                               id="open-email")
