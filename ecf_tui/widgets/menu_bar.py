"""Provides the CM/ECF menu bar: limited ("PACER Search") before linking, the full
filing menus once the user refreshes the court's way."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ecf_tui.view import MenuBarView
from ecf_tui.widgets.action_button import ActionButton
from ecf_tui.widgets.page_text import rich


class MenuBar(Horizontal):
    def __init__(self, bar: MenuBarView) -> None:
        super().__init__(id="menu-bar", classes="full" if bar.full else "limited")
        self.bar = bar

    def compose(self) -> ComposeResult:
        yield Static(rich(self.bar.logo), classes="menu-logo")
        for item in self.bar.items:
            yield ActionButton(item.label, item.action, classes="menu-item")
        if self.bar.caption is not None:
            yield Static(rich(self.bar.caption), classes="menu-caption")
