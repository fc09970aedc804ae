"""Provides PracticeAccounts: a group of practice accounts in the side panel, each its
system, login and password (fake values: real credentials never go here) over what it
is for. One widget for the group, not two per account: every widget costs the same to
compose, style and lay out on each step, and the panel is on every step."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from ecf_tui.view import PracticeAccount


class PracticeAccounts(Static):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"practice-accounts--login",
                                             "practice-accounts--about"}

    def __init__(self, accounts: tuple[PracticeAccount, ...], *, classes: str = "") -> None:
        super().__init__(classes=f"practice-accounts {classes}".strip())
        self.accounts = accounts

    def render(self) -> Text:
        login = self.get_component_rich_style("practice-accounts--login")
        about = self.get_component_rich_style("practice-accounts--about")
        shown = Text()
        for account in self.accounts:
            shown.append(f"{account.system}  {account.login} / {account.password}\n", login)
            shown.append(account.about, about)
            shown.append("\n\n")
        shown.rstrip()  # the group's margin keeps the gap to what follows
        return shown
