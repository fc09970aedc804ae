"""Provides the agreement's checkbox: its long label (the court's sentence, with its
source mark) wraps, and it reads `[ ]` or `[X]`, in text and in sight, as on a web form."""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Checkbox

from ecf_tui.court.profile import Text
from ecf_tui.widgets.page_text import rich, source_class


class AgreementCheckbox(Checkbox):
    # The whole box is the button's inside: Textual draws its sides in the button's
    # background colour (half blocks), which made brackets invisible.
    BUTTON_LEFT = ""
    BUTTON_RIGHT = ""

    def __init__(self, label: Text, value: bool, *, id: str | None = None) -> None:
        super().__init__(rich(label), value, id=id, classes=source_class(label))
        self.source_text = label
        self.compact_mark = False
        self._show_tick(value)

    def watch_value(self) -> None:
        super().watch_value()
        self._show_tick(self.value)

    def _show_tick(self, value: bool) -> None:
        # Textual draws the tick in both states and only colours it; a box read as text
        # (a screen reader, a QA capture) must say whether it is ticked.
        self.BUTTON_INNER = "[X]" if value else "[ ]"

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Textual's toggle buttons are one line high whatever their label; a widget's own
        # measure gives the wrapped label's height.
        return Widget.get_content_height(self, container, viewport, width)
