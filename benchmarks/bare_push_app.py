"""The baselines of a step: the bare app (bare_app.py) where Enter pushes a screen, either
a trivial one (one paragraph) or one of 50 ordinary widgets (10 Inputs, 10 Buttons, 30
Statics and a Footer: issue 25's yardstick for what a page costs in Textual itself);
Escape pops it again. Driven headless in this process (headless.py), or run as a module
from the repository's root in a real terminal (terminal_steps.py runs it in tmux):

    .venv/bin/python -m benchmarks.bare_push_app [--widgets]

A module of its own, not bare_app.py, so that the first-screen baseline stays the same
script it was.
"""

from __future__ import annotations

import sys
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from benchmarks.bare_app import BareApp

TRIVIAL_TEXT = "A trivial screen: one paragraph."
WIDGETS_TEXT = "A screen of 50 widgets"
"""The first Static's text (the first screen row that shows without scrolling is a field)."""


class TrivialScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static(TRIVIAL_TEXT)


class WidgetsScreen(Screen[None]):
    """10 Inputs, 10 Buttons, 30 Statics and a Footer, one under another (at 100 x 30
    the screen scrolls; the first fields, focused on arrival, show)."""

    def compose(self) -> ComposeResult:
        for n in range(1, 11):
            yield Input(placeholder=f"Field {n}")
        for n in range(1, 11):
            yield Button(f"Button {n}")
        yield Static(f"{WIDGETS_TEXT}: paragraph 1 of 30.")
        for n in range(2, 31):
            yield Static(f"Paragraph {n} of 30: a sentence of ordinary text, as a page has.")
        yield Footer()

    def on_mount(self) -> None:
        # Headless the cursor stays drawn, as ecf-tui's own fields have it there
        # (widgets/credential_form.py): a blink would be a paint of its own.
        if self.app.is_headless:
            for field in self.query(Input):
                field.cursor_blink = False


class BarePushApp(BareApp):
    """The bare app, where Enter pushes a trivial screen (Escape pops it)."""

    PUSHED: ClassVar[type[Screen[Any]]] = TrivialScreen
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "push_screen_for_bench", show=False),
        Binding("escape", "pop_screen_for_bench", show=False),
    ]

    def action_push_screen_for_bench(self) -> None:
        if not isinstance(self.screen, self.PUSHED):
            self.push_screen(self.PUSHED())

    def action_pop_screen_for_bench(self) -> None:
        if isinstance(self.screen, self.PUSHED):
            self.pop_screen()


class WidgetsPushApp(BarePushApp):
    """The bare app, where Enter pushes a screen of 50 widgets (Escape pops it)."""

    PUSHED = WidgetsScreen


if __name__ == "__main__":
    (WidgetsPushApp if "--widgets" in sys.argv[1:] else BarePushApp)().run()
