"""Provides the guided mode's highlight: the control for what the court's guide says
to do now (a button or link of the engine's action, or a form's Login / Submit where
the guide says to type credentials) takes the class `-advised`."""

from __future__ import annotations

from textual.widget import Widget

from ecf_tui.widgets.action_button import ActionButton, TextButton

TYPED = ("login:", "submit:cmecf:")
"""Advice to type credentials: the form's own button carries it."""


def mark_advised(root: Widget, advised: str | None) -> None:
    """Highlight the control for `advised` (an action id) under `root`, and no other."""
    typed = advised is not None and advised.startswith(TYPED)
    for button in root.query(TextButton):
        if isinstance(button, ActionButton) and button.engine_action is not None:
            on = button.engine_action.id == advised
        else:
            on = typed and button.id in ("login", "submit")
        button.set_class(on, "-advised")
