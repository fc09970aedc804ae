"""Provides a court text on a page (marked when the simulator wrote it) and the
button that carries one of the engine's actions."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text as RichText
from textual.widgets import Button, Static

from ecf_tui.engine import Action
from ecf_tui.profile import Text
from ecf_tui.widgets.messages import Chose

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
        self.source_text = text


def texts(items: Iterable[Text], classes: str = "") -> list[PageText]:
    return [PageText(t, classes=classes) for t in items]


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
