"""Provides RefreshedScreen: the main page with the full filing menus (Bankruptcy,
Adversary), the end of the procedure, and how this run ended."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from ecf_tui.profile import MainStep, RefreshedStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import texts

ENDINGS = {
    "pass": "Done: your accounts are linked and the filing menus are shown.",
    "fail": "Linked, but not right: the accounts linked are not one person's individual "
            "accounts, and a link cannot be undone. Call the court.",
}


class RefreshedScreen(StepScreen[RefreshedStep]):
    CSS_PATH = ["step.tcss", "refreshed.tcss"]
    AUTO_FOCUS = "#page"
    BODY_CLASSES = "refreshed-message"

    def compose_intro(self) -> ComposeResult:
        for step in self.view.profile.steps.values():
            if isinstance(step, MainStep):
                yield from texts(step.banner, classes="cmecf-banner")

    def compose_page(self) -> ComposeResult:
        outcome = self.view.outcome or "pass"
        yield Static(ENDINGS[outcome], classes=f"ending {outcome}")
