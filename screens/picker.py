"""Provides PickerScreen: choose a court (code, full name, go-live date where the
guide gives one)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ecf_tui.court.profile import CourtProfile
from ecf_tui.widgets import KeysFooter, SimulatorNotice


@dataclass(frozen=True)
class CourtChoice:
    code: str
    name: str
    go_live: str | None

    @classmethod
    def of(cls, profiles: Iterable[CourtProfile]) -> list[CourtChoice]:
        """A choice for each court: its code, name and go-live date (the guide's)."""
        return [cls(p.code, p.name.text, p.about.go_live_date.text if p.about.go_live_date
                    else None)
                for p in profiles]


class PickerScreen(Screen[None]):

    class Picked(Message):
        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    def __init__(self, courts: list[CourtChoice]) -> None:
        super().__init__()
        self.courts = courts

    def compose(self) -> ComposeResult:
        yield Static("ecf-tui · Link a CM/ECF account to my PACER account", id="picker-title")
        yield SimulatorNotice()
        yield Static("Choose your court (arrow keys and Enter, or click):", id="picker-help")
        options = []
        for court in self.courts:
            # The code in a column of its own, the name and the go-live date in the next,
            # each wrapped inside it: a wrapped date under the codes looked like a court.
            row = Table.grid(padding=(0, 1))
            row.add_column(width=5, no_wrap=True)
            row.add_column(ratio=1)
            details = court.name + (f"\ngo-live {court.go_live}" if court.go_live else "")
            row.add_row(court.code, details)
            options.append(Option(row, id=court.code))
        yield OptionList(*options, id="courts")
        yield KeysFooter()

    @on(OptionList.OptionSelected, "#courts")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.post_message(self.Picked(event.option.id))
