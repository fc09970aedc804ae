"""Provides UtilitiesScreen: the Utilities page (or a release sub-page such as MSSB's
"NextGen Release 1.1 Menu Items") with the court's sections and items in order."""

from __future__ import annotations

from textual.app import ComposeResult

from ecf_tui.court.profile import UtilitiesStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton, PageText


class UtilitiesScreen(StepScreen[UtilitiesStep]):

    def compose_page(self) -> ComposeResult:
        for section in self.page.sections:
            if section.title is not None:
                yield PageText(section.title, classes="section-title")
            for item in section.items:
                yield ActionButton(item.label, self.view.action(f"link:{item.label.text}"),
                                   classes="link")
