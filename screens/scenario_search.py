"""Provides ScenarioSearchScreen: the help desk types what the caller says, the
scenarios of every court are ranked by it as they type (the open court's first, best
first), and Enter opens the caller's screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ecf_tui.helpdesk.search import rank

if TYPE_CHECKING:
    from ecf_tui.helpdesk.model import Scenario


@dataclass(frozen=True)
class ScenarioAt:
    """A scenario bound to a court, with the code of the caller's screen there."""

    scenario: Scenario
    court: str
    code: str
    linked: bool = False
    """Whether the caller's screen is after linking (a caller's "I linked" weighs by it)."""


class ScenarioSearchScreen(ModalScreen[ScenarioAt | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Close"),
                Binding("down", "focus_results", "Results", show=False)]

    def __init__(self, found: list[ScenarioAt], court: str | None) -> None:
        super().__init__()
        self.found = found
        self.court = court
        self.listed: list[ScenarioAt] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Static("What does the caller say?", id="search-title")
            yield Input(placeholder="the caller's words, e.g. the menus did not appear",
                        id="search-words")
            yield OptionList(id="search-results")
            yield Static("Enter: open the caller's screen · Down: the results · Escape: "
                         "close", id="search-help")

    def on_mount(self) -> None:
        self._list("")

    @on(Input.Changed, "#search-words")
    def _typed(self, event: Input.Changed) -> None:
        self._list(event.value)

    @on(Input.Submitted, "#search-words")
    def _open_first(self) -> None:
        if self.listed:
            self.dismiss(self.listed[0])

    @on(OptionList.OptionSelected, "#search-results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.listed[event.option_index])

    def action_focus_results(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is None and self.listed:
            results.highlighted = 0  # the best match, as Enter in the field would open
        results.focus()

    def _list(self, words: str) -> None:
        """Every binding of the scenarios the words match, best scenario first, the open
        court's matches before the other courts' (a help desk answers for its court;
        one scenario bound at five courts filled the rows at 80x24); before anything is
        typed, all of them, the open court's first."""
        scenarios = list({s.scenario.id: s.scenario for s in self.found}.values())
        linked = {s.scenario.id: s.linked for s in self.found}
        order = ([hit.scenario.id for hit in rank(scenarios, words, linked)]
                 if words.strip() else sorted(s.id for s in scenarios))
        place = {sid: n for n, sid in enumerate(order)}
        self.listed = sorted((s for s in self.found if s.scenario.id in place),
                             key=lambda s: (s.court != self.court, place[s.scenario.id],
                                            s.court))
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options([Option(f"{s.court:<5} {s.scenario.title}") for s in self.listed])
        if not self.listed:
            results.add_option(Option("No scenario matches those words.", disabled=True))
