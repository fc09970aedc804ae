"""Provides the court banner: the court's name and, where the court has one, its
test-site warning."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from ecf_tui.view import CourtView
from ecf_tui.widgets.page_text import Chrome, PageText


class CourtBanner(Vertical):
    def __init__(self, court: CourtView) -> None:
        super().__init__(id="court-banner")
        self.court = court

    def compose(self) -> ComposeResult:
        with Horizontal(classes="court-line"):
            yield Chrome(f"{self.court.code} · ", classes="court-code")
            yield PageText(self.court.name, classes="court-name")
        for line in self.court.banner:
            yield PageText(line, classes="court-test-banner")
