"""Provides DialogScreen: a modal dialog over the PACER login (MSSB's CM/ECF-credentials
dialog, closed with its "x" or Escape; the PACER User Inactive dialog with Continue)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button

from ecf_tui.court.profile import DialogStep
from ecf_tui.engine import Action
from ecf_tui.view import View
from ecf_tui.widgets import (
    ActionButton,
    Arrived,
    ButtonRow,
    Chose,
    CourtBanner,
    FocusMarked,
    GuidePanel,
    KeysFooter,
    PageText,
    SimulatorNotice,
    StepIndicator,
    mark_advised,
    texts,
)
from ecf_tui.widgets.arrival import arrival_control


class DialogClose(FocusMarked):
    """The dialog's "x" in its corner: the browser's glyph, and the engine's close."""

    def __init__(self, action: Action | None) -> None:
        super().__init__("x", id="dialog-close", classes="chrome",
                         disabled=action is None)
        self.engine_action = action

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.engine_action is not None:
            self.post_message(Chose(self.engine_action))


class DialogScreen(ModalScreen[None]):
    """A dialog over the page it opened on, never over the side panel. It draws its own
    chrome over the page's (the court banner, and the step indicator with the dialog's
    stage and state code) and its own side panel with the dialog's guidance; between
    them the page under it shows, dimmed, with the dialog in its middle."""

    BINDINGS = [
        Binding("escape", "close", "Close (x)"),
        Binding("f2", "app.toggle_accounts", "Accounts"),  # the panel lists them here too
        # A modal screen stops the App's keys; the help desk's reach through (MSSB's
        # CM/ECF-credentials dialog is the screen a caller most often describes).
        Binding("f3", "app.toggle_desk", "Help desk", show=False),
        Binding("f9", "app.copy_code", "Copy code", show=False),
        Binding("f10", "app.transcript", "Transcript", show=False),
    ]

    AUTO_FOCUS = ""  # none: on_mount puts focus where it arrives

    def __init__(self, view: View) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        page = self.view.step
        assert isinstance(page, DialogStep)
        with Vertical(id="dialog-top"):
            yield CourtBanner(self.view.court)
            yield SimulatorNotice()
            yield StepIndicator(self.view)
        yield GuidePanel(self.view)
        # It scrolls where the terminal is too short for it (60x15), as a browser's does.
        with VerticalScroll(id="dialog", can_focus=False):
            with Horizontal(id="dialog-title-bar"):
                if page.title is not None:
                    yield PageText(page.title, classes="dialog-title")
                if page.closable:
                    yield DialogClose(self.view.action("close"))
            if self.view.notice is not None:
                yield PageText(self.view.notice, classes="notice")
            yield from texts(page.body)
            for choice in page.selections:
                yield ActionButton(choice, self.view.action(f"select:{choice.text}"),
                                   classes="link")
            if page.buttons:
                with ButtonRow():
                    for button in page.buttons:
                        action = self.view.action(f"{button.does}:{button.label.text}")
                        yield ActionButton(button.label, action, variant="primary")
        yield KeysFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Escape is the dialog's "x": offered (and in the footer) only where it has one.
        if action == "close":
            return self.view.action("close") is not None
        return True

    def on_mount(self) -> None:
        mark_advised(self.query_one("#dialog"), self.view.advised)
        first = arrival_control(self.focus_chain, self.view)
        if first is not None:
            self.set_focus(first)
        self.post_message(Arrived(self))  # keys typed while it came up go on now
        self.call_after_refresh(self._panel_under_chrome)

    def on_resize(self) -> None:
        self.call_after_refresh(self._panel_under_chrome)

    def _panel_under_chrome(self) -> None:
        # All three dock to the screen's edges; the panel starts where the chrome ends, as
        # on the page under the dialog, and ends above the footer (at its full height, a
        # docked panel ran past the screen's bottom: its last lines never in sight).
        top = self.query_one("#dialog-top").outer_size.height
        foot = self.query_one(KeysFooter).outer_size.height
        panel = self.query_one(GuidePanel)
        panel.styles.margin = (top, 0, 0, 0)
        if "-one-column" not in self.app.classes:  # under the dialog there: its own height
            panel.styles.height = max(1, self.size.height - top - foot)

    def action_close(self) -> None:
        action = self.view.action("close")
        if action is not None:
            self.post_message(Chose(action))
