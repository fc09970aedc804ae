"""Provides the Textual App: it holds the moment (the court, the engine's state and the
mistake that led there), shows the screen for it (as `screen_map` says), and turns the
`Chose` messages screens send into engine steps. Screens never decide where the flow
goes. What the training mode keeps (the attempt), what the demo plays and what the help
desk's keys give live beside their features (`training.session`, `training.demo`,
`helpdesk.session`); the App calls them and shows what they say. A crash shows a short
report (no local variables, no typed text) instead of Textual's default traceback, which
prints every frame's locals.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, cast

from textual.app import App
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Input

import ecf_tui.screens as screens_package
from ecf_tui import engine, view
from ecf_tui.court.profile import CourtProfile, MistakeKind
from ecf_tui.engine import Action, ActionNotAllowed, State
from ecf_tui.helpdesk.session import HelpDeskSession
from ecf_tui.keys import bindings
from ecf_tui.keys.demo import DemoKeys
from ecf_tui.keys.desk import DeskKeys
from ecf_tui.keys.footer import FooterKeys
from ecf_tui.keys.page import PageKeys
from ecf_tui.keys.window import MIN_HEIGHT, MIN_WIDTH, WindowFit
from ecf_tui.registry.loading import Registry
from ecf_tui.screens.assess_intro import AssessIntroScreen
from ecf_tui.screens.dialog import DialogScreen
from ecf_tui.screens.picker import CourtChoice, PickerScreen
from ecf_tui.screens.result import ResultScreen
from ecf_tui.screens.step import StepScreen
from ecf_tui.screens.too_small import TooSmallScreen
from ecf_tui.training.demo import DemoPlayer
from ecf_tui.training.modes import Mode, coached
from ecf_tui.training.session import TrainingSession
from ecf_tui.ui import themes
from ecf_tui.ui.collector import Collector
from ecf_tui.ui.crash import crash_report
from ecf_tui.ui.next_screens import NextScreens, foreseen
from ecf_tui.ui.screen_map import Shown, shown_for
from ecf_tui.ui.textual_private import ClosesOffstage, ReportsCrashes, keep_typing_out_of_logs
from ecf_tui.widgets import Chose, KeyGate

WIDGETS = Path(__file__).parent / "widgets"
SCREENS = Path(screens_package.__file__).parent
class EcfApp(ReportsCrashes, ClosesOffstage, KeyGate, WindowFit, PageKeys, DemoKeys, DeskKeys,
             FooterKeys, App[None]):
    """The simulator for one court at a time. Its keys are the mixins' (`ecf_tui.keys`)."""

    TITLE = "ecf-tui"
    # Every stylesheet up front, and only here: a screen's own CSS_PATH loaded later would
    # make Textual re-parse the whole stylesheet each time a new kind of screen first shows.
    # Widgets first, then the frame every step screen shares, then each screen's own.
    CSS_PATH: ClassVar = [
        *sorted(WIDGETS.glob("*.tcss")),
        SCREENS / "step.tcss",
        *sorted(p for p in SCREENS.glob("*.tcss") if p.name != "step.tcss"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = bindings.BINDINGS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-wide"), (120, "-wider")]
    # Under 20 rows the banner and the notice keep to a row each, so the page keeps room
    # for its focused control (at 60x15 the agreement's box was out of sight).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    COMMAND_PALETTE_DISPLAY = "^p"

    def __init__(self, registry: Registry, court: str | None = None,
                 state: State | None = None, *, graph_checks: bool = True,
                 mode: Mode = "guided", trainee: str | None = None,
                 delay: float = 2.0, scenario: str | None = None,
                 theme: str | None = None, one_column: bool = False,
                 ready_next: bool = True) -> None:
        super().__init__()
        keep_typing_out_of_logs(self)
        for ours in themes.OURS:
            self.register_theme(ours)
        if theme is not None:
            self.theme = themes.check(theme)
        # --screen-reader: the guide's panel under the page, not beside it, so that a
        # reader of the terminal's rows (xterm.js's, in the browser) reads each whole.
        self.set_class(one_column, "-one-column")
        self.add_class(f"-mode-{mode}")
        self.registry = registry
        self.profile: CourtProfile | None = (
            registry.load(court, graph_checks=graph_checks) if court else None)
        self.state: State | None = state
        if self.profile is not None and self.state is None:
            self.state = engine.start(self.profile)
        self._mistake: MistakeKind | None = None
        self.training = TrainingSession(mode, trainee)
        self.demo = DemoPlayer(delay)
        self.desk = HelpDeskSession(registry, scenario)
        self.next_screens = NextScreens(self, enabled=ready_next)
        """The likely next pages, made ready while the person reads (`ready_next`)."""
        self.collector = Collector(self)
        # Switch court, open a scenario, jump to a step: a help desk's and a trainer's
        # ways round; in practice and assess they would skip the walk being practised.
        self.use_command_palette = coached(mode)
        self.walk_start: State | None = self.state
        """Where the walk a transcript (F10) replays began: the start, or a jump."""
        self.visited: set[str] = set() if self.state is None else {self.state.step}
        """The steps walked on since `walk_start`: the guide's way on from a page a
        detour came back to is the way not yet taken (`engine.advice`)."""
        self.walk: list[str] = []
        """The action ids taken since `walk_start` (typed credentials as the account they
        matched: what F10's transcript replays; nothing typed)."""
        self.startup_problem: str | None = None
        """Why progress will not be saved (a store that cannot be used), said on start."""

    @property
    def mode(self) -> Mode:
        return self.training.mode

    @property
    def coaching(self) -> view.Coaching:
        """What the mode shows beside the page now (the View is built with it)."""
        t = self.training
        return view.Coaching(self.mode, self._mistake, t.hint, t.accounts, t.tally,
                             self.demo.seen_email, self.demo.paused,
                             self.desk.panel(self.profile, self.state), frozenset(self.visited))

    def on_mount(self) -> None:
        self.call_after_refresh(self.collector.start)
        if self.startup_problem:
            self.notify(self.startup_problem, title="Progress not saved", severity="warning",
                        timeout=15)
        if self.profile is None:
            self.push_screen(PickerScreen(CourtChoice.of(map(self.registry.load,
                                                               self.registry.codes()))))
        else:
            self._begin()
        self._fit(self.size.width, self.size.height)

    def _begin(self) -> None:
        """The court's walk starts: an assessment with its rule (and the practice
        accounts, once) first; the other modes at the page."""
        assert self.profile is not None
        if self.mode == "assess" and self.training.attempt is None:
            intro = view.assess_intro(self.profile, ask_name=self.training.trainee is None)
            self.push_screen(AssessIntroScreen(intro))
            return
        if self.mode == "demo":  # a trainer's projector: no trainee, nothing recorded
            self.start_demo()
        self.training.begin(self.profile)
        self._show()

    def on_assess_intro_screen_started(self, message: AssessIntroScreen.Started) -> None:
        assert self.profile is not None
        self.training.trainee = self.training.trainee or message.trainee
        self.training.begin(self.profile)
        self.pop_screen()
        self._show()

    def on_picker_screen_picked(self, message: PickerScreen.Picked) -> None:
        self.profile = self.registry.load(message.code)
        self.state = self.walk_start = engine.start(self.profile)
        self.visited = {self.state.step}
        self._begin()

    # -- the flow ----------------------------------------------------------

    def on_chose(self, message: Chose) -> None:
        message.stop()
        self.dispatch(message.action)

    def dispatch(self, action: Action) -> None:
        """Ask the engine for the next state and show it; the attempt records the
        action, and what kind of mistake it was."""
        assert self.profile is not None and self.state is not None
        # Typed credentials become the account they match: the attempt records that,
        # never what was typed.
        action = engine.resolve(self.profile, self.state, action)
        mistake = engine.mistake(self.profile, self.state, action)
        try:
            new = engine.step(self.profile, self.state, action)
        except ActionNotAllowed:
            self.bell()
            self.nothing_arriving()
            return
        self._took(action, mistake)
        self.state = new
        self.walk.append(action.id)
        self.visited.add(new.step)
        self._show()
        if self.training.ends_at(self.profile, new):  # practice, assess: the result over it
            record = self.training.file(new)
            if record is not None:
                self.push_screen(ResultScreen(view.result_view(self.profile, record)))

    def _took(self, action: Action, mistake: MistakeKind | None) -> None:
        assert self.state is not None
        self.training.took(self.state, action, mistake)
        self._mistake = mistake

    def show_state(self, state: State, mistake: MistakeKind | None = None, *,
                   new_screen: bool = False) -> None:
        """Jump straight to a state (as `ecf-tui run STATE_CODE` does at start). QA goes
        back to a page it has checked, to try its next move from it: `mistake` shows the
        page as the move that was that mistake arrives there, and `new_screen` shows it
        on a screen made for it, as after a move from a page of another kind (a screen
        that shows one page after another keeps its scroll position)."""
        self.state = state
        self.walk_start, self.walk, self.visited = state, [], {state.step}
        self._mistake, self.training.hint = mistake, False
        self._show(new_screen)

    @property
    def moment(self) -> tuple[State, MistakeKind | None] | None:
        """What decides the page shown in guided mode: the state and the mistake that
        led there (`show_state` takes both back)."""
        return None if self.state is None else (self.state, self._mistake)

    def on_unmount(self) -> None:
        self.collector.stop()

    def offstage(self) -> Sequence[Screen[Any]]:
        return self.next_screens.offstage()

    async def action_quit(self) -> None:
        """Quit; an attempt left midway is recorded as left (an assessment: failed)."""
        self.training.leave(self.state)
        self.exit(return_code=self.training.exit_code or 0)  # exit's first argument: a result

    def _show(self, new_screen: bool = False) -> None:
        assert self.profile is not None and self.state is not None
        target = shown_for(self.profile, self.state, self.coaching)
        self.refresh_bindings()
        # A choice posted just before the window shrank arrives with the one-line screen
        # on top: the page changes under it, and it goes back on top.
        covered = self._too_small()
        if covered:
            self.pop_screen()
        if isinstance(self.screen, DialogScreen):
            self.pop_screen()
        if target.under is not None:
            self._present(target.under, panel=target.view, new_screen=new_screen)
            dialog = DialogScreen(target.view)
            self.expect(dialog)
            self.push_screen(dialog)
        else:
            self._present(target, new_screen=new_screen)
        if covered:
            self.push_screen(TooSmallScreen(MIN_WIDTH, MIN_HEIGHT))
        self.nothing_arriving()  # where no page is on its way, keys held for one go on
        self.next_screens.plan(foreseen(self.profile, self.state, self.coaching, self.desk))
        self.collector.after_page()

    def _present(self, target: Shown, panel: view.View | None = None,
                 new_screen: bool = False) -> None:
        """Show a page (with `panel`'s guidance: a dialog's over it): the screen on top
        shows the new View where it is of the same class (unless `new_screen`); else a
        new screen takes the place of the one on top (a step screen or the picker), or
        goes on the stack at start."""
        top = self.screen
        panel = panel or target.view
        # The same page again stays, fields typed in (a failed login, a dialog closed).
        same_page = isinstance(top, StepScreen) and top.view.step_id == target.view.step_id
        screen = None if same_page else self.next_screens.take(target, panel)
        if screen is None and isinstance(top, StepScreen) and type(top) is target.screen \
                and not new_screen:
            if (top.view, top.panel_view) != (target.view, panel) and top.show(
                    target.view, panel):
                self.expect(top)
            return
        if screen is None:
            screen = cast(type[StepScreen[Any]], target.screen)(target.view, panel)
        self.expect(screen)
        if isinstance(top, StepScreen | PickerScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_state(self, court: str, state: State, scenario: str | None = None) -> None:
        """Go straight to a state of any court (a scenario's caller's screen, a step from
        the command palette); the walk in progress is kept as an attempt of its own."""
        first = self.profile is None
        left = self.state
        self.profile = self.registry.load(court)
        self.desk.scenario = scenario
        self.training.walk_elsewhere(self.profile, left)
        if self.mode == "demo" and first:
            self.start_demo()
        self.show_state(state)

    def crash_report(self, error: Exception) -> str:
        """The report a crash prints: where, and what, but nothing typed."""
        try:
            secrets = [f.value for f in self.screen.query(Input) if f.password and f.value]
        except Exception:  # noqa: BLE001 - a report must come out whatever broke
            secrets = []
        return crash_report(error, self.profile, self.state, secrets)


def run_app(app: EcfApp, **options: Any) -> int:
    """Run the App to its end: its exit code, and on a crash the one short report. An
    error that escapes Textual while the App comes down (a screen failing as it is
    removed) would print Python's traceback after the report; it ends here instead."""
    try:
        app.run(**options)
    except Exception as error:  # noqa: BLE001 - nothing but the report may reach the user
        # Textual had not printed the first report yet: it prints after coming down.
        print(app.first_report or app.crash_report(error), file=sys.stderr)
        return 1
    return app.return_code or 0


def make_app(registry: Registry, target: str | None = None, *, mode: Mode = "guided",
             trainee: str | None = None, delay: float = 2.0, scenario: str | None = None,
             at: str | None = None, theme: str | None = None,
             one_column: bool = False) -> EcfApp:
    """The App for a court code, an exact state code (`MOEB/firm-pacer/confirm`), a
    help-desk scenario's screen at a court (`--scenario`, `--at`), or the picker, in a
    training mode."""
    if target is None:
        if scenario or at:
            from ecf_tui.court.errors import UserError

            raise UserError("--scenario and --at need a court.", place="run",
                            fix="give the court first: ecf-tui run MOEB --scenario ID.")
        return EcfApp(registry, mode=mode, trainee=trainee, delay=delay, theme=theme,
                      one_column=one_column)
    from ecf_tui.helpdesk.opening import open_target

    profile, walk = open_target(registry, target, scenario, at)
    return EcfApp(registry, profile.code, walk.end, mode=mode, trainee=trainee, delay=delay,
                  scenario=scenario, theme=theme, one_column=one_column)
