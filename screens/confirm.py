"""Provides ConfirmScreen: "Do you want to link these accounts?" with the CM/ECF and
PACER names side by side, Submit, and a way back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Static

from ecf_tui.profile import ConfirmStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton, ButtonRow, PageText, texts
from ecf_tui.widgets.page_text import rich


class ConfirmScreen(StepScreen[ConfirmStep]):

    def compose_intro(self) -> ComposeResult:
        yield PageText(self.page.question, classes="question")

    def compose_page(self) -> ComposeResult:
        page = self.page
        assert self.view.names is not None, "the engine sets both accounts on the confirm page"
        cmecf_name, pacer_name = self.view.names
        with Grid(id="names"):
            yield Static(rich(page.cmecf_label), classes="name-label")
            # The names without their [simulator] mark for now, as a real page shows them.
            yield Static(cmecf_name.text, id="cmecf-name", classes="name")
            yield Static(rich(page.pacer_label), classes="name-label")
            yield Static(pacer_name.text, id="pacer-name", classes="name")
        yield from texts(page.warning)
        with ButtonRow():
            yield ActionButton(page.submit_button, self.view.action("submit"),
                               variant="primary", id="submit")
            yield ActionButton(page.back_label, self.view.action("back"), id="back")
