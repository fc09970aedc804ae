"""Provides text that breaks only where it may: a state code at its `/` and `+`, never
inside a part (`MSSB/cmecf-already-linked/link-form+cmecf:colleague+...` is longer
than a terminal of 60 columns, and Rich folded it mid-word wherever the line ended)."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widgets import Static

PARTS = re.compile(r"[^/+]+[/]?|\+[^/+]+")
"""A code's parts: each `/`-ended part, and each `+fact`."""


def lines(text: str, width: int) -> list[str]:
    """`text` packed into lines of at most `width` cells, broken only between parts; a
    part longer than a line has a line of its own (and is clipped, never folded)."""
    found: list[str] = []
    for part in PARTS.findall(text) or [text]:
        if found and cell_len(found[-1] + part) <= width:
            found[-1] += part
        else:
            found.append(part)
    return found or [""]


class Unbroken(Static):
    """A state code (or another text of parts) that wraps only between its parts."""

    def __init__(self, text: str, *, classes: str = "", id: str | None = None) -> None:
        super().__init__(classes=classes, id=id, markup=False)
        self.text = text

    def render(self) -> Text:
        width = self.content_size.width or cell_len(self.text)
        return Text("\n".join(lines(self.text, width)), no_wrap=True, overflow="crop")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return cell_len(self.text)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(lines(self.text, width))
