"""Provides a court text on a page, marked when the simulator wrote it."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text as RichText
from textual.widgets import Static

from ecf_tui.profile import Text

SIMULATOR_MARK = " [simulator]"


def rich(text: Text, style: str = "") -> RichText:
    """The words, and where the simulator wrote them a dim mark saying so."""
    out = RichText(text.text, style=style)
    if text.source == "simulator":
        out.append(SIMULATOR_MARK, style="dim italic")
    return out


class PageText(Static):
    """One paragraph of a court's page."""

    def __init__(self, text: Text, *, classes: str = "", id: str | None = None) -> None:
        extra = " simulator" if text.source == "simulator" else ""
        super().__init__(rich(text), classes=f"page-text {classes}{extra}".strip(), id=id)


def texts(items: Iterable[Text], classes: str = "") -> list[PageText]:
    return [PageText(t, classes=classes) for t in items]
