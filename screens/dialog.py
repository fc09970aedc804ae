"""Provides DialogScreen: a modal dialog over the PACER login (MSSB's CM/ECF-credentials
dialog, closed with its "x" or Escape; the PACER User Inactive dialog with Continue)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ecf_tui.profile import DialogStep
from ecf_tui.view import View
from ecf_tui.widgets import ActionButton, ButtonRow, Chose, PageText, texts


class DialogScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", "Close (x)")]

    def __init__(self, view: View) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        page = self.view.step
        assert isinstance(page, DialogStep)
        with Vertical(id="dialog"):
            with Horizontal(id="dialog-title-bar"):
                if page.title is not None:
                    yield PageText(page.title, classes="dialog-title")
                if page.closable:
                    yield ActionButton("x", self.view.action("close"), id="dialog-close")
            yield from texts(page.body)
            if page.buttons:
                with ButtonRow():
                    for button in page.buttons:
                        action = self.view.action(f"{button.does}:{button.label.text}")
                        yield ActionButton(button.label, action, variant="primary")
            if page.instruction:
                yield Static("The court's guide says", classes="dialog-guide")
                yield from texts(page.instruction)
        yield Footer()

    def on_mount(self) -> None:
        self.query(ActionButton).last().focus()

    def action_close(self) -> None:
        action = self.view.action("close")
        if action is not None:
            self.post_message(Chose(action))
