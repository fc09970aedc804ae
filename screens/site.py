"""Provides SiteScreen: a page of the court's web site, with its links in the guide's
order; the link on the way in leads on, the others are shown but inert."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from ecf_tui.profile import SiteStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton, PageText, texts


class SiteScreen(StepScreen):
    CSS_PATH = ["step.tcss", "site.tcss"]

    def compose_page(self) -> ComposeResult:
        page = self.view.step
        assert isinstance(page, SiteStep)
        if page.address is not None:
            yield Static(f"Address: {page.address.text}", classes="address-bar")
        if page.title is not None:
            yield PageText(page.title, classes="page-title")
        yield from texts(page.body)
        for link in page.links:
            yield ActionButton(link.label, self.view.action(f"follow:{link.label.text}"),
                               classes="link")
