"""Provides the password field: masked, and never copied out (Textual's Input copies a
password's clear text to the clipboard and the terminal on Ctrl+C / Ctrl+X)."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.widgets import Input


class SecretInput(Input):
    """A masked input whose text cannot be copied or cut."""

    def __init__(self, *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, password=True, id=id, compact=True)

    def action_copy(self) -> None:
        raise SkipAction()

    def action_cut(self) -> None:
        self.delete_selection()

    def __repr__(self) -> str:
        return f"SecretInput(id={self.id!r})"
