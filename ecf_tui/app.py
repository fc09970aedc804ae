"""Provides the Textual App: it owns the engine's state, shows the screen for it, and
turns the `Chose` messages screens send into engine steps.

The App is the only place that maps a state to a screen; screens never decide where
the flow goes. A crash shows a short report (no local variables, no typed text)
instead of Textual's default traceback, which prints every frame's locals.
"""

from __future__ import annotations

import traceback
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from textual import constants
from textual.app import App
from textual.binding import Binding, BindingType
from textual.widgets import Input

import ecf_tui.screens as screens_package
from ecf_tui import __version__, engine, view
from ecf_tui.engine import Action, ActionNotAllowed, State
from ecf_tui.loading import Registry
from ecf_tui.profile import CourtProfile
from ecf_tui.screens.confirm import ConfirmScreen
from ecf_tui.screens.dialog import DialogScreen
from ecf_tui.screens.email import EmailScreen
from ecf_tui.screens.info import InfoScreen
from ecf_tui.screens.link_form import LinkFormScreen
from ecf_tui.screens.login import LoginScreen
from ecf_tui.screens.main import MainScreen
from ecf_tui.screens.picker import CourtChoice, PickerScreen
from ecf_tui.screens.redaction import RedactionScreen
from ecf_tui.screens.refreshed import RefreshedScreen
from ecf_tui.screens.site import SiteScreen
from ecf_tui.screens.step import StepScreen
from ecf_tui.screens.stop import StopScreen
from ecf_tui.screens.success import SuccessScreen
from ecf_tui.screens.utilities import UtilitiesScreen
from ecf_tui.widgets import Chose

WIDGETS = Path(__file__).parent / "widgets"
SCREENS = Path(screens_package.__file__).parent

SCREEN_FOR_KIND: dict[str, type[StepScreen[Any]]] = {
    "site": SiteScreen,
    "login": LoginScreen,
    "redaction": RedactionScreen,
    "main": MainScreen,
    "utilities": UtilitiesScreen,
    "link-form": LinkFormScreen,
    "confirm": ConfirmScreen,
    "success": SuccessScreen,
    "refreshed": RefreshedScreen,
    "info": InfoScreen,
    "stop": StopScreen,
    "email": EmailScreen,
}


class EcfApp(App[None]):
    """The simulator for one court at a time."""

    TITLE = "ecf-tui"
    # Every stylesheet up front: a screen's own CSS_PATH loaded later would make Textual
    # re-parse the whole stylesheet each time a new kind of screen first shows.
    CSS_PATH: ClassVar = [
        *sorted(WIDGETS.glob("*.tcss")),
        SCREENS / "step.tcss",
        *sorted(p for p in SCREENS.glob("*.tcss") if p.name != "step.tcss"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "browser('refresh')", "Refresh"),
        Binding("f6", "browser('clear-cache')", "Clear cache"),
        Binding("f8", "log_out", "Log out"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (96, "-wide")]
    ENABLE_COMMAND_PALETTE = False  # with a resize to a few columns it crashes Textual 8.2

    def __init__(self, registry: Registry, court: str | None = None,
                 state: State | None = None, *, graph_checks: bool = True) -> None:
        super().__init__()
        # Textual's log file and devtools record every key and Input value.
        constants.LOG_FILE = None  # type: ignore[misc]
        self.features = frozenset(self.features - {"devtools", "debug"})
        self.registry = registry
        self.profile: CourtProfile | None = (
            registry.load(court, graph_checks=graph_checks) if court else None)
        self.state: State | None = state
        if self.profile is not None and self.state is None:
            self.state = engine.start(self.profile)

    def on_mount(self) -> None:
        if self.profile is None:
            self.push_screen(PickerScreen(self._court_choices()))
        else:
            self._show()

    def _court_choices(self) -> list[CourtChoice]:
        choices = []
        for code in self.registry.codes():
            profile = self.registry.load(code)
            live = profile.about.go_live.text if profile.about.go_live else None
            choices.append(CourtChoice(code, profile.name.text, live))
        return choices

    def on_picker_screen_picked(self, message: PickerScreen.Picked) -> None:
        self.profile = self.registry.load(message.code)
        self.state = engine.start(self.profile)
        self._show()

    # -- the flow ----------------------------------------------------------

    def on_chose(self, message: Chose) -> None:
        message.stop()
        self.dispatch(message.action)

    def dispatch(self, action: Action) -> None:
        """Ask the engine for the next state and show it."""
        assert self.profile is not None and self.state is not None
        try:
            new = engine.step(self.profile, self.state, action)
        except ActionNotAllowed:
            self.bell()
            return
        self.state = new
        self._show()

    def show_state(self, state: State) -> None:
        """Jump straight to a state (as `ecf-tui run STATE_CODE` does at start)."""
        self.state = state
        self._show()

    def _show(self) -> None:
        assert self.profile is not None and self.state is not None
        current = view.build(self.profile, self.state)
        top = self.screen
        if isinstance(top, DialogScreen):
            self.pop_screen()
            top = self.screen
        if current.step.kind == "dialog":
            self._show_under_dialog(current)
            self.push_screen(DialogScreen(current))
            return
        same_step = isinstance(top, StepScreen) and top.view.state.step == current.state.step
        if same_step:
            assert isinstance(top, StepScreen)
            top.show(current)
        elif isinstance(top, StepScreen):
            self.switch_screen(SCREEN_FOR_KIND[current.step.kind](current))
        else:
            self.push_screen(SCREEN_FOR_KIND[current.step.kind](current))

    def _show_under_dialog(self, dialog: view.View) -> None:
        """A dialog shows over the PACER login page."""
        assert self.profile is not None and self.state is not None
        login_id = self.profile.steps_of("login")[0]
        top = self.screen
        if isinstance(top, StepScreen) and top.view.state.step == login_id:
            return
        under = view.build(self.profile, replace(dialog.state, step=login_id))
        make = LoginScreen(under)
        if isinstance(top, StepScreen):
            self.switch_screen(make)
        else:
            self.push_screen(make)

    # -- keys that are the browser's or the menu bar's ---------------------

    def _offered(self, action_id: str) -> Action | None:
        if self.profile is None or self.state is None:
            return None
        return next((a for a in engine.actions(self.profile, self.state) if a.id == action_id),
                    None)

    def action_browser(self, action_id: str) -> None:
        action = self._offered(action_id)
        if action is not None:
            self.dispatch(action)
        elif self.profile is not None:
            how = " ".join(t.text for t in self.profile.refresh.instruction)
            self.notify(f"That does not refresh the menus here. The court's guide says: {how}",
                        title="Not this way", severity="warning", timeout=8)

    def action_log_out(self) -> None:
        if self.profile is None:
            return
        action = self._offered(f"menu:{self.profile.menu_bar.logout.text}")
        if action is not None:
            self.dispatch(action)
        else:
            self.bell()

    # -- crashes -----------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        # Textual's own handler renders a traceback with every frame's local variables,
        # which would print a password typed a moment before. This report has none.
        self._return_code = 1
        if self._exception is None:  # run_test() re-raises it for the test that caused it
            self._exception = error
            self._exception_event.set()
        self._exit_renderables.append(self.crash_report(error))
        self._close_messages_no_wait()

    def crash_report(self, error: Exception) -> str:
        frames = traceback.extract_tb(error.__traceback__)
        ours = [f for f in frames if "ecf_tui" in f.filename] or frames
        where = "?"
        if ours:
            where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno} in {ours[-1].name}"
        message = str(error)
        try:
            secrets = [f.value for f in self.screen.query(Input) if f.password and f.value]
        except Exception:  # noqa: BLE001 - a report must come out whatever broke
            secrets = []
        for secret in secrets:
            message = message.replace(secret, "•••")
        court = self.profile.code if self.profile else "-"
        step = self.state.step if self.state else "-"
        return (f"ecf-tui {__version__} stopped on an internal error.\n"
                f"court: {court}   step: {step}\n"
                f"error: {type(error).__name__}: {message}\n"
                f"where: {where}\n"
                "Nothing you typed is shown here. Please report this report.")


def make_app(registry: Registry, target: str | None = None) -> EcfApp:
    """The App for a court code, a state code (`MOEB/firm-pacer/confirm`), or the picker."""
    if target is None:
        return EcfApp(registry)
    code = target.split("/", 1)[0].upper()
    profile = registry.load(code)
    if "/" not in target:
        return EcfApp(registry, code)
    from ecf_tui import graph
    from ecf_tui.errors import UserError

    wanted = f"{code}/{target.split('/', 1)[1]}"
    state = graph.state_for_code(graph.build(profile), wanted)
    if state is None:
        raise UserError(f"no state of {code} has the code '{wanted}'.", place="run",
                        fix=f"list the paths with 'ecf-tui paths {code}', or give just {code}.")
    return EcfApp(registry, code, state)
