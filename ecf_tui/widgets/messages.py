"""Provides the one message screens send: the user chose an action."""

from __future__ import annotations

from textual.message import Message

from ecf_tui.engine import Action


class Chose(Message):
    """The user chose `action`; the App asks the engine what happens next."""

    def __init__(self, action: Action) -> None:
        super().__init__()
        self.action = action

    def __repr__(self) -> str:  # the action's repr already hides a password
        return f"Chose({self.action!r})"
