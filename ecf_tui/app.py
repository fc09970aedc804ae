"""Provides the Textual App: it owns the engine's state, shows the screen for it (as
`screen_map` says), and turns the `Chose` messages screens send into engine steps.

Screens never decide where the flow goes. A crash shows a short report (no local
variables, no typed text) instead of Textual's default traceback, which prints every
frame's locals.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

import ecf_tui.screens as screens_package
from ecf_tui import __version__, engine, view
from ecf_tui.court.profile import CourtProfile, MistakeKind
from ecf_tui.engine import Action, ActionNotAllowed, State
from ecf_tui.flows import codebook
from ecf_tui.registry.loading import Registry
from ecf_tui.screens.assess_intro import AssessIntroScreen
from ecf_tui.screens.dialog import DialogScreen
from ecf_tui.screens.guide import GuideScreen
from ecf_tui.screens.picker import CourtChoice, PickerScreen
from ecf_tui.screens.result import ResultScreen
from ecf_tui.screens.step import StepScreen
from ecf_tui.screens.too_small import TooSmallScreen
from ecf_tui.training import demo
from ecf_tui.training.attempt import Attempt
from ecf_tui.training.record import AttemptRecord, Mode
from ecf_tui.ui import themes
from ecf_tui.ui.screen_map import Shown, shown_for
from ecf_tui.ui.textual_private import ReportsCrashes, keep_typing_out_of_logs

if TYPE_CHECKING:
    from ecf_tui.helpdesk.loading import Scenarios
    from ecf_tui.screens.scenario_search import ScenarioAt
from ecf_tui.widgets import Chose, GuidePanel, KeyGate

WIDGETS = Path(__file__).parent / "widgets"
SCREENS = Path(screens_package.__file__).parent
BROWSER_DONE = {"refresh": "The page loads again",
                "clear-cache": "The browser's cache is cleared"}
"""F5 and F6 where the page offers nothing for them, said in practice and assess (guided
mode says the court's way instead): a key in the footer does something visible."""
MIN_WIDTH, MIN_HEIGHT = 60, 15
"""The smallest terminal the simulator draws in (the page beside the side panel); below
it, one line asks for a bigger window (Rich cannot lay out a few columns)."""


class EcfApp(ReportsCrashes, KeyGate, App[None]):
    """The simulator for one court at a time."""

    TITLE = "ecf-tui"
    # Every stylesheet up front, and only here: a screen's own CSS_PATH loaded later would
    # make Textual re-parse the whole stylesheet each time a new kind of screen first shows.
    # Widgets first, then the frame every step screen shares, then each screen's own.
    CSS_PATH: ClassVar = [
        *sorted(WIDGETS.glob("*.tcss")),
        SCREENS / "step.tcss",
        *sorted(p for p in SCREENS.glob("*.tcss") if p.name != "step.tcss"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "browser('refresh')", "Refresh"),
        Binding("f6", "browser('clear-cache')", "Clear cache"),
        Binding("f8", "log_out", "Log out"),
        Binding("f4", "toggle_sources", "Sources", show=False),  # a trainer's key: README
        Binding("f1", "open_guide", "Guide"),
        # Practice's hint: ? where focus is not in a field (there it is typed), F7 anywhere.
        Binding("f7", "hint", "Hint"),
        Binding("question_mark", "hint", "Hint", show=False),
        Binding("f2", "toggle_accounts", "Accounts"),
        # The help desk's keys, not a trainee's: out of the footer (which keeps to the keys
        # a trainee needs at 80 columns), like F4; `run --help` and the README name them.
        Binding("f3", "toggle_desk", "Help desk", show=False),
        Binding("f9", "copy_code", "Copy code"),
        Binding("f10", "transcript", "Transcript", show=False),
        Binding("ctrl+f", "find_scenario", "Find scenario", show=False),
        Binding("ctrl+r", "start_over", "Start over"),
        # The demo's keys, before any field or button sees them (demo mode only); the
        # demo's caption lists them (in the footer they pushed Escape past its edge).
        Binding("space", "demo_pause", "Pause", priority=True, show=False),
        Binding("right", "demo_step", "Next move", priority=True, show=False),
        Binding("escape", "demo_stop", "Stop demo", priority=True, show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-wide"), (120, "-wider")]
    # Under 20 rows the banner and the notice keep to a row each, so the page keeps room
    # for its focused control (at 60x15 the agreement's box was out of sight).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    COMMAND_PALETTE_DISPLAY = "^p"

    def __init__(self, registry: Registry, court: str | None = None,
                 state: State | None = None, *, graph_checks: bool = True,
                 mode: Mode = "guided", trainee: str | None = None,
                 delay: float = 2.0, scenario: str | None = None,
                 theme: str | None = None, one_column: bool = False) -> None:
        super().__init__()
        keep_typing_out_of_logs(self)
        for ours in themes.OURS:
            self.register_theme(ours)
        if theme is not None:
            self.theme = themes.check(theme)
        # --screen-reader: the guide's panel under the page, not beside it, so that a
        # reader of the terminal's rows (xterm.js's, in the browser) reads each whole.
        self.set_class(one_column, "-one-column")
        self.registry = registry
        self.mode: Mode = mode
        self.trainee = trainee
        self.profile: CourtProfile | None = (
            registry.load(court, graph_checks=graph_checks) if court else None)
        self.state: State | None = state
        if self.profile is not None and self.state is None:
            self.state = engine.start(self.profile)
        self.attempt: Attempt | None = None
        self.finished: list[AttemptRecord] = []
        """The attempts ended in this run (the command line saves them as results)."""
        self._mistake: MistakeKind | None = None
        self._hint = False
        self._accounts = False
        self.delay = delay
        """Demo: seconds between moves."""
        self._paused = False
        self._seen_email = False
        self._typing: list[str] = []
        """Demo: what of a typed move is still to show ("login", "password", "send")."""
        self.add_class(f"-mode-{mode}")
        # Switch court, open a scenario, jump to a step: a help desk's and a trainer's
        # ways round; in practice and assess they would skip the walk being practised.
        self.use_command_palette = mode in ("guided", "demo")
        self.walk_start: State | None = self.state
        """Where the walk a transcript (F10) replays began: the start, or a jump."""
        self.walk: list[str] = []
        """The action ids taken since `walk_start` (typed credentials as the account they
        matched: what F10's transcript replays; nothing typed)."""
        self.scenario = scenario
        """The help-desk scenario opened (`--scenario`): its fix shows in the desk panel."""
        self._desk = False
        self._scenarios: Scenarios | None = None
        self.startup_problem: str | None = None
        """Why progress will not be saved (a store that cannot be used), said on start."""

    @property
    def coaching(self) -> view.Coaching:
        """What the mode shows beside the page now (the View is built with it)."""
        tally = self.attempt.tally if self.attempt is not None else (0, 0)
        return view.Coaching(self.mode, self._mistake, self._hint, self._accounts, tally,
                             self._seen_email, self._paused, self._desk_view())

    def _desk_view(self) -> view.DeskView | None:
        """The help-desk panel for the state shown, where F3 opened it."""
        if not self._desk or self.profile is None or self.state is None:
            return None
        from ecf_tui.helpdesk.desk import desk_view

        scenarios = self._scenarios_known()
        code = codebook.code(self.profile, self.state)
        court = self.profile.code
        opened = [b for b in scenarios.at(court) if b.scenario.id == self.scenario]
        return desk_view(self.profile, self.state, code, self.registry.guide_text(court),
                         opened or scenarios.for_code(court, code))

    def on_mount(self) -> None:
        if self.startup_problem:
            self.notify(self.startup_problem, title="Progress not saved", severity="warning",
                        timeout=15)
        if self.profile is None:
            self.push_screen(PickerScreen(self._court_choices()))
        else:
            self._begin()
        self._fit(self.size.width, self.size.height)

    def _begin(self) -> None:
        """The court's walk starts: an assessment with its rule (and the practice
        accounts, once) first; the other modes at the page."""
        assert self.profile is not None
        if self.mode == "assess" and self.attempt is None:
            intro = view.assess_intro(self.profile, ask_name=self.trainee is None)
            self.push_screen(AssessIntroScreen(intro))
            return
        if self.mode == "demo":  # a trainer's projector: no trainee, nothing recorded
            self.set_interval(self.delay, self._demo_tick)
        else:
            self.attempt = Attempt(self.profile, self.mode, self.trainee)
        self._show()

    def on_assess_intro_screen_started(self, message: AssessIntroScreen.Started) -> None:
        assert self.profile is not None
        self.trainee = self.trainee or message.trainee
        self.attempt = Attempt(self.profile, self.mode, self.trainee)
        self.pop_screen()
        self._show()

    async def on_event(self, event: events.Event) -> None:
        # A focused field takes a printable key before any binding (Textual lets it
        # consume the key): in the demo, Space in the login it is typing would be typed.
        if (self.mode == "demo" and isinstance(event, events.Key) and event.key == "space"
                and not self.holding_keys and isinstance(self.focused, Input)):
            self.action_demo_pause()
            return
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Below the smallest usable size, one line over everything; back above it, the
        screens as they were (fields typed in, dialogs, the open guide)."""
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        covered = self._too_small()
        if small and not covered:
            # Keys typed now (the rest of a password) wait for the page, not for the one
            # line over it, which dropped them.
            self.hold_keys()
            self.push_screen(TooSmallScreen(MIN_WIDTH, MIN_HEIGHT))
        elif covered and not small:
            self.pop_screen()
            self.nothing_arriving()

    def keys_must_wait(self) -> bool:
        return self._too_small()

    def _too_small(self) -> bool:
        return bool(self.screen_stack) and isinstance(self.screen, TooSmallScreen)

    def _court_choices(self) -> list[CourtChoice]:
        choices = []
        for code in self.registry.codes():
            profile = self.registry.load(code)
            live = profile.about.go_live.text if profile.about.go_live else None
            choices.append(CourtChoice(code, profile.name.text, live))
        return choices

    def on_picker_screen_picked(self, message: PickerScreen.Picked) -> None:
        self.profile = self.registry.load(message.code)
        self.state = self.walk_start = engine.start(self.profile)
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
        self._show()
        if self.mode in ("practice", "assess") and engine.is_end(self.profile, new):
            self._end_attempt()

    def _took(self, action: Action, mistake: MistakeKind | None) -> None:
        assert self.state is not None
        if self.attempt is not None:
            self.attempt.took(self.state, action, mistake)
        self._mistake, self._hint = mistake, False

    def show_state(self, state: State, mistake: MistakeKind | None = None, *,
                   new_screen: bool = False) -> None:
        """Jump straight to a state (as `ecf-tui run STATE_CODE` does at start). QA goes
        back to a page it has checked, to try its next move from it: `mistake` shows the
        page as the move that was that mistake arrives there, and `new_screen` shows it
        on a screen made for it, as after a move from a page of another kind (a screen
        that shows one page after another keeps its scroll position)."""
        self.state = state
        self.walk_start, self.walk = state, []
        self._mistake, self._hint = mistake, False
        self._show(new_screen)

    @property
    def moment(self) -> tuple[State, MistakeKind | None] | None:
        """What decides the page shown in guided mode: the state and the mistake that
        led there (`show_state` takes both back)."""
        return None if self.state is None else (self.state, self._mistake)

    def _end_attempt(self) -> None:
        """Practice and assess end with their result over the end page."""
        assert self.profile is not None and self.state is not None
        record = self._file_attempt()
        if record is not None:
            self.push_screen(ResultScreen(view.result_view(self.profile, record)))

    def _file_attempt(self) -> AttemptRecord | None:
        """End the attempt in progress where the walk is now, and keep its record with
        this run's (the command line saves them); None where no attempt was going on."""
        if self.attempt is None or self.state is None:
            return None
        record = self.attempt.record(self.state)
        self.finished.append(record)
        self.attempt = None
        return record

    @property
    def exit_code(self) -> int | None:
        """The run's last assessment's verdict (0 passed, 1 not); None without one."""
        verdicts = [r.passed for r in self.finished if r.passed is not None]
        return None if not verdicts else 0 if verdicts[-1] else 1

    async def action_quit(self) -> None:
        """Quit; an attempt left midway is recorded as left (an assessment: failed)."""
        if self.attempt is not None and (self.attempt.steps or self.mode == "assess"):
            self._file_attempt()  # opened and closed with no step: no attempt
        self.exit(return_code=self.exit_code or 0)  # App.exit's first argument is a result

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

    def _present(self, target: Shown, panel: view.View | None = None,
                 new_screen: bool = False) -> None:
        """Show a page (with `panel`'s guidance: a dialog's over it): the screen on top
        shows the new View where it is of the same class (unless `new_screen`); else a
        new screen takes the place of the one on top (a step screen or the picker), or
        goes on the stack at start."""
        top = self.screen
        panel = panel or target.view
        if isinstance(top, StepScreen) and type(top) is target.screen and not new_screen:
            if (top.view, top.panel_view) != (target.view, panel) and top.show(
                    target.view, panel):
                self.expect(top)
            return
        screen = cast(type[StepScreen[Any]], target.screen)(target.view, panel)
        self.expect(screen)
        if isinstance(top, StepScreen | PickerScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # -- the demo --------------------------------------------------------

    def _demo_tick(self) -> None:
        """The demo's next move (a typed one shows its login, then its password, then
        sends), once the page has arrived; nothing while paused or stopped."""
        if self.mode == "demo" and not self._paused:
            self._demo_move()

    def _demo_move(self) -> None:
        if self.profile is None or self.state is None or self.holding_keys or not isinstance(
                self.screen, StepScreen | DialogScreen):
            return
        move = demo.demo_move(self.profile, self.state, self._seen_email)
        if move is None:
            self._paused = True
            self.notify("The demo reached the end of the guide's path.", title="Demo")
            return
        if move.typed:
            if not self._typing:
                self._typing = ["login", "password", "send"]
            shown = self._typing.pop(0)
            fields = list(self.screen.query("#page Input"))
            if shown != "send" and len(fields) >= 2:
                # The practice account's values, from the profile: nothing a person typed.
                field = fields[0] if shown == "login" else fields[1]
                cast(Input, field).value = move.username if shown == "login" else move.password
                return
            self._typing = []
        if move.name == "email":
            self._seen_email = True
        self.dispatch(move)

    def action_demo_pause(self) -> None:
        self._paused = not self._paused
        self._show()

    def action_demo_step(self) -> None:
        self._demo_move()

    def action_demo_stop(self) -> None:
        """The demo stops where it is; the trainer goes on by hand, guided."""
        self.mode = "guided"
        self.remove_class("-mode-demo").add_class("-mode-guided")
        self._typing = []
        self.refresh_bindings()
        self._show()

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
            return
        if self.profile is None or self.state is None:
            return
        mistake = engine.mistake(self.profile, self.state, Action(action_id))
        if mistake is not None:  # the page reloads, menus still limited: a mistake
            self._took(Action(action_id), mistake)
            self._show()
        if self.coaching.coached:
            how = " ".join(f"{heading}: {' '.join(t.text for t in run)}"
                           for heading, run in view.says(self.profile.refresh.instruction))
            self.notify(f"That does not refresh the menus here. {how}",
                        title="Not this way", severity="warning", timeout=8)
        elif mistake is None:  # practice, assess: the browser did it, and nothing changed
            done = BROWSER_DONE.get(action_id, "The browser did that")
            self.notify(f"{done}; nothing on this page changes.", title="Browser", timeout=4)

    def action_log_out(self) -> None:
        if self.profile is None:
            return
        action = self._offered(f"menu:{self.profile.menu_bar.logout.text}")
        if action is not None:
            self.dispatch(action)
        else:
            self.bell()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only keys that do something here show in the footer: the court's keys once a
        court is open, Log Out where the page offers it; none over the open guide or
        while the window is too small."""
        if isinstance(self.screen, GuideScreen | TooSmallScreen | AssessIntroScreen
                      | ResultScreen) and action != "quit":
            return False
        if action in ("find_scenario", "transcript"):
            return self.mode in ("guided", "demo") and (
                action == "find_scenario" or self.profile is not None)
        if action in ("toggle_desk", "copy_code"):  # the help desk's: the code shows there
            return self.profile is not None and self.mode in ("guided", "demo") and (
                action == "toggle_desk" or self._desk)
        if action == "toggle_accounts" and (self._desk or not self._typing_page()):
            # The desk panel shows the accounts in play, not the practice list; the panel
            # lists practice accounts only where credentials are typed.
            return False
        if action in ("open_guide", "toggle_accounts") and self.mode == "assess":
            return False  # no guide, no hints, the accounts shown once before it began
        if action.startswith("demo_"):
            return self.mode == "demo" and self.profile is not None
        if action == "hint":
            return self.profile is not None and self.mode == "practice"
        if action in ("browser", "toggle_sources", "open_guide", "toggle_accounts"):
            return self.profile is not None
        if action == "start_over":  # at an end of the procedure: the way on is to begin again
            return self.profile is not None and self.state is not None and engine.is_end(
                self.profile, self.state)
        if action == "log_out":
            return self.profile is not None and self._offered(
                f"menu:{self.profile.menu_bar.logout.text}") is not None
        return True

    def _typing_page(self) -> bool:
        """Whether the page shown is one where credentials are typed (the panel lists
        the practice accounts there)."""
        if self.profile is None or self.state is None:
            return False
        return self.profile.steps[self.state.step].kind in view.ACCOUNT_STEPS

    def action_open_guide(self) -> None:
        """The court's whole guide, at the lines of the current step."""
        if self.profile is None or self.state is None:
            return
        if self.mode == "practice" and self.attempt is not None:
            self.attempt.hinted()  # the guide open at this step is a hint
        text = self.registry.guide_text(self.profile.code)
        self.push_screen(GuideScreen(view.guide_page(self.profile, text, self.state.step)))

    def action_hint(self) -> None:
        """Practice: the guide's words for this page in the panel, counted as a hint."""
        if self.mode != "practice" or self._hint or self.attempt is None:
            return
        self.attempt.hinted()
        self._hint = True
        self._show()

    def action_toggle_accounts(self) -> None:
        """Show the other practice accounts (a firm's, a colleague's...) in the panel;
        in practice, the practice accounts at all (they are not shown unasked)."""
        self.toggle_class("-all-accounts")
        if self.mode == "practice" and self.state is not None:
            self._accounts = not self._accounts
            self._show()
        elif self.has_class("-all-accounts"):
            for panel in self.screen.query(GuidePanel):
                self.call_after_refresh(panel.reveal_extra)

    def action_start_over(self) -> None:
        """Back to the court's first page, to walk the procedure again: the walk that
        ended is an attempt of its own (guided; practice and assess ended theirs)."""
        if self.profile is None:
            return
        if self.attempt is not None and self.attempt.steps:
            self._file_attempt()
            self.attempt = Attempt(self.profile, self.mode, self.trainee)
        self.show_state(engine.start(self.profile))

    def action_toggle_desk(self) -> None:
        """The help desk's panel (the state code, the accounts in play, the guide's words
        with file and line, the fix) in place of the trainee's; F3 again puts it back.
        Not in practice or assess, where it would give the walk away."""
        if self.mode not in ("guided", "demo"):
            return
        self._desk = not self._desk
        self.set_class(self._desk, "-desk")
        self.refresh_bindings()
        if self.state is not None:
            self._show()

    def _scenarios_known(self) -> Scenarios:
        from ecf_tui.helpdesk import loading

        if self._scenarios is None:
            self._scenarios = loading.load(self.registry)
        return self._scenarios

    def action_find_scenario(self) -> None:
        """The help desk's search: the caller's words, the scenarios of every court
        ranked as they are typed, Enter to open the caller's screen."""
        if self.mode not in ("guided", "demo"):
            return
        from ecf_tui.screens.scenario_search import ScenarioAt, ScenarioSearchScreen

        found = [ScenarioAt(b.scenario, b.court, b.code, b.linked)
                 for b in self._scenarios_known().bound]
        court = self.profile.code if self.profile else None
        self.push_screen(ScenarioSearchScreen(found, court), self._open_scenario)

    def _open_scenario(self, chosen: ScenarioAt | None) -> None:
        if chosen is not None:
            bound = self._scenarios_known().get(chosen.court, chosen.scenario.id)
            self.open_state(chosen.court, bound.walk.end, chosen.scenario.id)

    def open_state(self, court: str, state: State, scenario: str | None = None) -> None:
        """Go straight to a state of any court (a scenario's caller's screen, a step from
        the command palette); the walk in progress is kept as an attempt of its own."""
        if self.attempt is not None and self.attempt.steps:
            self._file_attempt()
        first = self.profile is None
        self.profile = self.registry.load(court)
        self.scenario = scenario
        if self.mode != "demo":
            self.attempt = Attempt(self.profile, self.mode, self.trainee)
        elif first:
            self.set_interval(self.delay, self._demo_tick)
        self.show_state(state)

    def action_command_palette(self) -> None:
        """Ctrl+P: Textual's palette, as this project styles it (see screens/palette)."""
        from ecf_tui.screens.palette import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette (Ctrl+P): switch court, open a scenario, jump to a step of
        the open court, and quit."""
        for code in self.registry.codes():
            profile = self.registry.load(code)
            yield SystemCommand(f"Switch court: {code}", profile.name.text,
                                partial(self._switch_court, code))
        for bound in self._scenarios_known().bound:
            yield SystemCommand(f"Open scenario: {bound.scenario.title} ({bound.court})",
                                bound.code, partial(self.open_state, bound.court,
                                                    bound.walk.end, bound.scenario.id))
        if self.profile is not None:
            profile = self.profile
            for step_id, step in profile.steps.items():
                state = codebook.codebook(profile).first_at(step_id)
                if state is not None:
                    yield SystemCommand(
                        f"Jump to step: {step_id}",
                        f"{engine.KIND_NAMES.get(step.kind, step.kind)} · "
                        f"{codebook.code(profile, state)}",
                        partial(self.open_state, profile.code, state))
        yield SystemCommand("Quit", "Quit ecf-tui", self.action_quit)

    def _switch_court(self, code: str) -> None:
        self.open_state(code, engine.start(self.registry.load(code)))

    def action_transcript(self) -> None:
        """Write this walk as a transcript (every screen as shown, the actions between):
        `ecf-tui transcript` replays the walk's action ids headless into a file in the
        current folder; what was typed is not among them. `ecf-tui replay FILE` checks
        it later."""
        if self.profile is None or self.walk_start is None or self.mode not in (
                "guided", "demo"):
            return
        from datetime import datetime

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = Path.cwd() / f"ecf-tui-{self.profile.code}-{stamp}.txt"
        argv = [sys.executable, "-m", "ecf_tui",
                *(a for folder in self.registry.folders[1:] for a in ("--profiles",
                                                                    str(folder))),
                "transcript", codebook.code(self.profile, self.walk_start), "--out",
                str(path), "--size", f"{self.size.width}x{self.size.height}"]
        if self.walk:
            argv += ["--actions", ",".join(self.walk)]
        self.notify(f"Writing the transcript of this walk to {path.name}…", title="Transcript")
        self.run_worker(partial(self._write_transcript, argv, path), thread=True,
                        group="transcript")

    def _write_transcript(self, argv: list[str], path: Path) -> None:
        import os
        import subprocess

        # The folders are given on the command line; the variable would add them twice.
        env = {k: v for k, v in os.environ.items() if k != "ECF_TUI_PROFILES"}
        done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
        if done.returncode == 0:
            self.call_from_thread(self.notify, f"Written: {path}. Check it later with: "
                                  f"ecf-tui replay {path.name}", title="Transcript")
        else:
            said = (done.stdout + done.stderr).strip().splitlines()
            self.call_from_thread(self.notify, said[-1] if said else "it failed.",
                                  title="Transcript not written", severity="error")

    def action_copy_code(self) -> None:
        """The state code to the clipboard (the terminal's, OSC 52): what a help desk
        sends a colleague, who opens it with `ecf-tui run CODE`."""
        if self.profile is None or self.state is None or not self._desk:
            return
        code = codebook.code(self.profile, self.state)
        self.copy_to_clipboard(code)
        opened = [b for b in self._scenarios_known().at(self.profile.code)
                  if b.scenario.id == self.scenario and b.code == code]
        # A scenario opened here: its line, not the code's (two scenarios can share a
        # screen, and the code opens the first one's fix).
        line = opened[0].open_line if opened else f"ecf-tui run {code}"
        self.notify(f"Copied {code}. Open this screen with: {line}", title="State code")

    def action_toggle_sources(self) -> None:
        """Colour every court text by its source (the court's guide, another court's,
        the simulator's), for a trainer checking a profile; F4 again turns it off."""
        self.toggle_class("-show-sources")

    # -- crashes -----------------------------------------------------------

    def crash_report(self, error: Exception) -> str:
        """The report a crash prints: where, and what, but nothing typed."""
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
        try:  # the state code, as QA and a help desk read it; the step if that fails too
            state = codebook.code(self.profile, self.state) if self.profile and \
                self.state else "-"
        except Exception:  # noqa: BLE001 - a report must come out whatever broke
            state = self.state.step if self.state else "-"
        return (f"ecf-tui {__version__} stopped on an internal error.\n"
                f"court: {court}   state: {state}\n"
                f"error: {type(error).__name__}: {message}\n"
                f"where: {where}\n"
                "Nothing you typed is shown here. Please report this report.")


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
