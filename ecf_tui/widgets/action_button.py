"""Provides the court's buttons: `TextButton` shows a court text with its source mark;
`ActionButton` (or a link, with the class `link`) also does one of the engine's actions."""

from __future__ import annotations

from textual.widgets import Button

from ecf_tui.court.profile import Text
from ecf_tui.engine import Action
from ecf_tui.widgets.focus_marks import FocusMarked
from ecf_tui.widgets.messages import Chose
from ecf_tui.widgets.page_text import rich, source_class


class TextButton(FocusMarked):
    """A button labelled with a court text, marked by its source."""

    def __init__(self, label: Text, *, variant: str = "default", classes: str = "",
                 id: str | None = None, disabled: bool = False, marked: bool = True) -> None:
        compact = True if marked else None
        super().__init__(rich(label, compact=compact), variant=variant,  # type: ignore[arg-type]
                         id=id, classes=f"{classes} {source_class(label)}".strip(),
                         disabled=disabled, compact=True)
        self.source_text = label
        self.compact_mark = compact
        """True: the compact mark; None: the mark is drawn after a later text."""


class ActionButton(TextButton):
    """A button or link that does one of the engine's actions; inert when the engine
    offers none for it (shown, so the page looks like the court's, but disabled)."""

    def __init__(self, label: Text, action: Action | None, *, variant: str = "default",
                 classes: str = "", id: str | None = None, marked: bool = True) -> None:
        super().__init__(label, variant=variant, classes=classes, id=id,
                         disabled=action is None, marked=marked)
        self.engine_action = action

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.engine_action is not None:
            self.post_message(Chose(self.engine_action))
