"""Provides RedactionScreen: the redaction agreement in full, its checkbox, Continue
(enabled once checked) and Cancel."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from ecf_tui.court.profile import RedactionStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.view import View
from ecf_tui.widgets import ActionButton, AgreementCheckbox, ButtonRow, PageText, mark_advised


class RedactionScreen(StepScreen[RedactionStep]):

    def compose_intro(self) -> ComposeResult:
        yield PageText(self.page.heading, classes="redaction-heading")

    def compose_page(self) -> ComposeResult:
        page = self.page
        yield AgreementCheckbox(page.agreement, self.view.checked, id="agree")
        with ButtonRow():
            yield ActionButton(page.continue_button, self.view.action("continue"),
                               variant="primary", id="continue")
            yield ActionButton(page.cancel_button, self.view.action("cancel"), id="cancel")

    @on(AgreementCheckbox.Changed, "#agree")
    def _toggle(self, event: AgreementCheckbox.Changed) -> None:
        if event.value != self.view.checked:
            self.choose("check")

    def show(self, view: View, panel: View | None = None) -> bool:
        if view.step_id != self.view.step_id or panel not in (None, view):
            return super().show(view, panel)
        # Only the checkbox changed: keep focus where it is and re-arm Continue.
        self.view = self.panel_view = view
        # The box shows the View's state, ticked here or by the demo (Changed then finds
        # the View already so and chooses nothing).
        self.query_one("#agree", AgreementCheckbox).value = view.checked
        button = self.query_one("#continue", ActionButton)
        button.engine_action = view.action("continue")
        button.disabled = button.engine_action is None
        # The frame follows (a mistake's explanation goes, the demo's next move), and
        # the highlight moves to Continue.
        self.call_later(self.frame_follows)
        mark_advised(self.query_one("#page"), view.advised)
        return False
