"""Provides StopScreen: an end other than the full menus (the PACER account must be
upgraded first; CM/ECF for PACER only needs no action)."""

from __future__ import annotations

from textual.app import ComposeResult

from ecf_tui.profile import StopStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import PageText, texts


class StopScreen(StepScreen):
    CSS_PATH = ["step.tcss", "stop.tcss"]

    def compose_page(self) -> ComposeResult:
        page = self.view.step
        assert isinstance(page, StopStep)
        if page.title is not None:
            yield PageText(page.title, classes="page-title")
        yield from texts(page.body, classes="stop-text")
