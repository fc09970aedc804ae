"""Provides the step indicator ("Step 4 of 8 · Redaction agreement") with the state
code a help desk can quote, on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal

from ecf_tui.view import View
from ecf_tui.widgets.page_text import Chrome, TextLabel


class StepIndicator(Horizontal):
    def __init__(self, view: View) -> None:
        super().__init__(id="step-indicator")
        self.view = view

    @staticmethod
    def shows(view: View) -> tuple[object, ...]:
        """What of a View this draws: the same for two Views, nothing to compose again."""
        return view.stage_label, view.guide_step, view.code

    def compose(self) -> ComposeResult:
        yield Chrome(self.view.stage_label, classes="stage-label")
        if self.view.guide_step is not None:
            yield Chrome("guide: ", classes="guide-step-label")
            yield TextLabel(self.view.guide_step, classes="guide-step")
        else:
            yield Chrome("", classes="guide-step")
        yield Chrome(self.view.code, classes="state-code")
