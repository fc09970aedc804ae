"""Provides RefreshedScreen: the main page with the full filing menus (Bankruptcy,
Adversary), the end of the procedure, and how this run ended."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from ecf_tui.court.profile import RefreshedStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import texts


class RefreshedScreen(StepScreen[RefreshedStep]):
    BODY_CLASSES = "refreshed-message"

    def compose_intro(self) -> ComposeResult:
        yield from texts(self.view.cmecf_banner, classes="cmecf-banner")

    def compose_page(self) -> ComposeResult:
        with Vertical(classes=f"ending {self.view.outcome or 'pass'}"):
            yield from texts(self.view.ending)
