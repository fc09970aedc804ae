"""Provides AssessIntroScreen: before an assessment, its pass rule, the practice
accounts (shown this once) and, where none was given, the trainee's name; Start begins
it at the court's first page."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from ecf_tui.view import AssessIntro
from ecf_tui.widgets import CourtBanner, FocusMarked, KeysFooter, SimulatorNotice
from ecf_tui.widgets.practice_accounts import PracticeAccounts


class AssessIntroScreen(Screen[None]):
    AUTO_FOCUS = "#trainee, #start"

    class Started(Message):
        def __init__(self, trainee: str | None) -> None:
            super().__init__()
            self.trainee = trainee

    def __init__(self, intro: AssessIntro) -> None:
        super().__init__()
        self.intro = intro

    def compose(self) -> ComposeResult:
        yield CourtBanner(self.intro.court)
        yield SimulatorNotice()
        with VerticalScroll(id="assess-intro"):
            yield Static("Assessment", classes="page-title")
            yield Static(self.intro.rule, classes="rule")
            yield Static("Your practice accounts, shown this once: note them now",
                         classes="panel-heading")
            yield PracticeAccounts(self.intro.accounts)
            if self.intro.ask_name:
                yield Static("Your name, for your result:", classes="panel-heading")
                yield Input(placeholder="Your name", id="trainee", max_length=80)
                need = Static("Type your name first: your result is filed under it.",
                              id="name-needed", classes="notice")
                need.display = False
                yield need
            yield FocusMarked("Start the assessment", variant="primary", id="start")
        yield KeysFooter()

    @on(Input.Submitted, "#trainee")
    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        name = None
        if self.intro.ask_name:
            field = self.query_one("#trainee", Input)
            name = field.value.strip() or None
            if name is None:  # a result filed as "anonymous" is no one's
                self.query_one("#name-needed", Static).display = True
                self.set_focus(field)
                return
        self.post_message(self.Started(name))
