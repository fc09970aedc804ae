"""Provides the row of buttons under a form or a dialog (Submit / Clear, Continue /
Cancel)."""

from __future__ import annotations

from textual import events
from textual.containers import Horizontal
from textual.geometry import Size
from textual.widgets import Button

GAP = 2
"""Columns between two buttons (button_row.tcss)."""


class ButtonRow(Horizontal):
    """A page's buttons side by side, in the guide's order; one under another where the
    row is too narrow for them (at 60 columns Cancel ran past the page's edge)."""

    def on_resize(self, event: events.Resize) -> None:
        size = event.size
        needed = sum(_width(b, size) + GAP for b in self.query_children(Button))
        self.set_class(needed > size.width, "-stacked")


def _width(button: Button, size: Size) -> int:
    """A button's width side by side: its label's, or its least width where larger."""
    floor = button.styles.min_width
    least = int(floor.resolve(size, size)) if floor is not None else 0
    return max(least, button.get_content_width(size, size))
