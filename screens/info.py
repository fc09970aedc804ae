"""Provides InfoScreen: the page a help link opens (a contact, an explanation)."""

from __future__ import annotations

from textual.app import ComposeResult

from ecf_tui.profile import InfoStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton, PageText, texts


class InfoScreen(StepScreen):
    CSS_PATH = ["step.tcss", "info.tcss"]

    def compose_page(self) -> ComposeResult:
        page = self.view.step
        assert isinstance(page, InfoStep)
        if page.title is not None:
            yield PageText(page.title, classes="page-title")
        yield from texts(page.body, classes="info-text")
        yield ActionButton(page.back_label, self.view.action("back"), id="back")
