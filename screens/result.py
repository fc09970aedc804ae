"""Provides ResultScreen: the end of a practice walk or an assessment: the verdict, the
steps, mistakes by kind with their explanation, hints and time. Enter or Quit ends the
simulator (an assessment's exit code says whether it was passed)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from ecf_tui.view import ResultView
from ecf_tui.widgets import CourtBanner, FocusMarked, KeysFooter, SimulatorNotice, texts


class ResultScreen(Screen[None]):
    AUTO_FOCUS = None

    def __init__(self, result: ResultView) -> None:
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        result = self.result
        yield CourtBanner(result.court)
        yield SimulatorNotice()
        with VerticalScroll(id="result"):
            yield Static(result.title, classes="page-title")
            verdict = "passed" if result.passed else "failed" if result.passed is False else ""
            yield Static(result.verdict, id="verdict", classes=verdict)
            if result.trainee:
                yield Static(f"Trainee: {result.trainee}", classes="fact", markup=False)
            for reason in result.reasons:
                yield Static(f"Not passed: {reason}", classes="fact reason")
            for fact in result.facts:
                yield Static(fact, classes="fact")
            if result.mistakes:
                yield Static("Mistakes, by kind", classes="panel-heading")
            for line in result.mistakes:
                yield Static(f"{line.kind} ×{line.count}", classes="mistake-kind")
                yield from texts([line.did, *line.recover], classes="mistake-text")
            yield FocusMarked("Done", variant="primary", id="done")
        yield KeysFooter()

    def on_mount(self) -> None:
        # Done has focus (Enter ends), but the verdict stays in sight at the top: the
        # mistakes under it scroll.
        self.set_focus(self.query_one("#done"), scroll_visible=False)

    @on(Button.Pressed, "#done")
    async def _done(self) -> None:
        await self.run_action("app.quit")
