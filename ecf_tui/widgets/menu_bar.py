"""Provides the CM/ECF menu bar: limited ("PACER Search") before linking, the full
filing menus once the user refreshes the court's way."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal

from ecf_tui.view import MenuBarView
from ecf_tui.widgets.action_button import ActionButton
from ecf_tui.widgets.page_text import TextLabel, marked_at_run_ends


class MenuBar(Horizontal):
    def __init__(self, bar: MenuBarView) -> None:
        super().__init__(id="menu-bar", classes="full" if bar.full else "limited")
        self.bar = bar

    def compose(self) -> ComposeResult:
        marked = marked_at_run_ends([self.bar.logo, *(item.label for item in self.bar.items)])
        yield TextLabel(self.bar.logo, classes="menu-logo", marked=marked[0])
        for item, shows_mark in zip(self.bar.items, marked[1:], strict=True):
            yield ActionButton(item.label, item.action, classes="menu-item", marked=shows_mark)
        if self.bar.caption is not None:
            yield TextLabel(self.bar.caption, classes="menu-caption")
