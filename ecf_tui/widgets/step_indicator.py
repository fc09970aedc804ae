"""Provides the step indicator ("Step 4 of 8 · Redaction agreement") with the state
code a help desk can quote, on the right (in practice, the mistakes and hints so far)."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from ecf_tui.view import View
from ecf_tui.widgets.page_text import Chrome, TextLabel
from ecf_tui.widgets.unbroken import Unbroken


class StepIndicator(Vertical):
    """One row: the stage, the guide's step and the tally, the state code on the right;
    where the code does not fit beside them (codes run to 79 columns), the code has a
    row of its own under them, wrapped between its parts if it must be."""

    def __init__(self, view: View) -> None:
        super().__init__(id="step-indicator")
        self.view = view
        self._beside = True

    @staticmethod
    def shows(view: View) -> tuple[object, ...]:
        """What of a View this draws: the same for two Views, nothing to compose again."""
        return view.stage_label, view.guide_steps, view.code_label, view.tally

    def _fits(self, width: int) -> bool:
        """Whether the code fits on the row beside the rest."""
        view = self.view
        used = cell_len(view.stage_label) + 2 + cell_len(view.code_label) + 2
        if view.guide_steps:
            used += cell_len("guide: ") + sum(cell_len(t.text) + 2 for t in view.guide_steps)
        if view.tally is not None:
            used += cell_len(view.tally) + 2
        return used <= width

    def compose(self) -> ComposeResult:
        self._beside = self._fits(self.app.size.width)
        with Horizontal(classes="step-row"):
            yield Chrome(self.view.stage_label, classes="stage-label")
            if self.view.guide_steps:
                yield Chrome("guide: ", classes="guide-step-label")
                *early, last = self.view.guide_steps
                for step in early:  # two of the guide's steps on one page: "guide: 5, 6"
                    yield TextLabel(step, classes="guide-step -early")
                    yield Chrome(", ", classes="guide-step-label")
                yield TextLabel(last, classes="guide-step")
            else:
                yield Chrome("", classes="guide-step")
            if self.view.tally is not None:
                yield Chrome(self.view.tally, classes="tally")
            # Practice and assess show no code: it would name the mistake just made.
            if self._beside:
                yield Unbroken(self.view.code_label, classes="state-code")
        if not self._beside:
            yield Unbroken(self.view.code_label, classes="state-code own-row")

    def on_resize(self, event: events.Resize) -> None:
        if self._fits(event.size.width + 2) != self._beside:  # its padding's two columns
            self.refresh(recompose=True)
