"""Provides EmailScreen: the court's e-mail notification after linking (MOEB)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid

from ecf_tui.court.profile import EmailStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton, TextLabel


class EmailScreen(StepScreen[EmailStep]):

    def compose_page(self) -> ComposeResult:
        with Grid(id="email-fields"):
            for field in self.page.fields:
                yield TextLabel(field.label, classes="email-label")
                yield TextLabel(field.value, classes="email-value")
        yield ActionButton(self.page.back_label, self.view.action("back"), id="back")
