"""The baseline: a bare Textual app, one paragraph and a footer, quit with Ctrl+Q as
ecf-tui is. Runnable as a script (the benchmarks run it as one, in a pseudo-terminal):

    .venv/bin/python benchmarks/bare_app.py
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Static

TEXT = "A bare Textual app: one paragraph and a footer."


class BareApp(App[None]):
    # Shown in the footer, as ecf-tui shows it (Textual's own ctrl+q binding is hidden).
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def compose(self) -> ComposeResult:
        yield Static(TEXT)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
