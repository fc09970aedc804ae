"""Provides the focus marks: a focused button draws ▸ and ◂ either side of its label, in
the blank cells its line padding leaves there, so Tab moves a shape across the page
rather than only a colour.

The guided mode's highlight of the advised control is reverse video, which is what
Textual draws for focus too: with both, a trainee could not tell where Tab had put
them from where the guide points. The marks are text, so they show in every theme
(high contrast's too) and are read out in `--screen-reader`, where colour says nothing.
They are drawn over the padding as the button is painted, so focus moves nothing on the
page and lays nothing out again (a relayout on every Tab was a third of its time)."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Button

MARKS = ("▸", "◂")
"""Both East Asian width 'neutral': one cell in every terminal."""


class FocusMarked(Button):
    """A button that draws the focus marks while it has focus: the left one before its
    label's first line, the right one after its last. Space presses it as Enter does,
    as on a web page's button."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "press", "Press", show=False)]

    def render_lines(self, crop: Region) -> list[Strip]:
        strips = super().render_lines(crop)
        if not self.has_focus:
            return strips
        last = self.size.height - 1
        return [marked(strip, left=crop.y + n == 0, right=crop.y + n == last)
                if crop.y + n in (0, last) else strip for n, strip in enumerate(strips)]


def marked(strip: Strip, *, left: bool, right: bool) -> Strip:
    """`strip` with the focus marks in the blank cells either side of its words."""
    text = strip.text
    words = text.strip()
    if not words:
        return strip
    start = cell_len(text[: len(text) - len(text.lstrip())])
    end = start + cell_len(words)
    if left and start > 0:
        strip = _put(strip, start - 1, MARKS[0])
    if right and end < strip.cell_length:
        strip = _put(strip, end, MARKS[1])
    return strip


def _put(strip: Strip, cell: int, glyph: str) -> Strip:
    at = strip.crop(cell, cell + 1)
    style = next(iter(at), Segment(" ")).style
    return Strip.join([strip.crop(0, cell), Strip([Segment(glyph, style)], 1),
                       strip.crop(cell + 1)])
