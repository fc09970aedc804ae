"""Provides RefreshedScreen: the main page with the full filing menus (Bankruptcy,
Adversary), the end of the procedure, and how this run ended."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from ecf_tui.profile import RefreshedStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import texts

ENDINGS = {
    "pass": "Done: your accounts are linked and the filing menus are shown.",
    "fail": "Linked, but not right: the accounts linked are not one person's individual "
            "accounts, and a link cannot be undone. Call the court.",
}


class RefreshedScreen(StepScreen):
    CSS_PATH = ["step.tcss", "refreshed.tcss"]

    def compose_page(self) -> ComposeResult:
        page = self.view.step
        assert isinstance(page, RefreshedStep)
        main = next((s for s in self.view.profile.steps.values() if s.kind == "main"), None)
        if main is not None:
            yield from texts(getattr(main, "banner", []), classes="cmecf-banner")
        yield from texts(page.body, classes="refreshed-message")
        outcome = self.view.outcome or "pass"
        yield Static(ENDINGS[outcome], classes=f"ending {outcome}")

    def on_mount(self) -> None:
        self.query_one("#page").focus()
