"""Provides the step indicator ("Step 4 of 8 · Redaction agreement") with the state
code a help desk can quote, on the right (in practice, the mistakes and hints so far)."""

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
        return view.stage_label, view.guide_step, view.code_label, view.tally

    def compose(self) -> ComposeResult:
        yield Chrome(self.view.stage_label, classes="stage-label")
        if self.view.guide_step is not None:
            yield Chrome("guide: ", classes="guide-step-label")
            yield TextLabel(self.view.guide_step, classes="guide-step")
        else:
            yield Chrome("", classes="guide-step")
        if self.view.tally is not None:
            yield Chrome(self.view.tally, classes="tally")
        # Practice and assess show no code: it would name the mistake just made.
        yield Chrome(self.view.code_label, classes="state-code")
