"""Provides SiteScreen: a page of the court's web site, with its links in the guide's
order; the link on the way in leads on, the others are shown but inert."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal

from ecf_tui.court.profile import SiteStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton, Chrome, TextLabel


class SiteScreen(StepScreen[SiteStep]):

    def compose_top(self) -> ComposeResult:
        if self.page.address is not None:
            with Horizontal(classes="address-bar"):
                yield Chrome("Address: ", classes="address-label")
                yield TextLabel(self.page.address, classes="address")

    def compose_page(self) -> ComposeResult:
        for link in self.page.links:
            yield ActionButton(link.label, self.view.action(f"follow:{link.label.text}"),
                               classes="link")
