"""Provides the CM/ECF menu bar: limited ("PACER Search") before linking, the full
filing menus once the user refreshes the court's way."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ecf_tui.view import View
from ecf_tui.widgets.page_text import ActionButton, rich


class MenuBar(Horizontal):
    def __init__(self, view: View) -> None:
        classes = "full" if view.menus_full else "limited"
        super().__init__(id="menu-bar", classes=classes)
        self.view = view

    def compose(self) -> ComposeResult:
        bar = self.view.profile.menu_bar
        yield Static(rich(bar.logo), classes="menu-logo")
        for item in self.view.menu:
            yield ActionButton(item.label, item.action, classes="menu-item")
        if not self.view.menus_full:
            yield Static(rich(bar.limited_label), classes="menu-caption")
