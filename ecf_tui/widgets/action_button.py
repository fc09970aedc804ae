"""Provides the button (or link, with the class `link`) that does one of the engine's
actions."""

from __future__ import annotations

from textual.widgets import Button

from ecf_tui.engine import Action
from ecf_tui.profile import Text
from ecf_tui.widgets.messages import Chose
from ecf_tui.widgets.page_text import rich


class ActionButton(Button):
    """A button or link that does one of the engine's actions; inert when the engine
    offers none for it (shown, so the page looks like the court's, but disabled)."""

    def __init__(self, label: Text | str, action: Action | None, *, variant: str = "default",
                 classes: str = "", id: str | None = None) -> None:
        shown = rich(label) if isinstance(label, Text) else label
        super().__init__(shown, variant=variant, classes=classes, id=id,  # type: ignore[arg-type]
                         disabled=action is None)
        self.engine_action = action

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.engine_action is not None:
            self.post_message(Chose(self.engine_action))
