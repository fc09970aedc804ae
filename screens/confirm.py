"""Provides ConfirmScreen: "Do you want to link these accounts?" with the CM/ECF and
PACER names side by side, Submit, and a way back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid

from ecf_tui.court.profile import ConfirmStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton, ButtonRow, PageText, TextLabel, texts


class ConfirmScreen(StepScreen[ConfirmStep]):

    def compose_intro(self) -> ComposeResult:
        yield PageText(self.page.question, classes="question")

    def compose_page(self) -> ComposeResult:
        page = self.page
        assert self.view.names is not None, "the engine sets both accounts on the confirm page"
        cmecf_name, pacer_name = self.view.names
        with Grid(id="names"):
            yield TextLabel(page.cmecf_label, classes="name-label")
            yield TextLabel(cmecf_name, id="cmecf-name", classes="name")
            yield TextLabel(page.pacer_label, classes="name-label")
            yield TextLabel(pacer_name, id="pacer-name", classes="name")
        yield from texts(page.warning)
        with ButtonRow():
            yield ActionButton(page.submit_button, self.view.action("submit"),
                               variant="primary", id="submit")
            yield ActionButton(page.back_label, self.view.action("back"), id="back")
